//! The date grammar: a lexicon (data in the region pack) and an engine that finds date
//! expressions, then resolves them against the article's own date.

pub mod dct;
pub mod lexicon;
mod recognize;
pub mod value;

use jiff::ToSpan;
use jiff::civil::{Date, Weekday};

use crate::corpus::SourceDoc;
use crate::model::{Anchor, Dct, Precision, SmolStr, Timex, TimexKind};
// `format!` into a SmolStr: values are short, so most never allocate.
use crate::normalize::Normalized;
use crate::pack::Pack;
pub use lexicon::{Lexicon, Unit};
pub use recognize::planned_words;
use smol_str::format_smolstr as fmt_s;

/// Which way a weekday, month or period points from the article's date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    None,
    Past,
    Future,
    Current,
    /// No direction word, but the sentence speaks of what is to come (من المقرر، سيعقد):
    /// the next such month or day, on or after the article's date.
    Upcoming,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum YearSpec {
    None,
    Abs(i16),
    /// من العام الماضي: relative to the article's year.
    Rel(i8),
}

/// What an expression means before the article's date is known.
#[derive(Debug, Clone, PartialEq)]
pub enum Sem {
    /// A calendar date; a missing year is settled against the article's date.
    Cal {
        y: YearSpec,
        m: u8,
        d: Option<u8>,
        dir: Dir,
    },
    /// بين 14 و16 أبريل: days `from` to `to` of one month.
    DayRange {
        y: YearSpec,
        m: u8,
        from: u8,
        to: u8,
        dir: Dir,
    },
    Year(i16),
    /// An absolute range (a Hijri month).
    Range(Date, Date),
    /// A weekday; `shift` when the text also says which day it is (أمس الثلاثاء).
    Weekday {
        wd: u8,
        dir: Dir,
        shift: Option<i32>,
    },
    RelDay(i32),
    RelPeriod {
        unit: Unit,
        n: i32,
    },
    /// A Hijri month (and day) without a year: the one the article's date and `dir`
    /// point to (رمضان الماضي).
    HijriMonth {
        m: u8,
        d: Option<u8>,
        dir: Dir,
    },
    /// Day `d` of the month `n` months from the article's (الثالث من الشهر الجاري).
    RelMonthDay {
        n: i32,
        d: u8,
    },
    /// منذ …: `bound` 1 = more than, -1 = less than; `n` None = vague (منذ سنوات).
    Ago {
        n: Option<u32>,
        unit: Unit,
        bound: i8,
    },
    Duration {
        n: Option<u32>,
        unit: Unit,
    },
    /// خلال الساعات الماضية: a span ending at the article's date.
    Recent {
        unit: Unit,
        /// خلال الأيام الثلاثة الأخيرة: how many; none = an unstated few.
        n: Option<u32>,
    },
    /// اليوم نفسه: the day (or month, year) last mentioned.
    Anaphor {
        unit: Unit,
    },
    Ref(&'static str),
}

/// A date expression found in the text, not yet resolved against the article's date.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    /// Original byte offsets.
    pub start: usize,
    pub end: usize,
    pub sem: Sem,
    /// A part of the day was named (صباح، مساء).
    pub time: bool,
}

/// Every date expression of the document's paragraphs (boilerplate excluded).
pub fn recognize(doc: &SourceDoc, norm: &Normalized, pack: &Pack) -> Vec<Found> {
    let mut found = recognize::recognize(norm, &pack.temporal, &doc.paragraphs);
    drop_day_names(&mut found, norm, &pack.temporal);
    found
}

