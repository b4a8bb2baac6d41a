//! `jobtausch db copy`: moves a whole installation from one database to another (typically
//! from the pilot's SQLite file to PostgreSQL), all or nothing: it reads one consistent snapshot
//! of the source and writes the target in one transaction, so a copy that fails leaves the
//! target as it was and can simply be run again. [`verify`] then compares the contents of every
//! table, row by row.
//!
//! Rows travel as [`Value`]s, and each step is a small function over [`Side`], the one trait
//! both backends' connections implement: pasting every table's copy into one function for each
//! of the four pairs of backends made a function the compiler needed more than 20 GB to check.

use crate::{Db, StoreError};
use chrono::{DateTime, Utc};
use sqlx::Row;
use std::future::Future;
use uuid::Uuid;

type Ts = DateTime<Utc>;

/// Every table with its columns and their Rust types, in an order that satisfies the foreign
/// keys, handed in one list to the macro `$m` (after the tokens `$x`). The same list serves the
/// copy, the check of its counts and the comparison of contents; `organisations.parent_id` is
/// left out and copied last (umbrella links may point forward).
macro_rules! each_table {
    ($m:ident!($($x:tt)*)) => {
        $m!($($x)*
            "organisations" (id: Uuid, name: String, name_norm: String, kind: String, region: String, created_at: Ts, place: Option<String>, lat_e6: Option<i32>, lon_e6: Option<i32>, public_listed: bool, public_map: bool, public_swaps: bool);
            "org_domains" (domain: String, org_id: Uuid);
            "org_policies" (org_id: Uuid, body: String, rule: String);
            "org_blocks" (org_id: Uuid, blocked_org_id: Uuid);
            "users" (id: Uuid, email: String, email_norm: String, display_name: String, password_hash: String, org_id: Option<Uuid>, locale: String, organiser: bool, email_verified_at: Option<Ts>, created_at: Ts, mail_digest: bool, digest_sent_at: Option<Ts>, erased_at: Option<Ts>, erasure_reason: Option<String>, keep_until: Option<Ts>);
            "user_roles" (user_id: Uuid, org_id: Uuid, role: String);
            "identity_providers" (org_id: Uuid, issuer: String, client_id: String, client_secret: String, password_allowed: bool, updated_at: Ts, updated_by: Option<Uuid>);
            "identity_provider_domains" (domain: String, org_id: Uuid);
            "external_identities" (org_id: Uuid, subject: String, user_id: Uuid, linked_at: Ts);
            "sso_attempts" (state_hash: String, org_id: Uuid, nonce: String, pkce_verifier: String, next: String, created_at: Ts, expires_at: Ts, subject: Option<String>, email: Option<String>, display_name: Option<String>, link_user_id: Option<Uuid>);
            "email_tokens" (token_hash: String, user_id: Uuid, purpose: String, expires_at: Ts, used_at: Option<Ts>);
            "invitations" (token_hash: String, org_id: Uuid, email_norm: String, role: Option<String>, invited_by: Option<Uuid>, created_at: Ts, expires_at: Ts, accepted_at: Option<Ts>);
            "sessions" (token_hash: String, user_id: Uuid, created_at: Ts, last_seen_at: Ts, expires_at: Ts, sso_org_id: Option<Uuid>);
            "api_tokens" (id: Uuid, user_id: Uuid, name: String, token_hash: String, created_at: Ts, last_used_at: Option<Ts>, revoked_at: Option<Ts>);
            "login_failures" (email_norm: String, failures: i64, first_failure_at: Ts, locked_until: Option<Ts>);
            "profiles" (user_id: Uuid, role_title: String, unit: String, pay_grade: Option<String>, languages: String, travel_radius_km: i64, about: Option<String>, open_to_swap: bool, shared_with_own_org: bool, updated_at: Ts, search_text: Option<String>);
            "profile_topics" (user_id: Uuid, kind: String, position: i64, topic: String, topic_norm: String);
            "profile_weeks" (user_id: Uuid, week: String);
            "outbox" (id: Uuid, kind: String, recipient: String, subject: String, body: String, created_at: Ts, attempts: i64, next_attempt_at: Ts, claimed_until: Option<Ts>, sent_at: Option<Ts>, last_error: Option<String>, attachment_name: Option<String>, attachment_type: Option<String>, attachment: Option<String>, claim_token: Option<Uuid>);
            "audit_log" (id: Uuid, at: Ts, actor_id: Option<Uuid>, action: String, object_type: String, object_id: String, detail: String);
            "matching_rounds" (id: Uuid, first_week: String, last_week: String, max_cycle: i64, time_limit_seconds: i64, state: String, started_by: Uuid, created_at: Ts, claimed_at: Option<Ts>, finished_at: Option<Ts>, failure: Option<String>, figures: Option<String>);
            "swaps" (id: Uuid, week: String, proposer_id: Uuid, message: Option<String>, state: String, version: i64, agreement_hash: Option<String>, end_reason: Option<String>, created_at: Ts, updated_at: Ts, round_id: Option<Uuid>, completed_at: Option<Ts>, pseudonymised_at: Option<Ts>, confirmed_at: Option<Ts>);
            "swap_members" (swap_id: Uuid, position: i64, user_id: Uuid, org_id: Uuid, accepted: bool, committed_week: Option<String>);
            "swap_approvals" (swap_id: Uuid, idx: i64, leg: i64, side: String, org_id: Uuid, deadline: Ts, delegate_id: Option<Uuid>, status: String, decided_by: Option<Uuid>, decided_at: Option<Ts>, comment: Option<String>, reason_kind: Option<String>, reason_text: Option<String>, reminded_at: Option<Ts>);
            "swap_bodies" (swap_id: Uuid, idx: i64, org_id: Uuid, body: String, rule: String, status: String, decided_by: Option<Uuid>, decided_at: Option<Ts>, reason: Option<String>);
            "swap_signatures" (swap_id: Uuid, user_id: Uuid, signed_at: Ts, document_hash: String);
            "swap_match_legs" (swap_id: Uuid, position: i64, topics: String, distance_km: Option<i64>, weight: i64);
            "swap_plans" (swap_id: Uuid, briefing_time: String, briefing_minutes: i64, briefing_link: Option<String>, created_at: Ts, updated_at: Ts);
            "swap_briefings" (swap_id: Uuid, planned: String, day: String, start_time: String, minutes: i64, link: Option<String>, cancelled: bool, sequence: i64, updated_at: Ts);
            "swap_appointments" (id: Uuid, swap_id: Uuid, guest_id: Uuid, title: String, kind: String, day: String, start_time: String, end_time: String, venue: String, note: Option<String>, cancelled: bool, sequence: i64, created_by: Uuid, created_at: Ts, updated_at: Ts);
            "swap_handovers" (swap_id: Uuid, author_id: Uuid, body: String, updated_at: Ts);
            "swap_deputies" (swap_id: Uuid, member_id: Uuid, deputy_id: Uuid, updated_at: Ts);
            "swap_access_items" (swap_id: Uuid, guest_id: Uuid, item: String, owner_id: Uuid, due: String, state: String, revoke_due: String, reminded_at: Option<Ts>, updated_at: Ts);
            "swap_admin_items" (swap_id: Uuid, leg: i64, item: String, value: String, done: bool, updated_at: Ts);
            "swap_checkins" (swap_id: Uuid, user_id: Uuid, day: String, status: String, note: Option<String>, created_at: Ts, resolved_at: Option<Ts>);
            "swap_reflections" (swap_id: Uuid, user_id: Uuid, learned: String, will_change: String, recommend: bool, free_text: Option<String>, created_at: Ts);
            "swap_feedback" (swap_id: Uuid, org_id: Uuid, author_id: Uuid, body: String, created_at: Ts);
            "calendar_feeds" (user_id: Uuid, token_hash: String, created_at: Ts, last_used_at: Option<Ts>);
            "week_reminders" (swap_id: Uuid, kind: String, day: String, sent_at: Ts);
            "notifications" (id: Uuid, user_id: Uuid, swap_id: Option<Uuid>, kind: String, text: String, created_at: Ts, read_at: Option<Ts>);
            "agreement_templates" (id: Uuid, org_id: Option<Uuid>, lang: String, version: i64, title: String, body: String, created_at: Ts, created_by: Option<Uuid>);
            "agreements" (swap_id: Uuid, lang: String, hash: String, pdf: Vec<u8>, templates: String, generated_at: Ts);
            "installation_settings" (name: String, value: String, updated_at: Ts, updated_by: Option<Uuid>);
            "accessibility_reports" (id: Uuid, created_at: Ts, page: String, description: String, email: Option<String>, deadline: Ts, reminded_at: Option<Ts>, answered_at: Option<Ts>, answered_by: Option<Uuid>, answer_note: Option<String>);
            "framework_agreements" (version: i64, title: String, body: String, created_at: Ts, created_by: Option<Uuid>);
            "org_applications" (id: Uuid, created_at: Ts, lang: String, name: String, kind: String, region: String, parent_id: Option<Uuid>, domains: String, place: Option<String>, lat_e6: Option<i32>, lon_e6: Option<i32>, public_listed: bool, public_map: bool, admin_name: String, admin_email: String, framework_version: i64, state: String, secret_hash: String, confirmed_at: Option<Ts>, decided_at: Option<Ts>, decided_by: Option<Uuid>, refusal_reason: Option<String>, org_id: Option<Uuid>);
            "org_application_messages" (id: Uuid, application_id: Uuid, at: Ts, from_applicant: bool, author_id: Option<Uuid>, body: String);
            "events" (id: Uuid, org_id: Option<Uuid>, created_by: Option<Uuid>, title: String, description: String, starts_at: Ts, ends_at: Ts, place: Option<String>, video_link: Option<String>, capacity: i64, registration_deadline: Ts, public: bool, sequence: i64, cancelled_at: Option<Ts>, created_at: Ts, updated_at: Ts);
            "event_reminders" (event_id: Uuid, kind: String, sent_at: Ts);
            "event_registrations" (event_id: Uuid, user_id: Uuid, status: String, position: i64, registered_at: Ts, attended: Option<bool>);
            "event_rounds" (id: Uuid, event_id: Uuid, number: i64, drawn_at: Ts);
            "event_round_members" (round_id: Uuid, grp: i64, user_id: Uuid);
            "stories" (id: Uuid, swap_id: Uuid, created_by: Option<Uuid>, state: String, version: i64, title: String, body: String, created_at: Ts, updated_at: Ts, published_at: Option<Ts>, withdrawn_at: Option<Ts>);
            "story_topics" (story_id: Uuid, position: i64, topic: String, topic_norm: String);
            "story_quotes" (story_id: Uuid, position: i64, speaker_id: Uuid, text: String);
            "story_photos" (story_id: Uuid, content_type: String, bytes: Vec<u8>, width: i64, height: i64, alt: String);
            "story_approvals" (story_id: Uuid, version: i64, user_id: Uuid, press_for: Option<Uuid>, approved_at: Ts);
            "story_comments" (id: Uuid, story_id: Uuid, author_id: Uuid, body: String, state: String, reason: Option<String>, decided_by: Option<Uuid>, decided_at: Option<Ts>, created_at: Ts);
        )
    };
}

