//! Events: clauses, triggers, actors and places, dates, modality, casualties, control.

use crate::corpus::SourceDoc;
use crate::model::{Dct, Event, Timex};
use crate::normalize::Normalized;
use crate::pack::Pack;

pub fn extract(
    _doc: &SourceDoc,
    _norm: &Normalized,
    _pack: &Pack,
    _dct: &Dct,
    _timex: &[Timex],
) -> Vec<Event> {
    Vec::new()
}

/// The same event reported by several articles becomes one, with all its sources.
pub fn merge(events: Vec<Event>) -> Vec<Event> {
    events
}
