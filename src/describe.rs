//! What a tooltip, an info panel or a screen-reader announcement says about a mark, in words.

use serde::Serialize;

use crate::data::{Dataset, Qualifier};
use crate::format;
use crate::model::Mark;

#[derive(Debug, Clone, Serialize, PartialEq)]
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

pub fn mark(d: &Dataset, m: &Mark) -> MarkInfo {
    let region = m.region.as_ref().and_then(|id| d.regions.iter().find(|r| &r.id == id));
    let rect = [m.rect.x, m.rect.y, m.rect.w, m.rect.h];
    let base = MarkInfo {
        kind: "figure",
        id: m.id.clone(),
        region: m.region.clone(),
        region_name: region.map(|r| r.name.clone()),
        color: region.map(|r| r.color.clone()),
        title: String::new(),
        value: String::new(),
        qualifier: String::new(),
        unit: String::new(),
        period: None,
        source: None,
        quote: None,
        summary: None,
        rect,
    };
    if let Some(f) = d.figures.iter().find(|f| f.id == m.id) {
        let source = d.sources.iter().find(|s| s.id == f.source.id).map(|s| s.name.clone());
        let value = match (&f.claim, f.value) {
            (Some(c), None) => c.clone(),
            _ => format::full(f),
        };
        return MarkInfo {
            title: f.label.clone(),
            value,
            qualifier: if f.qualifier == Qualifier::Exact { String::new() } else { f.qualifier.words().to_string() },
            unit: f.unit.clone(),
            period: f.period.clone(),
            source,
            quote: Some(f.source.quote.clone()),
            ..base
        };
    }
    if let Some(r) = region.filter(|r| r.id == m.id) {
        let charts = d.charts.iter().filter(|c| c.region.as_deref() == Some(&r.id)).count();
        let figures = d.figures.iter().filter(|f| f.region.as_deref() == Some(&r.id)).count();
        return MarkInfo {
            kind: "region",
            title: r.name.clone(),
            value: r.kind.label().to_string(),
            summary: Some(format!(
                "{figures} figure{} in {charts} chart{}",
                if figures == 1 { "" } else { "s" },
                if charts == 1 { "" } else { "s" }
            )),
            ..base
        };
    }
    MarkInfo { title: m.id.clone(), ..base }
}
