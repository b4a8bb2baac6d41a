//! Jobtausch's two faces over the application layer (`app`): the pages ([`html`],
//! server-rendered, usable without JavaScript) and the JSON API ([`api`], described by
//! OpenAPI), on one axum router.
//!
//! A request passes [`middleware`] (security headers, the CSRF cookie), then a handler of one
//! face. Handlers take what they need with the extractors of [`extract`] (the person, a typed
//! id, a CSRF-checked form, a JSON body), call one function of `app`, and answer: a page or a
//! redirect, or JSON. A refusal is an [`error::HttpError`]; each face's own layer turns it into
//! a translated page or a problem+json. The faces never import each other; nothing below them
//! imports either.

pub mod api;
pub mod cookies;
pub mod error;
pub mod extract;
pub mod html;
pub mod middleware;
pub mod respond;

pub use app::{App, Config};

use axum::Router;

/// The whole application: pages, API, assets and health check.
pub fn router(app: App) -> Router {
    Router::new()
        .merge(html::routes())
        .nest("/api", api::routes())
        .route("/healthz", axum::routing::get(healthz))
        .layer(axum::middleware::from_fn_with_state(app.clone(), middleware::security))
        .layer(tower_http::trace::TraceLayer::new_for_http())
        .with_state(app)
}

async fn healthz(axum::extract::State(app): axum::extract::State<App>) -> axum::http::StatusCode {
    if app.healthy().await { axum::http::StatusCode::OK } else { axum::http::StatusCode::SERVICE_UNAVAILABLE }
}
