//! Events: clauses, triggers, actors and places, dates, modality, casualties, control.
//! One pure pass per document over the pack's lexicon hits and gazetteer scan.

pub mod casualties;
pub mod clause;
pub mod dates;
pub mod lexicon;
pub mod merge;
pub mod modality;

pub use lexicon::Lexicon;
pub use merge::merge;

use std::borrow::Cow;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::corpus::SourceDoc;
use crate::gazetteer::{ActorMention, PlaceMention};
use crate::model::{
    Casualties, ControlClaim, ControlState, DateSource, Dct, Event, Modality, Precision, SmolStr,
    Timex,
};
use crate::normalize::Normalized;
use crate::pack::{Actor, Pack, Place};
use dates::EventDate;
use lexicon::{Cat, LexHit};

/// Are `a..b` of `text` at most `words` words with no comma (still one clause)?
fn close_in_clause(text: &str, a: usize, b: usize, words: usize) -> bool {
    text.get(a..b)
        .is_some_and(|g| g.split_whitespace().nth(words).is_none() && !g.contains([',', '،']))
}

/// Does the text before a date expression make it a start ("منذ", or "منذ اندلاع
/// المعارك في" — since a happening on that day)?
fn since_before(before: &str) -> bool {
    let b = before.trim_end();
    if b.ends_with("منذ") {
        return true;
    }
    // "منذ مطلع الشهر الجاري": since the start (or the middle) of it.
    if let Some(w) = b.rsplit(char::is_whitespace).next()
        && matches!(
            w,
            "مطلع"
                | "بداية"
                | "بدايات"
                | "أوائل"
                | "اوائل"
                | "منتصف"
                | "أواسط"
                | "اواسط"
        )
        && b[..b.len() - w.len()].trim_end().ends_with("منذ")
    {
        return true;
    }
    let Some(rest) = b.strip_suffix("في") else {
        return false;
    };
    if rest.ends_with(crate::normalize::is_letter) {
        return false;
    }
    // At most four words (a verbal noun and what it governs: "منذ بدء الهجوم على العاصمة
    // في …") between منذ and في.
    rest.split_whitespace()
        .rev()
        .take(5)
        .any(|w| w == "منذ" || w == "ومنذ")
}

/// The types of fighting. Their clause says something happened at a place, so a clause
/// without a place takes the place of the scene (the last such event of the paragraph);
/// and each has two sides, whether or not its sentence names both (`fill_sides`).
const SCENE_TYPES: &[&str] = &[
    "offensive",
    "armed_clash",
    "attack_repelled",
    "territory_taken",
    "withdrawal",
    "siege",
    "air_strike",
    "casualties",
];

/// Deeds an announcement can name as its object (a verbal noun: "أعلنت X استعادة …").
const CLAIMED_DEEDS: &[&str] = &[
    "territory_taken",
    "withdrawal",
    "attack_repelled",
    "control_claim",
];

/// How many buckets [`HitIndex`] sorts hits into (see [`slot`]).
const SLOTS: usize = 33;

/// The bucket of a hit category: every trigger in one, the three casualty words in one
/// (their order among each other matters), every other category in its own.
fn slot(c: Cat) -> usize {
    match c {
        Cat::Trigger(_) => 0,
        Cat::Joint => 1,
        Cat::Relative => 2,
        Cat::Subordinator => 3,
        Cat::Simultaneous => 4,
        Cat::Complementizer => 5,
        Cat::Destination => 6,
        Cat::PurposeBefore => 7,
        Cat::Denial => 8,
        Cat::Anaphoric => 9,
        Cat::Stop => 10,
        Cat::HolderBefore => 11,
        Cat::TargetBefore => 12,
        Cat::Inside => 13,
        Cat::NoControl => 14,
        Cat::VerbalObject => 15,
        Cat::LossBefore => 16,
        Cat::CityAnaphor => 17,
        Cat::Capital => 18,
        Cat::Passing => 19,
        Cat::Attribution => 20,
        Cat::Negated => 21,
        Cat::Ability => 22,
        Cat::Inability => 23,
        Cat::Warning => 24,
        Cat::NotNegated => 25,
        Cat::Planned => 26,
        Cat::Hypothetical => 27,
        Cat::BeforeImperfect => 28,
        Cat::Claim => 29,
        Cat::Reporting => 30,
        Cat::Killed | Cat::Injured | Cat::Displaced => 31,
        Cat::Origin => 32,
    }
}

/// A document's lexicon hits grouped by [`slot`], each group in text order: a clause asks
/// for the few hits of one kind in its sentence instead of scanning all of them for
/// every check (that was quadratic in a sentence's hits).
struct HitIndex {
    hits: Vec<LexHit>,
    /// Where each bucket starts in `hits` (and the last one ends).
    bounds: [usize; SLOTS + 1],
    /// The buckets that hold any hit (most are empty in any one article), and how many.
    filled: [u8; SLOTS],
    n_filled: usize,
    /// Per hit of the text-ordered list: where the counting sort put it in `hits`. A
    /// sentence's hits are a run of that list, and each bucket's share of them a run of
    /// the bucket: walking the sentence's few hits gives every range (a look at every
    /// filled bucket per sentence was the cost of this step).
    pos: Vec<u32>,
    /// The list is ordered by word start (the lexicon's order): else the buckets are
    /// searched.
    ordered: bool,
}

impl HitIndex {
    /// Group `all` (in text order) with a counting sort into `buf`'s storage.
    fn new(all: &[LexHit], (mut buf, mut pos): (Vec<LexHit>, Vec<u32>)) -> HitIndex {
        let mut bounds = [0usize; SLOTS + 1];
        for h in all {
            bounds[slot(h.cat) + 1] += 1;
        }
        for k in 0..SLOTS {
            bounds[k + 1] += bounds[k];
        }
        let mut at = bounds;
        buf.clear();
        buf.extend_from_slice(all);
        pos.clear();
        for h in all {
            let k = slot(h.cat);
            buf[at[k]] = *h;
            pos.push(at[k] as u32);
            at[k] += 1;
        }
        let mut filled = [0u8; SLOTS];
        let mut n_filled = 0;
        for k in 0..SLOTS {
            if bounds[k] < bounds[k + 1] {
                filled[n_filled] = k as u8;
                n_filled += 1;
            }
        }
        HitIndex {
            hits: buf,
            bounds,
            filled,
            n_filled,
            pos,
            ordered: all.is_sorted_by_key(|h| h.word_start) && all.len() <= u32::MAX as usize,
        }
    }

    /// [`HitIndex::seek`] by a walk of the sentence's hits in `all` (the list the index
    /// was made from, in word-start order): the buckets of the last sentence's hits are
    /// emptied, then each hit of this one extends its bucket's range.
    fn seek_in(&self, all: &[LexHit], lo: usize, hi: usize, at: &mut SentRanges) {
        if !self.ordered {
            return self.seek(lo, hi, at);
        }
        let hi = hi.max(lo);
        let n = all.len();
        let (mut a, mut b) = if at.seeked && lo >= at.lo {
            (at.a, if hi >= at.hi { at.b } else { 0 })
        } else {
            (all.partition_point(|h| h.word_start < lo), 0)
        };
        while a < n && all[a].word_start < lo {
            a += 1;
        }
        b = b.max(a);
        while b < n && all[b].word_start < hi {
            b += 1;
        }
        if at.seeked {
            for h in &all[at.a..at.b] {
                at.r[slot(h.cat)] = (0, 0);
            }
        }
        for (h, &p) in all[a..b].iter().zip(&self.pos[a..b]) {
            let p = p as usize;
            let r = &mut at.r[slot(h.cat)];
            if r.0 == r.1 {
                *r = (p, p + 1);
            } else {
                r.1 = p + 1;
            }
        }
        (at.a, at.b) = (a, b);
        at.lo = lo;
        at.hi = hi;
        at.seeked = true;
    }

    /// Each bucket's hits whose word starts in `lo..hi` (a sentence), as ranges of
    /// `hits`: asked once per sentence, then each check of each clause is a lookup.
    /// Sentences come in text order, so each range moves on from the last sentence's
    /// (a bisection of every bucket for every sentence cost more than all the lookups).
    fn seek(&self, lo: usize, hi: usize, at: &mut SentRanges) {
        let hi = hi.max(lo);
        if !at.seeked {
            // An empty bucket's range stays empty.
            for k in 0..SLOTS {
                at.r[k] = (self.bounds[k], self.bounds[k]);
            }
        }
        let onward = at.seeked && lo >= at.lo && hi >= at.hi;
        for &k in &self.filled[..self.n_filled] {
            let k = usize::from(k);
            let (a, b) = (self.bounds[k], self.bounds[k + 1]);
            let (mut x, mut y) = if onward {
                at.r[k]
            } else {
                let list = &self.hits[a..b];
                (a + list.partition_point(|h| h.word_start < lo), a)
            };
            while x < b && self.hits[x].word_start < lo {
                x += 1;
            }
            y = y.max(x);
            while y < b && self.hits[y].word_start < hi {
                y += 1;
            }
            at.r[k] = (x, y);
        }
        at.lo = lo;
        at.hi = hi;
        at.seeked = true;
    }
}

/// The ranges of one sentence's hits in a [`HitIndex`], by bucket, and the sentence they
/// were found for.
struct SentRanges {
    r: [(usize, usize); SLOTS],
    lo: usize,
    hi: usize,
    seeked: bool,
    /// The sentence's run of the text-ordered hits (see [`HitIndex::seek_in`]).
    a: usize,
    b: usize,
}

/// One sentence's lexicon hits, by category (see [`HitIndex`]).
#[derive(Clone, Copy)]
pub(crate) struct SentHits<'a, 'r> {
    hits: &'a [LexHit],
    ranges: &'r [(usize, usize); SLOTS],
}

impl<'a> SentHits<'a, '_> {
    /// The sentence's hits of `c`'s bucket, in text order (every trigger for a trigger,
    /// the three casualty words for one of them).
    #[inline]
    pub(crate) fn of(&self, c: Cat) -> &'a [LexHit] {
        let (a, b) = self.ranges[slot(c)];
        &self.hits[a..b]
    }

    /// The sentence's triggers, in text order.
    pub(crate) fn triggers(&self) -> &'a [LexHit] {
        self.of(Cat::Trigger(0))
    }
}

thread_local! {
    /// [`HitIndex`]'s storage, kept between documents.
    static INDEX_BUF: std::cell::RefCell<(Vec<LexHit>, Vec<u32>)> = const { std::cell::RefCell::new((Vec::new(), Vec::new())) };
}

