//! The interactive timeline: events in lanes (by type, side or place) on a zoomable time
//! axis, clusters where they are dense, a draggable date cursor, hover tooltips, selection.

pub mod data;
pub mod scale;
pub mod state;

use egui::{Align2, Color32, FontId, Id, Key, Rect, Response, Sense, Shape, Stroke, Ui};
use egui::{pos2, vec2};

use crate::model::Event;
use crate::ui::text;
pub use data::{LaneBy, TimelineData, type_label};
pub use scale::{Lang, TimeScale, format_date};
pub use state::TimelineState;

use scale::{date_of, day_number};

// Use from the app:
//   once per extract:   `let mut data = TimelineData::new(&extract, &pack);`
//   when filters change: `data.set_filter(|i| keep(&extract.events[i]));`
//   each frame:          `lane_selector(ui, &mut state.lanes, lang);`
//                        `let r = Timeline::new(&mut data, &extract.events).lang(lang).show(ui, &mut state);`
//   then: `r.clicked` (open the details panel), `r.cursor_changed` / `state.cursor` (the map's
//   date), `state.selected`; `state.zoom_to(a, b)` ("April 2019"), `state.fit_next_frame()`
//   (new corpus); `state.event_pos(&data, i)` where an event was drawn (tests, scrolling).

/// Height of the header row (counts and legend).
pub const HEADER_H: f32 = 20.0;
/// Height of the date axis under the lanes.
pub const AXIS_H: f32 = 42.0;
/// Height of the density strip (events and casualties per column) above the axis.
pub const STRIP_H: f32 = 36.0;
/// Width of the lane label column.
pub const LABEL_W: f32 = 150.0;
/// Marks closer than this (points) merge into a cluster.
pub const CLUSTER_PX: f64 = 8.0;
/// Above this many bars in a lane's view, bars are drawn as a coverage strip.
pub const BAR_LIMIT: usize = 400;
/// Margin kept when fitting, in points.
pub const FIT_MARGIN: f64 = 16.0;

/// The cursor is dragged by its head (this tall, at the top of the lanes) or along the
/// axis; the rest of its line leaves the events under it hoverable.
pub const CURSOR_GRIP: f32 = 12.0;

/// Lanes shrink to this before they scroll.
pub const MIN_LANE_H: f32 = 15.0;

/// Marks sit this far down their lane (bars above them).
const MARK_Y: f32 = 0.78;

const INK: Color32 = Color32::from_gray(40);
const GRID: Color32 = Color32::from_gray(225);
const GRID_MAJOR: Color32 = Color32::from_gray(190);
const CURSOR: Color32 = Color32::from_rgb(200, 30, 30);

/// What happened on the timeline this frame.
pub struct TimelineResponse {
    pub response: Response,
    /// An event clicked this frame (index into the extract's events).
    pub clicked: Option<usize>,
    /// The event under the pointer.
    pub hovered: Option<usize>,
    /// A click on the lanes away from any event.
    pub clicked_empty: bool,
    /// The cursor date moved (drag, axis click): the map should follow.
    pub cursor_changed: bool,
}

/// The timeline widget. Built each frame over the data and the (optional) events for
/// tooltips; the view lives in [`TimelineState`].
pub struct Timeline<'a> {
    data: &'a mut TimelineData,
    events: &'a [Event],
    lang: Lang,
    legend: bool,
    salt: &'static str,
}

/// Something drawn that the pointer can hit: a mark, a cluster or a bar.
#[derive(Debug, Clone, Copy)]
struct Target {
    rect: Rect,
    event: u32,
    /// Events under it (> 1 for a cluster).
    count: u32,
    /// Their days, for zooming into a cluster.
    days: (i32, i32),
}

impl<'a> Timeline<'a> {
    /// `events` are the extract's events (same indexes as the data), used for tooltips;
    /// pass `&[]` to draw without them.
    pub fn new(data: &'a mut TimelineData, events: &'a [Event]) -> Self {
        Timeline {
            data,
            events,
            lang: Lang::En,
            legend: true,
            salt: "tarikh_timeline",
        }
    }

    /// Month names, lane labels and tooltips in this language.
    pub fn lang(mut self, lang: Lang) -> Self {
        self.lang = lang;
        self
    }

    pub fn legend(mut self, show: bool) -> Self {
        self.legend = show;
        self
    }

    /// Tells two timelines in one window apart.
    pub fn id_salt(mut self, salt: &'static str) -> Self {
        self.salt = salt;
        self
    }

