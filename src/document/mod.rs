//! The dispatch model: a loaded text split into paragraphs (contract rules), then
//! parsed into headline, dateline, body paragraphs with their quotations, and the
//! credits block.

pub mod controls;
pub mod dateline;
pub mod extract;
pub mod html_parse;
pub mod quotes;
pub mod wire;

use std::sync::OnceLock;

use serde::Serialize;

use crate::credits::{self, CreditsBlock};
use crate::lang::dates::{self, DateMention, DatePart};
use crate::lang::numbers::{self, Quantity};
use crate::lang::Lang;
pub use dateline::Dateline;
pub use quotes::Quote;

/// Input format of a loaded text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Html,
    /// An IPTC ninjs item (JSON).
    Ninjs,
    /// A NewsML-G2 news item (XML).
    #[serde(rename = "newsml-g2")]
    NewsMl,
}

impl Format {
    /// Format from a file name; anything that is not `.md`/`.html`/`.htm`/`.json`/`.xml`
    /// is text. (The loader also looks at the content: see `source::load_side_from_str`.)
    pub fn from_name(name: &str) -> Format {
        let lower = name.to_ascii_lowercase();
        if lower.ends_with(".json") {
            Format::Ninjs
        } else if lower.ends_with(".xml") {
            Format::NewsMl
        } else if lower.ends_with(".html") || lower.ends_with(".htm") {
            Format::Html
        } else if lower.ends_with(".md") || lower.ends_with(".markdown") {
            Format::Markdown
        } else {
            Format::Text
        }
    }
}

/// A text as loaded: where it came from, its hash and its paragraphs.
#[derive(Debug, Clone, Serialize)]
pub struct Document {
    pub source: String,
    /// sha256 of the raw input bytes, hex.
    pub sha256: String,
    pub paragraphs: Vec<String>,
    /// The wire item the text came from (ninjs, NewsML-G2), with the parts of
    /// `paragraphs` its metadata gave.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wire: Option<wire::WireInfo>,
    /// The HTML parser limits the text hit (flattened nesting, attributes left
    /// out); the `markup-limit` check reports them.
    #[serde(skip_serializing_if = "html_parse::Limits::is_none")]
    pub limits: html_parse::Limits,
}

impl Document {
    /// Build a document from decoded text in the given format. A wire item that
    /// cannot be read gives no paragraph here; `source::load_side_from_str` says why.
    pub fn from_text(
        source: impl Into<String>,
        sha256: String,
        text: &str,
        format: Format,
    ) -> Self {
        let mut limits = html_parse::Limits::default();
        let paragraphs = match format {
            // one HTML extractor for files, stdin and fetched pages
            Format::Html => {
                let a = extract::extract_article(text);
                limits = a.limits;
                a.paragraphs
            }
            Format::Markdown => split_paragraphs(text)
                .into_iter()
                .map(|p| strip_markdown(&p))
                .filter(|p| !p.is_empty())
                .collect(),
            Format::Text => split_paragraphs(text),
            Format::Ninjs | Format::NewsMl => {
                let wf = if format == Format::Ninjs {
                    wire::WireFormat::Ninjs
                } else {
                    wire::WireFormat::NewsMl
                };
                return match wire::parse(text, wf).and_then(wire::WireItem::into_paragraphs) {
                    Ok((paragraphs, info)) => Document {
                        source: source.into(),
                        sha256,
                        paragraphs,
                        wire: Some(info),
                        limits,
                    },
                    Err(_) => Document {
                        source: source.into(),
                        sha256,
                        paragraphs: Vec::new(),
                        wire: None,
                        limits,
                    },
                };
            }
        };
        Document {
            source: source.into(),
            sha256,
            paragraphs,
            wire: None,
            limits,
        }
    }
}

