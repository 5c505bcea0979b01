//! The desktop app driven by egui_kittest: it opens a corpus and imports it on a worker
//! thread, shows a clicked event's evidence, re-dates an article, and filters by city.
#![cfg(feature = "gui")]

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::{Duration, Instant};

use egui::{Pos2, Vec2};
use egui_kittest::{Harness, kittest::Queryable};
use tarikh::Pack;
use tarikh::model::DctSource;
use tarikh::ui::app::{App, Settings};

/// Short Arabic articles written for these tests (not from any outlet).
const ARTICLES: [(&str, &str); 3] = [
    (
        "tripoli.txt",
        "أعلن الجيش الوطني الليبي في 4 أبريل 2019 بدء هجوم على طرابلس.\n\nوقالت حكومة الوفاق إن قواتها صدت الهجوم جنوب طرابلس في 7 أبريل 2019.",
    ),
    (
        "sirte.txt",
        "سيطرت قوات حكومة الوفاق على مدينة سرت يوم 17 ديسمبر 2016 بعد معارك مع تنظيم الدولة.",
    ),
    (
        "undated.txt",
        "اندلعت اشتباكات عنيفة في بنغازي أمس بين الجيش الوطني الليبي ومجلس شورى ثوار بنغازي.",
    ),
];

/// A corpus folder of the test articles, removed when the test ends (also on failure).
struct TempCorpus(PathBuf);

impl std::ops::Deref for TempCorpus {
    type Target = Path;
    fn deref(&self) -> &Path {
        &self.0
    }
}

