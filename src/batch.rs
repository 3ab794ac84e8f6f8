//! `wirecheck batch`: every pair folder below the given directories, checked in
//! parallel through the same path as `check PAIR_DIR` ([`pipeline::check_pair_dir`]).
//!
//! [`plan`] finds the pairs and gives each a unique file-name slug; [`run`] checks
//! them on a rayon pool and writes, into the report directory, `<slug>.json`,
//! `<slug>.html` and `<slug>.csv` per pair, then `index.html` and `summary.csv`. A
//! pair that cannot be checked is recorded with its error and never stops the
//! others. Every file is replaced atomically (temporary file + rename). The library
//! never prints: progress is reported through a callback.

use crate::atomic::{write_atomic, write_atomic_unsynced};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::pipeline;
use crate::policy::FailOn;
use crate::report::html::IndexRow;
use crate::report::{self, Counts, Report};
use crate::source::pair::PairDir;

/// Every pair folder at or below `dir`, sorted.
pub fn find_pairs(dir: &Path) -> Vec<PathBuf> {
    crate::source::pair::walk_pairs(dir, &PairDir::looks_like_pair)
}

/// A pair folder to check and the slug its reports are named after.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedPair {
    pub dir: PathBuf,
    pub slug: String,
    /// Why this folder could not even be searched (unreadable, too deep): it is
    /// reported as "could not be checked".
    pub problem: Option<String>,
}

/// Find every pair folder below `dirs` and give each a unique slug (its path below
/// the directory it was found in, made safe for a file name).
pub fn plan(dirs: &[PathBuf]) -> Result<Vec<PlannedPair>> {
    let mut out = Vec::new();
    let mut taken: HashSet<String> = ["index", "summary"].iter().map(|s| s.to_string()).collect();
    for root in dirs {
        if !root.is_dir() {
            return Err(Error::Input {
                what: root.display().to_string(),
                message: "not a directory".into(),
            });
        }
        let (found, skipped) =
            crate::source::pair::walk_pairs_reporting(root, &PairDir::looks_like_pair);
        let found = found
            .into_iter()
            .map(|d| (d, None))
            .chain(skipped.into_iter().map(|(d, why)| (d, Some(why))));
        for (dir, problem) in found {
            let rel = dir.strip_prefix(root).unwrap_or(&dir);
            let base = if rel.as_os_str().is_empty() {
                std::fs::canonicalize(&dir)
                    .ok()
                    .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
                    .unwrap_or_else(|| "pair".into())
            } else {
                rel.components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("-")
            };
            let base = slugify(&base);
            let mut slug = base.clone();
            let mut n = 2;
            while !taken.insert(slug.clone()) {
                slug = format!("{base}-{n}");
                n += 1;
            }
            out.push(PlannedPair { dir, slug, problem });
        }
    }
    if out.is_empty() {
        return Err(Error::Input {
            what: dirs
                .iter()
                .map(|d| d.display().to_string())
                .collect::<Vec<_>>()
                .join(", "),
            message: "no pair folder found (a pair folder holds fr.txt, fr.md, fr.html, fr.json or fr.xml)".into(),
        });
    }
    Ok(out)
}

/// Letters, digits, `-`, `_` and `.` kept; anything else becomes `-`; never starts with `.`.
pub fn slugify(s: &str) -> String {
    let mut o: String = s
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '-' | '_' | '.') {
                c
            } else {
                '-'
            }
        })
        .collect();
    if o.starts_with('.') {
        o.replace_range(0..1, "_");
    }
    if o.is_empty() {
        o.push_str("pair");
    }
    o
}

/// Most worker threads a batch starts (`--jobs` above it is capped, with a note):
/// each pair is a few milliseconds of CPU, and thousands of threads only thrash.
pub const MAX_JOBS: usize = 64;

/// How a batch runs.
#[derive(Debug, Clone, Default)]
pub struct BatchOptions {
    pub report_dir: PathBuf,
    /// `--config`: one policy for every pair instead of each pair's `wirecheck.toml`.
    pub config: Option<PathBuf>,
    pub fail_on: Option<FailOn>,
    /// `--waivers`: one waivers file for every pair instead of each pair's `waivers.toml`.
    pub waivers: Option<PathBuf>,
    /// `--bom`: start every CSV file with a UTF-8 byte order mark.
    pub bom: bool,
    /// Worker threads; `None` = all cores.
    pub jobs: Option<usize>,
    /// `--cache-dir`, `--offline`, `--refetch` for pairs with web sources.
    pub cache_dir: Option<PathBuf>,
    pub offline: bool,
    pub refetch: bool,
}

