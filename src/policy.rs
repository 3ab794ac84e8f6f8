//! Policy: which findings block publication. Layered defaults < `wirecheck.toml`
//! (found by walking up from the pair, or `--config`) < command line. Checks never
//! decide severity; `Policy::severity` does.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::finding::{CheckId, Severity};
use crate::lang::exonyms::{ExonymTable, NameKind};
pub use crate::source::fetch::FetchPolicy;

/// Upper bounds of numeric settings: beyond them a value is a typo, and some
/// (a timeout of 2^63 seconds) would overflow a clock.
pub const MAX_TIMEOUT_SECS: u64 = 3600;
pub const MAX_LENGTH_RATIO: f64 = 1000.0;
pub const MAX_CHARS_SETTING: usize = 1_000_000;
pub const MAX_WORDS_SETTING: usize = 10_000;

/// A check's configured level: a severity, or off.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Level {
    Off,
    Info,
    Warning,
    Error,
}

impl Level {
    pub fn severity(self) -> Option<Severity> {
        match self {
            Level::Off => None,
            Level::Info => Some(Severity::Info),
            Level::Warning => Some(Severity::Warning),
            Level::Error => Some(Severity::Error),
        }
    }
}

/// The `--fail-on` threshold.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum FailOn {
    #[default]
    Error,
    Warning,
    Never,
}

impl FailOn {
    pub fn blocks(self, s: Severity) -> bool {
        match self {
            FailOn::Error => s >= Severity::Error,
            FailOn::Warning => s >= Severity::Warning,
            FailOn::Never => false,
        }
    }
    pub fn as_str(self) -> &'static str {
        match self {
            FailOn::Error => "error",
            FailOn::Warning => "warning",
            FailOn::Never => "never",
        }
    }
}

/// One desk-added name: English form, French form, variants.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ExtraName {
    pub en: String,
    pub fr: String,
    #[serde(default)]
    pub variants: Vec<String>,
    #[serde(default)]
    pub kind: ExtraNameKind,
}

/// What a desk-added name is: a bad value is a config error (exit 2), never
/// silently a place.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "kebab-case")]
pub enum ExtraNameKind {
    Person,
    Org,
    City,
    Country,
    #[default]
    Place,
}

