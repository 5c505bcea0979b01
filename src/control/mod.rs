//! Control history per place, derived from the control claims of events (events.md
//! rules 1–4); every interval lists the events that support it.

pub mod background;
pub mod query;

use std::collections::BTreeMap;

use jiff::civil::Date;

use crate::events::merge::quick_span;
use crate::model::{ControlHistory, ControlInterval, ControlState, Event, Modality, SmolStr};
use rustc_hash::{FxHashMap, FxHashSet};

/// One dated claim about one place.
#[derive(Debug, Clone)]
struct Claim<'a> {
    date: Date,
    /// territory_taken / withdrawal change the holder; control_claim only confirms.
    strong: bool,
    state: ControlState,
    holder: Option<&'a str>,
    contenders: &'a [SmolStr],
    event: &'a str,
}

/// An interval while the history is built: it borrows its names and ids from the
/// claims, which are copied once into the result (the build used to copy each id
/// several times and drop the copies).
struct Iv<'a> {
    from: Date,
    to: Option<Date>,
    holder: Option<&'a str>,
    state: ControlState,
    contenders: Vec<&'a str>,
    events: Vec<&'a str>,
}

fn push_unique<'a>(v: &mut Vec<&'a str>, s: &'a str) {
    if !v.contains(&s) {
        v.push(s);
    }
}

/// Derive the control history of every place some event claims something about.
pub fn derive(events: &[Event]) -> Vec<ControlHistory> {
    let mut by_place: BTreeMap<&str, Vec<Claim>> = BTreeMap::new();
    for e in events {
        let Some(c) = &e.control else { continue };
        // Rule 4: what did not happen (or not yet) never changes control.
        if matches!(
            e.modality,
            Modality::Negated | Modality::Planned | Modality::Hypothetical
        ) {
            continue;
        }
        // An undated claim (relative date of an undated article) cannot be placed.
        let Some((from, _)) = quick_span(e.date.as_deref(), e.date_end.as_deref()) else {
            continue;
        };
        by_place.entry(c.place.as_str()).or_default().push(Claim {
            date: from,
            strong: matches!(e.kind.as_str(), "territory_taken" | "withdrawal"),
            state: c.state,
            holder: c.holder.as_deref(),
            contenders: &c.contenders,
            event: &e.id,
        });
    }
    by_place
        .into_iter()
        .map(|(place, mut claims)| {
            claims.sort_by(|a, b| a.date.cmp(&b.date).then(a.event.cmp(b.event)));
            ControlHistory {
                place: place.to_string(),
                intervals: history(&claims),
            }
        })
        .collect()
}

