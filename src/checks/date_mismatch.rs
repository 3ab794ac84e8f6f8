//! `date-mismatch`: a weekday, month, day of month or year of an aligned French
//! paragraph differs from the English one. Date parts come from `lang::dates`;
//! years are compared through the quantity comparison of `lang::numbers` so that a
//! year and a count with the same value (`2000 personnes`, `2,000 people`) agree.

use super::{declare_check, Context, Run};
use crate::checks::bead::differs;
use crate::finding::Finding;
use crate::lang::dates::DatePart;

declare_check! {
    pub struct DateMismatch;
    id: DateMismatch,
    severity: Error,
    summary: "a weekday, month, day of month or year differs between aligned paragraphs",
    what: "Finds weekdays, months (full names and Reuters short forms such as `Sept` or `Oct.`), days of \
                   month (`9 avril` = `April 9`, `le 1er mai` = `May 1st`), years and decades (`années 1990` = \
                   `1990s`) in each aligned pair of paragraphs and reports a part of the French text that stands \
                   where the English has a different one of the same kind. The dateline prefix is ignored: French \
                   Reuters copy carries no date there. Years are paired like the quantities of number-mismatch: \
                   a changed year that is the only one on each side of paragraphs sharing no other quantity \
                   (`en 2019` vs `in 2022`) is reported, unless the alignment of the paragraphs is a guess.",
    why: "A wrong day or year changes the facts of a story (when a vote happens, when a deal was signed) \
                  and is rarely caught by a reader; weekday and month names are also easy to mistranslate \
                  (`mardi`/`mercredi`, `juin`/`juillet`).",
    example: "fr: « Le vote aura lieu mardi 9 avril. »\nen: \"The vote will take place on Thursday, April 9.\"\n\
                      → date differs: \"mardi\" (fr ¶2) vs \"Thursday\" (en ¶2)",
    settings: Some("A date part present on one side only (a weekday the desk dropped) is not reported; only a part replaced by a different one is."),
}

impl Run for DateMismatch {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for fig in cx.figures() {
            let (bead, fr, en) = (fig.bead, &fig.fr, &fig.en);
            // weekdays, months, days: multiset per kind, then pair leftovers of a kind
            let mut en_used = vec![false; en.dates.len()];
            let mut fr_left = Vec::new();
            for (a, (_, m)) in fr.dates.iter().enumerate() {
                if matches!(m.part, DatePart::Year(_) | DatePart::Decade(_)) {
                    continue;
                }
                match en
                    .dates
                    .iter()
                    .enumerate()
                    .position(|(b, (_, e))| !en_used[b] && e.part == m.part)
                {
                    Some(b) => en_used[b] = true,
                    None => fr_left.push(a),
                }
            }
            for a in fr_left {
                let (pf, m) = &fr.dates[a];
                let other = en
                    .dates
                    .iter()
                    .enumerate()
                    .position(|(b, (_, e))| !en_used[b] && e.part.same_kind(m.part));
                if let Some(b) = other {
                    en_used[b] = true;
                    let (pe, e) = &en.dates[b];
                    // a day of month is shown with its month: "13 mars" vs "31 March"
                    let ft = whole_date(cx.fr.text(*pf), *pf, m, &fr.dates);
                    let et = whole_date(cx.en.text(*pe), *pe, e, &en.dates);
                    out.push(differs(Self::ID, "date", bead, (*pf, &ft), (*pe, &et)));
                }
            }
            // years and decades, through the quantity comparison
            for ((pf, qf), (pe, qe)) in fig.differing() {
                if qf.is_year_like() || qe.is_year_like() {
                    out.push(differs(
                        Self::ID,
                        "year",
                        bead,
                        (*pf, &qf.text),
                        (*pe, &qe.text),
                    ));
                }
            }
        }
    }
}

/// A day of month with the month written next to it (`13 mars`, `March 31`,
/// `31 March`), as the paragraph writes it; any other part, its own text.
fn whole_date(
    para: &str,
    p: usize,
    m: &crate::lang::dates::DateMention,
    all: &[(usize, crate::lang::dates::DateMention)],
) -> String {
    if !matches!(m.part, DatePart::Day(_)) || para.get(m.span.clone()) != Some(m.text.as_str()) {
        return m.text.clone();
    }
    let near = |a: usize, b: usize| {
        a <= b
            && para
                .get(a..b)
                .is_some_and(|gap| gap.chars().count() <= 4 && !gap.contains(['.', ';']))
    };
    let month = all.iter().find(|(q, d)| {
        *q == p
            && matches!(d.part, DatePart::Month(_))
            && para.get(d.span.clone()) == Some(d.text.as_str())
            && (near(m.span.end, d.span.start) || near(d.span.end, m.span.start))
    });
    match month {
        Some((_, d)) => {
            let (a, b) = (m.span.start.min(d.span.start), m.span.end.max(d.span.end));
            para.get(a..b).unwrap_or(&m.text).to_string()
        }
        None => m.text.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::bead::testing::{frame, run_check};

    fn findings(fr_body: &str, en_body: &str) -> Vec<Finding> {
        let (fr, en) = frame(fr_body, en_body);
        run_check(&DateMismatch, &fr, &en)
    }

    #[test]
    fn changed_weekday_month_day_and_year_are_reported() {
        for (fr, en, fr_text, en_text) in [
            (
                "Le vote aura lieu mardi.",
                "The vote will take place on Thursday.",
                "mardi",
                "Thursday",
            ),
            (
                "Le vote aura lieu en novembre.",
                "The vote will take place in December.",
                "novembre",
                "December",
            ),
            (
                "Le vote aura lieu le 8 avril.",
                "The vote will take place on April 9.",
                "8 avril",
                "April 9",
            ),
            (
                "La réunion est prévue le 13 mars.",
                "The meeting is set for 31 March.",
                "13 mars",
                "31 March",
            ),
            (
                "La loi date de 2007.",
                "The law dates from 2008.",
                "2007",
                "2008",
            ),
        ] {
            let f = findings(fr, en);
            assert_eq!(f.len(), 1, "{fr}: {f:?}");
            assert_eq!(f[0].id, "date-mismatch");
            assert_eq!(
                (f[0].fr_text.as_str(), f[0].en_text.as_str()),
                (fr_text, en_text)
            );
            assert_eq!(f[0].fr, vec![2]);
        }
    }

    #[test]
    fn lone_changed_year_is_reported() {
        assert_eq!(
            findings("L'usine a fermé en 2019.", "The plant closed in 2022.").len(),
            1
        );
        assert!(findings("L'usine a fermé en 2022.", "The plant closed in 2022.").is_empty());
    }

    #[test]
    fn correct_dates_are_silent() {
        for (fr, en) in [
            (
                "Le vote aura lieu jeudi 9 avril 2015.",
                "The vote will take place on Thursday, April 9, 2015.",
            ),
            (
                "Le 1er mai, puis le 30 octobre.",
                "On May 1st, then on Oct. 30.",
            ),
            (
                "Dans les années 1990, en septembre.",
                "In the 1990s, in September.",
            ),
            ("Du 9 au 12 avril.", "From April 9-12."),
        ] {
            let f = findings(fr, en);
            assert!(f.is_empty(), "{fr} / {en}: {f:?}");
        }
    }

    #[test]
    fn dropped_weekday_is_silent_and_dateline_date_is_ignored() {
        // the frame's English dateline carries `Sept 4`, the French none
        assert!(findings(
            "Il a parlé lundi devant les députés.",
            "He spoke to lawmakers."
        )
        .is_empty());
    }
}
