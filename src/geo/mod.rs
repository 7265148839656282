//! Map geometry: the boundary file's types, the projection it names, point-in-polygon and label points.

use crate::data::json::{self, Fail, Fields, Json, Path, Read};
use crate::data::{DataError, Dataset};
use crate::host;

/// The boundaries file (`data/map/*.json`): outer rings as flat `[lon, lat, lon, lat, …]` arrays,
/// or, where the file gives `units_per_degree`, as whole units, each pair after the first a step from
/// the one before (the form `cargo xtask map` writes: a third of the bytes gzipped).
#[derive(Debug, Clone, PartialEq)]
pub struct MapData {
    pub attribution: String,
    /// West, south, east, north: the window the context shapes were clipped to.
    pub bbox: [f64; 4],
    /// How the file's longitudes and latitudes are laid flat: chosen for the map's extent when the
    /// file is built, so that the engine knows no particular place.
    pub projection: Projection,
    pub regions: Vec<Shape>,
    pub context: Vec<Shape>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Shape {
    pub id: String,
    pub name: Option<String>,
    /// Its name in Chinese, for a story told in Chinese.
    pub name_zh: Option<String>,
    pub rings: Vec<Vec<f64>>,
}

impl MapData {
    /// Reads a boundaries file; a message names the path of what does not fit.
    pub fn from_json(text: &str) -> Result<MapData, DataError> {
        Ok(MapData::read(&json::parse(text)?, Path::Root)?)
    }
}

impl Read for MapData {
    fn read(v: &Json, at: Path) -> Result<Self, Fail> {
        let f = Fields::of(v, at, &["attribution", "bbox", "projection", "units_per_degree", "regions", "context"])?;
        let bbox: Vec<f64> = f.req("bbox")?;
        let bbox: [f64; 4] = bbox.try_into().map_err(|b: Vec<f64>| {
            Path::Key(&f.at, "bbox").error(format!("invalid length {}, expected west, south, east, north", b.len()))
        })?;
        let mut map = MapData {
            attribution: f.req("attribution")?,
            bbox,
            projection: f.req("projection")?,
            regions: f.req("regions")?,
            context: f.req("context")?,
        };
        if let Some(units) = f.opt::<f64>("units_per_degree")? {
            if !(units.is_finite() && units > 0.0) {
                return Err(Path::Key(&f.at, "units_per_degree")
                    .error("give how many units of the rings make a degree, a positive number such as 100".into()));
            }
            for shape in map.regions.iter_mut().chain(map.context.iter_mut()) {
                for ring in &mut shape.rings {
                    undelta(ring, units);
                }
            }
        }
        Ok(map)
    }
}

/// Degrees from a ring of steps in units: running sums, divided as the build multiplied, so a
/// coordinate comes back as the same number its two-decimal text would read as.
fn undelta(ring: &mut [f64], units: f64) {
    let (mut x, mut y) = (0.0, 0.0);
    for p in ring.chunks_exact_mut(2) {
        x += p[0];
        y += p[1];
        p[0] = x / units;
        p[1] = y / units;
    }
}

impl Shape {
    /// The shape's name in `lang`: none where the file gives none in it, so that a story told in
    /// Chinese never writes a neighbour's name in English.
    pub fn name_in(&self, lang: crate::i18n::Lang) -> Option<String> {
        match lang {
            crate::i18n::Lang::En => self.name.clone(),
            crate::i18n::Lang::Zh => self.name_zh.clone(),
        }
    }
}

impl Read for Shape {
    fn read(v: &Json, at: Path) -> Result<Self, Fail> {
        let f = Fields::of(v, at, &["id", "name", "name_zh", "rings"])?;
        Ok(Shape { id: f.req("id")?, name: f.opt("name")?, name_zh: f.opt("name_zh")?, rings: f.req("rings")? })
    }
}

/// A point in projected units (x east, y south, so it maps straight onto screen axes).
pub type Pt = (f64, f64);

/// How a map is laid flat, as its boundaries file says: both keep areas comparable, as a
/// choropleth's colours need. `cargo xtask map` chooses from the map's extent: an Albers conic fitted
/// to a country or a region (`{"kind": "albers", "center": [116, 45], "parallels": [40, 50]}`), Equal
/// Earth for the world (`{"kind": "equal_earth"}`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Projection {
    Albers(Albers),
    EqualEarth,
}

