//! What the timeline draws, gathered once per corpus: each event's day span, colour and
//! lanes, and per-lane indexes sorted by start so a frame only touches the visible range.

use std::collections::HashMap;

use crate::model::{DctSource, DocumentOut, Event, Extract, Modality, Precision};
use crate::pack::Pack;
use crate::temporal::value::span;

use super::scale::{Lang, day_number};

/// How events are split into lanes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize, serde::Deserialize)]
pub enum LaneBy {
    #[default]
    Type,
    Actor,
    Place,
}

impl LaneBy {
    pub const ALL: [LaneBy; 3] = [LaneBy::Type, LaneBy::Actor, LaneBy::Place];

    pub fn name(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (LaneBy::Type, Lang::En) => "Type",
            (LaneBy::Actor, Lang::En) => "Actor",
            (LaneBy::Place, Lang::En) => "Place",
            (LaneBy::Type, Lang::Ar) => "النوع",
            (LaneBy::Actor, Lang::Ar) => "الطرف",
            (LaneBy::Place, Lang::Ar) => "المكان",
        }
    }
}

/// The event types of `design/events.md`, in the order the timeline lists them, with
/// their English and Arabic labels.
pub const TYPES: [(&str, &str, &str); 14] = [
    ("offensive", "Offensive", "هجوم"),
    ("armed_clash", "Armed clash", "اشتباك مسلح"),
    ("attack_repelled", "Attack repelled", "صد هجوم"),
    ("territory_taken", "Territory taken", "سيطرة على منطقة"),
    ("withdrawal", "Withdrawal", "انسحاب"),
    ("siege", "Siege", "حصار"),
    ("air_strike", "Air strike", "غارة جوية"),
    ("casualties", "Casualties", "ضحايا"),
    ("meeting", "Meeting", "اجتماع"),
    ("conference", "Conference", "مؤتمر"),
    ("statement", "Statement", "تصريح"),
    ("political_decision", "Political decision", "قرار سياسي"),
    ("control_claim", "Control claim", "إعلان سيطرة"),
    ("arms_transfer", "Arms transfer", "نقل أسلحة"),
];

/// The type's label, or its id when the type is not one of [`TYPES`].
pub fn type_label(kind: &str, lang: Lang) -> &str {
    TYPES
        .iter()
        .find(|t| t.0 == kind)
        .map_or(kind, |t| if lang == Lang::Ar { t.2 } else { t.1 })
}

/// Grey of events without a known side.
pub const NO_SIDE_RGB: [u8; 3] = [128, 128, 128];

/// One event's place in time, as inclusive day numbers (days since 1970-01-01).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EventTime {
    pub start: i32,
    pub end: i32,
    /// Day precision: a mark; anything coarser or a range: a bar.
    pub bar: bool,
    /// The article's date is unknown: only a window of possible days.
    pub hollow: bool,
}

/// The day span of an event: its own date, `date_end` if any, and for relative values
/// ("dct-2d") the window the article's possible dates allow.
pub fn event_time(e: &Event, doc: Option<&DocumentOut>) -> Option<EventTime> {
    let value = e.date.as_deref()?;
    let dct = doc.and_then(|d| d.dct.date);
    let relative = value.trim_start().starts_with("dct") || value.contains("/dct");
    let (mut a, mut b, mut precision, mut hollow) = match span(value, dct) {
        Some((a, b, p)) => (a, b, p, relative && dct.is_none()),
        None if relative => {
            // Undated article: the union of the value resolved at both ends of its range.
            let [lo, hi] = doc.map(|d| d.dct.range)?;
            let (a, _, _) = span(value, Some(lo?))?;
            let (_, b, _) = span(value, Some(hi?))?;
            (a, b, Precision::Range, true)
        }
        None => return None,
    };
    if let Some(end) = e.date_end.as_deref()
        && let Some((_, b2, _)) = span(end, dct)
        && b2 >= a
    {
        b = b2;
        precision = Precision::Range;
    }
    if a > b {
        std::mem::swap(&mut a, &mut b);
    }
    if doc.is_some_and(|d| d.dct.source == DctSource::None && relative) {
        hollow = true;
    }
    let (start, end) = (day_number(a), day_number(b));
    Some(EventTime {
        start,
        end,
        bar: precision != Precision::Day || end > start,
        hollow,
    })
}

