//! The French→English news lexicon (`lexicon.tsv`: `french<TAB>english|english…`),
//! used by the aligner to see that two paragraphs say the same thing. Keys and
//! translations are folded and stemmed on load, so lookups take folded words.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;

use super::text::fold;

const LEXICON_TSV: &str = include_str!("lexicon.tsv");

pub struct Lexicon {
    map: HashMap<String, Vec<String>>,
    english: rustc_hash::FxHashSet<String>,
}

impl Lexicon {
    pub fn parse(data: &str) -> Lexicon {
        let mut map: HashMap<String, Vec<String>> = HashMap::default();
        for line in data.lines() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let Some((fr, en)) = line.split_once('\t') else {
                continue;
            };
            let key = fr_stem(&fold(fr.trim()));
            let entry = map.entry(key).or_default();
            for e in en.split('|') {
                let e = e.trim();
                if e.is_empty() {
                    continue;
                }
                // multiword English: every content word counts
                for w in e.split_whitespace() {
                    let s = en_stem(&fold(w));
                    if s.len() >= 2 && !entry.contains(&s) {
                        entry.push(s);
                    }
                }
            }
        }
        let english = map.values().flatten().cloned().collect();
        Lexicon { map, english }
    }

    /// Stemmed French headwords.
    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.map.keys()
    }

    /// Is this English stem a translation of some entry (an ordinary English word)?
    pub fn is_english(&self, en_stem: &str) -> bool {
        self.english.contains(en_stem)
    }

    pub fn global() -> &'static Lexicon {
        static LEX: OnceLock<Lexicon> = OnceLock::new();
        LEX.get_or_init(|| Lexicon::parse(LEXICON_TSV))
    }

    /// English stems a folded French word may translate to.
    pub fn translations(&self, fr_folded: &str) -> &[String] {
        self.map
            .get(&fr_stem(fr_folded))
            .map_or(&[], |v| v.as_slice())
    }

    /// Is this folded French word (any inflection the stemmer reduces) a headword?
    pub fn has_headword(&self, fr_folded: &str) -> bool {
        self.map.contains_key(&fr_stem(fr_folded))
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }
}

/// Crude French stem: plural and feminine endings off (`accords`→`accord`,
/// `nationales`→`national`).
pub fn fr_stem(w: &str) -> String {
    let mut s = w;
    for suf in ["aux", "es", "s", "x"] {
        if s.len() > suf.len() + 3 && s.ends_with(suf) {
            s = &s[..s.len() - suf.len()];
            if suf == "aux" {
                return format!("{s}al");
            }
            break;
        }
    }
    if s.len() > 4 && s.ends_with('e') {
        s = &s[..s.len() - 1];
    }
    s.to_string()
}

/// Crude English stem: `-ies`, `-es`, `-s`, `-ed`, `-ing`, final `-e` off.
pub fn en_stem(w: &str) -> String {
    let w = w.trim_end_matches("'s");
    let mut s = w.to_string();
    for (suf, rep) in [("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")] {
        if s.len() > suf.len() + 2 && s.ends_with(suf) && !s.ends_with("ss") {
            s.truncate(s.len() - suf.len());
            s.push_str(rep);
            break;
        }
    }
    if s.len() > 3 && s.ends_with('e') {
        s.pop();
    }
    s
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
            .contains(&en_stem("government")));
        assert!(lex.translations("accords").contains(&en_stem("agreement")));
    }

    #[test]
    fn stems() {
        assert_eq!(fr_stem("nationaux"), "national");
        assert_eq!(en_stem("agreements"), en_stem("agreement"));
        assert_eq!(en_stem("talks"), en_stem("talk"));
    }
}
