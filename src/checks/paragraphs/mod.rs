//! Structural findings read straight off the alignment: omitted, added and moved
//! paragraphs.

pub mod paragraph_added;
pub mod paragraph_moved;
pub mod paragraph_omitted;

use crate::checks::{declare_check, Context, Run};
use crate::finding::Finding;
use crate::util::{excerpt, para_list, ParaStyle};

fn idx(v: &[usize]) -> String {
    para_list(v, ParaStyle::Pilcrow)
}
