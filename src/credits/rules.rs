//! Comparing the French credits with the English: who of the English contributors
//! the French keeps (identical name, or a near miss), who it drops, who it adds, and
//! whether places agree after exonym mapping. The credits checks and the dateline
//! check read these results; nothing here decides severity.

use strsim::{jaro_winkler, normalized_damerau_levenshtein, osa_distance};

use super::{CreditEntry, CreditsBlock, Role};
use crate::lang::exonyms::{normalise_form, ExonymTable};
use crate::lang::text::{fold, nfc};

/// How an English entry was found in the French.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Match {
    /// Identical after Unicode NFC.
    Exact,
    /// A near miss: a dropped diacritic, two swapped letters, one edit.
    Spelling,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair {
    /// Index into the English entries.
    pub en: usize,
    /// Index into the French entries.
    pub fr: usize,
    pub how: Match,
}

/// The English contributors (reporters, additional reporters, writers) against the
/// French ones.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Comparison {
    pub pairs: Vec<Pair>,
    /// English entries with no French counterpart.
    pub missing: Vec<usize>,
    /// French entries with no English counterpart.
    pub added: Vec<usize>,
}

/// Which roles are compared with which: reporters of either kind with each other
/// (an English reporter may be a French `avec`), writers with writers.
fn group(role: Role) -> Option<u8> {
    match role {
        Role::Reporter | Role::AdditionalReporter => Some(0),
        Role::Writer => Some(1),
        _ => None,
    }
}

/// Pair the contributors of both blocks: identical names first, then near misses,
/// so that a misspelled name is one spelling finding, not a missing plus an added.
pub fn compare(fr: &CreditsBlock, en: &CreditsBlock) -> Comparison {
    let mut cmp = Comparison::default();
    let fr_names: Vec<String> = fr.entries.iter().map(|e| nfc(&e.name)).collect();
    let en_names: Vec<String> = en.entries.iter().map(|e| nfc(&e.name)).collect();
    let mut fr_used = vec![false; fr.entries.len()];
    let mut en_used = vec![false; en.entries.len()];
    let eligible = |e: &CreditEntry| group(e.role).is_some();

    for (i, e) in en.entries.iter().enumerate().filter(|(_, e)| eligible(e)) {
        let found = fr.entries.iter().enumerate().position(|(j, f)| {
            !fr_used[j] && group(f.role) == group(e.role) && fr_names[j] == en_names[i]
        });
        if let Some(j) = found {
            fr_used[j] = true;
            en_used[i] = true;
            cmp.pairs.push(Pair {
                en: i,
                fr: j,
                how: Match::Exact,
            });
        }
    }

    let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
    for (i, e) in en.entries.iter().enumerate() {
        if en_used[i] || !eligible(e) {
            continue;
        }
        for (j, f) in fr.entries.iter().enumerate() {
            if fr_used[j] || group(f.role) != group(e.role) {
                continue;
            }
            if let Some(d) = near_miss(&en_names[i], &fr_names[j]) {
                candidates.push((d, i, j));
            }
        }
    }
    candidates.sort();
    for (_, i, j) in candidates {
        if en_used[i] || fr_used[j] {
            continue;
        }
        en_used[i] = true;
        fr_used[j] = true;
        cmp.pairs.push(Pair {
            en: i,
            fr: j,
            how: Match::Spelling,
        });
    }
    cmp.pairs.sort_by_key(|p| p.en);
    cmp.missing = (0..en.entries.len())
        .filter(|&i| !en_used[i] && eligible(&en.entries[i]))
        .collect();
    cmp.added = (0..fr.entries.len())
        .filter(|&j| !fr_used[j] && eligible(&fr.entries[j]))
        .collect();
    cmp
}

/// How far apart two different names are if one is a misspelling of the other
/// (`Some(0)` when they differ only by diacritics, case or apostrophe type), `None`
/// when they are different names.
pub fn near_miss(a: &str, b: &str) -> Option<usize> {
    if a == b {
        return None;
    }
    let (fa, fb) = (fold(a), fold(b));
    if fa == fb {
        return Some(0);
    }
    let short = fa.chars().count().min(fb.chars().count());
    if short < 4 {
        return None;
    }
    let d = osa_distance(&a.to_lowercase(), &b.to_lowercase()).min(osa_distance(&fa, &fb) + 1);
    (d <= 1 || osa_distance(&fa, &fb) <= 1).then_some(d.max(1))
}

const ARTICLES: &[&str] = &["le ", "la ", "les ", "l'", "l’", "the "];

fn without_article(s: &str) -> &str {
    let t = s.trim();
    for a in ARTICLES {
        if let Some(rest) = super::strip_prefix_ci(t, a) {
            if !rest.trim().is_empty() {
                return rest.trim();
            }
        }
    }
    t
}