/// Find the events of one document.
pub fn extract(
    doc: &SourceDoc,
    norm: &Normalized,
    pack: &Pack,
    dct: &Dct,
    timex: &[Timex],
) -> Vec<Event> {
    let lex = pack.events_lexicon();
    if lex.types.is_empty() {
        return Vec::new();
    }
    let text = &norm.text;
    // The tokens the normaliser made (a second tokenizing pass is what they save).
    let hits = lex.find_in(text, norm.tokens());
    let scan = crate::gazetteer::scan(doc, norm, pack);
    // Gazetteer spans are original offsets; lexicon hits are normalised ones.
    let orig = |s: usize, e: usize| norm.orig_span(s, e);
    let mut name_spans: Vec<(usize, usize)> = scan
        .places
        .iter()
        .map(|p| (p.start, p.end))
        .chain(scan.actors.iter().map(|a| (a.start, a.end)))
        .collect();
    name_spans.sort_unstable();
    // Running maximum of the ends: a span (a, b) overlaps a name iff some name starting
    // before b ends after a — one binary search, not a scan of every name.
    let max_end: Vec<usize> = name_spans
        .iter()
        .scan(0, |m, &(_, e)| {
            *m = (*m).max(e);
            Some(*m)
        })
        .collect();
    let in_name = |(a, b): (usize, usize)| {
        let i = name_spans.partition_point(|&(s, _)| s < b);
        i > 0 && max_end[i - 1] > a
    };
    // A trigger inside a name ("عين زارة", "بركان الغضب") is part of the name — except
    // a gathering named by its head word ("الملتقى الوطني الجامع", "مؤتمر برلين"): that
    // name is the event's.
    let gathering: Vec<u8> = ["conference", "meeting"]
        .iter()
        .filter_map(|t| lex.type_index(t))
        .collect();
    // Sorted starts, searched by bisection (no hashing of every actor per document).
    // (An institution named so is no gathering: "المؤتمر الوطني العام" is a parliament.)
    let mut name_starts: Vec<usize> = scan
        .actors
        .iter()
        .filter(|a| pack.actor(&a.actor).is_none_or(|x| x.kind != "institution"))
        .map(|a| a.start)
        .collect();
    name_starts.sort_unstable();
    let name_starts_at = |at: usize| name_starts.binary_search(&at).is_ok();
    let hits: Vec<LexHit> = hits
        .into_iter()
        .filter(|h| match h.cat {
            // (Its first word: "أطلق عملية الكرامة" launches the operation the name is.)
            Cat::Trigger(t) => {
                !(in_name(orig(h.start, h.end))
                    && in_name(orig(
                        h.start,
                        text.get(h.start..h.end)
                            .and_then(|w| w.find(' '))
                            .map_or(h.end, |k| h.start + k),
                    )))
                    || (gathering.contains(&t)
                        && (name_starts_at(norm.orig(h.word_start))
                            || name_starts_at(norm.orig(h.start))))
            }
            _ => true,
        })
        .collect();
    // Date expressions in normalised offsets (timexes come in text order).
    let dated: Vec<(usize, usize)> = timex
        .iter()
        .map(|t| (norm.norm_offset(t.start), norm.norm_offset(t.end)))
        .collect();
    let clauses = clause::split_in(text, &hits, &dated);
    let hidx = HitIndex::new(
        &hits,
        INDEX_BUF.with(|b| std::mem::take(&mut *b.borrow_mut())),
    );
    let statement = lex.type_index("statement");
    let withdrawal_t = lex.type_index("withdrawal");
    let casualties_t = lex.type_index("casualties");

    // Sentence spans (normalised), for date and modality lookups.
    // (Sized once: the last clause's sentence is the last sentence.)
    let n_sent = clauses.iter().map(|c| c.sentence + 1).max().unwrap_or(0);
    let mut sentences: Vec<(usize, usize)> = Vec::with_capacity(n_sent);
    // Per sentence: the clauses its start and its end come from (their original offsets
    // are the sentence's: mapped once, for the clauses).
    let mut sentence_from: Vec<(usize, usize)> = Vec::with_capacity(n_sent);
    for (ci, c) in clauses.iter().enumerate() {
        if c.sentence >= sentences.len() {
            sentences.resize(c.sentence + 1, (c.start, c.end));
            sentence_from.resize(c.sentence + 1, (ci, ci));
        }
        let s = &mut sentences[c.sentence];
        let from = &mut sentence_from[c.sentence];
        if c.start < s.0 {
            s.0 = c.start;
            from.0 = ci;
        }
        if c.end > s.1 {
            s.1 = c.end;
            from.1 = ci;
        }
    }

    // The article's own date, spelled once (formatting a date per event was a hot spot).
    let dct_date = dates::of_dct(dct);
    let now_date = dates::of_now(dct);
    // "Now" (الآن، حاليا) dates its clause to the article's day, and keeps an older
    // date elsewhere in the sentence from claiming it.
    let usable_timex: Vec<(&Timex, EventDate)> = timex
        .iter()
        .filter_map(|t| {
            if t.value == "PRESENT_REF" {
                return Some((t, now_date.clone()));
            }
            let d = dates::of_timex(t)?;
            // "منذ الأول من آب": since a day, until the article's day (events.md).
            let since =
                t.text.starts_with("منذ") || doc.text.get(..t.start).is_some_and(since_before);
            // So is "منذ أغسطس الماضي": from the first of the month (or year) on.
            if since
                && matches!(
                    d.precision,
                    Precision::Day | Precision::Month | Precision::Year
                )
                && let (Some(from), Some(day)) = (d.date.as_deref(), dct.date)
                && let Some((first, _)) = dates::span(from)
                && first < day
            {
                return Some((
                    t,
                    EventDate {
                        date: if d.precision == Precision::Day {
                            d.date.clone()
                        } else {
                            Some(Cow::Owned(first.to_string()))
                        },
                        date_end: Some(Cow::Owned(day.to_string())),
                        precision: Precision::Range,
                    },
                ));
            }
            Some((t, d))
        })
        .collect();
    // Per usable date read as "since": where "منذ" is, the date itself, and whether it
    // is a month or a year. A deed told between the two ("منذ اجتماعها الأخير في نيويورك
    // في سبتمبر 2017": the meeting) happened at that date, the range is the main
    // clause's; and from a month or a year on only what lasts runs (fighting, a siege, a
    // hold), a meeting "since May" is the one in May.
    // (Most articles have none: then nothing is allocated.)
    let any_range = usable_timex
        .iter()
        .any(|(_, d)| d.precision == Precision::Range);
    let since_points: Vec<Option<(usize, EventDate, bool)>> = usable_timex
        .iter()
        .filter(|_| any_range)
        .map(|(t, d)| {
            if d.precision != Precision::Range {
                return None;
            }
            let point = dates::of_timex(t)?;
            let coarse = matches!(point.precision, Precision::Month | Precision::Year);
            if t.text.starts_with("منذ") {
                return Some((t.start, point, coarse));
            }
            let mut from = t.start.saturating_sub(120);
            while !doc.text.is_char_boundary(from) {
                from += 1;
            }
            let before = doc.text.get(from..t.start)?;
            let at = t.start - before.len() + before.rfind("منذ")?;
            Some((at, point, coarse))
        })
        .collect();
    let timex_orig: Vec<(usize, usize)> = timex.iter().map(|t| (t.start, t.end)).collect();
    // The spans of "soon, in the future" (not "later", not "near": "قريبا من الحدود"),
    // found once: each asserted event asks whether its clause holds one.
    let future_refs: Vec<(usize, usize)> = timex
        .iter()
        .filter(|t| {
            t.value == "FUTURE_REF"
                && !t.text.contains("لاحق")
                && !doc
                    .text
                    .get(t.end..)
                    .is_some_and(|r| r.trim_start().starts_with("من"))
        })
        .map(|t| (t.start, t.end))
        .collect();
    let timex_sorted = usable_timex.is_sorted_by_key(|(t, _)| t.start);

    // At most one event per clause: sized once (growing a vector of these large records
    // was a tenth of this stage), trimmed to what was kept at the end, and returned
    // itself (a copy of every event into a vector of its own size was more work).
    // (Sized below, once the clauses that can tell one are counted.)
    let mut events: Vec<Event> = Vec::new();
    // Shared by the document's events (one allocation at most, for a long id).
    let doc_id = SmolStr::new(&doc.id);
    // Per place: the side that holds (or defends) it by this article's earlier claims,
    // and whether fighting there has been reported.
    let mut defenders: FxHashMap<&str, (&str, Option<jiff::civil::Date>)> = FxHashMap::default();
    let mut contested: FxHashSet<&str> = FxHashSet::default();
    // Per place: the day the article says a side took it (an operation told right after,
    // with no attacker named, is that taking's).
    let mut taken_on: FxHashMap<&str, Option<jiff::civil::Date>> = FxHashMap::default();
    // The scene: (paragraph, its event, how many of that event's places are the scene —
    // the district's cities are added after). An index, not a copy of the places: every
    // event of a scene type sets it.
    let mut scene: Option<usize> = None;
    // The scene's places (borrowed, like every place of an event until it is pushed).
    let mut scene_places: Vec<&str> = Vec::new();
    // The date of the previous sentence (from a timex or itself inherited).
    // Dates are borrowed from `usable_timex` or `dct_date` (every date an event gets is
    // one of those) and copied once, into the event.
    let mut prev_sentence_date: Option<(usize, &EventDate)> = None;
    let mut cur_sentence_date: Option<(usize, &EventDate)> = None;

    // Most articles have no parenthesis: then no place is an aside in one.
    let parens = memchr::memchr(b'(', doc.text.as_bytes()).is_some();
    // The scan lists its mentions in text order already; sort (a copy) only if not.
    let places_sorted = in_text_order(&scan.places, |p| p.start);
    // A name on the side it was on at the article's date (a person who changed sides).
    let doc_actors = sides_on(pack, &doc.text, &scan.actors, dct.date);
    let actors_sorted = in_text_order(&doc_actors, |a| a.start);
    let memo = PackMemo::new(pack);
    // Per clause: its original span, whether it is background (relative or temporal
    // clause), whether it holds a trigger, and the type of the event it gave.
    let clause_orig: Vec<(usize, usize)> = clauses.iter().map(|c| orig(c.start, c.end)).collect();
    // A day of the story's week: at most a week before the article's day.
    let recent_day = |d: &EventDate| {
        d.precision == Precision::Day
            && d.date
                .as_deref()
                .and_then(dates::parse_day)
                .zip(dct.date)
                .is_some_and(|(x, day)| {
                    x <= day && day.since(x).is_ok_and(|sp| sp.get_days() <= STORY_DAYS)
                })
    };
    // Per usable date: the clause it starts in, and whether it is a recent day (asked for
    // each event of its sentence).
    let timex_at: Vec<(usize, bool)> = usable_timex
        .iter()
        .map(|(t, d)| {
            let k = clause_orig
                .partition_point(|&(s, _)| s <= t.start)
                .saturating_sub(1);
            (k, recent_day(d))
        })
        .collect();
    // `orig(a, b)` of each sentence, from its clauses' (a clause's end is mapped unless
    // the clause is empty).
    let sentence_orig: Vec<(usize, usize)> = sentences
        .iter()
        .zip(&sentence_from)
        .map(|(&(a, b), &(ka, kb))| {
            let oa = clause_orig[ka].0;
            if b == 0 || b <= a {
                (oa, oa)
            } else {
                let kc = &clauses[kb];
                let ob = if kc.end == 0 || kc.end <= kc.start {
                    norm.orig(b)
                } else {
                    clause_orig[kb].1
                };
                (oa, ob)
            }
        })
        .collect();
    // (The first hit of each clause: found by moving on from the last clause's, as
    // clauses come in text order, else by bisection.)
    let mut clause_background: Vec<bool> = Vec::with_capacity(clauses.len());
    let mut clause_has_trigger: Vec<bool> = Vec::with_capacity(clauses.len());
    // Whether the clause opens with a turn to another matter ("في حين", "بينما", "من
    // جهته"): it tells no more of the clause before it.
    let mut clause_turns: Vec<bool> = Vec::with_capacity(clauses.len());
    let mut may_tell = 0usize;
    let mut i = 0;
    let mut last_start = 0;
    for c in &clauses {
        if c.start < last_start {
            i = hits.partition_point(|h| h.word_start < c.start);
        }
        while i < hits.len() && hits[i].word_start < c.start {
            i += 1;
        }
        last_start = c.start;
        clause_background.push(
            hits[i..]
                .iter()
                .take_while(|h| h.word_start == c.start)
                .any(|h| matches!(h.cat, Cat::Relative | Cat::Subordinator)),
        );
        // (One walk of the clause's hits for both.) Only a clause with a trigger, a toll
        // or a word of losing tells an event.
        let (mut trigger, mut tells) = (false, false);
        for h in hits[i..].iter().take_while(|h| h.word_start < c.end) {
            match h.cat {
                Cat::Trigger(_) => {
                    (trigger, tells) = (true, true);
                    break;
                }
                Cat::Killed | Cat::Injured | Cat::Displaced | Cat::LossBefore => tells = true,
                _ => {}
            }
        }
        clause_has_trigger.push(trigger);
        may_tell += usize::from(tells);
        clause_turns.push(
            hits[i..]
                .iter()
                .take_while(|h| h.word_start == c.start)
                .any(|h| h.cat == Cat::Joint && text.get(h.start..h.end).is_some_and(turn_joint)),
        );
    }
    events.reserve_exact(may_tell);
    let mut clause_kind: Vec<Option<u8>> = vec![None; clauses.len()];
    // The latest recent day the article named (paragraph, date): its story's day.
    let mut story: Option<(usize, &EventDate)> = None;
    // Per event: its sentence and clause, and whether it only introduces a speaker.
    let mut meta: Vec<(usize, usize, bool)> = Vec::with_capacity(clauses.len());
    // The clause's trigger hits: one buffer for every clause.
    let mut trig_hits: Vec<&LexHit> = Vec::new();
    let mut parent_cities = Vec::new();
    let mut actor_memo = Vec::new();
    // The clause's and the sentence's actors and the sides of its claim: buffers for
    // every clause (a vector collected per clause was an allocation per event each).
    let mut clause_actors: Vec<&ActorMention> = Vec::new();
    let mut sentence_actors: Vec<&ActorMention> = Vec::new();
    let mut sentence_kept: Vec<&ActorMention> = Vec::new();
    let mut before_turn: Vec<&ActorMention> = Vec::new();
    // The last deed told (its type, trigger and sentence), for a clause that leaves out
    // its verb.
    let mut last_deed: Option<(u8, LexHit, usize)> = None;
    let mut sides_src: Vec<&ActorMention> = Vec::new();
    // The last event's sides and its sentence: a verb joined to it by و with no side of
    // its own has the same subject.
    let mut prev_sides: Vec<&ActorMention> = Vec::new();
    let mut prev_sides_sentence = usize::MAX;
    // The event's places, borrowed from the scan or the pack until the event is pushed,
    // and another clause's, lent to it.
    let mut places: Vec<&str> = Vec::new();
    let mut lent: Vec<&str> = Vec::new();
    // The sentence last looked up (its spans), its hits' ranges by category and its
    // names' ranges.
    let mut sent_key: Option<((usize, usize), (usize, usize))> = None;
    let mut sent_ranges = SentRanges {
        r: [(0, 0); SLOTS],
        lo: 0,
        hi: 0,
        seeked: false,
        a: 0,
        b: 0,
    };
    let mut s_places_at = (0usize, 0usize);
    let mut s_actors_at = (0usize, 0usize);
    for (ci, c) in clauses.iter().enumerate() {
        if cur_sentence_date
            .as_ref()
            .is_some_and(|(s, _)| *s != c.sentence)
        {
            prev_sentence_date = cur_sentence_date.take();
        }
        let (os, oe) = clause_orig[ci];
        let sent = sentences
            .get(c.sentence)
            .copied()
            .unwrap_or((c.start, c.end));
        let (ss, se) = sentence_orig
            .get(c.sentence)
            .copied()
            .unwrap_or_else(|| orig(sent.0, sent.1));
        // Only this sentence's hits and names: each clause costs its own length, so a
        // huge file stays linear. Found once per sentence (its clauses follow each other).
        if sent_key != Some((sent, (ss, se))) {
            sent_key = Some((sent, (ss, se)));
            hidx.seek_in(&hits, sent.0, sent.1, &mut sent_ranges);
            let lo = first_from(&places_sorted, s_places_at.0, ss, |p| p.start);
            let hi = first_from(&places_sorted, s_places_at.1.max(lo), se, |p| p.start);
            s_places_at = (lo, hi.max(lo));
            let lo = first_from(&actors_sorted, s_actors_at.0, ss, |a| a.start);
            let hi = first_from(&actors_sorted, s_actors_at.1.max(lo), se, |a| a.start);
            s_actors_at = (lo, hi.max(lo));
            sentence_actors.clear();
            sentence_actors.extend(
                actors_sorted[lo..hi.max(lo)]
                    .iter()
                    .filter(|a| a.start >= ss && a.end <= se),
            );
        }
        // The sentence's hits by category (each check below looks at one or two kinds).
        let sv = SentHits {
            hits: &hidx.hits,
            ranges: &sent_ranges.r,
        };
        let s_places: &[PlaceMention] = &places_sorted[s_places_at.0..s_places_at.1];
        let s_actors: &[ActorMention] = &actors_sorted[s_actors_at.0..s_actors_at.1];
        trig_hits.clear();
        trig_hits.extend(
            sv.triggers()
                .iter()
                .filter(|h| h.word_start >= c.start && h.end <= c.end),
        );
        let cas_words = sv.of(Cat::Killed);
        let mut cas = casualties::find(lex, text, norm.tokens(), (c.start, c.end), cas_words, &[]);
        // Numbers inside a date expression are dates, not tolls.
        // (Only where a date expression reaches into the clause: elsewhere nothing is
        // excluded and the figures stay as found.)
        if cas != Casualties::default() && timex_orig.iter().any(|&(s, e)| s <= oe && e > os) {
            cas = casualties_without_dates(lex, text, c, cas_words, norm, &timex_orig);
        }
        let has_cas = cas != Casualties::default();
        // A result verb (أسفر عن، خلّف) names a toll only where the clause gives one.
        // A demonstrative before a trigger ("هذا الهجوم") recalls an event, it does not
        // report a new one.
        trig_hits.retain(|h| {
            (has_cas || !matches!(h.cat, Cat::Trigger(t) if Some(t) == casualties_t)) && {
                !sv.of(Cat::Anaphoric).iter().any(|a| {
                    // "كذلك، لذلك، بذلك" are adverbs, not demonstratives.
                    matches!(text.get(a.word_start..a.start), Some("" | "و" | "ف"))
                        && a.end <= h.word_start
                        && text
                            .get(a.end..h.word_start)
                            .is_some_and(|g| g.trim().is_empty())
                })
            }
        });
        // A toll with no verb of its own, after an event of the same sentence ("…، بينهم
        // مدنيون، بالإضافة إلى 70 ألف نازح"), completes that event's figures.
        if has_cas
            && trig_hits.is_empty()
            && let (Some(last), Some(m)) = (events.last_mut(), meta.last())
            && m.0 == c.sentence
        {
            let lc = &mut last.casualties;
            lc.killed = lc.killed.or(cas.killed);
            lc.injured = lc.injured.or(cas.injured);
            lc.displaced = lc.displaced.or(cas.displaced);
            last.end = last.end.max(oe);
            last.evidence = doc
                .text
                .get(last.start..last.end)
                .unwrap_or_default()
                .to_string();
            continue;
        }
        let Some((kind_idx, trig)) = choose_trigger(
            lex,
            text,
            sv,
            &trig_hits,
            c,
            has_cas,
            (statement, casualties_t),
        )
        .or_else(|| {
            if !has_cas {
                return None;
            }
            let h = cas_words
                .iter()
                .find(|h| h.word_start >= c.start && h.end <= c.end)?;
            Some((casualties_t.unwrap_or(u8::MAX), *h))
        })
        .or_else(|| {
            // "خسرت قوات حفتر مدينة غريان": a word of losing with a place after it, and no
            // taking, is the side's withdrawal from it.
            let w = withdrawal_t?;
            // (Only losing: "خرج" is also going out, "خرج السكان إلى الشوارع".)
            let h = sv.of(Cat::LossBefore).iter().find(|h| {
                h.word_start >= c.start
                    && h.end <= c.end
                    && text
                        .get(h.start..h.end)
                        .is_some_and(|w| w.starts_with("خسار") || w.starts_with("خسر"))
                    && {
                        let e = norm.orig(h.end);
                        s_places.iter().any(|p| {
                            p.start >= e
                                && p.end <= oe
                                && p.in_actor.is_none()
                                && doc
                                    .text
                                    .get(e..p.start)
                                    .is_some_and(|g| g.split_whitespace().nth(4).is_none())
                        })
                    }
            })?;
            Some((w, *h))
        })
        .or_else(|| {
            // "سيطرت على بنغازي في يوليو 2017، ثم على درنة في يونيو 2018": the verb left
            // out after "ثم" is the sentence's last deed's, at its own place and date.
            let (t, h, sentence) = last_deed?;
            let opens = text.get(c.start..c.end)?.strip_prefix("ثم ")?;
            let gapped = sentence == c.sentence
                && ["علي ", "الي ", "في "].iter().any(|p| opens.starts_with(p))
                && s_places
                    .iter()
                    .any(|p| p.start >= os && p.end <= oe && p.in_actor.is_none());
            gapped.then_some((t, h))
        }) else {
            continue;
        };
        let kind: &str = lex
            .types
            .get(kind_idx as usize)
            .map_or("casualties", String::as_str);

        // An aside that opens the clause ("، وهي تحالف لكتائب من مصراتة، السبت سيطرتها
        // …"): its names describe a side, they are not the deed's places or sides.
        // (Only when the deed is told after it: "وهو موقف كرره بومبيو" is a clause.)
        // An aside follows the name it describes, set off by a comma; a sentence that
        // opens with "وهو" starts a clause of its own.
        let name_end = doc
            .text
            .get(ss.min(os)..os)
            .and_then(|b| b.trim_end().strip_suffix(['،', ',']))
            .map(|b| b.trim_end_matches([' ', '"', '»', ')']).len() + ss.min(os));
        let named_actor = name_end.and_then(|n| s_actors.iter().find(|a| a.end == n));
        let after_name =
            named_actor.is_some() || name_end.is_some_and(|n| s_places.iter().any(|p| p.end == n));
        let (os_own, aside) = match aside_end(&doc.text, os, oe) {
            Some(e) if after_name && norm.orig(trig.word_start) >= e => (e, Some((os, e))),
            _ => (os, None),
        };
        // The side an aside describes is the one the clause goes on to tell of
        // ("مجلس شورى ثوار بنغازي، الذي يضم …، مساء الثلاثاء سيطرته على …").
        let aside_subject = named_actor.filter(|_| aside.is_some());
        let in_aside = |a: usize| aside.is_some_and(|(s, e)| a >= s && a < e);
        // Places and actors of the clause.
        places.clear();
        places_in(
            &doc.text,
            parens,
            sv,
            s_places,
            (os_own, oe),
            norm,
            &mut places,
        );
        // "توقيع اتفاق الصخيرات": an agreement signed, or a gathering held, is where its
        // name says (the name is a title elsewhere: "تنفيذ اتفاق الصخيرات").
        if places.is_empty()
            && matches!(kind, "political_decision" | "conference" | "meeting")
            && let te = norm.orig(trig.end)
            && let Some(p) = s_places.iter().find(|p| {
                p.in_title
                    && p.in_actor.is_none()
                    && p.start >= te
                    && p.end <= oe
                    && doc
                        .text
                        .get(te..p.start)
                        .is_some_and(|g| g.split_whitespace().nth(2).is_none())
            })
        {
            places.push(&p.place);
        }
        // "بسطت سيطرتها على المدينة بعد انسحاب قوات حفتر منها باتجاه بني وليد": where
        // the losers went is not what was taken.
        if kind == "territory_taken"
            && let Some(w) = sv.triggers().iter().find(|h| {
                matches!(h.cat, Cat::Trigger(t) if Some(t) == withdrawal_t)
                    && h.word_start >= trig.end
                    && h.end <= c.end
            })
        {
            let (ws, we) = orig(w.word_start, w.end);
            places.retain(|p| {
                s_places
                    .iter()
                    .any(|m| *m.place == **p && m.start >= os_own && m.end <= ws)
                    || !is_destination(
                        &doc.text,
                        sv.of(Cat::Destination),
                        norm,
                        s_places,
                        (we, oe),
                        p,
                    )
            });
        }
        // "بحسب الهلال الأحمر": who a report is credited to is its source, no party to
        // the deed (a statement's source is its speaker).
        let credited = |a: &ActorMention| {
            Some(kind_idx) != statement
                && sv.of(Cat::Attribution).iter().any(|h| {
                    let e = norm.orig(h.end);
                    e <= a.start
                        && doc.text.get(e..a.start).is_some_and(|g| {
                            g.split_whitespace().count() <= ATTRIBUTION_WORDS
                                && !g.contains([',', '،'])
                        })
                })
        };
        clause_actors.clear();
        clause_actors.extend(
            s_actors
                .iter()
                .filter(|a| a.start >= os_own && a.end <= oe && !credited(a)),
        );
        if let Some(a) = aside_subject {
            clause_actors.insert(0, a);
        }
        // The sentence's actors (found once per sentence) without the credited ones and
        // those of the aside.
        let credits = (Some(kind_idx) != statement
            && !sv.of(Cat::Attribution).is_empty()
            && sentence_actors.iter().any(|a| credited(a)))
            || aside.is_some();
        if credits {
            sentence_kept.clear();
            sentence_kept.extend(
                sentence_actors
                    .iter()
                    .copied()
                    .filter(|a| !credited(a) && !in_aside(a.start)),
            );
        }
        let sentence_actors: &[&ActorMention] = if credits {
            &sentence_kept
        } else {
            &sentence_actors
        };
        // (An observer named past a later clause that turns to another matter is no
        // party: "…، فيما أعلنت البعثة الأممية عن قلقها". A side named there may be,
        // when the clause names none.)
        let observer = |a: &ActorMention| pack.actor(&a.actor).is_some_and(observes);
        // (Asked only when a side is named after the clause: a walk of the sentence's
        // later clauses, by index.)
        let turn_at = if sentence_actors.iter().any(|a| a.start >= oe) {
            let mut k = ci + 1;
            let mut at = None;
            while let Some(kc) = clauses.get(k) {
                if kc.sentence != c.sentence {
                    break;
                }
                if clause_turns[k]
                    || text.get(kc.start..).is_some_and(|t| {
                        t.starts_with("فيما ")
                            || t.starts_with("بينما ")
                            || t.starts_with("وبينما ")
                    })
                {
                    at = Some(clause_orig[k].0);
                    break;
                }
                k += 1;
            }
            at
        } else {
            None
        };
        let sentence_actors = match turn_at {
            Some(t) if sentence_actors.iter().any(|a| a.start >= t && observer(a)) => {
                before_turn.clear();
                before_turn.extend(
                    sentence_actors
                        .iter()
                        .copied()
                        .filter(|a| a.start < t || !observer(a)),
                );
                &before_turn
            }
            _ => sentence_actors,
        };
        let actors_src = if clause_actors.is_empty() {
            sentence_actors
        } else {
            &clause_actors
        };
        let mut actors = actor_ids(pack, actors_src, dct.date, &mut actor_memo);
        if Some(kind_idx) == statement && actors.is_empty() {
            // "a source said" with nobody named is no event worth a row.
            continue;
        }
        if Some(kind_idx) == casualties_t {
            // "نزح آلاف السكان نحو زوارة": where people fled to is not where the toll was.
            places.retain(|p| {
                !is_destination(
                    &doc.text,
                    sv.of(Cat::Destination),
                    norm,
                    s_places,
                    (os, oe),
                    p,
                )
            });
        }
        let clause_idx = ci;
        let is_scene_type = SCENE_TYPES.contains(&kind);
        // "جنوب شرق العاصمة" locates something else relative to the capital: a capital
        // word right after a passing word is a landmark, not the scene.
        // ("في جنوب العاصمة" is in the capital: a passing word after "في" places inside.)
        let after_passing = |h: &LexHit| {
            sv.of(Cat::Passing).iter().any(|p| {
                p.end <= h.word_start
                    && text
                        .get(p.end..h.word_start)
                        .is_some_and(|g| g.trim().is_empty())
                    && !text
                        .get(..p.word_start)
                        .is_some_and(|b| b.trim_end().ends_with(" في") && b.ends_with(' '))
            })
        };
        if places.is_empty()
            && let Some(cap) = &lex.capital
            && sv
                .of(Cat::Capital)
                .iter()
                .any(|h| h.word_start >= c.start && h.end <= c.end && !after_passing(h))
        {
            // "العاصمة" with no name beside it: the capital is the place.
            places.push(cap);
        }
        // "المدينة" with no name: the city of the current scene, else the city or town
        // named last before it, if recent; else the city of a district named before it,
        // or one named only in a force's name ("قوة حماية درنة").
        let anaphor_city = |h: &LexHit| -> Option<&str> {
            // "المنطقة نفسها" is the place named last, whatever its kind.
            let any_kind = text
                .get(h.start..h.end)
                .is_some_and(|w| w.contains("المنطقه"));
            let is_city = |id| {
                memo.place(id).is_some_and(|x| {
                    any_kind && x.kind != "foreign" || matches!(x.kind.as_str(), "city" | "town")
                })
            };
            let at = norm.orig(h.word_start);
            let i = places_sorted.partition_point(|p| p.end <= at);
            // "القريبة من المدينة": near the city is not in it; "وسط المدينة" is.
            let right_before = |p: &LexHit| {
                p.end <= h.word_start
                    && text
                        .get(p.end..h.word_start)
                        .is_some_and(|g| g.trim().is_empty())
            };
            let near = sv.of(Cat::Passing).iter().any(&right_before)
                && !sv.of(Cat::Inside).iter().any(&right_before);
            if near {
                return None;
            }
            if scene.is_some_and(|p| c.paragraph <= p + 2)
                && let Some(&city) = scene_places.iter().find(|p| is_city(p))
            {
                return Some(city);
            }
            let recent = |p: &&PlaceMention| at - p.end <= CITY_ANAPHOR_BYTES;
            if let Some(p) = places_sorted[..i]
                .iter()
                .rev()
                .take(12)
                .find(|p| p.in_actor.is_none() && recent(p) && is_city(&p.place))
            {
                // Named in this sentence or the one before, the last city is the one
                // meant. Further back, "المدينة" is the article's city: the one named
                // most so far (not the capital named in passing in between).
                // (A blank line between paragraphs counts as a sentence: skipped.)
                let prev_start = (0..c.sentence)
                    .rev()
                    .take(3)
                    .filter_map(|k| sentences.get(k))
                    .find(|(a, b)| text.get(*a..*b).is_some_and(|t| !t.trim().is_empty()))
                    .map_or(0, |&(a, _)| norm.orig(a));
                if p.end >= prev_start {
                    return Some(&p.place);
                }
                return Some(most_named(&places_sorted[..i], false, is_city).unwrap_or(&p.place));
            }
            // No city named freely: a district's city ("حي شيحا"), else the city a force
            // is named after.
            places_sorted[..i]
                .iter()
                .rev()
                .take(12)
                .filter(|p| p.in_actor.is_none() && recent(p))
                .find_map(|p| {
                    let d = memo.place(&p.place).filter(|d| d.kind == "district")?;
                    parent_city(pack, d).map(|c| c.id.as_str())
                })
                .or_else(|| most_named(&places_sorted[..i], true, is_city))
        };
        if places.is_empty()
            && let Some(h) = sv
                .of(Cat::CityAnaphor)
                .iter()
                .find(|h| h.word_start >= c.start && h.end <= c.end)
            && let Some(city) = anaphor_city(h)
        {
            places.push(city);
        }
        if places.is_empty()
            && sv.of(Cat::Relative).iter().any(|h| h.word_start == c.start)
            && let Some(p) = s_places.iter().rev().find(|p| {
                p.end <= os
                    && p.in_actor.is_none()
                    && doc.text.get(p.end..os).is_some_and(|g| g.trim().is_empty())
            })
        {
            // "مدينة درنة التي يسيطر عليها …": the relative clause is about its antecedent.
            places.push(&p.place);
        }
        // A clause that names a place only as an aside ("(في طرابلس)", "شرقي ليبيا") is
        // not at the sentence's other places, nor at the scene.
        // So is one that names a town or a province the pack does not know ("في محافظة
        // المنيا"): it happened there, not at the scene.
        // A toll told as the result of the sentence's last deed ("…، وأسفر عن مقتل 29
        // شخصا") is where that deed was, and nowhere else if it was nowhere known.
        let result_of_prev = Some(kind_idx) == casualties_t
            && places.is_empty()
            && meta.last().is_some_and(|m| m.0 == c.sentence)
            && text.get(trig.word_start..trig.end).is_some_and(|w| {
                let w = w.trim_start_matches(['و', 'ف']);
                ["اسفر", "ادي", "خلف", "اوقع"]
                    .iter()
                    .any(|r| w.starts_with(r))
            });
        if result_of_prev && let Some(last) = events.last() {
            places.extend(
                last.places
                    .iter()
                    .filter_map(|p| pack.place(p))
                    .map(|x| x.id.as_str()),
            );
        }
        let names_a_place = result_of_prev
            || s_places
                .iter()
                .any(|p| p.start >= os && p.end <= oe && p.in_actor.is_none() && !p.in_title)
            // (Asked only where it matters: a fight with no place of its own.)
            || (places.is_empty()
                && is_scene_type
                && names_unknown_place(&doc.text, (os, oe), s_places));
        if places.is_empty() {
            if is_scene_type && !names_a_place {
                // The sentence's other places, where they are not another event's: a
                // clause after this one (an elaboration: "… في إطار معركة … غرب بنغازي",
                // "… أثناء محاولتهما اقتحام سرت"), but before it only a clause that told
                // no event, or only a speech; never an earlier event's clause (بعد أن،
                // منذ، relative clauses).
                // Only the sentence's clauses (they are in text order): a scan of every
                // clause of the article for each clause was quadratic on long texts.
                let first = clause_orig.partition_point(|&(ks, _)| ks < ss);
                for (k, &(ks, ke)) in clause_orig.iter().enumerate().skip(first) {
                    if ks >= se {
                        break;
                    }
                    if k == ci || ke > se {
                        continue;
                    }
                    // (A later clause with a date of its own tells another time:
                    // "… تمكنت من صده، واستعادت في يونيو 2020 … ترهونة".)
                    let lends = !clause_background[k]
                        && (k > ci
                            && !clause_turns[k]
                            && !usable_timex
                                .iter()
                                .any(|(t, _)| t.start >= ks && t.end <= ke)
                            || k < ci && clause_kind[k].is_none_or(|t| Some(t) == statement));
                    if lends {
                        lent.clear();
                        places_in(&doc.text, parens, sv, s_places, (ks, ke), norm, &mut lent);
                        // "… واستخدمت فيها الأسلحة الثقيلة وسط المدينة": the city it means.
                        if lent.is_empty()
                            && k > ci
                            && let Some(kc) = clauses.get(k)
                            && let Some(city) = sv
                                .of(Cat::CityAnaphor)
                                .iter()
                                .find(|h| h.word_start >= kc.start && h.end <= kc.end)
                                .and_then(&anaphor_city)
                        {
                            if !places.contains(&city) {
                                places.push(city);
                            }
                            continue;
                        }
                        for &p in &lent {
                            // The dateline ("طرابلس –") says where the report was filed;
                            // it is no other clause's scene.
                            let only_dateline = s_places
                                .iter()
                                .filter(|m| *m.place == *p && m.start >= ks && m.end <= ke)
                                .all(|m| is_dateline(&doc.text, m));
                            // Nor is where a later clause heads ("… وتقدمت نحو سرت") a
                            // place of this one.
                            if only_dateline
                                || ((Some(kind_idx) == casualties_t || k > ci)
                                    && is_destination(
                                        &doc.text,
                                        sv.of(Cat::Destination),
                                        norm,
                                        s_places,
                                        (ks, ke),
                                        p,
                                    ))
                            {
                                continue;
                            }
                            if !places.contains(&p) {
                                places.push(p);
                            }
                        }
                    }
                }
            } else if Some(kind_idx) == statement {
                // A statement's place is the one its content names, which follows it;
                // what the sentence said before is another matter.
                places_in(&doc.text, parens, sv, s_places, (oe, se), norm, &mut places);
            }
        }
        if places.is_empty()
            && is_scene_type
            && !names_a_place
            && let Some(p) = scene
            && (p == c.paragraph || c.paragraph == p + 1)
        {
            places.extend_from_slice(&scene_places);
        }
        // This event is pushed below (it has a place, so nothing skips it); its places
        // are only added to from here on (a district's city), and those are no scene.
        // Whether it sets the scene waits for its date.
        let sets_scene = is_scene_type && !places.is_empty();

        // Date: the nearest timex in the clause, else in the sentence, else inherited
        // from the previous sentence, else the article's own date.
        let (to, te) = orig(trig.start, trig.end);
        // What a statement says happened "before/after/until" a date is its content's
        // reference point, not the day it was said ("رفض … انسحاب القوات قبل 4 أبريل").
        // Nor is an older date inside what it reports ("قالت وليامز إن الاتفاق خطوة نحو
        // تثبيت وقف إطلاق النار الموقع في جنيف في أكتوبر الماضي"): the words were said now.
        let content_at = (Some(kind_idx) == statement)
            .then(|| {
                sv.of(Cat::Complementizer)
                    .iter()
                    .find(|h| h.word_start >= trig.end && h.end <= c.end && !time_an(text, h))
                    .map(|h| norm.orig(h.end))
            })
            .flatten();
        let reference_point = |t: &Timex| {
            Some(kind_idx) == statement
                && t.start >= te
                && (matches!(
                    word_before(&doc.text, t.start),
                    "قبل" | "بعد" | "حتى" | "وقبل" | "وبعد"
                ) || content_at.is_some_and(|e| t.start >= e)
                    // (A day of the story's week in it is when it was said, too: "وأضاف
                    // أن عشرات قتلوا في الأيام الأخيرة".)
                    && !dates::of_timex(t).is_some_and(|d| recent_day(&d)))
        };
        // The nearest date, one not set off from the trigger by a comma first ("أطلق
        // عملية الكرامة في مايو 2014، وأعلن السيطرة على بنغازي في يوليو 2017").
        // "سيطرتها على مطار طرابلس المغلق منذ عام 2014": what has lasted since a date is
        // a state; a deed done at a point (a taking, a strike) is not dated by it.
        let point_deed = matches!(
            kind,
            "territory_taken" | "withdrawal" | "air_strike" | "attack_repelled"
        );
        let lasting =
            |t: &Timex| point_deed && (t.text.starts_with("منذ") || t.text.starts_with("ومنذ"));
        // The date of usable date `i` for this deed (see `since_points`).
        // (A toll told with it runs over the whole time: "ارتفعت الحصيلة منذ اندلاع
        // المواجهات في 26 أغسطس إلى 47".)
        let lasts = LASTING.contains(&kind);
        let dated_at = |i: usize, d| {
            since_date(&since_points, &usable_timex, i, to, lasts)
                .filter(|_| !has_cas)
                .unwrap_or(d)
        };
        let near = |lo: usize, hi: usize| {
            timex_between(&usable_timex, timex_sorted, lo, hi)
                .filter(|(_, (t, _))| {
                    t.start >= lo && t.end <= hi && !reference_point(t) && !lasting(t)
                })
                .min_by_key(|(_, (t, _))| {
                    let (a, b) = if t.end <= to {
                        (t.end, to)
                    } else {
                        (te, t.start.max(te))
                    };
                    let comma = doc.text.get(a..b).is_some_and(|g| g.contains(['،', ',']));
                    (comma, b - a)
                })
                .map(|(i, (_, d))| dated_at(i, d))
        };
        // Elsewhere in the sentence, a date counts only where it is not another event's:
        // not in a relative or temporal clause (background), not in a later clause with an
        // event of its own, not in an earlier clause whose event was more than a speech.
        // A day of the story's week may come from anywhere in the sentence.
        let lends_date = |i: usize| {
            let (k, recent) = timex_at[i];
            if k == ci || recent {
                return true;
            }
            if clause_background.get(k).copied().unwrap_or(true) {
                return false;
            }
            if k > ci {
                !clause_has_trigger.get(k).copied().unwrap_or(true)
            } else {
                clause_kind
                    .get(k)
                    .copied()
                    .flatten()
                    .is_none_or(|t| Some(t) == statement)
            }
        };
        let near_sentence = || {
            timex_between(&usable_timex, timex_sorted, ss, se)
                .filter(|&(i, (t, _))| {
                    t.start >= ss
                        && t.end <= se
                        && lends_date(i)
                        && !reference_point(t)
                        && !lasting(t)
                })
                .min_by_key(|(_, (t, _))| {
                    if t.end <= to {
                        to - t.end
                    } else {
                        t.start.saturating_sub(te)
                    }
                })
                .map(|(i, (_, d))| dated_at(i, d))
        };
        let (date, source) = match near(os, oe).or_else(near_sentence) {
            Some(d) => (d, DateSource::Timex),
            None => match cur_sentence_date
                .as_ref()
                .or(prev_sentence_date.as_ref())
                .filter(|(s, _)| *s + 1 >= c.sentence)
            {
                Some(&(_, d)) => (d, DateSource::Inherited),
                // The story's day: a recent day named shortly before (a paragraph or
                // two) still dates what the article goes on to tell.
                None => match story.as_ref().filter(|(p, _)| c.paragraph <= p + 4) {
                    Some(&(_, d)) => (d, DateSource::Inherited),
                    None => (&dct_date, DateSource::Dct),
                },
            },
        };
        // "…، بعد يوم من إعلانها استعادة السيطرة": the deed of a clause opened by "بعد"
        // and a stated lapse came that long before the sentence's deed told first.
        let lapse_day = clause_background[ci]
            .then(|| lapse_days(&doc.text, timex, os, oe))
            .flatten()
            .and_then(|days| {
                let (last, m) = (events.last()?, meta.last()?);
                if m.0 != c.sentence || last.precision != Precision::Day {
                    return None;
                }
                let day: jiff::civil::Date = last.date.as_deref()?.parse().ok()?;
                day.checked_sub(jiff::Span::new().days(days)).ok()
            });
        if source != DateSource::Dct && lapse_day.is_none() {
            cur_sentence_date = Some((c.sentence, date));
        }
        // The story's day is the first recent day the article names (its lead); later
        // ones are side events (a phone call on Monday).
        if story.is_none() && source == DateSource::Timex && recent_day(date) {
            story = Some((c.paragraph, date));
        }
        // A deed the article dates well before its own day is a recall ("قبل أن يطلق
        // هجومه على طرابلس في الرابع من أبريل"): "المدينة" after it is still the story's.
        let recall = || {
            source == DateSource::Timex
                && lapse_day.is_none()
                && date
                    .date
                    .as_deref()
                    .and_then(dates::span)
                    .zip(dct.date)
                    .is_some_and(|((_, to), day)| {
                        day.since(to).is_ok_and(|sp| sp.get_days() > STORY_DAYS)
                    })
        };
        if sets_scene && !recall() {
            scene = Some(c.paragraph);
            scene_places.clear();
            scene_places.extend_from_slice(&places);
        }

        let mut modality = modality::of(lex, text, sv, &trig, kind_idx, (c.start, c.end), sent);
        // A word that opens its clause (nothing but punctuation before it in the clause).
        let opens_clause = |at: usize| {
            // Clauses are in text order and do not overlap: the one holding `at` is the
            // last to start at or before it.
            let i = clauses.partition_point(|cl| cl.start <= at);
            i.checked_sub(1)
                .and_then(|i| clauses.get(i))
                .is_some_and(|cl| {
                    at < cl.end
                        && text.get(cl.start..at).is_some_and(|g| {
                            g.chars()
                                .all(|ch| ch.is_whitespace() || matches!(ch, '،' | ',' | 'و'))
                        })
                })
        };
        // A denial verb earlier in the sentence (نفى …) denies the content it reports,
        // up to a reporting verb that opens new content ("نفى أن … مؤكدا أنها ما زالت
        // تسيطر": what he confirms is not denied).
        let denied = sv
            .of(Cat::Denial)
            .iter()
            .filter(|h| h.word_start >= sent.0 && h.end <= trig.word_start)
            .any(|d| {
                !sv.of(Cat::Reporting).iter().any(|r| {
                    r.word_start > d.end && r.end <= trig.word_start && opens_clause(r.word_start)
                }) && !affirmed_between(text, &clauses, d.end, trig.word_start)
            });
        if Some(kind_idx) != statement
            && matches!(
                modality,
                Modality::Asserted | Modality::Reported | Modality::Hypothetical
            )
            && denied
        {
            modality = Modality::Negated;
        }
        // A date after the article's own is not yet history.
        if modality == Modality::Asserted
            && source == DateSource::Timex
            && let (Some(d), Some(day)) = (date.date.as_deref(), dct.date)
            && dates::span(d).is_some_and(|(from, _)| from > day)
        {
            modality = Modality::Planned;
        }
        // "ستجتمع قريبا": a clause that says "soon" or "in the future" tells what is to come
        // ("لاحقا", later, also tells a past story: "انسحبت منها لاحقا").
        if modality == Modality::Asserted && future_refs.iter().any(|&(s, e)| s >= os && e <= oe) {
            modality = Modality::Planned;
        }
        // Who takes part, for control: the clause's own actors; in a relative clause
        // with none, its antecedent (the actor right before "الذي/التي"); in reported
        // content ("قال X إنهم صدّوا"), the speaker named earlier in the sentence.
        // "طردت قواته آخر جنود القذافي من المدينة": the side named right after a verb of
        // expelling is the one driven out, never the one who took the place.
        let expel = kind == "territory_taken"
            && text
                .get(trig.start..trig.end)
                .is_some_and(|w| w.starts_with("طرد") || w.starts_with("اخرج"));
        let expelled = |a: &ActorMention| {
            expel
                && a.start >= te
                && doc
                    .text
                    .get(te..a.start)
                    .is_some_and(|g| g.split_whitespace().nth(3).is_none())
        };
        sides_src.clear();
        if clause_actors.iter().any(|a| !expelled(a)) {
            sides_src.extend(clause_actors.iter().filter(|a| !expelled(a)));
        } else if sv.of(Cat::Relative).iter().any(|h| h.word_start == c.start) {
            sides_src.extend(s_actors.iter().filter(|a| {
                // Only spaces and punctuation between ("قوات الوفاق، التي …").
                a.end <= os
                    && doc.text.get(a.end..os).is_some_and(|g| {
                        g.chars()
                            .all(|ch| ch.is_whitespace() || ch.is_ascii_punctuation() || ch == '،')
                    })
            }));
        } else if sv
            .of(Cat::Complementizer)
            .iter()
            .any(|h| h.word_start >= c.start && h.end <= trig.word_start && !time_an(text, h))
            || (CLAIMED_DEEDS.contains(&kind)
                && sv.triggers().iter().any(|h| {
                    // "أعلنت قوات X، مساء الأحد، استعادة السيطرة على Y": the deed is the
                    // object of X's announcement, so X is its side.
                    matches!(h.cat, Cat::Trigger(t) if Some(t) == statement)
                        && h.word_start >= sent.0
                        && h.end <= c.start
                }))
        {
            // The speaker: the side named right after the last speech verb before the
            // deed that has one ("زعم X …، في حين نفت Y ذلك، مؤكدة أن قواتها استعادت …":
            // Y's forces); else the sides named before it, first first.
            // (The sentence's run of the hits, when the index walked it.)
            let sh: &[LexHit] = if hidx.ordered {
                &hits[sent_ranges.a..sent_ranges.b]
            } else {
                let lo = hits.partition_point(|h| h.word_start < sent.0);
                let hi = hits.partition_point(|h| h.word_start < sent.1.max(sent.0));
                &hits[lo..hi.max(lo)]
            };
            let speaker = sh
                .iter()
                .filter(|h| {
                    h.end <= c.start
                        && h.word_start >= sent.0
                        && (matches!(h.cat, Cat::Reporting | Cat::Claim)
                            || matches!(h.cat, Cat::Trigger(t) if Some(t) == statement))
                })
                .rev()
                .find_map(|h| {
                    let after = norm.orig(h.end);
                    sentence_actors.iter().copied().find(|a| {
                        a.start >= after
                            && a.end <= os
                            && doc.text.get(after..a.start).is_some_and(|g| {
                                g.split_whitespace().nth(2).is_none() && !g.contains([',', '،'])
                            })
                    })
                });
            match speaker {
                Some(a) => sides_src.push(a),
                None => sides_src.extend(sentence_actors.iter().filter(|a| a.end <= os).copied()),
            }
        }
        // "تمكنت قوات الوفاق من صده، واستعادت في يونيو … ترهونة": a verb joined by و that
        // opens its clause, with no side named, shares the subject of the deed before it.
        // So does one whose only sides are named after "مع" or "ضد" ("وسيطرت على الميناء
        // بعد اشتباكات مع قوات X"): X is the other side, not the subject.
        // And so does a clause whose verb is left out (its trigger is the last deed's).
        let gapped = trig.word_start < c.start;
        if prev_sides_sentence == c.sentence
            && !prev_sides.is_empty()
            && (gapped
                || text
                    .get(trig.word_start..)
                    .is_some_and(|w| w.starts_with('و'))
                    && text.get(c.start..trig.word_start).is_some_and(|g| {
                        g.trim_matches(|ch: char| ch.is_whitespace() || ch == '،' || ch == ',')
                            .is_empty()
                    }))
            && sides_src.iter().all(|a| opposed(&doc.text, a.start))
        {
            let n = sides_src.len();
            sides_src.extend_from_slice(&prev_sides);
            sides_src.rotate_left(n);
        }
        // The agent of an offensive is named right after its verb or noun (VSO, and
        // "هجوم قوات X"), wherever the clause puts the other side.
        // (Only an offensive's or a siege's claim asks for it.)
        let agent = s_actors
            .iter()
            .filter(|_| matches!(kind, "offensive" | "siege"))
            .filter(|a| a.start >= te && a.start <= oe)
            .find(|a| {
                doc.text
                    .get(te..a.start)
                    .is_some_and(|g| g.split_whitespace().nth(1).is_none())
            })
            .map(|a| memo.faction_of(&a.faction));
        // The side named at most a word after `at` (after "في يد", "على مواقع" …).
        let side_after = |at: usize| {
            s_actors
                .iter()
                .find(|a| {
                    a.start >= at
                        && doc
                            .text
                            .get(at..a.start)
                            .is_some_and(|g| g.split_whitespace().nth(1).is_none())
                })
                .map(|a| memo.faction_of(&a.faction))
        };
        // Where the target words of an attack ("على", "ضد مواقع") end, after its trigger.
        let target_words = || {
            sv.of(Cat::TargetBefore)
                .iter()
                .filter(|_| matches!(kind, "offensive" | "siege"))
                .filter(|h| h.word_start >= trig.end && h.end <= c.end)
                .map(|h| norm.orig(h.end))
        };
        // "هجوم مفاجئ على مواقع قوات X": X, named after the attack, is its target.
        let target = target_words().find_map(side_after);
        // "هجومها على طرابلس": the place named after the attack's "على" is the one it
        // contests, wherever the clause names others (the base it set out from).
        let target_place = target_words().find_map(|at| {
            s_places
                .iter()
                .find(|p| {
                    p.start >= at
                        && p.in_actor.is_none()
                        && doc
                            .text
                            .get(at..p.start)
                            .is_some_and(|g| g.split_whitespace().nth(1).is_none())
                })
                .map(|p| &*p.place)
        });
        let event_start = lapse_day.or_else(|| {
            date.date
                .as_deref()
                .and_then(dates::span)
                .map(|(from, _)| from)
        });
        // Names of those gone by the event's day take no part in it.
        if let Some(day) = event_start.or(dct.date) {
            if actors_src.iter().any(|a| gone_by(pack, a, day)) {
                let kept: Vec<&ActorMention> = actors_src
                    .iter()
                    .copied()
                    .filter(|a| !gone_by(pack, a, day))
                    .collect();
                actors = actor_ids(pack, &kept, dct.date, &mut actor_memo);
            }
            sides_src.retain(|a| !gone_by(pack, a, day));
        }
        // "… في يد قوات الوفاق": the side named after the phrase holds the place. (Only
        // a taking's or a claim's control asks for it.)
        let named_holder = sv
            .of(Cat::HolderBefore)
            .iter()
            .filter(|_| matches!(kind, "territory_taken" | "control_claim"))
            .filter(|h| h.word_start >= c.start && h.end <= c.end)
            // "كانت بقبضة داعش" names who held it before, not who holds it now.
            .filter(|h| {
                let before = text.get(c.start..h.word_start).unwrap_or("").trim_end();
                !(before.ends_with("كانت") || before.ends_with("كان"))
            })
            .find_map(|h| side_after(norm.orig(h.end)));
        // "تم تحرير مدينة صبراتة من عناصر تنظيم داعش": the side a taking is "from" lost
        // the place; it never took it.
        let ousted = sides_src
            .iter()
            .filter(|_| kind == "territory_taken")
            .find(|a| a.start >= te && ousted_from(&doc.text, a.start))
            .map(|a| memo.faction_of(&a.faction));
        let ctx = ControlCtx {
            pack,
            memo: &memo,
            doc_actors: &doc_actors,
            defenders: &defenders,
            taken_on: &taken_on,
            date: event_start,
            contested: &contested,
            destination: if kind == "withdrawal" {
                destination_place(&doc.text, sv.of(Cat::Destination), norm, s_places, (os, oe))
            } else {
                None
            },
            agent,
            named_holder,
            target,
            target_place,
            // "اشتباكات بين X وY": the two are named as equals, neither as the holder.
            between: kind == "armed_clash"
                && sides_src.first().is_some_and(|a| {
                    doc.text
                        .get(os..a.start)
                        .is_some_and(|g| g.split_whitespace().any(|w| matches!(w, "بين" | "وبين")))
                }),
            origins: origins(&doc.text, sv, s_places, (os, oe), norm),
            ousted,
        };
        // For an attack, a side set off by a comma before the trigger is no party to it
        // ("X، مؤخرا بعد الهجوم على Y" — X only speaks of it), unless a complementizer
        // puts the trigger in X's reported words ("أعلن X أن قواته تتحرك").
        if matches!(kind, "offensive" | "siege") {
            let comp_before = sv
                .of(Cat::Complementizer)
                .iter()
                .any(|h| h.word_start >= c.start && h.end <= trig.word_start && !time_an(text, h));
            // (An aside closed right before the trigger keeps X the agent: "شنت قوات X،
            // صباح السبت، هجوما على Y", "قوات تابعة لـX، الموالية لـZ، هجوما".)
            sides_src.retain(|a| {
                comp_before
                    || a.start >= to
                    || doc.text.get(a.end..to).is_some_and(|g| {
                        let g = g.trim();
                        !g.contains(['،', ','])
                            || g.starts_with(['،', ','])
                                && g.ends_with(['،', ','])
                                && g.matches(['،', ',']).count() == 2
                    })
            });
        } else if matches!(kind, "territory_taken" | "withdrawal") {
            // "انسحبت قواته من محيط طرابلس … بدعم تركي لحكومة الوفاق": a side named after
            // the place taken or left supports someone or lost it ("من قبضة X"); the one
            // who took or left it is named before.
            let place_at = s_places
                .iter()
                .filter(|p| p.start >= te && p.end <= oe && p.in_actor.is_none())
                .map(|p| p.start)
                .min();
            // Kept: a side named by "على يد / من قبل" (by the hand of), or right after a
            // place with nothing between (verb-object-subject: "سيطرت على غريان قوات X").
            let by_hand = |a: &ActorMention| {
                let before = doc.text.get(..a.start).unwrap_or("").trim_end();
                ["على يد", "علي يد", "من قبل", "بيد", "على أيدي", "علي ايدي"]
                    .iter()
                    .any(|w| before.ends_with(w))
            };
            let right_after_place = |a: &ActorMention| {
                s_places
                    .iter()
                    .filter(|p| p.end <= a.start)
                    .max_by_key(|p| p.end)
                    .is_some_and(|p| {
                        doc.text
                            .get(p.end..a.start)
                            .is_some_and(|g| g.trim().is_empty())
                    })
            };
            // "وسيطرت على غرفة العمليات الرئيسية لقوات حفتر": a side named with ل after
            // the object's preposition owns what was taken; it did not take it.
            let owner = |a: &ActorMention| {
                a.start >= te
                    && doc
                        .text
                        .get(te..a.start)
                        .is_some_and(|g| g.split_whitespace().any(|w| w == "على" || w == "علي"))
                    && lam_before(&doc.text, a.start)
            };
            match place_at {
                Some(at) => sides_src
                    .retain(|a| (a.start < at || by_hand(a) || right_after_place(a)) && !owner(a)),
                None => sides_src.retain(|a| !owner(a)),
            }
        }
        if matches!(kind, "territory_taken" | "withdrawal" | "control_claim") {
            // "قال المتحدث باسم X إن قوات Y انسحبت من …", "… إن عناصر Y تتحصن في المدينة":
            // Y, named after the complementizer, took, left or holds the place; X only
            // tells of it. (With no side named there, "أعلنت X أنها سيطرت", the speaker is
            // the one.)
            if let Some(comp_end) = sv
                .of(Cat::Complementizer)
                .iter()
                .filter(|h| {
                    h.word_start >= c.start && h.end <= trig.word_start && !time_an(text, h)
                })
                .map(|h| norm.orig(h.end))
                .next_back()
                && sides_src
                    .iter()
                    .any(|a| a.start >= comp_end && a.start < to)
            {
                sides_src.retain(|a| a.start >= comp_end);
            }
        }
        // "الهجوم الانتحاري"، "سيارة مفخخة": a bombing does not contest who holds the town.
        let bombing = kind == "offensive"
            && sv.of(Cat::NoControl).iter().any(|h| {
                let (a, b) = if h.word_start >= trig.end {
                    (trig.end, h.word_start)
                } else {
                    (h.end.min(trig.word_start), trig.word_start)
                };
                close_in_clause(text, a, b, 2)
            });
        let claim = if bombing {
            None
        } else {
            control_claim(&ctx, kind, modality, &places, &sides_src)
        };
        prev_sides.clear();
        prev_sides.extend_from_slice(&sides_src);
        prev_sides_sentence = c.sentence;
        let (control, holder, place) = match claim {
            Some((cl, h, p)) => (Some(Box::new(cl)), h, p),
            None => (None, None, ""),
        };
        if let Some(cl) = &control {
            // The holder and the place stay borrowed.
            let mut defend = |h| {
                defenders.insert(place, (h, event_start));
            };
            match (cl.state, holder) {
                (ControlState::Held, Some(h)) => {
                    defend(h);
                    contested.remove(place);
                    if kind == "territory_taken" {
                        taken_on.insert(place, event_start);
                    }
                }
                (ControlState::Contested, h) => {
                    if let Some(h) = h {
                        defend(h);
                    }
                    contested.insert(place);
                }
                _ => {}
            }
        }
        with_parent_cities(pack, &memo, &mut places, &mut parent_cities);
        if places.is_empty() && actors.is_empty() && !has_cas {
            // Nobody and nowhere ("هذه معركة ليبيين"): no row for the timeline.
            continue;
        }
        // "وقال فلان" / "أعلن المتحدث باسم …" followed by what was said: the speech is
        // reported by the next clause's own event.
        // (The cheap checks first: the count of the clause's words last.)
        let intro = Some(kind_idx) == statement
            // …and what follows is set off by a comma, colon or quote, not attached to it
            // (a relative clause, "بالقرار الذي اتخذه …", is part of the statement).
            && clauses.get(ci + 1).is_some_and(|n| {
                text.get(c.end..n.start)
                    .is_some_and(|g| g.contains([',', '،', ':', '"', '«']))
            })
            && !sv
                .of(Cat::Denial)
                .iter()
                .any(|h| h.word_start == trig.word_start)
            && !sv
                .of(Cat::Complementizer)
                .iter()
                .any(|h| h.word_start >= trig.end && h.end <= c.end)
            && text
                .get(c.start..c.end)
                .is_some_and(|t| t.split_whitespace().nth(10).is_none())
            // (What follows with "و" and a verb of its own is another deed of the same
            // side, not what was said: "دعا المجلس إلى وقف القتال، وكلف الأركان …".)
            && !clauses.get(ci + 1).is_some_and(|n| {
                text.get(n.start..).is_some_and(|t| t.starts_with('و'))
                    && sv.triggers().iter().any(|h| h.word_start == n.start)
            });
        meta.push((c.sentence, clause_idx, intro));
        if SCENE_TYPES.contains(&kind) {
            last_deed = Some((kind_idx, trig, c.sentence));
        }
        if let Some(k) = clause_kind.get_mut(ci) {
            *k = Some(kind_idx);
        }
        events.push(Event {
            // Numbered once the speech intros are dropped (`drop_speech_intros`).
            id: SmolStr::default(),
            doc: doc_id.clone(),
            start: os,
            end: oe,
            evidence: doc.text.get(os..oe).unwrap_or_default().to_string(),
            date: match lapse_day {
                Some(d) => Some(SmolStr::new(d.to_string())),
                None => date.date.as_deref().map(SmolStr::new),
            },
            date_end: match lapse_day {
                Some(_) => None,
                None => date.date_end.as_deref().map(SmolStr::new),
            },
            precision: if lapse_day.is_some() {
                Precision::Day
            } else {
                date.precision
            },
            date_source: if lapse_day.is_some() {
                DateSource::Timex
            } else {
                source
            },
            kind: SmolStr::new(kind),
            modality,
            places: places.iter().map(SmolStr::new).collect(),
            actors,
            casualties: cas,
            control,
            sources: Vec::new(),
        });
    }
    fill_sides(pack, &mut events);
    // A headline its body tells again: the body's event gets what it adds, and the
    // headline's is dropped (ids are numbered after).
    let repeats = merge::headline_repeats(doc, &events);
    if !repeats.is_empty() {
        let mut gone = vec![false; events.len()];
        for &(h, b) in &repeats {
            let (lo, hi) = events.split_at_mut(b);
            merge::fold_headline(&mut hi[0], &mut lo[h]);
            gone[h] = true;
        }
        let mut k = 0;
        events.retain(|_| {
            k += 1;
            !gone[k - 1]
        });
        let mut k = 0;
        meta.retain(|_| {
            k += 1;
            !gone[k - 1]
        });
    }
    drop_speech_intros(&mut events, &meta, &doc.id);
    if hidx.hits.capacity() <= MAX_KEPT_HITS {
        INDEX_BUF.with(|b| *b.borrow_mut() = (hidx.hits, hidx.pos));
    }
    events.shrink_to_fit();
    share_places(events)
}

