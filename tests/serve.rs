//! `wirecheck serve` as a CMS sees it: a real server on a loopback port, every
//! endpoint, every error status, fetching the English from a second loopback server,
//! the token, the host policy, a slow body, a graceful stop, and the same verdict and
//! findings as `wirecheck check` on every example pair.

use std::io::{Read, Write};
use std::net::TcpStream;
use std::time::Duration;

use serde_json::{json, Value};

use crate::util::serve::Wirecheckd;
use crate::util::server::{Response, Server};
use crate::util::{pair_slugs, pairs_root, run};

fn pair_texts(slug: &str) -> (String, String) {
    let d = pairs_root().join(slug);
    (
        std::fs::read_to_string(d.join("fr.txt")).unwrap(),
        std::fs::read_to_string(d.join("en.txt")).unwrap(),
    )
}

/// One side of a pair folder as a request gives it: text, HTML, a ninjs object or
/// a NewsML-G2 document, by the file the folder holds.
fn side_of(dir: &std::path::Path, lang: &str) -> Value {
    for (ext, kind) in [
        ("txt", "text"),
        ("md", "text"),
        ("html", "html"),
        ("json", "ninjs"),
        ("xml", "newsml"),
    ] {
        let Ok(t) = std::fs::read_to_string(dir.join(format!("{lang}.{ext}"))) else {
            continue;
        };
        return if kind == "ninjs" {
            json!({ kind: serde_json::from_str::<Value>(&t).unwrap() })
        } else {
            json!({ kind: t })
        };
    }
    panic!("{}: no {lang} side", dir.display())
}

fn body(fr: &str, en: &str) -> Value {
    json!({"fr": {"text": fr}, "en": {"text": en}})
}

/// The parts of a report that must not depend on how the pair was sent.
fn verdict_and_findings(r: &Value) -> (Value, Value, Value) {
    (
        r["verdict"].clone(),
        r["findings"].clone(),
        r["alignment"].clone(),
    )
}

#[test]
fn same_verdict_and_findings_as_check_on_every_pair() {
    let s = Wirecheckd::start(&[]);
    for slug in pair_slugs() {
        let dir = pairs_root().join(&slug);
        let cli = run([
            "check".as_ref(),
            dir.as_os_str(),
            "--format".as_ref(),
            "json".as_ref(),
        ]);
        assert!(matches!(cli.status.code(), Some(0 | 1)), "{slug}: {cli:?}");
        let cli: Value = serde_json::from_slice(&cli.stdout).unwrap();
        let (fr, en) = (side_of(&dir, "fr"), side_of(&dir, "en"));
        // a ninjs object is sent re-serialised, so its hash is not the file's
        let same_bytes = fr.get("ninjs").is_none();
        let mut b = json!({"fr": fr, "en": en});
        for name in ["wirecheck.toml", "waivers.toml"] {
            if let Ok(t) = std::fs::read_to_string(dir.join(name)) {
                b[name
                    .trim_end_matches(".toml")
                    .replace("wirecheck", "config")] = t.into();
            }
        }
        let a = s.post("/v1/check", &b);
        assert_eq!(a.status, 200, "{slug}: {}", a.body);
        let served = a.json();
        assert_eq!(
            verdict_and_findings(&served),
            verdict_and_findings(&cli),
            "{slug}: serve and check differ"
        );
        assert_eq!(
            served["fr"]["paragraphs"], cli["fr"]["paragraphs"],
            "{slug}"
        );
        if same_bytes {
            assert_eq!(served["fr"]["sha256"], cli["fr"]["sha256"], "{slug}");
        }
        assert_eq!(
            a.header("x-wirecheck-verdict"),
            cli["verdict"].as_str().unwrap()
        );
    }
}

