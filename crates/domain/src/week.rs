//! The swap week: which days it runs, the daily briefing and the host side's appointments.
//!
//! A swap is for one ISO week, Monday to Friday. Members stand in cycle order (member `i` goes
//! to the workplace of member `i + 1`), so in a ring every leg may have a host in another
//! federal state with other public holidays. The rule, kept deliberately simple: the swap runs
//! on a day unless that day is a public holiday at *every* host; a day that is a holiday at
//! only some hosts runs, and the plan marks the holiday on those legs ([`WeekPlan`]).
//!
//! Times are planned as Europe/Berlin wall-clock times (what people agree on) and turned into
//! UTC instants only for calendars ([`berlin_to_utc`]). Holidays are computed, not looked up:
//! Easter by the Gregorian computus, the rest by the rules of each Land ([`Holiday`]).
//!
//! Everything here is pure; raw form strings go in, typed values or [`DomainError`]s come out.

use crate::DomainError;
use crate::error::{Errors, FieldError, Reason};
use crate::ids::SwapId;
use crate::org::{Region, choice};
use crate::values::{AppointmentTitle, GuestNote, HttpsUrl, IsoWeek, Locale, Place};
use chrono::{
    DateTime, Datelike, Days, Duration, NaiveDate, NaiveDateTime, NaiveTime, Offset, TimeZone, Timelike, Utc, Weekday,
};
use serde::Serialize;

// ---------------------------------------------------------------------------------------------
// Public holidays

choice! {
    /// A public holiday of at least one German federal state. The code is stable (stored, sent
    /// in the API, the suffix of the Fluent key `holiday-{code}`); [`Holiday::name`] gives the
    /// name for texts that are made outside the web layer (PDF, calendar).
    Holiday {
        NewYear = "new_year",
        Epiphany = "epiphany",
        WomensDay = "womens_day",
        GoodFriday = "good_friday",
        EasterMonday = "easter_monday",
        LabourDay = "labour_day",
        LiberationDay = "liberation_day",
        AscensionDay = "ascension_day",
        WhitMonday = "whit_monday",
        CorpusChristi = "corpus_christi",
        UprisingDay = "uprising_day",
        AssumptionDay = "assumption_day",
        ChildrensDay = "childrens_day",
        GermanUnityDay = "german_unity_day",
        ReformationDay = "reformation_day",
        AllSaintsDay = "all_saints_day",
        RepentanceDay = "repentance_day",
        ChristmasDay = "christmas_day",
        SecondChristmasDay = "second_christmas_day",
    }
}

impl Holiday {
    /// The holiday's name as it is written in the given language.
    pub fn name(&self, locale: Locale) -> &'static str {
        use Holiday::*;
        let (de, en) = match self {
            NewYear => ("Neujahr", "New Year's Day"),
            Epiphany => ("Heilige Drei Könige", "Epiphany"),
            WomensDay => ("Internationaler Frauentag", "International Women's Day"),
            GoodFriday => ("Karfreitag", "Good Friday"),
            EasterMonday => ("Ostermontag", "Easter Monday"),
            LabourDay => ("Tag der Arbeit", "Labour Day"),
            LiberationDay => ("Jahrestag der Befreiung", "Anniversary of the Liberation"),
            AscensionDay => ("Christi Himmelfahrt", "Ascension Day"),
            WhitMonday => ("Pfingstmontag", "Whit Monday"),
            CorpusChristi => ("Fronleichnam", "Corpus Christi"),
            UprisingDay => {
                ("Jahrestag des Aufstandes vom 17. Juni 1953", "Anniversary of the Uprising of 17 June 1953")
            }
            AssumptionDay => ("Mariä Himmelfahrt", "Assumption Day"),
            ChildrensDay => ("Weltkindertag", "World Children's Day"),
            GermanUnityDay => ("Tag der Deutschen Einheit", "German Unity Day"),
            ReformationDay => ("Reformationstag", "Reformation Day"),
            AllSaintsDay => ("Allerheiligen", "All Saints' Day"),
            RepentanceDay => ("Buß- und Bettag", "Day of Repentance and Prayer"),
            ChristmasDay => ("1. Weihnachtstag", "Christmas Day"),
            SecondChristmasDay => ("2. Weihnachtstag", "Second Day of Christmas"),
        };
        match locale {
            Locale::De => de,
            Locale::En => en,
        }
    }

    /// The date of the holiday in `year` (whether or not any Land keeps it that year).
    pub fn date_in(&self, year: i32) -> Option<NaiveDate> {
        use Holiday::*;
        let fixed = |month, day| NaiveDate::from_ymd_opt(year, month, day);
        let after_easter = |days: u64| easter_sunday(year).and_then(|e| e.checked_add_days(Days::new(days)));
        match self {
            NewYear => fixed(1, 1),
            Epiphany => fixed(1, 6),
            WomensDay => fixed(3, 8),
            GoodFriday => easter_sunday(year).and_then(|e| e.checked_sub_days(Days::new(2))),
            EasterMonday => after_easter(1),
            LabourDay => fixed(5, 1),
            LiberationDay => fixed(5, 8),
            AscensionDay => after_easter(39),
            WhitMonday => after_easter(50),
            CorpusChristi => after_easter(60),
            UprisingDay => fixed(6, 17),
            AssumptionDay => fixed(8, 15),
            ChildrensDay => fixed(9, 20),
            GermanUnityDay => fixed(10, 3),
            ReformationDay => fixed(10, 31),
            AllSaintsDay => fixed(11, 1),
            // The Wednesday before 23 November.
            RepentanceDay => fixed(11, 22).and_then(|d| {
                let back = (d.weekday().num_days_from_monday() + 7 - Weekday::Wed.num_days_from_monday()) % 7;
                d.checked_sub_days(Days::new(u64::from(back)))
            }),
            ChristmasDay => fixed(12, 25),
            SecondChristmasDay => fixed(12, 26),
        }
    }

    /// Whether the Land keeps the holiday by law in `year`, state-wide.
    ///
    /// Mariä Himmelfahrt counts for Saarland only: in Bayern it is a holiday only in the
    /// municipalities with a Catholic majority, so it is not a state-wide day off. Augsburg's
    /// Friedensfest (8 August) is a city holiday and not kept for the same reason. Easter and
    /// Whit Sunday (Brandenburg) are Sundays and never part of a Monday-to-Friday week.
    pub fn kept_in(&self, region: Region, year: i32) -> bool {
        use Holiday::*;
        use Region::*;
        match self {
            NewYear | GoodFriday | EasterMonday | LabourDay | AscensionDay | WhitMonday | GermanUnityDay
            | ChristmasDay | SecondChristmasDay => true,
            Epiphany => matches!(region, BadenWuerttemberg | Bayern | SachsenAnhalt),
            WomensDay => (region == Berlin && year >= 2019) || (region == MecklenburgVorpommern && year >= 2023),
            // One-off holidays by Berlin law (75th and 80th anniversary of 8 May 1945).
            LiberationDay => region == Berlin && (year == 2020 || year == 2025),
            // One-off by Berlin law (75th anniversary of 17 June 1953).
            UprisingDay => region == Berlin && year == 2028,
            CorpusChristi => {
                matches!(region, BadenWuerttemberg | Bayern | Hessen | NordrheinWestfalen | RheinlandPfalz | Saarland)
            }
            AssumptionDay => region == Saarland,
            ChildrensDay => region == Thueringen && year >= 2019,
            ReformationDay => {
                matches!(region, Brandenburg | MecklenburgVorpommern | Sachsen | SachsenAnhalt | Thueringen)
                    || (matches!(region, Bremen | Hamburg | Niedersachsen | SchleswigHolstein) && year >= 2018)
                    // The 500th anniversary of the Reformation was a holiday everywhere.
                    || year == 2017
            }
            AllSaintsDay => {
                matches!(region, BadenWuerttemberg | Bayern | NordrheinWestfalen | RheinlandPfalz | Saarland)
            }
            RepentanceDay => region == Sachsen,
        }
    }
}

