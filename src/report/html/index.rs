//! The `batch` index page, with the styles of the pair report.

use super::*;

/// One pair on the batch index page.
#[derive(Debug, Clone)]
pub struct IndexRow {
    pub slug: String,
    pub dir: String,
    /// `pass`, `fail`, or `error` (could not be checked).
    pub verdict: String,
    pub counts: Counts,
    pub en_source: String,
    /// Why the pair could not be checked.
    pub error: Option<String>,
    /// The ids of the checks that fail the gate.
    pub failing: Vec<String>,
    /// Relative links to the pair's reports, when they were written.
    pub html: Option<String>,
    pub json: Option<String>,
    pub csv: Option<String>,
}

/// The batch index: totals, then one row per pair linking its reports, in the
/// order given (the batch lists failures first).
pub fn render_index(rows: &[IndexRow], generated_at: &str) -> String {
    let n = |v: &str| rows.iter().filter(|r| r.verdict == v).count();
    let (pass, fail, error) = (n("pass"), n("fail"), n("error"));
    let overall = if error > 0 {
        "error"
    } else if fail > 0 {
        "fail"
    } else {
        "pass"
    };
    let mut o = head(&format!(
        "wirecheck batch: {pass} pass, {fail} fail, {error} could not be checked"
    ));
    o.push_str("<h1>wirecheck batch report</h1>\n");
    let _ = writeln!(
        o,
        "<div class=\"banner {overall}\"><span class=\"verdict\">{}</span><span class=\"counts\">\
         <span class=\"sev\">{}</span><span class=\"sev pass\">{pass} pass</span>\
         <span class=\"sev fail\">{fail} fail</span><span class=\"sev notchecked\">{error} could not be checked</span></span>\
         <div class=\"meta\">generated {}</div></div>",
        match overall {
            "error" => "INCOMPLETE",
            "fail" => "FAIL",
            _ => "PASS",
        },
        plural(rows.len(), "pair", "pairs"),
        escape(generated_at)
    );
    o.push_str(
        "<table class=\"findings idx\"><thead><tr><th>verdict</th><th>pair</th><th class=\"num\">errors</th>\
         <th class=\"num\">warnings</th><th class=\"num\">info</th><th class=\"num\">waived</th><th>English source</th>\
         <th>reports</th></tr></thead><tbody>\n",
    );
    for r in rows {
        let class = match r.verdict.as_str() {
            "pass" => "pass",
            "fail" => "fail",
            _ => "notchecked",
        };
        let label = match r.verdict.as_str() {
            "pass" => "PASS",
            "fail" => "FAIL",
            _ => "NOT CHECKED",
        };
        let name = match &r.html {
            Some(h) => format!("<a href=\"{}\">{}</a>", escape(h), escape(&r.slug)),
            None => escape(&r.slug),
        };
        let links: Vec<String> = [("html", &r.html), ("json", &r.json), ("csv", &r.csv)]
            .iter()
            .filter_map(|(k, v)| {
                v.as_ref()
                    .map(|h| format!("<a href=\"{}\">{k}</a>", escape(h)))
            })
            .collect();
        let cells = match &r.error {
            Some(e) => format!("<td colspan=\"5\" class=\"problem\">could not be checked: {}</td>", escape(e)),
            None => format!(
                "<td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>\
                 <td class=\"mono\">{}</td>",
                r.counts.error,
                r.counts.warning,
                r.counts.info,
                r.counts.waived,
                escape(&r.en_source)
            ),
        };
        let failing = if r.failing.is_empty() {
            String::new()
        } else {
            format!(
                "<div class=\"failing\">fails on: {}</div>",
                r.failing
                    .iter()
                    .map(|id| format!("<code>{}</code>", escape(id)))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        let _ = writeln!(
            o,
            "<tr class=\"{class} pair\"><td><span class=\"sev {class}\">{label}</span></td><td>{name}<div class=\"meta mono\">{}</div>{failing}</td>\
             {cells}<td class=\"links\">{}</td></tr>",
            escape(&r.dir),
            links.join(" · ")
        );
    }
    o.push_str("</tbody></table>\n</body>\n</html>\n");
    o
}
