use crate::fixtures::{effects, org, user};
use domain::access::OrgRole;
use domain::org::{Body, OrgDraft, Policy, PolicyRule};
use store::{Db, StoreError, on_both_backends};

on_both_backends!(organisation_round_trip, names_and_domains_are_unique, roles_only_for_members);

async fn organisation_round_trip(db: Db) {
    let assoc = store::orgs::create(
        &db,
        &OrgDraft::parse("Verband kommunaler IT-Dienstleister", "association", "BE", "", "vitako.example").unwrap(),
        &effects("org.created"),
    )
    .await
    .unwrap();
    let draft = OrgDraft::parse(
        "Regionales Rechenzentrum",
        "it_service_provider",
        "NW",
        &assoc.to_string(),
        "krz.example, rz.example",
    )
    .unwrap();
    let id = store::orgs::create(&db, &draft, &effects("org.created")).await.unwrap();
    let o = store::orgs::get(&db, id).await.unwrap();
    assert_eq!(o.name, "Regionales Rechenzentrum");
    assert_eq!(o.parent, Some(assoc));
    assert_eq!(o.domains, ["krz.example", "rz.example"]);
    assert_eq!(o.policy, Policy::default());
    assert_eq!(store::orgs::by_domain(&db, "rz.example").await.unwrap(), Some(id));
    assert_eq!(store::orgs::by_domain(&db, "other.example").await.unwrap(), None);

    let policy =
        Policy::from_rules([(Body::StaffCouncil, PolicyRule::Consent), (Body::DataProtection, PolicyRule::Inform)]);
    store::orgs::set_policy(&db, id, &policy, &effects("org.policy")).await.unwrap();
    assert_eq!(store::orgs::get(&db, id).await.unwrap().policy, policy);

    let list = store::orgs::list(&db).await.unwrap();
    assert_eq!(list.len(), 2);
    assert_eq!(list[0].parent_name.as_deref(), Some("Verband kommunaler IT-Dienstleister"));
    let audit = store::audit::for_object(&db, "test", "-").await.unwrap();
    assert_eq!(audit.len(), 3, "each change wrote its audit record");
}

async fn names_and_domains_are_unique(db: Db) {
    org(&db, "Stadt Musterstadt", "musterstadt.example").await;
    let same_name = OrgDraft::parse("stadt musterstadt", "city", "NW", "", "other.example").unwrap();
    assert!(matches!(store::orgs::create(&db, &same_name, &effects("x")).await, Err(StoreError::Taken("name"))));
    let same_domain = OrgDraft::parse("Stadt B", "city", "NW", "", "musterstadt.example").unwrap();
    assert!(matches!(store::orgs::create(&db, &same_domain, &effects("x")).await, Err(StoreError::Taken("domains"))));
    assert_eq!(store::orgs::list(&db).await.unwrap().len(), 1, "a refused write left nothing behind");
}

async fn roles_only_for_members(db: Db) {
    let a = org(&db, "Stadt A", "a.example").await;
    let b = org(&db, "Stadt B", "b.example").await;
    let anna = user(&db, "anna@a.example", Some(a)).await;
    store::orgs::grant_role(&db, a, anna, OrgRole::Approver, &effects("role")).await.unwrap();
    store::orgs::grant_role(&db, a, anna, OrgRole::Approver, &effects("role")).await.unwrap();
    assert!(matches!(
        store::orgs::grant_role(&db, b, anna, OrgRole::OrgAdmin, &effects("role")).await,
        Err(StoreError::NotFound)
    ));
    let acc = store::users::account(&db, anna).await.unwrap();
    assert_eq!(acc.roles, [OrgRole::Approver]);
    let members = store::orgs::members(&db, a).await.unwrap();
    assert_eq!(members.len(), 1);
    store::orgs::revoke_role(&db, a, anna, OrgRole::Approver, &effects("role")).await.unwrap();
    assert!(store::users::account(&db, anna).await.unwrap().roles.is_empty());
}
