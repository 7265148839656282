//! The page's engine for stories of stated figures, built without the `series` feature: it draws
//! every chart of such a story, and refuses a story with series by saying which engine draws it.
//! `cargo xtask test` runs this file with `--no-default-features`; with the feature on (a plain
//! `cargo test`) there is nothing here to check.
#![cfg(all(not(target_arch = "wasm32"), not(feature = "series")))]

use datastory::data;
use datastory::model::{self, ApproxMeasure, Titles};
use datastory::theme::Theme;

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).expect("example file")
}

#[test]
fn draws_every_chart_of_a_story_of_figures() {
    let d = data::from_json(&read("data/story.json")).expect("the default story loads");
    // Cards are written as HTML by the page, from the outline: no engine without `svg` lays them out.
    for c in d.charts.iter().filter(|c| c.kind.word() != "cards") {
        let drawn = model::build(&d, None, &c.id, 640.0, &ApproxMeasure, &Theme::LIGHT, Titles::Drawn);
        // A kind this engine does not draw lays out as nothing at all.
        let drawn = drawn.unwrap_or_else(|| panic!("{} is not drawn", c.id));
        assert!(!drawn.labels().is_empty(), "{} has no words", c.id);
    }
}

#[test]
fn refuses_a_story_with_series_naming_the_engine_that_draws_it() {
    for path in ["data/examples/us-employment.json", "data/examples/natural-disasters.json"] {
        let e = data::from_json(&read(path)).expect_err(path).to_string();
        assert!(e.contains("indicators") && e.contains("pkg-series"), "{path}: {e}");
    }
}

#[test]
fn refuses_a_chart_of_a_kind_that_draws_series() {
    let mut story: serde_json::Value = serde_json::from_str(&read("data/story.json")).expect("json");
    story["charts"][0]["kind"] = "line".into();
    let e = data::from_json(&story.to_string()).expect_err("a line chart").to_string();
    assert!(e.contains("charts[0].kind") && e.contains("`line`") && e.contains("pkg-series"), "{e}");
}
