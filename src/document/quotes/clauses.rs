//! Clauses around a quotation: the sentence after it, the one before it, and a
//! fast search for a speech verb after a space.

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

/// Byte offset of the first ` v` (a space, then `v`) in `hay`: `hay.find(" v")`
/// without building the pattern or a searcher (haystacks are clauses).
pub(super) fn find_spaced(hay: &str, v: &str) -> Option<usize> {
    let (h, v) = (hay.as_bytes(), v.as_bytes());
    let v0 = *v.first()?;
    (1..(h.len() + 1).saturating_sub(v.len()))
        .find(|&i| h[i] == v0 && h[i - 1] == b' ' && h[i..].starts_with(v))
        .map(|i| i - 1)
}

/// Byte offset of the last ` v` in `hay`: `hay.rfind(" v")`.
pub(super) fn rfind_spaced(hay: &str, v: &str) -> Option<usize> {
    let (h, v) = (hay.as_bytes(), v.as_bytes());
    let v0 = *v.first()?;
    (1..(h.len() + 1).saturating_sub(v.len()))
        .rev()
        .find(|&i| h[i] == v0 && h[i - 1] == b' ' && h[i..].starts_with(v))
        .map(|i| i - 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spaced_search_is_find_of_space_and_verb() {
        for hay in [
            "",
            "a",
            " a",
            "dit a dit",
            "X a déclaré, a déclaré Y",
            "  a  a",
            "é a",
        ] {
            for v in ["a", "a déclaré", "dit", "é"] {
                let pat = format!(" {v}");
                assert_eq!(find_spaced(hay, v), hay.find(&pat), "{hay:?} {v:?}");
                assert_eq!(rfind_spaced(hay, v), hay.rfind(&pat), "{hay:?} {v:?}");
            }
        }
    }
}
