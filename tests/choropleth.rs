//! The choropleth on the example story of the world's countries (gapminder): each country coloured
//! by its value at the time shown, by the stated rule, "no data" hatched, the legend readable at
//! every width in both languages, every country hit where it is, and golden SVGs at 320 and 640 px.
//! Its palettes are checked with the other colours, in tests/colours.rs.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use datastory::data::{self, Dataset};
use datastory::geo::{self, GeoMap, MapData};
use datastory::kinds::choropleth::{self, ChoroplethLayout};
use datastory::kinds::{Body, Input};
use datastory::model::{self, ApproxMeasure, ChartModel, View};
use datastory::theme::Theme;
use datastory::time::Time;

const CHART: &str = "life-expectancy-map";

fn story() -> (Dataset, GeoMap) {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("data/examples/gapminder.json")).unwrap_or_else(|e| panic!("{e}"));
    let d = data::from_json(&text).unwrap_or_else(|e| panic!("gapminder.json: {e}"));
    let map = std::fs::read_to_string(root.join("data/map/world.json")).unwrap_or_else(|e| panic!("{e}"));
    let map = MapData::from_json(&map).unwrap_or_else(|e| panic!("world.json: {e}"));
    let geo = GeoMap::new(&map, &d).unwrap_or_else(|e| panic!("the countries join the map: {e}"));
    (d, geo)
}

fn build(d: &Dataset, geo: &GeoMap, width: f64) -> ChartModel {
    model::build(d, Some(geo), CHART, width, &ApproxMeasure, &Theme::LIGHT, model::Titles::Drawn)
        .unwrap_or_else(|| panic!("the choropleth at {width}"))
}

fn layout(m: &ChartModel) -> &ChoroplethLayout {
    match &m.body {
        Body::Choropleth(l) => l,
        other => panic!("not a choropleth: {other:?}"),
    }
}

#[test]
fn each_country_is_coloured_by_its_value_at_the_time_shown_and_hatched_without_one() {
    let (d, geo) = story();
    let m = build(&d, &geo, 640.0);
    let l = layout(&m);
    let chart = d.charts.iter().find(|c| c.id == CHART).expect("the chart");
    let indicator = chart.indicator.as_deref().expect("an indicator");
    let times: Vec<Time> = l.times.iter().map(|t| t.0).collect();
    assert_eq!(times.first(), Some(&Time::Year(1955)));
    assert_eq!(times.last(), Some(&Time::Year(2005)));
    assert_eq!(times.len(), 11, "every five years");
    for s in d.series_of(indicator) {
        let Some(area) = l.areas.iter().find(|a| a.region.as_deref() == Some(s.entity.as_str())) else {
            // Only a country the map file has no shape for is left off, and said so under the map.
            assert!(geo.unmapped.contains(&s.entity), "{} has a series but no shape", s.entity);
            continue;
        };
        for (t, v) in s.points() {
            assert_eq!(area.value(*t), *v, "{} in {t}", s.entity);
        }
    }
    // Every other shape of the file is there, with no value and hatched.
    assert_eq!(l.areas.len(), geo.regions.len() + geo.others.len());
    for a in l.areas.iter().filter(|a| a.values.is_none()) {
        assert!(times.iter().all(|t| a.value(*t).is_none()));
        assert!(!a.hatch.is_empty() || a.bbox.w * a.bbox.h < 60.0, "{} is not hatched", a.id);
    }
    let key = model::key::note(&Input { d: &d, chart, figures: &[], map: Some(&geo) }).unwrap_or_default();
    assert!(key.contains("round steps over every value of every year"), "{key}");
    // Every country of the data has its shape (Cuba's under its own code since the build mends it).
    assert!(geo.unmapped.is_empty(), "{:?}", geo.unmapped);
    assert!(!key.contains("Not on the map"), "{key}");
}

#[test]
fn colours_step_by_round_bins_over_every_year() {
    let (d, geo) = story();
    let chart = d.charts.iter().find(|c| c.id == CHART).expect("the chart");
    let input = Input { d: &d, chart, figures: &[], map: Some(&geo) };
    let scale = choropleth::color_scale(&input);
    let (lo, hi) = datastory::kinds::series::extent(&datastory::kinds::series::drawn(&d, chart));
    assert!(scale.edges.first().is_some_and(|e| *e <= lo) && scale.edges.last().is_some_and(|e| *e >= hi));
    let steps: Vec<f64> = scale.edges.windows(2).map(|w| w[1] - w[0]).collect();
    assert!(steps.windows(2).all(|w| (w[0] - w[1]).abs() < 1e-9), "equal steps: {:?}", scale.edges);
    assert!([1.0, 2.0, 2.5, 5.0, 10.0, 20.0].contains(&steps[0]), "a round step: {}", steps[0]);
    // The story asks for six colours; round steps give as near as they can.
    assert!(scale.colors.len().abs_diff(6) <= 1, "{} bins", scale.colors.len());
    // A colour means the same value whichever year is shown.
    let m = build(&d, &geo, 640.0);
    let l = layout(&m);
    for t in &l.times {
        for a in &l.areas {
            if let Some(v) = a.value(t.0) {
                assert_eq!(l.colors.color(v), scale.color(v));
            }
        }
    }
}

