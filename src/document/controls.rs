//! Terminal control sequences and control characters in a paragraph: not text.
//!
//! A paragraph copied from a terminal, or written to attack one, may hold ECMA-48
//! control sequences (`ESC [2J` clears the screen, `ESC ]0;title BEL` sets the
//! window title) and lone C0/C1 control characters. Their parameters are digits
//! and letters the number, name and text checks would read as figures and words
//! (`ESC ]0;…` as the figure 0). [`mask`] finds them and blanks every byte of them
//! with a space, so the checks read the paragraph without them while every byte
//! offset into it stays the offset into the original paragraph (the reports show
//! the original text, with control characters escaped on a terminal).
//!
//! What counts as one sequence (ECMA-48, 5th edition, § 5):
//! - CSI (`ESC [` or C1 U+009B): parameter bytes `0x30–0x3F`, intermediate bytes
//!   `0x20–0x2F`, one final byte `0x40–0x7E` (without a final byte, the introducer,
//!   parameters and intermediates);
//! - the control strings OSC, DCS, SOS, PM, APC (`ESC ]`, `ESC P`, `ESC X`, `ESC ^`,
//!   `ESC _`, or C1 U+009D, U+0090, U+0098, U+009E, U+009F): up to and including the
//!   string terminator (`ESC \`, U+009C, or BEL as xterm accepts for OSC). An
//!   unterminated string is not swallowed to the end of the paragraph: only its
//!   introducer is blanked, and the text after it is still checked;
//! - any other escape sequence: `ESC`, intermediate bytes `0x20–0x2F`, one final
//!   byte `0x30–0x7E` (`ESC 7`, `ESC ( B`); an `ESC` followed by anything else is
//!   blanked alone;
//! - any other C0 control (U+0000–U+001F except tab and newline), DEL and any C1
//!   control (U+0080–U+009F), one character each.

use std::ops::Range;

/// Is `b` a control this module blanks on its own (C0 except tab/newline, DEL)?
fn is_c0(b: u8) -> bool {
    (b < 0x20 && b != b'\t' && b != b'\n') || b == 0x7f
}

/// Does `s` hold anything [`mask`] would blank? A fast scan for the common case.
pub fn has_controls(s: &str) -> bool {
    let b = s.as_bytes();
    b.iter().enumerate().any(|(i, &c)| {
        is_c0(c) || (c == 0xc2 && b.get(i + 1).is_some_and(|n| (0x80..=0x9f).contains(n)))
    })
}

/// The C1 control at `i` (U+0080–U+009F, two bytes in UTF-8), if any.
fn c1_at(b: &[u8], i: usize) -> Option<u8> {
    (b.get(i) == Some(&0xc2))
        .then(|| b.get(i + 1).copied())
        .flatten()
        .filter(|n| (0x80..=0x9f).contains(n))
}

/// The end of a CSI sequence whose parameters start at `j`.
fn csi_end(b: &[u8], mut j: usize) -> usize {
    while j < b.len() && (0x30..=0x3f).contains(&b[j]) {
        j += 1;
    }
    while j < b.len() && (0x20..=0x2f).contains(&b[j]) {
        j += 1;
    }
    if j < b.len() && (0x40..=0x7e).contains(&b[j]) {
        j += 1;
    }
    j
}

/// Finds string terminators, remembering where none is left so that many
/// unterminated strings cost one scan, not one each.
struct Terminators {
    none_from: usize,
}

impl Terminators {
    /// The end (exclusive) of the first terminator at or after `j`: BEL, `ESC \`
    /// or U+009C.
    fn after(&mut self, b: &[u8], j: usize) -> Option<usize> {
        if j >= self.none_from {
            return None;
        }
        let mut k = j;
        while k < b.len() {
            match b[k] {
                0x07 => return Some(k + 1),
                0x1b if b.get(k + 1) == Some(&b'\\') => return Some(k + 2),
                0xc2 if b.get(k + 1) == Some(&0x9c) => return Some(k + 2),
                _ => k += 1,
            }
        }
        self.none_from = j;
        None
    }
}

