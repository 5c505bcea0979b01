//! Text that reads correctly in Arabic: embedded fonts and a bidi layer over egui, which shapes
//! Arabic but has no bidi (runs in logical order, numbers reversed, wrapped lines bottom-up).

pub mod bidi;
pub mod fonts;

use std::ops::Range;
use std::sync::Arc;

use egui::text::{LayoutJob, LayoutSection, TextWrapping};
use egui::{
    Align2, Color32, FontId, Galley, Painter, Pos2, Rect, Response, Sense, TextFormat, TextStyle,
    Ui, Vec2, WidgetText,
};

//
// Use: `install_fonts(ctx)` once at start; then `label`, `label_truncated`, `paragraph` /
// `paragraph_with` (wrapped, highlighted), `painter_text` (timeline, map), `widget_text` /
// `single_line_job` for buttons, tooltips and lists, `search_box` for typed queries. Plain
// `ui.label` stays fine for text without Arabic.

pub use bidi::{Run, is_rtl, visual_lines};
pub use fonts::install_fonts;

/// A highlighted byte range of the original string and its background colour.
pub type Highlight = (Range<usize>, Color32);

/// The layout job of one visual line: each piece of each run is its own section (never
/// `LayoutJob::append`, which would merge equal-format neighbours back into one run).
pub fn line_job(
    text: &str,
    runs: &[Run],
    highlights: &[Highlight],
    font: &FontId,
    color: Color32,
) -> LayoutJob {
    let cuts: Vec<usize> = highlights
        .iter()
        .flat_map(|(r, _)| [r.start, r.end])
        .collect();
    let mut job = LayoutJob {
        wrap: TextWrapping::no_max_width(),
        break_on_newline: false,
        ..Default::default()
    };
    for run in runs {
        for piece in bidi::pieces(text, run, &cuts) {
            let mut s = bidi::piece_text(text, &piece);
            if piece.kind == bidi::PieceKind::Script {
                // A highlight boundary inside a word (لـ|درنة) must not break the letters'
                // joining: a zero-width joiner on each side keeps their connected forms.
                let before = text[..piece.range.start].chars().next_back();
                let first = text[piece.range.clone()].chars().next();
                let last = text[piece.range.clone()].chars().next_back();
                let after = text[piece.range.end..].chars().next();
                let join_before = before.is_some_and(bidi::joins_to_next)
                    && first.is_some_and(bidi::is_arabic_letter);
                let join_after = last.is_some_and(bidi::joins_to_next)
                    && after.is_some_and(bidi::is_arabic_letter);
                if join_before || join_after {
                    let mut t = String::with_capacity(s.len() + 6);
                    if join_before {
                        t.push('\u{200D}');
                    }
                    t.push_str(&s);
                    if join_after {
                        t.push('\u{200D}');
                    }
                    s = t.into();
                }
            }
            let family = match piece.kind {
                bidi::PieceKind::Script | bidi::PieceKind::ReversedNeutral => {
                    fonts::rtl_family(&font.family)
                }
                _ => font.family.clone(),
            };
            let background = highlights
                .iter()
                .find(|(r, _)| r.start <= piece.range.start && piece.range.start < r.end)
                .map_or(Color32::TRANSPARENT, |(_, c)| *c);
            let start = job.text.len();
            job.text.push_str(&s);
            job.sections.push(LayoutSection {
                leading_space: 0.0,
                byte_range: egui::text::ByteIndex(start)..egui::text::ByteIndex(job.text.len()),
                format: TextFormat {
                    font_id: FontId::new(font.size, family),
                    color,
                    background,
                    ..Default::default()
                },
            });
        }
    }
    job
}

/// A single bidi-correct line as a layout job, for any widget that takes text (buttons,
/// selectable labels, tooltips, combo boxes). Several paragraphs are joined by spaces.
pub fn single_line_job(text: &str, font: &FontId, color: Color32) -> LayoutJob {
    let flat;
    let text = if text.contains('\n') {
        flat = text.replace(['\r', '\n'], " ");
        flat.as_str()
    } else {
        text
    };
    let lines = visual_lines(text, f32::INFINITY, |_| 0.0);
    let runs = lines.into_iter().next().unwrap_or_default();
    line_job(text, &runs, &[], font, color)
}

