//! Source drift: what changed in the English source since the snapshot the
//! translation was checked against.
//!
//! The extracted paragraphs of the snapshot and of the live page are diffed as
//! sequences (`similar`, patience): equal runs are skipped, deletions are
//! `removed`, insertions `added`, and inside a replaced run paragraphs that still
//! resemble each other (word similarity ≥ [`CHANGED_MIN_RATIO`]) are paired as
//! `changed` with a word-level diff; the rest are removed/added.

use std::time::Duration;

use serde::Serialize;
use similar::{Algorithm, ChangeTag, DiffOp, TextDiff};

use super::Provenance;

/// Word similarity above which a replaced paragraph counts as changed, not removed+added.
pub const CHANGED_MIN_RATIO: f32 = 0.5;

#[derive(Debug, Clone, Default, Serialize)]
pub struct Drift {
    /// sha256 of the snapshot's raw bytes.
    pub snapshot_sha256: String,
    /// sha256 of the live page's raw bytes.
    pub live_sha256: String,
    /// Provenance of the live copy the snapshot was compared with.
    pub live: Provenance,
    /// Empty when the live text is the same as the snapshot's.
    pub changes: Vec<DriftChange>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DriftChange {
    /// `changed`, `added` or `removed`.
    pub kind: String,
    /// English paragraph index in the snapshot (removed/changed).
    pub snapshot: Option<usize>,
    /// English paragraph index in the live source (added/changed).
    pub live: Option<usize>,
    /// Word-level diff of a changed paragraph: `[-old-]{+new+}` marks.
    pub diff: String,
    /// The paragraph's text: the live one when added or changed, the snapshot's when removed.
    pub text: String,
    /// For an added paragraph: the snapshot paragraph it follows (none when first).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub after: Option<usize>,
}

impl Drift {
    /// Compare snapshot and live paragraphs.
    pub fn between(
        snapshot: &[String],
        snapshot_sha256: &str,
        live: &[String],
        live_provenance: &Provenance,
    ) -> Drift {
        Drift {
            snapshot_sha256: snapshot_sha256.to_string(),
            live_sha256: live_provenance.sha256.clone(),
            live: live_provenance.clone(),
            changes: diff_paragraphs(snapshot, live),
        }
    }
}

fn norm(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn word_ratio(a: &str, b: &str) -> f32 {
    TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .timeout(Duration::from_millis(100))
        .diff_words(a, b)
        .ratio()
}

/// Paragraph-level diff of two versions of an article.
pub fn diff_paragraphs(old: &[String], new: &[String]) -> Vec<DriftChange> {
    let o: Vec<String> = old.iter().map(|p| norm(p)).collect();
    let n: Vec<String> = new.iter().map(|p| norm(p)).collect();
    let ops = similar::capture_diff_slices_deadline(
        Algorithm::Patience,
        &o,
        &n,
        Some(std::time::Instant::now() + Duration::from_secs(1)),
    );
    let mut out = Vec::new();
    let removed = |i: usize| DriftChange {
        kind: "removed".into(),
        snapshot: Some(i),
        live: None,
        diff: String::new(),
        text: o[i].clone(),
        after: None,
    };
    // `before`: the number of snapshot paragraphs that precede the insertion point
    let added = |j: usize, before: usize| DriftChange {
        kind: "added".into(),
        snapshot: None,
        live: Some(j),
        diff: String::new(),
        text: n[j].clone(),
        after: before.checked_sub(1),
    };
    for op in ops {
        match op {
            DiffOp::Equal { .. } => {}
            DiffOp::Delete {
                old_index, old_len, ..
            } => {
                out.extend((old_index..old_index + old_len).map(removed));
            }
            DiffOp::Insert {
                old_index,
                new_index,
                new_len,
            } => {
                out.extend((new_index..new_index + new_len).map(|j| added(j, old_index)));
            }
            DiffOp::Replace {
                old_index,
                old_len,
                new_index,
                new_len,
            } => {
                let new_end = new_index + new_len;
                let mut cursor = new_index;
                #[allow(clippy::needless_range_loop)] // `i` is also the reported index
                for i in old_index..old_index + old_len {
                    let hit =
                        (cursor..new_end).find(|&k| word_ratio(&o[i], &n[k]) >= CHANGED_MIN_RATIO);
                    match hit {
                        Some(k) => {
                            out.extend((cursor..k).map(|j| added(j, i)));
                            out.push(DriftChange {
                                kind: "changed".into(),
                                snapshot: Some(i),
                                live: Some(k),
                                diff: word_diff(&o[i], &n[k], None),
                                text: n[k].clone(),
                                after: None,
                            });
                            cursor = k + 1;
                        }
                        None => out.push(removed(i)),
                    }
                }
                let before = old_index + old_len;
                out.extend((cursor..new_end).map(|j| added(j, before)));
            }
        }
    }
    out
}

/// Word-level diff with `[-removed-]` and `{+inserted+}` marks. With `context`,
/// unchanged runs longer than that many words on each side are elided with `…`.
pub fn word_diff(old: &str, new: &str, context: Option<usize>) -> String {
    let diff = TextDiff::configure()
        .algorithm(Algorithm::Myers)
        .timeout(Duration::from_millis(200))
        .diff_words(old, new);
    // segments: (tag, text)
    let mut segs: Vec<(ChangeTag, String)> = Vec::new();
    for c in diff.iter_all_changes() {
        let tag = c.tag();
        let v = c.value();
        match segs.last_mut() {
            Some((t, s)) if *t == tag => s.push_str(v),
            _ => segs.push((tag, v.to_string())),
        }
    }
    let mut out = String::new();
    let last = segs.len().saturating_sub(1);
    for (i, (tag, text)) in segs.iter().enumerate() {
        match tag {
            ChangeTag::Equal => out.push_str(&elide(text, context, i == 0, i == last)),
            ChangeTag::Delete => {
                let t = text.trim();
                if t.is_empty() {
                    out.push_str(text);
                } else {
                    out.push_str(&format!("[-{t}-]"));
                    if text.ends_with(char::is_whitespace) {
                        out.push(' ');
                    }
                }
            }
            ChangeTag::Insert => {
                let t = text.trim();
                if t.is_empty() {
                    out.push_str(text);
                } else {
                    out.push_str(&format!("{{+{t}+}}"));
                    if text.ends_with(char::is_whitespace) {
                        out.push(' ');
                    }
                }
            }
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn elide(text: &str, context: Option<usize>, first: bool, last: bool) -> String {
    let Some(k) = context else {
        return text.to_string();
    };
    let words: Vec<&str> = text.split_whitespace().collect();
    let lead = if text.starts_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let trail = if text.ends_with(char::is_whitespace) {
        " "
    } else {
        ""
    };
    let keep_head = if first { 0 } else { k };
    let keep_tail = if last { 0 } else { k };
    if words.len() <= keep_head + keep_tail + 1 {
        return text.to_string();
    }
    let mut parts: Vec<&str> = Vec::new();
    parts.extend(&words[..keep_head]);
    parts.push("…");
    parts.extend(&words[words.len() - keep_tail..]);
    format!("{lead}{}{trail}", parts.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn v(xs: &[&str]) -> Vec<String> {
        xs.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn identical_texts_have_no_changes() {
        let a = v(&["Title", "One two three.", "Four five."]);
        assert!(diff_paragraphs(&a, &a).is_empty());
    }

    #[test]
    fn changed_added_and_removed_are_told_apart() {
        let old = v(&[
            "Title",
            "The toll rose to 16 on Monday, officials said.",
            "A bridge was closed.",
            "(Reporting by X)",
        ]);
        let new = v(&[
            "Title",
            "The toll rose to 18 on Monday, officials said.",
            "\"We are still searching,\" the mayor said.",
            "(Reporting by X)",
        ]);
        let ch = diff_paragraphs(&old, &new);
        let kinds: Vec<(&str, Option<usize>, Option<usize>)> = ch
            .iter()
            .map(|c| (c.kind.as_str(), c.snapshot, c.live))
            .collect();
        assert_eq!(
            kinds,
            vec![
                ("changed", Some(1), Some(1)),
                ("removed", Some(2), None),
                ("added", None, Some(2))
            ]
        );
        assert_eq!(
            ch[0].diff,
            "The toll rose to [-16-]{+18+} on Monday, officials said."
        );
    }

    #[test]
    fn insertion_in_the_middle_is_one_added_paragraph() {
        let old = v(&["a b c", "d e f", "g h i"]);
        let new = v(&["a b c", "new words here", "d e f", "g h i"]);
        let ch = diff_paragraphs(&old, &new);
        assert_eq!(ch.len(), 1);
        assert_eq!((ch[0].kind.as_str(), ch[0].live), ("added", Some(1)));
    }

    #[test]
    fn context_elides_long_unchanged_runs() {
        let d = word_diff(
            "one two three four five six seven eight nine ten old end",
            "one two three four five six seven eight nine ten new end",
            Some(2),
        );
        assert_eq!(d, "… nine ten [-old-]{+new+} end");
    }
}