    /// Draw into all the space `ui` has left.
    pub fn show(self, ui: &mut Ui, state: &mut TimelineState) -> TimelineResponse {
        let Timeline {
            data,
            events,
            lang,
            legend,
            salt,
        } = self;
        let id: Id = ui.make_persistent_id(salt);
        data.set_lanes(state.lanes);
        // Inside a scroll area the space is unbounded: take what the lanes need.
        let avail = ui.available_size();
        let size = vec2(
            if avail.x.is_finite() { avail.x } else { 800.0 },
            if avail.y.is_finite() {
                avail.y
            } else {
                natural_height(data)
            },
        )
        .max(vec2(200.0, HEADER_H + STRIP_H + AXIS_H + 30.0));
        let (rect, mut response) = ui.allocate_exact_size(size, Sense::click_and_drag());
        if response.has_focus() {
            // Left/right pan the timeline instead of moving the keyboard focus.
            ui.memory_mut(|m| {
                m.set_focus_lock_filter(
                    response.id,
                    egui::EventFilter {
                        horizontal_arrows: true,
                        ..Default::default()
                    },
                )
            });
        }
        let rtl = lang == Lang::Ar;
        let (label_rect, time_rect) = {
            let body = Rect::from_min_max(pos2(rect.min.x, rect.min.y + HEADER_H), rect.max);
            if rtl {
                (
                    Rect::from_min_max(pos2(body.max.x - LABEL_W, body.min.y), body.max),
                    Rect::from_min_max(body.min, pos2(body.max.x - LABEL_W, body.max.y)),
                )
            } else {
                (
                    Rect::from_min_max(body.min, pos2(body.min.x + LABEL_W, body.max.y)),
                    Rect::from_min_max(pos2(body.min.x + LABEL_W, body.min.y), body.max),
                )
            }
        };
        let lanes_rect = Rect::from_min_max(
            time_rect.min,
            pos2(time_rect.max.x, time_rect.max.y - AXIS_H - STRIP_H),
        );
        let strip_rect = Rect::from_min_max(
            pos2(time_rect.min.x, lanes_rect.max.y),
            pos2(time_rect.max.x, lanes_rect.max.y + STRIP_H),
        );
        let axis_rect = Rect::from_min_max(pos2(time_rect.min.x, strip_rect.max.y), time_rect.max);
        let width = time_rect.width() as f64;
        state.last_width = time_rect.width();
        let x0 = time_rect.min.x as f64;

        // The scale of this frame: fitted, or last frame's, then this frame's input.
        let extent = data.extent.map(|(a, b)| (a as f64, b as f64));
        let fit = |state: &TimelineState| match state.pending_range.or(data.extent) {
            Some((a, b)) => TimeScale::fit(a as f64, b as f64, width, FIT_MARGIN),
            None => TimeScale::default(),
        };
        let mut scale = match (state.scale, state.pending_range) {
            (Some(s), None) => s,
            _ => fit(state),
        };
        state.pending_range = None;

        let axis = ui.interact(axis_rect, id.with("axis"), Sense::click_and_drag());
        let cursor_x = state
            .cursor
            .map(|d| x0 as f32 + scale.x(day_number(d) as f64 + 0.5) as f32);
        let handle = cursor_x
            .filter(|x| time_rect.x_range().contains(*x))
            .map(|x| {
                let r = Rect::from_x_y_ranges(
                    x - 6.0..=x + 6.0,
                    lanes_rect.min.y..=lanes_rect.min.y + CURSOR_GRIP,
                );
                ui.interact(r, id.with("cursor"), Sense::drag())
            });

        let mut cursor_changed = false;
        let mut set_cursor = |state: &mut TimelineState, px: f32, scale: &TimeScale| {
            let day = scale.day(px as f64 - x0).floor() as i32;
            let d = date_of(day);
            if d.is_some() && d != state.cursor {
                state.cursor = d;
                cursor_changed = true;
            }
        };
        if (axis.clicked() || axis.dragged())
            && let Some(p) = axis.interact_pointer_pos()
        {
            set_cursor(state, p.x, &scale);
        }
        if let Some(h) = &handle
            && h.dragged()
            && let Some(p) = h.interact_pointer_pos()
        {
            set_cursor(state, p.x, &scale);
        }

        if response.clicked() || axis.clicked() {
            response.request_focus();
        }
        if response.double_clicked() {
            scale = fit(&TimelineState::default());
        } else if response.dragged() {
            scale = scale.panned(response.drag_delta().x as f64);
        }
        let pointer = ui.input(|i| i.pointer.hover_pos());
        let over = pointer.filter(|p| rect.contains(*p) && ui.rect_contains_pointer(rect));
        if let Some(p) = over {
            // Taken here, so a scroll area around the timeline does not scroll as well.
            let (scroll, zoom) = ui.input_mut(|i| {
                let s = i.smooth_scroll_delta;
                i.smooth_scroll_delta = egui::Vec2::ZERO;
                (s, i.zoom_delta())
            });
            if label_rect.contains(p) {
                state.lane_scroll -= scroll.y;
            } else {
                let factor = zoom as f64 * (scroll.y as f64 * 0.003).clamp(-20.0, 20.0).exp();
                let px = (p.x as f64 - x0).clamp(0.0, width);
                if (factor - 1.0).abs() > 1e-6 {
                    scale = scale.zoomed_around(px, factor);
                }
                if scroll.x != 0.0 {
                    scale = scale.panned(scroll.x as f64);
                }
            }
        }
        // Keys only when no other widget (a search box) has the keyboard.
        let focus = ui.memory(|m| m.focused());
        if response.has_focus() || (over.is_some() && focus.is_none()) {
            let keys = ui.input(|i| {
                (
                    i.key_pressed(Key::ArrowLeft),
                    i.key_pressed(Key::ArrowRight),
                    i.key_pressed(Key::Plus) || i.key_pressed(Key::Equals),
                    i.key_pressed(Key::Minus),
                    i.key_pressed(Key::Home),
                )
            });
            let step = width * 0.1;
            if keys.0 {
                scale = scale.panned(step);
            }
            if keys.1 {
                scale = scale.panned(-step);
            }
            if keys.2 {
                scale = scale.zoomed_around(width / 2.0, 1.25);
            }
            if keys.3 {
                scale = scale.zoomed_around(width / 2.0, 0.8);
            }
            if keys.4 {
                scale = fit(&TimelineState::default());
            }
        }
        if let Some((lo, hi)) = extent {
            scale = scale.clamped(lo, hi, width);
        }
        state.scale = Some(scale);

        // Painting.
        let painter = ui.painter_at(rect);
        painter.rect_filled(rect, 0.0, Color32::WHITE);
        let ticks = scale.ticks(width, lang);
        for t in &ticks.ticks {
            let x = x0 as f32 + t.x as f32;
            painter.line_segment(
                [pos2(x, lanes_rect.min.y), pos2(x, axis_rect.min.y + 6.0)],
                Stroke::new(1.0, if t.major { GRID_MAJOR } else { GRID }),
            );
        }

        let n = data.lanes.len();
        let avail = lanes_rect.height();
        let lane_h = if n == 0 {
            avail
        } else {
            (avail / n as f32).clamp(MIN_LANE_H, 30.0)
        };
        let max_scroll = (lane_h * n as f32 - avail).max(0.0);
        state.lane_scroll = state.lane_scroll.clamp(0.0, max_scroll);
        let lane_top = |i: usize| lanes_rect.min.y + i as f32 * lane_h - state.lane_scroll;
        if max_scroll > 0.0 {
            // More lanes than fit: a thin bar at the label column's outer edge shows where
            // the view is (the wheel over the labels scrolls them).
            let total = lane_h * n as f32;
            let x = if rtl {
                label_rect.max.x - 2.0
            } else {
                label_rect.min.x + 2.0
            };
            let y0 = lanes_rect.min.y + lanes_rect.height() * state.lane_scroll / total;
            let y1 = y0 + lanes_rect.height() * avail / total;
            painter.line_segment(
                [pos2(x, y0), pos2(x, y1)],
                Stroke::new(3.0, Color32::from_gray(170)),
            );
        }

        state.geometry = Some(state::Geometry {
            time_left: x0 as f32,
            lanes_top: lanes_rect.min.y,
            lane_h,
            mark_dy: lane_h * MARK_Y,
            bar_dy: 3.0 + 2.0,
            axis_y: axis_rect.center().y,
        });
        let lo_day = scale.day(0.0).floor() as i32 - 1;
        let hi_day = scale.end(width).ceil() as i32 + 1;
        let lanes_painter = painter.with_clip_rect(lanes_rect);
        let label_painter = painter.with_clip_rect(Rect::from_x_y_ranges(
            label_rect.x_range(),
            lanes_rect.y_range(),
        ));
        let mut targets: Vec<Target> = Vec::new();
        let label_font = FontId::proportional(12.5);
        for (li, lane) in data.lanes.iter().enumerate() {
            let top = lane_top(li);
            if top + lane_h < lanes_rect.min.y || top > lanes_rect.max.y {
                continue;
            }
            let row = Rect::from_min_max(pos2(rect.min.x, top), pos2(rect.max.x, top + lane_h));
            if li % 2 == 1 {
                painter
                    .with_clip_rect(
                        Rect::from_x_y_ranges(rect.x_range(), lanes_rect.y_range()).intersect(row),
                    )
                    .rect_filled(row, 0.0, Color32::from_gray(246));
            }
            // The label: a colour swatch for sides, the name bidi-drawn and cut to fit.
            let mid = top + lane_h / 2.0;
            let mut room = LABEL_W - 12.0;
            let (anchor, align, sw) = if rtl {
                (label_rect.max.x - 6.0, Align2::RIGHT_CENTER, -1.0)
            } else {
                (label_rect.min.x + 6.0, Align2::LEFT_CENTER, 1.0)
            };
            let mut text_x = anchor;
            if let Some(rgb) = lane.rgb {
                label_painter.circle_filled(pos2(anchor + sw * 5.0, mid), 5.0, c32(rgb));
                text_x += sw * 14.0;
                room -= 14.0;
            }
            let mut name = lane.label(lang);
            // A side's id (LNA, GNA) reads better than its cut-off full name.
            if lang == Lang::En
                && !lane.key.is_empty()
                && lane.key.len() < name.len()
                && text::measure(ui.ctx(), name, &label_font) > room
            {
                name = &lane.key;
            }
            let shown = text::truncate_to_width(ui.ctx(), name, &label_font, room);
            text::painter_text(
                &label_painter,
                pos2(text_x, mid),
                align,
                shown.as_deref().unwrap_or(name),
                label_font.clone(),
                INK,
            );

            let ix = &data.index[li];
            let lane_rgb = lane.rgb;
            let colour = |e: u32| {
                let c = c32(lane_rgb.unwrap_or(data.rgb[e as usize]));
                if data.faint.get(e as usize).copied().unwrap_or(false) {
                    c.gamma_multiply(0.35)
                } else {
                    c
                }
            };
            // Bars in the upper part, stacked in rows; a coverage strip when too many.
            let bar_band = (top + 3.0, top + lane_h * 0.62);
            let visible_bars = ix.bars_overlapping(lo_day, hi_day);
            if visible_bars > BAR_LIMIT {
                coverage_strip(
                    &lanes_painter,
                    ix,
                    &scale,
                    x0,
                    lo_day,
                    hi_day,
                    bar_band,
                    c32(lane_rgb.unwrap_or([110, 110, 110])),
                );
            } else if visible_bars > 0 {
                let rows = (((bar_band.1 - bar_band.0) / 5.0).floor() as usize).clamp(1, 3);
                let row_h = (bar_band.1 - bar_band.0) / rows as f32;
                let mut row_end = vec![f32::NEG_INFINITY; rows];
                for &(s, e, ev) in ix.bars_in(lo_day, hi_day) {
                    let hollow = data.times[ev as usize].is_some_and(|t| t.hollow);
                    let xa = x0 as f32 + scale.x(s as f64) as f32;
                    // A dashed outline needs some length to read as dashed.
                    let min_w = if hollow { 8.0 } else { 2.0 };
                    let xb = (x0 as f32 + scale.x(e as f64 + 1.0) as f32).max(xa + min_w);
                    let r = row_end
                        .iter()
                        .position(|&end| end < xa - 1.0)
                        .unwrap_or(rows - 1);
                    row_end[r] = row_end[r].max(xb);
                    let y = bar_band.0 + r as f32 * row_h;
                    let br = Rect::from_min_max(pos2(xa, y), pos2(xb, y + row_h - 1.0));
                    let c = colour(ev);
                    if hollow {
                        lanes_painter.rect_filled(br, 1.0, c.gamma_multiply(0.15));
                        dashed_rect(&lanes_painter, br, c);
                    } else {
                        lanes_painter.rect_filled(br, 1.0, c.gamma_multiply(0.75));
                    }
                    targets.push(Target {
                        rect: br.expand2(vec2(0.0, 1.0)),
                        event: ev,
                        count: 1,
                        days: (s, e),
                    });
                }
            }
            // Marks on the lower line, merged into clusters per CLUSTER_PX bin of days
            // (bins fixed in time, so they do not flicker while panning).
            let mark_y = top + lane_h * MARK_Y;
            let bin = CLUSTER_PX / scale.px_per_day;
            let k0 = (lo_day as f64 / bin).floor() as i64;
            let k1 = (hi_day as f64 / bin).ceil() as i64;
            let first_day = |k: i64| (k as f64 * bin - 0.5).ceil() as i32;
            let mut a = ix.marks_in(i32::MIN, first_day(k0)).end;
            for k in k0..k1 {
                let b = ix.marks_in(i32::MIN, first_day(k + 1)).end.max(a);
                if b > a {
                    let count = (b - a) as u32;
                    let ev = ix.mark_events[a];
                    let d0 = ix.mark_days[a];
                    let d1 = ix.mark_days[b - 1];
                    if count == 1 {
                        let x = x0 as f32 + scale.x(d0 as f64 + 0.5) as f32;
                        let c = colour(ev);
                        let at = pos2(x, mark_y);
                        if data.times[ev as usize].is_some_and(|t| t.hollow) {
                            lanes_painter.circle_stroke(at, 3.5, Stroke::new(1.5, c));
                        } else {
                            lanes_painter.circle(at, 4.0, c, Stroke::new(1.0, Color32::WHITE));
                        }
                        targets.push(Target {
                            rect: Rect::from_center_size(at, vec2(10.0, 10.0)),
                            event: ev,
                            count: 1,
                            days: (d0, d1),
                        });
                    } else {
                        let xa = x0 as f32 + scale.x(k as f64 * bin) as f32;
                        let h = (lane_h * 0.3 * (0.6 + 0.25 * (count as f32).log2()))
                            .min(lane_h * 0.42);
                        let mid_ev = ix.mark_events[a + (b - a) / 2];
                        let r = Rect::from_min_max(
                            pos2(xa + 0.5, mark_y - h),
                            pos2(xa + CLUSTER_PX as f32 - 0.5, mark_y + h.min(4.0)),
                        );
                        lanes_painter.rect_filled(r, 1.5, colour(mid_ev));
                        targets.push(Target {
                            rect: r.expand(1.0),
                            event: mid_ev,
                            count,
                            days: (d0, d1),
                        });
                    }
                }
                a = b;
            }
        }
        painter.line_segment(
            [
                pos2(time_rect.min.x, lanes_rect.min.y),
                pos2(time_rect.min.x, axis_rect.max.y),
            ]
            .map(|p| if rtl { pos2(time_rect.max.x, p.y) } else { p }),
            Stroke::new(1.0, GRID_MAJOR),
        );

        density_strip(
            &painter, strip_rect, data, &scale, lo_day, hi_day, lang, rtl, label_rect,
        );

        // The axis.
        painter.line_segment(
            [
                pos2(time_rect.min.x, axis_rect.min.y),
                pos2(time_rect.max.x, axis_rect.min.y),
            ],
            Stroke::new(1.0, INK),
        );
        let axis_painter = painter.with_clip_rect(axis_rect);
        let tick_font = FontId::proportional(11.5);
        // The period the view opens in, when no tick at the edge names it and its label
        // fits before the first tick's.
        if let Some((label, room)) = scale.edge_label(width, &ticks, lang)
            && 3.0 + text::measure(ui.ctx(), &label, &tick_font) + 8.0 <= room as f32
        {
            text::painter_text(
                &axis_painter,
                pos2(x0 as f32 + 3.0, axis_rect.min.y + 7.0),
                Align2::LEFT_TOP,
                &label,
                tick_font.clone(),
                INK,
            );
        }
        for t in &ticks.ticks {
            let x = x0 as f32 + t.x as f32;
            axis_painter.line_segment(
                [
                    pos2(x, axis_rect.min.y),
                    pos2(x, axis_rect.min.y + if t.major { 8.0 } else { 5.0 }),
                ],
                Stroke::new(1.0, INK),
            );
            // A label cut by the right edge would read as another date ("1 J").
            if x + 3.0 + text::measure(ui.ctx(), &t.label, &tick_font) > axis_rect.max.x {
                continue;
            }
            text::painter_text(
                &axis_painter,
                pos2(x + 3.0, axis_rect.min.y + 7.0),
                Align2::LEFT_TOP,
                &t.label,
                tick_font.clone(),
                INK,
            );
        }

        // Hover and selection.
        let hover_target = pointer
            .filter(|p| lanes_rect.contains(*p) && response.hovered())
            .and_then(|p| {
                targets
                    .iter()
                    .filter(|t| t.rect.contains(p))
                    .min_by(|a, b| {
                        a.rect
                            .center()
                            .distance(p)
                            .total_cmp(&b.rect.center().distance(p))
                    })
                    .copied()
            });
        if let Some(t) = hover_target {
            painter.rect_stroke(
                t.rect.expand(1.5),
                2.0,
                Stroke::new(1.5, INK),
                egui::StrokeKind::Outside,
            );
        }
        if let Some(sel) = state.selected
            && let Some(t) = data.times.get(sel).copied().flatten()
            && data.is_kept(sel)
        {
            let xa = x0 as f32 + scale.x(t.start as f64) as f32;
            let xb = (x0 as f32 + scale.x(t.end as f64 + 1.0) as f32).max(xa + 1.0);
            for li in data.lanes_of(sel) {
                let top = lane_top(li);
                let r = Rect::from_min_max(
                    pos2(xa - 5.0, top + 1.0),
                    pos2(xb + 5.0, top + lane_h - 1.0),
                );
                lanes_painter.rect_stroke(
                    r,
                    3.0,
                    Stroke::new(2.0, Color32::from_rgb(255, 160, 0)),
                    egui::StrokeKind::Inside,
                );
            }
        }

        // The cursor over everything.
        if let Some(d) = state.cursor {
            let x = x0 as f32 + scale.x(day_number(d) as f64 + 0.5) as f32;
            if time_rect.x_range().contains(x) {
                let tp = painter.with_clip_rect(time_rect);
                tp.line_segment(
                    [pos2(x, lanes_rect.min.y), pos2(x, axis_rect.max.y)],
                    Stroke::new(1.5, CURSOR),
                );
                tp.add(Shape::convex_polygon(
                    vec![
                        pos2(x - 6.0, lanes_rect.min.y),
                        pos2(x + 6.0, lanes_rect.min.y),
                        pos2(x, lanes_rect.min.y + 9.0),
                    ],
                    CURSOR,
                    Stroke::NONE,
                ));
                let label = format_date(d, lang);
                let font = FontId::proportional(11.5);
                let w = text::measure(ui.ctx(), &label, &font) + 10.0;
                let cx = x.clamp(time_rect.min.x + w / 2.0, time_rect.max.x - w / 2.0);
                let pill = Rect::from_center_size(pos2(cx, axis_rect.max.y - 10.0), vec2(w, 16.0));
                tp.rect_filled(pill, 4.0, CURSOR);
                text::painter_text(
                    &tp,
                    pill.center(),
                    Align2::CENTER_CENTER,
                    &label,
                    font,
                    Color32::WHITE,
                );
            }
        }

        // Header: counts on one side, the legend of sides on the other.
        let header = Rect::from_min_size(rect.min, vec2(rect.width(), HEADER_H));
        header_ui(&painter, header, data, lang, legend);

        // Results.
        let hovered = hover_target.map(|t| t.event as usize);
        state.hovered = hovered;
        let mut clicked = None;
        let mut clicked_empty = false;
        if response.clicked() && !response.double_clicked() {
            match hover_target {
                Some(t) if t.count > 1 && t.days.1 > t.days.0 => {
                    // A cluster of several days: zoom into it.
                    state.pending_range = Some(t.days);
                }
                Some(t) => {
                    clicked = Some(t.event as usize);
                    state.selected = clicked;
                }
                None => clicked_empty = true,
            }
        }
        if let Some(t) = hover_target
            && !response.dragged()
        {
            response = response.on_hover_ui_at_pointer(|ui| {
                tooltip_ui(ui, data, events, t.event as usize, t.count, t.days, lang);
            });
        } else if let Some(p) = pointer.filter(|p| strip_rect.contains(*p))
            && response.hovered()
            && !response.dragged()
        {
            // The density strip's column under the pointer: its days and counts.
            let bin = CLUSTER_PX / scale.px_per_day;
            let k = (scale.day(p.x as f64 - x0) / bin).floor();
            let (a, b) = ((k * bin).ceil() as i32, ((k + 1.0) * bin).ceil() as i32);
            let (n, cas) = data.density(a, b.max(a + 1));
            if n > 0 {
                response = response.on_hover_ui_at_pointer(|ui| {
                    let span = scale::format_span(a, (b - 1).max(a), lang);
                    let line = match lang {
                        Lang::En => format!("{span}: {n} events, {cas} killed or injured"),
                        Lang::Ar => format!("{span}: {n} أحداث، {cas} قتيل أو جريح"),
                    };
                    text::label(ui, &line);
                });
            }
        }
        TimelineResponse {
            response,
            clicked,
            hovered,
            clicked_empty,
            cursor_changed,
        }
    }
}