/// [`single_line_job`] in the body style of `ui`, ready for `ui.button(..)` and friends.
pub fn widget_text(ui: &Ui, text: &str) -> WidgetText {
    let font = TextStyle::Body.resolve(ui.style());
    single_line_job(text, &font, ui.visuals().text_color()).into()
}

/// A one-line label with automatic direction (from the first strong character).
/// Not selectable: the laid-out text is in visual order with reversed punctuation, so a copy
/// would paste scrambled Arabic.
pub fn label(ui: &mut Ui, text: &str) -> Response {
    let job = widget_text(ui, text);
    ui.add(
        egui::Label::new(job)
            .wrap_mode(egui::TextWrapMode::Extend)
            .selectable(false),
    )
}

/// The first words of `text` that fit in `max_width`, with "…" after them (in logical order,
/// so an Arabic title loses its end, on the left, not its beginning); `None` when it all fits.
pub fn truncate_to_width(
    ctx: &egui::Context,
    text: &str,
    font: &FontId,
    max_width: f32,
) -> Option<String> {
    let flat = text.replace(['\r', '\n'], " ");
    if measure(ctx, &flat, font) <= max_width {
        return None;
    }
    let ellipsis = measure(ctx, "…", font);
    let lines = visual_lines(&flat, (max_width - ellipsis).max(0.0), |s| {
        measure(ctx, s, font)
    });
    let end = lines
        .first()
        .and_then(|l| l.iter().map(|r| r.range.end).max())
        .unwrap_or(0);
    Some(format!("{}…", flat[..end].trim_end()))
}

