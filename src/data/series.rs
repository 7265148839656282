//! Indicator data beside stated figures: what an indicator measures, its values for one entity over
//! time, and how a chart scales them; written natively as the JSON the page's reader reads.

use serde::ser::{SerializeStruct, Serializer};
use serde::Serialize;
use std::sync::Arc;

use crate::time::Time;

/// What is measured, in which unit, and where the values come from.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: String,
    /// What is measured, as a reader says it ("Life expectancy at birth").
    pub name: String,
    /// The unit of every value ("years", "%"); empty when the data do not say.
    pub unit: String,
    /// Digits after the decimal point in labels, 0 to 6; without it the engine chooses.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decimals: Option<u8>,
    /// Id of an entry in `sources`.
    pub source: String,
}

/// The values of one indicator for one entity (a region of `regions`), in time order.
#[derive(Debug, Clone, PartialEq)]
pub struct Series {
    /// Id of an entry in `indicators`.
    pub indicator: String,
    /// Id of an entry in `regions`.
    pub entity: String,
    /// Each time with its value; `None` is a gap, never interpolated. Read from and written as the
    /// lists `times` and `values`. Shared, never copied: a chart's layout keeps the series it draws
    /// to find the value under a cursor, and a series may hold a million points.
    points: Arc<[(Time, Option<f64>)]>,
    /// What every layout of the series asks, worked out once, when it is made: each time's
    /// position (`Time::position`), the lowest and highest finite values, and the shortest step
    /// between two times. On a million points, each is a pass a draw no longer makes; shared, as
    /// the points are, so that the story put in another language copies none of it.
    positions: Arc<[f64]>,
    extent: (f64, f64),
    step: f64,
}

impl Series {
    pub fn new(indicator: String, entity: String, points: Vec<(Time, Option<f64>)>) -> Series {
        let positions: Arc<[f64]> = points.iter().map(|p| p.0.position()).collect();
        let finite = points.iter().filter_map(|p| p.1).filter(|v| v.is_finite());
        let extent = finite.fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), v| (lo.min(v), hi.max(v)));
        let step = positions.windows(2).map(|w| w[1] - w[0]).filter(|d| *d > 0.0).fold(f64::INFINITY, f64::min);
        Series { indicator, entity, points: points.into(), positions, extent, step }
    }

    /// Each time with its value, in time order.
    pub fn points(&self) -> &[(Time, Option<f64>)] {
        &self.points
    }

    /// The points, shared with whatever keeps them (a chart's layout), not copied.
    pub fn shared_points(&self) -> Arc<[(Time, Option<f64>)]> {
        Arc::clone(&self.points)
    }

    /// Each point's time placed along a time axis (`Time::position`), in the points' order.
    pub fn positions(&self) -> &[f64] {
        &self.positions
    }

    /// The lowest and highest finite values; `(∞, −∞)` where there are none.
    pub fn extent(&self) -> (f64, f64) {
        self.extent
    }

    /// The shortest distance between two consecutive times (in positions); ∞ with fewer than two.
    pub fn step(&self) -> f64 {
        self.step
    }
}

/// A note drawn on a chart of series, in its words: a reference value across the plot (`line`),
/// a stretch of time marked along it (`band`), or one entity's value at one time called out
/// (`point`).
#[derive(Debug, Clone, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Annotation {
    pub kind: AnnotationKind,
    /// What the note says, drawn beside what it marks.
    pub label: String,
    /// For `line`: the value it is drawn at.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// For `band`: its first and last times.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<Time>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<Time>,
    /// For `point`: the entity and the time whose value is called out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entity: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<Time>,
}

#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum AnnotationKind {
    /// A labelled reference value across the plot.
    Line,
    /// A labelled stretch of time.
    Band,
    /// One point called out.
    Point,
}

/// How a choropleth colours its regions: a palette, and either bins of round steps or a continuous
/// ramp. Bins are the default: a reader matches a colour to a step more surely than to a shade.
#[derive(Debug, Clone, Copy, Serialize, PartialEq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Colors {
    pub scheme: Scheme,
    /// How many colours, 3 to 9 (about: the steps are round numbers, see docs/data-format.md); 5
    /// when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bins: Option<u8>,
    /// True for one shade per value along the ramp rather than bins.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub continuous: bool,
    /// For a diverging scheme: the value at its middle, 0 when left out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub center: Option<f64>,
}

/// The palettes a choropleth takes, all from ColorBrewer's colour-blind-safe sets: sequential ones
/// for magnitudes, diverging ones for values either side of a middle.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum Scheme {
    Blues,
    Greens,
    Purples,
    Oranges,
    /// Red below the middle, blue above.
    RedBlue,
    /// Brown below the middle, teal above.
    BrownTeal,
    /// Purple below the middle, orange above.
    PurpleOrange,
}