/// The height that shows every lane of `data` unscrolled (lanes of the data's current
/// mode), for a layout that sizes the timeline to its content.
pub fn natural_height(data: &TimelineData) -> f32 {
    HEADER_H + STRIP_H + AXIS_H + data.lanes.len().max(1) as f32 * 20.0
}

/// The lane mode as a row of toggles ("Lanes: Type | Actor | Place"); true when changed.
pub fn lane_selector(ui: &mut Ui, lanes: &mut LaneBy, lang: Lang) -> bool {
    let mut changed = false;
    // In Arabic the row reads from the right: its label first, on the right, as the lane
    // names sit on the right of the timeline.
    let layout = match lang {
        Lang::En => egui::Layout::left_to_right(egui::Align::Center),
        Lang::Ar => egui::Layout::right_to_left(egui::Align::Center),
    };
    let size = vec2(ui.available_width(), ui.spacing().interact_size.y);
    ui.allocate_ui_with_layout(size, layout, |ui| {
        text::label(
            ui,
            match lang {
                Lang::En => "Lanes:",
                Lang::Ar => "المسارات:",
            },
        );
        for m in LaneBy::ALL {
            let label = text::widget_text(ui, m.name(lang));
            if ui.selectable_label(*lanes == m, label).clicked() && *lanes != m {
                *lanes = m;
                changed = true;
            }
        }
    });
    changed
}

