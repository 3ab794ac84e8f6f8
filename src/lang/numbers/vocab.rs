//! Vocabularies: number words, ordinals, scales, collectives, currencies, qualifiers.

use super::*;

pub(super) fn cardinal_word(w: &str, lang: Lang) -> Option<f64> {
    let v = match lang {
        Lang::Fr => match w {
            "zero" => 0.0,
            "un" | "une" => 1.0,
            "deux" => 2.0,
            "trois" => 3.0,
            "quatre" => 4.0,
            "cinq" => 5.0,
            "six" => 6.0,
            "sept" => 7.0,
            "huit" => 8.0,
            "neuf" => 9.0,
            "dix" => 10.0,
            "onze" => 11.0,
            "douze" => 12.0,
            "treize" => 13.0,
            "quatorze" => 14.0,
            "quinze" => 15.0,
            "seize" => 16.0,
            "vingt" | "vingts" => 20.0,
            "trente" => 30.0,
            "quarante" => 40.0,
            "cinquante" => 50.0,
            "soixante" => 60.0,
            "septante" => 70.0,
            "huitante" | "octante" => 80.0,
            "nonante" => 90.0,
            "cent" | "cents" => 100.0,
            "mille" => 1000.0,
            _ => return None,
        },
        Lang::En => match w {
            "zero" => 0.0,
            "one" => 1.0,
            "two" => 2.0,
            "three" => 3.0,
            "four" => 4.0,
            "five" => 5.0,
            "six" => 6.0,
            "seven" => 7.0,
            "eight" => 8.0,
            "nine" => 9.0,
            "ten" => 10.0,
            "eleven" => 11.0,
            "twelve" => 12.0,
            "thirteen" => 13.0,
            "fourteen" => 14.0,
            "fifteen" => 15.0,
            "sixteen" => 16.0,
            "seventeen" => 17.0,
            "eighteen" => 18.0,
            "nineteen" => 19.0,
            "twenty" => 20.0,
            "thirty" => 30.0,
            "forty" => 40.0,
            "fifty" => 50.0,
            "sixty" => 60.0,
            "seventy" => 70.0,
            "eighty" => 80.0,
            "ninety" => 90.0,
            "hundred" => 100.0,
            "thousand" => 1000.0,
            _ => return None,
        },
    };
    Some(v)
}

pub(super) fn ordinal_word(w: &str, lang: Lang) -> Option<f64> {
    let v = match lang {
        Lang::Fr => match w {
            "premier" | "premiere" | "premiers" | "premieres" => 1.0,
            "deuxieme" | "deuxiemes" | "second" | "seconde" | "seconds" | "secondes" => 2.0,
            "troisieme" | "troisiemes" | "tiers" => 3.0,
            "quatrieme" | "quatriemes" => 4.0,
            "cinquieme" | "cinquiemes" => 5.0,
            "sixieme" | "sixiemes" => 6.0,
            "septieme" | "septiemes" => 7.0,
            "huitieme" | "huitiemes" => 8.0,
            "neuvieme" | "neuviemes" => 9.0,
            "dixieme" | "dixiemes" => 10.0,
            "onzieme" => 11.0,
            "douzieme" => 12.0,
            "vingtieme" => 20.0,
            "centieme" => 100.0,
            "millieme" => 1000.0,
            _ => return None,
        },
        Lang::En => match w {
            "first" => 1.0,
            "second" => 2.0,
            "third" | "thirds" => 3.0,
            "fourth" => 4.0,
            "fifth" => 5.0,
            "sixth" => 6.0,
            "seventh" => 7.0,
            "eighth" => 8.0,
            "ninth" => 9.0,
            "tenth" => 10.0,
            "eleventh" => 11.0,
            "twelfth" => 12.0,
            "twentieth" => 20.0,
            "hundredth" => 100.0,
            "thousandth" => 1000.0,
            _ => return None,
        },
    };
    Some(v)
}

