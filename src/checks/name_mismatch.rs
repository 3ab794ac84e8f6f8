use super::{Check, CheckDoc, Context};
use crate::finding::{Finding, Severity};

pub struct NameMismatch;

impl Check for NameMismatch {
    fn id(&self) -> &'static str {
        "name-mismatch"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "a person, organisation or place named on one side is missing or different on the other"
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
