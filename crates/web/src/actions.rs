//! What the pages and the API both do, written once: sign-up, verification, login. Each takes
//! raw input, parses it in `domain`, asks `store` to write the change with its audit record and
//! mails in one transaction, and answers with an [`AppError`] that the caller presents.

use crate::AppState;
use crate::auth::{hash_password, verify_password};
use crate::error::{AppError, AppResult};
use crate::mail;
use crate::security::{hash_secret, new_secret};
use domain::error::Errors;
use domain::values::{DisplayName, Email, Locale, Password};
use domain::{FieldError, Reason, UserId};
use store::users::{Account, LinkPurpose, NewUser, Proof};
use store::{AuditEntry, Effects};

/// The sign-up form or request body.
#[derive(Debug, Clone, Default, serde::Deserialize, utoipa::ToSchema)]
pub struct SignupInput {
    #[serde(default)]
    pub email: String,
    #[serde(default)]
    pub display_name: String,
    #[serde(default)]
    pub password: String,
    #[serde(default)]
    pub password_confirm: String,
    /// The privacy statement was shown and read ("on" from the form, true in JSON).
    #[serde(default, deserialize_with = "checkbox")]
    pub privacy_accepted: bool,
    /// The secret of an invitation link, if the person came through one.
    #[serde(default)]
    pub invitation: Option<String>,
}

/// Accepts a form checkbox ("on") or a JSON boolean.
pub fn checkbox<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    #[derive(serde::Deserialize)]
    #[serde(untagged)]
    enum B {
        Bool(bool),
        Text(String),
    }
    Ok(match <Option<B> as serde::Deserialize>::deserialize(d)? {
        Some(B::Bool(b)) => b,
        Some(B::Text(s)) => matches!(s.as_str(), "on" | "true" | "1" | "yes"),
        None => false,
    })
}

/// Creates an account (or, for an address that has one, mails its owner instead, so that the
/// answer never tells whether an address is registered).
pub async fn signup(state: &AppState, lang: Locale, input: &SignupInput) -> AppResult<()> {
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
            match store::users::invitation(&state.db, &hash).await? {
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
            let org = store::orgs::by_domain(&state.db, email.domain().as_str()).await?;
            if org.is_none() {
                errs.push(FieldError::new("email", Reason::DomainNotMember));
            }
            org
        }
        (None, None) => None,
    };
    let (Some(email), Some(name), Some(password), Some(org)) = (email, name, password, org) else {
        return Err(errs.into_error().into());
    };
    errs.into_result()?;

    if let Some(existing) = store::users::account_by_email(&state.db, &email.normalised()).await? {
        let notice = mail::already_registered(lang, &email.to_string(), &format!("{}/login", state.config.base_url));
        let effects =
            Effects::audit(AuditEntry::new(Some(existing), "signup.repeated", "user", existing)).with_mail(notice);
        store::outbox::record(&state.db, &effects).await?;
        return Ok(());
    }

    let user = NewUser {
        id: UserId::new(),
        email: email.to_string(),
        email_norm: email.normalised(),
        display_name: name.to_string(),
        password_hash: hash_password(&password)?,
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
            let link = format!("{}/verify?token={secret}", state.config.base_url);
            effects.mails.push(mail::verify(lang, &user.email, &user.display_name, &link));
            Proof::VerifyLink {
                token_hash: hash_secret(&secret),
                expires_at: store::now() + state.config.link_validity,
            }
        }
    };
    store::users::create(&state.db, &user, &proof, &effects).await?;
    Ok(())
}

/// Uses a verification link.
pub async fn verify(state: &AppState, secret: &str) -> AppResult<UserId> {
    let user = store::users::verify_email(&state.db, &hash_secret(secret), |u| {
        Effects::audit(AuditEntry::new(Some(u), "email.verified", "user", u))
    })
    .await
    .map_err(|e| match e {
        store::StoreError::NotFound => AppError::field("token", Reason::InvitationInvalid),
        other => other.into(),
    })?;
    Ok(user)
}

/// Checks the credentials, counting failures; on success starts a new session and returns its
/// secret.
pub async fn login(state: &AppState, lang: Locale, email_raw: &str, password: &str) -> AppResult<(String, Account)> {
    let email = Email::parse("email", email_raw).map_err(|e| AppError::Invalid(vec![e]))?;
    let key = email.normalised();
    if store::users::login_locked_until(&state.db, &key).await?.is_some() {
        return Err(AppError::TooManyAttempts);
    }
    let creds = store::users::credentials(&state.db, &key).await?;
    if !verify_password(creds.as_ref().map(|c| c.password_hash.as_str()), password) {
        let effects = Effects::audit(AuditEntry::new(None, "login.failed", "account", &key));
        if store::users::record_login_failure(&state.db, &key, &effects).await?.is_some() {
            return Err(AppError::TooManyAttempts);
        }
        return Err(AppError::field("password", Reason::LoginFailed));
    }
    let Some(creds) = creds else { return Err(AppError::field("password", Reason::LoginFailed)) };
    let user = UserId(creds.id);
    store::users::clear_login_failures(&state.db, &key).await?;
    let account = store::users::account(&state.db, user).await?;
    if creds.email_verified_at.is_none() {
        let secret = new_secret();
        let link = format!("{}/verify?token={secret}", state.config.base_url);
        let effects = Effects::audit(AuditEntry::new(Some(user), "verify.resent", "user", user))
            .with_mail(mail::verify(lang, &account.email, &account.display_name, &link));
        let expires = store::now() + state.config.link_validity;
        store::users::add_link(&state.db, user, LinkPurpose::Verify, &hash_secret(&secret), expires, &effects).await?;
        return Err(AppError::field("email", Reason::NotVerified));
    }
    let secret = new_secret();
    let effects = Effects::audit(AuditEntry::new(Some(user), "login", "user", user));
    store::users::create_session(&state.db, user, &hash_secret(&secret), state.config.sessions, &effects).await?;
    Ok((secret, account))
}

/// How long a password-reset link stays valid.
const RESET_VALIDITY: chrono::Duration = chrono::Duration::hours(1);

/// Mails a password-reset link if the address has an account; the answer is the same either
/// way, so that nobody learns who has an account.
pub async fn request_password_reset(state: &AppState, email_raw: &str) -> AppResult<()> {
    let email = Email::parse("email", email_raw)?;
    let Some(user) = store::users::account_by_email(&state.db, &email.normalised()).await? else { return Ok(()) };
    let account = store::users::account(&state.db, user).await?;
    let secret = new_secret();
    let link = format!("{}/password/reset?token={secret}", state.config.base_url);
    let effects = Effects::audit(AuditEntry::new(None, "password.reset-requested", "user", user))
        .with_mail(mail::reset(account.locale, &account.email, &account.display_name, &link));
    store::users::add_link(
        &state.db,
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
pub async fn reset_password(state: &AppState, secret: &str, password: &str, confirm: &str) -> AppResult<UserId> {
    let password = Password::parse("password", password)?;
    if password.expose() != confirm {
        return Err(AppError::field("password_confirm", Reason::Mismatch));
    }
    let hash = hash_password(&password)?;
    let db = &state.db;
    let token_hash = hash_secret(secret);
    // The notice needs the account's address and language, which the link's owner decides.
    let owner = store::users::reset_link_owner(db, &token_hash)
        .await?
        .ok_or(AppError::field("token", Reason::InvitationInvalid))?;
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
    .map_err(|e| match e {
        store::StoreError::NotFound => AppError::field("token", Reason::InvitationInvalid),
        other => other.into(),
    })?;
    Ok(user)
}
