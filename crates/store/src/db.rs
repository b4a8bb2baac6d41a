//! The connection: [`Db`] wraps one native sqlx pool per backend. `sqlx::Any` is not used, as
//! it cannot decode UUIDs or timestamps.

use crate::error::StoreError;
use chrono::{DateTime, SubsecRound, Utc};
use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgPool, SqlitePool};
use std::str::FromStr;
use std::time::{Duration, Instant};

/// Runs `$body` with `$pool` bound to the backend's own pool type.
#[macro_export]
macro_rules! on_db {
    ($db:expr, $pool:ident => $body:expr) => {
        match $db {
            $crate::Db::Sqlite($pool) => $body,
            $crate::Db::Postgres($pool) => $body,
        }
    };
}

/// Runs `$body` inside one write transaction bound to `$tx` and commits it; an early return
/// through `?` drops the transaction, which rolls it back. SQLite takes the write lock at the
/// start (`BEGIN IMMEDIATE`), so two writers queue instead of failing with "database is locked";
/// within one process they queue in order on [`sqlite_writer`] first, rather than in SQLite's
/// busy handler, which sleeps and retries and so lets some writers wait far longer than others.
#[macro_export]
macro_rules! write_tx {
    ($db:expr, $tx:ident => $body:expr) => {
        match $db {
            $crate::Db::Sqlite(pool) => {
                let _writer = $crate::db::sqlite_writer(pool).await?;
                let mut $tx = pool.begin_with("BEGIN IMMEDIATE").await?;
                let out = $body;
                $tx.commit().await?;
                out
            }
            $crate::Db::Postgres(pool) => {
                let mut $tx = pool.begin().await?;
                let out = $body;
                $tx.commit().await?;
                out
            }
        }
    };
}

/// How long a writer waits for its turn before the database counts as unavailable (503 with
/// `Retry-After`), as long as SQLite's own busy timeout: under overload the queue answers
/// instead of growing.
pub const WRITER_WAIT: Duration = Duration::from_secs(10);

/// The turn of one writer of this process on the SQLite file of `pool` (a fair queue; other
/// processes on the same file still meet SQLite's own lock).
#[doc(hidden)]
pub async fn sqlite_writer(pool: &sqlx::SqlitePool) -> Result<tokio::sync::OwnedMutexGuard<()>, StoreError> {
    type Writers = std::collections::HashMap<std::path::PathBuf, std::sync::Arc<tokio::sync::Mutex<()>>>;
    static WRITERS: std::sync::LazyLock<std::sync::Mutex<Writers>> = std::sync::LazyLock::new(Default::default);
    let file = pool.connect_options().get_filename().to_path_buf();
    let turn = WRITERS.lock().unwrap_or_else(|p| p.into_inner()).entry(file).or_default().clone();
    // Waiting too long for a turn is what waiting too long for a connection is.
    tokio::time::timeout(WRITER_WAIT, turn.lock_owned())
        .await
        .map_err(|_| StoreError::Unavailable(sqlx::Error::PoolTimedOut))
}

/// Rows per multi-row INSERT of [`insert_rows!`]: a change that writes many rows (a matching
/// round leaves some 100,000 mails) would take minutes with a statement per row. 500 rows of at
/// most 10 values stay far below SQLite's limit of 32,766 bound values.
pub const ROWS_PER_INSERT: usize = 500;

/// How long a request waits for a PostgreSQL connection before the database counts as
/// unavailable.
pub const ACQUIRE_TIMEOUT: Duration = Duration::from_secs(3);

/// How long a SQLite statement waits for another connection's write lock.
const SQLITE_BUSY_TIMEOUT: Duration = Duration::from_secs(10);

/// How long `/healthz` waits for the database: health checks of load balancers wait little.
pub const PING_TIMEOUT: Duration = Duration::from_secs(2);

/// "INSERT INTO t (cols) VALUES ($1, $2), ($3, $4) ..." for `rows` rows.
#[doc(hidden)]
pub fn insert_sql(table: &str, cols: &[&str], rows: usize) -> String {
    debug_assert!(
        rows > 0 && rows * cols.len() <= 32_766,
        "{rows} rows of {} values exceed SQLite's limit",
        cols.len()
    );
    let mut sql = format!("INSERT INTO {table} ({}) VALUES ", cols.join(", "));
    for r in 0..rows {
        let ph: Vec<String> = (1..=cols.len()).map(|c| format!("${}", r * cols.len() + c)).collect();
        sql.push_str(&format!("{}({})", if r == 0 { "" } else { ", " }, ph.join(", ")));
    }
    sql
}

