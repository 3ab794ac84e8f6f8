//! `quote-missing`: a quotation in the English paragraph has no counterpart in its French paragraph.

use super::*;

declare_check! {
    pub struct QuoteMissing;
    id: QuoteMissing,
    severity: Warning,
    summary: "a quotation in the English paragraph has no counterpart in its French paragraph",
    what: "For every aligned pair of paragraphs, every English quotation of three content words or more must be rendered in the French paragraph, as a quotation or as indirect speech (enough of its words translated). Quotations inside omitted paragraphs are not reported again: paragraph-omitted already covers them.",
    why: "Dropping what someone said changes the story's balance; desks condense, so this is a warning the editor weighs.",
    example: "EN ¶4 '\"We will respond,\" Lavrov said.' / FR ¶4 'Lavrov s'est exprimé mardi.': quote-missing, en_text \"We will respond\".",
    settings: None,
}

impl Run for QuoteMissing {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for b in cx.alignment.pairs() {
            let bq = bead_quotes(cx, b);
            for k in unpaired(cx, &bq)
                .1
                .into_iter()
                .filter(|&k| !found_nearby(cx, b, bq.en[k].1, Lang::En))
            {
                let (j, q) = bq.en[k];
                out.push(
                    Finding::new(
                        Self::ID,
                        b.fr.clone(),
                        vec![j],
                        format!(
                            "english quotation (en ¶{j}) has no counterpart in the french (fr ¶{})",
                            para_list(&b.fr, ParaStyle::Plus)
                        ),
                    )
                    .texts("", excerpt(&q.text, 200)),
                );
            }
        }
    }
}
