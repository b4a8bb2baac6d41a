//! Mail goes out encrypted: STARTTLS (required with a user name) and implicit TLS, the relay's
//! certificate checked (here one the test makes, trusted through the CA-file setting), and no
//! mail to a relay that cannot prove who it is.

use crate::relay::{Relay, delivered, free_port};
use jobtausch::mailer::{Mailer, send_now};
use std::path::{Path, PathBuf};
use std::process::Command;
use store::outbox::{self, OutboxMail};
use store::{AuditEntry, Effects, testing};

/// A self-signed certificate for 127.0.0.1 (its own CA), made with the system's `openssl`.
fn certificate(dir: &Path) -> (PathBuf, PathBuf) {
    let (cert, key) = (dir.join("relay.pem"), dir.join("relay.key"));
    let made = Command::new("openssl")
        .args(["req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1"])
        .args(["-addext", "subjectAltName=IP:127.0.0.1", "-keyout"])
        .arg(&key)
        .arg("-out")
        .arg(&cert)
        .output()
        .expect("openssl is installed (scripts/test.sh installs it)");
    assert!(made.status.success(), "{}", String::from_utf8_lossy(&made.stderr));
    (cert, key)
}

fn a_mail(to: &str) -> Effects {
    Effects::audit(AuditEntry::new(None, "test", "test", "-")).with_mail(OutboxMail {
        kind: "test",
        recipient: to.into(),
        subject: "Jobtausch: verschlüsselt".into(),
        body: "Diese Nachricht reiste verschlüsselt.".into(),
        attachment: None,
    })
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn mail_goes_out_over_starttls_and_smtps_with_the_certificate_checked() {
    let dir = tempfile::tempdir().unwrap();
    let (cert, key) = certificate(dir.path());
    let (cert_s, key_s) = (cert.to_str().unwrap(), key.to_str().unwrap());
    let t = testing::sqlite().await;

    // STARTTLS, which this relay requires before it takes any mail.
    let port = free_port();
    let maildir = dir.path().join("starttls");
    let _relay = Relay::start_with(port, &maildir, &["--tlscert", cert_s, "--tlskey", key_s]);
    outbox::record(&t.db, &a_mail("anna@musterstadt.example")).await.unwrap();
    let untrusted =
        Mailer::new(Some(&format!("smtp://127.0.0.1:{port}")), "noreply@jobtausch.example", None, false).unwrap();
    assert_eq!(send_now(&t.db, &untrusted).await.unwrap(), 0, "a certificate nobody vouches for is refused");
    assert!(delivered(&maildir).is_empty());
    let trusted =
        Mailer::new(Some(&format!("smtp://127.0.0.1:{port}")), "noreply@jobtausch.example", Some(&cert), false)
            .unwrap();
    testing::execute(&t.db, "UPDATE outbox SET next_attempt_at = created_at").await;
    assert_eq!(send_now(&t.db, &trusted).await.unwrap(), 1, "with the private CA the mail goes out");
    assert_eq!(delivered(&maildir).len(), 1);

    // Implicit TLS.
    let port = free_port();
    let maildir = dir.path().join("smtps");
    let _smtps = Relay::start_with(port, &maildir, &["--smtpscert", cert_s, "--smtpskey", key_s]);
    outbox::record(&t.db, &a_mail("eva@verband.example")).await.unwrap();
    let smtps =
        Mailer::new(Some(&format!("smtps://127.0.0.1:{port}")), "noreply@jobtausch.example", Some(&cert), false)
            .unwrap();
    assert_eq!(send_now(&t.db, &smtps).await.unwrap(), 1);
    assert_eq!(delivered(&maildir).len(), 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn credentials_never_go_to_a_relay_without_tls() {
    let dir = tempfile::tempdir().unwrap();
    let t = testing::sqlite().await;
    let port = free_port();
    let maildir = dir.path().join("plain");
    let _relay = Relay::start(port, &maildir);
    outbox::record(&t.db, &a_mail("anna@musterstadt.example")).await.unwrap();
    let url = format!("smtp://jobtausch:geheim@127.0.0.1:{port}");
    let mailer = Mailer::new(Some(&url), "noreply@jobtausch.example", None, false).unwrap();
    assert_eq!(send_now(&t.db, &mailer).await.unwrap(), 0, "no STARTTLS, no login, no mail");
    assert!(delivered(&maildir).is_empty());
    assert_eq!(outbox::pending_count(&t.db).await.unwrap(), 1, "the mail waits");
}
