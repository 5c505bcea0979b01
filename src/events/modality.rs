//! Modality of an event from cue words around its trigger: negated (لم، نفى …), planned
//! (من المقرر، سـ …), hypothetical (قد يـ، إذا …), reported (a side's claim of success).

use super::SentHits;
use super::lexicon::{Cat, LexHit, Lexicon};
use crate::model::Modality;

/// Are there fewer than `n` words between two normalised offsets (spaces crossed)? Only
/// the first `n` are counted: a gap may be the rest of a long sentence.
fn fewer_words(text: &str, a: usize, b: usize, n: usize) -> bool {
    if b <= a {
        return n > 0;
    }
    text.get(a..b)
        .is_some_and(|s| s.split_whitespace().take(n).count() < n)
}

/// Does the word right after `end` look like an imperfect verb (يـ، تـ، نـ)? A word in
/// تـ or نـ that ends like a perfect (ـت of "she", ـوا of "they": «قد نددت»، «قد تقدموا»)
/// is a past deed, not a possible one; after قد the imperfect plural ends in ـون.
fn next_word_imperfect(text: &str, end: usize) -> bool {
    let rest = text.get(end..).unwrap_or("").trim_start();
    let word = rest
        .split(|c: char| !crate::normalize::is_letter(c))
        .next()
        .unwrap_or("");
    // تمّ / تمّت ("وقد تمت السيطرة"): the commonest perfect after قد, too short to tell by
    // its ending.
    if matches!(word, "تم" | "تمت") {
        return false;
    }
    match word.chars().next() {
        Some('ي') => true,
        Some('ت' | 'ن') => {
            !(word.chars().count() >= 4 && (word.ends_with('ت') || word.ends_with("وا")))
        }
        _ => false,
    }
}

/// Does the (normalised) stretch between a cue and its trigger name a cause ("لم تتمكن
/// الفرق من الوصول بسبب استمرار القتال")? What a cause names is taken as true: the
/// negation before it stops there.
fn names_a_cause(gap: &str) -> bool {
    gap.split_whitespace().any(|w| {
        let w = w.strip_prefix('و').filter(|r| r.len() > 4).unwrap_or(w);
        matches!(w, "بسبب" | "جراء" | "نتيجه" | "بفعل" | "اثر")
    })
}

