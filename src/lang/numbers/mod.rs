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
    /// The other reading of an ambiguous separator (value, precision), scale
    /// applied: French `20,000` (20 or 20 000), English `2.000` or `1,250 million`.
    pub alt: Option<(f64, f64)>,
    /// French digits written with English grouping (`1,000,000`, `20,000` = 20 000).
    pub foreign_grouping: bool,
    /// A unit of measure after the number (`km`, `miles`, `°F`, `acres`).
    pub unit: Option<Unit>,
    /// Followed by a plain noun that says what is counted (`de citrouilles`,
    /// `people`), not a unit of measure.
    pub counted: bool,
}

/// What a unit measures; quantities in different units of one dimension are
/// compared after conversion.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Dim {
    Length,
    Speed,
    Mass,
    Temperature,
    Volume,
    Area,
    /// Days, weeks, months, years, decades.
    Duration,
}

/// A unit of measure: the value in base units is `value * factor + offset`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Unit {
    pub dim: Dim,
    pub factor: f64,
    pub offset: f64,
}

impl Quantity {
    /// The same quantity up to rounding (`1,47 million` = `1.5 million`,
    /// `plus de 8 %` = `8.3%`). Kinds are not compared here: `15` = `15%` for
    /// matching purposes (a lost unit is not a changed quantity).
    pub fn matches(&self, other: &Quantity) -> bool {
        self.matches_in(other, true)
    }

    /// [`Quantity::matches`], the other readings of ambiguous separators
    /// included or not.
    fn matches_in(&self, other: &Quantity, alt: bool) -> bool {
        if self.vague || other.vague {
            if !(self.vague && other.vague) {
                return false;
            }
            let (a, b) = (self.value.abs().max(1e-9), other.value.abs().max(1e-9));
            return (a / b).max(b / a) <= 2.5;
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
        if let (Some(ua), Some(ub)) = (self.unit, other.unit) {
            if ua.dim == ub.dim && ua != ub {
                return converted_equal(self, ua, other, ub);
            }
        }
        let within = |(va, pa): (f64, f64), (vb, pb): (f64, f64)| {
            (va - vb).abs() <= pa.max(pb) * 1.000_001 + 1e-9
        };
        let readings = |q: &Quantity| {
            std::iter::once((q.value, q.precision)).chain(if alt { q.alt } else { None })
        };
        readings(self).any(|a| readings(other).any(|b| within(a, b)))
    }

    /// The value and precision of each reading: the plain one, then the other
    /// reading of an ambiguous separator.
    pub fn readings(&self) -> impl Iterator<Item = (f64, f64)> + '_ {
        std::iter::once((self.value, self.precision)).chain(self.alt)
    }

    /// Equal in the plain reading only.
    pub fn matches_plainly(&self, other: &Quantity) -> bool {
        self.matches_in(other, false)
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

mod compare;
mod numeral;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_forms;
mod tokens;
mod units;
mod vocab;
mod words;

pub use compare::{compare, Comparison, MAX_FIGURE_PAIRS};
use numeral::*;
#[allow(unused_imports)]
pub(crate) use tokens::Numeral;
use tokens::*;
pub(crate) use tokens::{tokenize, Tok, TokKind};
use units::converted_equal;
pub use units::plausible_conversion;
use units::*;
use vocab::*;
use words::*;

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
