//! `credits-location-mismatch`: a reporter's location differs after exonym mapping.

use super::*;

declare_check! {
    pub struct CreditsLocationMismatch;
    id: CreditsLocationMismatch,
    severity: Error,
    summary: "a reporter's location differs after exonym mapping",
    what: "For each reporter credited on both sides, the French location (`à Moscou`, `au Caire`) \
                   must be the English one (`in Moscow`, `in Cairo`) after exonym mapping; an English place \
                   name kept as is in French is the same place. A location present on one side only is \
                   also reported.",
    why: "The location tells readers where the reporting was done; a wrong city in the byline is \
                  a factual error.",
    example: "en: `Reporting by Ana Lima in Riyadh`; fr: `Reportage Ana Lima à Rabat`: Riyadh vs \
                      Rabat. `à Riyad` would be fine.",
    settings: Some("Add missing place names under `[[names]]` (en, fr, variants)."),
}

impl Run for CreditsLocationMismatch {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((fr, en)) = both(cx) else { return };
        for p in rules::compare(fr, en).pairs {
            let (e, f) = (&en.entries[p.en], &fr.entries[p.fr]);
            let message = match (&f.location, &e.location) {
                (Some(fl), Some(el)) if !rules::same_place(cx.names, fl, el) => format!(
                    "location of {} differs: \"{fl}\" (fr ¶{}) vs \"{el}\" (en ¶{})",
                    f.name, fr.paragraph, en.paragraph
                ),
                (None, Some(el)) => format!(
                    "location of {} dropped: none (fr ¶{}) vs \"{el}\" (en ¶{})",
                    f.name, fr.paragraph, en.paragraph
                ),
                (Some(fl), None) => format!(
                    "location of {} added: \"{fl}\" (fr ¶{}) vs none (en ¶{})",
                    f.name, fr.paragraph, en.paragraph
                ),
                _ => continue,
            };
            out.push(credits_finding(cx, Self::ID, message));
        }
    }
}
