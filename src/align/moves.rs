//! Moved paragraphs. The DP is monotone, so a paragraph the French desk moved
//! comes out of it as one omission plus one addition. Here leftovers that match
//! each other well are paired, and beads out of order with the rest are marked
//! moved: the complement of the longest in-order chain, i.e. the smallest set of
//! beads whose removal puts the alignment in order.

use super::dp::Params;
use rustc_hash::{FxHashMap, FxHashSet};

use super::similarity::{similarity, Key, ParaFeatures};
use super::Bead;

/// Pair orphans sandwiched in the same gap: when the DP leaves exactly as many
/// French as English paragraphs unaligned between two aligned beads, they are
/// most likely translations whose anchors the lexicon missed (short quotes,
/// idioms). They are paired in order when their lengths fit and they share
/// at least a little.
pub fn fill_gaps(beads: &mut Vec<Bead>, fr: &[ParaFeatures], en: &[ParaFeatures], p: &Params) {
    let mut out: Vec<Bead> = Vec::with_capacity(beads.len());
    let mut k = 0;
    while k < beads.len() {
        if !(beads[k].fr.is_empty() || beads[k].en.is_empty()) {
            out.push(beads[k].clone());
            k += 1;
            continue;
        }
        let start = k;
        while k < beads.len() && (beads[k].fr.is_empty() || beads[k].en.is_empty()) {
            k += 1;
        }
        let gap = &beads[start..k];
        let fs: Vec<usize> = gap
            .iter()
            .flat_map(|b| {
                if b.en.is_empty() {
                    b.fr.clone()
                } else {
                    vec![]
                }
            })
            .collect();
        let es: Vec<usize> = gap
            .iter()
            .flat_map(|b| {
                if b.fr.is_empty() {
                    b.en.clone()
                } else {
                    vec![]
                }
            })
            .collect();
        let bounded = start > 0 && k < beads.len() && !beads[start - 1].moved && !beads[k].moved;
        let fits = |i: usize, j: usize| {
            let r = (fr[i].chars.max(1) as f64 / en[j].chars.max(1) as f64) / 1.15;
            (0.6..1.7).contains(&r)
                && (similarity(&[&fr[i]], &[&en[j]]) >= p.gap_threshold
                    || short_pair_fits(&fr[i], &en[j]))
        };
        if bounded
            && !fs.is_empty()
            && fs.len() == es.len()
            && fs.len() <= 2
            && fs.iter().zip(&es).all(|(&i, &j)| fits(i, j))
        {
            for (&i, &j) in fs.iter().zip(&es) {
                let s = similarity(&[&fr[i]], &[&en[j]]);
                out.push(Bead {
                    fr: vec![i],
                    en: vec![j],
                    score: Some(super::dp::round3(s)),
                    moved: false,
                });
            }
        } else {
            out.extend(gap.iter().cloned());
        }
    }
    *beads = out;
}

/// Paragraphs this short (a line of dialogue, a one-clause sentence) carry too
/// few content words for the lexicon to find an anchor: between two aligned
/// beads, a French and an English one of fitting lengths are paired on length
/// alone. Paragraphs inserted from another story are whole news sentences, longer
/// than this.
pub const SHORT_CHARS: usize = 70;

/// A short French paragraph and a short English one whose lengths fit closely.
pub fn short_pair_fits(f: &ParaFeatures, e: &ParaFeatures) -> bool {
    if f.chars > SHORT_CHARS || e.chars > SHORT_CHARS {
        return false;
    }
    let r = (f.chars.max(1) as f64 / e.chars.max(1) as f64) / 1.15;
    (0.7..1.45).contains(&r)
}

