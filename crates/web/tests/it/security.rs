//! Headers, CSRF, sessions, languages, error pages, health.

use crate::app::TestApp;
use store::{Db, on_both_backends};

on_both_backends!(headers_and_csrf, sessions_renew_and_end, languages, errors_and_health);

async fn headers_and_csrf(db: Db) {
    let app = TestApp::start(db).await;
    let b = app.browser();
    let home = b.get("/").await;
    let h = &home.headers;
    assert_eq!(h["x-content-type-options"], "nosniff");
    assert!(h["content-security-policy"].to_str().unwrap().contains("default-src 'self'"));
    assert_eq!(h["cache-control"], "no-store");
    assert_eq!(h["content-type"], "text/html; charset=utf-8");
    assert!(h.get("strict-transport-security").is_none(), "no HSTS without TLS");
    let cookie = h["set-cookie"].to_str().unwrap();
    assert!(cookie.contains("jt_csrf=") && cookie.contains("HttpOnly") && cookie.contains("SameSite=Strict"));

    // A form without the token, or with another browser's, changes nothing.
    app.user("anna@musterstadt.example", Some(app.city), &[], false).await;
    let p = b
        .post_raw(
            "/login",
            &"0".repeat(64),
            &[("email", "anna@musterstadt.example"), ("password", crate::app::PASSWORD)],
        )
        .await;
    assert_eq!(p.status, 403);
    assert!(p.body.contains("Formular abgelaufen"));
    assert_eq!(app.count("sessions").await, 0);
    let stranger = app.browser();
    let p = stranger
        .post_raw("/signup", &crate::app::csrf_of(&b.get("/signup").await.body), &[("email", "x@musterstadt.example")])
        .await;
    assert_eq!(p.status, 403, "a token from another browser's cookie is refused");
}

async fn sessions_renew_and_end(db: Db) {
    let app = TestApp::start(db).await;
    app.user("anna@musterstadt.example", Some(app.city), &[], false).await;
    let b = app.browser();
    b.login("anna@musterstadt.example").await;
    let profile = b.get("/profile").await;
    assert_eq!(profile.status, 200);
    assert!(profile.body.contains("Sitzung verlängern"));
    // A second login makes a second, new session id.
    b.login("anna@musterstadt.example").await;
    assert_eq!(app.count("sessions").await, 2);
    let p = b.post_form("/profile", "/logout", &[]).await;
    assert_eq!(p.status, 303);
    assert_eq!(app.count("sessions").await, 1, "logout ended this session");
    let p = b.get("/profile").await;
    assert_eq!(p.status, 303, "logged out, the profile asks for a login");
}

async fn languages(db: Db) {
    let app = TestApp::start(db).await;
    let client = reqwest::Client::new();
    let en = client
        .get(app.url("/"))
        .header("accept-language", "en-GB,en;q=0.9")
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(en.contains("<html lang=\"en\">") && en.contains("How it works"));
    let de =
        client.get(app.url("/")).header("accept-language", "fr, de;q=0.5").send().await.unwrap().text().await.unwrap();
    assert!(de.contains("<html lang=\"de\">") && de.contains("So funktioniert es"));
    let b = app.browser();
    let p = b.post_form("/", "/lang", &[("to", "en"), ("back", "/privacy")]).await;
    assert_eq!(p.location.as_deref(), Some("/privacy"));
    let p = b.get("/privacy").await;
    assert!(p.body.contains("Privacy statement"));
    let p = b.post_form("/", "/lang", &[("to", "de"), ("back", "//evil.example/")]).await;
    assert_eq!(p.location.as_deref(), Some("/"), "no redirect to another host");
    for path in ["/imprint", "/privacy", "/accessibility", "/easy-language"] {
        let p = b.get(path).await;
        assert_eq!(p.status, 200);
        for link in ["/imprint", "/privacy", "/accessibility"] {
            assert!(p.body.contains(&format!("href=\"{link}\"")), "{path} lacks the link to {link}");
        }
    }
}

async fn errors_and_health(db: Db) {
    let app = TestApp::start(db.clone()).await;
    let b = app.browser();
    let p = b.get("/gibt-es-nicht").await;
    assert_eq!(p.status, 404);
    assert!(p.body.contains("Nicht gefunden"));
    assert!(p.headers["content-type"].to_str().unwrap().starts_with("text/html"));
    let p = b.get("/healthz").await;
    assert_eq!(p.status, 200);
    db.close().await;
    let p = b.get("/healthz").await;
    assert_eq!(p.status, 503, "the database does not answer");
}
