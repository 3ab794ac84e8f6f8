use super::{Check, CheckDoc, Context};
use crate::finding::{Finding, Severity};

pub struct Untranslated;

impl Check for Untranslated {
    fn id(&self) -> &'static str {
        "untranslated"
    }
    fn default_severity(&self) -> Severity {
        Severity::Warning
    }
    fn summary(&self) -> &'static str {
        "English text left in the French version"
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
