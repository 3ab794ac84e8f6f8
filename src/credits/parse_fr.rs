//! The French credits grammar: `Reportage A à Varsovie et B à Paris, avec C à Gdansk;
//! rédigé par W; version française T, édité par E`. The reporters part may start with
//! `Reportage`, `Reportage de` or the bare names; translators come as `version
//! française T`, `T pour la version française`, `traduit par T` or `Traduction T`;
//! locatives are `à`, `au` (`au Caire` → `Le Caire`), `aux` and `en`.

use std::sync::OnceLock;

use super::{Grammar, Locative};

const LOCATIVES: &[Locative] = &[
    Locative {
        word: " à ",
        article: "",
    },
    Locative {
        word: " À ",
        article: "",
    },
    Locative {
        word: " au ",
        article: "Le ",
    },
    Locative {
        word: " aux ",
        article: "Les ",
    },
    Locative {
        word: " en ",
        article: "",
    },
];

pub(crate) fn grammar() -> &'static Grammar {
    static G: OnceLock<Grammar> = OnceLock::new();
    G.get_or_init(|| Grammar::new("fr", "et", LOCATIVES, true))
}

#[cfg(test)]
mod tests {
    use crate::credits::testing::triples;
    use crate::credits::{CreditsBlock, Role};
    use crate::lang::Lang;

    fn parse(s: &str) -> CreditsBlock {
        crate::credits::testing::parse(s, Lang::Fr, 9)
    }

    use Role::*;

    #[test]
    fn full_block() {
        let b = parse(
            "(Reportage Ola Berg à Oslo et Inès Vidal à Paris, avec Kuba Nowak à Gdansk; rédigé par Ewan Reid; \
             version française Solène Marchal, édité par Quentin Ravel)",
        );
        assert_eq!(
            triples(&b),
            vec![
                (Reporter, "Ola Berg", Some("Oslo")),
                (Reporter, "Inès Vidal", Some("Paris")),
                (AdditionalReporter, "Kuba Nowak", Some("Gdansk")),
                (Writer, "Ewan Reid", None),
                (Translator, "Solène Marchal", None),
                (Editor, "Quentin Ravel", None),
            ]
        );
        assert!(b.unparsed.is_empty());
    }

    #[test]
    fn reportage_de_and_shared_location() {
        let b = parse("(Reportage de Ada Kerr et Li Na à Stockholm; version française Zoé Roux; édité par Léa Gris)");
        assert_eq!(
            triples(&b)[..2],
            [
                (Reporter, "Ada Kerr", Some("Stockholm")),
                (Reporter, "Li Na", Some("Stockholm"))
            ]
        );
    }

    #[test]
    fn bare_reporter_names() {
        let b = parse(
            "(Mark Wenz à Riyad; version française Tim Bihan et Cam Roux, édité par Sté Martin)",
        );
        assert_eq!(
            triples(&b),
            vec![
                (Reporter, "Mark Wenz", Some("Riyad")),
                (Translator, "Tim Bihan", None),
                (Translator, "Cam Roux", None),
                (Editor, "Sté Martin", None),
            ]
        );
    }

    #[test]
    fn bare_names_alone_are_still_a_block() {
        let b = parse("(Mark Wenz à Rabat et Li Na à Lagos)");
        assert_eq!(b.entries.len(), 2);
        assert!(b.unparsed.is_empty());
    }

    #[test]
    fn translator_before_pour_la_version_francaise() {
        let b = parse("(Reportage Ana Lima; Maëlle Four et Régis Boëdec pour la version française, édité par Sophie de la Morinière)");
        assert_eq!(
            triples(&b),
            vec![
                (Reporter, "Ana Lima", None),
                (Translator, "Maëlle Four", None),
                (Translator, "Régis Boëdec", None),
                (Editor, "Sophie de la Morinière", None),
            ]
        );
    }

    #[test]
    fn avec_as_its_own_part() {
        let b = parse("(Reportage Yuki Ald; avec Ömer Kowal; version française Sophie Le Bihan; édité par Gaël Martin)");
        assert_eq!(
            b.entries[1],
            crate::credits::CreditEntry {
                role: AdditionalReporter,
                name: "Ömer Kowal".into(),
                location: None
            }
        );
        assert_eq!(b.entries[2].name, "Sophie Le Bihan");
        assert!(b.unparsed.is_empty());
    }

    #[test]
    fn capitalised_labels() {
        let b = parse("(Reportage Ana Lima; Avec Tom Dale; Rédigé par Ewan Reid; Version française Zoé Roux; Édité par Léa Gris)");
        let roles: Vec<Role> = b.entries.iter().map(|e| e.role).collect();
        assert_eq!(
            roles,
            vec![Reporter, AdditionalReporter, Writer, Translator, Editor]
        );
    }

    #[test]
    fn short_labels_redaction_traduction_edition() {
        let b = parse(
            "(Reportage Ana Lima; Rédaction Ewan Reid; Traduction Zoé Roux; Édition Léa Gris)",
        );
        let roles: Vec<Role> = b.entries.iter().map(|e| e.role).collect();
        assert_eq!(roles, vec![Reporter, Writer, Translator, Editor]);
        assert!(b.unparsed.is_empty());
    }

