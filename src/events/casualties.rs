//! Casualty figures: a killed / injured / displaced word and the number next to it
//! (digits, Arabic-Indic digits after normalisation, or number words: "سبعمئة"، "ثلاثة آلاف").

use std::borrow::Cow;

use super::lexicon::{Cat, LexHit, Lexicon};
use crate::model::Casualties;
use crate::normalize::{TokKind, Token, tokenize};

/// At most this many filler words between a number and its casualty word.
const MAX_GAP: usize = 4;

/// The value of a single number word, with a leading conjunction و allowed.
fn word_value(lex: &Lexicon, w: &str) -> Option<(u64, bool)> {
    let lookup = |w: &str| {
        lex.numbers
            .get(w)
            .map(|v| (*v, false))
            .or_else(|| lex.multipliers.get(w).map(|v| (*v, true)))
    };
    lookup(w).or_else(|| w.strip_prefix('و').and_then(lookup))
}

fn is_numberish(lex: &Lexicon, text: &str, t: &Token) -> bool {
    match t.kind {
        TokKind::Number => true,
        TokKind::Word => word_value(lex, t.text(text)).is_some(),
        _ => false,
    }
}

/// Is `toks[k]` a digit-group separator: a lone . , or ٬ right between a number and
/// three more digits ("70.000")? A decimal point before one or two digits is not.
fn is_group(text: &str, toks: &[Token], k: usize) -> bool {
    let (Some(p), Some(n), Some(prev)) = (toks.get(k), toks.get(k + 1), k.checked_sub(1)) else {
        return false;
    };
    p.kind == TokKind::Punct
        && matches!(p.text(text), "." | "," | "٬")
        && toks[prev].kind == TokKind::Number
        && toks[prev].end == p.start
        && n.kind == TokKind::Number
        && n.start == p.end
        && n.end - n.start == 3
}

/// Parse the number that starts at token `i`: digits or a run of number words.
fn parse_at(lex: &Lexicon, text: &str, toks: &[Token], i: usize) -> Option<(u64, usize)> {
    let (mut total, mut cur, mut j, mut any) = (0u64, 0u64, i, false);
    // Two-word numbers are spelled on the stack (a string per call was an allocation).
    let mut buf = [0u8; 96];
    while let Some(t) = toks.get(j) {
        match t.kind {
            TokKind::Number if !any || cur == 0 => {
                cur = t.text(text).parse::<u64>().ok()?;
                any = true;
                // Digit groups: "70.000", "2,467", "٧٠٬٠٠٠" are one number.
                while is_group(text, toks, j + 1) {
                    let n = &toks[j + 2];
                    cur = cur
                        .saturating_mul(1000)
                        .saturating_add(n.text(text).parse::<u64>().ok()?);
                    j += 2;
                }
            }
            TokKind::Word => {
                // Two-word numbers (احد عشر) first, spelled in a reused buffer.
                let two_value = toks.get(j + 1).and_then(|n| {
                    let (a, b) = (t.text(text).as_bytes(), n.text(text).as_bytes());
                    let len = a.len() + 1 + b.len();
                    if len > buf.len() {
                        return lex.numbers.get(&[t.text(text), n.text(text)].join(" "));
                    }
                    buf[..a.len()].copy_from_slice(a);
                    buf[a.len()] = b' ';
                    buf[a.len() + 1..len].copy_from_slice(b);
                    let two = std::str::from_utf8(&buf[..len]).ok()?;
                    lex.numbers.get(two)
                });
                if let Some(v) = two_value {
                    cur += v;
                    j += 2;
                    any = true;
                    continue;
                }
                match word_value(lex, t.text(text)) {
                    Some((v, false)) => cur += v,
                    Some((m, true)) => {
                        cur = cur.max(1).saturating_mul(m);
                        if m >= 1000 {
                            total = total.saturating_add(cur);
                            cur = 0;
                        }
                    }
                    None => break,
                }
                any = true;
            }
            _ => break,
        }
        j += 1;
    }
    any.then_some((total.saturating_add(cur), j))
}

/// The tokens of `start..end` as a slice of the whole text's, when no token crosses
/// its edges (then they are exactly what tokenizing the span would give: a token's kind
/// depends only on its own characters). Clauses end at word edges, so nearly always.
fn tokens_within(tokens: &[Token], start: usize, end: usize) -> Option<&[Token]> {
    let lo = tokens.partition_point(|t| t.end <= start);
    let hi = tokens.partition_point(|t| t.start < end).max(lo);
    let cut_start = tokens.get(lo).is_some_and(|t| t.start < start);
    let cut_end = hi > lo && tokens[hi - 1].end > end;
    (!cut_start && !cut_end).then(|| &tokens[lo..hi])
}

