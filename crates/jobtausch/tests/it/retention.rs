//! Retention with a moved clock, on the demo: each class of data stays for its period and is
//! erased by the worker after it (sessions, unconfirmed accounts, sent mails, check-ins, ended
//! proposals, confirmed swaps pseudonymised after six years, spent tombstones), and nothing
//! goes a day early.

use app::account::Confirmation;
use app::retention::{run, week_end};
use chrono::{DateTime, Duration, Utc};
use domain::SwapId;
use domain::swap::Swap;
use domain::values::Locale;
use jobtausch::demo::DEMO_PASSWORD;
use store::{Db, on_both_backends};
use uuid::Uuid;

on_both_backends!(each_class_goes_after_its_period);

async fn count(db: &Db, sql: &str) -> i64 {
    match db {
        Db::Sqlite(p) => sqlx::query_scalar(sql).fetch_one(p).await.unwrap(),
        Db::Postgres(p) => sqlx::query_scalar(sql).fetch_one(p).await.unwrap(),
    }
}

async fn execute(db: &Db, sql: &str, id: Uuid, at: DateTime<Utc>) {
    match db {
        Db::Sqlite(p) => {
            sqlx::query(sql).bind(id).bind(at).execute(p).await.unwrap();
        }
        Db::Postgres(p) => {
            sqlx::query(sql).bind(id).bind(at).execute(p).await.unwrap();
        }
    }
}

async fn account(db: &Db, email: &str) -> store::users::Account {
    let id = store::users::account_by_email(db, email).await.unwrap().unwrap();
    store::users::account(db, id).await.unwrap()
}

