//! CLI tests for `number-mismatch` and `date-mismatch` on invented fixture pairs.

use crate::util::{self, check_files, indices, run};

/// Run `wirecheck check --fr … --en … --format json` on a fixture pair.
fn check(name: &str) -> (i32, serde_json::Value) {
    let dir = util::fixture(name);
    let r = check_files(&dir.join("fr.txt"), &dir.join("en.txt"), &[]);
    (r.code, r.report)
}

/// (id, fr paragraphs, fr_text, en_text) of the findings with one of `ids`.
fn findings(report: &serde_json::Value, ids: &[&str]) -> Vec<(String, Vec<usize>, String, String)> {
    report["findings"]
        .as_array()
        .map(|a| a.as_slice())
        .unwrap_or_default()
        .iter()
        .filter(|f| ids.contains(&f["id"].as_str().unwrap_or("")))
        .map(|f| {
            (
                f["id"].as_str().unwrap_or("").to_string(),
                indices(&f["fr"]),
                f["fr_text"].as_str().unwrap_or("").to_string(),
                f["en_text"].as_str().unwrap_or("").to_string(),
            )
        })
        .collect()
}

const IDS: &[&str] = &["number-mismatch", "date-mismatch"];

#[test]
fn correct_translation_with_every_notation_passes() {
    let (code, report) = check("numbers-clean");
    assert_eq!(findings(&report, IDS), vec![]);
    assert_eq!(code, 0, "{report}");
    assert_eq!(report["verdict"], "pass");
}

#[test]
fn changed_figure_and_scale_fail_the_gate() {
    let (code, report) = check("numbers-changed");
    assert_eq!(code, 1);
    assert_eq!(report["verdict"], "fail");
    let f = findings(&report, IDS);
    assert_eq!(
        f,
        vec![
            (
                "number-mismatch".to_string(),
                vec![2],
                "12 900".to_string(),
                "12,500".to_string()
            ),
            (
                "number-mismatch".to_string(),
                vec![4],
                "2,5 millions de dollars".to_string(),
                "$2.5 billion".to_string()
            ),
        ]
    );
    let severity = report["findings"][0]["severity"].as_str();
    assert_eq!(severity, Some("error"));
}

#[test]
fn changed_weekday_year_and_month_fail_the_gate() {
    let (code, report) = check("dates-changed");
    assert_eq!(code, 1);
    let f = findings(&report, IDS);
    let texts: Vec<(&str, &str)> = f
        .iter()
        .map(|(_, _, a, b)| (a.as_str(), b.as_str()))
        .collect();
    assert_eq!(
        texts,
        vec![("mardi", "Thursday"), ("2013", "2014"), ("mai", "April")]
    );
    assert!(
        f.iter().all(|(id, _, _, _)| id == "date-mismatch"),
        "a year is reported once, as a date"
    );
    assert_eq!(f[0].1, vec![1]);
    assert_eq!(f[2].1, vec![4]);
}

#[test]
fn explain_documents_both_checks() {
    for id in IDS {
        let out = run(["explain", id]);
        assert_eq!(out.status.code(), Some(0));
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(
            text.contains("What it checks") && !text.contains("TODO"),
            "{text}"
        );
    }
}
