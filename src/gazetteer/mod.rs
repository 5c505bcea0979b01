//! Place and actor lookup: clitic-aware matching of the pack's names in normalised text.
//! One name index per pack, built once; every hit is checked at word level.

mod matcher;

pub use matcher::{Context, Gazetteer, Hit, Target};

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

use crate::corpus::SourceDoc;
use crate::model::{Mention, SmolStr};
use crate::normalize::Normalized;
use crate::pack::Pack;

/// An actor named in the text. Spans are original byte offsets, like every span (the
/// text named is `doc.text[start..end]`). Ids are shared with the pack's name index, so a
/// mention copies no string.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorMention {
    pub start: usize,
    pub end: usize,
    /// The pack actor matched (a person, a unit, a faction).
    pub actor: Arc<str>,
    /// The faction it belongs to (حفتر → LNA); equal to `actor` for a faction.
    pub faction: Arc<str>,
    /// A place the actor's own name contains ("مجلس شورى مجاهدي درنة" → Derna), so the
    /// events stage can tell an organisation's name from a report about that place.
    pub place: Option<Arc<str>>,
}

/// A place named in the text, with what the matcher knows about the hit (the text
/// named is `doc.text[start..end]`).
#[derive(Debug, Clone, PartialEq)]
pub struct PlaceMention {
    pub start: usize,
    pub end: usize,
    pub place: Arc<str>,
    /// The actor whose name this place name is part of ("برلمان طبرق" → HoR): the text
    /// names an institution there, not something happening there.
    pub in_actor: Option<Arc<str>>,
    /// The name is the title of a document or process ("إعلان القاهرة", "اتفاق الصخيرات"),
    /// which says nothing about the place itself.
    pub in_title: bool,
}

/// Every place and actor in the document (all hits, places inside actor names included).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scan {
    pub places: Vec<PlaceMention>,
    pub actors: Vec<ActorMention>,
}

/// The cache key (pack, content hash, paragraph layout) and the scan it gave.
type LastScan = (u64, String, usize, Rc<Scan>);

thread_local! {
    /// The last scan on this thread. The pipeline asks for places and the events stage
    /// for actors of the same document, one right after the other on the same thread;
    /// this saves the second pass. Keyed by pack and content hash, so never stale.
    static LAST: RefCell<Option<LastScan>> = const { RefCell::new(None) };
}

/// Scan the document's text once for places and actors (cached per thread for the
/// document last scanned, see `LAST`; shared, so a cache hit copies nothing).
pub fn scan(doc: &SourceDoc, norm: &Normalized, pack: &Pack) -> Rc<Scan> {
    if doc.sha256.is_empty() {
        return Rc::new(scan_uncached(doc, norm, pack));
    }
    // The paragraphs decide which hits count, so they are part of the key.
    let key_len = doc.paragraphs.iter().fold(doc.text.len(), |h, p| {
        h.wrapping_mul(31)
            .wrapping_add(p.start)
            .wrapping_mul(31)
            .wrapping_add(p.end)
    });
    let hit = LAST.with(|l| {
        l.borrow().as_ref().and_then(|(uid, sha, len, s)| {
            (*uid == pack.uid() && *sha == doc.sha256 && *len == key_len).then(|| Rc::clone(s))
        })
    });
    if let Some(s) = hit {
        return s;
    }
    let s = Rc::new(scan_uncached(doc, norm, pack));
    LAST.with(|l| *l.borrow_mut() = Some((pack.uid(), doc.sha256.clone(), key_len, Rc::clone(&s))));
    s
}

/// `scan_uncached`'s working buffers: the hits, their original spans, and the actors'
/// spans.
type Buffers = (Vec<Hit>, Vec<(usize, usize)>, Vec<(usize, usize)>);

thread_local! {
    /// Kept between documents: a document's worth of hits was a large allocation each time.
    static BUFFERS: RefCell<Buffers> = RefCell::default();
}

