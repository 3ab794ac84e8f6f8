//! Helpers shared by every module of the integration test binary: the `wirecheck`
//! command, fixture and pair paths, temporary pair folders, reading JSON reports.
//! Hand-built reports live in [`reports`], the loopback HTTP server in [`server`].

pub mod reports;
pub mod serve;
pub mod server;
pub mod webdriver;

use std::ffi::{OsStr, OsString};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use serde_json::Value;

/// The repository root (where `pairs/` and `tests/fixtures/` are).
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// `tests/fixtures/<rel>`.
pub fn fixture(rel: &str) -> PathBuf {
    root().join("tests/fixtures").join(rel)
}

/// The text of `tests/fixtures/<rel>`.
pub fn read_fixture(rel: &str) -> String {
    let p = fixture(rel);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// `pairs/`, the example pairs.
pub fn pairs_root() -> PathBuf {
    root().join("pairs")
}

/// Every folder directly below `pairs/`, sorted by name.
pub fn pair_slugs() -> Vec<String> {
    let mut out: Vec<String> = std::fs::read_dir(pairs_root())
        .expect("read pairs/")
        .flatten()
        .filter(|e| e.path().is_dir())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect();
    out.sort();
    out
}

/// The `wirecheck` binary, run from the repository root, without colour.
pub fn wirecheck() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_wirecheck"));
    c.current_dir(root()).env("NO_COLOR", "1");
    c
}

/// Run `wirecheck <args>` to the end.
pub fn run<I, S>(args: I) -> Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    wirecheck().args(args).output().expect("run wirecheck")
}

/// Standard error, asserted to be exactly one line.
pub fn stderr_line(o: &Output) -> String {
    let e = String::from_utf8_lossy(&o.stderr).to_string();
    assert_eq!(
        e.trim_end().lines().count(),
        1,
        "expected one line on stderr, got {e:?}"
    );
    e
}

/// A `check --format json` run that produced a report.
pub struct Checked {
    pub code: i32,
    pub report: Value,
}

impl Checked {
    /// The findings with this id.
    pub fn findings(&self, id: &str) -> Vec<&Value> {
        findings(&self.report, id)
    }
}

/// `wirecheck check <args> --format json`: the run must end with exit 0 or 1 and
/// one JSON report on stdout.
pub fn check_json<I, S>(args: I) -> Checked
where
    I: IntoIterator<Item = S>,
    S: AsRef<OsStr>,
{
    let out = wirecheck()
        .arg("check")
        .args(args)
        .args(["--format", "json"])
        .output()
        .expect("run wirecheck");
    let code = out.status.code().unwrap_or(-1);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(code == 0 || code == 1, "exit {code}: {stderr}");
    let report = serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("exit {code}, stdout is not JSON ({e}); stderr: {stderr}"));
    Checked { code, report }
}

/// `wirecheck check --fr <fr> --en <en> --format json` plus `extra`.
pub fn check_files(fr: &Path, en: &Path, extra: &[&str]) -> Checked {
    let mut args: Vec<OsString> = vec!["--fr".into(), fr.into(), "--en".into(), en.into()];
    args.extend(extra.iter().map(OsString::from));
    check_json(args)
}

/// Write `fr` and `en` as two files in a temporary folder and check them with
/// `--fr`/`--en` plus `extra`.
pub fn check_texts(fr: &str, en: &str, extra: &[&str]) -> Checked {
    let pair = TempPair::new(fr, en);
    check_files(&pair.file("fr.txt"), &pair.file("en.txt"), extra)
}

/// The findings of a report with this id.
pub fn findings<'a>(report: &'a Value, id: &str) -> Vec<&'a Value> {
    report["findings"]
        .as_array()
        .expect("report has a findings array")
        .iter()
        .filter(|f| f["id"] == id)
        .collect()
}

/// A JSON array of paragraph indices, in its order.
pub fn indices(v: &Value) -> Vec<usize> {
    v.as_array()
        .map(|a| {
            a.iter()
                .filter_map(Value::as_u64)
                .map(|n| n as usize)
                .collect()
        })
        .unwrap_or_default()
}

/// Write `bytes` to `dir/name`, creating the folders on the way.
pub fn write(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let p = dir.join(name);
    if let Some(parent) = p.parent() {
        std::fs::create_dir_all(parent).expect("create folder");
    }
    std::fs::write(&p, bytes).expect("write file");
    p
}

/// Copy `fr.txt` and `en.txt` of the fixture pair `tests/fixtures/<name>` into `dir`.
pub fn copy_fixture_pair(name: &str, dir: &Path) {
    for f in ["fr.txt", "en.txt"] {
        std::fs::copy(fixture(name).join(f), dir.join(f)).expect("copy fixture");
    }
}

/// A pair folder in a temporary directory, removed on drop.
pub struct TempPair {
    dir: tempfile::TempDir,
}

impl TempPair {
    /// An empty folder.
    pub fn empty() -> TempPair {
        TempPair {
            dir: tempfile::tempdir().expect("temp dir"),
        }
    }

    /// A folder holding `fr.txt` and `en.txt`.
    pub fn new(fr: &str, en: &str) -> TempPair {
        let p = TempPair::empty();
        p.write("fr.txt", fr);
        p.write("en.txt", en);
        p
    }

    pub fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// Write a file of the pair (`wirecheck.toml`, `source.toml`, …).
    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        write(self.dir.path(), name, bytes)
    }

    /// `wirecheck check <this folder> --format json` plus `extra`.
    pub fn check(&self, extra: &[&str]) -> Checked {
        let mut args: Vec<&OsStr> = vec![self.dir.path().as_os_str()];
        args.extend(extra.iter().map(OsStr::new));
        check_json(args)
    }
}