#[test]
fn check_answers_json_html_and_csv_and_logs_one_line_each() {
    let s = Wirecheckd::start(&[]);
    let (fr, en) = pair_texts("needs-fixes");
    let b = body(&fr, &en);
    let j = s.post("/v1/check", &b);
    assert_eq!(j.status, 200);
    assert!(j.header("content-type").starts_with("application/json"));
    let r = j.json();
    assert_eq!(r["schema"], 1);
    assert_eq!(r["verdict"], "fail");
    assert_eq!(r["fr"]["source"], "<request fr>");
    assert!(!r["findings"].as_array().unwrap().is_empty());

    let h = s.post("/v1/check?format=html", &b);
    assert_eq!(h.status, 200);
    assert!(h.header("content-type").starts_with("text/html"));
    assert!(h.body.contains("<div class=\"banner fail\">"));
    assert!(h.body.contains("<mark class="));

    let c = s.post("/v1/check?format=csv", &b);
    assert_eq!(c.status, 200);
    assert!(c.header("content-type").starts_with("text/csv"));
    let mut lines = c.body.lines();
    assert!(lines.next().unwrap().starts_with("pair,id,severity,"));
    assert_eq!(lines.count(), r["findings"].as_array().unwrap().len());

    // the policy of the request: fail_on never passes the same pair
    let mut never = b.clone();
    never["fail_on"] = "never".into();
    let p = s.post("/v1/check", &never);
    assert_eq!(
        (p.status, p.json()["verdict"].clone()),
        (200, json!("pass"))
    );
    // a config that turns the blocking checks off passes it too
    let mut off = b.clone();
    let ids: Vec<String> = r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["severity"] == "error")
        .map(|f| format!("{} = \"off\"\n", f["id"].as_str().unwrap()))
        .collect();
    off["config"] = format!("[checks]\n{}", ids.join("")).into();
    assert_eq!(s.post("/v1/check", &off).json()["verdict"], "pass");
    // an html side goes through the article extraction, as an .html file does
    let page = format!(
        "<html><body><nav><a href=\"/\">Home</a></nav><article>{}</article></body></html>",
        fr.split("\n\n")
            .map(|p| format!("<p>{p}</p>"))
            .collect::<String>()
    );
    let a = s.post(
        "/v1/check",
        &json!({"fr": {"html": page}, "en": {"text": en}}),
    );
    assert_eq!(a.status, 200, "{}", a.body);
    let dir = tempfile::tempdir().unwrap();
    let (fr_html, en_txt) = (dir.path().join("fr.html"), dir.path().join("en.txt"));
    std::fs::write(&fr_html, &page).unwrap();
    std::fs::write(&en_txt, &en).unwrap();
    let cli = crate::util::check_files(&fr_html, &en_txt, &[]);
    assert_eq!(a.json()["fr"]["paragraphs"], cli.report["fr"]["paragraphs"]);
    assert_eq!(a.json()["findings"], cli.report["findings"]);
    assert!(!a.body.contains("Home"));

    let log = s.log();
    let checks: Vec<&String> = log
        .iter()
        .filter(|l| l.starts_with("POST /v1/check"))
        .collect();
    assert_eq!(checks.len(), 6, "{log:?}");
    assert!(
        checks[0].contains(" 200 ") && checks[0].ends_with("verdict=fail"),
        "{}",
        checks[0]
    );
    assert!(checks[0].contains("ms "), "{}", checks[0]);
}

