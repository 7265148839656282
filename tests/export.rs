//! Downloads made natively: the CSV reads back, through an independent parser, to the same figures;
//! the whole-story SVG carries every chart's words.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use datastory::export;
use datastory::model::ApproxMeasure;
use datastory::theme::Theme;

#[test]
fn csv_round_trips_to_the_same_figures() {
    let d = common::story();
    let all: Vec<_> = d.figures.iter().collect();
    let text = datastory::figure_csv::csv(&d, &all);
    assert!(text.starts_with('\u{feff}'), "no byte-order mark");
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let headers: Vec<String> = reader.headers().expect("headers").iter().map(str::to_string).collect();
    assert_eq!(headers, datastory::figure_csv::COLUMNS);
    let rows: Vec<csv::StringRecord> = reader.records().collect::<Result<_, _>>().expect("every row parses");
    assert_eq!(rows.len(), d.figures.len());
    let col = |name: &str| datastory::figure_csv::COLUMNS.iter().position(|c| *c == name).expect("column");
    for (row, f) in rows.iter().zip(&d.figures) {
        assert_eq!(&row[col("figure")], f.id);
        assert_eq!(&row[col("label")], f.label);
        assert_eq!(&row[col("unit")], f.unit);
        assert_eq!(&row[col("quote")], f.source.quote, "quotes with commas and quotation marks survive");
        let value: Option<f64> = if row[col("value")].is_empty() { None } else { row[col("value")].parse().ok() };
        assert_eq!(value, f.value, "{}", f.id);
        assert_eq!(&row[col("qualifier")], f.qualifier.word(), "the qualifier as the dataset spells it");
        assert_eq!(row[col("period")].to_string(), f.period.clone().unwrap_or_default());
    }
}

#[test]
fn the_whole_story_svg_carries_every_headline() {
    let d = common::story();
    let svg = export::story_svg(&d, Some(common::map()), 640.0, &ApproxMeasure, &Theme::LIGHT).expect("draws");
    assert!(svg.starts_with("<svg"));
    // Every headline's first words appear (long headlines wrap onto several text lines).
    for c in &d.charts {
        let start: String = c.headline.split_whitespace().take(3).collect::<Vec<_>>().join(" ");
        assert!(svg.contains(&start), "{} missing from the story SVG", c.id);
    }
    assert_eq!(svg.matches("<svg").count(), svg.matches("</svg>").count(), "unbalanced SVG elements");
}
