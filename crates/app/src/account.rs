//! Accounts: sign-up (by a member organisation's domain or by invitation), verification of
//! the address, login with its lockout, sessions, password reset and the person's language.
//! Each takes raw input, parses it in `domain`, and lets `store` write the change with its
//! audit record and mails in one transaction.

use crate::notify as mail;
use crate::secrets::{hash_password, hash_secret, new_secret, verify_password};
use crate::{App, Error, Result};
use chrono::{DateTime, Utc};
use domain::error::Errors;
use domain::values::{DisplayName, Email, Locale, Password};
use domain::{FieldError, Reason, UserId};
use store::users::{Account, LinkPurpose, NewUser, Proof};
use store::{AuditEntry, Effects};

/// What a person signs up with (the form or the request body), as typed.
#[derive(Debug, Clone, Default)]
pub struct SignupInput {
    pub email: String,
    pub display_name: String,
    pub password: String,
    pub password_confirm: String,
    /// The privacy statement was shown and read.
    pub privacy_accepted: bool,
    /// The secret of an invitation link, if the person came through one.
    pub invitation: Option<String>,
}

/// Creates an account (or, for an address that has one, mails its owner instead, so that the
/// answer never tells whether an address is registered).
pub async fn signup(app: &App, lang: Locale, input: &SignupInput) -> Result<()> {
    let mut errs = Errors::default();
    let email = errs.take(Email::parse("email", &input.email));
    let name = errs.take(DisplayName::parse("display_name", &input.display_name));
    let password = errs.take(Password::parse("password", &input.password));
    if password.is_some() && input.password != input.password_confirm {
        errs.push(FieldError::new("password_confirm", Reason::Mismatch));
    }
    if !input.privacy_accepted {
        errs.push(FieldError::new("privacy_accepted", Reason::MustAccept));
    }
    let invitation = match input.invitation.as_deref().filter(|s| !s.is_empty()) {
        Some(secret) => {
            let hash = hash_secret(secret);
            match store::users::invitation(&app.db, &hash).await? {
                Some(inv) if !inv.accepted && inv.expires_at > store::now() => Some((hash, inv)),
                _ => {
                    errs.push(FieldError::new("invitation", Reason::InvitationInvalid));
                    None
                }
            }
        }
        None => None,
    };
    let org = match (&email, &invitation) {
        (Some(email), Some((_, inv))) if inv.email_norm != email.normalised() => {
            errs.push(FieldError::new("email", Reason::Mismatch));
            None
        }
        (_, Some((_, inv))) => Some(inv.org_id),
        (Some(email), None) => {
            let org = store::orgs::by_domain(&app.db, email.domain().as_str()).await?;
            if org.is_none() {
                errs.push(FieldError::new("email", Reason::DomainNotMember));
            }
            org
        }
        (None, None) => None,
    };
    // Where the organisation signs its people in through its provider only, the account is
    // made at the first sign-in there.
    if let Some(email) = &email
        && invitation.is_none()
        && crate::sso::password_refused(app, email).await?
    {
        errs.push(FieldError::new("email", Reason::UseProvider));
    }
    let (Some(email), Some(name), Some(password), Some(org)) = (email, name, password, org) else {
        return Err(errs.into_error().into());
    };
    errs.into_result()?;

    // Both ways hash the password: the time taken must not tell whether the address has an
    // account (the answer and the mail's moment do not either; the worker sends it).
    let password_hash = hash_password(&password).await?;
    if let Some(existing) = store::users::account_by_email(&app.db, &email.normalised()).await? {
        let notice = mail::already_registered(lang, &email.to_string(), &app.config.link("/login"));
        let effects =
            Effects::audit(AuditEntry::new(Some(existing), "signup.repeated", "user", existing)).with_mail(notice);
        store::outbox::record(&app.db, &effects).await?;
        return Ok(());
    }

    let user = NewUser {
        id: UserId::new(),
        email: email.to_string(),
        email_norm: email.normalised(),
        display_name: name.to_string(),
        password_hash,
        org_id: Some(org),
        locale: lang,
        organiser: false,
        verified: false,
    };
    let mut effects = Effects::audit(AuditEntry::new(Some(user.id), "signup", "user", user.id));
    let proof = match invitation {
        Some((token_hash, inv)) => {
            let detail = inv.role.map(|r| r.code()).unwrap_or("participant");
            effects
                .audit
                .push(AuditEntry::new(Some(user.id), "invitation.accepted", "organisation", org).detail(detail));
            Proof::Invitation { token_hash }
        }
        None => {
            let secret = new_secret();
            let link = app.config.link(&format!("/verify?token={secret}"));
            effects.mails.push(mail::verify(lang, &user.email, &user.display_name, &link));
            Proof::VerifyLink { token_hash: hash_secret(&secret), expires_at: store::now() + app.config.link_validity }
        }
    };
    store::users::create(&app.db, &user, &proof, &effects).await?;
    Ok(())
}

