//! German first, English second: the Fluent catalogue in `locales/{de,en}/main.ftl` with the
//! same keys (a test keeps them in step), and the ways dates, weeks and refusals are written
//! here. Mails and inbox messages are written in the recipient's language with it; the pages
//! use the same catalogue.

use chrono::{DateTime, Utc};
use domain::Reason;
use domain::values::{IsoWeek, Locale};
use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{Loader, static_loader};
use std::borrow::Cow;
use std::collections::HashMap;
use unic_langid::{LanguageIdentifier, langid};

static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "de",
        // Unicode isolation marks around arguments would end up in e-mails and attributes.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A Fluent argument value.
pub type Arg = FluentValue<'static>;

fn langid_of(locale: Locale) -> LanguageIdentifier {
    match locale {
        Locale::De => langid!("de"),
        Locale::En => langid!("en"),
    }
}

/// The text of `key`; a missing key shows as the key itself, which the key tests prevent.
pub fn t(locale: Locale, key: &str) -> String {
    LOCALES.try_lookup(&langid_of(locale), key).unwrap_or_else(|| key.to_owned())
}

/// Why a swap ended, in words: a reason chosen from the list with the person's words after it
/// (`workload: …`), a person's words alone for "other", a reason of the system (a deadline
/// passed), or, from before reasons were chosen, a co-determination body with its words.
pub fn end_reason(locale: Locale, stored: &str) -> String {
    let (code, words) = stored.split_once(": ").unwrap_or((stored, ""));
    let kind = try_t(locale, &format!("end-{code}")).or_else(|| try_t(locale, &format!("body-{code}")));
    match kind {
        Some(_) if code == "other" && !words.is_empty() => words.to_owned(),
        Some(kind) if words.is_empty() => kind,
        Some(kind) => format!("{kind} – {words}"),
        None => stored.to_owned(),
    }
}

/// The text of `key`, or nothing if there is none (optional hints).
pub fn try_t(locale: Locale, key: &str) -> Option<String> {
    LOCALES.try_lookup(&langid_of(locale), key)
}

/// The text of `key` with named arguments.
pub fn t_args(locale: Locale, key: &str, args: &[(&str, Arg)]) -> String {
    let map: HashMap<Cow<'static, str>, FluentValue> =
        args.iter().map(|(k, v)| (Cow::Owned((*k).to_owned()), v.clone())).collect();
    LOCALES.try_lookup_with_args(&langid_of(locale), key, &map).unwrap_or_else(|| key.to_owned())
}

/// An argument from anything that displays.
pub fn arg(value: impl std::fmt::Display) -> Arg {
    FluentValue::from(value.to_string())
}

/// Items in words: "A", "A und B", "A, B und C".
pub fn list(locale: Locale, items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} {} {last}", init.join(", "), t(locale, "and")),
    }
}

/// A number for a message that chooses its words by it (`[one] … *[other] …`).
pub fn count(n: usize) -> Arg {
    FluentValue::from(n)
}

/// The German wall-clock time of an instant.
pub fn berlin(t: DateTime<Utc>) -> DateTime<chrono_tz::Tz> {
    t.with_timezone(&chrono_tz::Europe::Berlin)
}

/// A date and time as people here write it.
pub fn local_datetime(t: DateTime<Utc>) -> String {
    berlin(t).format("%d.%m.%Y %H:%M").to_string()
}

/// A date as people here write it: "19.01.2027".
pub fn local_date(t: DateTime<Utc>) -> String {
    berlin(t).format("%d.%m.%Y").to_string()
}

/// A week as pages and mails name it in a sentence: "KW 11/2027 (15.03.–19.03.2027)".
pub fn week_label(lang: Locale, week: IsoWeek) -> String {
    format!("{} ({}–{})", week_short(lang, week), week.monday().format("%d.%m."), week.friday().format("%d.%m.%Y"))
}

/// A week as a choice in a list: "KW 11/2027 · 15.03.–19.03.".
pub fn week_choice(lang: Locale, week: IsoWeek) -> String {
    format!("{} · {}–{}", week_short(lang, week), week.monday().format("%d.%m."), week.friday().format("%d.%m."))
}

/// A week in short, for subjects: "KW 06/2027", "week 06/2027".
pub fn week_short(lang: Locale, week: IsoWeek) -> String {
    let w = week.to_string();
    let (year, number) = w.split_once("-W").unwrap_or((&w, ""));
    match lang {
        Locale::De => format!("KW {number}/{year}"),
        Locale::En => format!("week {number}/{year}"),
    }
}

/// The translated message for a refused value.
pub fn reason_text(lang: Locale, reason: &Reason) -> String {
    let args: Vec<(&str, Arg)> = reason.args().into_iter().map(|(k, v)| (k, FluentValue::from(v))).collect();
    t_args(lang, &format!("error-{}", reason.code()), &args)
}

/// The translated label of a field.
pub fn label(lang: Locale, field: &str) -> String {
    t(lang, &format!("field-{field}"))
}

/// The words for the stable code of a refusal (`Forbidden`/`Conflict`), if there are any.
pub fn refusal(lang: Locale, code: &str) -> Option<String> {
    try_t(lang, &format!("reason-{code}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    /// This crate's folder, as cargo tells the running test (a test binary reused from another
    /// checkout still reads the files of this one).
    fn manifest_dir() -> String {
        std::env::var("CARGO_MANIFEST_DIR").expect("cargo test sets CARGO_MANIFEST_DIR")
    }

    fn keys(lang: &str) -> Vec<String> {
        let text =
            std::fs::read_to_string(format!("{}/locales/{lang}/main.ftl", manifest_dir())).expect("the catalogue");
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

    #[test]
    fn weeks_are_written_as_people_here_write_them() {
        let w = IsoWeek::parse("week", "2027-W11").expect("a week");
        assert_eq!(week_label(Locale::De, w), "KW 11/2027 (15.03.–19.03.2027)");
        assert_eq!(week_label(Locale::En, w), "week 11/2027 (15.03.–19.03.2027)");
        assert_eq!(week_choice(Locale::De, w), "KW 11/2027 · 15.03.–19.03.");
    }
}
