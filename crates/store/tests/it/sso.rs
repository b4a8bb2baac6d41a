use crate::fixtures::{effects, org, user};
use chrono::Duration;
use domain::UserId;
use domain::org::OrgDraft;
use domain::values::Locale;
use store::sso::{self, Answer, ProviderDraft, SentAttempt};
use store::users::{self, NewUser, Proof};
use store::{Db, StoreError, now, on_both_backends};

on_both_backends!(a_provider_covers_only_domains_its_organisation_holds, a_sign_in_is_used_once_and_creates_or_links);

fn draft(domains: &[&str]) -> ProviderDraft {
    ProviderDraft {
        issuer: "https://login.kreis.example/realms/verwaltung".into(),
        client_id: "jobtausch".into(),
        client_secret: Some("geheim".into()),
        password_allowed: false,
        domains: domains.iter().map(|d| d.to_string()).collect(),
    }
}

async fn a_provider_covers_only_domains_its_organisation_holds(db: Db) {
    let kreis = org(&db, "Kreis A", "kreis.example, amt.kreis.example").await;
    let admin = user(&db, "admin@kreis.example", Some(kreis)).await;
    sso::save_provider(&db, kreis, &draft(&["kreis.example", "amt.kreis.example"]), admin, &effects("saved"))
        .await
        .unwrap();
    let p = sso::provider_for_domain(&db, "amt.kreis.example").await.unwrap().expect("covered");
    assert_eq!((p.org_id, p.org_name.as_str(), p.password_allowed), (kreis, "Kreis A", false));
    assert_eq!(p.client_secret, "geheim");

    // Saved again without a secret: the one before stays.
    let again = ProviderDraft { client_secret: None, password_allowed: true, ..draft(&["kreis.example"]) };
    sso::save_provider(&db, kreis, &again, admin, &effects("saved")).await.unwrap();
    let p = sso::provider(&db, kreis).await.unwrap().expect("registered");
    assert_eq!(
        (p.client_secret.as_str(), p.password_allowed, p.domains.clone()),
        ("geheim", true, vec!["kreis.example".to_owned()])
    );
    assert_eq!(sso::provider_for_domain(&db, "amt.kreis.example").await.unwrap(), None, "no longer covered");

    // A domain the organisation gives up is no longer sent to its provider.
    let edited = OrgDraft::parse("Kreis A", "city", "NW", "", "amt.kreis.example").unwrap();
    store::orgs::update(&db, kreis, &edited, &effects("org.updated")).await.unwrap();
    assert_eq!(sso::provider_for_domain(&db, "kreis.example").await.unwrap(), None);
    assert!(sso::provider(&db, kreis).await.unwrap().expect("still registered").domains.is_empty());

    sso::delete_provider(&db, kreis, &effects("removed")).await.unwrap();
    assert_eq!(sso::provider(&db, kreis).await.unwrap(), None);
    assert!(matches!(sso::delete_provider(&db, kreis, &effects("removed")).await, Err(StoreError::NotFound)));
}

