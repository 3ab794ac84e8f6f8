//! One alignment of a synthetic N x N-paragraph pair (benches/support/synth.rs: omissions,
//! additions and moves with a known gold), with its time, peak memory and
//! accuracy: `cargo run --release --features examples --example align_long -- 3000`.
//! Criterion's `align/3000x3000` gives the steadier time; this gives the memory
//! (peak resident set of the whole process, Linux).

#[path = "../benches/support/synth.rs"]
#[allow(dead_code)]
mod synth;

fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(3000);
    let (fr, en, gold) = synth::long_pair(n, 7);
    let policy = wirecheck::policy::Policy::default();
    let names = policy.exonyms();
    let before = peak_rss_kb().unwrap_or(0);
    let t = std::time::Instant::now();
    let (fr_d, en_d) = synth::parse_pair(&fr, &en);
    let parsed = t.elapsed();
    let a = wirecheck::align::align(&fr_d, &en_d, &names, &policy);
    let total = t.elapsed();
    let (nf, ne) = (fr_d.paragraphs.len(), en_d.paragraphs.len());
    let f1 = wirecheck::eval::Gold::parse(&gold, "synthetic")
        .map(|g| wirecheck::eval::score(&a.beads, &g, nf, ne).bead_f1())
        .unwrap_or(f64::NAN);
    println!(
        "{nf} x {ne} paragraphs: parse {parsed:?}, parse+align {total:?}; peak RSS {} MB (before parsing {} MB); strict bead F1 {f1:.3}",
        peak_rss_kb().unwrap_or(0) / 1024,
        before / 1024,
    );
}