#[test]
fn checks_explain_health_metrics_and_the_desk_page() {
    let s = Wirecheckd::start(&[]);
    let list = s.get("/v1/checks");
    assert_eq!(list.status, 200);
    let cli = run(["checks", "--format", "json"]);
    assert_eq!(cli.status.code(), Some(0));
    assert_eq!(
        list.json(),
        serde_json::from_slice::<Value>(&cli.stdout).unwrap()
    );
    let first = list.json()[0]["id"].as_str().unwrap().to_string();
    let e = s.get(&format!("/v1/checks/{first}"));
    assert_eq!(e.status, 200);
    assert_eq!(
        e.body.as_bytes(),
        run(["explain", &first]).stdout.as_slice()
    );
    let unknown = s.get("/v1/checks/no-such-check");
    assert_eq!(unknown.status, 404);
    assert!(unknown.error().contains("no-such-check"));

    let h = s.get("/healthz");
    assert_eq!((h.status, h.json()["status"].clone()), (200, json!("ok")));

    let (fr, en) = pair_texts("needs-fixes");
    assert_eq!(s.post("/v1/check", &body(&fr, &en)).status, 200);
    assert_eq!(s.post("/v1/check", &body("", &en)).status, 422);
    let m = s.get("/metrics");
    assert_eq!(m.status, 200);
    for want in [
        "wirecheck_http_requests_total{route=\"/v1/check\",status=\"200\"} 1",
        "wirecheck_http_requests_total{route=\"/v1/check\",status=\"422\"} 1",
        "wirecheck_verdicts_total{verdict=\"fail\"} 1",
        "wirecheck_http_request_duration_seconds_bucket{le=\"+Inf\"}",
    ] {
        assert!(m.body.contains(want), "{want} missing from\n{}", m.body);
    }

    let page = s.get("/");
    assert_eq!(page.status, 200);
    assert!(page.header("content-type").starts_with("text/html"));
    assert!(page
        .header("content-security-policy")
        .contains("default-src 'none'"));
    for id in [
        "id=\"fr\"",
        "id=\"en\"",
        "id=\"en-url\"",
        "id=\"check\"",
        "src=\"/desk.js\"",
    ] {
        assert!(page.body.contains(id), "{id}");
    }
    for outside in [
        "src=\"http",
        "href=\"http",
        "src=\"//",
        "href=\"//",
        "@import",
    ] {
        assert!(!page.body.contains(outside), "no outside assets: {outside}");
    }
    let js = s.get("/desk.js");
    assert_eq!(js.status, 200);
    assert!(js.body.contains("/v1/check?format=html"));
    assert_eq!(s.get("/desk.css").status, 200);
    let nf = s.get("/nowhere");
    assert_eq!(nf.status, 404);
    assert!(nf.error().contains("/nowhere"));
    let r = reqwest::blocking::Client::new()
        .delete(s.url("/v1/check"))
        .send()
        .unwrap();
    assert_eq!(r.status().as_u16(), 405);
}

#[test]
fn text_past_the_limit_is_422_naming_it() {
    let s = Wirecheckd::start(&["--max-body", "8M"]);
    let (fr, en) = pair_texts("needs-fixes");
    let long = format!("{fr}\n\n").repeat((3 << 20) / (fr.len() + 2) + 1);
    let a = s.post("/v1/check", &body(&long, &en));
    assert_eq!(a.status, 422, "{}", a.body);
    let e = a.error();
    assert!(
        e.starts_with("fr: ") && e.contains("limit of 2 MiB a side"),
        "{e}"
    );
    assert_eq!(s.post("/v1/check", &body(&fr, &en)).status, 200);
}

#[test]
fn every_error_is_one_json_line_with_its_status() {
    let s = Wirecheckd::start(&["--max-body", "64K"]);
    let (fr, en) = pair_texts("needs-fixes");
    let cases: Vec<(Vec<u8>, u16, &str)> = vec![
        (b"{\"fr\": {\"text\": \"a\"".to_vec(), 400, "invalid request"),
        (b"not json".to_vec(), 400, "invalid request"),
        (body(&fr, &en).to_string().replace("\"en\"", "\"english\"").into_bytes(), 400, "unknown field `english`"),
        (json!({"fr": {"text": fr}, "en": {"pdf": "x"}}).to_string().into_bytes(), 400, "unknown variant `pdf`"),
        (json!({"fr": {"url": "https://news.example/"}, "en": {"text": en}}).to_string().into_bytes(), 400, "English side only"),
        (json!({"fr": {"text": fr}, "en": {"text": en}, "fail_on": "maybe"}).to_string().into_bytes(), 400, "maybe"),
        (json!({"fr": {"text": fr}, "en": {"text": en}, "config": "[thresholds]\nlength-ratio-minimum = 2\n"}).to_string().into_bytes(), 400, "length-ratio-minimum"),
        (json!({"fr": {"text": fr}, "en": {"text": en}, "config": "[checks]\nnumber-mismatch = \"loud\"\n"}).to_string().into_bytes(), 400, "config:"),
        (json!({"fr": {"text": fr}, "en": {"text": en}, "waivers": "[[waiver]]\ncheck = \"nope\"\nreason = \"r\"\nby = \"b\"\n"}).to_string().into_bytes(), 400, "waivers:"),
        (json!({"fr": {"text": fr}, "en": {"text": en}, "config": "[credits]\nroster-file = \"/etc/passwd\"\n"}).to_string().into_bytes(), 400, "roster-file"),
        (body(&fr, " \n\n  ").to_string().into_bytes(), 422, "en: no text"),
        (body("\u{0}\u{1}\u{2}\u{3}binary\u{0}", &en).to_string().into_bytes(), 422, "fr: binary"),
        (json!({"fr": {"html": "<html><body><nav><a href=\"/\">Home</a></nav></body></html>"}, "en": {"text": en}}).to_string().into_bytes(), 422, "fr:"),
        (body(&"x".repeat(70 * 1024), &en).to_string().into_bytes(), 413, "over the limit"),
    ];
    for (b, status, want) in cases {
        let a = s.post_raw("/v1/check", b.clone(), None);
        assert_eq!(
            a.status,
            status,
            "{}: {}",
            String::from_utf8_lossy(&b[..b.len().min(80)]),
            a.body
        );
        let e = a.error();
        assert!(e.contains(want), "want {want:?} in {e:?}");
    }
    let bad_format = s.post("/v1/check?format=pdf", &body(&fr, &en));
    assert_eq!(bad_format.status, 400);
    assert!(bad_format.error().contains("pdf"));
    // the server is still there after all of it
    assert_eq!(s.post("/v1/check", &body(&fr, &en)).status, 200);
}

