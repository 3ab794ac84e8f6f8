//! The English credits grammar: `Reporting by A in X and B in Y; Additional reporting
//! by C; Writing by W; Editing by E and F`, any keyword case, inline `, additional
//! reporting by`, Oxford commas, `A and B in Washington` (shared location).

use std::sync::OnceLock;

use super::{Grammar, Locative};

const LOCATIVES: &[Locative] = &[Locative {
    word: " in ",
    article: "",
}];

pub(crate) fn grammar() -> &'static Grammar {
    static G: OnceLock<Grammar> = OnceLock::new();
    G.get_or_init(|| Grammar::new("en", "and", LOCATIVES, false))
}

#[cfg(test)]
mod tests {
    use crate::credits::testing::triples;
    use crate::credits::{CreditsBlock, Role};
    use crate::lang::Lang;

    fn parse(s: &str) -> CreditsBlock {
        crate::credits::testing::parse(s, Lang::En, 7)
    }

    use Role::*;

    #[test]
    fn reporter_and_editor() {
        let b = parse("(Reporting by Ana Lima in Lisbon; Editing by Tom Dale)");
        assert_eq!(b.paragraph, 7);
        assert_eq!(
            triples(&b),
            vec![
                (Reporter, "Ana Lima", Some("Lisbon")),
                (Editor, "Tom Dale", None)
            ]
        );
        assert!(b.unparsed.is_empty());
    }

    #[test]
    fn full_block_with_every_role() {
        let b = parse(
            "(Reporting by Ola Berg in Oslo and Ines Vidal in Paris; Additional reporting by Kuba Nowak in Gdansk; \
             Writing by Ewan Reid; Editing by Ruth Hale and Colm Barry)",
        );
        assert_eq!(
            triples(&b),
            vec![
                (Reporter, "Ola Berg", Some("Oslo")),
                (Reporter, "Ines Vidal", Some("Paris")),
                (AdditionalReporter, "Kuba Nowak", Some("Gdansk")),
                (Writer, "Ewan Reid", None),
                (Editor, "Ruth Hale", None),
                (Editor, "Colm Barry", None),
            ]
        );
        assert!(b.unparsed.is_empty());
    }

    #[test]
    fn shared_location_applies_to_the_group() {
        let b = parse("(Reporting by Ada Kerr and Li Na in Washington; Editing by Tom Dale)");
        assert_eq!(b.entries[0].location.as_deref(), Some("Washington"));
        assert_eq!(b.entries[1].location.as_deref(), Some("Washington"));
    }

    #[test]
    fn oxford_comma_list_sharing_a_place() {
        let b =
            parse("(Reporting by Ada Kerr, Li Na, and Omar Saleh in Berlin; Editing by Tom Dale)");
        let r: Vec<_> = b
            .with_role(Reporter)
            .map(|e| (e.name.as_str(), e.location.as_deref()))
            .collect();
        assert_eq!(
            r,
            vec![
                ("Ada Kerr", Some("Berlin")),
                ("Li Na", Some("Berlin")),
                ("Omar Saleh", Some("Berlin"))
            ]
        );
    }

    #[test]
    fn mixed_located_and_unlocated_reporters() {
        let b = parse("(Reporting by Ada Kerr in Rome, Li Na and Omar Saleh in Cairo, Ivo Petrov; Editing by Tom Dale)");
        assert_eq!(
            triples(&b)[..4],
            [
                (Reporter, "Ada Kerr", Some("Rome")),
                (Reporter, "Li Na", Some("Cairo")),
                (Reporter, "Omar Saleh", Some("Cairo")),
                (Reporter, "Ivo Petrov", None),
            ]
        );
    }

    #[test]
    fn inline_additional_reporting() {
        let b = parse("(Reporting by Sami Doğan in Madrid, additional reporting by Chidi Okafor; Editing by Gary Pott)");
        assert_eq!(
            triples(&b),
            vec![
                (Reporter, "Sami Doğan", Some("Madrid")),
                (AdditionalReporter, "Chidi Okafor", None),
                (Editor, "Gary Pott", None),
            ]
        );
    }

    #[test]
    fn keyword_case_varies() {
        let a = parse("(Reporting By Ana Lima; Editing By Tom Dale)");
        let b = parse("(reporting by Ana Lima; editing by Tom Dale)");
        let c = parse("(REPORTING BY Ana Lima; EDITING BY Tom Dale)");
        assert_eq!(triples(&a), triples(&b));
        assert_eq!(triples(&a), triples(&c));
    }

    #[test]
    fn compiled_and_fact_checking() {
        let b = parse("(Compiled by Mei Chen; Fact-checking by Raj Patel; Editing by Tom Dale)");
        assert_eq!(
            triples(&b),
            vec![
                (Writer, "Mei Chen", None),
                (Other, "Raj Patel", None),
                (Editor, "Tom Dale", None)
            ]
        );
    }

