//! Text pairs read from a folder of pair folders, shared by the long-document and
//! serve-load benchmarks.

use std::path::{Path, PathBuf};

/// `(fr, en)` texts of every folder of `dir` holding fr.txt and en.txt, in name
/// order; empty when `dir` cannot be read.
pub fn pairs_in(dir: &Path) -> Vec<(String, String)> {
    let Ok(rd) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let mut dirs: Vec<PathBuf> = rd
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("fr.txt").is_file() && p.join("en.txt").is_file())
        .collect();
    dirs.sort();
    dirs.iter()
        .map(|d| {
            (
                std::fs::read_to_string(d.join("fr.txt")).unwrap(),
                std::fs::read_to_string(d.join("en.txt")).unwrap(),
            )
        })
        .collect()
}
