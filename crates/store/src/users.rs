//! Accounts, e-mail verification, invitations, sessions, personal API tokens and the limits on
//! failed logins. Secrets (session ids, tokens, links) are stored only as SHA-256 hashes, made
//! by the caller; this module never sees a secret in clear.

use crate::outbox::Effects;
use crate::{Db, StoreError, now, on_db, write_effects, write_tx};
use chrono::{DateTime, Duration, Utc};
use domain::access::{Actor, OrgRole};
use domain::values::Locale;
use domain::{OrgId, TokenId, UserId};
use uuid::Uuid;

/// A new account.
#[derive(Debug, Clone)]
pub struct NewUser {
    pub id: UserId,
    pub email: String,
    pub email_norm: String,
    pub display_name: String,
    pub password_hash: String,
    pub org_id: Option<OrgId>,
    pub locale: Locale,
    pub organiser: bool,
    pub verified: bool,
}

/// How the new account proves its address: a verification link to send, or an invitation
/// (which came by e-mail and so already proved it).
#[derive(Debug, Clone)]
pub enum Proof {
    VerifyLink {
        token_hash: String,
        expires_at: DateTime<Utc>,
    },
    Invitation {
        token_hash: String,
    },
    /// Made by an operator on the command line or by the demo.
    Operator,
    /// Vouched for by the organisation's identity provider: the account is linked to the
    /// provider's subject, and the held answer ([`crate::sso::held_answer`]) is used up.
    Provider {
        org: OrgId,
        subject: String,
        answer_hash: String,
    },
}

/// Creates an account. With an invitation, the invitation is used up and its role granted in
/// the same transaction.
pub async fn create(db: &Db, user: &NewUser, proof: &Proof, effects: &Effects) -> Result<(), StoreError> {
    let at = now();
    let verified = matches!(proof, Proof::Invitation { .. } | Proof::Provider { .. }) || user.verified;
    write_tx!(db, tx => {
        sqlx::query(
            "INSERT INTO users (id, email, email_norm, display_name, password_hash, org_id, locale, organiser, email_verified_at, created_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
        )
        .bind(user.id.0)
        .bind(&user.email)
        .bind(&user.email_norm)
        .bind(&user.display_name)
        .bind(&user.password_hash)
        .bind(user.org_id.map(|o| o.0))
        .bind(user.locale.as_str())
        .bind(user.organiser)
        .bind(verified.then_some(at))
        .bind(at)
        .execute(&mut *tx)
        .await?;
        match proof {
            Proof::VerifyLink { token_hash, expires_at } => {
                sqlx::query("INSERT INTO email_tokens (token_hash, user_id, purpose, expires_at) VALUES ($1, $2, 'verify', $3)")
                    .bind(token_hash)
                    .bind(user.id.0)
                    .bind(expires_at)
                    .execute(&mut *tx)
                    .await?;
            }
            Proof::Invitation { token_hash } => {
                let inv: Option<(Uuid, Option<String>)> = sqlx::query_as(
                    "UPDATE invitations SET accepted_at = $2 WHERE token_hash = $1 AND accepted_at IS NULL \
                     AND expires_at > $2 AND email_norm = $3 RETURNING org_id, role",
                )
                .bind(token_hash)
                .bind(at)
                .bind(&user.email_norm)
                .fetch_optional(&mut *tx)
                .await?;
                let (org, role) = inv.ok_or(StoreError::NotFound)?;
                if let Some(role) = role {
                    sqlx::query("INSERT INTO user_roles (user_id, org_id, role) VALUES ($1, $2, $3)")
                        .bind(user.id.0)
                        .bind(org)
                        .bind(role)
                        .execute(&mut *tx)
                        .await?;
                }
            }
            Proof::Provider { org, subject, answer_hash } => {
                crate::sso::take_answer_and_link!(tx, answer_hash, org.0, subject, user.id.0, at);
            }
            Proof::Operator => {}
        }
        write_effects!(tx, effects);
    });
    Ok(())
}

/// What a link sent by e-mail is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkPurpose {
    Verify,
    ResetPassword,
}

