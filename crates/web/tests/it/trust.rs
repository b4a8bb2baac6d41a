//! Trust: redirects that stay on the site, CSV exports that carry no formulas, a password
//! reset that ends everything the old password made, and the lockout's `Retry-After`.

use crate::app::{PASSWORD, TestApp};
use domain::access::OrgRole;
use serde_json::{Value, json};
use store::{AuditEntry, Db, Effects, on_both_backends};

on_both_backends!(
    redirects_stay_on_the_site,
    csv_exports_carry_no_formulas,
    a_reset_ends_what_the_old_password_made,
    interest_stays_hidden_from_ones_employer,
    nobody_decides_on_their_own_swap
);

async fn redirects_stay_on_the_site(db: Db) {
    let app = TestApp::start(db).await;
    app.user("anna@musterstadt.example", Some(app.city), &[], false).await;
    let b = app.browser();
    let login = [("email", "anna@musterstadt.example"), ("password", PASSWORD), ("next", "/\t/evil.example")];
    let p = b.post_form("/login", "/login", &login).await;
    assert_eq!((p.status, p.location.as_deref()), (303, Some("/")), "a TAB does not lead away");
    for next in
        ["%2F%09%2Fevil.example", "%2F%0D%0ASet-Cookie%3A%20x%3D1", "https%3A%2F%2Fevil.example", "%2F%5Cevil.example"]
    {
        let p = b.get(&format!("/login?next={next}")).await;
        assert_eq!((p.status, p.location.as_deref()), (303, Some("/")), "next={next}");
    }
    let p = b.get("/login?next=%2Fswaps").await;
    assert_eq!(p.location.as_deref(), Some("/swaps"), "a path on the site is followed");
    let p = b.post_form("/", "/lang", &[("to", "en"), ("back", "//evil.example")]).await;
    assert_eq!(p.location.as_deref(), Some("/"));
}

async fn csv_exports_carry_no_formulas(db: Db) {
    let app = TestApp::start(db).await;
    app.user("dieter@musterstadt.example", Some(app.city), &[OrgRole::OrgAdmin], false).await;
    for detail in
        ["=HYPERLINK(\"https://evil.example\",\"Klick\")", "+1+1", "-2+3", "@SUM(A1)", "\tTab", "\rCR", "harmlos"]
    {
        let fx = Effects::audit(AuditEntry::new(None, "org.updated", "organisation", app.city).detail(detail));
        store::outbox::record(&app.db, &fx).await.unwrap();
    }
    let b = app.browser();
    b.login("dieter@musterstadt.example").await;
    let csv = b.get(&format!("/orgs/{}/audit.csv", app.city)).await;
    assert_eq!(csv.status, 200);
    let mut reader = csv::ReaderBuilder::new().has_headers(true).from_reader(csv.body.as_bytes());
    let mut details = Vec::new();
    for row in reader.records() {
        let row = row.unwrap();
        for cell in row.iter() {
            assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "a cell a spreadsheet would run: {cell:?}");
        }
        details.push(row[5].to_owned());
    }
    assert!(details.contains(&"'=HYPERLINK(\"https://evil.example\",\"Klick\")".to_owned()), "{details:?}");
    assert!(details.contains(&"harmlos".to_owned()), "other cells stay as they are");
}

/// The secret of the newest reset link mailed to `email`.
async fn reset_links(app: &TestApp, email: &str) -> Vec<String> {
    store::outbox::to_recipient(&app.db, email)
        .await
        .unwrap()
        .into_iter()
        .filter_map(|m| m.body.split("/password/reset?token=").nth(1).map(|rest| rest[..64].to_owned()))
        .collect()
}

