//! A whole swap and its week through the JSON API alone: proposed, accepted, approved, signed;
//! the week planned (briefings, appointments, handover, deputy, access and administrative
//! checklists), the calendar feed, the check-in with a call for help, reflections hidden until
//! both wrote, the approvers' feedback and the certificate. The clock of the week worker is
//! moved by the test; everything else is HTTP with bearer tokens.

use crate::app::TestApp;
use chrono::{DateTime, TimeZone, Utc};
use domain::access::OrgRole;
use reqwest::{Client, Method, StatusCode};
use serde_json::{Value, json};
use store::{Db, on_both_backends};

on_both_backends!(a_swap_and_its_week_through_json);

fn berlin(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
    chrono_tz::Europe::Berlin.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap().with_timezone(&Utc)
}

/// A caller with a personal token, as a script of that person would be.
struct Caller {
    client: Client,
    base: String,
    token: String,
}

impl Caller {
    /// Signs in through the API with the address and password; no page is involved.
    async fn of(app: &TestApp, email: &str) -> Caller {
        let login = json!({"email": email, "password": crate::app::PASSWORD, "name": "Skript"});
        let res = Client::new().post(app.url("/api/login")).json(&login).send().await.unwrap();
        assert_eq!(res.status(), 201, "login of {email}");
        let token = res.json::<Value>().await.unwrap()["token"].as_str().unwrap().to_owned();
        Caller { client: Client::new(), base: app.base.clone(), token }
    }

    async fn call(&self, method: Method, path: &str, body: Option<Value>) -> (StatusCode, Value) {
        let mut req = self.client.request(method, format!("{}/api{path}", self.base)).bearer_auth(&self.token);
        if let Some(b) = body {
            req = req.json(&b);
        }
        let res = req.send().await.unwrap();
        let status = res.status();
        let text = res.text().await.unwrap();
        (status, serde_json::from_str(&text).unwrap_or(Value::String(text)))
    }

    async fn get(&self, path: &str) -> Value {
        let (status, body) = self.call(Method::GET, path, None).await;
        assert_eq!(status, 200, "GET {path}: {body}");
        body
    }

    /// A change that must succeed; its answer.
    async fn ok(&self, method: Method, path: &str, body: Value) -> Value {
        let (status, answer) = self.call(method.clone(), path, Some(body)).await;
        assert!(status.is_success(), "{method} {path}: {status} {answer}");
        answer
    }

    async fn status(&self, method: Method, path: &str, body: Value) -> StatusCode {
        self.call(method, path, Some(body)).await.0
    }
}

