//! The timeline's view state (scale, cursor date, lane mode, selection), kept apart from
//! the widget so the app can save it, drive it from a menu or a test, and share the date.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::data::{LaneBy, TimelineData};
use super::scale::{TimeScale, date_of, day_number};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TimelineState {
    /// `None`: fit the data on the next frame.
    pub scale: Option<TimeScale>,
    /// "The date": the map shows control at this day.
    pub cursor: Option<Date>,
    pub lanes: LaneBy,
    /// Selected event (index into the extract's events).
    pub selected: Option<usize>,
    #[serde(skip)]
    pub hovered: Option<usize>,
    /// Vertical scroll of the lanes, in points, when they do not all fit.
    pub lane_scroll: f32,
    /// A range to show on the next frame (inclusive days), e.g. "zoom to April 2019".
    #[serde(skip)]
    pub pending_range: Option<(i32, i32)>,
    /// Width of the time area on the last frame, for zooming from outside.
    #[serde(skip)]
    pub last_width: f32,
    /// Where things were drawn on the last frame, for hit tests from outside.
    #[serde(skip)]
    pub geometry: Option<Geometry>,
}

/// The last frame's layout: the time area's left edge, the lanes' top and height.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Geometry {
    pub time_left: f32,
    pub lanes_top: f32,
    pub lane_h: f32,
    /// Vertical position of marks within a lane, and of bars' first row, from its top.
    pub mark_dy: f32,
    pub bar_dy: f32,
    pub axis_y: f32,
}

impl Default for TimelineState {
    fn default() -> Self {
        TimelineState {
            scale: None,
            cursor: None,
            lanes: LaneBy::Type,
            selected: None,
            hovered: None,
            lane_scroll: 0.0,
            pending_range: None,
            last_width: 0.0,
            geometry: None,
        }
    }
}

impl TimelineState {
    /// Fit all events on the next frame (double-click, Home, a new corpus).
    pub fn fit_next_frame(&mut self) {
        self.scale = None;
        self.pending_range = None;
    }

    /// Show `from..=to` on the next frame.
    pub fn zoom_to(&mut self, from: Date, to: Date) {
        self.pending_range = Some((day_number(from), day_number(to)));
    }

    /// Where an event was drawn on the last frame (its first lane), in points.
    pub fn event_pos(&self, data: &TimelineData, event: usize) -> Option<(f32, f32)> {
        let g = self.geometry?;
        let s = self.scale?;
        let t = data.times.get(event).copied().flatten()?;
        let lane = data.lanes_of(event).next()?;
        let top = g.lanes_top + lane as f32 * g.lane_h - self.lane_scroll;
        if t.bar {
            let x = g.time_left + s.x(t.start as f64) as f32 + 1.0;
            Some((x, top + g.bar_dy))
        } else {
            let x = g.time_left + s.x(t.start as f64 + 0.5) as f32;
            Some((x, top + g.mark_dy))
        }
    }

    /// The x of a day's middle on the last frame, in points.
    pub fn day_x(&self, day: Date) -> Option<f32> {
        let g = self.geometry?;
        Some(g.time_left + self.scale?.x(day_number(day) as f64 + 0.5) as f32)
    }

    /// The first and last day visible on the last frame.
    pub fn visible_range(&self) -> Option<(Date, Date)> {
        let s = self.scale?;
        let a = date_of(s.day(0.0).floor() as i32)?;
        let b = date_of(s.end(self.last_width as f64).floor() as i32)?;
        Some((a, b))
    }
}
