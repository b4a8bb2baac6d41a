//! The outbox worker: claims due mails, sends them over SMTP (or, when asked with `log:`, writes
//! them to the log), and gives failed ones back with backoff. Nothing is lost when the relay is
//! down or not configured: the rows stay in the database until a send succeeds.
//!
//! Every mail once, with several instances: a worker claims a few mails with a token, renews
//! its claim right before each send ([`outbox::hold`]) and marks the mail sent only while the
//! claim stands. A claim lasts [`LEASE`], far longer than one send may take ([`SEND_TIMEOUT`]),
//! so another worker never sends a mail that one is sending. One window stays, as with any
//! SMTP sender: the relay has said "250 OK" and the process dies before the commit. Then the
//! mail goes out again, with the same `Message-ID` (made from its outbox row), by which mail
//! systems know it for the same message. On SIGTERM the worker finishes the send under way and
//! gives back what else it holds.

use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Attachment, Body, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::time::Duration;
use store::Db;
use store::outbox::{self, ClaimToken, ClaimedMail, MailAttachment};
use tokio::sync::watch;

/// The longest one SMTP exchange may take before it counts as failed.
pub const SEND_TIMEOUT: Duration = Duration::from_secs(20);

/// How long a claim keeps other workers away from a mail: several times [`SEND_TIMEOUT`].
pub const LEASE: chrono::Duration = chrono::Duration::minutes(2);

/// How many mails a worker claims at a time: what it can surely send within [`LEASE`] (each is
/// renewed right before its send anyway).
const BATCH: i64 = 5;

/// Where mails go.
pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// `JOBTAUSCH_SMTP_URL=log:`: into the log; with bodies only in the demo, since a body may
    /// hold a sign-in or reset link.
    Log {
        bodies: bool,
    },
    /// No relay configured: mails wait in the outbox until one is.
    Queue,
}

pub struct Mailer {
    transport: Transport,
    from: Mailbox,
    /// How long a claim keeps other workers away: [`LEASE`], shorter only in fault drills.
    lease: chrono::Duration,
}

/// The value of `JOBTAUSCH_SMTP_URL` that writes mails to the log.
pub const LOG_URL: &str = "log:";

impl Mailer {
    /// A mailer for `smtp_url`: a relay, [`LOG_URL`], or none (mails stay queued); `ca_file` is
    /// a PEM file of a private CA the relay's certificate is signed by, trusted besides the
    /// system's roots. `demo`: bodies may go to the log.
    pub fn new(
        smtp_url: Option<&str>,
        from: &str,
        ca_file: Option<&std::path::Path>,
        demo: bool,
    ) -> anyhow::Result<Self> {
        let from: Mailbox = from.parse().map_err(|e| anyhow::anyhow!("JOBTAUSCH_MAIL_FROM {from:?}: {e}"))?;
        let transport = match smtp_url {
            Some(LOG_URL) => Transport::Log { bodies: demo },
            Some(url) => Transport::Smtp(smtp_transport(url, ca_file)?),
            None => Transport::Queue,
        };
        Ok(Self { transport, from, lease: LEASE })
    }

    /// A shorter claim than [`LEASE`], for fault drills that must see claims run out and be
    /// renewed within seconds (`JOBTAUSCH_MAIL_LEASE_SECONDS`, not for production).
    pub fn with_lease(mut self, lease: chrono::Duration) -> Self {
        self.lease = lease;
        self
    }

    /// Whether mails wait for a relay that is not configured.
    pub fn queues_only(&self) -> bool {
        matches!(self.transport, Transport::Queue)
    }

    /// The mail's `Message-ID`, made from its outbox row: a mail sent again (after a crash
    /// between the relay's answer and the commit) is the same message to mail systems.
    fn message_id(&self, mail: &ClaimedMail) -> String {
        format!("<{}@{}>", mail.id, self.from.email.domain())
    }