impl LinkPurpose {
    fn code(self) -> &'static str {
        match self {
            LinkPurpose::Verify => "verify",
            LinkPurpose::ResetPassword => "reset",
        }
    }
}

/// Marks a live link of `purpose` as used inside the transaction `$tx`; its account, or
/// `NotFound` (returned) for a link that is unknown, used or expired.
macro_rules! use_link {
    ($tx:ident, $hash:expr, $purpose:expr, $at:expr) => {{
        let user: Option<Uuid> = sqlx::query_scalar(
            "UPDATE email_tokens SET used_at = $2 WHERE token_hash = $1 AND purpose = $3 \
             AND used_at IS NULL AND expires_at > $2 RETURNING user_id",
        )
        .bind($hash)
        .bind($at)
        .bind($purpose.code())
        .fetch_optional(&mut *$tx)
        .await?;
        UserId(user.ok_or(StoreError::NotFound)?)
    }};
}

/// A new link for an account (a verification link again, or a password reset).
pub async fn add_link(
    db: &Db,
    user: UserId,
    purpose: LinkPurpose,
    token_hash: &str,
    expires_at: DateTime<Utc>,
    effects: &Effects,
) -> Result<(), StoreError> {
    write_tx!(db, tx => {
        sqlx::query("INSERT INTO email_tokens (token_hash, user_id, purpose, expires_at) VALUES ($1, $2, $3, $4)")
            .bind(token_hash)
            .bind(user.0)
            .bind(purpose.code())
            .bind(expires_at)
            .execute(&mut *tx)
            .await?;
        write_effects!(tx, effects);
    });
    Ok(())
}

/// The account of a live link of `purpose` (unused, not expired); reads only.
pub async fn link_owner(db: &Db, token_hash: &str, purpose: LinkPurpose) -> Result<Option<UserId>, StoreError> {
    let q = "SELECT user_id FROM email_tokens WHERE token_hash = $1 AND purpose = $3 AND used_at IS NULL AND expires_at > $2";
    let user: Option<Uuid> = on_db!(db, pool => {
        sqlx::query_scalar(q).bind(token_hash).bind(now()).bind(purpose.code()).fetch_optional(pool).await?
    });
    Ok(user.map(UserId))
}

/// Uses a password-reset link: sets the new password, ends every session of the account, and
/// (as a link by mail proves the address) marks the address verified.
pub async fn reset_password(
    db: &Db,
    token_hash: &str,
    password_hash: &str,
    effects_for: impl FnOnce(UserId) -> Effects,
) -> Result<UserId, StoreError> {
    let at = now();
    let user = write_tx!(db, tx => {
        let user = use_link!(tx, token_hash, LinkPurpose::ResetPassword, at);
        sqlx::query("UPDATE users SET password_hash = $2, email_verified_at = COALESCE(email_verified_at, $3) WHERE id = $1")
            .bind(user.0)
            .bind(password_hash)
            .bind(at)
            .execute(&mut *tx)
            .await?;
        // Everything the old password let anyone make ends with it: sessions, API tokens, the
        // calendar feed's address, and every other reset link sent before.
        sqlx::query("DELETE FROM sessions WHERE user_id = $1").bind(user.0).execute(&mut *tx).await?;
        sqlx::query("UPDATE api_tokens SET revoked_at = $2 WHERE user_id = $1 AND revoked_at IS NULL")
            .bind(user.0)
            .bind(at)
            .execute(&mut *tx)
            .await?;
        sqlx::query("DELETE FROM calendar_feeds WHERE user_id = $1").bind(user.0).execute(&mut *tx).await?;
        sqlx::query("UPDATE email_tokens SET used_at = $3 WHERE user_id = $1 AND purpose = $2 AND used_at IS NULL")
            .bind(user.0)
            .bind(LinkPurpose::ResetPassword.code())
            .bind(at)
            .execute(&mut *tx)
            .await?;
        let effects = effects_for(user);
        write_effects!(tx, effects);
        user
    });
    Ok(user)
}

