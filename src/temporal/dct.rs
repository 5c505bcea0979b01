//! The article's own date (DCT): from the file name, a dateline, or inference from
//! the content — the dates it names, known events of the region, and its weekdays.

use jiff::ToSpan;
use jiff::civil::Date;

use super::{Dir, Found, Sem, YearSpec};
use crate::corpus::SourceDoc;
use crate::model::{Dct, DctSource};
use crate::normalize::{Normalized, is_alnum, normalize_into};
use crate::pack::{Bound, Pack};

/// Decide the article's date from what the file and its text say.
pub fn infer(doc: &SourceDoc, norm: &Normalized, found: &[Found], pack: &Pack) -> Dct {
    if let Some(d) = from_filename(&doc.path) {
        return Dct {
            confidence: 0.95,
            ..Dct::given(
                d,
                DctSource::Filename,
                format!("the file name {} carries the date", doc.path),
            )
        };
    }
    if let Some((d, text, top)) = from_header(doc, norm, found, pack) {
        let why = if top {
            format!("dateline at the top: «{text}»")
        } else {
            format!("publication date line: «{text}»")
        };
        return Dct {
            confidence: 0.9,
            ..Dct::given(d, DctSource::Header, why)
        };
    }
    from_content(doc, norm, found, pack)
}

/// A date in the file name: 2019-04-06, 2019_04_06, 20190406 (years 1990–2099).
pub fn from_filename(path: &str) -> Option<Date> {
    let name = path.rsplit('/').next().unwrap_or(path);
    let b = name.as_bytes();
    let digits = |s: usize, n: usize| -> Option<i32> {
        let part = b.get(s..s + n)?;
        part.iter()
            .all(u8::is_ascii_digit)
            .then(|| std::str::from_utf8(part).ok()?.parse().ok())?
    };
    for s in 0..b.len() {
        // Never inside a longer run of digits (ids, hashes).
        if s > 0 && b[s - 1].is_ascii_digit() {
            continue;
        }
        let Some(y) = digits(s, 4).filter(|y| (1990..2100).contains(y)) else {
            continue;
        };
        let (m, d, end) = match b.get(s + 4) {
            Some(b'-' | b'_' | b'.') if matches!(b.get(s + 7), Some(b'-' | b'_' | b'.')) => {
                (digits(s + 5, 2), digits(s + 8, 2), s + 10)
            }
            _ => (digits(s + 4, 2), digits(s + 6, 2), s + 8),
        };
        if b.get(end).is_some_and(u8::is_ascii_digit) {
            continue;
        }
        if let (Some(m), Some(d)) = (m, d)
            && let Ok(date) = Date::new(y as i16, m as i8, d as i8)
        {
            return Some(date);
        }
    }
    None
}

/// A full date on the first lines, or after a dateline word (نشر في، بتاريخ).
fn from_header(
    doc: &SourceDoc,
    norm: &Normalized,
    found: &[Found],
    pack: &Pack,
) -> Option<(Date, String, bool)> {
    let first = doc.paragraphs.first().map_or(0, |p| p.start);
    // The second line break within 400 bytes of the first paragraph, on bytes.
    let window = doc.text.as_bytes().get(first..).unwrap_or(&[]);
    let window = &window[..window.len().min(400)];
    let head_end = memchr::memchr_iter(b'\n', window)
        .nth(1)
        .map_or(doc.text.len(), |i| first + i)
        .min(first + 400);
    let _ = norm;
    let mut before_norm = String::new();
    for f in found {
        let Sem::Cal {
            y: YearSpec::Abs(y),
            m,
            d: Some(d),
            ..
        } = f.sem
        else {
            continue;
        };
        let before = doc
            .text
            .get(f.start.saturating_sub(60)..f.start)
            .unwrap_or("");
        // Normalised once, not once per dateline word, into one buffer for all dates.
        before_norm.clear();
        normalize_into(before, &mut before_norm);
        let cue = pack
            .temporal
            .dateline
            .iter()
            .any(|w| before_norm.contains(w.as_str()));
        let top = f.start < head_end && header_like(&doc.text, f.start, f.end);
        if (top || cue)
            && let Ok(date) = Date::new(y, m as i8, d as i8)
        {
            return Some((date, doc.text[f.start..f.end].to_string(), top));
        }
    }
    None
}

