//! The credits parser on one arbitrary paragraph, in both languages.
#![no_main]

use libfuzzer_sys::fuzz_target;
use wirecheck::credits::parse_block;
use wirecheck::lang::Lang;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let _ = parse_block(&text, Lang::Fr, 0);
    let _ = parse_block(&text, Lang::En, 3);
});
