//! The HTML report: one self-contained page (inline CSS, no scripts, no external
//! assets) that a desk reads in a browser or prints. A verdict banner, the list of
//! findings, the two texts side by side row by row (omitted and added paragraphs as
//! gaps, moved ones marked, every finding highlighted at its words), the credits role
//! by role, datelines, provenance and source drift.
//!
//! Every piece of input text goes through [`escape`] and nothing else reaches the
//! page unescaped; a Content-Security-Policy forbidding scripts backs that up.
//! [`render_index`] renders the `batch` index page with the same styles.

use std::fmt::Write;

use super::{Counts, Report, Side};
use crate::align::Bead;
use crate::credits::{CreditEntry, Role};
use crate::document::Dateline;
use crate::finding::Finding;
use crate::source::Provenance;

/// Escape text for HTML element content and quoted attribute values.
pub fn escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            c => o.push(c),
        }
    }
    o
}

/// The report styles (kept in `report.css`, inlined into every page).
const CSS: &str = include_str!("report.css");

fn head(title: &str) -> String {
    format!(
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"generator\" content=\"wirecheck {}\">\n<title>{}</title>\n<style>{}</style>\n</head>\n<body>\n",
        escape(crate::VERSION),
        escape(title),
        CSS
    )
}

fn file_name(source: &str) -> &str {
    source.rsplit(['/', '\\']).next().unwrap_or(source)
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

fn counts_html(c: &Counts) -> String {
    // zero counts in grey, so that colour means something is there
    let cls = |n: usize, sev: &str| {
        if n == 0 {
            "sev zero".to_string()
        } else {
            format!("sev {sev}")
        }
    };
    format!(
        "<span class=\"{}\">{}</span><span class=\"{}\">{}</span>\
         <span class=\"{}\">{} info</span><span class=\"{}\">{} waived</span>",
        cls(c.error, "error"),
        plural(c.error, "error", "errors"),
        cls(c.warning, "warning"),
        plural(c.warning, "warning", "warnings"),
        cls(c.info, "info"),
        c.info,
        cls(c.waived, "waived"),
        c.waived
    )
}

/// Severity class of a finding: its severity, or `waived`.
fn class_of(f: &Finding) -> &'static str {
    if f.waived.is_some() {
        "waived"
    } else {
        f.severity.as_str()
    }
}

fn label_of(f: &Finding) -> String {
    match f.waived {
        Some(_) => format!("{} (waived)", f.severity.as_str()),
        None => f.severity.as_str().to_string(),
    }
}

fn pno(side: &str, v: &[usize]) -> String {
    if v.is_empty() {
        "–".into()
    } else {
        format!(
            "{side} ¶{}",
            v.iter()
                .map(|i| i.to_string())
                .collect::<Vec<_>>()
                .join(",")
        )
    }
}

/// The rows of the side-by-side table, in reading order: beads with French follow the
/// French order; an omitted English paragraph is placed after the row holding the
/// nearest preceding English paragraph (moved rows are not used as anchors when
/// another will do). Paragraphs no bead covers get a row of their own, so nothing in
/// either text is ever hidden.
pub fn display_rows(alignment: &[Bead], n_fr: usize, n_en: usize) -> Vec<Bead> {
    let mut with_fr: Vec<Bead> = alignment
        .iter()
        .filter(|b| !b.fr.is_empty())
        .cloned()
        .collect();
    let mut without_fr: Vec<Bead> = alignment
        .iter()
        .filter(|b| b.fr.is_empty() && !b.en.is_empty())
        .cloned()
        .collect();
    let mut seen_fr = vec![false; n_fr];
    let mut seen_en = vec![false; n_en];
    for b in alignment {
        for &i in &b.fr {
            if let Some(s) = seen_fr.get_mut(i) {
                *s = true;
            }
        }
        for &j in &b.en {
            if let Some(s) = seen_en.get_mut(j) {
                *s = true;
            }
        }
    }
    for (i, _) in seen_fr.iter().enumerate().filter(|(_, s)| !**s) {
        with_fr.push(Bead {
            fr: vec![i],
            en: vec![],
            score: None,
            moved: false,
        });
    }
    for (j, _) in seen_en.iter().enumerate().filter(|(_, s)| !**s) {
        without_fr.push(Bead {
            fr: vec![],
            en: vec![j],
            score: None,
            moved: false,
        });
    }
    with_fr.sort_by_key(|b| b.fr.iter().min().copied());
    without_fr.sort_by_key(|b| b.en.iter().min().copied());

    // anchor of each gap: index into `with_fr` of the row after which it goes
    let anchor = |j: usize, allow_moved: bool| -> Option<usize> {
        with_fr
            .iter()
            .enumerate()
            .filter(|(_, b)| allow_moved || !b.moved)
            .filter_map(|(k, b)| b.en.iter().filter(|&&e| e < j).max().map(|&e| (e, k)))
            .max()
            .map(|(_, k)| k)
    };
    let mut after: Vec<Vec<Bead>> = vec![Vec::new(); with_fr.len()];
    let mut first: Vec<Bead> = Vec::new();
    for b in without_fr {
        let j = b.en.iter().min().copied().unwrap_or(0);
        match anchor(j, false).or_else(|| anchor(j, true)) {
            Some(k) => after[k].push(b),
            None => first.push(b),
        }
    }
    let mut rows = first;
    for (b, gaps) in with_fr.into_iter().zip(after) {
        rows.push(b);
        rows.extend(gaps);
    }
    rows
}

