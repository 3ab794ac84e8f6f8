//! Quotations across aligned paragraphs: `quote-missing` (an English quotation
//! the French paragraph does not render), `quote-added` (a French quotation with
//! no English source: a possible invented quote) and `quote-speaker` (a quotation
//! given to someone else). Quotations are paired by the share of their words that
//! find a translation on the other side; an English quotation rendered as
//! indirect speech in French (or the reverse) still counts as rendered. Every
//! quotation takes part in the pairing (a two-word scare quote can be the
//! source of a longer one, « roue de secours » for "spare tyre"); only the
//! statements (three words or more that someone says) are reported.

pub mod quote_added;
pub mod quote_missing;
pub mod quote_speaker;

use crate::align::similarity::content_words;
use crate::align::Bead;
use crate::checks::bead::bead_text;
use crate::checks::{declare_check, Context, Run};
use crate::document::quotes::{ends_with_abbreviation, Via};
use crate::document::{Dispatch, Quote};
use crate::finding::Finding;
use crate::lang::names::same_name;
use crate::lang::Lang;
use crate::util::{excerpt, para_list, ParaStyle};

/// Quotations shorter than this (words) are scare quotes and titles, not
/// statements: `« sans limite »`.
const MIN_WORDS: usize = 3;
/// Share of a quotation's words found in the other quotation to pair them.
const PAIR_COVERAGE: f64 = 0.25;
/// Share of a quotation's words found anywhere in the other paragraph for it to
/// count as rendered (as indirect speech, or with its marks lost).
const RENDERED_COVERAGE: f64 = 0.5;
/// Share of a long English quotation the French must render in its own words for
/// it to count as told rather than quoted.
const NARRATED_COVERAGE: f64 = 0.3;

struct BeadQuotes<'a> {
    fr: Vec<(usize, &'a Quote)>,
    en: Vec<(usize, &'a Quote)>,
    fr_text: String,
    en_text: String,
    /// The text outside the quotations, where a quotation told without its marks is.
    fr_narrative: String,
    en_narrative: String,
}

/// Every quotation of the paragraphs (the credits left out): all of them can
/// pair with a quotation on the other side, even one of function words only
/// ("do all they can").
fn quotes_of<'a>(d: &'a Dispatch, idx: &[usize]) -> Vec<(usize, &'a Quote)> {
    idx.iter()
        .filter(|&&i| d.credits_index() != Some(i))
        .filter_map(|&i| d.paragraphs.get(i).map(|p| (i, p)))
        .flat_map(|(i, p)| p.quotes.iter().map(move |q| (i, q)))
        .collect()
}

/// A quotation worth reporting: someone's statement of three words or more (it
/// starts a sentence, has a speaker, or is long), not a scare quote or a title
/// (`the "second-hand goods dealer"`).
fn reportable(q: &Quote) -> bool {
    let words = q.text.split_whitespace().count();
    words >= MIN_WORDS && (is_statement(&q.text) || q.speaker.is_some() || words >= 6)
}

fn bead_quotes<'a>(cx: &'a Context<'_>, b: &Bead) -> BeadQuotes<'a> {
    BeadQuotes {
        fr: quotes_of(cx.fr, &b.fr),
        en: quotes_of(cx.en, &b.en),
        fr_text: bead_text(cx.fr, &b.fr),
        en_text: bead_text(cx.en, &b.en),
        fr_narrative: narrative(cx.fr, &b.fr),
        en_narrative: narrative(cx.en, &b.en),
    }
}

