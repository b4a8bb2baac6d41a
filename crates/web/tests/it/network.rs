//! The network grows: an employer applies ("Mitmachen") without an account, confirms its
//! address, answers the organisers' question and is approved (or refused); domain and name
//! conflicts are refused, the framework agreement's version is kept with the application; the
//! new organisation's first admin gets the invitation and the setup checklist; the public page
//! lists and maps the members as each chooses, without signing in; an umbrella association sees
//! its members.

use crate::app::{PASSWORD, TestApp};
use domain::access::OrgRole;
use store::{Db, on_both_backends};

on_both_backends!(an_employer_applies_and_is_reviewed);
on_both_backends!(the_network_shows_what_each_organisation_chooses);

/// The link in the newest mail to `to` that starts with `prefix`.
async fn link_in_mail(t: &TestApp, to: &str, prefix: &str) -> String {
    let mails = store::outbox::to_recipient(&t.db, to).await.unwrap();
    let body = &mails.first().unwrap_or_else(|| panic!("no mail to {to}")).body;
    let start = body.find(prefix).unwrap_or_else(|| panic!("no {prefix} link in {body}"));
    body[start..].split_whitespace().next().unwrap().to_owned()
}

fn application(name: &str, domain: &str, admin: &str) -> Vec<(&'static str, String)> {
    vec![
        ("name", name.into()),
        ("kind", "district".into()),
        ("region", "NI".into()),
        ("domains", domain.into()),
        ("place", "26121".into()),
        ("public_listed", "on".into()),
        ("public_map", "on".into()),
        ("admin_name", "Mara Muster".into()),
        ("admin_email", admin.into()),
        ("framework_version", "1".into()),
        ("accept_framework", "on".into()),
    ]
}

fn pairs<'a>(v: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    v.iter().map(|(k, v)| (*k, v.as_str())).collect()
}

