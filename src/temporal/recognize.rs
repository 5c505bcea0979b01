//! Finds date expressions: a token scan over the normalised text where each word is
//! looked up once in the lexicon, then a few sequence patterns build expressions.

use icu_calendar::Date as IcuDate;
use icu_calendar::cal::Hijri;

use super::lexicon::{Cat, Lexicon, Unit};
use super::{Dir, Found, Sem, YearSpec};
use crate::normalize::{Normalized, TokKind, Token};

/// What the lexicon says of one token: the longest phrase starting there.
#[derive(Clone, Copy)]
struct Hit<'a> {
    /// Number of word tokens the phrase spans.
    len: usize,
    cats: &'a [Cat],
    /// A conjunction (و، ف) glued on is cut off: the token starts one letter later.
    cut: bool,
}

struct Scan<'a> {
    norm: &'a str,
    lex: &'a Lexicon,
    /// The text's tokens, shared with the rest of the document's stages; a word the
    /// lexicon cuts a conjunction off is marked in its `Hit` (see [`Scan::start`]).
    toks: &'a [Token],
    /// Per token: 0, or 1 + the index of its hit in `found` (most words have none: four
    /// bytes a token instead of a whole `Option<Hit>`); for a number of up to six digits,
    /// its value and length (see [`number_slot`]), parsed once instead of once per pattern.
    slot: Vec<u32>,
    found: Vec<Hit<'a>>,
    /// The tokens where a pattern may start (see [`Scan::may_start`]), in order.
    starts: Vec<u32>,
}

impl<'a> Scan<'a> {
    fn new(norm: &'a str, lex: &'a Lexicon, toks: &'a [Token]) -> Self {
        let (mut slot, mut starts, spare_found) = SPARE
            .try_with(|s| s.try_borrow_mut().map(|mut s| std::mem::take(&mut *s)))
            .ok()
            .and_then(Result::ok)
            .unwrap_or_default();
        // An empty list of hits of any lifetime is one of hits into this lexicon.
        let mut found: Vec<Hit<'a>> = spare_found;
        slot.clear();
        slot.resize(toks.len(), 0);
        starts.clear();
        found.clear();
        // About a fifth of an article's tokens are numbers or lexicon words: room made once
        // instead of growing by doubling.
        found.reserve(toks.len() / 4);
        starts.reserve(toks.len() / 4);
        // Tokens read as bytes: they start and end on character boundaries, and testing
        // that again for every word was a good part of the scan.
        let nb = norm.as_bytes();
        for (i, t) in toks.iter().enumerate() {
            let Some(w) = nb.get(t.start..t.end) else {
                continue;
            };
            match t.kind {
                TokKind::Punct => continue,
                TokKind::Number => {
                    slot[i] = number_slot(w);
                    starts.push(i as u32);
                    continue;
                }
                TokKind::Word => {}
            }
            let hit = if w.len() > 40 {
                None
            } else {
                Self::lookup(nb, toks, i, w, lex)
            };
            let Some(h) = hit else {
                // A token without a hit has no conjunction cut off: its text is the token's.
                if starts_unlisted(w) {
                    starts.push(i as u32);
                }
                continue;
            };
            found.push(h);
            slot[i] = found.len() as u32;
            starts.push(i as u32);
        }
        Scan {
            norm,
            lex,
            toks,
            slot,
            found,
            starts,
        }
    }

