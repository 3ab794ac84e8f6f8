//! Pairing the quantities of a French text with those of its English source.

use super::*;

/// How the quantities of a French text compare with those of its English source.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Comparison {
    /// (fr index, en index) of quantities that are the same up to rounding.
    pub matched: Vec<(usize, usize)>,
    /// (fr index, en index) of quantities that stand in each other's place but differ.
    pub differing: Vec<(usize, usize)>,
    /// French quantities with no counterpart (and not paired as differing).
    pub fr_only: Vec<usize>,
    /// English quantities with no counterpart.
    pub en_only: Vec<usize>,
    /// Matched pairs where the French figure agrees only in its English-grouping
    /// reading (`20,000` for `20,000`), or is written with English grouping.
    pub foreign_format: Vec<(usize, usize)>,
    /// Differing pairs made because each was the only figure of its class left on
    /// its side, in texts that share no other quantity.
    pub lone: Vec<(usize, usize)>,
    /// French and English quantities left without an equal value when they were
    /// too many to be compared pair by pair (more than [`MAX_FIGURE_PAIRS`]
    /// pairs): those were neither matched within rounding nor paired as
    /// differing, only left in `fr_only` / `en_only`. `None` in every text of
    /// ordinary size.
    pub unpaired: Option<(usize, usize)>,
}

/// Pairs of quantities left without an equal value (French × English) past
/// which a text pair is not compared pair by pair (within rounding, after a
/// unit conversion, as differing): [`Comparison::unpaired`]. Exact values are
/// still paired, in linear time. Two aligned paragraphs hold a few dozen
/// figures; a bead past this holds thousands on both sides.
pub const MAX_FIGURE_PAIRS: usize = 4_000_000;

/// Measures of one dimension in two units (`km/h`, `mph`): equal only after conversion.
fn converted(a: &Quantity, b: &Quantity) -> bool {
    matches!((a.unit, b.unit), (Some(x), Some(y)) if x.dim == y.dim && x != y)
}

/// The same figure, but one side measures (`542 million pounds of`) where the
/// other counts things (`542 millions de citrouilles`).
fn unit_changed(a: &Quantity, b: &Quantity) -> bool {
    let counts = |q: &Quantity| q.unit.is_none() && q.counted && q.kind == Kind::Cardinal;
    // a weight, volume, area or length against a count: durations and
    // temperatures are often left implicit (`deux ans` for `two`)
    let measures = |q: &Quantity| {
        q.unit
            .is_some_and(|u| matches!(u.dim, Dim::Mass | Dim::Volume | Dim::Area | Dim::Length))
    };
    (measures(a) && counts(b)) || (measures(b) && counts(a))
}

/// Comparison class: quantities of different classes never stand for each other.
pub(super) fn class(q: &Quantity) -> u8 {
    match q.kind {
        Kind::Cardinal | Kind::Money => 0,
        Kind::Percent => 1,
        Kind::Ordinal => 2,
        Kind::Year | Kind::Decade => 3,
        Kind::Time => 4,
    }
}

/// The digits that carry a quantity, scale removed: `240,1 milliards` → `2401`.
pub(super) fn significant_digits(q: &Quantity) -> String {
    let s = format!("{:.6}", q.value.abs());
    let s: String = s.chars().filter(char::is_ascii_digit).collect();
    let s = s.trim_start_matches('0').trim_end_matches('0');
    s.to_string()
}

/// The digit strings [`resemblance`] reads of a quantity, made once per quantity.
struct Digits {
    significant: String,
    integer: String,
}

impl Digits {
    fn of(q: &Quantity) -> Digits {
        Digits {
            significant: significant_digits(q),
            integer: format!("{}", q.value.abs().trunc()),
        }
    }
}