async fn a_reset_ends_what_the_old_password_made(db: Db) {
    let app = TestApp::start(db).await;
    app.user("anna@musterstadt.example", Some(app.city), &[], false).await;
    let b = app.browser();
    b.login("anna@musterstadt.example").await;
    let feed = b.post_form("/calendar", "/calendar/feed", &[]).await;
    let i = feed.body.find("id=\"feed-url\" value=\"").expect("the address is shown") + 21;
    let url = feed.body[i..].split('"').next().unwrap().to_owned();
    let feed_path = url.trim_start_matches(&app.base).to_owned();
    assert!(feed_path.starts_with("/calendar/") && feed_path.ends_with(".ics"), "{feed_path}");
    assert_eq!(b.get(&feed_path).await.status, 200);
    let c = reqwest::Client::new();
    let login = json!({"email": "anna@musterstadt.example", "password": PASSWORD, "name": "Skript"});
    let token: Value = c.post(app.url("/api/login")).json(&login).send().await.unwrap().json().await.unwrap();
    let token = token["token"].as_str().unwrap().to_owned();
    assert_eq!(c.get(app.url("/api/me")).bearer_auth(&token).send().await.unwrap().status(), 200);

    for _ in 0..2 {
        let forgot = json!({"email": "anna@musterstadt.example"});
        assert_eq!(c.post(app.url("/api/password/forgot")).json(&forgot).send().await.unwrap().status(), 202);
    }
    let links = reset_links(&app, "anna@musterstadt.example").await;
    assert_eq!(links.len(), 2);
    let reset = |secret: &str| json!({"token": secret, "password": "ein-neues-passwort", "password_confirm": "ein-neues-passwort"});
    assert_eq!(c.post(app.url("/api/password/reset")).json(&reset(&links[1])).send().await.unwrap().status(), 200);

    assert_eq!(b.get("/profile").await.status, 303, "the session has ended");
    assert_eq!(
        c.get(app.url("/api/me")).bearer_auth(&token).send().await.unwrap().status(),
        401,
        "the token has ended"
    );
    assert_eq!(app.browser().get(&feed_path).await.status, 404, "the calendar address has ended");
    let again = c.post(app.url("/api/password/reset")).json(&reset(&links[0])).send().await.unwrap();
    assert_eq!(again.status(), 422, "the earlier link is used up too");
    let notice = store::outbox::to_recipient(&app.db, "anna@musterstadt.example").await.unwrap();
    assert!(notice.iter().any(|m| m.body.contains("Kalender-Abos")), "she is told to subscribe again");
}

/// A token for `email` through the API.
async fn token(app: &TestApp, email: &str) -> String {
    let login = json!({"email": email, "password": PASSWORD, "name": "Skript"});
    let res = reqwest::Client::new().post(app.url("/api/login")).json(&login).send().await.unwrap();
    assert_eq!(res.status(), 201, "login of {email}");
    res.json::<Value>().await.unwrap()["token"].as_str().unwrap().to_owned()
}

async fn interest_stays_hidden_from_ones_employer(db: Db) {
    let app = TestApp::start(db).await;
    app.user("anna@musterstadt.example", Some(app.city), &[], false).await;
    let eva = app.user("eva@verband.example", Some(app.assoc), &[], false).await;
    app.user("bernd@musterstadt.example", Some(app.city), &[OrgRole::Approver], false).await;
    app.user("frank@verband.example", Some(app.assoc), &[OrgRole::Approver, OrgRole::OrgAdmin], false).await;
    app.user("karl@musterstadt.example", Some(app.city), &[], false).await;
    let (anna, eva_t, bernd, frank, karl) = (
        token(&app, "anna@musterstadt.example").await,
        token(&app, "eva@verband.example").await,
        token(&app, "bernd@musterstadt.example").await,
        token(&app, "frank@verband.example").await,
        token(&app, "karl@musterstadt.example").await,
    );
    let c = reqwest::Client::new();
    let get = async |path: &str, t: &str| {
        let res = c.get(app.url(path)).bearer_auth(t).send().await.unwrap();
        let status = res.status().as_u16();
        (status, res.json::<Value>().await.unwrap_or(Value::Null))
    };

    // Eva is open to a swap but has not told her own organisation.
    let profile = json!({"role_title": "Referentin", "unit": "Geschäftsstelle", "languages": ["de"],
        "availability": ["2027-W30"], "wants_to_learn": ["Open Data"], "travel_radius_km": 300,
        "open_to_swap": true, "shared_with_own_org": false});
    let put = c.put(app.url("/api/profile")).bearer_auth(&eva_t).json(&profile).send().await.unwrap();
    assert_eq!(put.status(), 200);
    let (_, by_colleague) = get(&format!("/api/people/{eva}"), &frank).await;
    assert_eq!(by_colleague["open_to_swap"], false);
    assert_eq!(by_colleague["profile"]["availability"], json!([]), "her free weeks stay hidden at home");
    assert_eq!(by_colleague["profile"]["wants_to_learn"], json!([]));
    let (_, by_anna) = get(&format!("/api/people/{eva}"), &anna).await;
    assert_eq!(by_anna["profile"]["availability"], json!(["2027-W30"]), "others see them");

    // Anna proposes to Eva: Eva's employer does not see it until Eva says yes.
    let proposal = json!({"partner": eva.to_string(), "week": "2027-W30", "message": "Ganz unter uns: tauschen?"});
    let created: Value =
        c.post(app.url("/api/swaps")).bearer_auth(&anna).json(&proposal).send().await.unwrap().json().await.unwrap();
    let swap = format!("/api/swaps/{}", created["id"].as_str().unwrap());
    assert_eq!(get(&swap, &frank).await.0, 404, "Eva's approver does not know of it");
    let approve = c
        .post(app.url(&format!("{swap}/approve")))
        .bearer_auth(&frank)
        .json(&json!({"approval": 0}))
        .send()
        .await
        .unwrap();
    assert_eq!(approve.status(), 404, "nor can act on it");
    let (status, by_bernd) = get(&swap, &bernd).await;
    assert_eq!(status, 200, "the proposer's side sees it");
    assert_eq!(by_bernd["message"], Value::Null, "but not the private message");
    assert_eq!(get(&swap, &karl).await.0, 404, "a colleague without a role sees nothing");
    assert_eq!(get(&swap, &eva_t).await.1["message"], "Ganz unter uns: tauschen?");

    let accepted =
        c.post(app.url(&format!("{swap}/accept"))).bearer_auth(&eva_t).json(&json!({})).send().await.unwrap();
    assert_eq!(accepted.status(), 200);
    let (status, by_frank) = get(&swap, &frank).await;
    assert_eq!(status, 200, "from her yes on, her employer sees it");
    assert_eq!(by_frank["message"], Value::Null);
}

