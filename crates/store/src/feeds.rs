//! Private calendar feeds: one secret feed address per person, for calendar programs that
//! subscribe without signing in. Only the SHA-256 hash of the secret is kept (the caller hashes
//! it, as for sessions and API tokens). A person has at most one feed: making a new one replaces
//! the hash, so the old address stops working at once; revoking deletes it.

use crate::outbox::Effects;
use crate::{Db, StoreError, now, on_db, write_effects, write_tx};
use chrono::{DateTime, Utc};
use domain::UserId;
use uuid::Uuid;

/// A person's feed as their settings page shows it (never the secret: it is not kept).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Feed {
    pub created_at: DateTime<Utc>,
    /// When a calendar program last fetched it, so that the person can tell a used address.
    pub last_used_at: Option<DateTime<Utc>>,
}

/// Creates the feed of `user`, or replaces its secret (rotation): the previous address is
/// dead after this returns.
pub async fn create_or_rotate(db: &Db, user: UserId, token_hash: &str, effects: &Effects) -> Result<(), StoreError> {
    let at = now();
    write_tx!(db, tx => {
        sqlx::query(
            "INSERT INTO calendar_feeds (user_id, token_hash, created_at, last_used_at) VALUES ($1, $2, $3, NULL) \
             ON CONFLICT (user_id) DO UPDATE SET token_hash = excluded.token_hash, \
             created_at = excluded.created_at, last_used_at = NULL",
        )
        .bind(user.0)
        .bind(token_hash)
        .bind(at)
        .execute(&mut *tx)
        .await?;
        write_effects!(tx, effects);
    });
    Ok(())
}

/// Deletes the feed of `user`; returns whether there was one (revoking twice is no error, the
/// effects are written only when something was revoked).
pub async fn revoke(db: &Db, user: UserId, effects: &Effects) -> Result<bool, StoreError> {
    let gone = write_tx!(db, tx => {
        let n = sqlx::query("DELETE FROM calendar_feeds WHERE user_id = $1")
            .bind(user.0)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if n > 0 {
            write_effects!(tx, effects);
        }
        n > 0
    });
    Ok(gone)
}

/// The owner of a live feed, and whether the fetch should be noted
/// ([`note_use`](crate::users::note_use)). Reads only.
pub async fn user_by_token(db: &Db, token_hash: &str) -> Result<Option<(UserId, bool)>, StoreError> {
    let q = "SELECT user_id, last_used_at FROM calendar_feeds WHERE token_hash = $1";
    let row: Option<(Uuid, Option<DateTime<Utc>>)> =
        on_db!(db, pool => sqlx::query_as(q).bind(token_hash).fetch_optional(pool).await?);
    Ok(row.map(|(user, last)| (UserId(user), last.is_none_or(|l| now() - l >= crate::users::USE_NOTED_EVERY))))
}

/// The feed of `user`, if they have one.
pub async fn of_user(db: &Db, user: UserId) -> Result<Option<Feed>, StoreError> {
    let q = "SELECT created_at, last_used_at FROM calendar_feeds WHERE user_id = $1";
    let row: Option<(DateTime<Utc>, Option<DateTime<Utc>>)> =
        on_db!(db, pool => sqlx::query_as(q).bind(user.0).fetch_optional(pool).await?);
    Ok(row.map(|(created_at, last_used_at)| Feed { created_at, last_used_at }))
}
