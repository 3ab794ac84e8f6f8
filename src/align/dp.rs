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
        Params {
            threshold: p.thresholds.align_min_score,
            move_threshold: 0.25,
            penalty_21: 0.22,
            penalty_22: 0.5,
            gap_threshold: 0.1,
            absorb_threshold: 0.1,
        }
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

/// Above this many DP cells (`n * m`) the DP runs in a band around an anchor path
/// instead of over the whole matrix; below it the full DP keeps short texts exact.
pub const FULL_DP_CELLS: usize = 250_000;

/// Nor when its cells compare too many tokens in all (`tokens × paragraphs` on
/// both sides): a few hundred paragraphs of hundreds of words each. A 250 x 250
/// dispatch of ordinary paragraphs (40 tokens) is 5 million.
pub const FULL_DP_TOKEN_WORK: usize = 20_000_000;

/// Align `fr` with `en` (feature slices; indices are positions in them, which are
/// the paragraph indices since both slices start at paragraph 0).
///
/// Short pairs get the full O(n·m) DP. Long ones (more than [`FULL_DP_CELLS`]
/// cells, or more than [`FULL_DP_TOKEN_WORK`] tokens compared over them) get the
/// same DP restricted to a band around a chain of confident 1-1 anchors (see
/// [`band::anchored`]), so time and memory grow about linearly.
pub fn align_range(fr: &[ParaFeatures], en: &[ParaFeatures], p: &Params) -> Vec<Bead> {
    let (n, m) = (fr.len(), en.len());
    // the full DP's work is its cells times the tokens compared in each
    let token_work = fr
        .iter()
        .map(|p| p.tokens.len())
        .sum::<usize>()
        .saturating_mul(m)
        + en.iter()
            .map(|p| p.tokens.len())
            .sum::<usize>()
            .saturating_mul(n);
    let band = if n.saturating_mul(m) <= FULL_DP_CELLS && token_work <= FULL_DP_TOKEN_WORK {
        band::Band::full(n, m)
    } else {
        band::anchored(fr, en)
    };
    align_in_band(fr, en, p, &band)
}

/// The DP over the cells of `band` (cells outside it are unreachable).
fn align_in_band(
    fr: &[ParaFeatures],
    en: &[ParaFeatures],
    p: &Params,
    band: &band::Band,
) -> Vec<Bead> {
    let n = fr.len();
    let m = en.len();
    let cells = band.cells();
    let mut gain = vec![f64::NEG_INFINITY; cells];
    let mut back = vec![Step::None; cells];
    // sim11[cell(i, j)] caches similarity(fr[i - 1], en[j - 1])
    let mut sim11 = vec![f64::NAN; cells];
    let g =
        |gain: &[f64], i: usize, j: usize| band.cell(i, j).map_or(f64::NEG_INFINITY, |c| gain[c]);
    // similarity of fr[i] with en[j], cached when (i + 1, j + 1) is in the band
    let s11 = |i: usize, j: usize, cache: &mut [f64]| -> f64 {
        match band.cell(i + 1, j + 1) {
            Some(c) => {
                if cache[c].is_nan() {
                    cache[c] = similarity(&[&fr[i]], &[&en[j]]);
                }
                cache[c]
            }
            None => similarity(&[&fr[i]], &[&en[j]]),
        }
    };
    if let Some(c) = band.cell(0, 0) {
        gain[c] = 0.0;
    }
    for i in 0..=n {
        let (lo, hi) = band.row(i);
        for j in lo..=hi {
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
                consider(g(&gain, i, j - 1), Step::Skip01);
            }
            if i >= 1 {
                consider(g(&gain, i - 1, j), Step::Skip10);
            }
            if i >= 1 && j >= 1 {
                let prev = g(&gain, i - 1, j - 1);
                let s = s11(i - 1, j - 1, &mut sim11);
                consider(prev + (s - p.threshold), Step::B11);
                // group beads only where the single pair already shares something
                if i >= 2 && group_halves_ok(s, s11(i - 2, j - 1, &mut sim11), p.threshold) {
                    let prev = g(&gain, i - 2, j - 1);
                    if prev > f64::NEG_INFINITY {
                        let s = similarity(&[&fr[i - 2], &fr[i - 1]], &[&en[j - 1]]);
                        consider(prev + (s - p.threshold) * 1.5 - p.penalty_21, Step::B21);
                    }
                }
                if j >= 2 && group_halves_ok(s, s11(i - 1, j - 2, &mut sim11), p.threshold) {
                    let prev = g(&gain, i - 1, j - 2);
                    if prev > f64::NEG_INFINITY {
                        let s = similarity(&[&fr[i - 1]], &[&en[j - 2], &en[j - 1]]);
                        consider(prev + (s - p.threshold) * 1.5 - p.penalty_21, Step::B12);
                    }
                }
                if i >= 2 && j >= 2 && s > p.threshold {
                    let prev = g(&gain, i - 2, j - 2);
                    if prev > f64::NEG_INFINITY {
                        let s = similarity(&[&fr[i - 2], &fr[i - 1]], &[&en[j - 2], &en[j - 1]]);
                        consider(prev + (s - p.threshold) * 2.0 - p.penalty_22, Step::B22);
                    }
                }
            }
            if let Some(c) = band.cell(i, j) {
                gain[c] = best;
                back[c] = step;
            }
        }
    }
    // trace back
    let mut beads = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let step = band.cell(i, j).map_or(Step::None, |c| back[c]);
        let (di, dj) = match step {
            Step::Skip01 => (0, 1),
            Step::Skip10 => (1, 0),
            Step::B11 => (1, 1),
            Step::B21 => (2, 1),
            Step::B12 => (1, 2),
            Step::B22 => (2, 2),
            // unreachable cell (cannot happen with a connected band): leave the rest unaligned
            Step::None => (usize::from(i > 0), usize::from(i == 0)),
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
        beads.push(Bead {
            fr: frs,
            en: ens,
            score,
            moved: false,
        });
        i -= di;
        j -= dj;
    }
    beads.reverse();
    beads
}

