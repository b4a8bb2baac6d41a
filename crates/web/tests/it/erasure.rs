//! Deleting an account through the pages and the API: the page says first which swaps are
//! called off (and the partner is told), a wrong password changes nothing, a week under way
//! ends with it (said first), an admin erases someone who left (never themselves, nor another
//! admin, and only in their organisation), and a deleted account signs in nowhere any more.

use crate::app::{PASSWORD, TestApp, fx};
use chrono::Utc;
use domain::access::OrgRole;
use domain::swap::{Swap, SwapState};
use domain::values::IsoWeek;
use domain::{SwapId, UserId};
use store::{Db, on_both_backends};

on_both_backends!(a_person_deletes_their_account, an_admin_erases_someone_who_left);

/// A week four weeks ahead.
fn ahead() -> IsoWeek {
    IsoWeek::of(Utc::now().date_naive() + chrono::Duration::weeks(4))
}

async fn proposed(t: &TestApp, from: UserId, to: UserId) -> Swap {
    let members = vec![(from, t.city), (to, t.assoc)];
    let (s, _) = Swap::propose(SwapId::new(), ahead(), members, None, Utc::now().date_naive(), store::now()).unwrap();
    store::swaps::create(&t.db, &s, &fx("p")).await.unwrap();
    s
}

async fn set_state(t: &TestApp, swap: SwapId, state: &str) {
    let hex: String = swap.0.simple().to_string();
    let id = match &t.db {
        Db::Sqlite(_) => format!("X'{hex}'"),
        Db::Postgres(_) => format!("'{}'", swap.0),
    };
    store::testing::execute(&t.db, &format!("UPDATE swaps SET state = '{state}' WHERE id = {id}")).await;
}

