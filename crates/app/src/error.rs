//! [`Error`]: every refusal of a use case, in the product's terms. The faces decide how to
//! show it (a translated page, a problem+json, a line on the command line); the stable codes of
//! `Forbidden` and `Conflict` are the Fluent keys `reason-{code}`.

use domain::swap::SwapError;
use domain::{DomainError, FieldError, Reason};
use store::StoreError;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Error {
    /// Input refused, field by field.
    #[error("invalid input: {0:?}")]
    Invalid(Vec<FieldError>),
    /// The person may not do this; the reason is a stable code.
    #[error("forbidden: {0}")]
    Forbidden(&'static str),
    /// It does not exist, or the person may not know that it does.
    #[error("not found")]
    NotFound,
    /// It cannot be done in the state things are in; the reason is a stable code.
    #[error("conflict: {0}")]
    Conflict(&'static str),
    /// Too many failed password checks: the account is locked for this many seconds.
    #[error("too many attempts; try again in {retry_after_seconds} s")]
    TooManyAttempts { retry_after_seconds: u64 },
    /// Signing in through an identity provider failed; the reason is a stable code: the
    /// provider is unreachable or answered wrongly (`provider-unreachable`,
    /// `provider-answer-invalid`), the sign-in expired or was used (`sign-in-expired`), the
    /// person cancelled it there (`sign-in-cancelled`), or the provider did not vouch for an
    /// address of its organisation (`address-not-vouched`).
    #[error("sign-in failed: {0}")]
    SignIn(&'static str),
    /// The database cannot be reached for now: try again later.
    #[error("unavailable")]
    Unavailable,
    /// Logged once where it happens, never shown.
    #[error("internal error")]
    Internal,
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

impl Error {
    /// One refused field.
    pub fn field(field: &'static str, reason: Reason) -> Self {
        Error::Invalid(vec![FieldError::new(field, reason)])
    }

    /// The lockout until `until`.
    pub(crate) fn locked_until(until: chrono::DateTime<chrono::Utc>) -> Self {
        let seconds = (until - chrono::Utc::now()).num_seconds().max(1);
        Error::TooManyAttempts { retry_after_seconds: u64::try_from(seconds).unwrap_or(1) }
    }

    /// Logs what went wrong inside (with `what` it was doing) and hides it from the person.
    pub(crate) fn internal(what: &str, e: impl std::fmt::Display) -> Self {
        tracing::error!(error = %e, "{what}");
        Error::Internal
    }
}

impl From<DomainError> for Error {
    fn from(e: DomainError) -> Self {
        match e {
            DomainError::Invalid(f) => Error::Invalid(f),
            DomainError::Forbidden(why) => Error::Forbidden(why),
            DomainError::NotFound => Error::NotFound,
            DomainError::Conflict(why) => Error::Conflict(why),
        }
    }
}

impl From<StoreError> for Error {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => Error::NotFound,
            StoreError::Taken("week") => Error::field("week", Reason::WeekTaken),
            StoreError::Taken(field) => Error::field(field, Reason::Taken),
            StoreError::Conflict => Error::Conflict("changed-meanwhile"),
            StoreError::Unavailable(e) => {
                tracing::warn!(error = %e, "database unavailable");
                Error::Unavailable
            }
            other => Error::internal("store error", other),
        }
    }
}

impl From<FieldError> for Error {
    fn from(e: FieldError) -> Self {
        Error::Invalid(vec![e])
    }
}

/// A refusal of the swap's state machine: who-may-not is forbidden, the rest a conflict, and
/// what a person typed is a field error.
impl From<SwapError> for Error {
    fn from(e: SwapError) -> Self {
        match e {
            SwapError::ReasonRequired => Error::field("reason", Reason::Required),
            SwapError::Overlap => Error::field("week", Reason::WeekTaken),
            SwapError::WeekBegun => Error::field("week", Reason::WeekBegun),
            SwapError::SameOrganisation => Error::field("partner", Reason::SameOrganisation),
            SwapError::BadDelegate => Error::field("delegate", Reason::UnknownChoice),
            e if e.is_forbidden() => Error::Forbidden(e.code()),
            e => Error::Conflict(e.code()),
        }
    }
}
