//! Events and after-work meetups of the network, and the "Tauschrunden" drawn at them.
//!
//! [`EventDraft::parse`] turns the organiser's form (times in Europe/Berlin) into a valid
//! event; [`may_manage`] says who runs an event; [`draw`] is the pure drawing of breakout
//! groups (pairs, and one three when the count is odd) that avoids people of one organisation
//! and pairs who met in an earlier round of the same event, with a seedable [`Rng`].

use crate::access::{Actor, OrgRole};
use crate::error::{DomainError, Errors, FieldError, Reason};
use crate::ids::{OrgId, UserId};
use crate::values::{HttpsUrl, Place};
use crate::week::{berlin_to_utc, parse_date, parse_time};
use chrono::{DateTime, NaiveTime, Utc};
use serde::Serialize;
use std::collections::{HashMap, HashSet};

pub use crate::ids::EventId;

/// The longest title and description of an event.
pub const TITLE_MAX: usize = 150;
pub const DESCRIPTION_MAX: usize = 5000;
/// The most places an event offers.
pub const CAPACITY_MAX: i64 = 10_000;

/// Where an event takes place.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum EventVenue {
    /// In person, at a place in words ("Rathaus Musterstadt, Raum 3.12").
    Place(Place),
    /// Online; the link is shown only to people with a place.
    Online(HttpsUrl),
}

impl EventVenue {
    pub fn is_online(&self) -> bool {
        matches!(self, EventVenue::Online(_))
    }

    pub fn place(&self) -> Option<&str> {
        match self {
            EventVenue::Place(p) => Some(p.as_str()),
            EventVenue::Online(_) => None,
        }
    }

    pub fn video_link(&self) -> Option<&str> {
        match self {
            EventVenue::Online(l) => Some(l.as_str()),
            EventVenue::Place(_) => None,
        }
    }
}

/// An event as the organiser's form or the API sends it. Dates as `2027-01-19` or
/// `19.01.2027`, times as `18:30`, both Europe/Berlin.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EventInput {
    pub title: String,
    pub description: String,
    pub start_date: String,
    pub start_time: String,
    /// Empty: the day it starts.
    pub end_date: String,
    pub end_time: String,
    /// `online` or `in_person`.
    pub format: String,
    /// For an event in person.
    pub place: String,
    /// For an online event (`https://`).
    pub video_link: String,
    pub capacity: String,
    /// Empty: registration is open until the start.
    pub deadline_date: String,
    /// Empty with a date: until the end of that day.
    pub deadline_time: String,
    /// `public` or `members`.
    pub visibility: String,
}

/// A valid event.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EventDraft {
    pub title: String,
    pub description: String,
    pub starts_at: DateTime<Utc>,
    pub ends_at: DateTime<Utc>,
    pub venue: EventVenue,
    pub capacity: i64,
    pub registration_deadline: DateTime<Utc>,
    /// Visible without signing in (registering always needs an account).
    pub public: bool,
}

fn text(errs: &mut Errors, field: &'static str, raw: &str, max: usize) -> Option<String> {
    let s = raw.trim();
    if s.is_empty() {
        errs.push(FieldError::new(field, Reason::Required));
        None
    } else if s.chars().count() > max {
        errs.push(FieldError::new(field, Reason::TooLong { max }));
        None
    } else if s.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t')) {
        errs.push(FieldError::new(field, Reason::UnknownChoice));
        None
    } else {
        Some(s.to_owned())
    }
}

