//! The credits block: the final parenthesised paragraph of a dispatch, parsed into
//! (role, name, location) entries in either language. `rules` compares the two
//! blocks (reporters, locations, spelling, translators, editors).
//!
//! Parsing is one engine driven by a per-language [`Grammar`] (`parse_en`,
//! `parse_fr`): the block is split into parts at `;` and at inline role labels
//! (`, additional reporting by`, `, avec`, `, édité par`), each part is a role label
//! (from `roles.tsv`) and a list of names joined by commas and `and`/`et`, each name
//! optionally followed by a locative (`in Paris`, `à Paris`, `au Caire`). Reporters
//! named before a shared locative share it (`A and B in Washington`). Whatever is not
//! understood is kept in [`CreditsBlock::unparsed`]; whatever was understood is
//! still returned.

pub mod parse_en;
pub mod parse_fr;
pub mod rules;

use serde::{Deserialize, Serialize};

use crate::lang::exonyms::ExonymTable;
use crate::lang::text::nfc;
use crate::lang::Lang;

const ROLES_TSV: &str = include_str!("roles.tsv");

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Role {
    Reporter,
    AdditionalReporter,
    Writer,
    Editor,
    Translator,
    Other,
}

impl Role {
    /// All roles, in the order reports list them.
    pub const ALL: [Role; 6] = [
        Role::Reporter,
        Role::AdditionalReporter,
        Role::Writer,
        Role::Translator,
        Role::Editor,
        Role::Other,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Reporter => "reporter",
            Role::AdditionalReporter => "additional-reporter",
            Role::Writer => "writer",
            Role::Editor => "editor",
            Role::Translator => "translator",
            Role::Other => "other",
        }
    }

    /// The role as a person reads it, in messages and reports: `additional reporter`.
    pub fn label(self) -> &'static str {
        match self {
            Role::Reporter => "reporter",
            Role::AdditionalReporter => "additional reporter",
            Role::Writer => "writer",
            Role::Editor => "editor",
            Role::Translator => "translator",
            Role::Other => "contributor",
        }
    }

    fn parse(s: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == s)
    }

    /// Reporter or additional reporter: the people who gathered the story.
    pub fn is_reporting(self) -> bool {
        matches!(self, Role::Reporter | Role::AdditionalReporter)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CreditEntry {
    pub role: Role,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CreditsBlock {
    /// Paragraph index of the block.
    pub paragraph: usize,
    pub entries: Vec<CreditEntry>,
    /// Parts of the block that could not be understood.
    pub unparsed: Vec<String>,
}

impl CreditsBlock {
    /// Entries with the given role.
    pub fn with_role(&self, role: Role) -> impl Iterator<Item = &CreditEntry> {
        self.entries.iter().filter(move |e| e.role == role)
    }

    pub fn has_role(&self, role: Role) -> bool {
        self.entries.iter().any(|e| e.role == role)
    }
}

/// Parse `text` as a credits block if it is one (a final parenthesised paragraph
/// naming roles). Returns `None` for ordinary paragraphs.
pub fn parse_block(text: &str, lang: Lang, paragraph: usize) -> Option<CreditsBlock> {
    let grammar = match lang {
        Lang::Fr => parse_fr::grammar(),
        _ => parse_en::grammar(),
    };
    grammar.parse(&nfc(text), paragraph)
}

/// A role label of `roles.tsv`.
#[derive(Debug, Clone)]
pub(crate) struct Label {
    text: String,
    roles: Vec<Role>,
    suffix: bool,
}

/// A locative preposition: ` in `, ` à `, ` au ` (which carries the article `Le`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Locative {
    pub word: &'static str,
    pub article: &'static str,
}

/// What differs between the English and the French credits grammar.
#[derive(Debug)]
pub(crate) struct Grammar {
    labels: Vec<Label>,
    /// The list conjunction: `and`, `et`.
    conjunction: &'static str,
    locatives: &'static [Locative],
    /// A first part without a label lists reporters (French `(A à Paris; …)`).
    bare_reporters: bool,
}

impl Grammar {
    pub(crate) fn new(
        lang_code: &str,
        conjunction: &'static str,
        locatives: &'static [Locative],
        bare_reporters: bool,
    ) -> Grammar {
        let mut labels: Vec<Label> = ROLES_TSV
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .filter_map(|l| {
                let cols: Vec<&str> = l.split('\t').collect();
                if cols.len() < 4 || cols[0] != lang_code {
                    return None;
                }
                let roles: Vec<Role> = cols[2].split('+').filter_map(Role::parse).collect();
                if roles.is_empty() {
                    return None;
                }
                Some(Label {
                    text: nfc(cols[1].trim()),
                    roles,
                    suffix: cols[3].trim() == "suffix",
                })
            })
            .collect();
        labels.sort_by_key(|l| std::cmp::Reverse(l.text.chars().count()));
        Grammar {
            labels,
            conjunction,
            locatives,
            bare_reporters,
        }
    }

    fn parse(&self, text: &str, paragraph: usize) -> Option<CreditsBlock> {
        let t = text.trim();
        let opened = t.starts_with('(');
        let closed = t.ends_with(')');
        let inner = t.strip_prefix('(').unwrap_or(t);
        let inner = inner.strip_suffix(')').unwrap_or(inner).trim();
        let mut unparsed = Vec::new();
        if !opened && !closed {
            // only a paragraph that opens with a role label is a credits block then
            self.prefix_label(inner)?;
            unparsed.push("missing brackets around the credits block".to_string());
        } else if !opened {
            unparsed.push("unbalanced brackets: missing '('".to_string());
        } else if !closed {
            unparsed.push("unbalanced brackets: missing ')'".to_string());
        }
        if !brackets_balance(inner) {
            unparsed.push("unbalanced brackets inside the credits block".to_string());
        }
        let inner = inner.trim_end_matches('.').trim();

        let mut entries: Vec<CreditEntry> = Vec::new();
        let mut labelled = false;
        let mut first = true;
        for part in inner.split(';') {
            for seg in self.split_inline(part.trim()) {
                let seg = seg.trim().trim_end_matches(['.', ',']).trim();
                if seg.is_empty() {
                    continue;
                }
                let is_first = std::mem::replace(&mut first, false);
                let (roles, body) = if let Some((label, rest)) = self.prefix_label(seg) {
                    labelled = true;
                    (label.roles.clone(), rest)
                } else if let Some((label, rest)) = self.suffix_label(seg) {
                    labelled = true;
                    (label.roles.clone(), rest)
                } else if self.bare_reporters && is_first {
                    (vec![Role::Reporter], seg)
                } else {
                    unparsed.push(seg.to_string());
                    continue;
                };
                let body = body.trim().trim_start_matches(':').trim();
                if body.is_empty() {
                    unparsed.push(format!("{seg} (no name)"));
                    continue;
                }
                self.parse_names(body, &roles, &mut entries, &mut unparsed);
            }
        }
        if !labelled {
            // no credits vocabulary: a block only if it is a bracketed list of names
            let names_only = opened
                && closed
                && !entries.is_empty()
                && unparsed.is_empty()
                && entries
                    .iter()
                    .all(|e| e.name.split_whitespace().count() >= 2);
            if !names_only {
                return None;
            }
        }
        Some(CreditsBlock {
            paragraph,
            entries,
            unparsed,
        })
    }

    /// The longest prefix label `s` starts with (followed by a word boundary).
    fn prefix_label<'a>(&self, s: &'a str) -> Option<(&Label, &'a str)> {
        self.labels.iter().filter(|l| !l.suffix).find_map(|l| {
            let rest = strip_prefix_ci(s, &l.text)?;
            at_boundary(rest).then_some((l, rest))
        })
    }

    fn suffix_label<'a>(&self, s: &'a str) -> Option<(&Label, &'a str)> {
        self.labels.iter().filter(|l| l.suffix).find_map(|l| {
            let rest = strip_suffix_ci(s, &l.text)?;
            (rest.is_empty() || rest.ends_with(char::is_whitespace)).then_some((l, rest))
        })
    }

    /// Split a part before every inline role label: `A in X, additional reporting by B`.
    fn split_inline<'a>(&self, part: &'a str) -> Vec<&'a str> {
        let seps = [
            format!(", {} ", self.conjunction),
            ", ".to_string(),
            format!(" {} ", self.conjunction),
        ];
        let mut out = Vec::new();
        let mut rest = part;
        'outer: loop {
            // never split inside the part's own label (`Reporting and writing by`)
            let label_end = self
                .prefix_label(rest)
                .map_or(0, |(_, r)| rest.len() - r.len());
            for (i, _) in rest.char_indices().skip(1).filter(|(i, _)| *i >= label_end) {
                for sep in &seps {
                    if let Some(after) = rest[i..].strip_prefix(sep.as_str()) {
                        if self.prefix_label(after).is_some() {
                            out.push(&rest[..i]);
                            rest = after;
                            continue 'outer;
                        }
                    }
                }
            }
            out.push(rest);
            return out;
        }
    }

    /// A list of names, each with an optional locative, pushed with `roles`.
    fn parse_names(
        &self,
        body: &str,
        roles: &[Role],
        entries: &mut Vec<CreditEntry>,
        unparsed: &mut Vec<String>,
    ) {
        let items = self.split_items(body);
        let mut pending: Vec<usize> = Vec::new();
        for item in items {
            let (name, location) = self.split_locative(&item);
            if !is_name(name) {
                unparsed.push(item.clone());
                continue;
            }
            if let Some(loc) = &location {
                if !is_place(loc) {
                    unparsed.push(item.clone());
                    continue;
                }
            }
            for &role in roles {
                entries.push(CreditEntry {
                    role,
                    name: name.to_string(),
                    location: location.clone(),
                });
                if location.is_none() {
                    pending.push(entries.len() - 1);
                }
            }
            if let Some(loc) = &location {
                for i in pending.drain(..) {
                    if let Some(e) = entries.get_mut(i) {
                        e.location = Some(loc.clone());
                    }
                }
            }
        }
    }

    /// Split a list at commas and the conjunction, keeping place names that contain
    /// the conjunction together (`in Bosnia and Herzegovina`).
    fn split_items(&self, body: &str) -> Vec<String> {
        let conj_sep = format!(" {} ", self.conjunction);
        let conj_start = format!("{} ", self.conjunction);
        let mut items: Vec<String> = Vec::new();
        for piece in body.split(',') {
            let piece = piece.trim();
            let piece = piece
                .strip_prefix(conj_start.as_str())
                .unwrap_or(piece)
                .trim();
            if piece.is_empty() {
                continue;
            }
            let mut first_in_piece = true;
            for sub in piece.split(conj_sep.as_str()) {
                let sub = sub.trim();
                if !first_in_piece {
                    if let Some(prev) = items.last_mut() {
                        if let (_, Some(loc)) = self.split_locative(prev) {
                            let joined = format!("{loc}{conj_sep}{sub}");
                            if ExonymTable::global().canonical(&joined).is_some() {
                                prev.push_str(&conj_sep);
                                prev.push_str(sub);
                                continue;
                            }
                        }
                    }
                }
                first_in_piece = false;
                if !sub.is_empty() {
                    items.push(sub.to_string());
                }
            }
        }
        items
    }

    /// `Name in Place` → (`Name`, `Some("Place")`); `au Caire` gives `Le Caire`.
    fn split_locative<'a>(&self, item: &'a str) -> (&'a str, Option<String>) {
        let found = self
            .locatives
            .iter()
            .filter_map(|l| item.find(l.word).map(|i| (i, l)))
            .min_by_key(|(i, l)| (*i, std::cmp::Reverse(l.word.len())));
        match found {
            Some((i, l)) => {
                let place = item[i + l.word.len()..].trim();
                let location = if l.article.is_empty() || place.is_empty() {
                    place.to_string()
                } else {
                    format!("{}{}", l.article, place)
                };
                (item[..i].trim(), Some(location))
            }
            None => (item.trim(), None),
        }
    }
}

