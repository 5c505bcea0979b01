//! The date grammar's vocabulary, loaded from the pack's `temporal.toml`: every word
//! normalised once, multi-word phrases indexed by their first word for a single lookup.

use std::collections::HashMap;

use rustc_hash::FxHashMap;
use serde::Deserialize;

use crate::normalize::normalize;

/// A word class of the grammar, with its value where it has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cat {
    Month(u8),
    MonthGuarded(u8),
    Hijri(u8),
    EraHijri,
    EraGreg,
    Weekday(u8),
    DayFrame,
    PartOfDay,
    WeekdayBlocker,
    Past,
    Future,
    Current,
    This,
    RelDay(i8),
    Unit(Unit),
    DualUnit(Unit),
    Period(Unit),
    NumberWord(u16),
    Ordinal(u8),
    YearCue,
    CountNoun,
    Since,
    MoreThan,
    LessThan,
    Vague,
    Recent,
    Within,
    DurationLead,
    AnaphorSelf,
    AnaphorLead,
    AnaphorNoun(Unit),
    Present,
    PastRef,
    FutureRef,
    MonthWord,
    Planned,
    Dateline,
}

/// Calendar units of durations and relative periods.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Unit {
    Hour,
    Day,
    Week,
    Month,
    Year,
    Decade,
}

impl Unit {
    fn parse(s: &str) -> Result<Unit, String> {
        Ok(match s {
            "h" => Unit::Hour,
            "d" => Unit::Day,
            "w" => Unit::Week,
            "m" => Unit::Month,
            "y" => Unit::Year,
            "10y" => Unit::Decade,
            _ => return Err(format!("unknown unit {s:?}")),
        })
    }
}

/// A phrase: the words after the first one, and the classes the whole phrase has.
#[derive(Debug, Clone)]
pub struct Phrase {
    pub rest: Vec<String>,
    pub cats: Vec<Cat>,
}

#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// First word (normalised) → phrases starting with it, longest first. Looked up for
    /// every word of every article (up to four times with its proclitics): FxHash, as
    /// SipHash was a tenth of the date stage; the keys are the pack's own words.
    pub index: FxHashMap<String, Vec<Phrase>>,
    /// Normalised phrases that put what follows in the future or deny it (DCT inference).
    pub planned: Vec<String>,
    /// Normalised words that introduce the article's own date in a header.
    pub dateline: Vec<String>,
    /// The endings of the first words, so most words of an article (which are in no
    /// date expression) are ruled out without a lookup per proclitic variant.
    endings: Endings,
}

/// A bit per hashed (last bytes, length) of the index's first words. A word and
/// every variant the recognizer looks up with its proclitics removed share their last
/// bytes, and each Arabic proclitic is two bytes long (the لل → ال variant aside, which
/// is never filtered).
#[derive(Debug, Clone, Default)]
struct Endings {
    /// Empty until built: then every word may be in the index.
    bits: Vec<u64>,
    /// First words shorter than four bytes but of two characters or more (a variant
    /// with its proclitics removed has two characters at least).
    short: Vec<String>,
}

/// The bit of a word of `len` bytes ending like `w`: its last six bytes (three Arabic
/// letters), or four when it is shorter than six.
fn ending_bit(w: &[u8], len: usize) -> Option<usize> {
    if len < 4 {
        return None;
    }
    let n = if len >= 6 { 6 } else { 4 };
    let last = w.get(w.len().checked_sub(n)?..)?;
    let mut key = (len as u64) << 48;
    for (k, &x) in last.iter().enumerate() {
        key |= u64::from(x) << (8 * k);
    }
    // The high bits of a 64-bit product depend on every input bit.
    Some((key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 48) as usize)
}

impl Endings {
    fn build<'a>(words: impl Iterator<Item = &'a String>) -> Self {
        let mut e = Endings {
            bits: vec![0; 1 << 10],
            short: Vec::new(),
        };
        for w in words {
            match ending_bit(w.as_bytes(), w.len()) {
                Some(h) => e.bits[h / 64] |= 1 << (h % 64),
                None if w.chars().count() >= 2 => e.short.push(w.clone()),
                None => {}
            }
        }
        e
    }

    fn has(&self, w: &[u8], len: usize) -> bool {
        ending_bit(w, len).is_some_and(|h| self.bits[h / 64] & (1 << (h % 64)) != 0)
    }
}

