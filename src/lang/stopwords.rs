//! Function words of French and English (`stopwords_fr.txt`, `stopwords_en.txt`),
//! which carry no content: the aligner gives them no weight.

use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use super::text::fold;
use super::Lang;

/// Function words of a language, folded.
pub fn stopwords(lang: Lang) -> &'static FxHashSet<String> {
    static FR: OnceLock<FxHashSet<String>> = OnceLock::new();
    static EN: OnceLock<FxHashSet<String>> = OnceLock::new();
    let load = |data: &str| data.split_whitespace().map(fold).collect();
    match lang {
        Lang::Fr => FR.get_or_init(|| load(include_str!("stopwords_fr.txt"))),
        Lang::En => EN.get_or_init(|| load(include_str!("stopwords_en.txt"))),
    }
}
