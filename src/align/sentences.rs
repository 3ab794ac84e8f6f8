//! Sentences inside aligned paragraphs: which English sentences (or clauses) a
//! French paragraph group leaves out, and which French sentences it adds.
//!
//! Inside every confident bead the sentences of both sides are aligned by the
//! same anchors as paragraphs ([`similarity`]: numbers, names, lexicon, cognates,
//! length), with a small monotone DP whose beads are 1-1, 1-2, 2-1, 2-2, 1-3,
//! 3-1, 1-0 and 0-1, so a sentence the French splits or merges is not a gap.
//! Features are made per clause (the pieces of a sentence between commas,
//! dashes, brackets), so that an English clause whose words the French sentence
//! lacks can be told from a sentence translated in other words.
//!
//! A gap is then:
//! - an English sentence the DP leaves alone whose content the French sentences
//!   around its place do not render ([`Gap::whole`]);
//! - inside a paired sentence group, a run of English clauses of some length
//!   that finds next to nothing in the French sentences of the group and beside
//!   it (a dropped clause);
//! - the same for a French sentence with no English source (`added_fr`).

use std::ops::Range;

mod anchors;

use anchors::{in_other_language, mark_anchored};

use super::similarity::{
    coverage, similarity, text_features, ParaFeatures, TextUnit, WordKeyCache,
};
use super::Alignment;
use crate::document::Dispatch;
use crate::lang::exonyms::ExonymTable;
use crate::util::map_in_order;

/// Below this paragraph similarity the bead is a guess; its sentences are left
/// alone (the same bar as the checks' `CONFIDENT_SCORE`).
const MIN_BEAD_SCORE: f64 = 0.1;
/// Paragraphs the alignment left unpaired side by side are aligned by sentence
/// only when one sentence pairing reaches this similarity.
const REGION_MIN_SIMILARITY: f64 = 0.35;
/// Similarity a sentence pairing must beat in the sentence DP.
const THRESHOLD: f64 = 0.12;
/// Shape penalties of the sentence DP: merges and splits are common in
/// translation, so lighter than the paragraph aligner's.
const PENALTY_12: f64 = 0.06;
const PENALTY_22: f64 = 0.2;
const PENALTY_13: f64 = 0.16;
/// A left-out sentence needs this many content words to be judged at all.
const MIN_SENTENCE_TOKENS: usize = 4;
/// A left-out clause run needs this many content words.
const MIN_CLAUSE_TOKENS: usize = 4;
/// Largest weighted share of a sentence's content the French around it may
/// render for it to count as left out.
const MAX_SENTENCE_COVERAGE: f64 = 0.34;
/// The same for a clause run inside a paired sentence.
const MAX_CLAUSE_COVERAGE: f64 = 0.2;
/// Content words from which a left-out text is a lot of content: a whole
/// sentence or a run of clauses of this size gone is a warning without an
/// anchor, and a whole sentence of this size absent from the group is a gap
/// even where its words find some echo nearby.
pub const LONG_SENTENCE: usize = 8;
/// The share a left-out sentence may find rendered when it is judged only by
/// the anchors it carries (a name or a number gone): its other words may be
/// ones the French paragraph uses elsewhere (people, year, government).
const MAX_ANCHORED_SENTENCE_COVERAGE: f64 = 0.5;
/// A left-out sentence is absent, not only unlinked, when the lexicon renders
/// this much more of the rest of its paragraph group than of it, over the
/// whole French group ...
const ABSENT_CONTRAST: f64 = 0.4;
/// ... and the French without it is no longer than a translation of the rest
/// (log length ratio): no French text is left over to be its free rendering.
const ABSENT_MAX_LENGTH: f64 = 0.1;
/// How much better (in log length ratio) the lengths must fit a translation
/// without the candidate than one with it.
const SENTENCE_LENGTH_FIT: f64 = 0.15;
const CLAUSE_LENGTH_FIT: f64 = 0.15;
/// The length fits asked of a candidate that carries an anchor (a name, a
/// number) the French nearby does not render: a name or a figure is translated
/// the same way whatever the wording, so its absence is evidence of its own and
/// a verbose French sentence may hide the rest of the cut in its length.
const SENTENCE_ANCHORED_FIT: f64 = 0.0;
const CLAUSE_ANCHORED_FIT: f64 = 0.0;
/// Largest weight of other-side content nothing accounts for (beyond what the
/// lexicon misses of this side's other content too), as a share of the
/// candidate's unrendered weight: a free translation leaves words over on
/// both sides, a cut only on one.
const SENTENCE_LEFT_OVER: f64 = 1.0;
const CLAUSE_LEFT_OVER: f64 = 0.5;
/// A sentence left alone next to one of the other side left alone, their
/// lengths within this log ratio of a translation's: a free translation.
const FREE_PAIR_LENGTH: f64 = 0.6;

