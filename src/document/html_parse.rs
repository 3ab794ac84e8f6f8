//! HTML parsing bounded in time and memory: html5ever's tokenizer and tree builder
//! (the same tree `scraper` builds), with a token filter in between that keeps the
//! element nesting within [`MAX_NESTING`] and a pre-pass that keeps a tag within
//! [`MAX_ATTRIBUTES`].
//!
//! The tree builder checks its stack of open elements on most tags (the "has an
//! element in scope" steps), so its cost grows with nesting depth × tags: 100,000
//! nested `<div>`s took minutes. Below the limit every token is passed on as it
//! came, so a normal page gives exactly the tree `scraper::Html::parse_document`
//! gives. Past the limit the page is flattened, not cut: container start tags
//! (`div`, `span`, `table`, inline formatting…) and their end tags are left out
//! while all text, paragraphs, list items and headings still reach the tree, so
//! deep text is extracted like shallow text. A `blockquote` past the limit becomes
//! a paragraph (its text stays a block); the first element past the limit that
//! extraction may skip (navigation, asides, a list, a header…) is kept, and the
//! containers inside it are flattened into it.
//!
//! The tokenizer compares every attribute name with the tag's earlier ones, so a
//! tag with 100,000 attributes costs minutes too: attributes after the
//! [`MAX_ATTRIBUTES`]th of one tag are left out before parsing (attributes hold no
//! article text).

use std::borrow::Cow;

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{
    BufferQueue, Tag, TagKind, Token, TokenSink, TokenSinkResult, Tokenizer, TokenizerOpts,
    TokenizerResult,
};
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts, TreeSink};
use html5ever::{local_name, namespace_url, ns, Attribute, LocalName, QualName};
use rustc_hash::FxHashMap;
use scraper::Html;

type Handle = <Html as TreeSink>::Handle;

/// Most container elements open at once; deeper containers are flattened.
pub const MAX_NESTING: usize = 256;
/// Most attributes kept on one tag.
pub const MAX_ATTRIBUTES: usize = 1_000;

/// The limits a parse hit: reported to the desk (the `markup-limit` check), never
/// silent.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Serialize)]
pub struct Limits {
    /// Tags that had more than [`MAX_ATTRIBUTES`] attributes (the rest were left out).
    pub attributes_capped: usize,
    /// Container tags past [`MAX_NESTING`] open ones, left out (their content kept).
    pub flattened: usize,
}

impl Limits {
    /// No limit was hit.
    pub fn is_none(&self) -> bool {
        *self == Limits::default()
    }

    /// Both parses' limits together.
    pub fn add(&mut self, other: Limits) {
        self.attributes_capped += other.attributes_capped;
        self.flattened += other.flattened;
    }
}

/// Whether an element (name, attributes) is one extraction may skip with all it
/// holds: such an element is kept one level past the nesting limit.
pub type SkippableFn = fn(&str, &[Attribute]) -> bool;

/// Parse a whole page, as `Html::parse_document` does, within the limits; with the
/// limits it hit.
pub fn parse_document(html: &str, skippable: SkippableFn) -> (Html, Limits) {
    let (html, capped) = cap_attributes(html);
    let tb = TreeBuilder::new(Html::new_document(), TreeBuilderOpts::default());
    run(tb, TokenizerOpts::default(), &html, skippable, capped)
}

/// Parse a fragment in a `<body>`, as `Html::parse_fragment` does, within the
/// limits; with the limits it hit.
pub fn parse_fragment(html: &str, skippable: SkippableFn) -> (Html, Limits) {
    let (html, capped) = cap_attributes(html);
    let mut sink = Html::new_fragment();
    let context = html5ever::tree_builder::create_element(
        &mut sink,
        QualName::new(None, ns!(html), local_name!("body")),
        Vec::new(),
    );
    let tb = TreeBuilder::new_for_fragment(sink, context, None, TreeBuilderOpts::default());
    let opts = TokenizerOpts {
        initial_state: Some(tb.tokenizer_state_for_context_elem()),
        ..TokenizerOpts::default()
    };
    run(tb, opts, &html, skippable, capped)
}

fn run(
    tb: TreeBuilder<Handle, Html>,
    opts: TokenizerOpts,
    html: &str,
    skippable: SkippableFn,
    attributes_capped: usize,
) -> (Html, Limits) {
    let sink = Flatten {
        inner: tb,
        stack: Vec::new(),
        foreign: 0,
        left_out: FxHashMap::default(),
        as_p: 0,
        flattened: 0,
        skippable,
    };
    let mut tok = Tokenizer::new(sink, opts);
    let mut input = BufferQueue::default();
    input.push_back(StrTendril::from(html));
    while let TokenizerResult::Script(_) = tok.feed(&mut input) {}
    tok.end();
    let limits = Limits {
        attributes_capped,
        flattened: tok.sink.flattened,
    };
    (tok.sink.inner.sink.finish(), limits)
}

