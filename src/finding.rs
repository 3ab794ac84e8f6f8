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
    SentenceOmitted = "sentence-omitted",
    SentenceAdded = "sentence-added",
    NumberMismatch = "number-mismatch",
    NumberFormat = "number-format",
    CurrencyConverted = "currency-converted",
    DateMismatch = "date-mismatch",
    NameMismatch = "name-mismatch",
    QuoteMissing = "quote-missing",
    QuoteAdded = "quote-added",
    QuoteSpeaker = "quote-speaker",
    LengthRatio = "length-ratio",
    Untranslated = "untranslated",
    ControlCharacters = "control-characters",
    MarkupLimit = "markup-limit",
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
    LanguagesSwapped = "languages-swapped",
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

impl CheckId {
    /// An id as a person may type it: any case, `_` or spaces for `-`
    /// (`Number_Mismatch` = `number-mismatch`).
    pub fn parse_loose(s: &str) -> Option<CheckId> {
        let norm: String = s
            .trim()
            .to_lowercase()
            .split(|c: char| c == '_' || c == '-' || c.is_whitespace())
            .filter(|w| !w.is_empty())
            .collect::<Vec<_>>()
            .join("-");
        norm.parse().ok()
    }

    /// The ids a misspelled or partial one probably meant, best first (at most three):
    /// ids containing it as a part (`number` → `number-mismatch`), then ids close to it
    /// by edit distance (`numbre-mismatch`).
    pub fn suggest(s: &str) -> Vec<CheckId> {
        let q = s.trim().to_lowercase().replace(['_', ' '], "-");
        if q.is_empty() {
            return Vec::new();
        }
        let mut scored: Vec<(f64, CheckId)> = CheckId::ALL
            .iter()
            .filter_map(|&id| {
                let t = id.as_str();
                let part = t.split('-').any(|w| w == q) || (q.len() >= 4 && t.contains(&q));
                let sim = strsim::jaro_winkler(&q, t);
                let score = if part { 1.0 + sim } else { sim };
                (part || sim >= 0.85).then_some((score, id))
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        scored.into_iter().take(3).map(|(_, id)| id).collect()
    }

    /// ` (did you mean `a`, `b`?)`, or empty when nothing is close.
    pub fn did_you_mean(s: &str) -> String {
        let ids = CheckId::suggest(s);
        if ids.is_empty() {
            return String::new();
        }
        let list: Vec<String> = ids.iter().map(|i| format!("`{i}`")).collect();
        format!(" (did you mean {}?)", list.join(", "))
    }
}

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
    /// Set by a check that cannot be sure: the finding gets one level below the
    /// check's policy severity (see [`Finding::lesser`]). Not serialised.
    #[serde(skip)]
    pub lesser: bool,
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
            lesser: false,
        }
    }

    /// Mark the finding as a lesser slip, or one the check cannot be sure of: it
    /// is reported one level below the check's severity (error → warning,
    /// warning → info).
    pub fn lesser(mut self) -> Self {
        self.lesser = true;
        self
    }

    /// [`Finding::lesser`] when `doubtful`: the check could not be sure (its
    /// message says why).
    pub fn doubtful(mut self, doubtful: bool) -> Self {
        self.lesser |= doubtful;
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

    #[test]
    fn loose_ids_and_suggestions() {
        assert_eq!(
            CheckId::parse_loose(" Number_Mismatch "),
            Some(CheckId::NumberMismatch)
        );
        assert_eq!(CheckId::parse_loose("number"), None);
        assert!(CheckId::suggest("number").contains(&CheckId::NumberMismatch));
        assert_eq!(
            CheckId::suggest("numbre-mismatch")[0],
            CheckId::NumberMismatch
        );
        assert!(CheckId::suggest("credits").len() <= 3);
        assert!(CheckId::suggest("zzzz").is_empty());
        assert_eq!(CheckId::did_you_mean("zzzz"), "");
    }
}
