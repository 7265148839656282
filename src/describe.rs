//! What a tooltip, an info panel, a table or a screen reader says about a mark or a chart, in words.

use crate::data::json::{object, Json};
use crate::data::{Chart, ChartKind, Dataset, Figure, Region};
use crate::format;
use crate::i18n::{self, Lang};
use crate::kinds::Input;
use crate::model::Mark;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct MarkInfo {
    /// `figure` or `region`.
    pub kind: &'static str,
    pub id: String,
    pub region: Option<String>,
    pub region_name: Option<String>,
    /// The region's name where the title does not already say it, for a table row or a tooltip that
    /// names the figure and then its region: never "Nuclear Energy (Nuclear Energy)".
    pub region_aside: Option<String>,
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

impl MarkInfo {
    /// What the page's script reads (the same field names as here).
    pub fn to_json(&self) -> Json {
        object(&[
            ("kind", self.kind.into()),
            ("id", (&self.id).into()),
            ("region", self.region.as_ref().into()),
            ("region_name", self.region_name.as_ref().into()),
            ("region_aside", self.region_aside.as_ref().into()),
            ("color", self.color.as_ref().into()),
            ("title", (&self.title).into()),
            ("value", (&self.value).into()),
            ("qualifier", (&self.qualifier).into()),
            ("unit", (&self.unit).into()),
            ("period", self.period.as_ref().into()),
            ("source", self.source.as_ref().into()),
            ("quote", self.quote.as_ref().into()),
            ("summary", self.summary.as_ref().into()),
            ("rect", Json::Arr(self.rect.iter().map(|v| Json::Num(*v)).collect())),
        ])
    }
}

/// A figure in words, for a table row or a tooltip (its `rect` is empty).
pub fn figure(d: &Dataset, f: &Figure) -> MarkInfo {
    let region = d.region_of(f);
    MarkInfo {
        kind: "figure",
        id: f.id.clone(),
        region: f.region.clone(),
        region_name: region.map(|r| r.name.clone()),
        region_aside: region.map(|r| r.name.clone()).filter(|name| !crate::model::text::says(&f.label, name)),
        color: region.map(|r| r.color.clone()),
        title: f.label.clone(),
        value: value_words(f, d.lang),
        qualifier: i18n::qualifier(f.qualifier, d.lang).to_string(),
        unit: f.unit.clone(),
        period: f.period.clone(),
        source: d.sources.iter().find(|s| s.id == f.source.id).map(|s| s.name.clone()),
        quote: Some(f.source.quote.clone()),
        summary: None,
        rect: [0.0; 4],
    }
}

pub(crate) fn value_words(f: &Figure, lang: Lang) -> String {
    match (&f.claim, f.value) {
        (Some(c), None) => c.clone(),
        _ => format::full(f, lang),
    }
}

/// The rows of a chart's table: its figures in order; for a map, its regions.
pub fn rows(d: &Dataset, c: &Chart) -> Vec<MarkInfo> {
    let figures = crate::model::chart_figures(d, c);
    c.kind.rows(&Input { d, chart: c, figures: &figures, map: None })
}

/// Marks beyond this many are summarised in a description rather than read one by one.
const LISTED: usize = 8;

/// The long description of a chart for screen readers: the finding, what is drawn, and the figures
/// with their qualifiers (summarised when there are many).
pub fn chart(d: &Dataset, c: &Chart) -> String {
    chart_of(d, c, &crate::model::chart_figures(d, c))
}

/// A figure as one item of a description: "Label: more than 5 million (2023)".
pub(crate) fn figure_item(d: &Dataset, f: &Figure) -> String {
    let zh = d.lang == Lang::Zh;
    let colon = if zh { "：" } else { ": " };
    let when = f.period.as_deref().map(|p| if zh { format!("（{p}）") } else { format!(" ({p})") }).unwrap_or_default();
    format!("{}{colon}{}{when}", f.label, value_words(f, d.lang))
}

/// `chart` with the chart's figures already looked up, for callers that describe every chart.
pub fn chart_of(d: &Dataset, c: &Chart, figures: &[&Figure]) -> String {
    let zh = d.lang == Lang::Zh;
    let input = Input { d, chart: c, figures, map: None };
    let (sep, stop) = if zh { ("；", "。") } else { ("; ", ".") };
    let headline = c.headline.trim_end_matches(['.', '。']);
    let mut parts = vec![format!("{headline}{stop}"), c.kind.what(c.kind.count(&input), d.lang)];
    let items = c.kind.items(&input);
    if items.len() > LISTED {
        let more = items.len() - LISTED;
        let rest = if zh { format!("{sep}另有{more}项{stop}") } else { format!("{sep}and {more} more{stop}") };
        parts.push(format!("{}{rest}", items[..LISTED].join(sep)));
    } else if !items.is_empty() {
        parts.push(format!("{}{stop}", items.join(sep)));
    }
    if let Some(note) = crate::model::key::note(&input) {
        parts.push(note);
    }
    if c.kind != ChartKind::Map {
        parts.push(format!("{}{stop}", crate::model::chart_source(d, c, figures, None)));
    }
    parts.join(if zh { "" } else { " " })
}

/// A drawn mark in words, with where it is drawn.
pub fn mark(d: &Dataset, m: &Mark) -> MarkInfo {
    let rect = [m.rect.x, m.rect.y, m.rect.w, m.rect.h];
    if let Some(f) = d.figure(&m.id) {
        return MarkInfo { rect, ..figure(d, f) };
    }
    match d.regions.iter().find(|r| r.id == m.id) {
        Some(r) => MarkInfo { rect, ..region_info(d, r) },
        // Validation ties every mark to a figure or region; a stale id still says what it is.
        None => MarkInfo { kind: "figure", id: m.id.clone(), title: m.id.clone(), rect, ..MarkInfo::default() },
    }
}

/// A region in words: its name, its kind, and how much of the story is about it.
pub(crate) fn region_info(d: &Dataset, r: &Region) -> MarkInfo {
    let charts = d.charts.iter().filter(|c| c.region.as_deref() == Some(&r.id)).count();
    let figures = d.figures.iter().filter(|f| f.region.as_deref() == Some(&r.id)).count();
    MarkInfo {
        kind: "region",
        id: r.id.clone(),
        region: Some(r.id.clone()),
        region_name: Some(r.name.clone()),
        region_aside: None,
        color: Some(r.color.clone()),
        title: r.name.clone(),
        value: i18n::region_kind(r.kind, d.lang).to_string(),
        qualifier: String::new(),
        unit: String::new(),
        period: None,
        source: None,
        quote: None,
        summary: Some(i18n::region_summary(figures, charts, d.lang)),
        rect: [0.0; 4],
    }
}
