//! The command line as desks' scripts see it: exit status, one-line errors on
//! stderr, `checks` / `explain`, policy discovery, waivers, and never writing over
//! an input.

use crate::util::{self, copy_fixture_pair, run, stderr_line};

#[test]
fn checks_lists_every_contract_id_and_explain_documents_one() {
    let o = run(["checks"]);
    assert!(o.status.success());
    let out = String::from_utf8(o.stdout).unwrap();
    for id in [
        "paragraph-omitted",
        "number-mismatch",
        "quote-speaker",
        "credits-editor-missing",
        "source-changed",
    ] {
        assert!(out.contains(id), "{id} missing from `checks`");
    }
    let o = run(["explain", "quote-added"]);
    assert!(o.status.success());
    let out = String::from_utf8(o.stdout).unwrap();
    for part in ["What it checks", "Why", "Example", "Configure"] {
        assert!(out.contains(part));
    }
}

#[test]
fn unknown_check_id_is_exit_2() {
    let o = run(["explain", "no-such-check"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr_line(&o).contains("no-such-check"));
}

#[test]
fn missing_empty_binary_and_latin1_inputs_are_exit_2_naming_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let en = util::fixture("story/en.txt");
    let cases: Vec<(&str, Vec<u8>)> = vec![
        ("empty.txt", vec![]),
        ("blank.txt", b"  \n\n \t\n".to_vec()),
        ("binary.txt", vec![0x7f, b'E', b'L', b'F', 0, 0, 1, 2, 3]),
        ("latin1.txt", b"Le pr\xe9sident a d\xe9clar\xe9".to_vec()),
    ];
    for (name, bytes) in cases {
        let p = dir.path().join(name);
        std::fs::write(&p, bytes).unwrap();
        let o = run([
            "check",
            "--fr",
            p.to_str().unwrap(),
            "--en",
            en.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(2), "{name}");
        assert!(
            stderr_line(&o).contains(name),
            "{name}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert!(
            o.stdout.is_empty(),
            "{name}: no report that looks like a pass"
        );
    }
    let o = run([
        "check",
        "--fr",
        "no/such/file.txt",
        "--en",
        en.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr_line(&o).contains("no/such/file.txt"));
}

#[test]
fn bad_arguments_are_exit_2() {
    assert_eq!(run(["check"]).status.code(), Some(2));
    assert_eq!(run(["check", "--fr", "a.txt"]).status.code(), Some(2));
    assert_eq!(
        run(["check", "pairs/seed-faithful", "--format", "pdf"])
            .status
            .code(),
        Some(2)
    );
    let o = run(["check", "--fr", "-", "--en", "-"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr_line(&o).contains("standard input"));
}

#[test]
fn bad_config_is_exit_2_naming_key_and_file() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture_pair("story", dir.path());
    std::fs::write(
        dir.path().join("wirecheck.toml"),
        "[checks]\nnumber-mismatch = \"loud\"\n",
    )
    .unwrap();
    let o = run(["check", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr_line(&o);
    assert!(e.contains("wirecheck.toml") && e.contains("loud"), "{e}");
}

#[test]
fn config_is_discovered_walking_up_and_dump_config_shows_it() {
    let dir = tempfile::tempdir().unwrap();
    let pair = dir.path().join("desk").join("story");
    std::fs::create_dir_all(&pair).unwrap();
    copy_fixture_pair("story", &pair);
    std::fs::write(
        dir.path().join("wirecheck.toml"),
        "fail-on = \"warning\"\n[checks]\nparagraph-moved = \"off\"\n",
    )
    .unwrap();
    let o = run(["check", pair.to_str().unwrap(), "--dump-config"]);
    assert!(o.status.success());
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("fail-on = \"warning\""), "{out}");
    assert!(out.contains("paragraph-moved = \"off\""), "{out}");
    // the command line wins over the file
    let o = run([
        "check",
        pair.to_str().unwrap(),
        "--dump-config",
        "--fail-on",
        "never",
    ]);
    assert!(String::from_utf8(o.stdout)
        .unwrap()
        .contains("fail-on = \"never\""));
}

#[test]
fn waived_finding_passes_the_gate_and_stale_waiver_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture_pair("story", dir.path());
    let fr = std::fs::read_to_string(dir.path().join("fr.txt"))
        .unwrap()
        .replace("4,5 %", "5,5 %");
    std::fs::write(dir.path().join("fr.txt"), fr).unwrap();
    let p = dir.path().to_str().unwrap();
    assert_eq!(run(["check", p]).status.code(), Some(1));
    std::fs::write(
        dir.path().join("waivers.toml"),
        "[[waiver]]\ncheck = \"number-mismatch\"\nparagraph = 1\nreason = \"raise confirmed by the port authority\"\nby = \"K. Entringer\"\n\n[[waiver]]\ncheck = \"date-mismatch\"\nparagraph = 5\nreason = \"old\"\nby = \"K. Entringer\"\n",
    )
    .unwrap();
    let o = run(["check", p, "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let f = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["id"] == "number-mismatch")
        .unwrap();
    assert_eq!(f["waived"]["by"], "K. Entringer");
    assert_eq!(r["stale_waivers"][0]["id"], "date-mismatch");
}

#[test]
fn report_is_never_written_over_an_input() {
    let dir = tempfile::tempdir().unwrap();
    copy_fixture_pair("story", dir.path());
    let fr = dir.path().join("fr.txt");
    let before = std::fs::read(&fr).unwrap();
    let o = run([
        "check",
        "--fr",
        fr.to_str().unwrap(),
        "--en",
        dir.path().join("en.txt").to_str().unwrap(),
        "--output",
        fr.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert_eq!(std::fs::read(&fr).unwrap(), before);
}

#[test]
fn json_report_follows_the_contract_shape() {
    let o = run(["check", "pairs/seed-adapted", "--format", "json"]);
    assert_eq!(o.status.code(), Some(0));
    let r: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(r["schema"], 1);
    assert_eq!(r["tool"]["name"], "wirecheck");
    assert_eq!(r["verdict"], "pass");
    assert_eq!(r["fail_on"], "error");
    let nf = r["fr"]["paragraphs"].as_array().unwrap().len();
    let ne = r["en"]["paragraphs"].as_array().unwrap().len();
    assert_eq!(r["fr"]["sha256"].as_str().unwrap().len(), 64);
    // every paragraph index of each side in exactly one alignment entry
    let mut seen_fr = vec![0; nf];
    let mut seen_en = vec![0; ne];
    for b in r["alignment"].as_array().unwrap() {
        for i in b["fr"].as_array().unwrap() {
            seen_fr[i.as_u64().unwrap() as usize] += 1;
        }
        for j in b["en"].as_array().unwrap() {
            seen_en[j.as_u64().unwrap() as usize] += 1;
        }
    }
    assert!(seen_fr.iter().all(|&c| c == 1) && seen_en.iter().all(|&c| c == 1));
    assert_eq!(r["credits"]["en"][0]["role"], "reporter");
    assert_eq!(r["credits"]["fr"][0]["location"], "Moscou");
}
