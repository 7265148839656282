//! Scales shared by every chart kind: data values onto pixels and back, round ticks and their texts.
//!
//! A kind builds its scales first (from its data's extent and the pixels it has), then places each
//! mark by them; it never picks ticks or writes tick numbers itself, so that every axis of a story
//! reads alike. `linear` and `log` place values, `band` places categories, `time` places periods;
//! `tick_text` writes an axis' numbers. `model::axis` lays the ticks out as labels and gridlines.

pub mod band;
pub mod color;
pub mod linear;
// Only charts of series draw a log axis: the engine for stories of figures leaves it out.
#[cfg(feature = "series")]
pub mod log;
pub mod tick_text;
pub mod time;

pub use band::Band;
pub use linear::Linear;
#[cfg(feature = "series")]
pub use log::{Log, NotPositive};
pub use time::TimeScale;

use crate::format::Style;
use crate::i18n::Lang;

/// Room a value axis wants per tick, in pixels: a 160-pixel plot gets four steps.
pub const VERTICAL_SPACING: f64 = 40.0;

/// How many ticks to ask a value scale for along `length` pixels: two to ten, about one per
/// `VERTICAL_SPACING`. A scale gives at most one more than this, and more than half as many.
pub fn tick_count(length: f64) -> usize {
    let n = (length.abs() / VERTICAL_SPACING).floor();
    if n.is_nan() {
        return 2;
    }
    n.max(2.0).min(10.0) as usize
}

/// The scale of a value axis: linear (the default) or logarithmic, as a chart asks.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ValueScale {
    Linear(Linear),
    #[cfg(feature = "series")]
    Log(Log),
}

impl ValueScale {
    /// A value axis' linear scale from the data's least and greatest values onto `range` (the
    /// plot's bottom and top), from zero where `from_zero` (magnitudes), widened to round ticks
    /// for as many as `model::axis::value_axis` asks of it.
    pub fn linear(domain: (f64, f64), range: (f64, f64), from_zero: bool) -> ValueScale {
        let s = Linear::new(domain, range);
        let s = if from_zero { s.include_zero() } else { s };
        ValueScale::Linear(s.nice(tick_count(range.1 - range.0)))
    }

    /// A value axis' log scale, widened to powers of ten; an error for values at or below zero.
    #[cfg(feature = "series")]
    pub fn log(domain: (f64, f64), range: (f64, f64)) -> Result<ValueScale, NotPositive> {
        Log::new(domain, range).map(|s| ValueScale::Log(s.nice()))
    }

    /// The value axis of a chart of magnitudes: log where the chart asks (`log`) and every value is
    /// above zero, else linear from zero. Only charts of series may ask, so the engine built
    /// without them draws every axis linear.
    pub fn of_magnitudes(log: bool, domain: (f64, f64), range: (f64, f64)) -> ValueScale {
        #[cfg(feature = "series")]
        if let Some(s) = log.then(|| ValueScale::log(domain, range).ok()).flatten() {
            return s;
        }
        let _ = log;
        ValueScale::linear(domain, range, true)
    }

    pub fn map(&self, v: f64) -> f64 {
        match self {
            ValueScale::Linear(s) => s.map(v),
            #[cfg(feature = "series")]
            ValueScale::Log(s) => s.map(v),
        }
    }

    pub fn invert(&self, px: f64) -> f64 {
        match self {
            ValueScale::Linear(s) => s.invert(px),
            #[cfg(feature = "series")]
            ValueScale::Log(s) => s.invert(px),
        }
    }

    /// The same scale onto another pixel range: small multiples place one scale in every panel.
    #[must_use]
    pub fn placed(&self, r0: f64, r1: f64) -> ValueScale {
        match self {
            ValueScale::Linear(s) => ValueScale::Linear(Linear::new(s.domain(), (r0, r1))),
            #[cfg(feature = "series")]
            ValueScale::Log(s) => ValueScale::Log(Log::new(s.domain(), (r0, r1)).unwrap_or(*s)),
        }
    }

    pub fn domain(&self) -> (f64, f64) {
        match self {
            ValueScale::Linear(s) => s.domain(),
            #[cfg(feature = "series")]
            ValueScale::Log(s) => s.domain(),
        }
    }

    pub fn range(&self) -> (f64, f64) {
        match self {
            ValueScale::Linear(s) => s.range(),
            #[cfg(feature = "series")]
            ValueScale::Log(s) => s.range(),
        }
    }

