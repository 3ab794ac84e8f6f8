//! `name-mismatch` on the phenomena of real translations, each both ways: silent
//! on the faithful wording, firing (at the stated severity) on a wrong one. Every
//! text is invented.

use crate::util::{check_texts, Checked};

/// A dispatch with one body paragraph after the dateline paragraph.
fn pair(fr_body: &str, en_body: &str) -> Checked {
    let fr = format!(
        "Le conseil de Valmer se réunit\n\nVALMER (Reuters) - Le conseil municipal s'est réuni mardi pour examiner le budget du port.\n\n{fr_body}\n\n(Reportage Ana Brel; version française Luc Mirot, édité par Jeanne Ferre)\n"
    );
    let en = format!(
        "Valmer council meets\n\nVALMER, March 3 (Reuters) - The town council met on Tuesday to examine the port budget.\n\n{en_body}\n\n(Reporting by Ana Brel; Editing by Tom Hale)\n"
    );
    check_texts(&fr, &en, &[])
}

/// The severities of the `name-mismatch` findings whose French text is `fr_text`.
fn names(r: &Checked, fr_text: &str) -> Vec<String> {
    r.findings("name-mismatch")
        .iter()
        .filter(|f| f["fr_text"] == fr_text)
        .map(|f| f["severity"].as_str().unwrap_or("").to_string())
        .collect()
}

fn no_name_finding(r: &Checked) {
    assert!(
        r.findings("name-mismatch").is_empty(),
        "{:#}",
        r.report["findings"]
    );
}

#[test]
fn roman_century_is_not_a_name() {
    no_name_finding(&pair(
        "Le peintre Picasso a dominé l'art du XXe siècle, puis celui du XIXème aussi.",
        "The painter Picasso dominated the art of the 20th century, then that of the nineteenth too.",
    ));
    let r = pair(
        "Le peintre Hopper a dominé l'art du XXe siècle.",
        "The painter Picasso dominated the art of the 20th century.",
    );
    assert_eq!(names(&r, "Hopper"), ["error"], "{:#}", r.report["findings"]);
    assert!(names(&r, "XXe").is_empty());
}

#[test]
fn number_words_and_era_notation_are_not_names() {
    no_name_finding(&pair(
        "Les Vingt-Sept ont acheté à Vienne un vase du IIe siècle avant Jésus-Christ.",
        "The Twenty-Seven bought in Vienna a vase from the 2nd century BC.",
    ));
    let r = pair(
        "Les Vingt-Sept ont acheté à Prague un vase du IIe siècle avant Jésus-Christ.",
        "The Twenty-Seven bought in Vienna a vase from the 2nd century BC.",
    );
    assert_eq!(names(&r, "Prague"), ["error"], "{:#}", r.report["findings"]);
    assert!(names(&r, "Vingt-Sept").is_empty() && names(&r, "Jésus-Christ").is_empty());
}

#[test]
fn interjection_after_a_comma_is_not_a_name() {
    no_name_finding(&pair(
        "Le maire Oskar Lind a répondu, « Eh bien, nous verrons ».",
        "Mayor Oskar Lind replied, \"Well, we shall see\".",
    ));
    let r = pair(
        "Le maire Oskar Brandt a répondu, « Eh bien, nous verrons ».",
        "Mayor Oskar Lind replied, \"Well, we shall see\".",
    );
    assert_eq!(
        names(&r, "Oskar Brandt"),
        ["error"],
        "{:#}",
        r.report["findings"]
    );
}

#[test]
fn reordered_words_are_the_same_name() {
    no_name_finding(&pair(
        "Il a signé avec le cabinet PLLC Varnholt la semaine dernière.",
        "He signed with the Varnholt PLLC firm last week.",
    ));
    let r = pair(
        "Il a signé avec le cabinet PLLC Ostermann la semaine dernière.",
        "He signed with the Varnholt PLLC firm last week.",
    );
    assert_eq!(
        names(&r, "PLLC Ostermann"),
        ["error"],
        "{:#}",
        r.report["findings"]
    );
}