/// Scale words after a number: `milliards`, `billion`, `bn`. French `billion` is 10^12.
pub(super) fn scale_word(w: &str, lang: Lang) -> Option<f64> {
    let v = match (lang, w) {
        (Lang::Fr, "mille") => 1e3,
        (Lang::Fr, "million" | "millions" | "mln" | "mn") => 1e6,
        (Lang::Fr, "milliard" | "milliards" | "md" | "mds" | "mrd" | "mrds") => 1e9,
        (Lang::Fr, "billion" | "billions") => 1e12,
        (Lang::En, "thousand" | "thousands") => 1e3,
        (Lang::En, "million" | "millions" | "mln" | "mn") => 1e6,
        (Lang::En, "billion" | "billions" | "bn" | "bln") => 1e9,
        // English translated from French keeps `milliard`
        (Lang::En, "milliard" | "milliards") => 1e9,
        (Lang::En, "trillion" | "trillions" | "tn") => 1e12,
        _ => return None,
    };
    Some(v)
}

/// A scale word after a number, or an English one misspelled by one letter
/// (`milion`, `thousans`, `bilion`): six letters or more, so no short word is taken.
pub(super) fn scale_word_loose(w: &str, lang: Lang) -> Option<f64> {
    if let Some(s) = scale_word(w, lang) {
        return Some(s);
    }
    if lang != Lang::En || w.len() < 6 || w == "bullion" {
        return None;
    }
    [
        "thousand",
        "million",
        "billion",
        "trillion",
        "thousands",
        "millions",
        "billions",
    ]
    .iter()
    .find(|c| one_edit(w, c))
    .and_then(|c| scale_word(c, lang))
}

/// `a` and `b` differ by one letter inserted, deleted or replaced.
fn one_edit(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    let (s, l) = if a.len() <= b.len() {
        (&a, &b)
    } else {
        (&b, &a)
    };
    if l.len() - s.len() > 1 {
        return false;
    }
    let p = s.iter().zip(l.iter()).take_while(|(x, y)| x == y).count();
    if s.len() == l.len() {
        s[p + 1..] == l[p + 1..] && p < s.len()
    } else {
        s[p..] == l[p + 1..]
    }
}

/// `une dizaine`, `une centaine`, `un millier`: approximate collective numbers.
pub(super) fn collective_word(w: &str) -> Option<(f64, bool)> {
    // (value, plural)
    let base = w.strip_suffix('s').unwrap_or(w);
    let plural = base.len() != w.len();
    let v = match base {
        "dizaine" => 10.0,
        "douzaine" => 12.0,
        "quinzaine" => 15.0,
        "vingtaine" => 20.0,
        "trentaine" => 30.0,
        "quarantaine" => 40.0,
        "cinquantaine" => 50.0,
        "soixantaine" => 60.0,
        "centaine" => 100.0,
        "millier" => 1000.0,
        _ => return None,
    };
    Some((v, plural))
}

/// English vague plurals: `hundreds`, `thousands`, `dozens`, `millions`.
pub(super) fn vague_plural_en(w: &str) -> Option<f64> {
    Some(match w {
        "dozens" => 12.0,
        "tens" => 10.0,
        "scores" => 20.0,
        "hundreds" => 100.0,
        "thousands" => 1e3,
        "millions" => 1e6,
        "billions" => 1e9,
        "trillions" => 1e12,
        _ => return None,
    })
}

pub(super) fn currency_symbol(c: char) -> Option<&'static str> {
    Some(match c {
        '$' => "USD",
        '€' => "EUR",
        '£' => "GBP",
        '¥' => "JPY",
        '₹' => "INR",
        '₽' => "RUB",
        _ => return None,
    })
}

