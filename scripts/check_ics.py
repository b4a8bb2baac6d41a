#!/usr/bin/env python3
"""Strict check of iCalendar files as Jobtausch writes them (RFC 5545), with PyPI icalendar.

    scripts/check_ics.py FILE.ics [FILE.ics ...]
    scripts/check_ics.py < FILE.ics

Fails (exit 1, one message per problem on stderr) unless, for every file:
  - icalendar's Calendar.from_ical parses it and records no broken property on any component
    (icalendar is lenient and otherwise keeps broken values quietly),
  - every line ends with CRLF, and no CR or LF stands alone,
  - every line is at most 75 octets (CRLF not counted),
  - every VEVENT has UID, DTSTAMP and DTSTART,
  - get_missing_tzids() is empty (every TZID used has its VTIMEZONE).
On success prints a JSON summary on stdout for the tests to assert on:
  [{"file": ..., "name": X-WR-CALNAME, "method": ..., "events": [{"uid", "sequence",
    "status", "dtstart", "dtend", "summary", "description", "location", "url"}]}]
with dtstart/dtend in ISO 8601 and text values unescaped.

Needs icalendar==7.3.0 (scripts/requirements-test.txt).
"""

import json
import sys

from icalendar import Calendar

MAX_OCTETS = 75


def check_lines(data: bytes) -> list[str]:
    problems = []
    if not data.endswith(b"\r\n"):
        problems.append("the file does not end with CRLF")
    lines = data.split(b"\r\n")
    if lines and lines[-1] == b"":
        lines.pop()
    for number, line in enumerate(lines, start=1):
        if b"\r" in line or b"\n" in line:
            problems.append(f"line {number}: a bare CR or LF (every line must end with CRLF)")
        if len(line) > MAX_OCTETS:
            problems.append(f"line {number}: {len(line)} octets, more than {MAX_OCTETS}: {line[:40]!r}...")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError as e:
            problems.append(f"line {number}: not UTF-8 on its own, a character was split by folding ({e})")
    return problems


def text(component, name):
    value = component.get(name)
    return None if value is None else str(value)


def unescape(value):
    """TEXT unescaping for properties icalendar keeps raw (it does not know NAME, X-WR-CALNAME)."""
    if value is None:
        return None
    out, chars = [], iter(value)
    for c in chars:
        if c == "\\":
            nxt = next(chars, "")
            out.append("\n" if nxt in ("n", "N") else nxt)
        else:
            out.append(c)
    return "".join(out)


def check_calendar(data: bytes) -> tuple[list[str], dict]:
    problems = check_lines(data)
    try:
        calendar = Calendar.from_ical(data)
    except Exception as e:  # icalendar raises ValueError and others for what it cannot read
        return problems + [f"Calendar.from_ical refused the file: {e}"], {}
    for component in calendar.walk():
        for prop, error in component.errors:
            problems.append(f"{component.name}: broken {prop}: {error}")
    missing = calendar.get_missing_tzids()
    if missing:
        problems.append(f"TZIDs without VTIMEZONE: {sorted(missing)}")
    events = []
    for index, event in enumerate(calendar.walk("VEVENT")):
        uid = text(event, "UID")
        for required in ("UID", "DTSTAMP", "DTSTART"):
            if required not in event:
                problems.append(f"event {index} ({uid or 'no UID'}): no {required}")
        if event.errors:
            continue
        dtstart = event.get("DTSTART")
        dtend = event.get("DTEND")
        sequence = event.get("SEQUENCE")
        events.append(
            {
                "uid": uid,
                "sequence": None if sequence is None else int(sequence),
                "status": text(event, "STATUS"),
                "dtstart": None if dtstart is None else dtstart.dt.isoformat(),
                "dtend": None if dtend is None else dtend.dt.isoformat(),
                "summary": text(event, "SUMMARY"),
                "description": text(event, "DESCRIPTION"),
                "location": text(event, "LOCATION"),
                "url": text(event, "URL"),
            }
        )
    summary = {"name": unescape(text(calendar, "X-WR-CALNAME")), "method": text(calendar, "METHOD"), "events": events}
    return problems, summary


def main(paths: list[str]) -> int:
    inputs = [(p, open(p, "rb").read()) for p in paths] if paths else [("<stdin>", sys.stdin.buffer.read())]
    failed = False
    results = []
    for path, data in inputs:
        problems, summary = check_calendar(data)
        for problem in problems:
            print(f"{path}: {problem}", file=sys.stderr)
        failed = failed or bool(problems)
        results.append({"file": path, **summary})
    if failed:
        return 1
    json.dump(results, sys.stdout, ensure_ascii=False, indent=1)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