/// Whether a date on one of the first lines stands as a header or dateline (a short line of
/// its own, or "City (Agency) 12 March 2019 - …"), rather than inside the opening sentence,
/// where it dates an event, not the article.
fn header_like(text: &str, start: usize, end: usize) -> bool {
    let line_start = text[..start].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[end..].find('\n').map_or(text.len(), |i| end + i);
    let line = &text[line_start..line_end];
    if line.trim().chars().count() <= 60 {
        return true;
    }
    let before = text[line_start..start].trim();
    let after = text[end..line_end].trim_start();
    before.split_whitespace().count() <= 3
        && (after.is_empty() || after.starts_with(['-', '–', '—', '(', ':', '|', '،', ',']))
}

/// Whether a phrase at normalised byte `at` is preceded, in its sentence, by a word
/// that puts it in the future or denies it (من المقرر، لم …).
fn planned_before(norm: &str, at: usize, lex: &super::Lexicon) -> bool {
    let mut s = at.saturating_sub(80);
    while !norm.is_char_boundary(s) {
        s += 1;
    }
    let window = &norm[s..at];
    // After the sentence's last break: the delimiters are ASCII, looked for on bytes.
    let window = match window
        .bytes()
        .rposition(|b| matches!(b, b'.' | b'!' | b'?' | b'\n'))
    {
        Some(k) => &window[k + 1..],
        None => window,
    };
    // The words of the window: its runs of alphanumeric characters, read on bytes for
    // ASCII and the Arabic letters ؠ–ي (U+0620–U+064A, all alphanumeric).
    let wb = window.as_bytes();
    let mut word = None;
    let mut i = 0;
    while let Some(&b) = wb.get(i) {
        let (alnum, len) = match (b, wb.get(i + 1)) {
            (0..0x80, _) => (b.is_ascii_alphanumeric(), 1),
            (0xD8, Some(0xA0..=0xBF)) | (0xD9, Some(0x80..=0x8A)) => (true, 2),
            _ => match window.get(i..).and_then(|s| s.chars().next()) {
                Some(c) => (is_alnum(c), c.len_utf8()),
                None => break,
            },
        };
        if alnum {
            word.get_or_insert(i);
        } else if let Some(w) = word.take()
            && lex.is_planned_word(&window[w..i])
        {
            return true;
        }
        i += len;
    }
    word.is_some_and(|w| lex.is_planned_word(&window[w..])) || lex.has_planned_phrase(window)
}

/// Every cue phrase of the pack's known events, indexed by its first word, and for each
/// event its alternatives as pattern ids (no string lookups per document).
#[derive(Debug, Clone)]
pub struct CueIndex {
    pats: Vec<String>,
    /// Pattern ids by the phrase's first word (its bytes up to the first non-alphanumeric
    /// character): a cue stands as whole words, so it can only start where a run of
    /// alphanumeric characters starts, or after one or two proclitics.
    by_first: rustc_hash::FxHashMap<String, Vec<usize>>,
    /// Bits of `first_key` over the first words: rules out most words without hashing.
    first_bits: Box<[u64; 1024]>,
    /// Bits of `first_key` over the first words as a run may write them, after up to two
    /// proclitics (و ف ب ل ك): one test per run rules out most words, where trying the run
    /// after each proclitic it starts with took three.
    run_bits: Box<[u64; 1024]>,
    /// Only when some phrase does not start with an alphanumeric character (the first-word
    /// index cannot find it): one automaton over all phrases, scanned across the text.
    ac: Option<aho_corasick::AhoCorasick>,
    /// `alts[event][alternative][word]`: the pattern id of that cue word.
    alts: Vec<Vec<Vec<usize>>>,
    /// The known events each pattern id is a cue word of, in order: only those can match
    /// in an article where that cue occurs.
    events_of: Vec<Vec<usize>>,
    /// Whether some known event has an alternative without cue words.
    empty_alt: bool,
}

