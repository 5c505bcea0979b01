//! A region pack: everything region-specific (places, actors and their colours, dated
//! known events, lexicons, outline) as data files, loaded and checked here.

use jiff::civil::Date;
use serde::Deserialize;
use std::collections::HashMap;
use std::path::Path;

use crate::error::{Error, Result};
use crate::gazetteer::{Context, Gazetteer};
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

#[derive(Debug, Clone, PartialEq)]
pub struct Place {
    /// Stable id: the common English name ("Derna", "Misrata").
    pub id: String,
    pub name_en: String,
    pub name_ar: String,
    pub lat: f64,
    pub lon: f64,
    pub population: u64,
    /// city, town, airport, region, foreign …
    pub kind: String,
    /// Arabic spellings, including `name_ar`.
    pub aliases_ar: Vec<String>,
    /// Latin spellings, including `name_en`.
    pub aliases_latin: Vec<String>,
    pub source: String,
    /// "" = a name only ever means this place; "cue" = the name is also a common word
    /// ("الخمس" five, "سرت" walked) and counts only where `gazetteer.toml` licenses it.
    pub context: String,
}

#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Actor {
    pub id: String,
    pub name_en: String,
    #[serde(default)]
    pub name_ar: String,
    /// "#rrggbb", the colour on the timeline and the map.
    #[serde(default)]
    pub color: String,
    /// A person or a unit names the faction it belongs to (حفتر → LNA).
    #[serde(default)]
    pub faction: Option<String>,
    #[serde(default)]
    pub kind: String,
    #[serde(default)]
    pub aliases_ar: Vec<String>,
    #[serde(default)]
    pub aliases_latin: Vec<String>,
    /// Names that are also common words ("القاعدة" the base): they count only where
    /// `gazetteer.toml` `actor_before` or a list with another actor licenses them.
    #[serde(default)]
    pub ambiguous_ar: Vec<String>,
    /// The day a faction ceased to exist (the NTC handed power on, the GNA gave way to
    /// the unity government): what it held is not known to be held after it.
    #[serde(default)]
    pub until: Option<jiff::civil::Date>,
    /// An institution that serves whoever governs (the oil corporation, the central
    /// bank): named where there is fighting, it is no side in it and holds nothing.
    #[serde(default)]
    pub neutral: bool,
    /// Sides a person or unit changed to, each from a day on (Bashagha was the GNA's
    /// interior minister, then from February 2022 the prime minister the House named):
    /// an article of that day or later puts the name on that side.
    #[serde(default)]
    pub later: Vec<Affiliation>,
    /// Definite nouns that stand for this actor when it is the last of their actors named
    /// before them in the article ("التنظيم" after داعش, "الجيش" after the LNA).
    #[serde(default)]
    pub anaphors_ar: Vec<String>,
}

/// A definite noun that stands for an actor named earlier (see `Actor::anaphors_ar`).
#[derive(Debug, Clone)]
pub struct Anaphor {
    /// The normalised noun without its article ("تنظيم" for "التنظيم").
    pub stem: String,
    /// A searcher for the stem, built once: every article is searched for it.
    pub finder: memchr::memmem::Finder<'static>,
    /// The actors it can stand for.
    pub actors: Vec<String>,
}

/// A side an actor belongs to from a day on.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Affiliation {
    pub since: jiff::civil::Date,
    pub faction: String,
}

impl Actor {
    /// The faction this actor belongs to on `day`: the latest `later` side begun by
    /// then, else its own `faction` (none known: the actor's own).
    pub fn faction_on(&self, day: Option<jiff::civil::Date>) -> Option<&str> {
        day.and_then(|d| {
            self.later
                .iter()
                .filter(|l| l.since <= d)
                .max_by_key(|l| l.since)
                .map(|l| l.faction.as_str())
        })
        .or(self.faction.as_deref())
    }

    pub fn rgb(&self) -> Option<[u8; 3]> {
        let h = self.color.strip_prefix('#')?;
        if h.len() != 6 {
            return None;
        }
        let p = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
        Some([p(0)?, p(2)?, p(4)?])
    }
}

/// A dated event of the region's history that articles refer to; used to date articles.
#[derive(Debug, Clone, PartialEq)]
pub struct KnownEvent {
    pub id: String,
    pub date: Date,
    pub date_end: Option<Date>,
    pub label: String,
    /// Arabic phrases (normalised on load) whose co-occurrence names this event.
    pub cues: Vec<Vec<String>>,
    pub bound: Bound,
    pub source: String,
}

