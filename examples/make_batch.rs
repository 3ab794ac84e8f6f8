//! Writes N pair folders (the benchmark dispatch with its figures varied) under a
//! directory, to time `wirecheck batch` on a large folder:
//! `cargo run --release --features examples --example make_batch -- /tmp/batch1000 1000`, then
//! `time ./target/release/wirecheck batch /tmp/batch1000 --report-dir /tmp/batch1000-reports`.
//! Refuses to write into a directory that already exists.

#[path = "../benches/support/dispatch.rs"]
#[allow(dead_code)]
mod sample;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(dir), n) = (args.next(), args.next()) else {
        eprintln!("usage: make_batch DIR [N]");
        std::process::exit(2);
    };
    let n: usize = n.and_then(|s| s.parse().ok()).unwrap_or(1000);
    let root = std::path::Path::new(&dir);
    if root.exists() {
        eprintln!("error: {dir} exists; give a new directory");
        std::process::exit(2);
    }
    for k in 0..n {
        let pair = root.join(format!("pair-{k:05}"));
        let (fr, en) = sample::varied(k);
        if let Err(e) = std::fs::create_dir_all(&pair)
            .and_then(|_| std::fs::write(pair.join("fr.txt"), fr))
            .and_then(|_| std::fs::write(pair.join("en.txt"), en))
        {
            eprintln!("error: {}: {e}", pair.display());
            std::process::exit(2);
        }
    }
    eprintln!("{n} pairs in {dir}");
}
