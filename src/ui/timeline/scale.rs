//! The timeline's pure time↔pixel scale: days since 1970-01-01 (f64) ↔ x, zoom around a
//! pixel, pan, fit, clamp, and axis ticks whose step adapts to the zoom. No egui here.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

/// The language of dates and labels (the app's setting).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    En,
    Ar,
}

pub const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
/// The month names used in Libya and most of the Arab press (يناير … ديسمبر).
pub const MONTHS_AR: [&str; 12] = [
    "يناير",
    "فبراير",
    "مارس",
    "أبريل",
    "مايو",
    "يونيو",
    "يوليو",
    "أغسطس",
    "سبتمبر",
    "أكتوبر",
    "نوفمبر",
    "ديسمبر",
];

/// Days since 1970-01-01 of a civil date (proleptic Gregorian; H. Hinnant's algorithm,
/// pure arithmetic so a million events convert in a few milliseconds).
pub fn day_number(d: Date) -> i32 {
    days_from_civil(d.year() as i32, d.month() as i32, d.day() as i32)
}

pub fn days_from_civil(y: i32, m: i32, d: i32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// (year, month, day) of a day number.
pub fn civil_from_days(z: i32) -> (i32, i32, i32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (
        if m <= 2 {
            yoe + era * 400 + 1
        } else {
            yoe + era * 400
        },
        m,
        d,
    )
}

/// The civil date of a day number; `None` outside jiff's range.
pub fn date_of(day: i32) -> Option<Date> {
    let (y, m, d) = civil_from_days(day);
    Date::new(i16::try_from(y).ok()?, m as i8, d as i8).ok()
}

/// A date as the axis and tooltips write it: "4 Apr 2019" / "4 أبريل 2019".
pub fn format_date(d: Date, lang: Lang) -> String {
    format!(
        "{} {} {}",
        d.day(),
        month_name(d.month() as i32, lang),
        d.year()
    )
}

/// Inclusive days as the text says them: "4 Apr 2019", "Apr 2019", "2019", or a range.
pub fn format_span(start: i32, end: i32, lang: Lang) -> String {
    let (y0, m0, d0) = civil_from_days(start);
    let (y1, m1, _) = civil_from_days(end);
    let last_of_month = civil_from_days(end + 1).2 == 1;
    if start == end {
        date_of(start).map_or_else(String::new, |d| format_date(d, lang))
    } else if d0 == 1 && last_of_month && y0 == y1 && m0 == 1 && m1 == 12 {
        y0.to_string()
    } else if d0 == 1 && last_of_month && y0 == y1 && m0 == m1 {
        format!("{} {y0}", month_name(m0, lang))
    } else {
        match (date_of(start), date_of(end)) {
            (Some(a), Some(b)) => format!("{} – {}", format_date(a, lang), format_date(b, lang)),
            _ => String::new(),
        }
    }
}

pub fn month_name(m: i32, lang: Lang) -> &'static str {
    let i = (m.clamp(1, 12) - 1) as usize;
    match lang {
        Lang::En => MONTHS_EN[i],
        Lang::Ar => MONTHS_AR[i],
    }
}

/// Pixels per day allowed: from about three centuries on a wide screen to a day per
/// half-screen.
pub const MIN_PX_PER_DAY: f64 = 0.01;
pub const MAX_PX_PER_DAY: f64 = 600.0;

/// Maps days to pixels: `x = (day - start) * px_per_day`, x measured from the left edge of
/// the time area. Day `n` covers `[n, n + 1)`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct TimeScale {
    /// The day at the left edge.
    pub start: f64,
    pub px_per_day: f64,
}

impl Default for TimeScale {
    fn default() -> Self {
        // 2011 to 2021 on about 1000 px until data is fitted.
        TimeScale {
            start: days_from_civil(2011, 1, 1) as f64,
            px_per_day: 0.27,
        }
    }
}

impl TimeScale {
    pub fn x(&self, day: f64) -> f64 {
        (day - self.start) * self.px_per_day
    }

    pub fn day(&self, x: f64) -> f64 {
        self.start + x / self.px_per_day
    }

    /// The day at the right edge of a `width`-pixel area.
    pub fn end(&self, width: f64) -> f64 {
        self.day(width)
    }

