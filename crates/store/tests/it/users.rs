use crate::fixtures::{effects, org, user};
use chrono::Duration;
use domain::access::OrgRole;
use domain::values::Locale;
use domain::{TokenId, UserId};
use store::users::{self, NewUser, Proof, SessionLimits, UsedBy};
use store::{Db, OutboxMail, StoreError, now, on_both_backends};

on_both_backends!(
    signup_with_link_then_verify,
    invitation_grants_role_once,
    sessions_expire,
    login_failures_lock,
    api_tokens
);

fn new_user(email: &str, org: Option<domain::OrgId>) -> NewUser {
    NewUser {
        id: UserId::new(),
        email: email.into(),
        email_norm: email.to_lowercase(),
        display_name: "Anna".into(),
        password_hash: "h".into(),
        org_id: org,
        locale: Locale::En,
        organiser: false,
        verified: false,
    }
}

async fn signup_with_link_then_verify(db: Db) {
    let a = org(&db, "Stadt A", "a.example").await;
    let u = new_user("Anna@a.example", Some(a));
    let mail = OutboxMail {
        kind: "verify",
        recipient: u.email.clone(),
        subject: "s".into(),
        body: "b".into(),
        attachment: None,
    };
    let proof = Proof::VerifyLink { token_hash: "h1".into(), expires_at: now() + Duration::hours(24) };
    users::create(&db, &u, &proof, &effects("signup").with_mail(mail)).await.unwrap();
    assert_eq!(
        store::outbox::to_recipient(&db, "Anna@a.example").await.unwrap().len(),
        1,
        "mail written with the account"
    );
    assert!(!users::account(&db, u.id).await.unwrap().verified);
    // The same address in another case is the same account.
    let again = NewUser { id: UserId::new(), ..new_user("anna@A.example", Some(a)) };
    assert!(matches!(
        users::create(&db, &again, &Proof::Operator, &effects("x")).await,
        Err(StoreError::Taken("email"))
    ));
    assert!(matches!(users::verify_email(&db, "wrong", |_| effects("v")).await, Err(StoreError::NotFound)));
    assert_eq!(users::verify_email(&db, "h1", |_| effects("v")).await.unwrap(), u.id);
    let acc = users::account(&db, u.id).await.unwrap();
    assert!(acc.verified);
    assert_eq!(acc.locale, Locale::En);
    assert_eq!(acc.org_name.as_deref(), Some("Stadt A"));
    assert!(
        matches!(users::verify_email(&db, "h1", |_| effects("v")).await, Err(StoreError::NotFound)),
        "a link works once"
    );
}

async fn invitation_grants_role_once(db: Db) {
    let a = org(&db, "Stadt A", "a.example").await;
    let admin = user(&db, "admin@a.example", Some(a)).await;
    users::invite(
        &db,
        a,
        "bernd@elsewhere.example",
        Some(OrgRole::Approver),
        admin,
        "inv",
        now() + Duration::days(7),
        &effects("i"),
    )
    .await
    .unwrap();
    let inv = users::invitation(&db, "inv").await.unwrap().unwrap();
    assert_eq!(inv.role, Some(OrgRole::Approver));
    let wrong_address = new_user("eve@elsewhere.example", Some(a));
    let proof = Proof::Invitation { token_hash: "inv".into() };
    assert!(matches!(users::create(&db, &wrong_address, &proof, &effects("x")).await, Err(StoreError::NotFound)));
    let bernd = new_user("bernd@elsewhere.example", Some(a));
    users::create(&db, &bernd, &proof, &effects("x")).await.unwrap();
    let acc = users::account(&db, bernd.id).await.unwrap();
    assert!(acc.verified);
    assert_eq!(acc.roles, [OrgRole::Approver]);
    let other = new_user("bernd2@elsewhere.example", Some(a));
    assert!(users::create(&db, &other, &proof, &effects("x")).await.is_err(), "an invitation is used once");
}