fn scan_uncached(doc: &SourceDoc, norm: &Normalized, pack: &Pack) -> Scan {
    let (mut hits, mut spans, mut actor_spans) =
        BUFFERS.with(|b| std::mem::take(&mut *b.borrow_mut()));
    let out = scan_with(doc, norm, pack, &mut hits, &mut spans, &mut actor_spans);
    BUFFERS.with(|b| *b.borrow_mut() = (hits, spans, actor_spans));
    out
}

fn scan_with(
    doc: &SourceDoc,
    norm: &Normalized,
    pack: &Pack,
    hits: &mut Vec<Hit>,
    spans: &mut Vec<(usize, usize)>,
    actor_spans: &mut Vec<(usize, usize)>,
) -> Scan {
    let gaz = pack.gazetteer();
    gaz.find_into(&norm.text, &doc.text, norm, hits);
    // Only the article's paragraphs count: boilerplate (menus, "read also" lists) names
    // places the article is not about. Hits come in text order, as do paragraphs. Each
    // kept hit's original span is mapped here, its start once for both uses.
    let paras = &doc.paragraphs;
    let mut k = 0;
    let mut kept = 0;
    spans.clear();
    for r in 0..hits.len() {
        let h = hits[r];
        let s = norm.orig(h.start);
        if !paras.is_empty() {
            while k < paras.len() && paras[k].end <= s {
                k += 1;
            }
            if paras.get(k).is_none_or(|p| p.start > s) {
                continue;
            }
        }
        // `Normalized::orig_span`, with the start already mapped.
        let e = if h.end == 0 || h.end <= h.start {
            s
        } else {
            norm.orig(h.end)
        };
        hits[kept] = h;
        spans.push((s, e));
        kept += 1;
    }
    hits.truncate(kept);
    let actors = hits
        .iter()
        .filter(|h| matches!(h.target, Target::Actor(_)))
        .count();
    let mut out = Scan {
        places: Vec::with_capacity(hits.len() - actors),
        actors: Vec::with_capacity(actors),
    };
    // Actor hits first, so a place inside an actor's name can point at it.
    actor_spans.clear();
    for (h, &(s, e)) in hits.iter().zip(spans.iter()) {
        if let Target::Actor(i) = h.target {
            let Some((actor, faction)) = gaz.actor_id(i) else {
                continue;
            };
            actor_spans.push((h.start, h.end));
            out.actors.push(ActorMention {
                start: s,
                end: e,
                actor: Arc::clone(actor),
                faction: Arc::clone(faction),
                place: None,
            });
        }
    }
    let mut next_actor = 0;
    for (h, &(s, e)) in hits.iter().zip(spans.iter()) {
        if let Target::Place(i) = h.target {
            let Some(place) = gaz.place_id(i) else {
                continue;
            };
            // Actor hits do not overlap each other and come in text order, so the only
            // one that can contain this place is the last one starting at or before it.
            while next_actor < actor_spans.len() && actor_spans[next_actor].0 <= h.start {
                next_actor += 1;
            }
            let owner = next_actor.checked_sub(1).filter(|&k| {
                let (as_, ae) = actor_spans[k];
                as_ <= h.start && h.end <= ae && ae - as_ > h.end - h.start
            });
            let in_actor = owner.and_then(|k| out.actors.get_mut(k)).map(|a| {
                a.place.get_or_insert_with(|| Arc::clone(place));
                Arc::clone(&a.actor)
            });
            out.places.push(PlaceMention {
                start: s,
                end: e,
                place: Arc::clone(place),
                in_actor,
                in_title: h.titled,
            });
        }
    }
    if !out.actors.is_empty() {
        add_anaphors(doc, norm, pack, &mut out.actors);
    }
    out
}

