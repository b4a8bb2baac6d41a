//! German places: every postcode with its place names, federal state and a coordinate, shipped
//! with the product so that an organisation's location is chosen by place name or postcode,
//! never typed as coordinates. The data is GeoNames' (CC BY 4.0); `data/places-de.LICENSE.md`
//! names the source, the changes and how to regenerate it.

use crate::error::{FieldError, Reason};
use crate::org::Region;
use crate::round::GeoPoint;
use crate::search::fold;
use std::sync::LazyLock;

/// The credit the data's licence asks for wherever places are chosen or shown.
pub const ATTRIBUTION: &str = "© GeoNames (www.geonames.org), CC BY 4.0";

/// Rows of one name in one state further apart than this from their centre are different
/// places of the same name (villages), not one town with several postcodes.
const ONE_PLACE_KM: u32 = 25;

/// At most this many places are offered to choose from.
pub const MAX_CHOICES: usize = 30;

struct Row {
    postcode: &'static str,
    name: &'static str,
    /// The name as searched: see [`fold`].
    folded: String,
    region: Region,
    point: GeoPoint,
}

static ROWS: LazyLock<Vec<Row>> = LazyLock::new(|| parse(include_str!("../data/places-de.tsv")));

fn parse(tsv: &'static str) -> Vec<Row> {
    tsv.lines()
        .skip(1)
        .filter_map(|line| {
            let mut cols = line.split('\t');
            let (postcode, name, state, lat, lon) =
                (cols.next()?, cols.next()?, cols.next()?, cols.next()?, cols.next()?);
            let degrees = |s: &str| s.parse::<f64>().ok().map(|v| (v * 1e6).round() as i32);
            Some(Row {
                postcode,
                name,
                folded: fold(name),
                region: region_named(state)?,
                point: GeoPoint::from_micro(degrees(lat)?, degrees(lon)?)?,
            })
        })
        .collect()
}

/// A federal state by its German name, as the data and the place labels write it.
fn region_named(name: &str) -> Option<Region> {
    Region::ALL.iter().copied().find(|r| state_name(*r) == name)
}

/// The German name of a federal state.
pub fn state_name(region: Region) -> &'static str {
    match region {
        Region::BadenWuerttemberg => "Baden-Württemberg",
        Region::Bayern => "Bayern",
        Region::Berlin => "Berlin",
        Region::Brandenburg => "Brandenburg",
        Region::Bremen => "Bremen",
        Region::Hamburg => "Hamburg",
        Region::Hessen => "Hessen",
        Region::MecklenburgVorpommern => "Mecklenburg-Vorpommern",
        Region::Niedersachsen => "Niedersachsen",
        Region::NordrheinWestfalen => "Nordrhein-Westfalen",
        Region::RheinlandPfalz => "Rheinland-Pfalz",
        Region::Saarland => "Saarland",
        Region::Sachsen => "Sachsen",
        Region::SachsenAnhalt => "Sachsen-Anhalt",
        Region::SchleswigHolstein => "Schleswig-Holstein",
        Region::Thueringen => "Thüringen",
    }
}

/// A place to choose: a name in a federal state, with its postcode when it stands for one
/// postcode's area (a town with many postcodes is one place without).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Locality {
    pub name: String,
    pub region: Region,
    pub postcode: Option<String>,
    pub point: GeoPoint,
}

impl Locality {
    /// How the place is written, so that [`find`] finds exactly it again: "Münster",
    /// "48143 Münster", or with the state where the name alone is not enough:
    /// "Neustadt (Hessen)".
    pub fn label(&self) -> String {
        let base = match &self.postcode {
            Some(p) => format!("{p} {}", self.name),
            None => self.name.clone(),
        };
        if search(&base).0.len() > 1 { format!("{base} ({})", state_name(self.region)) } else { base }
    }
}

/// The places a query names: a postcode ("48143"), a postcode and name ("48143 Münster"), a
/// name ("Münster", "muenster"), each optionally followed by the state in brackets
/// ("Neustadt (Hessen)"). Places whose name is the query come first, then those whose name
/// begins with it; at most [`MAX_CHOICES`].
pub fn find(query: &str) -> Vec<Locality> {
    let (mut exact, starting) = search(query);
    exact.extend(starting);
    exact.truncate(MAX_CHOICES);
    exact
}

