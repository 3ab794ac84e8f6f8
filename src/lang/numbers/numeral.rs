//! Parsing a numeral and what follows it: scale, percent, currency, times of day.

use super::*;

pub(super) struct Tail {
    pub(super) scale: f64,
    pub(super) kind: Option<Kind>,
    pub(super) currency: Option<&'static str>,
    pub(super) end_tok: usize,
    pub(super) unit: Option<Unit>,
    pub(super) counted: bool,
}

/// Scale words, percent and currency after a number, starting at token `j`.
pub(super) fn parse_tail(
    toks: &[Tok],
    mut j: usize,
    lang: Lang,
    currency: Option<&'static str>,
) -> Tail {
    let mut t = Tail {
        scale: 1.0,
        kind: None,
        currency,
        end_tok: j,
        unit: None,
        counted: false,
    };
    // `100 autres milliards`: an adjective between the number and its scale
    if lang == Lang::Fr
        && toks.get(j).and_then(Tok::word).is_some_and(|w| {
            matches!(
                w,
                "autres" | "nouveaux" | "nouvelles" | "petits" | "gros" | "bons"
            )
        })
        && toks
            .get(j + 1)
            .and_then(Tok::word)
            .is_some_and(|w| scale_word(w, lang).is_some_and(|s| s >= 1e6))
    {
        j += 1;
    }
    // `$500-million`: a scale joined by a hyphen
    if lang == Lang::En
        && toks.get(j).is_some_and(|t| t.is_sym('-') && t.attached)
        && toks.get(j + 1).and_then(Tok::word).is_some_and(|w| {
            scale_word(w.strip_suffix("-plus").unwrap_or(w), lang).is_some_and(|s| s >= 1e6)
        })
    {
        j += 1;
    }
    // scale word, or `M€` / `k$`; `billion-plus` is an approximate billion
    if let Some(w) = toks.get(j).and_then(Tok::word) {
        let w = w.strip_suffix("-plus").unwrap_or(w);
        let glued_money = toks.get(j + 1).is_some_and(|n| {
            n.attached && matches!(n.kind, TokKind::Sym(c) if currency_symbol(c).is_some())
        });
        if let Some(s) = scale_word_loose(w, lang) {
            t.scale = s;
            j += 1;
            // `7.4 thousand million`, `mille milliards`: scales multiply
            while let Some(s2) = toks
                .get(j)
                .and_then(Tok::word)
                .and_then(|w| scale_word_loose(w, lang))
            {
                if s2 <= t.scale {
                    break;
                }
                t.scale *= s2;
                j += 1;
            }
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
    // a unit of measure: `km`, `miles per hour`, `pounds of`, `°F`
    if let Some((unit, e)) = parse_unit(toks, j, lang) {
        t.unit = Some(unit);
        t.end_tok = e;
        return t;
    }
    t.counted = counted_noun(toks, j, lang);
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

pub(super) fn span_text(text: &str, start: usize, end: usize) -> String {
    text.get(start..end).unwrap_or("").to_string()
}

pub(super) fn parse_numeral(
    text: &str,
    toks: &[Tok],
    i: usize,
    lang: Lang,
) -> Option<(Quantity, f64, usize)> {
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
    let mut glued_unit = None;
    let mut glued_million = false;
    let mut counted = false;
    if currency.is_none() {
        if let Some((secs, prec, e, jj)) = parse_race_time(toks, i, lang) {
            let mut q = plain_quantity(text, start, e, secs, Kind::Cardinal, prec);
            q.approx = approx_before(text, start, lang);
            return Some((q, 1.0, jj));
        }
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
                    alt: None,
                    foreign_grouping: false,
                    unit: None,
                    counted: false,
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
                        alt: None,
                        foreign_grouping: false,
                        unit: None,
                        counted: false,
                    },
                    1.0,
                    j + 1,
                ));
            } else if let Some(s) = glued_scale(&w, lang, currency.is_some(), toks.get(j + 1)) {
                scale = s;
                suffix_scaled = true;
                j += 1;
                end = next.end;
            } else if lang == Lang::En && w == "k" && num.decimals <= 1 {
                // `10k`: thousands
                scale = 1e3;
                suffix_scaled = true;
                j += 1;
                end = next.end;
            } else if UNIT_SUFFIXES.contains(&w.as_str()) {
                // `200m` in English is 200 metres or, as in `800m`, 800 million
                glued_million = lang == Lang::En && w == "m" && currency.is_none();
                match parse_unit(toks, j, lang) {
                    Some((u, e)) => {
                        glued_unit = Some(u);
                        end = toks[e - 1].end;
                        j = e;
                    }
                    None => {
                        j += 1;
                        end = next.end;
                    }
                }
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
            alt: None,
            foreign_grouping: false,
            unit: None,
            counted: false,
        };
        return Some((q, 1.0, j));
    }
    if kind != Kind::Ordinal && glued_unit.is_none() {
        let tail = parse_tail(toks, j, lang, currency);
        glued_unit = tail.unit;
        counted = tail.counted;
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
    let approx = approx_before(text, start, lang);
    // `some 1800 citizens`, `quelque 2000 personnes`: a qualified count, not a year
    // (`around 1990`, `vers 1800` stay years)
    let counted_qualifier = approx && !year_qualifier_before(text, start);
    if plain && num.digits.len() == 4 && (1000.0..=2100.0).contains(&value) && !counted_qualifier {
        kind = Kind::Year;
    }
    // the other reading of an ambiguous separator; an English `5,829` read with a
    // French decimal comma only for a percentage or before a scale (`6,925 million`)
    let mut alt = num.alt.and_then(|(v, d)| {
        let comma_decimal = lang == Lang::En && d > 0;
        (!comma_decimal || kind == Kind::Percent || scale != 1.0)
            .then(|| (v * scale, 0.5 * 10f64.powi(-(d as i32)) * scale))
    });
    if glued_million && !num.grouped {
        alt = Some((value * 1e6, precision * 1e6));
    }
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
            alt,
            foreign_grouping: num.foreign_grouping,
            unit: glued_unit,
            counted,
        },
        scale,
        j,
    ))
}