/// Uses a verification link: the account's address counts as verified from now on.
pub async fn verify_email(
    db: &Db,
    token_hash: &str,
    effects_for: impl FnOnce(UserId) -> Effects,
) -> Result<UserId, StoreError> {
    let at = now();
    let user = write_tx!(db, tx => {
        let user = use_link!(tx, token_hash, LinkPurpose::Verify, at);
        sqlx::query("UPDATE users SET email_verified_at = $2 WHERE id = $1 AND email_verified_at IS NULL")
            .bind(user.0)
            .bind(at)
            .execute(&mut *tx)
            .await?;
        let effects = effects_for(user);
        write_effects!(tx, effects);
        user
    });
    Ok(user)
}

/// What login needs to know of an account.
#[derive(Debug, Clone, sqlx::FromRow)]
pub struct Credentials {
    pub id: Uuid,
    pub password_hash: String,
    pub email_verified_at: Option<DateTime<Utc>>,
}

pub async fn credentials(db: &Db, email_norm: &str) -> Result<Option<Credentials>, StoreError> {
    let q = "SELECT id, password_hash, email_verified_at FROM users WHERE email_norm = $1";
    Ok(on_db!(db, pool => sqlx::query_as(q).bind(email_norm).fetch_optional(pool).await?))
}

/// A signed-in person's account.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub id: UserId,
    pub email: String,
    pub display_name: String,
    pub org_id: Option<OrgId>,
    pub org_name: Option<String>,
    pub locale: Locale,
    pub organiser: bool,
    pub verified: bool,
    pub roles: Vec<OrgRole>,
}

impl Account {
    /// The account as the subject of access decisions.
    pub fn actor(&self) -> Actor {
        Actor { user_id: self.id, org_id: self.org_id, roles: self.roles.clone(), organiser: self.organiser }
    }
}

/// The columns and joins that read an account with its roles: one row per role, or one row
/// with no role.
const ACCOUNT_COLUMNS: &str =
    "u.id, u.email, u.display_name, u.org_id, o.name, u.locale, u.organiser, u.email_verified_at, r.role";
const ACCOUNT_JOINS: &str = "LEFT JOIN organisations o ON o.id = u.org_id \
                             LEFT JOIN user_roles r ON r.user_id = u.id AND r.org_id = u.org_id";
type AccountRow =
    (Uuid, String, String, Option<Uuid>, Option<String>, String, bool, Option<DateTime<Utc>>, Option<String>);

fn account_of(rows: Vec<AccountRow>) -> Option<Account> {
    let roles: Vec<OrgRole> = rows.iter().filter_map(|r| r.8.as_deref().and_then(OrgRole::from_code)).collect();
    let (id, email, display_name, org_id, org_name, locale, organiser, verified, _) = rows.into_iter().next()?;
    Some(Account {
        id: UserId(id),
        email,
        display_name,
        org_id: org_id.map(OrgId),
        org_name,
        locale: Locale::from_code(&locale).unwrap_or_default(),
        organiser,
        verified: verified.is_some(),
        roles,
    })
}

/// An account with its roles in its organisation, in one query (every page reads it).
pub async fn account(db: &Db, id: UserId) -> Result<Account, StoreError> {
    let q = format!("SELECT {ACCOUNT_COLUMNS} FROM users u {ACCOUNT_JOINS} WHERE u.id = $1");
    let rows: Vec<AccountRow> = on_db!(db, pool => sqlx::query_as(&q).bind(id.0).fetch_all(pool).await?);
    account_of(rows).ok_or(StoreError::NotFound)
}

pub async fn account_by_email(db: &Db, email_norm: &str) -> Result<Option<UserId>, StoreError> {
    let q = "SELECT id FROM users WHERE email_norm = $1";
    let id: Option<Uuid> = on_db!(db, pool => sqlx::query_scalar(q).bind(email_norm).fetch_optional(pool).await?);
    Ok(id.map(UserId))
}

pub async fn set_locale(db: &Db, user: UserId, locale: Locale) -> Result<(), StoreError> {
    let q = "UPDATE users SET locale = $2 WHERE id = $1";
    on_db!(db, pool => { sqlx::query(q).bind(user.0).bind(locale.as_str()).execute(pool).await?; });
    Ok(())
}

