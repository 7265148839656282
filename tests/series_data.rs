//! Series in the JSON format: read as the page reads them, written back natively, translated, and
//! the message each class of bad indicator, series or series chart gets.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use datastory::data::localize::localize;
use datastory::data::{from_json, validate, Dataset, RegionKind, ScaleKind};
use datastory::i18n::Lang;
use datastory::time::Time;
use serde_json::{json, Value};

/// The story with an indicator, two series (one with a gap and a negative value, years written as
/// numbers and as text) and a line chart of them, translated like the rest of the story.
fn story_json() -> Value {
    let mut v: Value = serde_json::from_str(common::STORY).expect("story.json is JSON");
    v["sources"].as_array_mut().expect("sources").push(json!({
        "id": "stats", "name": "Statistics office", "description": "Yearbooks",
        "link": "https://example.org/yearbook"
    }));
    v["indicators"] = json!([
        {"id": "growth", "name": "GDP growth", "unit": "%", "decimals": 1, "source": "stats"},
        {"id": "output", "name": "Grain output", "unit": "million tons", "source": "stats"}
    ]);
    v["series"] = json!([
        {"indicator": "growth", "entity": "jilin", "times": [2019, "2020", 2021], "values": [3.0, null, -2.5]},
        {"indicator": "growth", "entity": "liaoning", "times": [2019, 2020], "values": [5.5, 0.6]},
        {"indicator": "output", "entity": "jilin", "times": ["2021-Q1", "2021-Q2"], "values": [1.5, 2.25]}
    ]);
    v["charts"].as_array_mut().expect("charts").push(json!({
        "id": "growth-line", "kind": "line", "region": null,
        "headline": "Jilin shrank in 2021", "dek": "GDP growth, %",
        "indicator": "growth", "entities": ["jilin", "liaoning"], "highlight": ["jilin"],
        "scale": "linear", "times": [2019, "2021"]
    }));
    let zh = v["translations"]["zh"].as_object_mut().expect("zh");
    for (k, t) in [
        ("sources.stats.name", "统计局"),
        ("sources.stats.description", "年鉴"),
        ("indicators.growth.name", "地区生产总值增速"),
        ("indicators.output.name", "粮食产量"),
        ("indicators.output.unit", "百万吨"),
        ("charts.growth-line.headline", "吉林2021年负增长"),
        ("charts.growth-line.dek", "地区生产总值增速，%"),
    ] {
        zh.insert(k.into(), json!(t));
    }
    v
}

fn load(v: &Value) -> Dataset {
    from_json(&v.to_string()).unwrap_or_else(|e| panic!("refused: {e}"))
}

/// The loader's message for the story after `edit`.
fn refused(edit: impl FnOnce(&mut Value)) -> String {
    let mut v = story_json();
    edit(&mut v);
    match from_json(&v.to_string()) {
        Ok(_) => panic!("accepted"),
        Err(e) => e.to_string(),
    }
}

fn says(msg: &str, parts: &[&str]) {
    for p in parts {
        assert!(msg.contains(p), "expected {p:?} in: {msg}");
    }
}

#[test]
fn series_are_read_with_their_gaps_negatives_and_times_in_either_spelling() {
    let d = load(&story_json());
    let jilin = d.series_of("growth").find(|s| s.entity == "jilin").expect("jilin");
    assert_eq!(
        jilin.points(),
        [(Time::Year(2019), Some(3.0)), (Time::Year(2020), None), (Time::Year(2021), Some(-2.5))]
    );
    assert_eq!(d.series[2].points()[1], (Time::Quarter(2021, 2), Some(2.25)));
    assert_eq!(d.indicator("growth").and_then(|x| x.decimals), Some(1));
    assert_eq!(d.indicator("output").and_then(|x| x.decimals), None);
    assert_eq!(d.sources[1].link.as_deref(), Some("https://example.org/yearbook"));
    // The scale's words as the reader reads them and serde writes them.
    let mut log = story_json();
    let last = log["charts"].as_array().map_or(0, Vec::len) - 1;
    log["charts"][last]["scale"] = json!("log");
    // A log scale draws values above zero only: Jilin's -2.5 is refused, Liaoning's line is not.
    assert!(refused(|v| v["charts"][last]["scale"] = json!("log")).contains("log scale"));
    log["charts"][last]["entities"] = json!(["liaoning"]);
    log["charts"][last]["highlight"] = json!(["liaoning"]);
    assert_eq!(load(&log).charts[last].scale, Some(ScaleKind::Log));
    assert_eq!(serde_json::to_value(ScaleKind::Log).ok(), Some(json!("log")));
    let c = d.charts.iter().find(|c| c.id == "growth-line").expect("chart");
    assert_eq!((c.indicator.as_deref(), c.figures.len()), (Some("growth"), 0));
    assert_eq!((c.entities.len(), c.highlight.as_slice()), (2, ["jilin".to_string()].as_slice()));
    assert_eq!(
        (c.scale, c.times.as_slice()),
        (Some(ScaleKind::Linear), [Time::Year(2019), Time::Year(2021)].as_slice())
    );
}

