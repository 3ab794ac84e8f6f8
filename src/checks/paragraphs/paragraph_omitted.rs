//! `paragraph-omitted`: an English paragraph has no French counterpart.

use super::*;

declare_check! {
    pub struct ParagraphOmitted;
    id: ParagraphOmitted,
    severity: Warning,
    summary: "an English paragraph has no French counterpart",
    what: "Reports every English paragraph that the alignment could not pair with any French paragraph.",
    why: "French desks condense on purpose, so this is a warning, not an error; but an editor must see what was dropped, in case it was a fact, a quote or a correction the French needs.",
    example: "EN ¶6 \"At a news conference, Wang listed the 'five always'…\" has no French paragraph: paragraph-omitted, en [6].",
    settings: Some("The pairing threshold is thresholds.align-min-score."),
}

impl Run for ParagraphOmitted {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for b in cx.alignment.beads.iter().filter(|b| b.fr.is_empty()) {
            let text =
                b.en.iter()
                    .map(|&j| cx.en.text(j))
                    .collect::<Vec<_>>()
                    .join(" ");
            out.push(
                Finding::new(
                    Self::ID,
                    vec![],
                    b.en.clone(),
                    format!("english {} has no french counterpart", idx(&b.en)),
                )
                .texts("", excerpt(&text, 160)),
            );
        }
    }
}
