//! Events: clauses, triggers, actors and places, dates, modality, casualties, control.
//! One pure pass per document over the pack's lexicon hits and gazetteer scan.

pub mod casualties;
pub mod clause;
pub mod dates;
pub mod lexicon;
pub mod merge;
pub mod modality;

pub use lexicon::Lexicon;
pub use merge::merge;

use std::collections::HashMap;

use crate::corpus::SourceDoc;
use crate::gazetteer::{ActorMention, PlaceMention};
use crate::model::{
    Casualties, ControlClaim, ControlState, DateSource, Dct, Event, Modality, Timex,
};
use crate::normalize::Normalized;
use crate::pack::Pack;
use dates::EventDate;
use lexicon::{Cat, LexHit};

/// Types whose clause says something happened at a place, so a clause without a place
/// takes the place of the scene (the last such event of the paragraph).
const SCENE_TYPES: &[&str] = &[
    "offensive",
    "armed_clash",
    "attack_repelled",
    "territory_taken",
    "withdrawal",
    "siege",
    "air_strike",
    "casualties",
];

/// Types whose events make a place contested (events.md control rule 2).
const CONTEST_TYPES: &[&str] = &["offensive", "siege", "armed_clash", "attack_repelled"];

fn overlaps(a: (usize, usize), b: (usize, usize)) -> bool {
    a.0 < b.1 && b.0 < a.1
}

