//! Quotations in a paragraph: « … » (with or without non-breaking spaces), “ … ”,
//! "…" and ‘ … ’, outermost only (nested marks stay inside the text), with the
//! speaker when the sentence names one (`a déclaré X`, `X said`, `selon X`,
//! `according to X`; `a-t-il déclaré` / `he said` resolve to the last named person).

use serde::Serialize;

use crate::lang::Lang;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// Byte span of the quotation marks and content in the paragraph.
    pub start: usize,
    pub end: usize,
    /// The quoted words, marks and padding removed.
    pub text: String,
    pub speaker: Option<String>,
}

fn closer_for(c: char) -> Option<char> {
    match c {
        '«' => Some('»'),
        '“' => Some('”'),
        '„' => Some('“'),
        '‘' => Some('’'),
        '"' => Some('"'),
        _ => None,
    }
}

/// Find the outermost quotations of `text`. `last_speaker` carries the last person
/// named as a speaker across paragraphs, for pronoun attributions.
pub fn find_quotes(text: &str, lang: Lang, last_speaker: &mut Option<String>) -> Vec<Quote> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let Some(close) = closer_for(c) else {
            i += 1;
            continue;
        };
        // a straight quote opens only at a word start, before a non-space; ‘ only
        // before a letter
        if c == '"' || c == '‘' {
            let prev = if i == 0 { ' ' } else { chars[i - 1].1 };
            let next = chars.get(i + 1).map_or(' ', |x| x.1);
            let prev_ok = prev.is_whitespace()
                || matches!(
                    prev,
                    '(' | '[' | '—' | '–' | '-' | ':' | '«' | '“' | '\u{a0}'
                );
            if !prev_ok || next.is_whitespace() {
                i += 1;
                continue;
            }
        }
        // find the matching closer, allowing nesting of the same pair
        let mut depth = 0usize;
        let mut j = i + 1;
        let mut found = None;
        while j < chars.len() {
            let cj = chars[j].1;
            let closes = cj == close
                && match c {
                    '‘' => is_closing_apostrophe(&chars, j),
                    // a straight quote closes after a non-space
                    '"' => !chars[j - 1].1.is_whitespace(),
                    _ => true,
                };
            if closes {
                if depth == 0 {
                    found = Some(j);
                    break;
                }
                depth -= 1;
            } else if cj == c && c != '"' {
                depth += 1;
            }
            j += 1;
        }
        let Some(j) = found else {
            i += 1;
            continue;
        };
        let end = chars[j].0 + close.len_utf8();
        let inner = text[start + c.len_utf8()..chars[j].0]
            .trim_matches(|ch: char| ch.is_whitespace() || ch == '\u{202f}')
            .to_string();
        // a quotation has at least two words or is long enough to matter
        if inner.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
            out.push(Quote {
                start,
                end,
                text: inner,
                speaker: None,
            });
        }
        i = j + 1;
    }
    // a paragraph that goes on a quotation from the paragraph before (or lost its
    // opening mark): a straight closing quote with no opener, `…attention," said X`
    if out.first().is_none_or(|q| q.start > 0) {
        if let Some(lead) =
            leading_unopened_quote(text, out.first().map_or(text.len(), |q| q.start))
        {
            out.insert(0, lead);
        }
    }
    for k in 0..out.len() {
        let after = &text[out[k].end..];
        let before_start = if k == 0 { 0 } else { out[k - 1].end };
        let before = &text[before_start..out[k].start];
        // `a-t-elle déclaré`, `she said`: the last person named before the quotation,
        // in this paragraph or an earlier one
        // (scanning only the text since the previous quotation keeps this linear)
        if let Some(p) = last_person(before, lang) {
            *last_speaker = Some(p);
        }
        let pronoun_ref = last_speaker.clone();
        let speaker = attribute(before, after, lang, &pronoun_ref).filter(|s| is_person_like(s));
        if let Some(s) = &speaker {
            *last_speaker = Some(s.clone());
        }
        out[k].speaker = speaker;
    }
    // the last person this paragraph names is who a later pronoun means
    let tail_from = out.last().map_or(0, |q| q.end);
    if let Some(p) =
        last_person(&text[tail_from..], lang).or_else(|| out.last().and_then(|q| q.speaker.clone()))
    {
        *last_speaker = Some(p);
    } else if out.is_empty() {
        if let Some(s) = sentence_speaker(text, lang) {
            *last_speaker = Some(s);
        }
    }
    out
}

