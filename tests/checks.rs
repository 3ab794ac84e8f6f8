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

/// An invented dispatch around one French and one English body paragraph.
fn tram_pair(fr_body: &str, en_body: &str) -> (String, String) {
    (
        format!("Feu vert pour le tramway de Korvala\n\nKORVALA (Reuters) - La ville de Korvala aura une deuxième ligne de tramway, a annoncé mardi la mairie.\n\n{fr_body}\n\nLes premiers trams doivent circuler à l'automne 2028, selon le calendrier de la mairie.\n\n(Reportage Ines Dorval; version française Paul Mercier, édité par Anne Roux)\n"),
        format!("Korvala approves tram line\n\nKORVALA, May 6 (Reuters) - The city of Korvala will get a second tram line, the city hall said on Tuesday.\n\n{en_body}\n\nThe first trams are due to run in the autumn of 2028, according to the city hall's timetable.\n\n(Reporting by Ines Dorval; Editing by Mark Hale)\n"),
    )
}

const TRAM_EN: &str = "The city council approved the new tram line after a two-hour debate. Work on the 14-kilometre route will start in March and cost 310 million euros. Mayor Elena Varga called the vote a turning point for the eastern districts.";
const TRAM_FR: &str = "Le conseil municipal a approuvé la nouvelle ligne de tramway après un débat de deux heures. Les travaux sur le tracé de 14 kilomètres commenceront en mars et coûteront 310 millions d'euros. La maire Elena Varga a qualifié ce vote de tournant pour les quartiers de l'est.";

fn sentence_findings(fr_body: &str, en_body: &str, id: &str) -> Vec<serde_json::Value> {
    let (fr, en) = tram_pair(fr_body, en_body);
    let r = check_texts(&fr, &en, &[]);
    r.findings(id).into_iter().cloned().collect()
}

#[test]
fn dropped_sentence_inside_a_paragraph_is_sentence_omitted() {
    let fr = "Le conseil municipal a approuvé la nouvelle ligne de tramway après un débat de deux heures. La maire Elena Varga a qualifié ce vote de tournant pour les quartiers de l'est.";
    let hits = sentence_findings(fr, TRAM_EN, "sentence-omitted");
    assert_eq!(hits.len(), 1, "{hits:#?}");
    assert_eq!(hits[0]["severity"], "warning");
    assert_eq!(util::indices(&hits[0]["en"]), [2]);
    assert!(
        hits[0]["en_text"]
            .as_str()
            .unwrap()
            .starts_with("Work on the 14-kilometre route"),
        "{hits:#?}"
    );
}

#[test]
fn dropped_clause_inside_a_sentence_is_sentence_omitted() {
    let en = "The council approved the line by 31 votes to 12, although three opposition members walked out of the chamber in protest against the cost. Mayor Elena Varga called the vote a turning point for the eastern districts.";
    let fr = "Le conseil a approuvé la ligne par 31 voix contre 12. La maire Elena Varga a qualifié ce vote de tournant pour les quartiers de l'est.";
    let hits = sentence_findings(fr, en, "sentence-omitted");
    assert_eq!(hits.len(), 1, "{hits:#?}");
    assert!(
        hits[0]["en_text"]
            .as_str()
            .unwrap()
            .contains("opposition members walked out"),
        "{hits:#?}"
    );
    // translated, the same clause is silent
    let fr = "Le conseil a approuvé la ligne par 31 voix contre 12, bien que trois membres de l'opposition aient quitté la salle pour protester contre le coût. La maire Elena Varga a qualifié ce vote de tournant pour les quartiers de l'est.";
    assert_eq!(
        sentence_findings(fr, en, "sentence-omitted"),
        Vec::<serde_json::Value>::new()
    );
}

#[test]
fn faithful_sentences_merged_split_or_reordered_are_silent() {
    let merged = "Le conseil municipal a approuvé la nouvelle ligne de tramway après un débat de deux heures, et les travaux sur le tracé de 14 kilomètres commenceront en mars pour 310 millions d'euros. La maire Elena Varga a qualifié ce vote de tournant pour les quartiers de l'est.";
    let split = "Le conseil municipal a approuvé la nouvelle ligne de tramway. Le débat a duré deux heures. Les travaux sur le tracé de 14 kilomètres commenceront en mars et coûteront 310 millions d'euros. La maire Elena Varga a qualifié ce vote de tournant pour les quartiers de l'est.";
    let reordered = "Le conseil municipal a approuvé la nouvelle ligne de tramway après un débat de deux heures. La maire Elena Varga a qualifié ce vote de tournant pour les quartiers de l'est. Les travaux sur le tracé de 14 kilomètres commenceront en mars et coûteront 310 millions d'euros.";
    for fr in [TRAM_FR, merged, split, reordered] {
        for id in ["sentence-omitted", "sentence-added"] {
            assert_eq!(
                sentence_findings(fr, TRAM_EN, id),
                Vec::<serde_json::Value>::new(),
                "{id} on {fr}"
            );
        }
    }
}

