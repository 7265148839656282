//! Values onto colours for a choropleth: ColorBrewer's colour-blind-safe ramps, cut into bins of
//! round steps by a stated rule or read continuously.
//!
//! The rule for bins: the range of every value the map can show (every region, every time) is
//! widened to round numbers and cut at round steps, as a value axis is ticked (`Linear::nice`), so a
//! colour means the same value in every year the slider shows. A diverging scheme cuts both sides
//! of its middle alike, so that equal distances from the middle get equally strong colours.

// ColorBrewer's colours, written as their #rrggbb is: digit groups would hide it.
#![allow(clippy::unreadable_literal)]

use crate::data::{Colors, Scheme};
use crate::theme::Rgb;

use super::Linear;

/// The bins a map has when the story names no number.
pub const DEFAULT_BINS: u8 = 5;

/// ColorBrewer's nine-class sequential ramps, lightest first (Brewer, Harrower: colorbrewer2.org).
const BLUES: [u32; 9] = [0xf7fbff, 0xdeebf7, 0xc6dbef, 0x9ecae1, 0x6baed6, 0x4292c6, 0x2171b5, 0x08519c, 0x08306b];
const GREENS: [u32; 9] = [0xf7fcf5, 0xe5f5e0, 0xc7e9c0, 0xa1d99b, 0x74c476, 0x41ab5d, 0x238b45, 0x006d2c, 0x00441b];
const PURPLES: [u32; 9] = [0xfcfbfd, 0xefedf5, 0xdadaeb, 0xbcbddc, 0x9e9ac8, 0x807dba, 0x6a51a3, 0x54278f, 0x3f007d];
const ORANGES: [u32; 9] = [0xfff5eb, 0xfee6ce, 0xfdd0a2, 0xfdae6b, 0xfd8d3c, 0xf16913, 0xd94801, 0xa63603, 0x7f2704];
/// The eleven-class diverging ramps, from the low end through the neutral middle to the high end.
const RED_BLUE: [u32; 11] =
    [0x67001f, 0xb2182b, 0xd6604d, 0xf4a582, 0xfddbc7, 0xf7f7f7, 0xd1e5f0, 0x92c5de, 0x4393c3, 0x2166ac, 0x053061];
const BROWN_TEAL: [u32; 11] =
    [0x543005, 0x8c510a, 0xbf812d, 0xdfc27d, 0xf6e8c3, 0xf5f5f5, 0xc7eae5, 0x80cdc1, 0x35978f, 0x01665e, 0x003c30];
/// ColorBrewer's `PuOr`, turned so that purple is the low end, as the scheme's name reads.
const PURPLE_ORANGE: [u32; 11] =
    [0x2d004b, 0x542788, 0x8073ac, 0xb2abd2, 0xd8daeb, 0xf7f7f7, 0xfee0b6, 0xfdb863, 0xe08214, 0xb35806, 0x7f3b08];

fn ramp(s: Scheme) -> &'static [u32] {
    match s {
        Scheme::Blues => &BLUES,
        Scheme::Greens => &GREENS,
        Scheme::Purples => &PURPLES,
        Scheme::Oranges => &ORANGES,
        Scheme::RedBlue => &RED_BLUE,
        Scheme::BrownTeal => &BROWN_TEAL,
        Scheme::PurpleOrange => &PURPLE_ORANGE,
    }
}

fn rgb(c: u32) -> Rgb {
    Rgb((c >> 16) as u8, (c >> 8) as u8, c as u8)
}

/// The colour at `t` (0 to 1) along `stops`, mixed between its two nearest stops.
fn along(stops: &[u32], t: f64) -> Rgb {
    let t = if t.is_nan() { 0.0 } else { t.max(0.0).min(1.0) };
    let at = t * (stops.len() - 1) as f64;
    let i = (at.floor() as usize).min(stops.len() - 2);
    let (a, b) = (rgb(stops[i]), rgb(stops[i + 1]));
    b.over(a, at - i as f64)
}

/// The part of a sequential ramp a map uses: its lightest stop is left out, as it would read as
/// the page's white, not as a value.
fn sequential(stops: &[u32], t: f64) -> Rgb {
    along(&stops[1..], t)
}

