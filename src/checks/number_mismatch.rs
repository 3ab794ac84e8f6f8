use super::{Check, CheckDoc, Context};
use crate::finding::{Finding, Severity};

pub struct NumberMismatch;

impl Check for NumberMismatch {
    fn id(&self) -> &'static str {
        "number-mismatch"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "a quantity differs between aligned paragraphs after locale normalisation"
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
