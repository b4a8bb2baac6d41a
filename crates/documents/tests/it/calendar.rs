//! The calendar files read back by a real, strict consumer: PyPI icalendar through
//! scripts/check_ics.py (CRLF, 75-octet lines, UID/DTSTAMP/DTSTART, no missing VTIMEZONE).

use chrono::{DateTime, Utc};
use documents::{CalendarEvent, EventStatus, calendar_ics};
use serde_json::Value;
use std::path::Path;
use std::process::Command;

/// Runs the checker on `ics`; returns its exit success, stdout and stderr.
fn check_ics(ics: &str) -> (bool, String, String) {
    let python = std::env::var("JOBTAUSCH_TEST_PYTHON").expect(
        "JOBTAUSCH_TEST_PYTHON is not set: start the services with `eval \"$(scripts/services.sh start)\"` \
         (it installs scripts/requirements-test.txt, with icalendar, into a venv)",
    );
    let script = Path::new(&crate::manifest_dir()).join("../../scripts/check_ics.py");
    let dir = tempfile::tempdir().expect("temp dir");
    let file = dir.path().join("swap.ics");
    std::fs::write(&file, ics).expect("write ics");
    let out = Command::new(&python)
        .arg(&script)
        .arg(&file)
        .output()
        .unwrap_or_else(|e| panic!("cannot run {python} {}: {e}", script.display()));
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

fn utc(s: &str) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(s).expect("RFC 3339").with_timezone(&Utc)
}

/// As a textarea sends it: CRLF line breaks, umlauts, commas, semicolons, a backslash, long.
const NOTE: &str = "Bitte zehn Minuten früher da sein; der Eingang ist über den Hof, \
rechts neben der Fahrradgarage.\r\nMitbringen: Laptop, Ausweis, gute Laune.\r\n\r\nPfad zur Ablage: \
\\\\fileserver\\team\\Übergabe; Ansprechperson: Jürgen Groß-Öztürk (Ämterübergreifende Zusammenarbeit, \
Straße der Einheit 5). Größe der Runde: ca. 12 Personen — Fragen gern vorab! 😀";

fn events() -> Vec<CalendarEvent> {
    let stamp = utc("2027-03-01T09:00:00Z");
    let briefing = |uid: &str, start: &str, end: &str, sequence, status| CalendarEvent {
        uid: uid.to_owned(),
        sequence,
        start: utc(start),
        end: utc(end),
        summary: "Briefing mit Jürgen (Jobtausch)".to_owned(),
        description: Some("Tägliche Abstimmung, 10 Minuten.".to_owned()),
        location: None,
        url: Some("https://meet.example.de/jobtausch-42?pin=1234".to_owned()),
        status,
        dtstamp: stamp,
    };
    vec![
        // 08:30 in Berlin: winter time before the switch on Sunday 28 March 2027, summer time after.
        briefing(
            "briefing-a-2027-03-22@jobtausch",
            "2027-03-22T07:30:00Z",
            "2027-03-22T07:40:00Z",
            0,
            EventStatus::Confirmed,
        ),
        briefing(
            "briefing-b-2027-03-30@jobtausch",
            "2027-03-30T06:30:00Z",
            "2027-03-30T06:40:00Z",
            3,
            EventStatus::Cancelled,
        ),
        // And back on Sunday 31 October 2027.
        briefing(
            "briefing-c-2027-10-29@jobtausch",
            "2027-10-29T06:30:00Z",
            "2027-10-29T06:40:00Z",
            0,
            EventStatus::Confirmed,
        ),
        briefing(
            "briefing-d-2027-11-01@jobtausch",
            "2027-11-01T07:30:00Z",
            "2027-11-01T07:40:00Z",
            1,
            EventStatus::Confirmed,
        ),
        CalendarEvent {
            uid: "appointment-7f3c@jobtausch".to_owned(),
            sequence: 2,
            start: utc("2027-03-31T08:00:00Z"),
            end: utc("2027-03-31T09:30:00Z"),
            summary: "Workshop: Digitalisierung der Bürgerämter, Teil 2; mit Übungen".to_owned(),
            description: Some(NOTE.to_owned()),
            location: Some("Rathaus Musterstadt, Raum 3.12; Eingang über den Hof".to_owned()),
            url: None,
            status: EventStatus::Confirmed,
            dtstamp: stamp,
        },
    ]
}

