//! SARIF 2.1.0 (`--format sarif`), for code-review tools that show annotations: one
//! run, the check registry as its rules, one result per finding located at the
//! French file (the English one for a finding with no French side) and, for text
//! and Markdown files, the lines of the paragraph.

use serde_json::{json, Value};

use super::Report;
use crate::checks;
use crate::finding::{Finding, Severity};

/// The texts of the input files, when they were files: lets a result point at the
/// lines of its paragraph.
#[derive(Debug, Default, Clone, Copy)]
pub struct Sources<'a> {
    pub fr: Option<&'a str>,
    pub en: Option<&'a str>,
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The first and last line (1-based) of every paragraph of a text file, cut the
/// way `document` cuts them: blocks between blank lines, or one per non-empty line
/// when the text has no blank line.
pub fn paragraph_lines(raw: &str) -> Vec<(usize, usize)> {
    let lines: Vec<&str> = raw.lines().collect();
    let blocks =
        lines.iter().any(|l| l.trim().is_empty()) && lines.iter().any(|l| !l.trim().is_empty());
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    for (i, l) in lines.iter().enumerate() {
        let n = i + 1;
        let blank = l.trim().is_empty();
        if !blocks {
            if !blank {
                out.push((n, n));
            }
            continue;
        }
        match (blank, start) {
            (false, None) => start = Some(n),
            (true, Some(s)) => {
                out.push((s, n - 1));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, lines.len()));
    }
    out
}

fn location(uri: &str, paras: &[usize], lines: Option<&[(usize, usize)]>, side: &str) -> Value {
    let mut physical = json!({"artifactLocation": {"uri": uri}});
    if let (Some(lines), Some(&first)) = (lines, paras.first()) {
        let last = *paras.last().unwrap_or(&first);
        if let (Some(a), Some(b)) = (lines.get(first), lines.get(last)) {
            physical["region"] = json!({"startLine": a.0, "endLine": b.1});
        }
    }
    let names: Vec<String> = paras.iter().map(|p| format!("¶{p}")).collect();
    let mut loc = json!({"physicalLocation": physical});
    if !names.is_empty() {
        loc["logicalLocations"] =
            json!([{"name": format!("{side} {}", names.join("+")), "kind": "paragraph"}]);
    }
    loc
}

fn result(
    r: &Report,
    f: &Finding,
    fr_lines: Option<&[(usize, usize)]>,
    en_lines: Option<&[(usize, usize)]>,
) -> Value {
    let index = checks::REGISTRY
        .iter()
        .position(|c| c.meta().id == f.id)
        .unwrap_or(0);
    let mut locations = Vec::new();
    if !f.fr.is_empty() || f.en.is_empty() {
        locations.push(location(&r.fr.source, &f.fr, fr_lines, "fr"));
    }
    if !f.en.is_empty() {
        locations.push(location(&r.en.source, &f.en, en_lines, "en"));
    }
    let mut v = json!({
        "ruleId": f.id.as_str(),
        "ruleIndex": index,
        "level": level(f.severity),
        "message": {"text": f.message},
        "locations": locations,
        "properties": {"fr_paragraphs": f.fr, "en_paragraphs": f.en, "fr_text": f.fr_text, "en_text": f.en_text},
    });
    if let Some(w) = &f.waived {
        v["suppressions"] = json!([{"kind": "external", "status": "accepted",
            "justification": format!("{} (waived by {})", w.reason, w.by)}]);
    }
    v
}

/// The whole report as one SARIF 2.1.0 log.
pub fn render(r: &Report, src: Sources<'_>) -> String {
    let usable = |raw: Option<&str>, n: usize| raw.map(paragraph_lines).filter(|l| l.len() == n);
    let fr_lines = usable(src.fr, r.fr.paragraphs.len());
    let en_lines = usable(src.en, r.en.paragraphs.len());
    let rules: Vec<Value> = checks::REGISTRY
        .iter()
        .map(|c| {
            let m = c.meta();
            json!({
                "id": m.id.as_str(),
                "shortDescription": {"text": m.summary},
                "fullDescription": {"text": m.what},
                "help": {"text": format!("{}\n\nWhy: {}\n\nExample: {}", m.what, m.why, m.example)},
                "defaultConfiguration": {"level": level(m.default_severity)},
            })
        })
        .collect();
    let results: Vec<Value> = r
        .findings
        .iter()
        .map(|f| result(r, f, fr_lines.as_deref(), en_lines.as_deref()))
        .collect();
    let log = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "wirecheck", "version": r.tool.version, "rules": rules}},
            "results": results,
            "properties": {"verdict": r.verdict.as_str(), "fail_on": r.fail_on,
                           "paragraph_numbering": super::PARAGRAPH_NOTE},
        }],
    });
    let mut s = serde_json::to_string_pretty(&log).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::paragraph_lines;

    #[test]
    fn paragraph_lines_follow_blocks_or_lines() {
        assert_eq!(
            paragraph_lines("a\nb\n\nc\n\n\nd"),
            [(1, 2), (4, 4), (7, 7)]
        );
        assert_eq!(paragraph_lines("a\nb\nc\n"), [(1, 1), (2, 2), (3, 3)]);
    }
}
