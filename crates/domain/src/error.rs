//! Errors with meaning: a field error names the field and a stable reason code that the web
//! layer turns into a translated message (UI) or a problem+json entry (API).

use std::fmt;

/// Why a value was refused. `code()` is stable: it is the Fluent key suffix and the API code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    Required,
    TooShort {
        min: usize,
    },
    TooLong {
        max: usize,
    },
    TooMany {
        max: usize,
    },
    OutOfRange {
        min: i64,
        max: i64,
    },
    Email,
    EmailDomain,
    DomainNotMember,
    PasswordTooShort {
        min: usize,
    },
    PayGrade,
    Week,
    Language,
    UnknownChoice,
    Taken,
    Mismatch,
    LoginFailed,
    NotVerified,
    InvitationInvalid,
    MustAccept,
    WeekBegun,
    SameOrganisation,
    WrongPassword,
    WeekTaken,
    Coordinates,
    UnknownPlace,
    AmbiguousPlace,
    PeriodOrder,
    Date,
    Time,
    Link,
    OutsideWeek,
    EndBeforeStart,
    Overlap,
    NoSwapDay,
    WrongOrganisation,
    /// An identity provider that cannot be reached or answers wrongly at its address.
    ProviderUnreachable,
    /// The address's organisation signs its people in through its identity provider.
    UseProvider,
    /// The sign-in through the identity provider is too old to confirm this: sign in there again.
    SignInAgain,
    /// Not an address of a page of this site.
    NotThisSite,
    /// A moment that has passed already (an event's start).
    InPast,
    /// A registration deadline after the event's start.
    DeadlineAfterStart,
    /// An e-mail domain that another organisation of the network holds already.
    DomainHeld,
    /// An address outside the domains the organisation named.
    AddressOutsideDomains,
    /// The network's framework agreement was not accepted.
    AcceptFramework,
    /// The framework agreement changed since the form was opened: read it again.
    FrameworkChanged,
    /// A file that is not a JPEG or PNG photo.
    NotAPhoto,
}

impl Reason {
    pub fn code(&self) -> &'static str {
        match self {
            Reason::Required => "required",
            Reason::TooShort { .. } => "too-short",
            Reason::TooLong { .. } => "too-long",
            Reason::TooMany { .. } => "too-many",
            Reason::OutOfRange { .. } => "out-of-range",
            Reason::Email => "email",
            Reason::EmailDomain => "email-domain",
            Reason::DomainNotMember => "domain-not-member",
            Reason::PasswordTooShort { .. } => "password-too-short",
            Reason::PayGrade => "pay-grade",
            Reason::Week => "week",
            Reason::Language => "language",
            Reason::UnknownChoice => "unknown-choice",
            Reason::Taken => "taken",
            Reason::Mismatch => "mismatch",
            Reason::LoginFailed => "login-failed",
            Reason::NotVerified => "not-verified",
            Reason::InvitationInvalid => "invitation-invalid",
            Reason::MustAccept => "must-accept",
            Reason::WeekBegun => "week-begun",
            Reason::SameOrganisation => "same-organisation",
            Reason::WrongPassword => "wrong-password",
            Reason::WeekTaken => "week-taken",
            Reason::Coordinates => "coordinates",
            Reason::UnknownPlace => "unknown-place",
            Reason::AmbiguousPlace => "ambiguous-place",
            Reason::PeriodOrder => "period-order",
            Reason::WrongOrganisation => "wrong-organisation",
            Reason::ProviderUnreachable => "provider-unreachable",
            Reason::UseProvider => "use-provider",
            Reason::SignInAgain => "sign-in-again",
            Reason::NotThisSite => "not-this-site",
            Reason::InPast => "in-past",
            Reason::DeadlineAfterStart => "deadline-after-start",
            Reason::DomainHeld => "domain-held",
            Reason::AddressOutsideDomains => "address-outside-domains",
            Reason::AcceptFramework => "accept-framework",
            Reason::FrameworkChanged => "framework-changed",
            Reason::NotAPhoto => "not-a-photo",
            // The swap week: a date like 2027-03-22, a time like 08:30, an https:// link, a day
            // outside Monday to Friday of the week, an end not after its start, a time taken by
            // another appointment or briefing, a day that is a holiday at every host.
            Reason::Date => "date",
            Reason::Time => "time",
            Reason::Link => "link",
            Reason::OutsideWeek => "outside-week",
            Reason::EndBeforeStart => "end-before-start",
            Reason::Overlap => "overlap",
            Reason::NoSwapDay => "no-swap-day",
        }
    }

    /// Named numbers that the message needs (`$min`, `$max`).
    pub fn args(&self) -> Vec<(&'static str, i64)> {
        let n = |v: usize| i64::try_from(v).unwrap_or(i64::MAX);
        match self {
            Reason::TooShort { min } | Reason::PasswordTooShort { min } => vec![("min", n(*min))],
            Reason::TooLong { max } | Reason::TooMany { max } => vec![("max", n(*max))],
            Reason::OutOfRange { min, max } => vec![("min", *min), ("max", *max)],
            _ => Vec::new(),
        }
    }
}

/// One refused field of a form or request body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub reason: Reason,
}

impl FieldError {
    pub fn new(field: &'static str, reason: Reason) -> Self {
        Self { field, reason }
    }
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.field, self.reason.code())
    }
}