    pub fn ticks(&self, count: usize) -> Vec<f64> {
        match self {
            ValueScale::Linear(s) => s.ticks(count),
            #[cfg(feature = "series")]
            ValueScale::Log(s) => s.ticks(count),
        }
    }

    /// The ticks' texts: a linear axis writes every tick with one unit and one number of decimals,
    /// a log axis each tick in its own shortest form (1, 10, 100 share no decimals).
    pub fn tick_texts(&self, ticks: &[f64], unit: &str, lang: Lang, style: Style) -> Vec<String> {
        match self {
            ValueScale::Linear(_) => tick_text::linear(ticks, unit, lang, style),
            #[cfg(feature = "series")]
            ValueScale::Log(_) => tick_text::each(ticks, unit, lang, style),
        }
    }

    /// Where zero is drawn, when the domain holds it (never on a log scale).
    pub fn zero(&self) -> Option<f64> {
        match self {
            ValueScale::Linear(s) => s.zero(),
            #[cfg(feature = "series")]
            ValueScale::Log(_) => None,
        }
    }
}

/// 10^`e`, exact where a double holds it exactly (up to 10^22) and correctly rounded down to 10^-22,
/// so that a step of 0.1 is the double nearest 0.1. Beyond, the host's power (the browser's in
/// the page: Rust's would bring libm's into the wasm).
pub(crate) fn pow10(e: i32) -> f64 {
    if (0..=22).contains(&e) {
        let mut p = 1.0;
        for _ in 0..e {
            p *= 10.0;
        }
        p
    } else if (-22..0).contains(&e) {
        1.0 / pow10(-e)
    } else {
        crate::host::pow(10.0, f64::from(e))
    }
}

/// The largest `e` with 10^`e` ≤ `v` (for `v` > 0): `log10` alone is a bit short on some powers
/// (log10(1000) is 2.9999999999999996 on some platforms).
pub(crate) fn decade(v: f64) -> i32 {
    let mut e = v.log10().floor().max(-400.0).min(400.0) as i32;
    if pow10(e) > v {
        e -= 1;
    } else if pow10(e + 1) <= v {
        e += 1;
    }
    e
}

#[cfg(test)]
// Exact doubles are what these tests check: a scale promises them (a tick of 0.3 is the double nearest 0.3).
#[allow(clippy::float_cmp)]
mod tests {
    use super::*;

    #[test]
    fn powers_of_ten_are_exact_where_doubles_allow() {
        assert_eq!(pow10(0), 1.0);
        assert_eq!(pow10(3), 1000.0);
        assert_eq!(pow10(-1), 0.1);
        assert_eq!(pow10(-3), 0.001);
        assert_eq!(pow10(22), 1e22);
        for (v, e) in [(1000.0, 3), (999.0, 2), (1.0, 0), (0.1, -1), (0.099, -2), (1e300, 300), (f64::MAX, 308)] {
            assert_eq!(decade(v), e, "{v}");
        }
    }

    #[test]
    fn a_value_axis_scale_ends_on_ticks() {
        let s = ValueScale::linear((43.7, 81.2), (200.0, 0.0), true);
        assert_eq!(s.domain(), (0.0, 100.0));
        assert_eq!(s.ticks(tick_count(200.0)), [0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
        assert_eq!(ValueScale::linear((43.7, 81.2), (200.0, 0.0), false).domain(), (40.0, 90.0));
    }

    #[cfg(feature = "series")]
    #[test]
    fn a_log_axis_is_for_values_above_zero() {
        assert_eq!(ValueScale::log((-1.0, 5.0), (200.0, 0.0)), Err(NotPositive { min: -1.0 }));
        assert_eq!(ValueScale::log((3.0, 70.0), (200.0, 0.0)).map(|s| s.domain()), Ok((1.0, 100.0)));
        // A chart of magnitudes falls back to linear from zero where a value is not above it.
        let log = ValueScale::of_magnitudes(true, (3.0, 70.0), (200.0, 0.0));
        assert!(matches!(log, ValueScale::Log(_)), "{log:?}");
        assert_eq!(ValueScale::of_magnitudes(true, (-3.0, 70.0), (200.0, 0.0)).domain(), (-20.0, 80.0));
        assert_eq!(ValueScale::of_magnitudes(false, (3.0, 70.0), (200.0, 0.0)).domain(), (0.0, 80.0));
    }

    #[test]
    fn tick_counts_follow_the_length() {
        assert_eq!(tick_count(160.0), 4);
        assert_eq!(tick_count(0.0), 2);
        assert_eq!(tick_count(f64::NAN), 2);
        assert_eq!(tick_count(10_000.0), 10);
    }
}