    /// The lexicon's hit at token `i`, if any.
    fn hit(&self, i: usize) -> Option<Hit<'a>> {
        let k = *self.slot.get(i)?;
        if k & NUMBER != 0 {
            return None;
        }
        (k as usize)
            .checked_sub(1)
            .and_then(|k| self.found.get(k))
            .copied()
    }

    fn lookup(nb: &[u8], toks: &[Token], i: usize, w: &[u8], lex: &'a Lexicon) -> Option<Hit<'a>> {
        let forms = lex.forms_of_bytes(w)?;
        forms.lists.iter().find_map(|&n| {
            lex.list(n).iter().find_map(|p| {
                let ok = p.rest.iter().enumerate().all(|(k, r)| {
                    toks.get(i + 1 + k).is_some_and(|t| {
                        t.kind == TokKind::Word && nb.get(t.start..t.end) == Some(r.as_bytes())
                    })
                });
                // A conjunction glued to a date word (والأربعاء، فأمس) is not part of
                // the expression: the span starts at the date word, as an annotator
                // marks it.
                ok.then_some(Hit {
                    len: 1 + p.rest.len(),
                    cats: &p.cats,
                    cut: forms.cut,
                })
            })
        })
    }

    fn len(&self) -> usize {
        self.toks.len()
    }

    /// The first category the lexicon gives a single word (for words met without their
    /// article or with one glued on, which the token scan did not look up).
    fn lexicon_cat(&self, w: &str) -> Option<Cat> {
        self.lex
            .index
            .get(w)?
            .iter()
            .find(|p| p.rest.is_empty())
            .and_then(|p| p.cats.first().copied())
    }

    fn has(&self, i: usize, f: impl Fn(Cat) -> bool) -> bool {
        self.cat(i, f).is_some()
    }

    fn cat(&self, i: usize, f: impl Fn(Cat) -> bool) -> Option<Cat> {
        self.hit(i)
            .and_then(|h| h.cats.iter().copied().find(|c| f(*c)))
    }

    /// Tokens the phrase at `i` spans (1 for a plain token).
    fn span(&self, i: usize) -> usize {
        self.hit(i).map_or(1, |h| h.len)
    }

    /// Where token `i` starts, after any conjunction cut off it.
    fn start(&self, i: usize) -> usize {
        let cut = self.hit(i).is_some_and(|h| h.cut);
        self.toks
            .get(i)
            .map_or(0, |t| t.start + if cut { 'و'.len_utf8() } else { 0 })
    }

    /// The value and digit count of a number token of up to six digits.
    fn number(&self, i: usize) -> Option<(u32, usize)> {
        let k = *self.slot.get(i)?;
        (k & NUMBER != 0).then_some((k & VALUE, (k >> 20 & 7) as usize))
    }

    fn punct(&self, i: usize) -> Option<char> {
        let t = self.toks.get(i)?;
        (t.kind == TokKind::Punct)
            .then(|| t.text(self.norm).chars().next())
            .flatten()
    }

    fn word(&self, i: usize) -> Option<&str> {
        let t = self.toks.get(i)?;
        (t.kind == TokKind::Word).then(|| &self.norm[self.start(i)..t.end])
    }

    /// A 4-digit year in range, or none.
    fn year(&self, i: usize, lo: u32, hi: u32) -> Option<i16> {
        match self.number(i) {
            Some((n, 4)) if (lo..=hi).contains(&n) => Some(n as i16),
            _ => None,
        }
    }
}

/// The buffers of a scan: `slot`, `starts` and `found`, the last one emptied.
type Spare = (Vec<u32>, Vec<u32>, Vec<Hit<'static>>);

thread_local! {
    /// The buffers of the last scan dropped on this thread, for the next one: allocating
    /// them per document was a cost of its own (`found`, a few kilobytes, was a good part
    /// of the whole pipeline's time in the allocator).
    static SPARE: std::cell::RefCell<Spare> =
        const { std::cell::RefCell::new((Vec::new(), Vec::new(), Vec::new())) };
}

impl Drop for Scan<'_> {
    fn drop(&mut self) {
        // Those of a huge text are not kept.
        if self.slot.capacity() > 1 << 18 {
            return;
        }
        let mut found = std::mem::take(&mut self.found);
        found.clear();
        // The emptied list keeps its allocation as a list of hits of no particular
        // lexicon: collecting an empty `IntoIter` into a vector of elements of the same
        // size and alignment reuses its buffer (std's in-place collection).
        // (`filter_map` for its change of type: the closure is never called.)
        #[allow(clippy::unnecessary_filter_map)]
        let found: Vec<Hit<'static>> = found.into_iter().filter_map(|_| None).collect();
        let bufs = (
            std::mem::take(&mut self.slot),
            std::mem::take(&mut self.starts),
            found,
        );
        let _ = SPARE.try_with(|s| {
            if let Ok(mut s) = s.try_borrow_mut() {
                *s = bufs;
            }
        });
    }
}

/// The tag of a number's slot; below it, three bits of digit count (from bit 20) and
/// the value (below 2^20, as six digits are).
const NUMBER: u32 = 1 << 31;
const VALUE: u32 = (1 << 20) - 1;

/// The slot of a number token: its value and length, or 0 (no number to the patterns)
/// for more than six digits. Number tokens are ASCII digits (the normaliser folds the
/// other digits to them).
fn number_slot(digits: &[u8]) -> u32 {
    if digits.is_empty() || digits.len() > 6 || !digits.iter().all(u8::is_ascii_digit) {
        return 0;
    }
    let n = digits
        .iter()
        .fold(0u32, |n, &d| n * 10 + u32::from(d - b'0'));
    NUMBER | (digits.len() as u32) << 20 | n
}

/// قبل or في: words that start a pattern (since, within_recent) without a lexicon
/// entry. Compared as bytes (ق ب ل, ف ي): a string comparison called memcmp for every
/// word of the same length.
fn starts_unlisted(w: &[u8]) -> bool {
    matches!(
        w,
        [0xD9, 0x82, 0xD8, 0xA8, 0xD9, 0x84] | [0xD9, 0x81, 0xD9, 0x8A]
    )
}