impl Drop for TempCorpus {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn temp_corpus(name: &str) -> TempCorpus {
    let dir = std::env::temp_dir().join(format!("tarikh-app-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp corpus");
    for (f, t) in ARTICLES {
        std::fs::write(dir.join(f), t).expect("article");
    }
    TempCorpus(dir)
}

fn harness(folder: &Path, data_dir: &Path) -> Harness<'static, App> {
    let pack = Arc::new(Pack::builtin().expect("builtin pack"));
    let mut app = App::new(pack, Settings::default(), Some(data_dir.to_path_buf()));
    app.open(folder.to_path_buf());
    let mut h = Harness::builder()
        .with_size(Vec2::new(1600.0, 1000.0))
        .with_step_dt(0.05)
        .with_context_setup(tarikh::ui::text::install_fonts)
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    wait_import(&mut h);
    h
}

/// Step frames until the import ends (the worker thread wakes the UI).
/// Step the UI while a worker thread is busy (import, re-dating), failing after `secs`.
fn wait_while(h: &mut Harness<'static, App>, busy: fn(&App) -> bool, what: &str, secs: u64) {
    let start = Instant::now();
    h.step();
    while busy(h.state()) {
        assert!(
            start.elapsed() < Duration::from_secs(secs),
            "{what} did not finish"
        );
        std::thread::sleep(Duration::from_millis(10));
        h.step();
    }
}

fn wait_import(h: &mut Harness<'static, App>) {
    wait_while(h, App::importing, "import", 120);
    h.run_steps(3);
}

fn click(h: &mut Harness<'static, App>, p: Pos2) {
    h.hover_at(p);
    h.step();
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: p,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    h.run_steps(3);
}

#[test]
fn opening_a_folder_imports_it_and_shows_the_report() {
    let dir = temp_corpus("open");
    let h = harness(&dir, &dir.join("data"));
    let app = h.state();
    let c = app.corpus.as_ref().expect("corpus loaded");
    assert_eq!(c.extract.documents.len(), ARTICLES.len());
    assert!(!c.extract.events.is_empty());
    assert!(app.show_report);
    h.get_by_label_contains("3 documents read");
    // The undated article is listed as uncertain in the report.
    h.get_by_label_contains("undated.txt: ");
    // In the article list its date is said in words, its file name kept.
    h.get_by_label_contains("date unknown · ");
    h.get_by_label_contains("· undated.txt");
    assert!(
        app.settings
            .recent
            .iter()
            .any(|p| p.ends_with(dir.file_name().expect("name")))
    );
}

#[test]
fn the_sample_corpus_opens_with_events_on_the_timeline() {
    let Some(sample) = tarikh::ui::app::sample_corpus() else {
        eprintln!("skipping: no sample corpus");
        return;
    };
    let data = temp_corpus("sample-data");
    let h = harness(&sample, &data);
    let app = h.state();
    let c = app.corpus.as_ref().expect("corpus loaded");
    assert!(c.extract.documents.len() >= 8);
    let v = app.views.as_ref().expect("views");
    assert!(v.timeline.kept > 20, "{} events shown", v.timeline.kept);
    assert!(
        app.timeline.cursor.is_some(),
        "the cursor starts on the last event"
    );
}

#[test]
fn clicking_an_event_shows_its_highlighted_evidence() {
    let dir = temp_corpus("select");
    let mut h = harness(&dir, &dir.join("data"));
    h.state_mut().show_report = false;
    h.run_steps(2);
    let i = {
        let app = h.state();
        let ev = &app.corpus.as_ref().expect("corpus").extract.events;
        (0..ev.len())
            .find(|&i| ev[i].doc == "tripoli" && app.views.as_ref().expect("v").timeline.is_kept(i))
            .expect("a shown event of the Tripoli article")
    };
    let (x, y) = {
        let app = h.state();
        app.timeline
            .event_pos(&app.views.as_ref().expect("v").timeline, i)
            .expect("drawn")
    };
    click(&mut h, Pos2::new(x, y));
    let app = h.state();
    let sel = app.selected_event().expect("an event is selected");
    assert_eq!(sel.doc, "tripoli");
    // The details panel names how the date was found and the source article.
    h.get_by_label_contains("How:");
    h.get_by_label("Article: tripoli.txt");
    // The selected event's places are ringed on the map.
    assert_eq!(app.map.highlight, sel.places);
}

#[test]
fn correcting_an_article_date_re_resolves_its_events_and_writes_the_sidecar() {
    let dir = temp_corpus("redate");
    let data = dir.join("data");
    let mut h = harness(&dir, &data);
    let doc = {
        let c = h.state().corpus.as_ref().expect("corpus");
        let d = c.doc_index("undated").expect("undated article");
        let before = &c
            .extract
            .documents
            .iter()
            .find(|d| d.id == "undated")
            .expect("doc")
            .dct;
        assert_ne!(before.source, DctSource::User);
        d
    };
    // Select the article in the list, type a date, press "Set date".
    {
        let app = h.state_mut();
        app.show_report = false;
        app.editing = Some(doc);
        app.date_text = "2015-03-02".into();
    }
    h.run_steps(2);
    // Beside the editor: what the article's text alone says, and why.
    h.get_by_label_contains("the text says:");
    h.get_by_label_contains("why:");
    h.get_by_label("Set date").click();
    h.run_steps(2);
    // Re-dating runs on a worker thread: wait for it.
    wait_while(&mut h, App::redating, "re-dating", 60);
    h.run_steps(2);
    h.get_by_label_contains("set by you");
    let app = h.state();
    let c = app.corpus.as_ref().expect("corpus");
    let out = c
        .extract
        .documents
        .iter()
        .find(|d| d.id == "undated")
        .expect("doc");
    assert_eq!(out.dct.source, DctSource::User);
    assert_eq!(out.dct.date, Some("2015-03-02".parse().expect("date")));
    // "yesterday" now resolves against the given date, for every event of the article.
    let evs: Vec<_> = c
        .extract
        .events
        .iter()
        .filter(|e| e.doc == "undated")
        .collect();
    assert!(!evs.is_empty());
    for e in &evs {
        assert_eq!(e.date.as_deref(), Some("2015-03-01"), "{e:?}");
    }
    let sidecar = std::fs::read_to_string(dir.join(".tarikh/dates.json")).expect("sidecar");
    assert!(
        sidecar.contains("\"undated.txt\": \"2015-03-02\""),
        "{sidecar}"
    );
    // The articles themselves are untouched.
    assert_eq!(
        std::fs::read_to_string(dir.join("undated.txt")).expect("article"),
        ARTICLES[2].1
    );
    // Opening the folder again reads the date back as the user's.
    let h2 = harness(&dir, &data);
    let c2 = h2.state().corpus.as_ref().expect("corpus");
    let again = c2
        .extract
        .documents
        .iter()
        .find(|d| d.id == "undated")
        .expect("doc");
    assert_eq!(again.dct.source, DctSource::User);
}

#[test]
fn clicking_a_city_filters_the_timeline_to_its_events() {
    let dir = temp_corpus("city");
    let mut h = harness(&dir, &dir.join("data"));
    h.state_mut().show_report = false;
    h.run_steps(2);
    let (pos, all) = {
        let app = h.state();
        let v = app.views.as_ref().expect("views");
        (
            app.map
                .place_pos(&v.map, "Sirte")
                .expect("Sirte on the map"),
            v.timeline.kept,
        )
    };
    click(&mut h, pos);
    let app = h.state();
    assert_eq!(app.filters.place.as_deref(), Some("Sirte"));
    assert_eq!(app.city.as_deref(), Some("Sirte"));
    let c = app.corpus.as_ref().expect("corpus");
    let v = app.views.as_ref().expect("views");
    assert!(
        v.timeline.kept > 0 && v.timeline.kept < all,
        "{} of {all}",
        v.timeline.kept
    );
    for (i, e) in c.extract.events.iter().enumerate() {
        if v.timeline.is_kept(i) {
            assert!(e.places.iter().any(|p| p == "Sirte"), "{e:?}");
        }
    }
}

/// Pictures of the app for looking at (not compared): `TARIKH_SHOTS=DIR cargo test --test app
/// -- --ignored`. The sample corpus at first start, and the seeds (when ../shared is there)
/// zoomed to April 2019 with an event selected, in English and Arabic chrome.
#[test]
#[ignore]
fn app_screenshots() {
    let Some(out) = std::env::var_os("TARIKH_SHOTS").map(PathBuf::from) else {
        eprintln!("skipping: set TARIKH_SHOTS to a folder");
        return;
    };
    std::fs::create_dir_all(&out).expect("shots dir");
    let data = temp_corpus("shots-data");
    let shot = |h: &mut Harness<'static, App>, name: &str| {
        h.run_steps(4);
        let img = h.render().expect("render");
        img.save(out.join(format!("{name}.png"))).expect("save");
    };
    if let Some(sample) = tarikh::ui::app::sample_corpus() {
        let mut h = wgpu_harness(&sample, &data);
        shot(&mut h, "sample_first_start");
        h.state_mut().settings.arabic = true;
        shot(&mut h, "sample_arabic_report");
        h.state_mut().show_report = false;
        shot(&mut h, "sample_arabic");
        // During play: the cursor a third of the way through, the map following it.
        h.state_mut().settings.arabic = false;
        h.state_mut().settings.days_per_second = 365.0;
        h.run_steps(2);
        h.get_by_label("Play").click();
        h.run_steps(40);
        shot(&mut h, "sample_playing");
        h.state_mut().play.playing = false;
        h.state_mut().settings.arabic = true;
        h.state_mut().filter_place(Some("Sirte".into()));
        shot(&mut h, "sample_sirte_panel_ar");
    }
    // A folder with files the reader skips: the report in Arabic says why.
    let messy = temp_corpus("shots-messy");
    std::fs::write(messy.join("scan.pdf"), b"%PDF-1.4").expect("pdf");
    std::fs::write(messy.join("empty.txt"), b"  \n").expect("empty");
    std::fs::write(messy.join("junk.txt"), b"ab\0\0\x01").expect("junk");
    let mut h = wgpu_harness(&messy, &data);
    h.state_mut().settings.arabic = true;
    shot(&mut h, "messy_folder_report_ar");
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/seeds");
    if seeds.is_dir() {
        let mut h = wgpu_harness(&seeds, &data);
        h.state_mut().show_report = false;
        let d = |s: &str| s.parse::<jiff::civil::Date>().expect("date");
        h.state_mut()
            .timeline
            .zoom_to(d("2019-03-25"), d("2019-05-05"));
        h.state_mut().timeline.cursor = Some(d("2019-04-06"));
        h.run_steps(3);
        let pick = {
            let app = h.state();
            let ev = &app.corpus.as_ref().expect("c").extract.events;
            ev.iter().position(|e| {
                e.date.as_deref().is_some_and(|x| x.starts_with("2019-04"))
                    && e.date_source == tarikh::model::DateSource::Timex
                    && e.places.iter().any(|p| p == "Tripoli")
            })
        };
        if let Some(i) = pick {
            let p = {
                let app = h.state();
                app.timeline
                    .event_pos(&app.views.as_ref().expect("v").timeline, i)
            };
            match p {
                Some((x, y)) => click(&mut h, Pos2::new(x, y)),
                None => h.state_mut().select_event(Some(i)),
            }
        }
        shot(&mut h, "seeds_april_2019_selected");
        h.state_mut().settings.arabic = true;
        shot(&mut h, "seeds_april_2019_selected_ar");
        h.state_mut().settings.arabic = false;
        h.state_mut().filter_place(Some("Tripoli".into()));
        shot(&mut h, "seeds_tripoli_city_panel");
        h.state_mut().filter_place(None);
        h.state_mut().select_event(None);
        h.state_mut().timeline.fit_next_frame();
        for at in ["2018-05-05", "2019-04-06", "2020-06-15"] {
            h.state_mut().timeline.cursor = Some(d(at));
            shot(&mut h, &format!("seeds_at_{at}"));
        }
    }
}

