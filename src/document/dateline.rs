//! Datelines: `MOSCOW/BEIJING, April 9 (Reuters) - ` and `MOSCOU/PÉKIN (Reuters) – `.
//! The city part is upper case, cities are joined by `/`, the date is optional
//! (French Reuters copy has none) and so is the agency tag.

use serde::Serialize;

use crate::lang::Lang;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Dateline {
    pub paragraph: usize,
    /// Cities as written, in order.
    pub cities: Vec<String>,
    pub date: Option<String>,
    /// The agency in the tag, e.g. `Reuters`, without brackets.
    pub agency: Option<String>,
    /// Byte length of the dateline prefix, dash and following space included.
    pub len: usize,
}

const DASHES: [&str; 4] = [" - ", " – ", " — ", " -- "];

/// Parse a dateline at the start of `text`, if there is one.
pub fn parse(text: &str, _lang: Lang, paragraph: usize) -> Option<Dateline> {
    // the dash that ends the dateline must come early
    let (head_end, dash_len) = DASHES
        .iter()
        .filter_map(|d| text.find(d).map(|i| (i, d.len())))
        .filter(|(i, _)| *i <= 120)
        .min_by_key(|(i, _)| *i)?;
    let head = text[..head_end].trim();
    let (before_tag, agency) = match (head.rfind('('), head.ends_with(')')) {
        (Some(open), true) => {
            let tag = head[open + 1..head.len() - 1].trim();
            (head[..open].trim_end(), Some(tag.to_string()))
        }
        _ => (head, None),
    };
    let (city_part, date) = match before_tag.split_once(',') {
        Some((c, d)) => (
            c.trim(),
            Some(d.trim().to_string()).filter(|d| !d.is_empty()),
        ),
        None => (before_tag.trim(), None),
    };
    if city_part.is_empty() || !is_city_caps(city_part) {
        return None;
    }
    if let Some(a) = &agency {
        if a.is_empty() || a.len() > 40 {
            return None;
        }
    }
    let cities: Vec<String> = city_part
        .split('/')
        .map(|c| c.trim().to_string())
        .filter(|c| !c.is_empty())
        .collect();
    if cities.is_empty() {
        return None;
    }
    Some(Dateline {
        paragraph,
        cities,
        date,
        agency,
        len: head_end + dash_len,
    })
}

/// Upper-case letters (any script with case), spaces, `/`, `-`, `'`, `.`; at least
/// two letters and no lower-case letter.
fn is_city_caps(s: &str) -> bool {
    let mut letters = 0;
    for c in s.chars() {
        if c.is_alphabetic() {
            if c.is_lowercase() {
                return false;
            }
            letters += 1;
        } else if !matches!(c, ' ' | '/' | '-' | '\'' | '’' | '.' | '\u{a0}') {
            return false;
        }
    }
    letters >= 2 && s.chars().count() <= 80
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_dateline_with_date_and_two_cities() {
        let d = parse(
            "MOSCOW/BEIJING, April 9 (Reuters) - Russia and China",
            Lang::En,
            1,
        )
        .unwrap();
        assert_eq!(d.cities, vec!["MOSCOW", "BEIJING"]);
        assert_eq!(d.date.as_deref(), Some("April 9"));
        assert_eq!(d.agency.as_deref(), Some("Reuters"));
        assert_eq!(
            &"MOSCOW/BEIJING, April 9 (Reuters) - Russia"[d.len..],
            "Russia"
        );
    }

    #[test]
    fn french_dateline_with_en_dash() {
        let d = parse("MOSCOU/PÉKIN (Reuters) – La Russie", Lang::Fr, 1).unwrap();
        assert_eq!(d.cities, vec!["MOSCOU", "PÉKIN"]);
        assert_eq!(d.date, None);
        assert_eq!(d.agency.as_deref(), Some("Reuters"));
    }

    #[test]
    fn dateline_without_agency_tag() {
        let d = parse("SÉOUL - Le musicien anglais", Lang::Fr, 1).unwrap();
        assert_eq!(d.cities, vec!["SÉOUL"]);
        assert_eq!(d.agency, None);
    }

    #[test]
    fn multiword_city() {
        let d = parse("MEXICO CITY, Sept 1 (Reuters) - x", Lang::En, 1).unwrap();
        assert_eq!(d.cities, vec!["MEXICO CITY"]);
        assert_eq!(d.date.as_deref(), Some("Sept 1"));
    }

    #[test]
    fn ordinary_sentence_is_not_a_dateline() {
        assert!(parse("The minister - who spoke - said", Lang::En, 1).is_none());
        assert!(parse("NATO said on Monday - that", Lang::En, 1).is_none());
    }
}
