//! The region's outline: GeoJSON (Polygon/MultiPolygon features) parsed once into
//! rings and triangles, so each frame only projects vertices and paints a mesh.

use super::projection::{Bounds, LonLat};

/// One country (or any polygon feature) of the outline.
#[derive(Debug, Clone, Default)]
pub struct Country {
    pub name_en: String,
    pub name_ar: String,
    pub iso: String,
    /// Outer rings only: the holes of admin-0 polygons are slivers too small to draw.
    pub rings: Vec<Ring>,
}

#[derive(Debug, Clone, Default)]
pub struct Ring {
    pub points: Vec<LonLat>,
    /// Indices into `points`, three per triangle, filling the ring.
    pub triangles: Vec<u32>,
}

#[derive(Debug, Clone, Default)]
pub struct Outline {
    pub countries: Vec<Country>,
}

impl Outline {
    /// Parses a GeoJSON FeatureCollection. Features that are not polygons, and rings
    /// with fewer than three valid points, are skipped: a bad outline never stops the map.
    pub fn parse(text: &str) -> Result<Outline, String> {
        if text.trim().is_empty() {
            return Ok(Outline::default());
        }
        let v: serde_json::Value = serde_json::from_str(text).map_err(|e| e.to_string())?;
        let features = v
            .get("features")
            .and_then(|f| f.as_array())
            .ok_or("not a FeatureCollection: no \"features\" array")?;
        let mut countries = Vec::new();
        for f in features {
            let props = f.get("properties");
            let prop = |k: &str| {
                props
                    .and_then(|p| p.get(k))
                    .and_then(|s| s.as_str())
                    .unwrap_or("")
                    .to_string()
            };
            let Some(geom) = f.get("geometry") else {
                continue;
            };
            let coords = geom.get("coordinates");
            let polygons: Vec<&serde_json::Value> = match geom.get("type").and_then(|t| t.as_str())
            {
                Some("Polygon") => coords.into_iter().collect(),
                Some("MultiPolygon") => coords
                    .and_then(|c| c.as_array())
                    .map(|a| a.iter().collect())
                    .unwrap_or_default(),
                _ => continue,
            };
            let rings: Vec<Ring> = polygons
                .iter()
                .filter_map(|poly| poly.as_array()?.first())
                .filter_map(parse_ring)
                .map(|points| {
                    let triangles = triangulate(&points);
                    Ring { points, triangles }
                })
                .collect();
            if !rings.is_empty() {
                countries.push(Country {
                    name_en: prop("name"),
                    name_ar: prop("name_ar"),
                    iso: prop("iso_a3"),
                    rings,
                });
            }
        }
        Ok(Outline { countries })
    }

    pub fn bounds(&self) -> Option<Bounds> {
        Bounds::of(
            self.countries
                .iter()
                .flat_map(|c| c.rings.iter().flat_map(|r| r.points.iter().copied())),
        )
    }

    pub fn country(&self, iso: &str) -> Option<&Country> {
        self.countries.iter().find(|c| c.iso == iso)
    }
}

fn parse_ring(v: &serde_json::Value) -> Option<Vec<LonLat>> {
    let mut pts: Vec<LonLat> = v
        .as_array()?
        .iter()
        .filter_map(|p| {
            let a = p.as_array()?;
            let lon = a.first()?.as_f64()?;
            let lat = a.get(1)?.as_f64()?;
            (lon.is_finite() && lat.is_finite()).then_some(LonLat::new(lon, lat))
        })
        .collect();
    // GeoJSON rings repeat the first point at the end.
    if pts.len() > 1 && pts.first() == pts.last() {
        pts.pop();
    }
    pts.dedup();
    (pts.len() >= 3).then_some(pts)
}

fn signed_area(p: &[LonLat]) -> f64 {
    let n = p.len();
    (0..n)
        .map(|i| {
            let (a, b) = (p[i], p[(i + 1) % n]);
            a.lon * b.lat - b.lon * a.lat
        })
        .sum::<f64>()
        / 2.0
}

fn cross(a: LonLat, b: LonLat, c: LonLat) -> f64 {
    (b.lon - a.lon) * (c.lat - a.lat) - (b.lat - a.lat) * (c.lon - a.lon)
}

fn inside_triangle(p: LonLat, a: LonLat, b: LonLat, c: LonLat) -> bool {
    cross(a, b, p) >= 0.0 && cross(b, c, p) >= 0.0 && cross(c, a, p) >= 0.0
}

