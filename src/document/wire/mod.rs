//! Wire formats: IPTC ninjs (News in JSON, 1.x and 2.x) and NewsML-G2 (`newsItem`,
//! or the first text `newsItem` of a `newsMessage`). An item is read into a
//! [`WireItem`] (its body and the metadata the checks care about), then laid out as the
//! paragraphs of a text dispatch by [`WireItem::into_paragraphs`]:
//!
//! - the headline from the metadata is paragraph 0 unless the body already opens with it;
//! - when no paragraph of the body opens with a dateline, the metadata's (`dateline`,
//!   else `located`) is written before the first body paragraph as the dateline the
//!   text parser reads (`PARIS - `);
//! - when the body does not end with a credits block, one is written from the metadata
//!   (`byline` / `by`, the credited people, a `creditline` that reads as credits) in the
//!   item's language, bracketed like a text credits line.
//!
//! Those written parts go through the same parsers and checks as a text's own, and the
//! report lists each of them in `wire.from_metadata` (paragraph, part, field), so that
//! nobody takes them for words of the body.

pub mod newsml;
pub mod ninjs;

use serde::Serialize;

use crate::credits::{self, Role};
use crate::lang::{stopwords, Lang};

use super::dateline;

/// A wire format wirecheck reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum WireFormat {
    #[serde(rename = "ninjs")]
    Ninjs,
    #[serde(rename = "newsml-g2")]
    NewsMl,
}

impl WireFormat {
    pub fn as_str(self) -> &'static str {
        match self {
            WireFormat::Ninjs => "ninjs",
            WireFormat::NewsMl => "newsml-g2",
        }
    }
}

/// The body of an item as it carries it.
#[derive(Debug, Clone, PartialEq)]
pub enum Body {
    /// HTML or XHTML markup (ninjs `body_html`, a `text/html` body).
    Html(String),
    /// Plain text, paragraphs between blank lines (ninjs `body_text`, `inlineData`).
    Text(String),
    /// Block texts already cut (the `<p>` of a NewsML-G2 `inlineXML`).
    Blocks(Vec<String>),
}

/// A person credited by structured metadata (a NewsML-G2 `creator` / `contributor`,
/// a ninjs person whose `rel` is a credits role).
#[derive(Debug, Clone, PartialEq)]
pub struct MetaCredit {
    pub role: Role,
    pub name: String,
}

/// One item, read.
#[derive(Debug, Clone, PartialEq)]
pub struct WireItem {
    pub format: WireFormat,
    /// The version of the standard (`standard.version`, `standardversion`).
    pub version: Option<String>,
    /// ninjs `uri`, NewsML-G2 `guid`.
    pub uri: Option<String>,
    /// ninjs `versioncreated`, NewsML-G2 `itemMeta/versionCreated`.
    pub version_created: Option<String>,
    /// BCP 47 tag (`language`, `contentMeta/language/@tag`, `xml:lang`).
    pub language: Option<String>,
    pub headline: Option<String>,
    /// The field the headline came from (`headline`, `headlines`, `hl1`).
    pub headline_from: &'static str,
    pub body: Body,
    /// The byline as written (ninjs `byline` / `by`, NewsML-G2 `by`, NITF `byline`).
    pub byline: Option<String>,
    /// The field the byline came from (`byline`, `by`).
    pub byline_from: &'static str,
    pub creditline: Option<String>,
    pub credits: Vec<MetaCredit>,
    /// The place the story was filed from (`located`).
    pub located: Option<String>,
    /// The dateline as written (NewsML-G2 `dateline`, NITF `dateline`).
    pub dateline: Option<String>,
}

/// A part of the paragraphs that the metadata gave, not the body.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FromMetadata {
    pub paragraph: usize,
    /// `headline`, `dateline` or `credits`.
    pub part: &'static str,
    /// The field it came from: `headline`, `located`, `by`, `creator`, …
    pub field: String,
}