/// Easter Sunday of a Gregorian year (the anonymous Gregorian algorithm of Meeus, Jones and
/// Butcher). `None` only for years that `chrono` cannot represent.
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15).rem_euclid(30);
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k).rem_euclid(7);
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    NaiveDate::from_ymd_opt(year, u32::try_from(n / 31).ok()?, u32::try_from(n % 31 + 1).ok()?)
}

/// Every public holiday a Land keeps in a year, in date order. Two holidays may share a date
/// (Christi Himmelfahrt fell on 1 May in 2008); both are listed.
pub fn holidays(year: i32, region: Region) -> Vec<(NaiveDate, Holiday)> {
    let mut out: Vec<(NaiveDate, Holiday)> =
        Holiday::ALL.iter().filter(|h| h.kept_in(region, year)).filter_map(|h| Some((h.date_in(year)?, *h))).collect();
    out.sort();
    out
}

/// The public holiday on a date in a Land, if any (the first in [`Holiday::ALL`] order when
/// two fall together).
pub fn holiday_on(date: NaiveDate, region: Region) -> Option<Holiday> {
    Holiday::ALL.iter().copied().find(|h| h.kept_in(region, date.year()) && h.date_in(date.year()) == Some(date))
}

// ---------------------------------------------------------------------------------------------
// The days of the week

/// One day of a swap week at one host.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct WorkDay {
    pub date: NaiveDate,
    pub holiday: Option<Holiday>,
}

/// Monday to Friday of a week at a host in `region`, each with its holiday, if any.
pub fn work_days(week: IsoWeek, region: Region) -> Vec<WorkDay> {
    week_dates(week).map(|date| WorkDay { date, holiday: holiday_on(date, region) }).collect()
}

fn week_dates(week: IsoWeek) -> impl Iterator<Item = NaiveDate> {
    week.monday().iter_days().take(5)
}

/// One day of the whole swap: per leg, the holiday at that leg's host.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanDay {
    pub date: NaiveDate,
    /// Index = leg index (as in `Swap::legs`).
    pub holidays: Vec<Option<Holiday>>,
}

impl PlanDay {
    /// The swap runs unless the day is a holiday at every host.
    pub fn runs(&self) -> bool {
        self.holidays.iter().any(Option::is_none)
    }
}

/// The days of a swap week for all its legs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct WeekPlan {
    week: IsoWeek,
    hosts: Vec<Region>,
    days: Vec<PlanDay>,
}

impl WeekPlan {
    /// `hosts[i]` is the federal state of leg `i`'s host, i.e. of the organisation member `i`
    /// goes to (`Swap::legs()[i].to`). Without hosts no day runs.
    pub fn new(week: IsoWeek, hosts: Vec<Region>) -> Self {
        let days = week_dates(week)
            .map(|date| PlanDay { date, holidays: hosts.iter().map(|r| holiday_on(date, *r)).collect() })
            .collect();
        Self { week, hosts, days }
    }

    /// The same from the members' own organisations' states in cycle order: member `i`'s host
    /// is member `i + 1`'s organisation, the last member's host the first's.
    pub fn from_member_regions(week: IsoWeek, members: &[Region]) -> Self {
        let hosts = members.iter().cycle().skip(1).take(members.len()).copied().collect();
        Self::new(week, hosts)
    }

    pub fn week(&self) -> IsoWeek {
        self.week
    }

    /// Host state per leg.
    pub fn hosts(&self) -> &[Region] {
        &self.hosts
    }

