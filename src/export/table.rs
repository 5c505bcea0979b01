//! CSV (one row per event, ACLED-like columns) and GeoJSON (one point per event place)
//! exports of an [`Extract`]: pure functions over the data, shared by the CLI and the app.

use std::collections::HashMap;
use std::io::Write;

use serde_json::{Map, Value, json};

use crate::model::{Event, Extract, PlaceOut, SmolStr};

/// The CSV columns: output.md's list first (event_id … evidence), then the remaining
/// event fields, so that a spreadsheet shows the ACLED-like ones first.
pub const COLUMNS: &[&str] = &[
    "event_id",
    "date",
    "date_end",
    "precision",
    "type",
    "modality",
    "actors",
    "places",
    "lat",
    "lon",
    "doc",
    "evidence",
    "date_source",
    "killed",
    "injured",
    "displaced",
    "control_place",
    "control_holder",
    "control_state",
    "control_contenders",
    "sources",
];

/// Lists inside one cell are joined with this (ids never contain it).
const LIST_SEP: &str = ";";

fn enum_str<T: serde::Serialize>(v: &T) -> String {
    match serde_json::to_value(v) {
        Ok(Value::String(s)) => s,
        _ => String::new(),
    }
}

fn num(n: Option<u32>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

fn coord(x: f64) -> String {
    // Five decimals ≈ 1 m: more would be false precision for a gazetteer point.
    let s = format!("{x:.5}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

/// The cells of one event; `place` is the place whose coordinates fill lat/lon (the
/// event's first place in CSV, each place in turn in GeoJSON).
fn cells(e: &Event, place: Option<&PlaceOut>) -> Vec<String> {
    let c = e.control.as_ref();
    vec![
        e.id.to_string(),
        e.date.as_deref().unwrap_or_default().to_string(),
        e.date_end.as_deref().unwrap_or_default().to_string(),
        enum_str(&e.precision),
        e.kind.to_string(),
        enum_str(&e.modality),
        e.actors.join(LIST_SEP),
        e.places.join(LIST_SEP),
        place.map(|p| coord(p.lat)).unwrap_or_default(),
        place.map(|p| coord(p.lon)).unwrap_or_default(),
        e.doc.to_string(),
        e.evidence.clone(),
        enum_str(&e.date_source),
        num(e.casualties.killed),
        num(e.casualties.injured),
        num(e.casualties.displaced),
        c.map(|c| c.place.to_string()).unwrap_or_default(),
        c.and_then(|c| c.holder.as_ref())
            .map(SmolStr::to_string)
            .unwrap_or_default(),
        c.map(|c| enum_str(&c.state)).unwrap_or_default(),
        c.map(|c| c.contenders.join(LIST_SEP)).unwrap_or_default(),
        e.sources.join(LIST_SEP),
    ]
}

fn place_index(x: &Extract) -> HashMap<&str, &PlaceOut> {
    x.places.iter().map(|p| (p.id.as_str(), p)).collect()
}

/// Write the events as CSV (UTF-8, RFC 4180 quoting, header row). `bom` prefixes a
/// UTF-8 byte-order mark, which spreadsheet programs need to read Arabic correctly.
pub fn csv(x: &Extract, w: &mut dyn Write, bom: bool) -> std::io::Result<()> {
    if bom {
        w.write_all("\u{feff}".as_bytes())?;
    }
    let places = place_index(x);
    let mut out = ::csv::Writer::from_writer(w);
    out.write_record(COLUMNS)?;
    for e in &x.events {
        let first = e
            .places
            .iter()
            .find_map(|p| places.get(p.as_str()).copied());
        out.write_record(cells(e, first))?;
    }
    out.flush()
}

/// Write the events as an RFC 7946 GeoJSON FeatureCollection: one Point feature per
/// event and place (`[lon, lat]`), with the CSV columns as properties (numbers as
/// numbers, lists as arrays). Events without a located place have no feature.
pub fn geojson(x: &Extract, w: &mut dyn Write) -> std::io::Result<()> {
    let places = place_index(x);
    let mut features = Vec::new();
    for e in &x.events {
        for pid in &e.places {
            let Some(p) = places.get(pid.as_str()) else {
                continue;
            };
            let mut props = Map::new();
            for (k, v) in COLUMNS.iter().zip(cells(e, Some(p))) {
                let value = match *k {
                    "actors" => json!(e.actors),
                    "places" => json!(e.places),
                    "sources" => json!(e.sources),
                    "control_contenders" => {
                        json!(e.control.as_ref().map(|c| c.contenders.clone()))
                    }
                    "lat" => json!(p.lat),
                    "lon" => json!(p.lon),
                    "killed" => json!(e.casualties.killed),
                    "injured" => json!(e.casualties.injured),
                    "displaced" => json!(e.casualties.displaced),
                    _ if v.is_empty() => Value::Null,
                    _ => Value::String(v),
                };
                props.insert((*k).to_string(), value);
            }
            props.insert("place".into(), json!(p.id));
            props.insert("place_name_ar".into(), json!(p.name_ar));
            features.push(json!({
                "type": "Feature",
                "id": format!("{}@{}", e.id, p.id),
                "geometry": {"type": "Point", "coordinates": [p.lon, p.lat]},
                "properties": props,
            }));
        }
    }
    let fc = json!({"type": "FeatureCollection", "features": features});
    serde_json::to_writer(&mut *w, &fc)?;
    writeln!(w)
}
