//! Property tests of scales and layout: any allowed values and any label texts give finite marks and
//! labels inside the canvas, no two labels overlapping, at every width from 240 to 1600 px.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use datastory::data::{Dataset, Qualifier};
use datastory::kinds::Body;
use datastory::model::{ChartModel, Rect};
use proptest::prelude::*;
use proptest::test_runner::RngSeed;

/// Characters a newsroom's data has carried: ASCII, CJK, Arabic and Hebrew, emoji, bidi controls,
/// combining marks and odd spaces.
fn any_char() -> impl Strategy<Value = char> {
    prop_oneof![
        4 => proptest::char::range(' ', '~'),
        2 => proptest::char::range('\u{4e00}', '\u{9fff}'),
        1 => proptest::char::range('\u{0600}', '\u{06ff}'),
        1 => proptest::char::range('\u{05d0}', '\u{05ea}'),
        1 => proptest::char::range('\u{1f300}', '\u{1f64f}'),
        1 => prop::sample::select(vec![
            '\u{202e}', '\u{202d}', '\u{200f}', '\u{2066}', '\u{2069}', '\u{200d}', '\u{301}', '\u{a0}', '\u{3000}',
            '\t', '\n', '<', '>', '&', '"', 'W', '%',
        ]),
    ]
}

/// A text of up to `max` characters; a quarter are one repeated character, the worst case for wrapping.
fn text(max: usize) -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::collection::vec(any_char(), 0..max).prop_map(String::from_iter),
        1 => (any_char(), 0..max).prop_map(|(c, n)| std::iter::repeat_n(c, n).collect()),
    ]
}

/// Any allowed magnitude from 0 to 1e300, spread over the exponents rather than bunched near the top.
fn magnitude() -> impl Strategy<Value = f64> {
    prop_oneof![
        1 => Just(0.0),
        1 => prop::sample::select(vec![1e300, f64::MAX, f64::MIN_POSITIVE, 5e-324, 1e-300, 1.0, 100.0]),
        6 => (0.0..10.0f64, -300..300i32).prop_map(|(m, e)| m * 10f64.powi(e)),
    ]
}

/// A magnitude of either sign: columns of periods draw changes below zero too.
fn signed() -> impl Strategy<Value = f64> {
    (magnitude(), any::<bool>()).prop_map(|(m, negative)| if negative { -m } else { m })
}

fn qualifier() -> impl Strategy<Value = Qualifier> {
    prop::sample::select(Qualifier::ALL.to_vec())
}

/// What one figure of a chart gets: its label, value, qualifier, optional wording and period.
#[derive(Debug, Clone)]
struct FigureText {
    label: String,
    value: f64,
    qualifier: Qualifier,
    wording: Option<String>,
    period: Option<String>,
}

fn figure(max_text: usize) -> impl Strategy<Value = FigureText> {
    (text(max_text), magnitude(), qualifier(), prop::option::weighted(0.2, text(40)), prop::option::of(text(max_text)))
        .prop_map(|(label, value, qualifier, wording, period)| FigureText { label, value, qualifier, wording, period })
}

/// Every chart of a story: its words, the figures' words and values, and the region names.
#[derive(Debug, Clone)]
struct Edit {
    headline: String,
    dek: String,
    note: Option<String>,
    figures: Vec<FigureText>,
    regions: Vec<String>,
}

fn edit(max_text: usize) -> impl Strategy<Value = Edit> {
    (
        text(max_text),
        text(max_text),
        prop::option::of(text(max_text)),
        prop::collection::vec(figure(max_text), 1..=12),
        prop::collection::vec(text(40), 4),
    )
        .prop_map(|(headline, dek, note, figures, regions)| Edit { headline, dek, note, figures, regions })
}