/// What a report says about a wire item (contract: `fr.wire` / `en.wire`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct WireInfo {
    pub format: WireFormat,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uri: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub versioncreated: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub language: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub from_metadata: Vec<FromMetadata>,
}

/// The wire format `text` is in, by its content: a JSON object with ninjs keys
/// (ninjs), or XML whose root element is `newsItem` or `newsMessage` (NewsML-G2).
/// `None` for anything else (text that merely starts with `{` or `[` included).
pub fn sniff(text: &str) -> Option<WireFormat> {
    let t = text.trim_start_matches('\u{feff}').trim_start();
    if t.starts_with('{') && ninjs::looks_like_item(t) {
        return Some(WireFormat::Ninjs);
    }
    match newsml::root_name(t) {
        Some(n) if newsml::is_g2_root(&n) => Some(WireFormat::NewsMl),
        _ => None,
    }
}

/// Read `text` as an item of `format`. The error is one line naming what is wrong
/// (the caller puts the file name in front).
pub fn parse(text: &str, format: WireFormat) -> Result<WireItem, String> {
    let text = text.trim_start_matches('\u{feff}');
    match format {
        WireFormat::Ninjs => ninjs::parse(text),
        WireFormat::NewsMl => newsml::parse(text),
    }
}

/// Collapse runs of white space into single spaces and trim.
pub(crate) fn clean(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A credits role from a role code or relation (`crol:author`, `ctrol:editor`,
/// `…/creatorrole/translator`, `author`): the last segment's words. `None` for roles
/// that are no credit of the text (photographer, subject, …).
pub(crate) fn role_from_code(code: &str) -> Option<Role> {
    let c = code.to_ascii_lowercase();
    let last = c.rsplit([':', '/', '#']).next().unwrap_or(&c);
    if last.contains("translat") {
        Some(Role::Translator)
    } else if last.contains("additional") || last.contains("contribut") {
        Some(Role::AdditionalReporter)
    } else if last.contains("edit") || last.contains("subedit") {
        Some(Role::Editor)
    } else if last.contains("writ") || last.contains("rewrite") {
        Some(Role::Writer)
    } else if [
        "author",
        "report",
        "correspondent",
        "journalist",
        "byline",
        "creator",
    ]
    .iter()
    .any(|w| last.contains(w))
    {
        Some(Role::Reporter)
    } else {
        None
    }
}

/// The language of the item: its tag, else the body's stop words.
fn item_lang(tag: Option<&str>, paragraphs: &[String]) -> Lang {
    match tag.map(|t| t.trim().to_ascii_lowercase()) {
        Some(t) if t.starts_with("fr") => return Lang::Fr,
        Some(t) if t.starts_with("en") => return Lang::En,
        _ => {}
    }
    let (mut fr, mut en) = (0usize, 0usize);
    for p in paragraphs.iter().take(12) {
        for w in p
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| !w.is_empty())
        {
            let w = w.to_lowercase();
            fr += usize::from(stopwords::stopwords(Lang::Fr).contains(&w));
            en += usize::from(stopwords::stopwords(Lang::En).contains(&w));
        }
    }
    if fr > en {
        Lang::Fr
    } else {
        Lang::En
    }
}

/// How a credits role is written in each language (labels of `credits/roles.tsv`).
fn role_label(role: Role, lang: Lang) -> Option<&'static str> {
    Some(match (lang, role) {
        (Lang::Fr, Role::Reporter) => "Reportage",
        (Lang::Fr, Role::AdditionalReporter) => "avec",
        (Lang::Fr, Role::Writer) => "Rédigé par",
        (Lang::Fr, Role::Editor) => "Édité par",
        (Lang::Fr, Role::Translator) => "Version française",
        (_, Role::Reporter) => "Reporting by",
        (_, Role::AdditionalReporter) => "Additional reporting by",
        (_, Role::Writer) => "Writing by",
        (_, Role::Editor) => "Editing by",
        (_, Role::Translator) => "Translated by",
        (_, Role::Other) => return None,
    })
}

