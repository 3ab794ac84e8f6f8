//! `credits-malformed`: the credits block cannot be fully parsed.

use super::*;

declare_check! {
    pub struct CreditsMalformed;
    id: CreditsMalformed,
    severity: Warning,
    summary: "the credits block cannot be fully parsed",
    what: "Fires when a credits block (either side) has parts the credits grammar does not \
                   understand: an unknown role label, something that is not a name, a label with no name, \
                   unbalanced or missing brackets. The message quotes what was not understood; the \
                   understood entries are still checked.",
    why: "Credits that cannot be read cannot be checked, and a broken block usually means an \
                  editing slip that readers will see too.",
    example: "fr: `(Reportage Ana Lima; photos de Tom Dale; édité par Léa Gris`: `photos de Tom \
                      Dale` is not a known role and the closing bracket is missing.",
    settings: Some("Turn it off if your desk uses credit forms the grammar does not know."),
}

impl Run for CreditsMalformed {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for (side, block) in [
            ("fr", cx.fr.credits.as_ref()),
            ("en", cx.en.credits.as_ref()),
        ] {
            let Some(b) = block else { continue };
            if b.unparsed.is_empty() {
                continue;
            }
            let parts: Vec<String> = b.unparsed.iter().map(|u| format!("\"{u}\"")).collect();
            out.push(credits_finding(
                cx,
                Self::ID,
                format!(
                    "{side} credits (¶{}) not fully understood: {}",
                    b.paragraph,
                    parts.join(", ")
                ),
            ));
        }
    }
}
