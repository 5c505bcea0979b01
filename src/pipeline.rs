//! The whole pipeline: read a folder, date each article, find its timexes, places and
//! events (in parallel, one pure function per document), then merge and derive control.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use jiff::civil::Date;
use rayon::prelude::*;

use crate::corpus::{self, SourceDoc};
use crate::error::Result;
use crate::model::*;
use crate::normalize::Normalized;
use crate::pack::Pack;

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// A `file,date` manifest; when absent, `dates.csv` in the corpus root is used if present.
    pub dates: Option<PathBuf>,
}

/// Per-document result of the pipeline.
#[derive(Debug, Clone)]
pub struct DocResult {
    pub out: DocumentOut,
    pub events: Vec<Event>,
}

/// Progress of a long run, for stderr or a GUI progress bar.
pub trait Progress: Sync {
    fn file_done(&self, _done: usize, _total: usize, _path: &str) {}
    /// Return true to stop early (the GUI's cancel button).
    fn cancelled(&self) -> bool {
        false
    }
}

impl Progress for () {}

/// Everything about one document that depends only on it, the pack, and its given date.
pub fn analyze(doc: &SourceDoc, pack: &Pack, given: Option<Dct>) -> DocResult {
    let (dct, timex, mentions, events) = analyze_parts(doc, pack, given);
    DocResult::new(doc, dct, timex, mentions, events)
}

/// What `analyze` finds in a document: its date, timexes, place mentions and events.
fn analyze_parts(
    doc: &SourceDoc,
    pack: &Pack,
    given: Option<Dct>,
) -> (Dct, Vec<Timex>, Vec<Mention>, Vec<Event>) {
    let norm = Normalized::new(&doc.text);
    let found = crate::temporal::recognize(doc, &norm, pack);
    let dct = given.unwrap_or_else(|| crate::temporal::dct::infer(doc, &norm, &found, pack));
    let timex = crate::temporal::resolve(&found, &dct, &doc.text);
    let mentions = crate::gazetteer::place_mentions(doc, &norm, pack);
    let events = crate::events::extract(doc, &norm, pack, &dct, &timex);
    (dct, timex, mentions, events)
}

impl DocResult {
    /// One document's results, with the document's own fields copied into its output.
    pub fn new(
        doc: &SourceDoc,
        dct: Dct,
        timex: Vec<Timex>,
        mentions: Vec<Mention>,
        events: Vec<Event>,
    ) -> DocResult {
        DocResult {
            out: DocumentOut {
                id: doc.id.clone(),
                path: doc.path.clone(),
                sha256: doc.sha256.clone(),
                bytes: doc.bytes,
                encoding: doc.encoding.clone(),
                dct,
                timex,
                mentions,
            },
            events,
        }
    }
}

/// Dates given from outside the text: the manifest (explicit or `dates.csv` in the root).
pub fn given_dates(root: &Path, opts: &Options) -> Result<HashMap<String, Date>> {
    match &opts.dates {
        Some(p) => corpus::manifest::load(p),
        None => {
            let p = root.join("dates.csv");
            if p.is_file() {
                corpus::manifest::load(&p)
            } else {
                Ok(HashMap::new())
            }
        }
    }
}

/// The given date of one document, by relative path, file name or id.
pub fn given_for(doc: &SourceDoc, manifest: &HashMap<String, Date>) -> Option<Dct> {
    // Most corpora have no manifest: then no key need be made.
    if manifest.is_empty() {
        return None;
    }
    let name = doc.path.rsplit('/').next().unwrap_or(&doc.path);
    [doc.path.as_str(), name, doc.id.as_str()]
        .iter()
        .find_map(|k| manifest.get(*k))
        .map(|d| Dct::given(*d, DctSource::Manifest, "dates manifest"))
}

/// The given date of one document: the user's (sidecar) first, then the manifest's.
pub fn given_with_user(
    doc: &SourceDoc,
    user: &corpus::sidecar::UserDates,
    manifest: &HashMap<String, Date>,
) -> Option<Dct> {
    user.get(&doc.path)
        .map(|d| Dct::given(*d, DctSource::User, "set by the user"))
        .or_else(|| given_for(doc, manifest))
}

/// Analyze every document in parallel with its given date; `None` when cancelled.
pub fn analyze_all(
    docs: &[SourceDoc],
    pack: &Pack,
    given: &(dyn Fn(&SourceDoc) -> Option<Dct> + Sync),
    progress: &dyn Progress,
) -> Option<Vec<DocResult>> {
    let (results, stopped) = analyze_docs(docs, pack, given, progress);
    (!stopped).then_some(results)
}

