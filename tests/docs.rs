//! The documentation stays true to the repository: every relative link in
//! README.md, CONTRIBUTING.md and docs/*.md points at a file or folder inside
//! the repository, and docs/contract.md lists every check with its default severity.

use std::path::PathBuf;

use crate::util::{root, run};

/// README.md, CONTRIBUTING.md and every docs/*.md.
fn markdown_files() -> Vec<PathBuf> {
    let mut files = vec![root().join("README.md"), root().join("CONTRIBUTING.md")];
    let mut docs: Vec<PathBuf> = std::fs::read_dir(root().join("docs"))
        .expect("read docs/")
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .collect();
    docs.sort();
    assert!(!docs.is_empty(), "docs/ holds no .md file");
    files.extend(docs);
    files
}

/// The link targets of a markdown text: inline `[text](target)` and reference
/// definitions `[label]: target`, outside fenced code blocks and code spans.
fn link_targets(md: &str) -> Vec<String> {
    let inline = regex::Regex::new(r"\]\(\s*<?([^)\s>]+)>?(?:\s+[^)]*)?\)").unwrap();
    let reference = regex::Regex::new(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)").unwrap();
    let code_span = regex::Regex::new(r"`+[^`]*`+").unwrap();
    let mut out = Vec::new();
    let mut fenced = false;
    for line in md.lines() {
        let t = line.trim_start();
        if t.starts_with("```") || t.starts_with("~~~") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        let line = code_span.replace_all(line, "");
        out.extend(inline.captures_iter(&line).map(|c| c[1].to_string()));
        out.extend(reference.captures_iter(&line).map(|c| c[1].to_string()));
    }
    out
}

fn is_external(target: &str) -> bool {
    target.starts_with('#') || target.starts_with("mailto:") || target.contains("://")
}

#[test]
fn every_relative_link_resolves_to_a_file_in_the_repository() {
    let repo = root().canonicalize().unwrap();
    let mut broken = Vec::new();
    let mut checked = 0;
    for file in markdown_files() {
        let md =
            std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let dir = file.parent().unwrap();
        for target in link_targets(&md) {
            if is_external(&target) {
                continue;
            }
            let path = target.split('#').next().unwrap();
            let resolved = dir.join(path);
            let inside = resolved.canonicalize().is_ok_and(|p| p.starts_with(&repo));
            if !inside {
                broken.push(format!(
                    "{}: {target}",
                    file.strip_prefix(root()).unwrap_or(&file).display()
                ));
            }
            checked += 1;
        }
    }
    assert!(broken.is_empty(), "broken links:\n{}", broken.join("\n"));
    assert!(checked > 0, "no relative link found at all");
}

#[test]
fn the_link_reader_sees_links_and_skips_code() {
    let md = "See [the contract](docs/contract.md#exit-status) and [site](https://x.example).\n\
              `[not](a-link.md)`\n```\n[nor](this.md)\n```\n[ref]: CONTRIBUTING.md\n";
    assert_eq!(
        link_targets(md),
        [
            "docs/contract.md#exit-status",
            "https://x.example",
            "CONTRIBUTING.md"
        ]
    );
}

#[test]
fn contract_lists_every_check_with_its_default_severity() {
    let contract = std::fs::read_to_string(root().join("docs/contract.md")).unwrap();
    let out = run(["checks"]);
    let listed = String::from_utf8(out.stdout).unwrap();
    let mut missing = Vec::new();
    for line in listed.lines() {
        let mut w = line.split_whitespace();
        let (Some(id), Some(severity)) = (w.next(), w.next()) else {
            continue;
        };
        let row = format!("| `{id}` | {severity} |");
        if !contract.contains(&row) {
            missing.push(row);
        }
    }
    assert!(
        missing.is_empty(),
        "docs/contract.md lacks the rows:\n{}",
        missing.join("\n")
    );
}

/// The README's fenced block right after the line that starts with `intro`.
fn readme_block_after(intro: &str) -> String {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let at = readme
        .find(intro)
        .unwrap_or_else(|| panic!("README has no line starting {intro:?}"));
    let rest = &readme[at..];
    let open = rest.find("```\n").expect("a fenced block follows") + 4;
    let close = rest[open..].find("```\n").expect("the block is closed") + open;
    rest[open..close].to_string()
}

/// The example output in the README is the real output of its command, after the
/// two header lines (files and hashes, which change with every edit of a pair).
#[test]
fn readme_example_output_is_the_real_output() {
    let block = readme_block_after("Example (`wirecheck check pairs/needs-fixes --no-alignment`");
    let o = run(["check", "pairs/needs-fixes", "--no-alignment"]);
    assert_eq!(o.status.code(), Some(1));
    let real = String::from_utf8(o.stdout).unwrap();
    let tail: Vec<&str> = real.lines().skip(2).skip_while(|l| l.is_empty()).collect();
    let block: Vec<&str> = block.lines().collect();
    assert_eq!(
        block,
        tail,
        "README example differs from the real output; the real one is:\n{}",
        tail.join("\n")
    );
}

/// The batch line the README promises is the one `batch pairs` prints, and every
/// bare `wirecheck` command in it comes after the step that installs it.
#[test]
fn readme_batch_line_is_real_and_wirecheck_is_installed_first() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let promised = readme
        .lines()
        .find_map(|l| l.trim_start().strip_prefix("# → \""))
        .and_then(|l| l.split("; open").next())
        .expect("README promises a batch summary line");
    let t = tempfile::tempdir().unwrap();
    let o = run([
        "batch",
        "pairs",
        "-q",
        "--report-dir",
        t.path().to_str().unwrap(),
    ]);
    let printed = String::from_utf8(o.stdout).unwrap();
    assert!(
        printed.starts_with(promised),
        "README: {promised}\nreal: {printed}"
    );
    let install = readme.find("cargo install --path .").expect("install step");
    let first_bare = readme
        .lines()
        .scan(0, |pos, l| {
            let here = *pos;
            *pos += l.len() + 1;
            Some((here, l))
        })
        .find(|(_, l)| l.trim_start().starts_with("wirecheck "))
        .map(|(p, _)| p)
        .expect("a wirecheck example");
    assert!(
        install < first_bare,
        "a bare `wirecheck` example comes before `cargo install`"
    );
}
