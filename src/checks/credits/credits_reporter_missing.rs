//! `credits-reporter-missing`: a reporter credited in English is not credited in French.

use super::*;

declare_check! {
    pub struct CreditsReporterMissing;
    id: CreditsReporterMissing,
    severity: Error,
    summary: "a reporter credited in English is not credited in French",
    what: "Every English reporter and additional reporter must be credited in the French block, \
                   as a reporter (`Reportage`, bare names) or an additional reporter (`avec`); an English \
                   writer (`Writing by`) must be kept as `rédigé par`. A near miss is reported as \
                   credits-name-spelling instead.",
    why: "Dropping a reporter's byline in translation takes credit away from the person who \
                  gathered the story, and desks are accountable for it.",
    example: "en: `(Reporting by Ana Lima; Additional reporting by Tom Dale; …)`; fr: `(Reportage \
                      Ana Lima; version française …)`: Tom Dale is missing.",
    settings: None,
}

impl Run for CreditsReporterMissing {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((fr, en)) = both(cx) else { return };
        let cmp = rules::compare(fr, en);
        for &i in &cmp.missing {
            let e = &en.entries[i];
            out.push(credits_finding(
                cx,
                Self::ID,
                format!(
                    "{} not credited in french: \"{}\" (en ¶{}) is missing from fr ¶{}",
                    e.role.label(),
                    who(e),
                    en.paragraph,
                    fr.paragraph
                ),
            ));
        }
    }
}