    /// Monday to Friday, always five days.
    pub fn days(&self) -> &[PlanDay] {
        &self.days
    }

    /// Monday to Friday as the guest of leg `leg` has them; empty for an unknown leg.
    pub fn leg_days(&self, leg: usize) -> Vec<WorkDay> {
        self.hosts.get(leg).map(|region| work_days(self.week, *region)).unwrap_or_default()
    }

    /// The dates on which the swap runs.
    pub fn running_days(&self) -> Vec<NaiveDate> {
        self.days.iter().filter(|d| d.runs()).map(|d| d.date).collect()
    }

    pub fn runs_on(&self, date: NaiveDate) -> bool {
        self.days.iter().any(|d| d.date == date && d.runs())
    }

    /// Parses a date of this week on which the swap runs (for a briefing).
    pub fn parse_swap_day(&self, field: &'static str, raw: &str) -> Result<NaiveDate, FieldError> {
        let date = parse_week_date(field, raw, self.week)?;
        if self.runs_on(date) { Ok(date) } else { Err(FieldError::new(field, Reason::NoSwapDay)) }
    }

    /// The daily briefings as first planned: one on every running day, with the settings.
    pub fn briefings(&self, settings: &BriefingSettings) -> Vec<BriefingDay> {
        self.running_days()
            .into_iter()
            .map(|date| BriefingDay {
                planned: date,
                date,
                start: settings.time,
                minutes: settings.minutes,
                link: settings.link.clone(),
                cancelled: false,
                sequence: 0,
            })
            .collect()
    }
}

// ---------------------------------------------------------------------------------------------
// Dates, times and time zones

/// Parses a date as people in Germany write it, `22.03.2027` (also `22.3.2027`), or as
/// `<input type="date">` and the API send it, `2027-03-22`.
pub fn parse_date(field: &'static str, raw: &str) -> Result<NaiveDate, FieldError> {
    match raw.trim() {
        "" => Err(FieldError::new(field, Reason::Required)),
        // A year of four digits only: "19.01.27" would otherwise be the year 27.
        s if s.split(['-', '.']).filter(|part| part.len() == 4).count() == 1 => {
            NaiveDate::parse_from_str(s, "%Y-%m-%d")
                .or_else(|_| NaiveDate::parse_from_str(s, "%d.%m.%Y"))
                .map_err(|_| FieldError::new(field, Reason::Date))
        }
        _ => Err(FieldError::new(field, Reason::Date)),
    }
}

/// Parses `08:30` or `08:30:00` (what `<input type="time">` sends); seconds must be zero,
/// since nothing here is planned to the second.
pub fn parse_time(field: &'static str, raw: &str) -> Result<NaiveTime, FieldError> {
    let s = raw.trim();
    if s.is_empty() {
        return Err(FieldError::new(field, Reason::Required));
    }
    NaiveTime::parse_from_str(s, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(s, "%H:%M:%S"))
        .ok()
        .filter(|t| t.second() == 0 && t.nanosecond() == 0)
        .ok_or(FieldError::new(field, Reason::Time))
}

/// A date from Monday to Friday of `week`.
fn parse_week_date(field: &'static str, raw: &str, week: IsoWeek) -> Result<NaiveDate, FieldError> {
    let date = parse_date(field, raw)?;
    if (week.monday()..=week.friday()).contains(&date) {
        Ok(date)
    } else {
        Err(FieldError::new(field, Reason::OutsideWeek))
    }
}

/// The UTC instant of a Europe/Berlin wall-clock time.
///
/// Around the switches the rule of RFC 5545 (3.3.5) applies, so that we and every calendar
/// program agree: a time that does not exist (the hour skipped on the last Sunday of March) is
/// read with the offset before the gap (02:30 becomes 03:30 CEST), and a time that exists
/// twice (the hour repeated in October) means its first occurrence (CEST). Swap days are
/// weekdays and the switches are on Sundays, so this matters only for odd input; it never
/// panics.
pub fn berlin_to_utc(date: NaiveDate, time: NaiveTime) -> DateTime<Utc> {
    let local = NaiveDateTime::new(date, time);
    // Region::Berlin is a federal state; the zone is spelt out to keep the two apart.
    let zone = chrono_tz::Europe::Berlin;
    match zone.from_local_datetime(&local) {
        chrono::LocalResult::Single(t) => t.with_timezone(&Utc),
        chrono::LocalResult::Ambiguous(first, _) => first.with_timezone(&Utc),
        chrono::LocalResult::None => {
            // The gap is one hour and transitions are months apart, so three hours earlier, read
            // as UTC, lies before the switch and has the offset from before the gap.
            let before = zone.offset_from_utc_datetime(&(local - Duration::hours(3))).fix();
            (local - Duration::seconds(i64::from(before.local_minus_utc()))).and_utc()
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The daily briefing

/// How the partners hold their daily briefing unless they move a day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BriefingSettings {
    /// Europe/Berlin wall-clock time.
    pub time: NaiveTime,
    pub minutes: u16,
    pub link: Option<HttpsUrl>,
}

impl Default for BriefingSettings {
    fn default() -> Self {
        Self { time: Self::default_time(), minutes: Self::DEFAULT_MINUTES, link: None }
    }
}

impl BriefingSettings {
    pub const DEFAULT_MINUTES: u16 = 10;
    pub const MIN_MINUTES: u16 = 5;
    pub const MAX_MINUTES: u16 = 60;

    /// 08:30, before most teams' first meeting.
    pub fn default_time() -> NaiveTime {
        NaiveTime::from_hms_opt(8, 30, 0).unwrap_or(NaiveTime::MIN)
    }

    /// Parses the form fields `time`, `minutes`, `link` (the link may be empty).
    pub fn parse(time: &str, minutes: &str, link: &str) -> Result<Self, DomainError> {
        let mut errs = Errors::default();
        let time = errs.take(parse_time("time", time));
        let minutes = errs.take(parse_minutes("minutes", minutes));
        let link = errs.take(parse_optional_link("link", link));
        match (time, minutes, link) {
            (Some(time), Some(minutes), Some(link)) => Ok(Self { time, minutes, link }),
            _ => Err(errs.into_error()),
        }
    }
}

fn parse_minutes(field: &'static str, raw: &str) -> Result<u16, FieldError> {
    let s = raw.trim();
    if s.is_empty() {
        return Err(FieldError::new(field, Reason::Required));
    }
    let range = || {
        FieldError::new(
            field,
            Reason::OutOfRange {
                min: i64::from(BriefingSettings::MIN_MINUTES),
                max: i64::from(BriefingSettings::MAX_MINUTES),
            },
        )
    };
    s.parse::<u16>()
        .ok()
        .filter(|m| (BriefingSettings::MIN_MINUTES..=BriefingSettings::MAX_MINUTES).contains(m))
        .ok_or_else(range)
}

fn parse_optional_link(field: &'static str, raw: &str) -> Result<Option<HttpsUrl>, FieldError> {
    if raw.trim().is_empty() { Ok(None) } else { HttpsUrl::parse(field, raw).map(Some) }
}

/// The briefing of one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct BriefingDay {
    /// The day it was first planned for. It never changes, so it names the briefing (its
    /// calendar UID) even after a move to another day.
    pub planned: NaiveDate,
    pub date: NaiveDate,
    /// Europe/Berlin wall-clock time.
    pub start: NaiveTime,
    pub minutes: u16,
    pub link: Option<HttpsUrl>,
    pub cancelled: bool,
    /// Raised on every change, for the calendar's `SEQUENCE`.
    pub sequence: u32,
}

/// A day's briefing as the form submits it when it is moved.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct BriefingInput {
    pub date: String,
    pub time: String,
    pub minutes: String,
    pub link: String,
}