/// A link that is unknown, used or expired is refused at its `token`.
fn link_refused(e: store::StoreError) -> Error {
    match e {
        store::StoreError::NotFound => Error::field("token", Reason::InvitationInvalid),
        other => other.into(),
    }
}

/// Uses a verification link.
pub async fn verify(app: &App, secret: &str) -> Result<UserId> {
    let user = store::users::verify_email(&app.db, &hash_secret(secret), |u| {
        Effects::audit(AuditEntry::new(Some(u), "email.verified", "user", u))
    })
    .await
    .map_err(link_refused)?;
    Ok(user)
}

/// Checks an address and its password, counting failures against the lockout (the same limit
/// for every way in: the login page, the API). An address not yet verified gets a new link.
pub(crate) async fn check_password(app: &App, lang: Locale, email_raw: &str, password: &str) -> Result<Account> {
    let email = Email::parse("email", email_raw).map_err(|e| Error::Invalid(vec![e]))?;
    if crate::sso::password_refused(app, &email).await? {
        return Err(Error::field("email", Reason::UseProvider));
    }
    let key = email.normalised();
    let creds = store::users::credentials(&app.db, &key).await?;
    let hash = creds.as_ref().map(|c| c.password_hash.as_str());
    verify_counted(app, &key, hash, password, Reason::LoginFailed).await?;
    let Some(creds) = creds else { return Err(Error::field("password", Reason::LoginFailed)) };
    let user = UserId(creds.id);
    let account = store::users::account(&app.db, user).await?;
    if creds.email_verified_at.is_none() {
        let secret = new_secret();
        let link = app.config.link(&format!("/verify?token={secret}"));
        let effects = Effects::audit(AuditEntry::new(Some(user), "verify.resent", "user", user))
            .with_mail(mail::verify(lang, &account.email, &account.display_name, &link));
        let expires = store::now() + app.config.link_validity;
        store::users::add_link(&app.db, user, LinkPurpose::Verify, &hash_secret(&secret), expires, &effects).await?;
        return Err(Error::field("email", Reason::NotVerified));
    }
    Ok(account)
}

/// Checks a password against the lockout of the address `key`: refused while it is locked, a
/// failure counted (and the address locked once there are too many), success clearing the
/// count. Every place that checks a password goes through here, so that none can be used to
/// guess around the limit. `wrong` is the reason shown for a wrong password.
async fn verify_counted(app: &App, key: &str, hash: Option<&str>, password: &str, wrong: Reason) -> Result<()> {
    if let Some(until) = store::users::login_locked_until(&app.db, key).await? {
        return Err(Error::locked_until(until));
    }
    if !verify_password(hash, password).await {
        let effects = Effects::audit(AuditEntry::new(None, "login.failed", "account", key));
        if let Some(until) = store::users::record_login_failure(&app.db, key, &effects).await? {
            return Err(Error::locked_until(until));
        }
        return Err(Error::field("password", wrong));
    }
    store::users::clear_login_failures(&app.db, key).await?;
    Ok(())
}

/// Checks the password of the signed-in person again (to sign an agreement, say), under the
/// same lockout as the login.
pub(crate) async fn confirm_password(app: &App, me: &Account, password: &str) -> Result<()> {
    let key = me.email.to_lowercase();
    let creds = store::users::credentials(&app.db, &key).await?;
    verify_counted(app, &key, creds.as_ref().map(|c| c.password_hash.as_str()), password, Reason::WrongPassword).await
}

/// Checks the credentials (see [`check_password`]); on success starts a new session and
/// returns its secret.
pub async fn login(app: &App, lang: Locale, email_raw: &str, password: &str) -> Result<(String, Account)> {
    let account = check_password(app, lang, email_raw, password).await?;
    let secret = new_secret();
    let effects = Effects::audit(AuditEntry::new(Some(account.id), "login", "user", account.id));
    store::users::create_session(&app.db, account.id, &hash_secret(&secret), app.config.sessions, None, &effects)
        .await?;
    Ok((secret, account))
}

/// How long a password-reset link stays valid.
const RESET_VALIDITY: chrono::Duration = chrono::Duration::hours(1);

