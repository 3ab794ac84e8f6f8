//! `credits-name-spelling`: a credited name is spelled differently.

use super::*;

declare_check! {
    pub struct CreditsNameSpelling;
    id: CreditsNameSpelling,
    severity: Error,
    summary: "a credited name is spelled differently",
    what: "A reporter or writer credited on both sides must be spelled identically after Unicode \
                   NFC normalisation, diacritics included. A near miss (a dropped diacritic, two swapped \
                   letters, one edit) is reported here rather than as a missing plus an added reporter.",
    why: "Names are a person's identity; `Solene` for `Solène` or `Lewadnowski` for `Lewandowski` \
                  is a visible error in the byline.",
    example: "en: `Reporting by Łukasz Nowak`; fr: `Reportage Lukasz Nowak`: the `Ł` was dropped.",
    settings: None,
}

impl Run for CreditsNameSpelling {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((fr, en)) = both(cx) else { return };
        for p in rules::compare(fr, en).pairs {
            if p.how != Match::Spelling {
                continue;
            }
            let (e, f) = (&en.entries[p.en], &fr.entries[p.fr]);
            out.push(credits_finding(
                cx,
                Self::ID,
                format!(
                    "credited name spelled differently: \"{}\" (fr ¶{}) vs \"{}\" (en ¶{})",
                    f.name, fr.paragraph, e.name, en.paragraph
                ),
            ));
        }
    }
}
