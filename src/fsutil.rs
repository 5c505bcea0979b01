//! File writing that never leaves a half-written file behind: the user's corrections,
//! exports and `--out` files all go through here.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Write to a temporary file in the target's own folder, sync, then rename over the
/// target (a rename across file systems would be a copy). On failure the temporary file
/// is removed and any previous file at `path` is left as it was.
///
/// Two kinds of target are not plain files and must not be renamed over:
/// - a device, pipe or socket (`--out /dev/null`, `--out /dev/stdout`): renaming a file
///   onto `/dev/null` as root replaces the device with a regular file, after which every
///   program that reads `/dev/null` reads what others wrote there. These are written in
///   place; there is no old content to protect.
/// - a symbolic link: the link is the user's, so the file it points to is replaced and
///   the link stays.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    if let Ok(meta) = std::fs::metadata(path)
        && !meta.is_file()
        && !meta.is_dir()
    {
        let mut f = std::fs::OpenOptions::new().write(true).open(path)?;
        return f.write_all(bytes);
    }
    let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
    if is_link {
        return replace_file(&link_target(path)?, bytes);
    }
    replace_file(path, bytes)
}

/// Where a symbolic link points, followed to the end of a chain of links; a dangling
/// link gives the path it names, so the file is created there.
fn link_target(path: &Path) -> std::io::Result<PathBuf> {
    if let Ok(real) = std::fs::canonicalize(path) {
        return Ok(real);
    }
    let mut cur = path.to_path_buf();
    // A loop of links would never end; 40 is the kernel's own limit.
    for _ in 0..40 {
        let next = std::fs::read_link(&cur)?;
        cur = match cur.parent() {
            Some(dir) if next.is_relative() => dir.join(next),
            _ => next,
        };
        if !std::fs::symlink_metadata(&cur).is_ok_and(|m| m.file_type().is_symlink()) {
            return Ok(cur);
        }
    }
    Err(std::io::Error::other("too many levels of symbolic links"))
}

fn replace_file(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
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

    #[cfg(unix)]
    #[test]
    fn a_symbolic_link_stays_and_its_file_is_replaced() {
        let dir = std::env::temp_dir().join(format!("tarikh-fsutil-link-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join("real")).expect("temp dir");
        let real = dir.join("real").join("out.json");
        std::fs::write(&real, b"old").expect("write");
        let link = dir.join("link.json");
        std::os::unix::fs::symlink("real/out.json", &link).expect("symlink");
        write_atomic(&link, b"new").expect("write through the link");
        let meta = std::fs::symlink_metadata(&link).expect("link");
        assert!(
            meta.file_type().is_symlink(),
            "the link was replaced by a file"
        );
        assert_eq!(std::fs::read(&real).expect("read"), b"new");
        // A dangling link: the file is created where it points.
        let dangling = dir.join("dangling.json");
        std::os::unix::fs::symlink("real/later.json", &dangling).expect("symlink");
        write_atomic(&dangling, b"made").expect("write through a dangling link");
        assert!(
            std::fs::symlink_metadata(&dangling)
                .expect("link")
                .file_type()
                .is_symlink()
        );
        assert_eq!(
            std::fs::read(dir.join("real/later.json")).expect("read"),
            b"made"
        );
        let _ = std::fs::remove_dir_all(&dir);
    }

    /// `--out /dev/null` must leave the device a device. Only run where it is one (the
    /// old rename, run as root, turned it into a regular file).
    #[cfg(unix)]
    #[test]
    fn writing_to_a_device_leaves_the_device() {
        use std::os::unix::fs::FileTypeExt;
        let null = Path::new("/dev/null");
        let is_dev = |p: &Path| std::fs::metadata(p).is_ok_and(|m| m.file_type().is_char_device());
        if !is_dev(null) {
            return;
        }
        write_atomic(null, b"discarded").expect("write to /dev/null");
        assert!(is_dev(null), "/dev/null is no longer a device");
        assert_eq!(std::fs::read(null).expect("read"), b"");
    }
}
