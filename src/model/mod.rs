//! Pure chart models: from a validated dataset and a width, every mark and label placed in CSS pixels.

pub mod axis;
pub mod decimate;
pub mod dodge;
pub mod key;
pub mod outline;
pub mod text;
pub mod timeline;

use crate::data::{Chart, ChartKind, Dataset, Figure};
use crate::geo::GeoMap;
use crate::kinds::{Body, Input};
use crate::theme::{Font, Rgb, Theme};

pub use text::{Align, ApproxMeasure, Label, Measure};

/// Narrowest width a chart is laid out for; narrower containers get this width and scroll.
pub const MIN_WIDTH: f64 = 280.0;

/// An axis-aligned box in CSS pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn right(&self) -> f64 {
        self.x + self.w
    }

    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }

    /// The rectangle with `by` pixels more on every side.
    #[must_use]
    pub fn grow(&self, by: f64) -> Rect {
        Rect { x: self.x - by, y: self.y - by, w: self.w + 2.0 * by, h: self.h + 2.0 * by }
    }

    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.right() && o.x < self.right() && self.y < o.bottom() && o.y < self.bottom()
    }

    pub fn contains(&self, px: f64, py: f64) -> bool {
        px >= self.x && px < self.right() && py >= self.y && py < self.bottom()
    }
}

/// A drawn shape that stands for a figure (or, on a map, a region): what a pointer or the keyboard points at.
#[derive(Debug, Clone, PartialEq)]
pub struct Mark {
    /// The figure's id; on a map, the region's id.
    pub id: String,
    /// The region the mark belongs to, for dimming when another region is selected.
    pub region: Option<String>,
    /// What is drawn: the focus ring goes around it.
    pub rect: Rect,
    /// Where a pointer or tap counts as on the mark: at least the drawn box, often the whole row.
    pub hit: Rect,
    /// The outline for shapes that are not boxes (map regions), in CSS pixels; empty for boxes.
    pub rings: Vec<Vec<(f64, f64)>>,
    /// True where the kind draws the mark's hover, pin and focus itself (a line is thickened, not
    /// boxed), so the shared rings leave it alone.
    pub own_emphasis: bool,
}

impl Mark {
    /// A box that is hit where it is drawn.
    pub fn boxed(id: &str, region: Option<&String>, rect: Rect) -> Mark {
        Mark { id: id.to_string(), region: region.cloned(), rect, hit: rect, rings: Vec::new(), own_emphasis: false }
    }
}

/// What the reader is doing with a chart: the selected region, the hovered, focused and pinned
/// marks, and where a chart over time has its cursor.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct View<'a> {
    pub selected: Option<&'a str>,
    pub hover: Option<usize>,
    pub focus: Option<usize>,
    pub pinned: Option<usize>,
    pub time: Option<crate::time::Time>,
}

impl View<'_> {
    /// True when another region than `region` is selected, so the mark steps back.
    pub fn dims(&self, region: Option<&str>) -> bool {
        self.selected.is_some_and(|s| region != Some(s))
    }
}

/// True when a chart with `marks` looks the same with region `from` selected as with `to`: no mark
/// is dimmed under one and not the other. A chart depends on the selection only through that (the
/// map also outlines the selected region, whose own mark then changes too), so a selection that
/// passes it by needs no repaint, which keeps a click's work to the charts it changes.
pub fn same_look(marks: &[Mark], from: Option<&str>, to: Option<&str>) -> bool {
    let (a, b) = (View { selected: from, ..View::default() }, View { selected: to, ..View::default() });
    marks.iter().all(|m| a.dims(m.region.as_deref()) == b.dims(m.region.as_deref()))
}

/// Everything needed to draw one chart at one width.
#[derive(Debug, Clone, PartialEq)]
pub struct ChartModel {
    pub id: String,
    pub width: f64,
    pub height: f64,
    pub theme: Theme,
    /// Headline, dek, note and source line.
    pub chrome: Vec<Label>,
    pub body: Body,
}

impl ChartModel {
    /// Every label on the chart, chrome and body.
    pub fn labels(&self) -> Vec<&Label> {
        self.chrome.iter().chain(self.body.labels()).collect()
    }

    /// The marks in drawing order; hit-testing and keyboard focus index into this list.
    pub fn marks(&self) -> Vec<Mark> {
        self.body.marks(self.width)
    }
}

/// What a layout function gets: the measurer, the theme and the width to fill.
#[derive(Clone, Copy)]
pub struct Ctx<'a> {
    pub m: &'a dyn Measure,
    pub theme: &'a Theme,
    pub width: f64,
}

impl std::fmt::Debug for Ctx<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Ctx").field("width", &self.width).finish_non_exhaustive()
    }
}

impl Ctx<'_> {
    pub fn label(&self, text: impl Into<String>, x: f64, y: f64, font: Font, color: Rgb, align: Align) -> Label {
        Label::new(self.m, text, x, y, font, color, align)
    }

    /// A left-aligned paragraph across `max_width`; returns the labels and the y below it.
    pub fn paragraph(&self, text: &str, x: f64, y: f64, max_width: f64, font: Font, color: Rgb) -> (Vec<Label>, f64) {
        text::paragraph(self.m, text, x, y, max_width, font, color, Align::Left)
    }
}

