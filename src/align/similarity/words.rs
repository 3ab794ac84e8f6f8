//! The keys of a text's words, and the cache that reads each paragraph's words
//! once for a pair: the sentence and clause features take their share of their
//! paragraph's keys.

use std::ops::Range;
use std::sync::OnceLock;

use super::keys::{raw_key, token_keys, with_token_memo, DfKey, RawKey};
use super::TextUnit;
use crate::document::Dispatch;
use crate::lang::exonyms::ExonymTable;
use crate::lang::lexicon::Lexicon;
use crate::lang::text::{fold, words};
use crate::lang::Lang;

/// One text's tokens and keys before interning.
#[derive(Clone)]
pub(super) struct UnitKeys {
    /// (first key, end of keys, df key) per token
    pub tokens: Vec<(u32, u32, Option<DfKey>)>,
    pub keys: Vec<RawKey>,
    pub chars: usize,
}

/// The word keys of every paragraph of a pair, made once: the paragraph
/// features make them, and the sentence and clause features of the same
/// paragraphs take their share instead of reading the words again.
pub struct WordKeyCache<'d> {
    /// The two dispatches it is for (told apart by address), French then English.
    sides: [(&'d Dispatch, Vec<OnceLock<ParaWords>>); 2],
}

impl<'d> WordKeyCache<'d> {
    pub fn new(fr: &'d Dispatch, en: &'d Dispatch) -> WordKeyCache<'d> {
        let side = |d: &'d Dispatch| {
            (
                d,
                (0..d.paragraphs.len()).map(|_| OnceLock::new()).collect(),
            )
        };
        WordKeyCache {
            sides: [side(fr), side(en)],
        }
    }

    /// Where a part of paragraph `p` of `d` finds its paragraph's word keys
    /// (`None` for a dispatch this cache is not for).
    pub fn source<'a>(&'a self, d: &'a Dispatch, p: usize) -> Option<ParaSource<'a>> {
        let (_, cells) = self.sides.iter().find(|(at, _)| std::ptr::eq(*at, d))?;
        Some(ParaSource {
            cell: cells.get(p)?,
            body: d.body(p),
        })
    }
}

/// A unit's paragraph (its whole text), whose bytes the unit's text is.
#[derive(Clone, Copy)]
pub struct ParaSource<'a> {
    cell: &'a OnceLock<ParaWords>,
    body: &'a str,
}

impl ParaSource<'_> {
    /// Where `text` starts in the paragraph, if it is the paragraph's own bytes
    /// (addresses compared: a copy of them is not).
    fn offset_of(&self, text: &str) -> Option<usize> {
        let at = (text.as_ptr() as usize).checked_sub(self.body.as_ptr() as usize)?;
        (at + text.len() <= self.body.len()).then_some(at)
    }
}

/// One paragraph's word keys, for the table and language they were made with.
struct ParaWords {
    revision: u64,
    lang: Lang,
    /// The words' keys, as [`word_keys`] makes them.
    words: UnitKeys,
    /// Every word and multiword name read, with or without keys (a function
    /// word has none): its byte span and how many tokens of `words` come before.
    spans: Vec<WordSpan>,
}

#[derive(Clone, Copy)]
struct WordSpan {
    start: u32,
    end: u32,
    tokens_before: u32,
}

impl ParaWords {
    /// The tokens of `words` lying in bytes `lo..hi`, unless a word (or a
    /// multiword name) crosses either end: that text read alone could differ there.
    fn within(&self, lo: usize, hi: usize) -> Option<Range<usize>> {
        let (lo, hi) = (u32::try_from(lo).ok()?, u32::try_from(hi).ok()?);
        let a = self.spans.partition_point(|s| s.start < lo);
        let b = self.spans.partition_point(|s| s.start < hi);
        let crosses = |i: usize, at: u32| i > 0 && self.spans[i - 1].end > at;
        let before = |i: usize| {
            self.spans
                .get(i)
                .map_or(self.words.tokens.len(), |s| s.tokens_before as usize)
        };
        (!crosses(a, lo) && !crosses(b, hi)).then(|| before(a)..before(b))
    }
}