/// An article about a fight between two sides tells each deed of it with one side or
/// none ("واستخدمت القوات المهاجمة طائرات حربية", "قتل 43 شخصا"): a reader knows both
/// fought. A fighting event that names no side, or only one of the two the article
/// last named together, gets the other; one that names a third side starts a new pair.
fn fill_sides(pack: &Pack, events: &mut [Event]) {
    let is_side = |id: &str| pack.actor(id).is_some_and(|a| !observes(a));
    let mut pair: Option<[SmolStr; 2]> = None;
    for e in events.iter_mut() {
        if !SCENE_TYPES.contains(&e.kind.as_str()) {
            continue;
        }
        let mut sides = e.actors.iter().filter(|a| is_side(a));
        match (sides.next(), sides.next()) {
            (Some(a), Some(b)) => pair = Some([a.clone(), b.clone()]),
            (one, None) => {
                let Some(p) = &pair else { continue };
                if one.is_some_and(|a| !p.contains(a)) {
                    pair = None;
                    continue;
                }
                for s in p {
                    if !e.actors.contains(s) {
                        e.actors.push(s.clone());
                    }
                }
            }
            (None, Some(_)) => {}
        }
    }
}

/// The most hits a kept [`HitIndex`] buffer holds.
const MAX_KEPT_HITS: usize = 1 << 14;

