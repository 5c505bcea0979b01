//! The timeline widget driven by egui_kittest: the axis sets the cursor, the wheel zooms
//! around the pointer, clicks report events, double-click fits; a snapshot in Arabic.
#![cfg(feature = "gui")]

use egui::{Pos2, Vec2};
use egui_kittest::Harness;
use jiff::civil::{Date, date};
use tarikh::Pack;
use tarikh::model::*;
use tarikh::ui::timeline::scale::day_number;
use tarikh::ui::timeline::{LaneBy, Lang, Timeline, TimelineData, TimelineState};

fn event(
    id: &str,
    d: &str,
    end: Option<&str>,
    kind: &str,
    places: &[&str],
    actors: &[&str],
) -> Event {
    Event {
        id: id.into(),
        doc: if d.starts_with("dct") {
            "undated"
        } else {
            "dated"
        }
        .into(),
        start: 0,
        end: 10,
        evidence: format!("synthetic evidence for {id}"),
        date: Some(d.into()),
        date_end: end.map(Into::into),
        precision: Precision::Day,
        date_source: DateSource::Timex,
        kind: kind.into(),
        modality: Modality::Asserted,
        places: places.iter().map(|s| (*s).into()).collect(),
        actors: actors.iter().map(|s| (*s).into()).collect(),
        casualties: Casualties::default(),
        control: None,
        sources: vec![],
    }
}

fn doc(id: &str, dct: Dct) -> DocumentOut {
    DocumentOut {
        id: id.into(),
        path: format!("{id}.txt"),
        sha256: String::new(),
        bytes: 0,
        encoding: "utf-8".into(),
        dct,
        timex: vec![],
        mentions: vec![],
    }
}

/// Events from 2014 to 2020: days, a month, a range, a dense week, an undated article.
fn fixture() -> (Vec<Event>, Vec<DocumentOut>) {
    let mut ev = vec![
        event(
            "a#1",
            "2014-05-16",
            None,
            "offensive",
            &["Benghazi"],
            &["LNA"],
        ),
        event(
            "a#2",
            "2016-12",
            None,
            "territory_taken",
            &["Sirte"],
            &["GNA"],
        ),
        event(
            "a#3",
            "2018-05-07",
            Some("2018-06-28"),
            "siege",
            &["Derna"],
            &["LNA"],
        ),
        event(
            "a#4",
            "2019-04-04",
            None,
            "offensive",
            &["Tripoli"],
            &["LNA"],
        ),
        event(
            "a#5",
            "2019-04-06",
            None,
            "armed_clash",
            &["Tripoli", "Gharyan"],
            &["LNA", "GNA"],
        ),
        event("a#6", "2020-01-19", None, "conference", &[], &[]),
        event(
            "a#7",
            "2020-06-05",
            None,
            "withdrawal",
            &["Tripoli"],
            &["LNA"],
        ),
        event("u#1", "dct-2d", None, "air_strike", &["Misrata"], &["LNA"]),
    ];
    for i in 0..12 {
        ev.push(event(
            &format!("b#{i}"),
            &format!("2019-04-{:02}", 10 + i % 4),
            None,
            "air_strike",
            &["Tripoli"],
            &["GNA"],
        ));
    }
    let undated = Dct {
        date: None,
        range: [Some(date(2019, 7, 1)), Some(date(2019, 7, 20))],
        source: DctSource::None,
        confidence: 0.0,
        why: "no date".into(),
    };
    let docs = vec![
        doc(
            "dated",
            Dct::given(date(2020, 6, 6), DctSource::Manifest, "test"),
        ),
        doc("undated", undated),
    ];
    (ev, docs)
}

struct S {
    data: TimelineData,
    events: Vec<Event>,
    state: TimelineState,
    lang: Lang,
    clicked: Option<usize>,
    cursor_changes: usize,
}

