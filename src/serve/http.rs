//! The routes of `wirecheck serve`, and the one middleware every request goes
//! through: token, concurrency cap, deadline, metrics and the log line.

use std::net::IpAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use axum::body::Body;
use axum::extract::{MatchedPath, Path, RawQuery, Request, State};
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use tokio::sync::Semaphore;
use tower_http::catch_panic::CatchPanicLayer;

use super::api::{self, ApiError, ReportFormat};
use super::hosts::{Allowed, FetchGate};
use super::metrics::Metrics;
use super::ServeConfig;
use crate::checks;
use crate::finding::Verdict;
use crate::source::fetch::{self, FetchLimits, FetchOutcome, Fetched};

pub(super) struct AppState {
    cfg: ServeConfig,
    gate: FetchGate,
    /// The threads checks run on, `workers` of them: a fixed set, so the memory
    /// each keeps (its allocator's pages, its lookup memos) is kept `workers` times.
    checks: rayon::ThreadPool,
    workers: Arc<Semaphore>,
    inflight: Arc<Semaphore>,
    metrics: Metrics,
}

type Shared = Arc<AppState>;

/// The verdict of a check response, for the log line.
#[derive(Clone, Copy)]
struct VerdictMark(Verdict);

const DESK_HTML: &str = include_str!("desk.html");
const DESK_CSS: &str = include_str!("desk.css");
const DESK_JS: &str = include_str!("desk.js");
const DESK_CSP: &str = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
     connect-src 'self'; img-src data:; frame-src 'self'; base-uri 'none'; form-action 'none'";

pub(super) fn router(cfg: ServeConfig) -> std::io::Result<Router> {
    let st = Arc::new(AppState {
        gate: FetchGate::new(&cfg.allow_fetch),
        checks: check_threads(cfg.workers)?,
        workers: Arc::new(Semaphore::new(cfg.workers.max(1))),
        inflight: Arc::new(Semaphore::new(cfg.max_inflight.max(1))),
        metrics: Metrics::new(),
        cfg,
    });
    Ok(with_layers(routes(), st))
}

fn check_threads(n: usize) -> std::io::Result<rayon::ThreadPool> {
    rayon::ThreadPoolBuilder::new()
        .num_threads(n.max(1))
        .thread_name(|i| format!("wirecheck-check-{i}"))
        .build()
        .map_err(std::io::Error::other)
}

fn routes() -> Router<Shared> {
    Router::new()
        .route("/", get(desk))
        .route(
            "/desk.css",
            get(|| async { asset("text/css; charset=utf-8", DESK_CSS) }),
        )
        .route(
            "/desk.js",
            get(|| async { asset("text/javascript; charset=utf-8", DESK_JS) }),
        )
        .route("/healthz", get(healthz))
        .route("/metrics", get(metrics))
        .route("/v1/check", post(check))
        .route("/v1/checks", get(list))
        .route("/v1/checks/{id}", get(explain))
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
}

fn with_layers(routes: Router<Shared>, st: Shared) -> Router {
    routes
        .layer(CatchPanicLayer::custom(panicked))
        .layer(middleware::from_fn_with_state(st.clone(), guard))
        .with_state(st)
}

/// `{"error": "…"}` with its status.
fn error_response(e: &ApiError) -> Response {
    let status = StatusCode::from_u16(e.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let mut r = (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        e.body(),
    )
        .into_response();
    if e.status == 401 {
        r.headers_mut()
            .insert(header::WWW_AUTHENTICATE, HeaderValue::from_static("Bearer"));
    }
    r
}

fn panicked(err: Box<dyn std::any::Any + Send + 'static>) -> Response {
    let what = panic_text(err.as_ref());
    error_response(&ApiError::new(500, format!("internal error: {what}")))
}

fn panic_text(p: &(dyn std::any::Any + Send)) -> String {
    p.downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| p.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "the check failed".into())
}

