//! `length-ratio`: an aligned French paragraph far shorter (or longer) than a
//! translation of its English paragraph would be: a partial translation, or text
//! pasted in. French runs about 15 % longer than English.

use super::{declare_check, Context, Run};
use crate::checks::bead::bead_text;
use crate::finding::Finding;
use crate::util::{excerpt, para_list, ParaStyle};

declare_check! {
    pub struct LengthRatio;
    id: LengthRatio,
    severity: Warning,
    summary: "aligned text is much shorter or longer than a translation would be",
    what: "Compares the length in characters of every aligned French paragraph group with its English group (dateline and credits left out). French usually runs 10-20 % longer than English; a ratio below thresholds.length-ratio-min (0.45) or above length-ratio-max (2.4) is reported when the English has at least length-ratio-min-chars (80) characters.",
    why: "A paragraph translated only halfway still aligns with its source, so no other check sees it; the length gives it away.",
    example: "EN ¶5 has 420 characters, FR ¶5 has 150 (ratio 0.36): length-ratio, \"french ¶5 is 0.36 times the length of english ¶5\".",
    settings: Some("[thresholds]\nlength-ratio-min = 0.5\nlength-ratio-max = 2.0\nlength-ratio-min-chars = 120"),
}

impl Run for LengthRatio {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let t = &cx.policy.thresholds;
        for b in cx.alignment.pairs() {
            let fr = bead_text(cx.fr, &b.fr);
            let en = bead_text(cx.en, &b.en);
            let (cf, ce) = (fr.chars().count(), en.chars().count());
            if ce < t.length_ratio_min_chars || cf == 0 {
                continue;
            }
            let ratio = cf as f64 / ce as f64;
            let what = if ratio < t.length_ratio_min {
                "shorter than a translation would be (partial translation?)"
            } else if ratio > t.length_ratio_max {
                "longer than a translation would be (text added?)"
            } else {
                continue;
            };
            out.push(
                Finding::new(
                    Self::ID,
                    b.fr.clone(),
                    b.en.clone(),
                    format!(
                        "french ¶{} is {ratio:.2} times the length of english ¶{}: {what}",
                        para_list(&b.fr, ParaStyle::Plus),
                        para_list(&b.en, ParaStyle::Plus)
                    ),
                )
                .texts(excerpt(&fr, 160), excerpt(&en, 160)),
            );
        }
    }
}