/// A lane: a type, a faction or a place, with its label in both languages.
#[derive(Debug, Clone, PartialEq)]
pub struct Lane {
    pub key: String,
    pub label_en: String,
    pub label_ar: String,
    pub rgb: Option<[u8; 3]>,
    /// Events in the lane (after the filter).
    pub count: usize,
}

impl Lane {
    pub fn label(&self, lang: Lang) -> &str {
        match lang {
            Lang::Ar if !self.label_ar.is_empty() => &self.label_ar,
            _ => &self.label_en,
        }
    }
}

/// A faction colour for the legend.
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    pub id: String,
    pub name_en: String,
    pub name_ar: String,
    pub rgb: [u8; 3],
    /// Events that name it (the legend lists the busiest first).
    pub count: usize,
}

/// The events of one lane, sorted for binary search: marks by day, bars by start.
#[derive(Debug, Clone, Default)]
pub struct LaneIndex {
    /// Day of each mark, ascending.
    pub mark_days: Vec<i32>,
    /// Event index of each mark, in the same order.
    pub mark_events: Vec<u32>,
    /// (start, end, event) of each bar, by start.
    pub bars: Vec<(i32, i32, u32)>,
    /// The longest bar, in days: bars starting this long before the view may reach it.
    pub max_bar_days: i32,
    /// Last days of the bars, ascending (not aligned with `bars`), for counting.
    pub bar_ends: Vec<i32>,
}

impl LaneIndex {
    /// Marks with `lo <= day < hi`, as an index range into `mark_days`.
    pub fn marks_in(&self, lo: i32, hi: i32) -> std::ops::Range<usize> {
        let a = self.mark_days.partition_point(|&d| d < lo);
        let b = self.mark_days.partition_point(|&d| d < hi);
        a..b.max(a)
    }

    /// How many bars overlap days `lo..hi`: those starting before `hi` minus those that
    /// ended before `lo` (two binary searches, however many bars there are).
    pub fn bars_overlapping(&self, lo: i32, hi: i32) -> usize {
        let started = self.bars.partition_point(|b| b.0 < hi);
        let ended = self.bar_ends.partition_point(|&e| e < lo);
        started.saturating_sub(ended)
    }

    /// Bars that overlap days `lo..hi`.
    pub fn bars_in(&self, lo: i32, hi: i32) -> impl Iterator<Item = &(i32, i32, u32)> {
        let from = self
            .bars
            .partition_point(|b| b.0 < lo.saturating_sub(self.max_bar_days));
        let to = self.bars.partition_point(|b| b.0 < hi);
        self.bars[from..to.max(from)]
            .iter()
            .filter(move |b| b.1 >= lo)
    }
}

/// Everything the timeline needs, built once per corpus ([`TimelineData::new`]); the
/// filter and the lane mode rebuild only the lane indexes.
#[derive(Debug, Clone, Default)]
pub struct TimelineData {
    /// Per event (same indexes as `Extract::events`); `None` when it cannot be placed.
    pub times: Vec<Option<EventTime>>,
    /// Per event: the colour of its first actor's faction.
    pub rgb: Vec<[u8; 3]>,
    /// Per event: killed + injured, for the casualty strip.
    pub casualties: Vec<u32>,
    /// Per event: said not to have happened, or only planned or supposed (drawn faint).
    pub faint: Vec<bool>,
    /// Per event: type id (for tooltips without the events at hand).
    pub kinds: Vec<u16>,
    pub kind_names: Vec<String>,
    /// Lane keys per event for each mode (indexes into `all_lanes[mode]`).
    lane_keys: [Vec<Vec<u16>>; 3],
    all_lanes: [Vec<Lane>; 3],
    /// Factions present, for the legend.
    pub sides: Vec<Side>,
    actor_names: HashMap<String, (String, String)>,
    place_names: HashMap<String, (String, String)>,
    /// Which events pass the app's filters.
    keep: Vec<bool>,
    mode: LaneBy,
    /// Lanes shown (non-empty lanes of `mode`, most events first) and their indexes.
    pub lanes: Vec<Lane>,
    pub index: Vec<LaneIndex>,
    /// Kept events that could not be placed (no date, or an undated article with no range).
    pub unplaced: usize,
    /// First and last day of the kept events.
    pub extent: Option<(i32, i32)>,
    pub kept: usize,
    /// Start days of the placed kept events, ascending, for the density strip.
    pub density_days: Vec<i32>,
    /// Prefix sums of their casualties (`len = density_days.len() + 1`).
    pub density_casualties: Vec<u64>,
}

