//! Series tables to a working story: Our World in Data's download, a spreadsheet's wide table and a
//! tidy long table, each recognised from its header, with messages placed by line and column.
//!
//! The section layout (`[story]`, `[figures]` …) is `data::csv`; [`from_table`] hands it there.

use std::collections::HashMap;

use super::csv::{clip, from_csv, letter, ImportError, Lines};
use super::{Chart, ChartKind, Dataset, Indicator, Region, RegionKind, Series, Source, Story};
use crate::i18n::Lang;
use crate::theme::{CONTEXT_GREY, SERIES_COLOURS};
use crate::time::{Granularity, Time};

/// Header names, compared in lower case with `_` and `-` read as spaces.
const ENTITY_NAMES: [&str; 13] = [
    "entity", "country", "region", "name", "site", "geo", "location", "state", "province", "city", "area", "symbol",
    "category",
];
const TIME_NAMES: [&str; 7] = ["year", "date", "time", "period", "day", "month", "quarter"];
const INDICATOR_NAMES: [&str; 5] = ["indicator", "variable", "series", "measure", "metric"];
const VALUE_NAMES: [&str; 2] = ["value", "values"];
const UNIT_NAMES: [&str; 2] = ["unit", "units"];
/// A long table may name its source in a column (as the engine's own downloads do).
const SOURCE_NAMES: [&str; 2] = ["source", "sources"];
const CODE_NAMES: [&str; 5] = ["code", "iso", "iso3", "iso code", "country code"];

/// Cells that stand for a missing value (a gap), compared in lower case.
const MISSING: [&str; 7] = ["", "na", "n/a", "..", "-", "–", "—"];

/// Texts longer than this (names, headers) are refused as the story's validation would refuse them.
const MAX_NAME: usize = 400;

const SOURCE_ID: &str = "source-not-given";

/// How a table's columns are read, as recognised from its header (and, for the wide layouts, from
/// its first column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// A column of entities and one of times, then one column per indicator (Our World in Data's
    /// download, with its column of codes).
    Measures { entity: usize, time: usize, code: Option<usize> },
    /// Tidy: one row per entity, time and indicator.
    Long(LongColumns),
    /// Times down the first column, one column per entity, one indicator.
    WideTime,
    /// Categories down the first column, one column per time, one indicator.
    WideCategory,
}

/// The columns of a long table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct LongColumns {
    entity: usize,
    time: usize,
    indicator: usize,
    value: usize,
    unit: Option<usize>,
    code: Option<usize>,
    source: Option<usize>,
}

/// Reads a table in any layout the importer knows, or the section layout, into a story that
/// validates. `file_name` names the story and its one indicator where the table does not; empty
/// for a table with no file (standard input).
pub fn from_table(text: &str, file_name: &str) -> Result<Dataset, ImportError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim_start().starts_with('[') {
        return from_csv(text);
    }
    let table = Table::read(text)?;
    let layout = recognise(&table)?;
    let mut b = Builder::new(&table, layout, file_name);
    match layout {
        Layout::Measures { entity, time, code } => b.measures(entity, time, code)?,
        Layout::Long(columns) => b.long(columns)?,
        Layout::WideTime => b.wide_time()?,
        Layout::WideCategory => b.wide_category()?,
    }
    let mut d = b.finish(layout == Layout::WideCategory)?;
    if let Layout::Long(LongColumns { source: Some(column), .. }) = layout {
        named_source(&mut d, &table, column, file_name)?;
    }
    super::validate(&d).map_err(|e| ImportError {
        line: 0,
        column: None,
        message: format!("the story made from the file does not validate: {e}"),
    })?;
    Ok(d)
}

/// The file's rows, each with its line, and how its numbers are written.
struct Table {
    header: Vec<String>,
    header_line: u64,
    rows: Vec<(u64, ::csv::StringRecord)>,
    /// True when the comma is the decimal point (see `decimal_comma`).
    decimal_comma: bool,
}

impl Table {
    fn read(text: &str) -> Result<Table, ImportError> {
        let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
        let delimiter = delimiter(first);
        let mut reader = ::csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .delimiter(delimiter)
            .from_reader(text.as_bytes());
        let mut lines = Lines::new(text);
        let mut header: Option<(Vec<String>, u64)> = None;
        let mut rows = Vec::new();
        for record in reader.records() {
            let record = record.map_err(|e| ImportError {
                line: e.position().map_or(0, |p| lines.at(p.byte())),
                column: None,
                message: format!("not readable as a table: {e}; save the sheet again as CSV (UTF-8)"),
            })?;
            if record.iter().all(|c| c.trim().is_empty()) {
                continue;
            }
            let line = record.position().map_or(0, |p| lines.at(p.byte()));
            match &header {
                None => {
                    let mut cells: Vec<String> = record.iter().map(|c| c.trim().to_string()).collect();
                    while cells.last().is_some_and(String::is_empty) {
                        cells.pop();
                    }
                    if let Some((i, c)) = cells.iter().enumerate().find(|(_, c)| super::char_count(c) > MAX_NAME) {
                        return Err(at(
                            line,
                            i,
                            &clip(c),
                            format!("the header is longer than {MAX_NAME} characters; shorten it"),
                        ));
                    }
                    header = Some((cells, line));
                }
                Some((h, header_line)) => {
                    if let Some((i, c)) = record.iter().enumerate().skip(h.len()).find(|(_, c)| !c.trim().is_empty()) {
                        return Err(ImportError {
                            line,
                            column: None,
                            message: format!(
                                "column {} has \"{}\" but the header (line {header_line}) has no column there; name the column in the header or move the value",
                                letter(i + 1),
                                clip(c.trim())
                            ),
                        });
                    }
                    rows.push((line, record));
                }
            }
        }
        let Some((header, header_line)) = header else {
            return Err(ImportError {
                line: 0,
                column: None,
                message: "the file is empty; it needs a header row and rows of data".into(),
            });
        };
        if rows.is_empty() {
            return Err(ImportError {
                line: header_line,
                column: None,
                message: "the file has a header but no rows of data under it".into(),
            });
        }
        let decimal_comma = delimiter == b';' && decimal_comma(rows.iter().flat_map(|(_, r)| r.iter()));
        Ok(Table { header, header_line, rows, decimal_comma })
    }

