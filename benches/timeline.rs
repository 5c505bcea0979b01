//! CPU time per timeline frame (layout + tessellation, no GPU) with 10k, 100k and 1M
//! synthetic events: `cargo bench --bench timeline` (add `-- 10000` for one size only).

use std::time::{Duration, Instant};

use egui::{Pos2, RawInput, Rect, Vec2};
use jiff::civil::date;
use tarikh::Pack;
use tarikh::model::*;
use tarikh::ui::timeline::data::TYPES;
use tarikh::ui::timeline::{LaneBy, Lang, Timeline, TimelineData, TimelineState};

/// A deterministic xorshift, so every run draws the same corpus.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// `n` events over 2011–2020: mostly single days, bunched around a few offensives, with
/// months, weeks and ranges mixed in.
fn events(n: usize, pack: &Pack) -> Vec<Event> {
    let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
    let epoch = date(2011, 1, 1);
    let places: Vec<&str> = pack.places.iter().take(40).map(|p| p.id.as_str()).collect();
    let actors: Vec<&str> = pack.actors.iter().map(|a| a.id.as_str()).collect();
    (0..n)
        .map(|i| {
            let day = if rng.below(3) == 0 {
                // Peaks: Benghazi 2014, Sirte 2016, Tripoli 2019.
                let peak = [1230, 2050, 3015][rng.below(3)];
                peak + rng.below(120) as i64
            } else {
                rng.below(3650) as i64
            };
            let d = epoch
                .checked_add(jiff::Span::new().days(day))
                .unwrap_or(epoch);
            let (value, end, precision) = match rng.below(10) {
                0 => (
                    format!("{:04}-{:02}", d.year(), d.month()),
                    None,
                    Precision::Month,
                ),
                1 => (
                    format!("{}", d.iso_week_date().year()),
                    None,
                    Precision::Year,
                ),
                2 => {
                    let e = d
                        .checked_add(jiff::Span::new().days(rng.below(60) as i64 + 1))
                        .unwrap_or(d);
                    (d.to_string(), Some(e.to_string()), Precision::Range)
                }
                _ => (d.to_string(), None, Precision::Day),
            };
            Event {
                id: format!("bench#{i}").into(),
                doc: format!("doc{}", i / 20).into(),
                start: 0,
                end: 1,
                evidence: String::new(),
                date: Some(value.into()),
                date_end: end.map(Into::into),
                precision,
                date_source: DateSource::Timex,
                kind: TYPES[rng.below(TYPES.len())].0.into(),
                modality: Modality::Asserted,
                places: vec![places[rng.below(places.len())].into()],
                actors: vec![actors[rng.below(actors.len())].into()],
                casualties: Casualties {
                    killed: (rng.below(8) == 0).then(|| rng.below(30) as u32),
                    injured: None,
                    displaced: None,
                },
                control: None,
                sources: vec![],
            }
        })
        .collect()
}

fn input(t: f64, pointer: Option<Pos2>) -> RawInput {
    let mut raw = RawInput {
        screen_rect: Some(Rect::from_min_size(Pos2::ZERO, Vec2::new(1600.0, 500.0))),
        time: Some(t),
        ..Default::default()
    };
    if let Some(p) = pointer {
        raw.events.push(egui::Event::PointerMoved(p));
    }
    raw
}

/// Median CPU time of a frame (run + tessellate) over `frames` frames.
fn frame_time(
    ctx: &egui::Context,
    data: &mut TimelineData,
    state: &mut TimelineState,
    frames: usize,
    pointer: Option<Pos2>,
) -> (Duration, usize) {
    let mut times = Vec::with_capacity(frames);
    let mut prims = 0;
    for f in 0..frames {
        let t0 = Instant::now();
        let out = ctx.run_ui(input(f as f64 / 60.0, pointer), |ui| {
            Timeline::new(data, &[]).lang(Lang::Ar).show(ui, state);
        });
        let clipped = ctx.tessellate(out.shapes, out.pixels_per_point);
        times.push(t0.elapsed());
        prims = clipped.len();
    }
    times.sort();
    (times[times.len() / 2], prims)
}

fn main() {
    let pack = Pack::builtin().expect("builtin pack");
    let sizes: Vec<usize> = match std::env::args().skip(1).find_map(|a| a.parse().ok()) {
        Some(n) => vec![n],
        None => vec![10_000, 100_000, 1_000_000],
    };
    for n in sizes {
        let evs = events(n, &pack);
        let t0 = Instant::now();
        let mut data = TimelineData::from_events(&evs, &[], &pack);
        let build = t0.elapsed();
        let t0 = Instant::now();
        data.set_lanes(LaneBy::Place);
        data.set_lanes(LaneBy::Type);
        let relane = t0.elapsed() / 2;
        drop(evs);
        let ctx = egui::Context::default();
        tarikh::ui::text::install_fonts(&ctx);
        let mut state = TimelineState {
            cursor: Some(date(2019, 4, 4)),
            ..Default::default()
        };
        // Warm up: fonts, galley caches.
        frame_time(&ctx, &mut data, &mut state, 5, None);
        let (all, prims) = frame_time(&ctx, &mut data, &mut state, 30, None);
        let (hover, _) = frame_time(
            &ctx,
            &mut data,
            &mut state,
            30,
            Some(Pos2::new(800.0, 100.0)),
        );
        state.zoom_to(date(2019, 4, 1), date(2019, 4, 30));
        frame_time(&ctx, &mut data, &mut state, 3, None);
        let (month, _) = frame_time(&ctx, &mut data, &mut state, 30, None);
        data.set_lanes(LaneBy::Place);
        state.lanes = LaneBy::Place;
        state.fit_next_frame();
        frame_time(&ctx, &mut data, &mut state, 3, None);
        let (places, _) = frame_time(&ctx, &mut data, &mut state, 30, None);
        println!(
            "timeline {n:>8} events: build {:>7.1} ms, re-lane {:>6.1} ms | frame (1600x500, run+tessellate, median): all {:>5.2} ms ({prims} meshes), hovered {:>5.2} ms, one month {:>5.2} ms, 40 place lanes {:>5.2} ms",
            build.as_secs_f64() * 1e3,
            relane.as_secs_f64() * 1e3,
            all.as_secs_f64() * 1e3,
            hover.as_secs_f64() * 1e3,
            month.as_secs_f64() * 1e3,
            places.as_secs_f64() * 1e3,
        );
    }
}
