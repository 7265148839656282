//! The times a chart's cursor can stand at, in order, and where each is across the chart.

use std::sync::Arc;

use crate::scale::TimeScale;
use crate::time::Time;

#[derive(Debug, Clone, PartialEq)]
pub enum Timeline {
    /// Each time with its x, as the chart placed them.
    Placed(Vec<(Time, f64)>),
    /// One series' times, placed by its time scale when asked: a series of a million points needs
    /// no list of its own made at every layout.
    Scaled(Arc<[(Time, Option<f64>)]>, TimeScale),
}

impl Timeline {
    pub fn len(&self) -> usize {
        match self {
            Timeline::Placed(times) => times.len(),
            Timeline::Scaled(points, _) => points.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The `i`th time and its x.
    pub fn get(&self, i: usize) -> Option<(Time, f64)> {
        match self {
            Timeline::Placed(times) => times.get(i).copied(),
            Timeline::Scaled(points, scale) => points.get(i).map(|p| (p.0, scale.map_time(p.0))),
        }
    }

    /// Where time `t` stands in the list, if the chart has it.
    pub fn index_of(&self, t: Time) -> Option<usize> {
        match self {
            Timeline::Placed(times) => times.binary_search_by(|p| p.0.cmp(&t)).ok(),
            Timeline::Scaled(points, _) => points.binary_search_by(|p| p.0.cmp(&t)).ok(),
        }
    }

    /// The x of time `t`, if the chart has it.
    pub fn x_of(&self, t: Time) -> Option<f64> {
        self.index_of(t).and_then(|i| self.get(i)).map(|p| p.1)
    }

    /// The time nearest `x` (CSS pixels across the chart).
    pub fn nearest(&self, x: f64) -> Option<Time> {
        // Times are in order and so are their x: the first at or right of `x` is found by halving.
        let (mut lo, mut hi) = (0, self.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if self.get(mid).is_some_and(|p| p.1 < x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        let near = |i: usize| self.get(i).map(|(t, px)| (t, (px - x).abs()));
        match (lo.checked_sub(1).and_then(near), near(lo)) {
            (Some(a), Some(b)) => Some(if a.1 <= b.1 { a.0 } else { b.0 }),
            (a, b) => a.or(b).map(|p| p.0),
        }
    }

    /// The time `step` places after (before, when negative) `from`, kept within the list; from no
    /// time (or one the chart does not have), the last (stepping back) or the first.
    pub fn step(&self, from: Option<Time>, step: isize) -> Option<Time> {
        let last = self.len().checked_sub(1)?;
        let i = match from.and_then(|t| self.index_of(t)) {
            Some(i) => i.saturating_add_signed(step).min(last),
            None if step < 0 => last,
            None => 0,
        };
        self.get(i).map(|p| p.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn years(ys: &[i32]) -> Vec<(Time, Option<f64>)> {
        ys.iter().map(|y| (Time::Year(*y), Some(1.0))).collect()
    }

    /// The same times both ways: placed by hand, and by a scale from 2000 at 0 px to 2010 at 100 px.
    fn both() -> [Timeline; 2] {
        let points = years(&[2000, 2001, 2005, 2010]);
        let scale = TimeScale::new((2000.0, 2010.0), (0.0, 100.0));
        let placed = points.iter().map(|p| (p.0, scale.map_time(p.0))).collect();
        [Timeline::Placed(placed), Timeline::Scaled(points.into(), scale)]
    }

    #[test]
    fn finds_the_nearest_time_either_way() {
        for line in both() {
            assert_eq!(line.nearest(-50.0), Some(Time::Year(2000)));
            assert_eq!(line.nearest(4.0), Some(Time::Year(2000)));
            assert_eq!(line.nearest(6.0), Some(Time::Year(2001)));
            assert_eq!(line.nearest(29.0), Some(Time::Year(2001)));
            assert_eq!(line.nearest(31.0), Some(Time::Year(2005)));
            assert_eq!(line.nearest(500.0), Some(Time::Year(2010)));
            assert_eq!(line.x_of(Time::Year(2005)), Some(50.0));
            assert_eq!(line.x_of(Time::Year(2004)), None);
        }
    }

    #[test]
    fn steps_within_the_list() {
        for line in both() {
            assert_eq!(line.step(None, 1), Some(Time::Year(2000)));
            assert_eq!(line.step(None, -1), Some(Time::Year(2010)));
            assert_eq!(line.step(Some(Time::Year(2001)), 1), Some(Time::Year(2005)));
            assert_eq!(line.step(Some(Time::Year(2001)), -5), Some(Time::Year(2000)));
            assert_eq!(line.step(Some(Time::Year(2005)), 9), Some(Time::Year(2010)));
        }
        assert_eq!(Timeline::Placed(Vec::new()).step(None, 1), None);
        assert_eq!(Timeline::Placed(Vec::new()).nearest(3.0), None);
    }
}
