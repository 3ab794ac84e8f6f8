//! Bounds on the shared stages of the checks, for input no dispatch looks like
//! (one paragraph of 10,000 sentences, one sentence of 1,000 clauses). Past a
//! bound the stage leaves that part alone and the checks that read it say so in
//! a finding that names the limit: nothing is dropped silently, and checking a
//! pair stays linear in its size.
//!
//! The sentence stage ([`crate::align::sentences`]) aligns the sentences of
//! every confident paragraph group with a dynamic programme whose cost is the
//! product of both sides' sentence counts, and searches every paired
//! sentence's runs of clauses, a cost that grows with the cube of its clause
//! count. News paragraphs hold a handful of sentences of at most fifteen or so
//! clauses, far below the limits here; [`bound_sentences`] takes the groups past
//! them out of the alignment the stage is given.

use crate::align::sentences::{bead_groups, group_paragraphs};
use crate::align::Alignment;
use crate::document::Dispatch;
use crate::finding::{CheckId, Finding};
use crate::util::{para_list, ParaStyle};

/// Sentences on one side of a paragraph group past which its sentences are
/// not aligned.
pub const MAX_GROUP_SENTENCES: usize = 100;
/// Clauses in one sentence past which its paragraph group's sentences are not
/// aligned.
pub const MAX_SENTENCE_CLAUSES: usize = 32;
/// Clause comparisons the sentence stage makes for one pair at most; groups
/// past it, in document order, are not aligned. A group costs, for its
/// sentence alignment, each side's clauses times the other side's sentences,
/// and for the clause runs of its English sentences about k³/6 + k² for a
/// sentence of k clauses. About 4,000 instructions each: the budget is
/// about two seconds, and a 50-sentence paragraph costs 10,000.
pub const MAX_PAIR_CLAUSE_COMPARISONS: usize = 2_000_000;

/// Why a paragraph group's sentences were not aligned.
#[derive(Debug, Clone, PartialEq)]
enum Reason {
    /// French and English sentence counts, largest clause count of a sentence.
    Group {
        fr: usize,
        en: usize,
        clauses: usize,
    },
    /// The pair's budget of clause comparisons was spent.
    Pair,
}

/// A paragraph group left out of the sentence stage.
#[derive(Debug, Clone, PartialEq)]
struct Skipped {
    fr: Vec<usize>,
    en: Vec<usize>,
    reason: Reason,
}

/// What [`bound_sentences`] left out of the sentence stage.
#[derive(Debug, Clone, Default)]
pub struct SentenceBounds {
    skipped: Vec<Skipped>,
}

/// The sentences of a side's paragraphs (credits left out, as the stage does):
/// how many, their clauses, the largest clause count of one, and the cost of
/// their clause runs.
#[derive(Default)]
struct Count {
    sentences: usize,
    clauses: usize,
    most: usize,
    runs: usize,
}

fn count(d: &Dispatch, paras: &[usize]) -> Count {
    let mut c = Count::default();
    for &p in paras {
        if d.credits_index() == Some(p) {
            continue;
        }
        for s in d.sentences(p) {
            let k = s.clauses.len();
            c.sentences += 1;
            c.clauses += k;
            c.most = c.most.max(k);
            c.runs += k * k * k / 6 + k * k;
        }
    }
    c
}

/// The alignment to give the sentence stage: `alignment` without the paragraph
/// groups past the limits (a paired bead gets a score the stage leaves alone,
/// the beads of a one-sided run are marked moved so that they form no group;
/// every other group is the same), and what was left out. `None` when nothing
/// is past a limit, the usual case.
pub fn bound_sentences(
    fr: &Dispatch,
    en: &Dispatch,
    alignment: &Alignment,
) -> Option<(Alignment, SentenceBounds)> {
    let headline = |d: &Dispatch| d.dateline.as_ref().is_some_and(|dl| dl.paragraph == 1);
    let (fr_head, en_head) = (headline(fr), headline(en));
    let mut bounds = SentenceBounds::default();
    let mut cut: Vec<(Vec<usize>, bool)> = Vec::new();
    let mut used = 0usize;
    for (group, region) in bead_groups(alignment) {
        let (fr_paras, en_paras) = group_paragraphs(alignment, &group);
        // a headline is a title: the stage leaves the group alone
        if (fr_head && fr_paras.contains(&0)) || (en_head && en_paras.contains(&0)) {
            continue;
        }
        let (f, e) = (count(fr, &fr_paras), count(en, &en_paras));
        let (n, m) = (f.sentences, e.sentences);
        if n == 0 || m == 0 {
            continue;
        }
        let cost = m * f.clauses + n * e.clauses + e.runs;
        let reason = if n > MAX_GROUP_SENTENCES
            || m > MAX_GROUP_SENTENCES
            || f.most.max(e.most) > MAX_SENTENCE_CLAUSES
        {
            Reason::Group {
                fr: n,
                en: m,
                clauses: f.most.max(e.most),
            }
        } else if used + cost > MAX_PAIR_CLAUSE_COMPARISONS {
            Reason::Pair
        } else {
            used += cost;
            continue;
        };
        bounds.skipped.push(Skipped {
            fr: fr_paras,
            en: en_paras,
            reason,
        });
        cut.push((group, region));
    }
    if cut.is_empty() {
        return None;
    }
    let mut bounded = alignment.clone();
    for (group, region) in cut {
        for k in group {
            let b = &mut bounded.beads[k];
            if region {
                b.moved = true;
            } else {
                b.score = Some(0.0);
            }
        }
    }
    Some((bounded, bounds))
}

