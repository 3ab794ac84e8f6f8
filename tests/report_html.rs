//! The HTML report: structure (rows, gaps, moved marks, highlighted findings, credits,
//! provenance, drift) and escaping of every piece of input text.

use wirecheck::report::html;

use crate::util::reports;

#[test]
fn rows_follow_french_order_with_omissions_where_they_fall_in_english() {
    let h = html::render(&reports::adapted_report());
    assert_eq!(
        h.matches("<tr class=\"row ").count(),
        12,
        "8 French rows + 4 omitted"
    );
    assert_eq!(h.matches("<tr class=\"row omitted\"").count(), 4);
    assert_eq!(h.matches("<tr class=\"row added\"").count(), 1);
    assert_eq!(h.matches("<tr class=\"row moved\"").count(), 1);
    // en ¶4 (omitted) sits right after the row holding en ¶3, before fr ¶3 / en ¶5
    let en3 = h.find("id=\"en-3\"").unwrap();
    let en4 = h.find("id=\"en-4\"").unwrap();
    let en5 = h.find("id=\"en-5\"").unwrap();
    assert!(en3 < en4 && en4 < en5);
    assert!(h.contains("omitted in the French") && h.contains("no English source"));
    assert!(h.contains("3 omitted") || h.contains("4 omitted paragraphs"));
}

#[test]
fn findings_are_highlighted_at_their_words_on_both_sides_with_a_text_label() {
    let h = html::render(&reports::adapted_report());
    // the number finding is F2: marked in fr ¶3 and en ¶5 with id and severity
    let fr3 = &h[h.find("id=\"fr-3\"").unwrap()..];
    let fr3 = &fr3[..fr3.find("</div>").unwrap()];
    assert!(fr3.contains("<mark class=\"error\""), "{fr3}");
    assert!(
        fr3.contains(
            ">15 %<span class=\"tag error\">F2&nbsp;error&nbsp;number-mismatch</span></mark>"
        ),
        "{fr3}"
    );
    let en5 = &h[h.find("id=\"en-5\"").unwrap()..];
    let en5 = &en5[..en5.find("</div>").unwrap()];
    assert!(
        en5.contains(
            ">16%<span class=\"tag error\">F2&nbsp;error&nbsp;number-mismatch</span></mark>"
        ),
        "{en5}"
    );
    // the message is printed next to the row, and in the findings table
    assert!(
        h.matches("number differs: &quot;15 %&quot; (fr ¶3) vs &quot;16%&quot; (en ¶5)")
            .count()
            >= 2
    );
    // a waived finding is marked as such, with its reason
    assert!(h.contains("<mark class=\"waived\""));
    assert!(h.contains("waived by Jeanne Ferre: checked with the desk"));
    // a finding with no paragraph is still listed
    assert!(h.contains("credits-translator-missing"));
}

#[test]
fn credits_datelines_provenance_and_drift_are_shown() {
    let h = html::render(&reports::adapted_report());
    assert!(h.contains("<tr><th>translator</th><td lang=\"fr\">Luc Mirot</td><td lang=\"en\"><span class=\"empty\">none</span></td></tr>"));
    assert!(
        h.contains("<th>editor</th><td lang=\"fr\">Jeanne Ferre</td><td lang=\"en\">Tom Hale</td>")
    );
    assert!(h.contains("VALMER/ORSINE, May 3 (Wirepress)"));
    assert!(h.contains("https://news.example/world/valmer-port"));
    assert!(h.contains("<del>16%</del><ins>18%</ins>"));
}

#[test]
fn self_contained_without_scripts_or_external_assets() {
    let h = html::render(&reports::adapted_report());
    let lower = h.to_lowercase();
    for bad in ["<script", "<link", "src=", "@import", "url("] {
        assert!(!lower.contains(bad), "found {bad}");
    }
    assert!(lower.contains("@media print"));
    assert!(lower.contains("content-security-policy"));
}

