//! Each page reads the database a bounded number of times, however many rows it shows: the
//! statements of the search page and of a swap page are counted (every statement sqlx runs is
//! a `sqlx::query` trace event) with few and with many people to show.
//!
//! A test binary of its own: the counting subscriber is global, and no other test may run
//! statements while one is counted.
#![allow(clippy::unwrap_used)] // test code: a panic is the failure report

#[path = "it/app.rs"]
#[allow(dead_code)]
mod app;

use app::TestApp;
use domain::profile::{Profile, ProfileInput};
use std::sync::Mutex;
use store::Db;

/// The statements run since the last [`take`].
static STATEMENTS: Mutex<Vec<String>> = Mutex::new(Vec::new());

struct CountStatements;

impl<S: tracing::Subscriber> tracing_subscriber::Layer<S> for CountStatements {
    fn on_event(&self, event: &tracing::Event<'_>, _: tracing_subscriber::layer::Context<'_, S>) {
        if event.metadata().target() == "sqlx::query" {
            let mut sql = Statement(String::new());
            event.record(&mut sql);
            // A connection the pool opens sets itself up once; that is not the page's reading.
            if !sql.0.starts_with("PRAGMA") {
                STATEMENTS.lock().unwrap().push(sql.0);
            }
        }
    }
}

struct Statement(String);

impl tracing::field::Visit for Statement {
    fn record_str(&mut self, field: &tracing::field::Field, value: &str) {
        // sqlx gives a short statement whole as its summary and an empty `db.statement`.
        let value = value.trim();
        if !value.is_empty() && (field.name() == "db.statement" || (self.0.is_empty() && field.name() == "summary")) {
            self.0 = value.to_owned();
        }
    }
    fn record_debug(&mut self, _: &tracing::field::Field, _: &dyn std::fmt::Debug) {}
}

fn take() -> Vec<String> {
    std::mem::take(&mut *STATEMENTS.lock().unwrap())
}

/// The statements a signed-in GET of `path` runs.
async fn statements_of(b: &app::Browser, path: &str) -> Vec<String> {
    take();
    let page = b.get(path).await;
    assert_eq!(page.status, 200, "{path}: {}", page.body);
    take()
}

fn profile(topic: &str, week: &str) -> Profile {
    Profile::parse(&ProfileInput {
        role_title: "Sachbearbeitung".into(),
        unit: "Amt 10".into(),
        pay_grade: "E 11".into(),
        topics: format!("{topic}, Open Data, Digitalisierung"),
        wants_to_learn: "KI".into(),
        languages: "de".into(),
        availability: week.into(),
        travel_radius_km: "50".into(),
        about: "".into(),
        open_to_swap: true,
        shared_with_own_org: false,
    })
    .unwrap()
}

/// Adds `n` people of the association open to a swap.
async fn open_people(t: &TestApp, from: usize, n: usize, week: &str) -> Vec<domain::UserId> {
    let mut ids = Vec::new();
    for i in from..from + n {
        let id = t.user(&format!("person{i}@verband.example"), Some(t.assoc), &[], false).await;
        store::profiles::save(&t.db, id, &profile(&format!("Thema {i}"), week), &app::fx("p")).await.unwrap();
        ids.push(id);
    }
    ids
}

