use super::{Check, CheckDoc, Context};
use crate::finding::{Finding, Severity};

pub struct QuoteMissing;

impl Check for QuoteMissing {
    fn id(&self) -> &'static str {
        "quote-missing"
    }
    fn default_severity(&self) -> Severity {
        Severity::Warning
    }
    fn summary(&self) -> &'static str {
        "a quotation in the English paragraph has no counterpart in its French paragraph"
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

pub struct QuoteAdded;

impl Check for QuoteAdded {
    fn id(&self) -> &'static str {
        "quote-added"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "a quotation in French has no English counterpart (possible invented quote)"
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

pub struct QuoteSpeaker;

impl Check for QuoteSpeaker {
    fn id(&self) -> &'static str {
        "quote-speaker"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "a quotation is attributed to a different speaker"
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
