//! Atomic file writes: every report, cache entry and snapshot goes through a
//! temporary file in the target's folder and a rename, so an interrupted run
//! leaves the old file or the new one, never half of one.

use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

/// Write `bytes` to `path` through a temporary file in the same directory, then
/// rename it over the target: readers see the old file or the new one, never half.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write(path, bytes, true)
}

/// [`write_atomic`] without forcing the bytes to disk before the rename: for the
/// per-pair reports of a batch, which a rerun regenerates. Readers still see the
/// old file or the new one, never half; a power cut may lose the newest reports.
/// Saves one disk flush per file (three per pair).
pub fn write_atomic_unsynced(path: &Path, bytes: &[u8]) -> Result<()> {
    write(path, bytes, false)
}

fn write(path: &Path, bytes: &[u8], sync: bool) -> Result<()> {
    let dir = path
        .parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let io = |e: std::io::Error| Error::Io {
        path: path.to_path_buf(),
        source: e,
    };
    if !dir.is_dir() {
        std::fs::create_dir_all(dir).map_err(io)?;
    }
    let mut tmp = tempfile::Builder::new()
        .prefix(".wirecheck-")
        .suffix(".tmp")
        .tempfile_in(dir)
        .map_err(io)?;
    tmp.write_all(bytes).map_err(io)?;
    // a temporary file is private (0600); a report is meant to be read: keep the
    // permissions of the file it replaces, else rw-r--r--
    if let Some(perms) = report_permissions(path) {
        tmp.as_file().set_permissions(perms).map_err(io)?;
    }
    if sync {
        tmp.as_file().sync_all().map_err(io)?;
    }
    tmp.persist(path).map_err(|e| io(e.error))?;
    Ok(())
}

fn report_permissions(path: &Path) -> Option<std::fs::Permissions> {
    if let Ok(m) = std::fs::metadata(path) {
        return Some(m.permissions());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        Some(std::fs::Permissions::from_mode(0o644))
    }
    #[cfg(not(unix))]
    {
        None
    }
}
