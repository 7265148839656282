//! The spreadsheet layout of a dataset: one CSV file of labelled sections, read into a `Dataset` with
//! messages placed by line and column, and written back out (a template, and the round-trip test).

use std::collections::HashMap;
use std::fmt;

use super::table::Table;
use super::{Chart, ChartKind, DataError, Dataset, Figure, Qualifier, Region, RegionKind, Source, SourceRef, Story};

/// Why a CSV file was refused, placed where a spreadsheet shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportError {
    /// 1-based line of the file; 0 when the problem is the file as a whole.
    pub line: u64,
    /// 1-based column and its header, when one cell is at fault.
    pub column: Option<(usize, String)>,
    pub message: String,
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, &self.column) {
            (0, _) => write!(f, "{}", self.message),
            (line, None) => write!(f, "line {line}: {}", self.message),
            (line, Some((n, name))) => write!(f, "line {line}, column {} ({name}): {}", letter(*n), self.message),
        }
    }
}

impl std::error::Error for ImportError {}

/// A spreadsheet's name for column `n` (1 → A, 27 → AA), so a message points where the editor looks.
pub(super) fn letter(mut n: usize) -> String {
    let mut out = Vec::new();
    while n > 0 {
        let r = (n - 1) % 26;
        out.push(b'A' + r as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

/// A section: its name, the columns it needs and the ones it may have, in the order `to_csv` writes.
struct Section {
    name: &'static str,
    required: &'static [&'static str],
    optional: &'static [&'static str],
}

const SECTIONS: [Section; 6] = [
    Section { name: "story", required: &["key", "value"], optional: &[] },
    Section { name: "sources", required: &["id", "name", "description"], optional: &["document"] },
    Section { name: "regions", required: &["id", "name", "kind", "color"], optional: &["geo"] },
    Section {
        name: "figures",
        required: &["id", "region", "indicator", "label", "value", "unit", "qualifier", "period", "source", "quote"],
        optional: &["wording", "claim"],
    },
    Section {
        name: "charts",
        required: &["id", "kind", "region", "headline", "dek", "figures"],
        optional: &["note", "start", "end", "comparable"],
    },
    Section { name: "translations", required: &["language", "key", "text"], optional: &[] },
];

const STORY_KEYS: [&str; 6] = ["id", "title", "dek", "overview_heading", "map", "languages"];

/// One data row: its line and its cells by column name.
struct Row {
    line: u64,
    cells: HashMap<&'static str, (usize, String)>,
}

impl Row {
    fn err(&self, column: &str, message: String) -> ImportError {
        let column = self.cells.get(column).map(|(n, _)| (*n, column.to_string()));
        ImportError { line: self.line, column, message }
    }

    /// The cell's text, trimmed; empty when the column is absent.
    fn get(&self, column: &str) -> &str {
        self.cells.get(column).map_or("", |(_, s)| s.as_str())
    }

    /// A cell that must not be empty.
    fn text(&self, column: &str, what: &str) -> Result<String, ImportError> {
        let s = self.get(column);
        if s.is_empty() {
            return Err(self.err(column, format!("the cell is empty; write {what}")));
        }
        Ok(s.to_string())
    }

    /// An empty cell is "none" (`null` in JSON).
    fn optional(&self, column: &str) -> Option<String> {
        Some(self.get(column)).filter(|s| !s.is_empty()).map(str::to_string)
    }
}

/// The rows of each section, with the line of its `[name]` marker.
#[derive(Default)]
struct Sheet {
    sections: HashMap<&'static str, (u64, Vec<Row>)>,
}

impl Sheet {
    fn rows(&self, name: &str) -> &[Row] {
        self.sections.get(name).map_or(&[], |(_, rows)| rows.as_slice())
    }

    fn marker_line(&self, name: &str) -> u64 {
        self.sections.get(name).map_or(0, |(line, _)| *line)
    }
}

/// Reads the CSV layout described in docs/data-format.md and validates the result like a JSON file.
pub fn from_csv(text: &str) -> Result<Dataset, ImportError> {
    let sheet = read_sheet(text.strip_prefix('\u{feff}').unwrap_or(text))?;
    let d = build(&sheet)?;
    super::validate(&d).map_err(|e| place(&sheet, &e))?;
    Ok(d)
}

fn read_sheet(text: &str) -> Result<Sheet, ImportError> {
    let mut reader = ::csv::ReaderBuilder::new().has_headers(false).flexible(true).from_reader(text.as_bytes());
    let mut sheet = Sheet::default();
    // The section being read and its header (column index → name) once read.
    let mut current: Option<(&Section, Option<Vec<Option<&'static str>>>)> = None;
    let mut lines = Lines::new(text);
    for record in reader.records() {
        let record = record.map_err(|e| ImportError {
            line: e.position().map_or(0, |p| lines.at(p.byte())),
            column: None,
            message: format!("not readable as CSV: {e}; save the sheet again as CSV (comma-separated, UTF-8)"),
        })?;
        let line = record.position().map_or(0, |p| lines.at(p.byte()));
        let cells: Vec<&str> = record.iter().map(str::trim).collect();
        let Some(last) = cells.iter().rposition(|c| !c.is_empty()) else { continue };
        let cells = &cells[..=last];
        if let Some(name) = cells[0].strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
            let section = start_section(&sheet, name, cells.len(), line)?;
            sheet.sections.insert(section.name, (line, Vec::new()));
            current = Some((section, None));
            continue;
        }
        let Some((section, header)) = current.as_mut() else {
            return Err(ImportError {
                line,
                column: None,
                message: "data before any section; start the file with a section marker such as [story] \
                          (the layout is in docs/data-format.md)"
                    .into(),
            });
        };
        match header {
            None => *header = Some(read_header(section, cells, line)?),
            Some(columns) => {
                // Every column of the header gets a cell, so a message can point at an empty one.
                let mut row = Row { line, cells: HashMap::new() };
                for (i, name) in columns.iter().enumerate() {
                    if let Some(name) = name {
                        row.cells.insert(name, (i + 1, cells.get(i).map_or(String::new(), |c| (*c).to_string())));
                    }
                }
                if let Some((i, cell)) = cells
                    .iter()
                    .enumerate()
                    .find(|(i, c)| !c.is_empty() && columns.get(*i).copied().flatten().is_none())
                {
                    return Err(ImportError {
                        line,
                        column: None,
                        message: format!(
                            "column {} has \"{}\" but the [{}] header has no column there; \
                             add a header for it or move the value",
                            letter(i + 1),
                            clip(cell),
                            section.name
                        ),
                    });
                }
                if let Some((_, rows)) = sheet.sections.get_mut(section.name) {
                    rows.push(row);
                }
            }
        }
    }
    for s in &SECTIONS[..5] {
        if !sheet.sections.contains_key(s.name) {
            return Err(ImportError {
                line: 0,
                column: None,
                message: format!(
                    "the file has no [{}] section; add a row with [{}] followed by its header row ({})",
                    s.name,
                    s.name,
                    s.required.join(",")
                ),
            });
        }
    }
    Ok(sheet)
}

/// Line numbers from byte offsets. The csv crate's own line count skips blank lines, which editors'
/// sheets have between sections; its byte offset points at the blank lines before a record.
pub(super) struct Lines<'a> {
    text: &'a str,
    byte: usize,
    line: u64,
}