/// Two place names denote the same place: the exonym table says so (with or without
/// a leading article), the French kept the English form, or, when the table knows
/// neither, the two forms are close (`Tbilisi`/`Tbilissi`).
pub fn same_place(names: &ExonymTable, a: &str, b: &str) -> bool {
    let forms_a = [a.trim(), without_article(a)];
    let forms_b = [b.trim(), without_article(b)];
    for x in forms_a {
        for y in forms_b {
            if names.same(x, y) {
                return true;
            }
        }
    }
    let known = |forms: &[&str; 2]| forms.iter().any(|f| names.canonical(f).is_some());
    if known(&forms_a) && known(&forms_b) {
        return false;
    }
    let (fa, fb) = (normalise_form(forms_a[1]), normalise_form(forms_b[1]));
    if fa.is_empty() || fb.is_empty() || fa.chars().next() != fb.chars().next() {
        return false;
    }
    normalized_damerau_levenshtein(&fa, &fb) >= 0.7
        || (fa.chars().count() >= 5 && jaro_winkler(&fa, &fb) >= 0.9)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credits::parse_block;
    use crate::lang::Lang;

    fn blocks(fr: &str, en: &str) -> (CreditsBlock, CreditsBlock) {
        (
            parse_block(fr, Lang::Fr, 9).unwrap(),
            parse_block(en, Lang::En, 9).unwrap(),
        )
    }

    #[test]
    fn near_misses() {
        assert_eq!(near_miss("Solène Marchal", "Solene Marchal"), Some(0));
        assert_eq!(near_miss("Łukasz Nowak", "Lukasz Nowak"), Some(0));
        assert!(near_miss("Kuba Lewandowski", "Kuba Lewadnowski").is_some());
        assert!(near_miss("Ilker Thorn", "Ilkre Thorn").is_some());
        assert!(near_miss("Ana Lima", "Ana Lina").is_some());
        assert!(near_miss("Ana Lima", "Ana Lima").is_none());
        assert!(near_miss("Ana Lima", "Tom Dale").is_none());
        assert!(near_miss("Yuki Wenz", "Yuki Aldridge").is_none());
    }

    #[test]
    fn exact_pairs_win_over_spelling() {
        let (fr, en) = blocks(
            "(Reportage Ana Lima et Ana Lina; édité par Léa Gris)",
            "(Reporting by Ana Lina and Ana Lima; Editing by Tom Dale)",
        );
        let c = compare(&fr, &en);
        assert!(c.pairs.iter().all(|p| p.how == Match::Exact), "{c:?}");
        assert!(c.missing.is_empty() && c.added.is_empty());
    }

    #[test]
    fn misspelling_is_not_missing_plus_added() {
        let (fr, en) = blocks(
            "(Reportage Severine Benali et Kuba Nowak; version française Zoé Roux, édité par Léa Gris)",
            "(Reporting by Kuba Nowak and Séverine Benali; Editing by Tom Dale)",
        );
        let c = compare(&fr, &en);
        assert_eq!(
            c.pairs.iter().filter(|p| p.how == Match::Spelling).count(),
            1
        );
        assert!(c.missing.is_empty() && c.added.is_empty());
    }

    #[test]
    fn additional_reporter_may_be_credited_as_reporter() {
        let (fr, en) = blocks(
            "(Reportage Ana Lima et Tom Dale; édité par Léa Gris)",
            "(Reporting by Ana Lima; Additional reporting by Tom Dale; Editing by Jo Arx)",
        );
        let c = compare(&fr, &en);
        assert_eq!(c.pairs.len(), 2);
    }

    #[test]
    fn english_editor_as_french_reporter_is_added() {
        let (fr, en) = blocks(
            "(Reportage Ana Lima et Jo Arx; édité par Léa Gris)",
            "(Reporting by Ana Lima; Editing by Jo Arx)",
        );
        let c = compare(&fr, &en);
        assert_eq!(c.added.len(), 1);
        assert_eq!(fr.entries[c.added[0]].name, "Jo Arx");
    }

    #[test]
    fn places_after_exonym_mapping() {
        let t = ExonymTable::global();
        assert!(same_place(t, "Moscou", "Moscow"));
        assert!(same_place(t, "Le Caire", "Cairo"));
        assert!(same_place(t, "Caire", "Cairo"));
        assert!(same_place(t, "Washington", "Washington"));
        assert!(same_place(t, "Montréal", "Montreal"));
        assert!(same_place(t, "Tbilissi", "Tbilisi"));
        assert!(same_place(t, "KIEV", "KYIV"));
        assert!(!same_place(t, "Londres", "Lisbon"));
        assert!(!same_place(t, "Rabat", "Riyadh"));
        assert!(!same_place(t, "Helsinki", "Mumbai"));
    }
}
