//! iCalendar (RFC 5545) files: a person's feed of their swap events, the one-off file of a
//! swap, the attachment of an e-mail.
//!
//! Written by hand rather than with the `icalendar` crate: that crate fills a missing `UID`
//! with a random one and a missing `DTSTAMP` with the current time (so a feed would change on
//! every request), lets a carriage return through into the content line, and brings `uuid` and
//! `iso8601` into the tree for what is about a hundred lines here.
//!
//! All times are written in UTC (`...Z`), so no `VTIMEZONE` is needed and every program shows
//! the same instant; the caller converts from Europe/Berlin. Lines end in CRLF and are folded
//! at 75 octets, never inside a UTF-8 character. The output depends only on the input.

use chrono::{DateTime, Utc};

use crate::DocumentError;

/// The product identifier every file carries. Fixed (no version number) so that the same
/// events give the same bytes across releases.
const PRODID: &str = "-//Jobtausch//Jobtausch//DE";

/// Europe/Berlin since 1996: CET, CEST from the last Sunday of March to the last of October.
const BERLIN: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Berlin",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

/// Longest content line in octets, without the CRLF (RFC 5545, 3.1).
const LINE_OCTETS: usize = 75;

/// Whether an event takes place.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EventStatus {
    Confirmed,
    /// Shown as cancelled (struck through or removed) by calendar programs; keep the event in
    /// the feed with a raised sequence rather than dropping it, so that subscribers learn of it.
    Cancelled,
}

/// One event, already localised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CalendarEvent {
    /// Stable across changes of the event, e.g. `briefing-{swap}-{date}@jobtausch`.
    pub uid: String,
    /// Raised on every change of the event.
    pub sequence: u32,
    pub start: DateTime<Utc>,
    pub end: DateTime<Utc>,
    pub summary: String,
    pub description: Option<String>,
    pub location: Option<String>,
    /// An `https://` link, e.g. the video meeting.
    pub url: Option<String>,
    pub status: EventStatus,
    /// When this version of the event was made (RFC 5545 wants the time the file was made for
    /// `METHOD:PUBLISH`, but the last change keeps the file stable; clients accept both).
    pub dtstamp: DateTime<Utc>,
}

/// A calendar with `METHOD:PUBLISH`, for a feed, a download and an e-mail attachment alike.
/// `name` becomes `NAME` and `X-WR-CALNAME` (the name a subscribed calendar is shown with).
pub fn calendar_ics(name: &str, events: &[CalendarEvent]) -> Result<String, DocumentError> {
    let mut out = String::with_capacity(512 + 512 * events.len());
    let mut line = |l: &str| push_folded(&mut out, l);
    line("BEGIN:VCALENDAR");
    line("VERSION:2.0");
    line(&format!("PRODID:{PRODID}"));
    line("CALSCALE:GREGORIAN");
    line("METHOD:PUBLISH");
    // NAME is RFC 7986's, X-WR-CALNAME the older one that more programs read.
    let name = text("name", name)?;
    line(&format!("NAME:{name}"));
    line(&format!("X-WR-CALNAME:{name}"));
    // Times are UTC; the zone tells programs that show a calendar as a whole where it lives,
    // and keeps a feed without events a valid calendar (RFC 5545 wants one component at least).
    line("X-WR-TIMEZONE:Europe/Berlin");
    for l in BERLIN {
        line(l);
    }
    for e in events {
        if e.uid.trim().is_empty() {
            return Err(DocumentError::Missing { field: "uid" });
        }
        if e.summary.trim().is_empty() {
            return Err(DocumentError::Missing { field: "summary" });
        }
        if e.end < e.start {
            return Err(DocumentError::EndBeforeStart { uid: e.uid.clone() });
        }
        line("BEGIN:VEVENT");
        line(&format!("UID:{}", text("uid", &e.uid)?));
        line(&format!("SEQUENCE:{}", e.sequence));
        line(&format!("DTSTAMP:{}", utc(e.dtstamp)));
        line(&format!("DTSTART:{}", utc(e.start)));
        line(&format!("DTEND:{}", utc(e.end)));
        line(&format!("SUMMARY:{}", text("summary", &e.summary)?));
        if let Some(d) = e.description.as_deref().filter(|d| !d.trim().is_empty()) {
            line(&format!("DESCRIPTION:{}", text("description", d)?));
        }
        if let Some(l) = e.location.as_deref().filter(|l| !l.trim().is_empty()) {
            line(&format!("LOCATION:{}", text("location", l)?));
        }
        if let Some(u) = e.url.as_deref().filter(|u| !u.trim().is_empty()) {
            line(&format!("URL:{}", uri("url", u.trim())?));
        }
        line(match e.status {
            EventStatus::Confirmed => "STATUS:CONFIRMED",
            EventStatus::Cancelled => "STATUS:CANCELLED",
        });
        line("END:VEVENT");
    }
    line("END:VCALENDAR");
    Ok(out)
}

/// `20270322T073000Z`
fn utc(t: DateTime<Utc>) -> String {
    t.format("%Y%m%dT%H%M%SZ").to_string()
}

/// A TEXT value (RFC 5545, 3.3.11): backslash, semicolon and comma escaped, every line break
/// (CRLF, CR or LF, as browsers send textareas with CRLF) written as `\n`. Other control
/// characters are not allowed in TEXT and refused rather than silently dropped.
fn text(field: &str, value: &str) -> Result<String, DocumentError> {
    let mut out = String::with_capacity(value.len() + 8);
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push(c),
            c if c.is_control() => {
                return Err(DocumentError::UnsupportedCharacter { field: field.to_owned(), character: c });
            }
            c => out.push(c),
        }
    }
    Ok(out)
}

