//! The `tarikh` command: parses the command line and calls the library.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};

#[derive(Parser)]
#[command(
    name = "tarikh",
    version,
    about = "Dated events from Arabic news about the Libyan conflict"
)]
struct Cli {
    #[command(subcommand)]
    cmd: Option<Cmd>,
    /// A corpus folder to open in the app (the bundled sample corpus when absent).
    folder: Option<PathBuf>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Ndjson,
    Csv,
    Geojson,
}

#[derive(Clone, Copy, ValueEnum)]
enum ControlFormat {
    Table,
    Json,
}

#[derive(Subcommand)]
enum Cmd {
    /// Extract dates, places and events as JSON (schema tarikh.extract/1).
    Extract {
        folder: PathBuf,
        #[arg(long, value_enum, default_value = "json")]
        format: Format,
        #[arg(long)]
        out: Option<PathBuf>,
        /// A `file,date` manifest of article dates.
        #[arg(long)]
        dates: Option<PathBuf>,
        /// With --format csv: start with a UTF-8 byte-order mark (for spreadsheets).
        #[arg(long)]
        bom: bool,
    },
    /// Who holds each place at a date, from the derived control history.
    Control {
        folder: PathBuf,
        /// The date to ask about, like 2019-04-06.
        #[arg(long)]
        at: String,
        #[arg(long, value_enum, default_value = "table")]
        format: ControlFormat,
        /// A `file,date` manifest of article dates.
        #[arg(long)]
        dates: Option<PathBuf>,
        /// Only what the articles say: leave out the region pack's background history
        /// (the lasting changes of control it knows, shown where the articles are silent).
        #[arg(long)]
        articles_only: bool,
    },
    /// A table of each article's own date: where it comes from, how sure, and why.
    Dates {
        folder: PathBuf,
        #[arg(long)]
        dates: Option<PathBuf>,
    },
    /// Open a corpus folder in the app.
    Open { folder: PathBuf },
    /// Render the app's view to PNG without a window (offscreen, software rendering works).
    Snapshot(SnapshotArgs),
}

#[derive(Clone, Copy, ValueEnum)]
enum ViewArg {
    All,
    Timeline,
    Map,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Ar,
    En,
}

#[derive(clap::Args)]
struct SnapshotArgs {
    folder: PathBuf,
    /// The PNG to write; with --play, the folder for the numbered frames.
    #[arg(long)]
    out: PathBuf,
    /// The cursor date: whose control the map shows (default: the last event's date).
    #[arg(long)]
    at: Option<String>,
    /// The date range the timeline shows (default: the corpus's events).
    #[arg(long)]
    from: Option<String>,
    #[arg(long)]
    to: Option<String>,
    /// Size in points, WIDTHxHEIGHT.
    #[arg(long, default_value = "1600x900")]
    size: String,
    /// Pixels per point: 2 or 4 for print.
    #[arg(long, default_value_t = 1.0)]
    scale: f32,
    #[arg(long, value_enum, default_value = "all")]
    view: ViewArg,
    #[arg(long, value_enum, default_value = "en")]
    lang: LangArg,
    /// A `file,date` manifest of article dates.
    #[arg(long)]
    dates: Option<PathBuf>,
    /// Write one frame per step from FROM to TO into the --out folder.
    #[arg(long, num_args = 2, value_names = ["FROM", "TO"])]
    play: Option<Vec<String>>,
    /// The step of --play: 7d, 2w, 1m, 1y.
    #[arg(long, default_value = "7d")]
    step: String,
}

/// Progress on stderr, at most every 5% and only for runs long enough to need it.
struct StderrProgress;

impl tarikh::pipeline::Progress for StderrProgress {
    fn file_done(&self, done: usize, total: usize, path: &str) {
        if total >= 200 && (done.is_multiple_of((total / 20).max(1)) || done == total) {
            eprintln!("[{done}/{total}] {path}");
        }
    }
}

fn run_pipeline(folder: &std::path::Path, dates: Option<PathBuf>) -> Result<tarikh::Extract> {
    let pack = tarikh::Pack::builtin().context("loading the built-in region pack")?;
    let opts = tarikh::Options { dates };
    let x = tarikh::run(folder, &pack, &opts, &StderrProgress)?;
    for s in &x.corpus.skipped {
        eprintln!("skipped {}: {}", s.path, s.reason);
    }
    Ok(x)
}

