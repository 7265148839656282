//! The shared axes: a value axis at the left with gridlines across the plot, and a time or category axis under it.
//!
//! Every kind lays its axes out here and `render::axis` draws them, so that all charts of a story
//! tick, write and thin their axes alike. Labels never overlap at any width: a value axis leaves
//! out a label (and its gridline) that would touch its neighbour, a time axis takes a coarser
//! calendar step until its labels fit, and a category axis labels every second (third …) band.

use crate::format::Style;
use crate::i18n::Lang;
use crate::scale::{self, time, Band, TimeScale, ValueScale};
use crate::theme::{Font, Theme};
use crate::time::{Granularity, Time};

use super::text::{self, Align, Label, Measure};

/// Room between a value label and the plot, and between two labels side by side.
const GAP: f64 = 8.0;

/// Room kept between two value labels one above the other.
const V_GAP: f64 = 2.0;

/// How far a value label reaches above its gridline (it is centred on it): the room a kind leaves
/// above its plot's top, and the reason a horizontal axis' labels start `LABEL_TOP` below the plot.
pub const OVERHANG: f64 = Font::SMALL.size * 0.6;

/// The length of a time axis' tick marks under the plot.
pub const TICK_LENGTH: f64 = 4.0;

/// From the plot's bottom to the top of a horizontal axis' labels: clear of the lowest value label.
pub const LABEL_TOP: f64 = 8.0;

/// The height a horizontal axis takes under the plot.
pub fn horizontal_height() -> f64 {
    LABEL_TOP + Font::SMALL.line_height()
}

/// The least distance between two time ticks, in pixels: a year axis of 1950 to 2020 gets a tick
/// every 20 years on a phone and every 10 at 1200 pixels.
pub const TIME_SPACING: f64 = 64.0;

/// The share of the chart's width value labels may take before they are written short ("1.5m"):
/// "4 million" takes a sixth of a phone's 280 pixels and is written "4m" there.
const LABEL_SHARE: f64 = 0.15;

/// A tick: where it is along its axis (pixels) and its label.
#[derive(Debug, Clone, PartialEq)]
pub struct Tick {
    pub at: f64,
    pub value: f64,
    pub label: Label,
}

/// A value axis: labels at the left, right-aligned, each centred on its gridline; the gridlines
/// run from `plot_left` to `plot_right`.
#[derive(Debug, Clone, PartialEq)]
pub struct ValueAxis {
    /// In the order of the values, smallest first.
    pub ticks: Vec<Tick>,
    /// Where the zero line goes, when the domain holds zero: drawn in ink, over its gridline.
    /// `None` tells the kind that its axis does not start at zero (and a log axis never does).
    pub zero: Option<f64>,
    pub plot_left: f64,
    pub plot_right: f64,
}

/// An axis under the plot: labels centred under their ticks (the first and last moved inside the
/// chart where they would leave it).
#[derive(Debug, Clone, PartialEq)]
pub struct HorizontalAxis {
    /// In order, left to right.
    pub ticks: Vec<Tick>,
    /// The plot's bottom, from which the tick marks hang.
    pub y: f64,
    /// Time axes mark their ticks; a category axis' labels stand under their bands.
    pub tick_marks: bool,
    /// Below the labels.
    pub bottom: f64,
}

impl ValueAxis {
    pub fn labels(&self) -> impl Iterator<Item = &Label> {
        self.ticks.iter().map(|t| &t.label)
    }
}

impl HorizontalAxis {
    pub fn labels(&self) -> impl Iterator<Item = &Label> {
        self.ticks.iter().map(|t| &t.label)
    }
}

/// The value axis of `scale` (whose range is the plot's vertical extent, in pixels) in a chart
/// from `left` to `right`, its ticks written in `unit` and `lang`: in full where they take at most
/// `LABEL_SHARE` of the width, else short ("1.5m", "2.5k").
pub fn value_axis(
    m: &dyn Measure,
    theme: &Theme,
    scale: &ValueScale,
    unit: &str,
    lang: Lang,
    extent: (f64, f64),
) -> ValueAxis {
    value_axis_in(m, theme, scale, unit, lang, extent, false)
}