/// A 2-2 bead holding a short pair that fits (see [`short_pair_fits`]) is undone
/// the same way when the other pair alone matches as well as the group.
///
/// A two-paragraph group bead beside an orphan of the side that has one
/// paragraph in the group (`fr [a, a+1] -> en [j]` next to an unaligned `en j+1`,
/// or `en j-1` before it): when the DP folded a short paragraph into its
/// neighbour's bead because the lexicon found nothing in it, and the group's
/// other paragraph alone matches as well as the group, the group is undone into
/// two 1-1 beads. A real split (both halves needed to cover the other side)
/// scores clearly better as a group and stays.
pub fn unfold_short(beads: &mut Vec<Bead>, fr: &[ParaFeatures], en: &[ParaFeatures]) {
    const MARGIN: f64 = 0.05;
    let mut k = 0;
    while k < beads.len() {
        let b = &beads[k];
        if !b.moved && b.fr.len() == 2 && b.en.len() == 2 {
            // a 2-2 bead whose short pair fits and whose other pair alone matches
            // as well as the group: two 1-1 beads
            let (f, e, group) = (b.fr.clone(), b.en.clone(), b.score.unwrap_or(0.0));
            let s0 = similarity(&[&fr[f[0]]], &[&en[e[0]]]);
            let s1 = similarity(&[&fr[f[1]]], &[&en[e[1]]]);
            let splits = short_pair_fits(&fr[f[0]], &en[e[0]]) && s1 + MARGIN >= group
                || short_pair_fits(&fr[f[1]], &en[e[1]]) && s0 + MARGIN >= group;
            if splits {
                let mk = |i: usize, j: usize, s: f64| Bead {
                    fr: vec![i],
                    en: vec![j],
                    score: Some(super::dp::round3(s)),
                    moved: false,
                };
                beads.splice(k..k + 1, [mk(f[0], e[0], s0), mk(f[1], e[1], s1)]);
                k += 2;
                continue;
            }
        }
        let b = &beads[k];
        if b.moved || b.fr.is_empty() || b.en.is_empty() || b.fr.len() + b.en.len() != 3 {
            k += 1;
            continue;
        }
        let group_fr = b.fr.len() == 2;
        let (pair, single) = if group_fr {
            ((b.fr[0], b.fr[1]), b.en[0])
        } else {
            ((b.en[0], b.en[1]), b.fr[0])
        };
        let group = b.score.unwrap_or(0.0);
        // the orphan of the single side just after (then just before) the bead
        let orphan_at = |m: usize, want: usize| {
            let o = &beads[m];
            let (mine, other) = if group_fr {
                (&o.en, &o.fr)
            } else {
                (&o.fr, &o.en)
            };
            (other.is_empty() && mine.len() == 1 && mine[0] == want).then_some(())
        };
        let sim1 = |g: usize, s: usize| {
            if group_fr {
                similarity(&[&fr[g]], &[&en[s]])
            } else {
                similarity(&[&fr[s]], &[&en[g]])
            }
        };
        let short = |g: usize, s: usize| {
            if group_fr {
                short_pair_fits(&fr[g], &en[s])
            } else {
                short_pair_fits(&fr[s], &en[g])
            }
        };
        let mut done = false;
        for after in [true, false] {
            let (m, want) = if after {
                (k + 1, single + 1)
            } else if k > 0 && single > 0 {
                (k - 1, single - 1)
            } else {
                continue;
            };
            if m >= beads.len() || orphan_at(m, want).is_none() {
                continue;
            }
            // after: the group's first paragraph keeps `single`, its second takes
            // the orphan; before: the first takes the orphan
            let (keep, give) = if after {
                (pair.0, pair.1)
            } else {
                (pair.1, pair.0)
            };
            let s_keep = sim1(keep, single);
            if !short(give, want) || s_keep + MARGIN < group {
                continue;
            }
            let s_give = sim1(give, want);
            let mk = |g: usize, s: usize, score: f64| {
                let (f, e) = if group_fr { (g, s) } else { (s, g) };
                Bead {
                    fr: vec![f],
                    en: vec![e],
                    score: Some(super::dp::round3(score)),
                    moved: false,
                }
            };
            let (first, second) = if after {
                (mk(keep, single, s_keep), mk(give, want, s_give))
            } else {
                (mk(give, want, s_give), mk(keep, single, s_keep))
            };
            let lo = k.min(m);
            beads.splice(lo..lo + 2, [first, second]);
            done = true;
            break;
        }
        k += if done { 2 } else { 1 };
    }
}

