//! The JSON API: bearer tokens, problem+json errors, the OpenAPI description.

use crate::app::TestApp;
use serde_json::{Value, json};
use store::{Db, on_both_backends};

on_both_backends!(
    token_profile_people,
    problems_are_json,
    login_answers_a_token_and_counts_failures,
    inbox_and_matching_settings
);

pub async fn token_for(app: &TestApp, email: &str) -> String {
    let b = app.browser();
    b.login(email).await;
    let p = b.post_form("/tokens", "/tokens", &[("name", "Skript")]).await;
    assert_eq!(p.status, 200);
    let i = p.body.find("<code id=\"new-token\">").unwrap() + 21;
    p.body[i..i + 67].to_owned()
}

async fn token_profile_people(db: Db) {
    let app = TestApp::start(db).await;
    app.user("anna@musterstadt.example", Some(app.city), &[], false).await;
    let eva = app.user("eva@verband.example", Some(app.assoc), &[], false).await;
    let token = token_for(&app, "anna@musterstadt.example").await;
    assert!(token.starts_with("jt_"));
    let c = reqwest::Client::new();
    let me: Value = c.get(app.url("/api/me")).bearer_auth(&token).send().await.unwrap().json().await.unwrap();
    assert_eq!(me["email"], "anna@musterstadt.example");

    let bad = c
        .put(app.url("/api/profile"))
        .bearer_auth(&token)
        .json(&json!({"role_title": "", "unit": "Stab", "availability": ["2027-W99"], "travel_radius_km": 5000}))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 422);
    assert_eq!(bad.headers()["content-type"], "application/problem+json");
    let problem: Value = bad.json().await.unwrap();
    let fields: Vec<&str> =
        problem["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert_eq!(fields, ["role_title", "availability", "travel_radius_km"]);
    assert_eq!(app.count("profiles").await, 0);

    let body = json!({"role_title": "Digitalisierungsbeauftragte", "unit": "Stab", "topics": ["Open Data"], "availability": ["2027-W07"],
        "travel_radius_km": 100, "open_to_swap": true});
    let ok = c.put(app.url("/api/profile")).bearer_auth(&token).json(&body).send().await.unwrap();
    assert_eq!(ok.status(), 200);
    let saved: Value = ok.json().await.unwrap();
    assert_eq!(saved["availability"], json!(["2027-W07"]));

    let eva_token = {
        let b = app.browser();
        b.login("eva@verband.example").await;
        let p = b.post_form("/tokens", "/tokens", &[("name", "x")]).await;
        let i = p.body.find("<code id=\"new-token\">").unwrap() + 21;
        p.body[i..i + 67].to_owned()
    };
    let found: Value = c
        .get(app.url("/api/people?topic=Open%20Data"))
        .bearer_auth(&eva_token)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(found["items"].as_array().unwrap().len(), 1);
    let anna_id = found["items"][0]["id"].as_str().unwrap().to_owned();
    let person = c
        .get(app.url(&format!("/api/people/{anna_id}")))
        .bearer_auth(&eva_token)
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(person.contains("Digitalisierungsbeauftragte") && !person.contains("anna@"), "{person}");
    assert_eq!(c.get(app.url(&format!("/api/people/{eva}"))).bearer_auth(&token).send().await.unwrap().status(), 200);

    // A swap through the API: Anna proposes, Eva sees it in her list and inbox and accepts.
    let week = domain::values::IsoWeek::of(chrono::Utc::now().date_naive() + chrono::Days::new(45)).to_string();
    let bad = c
        .post(app.url("/api/swaps"))
        .bearer_auth(&token)
        .json(&json!({"partner": eva.to_string(), "week": "bald"}))
        .send()
        .await
        .unwrap();
    assert_eq!(bad.status(), 422);
    let created: Value = c
        .post(app.url("/api/swaps"))
        .bearer_auth(&token)
        .json(&json!({"partner": eva.to_string(), "week": week, "message": "Tauschen?"}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let swap_id = created["id"].as_str().unwrap().to_owned();
    let inbox: Value = c.get(app.url("/api/inbox")).bearer_auth(&eva_token).send().await.unwrap().json().await.unwrap();
    assert_eq!(inbox[0]["swap_id"], swap_id.as_str());
    let r = c
        .post(app.url(&format!("/api/swaps/{swap_id}/approve")))
        .bearer_auth(&eva_token)
        .json(&json!({"approval": 0}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 409, "nothing to approve while the swap is proposed");
    let accepted: Value = c
        .post(app.url(&format!("/api/swaps/{swap_id}/accept")))
        .bearer_auth(&eva_token)
        .json(&json!({"version": 0}))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(accepted["state"], "approvals_pending");
    assert_eq!(accepted["approvals"].as_array().unwrap().len(), 4);
    let r = c.get(app.url(&format!("/api/swaps/{swap_id}/agreement.pdf"))).bearer_auth(&token).send().await.unwrap();
    assert_eq!(r.status(), 404, "no agreement before all approvals");
    let r =
        c.get(app.url(&format!("/api/organisations/{}/audit.csv", app.city))).bearer_auth(&token).send().await.unwrap();
    assert_eq!(r.status(), 403, "a participant gets no audit export");

    // A participant may not create organisations.
    let p = c
        .post(app.url("/api/organisations"))
        .bearer_auth(&token)
        .json(&json!({"name": "X", "kind": "city", "region": "NW"}))
        .send()
        .await
        .unwrap();
    assert_eq!(p.status(), 403);

    // Revoked, the token no longer works.
    let tokens: Value = c.get(app.url("/api/tokens")).bearer_auth(&token).send().await.unwrap().json().await.unwrap();
    let id = tokens[0]["id"].as_str().unwrap();
    assert_eq!(c.delete(app.url(&format!("/api/tokens/{id}"))).bearer_auth(&token).send().await.unwrap().status(), 204);
    assert_eq!(c.get(app.url("/api/me")).bearer_auth(&token).send().await.unwrap().status(), 401);
}

async fn problems_are_json(db: Db) {
    let app = TestApp::start(db).await;
    let c = reqwest::Client::new();
    let r = c.get(app.url("/api/me")).send().await.unwrap();
    assert_eq!(r.status(), 401);
    assert_eq!(r.headers()["content-type"], "application/problem+json");
    let r = c.get(app.url("/api/nothing-here")).send().await.unwrap();
    assert_eq!(r.status(), 404);
    assert_eq!(r.headers()["content-type"], "application/problem+json");
    let r = c
        .post(app.url("/api/signup"))
        .header("content-type", "application/json")
        .body("{not json")
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 400);
    assert_eq!(r.headers()["content-type"], "application/problem+json");
    let r = c
        .post(app.url("/api/signup"))
        .header("accept-language", "en")
        .json(&json!({"email": "x@gmail.example", "display_name": "X Y", "password": "ein-sicheres-passwort", "password_confirm": "ein-sicheres-passwort", "privacy_accepted": true}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 422);
    let p: Value = r.json().await.unwrap();
    assert_eq!(p["errors"][0]["code"], "domain-not-member");
    assert!(p["errors"][0]["message"].as_str().unwrap().contains("network"), "{p}");
    assert_eq!(app.count("users").await, 0);
    let r = c
        .post(app.url("/api/signup"))
        .json(&json!({"email": "neu@musterstadt.example", "display_name": "Neu Person", "password": "ein-sicheres-passwort", "password_confirm": "ein-sicheres-passwort", "privacy_accepted": true}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 202);
    assert_eq!(app.count("users").await, 1);

    let r = c.post(app.url("/api/password/forgot")).json(&json!({"email": "kein mail"})).send().await.unwrap();
    assert_eq!(r.status(), 422);
    let r = c
        .post(app.url("/api/password/forgot"))
        .json(&json!({"email": "niemand@musterstadt.example"}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 202, "the same answer for addresses without an account");
    let r = c.post(app.url("/api/password/reset")).json(&json!({"token": "falsch", "password": "ein-sicheres-passwort", "password_confirm": "ein-sicheres-passwort"})).send().await.unwrap();
    assert_eq!(r.status(), 422);

    let spec: Value = c.get(app.url("/api/openapi.json")).send().await.unwrap().json().await.unwrap();
    assert!(spec["openapi"].as_str().unwrap().starts_with("3."));
    for path in
        ["/api/signup", "/api/me", "/api/profile", "/api/people", "/api/organisations/{id}/policy", "/api/tokens/{id}"]
    {
        assert!(spec["paths"].get(path).is_some(), "{path} missing from the spec");
    }
}

async fn login_answers_a_token_and_counts_failures(db: Db) {
    let app = TestApp::start(db).await;
    app.user("anna@musterstadt.example", Some(app.city), &[], false).await;
    let c = reqwest::Client::new();
    let login = |password: &str| json!({"email": "anna@musterstadt.example", "password": password, "name": "Skript"});
    let wrong = c.post(app.url("/api/login")).json(&login("falsches-passwort")).send().await.unwrap();
    assert_eq!(wrong.status(), 422);
    let problem: Value = wrong.json().await.unwrap();
    assert_eq!(problem["errors"][0]["field"], "password");
    let ok = c.post(app.url("/api/login")).json(&login(crate::app::PASSWORD)).send().await.unwrap();
    assert_eq!(ok.status(), 201);
    let token = ok.json::<Value>().await.unwrap()["token"].as_str().unwrap().to_owned();
    let me: Value = c.get(app.url("/api/me")).bearer_auth(&token).send().await.unwrap().json().await.unwrap();
    assert_eq!(me["email"], "anna@musterstadt.example");
    let tokens: Value = c.get(app.url("/api/tokens")).bearer_auth(&token).send().await.unwrap().json().await.unwrap();
    assert_eq!(tokens[0]["name"], "Skript", "the token is listed with its name");

    // Guessing through the API meets the same lockout as the login page.
    let mut last = 0;
    for _ in 0..6 {
        last = c.post(app.url("/api/login")).json(&login("falsches-passwort")).send().await.unwrap().status().as_u16();
    }
    assert_eq!(last, 429);
    let locked = c.post(app.url("/api/login")).json(&login(crate::app::PASSWORD)).send().await.unwrap();
    assert_eq!(locked.status(), 429, "locked also for the right password");
    let wait: u64 = locked.headers()["retry-after"].to_str().unwrap().parse().unwrap();
    assert!((1..=900).contains(&wait), "says when to try again: {wait} s");
    let b = app.browser();
    let page = b
        .post_form("/login", "/login", &[("email", "anna@musterstadt.example"), ("password", crate::app::PASSWORD)])
        .await;
    assert_eq!(page.status, 429, "and on the login page");
}

async fn inbox_and_matching_settings(db: Db) {
    let app = TestApp::start(db).await;
    app.user("anna@musterstadt.example", Some(app.city), &[], false).await;
    let eva = app.user("eva@verband.example", Some(app.assoc), &[], false).await;
    app.user("dieter@musterstadt.example", Some(app.city), &[domain::access::OrgRole::OrgAdmin], false).await;
    let (anna, dieter) =
        (token_for(&app, "anna@musterstadt.example").await, token_for(&app, "dieter@musterstadt.example").await);
    let eva_token = token_for(&app, "eva@verband.example").await;
    let c = reqwest::Client::new();
    let proposal = json!({"partner": eva.to_string(), "week": "2027-W30"});
    assert_eq!(c.post(app.url("/api/swaps")).bearer_auth(&anna).json(&proposal).send().await.unwrap().status(), 201);
    let inbox: Value = c.get(app.url("/api/inbox")).bearer_auth(&eva_token).send().await.unwrap().json().await.unwrap();
    assert_eq!(inbox[0]["read"], false);

    // Notices that need no action: each at once by default, or once a day.
    let settings = app.url("/api/me/mail-settings");
    let got: Value = c.get(&settings).bearer_auth(&eva_token).send().await.unwrap().json().await.unwrap();
    assert_eq!(got["daily_digest"], false);
    let put = c.put(&settings).bearer_auth(&eva_token).json(&json!({"daily_digest": true})).send().await.unwrap();
    assert_eq!(put.status(), 200);
    let got: Value = c.get(&settings).bearer_auth(&eva_token).send().await.unwrap().json().await.unwrap();
    assert_eq!(got["daily_digest"], true);
    let others: Value = c.get(&settings).bearer_auth(&anna).send().await.unwrap().json().await.unwrap();
    assert_eq!(others["daily_digest"], false, "one's own setting only");
    let read = c.post(app.url("/api/inbox/read")).bearer_auth(&eva_token).send().await.unwrap();
    assert_eq!(read.status(), 204);
    let inbox: Value = c.get(app.url("/api/inbox")).bearer_auth(&eva_token).send().await.unwrap().json().await.unwrap();
    assert_eq!(inbox[0]["read"], true);

    let path = app.url(&format!("/api/organisations/{}/matching", app.city));
    let settings = json!({"place": "Münster", "coordinates": "51.96, 7.63", "blocked": [app.assoc.to_string()]});
    let refused = c.put(&path).bearer_auth(&anna).json(&settings).send().await.unwrap();
    assert_eq!(refused.status(), 403, "only the organisation's admins");
    assert_eq!(c.put(&path).bearer_auth(&dieter).json(&settings).send().await.unwrap().status(), 204);
    let kept: Value = c.get(&path).bearer_auth(&anna).send().await.unwrap().json().await.unwrap();
    assert_eq!(
        (kept["place"].as_str(), kept["blocked"][0].as_str()),
        (Some("Münster"), Some(app.assoc.to_string().as_str()))
    );
    let bad = c.put(&path).bearer_auth(&dieter).json(&json!({"coordinates": "Norden"})).send().await.unwrap();
    assert_eq!(bad.status(), 422);
}
