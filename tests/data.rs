//! Loading the story file, and the message each class of bad data gets.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use datastory::data::{from_json, ChartKind, Qualifier};
use serde_json::{json, Value};

fn story_json() -> Value {
    serde_json::from_str(common::STORY).expect("story.json is JSON")
}

/// Applies `edit` to a copy of the story and returns the loader's message.
fn error_after(edit: impl FnOnce(&mut Value)) -> String {
    let mut v = story_json();
    edit(&mut v);
    match from_json(&v.to_string()) {
        Ok(_) => panic!("the edited dataset was accepted"),
        Err(e) => e.to_string(),
    }
}

fn figure_index(v: &Value, id: &str) -> usize {
    v["figures"].as_array().and_then(|a| a.iter().position(|f| f["id"] == id)).expect("figure present")
}

#[test]
fn the_story_loads_with_every_figure_of_the_article() {
    let d = common::story();
    assert_eq!(d.regions.len(), 4);
    let value = |id: &str| d.figures.iter().find(|f| f.id == id).and_then(|f| f.value);
    assert_eq!(value("jilin-gdp-growth-last-year"), Some(6.3));
    assert_eq!(value("jilin-gdp-growth-first-half"), Some(5.7));
    assert_eq!(value("jilin-auto-sales-multiple"), Some(60.0));
    assert_eq!(value("heilongjiang-trade-partners"), Some(200.0));
    assert_eq!(value("liaoning-active-businesses"), Some(5.23e6));
    assert_eq!(value("inner-mongolia-coal-output"), Some(1.23e9));
    let q = |id: &str| d.figures.iter().find(|f| f.id == id).map(|f| f.qualifier);
    assert_eq!(q("heilongjiang-trade-partners"), Some(Qualifier::MoreThan));
    assert_eq!(q("inner-mongolia-renewable-share"), Some(Qualifier::Nearly));
    assert_eq!(q("liaoning-activity-rate"), Some(Qualifier::Exact));
    // No bars: the article states no two figures of one measure that bars could compare.
    for kind in [ChartKind::Periods, ChartKind::Share, ChartKind::Multiple, ChartKind::Cards, ChartKind::Map] {
        assert!(d.charts.iter().any(|c| c.kind == kind), "no {kind:?} chart");
    }
}

#[test]
fn every_quote_is_word_for_word_in_the_source_document() {
    // The article is kept in the repository beside the story (`sources[].document`); a missing or
    // unreadable document fails the check, it never passes by skipping.
    let d = common::story();
    assert!(d.sources.iter().all(|s| s.document.is_some()), "every source of the story keeps its document");
    let found = datastory::data::quotes::check(&d, |path| {
        std::fs::read_to_string(std::path::Path::new("data").join(path)).map_err(|e| e.to_string())
    })
    .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(found, d.figures.len(), "every figure's quote was checked");
    for f in &d.figures {
        if let Some(v) = f.value {
            let digits = datastory::format::number(v, datastory::i18n::Lang::En);
            let first = digits.split_whitespace().next().unwrap_or_default();
            let stated =
                f.source.quote.contains(first) || f.wording.as_deref().is_some_and(|w| f.source.quote.contains(w));
            assert!(stated, "the quote of {} does not state {first}", f.id);
        }
    }
}

#[test]
fn a_quote_missing_from_its_document_or_a_missing_document_is_named() {
    let mut d = common::story();
    let read = |path: &str| std::fs::read_to_string(std::path::Path::new("data").join(path)).map_err(|e| e.to_string());
    d.figures[3].source.quote = "Jilin achieved GDP growth rates of 9% last year.".into();
    let msg = datastory::data::quotes::check(&d, read).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(msg.contains("figures[3].source.quote") && msg.contains(&d.figures[3].id), "{msg}");
    d.sources[0].document = Some("sources/not-there.txt".into());
    let msg = datastory::data::quotes::check(&d, read).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(msg.contains("sources[0].document") && msg.contains("not-there.txt"), "{msg}");
}

