//! Leaf helpers every layer may use: time stamps, hashes, text excerpts and
//! paragraph lists. Nothing here depends on another module of the crate.

use compact_str::CompactString;
use rustc_hash::FxHashMap;
use sha2::{Digest, Sha256};

/// A bounded memo of answers about words or names, for one thread: the lookups
/// the checks repeat for every word of every text. A key of up to 24 bytes is
/// held in the map's own slot, not behind a pointer, so a hit reads one place
/// in memory; the memo starts again empty when it holds `max` answers.
pub struct WordMemo<V> {
    map: FxHashMap<CompactString, V>,
    max: usize,
}

impl<V> WordMemo<V> {
    pub fn new(max: usize) -> WordMemo<V> {
        WordMemo {
            map: FxHashMap::default(),
            max,
        }
    }

    pub fn get(&self, key: &str) -> Option<&V> {
        self.map.get(key)
    }

    /// Keep `value` for `key`, emptying the memo first when it is full.
    pub fn insert(&mut self, key: &str, value: V) {
        if self.map.len() >= self.max {
            self.map.clear();
        }
        self.map.insert(CompactString::new(key), value);
    }

    pub fn clear(&mut self) {
        self.map.clear();
    }
}

/// The current time, UTC, as RFC 3339 (`2026-12-01T14:35:02.123Z`).
pub fn now_rfc3339() -> String {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
}

/// Lower-case hex SHA-256 of some bytes.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let d = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in d {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// Shorten a text for a finding excerpt: at most `max` chars, on a char boundary.
pub fn excerpt(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        return s.to_string();
    }
    let mut out: String = s.chars().take(max).collect();
    out.push('…');
    out
}

/// How a list of paragraph indices is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParaStyle {
    /// In finding messages: `3`, `5+6`.
    Plus,
    /// In finding messages that name the paragraphs alone: `¶3`, `¶5+¶6`.
    Pilcrow,
    /// In table columns: `3`, `5,6`, and `-` for none.
    Column,
}

/// Paragraph indices in one of the [`ParaStyle`]s: the one formatter for them.
pub fn para_list(v: &[usize], style: ParaStyle) -> String {
    let (prefix, sep) = match style {
        ParaStyle::Plus => ("", "+"),
        ParaStyle::Pilcrow => ("¶", "+"),
        ParaStyle::Column => ("", ","),
    };
    if v.is_empty() && style == ParaStyle::Column {
        return "-".into();
    }
    v.iter()
        .map(|i| format!("{prefix}{i}"))
        .collect::<Vec<_>>()
        .join(sep)
}

/// Largest file any read accepts (16 MiB, a hundred times a long report).
pub const MAX_READ_BYTES: u64 = 16 << 20;

/// Read a file, at most [`MAX_READ_BYTES`], whatever it is: a regular file, a pipe
/// (`<(cat big.txt)`), a device (`/dev/zero`) or stdin (`-`). Over the limit is an
/// error of kind `FileTooLarge` naming it; nothing more is read.
pub fn read_capped(path: &std::path::Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut v = Vec::new();
    let limit = MAX_READ_BYTES + 1;
    if path.as_os_str() == "-" {
        std::io::stdin().lock().take(limit).read_to_end(&mut v)?;
    } else {
        let f = std::fs::File::open(path)?;
        if f.metadata()?.is_dir() {
            return Err(std::io::Error::other("is a directory, not a file"));
        }
        f.take(limit).read_to_end(&mut v)?;
    }
    if v.len() as u64 > MAX_READ_BYTES {
        return Err(std::io::Error::new(
            std::io::ErrorKind::FileTooLarge,
            format!("input too large (over {} MiB)", MAX_READ_BYTES >> 20),
        ));
    }
    Ok(v)
}

/// [`read_capped`] as UTF-8 text (config files, waivers, gold alignments).
pub fn read_capped_string(path: &std::path::Path) -> std::io::Result<String> {
    String::from_utf8(read_capped(path)?)
        .map_err(|_| std::io::Error::new(std::io::ErrorKind::InvalidData, "not UTF-8 text"))
}

