//! The keys a word offers to paragraph similarity (its number, name, folded
//! word, cognate prefix and English stems), hashed, and remembered per thread.

use std::hash::Hasher;

use rustc_hash::FxHasher;
use smallvec::SmallVec;

use crate::lang::exonyms::ExonymTable;
use crate::lang::lexicon::{en_stem, fr_stem, Lexicon};
use crate::lang::stopwords::stopwords;
use crate::lang::text::fold_into;
use crate::lang::Lang;
use crate::util::WordMemo;

/// A raw key: a 64-bit hash of its kind and text (`W` + `accord`), so keys are
/// made without building strings. Kinds: `#` number, `N` name, `W` word,
/// `P` cognate prefix, `E` English stem.
pub(super) type RawKey = u64;

pub(super) fn raw_key(kind: u8, text: &str) -> RawKey {
    let mut h = FxHasher::default();
    h.write_u8(kind);
    h.write(text.as_bytes());
    h.finish()
}

/// [`token_keys_of`] answers made on this thread, per language, for the exonym
/// table of `revision` and the shipped lexicon: a story's words come back in
/// every paragraph, and again when its sentences and clauses are aligned.
pub(super) struct TokenMemo {
    revision: u64,
    /// French, then English
    maps: [WordMemo<WordKeys>; 2],
}

/// A word's answer: its df key and keys, or nothing (a function word). Its few
/// keys are held in the memo's slot, as the word is (see [`WordMemo`]).
type WordKeys = Option<(DfKey, SmallVec<[RawKey; 4]>)>;

/// Words a thread's memo holds per language before it starts again.
const TOKEN_MEMO_MAX: usize = 32_768;

thread_local! {
    static TOKEN_MEMO: std::cell::RefCell<TokenMemo> = std::cell::RefCell::new(TokenMemo {
        revision: 0,
        maps: [WordMemo::new(TOKEN_MEMO_MAX), WordMemo::new(TOKEN_MEMO_MAX)],
    });
}

/// Run `f` with this thread's token memo, borrowed once for all the words of a
/// text (`None` for a lexicon other than the shipped one, or when the memo is
/// already borrowed); the memo is emptied first if the name table changed.
pub(super) fn with_token_memo<R>(
    names: &ExonymTable,
    lex: &Lexicon,
    f: impl FnOnce(Option<&mut TokenMemo>) -> R,
) -> R {
    if !std::ptr::eq(lex, Lexicon::global()) {
        return f(None);
    }
    TOKEN_MEMO.with(|m| {
        let Ok(mut m) = m.try_borrow_mut() else {
            return f(None);
        };
        if m.revision != names.revision() {
            m.revision = names.revision();
            m.maps.iter_mut().for_each(|map| map.clear());
        }
        f(Some(&mut m))
    })
}

/// [`token_keys_of`], remembered in `memo` (the answer is the same).
pub(super) fn token_keys(
    memo: &mut Option<&mut TokenMemo>,
    word: &str,
    lang: Lang,
    names: &ExonymTable,
    lex: &Lexicon,
    fold_buf: &mut String,
    out: &mut Vec<RawKey>,
) -> Option<DfKey> {
    let Some(m) = memo else {
        return token_keys_of(word, lang, names, lex, fold_buf, out);
    };
    let li = usize::from(lang == Lang::En);
    if let Some(hit) = m.maps[li].get(word) {
        return hit.as_ref().map(|(df, keys)| {
            out.extend_from_slice(keys);
            *df
        });
    }
    let start = out.len();
    let df = token_keys_of(word, lang, names, lex, fold_buf, out);
    m.maps[li].insert(word, df.map(|d| (d, SmallVec::from_slice(&out[start..]))));
    df
}

/// The keys a word offers, appended to `out`; `fold_buf` is scratch space.
/// Returns the key that stands for the word in document frequencies (its
/// number or folded-word key), or `None` for a word that offers nothing (a
/// function word, a single letter).
fn token_keys_of(
    word: &str,
    lang: Lang,
    names: &ExonymTable,
    lex: &Lexicon,
    fold_buf: &mut String,
    out: &mut Vec<RawKey>,
) -> Option<DfKey> {
    fold_buf.clear();
    fold_into(word, fold_buf);
    let f = fold_buf.as_str();
    if f.bytes()
        .all(|c| c.is_ascii_digit() || c == b'.' || c == b',')
    {
        let digits: String = f.chars().filter(|c| c.is_ascii_digit()).collect();
        if digits.is_empty() {
            return None;
        }
        let k = raw_key(b'#', digits.trim_start_matches('0'));
        out.push(k);
        return Some(DfKey {
            key: k,
            number: true,
        });
    }
    if stopwords(lang).contains(f) || f.chars().nth(1).is_none() {
        return None;
    }
    // names only when written as names: `Chili` the country, not `chili` the dish
    if word.chars().next().is_some_and(char::is_uppercase) {
        if let Some(c) = names.canonical(word) {
            out.push(raw_key(b'N', c));
        }
    }
    let w = raw_key(b'W', f);
    out.push(w);
    let stem = match lang {
        Lang::Fr => fr_stem(f),
        Lang::En => en_stem(f),
    };
    if let Some((five, _)) = stem.char_indices().nth(5) {
        out.push(raw_key(b'P', &stem[..five]));
    } else if stem.chars().count() == 5 {
        out.push(raw_key(b'P', &stem));
    }
    match lang {
        Lang::Fr => {
            for t in lex.translations(f) {
                out.push(raw_key(b'E', t));
            }
        }
        Lang::En => out.push(raw_key(b'E', &stem)),
    }
    Some(DfKey {
        key: w,
        number: false,
    })
}

/// The key a token is counted under for inverse document frequency.
#[derive(Clone, Copy)]
pub(super) struct DfKey {
    pub key: RawKey,
    pub number: bool,
}