/// `text[..limit]` holds a closing straight or curly quote with no opening one
/// before it: the quotation runs from the paragraph start to that mark.
fn leading_unopened_quote(text: &str, limit: usize) -> Option<Quote> {
    let head = &text[..limit];
    if head.contains(['"', '“', '«']) && !head.trim_start().starts_with(['"', '“', '«']) {
        // an opener inside the head: not this case (unless it is the closer we look for)
        let first = head.find(['"', '“', '«'])?;
        let c = head[first..].chars().next()?;
        if c != '"' {
            return None;
        }
        let prev = head[..first].chars().next_back()?;
        let next = head[first + 1..].chars().next().unwrap_or(' ');
        // a closer: after a non-space, before a space or punctuation
        if prev.is_whitespace() || next.is_alphanumeric() {
            return None;
        }
        let inner = head[..first].trim().to_string();
        if inner.split_whitespace().count() < 3 {
            return None;
        }
        return Some(Quote {
            start: 0,
            end: first + 1,
            text: inner,
            speaker: None,
        });
    }
    None
}

fn is_closing_apostrophe(chars: &[(usize, char)], j: usize) -> bool {
    // ’ followed by a letter is an apostrophe (l’Otan), not a closing quote
    chars.get(j + 1).is_none_or(|(_, c)| !c.is_alphabetic())
}

const FR_VERBS: &[&str] = &[
    "a déclaré",
    "a dit",
    "a affirmé",
    "a ajouté",
    "a estimé",
    "a souligné",
    "a expliqué",
    "a indiqué",
    "a précisé",
    "a assuré",
    "a averti",
    "a répondu",
    "a poursuivi",
    "a lancé",
    "a déploré",
    "a martelé",
    "a insisté",
    "a confié",
    "a reconnu",
    "a jugé",
    "a noté",
    "a observé",
    "a annoncé",
    "a écrit",
    "a tweeté",
    "a résumé",
    "a conclu",
    "a rappelé",
    "déclare",
    "dit",
    "affirme",
    "ajoute",
    "estime",
    "souligne",
    "explique",
    "indique",
    "précise",
    "assure",
    "avertit",
    "répond",
    "poursuit",
    "lance",
    "juge",
    "note",
    "écrit",
    "raconte",
    "a raconté",
    "a commenté",
    "commente",
    "a admis",
    "admet",
    "a prévenu",
    "prévient",
    "a fait valoir",
    "fait valoir",
    "a fait savoir",
    "fait savoir",
];
const EN_VERBS: &[&str] = &[
    "said",
    "says",
    "told",
    "added",
    "adds",
    "stated",
    "declared",
    "explained",
    "noted",
    "warned",
    "argued",
    "insisted",
    "wrote",
    "tweeted",
    "replied",
    "asked",
    "continued",
    "stressed",
    "remarked",
    "commented",
    "concluded",
    "acknowledged",
    "admitted",
    "claimed",
    "announced",
    "recalled",
    "observed",
];

