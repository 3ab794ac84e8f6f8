//! NewsML-G2 news items: the root `newsItem` (or the first `newsItem` with text of a
//! `newsMessage`), its `guid`, `standardversion`, `xml:lang`, `itemMeta/versionCreated`,
//! `contentMeta` (`headline`, `by`, `creator`, `contributor`, `located`, `language`,
//! `creditline`, `dateline`) and the body in `contentSet/inlineXML` (XHTML or NITF) or
//! `inlineData` (plain text). Elements are matched by local name, whatever the prefix.

use roxmltree::{Document, Node};

use super::{clean, role_from_code, Body, MetaCredit, WireFormat, WireItem};

/// How deep below `inlineXML` blocks are looked for (hostile nesting stops there).
const MAX_DEPTH: usize = 256;

const XML_NS: &str = "http://www.w3.org/XML/1998/namespace";

/// The name of the root element, read without parsing the whole document (after the
/// XML declaration, comments and a doctype).
pub fn root_name(text: &str) -> Option<String> {
    let mut t = text.trim_start();
    loop {
        if let Some(r) = t.strip_prefix("<?") {
            t = r.split_once("?>")?.1.trim_start();
        } else if let Some(r) = t.strip_prefix("<!--") {
            t = r.split_once("-->")?.1.trim_start();
        } else if let Some(r) = t.strip_prefix("<!") {
            t = r.split_once('>')?.1.trim_start();
        } else {
            break;
        }
    }
    let r = t.strip_prefix('<')?;
    let name: String = r
        .chars()
        .take_while(|c| c.is_alphanumeric() || matches!(c, ':' | '_' | '-' | '.'))
        .collect();
    (!name.is_empty()).then_some(name)
}

fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

/// `newsItem` or `newsMessage`, with any prefix.
pub fn is_g2_root(name: &str) -> bool {
    matches!(local(name), "newsItem" | "newsMessage")
}

fn is(n: &Node<'_, '_>, name: &str) -> bool {
    n.is_element() && n.tag_name().name() == name
}

fn child<'a, 'i>(n: Node<'a, 'i>, name: &str) -> Option<Node<'a, 'i>> {
    n.children().find(|c| is(c, name))
}