/// Token, concurrency cap and deadline; then the metrics and the log line.
async fn guard(State(st): State<Shared>, req: Request, next: Next) -> Response {
    let started = Instant::now();
    let method = req.method().clone();
    let target = req
        .uri()
        .path_and_query()
        .map_or_else(|| req.uri().path().to_string(), |p| p.to_string());
    let route = req
        .extensions()
        .get::<MatchedPath>()
        .map_or("other", |m| m.as_str())
        .to_string();
    let path = req.uri().path();
    let guarded = path.starts_with("/v1/") || path == "/metrics";
    let res = if guarded && !authorized(st.cfg.token.as_deref(), req.headers()) {
        error_response(&ApiError::new(
            401,
            "missing or wrong token: send `Authorization: Bearer <token>`",
        ))
    } else {
        match st.inflight.clone().try_acquire_owned() {
            Err(_) => error_response(&ApiError::new(
                503,
                format!(
                    "server busy: {} requests in progress, try again",
                    st.cfg.max_inflight
                ),
            )),
            Ok(_permit) => {
                let deadline = st.cfg.timeout + Duration::from_secs(1);
                match tokio::time::timeout(deadline, next.run(req)).await {
                    Ok(r) => r,
                    Err(_) => error_response(&ApiError::new(
                        503,
                        format!(
                            "the request took longer than {} s",
                            st.cfg.timeout.as_secs()
                        ),
                    )),
                }
            }
        }
    };
    let secs = started.elapsed().as_secs_f64();
    let status = res.status().as_u16();
    st.metrics.request(&route, status, secs);
    let verdict = res
        .extensions()
        .get::<VerdictMark>()
        .map_or("-", |v| v.0.as_str());
    (st.cfg.log)(&format!(
        "{method} {target} {status} {:.1}ms verdict={verdict}",
        secs * 1000.0
    ));
    res
}

/// Is the request's bearer token the server's (always, when it has none)?
fn authorized(token: Option<&str>, headers: &HeaderMap) -> bool {
    let Some(want) = token else { return true };
    let got = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| {
            let (scheme, rest) = v.trim().split_once(' ')?;
            scheme.eq_ignore_ascii_case("bearer").then(|| rest.trim())
        })
        .unwrap_or("");
    // compare in time independent of where the strings differ
    let (a, b) = (want.as_bytes(), got.as_bytes());
    let mut diff = a.len() ^ b.len();
    for (i, x) in a.iter().enumerate() {
        diff |= usize::from(x ^ b.get(i).copied().unwrap_or(0));
    }
    diff == 0
}

fn asset(content_type: &'static str, body: &'static str) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "no-cache"),
        ],
        body,
    )
        .into_response()
}

async fn desk() -> Response {
    let mut r = asset("text/html; charset=utf-8", DESK_HTML);
    let h = r.headers_mut();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(DESK_CSP),
    );
    h.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    r
}

fn json(status: StatusCode, body: String) -> Response {
    (status, [(header::CONTENT_TYPE, "application/json")], body).into_response()
}

async fn healthz() -> Response {
    json(
        StatusCode::OK,
        serde_json::json!({"status": "ok", "version": crate::VERSION}).to_string(),
    )
}

async fn metrics(State(st): State<Shared>) -> Response {
    (
        [(
            header::CONTENT_TYPE,
            "application/openmetrics-text; version=1.0.0; charset=utf-8",
        )],
        st.metrics.render(),
    )
        .into_response()
}

async fn list() -> Response {
    let body = serde_json::to_string_pretty(&checks::catalog()).unwrap_or_default() + "\n";
    json(StatusCode::OK, body)
}

