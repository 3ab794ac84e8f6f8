//! Inputs a user gets wrong (issue 17): an ambiguous pair folder, swapped
//! languages, an output folder that does not exist, and `--dump-config` that lists
//! every check's effective level, with or without a pair.

use crate::util::{self, run, stderr_line, TempPair};

#[test]
fn a_folder_with_fr_txt_and_fr_md_is_exit_2_naming_both() {
    let p = TempPair::new(
        &util::read_fixture("story/fr.txt"),
        &util::read_fixture("story/en.txt"),
    );
    p.write("fr.md", util::read_fixture("story/fr.txt"));
    let o = run(["check", p.file("").to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let e = stderr_line(&o);
    assert!(e.contains("fr.txt") && e.contains("fr.md"), "{e}");
    assert!(o.stdout.is_empty());
}

#[test]
fn swapped_files_give_one_finding_that_says_so() {
    let p = TempPair::new(
        &util::read_fixture("story/fr.txt"),
        &util::read_fixture("story/en.txt"),
    );
    let c = util::check_files(&p.file("en.txt"), &p.file("fr.txt"), &[]);
    assert_eq!(c.code, 1);
    let all = c.report["findings"].as_array().unwrap();
    assert_eq!(all.len(), 1, "{all:#?}");
    assert_eq!(all[0]["id"], "languages-swapped");
    assert_eq!(all[0]["severity"], "error");
    assert!(all[0]["message"]
        .as_str()
        .unwrap()
        .contains("are the files swapped?"));
    // the right way round: no such finding
    let c = util::check_files(&p.file("fr.txt"), &p.file("en.txt"), &[]);
    assert!(c.findings("languages-swapped").is_empty());
}

#[test]
fn an_output_in_a_missing_folder_is_refused_and_nothing_is_created() {
    let t = tempfile::tempdir().unwrap();
    let missing = t.path().join("no").join("such");
    for opt in ["-o", "--alignment-csv"] {
        let target = missing.join("r.json");
        let o = run([
            "check",
            "pairs/seed-faithful",
            opt,
            target.to_str().unwrap(),
        ]);
        assert_eq!(o.status.code(), Some(2), "{opt}");
        let e = stderr_line(&o);
        assert!(e.contains("does not exist"), "{e}");
        assert!(!t.path().join("no").exists(), "{opt}: no folder created");
    }
}

#[test]
fn dump_config_lists_every_check_and_needs_no_pair() {
    let checks = String::from_utf8(run(["checks"]).stdout).unwrap();
    let t = tempfile::tempdir().unwrap();
    std::fs::write(
        t.path().join("wirecheck.toml"),
        "[checks]\nparagraph-moved = \"off\"\n",
    )
    .unwrap();
    let o = util::wirecheck()
        .current_dir(t.path())
        .args(["check", "--dump-config"])
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    let out = String::from_utf8(o.stdout).unwrap();
    assert!(out.contains("paragraph-moved = \"off\""), "{out}");
    for line in checks.lines() {
        let mut w = line.split_whitespace();
        let (id, sev) = (w.next().unwrap(), w.next().unwrap());
        if id != "paragraph-moved" {
            assert!(
                out.contains(&format!("{id} = \"{sev}\"")),
                "{id} missing: {out}"
            );
        }
    }
    assert!(out.contains("# read from"), "{out}");
    // and it is valid policy TOML that wirecheck reads back
    std::fs::write(t.path().join("dumped.toml"), out.as_bytes()).unwrap();
    let o = util::wirecheck()
        .current_dir(t.path())
        .args(["check", "--dump-config", "--config", "dumped.toml"])
        .output()
        .unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}
