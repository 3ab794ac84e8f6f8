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

    /// One level down (error → warning → info): for a finding its check is not
    /// sure of.
    pub fn lowered(self) -> Severity {
        match self {
            Severity::Error => Severity::Warning,
            _ => Severity::Info,
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Declares [`CheckId`]: one variant per check, with its kebab-case id as written
/// in JSON, TOML and on the command line.
macro_rules! check_ids {
    ($($variant:ident = $id:literal,)*) => {
        /// The id of a check: a closed set, written in kebab-case everywhere outside
        /// the program (`number-mismatch`). Ordered by that text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum CheckId {
            $(#[serde(rename = $id)] $variant,)*
        }

        impl CheckId {
            /// Every id, in report order.
            pub const ALL: &'static [CheckId] = &[$(CheckId::$variant,)*];

            /// The kebab-case id.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(CheckId::$variant => $id,)*
                }
            }
        }
    };
}

check_ids! {
    ParagraphOmitted = "paragraph-omitted",
    ParagraphAdded = "paragraph-added",
    ParagraphMoved = "paragraph-moved",
    NumberMismatch = "number-mismatch",
    DateMismatch = "date-mismatch",
    NameMismatch = "name-mismatch",
    QuoteMissing = "quote-missing",
    QuoteAdded = "quote-added",
    QuoteSpeaker = "quote-speaker",
    LengthRatio = "length-ratio",
    Untranslated = "untranslated",
    DatelineMismatch = "dateline-mismatch",
    AgencyTagMissing = "agency-tag-missing",
    CreditsMissing = "credits-missing",
    CreditsReporterMissing = "credits-reporter-missing",
    CreditsReporterAdded = "credits-reporter-added",
    CreditsLocationMismatch = "credits-location-mismatch",
    CreditsNameSpelling = "credits-name-spelling",
    CreditsTranslatorMissing = "credits-translator-missing",
    CreditsEditorMissing = "credits-editor-missing",
    CreditsMalformed = "credits-malformed",
    CreditsRoster = "credits-roster",
    SourceChanged = "source-changed",
}

impl std::str::FromStr for CheckId {
    type Err = UnknownCheck;
    fn from_str(s: &str) -> Result<CheckId, UnknownCheck> {
        CheckId::ALL
            .iter()
            .copied()
            .find(|c| c.as_str() == s)
            .ok_or(UnknownCheck)
    }
}

/// A string that names no check.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct UnknownCheck;

impl Ord for CheckId {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.as_str().cmp(other.as_str())
    }
}

impl PartialOrd for CheckId {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl std::fmt::Display for CheckId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

impl PartialEq<str> for CheckId {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for CheckId {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

/// The gate's decision on one pair.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    Pass,
    Fail,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Fail => "fail",
        }
    }
}

impl std::fmt::Display for Verdict {
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
    pub id: CheckId,
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
    /// The check could not be sure (its message says why): the finding gets one
    /// level below the check's severity.
    #[serde(skip)]
    pub doubtful: bool,
}

impl Finding {
    /// A finding with the check's id; severity is filled in by policy later.
    pub fn new(id: CheckId, fr: Vec<usize>, en: Vec<usize>, message: impl Into<String>) -> Self {
        Finding {
            id,
            severity: Severity::Warning,
            fr,
            en,
            message: message.into(),
            fr_text: String::new(),
            en_text: String::new(),
            waived: None,
            doubtful: false,
        }
    }

    /// Marks the finding as one the check is not sure of (see [`Finding::doubtful`]).
    pub fn doubtful(mut self, doubtful: bool) -> Self {
        self.doubtful = doubtful;
        self
    }

    pub fn texts(mut self, fr_text: impl Into<String>, en_text: impl Into<String>) -> Self {
        self.fr_text = fr_text.into();
        self.en_text = en_text.into();
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_round_trip_and_order_as_text() {
        for &id in CheckId::ALL {
            assert_eq!(id.as_str().parse::<CheckId>(), Ok(id));
            let json = serde_json::to_string(&id).unwrap();
            assert_eq!(json, format!("\"{id}\""));
        }
        assert!("number-mismatc".parse::<CheckId>().is_err());
        assert!(CheckId::CreditsMissing < CheckId::DateMismatch);
    }
}