/// Words an attribution phrase ("بحسب مصادر طبية في") may have before the source's place.
const ATTRIBUTION_WORDS: usize = 5;

/// How far back (bytes) "المدينة" looks for the city it stands for: a paragraph or two.
const CITY_ANAPHOR_BYTES: usize = 1500;

/// How many days before the article's date a named day still counts as its story's day.
const STORY_DAYS: i32 = 7;

/// How far a district may lie from the centre of the city it belongs to.
const DISTRICT_KM: f64 = 15.0;
/// A city big enough to have districts named in the news.
const CITY_POPULATION: u64 = 50_000;

/// A district stands inside a city: the event happened in that city too ("القوارشة"
/// → Benghazi). The city is the nearest large one within [`DISTRICT_KM`], from the pack's
/// coordinates; other kinds (bases, airports) are places of their own.
/// `parents` remembers the districts already placed in this document: the search is a
/// distance to every city of the pack, and an article names its districts again and again.
fn with_parent_cities<'p>(
    pack: &'p Pack,
    memo: &PackMemo<'p>,
    places: &mut Vec<&'p str>,
    parents: &mut Vec<(&'p str, Option<&'p Place>)>,
) {
    // (Added at the end: a city added is no district, and is checked against those
    // added before it as against the event's own places.)
    let n = places.len();
    for k in 0..n {
        let id = places[k];
        let Some(d) = memo.place(id).filter(|p| p.kind == "district") else {
            continue;
        };
        let city = match parents.iter().find(|(k, _)| *k == d.id) {
            Some(&(_, c)) => c,
            None => {
                let c = parent_city(pack, d);
                parents.push((d.id.as_str(), c));
                c
            }
        };
        if let Some(c) = city
            && !places.contains(&c.id.as_str())
        {
            places.push(&c.id);
        }
    }
}

