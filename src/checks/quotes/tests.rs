//! The quotation checks on invented pairs, each phenomenon both ways.

use crate::checks::bead::testing::{frame, run_check};
use crate::finding::Finding;

/// The checks by id, from the registry (no check module imports another).
const ADDED: &str = "quote-added";
const MISSING: &str = "quote-missing";
const SPEAKER: &str = "quote-speaker";

fn run(id: &str, fr_body: &str, en_body: &str) -> Vec<Finding> {
    let (fr, en) = frame(fr_body, en_body);
    let check = crate::checks::find(id).expect("registered check");
    run_check(check, &fr, &en)
}

const EN_TALKS: &str = "After meeting Jan Novak, Piotr Wisniewski said the two countries had decided \"to open a dialogue with other partners on the issue\".";

#[test]
fn speaker_swap_in_a_quoted_fragment_is_reported_sure() {
    let right = "Après s'être entretenu avec Jan Novak, Piotr Wisniewski a déclaré que les deux pays avaient décidé « d'ouvrir un dialogue avec d'autres partenaires sur la question ».";
    assert!(run(SPEAKER, right, EN_TALKS).is_empty());
    let swapped = "Après s'être entretenu avec Piotr Wisniewski, Jan Novak a déclaré que les deux pays avaient décidé « d'ouvrir un dialogue avec d'autres partenaires sur la question ».";
    let f = run(SPEAKER, swapped, EN_TALKS);
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(!f[0].lesser);
    assert!(f[0].message.contains("Jan Novak"));
}

#[test]
fn speaker_given_by_job_title_is_checked() {
    let en_ok = "Health Minister Claire Vidal presented the plan on Tuesday.\n\n\"We will keep our promises to the nurses,\" the minister said.";
    let en_other = "Health Minister Claire Vidal presented the plan on Tuesday.\n\n\"We will keep our promises to the nurses,\" said Transport Minister Paul Girard.";
    let fr = "La ministre de la Santé, Claire Vidal, a présenté le plan mardi.\n\n« Nous tiendrons nos promesses aux infirmières », a déclaré la ministre.";
    assert!(run(SPEAKER, fr, en_ok).is_empty());
    let f = run(SPEAKER, fr, en_other);
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(f[0].message.contains("Claire Vidal") && f[0].message.contains("Paul Girard"));
}

#[test]
fn speakers_compare_with_the_name_rules() {
    // transliteration and family name alone
    let en = "\"We will not give up the talks,\" said Sergei Ivanov.";
    let fr = "« Nous n'abandonnerons pas les négociations », a déclaré Sergueï Ivanov.";
    assert!(run(SPEAKER, fr, en).is_empty());
    let fr = "« Nous n'abandonnerons pas les négociations », a déclaré M. Ivanov.";
    assert!(run(SPEAKER, fr, en).is_empty());
    let fr = "« Nous n'abandonnerons pas les négociations », a déclaré Oleg Petrov.";
    assert_eq!(run(SPEAKER, fr, en).len(), 1);
}

#[test]
fn pronouns_on_both_sides_are_not_compared_one_is_doubtful() {
    let en = "Marta Silva met Joao Reis.\n\n\"The deal is done and signed,\" he said.";
    let fr =
        "Marta Silva a rencontré Joao Reis.\n\n« L'accord est conclu et signé », a-t-elle dit.";
    assert!(run(SPEAKER, fr, en).is_empty());
    // the French pronoun means the last person it named, Joao Reis
    let en_named =
        "Marta Silva met Joao Reis.\n\n\"The deal is done and signed,\" said Marta Silva.";
    let f = run(SPEAKER, fr, en_named);
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(f[0].lesser, "a resolved pronoun is not sure");
}

#[test]
fn a_place_is_no_speaker() {
    let en = "The James Bay project moves on.\n\n\"It is our future,\" he added.";
    let fr = "Le projet de la Baie James avance.\n\n« C'est notre avenir », a-t-il ajouté.";
    assert!(run(SPEAKER, fr, en).is_empty());
}

