//! The in-app inbox: messages written with the change they report (see
//! [`crate::outbox::Effects`]), read by their recipient.

use crate::{Db, StoreError, now, on_db};
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
