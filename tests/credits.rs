//! End-to-end credits, dateline and agency checks: the binary on invented fixture
//! pairs under `tests/fixtures/credits-*`, reading its JSON report.

use serde_json::Value;

use crate::util::{self, check_json, indices, wirecheck};

/// `wirecheck check tests/fixtures/<name> --format json`: (exit code, report).
fn check(name: &str) -> (i32, Value) {
    let r = check_json([util::fixture(name)]);
    (r.code, r.report)
}

const OURS: &[&str] = &["credits-", "dateline-mismatch", "agency-tag-missing"];

/// (id, fr, en, message) of the findings of the credits/dateline/agency checks.
fn ours(report: &Value) -> Vec<(String, Vec<usize>, Vec<usize>, String)> {
    report["findings"]
        .as_array()
        .map(|fs| {
            fs.iter()
                .filter(|f| {
                    OURS.iter()
                        .any(|p| f["id"].as_str().unwrap_or("").starts_with(p))
                })
                .map(|f| {
                    (
                        f["id"].as_str().unwrap_or("").to_string(),
                        indices(&f["fr"]),
                        indices(&f["en"]),
                        f["message"].as_str().unwrap_or("").to_string(),
                    )
                })
                .collect()
        })
        .unwrap_or_default()
}

fn ids(report: &Value) -> Vec<String> {
    let mut v: Vec<String> = ours(report).into_iter().map(|f| f.0).collect();
    v.sort();
    v
}

#[test]
fn correct_credits_have_no_finding_and_are_reported_role_by_role() {
    let (_, r) = check("credits-ok");
    assert!(ours(&r).is_empty(), "{:?}", ours(&r));
    let fr = &r["credits"]["fr"];
    assert_eq!(fr[0]["role"], "reporter");
    assert_eq!(fr[0]["name"], "Ana Lima");
    assert_eq!(fr[0]["location"], "Londres");
    assert_eq!(fr[2]["role"], "additional-reporter");
    assert_eq!(fr[2]["name"], "Niamh O'Dwyer");
    assert!(fr[2].get("location").is_none());
    assert_eq!(fr[3]["role"], "writer");
    assert_eq!(fr[3]["name"], "Đặng Văn Minh");
    assert_eq!(fr[4]["role"], "translator");
    assert_eq!(fr[5]["role"], "editor");
    let en = &r["credits"]["en"];
    assert_eq!(en[1]["name"], "Jürgen Wąsik");
    assert_eq!(en[1]["location"], "Berlin");
    let roles: Vec<&str> = en
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["role"].as_str())
        .collect();
    assert_eq!(
        roles,
        [
            "reporter",
            "reporter",
            "additional-reporter",
            "writer",
            "editor",
            "editor"
        ]
    );
}

#[test]
fn every_credits_dateline_and_agency_error_is_found_on_its_paragraph() {
    let (code, r) = check("credits-errors");
    assert_eq!(code, 1);
    assert_eq!(
        ids(&r),
        [
            "agency-tag-missing",
            "credits-editor-missing",
            "credits-location-mismatch",
            "credits-name-spelling",
            "credits-reporter-added",
            "credits-reporter-missing",
            "credits-translator-missing",
            "dateline-mismatch",
        ]
    );
    for (id, fr, en, msg) in ours(&r) {
        let expected: (Vec<usize>, Vec<usize>) = if id.starts_with("credits-") {
            (vec![3], vec![3])
        } else {
            (vec![1], vec![1])
        };
        assert_eq!((fr, en), expected, "{id}: {msg}");
        match id.as_str() {
            "credits-name-spelling" => assert!(
                msg.contains("\"Severine Castel\"") && msg.contains("\"Séverine Castel\""),
                "{msg}"
            ),
            "credits-reporter-missing" => assert!(msg.contains("Kuba Nowak"), "{msg}"),
            "credits-reporter-added" => {
                assert!(msg.contains("Tom Dale") && msg.contains("editor"), "{msg}")
            }
            "credits-location-mismatch" => {
                assert!(msg.contains("Moscou") && msg.contains("London"), "{msg}")
            }
            "dateline-mismatch" => {
                assert!(msg.contains("LISBONNE") && msg.contains("LONDON"), "{msg}")
            }
            _ => {}
        }
    }
}

#[test]
fn a_french_paragraph_without_dateline_is_reported() {
    let (code, r) = check("credits-no-dateline");
    assert_eq!(code, 1);
    assert_eq!(ids(&r), ["agency-tag-missing", "dateline-mismatch"]);
    for (_, fr, en, _) in ours(&r) {
        assert_eq!((fr, en), (vec![1], vec![1]));
    }
}

#[test]
fn a_missing_block_is_one_finding_not_many() {
    let (code, r) = check("credits-missing");
    assert_eq!(code, 1);
    let found = ours(&r);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "credits-missing");
    assert_eq!(found[0].2, vec![2]);
    assert_eq!(r["credits"]["fr"].as_array().map(Vec::len), Some(0));
}

#[test]
fn malformed_block_is_a_warning_and_keeps_what_was_understood() {
    let (code, r) = check("credits-malformed");
    assert_eq!(code, 0, "a malformed block alone is a warning");
    let found = ours(&r);
    assert_eq!(found.len(), 1, "{found:?}");
    let (id, fr, en, msg) = &found[0];
    assert_eq!(id, "credits-malformed");
    assert_eq!((fr.clone(), en.clone()), (vec![2], vec![2]));
    assert!(
        msg.contains("photos de Marc Vidal") && msg.contains("')'"),
        "{msg}"
    );
    let names: Vec<&str> = r["credits"]["fr"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["name"].as_str())
        .collect();
    assert_eq!(names, ["Ana Lima", "Zoé Roux", "Léa Gris"]);
}

#[test]
fn roster_names_the_editor_who_is_not_on_it() {
    let (code, r) = check("credits-roster");
    assert_eq!(code, 1);
    let found = ours(&r);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].0, "credits-roster");
    assert!(
        found[0].3.contains("Léa Gris") && found[0].3.contains("Léo Gris"),
        "{}",
        found[0].3
    );
}

#[test]
fn text_report_shows_credits_side_by_side() {
    let out = wirecheck()
        .arg("check")
        .arg(util::fixture("credits-ok"))
        .arg("--no-alignment")
        .output()
        .expect("run wirecheck");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("credits (fr | en):"), "{text}");
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("reporter "))
        .unwrap_or("");
    assert!(
        line.contains("Ana Lima (Londres)") && line.contains("| Ana Lima (London)"),
        "{line}"
    );
    let line = text
        .lines()
        .find(|l| l.trim_start().starts_with("editor "))
        .unwrap_or("");
    assert!(
        line.contains("Léa Gris") && line.contains("Tom Dale, Ruth Hale"),
        "{line}"
    );
}