/// The English quotation that best matches a French one, with its score.
fn best_en_for<'a>(
    cx: &Context<'_>,
    q: &Quote,
    en: &[(usize, &'a Quote)],
) -> Option<(f64, usize, &'a Quote)> {
    en.iter()
        .map(|&(j, e)| {
            let (fc, ec) = cx.snippet_coverage(&q.text, &e.text);
            (fc.max(ec), j, e)
        })
        .filter(|(s, _, _)| *s >= PAIR_COVERAGE)
        .max_by(|a, b| a.0.total_cmp(&b.0))
}

/// Quotations of a bead left over after pairing French with English ones:
/// `(french leftovers, english leftovers)` as indices into `bq.fr` / `bq.en`.
/// Pairing is greedy by coverage; when one side has leftovers and so does the
/// other, they are taken to render each other (a free translation the lexicon
/// cannot see), so only the surplus of one side over the other is returned,
/// least-matching first.
fn unpaired(cx: &Context<'_>, bq: &BeadQuotes<'_>) -> (Vec<usize>, Vec<usize>) {
    let mut scores = Vec::new();
    for (a, (_, f)) in bq.fr.iter().enumerate() {
        for (b, (_, e)) in bq.en.iter().enumerate() {
            let (fc, ec) = cx.snippet_coverage(&f.text, &e.text);
            scores.push((fc.max(ec), a, b));
        }
    }
    scores.sort_by(|x, y| y.0.total_cmp(&x.0));
    let mut fr_used = vec![false; bq.fr.len()];
    let mut en_used = vec![false; bq.en.len()];
    for (s, a, b) in scores {
        if s >= PAIR_COVERAGE && !fr_used[a] && !en_used[b] {
            fr_used[a] = true;
            en_used[b] = true;
        }
    }
    let mut fr_left: Vec<(f64, usize)> = (0..bq.fr.len())
        .filter(|&a| !fr_used[a])
        .map(|a| (rendered(cx, &bq.fr[a].1.text, Lang::Fr, &bq.en_text), a))
        .collect();
    let mut en_left: Vec<(f64, usize)> = (0..bq.en.len())
        .filter(|&b| !en_used[b])
        .map(|b| (rendered(cx, &bq.en[b].1.text, Lang::En, &bq.fr_text), b))
        .collect();
    // the surplus is taken among the statements first, least-matching first
    fr_left.sort_by(|x, y| {
        reportable(bq.fr[y.1].1)
            .cmp(&reportable(bq.fr[x.1].1))
            .then(x.0.total_cmp(&y.0))
    });
    en_left.sort_by(|x, y| {
        reportable(bq.en[y.1].1)
            .cmp(&reportable(bq.en[x.1].1))
            .then(x.0.total_cmp(&y.0))
    });
    // an attributed statement with no trace at all on the other side is not
    // cancelled by a leftover there that this side renders as narrative: the
    // English quoted the whole paragraph, the French told it and quoted someone
    // else (« Nous ne reculerons pas », a souligné X)
    let fr_orphan_statements: Vec<(f64, usize)> = fr_left
        .iter()
        .copied()
        .filter(|&(c, k)| {
            let q = &bq.fr[k].1.text;
            c == 0.0
                && bq.fr[k].1.speaker.is_some()
                && is_statement(q)
                && reportable(bq.fr[k].1)
                && q.chars().count() * 2 < bq.fr_text.chars().count()
        })
        .collect();
    let en_narrated = en_left
        .iter()
        .filter(|&&(c, k)| {
            let q = &bq.en[k].1.text;
            // told in French words, or quoting the whole English paragraph, which
            // no short French quotation can stand for
            let whole = q.chars().count() * 10 >= bq.en_text.chars().count() * 8;
            (c >= NARRATED_COVERAGE || whole) && content_words(q, Lang::En) >= 3
        })
        .count();
    // a leftover the other side tells in its narrative (its marks dropped: `the
    // "Cinémathèque française"`) is accounted for there, and is no source for a
    // leftover quotation of this side
    let told = |quote: &str, lang: Lang, narrative: &str| {
        content_words(quote, lang) >= 2 && rendered(cx, quote, lang, narrative) >= RENDERED_COVERAGE
    };
    fr_left.retain(|&(_, k)| !told(&bq.fr[k].1.text, Lang::Fr, &bq.en_narrative));
    en_left.retain(|&(_, k)| !told(&bq.en[k].1.text, Lang::En, &bq.fr_narrative));
    let (nf, ne) = (fr_left.len(), en_left.len());
    let mut extra_fr: Vec<usize> = Vec::new();
    if nf <= ne && en_narrated > 0 {
        extra_fr = fr_orphan_statements
            .iter()
            .take(en_narrated.min(nf))
            .map(|x| x.1)
            .collect();
    }
    fr_left.truncate(nf.saturating_sub(ne));
    en_left.truncate(ne.saturating_sub(nf));
    // a surplus quotation whose words the other paragraph has is rendered as
    // narrative; one content word found proves nothing for a whole statement
    // (« Il n'y a pas d'autre solution »)
    let keep = |v: Vec<(f64, usize)>, quotes: &[(usize, &Quote)], lang: Lang| -> Vec<usize> {
        v.into_iter()
            .filter(|&(c, k)| {
                let text = &quotes[k].1.text;
                reportable(quotes[k].1)
                    && content_words(text, lang) >= 1
                    && (c < RENDERED_COVERAGE
                        || (is_statement(text) && content_words(text, lang) < 2))
            })
            .map(|x| x.1)
            .collect()
    };
    let mut fr_out = keep(fr_left, &bq.fr, Lang::Fr);
    for k in extra_fr {
        if !fr_out.contains(&k) {
            fr_out.push(k);
        }
    }
    (fr_out, keep(en_left, &bq.en, Lang::En))
}

/// Paragraph indices within one of a bead's, on one side.
fn around(idx: &[usize], len: usize) -> Vec<usize> {
    let lo = idx.iter().min().map_or(0, |&i| i.saturating_sub(1));
    let hi = idx
        .iter()
        .max()
        .map_or(0, |&i| (i + 1).min(len.saturating_sub(1)));
    (lo..=hi).collect()
}

/// A quotation the bead does not account for may still come from the other side
/// next door (an alignment boundary a paragraph off, a merge the aligner missed):
/// a quotation there that it pairs with, words there that render it, or a
/// quotation in a neighbouring paragraph the alignment left out.
/// `lang` is the quotation's language; the other side is searched.
fn found_nearby(cx: &Context<'_>, b: &Bead, q: &Quote, lang: Lang) -> bool {
    let (other, idx) = match lang {
        Lang::Fr => (cx.en, &b.en),
        Lang::En => (cx.fr, &b.fr),
    };
    // snippet_coverage takes (french, english) and returns their two coverages
    let coverage = |quote: &str, other_text: &str| match lang {
        Lang::Fr => cx.snippet_coverage(quote, other_text),
        Lang::En => {
            let (f, e) = cx.snippet_coverage(other_text, quote);
            (e, f)
        }
    };
    let near = around(idx, other.paragraphs.len());
    // words of a neighbouring sentence or two that render it; a few words of a
    // short statement scattered over three paragraphs prove nothing (« Cela
    // prendra du temps » beside a paragraph that says "take" and one that says
    // "time")
    let words = content_words(&q.text, lang);
    if words >= 3 && rendered(cx, &q.text, lang, &bead_text(other, &near)) >= RENDERED_COVERAGE {
        return true;
    }
    // a quotation there that renders at least two of its words (a one-word scare
    // quote next door, `"take"`, is no source for a statement)
    if quotes_of(other, &near).iter().any(|(_, o)| {
        let a = coverage(&q.text, &o.text).0;
        a >= RENDERED_COVERAGE && a * words as f64 >= 1.5
    }) {
        return true;
    }
    // a merge the aligner missed: a neighbour on the other side left out of the
    // alignment (reported as omitted or added) whose own quotation nothing
    // renders either is taken as this one's source, the free-translation rule
    // that applies inside a bead (`« un appétit un peu plus développé »` for
    // `a "more refined palate"`)
    let left_out: Vec<usize> = near
        .iter()
        .copied()
        .filter(|j| !idx.contains(j))
        .filter(|&j| match lang {
            Lang::Fr => cx.alignment.omitted_en().any(|x| x == j),
            Lang::En => cx.alignment.added_fr().any(|x| x == j),
        })
        .collect();
    quotes_of(other, &left_out)
        .iter()
        .any(|(_, o)| o.text.split_whitespace().count() >= MIN_WORDS)
}

/// A quotation that is a whole statement: it starts with a capital letter.
fn is_statement(text: &str) -> bool {
    text.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase)
}

