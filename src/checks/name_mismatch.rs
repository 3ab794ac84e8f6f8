//! `name-mismatch`: a person, organisation or place named in a French paragraph
//! that its English paragraph names differently (a substitution), allowing
//! exonyms, transliterations and acronyms.

use std::cell::{OnceCell, RefCell};
use std::rc::Rc;

use rustc_hash::{FxHashMap, FxHashSet};

use super::bead::bead_text;
use super::{declare_check, Context, Run};
use crate::align::Bead;
use crate::document::Dispatch;
use crate::finding::Finding;
use crate::lang::exonyms::ExonymTable;
use crate::lang::lexicon::{en_stem, Lexicon};
use crate::lang::name_compare::{same_prepared, PreparedName};
use crate::lang::name_index::NameIndex;
use crate::lang::names::{cognate, mentions, misspelling, parts, places_overlap, NameMention};
use crate::lang::text::{fold, fold_into, words};
use crate::lang::Lang;
use crate::util::{para_list, ParaStyle};

struct Side {
    text: String,
    lang: Lang,
    names: Vec<NameMention>,
    /// The names prepared for [`same_prepared`], made when first compared.
    prepared: OnceCell<Vec<Rc<PreparedName>>>,
    /// The text folded, and its words stemmed (English) or folded (French),
    /// made only when a name is not found more cheaply.
    folded: OnceCell<String>,
    stems: OnceCell<FxHashSet<String>>,
    /// The whole story's names indexed, and the answers of [`fr_name_found`]
    /// remembered by name (the English story only; see [`Side::story`]).
    index: Option<NameIndex>,
    found: RefCell<FxHashMap<String, bool>>,
}

impl Side {
    /// A side that is the whole story, asked about names from every paragraph.
    fn story(mut self, table: &ExonymTable) -> Self {
        self.index = Some(NameIndex::new(
            self.names.iter().map(|n| n.text.as_str()),
            table,
        ));
        self
    }

    /// Does some name of this side match `name` (`names::same_name`)?
    fn names_same(&self, name: &str, table: &ExonymTable) -> bool {
        match &self.index {
            Some(ix) => ix.any_same(name, table),
            None => {
                let q = prepare(name, table);
                self.prepared(table).iter().any(|e| same_prepared(&q, e))
            }
        }
    }

    /// The names, prepared for [`same_prepared`] (in the order of `names`).
    fn prepared(&self, table: &ExonymTable) -> &[Rc<PreparedName>] {
        self.prepared
            .get_or_init(|| self.names.iter().map(|n| prepare(&n.text, table)).collect())
    }

    fn folded(&self) -> &str {
        self.folded.get_or_init(|| fold(&self.text))
    }

    fn stems(&self) -> &FxHashSet<String> {
        self.stems.get_or_init(|| {
            words(&self.text)
                .iter()
                .map(|w| {
                    let f = fold(w.text);
                    match self.lang {
                        Lang::En => en_stem(&f).into_owned(),
                        Lang::Fr => f,
                    }
                })
                .collect()
        })
    }
}

thread_local! {
    /// The names prepared during one run of the check, by name (one run has one
    /// table): a story compares the same names bead after bead. Emptied when a
    /// run starts and when it ends.
    static PREPARED: RefCell<FxHashMap<String, Rc<PreparedName>>> =
        RefCell::new(FxHashMap::default());
}

/// `name` prepared for [`same_prepared`], made once per run.
fn prepare(name: &str, table: &ExonymTable) -> Rc<PreparedName> {
    PREPARED.with(|m| {
        if let Some(p) = m.borrow().get(name) {
            return Rc::clone(p);
        }
        let p = Rc::new(PreparedName::new(name, table));
        m.borrow_mut().insert(name.to_string(), Rc::clone(&p));
        p
    })
}

fn side(d: &Dispatch, idx: &[usize], lang: Lang, table: &ExonymTable) -> Side {
    let text = bead_text(d, idx);
    let mut names: Vec<NameMention> = mentions(&text, lang, table)
        .into_iter()
        .flat_map(|m| split_known(m, &text, table))
        .collect();
    // one mention per spelling: repeats add nothing and made the name-vs-name
    // comparisons quadratic on hostile input (thousands of mentions)
    let mut seen = FxHashSet::default();
    names.retain(|n| seen.insert(n.text.clone()));
    Side {
        text,
        lang,
        names,
        prepared: OnceCell::new(),
        folded: OnceCell::new(),
        stems: OnceCell::new(),
        index: None,
        found: RefCell::new(FxHashMap::default()),
    }
}