fn is_month(c: Cat) -> bool {
    matches!(c, Cat::Month(_) | Cat::MonthGuarded(_) | Cat::Hijri(_))
}

fn month_of(c: Cat) -> Option<(u8, bool, bool)> {
    match c {
        Cat::Month(m) => Some((m, false, false)),
        Cat::MonthGuarded(m) => Some((m, true, false)),
        Cat::Hijri(m) => Some((m, false, true)),
        _ => None,
    }
}

/// Every date expression of the text, in order, with normalised token spans turned
/// into original byte spans.
pub fn recognize(
    norm: &Normalized,
    lex: &Lexicon,
    ranges: &[std::ops::Range<usize>],
) -> Vec<Found> {
    let sc = Scan::new(&norm.text, lex, norm.tokens());
    let mut out = Vec::new();
    // Every pattern starts at a number, a word the lexicon knows, or قبل / في
    // (since, within_recent): only those tokens are tried, in order.
    let mut next = 0;
    // The token span of the last expression kept: a later one may reach back over it
    // (a weekday joins the ordinal date after it: «يوم الجمعة الخامس من يونيو»), and
    // then the longer one replaces it.
    let mut last: Option<(usize, usize)> = None;
    for &s in &sc.starts {
        let i = s as usize;
        if i < next {
            continue;
        }
        let m = match_at(&sc, i).map(|m| day_range(&sc, m));
        let Some((a, b, sem, time)) = m else { continue };
        let (s, e) = norm.orig_span(sc.start(a), sc.toks[b - 1].end);
        if ranges.is_empty() || ranges.iter().any(|r| r.start <= s && e <= r.end) {
            if let Some((la, lb)) = last
                && a < lb
            {
                if a > la {
                    // Overlapping without covering it: the first one stands.
                    next = b.max(i + 1);
                    continue;
                }
                out.pop();
            }
            out.push(Found {
                start: s,
                end: e,
                sem,
                time,
            });
            last = Some((a, b));
        }
        next = b.max(i + 1);
    }
    out
}

type Match = (usize, usize, Sem, bool);

/// بين 14 و16 أبريل، من 3 إلى 5 مايو: a day number before a day-month date makes it a
/// span of days in that month.
fn day_range(sc: &Scan, m: Match) -> Match {
    let (a, b, sem, time) = m;
    let Sem::Cal {
        y,
        m: month,
        d: Some(d),
        dir,
    } = sem
    else {
        return (a, b, sem, time);
    };
    let joined = a >= 2
        && (matches!(sc.word(a - 1), Some("و" | "الي" | "حتي")) || sc.punct(a - 1) == Some('-'));
    let first = match a.checked_sub(2).and_then(|k| sc.number(k)) {
        Some((d0, _)) if joined && d0 >= 1 && d0 < u32::from(d) => d0 as u8,
        _ => {
            return (
                a,
                b,
                Sem::Cal {
                    y,
                    m: month,
                    d: Some(d),
                    dir,
                },
                time,
            );
        }
    };
    let lead = a.checked_sub(3).and_then(|k| sc.word(k));
    let start = if matches!(lead, Some("بين" | "من")) {
        a - 3
    } else {
        a - 2
    };
    (
        start,
        b,
        Sem::DayRange {
            y,
            m: month,
            from: first,
            to: d,
            dir,
        },
        time,
    )
}

fn match_at(sc: &Scan, i: usize) -> Option<Match> {
    // A start that is neither a number of up to six digits nor a word the lexicon knows
    // is قبل or في (see `starts_unlisted`): the only patterns that start at a bare word
    // are these two, every other one needs a number or a lexicon category there.
    if sc.slot.get(i) == Some(&0) {
        return since(sc, i).or_else(|| within_recent(sc, i));
    }
    numeric_date(sc, i)
        .or_else(|| month_date(sc, i))
        .or_else(|| weekday(sc, i))
        .or_else(|| since(sc, i))
        .or_else(|| within_recent(sc, i))
        .or_else(|| duration(sc, i))
        .or_else(|| anaphor(sc, i))
        .or_else(|| day_of_rel_month(sc, i))
        .or_else(|| rel_period(sc, i))
        .or_else(|| rel_day(sc, i))
        .or_else(|| year(sc, i))
        .or_else(|| refs(sc, i))
}

