//! Leaf helpers every layer may use: time stamps, hashes, text excerpts and
//! paragraph lists. Nothing here depends on another module of the crate.

use sha2::{Digest, Sha256};

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

#[cfg(test)]
mod tests {
    use super::*;

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
}