/// The results of the documents analyzed, and whether the run was stopped early.
fn analyze_docs(
    docs: &[SourceDoc],
    pack: &Pack,
    given: &(dyn Fn(&SourceDoc) -> Option<Dct> + Sync),
    progress: &dyn Progress,
) -> (Vec<DocResult>, bool) {
    let total = docs.len();
    let done = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    let results: Vec<DocResult> = docs
        .par_iter()
        .filter_map(|doc| {
            if stop.load(Ordering::Relaxed) || progress.cancelled() {
                stop.store(true, Ordering::Relaxed);
                return None;
            }
            let r = analyze(doc, pack, given(doc));
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            progress.file_done(n, total, &doc.path);
            Some(r)
        })
        .collect();
    (results, stop.load(Ordering::Relaxed))
}

/// Run the whole pipeline over a folder. Dates the user set in the app (the sidecar,
/// `corpus::sidecar`) win over the manifest. A cancelled run keeps what was done.
pub fn run(root: &Path, pack: &Pack, opts: &Options, progress: &dyn Progress) -> Result<Extract> {
    let mut read = corpus::read_folder(root)?;
    let manifest = given_dates(root, opts)?;
    // A damaged corrections file is reported like a bad article and left untouched (the
    // app keeps a copy before it ever writes a new one); the run goes on without it.
    let user = match corpus::sidecar::load(root, corpus::sidecar::default_data_dir().as_deref()) {
        Ok(u) => u,
        Err(e) => {
            read.skipped.push(Skipped {
                path: corpus::sidecar::folder_path(root)
                    .strip_prefix(root)
                    .map_or_else(
                        |_| ".tarikh".into(),
                        |p| p.to_string_lossy().replace('\\', "/"),
                    ),
                reason: format!("the dates you set could not be read, so they are not used: {e}"),
            });
            Default::default()
        }
    };
    let given = |doc: &SourceDoc| given_with_user(doc, &user, &manifest);
    let (documents, parts, places) = analyze_flat(read.docs, pack, &given, progress);
    let events = crate::events::merge::merge_parts(parts);
    Ok(finish(root, pack, read.skipped, documents, events, places))
}

/// The ids of the places some mention or event names, gathered from each article as it is
/// analyzed, while its mentions and events are still at hand: a pass over all of them at
/// the end went through memory long since out of the cache.
#[derive(Default)]
struct PlaceIds {
    ids: rustc_hash::FxHashSet<String>,
    /// The ids of up to 16 bytes (nearly all) as their bytes in one number and their
    /// length: looked up without hashing or comparing text.
    short: rustc_hash::FxHashSet<(u128, u8)>,
}

impl PlaceIds {
    fn add<'a>(&mut self, ids: impl Iterator<Item = &'a str>) {
        // A place named again right after itself (an article names few places, often in
        // a row) is not looked up again.
        let mut last = None;
        for p in ids {
            let b = p.as_bytes();
            if b.len() > 16 {
                if !self.ids.contains(p) {
                    self.ids.insert(p.to_owned());
                }
                continue;
            }
            let key = (crate::events::merge::short_key(b), b.len() as u8);
            if last != Some(key) {
                last = Some(key);
                if self.short.insert(key) {
                    self.ids.insert(p.to_owned());
                }
            }
        }
    }

    fn of(docs: &[DocumentOut], events: &[Event]) -> PlaceIds {
        let mut ids = PlaceIds::default();
        ids.add(mentioned(docs));
        ids.add(named(events));
        ids
    }
}

/// The place ids of the documents' mentions.
fn mentioned(docs: &[DocumentOut]) -> impl Iterator<Item = &str> {
    docs.iter()
        .flat_map(|d| d.mentions.iter().map(|m| m.place.as_str()))
}

/// The place ids the events name.
fn named(events: &[Event]) -> impl Iterator<Item = &str> {
    events
        .iter()
        .flat_map(|e| e.places.iter().map(|p| p.as_str()))
}

/// What one worker gathers: the documents' outputs, their events, the places they name.
#[derive(Default)]
struct Gathered {
    docs: Vec<DocumentOut>,
    events: Vec<Event>,
    places: PlaceIds,
}

