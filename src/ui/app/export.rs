//! The Export menu: a PNG snapshot of what is on screen (offscreen render of the same
//! scene as `tarikh snapshot`), and JSON / CSV / GeoJSON of the shown or all events.

use std::path::{Path, PathBuf};

use egui::Ui;

use super::{App, Msg, NO_DIALOG, no_dialog};
use crate::export::png::{RenderSpec, write_atomic, write_png};
use crate::model::Extract;
use crate::ui::snapshot::{CAPTION_HEIGHT, Scene, SnapshotView, render};
use crate::ui::text;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DataFormat {
    Json,
    Csv,
    GeoJson,
}

impl DataFormat {
    pub fn ext(self) -> &'static str {
        match self {
            DataFormat::Json => "json",
            DataFormat::Csv => "csv",
            DataFormat::GeoJson => "geojson",
        }
    }
}

/// The choices of the Export menu, kept while the app runs.
#[derive(Debug, Clone, Copy)]
pub struct ExportChoice {
    pub scale: f32,
    pub view: SnapshotView,
    /// Data exports: only the events the filters show.
    pub filtered: bool,
    pub bom: bool,
}

impl Default for ExportChoice {
    fn default() -> Self {
        ExportChoice {
            scale: 1.0,
            view: SnapshotView::All,
            filtered: true,
            bom: true,
        }
    }
}

pub fn export_menu(app: &mut App, ui: &mut Ui) {
    let s = app.settings.clone();
    let has = app.corpus.is_some();
    if ui
        .add_enabled(
            has,
            egui::Button::new(text::widget_text(ui, s.tr("PNG snapshot…", "لقطة PNG…")))
                .shortcut_text("Ctrl+Shift+S"),
        )
        .clicked()
    {
        let ctx = ui.ctx().clone();
        app.export_png_dialog(&ctx);
        ui.close();
    }
    ui.horizontal(|ui| {
        for k in [1.0, 2.0, 4.0] {
            ui.radio_value(&mut app.export.scale, k, format!("{k}×"));
        }
    });
    ui.horizontal(|ui| {
        ui.radio_value(
            &mut app.export.view,
            SnapshotView::All,
            text::widget_text(ui, s.tr("whole", "الكل")),
        );
        ui.radio_value(
            &mut app.export.view,
            SnapshotView::Timeline,
            text::widget_text(ui, s.tr("timeline", "الخط الزمني")),
        );
        ui.radio_value(
            &mut app.export.view,
            SnapshotView::Map,
            text::widget_text(ui, s.tr("map", "الخريطة")),
        );
    });
    ui.separator();
    for (f, label) in [
        (DataFormat::Json, "JSON…"),
        (DataFormat::Csv, "CSV…"),
        (DataFormat::GeoJson, "GeoJSON…"),
    ] {
        if ui.add_enabled(has, egui::Button::new(label)).clicked() {
            app.export_data_dialog(f);
            ui.close();
        }
    }
    ui.checkbox(
        &mut app.export.filtered,
        text::widget_text(ui, s.tr("only the shown events", "الأحداث المعروضة فقط")),
    );
    ui.checkbox(&mut app.export.bom, "CSV with BOM (spreadsheets)");
}

/// The extract with only the events the filters keep (documents, places, control as is).
pub fn filtered_extract(x: &Extract, keep: impl Fn(&crate::model::Event) -> bool) -> Extract {
    let mut out = x.clone();
    out.events.retain(|e| keep(e));
    out
}

/// Write `x` in `format` to `path` atomically (nothing partial on failure).
pub fn write_data(x: &Extract, format: DataFormat, bom: bool, path: &Path) -> Result<(), String> {
    let mut buf = Vec::new();
    let r = match format {
        DataFormat::Json => crate::export::json(x, &mut buf),
        DataFormat::Csv => crate::export::csv(x, &mut buf, bom),
        DataFormat::GeoJson => crate::export::geojson(x, &mut buf),
    };
    r.map_err(|e| e.to_string())?;
    write_atomic(path, &buf).map_err(|e| format!("cannot write {}: {e}", path.display()))
}

/// Render `scene` and write it to `path`.
pub fn write_snapshot(scene: Scene, spec: RenderSpec, path: &Path) -> Result<(), String> {
    let (img, _) = render(scene, spec).map_err(|e| e.to_string())?;
    write_png(path, &img).map_err(|e| e.to_string())
}

fn with_ext(mut p: PathBuf, ext: &str) -> PathBuf {
    if p.extension().is_none() {
        p.set_extension(ext);
    }
    p
}

