use jobtausch::mailer::{Mailer, send_now};
use store::outbox::{self, MailAttachment, OutboxMail};
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
        attachment: None,
    })
}

#[tokio::test]
async fn outbox_mail_arrives_at_the_smtp_server_once_with_a_message_id() {
    let t = testing::postgres().await;
    let to = format!("empfang-{}@musterstadt.example", uuid::Uuid::now_v7().simple());
    outbox::record(&t.db, &mail_to(&to)).await.unwrap();
    let mailer = Mailer::new(Some(&smtp_url()), "Jobtausch <noreply@jobtausch.example>", None, false).unwrap();
    assert_eq!(send_now(&t.db, &mailer).await.unwrap(), 1);
    assert_eq!(send_now(&t.db, &mailer).await.unwrap(), 0, "a sent mail is not sent again");
    let got = mails_containing(&to);
    assert_eq!(got.len(), 1, "exactly one copy arrived");
    let m = &got[0];
    // The Message-ID is made from the outbox row: a mail sent again after a crash between the
    // relay's answer and the commit is the same message to mail systems.
    let row = &outbox::to_recipient(&t.db, &to).await.unwrap()[0];
    let id_line = m.lines().find(|l| l.to_lowercase().starts_with("message-id:")).unwrap_or_else(|| panic!("{m}"));
    assert_eq!(id_line.split_once(':').unwrap().1.trim(), format!("<{}@jobtausch.example>", row.id));
    assert!(m.contains("Subject: Jobtausch: Testnachricht"));
    assert_eq!(outbox::pending_count(&t.db).await.unwrap(), 0);
}

/// A calendar as the app writes one: CRLF, a line folded at 75 octets, umlauts.
const ICS: &str = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Jobtausch//Jobtausch//DE\r\nMETHOD:PUBLISH\r\n\
X-WR-CALNAME:Jobtausch KW 13\r\nBEGIN:VEVENT\r\nUID:briefing-test-2027-03-29@jobtausch\r\nSEQUENCE:1\r\n\
DTSTAMP:20270301T120000Z\r\nDTSTART:20270329T063000Z\r\nDTEND:20270329T064000Z\r\n\
SUMMARY:Kurzbesprechung mit Jörg Müller\r\nDESCRIPTION:Zehn Minuten zum Tagesbeginn: was heute ansteht\\, wer \r\n \
wen vertritt\\, welche Termine offen sind.\r\nSTATUS:CONFIRMED\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";

/// Runs `$JOBTAUSCH_TEST_PYTHON` with `args`; panics with its output unless it succeeds.
fn python(args: &[&std::ffi::OsStr]) -> String {
    let python = std::env::var("JOBTAUSCH_TEST_PYTHON").expect(
        "JOBTAUSCH_TEST_PYTHON is not set: start the services with `eval \"$(scripts/services.sh start)\"` \
         (it installs scripts/requirements-test.txt, with icalendar, into a venv)",
    );
    let out = std::process::Command::new(&python).args(args).output().unwrap();
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{python} {args:?} failed:\n{stdout}\n{stderr}");
    stdout.into_owned()
}

/// Reads a mail as a receiving program does (Python's `email`), prints its structure as JSON
/// and writes the decoded bytes of its first attachment to argv[2].
const READ_MAIL: &str = r#"
import email, json, sys
from email import policy
m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=policy.default)
atts = list(m.iter_attachments())
body = m.get_body(preferencelist=("plain",))
if atts:
    open(sys.argv[2], "wb").write(atts[0].get_payload(decode=True))
print(json.dumps({
    "type": m.get_content_type(),
    "message_id": m.get("Message-ID"),
    "text": body.get_content() if body is not None else None,
    "attachments": [{"filename": a.get_filename(), "type": a.get_content_type(),
                     "charset": a.get_param("charset"), "method": a.get_param("method")} for a in atts],
}))
"#;

