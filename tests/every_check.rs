//! Every check id of `wirecheck checks`, firing and silent, on one short invented
//! dispatch. The base pair below is a faithful translation with no finding at all.
//! Each case edits its French side (or adds a file) so that the check fires: the
//! `fires` test wants a finding with that id, at the check's default severity;
//! the `silent` test runs the corrected pair (the base, with the same extra files)
//! and wants no finding with that id. A check added to the registry without a case
//! here fails `every_listed_check_has_a_case`.

use std::collections::BTreeSet;

use crate::util::server::{Response, Server};
use crate::util::{run, TempPair};

const EN: &str = "\
Ferry service resumes on Lake Orvanne

ORVANNE, June 12 (Reuters) - Ferry service on Lake Orvanne resumed on Monday after a two-week halt caused by low water, the operator said.

\"The boats are running again and every crossing is full,\" operator spokeswoman Clara Voss told reporters at the pier.

About 3,200 passengers used the ferries on the first day, up 12% from the same day last year, according to the harbour office.

The regional council plans to spend 4.5 million euros on dredging the harbour before the winter, council member Hugo Brandt said.

(Reporting by Ana Brel in Orvanne and Piotr Zieliński in Warsaw; Editing by Tom Hale)
";

const FR: &str = "\
Reprise du service de ferry sur le lac d'Orvanne

ORVANNE (Reuters) - Le service de ferry sur le lac d'Orvanne a repris lundi après deux semaines d'interruption dues au bas niveau des eaux, a déclaré l'exploitant.

« Les bateaux circulent de nouveau et chaque traversée est complète », a déclaré aux journalistes sur le quai la porte-parole de l'exploitant, Clara Voss.

Environ 3 200 passagers ont emprunté les ferries le premier jour, soit 12 % de plus que le même jour l'an dernier, selon la capitainerie.

Le conseil régional prévoit de consacrer 4,5 millions d'euros au dragage du port avant l'hiver, a précisé Hugo Brandt, membre du conseil.

(Reportage Ana Brel à Orvanne et Piotr Zieliński à Varsovie; version française Luc Mirot, édité par Jeanne Ferre)
";

/// French ¶4 with the blank line before it.
const FR_P4: &str = "\n\nLe conseil régional prévoit de consacrer 4,5 millions d'euros au dragage du port avant l'hiver, a précisé Hugo Brandt, membre du conseil.";
/// French ¶2, the quotation.
const FR_P2: &str = "« Les bateaux circulent de nouveau et chaque traversée est complète », a déclaré aux journalistes sur le quai la porte-parole de l'exploitant, Clara Voss.";
/// French ¶3.
const FR_P3: &str = "Environ 3 200 passagers ont emprunté les ferries le premier jour, soit 12 % de plus que le même jour l'an dernier, selon la capitainerie.";
const FR_CREDITS: &str = "\n\n(Reportage Ana Brel à Orvanne et Piotr Zieliński à Varsovie; version française Luc Mirot, édité par Jeanne Ferre)";
const ROSTER: (&str, &str) = (
    "wirecheck.toml",
    "[credits]\nroster = [\"Luc Mirot\", \"Jeanne Ferre\"]\n",
);

struct Case {
    id: &'static str,
    /// (from, to) replacements on the base French that make the check fire.
    fr: &'static [(&'static str, &'static str)],
    /// Files added to the pair folder, in both the firing and the silent version.
    files: &'static [(&'static str, &'static str)],
}

/// One `mod <name> { fires, silent }` per case, and the table of all cases.
macro_rules! cases {
    ($($name:ident($id:literal) { fr: [$($edit:expr),* $(,)?] $(, files: [$($file:expr),* $(,)?])? $(,)? })*) => {
        const CASES: &[Case] = &[$(Case { id: $id, fr: &[$($edit),*], files: &[$($($file),*)?] }),*];
        $(mod $name {
            #[test]
            fn fires() {
                super::fires(super::case($id));
            }
            #[test]
            fn silent() {
                super::silent(super::case($id));
            }
        })*
    };
}

