//! Real published data, as a new user brings it: Iowa's net generation of electricity by source,
//! 2001–2017, in thousand megawatthours (U.S. Energy Information Administration, as shipped in the
//! vega-datasets collection; tests/fixtures/iowa-electricity.csv). Five-digit values in eight
//! columns on a phone broke numbers ("36," / "23" / "4") and years ("200" / "3"), mixed "5214" with
//! "29,329", printed a year twice on a card and a name twice in a table row.
#![cfg(not(target_arch = "wasm32"))]

mod common;
#[path = "common/whole.rs"]
mod whole;

use datastory::data::csv::from_csv;
use datastory::data::{ChartKind, Dataset, Figure};
use datastory::i18n::Lang;
use datastory::kinds::cards::CardText;
use datastory::kinds::Body;
use datastory::model::{self, ApproxMeasure, ChartModel, Label, Titles};
use datastory::theme::Theme;
use whole::{assert_whole_and_clear, chinese, texts};

const IOWA: &str = include_str!("fixtures/iowa-electricity.csv");

fn iowa() -> Dataset {
    from_csv(IOWA).unwrap_or_else(|e| panic!("tests/fixtures/iowa-electricity.csv: {e}"))
}

/// The browser's tests (tests/web.rs) load the same figures as JSON, the way the page does.
#[test]
fn the_json_fixture_is_the_spreadsheet() {
    let json = datastory::data::from_json(include_str!("fixtures/iowa-electricity.json"))
        .unwrap_or_else(|e| panic!("tests/fixtures/iowa-electricity.json: {e}"));
    assert!(json == iowa(), "the JSON fixture drifted from the CSV: cargo xtask data import it again");
}

fn layout(d: &Dataset, chart: &str, width: u32) -> ChartModel {
    model::build(d, None, chart, f64::from(width), &ApproxMeasure, &Theme::LIGHT, Titles::Drawn)
        .unwrap_or_else(|| panic!("no chart {chart}"))
}

#[test]
fn iowa_s_charts_break_no_number_or_year_and_overlap_nothing_at_any_width() {
    for d in [iowa(), chinese(iowa())] {
        for c in &d.charts {
            for width in 280..=1200 {
                assert_whole_and_clear(&d, &layout(&d, &c.id, width), width);
            }
        }
    }
}

/// Eight columns of a value: a phone shortens them rather than break them, and a wide screen gives
/// them in full.
#[test]
fn eight_columns_of_five_digits_are_shortened_on_a_phone_and_written_in_full_on_a_desktop() {
    let d = iowa();
    let values = |width: u32| -> Vec<String> {
        let Body::Periods(c) = layout(&d, "fossil-fuels-recent", width).body else { panic!("not columns") };
        c.columns.iter().map(|col| texts(&col.value).join(" ")).collect()
    };
    let years = |width: u32| -> Vec<String> {
        let Body::Periods(c) = layout(&d, "fossil-fuels-recent", width).body else { panic!("not columns") };
        c.columns.iter().map(|col| texts(&col.period).join(" ")).collect()
    };
    assert_eq!(values(1200), ["42,750", "39,361", "37,379", "34,873", "35,250", "32,319", "28,437", "29,329"]);
    assert_eq!(years(1200), ["2010", "2011", "2012", "2013", "2014", "2015", "2016", "2017"]);
    let phone = values(343);
    assert!(phone.iter().all(|v| v.ends_with('k')), "{phone:?}");
    // Every second year where the years do not fit side by side; never a year cut in two.
    let phone_years = years(280);
    assert!(phone_years.iter().all(|y| y.is_empty() || y.len() == 4), "{phone_years:?}");
    assert_eq!(phone_years.first().map(String::as_str), Some("2010"));
    let zh = chinese(iowa());
    let Body::Periods(c) = layout(&zh, "fossil-fuels-recent", 343).body else { panic!("not columns") };
    let shown: Vec<String> = c.columns.iter().map(|col| texts(&col.value).concat()).collect();
    assert!(shown.iter().all(|v| v.is_empty() || v.ends_with('万')), "{shown:?}");
}