    /// Zoom by `factor` (>1 = in), keeping the day under pixel `x` where it is.
    pub fn zoomed_around(&self, x: f64, factor: f64) -> TimeScale {
        if !factor.is_finite() || factor <= 0.0 {
            return *self;
        }
        let pinned = self.day(x);
        let ppd = (self.px_per_day * factor).clamp(MIN_PX_PER_DAY, MAX_PX_PER_DAY);
        TimeScale {
            start: pinned - x / ppd,
            px_per_day: ppd,
        }
    }

    /// Move the content by `dx` pixels (drag right = earlier dates come into view).
    pub fn panned(&self, dx: f64) -> TimeScale {
        if !dx.is_finite() {
            return *self;
        }
        TimeScale {
            start: self.start - dx / self.px_per_day,
            ..*self
        }
    }

    /// Days `lo..=hi` (inclusive day numbers) across `width` pixels with `margin` pixels
    /// on each side.
    pub fn fit(lo: f64, hi: f64, width: f64, margin: f64) -> TimeScale {
        let (lo, hi) = if lo <= hi { (lo, hi) } else { (hi, lo) };
        let span = (hi + 1.0 - lo).max(1.0);
        let inner = (width - 2.0 * margin).max(1.0);
        let ppd = (inner / span).clamp(MIN_PX_PER_DAY, MAX_PX_PER_DAY);
        // Centre when the clamp leaves room.
        let mid = (lo + hi + 1.0) / 2.0;
        TimeScale {
            start: mid - width / 2.0 / ppd,
            px_per_day: ppd,
        }
    }

    /// Keep at least part of `lo..=hi` on screen: a pan never loses the data entirely.
    pub fn clamped(&self, lo: f64, hi: f64, width: f64) -> TimeScale {
        let keep = (width * 0.2) / self.px_per_day;
        let min_start = lo - width / self.px_per_day + keep;
        let max_start = hi + 1.0 - keep;
        let mut s = *self;
        if min_start <= max_start {
            s.start = s.start.clamp(min_start, max_start);
        }
        s
    }

    /// Axis ticks for a `width`-pixel area, at the finest step whose labels fit.
    pub fn ticks(&self, width: f64, lang: Lang) -> Ticks {
        let step = Step::LADDER
            .iter()
            .copied()
            .find(|s| s.approx_days() * self.px_per_day >= s.min_px())
            .unwrap_or(Step::Years(1000));
        let lo = self.start.floor() as i64 - 1;
        let hi = self.end(width).ceil() as i64 + 1;
        let mut ticks = Vec::new();
        for day in step.days_in(lo, hi) {
            let x = self.x(day as f64);
            if !(-1.0..=width + 1.0).contains(&x) {
                continue;
            }
            let (y, m, d) = civil_from_days(day);
            let major = match step {
                Step::Days(_) | Step::Weeks(_) => d == 1,
                Step::Months(_) => m == 1,
                Step::Years(n) => y.rem_euclid(n * 10) == 0,
            };
            ticks.push(Tick {
                day,
                x,
                label: step.label(y, m, d, lang),
                major,
            });
        }
        Ticks { step, ticks }
    }

    /// The label of the period the view starts in, for the left edge, with the room it has
    /// there (pixels to the first tick), when no tick lies at the edge to name it: without
    /// it, a view opening in March 2014 on a yearly axis would leave 2014 unsaid. Days and
    /// weeks name the month; months their month; years the year. The caller draws it if its
    /// text fits in the room.
    pub fn edge_label(&self, width: f64, ticks: &Ticks, lang: Lang) -> Option<(String, f64)> {
        if let Some(t) = ticks.ticks.first()
            && t.x <= 0.5
        {
            return None;
        }
        let room = ticks.ticks.first().map_or(width, |t| t.x);
        let (y, m, _) = civil_from_days(self.start.floor() as i32);
        let label = match ticks.step {
            Step::Days(_) | Step::Weeks(_) | Step::Months(_) => {
                Step::Months(1).label(y, m, 1, lang)
            }
            Step::Years(_) => y.to_string(),
        };
        Some((label, room))
    }
}

/// Days between ticks, in calendar units.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Days(i32),
    Weeks(i32),
    Months(i32),
    Years(i32),
}

impl Step {
    /// Finest first.
    pub const LADDER: [Step; 16] = [
        Step::Days(1),
        Step::Days(2),
        Step::Weeks(1),
        Step::Weeks(2),
        Step::Months(1),
        Step::Months(2),
        Step::Months(3),
        Step::Months(6),
        Step::Years(1),
        Step::Years(2),
        Step::Years(5),
        Step::Years(10),
        Step::Years(20),
        Step::Years(50),
        Step::Years(100),
        Step::Years(200),
    ];