/// One sentence of one side of a bead.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Paragraph index.
    pub para: usize,
    /// Byte range in the paragraph's body (`Dispatch::body`).
    pub span: (usize, usize),
    /// Its clauses' byte ranges in the body, their lengths in chars, and their
    /// features' indices.
    clauses: Vec<(usize, usize)>,
    clause_chars: Vec<usize>,
    /// Clauses that spell out a name in brackets (a gloss for foreign readers).
    glosses: Vec<bool>,
    pieces: Range<usize>,
    chars: usize,
}

/// Text the other side does not render: a whole sentence, or a run of clauses.
#[derive(Debug, Clone, PartialEq)]
pub struct Gap {
    /// The paragraphs whose sentences were aligned: a bead of the alignment, or
    /// paragraphs it left unpaired side by side (`region`).
    pub fr: Vec<usize>,
    pub en: Vec<usize>,
    /// True when the paragraphs are ones the alignment left unpaired (reported
    /// as omitted and added) of which some sentences still translate each other.
    pub region: bool,
    /// Paragraph holding the text, on its side.
    pub para: usize,
    /// Byte range of the text in that paragraph's body.
    pub span: (usize, usize),
    /// The whole sentence (true) or part of it (a clause run).
    pub whole: bool,
    /// Weighted share of its content words found on the other side nearby.
    pub coverage: f64,
    /// It holds a name or a number that the other side's paragraphs do not
    /// render: a fact is gone, not only words the lexicon does not link.
    pub anchored: bool,
    /// Its evidence is enough without an anchor.
    sure: bool,
    /// A whole sentence whose content is absent from the other side's group
    /// ([`ABSENT_CONTRAST`], [`ABSENT_MAX_LENGTH`]), not only words the
    /// lexicon does not link nearby.
    pub absent: bool,
    /// Its content words.
    pub content: usize,
}

/// Gaps of a pair, both ways.
#[derive(Debug, Clone, Default)]
pub struct SentenceGaps {
    /// English text the French leaves out.
    pub omitted_en: Vec<Gap>,
    /// French sentences with no English source.
    pub added_fr: Vec<Gap>,
}

/// The sentences of one side of a bead, with their clause units appended to `units`.
fn side_sentences<'a>(
    d: &'a Dispatch,
    paras: &[usize],
    units: &mut Vec<TextUnit<'a>>,
    cache: &'a WordKeyCache<'_>,
) -> Vec<Sentence> {
    let mut out = Vec::new();
    for &p in paras {
        if d.credits_index() == Some(p) {
            continue;
        }
        let body = d.body(p);
        for s in d.sentences(p) {
            let (a, b) = s.span;
            let first = units.len();
            let cl = s.clauses.clone();
            units.extend(cl.iter().map(|&(x, y)| TextUnit {
                text: &body[x..y],
                cities: &[],
                para: cache.source(d, p),
            }));
            out.push(Sentence {
                para: p,
                span: (a, b),
                clause_chars: cl
                    .iter()
                    .map(|&(x, y)| body[x..y].chars().count())
                    .collect(),
                glosses: cl.iter().map(|&(x, y)| is_gloss(&body[x..y])).collect(),
                clauses: cl,
                pieces: first..units.len(),
                chars: body[a..b].chars().count(),
            });
        }
    }
    out
}