/// 22/5/2019, 22-05-2019, 2019-05-22, 2019/5/22.
fn numeric_date(sc: &Scan, i: usize) -> Option<Match> {
    let (a, _) = sc.number(i)?;
    let sep = sc.punct(i + 1).filter(|c| matches!(c, '/' | '-' | '.'))?;
    let (b, _) = sc.number(i + 2)?;
    if sc.punct(i + 3) != Some(sep) {
        return None;
    }
    let (c, _) = sc.number(i + 4)?;
    let (y, m, d) = if sc.year(i, 1900, 2100).is_some() {
        (a, b, c)
    } else if sc.year(i + 4, 1900, 2100).is_some() {
        (c, b, a)
    } else {
        return None;
    };
    let date = jiff::civil::Date::new(y as i16, m as i8, d as i8).ok()?;
    // 1.5.2019 inside a longer number (version strings, scores) is not a date.
    if sc.punct(i + 5).is_some_and(|p| p == sep) {
        return None;
    }
    Some((
        i,
        i + 5,
        Sem::Cal {
            y: YearSpec::Abs(date.year()),
            m: date.month() as u8,
            d: Some(date.day() as u8),
            dir: Dir::None,
        },
        false,
    ))
}

/// How many tokens before a date a word of what is to come still governs it.
const UPCOMING_TOKENS: usize = 10;

/// Whether a word of what is to come (`upcoming` in the lexicon) stands in the few tokens
/// before token `start`, in the same sentence.
fn upcoming_before(sc: &Scan, start: usize) -> bool {
    (start.saturating_sub(UPCOMING_TOKENS)..start)
        .rev()
        .take_while(|&k| !matches!(sc.punct(k), Some('.' | '!' | '?' | '؟' | ':' | '\n')))
        .any(|k| sc.has(k, |c| c == Cat::Upcoming))
}

/// Day? Month (/Month | (Month))? (Year | من العام …)? (الماضي|المقبل)?, Gregorian or Hijri.
/// A Hijri month without a year is settled later, against the article's date.
fn month_date(sc: &Scan, i: usize) -> Option<Match> {
    // The expression may start at a day number or an ordinal before the month.
    let (start, day, mi) = if let Some((d, _)) = sc.number(i).filter(|(d, _)| (1..=31).contains(d))
    {
        if sc.has(i + 1, is_month) {
            (i, Some(d as u8), i + 1)
        } else {
            return None;
        }
    } else if let Some(Cat::Ordinal(d)) = sc.cat(i, |c| matches!(c, Cat::Ordinal(_))) {
        let mut j = i + sc.span(i);
        if sc.word(j) == Some("من") {
            j += 1;
        }
        if sc.has(j, is_month) {
            (i, Some(d), j)
        } else {
            return None;
        }
    } else if sc.has(i, is_month) {
        (i, None, i)
    } else {
        return None;
    };
    let (m, guarded, hijri) = month_of(sc.cat(mi, is_month)?)?;
    let mut j = mi + sc.span(mi);
    let mut paired = false;
    // نيسان/أبريل، أبريل (نيسان)
    if matches!(sc.punct(j), Some('/' | '(' | '-'))
        && sc.has(j + 1, |c| matches!(c, Cat::Month(_) | Cat::MonthGuarded(_)))
    {
        let k = j + 1 + sc.span(j + 1);
        paired = true;
        j = if sc.punct(k) == Some(')') { k + 1 } else { k };
    }
    let mut y = YearSpec::None;
    let mut dir = Dir::None;
    let (ylo, yhi) = if hijri { (1300, 1600) } else { (1900, 2100) };
    if let Some(yr) = sc.year(j, ylo, yhi) {
        y = YearSpec::Abs(yr);
        j += 1;
    } else if sc.word(j) == Some("من")
        && sc.has(j + 1, |c| {
            matches!(c, Cat::YearCue | Cat::Period(Unit::Year))
        })
    {
        if let Some(yr) = sc.year(j + 2, ylo, yhi) {
            y = YearSpec::Abs(yr);
            j += 3;
        } else if let Some(c) = sc.cat(j + 2, |c| {
            matches!(c, Cat::Past | Cat::Future | Cat::Current)
        }) {
            y = YearSpec::Rel(match c {
                Cat::Past => -1,
                Cat::Future => 1,
                _ => 0,
            });
            j += 3;
        }
    }
    if matches!(y, YearSpec::None)
        && let Some(c) = sc.cat(j, |c| matches!(c, Cat::Past | Cat::Future | Cat::Current))
    {
        dir = match c {
            Cat::Past => Dir::Past,
            Cat::Future => Dir::Future,
            _ => Dir::Current,
        };
        j += 1;
    }
    // Era marks: 2019م، 1440 هـ.
    if !matches!(y, YearSpec::None) && sc.has(j, |c| matches!(c, Cat::EraHijri | Cat::EraGreg)) {
        j += sc.span(j);
    }
    let month_word_before = start > 0 && sc.has(start - 1, |c| c == Cat::MonthWord);
    let licensed = day.is_some()
        || !matches!(y, YearSpec::None)
        || paired
        || month_word_before
        || dir != Dir::None;
    if guarded && !licensed {
        return None;
    }
    let dir_named = dir != Dir::None;
    // "من المقرر أن تجرى الانتخابات في ديسمبر": no year and no direction word, but the
    // sentence speaks of what is to come.
    if matches!(y, YearSpec::None) && dir == Dir::None && upcoming_before(sc, start) {
        dir = Dir::Upcoming;
    }
    let start = if month_word_before && day.is_none() {
        start - 1
    } else {
        start
    };
    if hijri {
        // "رمضان الماضي", "في رمضان": a Hijri month without its year is settled against
        // the article's date when that is known.
        let YearSpec::Abs(hy) = y else {
            // Hijri month names are also given names (رجب طيب أردوغان، رمضان): without a
            // year, one counts only with a day, "شهر" before it, or الماضي/المقبل after.
            let named_as_month = day.is_some() || month_word_before || dir_named;
            if !matches!(y, YearSpec::None) || !named_as_month {
                return None;
            }
            return Some((start, j, Sem::HijriMonth { m, d: day, dir }, false));
        };
        let hd = day.unwrap_or(1);
        let cal = Hijri::new_umm_al_qura();
        let h = IcuDate::try_new_hijri_with_calendar(hy as i32, m, hd, cal).ok()?;
        let iso = h.to_calendar(icu_calendar::Iso);
        let g = jiff::civil::Date::new(
            iso.year().extended_year() as i16,
            iso.month().ordinal as i8,
            iso.day_of_month().0 as i8,
        )
        .ok()?;
        let sem = match day {
            Some(_) => Sem::Cal {
                y: YearSpec::Abs(g.year()),
                m: g.month() as u8,
                d: Some(g.day() as u8),
                dir: Dir::None,
            },
            // A Hijri month spans two Gregorian months: give its first and last day.
            None => {
                let len = h.days_in_month() as i64;
                let end = g.checked_add(jiff::Span::new().days(len - 1)).ok()?;
                Sem::Range(g, end)
            }
        };
        return Some((start, j, sem, false));
    }
    // A weekday right before the date belongs to it: الخميس 4 أبريل.
    let start = extend_weekday_back(sc, start);
    Some((start, j, Sem::Cal { y, m, d: day, dir }, false))
}

