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
        .layer(
            tower_http::trace::TraceLayer::new_for_http()
                .make_span_with(|req: &axum::http::Request<_>| {
                    let id = req.headers().get(REQUEST_ID).and_then(|v| v.to_str().ok()).unwrap_or_default();
                    tracing::info_span!("request", request_id = %id, method = %req.method(), path = %req.uri().path())
                })
                // One line per answer: status and latency, with the request's fields.
                .on_response(tower_http::trace::DefaultOnResponse::new().level(tracing::Level::INFO)),
        )
        // Outermost: every request has an id (the client's, or a new one) before it is traced,
        // and the answer carries it, so a report quoting it leads to the log lines.
        .layer(tower_http::request_id::PropagateRequestIdLayer::new(REQUEST_ID))
        .layer(tower_http::request_id::SetRequestIdLayer::new(REQUEST_ID, tower_http::request_id::MakeRequestUuid))
        .with_state(app)
}

/// The header that names a request, in the log and in the answer.
const REQUEST_ID: axum::http::HeaderName = axum::http::HeaderName::from_static("x-request-id");

async fn healthz(axum::extract::State(app): axum::extract::State<App>) -> axum::http::StatusCode {
    if app.healthy().await { axum::http::StatusCode::OK } else { axum::http::StatusCode::SERVICE_UNAVAILABLE }
}
