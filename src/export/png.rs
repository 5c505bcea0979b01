//! PNG snapshots: render an egui UI offscreen through egui_kittest's wgpu renderer (any
//! adapter, Mesa's software llvmpipe included) and write the picture atomically.

use std::path::{Path, PathBuf};

use image::RgbaImage;

#[derive(Debug, thiserror::Error)]
pub enum PngError {
    #[error(
        "cannot render offscreen: {0} (a headless machine needs a Vulkan or GL driver, e.g. Mesa's llvmpipe: mesa-vulkan-drivers)"
    )]
    Render(String),
    #[error("cannot write {path}: {source}")]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("cannot encode the PNG for {path}: {reason}")]
    Encode { path: PathBuf, reason: String },
    #[error("picture of {w}×{h} pixels is too large (at most {max} per side)")]
    TooLarge { w: u32, h: u32, max: u32 },
}

/// The largest side we render: wgpu's guaranteed texture limit.
pub const MAX_SIDE: u32 = 8192;

/// How to render: the UI's size in points and the pixels per point (1×, 2×, 4× for print).
#[derive(Debug, Clone, Copy)]
pub struct RenderSpec {
    pub width: f32,
    pub height: f32,
    pub pixels_per_point: f32,
    /// Frames to run before the picture is taken, so layouts that measure themselves
    /// (labels, legends) settle.
    pub frames: usize,
}

impl RenderSpec {
    pub fn new(width: f32, height: f32, pixels_per_point: f32) -> Self {
        RenderSpec {
            width,
            height,
            pixels_per_point,
            frames: 3,
        }
    }

    pub fn pixel_size(&self) -> (u32, u32) {
        (
            (self.width * self.pixels_per_point).round() as u32,
            (self.height * self.pixels_per_point).round() as u32,
        )
    }
}

/// Renders `ui` offscreen. `setup` configures the context first (fonts, style), exactly
/// as the app does, so the picture matches the window.
pub fn render_ui<S>(
    spec: RenderSpec,
    setup: impl FnOnce(&egui::Context) + 'static,
    state: S,
    ui: impl FnMut(&mut egui::Ui, &mut S),
) -> Result<(RgbaImage, S), PngError> {
    let mut out = None;
    let state = render_sequence(
        spec,
        setup,
        state,
        ui,
        1,
        |_, _| {},
        |_, img| {
            out = Some(img);
            Ok(())
        },
    )?;
    out.map(|img| (img, state))
        .ok_or_else(|| PngError::Render("no frame rendered".into()))
}

/// Renders `count` pictures with one offscreen renderer: before each, `prepare(i, state)`
/// changes the state (the cursor date of a play), after it `take(i, picture)` stores it.
pub fn render_sequence<S>(
    spec: RenderSpec,
    setup: impl FnOnce(&egui::Context) + 'static,
    state: S,
    ui: impl FnMut(&mut egui::Ui, &mut S),
    count: usize,
    mut prepare: impl FnMut(usize, &mut S),
    mut take: impl FnMut(usize, RgbaImage) -> Result<(), PngError>,
) -> Result<S, PngError> {
    let (w, h) = spec.pixel_size();
    if w > MAX_SIDE || h > MAX_SIDE || w == 0 || h == 0 {
        return Err(PngError::TooLarge {
            w,
            h,
            max: MAX_SIDE,
        });
    }
    // Rendering can panic deep in wgpu when no adapter exists; report it as an error.
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
        let mut harness = egui_kittest::Harness::builder()
            .with_size(egui::vec2(spec.width, spec.height))
            .with_pixels_per_point(spec.pixels_per_point)
            .with_theme(egui::Theme::Light)
            .with_accessibility_check(false)
            .allow_missing_glyphs()
            .with_context_setup(setup)
            .wgpu()
            .build_ui_state(ui, state);
        harness.set_render_cursor(false);
        for i in 0..count {
            prepare(i, harness.state_mut());
            harness.run_steps(spec.frames);
            let img = harness.render().map_err(PngError::Render)?;
            take(i, img)?;
        }
        Ok(harness.into_state())
    }));
    match result {
        Ok(r) => r,
        Err(p) => Err(PngError::Render(
            p.downcast_ref::<String>()
                .cloned()
                .or_else(|| p.downcast_ref::<&str>().map(|s| s.to_string()))
                .unwrap_or_else(|| "the renderer panicked".into()),
        )),
    }
}

/// Writes `img` as PNG to `path` through a temporary file in the same folder and a
/// rename, so a failure never leaves a partial picture at `path`.
pub fn write_png(path: &Path, img: &RgbaImage) -> Result<(), PngError> {
    let werr = |source| PngError::Write {
        path: path.to_path_buf(),
        source,
    };
    let mut bytes = Vec::new();
    img.write_to(
        &mut std::io::Cursor::new(&mut bytes),
        image::ImageFormat::Png,
    )
    .map_err(|e| PngError::Encode {
        path: path.to_path_buf(),
        reason: e.to_string(),
    })?;
    write_atomic(path, &bytes).map_err(werr)
}

pub use crate::fsutil::write_atomic;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writing_to_an_unwritable_place_fails_clearly_and_leaves_nothing() {
        let dir = std::env::temp_dir().join(format!("tarikh_png_{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        // A folder that does not exist: the temp file cannot even be created.
        let path = dir.join("missing").join("x.png");
        let img = RgbaImage::new(4, 4);
        let err = write_png(&path, &img).expect_err("cannot write into a missing folder");
        let msg = err.to_string();
        assert!(
            msg.contains("cannot write") && msg.contains("x.png"),
            "{msg}"
        );
        // A path that is a folder: rename fails, and the temp file is cleaned up.
        let err = write_png(&dir, &img).expect_err("a folder is not a file");
        assert!(err.to_string().contains("cannot write"));
        let leftovers: Vec<_> = std::fs::read_dir(dir.parent().expect("tmp has a parent"))
            .expect("read tmp")
            .flatten()
            .filter(|e| {
                e.file_name().to_string_lossy().ends_with(".tmp")
                    && e.file_name()
                        .to_string_lossy()
                        .contains(&format!(".{}.", std::process::id()))
            })
            .collect();
        assert!(leftovers.is_empty(), "temp files left: {leftovers:?}");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_written_png_reads_back_with_its_pixels() {
        let path = std::env::temp_dir().join(format!("tarikh_png_rt_{}.png", std::process::id()));
        let mut img = RgbaImage::new(3, 2);
        img.put_pixel(2, 1, image::Rgba([10, 20, 30, 255]));
        write_png(&path, &img).expect("writes");
        let back = image::open(&path).expect("reads").to_rgba8();
        assert_eq!(back.get_pixel(2, 1).0, [10, 20, 30, 255]);
        let _ = std::fs::remove_file(&path);
    }

    #[test]
    fn oversized_pictures_are_refused_before_rendering() {
        let r = render_ui(RenderSpec::new(5000.0, 100.0, 4.0), |_| {}, (), |_, _| {});
        assert!(matches!(r, Err(PngError::TooLarge { .. })));
    }
}
