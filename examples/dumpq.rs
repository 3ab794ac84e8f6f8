//! Prints the quotations (with speakers) that the dispatch parser finds in a file:
//! `cargo run --release --features examples --example dumpq -- FILE [fr|en]`. A debugging aid for quote rules.
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let lang = if std::env::args().nth(2).as_deref() == Some("fr") {
        wirecheck::lang::Lang::Fr
    } else {
        wirecheck::lang::Lang::En
    };
    let l = wirecheck::source::load_path(std::path::Path::new(&path)).unwrap();
    let d = wirecheck::document::Dispatch::parse(&l.document, lang);
    for p in &d.paragraphs {
        for q in &p.quotes {
            println!(
                "¶{} [{}] {:?}",
                p.index,
                q.speaker.clone().unwrap_or_default(),
                q.text
            );
        }
    }
}
