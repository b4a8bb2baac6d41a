//! Faults on real processes, as an operator's drill brings them: `jobtausch serve` started as
//! the binary, two at once on one PostgreSQL, against a relay that takes its time
//! (scripts/slow_smtp.py), stopped with SIGTERM or killed with SIGKILL in the middle of sending;
//! a PostgreSQL of the test's own stopped and started again, and the relay too. Each story
//! counts the mails per outbox row in the relay's maildir, by their `Message-ID`.

use crate::relay::free_port;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use store::outbox::OutboxMail;
use store::{AuditEntry, Db, Effects, testing};

const FROM: &str = "Jobtausch <noreply@jobtausch.example>";

/// The slow relay, stopped when dropped.
struct SlowRelay {
    child: Child,
    port: u16,
    maildir: PathBuf,
    _dir: tempfile::TempDir,
}

impl SlowRelay {
    fn start(delay_seconds: f64) -> SlowRelay {
        let port = free_port();
        let dir = tempfile::tempdir().unwrap();
        let maildir = dir.path().join("maildir");
        for sub in ["tmp", "new", "cur"] {
            std::fs::create_dir_all(maildir.join(sub)).unwrap();
        }
        let python = std::env::var("JOBTAUSCH_TEST_PYTHON").expect(
            "JOBTAUSCH_TEST_PYTHON is not set: start the services with `eval \"$(scripts/services.sh start)\"`",
        );
        let script = Path::new(&crate::manifest_dir()).join("../../scripts/slow_smtp.py");
        let child = Command::new(python)
            .arg(script)
            .args([port.to_string(), maildir.display().to_string(), delay_seconds.to_string()])
            .spawn()
            .expect("start the slow relay");
        let relay = SlowRelay { child, port, maildir, _dir: dir };
        wait_for(Duration::from_secs(10), "the slow relay", || {
            std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
        });
        relay
    }

    /// How many times each `Message-ID` arrived.
    fn arrivals(&self) -> HashMap<String, usize> {
        let mut count = HashMap::new();
        for mail in crate::relay::delivered(&self.maildir) {
            let id = mail
                .lines()
                .find_map(|l| l.strip_prefix("Message-ID: ").or_else(|| l.strip_prefix("Message-Id: ")))
                .expect("every mail has a Message-ID")
                .trim()
                .to_owned();
            *count.entry(id).or_insert(0) += 1;
        }
        count
    }
}

impl Drop for SlowRelay {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A `jobtausch serve` process, killed when dropped.
struct Instance {
    child: Child,
    port: u16,
}

impl Instance {
    fn start(database_url: &str, smtp_port: u16) -> Instance {
        Self::start_with(database_url, smtp_port, &[])
    }

    fn start_with(database_url: &str, smtp_port: u16, env: &[(&str, &str)]) -> Instance {
        let port = free_port();
        let child = Command::new(env!("CARGO_BIN_EXE_jobtausch"))
            .arg("serve")
            .envs(env.iter().copied())
            .env("JOBTAUSCH_DATABASE_URL", database_url)
            .env("JOBTAUSCH_BIND", format!("127.0.0.1:{port}"))
            .env("JOBTAUSCH_SMTP_URL", format!("smtp://127.0.0.1:{smtp_port}"))
            .env("JOBTAUSCH_MAIL_FROM", FROM)
            .env("JOBTAUSCH_LOG", "warn")
            .stdout(Stdio::null())
            .spawn()
            .expect("start jobtausch serve");
        let instance = Instance { child, port };
        wait_for(Duration::from_secs(20), "jobtausch serve", || {
            std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
        });
        instance
    }

    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    fn signal(&self, signal: &str) {
        // The shell's own `kill`: no package needed.
        let ok =
            Command::new("sh").args(["-c", &format!("kill {signal} {}", self.child.id())]).status().unwrap().success();
        assert!(ok, "kill {signal}");
    }