/// The modality of an event whose trigger is `trig`, in the clause `[cs, ce)` of the
/// sentence `[ss, se)` (all normalised offsets).
pub(crate) fn of(
    lex: &Lexicon,
    text: &str,
    hits: SentHits<'_, '_>,
    trig: &LexHit,
    kind: u8,
    clause: (usize, usize),
    sentence: (usize, usize),
) -> Modality {
    let (cs, ce) = clause;
    let (ss, se) = sentence;
    let in_clause = |h: &&LexHit| h.word_start >= cs && h.end <= ce;
    // A cue reaches its trigger within the window and never across a comma ("دون
    // مقاومة، بعد انسحاب …" negates the resistance, not the withdrawal).
    let before_trig = |h: &&LexHit| {
        h.end <= trig.word_start
            && fewer_words(text, h.end, trig.word_start, lex.window)
            && !text
                .get(h.end..trig.word_start)
                .is_some_and(|g| g.contains([',', '،']) || names_a_cause(g))
    };
    // (Walked per negation word, not collected: both are rare.)
    let not_neg = hits.of(Cat::NotNegated);
    let negated = hits
        .of(Cat::Negated)
        .iter()
        .filter(in_clause)
        .filter(before_trig)
        .any(|h| {
            !not_neg
                .iter()
                .filter(in_clause)
                .any(|n| n.word_start <= h.word_start && h.end <= n.end)
        });
    // A definite noun trigger followed closely by its own negated verb ("المحادثات
    // المباشرة بين الطرفين لم تبدأ بعد"): the event named has not happened.
    let definite = text
        .get(trig.word_start..trig.end)
        .is_some_and(|w| w.starts_with("ال") || w.get(1..).is_some_and(|r| r.starts_with("ال")));
    let negated_after = definite
        && hits.of(Cat::Negated).iter().filter(in_clause).any(|h| {
            h.word_start == h.start
                && h.word_start >= trig.end
                && fewer_words(text, trig.end, h.word_start, 4)
        });
    // "لم تتمكن القوات حتى الآن من استعادة …", "فشلت في اقتحام …": a failed or impossible
    // deed, however many words (subject, adverbs) stand between the verb and the deed,
    // as long as no comma ends the clause in between.
    let no_comma_to_trig = |h: &LexHit| {
        h.end <= trig.word_start
            && !text
                .get(h.end..trig.word_start)
                .is_some_and(|g| g.contains([',', '،']) || names_a_cause(g))
    };
    let unable = hits
        .of(Cat::Inability)
        .iter()
        .filter(in_clause)
        .any(&no_comma_to_trig)
        || hits.of(Cat::Ability).iter().filter(in_clause).any(|h| {
            no_comma_to_trig(h)
                && hits
                    .of(Cat::Negated)
                    .iter()
                    .filter(in_clause)
                    .any(|n| n.end <= h.word_start && fewer_words(text, n.end, h.word_start, 1))
        });
    if negated || negated_after || unable {
        return Modality::Negated;
    }
    let hypothetical = hits
        .of(Cat::Hypothetical)
        .iter()
        .filter(in_clause)
        .any(|h| before_trig(&h))
        || hits
            .of(Cat::BeforeImperfect)
            .iter()
            .filter(in_clause)
            .filter(before_trig)
            // "لقد تقدم" is an emphatic past, not "قد يتقدم".
            .any(|h| {
                text.get(h.word_start..h.start) != Some("ل") && next_word_imperfect(text, h.end)
            });
    // A likelihood or opinion verb governs the complement clause it introduces.
    let in_sentence = |h: &&LexHit| h.word_start >= ss && h.end <= se;
    let hypothetical_far = || {
        // The complementizer nearest the trigger must follow the cue directly: the cue
        // governs that clause, not a later one ("لا سيما أن …").
        let Some(comp) = hits
            .of(Cat::Complementizer)
            .iter()
            .rfind(|k| in_sentence(k) && k.end <= trig.word_start)
        else {
            return false;
        };
        hits.of(Cat::Hypothetical)
            .iter()
            .filter(in_sentence)
            .filter(|h| h.end <= comp.word_start)
            .any(|h| fewer_words(text, h.end, comp.word_start, 3))
    };
    // What a warning says might happen: a warning word, then a complementizer, then the
    // trigger, within the sentence and before any comma. A definite noun ("محذرا من أن
    // الهجوم يهدد الصادرات") names a known event: what is feared is its consequence.
    let warned = || {
        !definite
            && hits
                .of(Cat::Warning)
                .iter()
                .filter(|h| in_sentence(h) && h.end <= trig.word_start)
                .any(|w| {
                    !text
                        .get(w.end..trig.word_start)
                        .is_some_and(|g| g.contains([',', '،']))
                        && hits
                            .of(Cat::Complementizer)
                            .iter()
                            .any(|k| k.word_start >= w.end && k.end <= trig.word_start)
                })
    };
    if hypothetical || hypothetical_far() || warned() {
        return Modality::Hypothetical;
    }
    // ل + masdar of a meeting, talks or a decision ("للقاء"، "لبحث") is its purpose: not
    // yet done. (Not for fighting words: "تعرض للهجوم" is an attack suffered.)
    let purpose_planned = trig.purpose && lex.purpose_planned.contains(&kind);
    let planned =
        trig.future || purpose_planned || hits.of(Cat::Planned).iter().any(|h| in_clause(&h));
    if planned {
        return Modality::Planned;
    }
    let in_sentence_before = |h: &&LexHit| h.word_start >= ss && h.end <= se && h.end <= trig.start;
    let claimed = hits.of(Cat::Claim).iter().any(|h| in_sentence_before(&h));
    let reported_type = lex.reported_types.contains(&kind);
    let reported = reported_type
        && hits
            .of(Cat::Reporting)
            .iter()
            .any(|h| h.word_start >= ss && h.end <= se);
    if claimed || reported {
        return Modality::Reported;
    }
    Modality::Asserted
}