pub async fn set_organiser(db: &Db, user: UserId, organiser: bool, effects: &Effects) -> Result<(), StoreError> {
    write_tx!(db, tx => {
        sqlx::query("UPDATE users SET organiser = $2 WHERE id = $1").bind(user.0).bind(organiser).execute(&mut *tx).await?;
        write_effects!(tx, effects);
    });
    Ok(())
}

// --- invitations ---------------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invitation {
    pub org_id: OrgId,
    pub email_norm: String,
    pub role: Option<OrgRole>,
    pub expires_at: DateTime<Utc>,
    pub accepted: bool,
}

#[allow(clippy::too_many_arguments)]
pub async fn invite(
    db: &Db,
    org: OrgId,
    email_norm: &str,
    role: Option<OrgRole>,
    by: UserId,
    token_hash: &str,
    expires_at: DateTime<Utc>,
    effects: &Effects,
) -> Result<(), StoreError> {
    write_tx!(db, tx => {
        insert_invitation!(tx, org, email_norm, role, by, token_hash, expires_at);
        write_effects!(tx, effects);
    });
    Ok(())
}

/// Inserts an invitation inside the caller's transaction `$tx`; it replaces the unused ones to
/// the same person (sent again: one link).
macro_rules! insert_invitation {
    ($tx:ident, $org:expr, $email_norm:expr, $role:expr, $by:expr, $token_hash:expr, $expires_at:expr) => {{
        let (org, email_norm, role, by): (domain::OrgId, &str, Option<domain::access::OrgRole>, domain::UserId) =
            ($org, $email_norm, $role, $by);
        sqlx::query("DELETE FROM invitations WHERE org_id = $1 AND email_norm = $2 AND accepted_at IS NULL")
            .bind(org.0)
            .bind(email_norm)
            .execute(&mut *$tx)
            .await?;
        sqlx::query(
            "INSERT INTO invitations (token_hash, org_id, email_norm, role, invited_by, created_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind($token_hash)
        .bind(org.0)
        .bind(email_norm)
        .bind(role.map(|r| r.code()))
        .bind(by.0)
        .bind($crate::now())
        .bind($expires_at)
        .execute(&mut *$tx)
        .await?;
    }};
}
pub(crate) use insert_invitation;

pub async fn invitation(db: &Db, token_hash: &str) -> Result<Option<Invitation>, StoreError> {
    let q = "SELECT org_id, email_norm, role, expires_at, accepted_at FROM invitations WHERE token_hash = $1";
    let row: Option<(Uuid, String, Option<String>, DateTime<Utc>, Option<DateTime<Utc>>)> =
        on_db!(db, pool => sqlx::query_as(q).bind(token_hash).fetch_optional(pool).await?);
    Ok(row.map(|(org, email_norm, role, expires_at, accepted)| Invitation {
        org_id: OrgId(org),
        email_norm,
        role: role.and_then(|r| OrgRole::from_code(&r)),
        expires_at,
        accepted: accepted.is_some(),
    }))
}

/// An invitation not yet used, as its organisation's admins see it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PendingInvitation {
    pub email_norm: String,
    pub role: Option<OrgRole>,
    pub expires_at: DateTime<Utc>,
}

/// The organisation's invitations not yet used, the newest per address, by address.
pub async fn pending_invitations(db: &Db, org: OrgId) -> Result<Vec<PendingInvitation>, StoreError> {
    let q = "SELECT email_norm, role, expires_at FROM invitations \
             WHERE org_id = $1 AND accepted_at IS NULL ORDER BY email_norm, created_at DESC";
    let rows: Vec<(String, Option<String>, DateTime<Utc>)> =
        on_db!(db, pool => sqlx::query_as(q).bind(org.0).fetch_all(pool).await?);
    let mut out: Vec<PendingInvitation> = Vec::new();
    for (email_norm, role, expires_at) in rows {
        if out.last().is_none_or(|p| p.email_norm != email_norm) {
            out.push(PendingInvitation { email_norm, role: role.and_then(|r| OrgRole::from_code(&r)), expires_at });
        }
    }
    Ok(out)
}

