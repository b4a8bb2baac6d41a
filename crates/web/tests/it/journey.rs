//! A new person's way in: sign-up, verification link, login, profile, search, person page.

use crate::app::{PASSWORD, TestApp};
use store::{Db, on_both_backends};

on_both_backends!(
    signup_verify_login_profile_search,
    bad_signup_writes_nothing,
    login_failures_pause_logins,
    password_reset_by_mail
);

/// The verification link from the newest mail to `to` in the outbox.
async fn link_in_mail(app: &TestApp, to: &str) -> String {
    let mails = store::outbox::to_recipient(&app.db, to).await.unwrap();
    let body = &mails.first().expect("a mail").body;
    let start = body.find(&app.base).expect("a link to this instance");
    body[start..].split_whitespace().next().unwrap().to_owned()
}

async fn signup_verify_login_profile_search(db: Db) {
    let app = TestApp::start(db).await;
    let other = app.user("eva.nowak@verband.example", Some(app.assoc), &[], false).await;
    let b = app.browser();

    let page = b.get("/signup").await;
    assert!(page.body.contains("Registrieren"));
    let p = b
        .post_form(
            "/signup",
            "/signup",
            &[
                ("email", "Anna.Schmidt@Musterstadt.example"),
                ("display_name", "Anna Schmidt"),
                ("password", PASSWORD),
                ("password_confirm", PASSWORD),
                ("privacy_accepted", "on"),
            ],
        )
        .await;
    assert_eq!(p.status, 200, "{}", p.body);
    assert!(p.body.contains("Bestätigungslink"));

    // Not verified yet: login refuses and sends a new link.
    let p =
        b.post_form("/login", "/login", &[("email", "anna.schmidt@musterstadt.example"), ("password", PASSWORD)]).await;
    assert_eq!(p.status, 422);
    assert!(p.body.contains("bestätigen Sie zuerst"));

    let link = link_in_mail(&app, "Anna.Schmidt@musterstadt.example").await;
    let path = link.trim_start_matches(&app.base);
    // Opening the link confirms nothing (mail filters open links); its button does.
    let p = b.get(path).await;
    assert_eq!(p.status, 200);
    assert!(p.body.contains("E-Mail-Adresse bestätigen"), "{}", p.body);
    let p =
        b.post_form("/login", "/login", &[("email", "anna.schmidt@musterstadt.example"), ("password", PASSWORD)]).await;
    assert_eq!(p.status, 422, "opening the link verified the address");
    let token = path.split("token=").nth(1).unwrap();
    let p = b.post_form(path, "/verify", &[("token", token)]).await;
    assert_eq!(p.status, 200, "{}", p.body);
    assert!(p.body.contains("Adresse bestätigt"));
    let used = b.get(path).await;
    assert_eq!(used.status, 400, "the link works once");
    assert!(used.body.contains("Link ungültig"));
    let again = b.post_form("/login", "/verify", &[("token", token)]).await;
    assert_eq!(again.status, 400, "a used link confirms nothing");

    b.login("anna.schmidt@musterstadt.example").await;
    let home = b.get("/").await;
    assert!(home.body.contains("Willkommen, Anna Schmidt"));

    // The profile: a wrong value is shown at its field and nothing is saved.
    let bad = b
        .post_form(
            "/profile",
            "/profile",
            &[("role_title", "Digitalisierungsbeauftragte"), ("unit", "Stab"), ("travel_radius_km", "viel")],
        )
        .await;
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("id=\"travel_radius_km-error\""));
    assert!(bad.body.contains("href=\"#travel_radius_km\""), "the error summary links to the field");
    assert_eq!(app.count("profiles").await, 0);
    let ok = b
        .post_form(
            "/profile",
            "/profile",
            &[
                ("role_title", "Digitalisierungsbeauftragte"),
                ("unit", "Stabsstelle Digitalisierung"),
                ("pay_grade", "a13"),
                ("topics", "Open Data, E-Akte"),
                ("wants_to_learn", "IT-Betrieb"),
                ("languages", "de, en"),
                ("availability", "2027-W07, 2027-W10"),
                ("travel_radius_km", "150"),
                ("open_to_swap", "on"),
            ],
        )
        .await;
    assert_eq!(ok.status, 303, "{}", ok.body);
    let form = b.get("/profile").await;
    assert!(form.body.contains("Ihr Profil ist gespeichert."));
    assert!(form.body.contains(r#"<option value="A 13" selected>"#), "the grade is chosen from the list");
    assert!(form.body.contains(r#"<option value="E 15Ü">"#), "the list follows the public pay scales");
    let open_at = form.body.find("name=\"open_to_swap\"").unwrap();
    assert!(open_at < form.body.find("name=\"role_title\"").unwrap(), "being open stands at the top");
    assert!(form.body.contains("nie Ihre E-Mail-Adresse"), "with who will see what");

    // Eva of the association finds Anna, sees her page, but never her address.
    store::profiles::save(
        &app.db,
        other,
        &domain::profile::Profile::parse(&domain::profile::ProfileInput {
            role_title: "Referentin".into(),
            unit: "Geschäftsstelle".into(),
            travel_radius_km: "100".into(),
            open_to_swap: true,
            ..Default::default()
        })
        .unwrap(),
        &crate::app::fx("p"),
    )
    .await
    .unwrap();
    let eva = app.browser();
    eva.login("eva.nowak@verband.example").await;
    let found = eva.get("/people?topic=open+data&week=2027-W07").await;
    assert_eq!(found.status, 200);
    assert!(found.body.contains("Anna Schmidt"), "{}", found.body);
    let none = eva.get("/people?topic=open+data&week=2027-W08").await;
    assert!(!none.body.contains("Anna Schmidt"));
    assert!(none.body.contains("Niemand passt zu diesen Filtern"), "an empty result says why");
    assert!(!none.body.contains("Sie selbst sind noch nicht offen"), "Eva is open");
    let bad = eva.get("/people?week=bald&kind=dorf").await;
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("id=\"week-error\"") && bad.body.contains("id=\"kind-error\""));
    let anna_id = store::users::account_by_email(&app.db, "anna.schmidt@musterstadt.example").await.unwrap().unwrap();
    let page = eva.get(&format!("/people/{anna_id}")).await;
    assert!(page.body.contains("Digitalisierungsbeauftragte"));
    assert!(page.body.contains("Offen für einen Jobtausch"));
    assert!(!page.body.to_lowercase().contains("anna.schmidt@"), "no e-mail address on another person's page");

    // Logged out, the same page asks for a login.
    let anon = app.browser();
    let p = anon.get(&format!("/people/{anna_id}")).await;
    assert_eq!(p.status, 303);
    assert!(p.location.unwrap().starts_with("/login?next="));
}

async fn bad_signup_writes_nothing(db: Db) {
    let app = TestApp::start(db).await;
    let b = app.browser();
    let users_before = app.count("users").await;
    let p = b
        .post_form(
            "/signup",
            "/signup",
            &[
                ("email", "jemand@gmail.example"),
                ("display_name", "J"),
                ("password", "kurz"),
                ("password_confirm", "anders"),
            ],
        )
        .await;
    assert_eq!(p.status, 422);
    for field in ["email", "display_name", "password", "privacy_accepted"] {
        assert!(p.body.contains(&format!("href=\"#{field}\"")), "no error for {field}");
    }
    assert!(p.body.contains("Mindestens 12 Zeichen"));
    let p = b
        .post_form(
            "/signup",
            "/signup",
            &[
                ("email", "jemand@gmail.example"),
                ("display_name", "Jemand"),
                ("password", PASSWORD),
                ("password_confirm", PASSWORD),
                ("privacy_accepted", "on"),
            ],
        )
        .await;
    assert_eq!(p.status, 422);
    assert!(p.body.contains("gehört zu keiner Organisation im Netzwerk"));
    assert_eq!(app.count("users").await, users_before);
    assert_eq!(app.count("outbox").await, 0);

    // An address that has an account gets a notice by mail, not a second account; the page
    // says the same as for a new address.
    app.user("vorhanden@musterstadt.example", Some(app.city), &[], false).await;
    let p = b
        .post_form(
            "/signup",
            "/signup",
            &[
                ("email", "vorhanden@musterstadt.example"),
                ("display_name", "Noch Mal"),
                ("password", PASSWORD),
                ("password_confirm", PASSWORD),
                ("privacy_accepted", "on"),
            ],
        )
        .await;
    assert_eq!(p.status, 200);
    let mails = store::outbox::to_recipient(&app.db, "vorhanden@musterstadt.example").await.unwrap();
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].kind, "already");
}