pub(super) fn unit_keys(
    u: &TextUnit<'_>,
    lang: Lang,
    names: &ExonymTable,
    lex: &Lexicon,
) -> UnitKeys {
    let mut out = UnitKeys {
        tokens: Vec::new(),
        keys: Vec::new(),
        chars: 0,
    };
    for city in u.cities {
        let key = names
            .canonical(city)
            .map_or_else(|| raw_key(b'W', &fold(city)), |c| raw_key(b'N', c));
        out.keys.push(key);
        let end = out.keys.len() as u32;
        out.tokens
            .push((end - 1, end, Some(DfKey { key, number: false })));
    }
    // the share of the paragraph's word keys, when they are kept and line up
    if let Some(src) = u.para {
        let pw = src.cell.get_or_init(|| {
            let (words, spans) = word_keys(src.body, lang, names, lex);
            ParaWords {
                revision: names.revision(),
                lang,
                words,
                spans,
            }
        });
        let range = src
            .offset_of(u.text)
            .filter(|_| pw.revision == names.revision() && pw.lang == lang)
            .and_then(|at| pw.within(at, at + u.text.len()));
        if let Some(range) = range {
            out.append(&pw.words, range);
            out.chars = u.text.chars().count();
            return out;
        }
    }
    let (words, _) = word_keys(u.text, lang, names, lex);
    if out.tokens.is_empty() {
        return words;
    }
    out.append(&words, 0..words.tokens.len());
    out.chars = words.chars;
    out
}

impl UnitKeys {
    /// Add tokens `range` of `from` after this one's. Their keys lie one after
    /// another: one copy, offsets moved.
    fn append(&mut self, from: &UnitKeys, range: Range<usize>) {
        let tokens = &from.tokens[range];
        let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else {
            return;
        };
        let shift = self.keys.len() as u32;
        self.keys
            .extend_from_slice(&from.keys[first.0 as usize..last.1 as usize]);
        self.tokens.extend(
            tokens
                .iter()
                .map(|&(a, b, df)| (a - first.0 + shift, b - first.0 + shift, df)),
        );
    }
}