#[test]
fn a_strict_parser_reads_back_what_we_wrote() {
    let ics = calendar_ics("Jobtausch – Jürgens Tauschwoche, KW 13", &events()).expect("calendar");
    let (ok, stdout, stderr) = check_ics(&ics);
    assert!(ok, "check_ics.py refused the calendar:\n{stderr}\n{ics}");
    let summary: Value = serde_json::from_str(&stdout).expect("JSON summary");
    let calendar = &summary[0];
    assert_eq!(calendar["name"], "Jobtausch – Jürgens Tauschwoche, KW 13");
    assert_eq!(calendar["method"], "PUBLISH");
    let events = calendar["events"].as_array().expect("events");
    let brief: Vec<(&str, i64, &str, &str)> = events
        .iter()
        .map(|e| {
            (
                e["uid"].as_str().unwrap(),
                e["sequence"].as_i64().unwrap(),
                e["status"].as_str().unwrap(),
                e["dtstart"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        brief,
        [
            ("briefing-a-2027-03-22@jobtausch", 0, "CONFIRMED", "2027-03-22T07:30:00+00:00"),
            ("briefing-b-2027-03-30@jobtausch", 3, "CANCELLED", "2027-03-30T06:30:00+00:00"),
            ("briefing-c-2027-10-29@jobtausch", 0, "CONFIRMED", "2027-10-29T06:30:00+00:00"),
            ("briefing-d-2027-11-01@jobtausch", 1, "CONFIRMED", "2027-11-01T07:30:00+00:00"),
            ("appointment-7f3c@jobtausch", 2, "CONFIRMED", "2027-03-31T08:00:00+00:00"),
        ]
    );
    // Escaping and folding are undone exactly: the text comes back as given, line breaks as LF.
    let workshop = &events[4];
    assert_eq!(workshop["description"], NOTE.replace("\r\n", "\n"));
    assert_eq!(workshop["summary"], "Workshop: Digitalisierung der Bürgerämter, Teil 2; mit Übungen");
    assert_eq!(workshop["location"], "Rathaus Musterstadt, Raum 3.12; Eingang über den Hof");
    assert_eq!(workshop["dtend"], "2027-03-31T09:30:00+00:00");
    assert_eq!(events[0]["url"], "https://meet.example.de/jobtausch-42?pin=1234");
    // The text is long enough to be folded, and a fold fell next to a multi-byte character.
    assert!(ics.contains("\r\n "), "nothing was folded");
    assert!(ics.lines().any(|l| l.len() > 70 && !l.is_ascii()));
}

#[test]
fn the_same_events_give_the_same_bytes() {
    assert_eq!(calendar_ics("x", &events()).unwrap(), calendar_ics("x", &events()).unwrap());
}

/// The checker must be able to say no, or the test above proves nothing.
#[test]
fn the_checker_refuses_bare_line_feeds_long_lines_and_missing_time_zones() {
    let ics = calendar_ics("x", &events()).unwrap();
    let (ok, _, stderr) = check_ics(&ics.replace("\r\n", "\n"));
    assert!(!ok && stderr.contains("CRLF"), "{stderr}");

    let unfolded = ics.replace("\r\n ", "");
    let (ok, _, stderr) = check_ics(&unfolded);
    assert!(!ok && stderr.contains("octets"), "{stderr}");

    // A zone the calendar does not define (it defines only Europe/Berlin).
    let local = ics.replacen("DTSTART:20270322T073000Z", "DTSTART;TZID=Europe/Paris:20270322T083000", 1);
    let (ok, _, stderr) = check_ics(&local);
    assert!(!ok && stderr.contains("Europe/Paris"), "{stderr}");

    let no_stamp = ics.replacen("DTSTAMP:20270301T090000Z\r\n", "", 1);
    let (ok, _, stderr) = check_ics(&no_stamp);
    assert!(!ok && stderr.contains("no DTSTAMP"), "{stderr}");
}