#[test]
fn a_body_that_never_arrives_is_cut_off_not_hung() {
    let s = Wirecheckd::start(&["--timeout", "1"]);
    let addr = s.addr.trim_start_matches("http://").to_string();
    let mut c = TcpStream::connect(&addr).unwrap();
    c.set_read_timeout(Some(Duration::from_secs(20))).unwrap();
    c.write_all(b"POST /v1/check HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"fr\":")
        .unwrap();
    let mut got = String::new();
    let _ = c.read_to_string(&mut got);
    assert!(got.starts_with("HTTP/1.1 408"), "{got}");
    assert!(
        got.contains("{\"error\":\"the request body did not arrive within 1 s\"}"),
        "{got}"
    );
    // a head that never ends is cut off too (hyper's head deadline), and others are served meanwhile
    let mut slow = TcpStream::connect(&addr).unwrap();
    slow.write_all(b"POST /v1/check HTTP/1.1\r\nHost:").unwrap();
    assert_eq!(s.get("/healthz").status, 200);
}

fn english_server() -> Server {
    let (_, en) = pair_texts("needs-fixes");
    Server::start(move |req| match req.path.as_str() {
        "/story" => Response::ok("text/plain; charset=utf-8", en.clone()),
        "/slow" => Response {
            delay: Duration::from_secs(3),
            ..Response::ok("text/plain; charset=utf-8", en.clone())
        },
        "/gone" => Response::status(500, "Internal Server Error"),
        _ => Response::status(404, "Not Found"),
    })
}

#[test]
fn fetches_the_english_from_a_host_named_in_allow_fetch() {
    let web = english_server();
    let s = Wirecheckd::start(&["--allow-fetch", "127.0.0.1"]);
    let (fr, en) = pair_texts("needs-fixes");
    let url = web.url("/story");
    let a = s.post(
        "/v1/check",
        &json!({"fr": {"text": fr}, "en": {"url": url}}),
    );
    assert_eq!(a.status, 200, "{}", a.body);
    let r = a.json();
    assert_eq!(r["en"]["source"], url.as_str());
    assert_eq!(r["en"]["provenance"]["status"], 200);
    assert_eq!(r["en"]["provenance"]["origin"], "live");
    // the same findings as with the text pasted
    let pasted = s.post("/v1/check", &body(&fr, &en)).json();
    assert_eq!(r["findings"], pasted["findings"]);
    assert_eq!(web.hits().len(), 1);

    let gone = s.post(
        "/v1/check",
        &json!({"fr": {"text": fr}, "en": {"url": web.url("/gone")}}),
    );
    assert_eq!(gone.status, 502);
    assert!(gone.error().contains("HTTP 500"));
    let slow = s.post(
        "/v1/check",
        &json!({"fr": {"text": fr}, "en": {"url": web.url("/slow")}, "config": "[fetch]\ntimeout-secs = 1\n"}),
    );
    assert_eq!(slow.status, 504, "{}", slow.body);
    assert!(slow.error().contains("timed out"));
    let m = s.get("/metrics").body;
    assert!(
        m.contains("wirecheck_fetches_total{outcome=\"ok\"} 1"),
        "{m}"
    );
    assert!(
        m.contains("wirecheck_fetches_total{outcome=\"timeout\"} 1"),
        "{m}"
    );
}

