//! Matching rounds through the pages: an organiser starts one, the engine proposes a ring over
//! the profiles, respecting organisations and blocks, and every member sees why.

use crate::app::{TestApp, fx};
use domain::org::OrgDraft;
use domain::profile::{Profile, ProfileInput};
use domain::round::{GeoPoint, OrgMatching};
use domain::{OrgId, UserId};
use store::{Db, on_both_backends};

on_both_backends!(
    round_proposes_a_ring_and_respects_the_rules,
    a_late_round_leaves_out_the_weeks_that_have_begun,
    a_declined_proposal_is_not_made_again
);

fn week_ahead(weeks: u64) -> String {
    domain::values::IsoWeek::of(chrono::Utc::now().date_naive() + chrono::Days::new(7 * weeks)).to_string()
}

async fn org(app: &TestApp, name: &str, domain: &str) -> OrgId {
    store::orgs::create(&app.db, &OrgDraft::parse(name, "state_agency", "SN", "", domain).unwrap(), &fx("o"))
        .await
        .unwrap()
}

async fn place(app: &TestApp, org: OrgId, coordinates: &str, blocked: Vec<OrgId>) {
    let m = OrgMatching { place: None, location: Some(GeoPoint::parse("c", coordinates).unwrap()), blocked };
    store::orgs::set_matching(&app.db, org, &m, &fx("m")).await.unwrap();
}

async fn person(app: &TestApp, email: &str, org: OrgId, works: &str, wants: &str, open: bool) -> UserId {
    person_with(app, email, org, (works, wants), ("E 12", "400", &week_ahead(7)), open).await
}

/// A profile with its pay grade, travel radius (km) and free weeks given.
async fn person_with(
    app: &TestApp,
    email: &str,
    org: OrgId,
    (works, wants): (&str, &str),
    (pay_grade, radius_km, availability): (&str, &str, &str),
    open: bool,
) -> UserId {
    let id = app.user(email, Some(org), &[], false).await;
    let p = Profile::parse(&ProfileInput {
        role_title: "Digitalisierung".into(),
        unit: "Stabsstelle".into(),
        pay_grade: pay_grade.into(),
        topics: works.into(),
        wants_to_learn: wants.into(),
        languages: "de".into(),
        availability: availability.into(),
        travel_radius_km: radius_km.into(),
        about: String::new(),
        open_to_swap: open,
        shared_with_own_org: false,
    })
    .unwrap();
    store::profiles::save(&app.db, id, &p, &fx("p")).await.unwrap();
    id
}

