//! A privacy crawl of the demo (a swap planned, one waiting for approvals, one gone by): as
//! every demo person, every page reachable from the start page
//! (links followed on the site, GET only) and every GET of the API, with the ids of every demo
//! swap, person, organisation and event filled in, is read for other people's addresses and for the
//! private messages of proposals. Only what is theirs to see may appear: their own address, the
//! addresses of their organisation for its admins, the addresses of those they must reach in a
//! swap of theirs (its members and the named deputy), the people registered for an event they
//! run, and a proposal's message for its two
//! people.

use std::collections::{HashSet, VecDeque};
use store::{Db, on_both_backends};

on_both_backends!(no_demo_person_reads_what_is_not_theirs);

/// The demo's private messages of proposals, with the two people each is for.
const MESSAGES: [(&str, [&str; 2]); 3] = [
    ("Tauschen wir für eine Woche?", ["anna.schmidt@musterstadt.example", "eva.nowak@kommunal-it.example"]),
    (
        "Hätten Sie Lust, eine Woche das Bürgeramt Beispielhausen kennenzulernen?",
        ["karl.meyer@beispielhausen.example", "anna.schmidt@musterstadt.example"],
    ),
    ("Rechenzentrum trifft Bürgeramt?", ["ingo.lehmann@rz-westfalen.example", "karl.meyer@beispielhausen.example"]),
];

