//! The mail relay goes down in the middle of a swap's journey: nothing is lost, and when it is
//! back every mail arrives exactly once, although two instances send from one PostgreSQL.

use crate::relay::{Relay, delivered, free_port};
use jobtausch::mailer::{Mailer, send_now};
use store::testing;

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn relay_outage_mid_journey_loses_nothing_and_sends_once() {
    let t = testing::postgres().await;
    let db = t.db.clone();
    jobtausch::demo::seed(&app::App::new(db.clone(), app::Config::new("http://127.0.0.1:8080"))).await.unwrap();
    // The demo's own mails (its planned week) are not part of this story.
    testing::execute(&db, "UPDATE outbox SET sent_at = created_at").await;
    let opts = jobtausch::server::Options {
        bind: "127.0.0.1:0".into(),
        base_url: "http://jobtausch.test".into(),
        smtp_url: None,
        mail_from: "noreply@jobtausch.example".into(),
        smtp_ca_file: None,
        demo: false,
        metrics_token: None,
        mail_lease: jobtausch::mailer::LEASE,
        retention: Default::default(),
    };
    let app = jobtausch::server::app(db.clone(), &opts);
    let account = |email: &'static str| {
        let db = db.clone();
        async move {
            let id = store::users::account_by_email(&db, email).await.unwrap().unwrap();
            store::users::account(&db, id).await.unwrap()
        }
    };
    let anna = account("anna.schmidt@musterstadt.example").await;
    let eva = account("eva.nowak@kommunal-it.example").await;
    // The relay runs when Anna proposes: Eva's mail goes out at once.
    let port = free_port();
    let url = format!("smtp://127.0.0.1:{port}");
    let dir = tempfile::tempdir().unwrap();
    let relay = Relay::start(port, dir.path());
    let mailer = Mailer::new(Some(&url), "noreply@jobtausch.example", None, false).unwrap();
    let week = domain::values::IsoWeek::of(chrono::Utc::now().date_naive() + chrono::Days::new(50)).to_string();
    let proposal = app::swaps::ProposalInput { partner: eva.id.to_string(), week, message: "Tauschen wir?".into() };
    let swap = app::swaps::propose(&app, &anna, &proposal).await.unwrap();
    let first = send_now(&db, &mailer).await.unwrap();
    assert_eq!(first, 1, "the proposal reached Eva");
    assert_eq!(delivered(dir.path()).len(), 1);

    // The relay stops in the middle of the journey; Eva accepts meanwhile.
    drop(relay);
    app::swaps::act(&app, &eva, swap, None, app::swaps::Command::Accept).await.unwrap();
    assert_eq!(send_now(&db, &mailer).await.unwrap(), 0, "the relay is down");
    let pending = store::outbox::pending_count(&db).await.unwrap();
    assert!(pending >= 3, "acceptance and approval requests wait: {pending}");

    // While it is down, a probe of it fails and changes nothing else.
    assert!(!jobtausch::mailer::probe(&db, &mailer, store::outbox::ClaimToken::new()).await.unwrap());
    // The relay is back: the next probe tries one waiting mail ahead of its backoff, the relay
    // takes it, and every other waiting mail is due at once.
    let _relay = Relay::start(port, dir.path());
    assert!(jobtausch::mailer::probe(&db, &mailer, store::outbox::ClaimToken::new()).await.unwrap());
    let pending = pending - 1;
    // Two instances send side by side from the one database.
    let (a, b) = (db.clone(), db.clone());
    let (u1, u2) = (url.clone(), url);
    let one = tokio::spawn(async move {
        send_now(&a, &Mailer::new(Some(&u1), "noreply@jobtausch.example", None, false).unwrap()).await.unwrap()
    });
    let two = tokio::spawn(async move {
        send_now(&b, &Mailer::new(Some(&u2), "noreply@jobtausch.example", None, false).unwrap()).await.unwrap()
    });
    let sent = one.await.unwrap() + two.await.unwrap();
    assert_eq!(i64::try_from(sent).unwrap(), pending, "every waiting mail went out");
    assert_eq!(store::outbox::pending_count(&db).await.unwrap(), 0);
    let mails = delivered(dir.path());
    let sent = sent + first + 1;
    assert_eq!(mails.len(), sent, "each mail arrived exactly once");
    let mut ids: Vec<String> = mails
        .iter()
        .map(|m| m.lines().find(|l| l.to_lowercase().starts_with("message-id:")).expect("a Message-ID").to_owned())
        .collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), sent, "no mail twice");
    assert!(mails.iter().any(|m| m.contains("eva.nowak@kommunal-it.example")));
}
