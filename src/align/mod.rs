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
        self.beads
            .iter()
            .filter(|b| !b.fr.is_empty() && !b.en.is_empty())
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
        self.beads
            .iter()
            .filter(|b| b.fr.is_empty())
            .flat_map(|b| b.en.iter().copied())
    }

    pub fn added_fr(&self) -> impl Iterator<Item = usize> + '_ {
        self.beads
            .iter()
            .filter(|b| b.en.is_empty())
            .flat_map(|b| b.fr.iter().copied())
    }
}

pub mod dp;
pub mod moves;
pub mod sentences;
pub mod similarity;

use crate::document::Dispatch;
use crate::lang::exonyms::ExonymTable;
use crate::policy::Policy;

/// Align the paragraphs of a French dispatch with its English source.
///
/// The credits paragraphs are paired up front when both sides have one; the rest
/// goes through the banded DP, then leftovers that match out of order are paired as
/// moved paragraphs.
pub fn align(fr: &Dispatch, en: &Dispatch, names: &ExonymTable, policy: &Policy) -> Alignment {
    align_with(
        fr,
        en,
        names,
        policy,
        &similarity::WordKeyCache::new(fr, en),
    )
}

/// [`align`], keeping the paragraphs' word keys in `cache` for the sentence
/// alignment of the checks.
pub fn align_with(
    fr: &Dispatch,
    en: &Dispatch,
    names: &ExonymTable,
    policy: &Policy,
    cache: &similarity::WordKeyCache<'_>,
) -> Alignment {
    let (ff, ef) = similarity::features_with(fr, en, names, cache);
    let nf = fr.paragraphs.len();
    let ne = en.paragraphs.len();
    let fixed_credits = matches!((fr.credits_index(), en.credits_index()), (Some(a), Some(b)) if a + 1 == nf && b + 1 == ne);
    let (bf, be) = if fixed_credits {
        (nf - 1, ne - 1)
    } else {
        (nf, ne)
    };
    // the headline is what precedes the dateline; pair headlines when both sides have one
    let headline = matches!((&fr.dateline, &en.dateline), (Some(a), Some(b)) if a.paragraph == 1 && b.paragraph == 1)
        && bf > 1
        && be > 1;
    let start = usize::from(headline);
    let params = dp::Params::from_policy(policy);
    let mut beads = Vec::new();
    if headline {
        let s = similarity::similarity(&[&ff[0]], &[&ef[0]]);
        beads.push(Bead {
            fr: vec![0],
            en: vec![0],
            score: Some(dp::round3(s)),
            moved: false,
        });
    }
    for mut b in dp::align_range(&ff[start..bf], &ef[start..be], &params) {
        b.fr.iter_mut().for_each(|i| *i += start);
        b.en.iter_mut().for_each(|j| *j += start);
        beads.push(b);
    }
    if fixed_credits {
        let s = similarity::similarity(&[&ff[nf - 1]], &[&ef[ne - 1]]);
        beads.push(Bead {
            fr: vec![nf - 1],
            en: vec![ne - 1],
            score: Some(dp::round3(s)),
            moved: false,
        });
    }
    // strong out-of-order matches first, so a weak in-order pairing cannot take a
    // moved paragraph's place; then orphans sandwiched between in-order beads
    moves::pair_leftovers(&mut beads, &ff, &ef, &params);
    moves::rescue_weak(&mut beads, &ff, &ef, &params);
    moves::absorb_orphans(&mut beads, &ff, &ef, &params);
    moves::order_beads(&mut beads);
    moves::mark_moved(&mut beads);
    moves::unfold_short(&mut beads, &ff, &ef);
    moves::fill_gaps(&mut beads, &ff, &ef, &params);
    moves::order_beads(&mut beads);
    moves::mark_moved(&mut beads);
    Alignment { beads }
}
