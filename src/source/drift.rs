//! Source drift: what changed in the English source since the snapshot the
//! translation was checked against.

use serde::Serialize;

#[derive(Debug, Clone, Default, Serialize)]
pub struct Drift {
    pub snapshot_sha256: String,
    pub live_sha256: String,
    pub changes: Vec<DriftChange>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DriftChange {
    /// `changed`, `added` or `removed`.
    pub kind: String,
    /// English paragraph index in the snapshot (removed/changed).
    pub snapshot: Option<usize>,
    /// English paragraph index in the live source (added/changed).
    pub live: Option<usize>,
    /// Word-level diff of a changed paragraph: `[-old-]{+new+}` marks.
    pub diff: String,
}
