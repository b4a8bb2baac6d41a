//! Sign-in through an organisation's identity provider (OpenID Connect): the provider each
//! organisation registered and the e-mail domains it covers, who a provider's subject is here,
//! and sign-ins under way. An attempt is kept by the hash of the browser's secret, like a
//! session; its first stage (sent to the provider) is used once, when the provider answers.

use crate::outbox::Effects;
use crate::{Db, StoreError, now, on_db, write_effects, write_tx};
use chrono::{DateTime, Utc};
use domain::{OrgId, UserId};
use uuid::Uuid;

/// An organisation's identity provider as registered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Provider {
    pub org_id: OrgId,
    pub org_name: String,
    pub issuer: String,
    pub client_id: String,
    pub client_secret: String,
    /// Whether the people of its domains may still sign in with a password here.
    pub password_allowed: bool,
    /// The organisation's domains whose people sign in there.
    pub domains: Vec<String>,
}

/// A provider's registration as an admin saves it.
#[derive(Debug, Clone)]
pub struct ProviderDraft {
    pub issuer: String,
    pub client_id: String,
    /// `None` keeps the secret saved before.
    pub client_secret: Option<String>,
    pub password_allowed: bool,
    pub domains: Vec<String>,
}

type ProviderRow = (Uuid, String, String, String, String, bool);

const PROVIDER_COLUMNS: &str = "p.org_id, o.name, p.issuer, p.client_id, p.client_secret, p.password_allowed";

async fn with_domains(db: &Db, row: Option<ProviderRow>) -> Result<Option<Provider>, StoreError> {
    let Some((org, org_name, issuer, client_id, client_secret, password_allowed)) = row else { return Ok(None) };
    // Only domains the organisation still holds.
    let q = "SELECT d.domain FROM identity_provider_domains d \
             JOIN org_domains od ON od.domain = d.domain AND od.org_id = d.org_id \
             WHERE d.org_id = $1 ORDER BY d.domain";
    let domains: Vec<String> = on_db!(db, pool => sqlx::query_scalar(q).bind(org).fetch_all(pool).await?);
    Ok(Some(Provider { org_id: OrgId(org), org_name, issuer, client_id, client_secret, password_allowed, domains }))
}

/// The provider an organisation registered, if any.
pub async fn provider(db: &Db, org: OrgId) -> Result<Option<Provider>, StoreError> {
    let q = format!(
        "SELECT {PROVIDER_COLUMNS} FROM identity_providers p JOIN organisations o ON o.id = p.org_id WHERE p.org_id = $1"
    );
    let row: Option<ProviderRow> = on_db!(db, pool => sqlx::query_as(&q).bind(org.0).fetch_optional(pool).await?);
    with_domains(db, row).await
}

/// How many organisations have registered an identity provider.
pub async fn provider_count(db: &Db) -> Result<usize, StoreError> {
    let n: i64 =
        on_db!(db, pool => sqlx::query_scalar("SELECT COUNT(*) FROM identity_providers").fetch_one(pool).await?);
    Ok(usize::try_from(n).unwrap_or(0))
}

/// The provider that covers an e-mail domain (one the organisation still holds), if any.
pub async fn provider_for_domain(db: &Db, domain: &str) -> Result<Option<Provider>, StoreError> {
    let q = format!(
        "SELECT {PROVIDER_COLUMNS} FROM identity_provider_domains d \
         JOIN org_domains od ON od.domain = d.domain AND od.org_id = d.org_id \
         JOIN identity_providers p ON p.org_id = d.org_id JOIN organisations o ON o.id = p.org_id \
         WHERE d.domain = $1"
    );
    let row: Option<ProviderRow> = on_db!(db, pool => sqlx::query_as(&q).bind(domain).fetch_optional(pool).await?);
    with_domains(db, row).await
}

