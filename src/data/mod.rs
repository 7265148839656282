//! The types of a story dataset and the entry points that load and check one.

/// The spreadsheet (CSV) layout: the CLI and the editor; the page reads JSON.
#[cfg(any(not(target_arch = "wasm32"), feature = "editor"))]
pub mod csv;
/// Series files (Our World in Data, wide and long tables) to a working story: the CLI and the editor.
#[cfg(any(not(target_arch = "wasm32"), feature = "editor"))]
pub mod import;
pub mod json;
pub mod localize;
pub mod quotes;
mod read;
mod series;
pub mod table;
mod validate;
mod validate_series;

use std::fmt;

use serde::Serialize;

use table::Table;

pub use crate::kinds::ChartKind;
use crate::time::Time;
pub use series::{Annotation, AnnotationKind, Colors, Indicator, ScaleKind, Scheme, Series};
pub use validate::validate;

/// One story: its words, the regions it covers, the figures it states and the charts that show them.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Dataset {
    pub story: Story,
    pub sources: Vec<Source>,
    pub regions: Vec<Region>,
    pub figures: Vec<Figure>,
    /// What the series measure: name, unit, decimals and source of each indicator.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    /// Values of an indicator for one entity over time.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub series: Vec<Series>,
    pub charts: Vec<Chart>,
    /// Languages the story is written in, its own first; every other one needs all its texts in
    /// `translations`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    /// For each further language, its text for every translatable field, by key such as
    /// `charts.reach.headline` (see `data::localize::keys`).
    #[serde(default, skip_serializing_if = "Table::is_empty")]
    pub translations: Table<Table<String>>,
    /// The language the texts above are in now; set by `localize`, never read from the file.
    #[serde(skip)]
    pub lang: crate::i18n::Lang,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Story {
    pub id: String,
    pub title: String,
    pub dek: String,
    /// Heading of the section that holds charts not tied to one region.
    pub overview_heading: String,
    /// The boundaries file for `map` charts, relative to this dataset's address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub map: Option<String>,
    /// The map's credit line in the current language, from the translation key `map.attribution`;
    /// without it the map file's own attribution is shown.
    #[serde(skip)]
    pub map_credit: Option<String>,
}

/// Where figures come from; every figure names one of these.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub id: String,
    /// Short name used in a chart's source line.
    pub name: String,
    pub description: String,
    /// The source's own text kept beside the story, as a path relative to the dataset (e.g.
    /// `sources/report.txt`): `cargo xtask data check` then finds every quote in it word for word.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document: Option<String>,
    /// Where a reader finds the source: an `https://` (or `http://`) address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Region {
    pub id: String,
    pub name: String,
    pub kind: RegionKind,
    /// `#rrggbb`; used for the region everywhere it appears.
    pub color: String,
    /// The id of the region's shape in the story's map file.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub geo: Option<String>,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum RegionKind {
    Province,
    AutonomousRegion,
    Country,
    State,
    City,
    /// Any other area (a district, a metropolitan region).
    Region,
    /// A place that is not an area: a station, a plant, an experimental farm.
    Site,
    /// Not a place: a crop, an industry, a company; the entity of a series that no map shows.
    Category,
}

/// One figure as the source states it, with the words that bound it.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Figure {
    pub id: String,
    /// The region the figure describes; `null` for figures about the story's event itself.
    pub region: Option<String>,
    pub indicator: String,
    /// Short label drawn next to the mark.
    pub label: String,
    /// The number as stated, in `unit`; `null` for a claim that has no number.
    pub value: Option<f64>,
    /// The words shown big on a card when there is no number ("World's largest").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub claim: Option<String>,
    pub unit: String,
    pub qualifier: Qualifier,
    /// How the source words an approximate value ("nearly half"); drawn instead of the number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub wording: Option<String>,
    /// The period exactly as the source words it; `null` where it gives none.
    pub period: Option<String>,
    pub source: SourceRef,
}

/// How a stated number bounds the true one; never dropped on the way to the screen.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    MoreThan,
    AtLeast,
    Nearly,
    About,
    LessThan,
}

impl Qualifier {
    pub const ALL: [Qualifier; 6] = [
        Qualifier::Exact,
        Qualifier::MoreThan,
        Qualifier::AtLeast,
        Qualifier::Nearly,
        Qualifier::About,
        Qualifier::LessThan,
    ];

    /// True when the true value is at or above the stated one, so a bar must not look closed.
    pub fn is_lower_bound(self) -> bool {
        matches!(self, Qualifier::MoreThan | Qualifier::AtLeast)
    }