/// The sentences of a bead's paragraphs on one side (quoted ones included, so
/// that a quotation the other side renders without marks counts the same): a
/// French paragraph with one sentence more than its English one is where an
/// added quotation stands on its own.
fn sentences(d: &Dispatch, idx: &[usize]) -> usize {
    idx.iter()
        .filter(|&&i| d.credits_index() != Some(i))
        .filter_map(|&i| d.paragraphs.get(i))
        .map(|p| usize::from(p.text.chars().any(char::is_alphabetic)) + boundaries(&p.text).len())
        .sum()
}

/// Byte offsets just past each sentence end of `text`: `.`, `!` or `?` (not the
/// period of an abbreviation), then a space and a capital, a digit or a mark.
fn boundaries(text: &str) -> Vec<usize> {
    let mut out = Vec::new();
    for (i, c) in text.char_indices() {
        // an ellipsis (`direction... le Brésil`) seldom ends a sentence
        if !matches!(c, '.' | '!' | '?')
            || (c == '.' && (ends_with_abbreviation(&text[..i]) || text[..i].ends_with('.')))
        {
            continue;
        }
        let rest = &text[i + 1..];
        let trimmed = rest.trim_start_matches(['"', '»', '”', '\u{a0}', '\u{202f}']);
        if !trimmed.starts_with(char::is_whitespace) {
            continue;
        }
        let next = trimmed.trim_start().chars().next();
        if next.is_some_and(|n| {
            n.is_uppercase() || n.is_ascii_digit() || matches!(n, '«' | '"' | '“' | 'Q')
        }) {
            out.push(i + 1);
        }
    }
    out
}

