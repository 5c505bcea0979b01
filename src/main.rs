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
    },
    /// A table of each article's own date: where it comes from, how sure, and why.
    Dates {
        folder: PathBuf,
        #[arg(long)]
        dates: Option<PathBuf>,
    },
    /// Open a corpus folder in the app.
    Open { folder: PathBuf },
}

/// Progress on stderr, at most every 5% and only for runs long enough to need it.
struct StderrProgress;

impl tarikh::pipeline::Progress for StderrProgress {
    fn file_done(&self, done: usize, total: usize, path: &str) {
        if total >= 200 && (done % (total / 20).max(1) == 0 || done == total) {
            eprintln!("[{done}/{total}] {path}");
        }
    }
}

fn run_pipeline(folder: &PathBuf, dates: Option<PathBuf>) -> Result<tarikh::Extract> {
    let pack = tarikh::Pack::builtin().context("loading the built-in region pack")?;
    let opts = tarikh::Options { dates };
    let x = tarikh::run(folder, &pack, &opts, &StderrProgress)?;
    for s in &x.corpus.skipped {
        eprintln!("skipped {}: {}", s.path, s.reason);
    }
    Ok(x)
}

fn main() -> Result<()> {
    let cli = Cli::parse();
    match cli.cmd {
        Some(Cmd::Extract {
            folder,
            format,
            out,
            dates,
        }) => {
            let x = run_pipeline(&folder, dates)?;
            let mut w: Box<dyn Write> = match &out {
                Some(p) => Box::new(std::io::BufWriter::new(
                    std::fs::File::create(p)
                        .with_context(|| format!("creating {}", p.display()))?,
                )),
                None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
            };
            match format {
                Format::Json => tarikh::export::json(&x, &mut w)?,
                Format::Ndjson => tarikh::export::ndjson(&x, &mut w)?,
            }
            w.flush()?;
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
        None => open_app(cli.folder)?,
    }
    Ok(())
}

#[cfg(feature = "gui")]
fn open_app(folder: Option<PathBuf>) -> Result<()> {
    tarikh::ui::run(folder)
}

#[cfg(not(feature = "gui"))]
fn open_app(_folder: Option<PathBuf>) -> Result<()> {
    anyhow::bail!("this tarikh was built without the GUI (the `gui` feature); use `tarikh extract`")
}
