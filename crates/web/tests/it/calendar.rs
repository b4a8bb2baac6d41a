//! Calendars: the private feed (made, renewed, revoked on /calendar; read without a session by
//! calendar programs), a swap's one-off .ics, and every file parsed strictly by PyPI icalendar
//! (scripts/check_ics.py) as docs testing.md asks.

use crate::app::{Browser, TestApp, fx};
use chrono::{Days, Utc};
use domain::access::{Actor, OrgRole};
use domain::org::Policy;
use domain::swap::{Swap, SwapState};
use domain::values::{IsoWeek, Locale};
use domain::week::BriefingInput;
use domain::{OrgId, SwapId, UserId};
use serde_json::Value;
use std::path::Path;
use std::process::Command;
use store::{Db, on_both_backends};

on_both_backends!(the_feed_follows_the_week_without_a_login, swap_calendar_for_members_only);

/// The strict check of testing.md; returns check_ics.py's summary of the one file.
pub fn check_ics(ics: &str) -> Value {
    let python = std::env::var("JOBTAUSCH_TEST_PYTHON").expect(
        "JOBTAUSCH_TEST_PYTHON is not set: start the services with `eval \"$(scripts/services.sh start)\"` \
         (it installs scripts/requirements-test.txt, with icalendar, into a venv)",
    );
    let script = Path::new(&crate::manifest_dir()).join("../../scripts/check_ics.py");
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("feed.ics");
    std::fs::write(&file, ics).unwrap();
    let out = Command::new(&python).arg(&script).arg(&file).output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "check_ics.py refused the calendar:\n{stderr}\n{ics}");
    let summary: Value = serde_json::from_slice(&out.stdout).unwrap();
    summary[0].clone()
}

/// The event with `uid` in a check_ics summary.
pub fn event<'a>(summary: &'a Value, uid: &str) -> &'a Value {
    summary["events"].as_array().unwrap().iter().find(|e| e["uid"] == uid).unwrap_or_else(|| panic!("no {uid}"))
}

/// A calendar program: no cookies, no session.
async fn fetch(url: &str) -> reqwest::Response {
    reqwest::Client::new().get(url).send().await.unwrap()
}

struct World {
    app: TestApp,
    state: web::App,
    anna: UserId,
    eva: UserId,
    swap: Swap,
}

fn approver(user: UserId, org: OrgId) -> Actor {
    Actor { user_id: user, org_id: Some(org), roles: vec![OrgRole::Approver], organiser: false }
}

fn member(user: UserId, org: OrgId) -> Actor {
    Actor { user_id: user, org_id: Some(org), roles: vec![], organiser: false }
}

/// Anna (city, North Rhine-Westphalia) and Eva (association, Berlin) in a confirmed swap three
/// weeks ahead, driven through the domain's happy path and stored, with its week planned.
async fn world(db: Db) -> World {
    let app = TestApp::start(db).await;
    let anna = app.user("anna@musterstadt.example", Some(app.city), &[], false).await;
    let eva = app.user("eva@verband.example", Some(app.assoc), &[], false).await;
    let bernd = app.user("bernd@musterstadt.example", Some(app.city), &[OrgRole::Approver], false).await;
    let frank = app.user("frank@verband.example", Some(app.assoc), &[OrgRole::Approver], false).await;
    app.user("sven@musterstadt.example", Some(app.city), &[], false).await;

    let (today, now) = (Utc::now().date_naive(), store::now());
    let week = IsoWeek::of(today + Days::new(21));
    let members = vec![(anna, app.city), (eva, app.assoc)];
    let (mut swap, _) = Swap::propose(SwapId::new(), week, members, None, today, now).unwrap();
    let policies = vec![(app.city, Policy::default()), (app.assoc, Policy::default())];
    swap.accept(&member(eva, app.assoc), &policies, now).unwrap();
    for i in 0..swap.approvals.len() {
        let by = if swap.approvals[i].org == app.city { approver(bernd, app.city) } else { approver(frank, app.assoc) };
        swap.approve(&by, i, "", now).unwrap();
    }
    swap.attach_agreement("h".into()).unwrap();
    swap.sign(&member(anna, app.city), "h", now).unwrap();
    swap.sign(&member(eva, app.assoc), "h", now).unwrap();
    assert_eq!(swap.state, SwapState::Confirmed);
    store::swaps::create(&app.db, &swap, &fx("swap")).await.unwrap();

    let state = web::App::new(app.db.clone(), web::Config::new(&app.base));
    assert!(app::week::ensure_plan(&state, &swap).await.unwrap(), "the week is planned");
    World { app, state, anna, eva, swap }
}

