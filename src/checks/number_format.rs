//! `number-format`: French text writes a figure with English digit grouping
//! (`20,000`, `3,158`, `1,000,000`), which a French reader reads as a decimal
//! (`20,000` = twenty), while the English reading equals the source figure. The
//! pairing is the quantity comparison of `lang::numbers` (`foreign_format`).

use super::{declare_check, Context, Run};
use crate::finding::Finding;

declare_check! {
    pub struct NumberFormat;
    id: NumberFormat,
    severity: Warning,
    summary: "a French figure is written with English digit grouping (`20,000` for 20 000)",
    what: "Reads every French figure written `d,ddd` (a comma followed by exactly three digits) both ways: as a \
                   French decimal (`20,000` = 20) and as English grouping (= 20 000). When only the English reading \
                   equals the aligned English figure, or the figure has several comma groups (`1,000,000`), this \
                   check reports the form. number-mismatch stays silent on it because the fact is the same. When \
                   the French decimal reading is the one that matches (`3,158` for `3.158`), nothing is reported.",
    why: "A French reader reads `20,000 manifestants` as twenty demonstrators and `2,735 km` as under three \
                  kilometres: the figure is right for the translator and wrong for every reader. French writes \
                  `20 000` (narrow no-break space).",
    example: "fr: « Quelque 20,000 personnes ont défilé. »\nen: \"Some 20,000 people marched.\"\n\
                      → English digit grouping in French: \"20,000\" (fr ¶3) for \"20,000\" (en ¶3); write 20 000",
    settings: None,
}

impl Run for NumberFormat {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for fig in cx.figures() {
            let bead = fig.bead;
            for &(a, b) in &fig.cmp.foreign_format {
                let ((pf, qf), (pe, qe)) = (&fig.fr.quantities[a], &fig.en.quantities[b]);
                let fixed = crate::util::excerpt(&qf.text, 80).replace(',', "\u{a0}");
                out.push(
                    Finding::new(
                        Self::ID,
                        bead.fr.clone(),
                        bead.en.clone(),
                        format!(
                            "English digit grouping in French: \"{}\" (fr ¶{pf}) for \"{}\" (en ¶{pe}); write {fixed}",
                            crate::util::excerpt(&qf.text, 80),
                            crate::util::excerpt(&qe.text, 80)
                        ),
                    )
                    .texts(crate::util::excerpt(&qf.text, 80), crate::util::excerpt(&qe.text, 80)),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::bead::testing::{frame, run_check};

    fn findings(fr_body: &str, en_body: &str) -> Vec<Finding> {
        let (fr, en) = frame(fr_body, en_body);
        run_check(&NumberFormat, &fr, &en)
    }

    #[test]
    fn english_grouping_in_french_is_reported() {
        for (fr, en) in [
            (
                "Quelque 20,000 personnes ont défilé.",
                "Some 20,000 people marched.",
            ),
            ("La ligne fait 2,735 km.", "The line is 2,735 km long."),
            (
                "Un budget de 1,000,000 d'euros.",
                "A budget of 1,000,000 euros.",
            ),
        ] {
            let f = findings(fr, en);
            assert_eq!(f.len(), 1, "{fr}: {f:?}");
        }
    }

    #[test]
    fn french_forms_are_silent() {
        for (fr, en) in [
            (
                "Quelque 20 000 personnes ont défilé.",
                "Some 20,000 people marched.",
            ),
            ("Le taux est de 3,158 %.", "The rate is 3.158%."),
            ("Il pèse 2,5 kg.", "It weighs 2.5 kg."),
        ] {
            assert!(findings(fr, en).is_empty(), "{fr}");
        }
    }
}
