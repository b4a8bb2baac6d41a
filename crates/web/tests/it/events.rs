//! Events and after-work meetups on both databases: fifty people registering at once for ten
//! places, moving up from the waiting list, the pages with and without signing in, the video
//! link only for those with a place, the `.ics` of the mails and of the feed read by PyPI
//! icalendar with SEQUENCE rising on every change, the CSV neutralised, refusals for people who
//! do not run the event, reminders once each with a moved clock, the Tauschrunden, and the
//! attendance deleted a year after the event.

use crate::app::{Browser, TestApp};
use crate::calendar::{check_ics, event as ics_event};
use app::events::{EventInput, Standing};
use chrono::{DateTime, Duration, Utc};
use domain::UserId;
use domain::access::OrgRole;
use domain::event::EventId;
use domain::profile::ProfileInput;
use serde_json::Value;
use store::{Db, on_both_backends};

on_both_backends!(
    fifty_register_at_once_for_ten_places,
    pages_calendars_and_changes,
    who_may_do_what,
    reminders_once_each_with_a_moved_clock,
    tauschrunden_and_who_is_open_to_a_swap
);

fn state(t: &TestApp) -> web::App {
    web::App::new(t.db.clone(), web::Config::new(&t.base))
}

async fn account(t: &TestApp, id: UserId) -> app::Account {
    store::users::account(&t.db, id).await.unwrap()
}

/// An event starting `days` days from now at 18:30 Berlin time, for two hours.
fn input(title: &str, days: i64, capacity: usize, public: bool) -> EventInput {
    let day = app::i18n::berlin(Utc::now() + Duration::days(days)).date_naive();
    EventInput {
        title: title.into(),
        description: "Kurze Impulse, dann Tauschrunden.".into(),
        start_date: day.format("%Y-%m-%d").to_string(),
        start_time: "18:30".into(),
        end_time: "20:30".into(),
        format: "online".into(),
        video_link: "https://meet.example.de/after-work-geheim".into(),
        capacity: capacity.to_string(),
        visibility: if public { "public" } else { "members" }.into(),
        ..Default::default()
    }
}

/// The mails of one kind to `to`, with their attachment.
async fn mails(db: &Db, to: &str, kind: &str) -> Vec<(String, Option<String>)> {
    store::testing::mails_of_kind(db, to, kind).await
}

async fn count_kind(db: &Db, kind: &str) -> i64 {
    store::testing::count_mails(db, kind).await
}

