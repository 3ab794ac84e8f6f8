//! Forms met in real translations: each one both ways (the right version agrees,
//! a changed figure still differs). Invented sentences.

use super::*;

fn fr(s: &str) -> Vec<Quantity> {
    extract(s, Lang::Fr)
}
fn en(s: &str) -> Vec<Quantity> {
    extract(s, Lang::En)
}
fn cmp(f: &str, e: &str) -> Comparison {
    compare(&fr(f), &en(e))
}
fn same(f: &str, e: &str) -> bool {
    let c = cmp(f, e);
    c.differing.is_empty() && c.fr_only.is_empty() && c.en_only.is_empty()
}
fn differs(f: &str, e: &str) -> bool {
    !cmp(f, e).differing.is_empty()
}

#[test]
fn french_notation_in_english() {
    // decimal comma, `milliard`, dot grouping, `thousand million`
    assert!(same(
        "un budget de 7,5 millions d'euros",
        "a budget of 7,5 million euros"
    ));
    assert!(differs(
        "un budget de 7,5 millions d'euros",
        "a budget of 8,5 million euros"
    ));
    assert!(same("une hausse de 74,6 %", "a rise of 74,6%"));
    assert!(same("60 milliards d'euros", "60 milliards euros"));
    assert!(differs("60 millions d'euros", "60 milliards euros"));
    assert!(same("quelque 2 000 avocats", "some 2.000 lawyers"));
    assert!(same("un taux de 3,064 %", "a rate of 3.064%"));
    assert!(same("1 000 000 d'habitants", "1.000.000 inhabitants"));
    assert!(same("7,4 milliards d'euros", "7.4 thousand million euros"));
    assert!(differs(
        "7,4 millions d'euros",
        "7.4 thousand million euros"
    ));
    assert!(same(
        "entre 30 et 40 milliards de dollars",
        "30 to 40 thousand million dollars"
    ));
    assert!(same(
        "une tranche de 100 autres milliards",
        "another 100 billion"
    ));
    assert!(same("6,925 millions de cartes", "6,925 million cards"));
}

#[test]
fn misspelled_english_scale_words() {
    assert!(same("4 milliards d'euros", "4 thousans million euros"));
    assert!(same("450 millions de dollars", "450 milion dollars"));
    assert!(differs("450 000 dollars", "450 milion dollars"));
    assert_eq!(en("100 bullion coins")[0].value, 100.0);
}

#[test]
fn unit_conversions_within_rounding() {
    for (f, e) in [
        ("à 100 km/h", "at 62 mph"),
        ("à 160 kilomètres à l'heure", "at 100 miles per hour"),
        ("une route de 8 km", "a 5-mile road"),
        ("un colis de 45 kg", "a 100-pound parcel"),
        ("un colis de 45 kg", "a parcel of 100 lb"),
        ("un mur de 3 mètres", "a 10-foot wall"),
        ("il fait 32 °C", "it is 90°F"),
        ("il fait 32 degrés Celsius", "it is 90 degrees Fahrenheit"),
        ("2,8 millions de mètres cubes", "100 million cubic feet"),
        ("400 hectares", "1,000 acres"),
        ("38 litres", "10 gallons"),
        ("un écran de 81 cm", "a 32-inch screen"),
        ("trois décennies", "30 years"),
        ("dans les quinze jours", "within two weeks"),
    ] {
        assert!(same(f, e), "{f} / {e}: {:?}", cmp(f, e));
    }
    for (f, e) in [
        ("à 100 km/h", "at 100 mph"),
        ("une route de 5 km", "a 5-mile road"),
        ("un mur de 30 mètres", "a 58-foot wall"),
        ("il fait 90 °C", "it is 90°F"),
        ("400 hectares", "400 acres"),
        ("trois ans", "three months"),
    ] {
        assert!(differs(f, e), "{f} / {e}: {:?}", cmp(f, e));
    }
}

#[test]
fn unit_nouns_change_what_is_counted() {
    assert!(differs(
        "542 millions de citrouilles",
        "542 million pounds of pumpkin"
    ));
    assert!(same(
        "542 millions de livres de citrouilles",
        "542 million pounds of pumpkin"
    ));
    assert!(same(
        "246 millions de kilos de citrouilles",
        "542 million pounds of pumpkin"
    ));
    // `pounds` alone is money
    assert_eq!(en("542 million pounds")[0].kind, Kind::Money);
}

#[test]
fn currency_conversions_are_plausible_or_not() {
    let (f, e) = (fr("un billet à 10 €"), en("a ticket at £9"));
    assert!(plausible_conversion(&f[0], &e[0]));
    let (f, e) = (fr("un billet à 9 €"), en("a ticket at £900"));
    assert!(!plausible_conversion(&f[0], &e[0]));
    let (f, e) = (fr("un billet à 9 livres"), en("a ticket at £12"));
    assert!(
        !plausible_conversion(&f[0], &e[0]),
        "same currency is not a conversion"
    );
}

