//! A whole check of two arbitrary texts: split, parse, align, every check, JSON.
//! The input is split at the first NUL byte into the French and English sides
//! (no NUL: the same text on both sides).
#![no_main]

use libfuzzer_sys::fuzz_target;
use wirecheck::document::{Document, Format};
use wirecheck::pipeline::{check_pair, PairOptions};
use wirecheck::policy::Policy;
use wirecheck::source::Loaded;

fn loaded(text: &str) -> Loaded {
    Loaded {
        document: Document::from_text("fuzz.txt", String::new(), text, Format::Text),
        provenance: None,
    }
}

fuzz_target!(|data: &[u8]| {
    let (fr, en) = match data.iter().position(|&b| b == 0) {
        Some(k) => (&data[..k], &data[k + 1..]),
        None => (data, data),
    };
    let fr = String::from_utf8_lossy(fr);
    let en = String::from_utf8_lossy(en);
    let policy = Policy::default();
    let report = check_pair(&loaded(&fr), &loaded(&en), &policy, PairOptions::default());
    let _ = wirecheck::report::json::render(&report);
});
