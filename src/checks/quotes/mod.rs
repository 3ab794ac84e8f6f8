//! Quotations across aligned paragraphs: `quote-missing` (an English quotation
//! the French paragraph does not render), `quote-added` (a French quotation with
//! no English source: a possible invented quote) and `quote-speaker` (a quotation
//! given to someone else). Quotations are paired by the share of their words that
//! find a translation on the other side; an English quotation rendered as
//! indirect speech in French (or the reverse) still counts as rendered.

pub mod quote_added;
pub mod quote_missing;
pub mod quote_speaker;

use crate::align::similarity::content_words;
use crate::align::Bead;
use crate::checks::bead::bead_text;
use crate::checks::{declare_check, Context, Run};
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
}

fn quotes_of<'a>(d: &'a Dispatch, idx: &[usize], lang: Lang) -> Vec<(usize, &'a Quote)> {
    idx.iter()
        .filter(|&&i| d.credits_index() != Some(i))
        .filter_map(|&i| d.paragraphs.get(i).map(|p| (i, p)))
        .flat_map(|(i, p)| p.quotes.iter().map(move |q| (i, q)))
        .filter(|(_, q)| {
            q.text.split_whitespace().count() >= MIN_WORDS && content_words(&q.text, lang) >= 1
        })
        .collect()
}

fn bead_quotes<'a>(cx: &'a Context<'_>, b: &Bead) -> BeadQuotes<'a> {
    BeadQuotes {
        fr: quotes_of(cx.fr, &b.fr, Lang::Fr),
        en: quotes_of(cx.en, &b.en, Lang::En),
        fr_text: bead_text(cx.fr, &b.fr),
        en_text: bead_text(cx.en, &b.en),
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
        .map(|a| (cx.snippet_coverage(&bq.fr[a].1.text, &bq.en_text).0, a))
        .collect();
    let mut en_left: Vec<(f64, usize)> = (0..bq.en.len())
        .filter(|&b| !en_used[b])
        .map(|b| (cx.snippet_coverage(&bq.fr_text, &bq.en[b].1.text).1, b))
        .collect();
    fr_left.sort_by(|x, y| x.0.total_cmp(&y.0));
    en_left.sort_by(|x, y| x.0.total_cmp(&y.0));
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
                c < RENDERED_COVERAGE || (is_statement(text) && content_words(text, lang) < 2)
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
    let (other, idx, other_lang) = match lang {
        Lang::Fr => (cx.en, &b.en, Lang::En),
        Lang::En => (cx.fr, &b.fr, Lang::Fr),
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
    if coverage(&q.text, &bead_text(other, &near)).0 >= RENDERED_COVERAGE
        && content_words(&q.text, lang) >= 2
    {
        return true;
    }
    if quotes_of(other, &near, other_lang).iter().any(|(_, o)| {
        let (a, b) = coverage(&q.text, &o.text);
        a.max(b) >= PAIR_COVERAGE
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
    !left_out.is_empty() && !quotes_of(other, &left_out, other_lang).is_empty()
}

/// A quotation that is a whole statement: it starts with a capital letter.
fn is_statement(text: &str) -> bool {
    text.chars()
        .find(|c| c.is_alphabetic())
        .is_some_and(char::is_uppercase)
}
