//! Small validated values. Each `parse` takes raw user input (already the field's string) and
//! either returns a value that is valid from then on or a [`FieldError`] naming the field.

use crate::error::{FieldError, Reason};
use chrono::{Datelike, NaiveDate, Weekday};
use serde::{Serialize, Serializer};
use std::fmt;

/// Trims, refuses empty input and input outside `min..=max` characters.
fn bounded(field: &'static str, raw: &str, min: usize, max: usize) -> Result<String, FieldError> {
    let s = raw.trim();
    let len = s.chars().count();
    if len == 0 {
        return Err(FieldError::new(field, Reason::Required));
    }
    if len < min {
        return Err(FieldError::new(field, Reason::TooShort { min }));
    }
    if len > max {
        return Err(FieldError::new(field, Reason::TooLong { max }));
    }
    if s.chars().any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t') {
        return Err(FieldError::new(field, Reason::UnknownChoice));
    }
    Ok(s.to_owned())
}

macro_rules! text_type {
    ($($(#[$doc:meta])* $name:ident: $min:expr, $max:expr;)*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        pub struct $name(String);

        impl $name {
            pub const MAX: usize = $max;
            pub fn parse(field: &'static str, raw: &str) -> Result<Self, FieldError> {
                bounded(field, raw, $min, $max).map(Self)
            }
            pub fn as_str(&self) -> &str {
                &self.0
            }
            pub fn into_inner(self) -> String {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }
    )*};
}

text_type! {
    /// The name a person is shown by.
    DisplayName: 2, 100;
    /// An organisation's name.
    OrgName: 2, 150;
    /// A job title such as "Digitalisierungsbeauftragte".
    RoleTitle: 2, 120;
    /// The unit a person works in.
    Unit: 2, 120;
    /// The short text of a profile.
    About: 1, 2000;
    /// One topic of a job or of what a person wants to learn.
    Topic: 2, 60;
    /// The name a person gives a personal API token.
    TokenName: 1, 80;
    /// The title of an appointment in a swap week, such as "Teamrunde Digitalisierung".
    AppointmentTitle: 2, 120;
    /// A place in words: where an appointment takes place ("Rathaus, Raum 3.12") or where an
    /// organisation's workplace is ("Dresden").
    Place: 2, 200;
    /// What the host tells the guest about an appointment.
    GuestNote: 1, 1000;
    /// One line of the installation's legal details: a name, a phone number.
    LegalLine: 2, 300;
    /// A longer part of the installation's legal details: an address, known limitations.
    LegalText: 2, 3000;
    /// A story's headline.
    StoryTitle: 5, 120;
    /// A story's text, with simple formatting (paragraphs, emphasis, lists, links).
    StoryText: 50, 10000;
    /// A sentence a member of the swap said, quoted in its story.
    QuoteText: 5, 500;
    /// What a photo shows, for those who cannot see it.
    AltText: 5, 300;
    /// A comment on a published story.
    CommentText: 2, 2000;
    /// Why the organisers rejected a comment (its author reads it).
    RejectReason: 5, 500;
}

impl Topic {
    /// The form used for comparing topics: lower case, inner spaces collapsed.
    pub fn normalised(&self) -> String {
        self.0.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
    }

    /// Parses a comma-separated list of topics, dropping repeats, at most `max`.
    pub fn parse_list(field: &'static str, raw: &str, max: usize) -> Result<Vec<Topic>, FieldError> {
        let mut out: Vec<Topic> = Vec::new();
        for part in raw.split([',', ';', '\n']).map(str::trim).filter(|p| !p.is_empty()) {
            let t = Topic::parse(field, part)?;
            if !out.iter().any(|o| o.normalised() == t.normalised()) {
                out.push(t);
            }
        }
        if out.len() > max {
            return Err(FieldError::new(field, Reason::TooMany { max }));
        }
        Ok(out)
    }
}

/// The part of an e-mail address after the `@`, in lower case; also an organisation's domain.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct EmailDomain(String);

impl EmailDomain {
    pub fn parse(field: &'static str, raw: &str) -> Result<Self, FieldError> {
        let d = raw.trim().trim_start_matches('@').to_lowercase();
        let label_ok = |l: &str| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
        };
        let labels: Vec<&str> = d.split('.').collect();
        if d.len() > 253 || labels.len() < 2 || !labels.iter().all(|l| label_ok(l)) {
            return Err(FieldError::new(field, Reason::EmailDomain));
        }
        Ok(Self(d))
    }
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for EmailDomain {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An e-mail address. Addresses are compared in lower case ([`Email::normalised`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Email {
    local: String,
    domain: EmailDomain,
}

impl Email {
    /// The longest address SMTP carries (RFC 5321's path limit less the brackets).
    pub const MAX: usize = 254;

    pub fn parse(field: &'static str, raw: &str) -> Result<Self, FieldError> {
        let s = raw.trim();
        let bad = || FieldError::new(field, Reason::Email);
        if s.is_empty() {
            return Err(FieldError::new(field, Reason::Required));
        }
        if s.len() > Self::MAX {
            return Err(FieldError::new(field, Reason::TooLong { max: Self::MAX }));
        }
        let (local, domain) = s.rsplit_once('@').ok_or_else(bad)?;
        let local_ok = !local.is_empty()
            && local.len() <= 64
            && !local.starts_with('.')
            && !local.ends_with('.')
            && !local.contains("..")
            && local.chars().all(|c| c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c));
        if !local_ok {
            return Err(bad());
        }
        let domain = EmailDomain::parse(field, domain).map_err(|_| bad())?;
        Ok(Self { local: local.to_owned(), domain })
    }

    pub fn domain(&self) -> &EmailDomain {
        &self.domain
    }

    /// The key under which the address is unique and looked up.
    pub fn normalised(&self) -> String {
        self.to_string().to_lowercase()
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}@{}", self.local, self.domain)
    }
}

impl Serialize for Email {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A new password as typed. Never stored: only its argon2 hash is.
pub struct Password(String);

impl Password {
    pub const MIN: usize = 12;
    pub const MAX: usize = 128;

    pub fn parse(field: &'static str, raw: &str) -> Result<Self, FieldError> {
        let len = raw.chars().count();
        if len == 0 {
            return Err(FieldError::new(field, Reason::Required));
        }
        if len < Self::MIN {
            return Err(FieldError::new(field, Reason::PasswordTooShort { min: Self::MIN }));
        }
        if len > Self::MAX {
            return Err(FieldError::new(field, Reason::TooLong { max: Self::MAX }));
        }
        Ok(Self(raw.to_owned()))
    }

    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Password(***)")
    }
}

/// A German public-service pay grade from the public pay scales: civil servants A 5 to A 16 and
/// B 1 to B 11, employees (`TVöD`, `TV-L`) E 1 to E 15 and E 15Ü, judges R 1 to R 10, professors
/// W 1 to W 3. Kept so that matching can weigh the distance of grades.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct PayGrade {
    pub group: char,
    pub level: u8,
    /// E 15Ü, the transitional grade above E 15.
    pub transitional: bool,
}

impl PayGrade {
    /// The levels of each group on the public scales.
    const SCALES: [(char, u8, u8); 5] = [('A', 5, 16), ('B', 1, 11), ('E', 1, 15), ('R', 1, 10), ('W', 1, 3)];

    pub fn parse(field: &'static str, raw: &str) -> Result<Self, FieldError> {
        let s: String = raw.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_uppercase();
        let bad = || FieldError::new(field, Reason::PayGrade);
        let (s, transitional) = match s.strip_suffix('Ü') {
            Some(rest) => (rest.to_owned(), true),
            None => (s, false),
        };
        let mut chars = s.chars();
        let group = chars.next().ok_or_else(bad)?;
        let level: u8 = chars.as_str().parse().map_err(|_| bad())?;
        let on_scale = Self::SCALES.iter().any(|(g, lo, hi)| *g == group && (*lo..=*hi).contains(&level));
        if !on_scale || (transitional && (group, level) != ('E', 15)) {
            return Err(bad());
        }
        Ok(Self { group, level, transitional })
    }

    /// Every grade of the public scales, in the order a list offers them.
    pub fn all() -> Vec<PayGrade> {
        let mut out: Vec<PayGrade> = Self::SCALES
            .iter()
            .flat_map(|(group, lo, hi)| (*lo..=*hi).map(|level| PayGrade { group: *group, level, transitional: false }))
            .collect();
        let after_e15 = out.iter().position(|g| g.group == 'E' && g.level == 15).map_or(out.len(), |i| i + 1);
        out.insert(after_e15, PayGrade { group: 'E', level: 15, transitional: true });
        out
    }
}

impl Serialize for PayGrade {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl fmt::Display for PayGrade {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}{}", self.group, self.level, if self.transitional { "Ü" } else { "" })
    }
}

/// An ISO week such as `2027-W07`: the unit of a swap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct IsoWeek {
    year: i32,
    week: u32,
}

