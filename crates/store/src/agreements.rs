//! Agreement templates (versioned per organisation, with the network's default) and the
//! generated agreement of a swap (its PDF and SHA-256, fixed once generated: a template changed
//! later does not change an agreement already made).

use crate::outbox::Effects;
use crate::{Db, StoreError, now, on_db, write_effects, write_tx};
use chrono::{DateTime, Utc};
use domain::{OrgId, SwapId, UserId};
use uuid::Uuid;

/// One version of a template.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Template {
    pub id: Uuid,
    pub org_id: Option<Uuid>,
    pub lang: String,
    pub version: i64,
    pub title: String,
    pub body: String,
    pub created_at: DateTime<Utc>,
}

const COLUMNS: &str = "id, org_id, lang, version, title, body, created_at";

/// The organisation's newest template in `lang`, or the network's default.
pub async fn current(db: &Db, org: OrgId, lang: &str) -> Result<Template, StoreError> {
    let q = format!(
        "SELECT {COLUMNS} FROM agreement_templates WHERE (org_id = $1 OR org_id IS NULL) AND lang = $2 \
         ORDER BY CASE WHEN org_id IS NULL THEN 1 ELSE 0 END, version DESC LIMIT 1"
    );
    let t: Option<Template> = on_db!(db, pool => sqlx::query_as(&q).bind(org.0).bind(lang).fetch_optional(pool).await?);
    t.ok_or(StoreError::NotFound)
}

/// Every version an organisation keeps, newest first.
pub async fn versions(db: &Db, org: OrgId) -> Result<Vec<Template>, StoreError> {
    let q = format!("SELECT {COLUMNS} FROM agreement_templates WHERE org_id = $1 ORDER BY lang, version DESC");
    Ok(on_db!(db, pool => sqlx::query_as(&q).bind(org.0).fetch_all(pool).await?))
}

/// Adds a new version of the organisation's template in `lang`.
pub async fn add_version(
    db: &Db,
    org: OrgId,
    lang: &str,
    title: &str,
    body: &str,
    by: UserId,
    effects: &Effects,
) -> Result<i64, StoreError> {
    let version = write_tx!(db, tx => {
        let newest: Option<i64> = sqlx::query_scalar("SELECT MAX(version) FROM agreement_templates WHERE org_id = $1 AND lang = $2")
            .bind(org.0)
            .bind(lang)
            .fetch_one(&mut *tx)
            .await?;
        let version = newest.unwrap_or(0) + 1;
        sqlx::query(
            "INSERT INTO agreement_templates (id, org_id, lang, version, title, body, created_at, created_by) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(Uuid::now_v7())
        .bind(org.0)
        .bind(lang)
        .bind(version)
        .bind(title)
        .bind(body)
        .bind(now())
        .bind(by.0)
        .execute(&mut *tx)
        .await?;
        write_effects!(tx, effects);
        version
    });
    Ok(version)
}

/// A generated agreement, written in the transaction that attaches its hash to the swap.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewAgreement {
    pub lang: String,
    pub hash: String,
    pub pdf: Vec<u8>,
    /// Which template versions went in ("org-id:lang:version", comma-separated).
    pub templates: String,
}

/// A swap's agreement as stored.
#[derive(Debug, Clone, PartialEq, Eq, sqlx::FromRow)]
pub struct Agreement {
    pub lang: String,
    pub hash: String,
    pub pdf: Vec<u8>,
    pub templates: String,
    pub generated_at: DateTime<Utc>,
}

pub async fn of_swap(db: &Db, swap: SwapId) -> Result<Option<Agreement>, StoreError> {
    let q = "SELECT lang, hash, pdf, templates, generated_at FROM agreements WHERE swap_id = $1";
    Ok(on_db!(db, pool => sqlx::query_as(q).bind(swap.0).fetch_optional(pool).await?))
}
