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
    /// A word of what is to come (من المقرر، سيعقد، يعتزم): a month or day without a year
    /// later in its sentence is the next one.
    Upcoming,
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
    /// Normalised words that name a thing by a day of the year ("ثورة 17 فبراير"): a day
    /// and month with no year right after one is that name, not a date.
    pub name_heads: Vec<String>,
    /// `planned` as DCT inference tests it before every date: a bit per length of its
    /// entries (63: that long or longer), so most words are compared with nothing, and
    /// a searcher made once per entry of several words.
    planned_lens: u64,
    /// A bit per last byte of the `planned` entries: with the lengths, most words of the
    /// same length as some entry (Arabic words of two to eight letters) are still ruled
    /// out without a comparison.
    planned_ends: [u64; 4],
    planned_phrases: Vec<memchr::memmem::Finder<'static>>,
    /// Every form of a first word as an article may write it (with the proclitics the
    /// recognizer takes off), and what its lookup tries: one hash lookup per word
    /// instead of one per proclitic variant.
    /// Keyed by bytes, so the recognizer looks a token up without checking that its
    /// ends are character boundaries (they are: tokens are made on them).
    forms: FxHashMap<Box<[u8]>, Forms>,
    /// The phrase lists of the index, for [`Forms::lists`].
    lists: Vec<Vec<Phrase>>,
    /// A bit per hashed ending of the forms of four bytes or more: most words of an
    /// article, which are in no date expression, are ruled out without a lookup.
    endings: Vec<u64>,
}

/// What the recognizer looks up for one written form of a word.
#[derive(Debug, Clone, Default)]
pub struct Forms {
    /// Indices into the lexicon's phrase lists, in the order they are tried: the word
    /// itself, then without its proclitics (و ف, then ب ل ك), then لل read as ل + ال.
    pub lists: Vec<u32>,
    /// A conjunction (و، ف) glued on, which the expression's span leaves out: the form
    /// starts with one and is not itself a first word.
    pub cut: bool,
}

/// Arabic proclitics that may stick to a date word: و، ف then ب، ل، ك.
pub(crate) fn clitic_variants(w: &str) -> impl Iterator<Item = &str> {
    let mut out: [Option<&str>; 3] = [Some(w), None, None];
    let mut rest = w;
    let mut n = 1;
    if let Some(r) = rest.strip_prefix('و').or_else(|| rest.strip_prefix('ف'))
        && r.chars().count() >= 2
    {
        out[n] = Some(r);
        n += 1;
        rest = r;
    }
    if let Some(r) = rest
        .strip_prefix('ب')
        .or_else(|| rest.strip_prefix('ل'))
        .or_else(|| rest.strip_prefix('ك'))
        && r.chars().count() >= 2
        && n < 3
    {
        out[n] = Some(r);
    }
    out.into_iter().flatten()
}

/// The bit of a form of four bytes or more (see [`word_key`]).
#[inline]
fn ending_bit(w: &[u8]) -> Option<usize> {
    (w.len() >= 4).then(|| (word_key(w) >> 48) as usize)
}

/// A 64-bit hash of a word's length and its last eight bytes (all its bytes when it has
/// fewer), for the bit filters in front of the hash tables of the date words and the
/// known events' cues. Its length and last four bytes, which the filters took before,
/// are shared by a third of an article's words with some date word or cue (Arabic
/// endings: ية، ات، ين), and each of those cost a hash lookup.
#[inline]
pub(crate) fn word_key(w: &[u8]) -> u64 {
    let n = w.len();
    // Each case tested only when the one before fails (a match on all three at once
    // made every one of them for every word).
    let bytes = if let Some(last8) = w.last_chunk::<8>() {
        u64::from_le_bytes(*last8)
    } else if let (Some(first4), Some(last4)) = (w.first_chunk::<4>(), w.last_chunk::<4>()) {
        // Four to seven bytes: the first four and the last four cover them all.
        u64::from(u32::from_le_bytes(*first4)) | u64::from(u32::from_le_bytes(*last4)) << 32
    } else {
        w.iter().fold(0u64, |h, &b| (h << 8) | u64::from(b))
    };
    // The high bits of a 64-bit product depend on every input bit.
    (bytes ^ (n as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)).wrapping_mul(0xFF51_AFD7_ED55_8CCD)
}

/// A word length's bit in [`Lexicon::planned_lens`].
fn length_bit(n: usize) -> u64 {
    1 << n.min(63)
}

impl Lexicon {
    /// Whether `w` is one of the `planned` entries.
    pub(crate) fn is_planned_word(&self, w: &str) -> bool {
        self.planned_lens & length_bit(w.len()) != 0
            && w.as_bytes()
                .last()
                .is_none_or(|&b| self.planned_ends[usize::from(b >> 6)] >> (b & 63) & 1 != 0)
            && self.planned.iter().any(|p| p == w)
    }

    /// Whether one of the `planned` entries of several words occurs in `text`.
    pub(crate) fn has_planned_phrase(&self, text: &str) -> bool {
        self.planned_phrases
            .iter()
            .any(|f| f.find(text.as_bytes()).is_some())
    }