/// Find the events of one document.
pub fn extract(
    doc: &SourceDoc,
    norm: &Normalized,
    pack: &Pack,
    dct: &Dct,
    timex: &[Timex],
) -> Vec<Event> {
    let lex = pack.events_lexicon();
    if lex.types.is_empty() {
        return Vec::new();
    }
    let text = &norm.text;
    let hits = lex.find(text);
    let scan = crate::gazetteer::scan(doc, norm, pack);
    // Gazetteer spans are original offsets; lexicon hits are normalised ones.
    let orig = |s: usize, e: usize| norm.orig_span(s, e);
    let name_spans: Vec<(usize, usize)> = scan
        .places
        .iter()
        .map(|p| (p.start, p.end))
        .chain(scan.actors.iter().map(|a| (a.start, a.end)))
        .collect();
    // A trigger inside a name ("عين زارة", "بركان الغضب") is part of the name.
    let hits: Vec<LexHit> = hits
        .into_iter()
        .filter(|h| {
            !matches!(h.cat, Cat::Trigger(_))
                || !name_spans
                    .iter()
                    .any(|&n| overlaps(orig(h.start, h.end), n))
        })
        .collect();
    let clauses = clause::split(text, &hits);
    let statement = lex.type_index("statement");
    let casualties_t = lex.type_index("casualties");

    // Sentence spans (normalised), for date and modality lookups.
    let mut sentences: Vec<(usize, usize)> = Vec::new();
    for c in &clauses {
        if c.sentence >= sentences.len() {
            sentences.resize(c.sentence + 1, (c.start, c.end));
        }
        let s = &mut sentences[c.sentence];
        s.0 = s.0.min(c.start);
        s.1 = s.1.max(c.end);
    }

    let usable_timex: Vec<(&Timex, EventDate)> = timex
        .iter()
        .filter_map(|t| dates::of_timex(t).map(|d| (t, d)))
        .collect();
    let timex_orig: Vec<(usize, usize)> = timex.iter().map(|t| (t.start, t.end)).collect();

    let mut events: Vec<Event> = Vec::new();
    let mut held: HashMap<String, String> = HashMap::new();
    let mut scene: Option<(usize, Vec<String>)> = None;
    // The date of the previous sentence (from a timex or itself inherited).
    let mut prev_sentence_date: Option<(usize, EventDate)> = None;
    let mut cur_sentence_date: Option<(usize, EventDate)> = None;

    for c in &clauses {
        if cur_sentence_date
            .as_ref()
            .is_some_and(|(s, _)| *s != c.sentence)
        {
            prev_sentence_date = cur_sentence_date.take();
        }
        let (os, oe) = orig(c.start, c.end);
        let sent = sentences
            .get(c.sentence)
            .copied()
            .unwrap_or((c.start, c.end));
        let (ss, se) = orig(sent.0, sent.1);
        let trig_hits: Vec<&LexHit> = hits
            .iter()
            .filter(|h| h.word_start >= c.start && h.end <= c.end)
            .filter(|h| matches!(h.cat, Cat::Trigger(_)))
            .collect();
        let mut cas = casualties::find(lex, text, c.start, c.end, &hits, &[]);
        // Numbers inside a date expression are dates, not tolls.
        if !timex_orig.is_empty() && cas != Casualties::default() {
            cas = casualties_without_dates(lex, text, c, &hits, norm, &timex_orig);
        }
        let has_cas = cas != Casualties::default();
        let best = trig_hits.iter().min_by_key(|h| match h.cat {
            Cat::Trigger(t) => (t, h.start),
            _ => (u8::MAX, h.start),
        });
        let (kind_idx, trig) = match best {
            Some(h) => {
                let Cat::Trigger(t) = h.cat else { continue };
                if has_cas && Some(t) == statement {
                    (casualties_t.unwrap_or(u8::MAX), **h)
                } else {
                    (t, **h)
                }
            }
            None if has_cas => {
                let t = casualties_t.unwrap_or(u8::MAX);
                let Some(h) = hits.iter().find(|h| {
                    h.word_start >= c.start
                        && h.end <= c.end
                        && matches!(h.cat, Cat::Killed | Cat::Injured | Cat::Displaced)
                }) else {
                    continue;
                };
                (t, *h)
            }
            None => continue,
        };
        let kind = lex
            .types
            .get(kind_idx as usize)
            .cloned()
            .unwrap_or_else(|| "casualties".into());

        // Places and actors of the clause.
        let clause_places = places_in(&doc.text, &hits, &scan.places, (os, oe), norm);
        let clause_actors: Vec<&ActorMention> = scan
            .actors
            .iter()
            .filter(|a| a.start >= os && a.end <= oe)
            .collect();
        let sentence_actors: Vec<&ActorMention> = scan
            .actors
            .iter()
            .filter(|a| a.start >= ss && a.end <= se)
            .collect();
        let actors_src = if clause_actors.is_empty() {
            &sentence_actors
        } else {
            &clause_actors
        };
        let actors = actor_ids(pack, actors_src);
        if Some(kind_idx) == statement && actors.is_empty() {
            // "a source said" with nobody named is no event worth a row.
            continue;
        }
        let mut places = clause_places.clone();
        if places.is_empty() {
            places = places_in(&doc.text, &hits, &scan.places, (ss, se), norm);
        }
        let is_scene_type = SCENE_TYPES.contains(&kind.as_str());
        if places.is_empty()
            && is_scene_type
            && let Some((p, sp)) = &scene
            && (*p == c.paragraph || c.paragraph == p + 1)
        {
            places = sp.clone();
        }
        if is_scene_type && !places.is_empty() {
            scene = Some((c.paragraph, places.clone()));
        }

        // Date: the nearest timex in the clause, else in the sentence, else inherited
        // from the previous sentence, else the article's own date.
        let (to, te) = orig(trig.start, trig.end);
        let near = |lo: usize, hi: usize| {
            usable_timex
                .iter()
                .filter(|(t, _)| t.start >= lo && t.end <= hi)
                .min_by_key(|(t, _)| {
                    if t.end <= to {
                        to - t.end
                    } else {
                        t.start.saturating_sub(te)
                    }
                })
                .map(|(_, d)| d.clone())
        };
        let (date, source) = match near(os, oe).or_else(|| near(ss, se)) {
            Some(d) => (d, DateSource::Timex),
            None => match cur_sentence_date
                .as_ref()
                .or(prev_sentence_date.as_ref())
                .filter(|(s, _)| *s + 1 >= c.sentence)
            {
                Some((_, d)) => (d.clone(), DateSource::Inherited),
                None => (dates::of_dct(dct), DateSource::Dct),
            },
        };
        if source != DateSource::Dct {
            cur_sentence_date = Some((c.sentence, date.clone()));
        }

        let modality = modality::of(lex, text, &hits, &trig, (c.start, c.end), sent);
        let control = control_claim(pack, &kind, modality, &places, &clause_actors, &held);
        if let Some(cl) = &control
            && cl.state == ControlState::Held
            && let Some(h) = &cl.holder
        {
            held.insert(cl.place.clone(), h.clone());
        }
        let n = events.len() + 1;
        events.push(Event {
            id: format!("{}#{n}", doc.id),
            doc: doc.id.clone(),
            start: os,
            end: oe,
            evidence: doc.text.get(os..oe).unwrap_or_default().to_string(),
            date: date.date,
            date_end: date.date_end,
            precision: date.precision,
            date_source: source,
            kind,
            modality,
            places,
            actors,
            casualties: cas,
            control,
            sources: Vec::new(),
        });
    }
    events
}