/// `value_axis`, its ticks written short ("20k") whatever the width where `short`: for marks whose
/// values are written short, so that the marks and the axis read alike.
pub fn value_axis_in(
    m: &dyn Measure,
    theme: &Theme,
    scale: &ValueScale,
    unit: &str,
    lang: Lang,
    (left, right): (f64, f64),
    short: bool,
) -> ValueAxis {
    let (r0, r1) = scale.range();
    let values = scale.ticks(scale::tick_count(r1 - r0));
    let widest = |texts: &[String]| texts.iter().map(|t| m.width(t, Font::SMALL)).fold(0.0, f64::max);
    let mut texts = scale.tick_texts(&values, unit, lang, Style::Full);
    if short || widest(&texts) > (right - left) * LABEL_SHARE {
        texts = scale.tick_texts(&values, unit, lang, Style::Short(3));
    }
    let label_right = left + widest(&texts);
    let mut ticks: Vec<Tick> = Vec::with_capacity(values.len());
    for (value, text) in values.into_iter().zip(texts) {
        let at = scale.map(value);
        let label = Label::new(m, text, label_right, at - OVERHANG, Font::SMALL, theme.muted, Align::Right);
        // A label too close to the last one kept is left out, with its gridline.
        let clear = ticks.last().is_none_or(|k| {
            let (a, b) = (k.label.bbox(), label.bbox());
            b.bottom() + V_GAP <= a.y || a.bottom() + V_GAP <= b.y
        });
        if clear {
            ticks.push(Tick { at, value, label });
        }
    }
    ValueAxis { ticks, zero: scale.zero(), plot_left: label_right + GAP, plot_right: right }
}

/// The time axis of `scale` for data of granularity `finest`, under a plot whose bottom is at `y`,
/// in a chart from `left` to `right`: the finest calendar step whose ticks are `TIME_SPACING`
/// apart (or that has one tick only) and whose labels fit side by side.
pub fn time_axis(
    m: &dyn Measure,
    theme: &Theme,
    scale: &TimeScale,
    finest: Granularity,
    lang: Lang,
    y: f64,
    extent: (f64, f64),
) -> HorizontalAxis {
    let mut ticks = Vec::new();
    let (lo, hi) = scale.domain();
    for step in time::steps(finest) {
        // Ticks too close together are no use; one tick alone, though, is far from any other (a
        // narrow plot of 1950 to 1980 may hold a label at 1960 only).
        let close = scale.spacing(step) < TIME_SPACING;
        if close && (hi - lo) / step.years() >= 3.0 {
            continue;
        }
        let times = scale.ticks(step);
        if times.is_empty() || (close && times.len() > 1) {
            continue;
        }
        let texts = time::labels(&times, lang);
        let xs: Vec<f64> = times.iter().map(|t| scale.map_time(*t)).collect();
        let values: Vec<f64> = times.iter().map(|t| t.position()).collect();
        if let Some(row) = row(m, theme, &texts, &xs, &values, y, extent) {
            ticks = row;
            break;
        }
    }
    // Where no step fits (a plot too narrow for two labels, between two ticks of the one step
    // that would), the first tick of the finest step alone still says where the axis is.
    if ticks.is_empty() {
        let fallback: Vec<Time> =
            time::steps(finest).into_iter().find_map(|s| scale.ticks(s).first().copied()).into_iter().collect();
        let texts = time::labels(&fallback, lang);
        let xs: Vec<f64> = fallback.iter().map(|t| scale.map_time(*t)).collect();
        let values: Vec<f64> = fallback.iter().map(|t| t.position()).collect();
        ticks = row(m, theme, &texts, &xs, &values, y, extent).unwrap_or_default();
    }
    HorizontalAxis { ticks, y, tick_marks: true, bottom: y + horizontal_height() }
}

/// The category axis of `band`, each band labelled with its text from `texts`, under a plot whose
/// bottom is at `y`, in a chart from `left` to `right`: every band labelled where the labels fit
/// side by side, else every second, third … band; one label wider than the chart is cut short
/// with an ellipsis.
pub fn band_axis(
    m: &dyn Measure,
    theme: &Theme,
    band: &Band,
    texts: &[String],
    y: f64,
    extent: (f64, f64),
) -> HorizontalAxis {
    let n = band.len().min(texts.len());
    let mut ticks = Vec::new();
    for every in 1..=n {
        let kept: Vec<usize> = (0..n).step_by(every).collect();
        let texts: Vec<String> = kept.iter().map(|&i| texts.get(i).cloned().unwrap_or_default()).collect();
        let xs: Vec<f64> = kept.iter().map(|&i| band.center(i)).collect();
        let values: Vec<f64> = kept.iter().map(|&i| i as f64).collect();
        if let Some(row) = row(m, theme, &texts, &xs, &values, y, extent) {
            ticks = row;
            break;
        }
        if every == n {
            let first = text::fit(m, texts.first().map_or("", String::as_str), extent.1 - extent.0, Font::SMALL);
            ticks = row(m, theme, &[first], &xs, &values, y, extent).unwrap_or_default();
        }
    }
    HorizontalAxis { ticks, y, tick_marks: false, bottom: y + horizontal_height() }
}

