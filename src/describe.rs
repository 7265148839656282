//! What a tooltip, an info panel, a table or a screen reader says about a mark or a chart, in words.

use serde::Serialize;

use crate::data::{Chart, ChartKind, Dataset, Figure, Qualifier, Region};
use crate::format;
use crate::model::Mark;

#[derive(Debug, Clone, Default, Serialize, PartialEq)]
pub struct MarkInfo {
    /// `figure` or `region`.
    pub kind: &'static str,
    pub id: String,
    pub region: Option<String>,
    pub region_name: Option<String>,
    /// The region's colour, `#rrggbb`, for the tooltip's swatch.
    pub color: Option<String>,
    /// The figure's label, or the region's name.
    pub title: String,
    /// The figure in full words with its qualifier and unit ("more than 200 countries and regions"),
    /// or the region's kind.
    pub value: String,
    /// The qualifier in words, empty for exact figures.
    pub qualifier: String,
    pub unit: String,
    pub period: Option<String>,
    pub source: Option<String>,
    /// The source's sentence, word for word.
    pub quote: Option<String>,
    /// For regions: how many charts and figures its section holds.
    pub summary: Option<String>,
    /// The mark's drawn box in CSS pixels: x, y, width, height.
    pub rect: [f64; 4],
}

/// A figure in words, for a table row or a tooltip (its `rect` is empty).
pub fn figure(d: &Dataset, f: &Figure) -> MarkInfo {
    let region = f.region.as_ref().and_then(|id| d.regions.iter().find(|r| &r.id == id));
    MarkInfo {
        kind: "figure",
        id: f.id.clone(),
        region: f.region.clone(),
        region_name: region.map(|r| r.name.clone()),
        color: region.map(|r| r.color.clone()),
        title: f.label.clone(),
        value: value_words(f),
        qualifier: if f.qualifier == Qualifier::Exact { String::new() } else { f.qualifier.words().to_string() },
        unit: f.unit.clone(),
        period: f.period.clone(),
        source: d.sources.iter().find(|s| s.id == f.source.id).map(|s| s.name.clone()),
        quote: Some(f.source.quote.clone()),
        summary: None,
        rect: [0.0; 4],
    }
}

fn value_words(f: &Figure) -> String {
    match (&f.claim, f.value) {
        (Some(c), None) => c.clone(),
        _ => format::full(f),
    }
}

/// The rows of a chart's table: its figures in order; for a map, its regions.
pub fn rows(d: &Dataset, c: &Chart) -> Vec<MarkInfo> {
    if c.kind == ChartKind::Map {
        return d.regions.iter().map(|r| region_info(d, r)).collect();
    }
    crate::model::chart_figures(d, c).into_iter().map(|f| figure(d, f)).collect()
}

/// Marks beyond this many are summarised in a description rather than read one by one.
const LISTED: usize = 8;

/// The long description of a chart for screen readers: the finding, what is drawn, and the figures
/// with their qualifiers (summarised when there are many).
pub fn chart(d: &Dataset, c: &Chart) -> String {
    let figures = crate::model::chart_figures(d, c);
    let what = match c.kind {
        ChartKind::Bars => format!("Bar chart of {} figures, bars from zero.", figures.len()),
        ChartKind::Periods => format!("Column chart across {} periods, from zero.", figures.len()),
        ChartKind::Share => "One bar standing for 100%, filled to the share.".to_string(),
        ChartKind::Multiple => "Two bars drawn to scale: the start of the period and its end.".to_string(),
        ChartKind::Cards => {
            format!("{} figure{} shown as big numbers.", figures.len(), if figures.len() == 1 { "" } else { "s" })
        }
        ChartKind::Map => {
            "Map of the regions, each in its own colour; select a region to explore its figures.".to_string()
        }
    };
    let mut parts = vec![format!("{}.", c.headline.trim_end_matches('.')), what];
    let items: Vec<String> = if c.kind == ChartKind::Map {
        d.regions.iter().map(|r| format!("{} ({})", r.name, r.kind.label().to_lowercase())).collect()
    } else if c.kind == ChartKind::Multiple {
        let (start, end) = c.endpoints.clone().map_or(("Start".into(), "End".into()), |[a, b]| (a, b));
        figures.iter().map(|f| format!("{start}: 1×; {end}: {}", value_words(f))).collect()
    } else {
        figures
            .iter()
            .map(|f| {
                let when = f.period.as_deref().map(|p| format!(" ({p})")).unwrap_or_default();
                format!("{}: {}{when}", f.label, value_words(f))
            })
            .collect()
    };
    if items.len() > LISTED {
        parts.push(format!("{}; and {} more.", items[..LISTED].join("; "), items.len() - LISTED));
    } else if !items.is_empty() {
        parts.push(format!("{}.", items.join("; ")));
    }
    if figures.iter().any(|f| f.qualifier.is_lower_bound()) {
        parts.push("Figures reported as “more than” are lower bounds: the true values are higher.".into());
    }
    if figures.iter().any(|f| f.qualifier.is_approximate()) {
        parts.push("Approximate figures are drawn with a softened edge.".into());
    }
    if let Some(note) = &c.note {
        parts.push(note.clone());
    }
    let sources = crate::model::source_line(d, &figures);
    if c.kind != ChartKind::Map {
        parts.push(format!("{sources}."));
    }
    parts.join(" ")
}

/// A drawn mark in words, with where it is drawn.
pub fn mark(d: &Dataset, m: &Mark) -> MarkInfo {
    let rect = [m.rect.x, m.rect.y, m.rect.w, m.rect.h];
    if let Some(f) = d.figures.iter().find(|f| f.id == m.id) {
        return MarkInfo { rect, ..figure(d, f) };
    }
    match d.regions.iter().find(|r| r.id == m.id) {
        Some(r) => MarkInfo { rect, ..region_info(d, r) },
        // Validation ties every mark to a figure or region; a stale id still says what it is.
        None => MarkInfo { kind: "figure", id: m.id.clone(), title: m.id.clone(), rect, ..MarkInfo::default() },
    }
}

/// A region in words: its name, its kind, and how much of the story is about it.
fn region_info(d: &Dataset, r: &Region) -> MarkInfo {
    let charts = d.charts.iter().filter(|c| c.region.as_deref() == Some(&r.id)).count();
    let figures = d.figures.iter().filter(|f| f.region.as_deref() == Some(&r.id)).count();
    MarkInfo {
        kind: "region",
        id: r.id.clone(),
        region: Some(r.id.clone()),
        region_name: Some(r.name.clone()),
        color: Some(r.color.clone()),
        title: r.name.clone(),
        value: r.kind.label().to_string(),
        qualifier: String::new(),
        unit: String::new(),
        period: None,
        source: None,
        quote: None,
        summary: Some(format!(
            "{figures} figure{} in {charts} chart{}",
            if figures == 1 { "" } else { "s" },
            if charts == 1 { "" } else { "s" }
        )),
        rect: [0.0; 4],
    }
}
