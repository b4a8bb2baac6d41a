//! The layer every request passes, whatever face answers it: security headers, `no-store` on
//! everything personal, and the CSRF token a browser's forms repeat (see
//! [`crate::extract::CsrfForm`]): bound to the session once there is one, a random cookie
//! before. A request from a page of another site is marked, so that no form accepts it.
//! Bearer-token API calls and calendar programs carry no cookie and get none.

use crate::cookies;
use crate::extract::{CsrfToken, ForeignOrigin};
use app::App;
use axum::extract::{Request, State};
use axum::http::Method;
use axum::http::{HeaderValue, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum_extra::extract::CookieJar;
use tracing::Instrument;

const CSP: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; font-src 'self'; \
                   form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

pub async fn security(State(app): State<App>, mut req: Request, next: Next) -> Response {
    let path = req.uri().path().to_owned();
    let is_api = path.starts_with("/api/") || path == "/api";
    let is_asset = path.starts_with("/assets/");
    // Calendar programs fetch the feed with no cookies and keep none: a CSRF cookie for them
    // would be a new one on every fetch, for nothing.
    let is_feed = path.starts_with("/calendar/") && path.ends_with(".ics");
    let jar = CookieJar::from_headers(req.headers());
    let existing = jar.get(cookies::CSRF).map(|c| c.value().to_owned()).filter(|v| v.len() == 64);
    let fresh = existing.is_none();
    let token = existing.unwrap_or_else(app::secrets::new_secret);
    // Signed in, a form's token is derived from the session's secret, which no other site can
    // know or set; before that, the random cookie guards the sign-in forms.
    let form_token = match jar.get(cookies::SESSION) {
        Some(session) => CsrfToken::of_session(session.value()),
        None => CsrfToken(token.clone()),
    };
    req.extensions_mut().insert(form_token);
    if let Some(origin) = req.headers().get(header::ORIGIN)
        && !same_origin(origin.to_str().unwrap_or("null"), &app.config.base_url)
    {
        req.extensions_mut().insert(ForeignOrigin);
    }

    let mut res = next.run(req).await;

    let h = res.headers_mut();
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    h.insert("permissions-policy", HeaderValue::from_static("camera=(), microphone=(), geolocation=()"));
    if app.config.behind_tls {
        h.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=31536000; includeSubDomains"));
    }
    if !is_asset {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    if fresh
        && !is_api
        && !is_feed
        && let Ok(v) = HeaderValue::from_str(&cookies::csrf(token, app.config.behind_tls).to_string())
    {
        h.append(header::SET_COOKIE, v);
    }
    res
}

/// Whether an `Origin` header names this site (`scheme://host[:port]` of the base URL).
fn same_origin(origin: &str, base_url: &str) -> bool {
    let own = base_url.splitn(4, '/').take(3).collect::<Vec<_>>().join("/");
    origin.eq_ignore_ascii_case(&own)
}

/// Counts the request by its route's pattern, method and status, with the time it took
/// ([`app::metrics`]).
pub async fn measure(State(app): State<App>, req: Request, next: Next) -> Response {
    let started = std::time::Instant::now();
    let route = req.extensions().get::<axum::extract::MatchedPath>().map_or("unmatched", |p| p.as_str()).to_owned();
    // A fixed set: a label per method a client makes up would grow the figures without end.
    let method = match *req.method() {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        _ => "other",
    };
    let res = next.run(req).await;
    app.metrics.request(&route, method, res.status().as_u16(), started.elapsed());
    res
}

/// Runs a request that may write (anything but GET and HEAD) to its end in a task of its own,
/// even when its client gives up: an accepted write is finished, never cut off halfway. (A write
/// cancelled inside its transaction's BEGIN would also leave its SQLite connection believing
/// it is still in a transaction, and every later write on it would fail.)
pub async fn finish_writes(req: Request, next: Next) -> Response {
    if matches!(*req.method(), Method::GET | Method::HEAD) {
        return next.run(req).await;
    }
    // In the request's span, so that its log lines keep the request id.
    match tokio::spawn(next.run(req).instrument(tracing::Span::current())).await {
        Ok(res) => res,
        Err(e) => {
            tracing::error!(error = %e, "a write request's task failed");
            axum::http::StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::same_origin;

    #[test]
    fn only_this_site_is_the_same_origin() {
        assert!(same_origin("https://jobtausch.example", "https://jobtausch.example"));
        assert!(same_origin("http://127.0.0.1:8080", "http://127.0.0.1:8080/"));
        assert!(same_origin("https://jobtausch.example", "https://jobtausch.example/app"));
        assert!(!same_origin("https://evil.example", "https://jobtausch.example"));
        assert!(!same_origin("http://jobtausch.example", "https://jobtausch.example"));
        assert!(!same_origin("null", "https://jobtausch.example"));
    }
}
