use super::*;

fn fr(s: &str) -> Vec<Quantity> {
    extract(s, Lang::Fr)
}
fn en(s: &str) -> Vec<Quantity> {
    extract(s, Lang::En)
}
fn one(s: &str, lang: Lang) -> Quantity {
    let qs = extract(s, lang);
    assert_eq!(qs.len(), 1, "{s}: {qs:?}");
    qs.into_iter().next().unwrap()
}
/// Every quantity matched, nothing differing.
fn same(f: &str, e: &str) -> bool {
    let c = compare(&fr(f), &en(e));
    c.differing.is_empty() && c.fr_only.is_empty() && c.en_only.is_empty()
}
fn differs(f: &str, e: &str) -> bool {
    !compare(&fr(f), &en(e)).differing.is_empty()
}

#[test]
fn thousands_separators_in_both_locales() {
    for s in ["10 000", "10\u{a0}000", "10\u{202f}000", "10.000"] {
        assert_eq!(one(s, Lang::Fr).value, 10_000.0, "{s}");
    }
    assert_eq!(one("1.000.000 habitants", Lang::Fr).value, 1e6);
    assert_eq!(one("10,000 people", Lang::En).value, 10_000.0);
    assert_eq!(one("2,500,000", Lang::En).value, 2_500_000.0);
    assert!(same("1 000,5 tonnes", "1,000.5 tonnes"));
}

#[test]
fn decimal_comma_and_point() {
    assert_eq!(one("2,5", Lang::Fr).value, 2.5);
    assert_eq!(one("2.5", Lang::En).value, 2.5);
    assert!(same("un taux de 3,75", "a rate of 3.75"));
    assert!(differs("un taux de 3,75", "a rate of 3.25"));
    // an English list comma is not a decimal; a comma glued to one or two digits
    // is a French decimal comma in English translated from French
    assert_eq!(en("1, 2 and 3").len(), 3);
    assert_eq!(en("1,2,3").len(), 3);
    assert_eq!(en("1,2,3")[2].value, 3.0);
    assert_eq!(one("17,5 million", Lang::En).value, 17.5e6);
}

#[test]
fn percent_forms() {
    for s in ["15 %", "15%", "15\u{a0}%", "15 pour cent", "15 pourcent"] {
        assert_eq!(one(s, Lang::Fr).kind, Kind::Percent, "{s}");
    }
    for s in ["15%", "15 percent", "15 per cent", "15 pct"] {
        assert_eq!(one(s, Lang::En).kind, Kind::Percent, "{s}");
    }
    assert!(same("hausse de 15 %", "a rise of 15 percent"));
    assert!(differs("hausse de 15 %", "a rise of 16%"));
}

#[test]
fn currencies_and_scales() {
    let f = one("240,1 milliards de dollars", Lang::Fr);
    let e = one("$240.1 billion", Lang::En);
    assert_eq!(
        (f.value, f.kind, f.currency),
        (240.1e9, Kind::Money, Some("USD"))
    );
    assert_eq!(
        (e.value, e.kind, e.currency),
        (240.1e9, Kind::Money, Some("USD"))
    );
    assert!(same("240,1 milliards de dollars", "$240.1 billion"));
    assert!(same("3 millions d'euros", "€3 million"));
    assert!(same("10 €", "10 euros"));
    assert!(same("5 M€", "€5m"));
    assert!(same("2,5 Mds", "2.5bn"));
    assert!(same("2,5 milliards", "2.5 bln"));
    assert!(same("40 millions de livres", "£40 million"));
    assert!(same("12 milliards de yuans", "12 billion yuan"));
    assert!(same("7 mln", "7 mln"));
    assert!(same("3 millions", "US$ 3 million"));
    // French `billion` is a trillion
    assert_eq!(one("2 billions", Lang::Fr).value, 2e12);
}

#[test]
fn millions_against_billion_is_a_mismatch() {
    assert!(differs("240 millions de dollars", "$240 billion"));
    assert!(differs("1,5 milliard", "1.5 million"));
}