    /// The shortest gap between two ticks of this step, in days.
    pub fn min_days(self) -> f64 {
        match self {
            Step::Days(n) => n as f64,
            Step::Weeks(n) => 7.0 * n as f64,
            // February has 28 days, every other month at least 30.
            Step::Months(n) => 28.0 + 30.0 * (n as f64 - 1.0),
            Step::Years(n) => 365.0 * n as f64,
        }
    }

    pub fn approx_days(self) -> f64 {
        self.min_days()
    }

    /// Room a label of this step needs (widest label plus a gap), in pixels at 12 px text.
    pub fn min_px(self) -> f64 {
        match self {
            // "28 سبتمبر 2019" / "28 Sep 2019"
            Step::Days(_) | Step::Weeks(_) => 96.0,
            // "سبتمبر 2019"
            Step::Months(_) => 84.0,
            Step::Years(_) => 44.0,
        }
    }

    pub fn label(self, y: i32, m: i32, d: i32, lang: Lang) -> String {
        match self {
            Step::Days(_) | Step::Weeks(_) => format!("{d} {} {y}", month_name(m, lang)),
            Step::Months(_) => format!("{} {y}", month_name(m, lang)),
            Step::Years(_) => y.to_string(),
        }
    }

    /// Tick days in `lo..=hi`, aligned to the calendar (month starts, Mondays, round years).
    pub fn days_in(self, lo: i64, hi: i64) -> Vec<i32> {
        let lo = lo.clamp(-4_000_000, 4_000_000) as i32;
        let hi = hi.clamp(-4_000_000, 4_000_000) as i32;
        let mut out = Vec::new();
        match self {
            Step::Days(n) => {
                let mut d = lo.div_euclid(n) * n;
                while d <= hi {
                    if d >= lo {
                        out.push(d);
                    }
                    d += n;
                }
            }
            Step::Weeks(n) => {
                // Day 4 (1970-01-05) was a Monday.
                let period = 7 * n;
                let mut d = (lo - 4).div_euclid(period) * period + 4;
                while d <= hi {
                    if d >= lo {
                        out.push(d);
                    }
                    d += period;
                }
            }
            Step::Months(n) => {
                let (y0, m0, _) = civil_from_days(lo);
                let mut idx = (y0 * 12 + m0 - 1).div_euclid(n) * n;
                loop {
                    let d = days_from_civil(idx.div_euclid(12), idx.rem_euclid(12) + 1, 1);
                    if d > hi {
                        break;
                    }
                    if d >= lo {
                        out.push(d);
                    }
                    idx += n;
                }
            }
            Step::Years(n) => {
                let (y0, _, _) = civil_from_days(lo);
                let mut y = y0.div_euclid(n) * n;
                loop {
                    let d = days_from_civil(y, 1, 1);
                    if d > hi {
                        break;
                    }
                    if d >= lo {
                        out.push(d);
                    }
                    y += n;
                }
            }
        }
        out
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub day: i32,
    /// From the left edge of the time area.
    pub x: f64,
    pub label: String,
    /// A coarser boundary (a year at month steps, a month start at day steps).
    pub major: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Ticks {
    pub step: Step,
    pub ticks: Vec<Tick>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn day_numbers_match_jiff_across_centuries() {
        let epoch = date(1970, 1, 1);
        for d in [
            date(1970, 1, 1),
            date(1969, 12, 31),
            date(2000, 2, 29),
            date(2019, 4, 4),
            date(1900, 3, 1),
            date(2100, 12, 31),
            date(1600, 1, 1),
        ] {
            let n = epoch.until(d).expect("span").get_days();
            assert_eq!(day_number(d), n, "{d}");
            assert_eq!(date_of(n), Some(d));
        }
    }

    #[test]
    fn pixel_and_day_round_trip() {
        let s = TimeScale {
            start: 17_000.25,
            px_per_day: 3.7,
        };
        for x in [-50.0, 0.0, 1.5, 333.3, 4000.0] {
            assert!((s.x(s.day(x)) - x).abs() < 1e-9);
        }
        for d in [16_000.0, 17_000.25, 18_123.9] {
            assert!((s.day(s.x(d)) - d).abs() < 1e-9);
        }
    }

    #[test]
    fn zoom_keeps_the_date_under_the_pointer() {
        let s = TimeScale {
            start: 17_000.0,
            px_per_day: 0.5,
        };
        for (x, f) in [(0.0, 2.0), (123.0, 1.1), (640.0, 0.3), (999.0, 50.0)] {
            let before = s.day(x);
            let z = s.zoomed_around(x, f);
            assert!((z.day(x) - before).abs() < 1e-6, "x={x} f={f}");
            assert!((z.px_per_day - s.px_per_day * f).abs() < 1e-9);
        }
    }

    #[test]
    fn zoom_is_clamped_and_still_keeps_the_pointer_date() {
        let s = TimeScale {
            start: 0.0,
            px_per_day: 100.0,
        };
        let z = s.zoomed_around(200.0, 1e6);
        assert_eq!(z.px_per_day, MAX_PX_PER_DAY);
        assert!((z.day(200.0) - s.day(200.0)).abs() < 1e-9);
        let z = s.zoomed_around(200.0, 1e-9);
        assert_eq!(z.px_per_day, MIN_PX_PER_DAY);
        assert_eq!(s.zoomed_around(10.0, f64::NAN), s);
        assert_eq!(s.zoomed_around(10.0, 0.0), s);
    }

    #[test]
    fn pan_moves_dates_with_the_pointer() {
        let s = TimeScale {
            start: 100.0,
            px_per_day: 2.0,
        };
        let p = s.panned(40.0);
        // The day that was at x=10 is now at x=50.
        assert!((p.x(s.day(10.0)) - 50.0).abs() < 1e-9);
    }

    #[test]
    fn fit_shows_the_whole_range_inside_the_margins() {
        let lo = day_number(date(2014, 5, 16)) as f64;
        let hi = day_number(date(2020, 6, 5)) as f64;
        let s = TimeScale::fit(lo, hi, 1000.0, 20.0);
        assert!((s.x(lo) - 20.0).abs() < 1e-6);
        assert!((s.x(hi + 1.0) - 980.0).abs() < 1e-6);
        // One day is not infinitely zoomed: centred at the clamp.
        let one = TimeScale::fit(lo, lo, 1000.0, 20.0);
        assert!(one.px_per_day <= MAX_PX_PER_DAY);
        assert!((one.x(lo + 0.5) - 500.0).abs() < 1e-6);
    }

    #[test]
    fn clamp_keeps_part_of_the_data_on_screen() {
        let s = TimeScale {
            start: 1e6,
            px_per_day: 1.0,
        };
        let c = s.clamped(0.0, 100.0, 500.0);
        assert!(c.x(101.0) >= 0.0 && c.x(0.0) <= 500.0);
        let far_left = TimeScale {
            start: -1e6,
            px_per_day: 1.0,
        }
        .clamped(0.0, 100.0, 500.0);
        assert!(far_left.x(0.0) <= 500.0 && far_left.x(101.0) >= 0.0);
    }

    fn check_ticks(s: &TimeScale, width: f64, lang: Lang) -> Ticks {
        let t = s.ticks(width, lang);
        assert!(!t.ticks.is_empty(), "no ticks at {} px/day", s.px_per_day);
        for w in t.ticks.windows(2) {
            assert!(w[0].day < w[1].day, "ticks not increasing");
            assert!(
                w[1].x - w[0].x >= t.step.min_px() - 1e-6,
                "ticks {} and {} overlap at {} px/day ({:?})",
                w[0].label,
                w[1].label,
                s.px_per_day,
                t.step
            );
        }
        t
    }

    #[test]
    fn ticks_are_monotonic_and_never_overlap_at_any_zoom() {
        let mut s = TimeScale::fit(
            day_number(date(2011, 2, 17)) as f64,
            day_number(date(2021, 1, 1)) as f64,
            1200.0,
            0.0,
        );
        s = s.zoomed_around(600.0, MIN_PX_PER_DAY / s.px_per_day);
        while s.px_per_day < MAX_PX_PER_DAY {
            check_ticks(&s, 1200.0, Lang::En);
            check_ticks(&s, 1200.0, Lang::Ar);
            s = s.zoomed_around(600.0, 1.37);
        }
    }

    #[test]
    fn the_year_the_view_starts_in_is_named_at_the_left_edge_when_no_tick_is_there() {
        let lo = day_number(date(2014, 3, 10)) as f64;
        let s = TimeScale::fit(lo, lo + 6.0 * 365.0, 1000.0, 0.0);
        let t = s.ticks(1000.0, Lang::En);
        assert!(matches!(t.step, Step::Years(1)), "{:?}", t.step);
        let (label, room) = s.edge_label(1000.0, &t, Lang::En).expect("edge label");
        assert_eq!(label, "2014");
        let first = &t.ticks[0];
        assert_eq!(first.label, "2015");
        assert!((room - first.x).abs() < 1e-9 && room > 0.0);
        // A tick at the edge names its own year: no second label there.
        let on = TimeScale {
            start: day_number(date(2015, 1, 1)) as f64,
            ..s
        };
        let t = on.ticks(1000.0, Lang::En);
        assert_eq!(t.ticks[0].label, "2015");
        assert_eq!(on.edge_label(1000.0, &t, Lang::En), None);
        // Months name the month the view starts in, in the chosen language.
        let m = TimeScale::fit(lo, lo + 300.0, 1000.0, 0.0);
        let t = m.ticks(1000.0, Lang::Ar);
        assert!(matches!(t.step, Step::Months(_)), "{:?}", t.step);
        let (label, _) = m.edge_label(1000.0, &t, Lang::Ar).expect("edge label");
        assert_eq!(label, "مارس 2014");
    }

    #[test]
    fn tick_step_goes_from_years_to_months_to_days_when_zooming_in() {
        let lo = day_number(date(2014, 1, 1)) as f64;
        let decade = TimeScale::fit(lo, lo + 3650.0, 1000.0, 0.0);
        assert!(matches!(
            decade.ticks(1000.0, Lang::En).step,
            Step::Years(_)
        ));
        let year = TimeScale::fit(lo, lo + 364.0, 1000.0, 0.0);
        assert!(matches!(year.ticks(1000.0, Lang::En).step, Step::Months(_)));
        let month = TimeScale::fit(lo, lo + 30.0, 1000.0, 0.0);
        let t = month.ticks(1000.0, Lang::En);
        assert!(matches!(t.step, Step::Days(_) | Step::Weeks(_)));
    }

    #[test]
    fn month_ticks_fall_on_the_first_and_name_the_month_in_the_chosen_language() {
        let lo = day_number(date(2019, 1, 1)) as f64;
        let s = TimeScale::fit(lo, lo + 364.0, 1200.0, 0.0);
        let t = s.ticks(1200.0, Lang::Ar);
        assert!(matches!(t.step, Step::Months(_)));
        for tick in &t.ticks {
            assert_eq!(civil_from_days(tick.day).2, 1);
        }
        assert!(
            t.ticks.iter().any(|t| t.label == "أبريل 2019"),
            "{:?}",
            t.ticks
        );
        let en = s.ticks(1200.0, Lang::En);
        assert!(en.ticks.iter().any(|t| t.label == "Apr 2019"));
        assert!(
            t.ticks
                .iter()
                .any(|t| t.major && t.label.starts_with("يناير"))
        );
    }

    #[test]
    fn week_ticks_are_mondays() {
        for d in Step::Weeks(1).days_in(17_000, 17_100) {
            let date = date_of(d).expect("in range");
            assert_eq!(date.weekday(), jiff::civil::Weekday::Monday);
        }
    }

    #[test]
    fn spans_read_as_the_precision_they_have() {
        let d = |y, m, dd| day_number(date(y, m, dd));
        assert_eq!(
            format_span(d(2019, 4, 4), d(2019, 4, 4), Lang::En),
            "4 Apr 2019"
        );
        assert_eq!(
            format_span(d(2019, 4, 1), d(2019, 4, 30), Lang::Ar),
            "أبريل 2019"
        );
        assert_eq!(
            format_span(d(2014, 1, 1), d(2014, 12, 31), Lang::En),
            "2014"
        );
        assert_eq!(
            format_span(d(2019, 4, 1), d(2019, 4, 29), Lang::En),
            "1 Apr 2019 – 29 Apr 2019"
        );
        assert_eq!(
            format_span(d(2019, 3, 1), d(2019, 4, 30), Lang::En),
            "1 Mar 2019 – 30 Apr 2019"
        );
    }

    #[test]
    fn formatted_dates_use_month_names() {
        assert_eq!(format_date(date(2019, 4, 4), Lang::En), "4 Apr 2019");
        assert_eq!(format_date(date(2019, 4, 4), Lang::Ar), "4 أبريل 2019");
    }
}
