//! While the database cannot be reached, pages and API say so at once (503 with `Retry-After`)
//! instead of a generic error after long waits, and `/healthz` answers 503 within 2 s.

use crate::app::TestApp;
use domain::access::OrgRole;
use std::time::{Duration, Instant};
use store::{Db, on_both_backends};

on_both_backends!(a_database_outage_is_answered_with_503_and_retry_after);

async fn a_database_outage_is_answered_with_503_and_retry_after(db: Db) {
    let app = TestApp::start(db).await;
    app.user("anna@musterstadt.example", Some(app.city), &[OrgRole::OrgAdmin], false).await;
    let anna = app.browser();
    anna.login("anna@musterstadt.example").await;
    let token = crate::api::token_for(&app, "anna@musterstadt.example").await;
    assert_eq!(anna.get("/people").await.status, 200);

    // The database goes away (every connection of the pool is gone).
    app.db.close().await;
    let started = Instant::now();
    let page = anna.get("/people").await;
    assert_eq!(page.status, 503, "{}", page.body);
    assert!(page.body.contains("Jobtausch erreicht seine Datenbank gerade nicht"), "{}", page.body);
    assert_eq!(page.headers["retry-after"], "30");
    let c = reqwest::Client::new();
    let api = c.get(app.url("/api/me")).bearer_auth(&token).send().await.unwrap();
    assert_eq!(api.status(), 503);
    assert_eq!(api.headers()["retry-after"], "30");
    let problem: serde_json::Value = api.json().await.unwrap();
    assert_eq!(problem["code"], "unavailable");
    let health = c.get(app.url("/healthz")).send().await.unwrap();
    assert_eq!(health.status(), 503);
    assert!(started.elapsed() < Duration::from_secs(5), "answered at once, not after waiting out timeouts");
}