/// Takes back every unused invitation of the organisation to `email_norm` (their links stop
/// working); returns how many there were.
pub async fn revoke_invitations(db: &Db, org: OrgId, email_norm: &str, effects: &Effects) -> Result<u64, StoreError> {
    let q = "DELETE FROM invitations WHERE org_id = $1 AND email_norm = $2 AND accepted_at IS NULL";
    let removed = write_tx!(db, tx => {
        let removed = sqlx::query(q).bind(org.0).bind(email_norm).execute(&mut *tx).await?.rows_affected();
        if removed > 0 {
            write_effects!(tx, effects);
        }
        removed
    });
    Ok(removed)
}

// --- sessions ------------------------------------------------------------------------------

/// How long a session lives without a request, and at most.
#[derive(Debug, Clone, Copy)]
pub struct SessionLimits {
    pub idle: Duration,
    pub absolute: Duration,
}

impl Default for SessionLimits {
    fn default() -> Self {
        Self { idle: Duration::minutes(30), absolute: Duration::hours(12) }
    }
}

/// A sign-in through an organisation's identity provider.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ProviderSignIn {
    pub org: OrgId,
    /// When the person authenticated there (the ID token's `auth_time`), if the provider says:
    /// a sign-in the provider answered from an older session of its own is not a fresh one.
    pub authenticated_at: Option<DateTime<Utc>>,
}

impl From<OrgId> for ProviderSignIn {
    fn from(org: OrgId) -> Self {
        Self { org, authenticated_at: None }
    }
}

/// Starts a session (a new id at every login) and records the login; `via` is the
/// sign-in through an organisation's identity provider, if one signed the person in. The
/// session counts as signed in when the person authenticated (now, or the provider's time).
pub async fn create_session(
    db: &Db,
    user: UserId,
    token_hash: &str,
    limits: SessionLimits,
    via: Option<ProviderSignIn>,
    effects: &Effects,
) -> Result<(), StoreError> {
    let at = now();
    let signed_in = via.and_then(|v| v.authenticated_at).map_or(at, |t| t.min(at));
    write_tx!(db, tx => {
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at, sso_org_id) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
            .bind(token_hash)
            .bind(user.0)
            .bind(signed_in)
            .bind(at)
            .bind(at + limits.absolute)
            .bind(via.map(|v| v.org.0))
            .execute(&mut *tx)
            .await?;
        // Sessions past their end or idle for too long.
        sqlx::query("DELETE FROM sessions WHERE expires_at < $1 OR last_seen_at < $2")
            .bind(at)
            .bind(at - limits.idle)
            .execute(&mut *tx)
            .await?;
        write_effects!(tx, effects);
    });
    Ok(())
}

/// A live session: whose it is, when it ends if nothing happens, and whether its last use
/// should be noted ([`note_use`]) because the note is older than [`USE_NOTED_EVERY`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LiveSession {
    pub account: Account,
    /// The person's unread messages (every page's header shows the count).
    pub unread: i64,
    pub idle_end: DateTime<Utc>,
    pub note_use: bool,
    /// When the person signed in (the session began), and through which organisation's
    /// identity provider, if one signed them in.
    pub signed_in_at: DateTime<Utc>,
    pub via: Option<OrgId>,
}

/// A live session with its person's account and unread count, in one query (every signed-in
/// page asks); a session idle for too long or past its end is gone. Reads only: its use is noted by
/// [`note_use`], outside the request (sessions past their end are removed at the next login).
pub async fn session_user(db: &Db, token_hash: &str, limits: SessionLimits) -> Result<Option<LiveSession>, StoreError> {
    let at = now();
    let q = format!(
        "SELECT se.last_seen_at, se.expires_at, se.created_at, se.sso_org_id, \
         (SELECT COUNT(*) FROM notifications n WHERE n.user_id = u.id AND n.read_at IS NULL), {ACCOUNT_COLUMNS} \
         FROM sessions se JOIN users u ON u.id = se.user_id {ACCOUNT_JOINS} WHERE se.token_hash = $1"
    );
    type Row = (
        DateTime<Utc>,
        DateTime<Utc>,
        DateTime<Utc>,
        Option<Uuid>,
        i64,
        Uuid,
        String,
        String,
        Option<Uuid>,
        Option<String>,
        String,
        bool,
        Option<DateTime<Utc>>,
        Option<String>,
    );
    let rows: Vec<Row> = on_db!(db, pool => sqlx::query_as(&q).bind(token_hash).fetch_all(pool).await?);
    let Some(&(last_seen, expires, signed_in_at, via, unread, ..)) = rows.first() else { return Ok(None) };
    if expires <= at || last_seen + limits.idle <= at {
        return Ok(None);
    }
    let account =
        rows.into_iter().map(|(_, _, _, _, _, a, b, c, d, e, f, g, h, i)| (a, b, c, d, e, f, g, h, i)).collect();
    let note_use = at - last_seen >= USE_NOTED_EVERY;
    Ok(account_of(account).map(|account| LiveSession {
        account,
        unread,
        // Its use is noted at most once a minute: until it is, the idle time counts from the
        // last note.
        idle_end: if note_use { at + limits.idle } else { last_seen + limits.idle }.min(expires),
        note_use,
        signed_in_at,
        via: via.map(OrgId),
    }))
}

