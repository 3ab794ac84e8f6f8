use super::{Check, CheckDoc, Context};
use crate::finding::{Finding, Severity};

pub struct CreditsMissing;

impl Check for CreditsMissing {
    fn id(&self) -> &'static str {
        "credits-missing"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "the French version has no credits block although the source has one"
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

pub struct CreditsReporterMissing;

impl Check for CreditsReporterMissing {
    fn id(&self) -> &'static str {
        "credits-reporter-missing"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "a reporter credited in English is not credited in French"
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

pub struct CreditsReporterAdded;

impl Check for CreditsReporterAdded {
    fn id(&self) -> &'static str {
        "credits-reporter-added"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "the French credits name a reporter the English does not"
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

pub struct CreditsLocationMismatch;

impl Check for CreditsLocationMismatch {
    fn id(&self) -> &'static str {
        "credits-location-mismatch"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "a reporter's location differs after exonym mapping"
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

pub struct CreditsNameSpelling;

impl Check for CreditsNameSpelling {
    fn id(&self) -> &'static str {
        "credits-name-spelling"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "a credited name is spelled differently"
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

pub struct CreditsTranslatorMissing;

impl Check for CreditsTranslatorMissing {
    fn id(&self) -> &'static str {
        "credits-translator-missing"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "the French version does not credit its translator(s)"
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

pub struct CreditsEditorMissing;

impl Check for CreditsEditorMissing {
    fn id(&self) -> &'static str {
        "credits-editor-missing"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "the French version does not credit its editor"
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

pub struct CreditsMalformed;

impl Check for CreditsMalformed {
    fn id(&self) -> &'static str {
        "credits-malformed"
    }
    fn default_severity(&self) -> Severity {
        Severity::Warning
    }
    fn summary(&self) -> &'static str {
        "the credits block cannot be fully parsed"
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

pub struct CreditsRoster;

impl Check for CreditsRoster {
    fn id(&self) -> &'static str {
        "credits-roster"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "a French translator or editor is not on the desk roster"
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