impl<'a> Lines<'a> {
    pub(super) fn new(text: &'a str) -> Self {
        Lines { text, byte: 0, line: 1 }
    }

    /// The line a record starts on, given the offset the reader reports; offsets only grow, so
    /// counting resumes from the last one.
    pub(super) fn at(&mut self, byte: u64) -> u64 {
        let bytes = self.text.as_bytes();
        let mut start = (byte as usize).min(bytes.len());
        while start < bytes.len() && matches!(bytes[start], b'\r' | b'\n') {
            start += 1;
        }
        if start < self.byte {
            (self.byte, self.line) = (0, 1);
        }
        // A few lines at a time; not worth the bytecount crate.
        #[allow(clippy::naive_bytecount)]
        let newlines = bytes[self.byte..start].iter().filter(|b| **b == b'\n').count() as u64;
        self.line += newlines;
        self.byte = start;
        self.line
    }
}

fn start_section(sheet: &Sheet, name: &str, cells: usize, line: u64) -> Result<&'static Section, ImportError> {
    let name = name.trim().to_ascii_lowercase();
    let Some(section) = SECTIONS.iter().find(|s| s.name == name) else {
        return Err(ImportError {
            line,
            column: Some((1, "section".into())),
            message: format!(
                "unknown section [{}]; use one of {}",
                clip(&name),
                SECTIONS.iter().map(|s| format!("[{}]", s.name)).collect::<Vec<_>>().join(", ")
            ),
        });
    };
    if cells > 1 {
        return Err(ImportError {
            line,
            column: None,
            message: format!("a section marker stands alone on its row; move what follows [{name}] to the rows below"),
        });
    }
    if let Some((first, _)) = sheet.sections.get(section.name) {
        return Err(ImportError {
            line,
            column: None,
            message: format!("[{name}] appears twice (first on line {first}); keep all its rows in one section"),
        });
    }
    Ok(section)
}