/// What a domain operation can refuse, with enough meaning for the caller to answer well.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DomainError {
    #[error("invalid input: {}", .0.iter().map(ToString::to_string).collect::<Vec<_>>().join(", "))]
    Invalid(Vec<FieldError>),
    #[error("forbidden: {0}")]
    Forbidden(&'static str),
    #[error("not found")]
    NotFound,
    #[error("conflict: {0}")]
    Conflict(&'static str),
}

impl DomainError {
    /// The refused fields (empty unless the input was invalid).
    pub fn fields(&self) -> &[FieldError] {
        match self {
            DomainError::Invalid(f) => f,
            _ => &[],
        }
    }
}

impl From<FieldError> for DomainError {
    fn from(e: FieldError) -> Self {
        DomainError::Invalid(vec![e])
    }
}

/// Collects field errors so that a form shows every problem at once, not only the first.
#[derive(Default, Debug)]
pub struct Errors(Vec<FieldError>);

impl Errors {
    /// Keeps the value of a successful parse, records the error of a failed one.
    pub fn take<T>(&mut self, r: Result<T, FieldError>) -> Option<T> {
        match r {
            Ok(v) => Some(v),
            Err(e) => {
                self.0.push(e);
                None
            }
        }
    }

    pub fn push(&mut self, e: FieldError) {
        self.0.push(e);
    }

    /// Adds the refused fields of a parse of a part of the input.
    pub fn extend(&mut self, e: DomainError) {
        self.0.extend(e.fields().iter().cloned());
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn into_result(self) -> Result<(), DomainError> {
        if self.0.is_empty() { Ok(()) } else { Err(DomainError::Invalid(self.0)) }
    }

    pub fn into_error(self) -> DomainError {
        DomainError::Invalid(self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// One of each; the match below fails to compile when a variant is added and not listed.
    fn every_reason() -> Vec<Reason> {
        let all = vec![
            Reason::Required,
            Reason::TooShort { min: 1 },
            Reason::TooLong { max: 1 },
            Reason::TooMany { max: 1 },
            Reason::OutOfRange { min: 0, max: 1 },
            Reason::Email,
            Reason::EmailDomain,
            Reason::DomainNotMember,
            Reason::PasswordTooShort { min: 1 },
            Reason::PayGrade,
            Reason::Week,
            Reason::Language,
            Reason::UnknownChoice,
            Reason::Taken,
            Reason::Mismatch,
            Reason::LoginFailed,
            Reason::NotVerified,
            Reason::InvitationInvalid,
            Reason::MustAccept,
            Reason::WeekBegun,
            Reason::SameOrganisation,
            Reason::WrongPassword,
            Reason::WeekTaken,
            Reason::Date,
            Reason::Time,
            Reason::Link,
            Reason::OutsideWeek,
            Reason::EndBeforeStart,
            Reason::Overlap,
            Reason::NoSwapDay,
            Reason::Coordinates,
            Reason::UnknownPlace,
            Reason::AmbiguousPlace,
            Reason::PeriodOrder,
            Reason::WrongOrganisation,
            Reason::ProviderUnreachable,
            Reason::UseProvider,
            Reason::SignInAgain,
            Reason::NotThisSite,
            Reason::InPast,
            Reason::DeadlineAfterStart,
            Reason::DomainHeld,
            Reason::AddressOutsideDomains,
            Reason::AcceptFramework,
            Reason::FrameworkChanged,
            Reason::NotAPhoto,
        ];
        for r in &all {
            match r {
                Reason::Required
                | Reason::TooShort { .. }
                | Reason::TooLong { .. }
                | Reason::TooMany { .. }
                | Reason::OutOfRange { .. }
                | Reason::Email
                | Reason::EmailDomain
                | Reason::DomainNotMember
                | Reason::PasswordTooShort { .. }
                | Reason::PayGrade
                | Reason::Week
                | Reason::Language
                | Reason::UnknownChoice
                | Reason::Taken
                | Reason::Mismatch
                | Reason::LoginFailed
                | Reason::NotVerified
                | Reason::InvitationInvalid
                | Reason::MustAccept
                | Reason::WeekBegun
                | Reason::SameOrganisation
                | Reason::WrongPassword
                | Reason::WeekTaken
                | Reason::Date
                | Reason::Time
                | Reason::Link
                | Reason::OutsideWeek
                | Reason::EndBeforeStart
                | Reason::Overlap
                | Reason::NoSwapDay
                | Reason::ProviderUnreachable
                | Reason::UseProvider
                | Reason::SignInAgain
                | Reason::NotThisSite
                | Reason::InPast
                | Reason::DeadlineAfterStart
                | Reason::DomainHeld
                | Reason::AddressOutsideDomains
                | Reason::AcceptFramework
                | Reason::FrameworkChanged
                | Reason::NotAPhoto
                | Reason::Coordinates
                | Reason::UnknownPlace
                | Reason::AmbiguousPlace
                | Reason::PeriodOrder
                | Reason::WrongOrganisation => {}
            }
        }
        all
    }

    /// The web layer shows `error-{code}`; a missing message would show the bare key.
    #[test]
    fn every_reason_has_a_message_in_both_languages() {
        let de = include_str!("../../app/locales/de/main.ftl");
        let en = include_str!("../../app/locales/en/main.ftl");
        for reason in every_reason() {
            let key = format!("\nerror-{} =", reason.code());
            assert!(de.contains(&key), "de/main.ftl has no error-{}", reason.code());
            assert!(en.contains(&key), "en/main.ftl has no error-{}", reason.code());
        }
        let mut codes: Vec<_> = every_reason().iter().map(Reason::code).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), every_reason().len(), "two reasons share a code");
    }
}