/// A weak 1-1 pairing whose French (or English) paragraph matches an unaligned
/// paragraph of the other side far better is re-paired with it; the paragraph it
/// leaves becomes unaligned. This catches the DP settling for a poor in-order
/// neighbour when the true counterpart was moved.
pub fn rescue_weak(beads: &mut Vec<Bead>, fr: &[ParaFeatures], en: &[ParaFeatures], p: &Params) {
    const WEAK: f64 = 0.3;
    // bounded work on long documents: all weak pairings against all free paragraphs
    let weak = beads
        .iter()
        .filter(|b| b.score.is_some_and(|s| s < WEAK))
        .count();
    let free = beads
        .iter()
        .filter(|b| b.fr.is_empty() || b.en.is_empty())
        .count();
    if weak.saturating_mul(free) > ALL_PAIRS_MAX {
        return;
    }
    for k in 0..beads.len() {
        let b = &beads[k];
        if b.fr.len() != 1 || b.en.len() != 1 || b.score.is_none_or(|s| s >= WEAK) {
            continue;
        }
        let (i, j, s) = (b.fr[0], b.en[0], b.score.unwrap_or(0.0));
        let free_en: Vec<usize> = beads
            .iter()
            .filter(|x| x.fr.is_empty())
            .flat_map(|x| x.en.clone())
            .collect();
        let free_fr: Vec<usize> = beads
            .iter()
            .filter(|x| x.en.is_empty())
            .flat_map(|x| x.fr.clone())
            .collect();
        let best_en = free_en
            .iter()
            .map(|&e| (similarity(&[&fr[i]], &[&en[e]]), e))
            .max_by(|a, b| a.0.total_cmp(&b.0));
        let best_fr = free_fr
            .iter()
            .map(|&f| (similarity(&[&fr[f]], &[&en[j]]), f))
            .max_by(|a, b| a.0.total_cmp(&b.0));
        let good = |x: f64| x >= p.move_threshold && x >= 2.0 * s;
        match (best_en, best_fr) {
            (Some((se, e)), bf) if good(se) && bf.is_none_or(|(sf, _)| se >= sf) => {
                beads[k] = Bead {
                    fr: vec![i],
                    en: vec![e],
                    score: Some(super::dp::round3(se)),
                    moved: false,
                };
                beads.retain(|x| !(x.fr.is_empty() && x.en == [e]));
                beads.push(Bead {
                    fr: vec![],
                    en: vec![j],
                    score: None,
                    moved: false,
                });
            }
            (_, Some((sf, f))) if good(sf) => {
                beads[k] = Bead {
                    fr: vec![f],
                    en: vec![j],
                    score: Some(super::dp::round3(sf)),
                    moved: false,
                };
                beads.retain(|x| !(x.en.is_empty() && x.fr == [f]));
                beads.push(Bead {
                    fr: vec![i],
                    en: vec![],
                    score: None,
                    moved: false,
                });
            }
            _ => {}
        }
    }
    order_beads(beads);
}

/// An unaligned paragraph next to an aligned one whose counterpart it also
/// translates (the other half of a split or merge the DP missed because a move
/// or omission sat next to it) joins that bead: it must match the counterpart on
/// its own, and the joined bead must score better than the one it extends.
pub fn absorb_orphans(beads: &mut Vec<Bead>, fr: &[ParaFeatures], en: &[ParaFeatures], p: &Params) {
    let group_sim = |b: &Bead| {
        let fa: Vec<&ParaFeatures> = b.fr.iter().map(|&i| &fr[i]).collect();
        let ea: Vec<&ParaFeatures> = b.en.iter().map(|&j| &en[j]).collect();
        similarity(&fa, &ea)
    };
    loop {
        // which bead holds each paragraph, so an orphan looks only at its neighbours
        let mut fr_bead = vec![usize::MAX; fr.len()];
        let mut en_bead = vec![usize::MAX; en.len()];
        for (k, b) in beads.iter().enumerate() {
            b.fr.iter().for_each(|&i| fr_bead[i] = k);
            b.en.iter().for_each(|&j| en_bead[j] = k);
        }
        let mut change: Option<(usize, usize, bool, f64)> = None; // (orphan bead, target bead, french side, new score)
        for (o, ob) in beads.iter().enumerate() {
            let (french, x) = match (ob.fr.as_slice(), ob.en.as_slice()) {
                ([x], []) => (true, *x),
                ([], [x]) => (false, *x),
                _ => continue,
            };
            let holder = if french { &fr_bead } else { &en_bead };
            let neighbours = [x.checked_sub(1), Some(x + 1)];
            for t in neighbours
                .into_iter()
                .flatten()
                .filter_map(|n| holder.get(n).copied())
                .filter(|&t| t != usize::MAX)
            {
                let tb = &beads[t];
                let side = if french { &tb.fr } else { &tb.en };
                if tb.fr.is_empty()
                    || tb.en.is_empty()
                    || side.len() >= 2
                    || !side.iter().any(|&k| k + 1 == x || x + 1 == k)
                {
                    continue;
                }
                let alone = if french {
                    similarity(
                        &[&fr[x]],
                        &tb.en.iter().map(|&j| &en[j]).collect::<Vec<_>>(),
                    )
                } else {
                    similarity(
                        &tb.fr.iter().map(|&i| &fr[i]).collect::<Vec<_>>(),
                        &[&en[x]],
                    )
                };
                if alone < p.absorb_threshold {
                    continue;
                }
                let mut nb = tb.clone();
                if french {
                    nb.fr.push(x);
                    nb.fr.sort_unstable();
                } else {
                    nb.en.push(x);
                    nb.en.sort_unstable();
                }
                let before = group_sim(tb);
                let after = group_sim(&nb);
                if after > before && change.is_none_or(|c| after - before > c.3) {
                    change = Some((o, t, french, after));
                }
            }
        }
        let Some((o, t, french, score)) = change else {
            break;
        };
        let x = if french {
            beads[o].fr[0]
        } else {
            beads[o].en[0]
        };
        if french {
            beads[t].fr.push(x);
            beads[t].fr.sort_unstable();
        } else {
            beads[t].en.push(x);
            beads[t].en.sort_unstable();
        }
        beads[t].score = Some(super::dp::round3(score));
        beads.remove(o);
    }
    order_beads(beads);
}

