//! `wirecheck serve`: the checks over HTTP for editorial systems, and a desk page.
//! axum on tokio; the library below stays synchronous, and every check runs on one
//! of `workers` threads of its own (a rayon pool), through [`api::check`] and so through
//! the same [`crate::pipeline`] as `wirecheck check`.
//!
//! Connections are served by hyper (HTTP/1.1) with a deadline on reading a request's
//! head; the body, the fetch and the check share the request deadline. On SIGTERM
//! or Ctrl-C the server stops accepting, lets the requests in progress finish, and
//! returns. Like the rest of the library it prints nothing: the binary passes a
//! `log` function that gets the bound address and one line per request.

pub mod api;
pub mod hosts;
mod http;
pub mod metrics;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

use crate::error::{Error, Result};
use crate::policy::Policy;

/// Where the server's lines go (the binary writes them to stderr).
pub type LogFn = Arc<dyn Fn(&str) + Send + Sync>;

/// Everything `wirecheck serve` is started with.
#[derive(Clone)]
pub struct ServeConfig {
    pub listen: SocketAddr,
    /// `Authorization: Bearer` token required on `/v1/*` and `/metrics`.
    pub token: Option<String>,
    /// `--allow-fetch` host patterns; empty = no fetching by URL.
    pub allow_fetch: Vec<String>,
    pub max_body: usize,
    /// Deadline of one request.
    pub timeout: Duration,
    /// Checks run at once.
    pub workers: usize,
    /// Requests in progress at once before answering 503.
    pub max_inflight: usize,
    /// The policy of a request that sends no `config`.
    pub policy: Policy,
    pub log: LogFn,
}

/// How long reading a request's head may take (slow clients are cut off).
const HEAD_TIMEOUT: Duration = Duration::from_secs(10);

/// Run the server until SIGTERM or Ctrl-C; the requests in progress finish first.
pub fn run(cfg: ServeConfig) -> Result<()> {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .thread_name("wirecheck-serve")
        .build()
        .map_err(|e| Error::Other(format!("cannot start the server runtime: {e}")))?;
    rt.block_on(serve(cfg))
}

async fn serve(cfg: ServeConfig) -> Result<()> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    let listener = tokio::net::TcpListener::bind(cfg.listen)
        .await
        .map_err(|e| Error::Other(format!("cannot listen on {}: {e}", cfg.listen)))?;
    let bound = listener
        .local_addr()
        .map_err(|e| Error::Other(format!("cannot listen on {}: {e}", cfg.listen)))?;
    (cfg.log)(&format!("wirecheck serve: listening on http://{bound}"));
    let log = cfg.log.clone();
    let grace = cfg.timeout + Duration::from_secs(5);
    let app = http::router(cfg)
        .map_err(|e| Error::Other(format!("cannot start the check threads: {e}")))?;
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut builder = hyper::server::conn::http1::Builder::new();
    builder
        .timer(TokioTimer::new())
        .header_read_timeout(HEAD_TIMEOUT)
        .keep_alive(true);
    let mut stop = std::pin::pin!(shutdown_signal());
    loop {
        tokio::select! {
            accepted = listener.accept() => {
                let Ok((stream, _peer)) = accepted else {
                    // out of file descriptors or the like: wait, then go on
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                };
                let _ = stream.set_nodelay(true);
                let svc = hyper_util::service::TowerToHyperService::new(app.clone());
                let conn = builder.serve_connection(TokioIo::new(stream), svc);
                let conn = graceful.watch(conn);
                tokio::spawn(async move {
                    let _ = conn.await;
                });
            }
            _ = &mut stop => break,
        }
    }
    drop(listener);
    log("wirecheck serve: shutting down, finishing the requests in progress");
    if tokio::time::timeout(grace, graceful.shutdown())
        .await
        .is_err()
    {
        log("wirecheck serve: some requests did not finish in time");
    }
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {}
        _ = term => {}
    }
}