/// Elements with no content.
fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "basefont"
            | "bgsound"
            | "br"
            | "col"
            | "embed"
            | "frame"
            | "hr"
            | "image"
            | "img"
            | "input"
            | "keygen"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Elements always passed on and not counted: the ones the tree builder closes by
/// itself when the next one opens (so they do not pile up), headings and
/// paragraphs (blocks whose text must stay a block), and raw-text elements (which
/// hold no tags).
fn is_passed(name: &str) -> bool {
    matches!(
        name,
        "html"
            | "head"
            | "body"
            | "p"
            | "li"
            | "dt"
            | "dd"
            | "option"
            | "optgroup"
            | "tr"
            | "td"
            | "th"
            | "thead"
            | "tbody"
            | "tfoot"
            | "caption"
            | "colgroup"
            | "rb"
            | "rt"
            | "rtc"
            | "rp"
            | "frameset"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "script"
            | "style"
            | "textarea"
            | "title"
            | "xmp"
            | "iframe"
            | "noembed"
            | "noframes"
            | "noscript"
            | "plaintext"
    )
}

/// HTML start tags that end SVG/MathML content (the tree builder pops the foreign
/// elements before inserting them).
fn breaks_out_of_foreign(name: &str) -> bool {
    matches!(
        name,
        "b" | "big"
            | "blockquote"
            | "body"
            | "br"
            | "center"
            | "code"
            | "dd"
            | "div"
            | "dl"
            | "dt"
            | "em"
            | "embed"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "head"
            | "hr"
            | "i"
            | "img"
            | "li"
            | "listing"
            | "menu"
            | "meta"
            | "nobr"
            | "ol"
            | "p"
            | "pre"
            | "ruby"
            | "s"
            | "small"
            | "span"
            | "strong"
            | "strike"
            | "sub"
            | "sup"
            | "table"
            | "tt"
            | "u"
            | "ul"
            | "var"
            | "font"
    )
}

fn is_foreign_root(name: &str) -> bool {
    matches!(name, "svg" | "math")
}

/// The token filter in front of the tree builder. `stack` follows the open
/// container elements approximately (it may count more than the tree builder has
/// open, never fewer by more than the elements the tree builder adds itself, such
/// as `tbody`): when it is full, container tags are left out.
struct Flatten {
    inner: TreeBuilder<Handle, Html>,
    stack: Vec<LocalName>,
    /// `svg`/`math` elements on `stack`.
    foreign: usize,
    /// Start tags left out, by name, whose end tags are left out too.
    left_out: FxHashMap<LocalName, usize>,
    /// `blockquote`s past the limit passed on as `p`.
    as_p: usize,
    /// Start tags past the limit left out or rewritten.
    flattened: usize,
    skippable: SkippableFn,
}

impl Flatten {
    fn push(&mut self, name: &LocalName) {
        if is_foreign_root(name) {
            self.foreign += 1;
        }
        self.stack.push(name.clone());
    }

    /// Pop down to and including the nearest open `name`, if there is one.
    fn pop_to(&mut self, name: &LocalName) -> bool {
        let Some(i) = self.stack.iter().rposition(|n| n == name) else {
            return false;
        };
        for n in self.stack.drain(i..) {
            if is_foreign_root(&n) {
                self.foreign -= 1;
            }
        }
        true
    }

    /// Pop the foreign (SVG/MathML) elements and what they hold.
    fn leave_foreign(&mut self) {
        if let Some(i) = self.stack.iter().position(|n| is_foreign_root(n)) {
            self.stack.truncate(i);
            self.foreign = 0;
        }
    }

    /// Whether to pass the tag on (it may be rewritten).
    fn filter(&mut self, tag: &mut Tag) -> bool {
        let name = tag.name.clone();
        match tag.kind {
            TagKind::StartTag => {
                if self.foreign > 0 && breaks_out_of_foreign(&name) {
                    self.leave_foreign();
                }
                if is_void(&name) || is_passed(&name) || (self.foreign > 0 && tag.self_closing) {
                    return true;
                }
                if self.stack.len() < MAX_NESTING
                    || (self.stack.len() == MAX_NESTING && (self.skippable)(&name, &tag.attrs))
                {
                    self.push(&name);
                    return true;
                }
                self.flattened += 1;
                if &*name == "blockquote" {
                    self.as_p += 1;
                    tag.name = local_name!("p");
                    tag.attrs.clear();
                    return true;
                }
                *self.left_out.entry(name).or_insert(0) += 1;
                false
            }
            TagKind::EndTag => {
                if is_passed(&name) || is_void(&name) {
                    return true;
                }
                if &*name == "blockquote" && self.as_p > 0 {
                    self.as_p -= 1;
                    tag.name = local_name!("p");
                    return true;
                }
                if let Some(n) = self.left_out.get_mut(&name) {
                    if *n > 0 {
                        *n -= 1;
                        return false;
                    }
                }
                self.pop_to(&name);
                true
            }
        }
    }
}

