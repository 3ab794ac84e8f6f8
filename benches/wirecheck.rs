//! Speed of the whole tool and of the aligner at scale.
//!
//! - `dispatch/end_to_end`: one typical dispatch (benches/data/dispatch, invented
//!   text): split, parse, align, every check, JSON rendering.
//! - `batch/1000_pairs`: 1,000 pairs through `pipeline::check_pair`, one thread;
//!   `batch/1000_pairs_all_cores`: the same on a rayon pool over every core, as
//!   `wirecheck batch` runs pairs.
//! - `align/3000x3000`: alignment alone (features, banded DP, moves) of a synthetic
//!   3,000-paragraph pair with omissions, additions and moves (see support/synth.rs).
//!
//! Run: `cargo bench --bench wirecheck`.

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use wirecheck::policy::Policy;

#[path = "support/synth.rs"]
#[allow(dead_code)]
mod synth;

#[path = "support/dispatch.rs"]
mod sample;

use sample::{end_to_end, EN, FR};

fn dispatch(c: &mut Criterion) {
    let policy = Policy::default();
    c.bench_function("dispatch/end_to_end", |b| {
        b.iter(|| end_to_end(FR, EN, &policy))
    });
}

fn batch(c: &mut Criterion) {
    let policy = Policy::default();
    // 1,000 distinct pairs: the dispatch with its numbers varied, so nothing is cached per text
    let pairs: Vec<(String, String)> = (0..1000).map(sample::varied).collect();
    let mut g = c.benchmark_group("batch");
    g.sample_size(10);
    g.throughput(Throughput::Elements(pairs.len() as u64));
    g.bench_function("1000_pairs", |b| {
        b.iter(|| {
            pairs
                .iter()
                .map(|(f, e)| end_to_end(f, e, &policy).len())
                .sum::<usize>()
        })
    });
    // as `wirecheck batch` runs them: a rayon pool over every core
    g.bench_function("1000_pairs_all_cores", |b| {
        use rayon::prelude::*;
        b.iter(|| {
            pairs
                .par_iter()
                .map(|(f, e)| end_to_end(f, e, &policy).len())
                .sum::<usize>()
        })
    });
    g.finish();
}

fn align_long(c: &mut Criterion) {
    let policy = Policy::default();
    let names = policy.exonyms();
    let (fr, en, _gold) = synth::long_pair(3000, 7);
    let (fr_d, en_d) = synth::parse_pair(&fr, &en);
    let mut g = c.benchmark_group("align");
    g.sample_size(10);
    g.bench_function("3000x3000", |b| {
        b.iter_batched(
            || (),
            |_| wirecheck::align::align(&fr_d, &en_d, &names, &policy),
            BatchSize::SmallInput,
        )
    });
    g.finish();
}

criterion_group!(benches, dispatch, batch, align_long);
criterion_main!(benches);
