//! The layer every request passes: security headers, `no-store` on everything personal, the
//! CSRF cookie, flash messages, and the rendering of errors (see [`crate::error`]).
//!
//! CSRF protection is the double-submit pattern: a random token in an `HttpOnly`,
//! `SameSite=Strict` cookie, repeated in a hidden field of every form and compared by
//! [`CsrfForm`]. Bearer-token API calls carry no cookie and need none.

use crate::AppState;
use crate::error::AppError;
use crate::i18n::{Lang, t};
use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, FromRequestParts, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use axum_extra::extract::cookie::{Cookie, SameSite};
use serde::de::DeserializeOwned;
use sha2::{Digest, Sha256};

pub const CSRF_COOKIE: &str = "jt_csrf";
pub const FLASH_COOKIE: &str = "jt_flash";

const CSP: &str = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; font-src 'self'; \
                   form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'";

/// The CSRF token of this browser, as the layer found or made it.
#[derive(Debug, Clone)]
pub struct CsrfToken(pub String);

/// A random secret (256 bits) in hex: session ids, CSRF tokens, links, API tokens.
pub fn new_secret() -> String {
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::rngs::OsRng.fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// What the database keeps of a secret.
pub fn hash_secret(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// A cookie with the flags every cookie of ours has.
pub fn cookie(name: &'static str, value: String, secure: bool) -> Cookie<'static> {
    Cookie::build((name, value)).path("/").http_only(true).same_site(SameSite::Lax).secure(secure).build()
}

/// Tells the person something on the next page they see (POST-redirect-GET).
pub fn flash(jar: CookieJar, key: &'static str, secure: bool) -> CookieJar {
    jar.add(cookie(FLASH_COOKIE, key.to_owned(), secure))
}

/// Redirects after a successful form, with a message for the page it leads to.
pub fn flash_redirect(state: &crate::AppState, jar: CookieJar, key: &'static str, to: &str) -> Response {
    (flash(jar, key, state.config.behind_tls), Redirect::to(to)).into_response()
}

pub async fn layer(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    let path = req.uri().path().to_owned();
    let query = req.uri().query().map(|q| format!("?{q}")).unwrap_or_default();
    let is_api = path.starts_with("/api/") || path == "/api";
    let is_asset = path.starts_with("/assets/");
    // Calendar programs fetch the feed with no cookies and keep none: a CSRF cookie for them
    // would be a new one on every fetch, for nothing.
    let is_feed = path.starts_with("/calendar/") && path.ends_with(".ics");
    let (mut parts, body) = req.into_parts();
    let Ok(Lang(lang)) = Lang::from_request_parts(&mut parts, &state).await;
    let jar = CookieJar::from_headers(&parts.headers);
    let had_flash = jar.get(FLASH_COOKIE).is_some();
    let existing = jar.get(CSRF_COOKIE).map(|c| c.value().to_owned()).filter(|v| v.len() == 64);
    let fresh = existing.is_none();
    let token = existing.unwrap_or_else(new_secret);
    parts.extensions.insert(CsrfToken(token.clone()));
    req = Request::from_parts(parts, body);

    let mut res = next.run(req).await;

    if let Some(err) = res.extensions_mut().remove::<AppError>() {
        res = if is_api {
            crate::api::problem(lang, &err)
        } else if matches!(err, AppError::Unauthenticated) {
            let next = urlencode(&format!("{path}{query}"));
            Redirect::to(&format!("/login?next={next}")).into_response()
        } else {
            crate::pages::error_page(lang, &err)
        };
    } else if res.status().is_client_error() || res.status().is_server_error() {
        // axum's own rejections (unknown route, wrong method, unreadable body) answer plain text.
        let is_plain =
            res.headers().get(header::CONTENT_TYPE).is_none_or(|v| v.to_str().unwrap_or("").starts_with("text/plain"));
        if is_plain {
            let err = match res.status() {
                StatusCode::NOT_FOUND => AppError::NotFound,
                StatusCode::METHOD_NOT_ALLOWED => AppError::BadRequest("method-not-allowed".into()),
                s if s.is_server_error() => AppError::Internal,
                _ => AppError::BadRequest("unreadable".into()),
            };
            let status = res.status();
            res = if is_api { crate::api::problem(lang, &err) } else { crate::pages::error_page(lang, &err) };
            *res.status_mut() = status;
        }
    }

    let ok = res.status() == StatusCode::OK;
    let h = res.headers_mut();
    h.insert(header::X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    h.insert(header::REFERRER_POLICY, HeaderValue::from_static("same-origin"));
    h.insert(header::CONTENT_SECURITY_POLICY, HeaderValue::from_static(CSP));
    h.insert("permissions-policy", HeaderValue::from_static("camera=(), microphone=(), geolocation=()"));
    if state.config.behind_tls {
        h.insert(header::STRICT_TRANSPORT_SECURITY, HeaderValue::from_static("max-age=31536000; includeSubDomains"));
    }
    if !is_asset {
        h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    let secure = state.config.behind_tls;
    if fresh && !is_api && !is_feed {
        let c =
            Cookie::build((CSRF_COOKIE, token)).path("/").http_only(true).same_site(SameSite::Strict).secure(secure);
        if let Ok(v) = HeaderValue::from_str(&c.to_string()) {
            h.append(header::SET_COOKIE, v);
        }
    }
    let sets_flash = h.get_all(header::SET_COOKIE).iter().any(|v| v.to_str().unwrap_or("").starts_with(FLASH_COOKIE));
    if had_flash && !sets_flash && ok {
        let mut gone = Cookie::build((FLASH_COOKIE, "")).path("/").build();
        gone.make_removal();
        if let Ok(v) = HeaderValue::from_str(&gone.to_string()) {
            h.append(header::SET_COOKIE, v);
        }
    }
    res
}

pub fn urlencode(s: &str) -> String {
    serde_urlencoded::to_string([("", s)]).map(|e| e[1..].to_owned()).unwrap_or_default()
}

/// A form body whose `csrf` field matches this browser's CSRF cookie, deserialised into `T`.
pub struct CsrfForm<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for CsrfForm<T> {
    type Rejection = AppError;

    async fn from_request(req: Request<Body>, state: &S) -> Result<Self, Self::Rejection> {
        let had_cookie = CookieJar::from_headers(req.headers()).get(CSRF_COOKIE).is_some();
        let expected = req.extensions().get::<CsrfToken>().map(|t| t.0.clone());
        let bytes = Bytes::from_request(req, state).await.map_err(|_| AppError::BadRequest("body".into()))?;
        let pairs: Vec<(String, String)> =
            serde_urlencoded::from_bytes(&bytes).map_err(|_| AppError::BadRequest("form".into()))?;
        let sent = pairs.iter().find(|(k, _)| k == "csrf").map(|(_, v)| v.as_str());
        match (had_cookie, expected.as_deref(), sent) {
            (true, Some(e), Some(s)) if hash_secret(e) == hash_secret(s) => {}
            _ => return Err(AppError::Csrf),
        }
        serde_urlencoded::from_bytes(&bytes).map(CsrfForm).map_err(|_| AppError::BadRequest("form".into()))
    }
}

/// The translated text for the `jt_flash` key, if it names a known message.
pub fn flash_text(lang: domain::values::Locale, jar: &CookieJar) -> Option<String> {
    jar.get(FLASH_COOKIE).map(|c| c.value()).filter(|k| k.starts_with("flash-")).map(|k| t(lang, k))
}
