use store::{Db, on_both_backends};

on_both_backends!(demo_has_the_story_and_every_role);

async fn demo_has_the_story_and_every_role(db: Db) {
    let demo =
        jobtausch::demo::seed(&app::App::new(db.clone(), app::Config::new("http://127.0.0.1:8080"))).await.unwrap();
    let logins = &demo.logins;
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
    let banner = jobtausch::demo::banner("http://127.0.0.1:8080", &demo);
    assert!(banner.contains("http://127.0.0.1:8080/") && banner.contains(jobtausch::demo::DEMO_PASSWORD));
    // The story's swap is confirmed and planned; its member's feed URL is in the banner.
    assert!(demo.feed_url.starts_with("http://127.0.0.1:8080/calendar/") && banner.contains(&demo.feed_url));
    let anna = store::users::account_by_email(&db, "anna.schmidt@musterstadt.example").await.unwrap().unwrap();
    let swaps = store::swaps::of_member(&db, anna).await.unwrap();
    let story = swaps.iter().find(|s| s.state == domain::swap::SwapState::Confirmed).unwrap();
    assert!(store::week::briefings(&db, story.id).await.unwrap().len() >= 4, "a briefing for each running day");
    assert_eq!(store::week::appointments(&db, story.id).await.unwrap().len(), 5);
    assert!(
        swaps.iter().any(|s| s.state == domain::swap::SwapState::ApprovalsPending),
        "a swap waits for its approvers, so that they have something to do"
    );
    let ingo = store::users::account_by_email(&db, "ingo.lehmann@rz-westfalen.example").await.unwrap().unwrap();
    let past = store::swaps::of_member(&db, ingo).await.unwrap();
    assert_eq!(past[0].state, domain::swap::SwapState::Completed);
    // People of other organisations find the demo participants.
    let eva = store::users::account_by_email(&db, "eva.nowak@kommunal-it.example").await.unwrap().unwrap();
    let acc = store::users::account(&db, eva).await.unwrap();
    let (found, _) = store::profiles::search(&db, eva, acc.org_id, &Default::default()).await.unwrap();
    assert!(found.len() >= 3, "{found:?}");
    assert!(
        jobtausch::demo::seed(&app::App::new(db.clone(), app::Config::new("http://x"))).await.is_err(),
        "seeding twice is refused"
    );
}
