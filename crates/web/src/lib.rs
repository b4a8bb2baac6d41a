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
pub mod charts;
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
        .route("/metrics", axum::routing::get(metrics))
        // After routing, so that requests are counted by their route's pattern; paths no route
        // knows (a scanner's probes) are counted too, as "unmatched".
        .layer(axum::middleware::from_fn_with_state(app.clone(), middleware::measure))
        .layer(axum::middleware::from_fn_with_state(app.clone(), middleware::security))
        .layer(axum::middleware::from_fn(middleware::finish_writes))
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

/// What `/healthz` says besides its status: whether the database answers, and how mail leaves
/// (a warning when it only waits in the outbox for want of a relay).
#[derive(serde::Serialize)]
struct Health {
    status: &'static str,
    database: &'static str,
    mail: &'static str,
    warnings: Vec<&'static str>,
}

async fn healthz(axum::extract::State(app): axum::extract::State<App>) -> axum::response::Response {
    use axum::response::IntoResponse;
    let up = app.healthy().await;
    let (mail, warnings) = match app.config.mail {
        app::MailTransport::Smtp => ("smtp", vec![]),
        app::MailTransport::Log => ("log", vec![]),
        app::MailTransport::QueuedOnly => {
            ("queued", vec!["no mail relay is configured (JOBTAUSCH_SMTP_URL): mails wait in the outbox"])
        }
    };
    let health = Health {
        status: if up { "ok" } else { "unavailable" },
        database: if up { "ok" } else { "unavailable" },
        mail,
        warnings,
    };
    let status = if up { axum::http::StatusCode::OK } else { axum::http::StatusCode::SERVICE_UNAVAILABLE };
    (status, axum::Json(health)).into_response()
}

/// The figures for Prometheus, for a caller with the metrics token; to anyone else the page does
/// not exist.
async fn metrics(
    axum::extract::State(app): axum::extract::State<App>,
    headers: axum::http::HeaderMap,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let token = headers
        .get(axum::http::header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "));
    if !app::metrics::may_read(&app, token) {
        return axum::http::StatusCode::NOT_FOUND.into_response();
    }
    match app::metrics::scrape(&app).await {
        Ok(text) => {
            ([(axum::http::header::CONTENT_TYPE, "application/openmetrics-text; version=1.0.0; charset=utf-8")], text)
                .into_response()
        }
        Err(e) => error::HttpError::from(e).into_response(),
    }
}