/// The keys of a text's words, and the span of every word read.
fn word_keys(
    text: &str,
    lang: Lang,
    names: &ExonymTable,
    lex: &Lexicon,
) -> (UnitKeys, Vec<WordSpan>) {
    with_token_memo(names, lex, |mut memo| {
        let mut fold_buf = String::new();
        let mut raw = Vec::new();
        let mut toks: Vec<(u32, u32, Option<DfKey>)> = Vec::new();
        let mut keys: Vec<RawKey> = Vec::new();
        let ws = words(text);
        let mut spans: Vec<WordSpan> = Vec::with_capacity(ws.len());
        toks.reserve(ws.len());
        keys.reserve(ws.len() * 3);
        let mut k = 0;
        while k < ws.len() {
            raw.clear();
            // multiword names (New Delhi, Le Caire, Wall Street): longest match first
            let mut consumed = 1;
            let mut df = None;
            for n in (2..=names.max_words().min(4)).rev() {
                if k + n <= ws.len() && ws[k].text.chars().next().is_some_and(char::is_uppercase) {
                    let span = &text[ws[k].start..ws[k + n - 1].end()];
                    if let Some(c) = names.canonical(span) {
                        raw.push(raw_key(b'N', c));
                        let w = raw_key(b'W', &fold(span));
                        raw.push(w);
                        df = Some(DfKey {
                            key: w,
                            number: false,
                        });
                        consumed = n;
                        break;
                    }
                }
            }
            if consumed == 1 {
                df = token_keys(
                    &mut memo,
                    ws[k].text,
                    lang,
                    names,
                    lex,
                    &mut fold_buf,
                    &mut raw,
                );
            }
            spans.push(WordSpan {
                start: ws[k].start as u32,
                end: ws[k + consumed - 1].end() as u32,
                tokens_before: toks.len() as u32,
            });
            if df.is_some() {
                let start = keys.len() as u32;
                keys.extend_from_slice(&raw);
                toks.push((start, keys.len() as u32, df));
            }
            k += consumed;
        }
        (
            UnitKeys {
                tokens: toks,
                keys,
                chars: text.chars().count(),
            },
            spans,
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Per token: its keys, and its df key with whether it is a number.
    type TokenKeys = (Vec<RawKey>, Option<(RawKey, bool)>);

    fn keys_of(u: &UnitKeys) -> Vec<TokenKeys> {
        u.tokens
            .iter()
            .map(|&(a, b, df)| {
                (
                    u.keys[a as usize..b as usize].to_vec(),
                    df.map(|d| (d.key, d.number)),
                )
            })
            .collect()
    }

    #[test]
    fn a_part_of_a_paragraph_has_the_keys_it_has_read_alone() {
        use crate::document::{Document, Format};
        let doc = |t: &str, lang| {
            Dispatch::parse(
                &Document::from_text("x.txt", String::new(), t, Format::Text),
                lang,
            )
        };
        let fr = doc(
            "Le président de la Banque mondiale, arrivé à New York lundi, a vu l'ambassadeur \
             du sud-est ; 1 500 personnes l’attendaient à Nouvelle-Delhi, selon l'AFP.",
            Lang::Fr,
        );
        let en = doc(
            "The World Bank president, who arrived in New York on Monday, met the envoy.",
            Lang::En,
        );
        let cache = WordKeyCache::new(&fr, &en);
        let (names, lex) = (ExonymTable::global(), Lexicon::global());
        let mut parts = [0; 2];
        for d in [&fr, &en] {
            let body = d.body(0);
            // every cut on a character boundary: in a word, between the two words
            // of `New York`, inside `sud-est` and `l’attendaient`
            let cuts: Vec<usize> = (0..=body.len())
                .filter(|&i| body.is_char_boundary(i))
                .collect();
            for (n, &x) in cuts.iter().enumerate() {
                for &y in cuts[n + 1..].iter().step_by(3) {
                    let text = &body[x..y];
                    let alone = TextUnit {
                        text,
                        cities: &[],
                        para: None,
                    };
                    let part = TextUnit {
                        para: cache.source(d, 0),
                        ..alone
                    };
                    let (a, p) = (
                        unit_keys(&alone, d.lang, names, lex),
                        unit_keys(&part, d.lang, names, lex),
                    );
                    assert_eq!(keys_of(&a), keys_of(&p), "{text:?}");
                    assert_eq!(a.chars, p.chars);
                    let pw = cache.source(d, 0).and_then(|s| s.cell.get()).unwrap();
                    parts[usize::from(pw.within(x, y).is_some())] += 1;
                }
            }
        }
        // both ways taken: read again where a word crosses a cut, shared elsewhere
        assert!(parts[0] > 300 && parts[1] > 300, "{parts:?}");
        // a text that is not the paragraph's own bytes is read alone: a copy of
        // `arrivé`, which has no place in the paragraph to take a share from
        let body = fr.body(0);
        let copy = body[body.find("arrivé").unwrap()..][..7].to_string();
        let alone = TextUnit {
            text: &copy,
            cities: &[],
            para: None,
        };
        let copied = TextUnit {
            para: cache.source(&fr, 0),
            ..alone
        };
        let keys = keys_of(&unit_keys(&copied, Lang::Fr, names, lex));
        assert!(!keys.is_empty());
        assert_eq!(keys, keys_of(&unit_keys(&alone, Lang::Fr, names, lex)));
        // a dispatch the cache is not for has no share
        let other = doc("Un autre texte.", Lang::Fr);
        assert!(cache.source(&other, 0).is_none());
        assert!(cache.source(&fr, 5).is_none());
    }
}