/// What checking one pair gave.
#[derive(Debug, Clone)]
pub struct PairOutcome {
    pub pair: PlannedPair,
    pub result: std::result::Result<PairChecked, String>,
}

#[derive(Debug, Clone)]
pub struct PairChecked {
    pub passed: bool,
    pub counts: Counts,
    pub en_source: String,
    pub fr_sha256: String,
    pub en_sha256: String,
    /// The checks whose findings fail the gate.
    pub failing: Vec<String>,
}

/// A pair's outcome in a batch: the gate's verdict, or could not be checked.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PairVerdict {
    Pass,
    Fail,
    /// The pair could not be checked (written `error` in the index and summary).
    Error,
}

impl PairVerdict {
    pub fn as_str(self) -> &'static str {
        match self {
            PairVerdict::Pass => "pass",
            PairVerdict::Fail => "fail",
            PairVerdict::Error => "error",
        }
    }
}

impl PairOutcome {
    pub fn verdict(&self) -> PairVerdict {
        match &self.result {
            Ok(c) if c.passed => PairVerdict::Pass,
            Ok(_) => PairVerdict::Fail,
            Err(_) => PairVerdict::Error,
        }
    }
}

/// One row of `summary.csv`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SummaryRow {
    pub pair: String,
    pub dir: String,
    pub verdict: String,
    pub errors: usize,
    pub warnings: usize,
    pub info: usize,
    pub waived: usize,
    pub en_source: String,
    pub fr_sha256: String,
    pub en_sha256: String,
    /// Why the pair could not be checked; empty otherwise.
    pub message: String,
    /// The ids of the checks that fail the gate, `;` between them.
    pub failing_checks: String,
}

const SUMMARY_HEADER: &[&str] = &[
    "pair",
    "dir",
    "verdict",
    "errors",
    "warnings",
    "info",
    "waived",
    "en_source",
    "fr_sha256",
    "en_sha256",
    "message",
    "failing_checks",
];

/// The whole batch.
#[derive(Debug, Clone)]
pub struct BatchOutcome {
    pub pairs: Vec<PairOutcome>,
    pub index: PathBuf,
    pub summary: PathBuf,
}

impl BatchOutcome {
    pub fn count(&self, verdict: PairVerdict) -> usize {
        self.pairs.iter().filter(|p| p.verdict() == verdict).count()
    }

    /// 2 if any pair could not be checked, else 1 if any failed the gate, else 0.
    pub fn exit_code(&self) -> u8 {
        if self.count(PairVerdict::Error) > 0 {
            2
        } else if self.count(PairVerdict::Fail) > 0 {
            1
        } else {
            0
        }
    }
}

/// Check every planned pair and write the reports. `on_done` is called (from a worker
/// thread) as each pair finishes. Errors are only those that stop the whole batch:
/// the report directory or the index cannot be written.
pub fn run(
    pairs: &[PlannedPair],
    opts: &BatchOptions,
    on_done: &(dyn Fn(&PairOutcome) + Sync),
) -> Result<BatchOutcome> {
    let out_dir = &opts.report_dir;
    refuse_report_dir_in_a_pair(out_dir, pairs)?;
    std::fs::create_dir_all(out_dir).map_err(|e| Error::Io {
        path: out_dir.clone(),
        source: e,
    })?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.jobs.unwrap_or(0).min(MAX_JOBS))
        .build()
        .map_err(|e| Error::Other(format!("cannot start worker threads: {e}")))?;
    let outcomes: Vec<PairOutcome> = pool.install(|| {
        pairs
            .par_iter()
            .map(|p| {
                let outcome = check_and_write(p, opts);
                on_done(&outcome);
                outcome
            })
            .collect()
    });

    // failures first (could not be checked, then failed), each group in plan order
    let mut listed: Vec<&PairOutcome> = outcomes.iter().collect();
    listed.sort_by_key(|o| match o.verdict() {
        PairVerdict::Error => 0,
        PairVerdict::Fail => 1,
        PairVerdict::Pass => 2,
    });
    let rows: Vec<SummaryRow> = listed.iter().map(|o| summary_row(o)).collect();
    let summary = out_dir.join("summary.csv");
    let csv = report::csv::write_rows(rows.into_iter(), SUMMARY_HEADER)?;
    write_atomic(&summary, report::csv::with_bom(csv, opts.bom).as_bytes())?;

    let index_rows: Vec<IndexRow> = listed.iter().map(|o| index_row(o)).collect();
    let index = out_dir.join("index.html");
    let html = report::html::render_index(&index_rows, &crate::util::now_rfc3339());
    write_atomic(&index, html.as_bytes())?;

    Ok(BatchOutcome {
        pairs: outcomes,
        index,
        summary,
    })
}

