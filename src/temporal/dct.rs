//! The article's own date (DCT): from the file name, a dateline, or inference.

use super::Found;
use crate::corpus::SourceDoc;
use crate::model::Dct;
use crate::normalize::Normalized;
use crate::pack::Pack;

pub fn infer(_doc: &SourceDoc, _norm: &Normalized, _found: &[Found], _pack: &Pack) -> Dct {
    Dct::none("no date found")
}
