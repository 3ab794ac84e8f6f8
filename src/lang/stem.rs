//! Crude stemmers shared by the lexicon (at build time, see `build.rs`) and the
//! aligner (at run time): both sides must stem the same way.

use std::borrow::Cow;

/// Crude French stem: plural and feminine endings off (`accords`→`accord`,
/// `nationales`→`national`).
pub fn fr_stem(w: &str) -> Cow<'_, str> {
    let mut s = w;
    for suf in ["aux", "es", "s", "x"] {
        if s.len() > suf.len() + 3 && s.ends_with(suf) {
            s = &s[..s.len() - suf.len()];
            if suf == "aux" {
                return Cow::Owned(format!("{s}al"));
            }
            break;
        }
    }
    if s.len() > 4 && s.ends_with('e') {
        s = &s[..s.len() - 1];
    }
    Cow::Borrowed(s)
}

/// Crude English stem: `-ies`, `-es`, `-s`, `-ed`, `-ing`, final `-e` off.
pub fn en_stem(w: &str) -> Cow<'_, str> {
    let mut s = w;
    while let Some(t) = s.strip_suffix("'s") {
        s = t;
    }
    let mut y = false;
    for (suf, rep) in [("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")] {
        if s.len() > suf.len() + 2 && s.ends_with(suf) && !s.ends_with("ss") {
            s = &s[..s.len() - suf.len()];
            y = !rep.is_empty();
            break;
        }
    }
    if y {
        // `-ies` → `-y`; a stem ending in `y` never loses a final `e`
        return Cow::Owned(format!("{s}y"));
    }
    if s.len() > 3 && s.ends_with('e') {
        s = &s[..s.len() - 1];
    }
    Cow::Borrowed(s)
}
