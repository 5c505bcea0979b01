//! The embedded fonts (Noto, OFL 1.1, see assets/fonts/README.md) and the font families the
//! app uses: Latin-first for the UI, Arabic-first for right-to-left pieces of text.

use egui::{FontData, FontDefinitions, FontFamily};
use std::sync::Arc;

const NOTO_SANS: &[u8] = include_bytes!("../../../assets/fonts/NotoSans-Regular.ttf");
const ARABIC_UI: &[u8] = include_bytes!("../../../assets/fonts/NotoSansArabicUI-Regular.ttf");
const ARABIC_UI_BOLD: &[u8] = include_bytes!("../../../assets/fonts/NotoSansArabicUI-Bold.ttf");
const NASKH: &[u8] = include_bytes!("../../../assets/fonts/NotoNaskhArabicUI-Regular.ttf");

/// Arabic first, then Noto Sans: used by the bidi layer for right-to-left pieces, so spaces
/// and punctuation between Arabic words come from the Arabic font (same metrics, no
/// font switch inside an Arabic phrase).
pub const RTL: &str = "tarikh-rtl";
/// Bold Arabic (Noto Sans Arabic UI Bold) with Noto Sans for Latin.
pub const BOLD: &str = "tarikh-bold";
/// Naskh Arabic for reading article text, with Noto Sans for Latin.
pub const NASKH_FAMILY: &str = "tarikh-naskh";

/// The font definitions: egui's defaults (kept for icons and emoji) plus the Noto fonts.
pub fn definitions() -> FontDefinitions {
    let mut defs = FontDefinitions::default();
    for (name, bytes) in [
        ("NotoSans", NOTO_SANS),
        ("NotoSansArabicUI", ARABIC_UI),
        ("NotoSansArabicUI-Bold", ARABIC_UI_BOLD),
        ("NotoNaskhArabicUI", NASKH),
    ] {
        defs.font_data
            .insert(name.to_owned(), Arc::new(FontData::from_static(bytes)));
    }
    let defaults = defs
        .families
        .get(&FontFamily::Proportional)
        .cloned()
        .unwrap_or_default();
    let family = |first: &[&str]| -> Vec<String> {
        first
            .iter()
            .map(|s| (*s).to_owned())
            .chain(defaults.iter().cloned())
            .collect()
    };
    // Latin first: English UI chrome keeps Latin metrics; Arabic letters fall back to the
    // Arabic font. Right-to-left pieces use the RTL family instead (see bidi layer).
    defs.families.insert(
        FontFamily::Proportional,
        family(&["NotoSans", "NotoSansArabicUI"]),
    );
    defs.families.insert(
        FontFamily::Name(RTL.into()),
        family(&["NotoSansArabicUI", "NotoSans"]),
    );
    defs.families.insert(
        FontFamily::Name(BOLD.into()),
        family(&["NotoSansArabicUI-Bold", "NotoSans"]),
    );
    defs.families.insert(
        FontFamily::Name(NASKH_FAMILY.into()),
        family(&["NotoNaskhArabicUI", "NotoSans"]),
    );
    if let Some(mono) = defs.families.get_mut(&FontFamily::Monospace) {
        mono.push("NotoSansArabicUI".to_owned());
    }
    defs
}

/// Install the fonts in a context; call once at start (the app, tests, snapshots).
pub fn install_fonts(ctx: &egui::Context) {
    ctx.set_fonts(definitions());
}

/// The family to draw a right-to-left piece with, given the family asked for.
pub fn rtl_family(family: &FontFamily) -> FontFamily {
    match family {
        FontFamily::Proportional => FontFamily::Name(RTL.into()),
        other => other.clone(),
    }
}

/// Naskh Arabic (Latin from Noto Sans) at `size`: comfortable for reading article text.
pub fn naskh(size: f32) -> egui::FontId {
    egui::FontId::new(size, FontFamily::Name(NASKH_FAMILY.into()))
}

/// Bold Arabic (Latin from Noto Sans, regular) at `size`.
pub fn bold(size: f32) -> egui::FontId {
    egui::FontId::new(size, FontFamily::Name(BOLD.into()))
}
