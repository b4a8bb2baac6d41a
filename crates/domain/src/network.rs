//! The network grows: a public employer's application to join (what it says about itself, its
//! first admin, the framework agreement's version it accepts) and the steps of its review, and
//! what an organisation shows in public.

use crate::error::{Errors, FieldError, Reason};
use crate::org::OrgDraft;
use crate::round::GeoPoint;
use crate::values::{DisplayName, Email, Place};
use serde::Serialize;

crate::org::choice! {
    /// Where an application stands. `unconfirmed` until the applicant confirms their address;
    /// `submitted` waits for the organisers, `question` for the applicant's answer; `approved`
    /// and `refused` are final.
    ApplicationState {
        Unconfirmed = "unconfirmed",
        Submitted = "submitted",
        Question = "question",
        Approved = "approved",
        Refused = "refused",
    }
}

/// What may happen to an application.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ApplicationStep {
    /// The applicant confirms their address.
    Confirm,
    /// An organiser asks a question.
    Ask,
    /// The applicant answers.
    Answer,
    Approve,
    Refuse,
}

impl ApplicationState {
    /// The state after `step`, or `None` when the step is not possible now.
    pub fn after(self, step: ApplicationStep) -> Option<Self> {
        use ApplicationState::*;
        use ApplicationStep as S;
        match (self, step) {
            (Unconfirmed, S::Confirm) => Some(Submitted),
            (Submitted | Question, S::Ask) => Some(Question),
            (Question, S::Answer) => Some(Submitted),
            (Submitted | Question, S::Approve) => Some(Approved),
            (Submitted | Question, S::Refuse) => Some(Refused),
            _ => None,
        }
    }

    /// Whether the organisers still decide on it.
    pub fn is_open(self) -> bool {
        matches!(self, ApplicationState::Submitted | ApplicationState::Question)
    }
}

/// An application as typed (every field a string, as a form or a request sends it).
#[derive(Debug, Clone, Default)]
pub struct ApplicationFields {
    pub name: String,
    pub kind: String,
    pub region: String,
    /// The id of the umbrella association, or empty.
    pub parent: String,
    pub domains: String,
    /// The seat: a German place name or postcode, or empty.
    pub place: String,
    pub public_listed: bool,
    pub public_map: bool,
    pub admin_name: String,
    pub admin_email: String,
    /// The version of the framework agreement the applicant read (the form carries it).
    pub framework_version: String,
    pub accept_framework: bool,
}

/// An application, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApplicationDraft {
    pub org: OrgDraft,
    /// The seat's label and coordinate (the dot on the map).
    pub seat: Option<(Place, GeoPoint)>,
    pub visibility: Visibility,
    pub admin_name: DisplayName,
    pub admin_email: Email,
    pub framework_version: i64,
}

impl ApplicationDraft {
    /// Parses an application against the framework agreement's `current` version. The first
    /// admin's address must belong to one of the named domains: confirming it shows that the
    /// applicant has a mailbox at the employer.
    pub fn parse(f: &ApplicationFields, current: i64) -> Result<Self, crate::DomainError> {
        let mut errs = Errors::default();
        let org = OrgDraft::parse(&f.name, &f.kind, &f.region, &f.parent, &f.domains);
        let org = match org {
            Ok(o) if o.domains.is_empty() => {
                errs.push(FieldError::new("domains", Reason::Required));
                Some(o)
            }
            Ok(o) => Some(o),
            Err(e) => {
                errs.extend(e);
                None
            }
        };
        let seat = match f.place.trim() {
            "" => Some(None),
            raw => match crate::places::resolve("place", raw) {
                Ok(found) => errs.take(Place::parse("place", &found.label()).map(|p| Some((p, found.point)))),
                Err(e) => {
                    errs.push(e);
                    None
                }
            },
        };
        let admin_name = errs.take(DisplayName::parse("admin_name", &f.admin_name));
        let admin_email = errs.take(Email::parse("admin_email", &f.admin_email));
        if let (Some(org), Some(email)) = (&org, &admin_email)
            && !org.domains.is_empty()
            && !org.domains.iter().any(|d| within(email.domain().as_str(), d.as_str()))
        {
            errs.push(FieldError::new("admin_email", Reason::AddressOutsideDomains));
        }
        if !f.accept_framework {
            errs.push(FieldError::new("accept_framework", Reason::AcceptFramework));
        } else if f.framework_version.trim().parse::<i64>().ok() != Some(current) {
            errs.push(FieldError::new("accept_framework", Reason::FrameworkChanged));
        }
        match (org, seat, admin_name, admin_email) {
            (Some(org), Some(seat), Some(admin_name), Some(admin_email)) if errs.is_empty() => Ok(Self {
                org,
                seat,
                visibility: Visibility { listed: f.public_listed, map: f.public_map && f.public_listed, swaps: false },
                admin_name,
                admin_email,
                framework_version: current,
            }),
            _ => Err(errs.into_error()),
        }
    }
}