async fn each_class_goes_after_its_period(db: Db) {
    let app = app::App::new(db.clone(), app::Config::new("http://127.0.0.1"));
    jobtausch::demo::seed(&app).await.unwrap();
    let t0 = store::now();
    let eva = account(&db, "eva.nowak@kommunal-it.example").await;
    let ingo = account(&db, "ingo.lehmann@rz-westfalen.example").await;
    // A new colleague of Karl's, with nothing else in the network yet.
    let karl = account(&db, "karl.meyer@beispielhausen.example").await;
    let olaf = store::users::NewUser {
        id: domain::UserId::new(),
        email: "olaf.berg@beispielhausen.example".into(),
        email_norm: "olaf.berg@beispielhausen.example".into(),
        display_name: "Olaf Berg".into(),
        password_hash: app::secrets::hash_password(&domain::values::Password::parse("p", DEMO_PASSWORD).unwrap())
            .await
            .unwrap(),
        org_id: karl.org_id,
        locale: Locale::De,
        organiser: false,
        verified: true,
    };
    store::users::create(&db, &olaf, &store::users::Proof::Operator, &store::Effects::default()).await.unwrap();
    let olaf = account(&db, "olaf.berg@beispielhausen.example").await;

    // Someone signs up and never confirms the address; someone is signed in.
    let signup = app::account::SignupInput {
        email: "neu@beispielhausen.example".into(),
        display_name: "Nora Neu".into(),
        password: "ein-langes-passwort".into(),
        password_confirm: "ein-langes-passwort".into(),
        privacy_accepted: true,
        invitation: None,
    };
    app::account::signup(&app, Locale::De, &signup).await.unwrap();
    app::account::login(&app, Locale::De, &eva.email, DEMO_PASSWORD).await.unwrap();
    // Ingo asked for help on the first day of last month's swap.
    let ingos = "SELECT s.id, s.week FROM swaps s JOIN swap_members m ON m.swap_id = s.id \
                 WHERE s.state = 'completed' AND m.user_id = $1";
    let past: (Uuid, String) = match &db {
        Db::Sqlite(p) => sqlx::query_as(ingos).bind(ingo.id.0).fetch_one(p).await,
        Db::Postgres(p) => sqlx::query_as(ingos).bind(ingo.id.0).fetch_one(p).await,
    }
    .unwrap();
    let past_week = domain::values::IsoWeek::parse("week", &past.1).unwrap();
    let help = "INSERT INTO swap_checkins (swap_id, user_id, day, status, note, created_at) \
                VALUES ($1, (SELECT user_id FROM swap_members WHERE swap_id = $1 AND position = 0), '2026-01-01', 'help', 'Kein Zugang', $2)";
    execute(&db, help, past.0, t0).await;
    // Olaf proposed to Eva and took it back; then he deleted his account (a tombstone stays
    // while the ended proposal names him).
    let week = domain::values::IsoWeek::of(app::today() + chrono::Days::new(35));
    let members = vec![(olaf.id, olaf.org_id.unwrap()), (eva.id, eva.org_id.unwrap())];
    let (mut proposal, _) = Swap::propose(SwapId::new(), week, members, None, app::today(), t0).unwrap();
    let swap_id = proposal.id;
    let audit = |action| store::Effects::audit(store::AuditEntry::new(Some(olaf.id), action, "swap", swap_id));
    store::swaps::create(&db, &proposal, &audit("swap.proposed")).await.unwrap();
    let why = domain::swap::EndReason::parse("workload", "").unwrap();
    proposal.withdraw(&olaf.actor(), &why).unwrap();
    store::swaps::save(&db, &proposal, &audit("swap.withdrawn")).await.unwrap();
    app::privacy::erase_me(&app, &olaf, &Confirmation::Password(DEMO_PASSWORD.into())).await.unwrap();
    let olaf_left = format!("SELECT COUNT(*) FROM users WHERE id = {}", literal(&db, olaf.id.0));
    assert_eq!(count(&db, &olaf_left).await, 1, "Olaf's tombstone");
    // Every mail so far went out now.
    store::testing::execute(&db, "UPDATE outbox SET sent_at = created_at").await;

    let users = "SELECT COUNT(*) FROM users";
    let nora = "SELECT COUNT(*) FROM users WHERE email_norm = 'neu@beispielhausen.example'";
    let mails = "SELECT COUNT(*) FROM outbox";
    let check_ins = "SELECT COUNT(*) FROM swap_checkins";
    let proposal_left = format!("SELECT COUNT(*) FROM swaps WHERE id = {}", literal(&db, proposal.id.0));
    let proposal_audit =
        format!("SELECT COUNT(*) FROM audit_log WHERE object_type = 'swap' AND object_id = '{}'", proposal.id);
    // Ingo's swap of last month (the demo's older history went its way earlier).
    let pseudonymised =
        format!("SELECT COUNT(*) FROM swaps WHERE pseudonymised_at IS NOT NULL AND id = {}", literal(&db, past.0));

    // Now: only what has expired goes (nothing yet).
    let swept = run(&app, t0).await.unwrap();
    assert_eq!(swept, app::retention::Swept::default(), "nothing is past its period yet");
    assert_eq!(count(&db, "SELECT COUNT(*) FROM sessions").await, 1);

    // A day on: the session is over.
    let swept = run(&app, t0 + Duration::days(1)).await.unwrap();
    assert_eq!(swept.sessions, 1);
    assert_eq!(count(&db, "SELECT COUNT(*) FROM sessions").await, 0);

    // The unconfirmed account: still there after 6 days, gone after 8 (with its mail).
    run(&app, t0 + Duration::days(6)).await.unwrap();
    assert_eq!(count(&db, nora).await, 1);
    let before = count(&db, users).await;
    let swept = run(&app, t0 + Duration::days(8)).await.unwrap();
    assert_eq!((swept.unverified_accounts, count(&db, nora).await), (1, 0));
    assert_eq!(count(&db, users).await, before - 1, "nothing pointed at it: no tombstone");
    let to_nora = "SELECT COUNT(*) FROM outbox WHERE recipient = 'neu@beispielhausen.example'";
    assert_eq!(count(&db, to_nora).await, 0);

    // Sent mails: kept 30 days.
    run(&app, t0 + Duration::days(29)).await.unwrap();
    assert!(count(&db, mails).await > 0);
    let swept = run(&app, t0 + Duration::days(31)).await.unwrap();
    assert!(swept.mails > 0);
    assert_eq!(count(&db, mails).await, 0);

    // Check-ins: 90 days after the week.
    run(&app, week_end(past_week) + Duration::days(89)).await.unwrap();
    assert_eq!(count(&db, check_ins).await, 1);
    run(&app, week_end(past_week) + Duration::days(91)).await.unwrap();
    assert_eq!(count(&db, check_ins).await, 0);

    // The withdrawn proposal: a year after it ended, with its audit entries; then Olaf's
    // tombstone, past its date and pointed at by nothing, goes too.
    run(&app, t0 + Duration::days(364)).await.unwrap();
    assert_eq!((count(&db, &proposal_left).await, count(&db, &olaf_left).await), (1, 1));
    assert!(count(&db, &proposal_audit).await > 0);
    let swept = run(&app, t0 + Duration::days(367)).await.unwrap();
    assert_eq!((swept.proposals, swept.tombstones), (1, 1));
    assert_eq!((count(&db, &proposal_left).await, count(&db, &proposal_audit).await), (0, 0));
    assert_eq!(count(&db, &olaf_left).await, 0);

    // The confirmed swap and its agreement: six years after the week, only pseudonyms.
    let six_years = app.config.retention.swaps.after(week_end(past_week));
    run(&app, six_years - Duration::days(1)).await.unwrap();
    assert_eq!(count(&db, &pseudonymised).await, 0);
    let swept = run(&app, six_years + Duration::days(1)).await.unwrap();
    assert!(swept.swaps_pseudonymised >= 1);
    assert_eq!(count(&db, &pseudonymised).await, 1);
    let swap = store::swaps::get(&db, SwapId(past.0)).await.unwrap();
    assert!(store::agreements::of_swap(&db, swap.id).await.unwrap().is_none(), "the agreement is gone");
    let names = app::names::Names::of_swap(&app, &swap).await.unwrap();
    for m in &swap.members {
        assert!(names.person(m.user).starts_with("Person "), "{}", names.person(m.user));
        assert_ne!(m.user, ingo.id);
    }
    let swap_audit = format!("SELECT COUNT(*) FROM audit_log WHERE object_type = 'swap' AND object_id = '{}'", swap.id);
    assert_eq!(count(&db, &swap_audit).await, 0, "its audit trail went with it");
    // Ingo's account lives on; the swap is no longer his.
    let mine = app::privacy::my_data(&app, &store::users::account(&db, ingo.id).await.unwrap()).await.unwrap();
    let swaps = mine.sections.iter().find(|s| s.key == "swaps").unwrap();
    assert!(swaps.rows.is_empty(), "{:?}", swaps.rows);
    let reflection = |condition: &str| {
        format!("SELECT COUNT(*) FROM swap_reflections WHERE swap_id = {} AND {condition}", literal(&db, swap.id.0))
    };
    assert_eq!(count(&db, &reflection("learned <> ''")).await, 0, "the reflections' own words go");
    assert_eq!(count(&db, &reflection("recommend")).await, 1, "whether it was recommended stays, for the figures");

    // The record of processing activities names the periods as configured.
    let mut config = app::Config::new("https://jobtausch.example");
    config.retention = app::retention::Periods::parse("mails=14d,swaps=10y").unwrap();
    let configured = app::App::new(db.clone(), config);
    let organiser = account(&db, "koordination@jobtausch.example").await;
    let record = app::retention::processing_record(&configured, &organiser.actor(), Locale::De).await.unwrap();
    let items: Vec<String> = record.sections.iter().flat_map(|s| s.items.iter().map(|(_, v)| v.clone())).collect();
    for words in ["14 Tage nach dem Versand", "10 Jahre nach der Tauschwoche", "90 Tage nach der Tauschwoche"] {
        assert!(items.iter().any(|i| i.starts_with(words)), "{words} missing: {items:#?}");
    }
    assert!(items.iter().any(|i| i.contains("HTTPS")));
    assert!(
        app::retention::processing_record(&configured, &ingo.actor(), Locale::De).await.is_err(),
        "organisers only"
    );
}

/// An id as an SQL literal of the backend.
fn literal(db: &Db, id: Uuid) -> String {
    match db {
        Db::Sqlite(_) => format!("X'{}'", id.simple()),
        Db::Postgres(_) => format!("'{id}'"),
    }
}
