//! Sentences and clauses of a normalised text: sentence punctuation ends a sentence;
//! commas, joint words (ثم، فيما، بينما …), a conjunction before a new verb, and a relative
//! pronoun or temporal subordinator before a trigger end a clause. Hard-wrapped lines are joined.

use super::lexicon::{Cat, LexHit};
use crate::normalize::is_alnum;

/// A clause as a span of the normalised text, with the sentence and paragraph it is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clause {
    pub start: usize,
    pub end: usize,
    pub sentence: usize,
    pub paragraph: usize,
}

fn is_sentence_end(text: &str, i: usize, c: char) -> bool {
    match c {
        '!' | '?' | ';' | '\n' => true,
        '.' => {
            // A decimal point (3.5) or an abbreviation dot inside a number is not an end.
            let prev = text[..i].chars().next_back();
            let next = text[i + 1..].chars().next();
            !(prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit()))
        }
        _ => false,
    }
}

/// Newlines that only wrap a long line inside a paragraph (a text hard-wrapped at a fixed
/// width): the line before is about as long as the widest ones and ends without sentence
/// punctuation, and the next line goes on with text. Such a newline is a space.
pub fn soft_newlines(text: &str) -> Vec<usize> {
    soft_newlines_in(text, &newlines(text))
}

/// Every newline's byte offset.
fn newlines(text: &str) -> Vec<usize> {
    // (memchr: a char pattern's search was a tenth of the clause split.)
    memchr::memchr_iter(b'\n', text.as_bytes()).collect()
}

/// [`soft_newlines`] with the newlines already found (the clause split needs them too).
fn soft_newlines_in(text: &str, newlines: &[usize]) -> Vec<usize> {
    // Fewer than three line ends cannot make three full lines.
    if newlines.len() < 3 {
        return Vec::new();
    }
    // Paragraphs set apart by blank lines (most articles): no line with text has text
    // right after it, so no width is counted and nothing is wrapped. Told from the
    // newlines' offsets alone, without a look at the lines.
    let apart = newlines.iter().enumerate().all(|(k, &pos)| {
        let empty = k
            .checked_sub(1)
            .map_or(pos == 0, |j| newlines[j] + 1 == pos);
        empty || newlines.get(k + 1).copied().unwrap_or(text.len()) == pos + 1
    });
    if apart {
        return Vec::new();
    }
    // (end byte, chars, next non-empty) of every line but the last.
    let mut lines: Vec<(usize, usize, bool)> = Vec::with_capacity(newlines.len());
    let mut start = 0;
    for (k, &pos) in newlines.iter().enumerate() {
        let l = &text[start..pos];
        let next_end = newlines.get(k + 1).copied().unwrap_or(text.len());
        let next = &text[pos + 1..next_end];
        start = pos + 1;
        let next_text = !next.trim().is_empty();
        // The width counts only where text follows (every use below asks for that), so
        // the lines before a blank one — most lines of most articles — are not counted.
        let n = if next_text {
            l.trim().chars().count()
        } else {
            0
        };
        // A line wider than any wrap width, with text after it: no wrapped text (most
        // articles, whose paragraphs are single long lines), so no need to go on.
        if next_text && n > 220 {
            return Vec::new();
        }
        lines.push((pos, n, next_text));
    }
    let width = lines.iter().filter(|l| l.2).map(|l| l.1).max().unwrap_or(0);
    // A wrap width is a screenful, not a paragraph; and one long line is no pattern.
    let full = lines
        .iter()
        .filter(|l| l.2 && l.1 * 10 >= width * 8)
        .count();
    if !(40..=220).contains(&width) || full < 3 {
        return Vec::new();
    }
    lines
        .iter()
        .filter(|&&(end, n, next)| {
            let ends_sentence = text[..end]
                .trim_end()
                .ends_with(['.', '!', '?', '؟', ':', '"', '»']);
            next && n * 10 >= width * 6 && !ends_sentence
        })
        .map(|l| l.0)
        .collect()
}

/// Does a trigger begin within four words after `end` ("منذ أن أطلق المشير حفتر هجوما")?
fn trigger_follows(text: &str, hits: &[LexHit], from: usize, end: usize) -> bool {
    hits[from..]
        .iter()
        .take_while(|h| h.word_start <= end + 80)
        .any(|h| {
            matches!(h.cat, Cat::Trigger(_))
                && h.word_start >= end
                && text.get(end..h.word_start).is_some_and(|g| {
                    // "منذ عام 2016 حصارا": a date after منذ is a time adverbial.
                    g.split_whitespace().count() <= 4 && !g.contains(|c: char| c.is_ascii_digit())
                })
        })
}

