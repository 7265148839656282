//! The chart kinds: each kind's rules, layout, drawing, hit areas and words live in its own module,
//! behind the `Kind` trait; this file registers them, and the rest of the engine asks the registry.
//!
//! Adding a kind is its module, one line in `kinds!` below, its tests and its docs: validation, the
//! model, rendering, descriptions, tables, fuzz targets and property tests all dispatch through here.

pub mod annotate;
pub mod bars;
pub mod cards;
pub mod choropleth;
pub mod line;
pub mod map;
pub mod multiple;
pub mod periods;
pub mod series;
pub mod share;
pub mod slope;
pub mod small_multiples;

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::prelude::DrawingBackend;
use serde::Serialize;

use crate::data::{Chart, DataError, Dataset, Figure};
use crate::describe::{self, MarkInfo};
use crate::geo::GeoMap;
use crate::i18n::Lang;
use crate::model::timeline::Timeline;
use crate::model::{Ctx, Label, Mark, View};
use crate::render::DrawResult;
use crate::theme::Theme;
use crate::time::Time;

/// What a kind lays a chart out from: the story, the chart, its figures in order, the boundaries.
#[derive(Debug, Clone, Copy)]
pub struct Input<'a> {
    pub d: &'a Dataset,
    pub chart: &'a Chart,
    pub figures: &'a [&'a Figure],
    pub map: Option<&'a GeoMap>,
}

/// One chart kind: everything the engine needs to know about it, written once.
pub trait Kind {
    /// The chart laid out at one width, in CSS pixels.
    type Layout: std::fmt::Debug + Clone + PartialEq;

    /// The fewest and the most figures a chart of this kind lists.
    const FIGURES: (usize, usize);

    /// True where the figures are drawn against one value axis, so unlike measures would read as a
    /// comparison (see `data::validate`'s one-measure rule).
    const ONE_AXIS: bool = false;

    /// True where every figure must have a value to be drawn.
    const NEEDS_VALUE: bool = true;

    /// True where the chart takes the column's whole width on a wide page (bars, a map, lines),
    /// rather than sharing a row with another chart.
    const WIDE: bool = false;

    /// True where chart `c` takes the column's whole width: by default as the kind's `WIDE` says;
    /// a kind whose charts differ in breadth says per chart.
    fn wide(_c: &Chart) -> bool {
        Self::WIDE
    }

    /// True where the chart has a time cursor that the pointer and the arrow keys move (`times`).
    const TIMED: bool = false;

    /// True where what follows the pointer (the hovered mark, the time cursor) is drawn by
    /// `draw_pointer` over the body, never by `draw`: the page then keeps it on a layer of its own
    /// and a pointer's move repaints that layer alone, not the whole chart.
    const LAYERED: bool = false;

