//! Keeps only the points a line needs at its width: per pixel column the first, last, lowest and highest (M4).
//!
//! Jugel et al., "M4: A Visualization-Oriented Time Series Data Aggregation" (VLDB 2014). A line
//! drawn through every point of a series and one drawn through these four per pixel column colour
//! the same pixels, when each point is drawn in its column (`column`): inside a column, the segments
//! between its points run down and up between its lowest and highest, and the segment to the next
//! column leaves from its last point and arrives at that column's first. So the cost of drawing a
//! line is bounded by its pixels, not its points: at most four points per column and run.

/// A point of a series: where it is along x (a time's position) and its value; `None` is a gap,
/// which the line never bridges.
pub type Point = (f64, Option<f64>);

/// The pixel column a point at `x_px` is drawn in. The kept points draw the same picture as every
/// point only when the line is drawn with each point's x at its column: `floor`, not `round`.
pub fn column(x_px: f64) -> f64 {
    x_px.floor()
}

/// The first, last, lowest and highest points of one run in one column, each with its place in
/// the series (to keep them in order).
#[derive(Debug, Clone, Copy)]
struct Bucket {
    column: i64,
    first: (usize, f64, f64),
    last: (usize, f64, f64),
    low: (usize, f64, f64),
    high: (usize, f64, f64),
}

impl Bucket {
    fn new(column: i64, p: (usize, f64, f64)) -> Bucket {
        Bucket { column, first: p, last: p, low: p, high: p }
    }

    fn add(&mut self, p: (usize, f64, f64)) {
        self.last = p;
        if p.2 < self.low.2 {
            self.low = p;
        }
        if p.2 > self.high.2 {
            self.high = p;
        }
    }

    /// The bucket's points, each once, in the series' order.
    fn flush(self, out: &mut Vec<Point>) {
        let mut kept = [self.first, self.low, self.high, self.last];
        super::insertion_sort(&mut kept, |a, b| a.0 < b.0);
        let mut before = None;
        for (i, x, y) in kept {
            if before != Some(i) {
                out.push((x, Some(y)));
                before = Some(i);
            }
        }
    }
}

/// M4 fed one point at a time, in the series' order: a layout reduces a long series as it places
/// it, with no copy of its points. The result is what `m4` gives.
#[derive(Debug)]
pub struct M4 {
    /// The outer columns, one each side of the plot: every point beyond is held in them.
    lo: f64,
    hi: f64,
    bucket: Option<Bucket>,
    seen: usize,
    out: Vec<Point>,
}

impl M4 {
    /// Ready for a line whose plot runs from `left` to `right` (pixels).
    pub fn new((left, right): (f64, f64)) -> M4 {
        let (lo, hi) = (column(left) - 1.0, column(right) + 1.0);
        M4 { lo, hi, bucket: None, seen: 0, out: Vec::with_capacity(4 * (hi - lo + 1.0).max(0.0) as usize) }
    }

    /// The next point: at `x`, drawn at pixel `px`, with value `y` (`None`: a gap).
    pub fn push(&mut self, x: f64, px: f64, y: Option<f64>) {
        let i = self.seen;
        self.seen += 1;
        let Some(v) = y.filter(|v| v.is_finite()).filter(|_| px.is_finite()) else {
            if let Some(b) = self.bucket.take() {
                b.flush(&mut self.out);
            }
            // One gap between two runs, however many missing values make it; none before the first.
            if self.out.last().is_some_and(|p| p.1.is_some()) {
                self.out.push((x, None));
            }
            return;
        };
        // Held between the two outer columns first, so the whole number fits.
        let c = column(px).max(self.lo).min(self.hi) as i64;
        match &mut self.bucket {
            Some(b) if b.column == c => b.add((i, x, v)),
            _ => {
                if let Some(b) = self.bucket.take() {
                    b.flush(&mut self.out);
                }
                self.bucket = Some(Bucket::new(c, (i, x, v)));
            }
        }
    }

    /// The kept points, in order, gaps between runs kept once.
    pub fn finish(mut self) -> Vec<Point> {
        if let Some(b) = self.bucket.take() {
            b.flush(&mut self.out);
        }
        // No gap after the last run.
        if self.out.last().is_some_and(|p| p.1.is_none()) {
            self.out.pop();
        }
        self.out
    }
}

