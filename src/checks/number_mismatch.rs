//! `number-mismatch`: a quantity of an aligned French paragraph differs from the
//! English one. Quantities are extracted and normalised by `lang::numbers`, the
//! two sides of a bead are compared as multisets (`lang::numbers::compare`), and a
//! quantity is reported only when each side has one the other lacks, in the same
//! place (same class: amount, percent, ordinal, time). Years go to `date-mismatch`.

use super::bead::differs;
use super::{declare_check, Context, Run};
use crate::finding::Finding;
use crate::lang::numbers;
use crate::util::{para_list, ParaStyle};

declare_check! {
    pub struct NumberMismatch;
    id: NumberMismatch,
    severity: Error,
    summary: "a quantity differs between aligned paragraphs after locale normalisation",
    what: "Extracts every quantity (numbers, percentages, amounts of money with their scale, ordinals, \
                   times of day, spelled-out numbers) from each aligned pair of paragraphs, normalises French and \
                   English notation (`1 000,5` = `1,000.5`, `15 %` = `15 percent`, `2,5 milliards de dollars` = \
                   `$2.5 billion`) and reports a quantity of the French text that stands where the English has a \
                   different one. Rounding (`1,47 million` vs `1.5 million`) and qualifiers (`plus de`, `about`) are \
                   tolerated. Years are left to date-mismatch.\n\n\
                   Pairing: equal quantities are paired first (same value, then within rounding, then after a unit \
                   conversion: mph/km/h, miles/km, lb/kg, ft/m, °F/°C, cubic feet/m³, acres/ha, gallons/litres, \
                   inches/cm, days/weeks/years, within the rounding of the figures and 3 %), then the other reading \
                   of an ambiguous separator (English `2.000` as 2 000, `1,250 million` with a French decimal comma; \
                   French `20,000` as 20 000, reported by number-format). The leftovers of one class (amounts, \
                   percentages, ordinals, times) stand for each other, the closest-looking first. When the \
                   paragraphs share no quantity, a pair is kept if it looks like a one-digit or scale slip, or if \
                   each is the only figure of its class left on its side (`15 morts` vs `28`, `en 2019` vs `in \
                   2022`), unless the alignment of the paragraphs is a guess.\n\n\
                   Forms read: French notation in English translated from French (`7,5 million`, `milliard`, \
                   `7.4 thousand million`, one-letter misspellings of a scale word such as `milion`), `$500-million`, \
                   `$2 billion-plus`, `7.5m` (metres or million), `bn`, `tn`, `10k`, `trois quarts`, `deux millions \
                   et demi`, race times (`2:21:31` = `2 h 21 min 31 s`, `20 s 53` = `20.53`). Spelled-out numbers \
                   are compared on both sides (`trois` vs `two`), except `un`/`one`, often an article or a pronoun. \
                   Orders of magnitude are compared (`des centaines` vs `thousands`). A figure that measures on one \
                   side and counts things on the other (`542 millions de citrouilles` for `542 million pounds of \
                   pumpkin`) differs. An amount in another currency at a plausible rate is left to \
                   currency-converted.",
    why: "A changed figure is the most damaging silent error in a translated dispatch: a wrong casualty \
                  count, amount or percentage is published as fact under the agency's name. Digits are easy to \
                  mistype and locale conventions (decimal comma, `milliard` vs `billion`) are easy to confuse.",
    example: "fr: « Le chômage a atteint 10,6 % en mars. »\nen: \"Unemployment reached 10.0% in March.\"\n\
                      → number differs: \"10,6 %\" (fr ¶3) vs \"10.0%\" (en ¶3)",
    settings: Some("A number that is only absent on one side (dropped or spelled out in paraphrase) is never reported."),
}

impl Run for NumberMismatch {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for fig in cx.figures() {
            if let Some((n, m)) = fig.cmp.unpaired {
                // past the limit only equal values were paired: say so
                out.push(
                    Finding::new(
                        Self::ID,
                        fig.bead.fr.clone(),
                        fig.bead.en.clone(),
                        format!(
                            "figures of french ¶{} and english ¶{} not compared one by one: {n} french and {m} english figures without an equal value, more than the limit of {} pairs; only equal values were paired",
                            para_list(&fig.bead.fr, ParaStyle::Plus),
                            para_list(&fig.bead.en, ParaStyle::Plus),
                            numbers::MAX_FIGURE_PAIRS
                        ),
                    )
                    .doubtful(true),
                );
            }
            for ((pf, qf), (pe, qe)) in fig.differing() {
                if qf.is_year_like() || qe.is_year_like() {
                    continue; // date-mismatch reports years
                }
                if numbers::plausible_conversion(qf, qe) {
                    continue; // currency-converted reports it
                }
                out.push(differs(
                    Self::ID,
                    "number",
                    fig.bead,
                    (*pf, &qf.text),
                    (*pe, &qe.text),
                ));
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
        run_check(&NumberMismatch, &fr, &en)
    }

