//! Places, organisations and people whose names differ between French and English
//! (`exonyms.tsv`: `kind<TAB>english<TAB>french<TAB>variant|variant…`). Every form
//! maps to one canonical key (the folded English form), so `Pékin`, `PÉKIN`,
//! `Beijing` and `Peking` compare equal. Desks add entries in `wirecheck.toml`.

use rustc_hash::FxHashMap as HashMap;
use std::sync::OnceLock;


const EXONYMS_TSV: &str = include_str!("exonyms.tsv");

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    Country,
    City,
    Place,
    Org,
    Person,
    Other,
}

impl NameKind {
    fn parse(s: &str) -> NameKind {
        match s {
            "country" => NameKind::Country,
            "city" | "capital" => NameKind::City,
            "place" | "region" => NameKind::Place,
            "org" => NameKind::Org,
            "person" => NameKind::Person,
            _ => NameKind::Other,
        }
    }
}

#[derive(Debug, Clone)]
pub struct ExonymTable {
    /// folded form → (canonical key, kind)
    forms: HashMap<String, (String, NameKind)>,
    max_words: usize,
}

impl ExonymTable {
    pub fn parse(data: &str) -> ExonymTable {
        let mut t = ExonymTable {
            forms: HashMap::default(),
            max_words: 1,
        };
        for line in data.lines() {
            if line.trim().is_empty() || line.starts_with('#') {
                continue;
            }
            let cols: Vec<&str> = line.split('\t').collect();
            if cols.len() < 3 {
                continue;
            }
            let kind = NameKind::parse(cols[0].trim());
            let variants: Vec<&str> = cols.get(3).map_or(Vec::new(), |v| v.split('|').collect());
            t.add(kind, cols[1], cols[2], &variants);
        }
        t
    }

    pub fn global() -> &'static ExonymTable {
        static T: OnceLock<ExonymTable> = OnceLock::new();
        T.get_or_init(|| ExonymTable::parse(EXONYMS_TSV))
    }

    /// Add an English form, its French form and any variants as one name.
    pub fn add(&mut self, kind: NameKind, en: &str, fr: &str, variants: &[&str]) {
        let forms: Vec<String> = [en, fr]
            .iter()
            .chain(variants.iter())
            .map(|f| normalise_form(f))
            .filter(|f| !f.is_empty())
            .collect();
        let Some(key) = forms
            .first()
            .cloned()
            .filter(|_| !normalise_form(en).is_empty())
        else {
            return;
        };
        // an existing entry for any form wins the canonical key (aliases chain)
        let canonical = forms
            .iter()
            .find_map(|f| self.forms.get(f).map(|(k, _)| k.clone()))
            .unwrap_or(key);
        for f in forms {
            self.max_words = self.max_words.max(f.split(' ').count());
            self.forms.entry(f).or_insert((canonical.clone(), kind));
        }
    }

    /// The canonical key of a name in either language, if the table knows it.
    pub fn canonical(&self, name: &str) -> Option<&str> {
        self.lookup(name).map(|(k, _)| k.as_str())
    }

    pub fn kind(&self, name: &str) -> Option<NameKind> {
        self.lookup(name).map(|(_, k)| *k)
    }

    /// The entry of a name, normalised in a reused buffer (lookups are the
    /// aligner's and the name check's inner loop).
    fn lookup(&self, name: &str) -> Option<&(String, NameKind)> {
        thread_local! {
            static BUF: std::cell::RefCell<(String, String)> = const {
                std::cell::RefCell::new((String::new(), String::new()))
            };
        }
        BUF.with(|b| match b.try_borrow_mut() {
            Ok(mut b) => {
                let (scratch, out) = &mut *b;
                normalise_into(name, scratch, out);
                self.forms.get(out.as_str())
            }
            Err(_) => self.forms.get(&normalise_form(name)),
        })
    }

    /// Two names denote the same thing: same canonical key, or the same folded form.
    pub fn same(&self, a: &str, b: &str) -> bool {
        let (fa, fb) = (normalise_form(a), normalise_form(b));
        if fa == fb {
            return true;
        }
        match (self.forms.get(&fa), self.forms.get(&fb)) {
            (Some((ka, _)), Some((kb, _))) => ka == kb,
            _ => false,
        }
    }

    /// Longest number of words in any form (for n-gram lookups).
    pub fn max_words(&self) -> usize {
        self.max_words
    }

    pub fn len(&self) -> usize {
        self.forms.len()
    }

    pub fn is_empty(&self) -> bool {
        self.forms.is_empty()
    }
}

/// Folded, hyphens and dots made spaces/removed, articles kept: `Nouvelle-Delhi` →
/// `nouvelle delhi`, `U.S.` → `us`.
pub fn normalise_form(s: &str) -> String {
    let (mut scratch, mut out) = (String::new(), String::new());
    normalise_into(s, &mut scratch, &mut out);
    out
}

/// [`normalise_form`] into `out` (cleared first), with `scratch` for the fold.
fn normalise_into(s: &str, scratch: &mut String, out: &mut String) {
    scratch.clear();
    out.clear();
    super::text::fold_into(s.trim(), scratch);
    if !scratch
        .bytes()
        .any(|b| matches!(b, b'.' | b'-' | b'\'') || b <= b' ' || b >= 0x80)
    {
        out.push_str(scratch);
        return;
    }
    let mut pending_space = false;
    for c in scratch.chars() {
        match c {
            '.' => {}
            '-' | '\'' => pending_space = true,
            c if c.is_whitespace() => pending_space = true,
            c => {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.push(c);
            }
        }
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
    fn desk_entries_join_existing_names() {
        let mut t = ExonymTable::parse("city\tBeijing\tPékin\tPeking\n");
        t.add(NameKind::City, "Pei-ching", "Pei-ching", &[]);
        assert!(t.same("Pékin", "Peking"));
        t.add(NameKind::City, "Peking", "Bĕijīng", &[]);
        assert!(t.same("Bĕijīng", "Beijing"));
    }
}
