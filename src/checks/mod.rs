//! Every check, one file each, in one static registry. A check reads the two parsed
//! dispatches and their alignment and pushes plain [`Finding`]s; policy assigns
//! severity afterwards. `wirecheck checks` and `wirecheck explain` come from here.

mod agency_tag_missing;
mod credits_checks;
mod date_mismatch;
mod dateline_mismatch;
mod length_ratio;
pub(crate) mod name_mismatch;
mod number_mismatch;
mod paragraphs;
mod quotes;
mod source_changed;
mod untranslated;

use crate::align::similarity::SnippetCache;
use crate::align::Alignment;
use crate::document::Dispatch;
use crate::finding::{Finding, Severity};
use crate::lang::exonyms::ExonymTable;
use crate::policy::Policy;
use crate::source::drift::Drift;

/// The long documentation of a check, clippy style.
pub struct CheckDoc {
    pub what: &'static str,
    pub why: &'static str,
    pub example: &'static str,
    pub configure: &'static str,
}

/// What every check sees.
pub struct Context<'a> {
    pub fr: &'a Dispatch,
    pub en: &'a Dispatch,
    pub alignment: &'a Alignment,
    pub policy: &'a Policy,
    pub names: &'a ExonymTable,
    /// Source drift since the snapshot, when the source was re-fetched.
    pub drift: Option<&'a Drift>,
    /// Snippet keys already made for this pair (quotation checks).
    pub snippets: SnippetCache,
}

impl Context<'_> {
    /// [`SnippetCache::coverage`] with this pair's cache and name table.
    pub fn snippet_coverage(&self, fr: &str, en: &str) -> (f64, f64) {
        self.snippets.coverage(fr, en, self.names)
    }
}

pub trait Check: Sync {
    fn id(&self) -> &'static str;
    fn default_severity(&self) -> Severity;
    fn summary(&self) -> &'static str;
    fn doc(&self) -> CheckDoc;
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>);
}

/// All checks, in report order.
pub static REGISTRY: &[&dyn Check] = &[
    &paragraphs::ParagraphOmitted,
    &paragraphs::ParagraphAdded,
    &paragraphs::ParagraphMoved,
    &number_mismatch::NumberMismatch,
    &date_mismatch::DateMismatch,
    &name_mismatch::NameMismatch,
    &quotes::QuoteMissing,
    &quotes::QuoteAdded,
    &quotes::QuoteSpeaker,
    &length_ratio::LengthRatio,
    &untranslated::Untranslated,
    &dateline_mismatch::DatelineMismatch,
    &agency_tag_missing::AgencyTagMissing,
    &credits_checks::CreditsMissing,
    &credits_checks::CreditsReporterMissing,
    &credits_checks::CreditsReporterAdded,
    &credits_checks::CreditsLocationMismatch,
    &credits_checks::CreditsNameSpelling,
    &credits_checks::CreditsTranslatorMissing,
    &credits_checks::CreditsEditorMissing,
    &credits_checks::CreditsMalformed,
    &credits_checks::CreditsRoster,
    &source_changed::SourceChanged,
];

pub fn find(id: &str) -> Option<&'static dyn Check> {
    REGISTRY.iter().copied().find(|c| c.id() == id)
}

/// Run every enabled check and give each finding its policy severity.
pub fn run_all(cx: &Context<'_>) -> Vec<Finding> {
    let mut all = Vec::new();
    for check in REGISTRY {
        let Some(sev) = cx.policy.severity(check.id()) else {
            continue;
        };
        let mut out = Vec::new();
        check.run(cx, &mut out);
        for mut f in out {
            f.severity = sev;
            all.push(f);
        }
    }
    all
}

/// Below this similarity a pairing is a guess (the aligner found nothing better):
/// content checks that compare words (names) leave such beads alone rather than
/// report the difference between two unrelated paragraphs.
pub const CONFIDENT_SCORE: f64 = 0.2;

/// Is this bead's pairing sure enough to compare its contents word by word?
pub fn confident(b: &crate::align::Bead) -> bool {
    b.score.is_none_or(|s| s >= CONFIDENT_SCORE)
}

/// Paragraph indices as messages write them: `3`, `5+6`.
pub fn para_list(v: &[usize]) -> String {
    v.iter()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join("+")
}

/// Shorten a text for a finding excerpt: at most `max` chars, on a char boundary.
pub fn excerpt(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max).collect();
    out.push('…');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_kebab_case_and_documented() {
        let mut seen = std::collections::HashSet::new();
        for c in REGISTRY {
            let id = c.id();
            assert!(seen.insert(id), "duplicate id {id}");
            assert!(
                id.chars().all(|ch| ch.is_ascii_lowercase() || ch == '-'),
                "{id}"
            );
            assert!(!c.summary().is_empty(), "{id} summary");
            let d = c.doc();
            for (part, text) in [
                ("what", d.what),
                ("why", d.why),
                ("example", d.example),
                ("configure", d.configure),
            ] {
                assert!(
                    text.len() >= 20,
                    "{id}: doc part {part} is missing or too short"
                );
            }
        }
    }

    #[test]
    fn contract_ids_are_all_present_with_default_severities() {
        use Severity::*;
        let expected = [
            ("paragraph-omitted", Warning),
            ("paragraph-added", Warning),
            ("paragraph-moved", Info),
            ("number-mismatch", Error),
            ("date-mismatch", Error),
            ("name-mismatch", Error),
            ("quote-missing", Warning),
            ("quote-added", Error),
            ("quote-speaker", Error),
            ("length-ratio", Warning),
            ("untranslated", Warning),
            ("dateline-mismatch", Error),
            ("agency-tag-missing", Error),
            ("credits-missing", Error),
            ("credits-reporter-missing", Error),
            ("credits-reporter-added", Error),
            ("credits-location-mismatch", Error),
            ("credits-name-spelling", Error),
            ("credits-translator-missing", Error),
            ("credits-editor-missing", Error),
            ("credits-malformed", Warning),
            ("source-changed", Warning),
        ];
        for (id, sev) in expected {
            let c = find(id).unwrap_or_else(|| panic!("missing check {id}"));
            assert_eq!(c.default_severity(), sev, "{id}");
        }
    }
}