pub fn c32(rgb: [u8; 3]) -> Color32 {
    Color32::from_rgb(rgb[0], rgb[1], rgb[2])
}

fn dashed_rect(painter: &egui::Painter, r: Rect, c: Color32) {
    let stroke = Stroke::new(1.0, c);
    let pts = [
        r.left_top(),
        r.right_top(),
        r.right_bottom(),
        r.left_bottom(),
        r.left_top(),
    ];
    painter.extend(Shape::dashed_line(&pts, stroke, 3.0, 2.0));
}

/// Too many bars to draw one by one: how many cover each CLUSTER_PX column, as a strip
/// whose height grows with the log of the count.
#[allow(clippy::too_many_arguments)]
fn coverage_strip(
    painter: &egui::Painter,
    ix: &data::LaneIndex,
    scale: &TimeScale,
    x0: f64,
    lo_day: i32,
    hi_day: i32,
    band: (f32, f32),
    colour: Color32,
) {
    // Columns fixed in time like the mark clusters; each counted with two binary searches.
    let bin = CLUSTER_PX / scale.px_per_day;
    let k0 = (lo_day as f64 / bin).floor() as i64;
    let k1 = (hi_day as f64 / bin).ceil() as i64;
    let day = |k: i64| (k as f64 * bin).ceil() as i32;
    let counts: Vec<(i64, usize)> = (k0..k1)
        .map(|k| (k, ix.bars_overlapping(day(k), day(k + 1).max(day(k) + 1))))
        .filter(|c| c.1 > 0)
        .collect();
    let top = counts.iter().map(|c| c.1).max().unwrap_or(1).max(1) as f32;
    let h = band.1 - band.0;
    for &(k, c) in &counts {
        let f = ((c as f32).ln_1p() / top.ln_1p()).clamp(0.15, 1.0);
        let xa = x0 as f32 + scale.x(k as f64 * bin) as f32;
        painter.rect_filled(
            Rect::from_min_max(
                pos2(xa, band.1 - h * f),
                pos2(xa + CLUSTER_PX as f32, band.1),
            ),
            0.0,
            colour.gamma_multiply(0.55),
        );
    }
}

