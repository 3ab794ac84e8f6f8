//! Helpers shared by the checks: the text, quantities and dates of one side of a
//! bead, the finding for a differing item, the dateline prefix, and whether a
//! pairing is sure enough to compare word by word. No check imports another; what
//! two checks share lives here.

use crate::align::Bead;
use crate::document::{Dateline, Dispatch};
use crate::finding::{CheckId, Finding};
use crate::lang::dates::DateMention;
use crate::lang::numbers::{self, Comparison, Quantity};
use crate::util::excerpt;

/// Below this similarity a pairing is a guess (the aligner found nothing better):
/// content checks that compare words (names) leave such beads alone rather than
/// report the difference between two unrelated paragraphs.
pub const CONFIDENT_SCORE: f64 = 0.2;

/// Is this bead's pairing sure enough to compare its contents word by word?
pub fn confident(b: &Bead) -> bool {
    b.score.is_none_or(|s| s >= CONFIDENT_SCORE)
}

/// The text of a bead's paragraphs on one side, dateline prefix removed,
/// credits paragraph skipped.
pub fn bead_text(d: &Dispatch, idx: &[usize]) -> String {
    let mut out = String::new();
    for &i in idx {
        if d.credits_index() == Some(i) {
            continue;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(d.body(i));
    }
    out
}

/// The dateline prefix of its paragraph, as written.
pub fn head<'a>(text: &'a str, d: &Dateline) -> &'a str {
    text.get(..d.len).unwrap_or(text).trim()
}

/// A finding for one differing item of a bead.
pub fn differs(
    id: CheckId,
    what: &str,
    bead: &Bead,
    fr: (usize, &str),
    en: (usize, &str),
) -> Finding {
    let (fr_text, en_text) = (excerpt(fr.1, 80), excerpt(en.1, 80));
    Finding::new(
        id,
        bead.fr.clone(),
        bead.en.clone(),
        format!(
            "{what} differs: \"{fr_text}\" (fr ¶{}) vs \"{en_text}\" (en ¶{})",
            fr.0, en.0
        ),
    )
    .texts(fr_text, en_text)
}

/// The quantities and date parts of one side of a bead, with their paragraph
/// index; the dateline prefix and the credits paragraph are left out, and so are
/// numerals that are a day of month (compared as dates).
pub struct BeadSide {
    pub quantities: Vec<(usize, Quantity)>,
    pub dates: Vec<(usize, DateMention)>,
}

impl BeadSide {
    pub fn collect(d: &Dispatch, paras: &[usize]) -> BeadSide {
        let mut side = BeadSide {
            quantities: Vec::new(),
            dates: Vec::new(),
        };
        for &i in paras {
            let facts = d.facts(i);
            side.quantities
                .extend(facts.quantities.iter().map(|q| (i, q.clone())));
            side.dates
                .extend(facts.dates.iter().map(|m| (i, m.clone())));
        }
        side
    }

    pub fn quantity_list(&self) -> Vec<Quantity> {
        self.quantities.iter().map(|(_, q)| q.clone()).collect()
    }
}

/// The figures of both sides of one aligned bead and how they compare, made once
/// per pair for every check that reads figures ([`crate::checks::Context::figures`]).
pub struct BeadFigures<'a> {
    pub bead: &'a Bead,
    pub fr: BeadSide,
    pub en: BeadSide,
    pub cmp: Comparison,
}

impl<'a> BeadFigures<'a> {
    pub fn collect(fr: &Dispatch, en: &Dispatch, bead: &'a Bead) -> BeadFigures<'a> {
        let (fr, en) = (
            BeadSide::collect(fr, &bead.fr),
            BeadSide::collect(en, &bead.en),
        );
        let cmp = numbers::compare(&fr.quantity_list(), &en.quantity_list());
        BeadFigures { bead, fr, en, cmp }
    }

    /// The figures that stand in each other's place but differ, French then
    /// English, each with its paragraph. A lone pair (the only figure of its class
    /// on each side) is left out when the bead's pairing is a guess: it may be two
    /// unrelated figures.
    pub fn differing(&self) -> impl Iterator<Item = (&(usize, Quantity), &(usize, Quantity))> + '_ {
        let sure = confident(self.bead);
        self.cmp
            .differing
            .iter()
            .filter(move |p| sure || !self.cmp.lone.contains(p))
            .map(|&(a, b)| (&self.fr.quantities[a], &self.en.quantities[b]))
    }
}

#[cfg(test)]
pub(crate) mod testing {
    use super::*;
    use crate::align::similarity::WordKeyCache;
    use crate::align::{self, Alignment};
    use crate::checks::{Check, Context};
    use crate::document::{Document, Format};
    use crate::lang::Lang;
    use crate::policy::Policy;

    /// A French and an English text (paragraphs separated by blank lines), parsed
    /// and aligned under the default policy.
    pub fn aligned(fr: &str, en: &str) -> (Dispatch, Dispatch, Alignment) {
        let fr_d = Dispatch::parse(
            &Document::from_text("fr.txt", String::new(), fr, Format::Text),
            Lang::Fr,
        );
        let en_d = Dispatch::parse(
            &Document::from_text("en.txt", String::new(), en, Format::Text),
            Lang::En,
        );
        let policy = Policy::default();
        let alignment = align::align(&fr_d, &en_d, &policy.exonyms(), &policy);
        (fr_d, en_d, alignment)
    }

    /// Run one check on a French and an English text (paragraphs separated by blank lines).
    pub fn run_check(check: &dyn Check, fr: &str, en: &str) -> Vec<Finding> {
        let (fr_d, en_d, alignment) = aligned(fr, en);
        let policy = Policy::default();
        let names = policy.exonyms();
        let words = WordKeyCache::new(&fr_d, &en_d);
        let cx = Context {
            fr: &fr_d,
            en: &en_d,
            alignment: &alignment,
            policy: &policy,
            names: &names,
            words: &words,
            drift: None,
            snippets: Default::default(),
            sentence_gaps: Default::default(),
            figures: Default::default(),
        };
        let mut out = Vec::new();
        check.run(&cx, &mut out);
        out
    }

    /// A dispatch frame around one body paragraph per side.
    pub fn frame(fr_body: &str, en_body: &str) -> (String, String) {
        (
            format!(
                "Titre de la dépêche\n\nLONDRES (Reuters) - Le gouvernement a présenté son plan jeudi.\n\n{fr_body}\n\n(Reportage Anna Kowalska, version française Jean Dupont, édité par Marie Curie)\n"
            ),
            format!(
                "Headline of the story\n\nLONDON, Sept 4 (Reuters) - The government presented its plan on Thursday.\n\n{en_body}\n\n(Reporting by Anna Kowalska; Editing by John Smith)\n"
            ),
        )
    }
}
