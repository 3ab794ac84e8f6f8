//! `paragraph-added`: a French paragraph has no English source.

use super::*;

declare_check! {
    pub struct ParagraphAdded;
    id: ParagraphAdded,
    severity: Warning,
    summary: "a French paragraph has no English source",
    what: "Reports every French paragraph that the alignment could not pair with any English paragraph.",
    why: "Desks add context paragraphs, which is legitimate; but a paragraph with no source is also where invented or misplaced copy (a paragraph pasted from another story) shows up.",
    example: "FR ¶6 \"Les deux dirigeants se sont déjà rencontrés plus de quarante fois.\" matches no English paragraph: paragraph-added, fr [6].",
    settings: Some("The pairing threshold is thresholds.align-min-score."),
}

impl Run for ParagraphAdded {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for b in cx.alignment.beads.iter().filter(|b| b.en.is_empty()) {
            let text =
                b.fr.iter()
                    .map(|&i| cx.fr.text(i))
                    .collect::<Vec<_>>()
                    .join(" ");
            out.push(
                Finding::new(
                    Self::ID,
                    b.fr.clone(),
                    vec![],
                    format!("french {} has no english source", idx(&b.fr)),
                )
                .texts(excerpt(&text, 160), ""),
            );
        }
    }
}
