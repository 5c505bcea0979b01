//! Data exports: JSON (the `tarikh.extract/1` contract), NDJSON, CSV, GeoJSON.

use std::io::Write;

use crate::model::Extract;

#[cfg(feature = "gui")]
pub mod png;
pub mod table;

pub use table::{csv, geojson};

pub fn json(x: &Extract, w: &mut dyn Write) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, x)?;
    writeln!(w)
}

/// One event per line.
pub fn ndjson(x: &Extract, w: &mut dyn Write) -> std::io::Result<()> {
    for e in &x.events {
        serde_json::to_writer(&mut *w, e)?;
        writeln!(w)?;
    }
    Ok(())
}
