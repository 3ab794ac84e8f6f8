//! One HTTP(S) GET, done safely: http/https only, public addresses only unless the
//! policy allows an internal host ([`netpolicy`]), checked on every redirect hop;
//! one deadline for the whole fetch (body included); at most [`MAX_REDIRECTS`]
//! redirects (a loop is an error); at most [`MAX_BODY`] bytes of decoded body
//! (gzip, deflate, br; streamed, stopped as soon as it is exceeded); HTML or text
//! content types only. Conditional requests (`If-None-Match`, `If-Modified-Since`)
//! let the cache revalidate an entry. Every failure is an [`Error::Fetch`] whose
//! message says what happened in one line.

use std::io::Read;
use std::time::{Duration, Instant};

use reqwest::header::{self, HeaderMap, HeaderValue};
use reqwest::Url;

use super::{netpolicy, Provenance};
use crate::error::{Error, Result};
use crate::util::sha256_hex;
use serde::{Deserialize, Serialize};

/// Most redirects followed for one request.
pub const MAX_REDIRECTS: usize = 5;
/// Largest body accepted, in bytes (10 MB).
pub const MAX_BODY: u64 = 10 * 1024 * 1024;

/// The User-Agent sent with every request, with the desk's contact when the
/// policy gives one (`[fetch] contact`).
pub fn user_agent(contact: Option<&str>) -> String {
    match contact {
        Some(c) => format!(
            "wirecheck/{} (translation checker; contact: {})",
            crate::VERSION,
            c.trim()
        ),
        None => format!("wirecheck/{} (translation checker)", crate::VERSION),
    }
}

/// The `[fetch]` section of `wirecheck.toml`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case", default)]
pub struct FetchPolicy {
    pub connect_timeout_secs: u64,
    pub timeout_secs: u64,
    /// Who to contact about the tool's requests (an e-mail or a URL), sent in the
    /// User-Agent so a publisher can reach the desk.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub contact: Option<String>,
    /// Internal hosts (names or addresses) the desk allows fetching from: any other
    /// host resolving to a loopback, private, link-local or unique-local address is
    /// refused.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub allow_private: Vec<String>,
}

impl Default for FetchPolicy {
    fn default() -> Self {
        FetchPolicy {
            connect_timeout_secs: 10,
            timeout_secs: 30,
            contact: None,
            allow_private: Vec::new(),
        }
    }
}

/// Limits of one fetch.
#[derive(Debug, Clone)]
pub struct FetchLimits {
    pub connect_timeout: Duration,
    pub timeout: Duration,
    pub max_body: u64,
    pub user_agent: String,
    /// `[fetch] allow-private`.
    pub allow_private: Vec<String>,
}

impl FetchLimits {
    pub fn from_policy(p: &FetchPolicy) -> FetchLimits {
        FetchLimits {
            connect_timeout: Duration::from_secs(p.connect_timeout_secs.max(1)),
            timeout: Duration::from_secs(p.timeout_secs.max(1)),
            max_body: MAX_BODY,
            user_agent: user_agent(p.contact.as_deref()),
            allow_private: p.allow_private.clone(),
        }
    }
}

impl Default for FetchLimits {
    fn default() -> Self {
        FetchLimits::from_policy(&FetchPolicy::default())
    }
}

/// Validators of a cached copy, sent to revalidate it.
#[derive(Debug, Clone, Default)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// A complete response: the raw body and its provenance (`origin` = `live`).
#[derive(Debug, Clone)]
pub struct Fetched {
    pub bytes: Vec<u8>,
    pub provenance: Provenance,
}

#[derive(Debug, Clone)]
pub enum FetchOutcome {
    Fetched(Box<Fetched>),
    /// 304: the cached copy is still current.
    NotModified,
}

fn fetch_err(url: &str, message: impl Into<String>) -> Error {
    Error::Fetch {
        url: url.to_string(),
        message: message.into(),
    }
}

