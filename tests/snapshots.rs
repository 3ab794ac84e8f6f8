//! Reviewed snapshots of what wirecheck says about every example pair: the
//! alignment and the findings (id, severity, paragraphs, message), so that any
//! change in behaviour shows up in review as a diff of `tests/snapshots/*.snap`.

use serde_json::{json, Value};

use crate::util::check_json;

fn summary(pair: &str) -> Value {
    let r = check_json([pair]).report;
    let alignment: Vec<Value> = r["alignment"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| json!({"fr": b["fr"], "en": b["en"], "moved": b.get("moved").cloned().unwrap_or(json!(false))}))
        .collect();
    let findings: Vec<Value> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| json!({"id": f["id"], "severity": f["severity"], "fr": f["fr"], "en": f["en"], "message": f["message"]}))
        .collect();
    json!({"verdict": r["verdict"], "alignment": alignment, "findings": findings, "credits": r["credits"]})
}

macro_rules! pair_snapshot {
    ($name:ident, $dir:literal) => {
        #[test]
        fn $name() {
            insta::assert_json_snapshot!(summary(concat!("pairs/", $dir)));
        }
    };
}

pair_snapshot!(seed_faithful, "seed-faithful");
pair_snapshot!(seed_adapted, "seed-adapted");
pair_snapshot!(needs_fixes, "needs-fixes");
pair_snapshot!(kyiv_grid_adapted, "kyiv-grid-adapted");
pair_snapshot!(geneva_plastics_long, "geneva-plastics-long");
