//! Who said a quotation: the attribution next to it (`a déclaré X`, `X said`,
//! `selon X`, `according to X`), a pronoun resolved to the last person named
//! (`a-t-il déclaré`, `she said`), or a job title resolved to the person it last
//! introduced (`la ministre`, `the spokesman`). Only persons count as speakers:
//! places, organisations the exonym table knows, acronyms, titles alone and names
//! cut short (`Sean B`) do not.

use crate::lang::exonyms::{ExonymTable, NameKind};
use crate::lang::titles::{is_title_word, title_key};
use crate::lang::Lang;

use super::clauses::{first_clause, last_clause, SpacedVerbs};
use std::sync::OnceLock;

/// The automaton of `lang`'s speech verbs (built once).
fn verbs_of(lang: Lang) -> &'static SpacedVerbs {
    static FR: OnceLock<SpacedVerbs> = OnceLock::new();
    static EN: OnceLock<SpacedVerbs> = OnceLock::new();
    match lang {
        Lang::Fr => FR.get_or_init(|| SpacedVerbs::new(FR_VERBS)),
        Lang::En => EN.get_or_init(|| SpacedVerbs::new(EN_VERBS)),
    }
}

/// How a speaker was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    /// Named at the quotation.
    Name,
    /// A pronoun (`a-t-il dit`, `he said`), resolved to the last person named.
    Pronoun,
    /// A job title (`la ministre`, `the spokesman`), resolved to the person it
    /// last introduced.
    Title,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Speaker {
    pub name: String,
    pub via: Via,
}

impl Speaker {
    /// A speaker named at the quotation, the title before the name dropped
    /// (`Trade Commissioner Lars Henriksen` is Lars Henriksen).
    fn named(name: String) -> Speaker {
        let ws: Vec<&str> = name.split_whitespace().collect();
        let name = match ws.iter().rposition(|w| is_title_word(w)) {
            Some(t) if t + 1 < ws.len() => ws[t + 1..].join(" "),
            _ => name,
        };
        Speaker {
            name,
            via: Via::Name,
        }
    }
}

/// What the paragraphs read so far tell about people, for the attributions to
/// come: the last person named (for pronouns) and the person each job title last
/// introduced (`le ministre russe des Affaires étrangères, Sergueï Lavrov`,
/// `Foreign Minister Sergei Lavrov`).
#[derive(Debug, Default)]
pub struct SpeakerMemory {
    pub(super) last: Option<String>,
    pub(super) titles: Vec<(&'static str, String)>,
}

impl SpeakerMemory {
    /// A headline names nobody a later pronoun could mean.
    pub fn forget_last(&mut self) {
        self.last = None;
    }

    fn pronoun(&self) -> Option<Speaker> {
        self.last.clone().map(|name| Speaker {
            name,
            via: Via::Pronoun,
        })
    }

    fn title(&self, key: &str) -> Option<Speaker> {
        self.titles
            .iter()
            .rev()
            .find(|(k, _)| *k == key)
            .map(|(_, n)| Speaker {
                name: n.clone(),
                via: Via::Title,
            })
    }

    /// The person a title ending `subject` stands for (`la ministre de la Culture`,
    /// `the spokesman`), among its last five words.
    fn title_at_end(&self, subject: &str) -> Option<Speaker> {
        let ws: Vec<&str> = subject.split_whitespace().collect();
        let from = ws.len().saturating_sub(5);
        (from..ws.len())
            .rev()
            .find_map(|k| title_key(ws[k], k.checked_sub(1).map(|p| ws[p])))
            .and_then(|key| self.title(key))
    }

    /// The person a title opening `rest` stands for (`la ministre`, `the spokesman`).
    fn title_at_start(&self, rest: &str) -> Option<Speaker> {
        let ws: Vec<&str> = rest.split_whitespace().take(4).collect();
        (0..ws.len())
            .take_while(|&k| k == 0 || !ws[k - 1].ends_with(','))
            .find_map(|k| title_key(ws[k], k.checked_sub(1).map(|p| ws[p])))
            .and_then(|key| self.title(key))
    }