/// The ASCII marks that end a sentence or a clause (`! ? ; . ,` and newline), visited
/// in text order. They are ASCII, so never part of a longer character: a byte search
/// finds them without decoding the text or visiting its tokens.
struct Marks<'a> {
    /// Every mark's byte offset, and the first not before the last position asked for.
    at: &'a [usize],
    k: usize,
}

impl Marks<'_> {
    /// The first mark at or after `from` (asked for at increasing positions).
    fn next(&mut self, from: usize) -> Option<usize> {
        while self.at.get(self.k).is_some_and(|&m| m < from) {
            self.k += 1;
        }
        self.at.get(self.k).copied()
    }
}

/// Every mark of [`Marks`] in `text` into `marks`, and every newline into `newlines`, both
/// in text order: 32 bytes at a time tested at once (the compiler makes vector compares of
/// it), and only the marks found visited.
fn find_marks(text: &str, marks: &mut Vec<usize>, newlines: &mut Vec<usize>) {
    marks.clear();
    newlines.clear();
    let bytes = text.as_bytes();
    let mut chunks = bytes.chunks_exact(32);
    let mut base = 0;
    for c in &mut chunks {
        // A byte per position, 1 at a mark: vector compares.
        let mut f = [0u8; 32];
        for (x, &b) in f.iter_mut().zip(c) {
            *x = u8::from(is_mark(b));
        }
        // Eight 0/1 bytes times this constant gather into the top byte as eight bits:
        // one number of 32 bits for the block, and a loop over its set bits alone.
        let mut m = 0u32;
        for (q, w) in f.chunks_exact(8).enumerate() {
            let w = u64::from_le_bytes(w.try_into().unwrap_or([0; 8]));
            m |= ((w.wrapping_mul(0x0102_0408_1020_4080) >> 56) as u32) << (8 * q);
        }
        while m != 0 {
            let at = base + m.trailing_zeros() as usize;
            marks.push(at);
            if bytes[at] == b'\n' {
                newlines.push(at);
            }
            m &= m - 1;
        }
        base += 32;
    }
    for (j, &b) in chunks.remainder().iter().enumerate() {
        if is_mark(b) {
            marks.push(base + j);
            if b == b'\n' {
                newlines.push(base + j);
            }
        }
    }
}

/// One of the marks of [`Marks`] (compares, not a `match`: they vectorise).
#[inline(always)]
fn is_mark(b: u8) -> bool {
    (b == b',') | (b == b'.') | (b == b'!') | (b == b'?') | (b == b';') | (b == b'\n')
}

/// `split_in`'s working lists, kept between documents.
#[derive(Default)]
struct SplitScratch {
    marks: Vec<usize>,
    newlines: Vec<usize>,
}

thread_local! {
    static SPLIT_SCRATCH: std::cell::RefCell<SplitScratch> =
        std::cell::RefCell::new(SplitScratch::default());
}

/// Words an insert between two commas may have and still be an adverbial ("مساء أمس
/// الاثنين"، "في بيان مشترك").
const INSERT_WORDS: usize = 4;

/// The closing comma of a short adverbial insert opened by the comma at `open`: the next
/// mark (`next`, the first of [`Marks`] after `open`) is a comma within [`INSERT_WORDS`] words, no hit of `hits` (those after `open`,
/// in text order) that could open a clause or name an event lies between, and the insert
/// is a date expression of `dated` or a "في/عبر …" phrase ("في بيان"). A name set off by
/// commas ("الرئيس الفرنسي، إيمانويل ماكرون، بعد …") is no adverbial: the clause ends.
fn insert_close(
    text: &str,
    hits: &[LexHit],
    open: usize,
    next: Option<usize>,
    dated: &[(usize, usize)],
) -> Option<usize> {
    let rest = text.get(open + 1..)?;
    // Only the next few words matter: an insert is short.
    let mut n = rest.len().min(INSERT_WORDS * 24 + 8);
    while !rest.is_char_boundary(n) {
        n -= 1;
    }
    let close = next.filter(|&m| m < open + 1 + n)?;
    if text.as_bytes()[close] != b',' {
        return None;
    }
    let inner = &text[open + 1..close];
    let words = inner.split_whitespace().count();
    if words == 0 || words > INSERT_WORDS {
        return None;
    }
    let lead = inner.len() - inner.trim_start().len();
    let (a, b) = (open + 1 + lead, open + 1 + inner.trim_end().len());
    let i = dated.partition_point(|&(_, e)| e < b);
    let is_date = dated.get(i).is_some_and(|&(s, e)| s <= a && e >= b);
    let trimmed = inner.trim();
    let is_phrase = (trimmed.starts_with("في ") || trimmed.starts_with("عبر ")) && words <= 3;
    if !(is_date || is_phrase) {
        return None;
    }
    let opens = hits.iter().take_while(|h| h.word_start < close).any(|h| {
        h.word_start > open
            && matches!(
                h.cat,
                Cat::Trigger(_) | Cat::Joint | Cat::Relative | Cat::Subordinator
            )
    });
    (!opens).then_some(close)
}

