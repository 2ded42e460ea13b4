//! The places map: country outlines (Natural Earth 1:110m, public domain; see
//! `resources/ATTRIBUTION.md`) around a story's places, in an equirectangular projection
//! scaled by the cosine of the middle latitude, as inline SVG.

use super::escape::esc;
use corroborate_reconcile::Place;
use std::fmt::Write;
use std::sync::OnceLock;

const COUNTRIES: &str = include_str!("../../resources/countries-110m.txt");

/// Width of the map in SVG user units.
const WIDTH: f64 = 640.0;

struct Country {
    name: &'static str,
    /// Rings of `(lon, lat)` in degrees.
    rings: Vec<Vec<(f64, f64)>>,
    /// `(min lon, min lat, max lon, max lat)`.
    bbox: (f64, f64, f64, f64),
}

fn countries() -> &'static [Country] {
    static PARSED: OnceLock<Vec<Country>> = OnceLock::new();
    PARSED.get_or_init(|| COUNTRIES.lines().filter(|l| !l.starts_with('#') && !l.is_empty()).filter_map(parse_country).collect())
}

/// One line of `countries-110m.txt`: `ISO<TAB>name<TAB>ring|ring`, each ring the first point
/// then deltas, in hundredths of a degree.
fn parse_country(line: &'static str) -> Option<Country> {
    let mut fields = line.split('\t');
    let _iso = fields.next()?;
    let name = fields.next()?;
    let mut rings = Vec::new();
    let mut bbox = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for ring in fields.next()?.split('|') {
        let values: Vec<i64> = ring.split(',').map(|v| v.parse().ok()).collect::<Option<_>>()?;
        let (mut x, mut y) = (0i64, 0i64);
        let mut points = Vec::with_capacity(values.len() / 2);
        for pair in values.chunks_exact(2) {
            x += pair[0];
            y += pair[1];
            let (lon, lat) = (x as f64 / 100.0, y as f64 / 100.0);
            bbox = (bbox.0.min(lon), bbox.1.min(lat), bbox.2.max(lon), bbox.3.max(lat));
            points.push((lon, lat));
        }
        rings.push(points);
    }
    Some(Country { name, rings, bbox })
}

/// The view: a lon/lat box and the scale that maps it onto the SVG.
struct View {
    west: f64,
    south: f64,
    east: f64,
    north: f64,
    kx: f64,
    ky: f64,
    height: f64,
}

impl View {
    /// The box around `points` with a margin, at least 4° tall, its shape kept between 1:2 and
    /// 1:1 (height:width) so a lone place or a line of places still gets a readable map.
    fn around(points: &[(f64, f64)]) -> View {
        let (mut west, mut south, mut east, mut north) = points.iter().fold((f64::MAX, f64::MAX, f64::MIN, f64::MIN), |b, &(lon, lat)| (b.0.min(lon), b.1.min(lat), b.2.max(lon), b.3.max(lat)));
        let margin = ((east - west).max(north - south) * 0.25).max(1.5);
        west -= margin;
        east += margin;
        south -= margin;
        north += margin;
        let mid = ((north + south) / 2.0).clamp(-80.0, 80.0);
        let cos = mid.to_radians().cos().max(0.2);
        // Widths in "equator degrees".
        let (w, h) = ((east - west) * cos, north - south);
        if h < w * 0.5 {
            let grow = (w * 0.5 - h) / 2.0;
            south -= grow;
            north += grow;
        } else if h > w {
            let grow = (h / cos - (east - west)) / 2.0;
            west -= grow;
            east += grow;
        }
        south = south.max(-89.0);
        north = north.min(89.0);
        let kx = WIDTH / (east - west);
        let ky = kx / cos;
        let height = ((north - south) * ky).round();
        View { west, south, east, north, kx, ky, height }
    }

    fn project(&self, lon: f64, lat: f64) -> (f64, f64) {
        ((lon - self.west) * self.kx, (self.north - lat) * self.ky)
    }

    fn sees(&self, bbox: (f64, f64, f64, f64)) -> bool {
        bbox.0 <= self.east && bbox.2 >= self.west && bbox.1 <= self.north && bbox.3 >= self.south
    }
}

/// How far (in degrees, longitude scaled by latitude) a place may lie from the first one and
/// still be drawn: farther places (a capital abroad whose government commented) would shrink
/// the story's region to a dot.
const FOCUS_DEGREES: f64 = 15.0;

