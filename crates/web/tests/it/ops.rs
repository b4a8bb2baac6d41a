//! What an operator's tools read: `/metrics` (only with its token, parsed by the Prometheus
//! client's own parser) and the details of `/healthz`.

use crate::app::TestApp;
use serde_json::Value;
use std::path::Path;
use std::process::{Command, Stdio};
use store::{Db, on_both_backends};

on_both_backends!(
    metrics_need_their_token_and_count_what_happened,
    healthz_says_how_mail_leaves,
    writes_given_up_by_their_clients_still_complete
);

const TOKEN: &str = "ein-langes-geheimnis-fuer-prometheus";

/// A running instance with a metrics token and mails that only queue.
async fn instance(db: Db) -> (String, TestApp) {
    let t = TestApp::start(db.clone()).await;
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let mut config = web::Config::new(&base);
    config.metrics_token = Some(TOKEN.into());
    config.mail = app::MailTransport::QueuedOnly;
    let router = web::router(web::App::new(db, config));
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });
    (base, t)
}

/// The page as Prometheus reads it (scripts/check_metrics.py): families by name.
fn parse(text: &str) -> Value {
    let python = std::env::var("JOBTAUSCH_TEST_PYTHON")
        .expect("JOBTAUSCH_TEST_PYTHON is not set: start the services with `eval \"$(scripts/services.sh start)\"`");
    let script = Path::new(&crate::manifest_dir()).join("../../scripts/check_metrics.py");
    let mut child = Command::new(&python)
        .arg(&script)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    std::io::Write::write_all(&mut child.stdin.take().unwrap(), text.as_bytes()).unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success(), "{}\n{text}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

fn sample<'a>(families: &'a Value, family: &str, name: &str, labels: &[(&str, &str)]) -> Option<&'a Value> {
    families[family]["samples"]
        .as_array()?
        .iter()
        .find(|s| s["name"] == name && labels.iter().all(|(k, v)| s["labels"][*k].as_str() == Some(*v)))
}

async fn metrics_need_their_token_and_count_what_happened(db: Db) {
    let (base, t) = instance(db).await;
    let client = reqwest::Client::new();
    let get = |auth: Option<&'static str>| {
        let mut r = client.get(format!("{base}/metrics"));
        if let Some(a) = auth {
            r = r.header("authorization", a);
        }
        r.send()
    };
    assert_eq!(get(None).await.unwrap().status(), 404, "no token: no page");
    assert_eq!(get(Some("Bearer falsch")).await.unwrap().status(), 404);
    // The default instance has no token: no page whatever is sent.
    let plain = client.get(t.url("/metrics")).header("authorization", format!("Bearer {TOKEN}")).send().await.unwrap();
    assert_eq!(plain.status(), 404, "without a configured token there is no /metrics");

    // Some traffic (two start pages, a swap's page) and two mails waiting.
    for path in ["/", "/", "/swaps/00000000-0000-0000-0000-000000000000", "/wp-login.php", "/api/nope"] {
        client.get(format!("{base}{path}")).send().await.unwrap();
    }
    for to in ["anna@musterstadt.example", "eva@verband.example"] {
        let mail = store::OutboxMail {
            kind: "test",
            recipient: to.into(),
            subject: "Hallo".into(),
            body: "Hallo".into(),
            attachment: None,
        };
        store::outbox::record(&t.db, &crate::app::fx("test").with_mail(mail)).await.unwrap();
    }

    let page = get(Some("Bearer ein-langes-geheimnis-fuer-prometheus")).await.unwrap();
    assert_eq!(page.status(), 200);
    assert!(
        page.headers()["content-type"].to_str().unwrap().starts_with("application/openmetrics-text; version=1.0.0")
    );
    let text = page.text().await.unwrap();
    let m = parse(&text);
    assert_eq!(m["jobtausch_http_requests"]["type"], "counter", "{text}");
    let start = sample(
        &m,
        "jobtausch_http_requests",
        "jobtausch_http_requests_total",
        &[("route", "/"), ("method", "GET"), ("status", "200")],
    );
    assert_eq!(start.map(|s| s["value"].as_f64()), Some(Some(2.0)), "two start pages:\n{text}");
    let swap = sample(&m, "jobtausch_http_requests", "jobtausch_http_requests_total", &[("route", "/swaps/{id}")]);
    assert!(swap.is_some(), "counted by the route's pattern, not the path:\n{text}");
    assert!(!text.contains("00000000-0000"), "no ids in the labels");
    // Paths no route knows, under the pages and under the API, count as one route.
    let unmatched = sample(
        &m,
        "jobtausch_http_requests",
        "jobtausch_http_requests_total",
        &[("route", "unmatched"), ("status", "404")],
    );
    assert_eq!(unmatched.map(|s| s["value"].as_f64()), Some(Some(2.0)), "unknown paths:\n{text}");
    assert!(!text.contains("wp-login") && !text.contains("nope"), "no made-up paths in the labels");
    assert_eq!(m["jobtausch_http_request_duration_seconds"]["type"], "histogram");
    let count = sample(
        &m,
        "jobtausch_http_request_duration_seconds",
        "jobtausch_http_request_duration_seconds_count",
        &[("route", "/")],
    );
    assert_eq!(count.map(|s| s["value"].as_f64()), Some(Some(2.0)));

    // The outbox as the database has it.
    let outbox = sample(&m, "jobtausch_outbox_waiting_mails", "jobtausch_outbox_waiting_mails", &[]);
    assert_eq!(outbox.map(|s| s["value"].as_f64()), Some(Some(2.0)), "{text}");
    assert!(
        sample(&m, "jobtausch_outbox_oldest_waiting_seconds", "jobtausch_outbox_oldest_waiting_seconds", &[]).is_some()
    );
    let max = sample(&m, "jobtausch_db_pool_connections", "jobtausch_db_pool_connections", &[("state", "max")]);
    assert!(max.and_then(|s| s["value"].as_f64()).is_some_and(|v| v >= 1.0), "{text}");
}