/// A day and month with no year right after a word that names something by its day
/// ("ثورة 17 فبراير" the revolution, "كتيبة 17 فبراير" a brigade, "شارع 1 سبتمبر" a
/// street) is that name: read as a date, it would date the sentence to that day of the
/// article's year. With a year ("ثورة 17 فبراير 2011") it is a date again.
fn drop_day_names(found: &mut Vec<Found>, norm: &Normalized, lx: &Lexicon) {
    if lx.name_heads.is_empty() {
        return;
    }
    let toks = norm.tokens();
    found.retain(|f| {
        if !matches!(
            f.sem,
            Sem::Cal {
                y: YearSpec::None,
                d: Some(_),
                ..
            }
        ) {
            return true;
        }
        let at = norm.norm_offset(f.start);
        let i = toks.partition_point(|t| t.end <= at);
        let Some(t) = i.checked_sub(1).and_then(|k| toks.get(k)) else {
            return true;
        };
        let gap = norm.text.get(t.end..at).unwrap_or("x");
        if t.kind != crate::normalize::TokKind::Word || !gap.trim().is_empty() {
            return true;
        }
        // The word with at most two proclitics off (وثورة، لكتيبة، ولشهداء).
        let mut w = t.text(&norm.text);
        for _ in 0..3 {
            if lx.name_heads.iter().any(|h| h == w) {
                return false;
            }
            match w.strip_prefix(['و', 'ف', 'ب', 'ل']) {
                Some(rest) if rest.len() >= 4 => w = rest,
                _ => break,
            }
        }
        true
    });
}

/// Date expressions of a plain string (tests, the GUI's search).
pub fn recognize_str(text: &str, pack: &Pack) -> Vec<Found> {
    let norm = Normalized::new(text);
    let mut found = recognize::recognize(&norm, &pack.temporal, &[]);
    drop_day_names(&mut found, &norm, &pack.temporal);
    found
}

/// Resolve every expression against the article's date, in text order so anaphora
/// (اليوم نفسه) can take the day mentioned last.
pub fn resolve(found: &[Found], dct: &Dct, text: &str) -> Vec<Timex> {
    let mut last: Option<(Date, Date, Precision)> = None;
    // The previous expression: where it ended, its month when it named one with no year,
    // and how it was resolved ("أبريل نيسان", "نيسان/أبريل": the second name is the same
    // month, resolved as the first).
    let mut prev: Option<(usize, u8, Resolved)> = None;
    let mut out = found
        .iter()
        .map(|f| {
            let same_month = match (&f.sem, &prev) {
                (
                    Sem::Cal {
                        y: YearSpec::None,
                        m,
                        d: None,
                        dir: Dir::None,
                    },
                    Some((end, pm, r)),
                ) if pm == m
                    && text
                        .get(*end..f.start)
                        .is_some_and(|g| g.trim_matches([' ', '/', '\u{a0}']).is_empty()) =>
                {
                    Some(r.clone())
                }
                _ => None,
            };
            // "منذ أبريل" (since April) said in January is last April: what began at a
            // month with no year began before the article. (Its own month is this one.)
            let since;
            let sem = match f.sem {
                Sem::Cal {
                    y: YearSpec::None,
                    m,
                    d,
                    dir: Dir::None,
                } if after_since(text, f.start)
                    && dct.date.is_some_and(|t| t.month() as u8 != m) =>
                {
                    since = Sem::Cal {
                        y: YearSpec::None,
                        m,
                        d,
                        dir: Dir::Past,
                    };
                    &since
                }
                _ => &f.sem,
            };
            // A narrative's own time: "العام التالي" (the year after), "اليوم التالي" count
            // from the date told last, not from the article's ("المقبل" does that);
            // "في أغسطس من ذلك العام" is August of the year told last.
            let told = last.map(|(a, _, _)| a);
            let own = text.get(f.start..f.end).unwrap_or("");
            let following = matches!(f.sem, Sem::RelPeriod { n: 1, .. })
                && (own.contains("التالي") || own.contains("التالية"));
            let that_year = match *sem {
                Sem::Cal {
                    y: YearSpec::None,
                    m,
                    d,
                    ..
                } if of_that_year(text, f.end) => Some((m, d)),
                _ => None,
            };
            let (value, precision, kind, anchor) = match (told, same_month) {
                (_, Some(r)) => r,
                (Some(t), None) if following => {
                    let (v, p, k, _) = resolve_one(sem, Some(t), last);
                    (v, p, k, Anchor::Previous)
                }
                (Some(t), None) if that_year.is_some() => {
                    let (m, d) = that_year.unwrap_or_default();
                    let y = Sem::Cal {
                        y: YearSpec::Abs(t.year()),
                        m,
                        d,
                        dir: Dir::None,
                    };
                    let (v, p, k, _) = resolve_one(&y, dct.date, last);
                    (v, p, k, Anchor::Previous)
                }
                _ => resolve_one(sem, dct.date, last),
            };
            prev = match f.sem {
                Sem::Cal {
                    y: YearSpec::None,
                    m,
                    d: None,
                    ..
                } => Some((f.end, m, (value.clone(), precision, kind, anchor))),
                _ => None,
            };
            // A duration is never read back: its value is not parsed.
            if !matches!(f.sem, Sem::Duration { .. })
                && let Some(sp) = value::span(&value, dct.date)
            {
                last = Some(sp);
            }
            let kind = if f.time && kind == TimexKind::Date {
                TimexKind::Time
            } else {
                kind
            };
            Timex {
                start: f.start,
                end: f.end,
                text: SmolStr::new(text.get(f.start..f.end).unwrap_or("")),
                value,
                precision,
                kind,
                anchor,
            }
        })
        .collect::<Vec<Timex>>();
    // "في يونيو من العام نفسه": the year named after the month is the month's own, one
    // expression (read as two, the bare year was the nearer date of a deed).
    let mut k = 1;
    while k < out.len() {
        let (m, t) = (&out[k - 1], &out[k]);
        if m.precision != Precision::Year
            && text.get(m.end..t.start).is_some_and(|g| g.trim() == "من")
            && of_that_year(text, m.end)
        {
            let end = t.end;
            out.remove(k);
            let m = &mut out[k - 1];
            m.end = end;
            m.text = SmolStr::new(text.get(m.start..end).unwrap_or(""));
        } else {
            k += 1;
        }
    }
    out
}