/// Ear clipping of a simple polygon (any winding). O(n²) on a few thousand vertices,
/// done once at load. egui only fills convex paths, hence our own triangles.
pub fn triangulate(points: &[LonLat]) -> Vec<u32> {
    let n = points.len();
    if n < 3 {
        return Vec::new();
    }
    let mut idx: Vec<u32> = (0..n as u32).collect();
    if signed_area(points) < 0.0 {
        idx.reverse(); // make it counter-clockwise so ears have positive cross products
    }
    let mut out = Vec::with_capacity((n - 2) * 3);
    let mut i = 0usize;
    let mut since_last_ear = 0usize;
    while idx.len() > 3 {
        let m = idx.len();
        let (ia, ib, ic) = (idx[(i + m - 1) % m], idx[i % m], idx[(i + 1) % m]);
        let (a, b, c) = (
            points[ia as usize],
            points[ib as usize],
            points[ic as usize],
        );
        let convex = cross(a, b, c) > 0.0;
        let is_ear = convex
            && !idx.iter().any(|&j| {
                j != ia && j != ib && j != ic && {
                    let p = points[j as usize];
                    p != a && p != b && p != c && inside_triangle(p, a, b, c)
                }
            });
        if is_ear {
            out.extend_from_slice(&[ia, ib, ic]);
            idx.remove(i % m);
            since_last_ear = 0;
            if i >= idx.len() {
                i = 0;
            }
        } else {
            since_last_ear += 1;
            if since_last_ear > m {
                // Self-touching or degenerate input: clip anyway rather than loop forever.
                out.extend_from_slice(&[ia, ib, ic]);
                idx.remove(i % m);
                since_last_ear = 0;
                i = 0;
            } else {
                i = (i + 1) % m;
            }
        }
    }
    out.extend_from_slice(&[idx[0], idx[1], idx[2]]);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn area_of_triangles(p: &[LonLat], t: &[u32]) -> f64 {
        t.chunks(3)
            .map(|c| cross(p[c[0] as usize], p[c[1] as usize], p[c[2] as usize]).abs() / 2.0)
            .sum()
    }

    #[test]
    fn a_concave_polygon_is_filled_exactly_by_its_triangles() {
        // An L shape, clockwise, area 3.
        let l = [
            (0.0, 0.0),
            (0.0, 2.0),
            (1.0, 2.0),
            (1.0, 1.0),
            (2.0, 1.0),
            (2.0, 0.0),
        ]
        .map(|(x, y)| LonLat::new(x, y));
        let t = triangulate(&l);
        assert_eq!(t.len(), (l.len() - 2) * 3);
        assert!((area_of_triangles(&l, &t) - 3.0).abs() < 1e-12);
    }

    #[test]
    fn the_bundled_outline_parses_with_libya_and_its_neighbours() {
        let text = include_str!("../../../assets/packs/libya/outline.geojson");
        let o = Outline::parse(text).expect("outline parses");
        assert_eq!(o.countries.len(), 7);
        let libya = o.country("LBY").expect("Libya present");
        assert_eq!(libya.name_ar, "ليبيا");
        // The triangles cover the ring: same area as the shoelace formula.
        let r = &libya.rings[0];
        let a = area_of_triangles(&r.points, &r.triangles);
        assert!(
            (a - signed_area(&r.points).abs()).abs() < 1e-6 * a,
            "area {a}"
        );
        let b = o.bounds().expect("bounds");
        assert!(b.min.lon < 9.4 && b.max.lon > 25.0 && b.min.lat < 19.6 && b.max.lat > 33.0);
    }

    #[test]
    fn bad_outlines_are_errors_or_skipped_never_panics() {
        assert!(Outline::parse("{").is_err());
        assert!(Outline::parse("{\"type\":\"Feature\"}").is_err());
        assert!(
            Outline::parse("")
                .expect("empty is no outline")
                .countries
                .is_empty()
        );
        let odd = r#"{"features":[{"geometry":{"type":"Point","coordinates":[1,2]}},
            {"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,"x"],[1,1]]]}},
            {"geometry":{"type":"Polygon","coordinates":[[[0,0],[1,0],[1,1],[0,0]]]}}]}"#;
        let o = Outline::parse(odd).expect("parses");
        assert_eq!(o.countries.len(), 1);
        assert_eq!(o.countries[0].rings[0].triangles.len(), 3);
    }
}
