//! Waivers as a desk and a pipeline use them: `--waivers FILE` for `check` and
//! `batch`, the `waivers.toml` beside `--fr`, stale waivers written as a person
//! writes them, and the waiver's reason and author in every report format.

use crate::util::{self, copy_fixture_pair, run, stderr_line, TempPair};

const WAIVER: &str = "[[waiver]]\ncheck = \"number-mismatch\"\nparagraph = 1\nreason = \"raise confirmed by the port authority\"\nby = \"K. Entringer\"\n";
const STALE: &str = "[[waiver]]\ncheck = \"number-mismatch\"\nparagraph = 2\nreason = \"counted from one\"\nby = \"L. Mirot\"\n";

/// The story fixture with one planted number error in ¶1, in a temporary folder.
fn planted() -> TempPair {
    let p = TempPair::empty();
    copy_fixture_pair("story", &p.file(""));
    let fr = util::read_fixture("story/fr.txt").replace("4,5 %", "5,5 %");
    p.write("fr.txt", fr);
    p
}

fn files(p: &TempPair) -> Vec<String> {
    vec![
        "--fr".into(),
        p.file("fr.txt").display().to_string(),
        "--en".into(),
        p.file("en.txt").display().to_string(),
    ]
}

#[test]
fn waivers_beside_the_french_file_apply_to_check_fr_en() {
    let p = planted();
    assert_eq!(util::check_json(files(&p)).code, 1);
    p.write("waivers.toml", WAIVER);
    let c = util::check_json(files(&p));
    assert_eq!(c.code, 0, "the waiver beside fr.txt is applied");
    assert_eq!(
        c.findings("number-mismatch")[0]["waived"]["by"],
        "K. Entringer"
    );
}

#[test]
fn waivers_file_option_for_check_and_batch() {
    let p = planted();
    let elsewhere = tempfile::tempdir().unwrap();
    let w = util::write(elsewhere.path(), "cms-waivers.toml", WAIVER);
    let mut args = files(&p);
    args.extend(["--waivers".into(), w.display().to_string()]);
    assert_eq!(util::check_json(&args).code, 0);
    // a pair folder: --waivers replaces the folder's own waivers.toml
    p.write("waivers.toml", STALE);
    let c = util::check_json([
        p.file("").to_str().unwrap(),
        "--waivers",
        w.to_str().unwrap(),
    ]);
    assert_eq!(c.code, 0);
    assert!(c.report.get("stale_waivers").is_none());
    // batch
    let root = tempfile::tempdir().unwrap();
    let pair = root.path().join("desk").join("port");
    std::fs::create_dir_all(&pair).unwrap();
    copy_fixture_pair("story", &pair);
    std::fs::write(
        pair.join("fr.txt"),
        util::read_fixture("story/fr.txt").replace("4,5 %", "5,5 %"),
    )
    .unwrap();
    let reports = root.path().join("reports");
    let desk = root.path().join("desk");
    let batch = |extra: &[&str]| {
        let mut a = vec![
            "batch",
            desk.to_str().unwrap(),
            "-q",
            "--report-dir",
            reports.to_str().unwrap(),
        ];
        a.extend_from_slice(extra);
        run(a).status.code()
    };
    assert_eq!(batch(&[]), Some(1));
    assert_eq!(batch(&["--waivers", w.to_str().unwrap()]), Some(0));
    // a bad --waivers file is a bad argument: exit 2, one line naming it
    let bad = util::write(
        elsewhere.path(),
        "bad.toml",
        "[[waiver]]\ncheck = \"number\"\n",
    );
    let o = run([
        "batch",
        root.path().to_str().unwrap(),
        "--waivers",
        bad.to_str().unwrap(),
        "--report-dir",
        reports.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr_line(&o).contains("bad.toml"));
}

#[test]
fn unknown_waiver_check_suggests_the_id() {
    let p = planted();
    p.write(
        "waivers.toml",
        "[[waiver]]\ncheck = \"number-mismatches\"\nreason = \"x\"\nby = \"y\"\n",
    );
    let o = run(["check", p.file("").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr_line(&o);
    assert!(
        e.contains("waivers.toml") && e.contains("did you mean `number-mismatch`"),
        "{e}"
    );
}

#[test]
fn stale_waiver_reads_as_written_and_says_where_the_findings_are() {
    let p = planted();
    p.write("waivers.toml", STALE);
    let o = run(["check", p.file("").to_str().unwrap(), "--no-alignment"]);
    assert_eq!(o.status.code(), Some(1));
    let text = String::from_utf8(o.stdout).unwrap();
    let line = text
        .lines()
        .find(|l| l.contains("stale waiver"))
        .expect(&text);
    assert_eq!(
        line.trim(),
        "stale waiver: number-mismatch at ¶2 (by L. Mirot: \"counted from one\") matches no finding; \
         number-mismatch findings are at ¶1 (paragraphs are numbered from 0: ¶0 is the headline, ¶1 the lede)"
    );
    assert!(!text.contains("Some("));
    let html =
        String::from_utf8(run(["check", p.file("").to_str().unwrap(), "--format", "html"]).stdout)
            .unwrap();
    assert!(html.contains("number-mismatch at ¶2 (by L. Mirot"), "html");
    assert!(!html.contains("Some("));
}

#[test]
fn reason_and_author_in_every_format() {
    let p = planted();
    p.write("waivers.toml", WAIVER);
    let dir = p.file("");
    let dir = dir.to_str().unwrap();
    let out = |format: &str| {
        let o = run(["check", dir, "--format", format]);
        assert_eq!(o.status.code(), Some(0), "{format}");
        String::from_utf8(o.stdout).unwrap()
    };
    for format in ["text", "json", "csv", "html"] {
        let s = out(format);
        assert!(
            s.contains("raise confirmed by the port authority") && s.contains("K. Entringer"),
            "{format}: {s}"
        );
    }
    let text = out("text");
    assert!(
        text.contains("(waived by K. Entringer: \"raise confirmed by the port authority\")"),
        "{text}"
    );
}
