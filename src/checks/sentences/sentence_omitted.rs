//! `sentence-omitted`: an English sentence or clause inside an aligned paragraph
//! has no French counterpart.

use super::*;

use crate::align::sentences::LONG_SENTENCE;

declare_check! {
    pub struct SentenceOmitted;
    id: SentenceOmitted,
    severity: Warning,
    summary: "an English sentence or clause inside an aligned paragraph has no French counterpart",
    what: "Inside every confidently aligned paragraph group, aligns the sentences of both sides by the same anchors as paragraphs (numbers, names, lexicon, cognates, length), allowing one sentence to become two and two to become one. Reports an English sentence the French leaves out, and a run of clauses of a translated sentence (four content words or more) of which next to nothing is found in the French sentences at that place. A warning when the text holds a name or a number the French paragraph does not render in any spelling (a fact is gone), when a whole sentence or a run of clauses of eight content words or more is gone, or when a whole sentence is found nowhere in a French group whose other sentences the lexicon renders closely and whose length leaves no room for it; information when only a clause or a short sentence's words are missing, which a free translation also shows. The English sentence or clause is the finding's English text.",
    why: "A sentence or a clause dropped inside a paragraph leaves the paragraph paired and its length plausible, so no paragraph check sees that a fact is gone; in real translations it is the most common way content is lost. French desks also condense on purpose, and a free translation can hide a clause from the lexicon: a warning for an editor to read, not an error.",
    example: "EN ¶5 \"In May the port closed, and the union called a strike for June.\" / FR ¶5 « En mai, le port a fermé. »: sentence-omitted, \"and the union called a strike for June.\" has no French counterpart.",
    settings: None,
}

impl Run for SentenceOmitted {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        for g in &cx.sentence_gaps().omitted_en {
            let text = gap_text(cx.en, g);
            let what = if g.whole { "sentence" } else { "clause" };
            out.push(
                Finding::new(
                    Self::ID,
                    g.fr.clone(),
                    vec![g.para],
                    format!(
                        "english {what} of ¶{} has no french counterpart in ¶{}: \"{}\"",
                        g.para,
                        plus(&g.fr),
                        excerpt(text, 100)
                    ),
                )
                .texts(excerpt(&bead_text(cx.fr, &g.fr), 160), excerpt(text, 200))
                // without a name or a number gone, a clause or a short sentence
                // may be words the lexicon does not link (a free translation):
                // information, unless it is long (a free translation rarely
                // hides eight content words) or a sentence absent from the
                // whole French group while the rest of it is rendered
                .doubtful(!g.anchored && g.content < LONG_SENTENCE && !g.absent),
            );
        }
    }
}
