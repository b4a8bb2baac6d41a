//! [`Ctx`]: everything a page template needs about the request (language, person, CSRF token,
//! flash message, session end, unread messages), and [`SignedIn`] for pages that need a person.

use super::flash;
use crate::error::HttpError;
use crate::extract::{BrowserSession, CsrfToken, Lang};
use app::{Account, App};
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum_extra::extract::CookieJar;
use chrono::{DateTime, Utc};
use domain::values::Locale;

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
    /// When and how the session was opened (a fresh sign-in through the provider confirms a
    /// signature).
    pub signed_in: Option<app::account::SignedInAt>,
    /// How long a session lasts without activity (the warning before it ends counts back).
    pub session_idle_seconds: i64,
}

impl Ctx {
    /// A page context without a person (error pages).
    pub fn anonymous(lang: Locale) -> Self {
        Ctx {
            lang,
            user: None,
            csrf: String::new(),
            path: String::new(),
            flash: None,
            session_ends: None,
            unread: 0,
            signed_in: None,
            session_idle_seconds: 0,
        }
    }

    pub fn t(&self, key: &str) -> String {
        app::i18n::t(self.lang, key)
    }

    /// A text with one argument.
    pub fn ta(&self, key: &str, name: &str, value: impl std::fmt::Display) -> String {
        app::i18n::t_args(self.lang, key, &[(name, app::i18n::arg(value))])
    }

    /// A text whose words follow a number (`[one] … *[other] …`).
    pub fn tn(&self, key: &str, name: &str, n: impl TryInto<usize>) -> String {
        let n = n.try_into().unwrap_or(0);
        app::i18n::t_args(self.lang, key, &[(name, app::i18n::count(n))])
    }

    /// A week as people write it: "KW 07/2027".
    pub fn week(&self, week: &domain::values::IsoWeek) -> String {
        app::i18n::week_short(self.lang, *week)
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
        self.session_ends.map(|t| app::i18n::berlin(t).format("%H:%M").to_string()).unwrap_or_default()
    }

    /// Seconds until the session ends without activity, for the warning before it (counted
    /// from now, so that a browser's wrong clock does not matter).
    pub fn session_remaining_seconds(&self) -> i64 {
        self.session_ends.map(|t| (t - chrono::Utc::now()).num_seconds().max(0)).unwrap_or_default()
    }

    /// The person signed in through their organisation's identity provider.
    pub fn via_provider(&self) -> bool {
        self.signed_in.is_some_and(|s| s.via_provider())
    }

    /// A sign-in through the provider recent enough to confirm a signature.
    pub fn fresh_sign_in(&self) -> bool {
        self.signed_in.is_some_and(|s| s.is_fresh())
    }

    /// When the person signed in, as German wall-clock time.
    pub fn signed_in_hm(&self) -> String {
        self.signed_in.map(|s| app::i18n::berlin(s.at()).format("%H:%M").to_string()).unwrap_or_default()
    }

    /// The current page, when it is a nav target (for `aria-current`).
    pub fn current(&self, path: &str) -> &'static str {
        if self.path == path { "page" } else { "false" }
    }
}

impl FromRequestParts<App> for Ctx {
    type Rejection = HttpError;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Self, Self::Rejection> {
        let Ok(Lang(lang)) = Lang::from_request_parts(parts, app).await;
        let BrowserSession(session) = BrowserSession::from_request_parts(parts, app).await?;
        let jar = CookieJar::from_headers(&parts.headers);
        let csrf = parts.extensions.get::<CsrfToken>().map(|t| t.0.clone()).unwrap_or_default();
        let (user, session_ends, unread, signed_in) = match session {
            Some(s) => (Some(s.account), Some(s.ends), s.unread, Some(s.signed_in)),
            None => (None, None, 0, None),
        };
        Ok(Ctx {
            lang,
            user,
            csrf,
            path: parts.uri.path().to_owned(),
            flash: flash::text(lang, &jar),
            session_ends,
            unread,
            signed_in,
            session_idle_seconds: app.config.sessions.idle.num_seconds(),
        })
    }
}

/// A page for signed-in people with a verified address only.
pub struct SignedIn(pub Ctx, pub Account);

impl FromRequestParts<App> for SignedIn {
    type Rejection = HttpError;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Self, Self::Rejection> {
        let ctx = Ctx::from_request_parts(parts, app).await?;
        match ctx.user.clone() {
            Some(a) if a.verified => Ok(SignedIn(ctx, a)),
            _ => Err(HttpError::Unauthenticated),
        }
    }
}