    fn cell(&self, row: usize, column: usize) -> &str {
        self.rows.get(row).and_then(|(_, r)| r.get(column)).map_or("", str::trim)
    }

    fn name(&self, column: usize) -> &str {
        self.header.get(column).map_or("", String::as_str)
    }

    /// The message for the cell at `row` (an index of `rows`) and `column`.
    fn err(&self, row: usize, column: usize, message: String) -> ImportError {
        let line = self.rows.get(row).map_or(0, |(l, _)| *l);
        at(line, column, self.name(column), message)
    }

    /// True when the column's first value that is not missing is not a number.
    fn is_text(&self, column: usize) -> bool {
        (0..self.rows.len())
            .map(|r| self.cell(r, column))
            .find(|c| !is_missing(c))
            .is_some_and(|c| number(c, self.decimal_comma).is_err())
    }

    /// True when every value of the column reads as a time and at least one is more than a bare
    /// number (a date, a month), or the header says it holds times.
    fn is_time(&self, column: usize) -> bool {
        let mut dated = false;
        for r in 0..self.rows.len() {
            let c = self.cell(r, column);
            if is_missing(c) {
                continue;
            }
            match read_time(c) {
                Ok(t) => dated |= !c.bytes().all(|b| b.is_ascii_digit()) || t.granularity() != Granularity::Year,
                Err(_) => return false,
            }
        }
        dated || self.name(column).is_empty() || TIME_NAMES.contains(&norm(self.name(column)).as_str())
    }
}

fn at(line: u64, column: usize, name: &str, message: String) -> ImportError {
    ImportError { line, column: Some((column + 1, name.to_string())), message }
}

/// Whether a `;`-separated file, as European spreadsheets save them, writes decimals with a comma:
/// yes when a number is written with one (`48,9`), no when one is written with a point that
/// cannot be a thousands separator (`48.9`), and yes when neither shows (`1.234` is then 1234).
fn decimal_comma<'a>(cells: impl Iterator<Item = &'a str>) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    for cell in cells {
        let cell = cell.trim().trim_start_matches(['-', '\u{2212}']);
        if let Some((int, frac)) = cell.split_once(',') {
            if digits(int) && digits(frac) {
                return true;
            }
        } else if let Some((int, frac)) = cell.split_once('.') {
            if digits(int) && digits(frac) && frac.len() != 3 {
                return false;
            }
        }
    }
    true
}

/// Tab when the header has one (a copy from a spreadsheet), else `;` when it has more of them than
/// commas, else a comma. Separators inside quotes do not count.
pub(crate) fn delimiter(header: &str) -> u8 {
    let (mut tabs, mut semis, mut commas, mut quoted) = (0, 0, 0, false);
    for b in header.bytes() {
        match b {
            b'"' => quoted = !quoted,
            b'\t' if !quoted => tabs += 1,
            b';' if !quoted => semis += 1,
            b',' if !quoted => commas += 1,
            _ => {}
        }
    }
    if tabs > 0 {
        b'\t'
    } else if semis > commas {
        b';'
    } else {
        b','
    }
}

/// A header as compared with the names above: `Country_Name` → `country name`.
fn norm(s: &str) -> String {
    s.trim().to_lowercase().replace(['_', '-'], " ")
}

fn named(header: &[String], names: &[&str]) -> Option<usize> {
    header.iter().position(|h| names.contains(&norm(h).as_str()))
}

fn recognise(t: &Table) -> Result<Layout, ImportError> {
    let h = &t.header;
    let key = |i: usize| h.get(i).map(|s| norm(s)).unwrap_or_default();
    // Our World in Data's download: Entity, Code, then Year or Day.
    if key(0) == "entity" && key(1) == "code" && (key(2) == "year" || key(2) == "day") {
        return Ok(Layout::Measures { entity: 0, time: 2, code: Some(1) });
    }
    let time = named(h, &TIME_NAMES).or_else(|| (h.len() > 1 && t.is_time(0)).then_some(0));
    let code = named(h, &CODE_NAMES);
    let tidy = named(h, &INDICATOR_NAMES).zip(named(h, &VALUE_NAMES));
    let unit = tidy.and(named(h, &UNIT_NAMES));
    let source = tidy.and(named(h, &SOURCE_NAMES));
    let keys = [time, code, tidy.map(|p| p.0), tidy.map(|p| p.1), unit, source];
    let entity = named(h, &ENTITY_NAMES).filter(|e| !keys.contains(&Some(*e))).or_else(|| {
        // An unnamed entity column: the one column of text among the leading columns, before the
        // first column of numbers (stocks' "symbol", Iowa's "source").
        let other = |i: &usize| !keys.contains(&Some(*i));
        let first_number = (0..h.len()).filter(other).find(|&i| !t.is_text(i))?;
        let texts: Vec<usize> = (0..first_number).filter(other).collect();
        (texts.len() == 1).then(|| texts[0])
    });
    if let Some((indicator, value)) = tidy {
        let (Some(entity), Some(time)) = (entity, time) else {
            return Err(unrecognised(t, "it has indicator and value columns but no column of entities or of times"));
        };
        return Ok(Layout::Long(LongColumns { entity, time, indicator, value, unit, code, source }));
    }
    match (entity, time) {
        (Some(entity), Some(time)) => Ok(Layout::Measures { entity, time, code }),
        (None, Some(0)) => Ok(Layout::WideTime),
        (None, Some(_)) => {
            Err(unrecognised(t, "its column of times is not the first, and no column names the entities"))
        }
        (_, None) if h.len() > 1 && h.iter().skip(1).all(|c| c.is_empty() || read_time(c).is_ok()) => {
            Ok(Layout::WideCategory)
        }
        (_, None) => Err(unrecognised(t, "no column holds times, and the headers after the first are not times")),
    }
}

