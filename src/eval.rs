//! `wirecheck eval`: measure the aligner against `gold.tsv` files.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::Serialize;

use crate::align::Bead;
use crate::error::{Error, Result};

/// A gold alignment: beads with both sides non-empty, plus the unaligned indices.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Gold {
    pub beads: Vec<(BTreeSet<usize>, BTreeSet<usize>)>,
    pub links: BTreeSet<(usize, usize)>,
}

impl Gold {
    /// Parse `fr<TAB>en` lines; links are grouped into beads by connected components.
    pub fn parse(text: &str, what: &str) -> Result<Gold> {
        let mut links = BTreeSet::new();
        for (n, line) in text.lines().enumerate() {
            let line = line.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let mut parts = line.split('\t');
            let (Some(a), Some(b), None) = (parts.next(), parts.next(), parts.next()) else {
                return Err(Error::Input {
                    what: format!("{what}:{}", n + 1),
                    message: "expected fr_index<TAB>en_index".into(),
                });
            };
            let parse = |s: &str| {
                s.trim().parse::<usize>().map_err(|_| Error::Input {
                    what: format!("{what}:{}", n + 1),
                    message: format!("`{s}` is not a paragraph index"),
                })
            };
            links.insert((parse(a)?, parse(b)?));
        }
        Ok(Gold {
            beads: components(&links),
            links,
        })
    }
}

/// Group links into beads: connected components of the bipartite link graph.
pub fn components(links: &BTreeSet<(usize, usize)>) -> Vec<(BTreeSet<usize>, BTreeSet<usize>)> {
    let mut beads: Vec<(BTreeSet<usize>, BTreeSet<usize>)> = Vec::new();
    for &(f, e) in links {
        let hits: Vec<usize> = beads
            .iter()
            .enumerate()
            .filter(|(_, b)| b.0.contains(&f) || b.1.contains(&e))
            .map(|(i, _)| i)
            .collect();
        let mut merged = (BTreeSet::from([f]), BTreeSet::from([e]));
        for &i in hits.iter().rev() {
            let b = beads.remove(i);
            merged.0.extend(b.0);
            merged.1.extend(b.1);
        }
        beads.push(merged);
    }
    beads
}

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct Score {
    pub bead_tp: usize,
    pub bead_pred: usize,
    pub bead_gold: usize,
    pub link_tp: usize,
    pub link_pred: usize,
    pub link_gold: usize,
    /// unaligned indices: (fr or en side, index)
    pub null_tp: usize,
    pub null_pred: usize,
    pub null_gold: usize,
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

impl Score {
    pub fn add(&mut self, o: &Score) {
        self.bead_tp += o.bead_tp;
        self.bead_pred += o.bead_pred;
        self.bead_gold += o.bead_gold;
        self.link_tp += o.link_tp;
        self.link_pred += o.link_pred;
        self.link_gold += o.link_gold;
        self.null_tp += o.null_tp;
        self.null_pred += o.null_pred;
        self.null_gold += o.null_gold;
    }
    pub fn bead_p(&self) -> f64 {
        ratio(self.bead_tp, self.bead_pred)
    }
    pub fn bead_r(&self) -> f64 {
        ratio(self.bead_tp, self.bead_gold)
    }
    pub fn bead_f1(&self) -> f64 {
        f1(self.bead_p(), self.bead_r())
    }
    pub fn link_f1(&self) -> f64 {
        f1(
            ratio(self.link_tp, self.link_pred),
            ratio(self.link_tp, self.link_gold),
        )
    }
    pub fn null_p(&self) -> f64 {
        ratio(self.null_tp, self.null_pred)
    }
    pub fn null_r(&self) -> f64 {
        ratio(self.null_tp, self.null_gold)
    }
}

/// Score predicted beads against gold for a pair with `n_fr` / `n_en` paragraphs.
pub fn score(pred: &[Bead], gold: &Gold, n_fr: usize, n_en: usize) -> Score {
    let gold_beads: BTreeSet<(Vec<usize>, Vec<usize>)> = gold
        .beads
        .iter()
        .map(|(f, e)| (f.iter().copied().collect(), e.iter().copied().collect()))
        .collect();
    let mut s = Score::default();
    let mut pred_links = BTreeSet::new();
    let mut pred_null = BTreeSet::new();
    for b in pred {
        if b.fr.is_empty() || b.en.is_empty() {
            for &f in &b.fr {
                pred_null.insert(('f', f));
            }
            for &e in &b.en {
                pred_null.insert(('e', e));
            }
            continue;
        }
        s.bead_pred += 1;
        let mut f = b.fr.clone();
        f.sort_unstable();
        let mut e = b.en.clone();
        e.sort_unstable();
        if gold_beads.contains(&(f.clone(), e.clone())) {
            s.bead_tp += 1;
        }
        for &i in &f {
            for &j in &e {
                pred_links.insert((i, j));
            }
        }
    }
    s.bead_gold = gold_beads.len();
    s.link_pred = pred_links.len();
    s.link_gold = gold.links.len();
    s.link_tp = pred_links.intersection(&gold.links).count();
    let gold_fr: BTreeSet<usize> = gold.links.iter().map(|l| l.0).collect();
    let gold_en: BTreeSet<usize> = gold.links.iter().map(|l| l.1).collect();
    let gold_null: BTreeSet<(char, usize)> = (0..n_fr)
        .filter(|i| !gold_fr.contains(i))
        .map(|i| ('f', i))
        .chain((0..n_en).filter(|j| !gold_en.contains(j)).map(|j| ('e', j)))
        .collect();
    s.null_gold = gold_null.len();
    s.null_pred = pred_null.len();
    s.null_tp = pred_null.intersection(&gold_null).count();
    s
}

/// Every pair folder with a `gold.tsv` under `dir` (the folder itself included).
pub fn find_gold_pairs(dir: &Path) -> Vec<PathBuf> {
    crate::source::pair::walk_pairs(dir, &|d: &Path| d.join("gold.tsv").is_file())
}

/// Per-pair results keyed by folder.
pub type PairScores = BTreeMap<String, Score>;

#[cfg(test)]
mod tests {
    use super::*;

    fn bead(fr: &[usize], en: &[usize]) -> Bead {
        Bead {
            fr: fr.to_vec(),
            en: en.to_vec(),
            score: None,
            moved: false,
        }
    }

    #[test]
    fn gold_groups_many_to_one() {
        let g = Gold::parse("0\t0\n1\t1\n1\t2\n3\t4\n", "g").unwrap();
        assert_eq!(g.beads.len(), 3);
        let pred = vec![
            bead(&[0], &[0]),
            bead(&[1], &[1, 2]),
            bead(&[2], &[]),
            bead(&[3], &[3]),
            bead(&[], &[4]),
        ];
        let s = score(&pred, &g, 4, 5);
        assert_eq!((s.bead_tp, s.bead_pred, s.bead_gold), (2, 3, 3));
        assert_eq!(s.null_gold, 2); // fr 2, en 3
        assert_eq!(s.null_tp, 1); // fr 2
    }

    #[test]
    fn bad_gold_line_names_file_and_line() {
        let e = Gold::parse("0\t0\nx\t1\n", "p/gold.tsv").unwrap_err();
        assert!(e.to_string().contains("p/gold.tsv:2"));
    }
}