/// Split text into paragraphs per the contract: blank-line blocks when the text has a
/// blank line (inner newlines folded into spaces), otherwise one paragraph per
/// non-empty line.
pub fn split_paragraphs(text: &str) -> Vec<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let lines: Vec<&str> = text.lines().map(|l| l.trim_end_matches('\r')).collect();
    let has_blank = {
        // a blank line between two non-empty lines
        let first = lines.iter().position(|l| !l.trim().is_empty());
        let last = lines.iter().rposition(|l| !l.trim().is_empty());
        match (first, last) {
            (Some(a), Some(b)) => lines[a..=b].iter().any(|l| l.trim().is_empty()),
            _ => false,
        }
    };
    let mut out = Vec::new();
    if has_blank {
        let mut cur: Vec<&str> = Vec::new();
        for l in lines {
            if l.trim().is_empty() {
                if !cur.is_empty() {
                    out.push(fold_block(&cur));
                    cur.clear();
                }
            } else {
                cur.push(l.trim());
            }
        }
        if !cur.is_empty() {
            out.push(fold_block(&cur));
        }
    } else {
        out.extend(
            lines
                .into_iter()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from),
        );
    }
    out
}

fn fold_block(lines: &[&str]) -> String {
    lines.join(" ")
}

/// Drop the markdown markup that is not text: heading hashes, list bullets, emphasis.
fn strip_markdown(p: &str) -> String {
    let mut s = p.trim();
    while let Some(rest) = s.strip_prefix('#') {
        s = rest;
    }
    let s = s.trim_start();
    let s = s
        .strip_prefix("- ")
        .or_else(|| s.strip_prefix("* "))
        .or_else(|| s.strip_prefix("> "))
        .unwrap_or(s);
    s.replace("**", "").replace("__", "").trim().to_string()
}

/// Quotations kept per paragraph; any beyond are not checked.
pub const MAX_QUOTES_PER_PARAGRAPH: usize = 24;

/// One paragraph of a parsed dispatch.
#[derive(Debug, Clone, Serialize)]
pub struct Paragraph {
    pub index: usize,
    /// The paragraph as the checks read it: its terminal control sequences and
    /// control characters ([`controls`]) blanked byte for byte, so offsets into it
    /// are offsets into the document's paragraph.
    pub text: String,
    pub quotes: Vec<Quote>,
    /// Byte spans of the control sequences and characters blanked in `text`.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub controls: Vec<std::ops::Range<usize>>,
    /// The document's paragraph as it came, when `controls` is not empty.
    #[serde(skip)]
    pub original: Option<String>,
}

/// A dispatch parsed in its language.
#[derive(Debug, Clone, Serialize)]
pub struct Dispatch {
    pub lang: Lang,
    pub paragraphs: Vec<Paragraph>,
    /// Index of the paragraph that carries the dateline, if any.
    pub dateline: Option<Dateline>,
    /// The credits block (the final parenthesised paragraph), if any.
    pub credits: Option<CreditsBlock>,
    /// Parts of the paragraphs a wire item's metadata gave (empty for a text).
    pub from_metadata: Vec<wire::FromMetadata>,
    /// The HTML parser limits the document hit.
    #[serde(skip_serializing_if = "html_parse::Limits::is_none")]
    pub limits: html_parse::Limits,
    /// Quantities and dates of each paragraph, extracted once on first use: the
    /// number and date checks both read them, bead after bead.
    #[serde(skip)]
    facts: Vec<OnceLock<Facts>>,
    /// Sentences and clauses of each paragraph's body, split once on first use:
    /// the sentence stage and its limits both read them.
    #[serde(skip)]
    sentences: Vec<OnceLock<Vec<SentenceSpan>>>,
}

/// One sentence of a paragraph's body: its byte span and its clauses' spans, all
/// offsets into the body ([`Dispatch::body`]).
#[derive(Debug, Clone)]
pub struct SentenceSpan {
    pub span: (usize, usize),
    pub clauses: Vec<(usize, usize)>,
}

/// What the number and date checks compare in one paragraph's body (dateline
/// prefix left out; nothing for the credits paragraph).
#[derive(Debug, Clone, Default)]
pub struct Facts {
    /// Quantities, without the numerals that are a day of month.
    pub quantities: Vec<Quantity>,
    pub dates: Vec<DateMention>,
}

