use crate::fixtures::{effects, org, user};
use chrono::{Duration, Utc};
use domain::access::{Actor, OrgRole};
use domain::org::{Body, Policy, PolicyRule};
use domain::swap::{EndReason, Swap, SwapState};
use domain::values::IsoWeek;
use domain::{OrgId, SwapId, UserId};
use store::{Db, InboxItem, StoreError, on_both_backends};

on_both_backends!(swap_round_trip_and_versions, one_committed_swap_per_person_and_week);

fn actor(user: UserId, org: OrgId, roles: Vec<OrgRole>) -> Actor {
    Actor { user_id: user, org_id: Some(org), roles, organiser: false }
}

fn week() -> IsoWeek {
    IsoWeek::of(Utc::now().date_naive() + Duration::days(60))
}

async fn swap_round_trip_and_versions(db: Db) {
    let (a, b) = (org(&db, "Stadt A", "a.example").await, org(&db, "Stadt B", "b.example").await);
    let (anna, bernd) = (user(&db, "anna@a.example", Some(a)).await, user(&db, "bernd@b.example", Some(b)).await);
    let approver = user(&db, "chef@a.example", Some(a)).await;
    let now = store::now();
    let (mut s, _) = Swap::propose(
        SwapId::new(),
        week(),
        vec![(anna, a), (bernd, b)],
        Some("Hallo".into()),
        Utc::now().date_naive(),
        now,
    )
    .unwrap();
    let mut fx = effects("swap.proposed");
    fx.inbox.push(InboxItem {
        user: bernd,
        swap: Some(s.id),
        kind: "proposed",
        text: "Anna schlägt einen Tausch vor".into(),
    });
    store::swaps::create(&db, &s, &fx).await.unwrap();
    assert_eq!(store::swaps::get(&db, s.id).await.unwrap(), s);
    assert_eq!(store::inbox::unread_count(&db, bernd).await.unwrap(), 1);

    let policies = vec![(b, Policy::from_rules([(Body::StaffCouncil, PolicyRule::Consent)]))];
    let mut read = store::swaps::get(&db, s.id).await.unwrap();
    read.accept(&actor(bernd, b, vec![]), &policies, now).unwrap();
    store::swaps::save(&db, &read, &effects("swap.accepted")).await.unwrap();
    let stored = store::swaps::get(&db, s.id).await.unwrap();
    assert_eq!(stored.state, SwapState::ApprovalsPending);
    assert_eq!(stored.version, 1);
    assert_eq!(stored.approvals, read.approvals);
    assert_eq!(stored.bodies, read.bodies);

    // A decision made on the old version loses: the store refuses it.
    s.withdraw(&actor(anna, a, vec![]), &EndReason::parse("other", "doch nicht").unwrap()).unwrap();
    assert!(matches!(store::swaps::save(&db, &s, &effects("x")).await, Err(StoreError::Conflict)));

    let mut fresh = store::swaps::get(&db, s.id).await.unwrap();
    let i = fresh.approvals.iter().position(|x| x.org == a).unwrap();
    fresh.approve(&actor(approver, a, vec![OrgRole::Approver]), i, "gern", now).unwrap();
    store::swaps::save(&db, &fresh, &effects("swap.approved")).await.unwrap();
    let back = store::swaps::get(&db, s.id).await.unwrap();
    assert_eq!(back.approvals, fresh.approvals);
    assert_eq!(store::swaps::of_member(&db, bernd).await.unwrap().len(), 1);
    assert_eq!(store::swaps::of_organisation(&db, a).await.unwrap().len(), 1);
    assert!(store::swaps::with_expired_approvals(&db, now).await.unwrap().is_empty());
    let later = back.approvals[0].deadline + Duration::seconds(1);
    assert_eq!(store::swaps::with_expired_approvals(&db, later).await.unwrap(), [s.id]);
}