/// The table names, from the list.
macro_rules! names {
    ($($table:literal ($($col:ident: $ty:ty),+));+ $(;)?) => {
        &[$($table),+]
    };
}

/// Each table with its columns, from the list.
macro_rules! columns {
    ($($table:literal ($($col:ident: $ty:ty),+));+ $(;)?) => {
        &[$(($table, &[$(stringify!($col)),+])),+]
    };
}

/// Each table with its typed columns, from the list.
macro_rules! tables {
    ($($table:literal ($($col:ident: $ty:ty),+));+ $(;)?) => {
        &[$(Table { name: $table, columns: &[$(Column { name: stringify!($col), kind: <$ty as ColumnType>::KIND }),+] }),+]
    };
}

/// Every table the copy moves, with the columns it moves (a test holds them against the
/// schema, so that a new table or column cannot be left behind).
pub const COLUMNS: &[(&str, &[&str])] = each_table!(columns!());

/// Tables the migrations fill: a fresh target holds their rows before the copy.
pub const SEEDED: &[&str] = &["agreement_templates", "framework_agreements"];

/// Tables in an order that satisfies their foreign keys.
pub const TABLES: &[&str] = each_table!(names!());

const SCHEMA: &[Table] = each_table!(tables!());

/// A table with the columns the copy moves.
struct Table {
    name: &'static str,
    columns: &'static [Column],
}

