//! Tokens: numerals with their locale separators folded into one value, words, symbols.

use std::borrow::Cow;

use super::*;
use crate::lang::text::{is_letter, is_letter_or_digit};

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
    /// The other reading of an ambiguous separator, with its decimals: French `20,000`
    /// (20, or 20 000 in English grouping), English `2.000` (2, or 2 000 in French
    /// dot grouping), English `5,829` (5 829, or 5,829 with a French decimal comma).
    pub alt: Option<(f64, u32)>,
    /// French digits in English grouping (`1,000,000`, or `20,000` read as 20 000).
    pub foreign_grouping: bool,
}

#[derive(Debug, Clone)]
pub(crate) enum TokKind<'t> {
    Num(Numeral),
    /// A run of letters (inner hyphens kept), by its folded form (the text as
    /// written when folding leaves it as it is); the text as written is the
    /// token's span.
    Word {
        folded: Cow<'t, str>,
    },
    Sym(char),
}

#[derive(Debug, Clone)]
pub(crate) struct Tok<'t> {
    pub kind: TokKind<'t>,
    pub start: usize,
    pub end: usize,
    /// No white space between this token and the previous one.
    pub attached: bool,
}

impl Tok<'_> {
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

pub(super) fn is_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}' | '\u{2007}')
}

pub(super) fn is_group_sep(c: char, lang: Lang) -> bool {
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
pub(super) fn phone_number_end(cs: &[(usize, char)], k: usize) -> Option<usize> {
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

/// A word folded, borrowed when folding changes nothing (lower-case ASCII
/// letters and hyphens, what most words of a text are).
fn folded_word(raw: &str) -> Cow<'_, str> {
    if raw.bytes().all(|b| b.is_ascii_lowercase() || b == b'-') {
        Cow::Borrowed(raw)
    } else {
        Cow::Owned(fold(raw))
    }
}

/// Cut a text into numerals, words and symbols.
pub(crate) fn tokenize(text: &str, lang: Lang) -> Vec<Tok<'_>> {
    let cs: Vec<(usize, char)> = text.char_indices().collect();
    let n = cs.len();
    let byte_at = |k: usize| if k < n { cs[k].0 } else { text.len() };
    let digit_at = |k: usize| k < n && cs[k].1.is_ascii_digit();
    let mut toks: Vec<Tok> = Vec::with_capacity(n / 5 + 1);
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
                        alt: None,
                        foreign_grouping: false,
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
            let head_len = digits.len();
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
            let group3 = |at: usize, sep: char| {
                at + 3 < n + 1
                    && at < n
                    && cs[at].1 == sep
                    && digit_at(at + 1)
                    && digit_at(at + 2)
                    && digit_at(at + 3)
                    && !digit_at(at + 4)
            };
            let mut alt = None;
            let mut foreign_grouping = false;
            let short = head_len > 0 && head_len <= 3;
            // a run of two or more `,ddd` groups in French, `.ddd` groups in English:
            // the other locale's grouping, unambiguous
            let foreign_sep = if lang == Lang::Fr { ',' } else { '.' };
            if short && !grouped && group3(j, foreign_sep) && group3(j + 4, foreign_sep) {
                while group3(j, foreign_sep) {
                    for q in 1..=3 {
                        digits.push(cs[j + q].1);
                    }
                    j += 4;
                }
                grouped = true;
                foreign_grouping = lang == Lang::Fr;
            }
            let one_group = short && grouped && digits.len() == head_len + 3 && !foreign_grouping;
            let comma_group = one_group && cs[start + head_len].1 == ',';
            if lang == Lang::En && comma_group {
                // `5,829%`: grouping, or a French decimal comma
                let int = &digits[..digits.len() - 3];
                let frac = &digits[digits.len() - 3..];
                alt = format!("{int}.{frac}").parse::<f64>().ok().map(|v| (v, 3));
            }
            let mut frac = String::new();
            if j + 1 < n && digit_at(j + 1) {
                let sep = cs[j].1;
                // a French decimal comma in English (`7,5 million`, `74,6%`): one or
                // two digits after the comma, never a thousands group; not `1,2,3`
                let mut run_end = j + 1;
                while digit_at(run_end) {
                    run_end += 1;
                }
                let list = run_end + 1 < n && cs[run_end].1 == ',' && digit_at(run_end + 1);
                let after_list =
                    start >= 2 && cs[start - 1].1 == ',' && cs[start - 2].1.is_ascii_digit();
                let en_comma = sep == ',' && !grouped && short && !list && !after_list;
                let is_dec = match lang {
                    Lang::Fr => sep == ',' || (sep == '.' && !dot_grouped),
                    Lang::En => sep == '.' || en_comma,
                };
                if is_dec {
                    j += 1;
                    while digit_at(j) {
                        frac.push(cs[j].1);
                        j += 1;
                    }
                }
            }
            if short && !grouped && frac.len() == 3 && digits != "0" {
                let sep = cs[j - 4].1;
                if (lang == Lang::Fr && sep == ',') || (lang == Lang::En && sep == '.') {
                    // French `20,000`, English `2.000`: the other locale's grouping
                    alt = format!("{digits}{frac}")
                        .parse::<f64>()
                        .ok()
                        .map(|v| (v, 0));
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
            let blocked = prev.is_some_and(is_letter)
                || (matches!(prev, Some('-' | '/' | '_'))
                    && prev2.is_some_and(is_letter_or_digit)
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
                    alt,
                    foreign_grouping,
                }),
                start: byte_at(start),
                end: byte_at(j),
                attached,
            });
            attached = true;
            k = j;
            continue;
        }
        if is_letter(c) {
            let mut j = k;
            while j < n {
                let ch = cs[j].1;
                let inner_hyphen = ch == '-' && j + 1 < n && is_letter(cs[j + 1].1);
                if !(is_letter(ch) || inner_hyphen) {
                    break;
                }
                j += 1;
            }
            let raw = &text[byte_at(start)..byte_at(j)];
            toks.push(Tok {
                kind: TokKind::Word {
                    folded: folded_word(raw),
                },
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_borrowed_word_is_its_folded_form() {
        for w in [
            "maison",
            "peut-être",
            "Paris",
            "ÉTÉ",
            "élu",
            "naïve",
            "sud-est",
            "Sud-Est",
            "œuvre",
        ] {
            assert_eq!(folded_word(w), fold(w), "{w}");
        }
        assert!(matches!(folded_word("sud-est"), Cow::Borrowed(_)));
        assert!(matches!(folded_word("Paris"), Cow::Owned(_)));
    }
}