/// A 16-bit key of a word (see [`word_key`]).
#[inline]
fn first_key(w: &[u8]) -> usize {
    (super::lexicon::word_key(w) >> 48) as usize
}

/// The leading alphanumeric characters of `s`.
fn first_word(s: &str) -> &str {
    let end = s
        .char_indices()
        .find(|&(_, c)| !is_alnum(c))
        .map_or(s.len(), |(i, _)| i);
    &s[..end]
}

impl CueIndex {
    pub fn build(events: &[crate::pack::KnownEvent]) -> Self {
        let mut ids = std::collections::HashMap::new();
        let mut pats: Vec<String> = Vec::new();
        let alts: Vec<Vec<Vec<usize>>> = events
            .iter()
            .map(|k| {
                k.cues
                    .iter()
                    .map(|alt| {
                        alt.iter()
                            .map(|c| {
                                *ids.entry(c.as_str()).or_insert_with(|| {
                                    pats.push(c.clone());
                                    pats.len() - 1
                                })
                            })
                            .collect()
                    })
                    .collect()
            })
            .collect();
        let mut by_first: rustc_hash::FxHashMap<String, Vec<usize>> = Default::default();
        let mut first_bits = Box::new([0u64; 1024]);
        let mut run_bits = Box::new([0u64; 1024]);
        let mut odd = false;
        const CLITICS: [&str; 5] = ["و", "ف", "ب", "ل", "ك"];
        for (id, p) in pats.iter().enumerate() {
            let w = first_word(p);
            odd |= w.is_empty();
            let k = first_key(w.as_bytes());
            first_bits[k >> 6] |= 1 << (k & 63);
            let one = CLITICS.iter().map(|a| format!("{a}{w}"));
            let two = CLITICS
                .iter()
                .flat_map(|a| CLITICS.iter().map(move |b| format!("{a}{b}{w}")));
            for form in std::iter::once(w.to_string()).chain(one).chain(two) {
                let k = first_key(form.as_bytes());
                run_bits[k >> 6] |= 1 << (k & 63);
            }
            by_first.entry(w.to_string()).or_default().push(id);
        }
        // Building cannot fail for a few hundred short phrases; if it did, no cue is found
        // and inference falls back on the dates the text names.
        let ac = if odd {
            aho_corasick::AhoCorasick::builder()
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .build(&pats)
                .ok()
        } else {
            None
        };
        let mut events_of = vec![Vec::new(); pats.len()];
        for (k, event) in alts.iter().enumerate() {
            for &id in event.iter().flatten() {
                if let Some(list) = events_of.get_mut(id)
                    && list.last() != Some(&k)
                {
                    list.push(k);
                }
            }
        }
        CueIndex {
            pats,
            by_first,
            first_bits,
            run_bits,
            ac,
            empty_alt: alts.iter().flatten().any(Vec::is_empty),
            alts,
            events_of,
        }
    }

    /// The first whole-word occurrence (normalised offset) of every cue in `norm`, by id.
    pub fn scan(&self, norm: &Normalized) -> Vec<Option<usize>> {
        let mut first = Vec::new();
        self.scan_into(norm, &mut first);
        first
    }

