//! Matching rounds: who may take whose place, and how good the fit is.
//!
//! A round looks at everyone who opted in ("open to a swap") for a period of weeks. Person `a`
//! may take the place of person `b` (an edge `a -> b` of the matching graph) when all of these
//! hold:
//!
//! * they work for different organisations, and neither organisation has blocked the other;
//! * `a` wants to learn at least one topic that `b` works on;
//! * they share at least one week of the period in which both are free;
//! * `b`'s workplace is within `a`'s travel radius (when both organisations have a location;
//!   without one the radius cannot be checked and does not exclude);
//! * their pay grades are at most [`MAX_GRADE_GAP`] steps apart (when both gave one).
//!
//! The weight of the edge (higher is a better fit) is documented at [`Fit::weight`]. The engine
//! in the `matching` crate then chooses pairs and rings that match the most people, and among
//! those the greatest total weight.

use crate::error::{FieldError, Reason};
use crate::ids::{OrgId, UserId};
use crate::values::{IsoWeek, PayGrade, Place, Topic};
use chrono::{Days, NaiveDate};
use serde::Serialize;
use std::collections::{HashMap, HashSet};
use std::fmt;

/// Pay grades further apart than this do not swap: the tasks would not be comparable.
pub const MAX_GRADE_GAP: u8 = 3;
/// Every person keeps at most this many best-fitting places in the graph, so that a round over
/// 100,000 people stays a graph the engine can solve in minutes.
pub const MAX_PLACES_PER_PERSON: usize = 40;
/// At most this many topics count towards the weight of one edge.
pub const MAX_TOPICS_COUNTED: usize = 3;

/// A place on earth in micro-degrees (exact, comparable, and stored as integers).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub struct GeoPoint {
    pub lat_e6: i32,
    pub lon_e6: i32,
}

impl GeoPoint {
    /// Parses "latitude, longitude" in decimal degrees, such as `51.0504, 13.7373`.
    pub fn parse(field: &'static str, raw: &str) -> Result<Self, FieldError> {
        let bad = || FieldError::new(field, Reason::Coordinates);
        let (lat, lon) = raw.trim().split_once([',', ';']).ok_or_else(bad)?;
        let degree = |s: &str, max: f64| -> Result<i32, FieldError> {
            let v: f64 = s.trim().parse().map_err(|_| bad())?;
            if !v.is_finite() || v.abs() > max {
                return Err(bad());
            }
            // |v| <= 180, so the micro-degrees fit an i32 comfortably.
            Ok((v * 1e6).round() as i32)
        };
        Ok(Self { lat_e6: degree(lat, 90.0)?, lon_e6: degree(lon, 180.0)? })
    }

    pub fn from_micro(lat_e6: i32, lon_e6: i32) -> Option<Self> {
        (lat_e6.abs() <= 90_000_000 && lon_e6.abs() <= 180_000_000).then_some(Self { lat_e6, lon_e6 })
    }

    /// Great-circle distance in whole kilometres (haversine, mean earth radius).
    pub fn distance_km(&self, other: &GeoPoint) -> u32 {
        let rad = |e6: i32| f64::from(e6) / 1e6 * std::f64::consts::PI / 180.0;
        let (la1, la2) = (rad(self.lat_e6), rad(other.lat_e6));
        let dlat = la2 - la1;
        let dlon = rad(other.lon_e6) - rad(self.lon_e6);
        let h = (dlat / 2.0).sin().powi(2) + la1.cos() * la2.cos() * (dlon / 2.0).sin().powi(2);
        let km = 2.0 * 6371.0 * h.sqrt().min(1.0).asin();
        km.round() as u32
    }
}

impl fmt::Display for GeoPoint {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:.6}, {:.6}", f64::from(self.lat_e6) / 1e6, f64::from(self.lon_e6) / 1e6)
    }
}

/// What an organisation tells the matching: where it is and whom it does not swap with.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct OrgMatching {
    pub place: Option<Place>,
    pub location: Option<GeoPoint>,
    /// Organisations this one does not swap with (for example a supervisory authority).
    pub blocked: Vec<OrgId>,
}