/// Lower-case particles that may stand inside a name (`de la Cruz`, `van den Heuvel`).
const PARTICLES: &[&str] = &[
    "de", "la", "le", "du", "des", "di", "da", "dos", "das", "do", "del", "della", "van", "von",
    "der", "den", "ter", "ten", "zu", "bin", "ibn", "bint", "al", "el", "y", "e", "af", "av",
];

/// A personal name as written: 1–7 words, capitalised words and particles, letters,
/// marks, hyphens, apostrophes and initials' dots only.
pub(crate) fn is_name(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    if words.is_empty() || words.len() > 7 {
        return false;
    }
    let chars_ok = s.chars().all(|c| {
        c.is_alphabetic()
            || c.is_whitespace()
            || matches!(c, '-' | '\'' | '’' | '.')
            || unicode_mark(c)
    });
    if !chars_ok {
        return false;
    }
    let mut capitalised = 0;
    for w in &words {
        let first = w.chars().next().unwrap_or(' ');
        if first.is_uppercase() {
            capitalised += 1;
        } else if PARTICLES.contains(w) || elided_particle(w) || prefixed_lower(w) {
            continue;
        } else {
            return false;
        }
    }
    capitalised >= 1 && words.first().is_some_and(|w| !PARTICLES.contains(w))
}

