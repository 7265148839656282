//! Helpers shared by the native integration tests: the story file and SVG rendering.
#![allow(dead_code)]

use std::sync::OnceLock;

use datastory::data::{self, Dataset};
use datastory::geo::{GeoMap, MapData};
use datastory::model::{self, ApproxMeasure, ChartModel, View};
use datastory::render::Geometry;
use datastory::theme::Theme;

pub const STORY: &str = include_str!("../../data/story.json");
pub const MAP: &str = include_str!("../../data/map/northeast-china.json");

/// The story's boundaries, joined to its regions (built once per test binary).
pub fn map() -> &'static GeoMap {
    static MAP_DATA: OnceLock<GeoMap> = OnceLock::new();
    MAP_DATA.get_or_init(|| {
        let data = MapData::from_json(MAP).unwrap_or_else(|e| panic!("map file: {e}"));
        GeoMap::new(&data, &story()).unwrap_or_else(|e| panic!("map joins the story: {e}"))
    })
}

pub fn story() -> Dataset {
    match data::from_json(STORY) {
        Ok(d) => d,
        Err(e) => panic!("data/story.json does not load: {e}"),
    }
}

/// The story as JSON with the tests' bar chart `bounds` after its first chart (see
/// `tests/fixtures/bounds.json`, which says why the story itself has no bars).
pub fn fixture_json() -> serde_json::Value {
    let mut v: serde_json::Value = serde_json::from_str(STORY).unwrap_or_else(|e| panic!("story.json: {e}"));
    let bounds: serde_json::Value =
        serde_json::from_str(include_str!("../fixtures/bounds.json")).unwrap_or_else(|e| panic!("bounds.json: {e}"));
    if let Some(charts) = v["charts"].as_array_mut() {
        charts.insert(1, bounds["chart"].clone());
    }
    if let (Some(zh), Some(more)) = (v["translations"]["zh"].as_object_mut(), bounds["zh"].as_object()) {
        zh.extend(more.clone());
    }
    v
}

/// The story with the `bounds` bar chart of [`fixture_json`].
pub fn fixture() -> Dataset {
    data::from_json(&fixture_json().to_string()).unwrap_or_else(|e| panic!("the fixture does not load: {e}"))
}

/// Every example story in data/examples/ with its file name: the engine must draw them with no code change.
pub fn examples() -> Vec<(String, Dataset)> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/examples");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("data/examples: {e}"))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "data/examples has no example story");
    files
        .into_iter()
        .map(|p| {
            let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let text = std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{name}: {e}"));
            let d = data::from_json(&text).unwrap_or_else(|e| panic!("{name} does not load: {e}"));
            (name, d)
        })
        .collect()
}

/// The default story and every example.
pub fn stories() -> Vec<(String, Dataset)> {
    let mut all = vec![("story.json".to_string(), story())];
    all.extend(examples());
    all
}

pub fn model(d: &Dataset, chart: &str, width: f64) -> ChartModel {
    model::build(d, Some(map()), chart, width, &ApproxMeasure, &Theme::LIGHT, model::Titles::Drawn)
        .unwrap_or_else(|| panic!("no chart {chart}"))
}

/// Draws the model through plotters' SVG backend, as the export and the golden files do.
pub fn svg(m: &ChartModel) -> (String, Geometry) {
    svg_with(m, &View::default())
}

pub fn svg_with(m: &ChartModel, view: &View) -> (String, Geometry) {
    datastory::export::svg(m, view).unwrap_or_else(|e| panic!("{e}"))
}

/// Writes `svg` as `name` into the folder `SVG_DIR` names, when it names one: to look at what a
/// test drew (`SVG_DIR=/tmp/svg cargo test --test charts`).
pub fn look(name: &str, svg: &str) {
    if let Some(dir) = std::env::var_os("SVG_DIR") {
        let _ = std::fs::write(std::path::Path::new(&dir).join(name), svg);
    }
}

/// Compares `svg` with the golden file `tests/snapshots/<name>.snap`.
pub fn golden(name: &str, svg: &str) {
    let mut settings = insta::Settings::clone_current();
    // Relative to this file, in tests/common/.
    settings.set_snapshot_path("../snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!(name.to_string(), svg));
}