/// The reports go to `<slug>.html`, `.json`, `.csv`, `index.html`, `summary.csv`:
/// inside a pair folder they could replace its inputs (`fr.html`), so a report dir
/// that is a pair folder or lies inside one is refused before anything is written.
fn refuse_report_dir_in_a_pair(out_dir: &Path, pairs: &[PlannedPair]) -> Result<()> {
    // a folder still to be made: judged by its nearest existing ancestor
    let found = out_dir.ancestors().find_map(|a| {
        let c = std::fs::canonicalize(a).ok()?;
        Some(c.join(out_dir.strip_prefix(a).ok()?))
    });
    let Some(out) = found.or_else(|| std::env::current_dir().ok().map(|c| c.join(out_dir))) else {
        return Ok(());
    };
    for p in pairs.iter().filter(|p| p.problem.is_none()) {
        if let Ok(d) = std::fs::canonicalize(&p.dir) {
            if out.starts_with(&d) {
                return Err(Error::Input {
                    what: out_dir.display().to_string(),
                    message: format!(
                        "the report folder is inside the pair folder {}: its reports could replace the pair's files; choose another --report-dir",
                        p.dir.display()
                    ),
                });
            }
        }
    }
    Ok(())
}

fn check_and_write(p: &PlannedPair, opts: &BatchOptions) -> PairOutcome {
    // a bug in one pair's check must not take the batch down
    let caught = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check_one(p, opts)));
    let result = match caught {
        Ok(Ok(r)) => write_reports(p, &r, opts).map(|()| PairChecked {
            passed: r.passed(),
            counts: r.counts(),
            en_source: r.en.source.clone(),
            fr_sha256: r.fr.sha256.clone(),
            en_sha256: r.en.sha256.clone(),
            failing: r.failing_checks().iter().map(|c| c.to_string()).collect(),
        }),
        Ok(Err(e)) => Err(e.to_string()),
        Err(panic) => {
            let msg = panic
                .downcast_ref::<&str>()
                .map(|s| s.to_string())
                .or_else(|| panic.downcast_ref::<String>().cloned())
                .unwrap_or_default();
            Err(format!(
                "{}: internal error while checking: {msg}",
                p.dir.display()
            ))
        }
    };
    if result.is_err() {
        // never leave an older report that could be mistaken for this run's
        for ext in ["json", "html", "csv"] {
            let _ = std::fs::remove_file(opts.report_dir.join(format!("{}.{ext}", p.slug)));
        }
    }
    // every message names the pair folder, once
    let dir = p.dir.display().to_string();
    let result = result.map_err(|e| {
        let e = e.replace('\n', " ");
        if e.contains(&dir) {
            e
        } else {
            format!("{dir}: {e}")
        }
    });
    PairOutcome {
        pair: p.clone(),
        result,
    }
}

fn check_one(p: &PlannedPair, opts: &BatchOptions) -> Result<Report> {
    if let Some(why) = &p.problem {
        return Err(Error::Input {
            what: p.dir.display().to_string(),
            message: why.clone(),
        });
    }
    let mut pair = PairDir::open(&p.dir)?;
    if let Some(w) = &opts.waivers {
        pair.waivers = Some(w.clone());
    }
    let policy = pipeline::resolve_policy(opts.config.as_deref(), Some(&p.dir), opts.fail_on)?;
    let sopts = crate::source::SourceOptions::new(
        opts.cache_dir.clone(),
        opts.offline,
        opts.refetch,
        &policy.fetch,
    );
    pipeline::check_pair_dir(&pair, &policy, &sopts)
}

