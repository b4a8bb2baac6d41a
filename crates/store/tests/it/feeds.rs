use crate::fixtures::{effects, user};
use store::feeds;
use store::{Db, on_both_backends};

on_both_backends!(a_feed_is_found_by_its_hash_rotated_and_revoked, feeds_belong_to_one_person_each);

async fn a_feed_is_found_by_its_hash_rotated_and_revoked(db: Db) {
    let anna = user(&db, "anna@a.example", None).await;
    assert_eq!(feeds::of_user(&db, anna).await.unwrap(), None);
    assert_eq!(feeds::user_by_token(&db, "h1").await.unwrap(), None);

    feeds::create_or_rotate(&db, anna, "h1", &effects("feed.created")).await.unwrap();
    let feed = feeds::of_user(&db, anna).await.unwrap().expect("a feed");
    assert_eq!(feed.last_used_at, None, "not fetched yet");
    assert_eq!(feeds::user_by_token(&db, "h1").await.unwrap(), Some((anna, true)), "a first fetch is to be noted");
    assert!(store::users::note_use(&db, store::users::UsedBy::CalendarFeed, "h1", store::now()).await.unwrap());
    assert!(feeds::of_user(&db, anna).await.unwrap().unwrap().last_used_at.is_some(), "a fetch is noted");
    assert_eq!(feeds::user_by_token(&db, "h1").await.unwrap(), Some((anna, false)), "noted a moment ago");

    // Rotating replaces the secret: the old one finds nobody any more.
    feeds::create_or_rotate(&db, anna, "h2", &effects("feed.created")).await.unwrap();
    assert_eq!(feeds::user_by_token(&db, "h1").await.unwrap(), None);
    assert_eq!(feeds::user_by_token(&db, "h2").await.unwrap().map(|f| f.0), Some(anna));
    let rotated = feeds::of_user(&db, anna).await.unwrap().unwrap();
    assert!(rotated.created_at >= feed.created_at);

    assert!(feeds::revoke(&db, anna, &effects("feed.revoked")).await.unwrap());
    assert_eq!(feeds::user_by_token(&db, "h2").await.unwrap(), None);
    assert_eq!(feeds::of_user(&db, anna).await.unwrap(), None);
    assert!(!feeds::revoke(&db, anna, &effects("feed.revoked")).await.unwrap(), "nothing left to revoke");
}

async fn feeds_belong_to_one_person_each(db: Db) {
    let anna = user(&db, "anna@a.example", None).await;
    let bernd = user(&db, "bernd@b.example", None).await;
    feeds::create_or_rotate(&db, anna, "ha", &effects("feed.created")).await.unwrap();
    feeds::create_or_rotate(&db, bernd, "hb", &effects("feed.created")).await.unwrap();
    assert_eq!(feeds::user_by_token(&db, "ha").await.unwrap().map(|f| f.0), Some(anna));
    assert_eq!(feeds::user_by_token(&db, "hb").await.unwrap().map(|f| f.0), Some(bernd));
    // Revoking one person's feed leaves the other's alone.
    feeds::revoke(&db, anna, &effects("feed.revoked")).await.unwrap();
    assert_eq!(feeds::user_by_token(&db, "hb").await.unwrap().map(|f| f.0), Some(bernd));
    // A hash is unique: another person cannot take over a live secret.
    assert!(feeds::create_or_rotate(&db, anna, "hb", &effects("feed.created")).await.is_err());
    assert_eq!(feeds::user_by_token(&db, "hb").await.unwrap().map(|f| f.0), Some(bernd));
}