/// A bracketed clause that spells out a name or an acronym, every long word
/// capitalised: `(Directorate General for External Security)`. A translation
/// adds one for readers abroad; leaving it out loses no fact.
fn is_gloss(clause: &str) -> bool {
    let inner = clause.trim_end_matches(['.', ',', ';', ':']);
    inner.starts_with('(')
        && inner.ends_with(')')
        && inner
            .split(|c: char| !c.is_alphabetic())
            .filter(|w| w.chars().count() >= 4)
            .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// One paragraph group's sentences on both sides.
struct BeadSentences {
    fr_paras: Vec<usize>,
    en_paras: Vec<usize>,
    region: bool,
    fr: Vec<Sentence>,
    en: Vec<Sentence>,
}

/// The paragraph groups the stage aligns, as bead indices: each paired bead
/// it trusts (score at least `MIN_BEAD_SCORE`), and each run of beads the
/// alignment left one-sided side by side that holds both languages (a French
/// paragraph cut so short that the aligner no longer pairs it), with whether it
/// is such a run. The limits of the checks read the same groups to bound the
/// stage on giant paragraphs.
pub(crate) fn bead_groups(alignment: &Alignment) -> Vec<(Vec<usize>, bool)> {
    let beads = &alignment.beads;
    let mut out = Vec::new();
    let mut run: Vec<usize> = Vec::new();
    let flush = |run: &mut Vec<usize>, out: &mut Vec<(Vec<usize>, bool)>| {
        let both = run.iter().any(|&k| !beads[k].fr.is_empty())
            && run.iter().any(|&k| !beads[k].en.is_empty());
        if both {
            out.push((std::mem::take(run), true));
        }
        run.clear();
    };
    for (k, b) in beads.iter().enumerate() {
        if b.fr.is_empty() != b.en.is_empty() && !b.moved {
            run.push(k);
            continue;
        }
        flush(&mut run, &mut out);
        if !b.fr.is_empty() && !b.en.is_empty() && b.score.is_none_or(|s| s >= MIN_BEAD_SCORE) {
            out.push((vec![k], false));
        }
    }
    flush(&mut run, &mut out);
    out
}

/// The paragraphs of a group of beads, French then English, each in order.
pub(crate) fn group_paragraphs(alignment: &Alignment, group: &[usize]) -> (Vec<usize>, Vec<usize>) {
    let (mut fr, mut en) = (Vec::new(), Vec::new());
    for &k in group {
        fr.extend(&alignment.beads[k].fr);
        en.extend(&alignment.beads[k].en);
    }
    fr.sort_unstable();
    en.sort_unstable();
    (fr, en)
}

/// [`bead_groups`] as paragraphs: French, English, whether a one-sided run.
fn groups(alignment: &Alignment) -> Vec<(Vec<usize>, Vec<usize>, bool)> {
    bead_groups(alignment)
        .into_iter()
        .map(|(g, region)| {
            let (fr, en) = group_paragraphs(alignment, &g);
            (fr, en, region)
        })
        .collect()
}

/// Paragraph beads from which [`gaps`] aligns their sentences in parallel: a
/// long document's, not a dispatch's.
const PARALLEL_BEADS: usize = 64;

/// Find the gaps of every confident bead of `alignment`.
pub fn gaps(
    fr: &Dispatch,
    en: &Dispatch,
    alignment: &Alignment,
    names: &ExonymTable,
    cache: &WordKeyCache<'_>,
) -> SentenceGaps {
    let headline = |d: &Dispatch| d.dateline.as_ref().is_some_and(|dl| dl.paragraph == 1);
    let (fr_head, en_head) = (headline(fr), headline(en));
    let mut fr_units = Vec::new();
    let mut en_units = Vec::new();
    let mut beads = Vec::new();
    for (fr_paras, en_paras, region) in groups(alignment) {
        // a headline is a title, not a sentence of the story
        if (fr_head && fr_paras.contains(&0)) || (en_head && en_paras.contains(&0)) {
            continue;
        }
        let f = side_sentences(fr, &fr_paras, &mut fr_units, cache);
        let e = side_sentences(en, &en_paras, &mut en_units, cache);
        if f.is_empty() || e.is_empty() {
            continue;
        }
        beads.push(BeadSentences {
            fr_paras,
            en_paras,
            region,
            fr: f,
            en: e,
        });
    }
    let mut out = SentenceGaps::default();
    if beads.is_empty() {
        return out;
    }
    let (ff, ef) = text_features((&fr_units, fr.lang), (&en_units, en.lang), names);
    // each bead on its own (in parallel for a long pair), gathered in bead order
    let one = |bs: &BeadSentences| -> (Vec<Gap>, Vec<Gap>) {
        let path = align_sentences(&bs.fr, &bs.en, &ff, &ef);
        // unpaired paragraphs side by side: only when some of their sentences
        // clearly translate each other
        if bs.region
            && !path.iter().any(|(f, e)| {
                !f.is_empty()
                    && !e.is_empty()
                    && similarity(
                        &pieces(&bs.fr, f.clone(), &ff),
                        &pieces(&bs.en, e.clone(), &ef),
                    ) >= REGION_MIN_SIMILARITY
            })
        {
            return Default::default();
        }
        let (mut omitted, mut added) = (Vec::new(), Vec::new());
        bead_gaps(bs, &path, (&ef, &ff), Side::En, &mut omitted);
        bead_gaps(bs, &path, (&ff, &ef), Side::Fr, &mut added);
        (omitted, added)
    };
    for (omitted, added) in map_in_order(&beads, beads.len() >= PARALLEL_BEADS, 8, one) {
        out.omitted_en.extend(omitted);
        out.added_fr.extend(added);
    }
    mark_anchored(&mut out.omitted_en, en, fr, names);
    mark_anchored(&mut out.added_fr, fr, en, names);
    out.omitted_en
        .retain(|g| (g.sure || g.anchored) && !in_other_language(en, g));
    out.added_fr
        .retain(|g| (g.sure || g.anchored) && !in_other_language(fr, g));
    out
}

/// One sentence bead: French and English sentence indices (either may be empty).
type SentenceBead = (Range<usize>, Range<usize>);

fn pieces<'f>(s: &[Sentence], r: Range<usize>, feats: &'f [ParaFeatures]) -> Vec<&'f ParaFeatures> {
    s[r].iter()
        .flat_map(|x| feats[x.pieces.clone()].iter())
        .collect()
}

