//! The swap week through the pages and the worker, with a clock the test moves: the plan with
//! holidays, briefings moved and refused, appointments by the host side, reminders once, the
//! week's states, check-in with a call for help, reflections hidden until all wrote, the
//! certificate and the evaluated swap.

use crate::app::{Browser, TestApp, fx};
use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use domain::access::{Actor, OrgRole};
use domain::swap::{Swap, SwapState};
use domain::values::IsoWeek;
use domain::{OrgId, SwapId, UserId};
use store::{Db, on_both_backends};

on_both_backends!(a_week_from_plan_to_certificate);

fn state(app: &TestApp) -> web::App {
    web::App::new(app.db.clone(), web::Config::new(&app.base))
}

fn actor(user: UserId, org: OrgId, roles: Vec<OrgRole>) -> Actor {
    Actor { user_id: user, org_id: Some(org), roles, organiser: false }
}

/// A swap of `members` for `week`, driven through the domain to confirmed and planned.
pub async fn confirmed_swap(app: &TestApp, members: &[(UserId, OrgId)], week: IsoWeek) -> Swap {
    let now = store::now();
    let (mut s, _) = Swap::propose(SwapId::new(), week, members.to_vec(), None, Utc::now().date_naive(), now).unwrap();
    store::swaps::create(&app.db, &s, &fx("p")).await.unwrap();
    for (u, o) in &members[1..] {
        s.accept(&actor(*u, *o, vec![]), &[], now).unwrap();
    }
    for i in 0..s.approvals.len() {
        let org = s.approvals[i].org;
        let approver = store::contacts::role_holders(&app.db, org, "approver").await.unwrap()[0].id;
        s.approve(&actor(approver, org, vec![OrgRole::Approver]), i, "", now).unwrap();
    }
    s.attach_agreement("abc".into()).unwrap();
    for (u, o) in members {
        s.sign(&actor(*u, *o, vec![]), "abc", now).unwrap();
    }
    assert_eq!(s.state, SwapState::Confirmed);
    store::swaps::save(&app.db, &s, &fx("c")).await.unwrap();
    assert!(app::week::ensure_plan(&state(app), &s).await.unwrap());
    assert!(!app::week::ensure_plan(&state(app), &s).await.unwrap(), "the plan is made once");
    s
}

fn berlin(y: i32, m: u32, d: u32, h: u32) -> DateTime<Utc> {
    chrono_tz::Europe::Berlin.with_ymd_and_hms(y, m, d, h, 0, 0).unwrap().with_timezone(&Utc)
}

async fn act(b: &Browser, swap: &str, action: &str, fields: &[(&str, &str)]) -> crate::app::Page {
    b.post_form(&format!("{swap}/week"), &format!("{swap}/week/{action}"), fields).await
}

async fn appointment(b: &Browser, swap: &str, guest: &str, date: &str, start: &str, end: &str) -> crate::app::Page {
    let fields = [
        ("guest", guest),
        ("title", "Teamrunde Digitales"),
        ("kind", "team_meeting"),
        ("date", date),
        ("start", start),
        ("end", end),
        ("place_or_link", "Raum 3.12"),
        ("note_for_guest", "Bitte stellen Sie sich kurz vor."),
    ];
    act(b, swap, "appointment", &fields).await
}

/// Each mail to `email` as its subject and body.
async fn mails_to(app: &TestApp, email: &str) -> Vec<String> {
    let mails = store::outbox::to_recipient(&app.db, email).await.unwrap();
    mails.into_iter().map(|m| format!("{}\n{}", m.subject, m.body)).collect()
}

