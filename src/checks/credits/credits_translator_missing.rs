//! `credits-translator-missing`: the French version does not credit its translator(s).

use super::*;

declare_check! {
    pub struct CreditsTranslatorMissing;
    id: CreditsTranslatorMissing,
    severity: Error,
    summary: "the French version does not credit its translator(s)",
    what: "The French credits block must name its translator(s): `version française T`, `T pour \
                   la version française`, `traduit par T` or `Traduction T`.",
    why: "The translator is responsible for the French text; an uncredited translation cannot be \
                  traced back to the person who answers for it.",
    example: "fr: `(Reportage Ana Lima; édité par Léa Gris)`: no `version française` part.",
    settings: Some("Restrict who may translate with `[credits] roster`."),
}

impl Run for CreditsTranslatorMissing {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(fr) = cx.fr.credits.as_ref() else {
            return;
        };
        if fr.has_role(Role::Translator) {
            return;
        }
        out.push(credits_finding(
            cx,
            Self::ID,
            format!(
                "french credits (fr ¶{}) name no translator (en ¶{})",
                fr.paragraph,
                para_label(cx.en.credits.as_ref())
            ),
        ));
    }
}
