//! Places, organisations and people whose names differ between French and English
//! (`exonyms.tsv`: `kind<TAB>english<TAB>french<TAB>variant|variant…`). Every form
//! maps to one canonical key (the folded English form), so `Pékin`, `PÉKIN`,
//! `Beijing` and `Peking` compare equal. The shipped table is compiled by
//! `build.rs` into a perfect-hash map (nothing to parse at start-up); desks add
//! entries in `wirecheck.toml`, kept in a small map over it.

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::OnceLock;

pub use super::exonym_forms::{normalise_form, NameKind};
use super::exonym_forms::{normalise_into, Forms};
use crate::util::WordMemo;

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
    /// Names this table's contents: new for every table made and after every
    /// change, never reused (a clone shares it until one of them changes), so a
    /// memo of lookups made under it stays right.
    revision: u64,
}

fn new_revision() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// A shipped entry: canonical key and kind.
type Shipped = (&'static str, NameKind);

/// Lookups of shipped names made on this thread, for the table of `revision`:
/// the aligner and the name checks ask for the same words again and again, and
/// normalising a name costs more than finding it here. Answers from desk-added
/// entries are not kept (they are few, and borrow from their table).
struct NameMemo {
    revision: u64,
    map: WordMemo<Option<Shipped>>,
}

/// Names a thread's memo holds before it starts again (a few MiB at most).
const NAME_MEMO_MAX: usize = 32_768;

thread_local! {
    static NAME_MEMO: RefCell<NameMemo> = RefCell::new(NameMemo {
        revision: 0,
        map: WordMemo::new(NAME_MEMO_MAX),
    });
}

impl ExonymTable {
    /// A table of `data` alone (`exonyms.tsv` format), without the shipped forms.
    pub fn parse(data: &str) -> ExonymTable {
        let mut extra = Forms::default();
        extra.parse(data, &|_| None);
        ExonymTable {
            base: None,
            extra,
            revision: new_revision(),
        }
    }

    /// The shipped table.
    pub fn global() -> &'static ExonymTable {
        static T: OnceLock<ExonymTable> = OnceLock::new();
        T.get_or_init(|| ExonymTable {
            base: Some(&shipped::FORMS),
            extra: Forms::default(),
            revision: new_revision(),
        })
    }

    /// Add an English form, its French form and any variants as one name.
    pub fn add(&mut self, kind: NameKind, en: &str, fr: &str, variants: &[&str]) {
        let base = self.base;
        let known = move |f: &str| base.and_then(|b| b.get(f)).map(|(k, _)| k.to_string());
        self.extra.add(kind, en, fr, variants, &known);
        self.revision = new_revision();
    }

    /// The canonical key of a name in either language, if the table knows it.
    pub fn canonical(&self, name: &str) -> Option<&str> {
        self.lookup(name).map(|(k, _)| k)
    }

    pub fn kind(&self, name: &str) -> Option<NameKind> {
        self.lookup(name).map(|(_, k)| k)
    }

    /// What names this table's contents (see the field): equal revisions, equal
    /// answers.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// The entry of `name` (normalised first), through this thread's memo.
    fn lookup(&self, name: &str) -> Option<(&str, NameKind)> {
        let memo = |f: &mut dyn FnMut(&mut NameMemo)| {
            NAME_MEMO.with(|m| {
                if let Ok(mut m) = m.try_borrow_mut() {
                    f(&mut m)
                }
            })
        };
        let mut hit = None;
        memo(&mut |m| {
            if m.revision == self.revision {
                hit = m.map.get(name).copied();
            }
        });
        if let Some(found) = hit {
            return found;
        }
        // a desk-added entry first, as in `get`; only shipped answers are kept
        let found = self.with_normalised(name, |f| {
            Some(match self.extra.map.get(f) {
                Some((k, kind)) => Err((k.as_str(), *kind)),
                None => Ok(self.base.and_then(|b| b.get(f)).copied()),
            })
        });
        match found {
            Some(Ok(shipped)) => {
                memo(&mut |m| {
                    if m.revision != self.revision {
                        m.map.clear();
                        m.revision = self.revision;
                    }
                    m.map.insert(name, shipped);
                });
                shipped
            }
            Some(Err(added)) => Some(added),
            None => None,
        }
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
    fn a_lookup_remembered_for_one_table_is_not_the_answer_of_another() {
        let global = ExonymTable::global();
        // asked twice: the second answer comes from the memo, and is the same
        for _ in 0..2 {
            assert_eq!(global.canonical("Pékin"), Some("beijing"));
            assert_eq!(global.canonical("Zorglubie"), None);
        }
        // a copy that learns the name answers with it, the shipped table still not
        let mut t = global.clone();
        assert_eq!(t.canonical("Zorglubie"), None);
        t.add(NameKind::Country, "Zorglubia", "Zorglubie", &[]);
        assert_eq!(t.canonical("Zorglubie"), t.canonical("Zorglubia"));
        assert!(t.canonical("Zorglubie").is_some());
        assert_eq!(global.canonical("Zorglubie"), None);
        // a desk form joining a shipped name, asked for before and after
        assert_eq!(global.canonical("Peking Town"), None);
        let mut u = global.clone();
        u.add(NameKind::City, "Peking Town", "Pékin", &[]);
        assert_eq!(u.canonical("Peking Town"), Some("beijing"));
        assert_eq!(global.canonical("Peking Town"), None);
        // a table made from other data knows nothing of the shipped names
        let own = ExonymTable::parse("city\tGotham\tGotham-Ville\t");
        assert_eq!(own.canonical("Pékin"), None);
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