fn read_header(section: &Section, cells: &[&str], line: u64) -> Result<Vec<Option<&'static str>>, ImportError> {
    let known = || section.required.iter().chain(section.optional).copied();
    let mut columns = Vec::with_capacity(cells.len());
    for (i, cell) in cells.iter().enumerate() {
        if cell.is_empty() {
            columns.push(None);
            continue;
        }
        let name = cell.to_ascii_lowercase().replace(' ', "_");
        let Some(found) = known().find(|k| *k == name) else {
            return Err(ImportError {
                line,
                column: Some((i + 1, clip(cell))),
                message: format!(
                    "[{}] has no column \"{}\"; its columns are {}",
                    section.name,
                    clip(cell),
                    known().collect::<Vec<_>>().join(", ")
                ),
            });
        };
        if columns.contains(&Some(found)) {
            return Err(ImportError {
                line,
                column: Some((i + 1, found.into())),
                message: format!("the column \"{found}\" appears twice; keep one"),
            });
        }
        columns.push(Some(found));
    }
    if let Some(missing) = section.required.iter().find(|r| !columns.contains(&Some(**r))) {
        return Err(ImportError {
            line,
            column: None,
            message: format!(
                "the [{}] header has no \"{missing}\" column; the header row needs {}",
                section.name,
                section.required.join(", ")
            ),
        });
    }
    Ok(columns)
}

/// Long cells are cut in messages so one bad cell cannot flood the terminal.
pub(super) fn clip(s: &str) -> String {
    super::excerpt(s, 60)
}

fn build(sheet: &Sheet) -> Result<Dataset, ImportError> {
    let (story, languages) = read_story(sheet)?;
    let sources = sheet
        .rows("sources")
        .iter()
        .map(|r| {
            Ok(Source {
                id: r.text("id", "a short unique id")?,
                name: r.text("name", "the source's short name, printed under every chart")?,
                description: r.text("description", "what the source is")?,
                document: r.optional("document"),
                link: None,
            })
        })
        .collect::<Result<_, ImportError>>()?;
    let regions = sheet
        .rows("regions")
        .iter()
        .map(|r| {
            Ok(Region {
                id: r.text("id", "a short unique id")?,
                name: r.text("name", "the region's name")?,
                kind: choice(r, "kind", RegionKind::WORDS)?,
                color: r.text("color", "a colour such as #0072b2")?,
                geo: r.optional("geo"),
            })
        })
        .collect::<Result<_, ImportError>>()?;
    let figures = sheet.rows("figures").iter().map(read_figure).collect::<Result<_, _>>()?;
    let charts = sheet.rows("charts").iter().map(read_chart).collect::<Result<_, _>>()?;
    // Each language's texts, with the rows they came from for messages.
    let mut by_language: Table<Texts> = Table::default();
    for r in sheet.rows("translations") {
        let language = r.text("language", "a language code such as zh")?;
        let key = r.text("key", "the key of the text, such as story.title")?;
        let text = r.text("text", "the translated text")?;
        let (texts, rows) = by_language.entry(&language, Default::default);
        texts.push((key, text));
        rows.push(r);
    }
    let mut translations = Table::default();
    for (language, (texts, rows)) in by_language.into_entries() {
        let texts = Table::from_entries(texts).map_err(|i| {
            let key = rows[i].get("key");
            rows[i].err("key", format!("{language} has a second text for {key}; keep one"))
        })?;
        translations.set(language, texts);
    }
    Ok(Dataset {
        story,
        sources,
        regions,
        figures,
        indicators: Vec::new(),
        series: Vec::new(),
        charts,
        languages,
        translations,
        lang: crate::i18n::Lang::En,
    })
}

