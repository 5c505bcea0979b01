//! Typed errors of the library. The binary reports them with anyhow and the file
//! they concern; a per-file problem is a `Skipped` entry, never an `Error`.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("corpus folder {0} does not exist or is not a folder")]
    NoFolder(PathBuf),
    #[error("cannot read {path}: {source}")]
    Io {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },
    #[error("dates manifest {path}, line {line}: {reason}")]
    Manifest {
        path: PathBuf,
        line: usize,
        reason: String,
    },
    #[error("region pack {pack}, {file}: {reason}")]
    Pack {
        pack: String,
        file: String,
        reason: String,
    },
    #[error("{0}")]
    Invalid(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
