use super::{Check, CheckDoc, Context};
use crate::finding::{Finding, Severity};

pub struct DateMismatch;

impl Check for DateMismatch {
    fn id(&self) -> &'static str {
        "date-mismatch"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "a weekday, month, day of month or year differs between aligned paragraphs"
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
