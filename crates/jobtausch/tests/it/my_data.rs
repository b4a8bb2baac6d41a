//! "Meine Daten" on the demo: for every demo person, every row of every column that points at
//! them ([`store::privacy::PERSON_COLUMNS`], which a store test keeps complete against the
//! schema) shows in their export; and the demo (with what this test adds) has such rows in
//! every one of those columns, so that none goes untested.

use std::collections::HashSet;
use store::privacy::PERSON_COLUMNS;
use store::{Db, on_both_backends};
use uuid::Uuid;

on_both_backends!(every_row_about_a_person_is_in_their_export);

/// How many rows of `table` point at the person through `column`.
async fn rows_about(db: &Db, table: &str, column: &str, id: Uuid, email: &str) -> i64 {
    let by_text = match column {
        "recipient" | "email" | "email_norm" | "admin_email" => Some(email.to_owned()),
        "object_id" => Some(id.to_string()),
        _ => None,
    };
    let lhs = if matches!(column, "recipient" | "email" | "admin_email") {
        format!("LOWER({column})")
    } else {
        column.to_owned()
    };
    let sql = format!("SELECT COUNT(*) FROM {table} WHERE {lhs} = $1");
    match (db, by_text) {
        (Db::Sqlite(p), Some(t)) => sqlx::query_scalar(&sql).bind(t).fetch_one(p).await.unwrap(),
        (Db::Sqlite(p), None) => sqlx::query_scalar(&sql).bind(id).fetch_one(p).await.unwrap(),
        (Db::Postgres(p), Some(t)) => sqlx::query_scalar(&sql).bind(t).fetch_one(p).await.unwrap(),
        (Db::Postgres(p), None) => sqlx::query_scalar(&sql).bind(id).fetch_one(p).await.unwrap(),
    }
}

async fn every_row_about_a_person_is_in_their_export(db: Db) {
    let app = app::App::new(db.clone(), app::Config::new("http://127.0.0.1"));
    jobtausch::demo::seed(&app).await.unwrap();
    more_than_the_demo(&app, &db).await;

    let people: Vec<(Uuid, String)> = match &db {
        Db::Sqlite(p) => sqlx::query_as("SELECT id, email_norm FROM users").fetch_all(p).await.unwrap(),
        Db::Postgres(p) => sqlx::query_as("SELECT id, email_norm FROM users").fetch_all(p).await.unwrap(),
    };
    let mut seen = HashSet::new();
    for (id, email) in &people {
        let me = store::users::account(&db, domain::UserId(*id)).await.unwrap();
        let data = app::privacy::my_data(&app, &me).await.unwrap();
        let json = data.to_json();
        for (table, column, key) in PERSON_COLUMNS {
            let n = rows_about(&db, table, column, *id, email).await;
            if n == 0 {
                continue;
            }
            seen.insert((*table, *column));
            let section = data.sections.iter().find(|s| s.key == *key).unwrap();
            assert!(!section.rows.is_empty(), "{email}: {n} rows of {table}.{column}, none in the section {key}");
            let rows = json["sections"][*key].as_array().unwrap();
            assert_eq!(rows.len(), section.rows.len(), "{email}: the file holds what the page shows");
        }
    }
    let unseen: Vec<_> = PERSON_COLUMNS.iter().filter(|(t, c, _)| !seen.contains(&(*t, *c))).collect();
    assert!(unseen.is_empty(), "no demo person has rows here, so their export is untested: {unseen:?}");
}

