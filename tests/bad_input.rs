//! Hostile and degenerate inputs through the command line. Each must end with a
//! valid JSON report (exit 0 or 1) or with exit 2 and a one-line message on
//! stderr, and never panic. No timing asserts: the tests only have to finish.
//! The large inputs are generated in a temporary directory at test time.

use std::path::Path;

use crate::util::{wirecheck, write};

const FR: &str = include_str!("../benches/data/dispatch/fr.txt");
const EN: &str = include_str!("../benches/data/dispatch/en.txt");

/// How one run ended.
#[derive(Debug, PartialEq)]
enum Outcome {
    Report,
    CouldNotCheck,
}

fn run(fr: &Path, en: &Path) -> Outcome {
    let out = wirecheck()
        .args(["check", "--format", "json", "--fr"])
        .arg(fr)
        .arg("--en")
        .arg(en)
        .output()
        .expect("run wirecheck");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "panic: {stderr}");
    match out.status.code() {
        Some(0 | 1) => {
            let v: serde_json::Value =
                serde_json::from_slice(&out.stdout).expect("stdout is one JSON report");
            assert_eq!(v["schema"], 1);
            assert!(matches!(v["verdict"].as_str(), Some("pass" | "fail")));
            assert!(v["alignment"].is_array() && v["findings"].is_array());
            Outcome::Report
        }
        Some(2) => {
            let msg = stderr.trim_end();
            assert!(
                !msg.is_empty() && !msg.contains('\n'),
                "one-line message, got {msg:?}"
            );
            assert!(out.stdout.is_empty(), "no report on exit 2");
            Outcome::CouldNotCheck
        }
        other => panic!("unexpected exit {other:?}: {stderr}"),
    }
}

/// Run the bad input on the French side, then on the English side, against the
/// clean dispatch; return both outcomes.
fn both_sides(name: &str, bytes: &[u8]) -> (Outcome, Outcome) {
    let dir = tempfile::tempdir().expect("temp dir");
    let bad = write(dir.path(), name, bytes);
    let fr = write(dir.path(), "fr-ok.txt", FR.as_bytes());
    let en = write(dir.path(), "en-ok.txt", EN.as_bytes());
    (run(&bad, &en), run(&fr, &bad))
}

#[test]
fn empty_file_cannot_be_checked() {
    assert_eq!(
        both_sides("empty.txt", b""),
        (Outcome::CouldNotCheck, Outcome::CouldNotCheck)
    );
}

#[test]
fn whitespace_only_cannot_be_checked() {
    let out = both_sides("blank.txt", b" \n\t\n\r\n   \n");
    assert_eq!(out, (Outcome::CouldNotCheck, Outcome::CouldNotCheck));
}