impl IsoWeek {
    pub fn parse(field: &'static str, raw: &str) -> Result<Self, FieldError> {
        let bad = || FieldError::new(field, Reason::Week);
        let s = raw.trim().to_uppercase();
        let (y, w) = s.split_once("-W").ok_or_else(bad)?;
        if y.len() != 4 || w.is_empty() || w.len() > 2 {
            return Err(bad());
        }
        let year: i32 = y.parse().map_err(|_| bad())?;
        let week: u32 = w.parse().map_err(|_| bad())?;
        if !(2000..=2200).contains(&year) {
            return Err(bad());
        }
        NaiveDate::from_isoywd_opt(year, week, Weekday::Mon).ok_or_else(bad)?;
        Ok(Self { year, week })
    }

    /// The week a date falls in.
    pub fn of(date: NaiveDate) -> Self {
        let iso = date.iso_week();
        Self { year: iso.year(), week: iso.week() }
    }

    pub fn monday(&self) -> NaiveDate {
        // Every IsoWeek was checked to have a Monday when it was made.
        NaiveDate::from_isoywd_opt(self.year, self.week, Weekday::Mon).unwrap_or(NaiveDate::MIN)
    }

    pub fn friday(&self) -> NaiveDate {
        self.monday() + chrono::Days::new(4)
    }

