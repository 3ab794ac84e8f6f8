//! Long documents: the banded aligner keeps its accuracy on a synthetic
//! 3,000-paragraph pair with omissions (single and a block of 40), additions and
//! moved paragraphs, and every paragraph lands in exactly one bead.

use wirecheck::document::{Dispatch, Document, Format};
use wirecheck::eval::{score, Gold};
use wirecheck::lang::Lang;
use wirecheck::policy::Policy;

#[path = "../benches/synth.rs"]
#[allow(dead_code)]
mod synth;

fn align_synthetic(paras: usize, seed: u64) -> (f64, usize, usize, Vec<wirecheck::align::Bead>) {
    let (fr, en, gold) = synth::long_pair(paras, seed);
    let policy = Policy::default();
    let names = policy.exonyms();
    let fr_d = Dispatch::parse(
        &Document::from_text("fr", String::new(), &fr, Format::Text),
        Lang::Fr,
    );
    let en_d = Dispatch::parse(
        &Document::from_text("en", String::new(), &en, Format::Text),
        Lang::En,
    );
    let a = wirecheck::align::align(&fr_d, &en_d, &names, &policy);
    let gold = Gold::parse(&gold, "synthetic").expect("gold parses");
    let (nf, ne) = (fr_d.paragraphs.len(), en_d.paragraphs.len());
    let s = score(&a.beads, &gold, nf, ne);
    (s.bead_f1(), nf, ne, a.beads)
}

fn covers_each_once(beads: &[wirecheck::align::Bead], nf: usize, ne: usize) {
    let mut seen_f = vec![0; nf];
    let mut seen_e = vec![0; ne];
    for b in beads {
        b.fr.iter().for_each(|&i| seen_f[i] += 1);
        b.en.iter().for_each(|&j| seen_e[j] += 1);
    }
    assert!(
        seen_f.iter().all(|&c| c == 1),
        "every French paragraph in exactly one bead"
    );
    assert!(
        seen_e.iter().all(|&c| c == 1),
        "every English paragraph in exactly one bead"
    );
}

#[test]
fn long_pair_with_omissions_additions_and_moves_keeps_accuracy() {
    let (f1, nf, ne, beads) = align_synthetic(3000, 7);
    assert!(nf * ne > 250_000, "large enough for the banded DP");
    covers_each_once(&beads, nf, ne);
    eprintln!("{nf} x {ne} paragraphs: strict F1 {f1:.3}");
    assert!(f1 >= 0.97, "strict F1 {f1:.3} on a 3,000-paragraph pair");
    assert!(beads.iter().any(|b| b.moved), "moved paragraphs are found");
}

#[test]
fn short_pair_takes_the_full_dp_and_stays_accurate() {
    let (f1, nf, ne, beads) = align_synthetic(120, 3);
    assert!(nf * ne <= 250_000);
    covers_each_once(&beads, nf, ne);
    eprintln!("{nf} x {ne} paragraphs: strict F1 {f1:.3}");
    assert!(f1 >= 0.97, "strict F1 {f1:.3}");
}
