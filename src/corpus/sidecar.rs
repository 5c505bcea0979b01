//! The sidecar of article dates the user set or corrected (`FOLDER/.tarikh/dates.json`):
//! read back with source `user` by the app and the CLI; the articles are never modified.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

pub const SCHEMA: &str = "tarikh.dates/1";

/// Dates by the article's path relative to the corpus root ('/'-separated).
pub type UserDates = BTreeMap<String, Date>;

#[derive(Debug, Serialize, Deserialize)]
struct File {
    schema: String,
    dates: UserDates,
}

/// Where the sidecar of `root` lives inside the corpus folder.
pub fn folder_path(root: &Path) -> PathBuf {
    root.join(".tarikh").join("dates.json")
}

/// Where the sidecar of `root` lives when the folder is read-only: one file per corpus in
/// the data directory, named by a hash of the folder's absolute path.
pub fn fallback_path(root: &Path, data_dir: &Path) -> PathBuf {
    use sha2::Digest;
    let abs = std::fs::canonicalize(root).unwrap_or_else(|_| root.to_path_buf());
    let hash = sha2::Sha256::digest(abs.to_string_lossy().as_bytes());
    let hex: String = hash.iter().take(8).map(|b| format!("{b:02x}")).collect();
    data_dir.join("sidecars").join(format!("{hex}.json"))
}

/// The app's data directory (XDG on Linux, %APPDATA% on Windows, ~/Library on macOS).
pub fn default_data_dir() -> Option<PathBuf> {
    let env = |k: &str| {
        std::env::var_os(k)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if cfg!(windows) {
        return env("APPDATA").map(|p| p.join("tarikh"));
    }
    if cfg!(target_os = "macos") {
        return env("HOME").map(|p| p.join("Library/Application Support/tarikh"));
    }
    env("XDG_DATA_HOME")
        .or_else(|| env("HOME").map(|h| h.join(".local/share")))
        .map(|p| p.join("tarikh"))
}

/// Parse a sidecar's text. Unknown schemas are refused rather than misread.
pub fn parse(text: &str) -> std::result::Result<UserDates, String> {
    let f: File =
        serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| e.to_string())?;
    if f.schema != SCHEMA {
        return Err(format!("schema {:?}, expected {SCHEMA:?}", f.schema));
    }
    Ok(f.dates)
}

/// The sidecar's text for `dates` (stable order, pretty, newline-terminated).
pub fn to_json(dates: &UserDates) -> String {
    let f = File {
        schema: SCHEMA.into(),
        dates: dates.clone(),
    };
    let mut s = serde_json::to_string_pretty(&f).unwrap_or_default();
    s.push('\n');
    s
}

/// The user's dates for `root`: the folder's sidecar, else the data directory's, else none.
/// A damaged sidecar is an error (the caller reports it), never silently dropped.
pub fn load(root: &Path, data_dir: Option<&Path>) -> Result<UserDates> {
    let candidates =
        std::iter::once(folder_path(root)).chain(data_dir.map(|d| fallback_path(root, d)));
    for p in candidates {
        if !p.is_file() {
            continue;
        }
        let text = std::fs::read_to_string(&p).map_err(|source| Error::Io {
            path: p.clone(),
            source,
        })?;
        return parse(&text).map_err(|reason| Error::Manifest {
            path: p,
            line: 0,
            reason,
        });
    }
    Ok(UserDates::new())
}

/// Save `dates` atomically (temporary file + rename) in the folder's sidecar, or in the
/// data directory when the folder cannot be written. Returns where it went.
pub fn save(root: &Path, data_dir: Option<&Path>, dates: &UserDates) -> Result<PathBuf> {
    let text = to_json(dates);
    let primary = folder_path(root);
    // Never write over corrections that could not be read: keep them beside it.
    if let Ok(old) = std::fs::read_to_string(&primary)
        && parse(&old).is_err()
    {
        let _ = std::fs::rename(&primary, primary.with_extension("json.damaged"));
    }
    let first_err = match write_in_folder(&primary, text.as_bytes()) {
        Ok(()) => return Ok(primary),
        Err(e) => e,
    };
    if let Some(d) = data_dir {
        let p = fallback_path(root, d);
        if write_in_folder(&p, text.as_bytes()).is_ok() {
            return Ok(p);
        }
    }
    Err(Error::Io {
        path: primary,
        source: first_err,
    })
}

