//! The benchmark dispatch (benches/data/dispatch, invented text), shared by the
//! bench, the profiling loop and the batch-folder generator.

use wirecheck::document::{Document, Format};
use wirecheck::pipeline::{check_pair, PairOptions};
use wirecheck::policy::Policy;
use wirecheck::source::Loaded;

pub const FR: &str = include_str!("../data/dispatch/fr.txt");
pub const EN: &str = include_str!("../data/dispatch/en.txt");

/// Pair `k` of a batch: the dispatch with one of its figures varied on both
/// sides, so no two pairs are the same text.
pub fn varied(k: usize) -> (String, String) {
    let n = format!("{}", 100 + k);
    (FR.replace("146", &n), EN.replace("146", &n))
}

fn loaded(name: &str, text: &str) -> Loaded {
    Loaded {
        document: Document::from_text(name, String::new(), text, Format::Text),
        provenance: None,
    }
}

/// One pair end to end as `wirecheck check` runs it: split, parse, align, every
/// check, JSON rendering.
pub fn end_to_end(fr: &str, en: &str, policy: &Policy) -> String {
    let report = check_pair(
        &loaded("fr.txt", fr),
        &loaded("en.txt", en),
        policy,
        PairOptions::default(),
    );
    wirecheck::report::json::render(&report)
}