async fn explain(Path(id): Path<String>) -> Response {
    match checks::find(&id) {
        Some(c) => (
            [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
            checks::explain_text(c.meta()) + "\n",
        )
            .into_response(),
        None => error_response(&ApiError::new(
            404,
            format!("unknown check id `{id}` (see GET /v1/checks)"),
        )),
    }
}

async fn not_found(req: Request) -> Response {
    error_response(&ApiError::new(
        404,
        format!("no such endpoint: {} {}", req.method(), req.uri().path()),
    ))
}

async fn method_not_allowed(req: Request) -> Response {
    error_response(&ApiError::new(
        405,
        format!("{} is not allowed on {}", req.method(), req.uri().path()),
    ))
}

/// `?format=json|html|csv` (json when absent).
fn report_format(query: Option<&str>) -> Result<ReportFormat, ApiError> {
    let mut format = ReportFormat::Json;
    for pair in query.unwrap_or("").split('&').filter(|p| !p.is_empty()) {
        let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
        if k == "format" {
            format = match v {
                "json" => ReportFormat::Json,
                "html" => ReportFormat::Html,
                "csv" => ReportFormat::Csv,
                other => {
                    return Err(ApiError::new(
                        400,
                        format!("format: `{other}` is not one of json, html, csv"),
                    ))
                }
            };
        }
    }
    Ok(format)
}

async fn check(
    State(st): State<Shared>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
    body: Body,
) -> Response {
    match check_inner(&st, query.as_deref(), &headers, body).await {
        Ok((format, checked)) => {
            st.metrics.verdict(checked.verdict.as_str());
            let mut r = (
                [(header::CONTENT_TYPE, format.content_type())],
                checked.body,
            )
                .into_response();
            r.headers_mut().insert(
                "x-wirecheck-verdict",
                HeaderValue::from_static(checked.verdict.as_str()),
            );
            r.extensions_mut().insert(VerdictMark(checked.verdict));
            r
        }
        Err(e) => error_response(&e),
    }
}

async fn check_inner(
    st: &Shared,
    query: Option<&str>,
    headers: &HeaderMap,
    body: Body,
) -> Result<(ReportFormat, api::Checked), ApiError> {
    let format = report_format(query)?;
    let bytes = read_body(st, headers, body).await?;
    let req = api::parse_request(&bytes)?;
    let policy = api::request_policy(&st.cfg.policy, req.config.as_deref(), req.fail_on)?;
    let fetched = match api::english_url(&req) {
        Some(url) => Some(fetch_english(st, url, &policy).await?),
        None => None,
    };
    let permit = st
        .workers
        .clone()
        .acquire_owned()
        .await
        .map_err(|_| ApiError::new(503, "the server is shutting down"))?;
    let (tx, rx) = tokio::sync::oneshot::channel();
    st.checks.spawn(move || {
        let _permit = permit;
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            api::check(&req, &policy, fetched, format)
        }));
        let _ = tx.send(r);
    });
    match rx.await {
        Ok(Ok(r)) => r.map(|c| (format, c)),
        Ok(Err(panic)) => Err(ApiError::new(
            500,
            format!("internal error: {}", panic_text(panic.as_ref())),
        )),
        Err(_) => Err(ApiError::new(
            500,
            "internal error: the check was cancelled",
        )),
    }
}

