//! Headless snapshots: the fixture corpus's map renders like the stored reference picture
//! (within a small tolerance), and the CLI fails cleanly on an unwritable path.
#![cfg(feature = "gui")]

mod map_fixture;

use std::path::PathBuf;

use tarikh::Pack;
use tarikh::export::png::{PngError, RenderSpec};
use tarikh::ui::snapshot::{Scene, SnapshotView, render};

fn reference(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/snapshots")
        .join(name)
}

/// Share of pixels whose colour differs by more than `tol` in any channel.
fn differing(a: &image::RgbaImage, b: &image::RgbaImage, tol: u8) -> f64 {
    let n = a
        .pixels()
        .zip(b.pixels())
        .filter(|(p, q)| p.0.iter().zip(q.0).any(|(x, y)| x.abs_diff(y) > tol))
        .count();
    n as f64 / (a.width() * a.height()) as f64
}

#[test]
fn the_fixture_map_snapshot_matches_the_reference_picture() {
    if !map_fixture::fonts_available() {
        eprintln!("skipping: no fonts in ../shared");
        return;
    }
    let pack = Pack::builtin().expect("builtin pack");
    let scene = Scene::new(
        &map_fixture::extract(),
        &pack,
        SnapshotView::Map,
        Some(map_fixture::d("2019-04-06")),
        false,
    );
    let img = match render(scene, RenderSpec::new(640.0, 420.0, 1.0)) {
        Ok((img, _)) => img,
        Err(PngError::Render(e)) => {
            eprintln!("skipping: no adapter to render with: {e}");
            return;
        }
        Err(e) => panic!("{e}"),
    };
    assert_eq!((img.width(), img.height()), (640, 420));
    let path = reference("snapshot_fixture_map.png");
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some() || !path.exists() {
        tarikh::export::png::write_png(&path, &img).expect("write reference");
        eprintln!("wrote reference {}", path.display());
        return;
    }
    let want = image::open(&path).expect("reference reads").to_rgba8();
    assert_eq!(want.dimensions(), img.dimensions());
    let diff = differing(&img, &want, 24);
    let out = std::env::temp_dir().join("tarikh_snapshot_fixture_map.png");
    let _ = tarikh::export::png::write_png(&out, &img);
    assert!(
        diff < 0.005,
        "{:.2}% of pixels differ from {} (new picture at {}); rerun with UPDATE_SNAPSHOTS=1 if the change is intended",
        diff * 100.0,
        path.display(),
        out.display()
    );
}

#[test]
fn a_4x_snapshot_has_four_times_the_pixels_per_side() {
    if !map_fixture::fonts_available() {
        return;
    }
    let pack = Pack::builtin().expect("builtin pack");
    let scene = Scene::new(
        &map_fixture::extract(),
        &pack,
        SnapshotView::Map,
        None,
        false,
    );
    match render(scene, RenderSpec::new(200.0, 150.0, 4.0)) {
        Ok((img, scene)) => {
            assert_eq!((img.width(), img.height()), (800, 600));
            // With no --at, the cursor is the corpus's last event date.
            assert_eq!(scene.caption.at, Some(map_fixture::d("2020-06-06")));
        }
        Err(PngError::Render(e)) => eprintln!("skipping: {e}"),
        Err(e) => panic!("{e}"),
    }
}

#[test]
fn snapshot_to_an_unwritable_path_fails_with_a_clear_message_and_no_file() {
    let dir = std::env::temp_dir().join(format!("tarikh_snap_cli_{}", std::process::id()));
    let corpus = dir.join("corpus");
    std::fs::create_dir_all(&corpus).expect("temp corpus");
    std::fs::write(
        corpus.join("a.txt"),
        "سيطرت القوات على المدينة يوم 5 أبريل 2019.",
    )
    .expect("write article");
    let out = dir.join("no_such_folder").join("x.png");
    let o = std::process::Command::new(env!("CARGO_BIN_EXE_tarikh"))
        .args(["snapshot"])
        .arg(&corpus)
        .arg("--out")
        .arg(&out)
        .args(["--size", "320x200"])
        .output()
        .expect("runs");
    let err = String::from_utf8_lossy(&o.stderr);
    if err.contains("cannot render offscreen") {
        eprintln!("skipping: no adapter");
        return;
    }
    assert!(!o.status.success(), "must fail: {err}");
    assert!(
        err.contains("cannot write") && err.contains("x.png"),
        "{err}"
    );
    assert!(!out.exists() && !dir.join("no_such_folder").exists());
    let _ = std::fs::remove_dir_all(&dir);
}
