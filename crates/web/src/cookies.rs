//! The cookies of a browser session, and the flags every one of them has (`HttpOnly`,
//! `SameSite`, `Secure` behind TLS).

use axum_extra::extract::cookie::{Cookie, SameSite};

/// The session's random id (its hash is kept in the database).
pub const SESSION: &str = "jt_session";
/// The double-submit CSRF token (the CSRF form extractor compares it).
pub const CSRF: &str = "jt_csrf";
/// A message for the next page (POST-redirect-GET).
pub const FLASH: &str = "jt_flash";
/// A sign-in through an identity provider under way: the secret that is also its `state`, then
/// the one that holds the provider's answer until the person confirms. `SameSite=Lax`, since the
/// provider sends the browser back with a top-level navigation.
pub const SSO: &str = "jt_sso";
/// The language chosen with the switch.
pub const LANG: &str = "lang";

/// A cookie with the flags every cookie of ours has.
pub fn cookie(name: &'static str, value: String, secure: bool) -> Cookie<'static> {
    Cookie::build((name, value)).path("/").http_only(true).same_site(SameSite::Lax).secure(secure).build()
}

/// The CSRF cookie: never sent along from another site.
pub fn csrf(value: String, secure: bool) -> Cookie<'static> {
    Cookie::build((CSRF, value)).path("/").http_only(true).same_site(SameSite::Strict).secure(secure).build()
}

/// A cookie that removes `name`.
pub fn removal(name: &'static str) -> Cookie<'static> {
    let mut gone = Cookie::build((name, "")).path("/").build();
    gone.make_removal();
    gone
}
