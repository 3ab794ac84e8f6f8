//! Quantities in French and English text, normalised for comparison.
//!
//! A text is cut into tokens (numerals with their locale separators already folded
//! into one value, words, symbols) and a small parser turns each numeral or number
//! word, with what surrounds it, into a [`Quantity`]: a value in base units (`240,1
//! milliards de dollars` and `$240.1 billion` are both 240.1e9 dollars), a kind
//! (cardinal, ordinal, percent, money, year, decade, time of day), the rounding a
//! translator may apply (`precision`), and whether it is spelled out, approximate or
//! vague (`des centaines`, `hundreds`). [`compare`] then pairs the quantities of a
//! French text with those of its English source and says which ones differ.

use std::ops::Range;

use super::text::fold;
use super::Lang;

/// What a quantity counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Cardinal,
    Ordinal,
    Percent,
    Money,
    /// A four-digit year (`2008`), without separator, unit or scale.
    Year,
    /// `années 1990`, `1990s`, `'90s`: the value is the first year.
    Decade,
    /// A time of day; the value is minutes modulo 12 hours (`14h30` = `2:30 p.m.`).
    Time,
}

/// One quantity found in a text.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Normalised value: scale applied (`1,5 million` → 1 500 000).
    pub value: f64,
    /// Byte span in the text the quantity was extracted from.
    pub span: Range<usize>,
    /// The text of the span: `240,1 milliards de dollars`, `15 %`, `3ème`.
    pub text: String,
    pub kind: Kind,
    /// ISO-like currency code for money (`USD`, `EUR`, `GBP`, `CNY`, …).
    pub currency: Option<&'static str>,
    /// Preceded by `environ`, `plus de`, `about`, `more than`, …
    pub approx: bool,
    /// Written in words (`trois`, `twenty-five`, `un million`).
    pub spelled: bool,
    /// An order of magnitude only (`des centaines`, `hundreds`, `dozens`).
    pub vague: bool,
    /// Half a unit of the last written digit, scale applied: the rounding a
    /// translator may apply (`1.5 million` → 50 000).
    pub precision: f64,
}

impl Quantity {
    /// The same quantity up to rounding (`1,47 million` = `1.5 million`,
    /// `plus de 8 %` = `8.3%`). Kinds are not compared here: `15` = `15%` for
    /// matching purposes (a lost unit is not a changed quantity).
    pub fn matches(&self, other: &Quantity) -> bool {
        if self.vague || other.vague {
            if !(self.vague && other.vague) {
                return false;
            }
            let (a, b) = (self.value.abs().max(1e-9), other.value.abs().max(1e-9));
            return (a / b).max(b / a) <= 1.5;
        }
        if self.kind == Kind::Time || other.kind == Kind::Time {
            let minutes = |q: &Quantity| match q.kind {
                Kind::Time => q.value,
                // `à 10 heures` = `at 10 o'clock`
                _ if q.value.fract() == 0.0 && q.value <= 24.0 => q.value * 60.0,
                _ => f64::NAN,
            };
            let d = (minutes(self) - minutes(other)).rem_euclid(720.0);
            return d.min(720.0 - d) < 0.5;
        }
        let diff = (self.value - other.value).abs();
        let tol = self.precision.max(other.precision);
        diff <= tol * 1.000_001 + 1e-9
    }

    /// Written with digits (not spelled out, not vague).
    pub fn is_digits(&self) -> bool {
        !self.spelled && !self.vague
    }

    /// Years and decades: reported by the date check rather than the number check.
    pub fn is_year_like(&self) -> bool {
        matches!(self.kind, Kind::Year | Kind::Decade)
    }
}

// ---------------------------------------------------------------------------
// tokens

#[derive(Debug, Clone)]
pub(crate) struct Numeral {
    pub value: f64,
    /// Digits after the decimal separator.
    pub decimals: u32,
    /// Integer digits only, separators removed.
    pub digits: String,
    /// Written with a thousands separator.
    pub grouped: bool,
    /// Glued to a letter before it (`G20`, `A380`, `Covid-19`): not a quantity.
    pub blocked: bool,
}

#[derive(Debug, Clone)]
pub(crate) enum TokKind {
    Num(Numeral),
    /// A run of letters (inner hyphens kept), by its folded form; the text as
    /// written is the token's span.
    Word {
        folded: String,
    },
    Sym(char),
}

#[derive(Debug, Clone)]
pub(crate) struct Tok {
    pub kind: TokKind,
    pub start: usize,
    pub end: usize,
    /// No white space between this token and the previous one.
    pub attached: bool,
}

impl Tok {
    pub fn word(&self) -> Option<&str> {
        match &self.kind {
            TokKind::Word { folded, .. } => Some(folded),
            _ => None,
        }
    }
    /// The word as written in `text`, the text the token was cut from.
    pub fn raw_word<'t>(&self, text: &'t str) -> Option<&'t str> {
        match &self.kind {
            TokKind::Word { .. } => text.get(self.start..self.end),
            _ => None,
        }
    }
    pub fn num(&self) -> Option<&Numeral> {
        match &self.kind {
            TokKind::Num(n) => Some(n),
            _ => None,
        }
    }
    pub fn is_sym(&self, c: char) -> bool {
        matches!(self.kind, TokKind::Sym(s) if s == c)
    }
    /// A plain integer numeral (no separator, no decimals, not glued to letters).
    pub fn small_int(&self) -> Option<u32> {
        let n = self.num()?;
        if n.blocked || n.grouped || n.decimals > 0 || n.digits.len() > 2 {
            return None;
        }
        n.digits.parse().ok()
    }
}

fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}')
}

fn is_group_sep(c: char, lang: Lang) -> bool {
    match lang {
        Lang::Fr => matches!(
            c,
            ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}' | '.'
        ),
        Lang::En => matches!(
            c,
            ',' | ' ' | '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}'
        ),
    }
}

