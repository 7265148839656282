//! A band scale: n categories side by side in a pixel range, each a band with room between.

/// `n` equal bands across `range`, in order, with `inner` (a share of a step) between neighbours
/// and `outer` (a share of a step) before the first and after the last, as d3's `scaleBand`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Band {
    n: usize,
    range: (f64, f64),
    inner: f64,
    outer: f64,
}

impl Band {
    /// `n` bands across `range` with a fifth of a step between them and a tenth at the ends.
    pub fn new(n: usize, range: (f64, f64)) -> Band {
        Band { n, range: (range.0.min(range.1), range.0.max(range.1)), inner: 0.2, outer: 0.1 }
    }

    /// The same bands with other padding: `inner` from 0 to 1 of a step between bands, `outer`
    /// (0 or more) of a step at each end.
    #[must_use]
    pub fn padding(self, inner: f64, outer: f64) -> Band {
        let inner = if inner.is_finite() { inner.max(0.0).min(1.0) } else { 0.0 };
        let outer = if outer.is_finite() { outer.max(0.0) } else { 0.0 };
        Band { inner, outer, ..self }
    }

    pub fn len(&self) -> usize {
        self.n
    }

    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    pub fn range(&self) -> (f64, f64) {
        self.range
    }

    /// From the start of one band to the start of the next.
    pub fn step(&self) -> f64 {
        let slots = self.n as f64 - self.inner + 2.0 * self.outer;
        let length = self.range.1 - self.range.0;
        if slots > 0.0 && length.is_finite() {
            length / slots
        } else {
            0.0
        }
    }

    /// Each band's width.
    pub fn width(&self) -> f64 {
        self.step() * (1.0 - self.inner)
    }

    /// Where band `i` starts.
    pub fn start(&self, i: usize) -> f64 {
        self.range.0 + self.step() * (self.outer + i as f64)
    }

    /// The middle of band `i`, where its label goes.
    pub fn center(&self, i: usize) -> f64 {
        self.start(i) + self.width() / 2.0
    }

    /// The band a pointer at `px` is on: the nearest band to any point of the range, so that the
    /// room between bands answers too; `None` outside the range or with no bands.
    pub fn index_at(&self, px: f64) -> Option<usize> {
        let step = self.step();
        if self.n == 0 || !(px >= self.range.0 && px <= self.range.1) || step <= 0.0 {
            return None;
        }
        // Band i's share runs from half the gap before it to half the gap after it.
        let at = (px - self.range.0) / step - self.outer + self.inner / 2.0;
        Some((at.floor().max(0.0) as usize).min(self.n - 1))
    }
}

#[cfg(test)]
// Exact doubles are what these tests check.
#[allow(clippy::float_cmp)]
mod tests {
    use super::*;

    #[test]
    fn bands_fill_the_range_with_their_padding() {
        let b = Band::new(4, (0.0, 390.0)).padding(0.2, 0.1);
        // 4 - 0.2 + 0.2 = 4 steps.
        assert!((b.step() - 97.5).abs() < 1e-9);
        assert!((b.width() - 78.0).abs() < 1e-9);
        assert!((b.start(0) - 9.75).abs() < 1e-9);
        assert!((b.start(3) + b.width() + 9.75 - 390.0).abs() < 1e-9);
        assert!((b.center(1) - (9.75 + 97.5 + 39.0)).abs() < 1e-9);
    }

    #[test]
    fn every_point_of_the_range_finds_its_nearest_band() {
        let b = Band::new(3, (0.0, 300.0));
        assert_eq!(b.index_at(0.0), Some(0));
        assert_eq!(b.index_at(b.center(1)), Some(1));
        // Just past band 0's end, inside the gap's first half: still band 0.
        assert_eq!(b.index_at(b.start(0) + b.width() + 1.0), Some(0));
        assert_eq!(b.index_at(b.start(1) - 1.0), Some(1));
        assert_eq!(b.index_at(300.0), Some(2));
        assert_eq!(b.index_at(-1.0), None);
        assert_eq!(b.index_at(f64::NAN), None);
        assert_eq!(Band::new(0, (0.0, 300.0)).index_at(10.0), None);
        assert_eq!(Band::new(0, (0.0, 300.0)).width(), 0.0);
    }
}