/// A byline as a credits part: `By A` / `Par A` is the reporter's label of the
/// language; a byline that already has a label is kept as written.
fn byline_part(byline: &str, lang: Lang) -> String {
    let b = clean(byline.trim().trim_start_matches('(').trim_end_matches(')'));
    for by in ["by ", "par "] {
        if b.len() > by.len() && b.as_bytes()[..by.len()].eq_ignore_ascii_case(by.as_bytes()) {
            let label = role_label(Role::Reporter, lang).unwrap_or("Reporting by");
            return format!("{label} {}", b.get(by.len()..).unwrap_or("").trim());
        }
    }
    b
}

impl WireItem {
    /// The body cut into paragraphs (before any metadata is laid out).
    fn body_paragraphs(&self) -> Vec<String> {
        match &self.body {
            Body::Html(h) => super::extract::extract_article(h).paragraphs,
            Body::Text(t) => super::split_paragraphs(t),
            Body::Blocks(b) => b
                .iter()
                .map(|s| clean(s))
                .filter(|s| !s.is_empty())
                .collect(),
        }
    }

    /// The paragraphs of the item as a text dispatch would have them, and what the
    /// report records about it. `Err` when the body has no text.
    pub fn into_paragraphs(self) -> Result<(Vec<String>, WireInfo), String> {
        let mut paras = self.body_paragraphs();
        if paras.is_empty() {
            return Err(format!("{} item body has no text", self.format.as_str()));
        }
        let lang = item_lang(self.language.as_deref(), &paras);
        let mut from = Vec::new();
        // headline
        let mut first_body = 0;
        if let Some(h) = self
            .headline
            .as_deref()
            .map(clean)
            .filter(|h| !h.is_empty())
        {
            if paras.first().is_some_and(|p| p.eq_ignore_ascii_case(&h)) {
                first_body = 1;
            } else {
                paras.insert(0, h);
                first_body = 1;
                from.push(FromMetadata {
                    paragraph: 0,
                    part: "headline",
                    field: self.headline_from.into(),
                });
            }
        }
        // dateline
        let has_dateline = paras
            .iter()
            .take(4)
            .enumerate()
            .any(|(i, p)| dateline::parse(p, lang, i).is_some());
        if !has_dateline && first_body < paras.len() {
            if let Some((prefix, field)) = self.dateline_prefix(lang) {
                let p = &mut paras[first_body];
                *p = format!("{prefix}{p}");
                from.push(FromMetadata {
                    paragraph: first_body,
                    part: "dateline",
                    field: field.into(),
                });
            }
        }
        // credits
        let last = paras.len() - 1;
        let has_credits = last > 0 && credits::parse_block(&paras[last], lang, last).is_some();
        if !has_credits {
            if let Some((block, fields)) = self.credits_block(lang) {
                if credits::parse_block(&block, lang, paras.len()).is_some() {
                    from.push(FromMetadata {
                        paragraph: paras.len(),
                        part: "credits",
                        field: fields.join("+"),
                    });
                    paras.push(block);
                }
            }
        }
        let info = WireInfo {
            format: self.format,
            version: self.version,
            uri: self.uri,
            versioncreated: self.version_created,
            language: self.language,
            from_metadata: from,
        };
        Ok((paras, info))
    }

