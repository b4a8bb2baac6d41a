//! The authorisation matrix: every operation of the API (from its own OpenAPI description) and
//! every route of the pages (from the router's source), so that neither a new operation nor a
//! new page can be forgotten, × every role × an object of their own and one of others.
//!
//! The objects are a confirmed swap of Anna (city) and Eva (association), and a proposal of Olga
//! (a third organisation) to Emil (association) that Emil has not answered; the organisations
//! are the city and the third one; the events are a members' meetup of the city's admin with
//! Anna registered, and one of the third organisation's admin with Olga registered. Nobody gets a server error; a caller who is not signed in
//! gets nothing but the login; whoever the object does not concern gets nothing of it (no
//! success, no redirect into it) and never the address of one of its people.

use crate::app::{Browser, PASSWORD, TestApp, csrf_of};
use domain::OrgId;
use domain::access::OrgRole;
use reqwest::Method;
use serde_json::{Value, json};
use store::{Db, on_both_backends};

on_both_backends!(every_operation_for_every_role, every_page_for_every_role);

/// API operations anyone may call without a token.
const PUBLIC_API: [&str; 10] = [
    "/api/openapi.json",
    "/api/signup",
    "/api/verify",
    "/api/password/forgot",
    "/api/password/reset",
    "/api/login",
    // The network in public; its framework agreement; an employer applies (GET lists them for
    // the organisers, with a token).
    "/api/network",
    "/api/framework",
    "/api/applications",
    // The network's headline figures, suppressed.
    "/api/figures",
];

/// Pages anyone may open without signing in.
const PUBLIC_PAGES: [&str; 28] = [
    "/",
    "/signup",
    "/login",
    "/verify",
    "/password/forgot",
    "/password/reset",
    "/invitations/{secret}",
    "/imprint",
    "/privacy",
    "/accessibility",
    "/accessibility/report",
    "/easy-language",
    // The network in public, and an employer's application to join with its applicant's link.
    "/network",
    "/join",
    "/join/{secret}",
    // Signing in through an organisation's provider: before anyone is signed in.
    "/login/sso",
    "/sso/callback",
    "/sso/confirm",
    "/assets/{*file}",
    "/calendar/{file}",
    // Public events are listed and shown to everyone (registering needs an account).
    "/events",
    "/events/{id}",
    // Published stories, their photos and the feed (a draft is its parties' only).
    "/stories",
    "/stories/feed.atom",
    "/stories/{id}",
    "/stories/{id}/photo",
    // The network's headline figures (suppressed) and their charts.
    "/figures",
    "/figures/{file}",
];

/// The roles, by the address each signs in with. `outsider` is approver and admin of the third
/// organisation, so Olga's proposal concerns them.
const ROLES: [(&str, &str); 9] = [
    ("member", "anna@musterstadt.example"),
    ("partner", "eva@verband.example"),
    ("approver", "bernd@musterstadt.example"),
    ("other approver", "frank@verband.example"),
    ("council", "carla@musterstadt.example"),
    ("other council", "greta@verband.example"),
    ("admin", "dieter@musterstadt.example"),
    ("organiser", "orga@netzwerk.example"),
    ("outsider", "otto@kreis-nord.example"),
];

/// Which of the two objects a path is about.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Object {
    Own,
    Others,
}

struct Cast {
    app: TestApp,
    third: OrgId,
    /// The confirmed swap of Anna and Eva.
    swap: String,
    /// Olga's proposal to Emil.
    proposal: String,
    anna: String,
    olga: String,
    /// The city admin's meetup (Anna registered) and the third organisation's (Olga registered).
    event: String,
    other_event: String,
}

impl Cast {
    /// Whether an object concerns a role: the confirmed swap concerns everyone of the city and
    /// the association we made (and the organisers); Olga's unanswered proposal only Olga's
    /// side (the outsider) and the organisers: Emil's employer does not see it yet.
    fn concerns(object: Object, role: &str) -> bool {
        match object {
            Object::Own => !matches!(role, "outsider" | "anonymous"),
            Object::Others => matches!(role, "outsider" | "organiser"),
        }
    }

    /// Whether an organisation's admin pages may answer a role: its own people and the organisers.
    fn of_org(object: Object, role: &str) -> bool {
        match object {
            Object::Own => matches!(role, "member" | "approver" | "council" | "admin" | "organiser"),
            Object::Others => matches!(role, "outsider" | "organiser"),
        }
    }

