//! Bidi pre-pass, pure and egui-free: logical line breaking, visual runs, and the pieces each
//! run is drawn as (egui 0.37 shapes a run but places runs in logical order, so we order them).

use std::borrow::Cow;
use std::ops::Range;

use unicode_bidi::{BidiClass, BidiInfo, bidi_class};

/// A directional run of one visual line: a byte range of the original text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Run {
    pub range: Range<usize>,
    pub rtl: bool,
}

/// How a piece of a run must be handed to the shaper.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PieceKind {
    /// Arabic/Hebrew letters: given as is; the shaper detects the script and draws the glyphs
    /// right to left itself, so reversing them here would undo that.
    Script,
    /// Neutrals (spaces, punctuation) inside an RTL run: the shaper sees no RTL script there and
    /// would draw them left to right, so we reverse them and mirror brackets ourselves.
    ReversedNeutral,
    /// Left-to-right text (Latin, European digits, and neutrals between them): as is.
    Ltr,
    /// Arabic-Indic digits in a number: their script is Arabic, so the shaper would reverse
    /// them (٤٣ would read 34); we hand them over reversed so its reversal restores the order.
    PreReversedDigits,
}

/// One section of a visual line, in visual order (left to right).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Piece {
    pub range: Range<usize>,
    pub kind: PieceKind,
}

/// Whether the text's first strong character is right-to-left (UAX #9 rules P2–P3).
pub fn is_rtl(text: &str) -> bool {
    for c in text.chars() {
        match bidi_class(c) {
            BidiClass::R | BidiClass::AL => return true,
            BidiClass::L => return false,
            _ => {}
        }
    }
    false
}

/// Break `text` into lines no wider than `width` (in logical order: the first line is the
/// start of the text) and give each line's directional runs in visual order, left to right.
///
/// `measure` gives the drawn width of a piece of text; a line breaks after whitespace only,
/// and a single word wider than `width` gets a line of its own. Each `\n` starts a new
/// paragraph, whose direction comes from its first strong character; an empty paragraph
/// gives an empty line. Trailing whitespace of a line is not part of its runs.
pub fn visual_lines(text: &str, width: f32, measure: impl Fn(&str) -> f32) -> Vec<Vec<Run>> {
    visual_lines_with_direction(text, width, measure)
        .into_iter()
        .map(|(_, runs)| runs)
        .collect()
}

/// [`visual_lines`] with each line's paragraph direction (true = right-to-left), which
/// decides its alignment.
pub fn visual_lines_with_direction(
    text: &str,
    width: f32,
    measure: impl Fn(&str) -> f32,
) -> Vec<(bool, Vec<Run>)> {
    visual_lines_keeping(text, width, measure, &[])
}

/// [`visual_lines_with_direction`] that breaks no line inside the `keep` ranges (a
/// highlighted date "4 أبريل" split over two lines reads as two highlights), unless one
/// would not fit on a line of its own.
pub fn visual_lines_keeping(
    text: &str,
    width: f32,
    measure: impl Fn(&str) -> f32,
    keep: &[Range<usize>],
) -> Vec<(bool, Vec<Run>)> {
    let bidi = BidiInfo::new(text, None);
    let mut out = Vec::new();
    for para in &bidi.paragraphs {
        // unicode-bidi ends a paragraph at the `\r` of a CRLF, leaving the `\n` alone as a
        // paragraph of its own: that is one line end, not a blank line.
        if &text[para.range.clone()] == "\n" && text[..para.range.start].ends_with('\r') {
            continue;
        }
        let rtl = para.level.is_rtl();
        for line in break_lines(text, para.range.clone(), width, &measure, keep) {
            if line.is_empty() {
                out.push((rtl, Vec::new()));
                continue;
            }
            let (levels, runs) = bidi.visual_runs(para, line);
            let runs = runs
                .into_iter()
                .filter(|r| !r.is_empty())
                .map(|r| Run {
                    rtl: levels[r.start].is_rtl(),
                    range: r,
                })
                .collect();
            out.push((rtl, runs));
        }
    }
    if out.is_empty() {
        out.push((false, Vec::new()));
    }
    out
}

