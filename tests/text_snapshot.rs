//! Snapshot of the bidi text layer with the embedded fonts (egui_kittest, wgpu on llvmpipe):
//! Arabic with numbers, Latin, brackets, a wrapped right-aligned paragraph, highlights.
#![cfg(feature = "gui")]

use egui::{Align2, Color32, FontId};
use egui_kittest::Harness;
use tarikh::ui::text;

const PARAGRAPH: &str = "قالت مصادر محلية إن قوات الجيش الوطني دخلت مدينة غريان يوم الأربعاء 3 نيسان/أبريل 2019، \
بعد اشتباكات قصيرة (استمرت ساعات) أسفرت عن مقتل ٤٣ شخصا، فيما أعلنت حكومة الوفاق (GNA) النفير العام.";

#[test]
fn mixed_arabic_text_renders_in_reading_order() {
    let highlight_start = PARAGRAPH.find("دخلت مدينة غريان").unwrap_or(0);
    let highlight = highlight_start..highlight_start + "دخلت مدينة غريان".len();
    let date_start = PARAGRAPH.find("يوم الأربعاء").unwrap_or(0);
    let date = date_start..date_start + "يوم الأربعاء 3 نيسان/أبريل 2019".len();
    let mut harness = Harness::builder()
        .with_size([720.0, 470.0])
        .with_pixels_per_point(1.5)
        .with_theme(egui::Theme::Light)
        .with_context_setup(text::install_fonts)
        .build_ui(move |ui| {
            ui.label("1. label: Arabic with a number and a Latin word");
            text::label(
                ui,
                "أطلق الجيش هجوما يوم 4 أبريل 2019 على Tripoli وأسفر عن 2467 جريحا",
            );
            ui.label("2. label: brackets and quotes");
            text::label(ui, "قال الرئيس ماكرون (Macron) إن \"الحل سياسي\" منذ 2011.");
            ui.label("3. paragraph, 360 px, right-aligned, two highlights");
            let r = text::paragraph(
                ui,
                PARAGRAPH,
                &[
                    (highlight.clone(), Color32::from_rgb(255, 230, 140)),
                    (date.clone(), Color32::from_rgb(170, 215, 255)),
                ],
                360.0,
            );
            ui.painter()
                .rect_stroke(r.rect, 0.0, (1.0, Color32::RED), egui::StrokeKind::Outside);
            ui.label("4. LTR sentence with an Arabic phrase");
            text::label(
                ui,
                "The city طرابلس الغرب (Tripoli) was attacked on 4 April 2019.",
            );
            ui.label("4b. highlight inside words: لدرنة / بطرابلس (joining kept)");
            let clitics = "وصلت التعزيزات لدرنة ثم بطرابلس";
            let d = clitics.find("درنة").unwrap_or(0);
            let t = clitics.find("طرابلس").unwrap_or(0);
            text::paragraph(
                ui,
                clitics,
                &[
                    (d..d + "درنة".len(), Color32::from_rgb(255, 230, 140)),
                    (t..t + "طرابلس".len(), Color32::from_rgb(170, 215, 255)),
                ],
                360.0,
            );
            ui.label("4c. Naskh (article text) and bold");
            text::paragraph_with(
                ui,
                "أعلنت الأمم المتحدة (UNSMIL) توقيع اتفاق وقف إطلاق النار في جنيف يوم 23 تشرين الأول/أكتوبر 2020.",
                &[],
                700.0,
                &text::fonts::naskh(17.0),
                Color32::BLACK,
            );
            ui.label(text::single_line_job(
                "الجيش الوطني الليبي – حكومة الوفاق",
                &text::fonts::bold(16.0),
                Color32::DARK_RED,
            ));
            ui.horizontal(|ui| {
                ui.label("4d. label_truncated, 220 px:");
                text::label_truncated(
                    ui,
                    "قوات الوفاق تدخل ترهونة وتبسط سيطرتها على الغرب الليبي",
                    220.0,
                );
            });
            ui.label("5. painter_text, right-anchored");
            let (rect, _) = ui.allocate_exact_size(egui::vec2(700.0, 30.0), egui::Sense::hover());
            text::painter_text(
                ui.painter(),
                rect.right_center() - egui::vec2(20.0, 0.0),
                Align2::RIGHT_CENTER,
                "سرت – الجفرة: خط وقف إطلاق النار (2020)",
                FontId::proportional(16.0),
                Color32::DARK_BLUE,
            );
        });
    harness.run();
    harness.snapshot("text_bidi_mixed_arabic");
}

/// Zoomed: a highlight that starts inside a word (after a clitic) keeps the letters joined.
#[test]
fn highlight_after_a_clitic_keeps_letters_joined() {
    let t = "لدرنة وبطرابلس";
    let d = t.find("درنة").unwrap_or(0);
    let b = t.find("طرابلس").unwrap_or(0);
    let mut harness = Harness::builder()
        .with_size([200.0, 40.0])
        .with_pixels_per_point(3.0)
        .with_theme(egui::Theme::Light)
        .with_context_setup(text::install_fonts)
        .build_ui(move |ui| {
            text::paragraph(
                ui,
                t,
                &[
                    (d..d + "درنة".len(), Color32::from_rgb(255, 230, 140)),
                    (b..b + "طرابلس".len(), Color32::from_rgb(170, 215, 255)),
                ],
                180.0,
            );
        });
    harness.run();
    harness.snapshot("text_bidi_clitic_highlight");
}

/// A whole sample article (Arabic-Indic digits, Levantine months) in the reading font.
#[test]
fn sample_article_wraps_into_readable_right_aligned_paragraphs() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/sample-corpus/gharyan.txt"
    );
    let article = std::fs::read_to_string(path).expect("sample article");
    let mut harness = Harness::builder()
        .with_size([560.0, 560.0])
        .with_pixels_per_point(1.25)
        .with_theme(egui::Theme::Light)
        .with_context_setup(text::install_fonts)
        .build_ui(move |ui| {
            for (i, para) in article.split("\n\n").enumerate() {
                let font = if i == 0 {
                    text::fonts::bold(18.0)
                } else {
                    text::fonts::naskh(16.0)
                };
                text::paragraph_with(ui, para.trim(), &[], 540.0, &font, Color32::BLACK);
                ui.add_space(6.0);
            }
        });
    harness.run();
    harness.snapshot("text_sample_article");
}