    /// Whether a role runs an event (its list with addresses, changes, attendance, rounds): the
    /// admins of its organisation and the organisers.
    fn runs_event(object: Object, role: &str) -> bool {
        match object {
            Object::Own => matches!(role, "admin" | "organiser"),
            Object::Others => matches!(role, "outsider" | "organiser"),
        }
    }

    /// The addresses a role must never read on any answer.
    fn foreign_addresses(role: &str) -> &'static [&'static str] {
        match role {
            "outsider" => &["anna@musterstadt.example", "eva@verband.example", "bernd@musterstadt.example"],
            "organiser" => &[],
            _ => &["olga@kreis-nord.example", "emil@verband.example"],
        }
    }

    /// Fills a path template for one of the objects.
    fn fill(&self, template: &str, object: Object) -> String {
        let (swap, org, person, event) = match object {
            Object::Own => (&self.swap, self.app.city.to_string(), &self.anna, &self.event),
            Object::Others => (&self.proposal, self.third.to_string(), &self.olga, &self.other_event),
        };
        let random = || uuid::Uuid::now_v7().to_string();
        template
            .replace("/swaps/{id}", &format!("/swaps/{swap}"))
            .replace("/organisations/{id}", &format!("/organisations/{org}"))
            .replace("/orgs/{id}", &format!("/orgs/{org}"))
            .replace("/people/{id}", &format!("/people/{person}"))
            .replace("/events/{id}", &format!("/events/{event}"))
            .replace("{id}", &random())
            .replace("{appointment}", &random())
            .replace("{secret}", "kein-geheimnis")
            .replace("{*file}", "app.css")
            .replace("{file}", "kein-feed.ics")
    }
}

async fn token(app: &TestApp, email: &str) -> String {
    let login = json!({"email": email, "password": PASSWORD, "name": "Matrix"});
    let res = reqwest::Client::new().post(app.url("/api/login")).json(&login).send().await.unwrap();
    assert_eq!(res.status(), 201, "login of {email}");
    res.json::<Value>().await.unwrap()["token"].as_str().unwrap().to_owned()
}

/// The people, and the two objects, made through the API as they would.
async fn cast(db: Db) -> Cast {
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
    app.user("greta@verband.example", Some(app.assoc), &[OrgRole::StaffCouncil], false).await;
    app.user("dieter@musterstadt.example", Some(app.city), &[OrgRole::OrgAdmin], false).await;
    app.user("orga@netzwerk.example", None, &[], true).await;
    app.user("otto@kreis-nord.example", Some(third), &[OrgRole::Approver, OrgRole::OrgAdmin], false).await;
    let olga = app.user("olga@kreis-nord.example", Some(third), &[], false).await;
    let emil = app.user("emil@verband.example", Some(app.assoc), &[], false).await;

    let c = reqwest::Client::new();
    let post = async |path: &str, email: &str, body: Value| -> Value {
        let res = c.post(app.url(path)).bearer_auth(token(&app, email).await).json(&body).send().await.unwrap();
        assert!(res.status().is_success(), "{path}: {}", res.status());
        res.json().await.unwrap()
    };
    let created =
        post("/api/swaps", "anna@musterstadt.example", json!({"partner": eva.to_string(), "week": "2027-W30"})).await;
    let swap = created["id"].as_str().unwrap().to_owned();
    let s = post(&format!("/api/swaps/{swap}/accept"), "eva@verband.example", json!({})).await;
    for a in s["approvals"].as_array().unwrap() {
        let who = if a["organisation_id"] == app.city.to_string() {
            "bernd@musterstadt.example"
        } else {
            "frank@verband.example"
        };
        post(&format!("/api/swaps/{swap}/approve"), who, json!({"approval": a["index"]})).await;
    }
    let anna_t = token(&app, "anna@musterstadt.example").await;
    let view: Value =
        c.get(app.url(&format!("/api/swaps/{swap}"))).bearer_auth(anna_t).send().await.unwrap().json().await.unwrap();
    let hash = view["agreement_hash"].as_str().unwrap().to_owned();
    for who in ["anna@musterstadt.example", "eva@verband.example"] {
        post(&format!("/api/swaps/{swap}/sign"), who, json!({"password": PASSWORD, "hash": hash})).await;
    }
    let proposal = post(
        "/api/swaps",
        "olga@kreis-nord.example",
        json!({"partner": emil.to_string(), "week": "2027-W31", "message": "Hallo Emil"}),
    )
    .await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let meetup = |title: &str| {
        json!({"event_title": title, "event_description": "Austausch", "start_date": "2027-06-10",
               "start_time": "18:30", "end_time": "20:00", "format": "in_person", "event_place": "Rathaus",
               "capacity": "20", "visibility": "members"})
    };
    let event = post("/api/events", "dieter@musterstadt.example", meetup("Stadt-Treffen")).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    post(&format!("/api/events/{event}/registration"), "anna@musterstadt.example", json!({})).await;
    let other_event = post("/api/events", "otto@kreis-nord.example", meetup("Kreis-Treffen")).await["id"]
        .as_str()
        .unwrap()
        .to_owned();
    post(&format!("/api/events/{other_event}/registration"), "olga@kreis-nord.example", json!({})).await;
    Cast { app, third, swap, proposal, anna: anna.to_string(), olga: olga.to_string(), event, other_event }
}