/// The map of `places` (those with coordinates) around the first of them, or `None` when none
/// has any; also the names of the places too far away to draw.
pub fn map_svg(places: &[Place], title: &str) -> Option<(String, Vec<String>)> {
    let mut located: Vec<(&Place, f64, f64)> = places.iter().filter_map(|p| Some((p, p.lon?, p.lat?))).filter(|(_, lon, lat)| lon.is_finite() && lat.is_finite() && lat.abs() <= 90.0 && lon.abs() <= 180.0).collect();
    let &(_, lon0, lat0) = located.first()?;
    let cos0 = lat0.to_radians().cos();
    let far: Vec<String> = located.iter().filter(|(_, lon, lat)| ((lon - lon0) * cos0).hypot(lat - lat0) > FOCUS_DEGREES).map(|(p, _, _)| p.name.clone()).collect();
    located.retain(|(_, lon, lat)| ((lon - lon0) * cos0).hypot(lat - lat0) <= FOCUS_DEGREES);
    let view = View::around(&located.iter().map(|&(_, lon, lat)| (lon, lat)).collect::<Vec<_>>());
    let mut svg = String::new();
    let _ = write!(svg, "<svg class=\"map\" viewBox=\"0 0 {WIDTH} {}\" role=\"img\" aria-label=\"{}\"><rect class=\"sea\" width=\"{WIDTH}\" height=\"{}\"/>", view.height, esc(title), view.height);
    // Country names go on top of the outlines, at the middle of each country's largest visible
    // ring, when that ring is big enough to hold them.
    let mut labels = String::new();
    for country in countries().iter().filter(|c| view.sees(c.bbox)) {
        let mut d = String::new();
        let mut largest: Option<(f64, f64, f64)> = None;
        for ring in &country.rings {
            let ring = clip_ring(ring, (view.west - 1.0, view.south - 1.0, view.east + 1.0, view.north + 1.0));
            if ring.len() < 3 {
                continue;
            }
            let inner = clip_ring(&ring, (view.west, view.south, view.east, view.north));
            if let Some((area, x, y)) = centroid(&inner).map(|(a, lon, lat)| (a * view.kx * view.ky, view.project(lon, lat))).map(|(a, (x, y))| (a, x, y)) {
                if largest.is_none_or(|l| area > l.0) {
                    largest = Some((area, x, y));
                }
            }
            let mut last = (f64::NAN, f64::NAN);
            for (i, &(lon, lat)) in ring.iter().enumerate() {
                let (x, y) = view.project(lon, lat);
                let (x, y) = ((x * 10.0).round() / 10.0, (y * 10.0).round() / 10.0);
                if (x, y) == last {
                    continue;
                }
                let _ = write!(d, "{}{x} {y}", if i == 0 { 'M' } else { 'L' });
                last = (x, y);
            }
            d.push('Z');
        }
        if d.is_empty() {
            continue;
        }
        let _ = write!(svg, "<path class=\"land\" d=\"{d}\"><title>{}</title></path>", esc(country.name));
        if let Some((area, x, y)) = largest {
            if area > 2500.0 {
                let _ = write!(labels, "<text class=\"country\" x=\"{x:.1}\" y=\"{y:.1}\" text-anchor=\"middle\">{}</text>", esc(&country.name.to_uppercase()));
            }
        }
    }
    svg.push_str(&labels);
    for (place, lon, lat) in &located {
        let (x, y) = view.project(*lon, *lat);
        let anchor_end = x > WIDTH * 0.7;
        let _ = write!(
            svg,
            "<g class=\"place\"><circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"4\"/><text x=\"{:.1}\" y=\"{:.1}\"{}>{}</text><title>{} ({lat:.2}, {lon:.2})</title></g>",
            if anchor_end { x - 7.0 } else { x + 7.0 },
            y + 4.0,
            if anchor_end { " text-anchor=\"end\"" } else { "" },
            esc(&place.name),
            esc(&place.name)
        );
    }
    let _ = write!(
        svg,
        "<text class=\"corner\" x=\"4\" y=\"{:.1}\">{:.1}°, {:.1}° … {:.1}°, {:.1}° · Natural Earth</text></svg>",
        view.height - 5.0,
        view.south,
        view.west,
        view.north,
        view.east
    );
    Some((svg, far))
}

