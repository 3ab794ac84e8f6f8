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
fn single_megabyte_line_is_checked() {
    let line = "le port a traité 3,2 millions de conteneurs ".repeat((1 << 20) / 44);
    let out = both_sides("line.txt", format!("{line}\n").as_bytes());
    assert_eq!(out, (Outcome::Report, Outcome::Report));
}

#[test]
fn text_past_the_limit_is_refused_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let en = write(dir.path(), "en.txt", EN.as_bytes());
    // one 5 MB line, and 3 MB of ordinary paragraphs: under the 16 MiB read cap,
    // over the 2 MiB of text a side that is checked
    let line = "le port a traité 3,2 millions de conteneurs ".repeat((5 << 20) / 44);
    let paragraphs = format!("{FR}\n\n").repeat((3 << 20) / (FR.len() + 2) + 1);
    for (name, text) in [("line.txt", line), ("long.txt", paragraphs)] {
        let fr = write(dir.path(), name, text.as_bytes());
        let err = refused(&[
            "check".as_ref(),
            "--fr".as_ref(),
            fr.as_os_str(),
            "--en".as_ref(),
            en.as_os_str(),
        ]);
        assert!(
            err.contains(name)
                && err.contains("text too long to check")
                && err.contains("limit of 2 MiB a side"),
            "{err}"
        );
        let err = refused(&[
            "check".as_ref(),
            "--fr".as_ref(),
            en.as_os_str(),
            "--en".as_ref(),
            fr.as_os_str(),
        ]);
        assert!(
            err.contains(name) && err.contains("limit of 2 MiB"),
            "{err}"
        );
    }
    // a long document under the limit: checked
    let under = format!("{FR}\n\n").repeat((512 << 10) / (FR.len() + 2));
    let fr = write(dir.path(), "under.txt", under.as_bytes());
    assert_eq!(run(&fr, &en), Outcome::Report);
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

// ------------------------------------------------------------------ issue 16

/// stderr of a run that must be exit 2 with one line.
fn refused(args: &[&std::ffi::OsStr]) -> String {
    let out = wirecheck().args(args).output().expect("run wirecheck");
    let err = String::from_utf8_lossy(&out.stderr).trim_end().to_string();
    assert_eq!(out.status.code(), Some(2), "stderr: {err}");
    assert!(!err.contains('\n') && !err.is_empty(), "one line: {err:?}");
    assert!(out.stdout.is_empty());
    err
}

#[cfg(unix)]
#[test]
fn symlinks_leading_out_of_a_pair_folder_are_refused() {
    let outside = tempfile::tempdir().unwrap();
    let secret = write(
        outside.path(),
        "secret.txt",
        "root:x:0:0:root:/root:/bin/bash\n",
    );
    for link in ["fr.txt", "waivers.toml", "source.toml"] {
        let dir = tempfile::tempdir().unwrap();
        let pair = dir.path().join("pair");
        std::fs::create_dir(&pair).unwrap();
        if link != "fr.txt" {
            write(&pair, "fr.txt", FR);
        }
        write(&pair, "en.txt", EN);
        std::os::unix::fs::symlink(&secret, pair.join(link)).unwrap();
        let err = refused(&["check".as_ref(), pair.as_os_str()]);
        assert!(err.contains(link) && err.contains("symbolic link"), "{err}");
        assert!(err.contains("outside the pair folder"), "{err}");
        assert!(
            !err.contains("root:x"),
            "the target's content leaked: {err}"
        );
    }
    // a link to another file of the same folder is fine
    let dir = tempfile::tempdir().unwrap();
    write(dir.path(), "fr-v2.txt", FR);
    write(dir.path(), "en.txt", EN);
    std::os::unix::fs::symlink("fr-v2.txt", dir.path().join("fr.txt")).unwrap();
    let out = wirecheck().arg("check").arg(dir.path()).output().unwrap();
    assert!(matches!(out.status.code(), Some(0 | 1)), "{out:?}");
}

