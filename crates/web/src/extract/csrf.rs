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

/// Whether the request may carry a form of ours at all: it comes from our own pages and this
/// browser has our cookie; returns the token its `csrf` field must match.
fn expected_token(req: &Request<Body>) -> Result<Option<String>, HttpError> {
    let jar = CookieJar::from_headers(req.headers());
    let had_cookie = jar.get(cookies::CSRF).is_some() || jar.get(cookies::SESSION).is_some();
    if req.extensions().get::<ForeignOrigin>().is_some() {
        return Err(HttpError::Csrf);
    }
    Ok(req.extensions().get::<CsrfToken>().map(|t| t.0.clone()).filter(|_| had_cookie))
}

/// Compared by hash, so that the time taken tells nothing about the token.
fn check_token(expected: Option<&str>, sent: Option<&str>) -> Result<(), HttpError> {
    match (expected, sent) {
        (Some(e), Some(s)) if hash_secret(e) == hash_secret(s) => Ok(()),
        _ => Err(HttpError::Csrf),
    }
}

/// A form body whose `csrf` field matches this browser's CSRF cookie, deserialised into `T`.
pub struct CsrfForm<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for CsrfForm<T> {
    type Rejection = HttpError;

    async fn from_request(req: Request<Body>, state: &S) -> Result<Self, Self::Rejection> {
        let expected = expected_token(&req)?;
        let bytes = Bytes::from_request(req, state).await.map_err(|e| {
            if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                HttpError::TooLarge { limit: crate::error::FORM_LIMIT }
            } else {
                HttpError::BadRequest("body".into())
            }
        })?;
        let pairs: Vec<(String, String)> =
            serde_urlencoded::from_bytes(&bytes).map_err(|_| HttpError::BadRequest("form".into()))?;
        check_token(expected.as_deref(), pairs.iter().find(|(k, _)| k == "csrf").map(|(_, v)| v.as_str()))?;
        // serde_html_form reads a group of checkboxes (one name, several values) into a list.
        serde_html_form::from_bytes(&bytes).map(CsrfForm).map_err(|_| HttpError::BadRequest("form".into()))
    }
}

/// A `multipart/form-data` body (a form with a file) whose `csrf` field matches this browser's
/// CSRF cookie: its text fields in order, and the files that were chosen (an empty file input
/// sends nothing).
pub struct CsrfMultipart {
    pub fields: Vec<(String, String)>,
    pub files: Vec<(String, Vec<u8>)>,
}

impl CsrfMultipart {
    /// The first value of the text field `name`, or empty.
    pub fn text(&self, name: &str) -> String {
        self.fields.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone()).unwrap_or_default()
    }

    /// The bytes of the file chosen for `name`.
    pub fn file(&self, name: &str) -> Option<&[u8]> {
        self.files.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_slice())
    }
}

impl<S: Send + Sync> FromRequest<S> for CsrfMultipart {
    type Rejection = HttpError;

    async fn from_request(req: Request<Body>, state: &S) -> Result<Self, Self::Rejection> {
        let expected = expected_token(&req)?;
        let unreadable = |e: axum::extract::multipart::MultipartError| {
            if e.status() == axum::http::StatusCode::PAYLOAD_TOO_LARGE {
                HttpError::TooLarge { limit: crate::error::UPLOAD_LIMIT }
            } else {
                HttpError::BadRequest("form".into())
            }
        };
        let mut body = axum::extract::Multipart::from_request(req, state)
            .await
            .map_err(|_| HttpError::BadRequest("form".into()))?;
        let (mut fields, mut files) = (Vec::new(), Vec::new());
        while let Some(field) = body.next_field().await.map_err(unreadable)? {
            let name = field.name().unwrap_or_default().to_owned();
            if field.file_name().is_some() {
                let bytes = field.bytes().await.map_err(unreadable)?;
                if !bytes.is_empty() {
                    files.push((name, bytes.to_vec()));
                }
            } else {
                fields.push((name, field.text().await.map_err(unreadable)?));
            }
        }
        let form = CsrfMultipart { fields, files };
        check_token(expected.as_deref(), Some(form.text("csrf").as_str()).filter(|s| !s.is_empty()))?;
        Ok(form)
    }
}
