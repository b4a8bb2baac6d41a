//! The append-only audit log: who did what to which object, and when.

use crate::{Db, StoreError, on_db};
use chrono::{DateTime, Utc};
use domain::UserId;
use uuid::Uuid;

/// One audit record, written in the transaction of the change it describes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub actor: Option<UserId>,
    pub action: &'static str,
    pub object_type: &'static str,
    pub object_id: String,
    pub detail: String,
}

impl AuditEntry {
    pub fn new(
        actor: Option<UserId>,
        action: &'static str,
        object_type: &'static str,
        object_id: impl ToString,
    ) -> Self {
        Self { actor, action, object_type, object_id: object_id.to_string(), detail: String::new() }
    }

    pub fn detail(mut self, detail: impl Into<String>) -> Self {
        self.detail = detail.into();
        self
    }
}

/// An audit record as read back.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct AuditRecord {
    pub at: DateTime<Utc>,
    pub actor_id: Option<Uuid>,
    pub action: String,
    pub object_type: String,
    pub object_id: String,
    pub detail: String,
}

/// The newest records about one object.
pub async fn for_object(db: &Db, object_type: &str, object_id: &str) -> Result<Vec<AuditRecord>, StoreError> {
    let q = "SELECT at, actor_id, action, object_type, object_id, detail FROM audit_log \
             WHERE object_type = $1 AND object_id = $2 ORDER BY at DESC, id DESC LIMIT 200";
    Ok(on_db!(db, pool => sqlx::query_as(q).bind(object_type).bind(object_id).fetch_all(pool).await?))
}

/// The newest records made by one actor (security events of an account, for example).
pub async fn by_actor(db: &Db, actor: UserId) -> Result<Vec<AuditRecord>, StoreError> {
    let q = "SELECT at, actor_id, action, object_type, object_id, detail FROM audit_log \
             WHERE actor_id = $1 ORDER BY at DESC, id DESC LIMIT 200";
    Ok(on_db!(db, pool => sqlx::query_as(q).bind(actor.0).fetch_all(pool).await?))
}