#[test]
fn private_addresses_and_unlisted_hosts_are_refused() {
    let web = english_server();
    let (fr, _) = pair_texts("needs-fixes");
    let ask = |s: &Wirecheckd, url: &str| {
        s.post(
            "/v1/check",
            &json!({"fr": {"text": fr}, "en": {"url": url}}),
        )
    };
    // off by default
    let off = Wirecheckd::start(&[]);
    let a = ask(&off, &web.url("/story"));
    assert_eq!(a.status, 403);
    assert!(a.error().contains("off"));
    // any public host: a loopback address, by number or by a name that resolves to it, is refused
    let any = Wirecheckd::start(&["--allow-fetch", "*"]);
    let a = ask(&any, &web.url("/story"));
    assert_eq!(a.status, 403);
    assert!(
        a.error().contains("private, loopback or link-local"),
        "{}",
        a.body
    );
    let by_name = web.url("/story").replace("127.0.0.1", "localhost");
    let a = ask(&any, &by_name);
    assert_eq!(a.status, 403);
    assert!(a.error().contains("resolves to"), "{}", a.body);
    let a = ask(&any, "http://169.254.169.254/latest/meta-data/");
    assert_eq!(a.status, 403);
    // a host that is not in the list
    let some = Wirecheckd::start(&["--allow-fetch", "*.news.example"]);
    let a = ask(&some, &web.url("/story"));
    assert_eq!(a.status, 403);
    assert!(a.error().contains("not in --allow-fetch"));
    let a = ask(&some, "ftp://files.news.example/x");
    assert_eq!(a.status, 400);
    assert!(
        web.hits().is_empty(),
        "nothing was fetched: {:?}",
        web.hits()
    );
}

#[test]
fn token_on_and_off() {
    let (fr, en) = pair_texts("needs-fixes");
    let b = body(&fr, &en).to_string();
    let open = Wirecheckd::start(&[]);
    assert_eq!(open.post_raw("/v1/check", b.clone(), None).status, 200);

    for s in [
        Wirecheckd::start(&["--token", "s3cret-desk"]),
        Wirecheckd::start_with(&[], &[("WIRECHECK_TOKEN", "s3cret-desk")]),
    ] {
        let a = s.post_raw("/v1/check", b.clone(), None);
        assert_eq!(a.status, 401);
        assert!(a.error().contains("Bearer"));
        assert_eq!(a.header("www-authenticate"), "Bearer");
        assert_eq!(
            s.post_raw("/v1/check", b.clone(), Some("wrong")).status,
            401
        );
        assert_eq!(
            s.post_raw("/v1/check", b.clone(), Some("s3cret-desk"))
                .status,
            200
        );
        assert_eq!(s.get("/v1/checks").status, 401);
        assert_eq!(s.get_auth("/v1/checks", "s3cret-desk").status, 200);
        assert_eq!(s.get("/metrics").status, 401);
        // a load balancer's probe and the desk page need no token
        assert_eq!(s.get("/healthz").status, 200);
        assert_eq!(s.get("/").status, 200);
    }
}

