use crate::fixtures::{effects, org, profile, user};
use domain::org::OrgKind;
use domain::values::IsoWeek;
use store::profiles::{self, SearchFilter};
use store::{Db, on_both_backends};

on_both_backends!(profile_round_trip, search_respects_privacy_and_filters);

async fn profile_round_trip(db: Db) {
    let a = org(&db, "Stadt A", "a.example").await;
    let u = user(&db, "p@a.example", Some(a)).await;
    assert_eq!(profiles::get(&db, u).await.unwrap(), None);
    let p = profile("Open Data, E-Akte", "2027-W07, 2027-W09", true, false);
    profiles::save(&db, u, &p, &effects("profile")).await.unwrap();
    assert_eq!(profiles::get(&db, u).await.unwrap(), Some(p.clone()));
    let p2 = profile("KI", "", false, false);
    profiles::save(&db, u, &p2, &effects("profile")).await.unwrap();
    assert_eq!(profiles::get(&db, u).await.unwrap(), Some(p2));
}

async fn search_respects_privacy_and_filters(db: Db) {
    let a = org(&db, "Stadt A", "a.example").await;
    let b = org(&db, "Stadt B", "b.example").await;
    let me = user(&db, "me@a.example", Some(a)).await;
    let colleague_hidden = user(&db, "hidden@a.example", Some(a)).await;
    let colleague_shared = user(&db, "shared@a.example", Some(a)).await;
    let stranger = user(&db, "open@b.example", Some(b)).await;
    let closed = user(&db, "closed@b.example", Some(b)).await;
    profiles::save(&db, colleague_hidden, &profile("Open Data", "2027-W07", true, false), &effects("p")).await.unwrap();
    profiles::save(&db, colleague_shared, &profile("Open Data", "2027-W08", true, true), &effects("p")).await.unwrap();
    profiles::save(&db, stranger, &profile("Open Data, KI", "2027-W07", true, false), &effects("p")).await.unwrap();
    profiles::save(&db, closed, &profile("Open Data", "2027-W07", false, false), &effects("p")).await.unwrap();
    profiles::save(&db, me, &profile("Open Data", "2027-W07", true, false), &effects("p")).await.unwrap();

    let ids = |r: (Vec<store::profiles::PersonCard>, bool)| r.0.into_iter().map(|c| c.user_id).collect::<Vec<_>>();
    let all = ids(profiles::search(&db, me, Some(a), &SearchFilter::default()).await.unwrap());
    assert_eq!(all.len(), 2);
    assert!(all.contains(&colleague_shared) && all.contains(&stranger));

    // Someone of the other organisation sees the hidden colleague: hiding is only from one's own.
    let theirs = ids(profiles::search(&db, stranger, Some(b), &SearchFilter::default()).await.unwrap());
    assert!(theirs.contains(&colleague_hidden) && theirs.contains(&me));

    let week = IsoWeek::parse("w", "2027-W08").unwrap();
    let f = SearchFilter { week: Some(week), ..Default::default() };
    assert_eq!(ids(profiles::search(&db, me, Some(a), &f).await.unwrap()), [colleague_shared]);
    let f = SearchFilter { topic: Some("  ki ".into()), ..Default::default() };
    assert_eq!(ids(profiles::search(&db, me, Some(a), &f).await.unwrap()), [stranger]);
    let f = SearchFilter { kind: Some(OrgKind::StateAgency), ..Default::default() };
    assert!(ids(profiles::search(&db, me, Some(a), &f).await.unwrap()).is_empty());

    let page = profiles::person(&db, me, Some(a), colleague_hidden).await.unwrap();
    assert!(!page.open_to_swap, "the colleague's interest stays hidden from their own organisation");
    assert!(!page.profile.unwrap().open_to_swap);
    let page = profiles::person(&db, stranger, Some(b), colleague_hidden).await.unwrap();
    assert!(page.open_to_swap);
}