#[test]
fn hostile_input_never_survives_as_markup() {
    let h = html::render(&reports::hostile_report());
    let lower = h.to_lowercase();
    assert!(!lower.contains("<script"), "script tag survived");
    assert!(!lower.contains("<img"), "img tag survived");
    assert!(!lower.contains("<b>bold"), "b tag survived");
    assert_eq!(
        lower.matches("</style>").count(),
        1,
        "only the page's own style element ends"
    );
    // every tag on the page is one the renderer writes
    let allowed = [
        "!doctype", "html", "head", "meta", "title", "style", "body", "h1", "h2", "div", "span",
        "nav", "a", "table", "colgroup", "col", "thead", "tbody", "tr", "th", "td", "ul", "li",
        "mark", "b", "i", "br", "p", "del", "ins",
    ];
    let tag = regex::Regex::new(r"<(/?)([!a-zA-Z][a-zA-Z0-9]*)").unwrap();
    for c in tag.captures_iter(&h) {
        let name = c[2].to_lowercase();
        assert!(allowed.contains(&name.as_str()), "unexpected tag <{name}>");
    }
    // no attribute carries an event handler
    let quoted = regex::Regex::new(r#""[^"]*""#).unwrap();
    let handler = regex::Regex::new(r"(?i)\son[a-z]+\s*=").unwrap();
    for t in regex::Regex::new(r"<[a-zA-Z][^>]*>").unwrap().find_iter(&h) {
        let outside_values = quoted.replace_all(t.as_str(), "\"\"");
        assert!(
            !handler.is_match(&outside_values),
            "event handler attribute in {}",
            t.as_str()
        );
    }
    assert!(h.contains("&lt;script&gt;document.title=&#39;pwned&#39;&lt;/script&gt;"));
    assert!(h.contains(
        "&quot;&gt;&lt;img src=x onerror=&quot;document.title=&#39;pwned&#39;&quot;&gt;"
    ));
    // the title element holds only escaped text
    let title = &h[h.find("<title>").unwrap()..h.find("</title>").unwrap()];
    assert!(!title[7..].contains('<'));
}

#[test]
fn batch_index_escapes_and_links() {
    let rows = vec![
        html::IndexRow {
            slug: "ok".into(),
            dir: "pairs/ok".into(),
            verdict: "pass".into(),
            counts: Default::default(),
            en_source: "pairs/ok/en.txt".into(),
            error: None,
            failing: Vec::new(),
            html: Some("ok.html".into()),
            json: Some("ok.json".into()),
            csv: Some("ok.csv".into()),
        },
        html::IndexRow {
            slug: "desk-failing".into(),
            dir: "pairs/desk/failing".into(),
            verdict: "fail".into(),
            counts: wirecheck::report::Counts {
                error: 2,
                warning: 1,
                info: 0,
                waived: 1,
            },
            en_source: "https://news.example/valmer".into(),
            error: None,
            failing: vec!["number-mismatch".into()],
            html: Some("desk-failing.html".into()),
            json: Some("desk-failing.json".into()),
            csv: Some("desk-failing.csv".into()),
        },
        html::IndexRow {
            slug: "bad".into(),
            dir: format!("pairs/{}", reports::INJECT),
            verdict: "error".into(),
            counts: Default::default(),
            en_source: String::new(),
            error: Some(reports::INJECT.into()),
            failing: Vec::new(),
            html: None,
            json: None,
            csv: None,
        },
    ];
    let h = html::render_index(&rows, "2024-05-03T10:00:00Z");
    assert!(h.contains("<a href=\"ok.html\">ok</a>"));
    assert!(h.contains("could not be checked: &lt;script&gt;"));
    assert!(!h.to_lowercase().contains("<script") && !h.to_lowercase().contains("<img"));
    assert!(h.contains("INCOMPLETE"));
    assert!(h.contains("<tr class=\"fail pair\">"));
    assert!(h.contains("fails on: <code>number-mismatch</code>"));
    if let Some(p) = std::env::var_os("WIRECHECK_SAMPLE_INDEX") {
        std::fs::write(p, &h).unwrap();
    }
}

/// Writes the sample report for a look in a browser: `WIRECHECK_SAMPLE_HTML=/tmp/x.html`.
#[test]
fn write_sample_when_asked() {
    if let Some(p) = std::env::var_os("WIRECHECK_SAMPLE_HTML") {
        std::fs::write(p, html::render(&reports::adapted_report())).unwrap();
    }
}