#[test]
fn invented_stand_alone_quotation_is_sure_unquoted_english_is_doubtful() {
    let en = "The port will reopen on Monday after a week of repairs, the harbour authority said.";
    let fr_added = "Le port rouvrira lundi après une semaine de travaux, a indiqué l'autorité portuaire. « Nous ne céderons jamais », a déclaré Ana Costa.";
    let f = run(ADDED, fr_added, en);
    assert_eq!(f.len(), 1, "{f:?}");
    assert!(!f[0].lesser);
    // the English tells the same words without marks, in a sentence of its own
    let en_told = "The port will reopen on Monday after a week of repairs. Ana Costa said she would never give in to the unions.";
    let fr_quoted = "Le port rouvrira lundi après une semaine de travaux. « Je ne céderai jamais aux syndicats », a déclaré Ana Costa, directrice du port.";
    for f in run(ADDED, fr_quoted, en_told) {
        assert!(f.lesser, "{f:?}");
    }
}

#[test]
fn free_translation_and_scare_quotes_pair() {
    let en = "The ministers promised to \"do all they can\" and called the fund a \"spare tyre\" for the banks.";
    let fr = "Les ministres ont promis de « faire tout ce qui est en leur pouvoir » et ont qualifié le fonds de « roue de secours » pour les banques.";
    assert!(run(ADDED, fr, en).is_empty());
    assert!(run(MISSING, fr, en).is_empty());
    // the same paragraph with a statement nobody made in English
    let fr_more = "Les ministres ont promis de « faire tout ce qui est en leur pouvoir » et ont qualifié le fonds de « roue de secours » pour les banques. « Personne ne sera oublié », a déclaré Lena Berg.";
    assert_eq!(run(ADDED, fr_more, en).len(), 1);
}

#[test]
fn dropped_marks_report_quote_missing() {
    let en = "\"We will close the plant in March and move the staff to Lyon,\" said Jean Roche.";
    let fr_kept = "« Nous fermerons l'usine en mars et transférerons le personnel à Lyon », a déclaré Jean Roche.";
    assert!(run(MISSING, fr_kept, en).is_empty());
    let fr_dropped = "Jean Roche a évoqué une réorganisation du site au printemps.";
    assert_eq!(run(MISSING, fr_dropped, en).len(), 1);
}

#[test]
fn quotation_split_by_attribution_pairs_with_one() {
    let en = "\"Norway,\" he said, \"does not want a trade war with its neighbours.\"";
    let fr = "« La Norvège ne veut pas de guerre commerciale avec ses voisins », a-t-il dit.";
    assert!(run(MISSING, fr, en).is_empty());
    assert!(run(ADDED, fr, en).is_empty());
}

#[test]
fn continued_quotation_over_paragraphs() {
    let en = "\"The bridge will be rebuilt before winter, and the road will follow.\n\n\"Nobody will be left without a way to work,\" said Ana Costa.";
    let fr = "« Le pont sera reconstruit avant l'hiver, et la route suivra.\n\n« Personne ne restera sans moyen d'aller travailler », a déclaré Ana Costa.";
    assert!(run(MISSING, fr, en).is_empty());
    let fr_dropped = "Le chantier du pont commencera bientôt, selon la mairie.\n\n« Personne ne restera sans moyen d'aller travailler », a déclaré Ana Costa.";
    assert_eq!(run(MISSING, fr_dropped, en).len(), 1);
}

#[test]
fn english_single_quotes_pair_apostrophes_do_not() {
    let en = "The plaintiffs' lawyer said the rules had 'to be overhauled completely' this year.";
    let fr = "L'avocat des plaignants a déclaré que les règles devaient « être entièrement revues » cette année.";
    assert!(run(ADDED, fr, en).is_empty());
    assert!(run(MISSING, fr, en).is_empty());
}