/// A session, API token or calendar feed's last use is noted at most this often: writing on
/// every request would serialise all readers on SQLite, and a minute is precise enough for an
/// idle timeout of many minutes and for "last used" on the tokens page.
pub const USE_NOTED_EVERY: Duration = Duration::minutes(1);

/// What is used with a secret and keeps the time of its last use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum UsedBy {
    Session,
    ApiToken,
    CalendarFeed,
}

/// Notes that the secret behind `token_hash` was used at `at`, unless a use at most
/// [`USE_NOTED_EVERY`] before was noted already (by another instance, say); whether it wrote.
pub async fn note_use(db: &Db, what: UsedBy, token_hash: &str, at: DateTime<Utc>) -> Result<bool, StoreError> {
    let q = match what {
        UsedBy::Session => "UPDATE sessions SET last_seen_at = $2 WHERE token_hash = $1 AND last_seen_at <= $3",
        UsedBy::ApiToken => {
            "UPDATE api_tokens SET last_used_at = $2 WHERE token_hash = $1 AND (last_used_at IS NULL OR last_used_at <= $3)"
        }
        UsedBy::CalendarFeed => {
            "UPDATE calendar_feeds SET last_used_at = $2 WHERE token_hash = $1 AND (last_used_at IS NULL OR last_used_at <= $3)"
        }
    };
    let since = at - USE_NOTED_EVERY;
    let n =
        on_db!(db, pool => sqlx::query(q).bind(token_hash).bind(at).bind(since).execute(pool).await?.rows_affected());
    Ok(n > 0)
}

/// Ends a session; the organisation whose identity provider opened it, if one did.
pub async fn delete_session(db: &Db, token_hash: &str) -> Result<Option<OrgId>, StoreError> {
    let q = "DELETE FROM sessions WHERE token_hash = $1 RETURNING sso_org_id";
    let via: Option<Option<Uuid>> =
        on_db!(db, pool => sqlx::query_scalar(q).bind(token_hash).fetch_optional(pool).await?);
    Ok(via.flatten().map(OrgId))
}

// --- failed logins -------------------------------------------------------------------------

/// After this many failures within the window, logins for the address pause for the window.
pub const MAX_LOGIN_FAILURES: i64 = 5;
pub const LOGIN_WINDOW: Duration = Duration::minutes(15);

/// Until when logins for the address are paused, if they are.
pub async fn login_locked_until(db: &Db, email_norm: &str) -> Result<Option<DateTime<Utc>>, StoreError> {
    let q = "SELECT locked_until FROM login_failures WHERE email_norm = $1";
    let until: Option<Option<DateTime<Utc>>> =
        on_db!(db, pool => sqlx::query_scalar(q).bind(email_norm).fetch_optional(pool).await?);
    Ok(until.flatten().filter(|u| *u > now()))
}

