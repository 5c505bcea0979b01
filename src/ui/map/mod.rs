//! The faction-control map: Libya and its neighbours offline, the corpus's places coloured
//! by who holds them at the timeline's date; zoom, pan, hover, click, and a city panel.

pub mod data;
pub mod geo;
pub mod paint;
pub mod projection;
pub mod state;

use egui::{Align2, Color32, FontId, Pos2, Rect, Sense, Stroke, Ui, pos2, vec2};
use jiff::civil::Date;

pub use data::{MapData, MapPlace, Status};
use paint::{LegendEntry, LegendSwatch, c32};
use projection::{Projection, Screen};
pub use state::MapState;

/// The standard parallel of the projection: the middle of Libya's latitudes.
pub const STD_PARALLEL: f64 = 27.0;

/// The map widget. Keeps its view state; everything else comes in each frame.
#[derive(Debug, Clone)]
pub struct MapView {
    pub state: MapState,
    /// Labels and legend in Arabic (the app's language setting).
    pub arabic: bool,
    /// Places of the selected event, ringed.
    pub highlight: Vec<String>,
    /// The place the timeline is filtered to, ringed more strongly.
    pub selected: Option<String>,
    pub show_legend: bool,
    pub show_labels: bool,
    /// Show the date in the map's corner (snapshots and play need it on the picture).
    pub show_date: bool,
}

impl Default for MapView {
    fn default() -> Self {
        MapView {
            state: MapState::default(),
            arabic: false,
            highlight: Vec::new(),
            selected: None,
            show_legend: true,
            show_labels: true,
            show_date: true,
        }
    }
}

/// What happened on the map this frame.
pub struct MapResponse {
    pub response: egui::Response,
    /// The place under the pointer.
    pub hovered: Option<String>,
    /// A place clicked this frame (the app filters the timeline to it).
    pub clicked: Option<String>,
    /// A click on the map away from any place (the app may clear its place filter).
    pub clicked_empty: bool,
}

impl MapView {
    pub fn ui(&mut self, ui: &mut Ui, data: &MapData, date: Option<Date>) -> MapResponse {
        let size = ui.available_size().max(vec2(64.0, 64.0));
        let (rect, response) = ui.allocate_exact_size(size, Sense::click_and_drag());
        let screen = Screen {
            min_x: rect.min.x as f64,
            min_y: rect.min.y as f64,
            max_x: rect.max.x as f64,
            max_y: rect.max.y as f64,
        };
        let proj = Projection::new(STD_PARALLEL);
        if response.double_clicked() {
            self.state.fit_next_frame();
        }
        let mut view = self.state.viewport(proj, data.bounds(), screen);
        if response.dragged() {
            let d = response.drag_delta();
            view = view.panned(d.x as f64, d.y as f64);
        }
        if response.hovered() {
            let (scroll, pinch, pointer) = ui.input(|i| {
                (
                    i.smooth_scroll_delta().y,
                    i.zoom_delta(),
                    i.pointer.hover_pos(),
                )
            });
            let factor = pinch as f64 * (scroll as f64 * 0.003).exp();
            if let Some(p) = pointer
                && (factor - 1.0).abs() > 1e-6
            {
                view = view.zoomed_around(p.x as f64, p.y as f64, factor);
            }
        }
        self.state.store(view);

        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 0.0, paint::SEA);
        paint::outline(&painter, &view, &data.outline, "LBY");

        // Visible places with their screen position and radius.
        let visible: Vec<(usize, Pos2, f32)> = data
            .places
            .iter()
            .enumerate()
            .filter_map(|(i, p)| {
                let (x, y) = view.project(p.pos);
                let at = pos2(x as f32, y as f32);
                let r = paint::marker_radius(p.events);
                rect.expand(r + 8.0).contains(at).then_some((i, at, r))
            })
            .collect();

        let pointer = response.hover_pos();
        let hovered = pointer.and_then(|p| {
            visible
                .iter()
                .filter(|(_, at, r)| at.distance(p) <= r + 4.0)
                .min_by(|a, b| a.1.distance(p).total_cmp(&b.1.distance(p)))
                .map(|(i, _, _)| *i)
        });