impl OrgMatching {
    pub const MAX_BLOCKED: usize = 50;

    /// Parses the settings: a place may be empty (no location) or a German place name or
    /// postcode, whose coordinates come from [`crate::places`], and is then stored as that
    /// place's label; only a client that sends `coordinates` names the place freely. `blocked`
    /// holds organisation ids (existing ones; the caller checks that), never `this` one.
    pub fn parse(place: &str, coordinates: &str, blocked: &[String], this: OrgId) -> Result<Self, crate::DomainError> {
        let mut errs = crate::error::Errors::default();
        fn opt(s: &str) -> Option<&str> {
            (!s.trim().is_empty()).then_some(s)
        }
        let (place, location) = match (opt(place), opt(coordinates)) {
            (Some(name), None) => match crate::places::resolve("place", name) {
                Ok(found) => (errs.take(Place::parse("place", &found.label()).map(Some)), Some(Some(found.point))),
                Err(e) => {
                    errs.push(e);
                    (None, None)
                }
            },
            (place, coordinates) => (
                errs.take(place.map(|p| Place::parse("place", p)).transpose()),
                errs.take(coordinates.map(|c| GeoPoint::parse("coordinates", c)).transpose()),
            ),
        };
        let mut ids: Vec<OrgId> = Vec::new();
        for raw in blocked.iter().filter(|b| !b.trim().is_empty()) {
            match raw.trim().parse::<OrgId>() {
                Ok(id) if id != this => {
                    if !ids.contains(&id) {
                        ids.push(id);
                    }
                }
                _ => errs.push(FieldError::new("blocked", Reason::UnknownChoice)),
            }
        }
        if ids.len() > Self::MAX_BLOCKED {
            errs.push(FieldError::new("blocked", Reason::TooMany { max: Self::MAX_BLOCKED }));
        }
        match (place, location) {
            (Some(place), Some(location)) => {
                errs.into_result()?;
                Ok(Self { place, location, blocked: ids })
            }
            _ => Err(errs.into_error()),
        }
    }
}

/// The weeks a round looks at: consecutive, all in the future, at most [`Period::MAX_WEEKS`].
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Period {
    weeks: Vec<IsoWeek>,
}

impl Period {
    pub const MAX_WEEKS: usize = 26;

    /// Parses the first and last week (inclusive); the first must begin after `today`.
    pub fn parse(from: &str, to: &str, today: NaiveDate) -> Result<Self, crate::DomainError> {
        let mut errs = crate::error::Errors::default();
        let first = errs.take(IsoWeek::parse("from", from));
        let last = errs.take(IsoWeek::parse("to", to));
        let (Some(first), Some(last)) = (first, last) else { return Err(errs.into_error()) };
        if first.monday() <= today {
            return Err(FieldError::new("from", Reason::WeekBegun).into());
        }
        if last < first {
            return Err(FieldError::new("to", Reason::PeriodOrder).into());
        }
        // Refused by the Mondays' distance, so that a far `to` never builds a long list.
        if (last.monday() - first.monday()).num_weeks() >= Self::MAX_WEEKS as i64 {
            return Err(FieldError::new("to", Reason::TooMany { max: Self::MAX_WEEKS }).into());
        }
        Ok(Self::spanning(first, last))
    }

    /// The consecutive weeks from `first` to `last` (as a stored round names them).
    pub fn spanning(first: IsoWeek, last: IsoWeek) -> Self {
        let mut weeks = vec![first];
        while let Some(&w) = weeks.last().filter(|w| **w < last) {
            weeks.push(IsoWeek::of(w.monday() + Days::new(7)));
        }
        Self { weeks }
    }

    pub fn weeks(&self) -> &[IsoWeek] {
        &self.weeks
    }

    pub fn first(&self) -> Option<IsoWeek> {
        self.weeks.first().copied()
    }

    pub fn last(&self) -> Option<IsoWeek> {
        self.weeks.last().copied()
    }