    /// The `count` weeks that begin after `today`, in order: the weeks a person can still offer.
    pub fn ahead(today: NaiveDate, count: usize) -> Vec<IsoWeek> {
        let next_monday = today + chrono::Days::new(u64::from(7 - today.weekday().num_days_from_monday()));
        (0..count).map(|i| IsoWeek::of(next_monday + chrono::Days::new(7 * i as u64))).collect()
    }

    /// Parses a list of weeks separated by commas or spaces, sorted, without repeats.
    pub fn parse_list(field: &'static str, raw: &str, max: usize) -> Result<Vec<IsoWeek>, FieldError> {
        let mut out = raw
            .split([',', ';', ' ', '\n'])
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| IsoWeek::parse(field, p))
            .collect::<Result<Vec<_>, _>>()?;
        out.sort();
        out.dedup();
        if out.len() > max {
            return Err(FieldError::new(field, Reason::TooMany { max }));
        }
        Ok(out)
    }
}

impl fmt::Display for IsoWeek {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-W{:02}", self.year, self.week)
    }
}

impl Serialize for IsoWeek {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A link that opens over TLS, such as a video meeting's: `https://` only, a host name with at
/// least two labels, no user part (`https://bank.de@evil.example` hides the real host), no
/// whitespace. Scheme and host are kept in lower case, the rest as given.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct HttpsUrl(String);

impl HttpsUrl {
    pub const MAX: usize = 500;

