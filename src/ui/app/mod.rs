//! The desktop app: open a corpus folder (dialog, drop, argument, recent list), import it
//! on a worker thread, and explore its events on the timeline, the map and the article list.

pub mod corpus;
pub mod export;
pub mod panels;
pub mod state;

use std::path::{Path, PathBuf};
use std::sync::{Arc, mpsc};

use egui::{Key, KeyboardShortcut, Modifiers, Ui};
use jiff::civil::Date;

use crate::pack::Pack;
use crate::ui::map::{MapData, MapView};
use crate::ui::text;
use crate::ui::timeline::{Lang, Timeline, TimelineData, TimelineState, lane_selector};
pub use corpus::{ImportEnd, ImportJob, LoadedCorpus};
pub use state::{Filters, Play, Settings, Toast};

const SETTINGS_KEY: &str = "tarikh.settings";

/// The bundled sample corpus: next to the executable (an installed copy), else in the
/// source tree the binary was built from.
pub fn sample_corpus() -> Option<PathBuf> {
    let exe_dir = std::env::current_exe()
        .ok()
        .and_then(|p| p.parent().map(Path::to_path_buf));
    let mut candidates = vec![];
    if let Some(d) = exe_dir {
        candidates.push(d.join("assets/sample-corpus"));
        candidates.push(d.join("sample-corpus"));
    }
    candidates.push(Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample-corpus"));
    candidates.into_iter().find(|p| p.is_dir())
}

/// Opens the app window on `folder` (the sample corpus when `None`).
pub fn run(folder: Option<PathBuf>) -> anyhow::Result<()> {
    let folder = folder.or_else(sample_corpus);
    let pack = Arc::new(Pack::builtin()?);
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("tarikh")
            .with_inner_size([1440.0, 900.0])
            .with_min_inner_size([800.0, 500.0])
            .with_drag_and_drop(true),
        ..Default::default()
    };
    eframe::run_native(
        "tarikh",
        options,
        Box::new(move |cc| {
            text::install_fonts(&cc.egui_ctx);
            cc.egui_ctx.set_theme(egui::Theme::Light);
            let settings: Settings = cc
                .storage
                .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
                .unwrap_or_default();
            let mut app = App::new(pack, settings, crate::corpus::sidecar::default_data_dir());
            if let Some(f) = folder {
                app.open(f);
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("cannot open the window: {e}"))
}

/// The views built from one extract: rebuilt when a corpus loads or a date is corrected.
pub struct Views {
    pub timeline: TimelineData,
    pub map: MapData,
}

/// Results of work done off the UI thread (dialogs, exports).
pub enum Msg {
    Toast(String, bool),
    Open(PathBuf),
}

/// What to say when no native dialog could be shown (rfd returns at once, as if cancelled).
pub const NO_DIALOG: &str = "No file dialog could be opened (it needs xdg-desktop-portal or zenity). Open a folder by dropping it on the window or with `tarikh FOLDER`.";

/// A dialog that "returned" within a blink was never shown: nobody cancels that fast.
pub fn no_dialog(started: std::time::Instant) -> bool {
    started.elapsed() < std::time::Duration::from_millis(150)
}

/// The whole app state. Widgets are drawn from it each frame; tests drive it directly.
pub struct App {
    pub pack: Arc<Pack>,
    pub settings: Settings,
    /// Where sidecars go when a corpus folder is read-only.
    pub data_dir: Option<PathBuf>,
    pub corpus: Option<LoadedCorpus>,
    pub views: Option<Views>,
    pub timeline: TimelineState,
    pub map: MapView,
    pub filters: Filters,
    applied: Option<Filters>,
    pub import: Option<ImportJob>,
    /// A folder to start importing on the next frame (needs the context for repaints).
    pub pending_open: Option<PathBuf>,
    pub show_report: bool,
    /// The place whose control panel is open.
    pub city: Option<String>,
    pub article_query: String,
    /// Bumped whenever the extract changes (caches keyed on it go stale).
    pub generation: u64,
    list_cache: Option<((String, u64), Vec<usize>)>,
    /// A re-dating running on a worker thread.
    redating: Option<mpsc::Receiver<corpus::Redated>>,
    /// Each edited article's date from its text alone, by id.
    text_dates: std::collections::HashMap<String, crate::model::Dct>,
    /// Index in the corpus's documents of the article whose date is being edited.
    pub editing: Option<usize>,
    pub date_text: String,
    pub play: Play,
    pub toasts: Vec<Toast>,
    pub export: export::ExportChoice,
    pub last_map_rect: Option<egui::Rect>,
    pub last_timeline_rect: Option<egui::Rect>,
    tx: mpsc::Sender<Msg>,
    rx: mpsc::Receiver<Msg>,
}

impl App {
    pub fn new(pack: Arc<Pack>, settings: Settings, data_dir: Option<PathBuf>) -> App {
        let (tx, rx) = mpsc::channel();
        App {
            pack,
            map: MapView {
                arabic: settings.arabic,
                ..MapView::default()
            },
            settings,
            data_dir,
            corpus: None,
            views: None,
            timeline: TimelineState::default(),
            filters: Filters::default(),
            applied: None,
            import: None,
            pending_open: None,
            show_report: false,
            city: None,
            article_query: String::new(),
            generation: 0,
            list_cache: None,
            text_dates: Default::default(),
            redating: None,
            editing: None,
            date_text: String::new(),
            play: Play::default(),
            toasts: Vec::new(),
            export: export::ExportChoice::default(),
            last_map_rect: None,
            last_timeline_rect: None,
            tx,
            rx,
        }
    }

    pub fn lang(&self) -> Lang {
        self.settings.lang()
    }

    /// Open `folder` (its import starts on the next frame).
    pub fn open(&mut self, folder: PathBuf) {
        self.pending_open = Some(folder);
    }

    pub fn importing(&self) -> bool {
        self.import.is_some() || self.pending_open.is_some()
    }

    pub fn toast(&mut self, ctx: &egui::Context, text: impl Into<String>, error: bool) {
        let now = ctx.input(|i| i.time);
        self.toasts.push(Toast {
            text: text.into(),
            error,
            until: now + if error { 8.0 } else { 5.0 },
        });
    }

    fn start_pending(&mut self, ctx: &egui::Context) {
        let Some(folder) = self.pending_open.take() else {
            return;
        };
        if let Some(old) = &self.import {
            old.cancel.store(true, std::sync::atomic::Ordering::Relaxed);
        }
        let c = ctx.clone();
        self.import = Some(ImportJob::start(
            folder,
            self.pack.clone(),
            self.data_dir.clone(),
            move || c.request_repaint(),
        ));
    }

    fn poll_import(&mut self, ctx: &egui::Context) {
        let Some(end) = self.import.as_ref().and_then(|j| j.poll()) else {
            return;
        };
        let folder = self.import.take().map(|j| j.folder).unwrap_or_default();
        match end {
            ImportEnd::Done(c) => {
                if let Some(e) = &c.sidecar_error {
                    self.toast(ctx, format!("the saved dates could not be read: {e}"), true);
                }
                self.settings.remember(&folder);
                ctx.send_viewport_cmd(egui::ViewportCommand::Title(format!(
                    "tarikh — {}",
                    crate::ui::snapshot::corpus_name(&c.root.to_string_lossy())
                )));
                self.set_corpus(*c);
                self.show_report = true;
            }
            ImportEnd::Cancelled => self.toast(ctx, "Import cancelled", false),
            ImportEnd::Failed(e) => {
                self.toast(ctx, format!("Cannot open {}: {e}", folder.display()), true)
            }
        }
    }

    /// Show a freshly loaded corpus: new views, filters and selection reset, all fitted.
    pub fn set_corpus(&mut self, c: LoadedCorpus) {
        self.corpus = Some(c);
        self.text_dates.clear();
        // A re-dating of the previous corpus must not land in this one.
        self.redating = None;
        self.filters = Filters::default();
        self.city = None;
        self.editing = None;
        self.map.selected = None;
        self.map.highlight.clear();
        self.map.state.fit_next_frame();
        self.timeline.selected = None;
        self.timeline.fit_next_frame();
        self.rebuild_views();
        self.timeline.cursor = self
            .corpus
            .as_ref()
            .and_then(|c| crate::ui::snapshot::event_dates(&c.extract))
            .map(|(_, hi)| hi);
    }

    /// Rebuild the timeline's and map's data from the current extract.
    pub fn rebuild_views(&mut self) {
        self.views = self.corpus.as_ref().map(|c| Views {
            timeline: TimelineData::new(&c.extract, &self.pack),
            map: MapData::new(&c.extract, &self.pack),
        });
        self.applied = None;
        self.generation += 1;
    }

    /// Apply the filters to the timeline when they changed.
    fn apply_filters(&mut self) {
        if self.applied.as_ref() == Some(&self.filters) {
            return;
        }
        if let (Some(c), Some(v)) = (&self.corpus, &mut self.views) {
            let p = self.filters.prepared();
            let ev = &c.extract.events;
            v.timeline
                .set_filter(|i| ev.get(i).is_some_and(|e| p.keep(e)));
        }
        self.applied = Some(self.filters.clone());
    }

    /// The selected event (index into the extract's events).
    pub fn selected_event(&self) -> Option<&crate::model::Event> {
        let c = self.corpus.as_ref()?;
        c.extract.events.get(self.timeline.selected?)
    }

    /// Select an event by index: the details panel shows it, the map rings its places.
    pub fn select_event(&mut self, index: Option<usize>) {
        self.timeline.selected = index;
        self.sync_highlight();
    }

    fn sync_highlight(&mut self) {
        self.map.highlight = self
            .selected_event()
            .map(|e| e.places.iter().map(|p| p.to_string()).collect())
            .unwrap_or_default();
    }

    /// Filter the timeline to one place (a click on the map) and open its panel.
    pub fn filter_place(&mut self, place: Option<String>) {
        self.filters.place = place.clone();
        self.map.selected = place.clone();
        self.city = place;
    }

    /// Set or clear the user's date of an article: re-analysis, re-assembly and the sidecar
    /// run on a worker thread (a big corpus takes a moment to re-assemble); the result is
    /// taken in by [`App::poll_redate`].
    pub fn set_article_date(&mut self, ctx: &egui::Context, doc: usize, date: Option<Date>) {
        if self.redating.is_some() {
            return;
        }
        let Some(job) = self.corpus.as_ref().and_then(|c| c.redate_job(doc, date)) else {
            return;
        };
        let (tx, rx) = mpsc::channel();
        let pack = self.pack.clone();
        let data_dir = self.data_dir.clone();
        let c = ctx.clone();
        std::thread::spawn(move || {
            let _ = tx.send(job.run(&pack, data_dir.as_deref()));
            c.request_repaint();
        });
        self.redating = Some(rx);
    }

    /// Whether a re-dating is running.
    pub fn redating(&self) -> bool {
        self.redating.is_some()
    }

    fn poll_redate(&mut self, ctx: &egui::Context) {
        let Some(done) = self.redating.as_ref().and_then(|rx| match rx.try_recv() {
            Ok(d) => Some(Some(d)),
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => Some(None),
        }) else {
            return;
        };
        self.redating = None;
        let (Some(done), Some(c)) = (done, &mut self.corpus) else {
            self.toast(ctx, "Re-dating stopped unexpectedly", true);
            return;
        };
        let res = c.apply(done);
        // Event indexes change with re-assembly: the selection would point elsewhere.
        self.timeline.selected = None;
        self.rebuild_views();
        self.sync_highlight();
        match res {
            Ok(p) => self.toast(ctx, format!("Date saved in {}", p.display()), false),
            Err(e) => self.toast(ctx, format!("Date applied but not saved: {e}"), true),
        }
    }

    /// One frame of the whole app.
    pub fn show(&mut self, ui: &mut Ui) {
        let ctx = ui.ctx().clone();
        self.start_pending(&ctx);
        self.poll_import(&ctx);
        self.poll_redate(&ctx);
        while let Ok(m) = self.rx.try_recv() {
            match m {
                Msg::Toast(t, err) => self.toast(&ctx, t, err),
                Msg::Open(p) => self.open(p),
            }
        }
        // A folder dropped on the window opens it; a dropped file opens its folder.
        let dropped: Vec<PathBuf> = ctx.input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .collect()
        });
        if let Some(p) = dropped.into_iter().next() {
            let dir = if p.is_dir() {
                Some(p)
            } else {
                p.parent().map(Path::to_path_buf)
            };
            if let Some(d) = dir {
                self.open(d);
            }
        }
        let snapshot = KeyboardShortcut::new(Modifiers::COMMAND | Modifiers::SHIFT, Key::S);
        if ctx.input_mut(|i| i.consume_shortcut(&snapshot)) {
            self.export_png_dialog(&ctx);
        }
        let open = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
        if ctx.input_mut(|i| i.consume_shortcut(&open)) {
            self.open_dialog();
        }
        self.map.arabic = self.settings.arabic;
        self.apply_filters();
        self.step_play(&ctx);

        egui::Panel::top("menu").show(ui, |ui| self.menu_bar(ui));
        if self.import.is_some() {
            egui::Panel::top("import").show(ui, |ui| self.import_bar(ui));
        }
        // Arabic chrome mirrors the layout: the article list on the right.
        let (list, details) = if self.settings.arabic {
            (egui::Panel::right("articles"), egui::Panel::left("details"))
        } else {
            (egui::Panel::left("articles"), egui::Panel::right("details"))
        };
        let ar = self.settings.arabic;
        // Bounded: a long unbreakable line must never push a panel out of the window.
        let max_side = (ui.available_width() * 0.4).max(200.0);
        list.resizable(true)
            .max_size(max_side)
            .default_size(330.0)
            .show(ui, |ui| {
                panels::directed(ui, ar, |ui| panels::articles_panel(self, ui))
            });
        details
            .resizable(true)
            .max_size(max_side)
            .default_size(400.0)
            .show(ui, |ui| {
                panels::directed(ui, ar, |ui| panels::details_panel(self, ui))
            });
        egui::CentralPanel::default().show(ui, |ui| self.centre(ui));
        if self.show_report {
            panels::import_report(self, &ctx);
        }
        self.draw_toasts(&ctx);
        if self.import.is_some() {
            ctx.request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    fn step_play(&mut self, ctx: &egui::Context) {
        if !self.play.playing {
            return;
        }
        let Some((lo, hi)) = self
            .corpus
            .as_ref()
            .and_then(|c| crate::ui::snapshot::event_dates(&c.extract))
        else {
            self.play.playing = false;
            return;
        };
        let dt = ctx.input(|i| i.stable_dt) as f64;
        let cur = self.timeline.cursor.unwrap_or(lo);
        self.timeline.cursor =
            Some(
                self.play
                    .step(cur, hi, dt.min(0.25), self.settings.days_per_second as f64),
            );
        ctx.request_repaint();
    }

    fn menu_bar(&mut self, ui: &mut Ui) {
        let s = self.settings.clone();
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button(text::widget_text(ui, s.tr("File", "ملف")), |ui| {
                if ui
                    .add(
                        egui::Button::new(text::widget_text(ui, s.tr("Open folder…", "فتح مجلد…")))
                            .shortcut_text("Ctrl+O"),
                    )
                    .clicked()
                {
                    self.open_dialog();
                    ui.close();
                }
                if let Some(p) = sample_corpus()
                    && ui
                        .button(text::widget_text(
                            ui,
                            s.tr("Open the sample corpus", "فتح المدونة النموذجية"),
                        ))
                        .clicked()
                {
                    self.open(p);
                    ui.close();
                }
                ui.separator();
                ui.weak(s.tr("Recent folders", "المجلدات الأخيرة"));
                if s.recent.is_empty() {
                    ui.weak("—");
                }
                for p in &s.recent {
                    if ui.button(p.display().to_string()).clicked() {
                        self.open(p.clone());
                        ui.close();
                    }
                }
                ui.separator();
                let has = self.corpus.is_some();
                if ui
                    .add_enabled(
                        has,
                        egui::Button::new(text::widget_text(
                            ui,
                            s.tr("Import report", "تقرير الاستيراد"),
                        )),
                    )
                    .clicked()
                {
                    self.show_report = true;
                    ui.close();
                }
            });
            ui.menu_button(text::widget_text(ui, s.tr("Export", "تصدير")), |ui| {
                export::export_menu(self, ui);
            });
            ui.menu_button(text::widget_text(ui, s.tr("View", "عرض")), |ui| {
                let mut ar = self.settings.arabic;
                ui.radio_value(&mut ar, false, "English");
                ui.radio_value(&mut ar, true, text::widget_text(ui, "العربية"));
                if ar != self.settings.arabic {
                    self.settings.arabic = ar;
                    self.map.arabic = ar;
                }
                ui.separator();
                if ui
                    .button(text::widget_text(ui, s.tr("Fit all", "عرض الكل")))
                    .clicked()
                {
                    self.timeline.fit_next_frame();
                    self.map.state.fit_next_frame();
                    ui.close();
                }
            });
            if let Some(c) = &self.corpus {
                ui.separator();
                let x = &c.extract;
                let name = crate::ui::snapshot::corpus_name(&x.corpus.root);
                let shown = self.views.as_ref().map_or(0, |v| v.timeline.kept);
                let (docs, events, places) = (x.documents.len(), x.events.len(), x.places.len());
                if self.lang() == Lang::Ar {
                    crate::ui::text::label(
                        ui,
                        &format!(
                            // Arabic first, so the line is right-to-left; the folder name last.
                            "{docs} مقالا · {events} حدثا ({shown} معروضة) · {places} مكانا · {name}"
                        ),
                    );
                } else {
                    ui.label(format!(
                        "{name}: {docs} articles · {events} events ({shown} shown) · {places} places"
                    ));
                }
            }
        });
    }

    fn open_dialog(&self) {
        let tx = self.tx.clone();
        // The dialog runs on its own thread so the window keeps drawing behind it.
        std::thread::spawn(move || {
            let started = std::time::Instant::now();
            match rfd::FileDialog::new()
                .set_title("Open a corpus folder")
                .pick_folder()
            {
                Some(p) => {
                    let _ = tx.send(Msg::Open(p));
                }
                None if no_dialog(started) => {
                    let _ = tx.send(Msg::Toast(NO_DIALOG.into(), true));
                }
                None => {}
            }
        });
    }

    fn import_bar(&mut self, ui: &mut Ui) {
        let Some(job) = &self.import else { return };
        let p = job.progress.lock().map(|p| p.clone()).unwrap_or_default();
        let s = &self.settings;
        ui.horizontal(|ui| {
            text::label(
                ui,
                &format!("{} {}", s.tr("Importing", "استيراد"), job.folder.display()),
            );
            let frac = if p.total > 0 {
                p.done as f32 / p.total as f32
            } else {
                0.0
            };
            ui.add(
                egui::ProgressBar::new(frac)
                    .desired_width(260.0)
                    .text(format!("{}/{}", p.done, p.total)),
            );
            text::label_truncated(ui, &p.current, 360.0);
            if ui
                .button(text::widget_text(ui, s.tr("Cancel", "إلغاء")))
                .clicked()
            {
                job.cancel.store(true, std::sync::atomic::Ordering::Relaxed);
            }
        });
    }

    fn centre(&mut self, ui: &mut Ui) {
        let lang = self.lang();
        if self.corpus.is_none() {
            ui.centered_and_justified(|ui| {
                let msg = if self.importing() {
                    self.settings.tr("Importing…", "جارٍ الاستيراد…")
                } else {
                    self.settings.tr(
                        "Open a folder of articles (File > Open folder, or drop it here)",
                        "افتح مجلد مقالات (ملف: فتح مجلد، أو اسحبه إلى هنا)",
                    )
                };
                text::label(ui, msg);
            });
            return;
        }
        // Play controls and the cursor date above the map.
        let ar = self.settings.arabic;
        panels::row(ui, ar, |ui| {
            let s = self.settings.clone();
            let label = if self.play.playing {
                s.tr("Pause", "إيقاف")
            } else {
                s.tr("Play", "تشغيل")
            };
            if ui.button(text::widget_text(ui, label)).clicked() {
                if !self.play.playing {
                    // From the start when the cursor sits at the end.
                    let range = self
                        .corpus
                        .as_ref()
                        .and_then(|c| crate::ui::snapshot::event_dates(&c.extract));
                    if let Some((lo, hi)) = range
                        && self.timeline.cursor.is_none_or(|c| c >= hi)
                    {
                        self.timeline.cursor = Some(lo);
                    }
                }
                self.play.playing = !self.play.playing;
            }
            let speed = ui.add(
                egui::DragValue::new(&mut self.settings.days_per_second)
                    .range(1.0..=3650.0)
                    .speed(1.0),
            );
            // Beside the value, not as its suffix: DragValue has no bidi.
            let unit = text::label(ui, s.tr("days/s", "يوم في الثانية"));
            speed.labelled_by(unit.id);
            if let Some(c) = self.timeline.cursor {
                ui.separator();
                text::label(
                    ui,
                    &format!(
                        "{} {}",
                        s.tr("Date:", "التاريخ:"),
                        crate::ui::timeline::format_date(c, lang)
                    ),
                );
            }
            if let Some(p) = &self.filters.place {
                ui.separator();
                let name = self
                    .views
                    .as_ref()
                    .map_or(p.clone(), |v| v.timeline.place_name(p, lang).to_string());
                text::label(ui, &format!("{} {name}", s.tr("Place:", "المكان:")));
                if ui.small_button("×").clicked() {
                    self.filter_place(None);
                }
            }
        });
        let Some(v) = &mut self.views else { return };
        let avail = ui.available_size();
        let map_h = (avail.y * 0.55).max(160.0);
        let mut map_resp = None;
        ui.allocate_ui(egui::vec2(avail.x, map_h), |ui| {
            self.last_map_rect = Some(ui.max_rect());
            map_resp = Some(self.map.ui(ui, &v.map, self.timeline.cursor));
        });
        if lane_selector(ui, &mut self.timeline.lanes, lang) {
            v.timeline.set_lanes(self.timeline.lanes);
        }
        self.last_timeline_rect = Some(ui.available_rect_before_wrap());
        let events = self
            .corpus
            .as_ref()
            .map_or(&[][..], |c| &c.extract.events[..]);
        let r = Timeline::new(&mut v.timeline, events)
            .lang(lang)
            .show(ui, &mut self.timeline);
        if r.cursor_changed {
            self.play.playing = false;
        }
        if let Some(i) = r.clicked {
            self.select_event(Some(i));
        } else if r.clicked_empty {
            self.select_event(None);
        }
        if let Some(p) = map_resp.and_then(|m| m.clicked) {
            self.filter_place(Some(p));
        }
    }

    fn draw_toasts(&mut self, ctx: &egui::Context) {
        let now = ctx.input(|i| i.time);
        self.toasts.retain(|t| t.until > now);
        if self.toasts.is_empty() {
            return;
        }
        egui::Area::new(egui::Id::unique("tarikh-toasts"))
            .anchor(egui::Align2::RIGHT_BOTTOM, egui::vec2(-16.0, -16.0))
            .order(egui::Order::Foreground)
            .show(ctx, |ui| {
                for t in &self.toasts {
                    let fill = if t.error {
                        egui::Color32::from_rgb(255, 225, 220)
                    } else {
                        egui::Color32::from_rgb(225, 245, 225)
                    };
                    egui::Frame::popup(ui.style()).fill(fill).show(ui, |ui| {
                        ui.set_max_width(520.0);
                        text::label(ui, &t.text);
                    });
                }
            });
        ctx.request_repaint_after(std::time::Duration::from_millis(500));
    }
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.settings);
    }
}
