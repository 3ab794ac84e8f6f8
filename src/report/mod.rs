//! The report: everything a check produced, in one plain struct that every format
//! renders (`json`, `text`, `csv`, `html`).

pub mod csv;
pub mod html;
pub mod json;
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

#[derive(Debug, Clone, Copy, Default, Serialize, PartialEq, Eq)]
pub struct Counts {
    pub error: usize,
    pub warning: usize,
    pub info: usize,
    pub waived: usize,
}