/// Inserts one row per item of `$items` into `$table` inside the transaction `$tx`, with
/// multi-row INSERTs of [`ROWS_PER_INSERT`] rows; `$bind` binds an item's values, in the
/// order of `$cols`, to the query `$q`.
#[macro_export]
macro_rules! insert_rows {
    ($tx:ident, $table:expr, $cols:expr, $items:expr, |$q:ident, $it:ident| $bind:expr) => {{
        for chunk in $items.chunks($crate::db::ROWS_PER_INSERT) {
            let sql = $crate::db::insert_sql($table, $cols, chunk.len());
            let mut $q = sqlx::query(&sql);
            for $it in chunk {
                $q = $bind;
            }
            $q.execute(&mut *$tx).await?;
        }
    }};
}

/// The database of an installation.
#[derive(Clone, Debug)]
pub enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// The current time as stored: UTC, cut to microseconds, so a value read back from
/// PostgreSQL equals the value written.
pub fn now() -> DateTime<Utc> {
    Utc::now().trunc_subsecs(6)
}

impl Db {
    /// Connects to `sqlite://FILE` (created if missing) or `postgres://...`.
    pub async fn connect(url: &str) -> Result<Db, StoreError> {
        if url.starts_with("sqlite:") {
            let opts = SqliteConnectOptions::from_str(url)?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                .synchronous(SqliteSynchronous::Normal)
                .busy_timeout(SQLITE_BUSY_TIMEOUT)
                .foreign_keys(true)
                // 512 KiB of pages per connection instead of 2 MiB: eight connections would
                // otherwise keep 16 MiB of a 10,000-person database that the operating
                // system's file cache holds anyway.
                .pragma("cache_size", "-512")
                // Erased data is overwritten in the file, not only unlinked (DSGVO Art. 17).
                .pragma("secure_delete", "on");
            // A process that turns a fresh file into WAL mode holds it exclusively for a moment,
            // and SQLite then answers "locked" at once instead of waiting on its busy handler:
            // two instances started together on a new file try again until the busy timeout.
            let deadline = Instant::now() + SQLITE_BUSY_TIMEOUT;
            loop {
                match SqlitePoolOptions::new().max_connections(8).connect_with(opts.clone()).await {
                    Ok(pool) => return Ok(Db::Sqlite(pool)),
                    Err(sqlx::Error::Database(e)) if is_busy(e.as_ref()) && Instant::now() < deadline => {
                        tokio::time::sleep(Duration::from_millis(50)).await
                    }
                    Err(e) => return Err(e.into()),
                }
            }
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            let opts = PgConnectOptions::from_str(url)?;
            let pool = PgPoolOptions::new()
                .max_connections(16)
                // A database that is gone answers in seconds (503 with Retry-After), not after
                // the load balancer gave up.
                .acquire_timeout(ACQUIRE_TIMEOUT)
                .connect_with(opts)
                .await?;
            Ok(Db::Postgres(pool))
        } else {
            Err(StoreError::UnsupportedUrl(url.to_owned()))
        }
    }

    pub fn backend(&self) -> Backend {
        match self {
            Db::Sqlite(_) => Backend::Sqlite,
            Db::Postgres(_) => Backend::Postgres,
        }
    }

    /// Brings the schema up to date; each backend has its own folder with the same file names.
    ///
    /// Several processes may start at once on a fresh database: on PostgreSQL the migrator
    /// holds an advisory lock; on SQLite a lock on a file beside the database keeps the others
    /// waiting until the first is done, and they find nothing left to do.
    pub async fn migrate(&self) -> Result<(), StoreError> {
        match self {
            Db::Sqlite(pool) => {
                let _lock = match pool.connect_options().get_filename().to_str() {
                    Some(path) if !path.is_empty() && path != ":memory:" => Some(migration_lock(path).await?),
                    _ => None,
                };
                sqlx::migrate!("./migrations/sqlite").run(pool).await?
            }
            Db::Postgres(pool) => sqlx::migrate!("./migrations/postgres").run(pool).await?,
        }
        crate::profiles::fill_search_text(self).await?;
        Ok(())
    }