/// One language's (key, text) pairs, and the row each came from.
type Texts<'r> = (Vec<(String, String)>, Vec<&'r Row>);

fn read_story(sheet: &Sheet) -> Result<(Story, Vec<String>), ImportError> {
    let mut values: HashMap<&'static str, &Row> = HashMap::new();
    for r in sheet.rows("story") {
        let key = r.get("key");
        let Some(known) = STORY_KEYS.iter().find(|k| **k == key) else {
            return Err(r.err("key", format!("[story] has no key \"{}\"; use {}", clip(key), STORY_KEYS.join(", "))));
        };
        if let Some(first) = values.insert(known, r) {
            return Err(r.err("key", format!("\"{key}\" is given twice in [story] (first on line {})", first.line)));
        }
    }
    let at = sheet.marker_line("story");
    let need = |key: &str, what: &str| match values.get(key) {
        Some(r) => r.text("value", what),
        None => Err(ImportError {
            line: at,
            column: None,
            message: format!("[story] has no \"{key}\" row; add the row {key},<{what}>"),
        }),
    };
    let story = Story {
        id: need("id", "a short id for the story")?,
        title: need("title", "the story's title")?,
        dek: need("dek", "the line under the title")?,
        overview_heading: need("overview_heading", "the heading of the charts about no single region")?,
        map: values.get("map").and_then(|r| r.optional("value")),
        map_credit: None,
    };
    let languages = values.get("languages").map_or_else(Vec::new, |r| list(r.get("value")));
    Ok((story, languages))
}

fn read_figure(r: &Row) -> Result<Figure, ImportError> {
    Ok(Figure {
        id: r.text("id", "a short unique id")?,
        region: r.optional("region"),
        indicator: r.text("indicator", "what the figure measures")?,
        label: r.text("label", "the short label drawn by the mark")?,
        value: number(r.get("value")).map_err(|m| r.err("value", m))?,
        claim: r.optional("claim"),
        // Claims without a number have no unit.
        unit: r.get("unit").to_string(),
        qualifier: choice(r, "qualifier", Qualifier::WORDS)?,
        wording: r.optional("wording"),
        period: r.optional("period"),
        source: SourceRef {
            id: r.text("source", "the id of a row in [sources]")?,
            quote: r.text("quote", "the source's sentence that states the figure, word for word")?,
        },
    })
}

fn read_chart(r: &Row) -> Result<Chart, ImportError> {
    let endpoints = match (r.optional("start"), r.optional("end")) {
        (Some(a), Some(b)) => Some([a, b]),
        (None, None) => None,
        (Some(_), None) => return Err(r.err("end", "a chart with a start needs an end too".into())),
        (None, Some(_)) => return Err(r.err("start", "a chart with an end needs a start too".into())),
    };
    Ok(Chart {
        id: r.text("id", "a short unique id")?,
        kind: choice(r, "kind", ChartKind::WORDS)?,
        region: r.optional("region"),
        headline: r.text("headline", "a headline that states the finding")?,
        dek: r.text("dek", "what is measured, in what unit")?,
        figures: list(r.get("figures")),
        indicator: None,
        entities: Vec::new(),
        highlight: Vec::new(),
        scale: None,
        colors: None,
        times: Vec::new(),
        annotations: Vec::new(),
        note: r.optional("note"),
        endpoints,
        comparable: r.optional("comparable"),
    })
}

/// Ids in one cell, separated by spaces, commas or semicolons.
fn list(cell: &str) -> Vec<String> {
    cell.split([' ', ',', ';', '\n']).filter(|s| !s.is_empty()).map(str::to_string).collect()
}

