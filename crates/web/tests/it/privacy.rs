//! A privacy crawl: as every person of a small network, every page reachable from the start page
//! (links followed on the site, GET only) and every GET of the API is read for other people's
//! addresses and for the private message of a proposal. Only what is theirs to see may appear:
//! one's own address, the addresses of one's organisation for its admins, and the message for
//! the two people of the swap.

use crate::app::{PASSWORD, TestApp};
use domain::access::OrgRole;
use serde_json::{Value, json};
use std::collections::{HashSet, VecDeque};
use store::{Db, on_both_backends};

on_both_backends!(nobody_reads_what_is_not_theirs);

const MESSAGE: &str = "Ganz unter uns: Lust auf einen Tausch?";

struct Person {
    email: &'static str,
    org: &'static str,
    roles: &'static [OrgRole],
}

const PEOPLE: [Person; 7] = [
    Person { email: "anna@musterstadt.example", org: "city", roles: &[] },
    Person { email: "eva@verband.example", org: "assoc", roles: &[] },
    Person { email: "bernd@musterstadt.example", org: "city", roles: &[OrgRole::Approver] },
    Person { email: "frank@verband.example", org: "assoc", roles: &[OrgRole::Approver] },
    Person { email: "carla@musterstadt.example", org: "city", roles: &[OrgRole::StaffCouncil] },
    Person { email: "dieter@musterstadt.example", org: "city", roles: &[OrgRole::OrgAdmin] },
    Person { email: "zoe@verband.example", org: "assoc", roles: &[] },
];

/// Same-site links of a page (`href="/..."`), without the ones that change something or end
/// the session.
fn links(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|l| l.starts_with('/') && !l.starts_with("//"))
        .map(|l| l.split('#').next().unwrap_or("").replace("&amp;", "&"))
        .filter(|l| !l.is_empty() && !l.starts_with("/assets/") && !l.ends_with(".pdf") && !l.ends_with(".ics"))
        .collect()
}

async fn nobody_reads_what_is_not_theirs(db: Db) {
    let app = TestApp::start(db).await;
    for p in &PEOPLE {
        let org = if p.org == "city" { app.city } else { app.assoc };
        app.user(p.email, Some(org), p.roles, false).await;
    }
    let c = reqwest::Client::new();
    let token = async |email: &str| -> String {
        let login = json!({"email": email, "password": PASSWORD, "name": "Crawl"});
        let res = c.post(app.url("/api/login")).json(&login).send().await.unwrap();
        res.json::<Value>().await.unwrap()["token"].as_str().unwrap().to_owned()
    };
    let (anna, eva) = (token("anna@musterstadt.example").await, token("eva@verband.example").await);
    let eva_id: Value = c.get(app.url("/api/me")).bearer_auth(&eva).send().await.unwrap().json().await.unwrap();
    let profile = json!({"role_title": "Referentin", "unit": "Stab", "languages": ["de"], "availability": ["2027-W30"],
        "wants_to_learn": ["Open Data"], "travel_radius_km": 300, "open_to_swap": true, "shared_with_own_org": false});
    c.put(app.url("/api/profile")).bearer_auth(&eva).json(&profile).send().await.unwrap();
    let proposal = json!({"partner": eva_id["id"], "week": "2027-W30", "message": MESSAGE});
    let created = c.post(app.url("/api/swaps")).bearer_auth(&anna).json(&proposal).send().await.unwrap();
    assert_eq!(created.status(), 201);
    let swap: Value = created.json().await.unwrap();
    c.post(app.url(&format!("/api/swaps/{}/accept", swap["id"].as_str().unwrap())))
        .bearer_auth(&eva)
        .json(&json!({}))
        .send()
        .await
        .unwrap();

    let api_gets: Vec<String> = {
        let doc = serde_json::to_value(web::api::document()).unwrap();
        doc["paths"]
            .as_object()
            .unwrap()
            .iter()
            .filter(|(path, item)| item.get("get").is_some() && !path.contains('{') && !path.ends_with(".json"))
            .map(|(path, _)| path.clone())
            .chain([
                format!("/api/swaps/{}", swap["id"].as_str().unwrap()),
                format!("/api/people/{}", eva_id["id"].as_str().unwrap()),
            ])
            .collect()
    };

    for me in &PEOPLE {
        let org_of = |email: &str| PEOPLE.iter().find(|p| p.email == email).map(|p| p.org);
        let is_admin = me.roles.contains(&OrgRole::OrgAdmin);
        let may_see = |email: &str| email == me.email || (is_admin && org_of(email) == Some(me.org));
        let in_swap = ["anna@musterstadt.example", "eva@verband.example"].contains(&me.email);
        let check = |what: &str, body: &str| {
            for other in PEOPLE.iter().map(|p| p.email).filter(|e| !may_see(e)) {
                assert!(!body.contains(other), "{} reads {other} at {what}", me.email);
            }
            if !in_swap {
                assert!(!body.contains(MESSAGE), "{} reads the private message at {what}", me.email);
            }
        };

        // The pages, as a browser would follow them.
        let b = app.browser();
        b.login(me.email).await;
        let mut seen = HashSet::new();
        let mut queue = VecDeque::from(["/".to_owned()]);
        while let Some(path) = queue.pop_front() {
            if seen.len() >= 80 || !seen.insert(path.clone()) {
                continue;
            }
            let page = b.get(&path).await;
            assert!(page.status < 500, "{} {path}: {}", me.email, page.status);
            check(&path, &page.body);
            queue.extend(links(&page.body).into_iter().filter(|l| !seen.contains(l)));
        }
        assert!(seen.len() >= 8, "{} reached only {seen:?}", me.email);

        // Every GET of the API.
        let t = token(me.email).await;
        for path in &api_gets {
            let res = c.get(app.url(path)).bearer_auth(&t).send().await.unwrap();
            let body = res.text().await.unwrap();
            check(path, &body);
        }
    }
}