/// `around`, `about`, `autour de`, `circa` before a number: said of years too.
fn year_qualifier_before(text: &str, start: usize) -> bool {
    let mut from = start.saturating_sub(16);
    while from > 0 && !text.is_char_boundary(from) {
        from -= 1;
    }
    let before = fold(text.get(from..start).unwrap_or(""));
    let before = before.trim_end();
    [
        "around",
        "about",
        "autour de",
        "circa",
        "until",
        "jusqu'a",
        "after",
        "before",
        "since",
    ]
    .iter()
    .any(|q| before.ends_with(q))
}

/// A quantity with nothing but a value, kind and precision.
pub(super) fn plain_quantity(
    text: &str,
    start: usize,
    end: usize,
    value: f64,
    kind: Kind,
    precision: f64,
) -> Quantity {
    Quantity {
        value,
        span: start..end,
        text: span_text(text, start, end),
        kind,
        currency: None,
        approx: false,
        spelled: false,
        vague: false,
        precision,
        alt: None,
        foreign_grouping: false,
        unit: None,
        counted: false,
    }
}

/// A race time in seconds, starting at numeral `i`: `2:21:31`, `2 h 21 min 31 s`,
/// `1 min 58 s 12`, `20 s 53` or `20 sec 53` (hundredths after the seconds, the
/// French way of writing `20.53`). Returns seconds, precision, end byte, next token.
pub(super) fn parse_race_time(
    toks: &[Tok],
    i: usize,
    lang: Lang,
) -> Option<(f64, f64, usize, usize)> {
    let int = |k: usize| -> Option<f64> {
        let n = toks.get(k)?.num()?;
        (n.decimals == 0 && !n.grouped && !n.blocked && n.digits.len() <= 2).then_some(n.value)
    };
    let w = |k: usize| toks.get(k).and_then(Tok::word).unwrap_or("");
    let sym = |k: usize, c: char| toks.get(k).is_some_and(|t| t.is_sym(c) && t.attached);
    let h = int(i)?;
    // h:mm:ss
    if sym(i + 1, ':')
        && sym(i + 3, ':')
        && toks.get(i + 2).is_some_and(|t| t.attached)
        && toks.get(i + 4).is_some_and(|t| t.attached)
    {
        let (m, s) = (int(i + 2)?, int(i + 4)?);
        if m < 60.0 && s < 60.0 {
            return Some((h * 3600.0 + m * 60.0 + s, 0.5, toks[i + 4].end, i + 5));
        }
    }
    // m:ss.hh
    if sym(i + 1, ':') {
        if let Some(n) = toks.get(i + 2).filter(|t| t.attached).and_then(Tok::num) {
            if n.decimals == 2 && n.digits.len() == 2 && n.value < 60.0 && !n.grouped {
                return Some((h * 60.0 + n.value, 0.005, toks[i + 2].end, i + 3));
            }
        }
    }
    if lang != Lang::Fr {
        return None;
    }
    let is_sec = |k: usize| matches!(w(k), "s" | "sec" | "secondes");
    let is_min = |k: usize| matches!(w(k), "min" | "mn" | "minutes");
    // seconds then hundredths: `20 s 53`, and what leads to it
    let secs_at = |k: usize| -> Option<(f64, f64, usize, usize)> {
        let s = int(k)?;
        if !is_sec(k + 1) {
            return None;
        }
        match int(k + 2) {
            Some(c)
                if toks[k + 2].num().is_some_and(|n| n.digits.len() == 2) && w(k + 3) != "min" =>
            {
                Some((s + c / 100.0, 0.005, toks[k + 2].end, k + 3))
            }
            _ => Some((s, 0.5, toks[k + 1].end, k + 2)),
        }
    };
    if w(i + 1) == "h" && is_min(i + 3) {
        let m = int(i + 2)?;
        let (s, p, e, n) = secs_at(i + 4)?;
        return Some((h * 3600.0 + m * 60.0 + s, p, e, n));
    }
    if is_min(i + 1) {
        let (s, p, e, n) = secs_at(i + 2)?;
        return Some((h * 60.0 + s, p, e, n));
    }
    let (s, p, e, n) = secs_at(i)?;
    (p < 0.5).then_some((s, p, e, n))
}

/// A time of day starting at numeral `i`: `14h30`, `14 h 30`, `18 heures`, `16:35`,
/// `9.30pm`, `10 a.m.`. Returns minutes modulo 12 hours, the end byte and the next token.
pub(super) fn parse_time(toks: &[Tok], i: usize, lang: Lang) -> Option<(f64, usize, usize)> {
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
pub(super) fn ampm(toks: &[Tok], j: usize) -> Option<(usize, usize)> {
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
pub(super) fn two_digit_decade(v: f64) -> f64 {
    if v < 20.0 {
        2000.0 + v
    } else {
        1900.0 + v
    }
}

/// `bn`, `m`, `k` glued to a numeral (`$5bn`, `€3m`).
pub(super) fn glued_scale(w: &str, lang: Lang, money: bool, next: Option<&Tok>) -> Option<f64> {
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