    /// The bitmask of `weeks` within the period (bit `i` = the period's `i`-th week).
    pub fn mask(&self, weeks: &[IsoWeek]) -> u64 {
        self.weeks.iter().enumerate().filter(|(_, w)| weeks.contains(w)).fold(0, |m, (i, _)| m | (1 << i))
    }
}

/// One person who opted in, with what the round needs to know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub user: UserId,
    pub org: OrgId,
    pub grade: Option<PayGrade>,
    /// What the person works on.
    pub topics: Vec<Topic>,
    /// What the person wants to learn.
    pub wants: Vec<Topic>,
    /// Free weeks within the round's period (weeks with another swap already left out).
    pub weeks: Vec<IsoWeek>,
    pub radius_km: u16,
    /// Where the person's organisation is, if it said so.
    pub location: Option<GeoPoint>,
}

/// What a round does not propose: swaps between organisations where either one blocked the
/// other, and swaps between people of whom one turned down a swap with the other (a round
/// does not ask again).
#[derive(Debug, Clone, Default)]
pub struct Blocks {
    orgs: HashSet<(OrgId, OrgId)>,
    declined: HashSet<(UserId, UserId)>,
}

impl Blocks {
    pub fn new(pairs: impl IntoIterator<Item = (OrgId, OrgId)>) -> Self {
        Self { orgs: pairs.into_iter().flat_map(|(a, b)| [(a, b), (b, a)]).collect(), declined: HashSet::new() }
    }

    /// Adds pairs of people of whom the first turned down a swap with the second (both
    /// directions are left out).
    pub fn with_declined(mut self, pairs: impl IntoIterator<Item = (UserId, UserId)>) -> Self {
        self.declined.extend(pairs.into_iter().flat_map(|(a, b)| [(a, b), (b, a)]));
        self
    }

    pub fn blocked(&self, a: OrgId, b: OrgId) -> bool {
        self.orgs.contains(&(a, b))
    }

    /// Whether one of `a` and `b` turned down a swap with the other.
    pub fn declined(&self, a: UserId, b: UserId) -> bool {
        self.declined.contains(&(a, b))
    }
}

/// Who turned down whom in a swap a member declined, from its members and whether each had
/// accepted: every member who had not accepted (the one who declined among them), with each
/// other member. When all had accepted, an employer, a staff council or a lapsed deadline
/// ended it: nobody turned anybody down.
pub fn turned_down(members: &[(UserId, bool)]) -> Vec<(UserId, UserId)> {
    members
        .iter()
        .filter(|(_, accepted)| !accepted)
        .flat_map(|&(undecided, _)| {
            members.iter().filter(move |(u, _)| *u != undecided).map(move |&(u, _)| (undecided, u))
        })
        .collect()
}

/// Why `a` may take `b`'s place, and how well it fits.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fit {
    /// The fit, higher is better: 10 points per topic `a` wants to learn and `b` works on
    /// (at most [`MAX_TOPICS_COUNTED`] count), plus 6 / 4 / 2 / 0 points for pay grades 0 / 1 /
    /// 2 / 3 steps apart (4 when a grade is unknown), plus 4 points within 50 km, 2 within
    /// 150 km (0 further or unknown). Always at least 10.
    pub weight: i64,
    /// Topics `a` wants to learn that `b` works on, in `a`'s order.
    pub learns: Vec<Topic>,
    pub distance_km: Option<u32>,
}

/// Steps between two pay grades: A and E (and R for judges) compare by level; the senior
/// grades B and W sit above A 16.
pub fn grade_gap(a: PayGrade, b: PayGrade) -> u8 {
    let rank = |g: PayGrade| match g.group {
        'B' | 'W' => 16 + u16::from(g.level),
        // E 15Ü sits one step above E 15.
        _ => u16::from(g.level) + u16::from(g.transitional),
    };
    u8::try_from(rank(a).abs_diff(rank(b))).unwrap_or(u8::MAX)
}