/// The story with chart `chart` rewritten by `e`, each value bent to what the chart kind accepts.
fn edited(chart: usize, e: &Edit) -> Dataset {
    let mut d = common::fixture();
    // English only: the translations name the story's own figures, which are replaced here.
    d.languages.clear();
    d.translations.clear();
    let c = &mut d.charts[chart];
    c.headline.clone_from(&e.headline);
    c.dek.clone_from(&e.dek);
    c.note.clone_from(&e.note);
    let kind = c.kind;
    // The kind says how many figures it takes and which values: the test asks it, not a copy.
    let (min, max) = kind.figures();
    let template = d.figures.iter().find(|f| c.figures.contains(&f.id)).cloned();
    if let Some(template) = template {
        c.figures.clear();
        for (i, t) in e.figures.iter().take(max).enumerate() {
            let mut f = template.clone();
            f.id = format!("{}-prop-{i}", c.id);
            f.label.clone_from(&t.label);
            f.qualifier = t.qualifier;
            f.wording.clone_from(&t.wording);
            f.period.clone_from(&t.period);
            let bent = [t.value, t.value.min(100.0), t.value.max(f64::MIN_POSITIVE)];
            f.value = bent.into_iter().find(|v| kind.refuse_value(&f, *v, i).is_none());
            c.figures.push(f.id.clone());
            d.figures.push(f);
        }
        while c.figures.len() < min {
            let mut f = d.figures[d.figures.len() - 1].clone();
            f.id = format!("{}-prop-extra-{}", c.id, c.figures.len());
            c.figures.push(f.id.clone());
            d.figures.push(f);
        }
    }
    for (r, name) in d.regions.iter_mut().zip(&e.regions) {
        r.name.clone_from(name);
    }
    // The edited story still passes the loader's checks: the properties are about what it accepts.
    let d = serde_json::to_string(&d)
        .map_err(|e| e.to_string())
        .and_then(|j| datastory::data::from_json(&j).map_err(|e| e.to_string()));
    d.unwrap_or_else(|e| panic!("the edited story was refused: {e}"))
}

fn finite(r: &Rect) -> bool {
    r.x.is_finite() && r.y.is_finite() && r.w.is_finite() && r.h.is_finite() && r.w >= 0.0 && r.h >= 0.0
}

fn inside(r: &Rect, w: f64, h: f64) -> bool {
    r.x >= -0.5 && r.y >= -0.5 && r.right() <= w + 0.5 && r.bottom() <= h + 0.5
}

fn short(s: &str) -> String {
    s.chars().take(60).collect()
}

/// What a reader would see go wrong: a mark or label not where it should be, off the canvas, or on
/// top of another label.
fn check(m: &ChartModel) -> Result<(), TestCaseError> {
    prop_assert!(m.height.is_finite() && m.height > 0.0, "height {}", m.height);
    for mark in m.marks() {
        prop_assert!(finite(&mark.rect) && finite(&mark.hit), "mark {} at {:?}", mark.id, mark.rect);
        prop_assert!(inside(&mark.rect, m.width, m.height), "mark {} leaves the canvas: {:?}", mark.id, mark.rect);
    }
    let labels = m.labels();
    for (i, a) in labels.iter().enumerate() {
        let ba = a.bbox();
        prop_assert!(finite(&ba), "label {:?} at {ba:?}", short(&a.text));
        prop_assert!(inside(&ba, m.width, m.height), "label {:?} leaves the canvas: {ba:?}", short(&a.text));
        for b in labels.iter().skip(i + 1) {
            let bb = b.bbox();
            prop_assert!(!ba.overlaps(&bb), "{:?} at {ba:?} overlaps {:?} at {bb:?}", short(&a.text), short(&b.text));
        }
    }
    Ok(())
}

/// The story's period columns (Jilin's growth) with `values` in its place, laid out at `width`.
fn columns(values: &[f64], width: f64) -> ChartModel {
    let d = common::fixture();
    let chart = d.charts.iter().position(|c| c.id == "jilin-gdp-growth").expect("gdp");
    let figures = values
        .iter()
        .map(|&value| FigureText {
            label: "Year".into(),
            value,
            qualifier: Qualifier::Exact,
            wording: None,
            period: Some("Year".into()),
        })
        .collect();
    let e = Edit { headline: "Growth".into(), dek: "Percent".into(), note: None, figures, regions: Vec::new() };
    common::model(&edited(chart, &e), "jilin-gdp-growth", width)
}

