//! The anchors of a gap (the names and numbers of its text) and whether the
//! other side renders them; and whether a gap's text is written in the other
//! language.

use super::Gap;
use crate::align::similarity::{coverage, is_stopword, text_features, ParaFeatures, TextUnit};
use crate::document::Dispatch;
use crate::lang::exonyms::ExonymTable;
use crate::lang::names::{cognate, mentions, same_name, NameMention};
use crate::lang::text::words;
use crate::lang::Lang;

/// The anchors of a gap's text: runs of capitalised words past the first word
/// of their sentence (a name, kept whole so that a multiword exonym matches),
/// and the numbers, as the values of their digit runs.
fn anchors<'a>(d: &'a Dispatch, g: &Gap) -> (Vec<&'a str>, Vec<Vec<u64>>) {
    let body = d.body(g.para);
    let text = body.get(g.span.0..g.span.1).unwrap_or("");
    // the span opens its sentence when nothing but spaces, quotes and brackets
    // come before it since the last sentence end
    let before = body[..g.span.0.min(body.len())].trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '"' | '«' | '“' | '(' | '\'' | '‘')
    });
    let opens = before.is_empty() || before.ends_with(['.', '!', '?', '…', ':']);
    let (mut names, mut numbers) = (Vec::new(), Vec::new());
    let mut run: Option<(usize, usize)> = None;
    let ws = words(text);
    for (i, w) in ws.iter().enumerate() {
        let first = w.text.chars().next();
        let capital = first.is_some_and(char::is_uppercase) && !(opens && i == 0);
        if first.is_some_and(|c| c.is_ascii_digit()) {
            numbers.push(digit_runs(w.text));
        }
        match (capital, run) {
            (true, Some((a, _))) => run = Some((a, w.end())),
            (true, None) => run = Some((w.start, w.end())),
            (false, Some((a, b))) => {
                names.push(&text[a..b]);
                run = None;
            }
            (false, None) => {}
        }
    }
    if let Some((a, b)) = run {
        names.push(&text[a..b]);
    }
    (names, numbers)
}

/// Is the gap's text written in the other language (an English dispatch that
/// quotes the French words as said)? More of its words are function words of
/// the other language only than of its own only. Its words are then on the
/// other side as they are, not left out, though the lexicon cannot tell.
pub(super) fn in_other_language(d: &Dispatch, g: &Gap) -> bool {
    let other = match d.lang {
        Lang::Fr => Lang::En,
        Lang::En => Lang::Fr,
    };
    let text = d.body(g.para).get(g.span.0..g.span.1).unwrap_or("");
    let (mut own, mut foreign) = (0, 0);
    for w in words(text) {
        let f = crate::lang::text::fold(w.text);
        match (is_stopword(&f, d.lang), is_stopword(&f, other)) {
            (true, false) => own += 1,
            (false, true) => foreign += 1,
            _ => {}
        }
    }
    foreign > own
}

/// The values of the digit runs of a text (`17:00` → 17, 0).
fn digit_runs(text: &str) -> Vec<u64> {
    text.split(|c: char| !c.is_ascii_digit())
        .filter(|r| !r.is_empty())
        .filter_map(|r| r.parse().ok())
        .collect()
}

/// Set [`Gap::anchored`]: more than half of the gap's anchors (names, numbers)
/// are rendered nowhere in the other side's paragraphs of its group. A name
/// counts as rendered when its keys match there, or when a name of those
/// paragraphs is the same name in another spelling or language as
/// `name-mismatch` has it ([`same_name`], [`cognate`]). A number
/// counts as rendered when one of its values is among the other side's, or
/// the same hour on the 24-hour clock (8pm, 20H00).
pub(super) fn mark_anchored(
    gaps: &mut [Gap],
    this: &Dispatch,
    other: &Dispatch,
    names: &ExonymTable,
) {
    if gaps.is_empty() {
        return;
    }
    let found: Vec<(Vec<&str>, Vec<Vec<u64>>)> = gaps.iter().map(|g| anchors(this, g)).collect();
    let this_units: Vec<TextUnit<'_>> = found
        .iter()
        .flat_map(|(n, _)| n.iter())
        .map(|&text| TextUnit {
            text,
            cities: &[],
            para: None,
        })
        .collect();
    let other_paras = |g: &Gap| {
        if this.lang == Lang::Fr {
            g.en.clone()
        } else {
            g.fr.clone()
        }
    };
    let mut paras: Vec<usize> = gaps.iter().flat_map(other_paras).collect();
    paras.sort_unstable();
    paras.dedup();
    let other_units: Vec<TextUnit<'_>> = paras
        .iter()
        .map(|&p| TextUnit {
            text: other.body(p),
            cities: &[],
            para: None,
        })
        .collect();
    let (this_f, other_f) = if this_units.is_empty() {
        (Vec::new(), Vec::new())
    } else if this.lang == Lang::Fr {
        text_features((&this_units, this.lang), (&other_units, other.lang), names)
    } else {
        let (o, t) = text_features((&other_units, other.lang), (&this_units, this.lang), names);
        (t, o)
    };
    // the names of the other side's paragraphs, found when a name's keys
    // match nothing there: a spelling the keys do not meet (Al-Qaida for
    // Al-Qaeda, Tchaïkine for Chaikin), or a name inside a longer one the
    // keys took whole (Al-Qaida au Maghreb islamique)
    let mut mentioned: Vec<(usize, Vec<NameMention>)> = Vec::new();
    let named_in = |name: &str, ps: &[usize], mentioned: &mut Vec<(usize, Vec<NameMention>)>| {
        ps.iter().any(|&p| {
            let i = match mentioned.iter().position(|(q, _)| *q == p) {
                Some(i) => i,
                None => {
                    mentioned.push((p, mentions(other.body(p), other.lang, names)));
                    mentioned.len() - 1
                }
            };
            mentioned[i]
                .1
                .iter()
                .any(|m| same_name(name, &m.text, names) || cognate(name, &m.text))
        })
    };
    let mut k = 0;
    for (g, (n, nums)) in gaps.iter_mut().zip(&found) {
        let mine = other_paras(g);
        let near: Vec<&ParaFeatures> = mine
            .iter()
            .filter_map(|p| paras.binary_search(p).ok())
            .filter_map(|i| other_f.get(i))
            .collect();
        let values: Vec<u64> = mine
            .iter()
            .flat_map(|&p| digit_runs(other.body(p)))
            .collect();
        let (mut total, mut missing) = (0, 0);
        for (f, name) in this_f[k..k + n.len()].iter().zip(n) {
            let (m, t) = coverage(&[f], &near);
            if t > 0.0 {
                total += 1;
                missing += usize::from(m == 0.0 && !named_in(name, &mine, &mut mentioned));
            }
        }
        k += n.len();
        for v in nums {
            total += 1;
            let rendered = v
                .iter()
                .any(|x| values.contains(x) || (*x <= 12 && values.contains(&(x + 12))));
            missing += usize::from(!rendered);
        }
        g.anchored = total > 0 && 2 * missing > total;
    }
}