impl Lexicon {
    /// Whether `w`, or `w` without its proclitics, may be a first word of the index:
    /// false only when none of them is.
    pub fn may_start_phrase(&self, w: &str) -> bool {
        let e = &self.endings;
        let b = w.as_bytes();
        if e.bits.is_empty() || b.len() < 4 || e.has(b, b.len()) {
            return true;
        }
        // Without its proclitics (و ف, then ب ل ك; two bytes each), compared as UTF-8.
        let (c0, c1) = (b.get(..2), b.get(2..4));
        const WAW: &[u8] = "و".as_bytes();
        const FA: &[u8] = "ف".as_bytes();
        const LAM: &[u8] = "ل".as_bytes();
        let outer = |c: Option<&[u8]>| matches!(c, Some(WAW | FA));
        let inner = |c: Option<&[u8]>| {
            c == Some("ب".as_bytes()) || c == Some(LAM) || c == Some("ك".as_bytes())
        };
        // لل → ال is looked up with other letters than the word's: never ruled out.
        let base = if c0 == Some(WAW) { &b[2..] } else { b };
        if base.starts_with("لل".as_bytes()) {
            return true;
        }
        (outer(c0) || inner(c0)) && b.len() >= 6 && e.has(b, b.len() - 2)
            || outer(c0) && inner(c1) && b.len() >= 8 && e.has(b, b.len() - 4)
            || e.short.iter().any(|k| w.ends_with(k.as_str()))
    }
}

#[derive(Deserialize)]
struct File {
    months: HashMap<String, u8>,
    months_guarded: HashMap<String, u8>,
    hijri_months: HashMap<String, u8>,
    era: Era,
    weekdays: HashMap<String, u8>,
    frames: Frames,
    direction: Direction,
    relative_days: HashMap<String, i8>,
    units: HashMap<String, String>,
    dual_units: HashMap<String, String>,
    periods: HashMap<String, String>,
    numbers: HashMap<String, u16>,
    ordinals: HashMap<String, u8>,
    words: Words,
}

#[derive(Deserialize)]
struct Era {
    hijri: Vec<String>,
    gregorian: Vec<String>,
}

#[derive(Deserialize)]
struct Frames {
    day: Vec<String>,
    part_of_day: Vec<String>,
    weekday_blockers: Vec<String>,
}

#[derive(Deserialize)]
struct Direction {
    past: Vec<String>,
    future: Vec<String>,
    current: Vec<String>,
    this: Vec<String>,
}

#[derive(Deserialize)]
struct Words {
    year_cues: Vec<String>,
    count_nouns: Vec<String>,
    since: Vec<String>,
    more_than: Vec<String>,
    less_than: Vec<String>,
    vague: Vec<String>,
    recent: Vec<String>,
    within: Vec<String>,
    duration_lead: Vec<String>,
    anaphor_self: Vec<String>,
    anaphor_lead: Vec<String>,
    anaphor_nouns: Vec<String>,
    present: Vec<String>,
    present_phrases: Vec<String>,
    past_ref: Vec<String>,
    future_ref: Vec<String>,
    month_word: Vec<String>,
    planned: Vec<String>,
    dateline: Vec<String>,
}

