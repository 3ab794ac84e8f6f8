//! Units of measure after a number, the conversions a translator makes (miles to
//! km, °F to °C, acres to hectares), and plausible currency conversions.

use super::*;

const fn u(dim: Dim, factor: f64) -> Unit {
    Unit {
        dim,
        factor,
        offset: 0.0,
    }
}

const MILE: f64 = 1609.344;
const FOOT: f64 = 0.3048;

/// A length word: `km`, `miles`, `pieds`.
fn length_word(w: &str) -> Option<f64> {
    Some(match w {
        "km" | "kilometre" | "kilometres" | "kilometer" | "kilometers" => 1000.0,
        "m" | "metre" | "metres" | "meter" | "meters" => 1.0,
        "cm" | "centimetre" | "centimetres" | "centimeter" | "centimeters" => 0.01,
        "mm" | "millimetre" | "millimetres" | "millimeter" | "millimeters" => 0.001,
        "mile" | "miles" | "milles" => MILE,
        "ft" | "foot" | "feet" | "pied" | "pieds" => FOOT,
        "inch" | "inches" | "pouce" | "pouces" => 0.0254,
        "yard" | "yards" => 0.9144,
        _ => return None,
    })
}

fn mass_word(w: &str) -> Option<f64> {
    Some(match w {
        "kg" | "kilo" | "kilos" | "kilogramme" | "kilogrammes" | "kilogram" | "kilograms" => 1.0,
        "g" | "gramme" | "grammes" | "gram" | "grams" => 0.001,
        "t" | "tonne" | "tonnes" | "ton" | "tons" => 1000.0,
        "lb" | "lbs" => 0.453_592,
        "ounce" | "ounces" | "oz" | "once" | "onces" => 0.028_349_5,
        _ => return None,
    })
}

fn other_word(w: &str) -> Option<Unit> {
    Some(match w {
        "l" | "litre" | "litres" | "liter" | "liters" => u(Dim::Volume, 0.001),
        "gallon" | "gallons" => u(Dim::Volume, 0.003_785_41),
        "baril" | "barils" | "barrel" | "barrels" | "bpj" | "bpd" => u(Dim::Volume, 0.158_987),
        "ha" | "hectare" | "hectares" => u(Dim::Area, 1e4),
        "acre" | "acres" => u(Dim::Area, 4046.86),
        "mph" => u(Dim::Speed, MILE / 3600.0),
        "kmh" => u(Dim::Speed, 1000.0 / 3600.0),
        "noeud" | "noeuds" | "knot" | "knots" => u(Dim::Speed, 0.514_444),
        "celsius" => u(Dim::Temperature, 1.0),
        "jour" | "jours" | "day" | "days" => u(Dim::Duration, 1.0),
        "semaine" | "semaines" | "week" | "weeks" => u(Dim::Duration, 7.0),
        "mois" | "month" | "months" => u(Dim::Duration, 30.44),
        "an" | "ans" | "annee" | "annees" | "year" | "years" => u(Dim::Duration, 365.25),
        "decennie" | "decennies" | "decade" | "decades" => u(Dim::Duration, 3652.5),
        "siecle" | "siecles" | "century" | "centuries" => u(Dim::Duration, 36525.0),
        "fahrenheit" => fahrenheit(),
        _ => return None,
    })
}

fn fahrenheit() -> Unit {
    Unit {
        dim: Dim::Temperature,
        factor: 5.0 / 9.0,
        offset: -32.0 * 5.0 / 9.0,
    }
}

