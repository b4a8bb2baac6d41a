//! The outbox worker: claims due mails, sends them over SMTP (or writes them to the log when no
//! relay is configured), and gives failed ones back with backoff. Nothing is lost when the relay
//! is down: the rows stay in the database until a send succeeds.

use lettre::message::header::{ContentTransferEncoding, ContentType};
use lettre::message::{Attachment, Body, Mailbox, MultiPart, SinglePart};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::time::Duration;
use store::Db;
use store::outbox::{self, ClaimedMail, MailAttachment};

pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    Log,
}

pub struct Mailer {
    transport: Transport,
    from: Mailbox,
}

impl Mailer {
    /// A mailer for `smtp_url` (none: the log); `ca_file` is a PEM file of a private CA the
    /// relay's certificate is signed by, trusted besides the system's roots.
    pub fn new(smtp_url: Option<&str>, from: &str, ca_file: Option<&std::path::Path>) -> anyhow::Result<Self> {
        let from: Mailbox = from.parse().map_err(|e| anyhow::anyhow!("JOBTAUSCH_MAIL_FROM {from:?}: {e}"))?;
        let transport = match smtp_url {
            Some(url) => Transport::Smtp(smtp_transport(url, ca_file)?),
            None => Transport::Log,
        };
        Ok(Self { transport, from })
    }

    async fn send(&self, mail: &ClaimedMail) -> Result<(), String> {
        match &self.transport {
            Transport::Log => {
                let attachment = mail.attachment.as_ref().map(|a| a.name.as_str()).unwrap_or("");
                tracing::info!(to = %mail.recipient, subject = %mail.subject, body = %mail.body, attachment, "mail (no SMTP relay configured)");
                Ok(())
            }
            Transport::Smtp(smtp) => {
                let to: Mailbox = mail.recipient.parse().map_err(|e| format!("recipient: {e}"))?;
                let builder = Message::builder()
                    .from(self.from.clone())
                    .to(to)
                    .subject(&mail.subject)
                    // lettre adds no Message-ID unless asked; receivers need one.
                    .message_id(None);
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
    let mut builder = AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host)
        .port(port)
        .tls(tls)
        .timeout(Some(Duration::from_secs(20)));
    if let Some((user, pass)) = credentials {
        builder =
            builder.credentials(lettre::transport::smtp::authentication::Credentials::new(user.into(), pass.into()));
    }
    Ok(builder.build())
}

/// Sends what is due now; returns how many were sent.
pub async fn send_due(db: &Db, mailer: &Mailer) -> Result<usize, store::StoreError> {
    let mut sent = 0;
    loop {
        let batch = outbox::claim(db, 20).await?;
        if batch.is_empty() {
            return Ok(sent);
        }
        for mail in batch {
            match mailer.send(&mail).await {
                Ok(()) => {
                    outbox::mark_sent(db, mail.id).await?;
                    sent += 1;
                }
                Err(e) => {
                    let next = outbox::mark_failed(db, mail.id, mail.attempts, &e).await?;
                    tracing::warn!(to = %mail.recipient, error = %e, retry_at = %next, "mail not sent, will retry");
                }
            }
        }
    }
}

/// Polls the outbox for as long as the server runs.
pub async fn run_worker(db: Db, mailer: Mailer) {
    loop {
        if let Err(e) = send_due(&db, &mailer).await {
            tracing::error!(error = %e, "outbox worker");
        }
        tokio::time::sleep(Duration::from_secs(2)).await;
    }
}
