//! Passwords cannot be guessed around the lockout: signing an agreement checks the swap's
//! state before the password and counts wrong passwords against the login's limit.

use crate::network::{Network, PASSWORD, week_ahead};
use app::swaps::{Command, ProposalInput};
use store::{Db, on_both_backends};

on_both_backends!(signing_counts_against_the_lockout);

async fn signing_counts_against_the_lockout(db: Db) {
    let n = Network::new(db).await;
    let anna = n.person("anna@musterstadt.example", Some(n.city)).await;
    let eva = n.person("eva@verband.example", Some(n.assoc)).await;
    let bernd = n.with_role("bernd@musterstadt.example", n.city, "approver").await;
    let frank = n.with_role("frank@verband.example", n.assoc, "approver").await;
    let proposal = ProposalInput { partner: eva.id.to_string(), week: week_ahead(8), message: String::new() };
    let id = app::swaps::propose(&n.app, &anna, &proposal).await.unwrap();
    let sign = |password: &str| Command::Sign {
        confirmation: app::account::Confirmation::Password(password.into()),
        hash: "0".repeat(64),
    };

    // Nothing to sign yet: refused for that reason, and no password was tried.
    for _ in 0..6 {
        let early = app::swaps::act(&n.app, &anna, id, None, sign("geraten-1234567")).await;
        assert_eq!(early.unwrap_err(), app::Error::Conflict("invalid-transition"));
    }
    let (session, _) = app::account::login(&n.app, domain::values::Locale::De, &anna.email, PASSWORD).await.unwrap();
    assert!(!session.is_empty(), "those attempts locked nothing");

    let accepted = app::swaps::act(&n.app, &eva, id, None, Command::Accept).await.unwrap();
    let swap = n.approve_all(accepted, &bernd, &frank).await;
    let hash = swap.agreement_hash.clone().unwrap();
    let sign = |password: &str| Command::Sign {
        confirmation: app::account::Confirmation::Password(password.into()),
        hash: hash.clone(),
    };
    let mut last = Ok(swap.clone());
    for _ in 0..5 {
        last = app::swaps::act(&n.app, &anna, id, None, sign("geraten-1234567")).await;
    }
    assert!(matches!(last, Err(app::Error::TooManyAttempts { .. })), "{last:?}");
    let right = app::swaps::act(&n.app, &anna, id, None, sign(PASSWORD)).await;
    assert!(matches!(right, Err(app::Error::TooManyAttempts { .. })), "locked for signing too");
    let login = app::account::login(&n.app, domain::values::Locale::De, &anna.email, PASSWORD).await;
    assert!(matches!(login, Err(app::Error::TooManyAttempts { .. })), "and for the login: one limit");
}