/// `d'Aubigny`, `l’Hermite`.
fn elided_particle(w: &str) -> bool {
    let mut it = w.char_indices();
    let Some((_, c0)) = it.next() else {
        return false;
    };
    match it.next() {
        Some((_, '\'' | '’')) => {
            c0.is_lowercase() && w.chars().nth(2).is_some_and(char::is_uppercase)
        }
        _ => false,
    }
}

/// `al-Assad`, `el-Sayed`, `ben-Ami`.
fn prefixed_lower(w: &str) -> bool {
    ["al-", "el-", "ben-", "bin-", "abu-", "abd-"]
        .iter()
        .any(|p| {
            w.strip_prefix(p)
                .is_some_and(|r| r.chars().next().is_some_and(char::is_uppercase))
        })
}

fn unicode_mark(c: char) -> bool {
    unicode_normalization::char::is_combining_mark(c)
}

/// A place name: letters, spaces, hyphens, apostrophes, dots; starts with a capital
/// (after an optional elided article like `l'`).
pub(crate) fn is_place(s: &str) -> bool {
    let s = s.trim();
    if s.is_empty() || s.split_whitespace().count() > 6 {
        return false;
    }
    let ok = s.chars().all(|c| {
        c.is_alphabetic()
            || c.is_whitespace()
            || matches!(c, '-' | '\'' | '’' | '.')
            || unicode_mark(c)
    });
    let first_upper = s
        .chars()
        .find(|c| c.is_alphabetic() && !matches!(c, 'l' | 'd'))
        .is_some_and(char::is_uppercase);
    ok && first_upper
}