#[test]
fn a_missing_field_is_named_with_its_path() {
    let msg = error_after(|v| {
        let i = figure_index(v, "jilin-gdp-growth-last-year");
        v["figures"][i].as_object_mut().expect("object").remove("unit");
    });
    assert!(msg.contains("figures[2]"), "{msg}");
    assert!(msg.contains("missing field `unit`"), "{msg}");
}

#[test]
fn a_wrong_type_says_what_was_expected() {
    let msg = error_after(|v| v["figures"][2]["value"] = json!("6.3"));
    assert!(msg.contains("figures[2].value"), "{msg}");
    assert!(msg.contains("expected a number"), "{msg}");
}

#[test]
fn a_negative_value_is_drawn_by_columns_and_refused_where_a_kind_cannot_draw_it() {
    // Columns of periods hang it below their zero line.
    let mut v = story_json();
    let i = figure_index(&v, "jilin-gdp-growth-first-half");
    v["figures"][i]["value"] = json!(-5.7);
    from_json(&v.to_string()).unwrap_or_else(|e| panic!("a negative column refused: {e}"));
    // A multiple ("60 times") is a ratio of two magnitudes.
    let msg = error_after(|v| {
        let i = figure_index(v, "jilin-auto-sales-multiple");
        v["figures"][i]["value"] = json!(-3);
    });
    assert!(msg.contains("jilin-auto-sales-multiple"), "{msg}");
    assert!(msg.contains("must be greater than zero"), "{msg}");
}

#[test]
fn a_non_finite_value_is_refused() {
    // JSON cannot spell NaN; a number too large for f64 arrives as infinity from some writers.
    let text = common::STORY.replacen("\"value\": 6.3", "\"value\": 1e400", 1);
    let msg = match from_json(&text) {
        Ok(_) => panic!("accepted"),
        Err(e) => e.to_string(),
    };
    assert!(msg.contains("number out of range"), "{msg}");

    // The browser's JSON.parse hands over NaN and infinities from script-built data; validation catches them.
    for bad in [f64::NAN, f64::INFINITY] {
        let mut d = common::story();
        d.figures[2].value = Some(bad);
        let msg = datastory::data::validate(&d).map_err(|e| e.to_string()).expect_err("accepted");
        assert!(msg.contains("figures[2].value") && msg.contains("finite"), "{msg}");
    }
}

#[test]
fn an_unknown_region_lists_the_known_ones() {
    let msg = error_after(|v| v["figures"][2]["region"] = json!("jilinn"));
    assert!(msg.contains("figures[2].region"), "{msg}");
    assert!(msg.contains("\"jilinn\""), "{msg}");
    assert!(msg.contains("heilongjiang, inner-mongolia, jilin, liaoning"), "{msg}");
}

#[test]
fn an_unknown_qualifier_lists_the_allowed_ones() {
    let msg = error_after(|v| v["figures"][2]["qualifier"] = json!("roughly"));
    assert!(msg.contains("figures[2].qualifier"), "{msg}");
    assert!(msg.contains("unknown variant `roughly`"), "{msg}");
    assert!(msg.contains("more_than"), "{msg}");
}

#[test]
fn a_chart_naming_a_missing_figure_is_refused() {
    let msg = error_after(|v| v["charts"][1]["figures"][1] = json!("no-such-figure"));
    assert!(msg.contains("charts[1].figures[1]"), "{msg}");
    assert!(msg.contains("no-such-figure"), "{msg}");
}

#[test]
fn duplicate_ids_are_refused() {
    let msg = error_after(|v| v["figures"][1]["id"] = v["figures"][0]["id"].clone());
    assert!(msg.contains("figures[1].id"), "{msg}");
    assert!(msg.contains("used twice"), "{msg}");
}

#[test]
fn the_first_bad_id_in_list_order_is_named() {
    // A repeat at [3] and an empty id at [5]: the repeat comes first.
    let msg = error_after(|v| {
        v["figures"][3]["id"] = v["figures"][0]["id"].clone();
        v["figures"][5]["id"] = json!(" ");
    });
    assert!(msg.contains("figures[3].id") && msg.contains("used twice"), "{msg}");
    // An empty id at [2] before a repeat at [4].
    let msg = error_after(|v| {
        v["figures"][4]["id"] = v["figures"][0]["id"].clone();
        v["figures"][2]["id"] = json!("");
    });
    assert!(msg.contains("figures[2].id") && msg.contains("the id is empty"), "{msg}");
    // Three records with one id: the second is named, with the id.
    let msg = error_after(|v| {
        let id = v["regions"][0]["id"].clone();
        v["regions"][2]["id"] = id.clone();
        v["regions"][3]["id"] = id;
    });
    assert!(msg.contains("regions[2].id") && msg.contains("the id \"jilin\" is used twice in regions"), "{msg}");
}

