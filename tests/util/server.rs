//! A tiny HTTP/1.1 server on 127.0.0.1 (ephemeral port), one per test, for the
//! tests that fetch an English source by URL. Nothing leaves the loopback interface.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::Duration;

/// One request as the server read it: path and lower-cased header names.
#[derive(Debug, Clone)]
pub struct Request {
    pub path: String,
    pub headers: HashMap<String, String>,
}

/// What the handler answers.
#[derive(Debug, Clone)]
pub struct Response {
    pub status: u16,
    pub reason: &'static str,
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
    /// Sleep before answering.
    pub delay: Duration,
    /// Send no Content-Length (body delimited by closing the connection).
    pub stream: bool,
    /// Send the body one byte at a time with this pause between bytes.
    pub trickle: Option<Duration>,
}

impl Response {
    pub fn ok(content_type: &str, body: impl Into<Vec<u8>>) -> Response {
        Response {
            status: 200,
            reason: "OK",
            headers: vec![("Content-Type".into(), content_type.into())],
            body: body.into(),
            delay: Duration::ZERO,
            stream: false,
            trickle: None,
        }
    }
    pub fn html(body: impl Into<Vec<u8>>) -> Response {
        Response::ok("text/html; charset=utf-8", body)
    }
    pub fn status(status: u16, reason: &'static str) -> Response {
        Response {
            status,
            reason,
            ..Response::html(format!("<h1>{status} {reason}</h1>"))
        }
    }
    pub fn redirect(to: &str) -> Response {
        let mut r = Response::status(301, "Moved Permanently");
        r.headers.push(("Location".into(), to.into()));
        r
    }
    pub fn header(mut self, k: &str, v: &str) -> Response {
        self.headers.push((k.into(), v.into()));
        self
    }
}

pub type Handler = dyn Fn(&Request) -> Response + Send + Sync;

pub struct Server {
    addr: SocketAddr,
    requests: Arc<Mutex<Vec<Request>>>,
}

impl Server {
    pub fn start(handler: impl Fn(&Request) -> Response + Send + Sync + 'static) -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind loopback");
        let addr = listener.local_addr().unwrap();
        let requests = Arc::new(Mutex::new(Vec::new()));
        let handler: Arc<Handler> = Arc::new(handler);
        let reqs = requests.clone();
        thread::spawn(move || {
            for stream in listener.incoming() {
                let Ok(stream) = stream else { continue };
                let handler = handler.clone();
                let reqs = reqs.clone();
                thread::spawn(move || serve(stream, &*handler, &reqs));
            }
        });
        Server { addr, requests }
    }

    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    /// The User-Agent of the first request.
    pub fn user_agent(&self) -> String {
        self.hits()
            .first()
            .and_then(|r| r.headers.get("user-agent").cloned())
            .unwrap_or_default()
    }
    pub fn hits(&self) -> Vec<Request> {
        self.requests.lock().unwrap().clone()
    }
}

fn serve(stream: TcpStream, handler: &Handler, reqs: &Mutex<Vec<Request>>) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(5)));
    let mut reader = BufReader::new(match stream.try_clone() {
        Ok(s) => s,
        Err(_) => return,
    });
    let mut line = String::new();
    if reader.read_line(&mut line).is_err() {
        return;
    }
    let path = line.split_whitespace().nth(1).unwrap_or("/").to_string();
    let mut headers = HashMap::new();
    loop {
        let mut h = String::new();
        if reader.read_line(&mut h).is_err() || h.trim().is_empty() {
            break;
        }
        if let Some((k, v)) = h.split_once(':') {
            headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
        }
    }
    let req = Request { path, headers };
    reqs.lock().unwrap().push(req.clone());
    let resp = handler(&req);
    thread::sleep(resp.delay);
    let mut out = stream;
    let mut head = format!(
        "HTTP/1.1 {} {}\r\nConnection: close\r\n",
        resp.status, resp.reason
    );
    for (k, v) in &resp.headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    if !resp.stream {
        head.push_str(&format!("Content-Length: {}\r\n", resp.body.len()));
    }
    head.push_str("\r\n");
    if out.write_all(head.as_bytes()).is_err() {
        return;
    }
    if let Some(pause) = resp.trickle {
        for b in &resp.body {
            if out.write_all(&[*b]).and_then(|()| out.flush()).is_err() {
                return;
            }
            thread::sleep(pause);
        }
        return;
    }
    for chunk in resp.body.chunks(64 * 1024) {
        if out.write_all(chunk).is_err() {
            return;
        }
    }
    let _ = out.flush();
}
