//! Frame time of the control map with 2,000 places and 1M events: building the map data
//! once, then frames that move the cursor date (recolour) with and without offscreen render.

#[cfg(feature = "gui")]
fn main() {
    use std::time::Instant;

    use jiff::civil::Date;
    use tarikh::model::*;
    use tarikh::ui::map::{MapData, MapView};

    const PLACES: usize = 2_000;
    const EVENTS: usize = 1_000_000;
    let mut seed = 0x9e37_79b9_7f4a_7c15u64;
    let mut rnd = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    let base: Date = "2014-01-01".parse().expect("date");
    let day = |n: i64| {
        base.checked_add(jiff::Span::new().days(n))
            .expect("in range")
    };
    let sides = ["LNA", "GNA", "HoR", "DMSC", "Rada", "PFG"];

    let t = Instant::now();
    let places: Vec<PlaceOut> = (0..PLACES)
        .map(|i| PlaceOut {
            id: format!("P{i}"),
            name_en: format!("Place {i}"),
            name_ar: format!("مكان {i}"),
            lat: 20.0 + (rnd() % 13_000) as f64 / 1000.0,
            lon: 10.0 + (rnd() % 15_000) as f64 / 1000.0,
            kind: "town".into(),
        })
        .collect();
    let events: Vec<Event> = (0..EVENTS)
        .map(|i| Event {
            id: format!("d{}#{}", i / 20, i % 20).into(),
            doc: format!("d{}", i / 20).into(),
            start: 0,
            end: 1,
            evidence: String::new(),
            date: Some(day((rnd() % 2500) as i64).to_string().into()),
            date_end: None,
            precision: Precision::Day,
            date_source: DateSource::Timex,
            kind: "armed_clash".into(),
            modality: Modality::Asserted,
            places: vec![format!("P{}", rnd() as usize % PLACES).into()],
            actors: vec![],
            casualties: Casualties::default(),
            control: None,
            sources: vec![],
        })
        .collect();
    // Every place changes hands a few times; each interval cites a few events.
    let control: Vec<ControlHistory> = (0..PLACES)
        .map(|i| {
            let mut from = (rnd() % 300) as i64;
            let intervals = (0..6)
                .map(|k| {
                    let len = 100 + (rnd() % 400) as i64;
                    let iv = ControlInterval {
                        from: Some(day(from)),
                        to: Some(day(from + len - 1)),
                        holder: Some(sides[(rnd() as usize) % sides.len()].into()),
                        state: if k % 3 == 2 {
                            ControlState::Contested
                        } else {
                            ControlState::Held
                        },
                        contenders: vec![sides[(rnd() as usize) % sides.len()].into()],
                        events: (0..3)
                            .map(|j| format!("d{}#{}", (i * 18 + k * 3 + j) / 20, j))
                            .collect(),
                    };
                    from += len;
                    iv
                })
                .collect();
            ControlHistory {
                place: format!("P{i}"),
                intervals,
            }
        })
        .collect();
    let x = Extract {
        schema: SCHEMA.into(),
        tool: Tool {
            name: "tarikh".into(),
            version: "bench".into(),
            pack: "libya".into(),
        },
        corpus: CorpusInfo {
            root: "bench".into(),
            documents: EVENTS / 20,
            skipped: vec![],
        },
        documents: vec![],
        events,
        places,
        control,
    };
    eprintln!(
        "generated {PLACES} places, {EVENTS} events in {:.2?}",
        t.elapsed()
    );
    let pack = tarikh::Pack::builtin().expect("pack");

    let t = Instant::now();
    let data = MapData::new(&x, &pack);
    let build = t.elapsed();
    println!("map data from 1M events: {build:.2?} (once per corpus)");

    let t = Instant::now();
    let n = 200;
    for k in 0..n {
        let s = tarikh::control::query::state_at(&x.control, day(k * 10));
        std::hint::black_box(s);
    }
    println!(
        "state_at, 2,000 places: {:.1} µs per date",
        t.elapsed().as_secs_f64() * 1e6 / n as f64
    );
    drop(x);

    struct S {
        view: MapView,
        data: MapData,
        date: Option<Date>,
    }
    let mut h = egui_kittest::Harness::builder()
        .with_size(egui::vec2(1200.0, 800.0))
        .with_accessibility_check(false)
        .allow_missing_glyphs()
        .with_context_setup(tarikh::ui::text::install_fonts)
        .wgpu()
        .build_ui_state(
            |ui, s: &mut S| {
                s.view.ui(ui, &s.data, s.date);
            },
            S {
                view: MapView::default(),
                data,
                date: Some(day(0)),
            },
        );
    h.run_steps(3);
    // CPU side of a frame: egui pass (projection, status of every place, labels) and
    // tessellation, with the cursor moving a week each frame.
    let frames = 60;
    let mut cpu = Vec::with_capacity(frames);
    for f in 0..frames {
        h.state_mut().date = Some(day(7 * f as i64));
        let t = Instant::now();
        h.step();
        let out = h.output().shapes.clone();
        let prims = h.ctx.tessellate(out, 1.0);
        std::hint::black_box(prims);
        cpu.push(t.elapsed().as_secs_f64() * 1e3);
    }
    cpu.sort_by(f64::total_cmp);
    println!(
        "frame (egui pass + tessellate), 2,000 places, cursor moving: median {:.2} ms, p95 {:.2} ms",
        cpu[frames / 2],
        cpu[frames * 95 / 100]
    );
    // With the offscreen render (software rasteriser here: an upper bound of a GPU frame).
    let mut full = Vec::new();
    for f in 0..10 {
        h.state_mut().date = Some(day(7 * f as i64 + 3));
        let t = Instant::now();
        h.step();
        match h.render() {
            Ok(img) => std::hint::black_box(img),
            Err(e) => {
                println!("no offscreen renderer: {e}");
                return;
            }
        };
        full.push(t.elapsed().as_secs_f64() * 1e3);
    }
    full.sort_by(f64::total_cmp);
    println!(
        "frame incl. offscreen render 1200×800 (llvmpipe): median {:.1} ms",
        full[full.len() / 2]
    );
}

#[cfg(not(feature = "gui"))]
fn main() {
    eprintln!("the map bench needs the gui feature");
}