impl BriefingDay {
    pub fn start_utc(&self) -> DateTime<Utc> {
        berlin_to_utc(self.date, self.start)
    }

    pub fn end_utc(&self) -> DateTime<Utc> {
        self.start_utc() + Duration::minutes(i64::from(self.minutes))
    }

    /// A calendar UID that stays the same through moves and cancellation. Unique across
    /// installations because the swap id is a UUID.
    pub fn uid(&self, swap: SwapId) -> String {
        format!("briefing-{swap}-{}@jobtausch", self.planned)
    }

    /// The briefing called off; calendars show it as cancelled. Cancelling twice changes
    /// nothing.
    pub fn cancel(&self) -> BriefingDay {
        if self.cancelled {
            return self.clone();
        }
        BriefingDay { cancelled: true, sequence: self.sequence.saturating_add(1), ..self.clone() }
    }

    /// The briefing moved (another day of the week, another time, length or link). It takes
    /// place again if it was cancelled. Refused: a day on which the swap does not run, and a
    /// time that overlaps one of `others` (the swap's other briefings; cancelled ones do not
    /// count). Nothing changed, nothing raised.
    pub fn reschedule(
        &self,
        plan: &WeekPlan,
        input: &BriefingInput,
        others: &[BriefingDay],
    ) -> Result<BriefingDay, DomainError> {
        let mut errs = Errors::default();
        let date = errs.take(plan.parse_swap_day("date", &input.date));
        let start = errs.take(parse_time("time", &input.time));
        let minutes = errs.take(parse_minutes("minutes", &input.minutes));
        let link = errs.take(parse_optional_link("link", &input.link));
        let (Some(date), Some(start), Some(minutes), Some(link)) = (date, start, minutes, link) else {
            return Err(errs.into_error());
        };
        let moved = BriefingDay { date, start, minutes, link, cancelled: false, ..self.clone() };
        if others.iter().any(|o| !o.cancelled && o.planned != self.planned && overlaps(&moved.span(), &o.span())) {
            return Err(FieldError::new("time", Reason::Overlap).into());
        }
        if moved == *self {
            return Ok(moved);
        }
        Ok(BriefingDay { sequence: self.sequence.saturating_add(1), ..moved })
    }

    /// The swap's new settings applied to this day (same date), e.g. when the partners choose
    /// another time for the whole week. A cancelled day stays cancelled.
    pub fn apply_settings(&self, settings: &BriefingSettings) -> BriefingDay {
        let next = BriefingDay {
            start: settings.time,
            minutes: settings.minutes,
            link: settings.link.clone(),
            ..self.clone()
        };
        if next == *self { next } else { BriefingDay { sequence: self.sequence.saturating_add(1), ..next } }
    }

    fn span(&self) -> Span {
        let (end, wrapped) = self.start.overflowing_add_signed(Duration::minutes(i64::from(self.minutes)));
        // A briefing late in the evening ends at midnight as far as overlaps go.
        let end = if wrapped == 0 { end } else { end_of_day() };
        Span { date: self.date, start: self.start, end }
    }
}

/// A stretch of one day in wall-clock time. Touching ends do not overlap.
struct Span {
    date: NaiveDate,
    start: NaiveTime,
    end: NaiveTime,
}

fn end_of_day() -> NaiveTime {
    NaiveTime::from_hms_nano_opt(23, 59, 59, 999_999_999).unwrap_or(NaiveTime::MIN)
}

fn overlaps(a: &Span, b: &Span) -> bool {
    a.date == b.date && a.start < b.end && b.start < a.end
}

// ---------------------------------------------------------------------------------------------
// Appointments

choice! {
    /// What kind of appointment the host plans for the guest.
    AppointmentKind {
        TeamMeeting = "team_meeting",
        OnlineEvent = "online_event",
        Workshop = "workshop",
        LeadershipRound = "leadership_round",
        Other = "other",
    }
}