fn unrecognised(table: &Table, why: &str) -> ImportError {
    let header = &table.header;
    let shown: Vec<String> = header.iter().take(12).map(|c| format!("\"{}\"", clip(c))).collect();
    ImportError {
        line: table.header_line,
        column: None,
        message: format!(
            "the header ({}{}) fits none of the layouts the importer reads: {why}. It looks for Our World in Data's download (Entity, Code, Year or Day, then one column per indicator); a long table (a column named {}; one named {}; then one column per indicator, or columns named {} and {}); or a wide table (times down the first column and one column per series, or categories down the first column and times as the other headers)",
            shown.join(", "),
            if header.len() > 12 { ", …" } else { "" },
            or_list(&ENTITY_NAMES),
            or_list(&TIME_NAMES),
            or_list(&INDICATOR_NAMES),
            VALUE_NAMES[0]
        ),
    }
}

fn or_list(names: &[&str]) -> String {
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => names.join(""),
    }
}

fn is_missing(cell: &str) -> bool {
    MISSING.iter().any(|m| m.eq_ignore_ascii_case(cell.trim()))
}

/// A number as spreadsheets and statistics offices write it, with the digits it gives after the
/// point: `1234.5`, `1,234.5` (or `1.234,5` with a decimal comma), `1 234`, `-3` or `−3`.
fn number(cell: &str, decimal_comma: bool) -> Result<(f64, u8), String> {
    let s = cell.trim().replace('\u{2212}', "-");
    let (point, group) = if decimal_comma { (',', '.') } else { ('.', ',') };
    let (int, frac) = s.split_once(point).unwrap_or((&s, ""));
    let (sign, int) = match int.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", int.strip_prefix('+').unwrap_or(int)),
    };
    let groups: Vec<&str> = int.split([group, ' ', '\u{a0}', '\u{202f}']).collect();
    let grouped = groups.len() == 1
        || (groups.first().is_some_and(|g| (1..=3).contains(&g.len()))
            && groups.iter().skip(1).all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit())));
    let plain =
        format!("{sign}{}{}{frac}", groups.concat(), if frac.is_empty() && !s.contains(point) { "" } else { "." });
    let digits_only = plain.bytes().all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b));
    match plain.parse::<f64>() {
        Ok(v) if grouped && digits_only && v.is_finite() => {
            let decimals = frac.split(['e', 'E']).next().map_or(0, str::len).min(usize::from(u8::MAX)) as u8;
            Ok((v, decimals))
        }
        _ => {
            let hint = if cell.trim_end().ends_with('%') {
                "write the number alone and give the unit in the column's header, e.g. \"Share (%)\"".to_string()
            } else if decimal_comma {
                "write a number such as 1234,5 or -3, or leave the cell empty (or NA) where there is no value"
                    .to_string()
            } else {
                "write a number such as 1234.5, -3 or \"1,234\", or leave the cell empty (or NA) where there is no value"
                    .to_string()
            };
            Err(format!("\"{}\" is not a number; {hint}", clip(cell.trim())))
        }
    }
}

const MONTHS: [&str; 12] = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// A time as tables write it: the format's own forms (`1955`, `2020-Q1`, `2020-03`, `2020-03-15`),
/// a date with midnight as its time of day, `2020/03/15`, `Q1 2020` and dates with a month's name
/// (`Jan 1 2000`, `1 January 2000`, `March 2020`). A time of day other than midnight is refused:
/// the format keeps dates, not hours.
fn read_time(cell: &str) -> Result<Time, String> {
    let s = cell.trim();
    if let Some(t) = Time::parse(s) {
        return Ok(t);
    }
    let forms = "write a year (1955), a quarter (2020-Q1), a month (2020-03) or a date (2020-03-15)";
    if s.is_empty() {
        return Err(format!("the time is missing; {forms}"));
    }
    let bad = || format!("\"{}\" is not a time; {forms}", clip(s));
    // A date and a time of day: "2020-03-15T00:00:00Z", "2015/01/01 01:00:00".
    let (date, clock) = s.split_once(['T', ' ']).filter(|(d, _)| d.len() == 10).unwrap_or((s, ""));
    let date = date.replace('/', "-");
    if let Some(t @ Time::Day(..)) = Time::parse(&date) {
        let clock = clock.trim_end_matches('Z');
        if clock.bytes().all(|b| matches!(b, b'0' | b':' | b'.')) {
            return Ok(t);
        }
        return Err(format!(
            "\"{}\" has a time of day; the story keeps years, quarters, months and dates, so give one row per date",
            clip(s)
        ));
    }
    let words: Vec<String> = s.split([' ', ',', '-']).filter(|w| !w.is_empty()).map(str::to_lowercase).collect();
    // "Q1 2020", "2020 Q1"
    if let [a, b] = words.as_slice() {
        for (q, y) in [(a, b), (b, a)] {
            if let Some(t) = q.strip_prefix('q').and_then(|q| Time::parse(&format!("{y}-Q{q}"))) {
                return Ok(t);
            }
        }
    }
    let month = words.iter().position(|w| w.len() >= 3 && MONTHS.iter().any(|m| w.starts_with(m)));
    let Some(m) = month else { return Err(bad()) };
    let m_num = MONTHS.iter().position(|x| words[m].starts_with(x)).map_or(0, |i| i + 1);
    let numbers: Vec<&String> = words.iter().enumerate().filter(|(i, _)| *i != m).map(|(_, w)| w).collect();
    let year = numbers.iter().find(|w| w.len() == 4);
    let day = numbers.iter().find(|w| (1..=2).contains(&w.len()));
    let text = match (year, day, numbers.len()) {
        (Some(y), None, 1) => format!("{y}-{m_num:02}"),
        (Some(y), Some(d), 2) => format!("{y}-{m_num:02}-{d:0>2}"),
        _ => return Err(bad()),
    };
    Time::parse(&text).ok_or_else(bad)
}