/// What naming a known event says about the article's own date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    /// A happening the article is on or after, and usually reports soon after (an
    /// offensive launched, a city declared taken): with the weekdays it names, the
    /// article's day can be settled near it.
    After,
    /// Something that exists from that day on (a body, an office holder, a name, a long
    /// operation): the article is on or after it, but may be years later.
    Since,
    /// The article is from within `date..=date_end` (a rank or office held then).
    Within,
    /// Named as still to come, the article is from before it; named plainly, nothing.
    Planned,
}

/// A lasting change of who held a place, from `control.csv`: the background the map shows
/// where the articles say nothing. Article evidence that is as new or newer wins over it.
#[derive(Debug, Clone, PartialEq)]
pub struct BackgroundControl {
    pub id: String,
    pub place: String,
    pub from: Date,
    pub to: Option<Date>,
    pub holder: String,
    pub state: crate::model::ControlState,
    pub contenders: Vec<String>,
    pub label: String,
    /// The label for Arabic chrome (empty: the English one is shown).
    pub label_ar: String,
    pub source: String,
}

#[derive(Debug, Clone)]
pub struct Pack {
    pub name: String,
    pub places: Vec<Place>,
    pub actors: Vec<Actor>,
    pub known_events: Vec<KnownEvent>,
    /// Background control history (`control.csv`), sorted by place then date.
    pub background: Vec<BackgroundControl>,
    /// Raw lexicon files by name (`temporal.toml`, `events.toml` …), parsed by their stage.
    pub files: HashMap<String, String>,
    /// GeoJSON of the region and its neighbours, for the map.
    pub outline: String,
    /// Words that license ambiguous place names (`gazetteer.toml`).
    pub context: Context,
    /// The date grammar's vocabulary (`temporal.toml`).
    pub temporal: crate::temporal::Lexicon,
    /// The events lexicon (`events.toml`), parsed and compiled once on load.
    events: crate::events::Lexicon,
    /// The compiled name matcher, built on first use and shared by every document.
    gazetteer: OnceLock<Gazetteer>,
    /// One automaton over the known events' cue words, built on first use.
    known_cues: OnceLock<crate::temporal::dct::CueIndex>,
    /// Place and actor positions by id, built on first use: the events stage looks ids
    /// up for every event, and a scan of every entry was a hot spot.
    ids: OnceLock<IdIndex>,
    /// The actors' anaphors by noun, gathered on first use.
    anaphors: OnceLock<Vec<Anaphor>>,
    /// Unique per loaded pack (clones share it: same data), so per-document caches
    /// never mix two packs.
    uid: u64,
}

macro_rules! builtin_files {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_str!(concat!("../assets/packs/libya/", $name)))),*]
    };
}

/// The Libya pack, compiled into the binary so the tool works from any directory.
const LIBYA: &[(&str, &str)] = builtin_files!(
    "places.csv",
    "actors.toml",
    "known_events.csv",
    "control.csv",
    "outline.geojson",
    "gazetteer.toml",
    "temporal.toml",
    "events.toml"
);

impl Pack {
    /// The pack shipped with tarikh.
    pub fn builtin() -> Result<Pack> {
        Pack::from_files(
            "libya",
            LIBYA.iter().map(|(n, t)| (n.to_string(), t.to_string())),
        )
    }

