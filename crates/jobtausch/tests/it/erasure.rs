//! Erasure on the demo (with the rows [`crate::my_data`] adds, so that every column that points
//! at a person holds something): every person deletes their account in turn, and after each a
//! scan of every column of every table finds their name and address nowhere; what the
//! employers keep names a pseudonym (the agreement, read back with `pdftotext`).

use app::account::Confirmation;
use jobtausch::demo::DEMO_PASSWORD;
use store::{Db, on_both_backends};
use uuid::Uuid;

on_both_backends!(every_erased_person_is_nowhere, an_admin_erases_someone_who_left);

async fn query_rows<T>(db: &Db, sql: &str) -> Vec<T>
where
    T: Send
        + Unpin
        + for<'r> sqlx::FromRow<'r, sqlx::sqlite::SqliteRow>
        + for<'r> sqlx::FromRow<'r, sqlx::postgres::PgRow>,
{
    match db {
        Db::Sqlite(p) => sqlx::query_as(sql).fetch_all(p).await.unwrap(),
        Db::Postgres(p) => sqlx::query_as(sql).fetch_all(p).await.unwrap(),
    }
}

async fn count(db: &Db, sql: &str, bind: &str) -> i64 {
    match db {
        Db::Sqlite(p) => sqlx::query_scalar(sql).bind(bind).fetch_one(p).await.unwrap(),
        Db::Postgres(p) => sqlx::query_scalar(sql).bind(bind).fetch_one(p).await.unwrap(),
    }
}

/// Every `table.column` (of every table, whatever its type) that still holds `name` (as
/// written) or `address` (in any case).
async fn where_found(db: &Db, name: &str, address: &str) -> Vec<String> {
    let mut found = Vec::new();
    // The installation's legal details are the organisers' public statements (imprint, data
    // protection officer), which the law makes them keep and which erasure leaves alone
    // (Art. 17 Abs. 3 Buchst. b DSGVO); the demo's name for its organiser's role is in them.
    for (table, columns) in db.schema().await.unwrap().into_iter().filter(|(t, _)| t != "installation_settings") {
        for column in columns {
            let text = format!("CAST({column} AS TEXT)");
            for (lhs, needle) in [(text.clone(), name.to_owned()), (format!("LOWER({text})"), address.to_lowercase())] {
                let sql = format!("SELECT COUNT(*) FROM {table} WHERE {lhs} LIKE $1");
                if count(db, &sql, &format!("%{needle}%")).await > 0 {
                    found.push(format!("{table}.{column} holds {needle:?}"));
                }
            }
        }
    }
    found
}

