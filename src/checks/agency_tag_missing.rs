use super::{Check, CheckDoc, Context};
use crate::finding::{Finding, Severity};

pub struct AgencyTagMissing;

impl Check for AgencyTagMissing {
    fn id(&self) -> &'static str {
        "agency-tag-missing"
    }
    fn default_severity(&self) -> Severity {
        Severity::Error
    }
    fn summary(&self) -> &'static str {
        "the source carries an agency tag such as (Reuters) and the French does not"
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
