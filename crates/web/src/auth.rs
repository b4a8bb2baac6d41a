//! Who is asking: passwords (argon2), sessions (a random id in a cookie, its hash in the
//! database, a new one at every login), personal API tokens (bearer), and the extractors that
//! handlers use: [`Ctx`] for pages (with or without a signed-in person), [`SignedIn`] for pages
//! that need one, [`ApiUser`] for the API.

use crate::AppState;
use crate::error::AppError;
use crate::i18n::Lang;
use crate::security::{CsrfToken, flash_text, hash_secret};
use argon2::Argon2;
use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use axum_extra::extract::CookieJar;
use chrono::{DateTime, Utc};
use domain::values::{Locale, Password};
use fluent_templates::fluent_bundle::FluentValue;
use store::users::Account;

pub const SESSION_COOKIE: &str = "jt_session";

pub fn hash_password(p: &Password) -> Result<String, AppError> {
    let salt = SaltString::generate(&mut rand::rngs::OsRng);
    Argon2::default().hash_password(p.expose().as_bytes(), &salt).map(|h| h.to_string()).map_err(|e| {
        tracing::error!(error = %e, "password hashing failed");
        AppError::Internal
    })
}

/// Checks a password; an unknown account is checked against a fixed hash, so that the time
/// taken does not tell whether an address has an account.
pub fn verify_password(stored_hash: Option<&str>, given: &str) -> bool {
    const DUMMY: &str =
        "$argon2id$v=19$m=19456,t=2,p=1$c29tZXNhbHRzb21lc2FsdA$wqPqkVLvT4lIW7YXbWmTxXbX5pDaGvzQ9eB6qnbXq3s";
    let hash = stored_hash.unwrap_or(DUMMY);
    let ok = PasswordHash::new(hash).is_ok_and(|h| Argon2::default().verify_password(given.as_bytes(), &h).is_ok());
    ok && stored_hash.is_some()
}

async fn session_account(state: &AppState, parts: &Parts) -> Result<Option<(Account, DateTime<Utc>)>, AppError> {
    let jar = CookieJar::from_headers(&parts.headers);
    let Some(sid) = jar.get(SESSION_COOKIE) else { return Ok(None) };
    let Some((user, ends)) =
        store::users::session_user(&state.db, &hash_secret(sid.value()), state.config.sessions).await?
    else {
        return Ok(None);
    };
    Ok(Some((store::users::account(&state.db, user).await?, ends)))
}

/// Everything a page template needs about the request: language, person, CSRF token, flash.
#[derive(Debug, Clone)]
pub struct Ctx {
    pub lang: Locale,
    pub user: Option<Account>,
    pub csrf: String,
    pub path: String,
    pub flash: Option<String>,
    /// When the session ends if the person does nothing (shown, and extendable).
    pub session_ends: Option<DateTime<Utc>>,
    /// Unread inbox messages of the signed-in person.
    pub unread: i64,
}

impl Ctx {
    pub fn t(&self, key: &str) -> String {
        crate::i18n::t(self.lang, key)
    }

    /// A text with one argument.
    pub fn ta(&self, key: &str, name: &str, value: impl std::fmt::Display) -> String {
        crate::i18n::t_args(self.lang, key, &[(name, FluentValue::from(value.to_string()))])
    }

    pub fn lang_code(&self) -> &'static str {
        self.lang.as_str()
    }

    pub fn other_lang(&self) -> &'static str {
        match self.lang {
            Locale::De => "en",
            Locale::En => "de",
        }
    }

    pub fn is_organiser(&self) -> bool {
        self.user.as_ref().is_some_and(|u| u.organiser)
    }

    pub fn is_org_admin(&self) -> bool {
        self.user.as_ref().is_some_and(|u| u.roles.contains(&domain::access::OrgRole::OrgAdmin))
    }

    pub fn own_org(&self) -> Option<String> {
        self.user.as_ref().and_then(|u| u.org_id).map(|o| o.to_string())
    }

    /// The session's end as German wall-clock time.
    pub fn session_ends_hm(&self) -> String {
        self.session_ends.map(|t| crate::forms::berlin(t).format("%H:%M").to_string()).unwrap_or_default()
    }

    /// The current page, when it is a nav target (for `aria-current`).
    pub fn current(&self, path: &str) -> &'static str {
        if self.path == path { "page" } else { "false" }
    }
}

impl FromRequestParts<AppState> for Ctx {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let Ok(Lang(lang)) = Lang::from_request_parts(parts, state).await;
        let session = session_account(state, parts).await?;
        let jar = CookieJar::from_headers(&parts.headers);
        let csrf = parts.extensions.get::<CsrfToken>().map(|t| t.0.clone()).unwrap_or_default();
        let (user, session_ends) = match session {
            Some((a, ends)) => (Some(a), Some(ends)),
            None => (None, None),
        };
        let unread = match &user {
            Some(a) => store::swaps::unread_count(&state.db, a.id).await?,
            None => 0,
        };
        Ok(Ctx {
            lang,
            user,
            csrf,
            path: parts.uri.path().to_owned(),
            flash: flash_text(lang, &jar),
            session_ends,
            unread,
        })
    }
}

/// A page for signed-in people with a verified address only.
pub struct SignedIn(pub Ctx, pub Account);

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let ctx = Ctx::from_request_parts(parts, state).await?;
        match ctx.user.clone() {
            Some(a) if a.verified => Ok(SignedIn(ctx, a)),
            _ => Err(AppError::Unauthenticated),
        }
    }
}

/// An API call with a personal token: `Authorization: Bearer jt_...`.
pub struct ApiUser(pub Account);

impl FromRequestParts<AppState> for ApiUser {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, Self::Rejection> {
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .ok_or(AppError::Unauthenticated)?;
        let user = store::users::token_user(&state.db, &hash_secret(token)).await?.ok_or(AppError::Unauthenticated)?;
        let account = store::users::account(&state.db, user).await?;
        if !account.verified {
            return Err(AppError::Unauthenticated);
        }
        Ok(ApiUser(account))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn password_hash_verifies_only_the_right_password() {
        let p = Password::parse("p", "richtig-langes-passwort").unwrap();
        let h = hash_password(&p).unwrap();
        assert!(h.starts_with("$argon2id$"));
        assert!(verify_password(Some(&h), "richtig-langes-passwort"));
        assert!(!verify_password(Some(&h), "falsch-langes-passwort"));
        assert!(!verify_password(None, "richtig-langes-passwort"));
    }
}