/// Is the quotation a sentence of its own in its paragraph, with nothing around
/// it but its attribution (`« … », a déclaré X.`, `X a ajouté : « … »`)? A
/// quotation inside a sentence that reports something else (`La Syrie « ne
/// fléchira pas », a-t-il ajouté, assurant que …`) is part of a sentence the
/// English can render without marks.
/// Returns the length of that sentence in characters when it does.
fn stands_alone(d: &Dispatch, i: usize, q: &Quote, lang: Lang) -> Option<usize> {
    let p = d.paragraphs.get(i)?;
    let text = &p.text;
    let ends = boundaries(text);
    let from = ends
        .iter()
        .copied()
        .filter(|&b| b <= q.start)
        .max()
        .unwrap_or(0);
    let to = ends
        .iter()
        .copied()
        .find(|&b| b > q.end)
        .unwrap_or(text.len());
    let mut around = String::new();
    let mut at = from;
    for o in p.quotes.iter().filter(|o| o.start >= from && o.end <= to) {
        around.push_str(&text[at..o.start]);
        around.push(' ');
        at = o.end;
    }
    around.push_str(&text[at.min(to)..to]);
    let verbs = match lang {
        Lang::Fr => crate::document::quotes::FR_VERBS,
        Lang::En => crate::document::quotes::EN_VERBS,
    };
    let speaker = q.speaker.as_deref().unwrap_or("");
    let rest: Vec<&str> = around
        .split(|c: char| !c.is_alphabetic() && c != '-' && c != '\'' && c != '’')
        .filter(|w| !w.is_empty())
        .filter(|w| !speaker.split_whitespace().any(|s| s == *w))
        .filter(|w| !verbs.iter().any(|v| v.split(' ').any(|vw| vw == *w)))
        .filter(|w| !PRONOUNS.contains(w))
        .collect();
    (content_words(&rest.join(" "), lang) == 0).then(|| text[from..to].chars().count())
}

/// French characters per English character in news translation.
const FR_PER_EN: f64 = 1.15;

/// Do the two sides' lengths agree better without `sentence` characters of the
/// French (a sentence the English does not have)?
fn fits_without(fr_chars: usize, en_chars: usize, sentence: usize) -> bool {
    let off = |fr: usize| {
        ((fr.max(1) as f64 / en_chars.max(1) as f64) / FR_PER_EN)
            .ln()
            .abs()
    };
    fr_chars > sentence && off(fr_chars - sentence) < off(fr_chars)
}

/// Subject pronouns of attributions and the days an attribution may name.
const PRONOUNS: &[&str] = &[
    "il",
    "elle",
    "t",
    "he",
    "she",
    "lundi",
    "mardi",
    "mercredi",
    "jeudi",
    "vendredi",
    "samedi",
    "dimanche",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "M",
    "Mme",
    "Mr",
    "Mrs",
    "Ms",
    "Dr",
];

/// Was this speaker read from a pronoun (`a-t-il dit`, `he said`)?
fn by_pronoun(q: &Quote) -> bool {
    q.via == Some(Via::Pronoun)
}

/// The share of a quotation's words (`lang` is its language) that one stretch of
/// the other side's text renders: a sentence, or two in a row. Indirect speech
/// renders a quotation in one place; words found here and there in a long
/// paragraph (« Ce projet ira jusqu'au bout » beside "proposal", "plan", "go")
/// do not.
fn rendered(cx: &Context<'_>, quote: &str, lang: Lang, other: &str) -> f64 {
    let mut cuts = vec![0];
    cuts.extend(boundaries(other));
    cuts.push(other.len());
    cuts.dedup();
    let n = cuts.len() - 1;
    (0..n.max(1))
        .map(|k| {
            let w = &other[cuts[k]..cuts[(k + 2).min(n)]];
            match lang {
                Lang::Fr => cx.snippet_coverage(quote, w).0,
                Lang::En => cx.snippet_coverage(w, quote).1,
            }
        })
        .fold(0.0, f64::max)
}

/// The text of a bead's paragraphs on one side outside their quotations.
fn narrative(d: &Dispatch, idx: &[usize]) -> String {
    idx.iter()
        .filter(|&&i| d.credits_index() != Some(i))
        .filter_map(|&i| d.paragraphs.get(i))
        .map(|p| masked(&p.text, &p.quotes))
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` with each quotation replaced by `Q`.
fn masked(text: &str, quotes: &[Quote]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for q in quotes {
        if q.start < at || q.end > text.len() {
            continue;
        }
        out.push_str(&text[at..q.start]);
        out.push('Q');
        at = q.end;
    }
    out.push_str(&text[at..]);
    out
}

#[cfg(test)]
mod tests;