/// Mails a password-reset link if the address has an account; the answer is the same either
/// way, so that nobody learns who has an account.
pub async fn request_password_reset(app: &App, email_raw: &str) -> Result<()> {
    let email = Email::parse("email", email_raw)?;
    let Some(user) = store::users::account_by_email(&app.db, &email.normalised()).await? else {
        // An unknown address leaves a record too, so that both ways write once and take alike.
        let someone = hash_secret(&email.normalised());
        let effects = Effects::audit(AuditEntry::new(None, "password.reset-unknown", "account", someone));
        store::outbox::record(&app.db, &effects).await?;
        return Ok(());
    };
    let account = store::users::account(&app.db, user).await?;
    let secret = new_secret();
    let link = app.config.link(&format!("/password/reset?token={secret}"));
    let effects = Effects::audit(AuditEntry::new(None, "password.reset-requested", "user", user))
        .with_mail(mail::reset(account.locale, &account.email, &account.display_name, &link));
    store::users::add_link(
        &app.db,
        user,
        LinkPurpose::ResetPassword,
        &hash_secret(&secret),
        store::now() + RESET_VALIDITY,
        &effects,
    )
    .await?;
    Ok(())
}

/// Sets a new password with a reset link; every session of the account ends, and the owner is
/// told by mail.
pub async fn reset_password(app: &App, secret: &str, password: &str, confirm: &str) -> Result<UserId> {
    let password = Password::parse("password", password)?;
    if password.expose() != confirm {
        return Err(Error::field("password_confirm", Reason::Mismatch));
    }
    let hash = hash_password(&password).await?;
    let db = &app.db;
    let token_hash = hash_secret(secret);
    // The notice needs the account's address and language, which the link's owner decides.
    let owner = store::users::link_owner(db, &token_hash, store::users::LinkPurpose::ResetPassword)
        .await?
        .ok_or(Error::field("token", Reason::InvitationInvalid))?;
    let account = store::users::account(db, owner).await?;
    let notice = mail::security_notice(
        account.locale,
        &account.email,
        &account.display_name,
        &crate::i18n::t(account.locale, "notice-password-changed"),
    );
    let user = store::users::reset_password(db, &token_hash, &hash, |u| {
        Effects::audit(AuditEntry::new(Some(u), "password.reset", "user", u)).with_mail(notice)
    })
    .await
    .map_err(link_refused)?;
    Ok(user)
}

/// A signed-in browser: who it is, and when the session ends if nothing happens.
#[derive(Debug, Clone)]
pub struct Session {
    pub account: Account,
    /// Unread messages, for the header.
    pub unread: i64,
    pub ends: DateTime<Utc>,
    pub signed_in: SignedInAt,
}

/// When and how a live session was opened. Made only from a session read here, so a face
/// cannot claim a sign-in that did not happen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SignedInAt {
    user: UserId,
    at: DateTime<Utc>,
    via_provider: bool,
}

/// How long after signing in through the identity provider the sign-in itself confirms a
/// decision that asks for the person again (a signature, the deletion of the account).
pub const FRESH_SIGN_IN: chrono::Duration = chrono::Duration::minutes(10);

impl SignedInAt {
    pub fn at(&self) -> DateTime<Utc> {
        self.at
    }

    /// Signed in through the organisation's identity provider (which asks for the password).
    pub fn via_provider(&self) -> bool {
        self.via_provider
    }

    /// Signed in through the provider within [`FRESH_SIGN_IN`].
    pub fn is_fresh(&self) -> bool {
        self.via_provider && store::now() - self.at <= FRESH_SIGN_IN
    }
}

/// How a person shows, for a decision that asks for it, that they are the one at the keyboard:
/// their password, or (for people who sign in through their organisation's provider) a sign-in
/// there just now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirmation {
    Password(String),
    SignIn(SignedInAt),
}

/// Checks a [`Confirmation`] of `me`: the password under the login's lockout, or a fresh sign-in
/// through the provider (an older one asks to sign in there again).
pub(crate) async fn confirm(app: &App, me: &Account, how: &Confirmation) -> Result<()> {
    match how {
        Confirmation::Password(password) => confirm_password(app, me, password).await,
        Confirmation::SignIn(s) if s.user == me.id && s.is_fresh() => Ok(()),
        Confirmation::SignIn(_) => Err(Error::field("password", Reason::SignInAgain)),
    }
}

/// The session behind a session cookie's secret, if it is still valid (using it extends it).
pub async fn session(app: &App, secret: &str) -> Result<Option<Session>> {
    let hash = hash_secret(secret);
    let Some(live) = store::users::session_user(&app.db, &hash, app.config.sessions).await? else {
        return Ok(None);
    };
    if live.note_use {
        crate::touch::note_use(app, store::users::UsedBy::Session, hash);
    }
    let signed_in = SignedInAt { user: live.account.id, at: live.signed_in_at, via_provider: live.via.is_some() };
    Ok(Some(Session { account: live.account, unread: live.unread, ends: live.idle_end, signed_in }))
}

