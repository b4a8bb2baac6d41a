//! Small builders shared by the stories.

use domain::org::OrgDraft;
use domain::profile::{Profile, ProfileInput};
use domain::values::Locale;
use domain::{OrgId, UserId};
use store::users::{NewUser, Proof};
use store::{AuditEntry, Db, Effects};

pub fn effects(action: &'static str) -> Effects {
    Effects::audit(AuditEntry::new(None, action, "test", "-"))
}

pub async fn org(db: &Db, name: &str, domain: &str) -> OrgId {
    let draft = OrgDraft::parse(name, "city", "NW", "", domain).unwrap();
    store::orgs::create(db, &draft, &effects("org.created")).await.unwrap()
}

pub async fn user(db: &Db, email: &str, org: Option<OrgId>) -> UserId {
    let id = UserId::new();
    let u = NewUser {
        id,
        email: email.into(),
        email_norm: email.to_lowercase(),
        display_name: email.split('@').next().unwrap().into(),
        password_hash: "hash".into(),
        org_id: org,
        locale: Locale::De,
        organiser: false,
        verified: true,
    };
    store::users::create(db, &u, &Proof::Operator, &effects("user.created")).await.unwrap();
    id
}

pub fn profile(topics: &str, weeks: &str, open: bool, shared: bool) -> Profile {
    Profile::parse(&ProfileInput {
        role_title: "Sachbearbeitung".into(),
        unit: "Amt 10".into(),
        pay_grade: "E 11".into(),
        topics: topics.into(),
        wants_to_learn: "KI".into(),
        languages: "de".into(),
        availability: weeks.into(),
        travel_radius_km: "50".into(),
        about: "".into(),
        open_to_swap: open,
        shared_with_own_org: shared,
    })
    .unwrap()
}
