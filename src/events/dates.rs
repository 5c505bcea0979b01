//! Event dates from resolved timex values (ISO day, month, year, week, "A/B" ranges,
//! relative "dct-2d") and from the article's own date, never finer than the text.

use std::borrow::Cow;

use jiff::civil::{Date, ISOWeekDate, Weekday};

use crate::model::{Dct, Precision, Timex, TimexKind};

/// The values are borrowed from the timex they come from where they can be: an
/// article's dates are compared and passed around many times, copied into events once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EventDate<'a> {
    pub date: Option<Cow<'a, str>>,
    pub date_end: Option<Cow<'a, str>>,
    pub precision: Precision,
}

/// `v.trim()`, told at a glance for a value that starts and ends with a letter or digit
/// (the usual one: the Unicode test of each end was a third of reading a date).
fn trimmed(v: &str) -> &str {
    let b = v.as_bytes();
    match (b.first(), b.last()) {
        (Some(f), Some(l)) if f.is_ascii_alphanumeric() && l.is_ascii_alphanumeric() => v,
        _ => v.trim(),
    }
}

/// The precision an ISO atom states, or `None` when it is not a date.
pub fn atom_precision(v: &str) -> Option<Precision> {
    let v = trimmed(v);
    if v.starts_with("dct") {
        return Some(Precision::Week);
    }
    let b = v.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    match b.len() {
        4 if digits(0..4) => Some(Precision::Year),
        7 if digits(0..4) && b[4] == b'-' && digits(5..7) => Some(Precision::Month),
        8 if digits(0..4) && &b[4..6] == b"-W" && digits(6..8) => Some(Precision::Week),
        // A day is its own span: parsed once.
        10 => return parse_day(v).map(|_| Precision::Day),
        _ => None,
    }
    .filter(|_| span(v).is_some() || v.starts_with("dct"))
}

/// A day as `str::parse` reads it, without the parser for the usual "YYYY-MM-DD" (dates
/// are read again and again: each event's, each clause's candidates).
pub fn parse_day(v: &str) -> Option<Date> {
    let b = v.as_bytes();
    let num = |r: std::ops::Range<usize>| {
        b[r].iter().try_fold(0i16, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + i16::from(c - b'0'))
        })
    };
    if b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10))
    {
        return Date::new(y, m as i8, d as i8).ok();
    }
    v.parse().ok()
}

/// The first and last day an ISO atom covers.
pub fn span(v: &str) -> Option<(Date, Date)> {
    let v = trimmed(v);
    let num = |s: &str| s.parse::<i16>().ok();
    match v.len() {
        4 => {
            let y = num(v)?;
            Some((Date::new(y, 1, 1).ok()?, Date::new(y, 12, 31).ok()?))
        }
        7 => {
            let (y, m) = (num(v.get(0..4)?)?, v.get(5..7)?.parse::<i8>().ok()?);
            let first = Date::new(y, m, 1).ok()?;
            Some((first, first.last_of_month()))
        }
        8 if v.get(4..6) == Some("-W") => {
            let (y, w) = (num(v.get(0..4)?)?, v.get(6..8)?.parse::<i8>().ok()?);
            let mon = ISOWeekDate::new(y, w, Weekday::Monday).ok()?.date();
            let sun = ISOWeekDate::new(y, w, Weekday::Sunday).ok()?.date();
            Some((mon, sun))
        }
        10 => {
            let d = parse_day(v)?;
            Some((d, d))
        }
        _ => None,
    }
}

/// The days an event date covers (range: first day of the start to last of the end).
pub fn event_span(date: Option<&str>, end: Option<&str>) -> Option<(Date, Date)> {
    let (s, e) = span(date?)?;
    match end.and_then(span) {
        Some((_, e2)) => Some((s, e2.max(e))),
        None => Some((s, e)),
    }
}