pub(super) fn currency_word(w: &str) -> Option<&'static str> {
    Some(match w {
        "dollar" | "dollars" | "usd" => "USD",
        "euro" | "euros" | "eur" => "EUR",
        "livre" | "livres" | "pound" | "pounds" | "sterling" | "gbp" => "GBP",
        "yuan" | "yuans" | "renminbi" | "cny" => "CNY",
        "yen" | "yens" | "jpy" => "JPY",
        "franc" | "francs" | "chf" => "CHF",
        "rouble" | "roubles" | "ruble" | "rubles" => "RUB",
        "roupie" | "roupies" | "rupee" | "rupees" => "INR",
        "peso" | "pesos" => "MXN",
        "real" | "reais" | "reals" => "BRL",
        "couronne" | "couronnes" | "crown" | "crowns" | "krone" | "kroner" | "kronor" => "SEK",
        "dinar" | "dinars" => "DIN",
        "dirham" | "dirhams" => "AED",
        "shekel" | "shekels" | "shekalim" => "ILS",
        "rand" | "rands" => "ZAR",
        "zloty" | "zlotys" | "zlotych" => "PLN",
        "hryvnia" | "hryvnias" | "hryvnas" => "UAH",
        "won" | "wons" => "KRW",
        _ => return None,
    })
}

pub(super) const ORDINAL_SUFFIXES: &[&str] = &[
    "e", "er", "re", "ere", "eme", "es", "eres", "emes", "nd", "nde", "st", "rd", "th",
];

pub(super) const UNIT_SUFFIXES: &[&str] = &[
    "km", "m", "cm", "mm", "kg", "g", "mg", "t", "ha", "l", "ml", "min", "mn", "s", "mw", "gw",
    "kw", "kwh", "mwh", "twh", "mph", "kmh", "go", "gb", "mo", "mb", "to", "tb", "ko", "kb", "hz",
    "mhz", "ghz", "v", "kv", "w", "c", "f",
];

pub(super) const APPROX_FR: &[&str] = &[
    "environ",
    "pres de",
    "pres d'",
    "plus de",
    "plus d'",
    "moins de",
    "moins d'",
    "quelque",
    "presque",
    "a peu pres",
    "au moins",
    "jusqu'a",
    "quasi",
    "quasiment",
    "autour de",
    "pas moins de",
    "pas loin de",
    "approximativement",
    "grosso modo",
    "au-dela de",
    "au dela de",
    "superieur a",
    "inferieur a",
    "plus que",
    "moins que",
    "d'environ",
    "de pres de",
    "de plus de",
];

pub(super) const APPROX_EN: &[&str] = &[
    "about",
    "around",
    "nearly",
    "almost",
    "more than",
    "over",
    "less than",
    "fewer than",
    "under",
    "some",
    "roughly",
    "approximately",
    "at least",
    "up to",
    "close to",
    "just over",
    "just under",
    "upwards of",
    "an estimated",
    "estimated",
    "approx",
    "at most",
    "as many as",
    "as much as",
    "well over",
    "below",
    "above",
];

pub(super) fn approx_before(text: &str, start: usize, lang: Lang) -> bool {
    let mut from = start.saturating_sub(32);
    while from > 0 && !text.is_char_boundary(from) {
        from -= 1;
    }
    let before = fold(text.get(from..start).unwrap_or(""));
    let before = before.trim_end_matches(is_space);
    let list = match lang {
        Lang::Fr => APPROX_FR,
        Lang::En => APPROX_EN,
    };
    list.iter().any(|m| {
        before.ends_with(m)
            && before[..before.len() - m.len()]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric())
    })
}

pub(super) fn roman_value(s: &str) -> Option<f64> {
    let mut total = 0i64;
    let mut prev = 0i64;
    for c in s.chars().rev() {
        let v = match c {
            'I' => 1,
            'V' => 5,
            'X' => 10,
            'L' => 50,
            'C' => 100,
            'D' => 500,
            'M' => 1000,
            _ => return None,
        };
        if v < prev {
            total -= v;
        } else {
            total += v;
            prev = v;
        }
    }
    (total > 0 && total < 4000).then_some(total as f64)
}