/// A run of capitalised words that starts or ends with a name the table knows,
/// split there (`NSA Edward Snowden` → `NSA`, `Edward Snowden`; `Société du
/// Grand Paris` → `Société du Grand`, `Paris`): else the known part alone makes
/// the whole run look accounted for, and a substituted neighbour passes.
fn split_known(mut m: NameMention, text: &str, table: &ExonymTable) -> Vec<NameMention> {
    // an English compound adjective names its first part (`Montreal-based`)
    for suffix in [
        "-based", "-born", "-led", "-owned", "-backed", "-made", "-style",
    ] {
        if m.text.len() > suffix.len() && ends_with_lowercased(&m.text, suffix) {
            m.span.end -= suffix.len();
            m.text.truncate(m.text.len() - suffix.len());
            m.canonical = table.canonical(&m.text).map(String::from);
        }
    }
    let ws = words(&m.text);
    if ws.len() < 2 || table.canonical(&m.text).is_some() {
        return vec![m];
    }
    // places and bodies only: a person's surname the table knows (`Blair`) after
    // a given name is one name (`Bill Blair`)
    let known = |t: &str| {
        use crate::lang::exonyms::NameKind;
        matches!(
            table.kind(t),
            Some(NameKind::Country | NameKind::City | NameKind::Place | NameKind::Org)
        )
    };
    // the span of words a..=b in `text`; its text is tested before a mention is made
    let span = |a: usize, b: usize| m.span.start + ws[a].start..m.span.start + ws[b].end();
    let words_text = |a: usize, b: usize| &text[span(a, b)];
    let at = |a: usize, b: usize| {
        let t = words_text(a, b);
        NameMention {
            text: t.to_string(),
            canonical: table.canonical(t).map(String::from),
            span: span(a, b),
        }
    };
    let n = ws.len();
    // the longest known prefix, else the longest known suffix
    for k in (1..n).rev() {
        if known(words_text(0, k - 1)) {
            let mut out = vec![at(0, k - 1)];
            out.extend(split_known(at(k, n - 1), text, table));
            return out;
        }
    }
    for k in 1..n {
        if known(words_text(k, n - 1)) {
            return vec![at(0, k - 1), at(k, n - 1)];
        }
    }
    vec![m]
}

/// `s.to_lowercase().ends_with(suffix)` for a lower-case ASCII `suffix`, without
/// making the lower-case copy when `s` is ASCII.
fn ends_with_lowercased(s: &str, suffix: &str) -> bool {
    if s.is_ascii() {
        s.len() >= suffix.len()
            && s.as_bytes()[s.len() - suffix.len()..].eq_ignore_ascii_case(suffix.as_bytes())
    } else {
        s.to_lowercase().ends_with(suffix)
    }
}

/// Is the French name accounted for in the English text?
fn fr_name_found(n: &NameMention, en: &Side, table: &ExonymTable, lex: &Lexicon) -> bool {
    if en.index.is_none() {
        return fr_name_found_in(n, en, table, lex);
    }
    if let Some(&f) = en.found.borrow().get(&n.text) {
        return f;
    }
    let f = fr_name_found_in(n, en, table, lex);
    en.found.borrow_mut().insert(n.text.clone(), f);
    f
}

fn fr_name_found_in(n: &NameMention, en: &Side, table: &ExonymTable, lex: &Lexicon) -> bool {
    if en.names_same(&n.text, table) {
        return true;
    }
    let f = fold(&n.text);
    if contains_word(en.folded(), &f) {
        return true;
    }
    // a capitalised common noun translated (Trésor → Treasury, Occidentaux → West)
    let ws = words(&n.text);
    !ws.is_empty()
        && ws.iter().all(|w| {
            lex.translations(&fold(w.text))
                .iter()
                .any(|t| en.stems().contains(*t))
        })
}

