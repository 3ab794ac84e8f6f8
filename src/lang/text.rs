//! Text folding and tokens shared by alignment and checks.

use unicode_normalization::UnicodeNormalization;

/// Lower case with diacritics removed and typographic apostrophes made plain:
/// `Pékin` → `pekin`, `l’Otan` → `l'otan`.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_into(s, &mut out);
    out
}

/// [`fold`] appended to `out`, for callers that reuse one buffer.
pub fn fold_into(s: &str, out: &mut String) {
    // fast path, same result: ASCII has nothing to decompose or strip
    if s.is_ascii() {
        let start = out.len();
        out.push_str(s);
        out[start..].make_ascii_lowercase();
        if s.contains('`') {
            let tail = out[start..].replace('`', "'");
            out.truncate(start);
            out.push_str(&tail);
        }
        return;
    }
    for c in s.chars() {
        if c.is_ascii() {
            out.push(if c == '`' {
                '\''
            } else {
                c.to_ascii_lowercase()
            });
        } else {
            fold_char(c, out);
        }
    }
}

/// One non-ASCII char folded: canonical decomposition with the marks dropped,
/// then lower case. Decomposing char by char gives what decomposing the whole
/// string does, since only combining marks are reordered and they are dropped.
fn fold_char(c: char, out: &mut String) {
    // the accented letters of French text, without the decomposition tables
    if let Some(base) = latin1_base(c) {
        out.push(base);
        return;
    }
    fold_char_decomposed(c, out);
}

/// The folded letter of an accented Latin-1 letter (`é`, `Ç`), which decomposes
/// into that letter and one combining mark.
fn latin1_base(c: char) -> Option<char> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => 'a',
        'ç' | 'Ç' => 'c',
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => 'i',
        'ñ' | 'Ñ' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' => 'o',
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => 'u',
        'ý' | 'ÿ' | 'Ý' => 'y',
        _ => return None,
    })
}

/// [`fold_char`] through the canonical decomposition.
fn fold_char_decomposed(c: char, out: &mut String) {
    unicode_normalization::char::decompose_canonical(c, |d| {
        if d.is_ascii() {
            out.push(if d == '`' {
                '\''
            } else {
                d.to_ascii_lowercase()
            });
            return;
        }
        if unicode_normalization::char::is_combining_mark(d) {
            return;
        }
        match d {
            '’' | '‘' | 'ʼ' | '´' => out.push('\''),
            'ł' | 'Ł' => out.push('l'),
            'ø' | 'Ø' => out.push('o'),
            'đ' | 'Đ' => out.push('d'),
            'ı' => out.push('i'),
            'ß' => out.push_str("ss"),
            'æ' | 'Æ' => out.push_str("ae"),
            'œ' | 'Œ' => out.push_str("oe"),
            _ => out.extend(d.to_lowercase()),
        }
    })
}

/// NFC form, for exact comparisons (credits names).
pub fn nfc(s: &str) -> String {
    if unicode_normalization::is_nfc_quick(s.chars()) == unicode_normalization::IsNormalized::Yes {
        return s.to_string();
    }
    s.nfc().collect()
}

/// A word of a paragraph with its byte span.
#[derive(Debug, Clone, PartialEq)]
pub struct Token<'a> {
    pub text: &'a str,
    pub start: usize,
}

impl Token<'_> {
    pub fn end(&self) -> usize {
        self.start + self.text.len()
    }
    pub fn is_capitalised(&self) -> bool {
        self.text.chars().next().is_some_and(char::is_uppercase)
    }
}

/// `c.is_alphabetic()`, answered without Unicode's tables for ASCII and the Latin
/// letters of European names (U+00C0 to U+024F), the text's usual characters.
#[inline]
pub fn is_letter(c: char) -> bool {
    match c as u32 {
        0..=0x7f => c.is_ascii_alphabetic(),
        0xc0..=0x24f => c != '×' && c != '÷',
        _ => c.is_alphabetic(),
    }
}