fn mode_slot(m: LaneBy) -> usize {
    match m {
        LaneBy::Type => 0,
        LaneBy::Actor => 1,
        LaneBy::Place => 2,
    }
}

impl TimelineData {
    pub fn new(x: &Extract, pack: &Pack) -> TimelineData {
        TimelineData::from_events(&x.events, &x.documents, pack)
    }

    pub fn from_events(events: &[Event], docs: &[DocumentOut], pack: &Pack) -> TimelineData {
        let by_id: HashMap<&str, &DocumentOut> = docs.iter().map(|d| (d.id.as_str(), d)).collect();
        let mut data = TimelineData::default();
        let mut kind_ix: HashMap<String, u16> = HashMap::new();
        let mut lane_ix: [HashMap<String, u16>; 3] = Default::default();
        let mut sides: HashMap<String, usize> = HashMap::new();
        for a in &pack.actors {
            data.actor_names
                .insert(a.id.clone(), (a.name_en.clone(), a.name_ar.clone()));
        }
        for p in &pack.places {
            data.place_names
                .insert(p.id.clone(), (p.name_en.clone(), p.name_ar.clone()));
        }
        // Types in the documented order first, so the type lanes read the same every time.
        for (id, en, ar) in TYPES {
            lane_ix[0].insert(id.to_string(), data.all_lanes[0].len() as u16);
            data.all_lanes[0].push(Lane {
                key: id.into(),
                label_en: en.into(),
                label_ar: ar.into(),
                rgb: None,
                count: 0,
            });
        }
        let none_lane = |lanes: &mut Vec<Lane>, ix: &mut HashMap<String, u16>| -> u16 {
            *ix.entry(String::new()).or_insert_with(|| {
                lanes.push(Lane {
                    key: String::new(),
                    label_en: "(none)".into(),
                    label_ar: "غير محدد".into(),
                    rgb: None,
                    count: 0,
                });
                (lanes.len() - 1) as u16
            })
        };
        for e in events {
            let time = event_time(e, by_id.get(e.doc.as_str()).copied());
            data.times.push(time);
            let k = kind_ix.len() as u16;
            let k = *kind_ix.entry(e.kind.to_string()).or_insert_with(|| {
                data.kind_names.push(e.kind.to_string());
                k
            });
            data.kinds.push(k);
            data.faint.push(matches!(
                e.modality,
                Modality::Negated | Modality::Planned | Modality::Hypothetical
            ));
            data.casualties
                .push(e.casualties.killed.unwrap_or(0) + e.casualties.injured.unwrap_or(0));
            // Type lane.
            let t = match lane_ix[0].get(e.kind.as_str()) {
                Some(&t) => t,
                None => {
                    let t = data.all_lanes[0].len() as u16;
                    data.all_lanes[0].push(Lane {
                        key: e.kind.to_string(),
                        label_en: e.kind.to_string(),
                        label_ar: e.kind.to_string(),
                        rgb: None,
                        count: 0,
                    });
                    lane_ix[0].insert(e.kind.to_string(), t);
                    t
                }
            };
            data.lane_keys[0].push(vec![t]);
            // Faction lanes: every side the event names, once.
            let mut keys = Vec::new();
            let mut first_rgb = None;
            for a in &e.actors {
                let f = pack.faction_of(a);
                let rgb = pack.actor(f).and_then(|x| x.rgb());
                if first_rgb.is_none() {
                    first_rgb = rgb;
                }
                let ix = match lane_ix[1].get(f) {
                    Some(&ix) => ix,
                    None => {
                        let (en, ar) = pack
                            .actor(f)
                            .map(|x| (x.name_en.clone(), x.name_ar.clone()))
                            .unwrap_or_else(|| (f.to_string(), String::new()));
                        data.all_lanes[1].push(Lane {
                            key: f.to_string(),
                            label_en: en.clone(),
                            label_ar: ar.clone(),
                            rgb,
                            count: 0,
                        });
                        if let Some(rgb) = rgb
                            && !sides.contains_key(f)
                        {
                            sides.insert(f.to_string(), data.sides.len());
                            data.sides.push(Side {
                                id: f.to_string(),
                                name_en: en,
                                name_ar: ar,
                                rgb,
                                count: 0,
                            });
                        }
                        let ix = (data.all_lanes[1].len() - 1) as u16;
                        lane_ix[1].insert(f.to_string(), ix);
                        ix
                    }
                };
                if !keys.contains(&ix) {
                    keys.push(ix);
                    if let Some(&si) = sides.get(f) {
                        data.sides[si].count += 1;
                    }
                }
            }
            if keys.is_empty() {
                keys.push(none_lane(&mut data.all_lanes[1], &mut lane_ix[1]));
            }
            data.lane_keys[1].push(keys);
            data.rgb.push(first_rgb.unwrap_or(NO_SIDE_RGB));
            // Place lanes.
            let mut keys = Vec::new();
            for p in &e.places {
                let ix = match lane_ix[2].get(p.as_str()) {
                    Some(&ix) => ix,
                    None => {
                        let (en, ar) = data
                            .place_names
                            .get(p.as_str())
                            .cloned()
                            .unwrap_or_else(|| (p.to_string(), String::new()));
                        data.all_lanes[2].push(Lane {
                            key: p.to_string(),
                            label_en: en,
                            label_ar: ar,
                            rgb: None,
                            count: 0,
                        });
                        let ix = (data.all_lanes[2].len() - 1) as u16;
                        lane_ix[2].insert(p.to_string(), ix);
                        ix
                    }
                };
                if !keys.contains(&ix) {
                    keys.push(ix);
                }
            }
            if keys.is_empty() {
                keys.push(none_lane(&mut data.all_lanes[2], &mut lane_ix[2]));
            }
            data.lane_keys[2].push(keys);
        }
        data.sides
            .sort_by(|a, b| b.count.cmp(&a.count).then(a.id.cmp(&b.id)));
        data.keep = vec![true; events.len()];
        data.rebuild();
        data
    }