async fn login_failures_pause_logins(db: Db) {
    let app = TestApp::start(db).await;
    app.user("anna@musterstadt.example", Some(app.city), &[], false).await;
    let b = app.browser();
    for _ in 0..4 {
        let p = b
            .post_form("/login", "/login", &[("email", "anna@musterstadt.example"), ("password", "falsches-passwort")])
            .await;
        assert_eq!(p.status, 422);
        assert!(p.body.contains("E-Mail-Adresse oder Passwort sind falsch"));
    }
    let p = b
        .post_form("/login", "/login", &[("email", "anna@musterstadt.example"), ("password", "falsches-passwort")])
        .await;
    assert_eq!(p.status, 429);
    // Paused: even the right password does not get in now.
    let p = b.post_form("/login", "/login", &[("email", "anna@musterstadt.example"), ("password", PASSWORD)]).await;
    assert_eq!(p.status, 429);
}

async fn password_reset_by_mail(db: Db) {
    let app = TestApp::start(db).await;
    app.user("anna@musterstadt.example", Some(app.city), &[], false).await;
    let old_session = app.browser();
    old_session.login("anna@musterstadt.example").await;

    let b = app.browser();
    let unknown =
        b.post_form("/password/forgot", "/password/forgot", &[("email", "niemand@musterstadt.example")]).await;
    let known = b.post_form("/password/forgot", "/password/forgot", &[("email", "Anna@musterstadt.example")]).await;
    assert_eq!((unknown.status, known.status), (200, 200));
    assert_eq!(
        unknown.body.replace("niemand@musterstadt.example", "X"),
        known.body.replace("Anna@musterstadt.example", "X"),
        "the answer does not tell who has an account"
    );
    assert!(store::outbox::to_recipient(&app.db, "niemand@musterstadt.example").await.unwrap().is_empty());
    let bad = b.post_form("/password/forgot", "/password/forgot", &[("email", "kein mail")]).await;
    assert_eq!(bad.status, 422);

    let link = link_in_mail(&app, "anna@musterstadt.example").await;
    let path = link.trim_start_matches(&app.base).to_owned();
    assert!(path.starts_with("/password/reset?token="));
    let form = b.get(&path).await;
    assert_eq!(form.status, 200);
    let token = path.trim_start_matches("/password/reset?token=");
    let p = b
        .post_form(
            &path,
            "/password/reset",
            &[("token", token), ("password", "ganz-neues-passwort"), ("password_confirm", "anders")],
        )
        .await;
    assert_eq!(p.status, 422);
    assert!(p.body.contains("id=\"password_confirm-error\""));
    let p = b
        .post_form(
            &path,
            "/password/reset",
            &[("token", token), ("password", "ganz-neues-passwort"), ("password_confirm", "ganz-neues-passwort")],
        )
        .await;
    assert_eq!(p.status, 303);
    assert_eq!(old_session.get("/profile").await.status, 303, "every old session ended");
    let notice = store::outbox::to_recipient(&app.db, "anna@musterstadt.example").await.unwrap();
    assert_eq!(notice[0].kind, "notice", "the owner is told by mail");
    let p =
        b.post_form("/", "/login", &[("email", "anna@musterstadt.example"), ("password", "ganz-neues-passwort")]).await;
    assert_eq!(p.status, 303);
    assert_eq!(b.get(&path).await.status, 400, "a reset link works once");
}