/// Sorts `v` by `before` (stable), by insertion: the engine sorts short lists (labels, a cursor's
/// rows) and lists already nearly in order. Each use of the standard library's sorts puts 2 to
/// 3 kB of sorting code into the page's wasm; this is a few hundred bytes for all.
pub fn insertion_sort<T>(v: &mut [T], before: impl Fn(&T, &T) -> bool) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && before(&v[j], &v[j - 1]) {
            v.swap(j, j - 1);
            j -= 1;
        }
    }
}

/// The colour a figure is drawn in: its region's, or the context grey.
pub fn figure_colour(d: &Dataset, f: &Figure, theme: &Theme) -> Rgb {
    d.region_of(f).and_then(|r| Rgb::from_hex(&r.color)).unwrap_or(theme.context)
}

/// The chart's figures in its order. Validation guarantees every id resolves; a stale id is skipped.
pub fn chart_figures<'d>(d: &'d Dataset, c: &Chart) -> Vec<&'d Figure> {
    c.figures.iter().filter_map(|id| d.figure(id)).collect()
}

const GAP: f64 = 16.0;

/// Where a chart's headline, dek, note and source line go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Titles {
    /// Drawn with the chart: a download or an SVG stands on its own.
    Drawn,
    /// Written by the page around the canvas, as text: the canvas holds the chart alone. A third
    /// fewer pixels to allocate and most of the text measuring gone from a page load.
    OnPage,
}

/// Lays out chart `chart_id` at `width` CSS pixels. `None` when the id is not in the dataset, or
/// when this build does not lay its kind out (cards without feature `svg`).
/// `map` is the story's boundaries, for map charts; without them a map chart says so in place.
pub fn build(
    d: &Dataset,
    map: Option<&GeoMap>,
    chart_id: &str,
    width: f64,
    m: &dyn Measure,
    theme: &Theme,
    titles: Titles,
) -> Option<ChartModel> {
    let chart = d.charts.iter().find(|c| c.id == chart_id)?;
    let width = if width.is_finite() { width.max(MIN_WIDTH).floor() } else { MIN_WIDTH };
    let cx = Ctx { m, theme, width };
    let figures = chart_figures(d, chart);

    let mut chrome = Vec::new();
    let top = if titles == Titles::Drawn {
        let (mut head, y) = cx.paragraph(&chart.headline, 0.0, 0.0, width, Font::HEADLINE, theme.ink);
        chrome.append(&mut head);
        let (mut dek, y) = cx.paragraph(&chart.dek, 0.0, y + 4.0, width, Font::BODY, theme.muted);
        chrome.append(&mut dek);
        y + GAP
    } else {
        0.0
    };

    let input = Input { d, chart, figures: &figures, map };
    let body = chart.kind.layout(&cx, &input, top)?;
    let mut y = body.bottom();
    if titles == Titles::Drawn {
        y += GAP;
        if let Some(note) = key::note(&input) {
            let (mut n, ny) = cx.paragraph(&note, 0.0, y, width, Font::SMALL, theme.muted);
            chrome.append(&mut n);
            y = ny + 2.0;
        }
        let (mut src, sy) =
            cx.paragraph(&chart_source(d, chart, &figures, map), 0.0, y, width, Font::SMALL, theme.muted);
        chrome.append(&mut src);
        y = sy;
    }

    Some(ChartModel { id: chart.id.clone(), width, height: (y + 4.0).ceil(), theme: *theme, chrome, body })
}

/// The line under `chart` (drawing `figures`) that says where its figures (or, for the map, its
/// boundaries) come from; empty for a map without boundaries, which says so in place.
pub fn chart_source(d: &Dataset, chart: &Chart, figures: &[&Figure], map: Option<&GeoMap>) -> String {
    match (chart.kind, map) {
        (ChartKind::Map, Some(g)) => d.story.map_credit.clone().unwrap_or_else(|| g.attribution.clone()),
        (ChartKind::Map, None) => String::new(),
        _ => match chart.series_indicator().and_then(|id| d.indicator(id)) {
            // A chart of series names its indicator's source.
            Some(ind) => crate::i18n::source_line(
                &d.sources.iter().filter(|s| s.id == ind.source).map(|s| s.name.clone()).collect::<Vec<_>>(),
                d.lang,
            ),
            None => source_line(d, figures),
        },
    }
}

/// "Source: A; B" over the distinct sources of the chart's figures.
pub fn source_line(d: &Dataset, figures: &[&Figure]) -> String {
    let mut names: Vec<String> = Vec::new();
    for f in figures {
        if let Some(s) = d.sources.iter().find(|s| s.id == f.source.id) {
            if !names.contains(&s.name) {
                names.push(s.name.clone());
            }
        }
    }
    crate::i18n::source_line(&names, d.lang)
}
