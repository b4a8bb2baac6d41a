//! The figures over HTTP: the public page without signing in (suppressed, charts as valid SVG
//! with title and description), an organisation's page, SVG and CSV for its admin (a topic that
//! looks like a formula is neutralised), the API's JSON, and the refusals: a plain member,
//! another organisation's admin, an admin asking for the network's figures, a year that is no
//! year.

use crate::app::{PASSWORD, TestApp};
use chrono::{Duration, TimeZone, Utc};
use domain::access::OrgRole;
use domain::{OrgId, SwapId, UserId};
use serde_json::{Value, json};
use store::synthetic::{SyntheticApproval, SyntheticPerson, SyntheticSwap};
use store::{Db, on_both_backends};

on_both_backends!(figures_pages_files_and_refusals);

/// `n` completed pairs of a city person and an association person, all of whom want to learn
/// `topic` and would recommend the swap; and 3 proposals only.
async fn swaps(app: &TestApp, n: usize, topic: &str) {
    let person = |i: usize, org: OrgId, side: &str| SyntheticPerson {
        id: UserId::new(),
        org,
        name: format!("{side} {i}"),
        email: format!("{side}{i}@gen.invalid"),
        pay_grade: "E 11".into(),
        radius_km: 100,
        topics: vec!["Verwaltung".into()],
        wants: vec![topic.into()],
        weeks: vec![],
    };
    let people: Vec<_> =
        (0..n + 3).flat_map(|i| [person(i, app.city, "stadt"), person(i, app.assoc, "verband")]).collect();
    store::synthetic::insert(&app.db, &[], &people).await.unwrap();
    let at = Utc.with_ymd_and_hms(2026, 2, 2, 9, 0, 0).unwrap();
    let swaps: Vec<_> = (0..n + 3)
        .map(|i| {
            let members = vec![(people[2 * i].id, app.city), (people[2 * i + 1].id, app.assoc)];
            let done = i < n;
            SyntheticSwap {
                id: SwapId::new(),
                week: "2026-W20".into(),
                state: if done { "completed" } else { "proposed" },
                created_at: at,
                confirmed_at: done.then(|| at + Duration::days(10)),
                completed_at: done.then(|| at + Duration::days(100)),
                end_reason: None,
                approvals: members
                    .iter()
                    .map(|m| SyntheticApproval {
                        org: m.1,
                        status: if done { "approved" } else { "pending" },
                        reason_kind: None,
                        by: done.then_some(m.0),
                    })
                    .collect(),
                reflections: if done { members.iter().map(|m| (m.0, true)).collect() } else { vec![] },
                members,
            }
        })
        .collect();
    store::synthetic::insert_swaps(&app.db, &swaps).await.unwrap();
}

/// The charts of an HTML page or an SVG file: each parses as XML, says it is an image and has
/// a title and a description.
fn charts_of(text: &str) -> usize {
    let mut found = 0;
    for part in text.split("<svg").skip(1) {
        let end = part.find("</svg>").expect("a closed svg") + "</svg>".len();
        let svg = format!("<svg{}", &part[..end]);
        if !svg.contains("class=\"figure-chart\"") {
            continue;
        }
        let doc = roxmltree::Document::parse(&svg).unwrap_or_else(|e| panic!("{e}: {svg}"));
        let root = doc.root_element();
        assert_eq!(root.attribute("role"), Some("img"));
        let title = root.children().find(|n| n.has_tag_name("title")).expect("title");
        let desc = root.children().find(|n| n.has_tag_name("desc")).expect("desc");
        assert!(!title.text().unwrap_or("").is_empty() && !desc.text().unwrap_or("").is_empty());
        let labelled = root.attribute("aria-labelledby").unwrap();
        assert!(labelled.contains(title.attribute("id").unwrap()) && labelled.contains(desc.attribute("id").unwrap()));
        found += 1;
    }
    found
}

async fn token(app: &TestApp, email: &str) -> String {
    let login = json!({"email": email, "password": PASSWORD, "name": "Kennzahlen"});
    let res = reqwest::Client::new().post(app.url("/api/login")).json(&login).send().await.unwrap();
    res.json::<Value>().await.unwrap()["token"].as_str().unwrap().to_owned()
}

