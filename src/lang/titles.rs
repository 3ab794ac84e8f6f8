//! Job titles a speaker is given instead of a name (`la ministre`, `the
//! spokesman`, `le professeur`), French and English, each mapped to one key
//! shared by both languages, so that a title can be resolved to the person it
//! last introduced and two titles can be compared across languages.

use std::cell::RefCell;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::lang::text::{fold, fold_into};
use crate::util::WordMemo;

/// `(key, folded forms)`: French and English forms of one title.
const TITLES: &[(&str, &[&str])] = &[
    ("minister", &["ministre", "minister"]),
    (
        "spokesperson",
        &["porte-parole", "spokesman", "spokeswoman", "spokesperson"],
    ),
    (
        "president",
        &["president", "presidente", "chairman", "chairwoman"],
    ),
    ("secretary", &["secretaire", "secretary"]),
    ("professor", &["professeur", "professeure", "professor"]),
    ("director", &["directeur", "directrice", "director"]),
    ("judge", &["juge", "judge"]),
    ("mayor", &["maire", "mairesse", "mayor"]),
    ("ambassador", &["ambassadeur", "ambassadrice", "ambassador"]),
    ("chancellor", &["chancelier", "chanceliere", "chancellor"]),
    ("lawyer", &["avocat", "avocate", "lawyer", "attorney"]),
    ("mediator", &["mediateur", "mediatrice", "mediator"]),
    ("governor", &["gouverneur", "gouverneure", "governor"]),
    ("senator", &["senateur", "senatrice", "senator"]),
    ("economist", &["economiste", "economist"]),
    ("prosecutor", &["procureur", "procureure", "prosecutor"]),
    ("commissioner", &["commissaire", "commissioner"]),
    (
        "coach",
        &[
            "entraineur",
            "entraineuse",
            "selectionneur",
            "coach",
            "manager",
        ],
    ),
    ("analyst", &["analyste", "analyst"]),
    ("doctor", &["medecin", "docteur", "doctor", "physician"]),
    ("king", &["roi", "king"]),
    ("queen", &["reine", "queen"]),
    ("pope", &["pape", "pope"]),
];

/// Words before `minister` that make another title (`premier ministre`,
/// `prime minister`).
const PRIME: &[&str] = &["premier", "premiere", "prime"];

/// A thread's remembered answers: trimmed word to its title key, if any.
type SeenTitles = WordMemo<Option<&'static str>>;

/// The key of a title word (`ministre`, `Spokeswoman`), when it is one. `prev`,
/// the word before it, tells `premier ministre` (prime-minister) from `ministre`.
pub fn title_key(word: &str, prev: Option<&str>) -> Option<&'static str> {
    // asked for every word of every text: the answers for the words seen on this
    // thread are kept (the title list is fixed, so they never change)
    /// Words a thread keeps the answer of before it starts again.
    const SEEN_MAX: usize = 32_768;
    thread_local! {
        static SEEN: RefCell<(String, SeenTitles)> =
            RefCell::new((String::new(), WordMemo::new(SEEN_MAX)));
    }
    let word = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    let key = SEEN.with(|m| match m.try_borrow_mut() {
        Ok(mut m) => {
            let (buf, seen) = &mut *m;
            if let Some(&k) = seen.get(word) {
                return k;
            }
            buf.clear();
            fold_into(word, buf);
            let k = folded_key(buf);
            seen.insert(word, k);
            k
        }
        Err(_) => folded_key(&fold(word)),
    })?;
    if key == "minister" && prev.is_some_and(|p| PRIME.contains(&fold(p).as_str())) {
        return Some("prime-minister");
    }
    Some(key)
}

/// The key of a folded title word, plural or not.
fn folded_key(w: &str) -> Option<&'static str> {
    let w = w
        .strip_suffix('s')
        .filter(|s| s.len() > 3 && lookup(s).is_some())
        .unwrap_or(w);
    lookup(w)
}

fn lookup(folded: &str) -> Option<&'static str> {
    // every form to its key, the first title that lists it winning (as a scan of
    // the list in order would find it): asked for every word of a text
    static FORMS: OnceLock<FxHashMap<&'static str, &'static str>> = OnceLock::new();
    FORMS
        .get_or_init(|| {
            let mut m = FxHashMap::default();
            for (k, forms) in TITLES {
                for f in *forms {
                    m.entry(*f).or_insert(*k);
                }
            }
            m
        })
        .get(folded)
        .copied()
}

/// Is this word a title, or the first word of one (`Prime`, `premier`)?
pub fn is_title_word(word: &str) -> bool {
    let w = fold(word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-'));
    title_key(&w, None).is_some() || PRIME.contains(&w.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_share_a_key_across_languages() {
        assert_eq!(title_key("ministre", None), title_key("Minister", None));
        assert_eq!(title_key("porte-parole", None), Some("spokesperson"));
        assert_eq!(title_key("spokeswoman", None), Some("spokesperson"));
        assert_eq!(
            title_key("ministre", Some("Premier")),
            Some("prime-minister")
        );
        assert_eq!(title_key("Minister", Some("Prime")), Some("prime-minister"));
        assert_eq!(title_key("ministers", None), Some("minister"));
        assert_eq!(title_key("ministère", None), None);
        assert_eq!(title_key("Lavrov", None), None);
        assert!(is_title_word("Prime") && !is_title_word("European"));
    }
}
