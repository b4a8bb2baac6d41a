//! Runs the web server and the workers side by side until Ctrl-C or SIGTERM: the outbox worker
//! that sends mail, the deadline and week worker, and the matching-round worker.

use crate::mailer::Mailer;
use app::metrics::Worker;
use app::{App, Config};
use store::Db;
use tokio::net::TcpListener;

#[derive(Debug, Clone)]
pub struct Options {
    pub bind: String,
    pub base_url: String,
    pub smtp_url: Option<String>,
    pub mail_from: String,
    /// A private CA's certificate (PEM) the mail relay's certificate is signed by.
    pub smtp_ca_file: Option<std::path::PathBuf>,
    /// The demo: mail bodies may go to the log.
    pub demo: bool,
    /// The bearer token that opens `/metrics` (none: no `/metrics`).
    pub metrics_token: Option<String>,
    /// How long the outbox worker's claims last ([`crate::mailer::LEASE`]; shorter in drills).
    pub mail_lease: chrono::Duration,
    /// How long each class of personal data is kept.
    pub retention: app::retention::Periods,
}

pub fn app(db: Db, opts: &Options) -> App {
    let mut config = Config::new(&opts.base_url);
    config.mail_from = opts.mail_from.clone();
    config.mail = crate::mailer::transport_of(opts.smtp_url.as_deref());
    config.metrics_token = opts.metrics_token.clone();
    config.retention = opts.retention;
    App::new(db, config)
}

/// Ends swaps whose approval deadline passed and reminds approvers, moves swap weeks on
/// (plans, states, reminders), makes the daily digests, reminds of reports of barriers and
/// erases what is past its retention period, every minute. The state lives in the database,
/// so several instances may run this side by side.
pub async fn run_deadlines(app: App) {
    loop {
        let mut ok = true;
        if let Err(e) = app::swaps::run_deadlines(&app).await {
            tracing::error!(error = ?e, "deadline worker");
            ok = false;
        }
        // The week: plans, in_progress/completed by date, reminders and revocations.
        if let Err(e) = app::week::run_week(&app, chrono::Utc::now()).await {
            tracing::error!(error = ?e, "week worker");
            ok = false;
        }
        // The daily digests of those who take their notices collected.
        if let Err(e) = app::notify::send_digests(&app, chrono::Utc::now()).await {
            tracing::error!(error = ?e, "digest worker");
            ok = false;
        }
        // Reminders of reports of barriers whose deadline to answer comes near.
        if let Err(e) = app::accessibility::run_reminders(&app).await {
            tracing::error!(error = ?e, "accessibility reminder worker");
            ok = false;
        }
        // Events: the reminders the day and the hour before, the mail after an event.
        if let Err(e) = app::events::run(&app, chrono::Utc::now()).await {
            tracing::error!(error = ?e, "event worker");
            ok = false;
        }
        // What is past its retention period is erased.
        if let Err(e) = app::retention::run(&app, chrono::Utc::now()).await {
            tracing::error!(error = ?e, "retention worker");
            ok = false;
        }
        app.metrics.worker_run(Worker::Deadlines, ok);
        tokio::time::sleep(std::time::Duration::from_secs(60)).await;
    }
}

/// Runs queued matching rounds (and rounds whose instance died), checking every minute; the
/// page that starts a round also wakes a run at once.
pub async fn run_rounds(app: App) {
    loop {
        let outcome = app::rounds::run_queued(&app).await;
        if let Err(e) = &outcome {
            tracing::error!(error = ?e, "matching round worker");
        }
        app.metrics.worker_run(Worker::Rounds, outcome.is_ok());
        tokio::time::sleep(std::time::Duration::from_secs(60)).await;
    }
}

pub async fn run(db: Db, opts: Options, banner: Option<String>) -> anyhow::Result<()> {
    let listener =
        TcpListener::bind(&opts.bind).await.map_err(|e| anyhow::anyhow!("cannot listen on {}: {e}", opts.bind))?;
    let mailer = Mailer::new(opts.smtp_url.as_deref(), &opts.mail_from, opts.smtp_ca_file.as_deref(), opts.demo)?
        .with_lease(opts.mail_lease);
    let app = app(db.clone(), &opts);
    let (stop, stopping) = tokio::sync::watch::channel(false);
    let worker = tokio::spawn(crate::mailer::run_worker(db.clone(), mailer, app.metrics.clone(), stopping));
    let deadlines = tokio::spawn(run_deadlines(app.clone()));
    let rounds = tokio::spawn(run_rounds(app.clone()));
    tracing::info!(bind = %opts.bind, base_url = %opts.base_url, "jobtausch is listening");
    if let Some(b) = banner {
        println!("{b}");
    }
    axum::serve(listener, web::router(app)).with_graceful_shutdown(shutdown()).await?;
    // The outbox worker finishes the send under way and gives back what else it holds.
    let _ = stop.send(true);
    let grace = crate::mailer::SEND_TIMEOUT + std::time::Duration::from_secs(5);
    if tokio::time::timeout(grace, worker).await.is_err() {
        tracing::warn!("the outbox worker did not stop in time; its claims run out by themselves");
    }
    deadlines.abort();
    rounds.abort();
    db.close().await;
    Ok(())
}
async fn shutdown() {
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
    tokio::select! { () = ctrl_c => {}, () = term => {} }
    tracing::info!("shutting down");
}