#[test]
fn ordinals() {
    for (f, e, v) in [
        ("1er", "1st", 1.0),
        ("2e", "2nd", 2.0),
        ("3ème", "3rd", 3.0),
        ("4e", "4th", 4.0),
        ("21e", "21st", 21.0),
    ] {
        let (qf, qe) = (one(f, Lang::Fr), one(e, Lang::En));
        assert_eq!((qf.kind, qf.value), (Kind::Ordinal, v), "{f}");
        assert_eq!((qe.kind, qe.value), (Kind::Ordinal, v), "{e}");
    }
    assert!(same("son 66e anniversaire", "his 66th birthday"));
    assert!(same("la troisième fois", "the third time"));
    assert!(same("au XXIe siècle", "in the 21st century"));
    assert!(differs("son 66e anniversaire", "his 67th birthday"));
    assert!(fr("le Premier ministre").is_empty());
}

#[test]
fn number_words() {
    assert_eq!(one("trois", Lang::Fr).value, 3.0);
    assert_eq!(one("vingt-cinq", Lang::Fr).value, 25.0);
    assert_eq!(one("quatre-vingt-dix", Lang::Fr).value, 90.0);
    assert_eq!(one("soixante-dix", Lang::Fr).value, 70.0);
    assert_eq!(one("twenty-five", Lang::En).value, 25.0);
    assert_eq!(one("three hundred and fifty", Lang::En).value, 350.0);
    assert_eq!(one("deux millions", Lang::Fr).value, 2e6);
    assert!(same("trois enfants", "3 children"));
    assert!(same("3 enfants", "three children"));
    assert!(same("une douzaine de morts", "a dozen dead"));
    assert!(same(
        "des centaines de manifestants",
        "hundreds of protesters"
    ));
    assert!(same("des dizaines de blessés", "dozens of injured"));
    assert!(same("un million de visiteurs", "a million visitors"));
    assert!(same("une période de 10 ans", "a ten-year period"));
    // the article `un` is not a number, `and` is not either
    assert!(fr("un homme et une femme").is_empty());
    assert!(en("bread and butter").is_empty());
    // two spelled-out numbers that differ are reported
    assert!(differs("deux enfants", "three children"));
}

#[test]
fn years_are_year_like() {
    let q = one("en 2008", Lang::Fr);
    assert_eq!(q.kind, Kind::Year);
    assert!(q.is_year_like());
    assert!(differs("en 2008", "in 2007"));
    assert!(same("en 2008", "in 2008"));
    // a count that happens to look like a year still matches the grouped form
    assert!(same("2000 personnes", "2,000 people"));
    assert_eq!(one("2 000", Lang::Fr).kind, Kind::Cardinal);
}

#[test]
fn ranges_take_the_scale_of_their_end() {
    assert!(same("entre 10 et 15", "10-15"));
    assert!(same("entre 10 et 15 %", "between 10 and 15 percent"));
    assert!(same("entre 2 et 3 milliards de dollars", "$2-3 billion"));
    assert!(same("de 4 à 5 millions $", "$4-5 million"));
    assert!(differs("entre 10 et 15", "10-16"));
}

#[test]
fn decades() {
    for (s, lang) in [
        ("les années 1990", Lang::Fr),
        ("the 1990s", Lang::En),
        ("les années 90", Lang::Fr),
        ("the '90s", Lang::En),
        ("the 90s", Lang::En),
    ] {
        let q = one(s, lang);
        assert_eq!((q.kind, q.value), (Kind::Decade, 1990.0), "{s}");
    }
    assert!(same("des années 70 et 80", "the 70s and 80s"));
    assert!(differs("les années 1980", "the 1990s"));
}

#[test]
fn approximations_do_not_turn_rounding_into_mismatch() {
    assert!(same("une hausse de 8 %", "a rise of more than 8 percent"));
    assert!(same("plus de 8 %", "8.3%"));
    assert!(same("1,47 million", "1.5 million"));
    assert!(same("environ 1 470 000", "about 1.5 million"));
    assert!(same("près de 2.000 mètres", "almost 2,000 metres"));
    assert!(one("environ 40", Lang::Fr).approx);
    assert!(one("more than 40", Lang::En).approx);
    // but a changed digit stays a change
    assert!(differs(
        "quelque 10 600 candidats",
        "some 10,000 candidates"
    ));
    assert!(differs("environ 46", "about 40"));
}

