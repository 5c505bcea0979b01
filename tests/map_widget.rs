//! The map widget on its own, driven by egui_kittest: colours follow the date, clicks and
//! hovers report the place under the pointer, wheel zooms around it, double-click fits.
#![cfg(feature = "gui")]

mod map_fixture;

use egui::{Pos2, Vec2};
use egui_kittest::{Harness, kittest::Queryable};
use jiff::civil::Date;
use map_fixture::{d, extract};
use tarikh::Pack;
use tarikh::ui::map::{MapData, MapView, Status};

struct S {
    view: MapView,
    data: MapData,
    date: Option<Date>,
    clicked: Option<String>,
    hovered: Option<String>,
}

fn harness(date: &str) -> Option<Harness<'static, S>> {
    if !map_fixture::fonts_available() {
        eprintln!("skipping: no fonts in ../shared");
        return None;
    }
    let pack = Pack::builtin().expect("builtin pack");
    let data = MapData::new(&extract(), &pack);
    let s = S {
        view: MapView::default(),
        data,
        date: Some(d(date)),
        clicked: None,
        hovered: None,
    };
    let mut h = Harness::builder()
        .with_size(Vec2::new(800.0, 600.0))
        .with_step_dt(0.05)
        .with_context_setup(|ctx| {
            map_fixture::install_test_fonts(ctx);
        })
        .build_ui_state(
            |ui, s: &mut S| {
                let r = s.view.ui(ui, &s.data, s.date);
                if r.clicked.is_some() {
                    s.clicked = r.clicked;
                }
                s.hovered = r.hovered;
            },
            s,
        );
    h.run_steps(2);
    Some(h)
}

fn pos(h: &Harness<'_, S>, id: &str) -> Pos2 {
    let s = h.state();
    s.view.place_pos(&s.data, id).expect("place drawn")
}

#[test]
fn the_colour_of_a_place_follows_the_date() {
    let Some(mut h) = harness("2019-02-01") else {
        return;
    };
    let tripoli = h.state().data.place("Tripoli").expect("Tripoli").clone();
    assert_eq!(
        h.state().data.status_at(&tripoli, h.state().date),
        Status::Held("GNA")
    );
    h.state_mut().date = Some(d("2019-04-06"));
    h.run_steps(1);
    assert_eq!(
        h.state().data.status_at(&tripoli, h.state().date),
        Status::Contested {
            holder: Some("GNA"),
            by: Some("LNA")
        }
    );
    assert!(!h.state().data.background_at(&tripoli, h.state().date));
    // No article claims Sirte: the region pack's background answers, marked as such.
    let sirte = h.state().data.place("Sirte").expect("Sirte").clone();
    assert_eq!(
        h.state().data.status_at(&sirte, h.state().date),
        Status::Held("GNA")
    );
    assert!(h.state().data.background_at(&sirte, h.state().date));
    // In 2011 the pack's background knows the revolution's side took the city.
    h.state_mut().date = Some(d("2012-01-01"));
    h.run_steps(1);
    assert_eq!(
        h.state().data.status_at(&sirte, h.state().date),
        Status::Held("NTC")
    );
    // Before anything either knows, the holder is unknown.
    h.state_mut().date = Some(d("2010-06-01"));
    h.run_steps(1);
    assert_eq!(
        h.state().data.status_at(&sirte, h.state().date),
        Status::Unknown
    );
}

#[test]
fn every_place_is_drawn_inside_the_map_after_fitting() {
    let Some(h) = harness("2019-02-01") else {
        return;
    };
    for id in ["Tripoli", "Derna", "Sirte"] {
        let p = pos(&h, id);
        assert!(
            (0.0..800.0).contains(&p.x) && (0.0..600.0).contains(&p.y),
            "{id} at {p:?}"
        );
    }
    // West is left, east is right.
    assert!(pos(&h, "Tripoli").x < pos(&h, "Sirte").x && pos(&h, "Sirte").x < pos(&h, "Derna").x);
}

