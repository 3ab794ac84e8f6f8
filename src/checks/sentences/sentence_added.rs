//! `sentence-added`: a French sentence inside an aligned paragraph has no English
//! source.

use super::*;

declare_check! {
    pub struct SentenceAdded;
    id: SentenceAdded,
    severity: Info,
    summary: "a French sentence inside an aligned paragraph has no English source",
    what: "Inside every confidently aligned paragraph group, aligns the sentences of both sides (as sentence-omitted does) and reports a French sentence of four content words or more that no English sentence at that place renders.",
    why: "Desks add a sentence of context for French readers, which is legitimate, so this is information; but a sentence with no source is also where an invented detail or a sentence pasted from another story shows up.",
    example: "EN ¶3 \"The port closed in May.\" / FR ¶3 « Le port a fermé en mai. Il avait déjà été fermé trois semaines en 2019. »: sentence-added, the second French sentence.",
    settings: None,
}

impl Run for SentenceAdded {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for g in &cx.sentence_gaps().added_fr {
            let text = gap_text(cx.fr, g);
            out.push(
                Finding::new(
                    Self::ID,
                    vec![g.para],
                    g.en.clone(),
                    format!(
                        "french sentence of ¶{} has no english source in ¶{}: \"{}\"",
                        g.para,
                        plus(&g.en),
                        excerpt(text, 100)
                    ),
                )
                .texts(excerpt(text, 200), excerpt(&bead_text(cx.en, &g.en), 160)),
            );
        }
    }
}
