//! Cross-lingual paragraph similarity from anchors and length.
//!
//! Each paragraph becomes a list of weighted tokens, each with the keys it can
//! match on the other side: numbers (`#1000.5`), names through the exonym table
//! (`N:beijing`), lexicon translations (`E:agreement` from `accord`), identical
//! folded words and 5-letter cognate prefixes. A token matches a paragraph group
//! when one of its keys is among the group's keys. Coverage of both sides,
//! weighted by inverse document frequency, makes the anchor score; a Gale–Church
//! style length factor tempers it.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::document::Dispatch;
use crate::lang::exonyms::ExonymTable;
use crate::lang::lexicon::{en_stem, fr_stem, Lexicon};
use crate::lang::text::{fold, words};
use crate::lang::Lang;

/// Interned key id.
pub type Key = u32;

#[derive(Debug, Clone, Default)]
pub struct Token {
    pub weight: f32,
    /// Keys this token offers for matching the other side.
    pub keys: Vec<Key>,
}

#[derive(Debug, Clone, Default)]
pub struct ParaFeatures {
    pub tokens: Vec<Token>,
    /// Every key any token offers (sorted, deduplicated).
    pub keyset: Vec<Key>,
    pub chars: usize,
    pub total_weight: f32,
}

/// Function words of a language, folded.
fn stopwords(lang: Lang) -> &'static HashSet<String> {
    static FR: OnceLock<HashSet<String>> = OnceLock::new();
    static EN: OnceLock<HashSet<String>> = OnceLock::new();
    let load = |data: &str| data.split_whitespace().map(fold).collect();
    match lang {
        Lang::Fr => FR.get_or_init(|| load(include_str!("../lang/stopwords_fr.txt"))),
        Lang::En => EN.get_or_init(|| load(include_str!("../lang/stopwords_en.txt"))),
    }
}

#[derive(Default)]
struct Interner {
    map: HashMap<String, Key>,
}

impl Interner {
    fn id(&mut self, s: String) -> Key {
        let n = self.map.len() as Key;
        *self.map.entry(s).or_insert(n)
    }
}

/// Raw token keys before interning.
fn token_keys(
    word: &str,
    lang: Lang,
    names: &ExonymTable,
    lex: &Lexicon,
    out: &mut Vec<String>,
) -> bool {
    let f = fold(word);
    if f.chars()
        .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        let digits: String = f.chars().filter(|c| c.is_ascii_digit()).collect();
        if digits.is_empty() {
            return false;
        }
        out.push(format!("#{}", digits.trim_start_matches('0')));
        return true;
    }
    if stopwords(lang).contains(f.as_str()) || f.chars().count() < 2 {
        return false;
    }
    // names only when written as names: `Chili` the country, not `chili` the dish
    if word.chars().next().is_some_and(char::is_uppercase) {
        if let Some(c) = names.canonical(word) {
            out.push(format!("N:{c}"));
        }
    }
    out.push(format!("W:{f}"));
    let stem = match lang {
        Lang::Fr => fr_stem(&f),
        Lang::En => en_stem(&f),
    };
    if stem.chars().count() >= 5 {
        out.push(format!("P:{}", stem.chars().take(5).collect::<String>()));
    }
    match lang {
        Lang::Fr => {
            for t in lex.translations(&f) {
                out.push(format!("E:{t}"));
            }
        }
        Lang::En => out.push(format!("E:{stem}")),
    }
    true
}

/// Features of every paragraph of both dispatches, with shared interning and IDF.
pub fn features(
    fr: &Dispatch,
    en: &Dispatch,
    names: &ExonymTable,
) -> (Vec<ParaFeatures>, Vec<ParaFeatures>) {
    let lex = Lexicon::global();
    let mut interner = Interner::default();
    let mut build = |d: &Dispatch| -> Vec<(Vec<Vec<Key>>, usize, Vec<String>)> {
        d.paragraphs
            .iter()
            .map(|p| {
                let text = match &d.dateline {
                    Some(dl) if dl.paragraph == p.index => p.text.get(dl.len..).unwrap_or(&p.text),
                    _ => p.text.as_str(),
                };
                let mut toks = Vec::new();
                let mut ids_for_df = Vec::new();
                // the dateline's cities are anchors too (KABOUL = KABUL)
                if let Some(dl) = d.dateline.as_ref().filter(|dl| dl.paragraph == p.index) {
                    for city in &dl.cities {
                        let key = names
                            .canonical(city)
                            .map_or_else(|| format!("W:{}", fold(city)), |c| format!("N:{c}"));
                        ids_for_df.push(key.clone());
                        toks.push(vec![interner.id(key)]);
                    }
                }
                let ws = words(text);
                let mut k = 0;
                while k < ws.len() {
                    let mut raw = Vec::new();
                    // multiword names (New Delhi, Le Caire, Wall Street): longest match first
                    let mut consumed = 1;
                    for n in (2..=names.max_words().min(4)).rev() {
                        if k + n <= ws.len()
                            && ws[k].text.chars().next().is_some_and(char::is_uppercase)
                        {
                            let span = &text[ws[k].start..ws[k + n - 1].end()];
                            if let Some(c) = names.canonical(span) {
                                raw.push(format!("N:{c}"));
                                raw.push(format!("W:{}", fold(span)));
                                consumed = n;
                                break;
                            }
                        }
                    }
                    if consumed == 1 && !token_keys(ws[k].text, d.lang, names, lex, &mut raw) {
                        k += 1;
                        continue;
                    }
                    ids_for_df.push(
                        raw.iter()
                            .find(|s| s.starts_with('W') || s.starts_with('#'))
                            .cloned()
                            .unwrap_or_default(),
                    );
                    toks.push(
                        raw.into_iter()
                            .map(|s| interner.id(s))
                            .collect::<Vec<Key>>(),
                    );
                    k += consumed;
                }
                (toks, text.chars().count(), ids_for_df)
            })
            .collect()
    };
    let fr_raw = build(fr);
    let en_raw = build(en);
    let finish = |raw: Vec<(Vec<Vec<Key>>, usize, Vec<String>)>| -> Vec<ParaFeatures> {
        let n = raw.len().max(1) as f32;
        let mut df: HashMap<&str, usize> = HashMap::new();
        for (_, _, ids) in &raw {
            let uniq: HashSet<&str> = ids.iter().map(String::as_str).collect();
            for u in uniq {
                *df.entry(u).or_default() += 1;
            }
        }
        raw.iter()
            .map(|(toks, chars, ids)| {
                let tokens: Vec<Token> = toks
                    .iter()
                    .zip(ids)
                    .map(|(keys, id)| {
                        let d = *df.get(id.as_str()).unwrap_or(&1) as f32;
                        let mut w = (1.0 + n / d).ln();
                        if id.starts_with('#') {
                            w *= 1.5;
                        }
                        Token {
                            weight: w,
                            keys: keys.clone(),
                        }
                    })
                    .collect();
                let mut keyset: Vec<Key> =
                    tokens.iter().flat_map(|t| t.keys.iter().copied()).collect();
                keyset.sort_unstable();
                keyset.dedup();
                let total_weight = tokens.iter().map(|t| t.weight).sum();
                ParaFeatures {
                    tokens,
                    keyset,
                    chars: *chars,
                    total_weight,
                }
            })
            .collect()
    };
    (finish(fr_raw), finish(en_raw))
}