/// Is the English name accounted for in the French text? A long run (a title
/// before a name: `Natural Resources Nathalie Normandeau`) is accounted for only
/// when each of its name-like parts is: else the title alone would match
/// (`Ressources`) and a substituted surname pass.
fn en_name_found(n: &NameMention, fr: &Side, table: &ExonymTable, lex: &Lexicon) -> bool {
    let ps = parts(&n.text);
    if ps.len() >= 3 && table.canonical(&n.text).is_none() {
        return ps.iter().all(|p| {
            lex.is_english(&en_stem(p)) || contains_word(fr.folded(), p) || {
                let q = prepare(p, table);
                fr.prepared(table).iter().any(|f| same_prepared(f, &q))
            }
        });
    }
    en_name_found_whole(n, fr, table, lex)
}

fn en_name_found_whole(n: &NameMention, fr: &Side, table: &ExonymTable, lex: &Lexicon) -> bool {
    let q = prepare(&n.text, table);
    if fr
        .names
        .iter()
        .zip(fr.prepared(table))
        .any(|(f, pf)| same_prepared(pf, &q) || cognate(&f.text, &n.text))
    {
        return true;
    }
    if contains_word(fr.folded(), &fold(&n.text)) {
        return true;
    }
    let ws = words(&n.text);
    !ws.is_empty()
        && ws.iter().all(|w| {
            let f = fold(w.text);
            let s = en_stem(&f);
            fr.stems()
                .iter()
                .any(|f| lex.translations(f).contains(&s.as_ref()))
        })
}