/// A pack's identity for a cache: its id, and its place list's address and length.
type PackKey = (u64, usize, usize);

thread_local! {
    /// [`parent_city`]'s answers for one pack, by the district's place in the list: the
    /// same districts come back in article after article.
    static PARENT_CITIES: std::cell::RefCell<(PackKey, FxHashMap<usize, Option<usize>>)> =
        std::cell::RefCell::new(((0, 0, 0), FxHashMap::default()));
}

/// The city a district stands in (see [`with_parent_cities`]).
fn parent_city<'p>(pack: &'p Pack, d: &'p Place) -> Option<&'p Place> {
    let nearest = || {
        pack.places
            .iter()
            .filter(|c| c.kind == "city" && c.population >= CITY_POPULATION)
            .map(|c| (km(d.lat, d.lon, c.lat, c.lon), c))
            .filter(|(k, _)| *k <= DISTRICT_KM)
            .min_by(|a, b| a.0.total_cmp(&b.0))
            .map(|(_, c)| c)
    };
    let base = pack.places.as_ptr() as usize;
    let size = std::mem::size_of::<Place>().max(1);
    let at = (d as *const Place as usize).wrapping_sub(base) / size;
    if pack.places.get(at).is_none_or(|p| !std::ptr::eq(p, d)) {
        return nearest();
    }
    let key = (pack.uid(), base, pack.places.len());
    PARENT_CITIES.with(|cell| {
        let mut cache = cell.borrow_mut();
        if cache.0 != key {
            *cache = (key, FxHashMap::default());
        }
        let i = *cache
            .1
            .entry(at)
            .or_insert_with(|| nearest().map(|c| (c as *const Place as usize - base) / size));
        i.and_then(|i| pack.places.get(i))
    })
}

/// Great-circle distance in km.
fn km(lat1: f64, lon1: f64, lat2: f64, lon2: f64) -> f64 {
    let (p1, p2) = (lat1.to_radians(), lat2.to_radians());
    let dp = p2 - p1;
    let dl = (lon2 - lon1).to_radians();
    let a = (dp / 2.0).sin().powi(2) + p1.cos() * p2.cos() * (dl / 2.0).sin().powi(2);
    6371.0 * 2.0 * a.sqrt().asin()
}