/// An entity while the table is read.
struct Entity {
    name: String,
    code: Option<String>,
}

/// An indicator while the table is read.
struct Measure {
    name: String,
    unit: String,
    /// The column its values come from (its header), or the indicator column of a long table.
    column: usize,
    /// The row that first names it, in a long table.
    row: Option<usize>,
    /// The most digits after the point that one of its values is written with.
    decimals: u8,
}

/// One value: its time, the number (none for a gap) and the row it came from.
type Point = (Time, Option<f64>, usize);

struct Builder<'t> {
    table: &'t Table,
    layout: Layout,
    file_name: &'t str,
    entities: Vec<Entity>,
    entity_at: HashMap<String, usize>,
    measures: Vec<Measure>,
    measure_at: HashMap<String, usize>,
    /// Points by (measure, entity), in the order read.
    points: HashMap<(usize, usize), Vec<Point>>,
    /// The granularity of each measure's times, with the row that set it.
    granularity: Vec<Option<(Granularity, usize)>>,
}

impl<'t> Builder<'t> {
    fn new(table: &'t Table, layout: Layout, file_name: &'t str) -> Self {
        Builder {
            table,
            layout,
            file_name,
            entities: Vec::new(),
            entity_at: HashMap::new(),
            measures: Vec::new(),
            measure_at: HashMap::new(),
            points: HashMap::new(),
            granularity: Vec::new(),
        }
    }

    fn entity(&mut self, name: &str, row: usize, column: usize) -> Result<usize, ImportError> {
        if let Some(&e) = self.entity_at.get(name) {
            return Ok(e);
        }
        if is_missing(name) {
            return Err(self.table.err(
                row,
                column,
                "the entity's name is missing; write whose values the row gives".into(),
            ));
        }
        if super::char_count(name) > MAX_NAME {
            return Err(self.table.err(
                row,
                column,
                format!("the name is longer than {MAX_NAME} characters; shorten it"),
            ));
        }
        self.entities.push(Entity { name: name.to_string(), code: None });
        self.entity_at.insert(name.to_string(), self.entities.len() - 1);
        Ok(self.entities.len() - 1)
    }

    /// A measure named by a header, or by the indicator column of a long table.
    fn measure(&mut self, label: &str, column: usize, row: Option<usize>, unit: Option<&str>) -> usize {
        if let Some(&m) = self.measure_at.get(label) {
            return m;
        }
        let (name, from_label) = split_unit(label);
        self.measures.push(Measure {
            name,
            unit: unit.filter(|u| !u.is_empty()).map_or(from_label, str::to_string),
            column,
            row,
            decimals: 0,
        });
        self.granularity.push(None);
        self.measure_at.insert(label.to_string(), self.measures.len() - 1);
        self.measures.len() - 1
    }

    fn time(&mut self, measure: usize, row: usize, column: usize) -> Result<Time, ImportError> {
        let cell = self.table.cell(row, column);
        let t = read_time(cell).map_err(|m| self.table.err(row, column, m))?;
        match self.granularity[measure] {
            None => self.granularity[measure] = Some((t.granularity(), row)),
            Some((g, first)) if g != t.granularity() => {
                let example = self.table.cell(first, column);
                let line = self.table.rows[first].0;
                return Err(self.table.err(
                    row,
                    column,
                    format!(
                        "\"{}\" is a {}, but line {line} gives a {} (\"{}\"); give every time at one granularity",
                        clip(cell),
                        t.granularity().word(),
                        g.word(),
                        clip(example)
                    ),
                ));
            }
            Some(_) => {}
        }
        Ok(t)
    }

    fn value(&mut self, measure: usize, row: usize, column: usize) -> Result<Option<f64>, ImportError> {
        let cell = self.table.cell(row, column);
        if is_missing(cell) {
            return Ok(None);
        }
        let (v, decimals) = number(cell, self.table.decimal_comma).map_err(|m| self.table.err(row, column, m))?;
        let m = &mut self.measures[measure];
        m.decimals = m.decimals.max(decimals);
        Ok(Some(v))
    }

    fn push(&mut self, measure: usize, entity: usize, point: Point) {
        self.points.entry((measure, entity)).or_default().push(point);
    }

    /// Entity, time, and one column per indicator (Our World in Data's download among them).
    fn measures(&mut self, entity: usize, time: usize, code: Option<usize>) -> Result<(), ImportError> {
        let columns: Vec<usize> =
            (0..self.table.header.len()).filter(|&c| c != entity && c != time && Some(c) != code).collect();
        if columns.is_empty() {
            return Err(unrecognised(self.table, "it names entities and times but has no column of values"));
        }
        let table = self.table;
        let measures = self.value_columns(&columns)?;
        for row in 0..table.rows.len() {
            let e = self.entity(table.cell(row, entity), row, entity)?;
            if let Some(c) = code {
                let cell = table.cell(row, c);
                if !cell.is_empty() {
                    self.entities[e].code.get_or_insert_with(|| cell.to_string());
                }
            }
            // The columns share the row's time: its granularity is checked once, as the first's.
            let t = self.time(measures[0], row, time)?;
            for (&column, &m) in columns.iter().zip(&measures) {
                let v = self.value(m, row, column)?;
                self.push(m, e, (t, v, row));
            }
        }
        Ok(())
    }