        // Big markers first so small ones stay visible on top.
        let mut order: Vec<usize> = (0..visible.len()).collect();
        order.sort_by(|&a, &b| visible[b].2.total_cmp(&visible[a].2));
        for &k in &order {
            let (i, at, r) = visible[k];
            let p = &data.places[i];
            paint::marker(&painter, data, at, r, data.status_at(p, date));
            if data.background_at(p, date) {
                paint::background_ring(&painter, at, r);
            }
            if self.highlight.contains(&p.id) {
                paint::highlight(&painter, at, r);
            }
            if self.selected.as_deref() == Some(p.id.as_str()) {
                painter.circle_stroke(at, r + 4.0, Stroke::new(2.5, paint::INK));
            }
        }
        if let Some(i) = hovered
            && let Some((_, at, r)) = visible.iter().find(|v| v.0 == i)
        {
            painter.circle_stroke(*at, r + 2.0, Stroke::new(1.5, Color32::WHITE));
        }

        if self.show_labels {
            self.labels(&painter, data, rect, &visible);
        }
        if self.show_legend {
            self.legend(&painter, data, rect, date);
        }
        if self.show_date
            && let Some(d) = date
        {
            // Bottom right: the desert south of the coast, where no city label lives (at the
            // top right the badge covered Derna, Tobruk and their labels).
            let font = FontId::proportional(16.0);
            // The chrome's date: the month named in Arabic, as on the timeline's cursor.
            let label = if self.arabic {
                crate::ui::timeline::format_date(d, crate::ui::timeline::Lang::Ar)
            } else {
                d.to_string()
            };
            let r = paint::text_size(&painter, &label, font.clone());
            let at = pos2(rect.max.x - 10.0, rect.max.y - 10.0 - r.y);
            painter.rect_filled(
                Rect::from_min_size(at - vec2(r.x + 6.0, 3.0), r + vec2(12.0, 6.0)),
                3.0,
                Color32::from_rgba_unmultiplied(255, 255, 255, 210),
            );
            paint::paint_text(&painter, at, Align2::RIGHT_TOP, &label, font, paint::INK);
        }

        let clicked = response
            .clicked()
            .then(|| hovered.map(|i| data.places[i].id.clone()))
            .flatten();
        let clicked_empty = response.clicked() && hovered.is_none();
        let hovered_id = hovered.map(|i| data.places[i].id.clone());
        let response = match hovered {
            Some(i) if !response.dragged() => {
                let arabic = self.arabic;
                response.on_hover_ui_at_pointer(|ui| {
                    tooltip_ui(ui, data, &data.places[i], date, arabic)
                })
            }
            _ => response,
        };
        MapResponse {
            response,
            hovered: hovered_id,
            clicked,
            clicked_empty,
        }
    }

    fn labels(
        &self,
        painter: &egui::Painter,
        data: &MapData,
        rect: Rect,
        visible: &[(usize, Pos2, f32)],
    ) {
        let font = FontId::proportional(12.0);
        let mut placer = paint::LabelPlacer::new();
        // Markers are obstacles too, so a label never hides another place's colour (a
        // marker without a label can still be hovered; one under a label cannot be read).
        for &(_, at, r) in visible {
            placer.occupy(Rect::from_center_size(at, vec2(2.0 * r, 2.0 * r)));
        }
        // Trying every place would cost O(n) layouts per frame; beyond a few hundred
        // labels the map is unreadable anyway.
        const MAX_TRIES: usize = 400;
        for k in paint::label_priority(&data.places, visible)
            .into_iter()
            .take(MAX_TRIES)
        {
            let (i, at, r) = visible[k];
            let p = &data.places[i];
            let name = if self.arabic && !p.name_ar.is_empty() {
                &p.name_ar
            } else {
                &p.name_en
            };
            let size = paint::text_size(painter, name, font.clone()) + vec2(4.0, 0.0);
            if let Some(spot) = placer.place(at, r, size, rect) {
                painter.rect_filled(
                    spot,
                    2.0,
                    Color32::from_rgba_unmultiplied(255, 255, 255, 150),
                );
                paint::paint_text(
                    painter,
                    spot.center(),
                    Align2::CENTER_CENTER,
                    name,
                    font.clone(),
                    paint::INK,
                );
            }
        }
    }

    fn legend(&self, painter: &egui::Painter, data: &MapData, rect: Rect, date: Option<Date>) {
        let ar = self.arabic;
        let mut entries: Vec<LegendEntry> = data
            .actors_in_control(date)
            .into_iter()
            .map(|a| LegendEntry {
                label: data.actor_name(a, ar),
                kind: LegendSwatch::Fill(c32(data.rgb(a))),
            })
            .collect();
        entries.push(LegendEntry {
            label: if ar {
                "متنازع عليها (الحلقة: المهاجم)"
            } else {
                "contested (ring: attacker)"
            }
            .into(),
            kind: LegendSwatch::Ring(Color32::from_gray(230), Color32::from_gray(90)),
        });
        entries.push(LegendEntry {
            label: if ar {
                "خلفية من حزمة المنطقة، لا من المقالات"
            } else {
                "background from the region pack, not the articles"
            }
            .into(),
            kind: LegendSwatch::Dashed,
        });
        entries.push(LegendEntry {
            label: if ar {
                "المسيطر غير معروف"
            } else {
                "no known holder"
            }
            .into(),
            kind: LegendSwatch::Grey,
        });
        let title = if ar { "من يسيطر" } else { "Who holds" };
        paint::legend(painter, rect, title, &entries);
    }

    /// Where a place was drawn on the last frame (for tests and for linking views).
    pub fn place_pos(&self, data: &MapData, id: &str) -> Option<Pos2> {
        let p = data.place(id)?;
        let (x, y) = self.state.screen_pos(p.pos)?;
        Some(pos2(x as f32, y as f32))
    }
}

