//! German first, English second: Fluent files in `locales/{de,en}/main.ftl` with the same keys
//! (a test keeps them in step). [`Lang`] is the language of a request: the `lang` cookie set by
//! the switch, else `Accept-Language`, else German.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum_extra::extract::CookieJar;
use domain::values::Locale;
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{Loader, static_loader};
use std::borrow::Cow;
use std::collections::HashMap;
use std::convert::Infallible;
use unic_langid::{LanguageIdentifier, langid};

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "de",
        // Unicode isolation marks around arguments would end up in e-mails and attributes.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

pub const LANG_COOKIE: &str = "lang";

fn langid_of(locale: Locale) -> LanguageIdentifier {
    match locale {
        Locale::De => langid!("de"),
        Locale::En => langid!("en"),
    }
}

/// The text of `key`; a missing key shows as the key itself, which the key test prevents.
pub fn t(locale: Locale, key: &str) -> String {
    LOCALES.try_lookup(&langid_of(locale), key).unwrap_or_else(|| key.to_owned())
}

/// The text of `key`, or nothing if there is none (optional hints).
pub fn try_t(locale: Locale, key: &str) -> Option<String> {
    LOCALES.try_lookup(&langid_of(locale), key)
}

/// The text of `key` with named arguments.
pub fn t_args(locale: Locale, key: &str, args: &[(&str, FluentValue<'static>)]) -> String {
    let map: HashMap<Cow<'static, str>, FluentValue> =
        args.iter().map(|(k, v)| (Cow::Owned((*k).to_owned()), v.clone())).collect();
    LOCALES.try_lookup_with_args(&langid_of(locale), key, &map).unwrap_or_else(|| key.to_owned())
}

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
        if let Some(l) = jar.get(LANG_COOKIE).and_then(|c| Locale::from_code(c.value())) {
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

    fn keys(lang: &str) -> Vec<String> {
        let text = std::fs::read_to_string(format!("{}/locales/{lang}/main.ftl", env!("CARGO_MANIFEST_DIR"))).unwrap();
        let mut keys: Vec<String> = text
            .lines()
            .filter(|l| l.chars().next().is_some_and(|c| c.is_ascii_lowercase()))
            .filter_map(|l| l.split_once('=').map(|(k, _)| k.trim().to_owned()))
            .collect();
        keys.sort();
        keys
    }

    /// Every key of one language exists in the other.
    #[test]
    fn both_languages_have_the_same_keys() {
        let (de, en) = (keys("de"), keys("en"));
        assert!(de.len() > 100, "only {} keys", de.len());
        let only_de: Vec<_> = de.iter().filter(|k| !en.contains(k)).collect();
        let only_en: Vec<_> = en.iter().filter(|k| !de.contains(k)).collect();
        assert!(only_de.is_empty() && only_en.is_empty(), "only in de: {only_de:?}, only in en: {only_en:?}");
    }

    /// Every key the templates and the code ask for exists.
    #[test]
    fn every_used_key_exists() {
        let root = env!("CARGO_MANIFEST_DIR");
        let defined = keys("de");
        let mut missing = Vec::new();
        let mut files = Vec::new();
        for dir in ["templates", "src", "src/pages", "src/api"] {
            for e in std::fs::read_dir(format!("{root}/{dir}")).unwrap() {
                let p = e.unwrap().path();
                if p.is_file() {
                    files.push(p);
                }
            }
        }
        for p in files {
            let text = std::fs::read_to_string(&p).unwrap();
            let calls =
                text.match_indices(".t(\"").map(|(i, _)| i + 4).chain(text.match_indices(".ta(\"").map(|(i, _)| i + 5));
            for start in calls.collect::<Vec<_>>() {
                let rest = &text[start..];
                let key = &rest[..rest.find('"').unwrap()];
                if key.contains('{') || key.ends_with('-') || key.is_empty() {
                    continue;
                }
                if !defined.iter().any(|k| k == key) {
                    missing.push(format!("{}: {key}", p.display()));
                }
            }
        }
        assert!(missing.is_empty(), "missing keys: {missing:#?}");
    }
}