/// `head` then as much of `tail` as fits in `max_width`, cut between characters with "…":
/// for a line ending in a file name, which is one long word that [`truncate_to_width`]
/// would drop whole (leaving "date · source ·…" and no way to tell the files apart).
pub fn fit_tail(
    ctx: &egui::Context,
    head: &str,
    tail: &str,
    font: &FontId,
    max_width: f32,
) -> String {
    let full = format!("{head}{tail}");
    if measure(ctx, &full, font) <= max_width {
        return full;
    }
    // The longest prefix of `tail` that fits, by bisection over its char boundaries.
    let ends: Vec<usize> = tail.char_indices().map(|(i, _)| i).skip(1).collect();
    let fits = |end: usize| measure(ctx, &format!("{head}{}…", &tail[..end]), font) <= max_width;
    let (mut lo, mut hi) = (0usize, ends.len());
    while lo < hi {
        let mid = (lo + hi).div_ceil(2);
        if fits(ends[mid - 1]) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    if lo == 0 {
        return truncate_to_width(ctx, &full, font, max_width).unwrap_or(full);
    }
    // A tail opened with a left-to-right mark (a file name in an Arabic line) gets one after
    // its "…" too: else the ellipsis takes the line's direction and shows before the name.
    let close = if tail.starts_with('\u{200e}') {
        "\u{200e}"
    } else {
        ""
    };
    format!("{head}{}…{close}", &tail[..ends[lo - 1]])
}

/// A one-line label cut to `max_width` at a word boundary, the full text on hover.
pub fn label_truncated(ui: &mut Ui, text: &str, max_width: f32) -> Response {
    let font = TextStyle::Body.resolve(ui.style());
    match truncate_to_width(ui.ctx(), text, &font, max_width) {
        None => label(ui, text),
        Some(short) => {
            let full = widget_text(ui, text);
            label(ui, &short).on_hover_text(full)
        }
    }
}

/// The width `text` takes when drawn in `font` (right-to-left words in the RTL family).
pub fn measure(ctx: &egui::Context, text: &str, font: &FontId) -> f32 {
    let family = if is_rtl(text) {
        fonts::rtl_family(&font.family)
    } else {
        font.family.clone()
    };
    let font = FontId::new(font.size, family);
    ctx.fonts_mut(|f| {
        f.layout_no_wrap(text.to_owned(), font, Color32::PLACEHOLDER)
            .size()
            .x
    })
}

/// Laid-out visual lines of a paragraph, top to bottom, with whether each is right-aligned.
pub fn layout_paragraph(
    ctx: &egui::Context,
    text: &str,
    highlights: &[Highlight],
    font: &FontId,
    color: Color32,
    wrap_width: f32,
) -> Vec<Line> {
    let key = {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        text.hash(&mut h);
        for (r, c) in highlights {
            r.hash(&mut h);
            c.hash(&mut h);
        }
        font.hash(&mut h);
        color.hash(&mut h);
        wrap_width.to_bits().hash(&mut h);
        ctx.pixels_per_point().to_bits().hash(&mut h);
        h.finish()
    };
    let cache_id = egui::Id::unique("tarikh-text-paragraph-cache");
    let pass = ctx.cumulative_pass_nr();
    let cached = ctx.data_mut(|d| {
        let cache = d.get_temp_mut_or_default::<ParagraphCache>(cache_id);
        cache.0.get_mut(&key).map(|(used, lines)| {
            *used = pass;
            lines.clone()
        })
    });
    if let Some(lines) = cached {
        return lines;
    }
    // Short highlights (a date, a place, a phrase of a few words) stay on one line.
    let keep: Vec<std::ops::Range<usize>> = highlights
        .iter()
        .map(|(r, _)| r.clone())
        .filter(|r| {
            text.get(r.clone())
                .is_some_and(|h| h.split_whitespace().count() <= 4)
        })
        .collect();
    let lines: Vec<Line> =
        bidi::visual_lines_keeping(text, wrap_width, |s| measure(ctx, s, font), &keep)
            .into_iter()
            .map(|(rtl, runs)| {
                let job = line_job(text, &runs, highlights, font, color);
                (ctx.fonts_mut(|f| f.layout_job(job)), rtl)
            })
            .collect();
    ctx.data_mut(|d| {
        let cache = d.get_temp_mut_or_default::<ParagraphCache>(cache_id);
        // Keep what was drawn in the last few passes: a long article stays laid out while
        // it scrolls, and resizing the panel does not pile up stale widths.
        cache
            .0
            .retain(|_, (used, _)| pass.saturating_sub(*used) <= 2);
        cache.0.insert(key, (pass, lines.clone()));
    });
    lines
}

/// Laid-out paragraphs by a hash of their input, with the pass that last used them: the
/// measuring and bidi pre-pass of a long article are not redone every frame.
#[derive(Clone, Default)]
struct ParagraphCache(std::collections::HashMap<u64, (u64, Vec<Line>)>);

/// A laid-out visual line and whether it is right-aligned.
pub type Line = (Arc<Galley>, bool);

/// A wrapped paragraph: lines broken in logical order (first words on top), right-aligned
/// when the paragraph is right-to-left; `highlights` are byte ranges of `text`.
pub fn paragraph(ui: &mut Ui, text: &str, highlights: &[Highlight], wrap_width: f32) -> Response {
    let font = TextStyle::Body.resolve(ui.style());
    let color = ui.visuals().text_color();
    paragraph_with(ui, text, highlights, wrap_width, &font, color)
}

/// [`paragraph`] in a chosen font and colour, e.g. `fonts::naskh(16.0)` for article text.
pub fn paragraph_with(
    ui: &mut Ui,
    text: &str,
    highlights: &[Highlight],
    wrap_width: f32,
    font: &FontId,
    color: Color32,
) -> Response {
    let font = font.clone();
    let width = if wrap_width.is_finite() && wrap_width > 0.0 {
        wrap_width
    } else {
        ui.available_width()
    };
    let lines = layout_paragraph(ui.ctx(), text, highlights, &font, color, width);
    let row_h = ui.fonts_mut(|f| f.row_height(&font));
    let heights: Vec<f32> = lines.iter().map(|(g, _)| g.size().y.max(row_h)).collect();
    let (rect, response) =
        ui.allocate_exact_size(Vec2::new(width, heights.iter().sum()), Sense::hover());
    if ui.is_rect_visible(rect) {
        let painter = ui.painter();
        let mut y = rect.top();
        for ((galley, rtl), h) in lines.into_iter().zip(heights) {
            let x = if rtl {
                rect.right() - galley.size().x
            } else {
                rect.left()
            };
            painter.galley(Pos2::new(x, y), galley, color);
            y += h;
        }
    }
    response
}

/// Paint a bidi-correct label (timeline, map) anchored at `pos`; returns the rect it covers.
/// Lines of a multi-line text are stacked, each aligned to its own direction.
pub fn painter_text(
    painter: &Painter,
    pos: Pos2,
    align: Align2,
    text: &str,
    font: FontId,
    color: Color32,
) -> Rect {
    let lines = bidi::visual_lines_with_direction(text, f32::INFINITY, |_| 0.0);
    let galleys: Vec<(Arc<Galley>, bool)> = lines
        .into_iter()
        .map(|(rtl, runs)| {
            (
                painter.layout_job(line_job(text, &runs, &[], &font, color)),
                rtl,
            )
        })
        .collect();
    let size = galleys.iter().fold(Vec2::ZERO, |acc, (g, _)| {
        Vec2::new(acc.x.max(g.size().x), acc.y + g.size().y)
    });
    let rect = align.anchor_size(pos, size);
    let mut y = rect.top();
    for (galley, rtl) in galleys {
        let x = if rtl {
            rect.right() - galley.size().x
        } else {
            rect.left()
        };
        let h = galley.size().y;
        painter.galley(Pos2::new(x, y), galley, color);
        y += h;
    }
    rect
}

/// A search box that shows Arabic correctly. egui's `TextEdit` has no bidi: it places font
/// runs in logical order (with the Latin-first family an Arabic query shows its words in
/// reverse order), a number inside Arabic is drawn reversed (2019 → 9102), and the caret
/// assumes one glyph per char, so it sits at mirrored places (see tests/text_input.rs and its
/// snapshot). A search query is typed and erased at its end, so this box keeps the query as
/// an append-only line: typed and pasted text is added at the end, Backspace erases the last
/// character (Ctrl+Backspace the last word, Escape everything), and the query is drawn with
/// the bidi layer, right-aligned when it is Arabic, the caret at its logical end (the left
/// edge of an Arabic query). No selection or editing in the middle: that is the trade.
/// `response.changed()` tells when the query changed. Keyboard shortcuts of the app should
/// check `ctx.memory(|m| m.focused())` (or `wants_keyboard_input`) while the box has focus.
pub fn search_box(ui: &mut Ui, query: &mut String, hint: &str, width: f32) -> Response {
    let font = TextStyle::Body.resolve(ui.style());
    let row_h = ui.fonts_mut(|f| f.row_height(&font));
    let pad = ui.spacing().button_padding;
    let (rect, mut response) =
        ui.allocate_exact_size(Vec2::new(width, row_h + 2.0 * pad.y), Sense::click());
    if response.clicked() {
        response.request_focus();
    }
    let before = query.clone();
    if response.has_focus() {
        edit_at_end(query, &ui.input(|i| i.events.clone()));
    }
    if *query != before {
        response.mark_changed();
    }
    let enabled = ui.is_enabled();
    response.widget_info(|| {
        let mut info = egui::WidgetInfo::text_edit(enabled, &before, query.as_str(), hint);
        info.label = Some(hint.to_owned());
        info
    });
    if !ui.is_rect_visible(rect) {
        return response;
    }
    let visuals = ui.visuals();
    let stroke = if response.has_focus() {
        visuals.selection.stroke
    } else {
        visuals.widgets.inactive.bg_stroke
    };
    let painter = ui.painter();
    painter.rect(
        rect,
        visuals.widgets.inactive.corner_radius,
        visuals.text_edit_bg_color(),
        stroke,
        egui::StrokeKind::Inside,
    );
    let inner = rect.shrink2(pad);
    let clip = painter.with_clip_rect(inner.intersect(painter.clip_rect()));
    if query.is_empty() {
        let anchor = if is_rtl(hint) {
            (inner.right_center(), Align2::RIGHT_CENTER)
        } else {
            (inner.left_center(), Align2::LEFT_CENTER)
        };
        painter_text(
            &clip,
            anchor.0,
            anchor.1,
            hint,
            font.clone(),
            visuals.weak_text_color(),
        );
    }
    let rtl = is_rtl(query);
    let color = visuals.text_color();
    let galley = clip.layout_job(single_line_job(query, &font, color));
    let w = galley.size().x;
    // Keep the end of the query (what was typed last) in view when it overflows.
    let x = match (rtl, w > inner.width()) {
        (true, true) => inner.left(),
        (true, false) => inner.right() - w,
        (false, true) => inner.right() - w,
        (false, false) => inner.left(),
    };
    let y = inner.center().y - galley.size().y / 2.0;
    if !query.is_empty() {
        clip.galley(Pos2::new(x, y), galley, color);
    }
    if response.has_focus() {
        let caret_x = if rtl { x - 1.0 } else { x + w + 1.0 };
        let caret_x = caret_x.clamp(inner.left(), inner.right());
        painter.line_segment(
            [
                Pos2::new(caret_x, inner.top()),
                Pos2::new(caret_x, inner.bottom()),
            ],
            visuals.text_cursor.stroke,
        );
    }
    response
}

/// Apply typing to an append-only query: text and paste at the end, Backspace removes the
/// last character, Ctrl/Cmd+Backspace the last word, Escape clears. Newlines become spaces.
pub fn edit_at_end(query: &mut String, events: &[egui::Event]) {
    use egui::{Event, Key};
    for event in events {
        match event {
            Event::Text(t) | Event::Paste(t) => {
                query.extend(t.chars().map(|c| if c.is_control() { ' ' } else { c }));
            }
            Event::Key {
                key: Key::Backspace,
                pressed: true,
                modifiers,
                ..
            } => {
                if modifiers.command || modifiers.ctrl {
                    let kept = query.trim_end().len();
                    query.truncate(kept);
                    let cut = query
                        .char_indices()
                        .rev()
                        .find(|(_, c)| c.is_whitespace())
                        .map_or(0, |(i, c)| i + c.len_utf8());
                    query.truncate(cut);
                } else {
                    query.pop();
                }
            }
            Event::Key {
                key: Key::Escape,
                pressed: true,
                ..
            } => query.clear(),
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Lay out one line with the real embedded fonts and return (char, x) of its glyphs.
    fn glyph_xs(text: &str) -> Vec<(char, f32)> {
        let ctx = egui::Context::default();
        install_fonts(&ctx);
        let mut out = Vec::new();
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let font = FontId::proportional(20.0);
            let job = single_line_job(text, &font, Color32::BLACK);
            let galley = ui.fonts_mut(|f| f.layout_job(job));
            for row in &galley.rows {
                for g in &row.glyphs {
                    out.push((g.chr, row.pos.x + g.pos.x));
                }
            }
        });
        // The font atlas upload is not applied anywhere in a test; drop it explicitly.
        output.textures_delta.clear();
        out
    }

    fn x_of(glyphs: &[(char, f32)], c: char) -> f32 {
        glyphs
            .iter()
            .find(|(g, _)| *g == c)
            .map(|(_, x)| *x)
            .unwrap_or_else(|| panic!("no glyph for {c:?} in {glyphs:?}"))
    }

    #[test]
    fn digits_inside_arabic_are_drawn_left_to_right_on_screen() {
        let g = glyph_xs("وقع الهجوم عام 2019 في طرابلس");
        eprintln!("{g:?}");
        assert!(x_of(&g, '2') < x_of(&g, '0'));
        assert!(x_of(&g, '0') < x_of(&g, '1'));
        assert!(x_of(&g, '1') < x_of(&g, '9'));
        // The sentence starts on the right: its first letter is right of the number,
        // its last word (طرابلس) left of it.
        assert!(x_of(&g, 'و') > x_of(&g, '9'));
        assert!(x_of(&g, 'س') < x_of(&g, '2'));
    }

    #[test]
    fn arabic_indic_digits_keep_their_order() {
        let g = glyph_xs("قتل ٤٣ شخصا");
        eprintln!("{g:?}");
        assert!(x_of(&g, '٤') < x_of(&g, '٣'));
    }

    #[test]
    fn arabic_word_is_drawn_right_to_left_once() {
        let g = glyph_xs("درنة");
        eprintln!("{g:?}");
        assert!(x_of(&g, 'د') > x_of(&g, 'ة'));
    }

    #[test]
    fn a_paragraph_is_laid_out_once_and_relaid_when_its_width_changes() {
        let ctx = egui::Context::default();
        install_fonts(&ctx);
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let font = FontId::proportional(14.0);
            let t = "سيطرت القوات على مدينة سرت في كانون الثاني/يناير 2020 بعد معارك قصيرة";
            let a = layout_paragraph(ui.ctx(), t, &[], &font, Color32::BLACK, 200.0);
            let b = layout_paragraph(ui.ctx(), t, &[], &font, Color32::BLACK, 200.0);
            assert!(a.len() >= 2, "wrapped at 200 px: {} lines", a.len());
            assert!(a.iter().zip(&b).all(|(x, y)| Arc::ptr_eq(&x.0, &y.0)));
            assert!(a.iter().all(|(g, rtl)| *rtl && g.size().x <= 200.5));
            let c = layout_paragraph(ui.ctx(), t, &[], &font, Color32::BLACK, 1000.0);
            assert_eq!(c.len(), 1);
        });
        output.textures_delta.clear();
    }

    #[test]
    fn typing_into_the_search_box_appends_and_backspace_erases_from_the_end() {
        use egui::{Event, Key, Modifiers};
        let key = |modifiers| Event::Key {
            key: Key::Backspace,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers,
        };
        let mut q = String::new();
        edit_at_end(
            &mut q,
            &[
                Event::Text("معارك ".into()),
                Event::Paste("سرت\n2020".into()),
            ],
        );
        assert_eq!(q, "معارك سرت 2020");
        edit_at_end(&mut q, &[key(Modifiers::NONE)]);
        assert_eq!(q, "معارك سرت 202");
        edit_at_end(&mut q, &[key(Modifiers::CTRL)]);
        assert_eq!(q, "معارك سرت ");
        edit_at_end(&mut q, &[key(Modifiers::CTRL)]);
        assert_eq!(q, "معارك ");
        edit_at_end(
            &mut q,
            &[Event::Key {
                key: Key::Escape,
                physical_key: None,
                pressed: true,
                repeat: false,
                modifiers: Modifiers::NONE,
            }],
        );
        assert!(q.is_empty());
    }

    #[test]
    fn a_long_file_name_is_cut_between_letters_not_dropped() {
        let ctx = egui::Context::default();
        install_fonts(&ctx);
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let font = FontId::proportional(14.0);
            let head = "2019-04-05 · مستنتج 0.45 · ";
            let file = "004_7b5a3167d7d7d736_tripoli_offensive.txt";
            let w = measure(ui.ctx(), head, &font) + 60.0;
            let line = fit_tail(ui.ctx(), head, file, &font, w);
            let kept = line
                .strip_prefix(head)
                .and_then(|l| l.strip_suffix('…'))
                .expect("the head whole, the name cut with …");
            assert!(kept.len() >= 3 && file.starts_with(kept), "{line}");
            assert!(measure(ui.ctx(), &line, &font) <= w + 1.0);
            let all = fit_tail(ui.ctx(), head, file, &font, 2000.0);
            assert_eq!(all, format!("{head}{file}"));
            // Marked left-to-right (in an Arabic line): the "…" stays after the name.
            let marked = format!("\u{200e}{file}");
            let line = fit_tail(ui.ctx(), head, &marked, &font, w);
            assert!(line.ends_with("…\u{200e}"), "{line:?}");
        });
        output.textures_delta.clear();
    }

    #[test]
    fn truncation_keeps_the_beginning_of_an_arabic_title() {
        let ctx = egui::Context::default();
        install_fonts(&ctx);
        let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
            let font = FontId::proportional(14.0);
            let t = "قوات الوفاق تدخل ترهونة وتبسط سيطرتها على الغرب الليبي";
            let short = truncate_to_width(ui.ctx(), t, &font, 120.0).expect("too long for 120 px");
            assert!(short.starts_with("قوات"), "{short}");
            assert!(short.ends_with('…'));
            assert!(measure(ui.ctx(), &short, &font) <= 121.0);
            assert_eq!(truncate_to_width(ui.ctx(), t, &font, 2000.0), None);
        });
        output.textures_delta.clear();
    }
}
