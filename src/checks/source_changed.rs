use super::{Check, CheckDoc, Context};
use crate::finding::{Finding, Severity};

pub struct SourceChanged;

impl Check for SourceChanged {
    fn id(&self) -> &'static str {
        "source-changed"
    }
    fn default_severity(&self) -> Severity {
        Severity::Warning
    }
    fn summary(&self) -> &'static str {
        "the English source differs from the snapshot the translation was checked against"
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
