//! Sentences and clauses of a paragraph, in French and English.
//!
//! A sentence ends at `.`, `!`, `?` or `…` (closing quotation marks and brackets
//! after it belong to it) when white space and a sentence opener (a capital, a
//! digit, an opening quotation mark or bracket, a dash) follow. A period does not
//! end a sentence after an abbreviation of the language (`M.`, `Mr.`, `Dr.`,
//! `janv.`), an initial (`John F. Kennedy`), or a dotted abbreviation (`U.S.`,
//! `e.g.`, `J.-C.`); a decimal point (`3.5`) is never followed by a space. A
//! sentence inside a quotation ends the same way: `« Nous partons. » Il` splits
//! after the closing mark, `"We go!" she said` does not split at all.
//!
//! Clauses are the pieces of a sentence between commas, semicolons, colons,
//! dashes and brackets (a comma inside a number, `1,000`, is not a break).

use super::Lang;

/// English abbreviations that take a period and do not end a sentence.
const EN_ABBREV: &[&str] = &[
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "St", "Mt", "Gen", "Sen", "Rep", "Gov", "Lt", "Col",
    "Capt", "Sgt", "Maj", "Adm", "Cmdr", "Cpl", "Pte", "Rev", "Hon", "Jr", "Sr", "Inc", "Co",
    "Corp", "Ltd", "Bros", "No", "Nos", "vs", "al", "approx", "est", "Dept", "Jan", "Feb", "Mar",
    "Apr", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Ave", "Blvd", "Rd", "cf", "Fig", "fig",
    "Vol", "vol", "pp", "ca", "Ft", "Pa", "Mass", "Calif", "Fla", "Ill", "Wash",
];

/// French abbreviations that take a period and do not end a sentence.
const FR_ABBREV: &[&str] = &[
    "M", "MM", "Mme", "Mmes", "Mlle", "Mlles", "Me", "Mgr", "Dr", "Pr", "St", "Ste", "av", "apr",
    "env", "cf", "p", "pp", "vol", "art", "chap", "bd", "boul", "coll", "éd", "Cie", "janv",
    "févr", "fév", "avr", "juil", "sept", "oct", "nov", "déc", "gén", "Gal", "Cdt", "Lt", "Col",
    "Sgt", "No", "no", "n°", "tél", "ex", "hab", "min", "max", "resp", "suiv",
];

/// Marks that close a quotation or a bracket: they stay with the sentence before.
fn is_closer(c: char) -> bool {
    matches!(c, '»' | '"' | '”' | '’' | '\'' | ')' | ']' | '›')
}

/// Can this char open a sentence?
fn is_opener(c: char) -> bool {
    c.is_uppercase()
        || c.is_ascii_digit()
        || matches!(
            c,
            '«' | '"' | '“' | '‘' | '(' | '[' | '—' | '–' | '-' | '‹' | '¿' | '¡'
        )
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// The word just before byte `end` (a period), back to white space or an
/// opening mark: `U.S` in `the U.S.`, `M` in `(M.`.
fn word_before(text: &str, end: usize) -> &str {
    let head = &text[..end];
    let start = head
        .char_indices()
        .rev()
        .find(|&(_, c)| is_space(c) || matches!(c, '(' | '«' | '"' | '“' | '[' | '\''))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &head[start..]
}

/// Does a period after `word` mark an abbreviation rather than a sentence end?
fn abbreviation(word: &str, lang: Lang) -> bool {
    if word.is_empty() {
        return false;
    }
    let list = match lang {
        Lang::En => EN_ABBREV,
        Lang::Fr => FR_ABBREV,
    };
    if list.contains(&word) {
        return true;
    }
    let mut letters = word.chars().filter(|c| c.is_alphabetic());
    // an initial: `F.` in `John F. Kennedy`, `M.` in French
    if let (Some(c), None) = (letters.next(), letters.next()) {
        if word.chars().count() == 1 && c.is_uppercase() {
            return true;
        }
    }
    // a dotted abbreviation: `U.S`, `e.g`, `J.-C`, `a.m`
    word.contains('.')
        && word
            .split(['.', '-'])
            .all(|p| p.is_empty() || (p.chars().count() <= 2 && p.chars().all(char::is_alphabetic)))
}

/// The sentences of `text`, as byte ranges, white space trimmed.
pub fn sentences(text: &str, lang: Lang) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut k = 0;
    while k < chars.len() {
        let (i, c) = chars[k];
        if !matches!(c, '.' | '!' | '?' | '…') {
            k += 1;
            continue;
        }
        // the run of end marks, then closing marks (a French closing guillemet may
        // stand after a space: `partons. »`)
        let mut e = k + 1;
        while e < chars.len() && matches!(chars[e].1, '.' | '!' | '?' | '…') {
            e += 1;
        }
        let mut close = e;
        loop {
            let mut s = close;
            while s < chars.len() && is_space(chars[s].1) && s - close < 2 {
                s += 1;
            }
            if s < chars.len() && is_closer(chars[s].1) && (s == close || chars[s].1 == '»') {
                close = s + 1;
            } else {
                break;
            }
        }
        let mut next = close;
        while next < chars.len() && is_space(chars[next].1) {
            next += 1;
        }
        let boundary = next > close
            && next < chars.len()
            && is_opener(chars[next].1)
            && !(c == '.' && e == k + 1 && abbreviation(word_before(text, i), lang));
        if boundary {
            let end = chars.get(close).map_or(text.len(), |&(b, _)| b);
            push_trimmed(text, start, end, &mut out);
            start = chars[next].0;
        }
        k = next.max(k + 1);
    }
    push_trimmed(text, start, text.len(), &mut out);
    out
}

