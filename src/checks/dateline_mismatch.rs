use super::{Check, CheckDoc, Context};
use crate::finding::{Finding, Severity};

pub struct DatelineMismatch;

impl Check for DatelineMismatch {
    fn id(&self) -> &'static str {
        "dateline-mismatch"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "dateline cities differ after exonym mapping, or their order differs"
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
