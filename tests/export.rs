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
        // The figure as the source states it comes before the number drawn for it.
        assert_eq!(&row[col("as_stated")], datastory::format::full(f, d.lang), "{}", f.id);
        assert!(col("as_stated") < col("qualifier") && col("qualifier") < col("value"));
        assert_eq!(row[col("period")].to_string(), f.period.clone().unwrap_or_default());
    }
}

#[test]
fn a_value_read_from_words_comes_with_them() {
    let d = common::story();
    let share = d.figures.iter().find(|f| f.id == "inner-mongolia-renewable-share").expect("the share");
    let text = datastory::figure_csv::csv(&d, &[share]);
    let row = text.lines().nth(1).unwrap_or_default();
    assert!(row.contains(",nearly half,nearly,50,%,"), "{row}");
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

/// The opening of a file: its size, then the background it is laid on.
fn file_frame(svg: &str) -> (f64, f64, String) {
    let attr = |name: &str| -> String {
        let at = svg.find(&format!(" {name}=\"")).expect(name) + name.len() + 3;
        svg[at..].split('"').next().unwrap_or_default().to_string()
    };
    let rect = svg.find("<rect").expect("a background");
    let fill = svg[rect..].split("fill=\"").nth(1).and_then(|s| s.split('"').next()).expect("its fill");
    (attr("width").parse().expect("a width"), attr("height").parse().expect("a height"), fill.to_string())
}

#[test]
fn a_downloaded_chart_or_story_has_a_margin_of_its_background() {
    let d = common::story();
    let margin = export::MARGIN;
    for theme in [Theme::LIGHT, Theme::DARK] {
        let background = format!("#{:02x}{:02x}{:02x}", theme.background.0, theme.background.1, theme.background.2);
        let mut m = common::model(&d, "jilin-gdp-growth", 640.0);
        m.theme = theme;
        let file = export::chart_file(&m).expect("draws");
        let (width, height, fill) = file_frame(&file);
        // The drawing starts a margin in from every edge, on the chart's own background.
        let near = |a: f64, b: f64| (a - b).abs() < 1e-9;
        assert!(
            near(width, 640.0 + 2.0 * margin) && near(height, m.height.ceil() + 2.0 * margin),
            "{width} × {height}"
        );
        assert_eq!(fill, background);
        assert!(
            file.contains(&format!("<g transform=\"translate({margin} {margin})\">")),
            "the drawing is not moved in"
        );
        // The headline's words are in the file, inside the margin.
        assert!(file.contains(&d.charts.iter().find(|c| c.id == "jilin-gdp-growth").expect("chart").headline[..10]));

        let story = export::story_svg(&d, Some(common::map()), 640.0, &ApproxMeasure, &theme).expect("draws");
        let (width, _, fill) = file_frame(&story);
        assert!(near(width, 640.0 + 2.0 * margin), "the story is {width} wide");
        assert_eq!(fill, background, "the gaps between the story's charts are transparent");
    }
}

/// A chart of series downloads as a long table that the importer reads back to the same values:
/// every time, every gap and every negative value, as plain numbers.
#[test]
fn series_csv_imports_back_to_the_same_series() {
    for (file, d) in common::examples().into_iter().filter(|(_, d)| !d.series.is_empty()) {
        for c in d.charts.iter().filter(|c| c.indicator.is_some()) {
            let drawn = datastory::kinds::series::drawn(&d, c);
            let text = datastory::figure_csv::series_csv(&d, &drawn);
            assert!(text.starts_with('\u{feff}'), "{file}: no byte-order mark");
            let back = datastory::data::import::from_table(text.trim_start_matches('\u{feff}'), "download.csv")
                .unwrap_or_else(|e| {
                    panic!("{file} {}: {e}\n{}", c.id, text.lines().take(3).collect::<Vec<_>>().join("\n"))
                });
            let points = |s: &[&datastory::data::Series]| s.iter().map(|s| s.points().to_vec()).collect::<Vec<_>>();
            let mut want = points(&drawn);
            let mut got = points(&back.series.iter().collect::<Vec<_>>());
            want.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
            got.sort_by(|a, b| format!("{a:?}").cmp(&format!("{b:?}")));
            assert!(want == got, "{file} {}: the download's values differ from the chart's", c.id);
            let source = c
                .indicator
                .as_deref()
                .and_then(|i| d.indicator(i))
                .and_then(|i| d.sources.iter().find(|s| s.id == i.source));
            assert_eq!(back.sources.first().map(|s| &s.name), source.map(|s| &s.name), "{file}: the source is lost");
        }
    }
}
