//! Load benchmark of `wirecheck serve` (not a test; figures go in the notes):
//!
//! ```sh
//! cargo build --release
//! cargo bench --bench serve_load -- [--clients 50] [--secs 30] [--rate R] [--slow 200] [--slow-secs 20]
//!                                 [--workers N]
//! ```
//!
//! It starts `target/release/wirecheck serve --listen 127.0.0.1:0`, then
//! 1. `--clients` clients post the example pairs of `pairs/` (dispatch-size texts)
//!    for `--secs` seconds: checks per second, p50 / p90 / p99 / max latency, errors,
//!    and the server's resident memory sampled every second (first, last and peak, to
//!    see that it stays flat). Two modes:
//!    - **closed loop** (the default): each client sends its next request as soon as
//!      the answer to the previous one has come. This measures the maximum
//!      throughput; its latency is the queueing the clients themselves cause (by
//!      Little's law, mean latency = clients / throughput: 50 clients at 1,000
//!      checks/s wait 50 ms on average whatever the server does);
//!    - **open loop** (`--rate R`): requests are scheduled at an aggregate R per
//!      second, spread evenly over the clients' connections (request `i` is due at
//!      `i / R` seconds, on client `i mod clients`), and each latency is measured
//!      from the request's *scheduled* send time, so a request that waits behind a
//!      slow one on its connection, or is sent late, counts that wait (no
//!      coordinated omission). This gives the latency at a given offered load; the
//!      achieved rate is printed beside it (below R when the server cannot keep up).
//!      Nothing is sent after `--secs`: requests that fell due but were still
//!      waiting for their connection then are counted and printed as not sent.
//! 2. the same clients again (same mode) while `--slow` more connections each send a
//!    request one byte per second (reconnecting when the server cuts them off): the
//!    fast clients' figures during that phase, and how the slow ones ended.
//!
//! The client runs in this process on one thread; on a 2-core machine it takes part
//! of the CPU the server would otherwise have, so it is kept lean: plain HTTP/1.1
//! over kept-alive connections, each request's bytes made once (as wrk does). Its
//! own CPU per request is printed beside the server's.

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::io::{AsyncReadExt, AsyncWriteExt};

#[path = "support/pairs.rs"]
mod pairs;

struct Args {
    clients: usize,
    secs: u64,
    slow: usize,
    slow_secs: u64,
    /// Open loop: requests per second offered in all (`None`: closed loop).
    rate: Option<f64>,
    /// `--workers` for the server (`None`: its default).
    workers: Option<u64>,
}

fn args() -> Args {
    let mut a = Args {
        clients: 50,
        secs: 30,
        slow: 200,
        slow_secs: 20,
        rate: None,
        workers: None,
    };
    let v: Vec<String> = std::env::args().skip(1).collect();
    let mut i = 0;
    while i < v.len() {
        let n = v.get(i + 1).and_then(|x| x.parse::<u64>().ok());
        match (v[i].as_str(), n) {
            ("--clients", Some(n)) => a.clients = n as usize,
            ("--secs", Some(n)) => a.secs = n,
            ("--slow", Some(n)) => a.slow = n as usize,
            ("--slow-secs", Some(n)) => a.slow_secs = n,
            ("--rate", Some(n)) if n > 0 => a.rate = Some(n as f64),
            ("--workers", Some(n)) if n > 0 => a.workers = Some(n),
            ("--bench", _) => {
                i += 1;
                continue;
            }
            (other, _) => panic!("unknown or incomplete argument {other}"),
        }
        i += 2;
    }
    a
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The request bodies: every pair of `pairs/` as `{"fr": {"text"}, "en": {"text"}}`.
fn bodies() -> Vec<String> {
    let pairs = pairs::pairs_in(&root().join("pairs"));
    assert!(
        !pairs.is_empty(),
        "no fr.txt/en.txt pair folder under pairs/"
    );
    pairs
        .iter()
        .map(|(fr, en)| serde_json::json!({"fr": {"text": fr}, "en": {"text": en}}).to_string())
        .collect()
}

fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

/// CPU seconds the process used so far (user + system, from /proc).
fn cpu_secs(pid: u32) -> f64 {
    std::fs::read_to_string(format!("/proc/{pid}/stat"))
        .ok()
        .and_then(|s| {
            let rest = &s[s.rfind(')')? + 2..];
            let f: Vec<&str> = rest.split_whitespace().collect();
            let ticks: u64 = f.get(11)?.parse::<u64>().ok()? + f.get(12)?.parse::<u64>().ok()?;
            Some(ticks as f64 / 100.0)
        })
        .unwrap_or(0.0)
}

fn loadavg() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_default()
}