cases! {
    paragraph_omitted("paragraph-omitted") { fr: [(FR_P4, "")] }
    paragraph_added("paragraph-added") {
        fr: [(FR_CREDITS, "\n\nLe lac d'Orvanne, le plus grand de la région, attire chaque été des milliers de randonneurs et de pêcheurs.\n\n(Reportage Ana Brel à Orvanne et Piotr Zieliński à Varsovie; version française Luc Mirot, édité par Jeanne Ferre)")]
    }
    paragraph_moved("paragraph-moved") {
        fr: [(FR_P4, ""), ("\n\n« Les bateaux", "\n\nLe conseil régional prévoit de consacrer 4,5 millions d'euros au dragage du port avant l'hiver, a précisé Hugo Brandt, membre du conseil.\n\n« Les bateaux")]
    }
    sentence_omitted("sentence-omitted") {
        fr: [(", soit 12 % de plus que le même jour l'an dernier, selon la capitainerie.", ".")]
    }
    sentence_added("sentence-added") {
        fr: [("Hugo Brandt, membre du conseil.", "Hugo Brandt, membre du conseil. Les travaux mobiliseront deux dragues et une quarantaine d'ouvriers pendant trois mois.")]
    }
    number_mismatch("number-mismatch") { fr: [("3 200 passagers", "3 800 passagers")] }
    number_format("number-format") { fr: [("3 200 passagers", "3,200 passagers")] }
    currency_converted("currency-converted") { fr: [("4,5 millions d'euros", "3,9 millions de livres")] }
    date_mismatch("date-mismatch") { fr: [("a repris lundi", "a repris mardi")] }
    name_mismatch("name-mismatch") { fr: [("a précisé Hugo Brandt", "a précisé Hugo Meyer")] }
    quote_missing("quote-missing") {
        fr: [(FR_P2, "La porte-parole de l'exploitant, Clara Voss, s'est adressée aux journalistes sur le quai.")]
    }
    quote_added("quote-added") {
        fr: [("membre du conseil.", "membre du conseil. « Ce chantier sauvera la saison prochaine », a-t-il ajouté.")]
    }
    quote_speaker("quote-speaker") {
        fr: [("a déclaré aux journalistes sur le quai la porte-parole de l'exploitant, Clara Voss.", "a déclaré Hugo Brandt aux journalistes sur le quai.")]
    }
    length_ratio("length-ratio") { fr: [(FR_P3, "Environ 3 200 passagers le premier jour.")] }
    untranslated("untranslated") {
        fr: [("prévoit de consacrer 4,5 millions d'euros au dragage du port avant l'hiver", "plans to spend 4.5 million euros on dredging the harbour before the winter")]
    }
    control_characters("control-characters") {
        fr: [("a repris lundi", "a repris\u{1b}]0;PASS\u{7}\u{1b}[2J lundi")]
    }
    dateline_mismatch("dateline-mismatch") { fr: [("ORVANNE (Reuters)", "LYON (Reuters)")] }
    agency_tag_missing("agency-tag-missing") { fr: [("ORVANNE (Reuters) -", "ORVANNE -")] }
    credits_missing("credits-missing") { fr: [(FR_CREDITS, "")] }
    credits_reporter_missing("credits-reporter-missing") { fr: [(" et Piotr Zieliński à Varsovie", "")] }
    credits_reporter_added("credits-reporter-added") { fr: [("à Varsovie;", "à Varsovie, avec Marc Dorval;")] }
    credits_location_mismatch("credits-location-mismatch") { fr: [("Zieliński à Varsovie", "Zieliński à Cracovie")] }
    credits_name_spelling("credits-name-spelling") { fr: [("Piotr Zieliński à", "Piotr Zielinski à")] }
    credits_translator_missing("credits-translator-missing") { fr: [("version française Luc Mirot, ", "")] }
    credits_editor_missing("credits-editor-missing") { fr: [(", édité par Jeanne Ferre", "")] }
    credits_malformed("credits-malformed") { fr: [("à Varsovie;", "à Varsovie; photos de Marc Dorval;")] }
    credits_roster("credits-roster") {
        fr: [("édité par Jeanne Ferre", "édité par Jeanne Ferré")],
        files: [ROSTER],
    }
}

fn case(id: &str) -> &'static Case {
    CASES
        .iter()
        .find(|c| c.id == id)
        .expect("a case for this id")
}

/// The pair folder of a case: the base French with `edits` applied, the base
/// English and the case's files.
fn pair(case: &Case, edits: &[(&str, &str)]) -> TempPair {
    let mut fr = FR.to_string();
    for (from, to) in edits {
        assert!(
            fr.contains(from),
            "{}: {from:?} is not in the French",
            case.id
        );
        fr = fr.replacen(from, to, 1);
    }
    let p = TempPair::new(&fr, EN);
    for (name, text) in case.files {
        p.write(name, text);
    }
    p
}

/// Default severity of every check, from `wirecheck checks` (id, severity, summary).
fn listed_checks() -> Vec<(String, String)> {
    let out = run(["checks"]);
    assert!(out.status.success());
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .filter_map(|l| {
            let mut w = l.split_whitespace();
            Some((w.next()?.to_string(), w.next()?.to_string()))
        })
        .collect()
}

fn default_severity(id: &str) -> String {
    listed_checks()
        .into_iter()
        .find(|(i, _)| i == id)
        .unwrap_or_else(|| panic!("{id} is not listed by `wirecheck checks`"))
        .1
}