fn wgpu_harness(folder: &Path, data_dir: &Path) -> Harness<'static, App> {
    let pack = Arc::new(Pack::builtin().expect("builtin pack"));
    let mut app = App::new(pack, Settings::default(), Some(data_dir.to_path_buf()));
    app.open(folder.to_path_buf());
    let mut h = Harness::builder()
        .with_size(Vec2::new(1600.0, 1000.0))
        .with_step_dt(0.05)
        .with_theme(egui::Theme::Light)
        .with_context_setup(tarikh::ui::text::install_fonts)
        .wgpu()
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    wait_import(&mut h);
    h
}

#[test]
fn play_moves_the_cursor_and_pauses_at_the_last_event() {
    let dir = temp_corpus("play");
    let mut h = harness(&dir, &dir.join("data"));
    h.state_mut().show_report = false;
    h.state_mut().settings.days_per_second = 365.0;
    h.run_steps(2);
    let end = h.state().timeline.cursor.expect("cursor at the last event");
    // At the end, Play starts over from the first event.
    h.get_by_label("Play").click();
    h.run_steps(2);
    let c1 = h.state().timeline.cursor.expect("cursor");
    assert!(c1 < end, "restarted from the beginning: {c1}");
    assert!(h.state().play.playing);
    h.run_steps(10);
    let c2 = h.state().timeline.cursor.expect("cursor");
    assert!(c2 > c1, "moved on: {c1} -> {c2}");
    // 2016..2019 at a year a second, 0.05 s a step: done well within 200 steps.
    for _ in 0..200 {
        if !h.state().play.playing {
            break;
        }
        h.step();
    }
    assert!(!h.state().play.playing, "paused at the end");
    assert_eq!(h.state().timeline.cursor, Some(end));
}

