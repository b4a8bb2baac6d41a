//! The outbox: e-mails written in the same transaction as the change they report, then claimed
//! and sent by the worker with retries. Several instances may run the worker on one PostgreSQL
//! database: a row is claimed by one of them (`FOR UPDATE SKIP LOCKED`) and leased for a while.

use crate::audit::AuditEntry;
use crate::{Db, StoreError, now, on_db, write_tx};
use chrono::{DateTime, Duration, Utc};
use uuid::Uuid;

/// A rendered e-mail waiting to be sent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutboxMail {
    pub kind: &'static str,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    /// One file sent along, e.g. the `.ics` of a swap week.
    pub attachment: Option<MailAttachment>,
}

/// A file attached to a mail, kept as text (the only attachments are calendars).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailAttachment {
    /// The file name the recipient sees, e.g. `jobtausch-2027-W13.ics`.
    pub name: String,
    /// The full MIME type, e.g. `text/calendar; charset=utf-8; method=PUBLISH`.
    pub content_type: String,
    pub body: String,
}

/// A message in a person's in-app inbox, already in their language.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InboxItem {
    pub user: domain::UserId,
    pub swap: Option<domain::SwapId>,
    pub kind: &'static str,
    pub text: String,
}

/// What a state change leaves behind besides the change itself: its audit records, mails and
/// inbox messages.
#[derive(Debug, Default, Clone)]
pub struct Effects {
    pub audit: Vec<AuditEntry>,
    pub mails: Vec<OutboxMail>,
    pub inbox: Vec<InboxItem>,
}

impl Effects {
    pub fn audit(entry: AuditEntry) -> Self {
        Self { audit: vec![entry], ..Default::default() }
    }

    pub fn with_mails(mut self, mails: Vec<OutboxMail>) -> Self {
        self.mails.extend(mails);
        self
    }

    pub fn with_mail(mut self, mail: OutboxMail) -> Self {
        self.mails.push(mail);
        self
    }
}

/// Writes the effects inside the caller's transaction `$tx`.
#[macro_export]
macro_rules! write_effects {
    ($tx:ident, $effects:expr) => {{
        let at = $crate::now();
        let effects: &$crate::outbox::Effects = &$effects;
        // An erased person's placeholder address receives nothing.
        let mails: Vec<&$crate::outbox::OutboxMail> =
            effects.mails.iter().filter(|m| !$crate::erasure::is_placeholder(&m.recipient)).collect();
        $crate::insert_rows!(
            $tx,
            "audit_log",
            &["id", "at", "actor_id", "action", "object_type", "object_id", "detail"],
            effects.audit,
            |q, a| q
                .bind(uuid::Uuid::now_v7())
                .bind(at)
                .bind(a.actor.map(|u| u.0))
                .bind(a.action)
                .bind(a.object_type)
                .bind(&a.object_id)
                .bind(&a.detail)
        );
        $crate::insert_rows!(
            $tx,
            "outbox",
            &[
                "id",
                "kind",
                "recipient",
                "subject",
                "body",
                "created_at",
                "next_attempt_at",
                "attachment_name",
                "attachment_type",
                "attachment"
            ],
            mails,
            |q, m| q
                .bind(uuid::Uuid::now_v7())
                .bind(m.kind)
                .bind(&m.recipient)
                .bind(&m.subject)
                .bind(&m.body)
                .bind(at)
                .bind(at)
                .bind(m.attachment.as_ref().map(|a| a.name.as_str()))
                .bind(m.attachment.as_ref().map(|a| a.content_type.as_str()))
                .bind(m.attachment.as_ref().map(|a| a.body.as_str()))
        );
        $crate::insert_rows!(
            $tx,
            "notifications",
            &["id", "user_id", "swap_id", "kind", "text", "created_at"],
            effects.inbox,
            |q, n| q
                .bind(uuid::Uuid::now_v7())
                .bind(n.user.0)
                .bind(n.swap.map(|s| s.0))
                .bind(n.kind)
                .bind(&n.text)
                .bind(at)
        );
    }};
}

/// Records effects that belong to no other change (a failed login, an export).
pub async fn record(db: &Db, effects: &Effects) -> Result<(), StoreError> {
    write_tx!(db, tx => write_effects!(tx, effects));
    Ok(())
}

/// A mail claimed for sending.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClaimedMail {
    pub id: Uuid,
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub attempts: i64,
    pub attachment: Option<MailAttachment>,
}

