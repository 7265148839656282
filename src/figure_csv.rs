//! The figures, or the series, as CSV text, for the download buttons (in the downloads engine, with
//! SVG and PNG).

/// The columns of a CSV export, in order.
pub const COLUMNS: [&str; 12] = [
    "story",
    "region",
    "indicator",
    "figure",
    "label",
    "as_stated",
    "qualifier",
    "value",
    "unit",
    "period",
    "source",
    "quote",
];

/// Figures as CSV (RFC 4180), UTF-8 with a byte-order mark so spreadsheets open it as UTF-8.
/// Each figure comes first as the source states it (`as_stated`: "nearly half", "more than 200
/// countries and regions"), then its qualifier, then the number the chart draws: a value read from
/// words ("nearly half" drawn at 50) is never a bare number in a column of its own.
///
/// A value is data, not text for a reader: plain digits with a decimal point and no separators or
/// words, in any language ("29329", "5230000", "48.86667"; "1e21" and beyond in exponent form), the
/// shortest that reads back as the same number. Spreadsheets and scripts read it as a number in any
/// locale, and `cargo xtask data import` reads it back; the words a reader sees ("29,329", "523万")
/// are the charts', the tables' and the descriptions'.
pub fn csv(d: &crate::data::Dataset, figures: &[&crate::data::Figure]) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&line(&COLUMNS));
    for f in figures {
        let region = d.region_of(f).map_or("", |r| r.name.as_str());
        let source = d.sources.iter().find(|s| s.id == f.source.id).map_or("", |s| s.name.as_str());
        let qualifier = f.qualifier.word();
        let value = f.value.map(crate::host::number_text).unwrap_or_default();
        let stated = crate::format::full(f, d.lang);
        let row = [
            d.story.id.as_str(),
            region,
            &f.indicator,
            &f.id,
            &f.label,
            &stated,
            qualifier,
            &value,
            &f.unit,
            f.period.as_deref().unwrap_or(""),
            source,
            &f.source.quote,
        ];
        out.push_str(&line(&row));
    }
    out
}

/// The columns of a CSV export of series: a long table, as `cargo xtask data import` reads one,
/// its source named in a column of its own.
pub const SERIES_COLUMNS: [&str; 6] = ["entity", "time", "indicator", "value", "unit", "source"];

/// Series as CSV, one row per time and entity, values as in `csv` (plain digits); a gap is an
/// empty cell, never a number.
pub fn series_csv(d: &crate::data::Dataset, series: &[&crate::data::Series]) -> String {
    let mut out = String::from("\u{feff}");
    out.push_str(&line(&SERIES_COLUMNS));
    for s in series {
        let entity = d.regions.iter().find(|r| r.id == s.entity).map_or(s.entity.as_str(), |r| r.name.as_str());
        let ind = d.indicator(&s.indicator);
        let name = ind.map_or(s.indicator.as_str(), |i| i.name.as_str());
        let unit = ind.map_or("", |i| i.unit.as_str());
        let source = ind.and_then(|i| d.sources.iter().find(|x| x.id == i.source)).map_or("", |x| x.name.as_str());
        for (t, v) in s.points() {
            let (time, value) = (t.to_string(), v.map(crate::host::number_text).unwrap_or_default());
            out.push_str(&line(&[entity, &time, name, &value, unit, source]));
        }
    }
    out
}

/// One CSV line (RFC 4180): a field with a comma, quote or line break is quoted. One `join` over
/// `String`s, as the engine's other joins are: a second instance, over `&str`, would be 1 kB of
/// the page's raw wasm (0.1 kB gzipped).
fn line(cells: &[&str]) -> String {
    let field = |s: &str| {
        if s.contains([',', '"', '\n', '\r']) {
            format!("\"{}\"", s.replace('"', "\"\""))
        } else {
            s.to_string()
        }
    };
    cells.iter().map(|s| field(s)).collect::<Vec<_>>().join(",") + "\r\n"
}