fn pct(sorted: &[u64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i] as f64 / 1000.0
}

struct Phase {
    ok: u64,
    errors: u64,
    /// Open loop: requests due before the end but not sent by then (the server
    /// was behind); their latency is not in `latencies_us`.
    unsent: u64,
    latencies_us: Vec<u64>,
    secs: f64,
}

/// `clients` clients posting `bodies` for `secs` seconds: closed loop when `rate`
/// is `None`, else open loop at `rate` requests per second in all (see the header).
async fn fast_clients(
    addr: &str,
    bodies: Arc<Vec<String>>,
    clients: usize,
    secs: u64,
    rate: Option<f64>,
) -> Phase {
    let host = addr.trim_start_matches("http://").to_string();
    // each request's bytes, made once: the load generator shares the cores with
    // the server, so it does as little as it can per request (as wrk does)
    let requests: Arc<Vec<Vec<u8>>> = Arc::new(
        bodies
            .iter()
            .map(|b| {
                format!(
                    "POST /v1/check HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{b}",
                    b.len()
                )
                .into_bytes()
            })
            .collect(),
    );
    let started = Instant::now();
    let end = started + Duration::from_secs(secs);
    let mut tasks = Vec::new();
    for c in 0..clients {
        let (host, requests) = (host.clone(), requests.clone());
        tasks.push(tokio::spawn(async move {
            let (mut ok, mut errors, mut lat, mut unsent) = (0u64, 0u64, Vec::new(), 0u64);
            let mut conn: Option<Conn> = None;
            let mut i = c;
            loop {
                // closed loop: now; open loop: request i's scheduled time, waited for
                let (t, waited) = match rate {
                    None => (Instant::now(), false),
                    Some(r) => {
                        let due = started + Duration::from_secs_f64(i as f64 / r);
                        // still on its connection past its time: the server is behind
                        let late = Instant::now() > due;
                        tokio::time::sleep_until(due.into()).await;
                        (due, late)
                    }
                };
                if t >= end {
                    break;
                }
                // open loop, server behind: a request that fell due before the end
                // but was still waiting for its connection at the end is not sent,
                // and counted as such (its latency would be at least its wait so
                // far); one whose timer fired just past the end is sent
                if waited && Instant::now() >= end {
                    let r = rate.unwrap_or(1.0);
                    let due_total = (secs as f64 * r).ceil() as usize;
                    unsent += (i..due_total).step_by(clients).count() as u64;
                    break;
                }
                let req = &requests[i % requests.len()];
                i += if rate.is_some() { clients } else { 1 };
                // a kept-alive connection the server has closed meanwhile fails at
                // once: the request is sent again, once, on a new connection
                let mut status = match conn.as_mut() {
                    Some(c) => c.exchange(req).await,
                    None => Err(std::io::ErrorKind::NotConnected.into()),
                };
                if status.is_err() {
                    conn = None;
                    status = match Conn::open(&host).await {
                        Ok(c) => conn.insert(c).exchange(req).await,
                        Err(e) => Err(e),
                    };
                }
                if conn.as_ref().is_some_and(|c| c.closed) {
                    conn = None;
                }
                lat.push(t.elapsed().as_micros() as u64);
                match status {
                    Ok(200) => ok += 1,
                    Ok(_) => errors += 1,
                    Err(_) => {
                        errors += 1;
                        conn = None;
                    }
                }
            }
            (ok, errors, lat, unsent)
        }));
    }
    let mut p = Phase {
        ok: 0,
        errors: 0,
        unsent: 0,
        latencies_us: Vec::new(),
        secs: 0.0,
    };
    for t in tasks {
        let (ok, errors, lat, unsent) = t.await.unwrap();
        p.ok += ok;
        p.errors += errors;
        p.unsent += unsent;
        p.latencies_us.extend(lat);
    }
    p.secs = started.elapsed().as_secs_f64();
    p.latencies_us.sort_unstable();
    p
}

/// One keep-alive HTTP/1.1 connection: a request out, the status and whole body
/// of its answer in (the server answers with `Content-Length`).
struct Conn {
    stream: tokio::net::TcpStream,
    buf: Vec<u8>,
    /// The server said `Connection: close` in its last answer.
    closed: bool,
}

impl Conn {
    async fn open(host: &str) -> std::io::Result<Conn> {
        let stream = tokio::net::TcpStream::connect(host).await?;
        stream.set_nodelay(true)?;
        Ok(Conn {
            stream,
            buf: Vec::with_capacity(64 * 1024),
            closed: false,
        })
    }

