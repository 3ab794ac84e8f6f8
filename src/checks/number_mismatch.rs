//! `number-mismatch`: a quantity of an aligned French paragraph differs from the
//! English one. Quantities are extracted and normalised by `lang::numbers`, the
//! two sides of a bead are compared as multisets (`lang::numbers::compare`), and a
//! quantity is reported only when each side has one the other lacks, in the same
//! place (same class: amount, percent, ordinal, time). Years go to `date-mismatch`.

use super::{excerpt, Check, CheckDoc, Context};
use crate::align::Bead;
use crate::document::Dispatch;
use crate::finding::{Finding, Severity};
use crate::lang::dates::{self, DateMention, DatePart};
use crate::lang::numbers::{self, Quantity};

pub struct NumberMismatch;

impl Check for NumberMismatch {
    fn id(&self) -> &'static str {
        "number-mismatch"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "a quantity differs between aligned paragraphs after locale normalisation"
    }
    fn doc(&self) -> CheckDoc {
        CheckDoc {
            what: "Extracts every quantity (numbers, percentages, amounts of money with their scale, ordinals, \
                   times of day, spelled-out numbers) from each aligned pair of paragraphs, normalises French and \
                   English notation (`1 000,5` = `1,000.5`, `15 %` = `15 percent`, `2,5 milliards de dollars` = \
                   `$2.5 billion`) and reports a quantity of the French text that stands where the English has a \
                   different one. Rounding (`1,47 million` vs `1.5 million`) and qualifiers (`plus de`, `about`) are \
                   tolerated. Years are left to date-mismatch.",
            why: "A changed figure is the most damaging silent error in a translated dispatch: a wrong casualty \
                  count, amount or percentage is published as fact under the agency's name. Digits are easy to \
                  mistype and locale conventions (decimal comma, `milliard` vs `billion`) are easy to confuse.",
            example: "fr: « Le chômage a atteint 10,6 % en mars. »\nen: \"Unemployment reached 10.0% in March.\"\n\
                      → number differs: \"10,6 %\" (fr ¶3) vs \"10.0%\" (en ¶3)",
            configure: "Set the severity with `[checks] number-mismatch = \"warning\"` (or \"off\") in wirecheck.toml; \
                        waive a single accepted difference in waivers.toml by check id and paragraph. A number that is \
                        only absent on one side (dropped or spelled out in paraphrase) is never reported.",
        }
    }
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for bead in cx.alignment.pairs() {
            let (fr, en) = (BeadSide::collect(cx.fr, &bead.fr), BeadSide::collect(cx.en, &bead.en));
            let cmp = numbers::compare(&fr.quantity_list(), &en.quantity_list());
            for (a, b) in cmp.differing {
                let ((pf, qf), (pe, qe)) = (&fr.quantities[a], &en.quantities[b]);
                if qf.is_year_like() || qe.is_year_like() {
                    continue; // date-mismatch reports years
                }
                out.push(differs(self.id(), "number", bead, (*pf, &qf.text), (*pe, &qe.text)));
            }
        }
    }
}

/// A finding for one differing item of a bead.
pub(super) fn differs(id: &str, what: &str, bead: &Bead, fr: (usize, &str), en: (usize, &str)) -> Finding {
    let (fr_text, en_text) = (excerpt(fr.1, 80), excerpt(en.1, 80));
    Finding::new(
        id,
        bead.fr.clone(),
        bead.en.clone(),
        format!("{what} differs: \"{fr_text}\" (fr ¶{}) vs \"{en_text}\" (en ¶{})", fr.0, en.0),
    )
    .texts(fr_text, en_text)
}

/// The quantities and date parts of one side of a bead, with their paragraph
/// index; the dateline prefix and the credits paragraph are left out, and so are
/// numerals that are a day of month (compared as dates).
pub(super) struct BeadSide {
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
            if d.credits_index() == Some(i) {
                continue;
            }
            let text = d.text(i);
            let skip = d.dateline.as_ref().filter(|dl| dl.paragraph == i).map_or(0, |dl| dl.len);
            let body = text.get(skip..).unwrap_or(text);
            let ds = dates::extract(body, d.lang);
            let days: Vec<std::ops::Range<usize>> = ds
                .iter()
                .filter(|m| matches!(m.part, DatePart::Day(_)))
                .map(|m| m.span.clone())
                .collect();
            for q in numbers::extract(body, d.lang) {
                if days.iter().any(|r| r.start < q.span.end && q.span.start < r.end) {
                    continue;
                }
                side.quantities.push((i, q));
            }
            side.dates.extend(ds.into_iter().map(|m| (i, m)));
        }
        side
    }

    pub fn quantity_list(&self) -> Vec<Quantity> {
        self.quantities.iter().map(|(_, q)| q.clone()).collect()
    }
}