/// Casualty figures of one clause (`[start, end)` of the normalised text). `excluded`
/// are normalised spans whose numbers are dates, not tolls.
/// `tokens` are those of the whole text (`Normalized::tokens`).
pub fn find(
    lex: &Lexicon,
    text: &str,
    tokens: &[Token],
    (start, end): (usize, usize),
    hits: &[LexHit],
    excluded: &[(usize, usize)],
) -> Casualties {
    let mut out = Casualties::default();
    // Walked twice rather than collected (most clauses have none: then nothing more).
    let words = || {
        hits.iter()
            .filter(|h| h.start >= start && h.end <= end)
            .filter(|h| matches!(h.cat, Cat::Killed | Cat::Injured | Cat::Displaced))
    };
    if words().next().is_none() {
        return out;
    }
    let toks: Cow<'_, [Token]> = match tokens_within(tokens, start, end) {
        Some(t) => Cow::Borrowed(t),
        None => {
            let seg = &text[start..end];
            tokenize(seg)
                .into_iter()
                .map(|t| Token {
                    start: t.start + start,
                    end: t.end + start,
                    kind: t.kind,
                })
                .collect()
        }
    };
    let in_excluded = |t: &Token| excluded.iter().any(|&(s, e)| t.start < e && s < t.end);
    let mut used: Vec<usize> = Vec::new();
    for h in words() {
        let Some(wi) = toks
            .iter()
            .position(|t| t.start <= h.start && h.start < t.end)
        else {
            continue;
        };
        let we = toks
            .iter()
            .rposition(|t| t.start < h.end)
            .unwrap_or(wi)
            .max(wi);
        let filler = |t: &Token| {
            t.kind == TokKind::Word
                && lex.fillers.contains(t.text(text))
                && !is_numberish(lex, text, t)
        };
        let other_word = |ti: usize| {
            hits.iter().any(|o| {
                matches!(o.cat, Cat::Killed | Cat::Injured | Cat::Displaced)
                    && toks[ti].start <= o.start
                    && o.start < toks[ti].end
            })
        };
        // After the word: skip fillers, then a number.
        let mut after: Option<(usize, u64, usize)> = None;
        let mut j = we + 1;
        let mut gap = 0;
        // "إلى" before the number ("ارتفع عدد القتلى إلى 47"): then what follows the number
        // must be a count noun or nothing ("نقل الجرحى إلى 3 مستشفيات" counts hospitals).
        let mut via_to = false;
        while j < toks.len() && gap <= MAX_GAP {
            let t = &toks[j];
            if is_numberish(lex, text, t) && !in_excluded(t) && !used.contains(&j) {
                if let Some((v, next)) = parse_at(lex, text, &toks, j) {
                    let counts_people = !via_to
                        || toks.get(next).is_none_or(|n| {
                            n.kind != TokKind::Word || filler(n) || other_word(next)
                        });
                    if counts_people {
                        after = Some((gap, v, j));
                    }
                }
                break;
            }
            if t.kind == TokKind::Word && t.text(text) == "الي" {
                via_to = true;
            }
            // "قتل في المعارك أكثر من 700": a one-word phrase of the scene between the
            // verb and its number is passed over, as one filler.
            if t.kind == TokKind::Word
                && lex.scene_preps.contains(t.text(text))
                && toks.get(j + 1).is_some_and(|n| {
                    n.kind == TokKind::Word && !is_numberish(lex, text, n) && !other_word(j + 1)
                })
            {
                gap += 1;
                j += 2;
                continue;
            }
            if !filler(t) || other_word(j) {
                break;
            }
            gap += 1;
            j += 1;
        }
        // Before the word: skip fillers back, then the number run that ends there.
        let mut before: Option<(usize, u64, usize)> = None;
        let mut j = wi;
        let mut gap = 0;
        while j > 0 && gap <= MAX_GAP {
            j -= 1;
            let t = &toks[j];
            if is_numberish(lex, text, t) && !in_excluded(t) && !used.contains(&j) {
                let mut s = j;
                loop {
                    if s >= 2 && is_group(text, &toks, s - 1) {
                        s -= 2;
                    } else if s > 0 && is_numberish(lex, text, &toks[s - 1]) {
                        s -= 1;
                    } else {
                        break;
                    }
                }
                if let Some((v, _)) = parse_at(lex, text, &toks, s) {
                    before = Some((gap, v, j));
                }
                break;
            }
            if !filler(t) || other_word(j) {
                break;
            }
            gap += 1;
        }
        let pick = match (after, before) {
            (Some(a), Some(b)) => Some(if b.0 < a.0 { b } else { a }),
            (a, b) => a.or(b),
        };
        let Some((_, v, ti)) = pick else {
            continue;
        };
        used.push(ti);
        let v = u32::try_from(v).unwrap_or(u32::MAX);
        let slot = match h.cat {
            Cat::Killed => &mut out.killed,
            Cat::Injured => &mut out.injured,
            _ => &mut out.displaced,
        };
        if slot.is_none() {
            *slot = Some(v);
        }
    }
    out
}