async fn pages_read_the_database_a_bounded_number_of_times(db: Db) {
    let t = TestApp::start(db).await;
    let week = domain::values::IsoWeek::of(chrono::Utc::now().date_naive() + chrono::Days::new(42)).to_string();
    t.user("anna@musterstadt.example", Some(t.city), &[], false).await;
    let anna = t.browser();
    anna.login("anna@musterstadt.example").await;

    // The search: 2 hits, then a full page of 25.
    let eva = open_people(&t, 0, 2, &week).await[0];
    // The first view also reads the most named topics, which the instance then keeps a minute.
    statements_of(&anna, "/people").await;
    let few = statements_of(&anna, "/people").await;
    open_people(&t, 2, 40, &week).await;
    let many = statements_of(&anna, "/people").await;
    let page = anna.get("/people").await;
    assert_eq!(page.body.matches("class=\"kern-card person-card\"").count(), 25, "a full page");
    println!("search page: {} statements with 2 hits, {} with 25:\n{}", few.len(), many.len(), many.join("\n"));
    assert_eq!(few.len(), many.len(), "statements grow with the hits:\n{}\n---\n{}", few.join("\n"), many.join("\n"));
    // A page reads the session with its account, the hits and their topics at least: fewer
    // means nothing was counted.
    assert!(few.len() >= 3, "the statements are not counted: {few:?}");
    assert!(many.len() <= 4, "{} statements:\n{}", many.len(), many.join("\n"));
    let filtered = statements_of(&anna, &format!("/people?q=digi&topic=Open+Data&week={week}")).await;
    assert_eq!(filtered.len(), many.len(), "a filtered search reads as often:\n{}", filtered.join("\n"));

    // A swap page: anna proposes to one of them; the page reads the same whether the swap just
    // began or has gathered decisions, messages and notices.
    let proposed = anna
        .post_form(
            &format!("/people/{eva}"),
            "/swaps",
            &[("partner", &eva.to_string()), ("week", &week), ("message", "Tauschen wir?")],
        )
        .await;
    assert_eq!(proposed.status, 303, "{}", proposed.body);
    let swap = proposed.location.unwrap();
    let proposed = statements_of(&anna, &swap).await;
    println!("swap page, proposed: {} statements:\n{}", proposed.len(), proposed.join("\n"));
    // Eva accepts: the swap now waits for four approvals and has more history to show.
    let eva_browser = t.browser();
    eva_browser.login("person0@verband.example").await;
    let page = eva_browser.get(&swap).await;
    let version = page.body.split("name=\"version\" value=\"").nth(1).unwrap().split('"').next().unwrap().to_owned();
    let csrf = app::csrf_of(&page.body);
    let accepted = eva_browser.post_raw(&format!("{swap}/accept"), &csrf, &[("version", &version)]).await;
    assert_eq!(accepted.status, 303, "{}", accepted.body);
    let pending = statements_of(&anna, &swap).await;
    println!("swap page, approvals pending: {} statements:\n{}", pending.len(), pending.join("\n"));
    for (state, statements) in [("proposed", &proposed), ("approvals pending", &pending)] {
        assert!(statements.len() <= 9, "{state}: {} statements:\n{}", statements.len(), statements.join("\n"));
    }
}

/// The search page's common topics are kept a minute; when they are missing, many searches
/// at once read them once (the others wait for that reading), not once each.
async fn searches_at_once_read_the_common_topics_once(db: Db) {
    let t = TestApp::start(db).await;
    let week = domain::values::IsoWeek::of(chrono::Utc::now().date_naive() + chrono::Days::new(42)).to_string();
    t.user("anna@musterstadt.example", Some(t.city), &[], false).await;
    // Enough people that grouping their topics takes a while, so that the searches overlap.
    open_people(&t, 0, 300, &week).await;
    let anna = t.browser();
    anna.login("anna@musterstadt.example").await;
    take();
    let mut searches = tokio::task::JoinSet::new();
    for _ in 0..32 {
        searches.spawn(anna.client.get(t.url("/people")).send());
    }
    while let Some(page) = searches.join_next().await {
        assert_eq!(page.unwrap().unwrap().status(), 200);
    }
    let statements = take();
    let grouping = statements.iter().filter(|s| s.contains("GROUP BY t.topic_norm")).count();
    assert_eq!(grouping, 1, "32 searches at once grouped the topics {grouping} times");
}

mod bounded {
    use tracing_subscriber::layer::SubscriberExt;

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn sqlite_and_postgres() {
        let subscriber = tracing_subscriber::registry().with(super::CountStatements);
        tracing::subscriber::set_global_default(subscriber).unwrap();
        // One after the other: the counter is shared.
        let lite = store::testing::sqlite().await;
        super::pages_read_the_database_a_bounded_number_of_times(lite.db.clone()).await;
        let pg = store::testing::postgres().await;
        super::pages_read_the_database_a_bounded_number_of_times(pg.db.clone()).await;
        for db in [store::testing::sqlite().await, store::testing::postgres().await] {
            super::searches_at_once_read_the_common_topics_once(db.db.clone()).await;
        }
    }
}
