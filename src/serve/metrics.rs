//! `GET /metrics`: Prometheus text (the `prometheus-client` crate) with the requests
//! by route and status, the verdicts, the request latency and the fetches by outcome.

use prometheus_client::encoding::text::encode;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::histogram::{exponential_buckets, Histogram};
use prometheus_client::registry::Registry;

type Labels = Vec<(&'static str, String)>;

pub struct Metrics {
    registry: Registry,
    requests: Family<Labels, Counter>,
    verdicts: Family<Labels, Counter>,
    fetches: Family<Labels, Counter>,
    latency: Histogram,
}

impl Default for Metrics {
    fn default() -> Self {
        Metrics::new()
    }
}

impl Metrics {
    pub fn new() -> Metrics {
        let mut registry = Registry::with_prefix("wirecheck");
        let requests = Family::<Labels, Counter>::default();
        let verdicts = Family::<Labels, Counter>::default();
        let fetches = Family::<Labels, Counter>::default();
        // 0.25 ms to about 16 s
        let latency = Histogram::new(exponential_buckets(0.00025, 2.0, 17));
        registry.register(
            "http_requests",
            "HTTP requests answered, by route and status",
            requests.clone(),
        );
        registry.register("verdicts", "Checks made, by verdict", verdicts.clone());
        registry.register(
            "fetches",
            "English sources fetched by URL, by outcome (ok, refused, failed, timeout)",
            fetches.clone(),
        );
        registry.register(
            "http_request_duration_seconds",
            "Time from the request's head to the response",
            latency.clone(),
        );
        Metrics {
            registry,
            requests,
            verdicts,
            fetches,
            latency,
        }
    }

    pub fn request(&self, route: &str, status: u16, seconds: f64) {
        self.requests
            .get_or_create(&vec![
                ("route", route.to_string()),
                ("status", status.to_string()),
            ])
            .inc();
        self.latency.observe(seconds);
    }

    pub fn verdict(&self, verdict: &str) {
        self.verdicts
            .get_or_create(&vec![("verdict", verdict.to_string())])
            .inc();
    }

    pub fn fetch(&self, outcome: &'static str) {
        self.fetches
            .get_or_create(&vec![("outcome", outcome.to_string())])
            .inc();
    }

    pub fn render(&self) -> String {
        let mut s = String::new();
        let _ = encode(&mut s, &self.registry);
        s
    }
}
