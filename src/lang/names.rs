//! Proper names in running text: capitalised words (with particles and hyphens)
//! that are not merely sentence-initial, and known names from the exonym table.
//! Used by `name-mismatch` and by quotation speaker comparison.

use std::ops::Range;
use std::sync::OnceLock;

use rustc_hash::FxHashSet;

use super::exonyms::{normalise_form, ExonymTable};
use super::text::{fold, fold_into, is_sentence_start, words};
use super::Lang;

#[derive(Debug, Clone, PartialEq)]
pub struct NameMention {
    pub text: String,
    pub span: Range<usize>,
    /// Canonical key from the exonym table, if known.
    pub canonical: Option<String>,
}

const PARTICLES: &[&str] = &[
    "de", "du", "des", "la", "le", "van", "von", "der", "den", "al", "el", "bin", "ben", "da",
    "di", "dos", "y",
];

/// Capitalised words that are titles or sentence furniture, not names (weekdays and
/// months come from `dates::is_calendar_word`).
const NOT_NAMES_FR: &[&str] = &[
    "le",
    "la",
    "les",
    "un",
    "une",
    "il",
    "elle",
    "ils",
    "elles",
    "ce",
    "cette",
    "ces",
    "mais",
    "et",
    "ou",
    "selon",
    "m",
    "mme",
    "mm",
    "dr",
    "pr",
    "me",
    "mgr",
    "st",
    "ste",
    "saint",
    "sainte",
    "etat",
    "etats",
    "premier",
    "president",
    "ministre",
    "gouvernement",
    "nous",
    "vous",
    "on",
    "en",
    "dans",
    "pour",
    "par",
    "sur",
    "avec",
    "sans",
    "depuis",
    "apres",
    "avant",
    "alors",
    "si",
    "quand",
    "comme",
    "tout",
    "tous",
    "c",
    "l",
    "d",
    "qu",
    "a",
    "au",
    "aux",
    "du",
    "des",
    "de",
    "je",
    "j",
];
const NOT_NAMES_EN: &[&str] = &[
    "the",
    "a",
    "an",
    "he",
    "she",
    "they",
    "it",
    "we",
    "i",
    "this",
    "that",
    "these",
    "those",
    "but",
    "and",
    "or",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "st",
    "in",
    "on",
    "at",
    "for",
    "by",
    "with",
    "after",
    "before",
    "when",
    "if",
    "as",
    "so",
    "there",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "you",
    "president",
    "minister",
    "prime",
    "state",
    "government",
];

fn not_name(folded: &str, lang: Lang) -> bool {
    static FR: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    static EN: OnceLock<FxHashSet<&'static str>> = OnceLock::new();
    let set = match lang {
        Lang::Fr => FR.get_or_init(|| NOT_NAMES_FR.iter().copied().collect()),
        Lang::En => EN.get_or_init(|| NOT_NAMES_EN.iter().copied().collect()),
    };
    set.contains(folded) || super::dates::is_calendar_word(folded, lang)
}

