//! Cross-article merging: the same event reported by several articles (same type, places
//! and actors, dates agreeing within their precision) becomes one event with its sources.

use rustc_hash::FxHashMap;

use jiff::civil::Date;

use super::dates::span;
use crate::corpus::SourceDoc;
use crate::model::{DateSource, Event, Modality, Precision};

type Span = (Date, Date);

/// No index: a report outside every cluster, or a slot not yet filled.
const NONE: u32 = u32::MAX;

/// The days an event's date covers, as `dates::event_span`, with the common plain day
/// ("2019-04-04") and month ("2019-04") read without the general parser: merging and
/// control read the date of every report, and parsing was a large share of their time.
pub(crate) fn quick_span(date: Option<&str>, end: Option<&str>) -> Option<Span> {
    let atom = |v: &str| plain_atom(v).unwrap_or_else(|| span(v));
    let (s, e) = atom(date?)?;
    match end.and_then(atom) {
        Some((_, e2)) => Some((s, e2.max(e))),
        None => Some((s, e)),
    }
}

/// The days a "YYYY-MM-DD" or "YYYY-MM" string covers, as `dates::span` reads them
/// (`Some(None)`: that shape but no such day or month), or `None` when the string has
/// another shape and needs the general parser.
fn plain_atom(s: &str) -> Option<Option<Span>> {
    let b = s.as_bytes();
    let num = |r: std::ops::Range<usize>| {
        b[r].iter().try_fold(0i16, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + i16::from(c - b'0'))
        })
    };
    // Month and day fit in an i8 (at most 99); out-of-range values fail as in parsing.
    // A value that starts with a letter (a relative "dct-2d" of an undated article, the
    // commonest in some corpora) is no ISO atom, and the parser would trim it first.
    match b.len() {
        _ if b.first().is_some_and(u8::is_ascii_alphabetic) => Some(None),
        10 if b[4] == b'-' && b[7] == b'-' => {
            let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
            Some(Date::new(y, m as i8, d as i8).ok().map(|d| (d, d)))
        }
        7 if b[4] == b'-' => {
            let (y, m) = (num(0..4)?, num(5..7)?);
            Some(
                Date::new(y, m as i8, 1)
                    .ok()
                    .map(|f| (f, f.last_of_month())),
            )
        }
        _ => None,
    }
}

/// How good a report is as the representative (lower is better): a day from the text
/// beats the article's week.
fn rank(e: &Event) -> u8 {
    let src = match e.date_source {
        DateSource::Timex => 0,
        DateSource::Knowledge => 1,
        DateSource::Inherited => 2,
        DateSource::Dct => 3,
    };
    (e.precision as u8) * 4 + src
}

/// Strings numbered in order of first sight, so keys are small integers, not text.
/// Names of up to 16 bytes (nearly all: types, places, actors) are looked up by their
/// bytes as one number and their length, without hashing and comparing text.
#[derive(Default)]
struct Interner<'a> {
    short: FxHashMap<(u128, u8), u32>,
    long: FxHashMap<&'a str, u32>,
}

impl<'a> Interner<'a> {
    fn id(&mut self, s: &'a str) -> u32 {
        let n = (self.short.len() + self.long.len()) as u32;
        let b = s.as_bytes();
        if b.len() <= 16 {
            *self.short.entry((short_key(b), b.len() as u8)).or_insert(n)
        } else {
            *self.long.entry(s).or_insert(n)
        }
    }
}

/// Up to 16 bytes as one number, the same for the same bytes of the same length: the
/// first and last 8 (or 4) bytes, which overlap and cover every byte.
pub(crate) fn short_key(b: &[u8]) -> u128 {
    let n = b.len();
    let r8 = |i: usize| {
        b.get(i..i + 8)
            .and_then(|s| <[u8; 8]>::try_from(s).ok())
            .map_or(0, u64::from_le_bytes)
    };
    let r4 = |i: usize| {
        b.get(i..i + 4)
            .and_then(|s| <[u8; 4]>::try_from(s).ok())
            .map_or(0, u32::from_le_bytes)
    };
    if n >= 8 {
        u128::from(r8(0)) | (u128::from(r8(n - 8)) << 64)
    } else if n >= 4 {
        u128::from(r4(0)) | (u128::from(r4(n - 4)) << 64)
    } else {
        b.iter()
            .enumerate()
            .fold(0, |k, (i, &c)| k | (u128::from(c) << (8 * i)))
    }
}

