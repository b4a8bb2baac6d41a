//! Who may do what. Every page and API handler asks an [`Actor`] before it acts; a refusal is
//! a [`DomainError::Forbidden`] with the reason.

use crate::error::DomainError;
use crate::ids::{OrgId, UserId};
use crate::org::{Body, choice};
use serde::Serialize;

choice! {
    /// A role a person holds in their organisation (`press`: approves for the organisation what
    /// is told about it in public, its stories). Every signed-in person is a participant;
    /// network organisers are marked on the account, not here.
    OrgRole {
        Approver = "approver",
        OrgAdmin = "org_admin",
        StaffCouncil = "body:staff_council",
        EqualOpportunities = "body:equal_opportunities",
        DisabilityRepresentative = "body:disability_representative",
        DataProtection = "body:data_protection",
        Press = "press",
    }
}

impl OrgRole {
    pub fn body(&self) -> Option<Body> {
        match self {
            OrgRole::StaffCouncil => Some(Body::StaffCouncil),
            OrgRole::EqualOpportunities => Some(Body::EqualOpportunities),
            OrgRole::DisabilityRepresentative => Some(Body::DisabilityRepresentative),
            OrgRole::DataProtection => Some(Body::DataProtection),
            OrgRole::Approver | OrgRole::OrgAdmin | OrgRole::Press => None,
        }
    }
}

/// The signed-in person making a request, with what they may do.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Actor {
    pub user_id: UserId,
    /// Network organisers may belong to no organisation.
    pub org_id: Option<OrgId>,
    pub roles: Vec<OrgRole>,
    pub organiser: bool,
}

impl Actor {
    pub fn has(&self, role: OrgRole) -> bool {
        self.roles.contains(&role)
    }

    /// Network organisers create organisations and appoint their first admins.
    pub fn ensure_organiser(&self) -> Result<(), DomainError> {
        if self.organiser { Ok(()) } else { Err(DomainError::Forbidden("organiser-only")) }
    }

    /// An organisation's admins keep it (name, domains, policy, roles); organisers may too.
    pub fn ensure_org_admin(&self, org: OrgId) -> Result<(), DomainError> {
        if self.organiser || (self.org_id == Some(org) && self.has(OrgRole::OrgAdmin)) {
            Ok(())
        } else {
            Err(DomainError::Forbidden("org-admin-only"))
        }
    }

    /// Only the owner edits a profile or manages their API tokens.
    pub fn ensure_self(&self, user: UserId) -> Result<(), DomainError> {
        if self.user_id == user { Ok(()) } else { Err(DomainError::Forbidden("owner-only")) }
    }
}

/// Who someone is to a swap; a person can be several at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Relation {
    /// Takes part in the swap.
    Member,
    /// Stands in for a member at home during the week.
    Deputy,
    /// Approves for an organisation the swap concerns.
    Approver,
    /// Keeps an organisation the swap concerns.
    Admin,
    /// Sits on a co-determination body of an organisation the swap concerns.
    Body,
    /// Runs the network.
    Organiser,
}

/// A part of a swap that not everyone who sees the swap may read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Part {
    /// The proposer's private message.
    Message,
    /// The confidentiality agreement, and its signed version.
    Agreement,
    /// The handover notes the members write for each other.
    Handover,
    /// The host's notes to the guest on appointments.
    GuestNotes,
    /// The daily check-ins (a call for help's note only for its author and the organisers).
    Checkins,
    /// The employers' feedback after the week.
    Feedback,
    /// The members' reflections (each one's own at once, the others' once all wrote).
    Reflections,
}

impl Part {
    pub const ALL: [Part; 7] = [
        Part::Message,
        Part::Agreement,
        Part::Handover,
        Part::GuestNotes,
        Part::Checkins,
        Part::Feedback,
        Part::Reflections,
    ];

    /// Who reads this part: the one table of it (`docs/visibility.md` shows the same).
    pub fn readers(self) -> &'static [Relation] {
        use Relation::*;
        match self {
            Part::Message => &[Member],
            Part::Agreement => &[Member, Approver, Admin, Body, Organiser],
            Part::Handover | Part::GuestNotes => &[Member, Deputy],
            Part::Checkins => &[Member, Organiser],
            Part::Feedback => &[Member, Approver, Organiser],
            Part::Reflections => &[Member],
        }
    }
}

/// Whether someone who is `relations` to a swap may read `part` of it.
pub fn may_read(relations: &[Relation], part: Part) -> bool {
    relations.iter().any(|r| part.readers().contains(r))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn actor(roles: Vec<OrgRole>, organiser: bool) -> Actor {
        Actor { user_id: UserId::new(), org_id: Some(OrgId::new()), roles, organiser }
    }

    #[test]
    fn org_admin_keeps_only_their_own_organisation() {
        let admin = actor(vec![OrgRole::OrgAdmin], false);
        assert!(admin.ensure_org_admin(admin.org_id.unwrap()).is_ok());
        assert_eq!(admin.ensure_org_admin(OrgId::new()), Err(DomainError::Forbidden("org-admin-only")));
        let approver = actor(vec![OrgRole::Approver], false);
        assert!(approver.ensure_org_admin(approver.org_id.unwrap()).is_err());
        let organiser = actor(vec![], true);
        assert!(organiser.ensure_org_admin(OrgId::new()).is_ok());
        assert!(organiser.ensure_organiser().is_ok());
        assert!(admin.ensure_organiser().is_err());
    }

    #[test]
    fn each_body_reads_what_it_needs() {
        use Relation::*;
        assert!(may_read(&[Body], Part::Agreement), "the council reads what it consents to");
        assert!(!may_read(&[Body], Part::Handover) && !may_read(&[Body], Part::GuestNotes));
        assert!(!may_read(&[Approver, Admin, Organiser], Part::Message), "the message is for the two people");
        assert!(may_read(&[Deputy], Part::Handover) && !may_read(&[Deputy], Part::Agreement));
        assert!(may_read(&[Approver, Body], Part::Feedback), "one relation that reads is enough");
        assert!(Part::ALL.iter().all(|p| may_read(&[Member], *p)), "the members read everything of their swap");
    }

    #[test]
    fn body_roles_name_their_body() {
        assert_eq!(OrgRole::StaffCouncil.body(), Some(Body::StaffCouncil));
        assert_eq!(OrgRole::Approver.body(), None);
        assert_eq!(OrgRole::from_code("body:data_protection"), Some(OrgRole::DataProtection));
    }
}