fn status_text(data: &MapData, status: Status<'_>, arabic: bool) -> String {
    let name = |a: &str| data.actor_name(a, arabic);
    match (status, arabic) {
        (Status::Unknown, false) => "no known holder".into(),
        (Status::Unknown, true) => "المسيطر غير معروف".into(),
        (Status::Held(h), false) => format!("held by {}", name(h)),
        (Status::Held(h), true) => format!("تحت سيطرة {}", name(h)),
        (Status::Contested { holder, by }, false) => format!(
            "contested: {} defending{}",
            holder.map_or("?".into(), name),
            by.map_or(String::new(), |b| format!(", {} attacking", name(b)))
        ),
        (Status::Contested { holder, by }, true) => format!(
            "متنازع عليها: {} يدافع{}",
            holder.map_or("?".into(), name),
            by.map_or(String::new(), |b| format!("، و{} يهاجم", name(b)))
        ),
        (Status::Lost(l), false) => format!("lost by {}", l.map_or("?".into(), name)),
        (Status::Lost(l), true) => format!("خسرها {}", l.map_or("?".into(), name)),
    }
}

/// Hover card: the place, its holder at the date, since when, and the events that say so.
pub fn tooltip_ui(ui: &mut Ui, data: &MapData, place: &MapPlace, date: Option<Date>, arabic: bool) {
    let name = if arabic && !place.name_ar.is_empty() {
        format!("{} ({})", place.name_ar, place.name_en)
    } else {
        format!("{} ({})", place.name_en, place.name_ar)
    };
    crate::ui::text::label(ui, &name);
    crate::ui::text::label(ui, &status_text(data, data.status_at(place, date), arabic));
    if let Some(iv) = data.interval_at(place, date) {
        match (iv.from, arabic) {
            (Some(f), false) => ui.label(format!("since {f}")),
            (Some(f), true) => crate::ui::text::label(
                ui,
                &format!(
                    "منذ {}",
                    crate::ui::timeline::format_date(f, crate::ui::timeline::Lang::Ar)
                ),
            ),
            (None, false) => ui.label("since before the corpus"),
            (None, true) => crate::ui::text::label(ui, "منذ ما قبل المقالات"),
        };
        if crate::control::background::is_background(iv) {
            crate::ui::text::label(
                ui,
                if arabic {
                    "خلفية من حزمة المنطقة: لا تذكر المقالات شيئا عن ذلك"
                } else {
                    "Background from the region pack: no article says so"
                },
            );
        }
        for id in iv.events.iter().take(5) {
            match data.events.get(id) {
                Some(e) => crate::ui::text::label(
                    ui,
                    &format!(
                        "• {} {}: {}",
                        e.date.as_deref().unwrap_or("?"),
                        if arabic && e.kind == data::BACKGROUND_KIND {
                            "حزمة المنطقة"
                        } else {
                            &e.kind
                        },
                        snippet(e.text(arabic), 90)
                    ),
                ),
                None => ui.label(format!("• {id}")),
            };
        }
        if iv.events.len() > 5 {
            ui.weak(format!("… and {} more", iv.events.len() - 5));
        }
    }
    if arabic {
        crate::ui::text::label(
            ui,
            &format!("عدد الأحداث التي تذكر المكان: {}", place.events),
        );
    } else {
        ui.weak(format!("{} events name this place", place.events));
    }
}