fn iso(d: Date) -> SmolStr {
    ymd(d.year(), d.month() as u8, Some(d.day() as u8)).unwrap_or_else(|| fmt_s!("{d}"))
}

/// `YYYY-MM` (`d` none) or `YYYY-MM-DD`, written digit by digit when the year has four
/// digits and the rest two, as `format!` and jiff write them: a formatting call per
/// value was much of resolving. `None` for anything else (left to them).
fn ymd(y: i16, m: u8, d: Option<u8>) -> Option<SmolStr> {
    if !(0..=9999).contains(&y) || m > 99 || d.is_some_and(|d| d > 99) {
        return None;
    }
    // Written into a buffer on the stack; the value is short enough to stay inline.
    let digit = |n: u16| b'0' + (n % 10) as u8;
    let y = y as u16;
    let (m, day) = (u16::from(m), d.map(u16::from).unwrap_or(0));
    let b = [
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        b'-',
        digit(m / 10),
        digit(m),
        b'-',
        digit(day / 10),
        digit(day),
    ];
    let n = if d.is_some() { 10 } else { 7 };
    std::str::from_utf8(&b[..n]).ok().map(SmolStr::new)
}

fn week(d: Date) -> SmolStr {
    let w = d.iso_week_date();
    fmt_s!("{}-W{:02}", w.year(), w.week())
}

/// `format!("{y:04}")`, digit by digit for years of four digits.
fn year4(y: i16) -> SmolStr {
    if !(0..=9999).contains(&y) {
        return fmt_s!("{y:04}");
    }
    let digit = |n: i16| char::from(b'0' + (n % 10) as u8);
    [digit(y / 1000), digit(y / 100), digit(y / 10), digit(y)]
        .into_iter()
        .collect()
}

/// `a/b`, the two ends of a range, without a formatting call.
fn range(a: Date, b: Date) -> SmolStr {
    [iso(a).as_str(), "/", iso(b).as_str()]
        .into_iter()
        .collect()
}

fn month(y: i16, m: u8) -> SmolStr {
    ymd(y, m, None).unwrap_or_else(|| fmt_s!("{y:04}-{m:02}"))
}