/// Same-site links of a page (`href="/..."`), without downloads and assets.
fn links(html: &str) -> Vec<String> {
    html.split("href=\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .filter(|l| l.starts_with('/') && !l.starts_with("//"))
        .map(|l| l.split('#').next().unwrap_or("").replace("&amp;", "&"))
        .filter(|l| !l.is_empty() && !l.starts_with("/assets/") && !l.ends_with(".pdf") && !l.ends_with(".ics"))
        .collect()
}

/// What a demo person may read of others: (addresses, messages).
struct Allowed {
    addresses: HashSet<String>,
    messages: HashSet<&'static str>,
}

async fn allowed(db: &Db, email: &str, everyone: &[String]) -> Allowed {
    let me = store::users::account_by_email(db, email).await.unwrap().unwrap();
    let account = store::users::account(db, me).await.unwrap();
    let mut addresses = HashSet::from([email.to_owned()]);
    if account.roles.contains(&domain::access::OrgRole::OrgAdmin) {
        for other in everyone {
            let id = store::users::account_by_email(db, other).await.unwrap().unwrap();
            if store::users::account(db, id).await.unwrap().org_id == account.org_id {
                addresses.insert(other.clone());
            }
        }
    }
    for swap in store::swaps::of_member(db, me).await.unwrap() {
        let mut reach: Vec<domain::UserId> = swap.members.iter().map(|m| m.user).collect();
        reach.extend(store::week::deputies(db, swap.id).await.unwrap().into_iter().map(|(_, d)| d));
        for id in reach {
            addresses.insert(store::users::account(db, id).await.unwrap().email);
        }
    }
    // The organisers of an event reach the people registered for it.
    let now = store::now();
    let mut events = store::events::upcoming(db, now, false, 100).await.unwrap();
    events.extend(store::events::past(db, now, false, 100).await.unwrap());
    for e in events.iter().filter(|e| domain::event::may_manage(&account.actor(), e.org_id, e.created_by)) {
        addresses.extend(store::events::registrants(db, e.id).await.unwrap().into_iter().map(|r| r.contact.email));
    }
    let messages = MESSAGES.iter().filter(|(_, two)| two.contains(&email)).map(|(m, _)| *m).collect();
    Allowed { addresses, messages }
}

async fn no_demo_person_reads_what_is_not_theirs(db: Db) {
    let base_app = app::App::new(db.clone(), app::Config::new("http://127.0.0.1"));
    let demo = jobtausch::demo::seed(&base_app).await.unwrap();
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let base = format!("http://{}", listener.local_addr().unwrap());
    let router = web::router(web::App::new(db.clone(), web::Config::new(&base)));
    tokio::spawn(async move { axum::serve(listener, router).await.unwrap() });

    let everyone: Vec<String> = demo.logins.iter().map(|l| l.email.clone()).collect();
    // Every GET of the API, with every demo id filled in where it takes one.
    let mut swaps = Vec::new();
    let mut people = Vec::new();
    for email in &everyone {
        let id = store::users::account_by_email(&db, email).await.unwrap().unwrap();
        people.push(id.to_string());
        swaps.extend(store::swaps::of_member(&db, id).await.unwrap().into_iter().map(|s| s.id.to_string()));
    }
    swaps.sort();
    swaps.dedup();
    let events: Vec<String> = store::events::upcoming(&db, store::now(), false, 100)
        .await
        .unwrap()
        .into_iter()
        .map(|e| e.id.to_string())
        .collect();
    assert_eq!(events.len(), 1, "the demo's meetup");
    let orgs: Vec<String> = store::orgs::list(&db).await.unwrap().into_iter().map(|o| o.id.to_string()).collect();
    assert_eq!((swaps.len(), orgs.len()), (3, 4), "the demo's three swaps and four organisations");
    let doc = serde_json::to_value(web::api::document()).unwrap();
    let mut api_gets = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        if item.get("get").is_none() || path.ends_with(".json") {
            continue;
        }
        let ids: &[String] = if path.starts_with("/api/swaps/{id}") {
            &swaps
        } else if path.starts_with("/api/people/{id}") {
            &people
        } else if path.starts_with("/api/organisations/{id}") {
            &orgs
        } else if path.starts_with("/api/events/{id}") {
            &events
        } else if path.contains('{') {
            continue;
        } else {
            &[String::new()]
        };
        api_gets.extend(ids.iter().map(|id| path.replace("{id}", id)));
    }

    let client = reqwest::Client::new();
    let mut findings = Vec::new();
    for email in &everyone {
        let allowed = allowed(&db, email, &everyone).await;
        let mut check = |what: &str, body: &str| {
            for other in everyone.iter().filter(|e| !allowed.addresses.contains(*e)) {
                if body.contains(other.as_str()) {
                    findings.push(format!("{email} reads {other} at {what}"));
                }
            }
            for (message, _) in MESSAGES.iter().filter(|(m, _)| !allowed.messages.contains(m)) {
                if body.contains(message) {
                    findings.push(format!("{email} reads the message {message:?} at {what}"));
                }
            }
        };

        let browser =
            reqwest::Client::builder().cookie_store(true).redirect(reqwest::redirect::Policy::none()).build().unwrap();
        let start = browser.get(format!("{base}/")).send().await.unwrap().text().await.unwrap();
        let csrf = start.split("name=\"csrf\" value=\"").nth(1).unwrap()[..64].to_owned();
        let login = [("csrf", csrf.as_str()), ("email", email), ("password", jobtausch::demo::DEMO_PASSWORD)];
        let res = browser.post(format!("{base}/login")).form(&login).send().await.unwrap();
        assert_eq!(res.status(), 303, "login of {email}");
        let mut seen = HashSet::new();
        let mut queue = VecDeque::from(["/".to_owned()]);
        while let Some(path) = queue.pop_front() {
            if seen.len() >= 150 || !seen.insert(path.clone()) {
                continue;
            }
            let res = browser.get(format!("{base}{path}")).send().await.unwrap();
            let status = res.status().as_u16();
            let body = res.text().await.unwrap();
            assert!(status < 500, "{email} {path}: {status}");
            check(&path, &body);
            queue.extend(links(&body).into_iter().filter(|l| !seen.contains(l)));
        }
        assert!(seen.len() >= 8, "{email} reached only {seen:?}");

        let login = serde_json::json!({"email": email, "password": jobtausch::demo::DEMO_PASSWORD, "name": "Crawl"});
        let res = client.post(format!("{base}/api/login")).json(&login).send().await.unwrap();
        let token: serde_json::Value = res.json().await.unwrap();
        let token = token["token"].as_str().unwrap();
        for path in &api_gets {
            let res = client.get(format!("{base}{path}")).bearer_auth(token).send().await.unwrap();
            assert!(res.status().as_u16() < 500, "{email} {path}: {}", res.status());
            check(path, &res.text().await.unwrap());
        }
    }
    assert!(findings.is_empty(), "{}", findings.join("\n"));
}
