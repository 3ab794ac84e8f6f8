//! The English source by URL, end to end, against the loopback test server
//! ([`crate::util::server`]) started by each test.

use std::net::TcpListener;
use std::path::PathBuf;
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::Duration;

use serde_json::Value;
use wirecheck::document::extract::extract_article;

use crate::util::server::{Response, Server};
use crate::util::{self, wirecheck};

/// `tests/fixtures/pages/<name>`: news page shapes and the French side they translate.
fn pages(name: &str) -> PathBuf {
    util::fixture("pages").join(name)
}

fn page(name: &str) -> String {
    util::read_fixture(&format!("pages/{name}"))
}

/// The policy line that lets the tests reach their loopback server.
const ALLOW_LOOPBACK: &str = "[fetch]\nallow-private = [\"127.0.0.1\"]\n";

struct Env {
    dir: tempfile::TempDir,
}

impl Env {
    fn new() -> Env {
        let dir = tempfile::tempdir().unwrap();
        std::fs::copy(pages("fr.txt"), dir.path().join("fr.txt")).unwrap();
        // the test server is on the loopback interface: the desk's policy allows it
        std::fs::write(dir.path().join("wirecheck.toml"), ALLOW_LOOPBACK).unwrap();
        Env { dir }
    }
    fn path(&self, p: &str) -> PathBuf {
        self.dir.path().join(p)
    }
    fn cache(&self) -> String {
        self.path("cache").display().to_string()
    }
    fn cmd(&self) -> Command {
        let mut c = wirecheck();
        c.current_dir(self.dir.path());
        c
    }
    /// `fetch URL --output pair --cache-dir …` plus `extra`: a snapshot into `pair/`.
    fn fetch_snapshot(&self, url: &str, extra: &[&str]) -> std::process::Output {
        let pair = self.path("pair");
        let cache = self.cache();
        let mut args = vec![
            "fetch",
            url,
            "--output",
            pair.to_str().unwrap(),
            "--cache-dir",
            cache.as_str(),
        ];
        args.extend_from_slice(extra);
        self.cmd().args(&args).output().unwrap()
    }
    /// `check --fr fr.txt --en URL --format json --fail-on never --cache-dir …`
    fn check_url(&self, url: &str, extra: &[&str]) -> std::process::Output {
        let fr = self.path("fr.txt");
        let cache = self.cache();
        let mut args = vec![
            "check",
            "--fr",
            fr.to_str().unwrap(),
            "--en",
            url,
            "--format",
            "json",
            "--fail-on",
            "never",
            "--cache-dir",
            cache.as_str(),
        ];
        args.extend_from_slice(extra);
        self.cmd().args(&args).output().unwrap()
    }
}

fn json(out: &std::process::Output) -> Value {
    assert_eq!(
        out.status.code(),
        Some(0),
        "stderr: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON report")
}

/// Exit 2 with exactly one line on stderr, which contains every `needle`.
fn fails_with(out: &std::process::Output, needles: &[&str]) -> String {
    let err = String::from_utf8_lossy(&out.stderr).to_string();
    assert_eq!(
        out.status.code(),
        Some(2),
        "stdout: {} stderr: {err}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(
        out.stdout.is_empty(),
        "a failed fetch must not print a report"
    );
    assert_eq!(err.trim_end().lines().count(), 1, "one line: {err:?}");
    assert!(err.starts_with("error: "), "{err}");
    eprintln!("MSG {}", err.trim_end());
    for n in needles {
        assert!(err.contains(n), "{err:?} lacks {n:?}");
    }
    err
}

fn sha256(bytes: &[u8]) -> String {
    wirecheck::util::sha256_hex(bytes)
}