/// Makes (or renews) the feed on /calendar and returns the address the page shows once.
async fn make_feed(b: &Browser) -> String {
    let p = b.post_form("/calendar", "/calendar/feed", &[]).await;
    assert_eq!(p.status, 200, "{}", p.body);
    let i = p.body.find("id=\"feed-url\" value=\"").expect("the address is shown") + 21;
    p.body[i..].split('"').next().unwrap().to_owned()
}

async fn feed_summary(url: &str) -> Value {
    let res = fetch(url).await;
    assert_eq!(res.status(), 200);
    check_ics(&res.text().await.unwrap())
}

async fn the_feed_follows_the_week_without_a_login(db: Db) {
    let w = world(db).await;
    let anna = w.app.browser();
    anna.login("anna@musterstadt.example").await;
    let page = anna.get("/calendar").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Sie haben noch keine Kalenderadresse"), "{}", page.body);

    let url = make_feed(&anna).await;
    assert!(url.starts_with(&format!("{}/calendar/", w.app.base)) && url.ends_with(".ics"), "{url}");
    let secret = url.rsplit('/').next().unwrap().trim_end_matches(".ics");
    let again = anna.get("/calendar").await;
    assert!(!again.body.contains(secret), "the address is shown once only");
    assert!(again.body.contains("/calendar/feed/revoke"), "a feed can be revoked");

    // A calendar program with no cookies: the calendar, and no cookie set for it.
    let res = fetch(&url).await;
    assert_eq!(res.status(), 200);
    let h = res.headers().clone();
    assert_eq!(h["content-type"], "text/calendar; charset=utf-8");
    assert_eq!(h["content-disposition"], "inline; filename=\"jobtausch.ics\"");
    assert!(["no-store", "private, max-age=300"].contains(&h["cache-control"].to_str().unwrap()));
    assert!(h.get("set-cookie").is_none(), "calendar programs get no cookies");
    let first = check_ics(&res.text().await.unwrap());
    assert_eq!(first["method"], "PUBLISH");
    assert_eq!(first["name"], "Jobtausch – anna");

    // One event per briefing, each with its own stable UID.
    let briefings = store::week::briefings(&w.app.db, w.swap.id).await.unwrap();
    assert!(briefings.len() >= 3, "a week has several swap days");
    let events = first["events"].as_array().unwrap();
    assert_eq!(events.len(), briefings.len(), "no appointments yet: only the briefings");
    let mut uids: Vec<&str> = events.iter().map(|e| e["uid"].as_str().unwrap()).collect();
    uids.sort();
    uids.dedup();
    assert_eq!(uids.len(), events.len(), "every event has its own UID");
    for b in &briefings {
        let e = event(&first, &b.day.uid(w.swap.id));
        assert_eq!((e["status"].as_str(), e["sequence"].as_u64()), (Some("CONFIRMED"), Some(0)));
        assert!(e["summary"].as_str().unwrap().contains("eva"), "the briefing names the partner: {e}");
    }
    assert_eq!(feed_summary(&url).await["events"], first["events"], "fetching again changes nothing");
    // The fetch is noted after the answer, by a task of its own.
    let mut noted = None;
    for _ in 0..50 {
        noted = store::feeds::of_user(&w.app.db, w.anna).await.unwrap().unwrap().last_used_at;
        if noted.is_some() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(noted.is_some(), "the page can say when the feed was last fetched");

    // Move the first briefing to another time: same UID, SEQUENCE raised, new start.
    let plan = app::week::week_plan(&w.state, &w.swap).await.unwrap();
    let days: Vec<_> = briefings.iter().map(|b| b.day.clone()).collect();
    let (moved_uid, cancelled_uid) = (days[0].uid(w.swap.id), days[1].uid(w.swap.id));
    let input = BriefingInput {
        date: days[0].date.to_string(),
        time: "09:15".into(),
        minutes: "15".into(),
        link: String::new(),
    };
    let moved = days[0].reschedule(&plan, &input, &days[1..]).unwrap();
    store::week::save_briefings(&w.app.db, w.swap.id, None, &[moved], &fx("briefing.moved")).await.unwrap();
    let after_move = feed_summary(&url).await;
    let (before, after) = (event(&first, &moved_uid), event(&after_move, &moved_uid));
    assert_eq!(after["sequence"].as_u64(), Some(before["sequence"].as_u64().unwrap() + 1), "SEQUENCE rises");
    assert_ne!(after["dtstart"], before["dtstart"], "the new time is in the feed");
    // 09:15 in Berlin is 07:15 or 08:15 UTC, depending on summer time.
    assert!(
        after["dtstart"].as_str().unwrap().contains("T07:15:00")
            || after["dtstart"].as_str().unwrap().contains("T08:15:00")
    );
    assert_eq!(event(&after_move, &cancelled_uid)["sequence"], event(&first, &cancelled_uid)["sequence"]);

    // Cancel the second: still in the feed, as cancelled, with a raised SEQUENCE.
    let cancelled = days[1].cancel();
    store::week::save_briefings(&w.app.db, w.swap.id, None, &[cancelled], &fx("briefing.cancelled")).await.unwrap();
    let after_cancel = feed_summary(&url).await;
    let e = event(&after_cancel, &cancelled_uid);
    assert_eq!((e["status"].as_str(), e["sequence"].as_u64()), (Some("CANCELLED"), Some(1)));
    assert_eq!(after_cancel["events"].as_array().unwrap().len(), briefings.len(), "nothing disappears");

    // Eva's feed is her own: the same briefings, named after Anna, in her calendar.
    let eva = w.app.browser();
    eva.login("eva@verband.example").await;
    let eva_feed = feed_summary(&make_feed(&eva).await).await;
    assert_eq!(eva_feed["name"], "Jobtausch – eva");
    assert!(event(&eva_feed, &moved_uid)["summary"].as_str().unwrap().contains("anna"));

    // Renewing: the old address is dead at once, the new one works.
    let renewed = make_feed(&anna).await;
    assert_ne!(renewed, url);
    assert_eq!(fetch(&url).await.status(), 404, "the old address stops working");
    assert_eq!(feed_summary(&renewed).await["events"], after_cancel["events"]);

    // Revoking: nothing is given out any more, and the page says there is no address.
    let p = anna.post_form("/calendar", "/calendar/feed/revoke", &[]).await;
    assert_eq!((p.status, p.location.as_deref()), (303, Some("/calendar")));
    let res = fetch(&renewed).await;
    assert_eq!(res.status(), 404);
    let body = res.text().await.unwrap();
    assert!(!body.contains("BEGIN:VCALENDAR") && !body.contains(secret), "a 404 tells nothing");
    assert!(anna.get("/calendar").await.body.contains("Sie haben noch keine Kalenderadresse"));
    assert!(store::feeds::of_user(&w.app.db, w.eva).await.unwrap().is_some(), "Eva's feed is untouched");

    // Addresses that were never made.
    for path in [format!("/calendar/{}.ics", "0".repeat(64)), "/calendar/abc.ics".into(), "/calendar/x".into()] {
        assert_eq!(fetch(&w.app.url(&path)).await.status(), 404, "{path}");
    }
    // The page is for signed-in people.
    let p = w.app.browser().get("/calendar").await;
    assert_eq!(p.status, 303, "to the login page");
}

async fn swap_calendar_for_members_only(db: Db) {
    let w = world(db).await;
    let path = format!("/swaps/{}/calendar.ics", w.swap.id);

    let anna = w.app.browser();
    anna.login("anna@musterstadt.example").await;
    let p = anna.get(&path).await;
    assert_eq!(p.status, 200, "{}", p.body);
    assert_eq!(p.headers["content-type"], "text/calendar; charset=utf-8");
    let disposition = format!("attachment; filename=\"jobtausch-{}.ics\"", w.swap.week);
    assert_eq!(p.headers["content-disposition"], disposition.as_str());
    let summary = check_ics(&p.body);
    let briefings = store::week::briefings(&w.app.db, w.swap.id).await.unwrap();
    assert_eq!(summary["events"].as_array().unwrap().len(), briefings.len());
    assert!(summary["name"].as_str().unwrap().starts_with("Jobtausch KW "), "{summary}");

    // Someone else (same organisation as Anna, not a member) is told the swap does not exist.
    let sven = w.app.browser();
    sven.login("sven@musterstadt.example").await;
    assert_eq!(sven.get(&path).await.status, 404);
    assert_eq!(w.app.browser().get(&path).await.status, 303, "not signed in: to the login page");
    assert_eq!(anna.get(&format!("/swaps/{}/calendar.ics", SwapId::new())).await.status, 404);

    // The same file as a mail attachment, in English for an English mail.
    let att = app::feeds::swap_attachment(&w.state, &w.swap, w.eva, Locale::En).await.unwrap().unwrap();
    assert_eq!(att.name, format!("jobtausch-{}.ics", w.swap.week));
    assert_eq!(att.content_type, "text/calendar; charset=utf-8; method=PUBLISH");
    let summary = check_ics(&att.body);
    assert!(summary["name"].as_str().unwrap().starts_with("Jobtausch week "), "{summary}");
    let sven_id = store::users::account_by_email(&w.app.db, "sven@musterstadt.example").await.unwrap().unwrap();
    assert!(app::feeds::swap_attachment(&w.state, &w.swap, sven_id, Locale::De).await.unwrap().is_none());
}