    #[test]
    fn changed_digit_is_reported_with_both_texts() {
        let f = findings(
            "Quelque 10 600 candidats se sont présentés.",
            "Some 10,000 candidates turned up.",
        );
        assert_eq!(f.len(), 1, "{f:?}");
        assert_eq!(f[0].id, "number-mismatch");
        assert_eq!((f[0].fr.clone(), f[0].en.clone()), (vec![2], vec![2]));
        assert_eq!(
            (f[0].fr_text.as_str(), f[0].en_text.as_str()),
            ("10 600", "10,000")
        );
        assert_eq!(
            f[0].message,
            "number differs: \"10 600\" (fr ¶2) vs \"10,000\" (en ¶2)"
        );
    }

    #[test]
    fn correct_translations_are_silent() {
        for (fr, en) in [
            (
                "Le déficit atteint 240,1 milliards de dollars, soit 15 % du PIB.",
                "The deficit reached $240.1 billion, or 15 percent of GDP.",
            ),
            (
                "Plus de 8 % des électeurs, soit 1,47 million de personnes.",
                "More than 8 percent of voters, or 1.5 million people.",
            ),
            (
                "Trois enfants et une douzaine d'adultes, au 3ème étage.",
                "Three children and a dozen adults, on the 3rd floor.",
            ),
            (
                "Entre 10 et 15 % des sondés, dans les années 1990.",
                "Between 10 and 15% of respondents, in the 1990s.",
            ),
            (
                "Il est arrivé à 14h30 avec 2 000 personnes.",
                "He arrived at 2:30 p.m. with 2,000 people.",
            ),
        ] {
            let f = findings(fr, en);
            assert!(f.is_empty(), "{fr} / {en}: {f:?}");
        }
    }

    #[test]
    fn scale_and_percent_changes_are_reported() {
        assert_eq!(
            findings(
                "Une perte de 240 millions de dollars.",
                "A loss of $240 billion."
            )
            .len(),
            1
        );
        assert_eq!(
            findings("Le chômage atteint 9 %.", "Unemployment reached 8%.").len(),
            1
        );
    }

    #[test]
    fn lone_changed_figure_is_reported_and_conversions_are_not() {
        for (fr, en) in [
            ("Le bilan s'est alourdi à 15 morts.", "The toll rose to 28."),
            ("Trois soldats ont été tués.", "Two soldiers were killed."),
            ("Des centaines de manifestants.", "Thousands of protesters."),
        ] {
            assert_eq!(findings(fr, en).len(), 1, "{fr}");
        }
        for (fr, en) in [
            ("Le billet coûte 10 €.", "The ticket costs £9."),
            ("Il roulait à 160 km/h.", "He was driving at 100 mph."),
            ("Quelque 20,000 personnes.", "Some 20,000 people."),
            (
                "Le budget est de 7,4 milliards d'euros.",
                "The budget is 7.4 thousand million euros.",
            ),
        ] {
            assert!(findings(fr, en).is_empty(), "{fr}");
        }
    }

    #[test]
    fn dropped_number_is_silent() {
        assert!(findings(
            "Le ministre, âgé de 54 ans, a démissionné.",
            "The minister has resigned."
        )
        .is_empty());
    }

    #[test]
    fn years_are_left_to_the_date_check() {
        assert!(findings("La loi date de 2007.", "The law dates from 2008.").is_empty());
    }

    #[test]
    fn dateline_date_and_credits_are_ignored() {
        let fr = "Titre\n\nLONDRES (Reuters) - Le plan compte 12 mesures.\n\n(Reportage Anna Kowalska à Londres, version française Jean Dupont, édité par Marie Curie)\n";
        let en = "Headline\n\nLONDON, April 9 (Reuters) - The plan has 12 measures.\n\n(Reporting by Anna Kowalska in London; Editing by John Smith)\n";
        assert!(run_check(&NumberMismatch, fr, en).is_empty());
    }

    #[test]
    fn figures_past_the_pair_limit_are_said_not_compared() {
        let f: String = (0..2_100)
            .map(|k| format!("le port a traité {} conteneurs, ", 10_000 + 2 * k))
            .collect();
        let e: String = (0..2_100)
            .map(|k| format!("the port handled {} containers, ", 10_001 + 2 * k))
            .collect();
        let found = findings(&f, &e);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(found[0].lesser);
        assert!(
            found[0].message.contains("2100 french and 2100 english figures without an equal value, more than the limit of 4000000 pairs"),
            "{}",
            found[0].message
        );
    }
}
