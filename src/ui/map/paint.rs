//! Painting the map: land meshes, borders, city markers coloured by holder, labels
//! placed without overlap (big cities first), and the legend.

use egui::{Align2, Color32, FontId, Mesh, Painter, Pos2, Rect, Shape, Stroke, Vec2, pos2, vec2};

use super::data::{MapData, MapPlace, Status, UNKNOWN_RGB};
use super::geo::Outline;
use super::projection::Viewport;

pub fn c32(rgb: [u8; 3]) -> Color32 {
    Color32::from_rgb(rgb[0], rgb[1], rgb[2])
}

pub const SEA: Color32 = Color32::from_rgb(214, 229, 240);
pub const LAND: Color32 = Color32::from_rgb(236, 232, 222);
pub const FOCUS_LAND: Color32 = Color32::from_rgb(250, 247, 238);
pub const BORDER: Color32 = Color32::from_rgb(140, 130, 115);
pub const INK: Color32 = Color32::from_rgb(40, 40, 40);

fn to_pos(v: &Viewport, p: super::projection::LonLat) -> Pos2 {
    let (x, y) = v.project(p);
    pos2(x as f32, y as f32)
}

/// Land as triangle meshes, then country borders; the focus country (Libya) lighter.
pub fn outline(painter: &Painter, v: &Viewport, outline: &Outline, focus_iso: &str) {
    let clip = painter.clip_rect();
    let mut borders = Vec::new();
    for c in &outline.countries {
        let fill = if c.iso == focus_iso { FOCUS_LAND } else { LAND };
        for r in &c.rings {
            let pts: Vec<Pos2> = r.points.iter().map(|p| to_pos(v, *p)).collect();
            let bb = Rect::from_points(&pts);
            if !bb.intersects(clip) {
                continue;
            }
            let mut mesh = Mesh::default();
            mesh.reserve_vertices(pts.len());
            mesh.reserve_triangles(r.triangles.len() / 3);
            for p in &pts {
                mesh.colored_vertex(*p, fill);
            }
            for t in r.triangles.chunks_exact(3) {
                mesh.add_triangle(t[0], t[1], t[2]);
            }
            painter.add(Shape::mesh(mesh));
            let w = if c.iso == focus_iso { 1.4 } else { 0.8 };
            borders.push(Shape::closed_line(pts, Stroke::new(w, BORDER)));
        }
    }
    painter.extend(borders);
}

/// Marker radius in points: grows with the square root of the event count, so area
/// tracks the count, capped so a busy city does not hide its neighbours.
pub fn marker_radius(events: u32) -> f32 {
    (3.0 + 2.2 * (events as f32).sqrt()).min(14.0)
}

/// Width of the attacker's ring around a contested place: wide enough to read its colour.
pub fn contested_ring_width(r: f32) -> f32 {
    (r * 0.5).max(3.5)
}

/// One city marker, drawn by its status: filled by the holder; contested as the
/// holder's colour inside a ring of the attacker's; lost as grey ringed by the loser;
/// unknown as neutral grey.
pub fn marker(painter: &Painter, data: &MapData, at: Pos2, r: f32, status: Status<'_>) {
    let edge = Stroke::new(1.0, Color32::from_gray(60));
    match status {
        Status::Unknown => {
            painter.circle(at, r, c32(UNKNOWN_RGB), edge);
        }
        Status::Held(h) => {
            painter.circle(at, r, c32(data.rgb(h)), edge);
        }
        Status::Contested { holder, by } => {
            let inner = holder.map_or(c32(UNKNOWN_RGB), |h| c32(data.rgb(h)));
            let ring = by.map_or(Color32::BLACK, |b| c32(data.rgb(b)));
            let w = contested_ring_width(r);
            painter.circle_filled(at, r + w, ring);
            painter.circle_stroke(at, r + w, edge);
            painter.circle(at, r, inner, Stroke::new(1.0, Color32::WHITE));
        }
        Status::Lost(loser) => {
            let ring = loser.map_or(Color32::from_gray(60), |l| c32(data.rgb(l)));
            painter.circle(at, r, c32(UNKNOWN_RGB), Stroke::new(2.0, ring));
        }
    }
}

/// A dashed ring: the place's state is the region pack's background, not the articles'.
/// Dashes keep the holder's fill readable while saying "not from your corpus".
pub fn background_ring(painter: &Painter, at: Pos2, r: f32) {
    let n = 16;
    let stroke = Stroke::new(1.5, INK);
    for k in (0..n).step_by(2) {
        let arc = |i: f32| {
            let a = std::f32::consts::TAU * i / n as f32;
            at + egui::vec2(a.cos(), a.sin()) * (r + 2.5)
        };
        let k = k as f32;
        painter.line_segment([arc(k), arc(k + 0.5)], stroke);
        painter.line_segment([arc(k + 0.5), arc(k + 1.0)], stroke);
    }
}