    pub fn is_approximate(self) -> bool {
        matches!(self, Qualifier::Nearly | Qualifier::About)
    }
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct SourceRef {
    /// Id of an entry in `sources`.
    pub id: String,
    /// The sentence of the source that states the figure, word for word.
    pub quote: String,
}

#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Chart {
    pub id: String,
    pub kind: ChartKind,
    /// The section the chart sits in; `null` for the overview.
    pub region: Option<String>,
    /// States the finding, not the topic.
    pub headline: String,
    /// What is measured and in what unit.
    pub dek: String,
    /// The stated figures the chart draws; none for a chart of series (one with `indicator`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub figures: Vec<String>,
    /// The indicator whose series the chart draws, an id of `indicators`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicator: Option<String>,
    /// The entities (region ids) whose series are drawn; empty for every one with a series.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub entities: Vec<String>,
    /// Entities drawn in their colour; the others are grey context.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub highlight: Vec<String>,
    /// The value axis' scale; linear when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<ScaleKind>,
    /// How a choropleth colours its regions; blues in five round steps when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colors: Option<Colors>,
    /// The periods the chart shows, where its kind takes some (a slope's two, bars' one).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub times: Vec<Time>,
    /// Notes drawn on a chart of series: a reference line, a band of time, a point called out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub annotations: Vec<Annotation>,
    /// Units, conversions or caveats printed above the source line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// For `multiple` charts: the names of the two endpoints, start first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub endpoints: Option<[String; 2]>,
    /// Why figures of different indicators may share this chart's axis. Bars and columns draw
    /// figures of one indicator; a chart that mixes them is refused unless it says why here, and
    /// the reason is printed under the chart.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comparable: Option<String>,
}

/// Why a dataset was refused: where in the file, and what to do about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataError {
    /// Path of the offending value, e.g. `figures[3].value`; empty for the whole file.
    pub path: String,
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() || self.path == "." {
            write!(f, "{}", self.message)
        } else {
            write!(f, "at `{}`: {}", self.path, self.message)
        }
    }
}

impl std::error::Error for DataError {}

impl From<json::Fail> for DataError {
    fn from(e: json::Fail) -> Self {
        *e
    }
}

/// Parses and validates a JSON dataset: the page's loader and the tools' alike.
pub fn from_json(text: &str) -> Result<Dataset, DataError> {
    let whole = |message: String| DataError { path: String::new(), message };
    if text.trim().is_empty() {
        return Err(whole(format!("the file is empty; {SHAPE}")));
    }
    let value = json::parse(text)?;
    if !matches!(value, json::Json::Obj(_)) {
        return Err(whole(format!("the file holds JSON, but not an object; {SHAPE}")));
    }
    from_tree(&value)
}

/// Reads and validates a dataset already parsed (or handed over by the editor's script): the same
/// reads, messages and checks as a file.
pub fn from_tree(value: &json::Json) -> Result<Dataset, DataError> {
    if !matches!(value, json::Json::Obj(_)) {
        return Err(DataError { path: String::new(), message: format!("the story is not an object; {SHAPE}") });
    }
    let dataset = <Dataset as json::Read>::read(value, json::Path::Root)?;
    validate(&dataset)?;
    Ok(dataset)
}

/// The forms a time is written in, for messages about one that is not.
pub(crate) const TIME_FORMS: &str =
    "write a year (1955, or \"1955\"), a quarter (\"2020-Q1\"), a month (\"2020-03\") or a date (\"2020-03-15\")";

/// What a dataset looks like, for messages about a file that is not one at all.
const SHAPE: &str =
    "a dataset is a JSON object { \"story\": …, \"sources\": […], \"regions\": […], \"figures\": […], \"charts\": […] } (see docs/data-format.md)";

impl Chart {
    /// The indicator the chart draws the series of, if it draws series. Always `None` in an engine
    /// built without the `series` feature (which refuses series when reading a story), so that the
    /// compiler leaves out every kind's code for series there.
    pub fn series_indicator(&self) -> Option<&str> {
        if cfg!(feature = "series") {
            self.indicator.as_deref()
        } else {
            None
        }
    }
}

impl Dataset {
    /// The figure with id `id`, if any.
    pub fn figure(&self, id: &str) -> Option<&Figure> {
        self.figures.iter().find(|f| f.id == id)
    }

    /// The region figure `f` belongs to, if any (validation ties every region id to one).
    pub fn region_of(&self, f: &Figure) -> Option<&Region> {
        f.region.as_deref().and_then(|id| self.regions.iter().find(|r| r.id == id))
    }

    /// The indicator with id `id`, if any.
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }

    /// The series of indicator `id`, in file order.
    pub fn series_of<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Series> + 'a {
        self.series.iter().filter(move |s| s.indicator == id)
    }
}

/// How many characters `s` holds: its bytes that do not continue a character. The standard
/// library's `chars().count()` does the same with a fast path of its own, 0.8 kB of the page's wasm.
pub(crate) fn char_count(s: &str) -> usize {
    s.bytes().filter(|b| b & 0xC0 != 0x80).count()
}

/// The first `max` characters of `s`, with "…" when there is more: long texts quoted in messages.
pub(crate) fn excerpt(s: &str, max: usize) -> String {
    match s.char_indices().nth(max) {
        Some((at, _)) => format!("{}…", s.get(..at).unwrap_or(s)),
        None => s.to_string(),
    }
}