/// Whether `domain` is `of` or one of its subdomains (`amt.stadt.de` within `stadt.de`).
pub fn within(domain: &str, of: &str) -> bool {
    domain == of || domain.strip_suffix(of).is_some_and(|rest| rest.ends_with('.'))
}

/// What of an organisation is public. Its dot on the map and its completed swaps are shown
/// only with its entry in the public list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Visibility {
    /// Its entry in the public list of members: name, kind, federal state, since when.
    pub listed: bool,
    /// Its dot on the map (at its seat).
    pub map: bool,
    /// Its number of completed swaps.
    pub swaps: bool,
}

impl Visibility {
    /// The settings as chosen; what needs the entry goes with it.
    pub fn chosen(listed: bool, map: bool, swaps: bool) -> Self {
        Self { listed, map: listed && map, swaps: listed && swaps }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields() -> ApplicationFields {
        ApplicationFields {
            name: "Stadt Musterstadt".into(),
            kind: "city".into(),
            region: "NW".into(),
            domains: "musterstadt.de".into(),
            place: "Dresden".into(),
            public_listed: true,
            public_map: true,
            admin_name: "Mara Muster".into(),
            admin_email: "mara.muster@digital.musterstadt.de".into(),
            framework_version: "3".into(),
            accept_framework: true,
            ..Default::default()
        }
    }

    fn refused(f: &ApplicationFields, current: i64) -> Vec<(&'static str, Reason)> {
        match ApplicationDraft::parse(f, current) {
            Ok(_) => Vec::new(),
            Err(e) => e.fields().iter().map(|fe| (fe.field, fe.reason.clone())).collect(),
        }
    }

    #[test]
    fn a_complete_application_parses_with_its_seat() {
        let d = ApplicationDraft::parse(&fields(), 3).expect("valid");
        assert_eq!(d.framework_version, 3);
        assert_eq!(d.seat.expect("a seat").0.as_str(), "Dresden");
        assert!(d.visibility.listed && d.visibility.map);
    }

    #[test]
    fn the_admins_address_belongs_to_the_named_domains() {
        let f = ApplicationFields { admin_email: "mara@musterstadt.de.example.org".into(), ..fields() };
        assert_eq!(refused(&f, 3), vec![("admin_email", Reason::AddressOutsideDomains)]);
        let f = ApplicationFields { admin_email: "mara@xmusterstadt.de".into(), ..fields() };
        assert_eq!(refused(&f, 3), vec![("admin_email", Reason::AddressOutsideDomains)]);
        let f = ApplicationFields { domains: String::new(), ..fields() };
        assert_eq!(refused(&f, 3), vec![("domains", Reason::Required)]);
    }

    #[test]
    fn the_framework_agreement_is_accepted_in_its_current_version() {
        let f = ApplicationFields { accept_framework: false, ..fields() };
        assert_eq!(refused(&f, 3), vec![("accept_framework", Reason::AcceptFramework)]);
        assert_eq!(refused(&fields(), 4), vec![("accept_framework", Reason::FrameworkChanged)]);
    }

    #[test]
    fn the_map_needs_the_entry() {
        let f = ApplicationFields { public_listed: false, ..fields() };
        let d = ApplicationDraft::parse(&f, 3).expect("valid");
        assert_eq!(d.visibility, Visibility::default());
        assert_eq!(Visibility::chosen(false, true, true), Visibility::default());
    }

    #[test]
    fn steps_follow_the_review() {
        use ApplicationState::*;
        use ApplicationStep::*;
        assert_eq!(Unconfirmed.after(Approve), None);
        assert_eq!(Unconfirmed.after(Confirm), Some(Submitted));
        assert_eq!(Submitted.after(Ask), Some(Question));
        assert_eq!(Question.after(Answer), Some(Submitted));
        assert_eq!(Submitted.after(Answer), None);
        assert_eq!(Question.after(Approve), Some(Approved));
        assert_eq!(Approved.after(Refuse), None);
        assert_eq!(Refused.after(Ask), None);
    }
}
