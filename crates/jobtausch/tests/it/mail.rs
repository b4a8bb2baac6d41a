use jobtausch::mailer::{Mailer, send_due};
use store::outbox::{self, OutboxMail};
use store::{AuditEntry, Effects, testing};

fn maildir() -> std::path::PathBuf {
    std::env::var("JOBTAUSCH_TEST_MAILDIR")
        .expect("JOBTAUSCH_TEST_MAILDIR is not set: start the services with `eval \"$(scripts/services.sh start)\"`")
        .into()
}

fn smtp_url() -> String {
    std::env::var("JOBTAUSCH_TEST_SMTP_URL")
        .expect("JOBTAUSCH_TEST_SMTP_URL is not set: start the services with scripts/services.sh")
}

/// The raw text of every mail in the maildir that names `needle`.
fn mails_containing(needle: &str) -> Vec<String> {
    let mut out = Vec::new();
    for sub in ["new", "cur"] {
        let Ok(dir) = std::fs::read_dir(maildir().join(sub)) else { continue };
        for e in dir {
            let text = std::fs::read_to_string(e.unwrap().path()).unwrap_or_default();
            if text.contains(needle) {
                out.push(text);
            }
        }
    }
    out
}

fn mail_to(to: &str) -> Effects {
    Effects::audit(AuditEntry::new(None, "test", "test", "-")).with_mail(OutboxMail {
        kind: "test",
        recipient: to.into(),
        subject: "Jobtausch: Testnachricht".into(),
        body: "Guten Tag,\n\ndies ist ein Test mit Umlauten: äöü ß.".into(),
    })
}

#[tokio::test]
async fn outbox_mail_arrives_at_the_smtp_server_once_with_a_message_id() {
    let t = testing::postgres().await;
    let to = format!("empfang-{}@musterstadt.example", uuid::Uuid::now_v7().simple());
    outbox::record(&t.db, &mail_to(&to)).await.unwrap();
    let mailer = Mailer::new(Some(&smtp_url()), "Jobtausch <noreply@jobtausch.example>").unwrap();
    assert_eq!(send_due(&t.db, &mailer).await.unwrap(), 1);
    assert_eq!(send_due(&t.db, &mailer).await.unwrap(), 0, "a sent mail is not sent again");
    let got = mails_containing(&to);
    assert_eq!(got.len(), 1, "exactly one copy arrived");
    let m = &got[0];
    assert!(m.to_lowercase().contains("message-id:"), "{m}");
    assert!(m.contains("Subject: Jobtausch: Testnachricht"));
    assert_eq!(outbox::pending_count(&t.db).await.unwrap(), 0);
}

#[tokio::test]
async fn a_relay_that_is_down_loses_nothing() {
    let t = testing::sqlite().await;
    let to = format!("spaeter-{}@musterstadt.example", uuid::Uuid::now_v7().simple());
    outbox::record(&t.db, &mail_to(&to)).await.unwrap();
    // Port 9 (discard) is closed here: the connection is refused.
    let down = Mailer::new(Some("smtp://127.0.0.1:9"), "noreply@jobtausch.example").unwrap();
    assert_eq!(send_due(&t.db, &down).await.unwrap(), 0);
    assert_eq!(outbox::pending_count(&t.db).await.unwrap(), 1, "the mail waits in the outbox");
    let row = &outbox::to_recipient(&t.db, &to).await.unwrap()[0];
    assert!(row.sent_at.is_none());
    assert!(mails_containing(&to).is_empty());
}

#[test]
fn bad_relay_urls_are_refused_with_a_message() {
    for url in ["http://x", "smtp://", "smtp://host:port"] {
        let err = Mailer::new(Some(url), "noreply@jobtausch.example").err().unwrap().to_string();
        assert!(err.contains("JOBTAUSCH_SMTP_URL"), "{err}");
    }
}