/// A claimed row as the database returns it.
#[derive(sqlx::FromRow)]
struct ClaimedRow {
    id: Uuid,
    kind: String,
    recipient: String,
    subject: String,
    body: String,
    attempts: i64,
    attachment_name: Option<String>,
    attachment_type: Option<String>,
    attachment: Option<String>,
}

impl From<ClaimedRow> for ClaimedMail {
    fn from(r: ClaimedRow) -> Self {
        // All three are written together; a row with only some of them has no usable file.
        let attachment = match (r.attachment_name, r.attachment_type, r.attachment) {
            (Some(name), Some(content_type), Some(body)) => Some(MailAttachment { name, content_type, body }),
            _ => None,
        };
        ClaimedMail {
            id: r.id,
            kind: r.kind,
            recipient: r.recipient,
            subject: r.subject,
            body: r.body,
            attempts: r.attempts,
            attachment,
        }
    }
}

/// A worker's claim on the mails it took: only the holder of the token may renew the claim or
/// mark the mails sent or failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClaimToken(pub Uuid);

impl ClaimToken {
    pub fn new() -> Self {
        Self(Uuid::now_v7())
    }
}

impl Default for ClaimToken {
    fn default() -> Self {
        Self::new()
    }
}

/// Claims up to `limit` mails that are due and not claimed by another worker, for `lease`.
pub async fn claim(db: &Db, limit: i64, token: ClaimToken, lease: Duration) -> Result<Vec<ClaimedMail>, StoreError> {
    let at = now();
    let until = at + lease;
    // The dialects differ here on purpose: PostgreSQL lets concurrent workers skip each other's
    // rows; SQLite has one writer at a time anyway (BEGIN IMMEDIATE in write_tx).
    let select = match db {
        Db::Postgres(_) => {
            "SELECT id FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= $1 \
             AND (claimed_until IS NULL OR claimed_until < $1) ORDER BY created_at LIMIT $3 FOR UPDATE SKIP LOCKED"
        }
        Db::Sqlite(_) => {
            "SELECT id FROM outbox WHERE sent_at IS NULL AND next_attempt_at <= $1 \
             AND (claimed_until IS NULL OR claimed_until < $1) ORDER BY created_at LIMIT $3"
        }
    };
    let q = format!(
        "UPDATE outbox SET claimed_until = $2, claim_token = $4 WHERE id IN ({select}) \
         RETURNING id, kind, recipient, subject, body, attempts, attachment_name, attachment_type, attachment"
    );
    let rows: Vec<ClaimedRow> = write_tx!(db, tx => sqlx::query_as(&q)
        .bind(at)
        .bind(until)
        .bind(limit)
        .bind(token.0)
        .fetch_all(&mut *tx)
        .await?);
    Ok(rows.into_iter().map(ClaimedMail::from).collect())
}

/// Renews the claim on a mail for `lease` from now, right before it is sent; false when the
/// claim no longer stands (it ran out and another worker took the mail, or it was sent).
pub async fn hold(db: &Db, id: Uuid, token: ClaimToken, lease: Duration) -> Result<bool, StoreError> {
    let q = "UPDATE outbox SET claimed_until = $3 WHERE id = $1 AND claim_token = $2 AND sent_at IS NULL";
    let done = on_db!(db, pool => sqlx::query(q).bind(id).bind(token.0).bind(now() + lease).execute(pool).await?.rows_affected());
    Ok(done == 1)
}

/// Marks a claimed mail as sent; false when the claim no longer stood (the mail was not this
/// worker's to mark).
pub async fn mark_sent(db: &Db, id: Uuid, token: ClaimToken) -> Result<bool, StoreError> {
    let q = "UPDATE outbox SET sent_at = $3, claimed_until = NULL, claim_token = NULL, last_error = NULL \
             WHERE id = $1 AND claim_token = $2 AND sent_at IS NULL";
    let done =
        on_db!(db, pool => sqlx::query(q).bind(id).bind(token.0).bind(now()).execute(pool).await?.rows_affected());
    Ok(done == 1)
}

/// The longest wait before a failed mail is tried again.
pub const MAX_BACKOFF: Duration = Duration::minutes(5);

