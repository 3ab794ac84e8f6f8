//! Article extraction from a news page: the paragraphs a reader sees as the story,
//! without the page around it.
//!
//! Order of preference:
//! 1. JSON-LD (`<script type="application/ld+json">`) of type `NewsArticle`,
//!    `ReportageNewsArticle` (or another `*NewsArticle`/`Article`): `articleBody`
//!    split into paragraphs on blank lines (on newlines when there is no blank line),
//!    with `headline` as paragraph 0. Used unless it is one undivided block while
//!    the HTML has a real paragraph structure.
//! 2. The HTML body: the `itemprop="articleBody"` / `article-body` container, else
//!    the page's `<article>` element(s) (several for a live blog, in page order),
//!    else `<main>`, else `<body>`; the blocks (`h1`..`h6`, `p`, `li`, `blockquote`)
//!    in document order, without navigation, asides, footers, scripts, AMP widgets,
//!    share bars, related-story lists, "read more" lines, ads and paywall prompts.
//!    The headline (`h1`, else `og:title`) becomes paragraph 0 when the body lacks it.

use super::html_parse;
use html5ever::Attribute;
use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

/// What was extracted from a page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Article {
    pub headline: Option<String>,
    pub paragraphs: Vec<String>,
    /// `json-ld`, `article-body`, `article`, `main` or `body`.
    pub method: &'static str,
    /// The page says it is not free to read (JSON-LD `isAccessibleForFree: false` or a
    /// paywall marker): the text may be a teaser only.
    pub paywalled: bool,
    /// The parser limits the page hit (see [`html_parse::Limits`]).
    pub limits: html_parse::Limits,
}

const BLOCKS: &[&str] = &["h1", "h2", "h3", "h4", "h5", "h6", "p", "li", "blockquote"];
const SKIP: &[&str] = &[
    "script",
    "style",
    "noscript",
    "nav",
    "aside",
    "footer",
    "form",
    "button",
    "svg",
    "template",
    "iframe",
    "figure",
    "figcaption",
    "select",
    "dialog",
    "menu",
    "object",
    "video",
    "audio",
    "canvas",
    "map",
];
const CHROME_CLASS_PARTS: &[&str] = &[
    "related",
    "share",
    "social",
    "advert",
    "promo",
    "newsletter",
    "breadcrumb",
    "comment",
    "sidebar",
    "paywall",
    "subscribe",
    "cookie",
    "trending",
    "most-read",
    "mostread",
    "byline",
    "author",
    "timestamp",
    "recommend",
    "read-more",
    "readmore",
    "more-stories",
    "more-on",
    "outbrain",
    "taboola",
    "sponsor",
    "signup",
    "sign-up",
    "consent",
    "toolbar",
];
const RELATED_HEADINGS: &[&str] = &[
    "related",
    "related stories",
    "related content",
    "related coverage",
    "related articles",
    "related news",
    "more on this story",
    "more on this",
    "read more",
    "more stories",
    "recommended",
    "recommended stories",
    "you may also like",
    "you might also like",
    "most read",
    "most popular",
    "top stories",
    "see also",
    "also read",
    "latest news",
    "more from",
    "trending",
];
const RELATED_PREFIXES: &[&str] = &[
    "read more:",
    "read more -",
    "related:",
    "see also:",
    "also read:",
    "more:",
    "related coverage:",
    "read also:",
    "watch:",
];

/// Extract the article of an HTML page.
pub fn extract_article(html: &str) -> Article {
    let (doc, mut limits) = html_parse::parse_document(html, skippable);
    let ld = json_ld_article(&doc);
    let paywalled = ld.as_ref().is_some_and(|a| a.paywalled) || has_paywall_marker(&doc);
    let (method, mut paragraphs) = html_blocks(&doc);
    let headline = ld
        .as_ref()
        .and_then(|a| a.headline.clone())
        .or_else(|| first_h1(&doc))
        .or_else(|| og_title(&doc));
    if let Some(ld) = ld {
        let usable = !ld.paragraphs.is_empty()
            && (ld.paragraphs.len() > 1 || paragraphs.len() <= 2 || paywalled);
        if usable {
            let mut out = ld.paragraphs;
            if let Some(h) = &headline {
                insert_headline(&mut out, h);
            }
            limits.add(ld.limits);
            return Article {
                headline,
                paragraphs: out,
                method: "json-ld",
                paywalled,
                limits,
            };
        }
    }
    if let Some(h) = &headline {
        if !paragraphs.is_empty() {
            insert_headline(&mut paragraphs, h);
        }
    }
    Article {
        headline,
        paragraphs,
        method,
        paywalled,
        limits,
    }
}

