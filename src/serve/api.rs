//! The check API as plain synchronous code: a `POST /v1/check` body parsed, both
//! sides loaded, and the pair checked by [`pipeline::check_pair`], the one pipeline
//! `wirecheck check` uses too. Every refusal is an [`ApiError`]: a status and one line.

use serde::Deserialize;

use crate::document::Format;
use crate::error::Error;
use crate::finding::Verdict;
use crate::pipeline::{self, PairOptions};
use crate::policy::{FailOn, Policy};
use crate::report;
use crate::source::{self, fetch::Fetched, Loaded};
use crate::waivers::Waivers;

/// A refusal: the HTTP status and the one line of `{"error": "…"}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: u16,
    pub message: String,
}

impl ApiError {
    pub fn new(status: u16, message: impl Into<String>) -> ApiError {
        let message: String = message.into();
        ApiError {
            status,
            message: message.split_whitespace().collect::<Vec<_>>().join(" "),
        }
    }

    /// The response body: `{"error": "…"}` on one line.
    pub fn body(&self) -> String {
        serde_json::json!({ "error": self.message }).to_string()
    }
}

/// The body of `POST /v1/check`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckRequest {
    pub fr: SideInput,
    pub en: SideInput,
    /// The text of a `wirecheck.toml`; the server's policy when absent.
    #[serde(default)]
    pub config: Option<String>,
    /// Overrides the policy's `fail-on`, as `--fail-on` does.
    #[serde(default)]
    pub fail_on: Option<FailOn>,
    /// The text of a `waivers.toml`.
    #[serde(default)]
    pub waivers: Option<String>,
}

/// One side of the pair, as the request gives it. A new input format is one
/// variant here and one arm in [`load_side`].
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "lowercase")]
pub enum SideInput {
    /// Plain text, paragraphs separated by blank lines (as a `.txt` file).
    Text(String),
    /// An HTML page or fragment (as a `.html` file: the article is extracted).
    Html(String),
    /// The English on the web, fetched by the server when it is allowed to.
    Url(String),
    /// An IPTC ninjs item (1.x or 2.x), as a JSON object.
    Ninjs(serde_json::Value),
    /// An IPTC NewsML-G2 `newsItem` (or `newsMessage`), as XML text.
    Newsml(String),
}

/// Which side a value belongs to, for messages and report `source`s.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Fr,
    En,
}

impl Which {
    pub fn as_str(self) -> &'static str {
        match self {
            Which::Fr => "fr",
            Which::En => "en",
        }
    }
    /// The `source` of a side given in the request.
    fn source(self) -> &'static str {
        match self {
            Which::Fr => "<request fr>",
            Which::En => "<request en>",
        }
    }
}

/// The report formats of `?format=`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReportFormat {
    #[default]
    Json,
    Html,
    Csv,
}

impl ReportFormat {
    pub fn content_type(self) -> &'static str {
        match self {
            ReportFormat::Json => "application/json",
            ReportFormat::Html => "text/html; charset=utf-8",
            ReportFormat::Csv => "text/csv; charset=utf-8",
        }
    }
}

/// Parse a request body: 400 naming what is wrong (bad JSON, unknown field, bad value).
pub fn parse_request(body: &[u8]) -> Result<CheckRequest, ApiError> {
    let req: CheckRequest = serde_json::from_slice(body)
        .map_err(|e| ApiError::new(400, format!("invalid request: {e}")))?;
    if let SideInput::Url(_) = req.fr {
        return Err(ApiError::new(
            400,
            "invalid request: fr: a URL is accepted for the English side only",
        ));
    }
    Ok(req)
}

/// The URL of the English side, when it is given by URL.
pub fn english_url(req: &CheckRequest) -> Option<&str> {
    match &req.en {
        SideInput::Url(u) => Some(u),
        _ => None,
    }
}

/// The policy of one request: its `config` when given, else the server's; then
/// its `fail_on`. A bad config is a 400 naming the key.
pub fn request_policy(
    base: &Policy,
    config: Option<&str>,
    fail_on: Option<FailOn>,
) -> Result<Policy, ApiError> {
    let mut p = match config {
        None => base.clone(),
        Some(text) => {
            // a request must not make the server read its own files
            let roster_file = toml::from_str::<toml::Table>(text)
                .ok()
                .and_then(|t| t.get("credits")?.get("roster-file").cloned());
            if roster_file.is_some() {
                return Err(ApiError::new(
                    400,
                    "config: credits.roster-file is not accepted in a request (the server reads no file for a request); list the names in credits.roster",
                ));
            }
            Policy::from_toml(text, std::path::Path::new("<request config>")).map_err(
                |e| match e {
                    Error::Config { message, .. } => {
                        ApiError::new(400, format!("config: {message}"))
                    }
                    e => ApiError::new(400, format!("config: {e}")),
                },
            )?
        }
    };
    if let Some(f) = fail_on {
        p.fail_on = f;
    }
    Ok(p)
}

/// A side that cannot be checked: 422, naming the side.
fn unusable(which: Which, e: Error) -> ApiError {
    let w = which.as_str();
    ApiError::new(
        422,
        match e {
            Error::Empty(_) => format!("{w}: no text (empty, only white space, or no paragraph)"),
            Error::Binary(_) => format!("{w}: binary content, not text"),
            Error::NotUtf8(_) => format!("{w}: not UTF-8 text"),
            Error::Input { message, .. } => format!("{w}: {message}"),
            e => format!("{w}: {e}"),
        },
    )
}