/// The values a newsroom's tables hold, five to twelve digits, with decimals: in periods (up to
/// eight columns), bars and cards, in both languages, at every width from 280 to 1200 px.
#[test]
fn long_values_are_never_broken_at_any_width() {
    let sets: [&[f64]; 8] = [
        &[12_345.0, 23_456.0, 34_567.0, 45_678.0, 56_789.0, 67_890.0, 78_901.0, 89_012.0],
        &[123_456.0, 234_567.5, 345_678.25, 456_789.0, 567_890.125, 678_901.0, 789_012.0, 890_123.0],
        &[1_234_567.0, 9_876_543.0, 5_555_555.0, 1_000_001.0, 2_345_678.0, 3_456_789.0, 4_567_890.0, 7_654_321.0],
        &[
            12_345_678.9,
            98_765_432.1,
            55_555_555.5,
            10_000_001.0,
            23_456_789.0,
            34_567_890.0,
            45_678_901.0,
            87_654_321.0,
        ],
        &[123_456_789.0, 987_654_321.0, 555_555_555.0, 100_000_001.0],
        &[123_456_789_012.0, 987_654_321_098.0, 555_555_555_555.0, 100_000_000_001.0, 999_999_999_999.0],
        &[48.866_67, 27.433_34, 39.933_33, 32.966_67, 28.966_67, 26.9, 33.466_67, 34.366_66],
        &[1_234.567_89, 99_999.999, 5_214.0, 29_329.0, 0.123_456, 7.0, 100_000.5, 65_432.1],
    ];
    let base = iowa();
    for values in sets {
        let mut d = base.clone();
        for (chart, kind) in [("nuclear-recent", ChartKind::Periods), ("sources-2017", ChartKind::Bars)] {
            let c = d.charts.iter_mut().find(|c| c.id == chart).expect("chart");
            assert_eq!(c.kind, kind);
            let template = base.figure(&c.figures[0]).cloned().expect("figure");
            c.figures.clear();
            for (i, v) in values.iter().enumerate() {
                let mut f = template.clone();
                f.id = format!("{chart}-{i}");
                f.value = Some(*v);
                f.period = Some(format!("{}", 2001 + i));
                c.figures.push(f.id.clone());
                d.figures.push(f);
            }
        }
        let bars: Vec<String> = d.charts[0].figures.iter().take(4).cloned().collect();
        let cards = d.charts.iter_mut().find(|c| c.kind == ChartKind::Cards).expect("cards");
        cards.figures = bars;
        let cards = cards.id.clone();
        for d in [d.clone(), chinese(d)] {
            for chart in ["nuclear-recent", "sources-2017", cards.as_str()] {
                for width in 280..=1200 {
                    assert_whole_and_clear(&d, &layout(&d, chart, width), width);
                }
            }
        }
    }
}

/// Every run of digits a reader sees follows the language's rule: in English a comma between each
/// three digits from 1,000 up, in Chinese no comma at all.
fn assert_one_rule(text: &str, lang: Lang, at: &str) {
    let runs = text.split(|c: char| !(c.is_ascii_digit() || c == ',' || c == '.'));
    for run in
        runs.map(|r| r.trim_matches(|c| c == ',' || c == '.')).filter(|r| r.starts_with(|c: char| c.is_ascii_digit()))
    {
        let int = run.split('.').next().unwrap_or(run);
        match lang {
            Lang::Zh => assert!(!run.contains(','), "{at}: {run:?} in {text:?}"),
            Lang::En => {
                let groups: Vec<&str> = int.split(',').collect();
                let grouped = groups.len() == 1 && int.len() <= 3
                    || (groups[0].len() <= 3 && !groups[0].is_empty() && groups[1..].iter().all(|g| g.len() == 3));
                assert!(grouped, "{at}: {run:?} in {text:?}");
            }
        }
    }
}