/// `08.11.00.06.95`, `01 23 45 67 89`: four or more pairs of digits; not a quantity.
fn phone_number_end(cs: &[(usize, char)], k: usize) -> Option<usize> {
    let d = |q: usize| q < cs.len() && cs[q].1.is_ascii_digit();
    if k > 0 && d(k - 1) {
        return None;
    }
    let mut j = k;
    let mut groups = 0;
    loop {
        if !(d(j) && d(j + 1)) || d(j + 2) {
            return None;
        }
        groups += 1;
        j += 2;
        let sep = j < cs.len() && matches!(cs[j].1, ' ' | '.' | '-' | '\u{a0}' | '\u{202f}');
        if groups >= 4 && !(sep && d(j + 1) && d(j + 2) && !d(j + 3)) {
            return Some(j);
        }
        if !sep {
            return None;
        }
        j += 1;
    }
}

/// Cut a text into numerals, words and symbols.
pub(crate) fn tokenize(text: &str, lang: Lang) -> Vec<Tok> {
    let cs: Vec<(usize, char)> = text.char_indices().collect();
    let n = cs.len();
    let byte_at = |k: usize| if k < n { cs[k].0 } else { text.len() };
    let digit_at = |k: usize| k < n && cs[k].1.is_ascii_digit();
    let mut toks: Vec<Tok> = Vec::new();
    let mut k = 0;
    let mut attached = false;
    while k < n {
        let c = cs[k].1;
        if is_space(c) {
            attached = false;
            k += 1;
            continue;
        }
        let start = k;
        if c.is_ascii_digit() {
            if let Some(j) = phone_number_end(&cs, k) {
                toks.push(Tok {
                    kind: TokKind::Num(Numeral {
                        value: 0.0,
                        decimals: 0,
                        digits: String::new(),
                        grouped: true,
                        blocked: true,
                    }),
                    start: byte_at(k),
                    end: byte_at(j),
                    attached,
                });
                attached = true;
                k = j;
                continue;
            }
            let mut j = k;
            let mut digits = String::new();
            while digit_at(j) {
                digits.push(cs[j].1);
                j += 1;
            }
            let mut grouped = false;
            let mut dot_grouped = false;
            if digits.len() <= 3 {
                while j + 3 < n + 1
                    && j < n
                    && is_group_sep(cs[j].1, lang)
                    && digit_at(j + 1)
                    && digit_at(j + 2)
                    && digit_at(j + 3)
                    && !digit_at(j + 4)
                    // `1.000,5` style dots only in French, and never `1.000` then space-groups
                    && !(cs[j].1 == '.' && grouped && !dot_grouped)
                    && !(is_space(cs[j].1) && dot_grouped)
                {
                    dot_grouped |= cs[j].1 == '.';
                    for q in 1..=3 {
                        digits.push(cs[j + q].1);
                    }
                    grouped = true;
                    j += 4;
                }
            }
            let mut frac = String::new();
            if j + 1 < n && digit_at(j + 1) {
                let sep = cs[j].1;
                let is_dec = match lang {
                    Lang::Fr => sep == ',' || (sep == '.' && !dot_grouped),
                    Lang::En => sep == '.',
                };
                if is_dec {
                    j += 1;
                    while digit_at(j) {
                        frac.push(cs[j].1);
                        j += 1;
                    }
                }
            }
            let prev = if start > 0 {
                Some(cs[start - 1].1)
            } else {
                None
            };
            let prev2 = if start > 1 {
                Some(cs[start - 2].1)
            } else {
                None
            };
            let blocked = prev.is_some_and(char::is_alphabetic)
                || (matches!(prev, Some('-' | '/' | '_'))
                    && prev2.is_some_and(char::is_alphanumeric)
                    && !prev2.is_some_and(|p| p.is_ascii_digit()))
                || matches!(prev, Some('#' | '@'));
            let value = format!(
                "{}.{}",
                if digits.is_empty() { "0" } else { &digits },
                if frac.is_empty() { "0" } else { &frac }
            )
            .parse::<f64>()
            .unwrap_or(0.0);
            toks.push(Tok {
                kind: TokKind::Num(Numeral {
                    value,
                    decimals: frac.len() as u32,
                    digits,
                    grouped,
                    blocked,
                }),
                start: byte_at(start),
                end: byte_at(j),
                attached,
            });
            attached = true;
            k = j;
            continue;
        }
        if c.is_alphabetic() {
            let mut j = k;
            while j < n {
                let ch = cs[j].1;
                let inner_hyphen = ch == '-' && j + 1 < n && cs[j + 1].1.is_alphabetic();
                if !(ch.is_alphabetic() || inner_hyphen) {
                    break;
                }
                j += 1;
            }
            let raw = &text[byte_at(start)..byte_at(j)];
            toks.push(Tok {
                kind: TokKind::Word { folded: fold(raw) },
                start: byte_at(start),
                end: byte_at(j),
                attached,
            });
            attached = true;
            k = j;
            continue;
        }
        let sym = match c {
            '’' | '‘' | 'ʼ' => '\'',
            '–' | '—' | '‑' => '-',
            other => other,
        };
        toks.push(Tok {
            kind: TokKind::Sym(sym),
            start: byte_at(start),
            end: byte_at(k + 1),
            attached,
        });
        attached = true;
        k += 1;
    }
    toks
}

// ---------------------------------------------------------------------------
// vocabularies