/// Whether `a` may take `b`'s place, and the fit if so (with the topics behind it).
pub fn fit(a: &Candidate, b: &Candidate, blocks: &Blocks) -> Option<Fit> {
    let mut ids = TopicIds::default();
    let (pa, pb) = (Prepared::of(a, None, &mut ids), Prepared::of(b, None, &mut ids));
    let weight = weight_prepared(a, &pa, b, &pb, blocks)?;
    let learns = learned(&pa, &pb).map(|i| a.wants[i].clone()).collect();
    Some(Fit { weight, learns, distance_km: distance_km(a, b) })
}

/// Normalised topics as small numbers: the rules compare them for millions of pairs.
#[derive(Default)]
struct TopicIds(HashMap<String, u32>);

impl TopicIds {
    fn of(&mut self, t: &Topic) -> u32 {
        let next = u32::try_from(self.0.len()).unwrap_or(u32::MAX);
        *self.0.entry(t.normalised()).or_insert(next)
    }
}

/// What the rules compare, computed once per candidate: topic numbers and a week mask.
struct Prepared {
    topics: Vec<u32>,
    wants: Vec<u32>,
    /// Bit `i` = the `i`-th of the round's weeks; `None` compares the week lists instead.
    weeks: Option<u128>,
}

impl Prepared {
    fn of(c: &Candidate, all_weeks: Option<&[IsoWeek]>, ids: &mut TopicIds) -> Self {
        let weeks = all_weeks
            .map(|all| c.weeks.iter().filter_map(|w| all.iter().position(|x| x == w)).fold(0u128, |m, i| m | (1 << i)));
        Self {
            topics: c.topics.iter().map(|t| ids.of(t)).collect(),
            wants: c.wants.iter().map(|t| ids.of(t)).collect(),
            weeks,
        }
    }
}

/// Positions in `a`'s wishes of the topics `b` works on.
fn learned<'a>(pa: &'a Prepared, pb: &'a Prepared) -> impl Iterator<Item = usize> + 'a {
    pa.wants.iter().enumerate().filter(|(_, t)| pb.topics.contains(t)).map(|(i, _)| i)
}

fn distance_km(a: &Candidate, b: &Candidate) -> Option<u32> {
    match (a.location, b.location) {
        (Some(p), Some(q)) => Some(p.distance_km(&q)),
        _ => None,
    }
}

/// [`Fit::weight`] of `a` at `b`'s place if every rule allows it. It allocates nothing: the
/// round weighs millions of such pairs and keeps only the best of each person's.
fn weight_prepared(a: &Candidate, pa: &Prepared, b: &Candidate, pb: &Prepared, blocks: &Blocks) -> Option<i64> {
    // The rules that are cheap to check come first; the hashed block lookup last.
    if a.org == b.org || a.user == b.user {
        return None;
    }
    let common_week = match (pa.weeks, pb.weeks) {
        (Some(x), Some(y)) => x & y != 0,
        _ => a.weeks.iter().any(|w| b.weeks.contains(w)),
    };
    if !common_week {
        return None;
    }
    let grade_points = match (a.grade, b.grade) {
        (Some(x), Some(y)) => {
            let gap = grade_gap(x, y);
            if gap > MAX_GRADE_GAP {
                return None;
            }
            6 - 2 * i64::from(gap)
        }
        _ => 4,
    };
    let distance_km = distance_km(a, b);
    if distance_km.is_some_and(|d| d > u32::from(a.radius_km)) {
        return None;
    }
    let learns = learned(pa, pb).count();
    if learns == 0 || blocks.blocked(a.org, b.org) || blocks.declined(a.user, b.user) {
        return None;
    }
    let near_points = match distance_km {
        Some(d) if d <= 50 => 4,
        Some(d) if d <= 150 => 2,
        _ => 0,
    };
    let topics = i64::try_from(learns.min(MAX_TOPICS_COUNTED)).unwrap_or(0);
    Some(10 * topics + grade_points + near_points)
}

