//! Long documents: the banded aligner keeps its accuracy on a synthetic
//! 3,000-paragraph pair with omissions (single and a block of 40), additions and
//! moved paragraphs, and every paragraph lands in exactly one bead.

use wirecheck::eval::{score, Gold};
use wirecheck::policy::Policy;

#[path = "../benches/support/synth.rs"]
#[allow(dead_code)]
mod synth;

fn align_synthetic(paras: usize, seed: u64) -> (f64, usize, usize, Vec<wirecheck::align::Bead>) {
    let (fr, en, gold) = synth::long_pair(paras, seed);
    let policy = Policy::default();
    let names = policy.exonyms();
    let (fr_d, en_d) = synth::parse_pair(&fr, &en);
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

/// Few paragraphs but very long ones (a few hundred, hundreds of words each): too
/// much work for the full DP, so the banded one runs, and still pairs each
/// paragraph with its translation.
#[test]
fn few_very_long_paragraphs_take_the_band_and_stay_exact() {
    let mut r = synth::Rng::new(11);
    let (mut fr, mut en) = (Vec::new(), Vec::new());
    for _ in 0..220 {
        let (mut e, mut f) = (String::new(), String::new());
        for _ in 0..18 {
            let (pe, pf) = synth::paragraph(&mut r);
            e.push_str(&pe);
            e.push(' ');
            f.push_str(&pf);
            f.push(' ');
        }
        en.push(e);
        fr.push(f);
    }
    let policy = Policy::default();
    let names = policy.exonyms();
    let (fr_d, en_d) = synth::parse_pair(&fr.join("\n\n"), &en.join("\n\n"));
    let (ff, ef) = wirecheck::align::similarity::features(&fr_d, &en_d, &names);
    let tokens = |f: &[wirecheck::align::similarity::ParaFeatures]| -> usize {
        f.iter().map(|p| p.tokens.len()).sum()
    };
    let work = tokens(&ff) * ef.len() + tokens(&ef) * ff.len();
    assert!(
        ff.len() * ef.len() <= wirecheck::align::dp::FULL_DP_CELLS
            && work > wirecheck::align::dp::FULL_DP_TOKEN_WORK,
        "few cells but too much work for the full DP ({work} token comparisons)"
    );
    let a = wirecheck::align::align(&fr_d, &en_d, &names, &policy);
    let exact = a
        .beads
        .iter()
        .filter(|b| b.fr.len() == 1 && b.fr == b.en)
        .count();
    assert_eq!(a.beads.len(), 220, "{:?}", &a.beads[..5]);
    assert_eq!(
        exact, 220,
        "every paragraph paired with its own translation"
    );
}