#[test]
fn translated_name_with_the_same_consonants_is_the_same_name() {
    no_name_finding(&pair(
        "La loi, surnommée \"Cendrillon\", interdit le jeu après minuit.",
        "The law, nicknamed \"Cinderella\", bans gaming after midnight.",
    ));
    let r = pair(
        "La loi, surnommée \"Raiponce\", interdit le jeu après minuit.",
        "The law, nicknamed \"Cinderella\", bans gaming after midnight.",
    );
    assert_eq!(
        names(&r, "Raiponce"),
        ["error"],
        "{:#}",
        r.report["findings"]
    );
}

#[test]
fn nickname_after_an_article_is_only_a_warning() {
    // a team's nickname on each side: not a substituted person
    let r = pair(
        "Kessler a marqué le but de la victoire du Rouge-et-Or en prolongation.",
        "Kessler scored the winning goal for the Oilers in overtime.",
    );
    assert_eq!(
        names(&r, "Rouge-et-Or"),
        ["warning"],
        "{:#}",
        r.report["findings"]
    );
    assert_eq!(r.code, 0);
    // a substituted player, no article: an error
    let r = pair(
        "Le joueur Brenner a marqué le but de la victoire en prolongation.",
        "The player Kessler scored the winning goal in overtime.",
    );
    assert_eq!(
        names(&r, "Brenner"),
        ["error"],
        "{:#}",
        r.report["findings"]
    );
}

#[test]
fn overlapping_place_is_a_warning_another_place_an_error() {
    let r = pair(
        "Les exportations vers l'Angleterre ont baissé de 4 %.",
        "Exports to Britain fell by 4%.",
    );
    assert_eq!(
        names(&r, "Angleterre"),
        ["warning"],
        "{:#}",
        r.report["findings"]
    );
    let r = pair(
        "Les exportations vers la Pologne ont baissé de 4 %.",
        "Exports to Britain fell by 4%.",
    );
    assert_eq!(
        names(&r, "Pologne"),
        ["error"],
        "{:#}",
        r.report["findings"]
    );
}

#[test]
fn place_widened_to_the_world_is_reported() {
    no_name_finding(&pair(
        "Le train sera le plus rapide d'Europe, selon Hanna Vold.",
        "The train will be the fastest in Europe, according to Hanna Vold.",
    ));
    let r = pair(
        "Le train sera le plus rapide du monde, selon Hanna Vold.",
        "The train will be the fastest in Europe, according to Hanna Vold.",
    );
    assert_eq!(
        r.findings("name-mismatch").len(),
        1,
        "{:#}",
        r.report["findings"]
    );
    assert_eq!(r.findings("name-mismatch")[0]["en_text"], "Europe");
}

#[test]
fn misspelled_name_is_reported_romanisations_are_not() {
    for (fr, en) in [
        ("Lewadnowski", "Lewandowski"), // two letters swapped
        ("Hallvorsten", "Hallvorsen"),  // a consonant added
        ("Brendhagen", "Brendhaven"),   // a consonant changed
    ] {
        let r = pair(
            &format!("Le peintre Tomas {fr} expose ses toiles à Valmer."),
            &format!("The painter Tomas {en} is showing his canvases in Valmer."),
        );
        assert_eq!(
            names(&r, &format!("Tomas {fr}")),
            ["error"],
            "{fr}: {:#}",
            r.report["findings"]
        );
    }
    for (fr, en) in [
        ("Zelenski", "Zelensky"),
        ("Kadhafi", "Gaddafi"),
        ("Mohammad", "Mohammed"),
    ] {
        no_name_finding(&pair(
            &format!("Le dirigeant {fr} a reçu la délégation à Valmer."),
            &format!("The leader {en} received the delegation in Valmer."),
        ));
    }
}

#[test]
fn substituted_name_next_to_an_acronym_is_found() {
    let r = pair(
        "Le document vient d'un ancien consultant de la NSA Edward Marchetti, selon le journal.",
        "The document comes from a former NSA consultant, Edward Snowden, according to the paper.",
    );
    assert_eq!(
        names(&r, "Edward Marchetti"),
        ["error"],
        "{:#}",
        r.report["findings"]
    );
}