#[test]
fn added_sentence_inside_a_paragraph_is_sentence_added() {
    let fr = format!("{TRAM_FR} Le chantier mobilisera près de 600 ouvriers venus de toute la région pendant quatre ans.");
    let hits = sentence_findings(&fr, TRAM_EN, "sentence-added");
    assert_eq!(hits.len(), 1, "{hits:#?}");
    assert_eq!(hits[0]["severity"], "info");
    assert!(hits[0]["fr_text"]
        .as_str()
        .unwrap()
        .contains("600 ouvriers"));
    assert_eq!(
        sentence_findings(&fr, TRAM_EN, "sentence-omitted"),
        Vec::<serde_json::Value>::new()
    );
}

/// A verbose French sentence that stops before the English sentence's last
/// clause: its length stays plausible, but the names of the clause are nowhere
/// in the French paragraph.
const TWIN_EN: &str = "In June 2027, shortly before the region held what officials called a \"consultative vote\" on the project, which residents dismissed as a formality, Korvala and Tervi signed a \"twin city\" agreement.";

#[test]
fn dropped_clause_carrying_names_is_a_warning_even_in_a_long_french_sentence() {
    let cut = "En juin 2027, peu avant que la région organise ce que les responsables ont présenté comme un « vote consultatif » sur le projet mais que les habitants ont rejeté comme une simple formalité.";
    let hits = sentence_findings(cut, TWIN_EN, "sentence-omitted");
    assert_eq!(hits.len(), 1, "{hits:#?}");
    assert_eq!(hits[0]["severity"], "warning");
    assert!(
        hits[0]["en_text"]
            .as_str()
            .unwrap()
            .starts_with("Korvala and Tervi signed"),
        "{hits:#?}"
    );
    let faithful = "En juin 2027, peu avant que la région organise ce que les responsables ont présenté comme un « vote consultatif » sur le projet mais que les habitants ont rejeté comme une simple formalité, Korvala et Tervi ont signé un accord de « villes jumelles ».";
    // the same content split in two French sentences, or the names moved first
    let split = "En juin 2027, peu avant que la région organise ce que les responsables ont présenté comme un « vote consultatif » sur le projet, Korvala et Tervi ont signé un accord de « villes jumelles ». Les habitants ont rejeté ce vote comme une simple formalité.";
    let moved = "Korvala et Tervi ont signé un accord de « villes jumelles » en juin 2027, peu avant que la région organise ce que les responsables ont présenté comme un « vote consultatif » sur le projet, que les habitants ont rejeté comme une simple formalité.";
    for fr in [faithful, split, moved] {
        assert_eq!(
            sentence_findings(fr, TWIN_EN, "sentence-omitted"),
            Vec::<serde_json::Value>::new(),
            "{fr}"
        );
    }
}

/// A left-out sentence with no name or number gone may be a free translation
/// the lexicon does not link: reported as information, unless it is long or
/// absent from a French group that renders the rest closely.
#[test]
fn dropped_sentence_without_names_or_numbers_is_information() {
    let en = "The city council approved the new tram line after a two-hour debate. Several residents complained that the building works would bring noise and dust to their quiet streets for years. Mayor Elena Varga called the vote a turning point for the eastern districts.";
    let fr = "Le conseil municipal a approuvé la nouvelle ligne de tramway après un débat de deux heures. La maire Elena Varga a qualifié ce vote de tournant pour les quartiers de l'est.";
    // eight content words or more gone: a warning even without a name or number
    let hits = sentence_findings(fr, en, "sentence-omitted");
    assert_eq!(hits.len(), 1, "{hits:#?}");
    assert_eq!(hits[0]["severity"], "warning");
    assert!(hits[0]["en_text"]
        .as_str()
        .unwrap()
        .starts_with("Several residents"));
    // a short sentence of words only, the rest of the French a close
    // translation and no French left over for it: absent, a warning
    let en = "The city council approved the new tram line after a two-hour debate. Several angry residents complained bitterly about the dust. Mayor Elena Varga called the vote a turning point for the eastern districts.";
    let hits = sentence_findings(fr, en, "sentence-omitted");
    assert_eq!(hits.len(), 1, "{hits:#?}");
    assert_eq!(hits[0]["severity"], "warning");
    // the same sentence where the rest of the French is a free translation the
    // lexicon links little of: its words may be hidden the same way, information
    let free = "Les élus ont dit oui au projet au terme de deux heures de discussions. Pour la maire Elena Varga, c'est un tournant pour l'est de la ville.";
    let hits = sentence_findings(free, en, "sentence-omitted");
    assert_eq!(hits.len(), 1, "{hits:#?}");
    assert_eq!(hits[0]["severity"], "info");
    // rendered freely inside a French sentence: silent
    let merged = "Le conseil municipal a approuvé la nouvelle ligne de tramway après un débat de deux heures. La maire Elena Varga, sous les huées de quelques riverains mécontents que la poussière exaspère, a qualifié ce vote de tournant pour les quartiers de l'est.";
    assert_eq!(
        sentence_findings(merged, en, "sentence-omitted"),
        Vec::<serde_json::Value>::new()
    );
}