/// The sidecar's folder (`.tarikh/`) may not exist yet.
fn write_in_folder(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir)?;
    }
    crate::fsutil::write_atomic(path, bytes)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Date {
        s.parse().expect("date")
    }

    /// A temp folder removed when the test ends.
    struct Tmp(PathBuf);
    impl std::ops::Deref for Tmp {
        type Target = Path;
        fn deref(&self) -> &Path {
            &self.0
        }
    }
    impl Drop for Tmp {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn tmp(name: &str) -> Tmp {
        let p = std::env::temp_dir().join(format!("tarikh-sidecar-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).expect("temp dir");
        Tmp(p)
    }

    #[test]
    fn saved_dates_read_back_identically() {
        let root = tmp("roundtrip");
        let mut dates = UserDates::new();
        dates.insert("a/one.txt".into(), d("2019-04-04"));
        dates.insert("two.txt".into(), d("2014-05-16"));
        let at = save(&root, None, &dates).expect("saved");
        assert_eq!(at, folder_path(&root));
        assert_eq!(load(&root, None).expect("loaded"), dates);
        // No temporary file is left beside it.
        let left: Vec<_> = std::fs::read_dir(root.join(".tarikh"))
            .expect("dir")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name())
            .collect();
        assert_eq!(left.len(), 1, "{left:?}");
    }

    #[test]
    fn missing_sidecar_means_no_user_dates() {
        let root = tmp("missing");
        assert!(load(&root, None).expect("no error").is_empty());
    }

    #[test]
    fn damaged_or_foreign_sidecar_is_an_error() {
        assert!(parse("{not json").is_err());
        assert!(parse(r#"{"schema":"other/1","dates":{}}"#).is_err());
        assert!(parse(r#"{"schema":"tarikh.dates/1","dates":{"a.txt":"2019-13-01"}}"#).is_err());
    }

    #[test]
    fn unwritable_folder_falls_back_to_the_data_dir() {
        let base = tmp("fallback");
        // A file where the `.tarikh` folder should be makes the folder's sidecar unwritable
        // whatever the user's permissions (tests may run as root).
        let root = base.join("corpus");
        std::fs::create_dir_all(&root).expect("root");
        std::fs::write(root.join(".tarikh"), "blocker").expect("blocker");
        let data = base.join("data");
        let mut dates = UserDates::new();
        dates.insert("x.txt".into(), d("2020-06-05"));
        let at = save(&root, Some(&data), &dates).expect("saved in the data dir");
        assert!(at.starts_with(&data), "{at:?}");
        assert_eq!(load(&root, Some(&data)).expect("loaded"), dates);
        // Without a data dir the failure is reported, not swallowed.
        assert!(save(&root, None, &dates).is_err());
    }

    #[test]
    fn the_pipeline_dates_an_article_by_the_sidecar_as_the_users() {
        let root = tmp("pipeline");
        std::fs::write(root.join("a.txt"), "اندلعت اشتباكات في بنغازي أمس.").expect("article");
        std::fs::write(root.join("dates.csv"), "file,date\na.txt,2014-01-01\n").expect("manifest");
        let mut dates = UserDates::new();
        dates.insert("a.txt".into(), d("2014-05-17"));
        save(&root, None, &dates).expect("saved");
        let pack = crate::Pack::builtin().expect("pack");
        let x = crate::pipeline::run(&root, &pack, &Default::default(), &()).expect("run");
        let dct = &x.documents[0].dct;
        // The user's date wins over the manifest's.
        assert_eq!(dct.source, crate::model::DctSource::User);
        assert_eq!(dct.date, Some(d("2014-05-17")));
    }
}