/// Parse and vet a URL: absolute, http or https, with a host.
pub fn parse_url(url: &str) -> Result<Url> {
    let u = Url::parse(url.trim()).map_err(|e| fetch_err(url, format!("not a valid URL ({e})")))?;
    if !matches!(u.scheme(), "http" | "https") {
        return Err(fetch_err(
            url,
            format!(
                "unsupported URL scheme `{}` (only http and https)",
                u.scheme()
            ),
        ));
    }
    if u.host_str().is_none_or(str::is_empty) {
        return Err(fetch_err(url, "URL has no host"));
    }
    Ok(u)
}

/// One request to `u`, connected only to addresses the policy allows and pinned to
/// them, within what is left of `deadline`; redirects are not followed here.
fn request_once(
    u: &Url,
    original: &str,
    limits: &FetchLimits,
    validators: Option<&Validators>,
    deadline: Instant,
) -> Result<reqwest::blocking::Response> {
    let left = remaining(deadline).ok_or_else(|| fetch_err(original, timed_out(limits)))?;
    let host = u
        .host_str()
        .ok_or_else(|| fetch_err(original, "URL has no host"))?;
    let port = u.port_or_known_default().unwrap_or(80);
    let addrs = netpolicy::resolve(host, port, left.min(limits.connect_timeout))
        .map_err(|m| fetch_err(original, m))?;
    if let Some(ip) = netpolicy::refused(host, &addrs, &limits.allow_private) {
        let bare = netpolicy::bare_host(host);
        return Err(fetch_err(
            original,
            format!(
                "refused: {bare} is an internal address ({ip}); a desk's own host can be allowed with [fetch] allow-private = [\"{bare}\"]"
            ),
        ));
    }
    let mut builder = reqwest::blocking::Client::builder()
        .connect_timeout(limits.connect_timeout.min(left))
        .timeout(left)
        .redirect(reqwest::redirect::Policy::none())
        .user_agent(limits.user_agent.as_str());
    // Directly, the connection goes to the addresses just vetted. Through a proxy
    // from the environment (`http_proxy`, `https_proxy`, `all_proxy`) the proxy
    // resolves the name again and cannot be pinned; the target was still vetted
    // above, before anything is sent to the proxy (docs/contract.md says what
    // remains: a name answering the proxy differently).
    if let Some(d) = u.domain() {
        builder = builder.resolve_to_addrs(d, &addrs);
    }
    // an internal host the policy allows is reached directly, not through a proxy
    if addrs.iter().any(|a| !netpolicy::is_public(a.ip())) {
        builder = builder.no_proxy();
    }
    let client = builder.build().map_err(|e| {
        fetch_err(
            original,
            format!("cannot set up the HTTP client: {}", describe(&e, limits)),
        )
    })?;
    let mut req = client.get(u.clone()).timeout(left).header(
        header::ACCEPT,
        HeaderValue::from_static("text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1"),
    );
    if let Some(v) = validators {
        if let Some(etag) = v
            .etag
            .as_deref()
            .and_then(|s| HeaderValue::from_str(s).ok())
        {
            req = req.header(header::IF_NONE_MATCH, etag);
        }
        if let Some(lm) = v
            .last_modified
            .as_deref()
            .and_then(|s| HeaderValue::from_str(s).ok())
        {
            req = req.header(header::IF_MODIFIED_SINCE, lm);
        }
    }
    req.send()
        .map_err(|e| fetch_err(original, describe(&e, limits)))
}

fn remaining(deadline: Instant) -> Option<Duration> {
    deadline
        .checked_duration_since(Instant::now())
        .filter(|d| !d.is_zero())
}

fn timed_out(limits: &FetchLimits) -> String {
    format!("timed out after {} s", limits.timeout.as_secs())
}