#[tokio::test]
async fn a_mail_with_a_calendar_attachment_arrives_as_multipart_with_the_ics_intact() {
    let t = testing::sqlite().await;
    let to = format!("kalender-{}@musterstadt.example", uuid::Uuid::now_v7().simple());
    let mut effects = mail_to(&to);
    effects.mails[0].attachment = Some(MailAttachment {
        name: "jobtausch-2027-W13.ics".into(),
        content_type: "text/calendar; charset=utf-8; method=PUBLISH".into(),
        body: ICS.into(),
    });
    outbox::record(&t.db, &effects).await.unwrap();
    let mailer = Mailer::new(Some(&smtp_url()), "Jobtausch <noreply@jobtausch.example>", None, false).unwrap();
    assert_eq!(send_now(&t.db, &mailer).await.unwrap(), 1);
    let got = mails_containing(&to);
    assert_eq!(got.len(), 1, "exactly one copy arrived");

    let dir = tempfile::tempdir().unwrap();
    let (eml, ics) = (dir.path().join("mail.eml"), dir.path().join("attachment.ics"));
    std::fs::write(&eml, &got[0]).unwrap();
    let read = python(&["-c".as_ref(), READ_MAIL.as_ref(), eml.as_os_str(), ics.as_os_str()]);
    let read: serde_json::Value = serde_json::from_str(&read).unwrap();
    assert_eq!(read["type"], "multipart/mixed", "{read}");
    assert!(read["message_id"].as_str().is_some_and(|id| id.contains('@')), "{read}");
    assert!(read["text"].as_str().unwrap().contains("äöü ß"), "the text part is still there: {read}");
    let att = &read["attachments"][0];
    assert_eq!(att["filename"], "jobtausch-2027-W13.ics");
    assert_eq!((att["type"].as_str(), att["charset"].as_str()), (Some("text/calendar"), Some("utf-8")));
    assert_eq!(att["method"].as_str().map(str::to_uppercase).as_deref(), Some("PUBLISH"));

    // The file arrives byte for byte (CRLF and folding included) and passes the strict check.
    assert_eq!(std::fs::read_to_string(&ics).unwrap(), ICS);
    let script = std::path::Path::new(&crate::manifest_dir()).join("../../scripts/check_ics.py");
    let summary: serde_json::Value = serde_json::from_str(&python(&[script.as_os_str(), ics.as_os_str()])).unwrap();
    let event = &summary[0]["events"][0];
    assert_eq!(event["uid"], "briefing-test-2027-03-29@jobtausch");
    assert_eq!(event["summary"], "Kurzbesprechung mit Jörg Müller");
}

#[tokio::test]
async fn a_relay_that_is_down_loses_nothing() {
    let t = testing::sqlite().await;
    let to = format!("spaeter-{}@musterstadt.example", uuid::Uuid::now_v7().simple());
    outbox::record(&t.db, &mail_to(&to)).await.unwrap();
    // Port 9 (discard) is closed here: the connection is refused.
    let down = Mailer::new(Some("smtp://127.0.0.1:9"), "noreply@jobtausch.example", None, false).unwrap();
    assert_eq!(send_now(&t.db, &down).await.unwrap(), 0);
    assert_eq!(outbox::pending_count(&t.db).await.unwrap(), 1, "the mail waits in the outbox");
    let row = &outbox::to_recipient(&t.db, &to).await.unwrap()[0];
    assert!(row.sent_at.is_none());
    assert!(mails_containing(&to).is_empty());
}

#[test]
fn bad_relay_urls_are_refused_with_a_message() {
    for url in ["http://x", "smtp://", "smtp://host:port"] {
        let err = Mailer::new(Some(url), "noreply@jobtausch.example", None, false).err().unwrap().to_string();
        assert!(err.contains("JOBTAUSCH_SMTP_URL"), "{err}");
    }
}

#[tokio::test]
async fn without_a_relay_mails_wait_in_the_outbox() {
    let t = testing::sqlite().await;
    outbox::record(&t.db, &mail_to("wartet@musterstadt.example")).await.unwrap();
    // `serve` without JOBTAUSCH_SMTP_URL: nothing is sent, nothing marked sent, nothing claimed.
    let queue = Mailer::new(None, "noreply@jobtausch.example", None, false).unwrap();
    assert!(queue.queues_only());
    assert_eq!(send_now(&t.db, &queue).await.unwrap(), 0);
    assert_eq!(outbox::pending_count(&t.db).await.unwrap(), 1);
    // Once a relay is configured, the waiting mail goes out.
    let relay = Mailer::new(Some(&smtp_url()), "noreply@jobtausch.example", None, false).unwrap();
    assert_eq!(send_now(&t.db, &relay).await.unwrap(), 1);
    assert_eq!(outbox::pending_count(&t.db).await.unwrap(), 0);
}