/// The unit of measure at token `j` (after the number and its scale), and the
/// token after it: `km`, `km/h`, `miles per hour`, `square miles`, `m³`,
/// `pieds cubes`, `°F`, `degrés Celsius`, `pounds of` (a weight; `pounds` alone is
/// money).
pub(super) fn parse_unit(toks: &[Tok], j: usize, lang: Lang) -> Option<(Unit, usize)> {
    let w = |k: usize| toks.get(k).and_then(Tok::word).unwrap_or("");
    let mut k = j;
    // `58-foot`, `a 10-mile walk`: the unit joined by a hyphen
    if toks.get(k).is_some_and(|t| t.is_sym('-') && t.attached)
        && toks.get(k + 1).is_some_and(|t| t.attached)
        && (length_word(w(k + 1)).is_some() || mass_word(w(k + 1)).is_some())
    {
        k += 1;
    }
    if toks.get(k).is_some_and(|t| t.is_sym('-') && t.attached) && w(k + 1) == "pound" {
        return Some((u(Dim::Mass, 0.453_592), k + 2));
    }
    if lang == Lang::Fr && w(k) == "de" {
        k += 1;
    } else if lang == Lang::Fr && w(k) == "d" && toks.get(k + 1).is_some_and(|t| t.is_sym('\'')) {
        k += 2;
    }
    // temperatures: `°C`, `° F`, `degrés Celsius`, `degrees Fahrenheit`
    if toks.get(k).is_some_and(|t| t.is_sym('°')) {
        return match w(k + 1) {
            "c" | "celsius" => Some((u(Dim::Temperature, 1.0), k + 2)),
            "f" | "fahrenheit" => Some((fahrenheit(), k + 2)),
            _ => None,
        };
    }
    if matches!(w(k), "degres" | "degre" | "degrees" | "degree") {
        return match w(k + 1) {
            "celsius" | "c" => Some((u(Dim::Temperature, 1.0), k + 2)),
            "fahrenheit" | "f" => Some((fahrenheit(), k + 2)),
            _ => None,
        };
    }
    // English `square` / `cubic` / `nautical` before the unit
    let prefix = match w(k) {
        "square" | "sq" => Some(Dim::Area),
        "cubic" => Some(Dim::Volume),
        _ => None,
    };
    if let Some(dim) = prefix {
        let f = length_word(w(k + 1))?;
        let p = if dim == Dim::Area { 2 } else { 3 };
        return Some((u(dim, f.powi(p)), k + 2));
    }
    if w(k) == "nautical" && matches!(w(k + 1), "mile" | "miles") {
        return Some((u(Dim::Length, 1852.0), k + 2));
    }
    // weight in pounds: `lb`, `pounds of`, `livres de` (otherwise money)
    if matches!(w(k), "pound" | "pounds" | "livre" | "livres") {
        let of = if lang == Lang::En { "of" } else { "de" };
        let n = w(k + 1);
        let fr_elided = lang == Lang::Fr && n == "d";
        if (n == of || fr_elided) && !matches!(w(k + 2), "sterling") {
            return Some((u(Dim::Mass, 0.453_592), k + 1));
        }
        return None;
    }
    if let Some(f) = mass_word(w(k)) {
        return Some((u(Dim::Mass, f), k + 1));
    }
    if let Some(unit) = other_word(w(k)) {
        return Some((unit, k + 1));
    }
    let f = length_word(w(k))?;
    let mut next = k + 1;
    // `m²`, `km2`, `m³`, `kilomètres carrés`, `pieds cubes`
    let power = match toks.get(next) {
        Some(t) if t.attached && (t.is_sym('²') || t.num().is_some_and(|n| n.digits == "2")) => 2,
        Some(t) if t.attached && (t.is_sym('³') || t.num().is_some_and(|n| n.digits == "3")) => 3,
        _ => match w(next) {
            "carre" | "carres" => 2,
            "cube" | "cubes" => 3,
            _ => 1,
        },
    };
    if power > 1 {
        let dim = if power == 2 { Dim::Area } else { Dim::Volume };
        return Some((u(dim, f.powi(power)), next + 1));
    }
    if matches!(w(next), "nautique" | "nautiques") {
        return Some((u(Dim::Length, 1852.0), next + 1));
    }
    // speeds: `km/h`, `miles per hour`, `miles an hour`, `km à l'heure`, `km par heure`
    let per_hour = if toks.get(next).is_some_and(|t| t.is_sym('/')) && w(next + 1) == "h" {
        Some(next + 2)
    } else {
        match (w(next), w(next + 1), w(next + 2)) {
            ("per" | "an" | "par", "hour" | "heure", _) => Some(next + 2),
            ("a", "l", _)
                if toks.get(next + 2).is_some_and(|t| t.is_sym('\'')) && w(next + 3) == "heure" =>
            {
                Some(next + 4)
            }
            ("a", "l", "heure") => Some(next + 3),
            _ => None,
        }
    };
    if let Some(e) = per_hour {
        return Some((u(Dim::Speed, f / 3600.0), e));
    }
    next = k + 1;
    Some((u(Dim::Length, f), next))
}