/// Casualties of a clause, ignoring numbers that sit inside a date expression.
fn casualties_without_dates(
    lex: &Lexicon,
    text: &str,
    c: &clause::Clause,
    hits: &[LexHit],
    norm: &Normalized,
    timex_orig: &[(usize, usize)],
) -> Casualties {
    // Map the timex spans that touch this clause back to normalised offsets by scanning
    // the clause's bytes (the offset map only goes normalised → original).
    let mut excluded = Vec::new();
    let mut run: Option<usize> = None;
    let mut i = c.start;
    while i <= c.end {
        let o = norm.orig(i);
        let inside = timex_orig.iter().any(|&(s, e)| s <= o && o < e) && i < c.end;
        match (inside, run) {
            (true, None) => run = Some(i),
            (false, Some(s)) => {
                excluded.push((s, i));
                run = None;
            }
            _ => {}
        }
        i += text[i..].chars().next().map_or(1, char::len_utf8);
    }
    casualties::find(lex, text, c.start, c.end, hits, &excluded)
}

/// Event actor ids: a person stands for the body it belongs to (حفتر → LNA), other
/// actors for themselves. In order of first mention, without repeats.
fn actor_ids(pack: &Pack, actors: &[&ActorMention]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for a in actors {
        let id = match pack.actor(&a.actor) {
            Some(x) if x.kind == "person" => x.faction.clone().unwrap_or_else(|| a.actor.clone()),
            _ => a.actor.clone(),
        };
        if !out.contains(&id) {
            out.push(id);
        }
    }
    out
}

/// The places a span says something happened at: not names inside an actor's name or a
/// title, and not a place added in passing ("بنغازي شرقي ليبيا") after another place.
fn places_in(
    orig_text: &str,
    hits: &[LexHit],
    places: &[PlaceMention],
    span: (usize, usize),
    norm: &Normalized,
) -> Vec<String> {
    let passing_ends: Vec<usize> = hits
        .iter()
        .filter(|h| h.cat == Cat::Passing)
        .map(|h| norm.orig(h.end))
        .collect();
    let mut out: Vec<String> = Vec::new();
    for p in places
        .iter()
        .filter(|p| p.start >= span.0 && p.end <= span.1)
        .filter(|p| p.in_actor.is_none() && !p.in_title)
    {
        let passing = passing_ends.iter().any(|&e| {
            e <= p.start && p.start - e <= 8 && {
                let gap = orig_text.get(e..p.start).unwrap_or("xxxx xx");
                gap.chars().filter(|c| c.is_alphabetic()).count() <= 3
                    && gap.chars().filter(|c| c.is_whitespace()).count() <= 1
            }
        });
        if passing && !out.is_empty() {
            continue;
        }
        if !out.contains(&p.place) {
            out.push(p.place.clone());
        }
    }
    out
}

/// The control claim of an event, per events.md: taken → held by the taker; withdrawal →
/// lost by the side leaving; fighting → contested, holder the defender; a plain claim →
/// held. Only for real places of the region, never for negated/planned/hypothetical.
fn control_claim(
    pack: &Pack,
    kind: &str,
    modality: Modality,
    places: &[String],
    actors: &[&ActorMention],
    held: &HashMap<String, String>,
) -> Option<ControlClaim> {
    if matches!(
        modality,
        Modality::Negated | Modality::Planned | Modality::Hypothetical
    ) {
        return None;
    }
    let place = places
        .iter()
        .find(|p| pack.place(p).is_some_and(|pl| pl.kind != "foreign"))?;
    let mut sides: Vec<String> = Vec::new();
    for a in actors {
        let f = pack.faction_of(&a.faction).to_string();
        if !sides.contains(&f) {
            sides.push(f);
        }
    }
    match kind {
        "territory_taken" | "control_claim" => Some(ControlClaim {
            place: place.clone(),
            holder: Some(sides.first()?.clone()),
            state: ControlState::Held,
            contenders: Vec::new(),
        }),
        "withdrawal" => Some(ControlClaim {
            place: place.clone(),
            holder: Some(sides.first()?.clone()),
            state: ControlState::Lost,
            contenders: Vec::new(),
        }),
        k if CONTEST_TYPES.contains(&k) => {
            // The defender: the side that holds the place by this article's earlier
            // claims, else a named side whose own name contains the place (مجلس شورى
            // مجاهدي درنة), else the second side named (the first is the subject).
            let named_for_place = actors
                .iter()
                .find(|a| a.place.as_deref() == Some(place.as_str()))
                .map(|a| pack.faction_of(&a.faction).to_string());
            let defender = if k == "attack_repelled" {
                sides.first().cloned()
            } else {
                held.get(place)
                    .cloned()
                    .or(named_for_place)
                    .or_else(|| sides.get(1).cloned())
            };
            let contenders: Vec<String> = sides
                .iter()
                .filter(|s| Some(*s) != defender.as_ref())
                .cloned()
                .collect();
            if defender.is_none() && (k == "armed_clash" || contenders.is_empty()) {
                return None;
            }
            Some(ControlClaim {
                place: place.clone(),
                holder: defender,
                state: ControlState::Contested,
                contenders,
            })
        }
        _ => None,
    }
}