/// Greedy logical line breaking inside one paragraph; returned ranges exclude trailing
/// whitespace and the paragraph separator.
fn break_lines(
    text: &str,
    para: Range<usize>,
    width: f32,
    measure: &impl Fn(&str) -> f32,
    keep: &[Range<usize>],
) -> Vec<Range<usize>> {
    let trim_end = |r: Range<usize>| {
        let s = &text[r.clone()];
        r.start..r.start + s.trim_end().len()
    };
    let mut lines = Vec::new();
    let mut line_start = para.start;
    let mut line_w = 0.0_f32;
    for word in kept_together(text, words(text, para.clone()), keep, width, measure) {
        let w = measure(text[word.clone()].trim_end());
        let w_space = measure(&text[word.clone()]);
        if word.start > line_start && line_w + w > width {
            lines.push(trim_end(line_start..word.start));
            line_start = word.start;
            line_w = 0.0;
        }
        line_w += w_space;
    }
    lines.push(trim_end(line_start..para.end));
    lines
}

/// Words with their trailing whitespace: the places a line may break.
fn words(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = range.start;
    let mut in_space = false;
    for (i, c) in text[range.clone()].char_indices() {
        let i = range.start + i;
        if c.is_whitespace() {
            in_space = true;
        } else if in_space {
            out.push(start..i);
            start = i;
            in_space = false;
        }
    }
    if start < range.end {
        out.push(start..range.end);
    }
    out
}

/// Words joined where the break between them falls inside a `keep` range, as long as the
/// joined group still fits in `width`.
fn kept_together(
    text: &str,
    words: Vec<Range<usize>>,
    keep: &[Range<usize>],
    width: f32,
    measure: &impl Fn(&str) -> f32,
) -> Vec<Range<usize>> {
    if keep.is_empty() {
        return words;
    }
    let mut out: Vec<Range<usize>> = Vec::with_capacity(words.len());
    for word in words {
        let inside = keep
            .iter()
            .any(|k| k.start < word.start && word.start < k.end);
        match out.last_mut() {
            Some(last) if inside && measure(text[last.start..word.end].trim_end()) <= width => {
                last.end = word.end;
            }
            _ => out.push(word),
        }
    }
    out
}

fn is_rtl_script(c: char) -> bool {
    matches!(
        bidi_class(c),
        BidiClass::R | BidiClass::AL | BidiClass::NSM | BidiClass::BN
    )
}

/// An Arabic letter that takes part in cursive joining.
pub fn is_arabic_letter(c: char) -> bool {
    matches!(c, '\u{0620}'..='\u{064A}' | '\u{066E}'..='\u{06D3}' | '\u{06FA}'..='\u{06FC}')
        && c != '\u{0621}'
        && c != '\u{0640}'
}

/// Whether an Arabic letter connects to the letter after it (dual-joining); the right-joining
/// letters (ا د ذ ر ز و ة and their variants) never do.
pub fn joins_to_next(c: char) -> bool {
    is_arabic_letter(c)
        && !matches!(
            c,
            'ا' | 'أ' | 'إ' | 'آ' | 'ٱ' | 'د' | 'ذ' | 'ر' | 'ز' | 'ژ' | 'و' | 'ؤ' | 'ة'
        )
}

fn is_arabic_digit(c: char) -> bool {
    matches!(c, '\u{0660}'..='\u{0669}' | '\u{06F0}'..='\u{06F9}')
}

/// Split a run into the pieces it is drawn as, in visual order. `cuts` are extra byte offsets
/// (highlight boundaries) where a new piece must start; those inside a character are ignored.
pub fn pieces(text: &str, run: &Run, cuts: &[usize]) -> Vec<Piece> {
    let mut out: Vec<Piece> = Vec::new();
    let slice = &text[run.range.clone()];
    for (i, c) in slice.char_indices() {
        let at = run.range.start + i;
        let kind = if run.rtl {
            if is_rtl_script(c) {
                PieceKind::Script
            } else {
                PieceKind::ReversedNeutral
            }
        } else if is_arabic_digit(c) {
            PieceKind::PreReversedDigits
        } else {
            PieceKind::Ltr
        };
        let end = at + c.len_utf8();
        match out.last_mut() {
            Some(last) if last.kind == kind && !cuts.contains(&at) => last.range.end = end,
            _ => out.push(Piece {
                range: at..end,
                kind,
            }),
        }
    }
    if run.rtl {
        out.reverse();
    }
    out
}