/// A diverging ramp's colour for `t` from -1 (the low end) through 0 (the middle) to 1: the
/// neutral middle itself is left out, as it would read as no value.
fn diverging(stops: &[u32], t: f64) -> Rgb {
    let mid = stops.len() / 2;
    let t = if t.is_nan() { 0.0 } else { t.max(-1.0).min(1.0) };
    if t < 0.0 {
        let low: Vec<u32> = stops[..mid].iter().rev().copied().collect();
        along(&low, -t)
    } else {
        along(&stops[mid + 1..], t)
    }
}

/// A choropleth's colours: bins between round edges, or a continuous ramp between round ends.
#[derive(Debug, Clone, PartialEq)]
pub struct ColorScale {
    pub scheme: Scheme,
    /// The round values from the lowest bin's start to the highest's end, in increasing order; for
    /// a continuous scale, the round values its legend marks.
    pub edges: Vec<f64>,
    /// One colour per bin (one fewer than `edges`); empty for a continuous scale.
    pub colors: Vec<Rgb>,
    /// The middle of a diverging scheme.
    pub center: f64,
}

impl ColorScale {
    /// The scale for values from `extent.0` to `extent.1` (the least and greatest the map can show),
    /// as `colors` asks.
    pub fn new(colors: &Colors, extent: (f64, f64)) -> ColorScale {
        let count = usize::from(colors.bins.unwrap_or(DEFAULT_BINS));
        let scheme = colors.scheme;
        let center = colors.center.unwrap_or(0.0);
        let edges = if scheme.diverging() {
            // Round steps from the middle out to the farther end, the same on both sides; then only
            // the bins that hold values are kept.
            let far = (extent.0 - center).abs().max((extent.1 - center).abs());
            let steps = round_edges((0.0, far), count.div_ceil(2));
            let mut edges: Vec<f64> =
                steps.iter().rev().map(|s| center - s).chain(steps.iter().skip(1).map(|s| center + s)).collect();
            trim(&mut edges, extent);
            edges
        } else {
            round_edges(extent, count)
        };
        let mut scale = ColorScale { scheme, edges, colors: Vec::new(), center };
        if !colors.continuous {
            scale.colors = scale.bin_colors();
        }
        scale
    }

    /// True where the map shades each value along the ramp rather than by bins.
    pub fn continuous(&self) -> bool {
        self.colors.is_empty()
    }

    /// The colour of value `v`.
    pub fn color(&self, v: f64) -> Rgb {
        match self.bin(v) {
            Some(i) if !self.continuous() => self.colors[i.min(self.colors.len() - 1)],
            _ => self.shade(v),
        }
    }

    /// The index of the bin that holds `v`: a value on an edge belongs to the bin above it, the
    /// greatest value to the last bin.
    pub fn bin(&self, v: f64) -> Option<usize> {
        if self.edges.len() < 2 || !v.is_finite() {
            return None;
        }
        let above = self.edges.iter().take_while(|e| **e <= v).count();
        Some(above.max(1).min(self.edges.len() - 1) - 1)
    }

    /// The colour along the continuous ramp for `v`, between the first and last edges.
    pub fn shade(&self, v: f64) -> Rgb {
        let (lo, hi) = (self.edges.first().copied().unwrap_or(0.0), self.edges.last().copied().unwrap_or(1.0));
        let stops = ramp(self.scheme);
        if self.scheme.diverging() {
            let far = (lo - self.center).abs().max((hi - self.center).abs());
            diverging(stops, if far > 0.0 { (v - self.center) / far } else { 0.0 })
        } else {
            sequential(stops, if hi > lo { (v - lo) / (hi - lo) } else { 0.0 })
        }
    }