async fn round_proposes_a_ring_and_respects_the_rules(db: Db) {
    let app = TestApp::start(db).await;
    let kreis = org(&app, "Landkreis Beispiel", "kreis.example").await;
    let aufsicht = org(&app, "Landesaufsicht", "aufsicht.example").await;
    // Dresden, Berlin, Leipzig, Chemnitz; the city does not swap with its supervisory authority.
    place(&app, app.city, "51.0504, 13.7373", vec![aufsicht]).await;
    place(&app, app.assoc, "52.5200, 13.4050", vec![]).await;
    place(&app, kreis, "51.3397, 12.3731", vec![]).await;
    place(&app, aufsicht, "50.8278, 12.9214", vec![]).await;

    // A ring: Anna learns KI from Eva, Eva E-Akte from Paul, Paul Open Data from Anna.
    let anna = person(&app, "anna@musterstadt.example", app.city, "Open Data", "KI", true).await;
    let eva = person(&app, "eva@verband.example", app.assoc, "KI", "E-Akte", true).await;
    let paul = person(&app, "paul@kreis.example", kreis, "E-Akte", "Open Data", true).await;
    // A mutual fit, but the city blocked the authority:
    let carl = person(&app, "carl@musterstadt.example", app.city, "Haushalt", "Vergabe", true).await;
    let otto = person(&app, "otto@aufsicht.example", aufsicht, "Vergabe", "Haushalt", true).await;
    // A mutual fit within one organisation:
    let dora = person(&app, "dora@musterstadt.example", app.city, "Statistik", "Geodaten", true).await;
    let emil = person(&app, "emil@musterstadt.example", app.city, "Geodaten", "Statistik", true).await;
    // A perfect fit for Anna, but not open to a swap:
    let hidden = person(&app, "hanna@verband.example", app.assoc, "KI", "Open Data", false).await;
    // A mutual fit, but Fritz travels at most 50 km and Berlin is 165 km from Dresden:
    let fritz = person_with(
        &app,
        "fritz@musterstadt.example",
        app.city,
        ("Personal", "Recht"),
        ("E 12", "50", &week_ahead(7)),
        true,
    )
    .await;
    let gustav = person(&app, "gustav@verband.example", app.assoc, "Recht", "Personal", true).await;
    // A mutual fit, but ten pay-grade steps apart:
    let ida = person_with(
        &app,
        "ida@kreis.example",
        kreis,
        ("Controlling", "Beschaffung"),
        ("E 5", "400", &week_ahead(7)),
        true,
    )
    .await;
    let jonas = person_with(
        &app,
        "jonas@aufsicht.example",
        aufsicht,
        ("Beschaffung", "Controlling"),
        ("E 15", "400", &week_ahead(7)),
        true,
    )
    .await;

    app.user("orga@netzwerk.example", None, &[], true).await;
    let orga = app.browser();
    orga.login("orga@netzwerk.example").await;
    let member = app.browser();
    member.login("anna@musterstadt.example").await;
    assert_eq!(member.get("/rounds").await.status, 403, "only organisers run rounds");
    let (from, to) = (week_ahead(6), week_ahead(8));
    let refused = member.post_form("/", "/rounds", &[("from", &from), ("to", &to), ("max_cycle", "3")]).await;
    assert_eq!(refused.status, 403, "{}", refused.body);
    assert_eq!(app.count("matching_rounds").await, 0, "a member's attempt queues nothing");

    // Bad input: nothing is queued.
    let bad =
        orga.post_form("/rounds", "/rounds", &[("from", "bald"), ("to", &week_ahead(3)), ("max_cycle", "5")]).await;
    assert_eq!(bad.status, 422, "{}", bad.body);
    assert!(bad.body.contains("id=\"from-error\"") && bad.body.contains("id=\"max_cycle-error\""));
    assert_eq!(app.count("matching_rounds").await, 0);

    let started = orga
        .post_form("/rounds", "/rounds", &[("from", &from), ("to", &to), ("max_cycle", "3"), ("time_limit", "20")])
        .await;
    assert_eq!(started.status, 303, "{}", started.body);
    let round_page = started.location.unwrap();
    let mut page = orga.get(&round_page).await;
    for _ in 0..100 {
        if page.body.contains("id=\"round-figures\"") {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
        page = orga.get(&round_page).await;
    }
    assert!(page.body.contains("id=\"people-matched\">3<"), "{}", page.body);
    assert!(page.body.contains("id=\"rings\">1<") && page.body.contains("id=\"pairs\">0<"));
    assert!(page.body.contains("bewiesen optimal"));
    assert!(page.body.contains("je Person die 40 am besten passenden"), "the bound says what it covers");

    // One proposal: the ring, in cycle order from whoever the engine started with.
    let swaps = store::swaps::of_member(&app.db, anna).await.unwrap();
    assert_eq!(swaps.len(), 1);
    let ring = &swaps[0];
    assert_eq!(ring.members.len(), 3);
    let order: Vec<UserId> = ring.members.iter().map(|m| m.user).collect();
    let at = order.iter().position(|u| *u == anna).unwrap();
    assert_eq!((order[(at + 1) % 3], order[(at + 2) % 3]), (eva, paul), "Anna goes to Eva, Eva to Paul");
    assert!(ring.members.iter().all(|m| !m.accepted));
    assert_eq!(ring.week.to_string(), week_ahead(7));
    for nobody in [carl, otto, dora, emil, hidden, fritz, gustav, ida, jonas] {
        assert!(store::swaps::of_member(&app.db, nobody).await.unwrap().is_empty(), "no proposal for {nobody}");
    }

    // Every member hears of it and sees why.
    let mails = store::outbox::to_recipient(&app.db, "paul@kreis.example").await.unwrap();
    assert!(mails[0].subject.contains("Matching-Runde"), "{}", mails[0].subject);
    let view = member.get(&format!("/swaps/{}", ring.id)).await;
    assert!(view.body.contains("id=\"matched-reasons\""), "{}", view.body);
    assert!(view.body.contains("anna möchte KI lernen; eva arbeitet daran. Entfernung: 165 km."), "{}", view.body);
    assert!(view.body.contains("/accept"), "Anna may accept");
    let listing = orga.get("/rounds").await;
    assert!(listing.body.contains(&from) && listing.body.contains("fertig"));
}

async fn a_late_round_leaves_out_the_weeks_that_have_begun(db: Db) {
    let app = TestApp::start(db).await;
    place(&app, app.city, "51.0504, 13.7373", vec![]).await;
    place(&app, app.assoc, "52.5200, 13.4050", vec![]).await;
    // Both are free this week (it has begun: its Monday is today or earlier) and in three weeks.
    let free = format!("{}, {}", week_ahead(0), week_ahead(3));
    let anna =
        person_with(&app, "anna@musterstadt.example", app.city, ("Open Data", "KI"), ("E 12", "400", &free), true)
            .await;
    person_with(&app, "eva@verband.example", app.assoc, ("KI", "Open Data"), ("E 12", "400", &free), true).await;
    let orga = app.user("orga@netzwerk.example", None, &[], true).await;
    // A round queued for this week and the next three, claimed only now (as after a stall).
    let week = |w: String| domain::values::IsoWeek::parse("week", &w).unwrap();
    let period = domain::round::Period::spanning(week(week_ahead(0)), week(week_ahead(3)));
    let id = domain::RoundId::new();
    store::rounds::create(&app.db, id, &period, 2, 10, orga, &fx("r")).await.unwrap();
    let state = web::App::new(app.db.clone(), web::Config::new(&app.base));
    assert_eq!(app::rounds::run_queued(&state).await.unwrap(), 1);

    let round = store::rounds::get(&app.db, id).await.unwrap();
    assert_eq!(round.state.code(), "finished", "the round does not fail on the week that has begun");
    let swaps = store::swaps::of_member(&app.db, anna).await.unwrap();
    assert_eq!(swaps.len(), 1);
    assert_eq!(swaps[0].week.to_string(), week_ahead(3), "proposed for the week still ahead");
}

async fn a_declined_proposal_is_not_made_again(db: Db) {
    let app = TestApp::start(db).await;
    place(&app, app.city, "51.0504, 13.7373", vec![]).await;
    place(&app, app.assoc, "52.5200, 13.4050", vec![]).await;
    // Anna fits Eva and Paul equally; Eva and Paul work at the same place (no swap between them).
    let anna = person(&app, "anna@musterstadt.example", app.city, "Open Data", "KI", true).await;
    let eva = person(&app, "eva@verband.example", app.assoc, "KI", "Open Data", true).await;
    let paul = person(&app, "paul@verband.example", app.assoc, "KI", "Open Data", true).await;
    let orga = app.user("orga@netzwerk.example", None, &[], true).await;
    let week = |w: String| domain::values::IsoWeek::parse("week", &w).unwrap();
    let period = domain::round::Period::spanning(week(week_ahead(6)), week(week_ahead(8)));
    let state = web::App::new(app.db.clone(), web::Config::new(&app.base));
    let round = |name: &'static str| {
        let (db, period, state) = (app.db.clone(), period.clone(), state.clone());
        async move {
            store::rounds::create(&db, domain::RoundId::new(), &period, 2, 10, orga, &fx(name)).await.unwrap();
            assert_eq!(app::rounds::run_queued(&state).await.unwrap(), 1);
        }
    };
    let partner = |s: &domain::swap::Swap| s.members.iter().map(|m| m.user).find(|u| *u != anna).unwrap();

    round("first").await;
    let first = store::swaps::of_member(&app.db, anna).await.unwrap();
    assert_eq!(first.len(), 1);
    let declined_with = partner(&first[0]);
    assert!([eva, paul].contains(&declined_with));
    let member = app.browser();
    member.login("anna@musterstadt.example").await;
    let swap_path = format!("/swaps/{}", first[0].id);
    let declined = crate::swaps::act(
        &member,
        &swap_path,
        "decline",
        &[("reason_kind", "other"), ("reason", "Passt thematisch nicht")],
    )
    .await;
    assert_eq!(declined.status, 303, "{}", declined.body);

    // The next round over the same weeks proposes Anna to the other one, not again to the first.
    round("second").await;
    let now = store::swaps::of_member(&app.db, anna).await.unwrap();
    assert_eq!(now.len(), 2, "a new proposal beside the declined one");
    let fresh = now.iter().find(|s| s.id != first[0].id).unwrap();
    let other = if declined_with == eva { paul } else { eva };
    assert_eq!(partner(fresh), other, "not the pair Anna declined");
}