struct Column {
    name: &'static str,
    kind: Kind,
}

/// What a column holds, as both backends decode it.
#[derive(Clone, Copy)]
enum Kind {
    Uuid,
    Text,
    Time,
    Int,
    Int32,
    Bool,
    Bytes,
}

/// The [`Kind`] of a Rust type of the list; `Option<T>` is the nullable column of `T`.
trait ColumnType {
    const KIND: Kind;
}

macro_rules! column_types {
    ($($ty:ty => $kind:ident),+) => {$(impl ColumnType for $ty { const KIND: Kind = Kind::$kind; })+};
}
column_types!(Uuid => Uuid, String => Text, Ts => Time, i64 => Int, i32 => Int32, bool => Bool, Vec<u8> => Bytes);

impl<T: ColumnType> ColumnType for Option<T> {
    const KIND: Kind = T::KIND;
}

/// One value of a row, on its way from one backend to the other.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Value {
    Null,
    Uuid(Uuid),
    Text(String),
    Time(Ts),
    Int(i64),
    Int32(i32),
    Bool(bool),
    Bytes(Vec<u8>),
}

/// A connection of either backend, as the copy uses it.
trait Side: Send {
    /// The rows of `sql`, whose result has the columns `columns`.
    fn rows(
        &mut self,
        sql: &str,
        columns: &[Column],
    ) -> impl Future<Output = Result<Vec<Vec<Value>>, sqlx::Error>> + Send;
    /// Runs `sql` with `values` (of the columns `columns`) bound to `$1, $2, ...`.
    fn execute(
        &mut self,
        sql: &str,
        columns: &[Column],
        values: &[Value],
    ) -> impl Future<Output = Result<(), sqlx::Error>> + Send;
}