#[test]
fn a_story_with_series_written_natively_reads_back_the_same() {
    let d = load(&story_json());
    let text = serde_json::to_string_pretty(&d).expect("serialises");
    assert_eq!(from_json(&text).unwrap_or_else(|e| panic!("{e}")), d);
    let written: Value = serde_json::from_str(&text).expect("JSON");
    // Years as numbers, other periods as the text they are read from, gaps as null.
    assert_eq!(written["series"][0]["times"], json!([2019, 2020, 2021]));
    assert_eq!(written["series"][0]["values"], json!([3, null, -2.5]));
    assert_eq!(written["series"][2]["times"], json!(["2021-Q1", "2021-Q2"]));
    // A story without series writes none of the new fields.
    let plain = serde_json::to_value(common::story()).expect("serialises");
    for field in ["indicators", "series"] {
        assert!(plain.get(field).is_none(), "{field} written for a story without series");
    }
    assert!(plain["charts"].as_array().expect("charts").iter().all(|c| c.get("indicator").is_none()));
}

#[test]
fn an_indicator_s_name_and_word_unit_are_translated_and_a_missing_one_is_named() {
    let zh = localize(&load(&story_json()), Lang::Zh).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(zh.indicator("growth").map(|x| x.name.as_str()), Some("地区生产总值增速"));
    assert_eq!(zh.indicator("output").map(|x| x.unit.as_str()), Some("百万吨"));
    // A symbol is written by the engine in each language, not translated.
    assert_eq!(zh.indicator("growth").map(|x| x.unit.as_str()), Some("%"));
    let msg = refused(|v| {
        v["translations"]["zh"].as_object_mut().expect("zh").remove("indicators.output.unit");
    });
    says(&msg, &["translations.zh", "indicators.output.unit"]);
}

#[test]
fn a_category_is_a_kind_of_entity() {
    let mut v = story_json();
    v["regions"][0]["kind"] = json!("category");
    assert_eq!(load(&v).regions[0].kind, RegionKind::Category);
}

#[test]
fn indicators_must_be_unique_name_a_source_and_keep_decimals_sensible() {
    says(&refused(|v| v["indicators"][1]["id"] = json!("growth")), &["indicators[1].id", "\"growth\" is used twice"]);
    says(
        &refused(|v| v["indicators"][0]["source"] = json!("nobody")),
        &["indicators[0].source", "\"nobody\"", "changchun-briefing-report, stats"],
    );
    says(&refused(|v| v["indicators"][0]["decimals"] = json!(9)), &["indicators[0].decimals", "at most 6"]);
    says(&refused(|v| v["indicators"][0]["decimals"] = json!(1.5)), &["indicators[0].decimals", "whole number"]);
    says(&refused(|v| v["indicators"][0]["name"] = json!("x".repeat(500))), &["indicators[0].name", "at most 400"]);
}

#[test]
fn a_series_names_a_known_indicator_and_entity() {
    says(
        &refused(|v| v["series"][1]["indicator"] = json!("growht")),
        &["series[1].indicator", "\"growht\"", "growth, output"],
    );
    says(
        &refused(|v| v["series"][1]["entity"] = json!("atlantis")),
        &["series[1].entity", "\"atlantis\"", "not in `regions`", "\"category\""],
    );
}

#[test]
fn times_and_values_pair_up_and_every_time_is_one_the_format_reads() {
    says(&refused(|v| v["series"][1]["values"] = json!([1.0])), &["series[1].values", "1 values for 2 times"]);
    says(
        &refused(|v| v["series"][1]["times"][1] = json!("2020a")),
        &["series[1].times[1]", "\"2020a\"", "is not a time", "\"2020-Q1\"", "\"2020-03-15\""],
    );
    says(&refused(|v| v["series"][1]["times"][1] = json!(2020.5)), &["series[1].times[1]", "2020.5"]);
    says(&refused(|v| v["series"][1]["values"][0] = json!("5.5")), &["series[1].values[0]", "expected a number"]);
}

#[test]
fn an_indicator_keeps_one_granularity_and_names_both_where_it_does_not() {
    // Within one series…
    says(
        &refused(|v| v["series"][1]["times"][1] = json!("2020-06")),
        &["series[1].times[1]", "2020-06 (a month)", "by year", "series[0] starts at 2019"],
    );
    // …and between the series of one indicator; another indicator may keep its own.
    let msg = refused(|v| v["series"][1]["times"] = json!(["2019-Q1", "2019-Q2"]));
    says(&msg, &["series[1].times[0]", "2019-Q1 (a quarter)", "\"growth\" is given by year"]);
    assert!(
        load(&story_json()).series[2].points()[0].0.granularity()
            != load(&story_json()).series[0].points()[0].0.granularity()
    );
}