fn extend_weekday_back(sc: &Scan, start: usize) -> usize {
    let mut s = start;
    if s > 0 && sc.has(s - 1, |c| matches!(c, Cat::Weekday(_))) {
        s -= 1;
        if s > 0 && sc.has(s - 1, |c| matches!(c, Cat::DayFrame | Cat::PartOfDay)) {
            s -= 1;
        }
    }
    s
}

/// Does a day-month date start at `i` (so a weekday before it is part of it)?
fn date_follows(sc: &Scan, i: usize) -> bool {
    sc.punct(i) == Some(',') && date_follows(sc, i + 1)
        || sc.number(i).is_some_and(|(d, _)| (1..=31).contains(&d))
            && (sc.has(i + 1, is_month) || sc.punct(i + 1) == Some('/'))
}

/// (يوم|صباح|مساء)? (أمس|اليوم)? الخميس (الماضي|المقبل)?
fn weekday(sc: &Scan, i: usize) -> Option<Match> {
    let mut start = i;
    let mut time = false;
    let mut shift = None;
    if let Some(Cat::RelDay(n)) = sc.cat(i, |c| matches!(c, Cat::RelDay(_)))
        && sc.span(i) == 1
        && sc.has(i + 1, |c| matches!(c, Cat::Weekday(_)))
    {
        shift = Some(n as i32);
        return weekday_core(sc, start, i + 1, shift, time);
    }
    if sc.has(i, |c| matches!(c, Cat::DayFrame | Cat::PartOfDay)) {
        time = sc.has(i, |c| c == Cat::PartOfDay);
        let mut j = i + sc.span(i);
        if let Some(Cat::RelDay(n)) = sc.cat(j, |c| matches!(c, Cat::RelDay(_))) {
            if sc.has(j + 1, |c| matches!(c, Cat::Weekday(_))) {
                shift = Some(n as i32);
                j += 1;
            } else {
                return None;
            }
        }
        if !sc.has(j, |c| matches!(c, Cat::Weekday(_))) {
            return None;
        }
        return weekday_core(sc, start, j, shift, time);
    }
    if sc.has(i, |c| matches!(c, Cat::Weekday(_))) {
        start = i;
        return weekday_core(sc, start, i, shift, time);
    }
    None
}

