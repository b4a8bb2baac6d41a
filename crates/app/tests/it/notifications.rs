//! Who hears of what happens to a swap: every message is in the recipient's inbox and in the
//! outbox as a mail, written with the change.

use crate::network::Network;
use app::swaps::{Command, ProposalInput};
use store::{Db, on_both_backends};

on_both_backends!(
    each_step_reaches_the_people_it_concerns,
    a_stale_version_changes_nothing,
    a_daily_digest_collects_what_needs_no_action,
    switching_the_digest_off_sends_what_it_held
);

async fn kinds(n: &Network, who: &app::Account) -> Vec<String> {
    app::notify::inbox(&n.app, who).await.unwrap().into_iter().map(|m| m.kind).collect()
}

async fn each_step_reaches_the_people_it_concerns(db: Db) {
    let n = Network::new(db).await;
    let anna = n.person("anna@musterstadt.example", Some(n.city)).await;
    let eva = n.person("eva@verband.example", Some(n.assoc)).await;
    let bernd = n.with_role("bernd@musterstadt.example", n.city, "approver").await;
    let frank = n.with_role("frank@verband.example", n.assoc, "approver").await;
    let council = n.with_role("carla@musterstadt.example", n.city, "body:staff_council").await;

    let proposal =
        ProposalInput { partner: eva.id.to_string(), week: crate::network::week_ahead(8), message: String::new() };
    let id = app::swaps::propose(&n.app, &anna, &proposal).await.unwrap();
    assert_eq!(kinds(&n, &eva).await, ["proposed"], "the partner hears of it");
    assert!(kinds(&n, &anna).await.is_empty(), "not the proposer");
    assert!(kinds(&n, &bernd).await.is_empty(), "an employer hears nothing before the partner said yes");

    let swap = app::swaps::act(&n.app, &eva, id, Some(0), Command::Accept).await.unwrap();
    assert!(kinds(&n, &bernd).await.contains(&"approval-needed".to_owned()));
    assert!(kinds(&n, &frank).await.contains(&"approval-needed".to_owned()));
    assert!(kinds(&n, &council).await.contains(&"body-informed".to_owned()), "the default policy informs the council");
    let mails = store::outbox::to_recipient(&n.app.db, "bernd@musterstadt.example").await.unwrap();
    assert!(mails.iter().any(|m| m.body.contains(&format!("https://jobtausch.test/swaps/{id}"))), "with a link");

    let mine = swap.approvals.iter().position(|a| a.org == n.city).unwrap();
    let decline = Command::DeclineApproval { approval: mine, kind: "staffing".into(), text: String::new() };
    let ended = app::swaps::act(&n.app, &bernd, id, None, decline).await.unwrap();
    assert!(ended.state.is_ended());
    assert!(kinds(&n, &anna).await.contains(&"ended".to_owned()));
    assert!(kinds(&n, &frank).await.contains(&"ended".to_owned()), "the other employer hears the outcome");
    assert!(!kinds(&n, &bernd).await.contains(&"ended".to_owned()), "not the one who decided");
    let told = store::outbox::to_recipient(&n.app.db, "anna@musterstadt.example").await.unwrap();
    let ending = told.iter().find(|m| m.subject.contains("findet nicht statt")).unwrap();
    assert!(!ending.body.contains("staffing"), "the reason in words, not its code: {}", ending.body);
}

async fn a_stale_version_changes_nothing(db: Db) {
    let n = Network::new(db).await;
    let anna = n.person("anna@musterstadt.example", Some(n.city)).await;
    let eva = n.person("eva@verband.example", Some(n.assoc)).await;
    let proposal =
        ProposalInput { partner: eva.id.to_string(), week: crate::network::week_ahead(8), message: String::new() };
    let id = app::swaps::propose(&n.app, &anna, &proposal).await.unwrap();
    let refused = app::swaps::act(&n.app, &eva, id, Some(7), Command::Accept).await;
    assert_eq!(refused.unwrap_err(), app::Error::Conflict("changed-meanwhile"));
    let stranger = n.person("zoe@musterstadt.example", Some(n.city)).await;
    assert_eq!(app::swaps::get(&n.app, &stranger.actor(), id).await.unwrap_err(), app::Error::NotFound);
    let swap = app::swaps::get(&n.app, &anna.actor(), id).await.unwrap();
    assert!(!swap.members[1].accepted, "nothing changed");
}

/// Berlin wall-clock time on `day`, as an instant.
fn berlin(day: chrono::NaiveDate, hour: u32, minute: u32) -> chrono::DateTime<chrono::Utc> {
    domain::week::berlin_to_utc(day, chrono::NaiveTime::from_hms_opt(hour, minute, 0).unwrap())
}