    /// One row per entity, time and indicator.
    fn long(&mut self, columns: LongColumns) -> Result<(), ImportError> {
        let LongColumns { entity, time, indicator, value, unit, code, source } = columns;
        let table = self.table;
        let known = [Some(entity), Some(time), Some(indicator), Some(value), unit, code, source];
        if let Some(extra) = (0..table.header.len()).find(|c| !known.contains(&Some(*c))) {
            return Err(at(
                table.header_line,
                extra,
                &clip(table.name(extra)),
                format!(
                    "a long table has columns for the entity, the time, the indicator, the value, and optionally the unit, a country code and the source; remove this one or name it as one of them ({}, {}, {}, {}, unit, code, source)",
                    table.name(entity),
                    table.name(time),
                    table.name(indicator),
                    table.name(value)
                ),
            ));
        }
        for row in 0..table.rows.len() {
            let label = table.cell(row, indicator);
            if is_missing(label) {
                return Err(table.err(
                    row,
                    indicator,
                    "the indicator's name is missing; write what the value measures".into(),
                ));
            }
            if super::char_count(label) > MAX_NAME {
                return Err(table.err(
                    row,
                    indicator,
                    format!("the name is longer than {MAX_NAME} characters; shorten it"),
                ));
            }
            let m = self.measure(label, indicator, Some(row), unit.map(|u| table.cell(row, u)));
            let e = self.entity(table.cell(row, entity), row, entity)?;
            if let Some(c) = code {
                let cell = table.cell(row, c);
                if !cell.is_empty() {
                    self.entities[e].code.get_or_insert_with(|| cell.to_string());
                }
            }
            let t = self.time(m, row, time)?;
            let v = self.value(m, row, value)?;
            self.push(m, e, (t, v, row));
        }
        Ok(())
    }

    /// Times down the first column; each other column is an entity of one indicator, named after the file.
    fn wide_time(&mut self) -> Result<(), ImportError> {
        let table = self.table;
        let columns: Vec<usize> = (1..table.header.len()).collect();
        self.check_columns(&columns)?;
        let m = self.measure(&title_of(self.file_name), 0, None, None);
        let mut entities = Vec::with_capacity(columns.len());
        for &c in &columns {
            entities.push(self.entity(table.name(c), 0, c)?);
        }
        for row in 0..table.rows.len() {
            let t = self.time(m, row, 0)?;
            for (&c, &e) in columns.iter().zip(&entities) {
                let v = self.value(m, row, c)?;
                self.push(m, e, (t, v, row));
            }
        }
        Ok(())
    }

    /// Categories down the first column, times across: one indicator, named after the file.
    fn wide_category(&mut self) -> Result<(), ImportError> {
        let table = self.table;
        let columns: Vec<usize> = (1..table.header.len()).collect();
        self.check_columns(&columns)?;
        let m = self.measure(&title_of(self.file_name), 0, None, None);
        let mut times = Vec::with_capacity(columns.len());
        for &c in &columns {
            let t = read_time(table.name(c)).map_err(|msg| at(table.header_line, c, table.name(c), msg))?;
            if let Some((g, first)) = self.granularity[m] {
                if g != t.granularity() {
                    return Err(at(
                        table.header_line,
                        c,
                        table.name(c),
                        format!(
                            "\"{}\" is a {}, but column {} is a {}; give every time at one granularity",
                            table.name(c),
                            t.granularity().word(),
                            letter(first + 1),
                            g.word()
                        ),
                    ));
                }
            } else {
                self.granularity[m] = Some((t.granularity(), c));
            }
            times.push(t);
        }
        for row in 0..table.rows.len() {
            let e = self.entity(table.cell(row, 0), row, 0)?;
            for (&c, &t) in columns.iter().zip(&times) {
                let v = self.value(m, row, c)?;
                self.push(m, e, (t, v, row));
            }
        }
        Ok(())
    }

    /// Each value column has a header, no other column has the same, and some row has a value in it.
    fn check_columns(&self, columns: &[usize]) -> Result<(), ImportError> {
        let mut seen: HashMap<&str, usize> = HashMap::new();
        for &c in columns {
            let name = self.table.name(c);
            let empty = (0..self.table.rows.len()).all(|r| is_missing(self.table.cell(r, c)));
            if empty {
                return Err(at(
                    self.table.header_line,
                    c,
                    &clip(name),
                    "the column has no values in any row; fill it in, or remove it".into(),
                ));
            }
            if name.is_empty() {
                return Err(at(
                    self.table.header_line,
                    c,
                    "",
                    "the column has values but no header; write its name in the header row".into(),
                ));
            }
            if let Some(first) = seen.insert(name, c) {
                return Err(at(
                    self.table.header_line,
                    c,
                    &clip(name),
                    format!(
                        "the header \"{}\" is also column {}'s; give each column its own name",
                        clip(name),
                        letter(first + 1)
                    ),
                ));
            }
        }
        Ok(())
    }

    /// `check_columns`, then one measure per column.
    fn value_columns(&mut self, columns: &[usize]) -> Result<Vec<usize>, ImportError> {
        self.check_columns(columns)?;
        let table = self.table;
        Ok(columns.iter().map(|&c| self.measure(&readable(table.name(c)), c, None, None)).collect())
    }

