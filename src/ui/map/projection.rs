//! Pure map projection: longitude/latitude to world units to screen pixels and back.
//! Equirectangular scaled by cos(standard parallel): no egui types, so it is unit-tested.

/// A geographic position in degrees.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct LonLat {
    pub lon: f64,
    pub lat: f64,
}

impl LonLat {
    pub const fn new(lon: f64, lat: f64) -> Self {
        LonLat { lon, lat }
    }
}

/// A point on the projected plane, in "degrees of latitude" (x shrunk by cos φ0).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct World {
    pub x: f64,
    pub y: f64,
}

/// Equirectangular projection with a standard parallel. For Libya (20°–33°N) the
/// area distortion at the edges stays under 10%, and unlike Mercator the inverse is
/// exact and trivial, which keeps pan/zoom arithmetic simple.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Projection {
    /// cos of the standard parallel, cached.
    k: f64,
}

impl Projection {
    /// `std_parallel` in degrees; clamped away from the poles so `k` never reaches 0.
    pub fn new(std_parallel: f64) -> Self {
        let phi = std_parallel.clamp(-85.0, 85.0).to_radians();
        Projection { k: phi.cos() }
    }

    pub fn to_world(&self, p: LonLat) -> World {
        World {
            x: p.lon * self.k,
            y: p.lat,
        }
    }

    pub fn from_world(&self, w: World) -> LonLat {
        LonLat {
            lon: w.x / self.k,
            lat: w.y,
        }
    }
}

/// A screen rectangle in pixels (points), y growing downwards as on screen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Screen {
    pub min_x: f64,
    pub min_y: f64,
    pub max_x: f64,
    pub max_y: f64,
}

impl Screen {
    pub fn width(&self) -> f64 {
        self.max_x - self.min_x
    }
    pub fn height(&self) -> f64 {
        self.max_y - self.min_y
    }
    pub fn centre(&self) -> (f64, f64) {
        (
            (self.min_x + self.max_x) / 2.0,
            (self.min_y + self.max_y) / 2.0,
        )
    }
}

/// Bounds of a set of geographic positions.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub min: LonLat,
    pub max: LonLat,
}

impl Bounds {
    pub fn of(points: impl IntoIterator<Item = LonLat>) -> Option<Bounds> {
        let mut it = points
            .into_iter()
            .filter(|p| p.lon.is_finite() && p.lat.is_finite());
        let first = it.next()?;
        let mut b = Bounds {
            min: first,
            max: first,
        };
        for p in it {
            b.min.lon = b.min.lon.min(p.lon);
            b.min.lat = b.min.lat.min(p.lat);
            b.max.lon = b.max.lon.max(p.lon);
            b.max.lat = b.max.lat.max(p.lat);
        }
        Some(b)
    }

    pub fn centre(&self) -> LonLat {
        LonLat::new(
            (self.min.lon + self.max.lon) / 2.0,
            (self.min.lat + self.max.lat) / 2.0,
        )
    }
}

/// The smallest and largest zoom (pixels per world unit) a view may take: from the
/// whole of North Africa in a thumbnail to a single town's streets.
pub const MIN_ZOOM: f64 = 0.5;
pub const MAX_ZOOM: f64 = 20_000.0;

/// The view: which world point sits at the screen's centre, and how many pixels one
/// world unit spans. All pan/zoom operations return a new view.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    pub projection: Projection,
    pub centre: World,
    pub zoom: f64,
    pub screen: Screen,
}

impl Viewport {
    pub fn project(&self, p: LonLat) -> (f64, f64) {
        let w = self.projection.to_world(p);
        let (cx, cy) = self.screen.centre();
        (
            cx + (w.x - self.centre.x) * self.zoom,
            cy - (w.y - self.centre.y) * self.zoom,
        )
    }

    pub fn unproject(&self, x: f64, y: f64) -> LonLat {
        let (cx, cy) = self.screen.centre();
        self.projection.from_world(World {
            x: self.centre.x + (x - cx) / self.zoom,
            y: self.centre.y - (y - cy) / self.zoom,
        })
    }

    /// The view whose zoom is multiplied by `factor` while the geographic point under
    /// the screen position (x, y) stays under it (zoom around the pointer).
    pub fn zoomed_around(&self, x: f64, y: f64, factor: f64) -> Viewport {
        if !factor.is_finite() || factor <= 0.0 {
            return *self;
        }
        let anchor = self.projection.to_world(self.unproject(x, y));
        let zoom = (self.zoom * factor).clamp(MIN_ZOOM, MAX_ZOOM);
        let (cx, cy) = self.screen.centre();
        Viewport {
            centre: World {
                x: anchor.x - (x - cx) / zoom,
                y: anchor.y + (y - cy) / zoom,
            },
            zoom,
            ..*self
        }
    }

    /// The view moved so that content follows a drag of (dx, dy) pixels.
    pub fn panned(&self, dx: f64, dy: f64) -> Viewport {
        Viewport {
            centre: World {
                x: self.centre.x - dx / self.zoom,
                y: self.centre.y + dy / self.zoom,
            },
            ..*self
        }
    }

