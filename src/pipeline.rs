//! One pair, end to end: parse both sides, align, run the checks, apply policy and
//! waivers, and assemble the report.

use std::path::Path;

use crate::align;
use crate::checks::{self, Context};
use crate::document::Dispatch;
use crate::error::Result;
use crate::finding::{Finding, Verdict};
use crate::lang::Lang;
use crate::policy::{FailOn, Policy};
use crate::report::{CreditsReport, Report, RunInfo, Side, ToolInfo};
use crate::source::drift::Drift;
use crate::source::pair::PairDir;
use crate::source::{self, Loaded};
use crate::util::now_rfc3339;
use crate::waivers::Waivers;

/// Everything a check of one pair needs besides the two texts.
#[derive(Default)]
pub struct PairOptions<'a> {
    pub waivers: Option<&'a Waivers>,
    pub drift: Option<Drift>,
}

pub fn check_pair(fr: &Loaded, en: &Loaded, policy: &Policy, opts: PairOptions<'_>) -> Report {
    let fr_d = Dispatch::parse(&fr.document, Lang::Fr);
    let en_d = Dispatch::parse(&en.document, Lang::En);
    let names = policy.exonyms();
    let words = align::similarity::WordKeyCache::new(&fr_d, &en_d);
    let alignment = align::align_with(&fr_d, &en_d, &names, policy, &words);
    let cx = Context {
        fr: &fr_d,
        en: &en_d,
        alignment: &alignment,
        policy,
        names: &names,
        words: &words,
        drift: opts.drift.as_ref(),
        snippets: Default::default(),
        sentence_gaps: Default::default(),
        figures: Default::default(),
    };
    let mut findings: Vec<Finding> = checks::run_all(&cx);
    // swapped inputs: every other finding compares texts in the wrong languages
    if findings
        .iter()
        .any(|f| f.id == crate::finding::CheckId::LanguagesSwapped)
    {
        findings.retain(|f| f.id == crate::finding::CheckId::LanguagesSwapped);
    }
    sort_findings(&mut findings);
    let stale_waivers = opts
        .waivers
        .map(|w| w.apply(&mut findings))
        .unwrap_or_default();
    let blocked = findings
        .iter()
        .any(|f| f.waived.is_none() && policy.fail_on.blocks(f.severity));
    let credits = CreditsReport {
        fr: fr_d
            .credits
            .as_ref()
            .map(|c| c.entries.clone())
            .unwrap_or_default(),
        en: en_d
            .credits
            .as_ref()
            .map(|c| c.entries.clone())
            .unwrap_or_default(),
    };
    let mut report = Report {
        schema: 1,
        tool: ToolInfo {
            name: "wirecheck",
            version: crate::VERSION,
        },
        verdict: if blocked {
            Verdict::Fail
        } else {
            Verdict::Pass
        },
        fail_on: policy.fail_on.as_str(),
        counts: Default::default(),
        fr: Side {
            source: fr.document.source.clone(),
            sha256: fr.document.sha256.clone(),
            paragraphs: fr.document.paragraphs.clone(),
            provenance: fr.provenance.clone(),
            dateline: fr_d.dateline.clone(),
            wire: fr.document.wire.clone(),
        },
        en: Side {
            source: en.document.source.clone(),
            sha256: en.document.sha256.clone(),
            paragraphs: en.document.paragraphs.clone(),
            provenance: en.provenance.clone(),
            dateline: en_d.dateline.clone(),
            wire: en.document.wire.clone(),
        },
        alignment: alignment.beads,
        findings,
        credits,
        stale_waivers,
        drift: opts.drift,
        run: RunInfo {
            policy_sha256: policy.hash(),
            policy_sources: policy
                .sources
                .iter()
                .map(|p| p.display().to_string())
                .collect(),
            checked_at: now_rfc3339(),
        },
    };
    report.counts = report.counts();
    report
}

/// The effective policy for a pair: `config` when given, else `wirecheck.toml` found by
/// walking up from `start`, else the defaults; `fail_on` (the command line) wins last.
pub fn resolve_policy(
    config: Option<&Path>,
    start: Option<&Path>,
    fail_on: Option<FailOn>,
) -> Result<Policy> {
    let mut p = match config {
        Some(c) => Policy::load(c)?,
        None => match start.and_then(Policy::discover) {
            Some(found) => Policy::load(&found)?,
            None => Policy::default(),
        },
    };
    if let Some(f) = fail_on {
        p.fail_on = f;
    }
    Ok(p)
}

/// Check one pair folder end to end: load both sides and the waivers, then
/// [`check_pair`]. `check PAIR_DIR` and `batch` both come through here.
pub fn check_pair_dir(
    pair: &PairDir,
    policy: &Policy,
    sopts: &source::SourceOptions,
) -> Result<Report> {
    let fr = source::load_path(&pair.fr)?;
    let source::English { loaded: en, drift } = source::load_pair_english(pair, sopts)?;
    let waivers = pair.waivers.as_deref().map(Waivers::load).transpose()?;
    Ok(check_pair(
        &fr,
        &en,
        policy,
        PairOptions {
            waivers: waivers.as_ref(),
            drift,
        },
    ))
}

/// Findings in paragraph order, errors first within a paragraph.
fn sort_findings(f: &mut [Finding]) {
    f.sort_by(|a, b| {
        let pa = a.fr.first().or(a.en.first()).copied().unwrap_or(usize::MAX);
        let pb = b.fr.first().or(b.en.first()).copied().unwrap_or(usize::MAX);
        pa.cmp(&pb)
            .then(b.severity.cmp(&a.severity))
            .then(a.id.cmp(&b.id))
    });
}
