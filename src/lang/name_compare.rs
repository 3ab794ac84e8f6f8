//! Names prepared for comparison: [`same_prepared`] of two [`PreparedName`]s is
//! [`same_name`] of the two names, with each name's normalised form, canonical key,
//! parts and transliteration keys made once, for a name compared with many (every
//! name of a paragraph with every name of the other side).

use super::exonym_forms::normalise_form;
use super::exonyms::ExonymTable;
#[cfg(doc)]
use super::names::same_name;
use super::names::{parts, parts_agree, similar_at_least, translit_key};

/// A name part with what [`part_matches`](super::names::part_matches) computes of it, made once for a part
/// compared with many.
#[derive(Debug, Clone)]
struct PartKey {
    text: String,
    chars: usize,
    translit: String,
    translit_chars: usize,
}

impl PartKey {
    fn new(part: &str) -> PartKey {
        let translit = translit_key(part);
        PartKey {
            chars: part.chars().count(),
            translit_chars: translit.chars().count(),
            text: part.to_string(),
            translit,
        }
    }
}

/// [`part_matches`](super::names::part_matches) of two prepared parts.
fn part_matches_keyed(a: &PartKey, b: &PartKey) -> bool {
    if a.text == b.text {
        return true;
    }
    let (ka, kb) = (&a.translit, &b.translit);
    if a.translit_chars >= 4 && (ka == kb || similar_at_least(ka, kb, 0.8)) {
        return true;
    }
    let (la, lb) = (a.chars, b.chars);
    if la < 4 || lb < 4 {
        return false;
    }
    similar_at_least(&a.text, &b.text, 0.75)
        || (la >= 5 && lb >= 5 && (a.text.starts_with(&b.text) || b.text.starts_with(&a.text)))
}

/// A name with what [`same_name`] computes of it (its normalised form, its
/// canonical key, its parts and theirs), made once for a name compared with many:
/// [`same_prepared`] of two prepared names is [`same_name`] of the two names.
#[derive(Debug, Clone)]
pub struct PreparedName {
    norm: String,
    canonical: Option<String>,
    parts: Vec<PreparedPart>,
}

#[derive(Debug, Clone)]
struct PreparedPart {
    key: PartKey,
    norm: String,
    canonical: Option<String>,
}

impl PreparedName {
    pub fn new(name: &str, table: &ExonymTable) -> PreparedName {
        PreparedName {
            norm: normalise_form(name),
            canonical: table.canonical(name).map(String::from),
            parts: parts(name)
                .iter()
                .map(|p| PreparedPart {
                    key: PartKey::new(p),
                    norm: normalise_form(p),
                    canonical: table.canonical(p).map(String::from),
                })
                .collect(),
        }
    }

    /// The name's parts, as [`parts`] gives them.
    pub fn parts(&self) -> impl Iterator<Item = &str> + '_ {
        self.parts.iter().map(|p| p.key.text.as_str())
    }

    /// [`ExonymTable::same`] of the two names.
    pub fn table_same(&self, other: &PreparedName) -> bool {
        table_same(&self.norm, &self.canonical, &other.norm, &other.canonical)
    }
}

/// [`ExonymTable::same`] from the normalised forms and canonical keys: the same
/// form, or both known with the same key.
fn table_same(fa: &str, ka: &Option<String>, fb: &str, kb: &Option<String>) -> bool {
    fa == fb || ka.is_some() && ka == kb
}

/// [`same_name`] of two prepared names.
pub fn same_prepared(a: &PreparedName, b: &PreparedName) -> bool {
    if a.table_same(b) {
        return true;
    }
    parts_agree(&a.parts, &b.parts, |a, b| {
        part_matches_keyed(&a.key, &b.key)
            || table_same(&a.norm, &a.canonical, &b.norm, &b.canonical)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lang::names::{part_matches, same_name};

    #[test]
    fn prepared_names_compare_as_same_name() {
        let t = ExonymTable::global();
        let names = [
            "Sergueï Lavrov",
            "Sergei Lavrov",
            "Lavrov",
            "Zelensky",
            "Zelenskiy",
            "Volodymyr Zelensky",
            "Greg Sorensen",
            "Abbott",
            "John Gallagher",
            "John Hardy",
            "Fayçal al-Rachid",
            "Faisal al-Rashid",
            "Oussama",
            "Usama",
            "Bancroft PLLC",
            "PLLC Bancroft",
            "PLLC Hargreave",
            "Pékin",
            "Beijing",
            "Le Caire",
            "Cairo",
            "Otan",
            "NATO",
            "Poutine",
            "Putin",
            "Charles de Gaulle",
            "de Gaulle",
            "Xi Jinping",
            "Jinping Xi",
            "Kim Ji-hoon",
            "Ji-hoon Kim",
            "Royaume-Uni",
            "Britain",
            "Tchaïkovski",
            "Chaikovsky",
            "Khodorkovski",
            "Khodorkovsky",
            "M.",
            "Al",
            "",
        ];
        for a in names {
            let pa = PreparedName::new(a, t);
            for b in names {
                let pb = PreparedName::new(b, t);
                assert_eq!(same_prepared(&pa, &pb), same_name(a, b, t), "{a:?} / {b:?}");
                assert_eq!(pa.table_same(&pb), t.same(a, b), "{a:?} / {b:?}");
                assert_eq!(pa.parts().collect::<Vec<_>>(), parts(a));
            }
        }
        // part_matches: the keyed form decides the same
        let words = [
            "serguei",
            "sergei",
            "zelensky",
            "zelenskiy",
            "ali",
            "alia",
            "holland",
            "hollande",
        ];
        for a in words {
            for b in words {
                let (ka, kb) = (translit_key(a), translit_key(b));
                let want = a == b
                    || ka.chars().count() >= 4 && (ka == kb || similar_at_least(&ka, &kb, 0.8))
                    || a.chars().count() >= 4
                        && b.chars().count() >= 4
                        && (similar_at_least(a, b, 0.75)
                            || a.chars().count() >= 5
                                && b.chars().count() >= 5
                                && (a.starts_with(b) || b.starts_with(a)));
                assert_eq!(part_matches(a, b), want, "{a} / {b}");
            }
        }
    }
}