    /// What the recognizer looks up for the word `w` as written; `None` when no form of
    /// it is a first word of the index.
    #[inline]
    pub fn forms(&self, w: &str) -> Option<&Forms> {
        self.forms_of_bytes(w.as_bytes())
    }

    /// [`Lexicon::forms`] of a word's bytes.
    #[inline]
    pub fn forms_of_bytes(&self, w: &[u8]) -> Option<&Forms> {
        if let Some(h) = ending_bit(w)
            && self
                .endings
                .get(h / 64)
                .is_none_or(|b| b & (1 << (h % 64)) == 0)
        {
            return None;
        }
        self.forms.get(w)
    }

    /// A phrase list of the index, by its number in [`Forms::lists`].
    pub fn list(&self, k: u32) -> &[Phrase] {
        self.lists.get(k as usize).map_or(&[], Vec::as_slice)
    }

    /// The forms of every first word, from the finished index: each first word with
    /// every proclitic the recognizer takes off, and للـ for الـ; each form keeps the
    /// lists its lookup would find, in the lookup's order.
    fn build_forms(&mut self) {
        let mut number = FxHashMap::default();
        let mut keys: Vec<&String> = self.index.keys().collect();
        keys.sort();
        for k in &keys {
            number.insert(k.as_str(), self.lists.len() as u32);
            self.lists.push(self.index[k.as_str()].clone());
        }
        let mut written: Vec<String> = Vec::new();
        for k in &keys {
            for pre in [
                "", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك",
            ] {
                written.push(format!("{pre}{k}"));
            }
            if let Some(r) = k.strip_prefix("ال") {
                written.push(format!("لل{r}"));
                written.push(format!("ولل{r}"));
            }
        }
        for w in written {
            if self.forms.contains_key(w.as_bytes()) {
                continue;
            }
            let mut lists: Vec<u32> = clitic_variants(&w)
                .filter_map(|v| number.get(v).copied())
                .collect();
            let base = w.strip_prefix('و').unwrap_or(&w);
            if let Some(r) = base.strip_prefix("لل")
                && let Some(&n) = number.get(format!("ال{r}").as_str())
            {
                lists.push(n);
            }
            if lists.is_empty() {
                continue;
            }
            let cut = (w.starts_with('و') || w.starts_with('ف')) && !self.index.contains_key(&w);
            if let Some(h) = ending_bit(w.as_bytes()) {
                if self.endings.is_empty() {
                    self.endings = vec![0; 1 << 10];
                }
                self.endings[h / 64] |= 1 << (h % 64);
            }
            self.forms
                .insert(w.into_bytes().into_boxed_slice(), Forms { lists, cut });
        }
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
    #[serde(default)]
    upcoming: Vec<String>,
    dateline: Vec<String>,
    #[serde(default)]
    name_heads: Vec<String>,
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
        w.upcoming.iter().for_each(|x| add(x, Cat::Upcoming));
        w.dateline.iter().for_each(|x| add(x, Cat::Dateline));
        lx.planned = w.planned.iter().map(|x| normalize(x)).collect();
        lx.planned_lens = lx.planned.iter().fold(0, |m, p| m | length_bit(p.len()));
        for &b in lx.planned.iter().filter_map(|p| p.as_bytes().last()) {
            lx.planned_ends[usize::from(b >> 6)] |= 1 << (b & 63);
        }
        lx.planned_phrases = lx
            .planned
            .iter()
            .filter(|p| p.contains(' '))
            .map(|p| memchr::memmem::Finder::new(p.as_bytes()).into_owned())
            .collect();
        lx.dateline = w.dateline.iter().map(|x| normalize(x)).collect();
        lx.name_heads = w.name_heads.iter().map(|x| normalize(x)).collect();
        for v in lx.index.values_mut() {
            v.sort_by_key(|p| std::cmp::Reverse(p.rest.len()));
        }
        lx.build_forms();
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
    fn every_lexicon_word_and_its_clitic_forms_have_forms_and_other_words_none() {
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
                let f = lex.forms(&w).unwrap_or_else(|| panic!("{w}"));
                // The word's own list comes first when it is a first word itself, and
                // the first word it was made from is among those tried.
                let firsts: Vec<&[Phrase]> = f.lists.iter().map(|&n| lex.list(n)).collect();
                assert!(firsts.iter().any(|l| l.len() == lex.index[k].len()), "{w}");
                assert_eq!(
                    f.cut,
                    !pre.is_empty() && "وف".contains(&pre[..2]) && !lex.index.contains_key(&w)
                );
            }
        }
        // للعام is ل + العام.
        assert!(lex.index.contains_key("العام"));
        assert!(lex.forms("للعام").is_some() && lex.forms("وللعام").is_some());
        for w in [
            "المتحدث",
            "الحكومة",
            "القوات",
            "المدينة",
            "بيان",
            "وزارة",
            "الدفاع",
            "x",
        ] {
            assert!(lex.forms(&normalize(w)).is_none(), "{w}");
        }
    }

    #[test]
    fn an_empty_lexicon_has_no_forms() {
        assert!(Lexicon::default().forms("الحكومة").is_none());
    }
}