fn assert_fires(id: &str, report: &serde_json::Value) {
    let hits = crate::util::findings(report, id);
    assert!(
        !hits.is_empty(),
        "{id} should fire: {:#}",
        report["findings"]
    );
    let severity = default_severity(id);
    for f in hits {
        assert_eq!(f["severity"], severity.as_str(), "{id}: {f}");
    }
}

fn assert_silent(id: &str, report: &serde_json::Value) {
    let hits = crate::util::findings(report, id);
    assert!(hits.is_empty(), "{id} should be silent: {hits:#?}");
}

fn fires(case: &Case) {
    let r = pair(case, case.fr).check(&[]);
    assert_fires(case.id, &r.report);
}

fn silent(case: &Case) {
    let r = pair(case, &[]).check(&[]);
    assert_silent(case.id, &r.report);
}

#[test]
fn base_pair_has_no_finding_and_passes() {
    let r = TempPair::new(FR, EN).check(&[]);
    assert_eq!(r.code, 0);
    assert_eq!(r.report["findings"], serde_json::json!([]));
}

#[test]
fn every_listed_check_has_a_case() {
    let listed: BTreeSet<String> = listed_checks().into_iter().map(|(id, _)| id).collect();
    let mut covered: BTreeSet<String> = CASES.iter().map(|c| c.id.to_string()).collect();
    covered.insert("source-changed".into()); // needs a server: see `source_changed` below
    covered.insert("languages-swapped".into()); // swaps the files: see `languages_swapped` below
    covered.insert("markup-limit".into()); // needs an HTML side: see `markup_limit` below
    assert_eq!(listed, covered);
    assert_eq!(CASES.len() + 3, listed.len(), "one case per id");
}

/// `languages-swapped` fires on the base pair given the wrong way round, alone
/// (the other checks' findings are dropped), and is silent on the base pair.
#[test]
fn languages_swapped() {
    let r = TempPair::new(EN, FR).check(&[]);
    assert_eq!(r.code, 1);
    let all = r.report["findings"].as_array().unwrap();
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_fires("languages-swapped", &r.report);
    assert_silent(
        "languages-swapped",
        &TempPair::new(FR, EN).check(&[]).report,
    );
}

/// `markup-limit` needs an HTML side: the base English as `en.html`, its lede
/// under 300 nested `<div>`s (fires: nesting limit) or under one (silent).
mod markup_limit {
    use super::*;

    fn check_nested(depth: usize) -> serde_json::Value {
        let body: String = EN
            .split("\n\n")
            .filter(|p| !p.trim().is_empty())
            .map(|p| format!("<p>{}</p>", p.trim()))
            .collect();
        let html = format!(
            "<html><body><article>{}{body}{}</article></body></html>",
            "<div>".repeat(depth),
            "</div>".repeat(depth)
        );
        let p = TempPair::empty();
        p.write("fr.txt", FR);
        p.write("en.html", html);
        p.check(&[]).report
    }

    #[test]
    fn fires() {
        assert_fires("markup-limit", &check_nested(300));
    }

    #[test]
    fn silent() {
        assert_silent("markup-limit", &check_nested(1));
    }
}

/// `source-changed` needs a live source: the pair keeps its English as `en.txt`
/// with a `source.toml` URL on the loopback test server, checked with `--refetch`.
mod source_changed {
    use super::*;

    /// Check the base pair against a live page serving `live`.
    fn check_against(live: &str) -> serde_json::Value {
        let live = live.to_string();
        let srv = Server::start(move |_| Response::ok("text/plain; charset=utf-8", live.clone()));
        let p = TempPair::new(FR, EN);
        p.write("source.toml", format!("url = \"{}\"\n", srv.url("/ferry")));
        // the test server is on the loopback interface: the policy allows it
        p.write(
            "wirecheck.toml",
            "[fetch]\nallow-private = [\"127.0.0.1\"]\n",
        );
        let cache = p.file("cache");
        p.check(&["--refetch", "--cache-dir", cache.to_str().unwrap()])
            .report
    }

    #[test]
    fn fires() {
        let r = check_against(&EN.replace("About 3,200", "About 3,900"));
        assert_fires("source-changed", &r);
        let f = crate::util::findings(&r, "source-changed")[0];
        assert_eq!(
            (&f["fr"], &f["en"]),
            (&serde_json::json!([3]), &serde_json::json!([3]))
        );
    }

    #[test]
    fn silent() {
        let r = check_against(EN);
        assert_silent("source-changed", &r);
        assert!(
            r["drift"].is_object(),
            "the live page was fetched and compared"
        );
    }
}
