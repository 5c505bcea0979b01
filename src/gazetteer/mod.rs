//! Place and actor lookup: clitic-aware matching of the pack's names in normalised text.

use crate::corpus::SourceDoc;
use crate::model::Mention;
use crate::normalize::Normalized;
use crate::pack::Pack;

pub fn place_mentions(_doc: &SourceDoc, _norm: &Normalized, _pack: &Pack) -> Vec<Mention> {
    Vec::new()
}
