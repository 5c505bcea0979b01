//! A loaded corpus as the app holds it (documents, per-document results, the extract) and
//! the import worker: a thread that reads and analyzes a folder while the UI keeps drawing.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, mpsc};

use jiff::civil::Date;

use crate::corpus::sidecar::{self, UserDates};
use crate::corpus::{self, SourceDoc};
use crate::model::{Dct, DctSource, Extract, Skipped};
use crate::pack::Pack;
use crate::pipeline::{self, DocResult, Progress};

/// Everything about an opened folder. The extract is re-assembled from `results` when the
/// user corrects an article's date, so only that article is analyzed again.
pub struct LoadedCorpus {
    pub root: PathBuf,
    pub docs: Vec<SourceDoc>,
    pub results: Vec<DocResult>,
    pub skipped: Vec<Skipped>,
    pub manifest: HashMap<String, Date>,
    pub user: UserDates,
    /// A sidecar that could not be read (reported, then ignored).
    pub sidecar_error: Option<String>,
    pub extract: Extract,
}

impl LoadedCorpus {
    /// The document of an article id.
    pub fn doc(&self, id: &str) -> Option<&SourceDoc> {
        self.docs.iter().find(|d| d.id == id)
    }

    /// Set (`Some`) or clear (`None`) the user's date of the document at `index`: that
    /// document is analyzed again with it, the corpus re-assembled (merge, control), and
    /// the sidecar saved. Returns where the sidecar went.
    pub fn set_user_date(
        &mut self,
        pack: &Pack,
        index: usize,
        date: Option<Date>,
        data_dir: Option<&Path>,
    ) -> Result<PathBuf, String> {
        let job = self
            .redate_job(index, date)
            .ok_or_else(|| format!("no article #{index}"))?;
        let done = job.run(pack, data_dir);
        self.apply(done)
    }

    /// What re-dating the document at `index` needs, to run off the UI thread.
    pub fn redate_job(&self, index: usize, date: Option<Date>) -> Option<RedateJob> {
        let doc = self.docs.get(index)?.clone();
        let mut user = self.user.clone();
        match date {
            Some(d) => user.insert(doc.path.clone(), d),
            None => user.remove(&doc.path),
        };
        Some(RedateJob {
            root: self.root.clone(),
            doc,
            results: self.results.clone(),
            skipped: self.skipped.clone(),
            manifest: self.manifest.clone(),
            user,
        })
    }

    /// Take a finished re-dating in; returns where the sidecar went.
    pub fn apply(&mut self, done: Redated) -> Result<PathBuf, String> {
        self.results = done.results;
        self.extract = done.extract;
        self.user = done.user;
        done.saved
    }

    pub fn reassemble(&mut self, pack: &Pack) {
        self.extract =
            pipeline::assemble(&self.root, pack, self.skipped.clone(), self.results.clone());
    }

    /// The index in `docs` of the article whose id is `id`.
    pub fn doc_index(&self, id: &str) -> Option<usize> {
        self.docs.iter().position(|d| d.id == id)
    }
}

/// A re-dating to run: one document analyzed again with the user's dates, the corpus
/// re-assembled, the sidecar saved.
pub struct RedateJob {
    root: PathBuf,
    doc: SourceDoc,
    results: Vec<DocResult>,
    skipped: Vec<Skipped>,
    manifest: HashMap<String, Date>,
    user: UserDates,
}

/// The outcome of a [`RedateJob`].
pub struct Redated {
    pub results: Vec<DocResult>,
    pub extract: Extract,
    pub user: UserDates,
    /// Where the sidecar went, or why it could not be saved (the dates still apply).
    pub saved: Result<PathBuf, String>,
}

impl RedateJob {
    pub fn run(mut self, pack: &Pack, data_dir: Option<&Path>) -> Redated {
        let given = pipeline::given_with_user(&self.doc, &self.user, &self.manifest);
        let r = pipeline::analyze(&self.doc, pack, given);
        if let Some(slot) = self.results.iter_mut().find(|r| r.out.id == self.doc.id) {
            *slot = r;
        }
        let extract = pipeline::assemble(&self.root, pack, self.skipped, self.results.clone());
        let saved = sidecar::save(&self.root, data_dir, &self.user).map_err(|e| e.to_string());
        Redated {
            results: self.results,
            extract,
            user: self.user,
            saved,
        }
    }
}

/// What the import thread shares with the UI.
#[derive(Debug, Default, Clone)]
pub struct ImportProgress {
    pub done: usize,
    pub total: usize,
    pub current: String,
    pub stage: &'static str,
}

/// A running import: progress to draw, a cancel flag, the result when it ends.
pub struct ImportJob {
    pub folder: PathBuf,
    pub progress: Arc<Mutex<ImportProgress>>,
    pub cancel: Arc<AtomicBool>,
    rx: mpsc::Receiver<Result<LoadedCorpus, String>>,
}

/// How an import ended.
pub enum ImportEnd {
    Done(Box<LoadedCorpus>),
    Cancelled,
    Failed(String),
}

struct Shared {
    progress: Arc<Mutex<ImportProgress>>,
    cancel: Arc<AtomicBool>,
    repaint: Box<dyn Fn() + Send + Sync>,
}

impl Progress for Shared {
    fn file_done(&self, done: usize, total: usize, path: &str) {
        if let Ok(mut p) = self.progress.lock() {
            // Workers finish out of order: never let the count go back.
            p.done = p.done.max(done);
            p.total = total;
            p.current = path.to_string();
        }
        (self.repaint)();
    }
    fn cancelled(&self) -> bool {
        self.cancel.load(Ordering::Relaxed)
    }
}

