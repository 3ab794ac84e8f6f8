//! The HTML report in a real browser: headless Chromium loads it from a file and
//! dumps the rendered DOM (`--dump-dom`), which shows what the page became after
//! parsing and after any script ran. Skipped, with a notice, when Chromium is not
//! installed (`.ci/run` installs the Debian package `chromium`).
//!
//! Screenshot of a report, for a look:
//! `chromium --headless --no-sandbox --disable-gpu --user-data-dir=$(mktemp -d) --screenshot=out.png --window-size=1400,2000 file://$PWD/report.html`

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::util::{reports, wirecheck};

fn chromium() -> Option<PathBuf> {
    if let Some(p) = std::env::var_os("WIRECHECK_CHROMIUM") {
        return Some(PathBuf::from(p));
    }
    let path = std::env::var_os("PATH").unwrap_or_default();
    ["chromium", "chromium-browser", "google-chrome"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |d| d.join(name)))
        .find(|p| p.is_file())
}

macro_rules! chromium_or_skip {
    () => {
        match chromium() {
            Some(c) => c,
            None => {
                eprintln!("SKIPPED: chromium not found (install the Debian package `chromium`, or run .ci/run)");
                return;
            }
        }
    };
}

/// The DOM of `page` after Chromium loaded it.
fn dump_dom(chromium: &Path, page: &Path) -> String {
    let profile = tempfile::tempdir().unwrap();
    let url = format!("file://{}", page.canonicalize().unwrap().display());
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .arg("--dump-dom")
        .arg(&url)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromium");
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).ok();
        s
    });
    let started = Instant::now();
    loop {
        if child.try_wait().unwrap().is_some() {
            break;
        }
        if started.elapsed() > Duration::from_secs(120) {
            let _ = child.kill();
            panic!("chromium did not finish within 120 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let dom = reader.join().unwrap();
    assert!(dom.contains("</html>"), "no DOM from chromium: {dom:.200}");
    dom
}

fn title(dom: &str) -> &str {
    let start = dom.find("<title>").map_or(0, |i| i + 7);
    let end = dom[start..].find("</title>").map_or(start, |i| start + i);
    &dom[start..end]
}

/// The harness itself: a page whose script does run shows it in the dumped DOM.
#[test]
fn dump_dom_shows_script_effects() {
    let chromium = chromium_or_skip!();
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("control.html");
    std::fs::write(&page, "<!DOCTYPE html><html><head><title>t</title></head><body><script>document.title='pwned'</script></body></html>").unwrap();
    assert_eq!(title(&dump_dom(&chromium, &page)), "pwned");
}

fn assert_nothing_injected(dom: &str) {
    let lower = dom.to_lowercase();
    assert!(!title(dom).contains("pwned"), "a script from the input ran");
    assert!(
        !lower.contains("<script"),
        "a script element was created from the input"
    );
    assert!(
        !lower.contains("<img"),
        "an img element was created from the input"
    );
    assert!(
        !lower.contains("<b>bold"),
        "markup from the input was parsed"
    );
    assert!(
        dom.contains("&lt;script&gt;document.title='pwned'&lt;/script&gt;"),
        "the input text is shown as text"
    );
}

#[test]
fn report_renders_rows_and_highlights_and_runs_nothing_from_the_input() {
    let chromium = chromium_or_skip!();
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    std::fs::write(
        &page,
        wirecheck::report::html::render(&reports::hostile_report()),
    )
    .unwrap();
    let dom = dump_dom(&chromium, &page);
    assert_eq!(dom.matches("<tr class=\"row ").count(), 12);
    assert_eq!(dom.matches("<tr class=\"row omitted\"").count(), 4);
    assert_eq!(dom.matches("<tr class=\"row added\"").count(), 1);
    assert_eq!(dom.matches("<tr class=\"row moved\"").count(), 1);
    assert!(
        dom.matches("<mark class=").count() >= 4,
        "findings highlighted"
    );
    assert!(dom.contains("F2&nbsp;error&nbsp;number-mismatch"));
    assert_nothing_injected(&dom);
}

#[test]
fn cli_html_report_of_hostile_files_is_inert_in_the_browser() {
    let chromium = chromium_or_skip!();
    let dir = tempfile::tempdir().unwrap();
    let fr = dir.path().join("fr.txt");
    let en = dir.path().join("en.txt");
    let inject = reports::INJECT;
    std::fs::write(&fr, format!("Titre {inject}\n\nVALMER (Wirepress) – Le port a rouvert mardi. {inject}\n\n(Reportage Ana Brel {inject})\n")).unwrap();
    std::fs::write(&en, format!("Title {inject}\n\nVALMER, May 3 (Wirepress) - The port reopened on Tuesday. {inject}\n\nMore text.\n\n(Reporting by Ana Brel {inject})\n")).unwrap();
    let page = dir.path().join("report.html");
    let st = wirecheck()
        .args([
            "check",
            "--format",
            "html",
            "--fail-on",
            "never",
            "--output",
        ])
        .arg(&page)
        .arg("--fr")
        .arg(&fr)
        .arg("--en")
        .arg(&en)
        .status()
        .unwrap();
    assert_eq!(st.code(), Some(0));
    let dom = dump_dom(&chromium, &page);
    // one row per bead: headline, body (the short "More text." may merge in), credits
    assert!(dom.matches("<tr class=\"row ").count() >= 3);
    assert_nothing_injected(&dom);
}

/// The desk page of `wirecheck serve` in a real browser: type both texts into the
/// form, press Check, and read the verdict and the highlighted findings of the
/// report the server rendered. Skipped with a notice without Chromium or chromedriver.
#[test]
fn desk_page_checks_a_pasted_pair() {
    use crate::util::serve::Wirecheckd;
    use crate::util::webdriver::{chromedriver, Browser};
    let chromium = chromium_or_skip!();
    let Some(driver) = chromedriver() else {
        eprintln!("SKIPPED: chromedriver not found (install the Debian package `chromium-driver`, or run .ci/run)");
        return;
    };
    let server = Wirecheckd::start(&[]);
    let pair = crate::util::pairs_root().join("needs-fixes");
    let fr = std::fs::read_to_string(pair.join("fr.txt")).unwrap();
    let en = std::fs::read_to_string(pair.join("en.txt")).unwrap();
    let b = Browser::start(&driver, &chromium);
    b.open(&server.url("/"));
    assert_eq!(b.script("return document.title"), "wirecheck desk");
    b.type_into("#fr", &fr);
    b.type_into("#en", &en);
    b.click("#check");
    let verdict = b.wait_for("return document.getElementById('verdict').textContent");
    assert!(verdict.as_str().unwrap().starts_with("FAIL"), "{verdict}");
    assert_eq!(
        b.script("return document.getElementById('verdict').className"),
        "verdict fail"
    );
    // the report in the frame: its banner and at least one highlighted finding
    let marks = b.wait_for(
        "const d = document.getElementById('report').contentDocument; \
         const m = d && d.querySelectorAll('mark'); return m && m.length ? m.length : null",
    );
    assert!(marks.as_u64().unwrap() >= 1);
    let banner = b.script(
        "return document.getElementById('report').contentDocument.querySelector('.banner').className",
    );
    assert_eq!(banner, "banner fail");
    let first = b.script(
        "return document.getElementById('report').contentDocument.querySelector('mark').textContent",
    );
    // the highlighted words are those of a finding of the server's report
    let report = server
        .post(
            "/v1/check",
            &serde_json::json!({"fr": {"text": fr}, "en": {"text": en}}),
        )
        .json();
    let first = first.as_str().unwrap();
    assert!(
        report["findings"].as_array().unwrap().iter().any(|f| {
            // the mark holds the words, then the finding's label
            [&f["fr_text"], &f["en_text"]]
                .iter()
                .filter_map(|t| t.as_str())
                .any(|t| !t.is_empty() && first.starts_with(t))
        }),
        "{first:?} is no finding's text"
    );
    // the request went through the server's API, and was logged
    assert!(server
        .log()
        .iter()
        .any(|l| l.starts_with("POST /v1/check?format=html 200") && l.ends_with("verdict=fail")));
}
