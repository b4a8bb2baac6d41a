//! Who may do what. Every page and API handler asks an [`Actor`] before it acts; a refusal is
//! a [`DomainError::Forbidden`] with the reason.

use crate::error::DomainError;
use crate::ids::{OrgId, UserId};
use crate::org::{Body, choice};
use serde::Serialize;

choice! {
    /// A role a person holds in their organisation. Every signed-in person is a participant;
    /// network organisers are marked on the account, not here.
    OrgRole {
        Approver = "approver",
        OrgAdmin = "org_admin",
        StaffCouncil = "body:staff_council",
        EqualOpportunities = "body:equal_opportunities",
        DisabilityRepresentative = "body:disability_representative",
        DataProtection = "body:data_protection",
    }
}

impl OrgRole {
    pub fn body(&self) -> Option<Body> {
        match self {
            OrgRole::StaffCouncil => Some(Body::StaffCouncil),
            OrgRole::EqualOpportunities => Some(Body::EqualOpportunities),
            OrgRole::DisabilityRepresentative => Some(Body::DisabilityRepresentative),
            OrgRole::DataProtection => Some(Body::DataProtection),
            OrgRole::Approver | OrgRole::OrgAdmin => None,
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
    fn body_roles_name_their_body() {
        assert_eq!(OrgRole::StaffCouncil.body(), Some(Body::StaffCouncil));
        assert_eq!(OrgRole::Approver.body(), None);
        assert_eq!(OrgRole::from_code("body:data_protection"), Some(OrgRole::DataProtection));
    }
}