/// An enumerated cell (`more than`, `More_Than`), one of the words the JSON format takes.
fn choice<T: Copy>(r: &Row, column: &str, words: &[(&str, T)]) -> Result<T, ImportError> {
    let word = r.get(column).to_lowercase().split_whitespace().collect::<Vec<_>>().join("_");
    words.iter().find(|(w, _)| *w == word).map(|(_, t)| *t).ok_or_else(|| {
        let list: Vec<String> = words.iter().map(|(w, _)| format!("`{w}`")).collect();
        r.err(column, format!("\"{}\" is not allowed here; expected one of {}", clip(r.get(column)), list.join(", ")))
    })
}

/// A number as an editor types it: `5230000`, `5,230,000` or `48.86667`; empty for none.
fn number(cell: &str) -> Result<Option<f64>, String> {
    if cell.is_empty() {
        return Ok(None);
    }
    let grouped = cell.contains(',') && {
        let int = cell.split('.').next().unwrap_or("");
        let mut groups = int.trim_start_matches('-').split(',');
        groups.next().is_some_and(|g| (1..=3).contains(&g.len()))
            && groups.all(|g| g.len() == 3 && g.bytes().all(|b| b.is_ascii_digit()))
    };
    let plain = if grouped { cell.replace(',', "") } else { cell.to_string() };
    if let Ok(v) = plain.parse::<f64>() {
        let digits_only = plain.bytes().all(|b| b.is_ascii_digit() || b"+-.eE".contains(&b));
        if v.is_finite() && digits_only {
            return Ok(Some(v));
        }
        return Err(format!("found \"{}\"; expected a finite number such as 5230000 or 48.5", clip(cell)));
    }
    let hint = if cell.ends_with('%') {
        format!("write {} and put % in the unit column", cell.trim_end_matches('%').trim())
    } else if let Some((n, word)) = cell.rsplit_once(' ').and_then(|(n, w)| Some((n.parse::<f64>().ok()?, w))) {
        let scale = match word.to_lowercase().as_str() {
            "thousand" => 1e3,
            "million" => 1e6,
            "billion" => 1e9,
            "trillion" => 1e12,
            _ => 0.0,
        };
        if scale > 0.0 {
            format!("write the number in full ({}) and the words as the source says them in wording", n * scale)
        } else {
            "write the number alone and the unit in the unit column".into()
        }
    } else if cell.contains(',') {
        "write decimals with a point (48.5) and thousands plainly or with commas (5,230,000)".into()
    } else {
        "write digits only, such as 5230000 or 48.5".into()
    };
    Err(format!("found \"{}\", which is not a number; {hint}", clip(cell)))
}

/// Turns a validation error's JSON path (`figures[3].value`) into the line and column of the sheet.
fn place(sheet: &Sheet, e: &DataError) -> ImportError {
    let (head, rest) = e.path.split_once('.').unwrap_or((e.path.as_str(), ""));
    let (section, index) = match head.split_once('[') {
        Some((s, i)) => (s, i.trim_end_matches(']').parse::<usize>().ok()),
        None => (head, None),
    };
    let field = rest.split(['.', '[']).next().unwrap_or("");
    let at_row = |r: &Row, column: &str| ImportError {
        line: r.line,
        column: r.cells.get(column).map(|(n, _)| (*n, column.to_string())),
        message: e.message.clone(),
    };
    let story_row = |key: &str| sheet.rows("story").iter().find(|r| r.get("key") == key);
    let found = match (section, index) {
        ("story", _) => story_row(field).map(|r| at_row(r, "value")),
        ("languages", _) => story_row("languages").map(|r| at_row(r, "value")),
        ("translations", _) => {
            sheet.rows("translations").iter().find(|r| r.get("language") == rest).map(|r| at_row(r, "language"))
        }
        (s, Some(i)) => sheet.rows(s).get(i).map(|r| {
            let column = match (s, field) {
                ("figures", "source") if rest.ends_with("quote") => "quote",
                ("charts", "endpoints") => "start",
                (_, f) => f,
            };
            at_row(r, column)
        }),
        _ => None,
    };
    found.unwrap_or_else(|| {
        let line = match section {
            "story" | "languages" => sheet.marker_line("story"),
            s if SECTIONS.iter().any(|x| x.name == s) => sheet.marker_line(s),
            _ => 0,
        };
        ImportError { line, column: None, message: e.message.clone() }
    })
}