/// How much `a` and `b` look like the same figure with one digit or the scale
/// changed: 2 = strong (one digit changed, two adjacent digits swapped, or the same
/// digits at another scale), 1 = weak.
fn resemblance((a, da): (&Quantity, &Digits), (b, db): (&Quantity, &Digits)) -> u8 {
    if a.kind == Kind::Time && b.kind == Kind::Time {
        return 2;
    }
    if da.significant == db.significant {
        return 2;
    }
    let (sa, sb) = (&da.integer, &db.integer);
    if sa.len() == sb.len() {
        let pos: Vec<usize> = sa
            .bytes()
            .zip(sb.bytes())
            .enumerate()
            .filter(|(_, (x, y))| x != y)
            .map(|(k, _)| k)
            .collect();
        let swapped = pos.len() == 2
            && pos[1] == pos[0] + 1
            && sa.as_bytes()[pos[0]] == sb.as_bytes()[pos[1]]
            && sa.as_bytes()[pos[1]] == sb.as_bytes()[pos[0]];
        if pos.len() <= 1 || swapped {
            return 2;
        }
    }
    1
}

/// Pair the quantities of two texts: equal ones (up to rounding) first, then
/// leftovers that stand in each other's place. A quantity is reported as differing
/// only when both sides have an unmatched quantity of the same class and at least
/// one of them is written in digits; one that is merely absent on one side (a
/// number dropped or spelled out in paraphrase) is left in `fr_only` / `en_only`.
/// When the texts share no quantity at all, only pairs that look like a one-digit
/// slip (or a scale slip) are reported, so a misaligned pair of paragraphs does not
/// flood the report.
pub fn compare(fr: &[Quantity], en: &[Quantity]) -> Comparison {
    let mut fr_used = vec![false; fr.len()];
    let mut en_used = vec![false; en.len()];
    let mut cmp = Comparison::default();
    // pass 1: exact value, same class; pass 2: exact value; pass 3: within rounding
    // (or converted between units); pass 4: the other reading of an ambiguous
    // separator (`2.000` = 2 000 in French-style English)
    for pass in 0..4 {
        if pass == 2 {
            let left = |used: &[bool]| used.iter().filter(|&&u| !u).count();
            let (n, m) = (left(&fr_used), left(&en_used));
            if n.saturating_mul(m) > MAX_FIGURE_PAIRS {
                cmp.unpaired = Some((n, m));
                break;
            }
        }
        // the exact passes look among the English quantities of the same value
        // only (the same pairs as a scan of them all, in linear time)
        let exact = (pass < 2).then(|| ExactIndex::new(en, pass == 0));
        for (a, qa) in fr.iter().enumerate() {
            if fr_used[a] {
                continue;
            }
            let fits = |b: usize, qb: &Quantity| {
                !en_used[b]
                    && match pass {
                        _ if pass < 3 && (unit_changed(qa, qb) || converted(qa, qb)) => false,
                        0 => qa.value == qb.value && class(qa) == class(qb) && qa.vague == qb.vague,
                        1 => qa.value == qb.value && qa.vague == qb.vague,
                        2 => qa.matches_plainly(qb),
                        // `800m` (metres, or 800 million) for `800 millions de personnes`
                        _ => qa.matches(qb) && !(unit_changed(qa, qb) && qa.matches_plainly(qb)),
                    }
            };
            let found = match &exact {
                Some(index) => index.first(qa, |b| fits(b, &en[b]), |b| en_used[b]),
                None => en.iter().enumerate().position(|(b, qb)| fits(b, qb)),
            };
            if let Some(b) = found {
                fr_used[a] = true;
                en_used[b] = true;
                cmp.matched.push((a, b));
                let fr_alt = pass == 3 && {
                    let mut plain = qa.clone();
                    plain.alt = None;
                    !plain.matches(&en[b])
                };
                if qa.foreign_grouping || fr_alt {
                    cmp.foreign_format.push((a, b));
                }
            }
        }
    }
    if cmp.unpaired.is_some() {
        cmp.fr_only = (0..fr.len()).filter(|&a| !fr_used[a]).collect();
        cmp.en_only = (0..en.len()).filter(|&b| !en_used[b]).collect();
        return cmp;
    }
    // differing pairs: strongest resemblance first
    let fr_digits: Vec<Digits> = fr.iter().map(Digits::of).collect();
    let en_digits: Vec<Digits> = en.iter().map(Digits::of).collect();
    let mut cands: Vec<(u8, usize, usize)> = Vec::new();
    // a spelled `un` / `one` is as often an article or a pronoun as a number
    let spelled_one = |q: &Quantity| q.spelled && q.value == 1.0;
    for (a, qa) in fr.iter().enumerate() {
        if fr_used[a] || spelled_one(qa) {
            continue;
        }
        for (b, qb) in en.iter().enumerate() {
            if en_used[b] || spelled_one(qb) || class(qa) != class(qb) {
                continue;
            }
            if qa.vague || qb.vague {
                // `des centaines` vs `thousands`: another order of magnitude
                if qa.vague && qb.vague {
                    cands.push((2, a, b));
                }
                continue;
            }
            let r = resemblance((qa, &fr_digits[a]), (qb, &en_digits[b]));
            // a spelled-out number against digits: only when they look alike;
            // spelled on both sides (`trois` vs `two`): compared as numbers
            if (qa.spelled != qb.spelled) && r < 2 {
                continue;
            }
            cands.push((r, a, b));
        }
    }
    // with no quantity in common, the two texts may not be translations of each other
    // (a misaligned bead): a pair counts when it looks like a slip of one digit, or
    // when each is the only figure of its class left on its side
    let mut lone = rustc_hash::FxHashSet::default();
    if cmp.matched.is_empty() {
        let (mut per_fr, mut per_en) = (vec![0usize; fr.len()], vec![0usize; en.len()]);
        for c in &cands {
            per_fr[c.1] += 1;
            per_en[c.2] += 1;
        }
        lone = cands
            .iter()
            .filter(|c| c.0 < 2 && per_fr[c.1] == 1 && per_en[c.2] == 1)
            .map(|c| (c.1, c.2))
            .collect();
        cands.retain(|c| c.0 >= 2 || lone.contains(&(c.1, c.2)));
    }
    cands.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    for (_, a, b) in cands {
        if fr_used[a] || en_used[b] {
            continue;
        }
        fr_used[a] = true;
        en_used[b] = true;
        cmp.differing.push((a, b));
        if lone.contains(&(a, b)) {
            cmp.lone.push((a, b));
        }
    }
    cmp.fr_only = (0..fr.len()).filter(|&a| !fr_used[a]).collect();
    cmp.en_only = (0..en.len()).filter(|&b| !en_used[b]).collect();
    cmp
}

