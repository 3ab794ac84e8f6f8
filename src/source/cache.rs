//! The fetch cache: one entry per URL under `dirs::cache_dir()/wirecheck` (or
//! `--cache-dir`), one file named by the sha256 of the URL, `<key>.entry`: its
//! [`Provenance`] as one line of JSON, a newline, then the raw bytes. The file is
//! written to a temporary file in the same directory and renamed into place as one
//! unit, so concurrent writers and interrupted runs leave one complete entry (the
//! last renamed), never a body from one fetch with the metadata of another. An
//! entry whose body does not hash to its metadata's sha256 counts as absent.
//! Temporary files older than an hour (left by a killed run) are removed when
//! an entry is written.

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

    fn path(&self, url: &str) -> PathBuf {
        self.dir.join(format!("{}.entry", Cache::key(url)))
    }

    /// The entry for `url`, if present and intact.
    pub fn get(&self, url: &str) -> Option<Entry> {
        let all = crate::util::read_capped(&self.path(url)).ok()?;
        let nl = all.iter().position(|&b| b == b'\n')?;
        let provenance: Provenance = serde_json::from_slice(&all[..nl]).ok()?;
        if provenance.url != url {
            return None;
        }
        let bytes = all[nl + 1..].to_vec();
        if sha256_hex(&bytes) != provenance.sha256 {
            return None;
        }
        Some(Entry { bytes, provenance })
    }

    /// Store `bytes` with their provenance for `url`, atomically.
    pub fn put(&self, url: &str, bytes: &[u8], provenance: &Provenance) -> Result<()> {
        let mut stored = provenance.clone();
        stored.url = url.to_string();
        stored.origin = String::new();
        stored.text_sha256 = String::new();
        let mut all = serde_json::to_vec(&stored).map_err(|e| Error::Other(e.to_string()))?;
        all.push(b'\n');
        all.extend_from_slice(bytes);
        self.clean_stale_temporaries();
        write_atomic(&self.path(url), &all)
    }

    /// Remove `.wirecheck-*.tmp` files an hour old or more: a run killed between
    /// writing and renaming leaves one; a live writer's is seconds old.
    fn clean_stale_temporaries(&self) {
        let Ok(rd) = std::fs::read_dir(&self.dir) else {
            return;
        };
        let hour = std::time::Duration::from_secs(3600);
        for e in rd.flatten() {
            let name = e.file_name();
            let name = name.to_string_lossy();
            if !(name.starts_with(".wirecheck-") && name.ends_with(".tmp")) {
                continue;
            }
            let old = e
                .metadata()
                .and_then(|m| m.modified())
                .ok()
                .and_then(|t| t.elapsed().ok())
                .is_some_and(|age| age >= hour);
            if old {
                let _ = std::fs::remove_file(e.path());
            }
        }
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
        let entry = d.path().join(format!("{}.entry", Cache::key(url)));
        let mut text = std::fs::read(&entry).unwrap();
        text.truncate(text.len() - 3);
        std::fs::write(&entry, text).unwrap();
        assert!(c.get(url).is_none());
    }

    #[test]
    fn concurrent_writers_leave_one_complete_entry_and_stale_temporaries_go() {
        let d = tempfile::tempdir().unwrap();
        let stale = d.path().join(".wirecheck-killed.tmp");
        std::fs::write(&stale, b"half").unwrap();
        let f = std::fs::File::options().write(true).open(&stale).unwrap();
        f.set_modified(std::time::SystemTime::now() - std::time::Duration::from_secs(7200))
            .unwrap();
        let url = "https://example.com/story";
        std::thread::scope(|s| {
            for i in 0..8 {
                let dir = d.path();
                s.spawn(move || {
                    let body = format!("<p>version {i}</p>").repeat(20_000 + i);
                    for _ in 0..5 {
                        Cache::new(dir)
                            .put(url, body.as_bytes(), &prov(url, body.as_bytes()))
                            .unwrap();
                    }
                });
            }
        });
        let e = Cache::new(d.path()).get(url).expect("one complete entry");
        assert_eq!(sha256_hex(&e.bytes), e.provenance.sha256);
        assert!(!stale.exists(), "the stale temporary file is cleaned");
        let left: Vec<_> = std::fs::read_dir(d.path()).unwrap().flatten().collect();
        assert_eq!(left.len(), 1, "{left:?}");
    }
}
