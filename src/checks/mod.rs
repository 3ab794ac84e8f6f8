//! Every check, one file per check id, in one static registry. A check reads the
//! two parsed dispatches and their alignment and pushes plain [`Finding`]s; policy
//! gives them their severity afterwards. `wirecheck checks` and `wirecheck explain`
//! come from here.
//!
//! A check is declared once with [`declare_check!`] (id, default severity, summary
//! and its What / Why / Example text, next to its code) and implements [`Run`].
//! Helpers shared by several checks live in [`bead`]; no check imports another.

pub mod bead;
mod credits;
pub mod limits;
mod paragraphs;
mod quotes;
mod sentences;

mod agency_tag_missing;
mod control_characters;
mod currency_converted;
mod date_mismatch;
mod dateline_mismatch;
mod languages_swapped;
mod length_ratio;
mod markup_limit;
mod name_mismatch;
mod number_format;
mod number_mismatch;
mod source_changed;
mod untranslated;

use std::sync::OnceLock;

use crate::align::sentences::SentenceGaps;
use crate::align::similarity::{SnippetCache, WordKeyCache};
use crate::align::Alignment;
use crate::document::Dispatch;
use crate::finding::{CheckId, Finding, Severity};
use crate::lang::exonyms::ExonymTable;
use crate::policy::Policy;
use crate::source::drift::Drift;

/// What a check declares about itself: written once, in its file.
pub struct CheckMeta {
    pub id: CheckId,
    pub default_severity: Severity,
    /// One line for `wirecheck checks`.
    pub summary: &'static str,
    /// The long documentation of `wirecheck explain`, clippy style.
    pub what: &'static str,
    pub why: &'static str,
    pub example: &'static str,
    /// Settings of this check beyond its level and waivers (thresholds, name
    /// tables), when it has any; the rest of "Configure" is generated.
    pub settings: Option<&'static str>,
}

impl CheckMeta {
    /// The "Configure" text of `wirecheck explain`: the level and waiver lines
    /// every check shares, then this check's own settings.
    pub fn configure(&self) -> String {
        let mut s = format!(
            "Set the level in wirecheck.toml: [checks] {id} = \"error\" | \"warning\" | \"info\" | \"off\" \
             (default \"{sev}\").\nWaive one accepted finding in the pair's waivers.toml: \
             check = \"{id}\", paragraph = N, reason and by.",
            id = self.id,
            sev = self.default_severity
        );
        if let Some(more) = self.settings {
            s.push('\n');
            s.push_str(more);
        }
        s
    }
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
    /// The paragraphs' word keys, made by the alignment (sentence checks).
    pub words: &'a WordKeyCache<'a>,
    /// Snippet keys already made for this pair (quotation checks).
    pub snippets: SnippetCache,
    /// The sentence gaps of the pair's beads, made on first use (sentence checks),
    /// with the paragraph groups left out as past the limits of [`limits`].
    pub sentence_gaps: OnceLock<(SentenceGaps, Option<limits::SentenceBounds>)>,
    /// The figures of every aligned bead, made on first use (number and date checks).
    pub figures: OnceLock<Vec<bead::BeadFigures<'a>>>,
}

impl<'a> Context<'a> {
    /// The figures of every bead with both sides, compared once for the pair.
    pub fn figures(&self) -> &[bead::BeadFigures<'a>] {
        self.figures.get_or_init(|| {
            self.alignment
                .pairs()
                .map(|b| bead::BeadFigures::collect(self.fr, self.en, b))
                .collect()
        })
    }
}

impl Context<'_> {
    /// [`SnippetCache::coverage`] with this pair's cache and name table.
    pub fn snippet_coverage(&self, fr: &str, en: &str) -> (f64, f64) {
        self.snippets.coverage(fr, en, self.names)
    }

    /// The sentences the French leaves out or adds inside aligned paragraphs.
    /// Paragraph groups past the limits of [`limits::bound_sentences`] are left
    /// out; [`run_all`] adds the findings that say so to the sentence checks'.
    pub fn sentence_gaps(&self) -> &SentenceGaps {
        &self
            .sentence_gaps
            .get_or_init(
                || match limits::bound_sentences(self.fr, self.en, self.alignment) {
                    None => (
                        crate::align::sentences::gaps(
                            self.fr,
                            self.en,
                            self.alignment,
                            self.names,
                            self.words,
                        ),
                        None,
                    ),
                    Some((bounded, left_out)) => (
                        crate::align::sentences::gaps(
                            self.fr, self.en, &bounded, self.names, self.words,
                        ),
                        Some(left_out),
                    ),
                },
            )
            .0
    }

    /// The findings of a check that says where a shared stage it reads was
    /// bounded ([`limits`]): none unless the input is far past what a dispatch holds.
    fn limit_findings(&self, id: CheckId) -> Vec<Finding> {
        match id {
            CheckId::SentenceOmitted | CheckId::SentenceAdded => self
                .sentence_gaps
                .get()
                .and_then(|(_, b)| b.as_ref())
                .map(|b| b.findings(id))
                .unwrap_or_default(),
            _ => Vec::new(),
        }
    }
}

