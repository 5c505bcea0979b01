//! The desktop app (eframe/egui): timeline, map, article panel. Only this module uses egui.

pub mod map;
pub mod snapshot;
pub mod text;
pub mod timeline;

pub fn run(_folder: Option<std::path::PathBuf>) -> anyhow::Result<()> {
    anyhow::bail!("the desktop app is not built yet")
}