    /// A pack from a folder holding the same files as `assets/packs/libya/`.
    pub fn load_dir(dir: &Path) -> Result<Pack> {
        let name = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "pack".into());
        let mut files = Vec::new();
        let rd = std::fs::read_dir(dir).map_err(|source| Error::Io {
            path: dir.to_path_buf(),
            source,
        })?;
        for e in rd.flatten() {
            let p = e.path();
            if p.is_file() {
                let text = std::fs::read_to_string(&p).map_err(|source| Error::Io {
                    path: p.clone(),
                    source,
                })?;
                files.push((e.file_name().to_string_lossy().into_owned(), text));
            }
        }
        Pack::from_files(&name, files)
    }

    fn from_files(name: &str, files: impl IntoIterator<Item = (String, String)>) -> Result<Pack> {
        let files: HashMap<String, String> = files.into_iter().collect();
        let err = |file: &str, reason: String| Error::Pack {
            pack: name.to_string(),
            file: file.to_string(),
            reason,
        };
        let get = |f: &str| files.get(f).ok_or_else(|| err(f, "missing".into()));
        let places = parse_places(get("places.csv")?).map_err(|r| err("places.csv", r))?;
        #[derive(Deserialize)]
        struct ActorsFile {
            actor: Vec<Actor>,
        }
        let actors: ActorsFile =
            toml::from_str(get("actors.toml")?).map_err(|e| err("actors.toml", e.to_string()))?;
        let known_events =
            parse_known_events(get("known_events.csv")?).map_err(|r| err("known_events.csv", r))?;
        let outline = files.get("outline.geojson").cloned().unwrap_or_default();
        let context = match files.get("gazetteer.toml") {
            Some(t) => Context::parse(t).map_err(|r| err("gazetteer.toml", r))?,
            None => Context::default(),
        };
        let temporal = crate::temporal::Lexicon::parse(get("temporal.toml")?)
            .map_err(|r| err("temporal.toml", r))?;
        let events = match files.get("events.toml") {
            Some(t) => crate::events::Lexicon::parse(t).map_err(|r| err("events.toml", r))?,
            None => crate::events::Lexicon::default(),
        };
        check_actors(&actors.actor).map_err(|r| err("actors.toml", r))?;
        let background = match files.get("control.csv") {
            Some(t) => {
                parse_background(t, &places, &actors.actor).map_err(|r| err("control.csv", r))?
            }
            None => Vec::new(),
        };
        Ok(Pack {
            name: name.to_string(),
            places,
            actors: actors.actor,
            known_events,
            background,
            files,
            outline,
            context,
            temporal,
            events,
            gazetteer: OnceLock::new(),
            known_cues: OnceLock::new(),
            ids: OnceLock::new(),
            anaphors: OnceLock::new(),
            uid: {
                static NEXT: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);
                NEXT.fetch_add(1, std::sync::atomic::Ordering::Relaxed)
            },
        })
    }

    /// The definite nouns that stand for an actor named before them, each with the
    /// actors it can stand for.
    pub fn anaphors(&self) -> &[Anaphor] {
        self.anaphors.get_or_init(|| {
            let mut out: Vec<Anaphor> = Vec::new();
            for a in &self.actors {
                for w in &a.anaphors_ar {
                    let n = crate::normalize::normalize(w);
                    let stem = n.strip_prefix("ال").unwrap_or(&n).to_string();
                    if stem.is_empty() {
                        continue;
                    }
                    match out.iter_mut().find(|x| x.stem == stem) {
                        Some(x) => x.actors.push(a.id.clone()),
                        None => out.push(Anaphor {
                            finder: memchr::memmem::Finder::new(stem.as_bytes()).into_owned(),
                            stem,
                            actors: vec![a.id.clone()],
                        }),
                    }
                }
            }
            out
        })
    }

    /// Identifies this loaded pack (see the field).
    pub fn uid(&self) -> u64 {
        self.uid
    }

    /// The name matcher over every place and actor, compiled once per pack.
    pub fn gazetteer(&self) -> &Gazetteer {
        self.gazetteer
            .get_or_init(|| Gazetteer::build(self, &self.context))
    }

    /// The known events' cue words as one automaton: a document is scanned once for all
    /// of them instead of once per cue (that was the date inference's hot spot).
    pub fn known_cues(&self) -> &crate::temporal::dct::CueIndex {
        self.known_cues
            .get_or_init(|| crate::temporal::dct::CueIndex::build(&self.known_events))
    }

    /// The events lexicon of this pack (empty when the pack has no `events.toml`).
    pub fn events_lexicon(&self) -> &crate::events::Lexicon {
        &self.events
    }

    /// The faction an actor belongs to, following `faction` links (a person → a unit →
    /// its faction); the actor itself when it names none. Cycles stop after a few steps.
    /// The side the background (`control.csv`) says held `place` on `date`: the holder,
    /// or the defender of a contested row.
    pub fn background_holder(&self, place: &str, date: Date) -> Option<&str> {
        self.background
            .iter()
            .filter(|b| b.place == place && b.from <= date && b.to.is_none_or(|t| date <= t))
            .map(|b| b.holder.as_str())
            .next_back()
    }

    pub fn faction_of<'a>(&'a self, id: &'a str) -> &'a str {
        let mut cur = id;
        for _ in 0..8 {
            match self.actor(cur).and_then(|a| a.faction.as_deref()) {
                Some(f) if f != cur && self.actor(f).is_some() => cur = f,
                _ => break,
            }
        }
        cur
    }

    fn ids(&self) -> &IdIndex {
        self.ids.get_or_init(|| IdIndex::build(self))
    }

    /// The first place with this id.
    pub fn place(&self, id: &str) -> Option<&Place> {
        let ix = self.ids();
        if ix.places_len != self.places.len() {
            // The list was changed after the index was built.
            return self.places.iter().find(|p| p.id == id);
        }
        ix.places
            .get(id)
            .and_then(|&i| self.places.get(i))
            .filter(|p| p.id == id)
    }

    /// The first actor with this id.
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        let ix = self.ids();
        if ix.actors_len != self.actors.len() {
            return self.actors.iter().find(|a| a.id == id);
        }
        ix.actors
            .get(id)
            .and_then(|&i| self.actors.get(i))
            .filter(|a| a.id == id)
    }
}

