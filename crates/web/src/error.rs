//! [`HttpError`]: every refusal a handler can give: what the application refused
//! ([`app::Error`]), or what only HTTP knows (nobody signed in, a missing CSRF token, a body
//! that cannot be read). Handlers only say *what* went wrong; each face's layer decides *how*
//! to tell it (the pages: a translated page, or the login page; the API: a
//! problem+json, RFC 9457).

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};

#[derive(Debug, Clone)]
pub enum HttpError {
    /// Refused by the application.
    App(app::Error),
    /// Nobody is signed in (or the token is unknown).
    Unauthenticated,
    /// The form did not carry the CSRF token of this browser.
    Csrf,
    /// A body, query or path that could not even be read.
    BadRequest(String),
    /// A body larger than the limit (in bytes).
    TooLarge { limit: usize },
    /// The address does not answer this method.
    MethodNotAllowed,
}

/// The largest body an API request may carry.
pub const BODY_LIMIT: usize = 256 * 1024;

/// The largest body a form may carry. Larger than the API's: a field over its own limit (which
/// the form's `maxlength` already keeps a browser under) then gets the form back with the
/// field's message and the rest of the input, which needs the whole body read.
pub const FORM_LIMIT: usize = 1024 * 1024;
/// The largest form with a file (a story with its photo, at most 3 MiB, and its text).
pub const UPLOAD_LIMIT: usize = 4 * 1024 * 1024;

/// When to try again while the database is unavailable (a restart, a failover).
pub const UNAVAILABLE_RETRY_SECONDS: u64 = 30;

impl HttpError {
    pub fn status(&self) -> StatusCode {
        match self {
            HttpError::App(e) => match e {
                app::Error::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
                app::Error::Forbidden(_) => StatusCode::FORBIDDEN,
                app::Error::NotFound => StatusCode::NOT_FOUND,
                app::Error::Conflict(_) => StatusCode::CONFLICT,
                app::Error::TooManyAttempts { .. } => StatusCode::TOO_MANY_REQUESTS,
                app::Error::SignIn("provider-unreachable" | "provider-answer-invalid") => StatusCode::BAD_GATEWAY,
                app::Error::SignIn("address-not-vouched") => StatusCode::FORBIDDEN,
                app::Error::SignIn(_) => StatusCode::BAD_REQUEST,
                app::Error::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
                app::Error::Internal => StatusCode::INTERNAL_SERVER_ERROR,
            },
            HttpError::Unauthenticated => StatusCode::UNAUTHORIZED,
            HttpError::Csrf => StatusCode::FORBIDDEN,
            HttpError::BadRequest(_) => StatusCode::BAD_REQUEST,
            HttpError::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            HttpError::MethodNotAllowed => StatusCode::METHOD_NOT_ALLOWED,
        }
    }

    /// The stable machine code (API `code`, and the Fluent key `problem-{code}`).
    pub fn code(&self) -> &'static str {
        match self {
            HttpError::App(e) => match e {
                app::Error::Invalid(_) => "invalid",
                app::Error::Forbidden(_) => "forbidden",
                app::Error::NotFound => "not-found",
                app::Error::Conflict(_) => "conflict",
                app::Error::TooManyAttempts { .. } => "too-many-attempts",
                app::Error::SignIn(_) => "sign-in-failed",
                app::Error::Unavailable => "unavailable",
                app::Error::Internal => "internal",
            },
            HttpError::Unauthenticated => "unauthenticated",
            HttpError::Csrf => "csrf",
            HttpError::BadRequest(_) => "bad-request",
            HttpError::TooLarge { .. } => "too-large",
            HttpError::MethodNotAllowed => "method-not-allowed",
        }
    }

    /// The stable code of the reason of a refusal or conflict, if there is one.
    pub fn reason(&self) -> Option<&'static str> {
        match self {
            HttpError::App(app::Error::Forbidden(why) | app::Error::Conflict(why) | app::Error::SignIn(why)) => {
                Some(why)
            }
            _ => None,
        }
    }

    /// The words of this refusal's explanation (`problem-{code}-text`) need, if any.
    pub fn text_args(&self) -> Vec<(&'static str, app::i18n::Arg)> {
        match self {
            HttpError::TooLarge { limit } => vec![("limit", app::i18n::arg(limit / 1024))],
            _ => Vec::new(),
        }
    }

    /// Seconds to wait before trying again, for `Retry-After`.
    pub fn retry_after(&self) -> Option<u64> {
        match self {
            HttpError::App(app::Error::TooManyAttempts { retry_after_seconds }) => Some(*retry_after_seconds),
            HttpError::App(app::Error::Unavailable) => Some(UNAVAILABLE_RETRY_SECONDS),
            _ => None,
        }
    }

    /// An error that answers a status axum chose itself (an unknown route, a wrong method, a
    /// body over the face's `body_limit`).
    pub fn of_status(status: StatusCode, body_limit: usize) -> Self {
        match status {
            StatusCode::NOT_FOUND => HttpError::App(app::Error::NotFound),
            StatusCode::METHOD_NOT_ALLOWED => HttpError::MethodNotAllowed,
            StatusCode::PAYLOAD_TOO_LARGE => HttpError::TooLarge { limit: body_limit },
            s if s.is_server_error() => HttpError::App(app::Error::Internal),
            _ => HttpError::BadRequest("unreadable".into()),
        }
    }
}

impl From<app::Error> for HttpError {
    fn from(e: app::Error) -> Self {
        HttpError::App(e)
    }
}

impl From<domain::FieldError> for HttpError {
    fn from(e: domain::FieldError) -> Self {
        HttpError::App(e.into())
    }
}

impl IntoResponse for HttpError {
    fn into_response(self) -> Response {
        // The body is written by the face's layer, which knows the language and the face.
        let mut res = self.status().into_response();
        res.extensions_mut().insert(self);
        res
    }
}

/// Adds `Retry-After` to the answer of an error that says when to try again.
pub fn add_retry_after(err: &HttpError, res: &mut Response) {
    if let Some(seconds) = err.retry_after()
        && let Ok(v) = axum::http::HeaderValue::from_str(&seconds.to_string())
    {
        res.headers_mut().insert(axum::http::header::RETRY_AFTER, v);
    }
}

/// Whether a response is an error axum wrote itself, in plain text (its own rejections).
pub fn is_plain_error(res: &Response) -> bool {
    (res.status().is_client_error() || res.status().is_server_error())
        && res.extensions().get::<HttpError>().is_none()
        && res
            .headers()
            .get(axum::http::header::CONTENT_TYPE)
            .is_none_or(|v| v.to_str().unwrap_or("").starts_with("text/plain"))
}

pub type HttpResult<T> = Result<T, HttpError>;
