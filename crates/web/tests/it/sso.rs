//! Single sign-on without a provider to talk to: which way the login goes for an address, the
//! password refused where the organisation allows only its provider, a provider that cannot be
//! reached, answers this browser never asked for, and who may register a provider. The journey
//! with real providers is in the browser suite (e2e/tests/sso.test.js).

use crate::app::{PASSWORD, TestApp, fx};
use domain::access::OrgRole;
use store::sso::ProviderDraft;
use store::{Db, on_both_backends};

on_both_backends!(the_login_goes_where_the_address_belongs, only_admins_register_a_provider_that_answers);

/// An address on this machine where nothing listens.
async fn nobody_listens() -> String {
    let l = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    format!("http://{}", l.local_addr().unwrap())
}

async fn the_login_goes_where_the_address_belongs(db: Db) {
    let t = TestApp::start(db).await;
    let admin = t.user("admin@musterstadt.example", Some(t.city), &[OrgRole::OrgAdmin], false).await;
    t.user("anna@musterstadt.example", Some(t.city), &[], false).await;
    t.user("vera@verband.example", Some(t.assoc), &[], false).await;
    let b = t.browser();

    // Step one asks for the address alone; an address without a provider is asked its password.
    let first = b.get("/login").await;
    assert!(first.body.contains("name=\"email\"") && !first.body.contains("name=\"password\""));
    let step = b.post_form("/login", "/login", &[("email", "vera@verband.example")]).await;
    assert_eq!(step.status, 200);
    assert!(step.body.contains("name=\"password\"") && !step.body.contains("/login/sso"), "{}", step.body);

    // The city's provider allows passwords too: both ways are offered.
    let draft = ProviderDraft {
        issuer: nobody_listens().await,
        client_id: "jobtausch".into(),
        client_secret: Some("geheim".into()),
        password_allowed: true,
        domains: vec!["musterstadt.example".into()],
    };
    store::sso::save_provider(&t.db, t.city, &draft, admin, &fx("saved")).await.unwrap();
    let step = b.post_form("/login", "/login", &[("email", "anna@musterstadt.example")]).await;
    assert_eq!(step.status, 200);
    assert!(step.body.contains("Mit dem Dienstkonto bei Stadt Musterstadt anmelden"), "{}", step.body);
    assert!(step.body.contains("name=\"password\""));

    // The provider is down: a page that says so, not a 500, and nothing written.
    let attempts = t.count("sso_attempts").await;
    let down = b.post_form("/login", "/login/sso", &[("email", "anna@musterstadt.example")]).await;
    assert_eq!(down.status, 502, "{}", down.body);
    assert!(down.body.contains("Anmeldung nicht möglich") && down.body.contains("gerade nicht erreichbar"));
    assert_eq!(t.count("sso_attempts").await, attempts);

    // Passwords off: step one goes to the provider (here: says it is down), and a password
    // sent anyway is refused at the address, with no session.
    let only_provider = ProviderDraft { password_allowed: false, client_secret: None, ..draft };
    store::sso::save_provider(&t.db, t.city, &only_provider, admin, &fx("saved")).await.unwrap();
    let down = b.post_form("/login", "/login", &[("email", "anna@musterstadt.example")]).await;
    assert_eq!(down.status, 502);
    let sessions = t.count("sessions").await;
    let refused =
        b.post_form("/login", "/login", &[("email", "anna@musterstadt.example"), ("password", PASSWORD)]).await;
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("meldet Sie über ihren Anmeldedienst an"), "{}", refused.body);
    assert_eq!(t.count("sessions").await, sessions);
    // Nor does a sign-up with a password make an account there: the first sign-in does.
    let signup = [
        ("email", "neu@musterstadt.example"),
        ("display_name", "Neu"),
        ("password", PASSWORD),
        ("password_confirm", PASSWORD),
        ("privacy_accepted", "on"),
    ];
    let users = t.count("users").await;
    let refused = b.post_form("/signup", "/signup", &signup).await;
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("Ihr Konto wird dort angelegt"), "{}", refused.body);
    assert_eq!(t.count("users").await, users);
    // Another organisation's people are not concerned, even one whose address has the city's
    // domain (invited into the association): a domain is no claim on other organisations'
    // accounts.
    b.login("vera@verband.example").await;
    t.user("gast@musterstadt.example", Some(t.assoc), &[], false).await;
    let guest = t.browser();
    let step = guest.post_form("/login", "/login", &[("email", "gast@musterstadt.example")]).await;
    assert_eq!(step.status, 200);
    assert!(step.body.contains("name=\"password\"") && !step.body.contains("/login/sso"), "{}", step.body);
    guest.login("gast@musterstadt.example").await;

    // An answer this browser never set off, and a confirmation without an answer: refused.
    let fresh = t.browser();
    let forged = fresh.get("/sso/callback?state=erfunden&code=x").await;
    assert_eq!(forged.status, 400);
    assert!(forged.body.contains("abgelaufen oder wurde schon verwendet"));
    assert_eq!(fresh.get("/sso/confirm").await.status, 400);
}

async fn only_admins_register_a_provider_that_answers(db: Db) {
    let t = TestApp::start(db).await;
    t.user("admin@musterstadt.example", Some(t.city), &[OrgRole::OrgAdmin], false).await;
    t.user("anna@musterstadt.example", Some(t.city), &[], false).await;
    let page = format!("/orgs/{}/sso", t.city);

    let anna = t.browser();
    anna.login("anna@musterstadt.example").await;
    assert_eq!(anna.get(&page).await.status, 403);

    let admin = t.browser();
    admin.login("admin@musterstadt.example").await;
    let form = admin.get(&page).await;
    assert_eq!(form.status, 200);
    assert!(form.body.contains(&format!("{}/sso/callback", t.base)), "the redirect address to register is shown");
    let save = |issuer: String| {
        let admin = &admin;
        let page = page.clone();
        async move {
            let fields = [
                ("issuer", issuer.as_str()),
                ("client_id", "jobtausch"),
                ("client_secret", "geheim"),
                ("covered_domains", "musterstadt.example"),
            ];
            admin.post_form(&page, &page, &fields).await
        }
    };
    let plain = save("http://login.musterstadt.example/realms/x".into()).await;
    assert_eq!(plain.status, 422, "only https (or this machine's loopback)");
    let silent = save(nobody_listens().await).await;
    assert_eq!(silent.status, 422);
    assert!(silent.body.contains("antwortet kein Anmeldedienst"), "{}", silent.body);
    assert_eq!(t.count("identity_providers").await, 0, "nothing saved");
    // Someone else's organisation is not theirs to configure.
    assert_eq!(admin.get(&format!("/orgs/{}/sso", t.assoc)).await.status, 403);
}
