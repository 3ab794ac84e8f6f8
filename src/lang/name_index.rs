//! The names of a whole story, indexed so that "does the story name this person
//! anywhere?" compares the name with the few names that could match instead of
//! every name of the story: on a long document that question, asked for every
//! paragraph, made the check grow with the square of the document.
//!
//! [`NameIndex::any_same`] answers exactly what `names.iter().any(|e|
//! same_name(name, e, table))` answers: the index only picks the candidates, each
//! by a condition that [`same_name`] cannot be true without, and [`same_name`]
//! itself decides on them.

use rustc_hash::FxHashMap;
use std::cell::RefCell;

use super::exonyms::ExonymTable;
use super::names::{part_matches, parts, same_name, translit_key};
use crate::lang::exonym_forms::normalise_form;

/// One distinct name part of the story.
struct Part {
    text: String,
    chars: usize,
    mask: u64,
    translit_chars: usize,
    translit_mask: u64,
    /// The names (indices into [`NameIndex::names`]) that have this part.
    names: Vec<usize>,
}

pub struct NameIndex {
    names: Vec<String>,
    by_norm: FxHashMap<String, Vec<usize>>,
    by_canonical: FxHashMap<String, Vec<usize>>,
    parts: Vec<Part>,
    part_of: FxHashMap<String, usize>,
    part_by_translit: FxHashMap<String, Vec<usize>>,
    part_by_norm: FxHashMap<String, Vec<usize>>,
    part_by_canonical: FxHashMap<String, Vec<usize>>,
    /// Part indices sorted by their text, for "parts that start with".
    sorted: Vec<usize>,
    /// The candidate parts of a query part, remembered (a story repeats its names).
    memo: RefCell<FxHashMap<String, Vec<usize>>>,
}

/// The characters of `s` as a set of bits: a-z, 0-9, anything else hashed into
/// the rest. A character of one string whose bit the other lacks is a character
/// the other lacks, so the count of such bits is at most the edit distance.
fn char_mask(s: &str) -> u64 {
    s.chars().fold(0, |m, c| {
        let bit = match c {
            'a'..='z' => c as u32 - 'a' as u32,
            '0'..='9' => 26 + c as u32 - '0' as u32,
            _ => 36 + c as u32 % 28,
        };
        m | 1 << bit
    })
}

/// Can `strsim::normalized_damerau_levenshtein(a, b) >= min` hold, for strings of
/// `la` and `lb` characters with masks `ma` and `mb`? False only when it cannot:
/// the same length test as `names::similar_at_least`, then every edit removes at
/// most one character missing from the other side.
fn may_be_similar(la: usize, ma: u64, lb: usize, mb: u64, min: f64) -> bool {
    let longest = la.max(lb);
    if longest > 0 && 1.0 - (la.abs_diff(lb) as f64 / longest as f64) < min {
        return false;
    }
    // distance <= (1 - min) * longest, with a margin for rounding
    let k = ((1.0 - min) * longest as f64).floor() as u32 + 1;
    (ma & !mb).count_ones() <= k && (mb & !ma).count_ones() <= k
}