/// Implements [`Side`] for one backend's connection; the text is the same for both, the types
/// that check it are not.
macro_rules! side {
    ($connection:ty) => {
        impl Side for $connection {
            async fn rows(&mut self, sql: &str, columns: &[Column]) -> Result<Vec<Vec<Value>>, sqlx::Error> {
                let rows = sqlx::query(sql).fetch_all(&mut *self).await?;
                let mut values = Vec::with_capacity(rows.len());
                // Each row is freed once decoded: a table of PDFs is not held twice.
                for row in rows {
                    let mut decoded = Vec::with_capacity(columns.len());
                    for (i, column) in columns.iter().enumerate() {
                        decoded.push(
                            match column.kind {
                                Kind::Uuid => row.try_get::<Option<Uuid>, _>(i)?.map(Value::Uuid),
                                Kind::Text => row.try_get::<Option<String>, _>(i)?.map(Value::Text),
                                Kind::Time => row.try_get::<Option<Ts>, _>(i)?.map(Value::Time),
                                Kind::Int => row.try_get::<Option<i64>, _>(i)?.map(Value::Int),
                                Kind::Int32 => row.try_get::<Option<i32>, _>(i)?.map(Value::Int32),
                                Kind::Bool => row.try_get::<Option<bool>, _>(i)?.map(Value::Bool),
                                Kind::Bytes => row.try_get::<Option<Vec<u8>>, _>(i)?.map(Value::Bytes),
                            }
                            .unwrap_or(Value::Null),
                        );
                    }
                    values.push(decoded);
                }
                Ok(values)
            }

            async fn execute(&mut self, sql: &str, columns: &[Column], values: &[Value]) -> Result<(), sqlx::Error> {
                let mut query = sqlx::query(sql);
                for (column, value) in columns.iter().zip(values) {
                    query = match (value, column.kind) {
                        (Value::Null, Kind::Uuid) => query.bind(None::<Uuid>),
                        (Value::Null, Kind::Text) => query.bind(None::<String>),
                        (Value::Null, Kind::Time) => query.bind(None::<Ts>),
                        (Value::Null, Kind::Int) => query.bind(None::<i64>),
                        (Value::Null, Kind::Int32) => query.bind(None::<i32>),
                        (Value::Null, Kind::Bool) => query.bind(None::<bool>),
                        (Value::Null, Kind::Bytes) => query.bind(None::<Vec<u8>>),
                        (Value::Uuid(v), _) => query.bind(*v),
                        (Value::Text(v), _) => query.bind(v.as_str()),
                        (Value::Time(v), _) => query.bind(*v),
                        (Value::Int(v), _) => query.bind(*v),
                        (Value::Int32(v), _) => query.bind(*v),
                        (Value::Bool(v), _) => query.bind(*v),
                        (Value::Bytes(v), _) => query.bind(v.as_slice()),
                    };
                }
                query.execute(&mut *self).await?;
                Ok(())
            }
        }
    };
}
side!(sqlx::SqliteConnection);
side!(sqlx::PgConnection);

