//! Sentences inside aligned paragraphs: `sentence-omitted` (an English sentence
//! or clause the French paragraph leaves out) and `sentence-added` (a French
//! sentence with no English source). The sentence alignment and its gaps are
//! made once per pair ([`crate::align::sentences`], through
//! [`Context::sentence_gaps`]); these checks report them.

pub mod sentence_added;
pub mod sentence_omitted;

use crate::align::sentences::Gap;
use crate::checks::bead::bead_text;
use crate::checks::{declare_check, Context, Run};
use crate::document::Dispatch;
use crate::finding::Finding;
use crate::util::{excerpt, para_list, ParaStyle};

/// The text of a gap, as written in its paragraph.
fn gap_text<'a>(d: &'a Dispatch, g: &Gap) -> &'a str {
    d.body(g.para).get(g.span.0..g.span.1).unwrap_or("")
}

fn plus(v: &[usize]) -> String {
    para_list(v, ParaStyle::Plus)
}