/// Where a redirect leads, vetted: absolute http(s), no loop, not too many.
fn next_hop(
    current: &Url,
    status: reqwest::StatusCode,
    headers: &HeaderMap,
    seen: &[Url],
    original: &str,
) -> Result<Url> {
    let Some(loc) = header_str(headers, header::LOCATION) else {
        return Err(fetch_err(
            original,
            format!("HTTP {status} without a Location header"),
        ));
    };
    let next = current.join(&loc).map_err(|_| {
        fetch_err(
            original,
            format!("HTTP {status} to an invalid Location ({})", one_line(&loc)),
        )
    })?;
    if !matches!(next.scheme(), "http" | "https") {
        return Err(fetch_err(
            original,
            format!(
                "redirected to a `{}:` URL, refused (only http and https)",
                next.scheme()
            ),
        ));
    }
    if seen.contains(&next) {
        return Err(fetch_err(
            original,
            format!("redirect loop (back to {next})"),
        ));
    }
    // `seen` holds the original URL and every redirect followed so far.
    if seen.len() > MAX_REDIRECTS {
        return Err(fetch_err(
            original,
            format!("too many redirects (more than {MAX_REDIRECTS})"),
        ));
    }
    Ok(next)
}

/// Turn a reqwest error into one line a desk can act on.
fn describe(e: &reqwest::Error, limits: &FetchLimits) -> String {
    let mut src: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(e);
    let mut root = String::new();
    let mut io_kind = None;
    while let Some(s) = src {
        if let Some(io) = s.downcast_ref::<std::io::Error>() {
            io_kind = Some(io.kind());
        }
        root = s.to_string();
        src = s.source();
    }
    if e.is_timeout() {
        return timed_out(limits);
    }
    if e.is_connect() {
        return match io_kind {
            Some(std::io::ErrorKind::ConnectionRefused) => {
                "cannot connect: connection refused".into()
            }
            Some(std::io::ErrorKind::TimedOut) => format!(
                "cannot connect: timed out after {} s",
                limits.connect_timeout.as_secs()
            ),
            _ if root.is_empty() => "cannot connect".into(),
            _ => format!("cannot connect: {}", one_line(&root)),
        };
    }
    if root.is_empty() {
        one_line(&e.to_string())
    } else {
        one_line(&root)
    }
}

fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn header_str(h: &HeaderMap, name: header::HeaderName) -> Option<String> {
    h.get(name)
        .and_then(|v| v.to_str().ok())
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
}

/// Is this content type one we can read as an article (HTML or text) or a wire item
/// (ninjs JSON, NewsML-G2 XML: `application/json`, `application/ninjs+json`,
/// `application/vnd.iptc.g2.newsitem+xml`, …)?
pub fn acceptable_content_type(ct: &str) -> bool {
    let mime = ct
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase();
    mime.is_empty()
        || mime.starts_with("text/")
        || mime == "application/xhtml+xml"
        || mime == "application/xml"
        || mime == "application/json"
        || (mime.starts_with("application/") && (mime.ends_with("+json") || mime.ends_with("+xml")))
}

/// GET `url` within `limits`, conditionally when `validators` has any. Every hop
/// (the URL and each redirect) is vetted by the address policy; one deadline
/// covers resolving, connecting, the headers and the whole body of every hop.
/// A gzip, deflate or brotli body is decoded, and the size limit applies to the
/// decoded bytes (a small compressed bomb stops at the limit).
pub fn fetch(
    url: &str,
    limits: &FetchLimits,
    validators: Option<&Validators>,
) -> Result<FetchOutcome> {
    let parsed = parse_url(url)?;
    let deadline = Instant::now() + limits.timeout;
    let mut current = parsed.clone();
    let mut seen = vec![parsed.clone()];
    let resp = loop {
        let resp = request_once(&current, url, limits, validators, deadline)?;
        let status = resp.status();
        if status == reqwest::StatusCode::NOT_MODIFIED {
            if validators.is_some() {
                return Ok(FetchOutcome::NotModified);
            }
            return Err(fetch_err(
                url,
                "HTTP 304 Not Modified to a request that had no cached copy to revalidate",
            ));
        }
        if status.is_redirection() {
            current = next_hop(&current, status, resp.headers(), &seen, url)?;
            seen.push(current.clone());
            continue;
        }
        break resp;
    };
    let status = resp.status();
    let final_url = resp.url().to_string();
    if !status.is_success() {
        let at = if final_url != parsed.as_str() {
            format!(" (at {final_url})")
        } else {
            String::new()
        };
        return Err(fetch_err(url, format!("HTTP {status}{at}")));
    }
    let headers = resp.headers().clone();
    let content_type = header_str(&headers, header::CONTENT_TYPE).unwrap_or_default();
    if !acceptable_content_type(&content_type) {
        return Err(fetch_err(
            url,
            format!("not an HTML or text page (content type {content_type})"),
        ));
    }
    // gzip, deflate and br are decoded (and the header removed) by the client
    if let Some(enc) = header_str(&headers, header::CONTENT_ENCODING)
        .filter(|e| !e.eq_ignore_ascii_case("identity"))
    {
        return Err(fetch_err(
            url,
            format!(
                "the page is sent with content encoding `{}`, which is not supported (gzip, deflate and br are)",
                one_line(&enc)
            ),
        ));
    }
    if let Some(len) = resp.content_length() {
        if len > limits.max_body {
            return Err(fetch_err(url, too_large(limits)));
        }
    }
    let bytes = read_body(resp, url, limits, deadline)?;
    let provenance = Provenance {
        url: parsed.to_string(),
        final_url,
        status: status.as_u16(),
        fetched_at: crate::util::now_rfc3339(),
        sha256: sha256_hex(&bytes),
        content_type,
        etag: header_str(&headers, header::ETAG),
        last_modified: header_str(&headers, header::LAST_MODIFIED),
        origin: "live".into(),
        ..Provenance::default()
    };
    Ok(FetchOutcome::Fetched(Box::new(Fetched {
        bytes,
        provenance,
    })))
}

