use super::{Check, CheckDoc, Context};
use crate::finding::{Finding, Severity};

pub struct ParagraphOmitted;

impl Check for ParagraphOmitted {
    fn id(&self) -> &'static str {
        "paragraph-omitted"
    }
    fn default_severity(&self) -> Severity {
        Severity::Warning
    }
    fn summary(&self) -> &'static str {
        "an English paragraph has no French counterpart"
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

pub struct ParagraphAdded;

impl Check for ParagraphAdded {
    fn id(&self) -> &'static str {
        "paragraph-added"
    }
    fn default_severity(&self) -> Severity {
        Severity::Warning
    }
    fn summary(&self) -> &'static str {
        "a French paragraph has no English source"
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

pub struct ParagraphMoved;

impl Check for ParagraphMoved {
    fn id(&self) -> &'static str {
        "paragraph-moved"
    }
    fn default_severity(&self) -> Severity {
        Severity::Info
    }
    fn summary(&self) -> &'static str {
        "aligned paragraphs appear in a different order"
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
