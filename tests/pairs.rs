//! The example pairs under `pairs/`: every folder with a `gold.tsv` is checked with the
//! binary (`check <dir> --format json`) and its alignment must equal gold exactly, bead
//! for bead, unaligned paragraphs included. Every pair is a faithful (if adapted)
//! translation and must pass the default gate with no error-level finding, except
//! `pairs/needs-fixes/`, which carries deliberate errors listed in its `expected.txt`.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::util::{self, check_json, pairs_root};

/// The pair that must fail, with the finding ids listed in its `expected.txt`.
const NEEDS_FIXES: &str = "needs-fixes";

/// A bead as two sorted index lists: (fr, en).
type BeadSet = BTreeSet<(Vec<usize>, Vec<usize>)>;

struct Run {
    slug: String,
    dir: PathBuf,
    code: Option<i32>,
    report: Value,
}

/// Every folder below `pairs/` that holds a `gold.tsv`, sorted.
fn pair_dirs() -> Vec<PathBuf> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        let Ok(entries) = std::fs::read_dir(dir) else {
            return;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            if path.is_dir() {
                if path.join("gold.tsv").is_file() {
                    out.push(path.clone());
                }
                walk(&path, out);
            }
        }
    }
    let mut out = Vec::new();
    walk(&pairs_root(), &mut out);
    out.sort();
    out
}

fn slug(dir: &Path) -> String {
    dir.strip_prefix(pairs_root())
        .unwrap_or(dir)
        .to_string_lossy()
        .replace('\\', "/")
}

fn run(dir: &Path) -> Run {
    let r = check_json([dir]);
    Run {
        slug: slug(dir),
        dir: dir.to_path_buf(),
        code: Some(r.code),
        report: r.report,
    }
}

fn runs() -> Vec<Run> {
    let dirs = pair_dirs();
    assert!(
        dirs.len() >= 10,
        "expected the seed pairs and at least 8 written pairs under pairs/, found {}",
        dirs.len()
    );
    dirs.iter().map(|d| run(d)).collect()
}

/// Paragraph indices, sorted.
fn indices(v: &Value) -> Vec<usize> {
    let mut out = util::indices(v);
    out.sort_unstable();
    out
}

fn paragraph_count(report: &Value, side: &str) -> usize {
    report[side]["paragraphs"]
        .as_array()
        .map(Vec::len)
        .unwrap_or_else(|| panic!("report has no {side}.paragraphs"))
}

/// gold.tsv as beads: links grouped into connected components (a many-to-one bead is
/// several lines), then every index in no line as an unaligned bead.
fn gold_beads(dir: &Path, n_fr: usize, n_en: usize) -> BeadSet {
    let text = std::fs::read_to_string(dir.join("gold.tsv")).expect("read gold.tsv");
    let links: Vec<(usize, usize)> = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| {
            let mut it = l.split('\t');
            let fr = it.next().and_then(|s| s.trim().parse().ok());
            let en = it.next().and_then(|s| s.trim().parse().ok());
            match (fr, en) {
                (Some(fr), Some(en)) => (fr, en),
                _ => panic!("{}: bad gold line {l:?}", dir.display()),
            }
        })
        .collect();

    // Union-find over fr nodes 0..n_fr and en nodes n_fr..n_fr+n_en.
    let mut parent: Vec<usize> = (0..n_fr + n_en).collect();
    fn find(parent: &mut [usize], mut x: usize) -> usize {
        while parent[x] != x {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        x
    }
    for &(fr, en) in &links {
        assert!(
            fr < n_fr && en < n_en,
            "{}: gold link {fr}\t{en} out of range ({n_fr} fr / {n_en} en paragraphs)",
            dir.display()
        );
        let a = find(&mut parent, fr);
        let b = find(&mut parent, n_fr + en);
        parent[a] = b;
    }
    let mut groups: BTreeMap<usize, (Vec<usize>, Vec<usize>)> = BTreeMap::new();
    for i in 0..n_fr + n_en {
        let root = find(&mut parent, i);
        let g = groups.entry(root).or_default();
        if i < n_fr {
            g.0.push(i);
        } else {
            g.1.push(i - n_fr);
        }
    }
    groups.into_values().collect()
}

fn report_beads(report: &Value) -> BeadSet {
    report["alignment"]
        .as_array()
        .expect("report has an alignment array")
        .iter()
        .map(|b| (indices(&b["fr"]), indices(&b["en"])))
        .collect()
}

fn show(beads: &BeadSet) -> String {
    beads
        .iter()
        .map(|(fr, en)| format!("{fr:?}-{en:?}"))
        .collect::<Vec<_>>()
        .join(" ")
}

fn error_findings(report: &Value) -> Vec<String> {
    report["findings"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter(|f| f["severity"] == "error")
                .map(|f| {
                    format!(
                        "{} fr {:?} en {:?}: {}",
                        f["id"].as_str().unwrap_or("?"),
                        indices(&f["fr"]),
                        indices(&f["en"]),
                        f["message"].as_str().unwrap_or("")
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn alignment_equals_gold_on_every_pair() {
    let mut failures = Vec::new();
    for r in runs() {
        let n_fr = paragraph_count(&r.report, "fr");
        let n_en = paragraph_count(&r.report, "en");
        let gold = gold_beads(&r.dir, n_fr, n_en);
        let got = report_beads(&r.report);
        if gold != got {
            let missing: BeadSet = gold.difference(&got).cloned().collect();
            let extra: BeadSet = got.difference(&gold).cloned().collect();
            failures.push(format!(
                "{}: gold beads not found: {}; beads not in gold: {}",
                r.slug,
                show(&missing),
                show(&extra)
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn every_pair_passes_the_gate_except_needs_fixes() {
    let mut failures = Vec::new();
    for r in runs() {
        let (want_code, want_verdict) = if r.slug == NEEDS_FIXES {
            (1, "fail")
        } else {
            (0, "pass")
        };
        let verdict = r.report["verdict"].as_str().unwrap_or("?");
        if r.code != Some(want_code) || verdict != want_verdict {
            failures.push(format!(
                "{}: exit {:?}, verdict {verdict}, expected exit {want_code} and {want_verdict}",
                r.slug, r.code
            ));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn no_error_level_finding_except_in_needs_fixes() {
    let mut failures = Vec::new();
    for r in runs().into_iter().filter(|r| r.slug != NEEDS_FIXES) {
        for f in error_findings(&r.report) {
            failures.push(format!("{}: {f}", r.slug));
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn needs_fixes_reports_every_expected_finding() {
    let dir = pairs_root().join(NEEDS_FIXES);
    let expected = std::fs::read_to_string(dir.join("expected.txt")).expect("expected.txt");
    let expected: Vec<&str> = expected
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect();
    assert!(expected.len() >= 6, "expected.txt lists {expected:?}");

    let r = run(&dir);
    assert_eq!(r.code, Some(1), "needs-fixes must fail the default gate");
    assert_eq!(r.report["verdict"], "fail");
    let ids: BTreeSet<&str> = r.report["findings"]
        .as_array()
        .expect("findings array")
        .iter()
        .filter_map(|f| f["id"].as_str())
        .collect();
    let missing: Vec<&&str> = expected.iter().filter(|id| !ids.contains(**id)).collect();
    assert!(
        missing.is_empty(),
        "needs-fixes: expected findings not reported: {missing:?}; reported: {ids:?}"
    );
}