fn push_trimmed(text: &str, start: usize, end: usize, out: &mut Vec<(usize, usize)>) {
    let piece = &text[start..end];
    let lead = piece.len() - piece.trim_start_matches(is_space).len();
    let trail = piece.len() - piece.trim_end_matches(is_space).len();
    if start + lead < end - trail {
        out.push((start + lead, end - trail));
    }
}

/// The clauses of a sentence (byte ranges within it, in order, covering it):
/// breaks after `,` `;` `:` followed by a space, around spaced dashes and
/// around brackets.
pub fn clauses(sentence: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    let chars: Vec<(usize, char)> = sentence.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        let next = chars.get(k + 1).map(|x| x.1);
        let prev = k.checked_sub(1).map(|p| chars[p].1);
        let cut = match c {
            ',' | ';' | ':' => next.is_none_or(is_space).then_some(i + 1),
            '—' | '–' | '-' => (prev.is_some_and(is_space) && next.is_some_and(is_space))
                .then_some(i + c.len_utf8()),
            '(' => Some(i),
            ')' => Some(i + 1),
            _ => None,
        };
        if let Some(cut) = cut {
            if cut > start {
                push_trimmed(sentence, start, cut, &mut out);
                start = cut;
            }
        }
    }
    push_trimmed(sentence, start, sentence.len(), &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(text: &str, lang: Lang) -> Vec<&str> {
        sentences(text, lang)
            .into_iter()
            .map(|(a, b)| &text[a..b])
            .collect()
    }

    #[test]
    fn plain_sentences() {
        assert_eq!(
            split("The port closed. Ships waited! Why? Nobody knew…", Lang::En),
            ["The port closed.", "Ships waited!", "Why?", "Nobody knew…"]
        );
    }

    #[test]
    fn english_abbreviations_initials_and_decimals() {
        let t = "Mr. Smith met Dr. Jones in the U.S. capital. Growth was 3.5 percent. John F. Kennedy spoke at 10 a.m. on Jan. 5.";
        assert_eq!(
            split(t, Lang::En),
            [
                "Mr. Smith met Dr. Jones in the U.S. capital.",
                "Growth was 3.5 percent.",
                "John F. Kennedy spoke at 10 a.m. on Jan. 5."
            ]
        );
    }

    #[test]
    fn french_abbreviations() {
        let t = "M. Dupont et Mme Martin ont vu le Dr. Petit. Le 3 janv. 2020, MM. Durand et Roux sont partis. Il est né en 52 av. J.-C. à Rome.";
        assert_eq!(
            split(t, Lang::Fr),
            [
                "M. Dupont et Mme Martin ont vu le Dr. Petit.",
                "Le 3 janv. 2020, MM. Durand et Roux sont partis.",
                "Il est né en 52 av. J.-C. à Rome."
            ]
        );
    }

    #[test]
    fn quotations_in_both_languages() {
        assert_eq!(
            split(
                "« Nous partons. » Il a fermé la porte. « Partez ! » a-t-il crié.",
                Lang::Fr
            ),
            [
                "« Nous partons. »",
                "Il a fermé la porte.",
                "« Partez ! » a-t-il crié."
            ]
        );
        assert_eq!(
            split(
                "\"We are leaving.\" He shut the door. \"Go!\" she said.",
                Lang::En
            ),
            [
                "\"We are leaving.\"",
                "He shut the door.",
                "\"Go!\" she said."
            ]
        );
    }

    #[test]
    fn lower_case_after_a_period_is_not_a_new_sentence() {
        assert_eq!(split("It fell 2 p.c. and rose again.", Lang::En).len(), 1);
        assert_eq!(split("Il a dit... non, rien.", Lang::Fr).len(), 1);
    }

    #[test]
    fn clauses_split_at_commas_dashes_and_brackets() {
        let s = "In May, the board (led by Ann Lee) voted - narrowly - for a 1,000-job cut; staff protested.";
        let parts: Vec<&str> = clauses(s).into_iter().map(|(a, b)| &s[a..b]).collect();
        assert_eq!(
            parts,
            [
                "In May,",
                "the board",
                "(led by Ann Lee)",
                "voted -",
                "narrowly -",
                "for a 1,000-job cut;",
                "staff protested."
            ]
        );
    }
}
