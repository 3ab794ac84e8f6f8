//! Places, organisations and people whose names differ between French and English
//! (`exonyms.tsv`: `kind<TAB>english<TAB>french<TAB>variant|variant…`). Every form
//! maps to one canonical key (the folded English form), so `Pékin`, `PÉKIN`,
//! `Beijing` and `Peking` compare equal. The shipped table is compiled by
//! `build.rs` into a perfect-hash map (nothing to parse at start-up); desks add
//! entries in `wirecheck.toml`, kept in a small map over it.

use std::cell::RefCell;
use std::sync::OnceLock;

pub use super::exonym_forms::{normalise_form, NameKind};
use super::exonym_forms::{normalise_into, Forms};

mod shipped {
    use super::NameKind;
    include!(concat!(env!("OUT_DIR"), "/exonym_data.rs"));
}

/// The exonym table: the shipped forms (unless built from other data) and any
/// added ones.
#[derive(Debug, Clone)]
pub struct ExonymTable {
    base: Option<&'static phf::Map<&'static str, (&'static str, NameKind)>>,
    extra: Forms,
}

impl ExonymTable {
    /// A table of `data` alone (`exonyms.tsv` format), without the shipped forms.
    pub fn parse(data: &str) -> ExonymTable {
        let mut extra = Forms::default();
        extra.parse(data, &|_| None);
        ExonymTable { base: None, extra }
    }

    /// The shipped table.
    pub fn global() -> &'static ExonymTable {
        static T: OnceLock<ExonymTable> = OnceLock::new();
        T.get_or_init(|| ExonymTable {
            base: Some(&shipped::FORMS),
            extra: Forms::default(),
        })
    }

    /// Add an English form, its French form and any variants as one name.
    pub fn add(&mut self, kind: NameKind, en: &str, fr: &str, variants: &[&str]) {
        let base = self.base;
        let known = move |f: &str| base.and_then(|b| b.get(f)).map(|(k, _)| k.to_string());
        self.extra.add(kind, en, fr, variants, &known);
    }

    /// The canonical key of a name in either language, if the table knows it.
    pub fn canonical(&self, name: &str) -> Option<&str> {
        self.with_normalised(name, |f| self.get(f).map(|(k, _)| k))
    }

    pub fn kind(&self, name: &str) -> Option<NameKind> {
        self.with_normalised(name, |f| self.get(f).map(|(_, k)| k))
    }

    /// The entry of a normalised form: an added one first, then the shipped one.
    fn get(&self, form: &str) -> Option<(&str, NameKind)> {
        if let Some((k, kind)) = self.extra.map.get(form) {
            return Some((k.as_str(), *kind));
        }
        self.base?.get(form).map(|&(k, kind)| (k, kind))
    }

    /// Run `f` on the normalised form of `name`, made in a reused buffer (lookups
    /// are the aligner's and the name check's inner loop).
    fn with_normalised<T>(&self, name: &str, f: impl Fn(&str) -> Option<T>) -> Option<T> {
        thread_local! {
            static BUF: RefCell<(String, String)> = const {
                RefCell::new((String::new(), String::new()))
            };
        }
        BUF.with(|b| match b.try_borrow_mut() {
            Ok(mut b) => {
                let (scratch, out) = &mut *b;
                normalise_into(name, scratch, out);
                f(out)
            }
            Err(_) => f(&normalise_form(name)),
        })
    }

    /// Two names denote the same thing: same canonical key, or the same folded form.
    pub fn same(&self, a: &str, b: &str) -> bool {
        let (fa, fb) = (normalise_form(a), normalise_form(b));
        if fa == fb {
            return true;
        }
        match (self.get(&fa), self.get(&fb)) {
            (Some((ka, _)), Some((kb, _))) => ka == kb,
            _ => false,
        }
    }

    /// Longest number of words in any form (for n-gram lookups).
    pub fn max_words(&self) -> usize {
        let base = if self.base.is_some() {
            shipped::MAX_WORDS
        } else {
            1
        };
        base.max(self.extra.max_words)
    }

    pub fn len(&self) -> usize {
        self.base.map_or(0, |b| b.len()) + self.extra.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_table_maps_french_and_english_forms() {
        let t = ExonymTable::global();
        assert!(t.same("Pékin", "Beijing"));
        assert!(t.same("MOSCOU", "Moscow"));
        assert!(t.same("Le Caire", "Cairo"));
        assert!(t.same("Kyiv", "Kiev"));
        assert!(t.same("Otan", "NATO"));
        assert!(t.same("Poutine", "Putin"));
        assert!(t.same("Nouvelle-Delhi", "New Delhi"));
        assert!(!t.same("Londres", "Lisbon"));
    }

    #[test]
    fn desk_entries_join_shipped_names_without_changing_them() {
        let mut t = ExonymTable::global().clone();
        let before = t.len();
        t.add(NameKind::City, "Pei-ching", "Pei-tching", &["Pékin"]);
        assert!(t.same("Pei-tching", "Beijing"));
        assert!(t.same("Pei-ching", "Pékin"));
        assert_eq!(t.kind("Pékin"), ExonymTable::global().kind("Pékin"));
        assert_eq!(t.len(), before + 2, "only the two new forms are added");
        assert!(ExonymTable::global().canonical("Pei-tching").is_none());
    }

    #[test]
    fn desk_entries_join_existing_names() {
        let mut t = ExonymTable::parse("city\tBeijing\tPékin\tPeking\n");
        t.add(NameKind::City, "Pei-ching", "Pei-ching", &[]);
        assert!(t.same("Pékin", "Peking"));
        t.add(NameKind::City, "Peking", "Bĕijīng", &[]);
        assert!(t.same("Bĕijīng", "Beijing"));
    }
}