/// Positions of the first place and actor of each id.
#[derive(Debug, Clone, Default)]
struct IdIndex {
    places: FxHashMap<String, usize>,
    actors: FxHashMap<String, usize>,
    places_len: usize,
    actors_len: usize,
}

impl IdIndex {
    fn build(pack: &Pack) -> IdIndex {
        let mut ix = IdIndex {
            places_len: pack.places.len(),
            actors_len: pack.actors.len(),
            ..IdIndex::default()
        };
        for (i, p) in pack.places.iter().enumerate() {
            ix.places.entry(p.id.clone()).or_insert(i);
        }
        for (i, a) in pack.actors.iter().enumerate() {
            ix.actors.entry(a.id.clone()).or_insert(i);
        }
        ix
    }
}

fn split_list(s: &str) -> Vec<String> {
    s.split('|')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(String::from)
        .collect()
}

fn parse_places(text: &str) -> Result<Vec<Place>, String> {
    #[derive(Deserialize)]
    struct Row {
        id: String,
        name_en: String,
        name_ar: String,
        lat: f64,
        lon: f64,
        #[serde(default)]
        population: Option<u64>,
        kind: String,
        #[serde(default)]
        aliases_ar: String,
        #[serde(default)]
        aliases_latin: String,
        source: String,
        #[serde(default)]
        context: String,
    }
    let mut rd = csv::Reader::from_reader(text.as_bytes());
    let mut out = Vec::new();
    for (i, row) in rd.deserialize::<Row>().enumerate() {
        let r = row.map_err(|e| format!("row {}: {e}", i + 2))?;
        if !(-90.0..=90.0).contains(&r.lat) || !(-180.0..=180.0).contains(&r.lon) {
            return Err(format!("row {}: coordinates out of range", i + 2));
        }
        if !matches!(r.context.as_str(), "" | "cue") {
            return Err(format!("row {}: unknown context {:?}", i + 2, r.context));
        }
        let mut aliases_ar = vec![r.name_ar.clone()];
        aliases_ar.extend(split_list(&r.aliases_ar));
        aliases_ar.retain(|a| !a.is_empty());
        aliases_ar.dedup();
        let mut aliases_latin = vec![r.name_en.clone()];
        aliases_latin.extend(split_list(&r.aliases_latin));
        out.push(Place {
            id: r.id,
            name_en: r.name_en,
            name_ar: r.name_ar,
            lat: r.lat,
            lon: r.lon,
            population: r.population.unwrap_or(0),
            kind: r.kind,
            aliases_ar,
            aliases_latin,
            source: r.source,
            context: r.context,
        });
    }
    let mut ids = std::collections::HashSet::new();
    for p in &out {
        if !ids.insert(p.id.as_str()) {
            return Err(format!("duplicate place id {:?}", p.id));
        }
    }
    Ok(out)
}

/// Ids unique, colours valid, every `faction` an existing actor.
fn check_actors(actors: &[Actor]) -> Result<(), String> {
    let mut ids = std::collections::HashSet::new();
    for a in actors {
        if !ids.insert(a.id.as_str()) {
            return Err(format!("duplicate actor id {:?}", a.id));
        }
        if a.rgb().is_none() {
            return Err(format!(
                "actor {:?}: colour {:?} is not #rrggbb",
                a.id, a.color
            ));
        }
    }
    for a in actors {
        let sides = a.faction.iter().chain(a.later.iter().map(|l| &l.faction));
        if let Some(f) = sides.map(String::as_str).find(|f| !ids.contains(f)) {
            return Err(format!("actor {:?}: unknown faction {:?}", a.id, f));
        }
    }
    Ok(())
}

