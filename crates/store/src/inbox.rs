//! The in-app inbox: messages written with the change they report (see
//! [`crate::outbox::Effects`]), read by their recipient.

use crate::outbox::Effects;
use crate::{Db, StoreError, now, on_db, write_effects, write_tx};
use chrono::{DateTime, Utc};
use domain::UserId;
use uuid::Uuid;

/// A message of the in-app inbox.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Notification {
    pub id: Uuid,
    pub swap_id: Option<Uuid>,
    pub kind: String,
    pub text: String,
    pub created_at: DateTime<Utc>,
    pub read_at: Option<DateTime<Utc>>,
}

/// A person's newest 200 messages, newest first.
pub async fn of_user(db: &Db, user: UserId) -> Result<Vec<Notification>, StoreError> {
    let q = "SELECT id, swap_id, kind, text, created_at, read_at FROM notifications WHERE user_id = $1 ORDER BY created_at DESC, id DESC LIMIT 200";
    Ok(on_db!(db, pool => sqlx::query_as(q).bind(user.0).fetch_all(pool).await?))
}

pub async fn unread_count(db: &Db, user: UserId) -> Result<i64, StoreError> {
    let q = "SELECT COUNT(*) FROM notifications WHERE user_id = $1 AND read_at IS NULL";
    Ok(on_db!(db, pool => sqlx::query_scalar(q).bind(user.0).fetch_one(pool).await?))
}

pub async fn mark_read(db: &Db, user: UserId) -> Result<(), StoreError> {
    let q = "UPDATE notifications SET read_at = $2 WHERE user_id = $1 AND read_at IS NULL";
    on_db!(db, pool => { sqlx::query(q).bind(user.0).bind(now()).execute(pool).await?; });
    Ok(())
}

/// People who take a daily digest and whose last one was made before `boundary`, with when
/// that was.
pub async fn digests_due(db: &Db, boundary: DateTime<Utc>) -> Result<Vec<(UserId, Option<DateTime<Utc>>)>, StoreError> {
    let q = "SELECT id, digest_sent_at FROM users WHERE mail_digest = TRUE \
             AND (digest_sent_at IS NULL OR digest_sent_at < $1) ORDER BY id";
    let rows: Vec<(Uuid, Option<DateTime<Utc>>)> =
        on_db!(db, pool => sqlx::query_as(q).bind(boundary).fetch_all(pool).await?);
    Ok(rows.into_iter().map(|(id, at)| (UserId(id), at)).collect())
}

/// A person's messages of these kinds written after `since` and at `until` or before, oldest
/// first (the bound keeps a message written meanwhile for the next digest, not two).
pub async fn between(
    db: &Db,
    user: UserId,
    since: DateTime<Utc>,
    until: DateTime<Utc>,
    kinds: &[&str],
) -> Result<Vec<Notification>, StoreError> {
    let mut items: Vec<Notification> = {
        let q = "SELECT id, swap_id, kind, text, created_at, read_at FROM notifications \
                 WHERE user_id = $1 AND created_at > $2 AND created_at <= $3 ORDER BY created_at, id";
        on_db!(db, pool => sqlx::query_as(q).bind(user.0).bind(since).bind(until).fetch_all(pool).await?)
    };
    items.retain(|n| kinds.contains(&n.kind.as_str()));
    Ok(items)
}

/// Records that `user`'s digest was made at `now` (with its mail, if it has one), unless
/// another worker did so since `previous` was read: then nothing is written and the answer is
/// false. So two instances never send one digest twice.
pub async fn digest_made(
    db: &Db,
    user: UserId,
    previous: Option<DateTime<Utc>>,
    now: DateTime<Utc>,
    effects: &Effects,
) -> Result<bool, StoreError> {
    write_tx!(db, tx => {
        let claimed = match previous {
            Some(at) => sqlx::query("UPDATE users SET digest_sent_at = $3 WHERE id = $1 AND digest_sent_at = $2")
                .bind(user.0)
                .bind(at)
                .bind(now)
                .execute(&mut *tx)
                .await?,
            None => sqlx::query("UPDATE users SET digest_sent_at = $2 WHERE id = $1 AND digest_sent_at IS NULL")
                .bind(user.0)
                .bind(now)
                .execute(&mut *tx)
                .await?,
        };
        if claimed.rows_affected() == 0 {
            return Ok(false);
        }
        write_effects!(tx, effects);
    });
    Ok(true)
}

/// Whether `user` takes notices that need no action as a daily digest, and when their last
/// digest was made.
pub async fn digest_state(db: &Db, user: UserId) -> Result<(bool, Option<DateTime<Utc>>), StoreError> {
    let q = "SELECT mail_digest, digest_sent_at FROM users WHERE id = $1";
    let row: Option<(bool, Option<DateTime<Utc>>)> =
        on_db!(db, pool => sqlx::query_as(q).bind(user.0).fetch_optional(pool).await?);
    row.ok_or(StoreError::NotFound)
}

/// Switches `user`'s daily digest on or off; a digest switched on starts from `now`, and
/// saving the setting it has already changes nothing.
pub async fn set_digest(
    db: &Db,
    user: UserId,
    on: bool,
    now: DateTime<Utc>,
    effects: &Effects,
) -> Result<(), StoreError> {
    write_tx!(db, tx => {
        sqlx::query(
            "UPDATE users SET digest_sent_at = CASE WHEN mail_digest = $2 THEN digest_sent_at ELSE $3 END, \
             mail_digest = $2 WHERE id = $1",
        )
        .bind(user.0)
        .bind(on)
        .bind(on.then_some(now))
        .execute(&mut *tx)
        .await?;
        write_effects!(tx, effects);
    });
    Ok(())
}
