//! The page's outline: one section for the overview and one per region, each listing its charts.

use crate::data::json::{object, Json};
use crate::data::{ChartKind, Dataset, Figure};
use crate::geo::GeoMap;

use crate::kinds::cards::CardText;

#[derive(Debug, Clone, PartialEq)]
pub struct Outline {
    pub title: String,
    pub dek: String,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Section {
    /// The region id, or `overview`.
    pub id: String,
    pub heading: String,
    /// "Province", "Autonomous region"; empty for the overview.
    pub kind: String,
    /// The region's colour, `#rrggbb`; empty for the overview.
    pub color: String,
    pub charts: Vec<ChartEntry>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ChartEntry {
    pub id: String,
    pub kind: ChartKind,
    /// True where the chart takes the column's whole width on a wide page.
    pub wide: bool,
    /// The headline, written above the canvas and used as its accessible name.
    pub headline: String,
    pub dek: String,
    /// Written under the canvas: a note on units or bounds, and where the figures come from.
    pub note: Option<String>,
    pub source: String,
    /// The long description read by screen readers: the finding, what is drawn, every figure in words
    /// (empty for cards, whose words are the page's).
    pub description: String,
    /// A chart of big-number cards is written as HTML, not drawn: its cards, in order. Empty for other kinds.
    pub cards: Vec<CardEntry>,
    /// The times a chart that shows one at a time (a choropleth) steps through on the page's
    /// slider: each as the address writes it and as a reader reads it. Empty for other kinds.
    pub slider: Vec<(String, String)>,
}

/// One big-number card as the page writes it.
#[derive(Debug, Clone, PartialEq)]
pub struct CardEntry {
    pub figure: String,
    pub region: Option<String>,
    /// The region's colour, `#rrggbb`; empty for a figure of no region (the page's context grey).
    pub color: String,
    pub text: CardText,
}

impl Outline {
    /// The outline as the page's script reads it (the same field names as here).
    pub fn to_json(&self) -> Json {
        let opt = |s: &Option<String>| s.as_ref().map_or(Json::Null, Into::into);
        let card = |c: &CardEntry| {
            object(&[
                ("figure", (&c.figure).into()),
                ("region", opt(&c.region)),
                ("color", (&c.color).into()),
                ("qualifier", opt(&c.text.qualifier)),
                ("value", (&c.text.value).into()),
                ("label", opt(&c.text.label)),
                ("period", opt(&c.text.period)),
            ])
        };
        let chart = |c: &ChartEntry| {
            object(&[
                ("id", (&c.id).into()),
                ("kind", c.kind.word().into()),
                ("wide", Json::Bool(c.wide)),
                ("timed", Json::Bool(c.kind.timed())),
                ("layered", Json::Bool(c.kind.layered())),
                ("headline", (&c.headline).into()),
                ("dek", (&c.dek).into()),
                ("note", opt(&c.note)),
                ("source", (&c.source).into()),
                ("description", (&c.description).into()),
                ("cards", Json::Arr(c.cards.iter().map(card).collect())),
                (
                    "slider",
                    Json::Arr(
                        c.slider
                            .iter()
                            .map(|(at, label)| object(&[("at", at.into()), ("label", label.into())]))
                            .collect(),
                    ),
                ),
            ])
        };
        let section = |s: &Section| {
            object(&[
                ("id", (&s.id).into()),
                ("heading", (&s.heading).into()),
                ("kind", (&s.kind).into()),
                ("color", (&s.color).into()),
                ("charts", Json::Arr(s.charts.iter().map(chart).collect())),
            ])
        };
        object(&[
            ("title", (&self.title).into()),
            ("dek", (&self.dek).into()),
            ("sections", Json::Arr(self.sections.iter().map(section).collect())),
        ])
    }
}

/// Sections in reading order: the overview first (if it has charts), then regions as the dataset lists them.
/// Regions without charts get no section. `map` is the story's boundaries, credited under the map.
pub fn outline(d: &Dataset, map: Option<&GeoMap>) -> Outline {
    // Every chart's figures by id from one index: with thousands of figures, a scan per id is quadratic.
    let by_id = crate::data::table::Ids::new(d.figures.iter().map(|f| f.id.as_str()));
    let entries = |region: Option<&str>| -> Vec<ChartEntry> {
        d.charts
            .iter()
            .filter(|c| c.region.as_deref() == region)
            .map(|c| {
                let figures: Vec<_> =
                    c.figures.iter().filter_map(|id| by_id.position(id).map(|at| &d.figures[at])).collect();
                // Cards are read out by their own words, which the page writes: no long description.
                let (description, cards) = if c.kind == ChartKind::Cards {
                    (String::new(), cards(d, &figures))
                } else {
                    (crate::describe::chart_of(d, c, &figures), Vec::new())
                };
                let input = crate::kinds::Input { d, chart: c, figures: &figures, map };
                // Only charts of series have a slider: the engine for stories of figures leaves
                // out the writing of times (0.9 kB of its wasm).
                let slider = if cfg!(feature = "series") {
                    c.kind.slider(&input).into_iter().map(|t| (t.to_string(), t.label(d.lang))).collect()
                } else {
                    Vec::new()
                };
                ChartEntry {
                    id: c.id.clone(),
                    kind: c.kind,
                    wide: c.kind.wide(c),
                    headline: c.headline.clone(),
                    dek: c.dek.clone(),
                    note: super::key::note(&input),
                    source: super::chart_source(d, c, &figures, map),
                    description,
                    cards,
                    slider,
                }
            })
            .collect()
    };
    let mut sections = Vec::new();
    let overview = entries(None);
    if !overview.is_empty() {
        sections.push(Section {
            id: "overview".into(),
            heading: d.story.overview_heading.clone(),
            kind: String::new(),
            color: String::new(),
            charts: overview,
        });
    }
    for r in &d.regions {
        let charts = entries(Some(&r.id));
        if !charts.is_empty() {
            sections.push(Section {
                id: r.id.clone(),
                heading: r.name.clone(),
                kind: crate::i18n::region_kind(r.kind, d.lang).into(),
                color: r.color.clone(),
                charts,
            });
        }
    }
    Outline { title: d.story.title.clone(), dek: d.story.dek.clone(), sections }
}

fn cards(d: &Dataset, figures: &[&Figure]) -> Vec<CardEntry> {
    figures
        .iter()
        .map(|f| CardEntry {
            figure: f.id.clone(),
            region: f.region.clone(),
            color: d.region_of(f).map(|r| r.color.clone()).unwrap_or_default(),
            text: CardText::of(d, f),
        })
        .collect()
}
