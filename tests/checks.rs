//! Every divergence check in both directions: silent on a faithful translation
//! (tests/fixtures/story), firing on a French side edited in one place. The edits
//! are made here, on the fixture text, so each test names exactly what changed.

use crate::util::{self, check_texts, Checked};

fn fixture(name: &str) -> String {
    util::read_fixture(&format!("story/{name}"))
}

/// The French fixture with one paragraph replaced (paragraphs are blank-line separated).
fn fr_with(index: usize, text: &str) -> String {
    let fr = fixture("fr.txt");
    let mut paras: Vec<String> = fr.trim_end().split("\n\n").map(String::from).collect();
    paras[index] = text.to_string();
    paras.join("\n\n") + "\n"
}

fn fires_on_fr(r: &Checked, id: &str, fr_index: u64) {
    let hits = r.findings(id);
    assert!(
        hits.iter()
            .any(|f| f["fr"].as_array().unwrap().iter().any(|i| i == fr_index)),
        "expected {id} on fr ¶{fr_index}, got {:#}",
        r.report["findings"]
    );
}

#[test]
fn faithful_translation_has_no_finding_and_passes() {
    let r = check_texts(&fixture("fr.txt"), &fixture("en.txt"), &[]);
    assert_eq!(r.code, 0);
    assert_eq!(r.report["verdict"], "pass");
    assert_eq!(
        r.report["findings"].as_array().unwrap().len(),
        0,
        "{:#}",
        r.report["findings"]
    );
}

#[test]
fn number_changed_is_number_mismatch() {
    let fr = fr_with(1, "VALMER (Reuters) - Les dockers de Valmer ont mis fin mardi à une grève de neuf jours après que l'autorité portuaire a accepté d'augmenter les salaires de 5,5 %, a déclaré la dirigeante syndicale Marta Ilić.");
    let r = check_texts(&fr, &fixture("en.txt"), &[]);
    fires_on_fr(&r, "number-mismatch", 1);
    assert_eq!(r.code, 1);
}

#[test]
fn weekday_changed_is_date_mismatch() {
    let fr = fr_with(1, "VALMER (Reuters) - Les dockers de Valmer ont mis fin jeudi à une grève de neuf jours après que l'autorité portuaire a accepté d'augmenter les salaires de 4,5 %, a déclaré la dirigeante syndicale Marta Ilić.");
    let r = check_texts(&fr, &fixture("en.txt"), &[]);
    fires_on_fr(&r, "date-mismatch", 1);
}

#[test]
fn substituted_city_is_name_mismatch_but_exonym_is_not() {
    let fr = fr_with(4, "Les compagnies maritimes avaient dérouté au moins 40 navires vers Marseille et Rotterdam pendant le conflit.");
    let r = check_texts(&fr, &fixture("en.txt"), &[]);
    fires_on_fr(&r, "name-mismatch", 4);
    // Lisbonne = Lisbon in the faithful text: covered by the no-finding test above
}

#[test]
fn invented_quotation_is_quote_added() {
    let fr = fr_with(4, "Les compagnies maritimes avaient dérouté au moins 40 navires vers Lisbonne et Rotterdam pendant le conflit. « Nous ne céderons jamais devant la direction », a ajouté Marta Ilić.");
    let r = check_texts(&fr, &fixture("en.txt"), &[]);
    fires_on_fr(&r, "quote-added", 4);
    assert_eq!(r.code, 1);
}

#[test]
fn dropped_quotation_is_quote_missing() {
    let fr = fr_with(
        2,
        "Marta Ilić s'est ensuite adressée aux journalistes devant le siège du syndicat.",
    );
    let r = check_texts(&fr, &fixture("en.txt"), &[]);
    let hits = r.findings("quote-missing");
    assert!(
        hits.iter().any(|f| f["en"][0] == 2),
        "{:#}",
        r.report["findings"]
    );
}

#[test]
fn quotation_given_to_someone_else_is_quote_speaker() {
    let fr = fr_with(2, "« Cet accord protège 2 300 emplois et nos familles », a déclaré Luis Moreno aux journalistes devant le siège du syndicat.");
    let r = check_texts(&fr, &fixture("en.txt"), &[]);
    fires_on_fr(&r, "quote-speaker", 2);
}

#[test]
fn half_translated_paragraph_is_length_ratio() {
    let fr = fr_with(3, "Le port traite environ 12 millions de tonnes.");
    let r = check_texts(&fr, &fixture("en.txt"), &[]);
    fires_on_fr(&r, "length-ratio", 3);
    assert_eq!(r.code, 0, "length-ratio is a warning");
}

#[test]
fn english_left_in_french_is_untranslated() {
    let fr = fr_with(4, "Les compagnies maritimes had diverted at least 40 vessels to Lisbon and Rotterdam during the dispute.");
    let r = check_texts(&fr, &fixture("en.txt"), &[]);
    fires_on_fr(&r, "untranslated", 4);
}

#[test]
fn changed_dateline_city_and_dropped_agency_tag() {
    let fr = fr_with(1, "LISBONNE - Les dockers de Valmer ont mis fin mardi à une grève de neuf jours après que l'autorité portuaire a accepté d'augmenter les salaires de 4,5 %, a déclaré la dirigeante syndicale Marta Ilić.");
    let r = check_texts(&fr, &fixture("en.txt"), &[]);
    fires_on_fr(&r, "dateline-mismatch", 1);
    fires_on_fr(&r, "agency-tag-missing", 1);
}

