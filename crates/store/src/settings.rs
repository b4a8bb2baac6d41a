//! Settings of the installation as a whole, kept by its organisers: today the legal details
//! (imprint, privacy and accessibility statements).

use crate::outbox::Effects;
use crate::{Db, StoreError, now, on_db, write_effects, write_tx};
use domain::UserId;
use domain::legal::{Legal, LegalInput};

const LEGAL: &str = "legal";

/// The legal details, if the organisers entered them. Stored values are parsed again, so what
/// comes out is as valid as what went in.
pub async fn legal(db: &Db) -> Result<Option<Legal>, StoreError> {
    let q = "SELECT value FROM installation_settings WHERE name = $1";
    let raw: Option<String> = on_db!(db, pool => sqlx::query_scalar(q).bind(LEGAL).fetch_optional(pool).await?);
    let Some(raw) = raw else { return Ok(None) };
    let input: LegalInput = serde_json::from_str(&raw).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    Legal::parse(&input).map(Some).map_err(|e| StoreError::Corrupt(e.to_string()))
}

/// Stores the legal details, replacing those before.
pub async fn set_legal(db: &Db, legal: &Legal, by: Option<UserId>, effects: &Effects) -> Result<(), StoreError> {
    let value = serde_json::to_string(&legal.to_input()).map_err(|e| StoreError::Corrupt(e.to_string()))?;
    write_tx!(db, tx => {
        sqlx::query(
            "INSERT INTO installation_settings (name, value, updated_at, updated_by) VALUES ($1, $2, $3, $4) \
             ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, \
             updated_by = excluded.updated_by",
        )
        .bind(LEGAL)
        .bind(&value)
        .bind(now())
        .bind(by.map(|u| u.0))
        .execute(&mut *tx)
        .await?;
        write_effects!(tx, effects);
    });
    Ok(())
}