async fn a_week_from_plan_to_certificate(db: Db) {
    let app = TestApp::start(db).await;
    // Anna (city, NW) goes to the association (BE); Eva (BE) comes to the city (NW). In week 21
    // of 2027, Thursday is Corpus Christi in NW only: Eva's leg has a holiday, the swap runs.
    let anna = app.user("anna@musterstadt.example", Some(app.city), &[], false).await;
    let eva = app.user("eva@verband.example", Some(app.assoc), &[], false).await;
    app.user("bernd@musterstadt.example", Some(app.city), &[OrgRole::Approver], false).await;
    app.user("frank@verband.example", Some(app.assoc), &[OrgRole::Approver], false).await;
    app.user("orga@netzwerk.example", None, &[], true).await;
    let week = IsoWeek::parse("w", "2027-W21").unwrap();
    let s = confirmed_swap(&app, &[(anna, app.city), (eva, app.assoc)], week).await;
    let swap = format!("/swaps/{}", s.id);
    let (a, e, o, f) = (app.browser(), app.browser(), app.browser(), app.browser());
    a.login("anna@musterstadt.example").await;
    e.login("eva@verband.example").await;
    o.login("orga@netzwerk.example").await;
    f.login("frank@verband.example").await;

    let page = a.get(&format!("{swap}/week")).await;
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.body.contains("Fronleichnam"), "the host's holiday is marked");
    assert_eq!(page.body.matches("data-planned=").count(), 5, "a briefing every day the swap runs");
    assert!(a.get(&swap).await.body.contains("id=\"week-plan-link\""));
    let stranger = app.browser();
    app.user("zoe@musterstadt.example", Some(app.city), &[], false).await;
    stranger.login("zoe@musterstadt.example").await;
    assert_eq!(stranger.get(&format!("{swap}/week")).await.status, 404, "not hers to see");

    // Briefings: a Saturday is refused and nothing changes; a move raises the sequence.
    let sat = act(
        &a,
        &swap,
        "move",
        &[("planned", "2027-05-24"), ("date", "2027-05-29"), ("time", "09:00"), ("minutes", "10")],
    )
    .await;
    assert_eq!(sat.status, 422, "{}", sat.body);
    assert!(sat.body.contains("id=\"move-2027-05-24-date-error\""), "the error stands at the date of that day");
    let stored = store::week::briefings(&app.db, s.id).await.unwrap();
    assert!(stored.iter().all(|b| b.day.sequence == 0));
    let moved = act(
        &a,
        &swap,
        "move",
        &[
            ("planned", "2027-05-24"),
            ("date", "2027-05-24"),
            ("time", "09:00"),
            ("minutes", "15"),
            ("link", "https://meet.example/jt"),
        ],
    )
    .await;
    assert_eq!(moved.status, 303, "{}", moved.body);
    let stored = store::week::briefings(&app.db, s.id).await.unwrap();
    let monday = stored.iter().find(|b| b.day.planned == NaiveDate::from_ymd_opt(2027, 5, 24).unwrap()).unwrap();
    assert_eq!((monday.day.sequence, monday.day.minutes), (1, 15));
    assert_eq!(monday.day.start_utc(), berlin(2027, 5, 24, 9), "09:00 in Berlin is 07:00 UTC in May");
    let cancelled = act(&a, &swap, "cancel-briefing", &[("planned", "2027-05-28")]).await;
    assert_eq!(cancelled.status, 303);

    // Appointments: Eva hosts Anna, so Eva enters them; Anna may not; bad ones are refused.
    let anna_id = anna.to_string();
    assert_eq!(
        appointment(&a, &swap, &anna_id, "2027-05-25", "10:00", "11:00").await.status,
        403,
        "Anna cannot plan her own visit"
    );
    let outside = appointment(&e, &swap, &anna_id, "2027-06-01", "10:00", "11:00").await;
    assert_eq!(outside.status, 422);
    assert!(outside.body.contains(&format!("id=\"appointment-{anna_id}-date-error\"")), "{}", outside.body);
    assert_eq!(appointment(&e, &swap, &anna_id, "2027-05-25", "10:00", "11:00").await.status, 303);
    let overlap = appointment(&e, &swap, &anna_id, "2027-05-25", "10:30", "12:00").await;
    assert_eq!(overlap.status, 422, "overlapping appointments for one guest are refused");
    assert!(overlap.body.contains(&format!("id=\"appointment-{anna_id}-start-error\"")));
    assert_eq!(store::week::appointments(&app.db, s.id).await.unwrap().len(), 1);
    // Anna hears of it by mail, with the swap's calendar attached (the new appointment in it).
    let mails = store::outbox::claim(&app.db, 500, store::outbox::ClaimToken::new(), chrono::Duration::minutes(2))
        .await
        .unwrap();
    let to_anna = mails
        .iter()
        .filter(|m| m.recipient == "anna@musterstadt.example" && m.body.contains("Teamrunde Digitales"))
        .filter_map(|m| m.attachment.as_ref())
        .next()
        .expect("a mail with a calendar file");
    assert!(to_anna.content_type.starts_with("text/calendar"));
    assert!(to_anna.body.starts_with("BEGIN:VCALENDAR\r\n") && to_anna.body.contains("SUMMARY:Teamrunde Digitales"));

    // The worker with a moved clock: the evening before, once; then the week runs.
    let st = state(&app);
    let run = app::week::run_week(&st, berlin(2027, 5, 23, 16)).await.unwrap();
    assert_eq!(run.reminders, 0, "not before 17:00");
    let run = app::week::run_week(&st, berlin(2027, 5, 23, 18)).await.unwrap();
    assert_eq!(run.reminders, 1);
    assert_eq!(app::week::run_week(&st, berlin(2027, 5, 23, 19)).await.unwrap().reminders, 0, "sent once");
    assert!(mails_to(&app, "anna@musterstadt.example").await.iter().any(|m| m.contains("Morgen beginnt")));
    assert_eq!(
        store::swaps::get(&app.db, s.id).await.unwrap().state,
        SwapState::Confirmed,
        "a page view moves nothing"
    );
    let run = app::week::run_week(&st, berlin(2027, 5, 24, 8)).await.unwrap();
    assert_eq!((run.began, run.reminders), (1, 1));
    assert_eq!(store::swaps::get(&app.db, s.id).await.unwrap().state, SwapState::InProgress);
    assert!(mails_to(&app, "eva@verband.example").await.iter().any(|m| m.contains("09:00")), "the morning's briefing");

    // Check-in: a call for help reaches the organisers.
    let help = act(&a, &swap, "checkin", &[("status", "help"), ("note", "")]).await;
    assert_eq!(help.status, 422, "a call for help says what is wrong");
    assert_eq!(act(&a, &swap, "checkin", &[("status", "help"), ("note", "Kein VPN-Zugang")]).await.status, 303);
    let list = o.get("/help-requests").await;
    assert!(list.body.contains("Kein VPN-Zugang"), "{}", list.body);
    assert!(mails_to(&app, "orga@netzwerk.example").await.iter().any(|m| m.contains("braucht Hilfe")));

    // Granted access is to be revoked on the Friday: its owner is reminded. The host hands the
    // VPN item to a colleague of her own organisation (someone of another one is refused).
    let access = |state: &'static str, owner: &'static str| {
        let anna = anna.to_string();
        let e = &e;
        let swap = swap.clone();
        async move {
            let fields =
                [("guest", anna.as_str()), ("item", "vpn"), ("state", state), ("due", "2027-05-21"), ("email", owner)];
            act(e, &swap, "access", &fields).await
        }
    };
    let wrong = access("granted", "bernd@musterstadt.example").await;
    assert_eq!(wrong.status, 422, "the owner belongs to the host's organisation");
    assert!(wrong.body.contains(&format!("id=\"access-{anna}-vpn-email-error\"")));
    let granted = access("granted", "frank@verband.example").await;
    assert_eq!(granted.status, 303, "{}", granted.body);
    app::week::run_week(&st, berlin(2027, 5, 28, 12)).await.unwrap();
    assert!(mails_to(&app, "frank@verband.example").await.iter().any(|m| m.contains("entziehen")));
    assert_eq!(app::week::run_week(&st, berlin(2027, 5, 28, 13)).await.unwrap().reminders, 0, "reminded once");

    // After the Friday: completed; reflections, hidden until both wrote.
    let run = app::week::run_week(&st, berlin(2027, 5, 29, 9)).await.unwrap();
    assert_eq!(run.completed, 1);
    assert_eq!(store::swaps::get(&app.db, s.id).await.unwrap().state, SwapState::Completed);
    assert_eq!(a.get(&format!("{swap}/certificate.pdf")).await.status, 409, "reflection first");
    let bad = act(
        &a,
        &swap,
        "reflection",
        &[("learned", ""), ("will_change", "Mehr Austausch"), ("recommend", "vielleicht")],
    )
    .await;
    assert_eq!(bad.status, 422);
    let ok = act(
        &a,
        &swap,
        "reflection",
        &[("learned", "Wie ein Verband arbeitet"), ("will_change", "Kürzere Wege"), ("recommend", "yes")],
    )
    .await;
    assert_eq!(ok.status, 303, "{}", ok.body);
    let eva_view = e.get(&format!("{swap}/week/after")).await;
    assert!(eva_view.body.contains("id=\"reflections-hidden\"") && !eva_view.body.contains("Kürzere Wege"));
    let pdf = a.client.get(app.url(&format!("{swap}/certificate.pdf"))).send().await.unwrap();
    assert_eq!(pdf.headers()["content-type"], "application/pdf");
    let bytes = pdf.bytes().await.unwrap();
    let text = crate::swaps::pdftotext(&bytes);
    assert!(
        text.contains("Teilnahmebescheinigung") && text.contains("anna") && text.contains("Verband kommunaler"),
        "{text}"
    );
    // It says what she did, and shows no key, placeholder or internal id.
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(flat.contains("teil an: Teamrunde Digitales."), "{flat}");
    assert!(flat.contains("anna übernahm den Platz von eva"), "{flat}");
    assert!(!flat.contains('{') && !flat.contains("certificate-") && !flat.contains(&s.id.to_string()), "{flat}");
    let info = crate::swaps::pdf_tool("pdfinfo", &bytes);
    assert!(info.contains("Tagged:          yes"));
    assert!(!info.contains("1980"), "the file's creation date is the real one: {info}");
    let fonts = crate::swaps::pdf_tool("pdffonts", &bytes);
    assert!(fonts.lines().skip(2).all(|l| l.contains(" yes ")), "every font embedded: {fonts}");
    let fb = act(&f, &swap, "feedback", &[("body", "Gerne wieder.")]).await;
    assert_eq!(fb.status, 303, "{}", fb.body);
    assert_eq!(
        act(
            &e,
            &swap,
            "reflection",
            &[("learned", "Kommunale Praxis"), ("will_change", "Mehr zuhören"), ("recommend", "yes")]
        )
        .await
        .status,
        303
    );
    assert_eq!(store::swaps::get(&app.db, s.id).await.unwrap().state, SwapState::Evaluated);
    let eva_view = e.get(&format!("{swap}/week/after")).await;
    assert!(eva_view.body.contains("Kürzere Wege") && eva_view.body.contains("Gerne wieder."));

    // Every mail of the journey, from the proposal to the reflections, reads well.
    let people = ["anna@musterstadt.example", "eva@verband.example", "frank@verband.example"];
    crate::swaps::assert_mails_readable(&app.db, &people).await;
}