    /// Keep only the events for which `keep(index)` is true (the app's filters).
    pub fn set_filter(&mut self, keep: impl Fn(usize) -> bool) {
        let new: Vec<bool> = (0..self.times.len()).map(keep).collect();
        if new != self.keep {
            self.keep = new;
            self.rebuild();
        }
    }

    pub fn is_kept(&self, event: usize) -> bool {
        self.keep.get(event).copied().unwrap_or(false)
    }

    pub fn mode(&self) -> LaneBy {
        self.mode
    }

    /// Split into lanes by `mode` (cheap when it is already the mode).
    pub fn set_lanes(&mut self, mode: LaneBy) {
        if mode != self.mode {
            self.mode = mode;
            self.rebuild();
        }
    }

    /// The lanes (indexes into `lanes`) an event is drawn in.
    pub fn lanes_of(&self, event: usize) -> impl Iterator<Item = usize> + '_ {
        let slot = mode_slot(self.mode);
        let keys = self.lane_keys[slot].get(event).map_or(&[][..], |v| &v[..]);
        keys.iter().filter_map(move |&k| {
            let key = &self.all_lanes[slot].get(k as usize)?.key;
            self.lanes.iter().position(|l| &l.key == key)
        })
    }

    pub fn actor_name<'a>(&'a self, id: &'a str, lang: Lang) -> &'a str {
        self.actor_names
            .get(id)
            .map_or(id, |(en, ar)| name(en, ar, lang))
    }

    pub fn place_name<'a>(&'a self, id: &'a str, lang: Lang) -> &'a str {
        self.place_names
            .get(id)
            .map_or(id, |(en, ar)| name(en, ar, lang))
    }

    /// Kept events starting in days `lo..hi`, and their casualties.
    pub fn density(&self, lo: i32, hi: i32) -> (usize, u64) {
        let a = self.density_days.partition_point(|&d| d < lo);
        let b = self.density_days.partition_point(|&d| d < hi).max(a);
        let cas = |i: usize| self.density_casualties.get(i).copied().unwrap_or(0);
        (b - a, cas(b).saturating_sub(cas(a)))
    }

    pub fn len(&self) -> usize {
        self.times.len()
    }

    pub fn is_empty(&self) -> bool {
        self.times.is_empty()
    }

    fn rebuild(&mut self) {
        let slot = mode_slot(self.mode);
        let all = &self.all_lanes[slot];
        let mut index: Vec<LaneIndex> = vec![LaneIndex::default(); all.len()];
        let mut counts = vec![0usize; all.len()];
        self.unplaced = 0;
        self.kept = 0;
        let mut extent: Option<(i32, i32)> = None;
        for (i, keys) in self.lane_keys[slot].iter().enumerate() {
            if !self.keep.get(i).copied().unwrap_or(false) {
                continue;
            }
            self.kept += 1;
            let Some(t) = self.times[i] else {
                self.unplaced += 1;
                continue;
            };
            extent = Some(extent.map_or((t.start, t.end), |(a, b)| (a.min(t.start), b.max(t.end))));
            for &k in keys {
                let Some(ix) = index.get_mut(k as usize) else {
                    continue;
                };
                counts[k as usize] += 1;
                if t.bar {
                    ix.bars.push((t.start, t.end, i as u32));
                    ix.max_bar_days = ix.max_bar_days.max(t.end - t.start);
                } else {
                    ix.mark_days.push(t.start);
                    ix.mark_events.push(i as u32);
                }
            }
        }
        self.extent = extent;
        let mut starts: Vec<(i32, u32)> = (0..self.times.len())
            .filter(|&i| self.keep[i])
            .filter_map(|i| self.times[i].map(|t| (t.start, self.casualties[i])))
            .collect();
        starts.sort_unstable();
        self.density_days = starts.iter().map(|s| s.0).collect();
        self.density_casualties = std::iter::once(0)
            .chain(starts.iter().scan(0u64, |acc, s| {
                *acc += s.1 as u64;
                Some(*acc)
            }))
            .collect();
        // Non-empty lanes; types keep their documented order, sides and places go by size.
        let mut order: Vec<usize> = (0..all.len()).filter(|&k| counts[k] > 0).collect();
        if self.mode != LaneBy::Type {
            order.sort_by(|&a, &b| {
                let none = |k: usize| all[k].key.is_empty();
                none(a)
                    .cmp(&none(b))
                    .then(counts[b].cmp(&counts[a]))
                    .then(all[a].key.cmp(&all[b].key))
            });
        }
        self.lanes = order
            .iter()
            .map(|&k| Lane {
                count: counts[k],
                ..all[k].clone()
            })
            .collect();
        self.index = order
            .iter()
            .map(|&k| {
                let mut ix = std::mem::take(&mut index[k]);
                let mut marks: Vec<(i32, u32)> = ix
                    .mark_days
                    .iter()
                    .copied()
                    .zip(ix.mark_events.iter().copied())
                    .collect();
                marks.sort_unstable();
                ix.mark_days = marks.iter().map(|m| m.0).collect();
                ix.mark_events = marks.iter().map(|m| m.1).collect();
                ix.bars.sort_unstable();
                ix.bar_ends = ix.bars.iter().map(|b| b.1).collect();
                ix.bar_ends.sort_unstable();
                ix
            })
            .collect();
    }
}