/// The places named exactly by `query`, and those whose name begins with it.
fn search(query: &str) -> (Vec<Locality>, Vec<Locality>) {
    let query = query.trim();
    let found = search_in(query, None);
    if !found.0.is_empty() || !found.1.is_empty() {
        return found;
    }
    // Some names end in their state already ("Neustadt (Hessen)"); only otherwise is a state in
    // brackets a filter.
    match query.strip_suffix(')').and_then(|q| q.rsplit_once(" (")) {
        Some((q, state)) if region_named(state).is_some() => search_in(q.trim(), region_named(state)),
        _ => found,
    }
}

fn search_in(query: &str, region: Option<Region>) -> (Vec<Locality>, Vec<Locality>) {
    let (postcode, name) = match query.split_once(' ') {
        Some((p, rest)) if is_postcode(p) => (Some(p), rest),
        _ if is_postcode(query) => (Some(query), ""),
        _ => (None, query),
    };
    let name = fold(name);
    let rows = ROWS.iter().filter(|r| region.is_none_or(|g| r.region == g));
    if let Some(postcode) = postcode {
        let found = rows
            .filter(|r| r.postcode == postcode && (name.is_empty() || r.folded == name))
            .map(|r| Locality {
                name: r.name.to_owned(),
                region: r.region,
                postcode: Some(r.postcode.to_owned()),
                point: r.point,
            })
            .collect();
        return (found, Vec::new());
    }
    if name.is_empty() {
        return (Vec::new(), Vec::new());
    }
    let (exact, starting): (Vec<&Row>, Vec<&Row>) =
        rows.filter(|r| r.folded.starts_with(&name)).partition(|r| r.folded == name);
    (localities(&exact), localities(&starting))
}

/// The rows of one name in one state, made one place when they lie together (a town with
/// several postcodes, at their centre) and one place per postcode otherwise.
fn localities(rows: &[&Row]) -> Vec<Locality> {
    let mut groups: Vec<(&str, Region, Vec<&Row>)> = Vec::new();
    for r in rows {
        match groups.iter_mut().find(|(n, g, _)| *n == r.name && *g == r.region) {
            Some((_, _, members)) => members.push(r),
            None => groups.push((r.name, r.region, vec![r])),
        }
    }
    groups.sort_by(|a, b| a.0.cmp(b.0).then(state_name(a.1).cmp(state_name(b.1))));
    let mut out = Vec::new();
    for (name, region, members) in groups {
        // The town is where most of its postcodes lie (around their median); a postcode far
        // from it (an island of a city state, a village of the same name) is a place of its own.
        let middle = median(&members);
        let (town, apart): (Vec<&Row>, Vec<&Row>) =
            members.iter().copied().partition(|m| m.point.distance_km(&middle) <= ONE_PLACE_KM);
        let single =
            |m: &Row| Locality { name: name.to_owned(), region, postcode: Some(m.postcode.to_owned()), point: m.point };
        match town.as_slice() {
            [] => {}
            [one] => out.push(single(one)),
            many => out.push(Locality { name: name.to_owned(), region, postcode: None, point: centre(many) }),
        }
        out.extend(apart.into_iter().map(single));
    }
    out
}

/// The point of the median latitude and the median longitude: a centre that a few far-off
/// postcodes do not pull away.
fn median(rows: &[&Row]) -> GeoPoint {
    let mid = |mut v: Vec<i32>| {
        v.sort_unstable();
        v[v.len() / 2]
    };
    let lat = mid(rows.iter().map(|r| r.point.lat_e6).collect());
    let lon = mid(rows.iter().map(|r| r.point.lon_e6).collect());
    GeoPoint::from_micro(lat, lon).unwrap_or(rows[0].point)
}

fn centre(rows: &[&Row]) -> GeoPoint {
    let n = rows.len().max(1) as i64;
    let lat = rows.iter().map(|r| i64::from(r.point.lat_e6)).sum::<i64>() / n;
    let lon = rows.iter().map(|r| i64::from(r.point.lon_e6)).sum::<i64>() / n;
    // The mean of valid coordinates is a valid coordinate.
    GeoPoint::from_micro(lat as i32, lon as i32).unwrap_or(rows[0].point)
}

fn is_postcode(s: &str) -> bool {
    s.len() == 5 && s.bytes().all(|b| b.is_ascii_digit())
}