#[test]
fn data_exports_follow_the_filters_and_fail_cleanly_on_an_unwritable_path() {
    use tarikh::ui::app::export::{DataFormat, write_data};
    let dir = temp_corpus("export");
    let mut h = harness(&dir, &dir.join("data"));
    h.state_mut().filter_place(Some("Sirte".into()));
    h.run_steps(2);
    let app = h.state();
    let all = app.corpus.as_ref().expect("c").extract.events.len();
    let shown = app.export_extract().expect("extract");
    assert!(!shown.events.is_empty() && shown.events.len() < all);
    assert!(
        shown
            .events
            .iter()
            .all(|e| e.places.iter().any(|p| p == "Sirte"))
    );
    let out = dir.join("out.geojson");
    write_data(&shown, DataFormat::GeoJson, false, &out).expect("written");
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out).expect("read")).expect("json");
    assert_eq!(v["type"], "FeatureCollection");
    // A folder that cannot exist: a clear error naming the path, and no file.
    let blocker = dir.join("blocker");
    std::fs::write(&blocker, "file").expect("blocker");
    let bad = blocker.join("x.csv");
    let err = write_data(&shown, DataFormat::Csv, true, &bad).expect_err("unwritable");
    assert!(err.contains("x.csv"), "{err}");
    assert!(!bad.exists());
}

#[test]
fn png_export_renders_the_current_view_at_the_chosen_scale() {
    use tarikh::export::png::RenderSpec;
    use tarikh::ui::app::export::write_snapshot;
    use tarikh::ui::snapshot::SnapshotView;
    let dir = temp_corpus("png");
    let h = harness(&dir, &dir.join("data"));
    let app = h.state();
    let scene = app.snapshot_scene(SnapshotView::Map).expect("scene");
    assert_eq!(scene.caption.at, app.timeline.cursor);
    let out = dir.join("map.png");
    let spec = RenderSpec::new(400.0, 300.0, 2.0);
    match write_snapshot(scene, spec, &out) {
        Ok(()) => {
            let img = image::open(&out).expect("png");
            assert_eq!((img.width(), img.height()), (800, 600));
        }
        // No adapter at all on this machine: the error says what is missing.
        Err(e) => assert!(e.contains("cannot render"), "{e}"),
    }
    let bad = dir.join("no/such/dir/map.png");
    let scene = app.snapshot_scene(SnapshotView::Map).expect("scene");
    assert!(write_snapshot(scene, spec, &bad).is_err());
    assert!(!bad.exists());
}

