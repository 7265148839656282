//! The boundaries files `cargo xtask map` builds: what each holds (regions by standard codes, a
//! fitted projection), and that every region of the map of China's provincial divisions is drawn
//! and hit where its name goes, at every width, and matches its golden SVGs at 320 and 640 px.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use datastory::data::{Chart, ChartKind, Region, RegionKind};
use datastory::geo::{self, GeoMap, MapData};
use datastory::model::{self, ApproxMeasure};
use datastory::theme::Theme;

fn map_file(name: &str) -> MapData {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/map").join(name);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    MapData::from_json(&text).unwrap_or_else(|e| panic!("{name}: {e}"))
}

#[test]
fn the_map_of_china_holds_its_34_provincial_divisions_by_their_iso_codes() {
    let map = map_file("china.json");
    let mut ids: Vec<&str> = map.regions.iter().map(|r| r.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), 34, "{ids:?}");
    for r in &map.regions {
        let code = r.id.strip_prefix("CN-").unwrap_or_else(|| panic!("{} is not an ISO 3166-2 code of China", r.id));
        assert!(code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase()), "{}", r.id);
        assert!(r.name.as_deref().is_some_and(|n| !n.is_empty()), "{} has no name", r.id);
    }
    for id in ["CN-BJ", "CN-HE", "CN-HA", "CN-HB", "CN-HI", "CN-SN", "CN-HK", "CN-MO", "CN-TW"] {
        assert!(ids.contains(&id), "{id} missing");
    }
    // ISO's Hebei is CN-HE and Henan CN-HA (Natural Earth's own codes swap them): the shapes agree.
    let name = |id: &str| map.regions.iter().find(|r| r.id == id).and_then(|r| r.name.clone()).unwrap_or_default();
    assert_eq!((name("CN-HE"), name("CN-HA"), name("CN-HI")), ("Hebei".into(), "Henan".into(), "Hainan".into()));
}

#[test]
fn the_map_of_the_world_holds_its_countries_by_their_iso_codes_laid_flat_by_equal_earth() {
    let map = map_file("world.json");
    assert!(map.regions.len() > 220, "{} countries", map.regions.len());
    for r in &map.regions {
        assert!(r.id.len() == 3 && r.id.bytes().all(|b| b.is_ascii_uppercase()), "{} is not an alpha-3 code", r.id);
        assert!(r.name.as_deref().is_some_and(|n| !n.is_empty()), "{} has no name", r.id);
    }
    // Cuba by its own code, not the Guantánamo base's (USG) that the package gives its shape.
    for id in ["CHN", "USA", "BRA", "IND", "NGA", "AUS", "RUS", "FRA", "CUB"] {
        assert!(map.regions.iter().any(|r| r.id == id), "{id} missing");
    }
    assert_eq!(map.projection, geo::Projection::EqualEarth);
}

/// A story of the regions of map file `file`, each in a colour of its own, on a map chart.
fn regions_story(file: &str) -> (datastory::data::Dataset, GeoMap) {
    let map = map_file(file);
    let mut d = common::fixture();
    d.regions = map
        .regions
        .iter()
        .enumerate()
        .map(|(i, s)| Region {
            id: s.id.to_lowercase(),
            name: s.name.clone().unwrap_or_default(),
            kind: RegionKind::Province,
            color: format!("#{:02x}{:02x}80", 40 + i % 34 * 6, 200 - i % 34 * 4),
            geo: Some(s.id.clone()),
        })
        .collect();
    let chart = d.charts.iter().find(|c| c.kind == ChartKind::Map).cloned().expect("the fixture's map chart");
    d.charts = vec![Chart { id: "provinces".into(), ..chart }];
    let geo = GeoMap::new(&map, &d).unwrap_or_else(|e| panic!("the regions join the map {file}: {e}"));
    (d, geo)
}

#[test]
fn every_division_is_drawn_and_hit_where_its_name_goes_at_every_width() {
    let (d, geo) = regions_story("china.json");
    for width in (320..=1200).step_by(40) {
        let w = f64::from(width);
        let m = model::build(&d, Some(&geo), "provinces", w, &ApproxMeasure, &Theme::LIGHT, model::Titles::Drawn)
            .unwrap_or_else(|| panic!("the map chart at {width}"));
        if width == 320 || width == 640 {
            let (svg, _) = common::svg(&m);
            common::look(&format!("map-china-{width}.svg"), &svg);
            common::golden(&format!("map-china-{width}"), &svg);
        }
        let marks = m.marks();
        assert_eq!(marks.len(), 34, "34 regions at {width}");
        for (i, mark) in marks.iter().enumerate() {
            let p = geo::label_point(&mark.rings);
            assert!(p.0 >= 0.0 && p.0 <= w && p.1 >= 0.0 && p.1 <= m.height, "{} off the canvas at {width}", mark.id);
            assert_eq!(m.body.hit(&marks, p.0, p.1), Some(i), "{} at {width}px, point {p:?}", mark.id);
        }
    }
}

