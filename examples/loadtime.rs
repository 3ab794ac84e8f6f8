//! Times the language tables, loading and one check, for startup work:
//! `cargo run --release --features examples --example loadtime` (reads pairs/seed-faithful).
use std::time::Instant;
fn main() {
    let t = Instant::now();
    let l = wirecheck::lang::lexicon::Lexicon::global();
    eprintln!("lexicon {} entries {:?}", l.len(), t.elapsed());
    let t = Instant::now();
    let e = wirecheck::lang::exonyms::ExonymTable::global();
    eprintln!("exonyms {} forms {:?}", e.len(), t.elapsed());
    let t = Instant::now();
    let fr =
        wirecheck::source::load_path(std::path::Path::new("pairs/seed-faithful/fr.txt")).unwrap();
    let en =
        wirecheck::source::load_path(std::path::Path::new("pairs/seed-faithful/en.txt")).unwrap();
    eprintln!("load {:?}", t.elapsed());
    let p = wirecheck::policy::Policy::default();
    let t = Instant::now();
    let _r = wirecheck::pipeline::check_pair(&fr, &en, &p, Default::default());
    eprintln!("first check {:?}", t.elapsed());
    let t = Instant::now();
    let r = wirecheck::pipeline::check_pair(&fr, &en, &p, Default::default());
    eprintln!("second check {:?}", t.elapsed());
    let t = Instant::now();
    let _ = wirecheck::report::json::render(&r);
    eprintln!("json {:?}", t.elapsed());
}
