//! Throughput in MB/s on ONE core over a generated corpus of at least 50 MB: reading and
//! decoding, reading + dates (temporal), and the whole pipeline. `cargo bench --bench throughput`.

use std::path::{Path, PathBuf};
use std::time::Instant;

use tarikh::corpus::{self, SourceDoc};
use tarikh::normalize::Normalized;
use tarikh::pipeline;

/// The floor is 50 MB; TARIKH_BENCH_MB makes a quick run smaller.
fn target_bytes() -> usize {
    std::env::var("TARIKH_BENCH_MB")
        .ok()
        .and_then(|v| v.parse::<usize>().ok())
        .unwrap_or(55)
        * 1_000_000
}

/// Paragraphs of the bundled sample corpus (our own texts), the material for the
/// generated articles.
fn sample_paragraphs() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample-corpus");
    let mut names: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("assets/sample-corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    let mut out = Vec::new();
    for p in names {
        let text = std::fs::read_to_string(&p).expect("sample article is UTF-8");
        out.extend(
            text.split("\n\n")
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_string),
        );
    }
    assert!(out.len() > 20, "too few sample paragraphs");
    out
}

/// Hard-wrap a paragraph at about `width` bytes on spaces, as some sites' exports do.
fn hard_wrap(p: &str, width: usize) -> String {
    let mut out = String::with_capacity(p.len() + p.len() / width + 1);
    let mut line = 0;
    for w in p.split(' ') {
        if line > 0 && line + w.len() > width {
            out.push('\n');
            line = 0;
        } else if line > 0 {
            out.push(' ');
            line += 1;
        }
        out.push_str(w);
        line += w.len();
    }
    out
}

/// Articles of 4-14 shuffled sample paragraphs (xorshift, fixed seed: the same corpus on
/// every run); one in eight hard-wrapped, one in ten Windows-1256, one in ten CRLF.
fn generate(dir: &Path) -> usize {
    let paras = sample_paragraphs();
    let mut seed = 0x2545_f491_4f6c_dd1du64;
    let mut rnd = move |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let target = target_bytes();
    let (mut total, mut i) = (0usize, 0usize);
    while total < target {
        let n = 4 + rnd(11);
        let wrap = rnd(8) == 0;
        let mut text = String::new();
        for k in 0..n {
            if k > 0 {
                text.push_str("\n\n");
            }
            let p = &paras[rnd(paras.len())];
            if wrap {
                text.push_str(&hard_wrap(p, 72));
            } else {
                text.push_str(p);
            }
        }
        text.push('\n');
        if rnd(10) == 0 {
            text = text.replace('\n', "\r\n");
        }
        let bytes: Vec<u8> = if rnd(10) == 0 {
            encoding_rs::WINDOWS_1256.encode(&text).0.into_owned()
        } else {
            text.into_bytes()
        };
        // Folders of 500 files, like a scraper's dated folders.
        let sub = dir.join(format!("{:03}", i / 500));
        if i % 500 == 0 {
            std::fs::create_dir_all(&sub).expect("bench folder");
        }
        std::fs::write(sub.join(format!("a{i:06}.txt")), &bytes).expect("write bench file");
        total += bytes.len();
        i += 1;
    }
    eprintln!(
        "generated {i} articles, {:.1} MB in {}",
        total as f64 / 1e6,
        dir.display()
    );
    total
}

/// CPU seconds this process has used (user + system, from /proc on Linux). On a shared
/// machine the wall clock also counts time other processes hold the core; with one
/// worker thread (and the main thread waiting) CPU time is the stage's own cost.
fn cpu_secs() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces) start at its closing ')'.
    let rest = stat.rsplit_once(')')?.1;
    let f: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok());
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after ')'; USER_HZ is
    // 100 on every Linux platform Rust supports.
    Some((ticks(11)? + ticks(12)?) / 100.0)
}

struct Timer {
    wall: Instant,
    cpu: Option<f64>,
}

fn start() -> Timer {
    Timer {
        wall: Instant::now(),
        cpu: cpu_secs(),
    }
}

fn report(what: &str, bytes: usize, t: Timer) {
    let wall = t.wall.elapsed().as_secs_f64();
    let mb = bytes as f64 / 1e6;
    match t.cpu.zip(cpu_secs()).map(|(a, b)| b - a) {
        Some(cpu) if cpu > 0.0 => println!(
            "{what:<16} wall {wall:>7.2} s {:>7.1} MB/s | cpu {cpu:>7.2} s {:>7.1} MB/s",
            mb / wall,
            mb / cpu
        ),
        _ => println!("{what:<16} wall {wall:>7.2} s {:>7.1} MB/s", mb / wall),
    }
}

/// The date stage only: normalise, recognise, infer the article's date, resolve.
fn dates_of(doc: &SourceDoc, pack: &tarikh::Pack) -> usize {
    let norm = Normalized::new(&doc.text);
    let found = tarikh::temporal::recognize(doc, &norm, pack);
    let dct = tarikh::temporal::dct::infer(doc, &norm, &found, pack);
    tarikh::temporal::resolve(&found, &dct, &doc.text).len()
}

