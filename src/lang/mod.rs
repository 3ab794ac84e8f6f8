//! French and English knowledge: text folding and tokens, the FR→EN lexicon, the
//! exonym/transliteration table, numbers and dates. Tables are data files in this
//! folder, compiled into the binary with `include_str!` and parsed once on first use.

pub mod dates;
mod exonym_forms;
pub mod exonyms;
pub mod lexicon;
pub mod name_compare;
pub mod name_index;
pub mod names;
pub mod numbers;
pub mod sentences;
pub mod stem;
pub mod stopwords;
pub mod text;
pub mod titles;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    Fr,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Fr => "fr",
            Lang::En => "en",
        }
    }
}
