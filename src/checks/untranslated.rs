//! `untranslated`: English text left in the French version: a run of words that
//! are English and not French (function words weigh most), in a paragraph that is
//! otherwise French. Capitalised runs (titles of songs, films, books) are left alone.

use std::cell::RefCell;

use super::{declare_check, Context, Run};
use crate::align::similarity::is_stopword;
use crate::finding::Finding;
use crate::lang::lexicon::{en_stem, Lexicon};
use crate::lang::text::{fold, words};
use crate::lang::Lang;
use crate::util::{excerpt, WordMemo};

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum WordLang {
    English,
    French,
    Neutral,
}

/// [`classify_word`], remembered per thread for every word it has been asked
/// about (the answer rests on the shipped word lists alone, so it never changes).
fn classify(word: &str) -> WordLang {
    /// Words a thread keeps the answer of before it starts again.
    const SEEN_MAX: usize = 32_768;
    thread_local! {
        static SEEN: RefCell<WordMemo<WordLang>> = RefCell::new(WordMemo::new(SEEN_MAX));
    }
    SEEN.with(|m| {
        let Ok(mut seen) = m.try_borrow_mut() else {
            return classify_word(word);
        };
        if let Some(&l) = seen.get(word) {
            return l;
        }
        let l = classify_word(word);
        seen.insert(word, l);
        l
    })
}

fn classify_word(word: &str) -> WordLang {
    if word.chars().any(|c| c.is_ascii_digit()) {
        return WordLang::Neutral;
    }
    // accents never appear in English words
    if word.chars().any(|c| {
        matches!(
            c,
            'é' | 'è' | 'ê' | 'à' | 'â' | 'î' | 'ô' | 'û' | 'ç' | 'ë' | 'ï' | 'ü' | 'œ'
        )
    }) {
        return WordLang::French;
    }
    let f = fold(word);
    let french = is_stopword(&f, Lang::Fr) || Lexicon::global().has_headword(&f);
    let english_word = is_stopword(&f, Lang::En) || Lexicon::global().is_english(&en_stem(&f));
    match (english_word, french) {
        (true, false) => WordLang::English,
        (false, true) => WordLang::French,
        // `a`, `on`, `pour`: words both languages have count for neither
        _ => WordLang::Neutral,
    }
}

declare_check! {
    pub struct Untranslated;
    id: Untranslated,
    severity: Warning,
    summary: "English text left in the French version",
    what: "Looks in every French paragraph (credits left out) for a run of at least thresholds.untranslated-min-words (6) English words with no French word among them. Words both languages share (`on`, `a`, `important`) are neutral; capitalised runs such as song or film titles are not reported.",
    why: "A sentence left in English after a hurried edit is an embarrassing publication error and easy to miss when skimming.",
    example: "FR ¶4 \"Le ministre a ajouté que the government would not back down on the reform.\": untranslated, \"the government would not back down on the reform\".",
    settings: Some("[thresholds]\nuntranslated-min-words = 8"),
}

impl Run for Untranslated {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let min = cx.policy.thresholds.untranslated_min_words.max(2);
        for p in &cx.fr.paragraphs {
            if cx.fr.credits_index() == Some(p.index) {
                continue;
            }
            let ws = words(&p.text);
            let mut k = 0;
            while k < ws.len() {
                let mut end = k;
                let mut english = 0;
                let mut lower_english = 0;
                while end < ws.len() {
                    match classify(ws[end].text) {
                        WordLang::French => break,
                        WordLang::English => {
                            english += 1;
                            if ws[end].text.chars().next().is_some_and(char::is_lowercase) {
                                lower_english += 1;
                            }
                        }
                        WordLang::Neutral => {}
                    }
                    end += 1;
                }
                if english >= min && lower_english * 2 >= english && end > k {
                    let span = &p.text[ws[k].start..ws[end - 1].end()];
                    let en_idx = cx
                        .alignment
                        .bead_of_fr(p.index)
                        .map(|b| b.en.clone())
                        .unwrap_or_default();
                    out.push(
                        Finding::new(
                            Self::ID,
                            vec![p.index],
                            en_idx,
                            format!(
                                "english text left in french ¶{}: \"{}\"",
                                p.index,
                                excerpt(span, 80)
                            ),
                        )
                        .texts(excerpt(span, 200), ""),
                    );
                }
                k = end + 1;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_remembered_answer_is_the_answer() {
        for w in [
            "the",
            "government",
            "gouvernement",
            "réforme",
            "2024",
            "on",
            "Back",
        ] {
            let first = classify(w);
            assert_eq!(first, classify_word(w), "{w}");
            assert_eq!(classify(w), first, "{w}");
        }
        assert_eq!(classify("would"), WordLang::English);
        assert_eq!(classify("réforme"), WordLang::French);
        assert_eq!(classify("2024"), WordLang::Neutral);
    }
}