/// The spans (byte ranges, on character boundaries, in order, not overlapping,
/// adjacent ones merged) of the control sequences and characters of `s`.
pub fn spans(s: &str) -> Vec<Range<usize>> {
    let b = s.as_bytes();
    let mut out: Vec<Range<usize>> = Vec::new();
    if !has_controls(s) {
        return out;
    }
    let mut terms = Terminators {
        none_from: usize::MAX,
    };
    let mut i = 0;
    while i < b.len() {
        let end = if b[i] == 0x1b {
            match b.get(i + 1) {
                Some(b'[') => csi_end(b, i + 2),
                Some(b']' | b'P' | b'X' | b'^' | b'_') => terms.after(b, i + 2).unwrap_or(i + 2),
                Some(_) => {
                    let mut j = i + 1;
                    while j < b.len() && (0x20..=0x2f).contains(&b[j]) {
                        j += 1;
                    }
                    if j < b.len() && (0x30..=0x7e).contains(&b[j]) {
                        j + 1
                    } else {
                        i + 1
                    }
                }
                None => i + 1,
            }
        } else if let Some(c1) = c1_at(b, i) {
            match c1 {
                0x9b => csi_end(b, i + 2),
                0x9d | 0x90 | 0x98 | 0x9e | 0x9f => terms.after(b, i + 2).unwrap_or(i + 2),
                _ => i + 2,
            }
        } else if is_c0(b[i]) {
            i + 1
        } else {
            i += 1;
            continue;
        };
        match out.last_mut() {
            Some(last) if last.end == i => last.end = end,
            _ => out.push(i..end),
        }
        i = end;
    }
    out
}

/// `s` with every byte of its control sequences and characters replaced by a
/// space, and their spans; `None` when it has none.
pub fn mask(s: &str) -> Option<(String, Vec<Range<usize>>)> {
    let spans = spans(s);
    if spans.is_empty() {
        return None;
    }
    let mut bytes = s.as_bytes().to_vec();
    for r in &spans {
        bytes[r.clone()].fill(b' ');
    }
    // whole characters were replaced by ASCII spaces: still UTF-8
    let masked = String::from_utf8(bytes).ok()?;
    Some((masked, spans))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masked(s: &str) -> String {
        mask(s).map_or_else(|| s.to_string(), |(m, _)| m)
    }

    #[test]
    fn sequences_are_blanked_byte_for_byte() {
        for (input, want) in [
            ("a\x1b]0;title\x07b", "a          b"),
            ("a\x1b[2Jb", "a    b"),
            ("x\x1b[1;31mred\x1b[0m", "x       red    "),
            ("a\x1b]2;t\x1b\\b", "a       b"),
            ("a\x1b(Bb", "a   b"),
            ("a\x1b7b", "a  b"),
            ("a\u{9b}2Jb", "a    b"),
            ("a\u{9d}0;t\u{9c}b", "a       b"),
            ("a\u{85}b", "a  b"),
            ("a\rb\x0cc\x7fd", "a b c d"),
            ("tab\tand\nnewline", "tab\tand\nnewline"),
            ("é\x1b[0mé", "é    é"),
        ] {
            let got = masked(input);
            assert_eq!(got, want, "{input:?}");
            assert_eq!(got.len(), input.len(), "{input:?}");
        }
    }

    #[test]
    fn an_unterminated_string_blanks_its_introducer_only() {
        assert_eq!(masked("\x1b]0;12 killed"), "  0;12 killed");
        assert_eq!(masked("\u{9d}5 dead"), "  5 dead");
        // many of them: one scan for the terminator, not one each
        let many = "\x1b]".repeat(100_000);
        assert_eq!(masked(&many), " ".repeat(many.len()));
    }

    #[test]
    fn a_lone_escape_and_a_truncated_csi() {
        assert_eq!(masked("end\x1b"), "end ");
        assert_eq!(masked("a\x1b\x1b[Hb"), "a    b");
        assert_eq!(masked("a\x1b[12"), "a    ");
        assert_eq!(masked("\x1bé"), " é");
    }

    #[test]
    fn spans_are_merged_and_on_char_boundaries() {
        let s = "€\x1b[2J\x1b]0;é\x07 3 €\u{90}";
        let sp = spans(s);
        assert_eq!(sp.len(), 2, "{sp:?}");
        for r in &sp {
            assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
        }
        assert!(!has_controls("plain text, 12 % and «quotes»"));
        assert!(spans("plain").is_empty());
    }
}
