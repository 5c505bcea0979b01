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
pub fn label(ui: &mut Ui, text: &str) -> Response {
    let job = widget_text(ui, text);
    ui.add(egui::Label::new(job).wrap_mode(egui::TextWrapMode::Extend))
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
    let lines: Vec<Line> =
        bidi::visual_lines_with_direction(text, wrap_width, |s| measure(ctx, s, font))
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

/// Whether a query mixes right-to-left letters with digits or Latin letters, which egui's
/// text edit cannot order (it has no bidi): then [`search_box`] shows a bidi preview.
pub fn needs_bidi_preview(text: &str) -> bool {
    let has_rtl = text.chars().any(|c| {
        matches!(
            unicode_bidi::bidi_class(c),
            unicode_bidi::BidiClass::R | unicode_bidi::BidiClass::AL
        )
    });
    has_rtl
        && text
            .chars()
            .any(|c| c.is_ascii_alphanumeric() || ('\u{0660}'..='\u{0669}').contains(&c))
}

/// A search box that accepts Arabic usably. egui's `TextEdit` has no bidi: it places font runs
/// in logical order and its caret assumes one glyph per char. With the Arabic-first family, a
/// query of Arabic words (and the spaces between them) is one shaping run, which the shaper
/// draws right to left, so it reads correctly; the box is right-aligned for such a query. A
/// query that mixes Arabic with digits or Latin is also drawn bidi-correct just below.
/// Known limit: inside Arabic text the caret is drawn at mirrored positions (egui measures it
/// in logical order), so clicking into the middle of an Arabic query lands elsewhere; typing,
/// deleting at the end, select-all and paste work.
pub fn search_box(ui: &mut Ui, query: &mut String, hint: &str, width: f32) -> Response {
    let font = TextStyle::Body.resolve(ui.style());
    let rtl = is_rtl(query);
    let edit = egui::TextEdit::singleline(query)
        .font(FontId::new(font.size, fonts::rtl_family(&font.family)))
        .hint_text(hint)
        .desired_width(width)
        .align(if rtl {
            Align2::RIGHT_CENTER
        } else {
            Align2::LEFT_CENTER
        });
    let response = ui.add(edit);
    if needs_bidi_preview(query) {
        let font = FontId::new(font.size * 0.9, font.family);
        let job = single_line_job(query, &font, ui.visuals().weak_text_color());
        let layout = if rtl {
            egui::Layout::right_to_left(egui::Align::Center)
        } else {
            egui::Layout::left_to_right(egui::Align::Center)
        };
        let height = ui.fonts_mut(|f| f.row_height(&font));
        ui.allocate_ui_with_layout(Vec2::new(width, height), layout, |ui| {
            ui.add(egui::Label::new(job).wrap_mode(egui::TextWrapMode::Truncate));
        });
    }
    response
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
}