#[test]
fn numbers_follow_one_rule_in_marks_axes_cards_tables_tooltips_and_descriptions() {
    for d in [iowa(), chinese(iowa())] {
        let lang = d.lang;
        for c in &d.charts {
            for width in [320, 375, 640, 1200] {
                let m = layout(&d, &c.id, width);
                // The headline and dek are the file's words, and the years in them are years.
                let body: Vec<&Label> = m.labels().into_iter().filter(|l| !m.chrome.contains(l)).collect();
                for l in body {
                    if !c.figures.iter().filter_map(|id| d.figure(id)).any(|f| f.period.as_deref() == Some(&l.text)) {
                        assert_one_rule(&l.text, lang, &format!("{} at {width}", c.id));
                    }
                }
            }
            if c.kind != ChartKind::Cards {
                let described = datastory::describe::chart(&d, c);
                let values: Vec<String> = datastory::describe::rows(&d, c).into_iter().map(|r| r.value).collect();
                for text in values.iter().chain([&described]) {
                    // Periods in the description are years: only the figures' words are checked there.
                    let text = c
                        .figures
                        .iter()
                        .filter_map(|id| d.figure(id)?.period.as_deref())
                        .fold(text.clone(), |t, p| t.replace(p, ""));
                    assert_one_rule(&text, lang, &c.id);
                }
            }
        }
        // A claim is the file's words ("2009"), not a number the engine writes.
        for f in d.figures.iter().filter(|f| f.value.is_some()) {
            assert_one_rule(&datastory::describe::figure(&d, f).value, lang, &f.id);
            assert_one_rule(&CardText::of(&d, f).value, lang, &f.id);
        }
    }
    // In English, 5,214 beside 29,329 in one chart; in Chinese, 5214 beside 2.9329万.
    let words = |d: &Dataset| -> Vec<String> {
        let c = d.charts.iter().find(|c| c.id == "sources-2017").expect("bars");
        datastory::describe::rows(d, c).into_iter().map(|r| r.value).collect()
    };
    assert_eq!(
        words(&iowa()),
        ["29,329 thousand megawatthours", "5,214 thousand megawatthours", "21,933 thousand megawatthours"]
    );
    assert_eq!(words(&chinese(iowa())), ["2.9329万千兆瓦时", "5214千兆瓦时", "2.1933万千兆瓦时"]);
}

/// A download's CSV keeps values machine-readable: the plain decimal number, no separators, no words.
#[test]
fn the_csv_download_writes_plain_numbers() {
    for d in [iowa(), chinese(iowa())] {
        let figures: Vec<&Figure> = d.figures.iter().collect();
        let text = datastory::figure_csv::csv(&d, &figures);
        // The figure as stated is for readers; the value after its qualifier is plain data.
        let row = |id: &str| text.lines().find(|l| l.contains(&format!(",{id},"))).unwrap_or_default().to_string();
        assert!(row("fossil-fuels-2017").contains(",exact,29329,"), "{text}");
        assert!(row("nuclear-2017").contains(",exact,5214,"), "{text}");
    }
}

#[test]
fn a_card_never_writes_the_same_text_twice() {
    let d = iowa();
    let card = |d: &Dataset, id: &str| CardText::of(d, d.figure(id).expect("figure"));
    // The claim is the year: the period is not written again under it.
    let year = card(&d, "renewables-overtook-nuclear");
    assert_eq!(year.value, "2009");
    assert_eq!(year.period, None);
    assert_eq!(year.label.as_deref(), Some("The first year renewables generated more than nuclear energy"));

    let mut d2 = d.clone();
    let f = d2.figures.iter_mut().find(|f| f.id == "renewables-2017").expect("figure");
    // A year given as the number itself: written as the year, once (not "2,017").
    f.value = Some(2017.0);
    f.unit = String::new();
    let t = card(&d2, "renewables-2017");
    assert_eq!((t.value.as_str(), t.period.as_deref()), ("2017", None));
    // A label that names the period, and a label that is the value.
    let f = d2.figures.iter_mut().find(|f| f.id == "renewables-2017").expect("figure");
    f.value = Some(21_933.0);
    f.label = "Renewables, 2017".into();
    let t = card(&d2, "renewables-2017");
    assert_eq!((t.value.as_str(), t.label.as_deref(), t.period.as_deref()), ("21,933", Some("Renewables, 2017"), None));
    let f = d2.figures.iter_mut().find(|f| f.id == "renewables-2017").expect("figure");
    f.label = "21,933".into();
    f.unit = String::new();
    let t = card(&d2, "renewables-2017");
    assert_eq!((t.value.as_str(), t.label.as_deref(), t.period.as_deref()), ("21,933", None, Some("2017")));
    // A period that only shares digits with the label is kept ("20171" does not say "2017").
    let f = d2.figures.iter_mut().find(|f| f.id == "renewables-2017").expect("figure");
    f.label = "Plant 20171".into();
    assert_eq!(card(&d2, "renewables-2017").period.as_deref(), Some("2017"));

    // The page writes the same words as the download draws.
    let m = layout(&d, "renewables-cards", 640);
    let Body::Cards(cards) = &m.body else { panic!("not cards") };
    let drawn: Vec<&str> = cards.cards[0].texts.iter().map(|l| l.text.as_str()).collect();
    assert_eq!(drawn.iter().filter(|t| **t == "2009").count(), 1, "{drawn:?}");
}