/// Events per column (grey) and their killed + injured (red), each scaled to its own
/// maximum in view, square-root so a single event still shows next to a peak.
#[allow(clippy::too_many_arguments)]
fn density_strip(
    painter: &egui::Painter,
    strip: Rect,
    data: &TimelineData,
    scale: &TimeScale,
    lo_day: i32,
    hi_day: i32,
    lang: Lang,
    rtl: bool,
    label_rect: Rect,
) {
    let p = painter.with_clip_rect(strip);
    p.rect_filled(strip, 0.0, Color32::from_gray(250));
    p.line_segment(
        [strip.left_top(), strip.right_top()],
        Stroke::new(1.0, GRID_MAJOR),
    );
    let x0 = strip.min.x as f64;
    let bin = CLUSTER_PX / scale.px_per_day;
    let k0 = (lo_day as f64 / bin).floor() as i64;
    let k1 = (hi_day as f64 / bin).ceil() as i64;
    let day = |k: i64| (k as f64 * bin).ceil() as i32;
    let cols: Vec<(i64, usize, u64)> = (k0..k1)
        .map(|k| {
            let (n, c) = data.density(day(k), day(k + 1));
            (k, n, c)
        })
        .filter(|c| c.1 > 0)
        .collect();
    let max_n = cols.iter().map(|c| c.1).max().unwrap_or(1).max(1) as f32;
    let max_c = cols.iter().map(|c| c.2).max().unwrap_or(0) as f32;
    let h = strip.height() - 4.0;
    let w = CLUSTER_PX as f32;
    for &(k, n, c) in &cols {
        let xa = x0 as f32 + scale.x(k as f64 * bin) as f32;
        let fh = h * (n as f32 / max_n).sqrt();
        p.rect_filled(
            Rect::from_min_max(
                pos2(xa + 0.5, strip.max.y - fh),
                pos2(xa + w * 0.55, strip.max.y),
            ),
            0.0,
            Color32::from_gray(150),
        );
        if c > 0 && max_c > 0.0 {
            let ch = h * (c as f32 / max_c).sqrt();
            p.rect_filled(
                Rect::from_min_max(
                    pos2(xa + w * 0.55, strip.max.y - ch),
                    pos2(xa + w - 0.5, strip.max.y),
                ),
                0.0,
                Color32::from_rgb(200, 60, 50),
            );
        }
    }
    let label = match lang {
        Lang::En => "events · casualties",
        Lang::Ar => "الأحداث · الضحايا",
    };
    let (at, align) = if rtl {
        (
            pos2(label_rect.max.x - 6.0, strip.center().y),
            Align2::RIGHT_CENTER,
        )
    } else {
        (
            pos2(label_rect.min.x + 6.0, strip.center().y),
            Align2::LEFT_CENTER,
        )
    };
    text::painter_text(
        painter,
        at,
        align,
        label,
        FontId::proportional(11.0),
        Color32::from_gray(90),
    );
}