/// Find a speaker next to a quotation: after it (`», a déclaré X`, `," X said`,
/// `" said X`, `, a-t-il dit`) or before it (`X a déclaré : «`, `X said: "`,
/// `selon X`, `according to X`).
fn attribute(before: &str, after: &str, lang: Lang, last: &Option<String>) -> Option<String> {
    let after_clause = first_clause(after);
    let before_clause = last_clause(before);
    match lang {
        Lang::Fr => {
            let a = after_clause.trim_start_matches([',', ' ', '\u{a0}']);
            // », a-t-il déclaré / a-t-elle ajouté
            if let Some(rest) = a.strip_prefix("a-t-") {
                if rest.starts_with("il") || rest.starts_with("elle") {
                    return last.clone();
                }
            }
            for v in FR_VERBS {
                if let Some(rest) = a.strip_prefix(v) {
                    let rest = skip_fr_fillers(rest);
                    if let Some(n) = name_after_descriptor(rest) {
                        return Some(n);
                    }
                    if rest.trim_start().starts_with("il") || rest.trim_start().starts_with("elle")
                    {
                        return last.clone();
                    }
                }
                // », X a déclaré
                if let Some(pos) = find_spaced(a, v) {
                    if let Some(n) = trailing_name(&a[..pos]) {
                        return Some(n);
                    }
                }
            }
            if let Some(n) = after_marker(a, &["selon ", "d'après ", "d’après "]) {
                return Some(n);
            }
            // before the quote: X a déclaré : « / selon X, «
            for v in FR_VERBS {
                if let Some(pos) = rfind_spaced(before_clause, v) {
                    if let Some(n) = trailing_name(&before_clause[..pos]) {
                        return Some(n);
                    }
                    let subj = before_clause[..pos].trim_end();
                    if subj.ends_with(" il")
                        || subj.ends_with(" elle")
                        || subj == "il"
                        || subj == "elle"
                    {
                        return last.clone();
                    }
                }
            }
            if let Some(n) = after_marker(
                before_clause,
                &[
                    "selon ",
                    "Selon ",
                    "d'après ",
                    "D'après ",
                    "d’après ",
                    "D’après ",
                ],
            ) {
                return Some(n);
            }
            None
        }
        Lang::En => {
            let a = after_clause.trim_start_matches([',', ' ', '\u{a0}']);
            for v in EN_VERBS {
                if let Some(rest) = a.strip_prefix(v) {
                    let rest = rest.trim_start();
                    if let Some(n) = name_after_descriptor(rest) {
                        return Some(n);
                    }
                }
                if let Some(pos) = find_spaced(a, v) {
                    let subj = &a[..pos];
                    if let Some(n) = trailing_name(subj) {
                        return Some(n);
                    }
                    let s = subj.trim();
                    if matches!(s, "he" | "she" | "He" | "She") {
                        return last.clone();
                    }
                }
            }
            if let Some(n) = after_marker(a, &["according to "]) {
                return Some(n);
            }
            for v in EN_VERBS {
                if let Some(pos) = rfind_spaced(before_clause, v) {
                    if let Some(n) = trailing_name(&before_clause[..pos]) {
                        return Some(n);
                    }
                    let subj = before_clause[..pos].trim_end();
                    if subj.ends_with(" he")
                        || subj.ends_with(" she")
                        || subj == "He"
                        || subj == "She"
                    {
                        return last.clone();
                    }
                }
            }
            if let Some(n) = after_marker(before_clause, &["according to ", "According to "]) {
                return Some(n);
            }
            None
        }
    }
}

/// Not a place or an organisation the exonym table knows (`Russie`, `Défense`
/// are not speakers), and not an acronym.
fn is_person_like(name: &str) -> bool {
    use crate::lang::exonyms::{ExonymTable, NameKind};
    let table = ExonymTable::global();
    if matches!(
        table.kind(name),
        Some(
            NameKind::Country | NameKind::City | NameKind::Place | NameKind::Org | NameKind::Other
        )
    ) {
        return false;
    }
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    !(letters.len() <= 5 && letters.iter().all(|c| c.is_uppercase()))
}

/// The last person named in `text` (places, organisations and acronyms skipped).
fn last_person(text: &str, lang: Lang) -> Option<String> {
    crate::lang::names::mentions(text, lang, crate::lang::exonyms::ExonymTable::global())
        .into_iter()
        .rev()
        .map(|m| m.text)
        .find(|n| {
            is_person_like(n) && (2..=4).contains(&n.split_whitespace().count())
                || crate::lang::exonyms::ExonymTable::global().kind(n)
                    == Some(crate::lang::exonyms::NameKind::Person)
        })
}

/// The speaker after a speech verb, past a short descriptor: `Lavrov`, `lawyer
/// Alain Arsenault`, `one customer, Rosina Rusin`, `une cliente, Rosina Rusin`.
fn name_after_descriptor(rest: &str) -> Option<String> {
    // `Fiji's environment minister, Ratu Joeli Naivalu`: a possessive is a descriptor
    if let Some(n) = leading_name(rest).filter(|n| !n.ends_with("'s") && !n.ends_with("’s")) {
        return Some(n);
    }
    // `sur Telegram le ministre de l'Énergie, Oleksiï Hrytsenko`: the appositive name
    if let Some(pos) = rest.rfind(", ") {
        if let Some(n) = leading_name(&rest[pos + 2..]) {
            return Some(n);
        }
    }
    let ws: Vec<&str> = rest.split_whitespace().collect();
    for skip in 1..=3.min(ws.len()) {
        let prev = ws[skip - 1];
        if prev.chars().next().is_some_and(char::is_uppercase) {
            break;
        }
        if prev.ends_with(',')
            || !ws
                .get(skip)
                .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase))
        {
            if prev.ends_with(',') {
                return leading_name(&ws[skip..].join(" "));
            }
            continue;
        }
        return leading_name(&ws[skip..].join(" "));
    }
    None
}