#[test]
fn a_table_row_names_its_region_only_where_its_label_does_not() {
    let d = iowa();
    let c = d.charts.iter().find(|c| c.id == "sources-2017").expect("bars");
    for r in datastory::describe::rows(&d, c) {
        // "Nuclear Energy (Nuclear Energy)" came from the label and the region being one name.
        assert_eq!(r.region_name.as_deref(), Some(r.title.as_str()));
        assert_eq!(r.region_aside, None, "{}", r.title);
    }
    let mut d = d.clone();
    let f = d.figures.iter_mut().find(|f| f.id == "nuclear-2017").expect("figure");
    f.label = "Generation in 2017".into();
    let row = datastory::describe::figure(&d, d.figure("nuclear-2017").expect("figure"));
    assert_eq!(row.region_aside.as_deref(), Some("Nuclear Energy"));
    let datastory::data::json::Json::Obj(fields) = row.to_json() else { panic!("not an object") };
    let aside = fields.iter().find(|(k, _)| k == "region_aside").map(|(_, v)| v.clone());
    assert_eq!(aside, Some(datastory::data::json::Json::Str("Nuclear Energy".into())));
}

#[test]
fn messages_name_chart_kinds_as_the_file_writes_them() {
    let mut d = iowa();
    let c = d.charts.iter_mut().find(|c| c.id == "nuclear-recent").expect("periods");
    c.figures.truncate(1);
    let msg = datastory::data::validate(&d).map_err(|e| e.to_string()).expect_err("one column accepted");
    assert!(msg.contains("of kind `periods` lists 1 figures; it takes 2 to 8"), "{msg}");
    assert!(!msg.contains("Periods"), "{msg}");

    let mut d = iowa();
    let c = d.charts.iter_mut().find(|c| c.id == "sources-2017").expect("bars");
    c.figures.push("renewables-overtook-nuclear".into());
    let msg = datastory::data::validate(&d).map_err(|e| e.to_string()).expect_err("a claim drawn as a bar");
    assert!(msg.contains("as a mark of kind `bars`") && msg.contains("`cards` chart"), "{msg}");
    assert!(!msg.contains("Bars"), "{msg}");

    // The sheet's importer passes the same words on, with the line the chart is on.
    let sheet = IOWA.replace("fossil-fuels-recent,periods,fossil-fuels,", "fossil-fuels-recent,share,fossil-fuels,");
    let msg = from_csv(&sheet).map(|_| ()).map_err(|e| e.to_string()).expect_err("eight shares accepted");
    assert!(msg.contains("kind `share`"), "{msg}");
}

/// Golden SVGs of the real data's charts: a phone's width, where the values are shortened and every
/// second year is labelled, and (in English) a desktop's, where they are written in full.
#[test]
fn golden_svgs() {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for d in [iowa(), chinese(iowa())] {
            for c in &d.charts {
                let widths: &[u32] = if d.lang == Lang::En { &[375, 800] } else { &[375] };
                for &width in widths {
                    let (svg, _) = common::svg(&layout(&d, &c.id, width));
                    insta::assert_snapshot!(format!("iowa-electricity-{}-{}-{width}", d.lang.code(), c.id), svg);
                }
            }
        }
    });
}