    /// The story: regions, indicators, series in time order and one chart per indicator.
    fn finish(self, by_category: bool) -> Result<Dataset, ImportError> {
        let Builder { table, layout, file_name, entities, measures, points, .. } = self;
        let mut series: Vec<((usize, usize), Vec<Point>)> = points.into_iter().collect();
        series.sort_unstable_by_key(|(key, _)| *key);
        repeats(table, layout, &entities, &mut series)?;

        let region_ids = unique_ids(entities.iter().map(|e| e.name.as_str()), "entity");
        let indicator_ids = unique_ids(measures.iter().map(|m| m.name.as_str()), "indicator");
        let normal: Vec<fn(Time) -> Time> = (0..measures.len())
            .map(|m| normal_granularity(series.iter().filter(|s| s.0 .0 == m).flat_map(|(_, p)| p.iter().map(|p| p.0))))
            .collect();
        let mut out_series = Vec::new();
        let mut values_of: Vec<Vec<f64>> = vec![Vec::new(); measures.len()];
        let mut has_series = vec![false; entities.len()];
        for ((m, e), pts) in series {
            let mut pts: Vec<(Time, Option<f64>)> = pts.into_iter().map(|(t, v, _)| (normal[m](t), v)).collect();
            // Gaps at either end draw nothing; a series with no value at all is left out.
            while pts.last().is_some_and(|p| p.1.is_none()) {
                pts.pop();
            }
            let lead = pts.iter().take_while(|p| p.1.is_none()).count();
            pts.drain(..lead);
            if pts.is_empty() {
                continue;
            }
            values_of[m].extend(pts.iter().filter_map(|p| p.1));
            has_series[e] = true;
            out_series.push(Series::new(indicator_ids[m].clone(), region_ids[e].clone(), pts));
        }
        // A long table's indicator with no value in any row (a column's is caught by `check_columns`).
        if let Some((m, _)) = values_of.iter().enumerate().find(|(_, v)| v.is_empty()) {
            let x = &measures[m];
            return Err(match x.row {
                Some(row) => table.err(
                    row,
                    x.column,
                    format!("\"{}\" has no value in any row; fill them in, or remove its rows", clip(&x.name)),
                ),
                None => at(
                    table.header_line,
                    x.column,
                    table.name(x.column),
                    "the column has no values in any row; fill it in, or remove it".into(),
                ),
            });
        }

        let regions = regions(table, layout, &entities, &region_ids, &has_series);
        let indicators: Vec<Indicator> = measures
            .iter()
            .zip(&indicator_ids)
            .zip(&values_of)
            .map(|((m, id), values)| Indicator {
                id: id.clone(),
                name: m.name.clone(),
                unit: m.unit.clone(),
                decimals: Some(decimals(values, m.decimals)),
                source: SOURCE_ID.into(),
            })
            .collect();
        let charts = charts(&indicators, &out_series, by_category);
        let stem = title_of(file_name);
        let (from, file) = if file_name.is_empty() {
            (String::new(), "The table".to_string())
        } else {
            (format!(", imported from {file_name}"), format!("The file {file_name}"))
        };
        let dek = format!(
            "{} for {}{}{from}.",
            count(indicators.len(), "indicator"),
            if regions.len() == 1 { "1 entity".to_string() } else { format!("{} entities", regions.len()) },
            span_words(span(out_series.iter())),
        );
        Ok(Dataset {
            story: Story {
                id: slug(&stem).unwrap_or_else(|| "imported".into()),
                title: stem,
                dek,
                overview_heading: "The data".into(),
                map: None,
                map_credit: None,
            },
            sources: vec![Source {
                id: SOURCE_ID.into(),
                name: "Source not given".into(),
                description: format!(
                    "{file} did not name its source. The editor must add it (who published the data, and a link or a description) before this story is published."
                ),
                document: None,
                link: None,
            }],
            regions,
            figures: Vec::new(),
            indicators,
            series: out_series,
            charts,
            languages: Vec::new(),
            translations: super::table::Table::default(),
            lang: Lang::En,
        })
    }
}

/// The source a long table names in its column `column` becomes the story's one source: a table
/// gives its values from one source, so cells that name another are refused.
fn named_source(d: &mut Dataset, table: &Table, column: usize, file: &str) -> Result<(), ImportError> {
    let mut name: Option<&str> = None;
    for row in 0..table.rows.len() {
        let cell = table.cell(row, column).trim();
        match name {
            _ if cell.is_empty() => {}
            None => name = Some(cell),
            Some(first) if first != cell => {
                return Err(table.err(
                    row,
                    column,
                    format!("this row names the source \"{}\" and an earlier one \"{}\"; import the values of each source as a table of its own", clip(cell), clip(first)),
                ));
            }
            Some(_) => {}
        }
    }
    if let (Some(name), Some(source)) = (name, d.sources.first_mut()) {
        source.name = super::excerpt(name, 400);
        source.description =
            format!("Named in the source column of {}.", if file.is_empty() { "the table" } else { file });
    }
    Ok(())
}

/// The entities that have a series, in the order the file first names them, each coloured from the
/// palette until it runs out and grey after.
fn regions(table: &Table, layout: Layout, entities: &[Entity], ids: &[String], has_series: &[bool]) -> Vec<Region> {
    let kind = entity_kind(table, layout);
    let coded =
        matches!(layout, Layout::Measures { code: Some(_), .. } | Layout::Long(LongColumns { code: Some(_), .. }));
    entities
        .iter()
        .zip(ids)
        .zip(has_series)
        .filter(|(_, has)| **has)
        .enumerate()
        .map(|(i, ((e, id), _))| {
            // Our World in Data gives countries their ISO 3166-1 alpha-3 code, and groups of
            // countries its own (`OWID_WRL`) or none.
            let (kind, geo) = match &e.code {
                Some(code) if coded && code.len() == 3 && code.bytes().all(|b| b.is_ascii_uppercase()) => {
                    (RegionKind::Country, Some(code.clone()))
                }
                _ if coded => (RegionKind::Region, None),
                _ => (kind, None),
            };
            let color = SERIES_COLOURS.get(i).copied().unwrap_or(CONTEXT_GREY).to_string();
            Region { id: id.clone(), name: e.name.clone(), kind, color, geo }
        })
        .collect()
}

/// Sorts each series by time and names the first time given twice for one entity, in file order.
fn repeats(
    table: &Table,
    layout: Layout,
    entities: &[Entity],
    series: &mut [((usize, usize), Vec<Point>)],
) -> Result<(), ImportError> {
    // (row of the repeat, row of the first, entity, time)
    let mut repeat: Option<(usize, usize, usize, Time)> = None;
    for ((_, e), pts) in series.iter_mut() {
        pts.sort_by(|a, b| a.0.cmp(&b.0).then(a.2.cmp(&b.2)));
        for w in pts.windows(2) {
            if w[0].0 == w[1].0 && repeat.is_none_or(|(row, ..)| w[1].2 < row) {
                repeat = Some((w[1].2, w[0].2, *e, w[1].0));
            }
        }
    }
    let Some((row, first, e, t)) = repeat else { return Ok(()) };
    let time_column = match layout {
        Layout::Measures { time, .. } | Layout::Long(LongColumns { time, .. }) => time,
        Layout::WideTime | Layout::WideCategory => 0,
    };
    Err(table.err(
        row,
        time_column,
        format!(
            "{} at {} is given twice (first on line {}); keep one row for each entity and time",
            clip(&entities[e].name),
            t.label(Lang::En),
            table.rows[first].0
        ),
    ))
}