    /// Waits for the process to end; its exit status, or `None` after `limit`.
    fn exit_within(&mut self, limit: Duration) -> Option<std::process::ExitStatus> {
        let started = Instant::now();
        while started.elapsed() < limit {
            if let Some(status) = self.child.try_wait().unwrap() {
                return Some(status);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        None
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn wait_for(limit: Duration, what: &str, mut ready: impl FnMut() -> bool) {
    let started = Instant::now();
    while !ready() {
        assert!(started.elapsed() < limit, "{what} was not ready within {limit:?}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// Queues `n` mails; returns the `Message-ID` each must arrive with (made from its row).
async fn queue(db: &Db, n: usize) -> Vec<String> {
    for i in 0..n {
        let mail = OutboxMail {
            kind: "test",
            recipient: format!("person{i}@musterstadt.example"),
            subject: format!("Nachricht {i}"),
            body: format!("Hallo {i}"),
            attachment: None,
        };
        store::outbox::record(db, &Effects::audit(AuditEntry::new(None, "test", "test", "-")).with_mail(mail))
            .await
            .unwrap();
    }
    let mut ids = Vec::new();
    for i in 0..n {
        let rows = store::outbox::to_recipient(db, &format!("person{i}@musterstadt.example")).await.unwrap();
        ids.extend(rows.into_iter().map(|r| format!("<{}@jobtausch.example>", r.id)));
    }
    ids
}

async fn pending(db: &Db) -> i64 {
    store::outbox::pending_count(db).await.unwrap()
}

/// Polls until no mail waits, up to `limit`.
async fn all_sent(db: &Db, limit: Duration) {
    let started = Instant::now();
    while pending(db).await > 0 {
        assert!(started.elapsed() < limit, "{} mails still wait after {limit:?}", pending(db).await);
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Waits until at least `n` mails arrived at the relay.
async fn arrived(relay: &SlowRelay, n: usize, limit: Duration) {
    let started = Instant::now();
    while relay.arrivals().values().sum::<usize>() < n {
        assert!(started.elapsed() < limit, "fewer than {n} mails arrived within {limit:?}");
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn assert_each_once(relay: &SlowRelay, expected: &[String], may_repeat: &[String]) {
    let arrivals = relay.arrivals();
    for id in expected {
        let n = arrivals.get(id).copied().unwrap_or(0);
        if may_repeat.contains(id) {
            assert!((1..=2).contains(&n), "{id} arrived {n} times");
        } else {
            assert_eq!(n, 1, "{id} arrived {n} times: {arrivals:?}");
        }
    }
    assert_eq!(arrivals.len(), expected.len(), "mails nobody queued: {arrivals:?}");
}

/// With claims of 3 s and a relay that takes 1 s a mail, a worker's batch of five takes longer
/// than its claim: only renewing the claim before each send, and marking a mail sent only while
/// the claim stands, keeps the other instance from sending the same mails again (the bug of
/// batches held for a fixed time, which sent 3 of 24 mails twice).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_instances_and_a_slow_relay_send_every_mail_once() {
    let t = testing::postgres().await;
    let relay = SlowRelay::start(1.0);
    let expected = queue(&t.db, 16).await;
    let smtp = relay.port;
    let short = [("JOBTAUSCH_MAIL_LEASE_SECONDS", "3")];
    let _a = Instance::start_with(&t.url, smtp, &short);
    let _b = Instance::start_with(&t.url, smtp, &short);
    all_sent(&t.db, Duration::from_secs(60)).await;
    assert_each_once(&relay, &expected, &[]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigterm_mid_send_gives_back_the_claims_and_the_next_instance_sends_the_rest() {
    let t = testing::postgres().await;
    let relay = SlowRelay::start(1.0);
    let expected = queue(&t.db, 8).await;
    let smtp = relay.port;
    let mut a = Instance::start(&t.url, smtp);
    arrived(&relay, 1, Duration::from_secs(30)).await;
    a.signal("-TERM");
    // It finishes the send under way (at most the send timeout) and exits cleanly.
    let status = a.exit_within(Duration::from_secs(25)).expect("serve ends after SIGTERM");
    assert!(status.success(), "{status:?}");
    let held = held_claims(&t.db).await;
    assert_eq!(held, 0, "nothing stays claimed by the stopped instance");
    assert!(pending(&t.db).await > 0, "the story needs mails left to send");
    // The next instance sends the rest at once, not after the 2-minute claims run out.
    let _b = Instance::start(&t.url, smtp);
    all_sent(&t.db, Duration::from_secs(30)).await;
    assert_each_once(&relay, &expected, &[]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkill_mid_send_loses_nothing_and_a_resend_keeps_its_message_id() {
    let t = testing::postgres().await;
    let relay = SlowRelay::start(1.0);
    let expected = queue(&t.db, 8).await;
    let smtp = relay.port;
    let mut a = Instance::start(&t.url, smtp);
    arrived(&relay, 2, Duration::from_secs(30)).await;
    a.signal("-KILL");
    a.exit_within(Duration::from_secs(5)).expect("killed");
    // What the killed instance held waits out its claim; the drill's clock moves past it.
    assert!(held_claims(&t.db).await > 0, "the killed instance held mails");
    testing::execute(&t.db, "UPDATE outbox SET claimed_until = now() - interval '1 second' WHERE sent_at IS NULL")
        .await;
    let _b = Instance::start(&t.url, smtp);
    all_sent(&t.db, Duration::from_secs(60)).await;
    // The mail in flight at the kill may have reached the relay before its row was marked
    // sent: sent again, it carries the same Message-ID. Every other mail arrives once.
    let arrivals = relay.arrivals();
    let twice: Vec<String> = arrivals.iter().filter(|(_, n)| **n > 1).map(|(id, _)| id.clone()).collect();
    assert!(twice.len() <= 1, "only the mail in flight may arrive twice: {arrivals:?}");
    assert_each_once(&relay, &expected, &twice);
}

/// Unsent mails some worker still holds a claim on.
async fn held_claims(db: &Db) -> i64 {
    store::outbox::queue_state(db).await.unwrap().claimed
}

/// A PostgreSQL of one test's own (scripts/services.sh pg-cluster), stopped when dropped.
struct Cluster {
    dir: tempfile::TempDir,
    port: u16,
}

impl Cluster {
    fn start() -> Cluster {
        let dir = tempfile::tempdir().unwrap();
        // The server runs as the postgres user: it must reach its folder.
        std::fs::set_permissions(dir.path(), std::os::unix::fs::PermissionsExt::from_mode(0o755)).unwrap();
        let cluster = Cluster { dir, port: free_port() };
        cluster.control("start");
        cluster
    }

    fn control(&self, action: &str) {
        let script = Path::new(&crate::manifest_dir()).join("../../scripts/services.sh");
        let data = self.dir.path().join("pg");
        let status = Command::new("bash")
            .arg(script)
            .args(["pg-cluster", &data.display().to_string(), &self.port.to_string(), action])
            .status()
            .unwrap();
        assert!(status.success(), "pg-cluster {action}");
    }

    fn url(&self) -> String {
        format!("postgres://postgres@127.0.0.1:{}/postgres", self.port)
    }
}

impl Drop for Cluster {
    fn drop(&mut self) {
        let script = Path::new(&crate::manifest_dir()).join("../../scripts/services.sh");
        let data = self.dir.path().join("pg");
        let _ = Command::new("bash")
            .arg(script)
            .args(["pg-cluster", &data.display().to_string(), &self.port.to_string(), "stop"])
            .stderr(Stdio::null())
            .status();
    }
}

/// An answer's status, its `Retry-After` and how long it took.
async fn probe(client: &reqwest::Client, url: &str, auth: Option<&str>) -> (u16, Option<String>, Duration) {
    let started = Instant::now();
    let mut request = client.get(url);
    if let Some(token) = auth {
        request = request.bearer_auth(token);
    }
    let answer = request.send().await.unwrap();
    let retry = answer.headers().get("retry-after").map(|v| v.to_str().unwrap().to_owned());
    (answer.status().as_u16(), retry, started.elapsed())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_database_and_the_relay_stop_and_come_back() {
    let cluster = Cluster::start();
    let db = Db::connect(&cluster.url()).await.unwrap();
    db.migrate().await.unwrap();
    let relay_port = free_port();
    let maildir = tempfile::tempdir().unwrap();
    let relay = crate::relay::Relay::start(relay_port, maildir.path());
    let serve = Instance::start(&cluster.url(), relay_port);
    let client = reqwest::Client::new();
    assert_eq!(probe(&client, &serve.url("/healthz"), None).await.0, 200);

    // The database goes away: the health check says so within 2 s, and the API answers 503 with
    // Retry-After instead of an error after a long wait.
    db.close().await;
    cluster.control("stop");
    let (status, _, took) = probe(&client, &serve.url("/healthz"), None).await;
    assert_eq!(status, 503);
    assert!(took < Duration::from_secs(3), "the health check took {took:?}");
    let (status, retry, took) = probe(&client, &serve.url("/api/people"), Some(&"a".repeat(64))).await;
    assert_eq!((status, retry.as_deref()), (503, Some("30")), "the API during the outage");
    assert!(took < Duration::from_secs(5), "the API took {took:?}");

    // It comes back: the same process answers again, and its worker sends what is written now.
    cluster.control("start");
    let started = Instant::now();
    while probe(&client, &serve.url("/healthz"), None).await.0 != 200 {
        assert!(started.elapsed() < Duration::from_secs(10), "not healthy again after the database returned");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let db = Db::connect(&cluster.url()).await.unwrap();
    let first = queue(&db, 1).await;
    all_sent(&db, Duration::from_secs(15)).await;

    // The relay goes away: mails wait, and are sent within 30 s of its return (the worker's
    // probe), not after the backoff.
    drop(relay);
    for i in 1..3 {
        let mail = OutboxMail {
            kind: "test",
            recipient: format!("later{i}@musterstadt.example"),
            subject: "Später".into(),
            body: "Hallo".into(),
            attachment: None,
        };
        store::outbox::record(&db, &Effects::audit(AuditEntry::new(None, "test", "test", "-")).with_mail(mail))
            .await
            .unwrap();
    }
    let failing = Instant::now();
    while store::outbox::queue_state(&db).await.unwrap().failing < 2 {
        assert!(failing.elapsed() < Duration::from_secs(15), "the sends did not fail while the relay was down");
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    let _relay = crate::relay::Relay::start(relay_port, maildir.path());
    all_sent(&db, Duration::from_secs(35)).await;
    let delivered = crate::relay::delivered(maildir.path());
    assert_eq!(delivered.len(), 3, "each mail once");
    assert!(delivered.iter().any(|m| m.contains(first[0].as_str())));
}