fn main() -> std::process::ExitCode {
    match run(Cli::parse()) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            // One readable line per cause, without repeating a cause the message already
            // quotes; no backtrace for a user's mistake.
            let mut msg = e.to_string();
            for cause in e.chain().skip(1) {
                let c = cause.to_string();
                if !msg.contains(&c) {
                    msg.push_str(": ");
                    msg.push_str(&c);
                }
            }
            eprintln!("tarikh: {msg}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    match cli.cmd {
        Some(Cmd::Extract {
            folder,
            format,
            out,
            dates,
            bom,
        }) => {
            let x = run_pipeline(&folder, dates)?;
            // Into memory first: a file given with --out is then written atomically, so
            // a failed run never leaves a truncated export behind.
            let mut buf = Vec::new();
            match format {
                Format::Json => tarikh::export::json(&x, &mut buf)?,
                Format::Ndjson => tarikh::export::ndjson(&x, &mut buf)?,
                Format::Csv => tarikh::export::csv(&x, &mut buf, bom)?,
                Format::Geojson => tarikh::export::geojson(&x, &mut buf)?,
            }
            match &out {
                Some(p) => tarikh::fsutil::write_atomic(p, &buf)
                    .with_context(|| format!("cannot write {}", p.display()))?,
                None => {
                    let mut o = std::io::stdout().lock();
                    o.write_all(&buf)?;
                    o.flush()?;
                }
            }
        }
        Some(Cmd::Control {
            folder,
            at,
            format,
            dates,
            articles_only,
        }) => {
            use tarikh::control::background;
            let at = parse_date("at", &at)?;
            let x = run_pipeline(&folder, dates)?;
            let control = if articles_only {
                x.control.clone()
            } else {
                let pack = tarikh::Pack::builtin().context("loading the built-in region pack")?;
                background::with_pack(&x.control, &pack)
            };
            let states: Vec<_> = tarikh::control::query::state_at(&control, at)
                .into_iter()
                .filter(|s| s.state.is_some())
                .collect();
            match format {
                ControlFormat::Json => {
                    println!("{}", serde_json::to_string_pretty(&states)?);
                }
                ControlFormat::Table => {
                    let pack = tarikh::Pack::builtin()?;
                    println!(
                        "{:<20} {:<10} {:<10} {:<10} {:<16} {:<11} why",
                        "place", "holder", "state", "since", "contenders", "basis"
                    );
                    for s in &states {
                        let state = serde_json::to_value(s.state)?;
                        // The background names its pack row and source; articles, their events.
                        let (basis, why) = match s
                            .events
                            .first()
                            .and_then(|e| background::pack_row(&pack, e))
                        {
                            Some(row) => ("region pack", format!("{} ({})", row.label, row.source)),
                            None => ("articles", s.events.join(" ")),
                        };
                        println!(
                            "{:<20} {:<10} {:<10} {:<10} {:<16} {:<11} {}",
                            s.place,
                            s.holder.as_deref().unwrap_or("?"),
                            state.as_str().unwrap_or(""),
                            s.since.map(|d| d.to_string()).unwrap_or("?".into()),
                            s.contenders.join(","),
                            basis,
                            why
                        );
                    }
                }
            }
        }
        Some(Cmd::Dates { folder, dates }) => {
            let x = run_pipeline(&folder, dates)?;
            let d = |d: Option<jiff::civil::Date>| d.map(|d| d.to_string()).unwrap_or("?".into());
            println!(
                "{:<32} {:<10} {:<23} {:<9} {:>4}  why",
                "file", "date", "range", "source", "conf"
            );
            for doc in &x.documents {
                let c = &doc.dct;
                let src = serde_json::to_value(c.source)?;
                println!(
                    "{:<32} {:<10} {:<23} {:<9} {:>4.2}  {}",
                    doc.path,
                    d(c.date),
                    format!("{}..{}", d(c.range[0]), d(c.range[1])),
                    src.as_str().unwrap_or(""),
                    c.confidence,
                    c.why
                );
            }
        }
        Some(Cmd::Open { folder }) => open_app(Some(folder))?,
        Some(Cmd::Snapshot(args)) => snapshot(args)?,
        None => open_app(cli.folder)?,
    }
    Ok(())
}

#[cfg(feature = "gui")]
fn open_app(folder: Option<PathBuf>) -> Result<()> {
    tarikh::ui::run(folder)
}

fn parse_date(what: &str, s: &str) -> Result<jiff::civil::Date> {
    s.trim()
        .parse()
        .with_context(|| format!("--{what} {s:?}: expected a date like 2019-04-06"))
}

#[cfg_attr(not(feature = "gui"), allow(dead_code))]
fn parse_size(s: &str) -> Result<(f32, f32)> {
    let (w, h) = s
        .split_once(['x', 'X', '×'])
        .with_context(|| format!("--size {s:?}: expected WIDTHxHEIGHT, like 1600x900"))?;
    let p = |v: &str| -> Result<f32> {
        let n: f32 = v
            .trim()
            .parse()
            .with_context(|| format!("--size {s:?}: {v:?} is not a number"))?;
        anyhow::ensure!(
            (64.0..=8192.0).contains(&n),
            "--size {s:?}: each side must be 64 to 8192"
        );
        Ok(n)
    };
    Ok((p(w)?, p(h)?))
}

