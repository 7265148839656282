//! The editor's rules, in plain Rust: a pasted sheet as a grid and back, a grid to a story (kept
//! edits merged in), the chart kinds each chart may take, and what fails of the regions' colours.

use std::collections::HashSet;

use crate::data::csv::{to_csv, ImportError};
use crate::data::import::{delimiter, from_table};
use crate::data::{Chart, ChartKind, Dataset};
use crate::geo::MapData;
use crate::i18n::Lang;
use crate::time::Time;

/// Rows of a grid: text cells, as the sheet gives them.
pub type Rows = Vec<Vec<String>>;

/// A problem of the grid, placed on its cell where one is at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CellError {
    /// 0-based row of the grid; `None` for the table as a whole.
    pub row: Option<usize>,
    /// 0-based column, when one cell is at fault.
    pub column: Option<usize>,
    /// The importer's message, as the CLI prints it.
    pub message: String,
}

/// The cells of a pasted or opened table (tab-, `;`- or comma-separated, as the importer tells
/// them apart), every row as long as the longest.
pub fn cells(text: &str) -> Result<Rows, CellError> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    // The section layout is always comma-separated; its first line is a `[story]` marker.
    let delimiter = if first.trim_start().starts_with('[') { b',' } else { delimiter(first) };
    let mut reader =
        ::csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(delimiter).from_reader(text.as_bytes());
    let mut rows: Rows = Vec::new();
    for (i, record) in reader.records().enumerate() {
        let record = record.map_err(|e| CellError {
            row: Some(i),
            column: None,
            message: format!("not readable as a table: {e}; copy the cells again, or save the sheet as CSV (UTF-8)"),
        })?;
        rows.push(record.iter().map(str::to_string).collect());
    }
    let width = rows.iter().map(Vec::len).max().unwrap_or(0);
    for row in &mut rows {
        row.resize(width, String::new());
    }
    Ok(rows)
}

/// The grid as CSV text, with the line each row starts on (1-based), to place the importer's
/// messages back on their cells.
pub fn to_text(rows: &[Vec<String>]) -> (String, Vec<u64>) {
    let mut w = ::csv::WriterBuilder::new().flexible(true).from_writer(Vec::new());
    let mut starts = Vec::with_capacity(rows.len());
    let (mut line, mut written) = (1, 0);
    for row in rows {
        starts.push(line);
        // Writing to memory cannot fail; a row that somehow could not be written is left out.
        let _ = w.write_record(row.iter().map(|c| c.trim_end_matches(['\r', '\n'])));
        let _ = w.flush();
        let out = w.get_ref();
        line += out.get(written..).map_or(0, |new| String::from_utf8_lossy(new).matches('\n').count()) as u64;
        written = out.len();
    }
    let bytes = w.into_inner().unwrap_or_default();
    (String::from_utf8(bytes).unwrap_or_default(), starts)
}

/// The grid read as the CLI's `data import` reads a file, with its problem placed on its cell.
pub fn import(rows: &[Vec<String>], name: &str) -> Result<Dataset, CellError> {
    let (text, starts) = to_text(rows);
    from_table(&text, name).map_err(|e| placed(&e, &starts))
}

fn placed(e: &ImportError, starts: &[u64]) -> CellError {
    let row = (e.line > 0).then(|| starts.partition_point(|s| *s <= e.line).checked_sub(1)).flatten();
    CellError { row, column: e.column.as_ref().map(|(n, _)| n.saturating_sub(1)), message: e.to_string() }
}

/// A story as a grid to edit: a story of stated figures as the section sheet (which holds it
/// whole), a story of series as a long table (entity, code, time, indicator, value, unit).
pub fn rows_of(d: &Dataset) -> Rows {
    if d.series.is_empty() {
        return cells(&to_csv(d)).unwrap_or_default();
    }
    let mut rows = vec![["entity", "code", "time", "indicator", "value", "unit"].map(String::from).to_vec()];
    for s in &d.series {
        let (Some(region), Some(x)) = (d.regions.iter().find(|r| r.id == s.entity), d.indicator(&s.indicator)) else {
            continue;
        };
        for (t, v) in s.points() {
            rows.push(vec![
                region.name.clone(),
                region.geo.clone().unwrap_or_default(),
                t.label(Lang::En),
                x.name.clone(),
                v.map(|v| v.to_string()).unwrap_or_default(),
                x.unit.clone(),
            ]);
        }
    }
    rows
}