async fn a_swap_and_its_week_through_json(db: Db) {
    let app = TestApp::start(db).await;
    let anna = app.user("anna@musterstadt.example", Some(app.city), &[], false).await;
    let eva = app.user("eva@verband.example", Some(app.assoc), &[], false).await;
    app.user("bernd@musterstadt.example", Some(app.city), &[OrgRole::Approver], false).await;
    app.user("frank@verband.example", Some(app.assoc), &[OrgRole::Approver], false).await;
    app.user("dieter@musterstadt.example", Some(app.city), &[], false).await;
    app.user("orga@netzwerk.example", None, &[], true).await;
    let a = Caller::of(&app, "anna@musterstadt.example").await;
    let e = Caller::of(&app, "eva@verband.example").await;
    let bernd = Caller::of(&app, "bernd@musterstadt.example").await;
    let frank = Caller::of(&app, "frank@verband.example").await;
    let dieter = Caller::of(&app, "dieter@musterstadt.example").await;
    let orga = Caller::of(&app, "orga@netzwerk.example").await;

    // The journey: proposal, acceptance, four approvals, two signatures.
    let created = a.ok(Method::POST, "/swaps", json!({"partner": eva.to_string(), "week": "2027-W21"})).await;
    let id = created["id"].as_str().unwrap().to_owned();
    let swap = format!("/swaps/{id}");
    assert_eq!(a.status(Method::GET, &format!("{swap}/week"), json!({})).await, 409, "no week before confirmation");
    let s = e.ok(Method::POST, &format!("{swap}/accept"), json!({"version": 0})).await;
    assert_eq!(s["state"], "approvals_pending");
    for approval in s["approvals"].as_array().unwrap() {
        let approver = if approval["organisation_id"] == app.city.to_string() { &bernd } else { &frank };
        let index = approval["index"].as_u64().unwrap();
        approver.ok(Method::POST, &format!("{swap}/approve"), json!({"approval": index})).await;
    }
    let s = a.get(&swap).await;
    assert_eq!(s["state"], "agreement_pending");
    let hash = s["agreement_hash"].as_str().unwrap().to_owned();
    let wrong = a.call(Method::POST, &format!("{swap}/sign"), Some(json!({"password": "falsch", "hash": hash}))).await;
    assert_eq!(wrong.0, 422, "a wrong password signs nothing");
    assert_eq!(wrong.1["errors"][0]["field"], "password");
    for c in [&a, &e] {
        c.ok(Method::POST, &format!("{swap}/sign"), json!({"password": crate::app::PASSWORD, "hash": hash})).await;
    }
    assert_eq!(a.get(&swap).await["state"], "confirmed");

    // The planned week: a briefing on every day the swap runs (Thursday is a holiday at the
    // city only, so Eva's leg marks it and the swap runs), the checklists of both guests.
    let week = a.get(&format!("{swap}/week")).await;
    assert_eq!(week["open"], true);
    assert_eq!(week["briefings"].as_array().unwrap().len(), 5);
    let holidays: Vec<&Value> =
        week["days"].as_array().unwrap().iter().flat_map(|d| d["holidays"].as_array().unwrap()).collect();
    assert!(holidays.iter().any(|h| h.as_str() == Some("Fronleichnam")), "{holidays:?}");
    assert_eq!(week["access"].as_array().unwrap().len(), 10, "five items for each guest");
    assert_eq!(week["viewer"]["member"], true);
    let stranger = Caller::of(&app, "dieter@musterstadt.example").await;
    assert_eq!(stranger.status(Method::GET, &format!("{swap}/week"), json!({})).await, 404, "not his to see yet");

    // Briefings: a Saturday is refused at its field; a move and a cancellation are kept.
    let (status, problem) = a
        .call(
            Method::POST,
            &format!("{swap}/week/briefings/move"),
            Some(json!({"planned": "2027-05-24", "date": "2027-05-29", "time": "09:00", "minutes": "10"})),
        )
        .await;
    assert_eq!(status, 422, "{problem}");
    assert_eq!(problem["errors"][0]["field"], "date");
    let bad_date = a.status(Method::POST, &format!("{swap}/week/briefings/move"), json!({"planned": "Montag"})).await;
    assert_eq!(bad_date, 400, "an unreadable date is a bad request");
    let moved = a
        .ok(
            Method::POST,
            &format!("{swap}/week/briefings/move"),
            json!({"planned": "2027-05-24", "date": "2027-05-24", "time": "09:15", "minutes": "15"}),
        )
        .await;
    let monday = moved["briefings"].as_array().unwrap().iter().find(|b| b["planned"] == "2027-05-24").unwrap();
    assert_eq!((monday["time"].as_str(), monday["minutes"].as_u64()), (Some("09:15"), Some(15)));
    let cancelled =
        a.ok(Method::POST, &format!("{swap}/week/briefings/cancel"), json!({"planned": "2027-05-28"})).await;
    assert!(
        cancelled["briefings"]
            .as_array()
            .unwrap()
            .iter()
            .any(|b| b["planned"] == "2027-05-28" && b["cancelled"] == true)
    );
    let settings = e
        .ok(Method::PUT, &format!("{swap}/week/briefings"), json!({"time": "08:45", "minutes": "10", "link": ""}))
        .await;
    assert_eq!(settings["briefing_settings"]["time"], "08:45");

    // Appointments: Eva hosts Anna, so Eva plans Anna's visit; Anna may not.
    let appointment = json!({
        "guest_id": anna.to_string(), "title": "Teamrunde Digitales", "kind": "team_meeting",
        "date": "2027-05-25", "start": "10:00", "end": "11:00", "place_or_link": "Raum 3.12"
    });
    assert_eq!(a.status(Method::POST, &format!("{swap}/week/appointments"), appointment.clone()).await, 403);
    let (status, problem) = e
        .call(
            Method::POST,
            &format!("{swap}/week/appointments"),
            Some(json!({"guest_id": anna.to_string(), "title": ""})),
        )
        .await;
    assert_eq!(status, 422);
    assert!(problem["errors"].as_array().unwrap().len() >= 3, "every missing field is named: {problem}");
    let planned = e.ok(Method::POST, &format!("{swap}/week/appointments"), appointment).await;
    let appointments = planned["appointments"].as_array().unwrap();
    assert_eq!(appointments.len(), 1);
    let appointment_id = appointments[0]["id"].as_str().unwrap().to_owned();
    let inbox = a.get("/inbox").await;
    assert!(inbox.as_array().unwrap().iter().any(|n| n["kind"] == "plan-changed"), "Anna hears of it");

    // Handover, deputy, checklists.
    a.ok(Method::PUT, &format!("{swap}/week/handover"), json!({"body": "Montags Jour fixe."})).await;
    let (status, problem) =
        a.call(Method::PUT, &format!("{swap}/week/deputy"), Some(json!({"email": "frank@verband.example"}))).await;
    assert_eq!(
        (status, problem["errors"][0]["code"].as_str()),
        (StatusCode::UNPROCESSABLE_ENTITY, Some("wrong-organisation"))
    );
    let named = a.ok(Method::PUT, &format!("{swap}/week/deputy"), json!({"email": "dieter@musterstadt.example"})).await;
    assert_eq!(named["deputies"][0]["member_id"], anna.to_string());
    let as_deputy = dieter.get(&format!("{swap}/week")).await;
    assert_eq!(as_deputy["viewer"]["deputy_for"][0], anna.to_string(), "the deputy sees the week");
    assert!(as_deputy["checkins"].as_array().unwrap().is_empty());
    let access = e
        .ok(
            Method::PUT,
            &format!("{swap}/week/access"),
            json!({"guest_id": anna.to_string(), "item": "badge", "state": "granted", "due": "2027-05-21"}),
        )
        .await;
    let badge = access["access"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["guest_id"] == anna.to_string() && x["item"] == "badge")
        .unwrap();
    assert_eq!(badge["state"], "granted");
    let admin = a
        .ok(
            Method::PUT,
            &format!("{swap}/week/admin"),
            json!({"leg": 0, "item": "travel_costs", "value": "Bahn", "done": true}),
        )
        .await;
    assert!(
        admin["admin"]
            .as_array()
            .unwrap()
            .iter()
            .any(|x| x["leg"] == 0 && x["item"] == "travel_costs" && x["done"] == true)
    );
    let removed = e.ok(Method::DELETE, &format!("{swap}/week/appointments/{appointment_id}"), json!({})).await;
    assert_eq!(removed["appointments"][0]["cancelled"], true);

    // The calendar feed: made, read by a calendar program without a token, revoked.
    let feed = a.ok(Method::POST, "/calendar/feed", json!({})).await;
    let url = feed["url"].as_str().unwrap().to_owned();
    let ics = Client::new().get(&url).send().await.unwrap().text().await.unwrap();
    assert!(ics.contains("BEGIN:VCALENDAR") && ics.contains("Teamrunde Digitales"), "{ics}");
    assert!(a.get("/calendar/feed").await["created_at"].is_string());
    let one =
        Client::new().get(format!("{}/api{swap}/calendar.ics", app.base)).bearer_auth(&a.token).send().await.unwrap();
    assert_eq!(one.status(), 200);
    assert_eq!(a.status(Method::DELETE, "/calendar/feed", json!({})).await, 204);
    assert_eq!(Client::new().get(&url).send().await.unwrap().status(), 404, "the revoked address is dead");

    // The week runs: a call for help reaches the organisers, who resolve it.
    let worker = web::App::new(app.db.clone(), web::Config::new(&app.base));
    assert_eq!(app::week::run_week(&worker, berlin(2027, 5, 24, 8)).await.unwrap().began, 1);
    let (status, _) = a.call(Method::POST, &format!("{swap}/week/checkins"), Some(json!({"status": "help"}))).await;
    assert_eq!(status, 422, "a call for help says what is wrong");
    a.ok(Method::POST, &format!("{swap}/week/checkins"), json!({"status": "help", "note": "Kein Zugang zum WLAN"}))
        .await;
    let calls = orga.get("/help-requests").await;
    assert_eq!(calls[0]["email"], "anna@musterstadt.example", "organisers can reach her");
    assert_eq!(a.status(Method::GET, "/help-requests", json!({})).await, 403, "organisers only");
    let resolve = json!({"swap_id": id, "user_id": anna.to_string(), "day": calls[0]["day"]});
    assert_eq!(orga.status(Method::POST, "/help-requests/resolve", resolve).await, 204);
    assert!(orga.get("/help-requests").await.as_array().unwrap().is_empty());

    // After the week: reflections hidden until both wrote, feedback, the certificate.
    assert_eq!(app::week::run_week(&worker, berlin(2027, 5, 29, 9)).await.unwrap().completed, 1);
    assert_eq!(a.status(Method::GET, &format!("{swap}/certificate.pdf"), json!({})).await, 409, "reflection first");
    let reflection =
        json!({"learned": "Wie ein Verband arbeitet.", "will_change": "Mehr Austausch.", "recommend": "yes"});
    a.ok(Method::POST, &format!("{swap}/week/reflections"), reflection.clone()).await;
    let for_eva = e.get(&format!("{swap}/week")).await;
    assert_eq!(
        (for_eva["reflections_hidden"].as_bool(), for_eva["reflections"].as_array().unwrap().len()),
        (Some(true), 0)
    );
    assert_eq!(a.status(Method::POST, &format!("{swap}/week/reflections"), reflection.clone()).await, 409, "once");
    e.ok(Method::POST, &format!("{swap}/week/reflections"), reflection).await;
    assert_eq!(e.get(&format!("{swap}/week")).await["reflections"].as_array().unwrap().len(), 2);
    assert_eq!(a.get(&swap).await["state"], "evaluated");
    let feedback = bernd.ok(Method::PUT, &format!("{swap}/week/feedback"), json!({"body": "Gern wieder."})).await;
    assert_eq!(feedback["feedback"][0]["body"], "Gern wieder.");
    assert_eq!(
        a.status(Method::PUT, &format!("{swap}/week/feedback"), json!({"body": "x"})).await,
        403,
        "approvers only"
    );
    let pdf = Client::new()
        .get(format!("{}/api{swap}/certificate.pdf", app.base))
        .bearer_auth(&a.token)
        .send()
        .await
        .unwrap();
    assert_eq!(pdf.status(), 200);
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    assert!(pdf.bytes().await.unwrap().starts_with(b"%PDF"));
}