fn weekday_core(
    sc: &Scan,
    start: usize,
    wi: usize,
    shift: Option<i32>,
    time: bool,
) -> Option<Match> {
    let Some(Cat::Weekday(wd)) = sc.cat(wi, |c| matches!(c, Cat::Weekday(_))) else {
        return None;
    };
    if start > 0 && sc.has(start - 1, |c| c == Cat::WeekdayBlocker) {
        return None;
    }
    if sc.word(wi + 1) == Some("معا") {
        return None;
    }
    let mut j = wi + 1;
    // الخميس 4 أبريل: the date pattern takes the weekday with it.
    if date_follows(sc, j) {
        return None;
    }
    let mut dir = Dir::None;
    if let Some(c) = sc.cat(j, |c| matches!(c, Cat::Past | Cat::Future)) {
        dir = if c == Cat::Past {
            Dir::Past
        } else {
            Dir::Future
        };
        j += 1;
    }
    // "ومن المنتظر أن يعقد مجلس الأمن جلسة مساء الاثنين": the coming Monday.
    if dir == Dir::None && shift.is_none() && upcoming_before(sc, start) {
        dir = Dir::Upcoming;
    }
    Some((start, j, Sem::Weekday { wd, dir, shift }, time))
}

/// A count before a unit: digits, a number word, a vague word, or none (one).
fn count(sc: &Scan, i: usize) -> Option<(Option<u32>, usize)> {
    if let Some((n, _)) = sc.number(i) {
        return Some((Some(n), 1));
    }
    if let Some(Cat::NumberWord(n)) = sc.cat(i, |c| matches!(c, Cat::NumberWord(_))) {
        return Some((Some(n as u32), sc.span(i)));
    }
    if sc.has(i, |c| c == Cat::Vague) {
        return Some((None, 1));
    }
    None
}

/// A unit after an optional count: (n, unit, tokens). `None` count = vague.
fn quantity(sc: &Scan, i: usize) -> Option<(Option<u32>, Unit, usize)> {
    if let Some(Cat::DualUnit(u)) = sc.cat(i, |c| matches!(c, Cat::DualUnit(_))) {
        return Some((Some(2), u, 1));
    }
    if let Some((n, k)) = count(sc, i)
        && let Some(Cat::Unit(u)) = sc.cat(i + k, |c| matches!(c, Cat::Unit(_)))
    {
        return Some((n, u, k + 1));
    }
    if let Some(Cat::Unit(u)) = sc.cat(i, |c| matches!(c, Cat::Unit(_))) {
        // A bare singular unit is one of it (منذ عام); a bare plural is vague (منذ سنوات).
        let w = sc.word(i).unwrap_or("");
        let singular = matches!(w, "يوم" | "ساعه" | "اسبوع" | "شهر" | "عام" | "سنه" | "عقد");
        return Some((if singular { Some(1) } else { None }, u, 1));
    }
    None
}

/// منذ (أكثر من)? ثلاثة أيام — a point (or a bound) back from the article's date.
fn since(sc: &Scan, i: usize) -> Option<Match> {
    // قبل ثلاثة أيام is also "three days ago"; قبل أسبوعين من الزيارة is not about the
    // article's date (left to duration()).
    let ago = sc.word(i) == Some("قبل");
    if !sc.has(i, |c| c == Cat::Since) && !ago {
        return None;
    }
    let mut j = i + 1;
    let mut bound = 0i8;
    if sc.has(j, |c| c == Cat::MoreThan) {
        bound = 1;
        j += sc.span(j);
    } else if sc.has(j, |c| c == Cat::LessThan) {
        bound = -1;
        j += sc.span(j);
    }
    // منذ عام 2011 is a year, منذ الخميس a weekday: leave those to their patterns.
    if sc.year(j + 1, 1900, 2100).is_some() || sc.year(j, 1900, 2100).is_some() {
        return None;
    }
    let (n, unit, k) = quantity(sc, j)?;
    if ago && (n.is_none() || sc.word(j + k) == Some("من")) {
        return None;
    }
    Some((i, j + k, Sem::Ago { n, unit, bound }, false))
}

/// خلال الساعات الماضية، في الأيام الأخيرة، خلال الأيام الثلاثة الأخيرة، خلال الأسبوعين
/// الماضيين — a span ending at the article's date; خلال الأيام المقبلة — the near future.
fn within_recent(sc: &Scan, i: usize) -> Option<Match> {
    let lead = sc.has(i, |c| c == Cat::Within) || sc.word(i) == Some("في");
    if !lead {
        return None;
    }
    let j = i + sc.span(i);
    let w = sc.word(j)?;
    let bare = w.strip_prefix("ال")?;
    let (unit, mut n) = match unit_word(sc, bare) {
        Some(u) => (u, None),
        None => match sc.lexicon_cat(bare) {
            Some(Cat::DualUnit(u)) => (u, Some(2)),
            _ => return None,
        },
    };
    let mut k = j + 1;
    // الأيام الثلاثة: the count follows the noun, with the article.
    if n.is_none()
        && let Some(Cat::NumberWord(x)) = sc
            .word(k)
            .and_then(|w| w.strip_prefix("ال"))
            .and_then(|w| sc.lexicon_cat(w))
    {
        n = Some(x as u32);
        k += 1;
    }
    // في الأيام التالية follows the story's last date, not the article's: no future there.
    if sc.has(k, |c| c == Cat::Future) && !sc.word(k).is_some_and(|w| w.starts_with("التالي"))
    {
        return Some((i, k + 1, Sem::Ref("FUTURE_REF"), false));
    }
    if !sc.has(k, |c| c == Cat::Recent || c == Cat::Past) {
        return None;
    }
    Some((i, k + 1, Sem::Recent { unit, n }, false))
}