/// Analyze every document in parallel (stopping early when cancelled), gathering the
/// documents' outputs and events as each worker goes: a worker appends each article's
/// events to its own list and frees the article's at once, so the lists are not copied
/// again into one for merging, and the memory of one article's events serves the next.
/// The lists, in document order, are one per piece of work (one alone on one thread:
/// then the whole run's events are merged where they lie). Each document is consumed:
/// its names move into its output, and its text is freed as soon as it is analyzed.
/// The places are those of the events before merging, the same as after: a report
/// merges only into one naming the same places.
fn analyze_flat(
    docs: Vec<SourceDoc>,
    pack: &Pack,
    given: &(dyn Fn(&SourceDoc) -> Option<Dct> + Sync),
    progress: &dyn Progress,
) -> (Vec<DocumentOut>, Vec<Vec<Event>>, PlaceIds) {
    let total = docs.len();
    let done = AtomicUsize::new(0);
    let stop = AtomicBool::new(false);
    // One thread gains nothing from pieces: each piece's list would be copied when joined.
    let min_len = if rayon::current_num_threads() <= 1 {
        total.max(1)
    } else {
        1
    };
    let pieces: Vec<Gathered> = docs
        .into_par_iter()
        .with_min_len(min_len)
        .fold(Gathered::default, |mut g, doc| {
            if stop.load(Ordering::Relaxed) || progress.cancelled() {
                stop.store(true, Ordering::Relaxed);
                return g;
            }
            let (dct, timex, mentions, mut found) = analyze_parts(&doc, pack, given(&doc));
            let n = done.fetch_add(1, Ordering::Relaxed) + 1;
            progress.file_done(n, total, &doc.path);
            let out = DocumentOut {
                id: doc.id,
                path: doc.path,
                sha256: doc.sha256,
                bytes: doc.bytes,
                encoding: doc.encoding,
                dct,
                timex,
                mentions,
            };
            g.places.add(mentioned(std::slice::from_ref(&out)));
            g.places.add(named(&found));
            g.docs.push(out);
            g.events.append(&mut found);
            g
        })
        .collect();
    let mut documents = Vec::with_capacity(pieces.iter().map(|p| p.docs.len()).sum());
    let mut parts = Vec::with_capacity(pieces.len());
    let mut places = PlaceIds::default();
    for mut g in pieces {
        documents.append(&mut g.docs);
        parts.push(g.events);
        places.add(g.places.ids.iter().map(String::as_str));
    }
    (documents, parts, places)
}

/// Corpus-level stages: merge reports of the same event, derive control, list places.
pub fn assemble(
    root: &Path,
    pack: &Pack,
    skipped: Vec<Skipped>,
    results: Vec<DocResult>,
) -> Extract {
    let mut documents = Vec::with_capacity(results.len());
    let mut parts = Vec::with_capacity(results.len());
    for r in results {
        documents.push(r.out);
        parts.push(r.events);
    }
    let events = crate::events::merge::merge_parts(parts);
    let places = PlaceIds::of(&documents, &events);
    finish(root, pack, skipped, documents, events, places)
}

/// What follows merging: background defenders, control, the places used.
fn finish(
    root: &Path,
    pack: &Pack,
    skipped: Vec<Skipped>,
    documents: Vec<DocumentOut>,
    mut events: Vec<Event>,
    places: PlaceIds,
) -> Extract {
    let background = crate::control::background::histories(pack);
    crate::control::background::fill_defenders(&mut events, &background);
    let control = crate::control::derive(&events);
    let places = used_places(pack, &places);
    Extract {
        schema: SCHEMA.into(),
        tool: Tool {
            name: "tarikh".into(),
            version: env!("CARGO_PKG_VERSION").into(),
            pack: pack.name.clone(),
        },
        corpus: CorpusInfo {
            root: root.to_string_lossy().into_owned(),
            documents: documents.len(),
            skipped,
        },
        documents,
        events,
        places,
        control,
    }
}

/// The pack's places among `ids`, in id order.
fn used_places(pack: &Pack, ids: &PlaceIds) -> Vec<PlaceOut> {
    let mut ids: Vec<&str> = ids.ids.iter().map(String::as_str).collect();
    ids.sort_unstable();
    ids.into_iter()
        .filter_map(|id| pack.place(id))
        .map(|p| PlaceOut {
            id: p.id.clone(),
            name_en: p.name_en.clone(),
            name_ar: p.name_ar.clone(),
            lat: p.lat,
            lon: p.lon,
            kind: p.kind.clone(),
        })
        .collect()
}