/// One paragraph with the excerpts of its findings highlighted. `hits` are
/// `(finding number, finding, excerpt on this side)`.
fn paragraph_html(text: &str, hits: &[(usize, &Finding, &str)]) -> String {
    /// Byte range in the text and the numbered findings it carries.
    type Span<'f> = (usize, usize, Vec<(usize, &'f Finding)>);
    // identical spans share one mark
    let mut spans: Vec<Span<'_>> = Vec::new();
    for &(n, f, ex) in hits {
        if ex.is_empty() {
            continue;
        }
        let Some(start) = text.find(ex) else { continue };
        let end = start + ex.len();
        match spans.iter_mut().find(|s| s.0 == start && s.1 == end) {
            Some(s) => s.2.push((n, f)),
            None => spans.push((start, end, vec![(n, f)])),
        }
    }
    spans.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
    let mut o = String::new();
    let mut pos = 0;
    for (start, end, fs) in spans {
        if start < pos {
            continue; // overlaps an earlier mark; the finding is still listed below the row
        }
        let (Some(before), Some(inner)) = (text.get(pos..start), text.get(start..end)) else {
            continue;
        };
        o.push_str(&escape(before));
        let worst = fs
            .iter()
            .map(|(_, f)| *f)
            .max_by_key(|f| (f.waived.is_none(), f.severity))
            .map_or("info", class_of);
        let title = fs
            .iter()
            .map(|(n, f)| format!("F{n} {} {}: {}", label_of(f), f.id, f.message))
            .collect::<Vec<_>>()
            .join("\n");
        let _ = write!(
            o,
            "<mark class=\"{worst}\" title=\"{}\">{}",
            escape(&title),
            escape(inner)
        );
        for (n, f) in &fs {
            let _ = write!(
                o,
                "<span class=\"tag {}\">F{n}&nbsp;{}&nbsp;{}</span>",
                class_of(f),
                escape(&label_of(f)),
                escape(f.id.as_str())
            );
        }
        o.push_str("</mark>");
        pos = end;
    }
    o.push_str(&escape(text.get(pos..).unwrap_or("")));
    o
}

fn side_cell(side: &Side, lang: &str, idx: &[usize], numbered: &[(usize, &Finding)]) -> String {
    let mut o = format!("<td class=\"{lang}\" lang=\"{lang}\">");
    for &i in idx {
        let text = side.paragraphs.get(i).map_or("", String::as_str);
        let hits: Vec<(usize, &Finding, &str)> = numbered
            .iter()
            .filter_map(|&(n, f)| {
                let (paras, ex) = if lang == "fr" {
                    (&f.fr, &f.fr_text)
                } else {
                    (&f.en, &f.en_text)
                };
                paras.contains(&i).then_some((n, f, ex.as_str()))
            })
            .collect();
        let _ = write!(
            o,
            "<div class=\"para\" id=\"{lang}-{i}\"><span class=\"pno\">¶{i}</span>{}</div>",
            paragraph_html(text, &hits)
        );
    }
    o.push_str("</td>");
    o
}