    /// Send `req`, read the answer (30 s at most); its status code.
    async fn exchange(&mut self, req: &[u8]) -> std::io::Result<u16> {
        tokio::time::timeout(Duration::from_secs(30), self.exchange_now(req))
            .await
            .unwrap_or_else(|_| Err(std::io::ErrorKind::TimedOut.into()))
    }

    async fn exchange_now(&mut self, req: &[u8]) -> std::io::Result<u16> {
        use std::io::{Error, ErrorKind};
        let bad = |m: &str| Error::new(ErrorKind::InvalidData, m.to_string());
        self.stream.write_all(req).await?;
        self.buf.clear();
        let mut chunk = [0u8; 16 * 1024];
        let head_end = loop {
            if let Some(p) = self.buf.windows(4).position(|w| w == b"\r\n\r\n") {
                break p + 4;
            }
            let n = self.stream.read(&mut chunk).await?;
            if n == 0 {
                return Err(ErrorKind::UnexpectedEof.into());
            }
            self.buf.extend_from_slice(&chunk[..n]);
        };
        let head = std::str::from_utf8(&self.buf[..head_end]).map_err(|_| bad("head"))?;
        let status: u16 = head
            .get(9..12)
            .and_then(|s| s.parse().ok())
            .ok_or_else(|| bad("status line"))?;
        let len: usize = head
            .lines()
            .find_map(|l| {
                let (k, v) = l.split_once(':')?;
                k.eq_ignore_ascii_case("content-length")
                    .then(|| v.trim().parse().ok())?
            })
            .ok_or_else(|| bad("no content-length"))?;
        let close = head.to_ascii_lowercase().contains("connection: close");
        while self.buf.len() < head_end + len {
            let n = self.stream.read(&mut chunk).await?;
            if n == 0 {
                return Err(ErrorKind::UnexpectedEof.into());
            }
            self.buf.extend_from_slice(&chunk[..n]);
        }
        self.closed = close;
        Ok(status)
    }
}

fn print_phase(name: &str, p: &Phase) {
    println!(
        "{name}: {} checks in {:.1} s = {:.0} checks/s; latency p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.1} ms; errors {}{}",
        p.ok,
        p.secs,
        p.ok as f64 / p.secs,
        pct(&p.latencies_us, 0.5),
        pct(&p.latencies_us, 0.9),
        pct(&p.latencies_us, 0.99),
        pct(&p.latencies_us, 1.0),
        p.errors,
        if p.unsent > 0 {
            format!("; {} requests due but not sent by the end (the server was behind)", p.unsent)
        } else {
            String::new()
        }
    );
}

/// One slow client: a request sent one byte a second, again each time the server
/// closes the connection. Counts the connections the server ended, and how.
async fn slow_client(
    addr: String,
    body: Arc<String>,
    stop: Arc<AtomicBool>,
    cut: Arc<AtomicU64>,
    answered_408: Arc<AtomicU64>,
) {
    let req = format!(
        "POST /v1/check HTTP/1.1\r\nHost: bench\r\nContent-Type: application/json\r\nContent-Length: {}\r\n\r\n{}",
        body.len(),
        body
    );
    while !stop.load(Ordering::Relaxed) {
        let Ok(mut s) = tokio::net::TcpStream::connect(&addr).await else {
            tokio::time::sleep(Duration::from_millis(200)).await;
            continue;
        };
        for b in req.as_bytes() {
            if stop.load(Ordering::Relaxed) {
                return;
            }
            if s.write_all(std::slice::from_ref(b)).await.is_err() {
                break;
            }
            tokio::time::sleep(Duration::from_secs(1)).await;
            // has the server answered (and closed)?
            let mut buf = [0u8; 512];
            if let Ok(Ok(n)) =
                tokio::time::timeout(Duration::from_millis(1), s.read(&mut buf)).await
            {
                if n > 0 && buf[..n].starts_with(b"HTTP/1.1 408") {
                    answered_408.fetch_add(1, Ordering::Relaxed);
                }
                break;
            }
        }
        cut.fetch_add(1, Ordering::Relaxed);
    }
}