impl EventDraft {
    /// Parses and checks an event; every refused field is reported at once. `now` refuses a
    /// start in the past (an event already under way cannot be announced any more).
    pub fn parse(input: &EventInput, now: DateTime<Utc>) -> Result<Self, DomainError> {
        let mut errs = Errors::default();
        let title = text(&mut errs, "event_title", &input.title, TITLE_MAX);
        let description = text(&mut errs, "event_description", &input.description, DESCRIPTION_MAX);
        let start_date = errs.take(parse_date("start_date", &input.start_date));
        let start_time = errs.take(parse_time("start_time", &input.start_time));
        let end_date = if input.end_date.trim().is_empty() {
            start_date
        } else {
            errs.take(parse_date("end_date", &input.end_date))
        };
        let end_time = errs.take(parse_time("end_time", &input.end_time));
        let venue = match input.format.trim() {
            "online" => errs.take(HttpsUrl::parse("video_link", &input.video_link).map(EventVenue::Online)),
            "in_person" => errs.take(Place::parse("event_place", &input.place).map(EventVenue::Place)),
            "" => {
                errs.push(FieldError::new("format", Reason::Required));
                None
            }
            _ => {
                errs.push(FieldError::new("format", Reason::UnknownChoice));
                None
            }
        };
        let capacity = match input.capacity.trim().parse::<i64>() {
            Ok(n) if (1..=CAPACITY_MAX).contains(&n) => Some(n),
            _ if input.capacity.trim().is_empty() => {
                errs.push(FieldError::new("capacity", Reason::Required));
                None
            }
            _ => {
                errs.push(FieldError::new("capacity", Reason::OutOfRange { min: 1, max: CAPACITY_MAX }));
                None
            }
        };
        let public = match input.visibility.trim() {
            "public" => Some(true),
            "members" => Some(false),
            "" => {
                errs.push(FieldError::new("visibility", Reason::Required));
                None
            }
            _ => {
                errs.push(FieldError::new("visibility", Reason::UnknownChoice));
                None
            }
        };
        let starts_at = start_date.zip(start_time).map(|(d, t)| berlin_to_utc(d, t));
        let ends_at = end_date.zip(end_time).map(|(d, t)| berlin_to_utc(d, t));
        if let (Some(s), Some(e)) = (starts_at, ends_at)
            && e <= s
        {
            errs.push(FieldError::new("end_time", Reason::EndBeforeStart));
        }
        if starts_at.is_some_and(|s| s <= now) {
            errs.push(FieldError::new("start_date", Reason::InPast));
        }
        let deadline = match (input.deadline_date.trim(), input.deadline_time.trim()) {
            ("", "") => starts_at,
            ("", _) => {
                errs.push(FieldError::new("deadline_date", Reason::Required));
                None
            }
            (date, time) => {
                let date = errs.take(parse_date("deadline_date", date));
                let time = if time.is_empty() {
                    NaiveTime::from_hms_opt(23, 59, 0)
                } else {
                    errs.take(parse_time("deadline_time", time))
                };
                date.zip(time).map(|(d, t)| berlin_to_utc(d, t))
            }
        };
        if let (Some(d), Some(s)) = (deadline, starts_at)
            && d > s
        {
            errs.push(FieldError::new("deadline_date", Reason::DeadlineAfterStart));
        }
        errs.into_result()?;
        match (title, description, starts_at, ends_at, venue, capacity, deadline, public) {
            (Some(title), Some(description), Some(s), Some(e), Some(venue), Some(capacity), Some(d), Some(public)) => {
                Ok(EventDraft {
                    title,
                    description,
                    starts_at: s,
                    ends_at: e,
                    venue,
                    capacity,
                    registration_deadline: d,
                    public,
                })
            }
            // Every missing value recorded its error above.
            _ => Err(DomainError::Invalid(vec![FieldError::new("event_title", Reason::Required)])),
        }
    }
}

/// Network organisers and organisation admins announce events.
pub fn ensure_may_create(actor: &Actor) -> Result<(), DomainError> {
    if actor.organiser || (actor.org_id.is_some() && actor.has(OrgRole::OrgAdmin)) {
        Ok(())
    } else {
        Err(DomainError::Forbidden("event-organisers-only"))
    }
}

/// Who runs an event (edits, cancels, sees the list with addresses, marks attendance, draws
/// rounds): the person who created it, the admins of its organisation, the network organisers.
pub fn may_manage(actor: &Actor, event_org: Option<OrgId>, created_by: Option<UserId>) -> bool {
    actor.organiser
        || created_by == Some(actor.user_id)
        || event_org.is_some_and(|o| actor.org_id == Some(o) && actor.has(OrgRole::OrgAdmin))
}

