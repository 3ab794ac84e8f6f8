//! `control-characters`: terminal control sequences (`ESC [2J`, `ESC ]0;title BEL`)
//! or other control characters in a paragraph. They are not text: the dispatch
//! parse blanks them (see `document::controls`), so no check reads their digits as
//! figures or their letters as words; this check says they were there, once per
//! side, with the first few shown escaped.

use super::{declare_check, Context, Run};
use crate::document::Dispatch;
use crate::finding::Finding;
use crate::util::{escape_control, excerpt, para_list, ParaStyle};

declare_check! {
    pub struct ControlCharacters;
    id: ControlCharacters,
    severity: Warning,
    summary: "a paragraph holds terminal control sequences or control characters, which are not text",
    what: "Fires, once per side, when paragraphs hold ECMA-48 control sequences (CSI such as `ESC [2J`, OSC such as \
           `ESC ]0;title BEL`, other escape sequences) or C0/C1 control characters other than tab and newline. \
           The checks read those paragraphs with the sequences blanked out: their parameters are never taken for \
           figures, names or words. The finding lists the paragraphs and shows the first sequences escaped.",
    why: "Control characters in copy come from a terminal paste or a hostile file; published, they are garbage \
          or worse, and a `0` from `ESC ]0;` or a `2` from `ESC [2J` would otherwise be checked as a figure.",
    example: "fr ¶2: `… 12 morts\\u{1b}[2J …`\n→ control characters in the French text (¶2): `\\u{1b}[2J`; the checks read the paragraph without them",
    settings: None,
}

/// Sequences shown in the message, at most.
const SHOWN: usize = 3;

/// (paragraphs, message excerpt, text excerpt) of one side's control sequences.
fn side(d: &Dispatch) -> Option<(Vec<usize>, String, String)> {
    let paras: Vec<usize> = d
        .paragraphs
        .iter()
        .filter(|p| !p.controls.is_empty())
        .map(|p| p.index)
        .collect();
    let first = d.paragraphs.get(*paras.first()?)?;
    let original = first.original.as_deref().unwrap_or(&first.text);
    let total: usize = d.paragraphs.iter().map(|p| p.controls.len()).sum();
    let mut shown: Vec<String> = d
        .paragraphs
        .iter()
        .filter_map(|p| Some((p.original.as_deref()?, &p.controls)))
        .flat_map(|(o, spans)| spans.iter().filter_map(move |r| o.get(r.clone())))
        .take(SHOWN)
        .map(|s| format!("`{}`", excerpt(&escape_control(s), 24)))
        .collect();
    if total > SHOWN {
        shown.push(format!("and {} more", total - SHOWN));
    }
    Some((
        paras,
        shown.join(", "),
        excerpt(&escape_control(original), 120),
    ))
}

impl Run for ControlCharacters {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        if let Some((paras, shown, text)) = side(cx.fr) {
            let message = format!(
                "control characters in the French text ({}): {shown}; the checks read {} without them",
                para_list(&paras, ParaStyle::Pilcrow),
                if paras.len() == 1 { "the paragraph" } else { "the paragraphs" }
            );
            out.push(Finding::new(Self::ID, paras, Vec::new(), message).texts(text, ""));
        }
        if let Some((paras, shown, text)) = side(cx.en) {
            let message = format!(
                "control characters in the English text ({}): {shown}; the checks read {} without them",
                para_list(&paras, ParaStyle::Pilcrow),
                if paras.len() == 1 { "the paragraph" } else { "the paragraphs" }
            );
            out.push(Finding::new(Self::ID, Vec::new(), paras, message).texts("", text));
        }
    }
}
