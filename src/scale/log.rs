//! A base-10 logarithmic scale for positive values: equal ratios at equal distances, ticks at 1, 2, 5 × 10^k.

use super::{decade, pow10, Linear};

/// Positive values from `domain` placed by their logarithm along `range` (pixels).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Log {
    domain: (f64, f64),
    range: (f64, f64),
}

/// A log scale was asked for values at or below zero, which have no logarithm. `min` is the
/// smallest such value, for the chart's message.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NotPositive {
    pub min: f64,
}

impl NotPositive {
    /// What the chart says in place of itself.
    pub fn message(&self) -> String {
        format!(
            "a log scale needs values above zero, and this chart has {}: use a linear scale, or leave those values out",
            crate::host::number_text(self.min)
        )
    }
}

/// Every how many decades a power of ten is ticked, tried in this order.
const EVERY: [i32; 12] = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000];

impl Log {
    /// A scale from `domain` (the data's least and greatest values, in either order) onto `range`;
    /// an error when a value is zero or below. A non-finite end is left out (both: 1 to 10, as for no data), and a
    /// domain of one value spans the decade around it (5 is drawn from 1 to 10).
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Result<Log, NotPositive> {
        let ends: Vec<f64> = [domain.0, domain.1].into_iter().filter(|v| v.is_finite()).collect();
        let lo = ends.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = ends.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        if lo <= 0.0 {
            return Err(NotPositive { min: lo });
        }
        let domain = if ends.is_empty() {
            (1.0, 10.0)
        } else if lo < hi {
            (lo, hi)
        } else {
            around(lo)
        };
        let range = if range.0.is_finite() && range.1.is_finite() { range } else { (0.0, 0.0) };
        Ok(Log { domain, range })
    }

    pub fn domain(&self) -> (f64, f64) {
        self.domain
    }

    pub fn range(&self) -> (f64, f64) {
        self.range
    }

    /// The same scale with its domain widened to whole powers of ten (where they exist as doubles).
    #[must_use]
    pub fn nice(self) -> Log {
        let (lo, hi) = self.domain;
        let down = pow10(decade(lo));
        let e = decade(hi);
        let up = if pow10(e) >= hi { hi } else { pow10(e + 1) };
        let lo = if down > 0.0 && down <= lo { down } else { lo };
        let hi = if up.is_finite() && up >= hi { up } else { hi };
        Log { domain: (lo, hi), ..self }
    }

    /// Ticks inside the domain, increasing, at most one more than `count`: 1, 2 and 5 × 10^k where
    /// that many fit, else powers of ten, else every second, fifth, tenth … power; where even those
    /// leave fewer than two, the powers at the domain's ends. A domain inside one decade without
    /// such a tick (20 to 45) gets the linear scale's round ticks instead.
    pub fn ticks(&self, count: usize) -> Vec<f64> {
        let (lo, hi) = self.domain;
        let (first, last) = (decade(lo), decade(hi));
        let most = count.max(2) + 1;
        let at = |mantissas: &[f64], every: i32| {
            let mut out: Vec<f64> = Vec::new();
            for e in (first..=last).filter(|e| e.rem_euclid(every) == 0) {
                for m in mantissas {
                    let t = m * pow10(e);
                    if t > 0.0 && t.is_finite() && t >= lo && t <= hi && out.last().is_none_or(|p| t > *p) {
                        out.push(t);
                    }
                }
            }
            out
        };
        let mut options = std::iter::once(at(&[1.0, 2.0, 5.0], 1))
            .chain(EVERY.iter().map(|k| at(&[1.0], *k)))
            .filter(|t| t.len() <= most);
        match options.next() {
            Some(t) if t.len() >= 2 => t,
            _ => {
                let ends: Vec<f64> =
                    [pow10(first), pow10(last)].into_iter().filter(|t| *t >= lo && *t <= hi && *t > 0.0).collect();
                if ends.len() == 2 && ends[0] < ends[1] {
                    return ends;
                }
                Linear::new(self.domain, self.range).ticks(count).into_iter().filter(|t| *t > 0.0).collect()
            }
        }
    }

