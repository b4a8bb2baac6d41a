//! Organisers and organisation admins keep organisations; everybody else may only look.

use crate::app::{PASSWORD, TestApp};
use domain::access::OrgRole;
use domain::org::{Body, PolicyRule};
use store::{Db, on_both_backends};

on_both_backends!(
    organiser_creates_admin_keeps,
    invitation_brings_in_an_approver,
    admins_keep_versioned_templates,
    members_are_searched_and_paged
);

async fn organiser_creates_admin_keeps(db: Db) {
    let app = TestApp::start(db).await;
    app.user("koordination@netz.example", None, &[], true).await;
    app.user("admin@musterstadt.example", Some(app.city), &[OrgRole::OrgAdmin], false).await;
    app.user("anna@musterstadt.example", Some(app.city), &[], false).await;
    app.user("admin@verband.example", Some(app.assoc), &[OrgRole::OrgAdmin], false).await;

    let organiser = app.browser();
    organiser.login("koordination@netz.example").await;
    let bad = organiser
        .post_form(
            "/orgs/new",
            "/orgs/new",
            &[("name", ""), ("kind", "dorf"), ("region", "NW"), ("domains", "kein domain")],
        )
        .await;
    assert_eq!(bad.status, 422);
    for f in ["name", "kind", "domains"] {
        assert!(bad.body.contains(&format!("id=\"{f}-error\"")), "no error at {f}");
    }
    let assoc = app.assoc.to_string();
    let ok = organiser
        .post_form(
            "/orgs/new",
            "/orgs/new",
            &[
                ("name", "Regionales Rechenzentrum"),
                ("kind", "it_service_provider"),
                ("region", "NW"),
                ("parent", &assoc),
                ("domains", "rz.example"),
            ],
        )
        .await;
    assert_eq!(ok.status, 303, "{}", ok.body);
    let page = organiser.get(ok.location.as_deref().unwrap()).await;
    assert!(
        page.body.contains("Regionales Rechenzentrum") && page.body.contains("Verband kommunaler IT-Dienstleister")
    );
    let orgs_before = app.count("organisations").await;
    let dup = organiser
        .post_form(
            "/orgs/new",
            "/orgs/new",
            &[("name", "regionales rechenzentrum"), ("kind", "city"), ("region", "NW")],
        )
        .await;
    assert_eq!(dup.status, 422);
    assert!(dup.body.contains("bereits vergeben"));
    assert_eq!(app.count("organisations").await, orgs_before);

    // A participant may not create organisations or change the policy.
    let anna = app.browser();
    anna.login("anna@musterstadt.example").await;
    assert_eq!(anna.get("/orgs/new").await.status, 403);
    let city = app.city.to_string();
    let page = anna.get(&format!("/orgs/{city}")).await;
    assert!(!page.body.contains("action=\"/orgs/"), "no policy form for a participant");
    let p = anna
        .post_form(&format!("/orgs/{city}"), &format!("/orgs/{city}/policy"), &[("policy_staff_council", "consent")])
        .await;
    assert_eq!(p.status, 403);

    // The city's admin sets the policy; a wrong value is refused at its field.
    let admin = app.browser();
    admin.login("admin@musterstadt.example").await;
    let all = |sc: &'static str| {
        [
            ("policy_staff_council", sc),
            ("policy_equal_opportunities", "inform"),
            ("policy_disability_representative", "not_needed"),
            ("policy_data_protection", "inform"),
        ]
    };
    let p = admin.post_form(&format!("/orgs/{city}"), &format!("/orgs/{city}/policy"), &all("veto")).await;
    assert_eq!(p.status, 422);
    assert!(p.body.contains("id=\"policy_staff_council-error\""));
    assert_eq!(store::orgs::get(&app.db, app.city).await.unwrap().policy.rule(Body::StaffCouncil), PolicyRule::Inform);
    let p = admin.post_form(&format!("/orgs/{city}"), &format!("/orgs/{city}/policy"), &all("consent")).await;
    assert_eq!(p.status, 303);
    let org = store::orgs::get(&app.db, app.city).await.unwrap();
    assert_eq!(org.policy.rule(Body::StaffCouncil), PolicyRule::Consent);
    assert_eq!(org.policy.rule(Body::EqualOpportunities), PolicyRule::Inform);

    // The admin of another organisation may not.
    let other = app.browser();
    other.login("admin@verband.example").await;
    let p = other.post_form(&format!("/orgs/{city}"), &format!("/orgs/{city}/policy"), &all("not_needed")).await;
    assert_eq!(p.status, 403);
    assert_eq!(other.get(&format!("/orgs/{city}/members")).await.status, 403);
}

