//! The desktop app (eframe/egui): timeline, map, article panel. Only this module uses egui.

pub mod app;
pub mod map;
pub mod snapshot;
pub mod text;
pub mod timeline;

pub use app::run;
