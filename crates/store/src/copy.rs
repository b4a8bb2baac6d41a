//! `jobtausch db copy`: moves a whole installation from one database to another (typically
//! from the pilot's SQLite file to PostgreSQL), table by table, and checks the row counts.

use crate::{Db, StoreError, on_db, write_tx};
use chrono::{DateTime, Utc};
use uuid::Uuid;

type Ts = DateTime<Utc>;

/// Copies every row of one table; the column list names each column's Rust type once, and the
/// same text then serves both backends.
macro_rules! copy_table {
    ($from:expr, $to:expr, $table:literal, $($col:ident: $ty:ty),+ $(,)?) => {{
        let cols = [$(stringify!($col)),+];
        let select = format!("SELECT {} FROM {}", cols.join(", "), $table);
        let rows: Vec<($($ty,)+)> = on_db!($from, pool => sqlx::query_as(&select).fetch_all(pool).await?);
        let placeholders = (1..=cols.len()).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ");
        let insert = format!("INSERT INTO {} ({}) VALUES ({})", $table, cols.join(", "), placeholders);
        write_tx!($to, tx => {
            for row in &rows {
                let ($($col,)+) = row;
                sqlx::query(&insert)$(.bind($col))+.execute(&mut *tx).await?;
            }
        });
        ($table, rows.len())
    }};
}

/// Tables in an order that satisfies their foreign keys.
pub const TABLES: &[&str] = &[
    "organisations",
    "org_domains",
    "org_policies",
    "org_blocks",
    "users",
    "user_roles",
    "email_tokens",
    "invitations",
    "sessions",
    "api_tokens",
    "login_failures",
    "profiles",
    "profile_topics",
    "profile_weeks",
    "outbox",
    "audit_log",
    "matching_rounds",
    "swaps",
    "swap_members",
    "swap_approvals",
    "swap_bodies",
    "swap_signatures",
    "swap_match_legs",
    "swap_plans",
    "swap_briefings",
    "swap_appointments",
    "swap_handovers",
    "swap_deputies",
    "swap_access_items",
    "swap_admin_items",
    "swap_checkins",
    "swap_reflections",
    "swap_feedback",
    "calendar_feeds",
    "week_reminders",
    "notifications",
    "agreement_templates",
    "agreements",
    "installation_settings",
];

async fn count(db: &Db, table: &str) -> Result<i64, StoreError> {
    let q = format!("SELECT COUNT(*) FROM {table}");
    Ok(on_db!(db, pool => sqlx::query_scalar(&q).fetch_one(pool).await?))
}

