//! Monotone bead alignment by dynamic programming (Gale–Church shape, anchor
//! similarity as the score). Beads: 1-1, 1-2, 2-1, 2-2, 1-0, 0-1. A bead's gain is
//! `(similarity - threshold) * size - shape penalty`; unaligned paragraphs gain 0,
//! so a pairing is kept only when it is better than leaving both sides alone.

use super::similarity::{similarity, ParaFeatures};
use super::Bead;
use crate::policy::Policy;

#[derive(Debug, Clone)]
pub struct Params {
    /// Similarity a 1-1 pairing must beat.
    pub threshold: f64,
    /// Similarity a leftover pair must reach to be paired out of order.
    pub move_threshold: f64,
    pub penalty_21: f64,
    /// Similarity sandwiched orphans need to be paired (see `moves::fill_gaps`).
    pub gap_threshold: f64,
    /// Similarity an orphan needs with a neighbour's counterpart to join its bead.
    pub absorb_threshold: f64,
    pub penalty_22: f64,
}

impl Params {
    pub fn from_policy(p: &Policy) -> Params {
        let mut x = Params {
            threshold: p.thresholds.align_min_score,
            move_threshold: 0.25,
            penalty_21: 0.22,
            penalty_22: 0.5,
            gap_threshold: 0.1,
            absorb_threshold: 0.1,
        };
        if let Ok(t) = std::env::var("WC_TUNE") {
            let v: Vec<f64> = t.split(',').filter_map(|s| s.parse().ok()).collect();
            x.threshold = v[0];
            x.move_threshold = v[1];
            x.penalty_21 = v[2];
            x.gap_threshold = v[3];
            x.absorb_threshold = v[4];
        }
        x
    }
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Step {
    None,
    Skip01,
    Skip10,
    B11,
    B21,
    B12,
    B22,
}

/// Align `fr` with `en` (feature slices; indices are positions in them, which are
/// the paragraph indices since both slices start at paragraph 0).
pub fn align_range(fr: &[ParaFeatures], en: &[ParaFeatures], p: &Params) -> Vec<Bead> {
    let n = fr.len();
    let m = en.len();
    let w = m + 1;
    let mut gain = vec![f64::NEG_INFINITY; (n + 1) * w];
    let mut back = vec![Step::None; (n + 1) * w];
    let mut sim11 = vec![f64::NAN; n * m.max(1)];
    gain[0] = 0.0;
    let s11 = |i: usize, j: usize, cache: &mut Vec<f64>| -> f64 {
        let c = cache[i * m + j];
        if c.is_nan() {
            let v = similarity(&[&fr[i]], &[&en[j]]);
            cache[i * m + j] = v;
            v
        } else {
            c
        }
    };
    for i in 0..=n {
        for j in 0..=m {
            if i == 0 && j == 0 {
                continue;
            }
            let mut best = f64::NEG_INFINITY;
            let mut step = Step::None;
            let mut consider = |g: f64, s: Step| {
                if g > best {
                    best = g;
                    step = s;
                }
            };
            if j >= 1 {
                consider(gain[i * w + j - 1], Step::Skip01);
            }
            if i >= 1 {
                consider(gain[(i - 1) * w + j], Step::Skip10);
            }
            if i >= 1 && j >= 1 {
                let prev = gain[(i - 1) * w + j - 1];
                let s = s11(i - 1, j - 1, &mut sim11);
                consider(prev + (s - p.threshold), Step::B11);
                // group beads only where the single pair already shares something
                if i >= 2 && (s > p.threshold * 0.5 || s11(i - 2, j - 1, &mut sim11) > p.threshold * 0.5) {
                    let s = similarity(&[&fr[i - 2], &fr[i - 1]], &[&en[j - 1]]);
                    consider(gain[(i - 2) * w + j - 1] + (s - p.threshold) * 1.5 - p.penalty_21, Step::B21);
                }
                if j >= 2 && (s > p.threshold * 0.5 || s11(i - 1, j - 2, &mut sim11) > p.threshold * 0.5) {
                    let s = similarity(&[&fr[i - 1]], &[&en[j - 2], &en[j - 1]]);
                    consider(gain[(i - 1) * w + j - 2] + (s - p.threshold) * 1.5 - p.penalty_21, Step::B12);
                }
                if i >= 2 && j >= 2 && s > p.threshold {
                    let s = similarity(&[&fr[i - 2], &fr[i - 1]], &[&en[j - 2], &en[j - 1]]);
                    consider(gain[(i - 2) * w + j - 2] + (s - p.threshold) * 2.0 - p.penalty_22, Step::B22);
                }
            }
            gain[i * w + j] = best;
            back[i * w + j] = step;
        }
    }
    // trace back
    let mut beads = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let (di, dj) = match back[i * w + j] {
            Step::Skip01 => (0, 1),
            Step::Skip10 => (1, 0),
            Step::B11 => (1, 1),
            Step::B21 => (2, 1),
            Step::B12 => (1, 2),
            Step::B22 => (2, 2),
            Step::None => break,
        };
        let frs: Vec<usize> = (i - di..i).collect();
        let ens: Vec<usize> = (j - dj..j).collect();
        let score = if di > 0 && dj > 0 {
            let fa: Vec<&ParaFeatures> = frs.iter().map(|&k| &fr[k]).collect();
            let ea: Vec<&ParaFeatures> = ens.iter().map(|&k| &en[k]).collect();
            Some(round3(similarity(&fa, &ea)))
        } else {
            None
        };
        beads.push(Bead { fr: frs, en: ens, score, moved: false });
        i -= di;
        j -= dj;
    }
    beads.reverse();
    beads
}

/// Scores are reported with three decimals.
pub fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
