//! [`AppError`]: every refusal a handler can give. Handlers only say *what* went wrong; the
//! security layer ([`crate::security::layer`]) decides *how* to tell it: a problem+json
//! (RFC 9457) under `/api`, a translated page elsewhere, a redirect to the login page for a
//! page that needs a signed-in person.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use domain::{DomainError, FieldError, Reason};
use store::StoreError;

#[derive(Debug, Clone)]
pub enum AppError {
    /// Input refused, field by field.
    Invalid(Vec<FieldError>),
    /// Nobody is signed in (or the token is unknown).
    Unauthenticated,
    /// Signed in, but not allowed; the reason is a stable code.
    Forbidden(&'static str),
    NotFound,
    Conflict(&'static str),
    /// The form did not carry the CSRF token of this browser.
    Csrf,
    TooManyAttempts,
    /// A body or query that could not even be read.
    BadRequest(String),
    /// Logged once where it happens, never shown.
    Internal,
}

impl AppError {
    pub fn status(&self) -> StatusCode {
        match self {
            AppError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            AppError::Unauthenticated => StatusCode::UNAUTHORIZED,
            AppError::Forbidden(_) | AppError::Csrf => StatusCode::FORBIDDEN,
            AppError::NotFound => StatusCode::NOT_FOUND,
            AppError::Conflict(_) => StatusCode::CONFLICT,
            AppError::TooManyAttempts => StatusCode::TOO_MANY_REQUESTS,
            AppError::BadRequest(_) => StatusCode::BAD_REQUEST,
            AppError::Internal => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The stable machine code (API `code`, and the Fluent key `problem-{code}`).
    pub fn code(&self) -> &'static str {
        match self {
            AppError::Invalid(_) => "invalid",
            AppError::Unauthenticated => "unauthenticated",
            AppError::Forbidden(_) => "forbidden",
            AppError::NotFound => "not-found",
            AppError::Conflict(_) => "conflict",
            AppError::Csrf => "csrf",
            AppError::TooManyAttempts => "too-many-attempts",
            AppError::BadRequest(_) => "bad-request",
            AppError::Internal => "internal",
        }
    }

    pub fn field(field: &'static str, reason: Reason) -> Self {
        AppError::Invalid(vec![FieldError::new(field, reason)])
    }
}

impl From<DomainError> for AppError {
    fn from(e: DomainError) -> Self {
        match e {
            DomainError::Invalid(f) => AppError::Invalid(f),
            DomainError::Forbidden(why) => AppError::Forbidden(why),
            DomainError::NotFound => AppError::NotFound,
            DomainError::Conflict(why) => AppError::Conflict(why),
        }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => AppError::NotFound,
            StoreError::Taken("week") => AppError::field("week", Reason::WeekTaken),
            StoreError::Taken(field) => AppError::field(field, Reason::Taken),
            StoreError::Conflict => AppError::Conflict("changed-meanwhile"),
            other => {
                tracing::error!(error = %other, "store error");
                AppError::Internal
            }
        }
    }
}

impl From<FieldError> for AppError {
    fn from(e: FieldError) -> Self {
        AppError::Invalid(vec![e])
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        // The body is written by the security layer, which knows the language and the route.
        let mut res = self.status().into_response();
        res.extensions_mut().insert(self);
        res
    }
}

pub type AppResult<T> = Result<T, AppError>;