impl Projection {
    /// `(lon, lat)` in degrees laid flat: x east, y south.
    pub fn project(&self, lon: f64, lat: f64) -> Pt {
        match self {
            Projection::Albers(p) => p.project(lon, lat),
            Projection::EqualEarth => equal_earth(lon, lat),
        }
    }
}

impl Read for Projection {
    fn read(v: &Json, at: Path) -> Result<Self, Fail> {
        let Json::Obj(fields) = v else { return Err(at.error("expected an object with its `kind`".into())) };
        let kind = fields.iter().find(|(k, _)| k == "kind").map(|(_, v)| v);
        match kind {
            Some(Json::Str(k)) if k == "albers" => Albers::read(v, at).map(Projection::Albers),
            Some(Json::Str(k)) if k == "equal_earth" => {
                Fields::of(v, at, &["kind"])?;
                Ok(Projection::EqualEarth)
            }
            _ => Err(Path::Key(&at, "kind").error(
                "expected \"albers\" (an equal-area conic, for a country or a region) or \"equal_earth\" (for the world)"
                    .into(),
            )),
        }
    }
}

/// The Equal Earth projection (Šavrič, Patterson and Jenny, 2018), centred on Greenwich, in
/// radians of the unit sphere: equal-area, with straight parallels, for maps of the world.
fn equal_earth(lon: f64, lat: f64) -> Pt {
    const A1: f64 = 1.340_264;
    const A2: f64 = -0.081_106;
    const A3: f64 = 0.000_893;
    const A4: f64 = 0.003_796;
    let m = 3f64.sqrt() / 2.0;
    let theta = host::asin(m * host::sin(lat.to_radians()));
    let t2 = theta * theta;
    let t6 = t2 * t2 * t2;
    let x = lon.to_radians() * host::cos(theta) / (m * (A1 + 3.0 * A2 * t2 + t6 * (7.0 * A3 + 9.0 * A4 * t2)));
    let y = theta * (A1 + A2 * t2 + t6 * (A3 + A4 * t2));
    (x, -y)
}

/// Albers equal-area conic, with its centre and two standard parallels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Albers {
    n: f64,
    c: f64,
    rho0: f64,
    lon0: f64,
}

impl Read for Albers {
    fn read(v: &Json, at: Path) -> Result<Self, Fail> {
        let f = Fields::of(v, at, &["kind", "center", "parallels"])?;
        let pair = |key: &'static str, what: &str, ok: &dyn Fn(f64, f64) -> bool| -> Result<(f64, f64), Fail> {
            let v: Vec<f64> = f.req(key)?;
            match v.as_slice() {
                [a, b] if a.is_finite() && b.is_finite() && ok(*a, *b) => Ok((*a, *b)),
                _ => Err(Path::Key(&f.at, key).error(format!("expected {what}"))),
            }
        };
        let latitude = |p: f64| p.abs() < 90.0;
        let (lon0, lat0) =
            pair("center", "[longitude, latitude] of the map's centre, such as [116, 45]", &|lon, lat| {
                lon.abs() <= 180.0 && latitude(lat)
            })?;
        // Parallels symmetric about the equator make the cone a cylinder of zero slope: no conic.
        let (lat1, lat2) = pair(
            "parallels",
            "the two standard parallels in degrees, such as [40, 50], not opposite each other",
            &|a, b| latitude(a) && latitude(b) && (a + b).abs() > 1e-6,
        )?;
        Ok(Albers::new(lon0, lat0, lat1, lat2))
    }
}

impl Albers {
    pub fn new(lon0: f64, lat0: f64, lat1: f64, lat2: f64) -> Albers {
        let (p0, p1, p2) = (lat0.to_radians(), lat1.to_radians(), lat2.to_radians());
        let n = (host::sin(p1) + host::sin(p2)) / 2.0;
        let c = host::cos(p1).powi(2) + 2.0 * n * host::sin(p1);
        let rho0 = (c - 2.0 * n * host::sin(p0)).sqrt() / n;
        Albers { n, c, rho0, lon0 }
    }