fn brackets_balance(s: &str) -> bool {
    let mut depth: i32 = 0;
    for c in s.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => {
                depth -= 1;
                if depth < 0 {
                    return false;
                }
            }
            _ => {}
        }
    }
    depth == 0
}

fn chars_eq_ci(c: char, label: char) -> bool {
    let apos = |x: char| matches!(x, '\'' | '’');
    c == label || (apos(c) && apos(label)) || c.to_lowercase().eq(label.to_lowercase())
}

/// `s` without `label` at its start, ignoring case.
pub(crate) fn strip_prefix_ci<'a>(s: &'a str, label: &str) -> Option<&'a str> {
    let mut pos = 0;
    let mut it = s.chars();
    for lc in label.chars() {
        let c = it.next()?;
        if !chars_eq_ci(c, lc) {
            return None;
        }
        pos += c.len_utf8();
    }
    s.get(pos..)
}

/// `s` without `label` at its end, ignoring case.
pub(crate) fn strip_suffix_ci<'a>(s: &'a str, label: &str) -> Option<&'a str> {
    let mut end = s.len();
    let mut it = s.chars().rev();
    for lc in label.chars().rev() {
        let c = it.next()?;
        if !chars_eq_ci(c, lc) {
            return None;
        }
        end -= c.len_utf8();
    }
    s.get(..end)
}

fn at_boundary(rest: &str) -> bool {
    rest.chars()
        .next()
        .is_none_or(|c| c.is_whitespace() || c == ':')
}

/// What the grammar tests of both languages share.
#[cfg(test)]
pub(crate) mod testing {
    use super::{parse_block, CreditsBlock, Role};
    use crate::lang::Lang;

    /// The block parsed from `s` as paragraph `paragraph`; panics when `s` is not one.
    pub(crate) fn parse(s: &str, lang: Lang, paragraph: usize) -> CreditsBlock {
        parse_block(s, lang, paragraph).unwrap_or_else(|| panic!("not a credits block: {s}"))
    }

