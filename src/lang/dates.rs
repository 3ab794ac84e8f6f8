//! Weekdays, months, days of month and years in French and English text.
//!
//! Built on the tokens of [`super::numbers`]: a month name is found first, then the
//! day numeral next to it (`9 avril`, `le 1er mai`, `April 9`, `Sept. 1`, `9th of
//! April`, `du 9 au 12 avril`); years and decades are the year-like quantities of
//! the numbers module, so both modules agree on what a year is. Each part is one
//! [`DateMention`] with its byte span, so a check can say which part differs.

use std::ops::Range;

use super::numbers::{self, Kind, Quantity, Tok};
use super::Lang;

/// One part of a date, normalised: weekdays 1 (Monday) to 7, months 1 to 12.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DatePart {
    Weekday(u8),
    Month(u8),
    Day(u8),
    Year(i32),
    Decade(i32),
}

impl DatePart {
    /// What the part is, in words, for messages: `weekday`, `month`, `day`, `year`.
    pub fn label(self) -> &'static str {
        match self {
            DatePart::Weekday(_) => "weekday",
            DatePart::Month(_) => "month",
            DatePart::Day(_) => "day of month",
            DatePart::Year(_) => "year",
            DatePart::Decade(_) => "decade",
        }
    }

    /// Same kind of part (two weekdays, two months, …), whatever the value.
    pub fn same_kind(self, other: DatePart) -> bool {
        std::mem::discriminant(&self) == std::mem::discriminant(&other)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct DateMention {
    pub part: DatePart,
    /// Byte span in the text the mention was extracted from.
    pub span: Range<usize>,
    pub text: String,
}

fn weekday(w: &str, lang: Lang) -> Option<u8> {
    let w = w.strip_suffix('s').unwrap_or(w);
    let names: [&str; 7] = match lang {
        Lang::Fr => [
            "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        ],
        Lang::En => [
            "monday",
            "tuesday",
            "wednesday",
            "thursday",
            "friday",
            "saturday",
            "sunday",
        ],
    };
    names.iter().position(|n| *n == w).map(|p| p as u8 + 1)
}

fn month_full(w: &str, lang: Lang) -> Option<u8> {
    let names: [&str; 12] = match lang {
        Lang::Fr => [
            "janvier",
            "fevrier",
            "mars",
            "avril",
            "mai",
            "juin",
            "juillet",
            "aout",
            "septembre",
            "octobre",
            "novembre",
            "decembre",
        ],
        Lang::En => [
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ],
    };
    names.iter().position(|n| *n == w).map(|p| p as u8 + 1)
}

/// A weekday or month name, folded (`mardi`, `december`; English abbreviations
/// such as `sept` too): a capitalised calendar word is never a proper name.
pub fn is_calendar_word(folded: &str, lang: Lang) -> bool {
    weekday(folded, lang).is_some()
        || month_full(folded, lang).is_some()
        || (lang == Lang::En && month_short(folded, lang).is_some())
}

/// Abbreviations, valid only next to a day numeral or a year (`Sept 1`, `Oct. 30`).
fn month_short(w: &str, lang: Lang) -> Option<u8> {
    let m = match lang {
        Lang::Fr => match w {
            "janv" => 1,
            "fevr" | "fev" => 2,
            "avr" => 4,
            "juil" => 7,
            "oct" => 10,
            "nov" => 11,
            "dec" => 12,
            _ => return None,
        },
        Lang::En => match w {
            "jan" => 1,
            "feb" => 2,
            "mar" => 3,
            "apr" => 4,
            "jun" => 6,
            "jul" => 7,
            "aug" => 8,
            "sep" | "sept" => 9,
            "oct" => 10,
            "nov" => 11,
            "dec" => 12,
            _ => return None,
        },
    };
    Some(m)
}

const EN_MONTH_PREPOSITIONS: &[&str] = &[
    "in", "of", "since", "until", "till", "by", "from", "to", "early", "late", "mid", "last",
    "next", "this", "on", "between", "and", "through", "during", "before", "after", "end", "since",
    "for", "or",
];

/// A day numeral (1–31), with its glued ordinal suffix if any: returns the day,
/// the first token index and the token index after it.
fn day_at(toks: &[Tok], i: usize, lang: Lang) -> Option<(u8, usize, usize)> {
    let t = toks.get(i)?;
    if let Some(w) = t.word() {
        let v = match (lang, w) {
            (Lang::Fr, "premier") => 1,
            (Lang::En, "first") => 1,
            _ => return None,
        };
        return Some((v, i, i + 1));
    }
    let d = t.small_int()?;
    if !(1..=31).contains(&d) {
        return None;
    }
    let mut end = i + 1;
    if let Some(s) = toks.get(i + 1).filter(|s| s.attached).and_then(Tok::word) {
        if matches!(
            s,
            "er" | "re" | "ere" | "e" | "eme" | "st" | "nd" | "rd" | "th"
        ) {
            end = i + 2;
        } else {
            return None;
        }
    }
    Some((d as u8, i, end))
}

/// The day numeral that ends at token `end` (exclusive), if any.
fn day_ending_at(toks: &[Tok], end: usize, lang: Lang) -> Option<(u8, usize, usize)> {
    if end == 0 {
        return None;
    }
    // `9`, `premier`
    if let Some(d) = day_at(toks, end - 1, lang).filter(|d| d.2 == end) {
        return Some(d);
    }
    // `1er`, `9th`
    if end >= 2 {
        if let Some(d) = day_at(toks, end - 2, lang).filter(|d| d.2 == end) {
            return Some(d);
        }
    }
    None
}

fn is_range_joiner(t: &Tok) -> bool {
    t.is_sym('-')
        || t.word().is_some_and(|w| {
            matches!(
                w,
                "et" | "au" | "a" | "ou" | "and" | "to" | "or" | "through"
            )
        })
}

/// Every weekday, month, day of month, year and decade in `text`, in order.
pub fn extract(text: &str, lang: Lang) -> Vec<DateMention> {
    let toks = numbers::tokenize(text, lang);
    let quantities = numbers::extract_from(text, &toks, lang);
    extract_from(text, lang, &toks, &quantities)
}

/// [`extract`] over the tokens and quantities already found in `text`.
pub(crate) fn extract_from(
    text: &str,
    lang: Lang,
    toks: &[Tok],
    quantities: &[Quantity],
) -> Vec<DateMention> {
    let mut out: Vec<DateMention> = Vec::new();
    let mk = |part: DatePart, start: usize, end: usize| DateMention {
        part,
        span: start..end,
        text: text.get(start..end).unwrap_or("").to_string(),
    };
    let tok_span = |a: usize, b: usize| (toks[a].start, toks[b - 1].end);
    for (i, t) in toks.iter().enumerate() {
        let (Some(w), Some(raw)) = (t.word(), t.raw_word(text)) else {
            continue;
        };
        let capitalised = raw.chars().next().is_some_and(char::is_uppercase);
        if lang == Lang::En && !capitalised {
            continue;
        }
        if let Some(d) = weekday(w, lang) {
            out.push(mk(DatePart::Weekday(d), t.start, t.end));
            continue;
        }
        // the month, and where its number would be
        let mut after = i + 1;
        let full = month_full(w, lang);
        let short = if full.is_none() {
            month_short(w, lang)
        } else {
            None
        };
        let Some(month) = full.or(short) else {
            continue;
        };
        let mut month_end = t.end;
        if short.is_some() && toks.get(after).is_some_and(|p| p.is_sym('.') && p.attached) {
            month_end = toks[after].end;
            after += 1;
        }
        // days before the month: `9 avril`, `9th of April`, `du 9 au 12 avril`
        let mut days: Vec<(u8, usize, usize)> = Vec::new();
        let before_end = if lang == Lang::En && i > 0 && toks[i - 1].word() == Some("of") {
            i - 1
        } else {
            i
        };
        if let Some(d) = day_ending_at(toks, before_end, lang) {
            days.push(d);
            let mut first = d.1;
            loop {
                // `du 9 au 12 avril`, `le 8 et le 28 octobre`, `8 to 28 October`
                let mut k = first;
                if k > 0
                    && toks[k - 1]
                        .word()
                        .is_some_and(|w| matches!(w, "le" | "the"))
                {
                    k -= 1;
                }
                if k < 2 || !is_range_joiner(&toks[k - 1]) {
                    break;
                }
                match day_ending_at(toks, k - 1, lang) {
                    Some(d2) => {
                        days.push(d2);
                        first = d2.1;
                    }
                    None => break,
                }
            }
        }
        // days after the month (English): `April 9`, `Sept. 1`, `April 9-12`
        if lang == Lang::En && days.is_empty() {
            if let Some(d) = day_at(toks, after, lang).filter(|d| toks[d.1].num().is_some()) {
                // `May 2013` is a year, not a day: day_at only takes 1–31
                days.push(d);
                let mut next = d.2;
                while next + 1 < toks.len() && is_range_joiner(&toks[next]) {
                    match day_at(toks, next + 1, lang).filter(|d| toks[d.1].num().is_some()) {
                        Some(d2) => {
                            days.push(d2);
                            next = d2.2;
                        }
                        None => break,
                    }
                }
            }
        }
        let year_next = toks
            .get(after)
            .and_then(Tok::num)
            .is_some_and(|n| n.digits.len() == 4)
            || days.iter().any(|d| {
                let mut k = d.2;
                if toks.get(k).is_some_and(|t| t.is_sym(',')) {
                    k += 1;
                }
                toks.get(k)
                    .and_then(Tok::num)
                    .is_some_and(|n| n.digits.len() == 4)
            });
        let anchored = !days.is_empty() || year_next;
        let ok = match lang {
            Lang::Fr => anchored || (short.is_none() && !(w == "mars" && capitalised)),
            Lang::En => {
                if short.is_some() {
                    anchored
                } else if w == "may" {
                    anchored
                        || (i > 0
                            && toks[i - 1]
                                .word()
                                .is_some_and(|p| EN_MONTH_PREPOSITIONS.contains(&p)))
                } else {
                    true
                }
            }
        };
        if !ok {
            continue;
        }
        out.push(mk(DatePart::Month(month), t.start, month_end));
        for (d, a, b) in days {
            let (s, e) = tok_span(a, b);
            out.push(mk(DatePart::Day(d), s, e));
        }
    }
    for q in quantities {
        let part = match q.kind {
            Kind::Year => DatePart::Year(q.value as i32),
            Kind::Decade => DatePart::Decade(q.value as i32),
            _ => continue,
        };
        out.push(DateMention {
            part,
            span: q.span.clone(),
            text: q.text.clone(),
        });
    }
    out.sort_by_key(|m| (m.span.start, m.span.end));
    out.dedup_by(|a, b| a.span == b.span && a.part == b.part);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parts(s: &str, lang: Lang) -> Vec<DatePart> {
        extract(s, lang).into_iter().map(|m| m.part).collect()
    }
    fn sorted(mut v: Vec<DatePart>) -> Vec<String> {
        let mut out: Vec<String> = v.drain(..).map(|p| format!("{p:?}")).collect();
        out.sort();
        out
    }
    fn same(fr: &str, en: &str) -> bool {
        sorted(parts(fr, Lang::Fr)) == sorted(parts(en, Lang::En))
    }

    #[test]
    fn weekdays() {
        assert_eq!(parts("jeudi", Lang::Fr), vec![DatePart::Weekday(4)]);
        assert_eq!(parts("on Thursday", Lang::En), vec![DatePart::Weekday(4)]);
        assert!(same("Lundi soir", "On Monday evening"));
        assert!(!same("mardi", "Thursday"));
        // English weekdays are capitalised; a lower-case word is not one
        assert!(parts("a sunday-best suit", Lang::En).is_empty());
    }

    #[test]
    fn months_and_days_of_month() {
        assert_eq!(
            parts("le 9 avril", Lang::Fr),
            vec![DatePart::Day(9), DatePart::Month(4)]
        );
        assert!(same("le 9 avril", "on April 9"));
        assert!(same("le 9 avril", "on 9 April"));
        assert!(same("le 9 avril", "on the 9th of April"));
        assert!(same("le 1er mai", "on May 1"));
        assert!(same("1er mai", "May 1st"));
        assert!(same("le premier mai", "on May 1"));
        assert!(same("le 4 novembre", "on November 04"));
        assert!(same("en décembre", "in December"));
        assert!(!same("le 9 avril", "on April 8"));
        assert!(!same("en décembre", "in November"));
        assert!(!same("le 9 avril", "on May 9"));
    }

    #[test]
    fn reuters_short_months() {
        assert!(same("le 1er septembre", "Sept 1"));
        assert!(same("le 30 octobre", "Oct. 30"));
        assert!(same("le 3 décembre", "Dec 3"));
        // a short form alone is not a month
        assert!(parts("Oct is short", Lang::En).is_empty());
    }

    #[test]
    fn day_ranges() {
        assert!(same("du 9 au 12 avril", "April 9-12"));
        assert!(same(
            "entre le 8 et le 28 octobre",
            "between 8 and 28 October"
        ));
        assert!(same("les 1er et 8 janvier", "on January 1st and 8th"));
    }

    #[test]
    fn ambiguous_month_words() {
        // the modal verb and a person's name are not the month
        assert!(parts("Prices may rise, Theresa May said", Lang::En).is_empty());
        assert_eq!(parts("in May", Lang::En), vec![DatePart::Month(5)]);
        assert_eq!(
            parts("May 5", Lang::En),
            vec![DatePart::Month(5), DatePart::Day(5)]
        );
        // the planet is not the month
        assert!(parts("une mission vers Mars", Lang::Fr).is_empty());
        assert_eq!(parts("en mars", Lang::Fr), vec![DatePart::Month(3)]);
        // French `sept` is seven
        assert!(parts("sept personnes", Lang::Fr).is_empty());
    }

    #[test]
    fn years_and_decades() {
        assert_eq!(parts("en 2008", Lang::Fr), vec![DatePart::Year(2008)]);
        assert_eq!(
            parts("le 8 janvier 2013", Lang::Fr),
            vec![DatePart::Day(8), DatePart::Month(1), DatePart::Year(2013)]
        );
        assert!(same("le 8 janvier 2013", "on 08 January 2013"));
        assert!(same("le 8 janvier 2013", "on January 8, 2013"));
        assert!(same("dans les années 1990", "in the 1990s"));
        assert!(same("May 2013".replace("May", "mai").as_str(), "May 2013"));
        assert!(!same("en 2007", "in 2008"));
    }

    #[test]
    fn spans_point_into_the_input() {
        let s = "Jeudi 1er mai 2014, à Pékin";
        for m in extract(s, Lang::Fr) {
            assert_eq!(&s[m.span.clone()], m.text);
        }
        let m = extract("Sept. 1", Lang::En);
        assert_eq!(m[0].text, "Sept.");
    }

    #[test]
    fn odd_input_does_not_panic() {
        for s in [
            "",
            "mai",
            "1er",
            "le 99 mai",
            "May",
            "Sept.",
            "Oct 99",
            "le 1er",
            "31 février",
            "日本 mai 5",
            "’",
            "du au avril",
        ] {
            let _ = extract(s, Lang::Fr);
            let _ = extract(s, Lang::En);
        }
    }
}