/// A check's declaration, made by [`declare_check!`].
pub trait Declared {
    fn meta(&self) -> &'static CheckMeta;
}

/// What a check does with a pair.
pub trait Run {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>);
}

/// A registered check: its declaration and its run.
pub trait Check: Sync {
    fn meta(&self) -> &'static CheckMeta;
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>);
}

impl<T: Declared + Run + Sync> Check for T {
    fn meta(&self) -> &'static CheckMeta {
        Declared::meta(self)
    }
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        Run::run(self, cx, out)
    }
}

/// Declares a check: its unit struct, id, default severity, summary and docs.
///
/// ```ignore
/// declare_check! {
///     /// What the check is, for readers of the code.
///     pub struct NumberMismatch;
///     id: NumberMismatch,
///     severity: Error,
///     summary: "a quantity differs between aligned paragraphs",
///     what: "…",
///     why: "…",
///     example: "…",
///     settings: None,
/// }
/// ```
macro_rules! declare_check {
    (
        $(#[$attr:meta])*
        pub struct $name:ident;
        id: $id:ident,
        severity: $sev:ident,
        summary: $summary:expr,
        what: $what:expr,
        why: $why:expr,
        example: $example:expr,
        settings: $settings:expr $(,)?
    ) => {
        $(#[$attr])*
        pub struct $name;

        impl $name {
            /// This check's id.
            pub const ID: $crate::finding::CheckId = $crate::finding::CheckId::$id;
        }

        impl $crate::checks::Declared for $name {
            fn meta(&self) -> &'static $crate::checks::CheckMeta {
                static META: $crate::checks::CheckMeta = $crate::checks::CheckMeta {
                    id: $crate::finding::CheckId::$id,
                    default_severity: $crate::finding::Severity::$sev,
                    summary: $summary,
                    what: $what,
                    why: $why,
                    example: $example,
                    settings: $settings,
                };
                &META
            }
        }
    };
}
pub(crate) use declare_check;

/// All checks, in report order (the order of [`CheckId::ALL`]).
pub static REGISTRY: &[&dyn Check] = &[
    &paragraphs::paragraph_omitted::ParagraphOmitted,
    &paragraphs::paragraph_added::ParagraphAdded,
    &paragraphs::paragraph_moved::ParagraphMoved,
    &sentences::sentence_omitted::SentenceOmitted,
    &sentences::sentence_added::SentenceAdded,
    &number_mismatch::NumberMismatch,
    &number_format::NumberFormat,
    &currency_converted::CurrencyConverted,
    &date_mismatch::DateMismatch,
    &name_mismatch::NameMismatch,
    &quotes::quote_missing::QuoteMissing,
    &quotes::quote_added::QuoteAdded,
    &quotes::quote_speaker::QuoteSpeaker,
    &length_ratio::LengthRatio,
    &untranslated::Untranslated,
    &control_characters::ControlCharacters,
    &markup_limit::MarkupLimit,
    &dateline_mismatch::DatelineMismatch,
    &agency_tag_missing::AgencyTagMissing,
    &credits::credits_missing::CreditsMissing,
    &credits::credits_reporter_missing::CreditsReporterMissing,
    &credits::credits_reporter_added::CreditsReporterAdded,
    &credits::credits_location_mismatch::CreditsLocationMismatch,
    &credits::credits_name_spelling::CreditsNameSpelling,
    &credits::credits_translator_missing::CreditsTranslatorMissing,
    &credits::credits_editor_missing::CreditsEditorMissing,
    &credits::credits_malformed::CreditsMalformed,
    &credits::credits_roster::CreditsRoster,
    &source_changed::SourceChanged,
    &languages_swapped::LanguagesSwapped,
];

/// The check with this id.
pub fn get(id: CheckId) -> &'static dyn Check {
    // REGISTRY follows CheckId::ALL, one entry per id (tested below)
    REGISTRY[CheckId::ALL.iter().position(|&c| c == id).unwrap_or(0)]
}

