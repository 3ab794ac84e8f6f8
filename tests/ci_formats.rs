//! `--format junit` and `--format sarif`, checked against the structure their
//! published schemas require (no network: the required elements, attributes,
//! properties and value sets are written out here). JUnit is read with an XML parser.

use std::collections::HashSet;

use serde_json::Value;

use crate::util::run;

fn out(args: &[&str]) -> (i32, String) {
    let o = run(args);
    (
        o.status.code().unwrap(),
        String::from_utf8(o.stdout).unwrap(),
    )
}

fn check_ids() -> Vec<String> {
    let listed = String::from_utf8(run(["checks"]).stdout).unwrap();
    listed
        .lines()
        .map(|l| l.split_whitespace().next().unwrap().to_string())
        .collect()
}

/// The common JUnit XML schema (the Ant / Jenkins `junit-10.xsd` family): a
/// `testsuites` root of `testsuite`s with name/tests/failures/errors, each holding
/// `properties`? then `testcase`s with name and classname, whose children are at most
/// one of failure/error/skipped (with `message` and `type`) and `system-out`.
fn assert_junit_shape(xml: &str) -> roxmltree::Document<'_> {
    let doc = roxmltree::Document::parse(xml).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    let int = |n: roxmltree::Node, a: &str| -> usize {
        n.attribute(a)
            .unwrap_or_else(|| panic!("{} lacks {a}", n.tag_name().name()))
            .parse()
            .expect(a)
    };
    let mut total = 0;
    let mut failures = 0;
    for suite in root.children().filter(|n| n.is_element()) {
        assert_eq!(suite.tag_name().name(), "testsuite");
        assert!(suite.attribute("name").is_some());
        let cases: Vec<_> = suite
            .children()
            .filter(|n| n.has_tag_name("testcase"))
            .collect();
        assert_eq!(int(suite, "tests"), cases.len());
        let failed = cases
            .iter()
            .filter(|c| c.children().any(|k| k.has_tag_name("failure")))
            .count();
        assert_eq!(int(suite, "failures"), failed);
        assert_eq!(int(suite, "errors"), 0);
        for el in suite.children().filter(|n| n.is_element()) {
            assert!(
                matches!(
                    el.tag_name().name(),
                    "properties" | "testcase" | "system-out" | "system-err"
                ),
                "{:?}",
                el.tag_name()
            );
        }
        for c in &cases {
            assert!(c.attribute("name").is_some() && c.attribute("classname").is_some());
            let mut outcome = 0;
            for k in c.children().filter(|n| n.is_element()) {
                match k.tag_name().name() {
                    "failure" | "error" | "skipped" => {
                        outcome += 1;
                        if !k.has_tag_name("skipped") {
                            assert!(
                                k.attribute("message").is_some() && k.attribute("type").is_some()
                            );
                        }
                    }
                    "system-out" | "system-err" => {}
                    other => panic!("testcase child {other}"),
                }
            }
            assert!(outcome <= 1);
        }
        total += cases.len();
        failures += failed;
    }
    assert_eq!(int(root, "tests"), total);
    assert_eq!(int(root, "failures"), failures);
    doc
}

#[test]
fn junit_has_one_case_per_check_and_failures_for_the_gate() {
    let (code, xml) = out(&["check", "pairs/needs-fixes", "--format", "junit"]);
    assert_eq!(code, 1);
    let doc = assert_junit_shape(&xml);
    let cases: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testcase"))
        .collect();
    let names: Vec<String> = cases
        .iter()
        .map(|c| c.attribute("name").unwrap().to_string())
        .collect();
    assert_eq!(names, check_ids());
    let failed: HashSet<&str> = cases
        .iter()
        .filter(|c| c.children().any(|k| k.has_tag_name("failure")))
        .map(|c| c.attribute("name").unwrap())
        .collect();
    let want: HashSet<&str> = [
        "number-mismatch",
        "date-mismatch",
        "name-mismatch",
        "quote-added",
        "credits-reporter-missing",
        "credits-translator-missing",
    ]
    .into();
    assert_eq!(failed, want);
    // a passing pair: no failure; --fail-on never: none either
    let (code, xml) = out(&["check", "pairs/seed-adapted", "--format", "junit"]);
    assert_eq!(code, 0);
    assert!(!assert_junit_shape(&xml)
        .descendants()
        .any(|n| n.has_tag_name("failure")));
    let (_, xml) = out(&[
        "check",
        "pairs/needs-fixes",
        "--format",
        "junit",
        "--fail-on",
        "never",
    ]);
    assert!(!assert_junit_shape(&xml)
        .descendants()
        .any(|n| n.has_tag_name("failure")));
}

