//! The two migration folders describe the same tables and columns.

use store::testing;

#[tokio::test]
async fn sqlite_and_postgres_schemas_have_the_same_tables_and_columns() {
    let lite = testing::sqlite().await;
    let pg = testing::postgres().await;
    let (a, b) = (lite.db.schema().await.unwrap(), pg.db.schema().await.unwrap());
    assert!(a.iter().any(|(t, _)| t == "users"), "no users table: {a:?}");
    assert_eq!(a, b);
}

#[test]
fn migration_folders_hold_the_same_file_names() {
    let names = |dir: &str| {
        let mut v: Vec<String> = std::fs::read_dir(format!("{}/migrations/{dir}", crate::manifest_dir()))
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        v.sort();
        v
    };
    assert_eq!(names("sqlite"), names("postgres"));
}

#[tokio::test]
async fn healthz_ping_fails_on_a_closed_pool() {
    let t = testing::sqlite().await;
    assert!(t.db.ping().await);
    t.db.close().await;
    assert!(!t.db.ping().await);
}