async fn a_sign_in_is_used_once_and_creates_or_links(db: Db) {
    let kreis = org(&db, "Kreis B", "kreis-b.example").await;
    let admin = user(&db, "admin@kreis-b.example", Some(kreis)).await;
    sso::save_provider(&db, kreis, &draft(&["kreis-b.example"]), admin, &effects("saved")).await.unwrap();
    let sent = SentAttempt { org_id: kreis, nonce: "n".into(), pkce_verifier: "v".into(), next: "/profile".into() };
    sso::start_attempt(&db, "state-1", &sent, now() + Duration::minutes(10)).await.unwrap();
    sso::start_attempt(&db, "state-old", &sent, now() - Duration::seconds(1)).await.unwrap();
    assert_eq!(sso::take_sent(&db, "state-old").await.unwrap().map(|s| s.next), None, "expired");
    let taken = sso::take_sent(&db, "state-1").await.unwrap().expect("sent");
    assert_eq!((taken.nonce.as_str(), taken.pkce_verifier.as_str(), taken.next.as_str()), ("n", "v", "/profile"));
    assert!(sso::take_sent(&db, "state-1").await.unwrap().is_none(), "an answer is taken once");

    // A new person: the held answer becomes an account linked to the subject, once.
    let answer = Answer {
        org_id: kreis,
        subject: "sub-anna".into(),
        email: "anna@kreis-b.example".into(),
        display_name: "Anna".into(),
        link_user: None,
        next: "/".into(),
    };
    sso::hold_answer(&db, "held-1", &answer, now() + Duration::minutes(10)).await.unwrap();
    assert_eq!(sso::held_answer(&db, "held-1").await.unwrap(), Some(answer.clone()));
    assert!(sso::take_sent(&db, "held-1").await.unwrap().is_none(), "a held answer is not a sent sign-in");
    let anna = NewUser {
        id: UserId::new(),
        email: answer.email.clone(),
        email_norm: answer.email.clone(),
        display_name: "Anna".into(),
        password_hash: String::new(),
        org_id: Some(kreis),
        locale: Locale::De,
        organiser: false,
        verified: false,
    };
    let proof = Proof::Provider { org: kreis, subject: "sub-anna".into(), answer_hash: "held-1".into() };
    users::create(&db, &anna, &proof, &effects("signup.sso")).await.unwrap();
    assert!(users::account(&db, anna.id).await.unwrap().verified, "the provider vouched for the address");
    assert_eq!(sso::identity_user(&db, kreis, "sub-anna").await.unwrap(), Some(anna.id));
    assert_eq!(sso::held_answer(&db, "held-1").await.unwrap(), None, "used up");
    let twice = NewUser { id: UserId::new(), email_norm: "x@kreis-b.example".into(), ..anna.clone() };
    assert!(matches!(users::create(&db, &twice, &proof, &effects("signup.sso")).await, Err(StoreError::NotFound)));

    // An existing account: linked, and its address counts as verified.
    let bernd = user(&db, "bernd@kreis-b.example", Some(kreis)).await;
    let link =
        Answer { subject: "sub-bernd".into(), email: "bernd@kreis-b.example".into(), link_user: Some(bernd), ..answer };
    sso::hold_answer(&db, "held-2", &link, now() + Duration::minutes(10)).await.unwrap();
    sso::link(&db, "held-2", bernd, &link, &effects("sso.linked")).await.unwrap();
    assert_eq!(sso::identity_user(&db, kreis, "sub-bernd").await.unwrap(), Some(bernd));
    assert!(matches!(sso::link(&db, "held-2", bernd, &link, &effects("sso.linked")).await, Err(StoreError::NotFound)));
    // One subject per account and provider: another subject for Bernd is refused, not a 500.
    let other = Answer { subject: "sub-bernd-neu".into(), ..link.clone() };
    sso::hold_answer(&db, "held-3", &other, now() + Duration::minutes(10)).await.unwrap();
    assert!(matches!(sso::link(&db, "held-3", bernd, &other, &effects("sso.linked")).await, Err(StoreError::Taken(_))));

    // Sessions remember the provider that opened them, for the logout there.
    users::create_session(
        &db,
        bernd,
        "sess-sso",
        users::SessionLimits::default(),
        Some(kreis.into()),
        &effects("login"),
    )
    .await
    .unwrap();
    assert_eq!(users::delete_session(&db, "sess-sso").await.unwrap(), Some(kreis));
    users::create_session(&db, bernd, "sess-pw", users::SessionLimits::default(), None, &effects("login"))
        .await
        .unwrap();
    assert_eq!(users::delete_session(&db, "sess-pw").await.unwrap(), None);

    // A session counts as signed in when the provider says the person authenticated (an
    // answer from the provider's own older session is not a fresh sign-in), never later than now.
    let earlier = now() - Duration::minutes(20);
    let via = users::ProviderSignIn { org: kreis, authenticated_at: Some(earlier) };
    let limits = users::SessionLimits::default();
    users::create_session(&db, bernd, "sess-old", limits, Some(via), &effects("login")).await.unwrap();
    let live = users::session_user(&db, "sess-old", limits).await.unwrap().unwrap();
    assert_eq!(live.signed_in_at, earlier);
    let future = users::ProviderSignIn { org: kreis, authenticated_at: Some(now() + Duration::hours(1)) };
    users::create_session(&db, bernd, "sess-skew", limits, Some(future), &effects("login")).await.unwrap();
    let live = users::session_user(&db, "sess-skew", limits).await.unwrap().unwrap();
    assert!(live.signed_in_at <= now(), "a provider's clock ahead of ours does not make a session fresh for longer");
}