/// Above this many leftover pairs (`french x english`), candidates come from shared
/// keys instead of every pair.
const ALL_PAIRS_MAX: usize = 40_000;
/// With key retrieval, a key carried by more leftover English paragraphs than this
/// is too common to propose candidates.
const KEY_POSTINGS_MAX: usize = 32;
/// With key retrieval, the English candidates scored per French leftover.
const CANDIDATES_PER_FR: usize = 16;

/// Pair unaligned French paragraphs with unaligned English ones when they match
/// clearly: repeatedly the best remaining pair above the move threshold, which is
/// the same as taking the scored pairs best first and keeping each whose two sides
/// are both still free. Few leftovers are scored all against all; many get their
/// candidates from shared keys (a pair sharing no key has similarity 0), so the
/// work stays about linear in the number of leftovers.
pub fn pair_leftovers(beads: &mut Vec<Bead>, fr: &[ParaFeatures], en: &[ParaFeatures], p: &Params) {
    let mut lf: Vec<usize> = beads
        .iter()
        .filter(|b| b.en.is_empty())
        .flat_map(|b| b.fr.clone())
        .collect();
    let mut le: Vec<usize> = beads
        .iter()
        .filter(|b| b.fr.is_empty())
        .flat_map(|b| b.en.clone())
        .collect();
    if lf.is_empty() || le.is_empty() {
        return;
    }
    lf.sort_unstable();
    le.sort_unstable();
    let mut scored: Vec<(f64, usize, usize)> = Vec::new();
    let mut consider = |i: usize, j: usize| {
        let s = similarity(&[&fr[i]], &[&en[j]]);
        if s >= p.move_threshold {
            scored.push((s, i, j));
        }
    };
    if lf.len().saturating_mul(le.len()) <= ALL_PAIRS_MAX {
        for &i in &lf {
            for &j in &le {
                consider(i, j);
            }
        }
    } else {
        let mut post: FxHashMap<Key, Vec<usize>> = FxHashMap::default();
        for &j in &le {
            for &k in &en[j].keyset {
                post.entry(k).or_default().push(j);
            }
        }
        let mut counts: FxHashMap<usize, u32> = FxHashMap::default();
        for &i in &lf {
            counts.clear();
            for k in &fr[i].keyset {
                match post.get(k) {
                    Some(js) if js.len() <= KEY_POSTINGS_MAX => {
                        for &j in js {
                            *counts.entry(j).or_default() += 1;
                        }
                    }
                    _ => {}
                }
            }
            let mut cand: Vec<(u32, usize)> = counts.iter().map(|(&j, &c)| (c, j)).collect();
            cand.sort_unstable_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
            for &(_, j) in cand.iter().take(CANDIDATES_PER_FR) {
                consider(i, j);
            }
        }
    }
    // best first; among equals the earliest French, then English, paragraph
    scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut fr_used: FxHashSet<usize> = FxHashSet::default();
    let mut en_used: FxHashSet<usize> = FxHashSet::default();
    let mut made = Vec::new();
    for (s, i, j) in scored {
        if fr_used.contains(&i) || en_used.contains(&j) {
            continue;
        }
        fr_used.insert(i);
        en_used.insert(j);
        made.push(Bead {
            fr: vec![i],
            en: vec![j],
            score: Some((s * 1000.0).round() / 1000.0),
            moved: false,
        });
    }
    if made.is_empty() {
        return;
    }
    beads.retain(|b| {
        let paired_fr = b.en.is_empty() && b.fr.len() == 1 && fr_used.contains(&b.fr[0]);
        let paired_en = b.fr.is_empty() && b.en.len() == 1 && en_used.contains(&b.en[0]);
        !paired_fr && !paired_en
    });
    beads.extend(made);
    order_beads(beads);
}

