//! Control history derivation (events.md rules 1–4) and cross-article merging, on
//! hand-made events: who holds a place when, which events support it, and what stays
//! contested.

use tarikh::control::{derive, query::state_at};
use tarikh::model::*;

fn ev(
    id: &str,
    date: &str,
    kind: &str,
    claim: Option<(&str, Option<&str>, ControlState, &[&str])>,
) -> Event {
    Event {
        id: id.into(),
        doc: id.split('#').next().unwrap_or(id).into(),
        start: 0,
        end: 1,
        evidence: String::new(),
        date: Some(date.into()),
        date_end: None,
        precision: Precision::Day,
        date_source: DateSource::Timex,
        kind: kind.into(),
        modality: Modality::Asserted,
        places: vec!["Town".into()],
        actors: vec![],
        casualties: Casualties::default(),
        control: claim.map(|(p, h, s, c)| {
            Box::new(ControlClaim {
                place: p.into(),
                holder: h.map(SmolStr::new),
                state: s,
                contenders: c.iter().map(SmolStr::new).collect(),
            })
        }),
        sources: vec![],
    }
}

/// An event of `kind` claiming `holder` holds "Town".
fn held(id: &str, date: &str, kind: &str, holder: &str) -> Event {
    ev(
        id,
        date,
        kind,
        Some(("Town", Some(holder), ControlState::Held, &[])),
    )
}

fn d(s: &str) -> jiff::civil::Date {
    s.parse().expect("date")
}

fn at(h: &[ControlHistory], date: &str) -> (Option<String>, Option<ControlState>, Vec<String>) {
    let s = state_at(h, d(date));
    (s[0].holder.clone(), s[0].state, s[0].events.clone())
}

use ControlState::*;

#[test]
fn a_taking_changes_the_holder_from_its_date_on() {
    let h = derive(&[
        held("a#1", "2019-01-01", "control_claim", "A"),
        held("b#1", "2019-03-01", "territory_taken", "B"),
    ]);
    assert_eq!(at(&h, "2019-02-01").0.as_deref(), Some("A"));
    let (holder, state, events) = at(&h, "2019-03-05");
    assert_eq!((holder.as_deref(), state), (Some("B"), Some(Held)));
    assert_eq!(events, ["b#1"], "the interval lists its supporting event");
    assert_eq!(
        at(&h, "2018-12-31").1,
        None,
        "nothing known before the first claim"
    );
}

#[test]
fn fighting_makes_a_held_place_contested_with_the_holder_defending() {
    let h = derive(&[
        held("a#1", "2019-01-01", "control_claim", "A"),
        ev(
            "b#1",
            "2019-02-01",
            "offensive",
            Some(("Town", None, Contested, &["B"])),
        ),
        ev(
            "b#2",
            "2019-02-03",
            "armed_clash",
            Some(("Town", Some("A"), Contested, &["B"])),
        ),
    ]);
    let s = &state_at(&h, d("2019-02-04"))[0];
    assert_eq!(s.state, Some(Contested));
    assert_eq!(
        s.holder.as_deref(),
        Some("A"),
        "the defender is the holder before"
    );
    assert_eq!(s.contenders, ["B"]);
    assert_eq!(s.events, ["b#1", "b#2"], "one fight, its reports together");
}

#[test]
fn an_unnamed_defender_is_whoever_holds_it_after_and_did_not_attack() {
    let h = derive(&[
        ev(
            "a#1",
            "2019-04-04",
            "offensive",
            Some(("Town", None, Contested, &["B"])),
        ),
        held("c#1", "2020-06-01", "territory_taken", "A"),
    ]);
    let s = &state_at(&h, d("2019-04-06"))[0];
    assert_eq!((s.holder.as_deref(), s.state), (Some("A"), Some(Contested)));
    // Held by an attacker afterwards says nothing about who defended.
    let h = derive(&[
        ev(
            "a#1",
            "2019-04-04",
            "offensive",
            Some(("Town", None, Contested, &["B"])),
        ),
        held("c#1", "2020-06-01", "territory_taken", "B"),
    ]);
    assert_eq!(state_at(&h, d("2019-04-06"))[0].holder, None);
}

#[test]
fn fighting_no_longer_reported_leaves_the_map_after_some_weeks() {
    let h = derive(&[ev(
        "a#1",
        "2018-05-03",
        "offensive",
        Some(("Town", Some("A"), Contested, &["B"])),
    )]);
    assert_eq!(at(&h, "2018-05-20").1, Some(Contested));
    assert_eq!(
        at(&h, "2020-06-15").1,
        None,
        "two years later nothing is known"
    );
}

#[test]
fn both_sides_claiming_a_town_the_same_day_stay_contested() {
    let h = derive(&[
        held("a#1", "2019-05-01", "territory_taken", "A"),
        held("b#1", "2019-05-01", "territory_taken", "B"),
    ]);
    let s = &state_at(&h, d("2019-05-01"))[0];
    assert_eq!(s.state, Some(Contested));
    assert_eq!(s.events.len(), 2, "both claims are kept as evidence");
}