async fn healthz_says_how_mail_leaves(db: Db) {
    let (base, t) = instance(db).await;
    let queued: Value = reqwest::get(format!("{base}/healthz")).await.unwrap().json().await.unwrap();
    assert_eq!(queued["status"], "ok");
    assert_eq!(queued["mail"], "queued");
    assert!(queued["warnings"][0].as_str().unwrap().contains("JOBTAUSCH_SMTP_URL"), "{queued}");
    let relay: Value = reqwest::get(t.url("/healthz")).await.unwrap().json().await.unwrap();
    assert_eq!((relay["mail"].as_str(), relay["warnings"].as_array().map(Vec::len)), (Some("smtp"), Some(0)));
}

/// Clients that give up on their writes halfway (a closed tab, a proxy's timeout) leave the
/// instance as it was: every write that was started is finished, and no later one fails.
async fn writes_given_up_by_their_clients_still_complete(db: Db) {
    let t = TestApp::start(db).await;
    t.user("anna@musterstadt.example", Some(t.city), &[], false).await;
    let token = crate::api::token_for(&t, "anna@musterstadt.example").await;
    let body = serde_json::json!({"role_title": "Digitalisierung", "unit": "Stab", "topics": ["Open Data"],
        "availability": [], "travel_radius_km": 100, "open_to_swap": false});
    let mut gave_up = 0;
    // Giving up at different moments: before, during and after the transaction's begin.
    for patience in [2, 5, 10, 20, 40, 80] {
        let impatient = reqwest::Client::builder().timeout(std::time::Duration::from_millis(patience)).build().unwrap();
        let mut tries = tokio::task::JoinSet::new();
        for _ in 0..40 {
            tries.spawn(impatient.put(t.url("/api/profile")).bearer_auth(&token).json(&body).send());
        }
        while let Some(answer) = tries.join_next().await {
            gave_up += usize::from(answer.unwrap().is_err());
        }
    }
    assert!(gave_up > 0, "the story needs clients that gave up");
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    let patient = reqwest::Client::new();
    let mut failures = Vec::new();
    for _ in 0..40 {
        let answer = patient.put(t.url("/api/profile")).bearer_auth(&token).json(&body).send().await.unwrap();
        if answer.status() != 200 {
            failures.push((answer.status(), answer.text().await.unwrap()));
        }
    }
    assert!(failures.is_empty(), "after {gave_up} abandoned writes: {failures:?}");
}