/// Text for a terminal: every control character (ESC, BEL, CR, the C1 range, DEL,
/// and the bidi overrides that reorder what is shown) is written as a visible
/// escape (`\u{1b}`), so a document or a folder name cannot move the cursor, set
/// the window title or draw a fake verdict. Tab and newline are kept when `lines`.
pub fn escape_control_keep(s: &str, lines: bool) -> std::borrow::Cow<'_, str> {
    let bad = |c: char| {
        (c.is_control() && !(lines && matches!(c, '\n' | '\t')))
            || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !s.chars().any(bad) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if bad(c) {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

/// [`escape_control_keep`] for one line (names, messages): newlines escaped too.
pub fn escape_control(s: &str) -> std::borrow::Cow<'_, str> {
    escape_control_keep(s, false)
}

/// A CSV cell a spreadsheet will not run: a text starting with `=`, `+`, `-`, `@`,
/// tab or CR is prefixed with `'` (OWASP, "CSV Injection"), so `- a 5.4% deficit`
/// or `=HYPERLINK(…)` is shown as text. Applied to every text cell of every CSV.
pub fn csv_cell(s: &str) -> std::borrow::Cow<'_, str> {
    if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        std::borrow::Cow::Owned(format!("'{s}"))
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

/// `f` of each item, in item order: on every core of the current rayon pool
/// when `parallel` (at least `min_len` items per task), else on the calling
/// thread. The result is the same either way; a dispatch-sized input stays on
/// one thread, where a hand-off would cost more than it saves.
pub fn map_in_order<T: Sync, R: Send>(
    items: &[T],
    parallel: bool,
    min_len: usize,
    f: impl Fn(&T) -> R + Sync + Send,
) -> Vec<R> {
    use rayon::prelude::*;
    if parallel {
        items.par_iter().with_min_len(min_len).map(f).collect()
    } else {
        items.iter().map(f).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A memo answers what it was given, for short and long keys, and starts
    /// again empty once full.
    #[test]
    fn a_word_memo_keeps_answers_up_to_its_bound() {
        let long = "Organisation des Nations unies pour l'alimentation";
        let mut m = WordMemo::new(2);
        m.insert("Paris", 1);
        m.insert(long, 2);
        assert_eq!(
            (m.get("Paris"), m.get(long), m.get("Lyon")),
            (Some(&1), Some(&2), None)
        );
        m.insert("Lyon", 3);
        assert_eq!(
            (m.get("Paris"), m.get(long), m.get("Lyon")),
            (None, None, Some(&3))
        );
        m.clear();
        assert_eq!(m.get("Lyon"), None);
    }

    #[test]
    fn map_in_order_gives_the_same_list_on_one_thread_or_many() {
        let items: Vec<u64> = (0..1000).collect();
        let f = |x: &u64| x * x + 1;
        let one = map_in_order(&items, false, 1, f);
        assert_eq!(one, map_in_order(&items, true, 7, f));
        assert_eq!(one[999], 999 * 999 + 1);
        assert!(map_in_order(&[] as &[u64], true, 1, f).is_empty());
    }

    #[test]
    fn excerpt_cuts_on_chars() {
        assert_eq!(excerpt("éléphant", 3), "élé…");
        assert_eq!(excerpt("abc", 3), "abc");
    }

    #[test]
    fn para_lists() {
        assert_eq!(para_list(&[5, 6], ParaStyle::Plus), "5+6");
        assert_eq!(para_list(&[5, 6], ParaStyle::Pilcrow), "¶5+¶6");
        assert_eq!(para_list(&[5, 6], ParaStyle::Column), "5,6");
        assert_eq!(para_list(&[], ParaStyle::Column), "-");
        assert_eq!(para_list(&[], ParaStyle::Plus), "");
    }

    #[test]
    fn control_characters_are_escaped_and_formulas_neutralised() {
        assert_eq!(escape_control("plain é"), "plain é");
        assert_eq!(
            escape_control("a\x1b]0;PWNED\x07b"),
            "a\\u{1b}]0;PWNED\\u{7}b"
        );
        assert_eq!(escape_control("x\ny"), "x\\u{a}y");
        assert_eq!(escape_control_keep("x\ny\r", true), "x\ny\\u{d}");
        assert_eq!(escape_control("\u{202e}abc"), "\\u{202e}abc");
        for f in ["=1+1", "+33 1", "-5.4% deficit", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(csv_cell(f), format!("'{f}"));
        }
        assert_eq!(csv_cell("5.4%"), "5.4%");
        assert_eq!(csv_cell(""), "");
    }
}
