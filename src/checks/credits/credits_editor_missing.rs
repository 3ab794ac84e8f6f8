//! `credits-editor-missing`: the French version does not credit its editor.

use super::*;

declare_check! {
    pub struct CreditsEditorMissing;
    id: CreditsEditorMissing,
    severity: Error,
    summary: "the French version does not credit its editor",
    what: "The French credits block must name the French editor (`édité par E`, `Édition E`). \
                   The English editors (`Editing by`) are never expected in the French block.",
    why: "Every published French version is checked by an editor of the French desk, and the \
                  credits say who.",
    example: "fr: `(Reportage Ana Lima; version française Zoé Roux)`: no `édité par` part.",
    settings: Some("Restrict who may edit with `[credits] roster`."),
}

impl Run for CreditsEditorMissing {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(fr) = cx.fr.credits.as_ref() else {
            return;
        };
        if fr.has_role(Role::Editor) {
            return;
        }
        out.push(credits_finding(
            cx,
            Self::ID,
            format!(
                "french credits (fr ¶{}) name no editor (en ¶{})",
                fr.paragraph,
                para_label(cx.en.credits.as_ref())
            ),
        ));
    }
}