#[test]
fn sigterm_lets_the_request_in_progress_finish() {
    let web = english_server();
    let mut s = Wirecheckd::start(&["--allow-fetch", "127.0.0.1"]);
    let (fr, _) = pair_texts("needs-fixes");
    let b = json!({"fr": {"text": fr}, "en": {"url": web.url("/slow")}}).to_string();
    let url = s.url("/v1/check");
    let inflight = std::thread::spawn(move || {
        reqwest::blocking::Client::builder()
            .no_proxy()
            .timeout(Duration::from_secs(60))
            .build()
            .unwrap()
            .post(url)
            .body(b)
            .send()
            .map(|r| r.status().as_u16())
    });
    // wait until the slow page was asked for, then stop the server
    let started = std::time::Instant::now();
    while web.hits().is_empty() {
        assert!(started.elapsed() < Duration::from_secs(30), "no fetch");
        std::thread::sleep(Duration::from_millis(20));
    }
    let status = s.terminate();
    assert!(status.success(), "{status:?}");
    assert_eq!(inflight.join().unwrap().expect("answered"), 200);
    let log = s.log();
    assert!(log.iter().any(|l| l.contains("shutting down")), "{log:?}");
    assert!(
        log.iter().any(|l| l.starts_with("POST /v1/check 200")),
        "{log:?}"
    );
    let _ = s.pid();
}

/// A pair whose one difference is a city the shipped table does not know, and a
/// desk config that names it.
fn desk_name_pair() -> (Value, String) {
    let fr = "PARIS, 3 mars (Reuters) - Le maire de Zorglubville, Jean Dupont, a annoncé \
              mardi un nouveau plan de transport pour la ville.\n\nLe plan coûtera 20 \
              millions d'euros, a-t-il précisé.\n";
    let en = "PARIS, March 3 (Reuters) - The mayor of Gothamtown, Jean Dupont, announced a \
              new transport plan for the city on Tuesday.\n\nThe plan will cost 20 million \
              euros, he said.\n";
    let config = "[[names]]\nen = \"Gothamtown\"\nfr = \"Zorglubville\"\nkind = \"city\"\n";
    (body(fr, en), config.to_string())
}

fn name_mismatches(r: &Value) -> usize {
    r["findings"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["id"] == "name-mismatch")
        .count()
}

/// One check thread answers requests with and without a desk's names in turn:
/// what it remembers of one request's names never answers another's.
#[test]
fn a_desk_name_in_one_request_does_not_carry_over_to_the_next() {
    let s = Wirecheckd::start(&["--workers", "1"]);
    let (plain, config) = desk_name_pair();
    let mut with = plain.clone();
    with["config"] = json!(config);
    for round in 0..3 {
        let a = s.post("/v1/check", &plain);
        assert_eq!(a.status, 200, "{}", a.body);
        assert_eq!(
            name_mismatches(&a.json()),
            1,
            "round {round}, no config: {}",
            a.body
        );
        let b = s.post("/v1/check", &with);
        assert_eq!(b.status, 200, "{}", b.body);
        assert_eq!(
            name_mismatches(&b.json()),
            0,
            "round {round}, desk names: {}",
            b.body
        );
    }
}

/// Checks run on `--workers` threads of their own: the server's threads do not
/// grow with the requests it answers.
#[cfg(target_os = "linux")]
#[test]
fn checks_run_on_a_fixed_set_of_threads() {
    let s = Wirecheckd::start(&["--workers", "2"]);
    let threads = |name: &str| {
        std::fs::read_dir(format!("/proc/{}/task", s.pid()))
            .unwrap()
            .filter_map(|t| std::fs::read_to_string(t.ok()?.path().join("comm")).ok())
            .filter(|c| c.starts_with(name))
            .count()
    };
    let slug = pair_slugs()
        .into_iter()
        .find(|p| {
            pairs_root().join(p).join("fr.txt").is_file()
                && pairs_root().join(p).join("en.txt").is_file()
        })
        .expect("a text pair in pairs/");
    let (fr, en) = pair_texts(&slug);
    let req = body(&fr, &en);
    // one check first: the runtime starts some of its threads on first use
    assert_eq!(s.post("/v1/check", &req).status, 200);
    let before = threads("");
    std::thread::scope(|sc| {
        for _ in 0..8 {
            sc.spawn(|| {
                for _ in 0..4 {
                    assert_eq!(s.post("/v1/check", &req).status, 200);
                }
            });
        }
    });
    assert_eq!(threads("wirecheck-check"), 2);
    assert_eq!(threads(""), before, "threads before and after 32 checks");
}