fn pdftotext(pdf: &[u8]) -> String {
    use std::io::Write;
    let mut child = std::process::Command::new("pdftotext")
        .args(["-", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("pdftotext (poppler-utils) is installed by scripts/test.sh");
    child.stdin.take().unwrap().write_all(pdf).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    String::from_utf8(out.stdout).unwrap()
}

async fn every_erased_person_is_nowhere(db: Db) {
    let app = app::App::new(db.clone(), app::Config::new("http://127.0.0.1"));
    jobtausch::demo::seed(&app).await.unwrap();
    crate::my_data::more_than_the_demo(&app, &db).await;
    let people: Vec<(Uuid, String, String)> =
        query_rows(&db, "SELECT id, email, display_name FROM users ORDER BY created_at").await;
    let (mut erased, mut kept_agreements) = (0, 0);
    for (id, email, name) in &people {
        let me = store::users::account(&db, domain::UserId(*id)).await.unwrap();
        let plan = app::privacy::my_erasure_plan(&app, &me).await.unwrap();
        let done = app::privacy::erase_me(&app, &me, &Confirmation::Password(DEMO_PASSWORD.into())).await;
        done.unwrap_or_else(|e| panic!("{email}: {e:?}"));
        erased += 1;
        let left = where_found(&db, name, email).await;
        assert!(left.is_empty(), "{name} <{email}> is still found after the erasure: {left:#?}");
        for (swap, _) in &plan.kept {
            let agreement = store::agreements::of_swap(&db, swap.id).await.unwrap().unwrap();
            let text = pdftotext(&agreement.pdf);
            assert!(text.contains("Person "), "the kept agreement names the pseudonym:\n{text}");
            let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(!flat.contains(name.as_str()), "{name} is gone from the kept agreement:\n{text}");
            assert!(text.contains("Pseudonymisierte Fassung"), "and says that it is a copy:\n{text}");
            assert_eq!(swap.agreement_hash.as_deref(), Some(agreement.hash.as_str()), "the signed hash stays");
            kept_agreements += 1;
        }
        for ended in &plan.ending {
            let swap = store::swaps::get(&db, ended.id).await.unwrap();
            assert_eq!(swap.end_reason.as_deref(), Some("account-erased"), "{email}: the swap is called off");
        }
        // Signing in is over.
        let login = app::account::login(&app, domain::values::Locale::De, email, DEMO_PASSWORD).await;
        assert!(login.is_err(), "{email} can no longer sign in");
    }
    assert!(
        erased >= 8 && kept_agreements >= 1,
        "the demo erases people with kept agreements: {erased}, {kept_agreements}"
    );
    // A tombstone keeps only a pseudonym, its organisation and when its kept records go.
    let tombstones: Vec<(String, String, Option<Uuid>, String)> =
        query_rows(&db, "SELECT display_name, email, org_id, erasure_reason FROM users WHERE erased_at IS NOT NULL")
            .await;
    assert!(!tombstones.is_empty());
    for (pseudonym, address, org, reason) in &tombstones {
        assert!(pseudonym.starts_with("Person ") && address.ends_with("@erased.invalid"), "{pseudonym} {address}");
        assert!(org.is_some() || reason == "own-request");
        assert!(store::erasure::is_placeholder(address));
    }
    // No mail waits for an erased person.
    let to_placeholders = count(&db, "SELECT COUNT(*) FROM outbox WHERE recipient LIKE $1", "%@erased.invalid").await;
    assert_eq!(to_placeholders, 0);
    eprintln!("{erased} erased, {} tombstones", tombstones.len());
}

async fn an_admin_erases_someone_who_left(db: Db) {
    let app = app::App::new(db.clone(), app::Config::new("http://127.0.0.1"));
    jobtausch::demo::seed(&app).await.unwrap();
    let account = |email: &'static str| {
        let db = db.clone();
        async move {
            let id = store::users::account_by_email(&db, email).await.unwrap().unwrap();
            store::users::account(&db, id).await.unwrap()
        }
    };
    let admin = account("dieter.krause@musterstadt.example").await;
    let org = admin.org_id.unwrap();
    let members = app::orgs::members(&app, &admin.actor(), org).await.unwrap();
    let leaver = members.iter().find(|m| m.user_id != admin.id && m.roles.is_empty()).unwrap();
    let before = members.len();

    // Not one's own account, not in another organisation, not as a mere participant.
    assert_eq!(
        app::privacy::erase_member(&app, &admin, org, admin.id).await,
        Err(app::Error::Forbidden("own-account-erased-by-self"))
    );
    let participant = store::users::account(&db, leaver.user_id).await.unwrap();
    assert!(app::privacy::erase_member(&app, &participant, org, admin.id).await.is_err());
    let other_org = account("eva.nowak@kommunal-it.example").await;
    assert_eq!(app::privacy::erase_member(&app, &admin, org, other_org.id).await, Err(app::Error::NotFound));

    let plan = app::privacy::member_erasure_plan(&app, &admin, org, leaver.user_id).await.unwrap();
    assert_eq!(plan.person.id, leaver.user_id, "the page asks about the person chosen");
    app::privacy::erase_member(&app, &admin, org, leaver.user_id).await.unwrap();
    let after = app::orgs::members(&app, &admin.actor(), org).await.unwrap();
    assert_eq!(after.len(), before - 1, "the person is no longer a member");
    let trail = count(
        &db,
        "SELECT COUNT(*) FROM audit_log WHERE action = 'member.erased' AND detail = $1",
        &leaver.user_id.to_string(),
    )
    .await;
    assert_eq!(trail, 1, "the organisation's audit trail records it");
    assert!(where_found(&db, &leaver.display_name, leaver.email.as_deref().unwrap()).await.is_empty());
}