    pub fn project(&self, lon: f64, lat: f64) -> Pt {
        let rho = (self.c - 2.0 * self.n * host::sin(lat.to_radians())).sqrt() / self.n;
        let theta = self.n * (lon - self.lon0).to_radians();
        (rho * host::sin(theta), -(self.rho0 - rho * host::cos(theta)))
    }
}

/// A region's shape, projected.
#[derive(Debug, Clone, PartialEq)]
pub struct RegionShape {
    /// The dataset's region id.
    pub region: String,
    pub rings: Vec<Vec<Pt>>,
}

/// A shape of the boundaries file that no region of the dataset names (or a neighbour of its
/// context), projected.
#[derive(Debug, Clone, PartialEq)]
pub struct OtherShape {
    /// Its id in the file (an ISO code).
    pub id: String,
    /// Its name in the file, where it gives one.
    pub name: Option<String>,
    pub rings: Vec<Vec<Pt>>,
}

/// Boundaries joined to a dataset's regions and projected once; layouts only scale and shift them.
#[derive(Debug, Clone, PartialEq)]
pub struct GeoMap {
    pub attribution: String,
    pub regions: Vec<RegionShape>,
    /// The dataset's regions whose `geo` names no shape of the file (a state too small to keep a
    /// shape, a code mistyped): drawn nowhere, and said so under the map.
    pub unmapped: Vec<String>,
    /// Neighbouring land drawn grey (other countries), with the names the file gives them.
    pub context: Vec<OtherShape>,
    /// The file's region shapes that no region of the dataset names: a country the data do not
    /// cover, a province beside the story's. A choropleth draws them as "no data"; a map as land
    /// around its regions.
    pub others: Vec<OtherShape>,
    /// Projected bounds of the regions: min x, min y, max x, max y.
    pub bounds: [f64; 4],
}

fn err(path: String, message: String) -> DataError {
    DataError { path, message }
}

fn project_rings(p: &Projection, shape: &Shape, path: &str) -> Result<Vec<Vec<Pt>>, DataError> {
    let mut rings = Vec::with_capacity(shape.rings.len());
    for (i, ring) in shape.rings.iter().enumerate() {
        if ring.len() < 6 || ring.len() % 2 != 0 || ring.iter().any(|v| !v.is_finite()) {
            return Err(err(
                format!("{path}.rings[{i}]"),
                format!(
                    "shape \"{}\" has a ring that is not a list of at least three finite longitude, latitude pairs",
                    shape.id
                ),
            ));
        }
        let mut pts: Vec<Pt> = ring.chunks_exact(2).map(|c| p.project(c[0], c[1])).collect();
        // Rounding in the build can leave a vertex twice in a row: a zero-length edge says nothing.
        // GeoJSON closes each ring by repeating its first point; the drawing closes rings itself.
        pts.dedup();
        if pts.len() > 1 && pts.first() == pts.last() {
            pts.pop();
        }
        rings.push(pts);
    }
    Ok(rings)
}

impl GeoMap {
    /// Joins the boundaries to the dataset's regions by their `geo` ids and projects them. A region
    /// whose `geo` names no shape of the file is kept in `unmapped`, not refused: a world map leaves
    /// out states too small to draw, and real data names them.
    pub fn new(data: &MapData, d: &Dataset) -> Result<GeoMap, DataError> {
        let p = data.projection;
        let mut regions = Vec::new();
        let mut unmapped = Vec::new();
        for r in &d.regions {
            let Some(geo) = &r.geo else { continue };
            let Some((j, shape)) = data.regions.iter().enumerate().find(|(_, s)| &s.id == geo) else {
                unmapped.push(r.id.clone());
                continue;
            };
            let rings = project_rings(&p, shape, &format!("map.regions[{j}]"))?;
            regions.push(RegionShape { region: r.id.clone(), rings });
        }
        let mut others = Vec::new();
        for (j, shape) in data.regions.iter().enumerate() {
            if d.regions.iter().any(|r| r.geo.as_ref() == Some(&shape.id)) {
                continue;
            }
            let rings = project_rings(&p, shape, &format!("map.regions[{j}]"))?;
            others.push(OtherShape { id: shape.id.clone(), name: shape.name_in(d.lang), rings });
        }
        let mut context = Vec::with_capacity(data.context.len());
        for (j, s) in data.context.iter().enumerate() {
            let rings = project_rings(&p, s, &format!("map.context[{j}]"))?;
            context.push(OtherShape { id: s.id.clone(), name: s.name_in(d.lang), rings });
        }
        let mut bounds = [f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY];
        for (x, y) in regions.iter().flat_map(|r| r.rings.iter().flatten()) {
            bounds = [bounds[0].min(*x), bounds[1].min(*y), bounds[2].max(*x), bounds[3].max(*y)];
        }
        if regions.is_empty() {
            // Owned, as the other lists joined into messages are: one instance of `join` in the wasm.
            let known: Vec<String> = data.regions.iter().take(12).map(|s| s.id.clone()).collect();
            return Err(err(
                "regions".into(),
                format!(
                    "no region names a shape of the map (`geo`); give each region the id of its shape, such as {}",
                    known.join(", ")
                ),
            ));
        }
        Ok(GeoMap { attribution: data.attribution.clone(), regions, unmapped, context, others, bounds })
    }
}

