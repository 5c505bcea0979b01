//! The app's state in plain structs, apart from the widgets: settings kept between runs,
//! event filters (pure, unit-tested), the play animation and toasts.

use std::collections::BTreeSet;
use std::path::PathBuf;

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::model::{Event, Modality};
use crate::ui::timeline::Lang;

/// Kept between runs (eframe persistence).
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    pub recent: Vec<PathBuf>,
    pub arabic: bool,
    pub days_per_second: f32,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            recent: Vec::new(),
            arabic: false,
            days_per_second: 60.0,
        }
    }
}

pub const MAX_RECENT: usize = 8;

impl Settings {
    /// Put `folder` first in the recent list (no duplicates, at most [`MAX_RECENT`]).
    pub fn remember(&mut self, folder: &std::path::Path) {
        let folder = std::fs::canonicalize(folder).unwrap_or_else(|_| folder.to_path_buf());
        self.recent.retain(|p| p != &folder);
        self.recent.insert(0, folder);
        self.recent.truncate(MAX_RECENT);
    }

    pub fn lang(&self) -> Lang {
        if self.arabic { Lang::Ar } else { Lang::En }
    }

    /// The chrome's text in the chosen language.
    pub fn tr<'a>(&self, en: &'a str, ar: &'a str) -> &'a str {
        if self.arabic { ar } else { en }
    }
}

/// Which events are shown. Everything `None`/empty shows all asserted and reported events.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Filters {
    /// Event types hidden by the user.
    pub hidden_kinds: BTreeSet<String>,
    pub actor: Option<String>,
    pub place: Option<String>,
    /// Articles (ids) selected in the list: only their events.
    pub articles: BTreeSet<String>,
    pub show_negated: bool,
    pub show_planned: bool,
    /// Text over the evidence, Arabic-normalised (أبريل finds ابريل).
    pub query: String,
}

impl Filters {
    /// The query, normalised once per change rather than per event.
    pub fn prepared(&self) -> PreparedFilters<'_> {
        let q = crate::normalize::normalize(self.query.trim());
        PreparedFilters {
            f: self,
            query: q.split_whitespace().map(str::to_string).collect(),
        }
    }

    pub fn is_default(&self) -> bool {
        self == &Filters::default()
    }
}

pub struct PreparedFilters<'a> {
    f: &'a Filters,
    query: Vec<String>,
}

impl PreparedFilters<'_> {
    pub fn keep(&self, e: &Event) -> bool {
        let f = self.f;
        let modality_ok = match e.modality {
            Modality::Negated => f.show_negated,
            Modality::Planned | Modality::Hypothetical => f.show_planned,
            Modality::Asserted | Modality::Reported => true,
        };
        modality_ok
            && !f.hidden_kinds.contains(e.kind.as_str())
            && f.actor
                .as_ref()
                .is_none_or(|a| e.actors.iter().any(|x| x == a))
            && f.place
                .as_ref()
                .is_none_or(|p| e.places.iter().any(|x| x == p))
            && (f.articles.is_empty()
                || f.articles.contains(e.doc.as_str())
                || e.sources
                    .iter()
                    .any(|s| f.articles.contains(s.split('#').next().unwrap_or(s))))
            && (self.query.is_empty() || {
                let ev = crate::normalize::normalize(&e.evidence);
                self.query.iter().all(|w| ev.contains(w.as_str()))
            })
    }
}

/// The play button's animation of the cursor.
#[derive(Debug, Clone, Default)]
pub struct Play {
    pub playing: bool,
    /// Fraction of a day not yet applied (frames are shorter than a day at slow speeds).
    pub carry: f64,
}

impl Play {
    /// Advance `cursor` by `dt` seconds at `days_per_second`, stopping (and pausing) at `end`.
    /// Returns the new cursor.
    pub fn step(&mut self, cursor: Date, end: Date, dt: f64, days_per_second: f64) -> Date {
        if !self.playing {
            return cursor;
        }
        self.carry += dt * days_per_second.max(0.0);
        let whole = self.carry.floor();
        self.carry -= whole;
        let next = cursor
            .checked_add(jiff::Span::new().days(whole as i64))
            .unwrap_or(end);
        if next >= end {
            self.playing = false;
            self.carry = 0.0;
            end
        } else {
            next
        }
    }
}

