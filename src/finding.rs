//! Findings are plain data: what a check saw, where, on both sides.
//! Severity is assigned by policy after the check runs.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A waiver that matched a finding (see `waivers.rs`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WaiverMark {
    pub reason: String,
    pub by: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub id: String,
    pub severity: Severity,
    pub fr: Vec<usize>,
    pub en: Vec<usize>,
    pub message: String,
    #[serde(default)]
    pub fr_text: String,
    #[serde(default)]
    pub en_text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub waived: Option<WaiverMark>,
}

impl Finding {
    /// A finding with the check's id; severity is filled in by policy later.
    pub fn new(id: &str, fr: Vec<usize>, en: Vec<usize>, message: impl Into<String>) -> Self {
        Finding {
            id: id.to_string(),
            severity: Severity::Warning,
            fr,
            en,
            message: message.into(),
            fr_text: String::new(),
            en_text: String::new(),
            waived: None,
        }
    }

    pub fn texts(mut self, fr_text: impl Into<String>, en_text: impl Into<String>) -> Self {
        self.fr_text = fr_text.into();
        self.en_text = en_text.into();
        self
    }
}
