//! Hand-built reports shared by the report tests (CSV, HTML, browser): the shape of
//! an adapted dispatch (omitted, added and moved paragraphs, findings on both sides,
//! credits, datelines, provenance, drift) with invented text.

use wirecheck::align::Bead;
use wirecheck::credits::{CreditEntry, Role};
use wirecheck::document::Dateline;
use wirecheck::finding::{Finding, Severity, WaiverMark};
use wirecheck::report::{CreditsReport, Report, RunInfo, Side, ToolInfo};
use wirecheck::source::drift::{Drift, DriftChange};
use wirecheck::source::Provenance;

pub const INJECT: &str = "<script>document.title='pwned'</script> \"><img src=x onerror=\"document.title='pwned'\"> </style><b>bold</b>";

fn bead(fr: &[usize], en: &[usize], score: Option<f64>, moved: bool) -> Bead {
    Bead {
        fr: fr.to_vec(),
        en: en.to_vec(),
        score,
        moved,
    }
}

fn finding(
    id: &str,
    sev: Severity,
    fr: &[usize],
    en: &[usize],
    msg: &str,
    fr_t: &str,
    en_t: &str,
) -> Finding {
    let mut f = Finding::new(id.parse().expect("check id"), fr.to_vec(), en.to_vec(), msg)
        .texts(fr_t, en_t);
    f.severity = sev;
    f
}