impl Lexicon {
    pub fn parse(text: &str) -> Result<Lexicon, String> {
        let f: File = toml::from_str(text).map_err(|e| e.to_string())?;
        let mut lx = Lexicon::default();
        let mut add = |phrase: &str, cat: Cat| lx.add(phrase, cat);
        for (w, m) in &f.months {
            check_month(*m)?;
            add(w, Cat::Month(*m));
        }
        for (w, m) in &f.months_guarded {
            check_month(*m)?;
            add(w, Cat::MonthGuarded(*m));
        }
        for (w, m) in &f.hijri_months {
            check_month(*m)?;
            add(w, Cat::Hijri(*m));
        }
        f.era.hijri.iter().for_each(|w| add(w, Cat::EraHijri));
        f.era.gregorian.iter().for_each(|w| add(w, Cat::EraGreg));
        for (w, d) in &f.weekdays {
            if !(1..=7).contains(d) {
                return Err(format!("weekday {w}: {d} is not 1..=7"));
            }
            add(w, Cat::Weekday(*d));
        }
        f.frames.day.iter().for_each(|w| add(w, Cat::DayFrame));
        f.frames
            .part_of_day
            .iter()
            .for_each(|w| add(w, Cat::PartOfDay));
        f.frames
            .weekday_blockers
            .iter()
            .for_each(|w| add(w, Cat::WeekdayBlocker));
        f.direction.past.iter().for_each(|w| add(w, Cat::Past));
        f.direction.future.iter().for_each(|w| add(w, Cat::Future));
        f.direction
            .current
            .iter()
            .for_each(|w| add(w, Cat::Current));
        f.direction.this.iter().for_each(|w| add(w, Cat::This));
        for (w, n) in &f.relative_days {
            add(w, Cat::RelDay(*n));
        }
        for (w, u) in &f.units {
            add(w, Cat::Unit(Unit::parse(u)?));
        }
        for (w, u) in &f.dual_units {
            add(w, Cat::DualUnit(Unit::parse(u)?));
        }
        for (w, u) in &f.periods {
            let u = Unit::parse(u)?;
            add(w, Cat::Period(u));
            add(w, Cat::AnaphorNoun(u));
        }
        for (w, n) in &f.numbers {
            add(w, Cat::NumberWord(*n));
        }
        for (w, n) in &f.ordinals {
            add(w, Cat::Ordinal(*n));
        }
        let w = &f.words;
        w.year_cues.iter().for_each(|x| add(x, Cat::YearCue));
        w.count_nouns.iter().for_each(|x| add(x, Cat::CountNoun));
        w.since.iter().for_each(|x| add(x, Cat::Since));
        w.more_than.iter().for_each(|x| add(x, Cat::MoreThan));
        w.less_than.iter().for_each(|x| add(x, Cat::LessThan));
        w.vague.iter().for_each(|x| add(x, Cat::Vague));
        w.recent.iter().for_each(|x| add(x, Cat::Recent));
        w.within.iter().for_each(|x| add(x, Cat::Within));
        w.duration_lead
            .iter()
            .for_each(|x| add(x, Cat::DurationLead));
        w.anaphor_self.iter().for_each(|x| add(x, Cat::AnaphorSelf));
        w.anaphor_lead.iter().for_each(|x| add(x, Cat::AnaphorLead));
        // اليوم، الليلة: day nouns; the period words carry their own unit (above).
        w.anaphor_nouns
            .iter()
            .for_each(|x| add(x, Cat::AnaphorNoun(Unit::Day)));
        w.present.iter().for_each(|x| add(x, Cat::Present));
        w.present_phrases.iter().for_each(|x| add(x, Cat::Present));
        w.past_ref.iter().for_each(|x| add(x, Cat::PastRef));
        w.future_ref.iter().for_each(|x| add(x, Cat::FutureRef));
        w.month_word.iter().for_each(|x| add(x, Cat::MonthWord));
        w.planned.iter().for_each(|x| add(x, Cat::Planned));
        w.dateline.iter().for_each(|x| add(x, Cat::Dateline));
        lx.planned = w.planned.iter().map(|x| normalize(x)).collect();
        lx.dateline = w.dateline.iter().map(|x| normalize(x)).collect();
        for v in lx.index.values_mut() {
            v.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
        }
        lx.endings = Endings::build(lx.index.keys());
        Ok(lx)
    }

    fn add(&mut self, phrase: &str, cat: Cat) {
        let norm = normalize(phrase);
        let mut words = norm.split_whitespace().map(String::from);
        let Some(first) = words.next() else { return };
        let rest: Vec<String> = words.collect();
        let list = self.index.entry(first).or_default();
        match list.iter_mut().find(|p| p.rest == rest) {
            Some(p) => {
                if !p.cats.contains(&cat) {
                    p.cats.push(cat);
                }
            }
            None => list.push(Phrase {
                rest,
                cats: vec![cat],
            }),
        }
    }
}

fn check_month(m: u8) -> Result<(), String> {
    if (1..=12).contains(&m) {
        Ok(())
    } else {
        Err(format!("month {m} is not 1..=12"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ending_filter_never_rules_out_a_lexicon_word_or_its_clitic_forms() {
        let pack = crate::Pack::builtin().expect("built-in pack");
        let lex = &pack.temporal;
        assert!(!lex.index.is_empty());
        for k in lex.index.keys() {
            for pre in ["", "و", "ف", "ب", "ل", "ك", "وب", "فل", "وك"] {
                // The recognizer strips a proclitic only before two letters or more.
                if !pre.is_empty() && k.chars().count() < 2 {
                    continue;
                }
                let w = format!("{pre}{k}");
                assert!(lex.may_start_phrase(&w), "{w}");
            }
        }
        // Words of no date expression are mostly ruled out.
        let words = [
            "المتحدث",
            "الحكومة",
            "القوات",
            "المدينة",
            "بيان",
            "وزارة",
            "الدفاع",
        ];
        let passed = words.iter().filter(|w| lex.may_start_phrase(w)).count();
        assert!(passed < words.len(), "{passed} of {} passed", words.len());
    }

    #[test]
    fn an_empty_lexicon_rules_nothing_out() {
        assert!(Lexicon::default().may_start_phrase("الحكومة"));
    }
}