fn harness(lang: Lang, lanes: LaneBy) -> Harness<'static, S> {
    let pack = Pack::builtin().expect("builtin pack");
    let (events, docs) = fixture();
    let data = TimelineData::from_events(&events, &docs, &pack);
    let s = S {
        data,
        events,
        state: TimelineState {
            lanes,
            cursor: Some(date(2019, 4, 4)),
            ..Default::default()
        },
        lang,
        clicked: None,
        cursor_changes: 0,
    };
    let mut h = Harness::builder()
        .with_size(Vec2::new(900.0, 360.0))
        .with_step_dt(0.05)
        .with_theme(egui::Theme::Light)
        .with_context_setup(tarikh::ui::text::install_fonts)
        .build_ui_state(
            |ui, s: &mut S| {
                let r = Timeline::new(&mut s.data, &s.events)
                    .lang(s.lang)
                    .show(ui, &mut s.state);
                if r.clicked.is_some() {
                    s.clicked = r.clicked;
                }
                if r.cursor_changed {
                    s.cursor_changes += 1;
                }
            },
            s,
        );
    h.run_steps(2);
    h
}

fn day_at(h: &Harness<'_, S>, x: f32) -> f64 {
    let st = &h.state().state;
    let g = st.geometry.expect("drawn");
    st.scale.expect("scale").day((x - g.time_left) as f64)
}

fn axis_point(h: &Harness<'_, S>, x: f32) -> Pos2 {
    Pos2::new(x, h.state().state.geometry.expect("drawn").axis_y)
}

fn click(h: &mut Harness<'_, S>, p: Pos2) {
    h.hover_at(p);
    h.step();
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: p,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    h.run_steps(2);
}

#[test]
fn a_denied_event_says_so_in_its_tooltip() {
    let mut h = harness(Lang::En, LaneBy::Type);
    h.state_mut().events[5].modality = Modality::Negated;
    let pack = Pack::builtin().expect("pack");
    let (events, docs) = (h.state().events.clone(), fixture().1);
    h.state_mut().data = TimelineData::from_events(&events, &docs, &pack);
    h.run_steps(2);
    assert!(h.state().data.faint[5]);
    let (x, y) = h
        .state()
        .state
        .event_pos(&h.state().data, 5)
        .expect("drawn");
    h.hover_at(Pos2::new(x, y));
    h.run_steps(20);
    use egui_kittest::kittest::Queryable;
    h.get_by_label_contains("denied");
}

#[test]
fn the_first_frame_fits_every_dated_event() {
    let h = harness(Lang::En, LaneBy::Type);
    let st = &h.state().state;
    let (a, b) = st.visible_range().expect("range");
    assert!(a <= date(2014, 5, 16) && b >= date(2020, 6, 5), "{a} – {b}");
    // The undated article's event is placed (hollow) in its window; nothing is lost.
    assert_eq!(h.state().data.unplaced, 0);
}

#[test]
fn clicking_the_axis_sets_the_cursor_and_dragging_on_it_moves_it() {
    let mut h = harness(Lang::En, LaneBy::Type);
    let p = axis_point(&h, 500.0);
    let expected = day_at(&h, 500.0).floor() as i32;
    click(&mut h, p);
    let got = h.state().state.cursor.map(day_number);
    assert_eq!(got, Some(expected));
    assert!(h.state().cursor_changes >= 1);

    let start = axis_point(&h, 300.0);
    h.hover_at(start);
    h.drag_at(start);
    h.step();
    for i in 1..=6 {
        h.hover_at(start + Vec2::new(20.0 * i as f32, 0.0));
        h.step();
    }
    let end = start + Vec2::new(120.0, 0.0);
    h.drop_at(end);
    h.run_steps(2);
    let expected = day_at(&h, end.x).floor() as i32;
    let got = h.state().state.cursor.map(day_number).expect("cursor");
    assert!(
        (got - expected).abs() <= 1,
        "cursor {got}, pointer day {expected}"
    );
}