/// The best monotone sentence path of one bead.
fn align_sentences(
    fr: &[Sentence],
    en: &[Sentence],
    ff: &[ParaFeatures],
    ef: &[ParaFeatures],
) -> Vec<SentenceBead> {
    const SHAPES: [(usize, usize, f64, f64); 6] = [
        (1, 1, 1.0, 0.0),
        (2, 1, 1.5, PENALTY_12),
        (1, 2, 1.5, PENALTY_12),
        (2, 2, 2.0, PENALTY_22),
        (3, 1, 2.0, PENALTY_13),
        (1, 3, 2.0, PENALTY_13),
    ];
    let (n, m) = (fr.len(), en.len());
    let w = m + 1;
    let mut gain = vec![f64::NEG_INFINITY; (n + 1) * w];
    let mut back = vec![(0usize, 0usize); (n + 1) * w];
    gain[0] = 0.0;
    for i in 0..=n {
        for j in 0..=m {
            if i == 0 && j == 0 {
                continue;
            }
            let mut best = f64::NEG_INFINITY;
            let mut step = (0, 0);
            if j >= 1 && gain[i * w + j - 1] > best {
                best = gain[i * w + j - 1];
                step = (0, 1);
            }
            if i >= 1 && gain[(i - 1) * w + j] > best {
                best = gain[(i - 1) * w + j];
                step = (1, 0);
            }
            for &(a, b, size, pen) in &SHAPES {
                if a > i || b > j {
                    continue;
                }
                let prev = gain[(i - a) * w + j - b];
                if prev == f64::NEG_INFINITY {
                    continue;
                }
                let s = similarity(&pieces(fr, i - a..i, ff), &pieces(en, j - b..j, ef));
                let g = prev + (s - THRESHOLD) * size - pen;
                if g > best {
                    best = g;
                    step = (a, b);
                }
            }
            gain[i * w + j] = best;
            back[i * w + j] = step;
        }
    }
    let mut path = Vec::new();
    let (mut i, mut j) = (n, m);
    while i > 0 || j > 0 {
        let (a, b) = back[i * w + j];
        path.push((i - a..i, j - b..j));
        i -= a;
        j -= b;
    }
    path.reverse();
    path
}

#[derive(Clone, Copy, PartialEq)]
enum Side {
    Fr,
    En,
}

/// What tells a left-out text from one translated in words the lexicon does not
/// link: how much of it the other side renders, how much of the other side
/// nothing on this side accounts for (a free translation leaves words over on
/// both sides, a cut only on one), and whether the lengths fit a translation
/// with the text or without it.
#[derive(Debug, Clone, Copy)]
struct Evidence {
    /// Content words of the candidate.
    n: usize,
    /// Weighted share of them the other side renders nearby.
    cov: f64,
    /// Weight of the candidate's content the other side does not render.
    left_this: f64,
    /// Weight of the other side's content nothing on this side renders.
    left_other: f64,
    /// Weight of this side's content outside the candidate that the other side
    /// does not render either: what the lexicon misses in a faithful
    /// translation, to be expected on the other side too.
    left_rest: f64,
    /// Log length ratio (against the usual French/English one) with the
    /// candidate translated, and without it.
    lr_with: f64,
    lr_without: f64,
}