#[cfg(unix)]
#[test]
fn devices_and_pipes_are_size_capped_like_files() {
    let dir = tempfile::tempdir().unwrap();
    let en = write(dir.path(), "en.txt", EN);
    let err = refused(&[
        "check".as_ref(),
        "--fr".as_ref(),
        "/dev/zero".as_ref(),
        "--en".as_ref(),
        en.as_os_str(),
    ]);
    assert!(err.contains("too large") || err.contains("binary"), "{err}");
    // 20 MB through stdin, which has no length to check first
    let mut child = wirecheck()
        .args(["check", "--fr", "-", "--en"])
        .arg(&en)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let feeder = std::thread::spawn(move || {
        use std::io::Write;
        let line = "Le port a rouvert mardi. ".repeat(40) + "\n\n";
        for _ in 0..(20 << 20) / line.len() {
            if stdin.write_all(line.as_bytes()).is_err() {
                break;
            }
        }
    });
    let out = child.wait_with_output().unwrap();
    feeder.join().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("over 16 MiB"));
}

#[test]
fn utf16_with_a_bom_is_read_and_zero_width_only_is_no_text() {
    let dir = tempfile::tempdir().unwrap();
    let en = write(dir.path(), "en.txt", EN);
    let mut utf16 = vec![0xff, 0xfe];
    for u in FR.encode_utf16() {
        utf16.extend_from_slice(&u.to_le_bytes());
    }
    let fr16 = write(dir.path(), "fr16.txt", &utf16);
    assert_eq!(run(&fr16, &en), Outcome::Report);
    let zw = write(dir.path(), "zw.txt", "\u{200b}\u{200b}\n\u{feff}\u{200d}\n");
    let err = refused(&[
        "check".as_ref(),
        "--fr".as_ref(),
        zw.as_os_str(),
        "--en".as_ref(),
        en.as_os_str(),
    ]);
    assert!(err.contains("no text"), "{err}");
}

#[test]
fn an_os_error_is_printed_once() {
    let dir = tempfile::tempdir().unwrap();
    let en = write(dir.path(), "en.txt", EN);
    let missing = dir.path().join("nope.txt");
    let err = refused(&[
        "check".as_ref(),
        "--fr".as_ref(),
        missing.as_os_str(),
        "--en".as_ref(),
        en.as_os_str(),
    ]);
    let lower = err.to_lowercase();
    assert_eq!(lower.matches("no such file").count(), 1, "{err}");
}

#[test]
fn csv_cells_never_start_a_formula_and_the_terminal_gets_no_raw_escapes() {
    let dir = tempfile::tempdir().unwrap();
    // a bulleted paragraph and a formula, on both sides, plus an escape sequence
    // that would set the window title and clear the screen
    let fr = format!(
        "{FR}\n\n- un objectif de déficit de 5,4 %\n\n=HYPERLINK(\"http://x.example\",\"clic\")\n\nLe port\u{1b}]0;PWNED\u{7}\u{1b}[2J a fermé 3 jours."
    );
    let en = format!(
        "{EN}\n\n- a 5.4% deficit target\n\n=HYPERLINK(\"http://x.example\",\"click\")\n\nThe port closed for 4 days."
    );
    let frp = write(dir.path(), "fr.txt", &fr);
    let enp = write(dir.path(), "en.txt", &en);
    let align = dir.path().join("align.csv");
    for format in ["csv", "text"] {
        let out = wirecheck()
            .args(["check", "--fail-on", "never", "--format", format, "--fr"])
            .arg(&frp)
            .arg("--en")
            .arg(&enp)
            .arg("--alignment-csv")
            .arg(&align)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(0), "{out:?}");
        let stdout = String::from_utf8(out.stdout).unwrap();
        assert!(
            !stdout.contains('\u{1b}') && !stdout.contains('\u{7}'),
            "raw control characters"
        );
        if format == "text" {
            assert!(
                stdout.contains("\\u{1b}]0;PWNED"),
                "shown escaped: {stdout}"
            );
        }
        let csvs = [stdout.clone(), std::fs::read_to_string(&align).unwrap()];
        for text in csvs.iter().filter(|_| format == "csv") {
            let mut rd = csv::ReaderBuilder::new().from_reader(text.as_bytes());
            let mut cells = 0;
            for rec in rd.records() {
                for cell in rec.unwrap().iter() {
                    cells += 1;
                    assert!(
                        !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
                        "formula-like cell {cell:?}"
                    );
                }
            }
            assert!(cells > 0);
        }
        if format == "csv" {
            let text = std::fs::read_to_string(&align).unwrap();
            assert!(text.contains("'- a 5.4% deficit target"), "{text}");
            assert!(text.contains("'=HYPERLINK"), "{text}");
        }
    }
}

