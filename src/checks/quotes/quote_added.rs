//! `quote-added`: a quotation in French has no English counterpart (possible invented quote).

use super::*;

declare_check! {
    pub struct QuoteAdded;
    id: QuoteAdded,
    severity: Error,
    summary: "a quotation in French has no English counterpart (possible invented quote)",
    what: "For every aligned pair of paragraphs, every French statement in quotation marks (three words or more) must come from the English paragraph: a quotation there (of any length: a two-word English quote can be rendered by a longer French one), or words the English reports. A French quotation whose words the English paragraph does not have is reported, unless a neighbouring English paragraph renders it, or holds a quotation of its own and was left out of the alignment (reported as omitted): then the French is taken to render that quotation freely. It is an error when the quotation stands as a sentence of its own (nothing around it but its attribution) that the English lacks: the French paragraph has more sentences than the English one, or the two lengths agree better without it; otherwise the English has a sentence that may render it without marks or freely, and the finding is one level lower.",
    why: "Putting words in someone's mouth is the gravest error a translation can make; a quotation with no source must be checked before publication.",
    example: "FR ¶7 '« Nous ne reculerons pas », a déclaré Lavrov.' with nothing of the kind in EN ¶7: quote-added, fr_text \"Nous ne reculerons pas\".",
    settings: None,
}

impl Run for QuoteAdded {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for b in cx.alignment.pairs() {
            let bq = bead_quotes(cx, b);
            for k in unpaired(cx, &bq)
                .0
                .into_iter()
                .filter(|&k| !found_nearby(cx, b, bq.fr[k].1, Lang::Fr))
            {
                let (i, q) = bq.fr[k];
                // an added quotation is a sentence of its own the English lacks
                // (a sentence more than the English, or lengths that agree better
                // without it)
                let sure = stands_alone(cx.fr, i, q, Lang::Fr).is_some_and(|len| {
                    sentences(cx.fr, &b.fr) > sentences(cx.en, &b.en)
                        || fits_without(bq.fr_text.chars().count(), bq.en_text.chars().count(), len)
                });
                let why = if sure {
                    ""
                } else {
                    "; the english has a sentence for it, which may render it without quotation marks"
                };
                let who = q
                    .speaker
                    .as_deref()
                    .map(|s| format!(", attributed to {s},"))
                    .unwrap_or_default();
                out.push(
                    Finding::new(
                        Self::ID,
                        vec![i],
                        b.en.clone(),
                        format!(
                            "french quotation (fr ¶{i}){who} has no english source (en ¶{}){why}",
                            para_list(&b.en, ParaStyle::Plus)
                        ),
                    )
                    .texts(excerpt(&q.text, 200), "")
                    .doubtful(!sure),
                );
            }
        }
    }
}
