//! The authorisation matrix of the API, generated from its own OpenAPI description, so that a
//! new operation cannot be forgotten: every operation × every role, on a confirmed swap of two
//! organisations. Nobody gets a server error; a caller without a token gets 401 wherever one is
//! needed; an outsider (approver and admin of a third organisation) gets nothing of the swap or
//! of the organisations' admin operations, and never another person's address.

use crate::app::{PASSWORD, TestApp};
use domain::access::OrgRole;
use reqwest::Method;
use serde_json::{Value, json};
use store::{Db, on_both_backends};

on_both_backends!(every_operation_for_every_role);

/// Operations anyone may call without a token.
const PUBLIC: [&str; 6] =
    ["/api/openapi.json", "/api/signup", "/api/verify", "/api/password/forgot", "/api/password/reset", "/api/login"];

async fn token(app: &TestApp, email: &str) -> String {
    let login = json!({"email": email, "password": PASSWORD, "name": "Matrix"});
    let res = reqwest::Client::new().post(app.url("/api/login")).json(&login).send().await.unwrap();
    assert_eq!(res.status(), 201, "login of {email}");
    res.json::<Value>().await.unwrap()["token"].as_str().unwrap().to_owned()
}

async fn every_operation_for_every_role(db: Db) {
    let app = TestApp::start(db).await;
    let third = store::orgs::create(
        &app.db,
        &domain::org::OrgDraft::parse("Landkreis Nord", "district", "SH", "", "kreis-nord.example").unwrap(),
        &crate::app::fx("o"),
    )
    .await
    .unwrap();
    let anna = app.user("anna@musterstadt.example", Some(app.city), &[], false).await;
    let eva = app.user("eva@verband.example", Some(app.assoc), &[], false).await;
    app.user("bernd@musterstadt.example", Some(app.city), &[OrgRole::Approver], false).await;
    app.user("frank@verband.example", Some(app.assoc), &[OrgRole::Approver], false).await;
    app.user("carla@musterstadt.example", Some(app.city), &[OrgRole::StaffCouncil], false).await;
    app.user("dieter@musterstadt.example", Some(app.city), &[OrgRole::OrgAdmin], false).await;
    app.user("orga@netzwerk.example", None, &[], true).await;
    app.user("otto@kreis-nord.example", Some(third), &[OrgRole::Approver, OrgRole::OrgAdmin], false).await;
    let roles = [
        ("member", "anna@musterstadt.example"),
        ("partner", "eva@verband.example"),
        ("approver", "bernd@musterstadt.example"),
        ("other approver", "frank@verband.example"),
        ("council", "carla@musterstadt.example"),
        ("admin", "dieter@musterstadt.example"),
        ("organiser", "orga@netzwerk.example"),
        ("outsider", "otto@kreis-nord.example"),
    ];
    let mut tokens = Vec::new();
    for (role, email) in roles {
        tokens.push((role, Some(token(&app, email).await)));
    }
    tokens.push(("anonymous", None));
    let token_of = |role: &str| tokens.iter().find(|(r, _)| *r == role).unwrap().1.clone().unwrap();

    // A confirmed swap of Anna and Eva, through the API.
    let c = reqwest::Client::new();
    let post = async |path: &str, t: &str, body: Value| -> Value {
        let res = c.post(app.url(path)).bearer_auth(t).json(&body).send().await.unwrap();
        assert!(res.status().is_success(), "{path}: {}", res.status());
        res.json().await.unwrap()
    };
    let created =
        post("/api/swaps", &token_of("member"), json!({"partner": eva.to_string(), "week": "2027-W30"})).await;
    let swap_id = created["id"].as_str().unwrap().to_owned();
    let swap = format!("/api/swaps/{swap_id}");
    let s = post(&format!("{swap}/accept"), &token_of("partner"), json!({})).await;
    for a in s["approvals"].as_array().unwrap() {
        let who = if a["organisation_id"] == app.city.to_string() { "approver" } else { "other approver" };
        post(&format!("{swap}/approve"), &token_of(who), json!({"approval": a["index"]})).await;
    }
    let hash = c
        .get(app.url(&swap))
        .bearer_auth(token_of("member"))
        .send()
        .await
        .unwrap()
        .json::<Value>()
        .await
        .unwrap()["agreement_hash"]
        .as_str()
        .unwrap()
        .to_owned();
    for who in ["member", "partner"] {
        post(&format!("{swap}/sign"), &token_of(who), json!({"password": PASSWORD, "hash": hash})).await;
    }

    // Every operation the API describes, with its path filled in.
    let doc = serde_json::to_value(web::api::document()).unwrap();
    let mut operations = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in ["get", "put", "post", "delete", "patch"] {
            if item.get(method).is_some() {
                let filled = path
                    .replace("/swaps/{id}", &format!("/swaps/{swap_id}"))
                    .replace("/organisations/{id}", &format!("/organisations/{}", app.city))
                    .replace("/people/{id}", &format!("/people/{anna}"))
                    .replace("{action}", "approve")
                    .replace("{id}", &uuid::Uuid::now_v7().to_string())
                    .replace("{appointment}", &uuid::Uuid::now_v7().to_string());
                operations.push((Method::from_bytes(method.to_uppercase().as_bytes()).unwrap(), path.clone(), filled));
            }
        }
    }
    assert!(operations.len() >= 50, "only {} operations", operations.len());

    let addresses = ["anna@musterstadt.example", "eva@verband.example", "bernd@musterstadt.example"];
    let mut checked = 0;
    for (role, t) in &tokens {
        for (method, template, path) in &operations {
            // Logins and password resets of the matrix would lock or change its own accounts.
            if template.starts_with("/api/password") || template == "/api/login" {
                continue;
            }
            let mut req = c.request(method.clone(), app.url(path));
            if let Some(t) = t {
                req = req.bearer_auth(t);
            }
            if *method != Method::GET && *method != Method::DELETE {
                req = req.json(&json!({}));
            }
            let res = req.send().await.unwrap();
            let status = res.status().as_u16();
            let body = res.text().await.unwrap_or_default();
            checked += 1;
            assert!(status < 500, "{role} {method} {path}: {status} {body}");
            if t.is_none() && !PUBLIC.contains(&template.as_str()) {
                assert_eq!(status, 401, "anonymous {method} {path}");
            }
            if *role == "outsider" {
                let of_the_swap = template.starts_with("/api/swaps/{id}");
                let admin_only = template.starts_with("/api/organisations/{id}/")
                    && !(template == "/api/organisations/{id}/matching" && *method == Method::GET);
                let mutates_the_org = template == "/api/organisations/{id}" && *method != Method::GET;
                if of_the_swap || admin_only || mutates_the_org {
                    assert!(!(200..300).contains(&status), "outsider {method} {path}: {status} {body}");
                }
                for a in addresses {
                    assert!(!body.contains(a), "outsider {method} {path} saw {a}");
                }
            }
        }
    }
    assert!(checked > 400, "{checked} calls");
}