#[test]
fn every_country_of_the_world_is_drawn_and_hit_where_its_name_goes() {
    let (d, geo) = regions_story("world.json");
    for width in [320.0, 640.0, 1200.0] {
        let m = model::build(&d, Some(&geo), "provinces", width, &ApproxMeasure, &Theme::LIGHT, model::Titles::Drawn)
            .unwrap_or_else(|| panic!("the map chart at {width}"));
        let marks = m.marks();
        assert_eq!(marks.len(), d.regions.len(), "every country at {width}");
        for (i, mark) in marks.iter().enumerate() {
            let p = geo::label_point(&mark.rings);
            assert_eq!(m.body.hit(&marks, p.0, p.1), Some(i), "{} at {width}px, point {p:?}", mark.id);
        }
    }
}

/// The story's map takes its four regions and their neighbours from the map of China's 34 divisions,
/// point for point: one border, drawn alike on both maps.
#[test]
fn the_northeast_map_takes_its_shapes_from_the_map_of_china() {
    let (ne, china) = (map_file("northeast-china.json"), map_file("china.json"));
    for id in ["CN-HL", "CN-JL", "CN-LN", "CN-NM"] {
        let shape = |m: &MapData| m.regions.iter().find(|r| r.id == id).map(|r| r.rings.clone());
        assert_eq!(shape(&ne), shape(&china), "{id}");
    }
    // Every other shape is a division of China, named, and no region of the story: a grey neighbour.
    let story = common::story();
    for r in &ne.regions {
        let claimed = story.regions.iter().any(|s| s.geo.as_ref() == Some(&r.id));
        assert!(claimed || china.regions.iter().any(|c| c.id == r.id && c.name == r.name), "{}", r.id);
    }
    let geo = common::map();
    assert_eq!(geo.others.len(), 4, "the neighbours");
    let m = common::model(&story, "map", 640.0);
    let datastory::kinds::Body::Map(l) = &m.body else { panic!("not a map") };
    let names: Vec<&str> = l.neighbours.iter().map(|n| n.text.as_str()).collect();
    assert!(names.len() >= 3 && names.contains(&"Hebei"), "the neighbours are named at 640 px: {names:?}");
}

#[test]
fn each_map_is_laid_flat_by_a_projection_fitted_to_its_regions() {
    for (file, regions) in [("northeast-china.json", 8), ("china.json", 34)] {
        let map = map_file(file);
        assert_eq!(map.regions.len(), regions, "{file}");
        // North up, east right across the regions' own extent.
        let p = map.projection;
        let (west, south, east, north) = map
            .regions
            .iter()
            .flat_map(|r| r.rings.iter())
            .flat_map(|r| r.chunks_exact(2))
            .fold((f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY), |(w, s, e, n), c| {
                (w.min(c[0]), s.min(c[1]), e.max(c[0]), n.max(c[1]))
            });
        let mid = ((west + east) / 2.0, (south + north) / 2.0);
        assert!(p.project(east, mid.1).0 > p.project(west, mid.1).0, "{file}: east is right");
        assert!(p.project(mid.0, north).1 < p.project(mid.0, south).1, "{file}: north is up");
    }
}

/// A region whose `geo` names no shape of the file (a code mistyped, a state too small to keep
/// one) is left off the map and said so under it, not a reason to refuse the story.
#[test]
fn a_region_with_no_shape_is_named_under_the_map() {
    let mut d = common::fixture();
    let jilin = d.regions.iter_mut().find(|r| r.id == "jilin").expect("Jilin");
    jilin.geo = Some("CN-XX".into());
    let map = MapData::from_json(common::MAP).unwrap_or_else(|e| panic!("{e}"));
    let geo = GeoMap::new(&map, &d).unwrap_or_else(|e| panic!("the other three still join: {e}"));
    assert_eq!(geo.unmapped, ["jilin"]);
    let m = model::build(&d, Some(&geo), "map", 640.0, &ApproxMeasure, &Theme::LIGHT, model::Titles::Drawn)
        .unwrap_or_else(|| panic!("the map chart"));
    assert_eq!(m.marks().len(), 3);
    let words = common::svg(&m).0;
    assert!(words.contains("Not on the map, as its boundaries file has no shape for them: Jilin."), "{words}");
}
