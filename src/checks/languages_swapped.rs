//! `languages-swapped`: the French side reads as English and the English side as
//! French, as when `--fr en.txt --en fr.txt` is typed. Every other check would
//! then report a flood of meaningless divergences, so the pipeline keeps this
//! finding alone.

use super::{declare_check, Context, Run};
use crate::document::Dispatch;
use crate::finding::Finding;
use crate::lang::stopwords::stopwords;
use crate::lang::text::{fold_into, is_letter};
use crate::lang::Lang;

declare_check! {
    pub struct LanguagesSwapped;
    id: LanguagesSwapped,
    severity: Error,
    summary: "the French side reads as English and the English side as French: the files are swapped",
    what: "Counts, on each side, the function words that belong to one language only (`le`, `des`, `qui` / `the`, `of`, `which`). \
           When the text given as French has at least 12 English ones and three times more English than French ones, and the \
           text given as English is French in the same way, the two inputs were given the wrong way round. The finding is then \
           the only one in the report: the other checks compared texts in the wrong languages.",
    why: "Swapped inputs (`--fr en.txt --en fr.txt`) otherwise give a dozen findings that all mean the same thing; one line \
          that says what happened lets the desk rerun the check at once.",
    example: "wirecheck check --fr story/en.txt --en story/fr.txt\n→ the French side (--fr) reads as English and the English side (--en) as French: are the files swapped?",
    settings: None,
}

/// Function words only one of the two languages has, in a dispatch: (French, English).
fn function_words(d: &Dispatch) -> (usize, usize) {
    let (fr, en) = (stopwords(Lang::Fr), stopwords(Lang::En));
    let (mut nf, mut ne) = (0, 0);
    let mut w = String::new();
    for p in &d.paragraphs {
        for word in p
            .text
            .split(|c: char| !is_letter(c))
            .filter(|w| !w.is_empty())
        {
            w.clear();
            fold_into(word, &mut w);
            match (fr.contains(w.as_str()), en.contains(w.as_str())) {
                (true, false) => nf += 1,
                (false, true) => ne += 1,
                _ => {}
            }
        }
    }
    (nf, ne)
}

/// `a` clearly outweighs `b`: at least 12 words and three times as many.
fn clearly(a: usize, b: usize) -> bool {
    a >= 12 && a >= 3 * b
}

impl Run for LanguagesSwapped {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        // the English side is only read when the French one reads as English
        let (fr_fr, fr_en) = function_words(cx.fr);
        if !clearly(fr_en, fr_fr) {
            return;
        }
        let (en_fr, en_en) = function_words(cx.en);
        if clearly(en_fr, en_en) {
            out.push(Finding::new(
                Self::ID,
                Vec::new(),
                Vec::new(),
                "the French side (--fr) reads as English and the English side (--en) as French: \
                 are the files swapped? (the other checks are not reported)",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::checks::bead::testing::run_check;

    const FR: &str = "Le gouvernement a annoncé que les prix de l'énergie seraient gelés pour les ménages, qui ont vu leurs factures doubler depuis le début de la crise, et il a promis des aides aux entreprises de la région.";
    const EN: &str = "The government said that energy prices would be frozen for households, which have seen their bills double since the start of the crisis, and it promised help to the businesses of the region.";

    #[test]
    fn swapped_sides_are_one_finding_and_right_sides_none() {
        assert_eq!(run_check(&LanguagesSwapped, EN, FR).len(), 1);
        assert!(run_check(&LanguagesSwapped, FR, EN).is_empty());
    }

    #[test]
    fn an_untranslated_french_side_is_not_a_swap() {
        // English on both sides is the untranslated check's business, not this one's
        assert!(run_check(&LanguagesSwapped, EN, EN).is_empty());
        assert!(run_check(&LanguagesSwapped, FR, FR).is_empty());
    }
}