/// `c.is_alphanumeric()`, as [`is_letter`] answers it.
#[inline]
pub fn is_letter_or_digit(c: char) -> bool {
    match c as u32 {
        0..=0x7f => c.is_ascii_alphanumeric(),
        0xc0..=0x24f => c != '×' && c != '÷',
        _ => c.is_alphanumeric(),
    }
}

/// Words: runs of letters, digits, hyphens and inner apostrophes. A French elided
/// article (`l’`, `d'`, `qu’`) is split off its word.
pub fn words(s: &str) -> Vec<Token<'_>> {
    /// French elided articles and conjunctions split off their word.
    const ELIDED: &[&str] = &[
        "l", "d", "qu", "j", "n", "s", "c", "m", "t", "jusqu", "lorsqu", "puisqu",
    ];
    let alnum = is_letter_or_digit;
    // the char at byte `i` (a char boundary) and its length; ASCII without decoding
    let at = |i: usize| -> Option<(char, usize)> {
        let b = *s.as_bytes().get(i)?;
        if b < 0x80 {
            Some((char::from(b), 1))
        } else {
            s[i..].chars().next().map(|c| (c, c.len_utf8()))
        }
    };
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(s.len() / 6);
    let mut start: Option<usize> = None;
    let mut i = 0;
    while let Some((c, len)) = at(i) {
        // a run of ASCII letters and digits at once
        if c.is_ascii_alphanumeric() {
            if start.is_none() {
                start = Some(i);
            }
            i += 1;
            while bytes.get(i).is_some_and(u8::is_ascii_alphanumeric) {
                i += 1;
            }
            continue;
        }
        let next = i + len;
        if alnum(c) {
            if start.is_none() {
                start = Some(i);
            }
            i = next;
            continue;
        }
        let Some(st) = start else {
            i = next;
            continue;
        };
        let joiner = matches!(c, '-' | '\'' | '’') && at(next).is_some_and(|(n, _)| alnum(n));
        if !joiner {
            out.push(Token {
                text: &s[st..i],
                start: st,
            });
            start = None;
        } else if c != '-' {
            // split elision: l' d' qu' j' n' s' c' m' t'
            let head = &s[st..i];
            if head.len() <= 7 && ELIDED.iter().any(|e| head.eq_ignore_ascii_case(e)) {
                out.push(Token {
                    text: head,
                    start: st,
                });
                start = None;
            }
        }
        i = next;
    }
    if let Some(st) = start {
        out.push(Token {
            text: &s[st..],
            start: st,
        });
    }
    out
}

