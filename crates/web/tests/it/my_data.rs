//! "Meine Daten": the page shows every section in words (both languages have every heading),
//! reading it writes nothing; the download (page and API) is a JSON file, and is recorded.

use crate::app::TestApp;
use serde_json::Value;
use store::{Db, on_both_backends};

on_both_backends!(a_person_reads_and_downloads_their_data);

async fn a_person_reads_and_downloads_their_data(db: Db) {
    let t = TestApp::start(db).await;
    let anna = t.user("anna@musterstadt.example", Some(t.city), &[], false).await;
    t.user("eva@verband.example", Some(t.assoc), &[], false).await;
    let b = t.browser();
    b.login("anna@musterstadt.example").await;

    // Nobody signed in: the login.
    assert_eq!(t.browser().get("/me/data").await.status, 303);

    let audit = t.count("audit_log").await;
    let page = b.get("/me/data").await;
    assert_eq!(page.status, 200);
    assert_eq!(t.count("audit_log").await, audit, "reading one's data writes nothing");
    for words in ["Meine Daten", "Konto", "Anmeldungen (Sitzungen)", "anna@musterstadt.example", "Stadt Musterstadt"] {
        assert!(page.body.contains(words), "{words} missing");
    }
    assert!(!page.body.contains("eva@verband.example"), "nobody else's address");

    // Every section and column of the export has its words, in both languages.
    let me = store::users::account(&t.db, anna).await.unwrap();
    let data = app::privacy::my_data(&app::App::new(t.db.clone(), app::Config::new(&t.base)), &me).await.unwrap();
    assert!(!page.body.contains("/password/reset?token=") || page.body.contains("[entfernt]"));
    for lang in [domain::values::Locale::De, domain::values::Locale::En] {
        for s in &data.sections {
            assert!(app::i18n::try_t(lang, &format!("data-section-{}", s.key)).is_some(), "{lang:?}: {}", s.key);
            for c in &s.columns {
                assert!(app::i18n::try_t(lang, &format!("data-col-{c}")).is_some(), "{lang:?}: {c}");
            }
        }
    }

    // A password reset asked for (by someone with her session or token): its link's secret is
    // not in the export.
    let app = app::App::new(t.db.clone(), app::Config::new(&t.base));
    app::account::request_password_reset(&app, "anna@musterstadt.example").await.unwrap();
    let mails = store::outbox::to_recipient(&t.db, "anna@musterstadt.example").await.unwrap();
    let reset = mails.iter().find(|m| m.body.contains("/password/reset?token=")).unwrap();
    let secret: String =
        reset.body.split("token=").nth(1).unwrap().chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
    assert!(secret.len() >= 32);
    let audit = t.count("audit_log").await;

    // The download: a JSON file, recorded in the audit log.
    let file = b.post_form("/me/data", "/me/data/export", &[]).await;
    assert_eq!(file.status, 200);
    assert_eq!(file.headers["content-type"], "application/json");
    assert!(file.headers["content-disposition"].to_str().unwrap().starts_with("attachment; filename=\"meine-daten-"));
    let json: Value = serde_json::from_str(&file.body).unwrap();
    assert_eq!(json["sections"]["account"][0]["email"], "anna@musterstadt.example");
    assert!(json["sections"]["sessions"].as_array().unwrap().len() == 1, "the session, without its secret");
    assert!(!file.body.contains("token_hash") && !file.body.contains(&secret), "no secrets");
    assert!(file.body.contains("token=[entfernt]"), "the mail is there, without its secret");
    assert_eq!(t.count("audit_log").await, audit + 1);

    // The same through the API.
    let token = crate::api::token_for(&t, "anna@musterstadt.example").await;
    let c = reqwest::Client::new();
    let res = c.post(t.url("/api/me/export")).bearer_auth(&token).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let json: Value = res.json().await.unwrap();
    assert_eq!(json["sections"]["api_tokens"][0]["name"], "Skript");
}