/// Lists of numbers numbered the same way (looked up by slice: no allocation once known).
#[derive(Default)]
struct ListInterner {
    ids: FxHashMap<Vec<u32>, u32>,
    lists: Vec<Vec<u32>>,
    /// The number of each one-element list by its element (`NONE`: not seen yet): most
    /// reports name one place and one actor, and these need no hashing.
    single: Vec<u32>,
}

impl ListInterner {
    fn id(&mut self, l: &[u32]) -> u32 {
        if let [x] = l
            && let Some(&n) = self.single.get(*x as usize)
            && n != NONE
        {
            return n;
        }
        if let Some(&n) = self.ids.get(l) {
            return n;
        }
        let n = self.lists.len() as u32;
        self.ids.insert(l.to_vec(), n);
        self.lists.push(l.to_vec());
        if let [x] = l {
            let x = *x as usize;
            if self.single.len() <= x {
                self.single.resize(x + 1, NONE);
            }
            self.single[x] = n;
        }
        n
    }
}

/// What decides whether a report may join a cluster, besides its document: two reports
/// with the same signature are interchangeable as cluster heads and as joiners.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
struct Sig {
    group: u32,
    /// First and last day covered, as `day_key`s.
    from: u32,
    to: u32,
    day: bool,
    /// Modalities that agree share a number (`said`).
    said: u8,
    /// The set of actors (sorted, deduplicated ids): "one list within the other" only
    /// depends on the sets.
    actors: u32,
}

/// A date as a number in the same order.
fn day_key(d: jiff::civil::Date) -> u32 {
    (((i32::from(d.year()) + 0x8000) as u32) << 9) | ((d.month() as u32) << 5) | d.day() as u32
}

/// Modalities that agree (both said to have happened, or the same) get the same number.
fn said(m: Modality) -> u8 {
    match m {
        Modality::Asserted | Modality::Reported => 0,
        Modality::Negated => 1,
        Modality::Planned => 2,
        Modality::Hypothetical => 3,
    }
}

/// Do heads of signature `a` and reports of signature `b` (same group) describe the same
/// event, documents aside? Actors that agree (one set within the other), dates whose
/// spans overlap; two day-precise reports must name the same day. Symmetric.
#[inline(always)]
fn compatible(a: &Sig, b: &Sig, actor_sets: &[Vec<u32>]) -> bool {
    let dates = if a.day && b.day {
        a.from == b.from && a.to == b.to
    } else {
        a.from <= b.to && b.from <= a.to
    };
    if !dates || a.said != b.said {
        return false;
    }
    if a.actors == b.actors {
        return true;
    }
    let (x, y) = (
        &actor_sets[a.actors as usize],
        &actor_sets[b.actors as usize],
    );
    let sub = |x: &[u32], y: &[u32]| x.iter().all(|i| y.binary_search(i).is_ok());
    sub(x, y) || sub(y, x)
}

/// Merge reports of the same event; the best-dated report stays, listing the others in
/// `sources`. Order of the remaining events is kept.
pub fn merge(events: Vec<Event>) -> Vec<Event> {
    merge_parts(vec![events])
}

