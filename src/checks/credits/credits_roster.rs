//! `credits-roster`: a French translator or editor is not on the desk roster.

use super::*;

declare_check! {
    pub struct CreditsRoster;
    id: CreditsRoster,
    severity: Error,
    summary: "a French translator or editor is not on the desk roster",
    what: "When a desk roster is configured, every translator and editor named in the French \
                   credits must be on it, spelled exactly as on the roster (after Unicode NFC). Without a \
                   roster this check is silent.",
    why: "Only desk members may sign a French version; a name off the roster is a typo or a \
                  credit copied from another story.",
    example: "roster = [\"Zoé Roux\", \"Léa Gris\"]; fr: `version française Zoe Roux, édité par Léa \
                      Gris`: `Zoe Roux` is not on the roster.",
    settings: Some("List names under `[credits] roster = [\"…\"]` or point `[credits] roster-file` at a file with one name per line."),
}

impl Run for CreditsRoster {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let roster: Vec<String> = cx
            .policy
            .credits
            .roster
            .iter()
            .map(|n| nfc(n.trim()))
            .collect();
        if roster.is_empty() {
            return;
        }
        let Some(fr) = cx.fr.credits.as_ref() else {
            return;
        };
        for e in fr
            .entries
            .iter()
            .filter(|e| matches!(e.role, Role::Translator | Role::Editor))
        {
            let name = nfc(&e.name);
            if roster.contains(&name) {
                continue;
            }
            let hint = roster
                .iter()
                .find(|r| rules::near_miss(r, &name).is_some())
                .map(|r| format!(" (did you mean \"{r}\"?)"))
                .unwrap_or_default();
            out.push(credits_finding(
                cx,
                Self::ID,
                format!(
                    "{} \"{}\" (fr ¶{}) is not on the desk roster{hint}",
                    e.role.label(),
                    e.name,
                    fr.paragraph
                ),
            ));
        }
    }
}