/// French characters per English character in news translation (as the
/// paragraph similarity has it).
const LENGTH_RATIO: f64 = 1.15;

impl Evidence {
    /// Is the candidate left out? Little of it rendered, little on the other
    /// side left unexplained to stand for it, and a length that fits a
    /// translation without it clearly better than one with it.
    /// `Some(true)`: a gap whatever it holds; `Some(false)`: a gap only if it
    /// carries an anchor the other side lacks (its length fits only the
    /// anchored bar); `None`: not a gap.
    fn is_gap(&self, whole: bool) -> Option<bool> {
        let (min_n, max_cov, min_fit, max_left) = if whole {
            (
                MIN_SENTENCE_TOKENS,
                MAX_SENTENCE_COVERAGE,
                SENTENCE_ANCHORED_FIT,
                SENTENCE_LEFT_OVER,
            )
        } else {
            (
                MIN_CLAUSE_TOKENS,
                MAX_CLAUSE_COVERAGE,
                CLAUSE_ANCHORED_FIT,
                CLAUSE_LEFT_OVER,
            )
        };
        let strict = if whole {
            SENTENCE_LENGTH_FIT
        } else {
            CLAUSE_LENGTH_FIT
        };
        let fit = self.lr_with.abs() - self.lr_without.abs();
        let max_cov_anchored = if whole {
            MAX_ANCHORED_SENTENCE_COVERAGE
        } else {
            max_cov
        };
        (self.n >= min_n
            && self.cov <= max_cov_anchored
            && fit > min_fit
            && self.left_other - self.left_rest < max_left * self.left_this)
            .then_some(fit > strict && self.cov <= max_cov)
    }
}

/// Is a left-out sentence absent from the other side's whole group: the
/// lexicon renders [`ABSENT_CONTRAST`] more of the rest of this side's group
/// than of it, and the other side without it is not long enough to hold a
/// free rendering of it? `own`: its features; `rest`: this side's other
/// sentences (and clauses) of the group; `all_other`: the other side's group;
/// `lr_without`: the log length ratio of the text around it without it.
fn is_absent(
    own: &[&ParaFeatures],
    rest: &[&ParaFeatures],
    all_other: &[&ParaFeatures],
    lr_without: f64,
) -> bool {
    let (cov, _, _) = share(own, all_other);
    let (rest_cov, _, _) = share(rest, all_other);
    rest_cov - cov >= ABSENT_CONTRAST && lr_without <= ABSENT_MAX_LENGTH
}

/// Weighted share of `side` found in `other`, the weight not found, and the
/// number of content words.
fn share(side: &[&ParaFeatures], other: &[&ParaFeatures]) -> (f64, f64, usize) {
    let (m, t) = coverage(side, other);
    let n = side.iter().map(|p| p.tokens.len()).sum();
    let cov = if t > 0.0 { (m / t) as f64 } else { 0.0 };
    (cov, (t - m) as f64, n)
}

fn chars(s: &[Sentence], r: Range<usize>) -> usize {
    s[r].iter().map(|x| x.chars).sum()
}

/// The log length ratio of a French and an English text against the usual one.
fn log_ratio(side: Side, this_chars: usize, other_chars: usize) -> f64 {
    let (f, e) = match side {
        Side::Fr => (this_chars, other_chars),
        Side::En => (other_chars, this_chars),
    };
    (f.max(1) as f64 / (LENGTH_RATIO * e.max(1) as f64)).ln()
}