/// The interval at the end of `out` extended with more supporting events, each once.
/// `seen` holds the ids of that interval once it has been extended (for a long fight,
/// looking each id up in the list was quadratic); it is tagged with the interval's index.
fn extend_events<'a>(
    out: &mut [Iv<'a>],
    seen: &mut (usize, FxHashSet<&'a str>),
    ids: impl Iterator<Item = &'a str>,
) {
    let k = out.len() - 1;
    let last = &mut out[k];
    if seen.0 != k {
        seen.0 = k;
        seen.1.clear();
        seen.1.extend(last.events.iter().copied());
    }
    for id in ids {
        if seen.1.insert(id) {
            last.events.push(id);
        }
    }
}

/// Fold the claims of one place, oldest first, into intervals.
fn history(claims: &[Claim]) -> Vec<ControlInterval> {
    let mut out: Vec<Iv> = Vec::new();
    let mut last_dates: Vec<Date> = Vec::new();
    let mut seen = (usize::MAX, FxHashSet::default());
    let mut i = 0;
    while i < claims.len() {
        let day = claims[i].date;
        let mut j = i;
        while j < claims.len() && claims[j].date == day {
            j += 1;
        }
        apply_day(&mut out, &mut last_dates, &mut seen, &claims[i..j]);
        i = j;
    }
    // A fight whose defender the reports never name was fought for whoever held the
    // place before, or else whoever holds it after and was not among the attackers.
    for k in 0..out.len() {
        if out[k].state != ControlState::Contested || out[k].holder.is_some() {
            continue;
        }
        let before = out[..k]
            .iter()
            .rev()
            .find(|iv| iv.state == ControlState::Held)
            .and_then(|iv| iv.holder);
        let after = out[k + 1..]
            .iter()
            .find(|iv| iv.state == ControlState::Held)
            .and_then(|iv| iv.holder)
            .filter(|h| !out[k].contenders.contains(h));
        out[k].holder = before.or(after);
    }
    // Each interval ends the day before the next one starts.
    for k in 1..out.len() {
        let next_from = out[k].from;
        let prev_end = next_from.yesterday().ok();
        let f = out[k - 1].from;
        out[k - 1].to = match prev_end {
            Some(p) if p < f => Some(f),
            p => p,
        };
    }
    // Fighting lasts as long as it is reported: a contested interval ends some weeks after
    // its last report if nothing follows sooner, and the map then says "unknown".
    // The first claim of each event (claims are in date order), looked up by id: a
    // search of every claim per supporting event was quadratic for long fights.
    let mut first_date: FxHashMap<&str, Date> = FxHashMap::default();
    for c in claims {
        first_date.entry(c.event).or_insert(c.date);
    }
    let date_of = |id: &str| first_date.get(id).copied();
    for iv in out
        .iter_mut()
        .filter(|iv| iv.state == ControlState::Contested)
    {
        let Some(last) = iv.events.iter().filter_map(|e| date_of(e)).max() else {
            continue;
        };
        let end = last
            .checked_add(jiff::Span::new().days(CONTESTED_DAYS))
            .ok();
        iv.to = match (iv.to, end) {
            (Some(t), Some(e)) => Some(t.min(e)),
            (None, e) => e,
            (t, None) => t,
        };
    }
    let owned = |v: Vec<&str>| v.into_iter().map(str::to_string).collect();
    out.into_iter()
        .map(|iv| ControlInterval {
            from: Some(iv.from),
            to: iv.to,
            holder: iv.holder.map(str::to_string),
            state: iv.state,
            contenders: owned(iv.contenders),
            events: owned(iv.events),
        })
        .collect()
}

/// How long fighting stays on the map after its last report, when nothing follows it.
pub const CONTESTED_DAYS: i64 = 30;

/// Apply the claims of one day to the history so far.
fn apply_day<'a>(
    out: &mut Vec<Iv<'a>>,
    last_dates: &mut Vec<Date>,
    seen: &mut (usize, FxHashSet<&'a str>),
    day: &[Claim<'a>],
) {
    let before = out.len();
    apply_day_inner(out, last_dates, seen, day);
    // Every interval remembers the date of its latest supporting claim.
    let date = day[0].date;
    if out.len() > before {
        last_dates.resize(out.len(), date);
    } else if let Some(d) = last_dates.last_mut() {
        *d = date;
    }
}

fn apply_day_inner<'a>(
    out: &mut Vec<Iv<'a>>,
    last_dates: &[Date],
    seen: &mut (usize, FxHashSet<&'a str>),
    day: &[Claim<'a>],
) {
    let date = day[0].date;
    let current = out.last().map(|iv| (iv.holder, iv.state));
    let cur_holder: Option<&str> = current.and_then(|c| c.0);
    // Holders claimed as having the place that day, and sides that lost it.
    let mut holders: Vec<&str> = Vec::new();
    let mut losers: Vec<&str> = Vec::new();
    let mut fighting: Vec<&Claim> = Vec::new();
    let mut confirms: Vec<&Claim> = Vec::new();
    for c in day {
        match (c.state, c.strong) {
            (ControlState::Held, true) => {
                if let Some(h) = c.holder {
                    push_unique(&mut holders, h);
                }
            }
            (ControlState::Held, false) => confirms.push(c),
            (ControlState::Lost, _) => {
                if let Some(h) = c.holder {
                    push_unique(&mut losers, h);
                }
            }
            (ControlState::Contested, _) => fighting.push(c),
        }
    }
    let all = || day.iter().map(|c| c.event).collect::<Vec<&str>>();
    let contested = || {
        day.iter()
            .filter(|c| c.state == ControlState::Contested)
            .map(|c| c.event)
    };
    // Rule 1 (and the conflict rule): one side took it → new holder; several sides
    // claim it the same day → contested, never silently resolved.
    if holders.len() > 1 || (holders.len() == 1 && losers.contains(&holders[0])) {
        let defender = cur_holder
            .filter(|h| holders.contains(h))
            .or_else(|| holders.first().copied());
        let contenders = holders
            .iter()
            .copied()
            .filter(|h| Some(*h) != defender)
            .collect();
        out.push(Iv {
            from: date,
            to: None,
            holder: defender,
            state: ControlState::Contested,
            contenders,
            events: all(),
        });
        return;
    }
    if let Some(h) = holders.first() {
        // One side took it while another says it still holds it, the same day ("the
        // rebels entered the capital" / "loyal forces still control most of the city"):
        // both claims stay visible as a fight. The side still holding was there before.
        let h: &str = h;
        let counter: Vec<&str> = confirms
            .iter()
            .filter_map(|c| c.holder)
            .filter(|c| *c != h)
            .collect();
        if let Some(&first) = counter.first() {
            let defender = cur_holder
                .filter(|c| *c == h || counter.contains(c))
                .unwrap_or(first);
            let mut contenders: Vec<&str> = Vec::new();
            for s in std::iter::once(h).chain(counter.iter().copied()) {
                if s != defender {
                    push_unique(&mut contenders, s);
                }
            }
            out.push(Iv {
                from: date,
                to: None,
                holder: Some(defender),
                state: ControlState::Contested,
                contenders,
                events: all(),
            });
            return;
        }
        out.push(held_from(date, h, all()));
        return;
    }
    // An attacker pulling back ends the fight, not the defender's hold.
    if !losers.is_empty()
        && let Some(h) = cur_holder
        && !losers.contains(&h)
    {
        out.push(held_from(date, h, all()));
        return;
    }
    if !losers.is_empty() {
        out.push(Iv {
            from: date,
            to: None,
            holder: losers.first().copied(),
            state: ControlState::Lost,
            contenders: Vec::new(),
            events: all(),
        });
        return;
    }
    // Rule 2: fighting at a place makes it contested; the defender is whoever held it.
    if !fighting.is_empty() {
        let defender = match current {
            Some((Some(h), ControlState::Held | ControlState::Contested)) => Some(h),
            _ => fighting.iter().find_map(|c| c.holder),
        };
        let mut contenders: Vec<&str> = Vec::new();
        for c in &fighting {
            for s in c.contenders.iter().map(SmolStr::as_str).chain(c.holder) {
                if Some(s) != defender {
                    push_unique(&mut contenders, s);
                }
            }
        }
        // Still the same fight only if it was reported lately.
        let recent = last_dates.last().is_some_and(|d| {
            d.checked_add(jiff::Span::new().days(CONTESTED_DAYS))
                .is_ok_and(|end| date <= end)
        });
        if let Some(last) = out
            .last_mut()
            .filter(|iv| recent && iv.state == ControlState::Contested && iv.holder == defender)
        {
            // Still the same fight: the interval goes on and gains the evidence.
            for s in contenders {
                push_unique(&mut last.contenders, s);
            }
            extend_events(out, seen, contested());
        } else {
            out.push(Iv {
                from: date,
                to: None,
                holder: defender,
                state: ControlState::Contested,
                contenders,
                events: contested().collect(),
            });
        }
    }
    // Rule 3: a plain claim confirms a holder without rewriting what came before.
    let mut claimed: Vec<&str> = Vec::new();
    for c in &confirms {
        if let Some(h) = c.holder
            && !claimed.contains(&h)
        {
            claimed.push(h);
        }
    }
    if claimed.is_empty() {
        return;
    }
    let confirm_ids = || confirms.iter().map(|c| c.event);
    match out.last() {
        // Same holder (held, or the defender of a fight): more evidence, no change.
        Some(iv) if claimed.len() == 1 && iv.holder == Some(claimed[0]) => {
            extend_events(out, seen, confirm_ids());
        }
        _ if claimed.len() > 1 => out.push(Iv {
            from: date,
            to: None,
            holder: cur_holder
                .filter(|h| claimed.contains(h))
                .or(Some(claimed[0])),
            state: ControlState::Contested,
            contenders: claimed,
            events: confirm_ids().collect(),
        }),
        _ => out.push(Iv {
            from: date,
            to: None,
            holder: Some(claimed[0]),
            state: ControlState::Held,
            contenders: Vec::new(),
            events: confirm_ids().collect(),
        }),
    }
}

/// A plain hold of `holder` from `date` on, supported by `events`.
fn held_from<'a>(date: Date, holder: &'a str, events: Vec<&'a str>) -> Iv<'a> {
    Iv {
        from: date,
        to: None,
        holder: Some(holder),
        state: ControlState::Held,
        contenders: Vec::new(),
        events,
    }
}