#[test]
fn amount_forms() {
    assert!(same("7,5 millions d'habitants", "7.5m inhabitants"));
    assert!(differs("800 000 personnes", "800m people"));
    assert!(same("une course de 200 m", "a 200m race"));
    assert!(same("5 milliards de dollars", "$5bn"));
    assert!(same("2 000 milliards de dollars", "$2tn"));
    assert!(same("10 000 abonnés", "10k subscribers"));
    assert!(same("500 millions de dollars", "$500-million"));
    assert!(differs("500 000 dollars", "$500-million"));
    assert!(same("plus de 2 milliards de dollars", "$2 billion-plus"));
    assert!(same(
        "les trois quarts des électeurs",
        "three quarters of voters"
    ));
    assert!(same(
        "les trois quarts des électeurs",
        "three-quarters of voters"
    ));
    assert!(differs(
        "les deux tiers des électeurs",
        "three quarters of voters"
    ));
    assert!(same(
        "deux millions et demi d'habitants",
        "two and a half million inhabitants"
    ));
    assert!(same(
        "deux millions et demi d'habitants",
        "2.5 million inhabitants"
    ));
    assert!(differs(
        "trois millions et demi d'habitants",
        "2.5 million inhabitants"
    ));
}

#[test]
fn race_and_clock_times() {
    assert!(same("en 2 h 21 min 31 s", "in 2:21:31"));
    assert!(differs("en 2 h 21 min 31 s", "in 2:12:31"));
    assert!(same("en 20 s 53", "in 20.53"));
    assert!(same("en 20 sec 53", "in 20.53 seconds"));
    assert!(differs("en 20 sec 53", "in 20.35"));
    assert!(same("en 1 min 58 s 12", "in 1:58.12"));
}

#[test]
fn english_grouping_in_french_is_read_both_ways() {
    let c = cmp("quelque 20,000 manifestants", "some 20,000 protesters");
    assert!(
        c.differing.is_empty() && c.foreign_format.len() == 1,
        "{c:?}"
    );
    let c = cmp("un taux de 3,158", "a rate of 3.158");
    assert!(
        c.differing.is_empty() && c.foreign_format.is_empty(),
        "{c:?}"
    );
    let c = cmp("1,000,000 de dollars", "$1,000,000");
    assert_eq!(c.foreign_format.len(), 1, "{c:?}");
    assert!(differs(
        "quelque 20,000 manifestants",
        "some 30,000 protesters"
    ));
}

#[test]
fn spelled_numbers_on_both_sides_are_compared() {
    for (f, e) in [
        ("trois morts", "two dead"),
        ("Douze blessés", "Twenty injured"),
        ("au troisième trimestre", "in the second quarter"),
        ("trois TGV sur cinq", "two in five high-speed trains"),
    ] {
        assert!(differs(f, e), "{f} / {e}: {:?}", cmp(f, e));
    }
    for (f, e) in [
        ("trois morts", "three dead"),
        ("au deuxième trimestre", "in the second quarter"),
        ("trois TGV sur cinq", "three in five high-speed trains"),
    ] {
        assert!(same(f, e), "{f} / {e}: {:?}", cmp(f, e));
    }
    // `un` / `one` is an article or a pronoun as often as a number
    assert!(
        cmp("l'un d'eux, deux fois", "one of them, three times")
            .differing
            .len()
            == 1
    );
    assert!(cmp("un euro prêté", "8 euros").differing.is_empty());
    assert!(en("ninety-ten").is_empty());
}

#[test]
fn magnitude_words() {
    assert!(differs(
        "des centaines de manifestants",
        "thousands of protesters"
    ));
    assert!(differs("des dizaines de blessés", "hundreds of injured"));
    assert!(differs("des milliers de victimes", "millions of victims"));
    assert!(same(
        "des centaines de manifestants",
        "hundreds of protesters"
    ));
    assert!(same(
        "les milliards pleuvent",
        "thousands of millions rain down"
    ));
    assert!(differs(
        "les millions pleuvent",
        "thousands of millions rain down"
    ));
    assert!(same(
        "des dizaines de milliers de manifestants",
        "tens of thousands of protesters"
    ));
    assert!(same(
        "une centaine de milliers selon les organisateurs",
        "a hundred thousand, say organisers"
    ));
}

#[test]
fn a_changed_figure_alone_is_paired() {
    // no other quantity in common: the only figure of its class on each side
    for (f, e) in [
        ("Le bilan s'est alourdi à 15 morts.", "The toll rose to 28."),
        ("Quelque 1 500 morts.", "Some 1,800 dead."),
        ("L'usine a fermé en 2019.", "The plant closed in 2022."),
    ] {
        let c = cmp(f, e);
        assert_eq!(c.differing.len(), 1, "{f}: {c:?}");
    }
    // paired for being alone (not for looking like a one-digit slip)
    assert_eq!(cmp("à 15 morts", "to 28").lone.len(), 1);
    assert!(cmp("1 500 morts", "1,800 dead").lone.is_empty());
    // two figures on each side, none in common: no guess at which is which
    let c = cmp("15 morts et 40 blessés", "28 dead and 63 injured");
    assert!(c.lone.is_empty() && c.differing.is_empty(), "{c:?}");
    // a percentage never stands for a count
    assert!(cmp("15 morts", "28%").differing.is_empty());
}

#[test]
fn real_catches_stay() {
    assert!(differs("800 000 personnes", "800m people"));
    assert!(differs("600 dollars", "$600 billion"));
    assert!(differs("né en 1996", "born in 1966"));
    assert!(differs(
        "un contrat de 3,2 millions de dollars",
        "a $3.7 million contract"
    ));
}

#[test]
fn a_qualified_four_digit_count_is_not_a_year() {
    assert!(differs("quelque 1 860 citoyens", "some 1800 citizens"));
    assert!(same("quelque 1 800 citoyens", "some 1800 citizens"));
    assert_eq!(en("around 1990")[0].kind, Kind::Year);
    assert_eq!(en("in 1990")[0].kind, Kind::Year);
}