fn skip_fr_fillers(s: &str) -> &str {
    let mut s = s.trim_start();
    for w in [
        "mardi ",
        "lundi ",
        "mercredi ",
        "jeudi ",
        "vendredi ",
        "samedi ",
        "dimanche ",
        "à la presse ",
        "aux journalistes ",
        "à Reuters ",
        "jeudi soir ",
    ] {
        if let Some(r) = s.strip_prefix(w) {
            s = r.trim_start();
        }
    }
    s
}

/// The text up to the end of the sentence after a quotation. A period after an
/// abbreviation (`M.`, `Dr.`, `Gen.`) does not end it.
fn first_clause(s: &str) -> &str {
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

fn after_abbreviation(before: &str) -> bool {
    let word: &str = before
        .rsplit(|c: char| !c.is_alphabetic())
        .next()
        .unwrap_or("");
    (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
        || ABBREVIATIONS.contains(&word)
}

/// The text since the start of the sentence before a quotation.
fn last_clause(s: &str) -> &str {
    let start = s
        .char_indices()
        .rfind(|(_, c)| matches!(c, '.' | '!' | '?' | ';' | '»' | '”'))
        .map_or(0, |(i, c)| i + c.len_utf8());
    &s[start..]
}

fn after_marker(s: &str, markers: &[&str]) -> Option<String> {
    for m in markers {
        if let Some(pos) = s.find(m) {
            if let Some(n) = leading_name(&s[pos + m.len()..]) {
                return Some(n);
            }
        }
    }
    None
}

fn is_name_word(w: &str) -> bool {
    let w = w.trim_matches(|c: char| c == ',' || c == ':' || c == '.');
    let mut cs = w.chars();
    match cs.next() {
        Some(c) if c.is_uppercase() => {
            w.chars().skip(1).any(|c| c.is_lowercase()) || w.chars().count() <= 3
        }
        _ => false,
    }
}

const PARTICLES: &[&str] = &[
    "de", "du", "van", "von", "der", "den", "la", "le", "bin", "al", "da", "di", "d'",
];

const NOT_NAMES: &[&str] = &[
    "Le",
    "La",
    "Les",
    "Un",
    "Une",
    "The",
    "A",
    "An",
    "Il",
    "Elle",
    "He",
    "She",
    "Mais",
    "But",
    "Et",
    "And",
    "M.",
    "Mme",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
    "Selon",
    "According",
    "Ce",
    "Cette",
    "This",
    "That",
    "It",
    "They",
    "Ils",
    "Elles",
    "We",
    "Nous",
    "On",
];

/// A capitalised name at the start of `s` (up to four words, particles allowed).
fn leading_name(s: &str) -> Option<String> {
    let mut words = Vec::new();
    for w in s.split_whitespace() {
        let clean =
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'' && c != '’');
        if clean.is_empty() {
            break;
        }
        if words.is_empty()
            && matches!(
                clean,
                "M" | "MM" | "Mme" | "Mmes" | "Mlle" | "Mr" | "Mrs" | "Ms" | "Dr" | "Me" | "Pr"
            )
        {
            continue;
        } else if is_name_word(clean) && !(words.is_empty() && NOT_NAMES.contains(&clean)) {
            words.push(clean.to_string());
        } else if !words.is_empty() && PARTICLES.contains(&clean) {
            words.push(clean.to_string());
            continue;
        } else {
            break;
        }
        if w.ends_with(',') || w.ends_with('.') || w.ends_with(':') || words.len() >= 4 {
            break;
        }
    }
    while words
        .last()
        .is_some_and(|w| PARTICLES.contains(&w.as_str()))
    {
        words.pop();
    }
    if words.is_empty() {
        None
    } else {
        Some(words.join(" "))
    }
}

/// A capitalised name at the end of `s`.
fn trailing_name(s: &str) -> Option<String> {
    let mut words: Vec<&str> = Vec::new();
    for w in s.split_whitespace().rev() {
        let clean =
            w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '\'' && c != '’');
        if clean.is_empty() || w.ends_with(',') && !words.is_empty() {
            break;
        }
        if is_name_word(clean) || !words.is_empty() && PARTICLES.contains(&clean) {
            words.push(clean);
        } else {
            break;
        }
        if words.len() >= 4 {
            break;
        }
    }
    words.reverse();
    while words
        .first()
        .is_some_and(|w| PARTICLES.contains(w) || NOT_NAMES.contains(w))
    {
        words.remove(0);
    }
    if words.is_empty() {
        None
    } else {
        Some(words.join(" "))
    }
}

