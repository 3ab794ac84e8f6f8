//! Clauses around a quotation: the sentence after it, the one before it, and a
//! fast search for speech verbs after a space.

use aho_corasick::{AhoCorasick, MatchKind};

/// The text up to the end of the sentence after a quotation. A period after an
/// abbreviation (`M.`, `Dr.`, `Gen.`) does not end it.
pub(super) fn first_clause(s: &str) -> &str {
    let end = s
        .char_indices()
        .find(|&(i, c)| match c {
            '.' => !after_abbreviation(&s[..i]),
            '!' | '?' | ';' | '«' | '“' | '"' => true,
            _ => false,
        })
        .map_or(s.len(), |(i, _)| i);
    &s[..end]
}

const ABBREVIATIONS: &[&str] = &[
    "Mme", "Mlle", "Mr", "Mrs", "Ms", "Dr", "St", "Jr", "Sr", "Gen", "Col", "Sen", "Rep", "Gov",
    "Lt", "Sgt", "Capt", "Prof", "Pr", "Me",
];

pub(super) fn after_abbreviation(before: &str) -> bool {
    let word: &str = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
        || ABBREVIATIONS.contains(&word)
}

/// The text since the start of the sentence before a quotation.
pub(super) fn last_clause(s: &str) -> &str {
    let start = s
        .char_indices()
        .rfind(|(_, c)| matches!(c, '.' | '!' | '?' | ';' | '»' | '”'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &s[start..]
}

/// Where each verb of a list follows a space in a text, found in one pass of an
/// Aho-Corasick automaton over the patterns ` v` (a space, then the verb): for
/// verb `k`, the byte offsets of the first and the last ` v`, as `hay.find(" v")`
/// and `hay.rfind(" v")` give them.
pub(super) struct SpacedVerbs {
    count: usize,
    automaton: AhoCorasick,
}

impl SpacedVerbs {
    pub(super) fn new(verbs: &[&str]) -> SpacedVerbs {
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .build(verbs.iter().map(|v| format!(" {v}")))
            .expect("speech verbs build an automaton");
        SpacedVerbs {
            count: verbs.len(),
            automaton,
        }
    }

    /// First and last offset of each verb's ` v` in `hay` (`None`: absent).
    pub(super) fn hits(&self, hay: &str) -> Vec<Option<(usize, usize)>> {
        let mut out = vec![None; self.count];
        // matches come by end offset; for one pattern that is also by start
        for m in self.automaton.find_overlapping_iter(hay) {
            let e = &mut out[m.pattern().as_usize()];
            *e = Some(e.map_or((m.start(), m.start()), |(f, _)| (f, m.start())));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn verb_hits_are_find_and_rfind_of_space_and_verb() {
        let verbs = ["a", "a déclaré", "dit", "é", "aa", "a dit"];
        let spaced = SpacedVerbs::new(&verbs);
        for hay in [
            "",
            "a",
            " a",
            "dit a dit",
            "X a déclaré, a déclaré Y",
            "  a  a",
            "é a",
            " aa aaa a dit a",
            "a dit, il a dit et a déclaré é",
        ] {
            let hits = spaced.hits(hay);
            for (k, v) in verbs.iter().enumerate() {
                let pat = format!(" {v}");
                let want = hay.find(&pat).zip(hay.rfind(&pat));
                assert_eq!(hits[k], want, "{hay:?} {v:?}");
            }
        }
        // the real lists
        for verbs in [super::super::FR_VERBS, super::super::EN_VERBS] {
            let spaced = SpacedVerbs::new(verbs);
            let hay = format!(" {} x {}", verbs.join(" , "), verbs.join(" "));
            let hits = spaced.hits(&hay);
            for (k, v) in verbs.iter().enumerate() {
                let pat = format!(" {v}");
                assert_eq!(hits[k], hay.find(&pat).zip(hay.rfind(&pat)), "{v:?}");
            }
        }
    }
}