fn texts_table(r: &Report, numbered: &[(usize, &Finding)]) -> String {
    let rows = display_rows(&r.alignment, r.fr.paragraphs.len(), r.en.paragraphs.len());
    let mut o = String::from(
        "<table class=\"texts\"><colgroup><col class=\"text\"><col class=\"status\"><col class=\"text\"></colgroup>\n\
         <thead><tr><th>French</th><th>alignment</th><th>English source</th></tr></thead>\n<tbody>\n",
    );
    for (k, b) in rows.iter().enumerate() {
        let (class, status) = if b.fr.is_empty() {
            (
                "omitted",
                "<b>omitted</b><span>not in the French</span>".to_string(),
            )
        } else if b.en.is_empty() {
            (
                "added",
                "<b>added</b><span>no English source</span>".to_string(),
            )
        } else if b.moved {
            (
                "moved",
                format!(
                    "<b>moved</b><span>{} sits elsewhere in the English</span>",
                    escape(&pno("en", &b.en))
                ),
            )
        } else {
            ("aligned", "<b>=</b>".to_string())
        };
        let score = b
            .score
            .map(|s| format!("<span>score {s:.2}</span>"))
            .unwrap_or_default();
        let where_ = if class != "moved" {
            String::new()
        } else {
            format!(
                "<span>{} ↔ {}</span>",
                escape(&pno("fr", &b.fr)),
                escape(&pno("en", &b.en))
            )
        };
        let _ = write!(o, "<tr class=\"row {class}\" id=\"row-{k}\">");
        if b.fr.is_empty() {
            o.push_str("<td class=\"fr gap\">omitted in the French</td>");
        } else {
            o.push_str(&side_cell(&r.fr, "fr", &b.fr, numbered));
        }
        let _ = write!(o, "<td class=\"status\">{status}{where_}{score}</td>");
        if b.en.is_empty() {
            o.push_str("<td class=\"en gap\">no English source</td>");
        } else {
            o.push_str(&side_cell(&r.en, "en", &b.en, numbered));
        }
        o.push_str("</tr>\n");
        let here: Vec<&(usize, &Finding)> = numbered
            .iter()
            .filter(|(_, f)| {
                f.fr.iter().any(|i| b.fr.contains(i)) || f.en.iter().any(|j| b.en.contains(j))
            })
            .collect();
        if !here.is_empty() {
            o.push_str("<tr class=\"notes\"><td colspan=\"3\"><ul class=\"notes\">");
            for (n, f) in here {
                let _ = write!(
                    o,
                    "<li class=\"{}\">{}</li>",
                    class_of(f),
                    finding_line(*n, f)
                );
            }
            o.push_str("</ul></td></tr>\n");
        }
    }
    o.push_str("</tbody></table>\n");
    o
}

/// `F3 ERROR number-mismatch: message (waived: reason, by)`.
fn finding_line(n: usize, f: &Finding) -> String {
    let mut o = format!(
        "<a href=\"#f{n}\">F{n}</a> <span class=\"sev {}\">{}</span> <b>{}</b>: {}",
        class_of(f),
        escape(&label_of(f)),
        escape(f.id.as_str()),
        escape(&f.message)
    );
    if let Some(w) = &f.waived {
        let _ = write!(
            o,
            " <i>(waived by {}: {})</i>",
            escape(&w.by),
            escape(&w.reason)
        );
    }
    o
}

fn findings_table(r: &Report, numbered: &[(usize, &Finding)], rows: &[Bead]) -> String {
    if numbered.is_empty() {
        return "<p class=\"empty\">No findings.</p>\n".into();
    }
    let row_of = |f: &Finding| {
        rows.iter().position(|b| {
            f.fr.iter().any(|i| b.fr.contains(i)) || f.en.iter().any(|j| b.en.contains(j))
        })
    };
    let mut o = String::from(
        "<table class=\"findings\"><thead><tr><th>#</th><th>severity</th><th>check</th><th>where</th>\
         <th>message</th><th>French</th><th>English</th></tr></thead><tbody>\n",
    );
    for &(n, f) in numbered {
        let place = format!("{} / {}", pno("fr", &f.fr), pno("en", &f.en));
        let place = match row_of(f) {
            Some(k) => format!("<a href=\"#row-{k}\">{}</a>", escape(&place)),
            None => escape(&place),
        };
        let waived = f
            .waived
            .as_ref()
            .map(|w| {
                format!(
                    "<br><i>waived by {}: {}</i>",
                    escape(&w.by),
                    escape(&w.reason)
                )
            })
            .unwrap_or_default();
        let _ = writeln!(
            o,
            "<tr class=\"{c}\" id=\"f{n}\"><td>F{n}</td><td><span class=\"sev {c}\">{}</span></td><td>{}</td><td>{place}</td>\
             <td>{}{waived}</td><td class=\"excerpt\" lang=\"fr\">{}</td><td class=\"excerpt\" lang=\"en\">{}</td></tr>",
            escape(&label_of(f)),
            escape(f.id.as_str()),
            escape(&f.message),
            excerpt_html(&f.fr_text, &f.fr),
            excerpt_html(&f.en_text, &f.en),
            c = class_of(f),
        );
    }
    o.push_str("</tbody></table>\n");
    let _ = r;
    o
}