/// The kind of every entity of a table whose header names its entity column ("country", "site"), a
/// category otherwise.
fn entity_kind(table: &Table, layout: Layout) -> RegionKind {
    let header = match layout {
        Layout::Measures { entity, .. } | Layout::Long(LongColumns { entity, .. }) => norm(table.name(entity)),
        Layout::WideCategory => norm(table.name(0)),
        Layout::WideTime => String::new(),
    };
    match header.as_str() {
        "country" => RegionKind::Country,
        "state" => RegionKind::State,
        "province" => RegionKind::Province,
        "city" => RegionKind::City,
        "site" => RegionKind::Site,
        "region" | "geo" | "location" | "area" => RegionKind::Region,
        _ => RegionKind::Category,
    }
}

/// Dates that are all the first of January are years, and dates that are all the first of a month
/// are months: how charting tools write yearly and monthly data ("2001-01-01"), labelled as what
/// they are ("2001", not "1 Jan 2001").
fn normal_granularity(times: impl Iterator<Item = Time>) -> fn(Time) -> Time {
    let (mut years, mut months, mut any) = (true, true, false);
    for t in times {
        any = true;
        if let Time::Day(_, m, 1) = t {
            years &= m == 1;
        } else {
            (years, months) = (false, false);
        }
        if !months {
            break;
        }
    }
    match (any, years, months) {
        (true, true, _) => |t| match t {
            Time::Day(y, ..) => Time::Year(y),
            t => t,
        },
        (true, false, true) => |t| match t {
            Time::Day(y, m, _) => Time::Month(y, m),
            t => t,
        },
        _ => |t| t,
    }
}

/// Digits after the point in the indicator's labels: 0 when every value is whole; otherwise enough
/// to show its typical size (the median magnitude) to 3 significant figures (48.86667 → 48.9,
/// 0.8523 → 0.85, 1234.5 → 1235), at most 2 and never more than the file itself writes.
fn decimals(values: &[f64], written: u8) -> u8 {
    if values.iter().all(|v| v.fract() == 0.0) {
        return 0;
    }
    let mut sizes: Vec<f64> = values.iter().map(|v| v.abs()).filter(|v| *v > 0.0).collect();
    sizes.sort_by(f64::total_cmp);
    let Some(typical) = sizes.get(sizes.len() / 2) else { return 0 };
    let wanted = (2.0 - typical.log10().floor()).max(0.0).min(2.0) as u8;
    wanted.min(written)
}

/// One chart per indicator: a line over time, or bars of the categories at the latest time.
fn charts(indicators: &[Indicator], series: &[Series], by_category: bool) -> Vec<Chart> {
    indicators
        .iter()
        .map(|x| {
            let (first, last) = span(series.iter().filter(|s| s.indicator == x.id));
            let unit = if x.unit.is_empty() {
                " (the file does not give the unit)".to_string()
            } else {
                format!(", in {}", x.unit)
            };
            // Bars show the categories at the latest time the file gives.
            let (kind, times, when) = if by_category {
                (ChartKind::Bars, last.into_iter().collect(), span_words((last, None)))
            } else {
                (ChartKind::Line, Vec::new(), span_words((first, last)))
            };
            Chart {
                id: x.id.clone(),
                kind,
                region: None,
                headline: x.name.clone(),
                dek: format!("{}{when}{unit}", x.name),
                figures: Vec::new(),
                indicator: Some(x.id.clone()),
                entities: Vec::new(),
                highlight: Vec::new(),
                scale: None,
                colors: None,
                times,
                annotations: Vec::new(),
                note: None,
                endpoints: None,
                comparable: None,
            }
        })
        .collect()
}

/// The first and last time with a value in any of `series`.
fn span<'a>(series: impl Iterator<Item = &'a Series> + Clone) -> (Option<Time>, Option<Time>) {
    let times = series.flat_map(|s| s.points().iter().filter(|p| p.1.is_some()).map(|p| p.0));
    (times.clone().min(), times.max())
}

/// ", 1950 to 2021", ", 2020" or nothing.
fn span_words((first, last): (Option<Time>, Option<Time>)) -> String {
    match (first, last) {
        (Some(a), Some(b)) if a != b => format!(", {} to {}", a.label(Lang::En), b.label(Lang::En)),
        (Some(a), _) => format!(", {}", a.label(Lang::En)),
        _ => String::new(),
    }
}

fn count(n: usize, what: &str) -> String {
    if n == 1 {
        format!("1 {what}")
    } else {
        format!("{n} {what}s")
    }
}

/// "Life expectancy (years)" → ("Life expectancy", "years"); a header without a bracketed unit keeps
/// its name whole and an empty unit.
fn split_unit(label: &str) -> (String, String) {
    let label = label.trim();
    for (open, close) in [('(', ')'), ('[', ']')] {
        if let Some(inner) = label.strip_suffix(close) {
            if let Some((name, unit)) = inner.rsplit_once(open) {
                if !name.trim().is_empty() && !unit.trim().is_empty() {
                    return (name.trim().to_string(), unit.trim().to_string());
                }
            }
        }
    }
    (label.to_string(), String::new())
}

/// A column's name as a headline starts: `net_generation` → "Net generation". Names with spaces
/// or capitals are the file's own wording and kept, bar the first letter.
fn readable(header: &str) -> String {
    let words = if header.contains(' ') || header.chars().any(char::is_uppercase) {
        header.to_string()
    } else {
        header.replace('_', " ")
    };
    let mut chars = words.chars();
    chars.next().map_or_else(String::new, |c| c.to_uppercase().chain(chars).collect())
}

