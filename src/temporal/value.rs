//! Timex values as day ranges: the one place that reads the value strings of
//! `output.md` back (events take their dates from here, the GUI draws them).

use jiff::ToSpan;
use jiff::civil::{Date, ISOWeekDate, Weekday};

use crate::model::Precision;

/// First day, last day and precision of a value; `None` for durations, vague
/// references, open bounds, or relative values when the article's date is unknown.
pub fn span(value: &str, dct: Option<Date>) -> Option<(Date, Date, Precision)> {
    let v = value.trim();
    if let Some((a, b)) = v.split_once('/') {
        let (a0, _, _) = span(a, dct)?;
        let (_, b1, _) = span(b, dct)?;
        return (a0 <= b1).then_some((a0, b1, Precision::Range));
    }
    if v == "PRESENT_REF" {
        let t = dct?;
        return Some((t, t, Precision::Day));
    }
    if let Some(rel) = v.strip_prefix("dct") {
        return relative(rel, dct?);
    }
    // Values are ASCII by contract; anything else is no date (and must not be sliced).
    if !v.is_ascii() {
        return None;
    }
    let b = v.as_bytes();
    let num = |s: &str| s.parse::<i32>().ok();
    match b.len() {
        4 => {
            let y = num(v)? as i16;
            Some((
                Date::new(y, 1, 1).ok()?,
                Date::new(y, 12, 31).ok()?,
                Precision::Year,
            ))
        }
        7 => {
            let y = num(&v[0..4])? as i16;
            let m = num(&v[5..7])? as i8;
            let first = Date::new(y, m, 1).ok()?;
            Some((first, first.last_of_month(), Precision::Month))
        }
        8 if &v[4..6] == "-W" => {
            let y = num(&v[0..4])? as i16;
            let w = num(&v[6..8])? as i8;
            let mon = ISOWeekDate::new(y, w, Weekday::Monday).ok()?.date();
            Some((mon, mon.checked_add(6.days()).ok()?, Precision::Week))
        }
        10 => {
            let d: Date = v.parse().ok()?;
            Some((d, d, Precision::Day))
        }
        _ => None,
    }
}

/// "", "-2d", "+1w", "-1m", "+0y" after "dct".
fn relative(rel: &str, t: Date) -> Option<(Date, Date, Precision)> {
    if rel.is_empty() {
        return Some((t, t, Precision::Day));
    }
    let unit = rel.chars().last()?;
    let n: i64 = rel[..rel.len() - unit.len_utf8()].parse().ok()?;
    match unit {
        'd' => {
            let d = t.checked_add(jiff::Span::new().try_days(n).ok()?).ok()?;
            Some((d, d, Precision::Day))
        }
        'h' => Some((t, t, Precision::Day)),
        'w' => {
            let d = t.checked_add(jiff::Span::new().try_weeks(n).ok()?).ok()?;
            let mon = d
                .checked_sub((d.weekday().to_monday_zero_offset() as i64).days())
                .ok()?;
            Some((mon, mon.checked_add(6.days()).ok()?, Precision::Week))
        }
        'm' => {
            let d = t
                .checked_add(jiff::Span::new().try_months(n).ok()?)
                .ok()?
                .first_of_month();
            Some((d, d.last_of_month(), Precision::Month))
        }
        'y' => {
            // Checked: an absurd offset ("dct+40000y") is no date, not an overflow.
            let y = i16::try_from(t.year() as i64 + n).ok()?;
            Some((
                Date::new(y, 1, 1).ok()?,
                Date::new(y, 12, 31).ok()?,
                Precision::Year,
            ))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn absolute_values_cover_the_days_they_name() {
        assert_eq!(
            span("2019-04-04", None),
            Some((date(2019, 4, 4), date(2019, 4, 4), Precision::Day))
        );
        assert_eq!(
            span("2017-09", None),
            Some((date(2017, 9, 1), date(2017, 9, 30), Precision::Month))
        );
        assert_eq!(
            span("2019-W21", None),
            Some((date(2019, 5, 20), date(2019, 5, 26), Precision::Week))
        );
        assert_eq!(span("2014", None).map(|s| s.1), Some(date(2014, 12, 31)));
        assert_eq!(
            span("2020-06-10/2020-06-11", None).map(|s| s.2),
            Some(Precision::Range)
        );
    }

    #[test]
    fn relative_values_need_the_article_date() {
        assert_eq!(span("dct-2d", None), None);
        let t = date(2019, 5, 22);
        assert_eq!(
            span("dct-2d", Some(t)).map(|s| s.0),
            Some(date(2019, 5, 20))
        );
        assert_eq!(
            span("dct-1w", Some(t)).map(|s| s.0),
            Some(date(2019, 5, 13))
        );
        assert_eq!(span("P3D", Some(t)), None);
    }
}