/// The story read afresh from the grid, keeping what the editor wrote on the one before
/// (`previous`): its texts, sources, charts and translations, and the ids, colours and names of
/// the regions and indicators it already had, matched by name.
pub fn merge(mut fresh: Dataset, previous: &Dataset) -> Dataset {
    // A section sheet holds the whole story: only the translations it does not carry are kept.
    let whole = fresh.series.is_empty() && fresh.indicators.is_empty();
    if fresh.translations.is_empty() {
        fresh.languages.clone_from(&previous.languages);
        fresh.translations = previous.translations.clone();
    }
    if whole {
        return fresh;
    }
    fresh.story = previous.story.clone();
    for r in &mut fresh.regions {
        if let Some(old) = previous.regions.iter().find(|o| o.name == r.name) {
            for s in &mut fresh.series {
                if s.entity == r.id {
                    s.entity.clone_from(&old.id);
                }
            }
            *r = old.clone();
        }
    }
    for x in &mut fresh.indicators {
        if let Some(old) = previous.indicators.iter().find(|o| o.name == x.name || o.id == x.id) {
            for s in &mut fresh.series {
                if s.indicator == x.id {
                    s.indicator.clone_from(&old.id);
                }
            }
            for c in &mut fresh.charts {
                if c.indicator.as_ref() == Some(&x.id) {
                    c.indicator = Some(old.id.clone());
                }
            }
            let unit = if x.unit.is_empty() { old.unit.clone() } else { x.unit.clone() };
            *x = old.clone();
            x.unit = unit;
        }
    }
    let used: HashSet<&str> = fresh.indicators.iter().map(|x| x.source.as_str()).collect();
    let mut sources = previous.sources.clone();
    sources.retain(|s| used.contains(s.id.as_str()));
    for s in &fresh.sources {
        if used.contains(s.id.as_str()) && !sources.iter().any(|o| o.id == s.id) {
            sources.push(s.clone());
        }
    }
    fresh.sources = sources;
    // Charts of the previous story that still have their indicator; an indicator new to the
    // story gets the importer's chart (one the story had and left uncharted stays so).
    let kept: Vec<Chart> = previous
        .charts
        .iter()
        .filter(|c| c.indicator.as_ref().is_some_and(|i| fresh.indicators.iter().any(|x| &x.id == i)))
        .cloned()
        .collect();
    let new: Vec<Chart> = fresh
        .charts
        .iter()
        .filter(|c| c.indicator.as_ref().is_some_and(|i| !previous.indicators.iter().any(|x| &x.id == i)))
        .filter(|c| !kept.iter().any(|k| k.id == c.id))
        .cloned()
        .collect();
    fresh.charts = kept.into_iter().chain(new).collect();
    fresh
}

/// A chart kind that fits an indicator, and why (what it shows).
#[derive(Debug, Clone, PartialEq)]
pub struct Proposal {
    pub kind: ChartKind,
    /// The periods the kind shows, where it takes some: a slope's first and last, bars' latest.
    pub times: Vec<Time>,
    pub why: String,
}

