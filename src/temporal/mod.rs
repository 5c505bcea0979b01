//! The date grammar: a lexicon (data in the region pack) and an engine that finds date
//! expressions, then resolves them against the article's own date.

pub mod dct;

use crate::corpus::SourceDoc;
use crate::model::{Dct, Timex};
use crate::normalize::Normalized;
use crate::pack::Pack;

/// A date expression found in the text, not yet resolved against the article's date.
#[derive(Debug, Clone, PartialEq)]
pub struct Found {
    pub start: usize,
    pub end: usize,
}

pub fn recognize(_doc: &SourceDoc, _norm: &Normalized, _pack: &Pack) -> Vec<Found> {
    Vec::new()
}

pub fn resolve(_found: &[Found], _dct: &Dct) -> Vec<Timex> {
    Vec::new()
}
