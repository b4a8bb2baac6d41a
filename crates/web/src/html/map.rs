//! The map of Germany on the public network page: the country's outline (Natural Earth, see
//! `data/germany-outline.LICENSE.md`) and a dot per organisation, projected the same way. The
//! page draws it as an SVG with a title and a description, and lists the same data below.

use domain::round::GeoPoint;
use std::sync::LazyLock;

/// The map's frame in degrees: a little larger than Germany.
const WEST: f64 = 5.7;
const EAST: f64 = 15.2;
const NORTH: f64 = 55.15;
const SOUTH: f64 = 47.15;
/// Longitudes shrink with the cosine of the latitude; at Germany's middle one degree of
/// longitude is about 0.63 of one of latitude.
const MIDDLE_LATITUDE: f64 = 51.2;
/// Units of the SVG per degree of latitude.
const SCALE: f64 = 100.0;

fn squeeze() -> f64 {
    MIDDLE_LATITUDE.to_radians().cos()
}

/// The SVG's width and height.
pub fn size() -> (u32, u32) {
    (((EAST - WEST) * squeeze() * SCALE).round() as u32, ((NORTH - SOUTH) * SCALE).round() as u32)
}

/// A point on the map from longitude and latitude in degrees.
fn project(lon: f64, lat: f64) -> (f64, f64) {
    ((lon - WEST) * squeeze() * SCALE, (NORTH - lat) * SCALE)
}

/// Where a place lies on the map (SVG units, one decimal), if it lies in the frame.
pub fn position(p: GeoPoint) -> Option<(String, String)> {
    let (lat, lon) = (f64::from(p.lat_e6) / 1e6, f64::from(p.lon_e6) / 1e6);
    if !(SOUTH..=NORTH).contains(&lat) || !(WEST..=EAST).contains(&lon) {
        return None;
    }
    let (x, y) = project(lon, lat);
    Some((format!("{x:.1}"), format!("{y:.1}")))
}

/// The outline as SVG path data, made once.
pub static OUTLINE: LazyLock<String> = LazyLock::new(|| {
    let mut d = String::new();
    for ring in include_str!("../../data/germany-outline.txt").lines() {
        for (i, pair) in ring.split_whitespace().enumerate() {
            let Some((lon, lat)) = pair.split_once(',') else { continue };
            let (Ok(lon), Ok(lat)) = (lon.parse::<f64>(), lat.parse::<f64>()) else { continue };
            let (x, y) = project(lon, lat);
            d.push_str(&format!("{}{x:.1} {y:.1} ", if i == 0 { 'M' } else { 'L' }));
        }
        d.push_str("Z ");
    }
    d.trim_end().to_owned()
});

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_fall_where_they_lie() {
        let (w, h) = size();
        assert_eq!((w, h), (595, 800));
        // Flensburg is near the top, Munich near the bottom, Aachen at the left, Görlitz right.
        let at = |lat: f64, lon: f64| {
            let (x, y) = position(GeoPoint::from_micro((lat * 1e6) as i32, (lon * 1e6) as i32).expect("a point"))
                .expect("inside");
            (x.parse::<f64>().expect("x"), y.parse::<f64>().expect("y"))
        };
        let flensburg = at(54.78, 9.43);
        let munich = at(48.14, 11.58);
        let aachen = at(50.78, 6.08);
        let goerlitz = at(51.15, 14.99);
        assert!(flensburg.1 < 50.0 && munich.1 > 650.0);
        assert!(aachen.0 < 30.0 && goerlitz.0 > 560.0);
        assert!(position(GeoPoint::from_micro(48_856_000, 2_352_000).expect("Paris")).is_none());
    }

    #[test]
    fn the_outline_is_germany_with_its_islands() {
        assert_eq!(OUTLINE.matches('M').count(), 6);
        assert!(OUTLINE.len() > 2000);
        assert!(OUTLINE.split(' ').all(|t| !t.is_empty()));
    }
}