/// All edges of the round's graph: for every candidate, its best-fitting places as (place's
/// position, [`Fit::weight`]), at most [`MAX_PLACES_PER_PERSON`], best weight first, ties by
/// position. Candidates are found through an index of topics, so the work grows with the
/// matches, not with the square of the number of people. [`fit`] explains a chosen edge.
pub fn compatibility(candidates: &[Candidate], blocks: &Blocks) -> Vec<Vec<(usize, i64)>> {
    let mut all_weeks: Vec<IsoWeek> = candidates.iter().flat_map(|c| c.weeks.iter().copied()).collect();
    all_weeks.sort();
    all_weeks.dedup();
    // More than 128 distinct weeks do not fit a mask; the lists are compared then.
    let mask_weeks = (all_weeks.len() <= 128).then_some(all_weeks.as_slice());
    let mut ids = TopicIds::default();
    let prepared: Vec<Prepared> = candidates.iter().map(|c| Prepared::of(c, mask_weeks, &mut ids)).collect();
    let mut by_topic: Vec<Vec<usize>> = vec![Vec::new(); ids.0.len()];
    for (i, p) in prepared.iter().enumerate() {
        for &t in &p.topics {
            by_topic[t as usize].push(i);
        }
    }
    let mut seen = vec![usize::MAX; candidates.len()];
    // One scratch list for everyone: a popular topic gives thousands of candidates, of which
    // only the best few are kept (a list per person of that capacity would not fit memory).
    let mut found: Vec<(usize, i64)> = Vec::new();
    let best_first = |(j, f): &(usize, i64), (k, g): &(usize, i64)| g.cmp(f).then(j.cmp(k));
    candidates
        .iter()
        .enumerate()
        .map(|(i, a)| {
            found.clear();
            for &t in &prepared[i].wants {
                for &j in &by_topic[t as usize] {
                    if seen[j] == i {
                        continue;
                    }
                    seen[j] = i;
                    if let Some(w) = weight_prepared(a, &prepared[i], &candidates[j], &prepared[j], blocks) {
                        found.push((j, w));
                    }
                }
            }
            if found.len() > MAX_PLACES_PER_PERSON {
                found.select_nth_unstable_by(MAX_PLACES_PER_PERSON, best_first);
                found.truncate(MAX_PLACES_PER_PERSON);
            }
            found.sort_by(best_first);
            found.clone()
        })
        .collect()
}

/// The figures of a finished round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, serde::Deserialize)]
pub struct RoundFigures {
    /// People who opted in and have a free week in the period.
    pub candidates: usize,
    /// Edges of the graph.
    pub edges: usize,
    pub people_matched: usize,
    pub pairs: usize,
    pub rings: usize,
    pub weight: i64,
    /// Proven upper bound on people matched (and on the weight at that many people).
    pub bound_people: usize,
    pub bound_weight: i64,
    pub optimal: bool,
    pub milliseconds: u64,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn week(s: &str) -> IsoWeek {
        IsoWeek::parse("w", s).unwrap()
    }

    fn topics(s: &str) -> Vec<Topic> {
        Topic::parse_list("t", s, 20).unwrap()
    }

    fn person(org: OrgId, works: &str, wants: &str, weeks: &[&str]) -> Candidate {
        Candidate {
            user: UserId::new(),
            org,
            grade: Some(PayGrade::parse("g", "E 11").unwrap()),
            topics: topics(works),
            wants: topics(wants),
            weeks: weeks.iter().map(|w| week(w)).collect(),
            radius_km: 300,
            location: None,
        }
    }

    #[test]
    fn coordinates_parse_and_distance() {
        let dresden = GeoPoint::parse("loc", "51.0504, 13.7373").unwrap();
        let berlin = GeoPoint::parse("loc", " 52.5200 ; 13.4050 ").unwrap();
        let d = dresden.distance_km(&berlin);
        assert!((160..=170).contains(&d), "Dresden–Berlin is about 165 km, got {d}");
        assert_eq!(dresden.distance_km(&dresden), 0);
        for bad in ["", "51.05", "91, 10", "10, 181", "a, b", "NaN, 1"] {
            assert_eq!(GeoPoint::parse("loc", bad).unwrap_err().reason, Reason::Coordinates, "{bad}");
        }
        assert_eq!(GeoPoint::parse("loc", &dresden.to_string()).unwrap(), dresden);
    }