async fn sessions_expire(db: Db) {
    let o = org(&db, "Stadt", "x.example").await;
    let u = user(&db, "s@x.example", Some(o)).await;
    let limits = SessionLimits::default();
    users::create_session(&db, u, "sess", limits, None, &effects("login")).await.unwrap();
    let live = users::session_user(&db, "sess", limits).await.unwrap().expect("a live session");
    assert_eq!(live.account, users::account(&db, u).await.unwrap(), "the session's account as read alone");
    assert_eq!((live.account.roles.len(), live.unread), (0, 0));
    assert!(!live.note_use, "just created: nothing to note for a minute");
    // With two roles and a message: one account, both roles, the count.
    for role in [OrgRole::Approver, OrgRole::OrgAdmin] {
        store::orgs::grant_role(&db, o, u, role, &effects("role")).await.unwrap();
    }
    let mut fx = effects("notice");
    fx.inbox.push(store::InboxItem { user: u, swap: None, kind: "proposed", text: "Hallo".into() });
    store::outbox::record(&db, &fx).await.unwrap();
    let live = users::session_user(&db, "sess", limits).await.unwrap().expect("a live session");
    let mut roles = live.account.roles.clone();
    roles.sort_by_key(|r| r.code());
    assert_eq!(roles, [OrgRole::Approver, OrgRole::OrgAdmin]);
    assert_eq!(live.unread, 1);
    assert_eq!(live.account, users::account(&db, u).await.unwrap());
    let idle_gone = SessionLimits { idle: Duration::zero(), absolute: Duration::hours(1) };
    assert_eq!(users::session_user(&db, "sess", idle_gone).await.unwrap(), None, "idle for too long");
    users::create_session(
        &db,
        u,
        "s2",
        SessionLimits { idle: Duration::hours(1), absolute: Duration::zero() },
        None,
        &effects("l"),
    )
    .await
    .unwrap();
    assert_eq!(users::session_user(&db, "s2", limits).await.unwrap(), None, "past its absolute end");
    users::create_session(&db, u, "s3", limits, None, &effects("login")).await.unwrap();
    users::delete_session(&db, "s3").await.unwrap();
    assert_eq!(users::session_user(&db, "s3", limits).await.unwrap(), None);
}

async fn login_failures_lock(db: Db) {
    for _ in 0..4 {
        assert_eq!(users::record_login_failure(&db, "x@y.example", &effects("f")).await.unwrap(), None);
    }
    assert!(users::login_locked_until(&db, "x@y.example").await.unwrap().is_none());
    assert!(users::record_login_failure(&db, "x@y.example", &effects("f")).await.unwrap().is_some());
    assert!(users::login_locked_until(&db, "x@y.example").await.unwrap().is_some());
    assert!(users::login_locked_until(&db, "other@y.example").await.unwrap().is_none());
    users::clear_login_failures(&db, "x@y.example").await.unwrap();
    assert!(users::login_locked_until(&db, "x@y.example").await.unwrap().is_none());
}

async fn api_tokens(db: Db) {
    let u = user(&db, "t@x.example", None).await;
    let v = user(&db, "v@x.example", None).await;
    let id = users::create_token(&db, u, "Skript", "th", &effects("t")).await.unwrap();
    assert_eq!(users::token_user(&db, "th").await.unwrap(), Some((u, true)), "never used: its use is to be noted");
    assert_eq!(users::tokens(&db, u).await.unwrap()[0].last_used_at, None, "reading the token wrote nothing");
    let at = store::now();
    assert!(users::note_use(&db, UsedBy::ApiToken, "th", at).await.unwrap());
    assert!(!users::note_use(&db, UsedBy::ApiToken, "th", at + Duration::seconds(30)).await.unwrap(), "once a minute");
    assert_eq!(users::token_user(&db, "th").await.unwrap(), Some((u, false)));
    let list = users::tokens(&db, u).await.unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].last_used_at, Some(at));
    assert!(matches!(users::revoke_token(&db, v, id, &effects("r")).await, Err(StoreError::NotFound)), "not v's token");
    assert!(matches!(users::revoke_token(&db, u, TokenId::new(), &effects("r")).await, Err(StoreError::NotFound)));
    users::revoke_token(&db, u, id, &effects("r")).await.unwrap();
    assert_eq!(users::token_user(&db, "th").await.unwrap(), None);
    assert!(users::tokens(&db, u).await.unwrap().is_empty());
}