/// A finding's words at issue; an excerpt cut short (ending in `…`) is marked as
/// such, pointing at the whole paragraph in the texts below.
fn excerpt_html(text: &str, paras: &[usize]) -> String {
    if !text.ends_with('…') {
        return escape(text);
    }
    let whole = match paras.first() {
        Some(p) => format!("the whole of ¶{p} is in the texts below"),
        None => "the whole paragraph is in the texts below".into(),
    };
    format!(
        "{} <span class=\"cut\" title=\"{whole}\">(excerpt: {whole})</span>",
        escape(text)
    )
}

fn dateline_html(d: Option<&Dateline>) -> String {
    match d {
        None => "<span class=\"empty\">none</span>".into(),
        Some(d) => {
            let mut s = escape(&d.cities.join("/"));
            if let Some(date) = &d.date {
                let _ = write!(s, ", {}", escape(date));
            }
            if let Some(a) = &d.agency {
                let _ = write!(s, " ({})", escape(a));
            }
            let _ = write!(s, " <span class=\"meta\">¶{}</span>", d.paragraph);
            s
        }
    }
}

fn provenance_rows(p: &Provenance) -> String {
    let mut o = String::new();
    let mut row = |k: &str, v: &str| {
        if !v.is_empty() {
            let _ = writeln!(
                o,
                "<tr><th>{}</th><td class=\"mono\">{}</td></tr>",
                escape(k),
                escape(v)
            );
        }
    };
    row("url", &p.url);
    if p.final_url != p.url {
        row("final url", &p.final_url);
    }
    row("status", &p.status.to_string());
    row("fetched at", &p.fetched_at);
    row("content type", &p.content_type);
    row("sha256 (raw bytes)", &p.sha256);
    row("sha256 (text)", &p.text_sha256);
    row("origin", &p.origin);
    row("etag", p.etag.as_deref().unwrap_or(""));
    row("last modified", p.last_modified.as_deref().unwrap_or(""));
    row("not cached", p.cache_error.as_deref().unwrap_or(""));
    o
}

/// A drift diff with `[-old-]` / `{+new+}` marks as `<del>` / `<ins>`.
fn diff_html(s: &str) -> String {
    let mut o = String::new();
    let mut rest = s;
    loop {
        let next = [("[-", "-]", "del"), ("{+", "+}", "ins")]
            .iter()
            .filter_map(|&(open, close, tag)| rest.find(open).map(|i| (i, open, close, tag)))
            .min_by_key(|t| t.0);
        let Some((i, open, close, tag)) = next else {
            break;
        };
        let after_open = &rest[i + open.len()..];
        let Some(j) = after_open.find(close) else {
            break;
        };
        o.push_str(&escape(&rest[..i]));
        let _ = write!(o, "<{tag}>{}</{tag}>", escape(&after_open[..j]));
        rest = &after_open[j + close.len()..];
    }
    o.push_str(&escape(rest));
    o
}

