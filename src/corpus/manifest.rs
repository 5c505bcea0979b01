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
        // A first line that is neither a date row nor the expected header is a header
        // with the wrong columns: say so rather than "bad date".
        if i == 0 && !date.trim().starts_with(|c: char| c.is_ascii_digit()) {
            return Err(bad(
                1,
                format!("the header must be `file,date`, not `{line}`"),
            ));
        }
        let date: Date = date
            .trim()
            .parse()
            .map_err(|e| bad(i + 1, format!("date {:?}: {e}", date.trim())))?;
        out.insert(file.trim().trim_matches('"').to_string(), date);
    }
    Ok(out)
}