fn norm(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Put the headline first unless one of the paragraphs already is it.
fn insert_headline(paragraphs: &mut Vec<String>, headline: &str) {
    let h = norm(headline);
    if h.is_empty() || paragraphs.iter().any(|p| norm(p) == h) {
        return;
    }
    paragraphs.insert(0, headline.split_whitespace().collect::<Vec<_>>().join(" "));
}

fn sel(s: &str) -> Option<Selector> {
    Selector::parse(s).ok()
}

// ---------------------------------------------------------------- JSON-LD

struct LdArticle {
    headline: Option<String>,
    paragraphs: Vec<String>,
    paywalled: bool,
    /// The limits parsing the `articleBody`'s markup hit.
    limits: html_parse::Limits,
}

fn json_ld_article(doc: &Html) -> Option<LdArticle> {
    let scripts = sel("script")?;
    let mut best: Option<(u8, &serde_json::Map<String, Value>)> = None;
    let values: Vec<Value> = doc
        .select(&scripts)
        .filter(|s| {
            s.value()
                .attr("type")
                .is_some_and(|t| t.to_ascii_lowercase().contains("ld+json"))
        })
        .filter_map(|s| {
            let text: String = s.text().collect();
            let t = text
                .trim()
                .trim_start_matches("<![CDATA[")
                .trim_end_matches("]]>");
            let t = t.trim().trim_end_matches(';');
            serde_json::from_str::<Value>(t).ok()
        })
        .collect();
    for v in &values {
        find_articles(v, 0, &mut best);
    }
    let (_, obj) = best?;
    let headline = obj
        .get("headline")
        .or_else(|| obj.get("name"))
        .and_then(Value::as_str)
        .map(|s| {
            decode_entities(s)
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" ")
        })
        .filter(|s| !s.is_empty());
    let (paragraphs, limits) = obj
        .get("articleBody")
        .and_then(Value::as_str)
        .map(split_article_body)
        .unwrap_or_default();
    let paywalled = match obj.get("isAccessibleForFree") {
        Some(Value::Bool(b)) => !b,
        Some(Value::String(s)) => s.eq_ignore_ascii_case("false"),
        _ => false,
    };
    Some(LdArticle {
        headline,
        paragraphs,
        paywalled,
        limits,
    })
}

/// Rank of a JSON-LD `@type`: news articles first, generic articles after.
fn type_rank(t: &str) -> u8 {
    let t = t.rsplit(['/', ':']).next().unwrap_or(t);
    match t {
        "NewsArticle" | "ReportageNewsArticle" => 3,
        _ if t.ends_with("NewsArticle") => 2,
        "Article" | "Report" => 1,
        _ => 0,
    }
}

fn find_articles<'v>(
    v: &'v Value,
    depth: usize,
    best: &mut Option<(u8, &'v serde_json::Map<String, Value>)>,
) {
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(a) => a.iter().for_each(|x| find_articles(x, depth + 1, best)),
        Value::Object(o) => {
            let rank = match o.get("@type") {
                Some(Value::String(t)) => type_rank(t),
                Some(Value::Array(ts)) => ts
                    .iter()
                    .filter_map(Value::as_str)
                    .map(type_rank)
                    .max()
                    .unwrap_or(0),
                _ => 0,
            };
            let has_body = o
                .get("articleBody")
                .and_then(Value::as_str)
                .is_some_and(|b| !b.trim().is_empty());
            if rank > 0
                && best.as_ref().is_none_or(|(r, b)| {
                    let b_has = b
                        .get("articleBody")
                        .and_then(Value::as_str)
                        .is_some_and(|x| !x.trim().is_empty());
                    (has_body && !b_has) || (has_body == b_has && rank > *r)
                })
            {
                *best = Some((rank, o));
            }
            for (k, x) in o {
                if k != "articleBody" && (x.is_object() || x.is_array()) {
                    find_articles(x, depth + 1, best);
                }
            }
        }
        _ => {}
    }
}