fn has(keyset: &[Key], k: Key) -> bool {
    keyset.binary_search(&k).is_ok()
}

/// Weighted share of `side`'s tokens that match any of `other` paragraphs.
fn coverage(side: &[&ParaFeatures], other: &[&ParaFeatures]) -> (f32, f32) {
    let mut matched = 0.0;
    let mut total = 0.0;
    for p in side {
        for t in &p.tokens {
            total += t.weight;
            if t.keys
                .iter()
                .any(|&k| other.iter().any(|o| has(&o.keyset, k)))
            {
                matched += t.weight;
            }
        }
    }
    (matched, total)
}

/// French characters per English character in news translation.
const LENGTH_RATIO: f64 = 1.15;
const LENGTH_SIGMA: f64 = 0.45;

/// Similarity of a French paragraph group with an English one, in [0, 1].
pub fn similarity(fr: &[&ParaFeatures], en: &[&ParaFeatures]) -> f64 {
    let (mf, tf) = coverage(fr, en);
    let (me, te) = coverage(en, fr);
    let total = tf + te;
    if total <= 0.0 {
        return 0.0;
    }
    let anchor = ((mf + me) / total) as f64;
    let cf: usize = fr.iter().map(|p| p.chars).sum();
    let ce: usize = en.iter().map(|p| p.chars).sum();
    let lr = ((cf.max(1) as f64 / ce.max(1) as f64) / LENGTH_RATIO).ln();
    let len = (-(lr * lr) / (2.0 * LENGTH_SIGMA * LENGTH_SIGMA)).exp();
    anchor * (0.6 + 0.4 * len)
}

/// Keys of one snippet of text (a quotation, a clause), unweighted.
fn snippet_tokens(text: &str, lang: Lang, names: &ExonymTable) -> Vec<Vec<String>> {
    let lex = Lexicon::global();
    let mut out = Vec::new();
    for w in words(text) {
        let mut raw = Vec::new();
        if token_keys(w.text, lang, names, lex, &mut raw) {
            out.push(raw);
        }
    }
    out
}

/// Share of the French snippet's content words that find a match in the English
/// text, and of the English snippet's that find one in the French text:
/// `(fr_coverage, en_coverage)`. Used to pair quotations across languages.
pub fn snippet_coverage(fr: &str, en: &str, names: &ExonymTable) -> (f64, f64) {
    let ft = snippet_tokens(fr, Lang::Fr, names);
    let et = snippet_tokens(en, Lang::En, names);
    let fset: HashSet<&String> = ft.iter().flatten().collect();
    let eset: HashSet<&String> = et.iter().flatten().collect();
    let cov = |toks: &Vec<Vec<String>>, other: &HashSet<&String>| -> f64 {
        if toks.is_empty() {
            return 0.0;
        }
        toks.iter()
            .filter(|t| t.iter().any(|k| other.contains(k)))
            .count() as f64
            / toks.len() as f64
    };
    (cov(&ft, &eset), cov(&et, &fset))
}

/// Number of content words in a snippet.
pub fn content_words(text: &str, lang: Lang) -> usize {
    words(text)
        .iter()
        .filter(|w| {
            let f = fold(w.text);
            f.chars().count() >= 2 && !stopwords(lang).contains(f.as_str())
        })
        .count()
}

/// Is this folded word a function word of the language?
pub fn is_stopword(folded: &str, lang: Lang) -> bool {
    stopwords(lang).contains(folded)
}