/// The one place `query` names; none or several are the field's error (the caller offers
/// [`find`]'s places to choose from).
/// A name that is exactly one place's is that place, even when longer names begin with it
/// ("Bonn", not "Bonndorf").
pub fn resolve(field: &'static str, query: &str) -> Result<Locality, FieldError> {
    match search(query) {
        (mut exact, _) if exact.len() == 1 => Ok(exact.remove(0)),
        // A town and far-off postcodes of its own name in its own state: the town is meant
        // (the outliers stay choosable by their postcodes).
        (exact, _) if one_town(&exact).is_some() => {
            one_town(&exact).cloned().ok_or(FieldError::new(field, Reason::AmbiguousPlace))
        }
        (exact, mut starting) if exact.is_empty() && starting.len() == 1 => Ok(starting.remove(0)),
        (exact, starting) if exact.is_empty() && starting.is_empty() => {
            Err(FieldError::new(field, Reason::UnknownPlace))
        }
        _ => Err(FieldError::new(field, Reason::AmbiguousPlace)),
    }
}

/// The one town among `found` when every other place there is a postcode of that town's name
/// in its state.
fn one_town(found: &[Locality]) -> Option<&Locality> {
    let mut towns = found.iter().filter(|l| l.postcode.is_none());
    let town = towns.next()?;
    let alone = towns.next().is_none();
    (alone && found.iter().all(|l| l.name == town.name && l.region == town.region)).then_some(town)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(q: &str) -> Vec<String> {
        find(q).iter().map(Locality::label).collect()
    }

    #[test]
    fn the_data_covers_germany() {
        assert!(ROWS.len() > 14_000, "{} rows", ROWS.len());
        for r in Region::ALL {
            assert!(ROWS.iter().any(|row| row.region == *r), "no place in {r:?}");
        }
    }

    #[test]
    fn a_town_with_many_postcodes_is_one_place_at_its_centre() {
        let m = resolve("place", "München").unwrap();
        assert_eq!((m.name.as_str(), m.region, m.postcode.as_deref()), ("München", Region::Bayern, None));
        assert!(m.point.distance_km(&GeoPoint::parse("p", "48.137, 11.575").unwrap()) < 10);
        assert_eq!(m.label(), "München");
        // Spelled without umlauts, in lower case, with spaces around.
        assert_eq!(resolve("place", "  muenchen ").unwrap(), m);
    }

    #[test]
    fn a_city_with_a_far_off_postcode_is_still_one_place() {
        // Hamburg's island Neuwerk (27499) lies over 100 km out; the city is one place anyway,
        // offered beside the island (and a postcode of that name in Schleswig-Holstein).
        let offered = labels("Hamburg");
        assert_eq!(offered.len(), 3, "{offered:?}");
        let hamburg = resolve("place", "Hamburg (Hamburg)").unwrap();
        assert_eq!((hamburg.postcode, hamburg.region), (None, Region::Hamburg));
        assert!(hamburg.point.distance_km(&GeoPoint::parse("p", "53.55, 10.0").unwrap()) < 15);
        assert_eq!(resolve("place", "27499").unwrap().name, "Hamburg");
    }

    #[test]
    fn a_postcode_names_its_place() {
        let bonn = resolve("place", "53111").unwrap();
        assert_eq!((bonn.name.as_str(), bonn.region), ("Bonn", Region::NordrheinWestfalen));
        assert_eq!(bonn.label(), "53111 Bonn");
        assert_eq!(resolve("place", "53111 Bonn").unwrap(), bonn);
        assert_eq!(resolve("place", "01067").unwrap().name, "Dresden");
    }

    #[test]
    fn a_name_of_several_places_offers_them_with_their_state() {
        assert_eq!(resolve("place", "Frankfurt").unwrap_err().reason, Reason::AmbiguousPlace);
        let offered = labels("Frankfurt");
        assert!(offered.contains(&"Frankfurt am Main".to_owned()), "{offered:?}");
        assert!(offered.contains(&"Frankfurt (Oder)".to_owned()), "{offered:?}");
        // Each label names exactly its place again.
        for label in labels("Neustadt").iter().chain(&offered) {
            assert_eq!(&resolve("place", label).map(|p| p.label()), &Ok(label.clone()), "{label}");
        }
        // Münster is a city in Nordrhein-Westfalen and a village in Hessen and in Bayern.
        let muenster = resolve("place", "Münster (Nordrhein-Westfalen)").unwrap();
        assert_eq!(muenster.label(), "Münster (Nordrhein-Westfalen)");
        assert!(muenster.point.distance_km(&GeoPoint::parse("p", "51.96, 7.62").unwrap()) < 10);
    }

    #[test]
    fn unknown_places_and_postcodes_are_refused() {
        for q in ["Musterstadt", "00000", "", "51.96, 7.62", "48143 Bonn"] {
            assert_eq!(resolve("place", q).unwrap_err().reason, Reason::UnknownPlace, "{q}");
        }
    }
}