    /// Why value `v` cannot be the `j`th figure of such a chart (said after the figure's id and
    /// value), or `None` when it can.
    fn refuse_value(_f: &Figure, _v: f64, _j: usize) -> Option<&'static str> {
        None
    }

    /// What a chart of this kind needs beyond its figures (a field, a boundaries file); `at` makes
    /// the path of one of the chart's fields.
    fn check(_c: &Chart, _d: &Dataset, _at: &dyn Fn(&str) -> String) -> Result<(), DataError> {
        Ok(())
    }

    /// Lays the chart out below `top`; `None` where this build of the engine does not draw the kind.
    fn layout(cx: &Ctx, input: &Input, top: f64) -> Option<Self::Layout>;

    /// The y below the laid-out body.
    fn bottom(l: &Self::Layout) -> f64;

    fn labels(l: &Self::Layout) -> Vec<&Label>;

    /// The marks in drawing order: hit-testing and keyboard focus index into this list.
    fn marks(l: &Self::Layout, width: f64) -> Vec<Mark>;

    /// The mark under `(x, y)`, CSS pixels from the canvas' top left: by default the topmost whose
    /// hit area holds the point (boxes) or whose shape does (regions).
    fn hit(_l: &Self::Layout, marks: &[Mark], x: f64, y: f64) -> Option<usize> {
        crate::hit::hit_test(marks, x, y)
    }

    /// The times a cursor can stand at, in order, with where each is across the chart (CSS pixels);
    /// none for kinds without a time axis.
    fn times(_l: &Self::Layout) -> Option<&Timeline> {
        None
    }

    /// What the chart shows at time `t`, one row per thing drawn, largest value first: the list a
    /// cursor's tooltip reads.
    fn at_time(_i: &Input, _t: Time) -> Vec<MarkInfo> {
        Vec::new()
    }

    /// The times a slider steps through, for a kind that shows one time at once (a choropleth,
    /// recoloured at each): the page draws the slider; none for other kinds.
    fn slider(_i: &Input) -> Vec<Time> {
        Vec::new()
    }

    /// Draws the body; the chart's titles and the focus rings are drawn around it by `render`.
    fn draw<DB: DrawingBackend>(
        area: &DrawingArea<DB, Shift>,
        l: &Self::Layout,
        view: &View,
        theme: &Theme,
    ) -> DrawResult<(), DB>;

    /// Draws what follows the pointer over the body, for a kind that is `LAYERED`: `view`'s hovered
    /// mark and time cursor, which `draw` leaves out.
    fn draw_pointer<DB: DrawingBackend>(
        _area: &DrawingArea<DB, Shift>,
        _l: &Self::Layout,
        _view: &View,
        _theme: &Theme,
    ) -> DrawResult<(), DB> {
        Ok(())
    }

    /// What is drawn, in one sentence of the chart's description ("Bar chart of 3 figures, bars from zero.").
    fn what(n: usize, lang: Lang) -> String;

    /// How many things the chart draws, for its description: its figures, or its series.
    fn count(i: &Input) -> usize {
        i.figures.len()
    }

    /// What a tooltip says about mark `m`, where the kind says more than `describe::mark` does.
    fn mark_info(_i: &Input, _m: &Mark) -> Option<MarkInfo> {
        None
    }

    /// The description's items, one per thing drawn, in words.
    fn items(i: &Input) -> Vec<String> {
        i.figures.iter().map(|f| describe::figure_item(i.d, f)).collect()
    }

    /// The rows of the chart's table.
    fn rows(i: &Input) -> Vec<MarkInfo> {
        i.figures.iter().map(|f| describe::figure(i.d, f)).collect()
    }

    /// The sentences under the chart that say what its drawing adds to the figures (a faded end, a
    /// reference bar): nothing the source does not state is drawn without saying so.
    fn key(_i: &Input) -> Vec<String> {
        Vec::new()
    }
}

impl Body {
    /// The time nearest `x` (CSS pixels across the chart) where the chart has a time axis.
    pub fn time_at(&self, x: f64) -> Option<Time> {
        self.times()?.nearest(x)
    }

    /// The time `step` places after (before, when negative) `from`, kept within the chart's times;
    /// from no time, the last (stepping back) or the first.
    pub fn step_time(&self, from: Option<Time>, step: isize) -> Option<Time> {
        self.times()?.step(from, step)
    }

    /// Where time `t` stands across the chart, where the chart has it.
    pub fn time_x(&self, t: Time) -> Option<f64> {
        self.times()?.x_of(t)
    }
}

/// Why a build without the kind's feature refuses a chart of it. The page loads the engine built
/// with series for a story that has series, so a reader meets this only where a host serves the
/// lighter engine by hand.
#[cfg_attr(feature = "series", allow(dead_code))]
fn absent(kind: ChartKind, at: &dyn Fn(&str) -> String) -> DataError {
    DataError {
        path: at("kind"),
        message: format!(
            "this engine was built without series, so it draws no `{}` chart; load the engine built with the `series` feature (www/pkg-series/)",
            kind.word()
        ),
    }
}