fn main() {
    let a = args();
    let bin = root().join("target/release/wirecheck");
    assert!(bin.is_file(), "build first: cargo build --release");
    let mut server = std::process::Command::new(&bin);
    server.args(["serve", "--listen", "127.0.0.1:0", "--max-inflight", "4096"]);
    if let Some(w) = a.workers {
        server.args(["--workers", &w.to_string()]);
    }
    let mut child = server
        .stderr(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let pid = child.id();
    let mut stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    std::io::BufRead::read_line(&mut stderr, &mut line).unwrap();
    let addr = line
        .trim()
        .strip_prefix("wirecheck serve: listening on ")
        .expect("bound address")
        .to_string();
    // drain the log (one line per request) so the server never blocks on it
    std::thread::spawn(move || std::io::copy(&mut stderr, &mut std::io::sink()));
    let bodies = Arc::new(bodies());
    let mean = bodies.iter().map(String::len).sum::<usize>() / bodies.len();
    println!(
        "server {addr} (pid {pid}), {} cores; {} distinct pairs of pairs/, mean body {} bytes",
        std::thread::available_parallelism().map_or(0, |n| n.get()),
        bodies.len(),
        mean
    );
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .unwrap();
    let rss = Arc::new(std::sync::Mutex::new(Vec::new()));
    let sampling = Arc::new(AtomicBool::new(true));
    let (r2, s2) = (rss.clone(), sampling.clone());
    let sampler = std::thread::spawn(move || {
        while s2.load(Ordering::Relaxed) {
            r2.lock().unwrap().push(rss_kib(pid));
            std::thread::sleep(Duration::from_secs(1));
        }
    });
    rt.block_on(async {
        // warm up
        let _ = fast_clients(&addr, bodies.clone(), 4, 2, None).await;
        let start_rss = rss_kib(pid);
        let cpu0 = cpu_secs(pid);
        let own0 = cpu_secs(std::process::id());
        println!("load average before: {}", loadavg());
        let mode = match a.rate {
            None => "closed loop".to_string(),
            Some(r) => format!("open loop at {r:.0} requests/s offered"),
        };
        let p = fast_clients(&addr, bodies.clone(), a.clients, a.secs, a.rate).await;
        print_phase(&format!("{} clients, {} s, {mode}", a.clients, a.secs), &p);
        let cpu = cpu_secs(pid) - cpu0;
        println!(
            "server CPU: {:.1} s over the run = {:.2} ms of CPU per check ({:.0} checks/s per fully free core); load average after: {}",
            cpu,
            cpu * 1000.0 / p.ok.max(1) as f64,
            p.ok as f64 / cpu.max(0.001),
            loadavg()
        );
        let own = cpu_secs(std::process::id()) - own0;
        println!(
            "load generator CPU: {:.1} s = {:.2} ms per request",
            own,
            own * 1000.0 / (p.ok + p.errors).max(1) as f64
        );
        let samples = rss.lock().unwrap().clone();
        println!(
            "server RSS: {} MiB after warm-up, {} MiB at the end, peak {} MiB (sampled each second)",
            start_rss / 1024,
            rss_kib(pid) / 1024,
            samples.iter().max().copied().unwrap_or(0) / 1024
        );
        if a.slow > 0 {
            let stop = Arc::new(AtomicBool::new(false));
            let cut = Arc::new(AtomicU64::new(0));
            let got408 = Arc::new(AtomicU64::new(0));
            let slow_body = Arc::new(bodies[0].clone());
            let host = addr.trim_start_matches("http://").to_string();
            let mut slow = Vec::new();
            for _ in 0..a.slow {
                slow.push(tokio::spawn(slow_client(
                    host.clone(),
                    slow_body.clone(),
                    stop.clone(),
                    cut.clone(),
                    got408.clone(),
                )));
            }
            tokio::time::sleep(Duration::from_secs(2)).await;
            let p = fast_clients(&addr, bodies.clone(), a.clients, a.slow_secs, a.rate).await;
            print_phase(
                &format!("{} clients, {} s, {mode}, with {} slow clients at 1 byte/s", a.clients, a.slow_secs, a.slow),
                &p,
            );
            stop.store(true, Ordering::Relaxed);
            for s in slow {
                let _ = s.await;
            }
            println!(
                "slow clients: {} connections ended by the server ({} with a 408 answer, the rest cut off at the 10 s head deadline)",
                cut.load(Ordering::Relaxed),
                got408.load(Ordering::Relaxed)
            );
            println!("server RSS at the end: {} MiB", rss_kib(pid) / 1024);
        }
    });
    sampling.store(false, Ordering::Relaxed);
    let _ = sampler.join();
    let _ = std::process::Command::new("kill")
        .args(["-TERM", &pid.to_string()])
        .status();
    let _ = child.wait();
}
