//! Short faithful paragraphs (a line of dialogue) share no anchor the lexicon
//! knows: they are paired on length between aligned neighbours, not reported
//! omitted and added; a long unrelated paragraph in their place still is.
//! Every text is invented.

use crate::util::{check_texts, indices, Checked};

const FR_HEAD: &str = "Le phare de Valmer rouvre\n\nVALMER (Reuters) - Le phare de Valmer a rouvert mardi après deux ans de travaux, a annoncé la mairie, qui a financé 60 % du chantier.\n\nLe gardien, Piet Oram, a allumé la lanterne à 18 heures devant 300 habitants réunis sur la jetée.";
const EN_HEAD: &str = "Valmer lighthouse reopens\n\nVALMER, March 3 (Reuters) - The Valmer lighthouse reopened on Tuesday after two years of works, the town hall said, which paid for 60% of the project.\n\nThe keeper, Piet Oram, lit the lantern at 6 p.m. in front of 300 residents gathered on the pier.";
const FR_TAIL: &str = "Le chantier avait coûté 4,2 millions d'euros, dont 1,1 million versé par la région, selon Piet Oram.\n\n(Reportage Ana Brel; version française Luc Mirot, édité par Jeanne Ferre)\n";
const EN_TAIL: &str = "The works had cost 4.2 million euros, including 1.1 million paid by the region, according to Piet Oram.\n\n(Reporting by Ana Brel; Editing by Tom Hale)\n";

fn run(fr_mid: &str, en_mid: &str) -> Checked {
    check_texts(
        &format!("{FR_HEAD}\n\n{fr_mid}\n\n{FR_TAIL}"),
        &format!("{EN_HEAD}\n\n{en_mid}\n\n{EN_TAIL}"),
        &[],
    )
}

fn beads(r: &Checked) -> Vec<(Vec<usize>, Vec<usize>)> {
    r.report["alignment"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| (indices(&b["fr"]), indices(&b["en"])))
        .collect()
}

#[test]
fn short_dialogue_line_is_paired_on_length() {
    let r = run(
        "Je n'en reviens toujours pas.",
        "I still can't get over it.",
    );
    assert!(
        r.findings("paragraph-omitted").is_empty(),
        "{:#}",
        r.report["findings"]
    );
    assert!(
        r.findings("paragraph-added").is_empty(),
        "{:#}",
        r.report["findings"]
    );
    assert!(beads(&r).contains(&(vec![3], vec![3])), "{:?}", beads(&r));
}

#[test]
fn short_line_is_not_folded_into_its_neighbour() {
    // two short lines, the first after a paragraph it could be merged with
    let r = run(
        "Quelle soirée, vraiment.\n\nOn a tous pleuré un peu.",
        "What an evening, truly.\n\nWe all cried a little.",
    );
    let b = beads(&r);
    assert!(
        b.contains(&(vec![3], vec![3])) && b.contains(&(vec![4], vec![4])),
        "{b:?}"
    );
    assert!(
        r.findings("paragraph-omitted").is_empty(),
        "{:#}",
        r.report["findings"]
    );
}

#[test]
fn long_unrelated_paragraph_in_its_place_is_still_omitted_and_added() {
    let r = run(
        "Les négociations commerciales entre les deux blocs ont repris jeudi à Genève, où les délégations espèrent conclure un accord sur l'acier et l'aluminium avant la fin du mois prochain.",
        "I still can't get over it.",
    );
    assert_eq!(
        r.findings("paragraph-omitted").len(),
        1,
        "{:#}",
        r.report["findings"]
    );
    assert_eq!(
        r.findings("paragraph-added").len(),
        1,
        "{:#}",
        r.report["findings"]
    );
}