/// Rows the demo leaves empty, made the way people make them where that is short, and written
/// directly for a week's check-in, feedback and a delegated approval.
pub(crate) async fn more_than_the_demo(app: &app::App, db: &Db) {
    use domain::values::Locale;
    let account = |email: &'static str| async move {
        let id = store::users::account_by_email(db, email).await.unwrap().unwrap();
        store::users::account(db, id).await.unwrap()
    };
    let dieter = account("dieter.krause@musterstadt.example").await;
    let organiser = account("koordination@jobtausch.example").await;
    let password = jobtausch::demo::DEMO_PASSWORD;
    // A session, a failed login, a reset link, an API token.
    app::account::login(app, Locale::De, &dieter.email, password).await.unwrap();
    assert!(app::account::login(app, Locale::De, &organiser.email, "falsch-falsch").await.is_err());
    app::account::request_password_reset(app, &dieter.email).await.unwrap();
    app::tokens::create(app, &dieter, "Auswertung").await.unwrap();
    // An invitation sent by the city's admin, to someone who has an account already.
    let city = dieter.org_id.unwrap();
    let invite =
        app::orgs::InvitationInput { email: "anna.schmidt@musterstadt.example".into(), role: "approver".into() };
    app::orgs::invite(app, &dieter, Locale::De, city, &invite).await.unwrap();
    // A template of the city's, a matching round, a provider with a linked person.
    let template = app::orgs::TemplateInput {
        lang: "de".into(),
        title: "Vereinbarung der Stadt".into(),
        body: "Absatz eins.\n\nAbsatz zwei für {names}.".into(),
    };
    app::orgs::add_template(app, &dieter.actor(), city, &template).await.unwrap();
    let round = app::rounds::RoundInput {
        from: "2030-W10".into(),
        to: "2030-W12".into(),
        max_cycle: "3".into(),
        time_limit: "5".into(),
    };
    app::rounds::queue(app, &organiser.actor(), &round).await.unwrap();
    let provider = store::sso::ProviderDraft {
        issuer: "https://login.musterstadt.example".into(),
        client_id: "jobtausch".into(),
        client_secret: Some("geheim".into()),
        password_allowed: true,
        domains: vec!["musterstadt.example".into()],
    };
    let fx = || store::Effects::audit(store::AuditEntry::new(None, "test", "test", "-"));
    store::sso::save_provider(db, city, &provider, dieter.id, &fx()).await.unwrap();
    let answer = store::sso::Answer {
        org_id: city,
        subject: "sub-dieter".into(),
        email: dieter.email.clone(),
        display_name: dieter.display_name.clone(),
        link_user: Some(dieter.id),
        next: "/".into(),
    };
    store::sso::hold_answer(db, "held-1", &answer, store::now() + chrono::Duration::minutes(10)).await.unwrap();
    store::sso::hold_answer(db, "held-2", &answer, store::now() + chrono::Duration::minutes(10)).await.unwrap();
    store::sso::link(db, "held-1", dieter.id, &answer, &fx()).await.unwrap();
    // A report of a barrier by Dieter, answered by the organiser.
    let report = app::accessibility::ReportInput {
        page: "/swaps".into(),
        description: "Kontrast zu gering".into(),
        email: dieter.email.clone(),
    };
    app::accessibility::report(app, Locale::De, &report).await.unwrap();
    let id: Uuid = match db {
        Db::Sqlite(p) => sqlx::query_scalar("SELECT id FROM accessibility_reports").fetch_one(p).await.unwrap(),
        Db::Postgres(p) => sqlx::query_scalar("SELECT id FROM accessibility_reports").fetch_one(p).await.unwrap(),
    };
    app::accessibility::mark_answered(app, &organiser.actor(), id, "Behoben").await.unwrap();
    // A check-in and feedback on a demo swap, and an approval delegated to Dieter.
    let swap: Uuid = match db {
        Db::Sqlite(p) => sqlx::query_scalar("SELECT swap_id FROM swap_members LIMIT 1").fetch_one(p).await.unwrap(),
        Db::Postgres(p) => sqlx::query_scalar("SELECT swap_id FROM swap_members LIMIT 1").fetch_one(p).await.unwrap(),
    };
    let member: Uuid = match db {
        Db::Sqlite(p) => sqlx::query_scalar("SELECT user_id FROM swap_members WHERE swap_id = $1")
            .bind(swap)
            .fetch_one(p)
            .await
            .unwrap(),
        Db::Postgres(p) => sqlx::query_scalar("SELECT user_id FROM swap_members WHERE swap_id = $1")
            .bind(swap)
            .fetch_one(p)
            .await
            .unwrap(),
    };
    let now = store::now();
    let statements = [
        "INSERT INTO swap_checkins (swap_id, user_id, day, status, note, created_at) VALUES ($1, $2, '2030-03-04', 'help', 'Zugang fehlt', $4)",
        "INSERT INTO swap_feedback (swap_id, org_id, author_id, body, created_at) VALUES ($1, $3, $2, 'Gern wieder.', $4)",
    ];
    for sql in statements {
        match db {
            Db::Sqlite(p) => {
                sqlx::query(sql).bind(swap).bind(member).bind(city.0).bind(now).execute(p).await.unwrap();
            }
            Db::Postgres(p) => {
                sqlx::query(sql).bind(swap).bind(member).bind(city.0).bind(now).execute(p).await.unwrap();
            }
        };
    }
    // A new version of the framework agreement; an employer's application, asked about and
    // approved by the organiser, whose first admin then signs up.
    let o = organiser.actor();
    app::network::add_framework(app, &o, "Rahmenvereinbarung", "Neu gefasst.").await.unwrap();
    let fields = app::network::ApplicationFields {
        name: "Gemeinde Neudorf".into(),
        kind: "city".into(),
        region: "BY".into(),
        domains: "neudorf.example".into(),
        admin_name: "Mara Neumann".into(),
        admin_email: "mara.neumann@neudorf.example".into(),
        framework_version: "2".into(),
        accept_framework: true,
        ..Default::default()
    };
    app::network::apply(app, Locale::De, &fields).await.unwrap();
    let mail = &store::outbox::to_recipient(db, "mara.neumann@neudorf.example").await.unwrap()[0].body;
    let secret = mail[mail.find("/join/").unwrap() + 6..].split_whitespace().next().unwrap().to_owned();
    app::network::confirm(app, &secret).await.unwrap();
    let application = app::network::queue(app, &o).await.unwrap()[0].id;
    app::network::ask(app, &o, application, "Wer vertritt die Gemeinde?").await.unwrap();
    app::network::approve(app, &o, application).await.unwrap();
    let signup = app::account::SignupInput {
        email: "mara.neumann@neudorf.example".into(),
        display_name: "Mara Neumann".into(),
        password: password.into(),
        password_confirm: password.into(),
        privacy_accepted: true,
        invitation: None,
    };
    app::account::signup(app, Locale::De, &signup).await.unwrap();
    let delegate =
        "UPDATE swap_approvals SET delegate_id = $1 WHERE swap_id = (SELECT swap_id FROM swap_approvals LIMIT 1)";
    match db {
        Db::Sqlite(p) => {
            sqlx::query(delegate).bind(dieter.id.0).execute(p).await.unwrap();
        }
        Db::Postgres(p) => {
            sqlx::query(delegate).bind(dieter.id.0).execute(p).await.unwrap();
        }
    };
    // Ingo's story, approved by Karl and both press offices, with a comment by Anna that the
    // organiser approved.
    let ingo = account("ingo.lehmann@rz-westfalen.example").await;
    let story = app::stories::mine(app, &ingo).await.unwrap().remove(0);
    for who in
        ["karl.meyer@beispielhausen.example", "jana.fischer@rz-westfalen.example", "lena.wolf@beispielhausen.example"]
    {
        app::stories::approve(app, &account(who).await, story.id, story.version).await.unwrap();
    }
    let anna = account("anna.schmidt@musterstadt.example").await;
    let comment = app::stories::comment(app, &anna, story.id, "Das machen wir auch!").await.unwrap();
    app::stories::moderate(app, &organiser, comment, &app::stories::Moderation::Approve).await.unwrap();
}
