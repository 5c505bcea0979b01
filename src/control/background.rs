//! The region pack's background control (`control.csv`): the lasting changes of who held
//! the main places, so the map is not blank where the articles are silent.
//!
//! Background intervals are ordinary control intervals whose one supporting "event" is a
//! reference `pack:<row id>`, so the query, the map and the CLI treat both alike and can
//! still tell which is which. At any date the interval that started last wins, and on the
//! same start date the articles win: the user's corpus is newer news than the pack.

use crate::model::{ControlHistory, ControlInterval, SmolStr};
use crate::pack::{BackgroundControl, Pack};

/// Prefix of the reference that stands in for events in a background interval.
pub const REF_PREFIX: &str = "pack:";

/// The pack row a supporting id refers to, if it is a background reference.
pub fn pack_row<'a>(pack: &'a Pack, id: &str) -> Option<&'a BackgroundControl> {
    let row = id.strip_prefix(REF_PREFIX)?;
    pack.background.iter().find(|b| b.id == row)
}

/// Is this interval the pack's background rather than the articles' evidence?
pub fn is_background(iv: &ControlInterval) -> bool {
    !iv.events.is_empty() && iv.events.iter().all(|e| e.starts_with(REF_PREFIX))
}

/// The pack's background as one history per place, in the pack's order.
pub fn histories(pack: &Pack) -> Vec<ControlHistory> {
    let mut out: Vec<ControlHistory> = Vec::new();
    for b in &pack.background {
        let iv = ControlInterval {
            from: Some(b.from),
            to: b.to,
            holder: Some(b.holder.clone()),
            state: b.state,
            contenders: b.contenders.clone(),
            events: vec![format!("{REF_PREFIX}{}", b.id)],
        };
        match out.last_mut() {
            Some(h) if h.place == b.place => h.intervals.push(iv),
            _ => out.push(ControlHistory {
                place: b.place.clone(),
                intervals: vec![iv],
            }),
        }
    }
    out
}

/// The articles' histories with the background added under them: each place's
/// background intervals come first and the articles' after, sorted by start, so the
/// query's "latest start wins, the later listed on a tie" gives the articles the tie.
/// Places only the background knows follow the articles' places.
pub fn combine(articles: &[ControlHistory], background: &[ControlHistory]) -> Vec<ControlHistory> {
    let mut out: Vec<ControlHistory> = articles.to_vec();
    for bg in background {
        match out.iter_mut().find(|h| h.place == bg.place) {
            Some(h) => {
                let mut all = bg.intervals.clone();
                all.append(&mut h.intervals);
                // Stable: on equal starts the background (first) stays before the articles.
                all.sort_by_key(|iv| iv.from);
                h.intervals = all;
            }
            None => out.push(bg.clone()),
        }
    }
    out
}

/// The articles' control history combined with the pack's background, each hold ending
/// at the latest the day before its holder ceased to exist (pack `until`): "the rebels
/// took Zawiya" in 2011 says nothing about who held it in 2019.
pub fn with_pack(articles: &[ControlHistory], pack: &Pack) -> Vec<ControlHistory> {
    let mut all = combine(articles, &histories(pack));
    for h in &mut all {
        for iv in &mut h.intervals {
            let Some(end) = iv
                .holder
                .as_deref()
                .and_then(|id| pack.actor(pack.faction_of(id)))
                .and_then(|a| a.until)
                .and_then(|u| u.yesterday().ok())
            else {
                continue;
            };
            if iv.from.is_none_or(|f| f <= end) && iv.to.is_none_or(|t| t > end) {
                iv.to = Some(end);
            }
        }
    }
    all
}

