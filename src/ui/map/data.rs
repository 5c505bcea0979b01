//! What the map draws, gathered once per corpus from the extract and the region pack:
//! places with coordinates and event counts, control histories, actor colours, outline.

use std::collections::HashMap;

use jiff::civil::Date;

use super::geo::Outline;
use super::projection::{Bounds, LonLat};
use crate::control::background;
use crate::control::query::interval_at;
use crate::model::{ControlHistory, ControlInterval, ControlState, Extract};
use crate::pack::Pack;

#[derive(Debug, Clone)]
pub struct MapPlace {
    pub id: String,
    pub name_en: String,
    pub name_ar: String,
    pub pos: LonLat,
    pub population: u64,
    /// Events that name this place: the marker's size.
    pub events: u32,
    /// Index into `MapData::control`.
    pub history: Option<usize>,
}

#[derive(Debug, Clone)]
pub struct ActorStyle {
    pub id: String,
    pub name_en: String,
    pub name_ar: String,
    pub rgb: [u8; 3],
}

/// A short note on an event that supports a control interval, for tooltips and the panel.
#[derive(Debug, Clone)]
pub struct EventNote {
    pub id: String,
    pub date: Option<String>,
    pub kind: String,
    pub evidence: String,
    /// For a background row, its Arabic label and source (empty otherwise: an article's
    /// evidence is already Arabic).
    pub evidence_ar: String,
    /// For a background row, where it comes from (a web address); empty otherwise.
    pub link: String,
}

