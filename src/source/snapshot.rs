//! Snapshots: the English source frozen into a pair folder by `wirecheck fetch`,
//! `en.html` (the raw bytes exactly as served) next to `en.meta.json` (their
//! [`Provenance`]). A pair with a snapshot is checked against it, because that is
//! the text the translation was made from; `--refetch` compares it with the live
//! page and reports the drift (see `drift`).

use std::path::{Path, PathBuf};

use super::cache::write_atomic;
use super::Provenance;
use crate::error::{Error, Result};
use crate::util::sha256_hex;

pub const SNAPSHOT_HTML: &str = "en.html";
pub const SNAPSHOT_META: &str = "en.meta.json";

/// The provenance file that goes with an English file, if it is a snapshot
/// (`en.html` with `en.meta.json` beside it).
pub fn meta_for(en: &Path) -> Option<PathBuf> {
    let name = en.file_name()?.to_str()?.to_ascii_lowercase();
    if name != "en.html" && name != "en.htm" {
        return None;
    }
    let meta = en.with_file_name(SNAPSHOT_META);
    meta.is_file().then_some(meta)
}

/// Read `en.meta.json`.
pub fn read_meta(path: &Path) -> Result<Provenance> {
    let text = crate::util::read_capped_string(path).map_err(|e| Error::Io {
        path: path.to_path_buf(),
        source: e,
    })?;
    let p: Provenance = serde_json::from_str(&text).map_err(|e| Error::Input {
        what: path.display().to_string(),
        message: format!("not a snapshot provenance file ({e})"),
    })?;
    if p.url.is_empty() || p.sha256.is_empty() {
        return Err(Error::Input {
            what: path.display().to_string(),
            message: "snapshot provenance lacks url or sha256".into(),
        });
    }
    Ok(p)
}

/// Read a snapshot's bytes and check them against the recorded sha256.
pub fn read(html: &Path, meta: &Path) -> Result<(Vec<u8>, Provenance)> {
    let provenance = read_meta(meta)?;
    let bytes = crate::util::read_capped(html).map_err(|e| Error::Io {
        path: html.to_path_buf(),
        source: e,
    })?;
    if sha256_hex(&bytes) != provenance.sha256 {
        return Err(Error::Input {
            what: html.display().to_string(),
            message: format!(
                "does not match the sha256 recorded in {} (edited after the snapshot? re-run `wirecheck fetch --force`)",
                SNAPSHOT_META
            ),
        });
    }
    Ok((bytes, provenance))
}

/// Refuse to write into `dir` when it already holds an English source, unless
/// `force` (which replaces an existing snapshot, never a hand-written `en.txt`/`en.md`).
pub fn check_writable(dir: &Path, force: bool) -> Result<()> {
    if dir.exists() && !dir.is_dir() {
        return Err(Error::Input {
            what: dir.display().to_string(),
            message: "exists and is not a directory".into(),
        });
    }
    for other in ["en.txt", "en.md"] {
        let p = dir.join(other);
        if p.is_file() {
            return Err(Error::Input {
                what: dir.display().to_string(),
                message: format!("already holds {other}, which would be used instead of a snapshot; remove it first"),
            });
        }
    }
    if !force {
        for name in [SNAPSHOT_HTML, "en.htm", SNAPSHOT_META] {
            let p = dir.join(name);
            if p.exists() {
                return Err(Error::Input {
                    what: p.display().to_string(),
                    message: "a snapshot already exists (use --force to replace it)".into(),
                });
            }
        }
    }
    Ok(())
}

/// Write `en.html` and `en.meta.json` into `dir`, each atomically, the page first.
pub fn write(dir: &Path, bytes: &[u8], provenance: &Provenance) -> Result<(PathBuf, PathBuf)> {
    let html = dir.join(SNAPSHOT_HTML);
    let meta = dir.join(SNAPSHOT_META);
    let mut p = provenance.clone();
    p.origin = String::new();
    // about this run's cache, not about the page
    p.cache_error = None;
    let json = serde_json::to_string_pretty(&p).map_err(|e| Error::Other(e.to_string()))?;
    write_atomic(&html, bytes)?;
    write_atomic(&meta, format!("{json}\n").as_bytes())?;
    Ok((html, meta))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_to_overwrite_without_force() {
        let d = tempfile::tempdir().unwrap();
        check_writable(d.path(), false).unwrap();
        let p = Provenance {
            url: "https://example.com/a".into(),
            sha256: sha256_hex(b"<p>x</p>"),
            ..Provenance::default()
        };
        write(d.path(), b"<p>x</p>", &p).unwrap();
        let e = check_writable(d.path(), false).unwrap_err().to_string();
        assert!(e.contains("--force"), "{e}");
        check_writable(d.path(), true).unwrap();
        let (bytes, back) =
            read(&d.path().join(SNAPSHOT_HTML), &d.path().join(SNAPSHOT_META)).unwrap();
        assert_eq!(bytes, b"<p>x</p>");
        assert_eq!(back.url, "https://example.com/a");
    }

    #[test]
    fn an_edited_snapshot_is_refused() {
        let d = tempfile::tempdir().unwrap();
        let p = Provenance {
            url: "https://example.com/a".into(),
            sha256: sha256_hex(b"<p>x</p>"),
            ..Provenance::default()
        };
        write(d.path(), b"<p>x</p>", &p).unwrap();
        std::fs::write(d.path().join(SNAPSHOT_HTML), b"<p>y</p>").unwrap();
        let e = read(&d.path().join(SNAPSHOT_HTML), &d.path().join(SNAPSHOT_META)).unwrap_err();
        assert!(e.to_string().contains("sha256"), "{e}");
    }
}
