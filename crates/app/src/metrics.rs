//! What an operator watches (`GET /metrics`, in the OpenMetrics text format Prometheus reads): requests by route, method
//! and status with their latency, the workers' runs, the outbox (mails waiting, failing, the age
//! of the oldest) and the database pool. Counters and histograms are this instance's (each
//! instance is scraped by itself); the outbox is read from the database at each scrape, so every
//! instance reports the one queue they share.

use crate::App;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;
use std::sync::atomic::AtomicU64;
use std::time::Duration;

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RequestLabels {
    /// The route's pattern (`/swaps/{id}`), never the path itself: a label per swap would grow
    /// without end and carry ids into the monitoring.
    route: String,
    method: String,
    status: u16,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct RouteLabels {
    route: String,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct WorkerLabels {
    worker: &'static str,
    outcome: &'static str,
}

#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct PoolLabels {
    state: &'static str,
}

/// The workers that run beside the web server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Worker {
    Outbox,
    Deadlines,
    Rounds,
}

impl Worker {
    fn label(self) -> &'static str {
        match self {
            Worker::Outbox => "outbox",
            Worker::Deadlines => "deadlines",
            Worker::Rounds => "rounds",
        }
    }
}

type LatencyFamily = Family<RouteLabels, Histogram, fn() -> Histogram>;

/// Latency buckets from 1 ms to about 4 s: the targets are 50 ms for pages and 100 ms for
/// writes; the slow tail shows where it goes beyond.
fn latency_histogram() -> Histogram {
    Histogram::new([0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0])
}

/// The instance's figures and the registry that writes them out.
pub struct Metrics {
    registry: Registry,
    requests: Family<RequestLabels, Counter>,
    latency: LatencyFamily,
    worker_runs: Family<WorkerLabels, Counter>,
    outbox_waiting: Gauge,
    outbox_failing: Gauge,
    outbox_claimed: Gauge,
    outbox_oldest: Gauge<f64, AtomicU64>,
    pool: Family<PoolLabels, Gauge>,
    database_up: Gauge,
}

impl std::fmt::Debug for Metrics {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Metrics")
    }
}

impl Default for Metrics {
    fn default() -> Self {
        let mut registry = Registry::with_prefix("jobtausch");
        let requests = Family::<RequestLabels, Counter>::default();
        registry.register("http_requests", "Requests answered, by route, method and status", requests.clone());
        let latency: LatencyFamily = Family::new_with_constructor(latency_histogram);
        registry.register("http_request_duration_seconds", "Time to answer a request, by route", latency.clone());
        let worker_runs = Family::<WorkerLabels, Counter>::default();
        registry.register("worker_runs", "Runs of the background workers, by worker and outcome", worker_runs.clone());
        let outbox_waiting = Gauge::default();
        registry.register("outbox_waiting_mails", "Mails waiting to be sent", outbox_waiting.clone());
        let outbox_failing = Gauge::default();
        registry.register("outbox_failing_mails", "Waiting mails that failed at least once", outbox_failing.clone());
        let outbox_claimed = Gauge::default();
        registry.register("outbox_claimed_mails", "Waiting mails a worker holds a claim on", outbox_claimed.clone());
        let outbox_oldest = Gauge::<f64, AtomicU64>::default();
        registry.register(
            "outbox_oldest_waiting_seconds",
            "Age of the oldest waiting mail (0 when none waits)",
            outbox_oldest.clone(),
        );
        let database_up = Gauge::default();
        registry.register(
            "database_up",
            "Whether the database answered this scrape (1) or not (0)",
            database_up.clone(),
        );
        let pool = Family::<PoolLabels, Gauge>::default();
        registry.register(
            "db_pool_connections",
            "Database connections: in use, idle, and the most allowed",
            pool.clone(),
        );
        Self {
            registry,
            requests,
            latency,
            worker_runs,
            outbox_waiting,
            outbox_failing,
            outbox_claimed,
            outbox_oldest,
            pool,
            database_up,
        }
    }
}

impl Metrics {
    /// Counts an answered request; `route` is the route's pattern, or "unmatched".
    pub fn request(&self, route: &str, method: &str, status: u16, took: Duration) {
        let labels = RequestLabels { route: route.to_owned(), method: method.to_owned(), status };
        self.requests.get_or_create(&labels).inc();
        self.latency.get_or_create(&RouteLabels { route: route.to_owned() }).observe(took.as_secs_f64());
    }

    /// Counts a run of a worker and whether it went through.
    pub fn worker_run(&self, worker: Worker, ok: bool) {
        let labels = WorkerLabels { worker: worker.label(), outcome: if ok { "ok" } else { "error" } };
        self.worker_runs.get_or_create(&labels).inc();
    }
}

/// Whether `presented` (the bearer token of a request) opens `/metrics`; never without a
/// configured token. Compared as hashes, so the time taken says nothing about the token.
pub fn may_read(app: &App, presented: Option<&str>) -> bool {
    use crate::secrets::hash_secret;
    match (&app.config.metrics_token, presented) {
        (Some(expected), Some(given)) => hash_secret(expected) == hash_secret(given),
        _ => false,
    }
}

/// The figures in the OpenMetrics text format, with the outbox and the pool read now.
pub async fn scrape(app: &App) -> crate::Result<String> {
    let m = &app.metrics;
    // The instance's own figures matter most while the database is away: they are given
    // then too, with the database down and the outbox's figures as last read.
    match store::outbox::queue_state(&app.db).await {
        Ok(queue) => {
            m.database_up.set(1);
            m.outbox_waiting.set(queue.waiting);
            m.outbox_failing.set(queue.failing);
            m.outbox_claimed.set(queue.claimed);
            let age = queue.oldest.map_or(0.0, |t| (store::now() - t).num_milliseconds().max(0) as f64 / 1000.0);
            m.outbox_oldest.set(age);
        }
        Err(e) => {
            tracing::warn!(error = %e, "metrics: the database does not answer");
            m.database_up.set(0);
        }
    }
    let (open, idle, max) = app.db.pool_use();
    for (state, n) in [("in_use", open.saturating_sub(idle)), ("idle", idle), ("max", max)] {
        m.pool.get_or_create(&PoolLabels { state }).set(i64::from(n));
    }
    let mut text = String::new();
    if let Err(e) = prometheus_client::encoding::text::encode(&mut text, &m.registry) {
        tracing::error!(error = %e, "cannot write the metrics");
        return Err(crate::Error::Internal);
    }
    Ok(text)
}
