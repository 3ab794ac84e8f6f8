//! `markup-limit`: an HTML side hit one of the parser's limits (see
//! `document::html_parse`). Past [`MAX_NESTING`] open containers the markup is
//! flattened (the text is kept); past [`MAX_ATTRIBUTES`] attributes on one tag the
//! rest are left out (attributes hold no article text). Neither loses text, but a
//! limit that was hit is said, naming it, never silent.

use super::{declare_check, Context, Run};
use crate::document::html_parse::{Limits, MAX_ATTRIBUTES, MAX_NESTING};
use crate::document::Dispatch;
use crate::finding::Finding;

declare_check! {
    pub struct MarkupLimit;
    id: MarkupLimit,
    severity: Info,
    summary: "an HTML input hit a parser limit (nesting flattened past 256 elements, attributes past 1,000 on a tag left out)",
    what: "Fires, once per side, when the HTML of the page or file hit a limit that keeps parsing linear in its size: \
           elements nested more than 256 containers deep are flattened (their text is kept, as paragraphs where it \
           was), and attributes after the 1,000th of one tag are left out. The message names the limit and how often \
           it was hit.",
    why: "Such markup is hostile or broken (no real page nests 256 containers or puts 1,000 attributes on a tag); \
          the text was still checked, but the desk should know the page was not read exactly as written.",
    example: "en: a page with 100,000 nested `<div>`s\n→ markup-limit: the English HTML nests more than 256 elements \
              (nesting limit): 99,744 container tags past it were flattened, their text kept",
    settings: None,
}

fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The message for one side's limits, if it hit any.
fn message(d: &Dispatch, side: &str) -> Option<String> {
    let Limits {
        attributes_capped,
        flattened,
    } = d.limits;
    let mut parts = Vec::new();
    if flattened > 0 {
        parts.push(format!(
            "nests more than {MAX_NESTING} elements (nesting limit): {} container tag{} past it flattened, their text kept",
            thousands(flattened),
            if flattened == 1 { "" } else { "s" }
        ));
    }
    if attributes_capped > 0 {
        parts.push(format!(
            "has {} tag{} with more than {} attributes (attribute limit): the attributes past it were left out",
            thousands(attributes_capped),
            if attributes_capped == 1 { "" } else { "s" },
            thousands(MAX_ATTRIBUTES)
        ));
    }
    (!parts.is_empty()).then(|| format!("the {side} HTML {}", parts.join("; it ")))
}

impl Run for MarkupLimit {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if let Some(m) = message(cx.fr, "French") {
            out.push(Finding::new(Self::ID, Vec::new(), Vec::new(), m));
        }
        if let Some(m) = message(cx.en, "English") {
            out.push(Finding::new(Self::ID, Vec::new(), Vec::new(), m));
        }
    }
}