/// An English sentence that quotes the French words as said is not a sentence
/// the French left out, though the lexicon links none of its words.
#[test]
fn english_sentence_quoting_the_french_words_is_not_omitted() {
    let en = "The city council approved the new tram line after a two-hour debate. Mayor Elena Varga told the council that the residents had waited long enough. \"Nous avons attendu ce tramway pendant vingt ans, et nous ne voulons plus attendre.\"";
    let fr = "Le conseil municipal a approuvé la nouvelle ligne de tramway après un débat de deux heures. La maire Elena Varga a déclaré au conseil que les habitants avaient assez attendu: \"Nous avons attendu ce tramway pendant vingt ans, et nous ne voulons plus attendre.\"";
    assert_eq!(
        sentence_findings(fr, en, "sentence-omitted")
            .iter()
            .filter(|f| f["severity"] == "warning")
            .count(),
        0
    );
}

/// A name of a clause counts as rendered when the French paragraph names the
/// same person in another spelling (a transliteration, a variant the keys do
/// not meet), as `name-mismatch` has it; another name is not a rendering.
#[test]
fn dropped_clause_name_in_a_variant_spelling_is_rendered_another_name_is_not() {
    let en = |name: &str| {
        format!("The city council approved the new tram line after a two-hour debate, which the housing adviser {name} had opened. Mayor Elena Varga called the vote a turning point for the eastern districts.")
    };
    let fr = |name: &str| {
        format!("Le conseil municipal a approuvé la nouvelle ligne de tramway après un débat de deux heures. La maire Elena Varga, aux côtés de {name}, a qualifié ce vote de tournant pour les quartiers de l'est.")
    };
    let warnings = |en_name: &str, fr_name: &str| {
        sentence_findings(&fr(fr_name), &en(en_name), "sentence-omitted")
            .into_iter()
            .filter(|f| f["severity"] == "warning")
            .count()
    };
    for (en_name, fr_name) in [
        ("Khalid Haddad", "Khaled Hadad"),
        ("Yuri Chaikin", "Tchaïkine"),
        ("Muammar Gaddafi", "Mouammar Kadhafi"),
    ] {
        assert_eq!(warnings(en_name, fr_name), 0, "{en_name} / {fr_name}");
    }
    for (en_name, fr_name) in [
        ("Yuri Chaikin", "Piotr Lavine"),
        ("Yuri Chaikin", "Tchékine"),
    ] {
        assert_eq!(warnings(en_name, fr_name), 1, "{en_name} / {fr_name}");
    }
}

/// A left-out sentence whose words the French uses for its neighbour (the
/// same quarter, the same young people) is judged by its numbers: gone from
/// the French paragraph, a warning; translated, or merged into the neighbour,
/// silent.
#[test]
fn dropped_sentence_sharing_its_neighbours_words_is_found_by_its_numbers() {
    let en = "The city council approved the new tram line after a two-hour debate. Unemployment among young people rose again in the eastern districts in the third quarter. In the third quarter, 6,400 young people aged 18 to 25 were unemployed in the eastern districts.";
    let head = "Le conseil municipal a approuvé la nouvelle ligne de tramway après un débat de deux heures. Le chômage des jeunes a encore augmenté dans les quartiers de l'est au troisième trimestre";
    let hits = sentence_findings(&format!("{head}."), en, "sentence-omitted");
    assert_eq!(hits.len(), 1, "{hits:#?}");
    assert_eq!(hits[0]["severity"], "warning");
    assert!(hits[0]["en_text"].as_str().unwrap().contains("6,400"));
    for fr in [
        format!("{head}. Au troisième trimestre, 6 400 jeunes de 18 à 25 ans étaient au chômage dans les quartiers de l'est."),
        format!("{head}, où 6 400 jeunes de 18 à 25 ans étaient au chômage."),
    ] {
        assert_eq!(
            sentence_findings(&fr, en, "sentence-omitted"),
            Vec::<serde_json::Value>::new(),
            "{fr}"
        );
    }
}
