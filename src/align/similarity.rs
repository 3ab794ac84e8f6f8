//! Cross-lingual paragraph similarity from anchors and length.
//!
//! Each paragraph becomes a list of weighted tokens, each with the keys it can
//! match on the other side: numbers (`#1000.5`), names through the exonym table
//! (`N:beijing`), lexicon translations (`E:agreement` from `accord`), identical
//! folded words and 5-letter cognate prefixes. A token matches a paragraph group
//! when one of its keys is among the group's keys. Coverage of both sides,
//! weighted by inverse document frequency, makes the anchor score; a Gale–Church
//! style length factor tempers it.

use std::sync::{Arc, Mutex};

use rustc_hash::{FxHashMap, FxHashSet};

use crate::document::Dispatch;
use crate::lang::exonyms::ExonymTable;
use crate::lang::lexicon::Lexicon;
use crate::lang::stopwords::stopwords;
use crate::lang::text::{fold, words};
use crate::lang::Lang;
use crate::util::map_in_order;

mod keys;
mod words;
use keys::{token_keys, with_token_memo, DfKey, RawKey};
use words::unit_keys;
pub use words::{ParaSource, WordKeyCache};

/// Interned key id.
pub type Key = u32;

#[derive(Debug, Clone, Default)]
pub struct Token {
    pub weight: f32,
    /// This token's keys for matching the other side: `keys[start..end]` of its
    /// paragraph.
    pub start: u32,
    pub end: u32,
}

#[derive(Debug, Clone, Default)]
pub struct ParaFeatures {
    pub tokens: Vec<Token>,
    /// The tokens' keys, one run after another.
    pub keys: Vec<Key>,
    /// Every key any token offers (sorted, deduplicated).
    pub keyset: Vec<Key>,
    /// Bit `k % (64 × len)` set for every key `k` of the keyset: most lookups of
    /// a key the paragraph lacks stop here, without searching the keyset. As many
    /// words as the pair's keys need (up to [`SIGNATURE_WORDS_MAX`]), so for a
    /// dispatch a set bit is the answer (`exact`).
    pub signature: Box<[u64]>,
    /// Every key of the pair has a bit of its own in `signature`.
    pub exact: bool,
    pub chars: usize,
    pub total_weight: f32,
    /// The text this paragraph belongs to, made by one [`text_features`] call
    /// (one number for its French text, the next for its English one); 0 for
    /// features made otherwise.
    pub origin: u64,
    /// Its position in that text.
    pub index: u32,
    /// Per token, bit `j` set when paragraph `j` of the other text of the same
    /// call has one of the token's keys; empty when the other text has more than
    /// 64 paragraphs. [`coverage`] then tests one bit a token.
    pub matches: Box<[u64]>,
}

/// Origins of the texts [`text_features`] made, two per call (see
/// [`ParaFeatures::origin`]); 0 is never given.
static NEXT_ORIGIN: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(2);

/// Paragraphs of the other text a token-match bit set can name.
const MATCH_BITS: usize = 64;

/// First-seen numbering of raw keys, shared by both sides of a pair.
#[derive(Default)]
struct Interner {
    map: FxHashMap<RawKey, Key>,
}

impl Interner {
    fn id(&mut self, k: RawKey) -> Key {
        let n = self.map.len() as Key;
        *self.map.entry(k).or_insert(n)
    }
}

/// One paragraph's tokens before weighting: interned keys and the df key of each.
struct RawPara {
    /// (first key, end of keys, df key) per token
    tokens: Vec<(u32, u32, Option<DfKey>)>,
    keys: Vec<Key>,
    chars: usize,
}

/// Features of every paragraph of both dispatches, with shared interning and IDF.
pub fn features(
    fr: &Dispatch,
    en: &Dispatch,
    names: &ExonymTable,
) -> (Vec<ParaFeatures>, Vec<ParaFeatures>) {
    features_with(fr, en, names, &WordKeyCache::new(fr, en))
}

