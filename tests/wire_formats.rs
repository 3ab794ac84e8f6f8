//! Wire formats in: IPTC ninjs (1.x, 2.x) and NewsML-G2 items on either side, in pair
//! folders (`fr.json`, `en.xml`), with `--fr`/`--en`, in `batch`, mixed with text;
//! credits and datelines from the metadata checked like a text's; the item's `uri` and
//! `versioncreated` in the report; malformed items are exit 2 with one line. The
//! sample items are invented, laid out after the public IPTC specifications.

use std::path::Path;

use serde_json::Value;

use crate::util::{self, check_files, indices, stderr_line, TempPair};

/// A ninjs 2.x French item: the body has neither dateline nor credits line, the
/// metadata give them (`located`, `by`, `people`).
fn ninjs2_fr(by: &str, located: &str) -> String {
    serde_json::json!({
        "uri": "urn:example:wire:fr:ferry-1",
        "standard": {"name": "ninjs", "version": "2.0"},
        "versioncreated": "2031-05-02T09:30:00Z",
        "language": "fr",
        "headlines": [{"role": "main", "value": "Le ferry de l'île de Sein reprend la mer après trois semaines"}],
        "bodies": [{"role": "main", "contenttype": "text/html", "value":
            "<p>Le ferry qui relie Brest à l'île de Sein a repris son service jeudi après trois semaines d'arrêt pour réparer son moteur, a annoncé l'armateur.</p>\
             <p>Quelque 400 passagers ont embarqué pour la première traversée, a précisé la compagnie.</p>"}],
        "by": by,
        "located": located,
        "people": [
            {"name": "Yann Kervella", "rel": "subject"},
            {"name": "Luc Mirot", "rel": "translator"},
            {"name": "Tom Reed", "rel": "editor"}
        ]
    })
    .to_string()
}

/// A ninjs 1.x English item with `body_text` and `byline`.
fn ninjs1_en() -> String {
    serde_json::json!({
        "uri": "urn:example:wire:en:ferry-1",
        "versioncreated": "2031-05-02T08:00:00Z",
        "language": "en",
        "headline": "Sein island ferry sails again after three weeks",
        "byline": "Reporting by Ann Vole in Brest; Editing by Tom Reed",
        "located": "Brest",
        "body_text": "The ferry linking Brest to the island of Sein resumed service on Thursday after a three-week halt to repair its engine, the operator said.\n\nSome 400 passengers boarded for the first crossing, the company said."
    })
    .to_string()
}

/// A NewsML-G2 English item, XHTML body, credits in `creator`/`contributor`, the
/// reporter's location in `by`.
fn newsml_en(located: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:example:wire:en:ferry-1" version="2"
    standard="NewsML-G2" standardversion="2.30" xml:lang="en">
  <itemMeta><itemClass qcode="ninat:text"/><versionCreated>2031-05-02T08:00:00Z</versionCreated></itemMeta>
  <contentMeta>
    <located><name>{located}</name></located>
    <creator role="crol:author"><name>Ann Vole</name></creator>
    <contributor role="ctrol:editor"><name>Tom Reed</name></contributor>
    <language tag="en"/>
    <headline>Sein island ferry sails again after three weeks</headline>
    <by>Reporting by Ann Vole in Brest</by>
  </contentMeta>
  <contentSet>
    <inlineXML contenttype="application/xhtml+xml">
      <html xmlns="http://www.w3.org/1999/xhtml"><body>
        <p>The ferry linking Brest to the island of Sein resumed service on Thursday after a three-week halt to repair its engine, the operator said.</p>
        <p>Some 400 passengers boarded for the first crossing, the company said.</p>
      </body></html>
    </inlineXML>
  </contentSet>
</newsItem>"#
    )
}