#[test]
fn dragging_the_cursor_line_moves_the_date_not_the_view() {
    let mut h = harness(Lang::En, LaneBy::Type);
    let scale = h.state().state.scale;
    let x = h
        .state()
        .state
        .day_x(date(2019, 4, 4))
        .expect("cursor drawn");
    let g = h.state().state.geometry.expect("drawn");
    let start = Pos2::new(x, g.lanes_top + 4.0);
    h.hover_at(start);
    h.drag_at(start);
    h.step();
    for i in 1..=5 {
        h.hover_at(start + Vec2::new(-20.0 * i as f32, 0.0));
        h.step();
    }
    h.drop_at(start + Vec2::new(-100.0, 0.0));
    h.run_steps(2);
    assert_eq!(h.state().state.scale, scale, "the view stayed put");
    let d = h.state().state.cursor.expect("cursor");
    assert!(d < date(2019, 1, 1), "cursor moved back in time: {d}");
}

#[test]
fn the_wheel_zooms_around_the_pointer() {
    let mut h = harness(Lang::En, LaneBy::Type);
    let before = h.state().state.scale.expect("scale");
    let g = h.state().state.geometry.expect("drawn");
    let p = Pos2::new(600.0, g.lanes_top + 20.0);
    let pinned = day_at(&h, p.x);
    h.hover_at(p);
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: Vec2::new(0.0, 120.0),
        phase: egui::TouchPhase::Move,
        modifiers: egui::Modifiers::NONE,
        source: egui::MouseWheelSource::Wheel,
    });
    h.run_steps(10);
    let after = h.state().state.scale.expect("scale");
    assert!(
        after.px_per_day > before.px_per_day * 1.1,
        "{before:?} -> {after:?}"
    );
    assert!(
        (day_at(&h, p.x) - pinned).abs() < 1.0,
        "the date under the pointer moved"
    );
}

#[test]
fn clicking_an_event_reports_and_selects_it() {
    let mut h = harness(Lang::En, LaneBy::Type);
    // a#6: the conference, alone in its lane.
    let (x, y) = h
        .state()
        .state
        .event_pos(&h.state().data, 5)
        .expect("drawn");
    click(&mut h, Pos2::new(x, y));
    assert_eq!(h.state().clicked, Some(5));
    assert_eq!(h.state().state.selected, Some(5));
}

#[test]
fn double_click_fits_all_again() {
    let mut h = harness(Lang::En, LaneBy::Type);
    let fitted = h.state().state.scale.expect("scale");
    h.state_mut()
        .state
        .zoom_to(date(2019, 4, 1), date(2019, 4, 30));
    h.run_steps(2);
    let zoomed = h.state().state.scale.expect("scale");
    assert!(zoomed.px_per_day > fitted.px_per_day * 10.0);
    let g = h.state().state.geometry.expect("drawn");
    // An empty spot of the lanes (the conference lane, far from January 2020).
    let p = Pos2::new(g.time_left + 30.0, g.lanes_top + 4.0);
    h.hover_at(p);
    h.step();
    for _ in 0..2 {
        for pressed in [true, false] {
            h.event(egui::Event::PointerButton {
                pos: p,
                button: egui::PointerButton::Primary,
                pressed,
                modifiers: egui::Modifiers::NONE,
            });
            h.step();
        }
    }
    h.run_steps(3);
    let refit = h.state().state.scale.expect("scale");
    assert!(
        (refit.px_per_day - fitted.px_per_day).abs() < 1e-9,
        "{fitted:?} {refit:?}"
    );
}

#[test]
fn home_key_fits_and_arrows_pan() {
    let mut h = harness(Lang::En, LaneBy::Type);
    let fitted = h.state().state.scale.expect("scale");
    h.state_mut()
        .state
        .zoom_to(date(2019, 4, 1), date(2019, 4, 30));
    h.run_steps(2);
    let g = h.state().state.geometry.expect("drawn");
    h.hover_at(Pos2::new(500.0, g.lanes_top + 5.0));
    h.step();
    let before = h.state().state.scale.expect("scale");
    h.key_press(egui::Key::ArrowRight);
    h.run_steps(2);
    let after = h.state().state.scale.expect("scale");
    assert!(after.start > before.start, "right arrow shows later dates");
    h.key_press(egui::Key::Home);
    h.run_steps(2);
    let home = h.state().state.scale.expect("scale");
    assert!((home.px_per_day - fitted.px_per_day).abs() < 1e-9);
}