/// The diagonal hatching of a shape: segments of the lines `x + y = k × gap` (running from the
/// lower left to the upper right on a screen) that lie inside `rings`, by the even-odd rule. The
/// lines sit at multiples of `gap` on the whole canvas, so the hatching of neighbours lines up.
pub fn hatch(rings: &[Vec<Pt>], gap: f64) -> Vec<(Pt, Pt)> {
    let mut out = Vec::new();
    if !(gap.is_finite() && gap > 0.0) {
        return out;
    }
    let sums = rings.iter().flatten().map(|(x, y)| x + y);
    let (lo, hi) = sums.fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), s| (a.min(s), b.max(s)));
    if !(lo.is_finite() && hi.is_finite()) {
        return out;
    }
    let mut k = (lo / gap).ceil();
    let mut xs: Vec<f64> = Vec::new();
    while k * gap <= hi {
        let c = k * gap;
        xs.clear();
        for ring in rings {
            let Some(&last) = ring.last() else { continue };
            let mut a = last;
            for &b in ring {
                let (ua, ub) = (a.0 + a.1, b.0 + b.1);
                if (ua <= c) != (ub <= c) {
                    xs.push(a.0 + (c - ua) / (ub - ua) * (b.0 - a.0));
                }
                a = b;
            }
        }
        xs.sort_by(f64::total_cmp);
        for pair in xs.chunks_exact(2) {
            out.push(((pair[0], c - pair[0]), (pair[1], c - pair[1])));
        }
        k += 1.0;
    }
    out
}

/// Even-odd rule over all rings, so holes and islands count right. A point on an edge shared by
/// two shapes with the same vertices falls in exactly one of them (the half-open crossing rule).
pub fn contains(rings: &[Vec<Pt>], (px, py): Pt) -> bool {
    odd_right(crossings(rings, py), px)
}

/// True when an odd number of a row's edge crossings lie right of `px`: the point is inside.
fn odd_right(crossings: impl Iterator<Item = f64>, px: f64) -> bool {
    crossings.filter(|x| px < *x).count() % 2 == 1
}

/// The inside-test along one horizontal line: its edge crossings found once, then each point on it
/// answered from them (a grid search asks thousands of points on a few dozen lines).
#[derive(Debug, Clone)]
pub struct Row {
    xs: Vec<f64>,
}

impl Row {
    pub fn at(rings: &[Vec<Pt>], y: f64) -> Row {
        Row { xs: crossings(rings, y).collect() }
    }

    /// The same answer as `contains(rings, (x, y))`.
    pub fn contains(&self, x: f64) -> bool {
        odd_right(self.xs.iter().copied(), x)
    }

    /// How far the point at `x` on this line is from the nearest crossing (infinite for none): each
    /// crossing lies on an edge, so no edge is farther from the point than this.
    fn nearest(&self, x: f64) -> f64 {
        // Comparisons, not `f64::min`: in wasm that is a call into the float library, and this runs
        // for every point of the label search.
        self.xs.iter().map(|c| (c - x).abs()).fold(f64::INFINITY, |near, d| if d < near { d } else { near })
    }
}