/// Load one side. `fetched` is the page the server fetched for a `url` side.
pub fn load_side(
    side: &SideInput,
    which: Which,
    fetched: Option<Fetched>,
) -> Result<Loaded, ApiError> {
    let name = which.source();
    match side {
        SideInput::Text(t) => source::load_text(name, t, Format::Text),
        SideInput::Html(h) => source::load_text(name, h, Format::Html),
        SideInput::Ninjs(v) if !v.is_object() => Err(Error::Input {
            what: name.to_string(),
            message: "ninjs: the item must be a JSON object".to_string(),
        }),
        SideInput::Ninjs(v) => {
            source::load_side_from_str(name, &v.to_string(), Some(Format::Ninjs))
        }
        SideInput::Newsml(x) if !x.trim_start().starts_with('<') => Err(Error::Input {
            what: name.to_string(),
            message: "newsml: not XML (a NewsML-G2 newsItem is expected)".to_string(),
        }),
        SideInput::Newsml(x) => source::load_side_from_str(name, x, Some(Format::NewsMl)),
        SideInput::Url(url) => {
            let Some(mut page) = fetched else {
                return Err(ApiError::new(500, format!("{url}: not fetched")));
            };
            source::document_from_web(&page.bytes, &mut page.provenance, url).map(|document| {
                Loaded {
                    document,
                    provenance: Some(page.provenance),
                }
            })
        }
    }
    .map_err(|e| unusable(which, e))
}

/// A finished check: the verdict (for the log and the metrics) and the rendered report.
#[derive(Debug)]
pub struct Checked {
    pub verdict: Verdict,
    pub body: String,
}

/// Check a parsed request end to end and render the report.
/// `policy` is the request's, from [`request_policy`].
pub fn check(
    req: &CheckRequest,
    policy: &Policy,
    fetched: Option<Fetched>,
    format: ReportFormat,
) -> Result<Checked, ApiError> {
    let waivers = req
        .waivers
        .as_deref()
        .map(|t| Waivers::from_toml(t, "<request waivers>"))
        .transpose()
        .map_err(|e| match e {
            Error::Config { message, .. } => ApiError::new(400, format!("waivers: {message}")),
            e => ApiError::new(400, format!("waivers: {e}")),
        })?;
    let fr = load_side(&req.fr, Which::Fr, None)?;
    let en = load_side(&req.en, Which::En, fetched)?;
    let r = pipeline::check_pair(
        &fr,
        &en,
        policy,
        PairOptions {
            waivers: waivers.as_ref(),
            drift: None,
        },
    );
    let body = match format {
        ReportFormat::Json => report::json::render(&r),
        ReportFormat::Html => report::html::render(&r),
        ReportFormat::Csv => report::csv::render_findings(&r, "request")
            .map_err(|e| ApiError::new(500, format!("cannot write the CSV: {e}")))?,
    };
    Ok(Checked {
        verdict: r.verdict,
        body,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_fields_and_variants_are_named() {
        let e = parse_request(br#"{"fr":{"text":"a"},"en":{"text":"b"},"colour":1}"#).unwrap_err();
        assert_eq!(e.status, 400);
        assert!(
            e.message.contains("unknown field `colour`"),
            "{}",
            e.message
        );
        let e = parse_request(br#"{"fr":{"txt":"a"},"en":{"text":"b"}}"#).unwrap_err();
        assert!(e.message.contains("unknown variant `txt`"), "{}", e.message);
        let e =
            parse_request(br#"{"fr":{"url":"https://x.example/"},"en":{"text":"b"}}"#).unwrap_err();
        assert!(e.message.contains("English side only"), "{}", e.message);
        let e = parse_request(br#"{"fr":{"text":"a"},"en":{"text":"b"},"fail_on":"sometimes"}"#)
            .unwrap_err();
        assert!(e.message.contains("sometimes"), "{}", e.message);
    }

    #[test]
    fn request_config_replaces_the_servers_and_names_a_bad_key() {
        let base = Policy::default();
        let p = request_policy(&base, Some("fail-on = \"warning\"\n"), None).unwrap();
        assert_eq!(p.fail_on, FailOn::Warning);
        let p =
            request_policy(&base, Some("fail-on = \"warning\"\n"), Some(FailOn::Never)).unwrap();
        assert_eq!(p.fail_on, FailOn::Never);
        let e =
            request_policy(&base, Some("[checks]\nno-such-check = \"off\"\n"), None).unwrap_err();
        assert_eq!(e.status, 400);
        assert!(e.message.contains("no-such-check"), "{}", e.message);
        let e = request_policy(
            &base,
            Some("[credits]\nroster-file = \"/etc/passwd\"\n"),
            None,
        )
        .unwrap_err();
        assert!(e.message.contains("roster-file"), "{}", e.message);
    }

    #[test]
    fn empty_and_binary_sides_are_422() {
        let e = load_side(&SideInput::Text("  \n ".into()), Which::Fr, None).unwrap_err();
        assert_eq!(
            (e.status, e.message.starts_with("fr: no text")),
            (422, true)
        );
        let e = load_side(&SideInput::Text("a\0b\0c".into()), Which::En, None).unwrap_err();
        assert_eq!(e.status, 422);
        assert!(e.message.starts_with("en: binary"), "{}", e.message);
        let e = load_side(
            &SideInput::Html("<html><body></body></html>".into()),
            Which::En,
            None,
        )
        .unwrap_err();
        assert_eq!(e.status, 422);
    }
}