/// Registers or changes an organisation's provider, with its domains.
pub async fn save_provider(
    db: &Db,
    org: OrgId,
    draft: &ProviderDraft,
    by: UserId,
    effects: &Effects,
) -> Result<(), StoreError> {
    let at = now();
    write_tx!(db, tx => {
        // Another issuer's subjects are other people: the links to the old one go.
        sqlx::query(
            "DELETE FROM external_identities WHERE org_id = $1 AND EXISTS \
             (SELECT 1 FROM identity_providers p WHERE p.org_id = $1 AND p.issuer <> $2)",
        )
        .bind(org.0)
        .bind(&draft.issuer)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO identity_providers (org_id, issuer, client_id, client_secret, password_allowed, updated_at, updated_by) \
             VALUES ($1, $2, $3, COALESCE($4, ''), $5, $6, $7) \
             ON CONFLICT (org_id) DO UPDATE SET issuer = excluded.issuer, client_id = excluded.client_id, \
             client_secret = COALESCE($4, identity_providers.client_secret), password_allowed = excluded.password_allowed, \
             updated_at = excluded.updated_at, updated_by = excluded.updated_by",
        )
        .bind(org.0)
        .bind(&draft.issuer)
        .bind(&draft.client_id)
        .bind(draft.client_secret.as_deref())
        .bind(draft.password_allowed)
        .bind(at)
        .bind(by.0)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM identity_provider_domains WHERE org_id = $1").bind(org.0).execute(&mut *tx).await?;
        for d in &draft.domains {
            // A domain another organisation's provider covered before it gave the domain up.
            sqlx::query("DELETE FROM identity_provider_domains WHERE domain = $1").bind(d).execute(&mut *tx).await?;
            sqlx::query("INSERT INTO identity_provider_domains (domain, org_id) VALUES ($1, $2)")
                .bind(d)
                .bind(org.0)
                .execute(&mut *tx)
                .await?;
        }
        write_effects!(tx, effects);
    });
    Ok(())
}

/// Removes an organisation's provider: its people sign in with passwords again (the links of
/// their accounts to the provider go with it).
pub async fn delete_provider(db: &Db, org: OrgId, effects: &Effects) -> Result<(), StoreError> {
    write_tx!(db, tx => {
        let n = sqlx::query("DELETE FROM identity_providers WHERE org_id = $1").bind(org.0).execute(&mut *tx).await?;
        if n.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        write_effects!(tx, effects);
    });
    Ok(())
}

/// A sign-in sent to the provider: what its answer is checked against.
#[derive(Debug, Clone)]
pub struct SentAttempt {
    pub org_id: OrgId,
    pub nonce: String,
    pub pkce_verifier: String,
    /// The page the person wanted (a local path).
    pub next: String,
}

/// Keeps a sign-in sent to the provider until `expires_at`; attempts past their time go.
pub async fn start_attempt(
    db: &Db,
    state_hash: &str,
    attempt: &SentAttempt,
    expires_at: DateTime<Utc>,
) -> Result<(), StoreError> {
    let at = now();
    write_tx!(db, tx => {
        sqlx::query("DELETE FROM sso_attempts WHERE expires_at < $1").bind(at).execute(&mut *tx).await?;
        sqlx::query(
            "INSERT INTO sso_attempts (state_hash, org_id, nonce, pkce_verifier, next, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(state_hash)
        .bind(attempt.org_id.0)
        .bind(&attempt.nonce)
        .bind(&attempt.pkce_verifier)
        .bind(&attempt.next)
        .bind(at)
        .bind(expires_at)
        .execute(&mut *tx)
        .await?;
    });
    Ok(())
}

/// Uses up a sign-in sent to the provider (once: a replayed answer finds nothing); `None` for
/// an unknown, used or expired one.
pub async fn take_sent(db: &Db, state_hash: &str) -> Result<Option<SentAttempt>, StoreError> {
    let at = now();
    let row: Option<(Uuid, String, String, String)> = write_tx!(db, tx => {
        sqlx::query_as(
            "DELETE FROM sso_attempts WHERE state_hash = $1 AND subject IS NULL AND expires_at > $2 \
             RETURNING org_id, nonce, pkce_verifier, next",
        )
        .bind(state_hash)
        .bind(at)
        .fetch_optional(&mut *tx)
        .await?
    });
    Ok(row.map(|(org, nonce, pkce_verifier, next)| SentAttempt { org_id: OrgId(org), nonce, pkce_verifier, next }))
}

/// Whom the provider vouched for, held while the person confirms (a new account, or the link
/// to an existing one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    pub org_id: OrgId,
    pub subject: String,
    pub email: String,
    pub display_name: String,
    /// The existing account with this address, to be linked once its password is proved.
    pub link_user: Option<UserId>,
    pub next: String,
}

