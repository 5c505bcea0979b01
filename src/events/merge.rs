//! Cross-article merging: the same event reported by several articles (same type, places
//! and actors, dates agreeing within their precision) becomes one event with its sources.

use rustc_hash::{FxHashMap, FxHashSet};

use super::dates::event_span;
use crate::model::{DateSource, Event, Modality, Precision};

type Span = (jiff::civil::Date, jiff::civil::Date);

fn compatible_modality(a: Modality, b: Modality) -> bool {
    let said = |m| matches!(m, Modality::Asserted | Modality::Reported);
    a == b || (said(a) && said(b))
}

/// Do two reports describe the same event? Different articles, same type and places,
/// actors that agree (one list within the other), dates whose spans overlap.
/// `sa`, `sb`: the reports' date spans (`event_span`), parsed once per report by the caller.
fn same_event(a: &Event, sa: Option<Span>, b: &Event, sb: Option<Span>) -> bool {
    if a.doc == b.doc || a.kind != b.kind || a.places.is_empty() {
        return false;
    }
    if !compatible_modality(a.modality, b.modality) {
        return false;
    }
    let sub = |x: &[String], y: &[String]| x.iter().all(|i| y.contains(i));
    if !(sub(&a.actors, &b.actors) || sub(&b.actors, &a.actors)) {
        return false;
    }
    let (Some(sa), Some(sb)) = (sa, sb) else {
        return false;
    };
    // Two day-precise reports must name the same day; coarser ones must overlap.
    if a.precision == Precision::Day && b.precision == Precision::Day {
        return sa == sb;
    }
    sa.0 <= sb.1 && sb.0 <= sa.1
}

/// How good a report is as the representative: a day from the text beats the
/// article's week.
fn rank(e: &Event) -> (u8, u8) {
    let src = match e.date_source {
        DateSource::Timex => 0,
        DateSource::Knowledge => 1,
        DateSource::Inherited => 2,
        DateSource::Dct => 3,
    };
    (e.precision as u8, src)
}

/// Merge reports of the same event; the best-dated report stays, listing the others in
/// `sources`. Order of the remaining events is kept.
pub fn merge(events: Vec<Event>) -> Vec<Event> {
    // Keys borrow the events' strings: cloning them for every report was most of the
    // grouping's cost.
    let mut groups: FxHashMap<(&str, Vec<&str>), Vec<usize>> = FxHashMap::default();
    for (i, e) in events.iter().enumerate() {
        if e.places.is_empty() {
            continue;
        }
        let mut p: Vec<&str> = e.places.iter().map(String::as_str).collect();
        p.sort_unstable();
        groups.entry((e.kind.as_str(), p)).or_default().push(i);
    }
    let mut into: Vec<Option<usize>> = vec![None; events.len()];
    // Parsing a report's date for every comparison dominated merging on large corpora.
    let spans: Vec<Option<Span>> = events
        .iter()
        .map(|e| event_span(e.date.as_deref(), e.date_end.as_deref()))
        .collect();
    let dates_agree = |a: usize, b: usize| match (spans[a], spans[b]) {
        (Some(sa), Some(sb)) => {
            if events[a].precision == Precision::Day && events[b].precision == Precision::Day {
                sa == sb
            } else {
                sa.0 <= sb.1 && sb.0 <= sa.1
            }
        }
        _ => false,
    };
    let mut keys: Vec<_> = groups.into_values().collect();
    keys.sort();
    // A day-precision report's span: the key under which day heads are filed.
    let day_span = |i: usize| spans[i].filter(|_| events[i].precision == Precision::Day);
    for idx in keys {
        // Greedy clusters: each report joins the first cluster whose head it matches.
        // Each cluster keeps the set of its documents: testing "no report from this
        // document yet" by scanning the cluster made large corpora quadratic.
        let mut heads: Vec<(Vec<usize>, FxHashSet<&str>)> = Vec::new();
        // Heads of a day by that day, the others in one list: a day's report can only join
        // a head of the same day or a coarser one, so it need not test every head (one
        // article telling the same thing many times made this quadratic).
        let mut by_day: FxHashMap<Span, Vec<usize>> = FxHashMap::default();
        let mut coarse: Vec<usize> = Vec::new();
        for &i in &idx {
            let doc = events[i].doc.as_str();
            // The date test (part of `same_event`) first: it is a few comparisons and
            // rules out most heads before any hashing or string comparison.
            let joins = |h: usize, heads: &[(Vec<usize>, FxHashSet<&str>)]| {
                let (c, docs) = &heads[h];
                dates_agree(c[0], i)
                    && !docs.contains(doc)
                    && same_event(&events[c[0]], spans[c[0]], &events[i], spans[i])
            };
            // The first head, in the order the heads were made, that the report joins.
            let found = match day_span(i) {
                Some(sp) => {
                    let a = by_day
                        .get(&sp)
                        .and_then(|v| v.iter().copied().find(|&h| joins(h, &heads)));
                    let b = coarse.iter().copied().find(|&h| joins(h, &heads));
                    match (a, b) {
                        (Some(a), Some(b)) => Some(a.min(b)),
                        (a, b) => a.or(b),
                    }
                }
                None => (0..heads.len()).find(|&h| joins(h, &heads)),
            };
            match found {
                Some(h) => {
                    let (c, docs) = &mut heads[h];
                    c.push(i);
                    docs.insert(doc);
                }
                None => {
                    match day_span(i) {
                        Some(sp) => by_day.entry(sp).or_default().push(heads.len()),
                        None => coarse.push(heads.len()),
                    }
                    heads.push((vec![i], FxHashSet::from_iter([doc])));
                }
            }
        }
        for (c, _) in heads.into_iter().filter(|(c, _)| c.len() > 1) {
            let best = *c
                .iter()
                .min_by_key(|&&j| (rank(&events[j]), j))
                .unwrap_or(&c[0]);
            for &j in &c {
                if j != best {
                    into[j] = Some(best);
                }
            }
        }
    }
    // What the other reports add (a control claim, more actors, figures), folded into
    // the representative in place; the others are never changed, so order is free.
    let mut sources: Vec<Vec<String>> = vec![Vec::new(); events.len()];
    let mut events = events;
    for (j, t) in into.iter().enumerate() {
        let Some(b) = *t else { continue };
        sources[b].push(events[j].id.clone());
        let (head, other) = if b < j {
            let (lo, hi) = events.split_at_mut(j);
            (&mut lo[b], &hi[0])
        } else {
            let (lo, hi) = events.split_at_mut(b);
            (&mut hi[0], &lo[j])
        };
        if head.control.is_none() {
            head.control.clone_from(&other.control);
        }
        for a in &other.actors {
            if !head.actors.contains(a) {
                head.actors.push(a.clone());
            }
        }
        let (c, oc) = (&mut head.casualties, &other.casualties);
        c.killed = c.killed.max(oc.killed);
        c.injured = c.injured.max(oc.injured);
        c.displaced = c.displaced.max(oc.displaced);
    }
    events
        .into_iter()
        .zip(sources)
        .enumerate()
        .filter(|(i, _)| into[*i].is_none())
        .map(|(_, (mut e, s))| {
            e.sources.extend(s);
            e
        })
        .collect()
}
