//! One HTTP(S) GET, done safely: http/https only, connect and total timeouts, at
//! most [`MAX_REDIRECTS`] redirects (a loop is an error), at most [`MAX_BODY`]
//! bytes of body (streamed, stopped as soon as it is exceeded), HTML or text
//! content types only. Conditional requests (`If-None-Match`, `If-Modified-Since`)
//! let the cache revalidate an entry. Every failure is an [`Error::Fetch`] whose
//! message says what happened in one line.

use std::io::Read;
use std::time::Duration;

use reqwest::header::{self, HeaderMap, HeaderValue};
use reqwest::Url;

use super::Provenance;
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
}

impl Default for FetchPolicy {
    fn default() -> Self {
        FetchPolicy {
            connect_timeout_secs: 10,
            timeout_secs: 30,
            contact: None,
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
}

impl FetchLimits {
    pub fn from_policy(p: &FetchPolicy) -> FetchLimits {
        FetchLimits {
            connect_timeout: Duration::from_secs(p.connect_timeout_secs.max(1)),
            timeout: Duration::from_secs(p.timeout_secs.max(1)),
            max_body: MAX_BODY,
            user_agent: user_agent(p.contact.as_deref()),
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

/// Our redirect refusals, found again in reqwest's error chain.
#[derive(Debug)]
struct RedirectRefused(String);

impl std::fmt::Display for RedirectRefused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for RedirectRefused {}

fn redirect_policy() -> reqwest::redirect::Policy {
    reqwest::redirect::Policy::custom(|attempt| {
        let next = attempt.url().clone();
        if !matches!(next.scheme(), "http" | "https") {
            let m = format!("redirected to a non-http URL ({next})");
            return attempt.error(RedirectRefused(m));
        }
        if attempt.previous().contains(&next) {
            let m = format!("redirect loop (back to {next})");
            return attempt.error(RedirectRefused(m));
        }
        // `previous` holds the original URL and every redirect followed so far.
        if attempt.previous().len() > MAX_REDIRECTS {
            let m = format!("too many redirects (more than {MAX_REDIRECTS})");
            return attempt.error(RedirectRefused(m));
        }
        attempt.follow()
    })
}

fn is_loopback(u: &Url) -> bool {
    let host = u.host_str().unwrap_or("");
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// Turn a reqwest error into one line a desk can act on.
fn describe(e: &reqwest::Error, limits: &FetchLimits) -> String {
    let mut src: Option<&(dyn std::error::Error + 'static)> = std::error::Error::source(e);
    let mut root = String::new();
    let mut io_kind = None;
    while let Some(s) = src {
        if let Some(r) = s.downcast_ref::<RedirectRefused>() {
            return r.0.clone();
        }
        if let Some(io) = s.downcast_ref::<std::io::Error>() {
            io_kind = Some(io.kind());
        }
        root = s.to_string();
        src = s.source();
    }
    if e.is_timeout() {
        return format!("timed out after {} s", limits.timeout.as_secs());
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
    if e.is_redirect() {
        return "redirect refused".into();
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

/// GET `url` within `limits`, conditionally when `validators` has any.
pub fn fetch(
    url: &str,
    limits: &FetchLimits,
    validators: Option<&Validators>,
) -> Result<FetchOutcome> {
    let parsed = parse_url(url)?;
    let mut builder = reqwest::blocking::Client::builder()
        .connect_timeout(limits.connect_timeout)
        .timeout(limits.timeout)
        .redirect(redirect_policy())
        .user_agent(limits.user_agent.as_str());
    if is_loopback(&parsed) {
        builder = builder.no_proxy();
    }
    let client = builder.build().map_err(|e| {
        fetch_err(
            url,
            format!("cannot set up the HTTP client: {}", describe(&e, limits)),
        )
    })?;
    let mut req = client.get(parsed.clone()).header(
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
    let resp = req
        .send()
        .map_err(|e| fetch_err(url, describe(&e, limits)))?;
    let status = resp.status();
    let final_url = resp.url().to_string();
    if status == reqwest::StatusCode::NOT_MODIFIED && validators.is_some() {
        return Ok(FetchOutcome::NotModified);
    }
    if status.is_redirection() {
        return Err(fetch_err(
            url,
            format!("HTTP {status} without a usable Location"),
        ));
    }
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
    if let Some(len) = resp.content_length() {
        if len > limits.max_body {
            return Err(fetch_err(url, too_large(limits)));
        }
    }
    let mut bytes = Vec::new();
    let mut body = resp.take(limits.max_body + 1);
    body.read_to_end(&mut bytes).map_err(|e| {
        let timed_out = e.kind() == std::io::ErrorKind::TimedOut
            || e.get_ref()
                .and_then(|r| r.downcast_ref::<reqwest::Error>())
                .is_some_and(reqwest::Error::is_timeout);
        if timed_out {
            fetch_err(
                url,
                format!(
                    "timed out after {} s while reading the body",
                    limits.timeout.as_secs()
                ),
            )
        } else {
            fetch_err(
                url,
                format!(
                    "connection failed while reading the body: {}",
                    one_line(&e.to_string())
                ),
            )
        }
    })?;
    if bytes.len() as u64 > limits.max_body {
        return Err(fetch_err(url, too_large(limits)));
    }
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