/// A ring around places of the selected event.
pub fn highlight(painter: &Painter, at: Pos2, r: f32) {
    painter.circle_stroke(
        at,
        r + 5.0,
        Stroke::new(2.5, Color32::from_rgb(255, 170, 0)),
    );
    painter.circle_stroke(at, r + 7.5, Stroke::new(1.0, INK));
}

/// The one place text is painted: bidi-correct, so Arabic names read right to left.
pub fn paint_text(
    painter: &Painter,
    pos: Pos2,
    align: Align2,
    text: &str,
    font: FontId,
    color: Color32,
) -> Rect {
    crate::ui::text::painter_text(painter, pos, align, text, font, color)
}

/// The size a one-line text will take, for label placement before painting.
pub fn text_size(painter: &Painter, text: &str, font: FontId) -> Vec2 {
    let w = crate::ui::text::measure(painter.ctx(), text, &font);
    let h = painter.ctx().fonts_mut(|f| f.row_height(&font));
    vec2(w, h)
}

/// Greedy label placement in priority order: each label tries four spots around its
/// marker and takes the first that overlaps no label already placed. A coarse grid
/// keeps the overlap test cheap with thousands of places.
pub struct LabelPlacer {
    cell: f32,
    grid: std::collections::HashMap<(i32, i32), Vec<Rect>>,
}

impl LabelPlacer {
    pub fn new() -> Self {
        LabelPlacer {
            cell: 64.0,
            grid: Default::default(),
        }
    }

    fn cells(&self, r: Rect) -> impl Iterator<Item = (i32, i32)> + use<> {
        let (x0, y0) = (
            (r.min.x / self.cell).floor() as i32,
            (r.min.y / self.cell).floor() as i32,
        );
        let (x1, y1) = (
            (r.max.x / self.cell).floor() as i32,
            (r.max.y / self.cell).floor() as i32,
        );
        (x0..=x1).flat_map(move |x| (y0..=y1).map(move |y| (x, y)))
    }

    pub fn is_free(&self, r: Rect) -> bool {
        // Rects that only touch are free of each other.
        let r = r.shrink(0.5);
        self.cells(r).all(|c| {
            self.grid
                .get(&c)
                .is_none_or(|v| v.iter().all(|o| !o.intersects(r)))
        })
    }

    pub fn occupy(&mut self, r: Rect) {
        for c in self.cells(r).collect::<Vec<_>>() {
            self.grid.entry(c).or_default().push(r);
        }
    }

    /// The first free spot for a label of `size` next to a marker at `at` of radius `r`.
    pub fn place(&mut self, at: Pos2, r: f32, size: Vec2, bounds: Rect) -> Option<Rect> {
        let gap = r + 3.0;
        // The corners last: with markers as obstacles, a city in a cluster (Gharyan by
        // Tripoli) often has its four sides taken but a corner free.
        let d = gap * std::f32::consts::FRAC_1_SQRT_2;
        let candidates = [
            Rect::from_min_size(pos2(at.x + gap, at.y - size.y / 2.0), size),
            Rect::from_min_size(pos2(at.x - gap - size.x, at.y - size.y / 2.0), size),
            Rect::from_min_size(pos2(at.x - size.x / 2.0, at.y - gap - size.y), size),
            Rect::from_min_size(pos2(at.x - size.x / 2.0, at.y + gap), size),
            Rect::from_min_size(pos2(at.x + d, at.y + d), size),
            Rect::from_min_size(pos2(at.x - d - size.x, at.y + d), size),
            Rect::from_min_size(pos2(at.x + d, at.y - d - size.y), size),
            Rect::from_min_size(pos2(at.x - d - size.x, at.y - d - size.y), size),
        ];
        let spot = candidates
            .into_iter()
            .find(|c| bounds.contains_rect(*c) && self.is_free(*c))?;
        self.occupy(spot);
        Some(spot)
    }
}

impl Default for LabelPlacer {
    fn default() -> Self {
        Self::new()
    }
}

/// The order labels are placed in: biggest population first, then most events.
pub fn label_priority(places: &[MapPlace], visible: &[(usize, Pos2, f32)]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..visible.len()).collect();
    order.sort_by(|&a, &b| {
        let (pa, pb) = (&places[visible[a].0], &places[visible[b].0]);
        pb.population
            .cmp(&pa.population)
            .then(pb.events.cmp(&pa.events))
            .then(pa.id.cmp(&pb.id))
    });
    order
}

pub struct LegendEntry {
    pub label: String,
    pub kind: LegendSwatch,
}

pub enum LegendSwatch {
    Fill(Color32),
    Ring(Color32, Color32),
    Grey,
    /// The dashed ring of a background (region pack) state.
    Dashed,
}

