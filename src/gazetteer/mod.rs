//! Place and actor lookup: clitic-aware matching of the pack's names in normalised text.

use crate::corpus::SourceDoc;
use crate::model::Mention;
use crate::normalize::Normalized;
use crate::pack::Pack;

/// An actor named in the text. Spans are original byte offsets, like every span.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorMention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    /// The pack actor matched (a person, a unit, a faction).
    pub actor: String,
    /// The faction it belongs to (حفتر → LNA); equal to `actor` for a faction.
    pub faction: String,
}

/// Every place named in the document, with original byte spans.
pub fn place_mentions(_doc: &SourceDoc, _norm: &Normalized, _pack: &Pack) -> Vec<Mention> {
    Vec::new()
}

/// Every actor named in the document, with original byte spans.
pub fn actor_mentions(_doc: &SourceDoc, _norm: &Normalized, _pack: &Pack) -> Vec<ActorMention> {
    Vec::new()
}