/// The check with this kebab-case id, if there is one.
pub fn find(id: &str) -> Option<&'static dyn Check> {
    id.parse::<CheckId>().ok().map(get)
}

/// The severity a check's findings get under a policy: its configured level, else
/// its default; `None` when it is off.
pub fn severity(policy: &Policy, id: CheckId) -> Option<Severity> {
    match policy.level(id) {
        Some(l) => l.severity(),
        None => Some(get(id).meta().default_severity),
    }
}

/// Run every enabled check and give each finding its policy severity (one level
/// lower for a finding its check marked doubtful).
pub fn run_all(cx: &Context<'_>) -> Vec<Finding> {
    let run = |check: &&dyn Check| -> Vec<Finding> {
        let Some(sev) = severity(cx.policy, check.meta().id) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        check.run(cx, &mut out);
        out.extend(cx.limit_findings(check.meta().id));
        for f in &mut out {
            f.severity = if f.lesser { sev.lowered() } else { sev };
        }
        out
    };
    // the checks read the pair and never each other, so a long pair runs them
    // on every core; a dispatch stays on the calling thread (`serve` already
    // checks one request per core, and a thread hand-off costs more than it saves)
    let long = cx.fr.paragraphs.len() + cx.en.paragraphs.len() >= PARALLEL_FROM;
    let per_check = crate::util::map_in_order(REGISTRY, long, 1, run);
    // registry order either way: the same findings in the same order
    per_check.into_iter().flatten().collect()
}

/// Paragraphs (both sides together) from which [`run_all`] runs the checks in
/// parallel: about four times what a long dispatch holds.
const PARALLEL_FROM: usize = 200;

/// One line of `wirecheck checks --format json` (and `GET /v1/checks` of `serve`).
#[derive(Debug, Clone, serde::Serialize)]
pub struct CheckInfo {
    pub id: &'static str,
    pub default_severity: &'static str,
    pub summary: &'static str,
}

/// Every check, in registry order, as [`CheckInfo`].
pub fn catalog() -> Vec<CheckInfo> {
    REGISTRY
        .iter()
        .map(|c| {
            let m = c.meta();
            CheckInfo {
                id: m.id.as_str(),
                default_severity: m.default_severity.as_str(),
                summary: m.summary,
            }
        })
        .collect()
}

/// The text of `wirecheck explain ID` (and `GET /v1/checks/ID`), without a final newline.
pub fn explain_text(m: &CheckMeta) -> String {
    format!(
        "{id} (default: {})\n{}\n\nWhat it checks\n  {}\n\nWhy\n  {}\n\nExample\n  {}\n\nConfigure\n  {}",
        m.default_severity,
        m.summary,
        m.what,
        m.why,
        m.example.replace('\n', "\n  "),
        m.configure().replace('\n', "\n  "),
        id = m.id,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_follows_check_ids_one_check_each() {
        assert_eq!(REGISTRY.len(), CheckId::ALL.len());
        for (c, &id) in REGISTRY.iter().zip(CheckId::ALL) {
            assert_eq!(c.meta().id, id);
        }
    }

    #[test]
    fn every_check_is_documented() {
        for c in REGISTRY {
            let m = c.meta();
            assert!(!m.summary.is_empty(), "{} summary", m.id);
            for (part, text) in [("what", m.what), ("why", m.why), ("example", m.example)] {
                assert!(
                    text.len() >= 20,
                    "{}: doc part {part} is missing or too short",
                    m.id
                );
            }
            assert!(m.configure().contains(m.id.as_str()));
        }
    }

    #[test]
    fn contract_ids_are_all_present_with_default_severities() {
        use Severity::*;
        let expected = [
            ("paragraph-omitted", Warning),
            ("paragraph-added", Warning),
            ("paragraph-moved", Info),
            ("sentence-omitted", Warning),
            ("sentence-added", Info),
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
            assert_eq!(c.meta().default_severity, sev, "{id}");
        }
    }
}