    /// Each entry as (role, name, location).
    pub(crate) fn triples(b: &CreditsBlock) -> Vec<(Role, &str, Option<&str>)> {
        b.entries
            .iter()
            .map(|e| (e.role, e.name.as_str(), e.location.as_deref()))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_paragraphs_are_not_credits() {
        assert!(parse_block(
            "The minister said (on Monday) that it would rain.",
            Lang::En,
            3
        )
        .is_none());
        assert!(
            parse_block("(This story corrects the date in paragraph 4)", Lang::En, 9).is_none()
        );
        assert!(parse_block("(Les chiffres ont été révisés.)", Lang::Fr, 9).is_none());
        assert!(parse_block("(AFP)", Lang::Fr, 9).is_none());
        assert!(parse_block("", Lang::Fr, 0).is_none());
    }

    #[test]
    fn names_accept_particles_apostrophes_and_scripts() {
        for n in [
            "Inès de la Cruz",
            "Pieter van den Heuvel",
            "Margarethe von Trotta",
            "Aurèle d'Aubigny",
            "Niamh O'Dwyer",
            "Awa N’Guessan",
            "Bartłomiej Wąsik",
            "Şule Yılmaz",
            "Přemysl Dvořák",
            "Ștefan Țiriac",
            "Nguyễn Thị Hương",
            "Park Seo-yeon",
            "Zhang Xiaoming",
            "Mustafa al-Rashid",
        ] {
            assert!(is_name(n), "{n}");
        }
        for n in ["staff", "the Moscow bureau", "12 people", "de la Cruz", ""] {
            assert!(!is_name(n), "{n}");
        }
    }

    #[test]
    fn case_insensitive_prefix_keeps_char_boundaries() {
        assert_eq!(strip_prefix_ci("Édité par Zoé", "édité par"), Some(" Zoé"));
        assert_eq!(
            strip_prefix_ci("REPORTING BY x", "reporting by"),
            Some(" x")
        );
        assert_eq!(strip_prefix_ci("Éd", "édité"), None);
        assert_eq!(
            strip_suffix_ci("Zoé Pour la Version Française", "pour la version française"),
            Some("Zoé ")
        );
    }

    #[test]
    fn unbalanced_brackets_are_malformed_but_parsed() {
        let b = parse_block(
            "(Reporting by Ana Lima in Lisbon; Editing by Tom Dale",
            Lang::En,
            5,
        )
        .unwrap();
        assert_eq!(b.entries.len(), 2);
        assert!(
            b.unparsed.iter().any(|u| u.contains("unbalanced")),
            "{:?}",
            b.unparsed
        );
        let b = parse_block(
            "Reportage Ana Lima à Lisbonne; édité par Zoé Roux)",
            Lang::Fr,
            5,
        )
        .unwrap();
        assert!(
            b.unparsed.iter().any(|u| u.contains("'('")),
            "{:?}",
            b.unparsed
        );
        let b = parse_block(
            "(Reporting by Ana Lima (Lisbon; Editing by Tom Dale)",
            Lang::En,
            5,
        )
        .unwrap();
        assert!(
            b.unparsed.iter().any(|u| u.contains("inside")),
            "{:?}",
            b.unparsed
        );
    }

    #[test]
    fn unbracketed_labelled_paragraph_is_a_malformed_block() {
        let b = parse_block("Reporting by Ana Lima; Editing by Tom Dale", Lang::En, 5).unwrap();
        assert_eq!(b.entries.len(), 2);
        assert_eq!(
            b.unparsed,
            vec!["missing brackets around the credits block"]
        );
        assert!(parse_block("Reporters said it was cold", Lang::En, 5).is_none());
    }

    #[test]
    fn decomposed_input_is_stored_nfc() {
        let b = parse_block(
            "(Reportage Zoe\u{301} Roux; e\u{301}dite\u{301} par Le\u{301}a Gris)",
            Lang::Fr,
            2,
        )
        .unwrap();
        assert_eq!(b.entries[0].name, "Zoé Roux");
        assert_eq!(b.entries[1].role, Role::Editor);
        assert_eq!(b.entries[1].name, "Léa Gris");
    }

    #[test]
    fn odd_inputs_do_not_panic() {
        for s in [
            "(",
            ")",
            "()",
            "(;;;)",
            "(Reporting by)",
            "(, and ,)",
            "(Reportage É)",
            "(İİİ à)",
            "( à Paris)",
            "(Reportage Ana Lima à)",
            "(Reporting by Ana Lima in ; Editing by ,)",
            "((()))",
            "(avec)",
            "(Ăă; ș)",
        ] {
            for lang in [Lang::En, Lang::Fr] {
                let _ = parse_block(s, lang, 0);
            }
        }
        let b = parse_block("(Reportage Ana Lima à)", Lang::Fr, 0).unwrap();
        assert_eq!(b.unparsed, vec!["Ana Lima à"]);
    }
}
