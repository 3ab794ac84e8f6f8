//! `wirecheck serve` started for one test on a free loopback port (`--listen
//! 127.0.0.1:0`; the bound address is read from its first stderr line), and a small
//! blocking client for it. The server is stopped when the handle is dropped.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::Value;

pub struct Wirecheckd {
    child: Child,
    pub addr: String,
    log: Arc<Mutex<Vec<String>>>,
}

/// One answer: status, headers (lower-cased names), body.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    pub headers: reqwest::header::HeaderMap,
    pub body: String,
}

impl Answer {
    pub fn json(&self) -> Value {
        serde_json::from_str(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {:.300}", self.body))
    }
    /// The `error` of a JSON error body, asserted to be one line.
    pub fn error(&self) -> String {
        assert_eq!(
            self.body.lines().count(),
            1,
            "error body on one line: {}",
            self.body
        );
        let ct = self.header("content-type");
        assert!(ct.starts_with("application/json"), "{ct}");
        self.json()["error"]
            .as_str()
            .expect("an error field")
            .to_string()
    }
    pub fn header(&self, name: &str) -> String {
        self.headers
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("")
            .to_string()
    }
}

impl Wirecheckd {
    pub fn start(args: &[&str]) -> Wirecheckd {
        Wirecheckd::start_with(args, &[])
    }

    pub fn start_with(args: &[&str], env: &[(&str, &str)]) -> Wirecheckd {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_wirecheck"));
        cmd.current_dir(super::root())
            .args(["serve", "--listen", "127.0.0.1:0"])
            .args(args)
            .env_remove("WIRECHECK_TOKEN")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::piped());
        for (k, v) in env {
            cmd.env(k, v);
        }
        let mut child = cmd.spawn().expect("start wirecheck serve");
        let stderr = child.stderr.take().unwrap();
        let log = Arc::new(Mutex::new(Vec::new()));
        let (tx, rx) = std::sync::mpsc::channel();
        let l = log.clone();
        std::thread::spawn(move || {
            for line in BufReader::new(stderr).lines().map_while(Result::ok) {
                if let Some(a) = line.strip_prefix("wirecheck serve: listening on ") {
                    let _ = tx.send(a.to_string());
                }
                l.lock().unwrap().push(line);
            }
        });
        let addr = match rx.recv_timeout(Duration::from_secs(30)) {
            Ok(a) => a,
            Err(_) => {
                let _ = child.kill();
                panic!("wirecheck serve did not start: {:?}", log.lock().unwrap());
            }
        };
        Wirecheckd { child, addr, log }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{}", self.addr, path)
    }

    fn client() -> reqwest::blocking::Client {
        reqwest::blocking::Client::builder()
            .no_proxy()
            .timeout(Duration::from_secs(60))
            .build()
            .unwrap()
    }

    fn answer(r: reqwest::blocking::Response) -> Answer {
        let status = r.status().as_u16();
        let headers = r.headers().clone();
        Answer {
            status,
            headers,
            body: r.text().unwrap_or_default(),
        }
    }

    pub fn get(&self, path: &str) -> Answer {
        Wirecheckd::answer(Self::client().get(self.url(path)).send().expect("GET"))
    }

    pub fn get_auth(&self, path: &str, token: &str) -> Answer {
        Wirecheckd::answer(
            Self::client()
                .get(self.url(path))
                .bearer_auth(token)
                .send()
                .expect("GET"),
        )
    }

    /// POST raw bytes as JSON.
    pub fn post_raw(&self, path: &str, body: impl Into<Vec<u8>>, token: Option<&str>) -> Answer {
        let mut rb = Self::client()
            .post(self.url(path))
            .header("content-type", "application/json")
            .body(body.into());
        if let Some(t) = token {
            rb = rb.bearer_auth(t);
        }
        Wirecheckd::answer(rb.send().expect("POST"))
    }

    pub fn post(&self, path: &str, body: &Value) -> Answer {
        self.post_raw(path, body.to_string(), None)
    }

    /// The lines the server wrote on stderr so far.
    pub fn log(&self) -> Vec<String> {
        self.log.lock().unwrap().clone()
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    /// Send SIGTERM and wait (at most 60 s) for the server to exit.
    pub fn terminate(&mut self) -> ExitStatus {
        let st = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status()
            .expect("kill -TERM");
        assert!(st.success());
        let started = Instant::now();
        loop {
            if let Some(s) = self.child.try_wait().unwrap() {
                return s;
            }
            assert!(
                started.elapsed() < Duration::from_secs(60),
                "the server did not stop on SIGTERM"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }
}

impl Drop for Wirecheckd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
