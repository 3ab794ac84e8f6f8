//! Quotations in a paragraph: « … » (with or without non-breaking spaces), “ … ”,
//! "…" (spaced or not), ‘ … ’ and, in English, '…', outermost only (nested marks
//! stay inside the text), with the speaker when the sentence names one (see
//! [`speaker`]). A quotation an attribution splits (`"Turkey," he said, "does not
//! want …"`) is one quotation; one that opens and does not close goes on to the
//! end of the paragraph (a quotation that runs over several paragraphs).

mod clauses;
mod speaker;

use serde::Serialize;

use crate::lang::Lang;
use clauses::after_abbreviation;
use speaker::{attribute, is_person_like, last_person, sentence_speaker};
pub use speaker::{SpeakerMemory, Via, EN_VERBS, FR_VERBS};

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quote {
    /// Byte span of the quotation marks and content in the paragraph.
    pub start: usize,
    pub end: usize,
    /// The quoted words, marks and padding removed.
    pub text: String,
    pub speaker: Option<String>,
    /// How the speaker was found (named, a pronoun, a job title).
    #[serde(skip)]
    pub via: Option<Via>,
}

fn closer_for(c: char, lang: Lang) -> Option<char> {
    match c {
        '«' => Some('»'),
        '“' => Some('”'),
        '„' => Some('“'),
        '‘' => Some('’'),
        '"' => Some('"'),
        '\'' if lang == Lang::En => Some('\''),
        _ => None,
    }
}

fn opens_after(prev: char) -> bool {
    prev.is_whitespace()
        || matches!(
            prev,
            '(' | '[' | '—' | '–' | '-' | ':' | '«' | '“' | '\u{a0}' | '\u{202f}' | '\'' | '’'
        )
}

/// Can the mark at `i` open a quotation? A straight quote opens at a word start,
/// before a word or a space (`" En cas d'avarie … "`, spaced as some French
/// papers set them); ‘ and ' only before a letter.
fn can_open(chars: &[(usize, char)], i: usize) -> bool {
    let c = chars[i].1;
    let prev = if i == 0 { ' ' } else { chars[i - 1].1 };
    let next = chars.get(i + 1).map_or(' ', |x| x.1);
    match c {
        '"' => opens_after(prev) && i + 1 < chars.len(),
        '‘' | '\'' => opens_after(prev) && next.is_alphabetic(),
        _ => true,
    }
}

/// Is the straight quote at `j` the opening of a new sentence (`… delayed. "But`)?
fn opens_sentence(chars: &[(usize, char)], j: usize) -> bool {
    j >= 2
        && chars[j - 1].1 == ' '
        && matches!(chars[j - 2].1, '.' | '!' | '?')
        && chars.get(j + 1).is_some_and(|x| x.1.is_uppercase())
}

/// Can the mark at `j` close a quotation opened by `open`?
fn can_close(chars: &[(usize, char)], j: usize, open: char) -> bool {
    let prev = chars[j - 1].1;
    let next = chars.get(j + 1).map_or(' ', |x| x.1);
    match open {
        '‘' => is_closing_apostrophe(chars, j),
        // after a word (`options,"`), or spaced (`nombreuses ",`); never inside a
        // word, where it stands for a corrupted apostrophe (`l"Otan`)
        '"' => {
            if prev.is_alphanumeric() && next.is_alphanumeric() {
                return false;
            }
            !prev.is_whitespace() || !next.is_alphanumeric()
        }
        // not an apostrophe: `don't`, and `plaintiffs' lawyer` (a plural possessive
        // before a lower-case word)
        '\'' => {
            if prev.is_whitespace() || next.is_alphanumeric() {
                return false;
            }
            let after: String = chars[j + 1..].iter().take(3).map(|x| x.1).collect();
            !(prev == 's'
                && after.starts_with(' ')
                && after.chars().nth(1).is_some_and(char::is_lowercase))
        }
        _ => true,
    }
}