/// The legend box in the bottom-left corner: holders' colours, contested, unknown.
pub fn legend(painter: &Painter, rect: Rect, title: &str, entries: &[LegendEntry]) {
    let font = FontId::proportional(12.0);
    let row = 17.0;
    let width = entries
        .iter()
        .map(|e| text_size(painter, &e.label, font.clone()).x)
        .chain(std::iter::once(text_size(painter, title, font.clone()).x))
        .fold(0.0f32, f32::max)
        + 34.0;
    let height = row * (entries.len() as f32 + 1.0) + 10.0;
    let bx = Rect::from_min_size(
        pos2(rect.min.x + 8.0, rect.max.y - height - 8.0),
        vec2(width, height),
    );
    painter.rect_filled(bx, 4.0, Color32::from_rgba_unmultiplied(255, 255, 255, 225));
    painter.rect_stroke(bx, 4.0, Stroke::new(1.0, BORDER), egui::StrokeKind::Inside);
    let mut y = bx.min.y + 5.0 + row / 2.0;
    paint_text(
        painter,
        pos2(bx.min.x + 8.0, y),
        Align2::LEFT_CENTER,
        title,
        font.clone(),
        INK,
    );
    for e in entries {
        y += row;
        let c = pos2(bx.min.x + 14.0, y);
        match e.kind {
            LegendSwatch::Fill(col) => {
                painter.circle(c, 5.0, col, Stroke::new(1.0, Color32::from_gray(60)));
            }
            LegendSwatch::Ring(inner, ring) => {
                painter.circle_filled(c, 7.0, ring);
                painter.circle(c, 4.0, inner, Stroke::new(1.0, Color32::WHITE));
            }
            LegendSwatch::Dashed => {
                painter.circle_filled(c, 5.0, Color32::from_gray(230));
                background_ring(painter, c, 4.0);
            }
            LegendSwatch::Grey => {
                painter.circle(
                    c,
                    5.0,
                    c32(UNKNOWN_RGB),
                    Stroke::new(1.0, Color32::from_gray(60)),
                );
            }
        }
        paint_text(
            painter,
            pos2(bx.min.x + 26.0, y),
            Align2::LEFT_CENTER,
            &e.label,
            font.clone(),
            INK,
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_never_overlap_and_the_first_placed_wins() {
        let mut lp = LabelPlacer::new();
        let bounds = Rect::from_min_size(Pos2::ZERO, vec2(500.0, 500.0));
        let size = vec2(60.0, 14.0);
        let a = lp
            .place(pos2(100.0, 100.0), 4.0, size, bounds)
            .expect("first label fits");
        // A marker at the same spot gets another side, never the taken one.
        let b = lp
            .place(pos2(100.0, 100.0), 4.0, size, bounds)
            .expect("second side free");
        let overlap = |a: Rect, b: Rect| a.shrink(0.5).intersects(b);
        assert!(!overlap(a, b));
        let c = lp
            .place(pos2(100.0, 100.0), 4.0, size, bounds)
            .expect("third side");
        let d = lp
            .place(pos2(100.0, 100.0), 4.0, size, bounds)
            .expect("fourth side");
        for (x, y) in [(c, a), (c, b), (d, a), (d, b), (d, c)] {
            assert!(!overlap(x, y));
        }
        // All four sides taken: the fifth is dropped, not drawn on top.
        assert!(lp.place(pos2(100.0, 100.0), 4.0, size, bounds).is_none());
    }

    #[test]
    fn a_label_takes_a_free_corner_when_its_four_sides_are_taken() {
        let mut lp = LabelPlacer::new();
        let bounds = Rect::from_min_size(Pos2::ZERO, vec2(500.0, 500.0));
        let at = pos2(250.0, 250.0);
        let size = vec2(40.0, 14.0);
        // Neighbouring markers right, left, above and below (as in a cluster of cities).
        for c in [
            (262.0, 246.0),
            (238.0, 246.0),
            (250.0, 236.0),
            (250.0, 264.0),
        ] {
            lp.occupy(Rect::from_center_size(pos2(c.0, c.1), vec2(6.0, 6.0)));
        }
        let spot = lp.place(at, 4.0, size, bounds).expect("a corner is free");
        assert!(
            (spot.min.x > at.x || spot.max.x < at.x) && (spot.min.y > at.y || spot.max.y < at.y),
            "placed at a corner: {spot:?}"
        );
    }

    #[test]
    fn labels_stay_inside_the_map() {
        let mut lp = LabelPlacer::new();
        let bounds = Rect::from_min_size(Pos2::ZERO, vec2(200.0, 200.0));
        let r = lp
            .place(pos2(195.0, 100.0), 4.0, vec2(60.0, 14.0), bounds)
            .expect("left side");
        assert!(bounds.contains_rect(r) && r.max.x < 195.0);
    }

    #[test]
    fn marker_area_grows_with_events_up_to_a_cap() {
        assert!(marker_radius(0) < marker_radius(1));
        assert!(marker_radius(4) < marker_radius(16));
        assert_eq!(marker_radius(10_000), 14.0);
    }
}