async fn figures_pages_files_and_refusals(db: Db) {
    let app = TestApp::start(db).await;
    app.user("admin@musterstadt.example", Some(app.city), &[OrgRole::OrgAdmin], false).await;
    app.user("anna@musterstadt.example", Some(app.city), &[], false).await;
    app.user("admin@verband.example", Some(app.assoc), &[OrgRole::OrgAdmin], false).await;
    swaps(&app, 12, "=SUMME(A1)").await;

    // Public: no sign-in, linked from the network page, suppressed, charts valid.
    let anon = app.browser();
    let network = anon.get("/network").await.body;
    assert!(network.contains("href=\"/figures\""));
    assert!(network.contains("id=\"swaps-count\">12<"), "the network's completed swaps, five or more");
    let page = anon.get("/figures").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Das Netzwerk in Zahlen"));
    let main = page.body.split("<main").nth(1).and_then(|m| m.split("</main>").next()).unwrap();
    assert!(!main.contains("<script"), "the figures need no JavaScript");
    assert!(charts_of(&page.body) >= 4, "{}", page.body);
    // 15 swaps proposed, 12 completed, in the tables; the page says how small values are shown.
    assert!(page.body.contains(">15<") && page.body.contains(">12<"), "{}", page.body);
    assert!(page.body.contains("id=\"figures-privacy\""));
    let svg = anon.get("/figures/swaps.svg").await;
    assert_eq!(svg.headers["content-type"], "image/svg+xml; charset=utf-8");
    assert_eq!(charts_of(&svg.body), 1);
    assert_eq!(anon.get("/figures/end-reasons.svg").await.status, 404, "not a public figure");
    let to_login = anon.get(&format!("/orgs/{}/figures", app.city)).await.location;
    assert!(to_login.is_some_and(|l| l.starts_with("/login")), "an organisation's figures need signing in");

    // The organisation's admin: page, linked from the organisation; SVG and CSV.
    let admin = app.browser();
    admin.login("admin@musterstadt.example").await;
    let city = app.city.to_string();
    assert!(admin.get(&format!("/orgs/{city}")).await.body.contains(&format!("href=\"/orgs/{city}/figures\"")));
    let page = admin.get(&format!("/orgs/{city}/figures?year=2026")).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("1. Quartal 2026"), "quarters as German offices write them");
    assert!(page.body.contains(&format!("/orgs/{city}/report.pdf?year=2026")));
    assert!(charts_of(&page.body) >= 6);
    let csv = admin.get(&format!("/orgs/{city}/figures/kennzahlen.csv?year=2026")).await;
    assert_eq!(csv.status, 200);
    assert!(csv.body.contains("\"'=SUMME(A1)\""), "a formula is neutralised: {}", csv.body);
    assert!(!csv.body.contains(",\"=SUMME"), "{}", csv.body);
    let quarters = admin.get(&format!("/orgs/{city}/figures/quarters.svg?year=2026")).await;
    assert_eq!(charts_of(&quarters.body), 1);
    assert!(quarters.body.contains("1. Quartal 2026"));
    // The year's report: one tagged page with the figures in its text.
    let res = admin.client.get(app.url(&format!("/orgs/{city}/report.pdf?year=2026"))).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("bericht.pdf");
    std::fs::write(&pdf, res.bytes().await.unwrap()).unwrap();
    let info = String::from_utf8(std::process::Command::new("pdfinfo").arg(&pdf).output().unwrap().stdout).unwrap();
    let says = |k: &str, v: &str| info.lines().any(|l| l.split_whitespace().collect::<Vec<_>>() == [k, v]);
    assert!(says("Pages:", "1") && says("Tagged:", "yes"), "{info}");
    let text = std::process::Command::new("pdftotext").args([pdf.to_str().unwrap(), "-"]).output().unwrap().stdout;
    let text = String::from_utf8(text).unwrap();
    assert!(
        text.contains("Jahresbericht 2026") && text.contains("Tausche nach Stand") && text.contains("15"),
        "{text}"
    );
    // The charts are figures in the structure, their numbers in their alternative text.
    let qdf = dir.path().join("bericht.qdf.pdf");
    let done =
        std::process::Command::new("qpdf").args(["--qdf", "--object-streams=disable"]).arg(&pdf).arg(&qdf).status();
    assert!(done.unwrap().success());
    let structure = String::from_utf8_lossy(&std::fs::read(&qdf).unwrap()).into_owned();
    assert!(structure.contains("/S /Figure") && structure.contains("/Alt "), "charts as figures");
    assert_eq!(anna_report(&app, &city).await, 403);
    let bad = admin.get(&format!("/orgs/{city}/figures?year=neunzehn")).await;
    assert_eq!(bad.status, 422);
    assert!(bad.body.contains("2020"), "the message names the years allowed: {}", bad.body);

    // Refused: a plain member, another organisation's admin, an admin for the network's.
    let anna = app.browser();
    anna.login("anna@musterstadt.example").await;
    assert_eq!(anna.get(&format!("/orgs/{city}/figures")).await.status, 403);
    let other = app.browser();
    other.login("admin@verband.example").await;
    assert_eq!(other.get(&format!("/orgs/{city}/figures")).await.status, 403);
    assert_eq!(other.get(&format!("/orgs/{city}/figures/kennzahlen.csv")).await.status, 403);
    assert_eq!(admin.get("/admin/figures").await.status, 403);
    // The association's own page shows it with its members (the city names it its umbrella
    // only if it does; here it counts the swaps of its own people).
    assert_eq!(other.get(&format!("/orgs/{}/figures", app.assoc)).await.status, 200);

    // The API: JSON with suppression spelled out, problem+json refusals.
    let c = reqwest::Client::new();
    let public: Value = c.get(app.url("/api/figures")).send().await.unwrap().json().await.unwrap();
    let swaps_fig = public["figures"].as_array().unwrap().iter().find(|f| f["id"] == "swaps").unwrap();
    assert_eq!(swaps_fig["rows"][0]["values"][0]["value"], 15);
    let t = token(&app, "admin@musterstadt.example").await;
    let res =
        c.get(app.url(&format!("/api/organisations/{city}/figures?year=2026"))).bearer_auth(&t).send().await.unwrap();
    assert_eq!(res.status(), 200);
    let body: Value = res.json().await.unwrap();
    assert_eq!(body["whose"], "organisation");
    let res = c.get(app.url("/api/network/figures")).bearer_auth(&t).send().await.unwrap();
    assert_eq!(res.status(), 403);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let res =
        c.get(app.url(&format!("/api/organisations/{city}/figures?year=x"))).bearer_auth(&t).send().await.unwrap();
    assert_eq!(res.status(), 422);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let anna_t = token(&app, "anna@musterstadt.example").await;
    let res = c.get(app.url(&format!("/api/organisations/{city}/figures"))).bearer_auth(&anna_t).send().await.unwrap();
    assert_eq!(res.status(), 403);
}

/// What a plain member hears when asking for the report.
async fn anna_report(app: &TestApp, city: &str) -> u16 {
    let anna = app.browser();
    anna.login("anna@musterstadt.example").await;
    anna.get(&format!("/orgs/{city}/report.pdf?year=2026")).await.status
}
