//! Arabic in text inputs: plain `TextEdit` reverses word order (Latin-first family) or numbers
//! (Arabic-first), so the search box is `text::search_box`, typed through kittest; snapshot kept.
#![cfg(feature = "gui")]

use egui::{FontFamily, FontId};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use tarikh::ui::text;

struct State {
    plain: String,
    rtl_family: String,
    search: String,
    mixed: String,
}

/// The third text input: the (empty) search box.
fn search_node<'a>(h: &'a Harness<'_, State>) -> egui_kittest::Node<'a> {
    h.get_all_by_role(egui::accesskit::Role::TextInput)
        .nth(2)
        .expect("three text inputs")
}

#[test]
fn arabic_typed_into_the_search_box_is_kept_and_drawn() {
    let state = State {
        plain: "دخلت القوات مدينة غريان".into(),
        rtl_family: "دخلت القوات مدينة غريان".into(),
        search: String::new(),
        mixed: "غريان عام 2019".into(),
    };
    let mut harness = Harness::builder()
        .with_size([560.0, 300.0])
        .with_pixels_per_point(1.5)
        .with_theme(egui::Theme::Light)
        .with_render_cursor(false)
        .with_context_setup(text::install_fonts)
        .build_ui_state(
            |ui, s: &mut State| {
                let l = ui.label("1. plain TextEdit (Latin-first family)");
                ui.add(egui::TextEdit::singleline(&mut s.plain).desired_width(400.0))
                    .labelled_by(l.id);
                let l = ui.label("2. TextEdit with the Arabic-first family");
                ui.add(
                    egui::TextEdit::singleline(&mut s.rtl_family)
                        .font(FontId::new(14.0, FontFamily::Name(text::fonts::RTL.into())))
                        .desired_width(400.0),
                )
                .labelled_by(l.id);
                ui.label("3. text::search_box (bidi-drawn, append-only), typed");
                text::search_box(ui, &mut s.search, "type here", 400.0);
                ui.label("4. text::search_box, mixed query, not focused");
                text::search_box(ui, &mut s.mixed, "search", 400.0);
            },
            state,
        );
    harness.run();
    search_node(&harness).click();
    // Step a fixed number of frames: a focused text edit blinks and never settles.
    harness.run_steps(2);
    search_node(&harness).type_text("درنة 2018");
    harness.run_steps(2);
    assert_eq!(harness.state().search, "درنة 2018");
    harness.snapshot("text_input_arabic");
}