/// Runs `$body` with `$src`, a read transaction on `$from` (one snapshot of the source), and
/// `$dst`, one write transaction on `$to` that commits only if `$body` succeeds. Both are the
/// backends' own connections, which implement [`Side`].
macro_rules! with_both {
    ($from:expr, $to:expr, |$src:ident, $dst:ident| $body:expr) => {
        match ($from, $to) {
            (Db::Sqlite(a), Db::Sqlite(b)) => {
                in_transactions!(a.begin(), b.begin_with("BEGIN IMMEDIATE"), |$src, $dst| $body)
            }
            (Db::Sqlite(a), Db::Postgres(b)) => in_transactions!(a.begin(), b.begin(), |$src, $dst| $body),
            (Db::Postgres(a), Db::Sqlite(b)) => {
                in_transactions!(a.begin_with(PG_SNAPSHOT), b.begin_with("BEGIN IMMEDIATE"), |$src, $dst| $body)
            }
            (Db::Postgres(a), Db::Postgres(b)) => {
                in_transactions!(a.begin_with(PG_SNAPSHOT), b.begin(), |$src, $dst| $body)
            }
        }
    };
}

/// One arm of [`with_both!`]: begins both transactions, runs `$body`, commits the target.
macro_rules! in_transactions {
    ($begin_src:expr, $begin_dst:expr, |$src:ident, $dst:ident| $body:expr) => {{
        let mut src = $begin_src.await?;
        let mut dst = $begin_dst.await?;
        let out = {
            let ($src, $dst) = (&mut *src, &mut *dst);
            $body
        };
        dst.commit().await?;
        // The target holds the copy now; a source whose read does not end cleanly is no failure.
        if let Err(e) = src.rollback().await {
            tracing::warn!(error = %e, "the source's read transaction did not end cleanly");
        }
        out
    }};
}

/// One snapshot of a PostgreSQL source for the whole copy.
const PG_SNAPSHOT: &str = "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY";

/// The `SELECT` of a table's listed columns, in no order: the comparison sorts the rows itself,
/// and sorting tables of PDFs in the database would cost more than the copy.
fn select(table: &Table) -> String {
    let cols = table.columns.iter().map(|c| c.name).collect::<Vec<_>>().join(", ");
    format!("SELECT {cols} FROM {}", table.name)
}

/// Umbrella links, copied after every organisation is in.
const PARENTS: &[Column] = &[Column { name: "id", kind: Kind::Uuid }, Column { name: "parent_id", kind: Kind::Uuid }];
const SELECT_PARENTS: &str = "SELECT id, parent_id FROM organisations WHERE parent_id IS NOT NULL ORDER BY id";
const COUNT: &[Column] = &[Column { name: "count", kind: Kind::Int }];