/// A short message in the corner: an export's path, or an error.
#[derive(Debug, Clone)]
pub struct Toast {
    pub text: String,
    pub error: bool,
    /// Time (egui's clock, seconds) at which it goes away.
    pub until: f64,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Casualties, DateSource, Precision};

    fn ev(kind: &str, modality: Modality, evidence: &str) -> Event {
        Event {
            id: "a#1".into(),
            doc: "a".into(),
            start: 0,
            end: evidence.len(),
            evidence: evidence.into(),
            date: Some("2019-04-04".into()),
            date_end: None,
            precision: Precision::Day,
            date_source: DateSource::Timex,
            kind: kind.into(),
            modality,
            places: vec!["tripoli".into()],
            actors: vec!["lna".into()],
            casualties: Casualties::default(),
            control: None,
            sources: vec!["b#3".into()],
        }
    }

    #[test]
    fn negated_and_planned_events_are_hidden_by_default() {
        let f = Filters::default();
        let p = f.prepared();
        assert!(p.keep(&ev("offensive", Modality::Asserted, "x")));
        assert!(p.keep(&ev("offensive", Modality::Reported, "x")));
        assert!(!p.keep(&ev("offensive", Modality::Negated, "x")));
        assert!(!p.keep(&ev("offensive", Modality::Planned, "x")));
        let f = Filters {
            show_negated: true,
            show_planned: true,
            ..Filters::default()
        };
        assert!(f.prepared().keep(&ev("offensive", Modality::Negated, "x")));
        assert!(f.prepared().keep(&ev("offensive", Modality::Planned, "x")));
    }

    #[test]
    fn search_is_arabic_normalised() {
        let f = Filters {
            query: "أبريل".into(),
            ..Filters::default()
        };
        assert!(
            f.prepared()
                .keep(&ev("offensive", Modality::Asserted, "في ابريل الماضي"))
        );
        assert!(
            !f.prepared()
                .keep(&ev("offensive", Modality::Asserted, "في مايو الماضي"))
        );
    }

    #[test]
    fn place_actor_kind_and_article_filters_narrow() {
        let e = ev("offensive", Modality::Asserted, "x");
        let with = |f: Filters| f.prepared().keep(&e);
        assert!(with(Filters {
            place: Some("tripoli".into()),
            ..Default::default()
        }));
        assert!(!with(Filters {
            place: Some("sirte".into()),
            ..Default::default()
        }));
        assert!(!with(Filters {
            actor: Some("gna".into()),
            ..Default::default()
        }));
        assert!(!with(Filters {
            hidden_kinds: ["offensive".to_string()].into(),
            ..Default::default()
        }));
        // An article shows its own events and those merged from its reports.
        assert!(with(Filters {
            articles: ["b".to_string()].into(),
            ..Default::default()
        }));
        assert!(!with(Filters {
            articles: ["c".to_string()].into(),
            ..Default::default()
        }));
    }

    #[test]
    fn play_advances_by_speed_and_pauses_at_the_end() {
        let d = |s: &str| s.parse::<Date>().expect("date");
        let mut p = Play {
            playing: true,
            carry: 0.0,
        };
        let c = p.step(d("2019-04-01"), d("2019-05-01"), 0.5, 10.0);
        assert_eq!(c, d("2019-04-06"));
        // Slow speeds accumulate fractions of a day.
        let c = p.step(c, d("2019-05-01"), 0.05, 10.0);
        assert_eq!(c, d("2019-04-06"));
        let c = p.step(c, d("2019-05-01"), 0.05, 10.0);
        assert_eq!(c, d("2019-04-07"));
        let c = p.step(c, d("2019-05-01"), 100.0, 10.0);
        assert_eq!(c, d("2019-05-01"));
        assert!(!p.playing);
    }

    #[test]
    fn recent_folders_are_unique_newest_first_and_bounded() {
        let mut s = Settings::default();
        for i in 0..12 {
            s.remember(std::path::Path::new(&format!("/nonexistent/c{i}")));
        }
        s.remember(std::path::Path::new("/nonexistent/c5"));
        assert_eq!(s.recent.len(), MAX_RECENT);
        assert_eq!(s.recent[0], PathBuf::from("/nonexistent/c5"));
        assert_eq!(s.recent.iter().filter(|p| p.ends_with("c5")).count(), 1);
    }
}
