//! `credits-reporter-added`: the French credits name a reporter the English does not.

use super::*;

declare_check! {
    pub struct CreditsReporterAdded;
    id: CreditsReporterAdded,
    severity: Error,
    summary: "the French credits name a reporter the English does not",
    what: "Fires for each reporter, additional reporter or writer in the French credits who is \
                   not a reporter or writer in the English credits. An English editor listed as a French \
                   reporter counts as added.",
    why: "A French byline must not credit reporting to someone who did not report the story; \
                  it is usually a copy-paste from another dispatch or an editor moved to the wrong role.",
    example: "en: `(Reporting by Ana Lima; Editing by Jo Arx)`; fr: `(Reportage Ana Lima et Jo \
                      Arx; …)`: Jo Arx is an added reporter.",
    settings: None,
}

impl Run for CreditsReporterAdded {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some((fr, en)) = both(cx) else { return };
        let cmp = rules::compare(fr, en);
        for &j in &cmp.added {
            let f = &fr.entries[j];
            let name = nfc(&f.name);
            let en_role = en
                .entries
                .iter()
                .find(|e| nfc(&e.name) == name)
                .map(|e| e.role);
            let why = match en_role {
                Some(r) => format!(", who is credited as {} in en ¶{}", r.label(), en.paragraph),
                None => format!(", who is not in the english credits (en ¶{})", en.paragraph),
            };
            out.push(credits_finding(
                cx,
                Self::ID,
                format!(
                    "french credits add {} \"{}\" (fr ¶{}){}",
                    f.role.label(),
                    who(f),
                    fr.paragraph,
                    why
                ),
            ));
        }
    }
}