/// Where the rings' edges cross the line at height `py`: a point on that line is inside when an odd
/// number of them lie to its right. One pass answers for every point of a row.
fn crossings(rings: &[Vec<Pt>], py: f64) -> impl Iterator<Item = f64> + '_ {
    rings
        .iter()
        .flat_map(move |ring| {
            let last = ring.last().copied();
            ring.iter().scan(last, move |prev, &a| {
                let b = prev.replace(a).unwrap_or(a);
                if (a.1 > py) == (b.1 > py) {
                    return Some(None);
                }
                // Compute the crossing from the lower end always, so the two shapes that share this
                // edge (each walking it the other way) get the very same number.
                let (lo, hi) = if a.1 < b.1 { (a, b) } else { (b, a) };
                Some(Some((hi.0 - lo.0) * (py - lo.1) / (hi.1 - lo.1) + lo.0))
            })
        })
        .flatten()
}

/// Squared distance from a point to the nearest edge of any ring.
pub fn edge_distance2(rings: &[Vec<Pt>], p: Pt) -> f64 {
    edge_distance2_above(rings, p, f64::NEG_INFINITY).unwrap_or(f64::NEG_INFINITY)
}

/// The squared distance to the nearest edge, or `None` as soon as an edge is nearer than `floor`:
/// the label search only wants points farther from every edge than its best so far, and most grid
/// points are ruled out by the first few edges (with the row-wise crossings, this makes the map's
/// setup about 3.5 times faster natively, finding the same points).
fn edge_distance2_above(rings: &[Vec<Pt>], (px, py): Pt, floor: f64) -> Option<f64> {
    let mut best = f64::INFINITY;
    for ring in rings {
        let Some(&last) = ring.last() else { continue };
        let mut a = last;
        for &b in ring {
            let (dx, dy) = (b.0 - a.0, b.1 - a.1);
            let len2 = dx * dx + dy * dy;
            // Comparisons rather than `f64::min`/`max`, which wasm makes calls into its float
            // library: this loop runs for every edge of every grid point the label search tries.
            let along = if len2 > 0.0 { ((px - a.0) * dx + (py - a.1) * dy) / len2 } else { 0.0 };
            let t = if along < 0.0 {
                0.0
            } else if along > 1.0 {
                1.0
            } else {
                along
            };
            let (qx, qy) = (a.0 + t * dx - px, a.1 + t * dy - py);
            let d2 = qx * qx + qy * qy;
            if d2 < best {
                best = d2;
            }
            if best <= floor {
                return None;
            }
            a = b;
        }
    }
    Some(best)
}