    pub fn parse(field: &'static str, raw: &str) -> Result<Self, FieldError> {
        let s = raw.trim();
        let bad = || FieldError::new(field, Reason::Link);
        if s.is_empty() {
            return Err(FieldError::new(field, Reason::Required));
        }
        if s.chars().count() > Self::MAX {
            return Err(FieldError::new(field, Reason::TooLong { max: Self::MAX }));
        }
        // Characters that RFC 3986 never allows unescaped; they also break out of attributes.
        if s.chars().any(|c| c.is_whitespace() || c.is_control() || "\"<>\\^`{|}".contains(c)) {
            return Err(bad());
        }
        let rest = s.get(..8).filter(|p| p.eq_ignore_ascii_case("https://")).and(s.get(8..)).ok_or_else(bad)?;
        let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
        let (authority, path) = rest.split_at(end);
        if authority.contains('@') {
            return Err(bad());
        }
        let (host, port) = match authority.rsplit_once(':') {
            Some((h, p)) => (h, Some(p)),
            None => (authority, None),
        };
        if let Some(p) = port
            && !(p.len() <= 5 && p.chars().all(|c| c.is_ascii_digit()) && p.parse::<u16>().is_ok_and(|n| n > 0))
        {
            return Err(bad());
        }
        let host = EmailDomain::parse(field, host).map_err(|_| bad())?;
        let port = port.map(|p| format!(":{p}")).unwrap_or_default();
        Ok(Self(format!("https://{host}{port}{path}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for HttpsUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Serialize for HttpsUrl {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// A language a person speaks, as an ISO 639-1 code in lower case ("de", "en", "tr").
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Language(String);

impl Language {
    pub fn parse(field: &'static str, raw: &str) -> Result<Self, FieldError> {
        let s = raw.trim().to_lowercase();
        if s.len() == 2 && s.chars().all(|c| c.is_ascii_lowercase()) {
            Ok(Self(s))
        } else {
            Err(FieldError::new(field, Reason::Language))
        }
    }

    pub fn parse_list(field: &'static str, raw: &str, max: usize) -> Result<Vec<Language>, FieldError> {
        let mut out: Vec<Language> = Vec::new();
        for part in raw.split([',', ';', ' ']).map(str::trim).filter(|p| !p.is_empty()) {
            let l = Language::parse(field, part)?;
            if !out.contains(&l) {
                out.push(l);
            }
        }
        if out.len() > max {
            return Err(FieldError::new(field, Reason::TooMany { max }));
        }
        Ok(out)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Serialize for Language {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

/// How far a person would travel to the host's workplace, in kilometres (0 = only remote or
/// the same town).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct TravelRadius(u16);

impl TravelRadius {
    pub const MAX: u16 = 1000;

    pub fn parse(field: &'static str, raw: &str) -> Result<Self, FieldError> {
        let s = raw.trim();
        if s.is_empty() {
            return Err(FieldError::new(field, Reason::Required));
        }
        let range = Reason::OutOfRange { min: 0, max: i64::from(Self::MAX) };
        let km: i64 = s.parse().map_err(|_| FieldError::new(field, range.clone()))?;
        u16::try_from(km).ok().filter(|k| *k <= Self::MAX).map(Self).ok_or(FieldError::new(field, range))
    }

    pub fn km(&self) -> u16 {
        self.0
    }
}

/// The language of the interface and of e-mails to a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Locale {
    #[default]
    De,
    En,
}

impl Locale {
    pub fn as_str(&self) -> &'static str {
        match self {
            Locale::De => "de",
            Locale::En => "en",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        match code.trim().to_lowercase().get(..2) {
            Some("de") => Some(Locale::De),
            Some("en") => Some(Locale::En),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_weeks_ahead_begin_after_today() {
        let day = |d: u32| NaiveDate::from_ymd_opt(2026, 12, d).unwrap();
        let ahead = |today| IsoWeek::ahead(today, 3).iter().map(ToString::to_string).collect::<Vec<_>>();
        // From a Friday and from a Monday: the week that has begun is not offered.
        assert_eq!(ahead(day(4)), ["2026-W50", "2026-W51", "2026-W52"]);
        assert_eq!(ahead(day(7)), ["2026-W51", "2026-W52", "2026-W53"]);
        assert_eq!(IsoWeek::ahead(day(4), 52).last().unwrap().to_string(), "2027-W48");
    }

    #[test]
    fn email_keeps_local_case_and_lowers_domain() {
        let e = Email::parse("email", "  Anna.Schmidt@Stadt-Musterstadt.DE ").unwrap();
        assert_eq!(e.to_string(), "Anna.Schmidt@stadt-musterstadt.de");
        assert_eq!(e.normalised(), "anna.schmidt@stadt-musterstadt.de");
        assert_eq!(e.domain().as_str(), "stadt-musterstadt.de");
    }

    #[test]
    fn email_refuses_malformed_addresses() {
        for bad in ["", "anna", "anna@", "@x.de", "anna@localhost", "an na@x.de", "a..b@x.de", "a@-x.de"] {
            assert!(Email::parse("email", bad).is_err(), "{bad} was accepted");
        }
        assert_eq!(Email::parse("email", "").unwrap_err().reason, Reason::Required);
    }

    #[test]
    fn pay_grade_normalises() {
        assert_eq!(PayGrade::parse("g", "a13").unwrap().to_string(), "A 13");
        assert_eq!(PayGrade::parse("g", " E 9 ").unwrap().to_string(), "E 9");
        assert!(PayGrade::parse("g", "X 5").is_err());
        assert!(PayGrade::parse("g", "A 0").is_err());
        assert!(PayGrade::parse("g", "A").is_err());
        assert!(PayGrade::parse("g", "A 4").is_err(), "A starts at 5");
        assert!(PayGrade::parse("g", "B 12").is_err(), "B ends at 11");
        assert_eq!(PayGrade::parse("g", "e 15ü").unwrap().to_string(), "E 15Ü");
        assert!(PayGrade::parse("g", "E 14Ü").is_err(), "only E 15 has a transitional grade");
        let all: Vec<String> = PayGrade::all().iter().map(ToString::to_string).collect();
        assert_eq!((all.first().map(String::as_str), all.len()), (Some("A 5"), 12 + 11 + 16 + 10 + 3));
        assert!(all.windows(2).any(|w| w == ["E 15", "E 15Ü"]), "E 15Ü follows E 15");
        assert!(all.iter().all(|g| PayGrade::parse("g", g).is_ok()), "every offered grade is taken");
    }

    #[test]
    fn weeks_parse_sort_and_refuse_week_53_where_it_does_not_exist() {
        let w = IsoWeek::parse_list("w", "2027-W07, 2026-w53 2027-W07", 10).unwrap();
        assert_eq!(w.iter().map(ToString::to_string).collect::<Vec<_>>(), ["2026-W53", "2027-W07"]);
        assert!(IsoWeek::parse("w", "2027-W53").is_err());
        assert!(IsoWeek::parse("w", "2027-07").is_err());
        assert_eq!(IsoWeek::parse("w", "2027-W07").unwrap().monday().to_string(), "2027-02-15");
    }

    #[test]
    fn topics_deduplicate_case_insensitively_and_are_limited() {
        let t = Topic::parse_list("t", "Open Data, open  data, KI", 5).unwrap();
        assert_eq!(t.len(), 2);
        assert_eq!(Topic::parse_list("t", "a1,b2,c3", 2).unwrap_err().reason, Reason::TooMany { max: 2 });
        assert_eq!(Topic::parse_list("t", "x", 2).unwrap_err().reason, Reason::TooShort { min: 2 });
    }

    #[test]
    fn https_links_only() {
        let u = HttpsUrl::parse("link", " HTTPS://Meet.Example.DE:8443/Raum-42?pin=1 ").unwrap();
        assert_eq!(u.as_str(), "https://meet.example.de:8443/Raum-42?pin=1");
        assert_eq!(HttpsUrl::parse("link", "https://meet.example.de").unwrap().as_str(), "https://meet.example.de");
        for bad in [
            "http://meet.example.de/x",
            "meet.example.de",
            "https://",
            "https://localhost/x",
            "https://bank.de@evil.example/x",
            "https://meet.example.de/a b",
            "https://meet.example.de:0/x",
            "https://meet.example.de:99999/x",
            "https://meet.example.de/<script>",
            "javascript:alert(1)",
        ] {
            assert_eq!(HttpsUrl::parse("link", bad).unwrap_err().reason, Reason::Link, "{bad} was accepted");
        }
        assert_eq!(HttpsUrl::parse("link", " ").unwrap_err().reason, Reason::Required);
        let long = format!("https://meet.example.de/{}", "a".repeat(HttpsUrl::MAX));
        assert_eq!(HttpsUrl::parse("link", &long).unwrap_err().reason, Reason::TooLong { max: HttpsUrl::MAX });
    }

    #[test]
    fn travel_radius_range() {
        assert_eq!(TravelRadius::parse("r", "40").unwrap().km(), 40);
        assert!(TravelRadius::parse("r", "-1").is_err());
        assert!(TravelRadius::parse("r", "1001").is_err());
        assert!(TravelRadius::parse("r", "viel").is_err());
    }

    #[test]
    fn password_length() {
        assert!(Password::parse("p", "kurz").is_err());
        assert!(Password::parse("p", "lang genug 123").is_ok());
        assert_eq!(format!("{:?}", Password::parse("p", "lang genug 123").unwrap()), "Password(***)");
    }

    mod props {
        use super::super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn email_parse_round_trips(local in "[a-z0-9][a-z0-9._+-]{0,20}[a-z0-9]", dom in "[a-z][a-z0-9-]{0,10}[a-z0-9]\\.(de|org|eu)") {
                prop_assume!(!local.contains(".."));
                let raw = format!("{local}@{dom}");
                let e = Email::parse("email", &raw).unwrap();
                prop_assert_eq!(e.to_string(), raw.clone());
                prop_assert_eq!(Email::parse("email", &e.to_string()).unwrap(), e);
            }

            #[test]
            fn any_string_parses_or_errs_without_panic(s in "\\PC{0,300}") {
                let _ = Email::parse("e", &s);
                let _ = PayGrade::parse("g", &s);
                let _ = IsoWeek::parse_list("w", &s, 52);
                let _ = Topic::parse_list("t", &s, 20);
                let _ = TravelRadius::parse("r", &s);
                let _ = HttpsUrl::parse("l", &s);
            }

            #[test]
            fn bounded_text_respects_its_limits(s in "\\PC{0,200}") {
                if let Ok(r) = RoleTitle::parse("role", &s) {
                    let n = r.as_str().chars().count();
                    prop_assert!((2..=RoleTitle::MAX).contains(&n));
                    prop_assert_eq!(r.as_str(), s.trim());
                }
            }

            #[test]
            fn week_display_parses_back(y in 2000i32..2200, w in 1u32..=52) {
                let wk = IsoWeek::parse("w", &format!("{y}-W{w:02}")).unwrap();
                prop_assert_eq!(IsoWeek::parse("w", &wk.to_string()).unwrap(), wk);
                prop_assert_eq!(IsoWeek::of(wk.monday()), wk);
                prop_assert_eq!(IsoWeek::of(wk.friday()), wk);
            }
        }
    }
}
