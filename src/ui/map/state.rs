//! The map's view state (centre and zoom), kept apart from the widget like walkers'
//! `MapMemory`, so the app can save it, reset it, or drive it from a test.

use super::projection::{Bounds, LonLat, Projection, Screen, Viewport, World};

/// Where the map looks. `centre == None` means "fit the data on the next frame".
#[derive(Debug, Clone, PartialEq)]
pub struct MapState {
    pub centre: Option<World>,
    /// Pixels per world unit (≈ pixels per degree of latitude).
    pub zoom: f64,
    /// The view of the last frame, for hit tests and for placing things from outside.
    pub last: Option<Viewport>,
}

impl Default for MapState {
    fn default() -> Self {
        MapState {
            centre: None,
            zoom: 1.0,
            last: None,
        }
    }
}

/// Margin kept around the fitted region, in pixels.
pub const FIT_MARGIN: f64 = 16.0;

impl MapState {
    /// The view for this frame on `screen`, fitting `fit` when asked to.
    pub fn viewport(&mut self, projection: Projection, fit: Bounds, screen: Screen) -> Viewport {
        let v = match self.centre {
            Some(centre) => Viewport {
                projection,
                centre,
                zoom: self.zoom,
                screen,
            },
            None => Viewport::fit(projection, fit, screen, FIT_MARGIN),
        };
        self.store(v);
        v
    }

    pub fn store(&mut self, v: Viewport) {
        self.centre = Some(v.centre);
        self.zoom = v.zoom;
        self.last = Some(v);
    }

    /// Ask for the data to be fitted on the next frame (double-click, new corpus).
    pub fn fit_next_frame(&mut self) {
        self.centre = None;
    }

    /// Where a geographic point was drawn on the last frame.
    pub fn screen_pos(&self, p: LonLat) -> Option<(f64, f64)> {
        self.last.map(|v| v.project(p))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_frame_fits_and_later_frames_keep_the_view() {
        let mut s = MapState::default();
        let b = Bounds {
            min: LonLat::new(10.0, 20.0),
            max: LonLat::new(20.0, 30.0),
        };
        let screen = Screen {
            min_x: 0.0,
            min_y: 0.0,
            max_x: 400.0,
            max_y: 300.0,
        };
        let p = Projection::new(25.0);
        let v = s.viewport(p, b, screen);
        let zoomed = v.zoomed_around(100.0, 100.0, 2.0);
        s.store(zoomed);
        assert_eq!(s.viewport(p, b, screen).zoom, zoomed.zoom);
        s.fit_next_frame();
        assert_eq!(s.viewport(p, b, screen).zoom, v.zoom);
    }
}