/// "7d", "2w", "1m", "1y": the step of a play.
#[cfg_attr(not(feature = "gui"), allow(dead_code))]
fn parse_step(s: &str) -> Result<jiff::Span> {
    let s = s.trim();
    let (n, unit) = s.split_at(s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len()));
    let n: i64 = n
        .parse()
        .with_context(|| format!("--step {s:?}: expected like 7d, 2w, 1m"))?;
    anyhow::ensure!(n > 0, "--step {s:?}: must be positive");
    Ok(match unit {
        "d" | "" => jiff::Span::new().days(n),
        "w" => jiff::Span::new().weeks(n),
        "m" => jiff::Span::new().months(n),
        "y" => jiff::Span::new().years(n),
        _ => anyhow::bail!("--step {s:?}: unit must be d, w, m or y"),
    })
}

#[cfg(feature = "gui")]
fn snapshot(a: SnapshotArgs) -> Result<()> {
    use tarikh::export::png::{RenderSpec, render_sequence, write_png};
    use tarikh::ui::snapshot::{Scene, SnapshotView, install_fonts, scene_ui};
    let (w, h) = parse_size(&a.size)?;
    anyhow::ensure!(
        (0.25..=8.0).contains(&a.scale),
        "--scale {}: expected 1, 2 or 4",
        a.scale
    );
    let at = a.at.as_deref().map(|s| parse_date("at", s)).transpose()?;
    let from = a
        .from
        .as_deref()
        .map(|s| parse_date("from", s))
        .transpose()?;
    let to = a.to.as_deref().map(|s| parse_date("to", s)).transpose()?;
    // Check the play before the (slow) pipeline runs.
    let frames: Vec<jiff::civil::Date> = match &a.play {
        Some(p) => {
            let (f, t) = (parse_date("play", &p[0])?, parse_date("play", &p[1])?);
            anyhow::ensure!(f <= t, "--play {f} {t}: FROM must not be after TO");
            let step = parse_step(&a.step)?;
            let mut out = vec![];
            let mut d = f;
            while d <= t && out.len() < 10_000 {
                out.push(d);
                d = d
                    .checked_add(step)
                    .context("--play runs past the calendar")?;
            }
            std::fs::create_dir_all(&a.out)
                .with_context(|| format!("creating the frames folder {}", a.out.display()))?;
            out
        }
        None => vec![],
    };
    let x = run_pipeline(&a.folder, a.dates.clone())?;
    let pack = tarikh::Pack::builtin().context("loading the built-in region pack")?;
    let view = match a.view {
        ViewArg::All => SnapshotView::All,
        ViewArg::Timeline => SnapshotView::Timeline,
        ViewArg::Map => SnapshotView::Map,
    };
    let mut scene = Scene::new(&x, &pack, view, at, matches!(a.lang, LangArg::Ar));
    if from.is_some() {
        scene.caption.from = from;
    }
    if to.is_some() {
        scene.caption.to = to;
    }
    let spec = RenderSpec::new(w, h, a.scale);
    let started = std::time::Instant::now();
    if frames.is_empty() {
        let out = a.out.clone();
        render_sequence(
            spec,
            install_fonts,
            scene,
            scene_ui,
            1,
            |_, _| {},
            |_, img| write_png(&out, &img),
        )?;
        let (pw, ph) = spec.pixel_size();
        eprintln!(
            "wrote {} ({pw}×{ph} px) in {:.2} s",
            a.out.display(),
            started.elapsed().as_secs_f64()
        );
    } else {
        let n = frames.len();
        let dir = a.out.clone();
        render_sequence(
            spec,
            install_fonts,
            scene,
            scene_ui,
            n,
            |i, s| s.caption.at = Some(frames[i]),
            |i, img| write_png(&dir.join(format!("frame_{:04}.png", i + 1)), &img),
        )?;
        eprintln!(
            "wrote {n} frames to {} in {:.2} s",
            a.out.display(),
            started.elapsed().as_secs_f64()
        );
    }
    Ok(())
}

#[cfg(not(feature = "gui"))]
fn snapshot(_a: SnapshotArgs) -> Result<()> {
    anyhow::bail!(
        "this tarikh was built without the GUI (the `gui` feature), which renders snapshots"
    )
}

#[cfg(not(feature = "gui"))]
fn open_app(_folder: Option<PathBuf>) -> Result<()> {
    anyhow::bail!("this tarikh was built without the GUI (the `gui` feature); use `tarikh extract`")
}