/// Where an appointment takes place: a room or address, or a link to join online.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum Venue {
    Place(Place),
    Link(HttpsUrl),
}

impl Venue {
    /// Text that starts like a link is a link (and must be `https://`); anything else a place.
    pub fn parse(field: &'static str, raw: &str) -> Result<Self, FieldError> {
        let s = raw.trim();
        let lower = s.to_lowercase();
        if lower.starts_with("http:") || lower.starts_with("https:") {
            HttpsUrl::parse(field, s).map(Venue::Link)
        } else {
            Place::parse(field, s).map(Venue::Place)
        }
    }

    pub fn as_str(&self) -> &str {
        match self {
            Venue::Place(p) => p.as_str(),
            Venue::Link(l) => l.as_str(),
        }
    }
}

/// An appointment as the form submits it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AppointmentInput {
    pub title: String,
    /// One of the [`AppointmentKind`] codes.
    pub kind: String,
    /// `2027-03-22`
    pub date: String,
    /// `09:00`, Europe/Berlin
    pub start: String,
    pub end: String,
    pub place_or_link: String,
    /// May be empty.
    pub note_for_guest: String,
}

/// One of the host side's appointments for a guest, on a day of the swap week.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Appointment {
    pub title: AppointmentTitle,
    pub kind: AppointmentKind,
    pub date: NaiveDate,
    /// Europe/Berlin wall-clock time; `end` is later the same day.
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub venue: Venue,
    pub note_for_guest: Option<GuestNote>,
}

impl Appointment {
    /// Parses and checks an appointment for a guest in `week`. `existing` are that guest's
    /// other appointments (without the one being edited); an overlap with one of them is
    /// refused. Every bad field is reported at once. A day that is a holiday at the host is
    /// allowed: the host knows best (an online event of another Land may still take place).
    pub fn parse(input: &AppointmentInput, week: IsoWeek, existing: &[Appointment]) -> Result<Self, DomainError> {
        let mut errs = Errors::default();
        let title = errs.take(AppointmentTitle::parse("title", &input.title));
        let kind = errs.take(AppointmentKind::parse("kind", &input.kind));
        let date = errs.take(parse_week_date("date", &input.date, week));
        let start = errs.take(parse_time("start", &input.start));
        let end = errs.take(parse_time("end", &input.end));
        let venue = errs.take(Venue::parse("place_or_link", &input.place_or_link));
        let note_for_guest = match input.note_for_guest.trim() {
            "" => Some(None),
            note => errs.take(GuestNote::parse("note_for_guest", note).map(Some)),
        };
        if let (Some(start), Some(end)) = (start, end)
            && end <= start
        {
            errs.push(FieldError::new("end", Reason::EndBeforeStart));
        }
        let (Some(title), Some(kind), Some(date), Some(start), Some(end), Some(venue), Some(note_for_guest)) =
            (title, kind, date, start, end, venue, note_for_guest)
        else {
            return Err(errs.into_error());
        };
        if end <= start {
            // Recorded above with the other field errors.
            return Err(errs.into_error());
        }
        let appointment = Appointment { title, kind, date, start, end, venue, note_for_guest };
        if existing.iter().any(|o| overlaps(&appointment.span(), &o.span())) {
            return Err(FieldError::new("start", Reason::Overlap).into());
        }
        Ok(appointment)
    }

    pub fn start_utc(&self) -> DateTime<Utc> {
        berlin_to_utc(self.date, self.start)
    }

    pub fn end_utc(&self) -> DateTime<Utc> {
        berlin_to_utc(self.date, self.end)
    }

    /// Whether two appointments share a moment (back-to-back ones do not).
    pub fn overlaps(&self, other: &Appointment) -> bool {
        overlaps(&self.span(), &other.span())
    }

