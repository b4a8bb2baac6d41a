//! Who hears of what happens to a swap: every message is in the recipient's inbox and in the
//! outbox as a mail, written with the change.

use crate::network::Network;
use app::swaps::{Command, ProposalInput};
use store::{Db, on_both_backends};

on_both_backends!(each_step_reaches_the_people_it_concerns, a_stale_version_changes_nothing);

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
