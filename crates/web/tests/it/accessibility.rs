//! "Barriere melden": anyone reports a barrier (no sign-in, with or without an address); the
//! report reaches the accessibility contact by mail and the organisers' list with its age and
//! deadline; they mark it answered; the worker reminds the contact once, a week before the
//! deadline; a flood is stopped.

use crate::app::TestApp;
use store::{Db, on_both_backends};

on_both_backends!(a_barrier_is_reported_answered_and_reminded_of);

fn legal(statement_date: &str) -> app::legal::LegalInput {
    app::legal::LegalInput {
        operator_name: "Stadt Musterstadt".into(),
        operator_address: "Markt 1\n12345 Musterstadt".into(),
        contact_email: "kontakt@musterstadt.example".into(),
        content_responsible: "Stadt Musterstadt".into(),
        dpo_contact: "datenschutz@musterstadt.example".into(),
        supervisory_authority: "Landesbeauftragte für Datenschutz".into(),
        conformance: "partial".into(),
        statement_date: statement_date.into(),
        accessibility_email: "barrierefrei@musterstadt.example".into(),
        enforcement_body: "Schlichtungsstelle nach § 16 BGG".into(),
        ..Default::default()
    }
}

async fn a_barrier_is_reported_answered_and_reminded_of(db: Db) {
    let t = TestApp::start(db).await;
    let organiser_id = t.user("orga@verband.example", Some(t.assoc), &[], true).await;
    t.user("anna@musterstadt.example", Some(t.city), &[], false).await;
    let app = app::App::new(t.db.clone(), app::Config::new(&t.base));
    let organiser = store::users::account(&t.db, organiser_id).await.unwrap();
    app::legal::save(&app, &organiser.actor(), &legal(&app::today().to_string())).await.unwrap();

    // Every page links to the form, with the page filled in; the statement links to it too.
    let visitor = t.browser();
    let start = visitor.get("/").await;
    assert!(start.body.contains("/accessibility/report?page="), "the footer links to the form");
    let statement = visitor.get("/accessibility").await;
    assert!(statement.body.contains("/accessibility/report") && statement.body.contains("Schlichtungsstelle"));
    let form = visitor.get("/accessibility/report?page=%2Fswaps").await;
    assert_eq!(form.status, 200);
    assert!(form.body.contains("value=\"/swaps\""), "the page is filled in");

    // Nothing described: refused at the field, nothing kept.
    let refused =
        visitor.post_form("/accessibility/report", "/accessibility/report", &[("barrier_page", "/swaps")]).await;
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("id=\"barrier_description-error\""));
    assert_eq!(t.count("accessibility_reports").await, 0);

    // Anonymous: kept, the contact is told; with an address: a receipt goes there too.
    let anon = [
        ("barrier_page", "/swaps"),
        ("barrier_description", "Der Knopf „Vorschlagen“ ist mit der Tastatur nicht erreichbar."),
    ];
    let thanks = visitor.post_form("/accessibility/report", "/accessibility/report", &anon).await;
    assert_eq!(thanks.status, 200, "{}", thanks.body);
    assert!(thanks.body.contains("können wir Ihnen nicht antworten"));
    let with_address = [
        ("barrier_page", "/profile"),
        ("barrier_description", "Die Fehlermeldung wird vom Screenreader nicht vorgelesen."),
        ("reply_email", "leser@example.org"),
    ];
    let thanks = visitor.post_form("/accessibility/report", "/accessibility/report", &with_address).await;
    assert!(thanks.body.contains("Wir antworten Ihnen bis spätestens"));
    let to_contact = store::outbox::to_recipient(&t.db, "barrierefrei@musterstadt.example").await.unwrap();
    assert_eq!(to_contact.len(), 2);
    assert!(to_contact.iter().any(|m| m.body.contains("Tastatur") && m.body.contains("ohne Adresse")));
    assert_eq!(store::outbox::to_recipient(&t.db, "leser@example.org").await.unwrap().len(), 1);

    // The organisers' list: age and deadline; others may not see it.
    let anna = t.browser();
    anna.login("anna@musterstadt.example").await;
    assert_eq!(anna.get("/accessibility/reports").await.status, 403);
    let orga = t.browser();
    orga.login("orga@verband.example").await;
    let list = orga.get("/accessibility/reports").await;
    assert_eq!(list.status, 200);
    assert!(list.body.contains("heute") && list.body.contains("leser@example.org"), "{}", list.body);
    let deadline = app::i18n::local_date(store::now().checked_add_months(chrono::Months::new(1)).unwrap());
    assert!(list.body.contains(&deadline), "the deadline {deadline} is shown");

    // The worker reminds a week before the deadline, once (the clock moved by moving the report).
    assert_eq!(app::accessibility::run_reminders(&app).await.unwrap(), 0, "a month is left");
    let soon = (store::now() + chrono::Duration::days(5)).to_rfc3339();
    store::testing::execute(
        &t.db,
        &format!("UPDATE accessibility_reports SET deadline = '{soon}' WHERE page = '/swaps'"),
    )
    .await;
    assert_eq!(app::accessibility::run_reminders(&app).await.unwrap(), 1);
    assert_eq!(app::accessibility::run_reminders(&app).await.unwrap(), 0, "once");
    let to_contact = store::outbox::to_recipient(&t.db, "barrierefrei@musterstadt.example").await.unwrap();
    assert!(to_contact.iter().any(|m| m.subject.contains("Frist")), "the reminder");

    // Marked answered, once.
    let id = {
        let marker = "action=\"/accessibility/reports/";
        let i = list.body.find(marker).unwrap() + marker.len();
        list.body[i..i + 36].to_owned()
    };
    let done = orga
        .post_form(
            "/accessibility/reports",
            &format!("/accessibility/reports/{id}/answered"),
            &[("answer_note", "Per E-Mail geantwortet")],
        )
        .await;
    assert_eq!(done.status, 303);
    let again = orga.post_form("/accessibility/reports", &format!("/accessibility/reports/{id}/answered"), &[]).await;
    assert_eq!(again.status, 409);
    let list = orga.get("/accessibility/reports").await;
    assert!(list.body.contains("Per E-Mail geantwortet"));
    assert!(t.count("audit_log").await > 0);

    // A flood is stopped without a CAPTCHA: 429 once 30 came within ten minutes.
    for _ in 0..28 {
        visitor.post_form("/accessibility/report", "/accessibility/report", &anon).await;
    }
    let stopped = visitor.post_form("/accessibility/report", "/accessibility/report", &anon).await;
    assert_eq!(stopped.status, 429);
    assert_eq!(t.count("accessibility_reports").await, 30);
}