/// `points` (sorted by x) reduced to what a line through them draws at the columns of `x_px`:
/// per run of values and per pixel column, the first, last, lowest and highest points, in their
/// order. Each gap between two runs stays as one `(x, None)`; a value that is not finite, or a
/// point whose pixel is not, is a gap too. Points left of `left` or right of `right` (pixels) are
/// taken as one column on each side: a chart clips the lines drawn there. The result has at most
/// 4 × (`right` − `left` + 3) points per run, and the work is one pass over the points.
pub fn m4(points: &[Point], x_px: impl Fn(f64) -> f64, bounds: (f64, f64)) -> Vec<Point> {
    let mut m4 = M4::new(bounds);
    for &(x, y) in points {
        m4.push(x, x_px(x), y);
    }
    m4.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_first_last_lowest_and_highest_per_column_in_order() {
        let points: Vec<Point> = [(0.0, 5.0), (0.2, 9.0), (0.4, 1.0), (0.6, 4.0), (0.8, 3.0), (1.0, 7.0)]
            .map(|(x, y)| (x, Some(y)))
            .to_vec();
        // Five points in column 0, one in column 1.
        let kept = m4(&points, |x| x, (0.0, 10.0));
        assert_eq!(kept, [(0.0, Some(5.0)), (0.2, Some(9.0)), (0.4, Some(1.0)), (0.8, Some(3.0)), (1.0, Some(7.0))]);
    }

    #[test]
    fn gaps_are_kept_once_and_never_bridged() {
        let points: Vec<Point> = vec![
            (0.0, None),
            (0.1, Some(1.0)),
            (0.2, Some(2.0)),
            (0.3, None),
            (0.4, None),
            (0.5, Some(3.0)),
            (0.6, Some(f64::NAN)),
            (0.7, Some(4.0)),
            (0.8, None),
        ];
        let kept = m4(&points, |x| x, (0.0, 10.0));
        assert_eq!(
            kept,
            [(0.1, Some(1.0)), (0.2, Some(2.0)), (0.3, None), (0.5, Some(3.0)), (0.6, None), (0.7, Some(4.0))]
        );
    }

    #[test]
    fn points_beyond_the_plot_make_one_column_each_side() {
        let points: Vec<Point> = (-1000..2000).map(|i| (f64::from(i), Some(f64::from(i % 7)))).collect();
        let kept = m4(&points, |x| x / 10.0, (0.0, 100.0));
        assert!(kept.len() <= 4 * 103, "{} points kept", kept.len());
        assert_eq!(kept.first(), points.first());
        assert_eq!(kept.last(), points.last());
    }

    #[test]
    fn a_million_points_reduce_to_four_per_column() {
        let n = 1_000_000;
        let width = 1200.0;
        // A random walk with spikes, from a small linear congruential generator.
        let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
        let mut y = 0.0;
        let points: Vec<Point> = (0..n)
            .map(|i| {
                seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                y += ((seed >> 33) as f64 / f64::from(1u32 << 31)) - 0.5;
                (f64::from(i), Some(if seed % 10_007 == 0 { y * 50.0 } else { y }))
            })
            .collect();
        let x_px = |x: f64| x / f64::from(n) * width;
        let start = std::time::Instant::now();
        let kept = m4(&points, x_px, (0.0, width));
        let took = start.elapsed();
        println!("M4: {n} points to {} in {took:?}", kept.len());
        assert!(kept.len() <= 4 * width as usize, "{} points kept", kept.len());
        // Every column's extremes are kept: the series' own lowest and highest points among them.
        let value = |p: &Point| p.1.unwrap_or(f64::NAN);
        let lowest = points.iter().map(value).fold(f64::INFINITY, f64::min);
        let highest = points.iter().map(value).fold(f64::NEG_INFINITY, f64::max);
        assert!(kept.iter().any(|p| p.1 == Some(lowest)) && kept.iter().any(|p| p.1 == Some(highest)));
        assert!(kept.windows(2).all(|w| w[0].0 < w[1].0));
    }
}