fn with(mut v: Vec<(&'static str, String)>, key: &'static str, value: &str) -> Vec<(&'static str, String)> {
    v.retain(|(k, _)| *k != key);
    v.push((key, value.into()));
    v
}

async fn state_of(t: &TestApp, name: &str) -> String {
    let q = format!("SELECT state FROM org_applications WHERE name = '{name}'");
    store::testing::scalar_text(&t.db, &q).await
}

async fn an_employer_applies_and_is_reviewed(db: Db) {
    let t = TestApp::start(db).await;
    t.user("orga@netzwerk.example", None, &[], true).await;
    t.user("anna@musterstadt.example", Some(t.city), &[], false).await;
    let visitor = t.browser();

    // The form, without signing in: the framework agreement with its version.
    let form = visitor.get("/join").await;
    assert_eq!(form.status, 200);
    assert!(form.body.contains("Rahmenvereinbarung des Jobtausch-Netzwerks") && form.body.contains("Fassung 1"));
    assert!(form.body.contains("name=\"framework_version\" value=\"1\""));

    // Refused at their fields, nothing kept: a domain another organisation holds, an address
    // outside the domains, a name taken, the agreement not accepted.
    let good = application("Landkreis Beispiel", "lk-beispiel.example", "mara.muster@lk-beispiel.example");
    for (bad, field, says) in [
        (
            with(good.clone(), "domains", "lk-beispiel.example, musterstadt.example"),
            "domains",
            "gehört schon zu einer Organisation",
        ),
        (
            with(good.clone(), "admin_email", "mara@gmail.example"),
            "admin_email",
            "muss zu einer der angegebenen Domains",
        ),
        (with(good.clone(), "name", "stadt musterstadt"), "name", "bereits vergeben"),
        (with(good.clone(), "accept_framework", ""), "accept_framework", "Rahmenvereinbarung annimmt"),
        (with(good.clone(), "framework_version", "0"), "accept_framework", "inzwischen geändert"),
    ] {
        let p = visitor.post_form("/join", "/join", &pairs(&bad)).await;
        assert_eq!(p.status, 422, "{field}: {}", p.body);
        assert!(p.body.contains(&format!("id=\"{field}-error\"")) && p.body.contains(says), "{field}: {}", p.body);
    }
    assert_eq!(t.count("org_applications").await, 0);

    // Sent: nothing reaches the organisers before the address is confirmed.
    let sent = visitor.post_form("/join", "/join", &pairs(&good)).await;
    assert_eq!(sent.status, 200, "{}", sent.body);
    assert!(sent.body.contains("mara.muster@lk-beispiel.example"));
    assert_eq!(state_of(&t, "Landkreis Beispiel").await, "unconfirmed");
    assert!(store::outbox::to_recipient(&t.db, "orga@netzwerk.example").await.unwrap().is_empty());
    let orga = t.browser();
    orga.login("orga@netzwerk.example").await;
    assert!(!orga.get("/admin/applications").await.body.contains("Landkreis Beispiel"));

    // The applicant's link: opening it changes nothing; the button confirms.
    let link = link_in_mail(&t, "mara.muster@lk-beispiel.example", "/join/").await;
    let status = visitor.get(&link).await;
    assert!(status.body.contains("Adresse bestätigen und Antrag senden"), "{}", status.body);
    assert_eq!(state_of(&t, "Landkreis Beispiel").await, "unconfirmed");
    let p = visitor.post_form(&link, &format!("{link}/confirm"), &[]).await;
    assert_eq!(p.status, 303);
    assert_eq!(state_of(&t, "Landkreis Beispiel").await, "submitted");
    let told = store::outbox::to_recipient(&t.db, "orga@netzwerk.example").await.unwrap();
    assert!(told.len() == 1 && told[0].subject.contains("Landkreis Beispiel"));

    // Only organisers review.
    let anna = t.browser();
    anna.login("anna@musterstadt.example").await;
    assert_eq!(anna.get("/admin/applications").await.status, 403);
    let queue = orga.get("/admin/applications").await;
    let start = queue.body.find("href=\"/admin/applications/").unwrap() + "href=\"".len();
    let review: String = queue.body[start..].split('"').next().unwrap().to_owned();
    assert_eq!(anna.get(&review).await.status, 403);
    let page = orga.get(&review).await;
    assert!(page.body.contains("Fassung 1") && page.body.contains("26121 Oldenburg"), "{}", page.body);

    // A question: the applicant gets a new link (the old one stops working) and answers.
    let empty = orga.post_form(&review, &format!("{review}/ask"), &[("question", " ")]).await;
    assert_eq!(empty.status, 422);
    let q = "Gehört die Kreisverwaltung zum Zweckverband?";
    assert_eq!(orga.post_form(&review, &format!("{review}/ask"), &[("question", q)]).await.status, 303);
    assert_eq!(state_of(&t, "Landkreis Beispiel").await, "question");
    let fresh = link_in_mail(&t, "mara.muster@lk-beispiel.example", "/join/").await;
    assert_ne!(fresh, link);
    assert_eq!(visitor.get(&link).await.status, 404, "the old link no longer works");
    let asked = visitor.get(&fresh).await;
    assert!(asked.body.contains(q) && asked.body.contains("Antwort senden"));
    let a = "Nein, der Landkreis ist eigenständig.";
    assert_eq!(visitor.post_form(&fresh, &format!("{fresh}/answer"), &[("answer", a)]).await.status, 303);
    assert_eq!(state_of(&t, "Landkreis Beispiel").await, "submitted");
    assert!(orga.get(&review).await.body.contains(a));
    // No second answer without a question.
    assert_eq!(visitor.post_form(&fresh, &format!("{fresh}/answer"), &[("answer", "Noch was")]).await.status, 409);

    // A second application whose domain another organisation takes meanwhile cannot be
    // approved; it is refused with a reason the applicant reads.
    let other = application("Zweckverband Nord", "zv-nord.example", "info@zv-nord.example");
    assert_eq!(visitor.post_form("/join", "/join", &pairs(&other)).await.status, 200);
    let zv_link = link_in_mail(&t, "info@zv-nord.example", "/join/").await;
    visitor.post_form(&zv_link, &format!("{zv_link}/confirm"), &[]).await;
    let organiser = store::users::account_by_email(&t.db, "orga@netzwerk.example").await.unwrap().unwrap();
    let organiser = store::users::account(&t.db, organiser).await.unwrap().actor();
    let app = app::App::new(t.db.clone(), app::Config::new(&t.base));
    let input = app::orgs::OrgInput {
        name: "Zweckverband Nord (alt)".into(),
        kind: "association".into(),
        region: "NI".into(),
        domains: "zv-nord.example".into(),
        ..Default::default()
    };
    app::orgs::create(&app, &organiser, &input).await.unwrap();
    let queue = orga.get("/admin/applications").await.body;
    let zv_review = {
        let at = queue.find("Zweckverband Nord").unwrap();
        let start = queue[..at].rfind("href=\"/admin/applications/").unwrap() + "href=\"".len();
        queue[start..].split('"').next().unwrap().to_owned()
    };
    assert!(orga.get(&zv_review).await.body.contains("gehören inzwischen einer anderen Organisation"));
    let conflict = orga.post_form(&zv_review, &format!("{zv_review}/approve"), &[]).await;
    assert_eq!(conflict.status, 409, "{}", conflict.body);
    let reason = "Die Domain gehört bereits dem Zweckverband; bitte wenden Sie sich an dessen Admins.";
    assert_eq!(
        orga.post_form(&zv_review, &format!("{zv_review}/refuse"), &[("refusal_reason", reason)]).await.status,
        303
    );
    assert_eq!(state_of(&t, "Zweckverband Nord").await, "refused");
    let refused = &store::outbox::to_recipient(&t.db, "info@zv-nord.example").await.unwrap()[0];
    assert!(refused.body.contains(reason));
    assert!(visitor.get(&zv_link).await.body.contains(reason), "the applicant's page shows the reason");

    // Approved: the organisation exists with what the application said, and its first admin
    // is invited; a second approval changes nothing.
    assert_eq!(orga.post_form(&review, &format!("{review}/approve"), &[]).await.status, 303);
    assert_eq!(orga.post_form(&review, &format!("{review}/approve"), &[]).await.status, 409);
    let orgs = app::orgs::list(&app).await.unwrap();
    let lk = orgs.iter().find(|o| o.name == "Landkreis Beispiel").expect("the new organisation");
    let org = app::orgs::get(&app, lk.id).await.unwrap();
    assert_eq!(
        (org.kind.code(), org.region.code(), org.domains.clone()),
        ("district", "NI", vec!["lk-beispiel.example".to_owned()])
    );
    let matching = app::orgs::matching(&app, lk.id).await.unwrap();
    assert_eq!(matching.place.map(|p| p.to_string()).as_deref(), Some("26121 Oldenburg"));
    let version: String = store::testing::scalar_text(
        &t.db,
        "SELECT CAST(framework_version AS TEXT) FROM org_applications WHERE name = 'Landkreis Beispiel'",
    )
    .await;
    assert_eq!(version, "1", "the version accepted stays with the application");
    assert!(visitor.get(&fresh).await.body.contains("Aufgenommen"));

    // The first admin accepts the invitation and finds the setup checklist.
    let invitation = link_in_mail(&t, "mara.muster@lk-beispiel.example", "/invitations/").await;
    let mail = &store::outbox::to_recipient(&t.db, "mara.muster@lk-beispiel.example").await.unwrap()[0];
    assert!(mail.body.contains("Guten Tag Mara Muster") && mail.body.contains("Einrichtung"), "{}", mail.body);
    let mara = t.browser();
    let secret = invitation.trim_start_matches("/invitations/");
    let p = mara
        .post_form(
            &invitation,
            "/signup",
            &[
                ("email", "mara.muster@lk-beispiel.example"),
                ("display_name", "Mara Muster"),
                ("password", PASSWORD),
                ("password_confirm", PASSWORD),
                ("privacy_accepted", "on"),
                ("invitation", secret),
            ],
        )
        .await;
    assert_eq!(p.status, 303, "{}", p.body);
    let id = store::users::account_by_email(&t.db, "mara.muster@lk-beispiel.example").await.unwrap().unwrap();
    assert_eq!(store::users::account(&t.db, id).await.unwrap().roles, [OrgRole::OrgAdmin]);
    let home = mara.get("/").await.body;
    assert!(home.contains("Die Organisation einrichten"), "{home}");
    let page = mara.get(&format!("/orgs/{}", lk.id)).await.body;
    assert!(
        page.contains("Festlegen, was öffentlich sichtbar ist</a> – <span class=\"setup-state\">erledigt"),
        "chosen when applying"
    );
    assert!(
        page.contains("Einrichtung") && page.contains("Genehmigende benennen</a> – <span class=\"setup-state\">offen"),
        "{page}"
    );

    // A new version of the framework agreement: an application made on the old one is asked
    // to read it again.
    let p = orga
        .post_form(
            "/admin/framework",
            "/admin/framework",
            &[("framework_title", "Rahmenvereinbarung 2027"), ("framework_body", "Neu gefasst.\n\nZweiter Absatz.")],
        )
        .await;
    assert_eq!(p.status, 303);
    let late = application("Stadt Spät", "spaet.example", "amt@spaet.example");
    let p = visitor.post_form("/join", "/join", &pairs(&late)).await;
    assert_eq!(p.status, 422);
    assert!(p.body.contains("inzwischen geändert") && p.body.contains("Fassung 2"));
    assert_eq!(
        anna.post_form("/", "/admin/framework", &[("framework_title", "X"), ("framework_body", "Y")]).await.status,
        403
    );

    // Retention: an application never confirmed goes after a week, a refused one a year after
    // the refusal; the approved one stays with its organisation.
    let forgotten =
        with(application("Stadt Vergessen", "vergessen.example", "amt@vergessen.example"), "framework_version", "2");
    assert_eq!(visitor.post_form("/join", "/join", &pairs(&forgotten)).await.status, 200);
    let days = |n: i64| store::now() + chrono::Duration::days(n);
    assert_eq!(app::retention::run(&app, days(6)).await.unwrap().applications, 0);
    assert_eq!(app::retention::run(&app, days(8)).await.unwrap().applications, 1);
    assert_eq!(t.count("org_applications").await, 2);
    assert_eq!(app::retention::run(&app, days(367)).await.unwrap().applications, 1);
    assert_eq!(state_of(&t, "Landkreis Beispiel").await, "approved");
    assert_eq!(t.count("org_applications").await, 1);
}

async fn the_network_shows_what_each_organisation_chooses(db: Db) {
    let t = TestApp::start(db).await;
    t.user("admin@musterstadt.example", Some(t.city), &[OrgRole::OrgAdmin], false).await;
    t.user("vorstand@verband.example", Some(t.assoc), &[OrgRole::OrgAdmin], false).await;
    let app = app::App::new(t.db.clone(), app::Config::new(&t.base));
    let organiser = t.user("orga@netzwerk.example", None, &[], true).await;
    let organiser = store::users::account(&t.db, organiser).await.unwrap().actor();
    let member = app::orgs::OrgInput {
        name: "Regionales Rechenzentrum".into(),
        kind: "it_service_provider".into(),
        region: "HE".into(),
        parent: t.assoc.to_string(),
        domains: "rz.example".into(),
    };
    let rz = app::orgs::create(&app, &organiser, &member).await.unwrap();

    // Nobody chose yet: nothing is public.
    let visitor = t.browser();
    let page = visitor.get("/network").await;
    assert_eq!(page.status, 200);
    assert!(page.body.contains("Noch zeigt sich keine Organisation öffentlich."));
    assert!(!page.body.contains("Stadt Musterstadt"));

    // The city's admin shows it with its dot; the map needs the entry.
    let admin = t.browser();
    admin.login("admin@musterstadt.example").await;
    let org_page = format!("/orgs/{}", t.city);
    let matching = [("place", "Dresden")];
    assert_eq!(admin.post_form(&org_page, &format!("{org_page}/matching"), &matching).await.status, 303);
    let p = admin
        .post_form(&org_page, &format!("{org_page}/public"), &[("public_listed", "on"), ("public_map", "on")])
        .await;
    assert_eq!(p.status, 303);
    app::network::set_visibility(&app, &organiser, rz, false, true, true).await.unwrap();
    let page = visitor.get("/network").await.body;
    assert!(page.contains("Stadt Musterstadt") && page.contains("Dresden"), "{page}");
    assert!(!page.contains("Regionales Rechenzentrum"), "not listed: not shown, not even on the map");
    assert_eq!(page.matches("<circle").count(), 1);
    assert!(
        page.contains("role=\"img\"")
            && page.contains("<title id=\"map-title\">")
            && page.contains("<desc id=\"map-desc\">")
    );
    assert!(page.contains("mit einem Punkt am Sitz einer Organisation"), "{page}");

    // The next public events, not those for members only.
    let admin_account = store::users::account_by_email(&t.db, "admin@musterstadt.example").await.unwrap().unwrap();
    let admin_account = store::users::account(&t.db, admin_account).await.unwrap();
    let day = app::i18n::berlin(store::now() + chrono::Duration::days(9)).date_naive().format("%Y-%m-%d").to_string();
    for (title, visibility) in [("After-Work Digitalisierung", "public"), ("Interne Runde", "members")] {
        let event = domain::event::EventInput {
            title: title.into(),
            description: "Impulse und Tauschrunden.".into(),
            start_date: day.clone(),
            start_time: "18:30".into(),
            end_time: "20:00".into(),
            format: "in_person".into(),
            place: "Rathaus Dresden".into(),
            capacity: "20".into(),
            visibility: visibility.into(),
            ..Default::default()
        };
        app::events::create(&app, &admin_account, &event).await.unwrap();
    }
    let page = visitor.get("/network").await.body;
    assert!(page.contains("After-Work Digitalisierung") && page.contains("18:30–20:00 · Rathaus Dresden"), "{page}");
    assert!(!page.contains("Interne Runde"));

    // Filters, in the address (no script needed); a wrong one is said, not an error page.
    app::network::set_visibility(&app, &organiser, rz, true, false, true).await.unwrap();
    let only_cities = visitor.get("/network?kind=city").await.body;
    assert!(only_cities.contains("Stadt Musterstadt") && !only_cities.contains("Regionales Rechenzentrum"));
    let in_hesse = visitor.get("/network?region=HE").await.body;
    assert!(in_hesse.contains("Regionales Rechenzentrum") && !in_hesse.contains("Stadt Musterstadt"));
    let wrong = visitor.get("/network?region=XX").await;
    assert_eq!(wrong.status, 200);
    assert!(wrong.body.contains("Bitte einen der angebotenen Werte wählen."));

    // The association's admins see which of their members take part.
    let vorstand = t.browser();
    vorstand.login("vorstand@verband.example").await;
    let assoc_page = vorstand.get(&format!("/orgs/{}", t.assoc)).await.body;
    assert!(
        assoc_page.contains("Mitglieder Ihres Verbands im Netzwerk") && assoc_page.contains("Regionales Rechenzentrum")
    );
    // Only an organisation's admins change what it shows.
    let p = vorstand.post_form(&format!("/orgs/{}", t.assoc), &format!("/orgs/{}/public", t.city), &[]).await;
    assert_eq!(p.status, 403);
}

on_both_backends!(the_api_takes_applications_and_reviews);

async fn token(t: &TestApp, email: &str) -> String {
    let login = serde_json::json!({"email": email, "password": PASSWORD, "name": "Test"});
    let res = reqwest::Client::new().post(t.url("/api/login")).json(&login).send().await.unwrap();
    assert_eq!(res.status(), 201);
    res.json::<serde_json::Value>().await.unwrap()["token"].as_str().unwrap().to_owned()
}

async fn the_api_takes_applications_and_reviews(db: Db) {
    let t = TestApp::start(db).await;
    t.user("orga@netzwerk.example", None, &[], true).await;
    t.user("anna@musterstadt.example", Some(t.city), &[], false).await;
    let c = reqwest::Client::new();

    // Public: the network and the framework agreement; an application without a token.
    let network: serde_json::Value = c.get(t.url("/api/network")).send().await.unwrap().json().await.unwrap();
    assert_eq!((network["listed"].as_u64(), network["completed_swaps"]["value"].as_u64()), (Some(0), Some(0)));
    let framework: serde_json::Value = c.get(t.url("/api/framework")).send().await.unwrap().json().await.unwrap();
    assert_eq!(framework["version"], 1);
    let mut body = serde_json::json!({
        "name": "Amt Nordsee", "kind": "city", "region": "SH", "domains": "amt-nordsee.example",
        "place": "Flensburg", "public_listed": true, "public_map": true, "admin_name": "Ole Hansen",
        "admin_email": "ole@musterstadt.example", "framework_version": 1, "accept_framework": true
    });
    let refused = c.post(t.url("/api/applications")).json(&body).send().await.unwrap();
    assert_eq!(refused.status(), 422);
    assert_eq!(refused.headers()["content-type"], "application/problem+json");
    let problem: serde_json::Value = refused.json().await.unwrap();
    assert_eq!(problem["errors"][0]["field"], "admin_email");
    assert_eq!(problem["errors"][0]["code"], "address-outside-domains");
    body["admin_email"] = "ole@amt-nordsee.example".into();
    assert_eq!(c.post(t.url("/api/applications")).json(&body).send().await.unwrap().status(), 202);

    // Confirmed through the mail's link, it reaches the organisers' list.
    let mails = store::outbox::to_recipient(&t.db, "ole@amt-nordsee.example").await.unwrap();
    let start = mails[0].body.find("/join/").unwrap();
    let link = mails[0].body[start..].split_whitespace().next().unwrap().to_owned();
    t.browser().post_form(&link, &format!("{link}/confirm"), &[]).await;
    let anna = token(&t, "anna@musterstadt.example").await;
    assert_eq!(c.get(t.url("/api/applications")).bearer_auth(&anna).send().await.unwrap().status(), 403);
    let orga = token(&t, "orga@netzwerk.example").await;
    let list: serde_json::Value =
        c.get(t.url("/api/applications")).bearer_auth(&orga).send().await.unwrap().json().await.unwrap();
    assert_eq!(list[0]["state"], "submitted");
    assert_eq!(list[0]["framework_version"], 1);
    let id = list[0]["id"].as_str().unwrap().to_owned();

    // Approved: the organisation exists; its public settings are its admins' (and organisers').
    let approved = c.post(t.url(&format!("/api/applications/{id}/approval"))).bearer_auth(&orga).send().await.unwrap();
    assert_eq!(approved.status(), 201);
    let org = approved.json::<serde_json::Value>().await.unwrap()["organisation"].as_str().unwrap().to_owned();
    let again = c.post(t.url(&format!("/api/applications/{id}/refusal"))).bearer_auth(&orga);
    assert_eq!(again.json(&serde_json::json!({"body": "Zu spät"})).send().await.unwrap().status(), 409);
    let network: serde_json::Value = c.get(t.url("/api/network?kind=city")).send().await.unwrap().json().await.unwrap();
    assert_eq!(network["members"][0]["name"], "Amt Nordsee");
    assert!(network["members"][0]["latitude"].as_f64().unwrap() > 54.0, "Flensburg lies in the north");
    let public = format!("/api/organisations/{org}/public");
    let off = serde_json::json!({"listed": false, "map": true, "swaps": true});
    assert_eq!(c.put(t.url(&public)).bearer_auth(&anna).json(&off).send().await.unwrap().status(), 403);
    assert_eq!(c.put(t.url(&public)).bearer_auth(&orga).json(&off).send().await.unwrap().status(), 204);
    let now: serde_json::Value = c.get(t.url(&public)).bearer_auth(&orga).send().await.unwrap().json().await.unwrap();
    assert_eq!(now, serde_json::json!({"listed": false, "map": false, "swaps": false}), "the map needs the entry");
    let network: serde_json::Value = c.get(t.url("/api/network")).send().await.unwrap().json().await.unwrap();
    assert_eq!(network["listed"], 0);

    // Four eyes: an organiser does not decide on an application for their own office; another
    // one sees that its contact has an account already, which an invitation could not change.
    t.user("koordination@land.example", None, &[], true).await;
    let own = serde_json::json!({
        "name": "Netzwerkbüro", "kind": "association", "region": "BE", "domains": "netzwerk.example",
        "admin_name": "Orga", "admin_email": "orga@netzwerk.example", "framework_version": 1, "accept_framework": true
    });
    assert_eq!(c.post(t.url("/api/applications")).json(&own).send().await.unwrap().status(), 202);
    let mails = store::outbox::to_recipient(&t.db, "orga@netzwerk.example").await.unwrap();
    let start = mails[0].body.find("/join/").unwrap();
    let link = mails[0].body[start..].split_whitespace().next().unwrap().to_owned();
    t.browser().post_form(&link, &format!("{link}/confirm"), &[]).await;
    let list: serde_json::Value =
        c.get(t.url("/api/applications")).bearer_auth(&orga).send().await.unwrap().json().await.unwrap();
    let id = list.as_array().unwrap().iter().find(|a| a["name"] == "Netzwerkbüro").unwrap()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let approval = t.url(&format!("/api/applications/{id}/approval"));
    let own_decision = c.post(&approval).bearer_auth(&orga).send().await.unwrap();
    assert_eq!(own_decision.status(), 403);
    assert_eq!(
        own_decision.json::<serde_json::Value>().await.unwrap()["detail"].as_str().map(|d| d.contains("Vier-Augen")),
        Some(true)
    );
    let other = token(&t, "koordination@land.example").await;
    let review: serde_json::Value = c
        .get(t.url(&format!("/api/applications/{id}")))
        .bearer_auth(&other)
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(review["application"]["state"], "submitted");
    assert_eq!(c.post(&approval).bearer_auth(&other).send().await.unwrap().status(), 409);

    // One address gets at most three applications' mails a day.
    assert_eq!(c.post(t.url("/api/applications")).json(&own).send().await.unwrap().status(), 202);
    assert_eq!(c.post(t.url("/api/applications")).json(&own).send().await.unwrap().status(), 202);
    assert_eq!(c.post(t.url("/api/applications")).json(&own).send().await.unwrap().status(), 429);
}
