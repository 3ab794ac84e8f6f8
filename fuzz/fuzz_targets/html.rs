//! The HTML extraction: arbitrary bytes (lossy UTF-8) through the bounded parser
//! (`html_parse`, whole page and fragment) and the article extractor.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wirecheck::document::extract::extract_article;
use wirecheck::document::html_parse::{cap_attributes, parse_document, parse_fragment};

fn never(_: &str, _: &[html5ever::Attribute]) -> bool {
    false
}

fuzz_target!(|data: &[u8]| {
    let html = String::from_utf8_lossy(data);
    let (capped, n) = cap_attributes(&html);
    // the cap only removes bytes, and says so
    assert!(capped.len() <= html.len());
    assert_eq!(n == 0, capped.len() == html.len());
    let _ = parse_document(&html, never);
    let _ = parse_fragment(&html, never);
    let article = extract_article(&html);
    for p in &article.paragraphs {
        assert!(!p.trim().is_empty(), "an empty paragraph was extracted");
    }
});