/// A folder dropped on the window, as the windowing layer hands it to egui.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        Err("a folder".into())
    }
}

#[test]
fn a_folder_dropped_on_the_window_is_opened() {
    let dir = temp_corpus("drop");
    let pack = Arc::new(Pack::builtin().expect("builtin pack"));
    let app = App::new(pack, Settings::default(), Some(dir.join("data")));
    let mut h = Harness::builder()
        .with_size(Vec2::new(1200.0, 800.0))
        .with_context_setup(tarikh::ui::text::install_fonts)
        .build_ui_state(|ui, app: &mut App| app.show(ui), app);
    h.run_steps(2);
    assert!(h.state().corpus.is_none() && !h.state().importing());
    h.get_by_label_contains("drop it here");
    h.input_mut()
        .dropped_files
        .push(Arc::new(Dropped(dir.to_path_buf())));
    h.step();
    assert!(h.state().importing(), "the drop starts an import");
    wait_import(&mut h);
    let c = h.state().corpus.as_ref().expect("corpus");
    assert_eq!(c.root, dir.to_path_buf());
    assert_eq!(c.extract.documents.len(), ARTICLES.len());
}

#[test]
fn an_event_reported_hundreds_of_times_keeps_the_panels_in_the_window() {
    let dir = temp_corpus("sources");
    let mut h = harness(&dir, &dir.join("data"));
    {
        let app = h.state_mut();
        app.show_report = false;
        let c = app.corpus.as_mut().expect("corpus");
        c.extract.events[0].sources = (0..500).map(|i| format!("copy_{i:04}#1").into()).collect();
        app.select_event(Some(0));
    }
    h.run_steps(4);
    let map = h.state().last_map_rect.expect("map drawn");
    // The centre keeps a usable width between the two side panels of a 1600-point window.
    assert!(map.width() > 500.0, "map squeezed to {}", map.width());
    assert!(map.right() < 1600.0);
    h.get_by_label_contains("copy_0000#1, copy_0001#1");
}

#[test]
fn choosing_an_article_shows_only_its_events() {
    let dir = temp_corpus("article");
    let mut h = harness(&dir, &dir.join("data"));
    h.state_mut().show_report = false;
    h.run_steps(2);
    h.get_by_label_contains("sirte.txt").click();
    h.run_steps(3);
    let app = h.state();
    assert!(app.filters.articles.contains("sirte"));
    let c = app.corpus.as_ref().expect("corpus");
    let v = app.views.as_ref().expect("views");
    assert!(v.timeline.kept > 0);
    for (i, e) in c.extract.events.iter().enumerate() {
        assert_eq!(v.timeline.is_kept(i), e.doc == "sirte", "{e:?}");
    }
    // Its date editor opens, and the timeline shows its days.
    assert_eq!(app.editing, c.doc_index("sirte"));
    let (a, b) = app.timeline.visible_range().expect("range");
    let d = |s: &str| s.parse::<jiff::civil::Date>().expect("date");
    assert!(
        a <= d("2016-12-17") && d("2016-12-17") <= b && b < d("2017-03-01"),
        "{a}..{b}"
    );
}

/// Settings kept by eframe between runs.
#[derive(Default)]
struct MemStorage(std::collections::HashMap<String, String>);

impl eframe::Storage for MemStorage {
    fn get_string(&self, key: &str) -> Option<String> {
        self.0.get(key).cloned()
    }
    fn set_string(&mut self, key: &str, value: String) {
        self.0.insert(key.into(), value);
    }
    fn remove_string(&mut self, key: &str) {
        self.0.remove(key);
    }
    fn flush(&mut self) {}
}

#[test]
fn recent_folders_and_language_are_kept_between_runs() {
    let dir = temp_corpus("persist");
    let mut h = harness(&dir, &dir.join("data"));
    h.state_mut().settings.arabic = true;
    let mut st = MemStorage::default();
    eframe::App::save(h.state_mut(), &mut st);
    let back: Settings = eframe::get_value(&st, "tarikh.settings").expect("saved settings");
    assert!(back.arabic);
    assert!(
        back.recent
            .iter()
            .any(|p| p.ends_with(dir.file_name().expect("name")))
    );
}

