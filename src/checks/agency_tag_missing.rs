//! The agency tag of the dateline (`(Reuters)`) must survive in the French. When the
//! French dateline no longer parses, the paragraph's opening is searched for the tag.

use super::{declare_check, Context, Run};
use crate::checks::bead::head;
use crate::finding::Finding;
use crate::lang::text::fold;
use crate::util::excerpt;

declare_check! {
    pub struct AgencyTagMissing;
    id: AgencyTagMissing,
    severity: Error,
    summary: "the source carries an agency tag such as (Reuters) and the French does not",
    what: "Fires when the English dateline carries an agency tag such as `(Reuters)` and the French \
                   dateline has none, or names a different agency.",
    why: "The agency tag attributes the story to its source; dropping or changing it misattributes \
                  copyrighted wire copy.",
    example: "en: `SEOUL, July 1 (Reuters) - …`; fr: `SÉOUL - …`: the `(Reuters)` tag was dropped.",
    settings: Some("Turn it off for a desk that rewrites agency copy under its own name."),
}

impl Run for AgencyTagMissing {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(en) = cx.en.dateline.as_ref() else {
            return;
        };
        let Some(agency) = en.agency.as_deref() else {
            return;
        };
        let en_text = head(cx.en.text(en.paragraph), en);
        let tag = format!("({agency})");
        match cx.fr.dateline.as_ref() {
            // a dateline written from the item's `located` field carries no tag: the
            // metadata cannot say whether the published page shows one
            Some(fr)
                if fr.agency.is_none()
                    && cx.fr.metadata_field(fr.paragraph, "dateline") == Some("located") => {}
            Some(fr) => {
                let fr_text = head(cx.fr.text(fr.paragraph), fr);
                let message = match fr.agency.as_deref() {
                    None => format!(
                        "agency tag missing: none (fr ¶{}) vs \"{tag}\" (en ¶{})",
                        fr.paragraph, en.paragraph
                    ),
                    Some(a) if fold(a) != fold(agency) => format!(
                        "agency tag differs: \"({a})\" (fr ¶{}) vs \"{tag}\" (en ¶{})",
                        fr.paragraph, en.paragraph
                    ),
                    Some(_) => return,
                };
                out.push(
                    Finding::new(Self::ID, vec![fr.paragraph], vec![en.paragraph], message)
                        .texts(fr_text, en_text),
                );
            }
            None => {
                // no parsable French dateline: look for the tag in the paragraph's opening
                let p = en.paragraph;
                if p >= cx.fr.paragraphs.len() {
                    return;
                }
                let opening: String = cx.fr.text(p).chars().take(160).collect();
                if fold(&opening).contains(&fold(&tag)) {
                    return;
                }
                out.push(
                    Finding::new(
                        Self::ID,
                        vec![p],
                        vec![p],
                        format!("agency tag missing: none (fr ¶{p}) vs \"{tag}\" (en ¶{p})"),
                    )
                    .texts(excerpt(&opening, 60), en_text),
                );
            }
        }
    }
}