fn unit_word(_sc: &Scan, w: &str) -> Option<Unit> {
    Some(match w {
        "ساعات" => Unit::Hour,
        "ايام" => Unit::Day,
        "اسابيع" => Unit::Week,
        "اشهر" | "شهور" => Unit::Month,
        "سنوات" | "اعوام" | "سنين" => Unit::Year,
        _ => return None,
    })
}

/// بعد أسبوعين، لمدة ثلاثة أيام، دام عدة أيام، عدة أسابيع.
fn duration(sc: &Scan, i: usize) -> Option<Match> {
    if sc.has(i, |c| c == Cat::DurationLead) {
        let j = i + sc.span(i);
        if sc.year(j, 1900, 2100).is_some() {
            return None;
        }
        let (n, unit, k) = quantity(sc, j)?;
        // بعد غد is a relative day, بعد عام 2011 a year: quantity() rejects both.
        return Some((i, j + k, Sem::Duration { n, unit }, false));
    }
    if sc.has(i, |c| c == Cat::Vague)
        && let Some(Cat::Unit(unit)) = sc.cat(i + 1, |c| matches!(c, Cat::Unit(_)))
    {
        return Some((i, i + 2, Sem::Duration { n: None, unit }, false));
    }
    // قرابة سبعة أشهر، أقل من أسبوعين، ثلاثة أشهر، يومين: a stated length of time. A bare
    // plural without a count (أيام) says too little to be one.
    let j = if sc.has(i, |c| c == Cat::MoreThan || c == Cat::LessThan) {
        i + sc.span(i)
    } else {
        i
    };
    if sc.year(j, 1900, 2100).is_some() {
        return None;
    }
    match quantity(sc, j)? {
        (Some(n), unit, k) if k > 1 || sc.has(j, |c| matches!(c, Cat::DualUnit(_))) => {
            Some((i, j + k, Sem::Duration { n: Some(n), unit }, false))
        }
        _ => None,
    }
}

/// اليوم نفسه، في اليوم ذاته، نفس اليوم، الشهر ذاته.
fn anaphor(sc: &Scan, i: usize) -> Option<Match> {
    let start = i;
    let i = if sc.has(i, |c| c == Cat::PartOfDay) {
        i + sc.span(i)
    } else {
        i
    };
    let (ni, lead) = if sc.has(i, |c| c == Cat::AnaphorLead) {
        (i + 1, true)
    } else {
        (i, false)
    };
    let unit = match sc.cat(ni, |c| matches!(c, Cat::AnaphorNoun(_)))? {
        Cat::AnaphorNoun(u) => u,
        _ => return None,
    };
    if lead {
        return Some((start, ni + 1, Sem::Anaphor { unit }, false));
    }
    if sc.has(ni + 1, |c| c == Cat::AnaphorSelf) {
        return Some((start, ni + 2, Sem::Anaphor { unit }, false));
    }
    None
}

/// A day of a month named relative to the article's: "الثالث والعشرين من الشهر الجاري",
/// "23 من الشهر الماضي". A bare number needs its "من", an ordinal may stand without it.
fn day_of_rel_month(sc: &Scan, i: usize) -> Option<Match> {
    let (d, mut j) = if let Some(Cat::Ordinal(d)) = sc.cat(i, |c| matches!(c, Cat::Ordinal(_))) {
        (d, i + sc.span(i))
    } else {
        let (d, _) = sc.number(i).filter(|(d, _)| (1..=31).contains(d))?;
        if sc.word(i + 1) != Some("من") {
            return None;
        }
        (d as u8, i + 1)
    };
    if sc.word(j) == Some("من") {
        j += 1;
    }
    let (_, end, sem, _) = rel_period(sc, j)?;
    let Sem::RelPeriod {
        unit: Unit::Month,
        n,
    } = sem
    else {
        return None;
    };
    Some((i, end, Sem::RelMonthDay { n, d }, false))
}

/// هذا الأسبوع، الشهر الماضي، العام المقبل، العام الجاري.
fn rel_period(sc: &Scan, i: usize) -> Option<Match> {
    let (pi, this) = if sc.has(i, |c| c == Cat::This) {
        (i + 1, true)
    } else {
        (i, false)
    };
    let Some(Cat::Period(unit)) = sc.cat(pi, |c| matches!(c, Cat::Period(_))) else {
        return None;
    };
    if this {
        return Some((i, pi + 1, Sem::RelPeriod { unit, n: 0 }, false));
    }
    let n = match sc.cat(pi + 1, |c| {
        matches!(c, Cat::Past | Cat::Future | Cat::Current)
    })? {
        Cat::Past => -1,
        Cat::Future => 1,
        _ => 0,
    };
    Some((i, pi + 2, Sem::RelPeriod { unit, n }, false))
}