async fn invitation_brings_in_an_approver(db: Db) {
    let app = TestApp::start(db).await;
    app.user("admin@musterstadt.example", Some(app.city), &[OrgRole::OrgAdmin], false).await;
    let admin = app.browser();
    admin.login("admin@musterstadt.example").await;
    let city = app.city.to_string();
    let members = format!("/orgs/{city}/members");
    let bad = admin
        .post_form(&members, &format!("/orgs/{city}/invitations"), &[("email", "kein-mail"), ("role", "approver")])
        .await;
    assert_eq!(bad.status, 422);
    let p = admin
        .post_form(
            &members,
            &format!("/orgs/{city}/invitations"),
            &[("email", "Bernd@Extern.example"), ("role", "approver")],
        )
        .await;
    assert_eq!(p.status, 303);
    let mail = &store::outbox::to_recipient(&app.db, "Bernd@extern.example").await.unwrap()[0];
    assert_eq!(mail.kind, "invite");
    assert!(mail.body.contains("mit der Rolle: Genehmigende Person"), "the invitation names the role: {}", mail.body);
    let link_of = |body: &str| {
        let start = body.find("/invitations/").unwrap();
        body[start..].split_whitespace().next().unwrap().to_owned()
    };
    let first = link_of(&mail.body);

    // Listed as open; sent again, only the new link works.
    let page = admin.get(&members).await.body;
    assert!(page.contains("bernd@extern.example · Genehmigende Person · gültig bis"), "{page}");
    let resend = format!("/orgs/{city}/invitations/resend");
    assert_eq!(admin.post_form(&members, &resend, &[("email", "bernd@extern.example")]).await.status, 303);
    let again = store::outbox::to_recipient(&app.db, "bernd@extern.example").await.unwrap();
    let path = again.iter().map(|m| link_of(&m.body)).find(|l| *l != first).expect("a new link");
    assert_ne!(app.browser().get(&first).await.status, 200, "the old link no longer works");
    assert_eq!(admin.get(&members).await.body.matches("bernd@extern.example · ").count(), 1, "one open invitation");

    // Another one is withdrawn: gone from the list, its link dead.
    let invite = format!("/orgs/{city}/invitations");
    admin.post_form(&members, &invite, &[("email", "carl@extern.example"), ("role", "participant")]).await;
    let carl = link_of(&store::outbox::to_recipient(&app.db, "carl@extern.example").await.unwrap()[0].body);
    let revoke = format!("/orgs/{city}/invitations/revoke");
    assert_eq!(admin.post_form(&members, &revoke, &[("email", "carl@extern.example")]).await.status, 303);
    assert!(!admin.get(&members).await.body.contains("carl@extern.example"));
    assert_ne!(app.browser().get(&carl).await.status, 200, "a withdrawn invitation's link no longer works");

    let bernd = app.browser();
    let form = bernd.get(&path).await;
    assert!(form.body.contains("Stadt Musterstadt"));
    let secret = path.trim_start_matches("/invitations/");
    let p = bernd
        .post_form(
            &path,
            "/signup",
            &[
                ("email", "bernd@extern.example"),
                ("display_name", "Bernd Weber"),
                ("password", PASSWORD),
                ("password_confirm", PASSWORD),
                ("privacy_accepted", "on"),
                ("invitation", secret),
            ],
        )
        .await;
    // The invitation proved his address: he is signed in at once.
    assert_eq!((p.status, p.location.as_deref()), (303, Some("/")), "{}", p.body);
    let home = bernd.get("/").await.body;
    assert!(home.contains("Willkommen, Bernd Weber") && home.contains("Sie sind angemeldet."), "{home}");
    let id = store::users::account_by_email(&app.db, "bernd@extern.example").await.unwrap().unwrap();
    let acc = store::users::account(&app.db, id).await.unwrap();
    assert_eq!(acc.org_id, Some(app.city));
    assert_eq!(acc.roles, [OrgRole::Approver]);
    // The admin sees him with his role and can take it back.
    let page = admin.get(&members).await;
    assert!(page.body.contains("Bernd Weber"));
    let p = admin
        .post_form(
            &members,
            &format!("/orgs/{city}/roles"),
            &[("user_id", &id.to_string()), ("role", "approver"), ("action", "revoke")],
        )
        .await;
    assert_eq!(p.status, 303);
    assert!(store::users::account(&app.db, id).await.unwrap().roles.is_empty());
    // The invitation is used up.
    assert_eq!(app.browser().get(&path).await.status, 404);
}