/// The object a path template is about, if any.
fn objects_of(template: &str) -> Vec<Object> {
    if ["/swaps/{id}", "/organisations/{id}", "/orgs/{id}", "/people/{id}", "/events/{id}"]
        .iter()
        .any(|p| template.contains(p))
    {
        vec![Object::Own, Object::Others]
    } else {
        vec![Object::Own]
    }
}

/// An answer: its status, where it sends the browser, and its body.
struct Answer<'a> {
    status: u16,
    location: Option<&'a str>,
    body: &'a str,
}

/// Checks one answer against the rules of the matrix.
fn check(role: &str, method: &Method, template: &str, object: Object, path: &str, answer: Answer) {
    let Answer { status, location, body } = answer;
    assert!(status < 500, "{role} {method} {path}: {status} {body}");
    for a in Cast::foreign_addresses(role) {
        assert!(!body.contains(a), "{role} {method} {path} saw {a}");
    }
    let of_swap = template.contains("/swaps/{id}");
    let admin_of_org = (template.starts_with("/api/organisations/{id}/") || template.starts_with("/orgs/{id}/"))
        && !(template == "/api/organisations/{id}/matching" && *method == Method::GET);
    let changes_org = (template == "/api/organisations/{id}" || template == "/orgs/{id}") && *method != Method::GET;
    // Sent to the login page (not signed in) is refused too.
    let refused = !(200..400).contains(&status) || location.is_some_and(|l| l.starts_with("/login"));
    if of_swap && !Cast::concerns(object, role) {
        assert!(refused, "{role} {method} {path} ({object:?} swap): {status} {body}");
    }
    if (admin_of_org || changes_org) && !Cast::of_org(object, role) {
        assert!(refused, "{role} {method} {path} ({object:?} organisation): {status} {body}");
    }
    // What only an event's organisers do: everything below the event but taking part.
    let runs_event = (template.contains("/events/{id}/")
        && !template.ends_with("/register")
        && !template.ends_with("/unregister")
        && !template.ends_with("/registration"))
        || (template == "/api/events/{id}" && *method != Method::GET);
    if runs_event && !Cast::runs_event(object, role) {
        assert!(refused, "{role} {method} {path} ({object:?} event): {status} {body}");
    }
    // Figures: an organisation's for its admins and the organisers (the same people who run
    // its events), the network's for the organisers; the public ones for everyone.
    let figures = template.contains("/figures") || template.ends_with("/report.pdf");
    let public_figures = template.starts_with("/figures") || template == "/api/figures";
    if figures && !public_figures {
        let may = if template.contains("{id}") { Cast::runs_event(object, role) } else { role == "organiser" };
        if !may {
            assert!(refused, "{role} {method} {path} ({object:?} figures): {status} {body}");
        }
    }
}

async fn every_operation_for_every_role(db: Db) {
    let cast = cast(db).await;
    let app = &cast.app;
    let mut tokens = Vec::new();
    for (role, email) in ROLES {
        tokens.push((role, Some(token(app, email).await)));
    }
    tokens.push(("anonymous", None));

    let doc = serde_json::to_value(web::api::document()).unwrap();
    let mut operations = Vec::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in ["get", "put", "post", "delete", "patch"] {
            if item.get(method).is_some() {
                operations.push((Method::from_bytes(method.to_uppercase().as_bytes()).unwrap(), path.clone()));
            }
        }
    }
    assert!(operations.len() >= 50, "only {} operations", operations.len());

    let c = reqwest::Client::new();
    let mut checked = 0;
    for (role, t) in &tokens {
        for (method, template) in &operations {
            // Logins and password resets of the matrix would lock or change its own accounts.
            if template.starts_with("/api/password") || template == "/api/login" {
                continue;
            }
            for object in objects_of(template) {
                for action in ["approve", "consent", "cancel"] {
                    let path = cast.fill(&template.replace("{action}", action), object);
                    let mut req = c.request(method.clone(), app.url(&path));
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
                    check(role, method, template, object, &path, Answer { status, location: None, body: &body });
                    if t.is_none() && !PUBLIC_API.contains(&template.as_str()) {
                        assert_eq!(status, 401, "anonymous {method} {path}");
                    }
                    if !template.contains("{action}") {
                        break;
                    }
                }
            }
        }
    }
    assert!(checked > 700, "{checked} calls");
}