fn name<'a>(en: &'a str, ar: &'a str, lang: Lang) -> &'a str {
    if lang == Lang::Ar && !ar.is_empty() {
        ar
    } else {
        en
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::*;
    use jiff::civil::date;

    fn ev(date: Option<&str>, end: Option<&str>, doc: &str) -> Event {
        Event {
            id: "x#1".into(),
            doc: doc.into(),
            start: 0,
            end: 1,
            evidence: String::new(),
            date: date.map(Into::into),
            date_end: end.map(Into::into),
            precision: Precision::Day,
            date_source: DateSource::Timex,
            kind: "offensive".into(),
            modality: Modality::Asserted,
            places: vec!["Tripoli".into()],
            actors: vec!["LNA".into()],
            casualties: Casualties::default(),
            control: None,
            sources: vec![],
        }
    }

    fn doc(id: &str, range: [Option<jiff::civil::Date>; 2]) -> DocumentOut {
        DocumentOut {
            id: id.into(),
            path: String::new(),
            sha256: String::new(),
            bytes: 0,
            encoding: "utf-8".into(),
            dct: Dct {
                range,
                ..Dct::none("test")
            },
            timex: vec![],
            mentions: vec![],
        }
    }

    #[test]
    fn a_day_is_a_mark_and_a_month_or_range_is_a_bar() {
        let day = event_time(&ev(Some("2019-04-04"), None, "d"), None).expect("day");
        assert!(!day.bar && !day.hollow && day.start == day.end);
        let month = event_time(&ev(Some("2019-04"), None, "d"), None).expect("month");
        assert!(month.bar && month.end - month.start == 29);
        let range =
            event_time(&ev(Some("2019-04-04"), Some("2019-06-01"), "d"), None).expect("range");
        assert!(range.bar && range.end == day_number(date(2019, 6, 1)));
    }

    #[test]
    fn an_undated_article_event_spans_its_possible_days_hollow() {
        let d = doc("u", [Some(date(2019, 5, 1)), Some(date(2019, 5, 10))]);
        let t = event_time(&ev(Some("dct-2d"), None, "u"), Some(&d)).expect("window");
        assert!(t.hollow && t.bar);
        assert_eq!(t.start, day_number(date(2019, 4, 29)));
        assert_eq!(t.end, day_number(date(2019, 5, 8)));
        let open = doc("o", [Some(date(2019, 5, 1)), None]);
        assert_eq!(
            event_time(&ev(Some("dct-2d"), None, "o"), Some(&open)),
            None
        );
        assert_eq!(event_time(&ev(None, None, "o"), Some(&open)), None);
        assert_eq!(event_time(&ev(Some("PAST_REF"), None, "o"), None), None);
    }

    #[test]
    fn lanes_follow_the_mode_and_the_filter_and_count_unplaced_events() {
        let pack = Pack::builtin().expect("pack");
        let mut a = ev(Some("2019-04-04"), None, "d");
        a.actors = vec!["GNA".into()];
        let mut b = ev(Some("2014-05-16"), None, "d");
        b.kind = "air_strike".into();
        let c = ev(None, None, "d");
        let mut data = TimelineData::from_events(&[a, b, c], &[], &pack);
        let keys: Vec<&str> = data.lanes.iter().map(|l| l.key.as_str()).collect();
        assert_eq!(keys, ["offensive", "air_strike"]);
        assert_eq!(data.unplaced, 1);
        assert_eq!(
            data.extent,
            Some((day_number(date(2014, 5, 16)), day_number(date(2019, 4, 4))))
        );
        data.set_lanes(LaneBy::Actor);
        assert_eq!(data.lanes.len(), 2);
        assert!(data.lanes.iter().all(|l| l.rgb.is_some()));
        data.set_filter(|i| i == 0);
        assert_eq!(data.lanes.len(), 1);
        assert_eq!(data.lanes[0].key, "GNA");
        assert_eq!(data.lanes_of(0).collect::<Vec<_>>(), [0]);
        assert_eq!(data.lanes_of(1).count(), 0);
        let d0 = day_number(date(2019, 4, 4));
        assert_eq!(data.density(d0, d0 + 1).0, 1);
        assert_eq!(data.density(0, d0).0, 0, "the 2014 event is filtered out");
    }

    #[test]
    fn density_counts_events_and_sums_casualties_per_range() {
        let pack = Pack::builtin().expect("pack");
        let mut a = ev(Some("2019-04-04"), None, "d");
        a.casualties.killed = Some(5);
        let mut b = ev(Some("2019-04-04"), None, "d");
        b.casualties.injured = Some(2);
        let c = ev(Some("2019-05-01"), None, "d");
        let data = TimelineData::from_events(&[a, b, c], &[], &pack);
        let d0 = day_number(date(2019, 4, 4));
        assert_eq!(data.density(d0, d0 + 1), (2, 7));
        assert_eq!(data.density(d0 + 1, d0 + 100), (1, 0));
        assert_eq!(data.density(d0 + 100, d0), (0, 0));
    }

    #[test]
    fn lane_index_finds_marks_and_overlapping_bars_by_binary_search() {
        let ix = LaneIndex {
            mark_days: vec![1, 5, 5, 9],
            mark_events: vec![0, 1, 2, 3],
            bars: vec![(0, 100, 4), (50, 52, 5), (200, 210, 6)],
            max_bar_days: 100,
            bar_ends: vec![52, 100, 210],
        };
        assert_eq!(ix.bars_overlapping(60, 70), 1);
        assert_eq!(ix.bars_overlapping(51, 205), 3);
        assert_eq!(ix.bars_overlapping(101, 200), 0);
        assert_eq!(ix.bars_overlapping(300, 400), 0);
        assert_eq!(ix.marks_in(5, 9), 1..3);
        assert_eq!(ix.marks_in(10, 20), 4..4);
        let hit: Vec<u32> = ix.bars_in(60, 70).map(|b| b.2).collect();
        assert_eq!(hit, [4]);
        let hit: Vec<u32> = ix.bars_in(51, 205).map(|b| b.2).collect();
        assert_eq!(hit, [4, 5, 6]);
    }
}