fn snippet(s: &str, max_chars: usize) -> String {
    let mut out: String = s.chars().take(max_chars).collect();
    if s.chars().count() > max_chars {
        out.push('…');
    }
    out
}

/// The city panel: every control interval of the place over the whole corpus as a strip
/// chart (holder per date range), then each interval with its supporting events.
/// Returns the id of an event the user clicked, to open its evidence.
pub fn city_panel_ui(ui: &mut Ui, data: &MapData, place_id: &str, arabic: bool) -> Option<String> {
    let lang = if arabic {
        crate::ui::timeline::Lang::Ar
    } else {
        crate::ui::timeline::Lang::En
    };
    let Some(place) = data.place(place_id) else {
        let note = if arabic {
            format!("{place_id}: ليس على الخريطة")
        } else {
            format!("{place_id}: not on the map")
        };
        crate::ui::text::paragraph(ui, &note, &[], ui.available_width());
        return None;
    };
    let title = if arabic && !place.name_ar.is_empty() {
        &place.name_ar
    } else {
        &place.name_en
    };
    // Paragraphs, not one-line labels: they wrap to the panel's width (a long line would
    // widen the side panel over the map) and sit on the right when they are Arabic.
    crate::ui::text::paragraph(ui, title, &[], ui.available_width());
    let Some(h) = data.history(place).filter(|h| !h.intervals.is_empty()) else {
        let note = if arabic {
            "لا ادعاءات سيطرة في هذه المقالات."
        } else {
            "No control claims in this corpus."
        };
        crate::ui::text::paragraph(ui, note, &[], ui.available_width());
        return None;
    };
    strip_chart(ui, data, h, arabic);
    let mut clicked = None;
    let font = egui::TextStyle::Body.resolve(ui.style());
    // No scroll area of its own: the side panel scrolls, and a nested one cut the list at
    // three periods with the panel half empty below.
    ui.vertical(|ui| {
        let w = ui.available_width();
        for iv in &h.intervals {
            let range = period_text(iv.from, iv.to, lang);
            let status = match iv.state {
                crate::model::ControlState::Held => {
                    Status::Held(iv.holder.as_deref().unwrap_or("?"))
                }
                crate::model::ControlState::Contested => Status::Contested {
                    holder: iv.holder.as_deref(),
                    by: iv.contenders.first().map(String::as_str),
                },
                crate::model::ControlState::Lost => Status::Lost(iv.holder.as_deref()),
            };
            // The swatch and the period on one row (from the right in Arabic), the
            // status under them, wrapped.
            let layout = if arabic {
                egui::Layout::right_to_left(egui::Align::Center)
            } else {
                egui::Layout::left_to_right(egui::Align::Center)
            };
            let row = vec2(w, ui.spacing().interact_size.y);
            ui.allocate_ui_with_layout(row, layout, |ui| {
                let (r, _) = ui.allocate_exact_size(vec2(12.0, 12.0), Sense::hover());
                let col = iv
                    .holder
                    .as_deref()
                    .map_or(c32(data::UNKNOWN_RGB), |h| c32(data.rgb(h)));
                ui.painter().rect_filled(r, 2.0, col);
                crate::ui::text::label_truncated(ui, &range, (w - 20.0).max(40.0));
            });
            crate::ui::text::paragraph(ui, &status_text(data, status, arabic), &[], w);
            for id in &iv.events {
                // A background row is not an event to open: its label and source.
                if let Some(e) = data
                    .events
                    .get(id)
                    .filter(|e| e.kind == data::BACKGROUND_KIND)
                {
                    let head = if arabic {
                        "حزمة المنطقة"
                    } else {
                        "region pack"
                    };
                    ui.scope(|ui| {
                        ui.visuals_mut().override_text_color = Some(Color32::from_gray(100));
                        crate::ui::text::paragraph(
                            ui,
                            &format!("{head}: {}", snippet(e.text(arabic), 140)),
                            &[],
                            w,
                        );
                    });
                    // The source as a link of its own: a web address cut short inside
                    // an Arabic line reads as noise under the bidi rules.
                    if !e.link.is_empty() {
                        let link = |ui: &mut Ui| {
                            ui.hyperlink_to(if arabic { "المصدر" } else { "source" }, &e.link)
                                .on_hover_text(&e.link);
                        };
                        if arabic {
                            ui.allocate_ui_with_layout(row, layout, link);
                        } else {
                            link(ui);
                        }
                    }
                    continue;
                }
                let text = match data.events.get(id) {
                    Some(e) => format!("{}  {}", id, snippet(&e.evidence, 70)),
                    None => id.clone(),
                };
                // Cut to the panel: one unbroken line would widen it over the map.
                let text =
                    crate::ui::text::truncate_to_width(ui.ctx(), &text, &font, w).unwrap_or(text);
                // Through the bidi layer: the evidence is Arabic.
                let text = crate::ui::text::widget_text(ui, &text);
                let open = |ui: &mut Ui| {
                    if ui.link(text).clicked() {
                        clicked = Some(id.clone());
                    }
                };
                if arabic {
                    ui.allocate_ui_with_layout(row, layout, open);
                } else {
                    open(ui);
                }
            }
            ui.add_space(4.0);
        }
    });
    clicked
}

