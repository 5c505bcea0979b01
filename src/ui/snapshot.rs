//! The picture that `tarikh snapshot` and the app's Export → PNG make: a view (map,
//! timeline or both) at a cursor date with a caption, rendered offscreen.

use jiff::civil::Date;

use crate::export::png::{self, PngError, RenderSpec};
use crate::model::Extract;
use crate::pack::Pack;
use crate::ui::map::{MapData, MapView};
pub use crate::ui::text::install_fonts;
use crate::ui::timeline::{Lang, Timeline, TimelineData, TimelineState};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum SnapshotView {
    #[default]
    All,
    Timeline,
    Map,
}

/// The caption under every snapshot: what the picture shows and where it comes from.
#[derive(Debug, Clone, Default)]
pub struct Caption {
    pub corpus: String,
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub at: Option<Date>,
}

impl Caption {
    pub fn text(&self) -> String {
        self.text_in(false)
    }

    /// The caption in the picture's language. In Arabic it starts with an Arabic word,
    /// so it is laid out right to left, and its dates are kept left to right.
    pub fn text_in(&self, arabic: bool) -> String {
        let d = |d: Option<Date>| {
            d.map_or("…".to_string(), |d| {
                if arabic {
                    format!("\u{200e}{d}")
                } else {
                    d.to_string()
                }
            })
        };
        let mut parts = Vec::new();
        if arabic {
            parts.push(format!("المجموعة: {}", self.corpus));
        } else {
            parts.push(self.corpus.clone());
        }
        if self.from.is_some() || self.to.is_some() {
            parts.push(format!("{} – {}", d(self.from), d(self.to)));
        }
        if let Some(at) = self.at {
            parts.push(if arabic {
                format!("السيطرة في {}", d(Some(at)))
            } else {
                format!("control at {at}")
            });
        }
        parts.push(
            if arabic {
                "صُنعت بـ tarikh"
            } else {
                "made with tarikh"
            }
            .to_string(),
        );
        // Right-to-left marks around the separators keep each part in its place in an
        // Arabic line, instead of a Latin name and dates running together.
        parts.join(if arabic {
            "\u{200f}  ·  \u{200f}"
        } else {
            "  ·  "
        })
    }
}

/// Everything a snapshot shows.
pub struct Scene {
    pub map: MapView,
    pub data: MapData,
    pub timeline: TimelineData,
    pub timeline_state: TimelineState,
    pub view: SnapshotView,
    pub caption: Caption,
}

impl Scene {
    /// A scene of the extract at `at` (default: the corpus's last dated event).
    pub fn new(
        x: &Extract,
        pack: &Pack,
        view: SnapshotView,
        at: Option<Date>,
        arabic: bool,
    ) -> Scene {
        let (lo, hi) = event_dates(x).map_or((None, None), |(a, b)| (Some(a), Some(b)));
        let map = MapView {
            arabic,
            ..MapView::default()
        };
        Scene {
            map,
            data: MapData::new(x, pack),
            timeline: TimelineData::new(x, pack),
            timeline_state: TimelineState::default(),
            view,
            caption: Caption {
                corpus: corpus_name(&x.corpus.root),
                from: lo,
                to: hi,
                at: at.or(hi),
            },
        }
    }
}

/// The folder's last component: "seeds" for "../shared/corpus/seeds/".
pub fn corpus_name(root: &str) -> String {
    std::path::Path::new(root)
        .components()
        .next_back()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .filter(|s| !s.is_empty() && s != "." && s != "..")
        .unwrap_or_else(|| root.to_string())
}

/// First and last event dates (day precision or coarser, their start).
pub fn event_dates(x: &Extract) -> Option<(Date, Date)> {
    let mut dates = x
        .events
        .iter()
        .filter_map(|e| e.date.as_deref())
        .filter_map(parse_date_prefix);
    let first = dates.next()?;
    Some(dates.fold((first, first), |(a, b), d| (a.min(d), b.max(d))))
}

/// "2019-04-06", "2019-04" or "2019" as the first day they name.
pub fn parse_date_prefix(s: &str) -> Option<Date> {
    let s = s.trim();
    s.parse::<Date>()
        .ok()
        .or_else(|| format!("{s}-01").parse().ok())
        .or_else(|| format!("{s}-01-01").parse().ok())
}

pub const CAPTION_HEIGHT: f32 = 26.0;

/// Draws the scene into `ui`: the chosen view above the caption.
pub fn scene_ui(ui: &mut egui::Ui, scene: &mut Scene) {
    let caption = scene.caption.text_in(scene.map.arabic);
    egui::Panel::bottom("snapshot_caption")
        .exact_size(CAPTION_HEIGHT)
        .show(ui, |ui| {
            ui.centered_and_justified(|ui| {
                // Through the bidi layer: an Arabic caption mixes Arabic, dates and Latin.
                let font = egui::FontId::proportional(13.0);
                let job =
                    crate::ui::text::single_line_job(&caption, &font, egui::Color32::from_gray(50));
                ui.label(job);
            });
        });
    egui::CentralPanel::default()
        .frame(egui::Frame::NONE)
        .show(ui, |ui| {
            let at = scene.caption.at;
            match scene.view {
                SnapshotView::Map => {
                    scene.map.ui(ui, &scene.data, at);
                }
                SnapshotView::Timeline => timeline_ui(ui, scene),
                SnapshotView::All => {
                    // The map above, the timeline (with the same date as its cursor) below.
                    let size = ui.available_size();
                    let lanes = crate::ui::timeline::natural_height(&scene.timeline);
                    let map_h = (size.y - lanes.clamp(200.0, size.y * 0.5)).round();
                    ui.allocate_ui(egui::vec2(size.x, map_h), |ui| {
                        scene.map.ui(ui, &scene.data, at);
                    });
                    timeline_ui(ui, scene);
                }
            }
        });
}

/// The timeline at the caption's date, showing the caption's range.
fn timeline_ui(ui: &mut egui::Ui, scene: &mut Scene) {
    let st = &mut scene.timeline_state;
    st.cursor = scene.caption.at;
    if st.scale.is_none()
        && let (Some(a), Some(b)) = (scene.caption.from, scene.caption.to)
    {
        st.zoom_to(a, b);
    }
    let lang = if scene.map.arabic { Lang::Ar } else { Lang::En };
    ui.spacing_mut().item_spacing.y = 0.0;
    Timeline::new(&mut scene.timeline, &[])
        .lang(lang)
        .show(ui, st);
}

/// Renders the scene offscreen.
pub fn render(scene: Scene, spec: RenderSpec) -> Result<(image::RgbaImage, Scene), PngError> {
    png::render_ui(spec, install_fonts, scene, scene_ui)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_caption_speaks_the_pictures_language() {
        let d = |s: &str| s.parse::<Date>().ok();
        let c = Caption {
            corpus: "news".into(),
            from: d("2019-01-01"),
            to: d("2019-12-31"),
            at: d("2019-04-05"),
        };
        assert_eq!(
            c.text(),
            "news  ·  2019-01-01 – 2019-12-31  ·  control at 2019-04-05  ·  made with tarikh"
        );
        let ar = c.text_in(true);
        assert!(ar.starts_with("المجموعة"), "{ar}");
        assert!(ar.contains("السيطرة في") && !ar.contains("control"), "{ar}");
        assert!(ar.contains("2019-04-05") && ar.contains("news"), "{ar}");
    }
}
