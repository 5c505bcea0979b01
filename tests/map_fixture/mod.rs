//! A small synthetic corpus for the map and snapshot tests: three cities, three sides,
//! control that changes hands, written here (no seed text), so tests never need ../shared.
#![allow(dead_code)] // each test crate uses only part of the fixture

use jiff::civil::Date;
use tarikh::model::*;

pub fn d(s: &str) -> Date {
    s.parse().expect("fixture date")
}

fn place(id: &str, ar: &str, lat: f64, lon: f64) -> PlaceOut {
    PlaceOut {
        id: id.into(),
        name_en: id.into(),
        name_ar: ar.into(),
        lat,
        lon,
        kind: "city".into(),
    }
}

fn event(id: &str, date: &str, kind: &str, places: &[&str], actors: &[&str]) -> Event {
    Event {
        id: id.into(),
        doc: "doc".into(),
        start: 0,
        end: 10,
        evidence: format!("synthetic evidence for {id}"),
        date: Some(date.into()),
        date_end: None,
        precision: Precision::Day,
        date_source: DateSource::Timex,
        kind: kind.into(),
        modality: Modality::Asserted,
        places: places.iter().map(|s| (*s).into()).collect(),
        actors: actors.iter().map(|s| (*s).into()).collect(),
        casualties: Casualties::default(),
        control: None,
        sources: vec![],
    }
}

fn iv(
    from: &str,
    to: Option<&str>,
    holder: &str,
    state: ControlState,
    by: &[&str],
    ev: &[&str],
) -> ControlInterval {
    ControlInterval {
        from: Some(d(from)),
        to: to.map(d),
        holder: Some(holder.into()),
        state,
        contenders: by.iter().map(|s| s.to_string()).collect(),
        events: ev.iter().map(|s| s.to_string()).collect(),
    }
}

/// Tripoli held by GNA then attacked by LNA from 2019-04-04; Derna held by DMSC, taken
/// by LNA on 2018-06-28; Sirte has no control claims (the region pack's background
/// answers for it).
pub fn extract() -> Extract {
    use ControlState::*;
    Extract {
        schema: SCHEMA.into(),
        tool: Tool {
            name: "tarikh".into(),
            version: "test".into(),
            pack: "libya".into(),
        },
        corpus: CorpusInfo {
            root: "fixture".into(),
            documents: 1,
            skipped: vec![],
        },
        documents: vec![],
        events: vec![
            event(
                "doc#1",
                "2019-01-10",
                "control_claim",
                &["Tripoli"],
                &["GNA"],
            ),
            event("doc#2", "2019-04-04", "offensive", &["Tripoli"], &["LNA"]),
            event(
                "doc#3",
                "2019-04-06",
                "armed_clash",
                &["Tripoli"],
                &["LNA", "GNA"],
            ),
            event("doc#4", "2018-05-07", "siege", &["Derna"], &["LNA"]),
            event(
                "doc#5",
                "2018-06-28",
                "territory_taken",
                &["Derna"],
                &["LNA"],
            ),
            event("doc#6", "2020-06-06", "statement", &["Sirte"], &[]),
        ],
        places: vec![
            place("Tripoli", "طرابلس", 32.887, 13.187),
            place("Derna", "درنة", 32.767, 22.637),
            place("Sirte", "سرت", 31.205, 16.588),
        ],
        control: vec![
            ControlHistory {
                place: "Tripoli".into(),
                intervals: vec![
                    iv(
                        "2019-01-10",
                        Some("2019-04-03"),
                        "GNA",
                        Held,
                        &[],
                        &["doc#1"],
                    ),
                    iv(
                        "2019-04-04",
                        None,
                        "GNA",
                        Contested,
                        &["LNA"],
                        &["doc#2", "doc#3"],
                    ),
                ],
            },
            ControlHistory {
                place: "Derna".into(),
                intervals: vec![
                    iv(
                        "2018-05-07",
                        Some("2018-06-27"),
                        "DMSC",
                        Contested,
                        &["LNA"],
                        &["doc#4"],
                    ),
                    iv("2018-06-28", None, "LNA", Held, &[], &["doc#5"]),
                ],
            },
        ],
    }
}

/// The app's own fonts (embedded Noto), as the app installs them.
pub fn install_test_fonts(ctx: &egui::Context) -> bool {
    tarikh::ui::text::install_fonts(ctx);
    true
}

/// Fonts are embedded in the binary now, so they are always there.
pub fn fonts_available() -> bool {
    true
}