impl ExtraNameKind {
    fn name_kind(self) -> NameKind {
        match self {
            ExtraNameKind::Person => NameKind::Person,
            ExtraNameKind::Org => NameKind::Org,
            ExtraNameKind::City => NameKind::City,
            ExtraNameKind::Country => NameKind::Country,
            ExtraNameKind::Place => NameKind::Place,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct Thresholds {
    /// `length-ratio`: French/English character ratio below which a paragraph looks partial.
    pub length_ratio_min: f64,
    /// `length-ratio`: ratio above which the French looks padded.
    pub length_ratio_max: f64,
    /// `length-ratio`: paragraphs shorter than this (English chars) are not judged.
    pub length_ratio_min_chars: usize,
    /// `untranslated`: consecutive English words that count as untranslated text.
    pub untranslated_min_words: usize,
    /// Alignment: similarity below which a 1-1 pairing is refused.
    pub align_min_score: f64,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            length_ratio_min: 0.45,
            length_ratio_max: 2.4,
            length_ratio_min_chars: 80,
            untranslated_min_words: 6,
            align_min_score: 0.15,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct CreditsPolicy {
    /// Translators and editors allowed in French credits; empty = no roster.
    pub roster: Vec<String>,
    /// A file with one roster name per line (relative to the config file).
    pub roster_file: Option<PathBuf>,
}

/// The effective policy.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct Policy {
    pub fail_on: FailOn,
    /// Per-check level overrides: `number-mismatch = "warning"`.
    pub checks: BTreeMap<String, Level>,
    pub thresholds: Thresholds,
    /// Extra exonyms, transliterations and acronyms.
    pub names: Vec<ExtraName>,
    pub credits: CreditsPolicy,
    pub fetch: FetchPolicy,
    /// Files this policy was read from, in order (not part of the file format).
    #[serde(skip)]
    pub sources: Vec<PathBuf>,
}

impl Policy {
    /// Parse a config file's text; `path` names it in errors.
    pub fn from_toml(text: &str, path: &Path) -> Result<Policy> {
        let mut p: Policy = toml::from_str(text).map_err(|e| Error::Config {
            path: path.display().to_string(),
            message: one_line(&e.to_string()),
        })?;
        p.validate(path)?;
        if let Some(rf) = p.credits.roster_file.clone() {
            let full = path.parent().unwrap_or(Path::new(".")).join(&rf);
            let text = crate::util::read_capped_string(&full).map_err(|e| Error::Config {
                path: path.display().to_string(),
                message: format!("credits.roster-file {}: {e}", full.display()),
            })?;
            p.credits.roster.extend(
                text.lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty() && !l.starts_with('#'))
                    .map(String::from),
            );
        }
        p.sources.push(path.to_path_buf());
        Ok(p)
    }

    pub fn load(path: &Path) -> Result<Policy> {
        let text = crate::util::read_capped_string(path).map_err(|e| Error::Config {
            path: path.display().to_string(),
            message: e.to_string(),
        })?;
        Policy::from_toml(&text, path)
    }

    /// Walk up from `start` to find `wirecheck.toml`.
    pub fn discover(start: &Path) -> Option<PathBuf> {
        let start = if start.is_file() {
            start.parent()?
        } else {
            start
        };
        // a folder still to be made (`fetch --output NEW`): start from its
        // nearest existing ancestor
        let abs = start
            .ancestors()
            .find_map(|a| std::fs::canonicalize(a).ok())
            .or_else(|| std::env::current_dir().ok())?;
        abs.ancestors()
            .map(|d| d.join("wirecheck.toml"))
            .find(|p| p.is_file())
    }

    fn validate(&self, path: &Path) -> Result<()> {
        let err = |m: String| Error::Config {
            path: path.display().to_string(),
            message: m,
        };
        for id in self.checks.keys() {
            if id.parse::<CheckId>().is_err() {
                return Err(err(format!(
                    "checks.{id}: unknown check id (see `wirecheck checks`)"
                )));
            }
        }
        let t = &self.thresholds;
        if !(t.length_ratio_min > 0.0 && t.length_ratio_min < t.length_ratio_max) {
            return Err(err(
                "thresholds: length-ratio-min must be > 0 and below length-ratio-max".into(),
            ));
        }
        if !(0.0..1.0).contains(&t.align_min_score) {
            return Err(err("thresholds.align-min-score must be in [0, 1)".into()));
        }
        if !(t.length_ratio_max.is_finite() && t.length_ratio_max <= MAX_LENGTH_RATIO) {
            return Err(err(format!(
                "thresholds.length-ratio-max must be at most {MAX_LENGTH_RATIO}"
            )));
        }
        for (key, v, max) in [
            (
                "thresholds.length-ratio-min-chars",
                t.length_ratio_min_chars,
                MAX_CHARS_SETTING,
            ),
            (
                "thresholds.untranslated-min-words",
                t.untranslated_min_words,
                MAX_WORDS_SETTING,
            ),
        ] {
            if v > max {
                return Err(err(format!("{key} must be at most {max} (got {v})")));
            }
        }
        for (key, v, max) in [
            (
                "fetch.timeout-secs",
                self.fetch.timeout_secs,
                MAX_TIMEOUT_SECS,
            ),
            (
                "fetch.connect-timeout-secs",
                self.fetch.connect_timeout_secs,
                MAX_TIMEOUT_SECS,
            ),
        ] {
            if v == 0 || v > max {
                return Err(err(format!(
                    "{key} must be between 1 and {max} seconds (got {v})"
                )));
            }
        }
        for h in &self.fetch.allow_private {
            let bare = h.trim().trim_start_matches('[').trim_end_matches(']');
            let ok = !bare.is_empty()
                && bare.len() <= 253
                && !bare.contains(['/', '@', ' ', '*', '?', '#'])
                && (!bare.contains(':') || bare.parse::<std::net::Ipv6Addr>().is_ok());
            if !ok {
                return Err(err(format!(
                    "fetch.allow-private: `{}` is not a host name or address (no scheme, port, path or wildcard)",
                    crate::util::escape_control(h)
                )));
            }
        }
        if let Some(c) = &self.fetch.contact {
            if c.trim().is_empty()
                || c.len() > 200
                || !c.chars().all(|ch| (' '..='~').contains(&ch))
            {
                return Err(err(
                    "fetch.contact must be printable ASCII, 1 to 200 characters (it goes in an HTTP header)"
                        .into(),
                ));
            }
        }
        for n in &self.names {
            if n.en.trim().is_empty() || n.fr.trim().is_empty() {
                return Err(err("names: en and fr must not be empty".into()));
            }
        }
        Ok(())
    }

    /// The level this policy sets for a check, when it sets one (the check's
    /// default applies otherwise: `checks::severity`).
    pub fn level(&self, id: CheckId) -> Option<Level> {
        self.checks.get(id.as_str()).copied()
    }

    /// The shipped exonym table plus this policy's names.
    pub fn exonyms(&self) -> std::borrow::Cow<'static, ExonymTable> {
        let base = ExonymTable::global();
        if self.names.is_empty() {
            return std::borrow::Cow::Borrowed(base);
        }
        let mut t = base.clone();
        for n in &self.names {
            let kind = n.kind.name_kind();
            let v: Vec<&str> = n.variants.iter().map(String::as_str).collect();
            t.add(kind, &n.en, &n.fr, &v);
        }
        std::borrow::Cow::Owned(t)
    }

    /// The effective policy as TOML (`--dump-config`).
    pub fn to_toml(&self) -> String {
        toml::to_string_pretty(self).unwrap_or_default()
    }

    /// sha256 of the effective policy, recorded in provenance.
    pub fn hash(&self) -> String {
        // a batch asks once per pair for the same policy: remember the last one
        static LAST: std::sync::Mutex<Option<(Policy, String)>> = std::sync::Mutex::new(None);
        if let Ok(last) = LAST.lock() {
            if let Some((_, h)) = last.as_ref().filter(|(p, _)| p == self) {
                return h.clone();
            }
        }
        let h = crate::util::sha256_hex(self.to_toml().as_bytes());
        if let Ok(mut last) = LAST.lock() {
            *last = Some((self.clone(), h.clone()));
        }
        h
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_key_is_an_error_naming_it() {
        let e = Policy::from_toml("fail-onn = \"error\"\n", Path::new("w.toml")).unwrap_err();
        let m = e.to_string();
        assert!(m.contains("w.toml") && m.contains("fail-onn"), "{m}");
    }

    #[test]
    fn unknown_check_id_is_an_error() {
        let e = Policy::from_toml("[checks]\nnumber-mismatc = \"off\"\n", Path::new("w.toml"))
            .unwrap_err();
        assert!(e.to_string().contains("number-mismatc"));
    }

    #[test]
    fn levels_override_defaults() {
        let p = Policy::from_toml("fail-on = \"warning\"\n[checks]\nnumber-mismatch = \"off\"\nparagraph-moved = \"error\"\n", Path::new("w.toml")).unwrap();
        assert_eq!(p.fail_on, FailOn::Warning);
        assert_eq!(p.level(CheckId::NumberMismatch), Some(Level::Off));
        assert_eq!(p.level(CheckId::ParagraphMoved), Some(Level::Error));
        assert_eq!(p.level(CheckId::ParagraphOmitted), None);
    }

    #[test]
    fn bad_level_value_is_an_error() {
        assert!(Policy::from_toml(
            "[checks]\nnumber-mismatch = \"loud\"\n",
            Path::new("w.toml")
        )
        .is_err());
    }

    #[test]
    fn a_bad_name_kind_is_an_error_naming_it() {
        let e = Policy::from_toml(
            "[[names]]\nen = \"Acme\"\nfr = \"Acmé\"\nkind = \"persn\"\n",
            Path::new("w.toml"),
        )
        .unwrap_err();
        assert!(e.to_string().contains("persn"), "{e}");
    }

    #[test]
    fn extra_names_join_the_table() {
        let p = Policy::from_toml(
            "[[names]]\nen = \"Zaporizhzhia\"\nfr = \"Zaporijjia\"\n",
            Path::new("w.toml"),
        )
        .unwrap();
        assert!(p.exonyms().same("Zaporijjia", "Zaporizhzhia"));
    }
}