/// The file's name without its folder and extension, as a title: "global-temp.csv" → "Global temp".
fn title_of(file_name: &str) -> String {
    let base = file_name.rsplit(['/', '\\']).next().unwrap_or(file_name);
    let stem = base.rsplit_once('.').map_or(base, |(s, _)| s);
    let words = stem.replace(['-', '_'], " ");
    let words = words.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut chars = words.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => "Imported data".into(),
    }
}

/// Lower-case ASCII letters and digits joined by hyphens; `None` when nothing is left (a name in
/// Chinese), so the caller numbers it instead.
fn slug(name: &str) -> Option<String> {
    let mut out = String::new();
    for c in name.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
        if out.len() >= 60 {
            break;
        }
    }
    let out = out.trim_end_matches('-').to_string();
    (!out.is_empty()).then_some(out)
}

/// An id for each name: its slug, numbered where two names give the same one or none.
fn unique_ids<'a>(names: impl Iterator<Item = &'a str>, fallback: &str) -> Vec<String> {
    let mut used: std::collections::HashSet<String> = std::collections::HashSet::new();
    // The next number to try after each slug, so that many names of one slug stay linear.
    let mut next: HashMap<String, usize> = HashMap::new();
    names
        .enumerate()
        .map(|(i, name)| {
            let base = slug(name).unwrap_or_else(|| format!("{fallback}-{}", i + 1));
            let mut id = base.clone();
            if used.contains(&id) {
                let n = next.entry(base.clone()).or_insert(2);
                loop {
                    id = format!("{base}-{n}");
                    *n += 1;
                    if !used.contains(&id) {
                        break;
                    }
                }
            }
            used.insert(id.clone());
            id
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_tables_write_them() {
        assert_eq!(number("1234.5", false), Ok((1234.5, 1)));
        assert_eq!(number("1,234", false), Ok((1234.0, 0)));
        assert_eq!(number("1 234 567", false), Ok((1_234_567.0, 0)));
        assert_eq!(number("−3.25", false), Ok((-3.25, 2)));
        assert_eq!(number("-0.17", false), Ok((-0.17, 2)));
        assert_eq!(number("1.234,5", true), Ok((1234.5, 1)));
        assert_eq!(number("-1,5", true), Ok((-1.5, 1)));
        assert_eq!(number("2.5e3", false), Ok((2500.0, 1)));
        for bad in ["12,34", "NaN", "inf", "1e999", "about 5", "5%", "1.2.3"] {
            assert!(number(bad, false).is_err(), "{bad}");
        }
        assert!(number("45%", false).err().unwrap_or_default().contains("Share (%)"));
        for gap in ["", "NA", "n/a", "..", "-", "—"] {
            assert!(is_missing(gap), "{gap:?}");
        }
    }

    #[test]
    fn times_read_as_tables_write_them() {
        for (text, t) in [
            ("1955", Time::Year(1955)),
            ("2020-Q2", Time::Quarter(2020, 2)),
            ("Q2 2020", Time::Quarter(2020, 2)),
            ("2020 Q2", Time::Quarter(2020, 2)),
            ("2020-03", Time::Month(2020, 3)),
            ("2020-03-15", Time::Day(2020, 3, 15)),
            ("2020/03/15", Time::Day(2020, 3, 15)),
            ("2020-03-15T00:00:00Z", Time::Day(2020, 3, 15)),
            ("2020-03-15 00:00", Time::Day(2020, 3, 15)),
            ("Jan 1 2000", Time::Day(2000, 1, 1)),
            ("1 January 2000", Time::Day(2000, 1, 1)),
            ("March 15, 2020", Time::Day(2020, 3, 15)),
            ("Mar 2020", Time::Month(2020, 3)),
            ("Sep-2021", Time::Month(2021, 9)),
        ] {
            assert_eq!(read_time(text), Ok(t), "{text}");
        }
        assert!(read_time("2015/01/01 01:00:00").err().unwrap_or_default().contains("time of day"));
        assert!(read_time(" ").err().unwrap_or_default().contains("the time is missing"));
        for bad in ["3/15/2020", "spring", "Jan 45 2020", "2020-13", "Q5 2020"] {
            assert!(read_time(bad).err().unwrap_or_default().contains("is not a time"), "{bad}");
        }
    }

    #[test]
    fn decimals_show_the_typical_value_to_three_figures_at_most_two_places() {
        assert_eq!(decimals(&[48.86667, 27.43334, 33.46667], 5), 1);
        assert_eq!(decimals(&[0.8523, -0.17, 0.5], 4), 2);
        assert_eq!(decimals(&[1234.5, 2345.25], 2), 0);
        assert_eq!(decimals(&[35361.0, 29329.0], 0), 0);
        assert_eq!(decimals(&[0.5, 0.7], 1), 1);
        assert_eq!(decimals(&[0.001, 0.002], 3), 2);
    }

    #[test]
    fn names_become_ids_once_each() {
        assert_eq!(
            unique_ids(["Grand Rapids", "grand-rapids", "中国", "A", "a"].into_iter(), "entity"),
            ["grand-rapids", "grand-rapids-2", "entity-3", "a", "a-2"]
        );
        assert_eq!(split_unit("Life expectancy (years)"), ("Life expectancy".into(), "years".into()));
        assert_eq!(split_unit("Temperature [°C]"), ("Temperature".into(), "°C".into()));
        assert_eq!(split_unit("(%)"), ("(%)".into(), String::new()));
        assert_eq!(title_of("data/global-temp.csv"), "Global temp");
        assert_eq!(delimiter("a\tb,c"), b'\t');
        assert_eq!(delimiter("a;b;c"), b';');
        assert_eq!(delimiter("\"a;b\",c"), b',');
        assert!(decimal_comma(["Waseca", "48,86667"].into_iter()));
        assert!(!decimal_comma(["Waseca", "48.86667"].into_iter()));
        assert!(decimal_comma(["1.234", "2"].into_iter()), "a point before three digits groups thousands");
    }
}
