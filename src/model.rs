//! The data model of `tarikh.extract/1` (see `../shared/design/output.md`).
//! Every stage produces these types; exports and the GUI only read them.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
pub use smol_str::SmolStr;

pub const SCHEMA: &str = "tarikh.extract/1";

/// How precisely a value pins down time. Never finer than the text says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Week,
    Month,
    Year,
    Range,
    Unknown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TimexKind {
    Date,
    Time,
    Duration,
    Set,
    Ref,
}

/// What a relative expression was resolved against.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Anchor {
    Dct,
    Previous,
    None,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    pub start: usize,
    pub end: usize,
    pub text: SmolStr,
    /// ISO date, month, year, week, range "A/B", duration "P6Y", "before X",
    /// PRESENT_REF/PAST_REF/FUTURE_REF, or relative "dct-2d" when the article is undated.
    pub value: SmolStr,
    pub precision: Precision,
    pub kind: TimexKind,
    pub anchor: Anchor,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DctSource {
    User,
    Manifest,
    Filename,
    Header,
    Inferred,
    None,
}

/// The article's own date, with how sure we are and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Dct {
    pub date: Option<Date>,
    /// What the evidence allows; `None` bounds are open.
    pub range: [Option<Date>; 2],
    pub source: DctSource,
    pub confidence: f32,
    pub why: String,
}

impl Dct {
    pub fn none(why: impl Into<String>) -> Self {
        Dct {
            date: None,
            range: [None, None],
            source: DctSource::None,
            confidence: 0.0,
            why: why.into(),
        }
    }

    pub fn given(date: Date, source: DctSource, why: impl Into<String>) -> Self {
        Dct {
            date: Some(date),
            range: [Some(date), Some(date)],
            source,
            confidence: 1.0,
            why: why.into(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub text: SmolStr,
    pub place: SmolStr,
}

/// One article as read from disk, with what the pipeline found in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentOut {
    pub id: String,
    pub path: String,
    pub sha256: String,
    pub bytes: u64,
    pub encoding: String,
    pub dct: Dct,
    pub timex: Vec<Timex>,
    pub mentions: Vec<Mention>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DateSource {
    Timex,
    Dct,
    Inherited,
    Knowledge,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Modality {
    Asserted,
    Negated,
    Planned,
    Reported,
    Hypothetical,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ControlState {
    Held,
    Contested,
    Lost,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ControlClaim {
    pub place: SmolStr,
    pub holder: Option<SmolStr>,
    pub state: ControlState,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub contenders: Vec<SmolStr>,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Casualties {
    pub killed: Option<u32>,
    pub injured: Option<u32>,
    pub displaced: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Event {
    pub id: SmolStr,
    pub doc: SmolStr,
    pub start: usize,
    pub end: usize,
    pub evidence: String,
    pub date: Option<SmolStr>,
    pub date_end: Option<SmolStr>,
    pub precision: Precision,
    pub date_source: DateSource,
    #[serde(rename = "type")]
    pub kind: SmolStr,
    pub modality: Modality,
    pub places: Vec<SmolStr>,
    pub actors: Vec<SmolStr>,
    pub casualties: Casualties,
    /// Boxed: most events claim no control, and the claim is larger than the rest of
    /// an event's fixed part (serialised the same either way).
    pub control: Option<Box<ControlClaim>>,
    /// Other reports of the same event (`doc#n` ids), after cross-article merging.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sources: Vec<SmolStr>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlaceOut {
    pub id: String,
    pub name_en: String,
    pub name_ar: String,
    pub lat: f64,
    pub lon: f64,
    pub kind: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ControlInterval {
    pub from: Option<Date>,
    pub to: Option<Date>,
    pub holder: Option<String>,
    pub state: ControlState,
    pub contenders: Vec<String>,
    pub events: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ControlHistory {
    pub place: String,
    pub intervals: Vec<ControlInterval>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Skipped {
    pub path: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Tool {
    pub name: String,
    pub version: String,
    pub pack: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CorpusInfo {
    pub root: String,
    pub documents: usize,
    pub skipped: Vec<Skipped>,
}

/// The whole `tarikh extract` result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Extract {
    pub schema: String,
    pub tool: Tool,
    pub corpus: CorpusInfo,
    pub documents: Vec<DocumentOut>,
    pub events: Vec<Event>,
    pub places: Vec<PlaceOut>,
    pub control: Vec<ControlHistory>,
}