fn paragraphs(report: &Value) -> Vec<String> {
    report["en"]["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p.as_str().unwrap().to_string())
        .collect()
}

const HEADLINE: &str = "Storm floods harbour district in Port Alden";
const P1: &str = "PORT ALDEN, March 4 (Reuters) - A winter storm flooded the harbour district of Port Alden on Tuesday, forcing 1,200 residents from their homes, the city's mayor said.";
const P2: &str = "Water rose 1.5 metres above the quay in less than two hours, officials said, and 16 people were treated for hypothermia.";
const P3: &str = "\u{201c}We have never seen the sea come in this fast,\u{201d} Mayor Helen Okafor told reporters.";
const P3_ASCII: &str =
    "\"We have never seen the sea come in this fast,\" Mayor Helen Okafor told reporters.";
const P4: &str = "The regional rail line was suspended and schools will stay closed on Wednesday.";
const CREDITS: &str = "(Reporting by Tom Reyes; Editing by Anna Lind)";

// ------------------------------------------------------------------ page shapes

#[test]
fn shape_json_ld_article_uses_article_body_and_headline() {
    let a = extract_article(&page("jsonld.html"));
    assert_eq!(a.method, "json-ld");
    assert_eq!(a.paragraphs, vec![HEADLINE, P1, P2, P3_ASCII, P4, CREDITS]);
    assert!(!a.paywalled);
}

#[test]
fn shape_plain_article_without_chrome() {
    let a = extract_article(&page("plain.html"));
    assert_eq!(a.method, "article");
    assert_eq!(a.paragraphs, vec![HEADLINE, P1, P2, P3, P4, CREDITS]);
}

#[test]
fn shape_amp_page_without_amp_widgets() {
    let a = extract_article(&page("amp.html"));
    assert_eq!(a.paragraphs, vec![HEADLINE, P1, P2, P3_ASCII, P4, CREDITS]);
}

#[test]
fn shape_paywalled_teaser_is_the_teaser_and_flagged() {
    let a = extract_article(&page("paywall.html"));
    assert!(a.paywalled);
    assert_eq!(a.paragraphs, vec![HEADLINE, P1, P2]);
}

#[test]
fn shape_related_story_lists_are_dropped_but_real_lists_kept() {
    let a = extract_article(&page("related.html"));
    assert_eq!(
        a.paragraphs,
        vec![
            HEADLINE,
            P1,
            P2,
            P3_ASCII,
            "The regional rail line was suspended and schools will stay closed on Wednesday. Officials listed the closed stations:",
            "Harbour Street, closed until Friday",
            "Old Market, closed until further notice",
            CREDITS,
        ]
    );
}

#[test]
fn shape_live_blog_takes_every_entry_in_page_order() {
    let a = extract_article(&page("liveblog.html"));
    assert_eq!(
        a.paragraphs,
        vec![
            "Live: Storm hits Port Alden",
            "Schools to stay closed",
            "Schools will stay closed on Wednesday, the council said.",
            "Rail line suspended",
            "The regional rail line was suspended after water reached the tracks.",
            "Flooding begins",
            "Water rose 1.5 metres above the quay in less than two hours.",
            "\"We have never seen the sea come in this fast,\" Mayor Helen Okafor said.",
        ]
    );
}

#[test]
fn local_html_english_file_goes_through_the_same_extraction() {
    let env = Env::new();
    let fr = env.path("fr.txt");
    let en = pages("related.html");
    let out = env
        .cmd()
        .args([
            "check",
            "--fr",
            fr.to_str().unwrap(),
            "--en",
            en.to_str().unwrap(),
            "--format",
            "json",
            "--fail-on",
            "never",
        ])
        .output()
        .unwrap();
    let r = json(&out);
    assert_eq!(paragraphs(&r)[0], HEADLINE);
    assert!(!paragraphs(&r)
        .iter()
        .any(|p| p.contains("READ MORE") || p.contains("sea wall")));
}

// ------------------------------------------------------------------ fetching

#[test]
fn ok_200_fetches_extracts_and_records_provenance() {
    let body = page("jsonld.html");
    let raw = body.clone().into_bytes();
    let srv = Server::start(move |_| Response::html(body.clone()));
    let env = Env::new();
    let url = srv.url("/world/storm");
    let r = json(&env.check_url(&url, &[]));
    assert_eq!(
        paragraphs(&r),
        vec![HEADLINE, P1, P2, P3_ASCII, P4, CREDITS]
    );
    let p = &r["en"]["provenance"];
    assert_eq!(p["url"], url);
    assert_eq!(p["final_url"], url);
    assert_eq!(p["status"], 200);
    assert_eq!(p["sha256"], sha256(&raw));
    assert_eq!(r["en"]["sha256"], sha256(&raw));
    assert_eq!(p["content_type"], "text/html; charset=utf-8");
    assert_eq!(p["origin"], "live");
    assert_eq!(p["extraction"], "json-ld");
    let text = paragraphs(&r).join("\n\n");
    assert_eq!(p["text_sha256"], sha256(text.as_bytes()));
    let at = p["fetched_at"].as_str().unwrap();
    assert!(
        time::OffsetDateTime::parse(at, &time::format_description::well_known::Rfc3339).is_ok(),
        "{at}"
    );
    assert!(r["run"]["policy_sha256"]
        .as_str()
        .is_some_and(|s| s.len() == 64));
    assert!(r["fr"]["sha256"].as_str().is_some_and(|s| s.len() == 64));
    let ua = srv.user_agent();
    assert!(
        ua.starts_with(&format!("wirecheck/{} ", env!("CARGO_PKG_VERSION"))),
        "{ua}"
    );
}

#[test]
fn cache_is_revalidated_and_304_reuses_it() {
    let body = page("plain.html");
    let srv = Server::start(move |req| {
        if req.headers.get("if-none-match").map(String::as_str) == Some("\"v1\"") {
            Response::status(304, "Not Modified")
        } else {
            Response::html(body.clone())
                .header("ETag", "\"v1\"")
                .header("Last-Modified", "Tue, 04 Mar 2031 09:00:00 GMT")
        }
    });
    let env = Env::new();
    let url = srv.url("/story");
    let first = json(&env.check_url(&url, &[]));
    let second = json(&env.check_url(&url, &[]));
    let hits = srv.hits();
    assert_eq!(hits.len(), 2);
    assert!(!hits[0].headers.contains_key("if-none-match"));
    assert_eq!(
        hits[1].headers.get("if-none-match").map(String::as_str),
        Some("\"v1\"")
    );
    assert_eq!(
        hits[1].headers.get("if-modified-since").map(String::as_str),
        Some("Tue, 04 Mar 2031 09:00:00 GMT")
    );
    assert_eq!(second["en"]["provenance"]["origin"], "cache-revalidated");
    assert_eq!(
        second["en"]["provenance"]["sha256"],
        first["en"]["provenance"]["sha256"]
    );
    assert_eq!(
        second["en"]["provenance"]["fetched_at"],
        first["en"]["provenance"]["fetched_at"]
    );
    assert_eq!(paragraphs(&second), paragraphs(&first));
}

#[test]
fn offline_uses_only_the_cache_hit_and_miss() {
    let body = page("plain.html");
    let srv = Server::start(move |_| Response::html(body.clone()));
    let env = Env::new();
    let url = srv.url("/story");
    json(&env.check_url(&url, &[]));
    let r = json(&env.check_url(&url, &["--offline"]));
    assert_eq!(srv.hits().len(), 1, "--offline must not touch the network");
    assert_eq!(r["en"]["provenance"]["origin"], "cache");
    assert_eq!(paragraphs(&r)[1], P1);
    let other = srv.url("/never-fetched");
    fails_with(
        &env.check_url(&other, &["--offline"]),
        &[&other, "not in the cache", "--offline"],
    );
    assert_eq!(srv.hits().len(), 1);
}

#[test]
fn http_404_and_500_are_exit_2() {
    let srv = Server::start(|req| match req.path.as_str() {
        "/gone" => Response::status(404, "Not Found"),
        _ => Response::status(500, "Internal Server Error"),
    });
    let env = Env::new();
    let u = srv.url("/gone");
    fails_with(&env.check_url(&u, &[]), &[&u, "HTTP 404 Not Found"]);
    let u = srv.url("/broken");
    fails_with(
        &env.check_url(&u, &[]),
        &[&u, "HTTP 500 Internal Server Error"],
    );
}

#[test]
fn redirect_is_followed_and_final_url_recorded() {
    let body = page("plain.html");
    let srv = Server::start(move |req| match req.path.as_str() {
        "/old" => Response::redirect("/new"),
        _ => Response::html(body.clone()),
    });
    let env = Env::new();
    let r = json(&env.check_url(&srv.url("/old"), &[]));
    assert_eq!(r["en"]["provenance"]["url"], srv.url("/old"));
    assert_eq!(r["en"]["provenance"]["final_url"], srv.url("/new"));
}

#[test]
fn redirect_loop_and_too_many_redirects_are_exit_2() {
    let srv = Server::start(|req| {
        let p = req.path.as_str();
        if p == "/a" {
            Response::redirect("/b")
        } else if p == "/b" {
            Response::redirect("/a")
        } else if let Some(n) = p.strip_prefix("/hop/") {
            let n: usize = n.parse().unwrap_or(0);
            Response::redirect(&format!("/hop/{}", n + 1))
        } else {
            Response::status(404, "Not Found")
        }
    });
    let env = Env::new();
    let u = srv.url("/a");
    fails_with(&env.check_url(&u, &[]), &[&u, "redirect loop"]);
    let u = srv.url("/hop/0");
    fails_with(
        &env.check_url(&u, &[]),
        &[&u, "too many redirects (more than 5)"],
    );
    // exactly 5 redirects are followed: /hop/0 plus 5 hops
    assert_eq!(
        srv.hits()
            .iter()
            .filter(|r| r.path.starts_with("/hop/"))
            .count(),
        6
    );
}

#[test]
fn slow_response_times_out_per_config() {
    let srv = Server::start(|_| Response {
        delay: Duration::from_secs(4),
        ..Response::html("<p>late</p>")
    });
    let env = Env::new();
    std::fs::write(
        env.path("fast.toml"),
        format!("{ALLOW_LOOPBACK}timeout-secs = 1\nconnect-timeout-secs = 1\n"),
    )
    .unwrap();
    let cfg = env.path("fast.toml");
    let u = srv.url("/slow");
    let started = std::time::Instant::now();
    fails_with(
        &env.check_url(&u, &["--config", cfg.to_str().unwrap()]),
        &[&u, "timed out after 1 s"],
    );
    assert!(started.elapsed() < Duration::from_secs(4));
}

#[test]
fn oversize_body_is_refused_with_and_without_content_length() {
    let big = vec![b'a'; 11 * 1024 * 1024];
    let srv = Server::start(move |req| {
        let mut r = Response::ok("text/plain", big.clone());
        r.stream = req.path == "/streamed";
        r
    });
    let env = Env::new();
    for path in ["/declared", "/streamed"] {
        let u = srv.url(path);
        fails_with(&env.check_url(&u, &[]), &[&u, "larger than 10 MB"]);
    }
}

#[test]
fn pdf_is_refused() {
    let srv = Server::start(|_| {
        Response::ok("application/pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n".to_vec())
    });
    let env = Env::new();
    let u = srv.url("/report.pdf");
    fails_with(
        &env.check_url(&u, &[]),
        &[
            &u,
            "not an HTML or text page (content type application/pdf)",
        ],
    );
}

#[test]
fn latin1_pages_are_decoded_from_header_or_meta() {
    let header_page = b"<html><body><article><h1>Caf\xe9 owners count the cost</h1><p>The caf\xe9 on the quay was flooded, its owner said.</p></article></body></html>".to_vec();
    let meta_page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head><body><article><h1>Caf\xe9 owners count the cost</h1><p>\x93It\x92s gone,\x94 the owner said.</p></article></body></html>".to_vec();
    let srv = Server::start(move |req| match req.path.as_str() {
        "/header" => Response::ok("text/html; charset=ISO-8859-1", header_page.clone()),
        _ => Response::ok("text/html", meta_page.clone()),
    });
    let env = Env::new();
    let r = json(&env.check_url(&srv.url("/header"), &[]));
    assert_eq!(
        paragraphs(&r),
        vec![
            "Café owners count the cost",
            "The café on the quay was flooded, its owner said."
        ]
    );
    let r = json(&env.check_url(&srv.url("/meta"), &[]));
    assert_eq!(
        paragraphs(&r)[1],
        "\u{201c}It\u{2019}s gone,\u{201d} the owner said."
    );
}

#[test]
fn connection_refused_is_exit_2() {
    let port = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let env = Env::new();
    let u = format!("http://127.0.0.1:{port}/story");
    fails_with(
        &env.check_url(&u, &[]),
        &[&u, "cannot connect: connection refused"],
    );
}

#[test]
fn a_page_with_no_article_text_is_exit_2() {
    let srv = Server::start(|_| {
        Response::html(
            "<html><body><nav><a href='/'>Home</a></nav><script>x()</script></body></html>",
        )
    });
    let env = Env::new();
    let u = srv.url("/empty");
    fails_with(
        &env.check_url(&u, &[]),
        &[&u, "no article text found in the page"],
    );
}

#[test]
fn source_toml_pair_is_fetched_then_cached() {
    let body = page("amp.html");
    let srv = Server::start(move |_| Response::html(body.clone()).header("ETag", "\"amp1\""));
    let env = Env::new();
    let pair = env.path("pair");
    std::fs::create_dir(&pair).unwrap();
    std::fs::copy(pages("fr.txt"), pair.join("fr.txt")).unwrap();
    std::fs::write(
        pair.join("source.toml"),
        format!("url = \"{}\"\n", srv.url("/amp")),
    )
    .unwrap();
    let cache = env.cache();
    let out = env
        .cmd()
        .args([
            "check",
            pair.to_str().unwrap(),
            "--format",
            "json",
            "--fail-on",
            "never",
            "--cache-dir",
            &cache,
        ])
        .output()
        .unwrap();
    let r = json(&out);
    assert_eq!(r["en"]["provenance"]["url"], srv.url("/amp"));
    assert_eq!(paragraphs(&r).len(), 6);
    let entries = std::fs::read_dir(env.path("cache")).unwrap().count();
    assert_eq!(
        entries, 1,
        "one .entry file per URL (body and metadata together)"
    );
}

// ------------------------------------------------------------------ snapshots and drift

fn story_v2() -> String {
    page("plain.html")
        .replace("and 16 people were treated", "and 21 people were treated")
        .replace(
            "<p>The regional rail line was suspended and schools will stay closed on Wednesday.</p>",
            "<p>Emergency crews expect the water to recede by Thursday, a fire service spokesman said.</p>",
        )
}

#[test]
fn fetch_writes_a_snapshot_and_refuses_to_overwrite_it() {
    let body = page("plain.html");
    let raw = body.clone().into_bytes();
    let srv = Server::start(move |_| Response::html(body.clone()));
    let env = Env::new();
    let pair = env.path("pair");
    let u = srv.url("/story");
    let fetch = |extra: &[&str]| env.fetch_snapshot(&u, extra);
    let out = fetch(&[]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains("6 paragraphs"));
    assert_eq!(
        std::fs::read(pair.join("en.html")).unwrap(),
        raw,
        "the snapshot is the raw bytes"
    );
    let meta: Value =
        serde_json::from_slice(&std::fs::read(pair.join("en.meta.json")).unwrap()).unwrap();
    assert_eq!(meta["url"], u);
    assert_eq!(meta["sha256"], sha256(&raw));
    assert_eq!(meta["status"], 200);
    let again = fails_with(
        &fetch(&[]),
        &[
            "en.html",
            "a snapshot already exists (use --force to replace it)",
        ],
    );
    assert!(!again.is_empty());
    let hits_before = srv.hits().len();
    assert_eq!(hits_before, 1, "a refused fetch does not touch the network");
    let out = fetch(&["--force"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn snapshot_is_checked_and_refetch_reports_drift() {
    let version = Arc::new(AtomicUsize::new(1));
    let v = version.clone();
    let (v1, v2) = (page("plain.html"), story_v2());
    let srv = Server::start(move |_| {
        if v.load(Ordering::SeqCst) == 1 {
            Response::html(v1.clone())
        } else {
            Response::html(v2.clone())
        }
    });
    let env = Env::new();
    let pair = env.path("pair");
    let u = srv.url("/story");
    let out = env.fetch_snapshot(&u, &[]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    std::fs::copy(pages("fr.txt"), pair.join("fr.txt")).unwrap();
    version.store(2, Ordering::SeqCst);

    let cache = env.cache();
    let check = |extra: &[&str]| {
        let mut args = vec![
            "check",
            pair.to_str().unwrap(),
            "--format",
            "json",
            "--fail-on",
            "never",
            "--cache-dir",
            cache.as_str(),
        ];
        args.extend_from_slice(extra);
        json(&env.cmd().args(&args).output().unwrap())
    };
    // without --refetch: the snapshot, no network, no drift
    let r = check(&[]);
    assert_eq!(srv.hits().len(), 1);
    assert_eq!(r["en"]["provenance"]["origin"], "snapshot");
    assert_eq!(paragraphs(&r)[2], P2);
    assert!(r.get("drift").is_none());

    // with --refetch: still checked against the snapshot, drift reported
    let r = check(&["--refetch"]);
    assert_eq!(srv.hits().len(), 2);
    assert_eq!(paragraphs(&r)[2], P2, "the report keeps the snapshot text");
    let drift = &r["drift"];
    assert_eq!(drift["live"]["url"], u);
    let changes: Vec<(String, Value, Value)> = drift["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["kind"].as_str().unwrap().to_string(),
                c["snapshot"].clone(),
                c["live"].clone(),
            )
        })
        .collect();
    assert_eq!(
        changes,
        vec![
            ("changed".into(), Value::from(2), Value::from(2)),
            ("removed".into(), Value::from(4), Value::Null),
            ("added".into(), Value::Null, Value::from(4)),
        ]
    );
    let found: Vec<&Value> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["id"] == "source-changed")
        .collect();
    assert_eq!(found.len(), 3, "{found:#?}");
    let changed = found
        .iter()
        .find(|f| f["message"].as_str().unwrap().contains("changed"))
        .unwrap();
    assert_eq!(changed["en"], serde_json::json!([2]));
    assert_eq!(changed["fr"], serde_json::json!([2]));
    assert_eq!(changed["severity"], "warning");
    assert!(
        changed["message"]
            .as_str()
            .unwrap()
            .contains("[-16-]{+21+}"),
        "{}",
        changed["message"]
    );
    let removed = found
        .iter()
        .find(|f| f["message"].as_str().unwrap().contains("removed"))
        .unwrap();
    assert_eq!(removed["fr"], serde_json::json!([4]));
    let added = found
        .iter()
        .find(|f| f["message"].as_str().unwrap().contains("added"))
        .unwrap();
    assert!(added["message"]
        .as_str()
        .unwrap()
        .contains("recede by Thursday"));

    // an unchanged live page: drift recorded with no changes, no finding
    version.store(1, Ordering::SeqCst);
    let r = check(&["--refetch"]);
    assert_eq!(r["drift"]["changes"], serde_json::json!([]));
    assert!(!r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .any(|f| f["id"] == "source-changed"));
}

#[test]
fn an_edited_snapshot_is_exit_2() {
    let body = page("plain.html");
    let srv = Server::start(move |_| Response::html(body.clone()));
    let env = Env::new();
    let pair = env.path("pair");
    let u = srv.url("/story");
    let out = env.fetch_snapshot(&u, &[]);
    assert_eq!(out.status.code(), Some(0));
    std::fs::copy(pages("fr.txt"), pair.join("fr.txt")).unwrap();
    let mut html = std::fs::read_to_string(pair.join("en.html")).unwrap();
    html.push_str("<!-- edited -->");
    std::fs::write(pair.join("en.html"), html).unwrap();
    let out = env
        .cmd()
        .args(["check", pair.to_str().unwrap()])
        .output()
        .unwrap();
    fails_with(&out, &["en.html", "does not match the sha256"]);
}

#[test]
fn refetch_without_a_url_is_exit_2() {
    let env = Env::new();
    let fr = env.path("fr.txt");
    let out = env
        .cmd()
        .args([
            "check",
            "--fr",
            fr.to_str().unwrap(),
            "--en",
            fr.to_str().unwrap(),
            "--refetch",
        ])
        .output()
        .unwrap();
    fails_with(&out, &["--refetch needs a snapshot"]);
}

#[test]
fn the_desk_contact_goes_in_the_user_agent() {
    let srv = Server::start(|_| Response::html(page("plain.html")));
    let env = Env::new();
    let cfg = env.path("wirecheck.toml");
    std::fs::write(
        &cfg,
        format!("{ALLOW_LOOPBACK}contact = \"desk@agency.example\"\n"),
    )
    .unwrap();
    let out = env.check_url(&srv.url("/a"), &["--config", cfg.to_str().unwrap()]);
    assert!(out.status.code().is_some_and(|c| c == 0), "{out:?}");
    let ua = srv.user_agent();
    assert!(
        ua.ends_with("(translation checker; contact: desk@agency.example)"),
        "{ua}"
    );
    // a contact that cannot go in a header is a configuration error
    std::fs::write(
        &cfg,
        format!("{ALLOW_LOOPBACK}contact = \"desk\\nX-Evil: 1\"\n"),
    )
    .unwrap();
    let out = env.check_url(&srv.url("/a"), &["--config", cfg.to_str().unwrap()]);
    fails_with(&out, &["fetch.contact"]);
}

#[test]
fn a_cache_that_cannot_be_written_does_not_stop_the_check_and_is_reported() {
    let srv = Server::start(|_| Response::html(page("plain.html")));
    let env = Env::new();
    // the cache folder's place is taken by a file
    std::fs::write(env.path("cache"), "not a folder").unwrap();
    let out = env.check_url(&srv.url("/a"), &[]);
    assert!(out.status.code().is_some_and(|c| c == 0), "{out:?}");
    let r = json(&out);
    let err = r["en"]["provenance"]["cache_error"].as_str().unwrap_or("");
    assert!(!err.is_empty(), "{}", r["en"]["provenance"]);
    assert_eq!(paragraphs(&r).len(), 6);
}

// ------------------------------------------------------------------ hostile servers (issue 16)

/// `check` on `url` with the pair's own `wirecheck.toml` replaced by `policy`.
fn check_with_policy(env: &Env, url: &str, policy: &str) -> std::process::Output {
    std::fs::write(env.path("wirecheck.toml"), policy).unwrap();
    env.check_url(url, &[])
}

#[test]
fn an_internal_address_is_refused_unless_the_policy_allows_it() {
    let srv = Server::start(|_| Response::html(page("plain.html")));
    let env = Env::new();
    let u = srv.url("/internal");
    // no allow-private: the loopback server is never asked
    let err = fails_with(
        &check_with_policy(&env, &u, ""),
        &[
            &u,
            "refused",
            "internal address (127.0.0.1)",
            "allow-private",
        ],
    );
    assert!(!err.contains("Storm"), "{err}");
    assert!(srv.hits().is_empty(), "the internal server was contacted");
    // the same through a pair's source.toml
    let pair = env.path("pair");
    std::fs::create_dir(&pair).unwrap();
    std::fs::copy(pages("fr.txt"), pair.join("fr.txt")).unwrap();
    std::fs::write(pair.join("source.toml"), format!("url = \"{u}\"\n")).unwrap();
    let out = env
        .cmd()
        .args(["check", pair.to_str().unwrap(), "--cache-dir", &env.cache()])
        .output()
        .unwrap();
    fails_with(&out, &["internal address"]);
    assert!(srv.hits().is_empty());
    // an address literal in another private range: refused before any connection
    for u in [
        "http://10.11.12.13/",
        "http://169.254.169.254/latest/meta-data/",
        "http://[::1]:9/",
        "http://[fd00::1]/",
        "http://0.0.0.0:9/",
    ] {
        fails_with(&check_with_policy(&env, u, ""), &["internal address"]);
    }
    // allowed by name: fetched
    let out = check_with_policy(&env, &u, ALLOW_LOOPBACK);
    assert_eq!(paragraphs(&json(&out)).len(), 6);
}

#[test]
fn a_redirect_to_an_internal_address_is_refused_at_that_hop() {
    let inner = Server::start(|_| Response::html("<p>secret internal page</p>"));
    let inner_port = inner
        .url("/")
        .split(':')
        .nth(2)
        .unwrap()
        .trim_end_matches('/')
        .to_string();
    let to_localhost = format!("http://localhost:{inner_port}/admin");
    let target = to_localhost.clone();
    let outer = Server::start(move |_| Response::redirect(&target));
    let env = Env::new();
    // 127.0.0.1 is allowed by address; `localhost` (the same machine) is not
    let u = outer.url("/story");
    fails_with(
        &env.check_url(&u, &[]),
        &["refused", "localhost is an internal address"],
    );
    assert_eq!(outer.hits().len(), 1);
    assert!(inner.hits().is_empty(), "the redirect target was contacted");
    let meta = Server::start(|_| Response::redirect("http://169.254.169.254/latest/meta-data/"));
    fails_with(
        &env.check_url(&meta.url("/x"), &[]),
        &["169.254.169.254 is an internal address"],
    );
}

#[test]
fn redirects_to_file_or_data_urls_and_a_bare_304_say_what_happened() {
    let env = Env::new();
    for (to, scheme) in [
        ("file:///etc/passwd", "file"),
        ("data:text/html,<p>x</p>", "data"),
    ] {
        let t = to.to_string();
        let srv = Server::start(move |_| Response::redirect(&t));
        fails_with(
            &env.check_url(&srv.url("/r"), &[]),
            &[&format!(
                "redirected to a `{scheme}:` URL, refused (only http and https)"
            )],
        );
    }
    let srv = Server::start(|_| Response::status(302, "Found"));
    fails_with(
        &env.check_url(&srv.url("/r"), &[]),
        &["HTTP 302 Found without a Location header"],
    );
    let srv = Server::start(|_| Response::status(304, "Not Modified"));
    fails_with(
        &env.check_url(&srv.url("/r"), &[]),
        &["HTTP 304 Not Modified", "no cached copy"],
    );
}

#[test]
fn a_trickling_body_is_cut_at_the_total_deadline() {
    // headers at once, then one byte every 300 ms: each read succeeds, the whole never ends
    let srv = Server::start(|_| Response {
        trickle: Some(Duration::from_millis(300)),
        stream: true,
        ..Response::html(format!("<p>{}</p>", "slow ".repeat(200)))
    });
    let env = Env::new();
    std::fs::write(
        env.path("fast.toml"),
        format!("{ALLOW_LOOPBACK}timeout-secs = 2\n"),
    )
    .unwrap();
    let cfg = env.path("fast.toml");
    let u = srv.url("/trickle");
    fails_with(
        &env.check_url(&u, &["--config", cfg.to_str().unwrap()]),
        &[&u, "timed out after 2 s"],
    );
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

#[test]
fn a_gzip_page_is_decoded_and_a_gzip_bomb_stops_at_the_size_limit() {
    let body = gzip(page("plain.html").as_bytes());
    let srv =
        Server::start(move |_| Response::html(body.clone()).header("Content-Encoding", "gzip"));
    let env = Env::new();
    let r = json(&env.check_url(&srv.url("/gz"), &[]));
    assert_eq!(paragraphs(&r).len(), 6);
    // 200 MB of markup in about 200 KB
    let mut big = b"<html><body><p>".to_vec();
    big.resize(200 << 20, b' ');
    let bomb = gzip(&big);
    assert!(bomb.len() < 1 << 20);
    let srv =
        Server::start(move |_| Response::html(bomb.clone()).header("Content-Encoding", "gzip"));
    fails_with(
        &env.check_url(&srv.url("/bomb"), &[]),
        &["larger than 10 MB"],
    );
    // an encoding the tool does not decode is named, not called binary
    let srv = Server::start(|_| Response::html("(zz)").header("Content-Encoding", "zstd"));
    fails_with(
        &env.check_url(&srv.url("/z"), &[]),
        &["content encoding `zstd`", "not supported"],
    );
}

#[test]
fn out_of_range_fetch_settings_are_exit_2_naming_the_key() {
    let env = Env::new();
    for (line, key) in [
        ("timeout-secs = 9223372036854775807", "fetch.timeout-secs"),
        ("connect-timeout-secs = 0", "fetch.connect-timeout-secs"),
        (
            "allow-private = [\"http://10.0.0.1/\"]",
            "fetch.allow-private",
        ),
    ] {
        let out = check_with_policy(
            &env,
            "http://example.invalid/",
            &format!("[fetch]\n{line}\n"),
        );
        fails_with(&out, &[key]);
    }
}

/// Through an HTTP proxy (`http_proxy` in the environment) the proxy resolves the
/// name, not wirecheck: so the target is still resolved here and vetted by the
/// address policy before anything is sent to the proxy, and again on every
/// redirect hop. The proxy here is a loopback server answering proxy requests
/// (absolute-form request lines); a public address literal reaches it, internal
/// targets (a name resolving to loopback, a private literal, a redirect to
/// either) never do.
#[test]
fn through_a_proxy_the_target_is_vetted_before_the_proxy_is_asked() {
    let proxy = Server::start(|r| {
        if r.path.ends_with("/to-localhost") {
            Response::redirect("http://localhost:9/admin")
        } else if r.path.ends_with("/to-private") {
            Response::redirect("http://10.20.30.40/admin")
        } else {
            Response::html(page("plain.html"))
        }
    });
    let env = Env::new();
    // no allow-private: only public targets may be fetched
    std::fs::write(env.path("wirecheck.toml"), "").unwrap();
    let via_proxy = |url: &str| {
        let fr = env.path("fr.txt");
        let cache = env.cache();
        let mut c = env.cmd();
        for k in [
            "no_proxy",
            "NO_PROXY",
            "all_proxy",
            "ALL_PROXY",
            "https_proxy",
            "HTTPS_PROXY",
        ] {
            c.env_remove(k);
        }
        c.env("http_proxy", proxy.url(""))
            .env("HTTP_PROXY", proxy.url(""))
            .args(["check", "--fr", fr.to_str().unwrap(), "--en", url])
            .args([
                "--format",
                "json",
                "--fail-on",
                "never",
                "--cache-dir",
                &cache,
            ])
            .output()
            .unwrap()
    };
    // a public address: sent through the proxy, which fetches it
    let out = via_proxy("http://93.184.216.34/story");
    assert_eq!(paragraphs(&json(&out)).len(), 6);
    let hits = proxy.hits();
    assert_eq!(hits.len(), 1);
    assert_eq!(
        hits[0].path, "http://93.184.216.34/story",
        "a proxy request"
    );

    // internal targets: refused here, the proxy is never asked
    for (url, needle) in [
        (
            "http://localhost:9/admin",
            "localhost is an internal address",
        ),
        ("http://10.20.30.40/", "10.20.30.40"),
        ("http://[fd00::5]/", "fd00::5"),
    ] {
        fails_with(&via_proxy(url), &["refused", needle]);
        assert_eq!(proxy.hits().len(), 1, "{url} was sent to the proxy");
    }

    // a redirect (answered by the proxy) to an internal target: refused at that hop
    for (path, needle) in [
        ("/to-localhost", "localhost is an internal address"),
        ("/to-private", "10.20.30.40 is an internal address"),
    ] {
        let before = proxy.hits().len();
        let url = format!("http://93.184.216.34{path}");
        fails_with(&via_proxy(&url), &["refused", needle]);
        let hits = proxy.hits();
        assert_eq!(
            hits.len(),
            before + 1,
            "only the first hop reached the proxy"
        );
        assert_eq!(hits[before].path, url);
    }
}