/// 8 French paragraphs, 11 English: English 4, 6, 8 and 9 omitted, French 6 added,
/// French 5 translates English 2 (moved).
pub fn adapted_report() -> Report {
    let fr: Vec<String> = [
        "Le port de Valmer rouvre après la tempête",
        "VALMER/ORSINE (Wirepress) – Le port de Valmer a rouvert mardi, a déclaré la capitainerie, après trois jours de fermeture.",
        "Les dockers ont repris le travail à l'aube, selon le syndicat.",
        "Le trafic devrait retrouver 15 % de son niveau habituel d'ici vendredi, a précisé Ana Brel.",
        "« Nous avons eu de la chance », a dit le maire, Paul Ostre.",
        "La tempête avait frappé la côte dimanche soir.",
        "Le port est le deuxième du pays par le tonnage.",
        "(Reportage Ana Brel à Valmer; version française Luc Mirot, édité par Jeanne Ferre)",
    ]
    .map(String::from)
    .to_vec();
    let en: Vec<String> = [
        "Valmer port reopens after storm",
        "VALMER/ORSINE, May 3 (Wirepress) - The port of Valmer reopened on Tuesday, the harbour office said, after a three-day closure.",
        "The storm hit the coast on Sunday evening.",
        "Dockers returned to work at dawn, the union said.",
        "Ships queued outside the harbour overnight.",
        "Traffic should recover to 16% of normal levels by Friday, Ana Brel said.",
        "Insurers have not yet estimated the damage.",
        "\"We were lucky,\" mayor Paul Ostre said.",
        "Fishing boats stayed in port.",
        "A second storm is forecast for next week.",
        "(Reporting by Ana Brel in Valmer; editing by Tom Hale)",
    ]
    .map(String::from)
    .to_vec();
    let alignment = vec![
        bead(&[0], &[0], Some(0.91), false),
        bead(&[1], &[1], Some(0.88), false),
        bead(&[2], &[3], Some(0.74), false),
        bead(&[3], &[5], Some(0.81), false),
        bead(&[4], &[7], Some(0.69), false),
        bead(&[5], &[2], Some(0.77), true),
        bead(&[6], &[], None, false),
        bead(&[7], &[10], Some(0.6), false),
        bead(&[], &[4], None, false),
        bead(&[], &[6], None, false),
        bead(&[], &[8], None, false),
        bead(&[], &[9], None, false),
    ];
    let mut waived = finding(
        "name-mismatch",
        Severity::Error,
        &[4],
        &[7],
        "name differs: \"Paul Ostre\" (fr ¶4) vs \"Paul Ostre\" (en ¶7)",
        "Paul Ostre",
        "Paul Ostre",
    );
    waived.waived = Some(WaiverMark {
        reason: "checked with the desk".into(),
        by: "Jeanne Ferre".into(),
    });
    let findings = vec![
        finding(
            "paragraph-moved",
            Severity::Info,
            &[5],
            &[2],
            "fr ¶5 translates en ¶2, out of order",
            "",
            "",
        ),
        finding(
            "number-mismatch",
            Severity::Error,
            &[3],
            &[5],
            "number differs: \"15 %\" (fr ¶3) vs \"16%\" (en ¶5)",
            "15 %",
            "16%",
        ),
        waived,
        finding(
            "paragraph-omitted",
            Severity::Warning,
            &[],
            &[4],
            "en ¶4 has no french counterpart",
            "",
            "Ships queued outside the harbour overnight.",
        ),
        finding(
            "paragraph-added",
            Severity::Warning,
            &[6],
            &[],
            "fr ¶6 has no english source",
            "Le port est le deuxième du pays par le tonnage.",
            "",
        ),
        finding(
            "credits-translator-missing",
            Severity::Error,
            &[],
            &[],
            "no translator credited",
            "",
            "",
        ),
    ];
    let dl = |p: usize, c: &[&str], d: Option<&str>| Dateline {
        paragraph: p,
        cities: c.iter().map(|s| s.to_string()).collect(),
        date: d.map(String::from),
        agency: Some("Wirepress".into()),
        len: 0,
    };
    let credit = |role, name: &str, loc: Option<&str>| CreditEntry {
        role,
        name: name.into(),
        location: loc.map(String::from),
    };
    Report {
        schema: 1,
        tool: ToolInfo {
            name: "wirecheck",
            version: "0.1.0",
        },
        verdict: wirecheck::finding::Verdict::Fail,
        fail_on: "error",
        counts: Default::default(),
        fr: Side {
            source: "pairs/valmer/fr.txt".into(),
            sha256: "aa".repeat(32),
            paragraphs: fr,
            provenance: None,
            dateline: Some(dl(1, &["VALMER", "ORSINE"], None)),
            wire: None,
        },
        en: Side {
            source: "https://news.example/valmer".into(),
            sha256: "bb".repeat(32),
            paragraphs: en,
            provenance: Some(Provenance {
                url: "https://news.example/valmer".into(),
                final_url: "https://news.example/world/valmer-port".into(),
                status: 200,
                fetched_at: "2024-05-03T10:00:00Z".into(),
                sha256: "cc".repeat(32),
                content_type: "text/html; charset=utf-8".into(),
                ..Default::default()
            }),
            dateline: Some(dl(1, &["VALMER", "ORSINE"], Some("May 3"))),
            wire: None,
        },
        alignment,
        findings,
        credits: CreditsReport {
            fr: vec![
                credit(Role::Reporter, "Ana Brel", Some("Valmer")),
                credit(Role::Translator, "Luc Mirot", None),
                credit(Role::Editor, "Jeanne Ferre", None),
            ],
            en: vec![
                credit(Role::Reporter, "Ana Brel", Some("Valmer")),
                credit(Role::Editor, "Tom Hale", None),
            ],
        },
        stale_waivers: Vec::new(),
        drift: Some(Drift {
            snapshot_sha256: "dd".repeat(32),
            live_sha256: "ee".repeat(32),
            live: Default::default(),
            changes: vec![DriftChange {
                kind: "changed".into(),
                snapshot: Some(5),
                live: Some(5),
                diff: "Traffic should recover to [-16%-]{+18%+} of normal levels".into(),
                text: "Traffic should recover to 18% of normal levels".into(),
                after: None,
            }],
        }),
        run: RunInfo {
            policy_sha256: "ff".repeat(32),
            policy_sources: vec![],
            checked_at: "2024-05-03T10:01:00Z".into(),
        },
    }
}

/// The same report with hostile markup in every piece of input text.
pub fn hostile_report() -> Report {
    let mut r = adapted_report();
    for p in r.fr.paragraphs.iter_mut().chain(r.en.paragraphs.iter_mut()) {
        p.push(' ');
        p.push_str(INJECT);
    }
    r.fr.source = format!("fr{INJECT}.txt");
    r.en.source = format!("en{INJECT}.txt");
    for f in &mut r.findings {
        f.message.push_str(INJECT);
        f.fr_text = INJECT.into();
        f.en_text = INJECT.into();
    }
    for c in r.credits.fr.iter_mut().chain(r.credits.en.iter_mut()) {
        c.name.push_str(INJECT);
        c.location = Some(INJECT.into());
    }
    if let Some(d) = r.fr.dateline.as_mut() {
        d.cities.push(INJECT.into());
    }
    if let Some(p) = r.en.provenance.as_mut() {
        p.final_url = INJECT.into();
    }
    if let Some(d) = r.drift.as_mut() {
        d.changes[0].diff = format!("[-{INJECT}-]{{+{INJECT}+}} {INJECT}");
    }
    r
}
