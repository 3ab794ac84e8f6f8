//! The French→English news lexicon (`lexicon.tsv`: `french<TAB>english|english…`),
//! used by the aligner to see that two paragraphs say the same thing. Keys and
//! translations are folded and stemmed at build time (`build.rs`) into static
//! perfect-hash tables, so nothing is parsed when the tool starts; lookups take
//! folded words.

pub use super::stem::{en_stem, fr_stem};

mod data {
    include!(concat!(env!("OUT_DIR"), "/lexicon_data.rs"));
}

/// The shipped lexicon (a view over the compiled tables).
pub struct Lexicon {
    entries: &'static phf::Map<&'static str, &'static [&'static str]>,
    english: &'static phf::Set<&'static str>,
}

static LEXICON: Lexicon = Lexicon {
    entries: &data::ENTRIES,
    english: &data::ENGLISH,
};

impl Lexicon {
    pub fn global() -> &'static Lexicon {
        &LEXICON
    }

    fn entry(&self, stem: &str) -> Option<&'static [&'static str]> {
        self.entries.get(stem).copied()
    }

    /// Is this English stem a translation of some entry (an ordinary English word)?
    pub fn is_english(&self, en_stem: &str) -> bool {
        self.english.contains(en_stem)
    }

    /// English stems a folded French word may translate to.
    pub fn translations(&self, fr_folded: &str) -> &'static [&'static str] {
        self.entry(&fr_stem(fr_folded)).unwrap_or(&[])
    }

    /// Is this folded French word (any inflection the stemmer reduces) a headword?
    pub fn has_headword(&self, fr_folded: &str) -> bool {
        self.entry(&fr_stem(fr_folded)).is_some()
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_lexicon_is_large_and_finds_news_words() {
        let lex = Lexicon::global();
        assert!(lex.len() >= 3000, "lexicon has {} entries", lex.len());
        assert!(lex
            .translations("gouvernement")
            .contains(&en_stem("government").as_ref()));
        assert!(lex
            .translations("accords")
            .contains(&en_stem("agreement").as_ref()));
        assert!(lex.is_english(&en_stem("government")));
        assert!(lex.has_headword("gouvernements"));
    }

    #[test]
    fn stems() {
        assert_eq!(fr_stem("nationaux"), "national");
        assert_eq!(en_stem("agreements"), en_stem("agreement"));
        assert_eq!(en_stem("talks"), en_stem("talk"));
    }
}