    async fn send(&self, mail: &ClaimedMail) -> Result<(), String> {
        match &self.transport {
            Transport::Queue => Err("no relay configured (JOBTAUSCH_SMTP_URL)".into()),
            Transport::Log { bodies } => {
                let attachment = mail.attachment.as_ref().map(|a| a.name.as_str()).unwrap_or("");
                let body = if *bodies { mail.body.as_str() } else { "(not logged)" };
                tracing::info!(to = %mail.recipient, subject = %mail.subject, body, attachment, message_id = %self.message_id(mail), "mail written to the log");
                Ok(())
            }
            Transport::Smtp(smtp) => {
                let to: Mailbox = mail.recipient.parse().map_err(|e| format!("recipient: {e}"))?;
                let builder = Message::builder()
                    .from(self.from.clone())
                    .to(to)
                    .subject(&mail.subject)
                    .message_id(Some(self.message_id(mail)));
                let message = match &mail.attachment {
                    None => builder.header(ContentType::TEXT_PLAIN).body(mail.body.clone()),
                    Some(a) => builder.multipart(
                        MultiPart::mixed().singlepart(SinglePart::plain(mail.body.clone())).singlepart(attachment(a)?),
                    ),
                }
                .map_err(|e| format!("message: {e}"))?;
                smtp.send(message).await.map(|_| ()).map_err(|e| e.to_string())
            }
        }
    }
}

/// The attachment part. Always base64: a calendar file must keep its CRLF line ends and its
/// folded lines exactly (RFC 5545), and relays and mail stores may rewrite the line ends of a
/// part sent as 7bit or quoted-printable text.
fn attachment(a: &MailAttachment) -> Result<SinglePart, String> {
    let content_type = ContentType::parse(&a.content_type).map_err(|e| format!("attachment type: {e}"))?;
    let body = Body::new_with_encoding(a.body.clone(), ContentTransferEncoding::Base64)
        .map_err(|_| "attachment: cannot be encoded".to_owned())?;
    Ok(Attachment::new(a.name.clone()).body(body, content_type))
}

/// A relay from its URL:
/// - `smtp://HOST[:PORT]` (port 25): STARTTLS when the relay offers it;
/// - `smtp://USER:PASSWORD@HOST[:PORT]`: STARTTLS required, so that the credentials never
///   cross the wire in clear (no relay without it is used);
/// - `smtps://[USER:PASSWORD@]HOST[:PORT]` (port 465): TLS from the first byte.
///
/// The relay's certificate is checked against the system's roots, and against `ca_file` too.
fn smtp_transport(url: &str, ca_file: Option<&std::path::Path>) -> anyhow::Result<AsyncSmtpTransport<Tokio1Executor>> {
    use lettre::transport::smtp::client::{Certificate, Tls, TlsParameters};
    let bad =
        || anyhow::anyhow!("JOBTAUSCH_SMTP_URL {url:?}: expected smtp://[USER:PASSWORD@]HOST[:PORT] or smtps://...");
    let (implicit, rest) = match (url.strip_prefix("smtps://"), url.strip_prefix("smtp://")) {
        (Some(rest), _) => (true, rest),
        (None, Some(rest)) => (false, rest),
        _ => return Err(bad()),
    };
    let rest = rest.trim_end_matches('/');
    let (creds, hostport) = match rest.rsplit_once('@') {
        Some((c, h)) => (Some(c), h),
        None => (None, rest),
    };
    let (host, port) = match hostport.rsplit_once(':') {
        Some((h, p)) => (h, p.parse::<u16>().map_err(|_| bad())?),
        None => (hostport, if implicit { 465 } else { 25 }),
    };
    if host.is_empty() {
        return Err(bad());
    }
    let mut tls = TlsParameters::builder(host.to_owned());
    if let Some(path) = ca_file {
        let pem = std::fs::read(path).map_err(|e| anyhow::anyhow!("JOBTAUSCH_SMTP_CA_FILE {}: {e}", path.display()))?;
        let ca = Certificate::from_pem(&pem)
            .map_err(|e| anyhow::anyhow!("JOBTAUSCH_SMTP_CA_FILE {}: not a PEM certificate: {e}", path.display()))?;
        tls = tls.add_root_certificate(ca);
    }
    let tls = tls.build().map_err(|e| anyhow::anyhow!("TLS for {host}: {e}"))?;
    let credentials = creds.and_then(|c| c.split_once(':'));
    let tls = match (implicit, credentials.is_some()) {
        (true, _) => Tls::Wrapper(tls),
        (false, true) => Tls::Required(tls),
        (false, false) => Tls::Opportunistic(tls),
    };
    let mut builder =
        AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host).port(port).tls(tls).timeout(Some(SEND_TIMEOUT));
    if let Some((user, pass)) = credentials {
        builder =
            builder.credentials(lettre::transport::smtp::authentication::Credentials::new(user.into(), pass.into()));
    }
    Ok(builder.build())
}