/// Definite nouns that stand for an actor named before them ("ويسيطر التنظيم على …"
/// after داعش, "وحدات من الجيش" after the LNA; the pack's `anaphors_ar`) become mentions
/// of the last of their actors named before them in the article. Not when another
/// actor's name holds the noun, nor before a definite adjective ("الجيش التركي" is
/// someone else's army).
fn add_anaphors(doc: &SourceDoc, norm: &Normalized, pack: &Pack, actors: &mut Vec<ActorMention>) {
    let text = norm.text.as_str();
    let b = text.as_bytes();
    let paras = &doc.paragraphs;
    let mut found: Vec<ActorMention> = Vec::new();
    for an in pack.anaphors() {
        // Only if one of its actors is named at all.
        if !actors
            .iter()
            .any(|a| an.actors.iter().any(|x| **x == *a.actor))
        {
            continue;
        }
        for at in an.finder.find_iter(b) {
            let end = at + an.stem.len();
            // (The stem is whole characters, so both ends are on character boundaries.)
            if !text.is_char_boundary(at) {
                continue;
            }
            // A whole word: the article (ال, or لل after the preposition ل), at most one
            // proclitic before it, and no letter after it.
            let before = &text[..at];
            let rest = before
                .strip_suffix("ال")
                .or_else(|| before.strip_suffix("لل"));
            let Some(rest) = rest else { continue };
            let rest = ["و", "ف", "ب", "ك"]
                .iter()
                .find_map(|c| {
                    rest.strip_suffix(c)
                        .filter(|r| word_edge(r.chars().next_back()))
                })
                .unwrap_or(rest);
            if !word_edge(rest.chars().next_back()) || !word_edge(text[end..].chars().next()) {
                continue;
            }
            // "الجيش التركي", "التنظيم الإرهابي المسمى …": an adjective or a name follows.
            let next = text[end..].trim_start_matches([' ', '\u{a0}']);
            if next.starts_with("ال") || b.get(end).is_some_and(|&c| c == b'-') {
                continue;
            }
            let (s, e) = (norm.orig(rest.len()), norm.orig(end));
            if !paras.is_empty() && !paras.iter().any(|p| p.start <= s && e <= p.end) {
                continue;
            }
            // Inside another name ("تنظيم الدولة" is matched whole), or the name itself.
            if actors.iter().any(|a| a.start < e && s < a.end) {
                continue;
            }
            let Some(ante) = actors
                .iter()
                .rev()
                .filter(|a| a.end <= s)
                .find(|a| an.actors.iter().any(|x| **x == *a.actor))
            else {
                continue;
            };
            found.push(ActorMention {
                start: s,
                end: e,
                actor: Arc::clone(&ante.actor),
                faction: Arc::clone(&ante.faction),
                place: None,
            });
        }
    }
    if !found.is_empty() {
        actors.extend(found);
        actors.sort_by_key(|a| a.start);
    }
}

/// Is this character (or the text's edge) outside an Arabic word?
fn word_edge(c: Option<char>) -> bool {
    c.is_none_or(|c| !c.is_alphanumeric())
}

/// Every place named in the document, with original byte spans. A place name that is
/// part of an actor's name ("برلمان طبرق") names the institution, and one in a title
/// ("إعلان القاهرة") names a document, so both are left out.
pub fn place_mentions(doc: &SourceDoc, norm: &Normalized, pack: &Pack) -> Vec<Mention> {
    let scan = scan(doc, norm, pack);
    let named = |p: &&PlaceMention| p.in_actor.is_none() && !p.in_title;
    let mut out = Vec::with_capacity(scan.places.iter().filter(named).count());
    out.extend(scan.places.iter().filter(named).map(|p| Mention {
        start: p.start,
        end: p.end,
        text: SmolStr::new(doc.text.get(p.start..p.end).unwrap_or_default()),
        place: SmolStr::new(&*p.place),
    }));
    out
}

/// Every actor named in the document, with original byte spans.
pub fn actor_mentions(doc: &SourceDoc, norm: &Normalized, pack: &Pack) -> Vec<ActorMention> {
    scan(doc, norm, pack).actors.clone()
}
