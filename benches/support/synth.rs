//! Long synthetic French/English pairs for the alignment bench and the long-pair
//! test: invented paragraphs from a few translated templates, with invented names
//! and numbers, then omissions, additions and moves applied with a known gold.

/// A small deterministic generator (xorshift64*), so no extra dependency.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed.max(1))
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

const CITIES: &[(&str, &str)] = &[
    ("Vienna", "Vienne"),
    ("Brussels", "Bruxelles"),
    ("Beijing", "Pékin"),
    ("Cairo", "Le Caire"),
    ("Warsaw", "Varsovie"),
    ("Moscow", "Moscou"),
    ("London", "Londres"),
    ("Geneva", "Genève"),
];
const DAYS: &[(&str, &str)] = &[
    ("Monday", "lundi"),
    ("Tuesday", "mardi"),
    ("Wednesday", "mercredi"),
    ("Thursday", "jeudi"),
    ("Friday", "vendredi"),
];
const MONTHS: &[(&str, &str)] = &[
    ("January", "janvier"),
    ("March", "mars"),
    ("May", "mai"),
    ("July", "juillet"),
    ("October", "octobre"),
];
const SYLLABLES: &[&str] = &[
    "ka", "lor", "ven", "mi", "tus", "bra", "zel", "on", "dri", "fa", "nok", "sel",
];

fn name(r: &mut Rng) -> String {
    let mut word = |n: usize| {
        let mut s: String = (0..n)
            .map(|_| SYLLABLES[r.below(SYLLABLES.len())])
            .collect();
        if let Some(c) = s.get(..1).map(str::to_uppercase) {
            s.replace_range(..1, &c);
        }
        s
    };
    let first = word(2);
    let last = word(3);
    format!("{first} {last}")
}

/// One translated paragraph: `(english, french)`.
pub fn paragraph(r: &mut Rng) -> (String, String) {
    let who = name(r);
    let (ce, cf) = CITIES[r.below(CITIES.len())];
    let (de, df) = DAYS[r.below(DAYS.len())];
    let (me, mf) = MONTHS[r.below(MONTHS.len())];
    let n1 = 100 + r.below(90_000);
    let n2 = 2 + r.below(60);
    let year = 2030 + r.below(20);
    match r.below(5) {
        0 => (
            format!("{who} said on {de} that {n1} workers had left the plant in {ce} since the strike began."),
            format!("{who} a déclaré {df} que {n1} ouvriers avaient quitté l'usine de {cf} depuis le début de la grève."),
        ),
        1 => (
            format!("The government plans to spend {n1} million dollars on new schools in {ce} by {year}, according to {who}."),
            format!("Le gouvernement prévoit de dépenser {n1} millions de dollars pour de nouvelles écoles à {cf} d'ici {year}, selon {who}."),
        ),
        2 => (
            format!("Police in {ce} arrested {n1} people after clashes near the stadium on {de}, {who} told reporters."),
            format!("La police de {cf} a arrêté {n1} personnes après des affrontements près du stade {df}, a dit {who} aux journalistes."),
        ),
        3 => (
            format!("Exports from {ce} rose {n2} percent in {me} to {n1} tonnes, {who} said, while imports fell."),
            format!("Les exportations de {cf} ont augmenté de {n2} % en {mf} pour atteindre {n1} tonnes, a indiqué {who}, tandis que les importations ont reculé."),
        ),
        _ => (
            format!("{who}, who met the minister in {ce} on {de}, called the agreement on {n1} jobs a first step before {year}."),
            format!("{who}, qui a rencontré le ministre à {cf} {df}, a qualifié l'accord sur {n1} emplois de premier pas avant {year}."),
        ),
    }
}

/// A long pair: `(french text, english text, gold links "fr<TAB>en" lines)`.
///
/// `paras` English paragraphs; the French omits every 41st and a block of 40 in
/// the middle, adds an unrelated paragraph after every 59th, and moves every
/// 97th paragraph three places down.
pub fn long_pair(paras: usize, seed: u64) -> (String, String, String) {
    let mut r = Rng::new(seed);
    let pairs: Vec<(String, String)> = (0..paras).map(|_| paragraph(&mut r)).collect();
    let block = paras / 2..paras / 2 + 40.min(paras / 4);
    // French order as English indices (None = added paragraph)
    let mut order: Vec<Option<usize>> = Vec::new();
    for j in 0..paras {
        if j % 41 == 40 || block.contains(&j) {
            continue;
        }
        order.push(Some(j));
        if j % 59 == 58 {
            order.push(None);
        }
    }
    let mut k = 0;
    while k + 3 < order.len() {
        if order[k].is_some_and(|j| j % 97 == 96) {
            let x = order.remove(k);
            order.insert(k + 3, x);
            k += 4;
        } else {
            k += 1;
        }
    }
    let mut fr = Vec::new();
    let mut gold = String::new();
    for (i, o) in order.iter().enumerate() {
        match o {
            Some(j) => {
                fr.push(pairs[*j].1.clone());
                gold.push_str(&format!("{i}\t{j}\n"));
            }
            None => fr.push(paragraph(&mut r).1),
        }
    }
    let en: Vec<&str> = pairs.iter().map(|p| p.0.as_str()).collect();
    (fr.join("\n\n") + "\n", en.join("\n\n") + "\n", gold)
}

/// Both texts parsed as dispatches: `(french, english)`.
pub fn parse_pair(
    fr: &str,
    en: &str,
) -> (wirecheck::document::Dispatch, wirecheck::document::Dispatch) {
    use wirecheck::document::{Dispatch, Document, Format};
    use wirecheck::lang::Lang;
    let parse = |text: &str, name: &str, lang| {
        Dispatch::parse(
            &Document::from_text(name, String::new(), text, Format::Text),
            lang,
        )
    };
    (parse(fr, "fr", Lang::Fr), parse(en, "en", Lang::En))
}