impl ImportJob {
    /// Start importing `folder` on a worker thread; `repaint` wakes the UI (ctx.request_repaint).
    pub fn start(
        folder: PathBuf,
        pack: Arc<Pack>,
        data_dir: Option<PathBuf>,
        repaint: impl Fn() + Send + Sync + 'static,
    ) -> ImportJob {
        let progress = Arc::new(Mutex::new(ImportProgress {
            stage: "reading",
            ..Default::default()
        }));
        let cancel = Arc::new(AtomicBool::new(false));
        let (tx, rx) = mpsc::channel();
        let shared = Shared {
            progress: progress.clone(),
            cancel: cancel.clone(),
            repaint: Box::new(repaint),
        };
        let root = folder.clone();
        std::thread::Builder::new()
            .name("tarikh-import".into())
            .spawn(move || {
                let r = import(&root, &pack, data_dir.as_deref(), &shared);
                let _ = tx.send(r);
                (shared.repaint)();
            })
            .map_err(|e| eprintln!("cannot start the import thread: {e}"))
            .ok();
        ImportJob {
            folder,
            progress,
            cancel,
            rx,
        }
    }

    /// The end of the import, once (non-blocking).
    pub fn poll(&self) -> Option<ImportEnd> {
        match self.rx.try_recv() {
            Ok(Ok(c)) => Some(ImportEnd::Done(Box::new(c))),
            Ok(Err(e)) if e == CANCELLED => Some(ImportEnd::Cancelled),
            Ok(Err(e)) => Some(ImportEnd::Failed(e)),
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => {
                Some(ImportEnd::Failed("the import thread stopped".into()))
            }
        }
    }

    /// Wait for the end (tests and the command line).
    pub fn wait(&self) -> ImportEnd {
        match self.rx.recv() {
            Ok(Ok(c)) => ImportEnd::Done(Box::new(c)),
            Ok(Err(e)) if e == CANCELLED => ImportEnd::Cancelled,
            Ok(Err(e)) => ImportEnd::Failed(e),
            Err(_) => ImportEnd::Failed("the import thread stopped".into()),
        }
    }
}

const CANCELLED: &str = "\u{0}cancelled";

/// Read, date and analyze a folder: the pipeline's stages, keeping the documents.
pub fn import(
    root: &Path,
    pack: &Pack,
    data_dir: Option<&Path>,
    progress: &(dyn Progress + Sync),
) -> Result<LoadedCorpus, String> {
    let read = corpus::read_folder(root).map_err(|e| e.to_string())?;
    let manifest =
        pipeline::given_dates(root, &pipeline::Options::default()).map_err(|e| e.to_string())?;
    let (user, sidecar_error) = match sidecar::load(root, data_dir) {
        Ok(u) => (u, None),
        Err(e) => (UserDates::new(), Some(e.to_string())),
    };
    let given = |doc: &SourceDoc| pipeline::given_with_user(doc, &user, &manifest);
    let results = pipeline::analyze_all(&read.docs, pack, &given, progress)
        .ok_or_else(|| CANCELLED.to_string())?;
    let extract = pipeline::assemble(root, pack, read.skipped.clone(), results.clone());
    Ok(LoadedCorpus {
        root: root.to_path_buf(),
        docs: read.docs,
        results,
        skipped: read.skipped,
        manifest,
        user,
        sidecar_error,
        extract,
    })
}

/// Articles whose own date is inferred or unknown, for the import report.
pub fn uncertain_dates(x: &Extract) -> Vec<(&str, &Dct)> {
    x.documents
        .iter()
        .filter(|d| matches!(d.dct.source, DctSource::Inferred | DctSource::None))
        .map(|d| (d.path.as_str(), &d.dct))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    struct CancelAfter(usize, std::sync::atomic::AtomicUsize);

    impl Progress for CancelAfter {
        fn file_done(&self, _: usize, _: usize, _: &str) {
            self.1.fetch_add(1, Ordering::Relaxed);
        }
        fn cancelled(&self) -> bool {
            self.1.load(Ordering::Relaxed) >= self.0
        }
    }

    fn folder(name: &str, n: usize) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("tarikh-import-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).expect("dir");
        for i in 0..n {
            std::fs::write(
                dir.join(format!("a{i}.txt")),
                "سيطرت القوات على مدينة سرت يوم 17 ديسمبر 2016.",
            )
            .expect("article");
        }
        dir
    }

    #[test]
    fn a_cancelled_import_returns_no_corpus() {
        let dir = folder("cancel", 40);
        let pack = Pack::builtin().expect("pack");
        let p = CancelAfter(0, Default::default());
        assert!(matches!(import(&dir, &pack, None, &p), Err(e) if e == CANCELLED));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_import_job_reports_progress_and_ends_with_the_corpus() {
        let dir = folder("job", 5);
        let pack = Arc::new(Pack::builtin().expect("pack"));
        let job = ImportJob::start(dir.clone(), pack, None, || {});
        let end = job.wait();
        let _ = std::fs::remove_dir_all(&dir);
        match end {
            ImportEnd::Done(c) => assert_eq!(c.extract.documents.len(), 5),
            _ => panic!("the import should finish"),
        }
        let p = job.progress.lock().expect("progress").clone();
        assert_eq!((p.done, p.total), (5, 5));
    }

    #[test]
    fn a_missing_folder_fails_with_a_message() {
        let pack = Arc::new(Pack::builtin().expect("pack"));
        let job = ImportJob::start(PathBuf::from("/nonexistent/tarikh"), pack, None, || {});
        assert!(matches!(job.wait(), ImportEnd::Failed(e) if !e.is_empty()));
    }
}