/// The French as a text dispatch, dateline and credits in the body.
const FR_TXT: &str = "Le ferry de l'île de Sein reprend la mer après trois semaines\n\n\
BREST (Wirepress) - Le ferry qui relie Brest à l'île de Sein a repris son service jeudi après trois semaines d'arrêt pour réparer son moteur, a annoncé l'armateur.\n\n\
Quelque 400 passagers ont embarqué pour la première traversée, a précisé la compagnie.\n\n\
(Reportage Ann Vole à Brest; version française Luc Mirot, édité par Tom Reed)\n";

const FR_BY: &str = "Reportage Ann Vole à Brest";

fn pair(files: &[(&str, &str)]) -> TempPair {
    let p = TempPair::empty();
    for (name, text) in files {
        p.write(name, text);
    }
    p
}

fn ids(r: &Value) -> Vec<String> {
    r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] != "info")
        .map(|f| f["id"].as_str().unwrap().to_string())
        .collect()
}

fn fails(pair: &TempPair, fr: &str, en: &str) -> String {
    let o = util::run([
        "check".as_ref(),
        "--fr".as_ref(),
        pair.file(fr).as_os_str(),
        "--en".as_ref(),
        pair.file(en).as_os_str(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{o:?}");
    assert!(o.stdout.is_empty());
    stderr_line(&o)
}

#[test]
fn pair_folder_with_ninjs_and_newsml_passes_and_records_the_items() {
    let p = pair(&[
        ("fr.json", &ninjs2_fr(FR_BY, "Brest")),
        ("en.xml", &newsml_en("Brest")),
    ]);
    let c = p.check(&[]);
    assert_eq!(
        ids(&c.report),
        Vec::<String>::new(),
        "{:#}",
        c.report["findings"]
    );
    assert_eq!(c.code, 0);
    let (fr, en) = (&c.report["fr"], &c.report["en"]);
    assert!(fr["source"].as_str().unwrap().ends_with("fr.json"));
    assert_eq!(fr["wire"]["format"], "ninjs");
    assert_eq!(fr["wire"]["version"], "2.0");
    assert_eq!(fr["wire"]["uri"], "urn:example:wire:fr:ferry-1");
    assert_eq!(fr["wire"]["versioncreated"], "2031-05-02T09:30:00Z");
    assert_eq!(en["wire"]["format"], "newsml-g2");
    assert_eq!(en["wire"]["uri"], "urn:example:wire:en:ferry-1");
    assert_eq!(en["wire"]["versioncreated"], "2031-05-02T08:00:00Z");
    // headline, dateline and credits came from the metadata, and the report says so
    let parts: Vec<(u64, &str, &str)> = fr["wire"]["from_metadata"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["paragraph"].as_u64().unwrap(),
                f["part"].as_str().unwrap(),
                f["field"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        parts,
        vec![
            (0, "headline", "headlines"),
            (1, "dateline", "located"),
            (3, "credits", "by+people")
        ]
    );
    assert_eq!(fr["dateline"]["cities"][0], "BREST");
    assert_eq!(en["dateline"]["cities"][0], "BREST");
    let roles: Vec<&str> = c.report["credits"]["fr"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["role"].as_str().unwrap())
        .collect();
    assert_eq!(roles, vec!["reporter", "translator", "editor"]);
    // the subject of the story is no credit
    assert!(!c.report["credits"].to_string().contains("Kervella"));
    // the text report names the items
    let dir = p.file("fr.json");
    let o = util::run(["check".as_ref(), dir.parent().unwrap().as_os_str()]);
    let text = String::from_utf8_lossy(&o.stdout);
    assert!(text.contains("fr is a ninjs item urn:example:wire:fr:ferry-1, version created 2031-05-02T09:30:00Z; from its metadata: ¶0 headline (headlines), ¶1 dateline (located), ¶3 credits (by+people)"), "{text}");
}

#[test]
fn ninjs_1_english_and_text_french_mixed() {
    let p = pair(&[("fr.txt", FR_TXT), ("en.json", &ninjs1_en())]);
    let c = check_files(&p.file("fr.txt"), &p.file("en.json"), &[]);
    assert_eq!(
        ids(&c.report),
        Vec::<String>::new(),
        "{:#}",
        c.report["findings"]
    );
    assert!(c.report["fr"].get("wire").is_none());
    assert_eq!(c.report["en"]["wire"]["format"], "ninjs");
    assert!(c.report["en"]["wire"].get("version").is_none());
    // the English body had no credits line: the byline gave it, with its location
    let en = &c.report["credits"]["en"][0];
    assert_eq!(
        (&en["role"], &en["name"], &en["location"]),
        (&"reporter".into(), &"Ann Vole".into(), &"Brest".into()),
        "{en}"
    );
    assert_eq!(c.code, 0);
}

#[test]
fn a_wrong_reporter_location_in_the_metadata_fires_the_credits_check() {
    let p = pair(&[
        (
            "fr.json",
            &ninjs2_fr("Reportage Ann Vole à Quimper", "Brest"),
        ),
        ("en.xml", &newsml_en("Brest")),
    ]);
    let c = p.check(&[]);
    let f = c.findings("credits-location-mismatch");
    assert_eq!(f.len(), 1, "{:#}", c.report["findings"]);
    assert_eq!(indices(&f[0]["fr"]), vec![3]);
    assert!(f[0]["message"].as_str().unwrap().contains("Quimper"));
    // and the same location written in a text credits line fires the same way
    let t = FR_TXT.replace("Ann Vole à Brest", "Ann Vole à Quimper");
    let p2 = pair(&[("fr.txt", &t), ("en.xml", &newsml_en("Brest"))]);
    assert_eq!(p2.check(&[]).findings("credits-location-mismatch").len(), 1);
}

#[test]
fn a_wrong_dateline_in_the_metadata_fires_and_a_located_one_needs_no_agency_tag() {
    // en as text with an agency tag; fr's dateline from `located` is not said to drop it
    let en = "Sein island ferry sails again after three weeks\n\n\
BREST, May 2 (Wirepress) - The ferry linking Brest to the island of Sein resumed service on Thursday after a three-week halt to repair its engine, the operator said.\n\n\
Some 400 passengers boarded for the first crossing, the company said.\n\n\
(Reporting by Ann Vole in Brest; Editing by Tom Reed)\n";
    let good = pair(&[("fr.json", &ninjs2_fr(FR_BY, "Brest")), ("en.txt", en)]);
    let c = good.check(&[]);
    assert_eq!(
        ids(&c.report),
        Vec::<String>::new(),
        "{:#}",
        c.report["findings"]
    );
    let bad = pair(&[("fr.json", &ninjs2_fr(FR_BY, "Quimper")), ("en.txt", en)]);
    let c = bad.check(&[]);
    let f = c.findings("dateline-mismatch");
    assert_eq!(f.len(), 1, "{:#}", c.report["findings"]);
    assert_eq!(c.code, 1);
}

#[test]
fn newsml_dateline_element_is_the_dateline_and_an_agency_tag_it_lacks_is_flagged() {
    let en = newsml_en("Brest").replace(
        "<headline>",
        "<dateline>Brest, May 2 (Wirepress)</dateline><headline>",
    );
    let fr = newsml_en("Brest")
        .replace("xml:lang=\"en\"", "xml:lang=\"fr\"")
        .replace(
            "<language tag=\"en\"/>",
            "<language tag=\"fr\"/><dateline>Brest</dateline>",
        );
    let p = pair(&[("en.xml", &en), ("fr.xml", &fr)]);
    let c = p.check(&[]);
    assert_eq!(c.report["en"]["dateline"]["agency"], "Wirepress");
    assert_eq!(c.report["en"]["dateline"]["date"], "May 2");
    assert_eq!(
        c.findings("agency-tag-missing").len(),
        1,
        "{:#}",
        c.report["findings"]
    );
}

#[test]
fn format_is_detected_by_content_whatever_the_extension() {
    let p = pair(&[
        ("fr.txt", &ninjs2_fr(FR_BY, "Brest")),
        ("en.json", &newsml_en("Brest")),
    ]);
    let c = check_files(&p.file("fr.txt"), &p.file("en.json"), &[]);
    assert_eq!(c.report["fr"]["wire"]["format"], "ninjs");
    assert_eq!(c.report["en"]["wire"]["format"], "newsml-g2");
    assert_eq!(c.code, 0, "{:#}", c.report["findings"]);
    // and a `.json` holding plain text is text
    let t = pair(&[("fr.json", FR_TXT), ("en.xml", &newsml_en("Brest"))]);
    let c = t.check(&[]);
    assert!(c.report["fr"].get("wire").is_none());
    assert_eq!(c.code, 0, "{:#}", c.report["findings"]);
}

#[test]
fn malformed_items_are_exit_2_with_one_line_naming_the_problem() {
    let p = pair(&[
        ("en.xml", &newsml_en("Brest")),
        ("nobody.json", r#"{"uri": "urn:x", "headline": "Sans corps"}"#),
        ("cut.json", r#"{"uri": "urn:x", "body_text": "#),
        ("typed.json", r#"{"uri": "urn:x", "body_text": ["a"]}"#),
        ("rss.xml", "<rss version=\"2.0\"><channel/></rss>"),
        ("nocontent.xml", "<newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"x\"><contentMeta/></newsItem>"),
        ("broken.xml", "<newsItem><contentSet><inlineXML></contentSet></newsItem>"),
        ("emptybody.json", r#"{"uri": "urn:x", "body_html": "<p> </p>"}"#),
    ]);
    let cases = [
        (
            "nobody.json",
            "nobody.json: ninjs item has no body_html or body_text (nor bodies)",
        ),
        ("cut.json", "cut.json: not valid JSON: "),
        (
            "typed.json",
            "typed.json: ninjs `body_text` is an array, not a string",
        ),
        (
            "rss.xml",
            "rss.xml: XML root is <rss>, not a NewsML-G2 newsItem or newsMessage",
        ),
        (
            "nocontent.xml",
            "nocontent.xml: NewsML-G2 newsItem has no contentSet",
        ),
        ("broken.xml", "broken.xml: not well-formed XML: "),
        (
            "emptybody.json",
            "emptybody.json: ninjs item body has no text",
        ),
    ];
    for (file, want) in cases {
        let line = fails(&p, file, "en.xml");
        assert!(
            line.starts_with("error: ") && line.contains(want),
            "{file}: {line}"
        );
    }
    // on the English side too
    let line = fails(&p, "nobody.json", "nocontent.xml");
    assert!(line.contains("nobody.json"), "{line}");
}

#[test]
fn batch_checks_wire_pair_folders() {
    let root = TempPair::empty();
    root.write("a/fr.json", ninjs2_fr(FR_BY, "Brest"));
    root.write("a/en.xml", newsml_en("Brest"));
    root.write(
        "b/fr.json",
        ninjs2_fr("Reportage Ann Vole à Quimper", "Brest"),
    );
    root.write("b/en.json", ninjs1_en());
    let reports = root.file("reports");
    let o = util::run([
        "batch".as_ref(),
        root.file("a").parent().unwrap().as_os_str(),
        "--report-dir".as_ref(),
        reports.as_os_str(),
        "-q".as_ref(),
    ]);
    let summary = std::fs::read_to_string(reports.join("summary.csv")).unwrap();
    assert!(
        summary
            .lines()
            .any(|l| l.starts_with("a,") && l.contains(",pass,")),
        "{summary}\n{o:?}"
    );
    assert!(
        summary
            .lines()
            .any(|l| l.starts_with("b,") && l.contains(",fail,")),
        "{summary}"
    );
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn the_library_entry_point_loads_what_the_file_loader_loads() {
    use wirecheck::document::Format;
    use wirecheck::source::{load_path, load_side_from_str};
    let p = pair(&[
        ("fr.json", &ninjs2_fr(FR_BY, "Brest")),
        ("en.xml", &newsml_en("Brest")),
    ]);
    for (name, hint) in [("fr.json", Format::Ninjs), ("en.xml", Format::NewsMl)] {
        let path = p.file(name);
        let from_file = load_path(&path).unwrap();
        let text = std::fs::read_to_string(&path).unwrap();
        let shown = path.display().to_string();
        for h in [Some(hint), None, Some(Format::Text)] {
            let from_str = load_side_from_str(&shown, &text, h).unwrap();
            assert_eq!(from_str.document.paragraphs, from_file.document.paragraphs);
            assert_eq!(from_str.document.sha256, from_file.document.sha256);
            assert_eq!(from_str.document.wire, from_file.document.wire);
        }
    }
    let e = load_side_from_str(
        "fr",
        r#"{"uri": "u", "headline": "h"}"#,
        Some(Format::Ninjs),
    )
    .unwrap_err();
    assert_eq!(
        e.to_string(),
        "fr: ninjs item has no body_html or body_text (nor bodies)"
    );
    assert!(Path::new(&p.file("fr.json")).is_file());
}

#[test]
fn an_english_item_fetched_by_url_is_read_as_the_item_it_is() {
    use crate::util::server::{Response, Server};
    let item = newsml_en("Brest");
    let srv =
        Server::start(move |_| Response::ok("application/vnd.iptc.g2.newsitem+xml", item.clone()));
    let p = pair(&[
        ("fr.json", &ninjs2_fr(FR_BY, "Brest")),
        // the test server is on loopback, which a fetch refuses unless allowed
        (
            "wirecheck.toml",
            "[fetch]\nallow-private = [\"127.0.0.1\"]\n",
        ),
    ]);
    let cache = p.file("cache");
    let url = srv.url("/items/ferry");
    let c = check_files(
        &p.file("fr.json"),
        Path::new(&url),
        &["--cache-dir", cache.to_str().unwrap()],
    );
    assert_eq!(c.report["en"]["provenance"]["extraction"], "newsml-g2");
    assert_eq!(c.report["en"]["provenance"]["url"], url.as_str());
    assert_eq!(c.report["en"]["wire"]["uri"], "urn:example:wire:en:ferry-1");
    assert_eq!(c.code, 0, "{:#}", c.report["findings"]);
}

/// Content detection reads ninjs only when the content is a JSON object with ninjs
/// keys: a `.txt` whose text starts with `{` or `[` is text; a `.json` that is not
/// valid JSON still gets its one-line reason (exit 2).
#[test]
fn text_that_starts_with_a_brace_is_text_not_ninjs() {
    for lead in ["{MISE À JOUR} ", "[Exclusif] ", "{\"x\": 1} "] {
        let fr = format!("{lead}{FR_TXT}");
        let p = pair(&[("fr.txt", &fr), ("en.xml", &newsml_en("Brest"))]);
        let c = check_files(&p.file("fr.txt"), &p.file("en.xml"), &[]);
        assert!(c.report["fr"].get("wire").is_none(), "{lead}");
        assert_ne!(c.code, 2, "{lead}");
    }
    // a real ninjs item in a `.txt` is still ninjs (by content)
    let p = pair(&[
        ("fr.txt", &ninjs2_fr(FR_BY, "Brest")),
        ("en.xml", &newsml_en("Brest")),
    ]);
    let c = check_files(&p.file("fr.txt"), &p.file("en.xml"), &[]);
    assert_eq!(c.report["fr"]["wire"]["format"], "ninjs");
    // a `.json` that is not JSON, or JSON but no item: exit 2 with the reason
    let p = pair(&[
        ("en.xml", &newsml_en("Brest")),
        ("plain.json", "{MISE À JOUR} Le ferry reprend la mer."),
        ("other.json", r#"{"title": "Le ferry"}"#),
    ]);
    let line = fails(&p, "plain.json", "en.xml");
    assert!(line.contains("plain.json: not valid JSON"), "{line}");
    let line = fails(&p, "other.json", "en.xml");
    assert!(
        line.contains("other.json: a JSON object but not a ninjs item"),
        "{line}"
    );
}