fn write_reports(
    p: &PlannedPair,
    r: &Report,
    opts: &BatchOptions,
) -> std::result::Result<(), String> {
    let out_dir: &Path = &opts.report_dir;
    let csv = report::csv::render_findings(r, &p.slug).map_err(|e| e.to_string())?;
    let csv = report::csv::with_bom(csv, opts.bom);
    let files = [
        ("json", report::json::render(r)),
        ("html", report::html::render(r)),
        ("csv", csv),
    ];
    for (ext, body) in files {
        write_atomic_unsynced(&out_dir.join(format!("{}.{ext}", p.slug)), body.as_bytes())
            .map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn summary_row(o: &PairOutcome) -> SummaryRow {
    let mut row = SummaryRow {
        pair: o.pair.slug.clone(),
        dir: o.pair.dir.display().to_string(),
        verdict: o.verdict().as_str().to_string(),
        errors: 0,
        warnings: 0,
        info: 0,
        waived: 0,
        en_source: String::new(),
        fr_sha256: String::new(),
        en_sha256: String::new(),
        message: String::new(),
        failing_checks: String::new(),
    };
    match &o.result {
        Ok(c) => {
            row.errors = c.counts.error;
            row.warnings = c.counts.warning;
            row.info = c.counts.info;
            row.waived = c.counts.waived;
            row.en_source = c.en_source.clone();
            row.fr_sha256 = c.fr_sha256.clone();
            row.en_sha256 = c.en_sha256.clone();
            row.failing_checks = c.failing.join(";");
        }
        Err(e) => row.message = e.clone(),
    }
    row
}

fn index_row(o: &PairOutcome) -> IndexRow {
    let link = |ext: &str| o.result.is_ok().then(|| format!("{}.{ext}", o.pair.slug));
    IndexRow {
        slug: o.pair.slug.clone(),
        dir: o.pair.dir.display().to_string(),
        verdict: o.verdict().as_str().to_string(),
        counts: o.result.as_ref().map(|c| c.counts).unwrap_or_default(),
        en_source: o
            .result
            .as_ref()
            .map(|c| c.en_source.clone())
            .unwrap_or_default(),
        error: o.result.as_ref().err().cloned(),
        failing: o
            .result
            .as_ref()
            .map(|c| c.failing.clone())
            .unwrap_or_default(),
        html: link("html"),
        json: link("json"),
        csv: link("csv"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(verdicts: &[&str]) -> BatchOutcome {
        let pairs = verdicts
            .iter()
            .map(|v| PairOutcome {
                pair: PlannedPair {
                    dir: PathBuf::from(v),
                    slug: v.to_string(),
                    problem: None,
                },
                result: match *v {
                    "error" => Err("x: cannot read".into()),
                    v => Ok(PairChecked {
                        passed: v == "pass",
                        counts: Counts::default(),
                        en_source: String::new(),
                        fr_sha256: String::new(),
                        en_sha256: String::new(),
                        failing: Vec::new(),
                    }),
                },
            })
            .collect();
        BatchOutcome {
            pairs,
            index: PathBuf::new(),
            summary: PathBuf::new(),
        }
    }

    #[test]
    fn exit_status_is_two_then_one_then_zero() {
        assert_eq!(outcome(&["pass", "pass"]).exit_code(), 0);
        assert_eq!(outcome(&["pass", "fail"]).exit_code(), 1);
        assert_eq!(outcome(&["fail", "error", "pass"]).exit_code(), 2);
    }

    #[test]
    fn slugs_are_file_safe() {
        assert_eq!(slugify("a b/c"), "a-b-c");
        assert_eq!(slugify(".hidden"), "_hidden");
        assert_eq!(slugify("été"), "été");
        assert_eq!(slugify(""), "pair");
    }

    #[test]
    fn index_and_summary_are_never_pair_slugs() {
        let t = tempfile::tempdir().unwrap();
        for name in ["index", "summary", "x"] {
            std::fs::create_dir_all(t.path().join(name)).unwrap();
            std::fs::write(t.path().join(name).join("fr.txt"), "Bonjour.").unwrap();
        }
        let slugs: Vec<String> = plan(&[t.path().to_path_buf()])
            .unwrap()
            .into_iter()
            .map(|p| p.slug)
            .collect();
        assert_eq!(slugs, vec!["index-2", "summary-2", "x"]);
    }
}
