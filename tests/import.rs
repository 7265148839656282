//! The spreadsheet (CSV) layout: the examples' CSV sources match their JSON, and every kind of
//! mistake an editor makes in a sheet is named by line, column, what was found and how to fix it.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use datastory::data::csv::{from_csv, to_csv};

/// A small valid sheet; each test breaks one thing in it.
const SHEET: &str = "\
[story]
key,value
id,demo
title,A demo
dek,What it shows
overview_heading,Overall

[sources]
id,name,description
office,Statistics office,The annual report

[regions]
id,name,kind,color
north,North,province,#006eac
south,South,province,#d55e00

[figures]
id,region,indicator,label,value,unit,qualifier,period,source,quote
n,north,output,North,\"5,230,000\",tons,more than,2024,office,North made more than 5.23 million tons.
s,south,output,South,1200000,tons,exact,2024,office,South made 1.2 million tons.

[charts]
id,kind,region,headline,dek,figures
output,bars,,North makes four times as much,\"Output, tons\",n s
";

fn error(sheet: &str) -> String {
    match from_csv(sheet) {
        Ok(_) => panic!("accepted a broken sheet:\n{sheet}"),
        Err(e) => e.to_string(),
    }
}

fn assert_says(sheet: &str, parts: &[&str]) {
    let msg = error(sheet);
    for p in parts {
        assert!(msg.contains(p), "expected {p:?} in: {msg}");
    }
}

#[test]
fn a_well_formed_sheet_loads_with_editors_spellings() {
    let d = from_csv(SHEET).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(d.figures[0].value, Some(5_230_000.0));
    assert_eq!(d.figures[0].qualifier, datastory::data::Qualifier::MoreThan);
    assert_eq!(d.figures[0].region.as_deref(), Some("north"));
    assert_eq!(d.charts[0].region, None);
    assert_eq!(d.charts[0].figures, ["n", "s"]);
    // A sheet saved by a spreadsheet program often starts with a byte-order mark and ends lines with CRLF.
    let excel = format!("\u{feff}{}", SHEET.replace('\n', "\r\n"));
    assert_eq!(from_csv(&excel).ok(), Some(d));
}

/// A sheet of stated figures kept beside its JSON (an example's `data/examples/NAME.csv`, or the
/// section-layout fixtures) imports to exactly that JSON.
#[test]
fn every_sheet_matches_its_json() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = root.join("data/examples");
    let mut sheets: Vec<(std::path::PathBuf, String, datastory::data::Dataset)> = common::examples()
        .into_iter()
        .map(|(file, json)| (dir.join(file.replace(".json", ".csv")), file, json))
        .collect();
    for name in ["minnesota-barley-sheet", "iowa-electricity"] {
        let json = std::fs::read_to_string(root.join(format!("tests/fixtures/{name}.json"))).unwrap_or_default();
        let d = datastory::data::from_json(&json).unwrap_or_else(|e| panic!("{name}.json: {e}"));
        sheets.push((root.join(format!("tests/fixtures/{name}.csv")), format!("{name}.json"), d));
    }
    let mut checked = 0;
    for (csv, file, json) in sheets {
        let Ok(text) = std::fs::read_to_string(&csv) else { continue };
        let from_sheet = from_csv(&text).unwrap_or_else(|e| panic!("{}: {e}", csv.display()));
        assert!(
            from_sheet == json,
            "{file} differs from its CSV source; run `cargo xtask data import {0} > {1}`",
            csv.display(),
            file
        );
        checked += 1;
    }
    assert!(checked >= 2, "the section-layout sheets are missing");
}

#[test]
fn the_story_and_the_examples_survive_a_round_trip_through_the_sheet() {
    // The sheet of stated figures; stories of series keep the tables they were imported from
    // (`series_examples_keep_their_tables_values`).
    for (file, d) in common::stories().into_iter().filter(|(_, d)| d.series.is_empty()) {
        let back = from_csv(&to_csv(&d)).unwrap_or_else(|e| panic!("{file}: {e}"));
        assert!(back == d, "{file} changed on its way through CSV");
    }
}

#[test]
fn a_value_that_is_not_a_number_is_placed_and_explained() {
    assert_says(
        &SHEET.replace("1200000,tons", "1.2 million,tons"),
        &["line 20, column E (value)", "1.2 million", "1200000"],
    );
    assert_says(&SHEET.replace("1200000,tons", "NaN,tons"), &["line 20, column E (value)", "finite number"]);
    assert_says(&SHEET.replace("1200000,tons", "1e999,tons"), &["line 20", "finite number"]);
    assert_says(&SHEET.replace("1200000,tons", "45%,tons"), &["write 45 and put % in the unit column"]);
}