/// Split a JSON-LD `articleBody`: HTML markup when it has some, else blank-line
/// blocks, else one paragraph per line; with the limits parsing its markup hit.
fn split_article_body(body: &str) -> (Vec<String>, html_parse::Limits) {
    let lower = body.to_ascii_lowercase();
    if lower.contains("</p>") || lower.contains("<p>") || lower.contains("<br") {
        let (frag, limits) = html_parse::parse_fragment(body, skippable);
        let mut out = Vec::new();
        walk(frag.root_element(), &mut out);
        if !out.is_empty() {
            return (out, limits);
        }
    }
    let text = body.replace("\r\n", "\n").replace('\r', "\n");
    let has_blank =
        text.contains("\n\n") || text.lines().any(|l| l.trim().is_empty() && !l.is_empty());
    let parts: Vec<String> = if has_blank {
        text.split("\n\n")
            .flat_map(|b| {
                // blocks separated by whitespace-only lines too
                let mut v = Vec::new();
                let mut cur: Vec<&str> = Vec::new();
                for l in b.lines() {
                    if l.trim().is_empty() {
                        if !cur.is_empty() {
                            v.push(cur.join(" "));
                            cur.clear();
                        }
                    } else {
                        cur.push(l.trim());
                    }
                }
                if !cur.is_empty() {
                    v.push(cur.join(" "));
                }
                v
            })
            .collect()
    } else {
        text.lines().map(str::to_string).collect()
    };
    let paragraphs = parts
        .into_iter()
        .map(|p| {
            let p = if p.contains('&') {
                decode_entities(&p)
            } else {
                p
            };
            p.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .filter(|p| !p.is_empty())
        .collect();
    (paragraphs, html_parse::Limits::default())
}

/// Decode HTML entities in plain text (`&amp;` → `&`), leaving `<` alone.
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let escaped = s.replace('<', "&lt;");
    Html::parse_fragment(&escaped)
        .root_element()
        .text()
        .collect()
}

// ---------------------------------------------------------------- HTML

/// The text of an element, whitespace collapsed, without scripts and styles;
/// iterative, so any nesting depth is safe.
fn block_text(el: ElementRef<'_>) -> String {
    let mut s = String::new();
    for n in el.descendants() {
        match n.value() {
            scraper::Node::Text(t) => {
                let in_code = n
                    .parent()
                    .and_then(|p| p.value().as_element().map(|e| e.name()))
                    .is_some_and(|name| {
                        matches!(name, "script" | "style" | "noscript" | "template")
                    });
                if !in_code {
                    s.push_str(t);
                }
            }
            scraper::Node::Element(e) if e.name() == "br" => s.push(' '),
            _ => {}
        }
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn class_tokens(el: &ElementRef<'_>) -> Vec<String> {
    let v = el.value();
    let mut t: Vec<String> = v
        .attr("class")
        .unwrap_or("")
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .collect();
    if let Some(id) = v.attr("id") {
        t.push(id.to_ascii_lowercase());
    }
    t
}

/// Page chrome that is never article text.
fn is_chrome(el: &ElementRef<'_>) -> bool {
    let v = el.value();
    chrome_by(v.name(), |k| v.attr(k))
}

/// An element (by its tag, before it is in a tree) extraction may skip whole: chrome,
/// a list (a link list), a header. Kept one level past the parser's nesting limit.
fn skippable(name: &str, attrs: &[Attribute]) -> bool {
    matches!(name, "ul" | "ol" | "header")
        || chrome_by(name, |k| {
            attrs
                .iter()
                .find(|a| &*a.name.local == k)
                .map(|a| &*a.value)
        })
}

/// Chrome by tag name and attributes (`attr` gives an attribute's value).
fn chrome_by<'a>(name: &str, attr: impl Fn(&str) -> Option<&'a str>) -> bool {
    if SKIP.contains(&name) || name.starts_with("amp-") {
        return true;
    }
    if attr("hidden").is_some() || attr("aria-hidden") == Some("true") {
        return true;
    }
    if matches!(
        attr("role").unwrap_or(""),
        "navigation" | "complementary" | "banner" | "contentinfo" | "dialog" | "alert"
    ) {
        return true;
    }
    if let Some(dc) = attr("data-component").or_else(|| attr("data-testid")) {
        let dc = dc.to_ascii_lowercase();
        if CHROME_CLASS_PARTS.iter().any(|k| dc.contains(k)) {
            return true;
        }
    }
    let mut tokens: Vec<String> = attr("class")
        .unwrap_or("")
        .split_whitespace()
        .map(str::to_ascii_lowercase)
        .collect();
    if let Some(id) = attr("id") {
        tokens.push(id.to_ascii_lowercase());
    }
    tokens.iter().any(|t| {
        t == "ad"
            || t == "ads"
            || t.starts_with("ad-")
            || t.starts_with("ad_")
            || t.starts_with("ads-")
            || t.ends_with("-ad")
            || t.ends_with("-ads")
            || CHROME_CLASS_PARTS.iter().any(|k| t.contains(k))
    })
}

fn in_chrome(el: &ElementRef<'_>) -> bool {
    is_chrome(el)
        || el
            .ancestors()
            .filter_map(ElementRef::wrap)
            .any(|a| is_chrome(&a))
}

fn has_paywall_marker(doc: &Html) -> bool {
    let Some(all) = sel("[class], [id]") else {
        return false;
    };
    doc.select(&all)
        .any(|e| class_tokens(&e).iter().any(|t| t.contains("paywall")))
}

/// Share of an element's text that sits inside links.
fn link_density(el: &ElementRef<'_>) -> f64 {
    let total = block_text(*el).chars().count();
    if total == 0 {
        return 0.0;
    }
    let Some(a) = sel("a") else {
        return 0.0;
    };
    let linked: usize = el.select(&a).map(|x| block_text(x).chars().count()).sum();
    linked as f64 / total as f64
}

/// A list whose every item is (almost) all link: related stories, tags, menus.
fn is_link_list(el: &ElementRef<'_>) -> bool {
    let items: Vec<ElementRef<'_>> = el
        .children()
        .filter_map(ElementRef::wrap)
        .filter(|c| c.value().name() == "li")
        .collect();
    !items.is_empty() && items.iter().all(|li| link_density(li) >= 0.8)
}

fn is_related_heading(text: &str) -> bool {
    let t = text
        .trim()
        .trim_end_matches([':', '.'])
        .trim()
        .to_lowercase();
    RELATED_HEADINGS.contains(&t.as_str())
}

fn is_related_line(text: &str) -> bool {
    let t = text.trim().to_lowercase();
    RELATED_PREFIXES.iter().any(|p| t.starts_with(p))
        || matches!(
            t.as_str(),
            "advertisement" | "advertisement." | "ad" | "story continues below advertisement"
        )
}

/// Blocks under `el` in document order, chrome skipped. Iterative (an explicit
/// stack of the containers being walked), so any nesting depth is followed.
fn walk(el: ElementRef<'_>, out: &mut Vec<String>) {
    let mut stack = vec![el.children()];
    while let Some(children) = stack.last_mut() {
        let Some(child) = children.next() else {
            stack.pop();
            continue;
        };
        let Some(c) = ElementRef::wrap(child) else {
            continue;
        };
        if is_chrome(&c) {
            continue;
        }
        let name = c.value().name();
        if matches!(name, "ul" | "ol") && is_link_list(&c) {
            continue;
        }
        // a masthead or byline header; a header holding the headline is kept
        if name == "header"
            && !c
                .descendants()
                .filter_map(ElementRef::wrap)
                .any(|d| d.value().name() == "h1")
        {
            continue;
        }
        if BLOCKS.contains(&name) {
            let nested = c
                .descendants()
                .skip(1)
                .filter_map(ElementRef::wrap)
                .any(|d| BLOCKS.contains(&d.value().name()));
            if nested && matches!(name, "blockquote" | "li") {
                stack.push(c.children());
                continue;
            }
            let t = block_text(c);
            if t.is_empty() || is_related_line(&t) {
                continue;
            }
            if name.starts_with('h') && is_related_heading(&t) {
                continue;
            }
            out.push(t);
        } else {
            stack.push(c.children());
        }
    }
}

const BODY_CLASSES: &[&str] = &[
    "article-body",
    "article__body",
    "articlebody",
    "article-content",
    "article__content",
    "story-body",
    "story__body",
    "story-content",
    "entry-content",
    "post-content",
    "body-content",
];

/// The blocks of the page's main content and how it was found.
fn html_blocks(doc: &Html) -> (&'static str, Vec<String>) {
    // 1. an explicit article-body container
    if let Some(s) = sel("[itemprop=articleBody], [class], [id]") {
        let body = doc.select(&s).find(|e| {
            (e.value().attr("itemprop") == Some("articleBody")
                || class_tokens(e)
                    .iter()
                    .any(|t| BODY_CLASSES.contains(&t.as_str())))
                && !in_chrome(e)
        });
        if let Some(b) = body {
            let mut out = Vec::new();
            walk(b, &mut out);
            if !out.is_empty() {
                return ("article-body", out);
            }
        }
    }
    // 2. <article> elements outside chrome, outermost only, not link-card teasers
    if let Some(s) = sel("article") {
        let articles: Vec<ElementRef<'_>> = doc
            .select(&s)
            .filter(|a| !in_chrome(a))
            .filter(|a| {
                !a.ancestors()
                    .filter_map(ElementRef::wrap)
                    .any(|p| p.value().name() == "article")
            })
            .filter(|a| link_density(a) < 0.5)
            .collect();
        let mut out = Vec::new();
        for a in &articles {
            walk(*a, &mut out);
        }
        if !out.is_empty() {
            return ("article", out);
        }
    }
    // 3. <main>, then <body>
    for (css, method) in [("main, [role=main]", "main"), ("body", "body")] {
        if let Some(s) = sel(css) {
            if let Some(root) = doc.select(&s).next() {
                let mut out = Vec::new();
                walk(root, &mut out);
                if !out.is_empty() {
                    return (method, out);
                }
            }
        }
    }
    let mut out = Vec::new();
    walk(doc.root_element(), &mut out);
    ("body", out)
}

fn first_h1(doc: &Html) -> Option<String> {
    let s = sel("h1")?;
    doc.select(&s)
        .filter(|h| !in_chrome(h))
        .map(block_text)
        .find(|t| !t.is_empty())
}

fn og_title(doc: &Html) -> Option<String> {
    let s = sel("meta[property='og:title'], meta[name='og:title'], meta[name='twitter:title']")?;
    let t = doc.select(&s).find_map(|m| m.value().attr("content"))?;
    let t = t.split(" | ").next().unwrap_or(t);
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    (!t.is_empty()).then_some(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_body_is_split_on_blank_lines_and_headline_first() {
        let html = r#"<html><head><script type="application/ld+json">
{"@context":"https://schema.org","@type":"NewsArticle","headline":"Ferry runs aground",
 "articleBody":"OSLO, May 2 (Reuters) - A ferry ran aground.\n\nNo one was hurt, police said.\n\n(Reporting by A. Berg)"}
</script></head><body><p>cookie banner</p></body></html>"#;
        let a = extract_article(html);
        assert_eq!(a.method, "json-ld");
        assert_eq!(
            a.paragraphs,
            vec![
                "Ferry runs aground",
                "OSLO, May 2 (Reuters) - A ferry ran aground.",
                "No one was hurt, police said.",
                "(Reporting by A. Berg)"
            ]
        );
    }

    #[test]
    fn json_ld_in_a_graph_with_single_newlines() {
        let html = r#"<script type="application/ld+json">{"@graph":[{"@type":"WebPage"},
{"@type":["ReportageNewsArticle"],"headline":"H","articleBody":"One.\nTwo &amp; three."}]}</script>"#;
        let a = extract_article(html);
        assert_eq!(a.paragraphs, vec!["H", "One.", "Two & three."]);
    }

    #[test]
    fn broken_json_ld_falls_back_to_html() {
        let html = r#"<script type="application/ld+json">{"@type":"NewsArticle",</script>
<article><h1>Title</h1><p>Body one.</p><p>Body two.</p></article>"#;
        let a = extract_article(html);
        assert_eq!(a.method, "article");
        assert_eq!(a.paragraphs, vec!["Title", "Body one.", "Body two."]);
    }

    #[test]
    fn ad_class_tokens_do_not_catch_lead_paragraphs() {
        let html = r#"<article><p class="lead-para">Lead text.</p><div class="ad-slot"><p>Buy now</p></div></article>"#;
        assert_eq!(extract_article(html).paragraphs, vec!["Lead text."]);
    }

    #[test]
    fn deep_nesting_and_garbage_do_not_crash() {
        let deep = format!(
            "{}<p>x</p>{}",
            "<div>".repeat(3_000),
            "</div>".repeat(3_000)
        );
        let _ = extract_article(&deep);
        let deep_inline = format!("<p>{}y{}</p>", "<b>".repeat(3_000), "</b>".repeat(3_000));
        let _ = extract_article(&deep_inline);
        for g in [
            "",
            "<",
            "<script type=application/ld+json>[[[[",
            "\u{0}\u{0}",
            "<article>",
        ] {
            let _ = extract_article(g);
        }
    }

    #[test]
    fn headline_from_og_title_when_no_h1() {
        let html = r#"<html><head><meta property="og:title" content="Storm hits coast | Daily Wire"></head>
<body><main><p>Winds reached 120 km/h.</p></main></body></html>"#;
        let a = extract_article(html);
        assert_eq!(
            a.paragraphs,
            vec!["Storm hits coast", "Winds reached 120 km/h."]
        );
    }
}