/// Put beads in French order; an omitted English paragraph goes right after the
/// bead that holds the English paragraph before it (so gaps show where they fall).
pub fn order_beads(beads: &mut Vec<Bead>) {
    let (mut with_fr, omitted): (Vec<Bead>, Vec<Bead>) =
        beads.drain(..).partition(|b| !b.fr.is_empty());
    with_fr.sort_by_key(|b| b.fr[0]);
    for o in omitted {
        let j = o.en[0];
        // the bead holding the nearest preceding English paragraph
        let pos = with_fr
            .iter()
            .enumerate()
            .filter_map(|(k, b)| b.en.iter().filter(|&&e| e < j).max().map(|&e| (e, k)))
            .max()
            .map_or(0, |(_, k)| k + 1);
        // after any omitted beads already placed there with smaller indices
        let mut p = pos;
        while p < with_fr.len() && with_fr[p].fr.is_empty() && with_fr[p].en[0] < j {
            p += 1;
        }
        with_fr.insert(p, o);
    }
    *beads = with_fr;
}

/// Mark beads outside the longest chain increasing on both sides as moved.
pub fn mark_moved(beads: &mut [Bead]) {
    let paired: Vec<usize> = (0..beads.len())
        .filter(|&k| !beads[k].fr.is_empty() && !beads[k].en.is_empty())
        .collect();
    let mut order = paired.clone();
    order.sort_by_key(|&k| beads[k].fr[0]);
    // longest increasing subsequence of en[0] along French order, O(n log n)
    let keys: Vec<usize> = order.iter().map(|&k| beads[k].en[0]).collect();
    let mut tails: Vec<usize> = Vec::new();
    let mut prev = vec![usize::MAX; keys.len()];
    let mut tail_idx: Vec<usize> = Vec::new();
    for (x, &key) in keys.iter().enumerate() {
        let pos = tails.partition_point(|&t| t < key);
        if pos == tails.len() {
            tails.push(key);
            tail_idx.push(x);
        } else {
            tails[pos] = key;
            tail_idx[pos] = x;
        }
        prev[x] = if pos > 0 {
            tail_idx[pos - 1]
        } else {
            usize::MAX
        };
    }
    let mut in_chain = vec![false; keys.len()];
    let mut cur = tail_idx.last().copied().unwrap_or(usize::MAX);
    while cur != usize::MAX {
        in_chain[cur] = true;
        cur = prev[cur];
    }
    for b in beads.iter_mut() {
        b.moved = false;
    }
    for (x, &k) in order.iter().enumerate() {
        beads[k].moved = !in_chain[x];
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(fr: usize, en: usize) -> Bead {
        Bead {
            fr: vec![fr],
            en: vec![en],
            score: None,
            moved: false,
        }
    }

    #[test]
    fn a_paragraph_moved_up_is_the_one_marked() {
        // French order: 0 1 4 2 3 5 (English 4 moved up)
        let mut beads = vec![b(0, 0), b(1, 1), b(2, 4), b(3, 2), b(4, 3), b(5, 5)];
        mark_moved(&mut beads);
        let moved: Vec<usize> = beads.iter().filter(|x| x.moved).map(|x| x.fr[0]).collect();
        assert_eq!(moved, vec![2]);
    }

    #[test]
    fn in_order_alignment_has_no_moves() {
        let mut beads = vec![b(0, 0), b(1, 2), b(2, 3)];
        mark_moved(&mut beads);
        assert!(beads.iter().all(|x| !x.moved));
    }
}