fn header_ui(painter: &egui::Painter, header: Rect, data: &TimelineData, lang: Lang, legend: bool) {
    let font = FontId::proportional(11.5);
    let placed = data.kept - data.unplaced;
    let count = match lang {
        Lang::En => {
            let mut s = format!("{placed} events");
            if data.unplaced > 0 {
                s.push_str(&format!(" · {} without a date not shown", data.unplaced));
            }
            s
        }
        Lang::Ar => {
            let mut s = format!("{placed} حدثا");
            if data.unplaced > 0 {
                s.push_str(&format!(" · {} بلا تاريخ غير معروضة", data.unplaced));
            }
            s
        }
    };
    let rtl = lang == Lang::Ar;
    let mid = header.center().y;
    let (start, align) = if rtl {
        (pos2(header.max.x - 6.0, mid), Align2::RIGHT_CENTER)
    } else {
        (pos2(header.min.x + 6.0, mid), Align2::LEFT_CENTER)
    };
    let used = text::painter_text(
        painter,
        start,
        align,
        &count,
        font.clone(),
        Color32::from_gray(90),
    );
    if !legend {
        return;
    }
    // Legend from the far side inwards, stopping before the count.
    let mut x = if rtl {
        header.min.x + 6.0
    } else {
        header.max.x - 6.0
    };
    for side in &data.sides {
        let name = if rtl && !side.name_ar.is_empty() {
            &side.name_ar
        } else {
            &side.name_en
        };
        let w = text::measure(painter.ctx(), name, &font);
        let total = w + 16.0;
        let (a, b) = if rtl { (x, x + total) } else { (x - total, x) };
        if (rtl && b > used.min.x - 10.0) || (!rtl && a < used.max.x + 10.0) {
            break;
        }
        painter.circle_filled(pos2(a + 5.0, mid), 4.5, c32(side.rgb));
        text::painter_text(
            painter,
            pos2(a + 13.0, mid),
            Align2::LEFT_CENTER,
            name,
            font.clone(),
            INK,
        );
        x = if rtl { b + 10.0 } else { a - 10.0 };
    }
}