    /// The view that shows `bounds` whole, centred, with `margin` pixels on each side.
    pub fn fit(projection: Projection, bounds: Bounds, screen: Screen, margin: f64) -> Viewport {
        let a = projection.to_world(bounds.min);
        let b = projection.to_world(bounds.max);
        let w = (b.x - a.x).abs().max(1e-6);
        let h = (b.y - a.y).abs().max(1e-6);
        let sw = (screen.width() - 2.0 * margin).max(1.0);
        let sh = (screen.height() - 2.0 * margin).max(1.0);
        let zoom = (sw / w).min(sh / h).clamp(MIN_ZOOM, MAX_ZOOM);
        Viewport {
            projection,
            centre: projection.to_world(bounds.centre()),
            zoom,
            screen,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn screen(w: f64, h: f64) -> Screen {
        Screen {
            min_x: 0.0,
            min_y: 0.0,
            max_x: w,
            max_y: h,
        }
    }

    fn view() -> Viewport {
        Viewport {
            projection: Projection::new(60.0),
            centre: World { x: 0.0, y: 0.0 },
            zoom: 10.0,
            screen: screen(200.0, 100.0),
        }
    }

    #[test]
    fn longitude_shrinks_by_cos_of_the_standard_parallel() {
        // cos 60° = 0.5: ten degrees of longitude span half as many pixels as ten of latitude.
        let v = view();
        let (x, y) = v.project(LonLat::new(10.0, 0.0));
        assert!((x - 150.0).abs() < 1e-9, "x = {x}");
        assert!((y - 50.0).abs() < 1e-9);
        let (x, y) = v.project(LonLat::new(0.0, 10.0));
        assert!((x - 100.0).abs() < 1e-9);
        assert!((y + 50.0).abs() < 1e-9, "north is up: y = {y}");
    }

    #[test]
    fn known_cities_land_at_expected_pixels_when_libya_is_fitted() {
        // Libya's box, 9.3–25.2°E, 19.5–33.2°N, on an 800×600 screen with no margin.
        let p = Projection::new(27.0);
        let b = Bounds {
            min: LonLat::new(9.3, 19.5),
            max: LonLat::new(25.2, 33.2),
        };
        let v = Viewport::fit(p, b, screen(800.0, 600.0), 0.0);
        // Height governs: 13.7° over 600 px (the width would allow 800 / (15.9 × cos 27°)).
        let k = 27f64.to_radians().cos();
        let zoom = 600.0 / 13.7;
        assert!(800.0 / (15.9 * k) > zoom);
        assert!((v.zoom - zoom).abs() < 1e-9);
        // Tripoli (13.187°E, 32.887°N): left of centre, near the top.
        let (x, y) = v.project(LonLat::new(13.18733, 32.88743));
        let ex = 400.0 + (13.18733 - 17.25) * k * zoom;
        let ey = 300.0 - (32.88743 - 26.35) * zoom;
        assert!((x - ex).abs() < 1e-6 && (y - ey).abs() < 1e-6);
        assert!((240.0..243.0).contains(&x), "Tripoli x = {x}");
        assert!((12.0..16.0).contains(&y), "Tripoli y = {y}");
        // The box's top and bottom land on the screen's edges.
        let (_, y0) = v.project(b.min);
        let (_, y1) = v.project(b.max);
        assert!((y0 - 600.0).abs() < 1e-6 && y1.abs() < 1e-6);
    }

    #[test]
    fn project_then_unproject_round_trips() {
        let v = Viewport::fit(
            Projection::new(27.0),
            Bounds {
                min: LonLat::new(9.0, 19.0),
                max: LonLat::new(26.0, 34.0),
            },
            Screen {
                min_x: 30.0,
                min_y: 40.0,
                max_x: 1030.0,
                max_y: 640.0,
            },
            12.0,
        );
        for &(lon, lat) in &[
            (13.187, 32.887),
            (22.637, 32.767),
            (16.59, 31.21),
            (9.5, 19.5),
        ] {
            let (x, y) = v.project(LonLat::new(lon, lat));
            let back = v.unproject(x, y);
            assert!((back.lon - lon).abs() < 1e-9 && (back.lat - lat).abs() < 1e-9);
        }
    }

    #[test]
    fn zooming_keeps_the_point_under_the_pointer() {
        let v = view();
        let before = v.unproject(37.0, 81.0);
        let z = v.zoomed_around(37.0, 81.0, 2.5);
        assert!((z.zoom - 25.0).abs() < 1e-9);
        let (x, y) = z.project(before);
        assert!((x - 37.0).abs() < 1e-9 && (y - 81.0).abs() < 1e-9);
    }

    #[test]
    fn zoom_is_clamped_and_bad_factors_are_ignored() {
        let v = view();
        assert_eq!(v.zoomed_around(0.0, 0.0, f64::NAN), v);
        assert_eq!(v.zoomed_around(0.0, 0.0, -1.0), v);
        assert_eq!(v.zoomed_around(0.0, 0.0, 1e12).zoom, MAX_ZOOM);
        assert_eq!(v.zoomed_around(0.0, 0.0, 1e-12).zoom, MIN_ZOOM);
    }

    #[test]
    fn panning_moves_content_with_the_drag() {
        let v = view();
        let p = LonLat::new(3.0, 4.0);
        let (x, y) = v.project(p);
        let (x2, y2) = v.panned(15.0, -7.0).project(p);
        assert!((x2 - x - 15.0).abs() < 1e-9 && (y2 - y + 7.0).abs() < 1e-9);
    }

    #[test]
    fn bounds_ignore_non_finite_points() {
        let b = Bounds::of([
            LonLat::new(f64::NAN, 3.0),
            LonLat::new(1.0, 2.0),
            LonLat::new(5.0, -1.0),
        ])
        .expect("two finite points");
        assert_eq!(b.min, LonLat::new(1.0, -1.0));
        assert_eq!(b.max, LonLat::new(5.0, 2.0));
        assert!(Bounds::of([]).is_none());
    }
}
