//! Runs the benchmark dispatch end to end N times (default 2000), for profilers:
//! `cargo run --release --features examples --example profile_loop -- 2000`.

#[path = "../benches/support/dispatch.rs"]
#[allow(dead_code)]
mod sample;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(2000);
    let policy = wirecheck::policy::Policy::default();
    let t = std::time::Instant::now();
    let total: usize = (0..n)
        .map(|_| sample::end_to_end(sample::FR, sample::EN, &policy).len())
        .sum();
    let el = t.elapsed();
    eprintln!(
        "{n} dispatches in {el:?}: {:?} each ({total} bytes)",
        el / n.max(1) as u32
    );
}
