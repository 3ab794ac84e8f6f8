//! HTML input: the article body's blocks (`h1`..`h6`, `p`, `li`, `blockquote`) in
//! document order, with scripts, navigation, asides and footers dropped.
//! Article extraction for fetched news pages lives in `source::extract`, which
//! builds on this.

use scraper::{ElementRef, Html, Node};

const BLOCKS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote"];
const SKIP: &[&str] = &[
    "script",
    "style",
    "noscript",
    "nav",
    "aside",
    "footer",
    "header",
    "form",
    "button",
    "svg",
    "template",
    "iframe",
    "figure",
    "figcaption",
];

/// Extract the text blocks of an HTML document. Uses `<article>` (or `<main>`) when
/// present, the whole body otherwise.
pub fn extract_blocks(html: &str) -> Vec<String> {
    let doc = Html::parse_document(html);
    let root = ["article", "main", "body"]
        .iter()
        .find_map(|tag| {
            let sel = scraper::Selector::parse(tag).ok()?;
            doc.select(&sel).next()
        })
        .unwrap_or_else(|| doc.root_element());
    let mut out = Vec::new();
    collect_blocks(root, &mut out);
    out
}

/// Walk `el` and push the text of every block element not inside a skipped one.
/// A block nested in a block (`<li><p>`) is taken once, at the outer level, unless
/// the outer one is a `blockquote`, whose paragraphs stay separate.
pub fn collect_blocks(el: ElementRef<'_>, out: &mut Vec<String>) {
    for child in el.children() {
        let Some(c) = ElementRef::wrap(child) else {
            continue;
        };
        let name = c.value().name();
        if SKIP.contains(&name) || is_hidden_chrome(c) {
            continue;
        }
        if BLOCKS.contains(&name) {
            let has_inner_blocks = c
                .descendants()
                .skip(1)
                .filter_map(ElementRef::wrap)
                .any(|d| BLOCKS.contains(&d.value().name()));
            if name == "blockquote" && has_inner_blocks {
                collect_blocks(c, out);
            } else {
                let t = block_text(c);
                if !t.is_empty() {
                    out.push(t);
                }
            }
        } else {
            collect_blocks(c, out);
        }
    }
}

/// Elements whose class or role marks them as page chrome (share bars, related links, ads).
fn is_hidden_chrome(el: ElementRef<'_>) -> bool {
    let v = el.value();
    if v.attr("hidden").is_some() || v.attr("aria-hidden") == Some("true") {
        return true;
    }
    let class = v.attr("class").unwrap_or("").to_ascii_lowercase();
    let id = v.attr("id").unwrap_or("").to_ascii_lowercase();
    let role = v.attr("role").unwrap_or("");
    if matches!(
        role,
        "navigation" | "complementary" | "banner" | "contentinfo"
    ) {
        return true;
    }
    [
        "related",
        "share",
        "social",
        "advert",
        "promo",
        "newsletter",
        "breadcrumb",
        "comments",
        "sidebar",
        "byline-share",
        "paywall-prompt",
        "cookie",
        "trending",
        "most-read",
        "ad-",
    ]
    .iter()
    .any(|k| class.split_whitespace().any(|c| c.contains(k)) || id.contains(k))
}

/// The text of an element with whitespace collapsed, skipping scripts and styles.
pub fn block_text(el: ElementRef<'_>) -> String {
    let mut s = String::new();
    push_text(el, &mut s);
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn push_text(el: ElementRef<'_>, s: &mut String) {
    for child in el.children() {
        match child.value() {
            Node::Text(t) => s.push_str(t),
            Node::Element(e) => {
                if matches!(e.name(), "script" | "style" | "noscript" | "template") {
                    continue;
                }
                if e.name() == "br" {
                    s.push(' ');
                }
                if let Some(c) = ElementRef::wrap(child) {
                    push_text(c, s);
                }
            }
            _ => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn article_blocks_in_order_without_chrome() {
        let html = r#"<html><head><title>t</title><script>var x=1;</script></head><body>
<nav><p>Home</p></nav><article><h1>Headline</h1><p>First <b>para</b>.</p>
<aside><p>Related</p></aside><ul><li>item one</li></ul><blockquote>quoted</blockquote>
<div class="share-bar"><p>Share</p></div></article><footer><p>(c)</p></footer></body></html>"#;
        assert_eq!(
            extract_blocks(html),
            vec!["Headline", "First para.", "item one", "quoted"]
        );
    }

    #[test]
    fn entities_are_decoded() {
        assert_eq!(
            extract_blocks("<p>A &amp; B&nbsp;&laquo;x&raquo;</p>"),
            vec!["A & B\u{a0}«x»".replace('\u{a0}', " ")]
        );
    }
}