    /// [`CueIndex::scan`] into `first` (cleared first), a buffer kept between texts.
    pub fn scan_into(&self, norm: &Normalized, first: &mut Vec<Option<usize>>) {
        let text = norm.text.as_str();
        first.clear();
        first.resize(self.pats.len(), None);
        if let Some(ac) = &self.ac {
            for m in ac.find_overlapping_iter(text) {
                let slot = &mut first[m.pattern().as_usize()];
                if slot.is_none() && cue_at_word_edges(text, m.start(), m.end()) {
                    *slot = Some(m.start());
                }
            }
            return;
        }
        let b = text.as_bytes();
        // Runs of alphanumeric characters: adjacent word, number and (rarely) alphanumeric
        // punctuation tokens; tokens cover every character but white space.
        let toks = norm.tokens();
        // A punctuation token is one character; an ASCII one is never alphanumeric.
        let alnum = |t: &crate::normalize::Token| {
            t.kind != crate::normalize::TokKind::Punct
                || b.get(t.start).is_some_and(|&x| x >= 0x80)
                    && text[t.start..t.end].chars().next().is_some_and(is_alnum)
        };
        let mut i = 0;
        while i < toks.len() {
            let t = toks[i];
            i += 1;
            if !alnum(&t) {
                continue;
            }
            let (start, mut end) = (t.start, t.end);
            while let Some(t) = toks.get(i).filter(|t| t.start == end && alnum(t)) {
                end = t.end;
                i += 1;
            }
            let Some(run) = b.get(start..end) else {
                continue;
            };
            let k = first_key(run);
            if self.run_bits[k >> 6] & (1 << (k & 63)) == 0 {
                continue;
            }
            // The run itself, then after one and two proclitics (و ف ب ل ك, two bytes
            // each): on bytes first, as most words are no cue's first word.
            let mut skip = 0;
            loop {
                let k = first_key(&run[skip..]);
                if self.first_bits[k >> 6] & (1 << (k & 63)) != 0 {
                    self.found_at(text, start + skip, end, first);
                }
                let clitic = matches!(
                    (run.get(skip), run.get(skip + 1)),
                    (Some(0xD9), Some(0x88 | 0x81 | 0x84 | 0x83)) | (Some(0xD8), Some(0xA8))
                );
                if skip == 4 || !clitic || skip + 2 >= run.len() {
                    break;
                }
                skip += 2;
            }
        }
    }

    /// The cues whose first word is `text[at..end]` that start there as whole words, not
    /// yet found: found there.
    #[inline(never)]
    fn found_at(&self, text: &str, at: usize, end: usize, first: &mut [Option<usize>]) {
        let Some(w) = text.get(at..end) else { return };
        for &id in self.by_first.get(w).map_or(&[][..], Vec::as_slice) {
            let Some(p) = self.pats.get(id) else { continue };
            if first.get(id).is_some_and(Option::is_none)
                && text[at..].starts_with(p.as_str())
                && cue_at_word_edges(text, at, at + p.len())
            {
                first[id] = Some(at);
            }
        }
    }

    /// Whether some known event has an alternative without cue words (which every
    /// article matches).
    pub fn has_empty_alt(&self) -> bool {
        self.empty_alt
    }