/// Writes a dataset in the CSV layout, every column present, so it opens as a ready-made template.
pub fn to_csv(d: &Dataset) -> String {
    let mut rows: Vec<Vec<String>> = Vec::new();
    let header = |rows: &mut Vec<Vec<String>>, s: &Section| {
        if !rows.is_empty() {
            rows.push(Vec::new());
        }
        rows.push(vec![format!("[{}]", s.name)]);
        rows.push(s.required.iter().chain(s.optional).map(|c| (*c).to_string()).collect());
    };
    let opt = |o: &Option<String>| o.clone().unwrap_or_default();
    header(&mut rows, &SECTIONS[0]);
    let s = &d.story;
    for (k, v) in [
        ("id", s.id.clone()),
        ("title", s.title.clone()),
        ("dek", s.dek.clone()),
        ("overview_heading", s.overview_heading.clone()),
        ("map", opt(&s.map)),
        ("languages", d.languages.join(" ")),
    ] {
        if !v.is_empty() {
            rows.push(vec![k.into(), v]);
        }
    }
    header(&mut rows, &SECTIONS[1]);
    rows.extend(d.sources.iter().map(|s| vec![s.id.clone(), s.name.clone(), s.description.clone(), opt(&s.document)]));
    header(&mut rows, &SECTIONS[2]);
    rows.extend(
        d.regions
            .iter()
            .map(|r| vec![r.id.clone(), r.name.clone(), r.kind.word().to_string(), r.color.clone(), opt(&r.geo)]),
    );
    header(&mut rows, &SECTIONS[3]);
    rows.extend(d.figures.iter().map(|f| {
        vec![
            f.id.clone(),
            opt(&f.region),
            f.indicator.clone(),
            f.label.clone(),
            f.value.map(crate::host::number_text).unwrap_or_default(),
            f.unit.clone(),
            f.qualifier.word().to_string(),
            opt(&f.period),
            f.source.id.clone(),
            f.source.quote.clone(),
            opt(&f.wording),
            opt(&f.claim),
        ]
    }));
    header(&mut rows, &SECTIONS[4]);
    rows.extend(d.charts.iter().map(|c| {
        let [start, end] = c.endpoints.clone().unwrap_or_default();
        vec![
            c.id.clone(),
            c.kind.word().to_string(),
            opt(&c.region),
            c.headline.clone(),
            c.dek.clone(),
            c.figures.join(" "),
            opt(&c.note),
            start,
            end,
            opt(&c.comparable),
        ]
    }));
    if !d.translations.is_empty() {
        header(&mut rows, &SECTIONS[5]);
        for (lang, texts) in &d.translations {
            rows.extend(texts.iter().map(|(k, v)| vec![lang.clone(), k.clone(), v.clone()]));
        }
    }
    // An empty row is a blank line between sections; the writer would quote it as "".
    let mut out = String::new();
    for r in &rows {
        if r.is_empty() {
            out.push('\n');
            continue;
        }
        let mut w = ::csv::WriterBuilder::new().from_writer(Vec::new());
        // Writing to memory cannot fail.
        let _ = w.write_record(r);
        out.push_str(&String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_named_as_a_spreadsheet_names_them() {
        assert_eq!(letter(1), "A");
        assert_eq!(letter(26), "Z");
        assert_eq!(letter(27), "AA");
        assert_eq!(letter(53), "BA");
    }

    #[test]
    fn numbers_are_read_as_editors_type_them() {
        assert_eq!(number("5230000"), Ok(Some(5_230_000.0)));
        assert_eq!(number("5,230,000"), Ok(Some(5_230_000.0)));
        assert_eq!(number("-1,000.5"), Ok(Some(-1000.5)));
        assert_eq!(number("48.86667"), Ok(Some(48.86667)));
        assert_eq!(number("1e300"), Ok(Some(1e300)));
        assert_eq!(number(""), Ok(None));
        for (bad, hint) in [
            ("5.23 million", "5230000"),
            ("45%", "write 45 and put %"),
            ("5,23", "decimals with a point"),
            ("NaN", "finite"),
            ("inf", "finite"),
            ("1e999", "finite"),
            ("12,34,567", "decimals with a point"),
            ("about 5", "digits only"),
        ] {
            let m = number(bad).err().unwrap_or_default();
            assert!(m.contains(hint), "{bad}: {m}");
        }
    }
}