async fn one_committed_swap_per_person_and_week(db: Db) {
    let (a, b, c) = (
        org(&db, "Amt A", "a.example").await,
        org(&db, "Amt B", "b.example").await,
        org(&db, "Amt C", "c.example").await,
    );
    let (anna, bernd, carla) = (
        user(&db, "anna@a.example", Some(a)).await,
        user(&db, "bernd@b.example", Some(b)).await,
        user(&db, "carla@c.example", Some(c)).await,
    );
    let today = Utc::now().date_naive();
    let (s1, _) = Swap::propose(SwapId::new(), week(), vec![(anna, a), (bernd, b)], None, today, store::now()).unwrap();
    store::swaps::create(&db, &s1, &effects("p")).await.unwrap();
    // Bernd may get a second proposal for the week ...
    let (mut s2, _) =
        Swap::propose(SwapId::new(), week(), vec![(carla, c), (bernd, b)], None, today, store::now()).unwrap();
    store::swaps::create(&db, &s2, &effects("p")).await.unwrap();
    // ... but Anna, committed by proposing, cannot start another one in that week.
    let (s3, _) = Swap::propose(SwapId::new(), week(), vec![(anna, a), (carla, c)], None, today, store::now()).unwrap();
    assert!(matches!(store::swaps::create(&db, &s3, &effects("p")).await, Err(StoreError::Taken("week"))));
    // Bernd accepts the first; accepting the second as well is refused by the database.
    let mut s1 = store::swaps::get(&db, s1.id).await.unwrap();
    s1.accept(&actor(bernd, b, vec![]), &[], store::now()).unwrap();
    store::swaps::save(&db, &s1, &effects("a")).await.unwrap();
    s2.accept(&actor(bernd, b, vec![]), &[], store::now()).unwrap();
    assert!(matches!(store::swaps::save(&db, &s2, &effects("a")).await, Err(StoreError::Taken("week"))));
    // When the first ends, he is free again.
    let mut s1 = store::swaps::get(&db, s1.id).await.unwrap();
    s1.cancel(&actor(bernd, b, vec![]), &EndReason::parse("personal", "").unwrap(), today).unwrap();
    store::swaps::save(&db, &s1, &effects("c")).await.unwrap();
    store::swaps::save(&db, &s2, &effects("a")).await.unwrap();
}

on_both_backends!(templates_are_versioned_and_agreements_fixed);

async fn templates_are_versioned_and_agreements_fixed(db: Db) {
    let (a, b) = (org(&db, "Stadt A", "a.example").await, org(&db, "Stadt B", "b.example").await);
    let (anna, bernd) = (user(&db, "anna@a.example", Some(a)).await, user(&db, "bernd@b.example", Some(b)).await);
    let default = store::agreements::current(&db, a, "de").await.unwrap();
    assert_eq!((default.org_id, default.version), (None, 2), "the network's wording of December 2026");
    assert!(default.title.contains("Verschwiegenheitserklärung"));
    assert!(default.body.starts_with("Die oben genannten Personen"), "the persons are listed above the terms");
    assert_eq!(store::agreements::current(&db, a, "en").await.unwrap().title, "Mutual confidentiality agreement");
    assert_eq!(
        store::agreements::add_version(&db, a, "de", "Eigene Erklärung", "Text {week}", anna, &effects("t"))
            .await
            .unwrap(),
        1
    );
    assert_eq!(
        store::agreements::add_version(&db, a, "de", "Eigene Erklärung", "Text 2 {week}", anna, &effects("t"))
            .await
            .unwrap(),
        2
    );
    let own = store::agreements::current(&db, a, "de").await.unwrap();
    assert_eq!((own.org_id, own.version, own.body.as_str()), (Some(a.0), 2, "Text 2 {week}"));
    assert_eq!(store::agreements::current(&db, b, "de").await.unwrap().org_id, None, "B keeps the network default");
    assert_eq!(store::agreements::versions(&db, a).await.unwrap().len(), 2);

    let today = Utc::now().date_naive();
    let (mut s, _) =
        Swap::propose(SwapId::new(), week(), vec![(anna, a), (bernd, b)], None, today, store::now()).unwrap();
    store::swaps::create(&db, &s, &effects("p")).await.unwrap();
    s.accept(&actor(bernd, b, vec![]), &[], store::now()).unwrap();
    store::swaps::save(&db, &s, &effects("a")).await.unwrap();
    let mut s = store::swaps::get(&db, s.id).await.unwrap();
    let chef_a = actor(user(&db, "chef@a.example", Some(a)).await, a, vec![OrgRole::Approver]);
    let chef_b = actor(user(&db, "chef@b.example", Some(b)).await, b, vec![OrgRole::Approver]);
    for i in 0..s.approvals.len() {
        let approver = if s.approvals[i].org == a { &chef_a } else { &chef_b };
        s.approve(approver, i, "", store::now()).unwrap();
    }
    assert_eq!(s.state, SwapState::AgreementPending);
    s.attach_agreement("abc".into()).unwrap();
    let pdf = store::agreements::NewAgreement {
        lang: "de".into(),
        hash: "abc".into(),
        pdf: b"%PDF-1.7 test".to_vec(),
        templates: "x".into(),
    };
    store::swaps::save_with_agreement(&db, &s, Some(&pdf), &effects("g")).await.unwrap();
    let stored = store::agreements::of_swap(&db, s.id).await.unwrap().unwrap();
    assert_eq!((stored.hash.as_str(), stored.pdf.as_slice()), ("abc", b"%PDF-1.7 test".as_slice()));
    store::agreements::add_version(&db, a, "de", "Neu", "Neu", anna, &effects("t")).await.unwrap();
    assert_eq!(
        store::agreements::of_swap(&db, s.id).await.unwrap().unwrap().hash,
        "abc",
        "a later template changes nothing"
    );
}