/// The (decoded) body, at most `max_body` bytes, before `deadline`.
fn read_body(
    mut resp: reqwest::blocking::Response,
    url: &str,
    limits: &FetchLimits,
    deadline: Instant,
) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        if remaining(deadline).is_none() {
            return Err(fetch_err(
                url,
                format!("{} while reading the body", timed_out(limits)),
            ));
        }
        let n = match resp.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(body_error(&e, url, limits)),
        };
        bytes.extend_from_slice(&buf[..n]);
        if bytes.len() as u64 > limits.max_body {
            return Err(fetch_err(url, too_large(limits)));
        }
    }
    Ok(bytes)
}

fn body_error(e: &std::io::Error, url: &str, limits: &FetchLimits) -> Error {
    let inner = e.get_ref().and_then(|r| r.downcast_ref::<reqwest::Error>());
    let timed = e.kind() == std::io::ErrorKind::TimedOut || inner.is_some_and(|r| r.is_timeout());
    if timed {
        return fetch_err(url, format!("{} while reading the body", timed_out(limits)));
    }
    if inner.is_some_and(reqwest::Error::is_decode) {
        return fetch_err(
            url,
            "the page's compressed body is corrupt (cannot decode its Content-Encoding)",
        );
    }
    fetch_err(
        url,
        format!(
            "connection failed while reading the body: {}",
            one_line(&e.to_string())
        ),
    )
}

fn too_large(limits: &FetchLimits) -> String {
    format!(
        "page larger than {} MB, refused",
        limits.max_body / (1024 * 1024)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https() {
        assert!(parse_url("https://example.com/a").is_ok());
        let e = parse_url("ftp://example.com/a").unwrap_err().to_string();
        assert!(e.contains("only http and https"), "{e}");
        assert!(parse_url("file:///etc/passwd").is_err());
        assert!(parse_url("http://").is_err());
    }

    #[test]
    fn content_types() {
        assert!(acceptable_content_type("text/html; charset=utf-8"));
        assert!(acceptable_content_type("application/xhtml+xml"));
        assert!(acceptable_content_type("text/plain"));
        assert!(acceptable_content_type(""));
        assert!(acceptable_content_type("application/json"));
        assert!(acceptable_content_type(
            "application/vnd.iptc.g2.newsitem+xml"
        ));
        assert!(!acceptable_content_type("application/pdf"));
        assert!(!acceptable_content_type("image/png"));
    }

    #[test]
    fn user_agent_names_the_version() {
        assert!(user_agent(None).starts_with(&format!("wirecheck/{} ", crate::VERSION)));
        let with = FetchLimits::from_policy(&FetchPolicy {
            contact: Some("desk@agency.example".into()),
            ..FetchPolicy::default()
        });
        assert!(with.user_agent.ends_with("contact: desk@agency.example)"));
    }
}