/// The kinds that fit the series of indicator `id`: a line where there are several times, a
/// slope where there are two or more, small multiples for several entities over time, a
/// choropleth where `map` has shapes for the entities, bars of the latest time. Best first.
pub fn proposals(d: &Dataset, id: &str, map: Option<&MapData>) -> Vec<Proposal> {
    let series: Vec<_> = d.series_of(id).collect();
    let mut times: Vec<Time> =
        series.iter().flat_map(|s| s.points().iter().filter(|p| p.1.is_some()).map(|p| p.0)).collect();
    times.sort();
    times.dedup();
    let (Some(first), Some(last)) = (times.first().copied(), times.last().copied()) else { return Vec::new() };
    let label = |t: Time| t.label(Lang::En);
    let mut out = Vec::new();
    if times.len() >= 3 {
        out.push(Proposal {
            kind: ChartKind::Line,
            times: Vec::new(),
            why: format!("a line over time, {} to {}", label(first), label(last)),
        });
    }
    if times.len() >= 2 {
        out.push(Proposal {
            kind: ChartKind::Slope,
            times: vec![first, last],
            why: format!("a slope from {} to {}", label(first), label(last)),
        });
    }
    if times.len() >= 3 && (2..=48).contains(&series.len()) {
        out.push(Proposal {
            kind: ChartKind::SmallMultiples,
            times: Vec::new(),
            why: format!("one small panel for each of the {} entities", series.len()),
        });
    }
    let shaped = map.map_or(0, |m| {
        series
            .iter()
            .filter_map(|s| d.regions.iter().find(|r| r.id == s.entity)?.geo.as_deref())
            .filter(|g| m.regions.iter().any(|shape| shape.id == *g))
            .count()
    });
    if shaped > 0 {
        out.push(Proposal {
            kind: ChartKind::Choropleth,
            times: Vec::new(),
            why: format!("a map coloured by value: {shaped} of {} entities have a shape", series.len()),
        });
    }
    out.push(Proposal {
        kind: ChartKind::Bars,
        times: vec![last],
        why: format!("bars of every entity in {}", label(last)),
    });
    out
}

/// Kinds of stated figures, with what each shows.
const FIGURE_KINDS: [(ChartKind, &str); 5] = [
    (ChartKind::Bars, "bars from zero, one per figure"),
    (ChartKind::Periods, "columns side by side, oldest period first"),
    (ChartKind::Share, "one bar of 100% with the stated share: for a part of a whole only"),
    (ChartKind::Multiple, "the start and the end drawn to scale"),
    (ChartKind::Cards, "big-number cards"),
];

/// The kinds chart `i` of story `d` may take, best first: for a chart of series the kinds that fit
/// its data ([`proposals`]), for a chart of stated figures the kinds whose rules its figures meet.
/// Each is checked by the loader's own rules (the story with that chart changed must validate), so
/// a kind is never offered that the page would refuse.
pub fn chart_proposals(d: &Dataset, i: usize, map: Option<&MapData>) -> Vec<Proposal> {
    let Some(c) = d.charts.get(i) else { return Vec::new() };
    // The translations are left out of the trial: the editor lists the texts of the story as
    // it becomes (a dropped annotation's text is then no longer asked for).
    let mut tried = d.clone();
    tried.translations.clear();
    tried.languages.clear();
    let fits = |kind: ChartKind, times: &[Time]| {
        let mut tried = tried.clone();
        tried.charts[i] = made(c, kind, times.to_vec());
        crate::data::validate(&tried).is_ok()
    };
    match c.indicator.as_deref() {
        Some(id) => proposals(d, id, map)
            .into_iter()
            .filter(|p| fits(p.kind, &p.times))
            .map(|mut p| {
                if p.kind != ChartKind::Line && !c.annotations.is_empty() {
                    p.why.push_str(" (its annotations go: only line charts draw them)");
                }
                p
            })
            .collect(),
        None if c.kind == ChartKind::Map => Vec::new(),
        None => FIGURE_KINDS
            .iter()
            .filter(|(kind, _)| *kind == c.kind || fits(*kind, &c.times))
            .map(|(kind, why)| Proposal { kind: *kind, times: c.times.clone(), why: (*why).to_string() })
            .collect(),
    }
}