    #[test]
    fn reporting_and_writing_gives_both_roles() {
        let b = parse("(Reporting and writing by Mei Chen in Taipei; Editing by Tom Dale)");
        assert_eq!(b.entries[0].role, Reporter);
        assert_eq!(b.entries[1].role, Writer);
        assert_eq!(b.entries[1].location.as_deref(), Some("Taipei"));
    }

    #[test]
    fn names_as_written_in_many_scripts() {
        let b = parse(
            "(Reporting by Nguyễn Văn Hùng in Hanoi, Kim Min-seo in Seoul and Zhou Yiming in Shanghai; \
             Additional reporting by Niamh O'Dwyer, Awa N’Guessan and Przemysław Łęcki; Editing by Ştefan Ţurcan)",
        );
        let names: Vec<&str> = b.entries.iter().map(|e| e.name.as_str()).collect();
        assert_eq!(
            names,
            vec![
                "Nguyễn Văn Hùng",
                "Kim Min-seo",
                "Zhou Yiming",
                "Niamh O'Dwyer",
                "Awa N’Guessan",
                "Przemysław Łęcki",
                "Ştefan Ţurcan"
            ]
        );
        assert!(b.unparsed.is_empty());
    }

    #[test]
    fn particles_stay_in_the_name() {
        let b = parse("(Reporting by Inès de la Cruz in Bogota and Pieter van den Heuvel in The Hague; Editing by Jo von Arx)");
        assert_eq!(
            triples(&b),
            vec![
                (Reporter, "Inès de la Cruz", Some("Bogota")),
                (Reporter, "Pieter van den Heuvel", Some("The Hague")),
                (Editor, "Jo von Arx", None),
            ]
        );
    }

    #[test]
    fn place_with_and_in_its_name_is_kept_whole_when_known() {
        // `Bosnia and Herzegovina` is only joined when the exonym table knows it;
        // either way the reporter keeps a location and nothing is lost.
        let b =
            parse("(Reporting by Ana Lima in Sarajevo and Tom Dale in Mostar; Editing by Jo Arx)");
        assert_eq!(b.entries.len(), 3);
        assert_eq!(b.entries[1].location.as_deref(), Some("Mostar"));
    }

    #[test]
    fn trailing_period_and_spaces_are_ignored() {
        let b = parse("  (Reporting by Ana Lima; Editing by Tom Dale.)  ");
        assert_eq!(
            triples(&b),
            vec![(Reporter, "Ana Lima", None), (Editor, "Tom Dale", None)]
        );
        assert!(b.unparsed.is_empty());
    }

    #[test]
    fn unknown_role_is_unparsed_but_the_rest_is_kept() {
        let b = parse("(Reporting by Ana Lima; Photos by Tom Dale; Editing by Jo Arx)");
        assert_eq!(
            triples(&b),
            vec![(Reporter, "Ana Lima", None), (Editor, "Jo Arx", None)]
        );
        assert_eq!(b.unparsed, vec!["Photos by Tom Dale"]);
    }

    #[test]
    fn role_without_a_name_is_unparsed() {
        let b = parse("(Reporting by Ana Lima; Editing by)");
        assert_eq!(b.entries.len(), 1);
        assert_eq!(b.unparsed.len(), 1);
        assert!(b.unparsed[0].contains("no name"), "{:?}", b.unparsed);
    }

    #[test]
    fn something_that_is_not_a_name_is_unparsed() {
        let b = parse("(Reporting by our Moscow bureau; Editing by Tom Dale)");
        assert_eq!(triples(&b), vec![(Editor, "Tom Dale", None)]);
        assert_eq!(b.unparsed, vec!["our Moscow bureau"]);
    }

    #[test]
    fn bare_names_are_not_understood_in_english() {
        let b = parse("(Ana Lima in Lisbon; Editing by Tom Dale)");
        assert_eq!(b.unparsed, vec!["Ana Lima in Lisbon"]);
        assert_eq!(b.entries.len(), 1);
    }

    #[test]
    fn several_editors_with_oxford_comma() {
        let b = parse("(Writing by Ewan Reid; Editing by Ruth Hale, Colm Barry, and Jo Arx)");
        let eds: Vec<&str> = b.with_role(Editor).map(|e| e.name.as_str()).collect();
        assert_eq!(eds, vec!["Ruth Hale", "Colm Barry", "Jo Arx"]);
    }

    #[test]
    fn stray_characters_are_reported() {
        let b = parse("(Reporting by Ana Lima in Lisbon; Editing by Tom Dale #2)");
        assert_eq!(b.entries.len(), 1);
        assert_eq!(b.unparsed, vec!["Tom Dale #2"]);
    }
}