/// The body, within `--max-body` (413) and the request deadline (408).
async fn read_body(st: &Shared, headers: &HeaderMap, body: Body) -> Result<Vec<u8>, ApiError> {
    let max = st.cfg.max_body;
    let too_large = || {
        ApiError::new(
            413,
            format!("request body over the limit of {max} bytes (--max-body)"),
        )
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > max as u64) {
        return Err(too_large());
    }
    match tokio::time::timeout(st.cfg.timeout, axum::body::to_bytes(body, max)).await {
        Err(_) => Err(ApiError::new(
            408,
            format!(
                "the request body did not arrive within {} s",
                st.cfg.timeout.as_secs()
            ),
        )),
        Ok(Err(e)) => {
            let mut src: Option<&(dyn std::error::Error + 'static)> = Some(&e);
            while let Some(s) = src {
                if s.to_string().contains("length limit exceeded") {
                    return Err(too_large());
                }
                src = s.source();
            }
            Err(ApiError::new(
                400,
                format!("cannot read the request body: {e}"),
            ))
        }
        Ok(Ok(b)) => Ok(b.to_vec()),
    }
}

/// Fetch the English page, if the host is allowed and its addresses are public
/// (or the host is named exactly). 403 refused, 502 failed, 504 timed out.
async fn fetch_english(
    st: &Shared,
    url: &str,
    policy: &crate::policy::Policy,
) -> Result<Fetched, ApiError> {
    let r = fetch_english_inner(st, url, policy).await;
    st.metrics.fetch(match &r {
        Ok(_) => "ok",
        Err(e) if e.status == 403 => "refused",
        Err(e) if e.status == 504 => "timeout",
        Err(_) => "failed",
    });
    r
}

async fn fetch_english_inner(
    st: &Shared,
    url: &str,
    policy: &crate::policy::Policy,
) -> Result<Fetched, ApiError> {
    let parsed = fetch::parse_url(url).map_err(|e| ApiError::new(400, format!("en.url: {e}")))?;
    let mut limits = FetchLimits::from_policy(&policy.fetch);
    limits.timeout = limits.timeout.min(st.cfg.timeout);
    limits.connect_timeout = limits.connect_timeout.min(st.cfg.timeout);
    let allowed = vet(st, &parsed, limits.connect_timeout).await?;
    // the fetch layer vets every hop again after DNS; a host named exactly in
    // --allow-fetch may be internal, and only that one
    limits.allow_private.retain(|_| false);
    if allowed.named {
        limits.allow_private.push(allowed.host.clone());
    }
    let u = parsed.to_string();
    let lim = limits.clone();
    let outcome = tokio::task::spawn_blocking(move || fetch::fetch(&u, &lim, None))
        .await
        .map_err(|_| ApiError::new(500, "internal error: the fetch failed"))?;
    let page = match outcome {
        Ok(FetchOutcome::Fetched(f)) => *f,
        Ok(FetchOutcome::NotModified) => {
            return Err(ApiError::new(502, format!("{url}: HTTP 304 Not Modified")))
        }
        Err(e) => {
            let m = e.to_string();
            let status = if m.contains("timed out") { 504 } else { 502 };
            return Err(ApiError::new(status, format!("en.url: {m}")));
        }
    };
    // after redirects, the page must come from an allowed host too
    if let Ok(final_url) = fetch::parse_url(&page.provenance.final_url) {
        if final_url.host_str() != parsed.host_str() {
            vet(st, &final_url, limits.connect_timeout).await?;
        }
    }
    Ok(page)
}

/// The host's pattern, then its addresses after resolution.
async fn vet(st: &Shared, u: &reqwest::Url, dns_timeout: Duration) -> Result<Allowed, ApiError> {
    let host = u.host_str().unwrap_or("");
    let allowed = st.gate.host(host)?;
    let bare = allowed.host.clone();
    let addrs: Vec<IpAddr> = match bare.parse::<IpAddr>() {
        Ok(ip) => vec![ip],
        Err(_) => {
            let port = u.port_or_known_default().unwrap_or(80);
            match tokio::time::timeout(dns_timeout, tokio::net::lookup_host((bare.as_str(), port)))
                .await
            {
                Err(_) => {
                    return Err(ApiError::new(
                        504,
                        format!("{bare}: name resolution timed out"),
                    ))
                }
                Ok(Err(e)) => {
                    return Err(ApiError::new(
                        502,
                        format!("{bare}: cannot resolve the name ({e})"),
                    ))
                }
                Ok(Ok(it)) => it.map(|sa| sa.ip()).collect(),
            }
        }
    };
    st.gate.addresses(&allowed, &addrs)?;
    Ok(allowed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use tower::ServiceExt;

    fn state() -> Shared {
        Arc::new(AppState {
            cfg: ServeConfig {
                listen: "127.0.0.1:0".parse().unwrap(),
                token: None,
                allow_fetch: vec![],
                max_body: 1 << 20,
                timeout: Duration::from_secs(5),
                workers: 1,
                max_inflight: 4,
                policy: crate::policy::Policy::default(),
                log: Arc::new(|_| {}),
            },
            gate: FetchGate::default(),
            checks: check_threads(1).unwrap(),
            workers: Arc::new(Semaphore::new(1)),
            inflight: Arc::new(Semaphore::new(4)),
            metrics: Metrics::new(),
        })
    }

    /// A handler that panics answers 500 with one JSON line, and the server goes on.
    #[test]
    fn a_panic_is_a_500_json_line() {
        let rt = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()
            .unwrap();
        rt.block_on(async {
            let routes = routes().route(
                "/boom",
                get(|| async {
                    let v: Vec<u8> = Vec::new();
                    #[allow(clippy::indexing_slicing)]
                    let x = v[usize::from(v.is_empty())];
                    x.to_string()
                }),
            );
            let app = with_layers(routes, state());
            let res = app
                .clone()
                .oneshot(Request::get("/boom").body(Body::empty()).unwrap())
                .await
                .unwrap();
            assert_eq!(res.status(), 500);
            let b = axum::body::to_bytes(res.into_body(), 1 << 16)
                .await
                .unwrap();
            let v: serde_json::Value = serde_json::from_slice(&b).unwrap();
            assert!(v["error"].as_str().unwrap().starts_with("internal error"));
            let res = app
                .oneshot(Request::get("/healthz").body(Body::empty()).unwrap())
                .await
                .unwrap();
            assert_eq!(res.status(), 200);
        });
    }

    #[test]
    fn bearer_token() {
        let mut h = HeaderMap::new();
        assert!(authorized(None, &h));
        assert!(!authorized(Some("s3cret"), &h));
        h.insert(
            header::AUTHORIZATION,
            HeaderValue::from_static("Bearer s3cret"),
        );
        assert!(authorized(Some("s3cret"), &h));
        assert!(!authorized(Some("s3cre"), &h));
        assert!(!authorized(Some("s3cretx"), &h));
    }

    #[test]
    fn report_formats() {
        assert_eq!(report_format(None).unwrap(), ReportFormat::Json);
        assert_eq!(
            report_format(Some("format=html")).unwrap(),
            ReportFormat::Html
        );
        assert_eq!(
            report_format(Some("x=1&format=csv")).unwrap(),
            ReportFormat::Csv
        );
        assert_eq!(report_format(Some("format=pdf")).unwrap_err().status, 400);
    }
}
