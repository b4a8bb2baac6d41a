//! Fresh, migrated databases for tests: an SQLite file in a temporary folder (not `:memory:`,
//! which is empty on a pool's second connection) and a new database on the PostgreSQL server
//! named by `JOBTAUSCH_TEST_PG_URL`, which `scripts/services.sh start` provides.

use crate::Db;
use sqlx::Connection;

/// A test database and what keeps it alive.
pub struct TestDb {
    pub db: Db,
    _dir: Option<tempfile::TempDir>,
    pub url: String,
}

/// Runs a test story once on SQLite and once on PostgreSQL.
#[macro_export]
macro_rules! on_both_backends {
    ($($story:ident),* $(,)?) => {$(
        mod $story {
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn sqlite() {
                let t = $crate::testing::sqlite().await;
                super::$story(t.db.clone()).await;
            }
            #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
            async fn postgres() {
                let t = $crate::testing::postgres().await;
                super::$story(t.db.clone()).await;
            }
        }
    )*};
}

pub async fn sqlite() -> TestDb {
    let dir = tempfile::tempdir().expect("temp dir");
    let url = format!("sqlite://{}", dir.path().join("test.db").display());
    let db = Db::connect(&url).await.expect("open sqlite");
    db.migrate().await.expect("migrate sqlite");
    TestDb { db, _dir: Some(dir), url }
}

/// The server's URL; tests fail (never skip) when it is missing.
pub fn postgres_server_url() -> String {
    std::env::var("JOBTAUSCH_TEST_PG_URL").expect(
        "JOBTAUSCH_TEST_PG_URL is not set: start the test services with `eval \"$(scripts/services.sh start)\"` \
         or run every test with `scripts/test.sh`",
    )
}

/// A URL of a new, empty database on the test server.
pub async fn postgres_empty_url() -> String {
    let server = postgres_server_url();
    let name = format!("jt_{}", uuid::Uuid::now_v7().simple());
    let mut admin = sqlx::PgConnection::connect(&server).await.expect("connect to the test PostgreSQL");
    sqlx::query(&format!("CREATE DATABASE {name}")).execute(&mut admin).await.expect("create test database");
    let _ = admin.close().await;
    let (base, _) = server.rsplit_once('/').expect("PostgreSQL URL with a database name");
    format!("{base}/{name}")
}

pub async fn postgres() -> TestDb {
    let url = postgres_empty_url().await;
    let db = Db::connect(&url).await.expect("open postgres");
    db.migrate().await.expect("migrate postgres");
    TestDb { db, _dir: None, url }
}

/// How many rows a table has (tests check that refused input wrote nothing).
pub async fn count(db: &Db, table: &str) -> i64 {
    let q = format!("SELECT COUNT(*) FROM {table}");
    crate::on_db!(db, pool => sqlx::query_scalar(&q).fetch_one(pool).await.expect("count rows"))
}

/// Runs one SQL statement (tests move deadlines into the past this way, instead of waiting).
pub async fn execute(db: &Db, sql: &str) {
    crate::on_db!(db, pool => { sqlx::query(sql).execute(pool).await.expect("execute test SQL"); })
}

/// The bodies and attachments of the mails of one kind to `recipient`, oldest first (tests of
/// crates without SQL of their own read the calendars sent along this way).
pub async fn mails_of_kind(db: &Db, recipient: &str, kind: &str) -> Vec<(String, Option<String>)> {
    let q = "SELECT body, attachment FROM outbox WHERE recipient = $1 AND kind = $2 ORDER BY created_at, id";
    crate::on_db!(db, pool => sqlx::query_as(q).bind(recipient).bind(kind).fetch_all(pool).await.expect("read mails"))
}

/// How many mails of one kind were written.
pub async fn count_mails(db: &Db, kind: &str) -> i64 {
    let q = "SELECT COUNT(*) FROM outbox WHERE kind = $1";
    crate::on_db!(db, pool => sqlx::query_scalar(q).bind(kind).fetch_one(pool).await.expect("count mails"))
}

/// The one text value a query answers (tests read a state this way).
pub async fn scalar_text(db: &Db, sql: &str) -> String {
    crate::on_db!(db, pool => sqlx::query_scalar(sql).fetch_one(pool).await.expect("one text value"))
}