#[test]
fn a_translation_giving_one_key_twice_is_refused() {
    // serde_json's objects keep one value per key, so the second is written into the text.
    let text = story_json().to_string();
    let at = text.find("\"story.title\":").expect("the story has a Chinese title");
    let twice = format!("{}\"story.title\":\"又一个\",{}", &text[..at], &text[at..]);
    let msg = from_json(&twice).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(msg.contains("translations.zh") && msg.contains("duplicate key `story.title`"), "{msg}");
}

#[test]
fn a_share_above_100_percent_is_refused() {
    let msg = error_after(|v| {
        let i = figure_index(v, "liaoning-activity-rate");
        v["figures"][i]["value"] = json!(167);
    });
    assert!(msg.contains("0 to 100"), "{msg}");
}

#[test]
fn malformed_json_gives_line_and_column() {
    let msg = match from_json("{\"story\": {\"id\": \"x\",}") {
        Ok(_) => panic!("accepted"),
        Err(e) => e.to_string(),
    };
    assert!(msg.starts_with("not valid JSON"), "{msg}");
    assert!(msg.contains("line 1 column"), "{msg}");
}

#[test]
fn the_sources_table_names_the_source_of_every_figure() {
    let sources = include_str!("../data/SOURCES.md");
    for f in &common::story().figures {
        assert!(sources.contains(&format!("| `{}` |", f.id)), "data/SOURCES.md's table lacks {}", f.id);
    }
}

#[test]
fn the_story_reads_in_chinese_with_official_names_and_chinese_numbers() {
    use datastory::data::localize::localize;
    use datastory::i18n::Lang;
    let zh = localize(&common::story(), Lang::Zh).expect("the Chinese translation is complete");
    let names: Vec<&str> = zh.regions.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(names, ["吉林省", "黑龙江省", "辽宁省", "内蒙古自治区"]);
    let full = |id: &str| zh.figures.iter().find(|f| f.id == id).map(|f| datastory::format::full(f, Lang::Zh));
    assert_eq!(full("liaoning-active-businesses").as_deref(), Some("523万户"));
    assert_eq!(full("inner-mongolia-installed-capacity").as_deref(), Some("超过2亿千瓦"));
    assert_eq!(full("heilongjiang-trade-partners").as_deref(), Some("超过200个国家和地区"));
    assert_eq!(full("inner-mongolia-renewable-share").as_deref(), Some("近一半"));
    // The source's sentence stays in the source's own words.
    assert_eq!(zh.figures[0].source.quote, common::story().figures[0].source.quote);
}

#[test]
fn a_missing_translation_is_named_by_its_key() {
    let msg = error_after(|v| {
        v["translations"]["zh"].as_object_mut().expect("zh").remove("charts.jilin-gdp-growth.headline");
    });
    assert!(msg.contains("translations.zh"), "{msg}");
    assert!(msg.contains("charts.jilin-gdp-growth.headline"), "{msg}");
}

#[test]
fn a_translation_of_nothing_and_an_unknown_language_are_refused() {
    let msg = error_after(|v| v["translations"]["zh"]["charts.nope.headline"] = json!("……"));
    assert!(msg.contains("charts.nope.headline") && msg.contains("names no text"), "{msg}");
    let msg = error_after(|v| v["languages"] = json!(["en", "zh", "fr"]));
    assert!(msg.contains("languages[2]") && msg.contains("\"fr\""), "{msg}");
}

