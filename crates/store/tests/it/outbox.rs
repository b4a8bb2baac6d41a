use crate::fixtures::effects;
use store::outbox::{self, OutboxMail};
use store::{Db, on_both_backends};

on_both_backends!(claim_send_and_retry, concurrent_claims_never_share_a_mail);

fn mail(to: &str) -> OutboxMail {
    OutboxMail { kind: "test", recipient: to.into(), subject: "Betreff".into(), body: "Text".into() }
}

async fn claim_send_and_retry(db: Db) {
    outbox::record(&db, &effects("x").with_mail(mail("a@x.example")).with_mail(mail("b@x.example"))).await.unwrap();
    let claimed = outbox::claim(&db, 10).await.unwrap();
    assert_eq!(claimed.len(), 2);
    assert!(outbox::claim(&db, 10).await.unwrap().is_empty(), "claimed mails are leased");
    outbox::mark_sent(&db, claimed[0].id).await.unwrap();
    let next = outbox::mark_failed(&db, claimed[1].id, claimed[1].attempts, "connection refused").await.unwrap();
    assert!(next > store::now());
    assert!(outbox::claim(&db, 10).await.unwrap().is_empty(), "a failed mail waits for its backoff");
    assert_eq!(outbox::pending_count(&db).await.unwrap(), 1);
}

async fn concurrent_claims_never_share_a_mail(db: Db) {
    let mut e = effects("x");
    for i in 0..40 {
        e = e.with_mail(mail(&format!("p{i}@x.example")));
    }
    outbox::record(&db, &e).await.unwrap();
    let tasks: Vec<_> = (0..4)
        .map(|_| {
            let db = db.clone();
            tokio::spawn(async move {
                let mut mine = Vec::new();
                loop {
                    let batch = outbox::claim(&db, 3).await.unwrap();
                    if batch.is_empty() {
                        break mine;
                    }
                    mine.extend(batch.into_iter().map(|m| m.id));
                }
            })
        })
        .collect();
    let mut all = Vec::new();
    for t in tasks {
        all.extend(t.await.unwrap());
    }
    let n = all.len();
    all.sort();
    all.dedup();
    assert_eq!((n, all.len()), (40, 40), "every mail claimed exactly once");
}
