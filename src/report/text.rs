//! Terminal text: the aligned pairs compactly, one line per finding with both
//! excerpts, and a summary line. Colour only when asked (a TTY without `NO_COLOR`).
//! Everything that comes from the documents, the folder names or the web (texts,
//! names, URLs, messages quoting them) goes through `t` (control characters shown
//! escaped), so an input cannot drive the terminal.

use std::fmt::Write;

use super::Report;
use crate::finding::Severity;
use crate::util::{escape_control as t, excerpt, para_list, ParaStyle};

pub struct TextOptions {
    pub color: bool,
    /// Show the alignment table.
    pub alignment: bool,
}

fn paint(on: bool, code: &str, s: &str) -> String {
    if on {
        format!("\x1b[{code}m{s}\x1b[0m")
    } else {
        s.to_string()
    }
}

fn idx(v: &[usize]) -> String {
    para_list(v, ParaStyle::Column)
}

/// The two credits blocks, role by role: `reporter  Ana Lima (Lisbonne) | Ana Lima (Lisbon)`.
fn credits_side_by_side(o: &mut String, r: &Report) {
    use crate::credits::{CreditEntry, Role};
    if r.credits.fr.is_empty() && r.credits.en.is_empty() {
        return;
    }
    let list = |entries: &[CreditEntry], role: Role| -> String {
        let names: Vec<String> = entries
            .iter()
            .filter(|e| e.role == role)
            .map(|e| match &e.location {
                Some(l) => format!("{} ({})", t(&e.name), t(l)),
                None => t(&e.name).into_owned(),
            })
            .collect();
        if names.is_empty() {
            "-".into()
        } else {
            names.join(", ")
        }
    };
    let rows: Vec<(Role, String, String)> = Role::ALL
        .into_iter()
        .map(|role| (role, list(&r.credits.fr, role), list(&r.credits.en, role)))
        .filter(|(_, fr, en)| fr != "-" || en != "-")
        .collect();
    let width = rows
        .iter()
        .map(|(_, fr, _)| fr.chars().count())
        .max()
        .unwrap_or(0)
        .min(60);
    let _ = writeln!(o, "\ncredits (fr | en):");
    for (role, fr, en) in rows {
        let pad = width.saturating_sub(fr.chars().count());
        let _ = writeln!(o, "  {:<20} {fr}{} | {en}", role.as_str(), " ".repeat(pad));
    }
}

pub fn render(r: &Report, opt: &TextOptions) -> String {
    let mut o = String::new();
    let _ = writeln!(
        o,
        "wirecheck {}  fr: {}  en: {}",
        r.tool.version,
        t(&r.fr.source),
        t(&r.en.source)
    );
    let _ = writeln!(
        o,
        "fr sha256 {}  en sha256 {}  policy sha256 {}",
        r.fr.sha256, r.en.sha256, r.run.policy_sha256
    );
    if let Some(p) = &r.en.provenance {
        let _ = writeln!(
            o,
            "en from {} (final {}), HTTP {}, {}, fetched {} [{}], text sha256 {}{}{}",
            t(&p.url),
            t(&p.final_url),
            p.status,
            t(&p.content_type),
            p.fetched_at,
            p.origin,
            p.text_sha256,
            if p.paywalled {
                ", paywalled: may be a teaser only"
            } else {
                ""
            },
            p.cache_error
                .as_deref()
                .map(|e| format!(", not cached: {}", t(e)))
                .unwrap_or_default()
        );
    }
    for (side, w) in [("fr", &r.fr.wire), ("en", &r.en.wire)] {
        let Some(w) = w else { continue };
        let parts: Vec<String> = w
            .from_metadata
            .iter()
            .map(|f| format!("¶{} {} ({})", f.paragraph, f.part, f.field))
            .collect();
        let _ = writeln!(
            o,
            "{side} is a {} item {}{}{}",
            w.format.as_str(),
            w.uri.as_deref().unwrap_or("(no uri)"),
            w.versioncreated
                .as_deref()
                .map(|v| format!(", version created {v}"))
                .unwrap_or_default(),
            if parts.is_empty() {
                String::new()
            } else {
                format!("; from its metadata: {}", parts.join(", "))
            }
        );
    }
    if let Some(d) = &r.drift {
        let _ = writeln!(
            o,
            "live source ({}, fetched {}): {} paragraph change(s) since the snapshot",
            d.live.origin,
            d.live.fetched_at,
            d.changes.len()
        );
    }
    if opt.alignment {
        let _ = writeln!(o, "\nalignment (fr ¶ ↔ en ¶):");
        for b in &r.alignment {
            let mark = if b.fr.is_empty() {
                paint(opt.color, "33", "omitted")
            } else if b.en.is_empty() {
                paint(opt.color, "33", "added  ")
            } else if b.moved {
                paint(opt.color, "36", "moved  ")
            } else {
                "       ".into()
            };
            let text =
                b.fr.first()
                    .and_then(|&i| r.fr.paragraphs.get(i))
                    .or_else(|| b.en.first().and_then(|&j| r.en.paragraphs.get(j)))
                    .map(String::as_str)
                    .unwrap_or("");
            let _ = writeln!(
                o,
                "  {:>7} ↔ {:<7} {} {}",
                idx(&b.fr),
                idx(&b.en),
                mark,
                t(&excerpt(text, 60))
            );
        }
    }
    credits_side_by_side(&mut o, r);
    if !r.findings.is_empty() {
        let _ = writeln!(o, "\nfindings:");
    }
    for f in &r.findings {
        let (code, label) = match f.severity {
            Severity::Error => ("31;1", "error"),
            Severity::Warning => ("33", "warning"),
            Severity::Info => ("36", "info"),
        };
        let waived = match &f.waived {
            Some(w) => format!(" (waived by {}: \"{}\")", w.by, w.reason),
            None => String::new(),
        };
        let _ = write!(
            o,
            "  {}[{}] fr ¶{} en ¶{}: {}{}",
            paint(opt.color, code, label),
            f.id,
            idx(&f.fr),
            idx(&f.en),
            t(&f.message),
            waived
        );
        // the words at issue, unless the message already quotes them; a credits
        // block is shown whole (the names are at its end)
        let max = if f.id.as_str().starts_with("credits-") {
            usize::MAX
        } else {
            100
        };
        for (side, text) in [("fr", &f.fr_text), ("en", &f.en_text)] {
            if !text.is_empty() && !f.message.contains(text.as_str()) {
                let _ = write!(o, "  | {side}: \"{}\"", t(&excerpt(text, max)));
            }
        }
        o.push('\n');
    }
    for w in &r.stale_waivers {
        let _ = writeln!(o, "  stale waiver: {}", t(&w.describe()));
    }
    if !r.findings.is_empty() || !r.stale_waivers.is_empty() {
        let _ = writeln!(o, "\n{}", super::PARAGRAPH_NOTE);
    }
    let c = r.counts();
    let verdict = if r.passed() {
        paint(opt.color, "32;1", "PASS")
    } else {
        paint(opt.color, "31;1", "FAIL")
    };
    let _ = writeln!(
        o,
        "\n{verdict}: {} error(s), {} warning(s), {} info, {} waived (fail-on {})",
        c.error, c.warning, c.info, c.waived, r.fail_on
    );
    o
}