impl Facts {
    fn of(body: &str, lang: Lang) -> Facts {
        let toks = numbers::tokenize(body, lang);
        let all = numbers::extract_from(body, &toks, lang);
        let dates = dates::extract_from(body, lang, &toks, &all);
        // the day spans by start, with the furthest end so far: a quantity
        // overlaps one when one starting before its end ends after its start
        let mut days: Vec<(usize, usize)> = dates
            .iter()
            .filter(|m| matches!(m.part, DatePart::Day(_)))
            .map(|m| (m.span.start, m.span.end))
            .collect();
        days.sort_unstable();
        let mut furthest = Vec::with_capacity(days.len());
        for &(_, end) in &days {
            furthest.push(furthest.last().map_or(end, |&f: &usize| f.max(end)));
        }
        let quantities = all
            .into_iter()
            .filter(|q| {
                let before = days.partition_point(|&(start, _)| start < q.span.end);
                !(before > 0 && furthest[before - 1] > q.span.start)
            })
            .collect();
        Facts { quantities, dates }
    }
}

impl Dispatch {
    pub fn parse(doc: &Document, lang: Lang) -> Dispatch {
        let mut paragraphs: Vec<Paragraph> = doc
            .paragraphs
            .iter()
            .enumerate()
            .map(|(index, text)| {
                let (masked, controls, original) = match controls::mask(text) {
                    Some((m, spans)) => (m, spans, Some(text.clone())),
                    None => (text.clone(), Vec::new(), None),
                };
                Paragraph {
                    index,
                    text: masked,
                    quotes: Vec::new(),
                    controls,
                    original,
                }
            })
            .collect();
        let n = paragraphs.len();
        let credits = paragraphs
            .last()
            .and_then(|p| credits::parse_block(&p.text, lang, p.index));
        // dateline: in the first few paragraphs, the first that starts with one
        let dateline = paragraphs
            .iter()
            .take(4)
            .filter(|p| credits.as_ref().is_none_or(|c| c.paragraph != p.index))
            .find_map(|p| dateline::parse(&p.text, lang, p.index));
        let mut memory = quotes::SpeakerMemory::default();
        for p in paragraphs.iter_mut() {
            if credits.as_ref().is_some_and(|c| c.paragraph == p.index) && p.index + 1 == n {
                continue;
            }
            p.quotes = quotes::find_quotes(&p.text, lang, &mut memory);
            // a headline in title case (`Army Attacks Last Rebel Strongholds`) names
            // nobody a later pronoun could mean
            if p.index == 0 && dateline.as_ref().is_some_and(|d| d.paragraph == 1) {
                memory.forget_last();
            }
            // hostile input (thousands of quotations in one paragraph) would make the
            // all-pairs quotation checks quadratic; real paragraphs hold a handful
            p.quotes.truncate(MAX_QUOTES_PER_PARAGRAPH);
        }
        Dispatch {
            lang,
            facts: (0..paragraphs.len()).map(|_| OnceLock::new()).collect(),
            sentences: (0..paragraphs.len()).map(|_| OnceLock::new()).collect(),
            paragraphs,
            dateline,
            credits,
            from_metadata: doc
                .wire
                .as_ref()
                .map(|w| w.from_metadata.clone())
                .unwrap_or_default(),
            limits: doc.limits,
        }
    }

    /// The metadata field that gave `part` (`dateline`, `credits`, `headline`) of
    /// paragraph `i`, when a wire item's metadata gave it.
    pub fn metadata_field(&self, i: usize, part: &str) -> Option<&str> {
        self.from_metadata
            .iter()
            .find(|f| f.paragraph == i && f.part == part)
            .map(|f| f.field.as_str())
    }

    /// Indices of body paragraphs: everything except the credits paragraph.
    pub fn credits_index(&self) -> Option<usize> {
        self.credits.as_ref().map(|c| c.paragraph)
    }