fn add(d: Date, unit: Unit, n: i64) -> Option<Date> {
    let span = match unit {
        Unit::Hour => (n / 24).days(),
        Unit::Day => n.days(),
        Unit::Week => n.weeks(),
        Unit::Month => n.months(),
        Unit::Year => n.years(),
        Unit::Decade => (n * 10).years(),
    };
    d.checked_add(span).ok()
}

fn unit_code(u: Unit) -> &'static str {
    match u {
        Unit::Hour => "h",
        Unit::Day => "d",
        Unit::Week => "w",
        Unit::Month => "m",
        Unit::Year | Unit::Decade => "y",
    }
}

fn rel(n: i64, u: Unit) -> SmolStr {
    let n = if u == Unit::Decade { n * 10 } else { n };
    if n == 0 && u == Unit::Day {
        "dct".into()
    } else {
        fmt_s!("dct{n:+}{}", unit_code(u))
    }
}

/// A point `n` units before `dct`, at the precision the unit allows.
fn point(d: Date, unit: Unit) -> (SmolStr, Precision) {
    match unit {
        Unit::Hour | Unit::Day => (iso(d), Precision::Day),
        Unit::Week => (week(d), Precision::Week),
        Unit::Month => (month(d.year(), d.month() as u8), Precision::Month),
        Unit::Year | Unit::Decade => (year4(d.year()), Precision::Year),
    }
}

fn wd_of(n: u8) -> Weekday {
    Weekday::from_monday_one_offset(n as i8).unwrap_or(Weekday::Monday)
}

/// A calendar date without a year: the most recent one on or before the article's
/// date, unless it is more than three months ahead (then it is last year's), or the
/// text says الماضي / المقبل, or its sentence speaks of what is to come (the next one).
fn settle_year(dct: Date, m: u8, d: Option<u8>, dir: Dir) -> i16 {
    let y = dct.year();
    let cand = Date::new(y, m as i8, d.unwrap_or(1) as i8).unwrap_or(dct);
    let key = |x: Date| (x.month(), if d.is_some() { x.day() } else { 1 });
    let (ck, dk) = (key(cand), key(dct));
    match dir {
        Dir::Past => {
            if ck < dk {
                y
            } else {
                y - 1
            }
        }
        Dir::Future => {
            if ck > dk {
                y
            } else {
                y + 1
            }
        }
        Dir::Upcoming => {
            if ck >= dk {
                y
            } else {
                y + 1
            }
        }
        _ => {
            if cand > dct.checked_add(92.days()).unwrap_or(dct) {
                y - 1
            } else {
                y
            }
        }
    }
}

/// The Gregorian days of Hijri month `m` (day `d` alone if given) of the Hijri year the
/// article's date `t` and `dir` point to: the last such month on or before `t` by default
/// and for الماضي (strictly before for الماضي), the next one for المقبل and words of what
/// is to come, the current year's for الجاري.
fn hijri_month(t: Date, m: u8, d: Option<u8>, dir: Dir) -> Option<(Date, Date)> {
    use icu_calendar::Date as IcuDate;
    use icu_calendar::cal::Hijri;
    let cal = || Hijri::new_umm_al_qura();
    let today = IcuDate::try_new_iso(t.year() as i32, t.month() as u8, t.day() as u8)
        .ok()?
        .to_calendar(cal());
    let hy = today.year().extended_year();
    let span = |y: i32| -> Option<(Date, Date)> {
        let first = IcuDate::try_new_hijri_with_calendar(y, m, d.unwrap_or(1), cal()).ok()?;
        let len = if d.is_some() {
            1
        } else {
            first.days_in_month() as i64
        };
        let iso = first.to_calendar(icu_calendar::Iso);
        let a = Date::new(
            iso.year().extended_year() as i16,
            iso.month().ordinal as i8,
            iso.day_of_month().0 as i8,
        )
        .ok()?;
        let b = a.checked_add(jiff::Span::new().days(len - 1)).ok()?;
        Some((a, b))
    };
    let this = span(hy)?;
    let (prev, next) = (span(hy - 1), span(hy + 1));
    match dir {
        Dir::Current => Some(this),
        Dir::Future | Dir::Upcoming => {
            if this.0 > t || (dir == Dir::Upcoming && this.1 >= t) {
                Some(this)
            } else {
                next
            }
        }
        Dir::Past => {
            if this.1 < t {
                Some(this)
            } else {
                prev
            }
        }
        Dir::None => {
            if this.0 <= t {
                Some(this)
            } else {
                prev
            }
        }
    }
}

