//! Compiles the FR→EN lexicon (`src/lang/lexicon.tsv`) into sorted static tables
//! (`$OUT_DIR/lexicon_data.rs`), folded and stemmed exactly as the tool folds and
//! stems at run time (the same source files are included here), so the binary
//! parses nothing at start-up.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

#[path = "src/lang/text.rs"]
#[allow(dead_code)]
mod text;

#[path = "src/lang/stem.rs"]
#[allow(dead_code)]
mod stem;

#[path = "src/lang/exonym_forms.rs"]
#[allow(dead_code)]
mod exonym_forms;

fn main() {
    for f in [
        "src/lang/lexicon.tsv",
        "src/lang/text.rs",
        "src/lang/stem.rs",
        "src/lang/exonym_forms.rs",
        "src/lang/exonyms.tsv",
        "build.rs",
    ] {
        println!("cargo:rerun-if-changed={f}");
    }
    let data = std::fs::read_to_string("src/lang/lexicon.tsv").expect("read src/lang/lexicon.tsv");
    let mut map: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for line in data.lines() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((fr, en)) = line.split_once('\t') else {
            continue;
        };
        let key = stem::fr_stem(&text::fold(fr.trim())).into_owned();
        let entry = map.entry(key).or_default();
        for e in en.split('|').map(str::trim).filter(|e| !e.is_empty()) {
            // multiword English: every content word counts
            for w in e.split_whitespace() {
                let s = stem::en_stem(&text::fold(w)).into_owned();
                if s.len() >= 2 && !entry.contains(&s) {
                    entry.push(s);
                }
            }
        }
    }
    let english: BTreeSet<&String> = map.values().flatten().collect();
    // perfect-hash tables: one hash and one comparison per lookup
    let mut entries = phf_codegen::Map::new();
    let values: Vec<String> = map
        .values()
        .map(|v| {
            let mut s = String::from("&[");
            for t in v {
                let _ = write!(s, "{t:?},");
            }
            s.push(']');
            s
        })
        .collect();
    for (k, v) in map.keys().zip(&values) {
        entries.entry(k.as_str(), v);
    }
    let mut english_set = phf_codegen::Set::new();
    for e in &english {
        english_set.entry(e.as_str());
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "pub static ENTRIES: phf::Map<&'static str, &'static [&'static str]> = {};",
        entries.build()
    );
    let _ = writeln!(
        out,
        "pub static ENGLISH: phf::Set<&'static str> = {};",
        english_set.build()
    );
    let dest =
        std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("lexicon_data.rs");
    std::fs::write(dest, out).expect("write lexicon_data.rs");
    exonyms();
}

/// The shipped exonym table as a perfect-hash map from normalised form to
/// (canonical key, kind), built by the same code that adds a desk's names at run
/// time (`src/lang/exonym_forms.rs`).
fn exonyms() {
    let data = std::fs::read_to_string("src/lang/exonyms.tsv").expect("read src/lang/exonyms.tsv");
    let mut forms = exonym_forms::Forms::default();
    forms.parse(&data, &|_| None);
    let mut sorted: Vec<(&String, &(String, exonym_forms::NameKind))> = forms.map.iter().collect();
    sorted.sort_by(|a, b| a.0.cmp(b.0));
    let values: Vec<String> = sorted
        .iter()
        .map(|(_, (k, kind))| format!("({k:?}, NameKind::{kind:?})"))
        .collect();
    let mut map = phf_codegen::Map::new();
    for ((form, _), v) in sorted.iter().zip(&values) {
        map.entry(form.as_str(), v);
    }
    let mut out = String::new();
    let _ = writeln!(
        out,
        "pub static FORMS: phf::Map<&'static str, (&'static str, NameKind)> = {};",
        map.build()
    );
    let _ = writeln!(
        out,
        "pub const MAX_WORDS: usize = {};",
        forms.max_words.max(1)
    );
    let dest =
        std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("exonym_data.rs");
    std::fs::write(dest, out).expect("write exonym_data.rs");
}
