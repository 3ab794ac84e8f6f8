//! How exonym entries become forms: shared by `build.rs`, which compiles the
//! shipped `exonyms.tsv` into a perfect-hash table, and by the run-time table,
//! which adds a desk's `[[names]]` the same way. Every form (English, French,
//! variants), normalised, maps to one canonical key, the normalised English form,
//! unless a form is already known, whose key then wins (aliases chain).

use std::collections::HashMap;

use super::text::fold_into;

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
    pub fn parse(s: &str) -> NameKind {
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

/// Normalised forms and what they map to.
#[derive(Debug, Clone, Default)]
pub struct Forms {
    /// normalised form → (canonical key, kind)
    pub map: HashMap<String, (String, NameKind)>,
    /// Most words in any form (for n-gram lookups).
    pub max_words: usize,
}

impl Forms {
    /// Every entry of a table in the `exonyms.tsv` format, on top of `base`.
    pub fn parse(&mut self, data: &str, base: &dyn Fn(&str) -> Option<String>) {
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
            self.add(kind, cols[1], cols[2], &variants, base);
        }
    }

    /// Add an English form, its French form and any variants as one name. `base`
    /// gives the canonical key of a form known to an underlying table, whose
    /// entries stay as they are.
    pub fn add(
        &mut self,
        kind: NameKind,
        en: &str,
        fr: &str,
        variants: &[&str],
        base: &dyn Fn(&str) -> Option<String>,
    ) {
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
        let known = |f: &String| base(f).or_else(|| self.map.get(f).map(|(k, _)| k.clone()));
        let canonical = forms.iter().find_map(known).unwrap_or(key);
        for f in forms {
            if base(&f).is_some() {
                continue;
            }
            self.max_words = self.max_words.max(f.split(' ').count());
            self.map.entry(f).or_insert((canonical.clone(), kind));
        }
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
pub fn normalise_into(s: &str, scratch: &mut String, out: &mut String) {
    scratch.clear();
    out.clear();
    fold_into(s.trim(), scratch);
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