/// How sure the text is that it happened, when it is not a plain assertion.
pub fn modality_label(m: crate::model::Modality, lang: Lang) -> Option<&'static str> {
    use crate::model::Modality::*;
    let (en, ar) = match m {
        Asserted => return None,
        Negated => ("denied / did not happen", "منفي"),
        Planned => ("planned", "مخطط له"),
        Reported => ("reported by one side", "حسب رواية أحد الأطراف"),
        Hypothetical => ("hypothetical", "افتراضي"),
    };
    Some(if lang == Lang::Ar { ar } else { en })
}

/// The hover card: date, type, sides and places of an event (and how many share its spot).
pub fn tooltip_ui(
    ui: &mut Ui,
    data: &TimelineData,
    events: &[Event],
    event: usize,
    count: u32,
    days: (i32, i32),
    lang: Lang,
) {
    if lang == Lang::Ar {
        // Arabic lines align right, like the text they quote.
        ui.with_layout(egui::Layout::top_down(egui::Align::Max), |ui| {
            tooltip_lines(ui, data, events, event, count, days, lang)
        });
    } else {
        tooltip_lines(ui, data, events, event, count, days, lang);
    }
}

fn tooltip_lines(
    ui: &mut Ui,
    data: &TimelineData,
    events: &[Event],
    event: usize,
    count: u32,
    days: (i32, i32),
    lang: Lang,
) {
    let ar = lang == Lang::Ar;
    if count > 1 {
        let range = scale::format_span(days.0, days.1, lang);
        let head = if ar {
            format!("{count} أحداث · {range}")
        } else {
            format!("{count} events · {range}")
        };
        text::label(ui, &head);
        ui.label(if ar {
            "انقر للتكبير"
        } else {
            "click to zoom in"
        });
        ui.separator();
    }
    let Some(t) = data.times.get(event).copied().flatten() else {
        return;
    };
    let when = scale::format_span(t.start, t.end, lang);
    let when = if t.hollow {
        if ar {
            format!("{when} (تاريخ المقال غير معروف)")
        } else {
            format!("{when} (article date unknown)")
        }
    } else {
        when
    };
    text::label(ui, &when);
    let kind = data
        .kinds
        .get(event)
        .and_then(|&k| data.kind_names.get(k as usize))
        .map_or("", |k| type_label(k, lang));
    text::label(ui, kind);
    if let Some(e) = events.get(event) {
        if let Some(m) = modality_label(e.modality, lang) {
            text::label(ui, m);
        }
        if !e.actors.is_empty() {
            let names: Vec<&str> = e.actors.iter().map(|a| data.actor_name(a, lang)).collect();
            text::label(ui, &names.join(if ar { "، " } else { ", " }));
        }
        if !e.places.is_empty() {
            let names: Vec<&str> = e.places.iter().map(|p| data.place_name(p, lang)).collect();
            text::label(ui, &names.join(if ar { "، " } else { ", " }));
        }
    }
}
