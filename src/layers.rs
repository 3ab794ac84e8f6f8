//! The layers of the crate, checked by a test: data flows one way, load → parse →
//! align → check → report → gate, and a module uses only its own layer and those
//! below it. The test reads every `crate::…` path in `src/`, so a new import that
//! points up the pipeline, or a loop between two modules, fails `cargo test`.

/// Top-level modules by layer, bottom first.
pub const LAYERS: &[&[&str]] = &[
    &["util", "error", "atomic", "finding", "lang", "layers"],
    &["document", "credits"],
    &["source"],
    &["policy", "waivers"],
    &["align"],
    &["checks"],
    &["report"],
    &["pipeline", "batch", "eval"],
    &["serve"],
];

/// The layer of a top-level module, if it is one of the library's.
pub fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|l| l.contains(&module))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::{BTreeMap, BTreeSet};
    use std::path::{Path, PathBuf};

    fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                rust_files(&p, out);
            } else if p.extension().is_some_and(|x| x == "rs") {
                out.push(p);
            }
        }
    }

    /// (file relative to src/, its top module, every `crate::x` it names).
    fn modules() -> Vec<(String, String, BTreeSet<String>)> {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        rust_files(&src, &mut files);
        let mut out = Vec::new();
        for f in files {
            let rel = f
                .strip_prefix(&src)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            if matches!(rel.as_str(), "main.rs" | "cli.rs" | "lib.rs") {
                continue; // the binary and the crate root sit above every layer
            }
            let top = rel
                .split('/')
                .next()
                .unwrap()
                .trim_end_matches(".rs")
                .to_string();
            let text = std::fs::read_to_string(&f).unwrap();
            let mut used = BTreeSet::new();
            let mut rest = text.as_str();
            while let Some(i) = rest.find("crate::") {
                let after = &rest[i + 7..];
                let name: String = after
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() && name.chars().next().unwrap().is_lowercase() {
                    used.insert(name);
                }
                rest = after;
            }
            out.push((rel, top, used));
        }
        out
    }

    #[test]
    fn every_module_has_a_layer() {
        for (rel, top, _) in modules() {
            assert!(
                layer_of(&top).is_some(),
                "{rel}: module `{top}` is in no layer of LAYERS"
            );
        }
    }

    #[test]
    fn no_module_uses_a_layer_above_its_own() {
        let mut bad = Vec::new();
        for (rel, top, used) in modules() {
            let own = layer_of(&top).unwrap_or(usize::MAX);
            for u in used {
                if let Some(l) = layer_of(&u) {
                    if l > own {
                        bad.push(format!(
                            "{rel} ({top}, layer {own}) uses crate::{u} (layer {l})"
                        ));
                    }
                }
            }
        }
        assert!(
            bad.is_empty(),
            "imports up the pipeline:\n{}",
            bad.join("\n")
        );
    }

    #[test]
    fn no_import_loop_between_modules() {
        let mut edges: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for (_, top, used) in modules() {
            let e = edges.entry(top.clone()).or_default();
            for u in used {
                if u != top && layer_of(&u).is_some() {
                    e.insert(u);
                }
            }
        }
        // depth-first search for a back edge
        fn visit(
            n: &str,
            edges: &BTreeMap<String, BTreeSet<String>>,
            state: &mut BTreeMap<String, u8>,
            path: &mut Vec<String>,
        ) -> Option<Vec<String>> {
            state.insert(n.to_string(), 1);
            path.push(n.to_string());
            for m in edges.get(n).into_iter().flatten() {
                match state.get(m.as_str()) {
                    Some(1) => {
                        let mut cycle = path.clone();
                        cycle.push(m.clone());
                        return Some(cycle);
                    }
                    Some(_) => {}
                    None => {
                        if let Some(c) = visit(m, edges, state, path) {
                            return Some(c);
                        }
                    }
                }
            }
            path.pop();
            state.insert(n.to_string(), 2);
            None
        }
        let mut state = BTreeMap::new();
        for n in edges.keys() {
            if !state.contains_key(n.as_str()) {
                let c = visit(n, &edges, &mut state, &mut Vec::new());
                assert!(c.is_none(), "import loop: {}", c.unwrap().join(" -> "));
            }
        }
    }

    #[test]
    fn no_check_imports_another_check() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/checks");
        let mut files = Vec::new();
        rust_files(&src, &mut files);
        let check_modules: BTreeSet<String> = files
            .iter()
            .filter(|f| !f.ends_with("mod.rs") && !f.ends_with("bead.rs"))
            .map(|f| f.file_stem().unwrap().to_string_lossy().into_owned())
            .collect();
        assert!(check_modules.len() >= crate::finding::CheckId::ALL.len());
        for f in &files {
            let own = f.file_stem().unwrap().to_string_lossy().into_owned();
            let text = std::fs::read_to_string(f).unwrap();
            for other in &check_modules {
                if *other == own || f.ends_with("checks/mod.rs") {
                    continue;
                }
                for pat in [
                    format!("::{other}::"),
                    format!("::{other};"),
                    format!("{{{other}"),
                ] {
                    assert!(
                        !text.contains(&pat),
                        "{} refers to the check module `{other}`; share code through checks/bead.rs",
                        f.display()
                    );
                }
            }
        }
    }

    /// A file a person can read at once: none under `src/` over 800 lines.
    #[test]
    fn no_source_file_over_800_lines() {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let mut files = Vec::new();
        rust_files(&src, &mut files);
        let long: Vec<String> = files
            .iter()
            .filter_map(|p| {
                let n = std::fs::read_to_string(p).unwrap().lines().count();
                (n > 800).then(|| format!("{} ({n} lines)", p.display()))
            })
            .collect();
        assert!(long.is_empty(), "split these files: {long:?}");
    }
}
