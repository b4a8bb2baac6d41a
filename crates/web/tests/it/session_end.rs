//! When a session ends (WCAG 2.2.1): the warning's script extends it without a page (204); and
//! without scripts, a form sent after the end keeps its input through the login and is sent on
//! from there, with the new session's token; a password is never carried.

use crate::app::{PASSWORD, TestApp, csrf_of};
use store::{Db, on_both_backends};

on_both_backends!(a_form_sent_after_the_session_ended_survives_the_login);

/// The value of a hidden field of a page.
fn hidden(html: &str, name: &str) -> String {
    let marker = format!("name=\"{name}\" value=\"");
    let i = html.find(&marker).unwrap_or_else(|| panic!("no {name} in {html}")) + marker.len();
    html[i..i + html[i..].find('"').unwrap()].replace("&amp;", "&").replace("&#x3D;", "=").replace("&#61;", "=")
}

async fn a_form_sent_after_the_session_ended_survives_the_login(db: Db) {
    let t = TestApp::start(db).await;
    t.user("anna@musterstadt.example", Some(t.city), &[], false).await;
    let b = t.browser();
    b.login("anna@musterstadt.example").await;

    // The script's extension: 204, no page.
    let page = b.get("/tokens").await;
    let csrf = csrf_of(&page.body);
    let extended = b.post_raw("/session/extend", &csrf, &[("reply", "none")]).await;
    assert_eq!(extended.status, 204);

    // The session ends while the form is open; the form is sent.
    store::testing::execute(&t.db, "DELETE FROM sessions").await;
    let sent = b.post_raw("/tokens", &csrf, &[("name", "Auswertung Quartal")]).await;
    assert_eq!(sent.status, 401, "the login, not a lost form");
    assert!(sent.body.contains("Ihre Eingaben sind aufbewahrt"), "{}", sent.body);
    assert_eq!(hidden(&sent.body, "carry_action"), "/tokens");
    assert!(hidden(&sent.body, "carry_fields").contains("Auswertung"));
    assert!(!hidden(&sent.body, "carry_fields").contains("csrf"));
    assert_eq!(t.count("api_tokens").await, 0);

    // Step one, then the password: the input goes along, and a page sends it on.
    let login_csrf = csrf_of(&sent.body);
    let carry = [("carry_action", "/tokens".to_owned()), ("carry_fields", hidden(&sent.body, "carry_fields"))];
    let step = b
        .post_raw(
            "/login",
            &login_csrf,
            &[("email", "anna@musterstadt.example"), ("carry_action", &carry[0].1), ("carry_fields", &carry[1].1)],
        )
        .await;
    assert_eq!(step.status, 200);
    assert_eq!(hidden(&step.body, "carry_action"), "/tokens");
    let resumed = b
        .post_raw(
            "/login",
            &csrf_of(&step.body),
            &[
                ("email", "anna@musterstadt.example"),
                ("password", PASSWORD),
                ("carry_action", &hidden(&step.body, "carry_action")),
                ("carry_fields", &hidden(&step.body, "carry_fields")),
            ],
        )
        .await;
    assert_eq!(resumed.status, 200);
    assert!(resumed.body.contains("Sie sind wieder angemeldet"));
    assert!(resumed.body.contains("action=\"/tokens\""));
    assert_eq!(hidden(&resumed.body, "name"), "Auswertung Quartal");
    assert!(!resumed.body.contains(PASSWORD), "the password is not carried");

    // Sent on with the new session's token: the token exists.
    let done = b.post_raw("/tokens", &csrf_of(&resumed.body), &[("name", &hidden(&resumed.body, "name"))]).await;
    assert_eq!(done.status, 200, "{}", done.body);
    assert_eq!(t.count("api_tokens").await, 1);

    // Another site's form (its own Origin, no token of ours) is never carried: straight to the
    // login, with nothing of it.
    store::testing::execute(&t.db, "DELETE FROM sessions").await;
    let foreign = b
        .client
        .post(t.url("/tokens"))
        .header("Origin", "https://boese.example")
        .form(&[("csrf", "erfunden"), ("name", "vom Angreifer")])
        .send()
        .await
        .unwrap();
    assert_eq!(foreign.status(), 303);
    assert!(foreign.headers()["location"].to_str().unwrap().starts_with("/login"));
    let forged = b.post_raw("/tokens", "erfunden", &[("name", "vom Angreifer")]).await;
    assert_eq!(forged.status, 303, "a wrong token is not carried either");
    b.login("anna@musterstadt.example").await;
    let done = b.get("/tokens").await;

    // A password typed into a form is never carried.
    store::testing::execute(&t.db, "DELETE FROM sessions").await;
    let sent = b.post_raw("/tokens", &csrf_of(&done.body), &[("name", "x"), ("password", "geheim-geheim")]).await;
    assert_eq!(sent.status, 401);
    assert!(!sent.body.contains("geheim-geheim"));
}
