//! Cost of `check` on long documents (not a test; figures go in the notes):
//!
//! ```sh
//! cargo bench --bench long_docs -- [--sizes 1,10,100] [--long 2700] [--hunalign PATH]
//!                                  [--write DIR] [--loop N]
//! ```
//!
//! The long pair is N dispatches one after the other: the docs of
//! `../shared/dev/clean` when that folder exists (evaluation data, read in place,
//! never copied), else the text pairs of `pairs/`, taken in name order and repeated
//! as needed. Each size is checked end to end as `wirecheck check --format json`
//! does it (split, parse, align, every check, JSON rendering) and the time per
//! French paragraph is printed, so N = 100 can be compared with N = 1, and with
//! the same N dispatches checked one at a time.
//!
//! `--long P` (default 2,700) also checks a pair of at least P French paragraphs,
//! prints the alignment's share of it and, with `--hunalign PATH`, runs hunalign
//! (empty dictionary, one paragraph per line, as `score.py --baseline hunalign`
//! runs it) on the same pair. `--write DIR` leaves that pair in DIR/fr.txt and
//! DIR/en.txt. `--loop N` instead checks the `pairs/` dispatches in turn N times
//! (what the serve bench posts), for profilers such as callgrind.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use wirecheck::document::{Dispatch, Document, Format};
use wirecheck::lang::Lang;
use wirecheck::pipeline::{check_pair, PairOptions};
use wirecheck::policy::Policy;
use wirecheck::source::Loaded;

/// The binary's allocator, so the figures are the binary's.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[path = "support/pairs.rs"]
mod pairs;

struct Args {
    sizes: Vec<usize>,
    long: usize,
    hunalign: Option<PathBuf>,
    write: Option<PathBuf>,
    lp: Option<usize>,
}