#[test]
fn the_evidence_search_is_arabic_normalised() {
    let dir = temp_corpus("search");
    let mut h = harness(&dir, &dir.join("data"));
    h.state_mut().show_report = false;
    h.run_steps(2);
    // Typed without the hamza: finds the articles that write أبريل.
    h.state_mut().filters.query = "ابريل".into();
    h.run_steps(3);
    let app = h.state();
    let c = app.corpus.as_ref().expect("corpus");
    let v = app.views.as_ref().expect("views");
    assert!(v.timeline.kept > 0);
    for (i, e) in c.extract.events.iter().enumerate() {
        let has = tarikh::normalize::normalize(&e.evidence).contains("ابريل");
        assert!(!v.timeline.is_kept(i) || has, "{e:?}");
    }
}

#[test]
fn every_input_widget_has_an_accessible_name() {
    let dir = temp_corpus("a11y");
    let data = dir.join("data");
    let mut h = harness(&dir, &data);
    h.state_mut().show_report = false;
    h.run_steps(2);
    let unnamed = h.unnamed_widgets();
    assert!(unnamed.is_empty(), "{unnamed:#?}");
    // The date editor's year, month and day fields too.
    h.state_mut().editing = Some(0);
    h.run_steps(2);
    let unnamed = h.unnamed_widgets();
    assert!(unnamed.is_empty(), "{unnamed:#?}");
}

#[test]
fn arabic_chrome_starts_section_headers_and_the_lane_row_on_the_right() {
    let dir = temp_corpus("rtl-rows");
    let mut h = harness(&dir, &dir.join("data"));
    h.state_mut().show_report = false;
    h.state_mut().settings.arabic = true;
    h.run_steps(3);
    // The filters panel is on the right in Arabic: its "event types" header ends at the
    // panel's right edge, not at its left (egui's own header is always on the left).
    let header = h.get_by_label_contains("أنواع").rect();
    let list = h.get_by_label_contains("tripoli.txt").rect();
    assert!(
        (header.max.x - list.max.x).abs() < 40.0,
        "header {header:?} ends where the article rows end {list:?}"
    );
    // The lane row reads from the right: its label right of its first choice.
    let label = h.get_by_label_contains("المسارات").rect();
    let first = h.get_by_label("النوع").rect();
    assert!(label.min.x > first.max.x, "{label:?} vs {first:?}");
}

#[test]
fn article_rows_say_how_sure_a_date_is_in_words_not_as_a_number() {
    let dir = temp_corpus("certainty");
    let mut h = harness(&dir, &dir.join("data"));
    h.state_mut().show_report = false;
    h.run_steps(2);
    let words = {
        let c = h.state().corpus.as_ref().expect("corpus");
        let d = c
            .extract
            .documents
            .iter()
            .find(|d| d.path == "tripoli.txt")
            .expect("tripoli");
        assert_ne!(d.dct.source, DctSource::None, "{:?}", d.dct);
        use tarikh::ui::app::panels::{certainty_name, source_name};
        use tarikh::ui::timeline::Lang;
        format!(
            "{}, {} · tripoli.txt",
            source_name(d.dct.source, Lang::En),
            certainty_name(d.dct.confidence, Lang::En)
        )
    };
    h.get_by_label_contains(&words);
    assert!(
        h.query_by_label_contains(" 0.").is_none(),
        "no bare confidence number in the rows"
    );
}

#[test]
fn an_arabic_article_title_is_aligned_right_in_the_english_chrome() {
    let dir = temp_corpus("title-rtl");
    let mut h = harness(&dir, &dir.join("data"));
    h.state_mut().show_report = false;
    h.run_steps(2);
    let boxr = h.get_by_label("Filter articles…").rect();
    let title = h.get_by_label_contains("سرت").rect();
    assert!(
        (title.max.x - boxr.max.x).abs() < 30.0 && title.min.x > boxr.min.x + 5.0,
        "title {title:?} ends at the list's right edge {boxr:?}"
    );
}

#[test]
fn the_import_report_opens_over_the_timeline_not_the_map_legend_in_both_chromes() {
    let dir = temp_corpus("report-place");
    let mut h = harness(&dir, &dir.join("data"));
    // The report's first line is the folder's path (left to right in both chromes).
    let folder = dir.display().to_string();
    for arabic in [false, true] {
        h.state_mut().settings.arabic = arabic;
        h.run_steps(3);
        let map = h.state().last_map_rect.expect("map drawn");
        let line = h.get_by_label(&folder).rect();
        assert!(
            line.min.y > map.max.y,
            "report line {line:?} is below the map {map:?} (arabic: {arabic})"
        );
    }
}
