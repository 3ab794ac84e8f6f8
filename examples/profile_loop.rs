//! Runs the benchmark dispatch end to end N times (default 2000), for profilers:
//! `cargo run --release --example profile_loop -- 2000`.
use wirecheck::document::{Document, Format};
use wirecheck::source::Loaded;

const FR: &str = include_str!("../benches/data/dispatch/fr.txt");
const EN: &str = include_str!("../benches/data/dispatch/en.txt");

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000);
    let policy = wirecheck::policy::Policy::default();
    let t = std::time::Instant::now();
    let mut total = 0;
    for _ in 0..n {
        let fr = Loaded {
            document: Document::from_text("fr.txt", String::new(), FR, Format::Text),
            provenance: None,
        };
        let en = Loaded {
            document: Document::from_text("en.txt", String::new(), EN, Format::Text),
            provenance: None,
        };
        let r = wirecheck::pipeline::check_pair(&fr, &en, &policy, Default::default());
        total += wirecheck::report::json::render(&r).len();
    }
    let el = t.elapsed();
    eprintln!(
        "{n} dispatches in {el:?}: {:?} each ({total} bytes)",
        el / n as u32
    );
}