#[test]
fn a_text_of_a_megabyte_is_refused_with_its_place_and_its_limit() {
    let msg = error_after(|v| v["figures"][0]["label"] = json!("word ".repeat(200_000)));
    assert!(
        msg.contains("figures[0].label") && msg.contains("1000000 characters") && msg.contains("at most 400"),
        "{msg}"
    );
    assert!(msg.len() < 300, "the message repeats the text: {} bytes", msg.len());
    let msg = error_after(|v| v["figures"][0]["source"]["quote"] = json!("q".repeat(5000)));
    assert!(msg.contains("figures[0].source.quote") && msg.contains("at most 4000"), "{msg}");
}

#[test]
fn ten_thousand_records_load_and_a_wrong_reference_among_them_names_a_few_choices() {
    let mut v = story_json();
    // Only the story's own language: 10,000 new figures have no translations.
    v.as_object_mut().map(|o| (o.remove("languages"), o.remove("translations")));
    let template = v["figures"][2].clone();
    let figures = v["figures"].as_array_mut().expect("figures");
    for i in 0..10_000 {
        let mut f = template.clone();
        f["id"] = json!(format!("extra-{i}"));
        figures.push(f);
    }
    let d = from_json(&v.to_string()).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(d.figures.len(), 16 + 10_000);
    // A chart's figures are looked up by id among all of them.
    v["charts"][1]["figures"][0] = json!("extra-9999");
    assert!(from_json(&v.to_string()).is_ok());

    let mut v = story_json();
    v.as_object_mut().map(|o| (o.remove("languages"), o.remove("translations")));
    let regions = v["regions"].as_array_mut().expect("regions");
    for i in 0..10_000 {
        regions.push(json!({"id": format!("r{i}"), "name": "R", "kind": "region", "color": "#333333"}));
    }
    v["figures"][2]["region"] = json!("atlantis");
    let msg = from_json(&v.to_string()).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(msg.contains("\"atlantis\"") && msg.contains("and 9984 more"), "{msg}");
    assert!(msg.len() < 600, "the message lists every region: {} bytes", msg.len());
}

/// The three "countries and regions" figures of the report, on one axis: what the story once drew.
fn unlike_measures_on_one_axis(v: &mut Value) {
    v["charts"].as_array_mut().expect("charts").push(json!({
        "id": "reach", "kind": "bars", "region": null,
        "headline": "Countries and regions reached", "dek": "Countries and regions",
        "figures": ["heilongjiang-trade-partners", "briefing-countries", "jilin-crrc-export-markets"]
    }));
    v["languages"] = json!(["en"]);
    v.as_object_mut().expect("object").remove("translations");
}

#[test]
fn bars_of_unlike_measures_are_refused_naming_the_chart_and_its_figures() {
    let msg = error_after(unlike_measures_on_one_axis);
    assert!(msg.contains("charts[10].figures") && msg.contains("chart \"reach\""), "{msg}");
    for id in
        ["\"heilongjiang-trade-partners\" (trade-partners", "\"briefing-countries\" (briefing-countries, in countries)"]
    {
        assert!(msg.contains(id), "{msg}");
    }
    assert!(msg.contains("a bars chart") && msg.contains("`comparable`"), "{msg}");
    // Columns too: two figures of one indicator in different units are unlike measures.
    let msg = error_after(|v| {
        let i = figure_index(v, "jilin-gdp-growth-first-half");
        v["figures"][i]["unit"] = json!("percentage points");
    });
    assert!(msg.contains("chart \"jilin-gdp-growth\"") && msg.contains("a periods chart"), "{msg}");
}

#[test]
fn a_chart_that_says_why_its_figures_compare_is_drawn_with_the_reason() {
    let mut v = story_json();
    unlike_measures_on_one_axis(&mut v);
    let why = "All three count countries and regions, as the report words them.";
    let last = v["charts"].as_array().map_or(0, Vec::len) - 1;
    v["charts"][last]["comparable"] = json!(why);
    let d = from_json(&v.to_string()).unwrap_or_else(|e| panic!("{e}"));
    let outline = datastory::model::outline::outline(&d, None);
    let note = outline.sections[0].charts.iter().find(|c| c.id == "reach").and_then(|c| c.note.clone());
    assert!(note.as_deref().is_some_and(|n| n.contains(why)), "{note:?}");
}