/// The first item of `v` (in order of `start`) that starts at or after `at`: walked on
/// from `hint` when every item before it starts before `at` (sentences come in text
/// order, so each search starts where the last one ended), else found by bisection.
fn first_from<T>(v: &[T], hint: usize, at: usize, start: impl Fn(&T) -> usize) -> usize {
    if hint > v.len() || (hint > 0 && start(&v[hint - 1]) >= at) {
        return v.partition_point(|x| start(x) < at);
    }
    let mut i = hint;
    while i < v.len() && start(&v[i]) < at {
        i += 1;
    }
    i
}

/// `v` in text order: borrowed when it already is (the usual case), else a sorted copy.
fn in_text_order<T: Clone>(v: &[T], start: impl Fn(&T) -> usize) -> std::borrow::Cow<'_, [T]> {
    if v.is_sorted_by_key(&start) {
        std::borrow::Cow::Borrowed(v)
    } else {
        let mut o = v.to_vec();
        o.sort_by_key(start);
        std::borrow::Cow::Owned(o)
    }
}

/// The usable date expressions that may lie in `lo..hi`: found by bisection when they are
/// in text order (they are, from the recognizer), else all of them. A scan of every
/// expression for every clause was quadratic on long texts.
/// The date itself of usable date `i` when the deed at `to` is told between its "منذ"
/// and it, or the date is a month or a year and the deed does not last (see
/// `since_points` in [`extract`]).
fn since_date<'a, 't>(
    points: &'a [Option<(usize, EventDate<'t>, bool)>],
    usable: &[(&Timex, EventDate<'t>)],
    i: usize,
    to: usize,
    lasts: bool,
) -> Option<&'a EventDate<'t>> {
    let (at, point, coarse) = points.get(i)?.as_ref()?;
    let between = *at <= to && usable.get(i).is_some_and(|(t, _)| to < t.start);
    (between || (*coarse && !lasts)).then_some(point)
}

/// What goes on over a time, so "since" a month or a year runs to the article's day.
const LASTING: &[&str] = &[
    "armed_clash",
    "siege",
    "control_claim",
    "air_strike",
    "offensive",
    "casualties",
];

fn timex_between<'a, 't>(
    all: &'a [(&'t Timex, EventDate<'t>)],
    sorted: bool,
    lo: usize,
    hi: usize,
) -> impl Iterator<Item = (usize, &'a (&'t Timex, EventDate<'t>))> {
    let from = if sorted {
        all.partition_point(|(t, _)| t.start < lo)
    } else {
        0
    };
    all[from..]
        .iter()
        .enumerate()
        .map(move |(i, x)| (from + i, x))
        .take_while(move |(_, (t, _))| !sorted || t.start < hi)
}

/// Up to how many events [`share_places`] compares each receiver with all of them.
const SHARE_DIRECT: usize = 48;

/// One article often tells an event twice, the second time with its place ("التقاه
/// الجمعة" … "التقى الجمعة في بنغازي حفتر"): an event with no place takes the places of
/// another of the same type and date in the article that shares an actor with it.
fn share_places(mut events: Vec<Event>) -> Vec<Event> {
    // Most articles have no event that could receive places: then no index is built.
    if !events
        .iter()
        .any(|e| e.places.is_empty() && !e.actors.is_empty() && e.date.is_some())
    {
        return events;
    }
    // A short article's events are compared directly, each receiver with every event in
    // article order (the index below costs more than that for a few events). Places are
    // given as found: a receiver that got places gives them to the later ones, as below.
    if events.len() <= SHARE_DIRECT {
        for i in 0..events.len() {
            let e = &events[i];
            if !e.places.is_empty() || e.actors.is_empty() {
                continue;
            }
            let Some(d) = &e.date else {
                continue;
            };
            let found = events.iter().position(|o| {
                !o.places.is_empty()
                    && o.date.as_ref() == Some(d)
                    && o.kind == e.kind
                    && o.actors.iter().any(|a| e.actors.contains(a))
            });
            if let Some(j) = found {
                let p = events[j].places.clone();
                events[i].places = p;
            }
        }
        return events;
    }
    // Events with places, by type and date, in article order: candidates are looked up,
    // not searched for among all events (that was quadratic on long texts). An event
    // that receives places becomes a candidate for the later ones, as before. Who gives
    // to whom is decided first, on borrowed types and dates (no key is copied), and the
    // places copied after; a giver that received places did so earlier in that order.
    let mut gifts: Vec<(usize, usize)> = Vec::new();
    {
        let ev = &events;
        let mut placed: FxHashMap<(&str, &str), Vec<usize>> = FxHashMap::default();
        for (j, o) in ev.iter().enumerate() {
            if let Some(d) = &o.date
                && !o.places.is_empty()
            {
                placed
                    .entry((o.kind.as_str(), d.as_str()))
                    .or_default()
                    .push(j);
            }
        }
        for (i, e) in ev.iter().enumerate() {
            if !e.places.is_empty() || e.actors.is_empty() {
                continue;
            }
            let Some(d) = &e.date else {
                continue;
            };
            let Some(list) = placed.get_mut(&(e.kind.as_str(), d.as_str())) else {
                continue;
            };
            let found = list
                .iter()
                .copied()
                .find(|&j| ev[j].actors.iter().any(|a| e.actors.contains(a)));
            if let Some(j) = found {
                gifts.push((i, j));
                let at = list.partition_point(|&j| j < i);
                list.insert(at, i);
            }
        }
    }
    for (i, j) in gifts {
        let p = events[j].places.clone();
        events[i].places = p;
    }
    events
}

/// Drop a statement that only introduces a speaker when the next clause of its sentence
/// reports what was said as an event of its own; that event gets the speaker as actor
/// if it names none. Ids are renumbered so they stay `doc#1..n`.
fn drop_speech_intros(events: &mut Vec<Event>, meta: &[(usize, usize, bool)], doc: &str) {
    let n = events.len();
    let dropped = |i: usize| {
        let (s, c, intro) = meta[i];
        intro
            && meta
                .get(i + 1)
                .is_some_and(|&(s2, c2, _)| i + 1 < n && s2 == s && c2 == c + 1)
    };
    // The actors of a dropped intro, for the event right after it (the intro itself is
    // dropped, so its list is moved, not copied).
    let mut speaker: Option<Vec<SmolStr>> = None;
    // Kept events move up in place, in order; the dropped ones end up after them.
    let mut kept: usize = 0;
    for i in 0..n {
        if dropped(i) {
            speaker = Some(std::mem::take(&mut events[i].actors));
            continue;
        }
        let e = &mut events[i];
        if let Some(sp) = speaker.take()
            && e.actors.is_empty()
        {
            e.actors = sp;
        }
        // "doc#n" without the formatting machinery (once per event), inline when short.
        let mut digits = [0u8; 20];
        e.id = [doc, "#", decimal(&mut digits, kept + 1)]
            .into_iter()
            .collect();
        if kept != i {
            events.swap(kept, i);
        }
        kept += 1;
    }
    events.truncate(kept);
}

/// `n` in decimal digits, written at the end of `digits`.
fn decimal(digits: &mut [u8; 20], n: usize) -> &str {
    let mut k = digits.len();
    let mut n = n;
    loop {
        k -= 1;
        digits[k] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    std::str::from_utf8(&digits[k..]).unwrap_or_default()
}

/// Casualties of a clause, ignoring numbers that sit inside a date expression.
fn casualties_without_dates(
    lex: &Lexicon,
    text: &str,
    c: &clause::Clause,
    hits: &[LexHit],
    norm: &Normalized,
    timex_orig: &[(usize, usize)],
) -> Casualties {
    // The timex spans that touch this clause, in normalised offsets: original offsets
    // grow strictly with normalised ones, so the characters that came from `s..e` are
    // those from the first that came from `s` or later up to the first that came from
    // `e` or later (a walk of the clause's characters, each mapped back, did the same).
    let excluded: Vec<(usize, usize)> = timex_orig
        .iter()
        .map(|&(s, e)| {
            (
                norm.norm_offset(s).clamp(c.start, c.end),
                norm.norm_offset(e).clamp(c.start, c.end),
            )
        })
        .filter(|&(a, b)| a < b)
        .collect();
    casualties::find(lex, text, norm.tokens(), (c.start, c.end), hits, &excluded)
}

/// Joints (normalised) that turn to another matter: the clause they open is no
/// elaboration of the one before ("ولم تعلق الحكومة على انسحاب الكتيبة، في حين دعت …").
/// ("فيما" and "بينما" also mean "while": "…، فيما تعرضت أحياء في وسط بنغازي لدمار"
/// tells the same scene.)
fn turn_joint(j: &str) -> bool {
    matches!(
        j,
        "لكن"
            | "ولكن"
            | "الا ان"
            | "غير ان"
            | "في حين"
            | "وفي حين"
            | "من جهه اخري"
            | "من جانبه"
            | "من جانبها"
            | "من جهته"
            | "من جهتها"
    )
}

/// The word right before byte `at` (white space skipped), "" at the start.
/// The city named most among `named` (the last of the most named), counting the names
/// inside a force's name (`in_actors`) or the free ones.
fn most_named<'m>(
    named: &'m [PlaceMention],
    in_actors: bool,
    is_city: impl Fn(&'m str) -> bool,
) -> Option<&'m str> {
    let counted = |q: &&PlaceMention| q.in_actor.is_some() == in_actors;
    let count = |id: &str| {
        named
            .iter()
            .filter(counted)
            .filter(|q| &*q.place == id)
            .count()
    };
    named
        .iter()
        .rev()
        .filter(counted)
        .filter(|q| is_city(&q.place))
        .max_by_key(|q| count(&q.place))
        .map(|q| &*q.place)
}

/// Whether the span says "في مدينة/محافظة/ولاية X" of an X the gazetteer did not find.
fn names_unknown_place(text: &str, (a, b): (usize, usize), places: &[PlaceMention]) -> bool {
    let Some(span) = text.get(a..b) else {
        return false;
    };
    // Most clauses say none of these: a byte search tells them apart first (with
    // searchers built once).
    static FINDERS: std::sync::LazyLock<[memchr::memmem::Finder<'static>; 3]> =
        std::sync::LazyLock::new(|| {
            ["في مدين", "في محافظ", "في ولاي"].map(|n| memchr::memmem::Finder::new(n.as_bytes()))
        });
    let f = span.as_bytes();
    if !FINDERS.iter().any(|n| n.find(f).is_some()) {
        return false;
    }
    let mut words = span.split_whitespace().peekable();
    let mut prev = "";
    while let Some(w) = words.next() {
        if matches!(prev, "في" | "وفي")
            && matches!(w, "مدينة" | "مدينه" | "محافظة" | "محافظه" | "ولاية" | "ولايه")
            && let Some(next) = words.peek()
        {
            // The next word's offset (words are subslices of `text`).
            let at = next.as_ptr() as usize - text.as_ptr() as usize;
            if next.chars().next().is_some_and(crate::normalize::is_letter)
                && !places.iter().any(|p| p.start <= at && at < p.end)
            {
                return true;
            }
        }
        prev = w;
    }
    false
}

/// Whether the name at `at` follows "من" (at most with the hold or the men between: "من
/// قبضة", "من عناصر"), the side a place is taken from.
fn ousted_from(text: &str, at: usize) -> bool {
    let mut words = text.get(..at).unwrap_or_default().split_whitespace().rev();
    match words.next() {
        Some("من") => true,
        Some(
            "قبضة" | "سيطرة" | "أيدي" | "ايدي" | "يد" | "عناصر" | "مسلحي" | "مقاتلي" | "قوات"
            | "براثن",
        ) => words.next() == Some("من"),
        _ => false,
    }
}

/// Whether a clause between `from` and `to` opens with a feminine participle of
/// affirming or adding ("…، مؤكدة التزامها بوقف إطلاق النار"): what follows is confirmed,
/// not denied. (Mid-clause the same words are adjectives: "تقارير مؤكدة".)
fn affirmed_between(text: &str, clauses: &[clause::Clause], from: usize, to: usize) -> bool {
    let i = clauses.partition_point(|c| c.start <= from);
    clauses[i..].iter().take_while(|c| c.start < to).any(|c| {
        let w = text
            .get(c.start..)
            .and_then(|t| t.split_whitespace().next())
            .unwrap_or("");
        matches!(
            w.strip_prefix('و').unwrap_or(w),
            "موكده"
                | "مضيفه"
                | "مشيره"
                | "موضحه"
                | "مؤكدة"
                | "مضيفة"
                | "مشيرة"
                | "موضحة"
        )
    })
}

/// An observer (the UN, a relief agency, a neutral party) holds nothing and is no side.
fn observes(x: &Actor) -> bool {
    x.neutral || matches!(x.kind.as_str(), "international" | "humanitarian")
}

/// Whether the name at `at` is governed by "مع" or "ضد" (with a head noun between at
/// most: "مع قوات X"): the other side of a fight, not its subject.
fn opposed(text: &str, at: usize) -> bool {
    let mut words = text.get(..at).unwrap_or_default().split_whitespace().rev();
    let is_with = |w: &str| matches!(w, "مع" | "ومع" | "ضد" | "وضد");
    match words.next() {
        Some(w) if is_with(w) => true,
        Some("قوات" | "عناصر" | "مسلحي" | "مقاتلي" | "ميليشيات" | "مليشيات") => {
            words.next().is_some_and(is_with)
        }
        _ => false,
    }
}

fn word_before(text: &str, at: usize) -> &str {
    let before = text.get(..at).unwrap_or("").trim_end();
    before.rsplit(char::is_whitespace).next().unwrap_or("")
}

/// Is the complementizer `h` the أن of a time conjunction ("قبل أن يطلق هجومه", "بعد أن
/// انسحبت")? It then opens no reported speech: the sides before it are not a speaker.
fn time_an(text: &str, h: &LexHit) -> bool {
    let last = word_before(text, h.word_start);
    let last = last
        .strip_prefix('و')
        .filter(|r| r.len() > 2)
        .unwrap_or(last);
    matches!(last, "قبل" | "بعد" | "منذ" | "ريثما" | "لحين" | "حين")
}

/// Is the actor named no side of what happened on `day`: a person named after his death,
/// a faction more than a year after it ceased ("مسقط رأس القذافي" in 2015, "ثوار ليبيا"
/// in the name of a 2014 command)?
fn gone_by(pack: &Pack, m: &ActorMention, day: jiff::civil::Date) -> bool {
    let Some(a) = pack.actor(&m.actor) else {
        return false;
    };
    let Some(until) = a.until else {
        return false;
    };
    // A person's death and an office's end are exact; a faction fades out over a year.
    let grace = if matches!(a.kind.as_str(), "person" | "office") {
        0
    } else {
        365
    };
    until
        .checked_add(jiff::Span::new().days(grace))
        .is_ok_and(|end| day > end)
}

/// Where an aside that opens a clause ends: "وهي/وهو/وهم …" up to the next comma
/// ("قوات فجر ليبيا، وهي تحالف لكتائب من مصراتة، السبت سيطرتها على المطار"), when the
/// clause goes on after it.
fn aside_end(text: &str, start: usize, end: usize) -> Option<usize> {
    let clause = text.get(start..end)?;
    let body = clause.trim_start();
    let first = body.split_whitespace().next()?;
    // "وهي/وهو …" and a relative clause ("مجلس شورى ثوار بنغازي، الذي يضم …، مساء
    // الثلاثاء سيطرته"), both describing the name before them.
    if !matches!(
        first,
        "وهي" | "وهو" | "وهم" | "وهما" | "الذي" | "التي" | "الذين" | "اللذين" | "اللتين"
    ) {
        return None;
    }
    let comma = body.find(['،', ','])?;
    let after = comma + body[comma..].chars().next()?.len_utf8();
    // Something must follow the aside in the clause.
    if body[after..].trim().is_empty() {
        return None;
    }
    Some(start + (clause.len() - body.len()) + after)
}

/// The whole days of a lapse that opens a clause ("بعد يوم من", "بعد يومين من", "بعد
/// أسبوع من"): a date expression of exact days or weeks at the clause's start, after
/// "بعد".
fn lapse_days(text: &str, timex: &[Timex], os: usize, oe: usize) -> Option<i64> {
    let t = timex.iter().find(|t| t.start >= os && t.end <= oe)?;
    let lead = text.get(os..t.start)?.trim();
    let t_text = t.text.as_str();
    // "بعد أكثر من خمسة أسابيع من القتال": no day is said.
    if ["اكثر", "أكثر", "نحو", "قرابة", "حوالي", "زهاء"]
        .iter()
        .any(|w| t_text.contains(w))
    {
        return None;
    }
    let after =
        matches!(lead, "" | "و") && t_text.starts_with("بعد") || matches!(lead, "بعد" | "وبعد");
    if !after {
        return None;
    }
    let v = t.value.as_str().strip_prefix('P')?;
    let (n, unit) = v.split_at(v.len().checked_sub(1)?);
    let n: i64 = n.parse().ok()?;
    match unit {
        "D" => Some(n),
        "W" => Some(7 * n),
        _ => None,
    }
}

/// Words that make the state named right after them a place: "خارج سوريا"، "فرّ إلى
/// تركيا" — somewhere, not a side.
const LOCATIVE_BEFORE: &[&str] = &["في", "خارج", "داخل", "إلى", "الى", "إلي", "نحو", "عبر"];

/// Is this mention a state's name used as a place (after a locative word, or with the
/// preposition ب attached: "بمصر")? Its people or government are named otherwise
/// ("الحكومة المصرية", "أنقرة").
fn state_as_place(pack: &Pack, text: &str, m: &ActorMention) -> bool {
    let Some(before) = text.get(..m.start) else {
        return false;
    };
    let attached_b = before.ends_with('ب')
        && before[..before.len() - 'ب'.len_utf8()]
            .chars()
            .next_back()
            .is_none_or(|c| !c.is_alphabetic());
    let locative = attached_b
        || before
            .trim_end()
            .rsplit(|c: char| c.is_whitespace())
            .next()
            .is_some_and(|w| {
                LOCATIVE_BEFORE.contains(&w)
                    || w.strip_prefix('و')
                        .is_some_and(|w| LOCATIVE_BEFORE.contains(&w))
            })
            && before.ends_with(char::is_whitespace);
    locative
        && text
            .get(m.start..m.end)
            .is_some_and(|n| !n.contains(char::is_whitespace))
        && pack.actor(&m.actor).is_some_and(|a| a.kind == "state")
}

/// Event actor ids: a person stands for the body it belongs to (حفتر → LNA), other
/// actors for themselves. In order of first mention, without repeats.
/// `memo` holds the answers for this document's actors so far, by the address of the
/// scan's shared id (one per actor): most events name the same few actors.
/// The mentions with each name's faction as of `day`, for the actors whose side changed
/// (`Actor::later`); borrowed as they are when none did.
fn sides_on<'a>(
    pack: &Pack,
    text: &str,
    mentions: &'a [ActorMention],
    day: Option<jiff::civil::Date>,
) -> Cow<'a, [ActorMention]> {
    let changed = |m: &ActorMention| {
        let a = pack.actor(&m.actor)?;
        let f = a.later.iter().any(|l| day.is_some_and(|d| l.since <= d));
        f.then(|| a.faction_on(day)).flatten()
    };
    let gone = |m: &ActorMention| state_as_place(pack, text, m);
    let any_changed = day.is_some()
        && pack.actors.iter().any(|a| !a.later.is_empty())
        && mentions.iter().any(|m| changed(m).is_some());
    if !any_changed && !mentions.iter().any(gone) {
        return Cow::Borrowed(mentions);
    }
    Cow::Owned(
        mentions
            .iter()
            .filter(|m| !gone(m))
            .map(|m| match changed(m) {
                Some(f) => ActorMention {
                    faction: pack.faction_of(f).into(),
                    ..m.clone()
                },
                None => m.clone(),
            })
            .collect(),
    )
}

