//! Who holds each place at a given date, from the derived control histories.
//! One pure query shared by the map and `tarikh control --at`, so both say the same.

use jiff::civil::Date;
use serde::Serialize;

use crate::model::{ControlHistory, ControlInterval, ControlState};

/// The state of one place at one date, as the map colours it and the CLI prints it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PlaceState {
    pub place: String,
    /// `None` when no interval covers the date: no known holder (drawn grey).
    pub holder: Option<String>,
    pub state: Option<ControlState>,
    /// Start of the covering interval (`None` if open or unknown).
    pub since: Option<Date>,
    pub contenders: Vec<String>,
    /// The events that support the covering interval (`pack:<id>` for the background).
    pub events: Vec<String>,
    /// Whether the articles say so or the region pack's background does (`None`: unknown).
    pub basis: Option<Basis>,
}

/// Where a place's state comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    Articles,
    RegionPack,
}

/// Does `iv` cover `date`? Bounds are inclusive and `None` is open, so an interval
/// `{from: 2019-04-04, to: null}` covers every date from the 4th of April 2019 on.
pub fn covers(iv: &ControlInterval, date: Date) -> bool {
    iv.from.is_none_or(|f| f <= date) && iv.to.is_none_or(|t| date <= t)
}

/// The interval of `h` in force at `date`. When intervals overlap (a boundary day
/// shared by two, or two claims at once), the one that started last wins, because
/// it is the newer news; the contested state itself is carried by the interval.
pub fn interval_at(h: &ControlHistory, date: Date) -> Option<&ControlInterval> {
    h.intervals
        .iter()
        .filter(|iv| covers(iv, date))
        .max_by_key(|iv| iv.from)
}

/// The state of every place that has a history, at `date`, in the order of `histories`.
pub fn state_at(histories: &[ControlHistory], date: Date) -> Vec<PlaceState> {
    histories
        .iter()
        .map(|h| match interval_at(h, date) {
            Some(iv) => PlaceState {
                place: h.place.clone(),
                holder: iv.holder.clone(),
                state: Some(iv.state),
                since: iv.from,
                contenders: iv.contenders.clone(),
                events: iv.events.clone(),
                basis: Some(if super::background::is_background(iv) {
                    Basis::RegionPack
                } else {
                    Basis::Articles
                }),
            },
            None => PlaceState {
                place: h.place.clone(),
                holder: None,
                state: None,
                since: None,
                contenders: Vec::new(),
                events: Vec::new(),
                basis: None,
            },
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().expect("test date")
    }

    fn iv(
        from: Option<&str>,
        to: Option<&str>,
        holder: &str,
        state: ControlState,
    ) -> ControlInterval {
        ControlInterval {
            from: from.map(d),
            to: to.map(d),
            holder: Some(holder.into()),
            state,
            contenders: if state == ControlState::Contested {
                vec!["Attacker".into()]
            } else {
                vec![]
            },
            events: vec![format!("doc#{holder}")],
        }
    }

    fn town() -> ControlHistory {
        ControlHistory {
            place: "Town".into(),
            intervals: vec![
                iv(
                    Some("2019-01-01"),
                    Some("2019-04-03"),
                    "A",
                    ControlState::Held,
                ),
                iv(
                    Some("2019-04-04"),
                    Some("2019-06-01"),
                    "A",
                    ControlState::Contested,
                ),
                iv(Some("2019-06-01"), None, "B", ControlState::Held),
            ],
        }
    }

    #[test]
    fn before_the_first_interval_the_holder_is_unknown() {
        let s = state_at(&[town()], d("2018-12-31"));
        assert_eq!(s[0].holder, None);
        assert_eq!(s[0].state, None);
    }

    #[test]
    fn each_date_takes_the_interval_that_covers_it() {
        let s = state_at(&[town()], d("2019-02-10"));
        assert_eq!(
            (s[0].holder.as_deref(), s[0].state),
            (Some("A"), Some(ControlState::Held))
        );
        let s = state_at(&[town()], d("2019-04-04"));
        assert_eq!(s[0].state, Some(ControlState::Contested));
        assert_eq!(s[0].since, Some(d("2019-04-04")));
        assert_eq!(s[0].contenders, vec!["Attacker".to_string()]);
    }

    #[test]
    fn on_a_shared_boundary_day_the_newer_interval_wins() {
        let s = state_at(&[town()], d("2019-06-01"));
        assert_eq!(s[0].holder.as_deref(), Some("B"));
        assert_eq!(s[0].events, vec!["doc#B".to_string()]);
    }

    #[test]
    fn an_open_ended_interval_lasts_forever() {
        let s = state_at(&[town()], d("2031-01-01"));
        assert_eq!(s[0].holder.as_deref(), Some("B"));
    }

    #[test]
    fn every_history_yields_one_state_in_order() {
        let mut other = town();
        other.place = "Other".into();
        other.intervals.clear();
        let s = state_at(&[town(), other], d("2019-02-01"));
        assert_eq!(s.len(), 2);
        assert_eq!(s[1].place, "Other");
        assert_eq!(s[1].holder, None);
    }
}
