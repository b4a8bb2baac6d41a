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
    nobody_decides_on_their_own_swap,
    each_body_sees_what_it_needs,
    csrf_tokens_are_bound_to_the_session,
    oversized_and_wrong_requests_get_the_products_answer
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

    // Near the deadline, the reminder goes to the one who may decide, not to Dieter.
    let soon = (chrono::Utc::now() + chrono::Duration::days(1)).format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string();
    store::testing::execute(&app.db, &format!("UPDATE swap_approvals SET deadline = '{soon}'")).await;
    app::swaps::run_deadlines(&web::App::new(app.db.clone(), web::Config::new(&app.base))).await.unwrap();
    let reminders = async |who: &str| {
        let mails = store::outbox::to_recipient(&app.db, who).await.unwrap();
        mails.iter().filter(|m| m.subject.contains("Erinnerung")).count()
    };
    assert_eq!(reminders("dieter@musterstadt.example").await, 0, "not reminded to decide on his own swap");
    assert_eq!(reminders("bernd@musterstadt.example").await, mine.len());

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

async fn each_body_sees_what_it_needs(db: Db) {
    let app = TestApp::start(db).await;
    let anna = app.user("anna@musterstadt.example", Some(app.city), &[], false).await;
    let eva = app.user("eva@verband.example", Some(app.assoc), &[], false).await;
    app.user("bernd@musterstadt.example", Some(app.city), &[OrgRole::Approver, OrgRole::OrgAdmin], false).await;
    app.user("frank@verband.example", Some(app.assoc), &[OrgRole::Approver], false).await;
    app.user("carla@musterstadt.example", Some(app.city), &[OrgRole::StaffCouncil], false).await;
    let t = |email: &'static str| token(&app, email);
    let (anna_t, eva_t, bernd, frank, carla) = (
        t("anna@musterstadt.example").await,
        t("eva@verband.example").await,
        t("bernd@musterstadt.example").await,
        t("frank@verband.example").await,
        t("carla@musterstadt.example").await,
    );
    let c = reqwest::Client::new();
    let call = async |method: reqwest::Method, path: &str, token: &str, body: Value| {
        let res = c.request(method, app.url(path)).bearer_auth(token).json(&body).send().await.unwrap();
        let status = res.status().as_u16();
        (status, res.json::<Value>().await.unwrap_or(Value::Null))
    };
    use reqwest::Method;
    let policy = json!({"staff_council": "consent", "equal_opportunities": "not_needed",
        "disability_representative": "not_needed", "data_protection": "not_needed"});
    assert_eq!(call(Method::PUT, &format!("/api/organisations/{}/policy", app.city), &bernd, policy).await.0, 204);

    let (_, created) =
        call(Method::POST, "/api/swaps", &anna_t, json!({"partner": eva.to_string(), "week": "2027-W30"})).await;
    let swap = format!("/api/swaps/{}", created["id"].as_str().unwrap());
    let (_, s) = call(Method::POST, &format!("{swap}/accept"), &eva_t, json!({})).await;
    for a in s["approvals"].as_array().unwrap() {
        let who = if a["organisation_id"] == app.city.to_string() { &bernd } else { &frank };
        let (status, _) = call(Method::POST, &format!("{swap}/approve"), who, json!({"approval": a["index"]})).await;
        assert_eq!(status, 200);
    }
    let step = s["bodies"].as_array().unwrap().iter().find(|b| b["rule"] == "consent").unwrap()["index"].clone();
    assert_eq!(call(Method::POST, &format!("{swap}/consent"), &carla, json!({"step": step})).await.0, 200);
    let pdf = c.get(app.url(&format!("{swap}/agreement.pdf"))).bearer_auth(&carla).send().await.unwrap();
    assert_eq!(pdf.status(), 200, "the council reads the agreement it consented to");
    let (_, s) = call(Method::GET, &swap, &anna_t, Value::Null).await;
    let hash = s["agreement_hash"].as_str().unwrap().to_owned();
    for who in [&anna_t, &eva_t] {
        let sign = json!({"password": PASSWORD, "hash": hash});
        assert_eq!(call(Method::POST, &format!("{swap}/sign"), who, sign).await.0, 200);
    }
    let (_, inbox) = call(Method::GET, "/api/inbox", &carla, Value::Null).await;
    assert!(inbox.as_array().unwrap().iter().any(|n| n["kind"] == "confirmed"), "the council hears of the outcome");

    // The week: notes meant for the two people stay with them (and their deputies).
    let week = format!("{swap}/week");
    let handover = json!({"body": "Die Zugangsdaten liegen im Tresor."});
    assert_eq!(call(Method::PUT, &format!("{week}/handover"), &anna_t, handover).await.0, 200);
    let appointment = json!({"guest_id": anna.to_string(), "title": "Teamrunde", "kind": "team_meeting",
        "date": "2027-07-27", "start": "10:00", "end": "11:00", "place_or_link": "Raum 1", "note_for_guest": "Nur für dich"});
    assert_eq!(call(Method::POST, &format!("{week}/appointments"), &eva_t, appointment).await.0, 200);
    let (status, by_council) = call(Method::GET, &week, &carla, Value::Null).await;
    assert_eq!(status, 200);
    assert_eq!(by_council["handovers"], json!([]), "no handover notes for the council");
    assert_eq!(by_council["appointments"][0]["note_for_guest"], Value::Null);
    let (_, by_anna) = call(Method::GET, &week, &anna_t, Value::Null).await;
    assert_eq!(by_anna["handovers"][0]["body"], "Die Zugangsdaten liegen im Tresor.");
    assert_eq!(by_anna["appointments"][0]["note_for_guest"], "Nur für dich");
}

