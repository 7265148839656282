//! A linear scale: a domain of values onto a range of pixels, with round ticks (1, 2, 2.5, 5 × 10^k).

use super::{decade, pow10};

/// Values from `domain` placed linearly along `range` (pixels; `range.0` may be the larger, as a
/// vertical axis runs upwards). The domain is always finite and wider than one value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Linear {
    domain: (f64, f64),
    range: (f64, f64),
}

/// A round step, with its inverse where that is a whole number: a tick of 0.3 is then computed as
/// 3 / 10, the double nearest 0.3, rather than 3 × 0.1 (0.30000000000000004).
#[derive(Debug, Clone, Copy, PartialEq)]
struct Step {
    size: f64,
    inverse: Option<f64>,
}

impl Step {
    fn at(self, i: f64) -> f64 {
        // `+ 0.0` turns the -0 of `ceil(-0.5)` into 0.
        match self.inverse {
            Some(inv) => i / inv + 0.0,
            None => i * self.size + 0.0,
        }
    }

    fn index(self, v: f64) -> f64 {
        match self.inverse {
            Some(inv) => v * inv,
            None => v / self.size,
        }
    }

    /// The multiple of the step at or below `v`. Checked against `v` itself: a tiny value over a
    /// huge step underflows to an index of 0 (9e-191 / 5e134), and rounding can land a hair off.
    fn below(self, v: f64) -> f64 {
        let i = self.index(v).floor();
        if self.at(i) > v {
            self.at(i - 1.0)
        } else {
            self.at(i)
        }
    }

    /// The multiple of the step at or above `v`.
    fn above(self, v: f64) -> f64 {
        let i = self.index(v).ceil();
        if self.at(i) < v {
            self.at(i + 1.0)
        } else {
            self.at(i)
        }
    }
}

/// The round steps, in the order they are tried.
const MULTIPLES: [f64; 5] = [1.0, 2.0, 2.5, 5.0, 10.0];

/// Ticks are at least this share of the largest value apart (2^-40, about 1e-12): distinct numbers,
/// and distinct texts in the fifteen digits `format` writes. A domain narrower than that (1e300 to
/// the next double) gets fewer, coarser ticks.
const RESOLUTION: f64 = 1.0 / 1_099_511_627_776.0;

/// The most ticks a scale ever gives, whatever a caller asks: a bound against rounding surprises.
const MAX_TICKS: usize = 64;

/// The round step for about `count` intervals across `domain`: the smallest 1, 2, 2.5 or 5 × 10^k
/// that is at least the span over `count`, so that there are at most `count` intervals and more
/// than half as many.
fn step(domain: (f64, f64), count: usize) -> Step {
    let count = count.max(2) as f64;
    // Halves, so that a domain from -f64::MAX to f64::MAX does not overflow.
    let half = domain.1 / 2.0 - domain.0 / 2.0;
    let widest = domain.0.abs().max(domain.1.abs());
    let raw = (half / count * 2.0).max(widest * RESOLUTION).max(f64::from_bits(1));
    let e = decade(raw);
    let mag = pow10(e);
    // Below the normal doubles a power of ten is not exact (and 10^-324 is zero): the step is then
    // 1, 2 or 5 × 10^k of the least double, exact, so that widening the domain to it settles.
    if mag < f64::MIN_POSITIVE {
        // Counted in least doubles, where the arithmetic is exact: halving a subnormal is not.
        let least = f64::from_bits(1);
        let span = domain.1 / least - domain.0 / least;
        let units = (span / count).max(widest / least * RESOLUTION).max(1.0).ceil();
        let u = pow10(decade(units));
        let m = [1.0, 2.0, 5.0, 10.0].into_iter().find(|m| m * u >= units).unwrap_or(10.0);
        return Step { size: m * u * least, inverse: None };
    }
    // A hair's tolerance: a span of 0.6 over 3 is 0.19999999999999998, whose round step is 0.2.
    let m = MULTIPLES.iter().copied().find(|m| m * mag >= raw * (1.0 - 1e-12)).unwrap_or(10.0);
    let size = m * mag;
    // Two steps across the whole line of doubles: no round step that large exists. The largest
    // there is, 1e308, makes at most three ticks (-1e308, 0, 1e308).
    if !size.is_finite() {
        return Step { size: pow10(308), inverse: None };
    }
    let inverse = (-22..0).contains(&e).then(|| pow10(-e) / m).filter(|inv| inv.fract() == 0.0 && *inv >= 1.0);
    Step { size, inverse }
}