fn contains_word(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return false;
    }
    hay.match_indices(needle).any(|(i, _)| {
        let before = hay[..i].chars().next_back();
        let after = hay[i + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

impl NameMismatch {
    fn check_bead<'d>(
        &self,
        cx: &Context<'_>,
        b: &Bead,
        en_doc: &dyn Fn() -> &'d Side,
        fr_story: &OnceCell<FrStory>,
        out: &mut Vec<Finding>,
    ) {
        let lex = Lexicon::global();
        let fr = side(cx.fr, &b.fr, Lang::Fr, cx.names);
        let en = side(cx.en, &b.en, Lang::En, cx.names);
        if fr.text.is_empty() || en.text.is_empty() {
            return;
        }
        self.broadened_place(cx, b, &fr, &en, out);
        if fr.names.is_empty() {
            return;
        }
        self.misspelled(cx, b, &fr, &en, en_doc, lex, out);
        let fr_story = || fr_story.get_or_init(|| FrStory::new(cx.fr));
        // the bead's own filters first; the whole-story ones (the English story, the
        // rest of the French) only for a name that could still be reported: they grow
        // with the document, and made long documents quadratic
        let local: Vec<&NameMention> = fr
            .names
            .iter()
            .filter(|n| !fr_name_found(n, &en, cx.names, lex))
            // a name translated in the paragraph (Cendrillon / Cinderella)
            .filter(|n| !en.names.iter().any(|e| cognate(&n.text, &e.text)))
            .filter(|n| looks_like_real_name(n, cx.names, lex, Lang::Fr))
            .filter(|n| !near_any_word(&n.text, &en.text))
            .collect();
        if local.is_empty() {
            return;
        }
        let unmatched_en: Vec<&NameMention> = en
            .names
            .iter()
            .filter(|n| !en_name_found(n, &fr, cx.names, lex))
            .filter(|n| looks_like_real_name(n, cx.names, lex, Lang::En))
            .collect();
        if unmatched_en.is_empty() {
            return;
        }
        let keys: Vec<String> = local.iter().map(|n| fold(&n.text)).collect();
        let mut seen = FxHashSet::default();
        for (k, n) in local.iter().enumerate() {
            if seen.contains(&keys[k]) {
                continue;
            }
            // the English name it replaced is of the same kind (place for place, …)
            let kind = broad_kind(n, cx.names);
            let en_names: Vec<&str> = unmatched_en
                .iter()
                .filter(|e| broad_kind(e, cx.names) == kind)
                .map(|e| e.text.as_str())
                .collect();
            // a name with nothing to compare to matters only as the first of its
            // spelling: look at the whole story for it only when another follows
            if en_names.is_empty() && !keys[k + 1..].contains(&keys[k]) {
                continue;
            }
            if fr_name_found(n, en_doc(), cx.names, lex)
                // a substituted name is new to the story: the French uses it nowhere else
                || fr_story().named_elsewhere(&b.fr, &keys[k])
            {
                continue;
            }
            seen.insert(keys[k].clone());
            if en_names.is_empty() {
                continue;
            }
            // a capitalised common noun after an article (le Tricolore, La Chatte
            // sur un toit brûlant): a nickname or a translated title more likely
            // than a substituted person or place, which take no article
            let common_noun = cx.names.canonical(&n.text).is_none() && after_article(&fr.text, n);
            // England for Britain: a place that overlaps the English one
            let overlap = kind == BroadKind::Place
                && en_names
                    .iter()
                    .all(|e| places_overlap(&n.text, e, cx.names));
            let why = if common_noun {
                " (after an article: perhaps a nickname or a translated title)"
            } else if overlap {
                " (the places overlap)"
            } else {
                ""
            };
            let f = Finding::new(
                Self::ID,
                b.fr.clone(),
                b.en.clone(),
                format!(
                    "name differs: \"{}\" (fr ¶{}) is not in the english, which names \"{}\" (en ¶{}){why}",
                    n.text,
                    para_list(&b.fr, ParaStyle::Plus),
                    en_names.join("\", \""),
                    para_list(&b.en, ParaStyle::Plus)
                ),
            )
            .texts(n.text.clone(), en_names.join(", "));
            out.push(if common_noun || overlap {
                f.lesser()
            } else {
                f
            });
        }
    }

    /// A name the French spells with two letters swapped, a consonant changed,
    /// dropped or added (see [`misspelling`]), where the English story never
    /// writes it that way.
    #[allow(clippy::too_many_arguments)]
    fn misspelled<'d>(
        &self,
        cx: &Context<'_>,
        b: &Bead,
        fr: &Side,
        en: &Side,
        en_doc: &dyn Fn() -> &'d Side,
        lex: &Lexicon,
        out: &mut Vec<Finding>,
    ) {
        let mut seen = FxHashSet::default();
        let (fr_prepared, en_prepared) = (fr.prepared(cx.names), en.prepared(cx.names));
        for (n, pn) in fr.names.iter().zip(fr_prepared) {
            for (e, pe) in en.names.iter().zip(en_prepared) {
                // `ExonymTable::same` of the two names
                if pn.table_same(pe) {
                    continue;
                }
                for fp in pn.parts() {
                    for ep in pe.parts() {
                        if !misspelling(fp, ep)
                            || lex.has_headword(fp)
                            || cx.names.canonical(fp).is_some()
                            || contains_word(en_doc().folded(), fp)
                            || !seen.insert(fp.to_string())
                        {
                            continue;
                        }
                        out.push(
                            Finding::new(
                                Self::ID,
                                b.fr.clone(),
                                b.en.clone(),
                                format!(
                                    "name spelled differently: \"{}\" (fr ¶{}) vs \"{}\" (en ¶{})",
                                    n.text,
                                    para_list(&b.fr, ParaStyle::Plus),
                                    e.text,
                                    para_list(&b.en, ParaStyle::Plus)
                                ),
                            )
                            .texts(n.text.clone(), e.text.clone()),
                        );
                    }
                }
            }
        }
    }

    /// A place the English names (Europe, Asia, France) that the French
    /// paragraph widens to the whole world (`the fastest in Europe` → `le plus
    /// rapide du monde`): a changed fact.
    fn broadened_place(
        &self,
        cx: &Context<'_>,
        b: &Bead,
        fr: &Side,
        en: &Side,
        out: &mut Vec<Finding>,
    ) {
        const WORLD_FR: &[&str] = &[
            "monde",
            "mondial",
            "mondiale",
            "mondiaux",
            "mondiales",
            "planete",
        ];
        const WORLD_EN: &[&str] = &[
            "world",
            "global",
            "globally",
            "worldwide",
            "planet",
            "earth",
        ];
        let mut buf = String::new();
        let mut has = |side: &Side, ws: &[&str]| {
            words(&side.text).iter().any(|w| {
                buf.clear();
                fold_into(w.text, &mut buf);
                ws.contains(&buf.as_str())
            })
        };
        if !has(fr, WORLD_FR) || has(en, WORLD_EN) {
            return;
        }
        let lex = Lexicon::global();
        for e in &en.names {
            if broad_kind(e, cx.names) != BroadKind::Place || en_name_found(e, fr, cx.names, lex) {
                continue;
            }
            out.push(
                Finding::new(
                    Self::ID,
                    b.fr.clone(),
                    b.en.clone(),
                    format!(
                        "place widened: the english says \"{}\" (en ¶{}), the french the whole world (fr ¶{})",
                        e.text,
                        para_list(&b.en, ParaStyle::Plus),
                        para_list(&b.fr, ParaStyle::Plus)
                    ),
                )
                .texts("monde", e.text.clone()),
            );
            return;
        }
    }
}

/// Is the mention right after a French article (`le`, `la`, `les`, `l'`, `du`,
/// `des`, `au`, `aux`)?
fn after_article(text: &str, n: &NameMention) -> bool {
    let before = &text[..n.span.start];
    let ws = words(before);
    ws.last().is_some_and(|w| {
        w.end() == before.trim_end_matches(['\'', '’', ' ']).len()
            && matches!(
                fold(w.text).as_str(),
                "le" | "la" | "les" | "l" | "du" | "des" | "au" | "aux"
            )
    })
}

/// Places, organisations and people known to the table, or unknown (most people).
#[derive(PartialEq, Eq)]
enum BroadKind {
    Place,
    Org,
    PersonOrUnknown,
}

fn broad_kind(n: &NameMention, table: &ExonymTable) -> BroadKind {
    use crate::lang::exonyms::NameKind;
    match table.kind(&n.text) {
        Some(NameKind::Country | NameKind::City | NameKind::Place) => BroadKind::Place,
        Some(NameKind::Org) => BroadKind::Org,
        _ => BroadKind::PersonOrUnknown,
    }
}

/// A name worth comparing: known to the table, or an unknown capitalised word
/// that is not an acronym the table lacks (desks localise acronyms: PS, ASFC) and
/// not a common noun the lexicon translates (Toile, Conseil, Bureau).
fn looks_like_real_name(n: &NameMention, table: &ExonymTable, lex: &Lexicon, lang: Lang) -> bool {
    if table.canonical(&n.text).is_some() {
        return true;
    }
    let ws = words(&n.text);
    if ws.len() == 1
        && ws[0]
            .text
            .chars()
            .filter(|c| c.is_alphabetic())
            .all(char::is_uppercase)
    {
        return false;
    }
    match lang {
        Lang::Fr => !ws.iter().any(|w| {
            !lex.translations(&fold(w.text)).is_empty() && table.canonical(w.text).is_none()
        }),
        Lang::En => ws
            .iter()
            .any(|w| !lex.is_english(&en_stem(&fold(w.text))) || table.canonical(w.text).is_some()),
    }
}

/// A derived form of words on the other side (Ouïghours / Uighurs, Gaulois /
/// Gauls): every part of the name is close to some word of the other text.
fn near_any_word(name: &str, other: &str) -> bool {
    let norm = |w: &str| fold(w).trim_end_matches('s').to_string();
    let other_words: Vec<String> = words(other)
        .iter()
        .map(|w| norm(w.text))
        .filter(|g| g.chars().count() >= 4)
        .collect();
    let parts: Vec<String> = words(name).iter().map(|w| norm(w.text)).collect();
    !parts.is_empty()
        && parts.iter().all(|f| {
            f.chars().count() >= 5
                && other_words.iter().any(|g| {
                    strsim::normalized_damerau_levenshtein(f, g) >= 0.7 || common_prefix(f, g) >= 4
                })
        })
}

fn common_prefix(a: &str, b: &str) -> usize {
    a.chars().zip(b.chars()).take_while(|(x, y)| x == y).count()
}

/// Every paragraph's body of the French, folded (credits paragraph empty), and
/// the paragraphs each word is in, for [`FrStory::named_elsewhere`].
struct FrStory {
    folded: Vec<String>,
    words: FxHashMap<String, Vec<usize>>,
}

impl FrStory {
    fn new(d: &Dispatch) -> Self {
        let folded: Vec<String> = (0..d.paragraphs.len())
            .map(|i| {
                if d.credits_index() == Some(i) {
                    String::new()
                } else {
                    fold(d.body(i))
                }
            })
            .collect();
        let mut words: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (i, t) in folded.iter().enumerate() {
            for w in t
                .split(|c: char| !c.is_alphanumeric())
                .filter(|w| !w.is_empty())
            {
                let v = words.entry(w.to_string()).or_default();
                if v.last() != Some(&i) {
                    v.push(i);
                }
            }
        }
        FrStory { folded, words }
    }

    /// Is the folded name written in some paragraph outside the bead? Only the
    /// paragraphs that have the name's first word can (a match starts and ends at
    /// word boundaries), when the name starts with a letter or digit.
    fn named_elsewhere(&self, bead: &[usize], name: &str) -> bool {
        let outside = |i: usize| !bead.contains(&i) && contains_word(&self.folded[i], name);
        let first = name
            .split(|c: char| !c.is_alphanumeric())
            .next()
            .unwrap_or("");
        if first.is_empty() {
            return (0..self.folded.len()).any(outside);
        }
        self.words
            .get(first)
            .is_some_and(|ps| ps.iter().any(|&i| outside(i)))
    }
}

declare_check! {
    pub struct NameMismatch;
    id: NameMismatch,
    severity: Error,
    summary: "a person, organisation or place named on one side is missing or different on the other",
    what: "For every aligned pair of paragraphs, finds names in the French (capitalised words and known names) that the English paragraph, and the whole English story, do not name in any form, while the English paragraph names someone or something the French does not: a substituted name. Exonyms, transliterations and acronyms count as the same name (Poutine = Putin, Pékin = Beijing, Otan = NATO, Sergueï = Sergei), through the shipped table and fuzzy matching of name parts.",
    why: "A wrong person, city or country is among the most damaging errors a translation can publish, and the easiest to miss when reading French alone.",
    example: "EN \"Texas Governor Greg Abbott said…\" / FR \"Le gouverneur du Texas, Greg Sorensen, a déclaré…\": name-mismatch, \"Sorensen\" vs \"Abbott\". A name rendered by a pronoun or a title on the other side is not reported, nor is a name simply dropped. Also reported: a name spelled differently (\"Lewadnowski\" for \"Lewandowski\"), a place widened to the world (\"le plus rapide du monde\" for \"the fastest in Europe\"); as warnings, a capitalised noun after an article (\"le Tricolore\" for \"the Habs\", a nickname or a title) and an overlapping place (\"Angleterre\" for \"Britain\").",
    settings: Some("Add desk exonyms and transliterations:\n[[names]]\nen = \"Zaporizhzhia\"\nfr = \"Zaporijjia\"\nkind = \"city\""),
}

impl Run for NameMismatch {
    fn run(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        PREPARED.with(|m| m.borrow_mut().clear());
        self.run_beads(cx, out);
        PREPARED.with(|m| *m.borrow_mut() = FxHashMap::default());
    }
}

impl NameMismatch {
    fn run_beads(&self, cx: &Context<'_>, out: &mut Vec<Finding>) {
        let all_en: Vec<usize> = (0..cx.en.paragraphs.len()).collect();
        // the whole English story, made only when a bead asks about it
        let en_story = OnceCell::new();
        let en_doc =
            || en_story.get_or_init(|| side(cx.en, &all_en, Lang::En, cx.names).story(cx.names));
        let fr_story = OnceCell::new();
        for b in cx
            .alignment
            .pairs()
            .filter(|b| crate::checks::bead::confident(b))
        {
            self.check_bead(cx, b, &en_doc, &fr_story, out);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::ends_with_lowercased;

    #[test]
    fn a_suffix_is_found_as_lower_casing_finds_it() {
        for (s, suffix) in [
            ("Montreal-based", "-based"),
            ("MONTREAL-BASED", "-based"),
            ("Montréal-Based", "-based"),
            ("Paris-born", "-based"),
            ("d", "-based"),
            ("Kyiv-backed", "-backed"),
            ("Zürich-led", "-led"),
        ] {
            assert_eq!(
                ends_with_lowercased(s, suffix),
                s.to_lowercase().ends_with(suffix),
                "{s} {suffix}"
            );
        }
        assert!(ends_with_lowercased("Montreal-BASED", "-based"));
        assert!(!ends_with_lowercased("Montreal", "-based"));
    }
}