/// An expression's value, precision, kind and anchor.
type Resolved = (SmolStr, Precision, TimexKind, Anchor);

fn resolve_one(sem: &Sem, dct: Option<Date>, last: Option<(Date, Date, Precision)>) -> Resolved {
    use Precision as P;
    use TimexKind as K;
    // With no article date, relative values stay relative: the timeline draws them as
    // uncertain (events.md: "a week precision").
    let undated = P::Week;
    match *sem {
        Sem::Cal { y, m, d, dir } => {
            let (year, anchor) = cal_year(y, m, d, dir, dct);
            match (year, d) {
                (Some(y), Some(d)) => (
                    ymd(y, m, Some(d)).unwrap_or_else(|| fmt_s!("{}-{d:02}", month(y, m))),
                    P::Day,
                    K::Date,
                    anchor,
                ),
                (Some(y), None) => (month(y, m), P::Month, K::Date, anchor),
                (None, Some(d)) => (fmt_s!("XXXX-{m:02}-{d:02}"), P::Day, K::Date, anchor),
                (None, None) => (fmt_s!("XXXX-{m:02}"), P::Month, K::Date, anchor),
            }
        }
        Sem::DayRange {
            y,
            m,
            from,
            to,
            dir,
        } => {
            let (year, anchor) = cal_year(y, m, Some(from), dir, dct);
            let v = match year {
                Some(y) => fmt_s!("{0}-{from:02}/{0}-{to:02}", month(y, m)),
                None => fmt_s!("XXXX-{m:02}-{from:02}/XXXX-{m:02}-{to:02}"),
            };
            (v, P::Range, K::Date, anchor)
        }
        Sem::Year(y) => (year4(y), P::Year, K::Date, Anchor::None),
        Sem::Range(a, b) => (range(a, b), P::Range, K::Date, Anchor::None),
        Sem::Weekday { wd, dir, shift } => {
            let Some(t) = dct else {
                let v = match (shift, dir) {
                    (Some(n), _) => rel(n as i64, Unit::Day),
                    (None, Dir::Past) => "dct-1w".into(),
                    (None, Dir::Future) => "dct+1w".into(),
                    _ => "dct".into(),
                };
                return (v, undated, K::Date, Anchor::Dct);
            };
            let day = match (shift, dir) {
                (Some(n), _) => add(t, Unit::Day, n as i64).unwrap_or(t),
                (None, Dir::Future) => next_weekday(t, wd),
                // What is to come is on that day of this week at the earliest.
                (None, Dir::Upcoming) if t.weekday() == wd_of(wd) => t,
                (None, Dir::Upcoming) => next_weekday(t, wd),
                (None, Dir::Past) => prev_weekday(t, wd, false),
                _ => prev_weekday(t, wd, true),
            };
            (iso(day), P::Day, K::Date, Anchor::Dct)
        }
        Sem::RelDay(n) => match dct {
            Some(t) => (
                iso(add(t, Unit::Day, n as i64).unwrap_or(t)),
                P::Day,
                K::Date,
                Anchor::Dct,
            ),
            None => (rel(n as i64, Unit::Day), undated, K::Date, Anchor::Dct),
        },
        Sem::RelPeriod { unit, n } => match dct {
            Some(t) => {
                let d = add(t, unit, n as i64).unwrap_or(t);
                let (v, p) = point(d, unit);
                (v, p, K::Date, Anchor::Dct)
            }
            None => (rel(n as i64, unit), undated, K::Date, Anchor::Dct),
        },
        Sem::HijriMonth { m, d, dir } => match dct.and_then(|t| hijri_month(t, m, d, dir)) {
            Some((a, b)) if a == b => (iso(a), P::Day, K::Date, Anchor::Dct),
            Some((a, b)) => (range(a, b), P::Range, K::Date, Anchor::Dct),
            None => ("XXXX".into(), undated, K::Date, Anchor::Dct),
        },
        Sem::RelMonthDay { n, d } => match dct {
            Some(t) => {
                let m = add(t, Unit::Month, n as i64).unwrap_or(t);
                match Date::new(m.year(), m.month(), d as i8) {
                    Ok(day) => (iso(day), P::Day, K::Date, Anchor::Dct),
                    // "The 31st of this month" in a month of 30 days: the month is sure.
                    Err(_) => {
                        let (v, p) = point(m, Unit::Month);
                        (v, p, K::Date, Anchor::Dct)
                    }
                }
            }
            None => (rel(n as i64, Unit::Month), undated, K::Date, Anchor::Dct),
        },
        Sem::Ago { n, unit, bound } => {
            let Some(n) = n else {
                return ("PAST_REF".into(), P::Unknown, K::Ref, Anchor::None);
            };
            match dct {
                Some(t) => {
                    let d = add(t, unit, -(n as i64)).unwrap_or(t);
                    let (v, p) = point(d, unit);
                    match bound {
                        // More than six years ago: before that point, at month grain.
                        1 => {
                            let at = match unit {
                                Unit::Year | Unit::Decade | Unit::Month => {
                                    month(d.year(), d.month() as u8)
                                }
                                _ => iso(d),
                            };
                            (fmt_s!("before {at}"), P::Range, K::Date, Anchor::Dct)
                        }
                        -1 => (range(d, t), P::Range, K::Date, Anchor::Dct),
                        _ => (v, p, K::Date, Anchor::Dct),
                    }
                }
                None => (rel(-(n as i64), unit), undated, K::Date, Anchor::Dct),
            }
        }
        Sem::Duration { n, unit } => {
            let num = n.map_or("?".to_string(), |n| n.to_string());
            let v = match unit {
                Unit::Hour => fmt_s!("PT{num}H"),
                Unit::Day => fmt_s!("P{num}D"),
                Unit::Week => fmt_s!("P{num}W"),
                Unit::Month => fmt_s!("P{num}M"),
                Unit::Year => fmt_s!("P{num}Y"),
                Unit::Decade => fmt_s!("P{}Y", n.map_or("?".into(), |n| (n * 10).to_string())),
            };
            (v, P::Unknown, K::Duration, Anchor::None)
        }
        Sem::Recent { unit, n } => {
            // How far back "the past hours/days/weeks…" reach, at most.
            let (u, k) = match (unit, n) {
                (Unit::Hour, Some(_)) => (Unit::Day, 1),
                (u, Some(n)) => (u, n as i64),
                (unit, None) => match unit {
                    Unit::Hour => (Unit::Day, 1),
                    Unit::Day => (Unit::Day, 7),
                    Unit::Week => (Unit::Month, 1),
                    Unit::Month => (Unit::Year, 1),
                    Unit::Year | Unit::Decade => (Unit::Year, 10),
                },
            };
            match dct {
                Some(t) => {
                    let a = add(t, u, -k).unwrap_or(t);
                    (range(a, t), P::Range, K::Date, Anchor::Dct)
                }
                None => (fmt_s!("{}/dct", rel(-k, u)), undated, K::Date, Anchor::Dct),
            }
        }
        Sem::Anaphor { unit } => match last {
            Some((a, _, p)) => {
                let (v, p) = match unit {
                    Unit::Day | Unit::Hour if p == P::Day => (iso(a), P::Day),
                    Unit::Month => (month(a.year(), a.month() as u8), P::Month),
                    Unit::Year | Unit::Decade => (year4(a.year()), P::Year),
                    _ => point(a, unit),
                };
                (v, p, K::Date, Anchor::Previous)
            }
            None => match dct {
                Some(t) => {
                    let (v, p) = point(t, unit);
                    (v, p, K::Date, Anchor::Dct)
                }
                None => ("dct".into(), undated, K::Date, Anchor::Dct),
            },
        },
        Sem::Ref(r) => (r.into(), P::Unknown, K::Ref, Anchor::None),
    }
}