/// May two paragraphs form a group bead with one on the other side? One half
/// must already share something with it (`a` or `b` above half the threshold)
/// and the other half must share at least a little: a short paragraph the
/// translation left out (`Their bodies were discovered later.`) shares nothing,
/// and is reported omitted rather than absorbed into its neighbour's bead.
fn group_halves_ok(a: f64, b: f64, threshold: f64) -> bool {
    a.max(b) > threshold * 0.5 && a.min(b) > threshold * HALF_MIN
}

const HALF_MIN: f64 = 0.1;

/// Scores are reported with three decimals.
pub fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

/// The cells the DP may visit: per row `i` (0..=n) a column range `lo..=hi`.
pub mod band {
    use rustc_hash::FxHashMap;

    use super::super::similarity::{similarity, Key, ParaFeatures};

    /// Columns of margin around the anchor path, to absorb a misplaced anchor.
    const MARGIN: usize = 8;
    /// A stretch between two anchors gets its whole rectangle when it has at most
    /// this many cells, else a diagonal strip through it.
    const SEG_CELLS: usize = 40_000;
    /// A key is rare (an anchor candidate) when at most this many paragraphs of
    /// each side carry it.
    const RARE: usize = 8;
    /// Similarity an anchor pair must reach.
    const ANCHOR_MIN: f64 = 0.3;
    /// Similarity an anchor candidate loses for lying a whole document away from
    /// the diagonal.
    const DIAGONAL_PRIOR: f64 = 0.2;

    #[derive(Debug, Clone)]
    pub struct Band {
        lo: Vec<usize>,
        hi: Vec<usize>,
        start: Vec<usize>,
    }

    impl Band {
        /// Every cell of an `(n + 1) x (m + 1)` matrix.
        pub fn full(n: usize, m: usize) -> Band {
            Band::from_rows(vec![0; n + 1], vec![m; n + 1], m)
        }

        /// Make the rows a connected staircase from `(0, 0)` to `(n, m)`: bounds
        /// non-decreasing and each row overlapping the next, so every cell in the
        /// band is reachable (the band only ever grows here).
        fn from_rows(mut lo: Vec<usize>, mut hi: Vec<usize>, m: usize) -> Band {
            let n = lo.len() - 1;
            for i in 0..=n {
                hi[i] = hi[i].min(m);
                lo[i] = lo[i].min(hi[i]);
            }
            lo[0] = 0;
            hi[n] = m;
            for i in (0..n).rev() {
                lo[i] = lo[i].min(lo[i + 1]);
            }
            for i in 1..=n {
                hi[i] = hi[i].max(hi[i - 1]);
            }
            for i in 0..n {
                if lo[i + 1] > hi[i] {
                    hi[i] = lo[i + 1];
                }
            }
            let mut start = Vec::with_capacity(n + 2);
            let mut acc = 0;
            for i in 0..=n {
                start.push(acc);
                acc += hi[i] - lo[i] + 1;
            }
            start.push(acc);
            Band { lo, hi, start }
        }

        /// Number of cells.
        pub fn cells(&self) -> usize {
            self.start.last().copied().unwrap_or(0)
        }

        /// Column range of row `i`.
        pub fn row(&self, i: usize) -> (usize, usize) {
            (self.lo[i], self.hi[i])
        }

        /// Storage index of cell `(i, j)`, if it is in the band.
        pub fn cell(&self, i: usize, j: usize) -> Option<usize> {
            let (lo, hi) = (*self.lo.get(i)?, self.hi[i]);
            (lo <= j && j <= hi).then(|| self.start[i] + j - lo)
        }
    }