#[test]
fn columns_and_sections_are_checked_by_name() {
    assert_says(&SHEET.replace("unit,qualifier", "units,qualifier"), &["line 18, column F", "no column \"units\""]);
    assert_says(&SHEET.replace(",quote\n", "\n"), &["line 18", "no \"quote\" column"]);
    assert_says(&SHEET.replace("[charts]", "[chart]"), &["line 22", "unknown section [chart]", "[charts]"]);
    assert_says(
        &format!("{SHEET}\n[regions]\nid,name,kind,color\n"),
        &["line 26", "[regions] appears twice (first on line 12)"],
    );
    let without_story = SHEET.split_once("[sources]").map(|(_, rest)| format!("[sources]{rest}")).unwrap_or_default();
    assert_says(&without_story, &["no [story] section"]);
    assert_says(&format!("id,name\n{SHEET}"), &["line 1", "data before any section"]);
    assert_says(
        &SHEET.replace("office,Statistics office,The annual report", "office,Stats,Report,extra"),
        &["line 10", "column D has \"extra\""],
    );
}

#[test]
fn words_from_a_list_name_the_allowed_ones() {
    assert_says(&SHEET.replace("more than", "roughly"), &["line 19, column G (qualifier)", "roughly", "more_than"]);
    assert_says(&SHEET.replace("bars,,", "pie,,"), &["line 24, column B (kind)", "\"pie\"", "bars"]);
    assert_says(&SHEET.replace("north,North,province", "north,North,county"), &["line 14, column C (kind)"]);
}

#[test]
fn the_checks_of_the_json_format_are_placed_on_the_sheet() {
    // References, duplicates, colours and values are the loader's own checks, mapped to line and column.
    assert_says(
        &SHEET.replace("s,south,output", "s,west,output"),
        &["line 20, column B (region)", "region \"west\"", "north, south"],
    );
    assert_says(&SHEET.replace("s,south,output", "n,south,output"), &["line 20, column A (id)", "used twice"]);
    assert_says(&SHEET.replace("#d55e00", "orange"), &["line 15, column D (color)", "#rrggbb"]);
    // A value the chart's kind cannot draw (a share of more than 100%) is placed on the sheet.
    assert_says(
        &SHEET.replace("output,bars,", "output,share,"),
        &["line 24, column F (figures)", "figure \"n\"", "is a share and must be a percentage from 0 to 100"],
    );
    assert_says(&SHEET.replace(",n s\n", ",n x\n"), &["line 24, column F (figures)", "\"x\""]);
    assert_says(&SHEET.replace(",office,South", ",bureau,South"), &["line 20, column I (source)", "bureau"]);
    assert_says(&SHEET.replace("title,A demo", "title,"), &["line 4, column B (value)", "empty"]);
    assert_says(&SHEET.replace("title,A demo\n", ""), &["line 1", "no \"title\" row"]);
}

#[test]
fn hostile_text_is_kept_as_text() {
    let hostile = "<script>alert(1)</script> \u{202e}evil\u{202c} مرحبا 北 🌾 javascript:alert(1)";
    let d = from_csv(&SHEET.replace("North,\"5,230,000\"", &format!("\"{hostile}\",\"5,230,000\"")))
        .unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(d.figures[0].label, hostile);
    let back = from_csv(&to_csv(&d)).unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(back.figures[0].label, hostile);
}

#[test]
fn a_one_megabyte_cell_gets_a_short_message() {
    let long = "x".repeat(1 << 20);
    let msg = error(&SHEET.replace("1200000,tons", &format!("{long},tons")));
    assert!(msg.len() < 400, "the message repeats the whole cell ({} bytes)", msg.len());
    assert!(msg.contains("line 20, column E (value)"), "{msg}");
}

#[test]
fn a_translation_given_twice_is_placed_on_its_second_row() {
    let sheet = SHEET.replace("overview_heading,Overall\n", "overview_heading,Overall\nlanguages,en zh\n")
        + "\n[translations]\nlanguage,key,text\nzh,story.title,演示\nzh,story.dek,展示的内容\nzh,story.title,又一个\n";
    let line = sheet.lines().position(|l| l == "zh,story.title,又一个").map_or(0, |i| i + 1);
    assert_says(&sheet, &[&format!("line {line}, column B (key)"), "zh has a second text for story.title"]);
}

/// An example of series is its table as published, given words by an editor: every series keeps
/// the times and values of the table it was imported from (`data/examples/tables/NAME.csv`), none
/// added, dropped or changed, whatever its entity and indicator were renamed to.
#[test]
fn series_examples_keep_their_tables_values() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/examples");
    let mut checked = 0;
    for (file, story) in common::examples() {
        if story.series.is_empty() {
            continue;
        }
        let table = dir.join("tables").join(file.replace(".json", ".csv"));
        let text =
            std::fs::read_to_string(&table).unwrap_or_else(|e| panic!("{file}: its table {}: {e}", table.display()));
        let imported = datastory::data::import::from_table(&text, &file).unwrap_or_else(|e| panic!("{file}: {e}"));
        let key = |d: &datastory::data::Dataset| {
            let mut v: Vec<String> = d.series.iter().map(|s| format!("{:?}", s.points())).collect();
            v.sort();
            v
        };
        assert!(key(&story) == key(&imported), "{file}: its series differ from its table's");
        checked += 1;
    }
    assert!(checked >= 3, "the examples of series are missing");
}
