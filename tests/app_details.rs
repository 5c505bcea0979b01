//! The app's details panel on a hand-made corpus (independent of the engine): the selected
//! event's date, how it was found, and its Arabic paragraph with the evidence and the date
//! expression highlighted; snapshots in English and Arabic chrome.
#![cfg(feature = "gui")]

use std::sync::Arc;

use egui::Vec2;
use egui_kittest::{Harness, kittest::Queryable};
use tarikh::Pack;
use tarikh::corpus::SourceDoc;
use tarikh::model::*;
use tarikh::ui::app::{App, LoadedCorpus, Settings, panels};

const TEXT: &str = "طرابلس – خاص\n\nأعلن الجيش الوطني الليبي في 4 أبريل 2019 بدء هجوم واسع على العاصمة طرابلس، وقالت حكومة الوفاق إنها سترد على الهجوم.\n\nوتواصلت الاشتباكات جنوب المدينة طوال الأسبوع.";

fn corpus() -> LoadedCorpus {
    let at = |s: &str| TEXT.find(s).expect("in text");
    let ev_start = at("بدء هجوم");
    let ev_end = ev_start + "بدء هجوم واسع على العاصمة طرابلس".len();
    let tx = at("4 أبريل 2019");
    let date: jiff::civil::Date = "2019-04-05".parse().expect("date");
    let doc = SourceDoc {
        id: "a".into(),
        path: "a.txt".into(),
        text: TEXT.into(),
        encoding: "UTF-8".into(),
        sha256: String::new(),
        bytes: TEXT.len() as u64,
        paragraphs: std::iter::once(0..TEXT.len()).collect(),
    };
    let out = DocumentOut {
        id: "a".into(),
        path: "a.txt".into(),
        sha256: String::new(),
        bytes: TEXT.len() as u64,
        encoding: "UTF-8".into(),
        dct: Dct::given(date, DctSource::Manifest, "dates manifest"),
        timex: vec![Timex {
            start: tx,
            end: tx + "4 أبريل 2019".len(),
            text: "4 أبريل 2019".into(),
            value: "2019-04-04".into(),
            precision: Precision::Day,
            kind: TimexKind::Date,
            anchor: Anchor::None,
        }],
        mentions: vec![],
    };
    let event = Event {
        id: "a#1".into(),
        doc: "a".into(),
        start: ev_start,
        end: ev_end,
        evidence: TEXT[ev_start..ev_end].into(),
        date: Some("2019-04-04".into()),
        date_end: None,
        precision: Precision::Day,
        date_source: DateSource::Timex,
        kind: "offensive".into(),
        modality: Modality::Asserted,
        places: vec!["Tripoli".into()],
        actors: vec!["LNA".into()],
        casualties: Casualties::default(),
        control: None,
        sources: vec![],
    };
    let extract = Extract {
        schema: SCHEMA.into(),
        tool: Tool {
            name: "tarikh".into(),
            version: "test".into(),
            pack: "libya".into(),
        },
        corpus: CorpusInfo {
            root: "/fixture".into(),
            documents: 1,
            skipped: vec![],
        },
        documents: vec![out],
        events: vec![event],
        places: vec![PlaceOut {
            id: "Tripoli".into(),
            name_en: "Tripoli".into(),
            name_ar: "طرابلس".into(),
            lat: 32.887,
            lon: 13.187,
            kind: "city".into(),
        }],
        control: vec![],
    };
    LoadedCorpus {
        root: "/fixture".into(),
        docs: vec![doc],
        results: vec![],
        skipped: vec![],
        manifest: Default::default(),
        user: Default::default(),
        sidecar_error: None,
        extract,
    }
}

fn harness(arabic: bool) -> Harness<'static, App> {
    let pack = Arc::new(Pack::builtin().expect("pack"));
    let mut app = App::new(
        pack,
        Settings {
            arabic,
            ..Settings::default()
        },
        None,
    );
    app.set_corpus(corpus());
    app.select_event(Some(0));
    let mut h = Harness::builder()
        .with_size(Vec2::new(420.0, 380.0))
        .with_theme(egui::Theme::Light)
        .with_context_setup(tarikh::ui::text::install_fonts)
        .wgpu()
        .build_ui_state(
            |ui, app: &mut App| {
                egui::CentralPanel::default().show(ui, |ui| {
                    let ar = app.settings.arabic;
                    panels::directed(ui, ar, |ui| panels::details_panel(app, ui));
                });
            },
            app,
        );
    h.run_steps(3);
    h
}

#[test]
fn the_details_panel_says_how_the_date_was_found() {
    let h = harness(false);
    h.get_by_label("Date: 2019-04-04  (day)");
    h.get_by_label_contains("found in a date expression");
    h.get_by_label("Article: a.txt");
    assert_eq!(h.state().map.highlight, vec!["Tripoli".to_string()]);
}

#[test]
fn the_details_panel_highlights_evidence_and_date_in_arabic_snapshot() {
    let mut h = harness(false);
    h.snapshot("app_details_en");
    h.state_mut().settings.arabic = true;
    h.run_steps(3);
    h.snapshot("app_details_ar");
}
