//! Sentences and clauses of a normalised text: sentence punctuation ends a sentence;
//! commas, joint words (ثم، فيما، بينما …) and a conjunction before a new verb end a clause.

use super::lexicon::{Cat, LexHit};

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

/// Split `text` (normalised) into clauses. `hits` are the lexicon hits in text order.
pub fn split(text: &str, hits: &[LexHit]) -> Vec<Clause> {
    let mut out = Vec::new();
    let (mut sentence, mut paragraph) = (0usize, 0usize);
    let mut start = 0usize;
    let mut has_trigger = false;
    let mut hi = 0usize;
    let push = |out: &mut Vec<Clause>, s: usize, e: usize, sentence: usize, paragraph: usize| {
        let seg = &text[s..e];
        let lead = seg.len() - seg.trim_start_matches(|c: char| !c.is_alphanumeric()).len();
        let trail = seg.len() - seg.trim_end_matches(|c: char| !c.is_alphanumeric()).len();
        if lead + trail < seg.len() {
            out.push(Clause {
                start: s + lead,
                end: e - trail,
                sentence,
                paragraph,
            });
        }
    };
    for (i, c) in text.char_indices() {
        // Hits that begin a word here may open a clause.
        while hi < hits.len() && hits[hi].word_start < i {
            hi += 1;
        }
        let mut k = hi;
        while k < hits.len() && hits[k].word_start == i {
            let h = hits[k];
            let split_here = match h.cat {
                Cat::Joint => true,
                Cat::Trigger(_) => h.conj && has_trigger,
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
        if is_sentence_end(text, i, c) {
            push(&mut out, start, i, sentence, paragraph);
            start = i + c.len_utf8();
            has_trigger = false;
            sentence += 1;
            if c == '\n' {
                paragraph += 1;
            }
        } else if c == ',' && has_trigger {
            // A comma ends a clause only after its verb: "بين قوات أ، وقوات ب" stays one.
            push(&mut out, start, i, sentence, paragraph);
            start = i + 1;
            has_trigger = false;
        }
    }
    push(&mut out, start, text.len(), sentence, paragraph);
    out
}
