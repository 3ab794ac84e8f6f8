//! `quote-speaker`: a quotation is attributed to a different speaker.

use super::*;

declare_check! {
    pub struct QuoteSpeaker;
    id: QuoteSpeaker,
    severity: Error,
    summary: "a quotation is attributed to a different speaker",
    what: "Pairs the quotations of aligned paragraphs (whole statements or a quoted part of one) and compares their speakers, read from the attribution (`a déclaré X`, `X a ajouté :`, `selon X`; `X said`, `said X`, `according to X`), a pronoun resolved to the last person named (`a-t-il dit`, `she said`) or a job title resolved to the person it last introduced (`la ministre`, `the spokesman`). Only persons are speakers (not a place, a university, a law, a title alone). Names compare through exonyms, transliterations and family names, so Sergueï Lavrov = Lavrov. Reported only when both sides name a speaker; one level lower when one side's speaker is a resolved pronoun, and not at all when both are (each side's pronoun means whoever its own text named last).",
    why: "A quotation given to the wrong person misinforms as badly as an invented one.",
    example: "EN '\"It is over,\" Wang said.' / FR '« C'est fini », a déclaré Lavrov.': quote-speaker, \"Lavrov\" vs \"Wang\".",
    settings: Some("Add transliterations under [[names]] when a speaker's name is spelled differently."),
}

impl Run for QuoteSpeaker {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for b in cx.alignment.pairs() {
            let bq = bead_quotes(cx, b);
            for &(i, q) in bq.fr.iter().filter(|(_, q)| reportable(q)) {
                let Some((_, j, e)) = best_en_for(cx, q, &bq.en) else {
                    continue;
                };
                // a quoted label (« opération militaire spéciale ») is nobody's
                // speech: it has no attribution, so no speaker
                let (Some(fs), Some(es)) = (&q.speaker, &e.speaker) else {
                    continue;
                };
                if same_name(fs, es, cx.names) || by_pronoun(q) && by_pronoun(e) {
                    continue;
                }
                let doubt = by_pronoun(q) || by_pronoun(e);
                out.push(
                    Finding::new(
                        Self::ID,
                        vec![i],
                        vec![j],
                        format!(
                            "quotation attributed to \"{fs}\" (fr ¶{i}) but to \"{es}\" (en ¶{j})"
                        ),
                    )
                    .texts(excerpt(&q.text, 160), excerpt(&e.text, 160))
                    .doubtful(doubt),
                );
            }
        }
    }
}