/// Find the outermost quotations of `text`. `memory` carries what earlier
/// paragraphs said about people (the last one named, who each title stands for),
/// for pronoun and title attributions.
pub fn find_quotes(text: &str, lang: Lang, memory: &mut SpeakerMemory) -> Vec<Quote> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        let Some(close) = closer_for(c, lang) else {
            i += 1;
            continue;
        };
        if !can_open(&chars, i) {
            i += 1;
            continue;
        }
        // find the matching closer, allowing nesting of the same pair
        let mut depth = 0usize;
        let mut j = i + 1;
        let mut found = None;
        let mut reopen = false;
        while j < chars.len() {
            let cj = chars[j].1;
            // `"They have been delayed. "But …`: a straight quote opening a new
            // sentence inside an open one means the first lost its closing mark
            if c == '"' && cj == '"' && opens_sentence(&chars, j) {
                found = Some(j);
                reopen = true;
                break;
            }
            if cj == close && can_close(&chars, j, c) {
                if depth == 0 {
                    found = Some(j);
                    break;
                }
                depth -= 1;
            } else if cj == c && c != '"' && c != '\'' {
                depth += 1;
            }
            j += 1;
        }
        let (inner_end, end) = match found {
            Some(j) if reopen => (chars[j].0, chars[j].0),
            Some(j) => (chars[j].0, chars[j].0 + close.len_utf8()),
            // a quotation that goes on in the next paragraph opens each paragraph
            // and closes only in the last; so does one whose closing mark was lost
            None if c != '‘'
                && c != '\''
                && continues_to_end(&text[..start], &text[start + c.len_utf8()..]) =>
            {
                (text.len(), text.len())
            }
            None => {
                i += 1;
                continue;
            }
        };
        let inner = text[start + c.len_utf8()..inner_end]
            .trim_matches(|ch: char| ch.is_whitespace() || ch == '\u{202f}')
            .to_string();
        // a quotation has at least two words or is long enough to matter
        if inner.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
            out.push(Quote {
                start,
                end,
                text: inner,
                speaker: None,
                via: None,
            });
        }
        i = found.map_or(chars.len(), |j| if reopen { j } else { j + 1 });
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
            memory.last = Some(p);
        }
        memory.learn_titles(before);
        let speaker = attribute(before, after, lang, memory).filter(|s| is_person_like(&s.name));
        if let Some(s) = &speaker {
            memory.last = Some(s.name.clone());
        }
        out[k].via = speaker.as_ref().map(|s| s.via);
        out[k].speaker = speaker.map(|s| s.name);
    }
    let out = join_split_quotes(text, out, lang);
    // the last person this paragraph names is who a later pronoun means
    let tail_from = out.last().map_or(0, |q| q.end);
    memory.learn_titles(&text[tail_from..]);
    if let Some(p) =
        last_person(&text[tail_from..], lang).or_else(|| out.last().and_then(|q| q.speaker.clone()))
    {
        memory.last = Some(p);
    } else if out.is_empty() {
        if let Some(s) = sentence_speaker(text, lang) {
            memory.last = Some(s);
        }
    }
    out
}

/// An opening mark with no closer is a quotation to the paragraph's end when it
/// opens a sentence (at the paragraph start, after a full stop or a colon) with a
/// capital, and what follows is words (three or more) with no other quotation
/// mark. A mark opened inside a sentence and never closed (`« jamais fermé`) is a
/// stray.
fn continues_to_end(before: &str, rest: &str) -> bool {
    let b = before.trim_end();
    let opens_sentence = b.is_empty() || b.ends_with(['.', '!', '?', ':', '-', '–', '—']);
    let capital = rest
        .trim_start()
        .chars()
        .next()
        .is_some_and(char::is_uppercase);
    opens_sentence
        && capital
        && rest.split_whitespace().count() >= 3
        && !rest.contains(['"', '«', '»', '“', '”'])
}

/// `"Turkey," he said, "does not want …"`: two pieces of one quotation around its
/// attribution become one quotation. The second piece goes on the first (it starts
/// in lower case, or the first does not end a sentence) and only an attribution
/// stands between them.
fn join_split_quotes(text: &str, quotes: Vec<Quote>, lang: Lang) -> Vec<Quote> {
    let mut out: Vec<Quote> = Vec::with_capacity(quotes.len());
    for q in quotes {
        if let Some(p) = out.last_mut() {
            let gap = text.get(p.end..q.start).unwrap_or("");
            let goes_on = q
                .text
                .chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_lowercase)
                || !p.text.trim_end().ends_with(['.', '!', '?', '…']);
            // the comma before the attribution may sit inside the marks (`"Norway," he`)
            let gap = if p.text.ends_with(',') {
                format!(",{gap}")
            } else {
                gap.to_string()
            };
            if goes_on && is_attribution_gap(&gap, lang) {
                p.text = format!("{} {}", p.text.trim_end_matches(','), q.text);
                p.end = q.end;
                if p.speaker.is_none() {
                    p.speaker = q.speaker;
                    p.via = q.via;
                }
                continue;
            }
        }
        out.push(q);
    }
    out
}