async fn admins_keep_versioned_templates(db: Db) {
    let app = TestApp::start(db).await;
    app.user("admin@musterstadt.example", Some(app.city), &[OrgRole::OrgAdmin], false).await;
    app.user("anna@musterstadt.example", Some(app.city), &[], false).await;
    let city = app.city.to_string();
    let page = format!("/orgs/{city}/templates");
    let anna = app.browser();
    anna.login("anna@musterstadt.example").await;
    assert_eq!(anna.get(&page).await.status, 403);

    let admin = app.browser();
    admin.login("admin@musterstadt.example").await;
    let view = admin.get(&page).await;
    assert!(view.body.contains("Netzwerk-Vorlage"), "the network default applies until the city has its own");
    let bad = admin.post_form(&page, &page, &[("lang", "fr"), ("title", ""), ("body", "")]).await;
    assert_eq!(bad.status, 422);
    for f in ["lang", "title", "body"] {
        assert!(bad.body.contains(&format!("id=\"{f}-error\"")), "no error at {f}");
    }
    let ok = admin
        .post_form(
            &page,
            &page,
            &[
                ("lang", "de"),
                ("title", "Verschwiegenheitserklärung der Stadt"),
                ("body", "Absatz eins {week}.\n\nAbsatz zwei."),
            ],
        )
        .await;
    assert_eq!(ok.status, 303);
    let view = admin.get(&page).await;
    assert!(view.body.contains("eigene Vorlage, Version 1"));
    let t = store::agreements::current(&app.db, app.city, "de").await.unwrap();
    assert_eq!((t.version, t.title.as_str()), (1, "Verschwiegenheitserklärung der Stadt"));
}

async fn members_are_searched_and_paged(db: Db) {
    let app = TestApp::start(db).await;
    app.user("admin@musterstadt.example", Some(app.city), &[OrgRole::OrgAdmin], false).await;
    for i in 0..30 {
        app.user(&format!("person{i:02}@musterstadt.example"), Some(app.city), &[], false).await;
    }
    app.user("orga@netzwerk.example", None, &[], true).await;
    let admin = app.browser();
    admin.login("admin@musterstadt.example").await;
    let members = format!("/orgs/{}/members", app.city);
    let cards = |body: &str| body.matches("class=\"kern-card member-card\"").count();

    let first = admin.get(&members).await.body;
    assert!(first.contains("31 Personen"), "how many there are");
    assert_eq!(cards(&first), 25, "one page at a time");
    assert!(first.contains("page=1"), "a link to the next page");
    let second = admin.get(&format!("{members}?q=&page=1")).await.body;
    assert_eq!(cards(&second), 6);
    assert!(second.contains("Vorherige Seite") && !second.contains("Nächste Seite"));

    let found = admin.get(&format!("{members}?q=PERSON07")).await.body;
    assert_eq!(cards(&found), 1, "by name, in any case");
    assert!(found.contains("person07") && found.contains("Eine Person"));
    let by_address = admin.get(&format!("{members}?q=person07%40")).await.body;
    assert_eq!(cards(&by_address), 1, "the admins search by address too");

    // The organisers see names and roles, not addresses: they do not find people by them.
    let orga = app.browser();
    orga.login("orga@netzwerk.example").await;
    let probe = orga.get(&format!("{members}?q=musterstadt.example")).await.body;
    assert_eq!(cards(&probe), 0, "an address tells the organisers nothing");
    assert!(!probe.contains("person07@"));
}