    #[test]
    fn traduit_par_with_two_translators() {
        let b = parse("(Reportage Ana Lima à Lisbonne; traduit par Zoé Roux et Paul Nadeau, édité par Léa Gris)");
        let t: Vec<&str> = b.with_role(Translator).map(|e| e.name.as_str()).collect();
        assert_eq!(t, vec!["Zoé Roux", "Paul Nadeau"]);
    }

    #[test]
    fn au_carries_the_article() {
        let b = parse("(Reportage Samir Haddad au Caire et Ana Lima aux Philippines, avec Jo Arx en Irlande; version française Zoé Roux, édité par Léa Gris)");
        let locs: Vec<Option<&str>> = b
            .entries
            .iter()
            .take(3)
            .map(|e| e.location.as_deref())
            .collect();
        assert_eq!(
            locs,
            vec![Some("Le Caire"), Some("Les Philippines"), Some("Irlande")]
        );
    }

    #[test]
    fn multiword_places() {
        let b = parse("(Reportage Ana Lima à La Havane et Jo Arx à Kuala Lumpur; version française Zoé Roux, édité par Léa Gris)");
        assert_eq!(b.entries[0].location.as_deref(), Some("La Havane"));
        assert_eq!(b.entries[1].location.as_deref(), Some("Kuala Lumpur"));
    }

    #[test]
    fn names_with_particles_apostrophes_and_diacritics() {
        let b = parse(
            "(Reportage Aurèle d'Aubigny à Paris, Awa N’Guessan à Abidjan et Přemysl Dvořák à Prague, \
             avec Ștefan Țiriac et Đặng Quốc Bảo; version française Pierre-Yves de la Tour, édité par Anne-Sophie Lemaître)",
        );
        let names: Vec<&str> = b.entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(
            names,
            vec![
                "Aurèle d'Aubigny",
                "Awa N’Guessan",
                "Přemysl Dvořák",
                "Ștefan Țiriac",
                "Đặng Quốc Bảo",
                "Pierre-Yves de la Tour",
                "Anne-Sophie Lemaître"
            ]
        );
        assert!(b.unparsed.is_empty());
    }

    #[test]
    fn list_with_commas_and_et() {
        let b = parse("(Reportage Ada Kerr, Li Na et Omar Saleh; version française Zoé Roux, édité par Léa Gris)");
        assert_eq!(b.with_role(Reporter).count(), 3);
    }

    #[test]
    fn inline_avec_after_located_list() {
        let b = parse("(Li Wei à Munich, Zofia Hart à Singapour et Siân Moll à Séoul, avec José Wen; Claire Blanc pour la version française, édité par Zoé Le Bihan)");
        assert_eq!(b.with_role(Reporter).count(), 3);
        assert_eq!(
            b.with_role(AdditionalReporter)
                .map(|e| e.name.as_str())
                .collect::<Vec<_>>(),
            vec!["José Wen"]
        );
        assert_eq!(
            b.with_role(Translator)
                .map(|e| e.name.as_str())
                .collect::<Vec<_>>(),
            vec!["Claire Blanc"]
        );
        assert!(b.unparsed.is_empty());
    }

    #[test]
    fn missing_translator_and_editor_parts_leave_reporters() {
        let b = parse("(Reportage Ana Lima à Lisbonne)");
        assert_eq!(triples(&b), vec![(Reporter, "Ana Lima", Some("Lisbonne"))]);
        assert!(!b.has_role(Translator) && !b.has_role(Editor));
    }

    #[test]
    fn unknown_part_is_unparsed() {
        let b = parse("(Reportage Ana Lima; photos de Tom Dale; édité par Léa Gris)");
        assert_eq!(b.unparsed, vec!["photos de Tom Dale"]);
        assert_eq!(b.entries.len(), 2);
    }

    #[test]
    fn bare_names_after_the_first_part_are_unparsed() {
        let b = parse("(Reportage Ana Lima; Tom Dale; édité par Léa Gris)");
        assert_eq!(b.unparsed, vec!["Tom Dale"]);
    }

    #[test]
    fn missing_closing_bracket() {
        let b = parse("(Reportage Ana Lima; version française Zoé Roux, édité par Léa Gris");
        assert_eq!(b.entries.len(), 3);
        assert_eq!(b.unparsed, vec!["unbalanced brackets: missing ')'"]);
    }

    #[test]
    fn label_without_name() {
        let b = parse("(Reportage Ana Lima; version française Zoé Roux, édité par)");
        assert_eq!(b.entries.len(), 2);
        assert_eq!(b.unparsed.len(), 1);
    }

    #[test]
    fn lower_case_words_are_not_names() {
        let b = parse("(Reportage notre correspondant à Rome; édité par Léa Gris)");
        assert_eq!(b.unparsed, vec!["notre correspondant à Rome"]);
        assert_eq!(triples(&b), vec![(Editor, "Léa Gris", None)]);
    }

    #[test]
    fn name_starting_like_a_label_is_not_split() {
        let b = parse("(Reportage Avecina Dorr et Éditha Lin; édité par Léa Gris)");
        let r: Vec<&str> = b.with_role(Reporter).map(|e| e.name.as_str()).collect();
        assert_eq!(r, vec!["Avecina Dorr", "Éditha Lin"]);
    }
}
