//! Usage errors and help as a user meets them: one line on stderr naming what is
//! missing or wrong, the valid values, a "did you mean", exit 2; help text on every
//! option and the exit status at the end of `--help`. The lines are insta snapshots.

use crate::util::{run, stderr_line};

/// Run, assert exit 2, nothing on stdout and one line on stderr; return that line.
fn usage_error(args: &[&str]) -> String {
    let o = run(args);
    assert_eq!(o.status.code(), Some(2), "{args:?}");
    assert!(o.stdout.is_empty(), "{args:?}: stdout must be empty");
    stderr_line(&o).trim_end().to_string()
}

#[test]
fn usage_errors_name_what_is_missing_or_wrong() {
    let cases: &[&[&str]] = &[
        &["check", "--fr", "fr.txt"],
        &["check", "--en", "en.txt"],
        &["explain"],
        &["batch"],
        &["fetch"],
        &["eval"],
        &["chek"],
        &["check", "pairs/seed-faithful", "--format", "pdf"],
        &["check", "pairs/seed-faithful", "--format", "jsn"],
        &["check", "pairs/seed-faithful", "--fail-on", "bogus"],
        &["check", "pairs/seed-faithful", "--no-alignmnt"],
        &["explain", "number"],
        &["explain", "credits-translater-missing"],
        &["explain", "no-such-check"],
    ];
    let mut out = String::new();
    for args in cases {
        out.push_str(&format!(
            "$ wirecheck {}\n{}\n\n",
            args.join(" "),
            usage_error(args)
        ));
    }
    insta::assert_snapshot!(out);
}

#[test]
fn the_lines_say_what_a_user_needs() {
    assert!(usage_error(&["check", "--fr", "fr.txt"]).contains("--en"));
    assert!(usage_error(&["fetch"]).contains("--output <DIR>"));
    assert!(usage_error(&["check", ".", "--fail-on", "x"]).contains("error, warning, never"));
    assert!(usage_error(&["chek"]).contains("'check'"));
    assert!(usage_error(&["explain", "number"]).contains("`number-mismatch`"));
}

#[test]
fn explain_takes_any_case() {
    let o = run(["explain", "Number-Mismatch"]);
    assert!(o.status.success());
    assert!(String::from_utf8(o.stdout)
        .unwrap()
        .starts_with("number-mismatch (default: error)"));
}

#[test]
fn help_lists_the_exit_status_and_fetch_has_no_refetch() {
    let mut out = String::new();
    for args in [
        &["--help"][..],
        &["check", "--help"],
        &["batch", "--help"],
        &["fetch", "--help"],
        &["explain", "--help"],
        &["eval", "--help"],
    ] {
        let o = run(args);
        assert!(o.status.success(), "{args:?}");
        let text = String::from_utf8(o.stdout).unwrap();
        assert!(text.contains("Exit status:"), "{args:?}");
        out.push_str(&format!("$ wirecheck {}\n{text}\n", args.join(" ")));
    }
    let fetch = String::from_utf8(run(["fetch", "--help"]).stdout).unwrap();
    assert!(!fetch.contains("--refetch"), "{fetch}");
    let check = String::from_utf8(run(["check", "--help"]).stdout).unwrap();
    assert!(check.contains("--refetch"), "{check}");
    insta::assert_snapshot!(out);
}