impl Scheme {
    /// True for the schemes with a middle: values either side of `center` take either hue.
    pub fn diverging(self) -> bool {
        matches!(self, Scheme::RedBlue | Scheme::BrownTeal | Scheme::PurpleOrange)
    }
}

/// How a chart places values on its value axis.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ScaleKind {
    /// Equal differences at equal distances.
    Linear,
    /// Equal ratios at equal distances; for values above zero only.
    Log,
}

/// A year as a JSON number, any other period as the text `Time::parse` reads back ("2020-Q1").
impl Serialize for Time {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            Time::Year(y) => s.serialize_i32(*y),
            t => s.collect_str(t),
        }
    }
}

/// A value written as JSON: whole numbers without a fractional part ("35361", not "35361.0"),
/// which keeps long series short; read back, they are the same numbers.
struct Value(f64);

impl Serialize for Value {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        // Below 2^53 every whole number is exact both as an f64 and as an i64.
        if self.0.fract() == 0.0 && self.0.abs() < 9_007_199_254_740_992.0 {
            s.serialize_i64(self.0 as i64)
        } else {
            s.serialize_f64(self.0)
        }
    }
}

impl Serialize for Series {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let times: Vec<Time> = self.points.iter().map(|p| p.0).collect();
        let values: Vec<Option<Value>> = self.points.iter().map(|p| p.1.map(Value)).collect();
        let mut out = s.serialize_struct("Series", 4)?;
        out.serialize_field("indicator", &self.indicator)?;
        out.serialize_field("entity", &self.entity)?;
        out.serialize_field("times", &times)?;
        out.serialize_field("values", &values)?;
        out.end()
    }
}

#[cfg(feature = "schema")]
mod schema {
    use std::borrow::Cow;

    use schemars::{json_schema, JsonSchema, Schema, SchemaGenerator};

    use super::{Series, Time};

    impl JsonSchema for Time {
        fn schema_name() -> Cow<'static, str> {
            "Time".into()
        }

        fn json_schema(_: &mut SchemaGenerator) -> Schema {
            json_schema!({
                "description": "A year as a whole number (1955) or as text (\"1955\"), a quarter (\"2020-Q1\"), a month (\"2020-03\") or a date (\"2020-03-15\").",
                "anyOf": [
                    {"type": "integer"},
                    {"type": "string", "pattern": "^(-?[0-9]{1,6}|[0-9]{1,6}-?[Qq][1-4]|[0-9]{1,6}-[0-9]{2}(-[0-9]{2})?)$"}
                ]
            })
        }
    }

    /// The values of one indicator for one entity (a region of `regions`) over time: its times and,
    /// one for each, its values.
    #[derive(JsonSchema)]
    #[schemars(rename = "Series", deny_unknown_fields)]
    #[allow(dead_code)]
    struct SeriesFields {
        /// Id of an entry in `indicators`.
        indicator: String,
        /// Id of an entry in `regions`.
        entity: String,
        /// The times of the values, in order, each once, all at one granularity for the indicator.
        times: Vec<Time>,
        /// One value per time; `null` is a gap, never interpolated.
        values: Vec<Option<f64>>,
    }

    impl JsonSchema for Series {
        fn schema_name() -> Cow<'static, str> {
            "Series".into()
        }

        fn json_schema(generator: &mut SchemaGenerator) -> Schema {
            SeriesFields::json_schema(generator)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn what_a_series_works_out_once_is_what_its_points_say() {
        let points = vec![
            (Time::Month(2020, 1), Some(3.0)),
            (Time::Month(2020, 2), None),
            (Time::Month(2020, 3), Some(f64::INFINITY)),
            (Time::Month(2020, 5), Some(-2.5)),
            (Time::Month(2020, 6), Some(7.25)),
        ];
        let s = Series::new("i".into(), "e".into(), points.clone());
        assert_eq!(s.points(), points.as_slice());
        let positions: Vec<f64> = points.iter().map(|p| p.0.position()).collect();
        assert_eq!(s.positions(), positions.as_slice());
        // Gaps and values that are not finite are no part of the extent; a gap's time is a step.
        assert_eq!(s.extent(), (-2.5, 7.25));
        assert!((s.step() - 1.0 / 12.0).abs() < 1e-12, "{}", s.step());
        let one = Series::new("i".into(), "e".into(), vec![(Time::Year(2000), None)]);
        assert_eq!((one.extent(), one.step()), ((f64::INFINITY, f64::NEG_INFINITY), f64::INFINITY));
    }
}