fn config(cases: u32) -> ProptestConfig {
    // No failure files in the source tree: a failing case is printed, and becomes a named test.
    // The test command uses one fixed seed, so a clean clone's result does not hang on luck; explore
    // other cases with PROPTEST_RNG_SEED=N (and PROPTEST_CASES=N).
    let base = ProptestConfig::default();
    let rng_seed =
        if std::env::var_os("PROPTEST_RNG_SEED").is_some() { base.rng_seed } else { RngSeed::Fixed(20_261_128) };
    ProptestConfig { cases, failure_persistence: None, rng_seed, ..base }
}

proptest! {
    #![proptest_config(config(64))]

    /// End labels of lines: never on top of each other, inside the plot, in the order of the lines'
    /// ends, and a label with room to spare stays at its line's end.
    #[test]
    fn nudged_labels_never_overlap(wanted in prop::collection::vec(-50.0f64..450.0, 0..30), height in 8.0f64..24.0, extra in 0.0f64..300.0) {
        let hi = wanted.len() as f64 * height + extra;
        let tops = datastory::model::dodge::dodge(&wanted, height, 0.0, hi);
        let mut order: Vec<usize> = (0..wanted.len()).collect();
        order.sort_by(|a, b| wanted[*a].total_cmp(&wanted[*b]));
        for pair in order.windows(2) {
            prop_assert!(tops[pair[0]] + height <= tops[pair[1]] + 1e-6, "{tops:?} for {wanted:?}");
        }
        for t in &tops {
            prop_assert!(*t >= -1e-6 && t + height <= hi + 1e-6, "{t} outside 0..{hi}");
        }
        // Labels that already stand clear of each other and inside the plot are not moved.
        let clear = order.windows(2).all(|p| wanted[p[1]] - wanted[p[0]] >= height)
            && wanted.iter().all(|w| w - height / 2.0 >= 0.0 && w + height / 2.0 <= hi);
        if clear {
            for (t, w) in tops.iter().zip(&wanted) {
                prop_assert!((t + height / 2.0 - w).abs() < 1e-6, "a clear label moved from {w} to {}", t + height / 2.0);
            }
        }
    }

    /// Bars start at zero, stay on the canvas and keep the values' proportions.
    #[test]
    fn bars_are_to_scale_and_on_the_canvas(values in prop::collection::vec(magnitude(), 1..=12), width in 240u32..=1600) {
        let d = common::fixture();
        let chart = d.charts.iter().position(|c| c.id == "bounds").expect("bounds");
        let e = Edit {
            headline: "Reach".into(),
            dek: "Countries".into(),
            note: None,
            figures: values.iter().map(|&value| FigureText {
                label: "A figure".into(), value, qualifier: Qualifier::Exact, wording: None, period: None,
            }).collect(),
            regions: Vec::new(),
        };
        let d = edited(chart, &e);
        let m = common::model(&d, "bounds", f64::from(width));
        check(&m)?;
        let Body::Bars(b) = &m.body else { panic!("bounds is not bars") };
        let max = values.iter().copied().fold(0.0, f64::max);
        let widest = b.rows.iter().map(|r| r.bar.w).fold(0.0, f64::max);
        for (r, v) in b.rows.iter().zip(&values) {
            prop_assert!(r.bar.x == 0.0);
            // Wider than a pixel, a bar is as long as its value says (a smaller one is held at one pixel).
            if r.bar.w > 1.0 {
                prop_assert!((r.bar.w / widest - v / max).abs() < 1e-6, "{} drawn {} of {widest}", v, r.bar.w);
            }
            prop_assert_eq!(r.bar.w > 0.0, *v > 0.0, "a value of {} drawn {} wide", v, r.bar.w);
        }
    }

    /// Columns stand on the zero line (up for values above zero, down for those below), inside the
    /// axis' first and last gridlines, in proportion, each value beyond its column's outer end.
    #[test]
    fn columns_are_to_scale_and_on_the_canvas(values in prop::collection::vec(signed(), 2..=8), width in 240u32..=1600) {
        let m = columns(&values, f64::from(width));
        check(&m)?;
        let Body::Periods(c) = &m.body else { panic!("gdp is not columns") };
        let zero = c.value_axis.zero.expect("columns always have a zero line");
        let top = c.value_axis.ticks.last().map_or(zero, |t| t.at);
        let floor = c.value_axis.ticks.first().map_or(zero, |t| t.at);
        let largest = values.iter().map(|v| v.abs()).fold(0.0, f64::max);
        let tallest = c.columns.iter().map(|col| col.rect.h).fold(0.0, f64::max);
        for (col, v) in c.columns.iter().zip(&values) {
            let (inner, outer) = if *v < 0.0 { (col.rect.y, col.rect.bottom()) } else { (col.rect.bottom(), col.rect.y) };
            prop_assert!((inner - zero).abs() < 1e-6, "{v} leaves {inner}, not zero at {zero}");
            // Near f64::MAX no round gridline beyond the largest value exists; the axis ends at the value.
            if largest < f64::MAX / 2.0 {
                prop_assert!(col.rect.y >= top - 1e-6 && col.rect.bottom() <= floor + 1e-6, "{v}: a column beyond the gridlines");
            }
            if tallest > 0.0 && largest.is_finite() && largest < f64::MAX / 2.0 {
                prop_assert!((col.rect.h / tallest - v.abs() / largest).abs() < 1e-6, "{} drawn {} of {tallest}", v, col.rect.h);
            }
            for l in &col.value {
                let b = l.bbox();
                let beyond = if *v < 0.0 { b.y >= outer - 1e-6 } else { b.bottom() <= outer + 1e-6 };
                prop_assert!(beyond, "{v}: its value {:?} is not beyond the column's end", l.text);
            }
        }
    }
}

