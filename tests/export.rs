//! The CSV and GeoJSON exports, parsed back field by field: quoting of Arabic evidence
//! with commas and quotes, the byte-order mark, [lon, lat] order, one feature per place.

use tarikh::model::*;

fn extract() -> Extract {
    let ev = |n: usize, places: &[&str], evidence: &str| Event {
        id: format!("d#{n}").into(),
        doc: "d".into(),
        start: 0,
        end: evidence.len(),
        evidence: evidence.into(),
        date: Some("2019-04-04".into()),
        date_end: None,
        precision: Precision::Day,
        date_source: DateSource::Timex,
        kind: "offensive".into(),
        modality: Modality::Asserted,
        places: places.iter().map(SmolStr::new).collect(),
        actors: vec!["LNA".into(), "GNA".into()],
        casualties: Casualties {
            killed: Some(12),
            injured: None,
            displaced: None,
        },
        control: Some(Box::new(ControlClaim {
            place: "Gharyan".into(),
            holder: Some("GNA".into()),
            state: ControlState::Contested,
            contenders: vec!["LNA".into()],
        })),
        sources: vec![],
    };
    let place = |id: &str, ar: &str, lat: f64, lon: f64| PlaceOut {
        id: id.into(),
        name_en: id.into(),
        name_ar: ar.into(),
        lat,
        lon,
        kind: "city".into(),
    };
    Extract {
        schema: SCHEMA.into(),
        tool: Tool {
            name: "tarikh".into(),
            version: "0".into(),
            pack: "libya".into(),
        },
        corpus: CorpusInfo {
            root: "x".into(),
            documents: 1,
            skipped: vec![],
        },
        documents: vec![],
        events: vec![
            ev(
                1,
                &["Gharyan", "Tripoli"],
                "هاجمت القوات، \"بعنف\"، مدينة غريان",
            ),
            ev(2, &[], "بيان بلا مكان"),
        ],
        places: vec![
            place("Gharyan", "غريان", 32.17, 13.02),
            place("Tripoli", "طرابلس", 32.89, 13.19),
        ],
        control: vec![],
    }
}

fn csv_rows(bytes: &[u8]) -> Vec<csv::StringRecord> {
    let mut rd = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(bytes);
    rd.records().map(|r| r.expect("csv record")).collect()
}

#[test]
fn csv_has_one_row_per_event_and_quotes_arabic_evidence() {
    let mut out = Vec::new();
    tarikh::export::csv(&extract(), &mut out, false).expect("csv");
    let rows = csv_rows(&out);
    assert_eq!(rows.len(), 3, "header + one row per event");
    let head: Vec<&str> = rows[0].iter().collect();
    assert_eq!(&head[..12], &tarikh::export::table::COLUMNS[..12]);
    assert_eq!(head[0], "event_id");
    let col = |name: &str| head.iter().position(|h| *h == name).expect(name);
    let r = &rows[1];
    assert_eq!(&r[col("event_id")], "d#1");
    assert_eq!(&r[col("date")], "2019-04-04");
    assert_eq!(&r[col("date_end")], "");
    assert_eq!(&r[col("precision")], "day");
    assert_eq!(&r[col("type")], "offensive");
    assert_eq!(&r[col("modality")], "asserted");
    assert_eq!(&r[col("actors")], "LNA;GNA");
    assert_eq!(&r[col("places")], "Gharyan;Tripoli");
    assert_eq!(&r[col("lat")], "32.17");
    assert_eq!(&r[col("lon")], "13.02");
    assert_eq!(&r[col("evidence")], "هاجمت القوات، \"بعنف\"، مدينة غريان");
    assert_eq!(&r[col("killed")], "12");
    assert_eq!(&r[col("injured")], "");
    assert_eq!(&r[col("control_holder")], "GNA");
    assert_eq!(&r[col("control_state")], "contested");
    assert_eq!(&r[col("control_contenders")], "LNA");
    // An event without a place has empty coordinates, not zeros.
    assert_eq!(&rows[2][col("lat")], "");
}

#[test]
fn csv_bom_only_when_asked() {
    let mut plain = Vec::new();
    tarikh::export::csv(&extract(), &mut plain, false).expect("csv");
    assert!(plain.starts_with(b"event_id"));
    let mut bom = Vec::new();
    tarikh::export::csv(&extract(), &mut bom, true).expect("csv");
    assert!(bom.starts_with("\u{feff}event_id".as_bytes()));
    assert_eq!(&bom[3..], &plain[..]);
}

#[test]
fn geojson_has_a_point_per_event_place_in_lon_lat_order() {
    let mut out = Vec::new();
    tarikh::export::geojson(&extract(), &mut out).expect("geojson");
    let v: serde_json::Value = serde_json::from_slice(&out).expect("json");
    assert_eq!(v["type"], "FeatureCollection");
    let f = v["features"].as_array().expect("features");
    assert_eq!(
        f.len(),
        2,
        "two places of event 1, none for the placeless event"
    );
    assert_eq!(f[0]["type"], "Feature");
    assert_eq!(f[0]["geometry"]["type"], "Point");
    assert_eq!(f[0]["geometry"]["coordinates"][0], 13.02);
    assert_eq!(f[0]["geometry"]["coordinates"][1], 32.17);
    assert_eq!(f[1]["geometry"]["coordinates"][0], 13.19);
    let p = &f[0]["properties"];
    assert_eq!(p["event_id"], "d#1");
    assert_eq!(p["place"], "Gharyan");
    assert_eq!(p["type"], "offensive");
    assert_eq!(p["actors"], serde_json::json!(["LNA", "GNA"]));
    assert_eq!(p["killed"], 12);
    assert_eq!(p["injured"], serde_json::Value::Null);
    assert_eq!(p["date_end"], serde_json::Value::Null);
    assert_eq!(p["evidence"], "هاجمت القوات، \"بعنف\"، مدينة غريان");
    assert_eq!(f[1]["properties"]["place"], "Tripoli");
}
