//! The fetch cache: one entry per URL under `dirs::cache_dir()/wirecheck` (or
//! `--cache-dir`), named by the sha256 of the URL: `<key>.body` holds the raw
//! bytes, `<key>.json` their [`Provenance`]. Every write goes to a temporary file
//! in the same directory and is renamed into place, body first, metadata last, so
//! an interrupted run leaves either the old entry or the new one. An entry whose
//! body does not hash to its metadata's sha256 counts as absent.

use std::path::{Path, PathBuf};

use super::Provenance;
use crate::error::{Error, Result};
use crate::util::sha256_hex;

#[derive(Debug, Clone)]
pub struct Cache {
    dir: PathBuf,
}

/// A cache entry read back: raw bytes and the provenance recorded when fetched.
#[derive(Debug, Clone)]
pub struct Entry {
    pub bytes: Vec<u8>,
    pub provenance: Provenance,
}

impl Cache {
    pub fn new(dir: impl Into<PathBuf>) -> Cache {
        Cache { dir: dir.into() }
    }

    /// `--cache-dir`, else the user's cache directory, else a folder in the temp dir.
    pub fn open(dir: Option<&Path>) -> Cache {
        match dir {
            Some(d) => Cache::new(d),
            None => Cache::new(
                dirs::cache_dir()
                    .unwrap_or_else(std::env::temp_dir)
                    .join("wirecheck"),
            ),
        }
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The file-name key of a URL.
    pub fn key(url: &str) -> String {
        sha256_hex(url.as_bytes())
    }

    fn paths(&self, url: &str) -> (PathBuf, PathBuf) {
        let k = Cache::key(url);
        (
            self.dir.join(format!("{k}.body")),
            self.dir.join(format!("{k}.json")),
        )
    }

    /// The entry for `url`, if present and intact.
    pub fn get(&self, url: &str) -> Option<Entry> {
        let (body, meta) = self.paths(url);
        let meta_text = std::fs::read_to_string(meta).ok()?;
        let provenance: Provenance = serde_json::from_str(&meta_text).ok()?;
        if provenance.url != url {
            return None;
        }
        let bytes = std::fs::read(body).ok()?;
        if sha256_hex(&bytes) != provenance.sha256 {
            return None;
        }
        Some(Entry { bytes, provenance })
    }

    /// Store `bytes` with their provenance for `url`, atomically.
    pub fn put(&self, url: &str, bytes: &[u8], provenance: &Provenance) -> Result<()> {
        let (body, meta) = self.paths(url);
        let mut stored = provenance.clone();
        stored.url = url.to_string();
        stored.origin = String::new();
        stored.text_sha256 = String::new();
        let json =
            serde_json::to_string_pretty(&stored).map_err(|e| Error::Other(e.to_string()))?;
        write_atomic(&body, bytes)?;
        write_atomic(&meta, json.as_bytes())
    }
}

pub use crate::atomic::write_atomic;

#[cfg(test)]
mod tests {
    use super::*;

    fn prov(url: &str, bytes: &[u8]) -> Provenance {
        Provenance {
            url: url.into(),
            final_url: url.into(),
            status: 200,
            fetched_at: "2024-01-02T03:04:05Z".into(),
            sha256: sha256_hex(bytes),
            content_type: "text/html".into(),
            etag: Some("\"v1\"".into()),
            ..Provenance::default()
        }
    }

    #[test]
    fn put_then_get_round_trips() {
        let d = tempfile::tempdir().unwrap();
        let c = Cache::new(d.path());
        let url = "https://example.com/story";
        c.put(url, b"<p>hello</p>", &prov(url, b"<p>hello</p>"))
            .unwrap();
        let e = c.get(url).unwrap();
        assert_eq!(e.bytes, b"<p>hello</p>");
        assert_eq!(e.provenance.etag.as_deref(), Some("\"v1\""));
        assert!(c.get("https://example.com/other").is_none());
    }

    #[test]
    fn a_body_that_does_not_match_its_metadata_is_a_miss() {
        let d = tempfile::tempdir().unwrap();
        let c = Cache::new(d.path());
        let url = "https://example.com/story";
        c.put(url, b"<p>hello</p>", &prov(url, b"<p>hello</p>"))
            .unwrap();
        let body = d.path().join(format!("{}.body", Cache::key(url)));
        std::fs::write(body, b"<p>half-writ").unwrap();
        assert!(c.get(url).is_none());
    }
}