/// The registry: the word each kind has in the format, and the type that implements it.
///
/// A kind written `where feature = "…"` is drawn only by builds with that feature: the lighter
/// engine still knows its word and its rules of figures, and refuses a chart of it by `absent`.
macro_rules! kinds {
    (@built $($feat:literal)?; $yes:expr; $no:expr) => {{
        $(#[cfg(not(feature = $feat))] let drawn = $no;)?
        $(#[cfg(feature = $feat)])? let drawn = $yes;
        drawn
    }};
    ($($(#[$doc:meta])* $variant:ident = $word:literal => $kind:ty $(where feature = $feat:literal)?),+ $(,)?) => {
        /// A chart's kind, as the format names it.
        #[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        pub enum ChartKind {
            $($(#[$doc])* #[serde(rename = $word)] $variant),+
        }

        /// A chart's body, laid out by its kind.
        #[derive(Debug, Clone, PartialEq)]
        pub enum Body {
            $($(#[cfg(feature = $feat)])? $variant(<$kind as Kind>::Layout)),+
        }

        impl ChartKind {
            pub const WORDS: &'static [(&'static str, ChartKind)] = &[$(($word, ChartKind::$variant)),+];

            /// The word the format uses for the kind (`bars`).
            pub fn word(self) -> &'static str {
                match self { $(ChartKind::$variant => $word),+ }
            }

            /// The fewest and the most figures a chart of this kind lists.
            pub fn figures(self) -> (usize, usize) {
                match self { $(ChartKind::$variant => <$kind as Kind>::FIGURES),+ }
            }

            /// True for kinds that draw their figures against one value axis.
            pub fn draws_one_axis(self) -> bool {
                match self { $(ChartKind::$variant => <$kind as Kind>::ONE_AXIS),+ }
            }

            /// True where chart `c`, of this kind, takes the column's whole width on a wide page.
            pub fn wide(self, c: &Chart) -> bool {
                match self { $(ChartKind::$variant => <$kind as Kind>::wide(c)),+ }
            }

            /// True where the chart has a time cursor.
            pub fn timed(self) -> bool {
                match self { $(ChartKind::$variant => <$kind as Kind>::TIMED),+ }
            }

            /// True where what follows the pointer is drawn on a layer of its own.
            pub fn layered(self) -> bool {
                match self { $(ChartKind::$variant => <$kind as Kind>::LAYERED),+ }
            }

            /// True where every figure must have a value to be drawn.
            pub fn needs_value(self) -> bool {
                match self { $(ChartKind::$variant => <$kind as Kind>::NEEDS_VALUE),+ }
            }

            /// Why value `v` cannot be the `j`th figure of a chart of this kind, if it cannot.
            pub fn refuse_value(self, f: &Figure, v: f64, j: usize) -> Option<&'static str> {
                match self { $(ChartKind::$variant => kinds!(@built $($feat)?; <$kind as Kind>::refuse_value(f, v, j); None)),+ }
            }

            pub fn check(self, c: &Chart, d: &Dataset, at: &dyn Fn(&str) -> String) -> Result<(), DataError> {
                match self { $(ChartKind::$variant => kinds!(@built $($feat)?; <$kind as Kind>::check(c, d, at); Err(absent(self, at)))),+ }
            }

            pub fn layout(self, cx: &Ctx, input: &Input, top: f64) -> Option<Body> {
                match self { $(ChartKind::$variant => kinds!(@built $($feat)?; <$kind as Kind>::layout(cx, input, top).map(Body::$variant); None)),+ }
            }

            pub fn what(self, n: usize, lang: Lang) -> String {
                match self { $(ChartKind::$variant => kinds!(@built $($feat)?; <$kind as Kind>::what(n, lang); String::new())),+ }
            }

            /// The times chart `input` shows one at a time, stepped by the page's slider.
            pub fn slider(self, input: &Input) -> Vec<Time> {
                match self { $(ChartKind::$variant => kinds!(@built $($feat)?; <$kind as Kind>::slider(input); Vec::new())),+ }
            }

            pub fn count(self, input: &Input) -> usize {
                match self { $(ChartKind::$variant => kinds!(@built $($feat)?; <$kind as Kind>::count(input); 0)),+ }
            }

            pub fn mark_info(self, input: &Input, m: &Mark) -> Option<MarkInfo> {
                match self { $(ChartKind::$variant => kinds!(@built $($feat)?; <$kind as Kind>::mark_info(input, m); None)),+ }
            }

            pub fn at_time(self, input: &Input, t: Time) -> Vec<MarkInfo> {
                match self { $(ChartKind::$variant => kinds!(@built $($feat)?; <$kind as Kind>::at_time(input, t); Vec::new())),+ }
            }

            pub fn items(self, input: &Input) -> Vec<String> {
                match self { $(ChartKind::$variant => kinds!(@built $($feat)?; <$kind as Kind>::items(input); Vec::new())),+ }
            }

            pub fn rows(self, input: &Input) -> Vec<MarkInfo> {
                match self { $(ChartKind::$variant => kinds!(@built $($feat)?; <$kind as Kind>::rows(input); Vec::new())),+ }
            }

            pub fn key(self, input: &Input) -> Vec<String> {
                match self { $(ChartKind::$variant => kinds!(@built $($feat)?; <$kind as Kind>::key(input); Vec::new())),+ }
            }
        }

        impl Body {
            pub fn bottom(&self) -> f64 {
                match self { $($(#[cfg(feature = $feat)])? Body::$variant(l) => <$kind as Kind>::bottom(l)),+ }
            }

            /// True where what follows the pointer is drawn by `draw_pointer`, on a layer of its own.
            pub fn layered(&self) -> bool {
                match self { $($(#[cfg(feature = $feat)])? Body::$variant(_) => <$kind as Kind>::LAYERED),+ }
            }

            pub fn labels(&self) -> Vec<&Label> {
                match self { $($(#[cfg(feature = $feat)])? Body::$variant(l) => <$kind as Kind>::labels(l)),+ }
            }

            pub fn hit(&self, marks: &[Mark], x: f64, y: f64) -> Option<usize> {
                match self { $($(#[cfg(feature = $feat)])? Body::$variant(l) => <$kind as Kind>::hit(l, marks, x, y)),+ }
            }

            pub fn times(&self) -> Option<&Timeline> {
                match self { $($(#[cfg(feature = $feat)])? Body::$variant(l) => <$kind as Kind>::times(l)),+ }
            }

            pub fn marks(&self, width: f64) -> Vec<Mark> {
                match self { $($(#[cfg(feature = $feat)])? Body::$variant(l) => <$kind as Kind>::marks(l, width)),+ }
            }

            pub fn draw<DB: DrawingBackend>(
                &self,
                area: &DrawingArea<DB, Shift>,
                view: &View,
                theme: &Theme,
            ) -> DrawResult<(), DB> {
                match self { $($(#[cfg(feature = $feat)])? Body::$variant(l) => <$kind as Kind>::draw(area, l, view, theme)),+ }
            }

            pub fn draw_pointer<DB: DrawingBackend>(
                &self,
                area: &DrawingArea<DB, Shift>,
                view: &View,
                theme: &Theme,
            ) -> DrawResult<(), DB> {
                match self { $($(#[cfg(feature = $feat)])? Body::$variant(l) => <$kind as Kind>::draw_pointer(area, l, view, theme)),+ }
            }
        }
    };
}

kinds! {
    /// Magnitude: horizontal bars from zero.
    Bars = "bars" => bars::Bars,
    /// Change between periods: columns side by side, oldest first.
    Periods = "periods" => periods::Periods,
    /// Part of a whole: one bar of 100% with the stated share.
    Share = "share" => share::Share,
    /// A multiple ("60 times"): the start and the end drawn to scale.
    Multiple = "multiple" => multiple::Multiple,
    /// Big-number cards for figures that are not comparisons.
    Cards = "cards" => cards::Cards,
    /// The regions on a map, each in its colour; lists no figures.
    Map = "map" => map::Map,
    /// An indicator's series over time, one line per entity; lists no figures.
    Line = "line" => line::Line where feature = "series",
    /// Many entities between two periods, one line each.
    Slope = "slope" => slope::Slope where feature = "series",
    /// One small line per entity, on shared scales.
    SmallMultiples = "small_multiples" => small_multiples::SmallMultiples where feature = "series",
    /// Every region coloured by an indicator's value at one time, with a slider through the times.
    Choropleth = "choropleth" => choropleth::Choropleth where feature = "series",
}
