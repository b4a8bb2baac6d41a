//! [`Lang`]: the language of a request: the `lang` cookie set by the switch, else
//! `Accept-Language`, else German.

use crate::cookies;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum_extra::extract::CookieJar;
use domain::values::Locale;
use std::convert::Infallible;

/// Picks the first of German or English that `Accept-Language` names, by weight.
pub fn negotiate(accept_language: &str) -> Option<Locale> {
    let mut prefs: Vec<(f32, Locale)> = accept_language
        .split(',')
        .filter_map(|part| {
            let mut it = part.trim().split(';');
            let tag = it.next()?.trim();
            let q = it.find_map(|p| p.trim().strip_prefix("q=")).and_then(|q| q.parse::<f32>().ok()).unwrap_or(1.0);
            Locale::from_code(tag).map(|l| (q, l))
        })
        .filter(|(q, _)| *q > 0.0)
        .collect();
    prefs.sort_by(|a, b| b.0.total_cmp(&a.0));
    prefs.first().map(|(_, l)| *l)
}

/// The language of the current request.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lang(pub Locale);

impl<S: Send + Sync> FromRequestParts<S> for Lang {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        let jar = CookieJar::from_headers(&parts.headers);
        if let Some(l) = jar.get(cookies::LANG).and_then(|c| Locale::from_code(c.value())) {
            return Ok(Lang(l));
        }
        let accept = parts.headers.get(axum::http::header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok()).unwrap_or("");
        Ok(Lang(negotiate(accept).unwrap_or_default()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_language_by_weight() {
        assert_eq!(negotiate("en-GB,en;q=0.9,de;q=0.8"), Some(Locale::En));
        assert_eq!(negotiate("fr, de;q=0.5, en;q=0.4"), Some(Locale::De));
        assert_eq!(negotiate("fr"), None);
        assert_eq!(negotiate("en;q=0, de;q=0.1"), Some(Locale::De));
    }
}