/// Bytes after which a comma ends a sentence that has no full stop (~300 Arabic words;
/// news sentences are far shorter).
const MAX_SENTENCE: usize = 3000;

/// Split `text` (normalised) into clauses. `hits` are the lexicon hits in text order.
pub fn split(text: &str, hits: &[LexHit]) -> Vec<Clause> {
    split_in(text, hits, &[])
}

/// [`split`] with the spans (normalised, in text order) of the text's date expressions:
/// a date set off by commas after a verb stays in the verb's clause.
pub fn split_in(text: &str, hits: &[LexHit], dated: &[(usize, usize)]) -> Vec<Clause> {
    let mut scratch = SPLIT_SCRATCH.with(|s| std::mem::take(&mut *s.borrow_mut()));
    find_marks(text, &mut scratch.marks, &mut scratch.newlines);
    let out = split_marked(text, hits, dated, &scratch.marks, &scratch.newlines);
    SPLIT_SCRATCH.with(|s| *s.borrow_mut() = scratch);
    out
}

/// [`split_in`] with the marks and newlines of `text` found.
fn split_marked(
    text: &str,
    hits: &[LexHit],
    dated: &[(usize, usize)],
    marks: &[usize],
    newlines: &[usize],
) -> Vec<Clause> {
    let soft = soft_newlines_in(text, newlines);
    // A clause ends at a mark, at a hit, or at the end: room for all, grown never.
    let mut out = Vec::with_capacity(marks.len() + hits.len() + 1);
    let (mut sentence, mut paragraph) = (0usize, 0usize);
    let mut start = 0usize;
    let mut sentence_start = 0usize;
    let mut has_trigger = false;
    let push = |out: &mut Vec<Clause>, s: usize, e: usize, sentence: usize, paragraph: usize| {
        let seg = &text[s..e];
        // (What `trim_start_matches` / `trim_end_matches` of non-alphanumerics give, by a
        // walk that stops at the first letter: a call each per clause was a tenth of
        // the split.)
        let lead = seg
            .char_indices()
            .find(|&(_, c)| is_alnum(c))
            .map_or(seg.len(), |(i, _)| i);
        let trail = seg
            .char_indices()
            .rev()
            .find(|&(_, c)| is_alnum(c))
            .map_or(seg.len(), |(i, c)| seg.len() - i - c.len_utf8());
        if lead + trail < seg.len() {
            out.push(Clause {
                start: s + lead,
                end: e - trail,
                sentence,
                paragraph,
            });
        }
    };
    // Only two kinds of position matter: where a hit begins a word, and the ASCII marks
    // that end a sentence or a clause. Both are visited in text order without decoding
    // the text in between.
    let bytes = text.as_bytes();
    let mut marks = Marks { at: marks, k: 0 };
    let mut mark = marks.next(0);
    let mut k = 0usize;
    // The closing comma of a short insert (see `insert_close`) ends nothing.
    let mut insert_end = 0usize;
    loop {
        let hit_at = hits
            .get(k)
            .map(|h| h.word_start)
            .filter(|&w| w < text.len());
        let i = match (hit_at, mark) {
            (None, None) => break,
            (Some(h), Some(m)) => h.min(m),
            (Some(h), None) => h,
            (None, Some(m)) => m,
        };
        // Hits that begin a word here may open a clause.
        while k < hits.len() && hits[k].word_start == i {
            let h = hits[k];
            let split_here = match h.cat {
                Cat::Joint => true,
                Cat::Trigger(_) => h.conj && has_trigger,
                Cat::Relative | Cat::Subordinator | Cat::Simultaneous => {
                    trigger_follows(text, hits, k + 1, h.end)
                }
                _ => false,
            };
            if split_here && i > start {
                push(&mut out, start, i, sentence, paragraph);
                start = i;
                has_trigger = false;
            }
            if matches!(h.cat, Cat::Trigger(_)) {
                has_trigger = true;
            }
            k += 1;
        }
        if mark != Some(i) {
            continue;
        }
        mark = marks.next(i + 1);
        let c = char::from(bytes[i]);
        if is_sentence_end(text, i, c) && !(c == '\n' && soft.binary_search(&i).is_ok()) {
            push(&mut out, start, i, sentence, paragraph);
            start = i + c.len_utf8();
            has_trigger = false;
            sentence += 1;
            sentence_start = start;
            if c == '\n' {
                paragraph += 1;
            }
        } else if c == ',' && i - sentence_start > MAX_SENTENCE {
            // Text without full stops (a scraped list, a run-on dump) would make one
            // sentence of the whole file, and the per-sentence searches quadratic: past
            // a few hundred words, a comma ends the sentence.
            push(&mut out, start, i, sentence, paragraph);
            start = i + 1;
            has_trigger = false;
            sentence += 1;
            sentence_start = start;
        } else if c == ',' && has_trigger && i >= insert_end {
            // A short insert set off by two commas right after the verb ("أعلنت قوات
            // X، مساء الاثنين، سيطرتها على …", "قالت الوزارة، في بيان، إن …") is an
            // adverbial of that clause: the clause goes on past it to the verb's object.
            if let Some(close) = insert_close(text, &hits[k..], i, mark, dated) {
                insert_end = close + 1;
                continue;
            }
            // A comma ends a clause only after its verb: "بين قوات أ، وقوات ب" stays one.
            push(&mut out, start, i, sentence, paragraph);
            start = i + 1;
            has_trigger = false;
        }
    }
    push(&mut out, start, text.len(), sentence, paragraph);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hard_wrapped_paragraph_is_one_sentence() {
        let line = "كلمة ".repeat(12);
        let text = format!("{line}\n{line}\n{line}\n{line}\nآخر.\n\nعنوان قصير\nنص");
        let soft = soft_newlines(&text);
        assert_eq!(soft.len(), 4, "the four wrapped lines");
        let short = "عنوان قصير\nنص طويل جدا هنا.\n";
        assert!(soft_newlines(short).is_empty());
    }

    #[test]
    fn paragraphs_set_apart_by_blank_lines_are_not_wrapped() {
        let line = "كلمة ".repeat(12);
        let apart = format!("{line}\n\n{line}\n\n{line}\n\n{line}\n");
        assert!(soft_newlines(&apart).is_empty());
        // The same lines without the blank ones are a wrapped paragraph.
        let wrapped = format!("{line}\n{line}\n{line}\n{line}\nآخر.");
        assert_eq!(soft_newlines(&wrapped).len(), 4);
    }

    #[test]
    fn every_mark_is_found_in_and_between_the_blocks_of_the_search() {
        // Marks at block edges (31, 32, 63, 64) and in the tail after the last whole block.
        let mut text = "قالت المصادر إن القوات وصلت".to_string();
        for mark in [",", ".", "!", "?", ";", "\n", "، ", "؟"] {
            text.push_str(mark);
            text.push_str(&"ب".repeat(text.len() % 7 + 1));
        }
        for pad in 0..70 {
            let t = format!("{}{text}x.", " ".repeat(pad));
            let want: Vec<usize> = t
                .bytes()
                .enumerate()
                .filter(|&(_, b)| is_mark(b))
                .map(|(i, _)| i)
                .collect();
            let (mut marks, mut newlines) = (Vec::new(), Vec::new());
            find_marks(&t, &mut marks, &mut newlines);
            assert_eq!(marks, want, "padded by {pad}");
            assert_eq!(
                newlines,
                t.match_indices('\n').map(|m| m.0).collect::<Vec<_>>()
            );
        }
    }

    #[test]
    fn text_without_full_stops_is_cut_into_sentences_at_commas() {
        let text = "وصلت القافلة إلى المدينة, ".repeat(400);
        let clauses = split(&text, &[]);
        let sentences = clauses.iter().map(|c| c.sentence).max().unwrap_or(0) + 1;
        assert!(sentences > 1, "one run-on sentence of {} bytes", text.len());
        // Each sentence stays around the cap, not the whole text.
        let mut start = vec![usize::MAX; sentences];
        let mut end = vec![0; sentences];
        for c in &clauses {
            start[c.sentence] = start[c.sentence].min(c.start);
            end[c.sentence] = end[c.sentence].max(c.end);
        }
        assert!(
            start
                .iter()
                .zip(&end)
                .all(|(s, e)| e - s <= MAX_SENTENCE + 100)
        );
        // A normal sentence is untouched.
        let short = split("وصلت القافلة, ثم عادت.", &[]);
        assert!(short.iter().all(|c| c.sentence == 0));
    }
}
