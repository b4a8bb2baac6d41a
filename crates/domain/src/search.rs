//! Words as the search compares them: a profile's searchable text and the words a person types
//! into the search. Both are folded the same way (lower case, umlauts and ß spelled out,
//! punctuation gone), so "Muenchen" finds "München" on either database, whose full-text
//! indexes then only ever see plain letters and digits.

use crate::error::{FieldError, Reason};
use crate::profile::Profile;

/// Lower case, umlauts and ß spelled out, every other character that is not a letter or a
/// digit a space, repeated spaces gone.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => out.push_str("ae"),
            'ö' => out.push_str("oe"),
            'ü' => out.push_str("ue"),
            'ß' => out.push_str("ss"),
            c if c.is_alphanumeric() => out.push(c),
            _ => out.push(' '),
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What the search finds a profile by: its role title, unit, job topics, what the person wants
/// to learn and the text about them, folded.
pub fn profile_text(p: &Profile) -> String {
    let mut parts: Vec<&str> = vec![p.role_title.as_str(), p.unit.as_str()];
    parts.extend(p.topics.iter().map(|t| t.as_str()));
    parts.extend(p.wants_to_learn.iter().map(|t| t.as_str()));
    parts.extend(p.about.iter().map(|a| a.as_str()));
    fold(&parts.join(" "))
}

/// The words typed into the search, folded: a profile matches when each word begins one of
/// the words of its text ("digi" finds "Digitalisierung").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchWords(Vec<String>);

impl SearchWords {
    /// At most this many characters are read.
    pub const MAX_CHARS: usize = 100;
    /// At most this many words count; more would only narrow a search that finds nobody.
    pub const MAX_WORDS: usize = 8;

    /// The words of `raw`; `None` when it holds no letter or digit at all.
    pub fn parse(field: &'static str, raw: &str) -> Result<Option<Self>, FieldError> {
        if raw.chars().count() > Self::MAX_CHARS {
            return Err(FieldError::new(field, Reason::TooLong { max: Self::MAX_CHARS }));
        }
        let folded = fold(raw);
        let words: Vec<String> = folded.split(' ').filter(|w| !w.is_empty()).map(str::to_owned).collect();
        if words.len() > Self::MAX_WORDS {
            return Err(FieldError::new(field, Reason::TooMany { max: Self::MAX_WORDS }));
        }
        Ok((!words.is_empty()).then_some(Self(words)))
    }

    /// The folded words: letters and digits only.
    pub fn words(&self) -> &[String] {
        &self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_spells_out_umlauts_and_drops_punctuation() {
        assert_eq!(fold("Münster-Süd, Straße  (IT)"), "muenster sued strasse it");
        assert_eq!(fold("E-Akte & KI"), "e akte ki");
    }

    #[test]
    fn typed_words_are_folded_and_bounded() {
        let w = SearchWords::parse("q", "  Digitalisierung, Öffentlichkeit! ").unwrap().unwrap();
        assert_eq!(w.words(), ["digitalisierung", "oeffentlichkeit"]);
        assert_eq!(SearchWords::parse("q", " -- ").unwrap(), None, "nothing to search for");
        assert_eq!(SearchWords::parse("q", &"a ".repeat(9)).unwrap_err().reason, Reason::TooMany { max: 8 });
        assert_eq!(SearchWords::parse("q", &"x".repeat(101)).unwrap_err().reason, Reason::TooLong { max: 100 });
        // Quotes, stars and operators of the databases' query languages never reach them.
        let w = SearchWords::parse("q", "\"open\" OR data* -x").unwrap().unwrap();
        assert!(w.words().iter().all(|w| w.chars().all(char::is_alphanumeric)), "{w:?}");
    }
}