#[test]
fn a_side_saying_it_still_holds_a_town_taken_that_day_keeps_it_contested() {
    // "A entered the town" / "B still controls most of it", the same day.
    let h = derive(&[
        held("a#1", "2011-08-21", "territory_taken", "A"),
        held("a#2", "2011-08-21", "control_claim", "B"),
    ]);
    let s = &state_at(&h, d("2011-08-21"))[0];
    assert_eq!(s.state, Some(Contested));
    assert_eq!(
        s.holder.as_deref(),
        Some("B"),
        "the side still there defends"
    );
    assert_eq!(s.contenders, ["A"]);
    assert_eq!(s.events.len(), 2);
    // A claim of the taker itself only confirms the taking.
    let h = derive(&[
        held("a#1", "2011-08-21", "territory_taken", "A"),
        held("a#2", "2011-08-21", "control_claim", "A"),
    ]);
    let s = &state_at(&h, d("2011-08-21"))[0];
    assert_eq!((s.holder.as_deref(), s.state), (Some("A"), Some(Held)));
}

#[test]
fn a_plain_claim_confirms_without_rewriting_the_past() {
    let h = derive(&[
        held("a#1", "2019-01-01", "territory_taken", "A"),
        held("a#2", "2019-06-01", "control_claim", "A"),
    ]);
    let s = &state_at(&h, d("2019-07-01"))[0];
    assert_eq!(
        s.since,
        Some(d("2019-01-01")),
        "the holding started with the taking"
    );
    assert_eq!(s.events, ["a#1", "a#2"]);
}

#[test]
fn negated_planned_and_hypothetical_events_never_change_control() {
    for m in [Modality::Negated, Modality::Planned, Modality::Hypothetical] {
        let mut e = held("a#1", "2019-01-01", "territory_taken", "A");
        e.modality = m;
        assert!(derive(&[e]).is_empty(), "{m:?}");
    }
    let mut e = held("a#1", "2019-01-01", "territory_taken", "A");
    e.modality = Modality::Reported;
    assert_eq!(derive(&[e]).len(), 1, "a reported claim counts");
}

#[test]
fn reports_of_one_event_in_several_articles_merge_with_their_sources() {
    let mut a = ev("a#1", "2019-04-04", "offensive", None);
    a.actors = vec!["LNA".into()];
    let mut b = ev("b#3", "2019-04", "offensive", None);
    b.precision = Precision::Month;
    b.actors = vec!["LNA".into()];
    let mut c = ev("c#2", "2019-04-04", "offensive", None);
    c.places = vec!["Elsewhere".into()];
    let mut other_day = ev("d#1", "2019-04-09", "offensive", None);
    other_day.actors = vec!["LNA".into()];
    let merged = tarikh::events::merge(vec![a, b, c, other_day]);
    let first = merged
        .iter()
        .find(|e| e.id == "a#1")
        .expect("the day-precise report stays");
    assert_eq!(first.sources, ["b#3"]);
    assert!(
        merged.iter().all(|e| e.id != "b#3"),
        "the month report folded in"
    );
    assert!(
        merged.iter().any(|e| e.id == "c#2"),
        "another place is another event"
    );
    assert!(
        merged.iter().any(|e| e.id == "d#1"),
        "two day-precise reports of different days stay apart"
    );
}

#[test]
fn an_attacker_pulling_back_leaves_the_defender_holding() {
    let h = derive(&[
        ev(
            "a#1",
            "2019-04-04",
            "offensive",
            Some(("Town", Some("A"), Contested, &["B"])),
        ),
        ev(
            "b#1",
            "2019-06-01",
            "withdrawal",
            Some(("Town", Some("B"), Lost, &[])),
        ),
    ]);
    let s = &state_at(&h, d("2019-06-02"))[0];
    assert_eq!((s.holder.as_deref(), s.state), (Some("A"), Some(Held)));
    // The holder itself withdrawing loses it.
    let h = derive(&[
        held("a#1", "2019-01-01", "control_claim", "A"),
        ev(
            "a#2",
            "2019-06-01",
            "withdrawal",
            Some(("Town", Some("A"), Lost, &[])),
        ),
    ]);
    assert_eq!(at(&h, "2019-06-02").1, Some(Lost));
}

#[test]
fn fights_years_apart_are_two_fights() {
    let h = derive(&[
        ev(
            "a#1",
            "2016-07-01",
            "offensive",
            Some(("Town", Some("A"), Contested, &["C"])),
        ),
        ev(
            "b#1",
            "2019-04-04",
            "offensive",
            Some(("Town", Some("A"), Contested, &["B"])),
        ),
    ]);
    let s = &state_at(&h, d("2019-04-05"))[0];
    assert_eq!(s.since, Some(d("2019-04-04")));
    assert_eq!(s.contenders, ["B"]);
}

#[test]
fn a_merged_event_keeps_what_any_report_adds() {
    let mut a = ev("a#1", "2019-04-04", "offensive", None);
    a.actors = vec!["LNA".into()];
    let mut b = ev(
        "b#1",
        "2019-04",
        "offensive",
        Some(("Town", None, Contested, &["LNA"])),
    );
    b.precision = Precision::Month;
    b.actors = vec!["LNA".into()];
    b.casualties.killed = Some(4);
    let merged = tarikh::events::merge(vec![a, b]);
    assert_eq!(merged.len(), 1);
    assert!(
        merged[0].control.is_some(),
        "the control claim of the other report"
    );
    assert_eq!(merged[0].casualties.killed, Some(4));
}
