//! Structural findings read straight off the alignment: omitted, added and moved
//! paragraphs.

use super::{excerpt, Check, CheckDoc, Context};
use crate::finding::{Finding, Severity};

fn idx(v: &[usize]) -> String {
    v.iter()
        .map(|i| format!("¶{i}"))
        .collect::<Vec<_>>()
        .join("+")
}

pub struct ParagraphOmitted;

impl Check for ParagraphOmitted {
    fn id(&self) -> &'static str {
        "paragraph-omitted"
    }
    fn default_severity(&self) -> Severity {
        Severity::Warning
    }
    fn summary(&self) -> &'static str {
        "an English paragraph has no French counterpart"
    }
    fn doc(&self) -> CheckDoc {
        CheckDoc {
            what: "Reports every English paragraph that the alignment could not pair with any French paragraph.",
            why: "French desks condense on purpose, so this is a warning, not an error; but an editor must see what was dropped, in case it was a fact, a quote or a correction the French needs.",
            example: "EN ¶6 \"At a news conference, Wang listed the 'five always'…\" has no French paragraph: paragraph-omitted, en [6].",
            configure: "[checks]\nparagraph-omitted = \"error\"   # make every omission block publication\nThe pairing threshold is thresholds.align-min-score.",
        }
    }
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for b in cx.alignment.beads.iter().filter(|b| b.fr.is_empty()) {
            let text =
                b.en.iter()
                    .map(|&j| cx.en.text(j))
                    .collect::<Vec<_>>()
                    .join(" ");
            out.push(
                Finding::new(
                    self.id(),
                    vec![],
                    b.en.clone(),
                    format!("english {} has no french counterpart", idx(&b.en)),
                )
                .texts("", excerpt(&text, 160)),
            );
        }
    }
}

pub struct ParagraphAdded;

impl Check for ParagraphAdded {
    fn id(&self) -> &'static str {
        "paragraph-added"
    }
    fn default_severity(&self) -> Severity {
        Severity::Warning
    }
    fn summary(&self) -> &'static str {
        "a French paragraph has no English source"
    }
    fn doc(&self) -> CheckDoc {
        CheckDoc {
            what: "Reports every French paragraph that the alignment could not pair with any English paragraph.",
            why: "Desks add context paragraphs, which is legitimate; but a paragraph with no source is also where invented or misplaced copy (a paragraph pasted from another story) shows up.",
            example: "FR ¶6 \"Les deux dirigeants se sont déjà rencontrés plus de quarante fois.\" matches no English paragraph: paragraph-added, fr [6].",
            configure: "[checks]\nparagraph-added = \"error\"   # require every French paragraph to have a source\nThe pairing threshold is thresholds.align-min-score.",
        }
    }
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for b in cx.alignment.beads.iter().filter(|b| b.en.is_empty()) {
            let text =
                b.fr.iter()
                    .map(|&i| cx.fr.text(i))
                    .collect::<Vec<_>>()
                    .join(" ");
            out.push(
                Finding::new(
                    self.id(),
                    b.fr.clone(),
                    vec![],
                    format!("french {} has no english source", idx(&b.fr)),
                )
                .texts(excerpt(&text, 160), ""),
            );
        }
    }
}

pub struct ParagraphMoved;

impl Check for ParagraphMoved {
    fn id(&self) -> &'static str {
        "paragraph-moved"
    }
    fn default_severity(&self) -> Severity {
        Severity::Info
    }
    fn summary(&self) -> &'static str {
        "aligned paragraphs appear in a different order"
    }
    fn doc(&self) -> CheckDoc {
        CheckDoc {
            what: "Reports the paragraphs whose English counterpart sits out of order: the smallest set of aligned paragraphs whose removal leaves the rest in the English order.",
            why: "Moving a quote up or background down is normal desk work, so this is information; it tells the editor that the structure changed and where, and keeps a move from being read as one omission plus one addition.",
            example: "FR ¶5 translates EN ¶2 while FR ¶2..4 translate EN ¶3..7: paragraph-moved, fr [5], en [2].",
            configure: "[checks]\nparagraph-moved = \"off\"   # or \"warning\" to make moves stand out",
        }
    }
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for b in cx.alignment.beads.iter().filter(|b| b.moved) {
            out.push(
                Finding::new(
                    self.id(),
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