fn snapshot(name: &str, lang: Lang, lanes: LaneBy, cursor: Date) {
    let mut h = harness(lang, lanes);
    h.state_mut().state.cursor = Some(cursor);
    // The siege of Derna (a range) selected: ringed in every lane it is in.
    h.state_mut().state.selected = Some(2);
    h.run_steps(2);
    h.snapshot(name);
}

#[test]
fn arabic_timeline_by_place_snapshot() {
    snapshot(
        "timeline_ar_places",
        Lang::Ar,
        LaneBy::Place,
        date(2019, 4, 6),
    );
}

#[test]
fn english_timeline_by_side_snapshot() {
    snapshot(
        "timeline_en_sides",
        Lang::En,
        LaneBy::Actor,
        date(2019, 4, 6),
    );
}

#[test]
fn hovering_an_event_shows_its_date_type_sides_and_places_in_arabic() {
    let mut h = harness(Lang::Ar, LaneBy::Type);
    // a#5: the armed clash of 6 April 2019 in Tripoli and Gharyan.
    let (x, y) = h
        .state()
        .state
        .event_pos(&h.state().data, 4)
        .expect("drawn");
    h.hover_at(Pos2::new(x, y));
    h.run_steps(20);
    assert_eq!(h.state().state.hovered, Some(4));
    use egui_kittest::kittest::Queryable;
    // Labels are laid out in visual order (words right to left), so words are looked up
    // one by one.
    for word in [
        "أبريل",
        "2019",
        "اشتباك",
        "الجيش",
        "الوفاق",
        "غريان",
        "طرابلس",
    ] {
        h.get_by_label_contains(word);
    }
}

#[test]
fn a_dense_week_becomes_a_cluster_and_clicking_it_zooms_in() {
    let mut h = harness(Lang::En, LaneBy::Type);
    let fitted = h.state().state.scale.expect("scale");
    // The twelve air strikes of 10–13 April 2019 share a column when fitted.
    let (x, y) = h
        .state()
        .state
        .event_pos(&h.state().data, 9)
        .expect("drawn");
    click(&mut h, Pos2::new(x, y - 2.0));
    h.run_steps(2);
    assert_eq!(h.state().clicked, None, "a cluster is not one event");
    let zoomed = h.state().state.scale.expect("scale");
    assert!(
        zoomed.px_per_day > fitted.px_per_day * 20.0,
        "{fitted:?} -> {zoomed:?}"
    );
    let (a, b) = h.state().state.visible_range().expect("range");
    assert!(
        a <= date(2019, 4, 10) && b >= date(2019, 4, 13),
        "{a} – {b}"
    );
}

#[test]
fn arrow_keys_pan_after_a_click_gives_the_timeline_focus() {
    let mut h = harness(Lang::En, LaneBy::Type);
    h.state_mut()
        .state
        .zoom_to(date(2019, 4, 1), date(2019, 4, 30));
    h.run_steps(2);
    let g = h.state().state.geometry.expect("drawn");
    click(&mut h, Pos2::new(g.time_left + 30.0, g.lanes_top + 4.0));
    // The pointer leaves the timeline; the focus stays.
    h.hover_at(Pos2::new(-10.0, -10.0));
    h.run_steps(2);
    let before = h.state().state.scale.expect("scale");
    for _ in 0..3 {
        h.key_press(egui::Key::ArrowLeft);
        h.run_steps(1);
    }
    let after = h.state().state.scale.expect("scale");
    assert!(
        after.start < before.start,
        "left arrow shows earlier dates: {before:?} {after:?}"
    );
}

