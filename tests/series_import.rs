//! Importing the tables newsrooms have (Our World in Data's download, a spreadsheet's wide table, a
//! tidy long table) into a working story: each layout, real files from vega-datasets (see
//! tests/fixtures/README.md), and files of 100,000 rows and 10 MB.
#![cfg(not(target_arch = "wasm32"))]

use std::fmt::Write as _;
use std::time::Instant;

use datastory::data::import::from_table;
use datastory::data::{from_json, validate, ChartKind, Dataset, RegionKind};
use datastory::theme::{CONTEXT_GREY, SERIES_COLOURS};
use datastory::time::Time;

fn fixture(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/series").join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `text` imported as file `name`, checked to validate and to read back equal from the JSON the
/// tools write.
fn imported(text: &str, name: &str) -> Dataset {
    let d = from_table(text, name).unwrap_or_else(|e| panic!("{name}: {e}"));
    validate(&d).unwrap_or_else(|e| panic!("{name} does not validate: {e}"));
    let json = serde_json::to_string(&d).unwrap_or_else(|e| panic!("{name}: {e}"));
    let back = from_json(&json).unwrap_or_else(|e| panic!("{name} does not read back: {e}"));
    assert!(back == d, "{name} changed on its way through JSON");
    d
}

/// The values of `entity`'s series of `indicator`, by time.
fn values(d: &Dataset, indicator: &str, entity: &str) -> Vec<(Time, Option<f64>)> {
    d.series_of(indicator).find(|s| s.entity == entity).map(|s| s.points().to_vec()).unwrap_or_default()
}

#[test]
fn our_world_in_data_s_download_becomes_one_line_chart_per_indicator() {
    let d = imported(&fixture("gapminder-owid.csv"), "gapminder-owid.csv");
    let names: Vec<(&str, &str)> = d.indicators.iter().map(|x| (x.name.as_str(), x.unit.as_str())).collect();
    assert_eq!(names, [("Life expectancy", "years"), ("Fertility rate", "children per woman"), ("Population", "")]);
    let china = d.regions.iter().find(|r| r.name == "China").expect("China");
    assert_eq!((china.kind, china.geo.as_deref()), (RegionKind::Country, Some("CHN")));
    // "Hong Kong, China" is quoted in the file for its comma.
    assert!(d.regions.iter().any(|r| r.name == "Hong Kong, China"));
    let le = values(&d, "life-expectancy", "china");
    assert_eq!(le.len(), 11);
    assert_eq!((le[0], le[1]), ((Time::Year(1955), Some(53.92)), (Time::Year(1960), Some(27.79))));
    assert_eq!(d.charts.len(), 3);
    for (c, x) in d.charts.iter().zip(&d.indicators) {
        assert_eq!(
            (c.kind, c.indicator.as_deref(), c.headline.as_str()),
            (ChartKind::Line, Some(x.id.as_str()), x.name.as_str())
        );
        assert!(c.figures.is_empty());
    }
    assert_eq!(d.charts[0].dek, "Life expectancy, 1955 to 2005, in years");
    assert_eq!(d.charts[2].dek, "Population, 1955 to 2005 (the file does not give the unit)");
    // Decimals: a typical life expectancy to three figures, fertility to two places, whole people.
    let decimals: Vec<Option<u8>> = d.indicators.iter().map(|x| x.decimals).collect();
    assert_eq!(decimals, [Some(1), Some(2), Some(0)]);
}

#[test]
fn owid_codes_give_countries_their_geo_and_groups_none() {
    let text = "Entity,Code,Year,Share (%)\nWorld,OWID_WRL,2000,1.5\nAfrica,,2000,2\nChina,CHN,2000,−3\n";
    let d = imported(text, "share.csv");
    let kinds: Vec<(&str, RegionKind, Option<&str>)> =
        d.regions.iter().map(|r| (r.name.as_str(), r.kind, r.geo.as_deref())).collect();
    assert_eq!(
        kinds,
        [
            ("World", RegionKind::Region, None),
            ("Africa", RegionKind::Region, None),
            ("China", RegionKind::Country, Some("CHN"))
        ]
    );
    assert_eq!(values(&d, "share", "china"), [(Time::Year(2000), Some(-3.0))]);
    // A daily download names its time column "Day".
    let daily = imported("Entity,Code,Day,Cases\nChina,CHN,2020-03-01,5\nChina,CHN,2020-03-02,7\n", "cases.csv");
    assert_eq!(values(&daily, "cases", "china")[1], (Time::Day(2020, 3, 2), Some(7.0)));
}

#[test]
fn a_wide_table_of_times_draws_each_column_as_an_entity() {
    let text = fixture("global-temp.csv");
    let d = imported(&text, "global-temp.csv");
    assert_eq!((d.story.title.as_str(), d.indicators[0].name.as_str()), ("Global temp", "Global temp"));
    assert_eq!(d.regions.len(), 1);
    let temp = values(&d, "global-temp", "temp");
    assert_eq!(temp.len(), 144);
    assert_eq!(temp[0], (Time::Year(1880), Some(-0.17)));
    assert_eq!(d.indicators[0].decimals, Some(2));
    // The same table copied from a spreadsheet arrives tab-separated.
    let tabs = imported(&text.replace(',', "\t"), "global-temp.csv");
    assert!(tabs == d, "the tab-separated copy reads differently");
    // Saved by Excel: a byte-order mark and CRLF line ends.
    let excel = imported(&format!("\u{feff}{}", text.replace('\n', "\r\n")), "global-temp.csv");
    assert!(excel == d, "the spreadsheet's copy reads differently");
    // Several columns: one entity each, coloured in the palette's order.
    let d = imported("Year,Jilin,Liaoning\n2019,3,5.5\n2020,,0.6\n2021,-2.5,NA\n", "growth.csv");
    assert_eq!(d.regions.iter().map(|r| r.color.as_str()).collect::<Vec<_>>(), &SERIES_COLOURS[..2]);
    // A missing value inside a series is a gap; gaps at its ends are left out.
    assert_eq!(
        values(&d, "growth", "jilin"),
        [(Time::Year(2019), Some(3.0)), (Time::Year(2020), None), (Time::Year(2021), Some(-2.5))]
    );
    assert_eq!(values(&d, "growth", "liaoning").len(), 2);
}

#[test]
fn a_semicolon_separated_table_of_categories_becomes_bars_of_the_latest_time() {
    // European spreadsheets save `;` between cells and write decimals with a comma.
    let d = imported(&fixture("barley-wide.csv"), "barley-wide.csv");
    assert_eq!(d.charts.len(), 1);
    let c = &d.charts[0];
    assert_eq!((c.kind, c.times.as_slice()), (ChartKind::Bars, [Time::Year(1932)].as_slice()));
    assert_eq!(
        values(&d, "barley-wide", "waseca"),
        [(Time::Year(1931), Some(48.86667)), (Time::Year(1932), Some(33.46667))]
    );
    assert!(d.regions.iter().all(|r| r.kind == RegionKind::Site), "a column named site holds sites");
    // 48.86667 bushels are labelled 48.9, not to five places.
    assert_eq!(d.indicators[0].decimals, Some(1));
    // A `;`-separated file may write decimals with a point all the same.
    let points = imported(&fixture("barley-wide.csv").replace(',', "."), "barley-wide.csv");
    assert!(points == d, "decimal points read differently from decimal commas");
}

#[test]
fn a_tidy_long_table_gives_one_indicator_per_name_in_its_indicator_column() {
    let d = imported(&fixture("barley-long.csv"), "barley-long.csv");
    let names: Vec<&str> = d.indicators.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(names, ["Manchuria yield", "Trebi yield"]);
    assert!(d.indicators.iter().all(|x| x.unit == "bushels per acre" && x.decimals == Some(1)));
    assert_eq!(values(&d, "trebi-yield", "university-farm").len(), 2);
    // Header names are recognised in any case, with a unit column.
    let d = imported(
        "COUNTRY;Period;Variable;Unit;Value\nFrance;2020-Q1;Unemployment;%;8,1\nFrance;2020-Q2;Unemployment;%;7,1\n",
        "q.csv",
    );
    assert_eq!((d.indicators[0].unit.as_str(), d.regions[0].kind), ("%", RegionKind::Country));
    assert_eq!(values(&d, "unemployment", "france")[1], (Time::Quarter(2020, 2), Some(7.1)));
}

#[test]
fn a_long_table_with_one_column_per_measure_and_dates_by_name_is_read_and_sorted() {
    // stocks.csv: symbol, date ("Jan 1 2000"), price; dates that are all the first of a month are months.
    let d = imported(&fixture("stocks.csv"), "stocks.csv");
    let symbols: Vec<&str> = d.regions.iter().map(|r| r.name.as_str()).collect();
    assert_eq!(symbols, ["MSFT", "AMZN", "IBM", "GOOG", "AAPL"]);
    let msft = values(&d, "price", "msft");
    assert_eq!((msft[0], msft.len()), ((Time::Month(2000, 1), Some(39.81)), 123));
    // Rows in any order come out in time order.
    let d = imported("site,year,yield\nMorris,1932,34.4\nMorris,1931,27.4\nWaseca,1931,48.9\n", "y.csv");
    assert_eq!(values(&d, "yield", "morris"), [(Time::Year(1931), Some(27.4)), (Time::Year(1932), Some(34.4))]);
}

#[test]
fn entities_beyond_the_palette_are_context_grey_and_names_in_any_script_get_ids() {
    let mut text = String::from("Year,Entity,Value\n");
    for name in ["中国", "日本", "Ελλάδα", "A", "B", "C", "D", "E"] {
        let _ = writeln!(text, "2020,{name},1");
    }
    let d = imported(&text.replace("Year,Entity,Value", "year,entity,gdp"), "gdp.csv");
    let colours: Vec<&str> = d.regions.iter().map(|r| r.color.as_str()).collect();
    assert_eq!(&colours[..6], &SERIES_COLOURS[..]);
    assert_eq!(&colours[6..], [CONTEXT_GREY, CONTEXT_GREY]);
    assert_eq!(d.regions[0].name, "中国");
    assert!(d.regions.iter().all(|r| !r.id.is_empty() && r.id.is_ascii()));
}

#[test]
fn an_imported_story_says_its_source_is_not_given() {
    let d = imported(&fixture("global-temp.csv"), "global-temp.csv");
    assert_eq!(d.sources.len(), 1);
    assert_eq!(d.sources[0].name, "Source not given");
    assert!(
        d.sources[0].description.contains("did not name its source")
            && d.sources[0].description.contains("must add it")
    );
    assert!(d.indicators.iter().all(|x| x.source == d.sources[0].id));
}

#[test]
fn the_section_layout_still_imports_as_before() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let csv = std::fs::read_to_string(dir.join("minnesota-barley-sheet.csv")).unwrap_or_else(|e| panic!("{e}"));
    let json = std::fs::read_to_string(dir.join("minnesota-barley-sheet.json")).unwrap_or_else(|e| panic!("{e}"));
    let d = from_table(&csv, "minnesota-barley-sheet.csv").unwrap_or_else(|e| panic!("{e}"));
    assert!(d == from_json(&json).unwrap_or_else(|e| panic!("{e}")));
}