/// The English quantities by exact value (and class, for the first pass), in
/// text order, for the exact passes of [`compare`].
struct ExactIndex {
    by_value: rustc_hash::FxHashMap<(u64, u8, bool), Vec<usize>>,
    /// How many of each list's first entries are used, and skipped for good.
    done: std::cell::RefCell<rustc_hash::FxHashMap<(u64, u8, bool), usize>>,
    with_class: bool,
}

impl ExactIndex {
    fn key(q: &Quantity, with_class: bool) -> Option<(u64, u8, bool)> {
        // `==` on values: 0 and -0 are equal, NaN equals nothing
        let v = if q.value == 0.0 { 0.0 } else { q.value };
        (!v.is_nan()).then(|| (v.to_bits(), if with_class { class(q) } else { 0 }, q.vague))
    }

    fn new(en: &[Quantity], with_class: bool) -> ExactIndex {
        let mut by_value: rustc_hash::FxHashMap<_, Vec<usize>> = Default::default();
        for (b, q) in en.iter().enumerate() {
            if let Some(k) = Self::key(q, with_class) {
                by_value.entry(k).or_default().push(b);
            }
        }
        ExactIndex {
            by_value,
            done: Default::default(),
            with_class,
        }
    }

    /// The first English quantity of `qa`'s value that `fits` (which asks, among
    /// the rest, that it is unused: `used`).
    fn first(
        &self,
        qa: &Quantity,
        fits: impl Fn(usize) -> bool,
        used: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let k = Self::key(qa, self.with_class)?;
        let list = self.by_value.get(&k)?;
        let mut done = self.done.borrow_mut();
        let skip = done.entry(k).or_insert(0);
        while *skip < list.len() && used(list[*skip]) {
            *skip += 1;
        }
        list[*skip..].iter().copied().find(|&b| fits(b))
    }
}