/// The most recent `wd` on or before (or strictly before) `t`.
fn prev_weekday(t: Date, wd: u8, inclusive: bool) -> Date {
    let target = wd_of(wd).to_monday_one_offset() as i64;
    let cur = t.weekday().to_monday_one_offset() as i64;
    let mut back = (cur - target).rem_euclid(7);
    if back == 0 && !inclusive {
        back = 7;
    }
    add(t, Unit::Day, -back).unwrap_or(t)
}

/// The next `wd` strictly after `t`.
fn next_weekday(t: Date, wd: u8) -> Date {
    let target = wd_of(wd).to_monday_one_offset() as i64;
    let cur = t.weekday().to_monday_one_offset() as i64;
    let mut fwd = (target - cur).rem_euclid(7);
    if fwd == 0 {
        fwd = 7;
    }
    add(t, Unit::Day, fwd).unwrap_or(t)
}

/// The year a calendar date is in: as written, relative to the article's (العام الماضي),
/// or the nearest one that fits the direction; and what it was resolved against.
/// Does "من ذلك العام" (of that year) or "من العام نفسه" follow the expression ending at
/// `end`?
fn of_that_year(text: &str, end: usize) -> bool {
    let after = text.get(end..).unwrap_or("");
    let mut w = after.split_whitespace();
    if w.next() != Some("من") {
        return false;
    }
    let (a, b) = (w.next().unwrap_or(""), w.next().unwrap_or(""));
    let b = b.trim_end_matches(|c: char| !c.is_alphabetic());
    let a_t = a.trim_end_matches(|c: char| !c.is_alphabetic());
    matches!((a_t, b), ("ذلك" | "نفس" | "ذات", "العام" | "السنة"))
        || matches!(
            (a_t, b),
            ("العام" | "السنة", "نفسه" | "ذاته" | "نفسها" | "ذاتها")
        )
        || (a_t == "تلك" && b == "السنة")
}

