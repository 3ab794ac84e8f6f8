//! The French dateline's cities against the English ones, in order, after exonym
//! mapping (`MOSCOU/PÉKIN` = `MOSCOW/BEIJING`, `KIEV` = `KYIV`). A French side whose
//! dateline no longer parses while the English has one is reported too.

use super::bead::head;
use super::{declare_check, Context, Run};
use crate::credits::rules::same_place;
use crate::util::excerpt;

use crate::finding::Finding;

declare_check! {
    pub struct DatelineMismatch;
    id: DatelineMismatch,
    severity: Error,
    summary: "dateline cities differ after exonym mapping, or their order differs",
    what: "Compares the cities of the French dateline with those of the English dateline, one by \
                   one and in order, after exonym mapping (`LONDRES` = `LONDON`, `KIEV` = `KYIV`); a city \
                   kept in its English form is the same city. Also fires when the English has a dateline \
                   and the French paragraph that should carry it has none.",
    why: "The dateline says where the story was filed; a wrong or reordered city misinforms \
                  readers about the source of the reporting.",
    example: "en: `LONDON/PARIS, April 9 (Reuters) - …`; fr: `COPENHAGUE/PARIS (Reuters) - …`: \
                      COPENHAGUE is not LONDON. `PARIS/LONDRES` would be an order difference.",
    settings: Some("Add a missing city under `[[names]]` (en, fr, variants)."),
}

impl Run for DatelineMismatch {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(en) = cx.en.dateline.as_ref() else {
            return;
        };
        let en_text = head(cx.en.text(en.paragraph), en);
        let Some(fr) = cx.fr.dateline.as_ref() else {
            let fr_paras: Vec<usize> = (en.paragraph < cx.fr.paragraphs.len())
                .then_some(en.paragraph)
                .into_iter()
                .collect();
            let fr_text = excerpt(cx.fr.text(en.paragraph), 60);
            out.push(
                Finding::new(
                    Self::ID,
                    fr_paras,
                    vec![en.paragraph],
                    format!(
                        "dateline missing in french: none (fr ¶{}) vs \"{}\" (en ¶{})",
                        en.paragraph,
                        en.cities.join("/"),
                        en.paragraph
                    ),
                )
                .texts(fr_text, en_text),
            );
            return;
        };
        let fr_text = head(cx.fr.text(fr.paragraph), fr);
        let pairwise = fr.cities.len() == en.cities.len()
            && fr
                .cities
                .iter()
                .zip(&en.cities)
                .all(|(a, b)| same_place(cx.names, a, b));
        if pairwise {
            return;
        }
        let (fr_c, en_c) = (fr.cities.join("/"), en.cities.join("/"));
        let reordered = fr.cities.len() == en.cities.len()
            && fr
                .cities
                .iter()
                .all(|a| en.cities.iter().any(|b| same_place(cx.names, a, b)))
            && en
                .cities
                .iter()
                .all(|b| fr.cities.iter().any(|a| same_place(cx.names, a, b)));
        let message = if reordered {
            format!(
                "dateline cities in a different order: \"{fr_c}\" (fr ¶{}) vs \"{en_c}\" (en ¶{})",
                fr.paragraph, en.paragraph
            )
        } else {
            format!(
                "dateline city differs: \"{fr_c}\" (fr ¶{}) vs \"{en_c}\" (en ¶{})",
                fr.paragraph, en.paragraph
            )
        };
        out.push(
            Finding::new(Self::ID, vec![fr.paragraph], vec![en.paragraph], message)
                .texts(fr_text, en_text),
        );
    }
}