async fn nobody_decides_on_their_own_swap(db: Db) {
    let app = TestApp::start(db).await;
    let dieter_id =
        app.user("dieter@musterstadt.example", Some(app.city), &[OrgRole::OrgAdmin, OrgRole::Approver], false).await;
    let eva = app.user("eva@verband.example", Some(app.assoc), &[], false).await;
    app.user("frank@verband.example", Some(app.assoc), &[OrgRole::Approver], false).await;
    app.user("orga@netzwerk.example", None, &[], true).await;
    let (dieter, eva_t, frank, orga) = (
        token(&app, "dieter@musterstadt.example").await,
        token(&app, "eva@verband.example").await,
        token(&app, "frank@verband.example").await,
        token(&app, "orga@netzwerk.example").await,
    );
    let c = reqwest::Client::new();
    let post = async |path: &str, t: &str, body: Value| {
        let res = c.post(app.url(path)).bearer_auth(t).json(&body).send().await.unwrap();
        let status = res.status().as_u16();
        (status, res.json::<Value>().await.unwrap_or(Value::Null))
    };

    // Dieter, admin and the city's only approver, proposes a swap for himself.
    let (_, created) = post("/api/swaps", &dieter, json!({"partner": eva.to_string(), "week": "2027-W30"})).await;
    let swap = format!("/api/swaps/{}", created["id"].as_str().unwrap());
    let (_, s) = post(&format!("{swap}/accept"), &eva_t, json!({})).await;
    let mine: Vec<u64> = s["approvals"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|a| a["organisation_id"] == app.city.to_string())
        .map(|a| a["index"].as_u64().unwrap())
        .collect();
    for approval in &mine {
        let (status, problem) = post(&format!("{swap}/approve"), &dieter, json!({"approval": approval})).await;
        assert_eq!((status, problem["code"].as_str()), (403, Some("forbidden")), "{problem}");
        assert!(problem["detail"].as_str().unwrap().contains("Vier-Augen"), "{problem}");
    }
    let roles = format!("/api/organisations/{}/roles", app.city);
    let grant = json!({"user_id": dieter_id.to_string(), "role": "body:staff_council", "grant": true});
    let (status, _) = post(&roles, &dieter, grant).await;
    assert_eq!(status, 403, "nobody grants themselves a council role");

    // Nobody else may decide for the city: the page says so, and the organisers are told.
    let b = app.browser();
    b.login("dieter@musterstadt.example").await;
    let page = b.get(&format!("/swaps/{}", created["id"].as_str().unwrap())).await;
    assert!(page.body.contains("decider-missing"), "the swap page says who must be named");
    let inbox: Value = c.get(app.url("/api/inbox")).bearer_auth(&orga).send().await.unwrap().json().await.unwrap();
    assert!(inbox.as_array().unwrap().iter().any(|n| n["kind"] == "decider-missing"), "{inbox}");

    // A colleague is named approver (in the audit trail) and decides.
    let bernd = app.user("bernd@musterstadt.example", Some(app.city), &[], false).await;
    let grant = json!({"user_id": bernd.to_string(), "role": "approver", "grant": true});
    let res = c.post(app.url(&roles)).bearer_auth(&dieter).json(&grant).send().await.unwrap();
    assert_eq!(res.status(), 204);
    let bernd_t = token(&app, "bernd@musterstadt.example").await;
    for approval in &mine {
        let (status, _) = post(&format!("{swap}/approve"), &bernd_t, json!({"approval": approval})).await;
        assert_eq!(status, 200);
    }
    let (status, _) = post(&format!("{swap}/approve"), &frank, json!({"approval": 99})).await;
    assert_ne!(status, 500);
    let audit = c
        .get(app.url(&format!("/api/organisations/{}/audit.csv", app.city)))
        .bearer_auth(&dieter)
        .send()
        .await
        .unwrap();
    let audit = audit.text().await.unwrap();
    assert!(audit.contains("role.granted") && audit.contains(&bernd.to_string()), "{audit}");
}
