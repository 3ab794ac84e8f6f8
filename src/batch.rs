//! `wirecheck batch`: every pair folder below the given directories.

use std::path::{Path, PathBuf};

use crate::source::pair::PairDir;

/// Every pair folder at or below `dir`, sorted.
pub fn find_pairs(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    walk(dir, &mut out, 0);
    out.sort();
    out
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) {
    if depth > 16 {
        return;
    }
    if PairDir::looks_like_pair(dir) {
        out.push(dir.to_path_buf());
        return;
    }
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() && !e.file_type().is_ok_and(|t| t.is_symlink()) {
            walk(&p, out, depth + 1);
        }
    }
}