/// A contested claim that does not say who defends takes the holder the background knows
/// at the event's date, never one of the attackers: "the LNA attacked Tripoli" in April
/// 2019 is an attack on the GNA's Tripoli (events.md: the holder of a contested place is
/// its defender). Claims that name a holder, and undated events, are left as they are.
pub fn fill_defenders(events: &mut [crate::model::Event], background: &[ControlHistory]) {
    use crate::model::ControlState;
    for e in events.iter_mut() {
        let Some(c) = e.control.as_mut() else {
            continue;
        };
        if c.state != ControlState::Contested || c.holder.is_some() {
            continue;
        }
        let Some((start, _)) =
            crate::events::merge::quick_span(e.date.as_deref(), e.date_end.as_deref())
        else {
            continue;
        };
        let known = background
            .iter()
            .find(|h| h.place == c.place)
            .and_then(|h| crate::control::query::interval_at(h, start))
            .and_then(|iv| iv.holder.as_ref());
        if let Some(h) = known.filter(|h| !c.contenders.iter().any(|x| x == *h)) {
            c.holder = Some(SmolStr::new(h));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::control::query::interval_at;
    use crate::model::ControlState;
    use jiff::civil::Date;

    fn d(s: &str) -> Date {
        s.parse().expect("test date")
    }

    fn iv(
        from: &str,
        to: Option<&str>,
        holder: &str,
        state: ControlState,
        ev: &str,
    ) -> ControlInterval {
        ControlInterval {
            from: Some(d(from)),
            to: to.map(d),
            holder: Some(holder.into()),
            state,
            contenders: vec![],
            events: vec![ev.into()],
        }
    }

    fn town(intervals: Vec<ControlInterval>) -> ControlHistory {
        ControlHistory {
            place: "Town".into(),
            intervals,
        }
    }

    fn background() -> Vec<ControlHistory> {
        vec![town(vec![
            iv(
                "2015-01-01",
                Some("2018-05-31"),
                "A",
                ControlState::Held,
                "pack:a",
            ),
            iv("2018-06-01", None, "B", ControlState::Held, "pack:b"),
        ])]
    }

    #[test]
    fn a_hold_ends_when_its_holder_ceased_to_exist() {
        // The pack's NTC handed power on in 2012: its hold of a town, reported in 2011
        // and never again, says nothing about 2019.
        let pack = Pack::builtin().expect("pack");
        let until = pack
            .actor("NTC")
            .and_then(|a| a.until)
            .expect("NTC has an end");
        let town = ControlHistory {
            place: "Nowhere Town".into(),
            intervals: vec![iv("2011-08-20", None, "NTC", ControlState::Held, "d#1")],
        };
        let all = with_pack(&[town], &pack);
        let h = all
            .iter()
            .find(|h| h.place == "Nowhere Town")
            .expect("kept");
        assert!(interval_at(h, d("2011-12-01")).is_some());
        assert_eq!(h.intervals[0].to, until.yesterday().ok());
        assert!(interval_at(h, d("2019-06-01")).is_none(), "unknown after");
        // A faction still in being keeps its open hold.
        let other = ControlHistory {
            place: "Nowhere Town".into(),
            intervals: vec![iv("2019-01-01", None, "LNA", ControlState::Held, "d#2")],
        };
        let all = with_pack(&[other], &pack);
        assert_eq!(all[0].intervals[0].to, None);
    }

    #[test]
    fn where_the_articles_are_silent_the_background_answers() {
        let all = combine(&[], &background());
        let at = interval_at(&all[0], d("2016-02-02")).expect("covered");
        assert_eq!(at.holder.as_deref(), Some("A"));
        assert!(is_background(at));
    }

    #[test]
    fn newer_article_evidence_overrides_the_background() {
        let articles = vec![town(vec![iv(
            "2017-03-01",
            None,
            "C",
            ControlState::Contested,
            "doc#4",
        )])];
        let all = combine(&articles, &background());
        let at = interval_at(&all[0], d("2017-04-01")).expect("covered");
        assert_eq!(at.events, vec!["doc#4".to_string()]);
        assert!(!is_background(at));
        // A later lasting change known to the pack ends the open-ended claim.
        let later = interval_at(&all[0], d("2019-01-01")).expect("covered");
        assert_eq!(later.holder.as_deref(), Some("B"));
    }

    #[test]
    fn on_the_same_start_day_the_articles_win() {
        let articles = vec![town(vec![iv(
            "2018-06-01",
            None,
            "C",
            ControlState::Held,
            "doc#1",
        )])];
        let all = combine(&articles, &background());
        let at = interval_at(&all[0], d("2018-06-01")).expect("covered");
        assert_eq!(at.holder.as_deref(), Some("C"));
    }

    #[test]
    fn places_only_the_background_knows_are_added_after_the_articles_places() {
        let mut other = town(vec![]);
        other.place = "Other".into();
        let all = combine(&[other], &background());
        assert_eq!(
            all.iter().map(|h| h.place.as_str()).collect::<Vec<_>>(),
            ["Other", "Town"]
        );
    }

    #[test]
    fn an_attack_that_names_no_defender_is_on_the_holder_the_background_knows() {
        use crate::model::{ControlClaim, Event};
        let claim = |holder: Option<&str>, by: &str| ControlClaim {
            place: "Town".into(),
            holder: holder.map(SmolStr::new),
            state: ControlState::Contested,
            contenders: vec![by.into()],
        };
        let event = |date: &str, c: ControlClaim| Event {
            id: "d#1".into(),
            doc: "d".into(),
            start: 0,
            end: 0,
            evidence: String::new(),
            date: Some(date.into()),
            date_end: None,
            precision: crate::model::Precision::Day,
            date_source: crate::model::DateSource::Timex,
            kind: "offensive".into(),
            modality: crate::model::Modality::Asserted,
            places: vec!["Town".into()],
            actors: vec![],
            casualties: Default::default(),
            control: Some(Box::new(c)),
            sources: vec![],
        };
        let mut events = vec![
            event("2016-03-01", claim(None, "C")),
            event("2016-03-01", claim(Some("D"), "C")),
            event("2016-03-01", claim(None, "A")),
            event("2014-01-01", claim(None, "C")),
        ];
        fill_defenders(&mut events, &background());
        let holders: Vec<Option<&str>> = events
            .iter()
            .map(|e| e.control.as_ref().and_then(|c| c.holder.as_deref()))
            .collect();
        // Filled; named kept; the attacker is never its own defender; nothing known then.
        assert_eq!(holders, [Some("A"), Some("D"), None, None]);
    }

    #[test]
    fn the_libya_pack_background_groups_rows_by_place() {
        let pack = Pack::builtin().expect("pack");
        let h = histories(&pack);
        let mut places: Vec<&str> = h.iter().map(|h| h.place.as_str()).collect();
        let n = places.len();
        places.dedup();
        assert_eq!(places.len(), n, "one history per place");
        for iv in h.iter().flat_map(|h| &h.intervals) {
            let row = pack_row(&pack, &iv.events[0]).expect("reference resolves");
            assert!(row.source.starts_with("http"), "{} has a source", row.id);
        }
    }
}
