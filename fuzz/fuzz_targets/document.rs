//! The document parser: paragraph splitting in every format, then the dispatch
//! parse (dateline, quotations, credits) in both languages.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wirecheck::document::{Dispatch, Document, Format};
use wirecheck::lang::Lang;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for format in [Format::Text, Format::Markdown, Format::Html, Format::Ninjs, Format::NewsMl] {
        let doc = Document::from_text("fuzz", String::new(), &text, format);
        for lang in [Lang::Fr, Lang::En] {
            let _ = Dispatch::parse(&doc, lang);
        }
    }
});