#[derive(Debug, thiserror::Error)]
pub enum CopyError {
    #[error("the target database is not empty ({table} has {rows} rows)")]
    TargetNotEmpty { table: &'static str, rows: i64 },
    #[error("{table}: {source_rows} rows in the source, {target_rows} in the target; they differ from row {row} on")]
    ContentMismatch { table: &'static str, source_rows: usize, target_rows: usize, row: usize },
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl From<sqlx::Error> for CopyError {
    fn from(e: sqlx::Error) -> Self {
        CopyError::Store(e.into())
    }
}

/// Copies everything from `from` into the migrated, empty `to`, all or nothing; returns rows
/// per table.
pub async fn copy_all(from: &Db, to: &Db) -> Result<Vec<(&'static str, usize)>, CopyError> {
    from.migrate().await?;
    to.migrate().await?;
    Ok(with_both!(from, to, |src, dst| copy_into(src, dst).await?))
}

async fn copy_into(src: &mut impl Side, dst: &mut impl Side) -> Result<Vec<(&'static str, usize)>, CopyError> {
    // The network's default templates and its first framework agreement come with the
    // migrations on both sides; the copy brings them (and every later version) from the source.
    for table in TABLES.iter().filter(|t| !SEEDED.contains(t)) {
        let count = dst.rows(&format!("SELECT COUNT(*) FROM {table}"), COUNT).await?;
        match count.iter().map(Vec::as_slice).collect::<Vec<_>>().as_slice() {
            [[Value::Int(0)]] => {}
            [[Value::Int(rows)]] => return Err(CopyError::TargetNotEmpty { table, rows: *rows }),
            _ => return Err(sqlx::Error::Protocol(format!("no count of {table}")).into()),
        }
    }
    dst.execute("DELETE FROM agreement_templates WHERE org_id IS NULL", &[], &[]).await?;
    dst.execute("DELETE FROM framework_agreements", &[], &[]).await?;
    let mut copied = Vec::with_capacity(SCHEMA.len());
    for table in SCHEMA {
        let rows = src.rows(&select(table), table.columns).await?;
        let names = table.columns.iter().map(|c| c.name).collect::<Vec<_>>().join(", ");
        let placeholders = (1..=table.columns.len()).map(|i| format!("${i}")).collect::<Vec<_>>().join(", ");
        let insert = format!("INSERT INTO {} ({names}) VALUES ({placeholders})", table.name);
        for row in &rows {
            dst.execute(&insert, table.columns, row).await?;
        }
        copied.push((table.name, rows.len()));
    }
    for link in src.rows(SELECT_PARENTS, PARENTS).await? {
        dst.execute("UPDATE organisations SET parent_id = $2 WHERE id = $1", PARENTS, &link).await?;
    }
    Ok(copied)
}

/// Compares the contents of every table of `from` and `to`, row by row (umbrella links too);
/// returns rows per table.
pub async fn verify(from: &Db, to: &Db) -> Result<Vec<(&'static str, usize)>, CopyError> {
    Ok(with_both!(from, to, |src, dst| compare(src, dst).await?))
}

async fn compare(src: &mut impl Side, dst: &mut impl Side) -> Result<Vec<(&'static str, usize)>, CopyError> {
    let mut compared = Vec::with_capacity(SCHEMA.len());
    for table in SCHEMA {
        compared.push((table.name, compare_rows(src, dst, table.name, &select(table), table.columns).await?));
    }
    compare_rows(src, dst, "organisations", SELECT_PARENTS, PARENTS).await?;
    Ok(compared)
}

/// The number of rows of `sql` on both sides, or where they differ.
async fn compare_rows(
    src: &mut impl Side,
    dst: &mut impl Side,
    table: &'static str,
    sql: &str,
    columns: &[Column],
) -> Result<usize, CopyError> {
    // Each backend orders text and bytes its own way, so the rows are sorted here.
    let mut a = src.rows(sql, columns).await?;
    let mut b = dst.rows(sql, columns).await?;
    a.sort();
    b.sort();
    if a != b {
        let row = a.iter().zip(&b).position(|(x, y)| x != y).unwrap_or(a.len().min(b.len()));
        return Err(CopyError::ContentMismatch { table, source_rows: a.len(), target_rows: b.len(), row });
    }
    Ok(a.len())
}
