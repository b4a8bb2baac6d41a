//! The binary as an operator runs it.

use std::io::Write;
use std::process::{Command, Stdio};
use store::{Db, testing};

fn jobtausch(args: &[&str], stdin: Option<&str>) -> (bool, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_jobtausch"))
        .args(args)
        .env_remove("JOBTAUSCH_DATABASE_URL")
        .env("JOBTAUSCH_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(input) = stdin {
        child.stdin.take().unwrap().write_all(input.as_bytes()).unwrap();
    }
    drop(child.stdin.take());
    let out = child.wait_with_output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn migrate_create_organiser_and_copy_to_postgres() {
    let dir = tempfile::tempdir().unwrap();
    let lite = format!("sqlite://{}", dir.path().join("pilot.db").display());
    let (ok, out, err) = jobtausch(&["migrate", "--database-url", &lite], None);
    assert!(ok, "{err}");
    assert!(out.contains("migrated"));

    let (ok, out, err) = jobtausch(
        &[
            "admin",
            "create-organiser",
            "--database-url",
            &lite,
            "--email",
            "koordination@land.example",
            "--password-stdin",
        ],
        Some("ein-sicheres-passwort\n"),
    );
    assert!(ok, "{err}");
    assert!(out.contains("created network organiser koordination@land.example"));
    let (ok, out, _) =
        jobtausch(&["admin", "create-organiser", "--database-url", &lite, "--email", "zweite@land.example"], None);
    assert!(ok);
    assert!(out.contains("password (shown once): "), "a generated password is shown once: {out}");
    let (ok, _, err) = jobtausch(
        &["admin", "create-organiser", "--database-url", &lite, "--email", "kein-mail", "--password-stdin"],
        Some("x"),
    );
    assert!(!ok);
    assert!(err.contains("error: --email: Please give a valid e-mail address"), "{err}");
    let (ok, _, err) = jobtausch(
        &[
            "admin",
            "run-round",
            "--database-url",
            &lite,
            "--email",
            "koordination@land.example",
            "--from",
            "2027-W10",
            "--to",
            "bald",
            "--max-cycle",
            "7",
        ],
        None,
    );
    assert!(!ok);
    assert!(err.contains("--to: Please give calendar weeks") && err.contains("--max-cycle: Please choose"), "{err}");

    let db = store::Db::connect(&lite).await.unwrap();
    let id = store::users::account_by_email(&db, "koordination@land.example").await.unwrap().unwrap();
    assert!(store::users::account(&db, id).await.unwrap().organiser);
    let creds = store::users::credentials(&db, "koordination@land.example").await.unwrap().unwrap();
    assert!(app::secrets::verify_password(Some(&creds.password_hash), "ein-sicheres-passwort").await);
    db.close().await;

    let (ok, token, err) =
        jobtausch(&["admin", "create-token", "--database-url", &lite, "--email", "koordination@land.example"], None);
    assert!(ok, "{err}");
    let db = store::Db::connect(&lite).await.unwrap();
    assert_eq!(
        store::users::token_user(&db, &app::secrets::hash_secret(token.trim())).await.unwrap().map(|t| t.0),
        Some(id)
    );
    db.close().await;
    let (ok, _, err) =
        jobtausch(&["admin", "create-token", "--database-url", &lite, "--email", "niemand@land.example"], None);
    assert!(!ok && err.contains("no account"), "{err}");

    let pg = testing::postgres_empty_url().await;
    let (ok, out, err) = jobtausch(&["db", "copy", "--from", &lite, "--to", &pg, "--verify"], None);
    assert!(ok, "{err}");
    assert!(out.contains("in one transaction") && out.contains("contents verified"), "{out}");
    assert!(out.lines().any(|l| l.starts_with("users") && l.contains(" 2 rows")), "{out}");
    let (ok, _, err) = jobtausch(&["db", "copy", "--from", &lite, "--to", &pg], None);
    assert!(!ok, "a second copy into a filled database is refused");
    assert!(err.contains("not empty"), "{err}");
}

#[test]
fn unusable_database_urls_are_explained() {
    let (ok, _, err) = jobtausch(&["migrate", "--database-url", "mysql://x"], None);
    assert!(!ok);
    assert!(err.contains("sqlite://") && err.contains("postgres://"), "{err}");
    let (ok, _, err) = jobtausch(&["migrate", "--database-url", "postgres://nobody:geheim@127.0.0.1:1/none"], None);
    assert!(!ok);
    assert!(!err.contains("geheim"), "the password is never printed: {err}");
}

/// Two processes migrating one fresh database at once: both succeed (an orchestrator starts
/// several instances together), on SQLite and on PostgreSQL.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_migrations_at_once_both_succeed() {
    let dir = tempfile::tempdir().unwrap();
    let lite = format!("sqlite://{}", dir.path().join("fresh.db").display());
    let pg = testing::postgres_empty_url().await;
    for url in [lite, pg] {
        let runs: Vec<_> = (0..2)
            .map(|_| {
                let url = url.clone();
                std::thread::spawn(move || jobtausch(&["migrate", "--database-url", &url], None))
            })
            .collect();
        for run in runs {
            let (ok, out, err) = run.join().unwrap();
            assert!(ok && out.contains("migrated"), "{url}: {out}{err}");
        }
    }
}

