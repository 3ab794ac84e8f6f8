//! `quote-speaker`: a quotation is attributed to a different speaker.

use super::*;

declare_check! {
    pub struct QuoteSpeaker;
    id: QuoteSpeaker,
    severity: Error,
    summary: "a quotation is attributed to a different speaker",
    what: "Pairs the quotations of aligned paragraphs and compares their speakers, read from the attribution (`a déclaré X`, `X a ajouté :`, `selon X`, `a-t-il dit` resolved to the last person named; `X said`, `said X`, `according to X`). Names compare through exonyms and transliterations, so Sergueï Lavrov = Lavrov. Reported only when both sides name a speaker.",
    why: "A quotation given to the wrong person misinforms as badly as an invented one.",
    example: "EN '\"It is over,\" Wang said.' / FR '« C'est fini », a déclaré Lavrov.': quote-speaker, \"Lavrov\" vs \"Wang\".",
    settings: Some("Add transliterations under [[names]] when a speaker's name is spelled differently."),
}

impl Run for QuoteSpeaker {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for b in cx.alignment.pairs() {
            let bq = bead_quotes(cx, b);
            for &(i, q) in &bq.fr {
                let Some((_, j, e)) = best_en_for(cx, q, &bq.en) else {
                    continue;
                };
                // a quoted label (« opération militaire spéciale ») is nobody's speech
                if !is_statement(&q.text) || !is_statement(&e.text) {
                    continue;
                }
                let (Some(fs), Some(es)) = (&q.speaker, &e.speaker) else {
                    continue;
                };
                if same_name(fs, es, cx.names) {
                    continue;
                }
                out.push(
                    Finding::new(
                        Self::ID,
                        vec![i],
                        vec![j],
                        format!(
                            "quotation attributed to \"{fs}\" (fr ¶{i}) but to \"{es}\" (en ¶{j})"
                        ),
                    )
                    .texts(excerpt(&q.text, 160), excerpt(&e.text, 160)),
                );
            }
        }
    }
}
