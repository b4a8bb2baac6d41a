//! Who is asking: a browser's session (a random id in a cookie, its hash in the database, a
//! new one at every login) or a personal API token (bearer).

use crate::cookies;
use crate::error::HttpError;
use app::App;
use app::account::Session;
use axum::extract::FromRequestParts;
use axum::http::header;
use axum::http::request::Parts;
use axum_extra::extract::CookieJar;

/// The browser's session, if its cookie names a valid one (looked up once per request).
#[derive(Debug, Clone)]
pub struct BrowserSession(pub Option<Session>);

impl FromRequestParts<App> for BrowserSession {
    type Rejection = HttpError;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Self, Self::Rejection> {
        if let Some(found) = parts.extensions.get::<BrowserSession>() {
            return Ok(found.clone());
        }
        let jar = CookieJar::from_headers(&parts.headers);
        let session = match jar.get(cookies::SESSION) {
            Some(sid) => app::account::session(app, sid.value()).await?,
            None => None,
        };
        let found = BrowserSession(session);
        parts.extensions.insert(found.clone());
        Ok(found)
    }
}

/// An API call with a personal token: `Authorization: Bearer jt_...`.
pub struct ApiUser(pub app::Account);

impl FromRequestParts<App> for ApiUser {
    type Rejection = HttpError;

    async fn from_request_parts(parts: &mut Parts, app: &App) -> Result<Self, Self::Rejection> {
        let token = parts
            .headers
            .get(header::AUTHORIZATION)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.strip_prefix("Bearer "))
            .map(str::trim)
            .ok_or(HttpError::Unauthenticated)?;
        let account = app::tokens::authenticate(app, token).await?.ok_or(HttpError::Unauthenticated)?;
        Ok(ApiUser(account))
    }
}