    /// Learn the people `text` introduces by a title: the name right after the
    /// title (`Minister Sergei Lavrov`, `la ministre St-Pierre`) or in apposition
    /// (`le porte-parole du Kremlin, Dmitri Peskov`).
    pub(super) fn learn_titles(&mut self, text: &str) {
        let ws: Vec<&str> = text.split_whitespace().collect();
        for k in 0..ws.len() {
            let Some(key) = title_key(ws[k], k.checked_sub(1).map(|p| ws[p])) else {
                continue;
            };
            if ws[k].ends_with(['.', ';']) {
                continue;
            }
            let window: Vec<&str> = ws[k + 1..]
                .iter()
                .take(8)
                .copied()
                .scan(false, |stop, w| {
                    if *stop {
                        return None;
                    }
                    *stop = w.ends_with(['.', ';', '?', '!']);
                    Some(w)
                })
                .collect();
            let window = window.join(" ");
            let direct = leading_name(&window);
            let apposed = window
                .find(", ")
                .and_then(|p| leading_name(&window[p + 2..]));
            if let Some(n) = direct
                .or(apposed)
                .filter(|n| is_person_like(n) && !n.split_whitespace().all(is_title_word))
            {
                self.titles.push((key, n));
            }
        }
    }
}

pub const FR_VERBS: &[&str] = &[
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
pub const EN_VERBS: &[&str] = &[
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
pub(super) fn attribute(
    before: &str,
    after: &str,
    lang: Lang,
    mem: &SpeakerMemory,
) -> Option<Speaker> {
    let after_clause = first_clause(after);
    let before_clause = last_clause(before);
    match lang {
        Lang::Fr => {
            let a = after_clause.trim_start_matches([',', ' ', '\u{a0}']);
            // », a-t-il déclaré / a-t-elle ajouté
            if let Some(rest) = a.strip_prefix("a-t-") {
                if rest.starts_with("il") || rest.starts_with("elle") {
                    return mem.pronoun();
                }
            }
            let spaced = verbs_of(lang);
            let a_hits = spaced.hits(a);
            for (v, hit) in FR_VERBS.iter().zip(&a_hits) {
                if let Some(rest) = a.strip_prefix(v) {
                    let rest = skip_fr_fillers(rest);
                    if let Some(n) = name_after_descriptor(rest) {
                        return Some(Speaker::named(n));
                    }
                    if rest.trim_start().starts_with("il") || rest.trim_start().starts_with("elle")
                    {
                        return mem.pronoun();
                    }
                    if let Some(t) = mem.title_at_start(rest) {
                        return Some(t);
                    }
                }
                // », X a déclaré / », la ministre a déclaré
                if let Some((pos, _)) = *hit {
                    if let Some(n) = trailing_name(&a[..pos]) {
                        return Some(Speaker::named(n));
                    }
                    if let Some(t) = mem.title_at_end(&a[..pos]) {
                        return Some(t);
                    }
                }
            }
            if let Some(n) = after_marker(a, &["selon ", "d'après ", "d’après "]) {
                return Some(Speaker::named(n));
            }
            // before the quote: X a déclaré : « / selon X, «
            for (_, pos) in spaced.hits(before_clause).into_iter().flatten() {
                if let Some(n) = trailing_name(&before_clause[..pos]) {
                    return Some(Speaker::named(n));
                }
                let subj = before_clause[..pos].trim_end();
                if subj.ends_with(" il")
                    || subj.ends_with(" elle")
                    || subj == "il"
                    || subj == "elle"
                    || subj == "Il"
                    || subj == "Elle"
                {
                    return mem.pronoun();
                }
                if let Some(t) = mem.title_at_end(subj) {
                    return Some(t);
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
                return Some(Speaker::named(n));
            }
            None
        }
        Lang::En => {
            let a = after_clause.trim_start_matches([',', ' ', '\u{a0}']);
            let spaced = verbs_of(lang);
            let a_hits = spaced.hits(a);
            for (v, hit) in EN_VERBS.iter().zip(&a_hits) {
                if let Some(rest) = a.strip_prefix(v) {
                    let rest = rest.trim_start();
                    if let Some(n) = name_after_descriptor(rest) {
                        return Some(Speaker::named(n));
                    }
                    if let Some(t) = mem.title_at_start(rest) {
                        return Some(t);
                    }
                }
                if let Some((pos, _)) = *hit {
                    let subj = &a[..pos];
                    if let Some(n) = trailing_name(subj) {
                        return Some(Speaker::named(n));
                    }
                    let s = subj.trim();
                    if matches!(s, "he" | "she" | "He" | "She") {
                        return mem.pronoun();
                    }
                    if let Some(t) = mem.title_at_end(subj) {
                        return Some(t);
                    }
                }
            }
            if let Some(n) = after_marker(a, &["according to "]) {
                return Some(Speaker::named(n));
            }
            for (_, pos) in spaced.hits(before_clause).into_iter().flatten() {
                if let Some(n) = trailing_name(&before_clause[..pos]) {
                    return Some(Speaker::named(n));
                }
                let subj = before_clause[..pos].trim_end();
                if subj.ends_with(" he") || subj.ends_with(" she") || subj == "He" || subj == "She"
                {
                    return mem.pronoun();
                }
                if let Some(t) = mem.title_at_end(subj) {
                    return Some(t);
                }
            }
            if let Some(n) = after_marker(before_clause, &["according to ", "According to "]) {
                return Some(Speaker::named(n));
            }
            None
        }
    }
}

/// Words that make a name a place, a thing or a body rather than a person: a
/// university, a square, a law, a brand (`Baie James`, `Place Tahrir`).
const NOT_PERSON_WORDS: &[&str] = &[
    "baie",
    "bay",
    "universite",
    "university",
    "place",
    "square",
    "rue",
    "street",
    "avenue",
    "boulevard",
    "loi",
    "act",
    "law",
    "bill",
    "lac",
    "lake",
    "parc",
    "park",
    "pont",
    "bridge",
    "hopital",
    "hospital",
    "college",
    "ecole",
    "school",
    "institut",
    "institute",
    "fondation",
    "foundation",
    "musee",
    "museum",
    "banque",
    "bank",
    "ministere",
    "ministry",
    "stade",
    "stadium",
    "galaxy",
    "iphone",
    "ipad",
    "journal",
    "times",
    "post",
    "tribune",
    "opinion",
    "editorial",
    "cour",
    "court",
    "conseil",
    "council",
    "commission",
    "comite",
    "committee",
    "parti",
    "party",
    "groupe",
    "group",
];

/// A person, not a place or an organisation the exonym table knows (`Russie`,
/// `Défense` are not speakers), not an acronym, not a title alone (`Prime
/// Minister`), not a place or body by its words (`Baie James`, `Harvard
/// University`), and not a name cut short at a line break (`Sean B`).
pub(super) fn is_person_like(name: &str) -> bool {
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
    if letters.len() <= 5 && letters.iter().all(|c| c.is_uppercase()) {
        return false;
    }
    let words: Vec<&str> = name.split_whitespace().collect();
    if words.iter().all(|w| is_title_word(w)) {
        return false;
    }
    if words.iter().any(|w| {
        let f = crate::lang::text::fold(w.trim_matches(|c: char| !c.is_alphanumeric()));
        NOT_PERSON_WORDS.contains(&f.as_str())
    }) {
        return false;
    }
    // `Sean B`: a last word of one letter with no period is a name cut short
    !(words.len() >= 2 && words.last().is_some_and(|w| w.chars().count() == 1))
}

/// The last person named in `text` (places, organisations and acronyms skipped).
pub(super) fn last_person(text: &str, lang: Lang) -> Option<String> {
    crate::lang::names::mentions(text, lang, ExonymTable::global())
        .into_iter()
        .rev()
        .map(|m| m.text)
        .find(|n| {
            is_person_like(n) && (2..=4).contains(&n.split_whitespace().count())
                || ExonymTable::global().kind(n) == Some(NameKind::Person)
        })
}

/// The speaker after a speech verb, past a short descriptor: `Lavrov`, `lawyer
/// Alain Arsenault`, `one customer, Rosina Rusin`, `une cliente, Rosina Rusin`,
/// `the European mediator Wolfgang Ischinger` (a capitalised adjective before a
/// noun is part of the descriptor, not the name).
fn name_after_descriptor(rest: &str) -> Option<String> {
    // `Fiji's environment minister, Ratu Joeli Naivalu`: a possessive is a descriptor
    if let Some(n) = leading_name(rest)
        .filter(|n| !n.ends_with("'s") && !n.ends_with("’s"))
        .filter(|n| !modifies_next(rest, n))
    {
        return Some(n);
    }
    // `sur Telegram le ministre de l'Énergie, Oleksiï Hrytsenko`: the appositive name
    if let Some(pos) = rest.rfind(", ") {
        if let Some(n) = leading_name(&rest[pos + 2..]) {
            return Some(n);
        }
    }
    let ws: Vec<&str> = rest.split_whitespace().collect();
    let mut k = 0;
    while k < ws.len().min(7) {
        let w = ws[k];
        if w.chars().next().is_some_and(char::is_uppercase) {
            let tail = ws[k..].join(" ");
            let n = leading_name(&tail)?;
            let len = n.split_whitespace().count().max(1);
            // `au Commerce, Lars Henriksen`: the name in apposition to a descriptor
            let apposed = ws[k + len - 1].ends_with(',')
                && ws
                    .get(k + len)
                    .is_some_and(|w| w.chars().next().is_some_and(char::is_uppercase));
            if modifies_next(&tail, &n) || apposed {
                k += len;
                continue;
            }
            return (k > 0).then_some(n);
        }
        if w.ends_with(',') || w.ends_with('.') {
            return ws
                .get(k + 1)
                .and_then(|_| leading_name(&ws[k + 1..].join(" ")));
        }
        k += 1;
    }
    None
}

/// Words after a name that go on the sentence, not a descriptor's noun.
const CONNECTORS: &[&str] = &[
    "in", "at", "of", "on", "during", "after", "before", "who", "when", "while", "to", "from",
    "for", "with", "and", "told", "said", "says", "à", "au", "aux", "de", "du", "des", "lors",
    "dans", "en", "qui", "pour", "avec", "et", "devant", "sur", "après", "avant", "mardi", "lundi",
    "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "on", "last", "this", "that", "que",
    "qu'il", "qu'elle", "the", "le", "la", "les",
];

/// Is the name at the start of `s` a capitalised adjective of the noun after it
/// (`European mediator`, `Democratic senator`)?
fn modifies_next(s: &str, name: &str) -> bool {
    let n = name.split_whitespace().count();
    let ws: Vec<&str> = s.split_whitespace().collect();
    if ws
        .get(n.saturating_sub(1))
        .is_some_and(|w| w.ends_with([',', '.', ':', ';']))
    {
        return false;
    }
    ws.get(n).is_some_and(|next| {
        let clean = next.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'');
        clean.chars().next().is_some_and(char::is_lowercase)
            && !CONNECTORS.contains(&clean)
            && !clean.starts_with("qu")
    })
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

/// A person named as the subject of a speech verb in a paragraph without quotes.
pub(super) fn sentence_speaker(text: &str, lang: Lang) -> Option<String> {
    let mut best: Option<(usize, String)> = None;
    for (_, pos) in verbs_of(lang).hits(text).into_iter().flatten() {
        if let Some(n) = trailing_name(&text[..pos]) {
            if best.as_ref().is_none_or(|(p, _)| pos > *p) {
                best = Some((pos, n));
            }
        }
    }
    best.map(|(_, n)| n)
}
