//! `currency-converted`: an amount of an aligned French paragraph is in another
//! currency than the English one, at a plausible rate (`10 €` for `£9`). The
//! pairing is the quantity comparison of `lang::numbers`; the rate test is
//! `lang::numbers::plausible_conversion`. Such a pair is never a number-mismatch.

use super::bead::differs;
use super::{declare_check, Context, Run};
use crate::finding::Finding;
use crate::lang::numbers;

declare_check! {
    pub struct CurrencyConverted;
    id: CurrencyConverted,
    severity: Warning,
    summary: "an amount is given in another currency than the English, at a plausible rate",
    what: "Pairs the amounts of money of each aligned pair of paragraphs like number-mismatch does and reports \
                   a French amount in another currency than the English one whose value is a plausible conversion \
                   of it: within a factor of 1.8 of a rough exchange rate (`10 €` for `£9`, `1,4 million de \
                   dollars` for `1 million euros`). Amounts in the same currency, or in different currencies at an \
                   implausible rate (`9 €` for `£900`), are left to number-mismatch.",
    why: "A translator may convert an amount for the French reader; the figure is then right but no longer \
                  the one of the source, and the rate and date of the conversion are the desk's call. It is not \
                  a wrong figure, so it is not an error; a desk that forbids conversions raises it.",
    example: "fr: « Le billet coûte 10 €. »\nen: \"The ticket costs £9.\"\n\
                      → currency differs: \"10 €\" (fr ¶3) vs \"£9\" (en ¶3)",
    settings: Some("Raise it to `error` in `[severity]` to forbid conversions."),
}

impl Run for CurrencyConverted {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for fig in cx.figures() {
            for ((pf, qf), (pe, qe)) in fig.differing() {
                if numbers::plausible_conversion(qf, qe) {
                    out.push(differs(
                        Self::ID,
                        "currency",
                        fig.bead,
                        (*pf, &qf.text),
                        (*pe, &qe.text),
                    ));
                }
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
        run_check(&CurrencyConverted, &fr, &en)
    }

    #[test]
    fn converted_amount_is_reported() {
        let f = findings(
            "Le billet coûte 10 € à Londres.",
            "The ticket costs £9 in London.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(
            (f[0].fr_text.as_str(), f[0].en_text.as_str()),
            ("10 €", "£9")
        );
    }

    #[test]
    fn same_currency_or_implausible_rate_is_silent() {
        assert!(findings("Le billet coûte 9 livres.", "The ticket costs £9.").is_empty());
        assert!(findings("Le billet coûte 12 livres.", "The ticket costs £9.").is_empty());
        assert!(findings(
            "Une amende de 9 €, et 3 mois.",
            "A fine of £900, and 3 months."
        )
        .is_empty());
    }
}