#[test]
fn one_changed_digit_is_found() {
    assert!(!differs("10 600 personnes", "10,600 people"));
    assert!(differs("10 600 personnes", "10,000 people"));
    assert!(differs("9 morts", "8 dead"));
    assert!(differs("44 soldats", "43 soldiers"));
    assert!(differs("7218 victimes", "1,218 victims"));
}

#[test]
fn a_number_absent_on_one_side_is_not_a_mismatch() {
    let c = compare(&fr("il a 45 ans et vit ici"), &en("he lives here"));
    assert!(c.differing.is_empty());
    assert_eq!(c.fr_only.len(), 1);
    // no quantity in common: the only figure of its class on each side is paired
    // (a changed toll); several figures with none in common are not
    assert!(differs("2 morts", "62 people"));
    assert!(!differs(
        "2 morts et 40 blessés",
        "62 people and 75 injured"
    ));
    // with a shared quantity, a real difference is reported
    assert!(differs("2 morts et 15 blessés", "62 dead and 15 injured"));
}

#[test]
fn times_of_day() {
    assert!(same("à 14h30", "at 2:30 p.m."));
    assert!(same("vers 9h30", "at around 9.30am"));
    assert!(same("à 16h35 GMT", "at 16:35 GMT"));
    assert!(same("entre 10 heures et 18 heures", "between 10am and 6pm"));
    assert!(differs("à 14h30", "at 3:30 pm"));
}

#[test]
fn names_with_digits_and_phone_numbers_are_not_quantities() {
    assert!(fr("le G20 et l'A380").is_empty());
    assert!(en("the Covid-19 crisis and 3D films").is_empty());
    assert!(fr("appeler le 08.11.00.06.95").is_empty());
    assert!(en("call 08 11 00 06 95").is_empty());
}

#[test]
fn spans_and_texts_point_into_the_input() {
    let s = "Il a payé 1 000,5 € le 3ème jour.";
    for q in fr(s) {
        assert_eq!(&s[q.span.clone()], q.text);
    }
    let q = one("revenue of $5bn", Lang::En);
    assert_eq!(q.text, "$5bn");
}

#[test]
fn odd_input_does_not_panic() {
    for s in [
        "",
        "1",
        "1,",
        "1.",
        ",5",
        "%",
        "$",
        "€€5",
        "12h",
        "h30",
        "1er",
        "’90s",
        "9,999,999,999,999,999,999,999",
        "10\u{202f}",
        "١٢٣ ۴۵",
        "日本 2013年",
        "- 5 -",
        "1 2 3 4 5 6 7 8",
        "99:99",
        "a.m.",
        "XXIe",
        "Ve",
    ] {
        let _ = extract(s, Lang::Fr);
        let _ = extract(s, Lang::En);
    }
}

#[test]
fn exact_values_pair_in_text_order_among_repeats() {
    // repeated values pair first with first, as a scan of the English would
    let c = compare(&fr("7 et 7 et 9 et 7"), &en("7 and 9 and 7 and 7"));
    assert_eq!(c.matched, vec![(0, 0), (1, 2), (2, 1), (3, 3)]);
    assert!(c.differing.is_empty() && c.unpaired.is_none());
}

#[test]
fn past_the_figure_pair_limit_only_equal_values_pair_and_it_is_said() {
    let f: String = (0..2_100)
        .map(|k| format!("{} et ", 10_000 + 2 * k))
        .collect();
    let e: String = (0..2_100)
        .map(|k| format!("{} and ", 10_001 + 2 * k))
        .collect();
    let (f, e) = (format!("{f}42"), format!("{e}42"));
    let c = compare(&fr(&f), &en(&e));
    assert_eq!(c.unpaired, Some((2_100, 2_100)));
    assert_eq!(c.matched, vec![(2_100, 2_100)]);
    assert!(c.differing.is_empty());
    assert_eq!((c.fr_only.len(), c.en_only.len()), (2_100, 2_100));
    // under it, the same figures are paired as differing
    let c = compare(&fr("10 000 et 42"), &en("10,001 and 42"));
    assert_eq!((c.unpaired, c.differing.len()), (None, 1));
}