    /// The dateline prefix the metadata gives (`PARIS, 3 mars (Reuters) - `), checked
    /// to read as one.
    fn dateline_prefix(&self, lang: Lang) -> Option<(String, &'static str)> {
        let reads = |prefix: &str| dateline::parse(&format!("{prefix}x"), lang, 0).is_some();
        if let Some(d) = self
            .dateline
            .as_deref()
            .map(clean)
            .filter(|d| !d.is_empty())
        {
            let d = d.trim_end_matches(['-', '–', '—']).trim_end().to_string();
            let as_is = format!("{d} - ");
            if reads(&as_is) {
                return Some((as_is, "dateline"));
            }
            // `Paris, 3 mars`: the city written in capitals, as a dateline has it
            let (city, rest) = d.split_once(',').map_or((d.as_str(), ""), |(c, r)| (c, r));
            let upper = if rest.is_empty() {
                format!("{} - ", city.trim().to_uppercase())
            } else {
                format!("{},{rest} - ", city.trim().to_uppercase())
            };
            if reads(&upper) {
                return Some((upper, "dateline"));
            }
        }
        let located = self
            .located
            .as_deref()
            .map(clean)
            .filter(|l| !l.is_empty())?;
        // `New York, NY`: the city is the part before the comma
        let city = located
            .split(',')
            .next()
            .unwrap_or(&located)
            .trim()
            .to_uppercase();
        let prefix = format!("{city} - ");
        reads(&prefix).then_some((prefix, "located"))
    }