/// Sends what is due now, as the holder of `token`; returns how many were sent. Stops early,
/// giving back what it still holds, once `stop` turns true.
pub async fn send_due(
    db: &Db,
    mailer: &Mailer,
    token: ClaimToken,
    stop: &watch::Receiver<bool>,
) -> Result<usize, store::StoreError> {
    let mut sent = 0;
    if mailer.queues_only() {
        return Ok(0);
    }
    loop {
        if *stop.borrow() {
            return Ok(sent);
        }
        let batch = outbox::claim(db, BATCH, token, mailer.lease).await?;
        if batch.is_empty() {
            return Ok(sent);
        }
        for mail in batch {
            if *stop.borrow() {
                outbox::release(db, token).await?;
                return Ok(sent);
            }
            // Renewed right before the send, so the claim outlasts it; lost, the mail is
            // another worker's now.
            if !outbox::hold(db, mail.id, token, mailer.lease).await? {
                continue;
            }
            match mailer.send(&mail).await {
                Ok(()) => {
                    if outbox::mark_sent(db, mail.id, token).await? {
                        sent += 1;
                    } else {
                        tracing::warn!(id = %mail.id, "mail sent after its claim ran out");
                    }
                }
                Err(e) => {
                    let next = outbox::mark_failed(db, mail.id, token, mail.attempts, &e).await?;
                    tracing::warn!(to = %mail.recipient, error = %e, retry_at = %next, "mail not sent, will retry");
                }
            }
        }
    }
}

/// How often a worker tries one waiting mail ahead of its backoff, to notice a relay that is
/// back: waiting mail then goes out within this time.
pub const PROBE_EVERY: Duration = Duration::from_secs(20);

/// Tries the oldest mail that waits out a backoff; if the relay takes it, every waiting mail
/// is due at once. Returns whether the relay answered.
pub async fn probe(db: &Db, mailer: &Mailer, token: ClaimToken) -> Result<bool, store::StoreError> {
    if mailer.queues_only() {
        return Ok(false);
    }
    let Some(mail) = outbox::claim_probe(db, token, mailer.lease).await? else { return Ok(false) };
    match mailer.send(&mail).await {
        Ok(()) => {
            outbox::mark_sent(db, mail.id, token).await?;
            let waiting = outbox::retry_now(db).await?;
            tracing::info!(waiting, "the mail relay answers again; waiting mail goes out now");
            Ok(true)
        }
        Err(e) => {
            outbox::mark_failed(db, mail.id, token, mail.attempts, &e).await?;
            Ok(false)
        }
    }
}

/// Sends everything due now under a claim of its own (tests, one-off commands).
pub async fn send_now(db: &Db, mailer: &Mailer) -> Result<usize, store::StoreError> {
    let (_never, stop) = watch::channel(false);
    send_due(db, mailer, ClaimToken::new(), &stop).await
}

/// How mails leave with `smtp_url` as [`Mailer::new`] reads it, for `/healthz`.
pub fn transport_of(smtp_url: Option<&str>) -> app::MailTransport {
    match smtp_url {
        Some(LOG_URL) => app::MailTransport::Log,
        Some(_) => app::MailTransport::Smtp,
        None => app::MailTransport::QueuedOnly,
    }
}

/// Polls the outbox until `stop` turns true; then gives back what it holds and returns. Each
/// round is counted in `metrics`.
pub async fn run_worker(
    db: Db,
    mailer: Mailer,
    metrics: std::sync::Arc<app::metrics::Metrics>,
    mut stop: watch::Receiver<bool>,
) {
    if mailer.queues_only() {
        tracing::warn!("JOBTAUSCH_SMTP_URL is not set: mails stay in the outbox until a relay is configured");
    }
    let token = ClaimToken::new();
    let mut probed = tokio::time::Instant::now();
    loop {
        let outcome = send_due(&db, &mailer, token, &stop).await;
        if let Err(e) = &outcome {
            tracing::error!(error = %e, "outbox worker");
        }
        metrics.worker_run(app::metrics::Worker::Outbox, outcome.is_ok());
        if probed.elapsed() >= PROBE_EVERY {
            probed = tokio::time::Instant::now();
            if let Err(e) = probe(&db, &mailer, token).await {
                tracing::error!(error = %e, "outbox probe");
            }
        }
        if *stop.borrow() {
            break;
        }
        tokio::select! {
            () = tokio::time::sleep(Duration::from_secs(2)) => {}
            _ = stop.changed() => {}
        }
    }
    match outbox::release(&db, token).await {
        Ok(0) => {}
        Ok(n) => tracing::info!(mails = n, "outbox worker gave back its claims"),
        Err(e) => tracing::error!(error = %e, "outbox worker could not give back its claims"),
    }
}