/// [`features`], keeping each paragraph's word keys in `cache` for the sentence
/// and clause features made later of the same pair.
pub fn features_with(
    fr: &Dispatch,
    en: &Dispatch,
    names: &ExonymTable,
    cache: &WordKeyCache<'_>,
) -> (Vec<ParaFeatures>, Vec<ParaFeatures>) {
    fn units<'a>(d: &'a Dispatch, cache: &'a WordKeyCache<'_>) -> Vec<TextUnit<'a>> {
        d.paragraphs
            .iter()
            .map(|p| TextUnit {
                text: d.body(p.index),
                cities: d
                    .dateline
                    .as_ref()
                    .filter(|dl| dl.paragraph == p.index)
                    .map_or(&[][..], |dl| dl.cities.as_slice()),
                para: cache.source(d, p.index),
            })
            .collect()
    }
    text_features(
        (&units(fr, cache), fr.lang),
        (&units(en, cache), en.lang),
        names,
    )
}

/// A text to make features of: a paragraph (with its dateline's cities, which
/// are anchors too: KABOUL = KABUL), or a sentence or clause of one.
#[derive(Clone, Copy)]
pub struct TextUnit<'a> {
    pub text: &'a str,
    pub cities: &'a [String],
    /// The paragraph `text` is part of, when its word keys are kept (see
    /// [`WordKeyCache`]).
    pub para: Option<ParaSource<'a>>,
}

/// Texts from which [`text_features`] makes their keys in parallel: the
/// paragraphs of a long document, or the sentences of a long pair. A dispatch
/// stays on the calling thread.
const PARALLEL_UNITS: usize = 256;