/// Holds the provider's answer under a new secret's hash until `expires_at`.
pub async fn hold_answer(
    db: &Db,
    answer_hash: &str,
    answer: &Answer,
    expires_at: DateTime<Utc>,
) -> Result<(), StoreError> {
    let q = "INSERT INTO sso_attempts (state_hash, org_id, nonce, pkce_verifier, next, created_at, expires_at, \
             subject, email, display_name, link_user_id) VALUES ($1, $2, '', '', $3, $4, $5, $6, $7, $8, $9)";
    let at = now();
    write_tx!(db, tx => {
        sqlx::query(q)
            .bind(answer_hash)
            .bind(answer.org_id.0)
            .bind(&answer.next)
            .bind(at)
            .bind(expires_at)
            .bind(&answer.subject)
            .bind(&answer.email)
            .bind(&answer.display_name)
            .bind(answer.link_user.map(|u| u.0))
            .execute(&mut *tx)
            .await?;
    });
    Ok(())
}

/// A held answer that has not expired; reads only.
pub async fn held_answer(db: &Db, answer_hash: &str) -> Result<Option<Answer>, StoreError> {
    let q = "SELECT org_id, subject, email, display_name, link_user_id, next FROM sso_attempts \
             WHERE state_hash = $1 AND subject IS NOT NULL AND expires_at > $2";
    type Row = (Uuid, Option<String>, Option<String>, Option<String>, Option<Uuid>, String);
    let row: Option<Row> =
        on_db!(db, pool => sqlx::query_as(q).bind(answer_hash).bind(now()).fetch_optional(pool).await?);
    Ok(row.map(|(org, subject, email, name, link, next)| Answer {
        org_id: OrgId(org),
        subject: subject.unwrap_or_default(),
        email: email.unwrap_or_default(),
        display_name: name.unwrap_or_default(),
        link_user: link.map(UserId),
        next,
    }))
}

/// The account a provider's subject is here, if it has one.
pub async fn identity_user(db: &Db, org: OrgId, subject: &str) -> Result<Option<UserId>, StoreError> {
    let q = "SELECT user_id FROM external_identities WHERE org_id = $1 AND subject = $2";
    let user: Option<Uuid> =
        on_db!(db, pool => sqlx::query_scalar(q).bind(org.0).bind(subject).fetch_optional(pool).await?);
    Ok(user.map(UserId))
}

/// Inside the transaction `$tx`: uses up the held answer `$answer_hash` (returning `NotFound`
/// when it is gone or expired) and links the account `$user` to the provider's `$subject` at
/// the organisation `$org`.
macro_rules! take_answer_and_link {
    ($tx:ident, $answer_hash:expr, $org:expr, $subject:expr, $user:expr, $at:expr) => {{
        let held = sqlx::query("DELETE FROM sso_attempts WHERE state_hash = $1 AND expires_at > $2")
            .bind($answer_hash)
            .bind($at)
            .execute(&mut *$tx)
            .await?;
        if held.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        sqlx::query("INSERT INTO external_identities (org_id, subject, user_id, linked_at) VALUES ($1, $2, $3, $4)")
            .bind($org)
            .bind($subject)
            .bind($user)
            .bind($at)
            .execute(&mut *$tx)
            .await?;
    }};
}
pub(crate) use take_answer_and_link;

/// Links an existing account to the provider's subject (its password was proved) and uses up
/// the held answer; the address counts as verified, since the provider vouched for it.
pub async fn link(
    db: &Db,
    answer_hash: &str,
    user: UserId,
    answer: &Answer,
    effects: &Effects,
) -> Result<(), StoreError> {
    let at = now();
    write_tx!(db, tx => {
        take_answer_and_link!(tx, answer_hash, answer.org_id.0, &answer.subject, user.0, at);
        sqlx::query("UPDATE users SET email_verified_at = COALESCE(email_verified_at, $2) WHERE id = $1")
            .bind(user.0)
            .bind(at)
            .execute(&mut *tx)
            .await?;
        write_effects!(tx, effects);
    });
    Ok(())
}
