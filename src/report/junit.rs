//! JUnit XML (`--format junit`), for CI dashboards: one `testsuite` for the pair,
//! one `testcase` per check; a check whose findings fail the gate is a `failure`
//! listing them; findings that do not fail it (lower severity, waived) go in the
//! test case's `system-out`.

use std::fmt::Write;

use super::Report;
use crate::checks;
use crate::util::para_list;

/// XML 1.0 text: markup escaped, characters XML cannot carry dropped.
fn xml(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&apos;"),
            '\t' | '\n' | '\r' => o.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => {}
            c => o.push(c),
        }
    }
    o
}

fn line(f: &crate::finding::Finding) -> String {
    let mut s = format!(
        "{}[{}] fr ¶{} en ¶{}: {}",
        f.severity,
        f.id,
        para_list(&f.fr, crate::util::ParaStyle::Column),
        para_list(&f.en, crate::util::ParaStyle::Column),
        f.message
    );
    if let Some(w) = &f.waived {
        let _ = write!(s, " (waived by {}: \"{}\")", w.by, w.reason);
    }
    s
}

/// The report as one JUnit XML document; `pair` names the test suite.
pub fn render(r: &Report, pair: &str) -> String {
    let failing = r.failing_checks();
    let n = checks::REGISTRY.len();
    let mut cases = String::new();
    for c in checks::REGISTRY {
        let id = c.meta().id;
        let found: Vec<&crate::finding::Finding> =
            r.findings.iter().filter(|f| f.id == id).collect();
        let _ = write!(
            cases,
            "    <testcase classname=\"{}\" name=\"{}\"",
            xml(pair),
            id
        );
        if found.is_empty() {
            cases.push_str("/>\n");
            continue;
        }
        cases.push_str(">\n");
        if failing.contains(&id) {
            let blocking: Vec<String> = found
                .iter()
                .filter(|f| f.waived.is_none())
                .map(|f| line(f))
                .collect();
            let _ = writeln!(
                cases,
                "      <failure message=\"{}\" type=\"{}\">{}</failure>",
                xml(&format!(
                    "{} finding(s) fail the gate (fail-on {})",
                    blocking.len(),
                    r.fail_on
                )),
                id,
                xml(&blocking.join("\n"))
            );
        }
        let all: Vec<String> = found.iter().map(|f| line(f)).collect();
        let _ = writeln!(
            cases,
            "      <system-out>{}</system-out>",
            xml(&all.join("\n"))
        );
        cases.push_str("    </testcase>\n");
    }
    let mut o = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        o,
        "<testsuites name=\"wirecheck\" tests=\"{n}\" failures=\"{}\" errors=\"0\">",
        failing.len()
    );
    let _ = writeln!(
        o,
        "  <testsuite name=\"{}\" tests=\"{n}\" failures=\"{}\" errors=\"0\" skipped=\"0\" timestamp=\"{}\">",
        xml(pair),
        failing.len(),
        xml(&r.run.checked_at)
    );
    let _ = writeln!(
        o,
        "    <properties><property name=\"verdict\" value=\"{}\"/><property name=\"fail_on\" value=\"{}\"/>\
         <property name=\"fr\" value=\"{}\"/><property name=\"en\" value=\"{}\"/>\
         <property name=\"paragraphs\" value=\"{}\"/></properties>",
        r.verdict,
        xml(r.fail_on),
        xml(&r.fr.source),
        xml(&r.en.source),
        xml(super::PARAGRAPH_NOTE)
    );
    o.push_str(&cases);
    o.push_str("  </testsuite>\n</testsuites>\n");
    o
}