/// Counts a failed login; returns the time until which logins are paused, if now paused.
pub async fn record_login_failure(
    db: &Db,
    email_norm: &str,
    effects: &Effects,
) -> Result<Option<DateTime<Utc>>, StoreError> {
    let at = now();
    let window_start = at - LOGIN_WINDOW;
    let locked = write_tx!(db, tx => {
        let (failures,): (i64,) = sqlx::query_as(
            "INSERT INTO login_failures (email_norm, failures, first_failure_at) VALUES ($1, 1, $2) \
             ON CONFLICT (email_norm) DO UPDATE SET \
               failures = CASE WHEN login_failures.first_failure_at < $3 THEN 1 ELSE login_failures.failures + 1 END, \
               first_failure_at = CASE WHEN login_failures.first_failure_at < $3 THEN $2 ELSE login_failures.first_failure_at END \
             RETURNING failures",
        )
        .bind(email_norm)
        .bind(at)
        .bind(window_start)
        .fetch_one(&mut *tx)
        .await?;
        let locked = (failures >= MAX_LOGIN_FAILURES).then_some(at + LOGIN_WINDOW);
        if let Some(until) = locked {
            sqlx::query("UPDATE login_failures SET locked_until = $2, failures = 0, first_failure_at = $3 WHERE email_norm = $1")
                .bind(email_norm)
                .bind(until)
                .bind(at)
                .execute(&mut *tx)
                .await?;
        }
        write_effects!(tx, effects);
        locked
    });
    Ok(locked)
}

pub async fn clear_login_failures(db: &Db, email_norm: &str) -> Result<(), StoreError> {
    let q = "DELETE FROM login_failures WHERE email_norm = $1";
    on_db!(db, pool => { sqlx::query(q).bind(email_norm).execute(pool).await?; });
    Ok(())
}

// --- personal API tokens -------------------------------------------------------------------

#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct ApiToken {
    pub id: TokenId,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
}

pub async fn create_token(
    db: &Db,
    user: UserId,
    name: &str,
    token_hash: &str,
    effects: &Effects,
) -> Result<TokenId, StoreError> {
    let id = TokenId::new();
    write_tx!(db, tx => {
        sqlx::query("INSERT INTO api_tokens (id, user_id, name, token_hash, created_at) VALUES ($1, $2, $3, $4, $5)")
            .bind(id.0)
            .bind(user.0)
            .bind(name)
            .bind(token_hash)
            .bind(now())
            .execute(&mut *tx)
            .await?;
        write_effects!(tx, effects);
    });
    Ok(id)
}

/// The owner's tokens that are not revoked.
pub async fn tokens(db: &Db, user: UserId) -> Result<Vec<ApiToken>, StoreError> {
    let q = "SELECT id, name, created_at, last_used_at FROM api_tokens WHERE user_id = $1 AND revoked_at IS NULL ORDER BY created_at";
    let rows: Vec<(Uuid, String, DateTime<Utc>, Option<DateTime<Utc>>)> =
        on_db!(db, pool => sqlx::query_as(q).bind(user.0).fetch_all(pool).await?);
    Ok(rows
        .into_iter()
        .map(|(id, name, created_at, last_used_at)| ApiToken { id: TokenId(id), name, created_at, last_used_at })
        .collect())
}

/// Revokes one of the owner's tokens; someone else's token counts as not found.
pub async fn revoke_token(db: &Db, user: UserId, id: TokenId, effects: &Effects) -> Result<(), StoreError> {
    write_tx!(db, tx => {
        let n = sqlx::query("UPDATE api_tokens SET revoked_at = $3 WHERE id = $1 AND user_id = $2 AND revoked_at IS NULL")
            .bind(id.0)
            .bind(user.0)
            .bind(now())
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if n == 0 {
            return Err(StoreError::NotFound);
        }
        write_effects!(tx, effects);
    });
    Ok(())
}

/// The owner of a live token, and whether its use should be noted ([`note_use`]). Reads only.
pub async fn token_user(db: &Db, token_hash: &str) -> Result<Option<(UserId, bool)>, StoreError> {
    let q = "SELECT user_id, last_used_at FROM api_tokens WHERE token_hash = $1 AND revoked_at IS NULL";
    let row: Option<(Uuid, Option<DateTime<Utc>>)> =
        on_db!(db, pool => sqlx::query_as(q).bind(token_hash).fetch_optional(pool).await?);
    Ok(row.map(|(user, last)| (UserId(user), last.is_none_or(|l| now() - l >= USE_NOTED_EVERY))))
}
