//! Crude stemmers shared by the lexicon (at build time, see `build.rs`) and the
//! aligner (at run time): both sides must stem the same way.

/// Crude French stem: plural and feminine endings off (`accords`→`accord`,
/// `nationales`→`national`).
pub fn fr_stem(w: &str) -> String {
    let mut s = w;
    for suf in ["aux", "es", "s", "x"] {
        if s.len() > suf.len() + 3 && s.ends_with(suf) {
            s = &s[..s.len() - suf.len()];
            if suf == "aux" {
                return format!("{s}al");
            }
            break;
        }
    }
    if s.len() > 4 && s.ends_with('e') {
        s = &s[..s.len() - 1];
    }
    s.to_string()
}

/// Crude English stem: `-ies`, `-es`, `-s`, `-ed`, `-ing`, final `-e` off.
pub fn en_stem(w: &str) -> String {
    let w = w.trim_end_matches("'s");
    let mut s = w.to_string();
    for (suf, rep) in [("ies", "y"), ("ing", ""), ("ed", ""), ("es", ""), ("s", "")] {
        if s.len() > suf.len() + 2 && s.ends_with(suf) && !s.ends_with("ss") {
            s.truncate(s.len() - suf.len());
            s.push_str(rep);
            break;
        }
    }
    if s.len() > 3 && s.ends_with('e') {
        s.pop();
    }
    s
}
