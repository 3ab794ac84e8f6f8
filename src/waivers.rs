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
        let w: Waivers = toml::from_str(&text).map_err(|e| {
            err(e
                .to_string()
                .split_whitespace()
                .collect::<Vec<_>>()
                .join(" "))
        })?;
        for x in &w.waiver {
            if x.check.parse::<crate::finding::CheckId>().is_err() {
                return Err(err(format!("waiver check `{}`: unknown check id", x.check)));
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
                stale.push(StaleWaiver {
                    id: w.check.clone(),
                    paragraph: w.paragraph,
                    reason: w.reason.clone(),
                    by: w.by.clone(),
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
    }
}