/// A plain noun at token `j` saying what the number counts (`15 morts`,
/// `de citrouilles`, `people`, `of pumpkin`): a content word, not a unit.
pub(super) fn counted_noun(toks: &[Tok], j: usize, lang: Lang) -> bool {
    let w = |k: usize| toks.get(k).and_then(Tok::word).unwrap_or("");
    // only `de` / `of` and a noun: a word right after a number may be anything
    let k = match lang {
        Lang::Fr if w(j) == "de" => j + 1,
        Lang::Fr if w(j) == "d" && toks.get(j + 1).is_some_and(|t| t.is_sym('\'')) => j + 2,
        Lang::En if w(j) == "of" => j + 1,
        _ => return false,
    };
    let n = w(k);
    const STOP: &[&str] = &[
        "plus",
        "moins",
        "pour",
        "par",
        "sur",
        "dans",
        "avec",
        "sans",
        "les",
        "des",
        "une",
        "aux",
        "the",
        "and",
        "for",
        "with",
        "from",
        "into",
        "than",
        "more",
        "less",
        "that",
        "this",
        "their",
        "its",
        "his",
        "her",
        "our",
        "new",
        "other",
        "others",
        "autres",
        "nouveaux",
        "nouvelles",
        "entre",
        "were",
        "are",
        "was",
        "ont",
        "sont",
        "etaient",
    ];
    n.len() >= 3
        && !STOP.contains(&n)
        && currency_word(n).is_none()
        && scale_word(n, lang).is_none()
}

/// Half a unit of the last place of an integer, a final zero read as rounding to
/// the ten (`160` → 5, `3` → 0.5): the rounding of a converted figure.
fn rounding(q: &Quantity) -> f64 {
    let v = q.value.abs().round();
    if v == 0.0 || (q.value - q.value.round()).abs() > 1e-9 {
        return q.precision;
    }
    let mut place: f64 = 1.0;
    if v >= 10.0 && v % 10.0 == 0.0 {
        place *= 10.0;
    }
    (place * 0.5).max(q.precision)
}

/// The same measure in two units, within the rounding of the figures (a translator
/// rounds a conversion: `100 miles` = `160 km`, `90 °F` = `32 °C`).
pub(super) fn converted_equal(a: &Quantity, ua: Unit, b: &Quantity, ub: Unit) -> bool {
    let base = |q: &Quantity, un: Unit| q.value * un.factor + un.offset;
    let (va, vb) = (base(a, ua), base(b, ub));
    let tol = (rounding(a) * ua.factor).max(rounding(b) * ub.factor);
    // French `huit jours`, `quinze jours` are a week and two weeks
    let idiom = |q: &Quantity, un: Unit| {
        un.dim == Dim::Duration && un.factor == 1.0 && (q.value == 8.0 || q.value == 15.0)
    };
    let rel = if a.approx || b.approx || idiom(a, ua) || idiom(b, ub) {
        0.1
    } else {
        0.03
    };
    if ua.dim == Dim::Temperature {
        return (va - vb).abs() <= tol + 0.6;
    }
    (va - vb).abs() <= tol + rel * va.abs().max(vb.abs())
}

/// Rough value of one unit of a currency in US dollars, for telling a converted
/// amount from a changed one (rates move: the band around it is wide).
fn in_dollars(code: &str) -> Option<f64> {
    Some(match code {
        "USD" => 1.0,
        "EUR" => 1.2,
        "GBP" => 1.5,
        "CHF" => 1.0,
        "CNY" => 0.15,
        "JPY" => 0.009,
        "INR" => 0.015,
        "RUB" => 0.02,
        "MXN" => 0.06,
        "BRL" => 0.3,
        "SEK" => 0.12,
        "ILS" => 0.27,
        "ZAR" => 0.08,
        "PLN" => 0.3,
        "UAH" => 0.04,
        "KRW" => 0.0008,
        "AED" => 0.27,
        _ => return None,
    })
}

/// Two amounts in different currencies whose values are a plausible conversion of
/// each other (`£9` and `10 €`): within a factor of 1.8 of the rough rate.
pub fn plausible_conversion(fr: &Quantity, en: &Quantity) -> bool {
    let (Some(cf), Some(ce)) = (fr.currency, en.currency) else {
        return false;
    };
    if cf == ce || fr.kind != Kind::Money || en.kind != Kind::Money {
        return false;
    }
    let (Some(rf), Some(re)) = (in_dollars(cf), in_dollars(ce)) else {
        return false;
    };
    let (a, b) = (fr.value * rf, en.value * re);
    if a <= 0.0 || b <= 0.0 {
        return false;
    }
    (a / b).max(b / a) <= 1.8
}