fn actor_ids<'s>(
    pack: &'s Pack,
    actors: &[&'s ActorMention],
    day: Option<jiff::civil::Date>,
    memo: &mut Vec<(*const u8, &'s str)>,
) -> Vec<SmolStr> {
    let mut out: Vec<SmolStr> = Vec::with_capacity(actors.len());
    for a in actors {
        // Borrowed until it is known to be new.
        let key = a.actor.as_ptr();
        let id: &str = match memo.iter().find(|(k, _)| *k == key) {
            Some(&(_, id)) => id,
            None => {
                let id = match pack.actor(&a.actor) {
                    // A person, or an office ("حكومة طرابلس"), stands for the side it
                    // was on that day.
                    Some(x) if matches!(x.kind.as_str(), "person" | "office") => {
                        x.faction_on(day).unwrap_or(&a.actor)
                    }
                    _ => &a.actor,
                };
                memo.push((key, id));
                id
            }
        };
        if !out.iter().any(|o| o == id) {
            out.push(SmolStr::new(id));
        }
    }
    out
}

/// Whether the name at `at` carries the preposition ل as its word's proclitic (لقوات،
/// ولقوات، فلحكومة): the mention's span starts after its proclitics.
fn lam_before(text: &str, at: usize) -> bool {
    let before = text.get(..at).unwrap_or("");
    let word = before
        .rsplit(|c: char| !crate::normalize::is_letter(c))
        .next()
        .unwrap_or("");
    matches!(word, "ل" | "ول" | "فل")
}

/// The places a span says something happened at: not names inside an actor's name or a
/// title, and not a place added in passing ("بنغازي شرقي ليبيا") after another place.
/// A place name that opens its line and is followed by a dash or a colon, perhaps with an
/// agency in parentheses between ("طرابلس –", "بنغازي (رويترز) -"): a dateline.
fn is_dateline(text: &str, m: &PlaceMention) -> bool {
    // Only a few bytes back: a name deep inside a long line is no dateline, and this is
    // asked for every mention of every clause (a scan to the line start was quadratic).
    let before = text.get(..m.start).unwrap_or("");
    // Back from the name over spaces, at most 16 bytes, to the line's start (or the
    // text's, or a word: then it opens no line).
    let lim = before.len().saturating_sub(16);
    let mut opens_line = lim == 0;
    for (i, c) in before.char_indices().rev() {
        if i < lim {
            break;
        }
        if c == '\n' {
            opens_line = true;
            break;
        }
        if !c.is_whitespace() {
            return false;
        }
    }
    if !opens_line {
        return false;
    }
    let mut rest = text.get(m.end..).unwrap_or("").trim_start();
    // "طرابلس، ٢٣ أكتوبر ٢٠٢٠ (الأناضول) -": the day between the name and the agency;
    // "طرابلس في ٢٣ جمادى الأولى ١٤٤٠ هـ الموافق ٢٨ كانون الثاني ٢٠١٩ -", with "في" and
    // both calendars.
    let dated = match rest.strip_prefix(['،', ',']) {
        Some(r) => Some((r, 48)),
        None => rest.strip_prefix("في ").map(|r| (r, 120)),
    };
    if let Some((r, lim)) = dated {
        let Some(stop) = r
            .find(['(', '-', '–', '—'])
            .filter(|&i| i <= lim && r[..i].chars().any(char::is_numeric))
        else {
            return false;
        };
        rest = r[stop..].trim_start();
    }
    if let Some(r) = rest.strip_prefix('(') {
        let Some(close) = r.find(')').filter(|&i| i < 40) else {
            return false;
        };
        rest = r[close + 1..].trim_start();
    }
    rest.starts_with(['-', '–', '—', ':'])
}

/// The places of `span` named as a force's origin ("رتل قادم من مصراتة"، "القوة الثالثة
/// التابعة لمصراتة"): right after an origin word, or after one word ("من مدينة مصراتة").
/// They stay the event's places (the fighting involved forces from there), but no claim
/// says who holds them: a column from Misrata that turned back did not lose Misrata.
fn origins<'m>(
    orig_text: &str,
    hits: SentHits<'_, '_>,
    places: &'m [PlaceMention],
    span: (usize, usize),
    norm: &Normalized,
) -> Vec<&'m str> {
    let words = hits.of(Cat::Origin);
    if words.is_empty() {
        return Vec::new();
    }
    // Only the span's own mentions of places (a name inside an actor's, "مجلس شورى ثوار
    // بنغازي", is neither an origin nor a scene).
    let own = || {
        places
            .iter()
            .filter(|p| p.start >= span.0 && p.end <= span.1 && p.in_actor.is_none())
    };
    let is_origin = |p: &PlaceMention| {
        words
            .iter()
            .filter(|h| h.end <= p.start)
            .map(|h| norm.orig(h.end))
            .any(|e| {
                e >= span.0
                    && e <= p.start
                    && orig_text.get(e..p.start).is_some_and(|g| {
                        g.split_whitespace().nth(1).is_none() && !g.contains([',', '،'])
                    })
            })
    };
    // A place also named otherwise in the span ("مقاتلي الزنتان … في الزنتان") is not
    // only an origin.
    let mut out: Vec<&'m str> = own().filter(|p| is_origin(p)).map(|p| &*p.place).collect();
    out.retain(|id| !own().any(|p| *p.place == **id && !is_origin(p)));
    out
}

/// The places are added to `out` (borrowed from the mentions, which are in text order).
fn places_in<'a>(
    orig_text: &str,
    // Whether the text has any "(" (an aside is looked for only then).
    parens: bool,
    hits: SentHits<'_, '_>,
    places: &'a [PlaceMention],
    span: (usize, usize),
    norm: &Normalized,
    out: &mut Vec<&'a str>,
) {
    let base = out.len();
    // "بحسب مصادر طبية في مصراتة": the source's place, a few words on, before a comma.
    let at_source = |p: &PlaceMention| {
        // (A hit's original end is at or after its normalised end: one that ends after
        // the place is passed over unmapped.)
        hits.of(Cat::Attribution)
            .iter()
            .filter(|h| h.end <= p.start)
            .map(|h| norm.orig(h.end))
            .filter(|&e| e >= span.0 && e <= span.1)
            .any(|e| {
                e <= p.start
                    && orig_text.get(e..p.start).is_some_and(|g| {
                        g.split_whitespace().nth(ATTRIBUTION_WORDS).is_none()
                            && !g.contains([',', '،'])
                    })
            })
    };
    // The span's mentions, found by bisection (a mention inside the span starts at most
    // at its end).
    let from = places.partition_point(|p| p.start < span.0);
    let candidates = || {
        places[from..]
            .iter()
            .take_while(|p| p.start <= span.1)
            .filter(|p| p.end <= span.1)
            .filter(|p| p.in_actor.is_none() && !p.in_title)
            .filter(|p| !parens || !in_parentheses(orig_text, span.0, p.start))
            .filter(|p| !at_source(p))
    };
    let passing = |p: &PlaceMention| {
        hits.of(Cat::Passing).iter().any(|h| {
            if h.end > p.start {
                return false;
            }
            let e = norm.orig(h.end);
            e <= p.start && {
                let gap = orig_text.get(e..p.start).unwrap_or("xxxx xx");
                // "غرب طرابلس", "غربي طرابلس", and with the kind of place between:
                // "غرب العاصمة طرابلس", "جنوب مدينة سرت".
                p.start - e <= 8
                    && gap
                        .chars()
                        .filter(|&c| crate::normalize::is_letter(c))
                        .count()
                        <= 3
                    && gap.chars().filter(|c| c.is_whitespace()).count() <= 1
                    || p.start - e <= 40
                        && matches!(
                            gap.trim(),
                            "العاصمة"
                                | "العاصمة الليبية"
                                | "مدينة"
                                | "بلدة"
                                | "ي العاصمة"
                                | "ي مدينة"
                        )
            }
        })
    };
    // "يقع في منتصف الطريق بين طرابلس وبنغازي", "الممتد بين سرت ومصراتة", "فتح الطريق
    // الساحلي بين سرت ومصراتة": the two ends locate something else; nothing happens at
    // them.
    let landmark = |p: &PlaceMention| {
        let Some(before) = orig_text.get(span.0..p.start) else {
            return false;
        };
        // The last six words, nearest first: "بين", then a locating word within three.
        // (Asked of every place of every clause: no allocation.)
        let mut words = before.split_whitespace().rev().take(6);
        if !words.any(|w| matches!(w, "بين" | "وبين")) {
            return false;
        }
        words.take(3).any(|w| {
            matches!(
                w,
                "منتصف"
                    | "يقع"
                    | "تقع"
                    | "الواقع"
                    | "الواقعة"
                    | "يمتد"
                    | "تمتد"
                    | "الممتد"
                    | "الممتدة"
                    | "الطريق"
                    | "طريق"
            )
        })
    };
    let add = |p: &'a PlaceMention, out: &mut Vec<&'a str>| {
        if (passing(p) && out.len() > base) || landmark(p) {
            return;
        }
        if !out[base..].iter().any(|o| **o == *p.place) {
            out.push(&p.place);
        }
    };
    // A dateline counts only when the span names no other place: the other places are
    // taken in one walk, and the datelines in a second only when there were none.
    let mut dateline = false;
    let mut named = false;
    for p in candidates() {
        if is_dateline(orig_text, p) {
            dateline = true;
        } else {
            named = true;
            add(p, out);
        }
    }
    if dateline && !named {
        for p in candidates() {
            add(p, out);
        }
    }
}

/// How many names a [`PackMemo`] list keeps (an article names a few; past that, the
/// pack is asked directly rather than a long list searched).
const MEMO_NAMES: usize = 48;

/// The pack's answers about the places and actors one article names, by the address and
/// length of the name asked about: every name asked about is the scan's (shared by its
/// mentions) or the pack's, and lives as long as the memo (`'p`), so an address stands
/// for one name. An article asks about the same few names for every event; each answer
/// was a hash of the name.
struct PackMemo<'p> {
    pack: &'p Pack,
    places: MemoList<Option<&'p Place>>,
    actors: MemoList<Option<&'p Actor>>,
    factions: MemoList<&'p str>,
}

/// Answers by a name's key (see [`name_key`]).
type MemoList<V> = std::cell::RefCell<Vec<((usize, usize), V)>>;

/// A name's key in a [`PackMemo`].
fn name_key(s: &str) -> (usize, usize) {
    (s.as_ptr() as usize, s.len())
}

/// The memoised answer for `id` in `list`, else `ask`'s (kept while the list is short).
fn memo_get<V: Copy>(list: &MemoList<V>, id: &str, ask: impl FnOnce() -> V) -> V {
    let k = name_key(id);
    let mut m = list.borrow_mut();
    if let Some(&(_, v)) = m.iter().find(|(x, _)| *x == k) {
        return v;
    }
    let v = ask();
    if m.len() < MEMO_NAMES {
        m.push((k, v));
    }
    v
}

impl<'p> PackMemo<'p> {
    fn new(pack: &'p Pack) -> Self {
        PackMemo {
            pack,
            places: Default::default(),
            actors: Default::default(),
            factions: Default::default(),
        }
    }

