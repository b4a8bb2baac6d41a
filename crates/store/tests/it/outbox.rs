use crate::fixtures::effects;
use chrono::Duration;
use store::outbox::{self, ClaimToken, MailAttachment, OutboxMail};
use store::{AuditEntry, Db, Effects, on_both_backends};

on_both_backends!(
    claim_send_and_retry,
    a_lost_claim_is_fenced_off,
    concurrent_claims_never_share_a_mail,
    an_attachment_comes_back_with_its_mail,
    effects_of_a_big_change_are_all_written
);

fn mail(to: &str) -> OutboxMail {
    OutboxMail { kind: "test", recipient: to.into(), subject: "Betreff".into(), body: "Text".into(), attachment: None }
}

const LEASE: Duration = Duration::minutes(2);

async fn claim(db: &Db, limit: i64) -> Vec<outbox::ClaimedMail> {
    outbox::claim(db, limit, ClaimToken::new(), LEASE).await.unwrap()
}

async fn claim_send_and_retry(db: Db) {
    outbox::record(&db, &effects("x").with_mail(mail("a@x.example")).with_mail(mail("b@x.example"))).await.unwrap();
    let token = ClaimToken::new();
    let claimed = outbox::claim(&db, 10, token, LEASE).await.unwrap();
    assert_eq!(claimed.len(), 2);
    assert!(claim(&db, 10).await.is_empty(), "claimed mails are leased");
    assert!(outbox::mark_sent(&db, claimed[0].id, token).await.unwrap());
    let next = outbox::mark_failed(&db, claimed[1].id, token, claimed[1].attempts, "connection refused").await.unwrap();
    assert!(next > store::now() && next <= store::now() + outbox::MAX_BACKOFF);
    assert!(claim(&db, 10).await.is_empty(), "a failed mail waits for its backoff");
    assert_eq!(outbox::pending_count(&db).await.unwrap(), 1);
}

async fn a_lost_claim_is_fenced_off(db: Db) {
    outbox::record(&db, &effects("x").with_mail(mail("a@x.example")).with_mail(mail("b@x.example"))).await.unwrap();
    // Worker A's claim runs out (a lease of no time) while it is busy; worker B takes the mails.
    let a = ClaimToken::new();
    let taken = outbox::claim(&db, 10, a, Duration::zero()).await.unwrap();
    assert_eq!(taken.len(), 2);
    let b = ClaimToken::new();
    let again = outbox::claim(&db, 10, b, LEASE).await.unwrap();
    assert_eq!(again.len(), 2, "an expired claim frees the mails");
    // A may neither renew its claim before sending nor mark a mail sent or failed.
    assert!(!outbox::hold(&db, taken[0].id, a, LEASE).await.unwrap(), "A must not send");
    assert!(!outbox::mark_sent(&db, taken[0].id, a).await.unwrap());
    outbox::mark_failed(&db, taken[1].id, a, 0, "late").await.unwrap();
    // B holds them: renews, sends one; stopping, it gives the other back for anyone at once.
    assert!(outbox::hold(&db, again[0].id, b, LEASE).await.unwrap());
    assert!(outbox::mark_sent(&db, again[0].id, b).await.unwrap());
    assert!(!outbox::mark_sent(&db, again[0].id, b).await.unwrap(), "sent once");
    assert_eq!(outbox::release(&db, b).await.unwrap(), 1);
    let left = claim(&db, 10).await;
    assert_eq!(left.len(), 1, "the released mail is due at once");
    assert_eq!(left[0].attempts, 0, "A's late failure changed nothing");
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
                    let batch = outbox::claim(&db, 3, ClaimToken::new(), LEASE).await.unwrap();
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

async fn an_attachment_comes_back_with_its_mail(db: Db) {
    let ics = MailAttachment {
        name: "jobtausch-2027-W13.ics".into(),
        content_type: "text/calendar; charset=utf-8; method=PUBLISH".into(),
        body: "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n".into(),
    };
    let with = OutboxMail { attachment: Some(ics.clone()), ..mail("mit@x.example") };
    outbox::record(&db, &effects("x").with_mail(with).with_mail(mail("ohne@x.example"))).await.unwrap();
    let claimed = claim(&db, 10).await;
    let of = |to: &str| claimed.iter().find(|m| m.recipient == to).unwrap().attachment.clone();
    assert_eq!(of("mit@x.example"), Some(ics), "the file comes back byte for byte, CRLF included");
    assert_eq!(of("ohne@x.example"), None);
}

async fn effects_of_a_big_change_are_all_written(db: Db) {
    // More rows than one INSERT takes (a round leaves tens of thousands): every one arrives.
    let n = 2 * store::db::ROWS_PER_INSERT + 1;
    let mut e = Effects::default();
    for i in 0..n {
        e.audit.push(AuditEntry::new(None, "test.big", "test", format!("obj-{i}")).detail(format!("row {i}")));
        e = e.with_mail(mail(&format!("p{i}@x.example")));
    }
    outbox::record(&db, &e).await.unwrap();
    let mut recipients: Vec<String> = claim(&db, 10_000).await.into_iter().map(|m| m.recipient).collect();
    recipients.sort();
    let mut expected: Vec<String> = (0..n).map(|i| format!("p{i}@x.example")).collect();
    expected.sort();
    assert_eq!(recipients, expected);
    for i in [0, store::db::ROWS_PER_INSERT, n - 1] {
        let records = store::audit::for_object(&db, "test", &format!("obj-{i}")).await.unwrap();
        assert_eq!(records.iter().map(|r| r.detail.as_str()).collect::<Vec<_>>(), [format!("row {i}")]);
    }
}