#[test]
fn an_empty_corpus_and_garbage_dates_draw_without_panicking() {
    let pack = Pack::builtin().expect("builtin pack");
    let mut bad = vec![
        event("x#1", "not a date", None, "offensive", &[], &[]),
        event(
            "x#2",
            "2019-13-45",
            None,
            "nonsense_type",
            &["Nowhere"],
            &["Nobody"],
        ),
        event("x#3", "9999-W99", None, "siege", &[], &[]),
        event("x#4", "dct+31000y", None, "siege", &[], &[]),
        event("x#5", "2019-04-04", Some("2019-01-01"), "siege", &[], &[]),
        event("x#6", "dct-99999999999d", None, "siege", &[], &[]),
        event("x#7", "dct+99999999999w", None, "siege", &[], &[]),
        event("x#8", "dct+99999999999m", None, "siege", &[], &[]),
        event("x#9", "dct-2ي", None, "siege", &[], &[]),
        event("x#10", "201ي-0", None, "siege", &[], &[]),
    ];
    bad[0].date = None;
    // x#4 is "dct…" so it belongs to the undated document, whose window is known.
    let docs = fixture().1;
    for events in [vec![], bad] {
        let data = TimelineData::from_events(&events, &docs, &pack);
        let mut h = Harness::builder()
            .with_size(Vec2::new(600.0, 300.0))
            .with_context_setup(tarikh::ui::text::install_fonts)
            .build_ui_state(
                |ui, s: &mut (TimelineData, Vec<Event>, TimelineState)| {
                    Timeline::new(&mut s.0, &s.1).show(ui, &mut s.2);
                },
                (data, events.clone(), TimelineState::default()),
            );
        h.run_steps(2);
        h.hover_at(Pos2::new(300.0, 100.0));
        h.event(egui::Event::MouseWheel {
            unit: egui::MouseWheelUnit::Point,
            delta: Vec2::new(0.0, 1e9),
            phase: egui::TouchPhase::Move,
            modifiers: egui::Modifiers::NONE,
            source: egui::MouseWheelSource::Wheel,
        });
        h.run_steps(3);
        let s = h.state().2.scale.expect("a scale even without data");
        assert!(s.px_per_day.is_finite() && s.start.is_finite());
    }
}

#[test]
fn the_wheel_over_the_labels_scrolls_lanes_that_do_not_fit() {
    let mut h = harness(Lang::En, LaneBy::Place);
    h.set_size(Vec2::new(900.0, 170.0));
    h.run_steps(2);
    let g = h.state().state.geometry.expect("drawn");
    let scale = h.state().state.scale;
    h.hover_at(Pos2::new(40.0, g.lanes_top + 20.0));
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: Vec2::new(0.0, -60.0),
        phase: egui::TouchPhase::Move,
        modifiers: egui::Modifiers::NONE,
        source: egui::MouseWheelSource::Wheel,
    });
    h.run_steps(10);
    assert!(h.state().state.lane_scroll > 0.0, "lanes scrolled");
    assert_eq!(h.state().state.scale, scale, "the time scale did not zoom");
}

#[test]
fn hovering_the_density_strip_counts_the_events_of_that_column() {
    let mut h = harness(Lang::En, LaneBy::Type);
    let x = h.state().state.day_x(date(2019, 4, 11)).expect("drawn");
    let g = h.state().state.geometry.expect("drawn");
    // The strip lies between the lanes and the axis.
    h.hover_at(Pos2::new(
        x,
        g.axis_y - tarikh::ui::timeline::AXIS_H / 2.0 - 10.0,
    ));
    h.run_steps(20);
    use egui_kittest::kittest::Queryable;
    h.get_by_label_contains("events, 0 killed or injured");
}

#[test]
fn arabic_tooltip_snapshot() {
    let mut h = harness(Lang::Ar, LaneBy::Type);
    let (x, y) = h
        .state()
        .state
        .event_pos(&h.state().data, 4)
        .expect("drawn");
    h.hover_at(Pos2::new(x, y));
    h.run_steps(20);
    h.snapshot("timeline_ar_tooltip");
}
