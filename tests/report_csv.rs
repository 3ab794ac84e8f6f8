//! CSV reports read back with the csv crate: findings (`--format csv`) and the
//! alignment (`--alignment-csv`), including text with commas, quotes and newlines.

use wirecheck::report::csv::{self as report_csv, AlignmentRow, FindingRow};

use crate::util::{reports, wirecheck};

fn read<T: serde::de::DeserializeOwned>(text: &str) -> (Vec<String>, Vec<T>) {
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r.deserialize().collect::<Result<Vec<T>, _>>().unwrap();
    (header, rows)
}

#[test]
fn findings_round_trip() {
    let mut report = reports::hostile_report();
    report.findings[1].fr_text = "line one,\n\"line two\"".into();
    let text = report_csv::render_findings(&report, "pairs/valmer").unwrap();
    let (header, rows): (_, Vec<FindingRow>) = read(&text);
    assert_eq!(
        &header[..9],
        [
            "pair",
            "id",
            "severity",
            "fr_paragraphs",
            "en_paragraphs",
            "fr_text",
            "en_text",
            "message",
            "waived"
        ]
    );
    assert_eq!(rows.len(), report.findings.len());
    for (row, f) in rows.iter().zip(&report.findings) {
        assert_eq!(row.pair, "pairs/valmer");
        assert_eq!(row.id, f.id.as_str());
        assert_eq!(row.severity, f.severity.as_str());
        assert_eq!(report_csv::parse_index_list(&row.fr_paragraphs), f.fr);
        assert_eq!(report_csv::parse_index_list(&row.en_paragraphs), f.en);
        assert_eq!(row.fr_text, f.fr_text);
        assert_eq!(row.en_text, f.en_text);
        assert_eq!(row.message, f.message);
        assert_eq!(row.waived, f.waived.is_some());
    }
    let waived = rows.iter().find(|r| r.waived).unwrap();
    assert_eq!(waived.waived_by, "Jeanne Ferre");
}

#[test]
fn no_findings_still_has_a_header() {
    let mut report = reports::adapted_report();
    report.findings.clear();
    let text = report_csv::render_findings(&report, "p").unwrap();
    assert_eq!(text.lines().count(), 1);
    assert!(text.starts_with("pair,id,severity,"));
}

#[test]
fn alignment_round_trip() {
    let report = reports::adapted_report();
    let text = report_csv::render_alignment(&report).unwrap();
    let (header, rows): (_, Vec<AlignmentRow>) = read(&text);
    assert_eq!(header, ["fr", "en", "score", "moved", "fr_text", "en_text"]);
    assert_eq!(rows.len(), report.alignment.len());
    for (row, b) in rows.iter().zip(&report.alignment) {
        assert_eq!(report_csv::parse_index_list(&row.fr), b.fr);
        assert_eq!(report_csv::parse_index_list(&row.en), b.en);
        assert_eq!(row.moved, b.moved);
        assert_eq!(
            row.score.parse::<f64>().ok().map(|s| (s * 100.0).round()),
            b.score.map(|s| (s * 100.0).round())
        );
    }
    let moved = rows.iter().find(|r| r.moved).unwrap();
    assert_eq!(moved.fr_text, report.fr.paragraphs[5]);
    assert_eq!(moved.en_text, report.en.paragraphs[2]);
    let omitted = rows.iter().find(|r| r.fr.is_empty()).unwrap();
    assert_eq!(omitted.fr_text, "");
}

#[test]
fn cli_writes_findings_csv_and_alignment_csv() {
    let t = tempfile::tempdir().unwrap();
    let fr = t.path().join("fr.txt");
    let en = t.path().join("en.txt");
    std::fs::write(&fr, "Titre, avec virgule\n\nLe port a rouvert « mardi ».\n").unwrap();
    std::fs::write(
        &en,
        "Title, with comma\n\nThe port reopened on \"Tuesday\".\n\nExtra line.\n",
    )
    .unwrap();
    let align = t.path().join("align.csv");
    let out = wirecheck()
        .args([
            "check",
            "--format",
            "csv",
            "--fail-on",
            "never",
            "--alignment-csv",
        ])
        .arg(&align)
        .arg("--fr")
        .arg(&fr)
        .arg("--en")
        .arg(&en)
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8(out.stdout).unwrap();
    let (header, _rows): (Vec<String>, Vec<FindingRow>) = read(&stdout);
    assert_eq!(header[0], "pair");
    let (_, rows): (_, Vec<AlignmentRow>) = read(&std::fs::read_to_string(&align).unwrap());
    let mut fr_seen: Vec<usize> = rows
        .iter()
        .flat_map(|r| report_csv::parse_index_list(&r.fr))
        .collect();
    let mut en_seen: Vec<usize> = rows
        .iter()
        .flat_map(|r| report_csv::parse_index_list(&r.en))
        .collect();
    fr_seen.sort();
    en_seen.sort();
    assert_eq!(fr_seen, [0, 1]);
    assert_eq!(en_seen, [0, 1, 2]);
    assert!(rows
        .iter()
        .any(|r| r.en_text == "The port reopened on \"Tuesday\"."));
}

#[test]
fn alignment_csv_never_overwrites_an_input() {
    let t = tempfile::tempdir().unwrap();
    let fr = t.path().join("fr.txt");
    let en = t.path().join("en.txt");
    std::fs::write(&fr, "Un.\n").unwrap();
    std::fs::write(&en, "One.\n").unwrap();
    let out = wirecheck()
        .args(["check", "--alignment-csv"])
        .arg(&fr)
        .arg("--fr")
        .arg(&fr)
        .arg("--en")
        .arg(&en)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(std::fs::read_to_string(&fr).unwrap(), "Un.\n");
}