#[test]
fn omitted_added_and_moved_paragraphs() {
    let fr = fixture("fr.txt");
    let mut p: Vec<&str> = fr.trim_end().split("\n\n").collect();
    // omit EN ¶4, move FR "directeur du port" (EN ¶6) up to after ¶2, add a context paragraph
    p.remove(4);
    let moved = p.remove(5);
    p.insert(3, moved);
    p.insert(2, "Valmer est une ville de pêcheurs connue pour ses festivals de musique et ses plages de sable fin.");
    let fr = p.join("\n\n") + "\n";
    let r = check_texts(&fr, &fixture("en.txt"), &[]);
    assert_eq!(r.code, 0, "structural findings are warnings and info");
    assert!(
        r.findings("paragraph-omitted")
            .iter()
            .any(|f| f["en"][0] == 4),
        "{:#}",
        r.report["alignment"]
    );
    fires_on_fr(&r, "paragraph-added", 2);
    fires_on_fr(&r, "paragraph-moved", 4);
    // the moved paragraph is aligned, not reported as omitted + added
    assert!(!r
        .findings("paragraph-omitted")
        .iter()
        .any(|f| f["en"][0] == 6));
}

#[test]
fn fail_on_warning_makes_warnings_block() {
    let fr = fr_with(3, "Le port traite environ 12 millions de tonnes.");
    let r = check_texts(&fr, &fixture("en.txt"), &["--fail-on", "warning"]);
    assert_eq!(r.code, 1);
    assert_eq!(r.report["fail_on"], "warning");
}

#[test]
fn a_check_turned_off_in_config_is_silent() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("wirecheck.toml");
    std::fs::write(&cfg, "[checks]\nnumber-mismatch = \"off\"\n").unwrap();
    let fr = fr_with(1, "VALMER (Reuters) - Les dockers de Valmer ont mis fin mardi à une grève de neuf jours après que l'autorité portuaire a accepté d'augmenter les salaires de 5,5 %, a déclaré la dirigeante syndicale Marta Ilić.");
    let r = check_texts(
        &fr,
        &fixture("en.txt"),
        &["--config", cfg.to_str().unwrap()],
    );
    assert!(r.findings("number-mismatch").is_empty());
    assert_eq!(r.code, 0);
}

/// Regression: the English paragraph is one long quotation that the French tells
/// in its own words, and the French adds a short attributed quotation of its own.
/// The two leftovers must not cancel each other out.
#[test]
fn invented_quote_beside_a_narrated_english_quotation_is_quote_added() {
    let en = fixture("en.txt").replace(
        "The government had urged both sides to reach a deal before the tourist season.",
        "\"Even if the harbour needed reform, we could never accept a plan that leaves the docks without enough workers for the summer,\" the union's statement read.",
    );
    let fr = fr_with(7, "Même si le port avait besoin d'une réforme, le syndicat juge inacceptable un projet qui laisserait les quais sans assez d'ouvriers pour l'été, selon son communiqué. « Nous ne reculerons pas », a souligné Marta Ilić.");
    let r = check_texts(&fr, &en, &[]);
    fires_on_fr(&r, "quote-added", 7);
}

/// Regression (a merge the aligner missed): the English quotation sits in a
/// paragraph of its own that the alignment leaves out, and the French renders it
/// freely inside its neighbour. The omission is reported; the French quotation is
/// not also reported as invented. Without a quotation in that neighbour, it is.
#[test]
fn quotation_from_a_left_out_english_neighbour_is_not_quote_added() {
    let moreno = "Port director Luis Moreno said traffic would return to normal within a week.\n";
    let extra = |quoted: bool| {
        let q = if quoted {
            "\"slightly more robust appetite\""
        } else {
            "slightly more robust appetite"
        };
        fixture("en.txt").replace(
            moreno,
            &format!("{moreno}\nHe had a {q} for risk than his predecessor, colleagues who worked with him for two decades at three other harbours recalled on Wednesday.\n"),
        )
    };
    let fr = fr_with(6, "Le directeur du port, Luis Moreno, a déclaré que le trafic reviendrait à la normale d'ici une semaine. Il avait certes « un estomac un peu plus solide ».");
    let r = check_texts(&fr, &extra(true), &[]);
    assert!(
        r.findings("quote-added").is_empty(),
        "{:#}",
        r.report["findings"]
    );
    assert!(!r.findings("paragraph-omitted").is_empty());
    let r = check_texts(&fr, &extra(false), &[]);
    fires_on_fr(&r, "quote-added", 6);
}

/// Regression: a one-sentence English paragraph the French left out, sharing
/// nothing with its neighbour, is reported omitted, not absorbed into the
/// neighbour's bead as the second half of a split.
#[test]
fn short_unrelated_english_paragraph_left_out_is_omitted_not_absorbed() {
    let en = fixture("en.txt");
    let paras: Vec<&str> = en.trim_end().split("\n\n").collect();
    for pos in [1, 4, 7] {
        let mut with: Vec<&str> = paras.clone();
        with.insert(pos + 1, "It was cold.");
        let r = check_texts(&fixture("fr.txt"), &(with.join("\n\n") + "\n"), &[]);
        let omitted = r.findings("paragraph-omitted");
        assert!(
            omitted
                .iter()
                .any(|f| f["en"] == serde_json::json!([pos + 1])),
            "en ¶{} should be omitted: {:#}",
            pos + 1,
            r.report["findings"]
        );
    }
}