/// The pages' routes, read from the source of the router's modules: (method, path template).
fn page_routes() -> Vec<(Method, String)> {
    let dir = std::path::Path::new(&crate::manifest_dir()).join("src/html");
    let mut routes = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let source = std::fs::read_to_string(entry.unwrap().path()).unwrap();
        for part in source.split(".route(\"").skip(1) {
            let (path, rest) = part.split_once('"').unwrap();
            // The handlers of this route: up to the parenthesis that closes `.route(`.
            let mut depth = 1;
            let end = rest
                .char_indices()
                .find(|(_, ch)| {
                    depth += match ch {
                        '(' => 1,
                        ')' => -1,
                        _ => 0,
                    };
                    depth == 0
                })
                .unwrap()
                .0;
            for method in ["get", "post", "put", "delete"] {
                let called = rest[..end]
                    .match_indices(&format!("{method}("))
                    .any(|(i, _)| i == 0 || !rest[..i].ends_with(|c: char| c.is_alphanumeric() || c == '_'));
                if called {
                    routes.push((Method::from_bytes(method.to_uppercase().as_bytes()).unwrap(), path.to_owned()));
                }
            }
        }
    }
    routes
}

async fn every_page_for_every_role(db: Db) {
    let cast = cast(db).await;
    let app = &cast.app;
    let routes = page_routes();
    assert!(routes.len() >= 50, "only {} routes: {routes:?}", routes.len());
    assert!(routes.contains(&(Method::POST, "/swaps/{id}/{action}".to_owned())), "{routes:?}");

    let mut browsers: Vec<(&str, Browser)> = Vec::new();
    for (role, email) in ROLES {
        let b = app.browser();
        b.login(email).await;
        browsers.push((role, b));
    }
    browsers.push(("anonymous", app.browser()));

    let swap_actions = [
        "accept",
        "decline",
        "withdraw",
        "approve",
        "decline-approval",
        "delegate",
        "consent",
        "refuse",
        "sign",
        "cancel",
    ];
    let week_actions = [
        "settings",
        "move",
        "cancel-briefing",
        "appointment",
        "cancel-appointment",
        "handover",
        "deputy",
        "access",
        "admin",
        "checkin",
        "reflection",
        "feedback",
    ];
    let mut checked = 0;
    for (role, b) in &browsers {
        let csrf = csrf_of(&b.get("/").await.body);
        for (method, template) in &routes {
            // These would end the matrix's own sessions or accounts, or lock them.
            let own_account = ["/logout", "/login", "/signup", "/password/forgot", "/password/reset"];
            if *method == Method::POST && own_account.contains(&template.as_str()) {
                continue;
            }
            let actions: &[&str] = if template.ends_with("/week/{action}") {
                &week_actions
            } else if template.ends_with("/{action}") {
                &swap_actions
            } else {
                &[""]
            };
            for object in objects_of(template) {
                for action in actions {
                    let path = cast.fill(&template.replace("{action}", action), object);
                    let page =
                        if *method == Method::GET { b.get(&path).await } else { b.post_raw(&path, &csrf, &[]).await };
                    checked += 1;
                    let answer = Answer { status: page.status, location: page.location.as_deref(), body: &page.body };
                    check(role, method, template, object, &path, answer);
                    let public = PUBLIC_PAGES.contains(&template.as_str()) || template == "/lang";
                    if *role == "anonymous" && !public {
                        let to_login = page.location.as_deref().is_some_and(|l| l.starts_with("/login"));
                        assert!(
                            to_login || !(200..400).contains(&page.status),
                            "anonymous {method} {path}: {} {:?}",
                            page.status,
                            page.location
                        );
                    }
                }
            }
        }
    }
    assert!(checked > 1000, "{checked} requests");
}