/// `merge` over the concatenation of `parts` (each article's events), without building
/// the concatenation: reports are folded into their representatives where they lie, and
/// only the events that stay are moved, once, into the result (a single part is
/// compacted in place and returned, so no new buffer is filled at all).
pub fn merge_parts(mut parts: Vec<Vec<Event>>) -> Vec<Event> {
    let plan = plan(&parts);
    let merges = &plan.merges;
    // Reports still to fold into each representative: its sources are allocated once at
    // their full length (growing them step by step made glibc consolidate its free
    // lists at every large step, right after the merged reports were freed).
    let mut left = vec![0u32; plan.candidates];
    for m in merges {
        left[m.head as usize] += 1;
    }
    // In report order, each merging report gives its representative what it adds (a
    // control claim, more actors, figures, its id), moved, not copied; what is left of
    // it is dropped with the part.
    for m in merges {
        let Some((head, other)) = two_mut(&mut parts, m.head_at, m.at) else {
            continue;
        };
        head.sources.reserve_exact(left[m.head as usize] as usize);
        left[m.head as usize] -= 1;
        fold(head, other, m.adds_actors);
    }
    // The reports that stay, in order: each part keeps its own (parts no report left
    // are not even walked) and they are joined. The joined list is allocated before any
    // merged report is freed: so large an allocation makes glibc consolidate its free
    // lists first, and right after the merged reports were dropped that cost a tenth of
    // merging.
    let single = parts.len() == 1;
    let mut out = if single {
        Vec::new()
    } else {
        Vec::with_capacity(
            parts
                .iter()
                .map(Vec::len)
                .sum::<usize>()
                .saturating_sub(merges.len()),
        )
    };
    let mut next = merges.iter().map(|m| m.at).peekable();
    for (p, part) in parts.iter_mut().enumerate() {
        if next.peek().is_some_and(|&(q, _)| q as usize == p) {
            let mut i = 0;
            part.retain(|_| {
                let gone = next.next_if_eq(&(p as u32, i)).is_some();
                i += 1;
                !gone
            });
        }
        if !single {
            out.append(part);
        }
    }
    if single {
        let mut out = parts.pop().unwrap_or_default();
        out.shrink_to_fit();
        return out;
    }
    out
}

/// Two different events of `parts`, by (part, index), both mutable.
fn two_mut(
    parts: &mut [Vec<Event>],
    (pa, ia): (u32, u32),
    (pb, ib): (u32, u32),
) -> Option<(&mut Event, &mut Event)> {
    let (pa, ia, pb, ib) = (pa as usize, ia as usize, pb as usize, ib as usize);
    if pa == pb {
        let [a, b] = parts.get_mut(pa)?.get_disjoint_mut([ia, ib]).ok()?;
        return Some((a, b));
    }
    let [a, b] = parts.get_disjoint_mut([pa, pb]).ok()?;
    Some((a.get_mut(ia)?, b.get_mut(ib)?))
}

/// Add what another report of the same event says to its representative, taking it
/// from the other report (which is dropped afterwards).
fn fold(head: &mut Event, other: &mut Event, adds_actors: bool) {
    if head.control.is_none() {
        head.control = other.control.take();
    }
    if adds_actors {
        take_actors_and_figures(head, other);
    } else {
        take_figures(head, other);
    }
    head.sources.push(std::mem::take(&mut other.id));
}

/// The larger of each figure the two reports give.
fn take_figures(head: &mut Event, other: &Event) {
    let (c, oc) = (&mut head.casualties, other.casualties);
    c.killed = c.killed.max(oc.killed);
    c.injured = c.injured.max(oc.injured);
    c.displaced = c.displaced.max(oc.displaced);
}

/// The other report's actors that `head` lacks (moved), and the larger figures.
fn take_actors_and_figures(head: &mut Event, other: &mut Event) {
    for a in std::mem::take(&mut other.actors) {
        if !head.actors.contains(&a) {
            head.actors.push(a);
        }
    }
    take_figures(head, other);
}

/// Who merges into whom.
///
/// Reports of one group (same type and places) are taken in order; each joins the
/// first cluster, in the order the clusters were made, whose head (first report) it
/// matches (`compatible`) and that has no report from its document yet; otherwise it
/// heads a new cluster. Heads of one signature fill up in order: a document's reports
/// are in the first k of them (it joined the first without it, or made a new one when
/// all had it), so the first open head of a signature for a document is its k-th,
/// k counted per (signature, document), and no cluster's documents are ever scanned.
/// The clusters, as what folding needs: who merges into whom.
struct Plan {
    /// The reports that merge into another, in report order.
    merges: Vec<Merge>,
    /// How many reports could merge (the numbering of `Merge::head`).
    candidates: usize,
}

/// One report that merges into its cluster's representative.
struct Merge {
    /// Where the report and its representative are: (part, index).
    at: (u32, u32),
    head_at: (u32, u32),
    /// The representative's number among the reports that could merge.
    head: u32,
    /// Whether the report may name actors the representative lacks: not when its set of
    /// actors is within the representative's own, so its names need not be compared.
    adds_actors: bool,
}