/// Render the whole report as one HTML page.
pub fn render(r: &Report) -> String {
    let c = r.counts();
    let verdict = if r.passed() { "pass" } else { "fail" };
    let numbered: Vec<(usize, &Finding)> = r
        .findings
        .iter()
        .enumerate()
        .map(|(i, f)| (i + 1, f))
        .collect();
    let rows = display_rows(&r.alignment, r.fr.paragraphs.len(), r.en.paragraphs.len());
    let omitted: usize = rows
        .iter()
        .filter(|b| b.fr.is_empty())
        .map(|b| b.en.len())
        .sum();
    let added: usize = rows
        .iter()
        .filter(|b| b.en.is_empty())
        .map(|b| b.fr.len())
        .sum();
    let moved = rows
        .iter()
        .filter(|b| b.moved && !b.fr.is_empty() && !b.en.is_empty())
        .count();

    let title = format!(
        "wirecheck {}: {} vs {}",
        verdict.to_uppercase(),
        file_name(&r.fr.source),
        file_name(&r.en.source)
    );
    let mut o = head(&title);
    let _ = writeln!(
        o,
        "<h1>{} <span class=\"meta\">vs</span> {}</h1>",
        escape(&r.fr.source),
        escape(&r.en.source)
    );
    let _ = writeln!(
        o,
        "<div class=\"banner {verdict}\"><span class=\"verdict\">{}</span><span class=\"counts\">{}</span>\
         <div class=\"meta\">fails on {} and above · {} French / {} English paragraphs · \
         <b>{}</b> · <b>{}</b> · <b>{}</b></div></div>",
        verdict.to_uppercase(),
        counts_html(&c),
        escape(r.fail_on),
        r.fr.paragraphs.len(),
        r.en.paragraphs.len(),
        plural(omitted, "omitted paragraph", "omitted paragraphs"),
        plural(added, "added paragraph", "added paragraphs"),
        plural(moved, "moved paragraph", "moved paragraphs"),
    );
    o.push_str("<nav class=\"meta\"><a href=\"#findings\">findings</a> · <a href=\"#texts\">texts side by side</a> · \
                <a href=\"#credits\">credits</a> · <a href=\"#sources\">sources</a></nav>\n");

    let _ = writeln!(
        o,
        "<h2 id=\"findings\">Findings ({})</h2>",
        r.findings.len()
    );
    o.push_str(&findings_table(r, &numbered, &rows));
    let _ = writeln!(
        o,
        "<p class=\"meta note\">{}</p>",
        escape(super::PARAGRAPH_NOTE)
    );
    if !r.stale_waivers.is_empty() {
        o.push_str("<h2>Stale waivers</h2><ul class=\"notes\">");
        for w in &r.stale_waivers {
            let _ = write!(o, "<li class=\"info\">{}</li>", escape(&w.describe()));
        }
        o.push_str("</ul>\n");
    }

    o.push_str("<h2 id=\"texts\">Texts side by side</h2>\n");
    o.push_str(&texts_table(r, &numbered));

    o.push_str("<h2 id=\"credits\">Credits</h2>\n");
    o.push_str(&credits_table(r));
    let _ = writeln!(
        o,
        "<h2>Datelines</h2><table class=\"kv\"><tr><th>French</th><td lang=\"fr\">{}</td></tr>\
         <tr><th>English</th><td lang=\"en\">{}</td></tr></table>",
        dateline_html(r.fr.dateline.as_ref()),
        dateline_html(r.en.dateline.as_ref())
    );

    if let Some(d) = &r.drift {
        o.push_str("<h2>Source drift since the snapshot</h2>\n<table class=\"kv\">");
        let _ = writeln!(
            o,
            "<tr><th>snapshot sha256</th><td class=\"mono\">{}</td></tr><tr><th>live sha256</th><td class=\"mono\">{}</td></tr></table>",
            escape(&d.snapshot_sha256),
            escape(&d.live_sha256)
        );
        if d.changes.is_empty() {
            o.push_str("<p class=\"empty\">No paragraph changed.</p>\n");
        } else {
            o.push_str("<table><thead><tr><th>change</th><th>snapshot ¶</th><th>live ¶</th><th>diff</th></tr></thead><tbody>\n");
            for ch in &d.changes {
                let n = |v: Option<usize>| v.map(|i| i.to_string()).unwrap_or_else(|| "–".into());
                let _ = writeln!(
                    o,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td lang=\"en\">{}</td></tr>",
                    escape(&ch.kind),
                    n(ch.snapshot),
                    n(ch.live),
                    diff_html(&ch.diff)
                );
            }
            o.push_str("</tbody></table>\n");
        }
    }

    o.push_str("<h2 id=\"sources\">Sources</h2>\n<table class=\"kv\">");
    let _ = writeln!(
        o,
        "<tr><th>French</th><td class=\"mono\">{}</td></tr><tr><th>French sha256</th><td class=\"mono\">{}</td></tr>\
         <tr><th>English</th><td class=\"mono\">{}</td></tr><tr><th>English sha256</th><td class=\"mono\">{}</td></tr>",
        escape(&r.fr.source),
        escape(&r.fr.sha256),
        escape(&r.en.source),
        escape(&r.en.sha256)
    );
    if let Some(p) = &r.en.provenance {
        o.push_str("<tr><th colspan=\"2\">English provenance</th></tr>");
        o.push_str(&provenance_rows(p));
    }
    if let Some(p) = &r.fr.provenance {
        o.push_str("<tr><th colspan=\"2\">French provenance</th></tr>");
        o.push_str(&provenance_rows(p));
    }
    let _ = writeln!(
        o,
        "<tr><th>policy</th><td class=\"mono\">{} {}</td></tr><tr><th>checked at</th><td class=\"mono\">{}</td></tr>\
         <tr><th>tool</th><td class=\"mono\">{} {}</td></tr></table>",
        escape(&r.run.policy_sources.join(", ")),
        escape(&r.run.policy_sha256),
        escape(&r.run.checked_at),
        escape(r.tool.name),
        escape(r.tool.version)
    );
    o.push_str("</body>\n</html>\n");
    o
}