/// A point well inside the largest ring, where a name fits best: the grid point farthest from
/// any edge (a centroid can fall outside a crescent such as Inner Mongolia).
pub fn label_point(rings: &[Vec<Pt>]) -> Pt {
    const STEPS: usize = 40;
    let area = |r: &Vec<Pt>| {
        let mut a = 0.0;
        for (k, p) in r.iter().enumerate() {
            let q = r[(k + 1) % r.len()];
            a += p.0 * q.1 - q.0 * p.1;
        }
        (a / 2.0).abs()
    };
    let Some(main) = rings.iter().max_by(|a, b| area(a).total_cmp(&area(b))) else {
        return (0.0, 0.0);
    };
    let one = std::slice::from_ref(main);
    let (mut x0, mut y0, mut x1, mut y1) = (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
    for (x, y) in main {
        (x0, y0, x1, y1) = (x0.min(*x), y0.min(*y), x1.max(*x), y1.max(*y));
    }
    let mut best = (main[0], -1.0);
    // Row by row (the grid's points in the order the search has always visited them: by column,
    // then row) so each row's edge crossings are found once, not once per point.
    let rows: Vec<(f64, Row)> = (0..=STEPS)
        .map(|j| {
            let y = y0 + (y1 - y0) * j as f64 / STEPS as f64;
            (y, Row::at(one, y))
        })
        .collect();
    for i in 0..=STEPS {
        let x = x0 + (x1 - x0) * i as f64 / STEPS as f64;
        for (y, row) in &rows {
            let p = (x, *y);
            // A point nearer a crossing on its row than the best is from every edge cannot be the
            // best: ruled out here, as the full search would rule it out (the margin keeps rounding
            // in the crossing from ruling out one it would keep). About 3 ms of the map's setup in the page.
            if row.contains(x) && row.nearest(x).powi(2) >= best.1 * (1.0 - 1e-9) {
                if let Some(d) = edge_distance2_above(one, p, best.1) {
                    best = (p, d);
                }
            }
        }
    }
    best.0
}

#[cfg(test)]
mod tests {
    use super::*;

    fn square(x: f64, y: f64, s: f64) -> Vec<Pt> {
        vec![(x, y), (x + s, y), (x + s, y + s), (x, y + s)]
    }

    #[test]
    fn hatching_stays_inside_its_shape_and_skips_its_hole() {
        let outer = square(0.0, 0.0, 40.0);
        let hole = square(10.0, 10.0, 20.0);
        let lines = hatch(&[outer.clone(), hole.clone()], 6.0);
        assert!(lines.len() > 10, "{lines:?}");
        for (a, b) in &lines {
            for t in [0.1, 0.5, 0.9] {
                let p = (a.0 + t * (b.0 - a.0), a.1 + t * (b.1 - a.1));
                assert!(contains(&[outer.clone(), hole.clone()], p), "{p:?} of {a:?}–{b:?} is outside");
            }
            assert!(((a.0 + a.1) / 6.0).fract().abs() < 1e-9, "lines sit at multiples of the gap");
        }
        assert!(hatch(&[outer], f64::NAN).is_empty());
    }

    const PLAIN: &str = r#"{"attribution":"a","bbox":[80,28,152,62],"projection":{"kind":"albers","center":[116,45],"parallels":[40,50]},"regions":[{"id":"A","rings":[[131.25,43.47,131.17,43.78,-0.05,44.05]]}],"context":[]}"#;

    #[test]
    fn equal_earth_lays_the_world_flat_as_its_authors_give_it() {
        // The equator's ends at ±2.70663 and the poles' line at ∓1.31736 (Šavrič et al., 2018).
        let p = Projection::EqualEarth;
        let near = |a: Pt, b: Pt| (a.0 - b.0).abs() < 1e-4 && (a.1 - b.1).abs() < 1e-4;
        assert!(near(p.project(0.0, 0.0), (0.0, 0.0)));
        assert!(near(p.project(180.0, 0.0), (2.706_63, 0.0)), "{:?}", p.project(180.0, 0.0));
        assert!(near(p.project(-180.0, 0.0), (-2.706_63, 0.0)));
        assert!(near(p.project(0.0, 90.0), (0.0, -1.317_36)), "{:?}", p.project(0.0, 90.0));
        // Straight parallels: one latitude, one y.
        assert!((p.project(-120.0, 45.0).1 - p.project(60.0, 45.0).1).abs() < 1e-12);
    }

    #[test]
    fn the_projection_is_the_files_and_a_bad_one_is_refused_by_name() {
        let map = MapData::from_json(PLAIN).expect("valid");
        assert_eq!(map.projection, Projection::Albers(Albers::new(116.0, 45.0, 40.0, 50.0)));
        let world =
            PLAIN.replace(r#"{"kind":"albers","center":[116,45],"parallels":[40,50]}"#, r#"{"kind":"equal_earth"}"#);
        assert_eq!(MapData::from_json(&world).expect("the world's").projection, Projection::EqualEarth);
        let projection = r#"{"kind":"albers","center":[116,45],"parallels":[40,50]}"#;
        for (bad, path, says) in [
            (r#"{"kind":"mercator","center":[116,45],"parallels":[40,50]}"#, "projection.kind", "equal_earth"),
            (r#"{"kind":"equal_earth","center":[116,45]}"#, "projection.center", "unknown field"),
            (r#"{"kind":"albers","center":[116],"parallels":[40,50]}"#, "projection.center", "[longitude, latitude]"),
            (r#"{"kind":"albers","center":[200,45],"parallels":[40,50]}"#, "projection.center", "centre"),
            (r#"{"kind":"albers","center":[116,45],"parallels":[30,-30]}"#, "projection.parallels", "not opposite"),
            (
                r#"{"kind":"albers","center":[116,45],"parallels":[40,95]}"#,
                "projection.parallels",
                "standard parallels",
            ),
        ] {
            let e = MapData::from_json(&PLAIN.replace(projection, bad)).expect_err(bad).to_string();
            assert!(e.starts_with(&format!("at `{path}`:")) && e.contains(says), "{bad}: {e}");
        }
        let e = MapData::from_json(&PLAIN.replace(&format!(r#""projection":{projection},"#), "")).expect_err("none");
        assert!(e.to_string().contains("projection"), "{e}");
    }

    #[test]
    fn rings_in_steps_of_units_read_as_the_same_degrees() {
        let plain = MapData::from_json(PLAIN).expect("plain degrees");
        let steps = PLAIN.replace(
            r#""regions":[{"id":"A","rings":[[131.25,43.47,131.17,43.78,-0.05,44.05]]}]"#,
            r#""units_per_degree":100,"regions":[{"id":"A","rings":[[13125,4347,-8,31,-13122,27]]}]"#,
        );
        assert_eq!(MapData::from_json(&steps).expect("steps"), plain, "bit for bit the same coordinates");
    }

    #[test]
    fn units_that_are_not_a_positive_number_are_refused_by_name() {
        for bad in ["0", "-100", "\"100\""] {
            let text = PLAIN.replace(r#""regions""#, &format!(r#""units_per_degree":{bad},"regions""#));
            let e = MapData::from_json(&text).expect_err(bad).to_string();
            assert!(e.starts_with("at `units_per_degree`:"), "{bad}: {e}");
        }
    }

    #[test]
    fn a_shared_edge_belongs_to_exactly_one_side() {
        let left = vec![square(0.0, 0.0, 1.0)];
        let right = vec![square(1.0, 0.0, 1.0)];
        for y in [0.1, 0.5, 0.9] {
            let p = (1.0, y);
            assert!(contains(&left, p) != contains(&right, p), "point {p:?}");
        }
    }

    #[test]
    fn holes_are_outside() {
        let donut = vec![square(0.0, 0.0, 10.0), square(4.0, 4.0, 2.0)];
        assert!(contains(&donut, (1.0, 1.0)));
        assert!(!contains(&donut, (5.0, 5.0)));
    }

    #[test]
    fn a_label_point_of_a_crescent_is_inside_it() {
        // A "C" shape whose centroid lies in the gap.
        let c = vec![vec![
            (0.0, 0.0),
            (10.0, 0.0),
            (10.0, 2.0),
            (2.0, 2.0),
            (2.0, 8.0),
            (10.0, 8.0),
            (10.0, 10.0),
            (0.0, 10.0),
        ]];
        let p = label_point(&c);
        assert!(contains(&c, p), "{p:?}");
    }

    #[test]
    fn the_label_search_finds_what_a_search_of_every_grid_point_finds() {
        // Star-shaped rings with jagged radii from a fixed sequence, like a border's.
        let mut seed = 7_u64;
        let mut next = || {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (seed >> 33) as f64 / f64::from(1_u32 << 31)
        };
        for _ in 0..40 {
            let n = 12 + (next() * 60.0) as usize;
            let ring: Vec<Pt> = (0..n)
                .map(|k| {
                    let a = k as f64 / n as f64 * std::f64::consts::TAU;
                    let r = 20.0 + 80.0 * next();
                    (r * a.cos(), r * a.sin())
                })
                .collect();
            let rings = vec![ring];
            // Every grid point in the same order, each measured in full.
            let (mut x0, mut y0, mut x1, mut y1) = (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
            for (x, y) in &rings[0] {
                (x0, y0, x1, y1) = (x0.min(*x), y0.min(*y), x1.max(*x), y1.max(*y));
            }
            let mut best = (rings[0][0], -1.0);
            for i in 0..=40 {
                for j in 0..=40 {
                    let p = (x0 + (x1 - x0) * f64::from(i) / 40.0, y0 + (y1 - y0) * f64::from(j) / 40.0);
                    let d = edge_distance2(&rings, p);
                    if contains(&rings, p) && d > best.1 {
                        best = (p, d);
                    }
                }
            }
            assert_eq!(label_point(&rings), best.0);
        }
    }

    #[test]
    fn the_projection_keeps_north_up_and_east_right() {
        let p = Albers::new(116.0, 45.0, 40.0, 50.0);
        let (x_w, _) = p.project(100.0, 45.0);
        let (x_e, _) = p.project(130.0, 45.0);
        let (_, y_n) = p.project(116.0, 53.0);
        let (_, y_s) = p.project(116.0, 38.0);
        assert!(x_w < x_e && y_n < y_s);
    }
}