    /// The known events that may match given the cues `present` (by id, as
    /// [`CueIndex::scan_into`] gives them), in order: those with one of their cue words
    /// there, as an alternative of several needs all of them (and every event when some
    /// alternative has no cue word).
    pub fn candidates(&self, present: &[Option<usize>]) -> Vec<usize> {
        if self.has_empty_alt() {
            return (0..self.alts.len()).collect();
        }
        let mut out: Vec<usize> = present
            .iter()
            .zip(&self.events_of)
            .filter(|(p, _)| p.is_some())
            .flat_map(|(_, events)| events.iter().copied())
            .collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    /// The alternatives of known event `k` as pattern ids (empty past the end).
    pub fn alts(&self, k: usize) -> &[Vec<usize>] {
        self.alts.get(k).map_or(&[], Vec::as_slice)
    }
}

/// Whether a cue found at `at..end` stands as whole words: up to two proclitics
/// (و ف ب ل ك) may precede it, nothing may follow it inside the word.
fn cue_at_word_edges(norm: &str, at: usize, end: usize) -> bool {
    let mut clitics = 0;
    for c in norm[..at].chars().rev() {
        if !is_alnum(c) {
            break;
        }
        if "وفبلك".contains(c) && clitics < 2 {
            clitics += 1;
        } else {
            return false;
        }
    }
    norm[end..].chars().next().is_none_or(|c| !is_alnum(c))
}

thread_local! {
    /// The cue positions of the last document inferred on this thread (see `from_content`).
    static SPARE_PRESENT: std::cell::RefCell<Vec<Option<usize>>> =
        const { std::cell::RefCell::new(Vec::new()) };
}

struct Evidence<'a> {
    lo: Option<(Date, Why<'a>)>,
    hi: Option<(Date, Why<'a>)>,
}

/// Why a bound is held. A date named is quoted only once inference is done: most bounds
/// are replaced by a later date, and formatting each one was a good part of inference.
enum Why<'a> {
    /// `{before}«{text}»{after}`.
    Quote(&'static str, &'a str, &'static str),
    Text(String),
}

impl Why<'_> {
    fn text(self) -> String {
        match self {
            Why::Quote(before, text, after) => format!("{before}«{text}»{after}"),
            Why::Text(s) => s,
        }
    }
}

impl<'a> Evidence<'a> {
    // The reason is made only when the bound is kept: most dates named are not.
    fn lower(&mut self, d: Date, why: impl FnOnce() -> Why<'a>) {
        if self.lo.as_ref().is_none_or(|(x, _)| d > *x) {
            self.lo = Some((d, why()));
        }
    }
    fn upper(&mut self, d: Date, why: impl FnOnce() -> Why<'a>) {
        if self.hi.as_ref().is_none_or(|(x, _)| d < *x) {
            self.hi = Some((d, why()));
        }
    }
}

/// Weekday constraints on the article's date from the weekdays it names.
#[derive(Default)]
struct Weekdays {
    /// The article's date is exactly this weekday (اليوم الأربعاء, أمس الثلاثاء).
    exact: Option<i8>,
    /// Each of these fell in the week up to the article's date.
    recent: Vec<i8>,
    /// Months named as past without a year (أبريل الماضي): the article is not in them.
    past_months: Vec<u8>,
}

impl Weekdays {
    /// News tells of the latest dated thing first and of this week's days after it: a
    /// weekday named plainly is taken to fall on or after the lower bound, within the
    /// six days up to the article's date.
    fn fits(&self, d: Date, lo: Date) -> bool {
        let wd = d.weekday().to_monday_one_offset();
        if self.exact.is_some_and(|e| e != wd) {
            return false;
        }
        self.recent.iter().all(|w| {
            let back = (wd - w).rem_euclid(7) as i64;
            d.checked_sub(back.days()).is_ok_and(|x| x >= lo)
        })
    }
    fn is_empty(&self) -> bool {
        self.exact.is_none() && self.recent.is_empty()
    }
}

fn from_content(doc: &SourceDoc, norm: &Normalized, found: &[Found], pack: &Pack) -> Dct {
    let lex = &pack.temporal;
    let mut ev = Evidence { lo: None, hi: None };
    let mut day_precise_lo = false;
    // The lower bound is a day the text names ("22 أفريل 2019"), not a known event's.
    let mut named_day_lo = false;
    let mut wds = Weekdays::default();
    // An absolute day named with its own weekday in the article's lead ("أعلنت الحكومة
    // يوم الاثنين 18 مايو 2020 أن …"): news leads with the day it reports, so when
    // nothing else settles the article's date, that day is a guess for it.
    let lead_end = doc
        .paragraphs
        .get(LEAD_PARAGRAPHS - 1)
        .or(doc.paragraphs.last())
        .map_or(0, |r| r.end);
    let mut lead_day: Option<Date> = None;
    for f in found {
        let text = &doc.text[f.start..f.end];
        match f.sem {
            Sem::Cal {
                y: YearSpec::Abs(y),
                m,
                d,
                ..
            } => {
                let Ok(first) = Date::new(y, m as i8, d.unwrap_or(1) as i8) else {
                    continue;
                };
                let at = norm_offset(norm, f.start);
                if planned_before(&norm.text, at, lex) {
                    if d.is_some() {
                        ev.upper(first, || Why::Quote("", text, " is still to come"));
                    }
                    continue;
                }
                if ev.lo.as_ref().is_none_or(|(x, _)| first > *x) {
                    day_precise_lo = d.is_some();
                    named_day_lo = d.is_some();
                }
                if d.is_some() && f.start < lead_end && names_its_weekday(norm, f, first, lex) {
                    lead_day = lead_day.max(Some(first));
                }
                ev.lower(first, || Why::Quote("latest date named: ", text, ""));
            }
            Sem::Year(y) => {
                if let Ok(first) = Date::new(y, 1, 1) {
                    let at = norm_offset(norm, f.start);
                    if !planned_before(&norm.text, at, lex) {
                        if ev.lo.as_ref().is_none_or(|(x, _)| first > *x) {
                            day_precise_lo = false;
                            named_day_lo = false;
                        }
                        ev.lower(first, || Why::Quote("latest year named: ", text, ""));
                    }
                }
            }
            Sem::Cal {
                y: YearSpec::None,
                m,
                dir: Dir::Past,
                ..
            } => wds.past_months.push(m),
            Sem::Weekday {
                wd,
                dir: Dir::None,
                shift,
            } => match shift {
                Some(n) => wds.exact = Some(((wd as i64 - 1 - n as i64).rem_euclid(7) + 1) as i8),
                None => wds.recent.push(wd as i8),
            },
            _ => {}
        }
    }
    let cues = pack.known_cues();
    // A buffer kept per thread: a document's cue positions are dropped after the events.
    let mut present = SPARE_PRESENT
        .try_with(|p| p.try_borrow_mut().map(|mut p| std::mem::take(&mut *p)))
        .ok()
        .and_then(Result::ok)
        .unwrap_or_default();
    cues.scan_into(norm, &mut present);
    // Only the events with a cue word in the article are gone through (most articles
    // name none, and the rest a few): going through every event's alternatives for each
    // article was a cost of its own.
    for ki in cues.candidates(&present) {
        let Some(k) = pack.known_events.get(ki) else {
            continue;
        };
        // The first alternative whose cue words all occur.
        let Some((alt, ids)) = k.cues.iter().zip(cues.alts(ki)).find(|(_, ids)| {
            ids.iter()
                .all(|&i| present.get(i).is_some_and(Option::is_some))
        }) else {
            continue;
        };
        let pos = |i: usize| present.get(i).copied().flatten().unwrap_or(0);
        let at = ids.iter().map(|&i| pos(i)).max().unwrap_or(0);
        // Written only for a bound that is kept (most are not): the cue words quoted as
        // the article writes them, not in normalised form.
        let cue = || {
            let quoted: Vec<&str> = ids
                .iter()
                .zip(alt)
                .map(|(&i, c)| {
                    let (s, e) = norm.orig_span(pos(i), pos(i) + c.len());
                    doc.text.get(s..e).unwrap_or(c.as_str())
                })
                .collect();
            quoted.join(" + ")
        };
        let why = |what: &str| {
            format!(
                "{what} {} ({}, region pack) — named by «{}»",
                k.label,
                k.date,
                cue()
            )
        };
        // A lower bound at or before the one held, or an upper one at or after it, changes
        // nothing: then the sentence is not read for words of what is to come.
        let raises = |d: Date| ev.lo.as_ref().is_none_or(|(x, _)| d > *x);
        match k.bound {
            Bound::After | Bound::Since => {
                if !raises(k.date) || planned_before(&norm.text, at, lex) {
                    continue;
                }
                day_precise_lo = k.bound == Bound::After;
                named_day_lo = false;
                ev.lower(k.date, || Why::Text(why("after")));
            }
            Bound::Within => {
                let period = || match k.date_end {
                    Some(e) => format!(
                        "during {} ({} to {e}, region pack) — named by «{}»",
                        k.label,
                        k.date,
                        cue()
                    ),
                    None => why("during"),
                };
                ev.lower(k.date, || Why::Text(period()));
                if let Some(e) = k.date_end {
                    ev.upper(e, || Why::Text(period()));
                }
            }
            Bound::Planned => {
                let Ok(d) = k.date.yesterday() else { continue };
                if ev.hi.as_ref().is_some_and(|(x, _)| d >= *x) {
                    continue;
                }
                if planned_before(&norm.text, at, lex) {
                    ev.upper(d, || Why::Text(why("before (still to come)")));
                }
            }
        }
    }
    let _ = SPARE_PRESENT.try_with(|p| {
        if let Ok(mut p) = p.try_borrow_mut() {
            *p = present;
        }
    });
    let Some((mut lo, lo_why)) = ev.lo.take() else {
        return Dct::none("no date, year or known event in the text");
    };
    let mut lo_why = lo_why.text();
    // "Last April" when the lower bound is in April: the article is past that April (in
    // April itself it would say "this April", أبريل الجاري). A past month later in the
    // year than the bound says nothing: in a January article "أبريل الماضي" is last
    // year's April.
    for &m in &wds.past_months {
        if lo.month() as u8 == m
            && let Ok(next) =
                Date::new(lo.year(), m as i8, 1).and_then(|d| d.checked_add(1.month()))
            && next > lo
        {
            lo_why.push_str(&format!(
                "; a month named as past puts it after {}",
                next.yesterday().unwrap_or(next)
            ));
            lo = next;
            named_day_lo = false;
        }
    }
    let hi = ev.hi.as_ref().map(|(d, _)| *d).filter(|h| *h >= lo);
    // The earliest day on or after the lower bound that fits the weekdays named. After a
    // day the text names, a weekday may be one of the days just before it ("يوم 22 أفريل"
    // in the lead, "تواصلت الاشتباكات يوم الأحد" for the 21st further on); after a known
    // event, the weekdays are taken to follow it.
    let limit = hi.unwrap_or_else(|| lo.checked_add(400.days()).unwrap_or(lo));
    let floor = if named_day_lo {
        lo.checked_sub(6.days()).unwrap_or(lo)
    } else {
        lo
    };
    let mut guess = None;
    let mut d = lo;
    while d <= limit {
        if wds.fits(d, floor) {
            guess = Some(d);
            break;
        }
        match d.tomorrow() {
            Ok(n) => d = n,
            Err(_) => break,
        }
    }
    let fitted = guess.is_some() && !wds.is_empty();
    let guess = guess.unwrap_or(lo);
    let width = hi.map(|h| (h - lo).get_days());
    let settled = width.is_some_and(|w| w <= 45)
        || (day_precise_lo && fitted && (guess - lo).get_days() <= 7);
    let mut why = lo_why;
    if let (Some(h), Some((_, hw))) = (hi, ev.hi) {
        let hw = hw.text();
        // One period gives both bounds: say it once.
        if why.starts_with(hw.as_str()) {
            why.push_str(&format!("; so not after {h}"));
        } else {
            why.push_str(&format!("; not after {h}: {hw}"));
        }
    }
    if fitted && settled {
        why.push_str(&format!(
            "; the weekdays it names fit {guess} ({})",
            guess.weekday_name_en()
        ));
    }
    // The lead's own day, when it is the latest day named and nothing else settles it.
    let lead_guess = !settled && day_precise_lo && lead_day == Some(lo);
    if lead_guess {
        why.push_str(&format!(
            "; the lead names {lo} with its weekday: taken as the article's day (a guess)"
        ));
    }
    let confidence = match width {
        Some(w) if w <= 14 => 0.6,
        _ if settled => 0.45,
        _ if lead_guess => LEAD_GUESS_CONFIDENCE,
        _ => 0.2,
    };
    let date = if settled {
        Some(guess)
    } else {
        lead_guess.then_some(lo)
    };
    Dct {
        date,
        range: [Some(lo), hi],
        source: DctSource::Inferred,
        confidence,
        why,
    }
}

trait WeekdayName {
    fn weekday_name_en(&self) -> &'static str;
}

impl WeekdayName for Date {
    fn weekday_name_en(&self) -> &'static str {
        [
            "Monday",
            "Tuesday",
            "Wednesday",
            "Thursday",
            "Friday",
            "Saturday",
            "Sunday",
        ][self.weekday().to_monday_zero_offset() as usize]
    }
}