    fn span(&self) -> Span {
        Span { date: self.date, start: self.start, end: self.end }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_as_written_in_germany_and_as_iso() {
        let d = NaiveDate::from_ymd_opt(2027, 1, 19).unwrap();
        for raw in ["19.01.2027", "19.1.2027", "2027-01-19", " 19.01.2027 "] {
            assert_eq!(parse_date("date", raw), Ok(d), "{raw}");
        }
        for raw in ["19.01.27", "2027/01/19", "31.02.2027", "morgen"] {
            assert_eq!(parse_date("date", raw).unwrap_err().reason, Reason::Date, "{raw}");
        }
    }
    use Region::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    fn t(s: &str) -> NaiveTime {
        NaiveTime::parse_from_str(s, "%H:%M").unwrap()
    }

    fn w(s: &str) -> IsoWeek {
        IsoWeek::parse("week", s).unwrap()
    }

    fn reasons(e: DomainError) -> Vec<(&'static str, Reason)> {
        let DomainError::Invalid(fields) = e else { panic!("expected invalid input, got {e:?}") };
        fields.into_iter().map(|f| (f.field, f.reason)).collect()
    }

    #[test]
    fn easter_by_the_computus() {
        for (year, easter) in [
            (2000, "2000-04-23"),
            (2008, "2008-03-23"),
            (2011, "2011-04-24"),
            (2019, "2019-04-21"),
            (2024, "2024-03-31"),
            (2025, "2025-04-20"),
            (2027, "2027-03-28"),
            (2038, "2038-04-25"),
            (2100, "2100-03-28"),
        ] {
            assert_eq!(easter_sunday(year), Some(d(easter)), "{year}");
        }
    }

    #[test]
    fn holidays_of_2027() {
        let by: Vec<_> = holidays(2027, Bayern).into_iter().map(|(date, h)| (date.to_string(), h.code())).collect();
        assert_eq!(
            by,
            [
                ("2027-01-01", "new_year"),
                ("2027-01-06", "epiphany"),
                ("2027-03-26", "good_friday"),
                ("2027-03-29", "easter_monday"),
                ("2027-05-01", "labour_day"),
                ("2027-05-06", "ascension_day"),
                ("2027-05-17", "whit_monday"),
                ("2027-05-27", "corpus_christi"),
                ("2027-10-03", "german_unity_day"),
                ("2027-11-01", "all_saints_day"),
                ("2027-12-25", "christmas_day"),
                ("2027-12-26", "second_christmas_day"),
            ]
            .map(|(a, b)| (a.to_owned(), b))
        );
        assert_eq!(holiday_on(d("2027-11-17"), Sachsen), Some(Holiday::RepentanceDay));
        assert_eq!(holiday_on(d("2027-11-17"), Bayern), None);
        assert_eq!(holiday_on(d("2026-11-18"), Sachsen), Some(Holiday::RepentanceDay));
        assert_eq!(holiday_on(d("2027-08-16"), Saarland), None);
        // Bayern keeps Mariä Himmelfahrt only in some municipalities: not a state-wide holiday.
        assert_eq!(holiday_on(d("2026-08-15"), Saarland), Some(Holiday::AssumptionDay));
        assert_eq!(holiday_on(d("2026-08-15"), Bayern), None);
        assert_eq!(holiday_on(d("2027-09-20"), Thueringen), Some(Holiday::ChildrensDay));
        assert_eq!(holiday_on(d("2027-09-20"), Sachsen), None);
        assert_eq!(Holiday::RepentanceDay.name(Locale::De), "Buß- und Bettag");
        assert_eq!(Holiday::GoodFriday.name(Locale::En), "Good Friday");
    }

    #[test]
    fn holidays_that_came_with_a_year() {
        assert_eq!(holiday_on(d("2016-10-31"), Niedersachsen), None);
        assert_eq!(holiday_on(d("2017-10-31"), Bayern), Some(Holiday::ReformationDay));
        assert_eq!(holiday_on(d("2018-10-31"), Niedersachsen), Some(Holiday::ReformationDay));
        assert_eq!(holiday_on(d("2018-10-31"), Bayern), None);
        assert_eq!(holiday_on(d("2018-03-08"), Berlin), None);
        assert_eq!(holiday_on(d("2019-03-08"), Berlin), Some(Holiday::WomensDay));
        assert_eq!(holiday_on(d("2022-03-08"), MecklenburgVorpommern), None);
        assert_eq!(holiday_on(d("2023-03-08"), MecklenburgVorpommern), Some(Holiday::WomensDay));
        assert_eq!(holiday_on(d("2018-09-20"), Thueringen), None);
        assert_eq!(holiday_on(d("2025-05-08"), Berlin), Some(Holiday::LiberationDay));
        assert_eq!(holiday_on(d("2026-05-08"), Berlin), None);
        // 2008: Christi Himmelfahrt on 1 May; both are listed.
        let may_first: Vec<_> =
            holidays(2008, Hessen).into_iter().filter(|(date, _)| *date == d("2008-05-01")).collect();
        assert_eq!(may_first.len(), 2);
    }

    #[test]
    fn codes_round_trip() {
        for h in Holiday::ALL {
            assert_eq!(Holiday::from_code(h.code()), Some(*h));
            assert!(!h.name(Locale::De).is_empty() && !h.name(Locale::En).is_empty());
        }
        for k in AppointmentKind::ALL {
            assert_eq!(AppointmentKind::from_code(k.code()), Some(*k));
        }
    }

    #[test]
    fn easter_week_2027_at_one_host() {
        // Week 13 of 2027 starts on Easter Monday, the day after the switch to summer time.
        let days = work_days(w("2027-W13"), Hessen);
        assert_eq!(days.len(), 5);
        assert_eq!(days[0], WorkDay { date: d("2027-03-29"), holiday: Some(Holiday::EasterMonday) });
        assert!(days[1..].iter().all(|day| day.holiday.is_none()));
        assert_eq!(days[4].date, d("2027-04-02"));
    }

    #[test]
    fn ring_of_three_marks_holidays_per_leg_and_runs_unless_all_hosts_rest() {
        // Members' organisations in Niedersachsen, Bayern, Sachsen: member 0 goes to Bayern,
        // member 1 to Sachsen, member 2 to Niedersachsen.
        let members = [Niedersachsen, Bayern, Sachsen];
        let plan = WeekPlan::from_member_regions(w("2027-W44"), &members);
        assert_eq!(plan.hosts(), [Bayern, Sachsen, Niedersachsen]);
        let monday = &plan.days()[0];
        assert_eq!(monday.date, d("2027-11-01"));
        assert_eq!(monday.holidays, [Some(Holiday::AllSaintsDay), None, None]);
        assert!(monday.runs());
        assert_eq!(plan.running_days().len(), 5);
        assert_eq!(plan.leg_days(0)[0].holiday, Some(Holiday::AllSaintsDay));
        assert_eq!(plan.leg_days(1)[0].holiday, None);
        assert!(plan.leg_days(3).is_empty());

        // Buß- und Bettag: only the guest in Sachsen has the day off.
        let plan = WeekPlan::from_member_regions(w("2027-W46"), &members);
        assert_eq!(plan.days()[2].holidays, [None, Some(Holiday::RepentanceDay), None]);
        assert!(plan.runs_on(d("2027-11-17")));

        // Fronleichnam at all three hosts: the Thursday does not run, no briefing then.
        let plan = WeekPlan::new(w("2027-W21"), vec![BadenWuerttemberg, Bayern, NordrheinWestfalen]);
        assert!(!plan.runs_on(d("2027-05-27")));
        assert_eq!(plan.running_days().len(), 4);
        let briefings = plan.briefings(&BriefingSettings::default());
        assert_eq!(briefings.iter().map(|b| b.date.day()).collect::<Vec<_>>(), [24, 25, 26, 28]);
        assert_eq!(plan.parse_swap_day("date", "2027-05-27").unwrap_err().reason, Reason::NoSwapDay);
        // With a host in Berlin the same Thursday runs.
        let plan = WeekPlan::new(w("2027-W21"), vec![BadenWuerttemberg, Berlin]);
        assert!(plan.runs_on(d("2027-05-27")));
    }

    #[test]
    fn briefing_times_follow_summer_time() {
        let z = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        let plan_start = |week: &str| {
            let plan = WeekPlan::new(w(week), vec![Hessen, Berlin]);
            plan.briefings(&BriefingSettings::default())
                .iter()
                .map(|b| (b.start_utc(), b.end_utc()))
                .collect::<Vec<_>>()
        };
        // The spring switch is on Sunday 28 March 2027, between week 12 and week 13.
        let w12 = plan_start("2027-W12");
        assert_eq!(w12.len(), 4, "Good Friday at both hosts");
        assert_eq!(w12[0], (z("2027-03-22T07:30:00Z"), z("2027-03-22T07:40:00Z")));
        assert_eq!(w12[3].0, z("2027-03-25T07:30:00Z"));
        let w13 = plan_start("2027-W13");
        assert_eq!(w13.len(), 4, "Easter Monday at both hosts");
        assert_eq!(w13[0].0, z("2027-03-30T06:30:00Z"));
        // The autumn switch is on Sunday 31 October 2027, between week 43 and week 44.
        assert!(plan_start("2027-W43").iter().all(|(s, _)| s.format("%H:%M").to_string() == "06:30"));
        assert!(plan_start("2027-W44").iter().all(|(s, _)| s.format("%H:%M").to_string() == "07:30"));
    }

    #[test]
    fn times_that_do_not_exist_or_exist_twice_follow_rfc_5545() {
        let z = |s: &str| DateTime::parse_from_rfc3339(s).unwrap().with_timezone(&Utc);
        // 02:30 on 28 March 2027 is skipped: read with the winter offset, i.e. 03:30 CEST.
        assert_eq!(berlin_to_utc(d("2027-03-28"), t("02:30")), z("2027-03-28T01:30:00Z"));
        assert_eq!(berlin_to_utc(d("2027-03-28"), t("03:00")), z("2027-03-28T01:00:00Z"));
        assert_eq!(berlin_to_utc(d("2027-03-28"), t("01:59")), z("2027-03-28T00:59:00Z"));
        // 02:30 on 31 October 2027 happens twice: the first (CEST) counts.
        assert_eq!(berlin_to_utc(d("2027-10-31"), t("02:30")), z("2027-10-31T00:30:00Z"));
        assert_eq!(berlin_to_utc(d("2027-10-31"), t("03:00")), z("2027-10-31T02:00:00Z"));
    }

    #[test]
    fn briefing_settings_parse() {
        assert_eq!(BriefingSettings::parse("08:30", "10", "").unwrap(), BriefingSettings::default());
        let s = BriefingSettings::parse("9:15", "15", "https://meet.example.de/jt").unwrap();
        assert_eq!((s.time, s.minutes), (t("09:15"), 15));
        assert_eq!(s.link.unwrap().as_str(), "https://meet.example.de/jt");
        assert_eq!(
            reasons(BriefingSettings::parse("8 Uhr", "4", "http://meet.example.de").unwrap_err()),
            [("time", Reason::Time), ("minutes", Reason::OutOfRange { min: 5, max: 60 }), ("link", Reason::Link)]
        );
        assert_eq!(
            reasons(BriefingSettings::parse("", "61", "").unwrap_err())[1].1,
            Reason::OutOfRange { min: 5, max: 60 }
        );
        assert_eq!(parse_time("t", "08:30:00").unwrap(), t("08:30"));
        assert_eq!(parse_time("t", "08:30:15").unwrap_err().reason, Reason::Time);
        assert_eq!(parse_time("t", "25:00").unwrap_err().reason, Reason::Time);
    }

    fn input(date: &str, time: &str) -> BriefingInput {
        BriefingInput { date: date.into(), time: time.into(), minutes: "10".into(), link: String::new() }
    }

    #[test]
    fn briefings_move_and_cancel_with_a_rising_sequence() {
        let swap = SwapId::new();
        let plan = WeekPlan::new(w("2027-W21"), vec![Bayern, Hessen]);
        let all = plan.briefings(&BriefingSettings::default());
        let tuesday = &all[1];
        assert_eq!((tuesday.date, tuesday.sequence, tuesday.cancelled), (d("2027-05-25"), 0, false));

        let same = tuesday.reschedule(&plan, &input("2027-05-25", "08:30"), &all).unwrap();
        assert_eq!(same.sequence, 0, "nothing changed");

        let later = tuesday.reschedule(&plan, &input("2027-05-25", "10:00"), &all).unwrap();
        assert_eq!((later.start, later.sequence), (t("10:00"), 1));
        assert_eq!(later.uid(swap), tuesday.uid(swap));

        // Another day of the week is fine if the swap runs then and no briefing is at that time.
        let moved = later.reschedule(&plan, &input("2027-05-26", "14:00"), &all).unwrap();
        assert_eq!((moved.date, moved.planned, moved.sequence), (d("2027-05-26"), d("2027-05-25"), 2));
        assert_eq!(moved.uid(swap), tuesday.uid(swap));
        assert_eq!(
            reasons(later.reschedule(&plan, &input("2027-05-26", "08:35"), &all).unwrap_err()),
            [("time", Reason::Overlap)]
        );
        // Fronleichnam at both hosts, the Saturday and a day of another week are refused.
        for (date, reason) in [
            ("2027-05-27", Reason::NoSwapDay),
            ("2027-05-29", Reason::OutsideWeek),
            ("2027-06-01", Reason::OutsideWeek),
        ] {
            assert_eq!(
                reasons(tuesday.reschedule(&plan, &input(date, "08:30"), &all).unwrap_err()),
                [("date", reason)]
            );
        }
        assert_eq!(
            reasons(tuesday.reschedule(&plan, &input("27.05.27", "08:30"), &all).unwrap_err())[0].1,
            Reason::Date
        );

        let off = moved.cancel();
        assert_eq!((off.cancelled, off.sequence), (true, 3));
        assert_eq!(off.cancel(), off, "cancelling twice changes nothing");
        // A cancelled briefing does not block its time, and moving it sets it on again.
        let mut others = all.clone();
        others[2] = all[2].cancel();
        let on = others[2].reschedule(&plan, &input("2027-05-25", "08:30"), &[]).unwrap();
        assert_eq!((on.cancelled, on.sequence), (false, 2));
        assert!(tuesday.reschedule(&plan, &input("2027-05-26", "08:30"), &others).is_ok());

        let settings = BriefingSettings::parse("09:00", "15", "https://meet.example.de/a").unwrap();
        let updated = tuesday.apply_settings(&settings);
        assert_eq!((updated.start, updated.minutes, updated.sequence), (t("09:00"), 15, 1));
        assert_eq!(updated.apply_settings(&settings), updated);
    }

    fn appointment(date: &str, start: &str, end: &str) -> AppointmentInput {
        AppointmentInput {
            title: "Teamrunde Digitalisierung".into(),
            kind: "team_meeting".into(),
            date: date.into(),
            start: start.into(),
            end: end.into(),
            place_or_link: "Rathaus, Raum 3.12".into(),
            note_for_guest: String::new(),
        }
    }

    #[test]
    fn appointments_parse() {
        let week = w("2027-W13");
        let a = Appointment::parse(&appointment("2027-03-30", "09:00", "10:30"), week, &[]).unwrap();
        assert_eq!(a.kind, AppointmentKind::TeamMeeting);
        assert_eq!(a.venue, Venue::Place(Place::parse("p", "Rathaus, Raum 3.12").unwrap()));
        assert_eq!(a.note_for_guest, None);
        assert_eq!(a.start_utc().to_rfc3339(), "2027-03-30T07:00:00+00:00");
        assert_eq!(a.end_utc().to_rfc3339(), "2027-03-30T08:30:00+00:00");

        let online = AppointmentInput {
            kind: "online_event".into(),
            place_or_link: "https://events.example.de/ozg".into(),
            note_for_guest: "Kamera bitte an; Fragen gern im Chat.".into(),
            ..appointment("2027-03-30", "10:30", "12:00")
        };
        let b = Appointment::parse(&online, week, std::slice::from_ref(&a)).unwrap();
        assert!(matches!(b.venue, Venue::Link(_)), "back to back is no overlap");
        assert_eq!(b.note_for_guest.unwrap().as_str(), "Kamera bitte an; Fragen gern im Chat.");
    }

    #[test]
    fn bad_appointments_are_refused_with_every_reason() {
        let week = w("2027-W13");
        let bad = AppointmentInput {
            title: " ".into(),
            kind: "party".into(),
            date: "2027-04-03".into(),
            start: "11:00".into(),
            end: "10:00".into(),
            place_or_link: "http://events.example.de".into(),
            note_for_guest: "x".repeat(GuestNote::MAX + 1),
        };
        assert_eq!(
            reasons(Appointment::parse(&bad, week, &[]).unwrap_err()),
            [
                ("title", Reason::Required),
                ("kind", Reason::UnknownChoice),
                ("date", Reason::OutsideWeek),
                ("place_or_link", Reason::Link),
                ("note_for_guest", Reason::TooLong { max: GuestNote::MAX }),
                ("end", Reason::EndBeforeStart),
            ]
        );
        let equal = appointment("2027-03-30", "10:00", "10:00");
        assert_eq!(reasons(Appointment::parse(&equal, week, &[]).unwrap_err()), [("end", Reason::EndBeforeStart)]);
        let monday_before = appointment("2027-03-22", "10:00", "11:00");
        assert_eq!(
            reasons(Appointment::parse(&monday_before, week, &[]).unwrap_err()),
            [("date", Reason::OutsideWeek)]
        );
        let no_time = appointment("2027-03-30", "", "zehn");
        assert_eq!(
            reasons(Appointment::parse(&no_time, week, &[]).unwrap_err()),
            [("start", Reason::Required), ("end", Reason::Time)]
        );
        let long_title = AppointmentInput { title: "T".repeat(121), ..appointment("2027-03-30", "10:00", "11:00") };
        assert_eq!(
            reasons(Appointment::parse(&long_title, week, &[]).unwrap_err()),
            [("title", Reason::TooLong { max: AppointmentTitle::MAX })]
        );
    }

    #[test]
    fn overlapping_appointments_of_one_guest_are_refused() {
        let week = w("2027-W13");
        let first = Appointment::parse(&appointment("2027-03-31", "09:00", "10:30"), week, &[]).unwrap();
        let existing = [first];
        for (start, end) in [("10:00", "11:00"), ("08:00", "09:01"), ("09:15", "09:45"), ("08:00", "12:00")] {
            assert_eq!(
                reasons(Appointment::parse(&appointment("2027-03-31", start, end), week, &existing).unwrap_err()),
                [("start", Reason::Overlap)],
                "{start}-{end}"
            );
        }
        // Same time, another day: fine.
        assert!(Appointment::parse(&appointment("2027-04-01", "09:00", "10:30"), week, &existing).is_ok());
    }
}