/// A short stretch between two quotations that holds a speech verb and ends the
/// way an incise does (`, he said, `, `, a-t-il ajouté, `).
fn is_attribution_gap(gap: &str, lang: Lang) -> bool {
    let g = gap.trim();
    // `, estime-t-il. Pour lui, ` is two sentences, not an incise
    if g.chars().count() > 80
        || !g.starts_with(',')
        || !g.ends_with([',', ':'])
        || g.contains(['.', '!', '?', ';'])
    {
        return false;
    }
    let verbs = match lang {
        Lang::Fr => FR_VERBS,
        Lang::En => EN_VERBS,
    };
    g.contains("-t-")
        || verbs.iter().any(|v| {
            g.split(|c: char| !c.is_alphabetic() && c != ' ')
                .any(|p| p.contains(v))
        })
}

/// Is the period ending `before` that of an abbreviation (`M.`, `Dr.`)?
pub fn ends_with_abbreviation(before: &str) -> bool {
    after_abbreviation(before)
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
            via: None,
        });
    }
    None
}

fn is_closing_apostrophe(chars: &[(usize, char)], j: usize) -> bool {
    // ’ followed by a letter is an apostrophe (l’Otan), not a closing quote
    chars.get(j + 1).is_none_or(|(_, c)| !c.is_alphabetic())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(text: &str, lang: Lang) -> Vec<Quote> {
        find_quotes(text, lang, &mut SpeakerMemory::default())
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
        let mut last = SpeakerMemory {
            last: Some("Wang Yi".to_string()),
            ..Default::default()
        };
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

    /// Several paragraphs read in order, with one memory.
    fn doc(paras: &[&str], lang: Lang) -> Vec<Vec<Quote>> {
        let mut mem = SpeakerMemory::default();
        paras
            .iter()
            .map(|p| find_quotes(p, lang, &mut mem))
            .collect()
    }

    #[test]
    fn spaced_straight_quotes() {
        let v = q(
            "\" Nous fermerons l'usine en mars \", a précisé Jean Roche.",
            Lang::Fr,
        );
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].text, "Nous fermerons l'usine en mars");
        assert_eq!(v[0].speaker.as_deref(), Some("Jean Roche"));
        let v = q("\" Un. \" \" Deux trois. \"", Lang::Fr);
        assert_eq!(v.len(), 2);
    }

    #[test]
    fn english_single_quotes_and_possessive_apostrophes() {
        let v = q(
            "The scheme was 'to be overhauled' by March, the plaintiffs' lawyer said.",
            Lang::En,
        );
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].text, "to be overhauled");
        assert!(q(
            "The plaintiffs' lawyer and the farmers' union met.",
            Lang::En
        )
        .is_empty());
        assert!(q("They don't know what 'em folks want", Lang::En).is_empty());
        // in French ' is an apostrophe only
        assert!(q("Il a dit 'non merci' hier", Lang::Fr).is_empty());
    }

    #[test]
    fn corrupted_apostrophe_inside_a_word_closes_nothing() {
        let v = q(
            "\"Nous visitons l\"usine demain\", a dit Paul Marin.",
            Lang::Fr,
        );
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].text, "Nous visitons l\"usine demain");
        // `d'"élus` opens after an elision
        let v = q(
            "Il s'inquiète du rôle d'\"élus au courant du projet\".",
            Lang::Fr,
        );
        assert_eq!(v.len(), 1);
    }

    #[test]
    fn quotation_running_over_paragraphs() {
        let v = doc(
            &[
                "\"We will rebuild the bridge before winter, and the road after it.",
                "\"Nobody will be left without a way to work,\" said Ana Costa.",
            ],
            Lang::En,
        );
        assert_eq!(
            v[0].len(),
            1,
            "an opening mark at a sentence start runs to the end"
        );
        assert!(v[0][0].text.ends_with("after it."));
        assert_eq!(v[1][0].speaker.as_deref(), Some("Ana Costa"));
        // a lost closing mark before the next sentence's opening one
        let v = q(
            "\"They were late. \"But they will arrive tomorrow.\"",
            Lang::En,
        );
        assert_eq!(v.len(), 2);
        assert_eq!(v[0].text, "They were late.");
    }

    #[test]
    fn quotation_split_by_its_attribution_is_one() {
        let v = q(
            "\"Norway,\" he said, \"does not want a trade war.\"",
            Lang::En,
        );
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].text, "Norway does not want a trade war.");
        let v = q(
            "« La Norvège », a dit Erik Dahl, « ne veut pas de guerre commerciale ».",
            Lang::Fr,
        );
        assert_eq!(v.len(), 1);
        assert_eq!(v[0].speaker.as_deref(), Some("Erik Dahl"));
        // two statements, each with its own full stop, stay two
        let v = q("\"We won.\" \"We will win again,\" she said.", Lang::En);
        assert_eq!(v.len(), 2);
    }

    #[test]
    fn job_title_resolves_to_the_person_it_introduced() {
        let v = doc(
            &[
                "La ministre de la Santé, Claire Vidal, a présenté le plan mardi.",
                "Le texte sera débattu en juin. « Nous tiendrons nos promesses », a déclaré la ministre.",
            ],
            Lang::Fr,
        );
        assert_eq!(v[1][0].speaker.as_deref(), Some("Claire Vidal"));
        assert_eq!(v[1][0].via, Some(Via::Title));
        let v = doc(
            &[
                "Foreign ministry spokesman Li Wei spoke on Monday.",
                "\"We have made our position clear,\" the spokesman said.",
            ],
            Lang::En,
        );
        assert_eq!(v[1][0].speaker.as_deref(), Some("Li Wei"));
        // a title nobody was introduced with is no speaker
        let v = q("« Nous verrons », a déclaré le maire.", Lang::Fr);
        assert_eq!(v[0].speaker, None);
    }

    #[test]
    fn descriptor_adjective_and_title_are_not_the_name() {
        let v = q("\"No deal was possible,\" said the Danish negotiator Henrik Olsen, during talks in Oslo.", Lang::En);
        assert_eq!(v[0].speaker.as_deref(), Some("Henrik Olsen"));
        let v = q(
            "\"We act now,\" said Trade Commissioner Lena Berg.",
            Lang::En,
        );
        assert_eq!(v[0].speaker.as_deref(), Some("Lena Berg"));
        let v = q("« Nous agirons », a déclaré le commissaire européen au Commerce, Lena Berg, à Bruxelles.", Lang::Fr);
        assert_eq!(v[0].speaker.as_deref(), Some("Lena Berg"));
    }

    #[test]
    fn only_persons_are_speakers() {
        for not in [
            "Baie James",
            "Harvard University",
            "Place Tahrir",
            "Sean B",
            "Prime Minister",
        ] {
            assert!(!is_person_like(not), "{not}");
        }
        assert!(is_person_like("Sean Bailey"));
        // a pronoun does not resolve to a bay named before it
        let v = doc(
            &[
                "Le projet de la Baie James avance.",
                "« C'est notre avenir », a-t-il ajouté.",
            ],
            Lang::Fr,
        );
        assert_eq!(v[1][0].speaker, None);
    }

    #[test]
    fn pronouns_resolve_in_both_languages() {
        let v = doc(
            &["Marta Silva visited the plant.", "\"It works,\" she said."],
            Lang::En,
        );
        assert_eq!(v[1][0].speaker.as_deref(), Some("Marta Silva"));
        assert_eq!(v[1][0].via, Some(Via::Pronoun));
        let v = doc(
            &[
                "Marta Silva a visité l'usine.",
                "« Ça marche », a-t-elle dit.",
            ],
            Lang::Fr,
        );
        assert_eq!(v[1][0].speaker.as_deref(), Some("Marta Silva"));
    }
}