// ---------------------------------------------------------------------------------------------
// Tauschrunden

/// A small deterministic random generator (SplitMix64): the same seed draws the same groups,
/// so a draw can be reproduced and tested. Not for secrets.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn seeded(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % (n.max(1) as u64)) as usize
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            items.swap(i, self.below(i + 1));
        }
    }
}

/// One person to place in a round: who, and their organisation (people of none are each
/// their own).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Attendee {
    pub user: UserId,
    pub org: Option<OrgId>,
}

/// Two people, in order, so that a pair is the same whichever way round it is named.
pub fn pair_key(a: UserId, b: UserId) -> (UserId, UserId) {
    if a <= b { (a, b) } else { (b, a) }
}

/// What a grouping costs: pairs of one organisation first, then pairs who met before.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct DrawCost {
    pub same_org: usize,
    pub repeats: usize,
}

impl std::ops::Add for DrawCost {
    type Output = DrawCost;
    fn add(self, o: DrawCost) -> DrawCost {
        DrawCost { same_org: self.same_org + o.same_org, repeats: self.repeats + o.repeats }
    }
}

/// How the pairs of a group cost, given who met before.
pub fn group_cost(group: &[Attendee], met: &HashSet<(UserId, UserId)>) -> DrawCost {
    let mut c = DrawCost::default();
    for (i, a) in group.iter().enumerate() {
        for b in &group[i + 1..] {
            if a.org.is_some() && a.org == b.org {
                c.same_org += 1;
            }
            if met.contains(&pair_key(a.user, b.user)) {
                c.repeats += 1;
            }
        }
    }
    c
}

/// Up to this many people, the draw searches every grouping (in a random order) and takes the
/// first of the least cost; beyond it, it improves a good start by exchanging people.
pub const EXACT_UP_TO: usize = 12;

/// Draws breakout groups: pairs, and one group of three when the count is odd, so that
/// everyone is placed exactly once. Among the groupings it finds, it takes one with the fewest
/// pairs of one organisation, then the fewest pairs who met before (`met`, from earlier rounds
/// of the same event). Fewer than two people: no groups.
pub fn draw(people: &[Attendee], met: &HashSet<(UserId, UserId)>, rng: &mut Rng) -> Vec<Vec<UserId>> {
    let mut people: Vec<Attendee> = people.to_vec();
    // Each once, whatever the caller passed.
    let mut seen = HashSet::new();
    people.retain(|p| seen.insert(p.user));
    if people.len() < 2 {
        return Vec::new();
    }
    rng.shuffle(&mut people);
    let groups = if people.len() <= EXACT_UP_TO { exact(&people, met) } else { improve(&people, met, rng) };
    groups.into_iter().map(|g| g.into_iter().map(|a| a.user).collect()).collect()
}