impl EventNote {
    /// The text to show in the chrome's language.
    pub fn text(&self, arabic: bool) -> &str {
        if arabic && !self.evidence_ar.is_empty() {
            &self.evidence_ar
        } else {
            &self.evidence
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct MapData {
    pub places: Vec<MapPlace>,
    pub control: Vec<ControlHistory>,
    pub actors: Vec<ActorStyle>,
    pub outline: Outline,
    pub events: HashMap<String, EventNote>,
}

/// The `kind` of the notes that stand for the region pack's background rows.
pub const BACKGROUND_KIND: &str = "region pack";

/// Neutral grey of a place whose holder is unknown at the date.
pub const UNKNOWN_RGB: [u8; 3] = [150, 150, 150];

/// How a place is drawn at a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status<'a> {
    Unknown,
    Held(&'a str),
    Contested {
        holder: Option<&'a str>,
        by: Option<&'a str>,
    },
    Lost(Option<&'a str>),
}

impl MapData {
    pub fn new(x: &Extract, pack: &Pack) -> MapData {
        let outline = Outline::parse(&pack.outline).unwrap_or_default();
        let mut counts: HashMap<&str, u32> = HashMap::new();
        for e in &x.events {
            for p in &e.places {
                *counts.entry(p.as_str()).or_default() += 1;
            }
        }
        // The articles' histories over the pack's background (lasting changes it knows),
        // so cities the corpus is silent about are not grey; tooltips say which is which.
        let control = background::with_pack(&x.control, pack);
        let hist: HashMap<&str, usize> = control
            .iter()
            .enumerate()
            .map(|(i, h)| (h.place.as_str(), i))
            .collect();
        let mut places: Vec<MapPlace> = x
            .places
            .iter()
            .filter(|p| p.lat.is_finite() && p.lon.is_finite())
            .map(|p| MapPlace {
                id: p.id.clone(),
                name_en: p.name_en.clone(),
                name_ar: p.name_ar.clone(),
                pos: LonLat::new(p.lon, p.lat),
                population: pack.place(&p.id).map_or(0, |pp| pp.population),
                events: counts.get(p.id.as_str()).copied().unwrap_or(0),
                history: hist.get(p.id.as_str()).copied(),
            })
            .collect();
        // Places only the background knows, so their holder shows even when no article
        // names them.
        for h in &control {
            if places.iter().any(|p| p.id == h.place) {
                continue;
            }
            if let Some(p) = pack
                .place(&h.place)
                .filter(|p| p.lat.is_finite() && p.lon.is_finite())
            {
                places.push(MapPlace {
                    id: p.id.clone(),
                    name_en: p.name_en.clone(),
                    name_ar: p.name_ar.clone(),
                    pos: LonLat::new(p.lon, p.lat),
                    population: p.population,
                    events: 0,
                    history: hist.get(p.id.as_str()).copied(),
                });
            }
        }
        let cited: std::collections::HashSet<&str> = x
            .control
            .iter()
            .flat_map(|h| h.intervals.iter().flat_map(|iv| iv.events.iter()))
            .map(String::as_str)
            .collect();
        let mut events: HashMap<String, EventNote> = x
            .events
            .iter()
            .filter(|e| cited.contains(e.id.as_str()))
            .map(|e| {
                (
                    e.id.to_string(),
                    EventNote {
                        id: e.id.to_string(),
                        date: e.date.as_ref().map(|d| d.to_string()),
                        kind: e.kind.to_string(),
                        evidence: e.evidence.clone(),
                        evidence_ar: String::new(),
                        link: String::new(),
                    },
                )
            })
            .collect();
        // The background's references read as notes: what happened, and the source.
        for b in &pack.background {
            let id = format!("{}{}", background::REF_PREFIX, b.id);
            events.insert(
                id.clone(),
                EventNote {
                    id,
                    date: Some(b.from.to_string()),
                    kind: BACKGROUND_KIND.into(),
                    evidence: b.label.clone(),
                    evidence_ar: b.label_ar.clone(),
                    link: b.source.clone(),
                },
            );
        }
        MapData {
            places,
            control,
            actors: actor_styles(pack),
            outline,
            events,
        }
    }

    /// Bounds to fit: the region's outline, else the places.
    pub fn bounds(&self) -> Bounds {
        let libya = self
            .outline
            .country("LBY")
            .and_then(|c| Bounds::of(c.rings.iter().flat_map(|r| r.points.iter().copied())));
        libya
            .or_else(|| self.outline.bounds())
            .or_else(|| Bounds::of(self.places.iter().map(|p| p.pos)))
            .unwrap_or(Bounds {
                min: LonLat::new(9.0, 19.0),
                max: LonLat::new(26.0, 34.0),
            })
    }

    pub fn place(&self, id: &str) -> Option<&MapPlace> {
        self.places.iter().find(|p| p.id == id)
    }

    pub fn history(&self, place: &MapPlace) -> Option<&ControlHistory> {
        place.history.and_then(|i| self.control.get(i))
    }

    pub fn interval_at(&self, place: &MapPlace, date: Option<Date>) -> Option<&ControlInterval> {
        interval_at(self.history(place)?, date?)
    }

    /// Is the place's state at the date only the pack's background (no article says so)?
    pub fn background_at(&self, place: &MapPlace, date: Option<Date>) -> bool {
        self.interval_at(place, date)
            .is_some_and(background::is_background)
    }

    pub fn status_at(&self, place: &MapPlace, date: Option<Date>) -> Status<'_> {
        match self.interval_at(place, date) {
            None => Status::Unknown,
            Some(iv) => {
                let holder = iv.holder.as_deref();
                match iv.state {
                    ControlState::Held => holder.map_or(Status::Unknown, Status::Held),
                    ControlState::Contested => Status::Contested {
                        holder,
                        by: iv.contenders.first().map(String::as_str),
                    },
                    ControlState::Lost => Status::Lost(holder),
                }
            }
        }
    }

    /// The actor's colour, or its faction's, or a stable colour made from its id so an
    /// actor missing from the pack is still told apart.
    pub fn rgb(&self, actor: &str) -> [u8; 3] {
        self.actors
            .iter()
            .find(|a| a.id == actor)
            .map(|a| a.rgb)
            .unwrap_or_else(|| hashed_rgb(actor))
    }

    pub fn actor_name(&self, actor: &str, arabic: bool) -> String {
        match self.actors.iter().find(|a| a.id == actor) {
            Some(a) if arabic && !a.name_ar.is_empty() => a.name_ar.clone(),
            Some(a) => a.name_en.clone(),
            None => actor.to_string(),
        }
    }

    /// Actors that hold or contest a place at `date` (at any time when `None`): the
    /// legend's entries, so it explains the colours on screen and nothing else.
    pub fn actors_in_control(&self, date: Option<Date>) -> Vec<&str> {
        let mut ids: Vec<&str> = self
            .control
            .iter()
            .flat_map(|h| {
                let ivs: Vec<&ControlInterval> = match date {
                    Some(d) => interval_at(h, d).into_iter().collect(),
                    None => h.intervals.iter().collect(),
                };
                ivs
            })
            .flat_map(|iv| iv.holder.iter().chain(iv.contenders.iter()))
            .map(String::as_str)
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }
}

fn actor_styles(pack: &Pack) -> Vec<ActorStyle> {
    pack.actors
        .iter()
        .map(|a| {
            let rgb = a
                .rgb()
                .or_else(|| a.faction.as_deref().and_then(|f| pack.actor(f)?.rgb()))
                .unwrap_or_else(|| hashed_rgb(&a.id));
            ActorStyle {
                id: a.id.clone(),
                name_en: a.name_en.clone(),
                name_ar: a.name_ar.clone(),
                rgb,
            }
        })
        .collect()
}

fn hashed_rgb(id: &str) -> [u8; 3] {
    let h = id
        .bytes()
        .fold(2166136261u32, |h, b| (h ^ b as u32).wrapping_mul(16777619));
    // Mid-saturation colours, never grey (grey means "unknown holder").
    let hue = (h % 360) as f32;
    let (s, l) = (0.55f32, 0.45f32);
    let c = (1.0 - (2.0 * l - 1.0).abs()) * s;
    let x = c * (1.0 - ((hue / 60.0) % 2.0 - 1.0).abs());
    let m = l - c / 2.0;
    let (r, g, b) = match (hue / 60.0) as u32 {
        0 => (c, x, 0.0),
        1 => (x, c, 0.0),
        2 => (0.0, c, x),
        3 => (0.0, x, c),
        4 => (x, 0.0, c),
        _ => (c, 0.0, x),
    };
    let q = |v: f32| ((v + m) * 255.0).round().clamp(0.0, 255.0) as u8;
    [q(r), q(g), q(b)]
}
