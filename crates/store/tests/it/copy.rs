//! Moving an installation from SQLite to PostgreSQL keeps every row.

use crate::fixtures::{effects, org, profile, user};
use domain::org::OrgDraft;
use store::copy::{CopyError, copy_all};
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

    // A second copy into the now filled database is refused, and nothing changes.
    assert!(matches!(copy_all(&from.db, &to.db).await, Err(CopyError::TargetNotEmpty { .. })));
}
