//! Moving an installation from SQLite to PostgreSQL keeps every row.

use crate::fixtures::{effects, org, profile, user};
use domain::org::OrgDraft;
use store::copy::{CopyError, copy_all, verify};
use store::testing;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sqlite_installation_moves_to_postgres_whole() {
    let from = testing::sqlite().await;
    let db = &from.db;
    let assoc = org(db, "Verband", "verband.example").await;
    // An umbrella link to an association must survive the copy.
    let draft =
        OrgDraft::parse("Rechenzentrum", "it_service_provider", "NW", &assoc.to_string(), "rz.example").unwrap();
    let rz = store::orgs::create(db, &draft, &effects("org")).await.unwrap();
    let u = user(db, "anna@rz.example", Some(rz)).await;
    store::profiles::save(db, u, &profile("Open Data", "2027-W07", true, false), &effects("p")).await.unwrap();

    let to = testing::postgres().await;
    let copied = copy_all(&from.db, &to.db).await.unwrap();
    assert!(copied.contains(&("profile_topics", 2)), "{copied:?}");
    assert_eq!(store::orgs::get(&to.db, rz).await.unwrap(), store::orgs::get(&from.db, rz).await.unwrap());
    assert_eq!(store::profiles::get(&to.db, u).await.unwrap(), store::profiles::get(&from.db, u).await.unwrap());
    assert_eq!(store::users::account(&to.db, u).await.unwrap(), store::users::account(&from.db, u).await.unwrap());

    // The contents compare equal, table by table.
    let compared = verify(&from.db, &to.db).await.unwrap();
    assert_eq!(compared.len(), store::copy::TABLES.len());
    // A second copy into the now filled database is refused, and nothing changes.
    assert!(matches!(copy_all(&from.db, &to.db).await, Err(CopyError::TargetNotEmpty { .. })));
    // A change on one side is found, though the counts stay equal.
    testing::execute(&to.db, "UPDATE profiles SET unit = 'Andere Einheit'").await;
    assert!(matches!(verify(&from.db, &to.db).await, Err(CopyError::ContentMismatch { table: "profiles", .. })));
}

/// A copy that fails part way leaves the target as it was, and can be run again.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_failed_copy_leaves_nothing_behind() {
    let from = testing::sqlite().await;
    let db = &from.db;
    let city = org(db, "Stadt", "stadt.example").await;
    for name in ["anna", "bernd"] {
        user(db, &format!("{name}@stadt.example"), Some(city)).await;
    }
    let to = testing::postgres().await;
    // The target refuses the second user (a constraint the source does not have): the copy
    // fails after the organisations and the first user went in.
    testing::execute(&to.db, "CREATE UNIQUE INDEX one_user_only ON users ((1))").await;
    assert!(copy_all(&from.db, &to.db).await.is_err());
    for table in store::copy::TABLES.iter().filter(|t| !store::copy::SEEDED.contains(t)) {
        assert_eq!(testing::count(&to.db, table).await, 0, "{table} kept rows of the failed copy");
    }
    // Run again once the cause is gone: everything arrives.
    testing::execute(&to.db, "DROP INDEX one_user_only").await;
    copy_all(&from.db, &to.db).await.unwrap();
    assert_eq!(testing::count(&to.db, "users").await, 2);
    verify(&from.db, &to.db).await.unwrap();
}

/// The copy moves every table and every column the schema has: a new one cannot be left behind.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_copy_knows_every_table_and_column() {
    let db = testing::sqlite().await;
    let schema = db.db.schema().await.unwrap();
    let mut missing = Vec::new();
    for (table, columns) in &schema {
        // The search index is made again from the profiles on the target.
        if table.starts_with("profiles_fts") {
            continue;
        }
        let copied = store::copy::COLUMNS.iter().find(|(t, _)| t == table).map(|(_, c)| *c);
        for column in columns {
            let known = copied.is_some_and(|c| c.contains(&column.as_str()))
                || (table == "organisations" && column == "parent_id");
            if !known {
                missing.push(format!("{table}.{column}"));
            }
        }
    }
    assert!(missing.is_empty(), "the copy leaves these behind: {missing:?}");
}