async fn fifty_register_at_once_for_ten_places(db: Db) {
    let t = TestApp::start(db).await;
    let state = state(&t);
    let organiser = t.user("koordination@jobtausch.example", None, &[], true).await;
    let organiser = account(&t, organiser).await;
    let id = app::events::create(&state, &organiser, &input("After-Work", 20, 10, true)).await.unwrap();

    let mut people = Vec::new();
    for i in 0..50 {
        let org = if i % 2 == 0 { t.city } else { t.assoc };
        let domain = if i % 2 == 0 { "musterstadt.example" } else { "verband.example" };
        let u = t.user(&format!("person{i}@{domain}"), Some(org), &[], false).await;
        people.push(account(&t, u).await);
    }
    let tasks: Vec<_> = people
        .iter()
        .cloned()
        .map(|me| {
            let state = state.clone();
            tokio::spawn(async move { app::events::register(&state, &me, id).await })
        })
        .collect();
    let mut standings = Vec::new();
    for task in tasks {
        standings.push(task.await.unwrap().expect("every registration is taken"));
    }
    let placed = standings.iter().filter(|s| **s == Standing::Registered).count();
    let mut ranks: Vec<i64> =
        standings.iter().filter_map(|s| if let Standing::Waiting(r) = s { Some(*r) } else { None }).collect();
    ranks.sort_unstable();
    assert_eq!(placed, 10, "exactly ten places");
    assert_eq!(ranks, (1..=40).collect::<Vec<_>>(), "forty waiting, each at a place of their own in the line");
    let everyone = store::events::registrants(&t.db, id).await.unwrap();
    assert_eq!(everyone.len(), 50, "nobody is lost");
    assert_eq!(everyone.iter().filter(|r| r.has_place()).count(), 10);
    assert_eq!(count_kind(&t.db, "event-registered").await, 10, "a confirmation with the calendar for each place");
    assert_eq!(count_kind(&t.db, "event-waiting").await, 40, "a notice for each on the waiting list");
    let event = store::events::get(&t.db, id).await.unwrap();
    assert_eq!((event.registered, event.waiting), (10, 40));

    // One with a place withdraws: the first in line moves up, and is told with the calendar.
    let first_waiting = everyone.iter().filter(|r| !r.has_place()).min_by_key(|r| r.position).unwrap().clone();
    let second_waiting =
        everyone.iter().filter(|r| !r.has_place() && r.position > first_waiting.position).min_by_key(|r| r.position);
    let leaving = people.iter().find(|p| everyone.iter().any(|r| r.has_place() && r.contact.id == p.id)).unwrap();
    app::events::unregister(&state, leaving, id).await.unwrap();
    let moved = mails(&t.db, &first_waiting.contact.email, "event-moved-up").await;
    assert_eq!(moved.len(), 1, "the one who moved up is told");
    let ics = check_ics(moved[0].1.as_deref().expect("with the calendar"));
    assert_eq!(ics_event(&ics, &format!("event-{id}@jobtausch"))["status"], "CONFIRMED");
    assert_eq!(
        store::events::standing(&t.db, id, first_waiting.contact.id).await.unwrap(),
        Standing::Registered,
        "the first in line has the place"
    );
    assert_eq!(
        store::events::standing(&t.db, id, second_waiting.unwrap().contact.id).await.unwrap(),
        Standing::Waiting(1),
        "the next is now first in line"
    );
    let withdrawn = mails(&t.db, &leaving.email, "event-unregistered").await;
    let cancelled = check_ics(withdrawn[0].1.as_deref().expect("a calendar that cancels it"));
    assert_eq!(ics_event(&cancelled, &format!("event-{id}@jobtausch"))["status"], "CANCELLED");
    let event = store::events::get(&t.db, id).await.unwrap();
    assert_eq!((event.registered, event.waiting), (10, 39));
    // Registering twice is refused, and changes nothing.
    let staying = people.iter().find(|p| p.id != leaving.id).unwrap();
    assert_eq!(app::events::register(&state, staying, id).await, Err(app::Error::Conflict("already-registered")));
    assert_eq!(store::events::registrants(&t.db, id).await.unwrap().len(), 49);
}

/// The event id in a redirect to its page.
fn event_of(location: &str) -> EventId {
    location.trim_start_matches("/events/").parse().unwrap()
}

/// The form of an event as the organisers' page sends it.
fn form(i: &EventInput) -> Vec<(&'static str, String)> {
    vec![
        ("event_title", i.title.clone()),
        ("event_description", i.description.clone()),
        ("start_date", i.start_date.clone()),
        ("start_time", i.start_time.clone()),
        ("end_date", i.end_date.clone()),
        ("end_time", i.end_time.clone()),
        ("format", i.format.clone()),
        ("event_place", i.place.clone()),
        ("video_link", i.video_link.clone()),
        ("capacity", i.capacity.clone()),
        ("deadline_date", i.deadline_date.clone()),
        ("deadline_time", i.deadline_time.clone()),
        ("visibility", i.visibility.clone()),
    ]
}

