//! Flash messages: a short confirmation on the next page a person sees after a form
//! (POST-redirect-GET), carried by a cookie that names a Fluent key.

use crate::cookies;
use app::App;
use axum::response::{IntoResponse, Redirect, Response};
use axum_extra::extract::CookieJar;
use domain::values::Locale;

/// Tells the person something on the next page they see.
pub fn set(jar: CookieJar, key: &'static str, secure: bool) -> CookieJar {
    jar.add(cookies::cookie(cookies::FLASH, key.to_owned(), secure))
}

/// Redirects after a successful form, with a message for the page it leads to.
pub fn redirect(app: &App, jar: CookieJar, key: &'static str, to: &str) -> Response {
    (set(jar, key, app.config.behind_tls), Redirect::to(to)).into_response()
}

/// The translated text for the flash cookie's key, if it names a known message.
pub fn text(lang: Locale, jar: &CookieJar) -> Option<String> {
    jar.get(cookies::FLASH).map(|c| c.value()).filter(|k| k.starts_with("flash-")).map(|k| app::i18n::t(lang, k))
}