#[test]
fn the_legend_and_the_side_line_fit_at_every_width_in_both_languages() {
    let (d, geo) = story();
    for lang in [datastory::i18n::Lang::En, datastory::i18n::Lang::Zh] {
        let d = data::localize::localize(&d, lang).unwrap_or_else(|e| panic!("{lang:?}: {e}"));
        for width in (280..=1200).step_by(40) {
            let w = f64::from(width);
            let m = build(&d, &geo, w);
            let l = layout(&m);
            let labels: Vec<_> = l.legend.labels.iter().chain(std::iter::once(&l.legend.no_data.1)).collect();
            for (i, a) in labels.iter().enumerate() {
                let b = a.bbox();
                assert!(b.x >= 0.0 && b.right() <= w + 0.5, "{lang:?} {width}: {:?} leaves the canvas", a.text);
                for o in labels.iter().skip(i + 1) {
                    assert!(!b.overlaps(&o.bbox()), "{lang:?} {width}: {:?} over {:?}", a.text, o.text);
                }
            }
            assert!(l.legend.labels.len() >= 2, "{lang:?} {width}: the legend's ends are written");
            assert!(l.frame.bottom() <= m.height && l.side.rect.bottom() <= m.height + 0.5);
            assert!(l.side.rect.right() <= w + 0.5, "{lang:?} {width}: the side line leaves the canvas");
        }
    }
}

#[test]
fn every_country_is_hit_where_it_is_and_the_golden_files_hold() {
    let (d, geo) = story();
    for width in [320.0, 640.0, 1200.0] {
        let m = build(&d, &geo, width);
        let marks = m.marks();
        assert_eq!(marks.len(), layout(&m).areas.len());
        for (i, mark) in marks.iter().enumerate() {
            let p = geo::label_point(&mark.rings);
            assert_eq!(m.body.hit(&marks, p.0, p.1), Some(i), "{} at {width}px, point {p:?}", mark.id);
        }
        if width < 1000.0 {
            // China selected and 1980 shown: its outline, its line beside the map and the year.
            let view = View { selected: Some("china"), time: Some(Time::Year(1980)), ..View::default() };
            let (svg, _) = common::svg_with(&m, &view);
            assert!(svg.contains("1980"), "the time shown is written");
            common::look(&format!("choropleth-world-{width}.svg"), &svg);
            common::golden(&format!("choropleth-world-{width}"), &svg);
        }
    }
}

/// What an editor gets wrong in a choropleth's colours is refused with where and how to fix it.
#[test]
fn wrong_colours_are_refused_with_a_message_that_says_how_to_fix_them() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(root.join("data/examples/gapminder.json")).unwrap_or_else(|e| panic!("{e}"));
    let base: serde_json::Value = serde_json::from_str(&text).unwrap_or_else(|e| panic!("{e}"));
    let cases: [(&str, serde_json::Value, &str); 6] = [
        ("/charts/0/colors/bins", serde_json::json!(12), "a whole number from 3 to 9"),
        ("/charts/0/colors/scheme", serde_json::json!("rainbow"), "red_blue"),
        ("/charts/0/colors/center", serde_json::json!(70), "use a diverging scheme"),
        ("/charts/0/colors/continuous", serde_json::json!(true), "remove one"),
        ("/charts/1/colors", serde_json::json!({"scheme": "blues"}), "is for a `choropleth`"),
        ("/story/map", serde_json::Value::Null, "names no boundaries file"),
    ];
    for (path, value, says) in cases {
        let mut v = base.clone();
        let (parent, key) = path.rsplit_once('/').unwrap_or_else(|| panic!("{path}"));
        v.pointer_mut(parent).unwrap_or_else(|| panic!("{path}"))[key] = value;
        let err = data::from_json(&v.to_string()).err().unwrap_or_else(|| panic!("{path} was taken"));
        assert!(err.to_string().contains(says), "{path}: {err}");
    }
}

/// The fertility map is shaded continuously: its legend is a ramp between round ends, and the words
/// under it say so.
#[test]
fn a_continuous_map_has_a_ramp_for_a_legend_and_says_so() {
    let (d, geo) = story();
    let m = model::build(&d, Some(&geo), "fertility-map", 640.0, &ApproxMeasure, &Theme::LIGHT, model::Titles::Drawn)
        .unwrap_or_else(|| panic!("the fertility map"));
    let l = layout(&m);
    assert!(l.colors.continuous());
    assert!(l.legend.swatches.len() > 20, "a ramp of thin slices: {}", l.legend.swatches.len());
    let first = l.legend.swatches.first().map(|s| s.1.luminance()).unwrap_or_default();
    let last = l.legend.swatches.last().map(|s| s.1.luminance()).unwrap_or_default();
    assert!(first > last, "the ramp darkens towards the high end");
    let chart = d.charts.iter().find(|c| c.id == "fertility-map").expect("the chart");
    let key = model::key::note(&Input { d: &d, chart, figures: &[], map: Some(&geo) }).unwrap_or_default();
    assert!(key.starts_with("Shades run from"), "{key}");
    let (svg, _) = common::svg(&m);
    common::look("choropleth-fertility-640.svg", &svg);
}