/// Features of two lists of texts, one per language, with shared interning and
/// IDF over each list (paragraphs of a dispatch, or the clauses of its sentences).
pub fn text_features(
    fr: (&[TextUnit<'_>], Lang),
    en: (&[TextUnit<'_>], Lang),
    names: &ExonymTable,
) -> (Vec<ParaFeatures>, Vec<ParaFeatures>) {
    let lex = Lexicon::global();
    let mut interner = Interner::default();
    // the keys of each text are made on their own (in parallel for long lists),
    // then interned in text order, so the ids are the same either way
    let mut build = |(units, lang): (&[TextUnit<'_>], Lang)| -> Vec<RawPara> {
        let long = units.len() >= PARALLEL_UNITS;
        let made = map_in_order(units, long, 32, |u| unit_keys(u, lang, names, lex));
        // room for every key at once (an upper bound: keys repeat)
        interner
            .map
            .reserve(made.iter().map(|u| u.keys.len()).sum::<usize>());
        made.into_iter()
            .map(|u| RawPara {
                tokens: u.tokens,
                keys: u.keys.into_iter().map(|r| interner.id(r)).collect(),
                chars: u.chars,
            })
            .collect()
    };
    let fr_raw = build(fr);
    let en_raw = build(en);
    let keys = interner.map.len();
    let sig_words = signature_words(keys);
    let exact = sig_words * 64 >= keys;
    let origin = NEXT_ORIGIN.fetch_add(2, std::sync::atomic::Ordering::Relaxed);
    // for each key, the paragraphs of a text that have it (texts of up to 64)
    let holders = |raw: &[RawPara]| -> Option<Vec<u64>> {
        (raw.len() <= MATCH_BITS).then(|| {
            let mut by_key = vec![0u64; keys];
            for (j, p) in raw.iter().enumerate() {
                for &k in &p.keys {
                    by_key[k as usize] |= 1 << j;
                }
            }
            by_key
        })
    };
    let (fr_holders, en_holders) = (holders(&fr_raw), holders(&en_raw));
    let finish = |raw: Vec<RawPara>, origin: u64, other: Option<&[u64]>| -> Vec<ParaFeatures> {
        let n = raw.len().max(1) as f32;
        let mut df: FxHashMap<RawKey, usize> = FxHashMap::default();
        let mut uniq: FxHashSet<RawKey> = FxHashSet::default();
        for p in &raw {
            uniq.clear();
            uniq.extend(p.tokens.iter().filter_map(|(_, _, d)| d.map(|d| d.key)));
            for &u in &uniq {
                *df.entry(u).or_default() += 1;
            }
        }
        raw.into_iter()
            .enumerate()
            .map(|(index, p)| {
                let matches: Box<[u64]> = match other {
                    Some(by_key) => p
                        .tokens
                        .iter()
                        .map(|&(start, end, _)| {
                            p.keys[start as usize..end as usize]
                                .iter()
                                .fold(0, |m, &k| m | by_key[k as usize])
                        })
                        .collect(),
                    None => Box::default(),
                };
                let tokens: Vec<Token> = p
                    .tokens
                    .into_iter()
                    .map(|(start, end, dk)| {
                        let d = dk.and_then(|d| df.get(&d.key)).copied().unwrap_or(1) as f32;
                        let mut w = (1.0 + n / d).ln();
                        if dk.is_some_and(|d| d.number) {
                            w *= 1.5;
                        }
                        Token {
                            weight: w,
                            start,
                            end,
                        }
                    })
                    .collect();
                let mut keyset: Vec<Key> = p.keys.clone();
                keyset.sort_unstable();
                keyset.dedup();
                let total_weight = tokens.iter().map(|t| t.weight).sum();
                let signature = signature(&keyset, sig_words);
                ParaFeatures {
                    tokens,
                    keys: p.keys,
                    keyset,
                    signature,
                    exact,
                    chars: p.chars,
                    total_weight,
                    origin,
                    index: index as u32,
                    matches,
                }
            })
            .collect()
    };
    (
        finish(fr_raw, origin, en_holders.as_deref()),
        finish(en_raw, origin + 1, fr_holders.as_deref()),
    )
}

/// The longest signature, in 64-bit words (4,096 bits, 512 bytes a text): a
/// dispatch's keys fit, a long document's share bits.
const SIGNATURE_WORDS_MAX: usize = 64;

/// A signature's length in words for a pair with `keys` keys (a power of two).
fn signature_words(keys: usize) -> usize {
    keys.div_ceil(64)
        .next_power_of_two()
        .clamp(8, SIGNATURE_WORDS_MAX)
}

fn signature(keyset: &[Key], words: usize) -> Box<[u64]> {
    let mut sig = vec![0u64; words];
    for &k in keyset {
        sig[(k as usize >> 6) & (words - 1)] |= 1 << (k & 63);
    }
    sig.into_boxed_slice()
}

fn has(p: &ParaFeatures, k: Key) -> bool {
    let i = (k as usize >> 6) & p.signature.len().wrapping_sub(1);
    match p.signature.get(i) {
        Some(w) if w & (1 << (k & 63)) != 0 => p.exact || p.keyset.binary_search(&k).is_ok(),
        _ => false,
    }
}

/// Weighted share of `side`'s tokens that match any of `other` paragraphs:
/// `(matched weight, total weight)`.
pub fn coverage(side: &[&ParaFeatures], other: &[&ParaFeatures]) -> (f32, f32) {
    // the two texts of one call, the other of up to 64 paragraphs: a token is one bit
    if let Some(bits) = other_bits(side, other) {
        let mut matched = 0.0;
        let mut total = 0.0;
        for p in side {
            for (t, &m) in p.tokens.iter().zip(p.matches.iter()) {
                total += t.weight;
                if m & bits != 0 {
                    matched += t.weight;
                }
            }
        }
        return (matched, total);
    }
    // the usual case, one exact paragraph on the other side: a key is one bit
    if let [o] = other {
        if o.exact {
            return coverage_with(side, |k| {
                o.signature
                    .get(k as usize >> 6)
                    .is_some_and(|w| w & (1 << (k & 63)) != 0)
            });
        }
    }
    coverage_with(side, |k| other.iter().any(|o| has(o, k)))
}

/// The bits of `other`'s paragraphs in the token matches of `side`, when every
/// paragraph of `side` has them for the text `other` is from.
fn other_bits(side: &[&ParaFeatures], other: &[&ParaFeatures]) -> Option<u64> {
    let origin = side.first()?.origin;
    if origin == 0
        || side
            .iter()
            .any(|p| p.origin != origin || p.matches.len() != p.tokens.len())
    {
        return None;
    }
    let mut bits = 0u64;
    for o in other {
        if o.origin != origin ^ 1 || o.index as usize >= MATCH_BITS {
            return None;
        }
        bits |= 1 << o.index;
    }
    Some(bits)
}

/// [`coverage`] of `side` with `found` telling whether the other side has a key.
#[inline(always)]
fn coverage_with(side: &[&ParaFeatures], found: impl Fn(Key) -> bool) -> (f32, f32) {
    let mut matched = 0.0;
    let mut total = 0.0;
    for p in side {
        for t in &p.tokens {
            total += t.weight;
            if p.keys[t.start as usize..t.end as usize]
                .iter()
                .any(|&k| found(k))
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
    let cf: usize = fr.iter().map(|p| p.chars).sum();
    let ce: usize = en.iter().map(|p| p.chars).sum();
    combine(mf + me, tf + te, cf, ce)
}

/// The similarity from matched and total weights and the two lengths in chars.
fn combine(matched: f32, total: f32, cf: usize, ce: usize) -> f64 {
    if total <= 0.0 {
        return 0.0;
    }
    let anchor = (matched / total) as f64;
    let lr = ((cf.max(1) as f64 / ce.max(1) as f64) / LENGTH_RATIO).ln();
    let len = (-(lr * lr) / (2.0 * LENGTH_SIGMA * LENGTH_SIGMA)).exp();
    anchor * (0.6 + 0.4 * len)
}

/// Keys of one snippet of text (a quotation, a clause), unweighted: the keys of
/// each content word.
fn snippet_tokens(text: &str, lang: Lang, names: &ExonymTable) -> Vec<Vec<RawKey>> {
    let lex = Lexicon::global();
    let mut fold_buf = String::new();
    let mut out = Vec::new();
    with_token_memo(names, lex, |mut memo| {
        for w in words(text) {
            let mut raw = Vec::new();
            if token_keys(&mut memo, w.text, lang, names, lex, &mut fold_buf, &mut raw).is_some() {
                out.push(raw);
            }
        }
    });
    out
}

/// The keys of a snippet and their union, for [`SnippetCache`].
struct SnippetKeys {
    tokens: Vec<Vec<RawKey>>,
    set: FxHashSet<RawKey>,
}

impl SnippetKeys {
    fn of(text: &str, lang: Lang, names: &ExonymTable) -> SnippetKeys {
        let tokens = snippet_tokens(text, lang, names);
        let set = tokens.iter().flatten().copied().collect();
        SnippetKeys { tokens, set }
    }

    /// Share of these tokens that find a key in `other`.
    fn coverage(&self, other: &SnippetKeys) -> f64 {
        if self.tokens.is_empty() {
            return 0.0;
        }
        self.tokens
            .iter()
            .filter(|t| t.iter().any(|k| other.set.contains(k)))
            .count() as f64
            / self.tokens.len() as f64
    }
}

/// Snippet keys for one pair's checks: the quotation checks compare the same
/// quotations and paragraphs again and again, so each text's keys are made once.
/// Shared by the checks of a pair, which may run on several threads.
#[derive(Default)]
pub struct SnippetCache {
    fr: Mutex<FxHashMap<String, Arc<SnippetKeys>>>,
    en: Mutex<FxHashMap<String, Arc<SnippetKeys>>>,
}

impl SnippetCache {
    fn keys(&self, text: &str, lang: Lang, names: &ExonymTable) -> Arc<SnippetKeys> {
        let map = match lang {
            Lang::Fr => &self.fr,
            Lang::En => &self.en,
        };
        // a poisoned lock only means another check panicked: the map is still whole
        let lock = || map.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(k) = lock().get(text) {
            return Arc::clone(k);
        }
        // made outside the lock; two checks making the same keys at once keep the later
        let k = Arc::new(SnippetKeys::of(text, lang, names));
        lock().insert(text.to_string(), Arc::clone(&k));
        k
    }

    /// Share of the French snippet's content words that find a match in the
    /// English text, and of the English snippet's that find one in the French
    /// text: `(fr_coverage, en_coverage)`. Used to pair quotations across
    /// languages.
    pub fn coverage(&self, fr: &str, en: &str, names: &ExonymTable) -> (f64, f64) {
        let (f, e) = (
            self.keys(fr, Lang::Fr, names),
            self.keys(en, Lang::En, names),
        );
        (f.coverage(&e), e.coverage(&f))
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    fn para(keys: &[Key], words: usize, exact: bool) -> ParaFeatures {
        let mut keyset = keys.to_vec();
        keyset.sort_unstable();
        keyset.dedup();
        ParaFeatures {
            signature: signature(&keyset, words),
            keyset,
            exact,
            ..ParaFeatures::default()
        }
    }

    #[test]
    fn a_key_is_found_exactly_when_the_paragraph_has_it_whatever_the_signature() {
        let keys: Vec<Key> = (0..3000).step_by(7).collect();
        // 3,000 keys: 47 words needed, 64 given: exact
        assert_eq!(signature_words(3000), 64);
        // 10,000 keys: more than 64 words' worth, bits shared, the keyset decides
        assert_eq!(signature_words(10_000), SIGNATURE_WORDS_MAX);
        assert_eq!(signature_words(10), 8);
        let exact = para(&keys, signature_words(3000), true);
        let shared = para(&keys, 8, false);
        for k in 0..3000 {
            let want = k % 7 == 0;
            assert_eq!(has(&exact, k), want, "key {k}, exact signature");
            assert_eq!(has(&shared, k), want, "key {k}, shared bits");
        }
        assert!(!has(&ParaFeatures::default(), 0));
    }

    /// Coverage by looking each key up in the other paragraphs, as it is done
    /// without token-match bits.
    fn coverage_by_keys(side: &[&ParaFeatures], other: &[&ParaFeatures]) -> (f32, f32) {
        coverage_with(side, |k| other.iter().any(|o| has(o, k)))
    }

    fn texts(n: usize, lang: Lang) -> Vec<String> {
        let (fr, en) = (
            [
                "Le ministre a signé l'accord à Paris",
                "La grève a coûté 3 millions d'euros",
                "Les pêcheurs de Brest attendent",
            ],
            [
                "The minister signed the agreement in Paris",
                "The strike cost 3 million euros",
                "Brest fishermen are waiting",
            ],
        );
        (0..n)
            .map(|i| {
                let base = if lang == Lang::Fr {
                    fr[i % 3]
                } else {
                    en[i % 3]
                };
                format!("{base} ({i} jours, Zorglub{i})")
            })
            .collect()
    }

    fn feats(fr: &[String], en: &[String]) -> (Vec<ParaFeatures>, Vec<ParaFeatures>) {
        fn unit(t: &str) -> TextUnit<'_> {
            TextUnit {
                text: t,
                cities: &[],
                para: None,
            }
        }
        let (fu, eu): (Vec<_>, Vec<_>) = (
            fr.iter().map(|t| unit(t)).collect(),
            en.iter().map(|t| unit(t)).collect(),
        );
        text_features((&fu, Lang::Fr), (&eu, Lang::En), ExonymTable::global())
    }

    #[test]
    fn token_match_bits_give_the_coverage_key_lookups_give() {
        // 5 x 7 paragraphs: bits; 5 x 70: the English text is past 64, keys
        for m in [7, 70] {
            let (fr, en) = (texts(5, Lang::Fr), texts(m, Lang::En));
            let (ff, ef) = feats(&fr, &en);
            assert_eq!(
                ff.iter().all(|p| p.matches.len() == p.tokens.len()),
                m <= 64
            );
            let groups = |f: &[ParaFeatures]| -> Vec<Vec<usize>> {
                (0..f.len())
                    .flat_map(|i| [vec![i], vec![i, (i + 1) % f.len()]])
                    .collect()
            };
            for g in groups(&ff) {
                for h in groups(&ef) {
                    let side: Vec<&ParaFeatures> = g.iter().map(|&i| &ff[i]).collect();
                    let other: Vec<&ParaFeatures> = h.iter().map(|&j| &ef[j]).collect();
                    for (a, b) in [(&side, &other), (&other, &side)] {
                        let (got, want) = (coverage(a, b), coverage_by_keys(a, b));
                        assert_eq!(got.0.to_bits(), want.0.to_bits(), "{g:?} {h:?}");
                        assert_eq!(got.1.to_bits(), want.1.to_bits(), "{g:?} {h:?}");
                    }
                }
            }
            // a pair shares more with its translation than with another paragraph
            let share = |j: usize| {
                let (m, t) = coverage(&[&ff[0]], &[&ef[j]]);
                m / t
            };
            assert!(
                share(0) > share(1) && share(1) > 0.0,
                "{} {}",
                share(0),
                share(1)
            );
        }
    }

    #[test]
    fn paragraphs_of_another_call_or_the_same_text_are_looked_up_by_key() {
        let (fr, en) = (texts(3, Lang::Fr), texts(3, Lang::En));
        let (ff, ef) = feats(&fr, &en);
        let (ff2, ef2) = feats(&fr[1..], &en[1..]);
        // ef2[0] is en[1] of another call (keys interned apart, its index 0 is not
        // en[0]'s bit here): never read through the bits
        assert!(other_bits(&[&ff[0]], &[&ef2[0]]).is_none());
        assert!(other_bits(&[&ff[0]], &[&ff[1]]).is_none());
        assert!(other_bits(&[&ef[0]], &[&ff[0], &ff[2]]) == Some(0b101));
        for (a, b) in [(&ff[0], &ef2[0]), (&ff2[0], &ef[2]), (&ff[0], &ff[1])] {
            assert_eq!(coverage(&[a], &[b]), coverage_by_keys(&[a], &[b]));
        }
    }
}