async fn post(b: &Browser, page: &str, action: &str, fields: &[(&'static str, String)]) -> crate::app::Page {
    let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
    b.post_form(page, action, &fields).await
}

async fn pages_calendars_and_changes(db: Db) {
    let t = TestApp::start(db).await;
    t.user("dieter@musterstadt.example", Some(t.city), &[OrgRole::OrgAdmin], false).await;
    let anna = t.user("anna@musterstadt.example", Some(t.city), &[], false).await;
    let admin = t.browser();
    admin.login("dieter@musterstadt.example").await;

    // The form: reachable, labelled; bad input is shown again with its errors, nothing kept.
    let form_page = admin.get("/events/new").await;
    assert_eq!(form_page.status, 200);
    assert!(form_page.body.contains("<legend") && form_page.body.contains("for=\"event_title\""));
    let bad = EventInput { title: String::new(), capacity: "0".into(), ..input("x", 10, 5, true) };
    let refused = post(&admin, "/events/new", "/events", &form(&bad)).await;
    assert_eq!(refused.status, 422);
    assert!(refused.body.contains("error-summary") && refused.body.contains("href=\"#capacity\""));
    assert_eq!(t.count("events").await, 0, "refused input keeps nothing");

    let good = input("Virtuelles After-Work", 10, 5, true);
    let created = post(&admin, "/events/new", "/events", &form(&good)).await;
    assert_eq!(created.status, 303, "{}", created.body);
    let id = event_of(created.location.as_deref().unwrap());
    let members_only = post(&admin, "/events/new", "/events", &form(&input("Nur intern", 12, 5, false))).await;
    let internal = event_of(members_only.location.as_deref().unwrap());

    // Without signing in: the public event is listed and shown, without its video link; the
    // members' event is neither.
    let visitor = t.browser();
    let list = visitor.get("/events").await;
    assert_eq!(list.status, 200);
    assert!(list.body.contains("Virtuelles After-Work") && !list.body.contains("Nur intern"), "{}", list.body);
    let page = visitor.get(&format!("/events/{id}")).await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("18:30–20:30 Uhr"), "German times: {}", page.body);
    assert!(!page.body.contains("after-work-geheim"), "the video link is for those with a place");
    assert!(page.body.contains("/login?next=%2Fevents%2F"), "registering needs an account");
    assert_eq!(visitor.get(&format!("/events/{internal}")).await.status, 404);
    let public = app::events::upcoming_public(&state(&t), 5).await.unwrap();
    assert_eq!(public.iter().map(|e| e.title.as_str()).collect::<Vec<_>>(), ["Virtuelles After-Work"]);
    assert_eq!(public[0].path, format!("/events/{id}"));

    // Anna registers: then she sees the link, and the mail brings the calendar.
    let b = t.browser();
    b.login("anna@musterstadt.example").await;
    let before = b.get(&format!("/events/{id}")).await;
    assert!(!before.body.contains("after-work-geheim"));
    assert!(b.get("/events").await.body.contains("Nur intern"), "members see the members' events");
    let done = b.post_form(&format!("/events/{id}"), &format!("/events/{id}/register"), &[]).await;
    assert_eq!(done.status, 303);
    let after = b.get(&format!("/events/{id}")).await;
    assert!(after.body.contains("https://meet.example.de/after-work-geheim"), "{}", after.body);
    assert!(after.body.contains("Sie haben einen Platz bei dieser Veranstaltung"));
    let uid = format!("event-{id}@jobtausch");
    let confirmation = mails(&t.db, "anna@musterstadt.example", "event-registered").await;
    assert!(confirmation[0].0.contains("Virtuelles After-Work") && confirmation[0].0.contains("after-work-geheim"));
    let ics = check_ics(confirmation[0].1.as_deref().expect("the .ics"));
    let e = ics_event(&ics, &uid);
    assert_eq!((e["sequence"].as_u64(), e["status"].as_str()), (Some(0), Some("CONFIRMED")));
    assert_eq!(e["summary"], "Virtuelles After-Work");

    // Her calendar feed has the event too.
    let feed = b.post_form("/calendar", "/calendar/feed", &[]).await;
    let i = feed.body.find("id=\"feed-url\" value=\"").unwrap() + 21;
    let url = feed.body[i..].split('"').next().unwrap().to_owned();
    let fetch = || async { check_ics(&reqwest::get(&url).await.unwrap().text().await.unwrap()) };
    let first = fetch().await;
    assert_eq!(ics_event(&first, &uid)["sequence"].as_u64(), Some(0));

    // The organiser moves it to 19:00: Anna hears of it with SEQUENCE 1, and so does her feed.
    let moved = EventInput { start_time: "19:00".into(), ..good.clone() };
    let mut fields = form(&moved);
    fields.push(("sequence", "0".into()));
    let edit = post(&admin, &format!("/events/{id}/edit"), &format!("/events/{id}/edit"), &fields).await;
    assert_eq!(edit.status, 303, "{}", edit.body);
    let changed = mails(&t.db, "anna@musterstadt.example", "event-changed").await;
    let e2 = check_ics(changed[0].1.as_deref().unwrap());
    assert_eq!(ics_event(&e2, &uid)["sequence"].as_u64(), Some(1), "a change raises SEQUENCE");
    assert_ne!(ics_event(&e2, &uid)["dtstart"], e["dtstart"]);
    assert_eq!(ics_event(&fetch().await, &uid)["sequence"].as_u64(), Some(1));
    // The same form sent again (on the old version) is refused: someone changed it meanwhile.
    let stale = post(&admin, &format!("/events/{id}/edit"), &format!("/events/{id}/edit"), &fields).await;
    assert_eq!(stale.status, 409);

    // Cancelled: everyone with a place gets a calendar that cancels it.
    let cancel = admin.post_form(&format!("/events/{id}"), &format!("/events/{id}/cancel"), &[]).await;
    assert_eq!(cancel.status, 303);
    let gone = mails(&t.db, "anna@musterstadt.example", "event-cancelled").await;
    let e3 = check_ics(gone[0].1.as_deref().unwrap());
    assert_eq!(ics_event(&e3, &uid)["status"], "CANCELLED");
    assert_eq!(ics_event(&e3, &uid)["sequence"].as_u64(), Some(2));
    assert_eq!(ics_event(&fetch().await, &uid)["status"], "CANCELLED", "the feed keeps it, cancelled");
    assert!(b.get(&format!("/events/{id}")).await.body.contains("Abgesagt"));
    let _ = anna;
}

async fn who_may_do_what(db: Db) {
    let t = TestApp::start(db).await;
    let state = state(&t);
    let admin = t.user("dieter@musterstadt.example", Some(t.city), &[OrgRole::OrgAdmin], false).await;
    let other_admin = t.user("frank@verband.example", Some(t.assoc), &[OrgRole::OrgAdmin], false).await;
    let anna = t.user("anna@musterstadt.example", Some(t.city), &[], false).await;
    let eva = t.user("eva@verband.example", Some(t.assoc), &[], false).await;
    let id = app::events::create(&state, &account(&t, admin).await, &input("Treffen", 10, 5, true)).await.unwrap();
    for u in [anna, eva] {
        app::events::register(&state, &account(&t, u).await, id).await.unwrap();
    }
    // A display name made to run as a formula in a spreadsheet.
    store::testing::execute(
        &t.db,
        "UPDATE users SET display_name = '=HYPERLINK(\"x\")' WHERE email_norm = 'eva@verband.example'",
    )
    .await;

    let participant = account(&t, anna).await;
    assert_eq!(
        app::events::create(&state, &participant, &input("Meins", 10, 5, true)).await,
        Err(app::Error::Forbidden("event-organisers-only"))
    );
    assert_eq!(
        app::events::registrations(&state, &participant, id).await.map(|_| ()),
        Err(app::Error::Forbidden("event-organisers-only"))
    );
    assert_eq!(
        app::events::registrations(&state, &account(&t, other_admin).await, id).await.map(|_| ()),
        Err(app::Error::Forbidden("event-organisers-only")),
        "another organisation's admin does not run it"
    );
    assert_eq!(t.count("events").await, 1);

    // The pages say the same.
    let b = t.browser();
    b.login("anna@musterstadt.example").await;
    assert_eq!(b.get("/events/new").await.status, 403);
    assert_eq!(b.get(&format!("/events/{id}/registrations")).await.status, 403);
    assert_eq!(b.get(&format!("/events/{id}/registrations.csv")).await.status, 403);
    assert_eq!(b.post_form("/events", &format!("/events/{id}/rounds"), &[]).await.status, 403);
    let page = b.get(&format!("/events/{id}")).await;
    assert!(!page.body.contains("eva@verband.example"), "attendees never see others' addresses");
    assert!(!page.body.contains("/registrations"), "no organisers' links for a participant");
    // And the API, with a problem+json.
    let token = app::tokens::create(&state, &participant, "Skript").await.unwrap().secret;
    let c = reqwest::Client::new();
    let res = c.get(t.url(&format!("/api/events/{id}/registrations"))).bearer_auth(&token).send().await.unwrap();
    assert_eq!(res.status(), 403);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let res = c.post(t.url("/api/events")).bearer_auth(&token).json(&serde_json::json!({})).send().await.unwrap();
    assert_eq!(res.status(), 403);
    let mine: Value =
        c.get(t.url(&format!("/api/events/{id}"))).bearer_auth(&token).send().await.unwrap().json().await.unwrap();
    assert_eq!(mine["standing"], "registered");
    assert_eq!(mine["video_link"], "https://meet.example.de/after-work-geheim");

    // The organiser's list has the addresses; the CSV runs no formula.
    let admin_b = t.browser();
    admin_b.login("dieter@musterstadt.example").await;
    let list = admin_b.get(&format!("/events/{id}/registrations")).await;
    assert_eq!(list.status, 200);
    assert!(list.body.contains("anna@musterstadt.example") && list.body.contains("eva@verband.example"));
    let csv = admin_b.get(&format!("/events/{id}/registrations.csv")).await;
    assert_eq!(csv.status, 200);
    assert!(csv.headers["content-type"].to_str().unwrap().starts_with("text/csv"));
    assert!(csv.body.contains("\"'=HYPERLINK(\"\"x\"\")\""), "neutralised: {}", csv.body);
    assert!(!csv.body.contains(",\"=") && !csv.body.contains("\n\"="), "no cell starts a formula: {}", csv.body);
    assert!(csv.body.contains("anna@musterstadt.example"));
    // Bad input through the API: problem+json naming the fields, nothing kept.
    let admin_token = app::tokens::create(&state, &account(&t, admin).await, "Skript").await.unwrap().secret;
    let res = c
        .post(t.url("/api/events"))
        .bearer_auth(&admin_token)
        .json(&serde_json::json!({"event_title": "", "format": "online", "video_link": "http://unsicher.example"}))
        .send()
        .await
        .unwrap();
    assert_eq!(res.status(), 422);
    assert_eq!(res.headers()["content-type"], "application/problem+json");
    let problem: Value = res.json().await.unwrap();
    let fields: Vec<&str> =
        problem["errors"].as_array().unwrap().iter().map(|e| e["field"].as_str().unwrap()).collect();
    assert!(fields.contains(&"event_title") && fields.contains(&"video_link"), "{problem}");
    assert_eq!(t.count("events").await, 1);
}

async fn reminders_once_each_with_a_moved_clock(db: Db) {
    let t = TestApp::start(db).await;
    let state = state(&t);
    let organiser = account(&t, t.user("koordination@jobtausch.example", None, &[], true).await).await;
    let id = app::events::create(&state, &organiser, &input("Abendrunde", 3, 10, true)).await.unwrap();
    let anna = account(&t, t.user("anna@musterstadt.example", Some(t.city), &[], false).await).await;
    let eva = account(&t, t.user("eva@verband.example", Some(t.assoc), &[], false).await).await;
    for me in [&anna, &eva] {
        app::events::register(&state, me, id).await.unwrap();
    }
    let e = store::events::get(&t.db, id).await.unwrap();
    let start: DateTime<Utc> = e.draft.starts_at;

    assert_eq!(app::events::run(&state, store::now()).await.unwrap(), 0, "three days ahead: nothing yet");
    let day_before = start - Duration::hours(23);
    // Two workers at the same moment: one sends.
    let (a, b) = tokio::join!(app::events::run(&state, day_before), app::events::run(&state, day_before));
    assert_eq!(a.unwrap() + b.unwrap(), 1, "the day's reminder once");
    assert_eq!(app::events::run(&state, day_before + Duration::hours(2)).await.unwrap(), 0);
    assert_eq!(count_kind(&t.db, "event-reminder-day").await, 2, "one to each with a place");
    let reminder = &mails(&t.db, "anna@musterstadt.example", "event-reminder-day").await[0].0;
    assert!(reminder.contains("https://meet.example.de/after-work-geheim"), "with the link: {reminder}");
    let hour_before = start - Duration::minutes(50);
    assert_eq!(app::events::run(&state, hour_before).await.unwrap(), 1);
    assert_eq!(app::events::run(&state, hour_before + Duration::minutes(10)).await.unwrap(), 0);
    assert_eq!(count_kind(&t.db, "event-reminder-hour").await, 2);
    assert_eq!(count_kind(&t.db, "event-reminder-day").await, 2, "the day's reminder is not repeated");

    // A round was drawn: after the event each one hears once whom they met.
    app::events::draw_round(&state, &organiser, id).await.unwrap();
    let after = e.draft.ends_at + Duration::minutes(5);
    assert_eq!(app::events::run(&state, after).await.unwrap(), 1);
    assert_eq!(app::events::run(&state, after + Duration::hours(1)).await.unwrap(), 0);
    let met = mails(&t.db, "anna@musterstadt.example", "event-met").await;
    assert_eq!(met.len(), 1, "one mail after the event");
    assert!(met[0].0.contains("eva") && met[0].0.contains(&format!("/people/{}", eva.id)), "{}", met[0].0);
    assert!(!met[0].0.contains("eva@verband.example"), "no address of the partner");
    assert_eq!(mails(&t.db, "eva@verband.example", "event-met").await.len(), 1);

    // A year after the event, who came and met whom is deleted; the event stays.
    let swept = app::retention::run(&state, e.draft.ends_at + Duration::days(300)).await.unwrap();
    assert_eq!(swept.event_attendance, 0, "kept for a year");
    let swept = app::retention::run(&state, e.draft.ends_at + Duration::days(370)).await.unwrap();
    assert!(swept.event_attendance >= 4, "{swept:?}");
    assert_eq!(t.count("event_registrations").await + t.count("event_round_members").await, 0);
    assert_eq!(t.count("events").await, 1);
}

fn profile(open: bool, shared: bool) -> ProfileInput {
    ProfileInput {
        role_title: "Digitalisierungsbeauftragte".into(),
        unit: "Stabsstelle Digitalisierung".into(),
        topics: "Open Data, E-Akte".into(),
        wants_to_learn: "Rechenzentrumsbetrieb".into(),
        languages: "de".into(),
        travel_radius_km: "150".into(),
        open_to_swap: open,
        shared_with_own_org: shared,
        ..Default::default()
    }
}

async fn tauschrunden_and_who_is_open_to_a_swap(db: Db) {
    let t = TestApp::start(db).await;
    let state = state(&t);
    t.user("koordination@jobtausch.example", None, &[], true).await;
    let anna = account(&t, t.user("anna@musterstadt.example", Some(t.city), &[], false).await).await;
    let carla = account(&t, t.user("carla@musterstadt.example", Some(t.city), &[], false).await).await;
    let eva = account(&t, t.user("eva@verband.example", Some(t.assoc), &[], false).await).await;
    let frank = account(&t, t.user("frank@verband.example", Some(t.assoc), &[], false).await).await;
    // Carla is open to a swap but keeps it from her own organisation.
    app::profiles::save(&state, &carla, &profile(true, false)).await.unwrap();
    app::profiles::save(&state, &eva, &profile(true, true)).await.unwrap();
    app::profiles::save(&state, &frank, &profile(false, false)).await.unwrap();
    let org = t.browser();
    org.login("koordination@jobtausch.example").await;
    let created = post(&org, "/events/new", "/events", &form(&input("Tauschabend", 5, 10, false))).await;
    let id = event_of(created.location.as_deref().unwrap());
    for me in [&anna, &carla, &eva, &frank] {
        app::events::register(&state, me, id).await.unwrap();
    }

    // Who is open to a swap, as far as each shares it.
    let anna_b = t.browser();
    anna_b.login("anna@musterstadt.example").await;
    let page = anna_b.get(&format!("/events/{id}")).await;
    let open = &page.body[page.body.find("id=\"open-heading\"").expect("a list of people open to a swap")..];
    assert!(open.contains("eva"), "Eva shares it");
    assert!(!open.contains("carla"), "Carla's interest stays hidden from her own organisation");
    assert!(!open.contains("frank"), "Frank is not open to a swap");
    let eva_b = t.browser();
    eva_b.login("eva@verband.example").await;
    let page = eva_b.get(&format!("/events/{id}")).await;
    assert!(page.body.contains(&format!("/people/{}", carla.id)), "another organisation sees Carla's interest");

    // Two rounds drawn on the organisers' page: each pair from two organisations, no pair twice.
    for round in 1..=2 {
        let drawn = org.post_form(&format!("/events/{id}/registrations"), &format!("/events/{id}/rounds"), &[]).await;
        assert_eq!(drawn.status, 303, "round {round}: {}", drawn.body);
    }
    let rounds = store::events::rounds(&t.db, id).await.unwrap();
    assert_eq!(rounds.len(), 2);
    let org_of = |u: &UserId| if [anna.id, carla.id].contains(u) { t.city } else { t.assoc };
    let mut pairs = std::collections::HashSet::new();
    for r in &rounds {
        assert_eq!(r.groups.len(), 2);
        for g in &r.groups {
            assert_eq!(g.len(), 2);
            assert_ne!(org_of(&g[0]), org_of(&g[1]), "pairs from two organisations");
            assert!(pairs.insert(domain::event::pair_key(g[0], g[1])), "no pair meets twice");
        }
    }
    let list = org.get(&format!("/events/{id}/registrations")).await;
    assert!(list.body.contains("Runde 2") && list.body.contains("Runde 1"));

    // Anna sees her partners with their topics and the way to propose a swap.
    let page = anna_b.get(&format!("/events/{id}")).await;
    assert!(page.body.contains("Ihre Tauschrunden"));
    let partner =
        rounds[0].groups.iter().find(|g| g.contains(&anna.id)).unwrap().iter().find(|u| **u != anna.id).unwrap();
    assert!(page.body.contains(&format!("/people/{partner}#propose-heading")), "{}", page.body);
    // A participant may not draw.
    assert_eq!(app::events::draw_round(&state, &anna, id).await, Err(app::Error::Forbidden("event-organisers-only")));
}