proptest! {
    #![proptest_config(config(24))]

    /// Every chart kind, with any texts up to 120 characters and any allowed values, at any width.
    #[test]
    fn every_chart_holds_with_any_texts_and_values(chart in 0usize..8, e in edit(120), width in 240u32..=1600) {
        let d = edited(chart % common::fixture().charts.len(), &e);
        let c = &d.charts[chart % d.charts.len()];
        check(&common::model(&d, &c.id, f64::from(width)))?;
    }
}

proptest! {
    #![proptest_config(config(6))]

    /// The longest texts the loader accepts (400 characters for labels and headlines), unbroken or
    /// not, wrap onto the canvas. Longer ones are refused with a message (tests/bad_input.rs).
    #[test]
    fn long_texts_wrap_onto_the_canvas(chart in 0usize..8, e in edit(400), width in 240u32..=1600) {
        let d = edited(chart % common::fixture().charts.len(), &e);
        let c = &d.charts[chart % d.charts.len()];
        let m = common::model(&d, &c.id, f64::from(width));
        // Thousands of lines: the pairwise overlap check is quadratic, so check placement only.
        prop_assert!(m.height.is_finite());
        for l in m.labels() {
            let b = l.bbox();
            prop_assert!(finite(&b) && inside(&b, m.width, m.height), "label {:?} at {b:?}", short(&l.text));
        }
    }
}

/// Found by `columns_are_to_scale_and_on_the_canvas`: at 240 px six slots were narrower than the "%"
/// of their values, which ran into each other. Such values are now left to the tooltip and the table.
#[test]
fn values_too_wide_for_their_slots_are_not_drawn_over_each_other() {
    let m = columns(&[0.0, 0.0, 0.0, 9.805_894_353_875_734e118, 0.0, 0.0], 240.0);
    if let Err(e) = check(&m) {
        panic!("{e}");
    }
}