    /// [`Pack::place`].
    fn place(&self, id: &'p str) -> Option<&'p Place> {
        memo_get(&self.places, id, || self.pack.place(id))
    }

    /// [`Pack::actor`].
    fn actor(&self, id: &'p str) -> Option<&'p Actor> {
        memo_get(&self.actors, id, || self.pack.actor(id))
    }

    /// [`Pack::faction_of`].
    fn faction_of(&self, id: &'p str) -> &'p str {
        memo_get(&self.factions, id, || self.pack.faction_of(id))
    }
}

/// What the control claim of one event may draw on besides its clause.
struct ControlCtx<'p, 'a> {
    pack: &'p Pack,
    /// The pack's answers about the article's names.
    memo: &'a PackMemo<'p>,
    /// Every actor named in the article (an organisation named after a place).
    doc_actors: &'p [ActorMention],
    /// The side holding or defending each place, by the article's earlier claims.
    defenders: &'a FxHashMap<&'p str, (&'p str, Option<jiff::civil::Date>)>,
    /// The day the article says each place was taken.
    taken_on: &'a FxHashMap<&'p str, Option<jiff::civil::Date>>,
    /// The first day of the event: claims the article dates later say nothing about it.
    date: Option<jiff::civil::Date>,
    /// Places where the article has already reported fighting.
    contested: &'a FxHashSet<&'p str>,
    /// A place the clause names as a destination (إلى، نحو …); asked for withdrawals only.
    destination: Option<&'p str>,
    /// The side named right after the trigger: the agent of an offensive (or siege).
    agent: Option<&'p str>,
    /// The side a phrase names as holder ("في يد X"), for a taking or a claim.
    named_holder: Option<&'p str>,
    /// The side named as the target of an attack ("على مواقع X"): its defender.
    target: Option<&'p str>,
    /// The place named as an attack's target ("هجوم على طرابلس"): the one it contests.
    target_place: Option<&'a str>,
    /// The sides of a clash are named as "between X and Y": neither is thereby its holder.
    between: bool,
    /// The clause's places named as a force's origin: no claim is made for them.
    origins: Vec<&'a str>,
    /// The side a taking drove out ("تحرير X من قبضة Y"): it lost the place.
    ousted: Option<&'p str>,
}

impl<'p> ControlCtx<'p, '_> {
    /// The side holding or defending `place` by the article's claims dated no later than
    /// this event (an article may tell the end of a siege before its start).
    fn defender(&self, place: &str) -> Option<&'p str> {
        let &(h, d) = self.defenders.get(place)?;
        match (d, self.date) {
            (Some(d), Some(now)) if d > now => None,
            // A hold the article told of years before ("سيطر فجر ليبيا على طرابلس في
            // أغسطس 2014" in a review of the war) says nothing of who defends it now.
            (Some(d), Some(now)) if now.since(d).is_ok_and(|sp| sp.get_days() > 365) => None,
            _ => Some(h),
        }
    }
}

/// Is `pos` inside a parenthesis opened after `from`? "(في طرابلس)" is an aside.
fn in_parentheses(text: &str, from: usize, pos: usize) -> bool {
    let Some(before) = text.get(from..pos) else {
        return false;
    };
    // (ASCII bytes: no other character's UTF-8 holds them.)
    let b = before.as_bytes();
    memchr::memrchr(b'(', b).is_some_and(|o| memchr::memchr(b')', &b[o..]).is_none())
}

/// The control claim of an event, per events.md: taken → held by the taker; withdrawal →
/// lost by the side leaving (held, for the place it withdraws to); fighting → contested,
/// holder the defender; a repelled attack → held by the side repelling it, contested if
/// the article already reported fighting there; a plain claim → held. Only for real
/// places of the region, never for negated/planned/hypothetical events.
/// Also returns the holder as borrowed (from the pack or the scan), for the article's
/// running record of defenders.
fn control_claim<'p>(
    ctx: &ControlCtx<'p, '_>,
    kind: &str,
    modality: Modality,
    places: &[&'p str],
    actors: &[&'p ActorMention],
) -> Option<(ControlClaim, Option<&'p str>, &'p str)> {
    if matches!(
        modality,
        Modality::Negated | Modality::Planned | Modality::Hypothetical
    ) || !CONTROL_TYPES.contains(&kind)
    {
        return None;
    }
    let pack = ctx.pack;
    let memo = ctx.memo;
    let real = |p: &'p str| memo.place(p).is_some_and(|pl| pl.kind != "foreign");
    let dest = ctx.destination.filter(|d| places.contains(d) && real(d));
    // A withdrawal is from a place (events.md): "انسحبت من ترهونة باتجاه بني وليد" loses
    // Tarhuna. Only a move named by its end alone ("انسحبت إلى وادي …") says who holds
    // where it ends.
    let from = places
        .iter()
        .copied()
        .find(|p| real(p) && !ctx.origins.contains(p) && Some(*p) != dest);
    let dest = dest.filter(|_| kind == "withdrawal" && from.is_none());
    let target = ctx
        .target_place
        .and_then(|t| places.iter().copied().find(|p| *p == t && real(p)));
    let place: &'p str = match (dest, target) {
        (Some(d), _) => d,
        (None, Some(t)) => t,
        (None, None) => from?,
    };
    // The sides: armed actors and states, by faction; observers (the UN) hold nothing.
    // Borrowed from the pack until the claim is built.
    let mut sides: Vec<&'p str> = Vec::new();
    for a in actors {
        if memo.actor(&a.actor).is_some_and(observes) {
            continue;
        }
        let f = memo.faction_of(&a.faction);
        if !sides.contains(&f) {
            sides.push(f);
        }
    }
    let claim = |holder: Option<&'p str>, state, contenders: Vec<&str>| {
        Some((
            ControlClaim {
                place: SmolStr::new(place),
                holder: holder.map(SmolStr::new),
                state,
                contenders: contenders.into_iter().map(SmolStr::new).collect(),
            },
            holder,
            place,
        ))
    };
    let others = |h: Option<&str>| -> Vec<&'p str> {
        sides.iter().filter(|s| Some(**s) != h).copied().collect()
    };
    match kind {
        "territory_taken" if ctx.ousted.is_some() => {
            let ousted = ctx.ousted?;
            match ctx
                .named_holder
                .or_else(|| sides.iter().copied().find(|s| *s != ousted))
            {
                Some(h) => claim(Some(h), ControlState::Held, Vec::new()),
                None => claim(Some(ousted), ControlState::Lost, Vec::new()),
            }
        }
        "territory_taken" | "control_claim" => {
            let holder = ctx.named_holder.or_else(|| sides.first().copied())?;
            claim(Some(holder), ControlState::Held, Vec::new())
        }
        "withdrawal" if dest.is_some() => {
            claim(Some(sides.first()?), ControlState::Held, Vec::new())
        }
        "withdrawal" => claim(Some(sides.first()?), ControlState::Lost, Vec::new()),
        "attack_repelled" => {
            let holder = Some(*sides.first()?);
            if ctx.contested.contains(place) {
                let c = others(holder);
                claim(holder, ControlState::Contested, c)
            } else {
                claim(holder, ControlState::Held, Vec::new())
            }
        }
        "offensive" | "siege" => {
            // The defender: who held the place by the article's earlier claims, else an
            // armed group named after the place (مجلس شورى مجاهدي درنة), else a second
            // side named (the first is the attacker).
            // The target named after the attack defends; every other side attacks.
            if let Some(t) = ctx.target.filter(|t| sides.contains(t)) {
                return claim(Some(t), ControlState::Contested, others(Some(t)));
            }
            if let Some(a) = ctx.agent
                && let Some(i) = sides.iter().position(|s| *s == a)
            {
                let a = sides.remove(i);
                sides.insert(0, a);
            }
            let attacker = sides.first().copied();
            // No attacker named, and the article's holder took the place that same day
            // ("سيطرته على سرت …، في عملية خاطفة"): the operation is that taking.
            if attacker.is_none()
                && let Some(&Some(d)) = ctx.taken_on.get(place)
                && ctx.date == Some(d)
            {
                return None;
            }
            let named_for_place = ctx
                .doc_actors
                .iter()
                .find(|a| a.place.as_deref() == Some(place))
                .map(|a| memo.faction_of(&a.faction));
            // Then the side the region's background says held it that day, when the
            // clause names no other second side ("قبل أن يطلق هجومه على طرابلس").
            let background = ctx
                .date
                .and_then(|d| pack.background_holder(place, d))
                .map(|h| pack.faction_of(h))
                .filter(|h| {
                    attacker.is_some_and(|a| a != *h) && (sides.contains(h) || sides.len() < 2)
                });
            let defender = ctx
                .defender(place)
                .filter(|d| attacker != Some(*d))
                .or(named_for_place.filter(|d| attacker != Some(*d)))
                .or(background)
                .or_else(|| sides.get(1).copied());
            let contenders: Vec<&str> = sides
                .iter()
                .filter(|s| Some(**s) != defender)
                .copied()
                .collect();
            if defender.is_none() && contenders.is_empty() {
                return None;
            }
            claim(defender, ControlState::Contested, contenders)
        }
        "armed_clash" => {
            // Fighting between sides: whoever held it before by the article, else the side
            // the region's background says held it then ("clashes between the Seventh
            // Brigade and Tripoli's brigades" in 2018: the GNA's side defends Tripoli),
            // else the side the clause puts first (X يخوض معارك ضد Y في Z).
            let known = ctx
                .date
                .and_then(|d| pack.background_holder(place, d))
                .map(|h| pack.faction_of(h));
            let background_side = || known.and_then(|h| sides.iter().copied().find(|s| *s == h));
            let known_defender = ctx.defender(place).or_else(background_side);
            // One side named ("اشتباكات مع القوات التابعة لحفتر"), or two as equals
            // ("بين X وY"): who defends is not said.
            if known_defender.is_none() && (sides.len() == 1 || ctx.between) {
                return claim(None, ControlState::Contested, sides.clone());
            }
            let defender = known_defender.or_else(|| sides.first().copied())?;
            let defender = Some(defender);
            let contenders = others(defender);
            claim(defender, ControlState::Contested, contenders)
        }
        _ => None,
    }
}

/// The types a control claim is made for (see [`control_claim`]).
const CONTROL_TYPES: &[&str] = &[
    "territory_taken",
    "control_claim",
    "withdrawal",
    "attack_repelled",
    "offensive",
    "siege",
    "armed_clash",
];

/// Where the destination words (إلى، نحو) of the span end, in original offsets.
fn destination_ends(hits: &[LexHit], norm: &Normalized, span: (usize, usize)) -> Vec<usize> {
    hits.iter()
        .filter(|h| h.cat == Cat::Destination && h.end <= span.1)
        .map(|h| norm.orig(h.end))
        .filter(|&e| e >= span.0 && e <= span.1)
        .collect()
}

/// Is every mention of `place` in the span a destination: right after a destination
/// word (إلى، نحو، one word between at most), or joined by "و" to a place that is
/// ("نحو زوارة والعجيلات")?
fn is_destination(
    orig_text: &str,
    hits: &[LexHit],
    norm: &Normalized,
    places: &[PlaceMention],
    span: (usize, usize),
    place: &str,
) -> bool {
    let ends = destination_ends(hits, norm, span);
    if ends.is_empty() {
        return false;
    }
    // Mentions in text order; the end of the last one that was a destination.
    let mut last_dest: Option<usize> = None;
    let mut any = false;
    for p in places
        .iter()
        .filter(|p| p.start >= span.0 && p.end <= span.1)
    {
        let gap = |e: usize| orig_text.get(e..p.start);
        let dest = ends.iter().any(|&e| {
            e <= p.start && gap(e).is_some_and(|g| g.split_whitespace().nth(1).is_none())
        }) || last_dest.is_some_and(|e| {
            e <= p.start && gap(e).is_some_and(|g| matches!(g.trim(), "و" | "،" | "، و" | ","))
        });
        if dest {
            last_dest = Some(p.end);
        }
        if *p.place == *place {
            if !dest {
                return false;
            }
            any = true;
        }
    }
    any
}

/// A place of the span the text names as a destination: right after a `destination`
/// word of the lexicon (إلى، نحو، باتجاه), with at most one word ("مدينة") between.
fn destination_place<'a>(
    orig_text: &str,
    hits: &[LexHit],
    norm: &Normalized,
    places: &'a [PlaceMention],
    span: (usize, usize),
) -> Option<&'a str> {
    let ends = destination_ends(hits, norm, span);
    places
        .iter()
        .filter(|p| p.start >= span.0 && p.end <= span.1)
        .find(|p| {
            ends.iter().any(|&e| {
                e <= p.start
                    && orig_text
                        .get(e..p.start)
                        .is_some_and(|g| g.split_whitespace().nth(1).is_none())
            })
        })
        .map(|p| &*p.place)
}

/// The trigger that names the clause's event, and its type. The first trigger, as
/// Arabic puts the verb first, except: a statement verb followed by a complementizer
/// (قال إن، أعلن أن) reports content, whose first trigger names the event; a trigger in
/// purpose form (لتحريرها، نحو تحرير) names an aim and stands for the type the pack maps
/// it to (taking a city as an aim is an offensive); a statement giving a toll is a
/// casualties report.
fn choose_trigger(
    lex: &Lexicon,
    text: &str,
    hits: SentHits<'_, '_>,
    trig_hits: &[&LexHit],
    c: &clause::Clause,
    has_cas: bool,
    // The statement and casualties types (looked up once per document, not per clause).
    (statement, casualties_t): (Option<u8>, Option<u8>),
) -> Option<(u8, LexHit)> {
    let ty = |h: &LexHit| match h.cat {
        Cat::Trigger(t) => Some(t),
        _ => None,
    };
    let first = **trig_hits.first()?;
    let mut chosen = first;
    // A reporting verb (أعلن، أكد، قال) reports its object too: "أعلن تحرير المدينة" is
    // the taking; a verb of attitude (رحّب، دعا، ندّد) keeps its noun object as a statement.
    let reporting = hits
        .of(Cat::Reporting)
        .iter()
        .any(|h| h.word_start == first.word_start);
    let content_from = hits
        .of(Cat::Complementizer)
        .iter()
        .find(|h| h.word_start >= first.end && h.end <= c.end)
        .map(|h| h.end)
        .or(reporting.then_some(first.end));
    // Any verb followed by a complementizer speaks of something ("أقرّت بأن …" admitted,
    // not approved): its content names the event, or it is a statement.
    // Only right after the verb: further on, an أن may be another verb's.
    let speech_comp = hits
        .of(Cat::Complementizer)
        .iter()
        .find(|h| h.word_start >= first.end && h.word_start <= first.end + 1);
    if let Some(comp) = speech_comp
        && ty(&first) != statement
    {
        let after = trig_hits.iter().find(|h| h.word_start >= comp.end);
        return match after {
            Some(a) => Some((ty(a)?, **a)),
            None => Some((statement?, first)),
        };
    }
    if ty(&first) == statement
        && let Some(from) = content_from
        && let Some(after) = trig_hits
            .iter()
            .find(|h| h.word_start >= from && ty(h) != statement)
    {
        chosen = **after;
    }
    let mut t = ty(&chosen)?;
    let purpose_word = hits.of(Cat::PurposeBefore).iter().any(|h| {
        h.end <= chosen.word_start && h.word_start >= c.start && chosen.word_start - h.end <= 2
    });
    if (chosen.purpose || purpose_word)
        && let Some(&to) = lex.purpose.get(&t)
    {
        t = to;
    }
    // "فقدت قوات X السيطرة على Y": a taking after a word of losing is the side's loss
    // (the side named between is the one that lost it).
    let lost = hits.of(Cat::LossBefore).iter().any(|h| {
        h.word_start >= c.start
            && h.end <= chosen.word_start
            && close_in_clause(text, h.end, chosen.word_start, 4)
    });
    if lost && let Some(&to) = lex.loss.get(&t) {
        t = to;
    }
    // "هاجم المتحدث تصريحات السفير": an attack on words is a statement.
    let verbal = hits.of(Cat::VerbalObject).iter().any(|h| {
        h.word_start >= chosen.end
            && h.end <= c.end
            && close_in_clause(text, chosen.end, h.word_start, 4)
    });
    if verbal && let Some(&to) = lex.verbal.get(&t) {
        t = to;
    }
    // "ارتفع عدد القتلى منذ بدء الهجوم … إلى 432": the deed after "منذ" dates the toll,
    // the toll is the event.
    if has_cas
        && let Some(ct) = casualties_t
        && text.get(..chosen.word_start).is_some_and(|b| {
            b.split_whitespace()
                .rev()
                .take(2)
                .any(|w| matches!(w, "منذ" | "ومنذ"))
        })
    {
        t = ct;
    }
    if has_cas
        && Some(t) == statement
        && let Some(ct) = casualties_t
    {
        t = ct;
    }
    Some((t, chosen))
}