/// The part of `ring` inside the box `(west, south, east, north)` (Sutherland–Hodgman: the
/// box is convex, so clipping against its four sides in turn keeps a closed ring; what runs
/// along the box's edge is off the map's visible part anyway).
fn clip_ring(ring: &[(f64, f64)], bbox: (f64, f64, f64, f64)) -> Vec<(f64, f64)> {
    let (west, south, east, north) = bbox;
    // Each side: inside test and intersection of a segment with the side's line.
    type Side = (fn(f64, f64, f64) -> bool, f64, bool);
    let sides: [Side; 4] = [
        (|x, _, v| x >= v, west, true),
        (|x, _, v| x <= v, east, true),
        (|_, y, v| y >= v, south, false),
        (|_, y, v| y <= v, north, false),
    ];
    let mut points = ring.to_vec();
    for (inside, v, vertical) in sides {
        if points.is_empty() {
            break;
        }
        let cut = |a: (f64, f64), b: (f64, f64)| {
            if vertical {
                let t = (v - a.0) / (b.0 - a.0);
                (v, a.1 + t * (b.1 - a.1))
            } else {
                let t = (v - a.1) / (b.1 - a.1);
                (a.0 + t * (b.0 - a.0), v)
            }
        };
        let mut out = Vec::with_capacity(points.len());
        for i in 0..points.len() {
            let (a, b) = (points[(i + points.len() - 1) % points.len()], points[i]);
            match (inside(a.0, a.1, v), inside(b.0, b.1, v)) {
                (true, true) => out.push(b),
                (true, false) => out.push(cut(a, b)),
                (false, true) => {
                    out.push(cut(a, b));
                    out.push(b);
                }
                (false, false) => {}
            }
        }
        points = out;
    }
    points
}

/// Area (in square degrees) and centroid `(lon, lat)` of a ring, by the shoelace formula.
fn centroid(ring: &[(f64, f64)]) -> Option<(f64, f64, f64)> {
    if ring.len() < 3 {
        return None;
    }
    let (mut a, mut cx, mut cy) = (0.0, 0.0, 0.0);
    for i in 0..ring.len() {
        let (p, q) = (ring[i], ring[(i + 1) % ring.len()]);
        let cross = p.0 * q.1 - q.0 * p.1;
        a += cross;
        cx += (p.0 + q.0) * cross;
        cy += (p.1 + q.1) * cross;
    }
    (a.abs() > 1e-9).then(|| (a.abs() / 2.0, cx / (3.0 * a), cy / (3.0 * a)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place(name: &str, lat: f64, lon: f64) -> Place {
        Place { entity: format!("gn:{name}"), name: name.into(), lat: Some(lat), lon: Some(lon), country: None }
    }

    #[test]
    fn the_outlines_load() {
        let all = countries();
        assert!(all.len() > 170, "{}", all.len());
        let syria = all.iter().find(|c| c.name == "Syria").expect("Syria");
        assert!(syria.bbox.0 > 35.0 && syria.bbox.2 < 43.0 && syria.bbox.1 > 32.0 && syria.bbox.3 < 38.0, "{:?}", syria.bbox);
    }

    #[test]
    fn a_map_shows_the_places_and_the_countries_around_them() {
        let (svg, far) = map_svg(&[place("Palmyra", 34.56, 38.28), place("Homs", 34.73, 36.72), place("Washington", 38.9, -77.04)], "places").unwrap();
        assert_eq!(far, ["Washington"]);
        assert!(svg.contains("<title>Syria</title>") && svg.contains("<title>Lebanon</title>"), "{svg}");
        assert!(!svg.contains("<title>Brazil</title>"));
        assert!(svg.contains(">SYRIA</text>"), "{svg}");
        assert!(svg.contains(">Palmyra</text>") && svg.contains(">Homs</text>"));
        assert!(svg.len() < 60_000, "{}", svg.len());
    }

    #[test]
    fn rings_are_clipped_to_the_view() {
        let square = [(-10.0, -10.0), (10.0, -10.0), (10.0, 10.0), (-10.0, 10.0)];
        assert_eq!(clip_ring(&square, (0.0, 0.0, 5.0, 5.0)), vec![(0.0, 5.0), (0.0, 0.0), (5.0, 0.0), (5.0, 5.0)]);
        assert!(clip_ring(&square, (20.0, 20.0, 30.0, 30.0)).is_empty());
    }

    #[test]
    fn no_coordinates_no_map() {
        let mut p = place("Nowhere", 0.0, 0.0);
        p.lat = None;
        assert_eq!(map_svg(&[p], "places"), None);
    }
}