mod credits;
mod index;
use credits::credits_table;
pub use index::{render_index, IndexRow};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::CheckId;

    fn bead(fr: &[usize], en: &[usize], moved: bool) -> Bead {
        Bead {
            fr: fr.to_vec(),
            en: en.to_vec(),
            score: None,
            moved,
        }
    }

    #[test]
    fn escape_covers_markup_and_quotes() {
        assert_eq!(
            escape("<a href=\"x\">'&'</a>"),
            "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;"
        );
    }

    #[test]
    fn omitted_rows_fall_where_they_are_in_english_order() {
        // the seed's shape: fr 5 is en 2 moved; en 4, 6, 8, 9 omitted; fr 6 added
        let a = vec![
            bead(&[0], &[0], false),
            bead(&[1], &[1], false),
            bead(&[2], &[3], false),
            bead(&[3], &[5], false),
            bead(&[4], &[7], false),
            bead(&[5], &[2], true),
            bead(&[6], &[], false),
            bead(&[7], &[10], false),
            bead(&[], &[4], false),
            bead(&[], &[6], false),
            bead(&[], &[8], false),
            bead(&[], &[9], false),
        ];
        let rows = display_rows(&a, 8, 11);
        let order: Vec<(Vec<usize>, Vec<usize>)> = rows.into_iter().map(|b| (b.fr, b.en)).collect();
        let v = |f: &[usize], e: &[usize]| (f.to_vec(), e.to_vec());
        assert_eq!(
            order,
            vec![
                v(&[0], &[0]),
                v(&[1], &[1]),
                v(&[2], &[3]),
                v(&[], &[4]),
                v(&[3], &[5]),
                v(&[], &[6]),
                v(&[4], &[7]),
                v(&[], &[8]),
                v(&[], &[9]),
                v(&[5], &[2]),
                v(&[6], &[]),
                v(&[7], &[10]),
            ]
        );
    }

    #[test]
    fn uncovered_paragraphs_still_get_a_row_and_bad_indices_do_not_panic() {
        let rows = display_rows(&[bead(&[0], &[0], false), bead(&[9], &[9], false)], 2, 2);
        assert_eq!(rows.len(), 4);
        let h = paragraph_html("abc", &[]);
        assert_eq!(h, "abc");
    }

    #[test]
    fn overlapping_and_multibyte_excerpts_are_safe() {
        let f1 = Finding::new(CheckId::NumberMismatch, vec![0], vec![0], "m1").texts("15 %", "");
        let f2 = Finding::new(CheckId::NameMismatch, vec![0], vec![0], "m2").texts("5 % é", "");
        let h = paragraph_html("hausse de 15 % été", &[(1, &f1, "15 %"), (2, &f2, "5 % é")]);
        assert!(h.contains("<mark"), "{h}");
        assert_eq!(h.matches("<mark").count(), 1);
        assert!(h.ends_with("té") || h.contains("été"), "{h}");
    }

    #[test]
    fn diff_marks_become_del_and_ins() {
        assert_eq!(
            diff_html("a [-<b>-]{+c+} [-x"),
            "a <del>&lt;b&gt;</del><ins>c</ins> [-x"
        );
    }
}