/// The text to hand to the shaper for a piece (reversed and mirrored where needed).
pub fn piece_text<'a>(text: &'a str, piece: &Piece) -> Cow<'a, str> {
    let s = &text[piece.range.clone()];
    match piece.kind {
        PieceKind::Script | PieceKind::Ltr => Cow::Borrowed(s),
        PieceKind::ReversedNeutral => Cow::Owned(s.chars().rev().map(mirror).collect()),
        PieceKind::PreReversedDigits => Cow::Owned(s.chars().rev().collect()),
    }
}

/// The mirrored form of a paired punctuation mark, drawn in right-to-left text (UAX #9 L4).
pub fn mirror(c: char) -> char {
    match c {
        '(' => ')',
        ')' => '(',
        '[' => ']',
        ']' => '[',
        '{' => '}',
        '}' => '{',
        '<' => '>',
        '>' => '<',
        '«' => '»',
        '»' => '«',
        '‹' => '›',
        '›' => '‹',
        '⟨' => '⟩',
        '⟩' => '⟨',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One unit per char: enough to test breaking without fonts.
    fn chars(s: &str) -> f32 {
        s.chars().count() as f32
    }

    fn line_texts<'a>(text: &'a str, line: &[Run]) -> Vec<&'a str> {
        line.iter().map(|r| &text[r.range.clone()]).collect()
    }

    #[test]
    fn number_inside_arabic_stays_a_left_to_right_run_left_of_the_preceding_word() {
        let t = "وقع الهجوم عام 2019 في طرابلس";
        let lines = visual_lines(t, f32::INFINITY, chars);
        assert_eq!(lines.len(), 1);
        let runs = &lines[0];
        // Visual order, left to right: the end of the sentence first, then the number
        // (as written, LTR), then the beginning of the sentence.
        assert_eq!(
            line_texts(t, runs),
            vec![" في طرابلس", "2019", "وقع الهجوم عام "]
        );
        assert_eq!(
            runs.iter().map(|r| r.rtl).collect::<Vec<_>>(),
            [true, false, true]
        );
    }

    #[test]
    fn latin_word_inside_arabic_keeps_its_letters_in_order() {
        let t = "دخلت القوات Tripoli أمس";
        let runs = &visual_lines(t, f32::INFINITY, chars)[0];
        assert_eq!(line_texts(t, runs), vec![" أمس", "Tripoli", "دخلت القوات "]);
        assert!(!runs[1].rtl);
    }

    #[test]
    fn arabic_phrase_inside_english_is_one_rtl_run_in_place() {
        let t = "The city طرابلس الغرب was attacked";
        let runs = &visual_lines(t, f32::INFINITY, chars)[0];
        assert_eq!(
            line_texts(t, runs),
            vec!["The city ", "طرابلس الغرب", " was attacked"]
        );
        assert_eq!(
            runs.iter().map(|r| r.rtl).collect::<Vec<_>>(),
            [false, true, false]
        );
        assert!(!is_rtl(t));
        assert!(is_rtl("«الجيش» said"));
    }

    #[test]
    fn wrapped_arabic_paragraph_puts_the_first_logical_words_on_the_first_line() {
        let t = "أعلن الجيش الوطني الليبي سيطرته على مدينة درنة";
        let lines = visual_lines(t, 20.0, chars);
        assert!(lines.len() >= 3, "{lines:?}");
        let first: String = lines[0].iter().map(|r| &t[r.range.clone()]).collect();
        assert!(first.starts_with("أعلن الجيش"), "{first}");
        let last: String = lines
            .last()
            .unwrap()
            .iter()
            .map(|r| &t[r.range.clone()])
            .collect();
        assert!(last.ends_with("درنة"), "{last}");
        for line in &lines {
            let w: f32 = line.iter().map(|r| chars(&t[r.range.clone()])).sum();
            assert!(w <= 20.0, "line too wide: {line:?}");
        }
    }

    #[test]
    fn a_highlighted_date_is_not_split_over_two_lines() {
        let t = "وقال المتحدث إن الهجوم بدأ قبل 4 أبريل في الجنوب";
        let at = t.find("4 أبريل").expect("date");
        let date = at..at + "4 أبريل".len();
        // A width that ends the first line right after the date's "4".
        let w = chars(&t[..at + 1]);
        let split = visual_lines(t, w, chars);
        let ends_with_4 = |lines: &[Vec<Run>]| {
            lines
                .iter()
                .any(|l| l.iter().map(|r| r.range.end).max() == Some(at + 1))
        };
        assert!(
            ends_with_4(&split),
            "the test width splits the date: {split:?}"
        );
        let kept: Vec<Vec<Run>> = visual_lines_keeping(t, w, chars, std::slice::from_ref(&date))
            .into_iter()
            .map(|(_, l)| l)
            .collect();
        assert!(!ends_with_4(&kept), "{kept:?}");
        assert!(
            kept.iter().any(|l| {
                l.iter().map(|r| r.range.start).min() <= Some(date.start)
                    && l.iter().map(|r| r.range.end).max() >= Some(date.end)
            }),
            "one line holds the whole date: {kept:?}"
        );
        // A range wider than a line is broken as usual rather than overflowing.
        let whole = 0..t.len();
        let lines = visual_lines_keeping(t, w, chars, &[whole]);
        assert!(lines.len() >= 2);
    }

    #[test]
    fn paragraphs_and_blank_lines_are_kept() {
        let t = "سطر أول\n\nSecond line";
        let lines = visual_lines(t, f32::INFINITY, chars);
        assert_eq!(lines.len(), 3);
        assert!(lines[1].is_empty());
        assert!(lines[0][0].rtl && !lines[2][0].rtl);
    }

    #[test]
    fn brackets_in_rtl_runs_are_reversed_and_mirrored_but_arabic_letters_are_not() {
        let t = "قال (ماكرون) إن";
        let runs = &visual_lines(t, f32::INFINITY, chars)[0];
        assert_eq!(runs.len(), 1);
        let ps = pieces(t, &runs[0], &[]);
        let drawn: Vec<String> = ps.iter().map(|p| piece_text(t, p).into_owned()).collect();
        // Left to right on screen: "إن", " (" mirrored from ") ", "ماكرون", ") " from " (", "قال".
        assert_eq!(drawn, vec!["إن", " (", "ماكرون", ") ", "قال"]);
        assert_eq!(ps[0].kind, PieceKind::Script);
        assert_eq!(ps[1].kind, PieceKind::ReversedNeutral);
    }

    #[test]
    fn arabic_indic_digits_are_pre_reversed_for_the_shaper() {
        let t = "قتل ٤٣ شخصا";
        let runs = &visual_lines(t, f32::INFINITY, chars)[0];
        let digits = runs.iter().find(|r| !r.rtl).expect("digit run");
        assert_eq!(&t[digits.range.clone()], "٤٣");
        let ps = pieces(t, digits, &[]);
        assert_eq!(ps[0].kind, PieceKind::PreReversedDigits);
        assert_eq!(piece_text(t, &ps[0]), "٣٤");
    }

    #[test]
    fn highlight_cuts_split_pieces_without_changing_their_order() {
        let t = "سيطر الجيش على درنة";
        let run = Run {
            range: 0..t.len(),
            rtl: true,
        };
        let cut = t.find("على").unwrap();
        let ps = pieces(t, &run, &[cut]);
        let first_script = ps
            .iter()
            .find(|p| p.kind == PieceKind::Script)
            .map(|p| &t[p.range.clone()]);
        assert_eq!(first_script, Some("درنة"));
        assert!(ps.iter().any(|p| p.range.start == cut));
        // Every byte of the run is drawn exactly once.
        let total: usize = ps.iter().map(|p| p.range.len()).sum();
        assert_eq!(total, t.len());
    }

    #[test]
    fn crlf_line_ends_do_not_add_blank_lines() {
        let t = "سطر أول\r\nسطر ثان\r\n\r\nفقرة";
        let lines = visual_lines(t, f32::INFINITY, chars);
        let texts: Vec<String> = lines
            .iter()
            .map(|l| l.iter().map(|r| &t[r.range.clone()]).collect())
            .collect();
        assert_eq!(texts, vec!["سطر أول", "سطر ثان", "", "فقرة"]);
    }

    #[test]
    fn empty_and_whitespace_text_give_one_empty_line() {
        assert_eq!(visual_lines("", 100.0, chars), vec![Vec::<Run>::new()]);
        assert!(visual_lines("   ", 100.0, chars)[0].is_empty());
    }
}
