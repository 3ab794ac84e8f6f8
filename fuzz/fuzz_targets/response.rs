//! The fetch-response parsing: what `fetch` and `document_from_web` do with a
//! response once it is read. The input is an HTTP header block (lines up to the
//! first empty line, `Name: value`), then the body bytes. The Content-Type is
//! vetted (`acceptable_content_type`), then the body decoded (charset from the
//! header, a BOM or a `<meta>`) and extracted (HTML, text, markdown, ninjs,
//! NewsML-G2) into a document, which is parsed as an English dispatch.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wirecheck::document::Dispatch;
use wirecheck::lang::Lang;
use wirecheck::source::fetch::acceptable_content_type;
use wirecheck::source::{document_from_web, Provenance};

fuzz_target!(|data: &[u8]| {
    let (head, body) = match data.windows(2).position(|w| w == b"\n\n") {
        Some(k) => (&data[..k], &data[k + 2..]),
        None => (&data[..0], data),
    };
    let head = String::from_utf8_lossy(head);
    let content_type = head
        .lines()
        .filter_map(|l| l.split_once(':'))
        .find(|(k, _)| k.trim().eq_ignore_ascii_case("content-type"))
        .map(|(_, v)| v.trim().to_string())
        .unwrap_or_default();
    if !acceptable_content_type(&content_type) {
        return;
    }
    let mut provenance = Provenance {
        url: "https://news.example/fuzz".into(),
        content_type,
        ..Provenance::default()
    };
    if let Ok(doc) = document_from_web(body, &mut provenance, "https://news.example/fuzz") {
        assert!(!doc.paragraphs.is_empty());
        assert!(!provenance.extraction.is_empty());
        let _ = Dispatch::parse(&doc, Lang::En);
    }
});