const LEVELS: &[&str] = &["none", "note", "warning", "error"];

/// What the SARIF 2.1.0 schema (sarif-schema-2.1.0.json) requires of the parts we
/// write: `version` "2.1.0" and `runs`; a run's `tool.driver.name`; a rule's `id`; a
/// result's `message` with `text`; `level` in its enum; a region's lines >= 1 and
/// endLine >= startLine; `ruleIndex` >= 0 pointing at the rule of `ruleId`;
/// a suppression's `kind` in its enum; every multiformat message with `text`.
fn assert_sarif_shape(log: &Value) {
    assert_eq!(log["version"], "2.1.0");
    let runs = log["runs"].as_array().expect("runs");
    for run in runs {
        let driver = &run["tool"]["driver"];
        assert!(driver["name"].is_string());
        let rules = driver["rules"].as_array().expect("rules");
        let mut ids = HashSet::new();
        for r in rules {
            let id = r["id"].as_str().expect("rule id");
            assert!(ids.insert(id), "duplicate rule {id}");
            for k in ["shortDescription", "fullDescription", "help"] {
                assert!(r[k]["text"].is_string(), "{id}.{k}.text");
            }
            assert!(LEVELS.contains(&r["defaultConfiguration"]["level"].as_str().unwrap()));
        }
        for res in run["results"].as_array().expect("results") {
            assert!(res["message"]["text"].is_string());
            let level = res["level"].as_str().unwrap();
            assert!(LEVELS.contains(&level));
            let i = res["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(rules[i]["id"], res["ruleId"]);
            for loc in res["locations"].as_array().expect("locations") {
                let p = &loc["physicalLocation"];
                assert!(p["artifactLocation"]["uri"].is_string());
                if let Some(region) = p.get("region") {
                    let s = region["startLine"].as_u64().unwrap();
                    let e = region["endLine"].as_u64().unwrap();
                    assert!(s >= 1 && e >= s, "{region}");
                }
                for l in loc["logicalLocations"].as_array().into_iter().flatten() {
                    assert!(l["name"].is_string());
                }
            }
            for s in res["suppressions"].as_array().into_iter().flatten() {
                assert!(["inSource", "external"].contains(&s["kind"].as_str().unwrap()));
                assert!(["accepted", "underReview", "rejected"]
                    .contains(&s["status"].as_str().unwrap()));
            }
        }
    }
}

#[test]
fn sarif_has_one_result_per_finding_at_its_paragraph_lines() {
    let (code, json) = out(&["check", "pairs/needs-fixes", "--format", "sarif"]);
    assert_eq!(code, 1);
    let log: Value = serde_json::from_str(&json).unwrap();
    assert_sarif_shape(&log);
    let run = &log["runs"][0];
    let rules: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(rules, check_ids());
    let report = crate::util::check_json(["pairs/needs-fixes"]).report;
    let results = run["results"].as_array().unwrap();
    assert_eq!(results.len(), report["findings"].as_array().unwrap().len());
    // the number error is in fr ¶2: lines of that paragraph in pairs/needs-fixes/fr.txt
    let n = results
        .iter()
        .find(|r| r["ruleId"] == "number-mismatch")
        .unwrap();
    let loc = &n["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], "pairs/needs-fixes/fr.txt");
    let fr = std::fs::read_to_string(crate::util::root().join("pairs/needs-fixes/fr.txt")).unwrap();
    let line = loc["region"]["startLine"].as_u64().unwrap() as usize;
    assert!(
        fr.lines().nth(line - 1).unwrap().contains("7,7"),
        "line {line}"
    );
    assert_eq!(n["locations"][0]["logicalLocations"][0]["name"], "fr ¶2");
}

#[test]
fn sarif_marks_waived_findings_as_suppressed() {
    let t = crate::util::TempPair::new(
        &crate::util::read_fixture("story/fr.txt").replace("4,5 %", "5,5 %"),
        &crate::util::read_fixture("story/en.txt"),
    );
    t.write(
        "waivers.toml",
        "[[waiver]]\ncheck = \"number-mismatch\"\nreason = \"confirmed\"\nby = \"K\"\n",
    );
    let (code, json) = out(&["check", t.file("").to_str().unwrap(), "--format", "sarif"]);
    assert_eq!(code, 0);
    let log: Value = serde_json::from_str(&json).unwrap();
    assert_sarif_shape(&log);
    let r = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["ruleId"] == "number-mismatch")
        .unwrap();
    assert_eq!(
        r["suppressions"][0]["justification"],
        "confirmed (waived by K)"
    );
}