fn children<'a, 'i>(n: Node<'a, 'i>, name: &'a str) -> impl Iterator<Item = Node<'a, 'i>> + 'a {
    n.children().filter(move |c| is(c, name))
}

/// All the text below `n`, white space collapsed.
fn text_of(n: Node<'_, '_>) -> String {
    let mut s = String::new();
    for d in n.descendants().filter(|d| d.is_text()) {
        s.push_str(d.text().unwrap_or(""));
        s.push(' ');
    }
    clean(&s)
}

fn nonempty(s: String) -> Option<String> {
    (!s.is_empty()).then_some(s)
}

/// The name of a party (`creator`, `contributor`, `located`): its `name` child, else
/// its text, else its `literal` attribute.
fn party_name(n: Node<'_, '_>) -> Option<String> {
    child(n, "name")
        .map(text_of)
        .and_then(nonempty)
        .or_else(|| nonempty(text_of(n)))
        .or_else(|| n.attribute("literal").map(clean).and_then(nonempty))
}

/// Block elements of XHTML and NITF whose text is one paragraph.
const BLOCKS: [&str; 11] = [
    "p",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "blockquote",
    "hl1",
    "hl2",
];

/// The paragraphs of an `inlineXML` body, in order; a block inside another block is
/// part of it. NITF's `body.head` is left out (its headline, byline and dateline are
/// metadata, read apart).
fn blocks(n: Node<'_, '_>, out: &mut Vec<String>, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    for c in n.children().filter(|c| c.is_element()) {
        let name = c.tag_name().name();
        if matches!(name, "body.head" | "head" | "script" | "style") {
            continue;
        }
        if BLOCKS.contains(&name) {
            let t = text_of(c);
            if !t.is_empty() {
                out.push(t);
            }
        } else {
            blocks(c, out, depth + 1);
        }
    }
}

/// Read a NewsML-G2 item.
pub fn parse(text: &str) -> Result<WireItem, String> {
    let doc = Document::parse(text).map_err(|e| format!("not well-formed XML: {e}"))?;
    let root = doc.root_element();
    let item = match root.tag_name().name() {
        "newsItem" => root,
        "newsMessage" => root
            .descendants()
            .filter(|d| is(d, "newsItem"))
            .find(|d| {
                d.descendants()
                    .any(|x| is(&x, "inlineXML") || is(&x, "inlineData"))
            })
            .ok_or("NewsML-G2 newsMessage holds no newsItem with a text body")?,
        other => {
            return Err(format!(
                "XML root is <{other}>, not a NewsML-G2 newsItem or newsMessage"
            ))
        }
    };
    let meta = child(item, "contentMeta");
    let meta_text = |name: &str| -> Option<String> {
        let m = meta?;
        // a headline with no role, or the main one, first
        let mut all: Vec<Node<'_, '_>> = children(m, name).collect();
        all.sort_by_key(|n| u8::from(n.attribute("role").is_some_and(|r| !r.contains("main"))));
        all.into_iter().map(text_of).find(|t| !t.is_empty())
    };
    let mut credits = Vec::new();
    if let Some(m) = meta {
        for n in m
            .children()
            .filter(|c| is(c, "creator") || is(c, "contributor"))
        {
            let code = n.attribute("role").or(n.attribute("qcode")).unwrap_or("");
            let role = match role_from_code(code) {
                Some(r) => r,
                // a creator without a role is the author; a contributor needs one
                None if code.is_empty() && is(&n, "creator") => crate::credits::Role::Reporter,
                None => continue,
            };
            if let Some(name) = party_name(n) {
                credits.push(MetaCredit { role, name });
            }
        }
    }
    let language = meta
        .and_then(|m| child(m, "language"))
        .and_then(|l| l.attribute("tag"))
        .map(str::to_string)
        .or_else(|| item.attribute((XML_NS, "lang")).map(str::to_string));
    let content = child(item, "contentSet").ok_or("NewsML-G2 newsItem has no contentSet")?;
    let mut headline = meta_text("headline");
    let mut byline = meta_text("by");
    let headline_from = if headline.is_some() {
        "headline"
    } else {
        "hl1"
    };
    let byline_from = if byline.is_some() { "by" } else { "byline" };
    let mut dateline = meta_text("dateline");
    let body = if let Some(x) = child(content, "inlineXML") {
        // NITF keeps the headline, byline and dateline in body.head
        for h in x.descendants().filter(|d| is(d, "body.head")) {
            let first = |name: &str| {
                h.descendants()
                    .find(|d| is(d, name))
                    .map(text_of)
                    .and_then(nonempty)
            };
            headline = headline.or_else(|| first("hl1"));
            byline = byline.or_else(|| first("byline"));
            dateline = dateline.or_else(|| first("dateline"));
        }
        let mut out = Vec::new();
        blocks(x, &mut out, 0);
        Body::Blocks(out)
    } else if let Some(d) = child(content, "inlineData") {
        Body::Text(d.text().unwrap_or("").to_string())
    } else {
        return Err("NewsML-G2 newsItem has no inlineXML or inlineData in its contentSet".into());
    };
    Ok(WireItem {
        format: WireFormat::NewsMl,
        version: item.attribute("standardversion").map(str::to_string),
        uri: item.attribute("guid").map(str::to_string),
        version_created: child(item, "itemMeta")
            .and_then(|m| child(m, "versionCreated"))
            .map(text_of)
            .and_then(nonempty),
        language,
        headline,
        headline_from,
        body,
        byline,
        byline_from,
        creditline: meta_text("creditline"),
        credits,
        located: meta.and_then(|m| child(m, "located")).and_then(party_name),
        dateline,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credits::Role;

    const ITEM: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="urn:newsml:example.org:20310502:ferry"
    version="3" standard="NewsML-G2" standardversion="2.30" xml:lang="en">
  <itemMeta><itemClass qcode="ninat:text"/><versionCreated>2031-05-02T08:00:00Z</versionCreated></itemMeta>
  <contentMeta>
    <located qcode="geo:1"><name>Brest</name></located>
    <creator role="crol:author"><name>Ann Vole</name></creator>
    <contributor role="ctrol:editor"><name>Tom Reed</name></contributor>
    <contributor role="ctrol:photographer"><name>Pat Lens</name></contributor>
    <language tag="en-GB"/>
    <headline role="hlrole:short">Ferry</headline>
    <headline>Ferry service resumes</headline>
    <creditline>Example Wire</creditline>
  </contentMeta>
  <contentSet>
    <inlineXML contenttype="application/xhtml+xml">
      <html xmlns="http://www.w3.org/1999/xhtml"><head><title>t</title></head>
      <body><p>The ferry <b>sailed</b> again.</p><p>It had stopped in May.</p></body></html>
    </inlineXML>
  </contentSet>
</newsItem>"#;

    #[test]
    fn xhtml_item_with_metadata() {
        let it = parse(ITEM).unwrap();
        assert_eq!(
            it.uri.as_deref(),
            Some("urn:newsml:example.org:20310502:ferry")
        );
        assert_eq!(it.version.as_deref(), Some("2.30"));
        assert_eq!(it.version_created.as_deref(), Some("2031-05-02T08:00:00Z"));
        assert_eq!(it.language.as_deref(), Some("en-GB"));
        assert_eq!(it.headline.as_deref(), Some("Ferry service resumes"));
        assert_eq!(it.located.as_deref(), Some("Brest"));
        assert_eq!(it.creditline.as_deref(), Some("Example Wire"));
        assert_eq!(
            it.body,
            Body::Blocks(vec![
                "The ferry sailed again.".into(),
                "It had stopped in May.".into()
            ])
        );
        let roles: Vec<(Role, &str)> = it
            .credits
            .iter()
            .map(|c| (c.role, c.name.as_str()))
            .collect();
        assert_eq!(
            roles,
            vec![(Role::Reporter, "Ann Vole"), (Role::Editor, "Tom Reed")]
        );
    }

    #[test]
    fn nitf_body_in_a_news_message() {
        let msg = r#"<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/"><header/><itemSet>
<newsItem guid="urn:x" xml:lang="fr"><contentMeta/><contentSet><inlineXML contenttype="application/nitf+xml">
<nitf><body><body.head><hedline><hl1>Le ferry repart</hl1></hedline><byline>Par Ann Vole</byline>
<dateline>BREST</dateline></body.head><body.content><p>Le ferry a repris la mer.</p><block><p>Il était à quai.</p></block></body.content></body></nitf>
</inlineXML></contentSet></newsItem></itemSet></newsMessage>"#;
        let it = parse(msg).unwrap();
        assert_eq!(it.language.as_deref(), Some("fr"));
        assert_eq!(it.headline.as_deref(), Some("Le ferry repart"));
        assert_eq!(it.byline.as_deref(), Some("Par Ann Vole"));
        assert_eq!(it.dateline.as_deref(), Some("BREST"));
        assert_eq!(
            it.body,
            Body::Blocks(vec![
                "Le ferry a repris la mer.".into(),
                "Il était à quai.".into()
            ])
        );
    }

    #[test]
    fn malformed_items_say_what_is_wrong() {
        assert!(parse("<newsItem><contentSet>")
            .unwrap_err()
            .starts_with("not well-formed XML: "));
        assert_eq!(
            parse("<rss/>").unwrap_err(),
            "XML root is <rss>, not a NewsML-G2 newsItem or newsMessage"
        );
        assert_eq!(
            parse("<newsItem/>").unwrap_err(),
            "NewsML-G2 newsItem has no contentSet"
        );
        assert_eq!(
            parse("<newsItem><contentSet><remoteContent/></contentSet></newsItem>").unwrap_err(),
            "NewsML-G2 newsItem has no inlineXML or inlineData in its contentSet"
        );
        assert_eq!(
            root_name("<?xml version=\"1.0\"?><!-- x --><nar:newsItem/>").as_deref(),
            Some("nar:newsItem")
        );
    }
}
