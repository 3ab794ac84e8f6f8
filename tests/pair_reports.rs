//! The whole JSON report and the whole text report of every example pair
//! (`check pairs/<slug> --format json|text`), as reviewed snapshots. What depends on
//! the machine or the moment is normalised first: the check time becomes
//! `[checked_at]` and the repository's absolute path `[root]` (pairs are given as
//! `pairs/<slug>`, relative to the repository, as in `snapshots.rs`).

use serde_json::Value;

use crate::util::{self, check_json, pair_slugs, wirecheck};

fn strip_root(s: &str) -> String {
    s.replace(&util::root().display().to_string(), "[root]")
}

fn normalise(v: &mut Value) {
    match v {
        Value::String(s) => *s = strip_root(s),
        Value::Array(a) => a.iter_mut().for_each(normalise),
        Value::Object(o) => o.values_mut().for_each(normalise),
        _ => {}
    }
}

/// `check pairs/<slug> --format json`, normalised.
fn json_report(slug: &str) -> Value {
    let mut r = check_json([format!("pairs/{slug}")]).report;
    assert!(
        r["run"]["checked_at"].is_string(),
        "{slug}: no run.checked_at"
    );
    r["run"]["checked_at"] = "[checked_at]".into();
    normalise(&mut r);
    r
}

/// `check pairs/<slug> --format text`, normalised.
fn text_report(slug: &str) -> String {
    let out = wirecheck()
        .args(["check", &format!("pairs/{slug}"), "--format", "text"])
        .output()
        .expect("run wirecheck");
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{slug}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    strip_root(&String::from_utf8(out.stdout).expect("UTF-8 text report"))
}

/// One `mod <name> { json, text }` per pair folder, and the list of slugs.
macro_rules! pair_reports {
    ($($name:ident: $slug:literal,)*) => {
        const SLUGS: &[&str] = &[$($slug),*];
        $(mod $name {
            #[test]
            fn json() {
                insta::assert_json_snapshot!(super::json_report($slug));
            }
            #[test]
            fn text() {
                insta::assert_snapshot!(super::text_report($slug));
            }
        })*
    };
}

pair_reports! {
    athens_wildfire_omissions: "athens-wildfire-omissions",
    brest_ferry_wire: "brest-ferry-wire",
    brussels_ebikes_context: "brussels-ebikes-context",
    cairo_rates_merges: "cairo-rates-merges",
    geneva_plastics_long: "geneva-plastics-long",
    kyiv_grid_adapted: "kyiv-grid-adapted",
    lisbon_port_strike: "lisbon-port-strike",
    needs_fixes: "needs-fixes",
    riyadh_hydrogen_faithful: "riyadh-hydrogen-faithful",
    seed_adapted: "seed-adapted",
    seed_faithful: "seed-faithful",
    seoul_missile_moved: "seoul-missile-moved",
    warsaw_election_splits: "warsaw-election-splits",
}

/// A pair folder added to `pairs/` must get its snapshots here.
#[test]
fn every_pair_folder_has_report_snapshots() {
    assert_eq!(pair_slugs(), SLUGS);
}
