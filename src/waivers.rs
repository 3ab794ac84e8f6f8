//! Waivers: acknowledged findings listed in a pair's `waivers.toml`. A waived
//! finding stays in every report, marked with its reason and author, but no longer
//! fails the gate. A waiver that matches nothing is reported as stale.
//!
//! ```toml
//! [[waiver]]
//! check = "number-mismatch"
//! paragraph = 3          # French paragraph (English for findings with no French side)
//! reason = "figure updated by the desk after calling the ministry"
//! by = "Kate Entringer"
//! ```

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::finding::{Finding, WaiverMark};

#[derive(Debug, Clone, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Waiver {
    pub check: String,
    /// Paragraph the finding is about; omitted = every finding of that check.
    pub paragraph: Option<usize>,
    pub reason: String,
    pub by: String,
}

#[derive(Debug, Clone, Deserialize, Default, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Waivers {
    #[serde(default)]
    pub waiver: Vec<Waiver>,
}

impl Waivers {
    pub fn load(path: &Path) -> Result<Waivers> {
        let err = |m: String| Error::Config {
            path: path.display().to_string(),
            message: m,
        };
        let text = crate::util::read_capped_string(path).map_err(|e| err(e.to_string()))?;
        Waivers::from_toml(&text, &path.display().to_string())
    }

    /// Parse the text of a `waivers.toml`; `name` names it in errors.
    pub fn from_toml(text: &str, name: &str) -> Result<Waivers> {
        let err = |m: String| Error::Config {
            path: name.to_string(),
            message: m,
        };
        let w: Waivers = toml::from_str(text).map_err(|e| {
            err(e
                .to_string()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "))
        })?;
        for x in &w.waiver {
            if x.check.parse::<crate::finding::CheckId>().is_err() {
                return Err(err(format!(
                    "waiver check `{}`: unknown check id{}",
                    x.check,
                    crate::finding::CheckId::did_you_mean(&x.check)
                )));
            }
            if x.reason.trim().is_empty() || x.by.trim().is_empty() {
                return Err(err(format!(
                    "waiver for `{}`: reason and by are required",
                    x.check
                )));
            }
        }
        Ok(w)
    }

    fn matches(w: &Waiver, f: &Finding) -> bool {
        if f.id != w.check.as_str() {
            return false;
        }
        match w.paragraph {
            None => true,
            Some(p) => {
                if f.fr.is_empty() {
                    f.en.contains(&p)
                } else {
                    f.fr.contains(&p)
                }
            }
        }
    }

    /// Mark matching findings as waived; return the waivers that matched nothing.
    pub fn apply(&self, findings: &mut [Finding]) -> Vec<StaleWaiver> {
        let mut stale = Vec::new();
        for w in &self.waiver {
            let mut hit = false;
            for f in findings.iter_mut().filter(|f| Self::matches(w, f)) {
                f.waived = Some(WaiverMark {
                    reason: w.reason.clone(),
                    by: w.by.clone(),
                });
                hit = true;
            }
            if !hit {
                let mut found_at: Vec<usize> = findings
                    .iter()
                    .filter(|f| f.id == w.check.as_str())
                    .filter_map(|f| f.fr.first().or(f.en.first()).copied())
                    .collect();
                found_at.sort_unstable();
                found_at.dedup();
                stale.push(StaleWaiver {
                    id: w.check.clone(),
                    paragraph: w.paragraph,
                    reason: w.reason.clone(),
                    by: w.by.clone(),
                    found_at,
                });
            }
        }
        stale
    }
}

/// A waiver that matched no finding: reported so the desk can remove it.
#[derive(Debug, Clone, Serialize)]
pub struct StaleWaiver {
    pub id: String,
    pub paragraph: Option<usize>,
    pub reason: String,
    pub by: String,
    /// The paragraphs where this check did report findings (the waiver's paragraph
    /// was probably counted another way); not part of the JSON report.
    #[serde(skip)]
    pub found_at: Vec<usize>,
}

impl StaleWaiver {
    /// The waiver as a person writes it, and why it is stale:
    /// `number-mismatch at ¶7 (by K. Entringer: "figure confirmed") matches no finding;
    /// number-mismatch findings are at ¶6 (paragraphs are numbered from 0, ¶0 the headline)`.
    pub fn describe(&self) -> String {
        let at = match self.paragraph {
            Some(p) => format!(" at ¶{p}"),
            None => " (every paragraph)".into(),
        };
        let mut s = format!(
            "{}{at} (by {}: \"{}\") matches no finding",
            self.id, self.by, self.reason
        );
        if self.paragraph.is_some() && !self.found_at.is_empty() {
            let list: Vec<String> = self.found_at.iter().map(|p| format!("¶{p}")).collect();
            s.push_str(&format!(
                "; {} findings are at {} (paragraphs are numbered from 0: ¶0 is the headline, ¶1 the lede)",
                self.id,
                list.join(", ")
            ));
        }
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::CheckId;

    #[test]
    fn waiver_marks_and_stale_is_reported() {
        let w: Waivers = toml::from_str(
            "[[waiver]]\ncheck = \"number-mismatch\"\nparagraph = 3\nreason = \"ok\"\nby = \"K\"\n\n[[waiver]]\ncheck = \"date-mismatch\"\nparagraph = 1\nreason = \"old\"\nby = \"K\"\n",
        )
        .unwrap();
        let mut f = vec![Finding::new(CheckId::NumberMismatch, vec![3], vec![3], "x")];
        let stale = w.apply(&mut f);
        assert_eq!(f[0].waived.as_ref().unwrap().by, "K");
        assert_eq!(stale.len(), 1);
        assert_eq!(stale[0].id, "date-mismatch");
        assert_eq!(
            stale[0].describe(),
            "date-mismatch at ¶1 (by K: \"old\") matches no finding"
        );
    }

    #[test]
    fn a_waiver_counted_from_one_says_where_the_findings_are() {
        let w: Waivers = toml::from_str(
            "[[waiver]]\ncheck = \"number-mismatch\"\nparagraph = 4\nreason = \"ok\"\nby = \"K\"\n",
        )
        .unwrap();
        let mut f = vec![Finding::new(CheckId::NumberMismatch, vec![3], vec![3], "x")];
        let stale = w.apply(&mut f);
        let d = stale[0].describe();
        assert!(d.starts_with("number-mismatch at ¶4 (by K: \"ok\") matches no finding; number-mismatch findings are at ¶3"), "{d}");
        assert!(!d.contains("Some("));
    }
}