/// Ends the session behind a session cookie's secret. For a session opened through an
/// identity provider that offers it, the address that ends the person's session there too
/// (RP-initiated logout); the browser goes there next.
pub async fn logout(app: &App, secret: &str) -> Result<Option<String>> {
    let Some(org) = store::users::delete_session(&app.db, &hash_secret(secret)).await? else { return Ok(None) };
    Ok(crate::sso::logout_url(app, org).await)
}

/// Keeps the language a signed-in person chose for pages and mails.
pub async fn set_language(app: &App, me: &Account, lang: Locale) -> Result<()> {
    Ok(store::users::set_locale(&app.db, me.id, lang).await?)
}

/// Whether `me` takes the notices that need no action as one mail a day.
pub async fn takes_digest(app: &App, me: &Account) -> Result<bool> {
    Ok(store::inbox::digest_state(&app.db, me.id).await?.0)
}

/// Switches `me`'s daily digest on or off (see [`crate::notify::DIGEST_KINDS`]). Switched off,
/// what the digest still held goes out at once, collected, so nothing is lost.
pub async fn set_digest(app: &App, me: &Account, on: bool) -> Result<()> {
    if let (true, previous) = store::inbox::digest_state(&app.db, me.id).await?
        && !on
    {
        mail::make_digest(app, me.id, previous, store::now()).await?;
    }
    let effects = Effects::audit(AuditEntry::new(Some(me.id), "account.mail_digest", "user", me.id).detail(if on {
        "daily"
    } else {
        "each"
    }));
    Ok(store::inbox::set_digest(&app.db, me.id, on, store::now(), &effects).await?)
}

/// An open invitation, as its link shows it before sign-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenInvitation {
    pub email: String,
    pub organisation: String,
}

/// The invitation behind a link's secret; a used or expired one is "not found".
pub async fn invitation(app: &App, secret: &str) -> Result<OpenInvitation> {
    let inv = store::users::invitation(&app.db, &hash_secret(secret)).await?;
    let inv = inv.filter(|i| !i.accepted && i.expires_at > store::now()).ok_or(Error::NotFound)?;
    let org = store::orgs::get(&app.db, inv.org_id).await?;
    Ok(OpenInvitation { email: inv.email_norm, organisation: org.name })
}

/// Whether a password-reset link is still good (its page shows the form, or says it is not).
pub async fn reset_link_valid(app: &App, secret: &str) -> Result<bool> {
    Ok(store::users::link_owner(&app.db, &hash_secret(secret), store::users::LinkPurpose::ResetPassword)
        .await?
        .is_some())
}

/// Whether an address-confirmation link is live (unused, not expired); reads only.
pub async fn verify_link_valid(app: &App, secret: &str) -> Result<bool> {
    Ok(store::users::link_owner(&app.db, &hash_secret(secret), store::users::LinkPurpose::Verify).await?.is_some())
}

/// Creates an account with a verified address as the operator of the instance would (the
/// command line and the demo): no mail, no link. Returns its id.
pub async fn create_verified(
    app: &App,
    email: &Email,
    name: &DisplayName,
    password: &Password,
    org: Option<domain::OrgId>,
    organiser: bool,
    how: &str,
) -> Result<UserId> {
    let user = NewUser {
        id: UserId::new(),
        email: email.to_string(),
        email_norm: email.normalised(),
        display_name: name.to_string(),
        password_hash: hash_password(password).await?,
        org_id: org,
        locale: Locale::De,
        organiser,
        verified: true,
    };
    let action = if organiser { "organiser.created" } else { "user.created" };
    let effects = Effects::audit(AuditEntry::new(None, action, "user", user.id).detail(how));
    store::users::create(&app.db, &user, &Proof::Operator, &effects).await?;
    Ok(user.id)
}

/// Makes an existing account a network organiser (the command line).
pub async fn make_organiser(app: &App, email: &Email, how: &str) -> Result<Option<UserId>> {
    let Some(existing) = store::users::account_by_email(&app.db, &email.normalised()).await? else { return Ok(None) };
    let effects = Effects::audit(AuditEntry::new(None, "organiser.granted", "user", existing).detail(how));
    store::users::set_organiser(&app.db, existing, true, &effects).await?;
    Ok(Some(existing))
}

/// The account with an address, as a command-line operator names it.
pub async fn by_email(app: &App, email: &Email) -> Result<Account> {
    let id = store::users::account_by_email(&app.db, &email.normalised()).await?.ok_or(Error::NotFound)?;
    Ok(store::users::account(&app.db, id).await?)
}
