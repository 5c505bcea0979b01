//! The `file,date` manifest that gives articles their dates from outside the text.

use jiff::civil::Date;
use std::collections::HashMap;
use std::path::Path;

use crate::error::{Error, Result};

pub fn load(path: &Path) -> Result<HashMap<String, Date>> {
    let text = std::fs::read_to_string(path).map_err(|source| Error::Io {
        path: path.to_path_buf(),
        source,
    })?;
    let bad = |line: usize, reason: String| Error::Manifest {
        path: path.to_path_buf(),
        line,
        reason,
    };
    let mut out = HashMap::new();
    for (i, line) in text.trim_start_matches('\u{feff}').lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') || (i == 0 && line.starts_with("file")) {
            continue;
        }
        let (file, date) = line
            .rsplit_once(',')
            .ok_or_else(|| bad(i + 1, "expected `file,date`".into()))?;
        let date: Date = date
            .trim()
            .parse()
            .map_err(|e| bad(i + 1, format!("date {:?}: {e}", date.trim())))?;
        out.insert(file.trim().trim_matches('"').to_string(), date);
    }
    Ok(out)
}
