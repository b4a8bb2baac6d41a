use store::{Db, on_both_backends};

on_both_backends!(demo_has_the_story_and_every_role);

async fn demo_has_the_story_and_every_role(db: Db) {
    let logins = jobtausch::demo::seed(&db).await.unwrap();
    let orgs = store::orgs::list(&db).await.unwrap();
    assert_eq!(orgs.len(), 4);
    let rz = orgs.iter().find(|o| o.name.contains("Rechenzentrum")).unwrap();
    assert!(
        rz.parent_name.as_deref().unwrap().contains("IT-Dienstleister"),
        "the data centre is a member of the association"
    );
    assert!(logins.iter().any(|l| l.role.contains("Koordination")));
    for role in ["Genehmig", "Personalrat", "Admin", "Teilnehm", "Datenschutz"] {
        assert!(logins.iter().any(|l| l.role.contains(role)), "no demo login for {role}");
    }
    let banner = jobtausch::demo::banner("http://127.0.0.1:8080", &logins);
    assert!(banner.contains("http://127.0.0.1:8080/") && banner.contains(jobtausch::demo::DEMO_PASSWORD));
    // People of other organisations find the demo participants.
    let eva = store::users::account_by_email(&db, "eva.nowak@kommunal-it.example").await.unwrap().unwrap();
    let acc = store::users::account(&db, eva).await.unwrap();
    let (found, _) = store::profiles::search(&db, eva, acc.org_id, &Default::default()).await.unwrap();
    assert!(found.len() >= 3, "{found:?}");
    assert!(jobtausch::demo::seed(&db).await.is_err(), "seeding twice is refused");
}
