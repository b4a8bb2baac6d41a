//! Jobtausch's web layer: the pages (server-rendered, usable without JavaScript) and the JSON
//! API, on one axum router.
//!
//! Start at [`router`]. A request passes [`security`] (headers, CSRF cookie), then a handler in
//! [`pages`] (HTML, POST-redirect-GET) or [`api`] (JSON, bearer tokens). Handlers identify the
//! person with the extractors of [`auth`], ask `domain` whether the action is allowed, and call
//! `store`. [`error::AppError`] turns every refusal into a translated page or a problem+json.

pub mod actions;
pub mod agreement;
pub mod api;
pub mod assets;
pub mod auth;
pub mod error;
pub mod forms;
pub mod i18n;
pub mod mail;
pub mod pages;
pub mod rounds;
pub mod security;
pub mod swaps;
pub mod week;

use axum::Router;
use chrono::Duration;
use std::sync::Arc;
use store::Db;
use store::users::SessionLimits;

/// Settings of a running instance.
#[derive(Debug, Clone)]
pub struct Config {
    /// The address people reach the instance at, for links in e-mails (no trailing slash).
    pub base_url: String,
    /// Behind TLS: cookies get `Secure`, responses get `Strict-Transport-Security`.
    pub behind_tls: bool,
    pub sessions: SessionLimits,
    /// How long a verification link or an invitation stays valid.
    pub link_validity: Duration,
    /// Where the mailer sends from.
    pub mail_from: String,
}

impl Config {
    pub fn new(base_url: impl Into<String>) -> Self {
        let base_url: String = base_url.into();
        Self {
            behind_tls: base_url.starts_with("https://"),
            base_url: base_url.trim_end_matches('/').to_owned(),
            sessions: SessionLimits::default(),
            link_validity: Duration::hours(48),
            mail_from: "Jobtausch <noreply@jobtausch.invalid>".into(),
        }
    }
}

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub db: Db,
    pub config: Arc<Config>,
}

/// The whole application: pages, API, assets and health check.
pub fn router(state: AppState) -> Router {
    Router::new()
        .merge(pages::routes())
        .nest("/api", api::routes())
        .merge(assets::routes())
        .route("/healthz", axum::routing::get(healthz))
        .layer(axum::middleware::from_fn_with_state(state.clone(), security::layer))
        .layer(tower_http::limit::RequestBodyLimitLayer::new(256 * 1024))
        .layer(tower_http::trace::TraceLayer::new_for_http())
        .with_state(state)
}

async fn healthz(axum::extract::State(state): axum::extract::State<AppState>) -> axum::http::StatusCode {
    if state.db.ping().await { axum::http::StatusCode::OK } else { axum::http::StatusCode::SERVICE_UNAVAILABLE }
}
