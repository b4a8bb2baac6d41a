//! CSRF protection by the double-submit pattern: a random token in an `HttpOnly`,
//! `SameSite=Strict` cookie (set by the security middleware), repeated in a hidden field of every
//! form and compared here.

use crate::cookies;
use crate::error::HttpError;
use app::secrets::hash_secret;
use axum::body::{Body, Bytes};
use axum::extract::{FromRequest, Request};
use axum_extra::extract::CookieJar;
use serde::de::DeserializeOwned;

/// The CSRF token a form of this browser must carry, as the middleware found or made it.
#[derive(Debug, Clone)]
pub struct CsrfToken(pub String);

impl CsrfToken {
    /// The token of a signed-in browser: derived from its session's secret.
    pub fn of_session(session_secret: &str) -> Self {
        CsrfToken(hash_secret(&format!("csrf:{session_secret}")))
    }
}

/// The request came from a page of another site (its `Origin` is not ours): no form of ours
/// accepts it.
#[derive(Debug, Clone, Copy)]
pub struct ForeignOrigin;

/// A form body whose `csrf` field matches this browser's CSRF cookie, deserialised into `T`.
pub struct CsrfForm<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for CsrfForm<T> {
    type Rejection = HttpError;

    async fn from_request(req: Request<Body>, state: &S) -> Result<Self, Self::Rejection> {
        let jar = CookieJar::from_headers(req.headers());
        let had_cookie = jar.get(cookies::CSRF).is_some() || jar.get(cookies::SESSION).is_some();
        let expected = req.extensions().get::<CsrfToken>().map(|t| t.0.clone());
        if req.extensions().get::<ForeignOrigin>().is_some() {
            return Err(HttpError::Csrf);
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|e| {
            if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                HttpError::TooLarge { limit: crate::error::FORM_LIMIT }
            } else {
                HttpError::BadRequest("body".into())
            }
        })?;
        let pairs: Vec<(String, String)> =
            serde_urlencoded::from_bytes(&bytes).map_err(|_| HttpError::BadRequest("form".into()))?;
        let sent = pairs.iter().find(|(k, _)| k == "csrf").map(|(_, v)| v.as_str());
        match (had_cookie, expected.as_deref(), sent) {
            // Compared by hash, so that the time taken tells nothing about the token.
            (true, Some(e), Some(s)) if hash_secret(e) == hash_secret(s) => {}
            _ => return Err(HttpError::Csrf),
        }
        // serde_html_form reads a group of checkboxes (one name, several values) into a list.
        serde_html_form::from_bytes(&bytes).map(CsrfForm).map_err(|_| HttpError::BadRequest("form".into()))
    }
}