#[test]
fn clicking_a_city_reports_it_and_clicking_the_sea_does_not() {
    let Some(mut h) = harness("2019-02-01") else {
        return;
    };
    let p = pos(&h, "Derna");
    h.hover_at(p);
    h.run_steps(1);
    assert_eq!(h.state().hovered.as_deref(), Some("Derna"));
    for pressed in [true, false] {
        h.event(egui::Event::PointerButton {
            pos: p,
            button: egui::PointerButton::Primary,
            pressed,
            modifiers: egui::Modifiers::NONE,
        });
    }
    h.run_steps(2);
    assert_eq!(h.state().clicked.as_deref(), Some("Derna"));
}

#[test]
fn hovering_a_city_shows_its_holder_since_when_and_the_evidence() {
    let Some(mut h) = harness("2019-04-06") else {
        return;
    };
    let p = pos(&h, "Tripoli");
    h.hover_at(p);
    // Past egui's tooltip delay.
    h.run_steps(20);
    h.get_by_label_contains("contested");
    h.get_by_label_contains("since 2019-04-04");
    h.get_by_label_contains("synthetic evidence for doc#3");
}

#[test]
fn the_wheel_zooms_around_the_pointer_and_double_click_fits_again() {
    let Some(mut h) = harness("2019-02-01") else {
        return;
    };
    let fitted = h.state().view.state.zoom;
    let p = pos(&h, "Sirte");
    h.hover_at(p);
    h.event(egui::Event::MouseWheel {
        unit: egui::MouseWheelUnit::Point,
        delta: Vec2::new(0.0, 120.0),
        phase: egui::TouchPhase::Move,
        modifiers: egui::Modifiers::NONE,
        source: egui::MouseWheelSource::Wheel,
    });
    h.run_steps(10);
    let zoomed = h.state().view.state.zoom;
    assert!(zoomed > fitted * 1.1, "zoom {fitted} -> {zoomed}");
    let after = pos(&h, "Sirte");
    assert!(
        after.distance(p) < 2.0,
        "Sirte moved from {p:?} to {after:?}"
    );
    h.run();
    // Two clicks within the double-click delay (0.3 s): frames of 1/20 s.
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
    let refit = h.state().view.state.zoom;
    assert!(
        (refit - fitted).abs() < 1e-6,
        "fitted {fitted}, zoomed {zoomed}, after double-click {refit}"
    );
}

#[test]
fn dragging_pans_the_map() {
    let Some(mut h) = harness("2019-02-01") else {
        return;
    };
    let before = pos(&h, "Sirte");
    let start = Pos2::new(400.0, 500.0);
    h.hover_at(start);
    h.drag_at(start);
    h.step();
    for i in 1..=5 {
        h.hover_at(start + Vec2::new(10.0 * i as f32, 0.0));
        h.step();
    }
    h.drop_at(start + Vec2::new(50.0, 0.0));
    h.run_steps(2);
    let after = pos(&h, "Sirte");
    assert!(
        (after.x - before.x - 50.0).abs() < 6.0,
        "{before:?} -> {after:?}"
    );
}

fn pixel(img: &image::RgbaImage, p: Pos2) -> [u8; 3] {
    let px = img.get_pixel(p.x.round() as u32, p.y.round() as u32).0;
    [px[0], px[1], px[2]]
}

fn close(a: [u8; 3], b: [u8; 3]) -> bool {
    a.iter().zip(b).all(|(x, y)| x.abs_diff(y) <= 12)
}