/// The value a response sets for a cookie.
fn set_cookie(res: &reqwest::Response, name: &str) -> Option<String> {
    res.headers().get_all("set-cookie").iter().find_map(|v| {
        let v = v.to_str().ok()?;
        v.strip_prefix(&format!("{name}=")).map(|rest| rest.split(';').next().unwrap_or("").to_owned())
    })
}

async fn csrf_tokens_are_bound_to_the_session(db: Db) {
    let app = TestApp::start(db).await;
    app.user("anna@musterstadt.example", Some(app.city), &[], false).await;
    let c = reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).build().unwrap();
    let page = c.get(app.url("/login")).send().await.unwrap();
    let anonymous = set_cookie(&page, "jt_csrf").unwrap();
    let login = [("csrf", anonymous.as_str()), ("email", "anna@musterstadt.example"), ("password", PASSWORD)];
    let res =
        c.post(app.url("/login")).header("cookie", format!("jt_csrf={anonymous}")).form(&login).send().await.unwrap();
    assert_eq!(res.status(), 303);
    let session = set_cookie(&res, "jt_session").unwrap();
    let inbox_read = |cookie: String, token: String, origin: Option<&str>| {
        let mut req = c.post(app.url("/inbox")).header("cookie", cookie).form(&[("csrf", token)]);
        if let Some(o) = origin {
            req = req.header("origin", o);
        }
        req.send()
    };

    // An attacker who planted a CSRF cookie of their own knows its value: it is worth nothing.
    let planted = "a".repeat(64);
    let res = inbox_read(format!("jt_session={session}; jt_csrf={planted}"), planted.clone(), None).await.unwrap();
    assert_eq!(res.status(), 403, "a token from a cookie the attacker set is refused");

    // The page's own token works, but not from another site's page.
    let own = c.get(app.url("/inbox")).header("cookie", format!("jt_session={session}")).send().await.unwrap();
    let token = crate::app::csrf_of(&own.text().await.unwrap());
    let foreign =
        inbox_read(format!("jt_session={session}"), token.clone(), Some("https://evil.example")).await.unwrap();
    assert_eq!(foreign.status(), 403, "a form posted from another site is refused");
    let ok = inbox_read(format!("jt_session={session}"), token, Some(app.base.as_str())).await.unwrap();
    assert_eq!(ok.status(), 303, "the site's own form goes through");
}

async fn oversized_and_wrong_requests_get_the_products_answer(db: Db) {
    let app = TestApp::start(db).await;
    app.user("anna@musterstadt.example", Some(app.city), &[], false).await;
    let anna = token(&app, "anna@musterstadt.example").await;
    let c = reqwest::Client::new();
    let huge = "x".repeat(300 * 1024);
    let res = c.put(app.url("/api/profile")).bearer_auth(&anna).json(&json!({"about": huge})).send().await.unwrap();
    assert_eq!(res.status(), 413);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    assert_eq!(res.headers()["x-content-type-options"], "nosniff", "errors carry the security headers");
    let problem: Value = res.json().await.unwrap();
    assert_eq!((problem["status"].as_u64(), problem["code"].as_str()), (Some(413), Some("too-large")));
    assert!(problem["detail"].as_str().unwrap().contains("256 KiB"), "{problem}");

    let b = app.browser();
    b.login("anna@musterstadt.example").await;
    let form = b.get("/profile").await;
    assert!(form.body.contains(r#"name="about" rows="5" maxlength="2000""#), "the browser stops at the limit");
    // Past it (a script, a page without the limit), the form comes back with the field's
    // message and the rest of the input.
    let fields = [("role_title", "Referentin Digitales"), ("unit", "Amt 10"), ("about", huge.as_str())];
    let page = b.post_form("/profile", "/profile", &fields).await;
    assert_eq!(page.status, 422);
    assert!(page.body.contains("Höchstens 2000 Zeichen"), "the field says why");
    assert!(page.body.contains(r#"value="Referentin Digitales""#), "the rest of the input is kept");
    // A body no form of ours makes gets a translated page with the product's headers. It is
    // refused by its announced length, before it is read: the request is written by hand, so
    // that the client is not cut off while still sending 2 MiB.
    let answer = {
        use tokio::io::{AsyncReadExt, AsyncWriteExt};
        let mut tcp = tokio::net::TcpStream::connect(app.base.trim_start_matches("http://")).await.unwrap();
        let head = "POST /profile HTTP/1.1\r\nHost: jobtausch.test\r\nAccept-Language: de\r\nConnection: close\r\n\
                    Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 2097152\r\n\r\n";
        tcp.write_all(head.as_bytes()).await.unwrap();
        let mut answer = String::new();
        tcp.read_to_string(&mut answer).await.unwrap();
        answer
    };
    assert!(answer.starts_with("HTTP/1.1 413"), "{answer}");
    assert!(answer.contains("größer als 1024 KiB"), "a translated page says what happened: {answer}");
    assert!(answer.to_lowercase().contains("content-security-policy: default-src"), "with its headers: {answer}");

    let res = c.delete(app.url("/api/me")).bearer_auth(&anna).send().await.unwrap();
    assert_eq!(res.status(), 405);
    let problem: Value = res.json().await.unwrap();
    assert_eq!((problem["status"].as_u64(), problem["code"].as_str()), (Some(405), Some("method-not-allowed")));
}