async fn a_daily_digest_collects_what_needs_no_action(db: Db) {
    let n = Network::new(db).await;
    let anna = n.person("anna@musterstadt.example", Some(n.city)).await;
    let eva = n.person("eva@verband.example", Some(n.assoc)).await;
    let bernd = n.with_role("bernd@musterstadt.example", n.city, "approver").await;
    let frank = n.with_role("frank@verband.example", n.assoc, "approver").await;
    let mails = |to: &'static str| {
        let db = n.app.db.clone();
        async move { store::outbox::to_recipient(&db, to).await.unwrap() }
    };
    app::account::set_digest(&n.app, &anna, true).await.unwrap();
    assert!(app::account::takes_digest(&n.app, &anna).await.unwrap());
    // The next 7 o'clock in Berlin, when the digest goes out.
    let today = app::today();
    let (seven, day_after) = if chrono::Utc::now() < berlin(today, 7, 0) {
        (berlin(today, 7, 0), today + chrono::Days::new(1))
    } else {
        (berlin(today + chrono::Days::new(1), 7, 0), today + chrono::Days::new(2))
    };
    let before = mails("anna@musterstadt.example").await.len();

    // Eva proposes to Anna: that asks for an answer, so it comes at once.
    let proposal =
        ProposalInput { partner: anna.id.to_string(), week: crate::network::week_ahead(8), message: String::new() };
    let id = app::swaps::propose(&n.app, &eva, &proposal).await.unwrap();
    assert_eq!(mails("anna@musterstadt.example").await.len(), before + 1, "a proposal is mailed at once");
    // Anna accepts; the approvals are given: notices that ask nothing of her.
    let swap = app::swaps::act(&n.app, &anna, id, Some(0), Command::Accept).await.unwrap();
    n.approve_all(swap, &bernd, &frank).await;
    let inbox = kinds(&n, &anna).await;
    assert!(inbox.contains(&"approved".to_owned()), "{inbox:?}");
    let subjects: Vec<String> = mails("anna@musterstadt.example").await.into_iter().map(|m| m.subject).collect();
    assert!(!subjects.iter().any(|s| s.contains("genehmigt")), "no single mails for notices: {subjects:?}");
    assert!(
        mails("eva@verband.example").await.iter().any(|m| m.subject.contains("genehmigt")),
        "who takes single mails still gets them"
    );
    // What asks for her signature comes at once.
    assert!(subjects.iter().any(|s| s.contains("unterschreiben")), "{subjects:?}");
    // Saving the setting she has already changes nothing (the notices stay for the digest).
    app::account::set_digest(&n.app, &anna, true).await.unwrap();
    let single = mails("anna@musterstadt.example").await.len();

    // At 7 the next morning one digest lists them; a second worker run (another instance, the
    // next minute) makes none.
    let minutes = |m: i64| seven + chrono::Duration::minutes(m);
    assert_eq!(app::notify::send_digests(&n.app, minutes(-1)).await.unwrap(), 0, "not before 7");
    assert_eq!(app::notify::send_digests(&n.app, minutes(1)).await.unwrap(), 1);
    assert_eq!(app::notify::send_digests(&n.app, minutes(2)).await.unwrap(), 0);
    let all = mails("anna@musterstadt.example").await;
    assert_eq!(all.len(), single + 1);
    let digest = all.iter().find(|m| m.subject.starts_with("Jobtausch: Ihre Nachrichten bis zum")).unwrap();
    assert!(digest.subject.chars().count() <= 78);
    assert!(digest.body.contains("hat die Genehmigung von Verband"), "{}", digest.body);
    assert!(digest.body.contains(&format!("https://jobtausch.test/swaps/{id}")), "{}", digest.body);
    assert!(!digest.body.contains("schlägt"), "the proposal came on its own: {}", digest.body);
    assert!(digest.body.contains("https://jobtausch.test/inbox#mail-settings"));

    // Nothing new by the day after: no digest.
    assert_eq!(app::notify::send_digests(&n.app, berlin(day_after, 7, 0)).await.unwrap(), 0);
    // Switched back, notices come one by one again.
    app::account::set_digest(&n.app, &anna, false).await.unwrap();
    assert!(!app::account::takes_digest(&n.app, &anna).await.unwrap());
}

async fn switching_the_digest_off_sends_what_it_held(db: Db) {
    let n = Network::new(db).await;
    let anna = n.person("anna@musterstadt.example", Some(n.city)).await;
    let eva = n.person("eva@verband.example", Some(n.assoc)).await;
    app::account::set_digest(&n.app, &anna, true).await.unwrap();
    let proposal =
        ProposalInput { partner: eva.id.to_string(), week: crate::network::week_ahead(8), message: String::new() };
    let id = app::swaps::propose(&n.app, &anna, &proposal).await.unwrap();
    // Eva accepts: a notice that asks nothing of Anna, held for her digest.
    app::swaps::act(&n.app, &eva, id, Some(0), Command::Accept).await.unwrap();
    let held = store::outbox::to_recipient(&n.app.db, "anna@musterstadt.example").await.unwrap();
    assert!(!held.iter().any(|m| m.subject.contains("angenommen")), "held for the digest");
    // Anna switches to single mails before 7: what the digest held goes out at once.
    app::account::set_digest(&n.app, &anna, false).await.unwrap();
    let mails = store::outbox::to_recipient(&n.app.db, "anna@musterstadt.example").await.unwrap();
    let digest = mails.iter().find(|m| m.subject.starts_with("Jobtausch: Ihre Nachrichten")).expect("a digest");
    assert!(digest.body.contains("angenommen"), "{}", digest.body);
}