/// `jobtausch backup` of a running SQLite installation: the snapshot holds every row, and an
/// installation restored from it (the file copied into place) carries on with the journey.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_backup_restores_and_the_journey_continues() {
    let dir = tempfile::tempdir().unwrap();
    let live = format!("sqlite://{}", dir.path().join("live.db").display());
    let db = Db::connect(&live).await.unwrap();
    db.migrate().await.unwrap();
    jobtausch::demo::seed(&app::App::new(db.clone(), app::Config::new("http://127.0.0.1:8080"))).await.unwrap();

    let snapshot = dir.path().join("backup.db");
    let (ok, out, err) = jobtausch(&["backup", "--database-url", &live, "--to", snapshot.to_str().unwrap()], None);
    assert!(ok && out.contains("backup written"), "{out}{err}");
    let (ok, _, err) = jobtausch(&["backup", "--database-url", &live, "--to", snapshot.to_str().unwrap()], None);
    assert!(!ok && err.contains("exists already"), "a backup never overwrites: {err}");

    // Restore: the file becomes a fresh installation's database.
    let restored_path = dir.path().join("restored.db");
    std::fs::copy(&snapshot, &restored_path).unwrap();
    let restored = Db::connect(&format!("sqlite://{}", restored_path.display())).await.unwrap();
    restored.migrate().await.unwrap();
    let compared = store::copy::verify(&db, &restored).await.unwrap();
    assert_eq!(compared.len(), store::copy::TABLES.len(), "every table, row by row");

    // The demo, with every kind of value (PDFs, coordinates, empty columns), moves to
    // PostgreSQL and from there into a fresh SQLite file unchanged.
    let pg = Db::connect(&testing::postgres_empty_url().await).await.unwrap();
    store::copy::copy_all(&db, &pg).await.unwrap();
    let back = Db::connect(&format!("sqlite://{}", dir.path().join("back.db").display())).await.unwrap();
    store::copy::copy_all(&pg, &back).await.unwrap();
    store::copy::verify(&pg, &back).await.unwrap();
    let compared = store::copy::verify(&db, &back).await.unwrap();
    let rows = |table: &str| compared.iter().find(|(t, _)| *t == table).map_or(0, |(_, n)| *n);
    assert!(rows("agreements") > 0 && rows("organisations") > 0, "{compared:?}");

    // The journey goes on there: Eva proposes a swap to Ingo, who is open to one.
    let app = app::App::new(restored.clone(), app::Config::new("http://127.0.0.1:8080"));
    let account = |email: &str| {
        let (app, email) = (app.clone(), domain::values::Email::parse("email", email).unwrap());
        async move { app::account::by_email(&app, &email).await.unwrap() }
    };
    let (eva, ingo) =
        (account("eva.nowak@kommunal-it.example").await, account("ingo.lehmann@rz-westfalen.example").await);
    let week = domain::values::IsoWeek::of(app::today() + chrono::Days::new(7 * 20)).to_string();
    let proposal = app::swaps::ProposalInput { partner: ingo.id.to_string(), week, message: String::new() };
    let id = app::swaps::propose(&app, &eva, &proposal).await.unwrap();
    assert_eq!(store::swaps::get(&restored, id).await.unwrap().state, domain::swap::SwapState::Proposed);
}

/// `serve` with JSON logs: each answer names its request (the client's id, or a new one) in a
/// header and in the log line, which is JSON an operator's collector can read.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn json_logs_name_each_request_by_the_id_in_its_answer() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}", dir.path().join("log.db").display());
    let port = crate::relay::free_port();
    let mut server = Command::new(env!("CARGO_BIN_EXE_jobtausch"))
        .args(["serve", "--database-url", &url, "--bind", &format!("127.0.0.1:{port}")])
        .env_remove("JOBTAUSCH_SMTP_URL")
        .env("JOBTAUSCH_LOG", "info")
        .env("JOBTAUSCH_LOG_FORMAT", "json")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let base = format!("http://127.0.0.1:{port}");
    let client = reqwest::Client::new();
    let mut up = false;
    for _ in 0..100 {
        if client.get(format!("{base}/healthz")).send().await.is_ok_and(|r| r.status() == 200) {
            up = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    let mine = client.get(format!("{base}/imprint")).header("x-request-id", "pruefung-4711").send().await.unwrap();
    let fresh = client.get(format!("{base}/privacy")).send().await.unwrap();
    let given = mine.headers()["x-request-id"].to_str().unwrap().to_owned();
    let made = fresh.headers()["x-request-id"].to_str().unwrap().to_owned();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    let _ = server.kill();
    let out = server.wait_with_output().unwrap();
    let log = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(up, "the server did not answer: {log}");
    assert_eq!(given, "pruefung-4711", "the client's id is kept");
    assert!(uuid::Uuid::parse_str(&made).is_ok(), "a new id otherwise: {made}");

    let lines: Vec<serde_json::Value> =
        log.lines().map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("not JSON ({e}): {l}"))).collect();
    let request = |id: &str| {
        lines.iter().find(|l| l["span"]["request_id"] == id).unwrap_or_else(|| panic!("no line for {id} in:\n{log}"))
    };
    assert_eq!(request("pruefung-4711")["span"]["path"], "/imprint");
    assert_eq!(request(&made)["span"]["path"], "/privacy");
    // Without a relay, serve says at start that mails wait.
    assert!(log.contains("JOBTAUSCH_SMTP_URL is not set"), "{log}");
}