    /// Writes a consistent snapshot of a SQLite database to the new file `to`, while the
    /// installation runs (`VACUUM INTO`: one read transaction, a compact copy). PostgreSQL is
    /// backed up with `pg_dump` (see docs/operations.md).
    pub async fn backup(&self, to: &std::path::Path) -> Result<(), StoreError> {
        match self {
            Db::Sqlite(pool) => {
                if to.exists() {
                    return Err(StoreError::Backup(format!("{} exists already", to.display())));
                }
                let path = to.to_str().ok_or_else(|| StoreError::Backup("the path is not UTF-8".into()))?;
                sqlx::query("VACUUM INTO $1").bind(path).execute(pool).await?;
                Ok(())
            }
            Db::Postgres(_) => {
                Err(StoreError::Backup("PostgreSQL is backed up with pg_dump (docs/operations.md)".into()))
            }
        }
    }

    /// Whether the database answers a trivial query within [`PING_TIMEOUT`] (for `/healthz`).
    pub async fn ping(&self) -> bool {
        let q = "SELECT 1";
        let query = async { on_db!(self, pool => sqlx::query(q).execute(pool).await.map(|_| ())) };
        matches!(tokio::time::timeout(PING_TIMEOUT, query).await, Ok(Ok(())))
    }

    /// The connection pool's use: connections open, of those idle, and the most it opens.
    pub fn pool_use(&self) -> (u32, u32, u32) {
        on_db!(self, pool => {
            (pool.size(), u32::try_from(pool.num_idle()).unwrap_or(u32::MAX), pool.options().get_max_connections())
        })
    }

    pub async fn close(&self) {
        on_db!(self, pool => pool.close().await)
    }

    /// Every table with its columns, sorted; the parity test compares this across backends.
    pub async fn schema(&self) -> Result<Vec<(String, Vec<String>)>, StoreError> {
        let rows: Vec<(String, String)> = match self {
            Db::Sqlite(pool) => {
                sqlx::query_as(
                    // Plain tables only: a full-text index is a virtual table with shadow tables of
                    // its own, which PostgreSQL keeps inside an index instead.
                    "SELECT m.name, p.name FROM pragma_table_list m, pragma_table_info(m.name) p \
                     WHERE m.schema = 'main' AND m.type = 'table' AND m.name NOT LIKE 'sqlite_%' AND m.name NOT LIKE '_sqlx%'",
                )
                .fetch_all(pool)
                .await?
            }
            Db::Postgres(pool) => {
                sqlx::query_as(
                    "SELECT table_name::text, column_name::text FROM information_schema.columns \
                     WHERE table_schema = current_schema() AND table_name NOT LIKE '_sqlx%'",
                )
                .fetch_all(pool)
                .await?
            }
        };
        let mut tables: std::collections::BTreeMap<String, Vec<String>> = Default::default();
        for (t, c) in rows {
            tables.entry(t).or_default().push(c);
        }
        Ok(tables
            .into_iter()
            .map(|(t, mut cs)| {
                cs.sort();
                (t, cs)
            })
            .collect())
    }
}

/// SQLITE_BUSY or SQLITE_LOCKED, also in their extended forms.
fn is_busy(e: &dyn sqlx::error::DatabaseError) -> bool {
    let primary = e.code().and_then(|c| c.parse::<i32>().ok()).map(|c| c & 0xff);
    matches!(primary, Some(5 | 6))
}

/// Takes the lock of `{database}.migrate-lock`, waiting while another process holds it; the
/// lock is given up when the returned file is dropped (or the process ends).
async fn migration_lock(database: &str) -> Result<std::fs::File, StoreError> {
    let path = format!("{database}.migrate-lock");
    let file = std::fs::OpenOptions::new()
        .create(true)
        .truncate(false)
        .write(true)
        .open(&path)
        .map_err(|e| StoreError::MigrationLock(format!("cannot open {path}: {e}")))?;
    loop {
        match file.try_lock() {
            Ok(()) => return Ok(file),
            Err(std::fs::TryLockError::WouldBlock) => tokio::time::sleep(Duration::from_millis(50)).await,
            Err(std::fs::TryLockError::Error(e)) => {
                return Err(StoreError::MigrationLock(format!("cannot lock {path}: {e}")));
            }
        }
    }
}
