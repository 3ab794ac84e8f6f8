//! The report: everything a check produced, in one plain struct that every format
//! renders (`json`, `text`, `csv`, `html`).

pub mod csv;
pub mod html;
pub mod json;
pub mod junit;
pub mod sarif;
pub mod text;

use serde::Serialize;

use crate::align::Bead;
use crate::credits::CreditEntry;
use crate::document::wire::WireInfo;
use crate::document::Dateline;
use crate::finding::{Finding, Severity, Verdict};
use crate::source::drift::Drift;
use crate::source::Provenance;
pub use crate::waivers::StaleWaiver;

/// How the reports number paragraphs, said in every report for people.
pub const PARAGRAPH_NOTE: &str = "¶ numbers count the paragraphs of each file from 0: \
¶0 is the first block (the headline), ¶1 the next (the lede, with the dateline).";

#[derive(Debug, Clone, Serialize)]
pub struct ToolInfo {
    pub name: &'static str,
    pub version: &'static str,
}

#[derive(Debug, Clone, Serialize)]
pub struct Side {
    pub source: String,
    pub sha256: String,
    pub paragraphs: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub provenance: Option<Provenance>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dateline: Option<Dateline>,
    /// The wire item the side came from (ninjs, NewsML-G2): its `uri`,
    /// `versioncreated` and the parts its metadata gave.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub wire: Option<WireInfo>,
}

#[derive(Debug, Clone, Serialize, Default)]
pub struct CreditsReport {
    pub fr: Vec<CreditEntry>,
    pub en: Vec<CreditEntry>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RunInfo {
    pub policy_sha256: String,
    pub policy_sources: Vec<String>,
    pub checked_at: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub schema: u32,
    pub tool: ToolInfo,
    pub verdict: Verdict,
    pub fail_on: &'static str,
    /// Findings by severity, waived ones apart (`Report::counts` at the time of the report).
    pub counts: Counts,
    pub fr: Side,
    pub en: Side,
    pub alignment: Vec<Bead>,
    pub findings: Vec<Finding>,
    pub credits: CreditsReport,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub stale_waivers: Vec<StaleWaiver>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub drift: Option<Drift>,
    pub run: RunInfo,
}

impl Report {
    pub fn passed(&self) -> bool {
        self.verdict == Verdict::Pass
    }

    /// The checks whose findings fail the gate (not waived, at or above `fail_on`),
    /// each once, in report order.
    pub fn failing_checks(&self) -> Vec<crate::finding::CheckId> {
        use crate::policy::FailOn;
        let fail_on = match self.fail_on {
            "error" => FailOn::Error,
            "warning" => FailOn::Warning,
            _ => FailOn::Never,
        };
        let mut out = Vec::new();
        for f in &self.findings {
            if f.waived.is_none() && fail_on.blocks(f.severity) && !out.contains(&f.id) {
                out.push(f.id);
            }
        }
        out
    }

    /// Count of findings at each severity (waived ones excluded).
    pub fn counts(&self) -> Counts {
        let mut c = Counts::default();
        for f in &self.findings {
            if f.waived.is_some() {
                c.waived += 1;
                continue;
            }
            match f.severity {
                Severity::Error => c.error += 1,
                Severity::Warning => c.warning += 1,
                Severity::Info => c.info += 1,
            }
        }
        c
    }
}

/// In the JSON report: `"counts": {"errors": 1, "warnings": 0, "info": 2, "waived": 1}`.
#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct Counts {
    #[serde(rename = "errors")]
    pub error: usize,
    #[serde(rename = "warnings")]
    pub warning: usize,
    pub info: usize,
    pub waived: usize,
}