/// Byte offset of the first ` v` (a space, then `v`) in `hay`: `hay.find(" v")`
/// without building the pattern or a searcher (haystacks are clauses).
fn find_spaced(hay: &str, v: &str) -> Option<usize> {
    let (h, v) = (hay.as_bytes(), v.as_bytes());
    let v0 = *v.first()?;
    (1..(h.len() + 1).saturating_sub(v.len()))
        .find(|&i| h[i] == v0 && h[i - 1] == b' ' && h[i..].starts_with(v))
        .map(|i| i - 1)
}

/// Byte offset of the last ` v` in `hay`: `hay.rfind(" v")`.
fn rfind_spaced(hay: &str, v: &str) -> Option<usize> {
    let (h, v) = (hay.as_bytes(), v.as_bytes());
    let v0 = *v.first()?;
    (1..(h.len() + 1).saturating_sub(v.len()))
        .rev()
        .find(|&i| h[i] == v0 && h[i - 1] == b' ' && h[i..].starts_with(v))
        .map(|i| i - 1)
}

/// A person named as the subject of a speech verb in a paragraph without quotes.
fn sentence_speaker(text: &str, lang: Lang) -> Option<String> {
    let verbs: &[&str] = match lang {
        Lang::Fr => FR_VERBS,
        Lang::En => EN_VERBS,
    };
    let mut best: Option<(usize, String)> = None;
    for v in verbs {
        if let Some(pos) = rfind_spaced(text, v) {
            if let Some(n) = trailing_name(&text[..pos]) {
                if best.as_ref().is_none_or(|(p, _)| pos > *p) {
                    best = Some((pos, n));
                }
            }
        }
    }
    best.map(|(_, n)| n)
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

    fn q(text: &str, lang: Lang) -> Vec<Quote> {
        find_quotes(text, lang, &mut None)
    }

    #[test]
    fn guillemets_with_nbsp_and_speaker_after() {
        let v = q("« Nous ne céderons pas », a déclaré Jean Dupont.", Lang::Fr);
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].text, "Nous ne céderons pas");
        assert_eq!(v[0].speaker.as_deref(), Some("Jean Dupont"));
    }

    #[test]
    fn speaker_before_colon() {
        let v = q("Marie Curie a ajouté : « C'est un grand jour. »", Lang::Fr);
        assert_eq!(v[0].speaker.as_deref(), Some("Marie Curie"));
    }

    #[test]
    fn pronoun_resolves_to_last_named() {
        let mut last = Some("Wang Yi".to_string());
        let v = find_quotes(
            "Les deux pays devraient « s'opposer à l'hégémonisme », a-t-il déclaré.",
            Lang::Fr,
            &mut last,
        );
        assert_eq!(v[0].speaker.as_deref(), Some("Wang Yi"));
    }

    #[test]
    fn english_said_after_and_before() {
        let v = q(
            "\"We will not back down,\" Lavrov told reporters.",
            Lang::En,
        );
        assert_eq!(v[0].speaker.as_deref(), Some("Lavrov"));
        let v = q("\"It is over,\" said John Smith.", Lang::En);
        assert_eq!(v[0].speaker.as_deref(), Some("John Smith"));
    }

    #[test]
    fn nested_quotes_stay_inside() {
        let v = q("« Il a dit “non” hier soir », selon Paul.", Lang::Fr);
        assert_eq!(v.len(), 1);
        assert!(v[0].text.contains("“non”"));
        assert_eq!(v[0].speaker.as_deref(), Some("Paul"));
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(q("l’alliance de l’Otan n’a pas", Lang::Fr).is_empty());
        assert!(q("China's cooperation with Moscow's allies", Lang::En).is_empty());
    }

    #[test]
    fn honorific_is_not_the_speaker() {
        let v = q("« Ça ne fonctionne pas », a affirmé M. Audet.", Lang::Fr);
        assert_eq!(v[0].speaker.as_deref(), Some("Audet"));
    }

    #[test]
    fn stray_straight_quote_does_not_shift_pairs() {
        let v = q(
            "two rats.\" \"We didn't invite the rats in,\" counters the father.",
            Lang::En,
        );
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].text, "We didn't invite the rats in,");
    }

    #[test]
    fn quotation_without_its_opening_mark() {
        let v = q("You don't go out like that unless you want attention,\" said one customer, Rosina Rusin.", Lang::En);
        assert_eq!(v.len(), 1);
        assert!(v[0].text.starts_with("You don't go out"));
        assert_eq!(v[0].speaker.as_deref(), Some("Rosina Rusin"));
    }

    #[test]
    fn unbalanced_quote_is_ignored() {
        assert!(q("« jamais fermé et rien d'autre", Lang::Fr).is_empty());
    }
}