impl App {
    /// The scene the snapshot shows: the same view, filters, cursor and visible range.
    pub fn snapshot_scene(&self, view: SnapshotView) -> Option<Scene> {
        let c = self.corpus.as_ref()?;
        let mut scene = Scene::new(
            &c.extract,
            &self.pack,
            view,
            self.timeline.cursor,
            self.settings.arabic,
        );
        let p = self.filters.prepared();
        let ev = &c.extract.events;
        scene
            .timeline
            .set_filter(|i| ev.get(i).is_some_and(|e| p.keep(e)));
        scene.timeline_state.lanes = self.timeline.lanes;
        scene.timeline_state.selected = self.timeline.selected;
        if let Some((a, b)) = self.timeline.visible_range() {
            scene.caption.from = Some(a);
            scene.caption.to = Some(b);
        }
        scene.map.state = self.map.state.clone();
        scene.map.highlight = self.map.highlight.clone();
        scene.map.selected = self.map.selected.clone();
        Some(scene)
    }

    /// The picture's size in points: the part of the window the view takes, plus the caption.
    pub fn snapshot_size(&self, ctx: &egui::Context, view: SnapshotView) -> (f32, f32) {
        let win = ctx.content_rect().size();
        let r = match view {
            SnapshotView::All => self
                .last_map_rect
                .zip(self.last_timeline_rect)
                .map(|(a, b)| a.union(b).size()),
            SnapshotView::Map => self.last_map_rect.map(|r| r.size()),
            SnapshotView::Timeline => self.last_timeline_rect.map(|r| r.size()),
        }
        .unwrap_or(win);
        (r.x.max(320.0), r.y.max(200.0) + CAPTION_HEIGHT)
    }

    /// Ask where to save, then render and write the snapshot off the UI thread.
    pub fn export_png_dialog(&mut self, ctx: &egui::Context) {
        let Some(scene) = self.snapshot_scene(self.export.view) else {
            return;
        };
        let (w, h) = self.snapshot_size(ctx, self.export.view);
        let spec = RenderSpec::new(w, h, self.export.scale);
        let name = format!(
            "{}.png",
            crate::ui::snapshot::corpus_name(&scene_root(self))
        );
        let tx = self.tx.clone();
        let c = ctx.clone();
        std::thread::spawn(move || {
            let Some(path) = ask_save_path("PNG", "png", &name, &tx) else {
                return;
            };
            let msg = match write_snapshot(scene, spec, &path) {
                Ok(()) => {
                    let (pw, ph) = spec.pixel_size();
                    Msg::Toast(format!("Saved {} ({pw}×{ph} px)", path.display()), false)
                }
                Err(e) => Msg::Toast(format!("Snapshot not saved: {e}"), true),
            };
            let _ = tx.send(msg);
            c.request_repaint();
        });
    }

    /// The extract to export: filtered by the current filters when chosen.
    pub fn export_extract(&self) -> Option<Extract> {
        let c = self.corpus.as_ref()?;
        Some(if self.export.filtered {
            let p = self.filters.prepared();
            filtered_extract(&c.extract, |e| p.keep(e))
        } else {
            c.extract.clone()
        })
    }

    pub fn export_data_dialog(&mut self, format: DataFormat) {
        let Some(x) = self.export_extract() else {
            return;
        };
        let bom = self.export.bom;
        let tx = self.tx.clone();
        let name = format!(
            "{}.{}",
            crate::ui::snapshot::corpus_name(&x.corpus.root),
            format.ext()
        );
        std::thread::spawn(move || {
            let Some(path) = ask_save_path(format.ext(), format.ext(), &name, &tx) else {
                return;
            };
            let msg = match write_data(&x, format, bom, &path) {
                Ok(()) => Msg::Toast(
                    format!("Saved {} events to {}", x.events.len(), path.display()),
                    false,
                ),
                Err(e) => Msg::Toast(format!("Export failed: {e}"), true),
            };
            let _ = tx.send(msg);
        });
    }
}

fn scene_root(app: &App) -> String {
    app.corpus
        .as_ref()
        .map_or("tarikh".into(), |c| c.root.to_string_lossy().into_owned())
}

/// The native save dialog, on the worker thread: the chosen path with `ext` ensured, or
/// `None` when the user cancelled — and a toast when no dialog could be shown at all.
fn ask_save_path(
    filter: &str,
    ext: &str,
    name: &str,
    tx: &std::sync::mpsc::Sender<Msg>,
) -> Option<std::path::PathBuf> {
    let started = std::time::Instant::now();
    let Some(path) = rfd::FileDialog::new()
        .add_filter(filter, &[ext])
        .set_file_name(name)
        .save_file()
    else {
        if no_dialog(started) {
            let _ = tx.send(Msg::Toast(NO_DIALOG.into(), true));
        }
        return None;
    };
    Some(with_ext(path, ext))
}