/// A report that could merge: one with places and a date span.
struct Candidate {
    at: (u32, u32),
    sig: u32,
    doc: u32,
    rank: u8,
}

fn plan(parts: &[Vec<Event>]) -> Plan {
    let mut docs = Interner::default();
    let mut strs = Interner::default();
    let mut lists = ListInterner::default();
    let mut sigs: FxHashMap<Sig, u32> = FxHashMap::default();
    let mut sig_list: Vec<Sig> = Vec::new();
    let mut cands: Vec<Candidate> = Vec::new();
    let mut buf: Vec<u32> = Vec::new();
    let mut groups: FxHashMap<u64, u32> = FxHashMap::default();
    let mut group_of_sig: Vec<u32> = Vec::new();
    let mut last_doc: Option<(&str, u32)> = None;
    for (p, part) in parts.iter().enumerate() {
        for (i, e) in part.iter().enumerate() {
            // A report without places or without a date span can join no cluster, and
            // no other report can join its own (its document is not even read).
            if e.places.is_empty() {
                continue;
            }
            let Some(span) = quick_span(e.date.as_deref(), e.date_end.as_deref()) else {
                continue;
            };
            // An article's reports come together: its id is looked up once.
            let doc = match last_doc {
                Some((d, n)) if d == e.doc => n,
                _ => {
                    let n = docs.id(&e.doc);
                    last_doc = Some((&e.doc, n));
                    n
                }
            };
            buf.clear();
            buf.extend(e.places.iter().map(|p| strs.id(p)));
            buf.sort_unstable();
            let places = lists.id(&buf);
            let kind = strs.id(&e.kind);
            let key = ((kind as u64) << 32) | places as u64;
            let next = groups.len() as u32;
            let group = *groups.entry(key).or_insert(next);
            buf.clear();
            buf.extend(e.actors.iter().map(|a| strs.id(a)));
            buf.sort_unstable();
            buf.dedup();
            let sig = Sig {
                group,
                from: day_key(span.0),
                to: day_key(span.1),
                day: e.precision == Precision::Day,
                said: said(e.modality),
                actors: lists.id(&buf),
            };
            let next = sig_list.len() as u32;
            let sig = *sigs.entry(sig).or_insert_with(|| {
                sig_list.push(sig);
                group_of_sig.push(group);
                next
            });
            cands.push(Candidate {
                at: (p as u32, i as u32),
                sig,
                doc,
                rank: rank(e),
            });
        }
    }
    drop(sigs);
    let n = cands.len();
    // Candidates by group, each group in report order (a counting sort).
    let ngroups = groups.len();
    let mut start = vec![0u32; ngroups + 1];
    for c in &cands {
        start[group_of_sig[c.sig as usize] as usize + 1] += 1;
    }
    for g in 0..ngroups {
        start[g + 1] += start[g];
    }
    let mut order = vec![0u32; n];
    let mut fill = start.clone();
    for (i, c) in cands.iter().enumerate() {
        let g = group_of_sig[c.sig as usize] as usize;
        order[fill[g] as usize] = i as u32;
        fill[g] += 1;
    }
    drop(fill);

    let nsigs = sig_list.len();
    // Per signature: the heads with it (their candidates, in order), and once seen, the
    // signatures with heads it is compatible with, in the order their first head came.
    let mut heads: Vec<Vec<u32>> = vec![Vec::new(); nsigs];
    let mut compat: Vec<Vec<u32>> = vec![Vec::new(); nsigs];
    let mut seen = vec![false; nsigs];
    // How many heads of a signature hold a report of a document (sized for a key per
    // report at once: grown step by step, it was rehashed a dozen times).
    let mut taken: FxHashMap<(u32, u32), u32> =
        FxHashMap::with_capacity_and_hasher(n, Default::default());
    let mut head_of = vec![NONE; n];
    // The group's signatures seen so far and those with heads (in the order of their
    // first head), side by side with their ids, and their spans apart: they are scanned
    // whole, and the spans alone rule most of them out.
    let mut group_sigs: Vec<(Sig, u32)> = Vec::new();
    let mut group_spans: Vec<(u32, u32)> = Vec::new();
    let mut classes: Vec<(Sig, u32)> = Vec::new();
    let mut class_spans: Vec<(u32, u32)> = Vec::new();
    let overlap = |(f, t): (u32, u32), s: &Sig| f <= s.to && s.from <= t;
    for g in 0..ngroups {
        group_sigs.clear();
        group_spans.clear();
        classes.clear();
        class_spans.clear();
        for &i in &order[start[g] as usize..start[g + 1] as usize] {
            let (r, d) = (cands[i as usize].sig, cands[i as usize].doc);
            if !seen[r as usize] {
                seen[r as usize] = true;
                let me = sig_list[r as usize];
                let list = &mut compat[r as usize];
                for (k, &sp) in class_spans.iter().enumerate() {
                    if overlap(sp, &me) && compatible(&classes[k].0, &me, &lists.lists) {
                        list.push(classes[k].1);
                    }
                }
                group_sigs.push((me, r));
                group_spans.push((me.from, me.to));
            }
            let mut best = (NONE, NONE);
            for &s in &compat[r as usize] {
                let hs = &heads[s as usize];
                if hs[0] >= best.0 {
                    break;
                }
                let k = taken.get(&(s, d)).copied().unwrap_or(0) as usize;
                if let Some(&h) = hs.get(k)
                    && h < best.0
                {
                    best = (h, s);
                }
            }
            let (h, s) = if best.0 != NONE {
                best
            } else {
                let hs = &mut heads[r as usize];
                if hs.is_empty() {
                    // A new kind of head: every signature seen so far that matches it
                    // may join it from now on (the report's own among them).
                    let me = sig_list[r as usize];
                    classes.push((me, r));
                    class_spans.push((me.from, me.to));
                    for (k, &sp) in group_spans.iter().enumerate() {
                        let (o, id) = &group_sigs[k];
                        if overlap(sp, &me) && compatible(&me, o, &lists.lists) {
                            compat[*id as usize].push(r);
                        }
                    }
                }
                heads[r as usize].push(i);
                (i, r)
            };
            head_of[i as usize] = h;
            *taken.entry((s, d)).or_insert(0) += 1;
        }
    }
    drop(taken);
    // The representative of each cluster of several reports: the best-ranked, the
    // first on a tie.
    let mut best = vec![NONE; n];
    let mut size = vec![0u32; n];
    for (j, &h) in head_of.iter().enumerate() {
        let h = h as usize;
        size[h] += 1;
        if best[h] == NONE || cands[j].rank < cands[best[h] as usize].rank {
            best[h] = j as u32;
        }
    }
    let sets = &lists.lists;
    let actors = |c: &Candidate| sig_list[c.sig as usize].actors;
    let mut merges = Vec::new();
    for (j, &h) in head_of.iter().enumerate() {
        let b = best[h as usize];
        if size[h as usize] < 2 || b == j as u32 {
            continue;
        }
        let (x, y) = (actors(&cands[j]), actors(&cands[b as usize]));
        let within = |x: &[u32], y: &[u32]| x.iter().all(|a| y.binary_search(a).is_ok());
        merges.push(Merge {
            at: cands[j].at,
            head_at: cands[b as usize].at,
            head: b,
            adds_actors: x != y && !within(&sets[x as usize], &sets[y as usize]),
        });
    }
    Plan {
        merges,
        candidates: n,
    }
}