/// The gaps of one side of a bead: `feats` = (this side's, the other side's).
fn bead_gaps(
    bs: &BeadSentences,
    path: &[SentenceBead],
    (this_f, other_f): (&[ParaFeatures], &[ParaFeatures]),
    side: Side,
    out: &mut Vec<Gap>,
) {
    let (this, other) = match side {
        Side::En => (&bs.en, &bs.fr),
        Side::Fr => (&bs.fr, &bs.en),
    };
    // (this side's sentences, the other side's) of a sentence bead
    let pick = |sb: &SentenceBead| match side {
        Side::En => (sb.1.clone(), sb.0.clone()),
        Side::Fr => (sb.0.clone(), sb.1.clone()),
    };
    for (k, sb) in path.iter().enumerate() {
        let (mine, theirs) = pick(sb);
        if mine.is_empty() {
            continue;
        }
        // the paired sentence beads before and after this one
        let prev = path[..k]
            .iter()
            .rev()
            .map(pick)
            .find(|(a, b)| !a.is_empty() && !b.is_empty());
        let next = path[k + 1..]
            .iter()
            .map(pick)
            .find(|(a, b)| !a.is_empty() && !b.is_empty());
        let o_lo = prev
            .as_ref()
            .map_or(theirs.start, |x| x.1.start)
            .min(theirs.start);
        let o_hi = next
            .as_ref()
            .map_or(theirs.end, |x| x.1.end)
            .max(theirs.end);
        // and the other side's sentences the DP left alone anywhere in the bead:
        // a sentence moved inside the paragraph
        let mut near = pieces(other, o_lo..o_hi, other_f);
        for (a, b) in path.iter().map(pick) {
            if a.is_empty() && (b.end <= o_lo || b.start >= o_hi) {
                near.extend(pieces(other, b, other_f));
            }
        }
        if theirs.is_empty() {
            // a sentence the DP left alone: left out, unless the sentences
            // around it render it (a merge the DP did not take)
            let t_lo = prev.as_ref().map_or(mine.start, |x| x.0.start);
            let t_hi = next.as_ref().map_or(mine.end, |x| x.0.end);
            let ctx_this: Vec<&ParaFeatures> = pieces(this, t_lo..mine.start, this_f)
                .into_iter()
                .chain(pieces(this, mine.end..t_hi, this_f))
                .collect();
            let ct = chars(this, t_lo..mine.start) + chars(this, mine.end..t_hi);
            let co = chars(other, o_lo..o_hi);
            let (_, left_other, _) = share(&near, &ctx_this);
            let (_, left_rest, _) = share(&ctx_this, &near);
            // the other side's sentences the DP also left alone right next to
            // this place: of a length to translate it, they are its free
            // translation, not an addition beside an omission
            let lone_other: usize = [k.checked_sub(1), Some(k + 1)]
                .into_iter()
                .flatten()
                .filter_map(|x| path.get(x))
                .map(pick)
                .filter(|(a, _)| a.is_empty())
                .map(|(_, b)| chars(other, b))
                .sum();
            let own_chars = chars(this, mine.clone());
            if lone_other > 0 && log_ratio(side, own_chars, lone_other).abs() <= FREE_PAIR_LENGTH {
                continue;
            }
            for s in &this[mine] {
                let own: Vec<&ParaFeatures> = this_f[s.pieces.clone()].iter().collect();
                let (cov, left_this, n) = share(&own, &near);
                let ev = Evidence {
                    n,
                    cov,
                    left_this,
                    left_other,
                    left_rest,
                    lr_with: log_ratio(side, ct + s.chars, co),
                    lr_without: log_ratio(side, ct, co),
                };
                if let Some(sure) = ev.is_gap(true) {
                    let all_other = pieces(other, 0..other.len(), other_f);
                    let rest: Vec<&ParaFeatures> = this
                        .iter()
                        .filter(|x| !std::ptr::eq(*x, s))
                        .flat_map(|x| this_f[x.pieces.clone()].iter())
                        .collect();
                    // a long sentence absent from the group is a gap even when
                    // its words find some echo nearby (a name, a year the
                    // paragraph repeats): not only when the fit is strict
                    let absent = (sure || ev.n >= LONG_SENTENCE)
                        && is_absent(&own, &rest, &all_other, ev.lr_without);
                    let sure = sure || absent;
                    out.push(Gap {
                        fr: bs.fr_paras.clone(),
                        en: bs.en_paras.clone(),
                        region: bs.region,
                        para: s.para,
                        span: s.span,
                        whole: true,
                        coverage: cov,
                        anchored: false,
                        sure,
                        absent,
                        content: ev.n,
                    });
                }
            }
            continue;
        }
        if side == Side::Fr {
            continue;
        }
        let group_this = pieces(this, mine.clone(), this_f);
        let group_other = pieces(other, theirs.clone(), other_f);
        let (_, left_other, _) = share(&group_other, &group_this);
        let (ct, co) = (chars(this, mine.clone()), chars(other, theirs.clone()));
        for s in &this[mine.clone()] {
            let feats = &this_f[s.pieces.clone()];
            if let Some((a, b, cov, left_this, n)) =
                clause_run(feats, &s.glosses, &near, mine.len() > 1)
            {
                let cc: usize = s.clause_chars[a..b].iter().sum();
                // the rest of this side's group: the other sentences and the
                // other clauses of this one
                let rest: Vec<&ParaFeatures> = this[mine.clone()]
                    .iter()
                    .flat_map(|x| {
                        let (lo, hi) = if std::ptr::eq(x, s) { (a, b) } else { (0, 0) };
                        this_f[x.pieces.clone()]
                            .iter()
                            .enumerate()
                            .filter(move |(i, _)| *i < lo || *i >= hi)
                            .map(|(_, f)| f)
                    })
                    .collect();
                let (_, left_rest, _) = share(&rest, &group_other);
                let ev = Evidence {
                    n,
                    cov,
                    left_this,
                    left_other,
                    left_rest,
                    lr_with: log_ratio(side, ct, co),
                    lr_without: log_ratio(side, ct.saturating_sub(cc), co),
                };
                let whole = a == 0 && b == feats.len();
                if let Some(sure) = ev.is_gap(whole) {
                    let absent = whole && (sure || ev.n >= LONG_SENTENCE) && {
                        let own: Vec<&ParaFeatures> = feats.iter().collect();
                        let all_other = pieces(other, 0..other.len(), other_f);
                        is_absent(&own, &rest, &all_other, ev.lr_without)
                    };
                    let sure = sure || absent;
                    out.push(Gap {
                        fr: bs.fr_paras.clone(),
                        en: bs.en_paras.clone(),
                        region: bs.region,
                        para: s.para,
                        span: (s.clauses[a].0, s.clauses[b - 1].1),
                        whole,
                        coverage: cov,
                        anchored: false,
                        sure,
                        absent,
                        content: ev.n,
                    });
                }
            }
        }
    }
}