impl Linear {
    /// A scale from `domain` (the data's least and greatest values, in either order) onto `range`.
    /// What no axis can show is made into one it can: a non-finite end is left out (both: 0 to 1),
    /// and a domain of one value is read against zero (5 becomes 0 to 5; 0 becomes 0 to 1).
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> Linear {
        let ends: Vec<f64> = [domain.0, domain.1].into_iter().filter(|v| v.is_finite()).collect();
        let lo = ends.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = ends.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let domain = if ends.is_empty() {
            (0.0, 1.0)
        } else if lo < hi {
            (lo, hi)
        } else if lo == 0.0 {
            (0.0, 1.0)
        } else {
            (lo.min(0.0), lo.max(0.0))
        };
        let range = if range.0.is_finite() && range.1.is_finite() { range } else { (0.0, 0.0) };
        Linear { domain, range }
    }

    pub fn domain(&self) -> (f64, f64) {
        self.domain
    }

    pub fn range(&self) -> (f64, f64) {
        self.range
    }

    /// The same scale with zero in its domain: magnitudes are drawn from zero (the kind decides
    /// which values are magnitudes).
    #[must_use]
    pub fn include_zero(self) -> Linear {
        Linear { domain: (self.domain.0.min(0.0), self.domain.1.max(0.0)), ..self }
    }

    /// The same scale with its domain widened to round values for about `count` ticks, so that the
    /// first and last ticks are its ends. Near ±`f64::MAX` the round value beyond the data does not
    /// exist: that end stays at the data.
    #[must_use]
    pub fn nice(self, count: usize) -> Linear {
        let mut d = self.domain;
        // A widened domain can need the next larger step, which can widen it once more; after
        // that it holds (the same as d3's `nice`).
        for _ in 0..10 {
            let s = step(d, count);
            let (lo, hi) = (s.below(d.0), s.above(d.1));
            let next = (
                if lo.is_finite() && lo <= d.0 { lo } else { d.0 },
                if hi.is_finite() && hi >= d.1 { hi } else { d.1 },
            );
            if next == d {
                break;
            }
            d = next;
        }
        Linear { domain: d, ..self }
    }

    /// The round step `ticks(count)` uses.
    pub fn step(&self, count: usize) -> f64 {
        step(self.domain, count).size
    }

    /// Round values inside the domain, about `count` intervals apart, in increasing order: after
    /// `nice(count)`, the first and last are the domain's ends.
    pub fn ticks(&self, count: usize) -> Vec<f64> {
        let s = step(self.domain, count);
        // The index of a niced end, computed back from it, can fall a hair short of a whole number
        // (864852085758.99999 for the 864852085759th multiple): the neighbouring index is tried.
        let (lo, hi) = self.domain;
        let first = s.index(lo).ceil();
        let first = if s.at(first - 1.0) >= lo { first - 1.0 } else { first };
        let last = s.index(hi).floor();
        let last = if s.at(last + 1.0) <= hi { last + 1.0 } else { last };
        let mut out: Vec<f64> = Vec::new();
        let mut i = first;
        while i <= last && out.len() < MAX_TICKS {
            let t = s.at(i);
            // Rounding can put a tick a hair outside the domain, or on its neighbour: neither is kept.
            if t.is_finite() && t >= lo && t <= hi && out.last().is_none_or(|p| t > *p) {
                out.push(t);
            }
            i += 1.0;
        }
        out
    }

    /// The pixel of `v` (values outside the domain land outside the range).
    pub fn map(&self, v: f64) -> f64 {
        let (d0, d1) = self.domain;
        let span = d1 - d0;
        let t = if span.is_finite() { (v - d0) / span } else { (v / 2.0 - d0 / 2.0) / (d1 / 2.0 - d0 / 2.0) };
        self.range.0 + t * (self.range.1 - self.range.0)
    }

    /// The value at pixel `px`: `map`'s inverse (the domain's start on a range of no length).
    pub fn invert(&self, px: f64) -> f64 {
        let (r0, r1) = self.range;
        let length = r1 - r0;
        let t = if length == 0.0 { 0.0 } else { (px - r0) / length };
        let (d0, d1) = self.domain;
        let span = d1 - d0;
        if span.is_finite() {
            d0 + t * span
        } else {
            d0 * (1.0 - t) + d1 * t
        }
    }

    /// Where zero is, when the domain holds it: the axis draws its zero line there.
    pub fn zero(&self) -> Option<f64> {
        (self.domain.0 <= 0.0 && self.domain.1 >= 0.0).then(|| self.map(0.0))
    }
}

#[cfg(test)]
// Exact doubles are what these tests check: a scale promises them (a tick of 0.3 is the double nearest 0.3).
#[allow(clippy::float_cmp)]
mod tests {
    use super::*;

    fn nice(lo: f64, hi: f64, count: usize) -> (Vec<f64>, (f64, f64)) {
        let s = Linear::new((lo, hi), (0.0, 100.0)).nice(count);
        (s.ticks(count), s.domain())
    }