/// A control period in words: ISO dates in English; in Arabic the months named and the
/// ends said ("من 15 فبراير 2011 إلى 14 سبتمبر 2011"), since an ISO date inside Arabic
/// text reads reversed under the bidi rules.
pub fn period_text(
    from: Option<Date>,
    to: Option<Date>,
    lang: crate::ui::timeline::Lang,
) -> String {
    use crate::ui::timeline::{Lang, format_date};
    match lang {
        Lang::En => format!(
            "{} – {}",
            from.map_or("…".into(), |d| d.to_string()),
            to.map_or("…".into(), |d| d.to_string())
        ),
        Lang::Ar => match (from, to) {
            (Some(a), Some(b)) => {
                format!("من {} إلى {}", format_date(a, lang), format_date(b, lang))
            }
            (Some(a), None) => format!("منذ {}", format_date(a, lang)),
            (None, Some(b)) => format!("حتى {}", format_date(b, lang)),
            (None, None) => "في كل المدة".into(),
        },
    }
}

fn strip_chart(ui: &mut Ui, data: &MapData, h: &crate::model::ControlHistory, arabic: bool) {
    let dates: Vec<Date> = h
        .intervals
        .iter()
        .flat_map(|iv| [iv.from, iv.to])
        .flatten()
        .collect();
    let (Some(&lo), Some(&hi)) = (dates.iter().min(), dates.iter().max()) else {
        return;
    };
    let days = |d: Date| (d - lo).get_days() as f32;
    let span = days(hi).max(1.0);
    let width = ui.available_width().clamp(120.0, 600.0);
    let (rect, _) = ui.allocate_exact_size(vec2(width, 18.0), Sense::hover());
    let p = ui.painter_at(rect);
    p.rect_filled(rect, 2.0, Color32::from_gray(225));
    let x =
        |d: Option<Date>, open: f32| d.map_or(open, |d| rect.min.x + days(d) / span * rect.width());
    for iv in &h.intervals {
        let x0 = x(iv.from, rect.min.x);
        let x1 = x(iv.to, rect.max.x).max(x0 + 2.0);
        let col = iv
            .holder
            .as_deref()
            .map_or(c32(data::UNKNOWN_RGB), |h| c32(data.rgb(h)));
        let r = Rect::from_x_y_ranges(x0..=x1, rect.y_range());
        p.rect_filled(r, 0.0, col);
        if iv.state == crate::model::ControlState::Contested {
            let by = iv
                .contenders
                .first()
                .map_or(Color32::BLACK, |b| c32(data.rgb(b)));
            p.rect_filled(
                Rect::from_x_y_ranges(x0..=x1, (rect.center().y)..=rect.max.y),
                0.0,
                by,
            );
        }
    }
    // The first and last dates under the ends of the strip (time runs left to right in both
    // chromes, as on the timeline), the months named in Arabic.
    let show = |d: Date| {
        if arabic {
            crate::ui::timeline::format_date(d, crate::ui::timeline::Lang::Ar)
        } else {
            d.to_string()
        }
    };
    let font = egui::TextStyle::Body.resolve(ui.style());
    let row_h = ui.fonts_mut(|f| f.row_height(&font));
    let (row, _) = ui.allocate_exact_size(vec2(width, row_h), Sense::hover());
    let col = ui.visuals().weak_text_color();
    let painter = ui.painter();
    crate::ui::text::painter_text(
        painter,
        row.left_center(),
        Align2::LEFT_CENTER,
        &show(lo),
        font.clone(),
        col,
    );
    crate::ui::text::painter_text(
        painter,
        row.right_center(),
        Align2::RIGHT_CENTER,
        &show(hi),
        font,
        col,
    );
}