    pub fn text(&self, i: usize) -> &str {
        self.paragraphs.get(i).map_or("", |p| p.text.as_str())
    }

    /// Paragraph `i` without its dateline prefix (`PARIS, 3 mars (Reuters) - `).
    pub fn body(&self, i: usize) -> &str {
        let t = self.text(i);
        match &self.dateline {
            Some(dl) if dl.paragraph == i => t.get(dl.len..).unwrap_or(t),
            _ => t,
        }
    }

    /// Quantities and dates of paragraph `i`, extracted on first use.
    pub fn facts(&self, i: usize) -> &Facts {
        static NONE: Facts = Facts {
            quantities: Vec::new(),
            dates: Vec::new(),
        };
        if self.credits_index() == Some(i) {
            return &NONE;
        }
        match self.facts.get(i) {
            Some(cell) => cell.get_or_init(|| Facts::of(self.body(i), self.lang)),
            None => &NONE,
        }
    }

    /// The sentences of paragraph `i`'s body and their clauses, split on first use.
    pub fn sentences(&self, i: usize) -> &[SentenceSpan] {
        let split = || {
            let body = self.body(i);
            crate::lang::sentences::sentences(body, self.lang)
                .into_iter()
                .map(|(a, b)| SentenceSpan {
                    span: (a, b),
                    clauses: crate::lang::sentences::clauses(&body[a..b])
                        .into_iter()
                        .map(|(x, y)| (a + x, a + y))
                        .collect(),
                })
                .collect()
        };
        match self.sentences.get(i) {
            Some(cell) => cell.get_or_init(split),
            None => &[],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blank_line_blocks_fold_inner_newlines() {
        let p = split_paragraphs("Title\n\nline one\nline two\n\n\nlast\n");
        assert_eq!(p, vec!["Title", "line one line two", "last"]);
    }

    #[test]
    fn without_blank_lines_each_line_is_a_paragraph() {
        let p = split_paragraphs("\u{feff}a\r\nb\r\n\r\n");
        assert_eq!(p, vec!["a", "b"]);
    }

    #[test]
    fn trailing_blank_lines_do_not_switch_mode() {
        let p = split_paragraphs("a\nb\n\n\n");
        assert_eq!(p, vec!["a", "b"]);
    }

    /// Regression: a title-case headline was taken as the person a later
    /// `he said` meant (`Army Attacks Last Rebel Strongholds` as a speaker).
    #[test]
    fn title_case_headline_is_not_a_speaker() {
        let text = "Army Attacks Last Rebel Strongholds\n\nGOMA, Nov 4 (Reuters) - Fighting eased on Monday.\n\n\"The clashes have calmed down a little,\" he said.\n";
        let d = Document::from_text("en.txt", String::new(), text, Format::Text);
        let disp = Dispatch::parse(&d, Lang::En);
        assert_eq!(disp.paragraphs[2].quotes.len(), 1);
        assert_eq!(disp.paragraphs[2].quotes[0].speaker, None);
    }

    #[test]
    fn html_article_blocks_in_order_without_chrome() {
        let html = r#"<html><head><title>t</title><script>var x=1;</script></head><body>
<nav><p>Home</p></nav><article><h1>Headline</h1><p>First <b>para</b>.</p>
<aside><p>Related</p></aside><ul><li>item one</li></ul><blockquote>quoted</blockquote>
<div class="share-bar"><p>Share</p></div></article><footer><p>(c)</p></footer></body></html>"#;
        let d = Document::from_text("x.html", String::new(), html, Format::Html);
        assert_eq!(
            d.paragraphs,
            vec!["Headline", "First para.", "item one", "quoted"]
        );
    }

    #[test]
    fn markdown_markup_is_dropped() {
        let d = Document::from_text(
            "x.md",
            String::new(),
            "# Title\n\n**Bold** text\n",
            Format::Markdown,
        );
        assert_eq!(d.paragraphs, vec!["Title", "Bold text"]);
    }
}
