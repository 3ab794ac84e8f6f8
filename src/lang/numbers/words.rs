//! Parsing spelled-out numbers, and ranges that share a scale.

use super::*;

/// Number words: `trois`, `vingt-cinq`, `quatre-vingt-dix`, `two hundred`,
/// `un million`, `a dozen`, `une centaine`, `des centaines`, `hundreds`, `3ème`-like
/// words (`troisième`, `third`) and French roman ordinals (`XXIe siècle`).
pub(super) fn parse_words(
    text: &str,
    toks: &[Tok],
    i: usize,
    lang: Lang,
) -> Option<(Quantity, f64, usize)> {
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
        alt: None,
        foreign_grouping: false,
        unit: None,
        counted: false,
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
            // `une centaine de milliers`: the collective counts thousands
            let mut next = i + 1;
            if lang == Lang::Fr && next_w(i + 1) == "de" {
                if let Some(s) = collective_word(next_w(i + 2))
                    .filter(|&(cv, pl)| pl && cv == 1000.0)
                    .map(|(cv, _)| cv)
                    .or_else(|| scale_word(next_w(i + 2), lang).filter(|&s| s >= 1e6))
                {
                    q.value *= s;
                    q.precision *= s;
                    q.span = st..toks[i + 2].end;
                    q.text = span_text(text, st, toks[i + 2].end);
                    next = i + 3;
                }
            }
            let tail = parse_tail(toks, next, lang, None);
            if tail.currency.is_some() {
                q.kind = Kind::Money;
                q.currency = tail.currency;
            }
            return Some((q, 1.0, next));
        }
        return None;
    }
    // English vague plurals: hundreds of, thousands of, dozens of
    if lang == Lang::En {
        if let Some(v) = vague_plural_en(w) {
            // `thousands of millions`: the English of `des milliards`
            if w == "thousands" && next_w(i + 1) == "of" && next_w(i + 2) == "millions" {
                let e = toks[i + 2].end;
                return Some((
                    mk(1e9, e, Kind::Cardinal, true, true, 1e9, None),
                    1.0,
                    i + 3,
                ));
            }
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
        // `ninety-ten` is no English number: after a ten only a unit (`ninety-nine`)
        if lang == Lang::En
            && vals
                .windows(2)
                .any(|p| p[0] >= 20.0 && p[0] < 100.0 && !(1.0..10.0).contains(&p[1]))
        {
            return None;
        }
        if vals.len() < pieces.len() {
            if matches!(pieces[0], "un" | "une" | "one") {
                return None;
            }
            let mut v = combine_words(&vals);
            let mut prec = 0.5;
            let d = match pieces[vals.len()] {
                "quarter" | "quarters" | "quart" | "quarts" => 4.0,
                "third" | "thirds" | "tiers" => 3.0,
                _ => 0.0,
            };
            if d > v && vals.len() + 1 == pieces.len() {
                v /= d;
                prec = 0.01;
            }
            return Some((
                mk(v, tok.end, Kind::Cardinal, false, false, prec, None),
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
    let mut value = combine_words(&parts);
    let mut precision_words = 0.5;
    // `trois quarts`, `two thirds`, `a half`: a fraction in words
    let frac = match (lang, toks.get(j).and_then(Tok::word).unwrap_or("")) {
        (Lang::Fr, "quart" | "quarts") | (Lang::En, "quarter" | "quarters") => Some(4.0),
        (Lang::Fr, "tiers") | (Lang::En, "third" | "thirds") => Some(3.0),
        (Lang::Fr, "cinquieme" | "cinquiemes") | (Lang::En, "fifth" | "fifths") if value > 1.0 => {
            Some(5.0)
        }
        _ => None,
    };
    if let Some(d) = frac {
        if value < d {
            value /= d;
            precision_words = 0.01;
            end = toks[j].end;
            j += 1;
        }
    }
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
    // `deux millions et demi`, `two and a half million`: half a unit more
    let half_at = |k: usize| match lang {
        Lang::Fr => {
            toks.get(k).and_then(Tok::word) == Some("et")
                && matches!(toks.get(k + 1).and_then(Tok::word), Some("demi" | "demie"))
        }
        Lang::En => {
            toks.get(k).and_then(Tok::word) == Some("and")
                && toks.get(k + 1).and_then(Tok::word) == Some("a")
                && toks.get(k + 2).and_then(Tok::word) == Some("half")
        }
    };
    let mut scale = tail.scale;
    if half_at(j) {
        value += 0.5;
        end = toks[j + if lang == Lang::Fr { 1 } else { 2 }].end;
        j += if lang == Lang::Fr { 2 } else { 3 };
        if lang == Lang::En && tail.scale == 1.0 {
            if let Some(s) = toks
                .get(j)
                .and_then(Tok::word)
                .and_then(|w| scale_word(w, lang))
            {
                scale = s;
                end = toks[j].end;
                j += 1;
            }
        }
    }
    let approx = approx_before(text, start, lang);
    let q = Quantity {
        value: value * scale,
        span: start..end,
        text: span_text(text, start, end),
        kind,
        currency: tail.currency,
        approx,
        spelled: true,
        vague: false,
        precision: precision_words * scale,
        alt: None,
        foreign_grouping: false,
        unit: tail.unit,
        counted: tail.counted,
    };
    Some((q, scale, j))
}

/// French `neuf` is also "new": count it only before a plural or a scale.
pub(super) fn next_starts_noun_plural(toks: &[Tok], j: usize) -> bool {
    toks.get(j).and_then(Tok::word).is_some_and(|w| {
        w.ends_with('s') || w.ends_with('x') || w == "pour" || w == "cent" || w == "mille"
    })
}

/// Fold spelled parts: `quatre vingt dix` → 90, `two hundred thousand` → 200 000.
pub(super) fn combine_words(parts: &[f64]) -> f64 {
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
pub(super) fn propagate_ranges(text: &str, qs: &mut [(Quantity, f64)]) {
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
