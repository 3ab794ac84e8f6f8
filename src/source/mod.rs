//! Where the texts come from: local files (`.txt`, `.md`, `.html`, `-` for stdin),
//! URLs (`fetch`, `cache`, `extract`) and pair folders. Everything that touches the
//! network goes through here.

pub mod drift;
pub mod pair;

use std::path::Path;

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

use crate::document::{Document, Format};
use crate::error::{Error, Result};

/// Provenance of a fetched or snapshotted source (contract `en.provenance`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Provenance {
    pub url: String,
    pub final_url: String,
    pub status: u16,
    pub fetched_at: String,
    /// sha256 of the raw bytes.
    pub sha256: String,
    pub content_type: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub etag: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_modified: Option<String>,
    /// sha256 of the extracted article text (paragraphs joined by blank lines).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub text_sha256: String,
    /// `live`, `cache`, `cache-revalidated`, `snapshot`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub origin: String,
}

/// A loaded text with its provenance when it came from the web.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub document: Document,
    pub provenance: Option<Provenance>,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    let d = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in d {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// Decode raw bytes as UTF-8 text (BOM allowed), refusing empty and binary input.
pub fn decode_text(bytes: &[u8], what: &str) -> Result<String> {
    let bytes = bytes.strip_prefix(b"\xef\xbb\xbf").unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Empty(what.to_string()));
    }
    if bytes.contains(&0) {
        return Err(Error::Binary(what.to_string()));
    }
    let text = std::str::from_utf8(bytes).map_err(|_| Error::NotUtf8(what.to_string()))?;
    // control characters other than tab/newline/CR/formfeed in bulk: binary
    let ctrl = text
        .chars()
        .filter(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'))
        .count();
    if ctrl * 20 > text.chars().count().max(1) {
        return Err(Error::Binary(what.to_string()));
    }
    Ok(text.to_string())
}

/// Load a local file (or stdin for `-`) as a document.
pub fn load_path(path: &Path) -> Result<Loaded> {
    let name = path.display().to_string();
    let bytes = if name == "-" {
        let mut v = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin(), &mut v).map_err(|e| Error::Io {
            path: path.to_path_buf(),
            source: e,
        })?;
        v
    } else {
        if path.is_dir() {
            return Err(Error::Input {
                what: name,
                message: "is a directory, not a file".into(),
            });
        }
        std::fs::read(path).map_err(|e| Error::Io {
            path: path.to_path_buf(),
            source: e,
        })?
    };
    let display = if name == "-" { "<stdin>".to_string() } else { name.clone() };
    let text = decode_text(&bytes, &display)?;
    let format = if name == "-" {
        sniff_format(&text)
    } else {
        Format::from_name(&name)
    };
    let doc = Document::from_text(display.clone(), sha256_hex(&bytes), &text, format);
    if doc.paragraphs.is_empty() {
        return Err(Error::Empty(display));
    }
    Ok(Loaded {
        document: doc,
        provenance: None,
    })
}

/// HTML if it looks like markup, text otherwise.
pub fn sniff_format(text: &str) -> Format {
    let head = text.trim_start().get(..200).unwrap_or(text.trim_start()).to_ascii_lowercase();
    if head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<body") || head.starts_with("<p>") {
        Format::Html
    } else {
        Format::Text
    }
}

pub fn is_url(s: &str) -> bool {
    let l = s.to_ascii_lowercase();
    l.starts_with("http://") || l.starts_with("https://")
}