/// The normalised offset of an original offset (the first normalised byte at or after it).
/// How many paragraphs (a headline counted) make an article's lead.
const LEAD_PARAGRAPHS: usize = 3;

/// The confidence of an article's date taken from the day its lead names.
const LEAD_GUESS_CONFIDENCE: f32 = 0.35;

/// Whether the expression `f`, naming `day`, also names that day's weekday ("يوم الاثنين
/// 18 مايو 2020"): a writer who spells out the weekday speaks of a day near his own.
fn names_its_weekday(norm: &Normalized, f: &Found, day: Date, lex: &super::Lexicon) -> bool {
    let wd = day.weekday().to_monday_one_offset() as u8;
    let (a, b) = (norm_offset(norm, f.start), norm_offset(norm, f.end));
    norm.text.get(a..b).is_some_and(|t| {
        t.split_whitespace().any(|w| {
            lex.index.get(w).is_some_and(|ps| {
                ps.iter().any(|p| {
                    p.rest.is_empty() && p.cats.contains(&super::lexicon::Cat::Weekday(wd))
                })
            })
        })
    })
}

fn norm_offset(norm: &Normalized, orig: usize) -> usize {
    norm.norm_offset(orig)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::normalize;

    #[test]
    fn file_names_with_dates_give_the_article_date() {
        assert_eq!(
            from_filename("2019-04-06_tripoli.txt"),
            Some(jiff::civil::date(2019, 4, 6))
        );
        assert_eq!(
            from_filename("x/benghazi_20170705.txt"),
            Some(jiff::civil::date(2017, 7, 5))
        );
        assert_eq!(
            from_filename("a_2016_12_06.md"),
            Some(jiff::civil::date(2016, 12, 6))
        );
    }

    #[test]
    fn hashes_and_ids_in_file_names_are_not_dates() {
        assert_eq!(from_filename("000_c394bcd027f65fc3.txt"), None);
        assert_eq!(from_filename("12019040611.txt"), None);
        assert_eq!(from_filename("2019-13-45.txt"), None);
    }

    fn known(cues: &[&str]) -> crate::pack::KnownEvent {
        crate::pack::KnownEvent {
            id: "e".into(),
            date: jiff::civil::date(2019, 4, 4),
            date_end: None,
            label: "e".into(),
            cues: cues.iter().map(|c| vec![normalize(c)]).collect(),
            bound: Bound::After,
            source: String::new(),
        }
    }

    #[test]
    fn cues_stand_as_whole_words_after_at_most_two_proclitics() {
        let idx = CueIndex::build(&[known(&["مقتل القذافي", "الهلال", "حرب 2019"])]);
        let scan = |t: &str| idx.scan(&Normalized::new(t));
        let n = Normalized::new("قال: وبمقتل القذافي أمس");
        assert_eq!(idx.scan(&n)[0], n.text.find("مقتل"));
        // Inside a longer word, after three proclitics, or glued to digits: no cue.
        assert_eq!(
            scan("والهلالي ومقتل القذافيين فوبالهلال 2019الهلال"),
            vec![None; 3]
        );
        assert_eq!(scan("في حرب 2019، و الهلال")[1..], [Some(21), Some(5)]);
        // The first whole-word occurrence is the one kept.
        assert_eq!(scan("الهلالي ثم الهلال ثم الهلال")[1], Some(20));
    }
}
