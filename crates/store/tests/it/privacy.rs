//! The export of a person's data reads every column that points at a person: a new table or
//! column with a person's id or address fails here until `store::privacy` reads it.

use store::privacy::PERSON_COLUMNS;
use store::{Db, on_both_backends};

on_both_backends!(every_column_that_points_at_a_person_is_exported);

/// Columns that name a person by address without being read by it: the account's own address
/// (read with the account), and a sign-in under way for someone who has no account yet.
const NOT_BY_PERSON: &[(&str, &str)] = &[("users", "email"), ("users", "email_norm"), ("sso_attempts", "email")];

async fn every_column_that_points_at_a_person_is_exported(db: Db) {
    let (by_id, all_columns): (Vec<(String, String)>, Vec<(String, String)>) = match &db {
        Db::Sqlite(pool) => (
            sqlx::query_as(
                "SELECT m.name, p.\"from\" FROM sqlite_master m JOIN pragma_foreign_key_list(m.name) p \
                 WHERE m.type = 'table' AND p.\"table\" = 'users'",
            )
            .fetch_all(pool)
            .await
            .unwrap(),
            sqlx::query_as(
                "SELECT m.name, p.name FROM sqlite_master m JOIN pragma_table_info(m.name) p \
                 WHERE m.type = 'table' AND m.name NOT LIKE '\\_%' ESCAPE '\\' AND m.name NOT LIKE 'sqlite%'",
            )
            .fetch_all(pool)
            .await
            .unwrap(),
        ),
        Db::Postgres(pool) => (
            sqlx::query_as(
                "SELECT kcu.table_name::TEXT, kcu.column_name::TEXT FROM information_schema.table_constraints tc \
                 JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name \
                 AND kcu.table_schema = tc.table_schema \
                 JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name \
                 AND ccu.table_schema = tc.table_schema \
                 WHERE tc.constraint_type = 'FOREIGN KEY' AND ccu.table_name = 'users' AND tc.table_schema = current_schema()",
            )
            .fetch_all(pool)
            .await
            .unwrap(),
            sqlx::query_as(
                "SELECT table_name::TEXT, column_name::TEXT FROM information_schema.columns \
                 WHERE table_schema = current_schema() AND table_name NOT LIKE '\\_%'",
            )
            .fetch_all(pool)
            .await
            .unwrap(),
        ),
    };
    assert!(by_id.len() > 25, "the schema walk found only {by_id:?}");
    let read = |t: &str, c: &str| PERSON_COLUMNS.iter().any(|(pt, pc, _)| *pt == t && *pc == c);
    let exempt = |t: &str, c: &str| NOT_BY_PERSON.iter().any(|(et, ec)| *et == t && *ec == c);
    let by_address = all_columns.iter().filter(|(_, c)| ["email", "email_norm", "recipient"].contains(&c.as_str()));
    let missing: Vec<_> = by_id.iter().chain(by_address).filter(|(t, c)| !read(t, c) && !exempt(t, c)).collect();
    assert!(missing.is_empty(), "columns that point at a person but are not in the export: {missing:?}");
    // And the list names no column that is not there.
    let stale: Vec<_> =
        PERSON_COLUMNS.iter().filter(|(t, c, _)| !all_columns.iter().any(|(at, ac)| at == t && ac == c)).collect();
    assert!(stale.is_empty(), "the export reads columns the schema lacks: {stale:?}");
}