    /// A credits paragraph from the metadata, and the fields it used.
    fn credits_block(&self, lang: Lang) -> Option<(String, Vec<&'static str>)> {
        let mut parts: Vec<String> = Vec::new();
        let mut fields = Vec::new();
        let by_field = self.byline_from;
        if let Some(b) = self.byline.as_deref().filter(|b| !b.trim().is_empty()) {
            parts.push(byline_part(b, lang));
            fields.push(by_field);
        }
        let said = parts.join("; ").to_lowercase();
        let conj = if lang == Lang::Fr { " et " } else { " and " };
        let mut structured = false;
        for role in Role::ALL {
            let names: Vec<&str> = self
                .credits
                .iter()
                .filter(|c| c.role == role && !said.contains(&c.name.to_lowercase()))
                .map(|c| c.name.as_str())
                .collect();
            let Some(label) = role_label(role, lang) else {
                continue;
            };
            if names.is_empty() {
                continue;
            }
            parts.push(format!("{label} {}", names.join(conj)));
            structured = true;
        }
        if structured {
            fields.push(match self.format {
                WireFormat::Ninjs => "people",
                WireFormat::NewsMl => "creator+contributor",
            });
        }
        if let Some(c) = self
            .creditline
            .as_deref()
            .map(clean)
            .filter(|c| !c.is_empty())
        {
            // a credit line that reads as credits (not just `Reuters`)
            let inner = c.trim_start_matches('(').trim_end_matches(')').to_string();
            let block = format!("({inner})");
            if credits::parse_block(&block, lang, 0).is_some_and(|b| !b.entries.is_empty())
                && !said.contains(&inner.to_lowercase())
            {
                parts.push(inner);
                fields.push("creditline");
            }
        }
        if parts.is_empty() {
            return None;
        }
        Some((format!("({})", parts.join("; ")), fields))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn sniff_reads_ninjs_only_for_a_json_object_with_ninjs_keys() {
        use super::{sniff, WireFormat};
        assert_eq!(
            sniff(r#" {"uri": "urn:x", "body_text": "Bonjour"}"#),
            Some(WireFormat::Ninjs)
        );
        assert_eq!(sniff("{MISE À JOUR} Le ferry reprend la mer."), None);
        assert_eq!(sniff(r#"{"title": "x"}"#), None);
        assert_eq!(sniff(r#"[{"uri": "urn:x"}]"#), None);
    }

    use super::*;

    fn item(body: Body) -> WireItem {
        WireItem {
            format: WireFormat::Ninjs,
            version: None,
            uri: Some("urn:x".into()),
            version_created: None,
            language: Some("en".into()),
            headline: None,
            headline_from: "headline",
            body,
            byline: None,
            byline_from: "byline",
            creditline: None,
            credits: Vec::new(),
            located: None,
            dateline: None,
        }
    }

    #[test]
    fn sniffs_by_content() {
        assert_eq!(sniff("  {\"uri\": \"x\"}"), Some(WireFormat::Ninjs));
        assert_eq!(
            sniff("<?xml version=\"1.0\"?>\n<!-- c --><newsItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\"/>"),
            Some(WireFormat::NewsMl)
        );
        assert_eq!(
            sniff("<nar:newsMessage xmlns:nar=\"x\"/>"),
            Some(WireFormat::NewsMl)
        );
        assert_eq!(sniff("<html><body><p>x</p></body></html>"), None);
        assert_eq!(sniff("PARIS - Hello"), None);
    }

    #[test]
    fn roles_from_codes() {
        assert_eq!(role_from_code("crol:author"), Some(Role::Reporter));
        assert_eq!(role_from_code("ctrol:editor"), Some(Role::Editor));
        assert_eq!(
            role_from_code("http://cv.example/role/translator"),
            Some(Role::Translator)
        );
        assert_eq!(role_from_code("photographer"), None);
        assert_eq!(role_from_code("subject"), None);
    }

    #[test]
    fn metadata_headline_dateline_and_credits_are_laid_out_and_recorded() {
        let mut it = item(Body::Text(
            "Prices rose on Monday.\n\nThey fell later.".into(),
        ));
        it.headline = Some("Prices  rise".into());
        it.located = Some("Lyon, Rhône".into());
        it.byline = Some("By Ann Vole".into());
        it.credits = vec![MetaCredit {
            role: Role::Editor,
            name: "Tom Reed".into(),
        }];
        let (p, info) = it.into_paragraphs().unwrap();
        assert_eq!(
            p,
            vec![
                "Prices rise",
                "LYON - Prices rose on Monday.",
                "They fell later.",
                "(Reporting by Ann Vole; Editing by Tom Reed)"
            ]
        );
        let parts: Vec<(usize, &str, &str)> = info
            .from_metadata
            .iter()
            .map(|f| (f.paragraph, f.part, f.field.as_str()))
            .collect();
        assert_eq!(
            parts,
            vec![
                (0, "headline", "headline"),
                (1, "dateline", "located"),
                (3, "credits", "byline+people")
            ]
        );
    }

    #[test]
    fn body_credits_and_dateline_win_over_metadata() {
        let mut it = item(Body::Text(
            "Title\n\nLYON, May 2 (Wirepress) - Text.\n\n(Reporting by Ann Vole)".into(),
        ));
        it.headline = Some("Title".into());
        it.located = Some("Paris".into());
        it.byline = Some("By Bob Other".into());
        let (p, info) = it.into_paragraphs().unwrap();
        assert_eq!(p.len(), 3);
        assert!(info.from_metadata.is_empty());
    }

    #[test]
    fn french_item_credits_use_french_labels() {
        let mut it = item(Body::Text(
            "Les prix ont augmenté lundi et la hausse est forte.".into(),
        ));
        it.language = None;
        it.byline = Some("Par Ann Vole".into());
        it.credits = vec![MetaCredit {
            role: Role::Translator,
            name: "Luc Mirot".into(),
        }];
        it.dateline = Some("Paris, 3 mai (Wirepress)".into());
        let (p, _) = it.into_paragraphs().unwrap();
        assert_eq!(
            p[0],
            "PARIS, 3 mai (Wirepress) - Les prix ont augmenté lundi et la hausse est forte."
        );
        assert_eq!(p[1], "(Reportage Ann Vole; Version française Luc Mirot)");
        let b = credits::parse_block(&p[1], Lang::Fr, 1).unwrap();
        assert_eq!(b.entries.len(), 2);
        assert!(b.unparsed.is_empty(), "{:?}", b.unparsed);
    }

    #[test]
    fn empty_body_is_an_error() {
        let e = item(Body::Blocks(vec![" ".into()]))
            .into_paragraphs()
            .unwrap_err();
        assert_eq!(e, "ninjs item body has no text");
    }
}