async fn a_person_deletes_their_account(db: Db) {
    let t = TestApp::start(db).await;
    let anna = t.user("anna.schmidt@musterstadt.example", Some(t.city), &[], false).await;
    let eva = t.user("eva@verband.example", Some(t.assoc), &[], false).await;
    let bernd = t.user("bernd@musterstadt.example", Some(t.city), &[], false).await;
    t.user("approver@musterstadt.example", Some(t.city), &[OrgRole::Approver], false).await;
    let swap = proposed(&t, anna, eva).await;
    let b = t.browser();
    b.login("anna.schmidt@musterstadt.example").await;

    // Meine Daten leads there; the page says what will happen before anything does.
    assert!(b.get("/me/data").await.body.contains("href=\"/me/delete\""));
    let page = b.get("/me/delete").await;
    assert_eq!(page.status, 200);
    for words in
        ["Konto löschen", "Jobtausche, die abgesagt werden", "eva (Verband kommunaler IT-Dienstleister)", "KW "]
    {
        assert!(page.body.contains(words), "{words} missing:\n{}", page.body);
    }
    assert!(page.body.contains("Nichts: Es gibt keine unterschriebene Vereinbarung"));

    // A wrong password: said at the field, nothing changes.
    let wrong = b.post_form("/me/delete", "/me/delete", &[("password", "falsch-falsch-falsch")]).await;
    assert_eq!(wrong.status, 422);
    assert!(wrong.body.contains("id=\"password-error\""), "{}", wrong.body);
    assert_eq!(store::swaps::get(&t.db, swap.id).await.unwrap().state, SwapState::Proposed);
    assert_eq!(b.get("/me/data").await.status, 200, "still signed in");

    let done = b.post_form("/me/delete", "/me/delete", &[("password", PASSWORD)]).await;
    assert_eq!(done.status, 200);
    assert!(done.body.contains("Ihr Konto ist gelöscht"), "{}", done.body);
    assert!(done.headers.get_all("set-cookie").iter().any(|c| c.to_str().unwrap().contains("Max-Age=0")));
    assert_eq!(b.get("/me/data").await.status, 303, "the session is gone");
    let swap = store::swaps::get(&t.db, swap.id).await.unwrap();
    assert_eq!((swap.state, swap.end_reason.as_deref()), (SwapState::Cancelled, Some("account-erased")));
    // Eva is told why; the old address signs in nowhere.
    let e = t.browser();
    e.login("eva@verband.example").await;
    let inbox = e.get("/inbox").await.body;
    assert!(inbox.contains("Ein Mitglied hat sein Konto gelöscht"), "{inbox}");
    assert!(!inbox.contains("anna schmidt"), "{inbox}");
    let again = t
        .browser()
        .post_form("/", "/login", &[("email", "anna.schmidt@musterstadt.example"), ("password", PASSWORD)])
        .await;
    assert_ne!(again.status, 303, "no sign-in with the deleted account");

    // A week under way ends with the deletion: the page says so first, and the hosts are told.
    let running = proposed(&t, bernd, eva).await;
    set_state(&t, running.id, "in_progress").await;
    let bb = t.browser();
    bb.login("bernd@musterstadt.example").await;
    let page = bb.get("/me/delete").await;
    assert!(page.body.contains("läuft gerade") && page.body.contains("endet er sofort"), "{}", page.body);
    let done = bb.post_raw("/me/delete", &crate::app::csrf_of(&page.body), &[("password", PASSWORD)]).await;
    assert_eq!(done.status, 200, "{}", done.body);
    let running = store::swaps::get(&t.db, running.id).await.unwrap();
    assert_eq!((running.state, running.end_reason.as_deref()), (SwapState::Cancelled, Some("account-erased")));

    // The API: a wrong password is a problem+json, the right one deletes, the token ends with it.
    let token = crate::api::token_for(&t, "eva@verband.example").await;
    let c = reqwest::Client::new();
    let res = c
        .post(t.url("/api/me/erase"))
        .bearer_auth(&token)
        .json(&serde_json::json!({"password": "falsch-falsch"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let res = c
        .post(t.url("/api/me/erase"))
        .bearer_auth(&token)
        .json(&serde_json::json!({"password": PASSWORD}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 204);
    assert_eq!(c.get(t.url("/api/me")).bearer_auth(&token).send().await.unwrap().status(), 401);
}

async fn an_admin_erases_someone_who_left(db: Db) {
    let t = TestApp::start(db).await;
    let admin = t.user("dieter@musterstadt.example", Some(t.city), &[OrgRole::OrgAdmin], false).await;
    let carla = t.user("carla@musterstadt.example", Some(t.city), &[], false).await;
    let eva = t.user("eva@verband.example", Some(t.assoc), &[OrgRole::OrgAdmin], false).await;
    let a = t.browser();
    a.login("dieter@musterstadt.example").await;
    let members = a.get(&format!("/orgs/{}/members", t.city)).await.body;
    assert!(members.contains(&format!("/orgs/{}/members/{carla}/erase", t.city)));
    assert!(!members.contains(&format!("/orgs/{}/members/{admin}/erase", t.city)), "not for oneself");
    // Not oneself, not another organisation's people, not as someone without the role.
    assert_eq!(a.get(&format!("/orgs/{}/members/{admin}/erase", t.city)).await.status, 403);
    assert_eq!(a.get(&format!("/orgs/{}/members/{eva}/erase", t.city)).await.status, 404);
    let c = t.browser();
    c.login("carla@musterstadt.example").await;
    assert_eq!(c.get(&format!("/orgs/{}/members/{admin}/erase", t.city)).await.status, 403);

    let path = format!("/orgs/{}/members/{carla}/erase", t.city);
    let page = a.get(&path).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Konto von carla löschen"), "{}", page.body);
    let unticked = a.post_form(&path, &path, &[]).await;
    assert_eq!(unticked.status, 422, "the box that the person left is ticked on purpose");
    assert_eq!(c.get("/me/data").await.status, 200, "nothing happened");
    let done = a.post_form(&path, &path, &[("left", "on")]).await;
    assert_eq!(done.status, 303);
    assert_eq!(c.get("/me/data").await.status, 303, "Carla's session ended");
    let members = a.get(&format!("/orgs/{}/members", t.city)).await.body;
    assert!(members.contains("Das Konto ist gelöscht") && !members.contains("carla"), "{members}");
    let trail = a.get(&format!("/orgs/{}/audit.csv", t.city)).await.body;
    assert!(trail.contains("member.erased") && trail.contains(&carla.to_string()), "{trail}");

    // An admin's account goes only once the role is taken away; through the API, the person's
    // leaving is said on purpose.
    let other_admin = t.user("frieda@musterstadt.example", Some(t.city), &[OrgRole::OrgAdmin], false).await;
    assert_eq!(a.get(&format!("/orgs/{}/members/{other_admin}/erase", t.city)).await.status, 403);
    let bert = t.user("bert@musterstadt.example", Some(t.city), &[], false).await;
    let token = crate::api::token_for(&t, "dieter@musterstadt.example").await;
    let c = reqwest::Client::new();
    let url = t.url(&format!("/api/organisations/{}/members/{bert}/erase", t.city));
    let res = c.post(&url).bearer_auth(&token).json(&serde_json::json!({})).send().await.unwrap();
    assert_eq!(res.status(), 422);
    let res = c.post(&url).bearer_auth(&token).json(&serde_json::json!({"left": true})).send().await.unwrap();
    assert_eq!(res.status(), 204);
    assert!(!a.get(&format!("/orgs/{}/members", t.city)).await.body.contains("bert@musterstadt.example"));
}
