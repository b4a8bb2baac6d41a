//! [`Names`]: the names of the people and organisations a swap concerns, looked up once for a
//! page, a message or a calendar.

use crate::{App, Result};
use domain::swap::{ApprovalStatus, BodyStatus, Swap};
use domain::{OrgId, UserId};
use std::collections::HashMap;
use store::contacts::Contact;

/// Names of people and organisations; an unknown one reads "–".
#[derive(Debug, Clone, Default)]
pub struct Names {
    people: HashMap<UserId, Contact>,
    orgs: HashMap<OrgId, String>,
}

impl Names {
    /// The members of `swaps` and their organisations, and everyone who decided on them.
    pub async fn of(app: &App, swaps: &[&Swap]) -> Result<Names> {
        let mut names = Names::default();
        let mut users = Vec::new();
        for s in swaps {
            users.extend(s.members.iter().map(|m| m.user));
            users.extend(s.approvals.iter().filter_map(|a| a.delegate));
            users.extend(s.approvals.iter().filter_map(|a| match &a.status {
                ApprovalStatus::Approved { by, .. } | ApprovalStatus::Declined { by, .. } => Some(*by),
                ApprovalStatus::Pending => None,
            }));
            users.extend(s.bodies.iter().filter_map(|b| match &b.status {
                BodyStatus::Consented { by, .. } | BodyStatus::Refused { by, .. } => Some(*by),
                _ => None,
            }));
        }
        names.include(app, users).await?;
        let mut orgs: Vec<OrgId> = swaps.iter().flat_map(|s| s.organisations()).collect();
        orgs.sort();
        orgs.dedup();
        names.orgs = store::orgs::names(&app.db, &orgs).await?;
        Ok(names)
    }

    /// The members of one swap and its organisations.
    pub async fn of_swap(app: &App, swap: &Swap) -> Result<Names> {
        Self::of(app, &[swap]).await
    }

    /// Looks up the people not known yet.
    pub async fn include(&mut self, app: &App, users: impl IntoIterator<Item = UserId>) -> Result<()> {
        let missing: Vec<UserId> = users.into_iter().filter(|u| !self.people.contains_key(u)).collect();
        if missing.is_empty() {
            return Ok(());
        }
        for c in store::contacts::of(&app.db, &missing).await? {
            self.people.insert(c.id, c);
        }
        Ok(())
    }

    pub fn person(&self, u: UserId) -> String {
        self.people.get(&u).map(|c| c.name.clone()).unwrap_or_else(|| "–".into())
    }

    pub fn org(&self, o: OrgId) -> String {
        self.orgs.get(&o).cloned().unwrap_or_else(|| "–".into())
    }

    /// The members of a swap in its order, as notifications need them.
    pub fn members(&self, swap: &Swap) -> Vec<Contact> {
        swap.members.iter().filter_map(|m| self.people.get(&m.user).cloned()).collect()
    }

    /// "Anna Schmidt, Eva Nowak": the members of a swap.
    pub fn member_names(&self, swap: &Swap) -> String {
        swap.members.iter().map(|m| self.person(m.user)).collect::<Vec<_>>().join(", ")
    }

    /// "Stadt Musterstadt, Verband": the organisations of a swap.
    pub fn org_names(&self, swap: &Swap) -> String {
        swap.organisations().into_iter().map(|o| self.org(o)).collect::<Vec<_>>().join(", ")
    }

    /// Adds an organisation's name (a round knows every organisation already).
    pub fn with_orgs(mut self, orgs: impl IntoIterator<Item = (OrgId, String)>) -> Self {
        self.orgs.extend(orgs);
        self
    }
}