/// Labels `texts` centred at `xs` under `y`, moved inside `extent` where they would leave it;
/// `None` when two would come closer than `GAP` or one is wider than the extent.
fn row(
    m: &dyn Measure,
    theme: &Theme,
    texts: &[String],
    xs: &[f64],
    values: &[f64],
    y: f64,
    (lo, hi): (f64, f64),
) -> Option<Vec<Tick>> {
    let mut out: Vec<Tick> = Vec::with_capacity(texts.len());
    for ((text, &x), &value) in texts.iter().zip(xs).zip(values) {
        let mut label = Label::new(m, text.as_str(), x, y + LABEL_TOP, Font::SMALL, theme.muted, Align::Center);
        if label.width > hi - lo {
            return None;
        }
        if x - label.width / 2.0 < lo {
            (label.x, label.align) = (lo, Align::Left);
        } else if x + label.width / 2.0 > hi {
            (label.x, label.align) = (hi, Align::Right);
        }
        if out.last().is_some_and(|p| p.label.bbox().right() + GAP > label.bbox().x) {
            return None;
        }
        out.push(Tick { at: x, value, label });
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ApproxMeasure;
    use crate::scale::Linear;

    #[test]
    fn a_value_axis_writes_round_ticks_and_marks_zero() {
        let s = ValueScale::Linear(Linear::new((-3.2, 7.9), (200.0, 0.0)).nice(5));
        let a = value_axis(&ApproxMeasure, &Theme::LIGHT, &s, "%", Lang::En, (0.0, 320.0));
        let texts: Vec<&str> = a.labels().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["-5%", "0%", "5%", "10%"]);
        assert_eq!(a.zero, Some(s.map(0.0)));
        assert!(a.plot_left > ApproxMeasure.width("-5%", Font::SMALL));
    }

    #[test]
    fn wide_numbers_are_written_short_on_a_phone() {
        let s = ValueScale::Linear(Linear::new((0.0, 3.2e6), (160.0, 0.0)).nice(4));
        let phone = value_axis(&ApproxMeasure, &Theme::LIGHT, &s, "", Lang::En, (0.0, 280.0));
        assert_eq!(phone.ticks.last().map(|t| t.label.text.as_str()), Some("4m"));
        let wide = value_axis(&ApproxMeasure, &Theme::LIGHT, &s, "", Lang::En, (0.0, 1200.0));
        assert_eq!(wide.ticks.last().map(|t| t.label.text.as_str()), Some("4 million"));
    }

    #[test]
    fn a_time_axis_takes_a_coarser_step_on_a_phone() {
        let years = |w: f64| {
            let s = TimeScale::between(Time::Year(1950), Time::Year(2020), (40.0, w));
            let a = time_axis(&ApproxMeasure, &Theme::LIGHT, &s, Granularity::Year, Lang::En, 200.0, (0.0, w));
            a.labels().map(|l| l.text.clone()).collect::<Vec<_>>()
        };
        assert_eq!(years(320.0), ["1960", "1980", "2000", "2020"]);
        let every_five: Vec<String> = (1950..=2020).step_by(5).map(|y| y.to_string()).collect();
        assert_eq!(years(1200.0), every_five);
    }

    #[test]
    fn a_band_axis_thins_its_labels_evenly() {
        let texts: Vec<String> = (0..12).map(|i| format!("Category {i}")).collect();
        let b = Band::new(12, (40.0, 320.0));
        let a = band_axis(&ApproxMeasure, &Theme::LIGHT, &b, &texts, 200.0, (0.0, 320.0));
        assert!(a.ticks.len() > 1 && a.ticks.len() < 12);
        let every = a.ticks[1].value - a.ticks[0].value;
        assert!(a.ticks.windows(2).all(|w| (w[1].value - w[0].value - every).abs() < 1e-9));
        let one = band_axis(
            &ApproxMeasure,
            &Theme::LIGHT,
            &Band::new(1, (0.0, 100.0)),
            &["x".repeat(200)],
            0.0,
            (0.0, 100.0),
        );
        assert!(one.ticks.len() == 1 && one.ticks[0].label.text.ends_with('…'));
    }
}
