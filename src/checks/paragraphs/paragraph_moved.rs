//! `paragraph-moved`: aligned paragraphs appear in a different order.

use super::*;

declare_check! {
    pub struct ParagraphMoved;
    id: ParagraphMoved,
    severity: Info,
    summary: "aligned paragraphs appear in a different order",
    what: "Reports the paragraphs whose English counterpart sits out of order: the smallest set of aligned paragraphs whose removal leaves the rest in the English order.",
    why: "Moving a quote up or background down is normal desk work, so this is information; it tells the editor that the structure changed and where, and keeps a move from being read as one omission plus one addition.",
    example: "FR ¶5 translates EN ¶2 while FR ¶2..4 translate EN ¶3..7: paragraph-moved, fr [5], en [2].",
    settings: None,
}

impl Run for ParagraphMoved {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for b in cx.alignment.beads.iter().filter(|b| b.moved) {
            out.push(
                Finding::new(
                    Self::ID,
                    b.fr.clone(),
                    b.en.clone(),
                    format!(
                        "french {} translates english {}, out of the english order",
                        idx(&b.fr),
                        idx(&b.en)
                    ),
                )
                .texts(
                    excerpt(
                        &b.fr
                            .iter()
                            .map(|&i| cx.fr.text(i))
                            .collect::<Vec<_>>()
                            .join(" "),
                        120,
                    ),
                    excerpt(
                        &b.en
                            .iter()
                            .map(|&j| cx.en.text(j))
                            .collect::<Vec<_>>()
                            .join(" "),
                        120,
                    ),
                ),
            );
        }
    }
}