/// A story read afresh with each chart of series in the first kind that fits its data where the
/// importer's kind does not (a line over two years is a slope), so that what the editor shows
/// first is what it proposes.
pub fn fit_kinds(d: &mut Dataset) {
    for i in 0..d.charts.len() {
        if d.charts[i].indicator.is_none() {
            continue;
        }
        let offered = chart_proposals(d, i, None);
        if offered.iter().any(|p| p.kind == d.charts[i].kind) {
            continue;
        }
        if let Some(best) = offered.into_iter().next() {
            d.charts[i] = made(&d.charts[i], best.kind, best.times);
        }
    }
}

/// Chart `c` turned into `kind`, with the periods that kind shows (see [`proposals`]); the
/// choropleth's colours and the other kinds' settings are left to their defaults, and a kind other
/// than a line loses the annotations only lines draw.
pub fn retarget(d: &Dataset, c: &Chart, kind: ChartKind, map: Option<&MapData>) -> Chart {
    // A chart of stated figures keeps its periods; one of series takes those its new kind shows.
    let times = match c.indicator.as_deref() {
        Some(id) => proposals(d, id, map).into_iter().find(|p| p.kind == kind).map(|p| p.times).unwrap_or_default(),
        None => c.times.clone(),
    };
    made(c, kind, times)
}

/// Chart `c` as a `kind` showing `times`: the periods already worked out, so that trying every
/// kind on a chart reads its series once, not once a kind.
fn made(c: &Chart, kind: ChartKind, times: Vec<Time>) -> Chart {
    let mut out = c.clone();
    out.kind = kind;
    out.times = times;
    if kind != ChartKind::Choropleth {
        out.colors = None;
    }
    // Only a line draws annotations (the loader refuses them elsewhere).
    if kind != ChartKind::Line {
        out.annotations.clear();
    }
    out
}

/// What fails among the regions' colours, in words for the editor: each drawn colour needs 3:1
/// against the light and the dark page (marks, WCAG 1.4.11), and every two must stay apart (ΔE 10,
/// the story tests' rule) for normal, protan, deutan and tritan vision. Grey context is not checked.
pub fn colour_problems(d: &Dataset) -> Vec<String> {
    use crate::theme::{Rgb, Theme, CONTEXT_GREY};
    use crate::vision::{difference, Deficiency};
    let mut out = Vec::new();
    let mut drawn: Vec<(&str, &str, Rgb)> = Vec::new();
    for r in &d.regions {
        if r.color.eq_ignore_ascii_case(CONTEXT_GREY) {
            continue;
        }
        let Some(c) = Rgb::from_hex(&r.color) else {
            out.push(format!("{}: \"{}\" is not a colour; write it as #rrggbb", r.name, r.color));
            continue;
        };
        for (page, theme) in [("light", Theme::LIGHT), ("dark", Theme::DARK)] {
            let ratio = c.contrast(theme.background);
            if ratio < 3.0 {
                out.push(format!(
                    "{} ({}) has {ratio:.1}:1 contrast on the {page} page, under the 3:1 marks need; choose a {} colour",
                    r.name,
                    r.color,
                    if page == "light" { "darker" } else { "lighter" }
                ));
            }
        }
        drawn.push((&r.name, &r.color, c));
    }
    let visions = [
        (None, "every reader"),
        (Some(Deficiency::Protanopia), "readers with protanopia"),
        (Some(Deficiency::Deuteranopia), "readers with deuteranopia"),
        (Some(Deficiency::Tritanopia), "readers with tritanopia"),
    ];
    for (i, (a, ha, ca)) in drawn.iter().enumerate() {
        for (b, hb, cb) in drawn.iter().skip(i + 1) {
            // The first vision they fail for is enough to say: the fix is the same.
            if let Some((de, who)) =
                visions.iter().map(|(v, who)| (difference(*ca, *cb, *v), who)).find(|(de, _)| *de < 10.0)
            {
                out.push(format!(
                    "{a} ({ha}) and {b} ({hb}) look alike to {who} (ΔE {de:.1}, under the 10 that keeps them apart); choose colours further apart"
                ));
            }
        }
    }
    out
}