    /// Each bin's colour: the ramp's colour at the bin's middle, spread so that the first and last
    /// bins take its ends.
    fn bin_colors(&self) -> Vec<Rgb> {
        let n = self.edges.len().saturating_sub(1);
        let stops = ramp(self.scheme);
        if self.scheme.diverging() {
            let far = self.edges.windows(2).map(|w| (w[0] - self.center).abs().max((w[1] - self.center).abs()));
            let far = far.fold(0.0, f64::max);
            self.edges
                .windows(2)
                .map(|w| {
                    // A bin's strength is how far its inner edge lies from the middle: the bins
                    // next to the middle take the ramp's lightest colours, the outermost its darkest.
                    let step = (w[1] - w[0]).abs();
                    let inner = (w[0] - self.center).abs().min((w[1] - self.center).abs());
                    let t = if far > step { inner / (far - step) } else { 1.0 };
                    let side = ((w[0] + w[1]) / 2.0 - self.center).signum();
                    diverging(stops, side * (0.2 + 0.8 * t))
                })
                .collect()
        } else {
            (0..n).map(|i| sequential(stops, if n > 1 { i as f64 / (n - 1) as f64 } else { 1.0 })).collect()
        }
    }
}

/// Round edges from at or below `lo` to at or above `hi`, as many bins apart as near `count` as a
/// round step (1, 2, 2.5 or 5 × 10^k) allows; on a tie, the finer. A value axis' steps are at most
/// as many as it asks for; a map is asked for a number of colours, so steps either side are tried.
fn round_edges((lo, hi): (f64, f64), count: usize) -> Vec<f64> {
    let count = count.max(2);
    let cut = |c: usize| Linear::new((lo, hi), (0.0, 1.0)).nice(c).ticks(c);
    let off = |edges: &Vec<f64>| (edges.len().saturating_sub(1)).abs_diff(count);
    let mut best = cut(count);
    for c in count + 1..=count * 2 {
        let edges = cut(c);
        if off(&edges) < off(&best) || (off(&edges) == off(&best) && edges.len() > best.len()) {
            best = edges;
        }
    }
    best
}

/// Leaves out the outer bins that hold no value of `extent`.
fn trim(edges: &mut Vec<f64>, (lo, hi): (f64, f64)) {
    while edges.len() > 2 && edges[1] <= lo {
        edges.remove(0);
    }
    while edges.len() > 2 && edges[edges.len() - 2] >= hi {
        edges.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn colors(scheme: Scheme, bins: u8) -> Colors {
        Colors { scheme, bins: Some(bins), continuous: false, center: None }
    }

    #[test]
    fn bins_are_round_steps_over_every_value() {
        let s = ColorScale::new(&colors(Scheme::Blues, 5), (31.2, 82.6));
        assert_eq!(s.edges, vec![30.0, 40.0, 50.0, 60.0, 70.0, 80.0, 90.0]);
        assert_eq!(s.colors.len(), 6);
        assert_eq!(s.bin(31.2), Some(0));
        assert_eq!(s.bin(40.0), Some(1), "a value on an edge is in the bin above it");
        assert_eq!(s.bin(82.6), Some(5));
        assert_eq!(s.bin(90.0), Some(5), "the last edge is in the last bin");
        assert_ne!(s.color(31.2), s.color(82.6));
    }

    #[test]
    fn diverging_bins_are_even_about_the_middle() {
        let s = ColorScale::new(&colors(Scheme::RedBlue, 6), (-2.5, 7.0));
        assert!(s.edges.contains(&0.0), "{:?}", s.edges);
        // Bins below the middle that hold values are kept; those beyond the data are not.
        assert_eq!(s.edges, vec![-2.5, 0.0, 2.5, 5.0, 7.5], "-2.5 is in the bin above it");
        let below = s.color(-1.0);
        let above = s.color(1.0);
        assert!(below.0 > below.2, "below the middle is red: {below:?}");
        assert!(above.2 > above.0, "above the middle is blue: {above:?}");
    }

    #[test]
    fn a_continuous_scale_shades_between_its_ends() {
        let c = Colors { scheme: Scheme::Greens, bins: None, continuous: true, center: None };
        let s = ColorScale::new(&c, (0.0, 100.0));
        assert!(s.continuous());
        let (a, b, m) = (s.color(0.0), s.color(100.0), s.color(50.0));
        assert!(a.luminance() > m.luminance() && m.luminance() > b.luminance());
    }
}