#[test]
fn a_series_times_ascend_each_once() {
    says(
        &refused(|v| v["series"][0]["times"] = json!([2019, 2019, 2021])),
        &["series[0].times[1]", "gives 2019 twice", "keep one value per time"],
    );
    says(
        &refused(|v| v["series"][0]["times"] = json!([2019, 2021, 2020])),
        &["series[0].times[2]", "gives 2020 after 2021", "oldest first"],
    );
}

#[test]
fn values_are_finite_or_gaps() {
    // JSON cannot spell NaN; data built by a script or a tool can hold one.
    let mut d = load(&story_json());
    let s = &d.series[1];
    let mut points = s.points().to_vec();
    points[0].1 = Some(f64::NAN);
    d.series[1] = datastory::data::Series::new(s.indicator.clone(), s.entity.clone(), points);
    let msg = validate(&d).map_err(|e| e.to_string()).expect_err("accepted NaN");
    says(&msg, &["series[1].values[0]", "finite number", "null for a gap"]);
}

#[test]
fn one_series_per_indicator_and_entity() {
    let msg = refused(|v| {
        v["series"].as_array_mut().expect("series").push(json!(
            {"indicator": "growth", "entity": "liaoning", "times": [2022], "values": [1.0]}
        ));
    });
    says(&msg, &["series[3]", "a second series: the series of \"growth\" for \"liaoning\" is also series[1]", "merge"]);
}

#[test]
fn a_series_chart_names_what_it_draws_and_lists_no_figures() {
    let line = |v: &Value| v["charts"].as_array().map_or(0, Vec::len) - 1;
    says(
        &refused(|v| {
            let i = line(v);
            v["charts"][i]["indicator"] = json!("gdp");
        }),
        &["charts[", "].indicator", "\"gdp\"", "growth, output"],
    );
    says(
        &refused(|v| {
            let i = line(v);
            v["charts"][i]["entities"] = json!(["jilin", "heilongjiang"]);
        }),
        &["].entities[1]", "\"heilongjiang\"", "no series of indicator \"growth\"", "jilin, liaoning"],
    );
    says(
        &refused(|v| {
            let i = line(v);
            v["charts"][i]["entities"] = json!(["liaoning"]);
        }),
        &["].highlight[0]", "\"jilin\"", "not among its `entities`", "use one of: liaoning"],
    );
    says(
        &refused(|v| {
            let i = line(v);
            v["charts"][i]["figures"] = json!(["jilin-gdp-growth-last-year"]);
        }),
        &["].figures", "lists figures too", "remove `figures` or `indicator`"],
    );
    says(
        &refused(|v| {
            let i = line(v);
            v["charts"][i]["scale"] = json!("logarithmic");
        }),
        &["].scale", "`linear`, `log`"],
    );
    // Without an indicator, entities and highlights are regions of the story.
    says(
        &refused(|v| {
            let i = line(v);
            v["charts"][i].as_object_mut().map(|c| c.remove("indicator"));
            v["charts"][i]["highlight"] = json!(["atlantis"]);
        }),
        &["].highlight[0]", "\"atlantis\"", "not in `regions`"],
    );
}

#[test]
fn a_source_link_is_a_web_address() {
    for bad in ["javascript:alert(1)", "file:///etc/passwd", "example.org"] {
        says(&refused(|v| v["sources"][1]["link"] = json!(bad)), &["sources[1].link", "https://"]);
    }
    let mut v = story_json();
    v["sources"][1]["link"] = json!("http://example.org/old");
    assert!(from_json(&v.to_string()).is_ok());
}

#[test]
fn annotations_need_what_their_kind_marks() {
    let last = |v: &Value| v["charts"].as_array().map_or(0, Vec::len) - 1;
    let with = |a: Value| {
        move |v: &mut Value| {
            let i = last(v);
            v["charts"][i]["annotations"] = json!([a]);
        }
    };
    says(&refused(with(json!({"kind": "line", "label": "Target"}))), &["annotations[0]", "needs a finite `value`"]);
    says(&refused(with(json!({"kind": "band", "label": "Slump", "from": 2021, "to": 2019}))), &["`from` and `to`"]);
    says(
        &refused(with(json!({"kind": "point", "label": "Low", "entity": "jilin", "time": 2020}))),
        &["\"jilin\" at 2020", "draws no value"],
    );
    says(&refused(with(json!({"kind": "arrow", "label": "x"}))), &["arrow"]);
    // A line chart takes them; a map does not.
    let d = load(&{
        let mut v = story_json();
        with(json!({"kind": "point", "label": "Shrank", "entity": "jilin", "time": 2021}))(&mut v);
        // Its label is a text of the story, translated as the others are.
        v["translations"]["zh"]["charts.growth-line.annotations.0.label"] = json!("负增长");
        v
    });
    assert_eq!(d.charts.last().map(|c| c.annotations.len()), Some(1));
    let msg = refused(|v| v["charts"][0]["annotations"] = json!([{"kind": "line", "label": "x", "value": 1}]));
    assert!(msg.contains("draws no annotations"), "{msg}");
}