/// The longest run of a paired sentence's clauses (four content words or more)
/// that the other side around it renders least: `(first, end, coverage, weight
/// left, content words)`. `whole_ok`: the run may be the whole sentence (the
/// bead has other sentences on this side); failing any run, the whole sentence
/// up to [`MAX_ANCHORED_SENTENCE_COVERAGE`], a gap then only by its anchors.
fn clause_run(
    feats: &[ParaFeatures],
    glosses: &[bool],
    near: &[&ParaFeatures],
    whole_ok: bool,
) -> Option<(usize, usize, f64, f64, usize)> {
    let k = feats.len();
    let mut best: Option<(usize, usize, f64, f64, usize)> = None;
    for a in 0..k {
        for b in a + 1..=k {
            if (a == 0 && b == k && !whole_ok) || glosses[a..b].iter().all(|&g| g) {
                continue;
            }
            let run: Vec<&ParaFeatures> = feats[a..b].iter().collect();
            let (cov, left, n) = share(&run, near);
            let max = if a == 0 && b == k {
                MAX_SENTENCE_COVERAGE
            } else {
                MAX_CLAUSE_COVERAGE
            };
            if n >= MIN_CLAUSE_TOKENS && cov <= max && best.is_none_or(|x| n > x.4) {
                best = Some((a, b, cov, left, n));
            }
        }
    }
    // else the whole sentence, judged by its anchors (as a sentence left
    // alone is): a sentence merged into its neighbour's pairing whose words
    // the French sentence uses for that neighbour
    if best.is_none() && whole_ok && !glosses.iter().all(|&g| g) {
        let run: Vec<&ParaFeatures> = feats.iter().collect();
        let (cov, left, n) = share(&run, near);
        if n >= MIN_CLAUSE_TOKENS && cov <= MAX_ANCHORED_SENTENCE_COVERAGE {
            best = Some((0, k, cov, left, n));
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bracketed_name_spelled_out_is_a_gloss() {
        assert!(is_gloss("(Directorate General for External Security)"));
        assert!(is_gloss("(Office of Water Resources),"));
        assert!(!is_gloss("(led by three opposition members)"));
        assert!(!is_gloss("Directorate General for External Security"));
    }
}
