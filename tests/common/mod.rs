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
        let data: MapData = serde_json::from_str(MAP).unwrap_or_else(|e| panic!("map file: {e}"));
        GeoMap::new(&data, &story()).unwrap_or_else(|e| panic!("map joins the story: {e}"))
    })
}

pub fn story() -> Dataset {
    match data::from_json(STORY) {
        Ok(d) => d,
        Err(e) => panic!("data/story.json does not load: {e}"),
    }
}

pub fn model(d: &Dataset, chart: &str, width: f64) -> ChartModel {
    model::build(d, Some(map()), chart, width, &ApproxMeasure, &Theme::LIGHT)
        .unwrap_or_else(|| panic!("no chart {chart}"))
}

/// Draws the model through plotters' SVG backend, as the export and the golden files do.
pub fn svg(m: &ChartModel) -> (String, Geometry) {
    svg_with(m, &View::default())
}

pub fn svg_with(m: &ChartModel, view: &View) -> (String, Geometry) {
    datastory::export::svg(m, view).unwrap_or_else(|e| panic!("{e}"))
}