impl TokenSink for Flatten {
    type Handle = Handle;

    fn process_token(&mut self, token: Token, line: u64) -> TokenSinkResult<Self::Handle> {
        match token {
            Token::TagToken(mut tag) => {
                if self.filter(&mut tag) {
                    self.inner.process_token(Token::TagToken(tag), line)
                } else {
                    TokenSinkResult::Continue
                }
            }
            t => self.inner.process_token(t, line),
        }
    }

    fn end(&mut self) {
        self.inner.end();
    }

    fn adjusted_current_node_present_but_not_in_html_namespace(&self) -> bool {
        self.inner
            .adjusted_current_node_present_but_not_in_html_namespace()
    }
}

const RAW_TEXT: &[&str] = &[
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript",
];

/// The page with every tag's attributes after the [`MAX_ATTRIBUTES`]th left out,
/// and how many tags were cut. A light scan of tags, comments and raw-text
/// elements; a page with no such tag is returned as it is.
pub fn cap_attributes(html: &str) -> (Cow<'_, str>, usize) {
    let b = html.as_bytes();
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let mut i = 0;
    while let Some(off) = memchr_lt(&b[i..]) {
        i += off + 1;
        if b[i..].starts_with(b"!--") {
            i = find(b, i + 3, b"-->").map_or(b.len(), |e| e + 3);
            continue;
        }
        let end_tag = b.get(i) == Some(&b'/');
        let start = i + usize::from(end_tag);
        if !b.get(start).is_some_and(u8::is_ascii_alphabetic) {
            continue;
        }
        let mut j = start;
        while j < b.len() && !matches!(b[j], b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>') {
            j += 1;
        }
        let name = html[start..j].to_ascii_lowercase();
        let mut count = 0usize;
        let mut cut_from = None;
        // attributes up to the tag's `>`
        loop {
            while j < b.len() && matches!(b[j], b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/') {
                j += 1;
            }
            if j >= b.len() || b[j] == b'>' {
                break;
            }
            count += 1;
            if count > MAX_ATTRIBUTES && cut_from.is_none() {
                cut_from = Some(j);
            }
            // the name (a first `=` belongs to it)
            j += 1;
            while j < b.len()
                && !matches!(
                    b[j],
                    b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>' | b'='
                )
            {
                j += 1;
            }
            while j < b.len() && matches!(b[j], b'\t' | b'\n' | b'\x0c' | b'\r' | b' ') {
                j += 1;
            }
            if b.get(j) == Some(&b'=') {
                j += 1;
                while j < b.len() && matches!(b[j], b'\t' | b'\n' | b'\x0c' | b'\r' | b' ') {
                    j += 1;
                }
                match b.get(j) {
                    Some(&q @ (b'"' | b'\'')) => {
                        j = b[j + 1..]
                            .iter()
                            .position(|&c| c == q)
                            .map_or(b.len(), |p| j + 2 + p);
                    }
                    _ => {
                        while j < b.len()
                            && !matches!(b[j], b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'>')
                        {
                            j += 1;
                        }
                    }
                }
            }
        }
        if let Some(from) = cut_from {
            cuts.push((from, j.min(b.len())));
        }
        i = j.min(b.len());
        if !end_tag {
            if name == "plaintext" {
                break;
            }
            if RAW_TEXT.contains(&name.as_str()) {
                let close = format!("</{name}");
                i = find_ci(b, i, close.as_bytes()).unwrap_or(b.len());
            }
        }
    }
    if cuts.is_empty() {
        return (Cow::Borrowed(html), 0);
    }
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    let n = cuts.len();
    for (from, to) in cuts {
        // both ends sit on ASCII bytes (or the end), so on char boundaries
        out.push_str(&html[at..from]);
        at = to;
    }
    out.push_str(&html[at..]);
    (Cow::Owned(out), n)
}

fn memchr_lt(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'<')
}

fn find(b: &[u8], from: usize, pat: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(pat.len())
        .position(|w| w == pat)
        .map(|p| from + p)
}

fn find_ci(b: &[u8], from: usize, pat: &[u8]) -> Option<usize> {
    b.get(from..)?
        .windows(pat.len())
        .position(|w| w.eq_ignore_ascii_case(pat))
        .map(|p| from + p)
}