/// Every grouping, depth first, pruned by the best cost so far; stops at a grouping of no cost.
fn exact(people: &[Attendee], met: &HashSet<(UserId, UserId)>) -> Vec<Vec<Attendee>> {
    struct Search<'a> {
        people: &'a [Attendee],
        met: &'a HashSet<(UserId, UserId)>,
        best: Option<(DrawCost, Vec<Vec<usize>>)>,
    }
    impl Search<'_> {
        fn cost(&self, group: &[usize]) -> DrawCost {
            group_cost(&group.iter().map(|&i| self.people[i]).collect::<Vec<_>>(), self.met)
        }

        /// Places the first person not placed yet with one other (or two, while the group of
        /// three of an odd count is still to come), and goes on with the rest.
        fn go(&mut self, used: &mut [bool], groups: &mut Vec<Vec<usize>>, cost: DrawCost, need_three: bool) {
            if self.best.as_ref().is_some_and(|(b, _)| cost >= *b) {
                return;
            }
            let Some(first) = used.iter().position(|u| !u) else {
                if !need_three {
                    self.best = Some((cost, groups.clone()));
                }
                return;
            };
            let rest: Vec<usize> = (first + 1..used.len()).filter(|&i| !used[i]).collect();
            used[first] = true;
            for (k, &b) in rest.iter().enumerate() {
                used[b] = true;
                // A pair leaves an odd count behind only while a group of three can still come.
                if !need_three || rest.len() > 3 {
                    groups.push(vec![first, b]);
                    let c = cost + self.cost(&[first, b]);
                    self.go(used, groups, c, need_three);
                    groups.pop();
                }
                if need_three {
                    for &third in &rest[k + 1..] {
                        used[third] = true;
                        groups.push(vec![first, b, third]);
                        let c = cost + self.cost(&[first, b, third]);
                        self.go(used, groups, c, false);
                        groups.pop();
                        used[third] = false;
                    }
                }
                used[b] = false;
            }
            used[first] = false;
        }
    }
    let mut s = Search { people, met, best: None };
    let mut used = vec![false; people.len()];
    s.go(&mut used, &mut Vec::new(), DrawCost::default(), people.len() % 2 == 1);
    let groups = s.best.map(|(_, g)| g).unwrap_or_default();
    groups.into_iter().map(|g| g.into_iter().map(|i| people[i]).collect()).collect()
}

/// A start without pairs of one organisation where that is possible (one of the largest
/// organisation with one of the next largest, the three largest first for an odd count), then
/// exchanges of two people between groups while that lowers the cost, from a few starts.
fn improve(people: &[Attendee], met: &HashSet<(UserId, UserId)>, rng: &mut Rng) -> Vec<Vec<Attendee>> {
    let mut best = start(people, rng);
    let mut best_cost = total(&best, met);
    for attempt in 0..8 {
        let mut groups = if attempt == 0 { best.clone() } else { perturb(&best, rng) };
        local_search(&mut groups, met, rng);
        let c = total(&groups, met);
        if c < best_cost {
            best = groups;
            best_cost = c;
        }
        if best_cost == DrawCost::default() {
            break;
        }
    }
    best
}

fn total(groups: &[Vec<Attendee>], met: &HashSet<(UserId, UserId)>) -> DrawCost {
    groups.iter().fold(DrawCost::default(), |c, g| c + group_cost(g, met))
}

/// Groups in which no two share an organisation, when the largest organisation has at most
/// half of the people (then such a grouping exists, and this finds it).
fn start(people: &[Attendee], rng: &mut Rng) -> Vec<Vec<Attendee>> {
    // Buckets by organisation; people of none are each a bucket of their own.
    let mut buckets: Vec<Vec<Attendee>> = Vec::new();
    let mut index: HashMap<OrgId, usize> = HashMap::new();
    for p in people {
        match p.org.and_then(|o| index.get(&o).copied()) {
            Some(i) => buckets[i].push(*p),
            None => {
                if let Some(o) = p.org {
                    index.insert(o, buckets.len());
                }
                buckets.push(vec![*p]);
            }
        }
    }
    let mut groups = Vec::new();
    // Largest buckets first; ties broken by the shuffled order the buckets came in.
    let take = |buckets: &mut Vec<Vec<Attendee>>, k: usize| -> Vec<Attendee> {
        buckets.sort_by_key(|b| std::cmp::Reverse(b.len()));
        let mut g = Vec::new();
        for b in buckets.iter_mut().take(k) {
            if let Some(p) = b.pop() {
                g.push(p);
            }
        }
        buckets.retain(|b| !b.is_empty());
        g
    };
    if people.len() % 2 == 1 {
        let mut g = take(&mut buckets, 3);
        while g.len() < 3 {
            // Fewer than three organisations: fill from what is left.
            match take(&mut buckets, 1).pop() {
                Some(p) => g.push(p),
                None => break,
            }
        }
        groups.push(g);
    }
    while !buckets.is_empty() {
        let mut g = take(&mut buckets, 2);
        if g.len() < 2 {
            match take(&mut buckets, 1).pop() {
                Some(p) => g.push(p),
                None => {
                    // Cannot happen with an even count left; keep everyone placed anyway.
                    if let (Some(last), Some(p)) = (groups.last_mut(), g.pop()) {
                        last.push(p);
                    }
                    continue;
                }
            }
        }
        groups.push(g);
    }
    rng.shuffle(&mut groups);
    groups
}