    /// The pixel of `v`; a value at or below zero (which the scale refuses) is put at the domain's start.
    pub fn map(&self, v: f64) -> f64 {
        let (l0, l1) = (self.domain.0.log10(), self.domain.1.log10());
        let t = if v > 0.0 { (v.log10() - l0) / (l1 - l0) } else { 0.0 };
        self.range.0 + t * (self.range.1 - self.range.0)
    }

    /// The value at pixel `px`: `map`'s inverse.
    pub fn invert(&self, px: f64) -> f64 {
        let (r0, r1) = self.range;
        let length = r1 - r0;
        let t = if length == 0.0 { 0.0 } else { (px - r0) / length };
        let (l0, l1) = (self.domain.0.log10(), self.domain.1.log10());
        crate::host::pow(10.0, l0 + t * (l1 - l0))
    }
}

/// The powers of ten around `v`: below it and above it (10^k and 10^(k+1) when it lies between).
fn around(v: f64) -> (f64, f64) {
    let e = decade(v);
    let below = if pow10(e) < v && pow10(e) > 0.0 { pow10(e) } else { pow10(e - 1) };
    let above = pow10(e + 1);
    match (below > 0.0 && below < v, above.is_finite()) {
        (true, true) => (below, above),
        (true, false) => (below, v),
        (false, _) => (v, if above.is_finite() { above } else { v * 2.0 }),
    }
}

#[cfg(test)]
// Exact doubles are what these tests check.
#[allow(clippy::float_cmp)]
mod tests {
    use super::*;

    #[test]
    fn refuses_values_at_or_below_zero() {
        assert_eq!(Log::new((-3.0, 10.0), (0.0, 1.0)), Err(NotPositive { min: -3.0 }));
        assert_eq!(Log::new((0.0, 10.0), (0.0, 1.0)), Err(NotPositive { min: 0.0 }));
        assert!(NotPositive { min: -3.0 }.message().contains("-3"));
        // The least and greatest of no values: the default decade.
        assert_eq!(Log::new((f64::INFINITY, f64::NEG_INFINITY), (0.0, 1.0)).map(|s| s.domain()), Ok((1.0, 10.0)));
    }

    #[test]
    fn ticks_thin_out_with_the_decades() {
        let s = Log::new((3.0, 700.0), (0.0, 300.0)).expect("positive").nice();
        assert_eq!(s.domain(), (1.0, 1000.0));
        assert_eq!(s.ticks(9), vec![1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0, 500.0, 1000.0]);
        assert_eq!(s.ticks(4), vec![1.0, 10.0, 100.0, 1000.0]);
        let wide = Log::new((1e-3, 1e12), (0.0, 300.0)).expect("positive").nice();
        assert_eq!(wide.ticks(5), vec![1.0, 1e5, 1e10]);
        // Inside one decade: the linear scale's round ticks.
        assert_eq!(Log::new((21.0, 49.0), (0.0, 300.0)).expect("positive").ticks(4), vec![30.0, 40.0]);
    }

    #[test]
    fn one_value_spans_its_decade() {
        assert_eq!(Log::new((5.0, 5.0), (0.0, 1.0)).map(|s| s.domain()), Ok((1.0, 10.0)));
        assert_eq!(Log::new((10.0, 10.0), (0.0, 1.0)).map(|s| s.domain()), Ok((1.0, 100.0)));
        let top = Log::new((f64::MAX, f64::MAX), (0.0, 1.0)).map(|s| s.domain());
        assert_eq!(top, Ok((1e308, f64::MAX)));
        let (lo, hi) = Log::new((5e-324, 5e-324), (0.0, 1.0)).map(|s| s.domain()).expect("positive");
        assert!(lo == 5e-324 && hi > lo, "{lo} {hi}");
    }

    #[test]
    fn maps_ratios_to_distances() {
        let s = Log::new((1.0, 100.0), (0.0, 200.0)).expect("positive");
        assert!((s.map(10.0) - 100.0).abs() < 1e-9);
        assert!((s.invert(100.0) - 10.0).abs() < 1e-9);
        assert_eq!(s.map(-1.0), 0.0);
    }
}
