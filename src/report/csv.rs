//! CSV reports (the `csv` crate does the quoting): one row per finding
//! (`--format csv`), and the alignment, one row per bead (`--alignment-csv`).
//! Paragraph index lists are written `3;4` so a cell never needs a comma. Every
//! cell that starts with `=`, `+`, `-`, `@`, tab or CR gets a leading `'` (OWASP's
//! advice against CSV formula injection): a bulleted paragraph or a pair named
//! `=HYPERLINK(…)` opens in a spreadsheet as the text it is.

use serde::{Deserialize, Serialize};

use super::Report;
use crate::error::{Error, Result};

/// `csv` with a UTF-8 byte order mark in front when `bom` (`--bom`: for spreadsheets
/// that read a CSV file without one as a legacy code page).
pub fn with_bom(csv: String, bom: bool) -> String {
    if bom {
        format!("\u{feff}{csv}")
    } else {
        csv
    }
}

/// One row of the findings CSV.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FindingRow {
    pub pair: String,
    pub id: String,
    pub severity: String,
    pub fr_paragraphs: String,
    pub en_paragraphs: String,
    pub fr_text: String,
    pub en_text: String,
    pub message: String,
    pub waived: bool,
    pub waiver_reason: String,
    pub waived_by: String,
}

/// One row of the alignment CSV.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AlignmentRow {
    pub fr: String,
    pub en: String,
    /// Empty when the aligner gave no score (omitted / added paragraphs).
    pub score: String,
    pub moved: bool,
    pub fr_text: String,
    pub en_text: String,
}

/// `3;4`, or empty for no paragraph.
pub fn index_list(v: &[usize]) -> String {
    v.iter()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(";")
}

/// Parse an [`index_list`] back.
pub fn parse_index_list(s: &str) -> Vec<usize> {
    s.split(';').filter_map(|x| x.trim().parse().ok()).collect()
}

/// The findings of `report`, one row each, labelled with `pair`.
pub fn render_findings(report: &Report, pair: &str) -> Result<String> {
    let rows = report.findings.iter().map(|f| FindingRow {
        pair: pair.to_string(),
        id: f.id.to_string(),
        severity: f.severity.as_str().to_string(),
        fr_paragraphs: index_list(&f.fr),
        en_paragraphs: index_list(&f.en),
        fr_text: f.fr_text.clone(),
        en_text: f.en_text.clone(),
        message: f.message.clone(),
        waived: f.waived.is_some(),
        waiver_reason: f
            .waived
            .as_ref()
            .map(|w| w.reason.clone())
            .unwrap_or_default(),
        waived_by: f.waived.as_ref().map(|w| w.by.clone()).unwrap_or_default(),
    });
    write_rows(rows, FINDING_HEADER)
}

/// The alignment of `report`, one row per bead, in report order.
pub fn render_alignment(report: &Report) -> Result<String> {
    let texts = |paras: &[String], idx: &[usize]| {
        idx.iter()
            .filter_map(|&i| paras.get(i).map(String::as_str))
            .collect::<Vec<_>>()
            .join("\n\n")
    };
    let rows = report.alignment.iter().map(|b| AlignmentRow {
        fr: index_list(&b.fr),
        en: index_list(&b.en),
        score: b.score.map(|s| format!("{s:.3}")).unwrap_or_default(),
        moved: b.moved,
        fr_text: texts(&report.fr.paragraphs, &b.fr),
        en_text: texts(&report.en.paragraphs, &b.en),
    });
    write_rows(rows, ALIGNMENT_HEADER)
}

const FINDING_HEADER: &[&str] = &[
    "pair",
    "id",
    "severity",
    "fr_paragraphs",
    "en_paragraphs",
    "fr_text",
    "en_text",
    "message",
    "waived",
    "waiver_reason",
    "waived_by",
];
const ALIGNMENT_HEADER: &[&str] = &["fr", "en", "score", "moved", "fr_text", "en_text"];

/// Serialize `rows` with a header; the header is written explicitly so that a file
/// with no rows still says what its columns are.
pub(crate) fn write_rows<T: Serialize>(
    rows: impl Iterator<Item = T>,
    header: &[&str],
) -> Result<String> {
    let err = |e: csv::Error| Error::Other(format!("cannot write CSV: {e}"));
    let mut w = csv::WriterBuilder::new()
        .has_headers(false)
        .from_writer(Vec::new());
    w.write_record(header).map_err(err)?;
    // each row is serialized on its own, then written cell by cell through
    // `csv_cell`, so no text cell of any CSV starts a spreadsheet formula
    for r in rows {
        let mut one = csv::WriterBuilder::new()
            .has_headers(false)
            .from_writer(Vec::new());
        one.serialize(r).map_err(err)?;
        let bytes = one
            .into_inner()
            .map_err(|e| Error::Other(format!("cannot write CSV: {}", e.error())))?;
        let mut rd = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(bytes.as_slice());
        for rec in rd.records() {
            let rec = rec.map_err(err)?;
            w.write_record(rec.iter().map(|c| crate::util::csv_cell(c).into_owned()))
                .map_err(err)?;
        }
    }
    let bytes = w
        .into_inner()
        .map_err(|e| Error::Other(format!("cannot write CSV: {}", e.error())))?;
    String::from_utf8(bytes).map_err(|e| Error::Other(format!("cannot write CSV: {e}")))
}