    #[test]
    fn ticks_are_round_and_cover_the_data() {
        assert_eq!(nice(0.0, 6.3, 4), (vec![0.0, 2.0, 4.0, 6.0, 8.0], (0.0, 8.0)));
        assert_eq!(nice(0.0, 100.0, 4), (vec![0.0, 25.0, 50.0, 75.0, 100.0], (0.0, 100.0)));
        assert_eq!(nice(-3.2, 7.9, 6).0, vec![-4.0, -2.0, 0.0, 2.0, 4.0, 6.0, 8.0]);
        assert_eq!(nice(43.7, 81.2, 5).0, vec![40.0, 50.0, 60.0, 70.0, 80.0, 90.0]);
        // The widened domain (40 to 90) wants a step of 12.5 for four intervals: the next round one.
        assert_eq!(nice(43.7, 81.2, 4).0, vec![40.0, 60.0, 80.0, 100.0]);
        // Computed as 3 / 10, not 3 × 0.1.
        assert_eq!(nice(0.0, 0.6, 3).0, vec![0.0, 0.2, 0.4, 0.6]);
        assert!(nice(0.1, 0.3, 2).0.contains(&0.3));
    }

    #[test]
    fn one_value_is_read_against_zero() {
        assert_eq!(Linear::new((5.0, 5.0), (0.0, 1.0)).domain(), (0.0, 5.0));
        assert_eq!(Linear::new((-5.0, -5.0), (0.0, 1.0)).domain(), (-5.0, 0.0));
        assert_eq!(Linear::new((0.0, 0.0), (0.0, 1.0)).domain(), (0.0, 1.0));
        assert_eq!(Linear::new((f64::INFINITY, f64::NEG_INFINITY), (0.0, 1.0)).domain(), (0.0, 1.0));
        assert_eq!(Linear::new((f64::NAN, 3.0), (0.0, 1.0)).domain(), (0.0, 3.0));
    }

    #[test]
    fn the_ends_of_the_number_line_hold() {
        // A quarter of the smallest subnormal is zero: unguarded, the step would be 0 and the ticks endless.
        let (t, d) = nice(0.0, 5e-324, 4);
        assert_eq!(d, (0.0, 5e-324));
        assert_eq!(t, vec![0.0, 5e-324]);
        // Four steps of 5e307 overflow: the axis ends at the largest value, after three.
        let (t, d) = nice(0.0, f64::MAX, 4);
        assert_eq!(d, (0.0, f64::MAX));
        assert_eq!(t, vec![0.0, 5e307, 1e308, 1.5e308]);
        let (t, d) = nice(-f64::MAX, f64::MAX, 4);
        assert_eq!(d, (-f64::MAX, f64::MAX));
        assert!(t.len() >= 3 && t.contains(&0.0), "{t:?}");
        // Next to each other in the doubles: no two ticks the same number.
        let (t, _) = nice(1e300, f64::from_bits(1e300_f64.to_bits() + 1), 4);
        assert!(t.windows(2).all(|w| w[0] < w[1]) && !t.is_empty(), "{t:?}");
    }

    /// Found by tests/scales.rs: each once made an end that was no tick, or too many ticks.
    #[test]
    fn domains_the_property_tests_found() {
        // 9.2e-191 over a step of 5e134 underflows to an index of 0: the end is the next multiple.
        let (t, _) = nice(-7.944_961_197_442_761e134, 9.203_182_979_677_323e-191, 2);
        assert!(t.last().is_some_and(|l| *l >= 9.203_182_979_677_323e-191), "{t:?}");
        // No round step spans half the doubles: 1e308 does, with at most three ticks.
        let (t, d) = nice(-1e300, f64::MAX, 2);
        assert_eq!((t, d), (vec![-1e308, 0.0, 1e308], (-1e308, f64::MAX)));
        // Eleven least doubles in five steps of two.
        let (t, _) = nice(0.0, 5.4e-323, 5);
        assert!(t.len() <= 6, "{t:?}");
        // The 864852085759th multiple of 5e162, computed back, is a hair short of a whole index.
        let (t, _) = nice(4.324_260_428_790_98e174, 4.324_260_428_790_981e174, 3);
        assert_eq!(t.len(), 2, "{t:?}");
    }

    #[test]
    fn maps_and_inverts() {
        let s = Linear::new((0.0, 50.0), (200.0, 0.0));
        assert_eq!(s.map(0.0), 200.0);
        assert_eq!(s.map(25.0), 100.0);
        assert_eq!(s.invert(100.0), 25.0);
        assert_eq!(s.zero(), Some(200.0));
        let wide = Linear::new((-f64::MAX, f64::MAX), (0.0, 100.0));
        assert_eq!(wide.map(0.0), 50.0);
        assert_eq!(wide.invert(100.0), f64::MAX);
        assert_eq!(Linear::new((1.0, 2.0), (0.0, 1.0)).zero(), None);
    }
}