/// A long table of `rows` rows: 100 entities, a value for each day from 1 Jan 2000.
fn long_table(rows: usize) -> String {
    let mut text = String::from("entity,date,indicator,value\n");
    let per_entity = rows.div_ceil(100);
    for i in 0..rows {
        let (e, day) = (i / per_entity, i % per_entity);
        let (y, d) = (2000 + day / 365, day % 365);
        let (m, dd) = (d / 28 + 1, d % 28 + 1);
        let v = (i as f64 * 0.37).sin() * 1000.0;
        if m <= 12 {
            let _ = writeln!(text, "Entity {e},{y}-{m:02}-{dd:02},Index,{v:.3}");
        }
    }
    text
}

#[test]
fn a_hundred_thousand_row_long_table_imports() {
    let text = long_table(100_000);
    let start = Instant::now();
    let d = imported(&text, "big.csv");
    eprintln!("100,000 rows ({} kB) imported, validated and read back in {:?}", text.len() / 1000, start.elapsed());
    assert_eq!(d.regions.len(), 100);
    let points: usize = d.series.iter().map(|s| s.points().len()).sum();
    assert!(points > 90_000, "{points} values");
}

#[test]
fn a_ten_megabyte_file_gives_a_story_or_a_message() {
    // Rows of Our World in Data's layout until the file passes 10 MB.
    let mut text = String::from("Entity,Code,Year,GDP per capita (int.-$),Population\n");
    let mut i = 0u64;
    while text.len() < 10_000_000 {
        let (country, year) = (i / 200, 1820 + i % 200);
        let _ = writeln!(text, "Country {country},C{:02},{year},{}.5,{}", country % 100, 1000 + i % 977, 5_000_000 + i);
        i += 1;
    }
    let start = Instant::now();
    let result = from_table(&text, "big.csv");
    eprintln!(
        "{} MB, {i} rows: {} in {:?}",
        text.len() / 1_000_000,
        if result.is_ok() { "a story" } else { "a message" },
        start.elapsed()
    );
    let d = result.unwrap_or_else(|e| panic!("{e}"));
    assert_eq!(d.indicators.len(), 2);
    validate(&d).unwrap_or_else(|e| panic!("{e}"));

    // 10 MB that is not a table of series: a message, quickly.
    let noise: String = (0..10_000_000u32)
        .map(|i| char::from(b"ab,;\t\"\n 1."[(i.wrapping_mul(2_654_435_761) >> 28) as usize % 10]))
        .collect();
    let start = Instant::now();
    let result = from_table(&noise, "noise.csv");
    eprintln!(
        "10 MB of noise: {} in {:?}",
        result.as_ref().map_or_else(ToString::to_string, |_| "a story".into()),
        start.elapsed()
    );
    assert!(result.is_err(), "noise became a story");
}