#[derive(Debug, thiserror::Error)]
pub enum CopyError {
    #[error("the target database is not empty ({table} has {rows} rows)")]
    TargetNotEmpty { table: &'static str, rows: i64 },
    #[error("{table}: {source_rows} rows in the source, {target_rows} in the target")]
    CountMismatch { table: &'static str, source_rows: i64, target_rows: i64 },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for CopyError {
    fn from(e: sqlx::Error) -> Self {
        CopyError::Store(e.into())
    }
}

/// Copies everything from `from` into the migrated, empty `to`; returns rows per table.
pub async fn copy_all(from: &Db, to: &Db) -> Result<Vec<(&'static str, usize)>, CopyError> {
    from.migrate().await?;
    to.migrate().await?;
    // The network's default templates come with the migrations on both sides; the copy brings
    // them (and every later version) from the source.
    for table in TABLES.iter().filter(|t| **t != "agreement_templates") {
        let rows = count(to, table).await?;
        if rows > 0 {
            return Err(CopyError::TargetNotEmpty { table, rows });
        }
    }
    on_db!(to, pool => { sqlx::query("DELETE FROM agreement_templates WHERE org_id IS NULL").execute(pool).await?; });
    let mut copied = vec![
        // Umbrella links may point forward in any order: copy organisations first without them.
        copy_table!(from, to, "organisations", id: Uuid, name: String, name_norm: String, kind: String, region: String, created_at: Ts,
            place: Option<String>, lat_e6: Option<i32>, lon_e6: Option<i32>),
    ];
    let parents: Vec<(Uuid, Uuid)> = on_db!(from, pool =>
        sqlx::query_as("SELECT id, parent_id FROM organisations WHERE parent_id IS NOT NULL").fetch_all(pool).await?);
    write_tx!(to, tx => {
        for (id, parent) in &parents {
            sqlx::query("UPDATE organisations SET parent_id = $2 WHERE id = $1").bind(id).bind(parent).execute(&mut *tx).await?;
        }
    });
    copied.extend([
        copy_table!(from, to, "org_domains", domain: String, org_id: Uuid),
        copy_table!(from, to, "org_policies", org_id: Uuid, body: String, rule: String),
        copy_table!(from, to, "org_blocks", org_id: Uuid, blocked_org_id: Uuid),
        copy_table!(from, to, "users", id: Uuid, email: String, email_norm: String, display_name: String,
            password_hash: String, org_id: Option<Uuid>, locale: String, organiser: bool,
            email_verified_at: Option<Ts>, created_at: Ts, mail_digest: bool, digest_sent_at: Option<Ts>),
        copy_table!(from, to, "user_roles", user_id: Uuid, org_id: Uuid, role: String),
        copy_table!(from, to, "email_tokens", token_hash: String, user_id: Uuid, purpose: String, expires_at: Ts, used_at: Option<Ts>),
        copy_table!(from, to, "invitations", token_hash: String, org_id: Uuid, email_norm: String, role: Option<String>,
            invited_by: Option<Uuid>, created_at: Ts, expires_at: Ts, accepted_at: Option<Ts>),
        copy_table!(from, to, "sessions", token_hash: String, user_id: Uuid, created_at: Ts, last_seen_at: Ts, expires_at: Ts),
        copy_table!(from, to, "api_tokens", id: Uuid, user_id: Uuid, name: String, token_hash: String, created_at: Ts,
            last_used_at: Option<Ts>, revoked_at: Option<Ts>),
        copy_table!(from, to, "login_failures", email_norm: String, failures: i64, first_failure_at: Ts, locked_until: Option<Ts>),
        copy_table!(from, to, "profiles", user_id: Uuid, role_title: String, unit: String, pay_grade: Option<String>,
            languages: String, travel_radius_km: i64, about: Option<String>, open_to_swap: bool,
            shared_with_own_org: bool, updated_at: Ts),
        copy_table!(from, to, "profile_topics", user_id: Uuid, kind: String, position: i64, topic: String, topic_norm: String),
        copy_table!(from, to, "profile_weeks", user_id: Uuid, week: String),
        copy_table!(from, to, "outbox", id: Uuid, kind: String, recipient: String, subject: String, body: String,
            created_at: Ts, attempts: i64, next_attempt_at: Ts, claimed_until: Option<Ts>, sent_at: Option<Ts>,
            last_error: Option<String>, attachment_name: Option<String>, attachment_type: Option<String>,
            attachment: Option<String>, claim_token: Option<Uuid>),
        copy_table!(from, to, "audit_log", id: Uuid, at: Ts, actor_id: Option<Uuid>, action: String, object_type: String,
            object_id: String, detail: String),
        copy_table!(from, to, "matching_rounds", id: Uuid, first_week: String, last_week: String, max_cycle: i64,
            time_limit_seconds: i64, state: String, started_by: Uuid, created_at: Ts, claimed_at: Option<Ts>,
            finished_at: Option<Ts>, failure: Option<String>, figures: Option<String>),
        copy_table!(from, to, "swaps", id: Uuid, week: String, proposer_id: Uuid, message: Option<String>, state: String,
            version: i64, agreement_hash: Option<String>, end_reason: Option<String>, created_at: Ts, updated_at: Ts,
            round_id: Option<Uuid>, completed_at: Option<Ts>),
        copy_table!(from, to, "swap_members", swap_id: Uuid, position: i64, user_id: Uuid, org_id: Uuid, accepted: bool,
            committed_week: Option<String>),
        copy_table!(from, to, "swap_approvals", swap_id: Uuid, idx: i64, leg: i64, side: String, org_id: Uuid, deadline: Ts,
            delegate_id: Option<Uuid>, status: String, decided_by: Option<Uuid>, decided_at: Option<Ts>, comment: Option<String>,
            reason_kind: Option<String>, reason_text: Option<String>, reminded_at: Option<Ts>),
        copy_table!(from, to, "swap_bodies", swap_id: Uuid, idx: i64, org_id: Uuid, body: String, rule: String, status: String,
            decided_by: Option<Uuid>, decided_at: Option<Ts>, reason: Option<String>),
        copy_table!(from, to, "swap_signatures", swap_id: Uuid, user_id: Uuid, signed_at: Ts, document_hash: String),
        copy_table!(from, to, "swap_plans", swap_id: Uuid, briefing_time: String, briefing_minutes: i64,
            briefing_link: Option<String>, created_at: Ts, updated_at: Ts),
        copy_table!(from, to, "swap_briefings", swap_id: Uuid, planned: String, day: String, start_time: String,
            minutes: i64, link: Option<String>, cancelled: bool, sequence: i64, updated_at: Ts),
        copy_table!(from, to, "swap_appointments", id: Uuid, swap_id: Uuid, guest_id: Uuid, title: String, kind: String,
            day: String, start_time: String, end_time: String, venue: String, note: Option<String>, cancelled: bool,
            sequence: i64, created_by: Uuid, created_at: Ts, updated_at: Ts),
        copy_table!(from, to, "swap_handovers", swap_id: Uuid, author_id: Uuid, body: String, updated_at: Ts),
        copy_table!(from, to, "swap_deputies", swap_id: Uuid, member_id: Uuid, deputy_id: Uuid, updated_at: Ts),
        copy_table!(from, to, "swap_access_items", swap_id: Uuid, guest_id: Uuid, item: String, owner_id: Uuid, due: String,
            state: String, revoke_due: String, reminded_at: Option<Ts>, updated_at: Ts),
        copy_table!(from, to, "swap_admin_items", swap_id: Uuid, leg: i64, item: String, value: String, done: bool,
            updated_at: Ts),
        copy_table!(from, to, "swap_checkins", swap_id: Uuid, user_id: Uuid, day: String, status: String,
            note: Option<String>, created_at: Ts, resolved_at: Option<Ts>),
        copy_table!(from, to, "swap_reflections", swap_id: Uuid, user_id: Uuid, learned: String, will_change: String,
            recommend: bool, free_text: Option<String>, created_at: Ts),
        copy_table!(from, to, "swap_feedback", swap_id: Uuid, org_id: Uuid, author_id: Uuid, body: String, created_at: Ts),
        copy_table!(from, to, "calendar_feeds", user_id: Uuid, token_hash: String, created_at: Ts, last_used_at: Option<Ts>),
        copy_table!(from, to, "week_reminders", swap_id: Uuid, kind: String, day: String, sent_at: Ts),
        copy_table!(from, to, "swap_match_legs", swap_id: Uuid, position: i64, topics: String, distance_km: Option<i64>,
            weight: i64),
        copy_table!(from, to, "agreement_templates", id: Uuid, org_id: Option<Uuid>, lang: String, version: i64, title: String,
            body: String, created_at: Ts, created_by: Option<Uuid>),
        copy_table!(from, to, "agreements", swap_id: Uuid, lang: String, hash: String, pdf: Vec<u8>, templates: String,
            generated_at: Ts),
        copy_table!(from, to, "installation_settings", name: String, value: String, updated_at: Ts,
            updated_by: Option<Uuid>),
        copy_table!(from, to, "notifications", id: Uuid, user_id: Uuid, swap_id: Option<Uuid>, kind: String, text: String,
            created_at: Ts, read_at: Option<Ts>),
    ]);
    for table in TABLES {
        let (source_rows, target_rows) = (count(from, table).await?, count(to, table).await?);
        if source_rows != target_rows {
            return Err(CopyError::CountMismatch { table, source_rows, target_rows });
        }
    }
    Ok(copied)
}
