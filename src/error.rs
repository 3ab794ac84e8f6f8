//! Errors that stop a check from being made at all (exit status 2).
//! Problems inside the documents are findings, never errors.

use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{0}: no text (the file is empty or only white space)")]
    Empty(String),
    #[error("{0}: not UTF-8 text")]
    NotUtf8(String),
    #[error("{0}: binary content, not text")]
    Binary(String),
    #[error("{what}: {message}")]
    Input { what: String, message: String },
    #[error("{url}: {message}")]
    Fetch { url: String, message: String },
    #[error("config {path}: {message}")]
    Config { path: String, message: String },
    #[error("{0}")]
    Other(String),
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