/// Exchanges a few random people between groups, as a new start for the search.
fn perturb(groups: &[Vec<Attendee>], rng: &mut Rng) -> Vec<Vec<Attendee>> {
    let mut out = groups.to_vec();
    for _ in 0..(out.len() / 2).max(1) {
        let (g1, g2) = (rng.below(out.len()), rng.below(out.len()));
        if g1 == g2 {
            continue;
        }
        let (i, j) = (rng.below(out[g1].len()), rng.below(out[g2].len()));
        let a = out[g1][i];
        out[g1][i] = out[g2][j];
        out[g2][j] = a;
    }
    out
}

/// Exchanges two people of different groups whenever that lowers the cost, until no exchange
/// does (or a bound on the sweeps is reached).
fn local_search(groups: &mut [Vec<Attendee>], met: &HashSet<(UserId, UserId)>, rng: &mut Rng) {
    let n = groups.len();
    for _sweep in 0..50 {
        let mut better = false;
        let mut order: Vec<usize> = (0..n).collect();
        rng.shuffle(&mut order);
        for x in 0..n {
            let g1 = order[x];
            for &g2 in &order[x + 1..] {
                for i in 0..groups[g1].len() {
                    for j in 0..groups[g2].len() {
                        let before = group_cost(&groups[g1], met) + group_cost(&groups[g2], met);
                        let (a, b) = (groups[g1][i], groups[g2][j]);
                        groups[g1][i] = b;
                        groups[g2][j] = a;
                        let after = group_cost(&groups[g1], met) + group_cost(&groups[g2], met);
                        if after < before {
                            better = true;
                        } else {
                            groups[g1][i] = a;
                            groups[g2][j] = b;
                        }
                    }
                }
            }
        }
        if !better {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::{ProptestConfig, Strategy, any, prop_assert, prop_assert_eq, proptest};

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2027, 1, 1, 12, 0, 0).unwrap()
    }

    fn input() -> EventInput {
        EventInput {
            title: "After-Work Digitalisierung".into(),
            description: "Wir tauschen uns aus.".into(),
            start_date: "19.01.2027".into(),
            start_time: "18:30".into(),
            end_date: "".into(),
            end_time: "20:00".into(),
            format: "online".into(),
            place: "".into(),
            video_link: "https://meet.example.de/afterwork".into(),
            capacity: "10".into(),
            deadline_date: "".into(),
            deadline_time: "".into(),
            visibility: "public".into(),
        }
    }

    #[test]
    fn parses_berlin_times_and_defaults() {
        let e = EventDraft::parse(&input(), now()).unwrap();
        assert_eq!(e.starts_at, Utc.with_ymd_and_hms(2027, 1, 19, 17, 30, 0).unwrap(), "CET is UTC+1");
        assert_eq!(e.ends_at, Utc.with_ymd_and_hms(2027, 1, 19, 19, 0, 0).unwrap());
        assert_eq!(e.registration_deadline, e.starts_at, "open until the start");
        assert!(e.public && e.venue.is_online());
        let with_deadline = EventInput { deadline_date: "2027-01-17".into(), ..input() };
        let e = EventDraft::parse(&with_deadline, now()).unwrap();
        assert_eq!(e.registration_deadline, Utc.with_ymd_and_hms(2027, 1, 17, 22, 59, 0).unwrap());
    }

    #[test]
    fn reports_every_bad_field() {
        let bad = EventInput {
            title: " ".into(),
            end_time: "17:00".into(),
            format: "in_person".into(),
            capacity: "0".into(),
            deadline_date: "2027-01-20".into(),
            visibility: "secret".into(),
            ..input()
        };
        let DomainError::Invalid(errs) = EventDraft::parse(&bad, now()).unwrap_err() else { panic!() };
        let fields: Vec<_> = errs.iter().map(|e| e.field).collect();
        assert_eq!(fields, ["event_title", "event_place", "capacity", "visibility", "end_time", "deadline_date"]);
        let past = EventInput { start_date: "2026-12-01".into(), ..input() };
        assert_eq!(
            EventDraft::parse(&past, now()).unwrap_err(),
            DomainError::Invalid(vec![FieldError::new("start_date", Reason::InPast)])
        );
        let http = EventInput { video_link: "http://meet.example.de".into(), ..input() };
        assert!(EventDraft::parse(&http, now()).is_err());
    }

    #[test]
    fn who_runs_an_event() {
        let org = OrgId::new();
        let person = |roles: Vec<OrgRole>, organiser: bool| Actor {
            user_id: UserId::new(),
            org_id: Some(org),
            roles,
            organiser,
        };
        let admin = person(vec![OrgRole::OrgAdmin], false);
        let participant = person(vec![], false);
        assert!(ensure_may_create(&admin).is_ok() && ensure_may_create(&person(vec![], true)).is_ok());
        assert_eq!(ensure_may_create(&participant), Err(DomainError::Forbidden("event-organisers-only")));
        assert!(may_manage(&admin, Some(org), None));
        assert!(!may_manage(&admin, Some(OrgId::new()), None), "another organisation's admin");
        assert!(!may_manage(&participant, Some(org), None));
        assert!(may_manage(&participant, Some(org), Some(participant.user_id)), "its creator");
    }

    fn cost_of(groups: &[Vec<UserId>], people: &[Attendee], met: &HashSet<(UserId, UserId)>) -> DrawCost {
        let by: HashMap<UserId, Attendee> = people.iter().map(|p| (p.user, *p)).collect();
        groups
            .iter()
            .map(|g| group_cost(&g.iter().map(|u| by[u]).collect::<Vec<_>>(), met))
            .fold(DrawCost::default(), |a, b| a + b)
    }

    /// The least cost of any grouping, by trying them all (small counts only).
    fn brute_force(people: &[Attendee], met: &HashSet<(UserId, UserId)>) -> DrawCost {
        fn go(left: &[Attendee], met: &HashSet<(UserId, UserId)>, need_three: bool) -> Option<DrawCost> {
            let Some((first, rest)) = left.split_first() else {
                return if need_three { None } else { Some(DrawCost::default()) };
            };
            let mut best: Option<DrawCost> = None;
            let mut keep = |c: DrawCost| best = Some(best.map_or(c, |b: DrawCost| b.min(c)));
            for i in 0..rest.len() {
                let others: Vec<Attendee> = rest.iter().enumerate().filter(|(k, _)| *k != i).map(|(_, p)| *p).collect();
                if let Some(c) = go(&others, met, need_three) {
                    keep(c + group_cost(&[*first, rest[i]], met));
                }
                if need_three {
                    for j in i + 1..rest.len() {
                        let others: Vec<Attendee> =
                            rest.iter().enumerate().filter(|(k, _)| *k != i && *k != j).map(|(_, p)| *p).collect();
                        if let Some(c) = go(&others, met, false) {
                            keep(c + group_cost(&[*first, rest[i], rest[j]], met));
                        }
                    }
                }
            }
            best
        }
        go(people, met, people.len() % 2 == 1).expect("two people or more can be grouped")
    }

    /// `n` people in at most `orgs` organisations (some without one), and `met` pairs among them.
    fn world(max_n: usize) -> impl Strategy<Value = (Vec<Attendee>, HashSet<(UserId, UserId)>, u64)> {
        (2usize..max_n, 1usize..8, any::<u64>(), 0usize..40).prop_map(|(n, orgs, seed, met_count)| {
            let org_ids: Vec<OrgId> = (0..orgs).map(|_| OrgId::new()).collect();
            let mut rng = Rng::seeded(seed);
            let people: Vec<Attendee> = (0..n)
                .map(|_| Attendee {
                    user: UserId::new(),
                    org: if rng.below(10) == 0 { None } else { Some(org_ids[rng.below(orgs)]) },
                })
                .collect();
            let mut met = HashSet::new();
            for _ in 0..met_count {
                let (a, b) = (rng.below(n), rng.below(n));
                if a != b {
                    met.insert(pair_key(people[a].user, people[b].user));
                }
            }
            (people, met, seed)
        })
    }

    fn largest_org(people: &[Attendee]) -> usize {
        let mut count: HashMap<OrgId, usize> = HashMap::new();
        for p in people {
            if let Some(o) = p.org {
                *count.entry(o).or_default() += 1;
            }
        }
        count.values().copied().max().unwrap_or(1).max(1)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(200))]

        /// Everyone is placed exactly once, in groups of two, with one group of three only
        /// when the count is odd; and no pair of one organisation when the largest
        /// organisation has at most half of the people (only then can it be avoided).
        #[test]
        fn everyone_once_in_pairs_and_no_same_org_when_avoidable((people, met, seed) in world(60)) {
            let groups = draw(&people, &met, &mut Rng::seeded(seed));
            let placed: Vec<UserId> = groups.iter().flatten().copied().collect();
            let unique: HashSet<UserId> = placed.iter().copied().collect();
            prop_assert_eq!(placed.len(), people.len());
            prop_assert_eq!(unique.len(), people.len());
            prop_assert!(groups.iter().all(|g| g.len() == 2 || g.len() == 3));
            let threes = groups.iter().filter(|g| g.len() == 3).count();
            prop_assert_eq!(threes, people.len() % 2);
            let cost = cost_of(&groups, &people, &met);
            if largest_org(&people) <= people.len() / 2 {
                prop_assert_eq!(cost.same_org, 0, "avoidable pairs of one organisation");
            }
        }

        /// Up to nine people, the draw is as good as the best of all groupings: no pair of one
        /// organisation and no repeated pair unless every grouping has one.
        #[test]
        fn small_draws_are_optimal((people, met, seed) in world(10)) {
            let groups = draw(&people, &met, &mut Rng::seeded(seed));
            prop_assert_eq!(cost_of(&groups, &people, &met), brute_force(&people, &met));
        }

        /// A meetup of many people from different organisations, after a few rounds: nobody
        /// meets a person again.
        #[test]
        fn larger_meetups_repeat_nobody(n in 16usize..80, orgs in 6usize..20, rounds in 1usize..4, seed in any::<u64>()) {
            let org_ids: Vec<OrgId> = (0..orgs).map(|_| OrgId::new()).collect();
            let people: Vec<Attendee> =
                (0..n).map(|i| Attendee { user: UserId::new(), org: Some(org_ids[i % orgs]) }).collect();
            let mut met = HashSet::new();
            let mut rng = Rng::seeded(seed);
            for _ in 0..rounds {
                let groups = draw(&people, &met, &mut rng);
                prop_assert_eq!(cost_of(&groups, &people, &met), DrawCost::default());
                for g in &groups {
                    for (i, a) in g.iter().enumerate() {
                        for b in &g[i + 1..] {
                            met.insert(pair_key(*a, *b));
                        }
                    }
                }
            }
        }
    }

    #[test]
    fn the_same_seed_draws_the_same_groups_and_others_differ() {
        let people: Vec<Attendee> =
            (0..20).map(|_| Attendee { user: UserId::new(), org: Some(OrgId::new()) }).collect();
        let met = HashSet::new();
        let a = draw(&people, &met, &mut Rng::seeded(7));
        assert_eq!(a, draw(&people, &met, &mut Rng::seeded(7)));
        let others: HashSet<Vec<Vec<UserId>>> =
            (0..10).map(|s| draw(&people, &met, &mut Rng::seeded(100 + s))).collect();
        assert!(others.len() > 5, "draws are random");
        assert!(draw(&people[..1], &met, &mut Rng::seeded(1)).is_empty(), "one person meets nobody");
    }
}