impl SentenceBounds {
    /// One finding per paragraph group left out, for a sentence check (`id`),
    /// doubtful (a level below the check's): the check did not look there.
    pub fn findings(&self, id: CheckId) -> Vec<Finding> {
        let mut out = Vec::new();
        let plus = |v: &[usize]| para_list(v, ParaStyle::Plus);
        let pair: Vec<&Skipped> = self
            .skipped
            .iter()
            .filter(|s| s.reason == Reason::Pair)
            .collect();
        for s in &self.skipped {
            let Reason::Group { fr, en, clauses } = s.reason else {
                continue;
            };
            let why = if fr > MAX_GROUP_SENTENCES || en > MAX_GROUP_SENTENCES {
                format!(
                    "more than the limit of {MAX_GROUP_SENTENCES} sentences per paragraph group"
                )
            } else {
                format!(
                    "one of {clauses} clauses, more than the limit of {MAX_SENTENCE_CLAUSES} clauses per sentence"
                )
            };
            out.push(
                Finding::new(
                    id,
                    s.fr.clone(),
                    s.en.clone(),
                    format!(
                        "sentences of french ¶{} and english ¶{} not compared ({fr} in french, {en} in english): {why}",
                        plus(&s.fr),
                        plus(&s.en)
                    ),
                )
                .doubtful(true),
            );
        }
        if !pair.is_empty() {
            let fr: Vec<usize> = pair.iter().flat_map(|s| s.fr.iter().copied()).collect();
            let en: Vec<usize> = pair.iter().flat_map(|s| s.en.iter().copied()).collect();
            out.push(
                Finding::new(
                    id,
                    fr.clone(),
                    en.clone(),
                    format!(
                        "sentences of {} paragraph groups (french ¶{}) not compared: the pair reached the limit of {MAX_PAIR_CLAUSE_COMPARISONS} clause comparisons of the sentence alignment",
                        pair.len(),
                        crate::util::excerpt(&plus(&fr), 60),
                    ),
                )
                .doubtful(true),
            );
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::bead::testing::aligned as pair;

    #[test]
    fn ordinary_paragraphs_are_not_bounded() {
        let (f, e, a) = pair(
            "Titre\n\nLe port a rouvert mardi. Les dockers ont repris le travail, a dit le syndicat.\n",
            "Title\n\nThe port reopened on Tuesday. Dockers went back to work, the union said.\n",
        );
        assert!(bound_sentences(&f, &e, &a).is_none());
    }

    #[test]
    fn a_paragraph_of_too_many_sentences_is_left_out_and_said() {
        let fr: String = (0..150)
            .map(|k| format!("Le port {k} a rouvert mardi. "))
            .collect();
        let en: String = (0..150)
            .map(|k| format!("Port {k} reopened on Tuesday. "))
            .collect();
        let (f, e, a) = pair(&format!("Titre\n\n{fr}\n"), &format!("Title\n\n{en}\n"));
        let (b, bounds) = bound_sentences(&f, &e, &a).expect("bounded");
        assert_eq!(b.beads.len(), a.beads.len());
        let found = bounds.findings(CheckId::SentenceOmitted);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].message.contains("(150 in french, 150 in english)"));
        assert!(found[0].message.contains("limit of 100"));
        assert!(found[0].lesser);
    }

    #[test]
    fn a_sentence_of_too_many_clauses_is_left_out_and_said() {
        let fr = "le port, a rouvert, ".repeat(30);
        let en = "the port, reopened, ".repeat(30);
        let (f, e, a) = pair(
            &format!("Titre\n\n{fr}fin.\n"),
            &format!("Title\n\n{en}end.\n"),
        );
        let (_, bounds) = bound_sentences(&f, &e, &a).expect("bounded");
        let found = bounds.findings(CheckId::SentenceAdded);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0]
                .message
                .contains("clauses, more than the limit of 32 clauses per sentence"),
            "{}",
            found[0].message
        );
    }

    #[test]
    fn past_the_pair_budget_later_groups_are_left_out_and_said() {
        let para = |k: usize, fr: bool| -> String {
            (0..80)
                .map(|j| {
                    if fr {
                        format!("Le quai {k} a chargé, dit-on, {j} navires. ")
                    } else {
                        format!("Quay {k} loaded, they say, {j} ships. ")
                    }
                })
                .collect()
        };
        let fr: Vec<String> = (0..60).map(|k| para(k, true)).collect();
        let en: Vec<String> = (0..60).map(|k| para(k, false)).collect();
        let (f, e, a) = pair(
            &format!("Titre\n\n{}\n", fr.join("\n\n")),
            &format!("Title\n\n{}\n", en.join("\n\n")),
        );
        let (_, bounds) = bound_sentences(&f, &e, &a).expect("bounded");
        let found = bounds.findings(CheckId::SentenceOmitted);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0]
                .message
                .contains("limit of 2000000 clause comparisons"),
            "{}",
            found[0].message
        );
        // the first groups fit the budget and are compared
        assert!(!found[0].fr.contains(&1) && found[0].fr.contains(&60));
    }
}