/// [`not_name`] of a word as written, folded in `buf`.
fn word_not_name(word: &str, lang: Lang, buf: &mut String) -> bool {
    buf.clear();
    fold_into(word, buf);
    not_name(buf, lang)
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Names mentioned in `text`: runs of capitalised words (particles allowed
/// inside), skipping a lone sentence-initial word unless the table knows it.
pub fn mentions(text: &str, lang: Lang, table: &ExonymTable) -> Vec<NameMention> {
    let ws = words(text);
    let mut buf = String::new();
    let mut out = Vec::new();
    let mut k = 0;
    while k < ws.len() {
        let w = &ws[k];
        if !capitalised(w.text) || w.text.chars().all(|c| c.is_ascii_digit()) {
            k += 1;
            continue;
        }
        // extend the run over capitalised words and inner particles
        let mut end = k;
        let mut j = k + 1;
        while j < ws.len() {
            let between = &text[ws[j - 1].end()..ws[j].start];
            if between.chars().any(|c| !c.is_whitespace() && c != '-') {
                break;
            }
            if capitalised(ws[j].text) && !word_not_name(ws[j].text, lang, &mut buf) {
                end = j;
                j += 1;
            } else if PARTICLES.contains(&ws[j].text)
                && j + 1 < ws.len()
                && capitalised(ws[j + 1].text)
            {
                j += 1;
            } else {
                break;
            }
        }
        // drop leading non-name words (`Le`, `The`, `M.`)
        let mut start = k;
        while start <= end && word_not_name(ws[start].text, lang, &mut buf) {
            start += 1;
        }
        if start > end {
            k = end + 1;
            continue;
        }
        let mut span = ws[start].start..ws[end].end();
        // English possessive: `NSA's` names the NSA
        for poss in ["'s", "’s"] {
            if text[span.clone()].ends_with(poss) {
                span.end -= poss.len();
            }
        }
        let mut canonical = table.canonical(&text[span.clone()]);
        // a place whose name starts with an article (La Haye, Le Caire, the Hague)
        if start > 0 && canonical.is_none() {
            let art = ws[start - 1].text;
            let with_art = ws[start - 1].start..span.end;
            buf.clear();
            fold_into(art, &mut buf);
            if matches!(buf.as_str(), "le" | "la" | "les" | "l" | "the") {
                if let Some(c) = table.canonical(&text[with_art.clone()]) {
                    canonical = Some(c);
                    span = with_art;
                }
            }
        }
        let name = &text[span.clone()];
        let canonical = canonical.map(String::from);
        let single_initial = start == end && is_sentence_start(text, ws[start].start);
        if !single_initial || canonical.is_some() {
            out.push(NameMention {
                text: name.to_string(),
                span,
                canonical,
            });
        } else if start == end {
            // sentence-initial single word: keep only when it reads as a name elsewhere
            let f = fold(name);
            if ws
                .iter()
                .skip(k + 1)
                .any(|o| capitalised(o.text) && fold(o.text) == f)
            {
                out.push(NameMention {
                    text: name.to_string(),
                    span,
                    canonical,
                });
            }
        }
        k = end + 1;
    }
    out
}

/// Folded parts of a name (`Sergueï Lavrov` → `serguei`, `lavrov`), particles dropped.
pub fn parts(name: &str) -> Vec<String> {
    normalise_form(name)
        .split(' ')
        .filter(|p| p.len() > 1 && !PARTICLES.contains(p))
        .map(String::from)
        .collect()
}

/// Two spellings of the same name part: equal, or close enough to be a
/// transliteration (`serguei`/`sergei`, `zelensky`/`zelenskiy`).
pub fn part_matches(a: &str, b: &str) -> bool {
    if a == b {
        return true;
    }
    let (ka, kb) = (translit_key(a), translit_key(b));
    if ka.chars().count() >= 4 && (ka == kb || similar_at_least(&ka, &kb, 0.8)) {
        return true;
    }
    let (la, lb) = (a.chars().count(), b.chars().count());
    if la < 4 || lb < 4 {
        return false;
    }
    similar_at_least(a, b, 0.75) || (la >= 5 && lb >= 5 && (a.starts_with(b) || b.starts_with(a)))
}

/// `strsim::normalized_damerau_levenshtein(a, b) >= min`, without computing the
/// distance when the lengths alone rule it out (the distance is at least their
/// difference).
fn similar_at_least(a: &str, b: &str, min: f64) -> bool {
    let (la, lb) = (a.chars().count(), b.chars().count());
    let longest = la.max(lb);
    if longest > 0 && 1.0 - (la.abs_diff(lb) as f64 / longest as f64) < min {
        return false;
    }
    strsim::normalized_damerau_levenshtein(a, b) >= min
}

/// A rough transliteration key for a folded name part, so that French and
/// English romanisations meet: `fayçal`/`faisal`, `oussama`/`usama`,
/// `khodorkovski`/`khodorkovsky`, `tchaikovski`/`chaikovsky`.
pub fn translit_key(folded: &str) -> String {
    let mut s = folded.to_string();
    for (from, to) in [
        ("tch", "ch"),
        ("sch", "sh"),
        ("sh", "ch"),
        ("dzh", "j"),
        ("dj", "j"),
        ("zh", "j"),
        ("kh", "k"),
        ("ph", "f"),
        ("ou", "u"),
        ("w", "v"),
        ("y", "i"),
        ("q", "k"),
    ] {
        // most names hold none of these: look before building a new string
        if s.as_bytes()
            .windows(from.len())
            .any(|w| w == from.as_bytes())
        {
            s = s.replace(from, to);
        }
    }
    // c before a vowel or at the end sounds like s in these names (Fayçal, Faisal)
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        let c = if c == 'c' && chars.get(i + 1) != Some(&'h') {
            's'
        } else {
            c
        };
        if out.ends_with(c) {
            continue; // doubled letters: Hollande / Holland
        }
        out.push(c);
    }
    if out.len() > 4 && out.ends_with('e') {
        out.pop();
    }
    out
}

/// Does `name` (as written on one side) match `other` (a name on the other side)?
/// Same canonical key, or some part of one matches some part of the other.
pub fn same_name(name: &str, other: &str, table: &ExonymTable) -> bool {
    if table.same(name, other) {
        return true;
    }
    let pa = parts(name);
    let pb = parts(other);
    let m = |a: &String, b: &String| part_matches(a, b) || table.same(a, b);
    match (pa.len(), pb.len()) {
        (0, _) | (_, 0) => false,
        // a lone part (a surname, or a given name) matches any part of the other
        (1, _) => pb.iter().any(|b| m(&pa[0], b)),
        (_, 1) => pa.iter().any(|a| m(a, &pb[0])),
        // two full names: the family names must match (`John Gallagher` ≠ `John Hardy`),
        // whichever end it is written at (`Xi Jinping`, `Kim Ji-hoon`)
        _ => {
            m(&pa[pa.len() - 1], &pb[pb.len() - 1])
                || m(&pa[0], &pb[0])
                    && pa.len() == pb.len()
                    && pa.iter().zip(&pb).all(|(a, b)| m(a, b))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(t: &str, lang: Lang) -> Vec<String> {
        mentions(t, lang, ExonymTable::global())
            .into_iter()
            .map(|m| m.text)
            .collect()
    }

    #[test]
    fn finds_multiword_names_with_particles() {
        assert_eq!(
            names(
                "Le ministre Sergueï Lavrov a rencontré Charles de Gaulle à Pékin.",
                Lang::Fr
            ),
            vec!["Sergueï Lavrov", "Charles de Gaulle", "Pékin"]
        );
    }

    #[test]
    fn sentence_initial_common_word_is_not_a_name() {
        assert!(names("Dans ce cadre, rien.", Lang::Fr).is_empty());
        assert_eq!(names("Moscou a répondu.", Lang::Fr), vec!["Moscou"]);
    }

    #[test]
    fn transliterations_match() {
        let t = ExonymTable::global();
        assert!(same_name("Sergueï Lavrov", "Sergei Lavrov", t));
        assert!(same_name("Zelensky", "Zelenskiy", t));
        assert!(!same_name("Greg Sorensen", "Abbott", t));
        assert!(!same_name("John Gallagher", "John Hardy", t));
        assert!(same_name("Fayçal al-Rachid", "Faisal al-Rashid", t));
        assert!(same_name("Oussama", "Usama", t));
        assert!(same_name("Lavrov", "Sergei Lavrov", t));
    }
}
