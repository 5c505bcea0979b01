//! CPU cost of the bidi text layer: laying out a whole sample article (bidi pre-pass, word
//! measuring, one galley per line) uncached, and a bidi label, as a frame would.

use std::time::Instant;

use egui::{Color32, FontId};
use tarikh::ui::text;

fn main() {
    let article = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/assets/sample-corpus/gharyan.txt"
    ))
    .unwrap_or_default();
    let ctx = egui::Context::default();
    text::install_fonts(&ctx);
    let font = FontId::proportional(15.0);
    let mut report = Vec::new();
    let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
        // Warm the glyph atlas and egui's galley cache once, as after the first frame.
        let _ = text::layout_paragraph(ui.ctx(), &article, &[], &font, Color32::BLACK, 500.0);
        let n = 200;
        let t = Instant::now();
        for i in 0..n {
            // A new width each time defeats the paragraph cache: the cost of a resize frame.
            let w = 500.0 + i as f32 * 0.25;
            let lines = text::layout_paragraph(ui.ctx(), &article, &[], &font, Color32::BLACK, w);
            std::hint::black_box(lines);
        }
        report.push(format!(
            "article ({} bytes), uncached layout: {:.3} ms",
            article.len(),
            t.elapsed().as_secs_f64() * 1e3 / n as f64
        ));
        let t = Instant::now();
        for _ in 0..n {
            let lines =
                text::layout_paragraph(ui.ctx(), &article, &[], &font, Color32::BLACK, 500.0);
            std::hint::black_box(lines);
        }
        report.push(format!(
            "article, cached layout: {:.4} ms",
            t.elapsed().as_secs_f64() * 1e3 / n as f64
        ));
        let label = "أطلق الجيش هجوما يوم 4 أبريل 2019 على Tripoli وأسفر عن 2467 جريحا";
        let t = Instant::now();
        for _ in 0..1000 {
            std::hint::black_box(text::single_line_job(label, &font, Color32::BLACK));
        }
        report.push(format!(
            "single-line bidi job (label): {:.2} µs",
            t.elapsed().as_secs_f64() * 1e6 / 1000.0
        ));
    });
    output.textures_delta.clear();
    for line in report {
        println!("{line}");
    }
}