#[test]
fn binary_cannot_be_checked() {
    let bytes: Vec<u8> = (0..4096u32)
        .map(|k| (k.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    assert_eq!(
        both_sides("blob.txt", &bytes),
        (Outcome::CouldNotCheck, Outcome::CouldNotCheck)
    );
}

#[test]
fn invalid_utf8_cannot_be_checked() {
    let mut bytes = FR.as_bytes().to_vec();
    bytes.extend_from_slice(b"\n\nun \xff\xfe mot \xc3\x28 cass\xe9\n");
    assert_eq!(
        both_sides("latin.txt", &bytes),
        (Outcome::CouldNotCheck, Outcome::CouldNotCheck)
    );
}

#[test]
fn fifty_megabyte_file_ends_cleanly() {
    let mut big = String::with_capacity(51 << 20);
    while big.len() < 50 << 20 {
        big.push_str(FR);
        big.push('\n');
    }
    // refused as too large (exit 2), or checked: either way an answer, no panic
    let _ = both_sides("big.txt", big.as_bytes());
}

#[test]
fn single_five_megabyte_line_is_checked() {
    let line = "le port a traité 3,2 millions de conteneurs ".repeat((5 << 20) / 44);
    let out = both_sides("line.txt", format!("{line}\n").as_bytes());
    assert_eq!(out, (Outcome::Report, Outcome::Report));
}

#[test]
fn ten_thousand_quotations_are_checked() {
    let mut fr = String::from("Titre\n\n");
    let mut en = String::from("Title\n\n");
    for k in 0..10_000 {
        fr.push_str(&format!("« Citation numéro {k} », a dit Petra Valsen. "));
        en.push_str(&format!("\"Quote number {k},\" Petra Valsen said. "));
        if k % 50 == 49 {
            fr.push_str("\n\n");
            en.push_str("\n\n");
        }
    }
    let dir = tempfile::tempdir().expect("temp dir");
    let f = write(dir.path(), "fr.txt", fr.as_bytes());
    let e = write(dir.path(), "en.txt", en.as_bytes());
    assert_eq!(run(&f, &e), Outcome::Report);
    // all in one paragraph too
    let f1 = write(dir.path(), "fr1.txt", fr.replace("\n\n", " ").as_bytes());
    let e1 = write(dir.path(), "en1.txt", en.replace("\n\n", " ").as_bytes());
    assert_eq!(run(&f1, &e1), Outcome::Report);
}

#[test]
fn unbalanced_quotes_and_brackets_are_checked() {
    let text = "Titre (sans fin\n\nPARIS, 3 mai (Reuters) - « Il a dit \"non [vraiment » ) ] (((\n\n\
                \"\"\" « « » » » ) ( [ { } \u{201c}ouvert \u{2018}\n\n(Reportage Jean Dupont à Paris; édité par (Marie [Curie\n";
    let out = both_sides("unbalanced.txt", text.as_bytes());
    assert_eq!(out, (Outcome::Report, Outcome::Report));
}

#[test]
fn control_characters_end_cleanly() {
    // a few control characters in text: checked
    let sprinkled = FR
        .replace("port", "po\u{7}rt\u{1b}[31m")
        .replace(", ", ",\u{8} ");
    let out = both_sides("ctrl.txt", sprinkled.as_bytes());
    assert_eq!(out, (Outcome::Report, Outcome::Report));
    // mostly control characters: refused as binary or checked, no panic
    let dense: String = (1u8..32).map(char::from).cycle().take(3000).collect();
    let _ = both_sides("dense.txt", dense.as_bytes());
    // a bare NUL: binary
    assert_eq!(
        both_sides("nul.txt", b"texte\0texte\n"),
        (Outcome::CouldNotCheck, Outcome::CouldNotCheck)
    );
}

#[test]
fn mixed_scripts_are_checked() {
    let text = "Заголовок 標題 عنوان\n\nМОСКВА, 3 мая (Reuters) - Путин 東京 تقول 15 % שלום \u{202e}inverse\u{202c} 👩\u{200d}👩\u{200d}👧 e\u{301}te\u{301}\n\n\
                ‏«اقتباس» said 李明, «цитата».\n\n(Reportage Жан Дюпон à Moscou; édité par 山田 太郎)\n";
    let out = both_sides("scripts.txt", text.as_bytes());
    assert_eq!(out, (Outcome::Report, Outcome::Report));
}

#[test]
fn credits_block_of_500_names_is_checked() {
    let names: Vec<String> = (0..500)
        .map(|k| format!("Nom{k} Prénom{k} à Ville{}", k % 17))
        .collect();
    let fr = format!(
        "{}\n\n(Reportage {}; édité par Paul Mercier)\n",
        FR.trim_end().rsplit_once("\n\n").map_or(FR, |x| x.0),
        names.join(", ")
    );
    let names_en: Vec<String> = (0..500)
        .map(|k| format!("Nom{k} Prénom{k} in Ville{}", k % 17))
        .collect();
    let en = format!(
        "{}\n\n(Reporting by {}; Editing by Helen Ashby)\n",
        EN.trim_end().rsplit_once("\n\n").map_or(EN, |x| x.0),
        names_en.join(", ")
    );
    let dir = tempfile::tempdir().expect("temp dir");
    let f = write(dir.path(), "fr.txt", fr.as_bytes());
    let e = write(dir.path(), "en.txt", en.as_bytes());
    assert_eq!(run(&f, &e), Outcome::Report);
}
