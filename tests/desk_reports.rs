//! Reports as a desk reads them (issue 17): the text report does not repeat the
//! words at issue, shows credits blocks whole and no empty side; the HTML marks cut
//! excerpts, missing credits and the paragraph numbering; a date shows its month;
//! the batch lists failures first with the failing checks; CSV `pair` and `--bom`;
//! the JSON `counts` object.

use crate::util::{self, copy_fixture_pair, run, TempPair};

fn stdout(args: &[&str]) -> String {
    let o = run(args);
    assert!(
        matches!(o.status.code(), Some(0 | 1)),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).unwrap()
}

#[test]
fn text_report_says_each_thing_once_and_whole() {
    let t = stdout(&["check", "pairs/needs-fixes", "--no-alignment"]);
    let line = |id: &str| {
        t.lines()
            .find(|l| l.contains(&format!("[{id}]")))
            .unwrap()
            .to_string()
    };
    // the message quotes both numbers: nothing repeated after it
    assert!(!line("number-mismatch").contains(" | fr:"), "{t}");
    // a quotation with no English: no `en: ""`
    assert!(!line("quote-added").contains("en: \"\""), "{t}");
    // credits blocks whole, down to the last name
    let credits = line("credits-reporter-missing");
    assert!(credits.contains("Editing by Simon Carrow)\""), "{credits}");
    assert!(!credits.contains('…'), "{credits}");
    assert!(
        t.contains("¶0 is the first block (the headline), ¶1 the next (the lede"),
        "{t}"
    );
}

#[test]
fn html_marks_missing_credits_cut_excerpts_and_numbering() {
    let h = stdout(&["check", "pairs/needs-fixes", "--format", "html"]);
    assert!(
        h.contains("<span class=\"sev error\">missing in French</span> Oleg Tarasenko"),
        "reporter"
    );
    assert!(
        h.contains(
            "<tr><th>translator</th><td lang=\"fr\"><span class=\"sev error\">missing</span>"
        ),
        "translator row"
    );
    assert!(h.contains("¶0 is the first block (the headline)"));
    // a long omitted English paragraph: the excerpt is marked as one
    let long = "The ministry also published a long annex listing every port, every berth and every crane that had been idle during the nine days of the strike, with the cost of each day.";
    let base_fr = util::read_fixture("story/fr.txt");
    let base_en = util::read_fixture("story/en.txt");
    let en = base_en
        .replacen("\n\n", &format!("\n\n{long}\n\n"), 2)
        .replacen(&format!("\n\n{long}\n\n"), "\n\n", 1);
    let p = TempPair::new(&base_fr, &en);
    let h = stdout(&["check", p.file("").to_str().unwrap(), "--format", "html"]);
    assert!(h.contains("paragraph-omitted"), "the paragraph is omitted");
    assert!(h.contains("<span class=\"cut\""), "cut excerpt marked");
}

#[test]
fn a_changed_day_of_month_shows_its_month() {
    let fr = util::read_fixture("story/fr.txt");
    assert!(fr.contains("le 23 février"));
    let p = TempPair::new(
        &fr.replace("le 23 février", "le 13 février"),
        &util::read_fixture("story/en.txt"),
    );
    let c = p.check(&[]);
    let f = c.findings("date-mismatch");
    assert_eq!(f.len(), 1, "{:?}", c.report["findings"]);
    assert_eq!(f[0]["fr_text"], "13 février");
    assert!(f[0]["en_text"].as_str().unwrap().contains("23"));
    assert!(
        f[0]["en_text"].as_str().unwrap().contains("Feb"),
        "{}",
        f[0]["en_text"]
    );
}

#[test]
fn batch_lists_failures_first_with_the_failing_checks() {
    let root = tempfile::tempdir().unwrap();
    for name in ["a-good", "b-bad", "c-good"] {
        let d = root.path().join("desk").join(name);
        std::fs::create_dir_all(&d).unwrap();
        copy_fixture_pair("story", &d);
    }
    let bad = root.path().join("desk/b-bad/fr.txt");
    std::fs::write(
        &bad,
        util::read_fixture("story/fr.txt").replace("4,5 %", "5,5 %"),
    )
    .unwrap();
    let reports = root.path().join("reports");
    let o = run([
        "batch",
        root.path().join("desk").to_str().unwrap(),
        "-q",
        "--report-dir",
        reports.to_str().unwrap(),
        "--bom",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let summary = std::fs::read_to_string(reports.join("summary.csv")).unwrap();
    assert!(summary.starts_with('\u{feff}'), "--bom");
    let lines: Vec<&str> = summary.lines().collect();
    assert!(lines[0].ends_with(",failing_checks"), "{}", lines[0]);
    assert!(
        lines[1].starts_with("b-bad,") && lines[1].ends_with(",number-mismatch"),
        "{summary}"
    );
    let index = std::fs::read_to_string(reports.join("index.html")).unwrap();
    let (b, a) = (
        index.find(">b-bad<").unwrap(),
        index.find(">a-good<").unwrap(),
    );
    assert!(b < a, "failures first");
    assert!(index.contains("fails on: <code>number-mismatch</code>"));
    assert!(std::fs::read_to_string(reports.join("b-bad.csv"))
        .unwrap()
        .starts_with('\u{feff}'));
    // one pair: "1 pair"
    let o = run([
        "batch",
        root.path().join("desk/a-good").to_str().unwrap(),
        "-q",
        "--report-dir",
        reports.to_str().unwrap(),
    ]);
    assert!(String::from_utf8(o.stdout)
        .unwrap()
        .starts_with("1 pair: 1 pass"));
}

#[test]
fn csv_names_the_folder_for_check_dot_and_bom_is_optional() {
    let o = util::wirecheck()
        .current_dir(util::root().join("pairs/needs-fixes"))
        .args(["check", ".", "--format", "csv"])
        .output()
        .unwrap();
    let csv = String::from_utf8(o.stdout).unwrap();
    assert!(!csv.starts_with('\u{feff}'));
    let row = csv.lines().nth(1).unwrap();
    assert!(row.starts_with("needs-fixes,"), "{row}");
    let with = stdout(&["check", "pairs/needs-fixes", "--format", "csv", "--bom"]);
    assert!(with.starts_with("\u{feff}pair,id,"));
}

#[test]
fn json_report_counts_findings() {
    let c = util::check_json(["pairs/needs-fixes"]);
    let n = |sev: &str| {
        c.report["findings"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|f| f["severity"] == sev && f.get("waived").is_none_or(|w| w.is_null()))
            .count()
    };
    assert_eq!(n("error"), 6, "the six deliberate errors");
    assert_eq!(
        c.report["counts"],
        serde_json::json!({"errors": 6, "warnings": n("warning"), "info": n("info"), "waived": 0})
    );
}