/// Gives a claimed mail back for a later try, with exponential backoff (30 s, 1 min, 2 min,
/// 4 min, then every 5 min), and returns when that is.
pub async fn mark_failed(
    db: &Db,
    id: Uuid,
    token: ClaimToken,
    attempts_before: i64,
    error: &str,
) -> Result<DateTime<Utc>, StoreError> {
    let attempts = attempts_before + 1;
    let secs = (30_i64 << attempts_before.clamp(0, 7)).min(MAX_BACKOFF.num_seconds());
    let next = now() + Duration::seconds(secs);
    let q = "UPDATE outbox SET attempts = $3, next_attempt_at = $4, claimed_until = NULL, claim_token = NULL, \
             last_error = $5 WHERE id = $1 AND claim_token = $2 AND sent_at IS NULL";
    on_db!(db, pool => {
        sqlx::query(q).bind(id).bind(token.0).bind(attempts).bind(next).bind(error).execute(pool).await?;
    });
    Ok(next)
}

/// Claims the oldest mail waiting out its backoff after a failed send, ahead of time: a probe
/// of whether the relay is back.
pub async fn claim_probe(db: &Db, token: ClaimToken, lease: Duration) -> Result<Option<ClaimedMail>, StoreError> {
    let at = now();
    let q = "UPDATE outbox SET claimed_until = $2, claim_token = $3 WHERE id IN (\
             SELECT id FROM outbox WHERE sent_at IS NULL AND attempts > 0 AND next_attempt_at > $1 \
             AND (claimed_until IS NULL OR claimed_until < $1) ORDER BY created_at LIMIT 1) \
             RETURNING id, kind, recipient, subject, body, attempts, attachment_name, attachment_type, attachment";
    let row: Option<ClaimedRow> = write_tx!(db, tx => sqlx::query_as(q)
        .bind(at)
        .bind(at + lease)
        .bind(token.0)
        .fetch_optional(&mut *tx)
        .await?);
    Ok(row.map(ClaimedMail::from))
}

/// Makes every mail waiting out a backoff due now (the relay is back), and returns how many.
pub async fn retry_now(db: &Db) -> Result<u64, StoreError> {
    let q = "UPDATE outbox SET next_attempt_at = $1 WHERE sent_at IS NULL AND next_attempt_at > $1";
    Ok(on_db!(db, pool => sqlx::query(q).bind(now()).execute(pool).await?.rows_affected()))
}

/// Gives back every mail still claimed with `token` and not sent (a worker stopping), so that
/// another worker takes them at once instead of waiting out the claim.
pub async fn release(db: &Db, token: ClaimToken) -> Result<u64, StoreError> {
    let q = "UPDATE outbox SET claimed_until = NULL, claim_token = NULL WHERE claim_token = $1 AND sent_at IS NULL";
    Ok(on_db!(db, pool => sqlx::query(q).bind(token.0).execute(pool).await?.rows_affected()))
}

/// How many mails wait to be sent (for tests and the operator).
pub async fn pending_count(db: &Db) -> Result<i64, StoreError> {
    let q = "SELECT COUNT(*) FROM outbox WHERE sent_at IS NULL";
    Ok(on_db!(db, pool => sqlx::query_scalar(q).fetch_one(pool).await?))
}

/// The queue as an operator watches it: mails waiting, of those the ones that failed at least
/// once and the ones a worker holds a claim on (sending them now, or killed while it did), and
/// when the oldest waiting one was queued.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct QueueState {
    pub waiting: i64,
    pub failing: i64,
    pub claimed: i64,
    pub oldest: Option<DateTime<Utc>>,
}

pub async fn queue_state(db: &Db) -> Result<QueueState, StoreError> {
    let q = "SELECT COUNT(*), COALESCE(SUM(CASE WHEN attempts > 0 THEN 1 ELSE 0 END), 0), \
             COALESCE(SUM(CASE WHEN claim_token IS NOT NULL THEN 1 ELSE 0 END), 0), MIN(created_at) \
             FROM outbox WHERE sent_at IS NULL";
    let (waiting, failing, claimed, oldest): (i64, i64, i64, Option<DateTime<Utc>>) =
        on_db!(db, pool => sqlx::query_as(q).fetch_one(pool).await?);
    Ok(QueueState { waiting, failing, claimed, oldest })
}

/// The mails to one recipient, newest first (for tests and the demo's log mode).
pub async fn to_recipient(db: &Db, recipient: &str) -> Result<Vec<OutboxRow>, StoreError> {
    let q =
        "SELECT id, kind, recipient, subject, body, sent_at FROM outbox WHERE recipient = $1 ORDER BY created_at DESC";
    Ok(on_db!(db, pool => sqlx::query_as(q).bind(recipient).fetch_all(pool).await?))
}

#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct OutboxRow {
    pub id: Uuid,
    pub kind: String,
    pub recipient: String,
    pub subject: String,
    pub body: String,
    pub sent_at: Option<DateTime<Utc>>,
}