fn cardinal_word(w: &str, lang: Lang) -> Option<f64> {
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

fn ordinal_word(w: &str, lang: Lang) -> Option<f64> {
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
fn scale_word(w: &str, lang: Lang) -> Option<f64> {
    let v = match (lang, w) {
        (Lang::Fr, "mille") => 1e3,
        (Lang::Fr, "million" | "millions" | "mln" | "mn") => 1e6,
        (Lang::Fr, "milliard" | "milliards" | "md" | "mds" | "mrd" | "mrds") => 1e9,
        (Lang::Fr, "billion" | "billions") => 1e12,
        (Lang::En, "thousand" | "thousands") => 1e3,
        (Lang::En, "million" | "millions" | "mln" | "mn") => 1e6,
        (Lang::En, "billion" | "billions" | "bn" | "bln") => 1e9,
        (Lang::En, "trillion" | "trillions" | "tn") => 1e12,
        _ => return None,
    };
    Some(v)
}

/// `une dizaine`, `une centaine`, `un millier`: approximate collective numbers.
fn collective_word(w: &str) -> Option<(f64, bool)> {
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
fn vague_plural_en(w: &str) -> Option<f64> {
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

fn currency_symbol(c: char) -> Option<&'static str> {
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

fn currency_word(w: &str) -> Option<&'static str> {
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

const ORDINAL_SUFFIXES: &[&str] = &[
    "e", "er", "re", "ere", "eme", "es", "eres", "emes", "nd", "nde", "st", "rd", "th",
];

const UNIT_SUFFIXES: &[&str] = &[
    "km", "m", "cm", "mm", "kg", "g", "mg", "t", "ha", "l", "ml", "min", "mn", "s", "mw", "gw",
    "kw", "kwh", "mwh", "twh", "mph", "kmh", "go", "gb", "mo", "mb", "to", "tb", "ko", "kb", "hz",
    "mhz", "ghz", "v", "kv", "w", "c", "f",
];

const APPROX_FR: &[&str] = &[
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

const APPROX_EN: &[&str] = &[
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

fn approx_before(text: &str, start: usize, lang: Lang) -> bool {
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

fn roman_value(s: &str) -> Option<f64> {
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

// ---------------------------------------------------------------------------
// extraction

/// Every quantity of `text`, in order.
pub fn extract(text: &str, lang: Lang) -> Vec<Quantity> {
    extract_from(text, &tokenize(text, lang), lang)
}

/// [`extract`] over tokens already made by [`tokenize`] from `text`.
pub(crate) fn extract_from(text: &str, toks: &[Tok], lang: Lang) -> Vec<Quantity> {
    let mut out: Vec<(Quantity, f64)> = Vec::new();
    let mut i = 0;
    while i < toks.len() {
        let parsed = match &toks[i].kind {
            TokKind::Num(_) => parse_numeral(text, toks, i, lang),
            TokKind::Word { .. } => parse_words(text, toks, i, lang),
            TokKind::Sym(_) => None,
        };
        match parsed {
            Some((q, scale, next)) => {
                out.push((q, scale));
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    propagate_ranges(text, &mut out);
    out.into_iter().map(|(q, _)| q).collect()
}

struct Tail {
    scale: f64,
    kind: Option<Kind>,
    currency: Option<&'static str>,
    end_tok: usize,
}

/// Scale words, percent and currency after a number, starting at token `j`.
fn parse_tail(toks: &[Tok], mut j: usize, lang: Lang, currency: Option<&'static str>) -> Tail {
    let mut t = Tail {
        scale: 1.0,
        kind: None,
        currency,
        end_tok: j,
    };
    // scale word, or `M€` / `k$`
    if let Some(w) = toks.get(j).and_then(Tok::word) {
        let glued_money = toks.get(j + 1).is_some_and(|n| {
            n.attached && matches!(n.kind, TokKind::Sym(c) if currency_symbol(c).is_some())
        });
        if let Some(s) = scale_word(w, lang) {
            t.scale = s;
            j += 1;
            t.end_tok = j;
        } else if glued_money && matches!(w, "m" | "k" | "md" | "mds" | "mrd" | "mrds") {
            t.scale = if w == "m" {
                1e6
            } else if w == "k" {
                1e3
            } else {
                1e9
            };
            j += 1;
            t.end_tok = j;
        }
    }
    // percent
    if toks.get(j).is_some_and(|t| t.is_sym('%')) {
        t.kind = Some(Kind::Percent);
        j += 1;
        t.end_tok = j;
        return t;
    }
    let w0 = toks.get(j).and_then(Tok::word).unwrap_or("");
    let w1 = toks.get(j + 1).and_then(Tok::word).unwrap_or("");
    let w2 = toks.get(j + 2).and_then(Tok::word).unwrap_or("");
    let pct_len = match (w0, w1, w2) {
        ("pour", "cent", _) | ("per", "cent", _) => 2,
        ("pourcent" | "percent" | "pct" | "pc", _, _) => 1,
        ("percentage", "point" | "points", _) => 2,
        ("point" | "points", "de", "pourcentage") => 3,
        _ => 0,
    };
    if pct_len > 0 {
        t.kind = Some(Kind::Percent);
        t.end_tok = j + pct_len;
        return t;
    }
    // currency after: `10 €`, `240 $`, `milliards de dollars`, `millions d'euros`
    if let Some(tok) = toks.get(j) {
        if let TokKind::Sym(c) = tok.kind {
            if let Some(cur) = currency_symbol(c) {
                t.kind = Some(Kind::Money);
                t.currency = Some(cur);
                t.end_tok = j + 1;
                return t;
            }
        }
    }
    let mut k = j;
    if lang == Lang::Fr {
        if w0 == "de" {
            k = j + 1;
        } else if w0 == "d" && toks.get(j + 1).is_some_and(|t| t.is_sym('\'')) {
            k = j + 2;
        }
    }
    if let Some(w) = toks.get(k).and_then(Tok::word) {
        let w = if lang == Lang::En && matches!(w, "us" | "u") {
            toks.get(k + 1).and_then(Tok::word).unwrap_or("")
        } else {
            w
        };
        if let Some(cur) = currency_word(w) {
            t.kind = Some(Kind::Money);
            t.currency = Some(cur);
            t.end_tok = k + 1;
        }
    }
    t
}

fn span_text(text: &str, start: usize, end: usize) -> String {
    text.get(start..end).unwrap_or("").to_string()
}

fn parse_numeral(text: &str, toks: &[Tok], i: usize, lang: Lang) -> Option<(Quantity, f64, usize)> {
    let tok = &toks[i];
    let num = tok.num()?.clone();
    if num.blocked {
        return None;
    }
    let mut start = tok.start;
    let mut currency = None;
    let mut kind = Kind::Cardinal;
    // currency before: `$240.1`, `US$ 5`, `€10`, `£3`
    if i > 0 {
        if let TokKind::Sym(c) = toks[i - 1].kind {
            if let Some(cur) = currency_symbol(c) {
                currency = Some(cur);
                kind = Kind::Money;
                start = toks[i - 1].start;
                if i > 1 && toks[i - 1].attached {
                    if let Some(w) = toks[i - 2].raw_word(text) {
                        if matches!(w, "US" | "C" | "A" | "HK" | "NZ" | "S" | "R") {
                            start = toks[i - 2].start;
                        }
                    }
                }
            }
        }
        if currency.is_none() && lang == Lang::En {
            if let Some(w) = toks[i - 1].word() {
                if matches!(w, "usd" | "eur" | "gbp" | "chf" | "cny" | "jpy") {
                    currency = currency_word(w);
                    kind = Kind::Money;
                    start = toks[i - 1].start;
                }
            }
        }
    }
    let mut value = num.value;
    let precision = 0.5 * 10f64.powi(-(num.decimals as i32));
    let mut j = i + 1;
    let mut end = tok.end;
    let mut scale = 1.0;
    let mut suffix_scaled = false;
    if currency.is_none() {
        if let Some((minutes, e, jj)) = parse_time(toks, i, lang) {
            return Some((
                Quantity {
                    value: minutes,
                    span: start..e,
                    text: span_text(text, start, e),
                    kind: Kind::Time,
                    currency: None,
                    approx: approx_before(text, start, lang),
                    spelled: false,
                    vague: false,
                    precision: 0.5,
                },
                1.0,
                jj,
            ));
        }
    }
    // glued suffix
    if let Some(next) = toks.get(j).filter(|t| t.attached) {
        if let Some(w) = next.word() {
            let w = w.to_string();
            if ORDINAL_SUFFIXES.contains(&w.as_str()) && num.decimals == 0 {
                kind = Kind::Ordinal;
                j += 1;
                end = next.end;
            } else if w == "s"
                && num.decimals == 0
                && !num.grouped
                && (num.digits.len() == 4 || num.digits.len() == 2)
                && value % 10.0 == 0.0
            {
                let v = if num.digits.len() == 2 {
                    two_digit_decade(value)
                } else {
                    value
                };
                let start = if num.digits.len() == 2 && i > 0 && toks[i - 1].is_sym('\'') {
                    toks[i - 1].start
                } else {
                    start
                };
                return Some((
                    Quantity {
                        value: v,
                        span: start..next.end,
                        text: span_text(text, start, next.end),
                        kind: Kind::Decade,
                        currency: None,
                        approx: false,
                        spelled: false,
                        vague: false,
                        precision: 0.5,
                    },
                    1.0,
                    j + 1,
                ));
            } else if let Some(s) = glued_scale(&w, lang, currency.is_some(), toks.get(j + 1)) {
                scale = s;
                suffix_scaled = true;
                j += 1;
                end = next.end;
            } else if UNIT_SUFFIXES.contains(&w.as_str()) {
                j += 1;
                end = next.end;
            } else {
                // `3D`, `4G`, `747s`: a name, not a quantity
                return None;
            }
        }
    }
    // decade after `années`
    let after_annees = i > 0
        && toks[i - 1]
            .word()
            .is_some_and(|w| w == "annees" || w == "annee");
    if kind == Kind::Cardinal
        && !suffix_scaled
        && lang == Lang::Fr
        && after_annees
        && num.decimals == 0
        && !num.grouped
        && (num.digits.len() == 4 || num.digits.len() == 2)
    {
        let v = if num.digits.len() == 2 {
            two_digit_decade(value)
        } else {
            value
        };
        let q = Quantity {
            value: v,
            span: start..end,
            text: span_text(text, start, end),
            kind: Kind::Decade,
            currency: None,
            approx: false,
            spelled: false,
            vague: false,
            precision: 0.5,
        };
        return Some((q, 1.0, j));
    }
    if kind != Kind::Ordinal {
        let tail = parse_tail(toks, j, lang, currency);
        if !suffix_scaled {
            scale = tail.scale;
        }
        if let Some(k) = tail.kind {
            kind = k;
        } else if tail.currency.is_some() {
            kind = Kind::Money;
        }
        currency = tail.currency;
        if tail.end_tok > j {
            end = toks[tail.end_tok - 1].end;
            j = tail.end_tok;
        }
    }
    let plain = kind == Kind::Cardinal && scale == 1.0 && num.decimals == 0 && !num.grouped;
    if plain && num.digits.len() == 4 && (1000.0..=2100.0).contains(&value) {
        kind = Kind::Year;
    }
    let approx = approx_before(text, start, lang);
    value *= scale;
    let precision = precision * scale;
    Some((
        Quantity {
            value,
            span: start..end,
            text: span_text(text, start, end),
            kind,
            currency,
            approx,
            spelled: false,
            vague: false,
            precision,
        },
        scale,
        j,
    ))
}

/// A time of day starting at numeral `i`: `14h30`, `14 h 30`, `18 heures`, `16:35`,
/// `9.30pm`, `10 a.m.`. Returns minutes modulo 12 hours, the end byte and the next token.
fn parse_time(toks: &[Tok], i: usize, lang: Lang) -> Option<(f64, usize, usize)> {
    let num = toks[i].num()?;
    let two_digits = |t: &Tok| {
        t.num()
            .filter(|n| n.decimals == 0 && !n.grouped && n.digits.len() == 2)
            .and_then(|n| n.digits.parse::<u32>().ok())
            .filter(|&m| m <= 59)
    };
    let hours_ok = num.decimals == 0 && !num.grouped && num.digits.len() <= 2 && num.value <= 24.0;
    let mut hours = num.value;
    let mut minutes = 0.0;
    let mut j = i + 1;
    let mut end = toks[i].end;
    let mut timed = false;
    if lang == Lang::Fr && hours_ok {
        if let Some(w) = toks.get(j).and_then(Tok::word) {
            if matches!(w, "h" | "heure" | "heures")
                && (w == "h"
                    || toks
                        .get(j + 1)
                        .and_then(Tok::word)
                        .is_none_or(|n| n != "de" && n != "par"))
            {
                // `pendant 10 heures` is a duration: only `N heures` followed by a time context
                let duration = w != "h"
                    && !toks.get(j + 1).is_some_and(|t| {
                        two_digits(t).is_some()
                            || t.word().is_some_and(|n| {
                                matches!(
                                    n,
                                    "et" | "a"
                                        | "du"
                                        | "locales"
                                        | "locale"
                                        | "gmt"
                                        | "heure"
                                        | "precises"
                                        | "pile"
                                )
                            })
                    });
                let preceded = i > 0
                    && toks[i - 1].word().is_some_and(|p| {
                        matches!(
                            p,
                            "a" | "vers"
                                | "entre"
                                | "et"
                                | "de"
                                | "des"
                                | "jusqu"
                                | "avant"
                                | "apres"
                                | "depuis"
                        )
                    });
                if w == "h" || !duration || preceded {
                    end = toks[j].end;
                    j += 1;
                    if let Some(m) = toks.get(j).and_then(two_digits) {
                        minutes = f64::from(m);
                        end = toks[j].end;
                        j += 1;
                    }
                    timed = true;
                }
            }
        }
    }
    // `2 hours 45 minutes` (a duration, compared like `2h45`)
    if lang == Lang::En
        && hours_ok
        && toks
            .get(j)
            .and_then(Tok::word)
            .is_some_and(|w| matches!(w, "hours" | "hour"))
    {
        let mut k = j + 1;
        if toks.get(k).and_then(Tok::word) == Some("and") {
            k += 1;
        }
        if let (Some(m), Some(unit)) = (
            toks.get(k).and_then(Tok::small_int),
            toks.get(k + 1).and_then(Tok::word),
        ) {
            if m <= 59 && matches!(unit, "minutes" | "minute" | "mins" | "min") {
                return Some((
                    (num.value * 60.0 + f64::from(m)).rem_euclid(720.0),
                    toks[k + 1].end,
                    k + 2,
                ));
            }
        }
    }
    if !timed && hours_ok && toks.get(j).is_some_and(|t| t.is_sym(':') && t.attached) {
        if let Some(m) = toks.get(j + 1).filter(|t| t.attached).and_then(two_digits) {
            minutes = f64::from(m);
            end = toks[j + 1].end;
            j += 2;
            timed = true;
        }
    }
    if !timed && num.decimals == 2 && num.value < 13.0 {
        // `9.30pm`: only with am/pm after
        if let Some((e, jj)) = ampm(toks, j) {
            hours = num.value.trunc();
            minutes = ((num.value - hours) * 100.0).round();
            return Some(((hours * 60.0 + minutes).rem_euclid(720.0), e, jj));
        }
        return None;
    }
    if lang == Lang::En && (timed || hours_ok) {
        if let Some((e, jj)) = ampm(toks, j) {
            return Some(((hours * 60.0 + minutes).rem_euclid(720.0), e, jj));
        }
    }
    timed.then_some(((hours * 60.0 + minutes).rem_euclid(720.0), end, j))
}

/// `am`, `pm`, `a.m.`, `p.m.` at token `j`: end byte and next token.
fn ampm(toks: &[Tok], j: usize) -> Option<(usize, usize)> {
    let w = toks.get(j).and_then(Tok::word)?;
    if matches!(w, "am" | "pm") {
        return Some((toks[j].end, j + 1));
    }
    if matches!(w, "a" | "p")
        && toks.get(j + 1).is_some_and(|t| t.is_sym('.'))
        && toks.get(j + 2).and_then(Tok::word) == Some("m")
    {
        let mut e = toks[j + 2].end;
        let mut jj = j + 3;
        if toks.get(jj).is_some_and(|t| t.is_sym('.') && t.attached) {
            e = toks[jj].end;
            jj += 1;
        }
        return Some((e, jj));
    }
    None
}

/// `années 70` = 1970s, `années 10` = 2010s.
fn two_digit_decade(v: f64) -> f64 {
    if v < 20.0 {
        2000.0 + v
    } else {
        1900.0 + v
    }
}

/// `bn`, `m`, `k` glued to a numeral (`$5bn`, `€3m`).
fn glued_scale(w: &str, lang: Lang, money: bool, next: Option<&Tok>) -> Option<f64> {
    if let Some(s) = scale_word(w, lang) {
        if w != "mille" {
            return Some(s);
        }
    }
    let next_is_money = next
        .and_then(Tok::word)
        .is_some_and(|w| currency_word(w).is_some())
        || next.is_some_and(|t| matches!(t.kind, TokKind::Sym(c) if currency_symbol(c).is_some()));
    match w {
        "m" if money || next_is_money => Some(1e6),
        "k" if money || next_is_money => Some(1e3),
        "b" if money => Some(1e9),
        "md" | "mds" | "mrd" | "mrds" => Some(1e9),
        _ => None,
    }
}

/// Number words: `trois`, `vingt-cinq`, `quatre-vingt-dix`, `two hundred`,
/// `un million`, `a dozen`, `une centaine`, `des centaines`, `hundreds`, `3ème`-like
/// words (`troisième`, `third`) and French roman ordinals (`XXIe siècle`).
fn parse_words(text: &str, toks: &[Tok], i: usize, lang: Lang) -> Option<(Quantity, f64, usize)> {
    let tok = &toks[i];
    let w = tok.word()?;
    let raw = tok.raw_word(text).unwrap_or("");
    let start = tok.start;
    let mk = |value: f64,
              end: usize,
              kind: Kind,
              approx: bool,
              vague: bool,
              precision: f64,
              currency: Option<&'static str>| Quantity {
        value,
        span: start..end,
        text: span_text(text, start, end),
        kind,
        currency,
        approx,
        spelled: true,
        vague,
        precision,
    };
    // roman ordinal: XXIe, Ier, IIIème
    if lang == Lang::Fr {
        for suf in ["ème", "eme", "er", "re", "e"] {
            if let Some(r) = raw.strip_suffix(suf) {
                let single_ok = matches!(r, "I" | "V" | "X");
                if !r.is_empty()
                    && r.chars().all(|c| "IVXLCDM".contains(c))
                    && (r.len() > 1 || single_ok)
                {
                    if let Some(v) = roman_value(r) {
                        return Some((
                            mk(v, tok.end, Kind::Ordinal, false, false, 0.5, None),
                            1.0,
                            i + 1,
                        ));
                    }
                }
            }
        }
    }
    let next_w = |k: usize| toks.get(k).and_then(Tok::word).unwrap_or("");
    // collective: une dizaine, des centaines, deux milliers
    if let Some((v, plural)) = collective_word(w) {
        let prev = if i > 0 {
            toks[i - 1].word().unwrap_or("")
        } else {
            ""
        };
        if plural {
            if matches!(prev, "des" | "de" | "plusieurs" | "quelques" | "les" | "d") {
                return Some((
                    mk(v, tok.end, Kind::Cardinal, true, true, v, None),
                    1.0,
                    i + 1,
                ));
            }
        } else if matches!(prev, "une" | "un" | "la" | "d") {
            let st = toks[i - 1].start;
            let mut q = mk(v, tok.end, Kind::Cardinal, true, false, v * 0.25, None);
            q.span = st..tok.end;
            q.text = span_text(text, st, tok.end);
            let tail = parse_tail(toks, i + 1, lang, None);
            if tail.currency.is_some() {
                q.kind = Kind::Money;
                q.currency = tail.currency;
            }
            return Some((q, 1.0, i + 1));
        }
        return None;
    }
    // English vague plurals: hundreds of, thousands of, dozens of
    if lang == Lang::En {
        if let Some(v) = vague_plural_en(w) {
            if next_w(i + 1) == "of" || matches!(w, "hundreds" | "thousands" | "dozens") {
                return Some((
                    mk(v, tok.end, Kind::Cardinal, true, true, v, None),
                    1.0,
                    i + 1,
                ));
            }
        }
        if matches!(w, "dozen" | "dozens") {
            let prev = if i > 0 {
                toks[i - 1].word().unwrap_or("")
            } else {
                ""
            };
            if prev == "a" || prev == "half" {
                let st = toks[i - 1].start;
                let v = if prev == "half" { 6.0 } else { 12.0 };
                let mut q = mk(v, tok.end, Kind::Cardinal, true, false, v * 0.25, None);
                q.span = st..tok.end;
                q.text = span_text(text, st, tok.end);
                return Some((q, 1.0, i + 1));
            }
        }
    }
    // French vague: des millions, des milliards, des milliers (handled above), des centaines
    if lang == Lang::Fr && matches!(w, "millions" | "milliards") {
        let prev = if i > 0 {
            toks[i - 1].word().unwrap_or("")
        } else {
            ""
        };
        if matches!(prev, "des" | "plusieurs" | "de" | "les" | "quelques") {
            let v = if w == "millions" { 1e6 } else { 1e9 };
            return Some((
                mk(v, tok.end, Kind::Cardinal, true, true, v, None),
                1.0,
                i + 1,
            ));
        }
    }
    let prev_w = if i > 0 {
        toks[i - 1].word().unwrap_or("")
    } else {
        ""
    };
    // `d'un dollar`
    if lang == Lang::Fr && matches!(w, "un" | "une") {
        if let Some(cur) = currency_word(next_w(i + 1)) {
            return Some((
                mk(
                    1.0,
                    toks[i + 1].end,
                    Kind::Money,
                    false,
                    false,
                    0.5,
                    Some(cur),
                ),
                1.0,
                i + 2,
            ));
        }
    }
    // `several hundred`, `a few thousand`
    if lang == Lang::En
        && matches!(w, "hundred" | "thousand" | "million" | "billion")
        && matches!(prev_w, "several" | "few" | "many")
    {
        let v = match w {
            "hundred" => 100.0,
            "thousand" => 1e3,
            "million" => 1e6,
            _ => 1e9,
        };
        return Some((
            mk(v, tok.end, Kind::Cardinal, true, true, v, None),
            1.0,
            i + 1,
        ));
    }
    if lang == Lang::En && matches!(w, "fortnight" | "fortnights") {
        return Some((
            mk(15.0, tok.end, Kind::Cardinal, true, false, 1.0, None),
            1.0,
            i + 1,
        ));
    }
    // ordinal words
    if let Some(v) = ordinal_word(w, lang) {
        if lang == Lang::Fr
            && matches!(w, "premier" | "premiere")
            && matches!(next_w(i + 1), "ministre" | "secretaire" | "plan")
        {
            return None;
        }
        if lang == Lang::En && w == "first" && next_w(i + 1) == "lady" {
            return None;
        }
        if w == "tiers" && !matches!(prev_w, "un" | "deux" | "le" | "du") {
            return None;
        }
        return Some((
            mk(v, tok.end, Kind::Ordinal, false, false, 0.5, None),
            1.0,
            i + 1,
        ));
    }
    // article + scale: un million, a billion, a hundred, a thousand, one million
    let article = match lang {
        Lang::Fr => matches!(w, "un" | "une"),
        Lang::En => matches!(w, "a" | "an"),
    };
    let mut parts: Vec<f64> = Vec::new();
    let mut j;
    let mut end = tok.end;
    if article {
        let nw = next_w(i + 1);
        scale_word(nw, lang).or(match (lang, nw) {
            (Lang::En, "hundred") => Some(100.0),
            (Lang::En, "thousand") => Some(1000.0),
            _ => None,
        })?;
        parts.push(1.0);
        j = i + 1;
    } else {
        // a cardinal word or hyphenated compound; most words are neither, and
        // are turned away before anything is collected
        let first = w.split('-').find(|p| *p != "et" && *p != "and")?;
        if cardinal_word(first, lang).is_none() || w.starts_with("et-") || w.starts_with("and-") {
            return None;
        }
        let pieces: Vec<&str> = w.split('-').filter(|p| *p != "et" && *p != "and").collect();
        // `ten-year`, `two-thirds`: the number words at the front of a compound
        let vals: Vec<f64> = pieces
            .iter()
            .map_while(|p| cardinal_word(p, lang))
            .collect();
        if vals.is_empty() {
            return None;
        }
        if vals.len() < pieces.len() {
            if matches!(pieces[0], "un" | "une" | "one") {
                return None;
            }
            let v = combine_words(&vals);
            return Some((
                mk(v, tok.end, Kind::Cardinal, false, false, 0.5, None),
                1.0,
                i + 1,
            ));
        }
        if lang == Lang::Fr
            && matches!(w, "un" | "une")
            && scale_word(next_w(i + 1), lang).is_none()
        {
            return None;
        }
        if lang == Lang::Fr && w == "cent" && i > 0 && toks[i - 1].word() == Some("pour") {
            return None;
        }
        if lang == Lang::Fr && w == "neuf" && !next_starts_noun_plural(toks, i + 1) {
            return None;
        }
        // English `one` stays (a spelled 1 is never reported, it only absorbs a `1`)
        parts.extend(vals);
        j = i + 1;
    }
    // following number words: two hundred thousand, deux cent mille
    while let Some(mut nw) = toks.get(j).and_then(Tok::word) {
        // `three hundred and fifty`, `vingt et un`
        if matches!(nw, "and" | "et") {
            match toks.get(j + 1).and_then(Tok::word) {
                Some(n2)
                    if cardinal_word(n2, lang).is_some()
                        && parts.last().is_some_and(|&l| l >= 20.0) =>
                {
                    j += 1;
                    nw = n2;
                }
                _ => break,
            }
        }
        if nw
            .split('-')
            .all(|p| cardinal_word(p, lang).is_some() || p == "et")
            && !matches!(nw, "one")
        {
            for p in nw.split('-').filter(|p| *p != "et") {
                if let Some(v) = cardinal_word(p, lang) {
                    parts.push(v);
                }
            }
            end = toks[j].end;
            j += 1;
        } else {
            break;
        }
    }
    let value = combine_words(&parts);
    let tail = parse_tail(toks, j, lang, None);
    let mut kind = tail.kind.unwrap_or(if tail.currency.is_some() {
        Kind::Money
    } else {
        Kind::Cardinal
    });
    if kind == Kind::Cardinal && tail.currency.is_some() {
        kind = Kind::Money;
    }
    if tail.end_tok > j {
        end = toks[tail.end_tok - 1].end;
        j = tail.end_tok;
    }
    let approx = approx_before(text, start, lang);
    let q = Quantity {
        value: value * tail.scale,
        span: start..end,
        text: span_text(text, start, end),
        kind,
        currency: tail.currency,
        approx,
        spelled: true,
        vague: false,
        precision: 0.5 * tail.scale,
    };
    Some((q, tail.scale, j))
}

/// French `neuf` is also "new": count it only before a plural or a scale.
fn next_starts_noun_plural(toks: &[Tok], j: usize) -> bool {
    toks.get(j).and_then(Tok::word).is_some_and(|w| {
        w.ends_with('s') || w.ends_with('x') || w == "pour" || w == "cent" || w == "mille"
    })
}

/// Fold spelled parts: `quatre vingt dix` → 90, `two hundred thousand` → 200 000.
fn combine_words(parts: &[f64]) -> f64 {
    let mut total = 0.0;
    let mut current = 0.0;
    for (k, &v) in parts.iter().enumerate() {
        if v == 1000.0 {
            total += if current == 0.0 { 1.0 } else { current } * 1000.0;
            current = 0.0;
        } else if v == 100.0 {
            current = if current == 0.0 { 1.0 } else { current } * 100.0;
        } else if v == 20.0 && k > 0 && current % 100.0 == 4.0 {
            // quatre-vingt(s)
            current = current - 4.0 + 80.0;
        } else {
            current += v;
        }
    }
    total + current
}

/// `entre 2 et 3 milliards`, `10-15 %`, `$10-15 billion`: the first number of a
/// range takes the scale, percent and currency of the second.
fn propagate_ranges(text: &str, qs: &mut [(Quantity, f64)]) {
    for k in 1..qs.len() {
        let (a, b) = (&qs[k - 1], &qs[k]);
        if a.0.span.end > b.0.span.start {
            continue;
        }
        let between = fold(text.get(a.0.span.end..b.0.span.start).unwrap_or(""))
            .trim()
            .to_string();
        let joiner = matches!(
            between.as_str(),
            "-" | "–" | "a" | "et" | "to" | "and" | "ou" | "or" | "/" | "au"
        );
        // `années 70 et 80`
        if joiner
            && a.0.kind == Kind::Decade
            && matches!(b.0.kind, Kind::Cardinal | Kind::Year)
            && b.0.value % 10.0 == 0.0
            && b.0.is_digits()
        {
            let v = b.0.value;
            let q = &mut qs[k].0;
            q.kind = Kind::Decade;
            q.value = if v < 100.0 { two_digit_decade(v) } else { v };
            continue;
        }
        if !joiner
            || a.1 != 1.0
            || !matches!(a.0.kind, Kind::Cardinal | Kind::Money)
            || a.0.vague
            || b.0.vague
        {
            continue;
        }
        if a.0.currency.is_some() && b.0.currency.is_some() && a.0.currency != b.0.currency {
            continue;
        }
        let (scale, kind, currency) = (b.1, b.0.kind, b.0.currency);
        if scale == 1.0 && !matches!(kind, Kind::Percent | Kind::Money) {
            continue;
        }
        if scale != 1.0 && a.0.value >= 1000.0 {
            continue;
        }
        let q = &mut qs[k - 1];
        q.0.value *= scale;
        q.0.precision *= scale;
        q.1 = scale;
        if matches!(kind, Kind::Percent | Kind::Money) {
            q.0.kind = kind;
            q.0.currency = q.0.currency.or(currency);
        }
    }
}

// ---------------------------------------------------------------------------
// comparison

/// How the quantities of a French text compare with those of its English source.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Comparison {
    /// (fr index, en index) of quantities that are the same up to rounding.
    pub matched: Vec<(usize, usize)>,
    /// (fr index, en index) of quantities that stand in each other's place but differ.
    pub differing: Vec<(usize, usize)>,
    /// French quantities with no counterpart (and not paired as differing).
    pub fr_only: Vec<usize>,
    /// English quantities with no counterpart.
    pub en_only: Vec<usize>,
}

/// Comparison class: quantities of different classes never stand for each other.
fn class(q: &Quantity) -> u8 {
    match q.kind {
        Kind::Cardinal | Kind::Money => 0,
        Kind::Percent => 1,
        Kind::Ordinal => 2,
        Kind::Year | Kind::Decade => 3,
        Kind::Time => 4,
    }
}

/// The digits that carry a quantity, scale removed: `240,1 milliards` → `2401`.
fn significant_digits(q: &Quantity) -> String {
    let s = format!("{:.6}", q.value.abs());
    let s: String = s.chars().filter(char::is_ascii_digit).collect();
    let s = s.trim_start_matches('0').trim_end_matches('0');
    s.to_string()
}

/// How much `a` and `b` look like the same figure with one digit or the scale
/// changed: 2 = strong (one digit changed, two adjacent digits swapped, or the same
/// digits at another scale), 1 = weak.
fn resemblance(a: &Quantity, b: &Quantity) -> u8 {
    if a.kind == Kind::Time && b.kind == Kind::Time {
        return 2;
    }
    let (da, db) = (significant_digits(a), significant_digits(b));
    if da == db {
        return 2;
    }
    let (ia, ib) = (a.value.abs().trunc(), b.value.abs().trunc());
    let (sa, sb) = (format!("{ia}"), format!("{ib}"));
    if sa.len() == sb.len() {
        let pos: Vec<usize> = sa
            .bytes()
            .zip(sb.bytes())
            .enumerate()
            .filter(|(_, (x, y))| x != y)
            .map(|(k, _)| k)
            .collect();
        let swapped = pos.len() == 2
            && pos[1] == pos[0] + 1
            && sa.as_bytes()[pos[0]] == sb.as_bytes()[pos[1]]
            && sa.as_bytes()[pos[1]] == sb.as_bytes()[pos[0]];
        if pos.len() <= 1 || swapped {
            return 2;
        }
    }
    1
}

/// Pair the quantities of two texts: equal ones (up to rounding) first, then
/// leftovers that stand in each other's place. A quantity is reported as differing
/// only when both sides have an unmatched quantity of the same class and at least
/// one of them is written in digits; one that is merely absent on one side (a
/// number dropped or spelled out in paraphrase) is left in `fr_only` / `en_only`.
/// When the texts share no quantity at all, only pairs that look like a one-digit
/// slip (or a scale slip) are reported, so a misaligned pair of paragraphs does not
/// flood the report.
pub fn compare(fr: &[Quantity], en: &[Quantity]) -> Comparison {
    let mut fr_used = vec![false; fr.len()];
    let mut en_used = vec![false; en.len()];
    let mut cmp = Comparison::default();
    // pass 1: exact value, same class; pass 2: exact value; pass 3: within rounding
    for pass in 0..3 {
        for (a, qa) in fr.iter().enumerate() {
            if fr_used[a] {
                continue;
            }
            let found = en.iter().enumerate().position(|(b, qb)| {
                !en_used[b]
                    && match pass {
                        0 => qa.value == qb.value && class(qa) == class(qb) && qa.vague == qb.vague,
                        1 => qa.value == qb.value && qa.vague == qb.vague,
                        _ => qa.matches(qb),
                    }
            });
            if let Some(b) = found {
                fr_used[a] = true;
                en_used[b] = true;
                cmp.matched.push((a, b));
            }
        }
    }
    // differing pairs: strongest resemblance first
    let mut cands: Vec<(u8, usize, usize)> = Vec::new();
    for (a, qa) in fr.iter().enumerate() {
        if fr_used[a] || qa.vague {
            continue;
        }
        for (b, qb) in en.iter().enumerate() {
            if en_used[b] || qb.vague || class(qa) != class(qb) {
                continue;
            }
            if !qa.is_digits() && !qb.is_digits() {
                continue;
            }
            let r = resemblance(qa, qb);
            // a spelled-out number against digits: only when they look alike
            if (qa.spelled || qb.spelled) && r < 2 {
                continue;
            }
            cands.push((r, a, b));
        }
    }
    // with no quantity in common, the two texts may not be translations of each other
    // (a misaligned bead): only a pair that looks like a slip of one digit counts
    if cmp.matched.is_empty() {
        cands.retain(|c| c.0 >= 2);
    }
    cands.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    for (_, a, b) in cands {
        if fr_used[a] || en_used[b] {
            continue;
        }
        fr_used[a] = true;
        en_used[b] = true;
        cmp.differing.push((a, b));
    }
    cmp.fr_only = (0..fr.len()).filter(|&a| !fr_used[a]).collect();
    cmp.en_only = (0..en.len()).filter(|&b| !en_used[b]).collect();
    cmp
}

#[cfg(test)]
mod tests {
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
        // an English list comma is not a decimal
        assert_eq!(en("1,2 and 3").len(), 3);
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
        // two spelled-out numbers that differ are not reported (too ambiguous)
        assert!(!differs("deux enfants", "three children"));
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
        // no quantity in common and no digit slip: likely not the same text
        assert!(!differs("2 morts", "62 people"));
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
}