/// اليوم، أمس، أول من أمس، غدا — with a part of day before it (صباح اليوم).
fn rel_day(sc: &Scan, i: usize) -> Option<Match> {
    let (ri, time) = if sc.has(i, |c| c == Cat::PartOfDay)
        && sc.has(i + sc.span(i), |c| matches!(c, Cat::RelDay(_)))
    {
        (i + sc.span(i), true)
    } else {
        (i, false)
    };
    let Some(Cat::RelDay(n)) = sc.cat(ri, |c| matches!(c, Cat::RelDay(_))) else {
        return None;
    };
    if sc.has(ri + 1, |c| c == Cat::AnaphorSelf) {
        return None;
    }
    Some((i, ri + sc.span(ri), Sem::RelDay(n as i32), time))
}

/// عام 2014، منذ 2011، 2019م — never a count (2467 جريحا) or a bare number in a sentence.
fn year(sc: &Scan, i: usize) -> Option<Match> {
    let yi = i;
    let y = sc.year(yi, 1900, 2100)?;
    if sc.has(yi + 1, |c| c == Cat::CountNoun) {
        return None;
    }
    let is_cue = |k: usize| {
        sc.has(k, |c| {
            c == Cat::YearCue || c == Cat::Since || matches!(c, Cat::Period(Unit::Year))
        })
    };
    let cue_before = yi > 0 && is_cue(yi - 1);
    let era_after = sc.has(yi + 1, |c| c == Cat::EraGreg);
    // A number that ends its clause ("(2011)", "في 2019،") or a pair (2014 و2016).
    let ends = sc.toks.get(yi + 1).is_none_or(|t| t.kind == TokKind::Punct)
        || sc.word(yi + 1) == Some("و") && sc.year(yi + 2, 1900, 2100).is_some();
    if !(cue_before || era_after || ends) {
        return None;
    }
    // Keep the year word and منذ in the span (منذ عام 2011), not a preposition.
    let mut start = yi;
    let year_word = |k: usize| {
        sc.has(k, |c| {
            c == Cat::Since || matches!(c, Cat::Period(Unit::Year) | Cat::Unit(Unit::Year))
        })
    };
    if start > 0 && year_word(start - 1) {
        start -= 1;
        if start > 0 && sc.has(start - 1, |c| c == Cat::Since) {
            start -= 1;
        }
    }
    let end = if era_after { yi + 2 } else { yi + 1 };
    Some((start, end, Sem::Year(y), false))
}

fn refs(sc: &Scan, i: usize) -> Option<Match> {
    let c = sc.cat(i, |c| {
        matches!(c, Cat::Present | Cat::PastRef | Cat::FutureRef)
    })?;
    let sem = match c {
        Cat::Present => Sem::Ref("PRESENT_REF"),
        Cat::PastRef => Sem::Ref("PAST_REF"),
        _ => Sem::Ref("FUTURE_REF"),
    };
    Some((i, i + sc.span(i), sem, false))
}

/// Does the normalised text at token range say something is still to come (planned,
/// negated)? Used by DCT inference next to a known event's cue.
pub fn planned_words(norm: &str, lex: &Lexicon) -> Vec<(usize, usize)> {
    let toks = crate::normalize::tokenize(norm);
    let sc = Scan::new(norm, lex, &toks);
    (0..sc.len())
        .filter(|&i| sc.has(i, |c| c == Cat::Planned))
        .map(|i| (sc.start(i), sc.toks[i + sc.span(i) - 1].end))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_slots_hold_what_parsing_gives() {
        for s in ["0", "7", "31", "2019", "000123", "999999", "1234567", ""] {
            let k = number_slot(s.as_bytes());
            let want = (s.len() <= 6).then(|| s.parse::<u32>().ok()).flatten();
            let got = (k & NUMBER != 0).then_some(k & VALUE);
            assert_eq!(got, want, "{s:?}");
            if got.is_some() {
                assert_eq!((k >> 20 & 7) as usize, s.len());
            }
        }
    }

    #[test]
    fn the_unlisted_pattern_starts_are_qabl_and_fi() {
        assert!(starts_unlisted("قبل".as_bytes()));
        assert!(starts_unlisted("في".as_bytes()));
        for w in ["قبلي", "فيه", "بل", "ف", "", "قتل"] {
            assert!(!starts_unlisted(w.as_bytes()), "{w}");
        }
    }
}