/// `control.csv`: every place and actor must exist in the pack, `from` ≤ `to`, and a
/// place's intervals must not overlap (the background is one history, not claims).
fn parse_background(
    text: &str,
    places: &[Place],
    actors: &[Actor],
) -> Result<Vec<BackgroundControl>, String> {
    use crate::model::ControlState;
    #[derive(Deserialize)]
    struct Row {
        id: String,
        place: String,
        from: String,
        #[serde(default)]
        to: String,
        holder: String,
        state: String,
        #[serde(default)]
        contenders: String,
        label: String,
        #[serde(default)]
        label_ar: String,
        source: String,
    }
    let actor = |id: &str, line: usize| {
        if actors.iter().any(|a| a.id == id) {
            Ok(id.to_string())
        } else {
            Err(format!("row {line}: unknown actor {id:?}"))
        }
    };
    let mut rd = csv::Reader::from_reader(text.as_bytes());
    let mut out: Vec<BackgroundControl> = Vec::new();
    for (i, row) in rd.deserialize::<Row>().enumerate() {
        let line = i + 2;
        let r = row.map_err(|e| format!("row {line}: {e}"))?;
        if !places.iter().any(|p| p.id == r.place) {
            return Err(format!("row {line}: unknown place {:?}", r.place));
        }
        let date = |s: &str| {
            s.trim()
                .parse::<Date>()
                .map_err(|e| format!("row {line}: date {s:?}: {e}"))
        };
        let from = date(&r.from)?;
        let to = match r.to.trim() {
            "" => None,
            t => Some(date(t)?),
        };
        if to.is_some_and(|t| t < from) {
            return Err(format!("row {line}: ends before it starts"));
        }
        let state = match r.state.trim() {
            "held" => ControlState::Held,
            "contested" => ControlState::Contested,
            s => return Err(format!("row {line}: state {s:?} is not held|contested")),
        };
        if r.source.trim().is_empty() {
            return Err(format!("row {line}: every row needs a source"));
        }
        out.push(BackgroundControl {
            id: r.id,
            holder: actor(r.holder.trim(), line)?,
            contenders: split_list(&r.contenders)
                .iter()
                .map(|c| actor(c, line))
                .collect::<Result<_, _>>()?,
            place: r.place,
            from,
            to,
            state,
            label: r.label,
            label_ar: r.label_ar,
            source: r.source,
        });
    }
    out.sort_by(|a, b| (&a.place, a.from).cmp(&(&b.place, b.from)));
    for w in out.windows(2) {
        if w[0].place == w[1].place && w[0].to.is_none_or(|t| t >= w[1].from) {
            return Err(format!("{} and {} overlap", w[0].id, w[1].id));
        }
    }
    let mut ids = std::collections::HashSet::new();
    if let Some(dup) = out.iter().find(|b| !ids.insert(b.id.as_str())) {
        return Err(format!("duplicate id {:?}", dup.id));
    }
    Ok(out)
}

fn parse_known_events(text: &str) -> Result<Vec<KnownEvent>, String> {
    #[derive(Deserialize)]
    struct Row {
        id: String,
        date: String,
        #[serde(default)]
        date_end: String,
        #[serde(default)]
        bound: String,
        label: String,
        cues: String,
        source: String,
    }
    let mut rd = csv::Reader::from_reader(text.as_bytes());
    let mut out = Vec::new();
    for (i, row) in rd.deserialize::<Row>().enumerate() {
        let r = row.map_err(|e| format!("row {}: {e}", i + 2))?;
        let date: Date = r
            .date
            .parse()
            .map_err(|e| format!("row {}: date {:?}: {e}", i + 2, r.date))?;
        let date_end = if r.date_end.trim().is_empty() {
            None
        } else {
            Some(
                r.date_end
                    .parse()
                    .map_err(|e| format!("row {}: date_end: {e}", i + 2))?,
            )
        };
        // A cue is a '+'-joined set of phrases that must all occur; alternatives are '|'.
        let cues = split_list(&r.cues)
            .iter()
            .map(|c| {
                c.split('+')
                    .map(|p| crate::normalize::normalize(p.trim()))
                    .collect()
            })
            .collect();
        let bound = match r.bound.trim() {
            "" | "after" => Bound::After,
            "since" => Bound::Since,
            "within" => Bound::Within,
            "planned" => Bound::Planned,
            b => {
                return Err(format!(
                    "row {}: bound {b:?} is not after|since|within|planned",
                    i + 2
                ));
            }
        };
        if bound == Bound::Within && date_end.is_none() {
            return Err(format!("row {}: a `within` event needs date_end", i + 2));
        }
        out.push(KnownEvent {
            id: r.id,
            date,
            date_end,
            label: r.label,
            cues,
            bound,
            source: r.source,
        });
    }
    Ok(out)
}