impl NameIndex {
    pub fn new<'n>(names: impl IntoIterator<Item = &'n str>, table: &ExonymTable) -> Self {
        let mut ix = NameIndex {
            names: Vec::new(),
            by_norm: FxHashMap::default(),
            by_canonical: FxHashMap::default(),
            parts: Vec::new(),
            part_of: FxHashMap::default(),
            part_by_translit: FxHashMap::default(),
            part_by_norm: FxHashMap::default(),
            part_by_canonical: FxHashMap::default(),
            sorted: Vec::new(),
            memo: RefCell::new(FxHashMap::default()),
        };
        for name in names {
            let i = ix.names.len();
            ix.names.push(name.to_string());
            ix.by_norm.entry(normalise_form(name)).or_default().push(i);
            if let Some(k) = table.canonical(name) {
                ix.by_canonical.entry(k.to_string()).or_default().push(i);
            }
            for p in parts(name) {
                let j = match ix.part_of.get(&p) {
                    Some(&j) => j,
                    None => ix.add_part(p, table),
                };
                if ix.parts[j].names.last() != Some(&i) {
                    ix.parts[j].names.push(i);
                }
            }
        }
        let mut sorted: Vec<usize> = (0..ix.parts.len()).collect();
        sorted.sort_by(|&a, &b| ix.parts[a].text.cmp(&ix.parts[b].text));
        ix.sorted = sorted;
        ix
    }

    fn add_part(&mut self, p: String, table: &ExonymTable) -> usize {
        let j = self.parts.len();
        let translit = translit_key(&p);
        let translit_chars = translit.chars().count();
        if translit_chars >= 4 {
            self.part_by_translit
                .entry(translit.clone())
                .or_default()
                .push(j);
        }
        self.part_by_norm
            .entry(normalise_form(&p))
            .or_default()
            .push(j);
        if let Some(k) = table.canonical(&p) {
            self.part_by_canonical
                .entry(k.to_string())
                .or_default()
                .push(j);
        }
        self.part_of.insert(p.clone(), j);
        self.parts.push(Part {
            chars: p.chars().count(),
            mask: char_mask(&p),
            translit_mask: char_mask(&translit),
            translit_chars,
            text: p,
            names: Vec::new(),
        });
        j
    }

    /// Is some name of the story the same name as `name` ([`same_name`])?
    pub fn any_same(&self, name: &str, table: &ExonymTable) -> bool {
        let mut cands: Vec<usize> = Vec::new();
        // the same form or the same canonical key (`ExonymTable::same`)
        if let Some(v) = self.by_norm.get(&normalise_form(name)) {
            cands.extend(v);
        }
        if let Some(v) = table.canonical(name).and_then(|k| self.by_canonical.get(k)) {
            cands.extend(v);
        }
        // else some part of one matches some part of the other
        for x in parts(name) {
            let mut memo = self.memo.borrow_mut();
            let ps = memo
                .entry(x)
                .or_insert_with_key(|x| self.part_candidates(x, table));
            for &j in ps.iter() {
                cands.extend(&self.parts[j].names);
            }
        }
        cands.sort_unstable();
        cands.dedup();
        cands
            .iter()
            .any(|&i| same_name(name, &self.names[i], table))
    }

    /// Every part `y` of the story for which `part_matches(x, y) || table.same(x,
    /// y)` holds: the candidates picked by conditions it cannot hold without, then
    /// tested.
    fn part_candidates(&self, x: &str, table: &ExonymTable) -> Vec<usize> {
        let mut out = Vec::new();
        if let Some(&j) = self.part_of.get(x) {
            out.push(j);
        }
        let tx = translit_key(x);
        let (lx, tlx) = (x.chars().count(), tx.chars().count());
        if tlx >= 4 {
            if let Some(v) = self.part_by_translit.get(&tx) {
                out.extend(v);
            }
        }
        if let Some(v) = self.part_by_norm.get(&normalise_form(x)) {
            out.extend(v);
        }
        if let Some(v) = table
            .canonical(x)
            .and_then(|k| self.part_by_canonical.get(k))
        {
            out.extend(v);
        }
        if lx >= 5 {
            // parts that start with x
            let from = self
                .sorted
                .partition_point(|&j| self.parts[j].text.as_str() < x);
            out.extend(
                self.sorted[from..]
                    .iter()
                    .take_while(|&&j| self.parts[j].text.starts_with(x))
                    .copied(),
            );
            // parts x starts with
            for (b, _) in x.char_indices().skip(5) {
                if let Some(&j) = self.part_of.get(&x[..b]) {
                    out.push(j);
                }
            }
        }
        // close spellings, of the part or of its transliteration key
        let (mx, tmx) = (char_mask(x), char_mask(&tx));
        for (j, p) in self.parts.iter().enumerate() {
            let raw = lx >= 4 && p.chars >= 4 && may_be_similar(lx, mx, p.chars, p.mask, 0.75);
            let translit =
                tlx >= 4 && may_be_similar(tlx, tmx, p.translit_chars, p.translit_mask, 0.8);
            if raw || translit {
                out.push(j);
            }
        }
        out.sort_unstable();
        out.dedup();
        // then the parts that do match (`same_name`'s part test)
        out.retain(|&j| {
            let y = &self.parts[j].text;
            part_matches(x, y) || table.same(x, y)
        });
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The index answers as the scan of every name does, on names that match in
    /// each of the ways `same_name` knows and on names that do not.
    #[test]
    fn answers_as_the_scan_of_every_name() {
        let table = ExonymTable::global();
        let story = [
            "Sergei Lavrov",
            "Beijing",
            "Volodymyr Zelenskiy",
            "Mohammed bin Salman",
            "Muammar Gaddafi",
            "Holland",
            "Wang Yi",
            "Bancroft PLLC",
            "Khodorkovsky",
            "NATO",
            "Christopher",
            "Ng",
        ];
        let ix = NameIndex::new(story.iter().copied(), table);
        for q in [
            "Sergueï Lavrov",
            "Lavrov",
            "Pékin",
            "Zelensky",
            "Volodymyr Zelensky",
            "Mohammad ben Salmane",
            "Kadhafi",
            "Hollande",
            "Yi",
            "PLLC Bancroft",
            "Khodorkovski",
            "Otan",
            "Christophe",
            "Christopherson",
            "Ng",
            "Durand",
            "Wang Li",
            "Marie Curie",
            "Jean-Pierre Raffarin",
        ] {
            let scan = story.iter().any(|e| same_name(q, e, table));
            assert_eq!(ix.any_same(q, table), scan, "{q}");
        }
    }

    #[test]
    fn a_missing_letter_counts_against_similarity() {
        assert!(may_be_similar(
            8,
            char_mask("zelensky"),
            9,
            char_mask("zelenskiy"),
            0.75
        ));
        assert!(!may_be_similar(
            8,
            char_mask("abcdefgh"),
            8,
            char_mask("stuvwxyz"),
            0.75
        ));
    }
}