    #[test]
    fn organisation_settings_parse() {
        let this = OrgId::new();
        let other = OrgId::new();
        let ok =
            OrgMatching::parse(" Dresden ", "51.05, 13.74", &[other.to_string(), other.to_string()], this).unwrap();
        assert_eq!(ok.place.unwrap().as_str(), "Dresden");
        assert_eq!(ok.blocked, [other]);
        assert_eq!(OrgMatching::parse("", "", &[], this).unwrap(), OrgMatching::default());
        let e = OrgMatching::parse("D", "north", &[this.to_string(), "x".into()], this).unwrap_err();
        let fields: Vec<&str> = e.fields().iter().map(|f| f.field).collect();
        assert_eq!(fields, ["place", "coordinates", "blocked", "blocked"]);

        // Without coordinates, the place is looked up and stored as its label.
        let bonn = OrgMatching::parse("53111", "", &[], this).unwrap();
        assert_eq!(bonn.place.unwrap().as_str(), "53111 Bonn");
        assert!(bonn.location.unwrap().distance_km(&GeoPoint::parse("p", "50.73, 7.10").unwrap()) < 5);
        let unknown = OrgMatching::parse("Musterstadt", "", &[], this).unwrap_err();
        assert_eq!(unknown.fields()[0].reason, Reason::UnknownPlace);
    }