/// Heuristic: a capitalised word that is not at the start of a sentence.
pub fn is_sentence_start(s: &str, byte: usize) -> bool {
    let before = s[..byte].trim_end_matches(|c: char| {
        c.is_whitespace() || matches!(c, '«' | '"' | '“' | '(' | '\u{202f}')
    });
    before.is_empty() || before.ends_with(['.', '!', '?', ':', '–', '-', '—', ';'])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_latin_shortcuts_answer_as_unicode_does() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(is_letter(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_letter_or_digit(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn the_latin1_shortcut_folds_as_the_decomposition_does() {
        let mut shortcut = 0;
        for c in '\u{80}'..='\u{24f}' {
            let (mut fast, mut slow) = (String::new(), String::new());
            fold_char(c, &mut fast);
            fold_char_decomposed(c, &mut slow);
            assert_eq!(fast, slow, "{c:?}");
            shortcut += usize::from(latin1_base(c).is_some());
        }
        assert_eq!(shortcut, 53);
    }

    /// The reference definition: whole-string NFD, marks dropped, lower case.
    fn fold_reference(s: &str) -> String {
        use unicode_normalization::UnicodeNormalization;
        let mut out = String::new();
        for c in s.nfd() {
            if unicode_normalization::char::is_combining_mark(c) {
                continue;
            }
            match c {
                '’' | '‘' | 'ʼ' | '`' | '´' => out.push('\''),
                'ł' | 'Ł' => out.push('l'),
                'ø' | 'Ø' => out.push('o'),
                'đ' | 'Đ' => out.push('d'),
                'ı' => out.push('i'),
                'ß' => out.push_str("ss"),
                'æ' | 'Æ' => out.push_str("ae"),
                'œ' | 'Œ' => out.push_str("oe"),
                _ => out.extend(c.to_lowercase()),
            }
        }
        out
    }

    /// The first, simple definition of `words`, kept to check the fast one.
    fn words_reference(s: &str) -> Vec<Token<'_>> {
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        let mut iter = s.char_indices().peekable();
        while let Some((i, c)) = iter.next() {
            let inner_joiner = matches!(c, '-' | '\'' | '’')
                && start.is_some()
                && iter.peek().is_some_and(|(_, n)| n.is_alphanumeric());
            if c.is_alphanumeric() || inner_joiner {
                if start.is_none() {
                    start = Some(i);
                }
                if matches!(c, '\'' | '’') {
                    let st = start.unwrap_or(i);
                    let head = &s[st..i];
                    if matches!(
                        head.to_lowercase().as_str(),
                        "l" | "d"
                            | "qu"
                            | "j"
                            | "n"
                            | "s"
                            | "c"
                            | "m"
                            | "t"
                            | "jusqu"
                            | "lorsqu"
                            | "puisqu"
                    ) {
                        out.push(Token {
                            text: head,
                            start: st,
                        });
                        start = None;
                    }
                }
            } else if let Some(st) = start.take() {
                out.push(Token {
                    text: &s[st..i],
                    start: st,
                });
            }
        }
        if let Some(st) = start {
            out.push(Token {
                text: &s[st..],
                start: st,
            });
        }
        out
    }

    #[test]
    fn fast_words_equal_reference_words() {
        let mut texts: Vec<String> = vec![
            "L’Otan a dit qu'il l'ETAIT -- jusqu’à Aujourd'hui, d'-x l'' 'a' -b- c'-d".into(),
            "Rock-'n'-roll, O'Neill's rock'n'roll ½ 3,5 % café-crème Łódź ŒUVRE".into(),
        ];
        for dir in std::fs::read_dir("pairs").into_iter().flatten().flatten() {
            for f in ["fr.txt", "en.txt"] {
                if let Ok(t) = std::fs::read_to_string(dir.path().join(f)) {
                    texts.push(t);
                }
            }
        }
        assert!(texts.len() > 10, "the example pairs were read");
        for t in &texts {
            assert_eq!(words(t), words_reference(t));
        }
    }

    #[test]
    fn char_by_char_fold_equals_whole_string_nfd() {
        let mut all = String::new();
        for c in (0u32..0x3400)
            .chain(0xAC00..0xAD00)
            .filter_map(char::from_u32)
        {
            let one = c.to_string();
            assert_eq!(fold(&one), fold_reference(&one), "U+{:04X}", c as u32);
            all.push(c);
        }
        assert_eq!(fold(&all), fold_reference(&all));
        for s in [
            "Pékin",
            "l’Otan",
            "e\u{301}\u{323}x",
            "ǾRESUND Łódź",
            "ÉTATS-UNIS",
        ] {
            assert_eq!(fold(s), fold_reference(s), "{s}");
        }
    }

    #[test]
    fn fold_strips_accents_and_case() {
        assert_eq!(fold("Pékin"), "pekin");
        assert_eq!(fold("Łukasz Ţurcanu"), "lukasz turcanu");
        assert_eq!(fold("l’Otan"), "l'otan");
    }

    #[test]
    fn words_split_elision_and_keep_hyphens() {
        let w: Vec<&str> = words("l’alliance d'Asie-Pacifique, 15 %")
            .into_iter()
            .map(|t| t.text)
            .collect();
        assert_eq!(w, vec!["l", "alliance", "d", "Asie-Pacifique", "15"]);
    }

    #[test]
    fn english_possessive_stays_one_word() {
        let w: Vec<&str> = words("China's trade").into_iter().map(|t| t.text).collect();
        assert_eq!(w, vec!["China's", "trade"]);
    }
}