/// The date a resolved timex gives an event, if it names a point or stretch of time.
pub fn of_timex(t: &Timex) -> Option<EventDate<'_>> {
    if matches!(t.kind, TimexKind::Duration | TimexKind::Set) {
        return None;
    }
    let v = trimmed(&t.value);
    if let Some((a, b)) = v.split_once('/') {
        atom_precision(a)?;
        atom_precision(b)?;
        return Some(EventDate {
            date: Some(Cow::Borrowed(trimmed(a))),
            date_end: Some(Cow::Borrowed(trimmed(b))),
            precision: Precision::Range,
        });
    }
    let p = atom_precision(v)?;
    // A relative value keeps the grammar's precision, but never claims a day.
    let p = if v.starts_with("dct") {
        t.precision.max(Precision::Week)
    } else {
        p
    };
    Some(EventDate {
        date: Some(Cow::Borrowed(v)),
        date_end: None,
        precision: p,
    })
}

/// "Now" (الآن، حاليا): the article's own day, at day precision when that day is known
/// for sure (given, or a range of one day); else as [`of_dct`].
pub fn of_now(dct: &Dct) -> EventDate<'static> {
    let mut d = of_dct(dct);
    if dct.date.is_some() && dct.range[0] == dct.date && dct.range[1] == dct.date {
        d.precision = Precision::Day;
    }
    d
}

/// The article's date: only the week is sure when nothing in the text names the day
/// of the event; an undated article keeps the relative form.
pub fn of_dct(dct: &Dct) -> EventDate<'static> {
    EventDate {
        date: Some(
            dct.date
                .map_or(Cow::Borrowed("dct"), |d| Cow::Owned(d.to_string())),
        ),
        date_end: None,
        precision: Precision::Week,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Anchor;

    fn tx(v: &str, kind: TimexKind) -> Timex {
        Timex {
            start: 0,
            end: 1,
            text: Default::default(),
            value: v.into(),
            precision: Precision::Day,
            kind,
            anchor: Anchor::Dct,
        }
    }

    #[test]
    fn now_is_the_articles_day_only_when_that_day_is_sure() {
        let day: jiff::civil::Date = "2019-06-27".parse().expect("d");
        let given = Dct::given(day, crate::model::DctSource::Manifest, "t");
        assert_eq!(of_now(&given).precision, Precision::Day);
        assert_eq!(of_now(&given).date.as_deref(), Some("2019-06-27"));
        let mut guessed = given.clone();
        guessed.range = [Some(day), None];
        assert_eq!(of_now(&guessed).precision, Precision::Week);
        let none = Dct::none("x");
        assert_eq!(of_now(&none).date.as_deref(), Some("dct"));
        assert_eq!(of_now(&none).precision, Precision::Week);
    }

    #[test]
    fn timex_values_give_their_own_precision() {
        let p = |v| of_timex(&tx(v, TimexKind::Date)).map(|d| d.precision);
        assert_eq!(p("2019-04-04"), Some(Precision::Day));
        assert_eq!(p("2019-04"), Some(Precision::Month));
        assert_eq!(p("2019"), Some(Precision::Year));
        assert_eq!(p("2019-W14"), Some(Precision::Week));
        assert_eq!(p("2019-04-04/2019-06-01"), Some(Precision::Range));
        assert_eq!(p("dct-2d"), Some(Precision::Week));
        assert_eq!(p("PRESENT_REF"), None);
        assert_eq!(p("before 2012-05"), None);
        assert_eq!(p("2019-13"), None);
        assert_eq!(of_timex(&tx("P6Y", TimexKind::Duration)), None);
    }

    #[test]
    fn week_and_month_spans_cover_their_days() {
        let d = |s: &str| s.parse::<Date>().unwrap();
        assert_eq!(span("2019-W14"), Some((d("2019-04-01"), d("2019-04-07"))));
        assert_eq!(span("2020-02"), Some((d("2020-02-01"), d("2020-02-29"))));
        assert_eq!(
            event_span(Some("2016-05"), Some("2016-12-06")),
            Some((d("2016-05-01"), d("2016-12-06")))
        );
    }
}
