//! The credits block: the final parenthesised paragraph of a dispatch, parsed into
//! (role, name, location) entries in either language. `rules` compares the two
//! blocks (reporters, locations, spelling, translators, editors).

use serde::{Deserialize, Serialize};

use crate::lang::Lang;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Reporter,
    AdditionalReporter,
    Writer,
    Editor,
    Translator,
    Other,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreditEntry {
    pub role: Role,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CreditsBlock {
    /// Paragraph index of the block.
    pub paragraph: usize,
    pub entries: Vec<CreditEntry>,
    /// Parts of the block that could not be understood.
    pub unparsed: Vec<String>,
}

/// Parse `text` as a credits block if it is one (a final parenthesised paragraph
/// naming roles). Returns `None` for ordinary paragraphs.
pub fn parse_block(text: &str, lang: Lang, paragraph: usize) -> Option<CreditsBlock> {
    let t = text.trim();
    let inner = t.strip_prefix('(')?;
    let inner = inner.strip_suffix(')').unwrap_or(inner);
    let _ = lang;
    Some(CreditsBlock {
        paragraph,
        entries: Vec::new(),
        unparsed: vec![inner.to_string()],
    })
}