/// Where the full pipeline's time goes, stage by stage over the already-read documents
/// (wall clock per stage, so the shares stay meaningful on a loaded machine).
fn stages(docs: &[SourceDoc], pack: &tarikh::Pack, bytes: usize) {
    use std::time::Duration;
    let mut t = [Duration::ZERO; 6];
    let mut events = Vec::new();
    // What `pipeline::run` hands to `assemble`, for its own line (a copy of the events,
    // made outside the timed parts).
    let mut results = Vec::with_capacity(docs.len());
    for doc in docs {
        let s = Instant::now();
        let norm = Normalized::new(&doc.text);
        t[0] += s.elapsed();
        let s = Instant::now();
        let found = tarikh::temporal::recognize(doc, &norm, pack);
        t[1] += s.elapsed();
        let s = Instant::now();
        let dct = tarikh::temporal::dct::infer(doc, &norm, &found, pack);
        let timex = tarikh::temporal::resolve(&found, &dct, &doc.text);
        t[2] += s.elapsed();
        let s = Instant::now();
        let mentions = tarikh::gazetteer::place_mentions(doc, &norm, pack);
        t[3] += s.elapsed();
        let s = Instant::now();
        let evs = tarikh::events::extract(doc, &norm, pack, &dct, &timex);
        t[4] += s.elapsed();
        events.extend(evs.iter().cloned());
        results.push(pipeline::DocResult::new(doc, dct, timex, mentions, evs));
    }
    // The last two stages also in CPU time: each is one stretch, long enough for the
    // clock's ticks, and its wall time swings with the load on a shared machine.
    let cpu = |a: Option<f64>, b: Option<f64>| a.zip(b).map(|(a, b)| b - a);
    let s = Instant::now();
    let c = cpu_secs();
    let merged = tarikh::events::merge(events);
    let control = tarikh::control::derive(&merged);
    t[5] += s.elapsed();
    let merge_cpu = cpu(c, cpu_secs());
    std::hint::black_box(control);
    drop(merged);
    let s = Instant::now();
    let c = cpu_secs();
    let x = pipeline::assemble(Path::new("."), pack, Vec::new(), results);
    let assemble = s.elapsed().as_secs_f64();
    let assemble_cpu = cpu(c, cpu_secs());
    std::hint::black_box(x);
    let total: f64 = t.iter().map(Duration::as_secs_f64).sum();
    let names = [
        "normalize",
        "dates: recognize",
        "dates: dct+resolve",
        "places",
        "events",
        "merge+control",
    ];
    let cpu_note = |c: Option<f64>| c.map_or(String::new(), |c| format!(" | cpu {c:.2} s"));
    println!("per stage (wall, after reading):");
    for (k, (name, d)) in names.iter().zip(t).enumerate() {
        let secs = d.as_secs_f64();
        println!(
            "  {name:<20} {secs:>7.2} s {:>5.1}%  {:>8.1} MB/s{}",
            100.0 * secs / total,
            bytes as f64 / 1e6 / secs,
            if k == 5 {
                cpu_note(merge_cpu)
            } else {
                String::new()
            }
        );
    }
    // All `run` does after the analysis: merge, background defenders, control, places.
    println!(
        "  {:<20} {assemble:>7.2} s (merge, control and places, as the pipeline runs them){}",
        "assemble",
        cpu_note(assemble_cpu)
    );
}

fn main() {
    // `cargo bench` passes `--bench`; a filter argument is not meaningful here.
    // TARIKH_BENCH_KEEP=DIR keeps the generated corpus there (to compare outputs across
    // an optimisation); by default it lives in a temp folder removed at the end.
    let keep = std::env::var_os("TARIKH_BENCH_KEEP").map(PathBuf::from);
    let dir = keep.clone().unwrap_or_else(|| {
        std::env::temp_dir().join(format!("tarikh-bench-{}", std::process::id()))
    });
    std::fs::create_dir_all(&dir).expect("temp dir");
    let bytes = generate(&dir);
    let pack = tarikh::Pack::builtin().expect("built-in pack");
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .expect("one-thread pool");
    println!("one thread, {:.1} MB", bytes as f64 / 1e6);
    pool.install(|| {
        // Warm the page cache so every stage reads from memory, not from the disk.
        let _ = corpus::read_folder(&dir);

        let t = start();
        let read = corpus::read_folder(&dir).expect("read");
        report("read+decode", bytes, t);
        assert!(
            read.skipped.is_empty(),
            "skipped: {:?}",
            read.skipped.first()
        );

        let t = start();
        let read = corpus::read_folder(&dir).expect("read");
        let timex: usize = read.docs.iter().map(|d| dates_of(d, &pack)).sum();
        report("read+dates", bytes, t);

        let t = start();
        let x = pipeline::run(&dir, &pack, &pipeline::Options::default(), &()).expect("run");
        report("full pipeline", bytes, t);
        println!(
            "{} documents, {timex} timex, {} events",
            x.documents.len(),
            x.events.len()
        );
        stages(&read.docs, &pack, bytes);
    });
    if keep.is_none() {
        let _ = std::fs::remove_dir_all(&dir);
    }
}
