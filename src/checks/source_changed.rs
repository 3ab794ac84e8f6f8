//! `source-changed`: the live English source differs from the snapshot the
//! translation was made from (with `--refetch`).

use super::{declare_check, Context, Run};
use crate::finding::Finding;
use crate::source::drift::word_diff;
use crate::util::{excerpt, para_list, ParaStyle};

/// Words of unchanged context kept on each side of a change in messages.
const DIFF_CONTEXT: usize = 5;

/// A non-empty paragraph list, as the messages write it: `3,4`.
fn list(v: &[usize]) -> String {
    para_list(v, ParaStyle::Column)
}

declare_check! {
    pub struct SourceChanged;
    id: SourceChanged,
    severity: Warning,
    summary: "the English source differs from the snapshot the translation was checked against",
    what: "When a pair holds a snapshot of its English source (en.html + en.meta.json, written by `wirecheck fetch`) and the check runs with --refetch, the live page is fetched again and its extracted paragraphs are compared with the snapshot's. Each English paragraph changed, added or removed since the snapshot is reported with a word-level diff and the French paragraphs it maps to. The rest of the report still checks the French against the snapshot.",
    why: "Agencies update stories after the translation has started (\"adds quote in paragraph 5\", corrected figures). A translation that matched the snapshot can be stale against the live story, and the desk needs to know which French paragraphs to revisit.",
    example: "en ¶3 changed in the live source since the snapshot (fr ¶3 translates the old text): … toll rose to [-16-]{+18+} on Monday …\nparagraph added to the live source since the snapshot (live en ¶6, after en ¶5 / fr ¶5): \"We are still searching,\" the mayor said.",
    settings: Some("Runs only with --refetch on a pair that has a snapshot (or a local English file plus source.toml)."),
}

impl Run for SourceChanged {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let Some(drift) = cx.drift else {
            return;
        };
        let fr_of = |j: usize| -> Vec<usize> {
            cx.alignment
                .bead_of_en(j)
                .map(|b| b.fr.clone())
                .unwrap_or_default()
        };
        let fr_text = |fr: &[usize]| -> String {
            fr.iter()
                .map(|&i| cx.fr.text(i))
                .collect::<Vec<_>>()
                .join(" ")
        };
        for c in &drift.changes {
            match c.kind.as_str() {
                "changed" => {
                    let Some(j) = c.snapshot else { continue };
                    let fr = fr_of(j);
                    let note = if fr.is_empty() {
                        "no fr paragraph translates it".to_string()
                    } else {
                        format!("fr ¶{} translates the old text", list(&fr))
                    };
                    let diff = word_diff(cx.en.text(j), &c.text, Some(DIFF_CONTEXT));
                    let live = c
                        .live
                        .map(|k| format!(", live en ¶{k}"))
                        .unwrap_or_default();
                    let msg = format!("en ¶{j} changed in the live source since the snapshot ({note}{live}): {diff}");
                    let ft = excerpt(&fr_text(&fr), 200);
                    out.push(
                        Finding::new(Self::ID, fr, vec![j], msg).texts(ft, excerpt(&c.text, 200)),
                    );
                }
                "removed" => {
                    let Some(j) = c.snapshot else { continue };
                    let fr = fr_of(j);
                    let note = if fr.is_empty() {
                        "no fr paragraph translates it".to_string()
                    } else {
                        format!("fr ¶{} still translates it", list(&fr))
                    };
                    let msg = format!(
                        "en ¶{j} was removed from the live source since the snapshot ({note})"
                    );
                    let ft = excerpt(&fr_text(&fr), 200);
                    out.push(
                        Finding::new(Self::ID, fr, vec![j], msg)
                            .texts(ft, excerpt(cx.en.text(j), 200)),
                    );
                }
                "added" => {
                    let live = c
                        .live
                        .map(|k| format!("live en ¶{k}"))
                        .unwrap_or_else(|| "live en".into());
                    let place = match c.after {
                        Some(a) => {
                            let fr = fr_of(a);
                            if fr.is_empty() {
                                format!("after en ¶{a}")
                            } else {
                                format!("after en ¶{a} / fr ¶{}", list(&fr))
                            }
                        }
                        None => "at the start".to_string(),
                    };
                    let msg = format!(
                        "paragraph added to the live source since the snapshot ({live}, {place}); no fr paragraph translates it: \"{}\"",
                        excerpt(&c.text, 120)
                    );
                    out.push(
                        Finding::new(Self::ID, vec![], vec![], msg)
                            .texts("", excerpt(&c.text, 200)),
                    );
                }
                _ => {}
            }
        }
    }
}