fn args() -> Args {
    let mut a = Args {
        sizes: vec![1, 10, 100],
        long: 2700,
        hunalign: None,
        write: None,
        lp: None,
    };
    let v: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < v.len() {
        let val = v.get(i + 1).cloned().unwrap_or_default();
        match v[i].as_str() {
            "--bench" => {
                i += 1;
                continue;
            }
            "--sizes" => a.sizes = val.split(',').map(|s| s.parse().unwrap()).collect(),
            "--long" => a.long = val.parse().unwrap(),
            "--hunalign" => a.hunalign = Some(PathBuf::from(val)),
            "--write" => a.write = Some(PathBuf::from(val)),
            "--loop" => a.lp = Some(val.parse().unwrap()),
            other => panic!("unknown argument {other}"),
        }
        i += 2;
    }
    a
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn paragraphs(t: &str) -> Vec<&str> {
    t.lines().map(str::trim).filter(|l| !l.is_empty()).collect()
}

/// Dispatches `0..n` of `docs` (repeated as needed), one paragraph a line.
fn concat(docs: &[(String, String)], n: usize) -> (String, String) {
    let (mut fr, mut en) = (Vec::new(), Vec::new());
    for k in 0..n {
        let (f, e) = &docs[k % docs.len()];
        fr.extend(paragraphs(f));
        en.extend(paragraphs(e));
    }
    (fr.join("\n") + "\n", en.join("\n") + "\n")
}

/// The smallest concatenation with at least `p` French paragraphs.
fn concat_paragraphs(docs: &[(String, String)], p: usize) -> (String, String) {
    let mut n = 1;
    loop {
        let (fr, en) = concat(docs, n);
        if fr.lines().count() >= p {
            return (fr, en);
        }
        n += 1;
    }
}

fn loaded(name: &str, text: &str) -> Loaded {
    Loaded {
        document: Document::from_text(name, String::new(), text, Format::Text),
        provenance: None,
    }
}

fn end_to_end(fr: &str, en: &str, policy: &Policy) -> usize {
    let r = check_pair(
        &loaded("fr.txt", fr),
        &loaded("en.txt", en),
        policy,
        PairOptions::default(),
    );
    wirecheck::report::json::render(&r).len()
}

/// The best of `reps` runs of `f` (at least one, and as many as fit in about 2 s).
fn best(reps: usize, mut f: impl FnMut()) -> Duration {
    let mut best = Duration::MAX;
    let start = Instant::now();
    for i in 0..reps {
        let t = Instant::now();
        f();
        best = best.min(t.elapsed());
        if i > 0 && start.elapsed() > Duration::from_secs(2) {
            break;
        }
    }
    best
}

fn main() {
    let a = args();
    let policy = Policy::default();
    let local = pairs::pairs_in(&root().join("pairs"));
    if local.is_empty() {
        eprintln!("error: no text pairs in {}", root().join("pairs").display());
        std::process::exit(2);
    }
    if let Some(n) = a.lp {
        let t = Instant::now();
        let bytes: usize = (0..n)
            .map(|k| {
                let (f, e) = &local[k % local.len()];
                end_to_end(f, e, &policy)
            })
            .sum();
        println!(
            "{n} checks of the {} pairs/ dispatches in turn: {:?} each ({bytes} bytes of JSON)",
            local.len(),
            t.elapsed() / n.max(1) as u32
        );
        return;
    }
    let dev = root().join("../shared/dev/clean");
    let (docs, from) = match pairs::pairs_in(&dev) {
        d if !d.is_empty() => (d, "../shared/dev/clean"),
        _ => (local, "pairs/"),
    };
    println!("long pairs made of the {} dispatches of {from}", docs.len());
    let mut per_one = None;
    for &n in &a.sizes {
        let (fr, en) = concat(&docs, n);
        let paras = fr.lines().count();
        let t = best(if n >= 100 { 5 } else { 30 }, || {
            end_to_end(&fr, &en, &policy);
        });
        let per = t.as_secs_f64() * 1e6 / paras as f64;
        let base = *per_one.get_or_insert(per);
        // the same dispatches checked one at a time: what they cost as dispatches
        let alone: f64 = (0..n)
            .map(|k| {
                let (f, e) = &docs[k % docs.len()];
                best(3, || {
                    end_to_end(f, e, &policy);
                })
                .as_secs_f64()
            })
            .sum();
        let per_alone = alone * 1e6 / paras as f64;
        println!(
            "N = {n:>4}: {paras:>5} fr paragraphs, check {:>9.2} ms, {per:>7.1} µs per paragraph ({:.2}x N = {}; {:.2}x the same {n} dispatches checked one by one, {per_alone:.1} µs per paragraph)",
            t.as_secs_f64() * 1e3,
            per / base,
            a.sizes[0],
            per / per_alone
        );
    }
    if a.long == 0 {
        return;
    }
    let (fr, en) = concat_paragraphs(&docs, a.long);
    let (pf, pe) = (fr.lines().count(), en.lines().count());
    if let Some(dir) = &a.write {
        std::fs::create_dir_all(dir).unwrap();
        std::fs::write(dir.join("fr.txt"), &fr).unwrap();
        std::fs::write(dir.join("en.txt"), &en).unwrap();
    }
    let t = best(3, || {
        end_to_end(&fr, &en, &policy);
    });
    let (fl, el) = (loaded("fr.txt", &fr), loaded("en.txt", &en));
    let align = best(3, || {
        let fd = Dispatch::parse(&fl.document, Lang::Fr);
        let ed = Dispatch::parse(&el.document, Lang::En);
        let names = policy.exonyms();
        wirecheck::align::align(&fd, &ed, &names, &policy);
    });
    println!(
        "long pair {pf} x {pe} paragraphs: check {:.3} s ({:.1} µs per paragraph), of which parse + align {:.3} s",
        t.as_secs_f64(),
        t.as_secs_f64() * 1e6 / pf as f64,
        align.as_secs_f64()
    );
    if let Some(h) = &a.hunalign {
        let tmp = std::env::temp_dir().join(format!("wirecheck-long-{}", std::process::id()));
        std::fs::create_dir_all(&tmp).unwrap();
        let (f, e, d) = (
            tmp.join("fr.txt"),
            tmp.join("en.txt"),
            tmp.join("empty.dic"),
        );
        std::fs::write(&f, &fr).unwrap();
        std::fs::write(&e, &en).unwrap();
        std::fs::write(&d, "").unwrap();
        let ht = best(3, || {
            // in the temporary folder: hunalign leaves a translate.txt where it runs
            let out = std::process::Command::new(h)
                .args([&d, &f, &e])
                .current_dir(&tmp)
                .output()
                .expect("hunalign runs");
            assert!(out.status.success(), "hunalign failed");
        });
        let _ = std::fs::remove_dir_all(&tmp);
        println!(
            "hunalign on the same pair: {:.3} s; wirecheck check / hunalign = {:.2}",
            ht.as_secs_f64(),
            t.as_secs_f64() / ht.as_secs_f64()
        );
    }
}