#[test]
fn the_rendered_marker_takes_the_holders_colour_and_a_ring_when_contested() {
    let Some(mut h) = harness("2019-02-01") else {
        return;
    };
    let img = match h.render() {
        Ok(img) => img,
        Err(e) => {
            eprintln!("skipping: no wgpu adapter to render with: {e}");
            return;
        }
    };
    let gna = h.state().data.rgb("GNA");
    let lna = h.state().data.rgb("LNA");
    let t = pos(&h, "Tripoli");
    assert!(
        close(pixel(&img, t), gna),
        "held: {:?} vs {gna:?}",
        pixel(&img, t)
    );
    // Sirte has no claim in the articles: the background's holder fills it.
    assert!(close(pixel(&img, pos(&h, "Sirte")), gna));

    h.state_mut().date = Some(d("2019-04-06"));
    h.run_steps(2);
    let img = h.render().expect("second render");
    let _ = img.save(std::env::temp_dir().join("tarikh_map_widget.png"));
    assert!(close(pixel(&img, t), gna), "defender inside");
    // The marker radius for Tripoli's three events, and the ring just outside it.
    let r = tarikh::ui::map::paint::marker_radius(3);
    let w = tarikh::ui::map::paint::contested_ring_width(r);
    let ring = t + Vec2::new(r + w / 2.0 + 0.5, 0.0);
    assert!(
        close(pixel(&img, ring), lna),
        "attacker ring: {:?} vs {lna:?}",
        pixel(&img, ring)
    );
}

#[test]
fn a_background_note_reads_in_the_chromes_language() {
    let pack = Pack::builtin().expect("builtin pack");
    let data = MapData::new(&extract(), &pack);
    let note = data
        .events
        .get("pack:sirte-gna")
        .expect("the background row's note");
    assert!(note.text(false).contains("Sirte"), "{}", note.text(false));
    assert!(note.text(true).contains("سرت"), "{}", note.text(true));
    assert!(
        note.link.starts_with("https://"),
        "its source: {}",
        note.link
    );
    // An article's evidence is shown as written, whatever the chrome.
    let article = data
        .events
        .values()
        .find(|e| e.kind != tarikh::ui::map::data::BACKGROUND_KIND);
    if let Some(e) = article {
        assert_eq!(e.text(true), e.text(false));
    }
}

#[test]
fn the_city_panel_wraps_to_the_width_it_is_given() {
    let pack = Pack::builtin().expect("builtin pack");
    let data = MapData::new(&extract(), &pack);
    for arabic in [false, true] {
        for place in ["Tripoli", "Sirte", "Derna"] {
            let width = 220.0;
            let mut used = egui::Rect::NOTHING;
            let mut h = Harness::builder()
                .with_size(Vec2::new(800.0, 1400.0))
                .with_context_setup(|ctx| {
                    map_fixture::install_test_fonts(ctx);
                })
                .build_ui(|ui| {
                    ui.set_max_width(width);
                    let r = ui.scope(|ui| {
                        tarikh::ui::map::city_panel_ui(ui, &data, place, arabic);
                    });
                    used = r.response.rect;
                });
            h.run_steps(2);
            drop(h);
            // Long control lines and background notes wrap instead of widening the side
            // panel, which then spilled under the map.
            assert!(used.width() > 100.0, "{place}: drawn at all: {used:?}");
            assert!(
                used.width() <= width + 0.5,
                "{place} (arabic: {arabic}) takes {} px of {width}",
                used.width()
            );
        }
    }
}

#[test]
fn a_control_period_in_arabic_names_its_months_instead_of_iso_dates() {
    use tarikh::ui::map::period_text;
    use tarikh::ui::timeline::Lang;
    let (a, b) = (Some(d("2011-02-15")), Some(d("2011-09-14")));
    assert_eq!(period_text(a, b, Lang::En), "2011-02-15 – 2011-09-14");
    let ar = period_text(a, b, Lang::Ar);
    assert_eq!(ar, "من 15 فبراير 2011 إلى 14 سبتمبر 2011");
    assert!(period_text(a, None, Lang::Ar).starts_with("منذ 15 فبراير 2011"));
    assert!(period_text(None, b, Lang::Ar).starts_with("حتى 14 سبتمبر 2011"));
}
