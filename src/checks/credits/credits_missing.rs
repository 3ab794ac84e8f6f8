//! `credits-missing`: the French version has no credits block although the source has one.

use super::*;

declare_check! {
    pub struct CreditsMissing;
    id: CreditsMissing,
    severity: Error,
    summary: "the French version has no credits block although the source has one",
    what: "Fires when the English source ends with a credits block (a parenthesised paragraph \
                   naming reporters and editors) and the French version has none as its last paragraph.",
    why: "A wire story must say who reported it; a French version that drops the whole block \
                  strips every reporter, the translator and the editor at once.",
    example: "en: `(Reporting by Ana Lima in Lisbon; Editing by Tom Dale)` as the last paragraph; \
                      fr: the last paragraph is body text, with no `(Reportage … )` block.",
    settings: None,
}

impl Run for CreditsMissing {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let (Some(en), None) = (cx.en.credits.as_ref(), cx.fr.credits.as_ref()) else {
            return;
        };
        out.push(
            Finding::new(
                Self::ID,
                Vec::new(),
                vec![en.paragraph],
                format!("no credits block in french (en ¶{} has one)", en.paragraph),
            )
            .texts("", cx.en.text(en.paragraph)),
        );
    }
}