/// A headline longer than this is a first paragraph, not a title.
const HEADLINE_BYTES: usize = 300;

/// The events of an article's headline that its body tells again, each with the body's
/// event: (headline event, body event), indices into `events` (in text order). A news
/// headline restates the lead ("قوات الوفاق تستعيد غريان" above "أعلنت قوات الوفاق اليوم
/// سيطرتها على غريان"): one event on the timeline, not two, and the body's — with its
/// own date and sentence — is the one kept. The headline is a short first paragraph
/// with no sentence-final mark, above at least one more.
pub(crate) fn headline_repeats(doc: &SourceDoc, events: &[Event]) -> Vec<(usize, usize)> {
    let Some(first) = doc.paragraphs.first().filter(|_| doc.paragraphs.len() > 1) else {
        return Vec::new();
    };
    let title = doc.text.get(first.clone()).unwrap_or_default().trim();
    if title.is_empty()
        || title.len() > HEADLINE_BYTES
        || title.ends_with(['.', '!', '?', '؟', ':', '۔'])
    {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (i, h) in events.iter().enumerate() {
        if h.end > first.end {
            break;
        }
        if h.places.is_empty() {
            continue;
        }
        // (A headline without a date of its own carries the article's, a day or two
        // after the body's.)
        let same = |b: &Event| {
            b.start >= first.end
                && b.kind == h.kind
                && b.modality == h.modality
                && h.places.iter().all(|p| b.places.contains(p))
                && (h.date == b.date || h.date_source == DateSource::Dct)
                && (h.actors.is_empty() || h.actors.iter().any(|a| b.actors.contains(a)))
        };
        if let Some(j) = (i + 1..events.len()).find(|&j| same(&events[j])) {
            out.push((i, j));
        }
    }
    out
}

/// Give a body's event what its headline's adds: actors and figures. Not a control
/// claim: the body's sentence says more about who holds the place than a headline does.
pub(crate) fn fold_headline(body: &mut Event, head: &mut Event) {
    take_actors_and_figures(body, head);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::events::dates::event_span;
    use crate::model::{Casualties, SmolStr};

    /// An event that owns nothing, to build test events from.
    fn placeholder() -> Event {
        Event {
            id: SmolStr::default(),
            doc: SmolStr::default(),
            start: 0,
            end: 0,
            evidence: String::new(),
            date: None,
            date_end: None,
            precision: Precision::Unknown,
            date_source: DateSource::Dct,
            kind: SmolStr::default(),
            modality: Modality::Asserted,
            places: Vec::new(),
            actors: Vec::new(),
            casualties: Default::default(),
            control: None,
            sources: Vec::new(),
        }
    }

    fn ev(id: &str, date: &str, precision: Precision) -> Event {
        Event {
            id: id.into(),
            doc: id.split('#').next().unwrap_or(id).into(),
            date: Some(date.into()),
            precision,
            date_source: DateSource::Timex,
            kind: "offensive".into(),
            places: vec!["Town".into()],
            actors: vec!["A".into()],
            ..placeholder()
        }
    }

    fn ids(events: &[Event]) -> Vec<(&str, Vec<&str>)> {
        events
            .iter()
            .map(|e| {
                (
                    e.id.as_str(),
                    e.sources.iter().map(SmolStr::as_str).collect(),
                )
            })
            .collect()
    }

    #[test]
    fn plain_days_are_read_as_the_general_parser_reads_them() {
        let mut cases: Vec<String> = [
            "2019-04-04 ",
            " 2019-04-04",
            "2019-4-04",
            "2019/04/04",
            "2019-04-0x",
            "+2019-04-04",
            "+201-04",
            "2019x04",
            "2019-4 ",
            "2019-04",
            "2019-W14",
            "2019",
            "dct-2d",
            "dct",
            "dct-1d",
            "dct+3w",
            "dct-12m",
            "dct-2y",
            "d019",
            "d019-04",
            "d019-W14",
            "W019-04-04",
            "d-04-04-04",
            "",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        for y in ["0000", "0001", "1999", "2016", "2019", "9999"] {
            for m in 0..=13 {
                cases.push(format!("{y}-{m:02}"));
                for d in 0..=32 {
                    cases.push(format!("{y}-{m:02}-{d:02}"));
                }
            }
        }
        for c in &cases {
            assert_eq!(quick_span(Some(c), None), event_span(Some(c), None), "{c}");
            assert_eq!(
                quick_span(Some(c), Some("2019-05")),
                event_span(Some(c), Some("2019-05")),
                "{c}"
            );
            assert_eq!(
                quick_span(Some("2019"), Some(c)),
                event_span(Some("2019"), Some(c)),
                "{c}"
            );
        }
    }

    #[test]
    fn short_names_get_the_same_number_only_when_equal() {
        let names = [
            "",
            "a",
            "b",
            "ab",
            "ba",
            "abc",
            "abcd",
            "abce",
            "bbcd",
            "abcde",
            "abcdf",
            "abcdefg",
            "abcdefgh",
            "abcdefgi",
            "zbcdefgh",
            "abcdefghi",
            "abcdefghijklmnop",
            "abcdefghijklmnoq",
            "bbcdefghijklmnop",
            "abcdefgh\0",
            "abcdefgh\0\0",
            "abcdefghijklmnopq",
            "Tripoli",
            "طرابلس",
        ];
        let mut ix = Interner::default();
        let ids: Vec<u32> = names.iter().map(|s| ix.id(s)).collect();
        for (a, x) in names.iter().zip(&ids) {
            for (b, y) in names.iter().zip(&ids) {
                assert_eq!(a == b, x == y, "{a:?} {b:?}");
            }
        }
        assert_eq!(ix.id("abcd"), ids[6], "a name keeps its number");
    }

    #[test]
    fn an_article_telling_an_event_twice_gives_two_clusters() {
        let merged = merge(vec![
            ev("a#1", "2019-04-04", Precision::Day),
            ev("a#2", "2019-04-04", Precision::Day),
            ev("b#1", "2019-04-04", Precision::Day),
            ev("b#2", "2019-04-04", Precision::Day),
            ev("c#1", "2019-04-04", Precision::Day),
        ]);
        assert_eq!(
            ids(&merged),
            [("a#1", vec!["b#1", "c#1"]), ("a#2", vec!["b#2"])]
        );
    }

    #[test]
    fn a_report_joins_the_first_cluster_made_and_the_best_dated_report_stays() {
        let mut week = ev("a#1", "2019-W14", Precision::Week);
        week.date_source = DateSource::Dct;
        let merged = merge(vec![
            week,
            ev("b#1", "2019-04-04", Precision::Day),
            // Another day of the same week: the week's cluster came first; the article's
            // second report of that day finds it taken and starts its own.
            ev("c#1", "2019-04-05", Precision::Day),
            ev("c#2", "2019-04-05", Precision::Day),
        ]);
        assert_eq!(ids(&merged), [("b#1", vec!["a#1", "c#1"]), ("c#2", vec![])]);
    }

    #[test]
    fn merged_reports_add_their_claim_actors_and_figures_to_the_one_that_stays() {
        let a = ev("a#1", "2019-04-04", Precision::Day);
        let mut b = ev("b#1", "2019-04", Precision::Month);
        b.actors = vec!["A".into(), "B".into()];
        b.casualties = Casualties {
            killed: Some(3),
            injured: None,
            displaced: None,
        };
        b.control = Some(Box::new(crate::model::ControlClaim {
            place: "Town".into(),
            holder: Some("B".into()),
            state: crate::model::ControlState::Held,
            contenders: vec![],
        }));
        let merged = merge(vec![b.clone(), a]);
        assert_eq!(merged.len(), 1);
        let m = &merged[0];
        assert_eq!(
            (m.id.as_str(), m.sources.as_slice()),
            ("a#1", &["b#1".into()][..])
        );
        assert_eq!(m.actors, ["A", "B"]);
        assert_eq!(m.casualties.killed, Some(3));
        assert_eq!(m.control, b.control);
    }

    fn compatible_modality(a: Modality, b: Modality) -> bool {
        let said = |m| matches!(m, Modality::Asserted | Modality::Reported);
        a == b || (said(a) && said(b))
    }

    /// The merging rule as first written: every report tests every cluster made so
    /// far, in order, against its head and its documents.
    fn reference(events: &[Event]) -> Vec<Event> {
        let spans: Vec<Option<Span>> = events
            .iter()
            .map(|e| event_span(e.date.as_deref(), e.date_end.as_deref()))
            .collect();
        let same = |a: usize, b: usize| {
            let (x, y) = (&events[a], &events[b]);
            let mut p = x.places.clone();
            let mut q = y.places.clone();
            p.sort();
            q.sort();
            let sub = |u: &[SmolStr], v: &[SmolStr]| u.iter().all(|i| v.contains(i));
            let dates = match (spans[a], spans[b]) {
                (Some(s), Some(t))
                    if x.precision == Precision::Day && y.precision == Precision::Day =>
                {
                    s == t
                }
                (Some(s), Some(t)) => s.0 <= t.1 && t.0 <= s.1,
                _ => false,
            };
            x.doc != y.doc
                && x.kind == y.kind
                && p == q
                && !x.places.is_empty()
                && compatible_modality(x.modality, y.modality)
                && (sub(&x.actors, &y.actors) || sub(&y.actors, &x.actors))
                && dates
        };
        let mut clusters: Vec<Vec<usize>> = Vec::new();
        for i in 0..events.len() {
            let found = clusters
                .iter()
                .position(|c| same(c[0], i) && c.iter().all(|&j| events[j].doc != events[i].doc));
            match found {
                Some(k) => clusters[k].push(i),
                None => clusters.push(vec![i]),
            }
        }
        let mut into = vec![None; events.len()];
        for c in clusters.iter().filter(|c| c.len() > 1) {
            let best = *c
                .iter()
                .min_by_key(|&&j| (rank(&events[j]), j))
                .expect("cluster");
            for &j in c.iter().filter(|&&j| j != best) {
                into[j] = Some(best);
            }
        }
        let mut out = events.to_vec();
        for (j, b) in into.iter().enumerate() {
            let Some(b) = *b else { continue };
            let other = events[j].clone();
            let head = &mut out[b];
            head.sources.push(other.id);
            if head.control.is_none() {
                head.control = other.control;
            }
            for a in other.actors {
                if !head.actors.contains(&a) {
                    head.actors.push(a);
                }
            }
            let c = &mut head.casualties;
            c.killed = c.killed.max(other.casualties.killed);
            c.injured = c.injured.max(other.casualties.injured);
        }
        (0..events.len())
            .filter(|&i| into[i].is_none())
            .map(|i| out[i].clone())
            .collect()
    }

    #[test]
    fn clusters_are_those_of_testing_every_earlier_cluster() {
        let mut seed = 0x9e37_79b9_7f4a_7c15u64;
        let mut rnd = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let dates = [
            ("2019-04-04", Precision::Day),
            ("2019-04-05", Precision::Day),
            ("2019-04-05", Precision::Week),
            ("2019-W14", Precision::Week),
            ("2019-04", Precision::Month),
            ("2019", Precision::Year),
            ("dct-1d", Precision::Week),
            ("2019-05-01", Precision::Day),
        ];
        let modalities = [
            Modality::Asserted,
            Modality::Reported,
            Modality::Negated,
            Modality::Planned,
        ];
        for round in 0..40 {
            let n = 20 + rnd(120);
            let events: Vec<Event> = (0..n)
                .map(|k| {
                    let (date, precision) = dates[rnd(dates.len())];
                    let mut e = ev(&format!("d{}#{k}", rnd(8)), date, precision);
                    e.modality = modalities[rnd(modalities.len())];
                    e.kind = ["offensive", "airstrike"][rnd(2)].into();
                    e.places = [
                        vec![],
                        vec!["Town".into()],
                        vec!["Town".into(), "Port".into()],
                        vec!["Port".into(), "Town".into()],
                    ][rnd(4)]
                    .clone();
                    e.actors = [
                        vec![],
                        vec!["A".into()],
                        vec!["B".into()],
                        vec!["B".into(), "A".into()],
                        vec!["A".into(), "A".into()],
                    ][rnd(5)]
                    .clone();
                    e.date_source = [DateSource::Timex, DateSource::Dct][rnd(2)];
                    if rnd(6) == 0 {
                        e.date_end = Some("2019-06".into());
                        e.precision = Precision::Range;
                    }
                    e.casualties.killed = [None, Some(2), Some(5)][rnd(3)];
                    if rnd(3) == 0 {
                        e.control = Some(Box::new(crate::model::ControlClaim {
                            place: "Town".into(),
                            holder: Some(format!("H{}", rnd(3)).into()),
                            state: crate::model::ControlState::Held,
                            contenders: vec![],
                        }));
                    }
                    e
                })
                .collect();
            let want = reference(&events);
            // The same reports as one list and as one list per run of one article.
            let mut parts: Vec<Vec<Event>> = Vec::new();
            for e in &events {
                match parts.last_mut() {
                    Some(p) if p[0].doc == e.doc => p.push(e.clone()),
                    _ => parts.push(vec![e.clone()]),
                }
            }
            assert_eq!(merge(events), want, "round {round}");
            assert_eq!(merge_parts(parts), want, "round {round}, by article");
        }
    }
}