    #[test]
    fn period_parses_consecutive_future_weeks() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
        let p = Period::parse("2026-W52", "2027-W02", today).unwrap();
        let got: Vec<String> = p.weeks().iter().map(ToString::to_string).collect();
        assert_eq!(got, ["2026-W52", "2026-W53", "2027-W01", "2027-W02"]);
        assert_eq!(p.mask(&[week("2026-W53"), week("2027-W02"), week("2027-W09")]), 0b1010);
        let err = |from: &str, to: &str| Period::parse(from, to, today).unwrap_err().fields()[0].clone();
        assert_eq!(err("2026-W49", "2027-W02").reason, Reason::WeekBegun);
        assert_eq!(err("2027-W05", "2027-W02").reason, Reason::PeriodOrder);
        assert_eq!(err("2027-W01", "2027-W40").reason, Reason::TooMany { max: 26 });
        assert_eq!(err("2027-W01", "soon").field, "to");
    }

    #[test]
    fn only_who_had_not_accepted_turned_anybody_down() {
        let (a, b, c) = (UserId::new(), UserId::new(), UserId::new());
        // C declined a ring A and B had accepted: A and B may meet again.
        assert_eq!(turned_down(&[(a, true), (b, true), (c, false)]), [(c, a), (c, b)]);
        // A pair where B declined before A decided: either may have.
        assert_eq!(turned_down(&[(a, false), (b, false)]), [(a, b), (b, a)]);
        // Everyone had accepted: an employer or a deadline ended it.
        assert!(turned_down(&[(a, true), (b, true)]).is_empty());
    }

    #[test]
    fn fit_follows_the_rules() {
        let (oa, ob) = (OrgId::new(), OrgId::new());
        let a = person(oa, "Open Data", "KI, open data", &["2027-W07", "2027-W08"]);
        let b = person(ob, "KI, E-Akte, open  data", "Open Data", &["2027-W08"]);
        let none = Blocks::default();
        let f = fit(&a, &b, &none).unwrap();
        assert_eq!(f.learns.iter().map(ToString::to_string).collect::<Vec<_>>(), ["KI", "open data"]);
        assert_eq!(f.weight, 2 * 10 + 6);
        // Same organisation, blocked organisations, no common week, nothing to learn:
        assert!(fit(&a, &person(oa, "KI", "x1", &["2027-W08"]), &none).is_none());
        assert!(fit(&a, &b, &Blocks::new([(ob, oa)])).is_none());
        // People who declined a swap together (either way round), and only they:
        assert!(fit(&a, &b, &Blocks::default().with_declined([(b.user, a.user)])).is_none());
        assert!(fit(&a, &b, &Blocks::default().with_declined([(b.user, UserId::new())])).is_some());
        assert!(fit(&a, &person(ob, "KI", "", &["2027-W09"]), &none).is_none());
        assert!(fit(&a, &person(ob, "Haushalt", "", &["2027-W08"]), &none).is_none());
        // Travel radius and grade gap:
        let mut far = b.clone();
        far.location = GeoPoint::parse("l", "52.52, 13.405").ok();
        let mut home = a.clone();
        home.location = GeoPoint::parse("l", "51.0504, 13.7373").ok();
        home.radius_km = 100;
        assert!(fit(&home, &far, &none).is_none());
        home.radius_km = 200;
        assert_eq!(fit(&home, &far, &none).unwrap().distance_km, Some(165));
        let mut senior = b.clone();
        senior.grade = PayGrade::parse("g", "A 15").ok();
        assert!(fit(&a, &senior, &none).is_none());
        senior.grade = PayGrade::parse("g", "A 13").ok();
        assert_eq!(fit(&a, &senior, &none).unwrap().weight, 2 * 10 + 2);
    }

    #[test]
    fn compatibility_keeps_the_best_places() {
        let orgs: Vec<OrgId> = (0..3).map(|_| OrgId::new()).collect();
        let cands = vec![
            person(orgs[0], "A-Thema", "B-Thema, C-Thema", &["2027-W07"]),
            person(orgs[1], "B-Thema, C-Thema", "A-Thema", &["2027-W07"]),
            person(orgs[2], "C-Thema", "A-Thema", &["2027-W07"]),
            person(orgs[0], "C-Thema", "B-Thema", &["2027-W07"]),
        ];
        let g = compatibility(&cands, &Blocks::default());
        let targets = |i: usize| g[i].iter().map(|(j, _)| *j).collect::<Vec<_>>();
        assert_eq!(targets(0), [1, 2]); // 1 fits twice as well; 3 is the same organisation
        assert_eq!(targets(1), [0]);
        assert_eq!(targets(3), [1]);
        let blocked = compatibility(&cands, &Blocks::new([(orgs[0], orgs[1])]));
        assert_eq!(blocked[0].iter().map(|(j, _)| *j).collect::<Vec<_>>(), [2]);
        // The kept weight is the fit's, whose topics explain the edge.
        assert_eq!(g[0][0].1, fit(&cands[0], &cands[1], &Blocks::default()).unwrap().weight);
    }

    #[test]
    fn compatibility_keeps_only_the_best_places_of_many() {
        let me = person(OrgId::new(), "A-Thema", "B-Thema, C-Thema", &["2027-W07"]);
        // Every third place offers both topics, the others one; more than can be kept.
        let places: Vec<Candidate> = (0..3 * MAX_PLACES_PER_PERSON)
            .map(|k| {
                let works = if k % 3 == 0 { "B-Thema, C-Thema" } else { "C-Thema" };
                person(OrgId::new(), works, "A-Thema", &["2027-W07"])
            })
            .collect();
        let cands: Vec<Candidate> = std::iter::once(me).chain(places).collect();
        let g = compatibility(&cands, &Blocks::default());
        assert_eq!(g[0].len(), MAX_PLACES_PER_PERSON);
        let both: Vec<usize> = (0..MAX_PLACES_PER_PERSON).map(|k| 1 + 3 * k).collect();
        assert_eq!(g[0].iter().map(|(j, _)| *j).collect::<Vec<_>>(), both);
        assert!(g[0].iter().all(|&(_, w)| w == 2 * 10 + 6));
        assert_eq!(g[1], [(0, 10 + 6)]);
        // Equal fits: the first places by position are kept.
        let mut same = cands.clone();
        for c in &mut same[1..] {
            c.topics = topics("B-Thema, C-Thema");
        }
        let g = compatibility(&same, &Blocks::default());
        assert_eq!(g[0].iter().map(|(j, _)| *j).collect::<Vec<_>>(), (1..=MAX_PLACES_PER_PERSON).collect::<Vec<_>>());
    }
}
