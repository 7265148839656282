//! M4 draws the same picture as every point: both drawn as 1-pixel lines on a bitmap, compared pixel for pixel.
//!
//! The bitmap is plotters' own (plotters-bitmap, no image codecs) with plotters' 1-pixel line
//! rasteriser, the one its bitmap and SVG-free backends share: vertical and horizontal lines are
//! drawn solid and slanted ones antialiased. Antialiasing does not spoil the comparison: the
//! segments M4 leaves out are vertical ones inside a column, drawn solid between the same lowest
//! and highest pixels that M4 keeps, and every slanted segment (last point of a column to the first
//! of the next) is drawn in both pictures, in the same order.
#![cfg(not(target_arch = "wasm32"))]

use datastory::model::decimate::{column, m4, Point};
use plotters::drawing::IntoDrawingArea;
use plotters::element::{PathElement, Pixel};
use plotters::style::{RGBColor, WHITE};
use plotters_bitmap::BitMapBackend;
use proptest::prelude::*;
use proptest::test_runner::RngSeed;

const INK: RGBColor = RGBColor(0, 114, 178);

/// The picture of `points` at `w` × `h` pixels: each run between gaps a 1-pixel line through its
/// points (a lone point a pixel), each point drawn in its column (`column`) and its rounded row.
fn draw(points: &[Point], x_px: &dyn Fn(f64) -> f64, y_px: &dyn Fn(f64) -> f64, (w, h): (u32, u32)) -> Vec<u8> {
    let mut buf = vec![0u8; (w * h * 3) as usize];
    {
        let area = BitMapBackend::with_buffer(&mut buf, (w, h)).into_drawing_area();
        area.fill(&WHITE).unwrap_or_else(|e| panic!("fill: {e}"));
        for run in points.split(|p| p.1.is_none()) {
            let pts: Vec<(i32, i32)> =
                run.iter().filter_map(|&(x, y)| y.map(|y| (column(x_px(x)) as i32, y_px(y).round() as i32))).collect();
            let drawn = match pts.as_slice() {
                [] => Ok(()),
                [one] => area.draw(&Pixel::new(*one, INK)),
                _ => area.draw(&PathElement::new(pts, INK)),
            };
            drawn.unwrap_or_else(|e| panic!("draw: {e}"));
        }
        area.present().unwrap_or_else(|e| panic!("present: {e}"));
    }
    buf
}

/// The runs of values between gaps.
fn runs(points: &[Point]) -> Vec<&[Point]> {
    points.split(|p| p.1.is_none()).filter(|r| !r.is_empty()).collect()
}

/// A value: mostly of one size, some far larger, some negative, some repeated.
fn value() -> impl Strategy<Value = f64> {
    prop_oneof![
        6 => -100.0..100.0f64,
        1 => -1e6..1e6f64,
        1 => Just(0.0),
        1 => Just(-42.0),
    ]
}

/// A series sorted by x (with repeated x), with single and long gaps.
fn series(max: usize) -> impl Strategy<Value = Vec<Point>> {
    let step = prop_oneof![1 => Just(0.0), 8 => 0.0..2.0f64, 1 => 10.0..200.0f64];
    let y = prop_oneof![1 => Just(None), 12 => value().prop_map(Some)];
    prop::collection::vec((step, y), 1..max).prop_map(|steps| {
        let mut x = 0.0;
        steps
            .into_iter()
            .map(|(dx, y)| {
                x += dx;
                (x, y)
            })
            .collect()
    })
}

fn config(cases: u32) -> ProptestConfig {
    let base = ProptestConfig::default();
    let rng_seed =
        if std::env::var_os("PROPTEST_RNG_SEED").is_some() { base.rng_seed } else { RngSeed::Fixed(20_261_128) };
    // PROPTEST_CASES=N runs more (or fewer) cases than the test command's.
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(cases);
    ProptestConfig { cases, failure_persistence: None, rng_seed, ..base }
}

/// Draws `points` in full and through M4 at `w` × `h`, and compares.
fn same_picture(points: &[Point], w: u32, h: u32) -> Result<(), TestCaseError> {
    let xs = points.iter().map(|p| p.0);
    let (x0, x1) = (xs.clone().fold(f64::INFINITY, f64::min), xs.fold(f64::NEG_INFINITY, f64::max));
    let values = points.iter().filter_map(|p| p.1);
    let (y0, y1) = (values.clone().fold(f64::INFINITY, f64::min), values.fold(f64::NEG_INFINITY, f64::max));
    let right = f64::from(w - 1);
    let x_px = move |x: f64| if x1 > x0 { (x - x0) / (x1 - x0) * right } else { 0.0 };
    let bottom = f64::from(h - 1);
    let y_px = move |y: f64| if y1 > y0 { bottom - (y - y0) / (y1 - y0) * bottom } else { bottom / 2.0 };

    let kept = m4(points, x_px, (0.0, right));
    let (full, reduced) = (draw(points, &x_px, &y_px, (w, h)), draw(&kept, &x_px, &y_px, (w, h)));
    if let Some(at) = full.iter().zip(&reduced).position(|(a, b)| a != b) {
        let px = at / 3;
        prop_assert!(
            false,
            "pixel ({}, {}) differs: {} points kept of {}",
            px % w as usize,
            px / w as usize,
            kept.len(),
            points.len()
        );
    }

    // The same runs, from the same first point to the same last, each at most four points a column.
    let (all, few) = (runs(points), runs(&kept));
    prop_assert_eq!(all.len(), few.len(), "runs of values");
    for (a, b) in all.iter().zip(&few) {
        prop_assert_eq!(a.first(), b.first());
        prop_assert_eq!(a.last(), b.last());
        let columns = b.iter().map(|p| column(x_px(p.0)) as i64).collect::<std::collections::BTreeSet<_>>().len();
        prop_assert!(b.len() <= 4 * columns, "{} points in {columns} columns", b.len());
    }
    prop_assert!(kept.len() <= points.len());
    Ok(())
}

proptest! {
    #![proptest_config(config(128))]

    /// Any series with gaps and negative values, a few points per column or hundreds.
    #[test]
    fn m4_draws_the_same_picture_as_every_point(points in series(3000), w in 2u32..300, h in 2u32..200) {
        same_picture(&points, w, h)?;
    }
}

/// Dense columns: forty thousand points of a random walk in sixty columns, with gaps.
#[test]
fn a_dense_random_walk_draws_the_same() {
    let mut seed: u64 = 7;
    let mut y = 0.0;
    let points: Vec<Point> = (0..40_000)
        .map(|i| {
            seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            y += ((seed >> 33) as f64 / f64::from(1u32 << 31)) - 0.5;
            let gap = (seed >> 20) % 500 == 0;
            (f64::from(i), if gap { None } else { Some(y) })
        })
        .collect();
    if let Err(e) = same_picture(&points, 60, 120) {
        panic!("{e}");
    }
}
