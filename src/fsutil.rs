//! File writing that never leaves a half-written file behind: the user's corrections,
//! exports and `--out` files all go through here.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Write to a temporary file in the target's own folder, sync, then rename over the
/// target (a rename across file systems would be a copy). On failure the temporary file
/// is removed and any previous file at `path` is left as it was.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "out".into());
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let res = (|| {
        let mut f = std::fs::File::create(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        std::fs::rename(&tmp, path)
    })();
    if res.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary() {
        let dir = std::env::temp_dir().join(format!("tarikh-fsutil-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("temp dir");
        let target = dir.join("x.json");
        write_atomic(&target, b"first").expect("write");
        write_atomic(&target, b"second").expect("overwrite");
        assert_eq!(std::fs::read(&target).expect("read"), b"second");
        // A directory where the file should go: the rename fails, nothing is left over.
        let blocked = dir.join("blocked");
        std::fs::create_dir_all(blocked.join("inner")).expect("dir");
        assert!(write_atomic(&blocked, b"data").is_err());
        let left: Vec<_> = std::fs::read_dir(&dir)
            .expect("list")
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".tmp"))
            .collect();
        assert!(left.is_empty(), "temporary files left: {left:?}");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