/// A URI value is written as it is (no TEXT escaping), so it must not hold anything that
/// would end or bend the content line.
fn uri(field: &str, value: &str) -> Result<String, DocumentError> {
    match value.chars().find(|c| c.is_control() || c.is_whitespace() || *c == '"') {
        Some(character) => Err(DocumentError::UnsupportedCharacter { field: field.to_owned(), character }),
        None => Ok(value.to_owned()),
    }
}

/// Appends one content line, folded: a line longer than 75 octets continues on the next line
/// after CRLF and one space (which counts toward that line's 75), split only between
/// characters so that no UTF-8 sequence is torn apart.
fn push_folded(out: &mut String, line: &str) {
    let mut octets = 0;
    for c in line.chars() {
        if octets + c.len_utf8() > LINE_OCTETS {
            out.push_str("\r\n ");
            octets = 1;
        }
        out.push(c);
        octets += c.len_utf8();
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    fn event() -> CalendarEvent {
        let t = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        CalendarEvent {
            uid: "briefing-1@jobtausch".into(),
            sequence: 2,
            start: t("2027-03-30T06:30:00Z"),
            end: t("2027-03-30T06:40:00Z"),
            summary: "Briefing".into(),
            description: None,
            location: None,
            url: Some("https://meet.example.de/jt".into()),
            status: EventStatus::Confirmed,
            dtstamp: t("2027-03-01T12:00:00Z"),
        }
    }

    #[test]
    fn writes_a_minimal_calendar() {
        let ics = calendar_ics("Jobtausch", &[event()]).unwrap();
        assert_eq!(
            ics,
            "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Jobtausch//Jobtausch//DE\r\nCALSCALE:GREGORIAN\r\n\
             METHOD:PUBLISH\r\nNAME:Jobtausch\r\nX-WR-CALNAME:Jobtausch\r\nX-WR-TIMEZONE:Europe/Berlin\r\n\
             BEGIN:VTIMEZONE\r\nTZID:Europe/Berlin\r\nBEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0200\r\n\
             TZNAME:CEST\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n\
             BEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\nDTSTART:19701025T030000\r\n\
             RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n\
             BEGIN:VEVENT\r\nUID:briefing-1@jobtausch\r\n\
             SEQUENCE:2\r\nDTSTAMP:20270301T120000Z\r\nDTSTART:20270330T063000Z\r\nDTEND:20270330T064000Z\r\n\
             SUMMARY:Briefing\r\nURL:https://meet.example.de/jt\r\nSTATUS:CONFIRMED\r\nEND:VEVENT\r\n\
             END:VCALENDAR\r\n"
        );
    }

    #[test]
    fn escapes_text() {
        assert_eq!(text("f", "a\\b;c,d\r\ne\rf\ng\th").unwrap(), "a\\\\b\\;c\\,d\\ne\\nf\\ng\th");
        assert_eq!(text("f", "Raum: 3.12").unwrap(), "Raum: 3.12", "a colon needs no escape");
        assert!(matches!(
            text("summary", "a\u{7}b"),
            Err(DocumentError::UnsupportedCharacter { character: '\u{7}', .. })
        ));
        assert!(uri("url", "https://x.de/a b").is_err());
    }

    #[test]
    fn folds_at_75_octets_between_characters() {
        for body in ["a".repeat(200), "ä".repeat(100), format!("x{}", "€".repeat(60)), "😀".repeat(40)] {
            let mut out = String::new();
            push_folded(&mut out, &format!("DESCRIPTION:{body}"));
            let lines: Vec<&str> = out.strip_suffix("\r\n").unwrap().split("\r\n").collect();
            assert!(lines.len() > 1);
            for (i, l) in lines.iter().enumerate() {
                assert!(l.len() <= LINE_OCTETS, "{l:?} has {} octets", l.len());
                assert_eq!(l.starts_with(' '), i > 0);
            }
            // Full lines: nothing was split early without need.
            assert!(lines[0].len() > LINE_OCTETS - 4);
            let unfolded = lines.iter().enumerate().map(|(i, l)| if i == 0 { *l } else { &l[1..] }).collect::<String>();
            assert_eq!(unfolded, format!("DESCRIPTION:{body}"));
        }
        let mut exact = String::new();
        push_folded(&mut exact, &"b".repeat(75));
        assert_eq!(exact, format!("{}\r\n", "b".repeat(75)));
    }

    #[test]
    fn refuses_events_without_uid_or_summary_or_with_the_end_first() {
        assert_eq!(
            calendar_ics("x", &[CalendarEvent { uid: " ".into(), ..event() }]),
            Err(DocumentError::Missing { field: "uid" })
        );
        assert_eq!(
            calendar_ics("x", &[CalendarEvent { summary: String::new(), ..event() }]),
            Err(DocumentError::Missing { field: "summary" })
        );
        let e = event();
        assert!(matches!(
            calendar_ics("x", &[CalendarEvent { end: e.start - chrono::Duration::minutes(1), ..e }]),
            Err(DocumentError::EndBeforeStart { .. })
        ));
    }

    #[test]
    fn cancelled_events_say_so() {
        let ics = calendar_ics("x", &[CalendarEvent { status: EventStatus::Cancelled, ..event() }]).unwrap();
        assert!(ics.contains("\r\nSTATUS:CANCELLED\r\n"));
    }
}
