use super::{Check, CheckDoc, Context};
use crate::finding::{Finding, Severity};

pub struct LengthRatio;

impl Check for LengthRatio {
    fn id(&self) -> &'static str {
        "length-ratio"
    }
    fn default_severity(&self) -> Severity {
        Severity::Warning
    }
    fn summary(&self) -> &'static str {
        "aligned text is much shorter or longer than a translation would be"
    }
    fn doc(&self) -> CheckDoc {
        CheckDoc {
            what: "TODO",
            why: "TODO",
            example: "TODO",
            configure: "TODO",
        }
    }
    fn run(&self, _cx: &Context<'_>, _out: &mut Vec<Finding>) {}
}