/// Is the expression at `start` right after "منذ" (since)?
fn after_since(text: &str, start: usize) -> bool {
    let before = text.get(..start).unwrap_or("").trim_end();
    let w = before.rsplit(char::is_whitespace).next().unwrap_or("");
    matches!(w, "منذ" | "ومنذ")
}

fn cal_year(
    y: YearSpec,
    m: u8,
    d: Option<u8>,
    dir: Dir,
    dct: Option<Date>,
) -> (Option<i16>, Anchor) {
    let year = match (y, dct) {
        (YearSpec::Abs(y), _) => Some(y),
        (YearSpec::Rel(n), Some(t)) => Some(t.year() + n as i16),
        (YearSpec::None, Some(t)) => Some(settle_year(t, m, d, dir)),
        _ => None,
    };
    let anchor = if matches!(y, YearSpec::Abs(_)) {
        Anchor::None
    } else {
        Anchor::Dct
    };
    (year, anchor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_as_jiff_and_format_write_them() {
        for (y, m, d) in [
            (2019, 4, 4),
            (1, 1, 1),
            (999, 12, 31),
            (9999, 12, 31),
            (2020, 2, 29),
        ] {
            let date = jiff::civil::date(y, m, d);
            assert_eq!(iso(date), date.to_string());
            assert_eq!(month(y, m as u8), format!("{y:04}-{m:02}"));
        }
        for (y, m) in [(-5, 3), (10000, 1), (2019, 100), (-1, 0)] {
            assert_eq!(month(y, m), format!("{y:04}-{m:02}"));
        }
        for y in [-9999, -5, 0, 7, 42, 999, 2019, 9999, 10000, 32767] {
            assert_eq!(year4(y), format!("{y:04}"));
        }
        let (a, b) = (jiff::civil::date(2019, 4, 4), jiff::civil::date(2020, 1, 9));
        assert_eq!(range(a, b), format!("{a}/{b}"));
        assert_eq!(ymd(2019, 5, Some(100)), None);
        assert_eq!(ymd(2019, 5, Some(7)).as_deref(), Some("2019-05-07"));
    }
}