/// Issue 16, points 3 and 4: markup nested far deeper than any page needs is
/// parsed in one linear pass, and the text at the bottom is checked, not dropped:
/// a wrong weekday in a French paragraph 300 elements deep is still caught, and
/// an English page whose only text sits under 100,000 open `<div>`s is not "no text".
#[test]
fn deeply_nested_markup_is_parsed_and_its_text_checked() {
    let dir = tempfile::tempdir().expect("temp dir");
    let deep = |depth: usize, tag: &str, para: &str| {
        let open = format!("<{tag}>").repeat(depth);
        let close = format!("</{tag}>").repeat(depth);
        format!("<html><body>{open}<p>{para}</p>{close}</body></html>")
    };
    let fr_para = "OSLO, 4 mars (Reuters) - Le chantier naval de Vardø a livré mardi son dernier brise-glace.";
    let en_para =
        "OSLO, March 4 (Reuters) - The Vardø shipyard delivered its last icebreaker on Monday.";
    let fr = write(dir.path(), "fr.html", deep(300, "div", fr_para).as_bytes());
    let en = write(dir.path(), "en.txt", en_para.as_bytes());
    let out = wirecheck()
        .args(["check", "--format", "json", "--fr"])
        .arg(&fr)
        .arg("--en")
        .arg(&en)
        .output()
        .expect("run wirecheck");
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    let ids: Vec<&str> = v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter_map(|f| f["id"].as_str())
        .collect();
    assert!(ids.contains(&"date-mismatch"), "weekday caught: {ids:?}");

    // the same page, not nested: the same verdict (nesting changes nothing)
    let flat = write(dir.path(), "flat.html", deep(0, "div", fr_para).as_bytes());
    assert_eq!(run(&flat, &en), Outcome::Report);

    // 100,000 open <div>s and <span>s around the only text of the English side
    for tag in ["div", "span"] {
        let en_deep = write(
            dir.path(),
            "en.html",
            deep(100_000, tag, en_para).as_bytes(),
        );
        let fr_txt = write(dir.path(), "fr.txt", fr_para.as_bytes());
        let out = wirecheck()
            .args(["check", "--format", "json", "--fr"])
            .arg(&fr_txt)
            .arg("--en")
            .arg(&en_deep)
            .output()
            .expect("run wirecheck");
        assert_eq!(
            out.status.code(),
            Some(1),
            "{tag}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

/// A small invented pair with figures in every paragraph, for the control
/// sequence tests.
const QUAKE_FR: &str = "Un séisme frappe le nord du pays\n\nTOKYO, 3 mars (Reuters) - Un séisme de magnitude 6,1 a frappé mardi le nord du pays, faisant 14 blessés, selon les autorités.\n\nLes secours ont évacué 300 habitants de la côte.\n";
const QUAKE_EN: &str = "Earthquake hits the north of the country\n\nTOKYO, March 3 (Reuters) - A magnitude 6.1 earthquake struck the north of the country on Tuesday, injuring 14 people, authorities said.\n\nRescuers evacuated 300 residents from the coast.\n";

/// Issue 16, point 7: terminal control sequences in a paragraph are not text. The
/// digits of `ESC ]0;… BEL` (window title), `ESC [2J` (clear screen), `ESC [1;32m`
/// (colour) or a C1 CSI are never read as figures, and the finding says the
/// sequences were there, on the side that has them; a figure that really differs
/// in the same paragraph is still caught.
#[test]
fn terminal_control_sequences_are_not_figures() {
    use crate::util::{check_texts, indices};
    let dirty = "Les secours ont évacué\u{1b}]0;PASS 9\u{7} 300 habitants\u{1b}[2J\u{1b}[1;32m de la côte.\u{9b}5m";
    let fr = QUAKE_FR.replace("Les secours ont évacué 300 habitants de la côte.", dirty);
    assert_ne!(fr, QUAKE_FR);

    // the clean pair: neither finding
    let clean = check_texts(QUAKE_FR, QUAKE_EN, &[]);
    assert!(
        clean.findings("number-mismatch").is_empty(),
        "{:#}",
        clean.report["findings"]
    );
    assert!(clean.findings("control-characters").is_empty());

    // control sequences in the French: no figure from them, one finding naming ¶2
    let r = check_texts(&fr, QUAKE_EN, &[]);
    assert!(
        r.findings("number-mismatch").is_empty(),
        "a control sequence read as a figure: {:#}",
        r.report["findings"]
    );
    let c = r.findings("control-characters");
    assert_eq!(c.len(), 1, "{:#}", r.report["findings"]);
    assert_eq!(indices(&c[0]["fr"]), vec![2]);
    assert!(indices(&c[0]["en"]).is_empty());
    let msg = c[0]["message"].as_str().unwrap();
    assert!(msg.contains("\\u{1b}]0;PASS 9\\u{7}"), "{msg}");
    assert!(!msg.contains('\u{1b}'), "escaped in the report: {msg:?}");
    // the report keeps the paragraph as it came (a terminal shows it escaped)
    assert_eq!(r.report["fr"]["paragraphs"][2], dirty);

    // the same sequences on the English side
    let en = QUAKE_EN.replace(
        "300 residents",
        "300\u{1b}[38;5;208m residents\u{1b}]2;t 7\u{1b}\\",
    );
    let r = check_texts(QUAKE_FR, &en, &[]);
    assert!(
        r.findings("number-mismatch").is_empty(),
        "{:#}",
        r.report["findings"]
    );
    let c = r.findings("control-characters");
    assert_eq!(c.len(), 1);
    assert_eq!(indices(&c[0]["en"]), vec![2]);

    // a wrong figure beside the sequences is still caught, and only it
    let wrong = fr.replace("300 habitants", "400 habitants");
    let r = check_texts(&wrong, QUAKE_EN, &[]);
    let n = r.findings("number-mismatch");
    assert_eq!(n.len(), 1, "{:#}", r.report["findings"]);
    let msg = n[0]["message"].as_str().unwrap();
    assert!(msg.contains("400") && msg.contains("300"), "{msg}");
    assert_eq!(r.findings("control-characters").len(), 1);
}

/// Issue 16, "a clear message where a limit is hit, naming the limit": markup past
/// the parser's limits (1,000 attributes on a tag, 256 nested containers) is read,
/// its text checked, and an info finding names the limit; a page within them has
/// no such finding.
#[test]
fn html_parser_limits_are_reported() {
    use crate::util::check_files;
    let dir = tempfile::tempdir().unwrap();
    let fr = write(dir.path(), "fr.txt", QUAKE_FR);
    let paras: Vec<&str> = QUAKE_EN.split("\n\n").map(str::trim).collect();
    let page = |attrs: usize, depth: usize| {
        let a: String = (0..attrs).map(|i| format!(" data-x{i}=\"{i}\"")).collect();
        format!(
            "<html><body><article><h1{a}>{}</h1>{}<p>{}</p><p>{}</p>{}</article></body></html>",
            paras[0],
            "<div>".repeat(depth),
            paras[1],
            paras[2],
            "</div>".repeat(depth)
        )
    };
    let check = |name: &str, html: String| {
        let en = write(dir.path(), name, html);
        let r = check_files(&fr, &en, &[]);
        assert_eq!(r.report["en"]["paragraphs"].as_array().unwrap().len(), 3);
        r
    };
    let within = check("within.html", page(1_000, 200));
    assert!(
        within.findings("markup-limit").is_empty(),
        "{:#}",
        within.report["findings"]
    );
    assert_eq!(within.code, 0, "{:#}", within.report["findings"]);

    let attrs = check("attrs.html", page(1_001, 0));
    let f = attrs.findings("markup-limit");
    assert_eq!(f.len(), 1, "{:#}", attrs.report["findings"]);
    assert_eq!(f[0]["severity"], "info");
    let msg = f[0]["message"].as_str().unwrap();
    assert!(
        msg.contains("English") && msg.contains("attribute limit") && msg.contains("1,000"),
        "{msg}"
    );
    assert_eq!(attrs.code, 0, "info does not block");

    let deep = check("deep.html", page(0, 300));
    let msg = deep.findings("markup-limit")[0]["message"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(
        msg.contains("nesting limit")
            && msg.contains("256")
            && msg.contains("container tags past it"),
        "{msg}"
    );
    assert!(!msg.contains("attribute"), "{msg}");
}

/// The findings of a checked pair whose message names a limit.
fn limit_findings(fr: &str, en: &str) -> Vec<(String, String, String)> {
    let dir = tempfile::tempdir().expect("temp dir");
    let f = write(dir.path(), "fr.txt", fr.as_bytes());
    let e = write(dir.path(), "en.txt", en.as_bytes());
    let out = wirecheck()
        .args(["check", "--format", "json", "--fr"])
        .arg(&f)
        .arg("--en")
        .arg(&e)
        .output()
        .expect("run wirecheck");
    assert!(matches!(out.status.code(), Some(0 | 1)), "{out:?}");
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("one JSON report");
    v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| {
            f["message"]
                .as_str()
                .is_some_and(|m| m.contains("limit of"))
        })
        .map(|f| {
            let s = |k: &str| f[k].as_str().unwrap_or_default().to_string();
            (s("id"), s("severity"), s("message"))
        })
        .collect()
}

#[test]
fn giant_paragraphs_say_where_sentences_were_not_compared() {
    let quotes = |n: usize, per: usize| {
        let (mut fr, mut en) = (String::from("Titre\n\n"), String::from("Title\n\n"));
        for k in 0..n {
            fr.push_str(&format!("« Citation numéro {k} », a dit Petra Valsen. "));
            en.push_str(&format!("\"Quote number {k},\" Petra Valsen said. "));
            if k % per == per - 1 {
                fr.push_str("\n\n");
                en.push_str("\n\n");
            }
        }
        (fr, en)
    };
    // 150 sentences in one paragraph: past the limit, both sentence checks say so
    let (fr, en) = quotes(150, 150);
    let found = limit_findings(&fr, &en);
    assert_eq!(found.len(), 2, "{found:?}");
    for (id, severity, message) in &found {
        assert!(id == "sentence-omitted" || id == "sentence-added", "{id}");
        assert_eq!(severity, "info");
        assert!(
            message.contains("(150 in french, 150 in english)")
                && message.contains("limit of 100 sentences per paragraph group"),
            "{message}"
        );
    }
    // the same sentences in paragraphs of 30: compared, nothing to say
    let (fr, en) = quotes(150, 30);
    assert_eq!(limit_findings(&fr, &en), vec![]);
    // one sentence of 800 clauses
    let fr = format!(
        "Titre\n\n{}fin.\n",
        "le port, a traité des conteneurs, ".repeat(400)
    );
    let en = format!(
        "Title\n\n{}end.\n",
        "the port, handled containers, ".repeat(400)
    );
    let found = limit_findings(&fr, &en);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(
        found[0].2.contains("limit of 32 clauses per sentence"),
        "{found:?}"
    );
}