    /// Confident 1-1 pairs `(fr, en)`, increasing on both sides: each French
    /// paragraph is scored against the few English ones sharing its rare keys
    /// (numbers, names, unusual words), pairs that are each other's best and
    /// similar enough are kept, and the longest in-order chain of them is returned.
    pub fn anchors(fr: &[ParaFeatures], en: &[ParaFeatures]) -> Vec<(usize, usize)> {
        let (n, m) = (fr.len(), en.len());
        let mut en_post: FxHashMap<Key, Vec<u32>> = FxHashMap::default();
        for (j, p) in en.iter().enumerate() {
            for &k in &p.keyset {
                let v = en_post.entry(k).or_default();
                if v.len() <= RARE {
                    v.push(j as u32);
                }
            }
        }
        let mut fr_df: FxHashMap<Key, usize> = FxHashMap::default();
        for p in fr {
            for &k in &p.keyset {
                *fr_df.entry(k).or_default() += 1;
            }
        }
        // best English candidate of each French paragraph
        let mut best_en: Vec<Option<(f64, usize)>> = vec![None; fr.len()];
        let mut best_fr: Vec<Option<(f64, usize)>> = vec![None; en.len()];
        let mut counts: Vec<(u32, u32)> = Vec::new();
        for (i, p) in fr.iter().enumerate() {
            counts.clear();
            for &k in &p.keyset {
                if fr_df.get(&k).copied().unwrap_or(0) > RARE {
                    continue;
                }
                let Some(js) = en_post.get(&k) else { continue };
                if js.len() > RARE {
                    continue;
                }
                for &j in js {
                    match counts.iter_mut().find(|c| c.0 == j) {
                        Some(c) => c.1 += 1,
                        None => counts.push((j, 1)),
                    }
                }
            }
            counts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            for &(j, _) in counts.iter().take(6) {
                let j = j as usize;
                let s = similarity(&[p], &[&en[j]]);
                if s < ANCHOR_MIN {
                    continue;
                }
                // a coarse diagonal prior: of equally good candidates (repeated
                // paragraphs), the one nearer the expected position wins
                let expected = i as f64 * m as f64 / n.max(1) as f64;
                let s = s - DIAGONAL_PRIOR * (j as f64 - expected).abs() / m.max(1) as f64;
                if best_en[i].is_none_or(|b| s > b.0) {
                    best_en[i] = Some((s, j));
                }
                if best_fr[j].is_none_or(|b| s > b.0) {
                    best_fr[j] = Some((s, i));
                }
            }
        }
        let mutual: Vec<(usize, usize)> = best_en
            .iter()
            .enumerate()
            .filter_map(|(i, b)| {
                let (_, j) = (*b)?;
                (best_fr[j].map(|x| x.1) == Some(i)).then_some((i, j))
            })
            .collect();
        longest_chain(&mutual)
    }

    /// Longest subsequence of `pairs` (sorted by French index) whose English
    /// indices strictly increase, in O(k log k).
    fn longest_chain(pairs: &[(usize, usize)]) -> Vec<(usize, usize)> {
        let mut tails: Vec<usize> = Vec::new(); // index into pairs of the smallest tail per length
        let mut prev = vec![usize::MAX; pairs.len()];
        for (x, &(_, j)) in pairs.iter().enumerate() {
            let pos = tails.partition_point(|&t| pairs[t].1 < j);
            prev[x] = if pos > 0 { tails[pos - 1] } else { usize::MAX };
            if pos == tails.len() {
                tails.push(x);
            } else {
                tails[pos] = x;
            }
        }
        let mut out = Vec::with_capacity(tails.len());
        let mut cur = tails.last().copied().unwrap_or(usize::MAX);
        while cur != usize::MAX {
            out.push(pairs[cur]);
            cur = prev[cur];
        }
        out.reverse();
        out
    }

    /// The band for a long pair: between consecutive anchors, the rectangle they
    /// span (plus a margin), or a diagonal strip when that rectangle is large.
    pub fn anchored(fr: &[ParaFeatures], en: &[ParaFeatures]) -> Band {
        let (n, m) = (fr.len(), en.len());
        let mut points = vec![(0usize, 0usize)];
        points.extend(anchors(fr, en).into_iter().map(|(i, j)| (i + 1, j + 1)));
        if points.last() != Some(&(n, m)) {
            points.push((n, m));
        }
        let mut lo = vec![usize::MAX; n + 1];
        let mut hi = vec![0usize; n + 1];
        for w in points.windows(2) {
            let ((r0, c0), (r1, c1)) = (w[0], w[1]);
            let rows = r1 - r0 + 1;
            let cols = c1 - c0 + 1 + 2 * MARGIN;
            let (a, b) = (c0.saturating_sub(MARGIN), c1 + MARGIN);
            for r in r0..=r1 {
                let (l, h) = if rows.saturating_mul(cols) <= SEG_CELLS || r1 == r0 {
                    (a, b)
                } else {
                    // diagonal strip from (r0, c0) to (r1, c1)
                    let half = (4 * MARGIN).max(SEG_CELLS / (2 * rows));
                    let centre = c0 + (r - r0) * (c1 - c0) / (r1 - r0);
                    (centre.saturating_sub(half).max(a), (centre + half).min(b))
                };
                lo[r] = lo[r].min(l);
                hi[r] = hi[r].max(h);
            }
        }
        Band::from_rows(lo, hi, m)
    }
}
