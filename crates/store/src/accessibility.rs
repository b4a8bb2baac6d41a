//! Reports of barriers ("Barriere melden"): kept with their deadline to answer, listed for the
//! installation's accessibility contact, marked answered, and reminded of before the deadline.

use crate::outbox::Effects;
use crate::{Db, StoreError, on_db, write_effects, write_tx};
use chrono::{DateTime, Utc};
use domain::UserId;
use uuid::Uuid;

/// A report as it is kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    pub id: Uuid,
    pub created_at: DateTime<Utc>,
    pub page: String,
    pub description: String,
    /// Where the answer goes, if the reporter gave an address.
    pub email: Option<String>,
    pub deadline: DateTime<Utc>,
    pub answered_at: Option<DateTime<Utc>>,
    /// Who marked it answered (their display name), and their note.
    pub answered_by: Option<String>,
    pub answer_note: Option<String>,
}

type Row = (
    Uuid,
    DateTime<Utc>,
    String,
    String,
    Option<String>,
    DateTime<Utc>,
    Option<DateTime<Utc>>,
    Option<String>,
    Option<String>,
);

fn report((id, created_at, page, description, email, deadline, answered_at, answered_by, answer_note): Row) -> Report {
    Report { id, created_at, page, description, email, deadline, answered_at, answered_by, answer_note }
}

const COLUMNS: &str = "r.id, r.created_at, r.page, r.description, r.email, r.deadline, r.answered_at, u.display_name, \
                       r.answer_note FROM accessibility_reports r LEFT JOIN users u ON u.id = r.answered_by";

/// Keeps a new report (with its mail to the contact, in `effects`).
pub async fn create(db: &Db, r: &Report, effects: &Effects) -> Result<(), StoreError> {
    write_tx!(db, tx => {
        sqlx::query(
            "INSERT INTO accessibility_reports (id, created_at, page, description, email, deadline) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(r.id)
        .bind(r.created_at)
        .bind(&r.page)
        .bind(&r.description)
        .bind(r.email.as_deref())
        .bind(r.deadline)
        .execute(&mut *tx)
        .await?;
        write_effects!(tx, effects);
    });
    Ok(())
}

/// How many reports came since `since` (the form's limit against floods).
pub async fn count_since(db: &Db, since: DateTime<Utc>) -> Result<i64, StoreError> {
    let q = "SELECT COUNT(*) FROM accessibility_reports WHERE created_at >= $1";
    Ok(on_db!(db, pool => sqlx::query_scalar(q).bind(since).fetch_one(pool).await?))
}

/// Every report: open ones first (the nearest deadline first), then the answered ones, newest
/// first.
pub async fn list(db: &Db) -> Result<Vec<Report>, StoreError> {
    let q = format!(
        "SELECT {COLUMNS} ORDER BY CASE WHEN r.answered_at IS NULL THEN 0 ELSE 1 END, \
         CASE WHEN r.answered_at IS NULL THEN r.deadline END, r.created_at DESC"
    );
    let rows: Vec<Row> = on_db!(db, pool => sqlx::query_as(&q).fetch_all(pool).await?);
    Ok(rows.into_iter().map(report).collect())
}

pub async fn get(db: &Db, id: Uuid) -> Result<Report, StoreError> {
    let q = format!("SELECT {COLUMNS} WHERE r.id = $1");
    let row: Option<Row> = on_db!(db, pool => sqlx::query_as(&q).bind(id).fetch_optional(pool).await?);
    row.map(report).ok_or(StoreError::NotFound)
}

/// Marks an open report answered; `Conflict` if it was answered already.
pub async fn mark_answered(
    db: &Db,
    id: Uuid,
    by: UserId,
    note: Option<&str>,
    at: DateTime<Utc>,
    effects: &Effects,
) -> Result<(), StoreError> {
    write_tx!(db, tx => {
        let n = sqlx::query(
            "UPDATE accessibility_reports SET answered_at = $2, answered_by = $3, answer_note = $4 \
             WHERE id = $1 AND answered_at IS NULL",
        )
        .bind(id)
        .bind(at)
        .bind(by.0)
        .bind(note)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if n == 0 {
            let exists: Option<Uuid> = sqlx::query_scalar("SELECT id FROM accessibility_reports WHERE id = $1")
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
            return Err(if exists.is_some() { StoreError::Conflict } else { StoreError::NotFound });
        }
        write_effects!(tx, effects);
    });
    Ok(())
}

/// Open reports whose deadline comes before `before` and that nobody was reminded of yet.
pub async fn to_remind(db: &Db, before: DateTime<Utc>) -> Result<Vec<Report>, StoreError> {
    let q = format!(
        "SELECT {COLUMNS} WHERE r.answered_at IS NULL AND r.reminded_at IS NULL AND r.deadline <= $1 ORDER BY r.deadline"
    );
    let rows: Vec<Row> = on_db!(db, pool => sqlx::query_as(&q).bind(before).fetch_all(pool).await?);
    Ok(rows.into_iter().map(report).collect())
}

/// Notes the reminder of a report (with its mail, in `effects`), once: `false` if another
/// worker did already.
pub async fn mark_reminded(db: &Db, id: Uuid, at: DateTime<Utc>, effects: &Effects) -> Result<bool, StoreError> {
    let done = write_tx!(db, tx => {
        let n = sqlx::query("UPDATE accessibility_reports SET reminded_at = $2 WHERE id = $1 AND reminded_at IS NULL")
            .bind(id)
            .bind(at)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        if n > 0 {
            write_effects!(tx, effects);
        }
        n > 0
    });
    Ok(done)
}
