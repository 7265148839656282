//! Property tests of the shared scales and axes: ticks round, covering the data, including zero where
//! asked, finite and increasing for any finite domain; time ticks on one calendar step that fits the
//! length; axis labels that never overlap at any width from 280 to 1200 px, in both languages.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashSet;

use datastory::format::Style;
use datastory::i18n::Lang;
use datastory::model::axis::{self, HorizontalAxis, ValueAxis};
use datastory::model::{ApproxMeasure, Label};
use datastory::scale::{self, time, Band, Linear, Log, NotPositive, TimeScale, ValueScale};
use datastory::theme::Theme;
use datastory::time::{Granularity, Time};
use proptest::prelude::*;
use proptest::test_runner::RngSeed;

fn config(cases: u32) -> ProptestConfig {
    // As in tests/properties.rs: one fixed seed unless PROPTEST_RNG_SEED says otherwise.
    let base = ProptestConfig::default();
    let rng_seed =
        if std::env::var_os("PROPTEST_RNG_SEED").is_some() { base.rng_seed } else { RngSeed::Fixed(20_261_128) };
    // PROPTEST_CASES=N runs more (or fewer) cases than the test command's.
    let cases = std::env::var("PROPTEST_CASES").ok().and_then(|n| n.parse().ok()).unwrap_or(cases);
    ProptestConfig { cases, failure_persistence: None, rng_seed, ..base }
}

/// Any finite value, spread over the exponents, either sign, with the ends of the number line.
fn value() -> impl Strategy<Value = f64> {
    let magnitude = prop_oneof![
        1 => Just(0.0),
        1 => prop::sample::select(vec![f64::MAX, 1e300, f64::MIN_POSITIVE, 5e-324, 1e-300, 1.0, 100.0, 0.1]),
        2 => (0.0..10.0f64, -5..8i32).prop_map(|(m, e)| m * 10f64.powi(e)),
        4 => (0.0..10.0f64, -300..300i32).prop_map(|(m, e)| m * 10f64.powi(e)),
    ];
    (magnitude, any::<bool>()).prop_map(|(m, negative)| if negative { -m } else { m })
}

/// Two ends of a domain: often far apart, sometimes one value, sometimes neighbours.
fn domain() -> impl Strategy<Value = (f64, f64)> {
    prop_oneof![
        4 => (value(), value()),
        1 => value().prop_map(|v| (v, v)),
        1 => (value(), 1..1000u64).prop_map(|(v, ulps)| {
            let w = f64::from_bits(v.to_bits().saturating_add(ulps));
            (v, if w.is_finite() { w } else { v })
        }),
        2 => (-1e4..1e4f64, 0.0..1e3f64).prop_map(|(v, d)| (v, v + d)),
    ]
}

/// The step between consecutive ticks is one of 1, 2, 2.5, 5 × 10^k.
fn round_step(s: f64) -> bool {
    let e = s.log10().floor();
    let mantissa = s / 10f64.powf(e);
    [1.0, 2.0, 2.5, 5.0, 10.0].iter().any(|m| (mantissa - m).abs() < 1e-9 * m)
}

/// The number a tick's text says: "1,500", "1.5 million", "2.5k", "3.5万", "1.5 × 10³⁰⁰".
fn read_back(text: &str) -> f64 {
    if let Some((mantissa, power)) = text.split_once(" × 10") {
        let exponent: String = power
            .chars()
            .map(|c| match c {
                '⁻' => '-',
                c => "⁰¹²³⁴⁵⁶⁷⁸⁹".chars().position(|s| s == c).map_or('?', |d| char::from(b'0' + d as u8)),
            })
            .collect();
        return mantissa.parse::<f64>().unwrap_or(f64::NAN) * 10f64.powi(exponent.parse().unwrap_or(0));
    }
    let words = [
        (" trillion", 1e12),
        (" billion", 1e9),
        (" million", 1e6),
        ("万亿", 1e12),
        ("亿", 1e8),
        ("万", 1e4),
        ("tn", 1e12),
        ("bn", 1e9),
        ("m", 1e6),
        ("k", 1e3),
    ];
    let (digits, size) =
        words.iter().find_map(|(w, size)| text.strip_suffix(w).map(|d| (d, *size))).unwrap_or((text, 1.0));
    digits.replace(',', "").parse::<f64>().unwrap_or(f64::NAN) * size
}

fn increasing_and_finite(ticks: &[f64]) -> bool {
    ticks.iter().all(|t| t.is_finite()) && ticks.windows(2).all(|w| w[0] < w[1])
}

proptest! {
    #![proptest_config(config(512))]

    /// Linear ticks for any finite domain: finite, increasing, at most `count` intervals and more
    /// than half as many, round, every tick a multiple of the step, the first at or below the data
    /// and the last at or above, and zero among them where the scale is asked to hold it.
    #[test]
    fn linear_ticks_are_round_and_cover_the_domain((a, b) in domain(), count in 2usize..=10, zero in any::<bool>()) {
        let base = Linear::new((a, b), (300.0, 0.0));
        let base = if zero { base.include_zero() } else { base };
        let (lo, hi) = base.domain();
        prop_assert!(lo < hi && lo.is_finite() && hi.is_finite(), "domain {lo} to {hi} from {a}, {b}");
        let s = base.nice(count);
        let ticks = s.ticks(count);
        let step = s.step(count);
        prop_assert!(step > 0.0 && step.is_finite(), "step {step}");
        prop_assert!(increasing_and_finite(&ticks), "{ticks:?}");
        prop_assert!(ticks.len() >= 2 && ticks.len() <= count + 1, "{} ticks for {count}: {ticks:?}", ticks.len());

        // Covering: the niced domain holds the data, and its ends are ticks, except an end that
        // would pass f64::MAX, which stays at the data.
        let (nlo, nhi) = s.domain();
        prop_assert!(nlo <= lo && nhi >= hi);
        let first = ticks[0];
        let last = ticks[ticks.len() - 1];
        prop_assert!(first <= lo || f64::MAX + lo < step, "first tick {first} above {lo}");
        prop_assert!(last >= hi || f64::MAX - hi < step, "last tick {last} below {hi}");
        if zero {
            prop_assert!(ticks.contains(&0.0), "no zero in {ticks:?}");
        }

        // Round steps, where the doubles can hold them: not among subnormals, and not where the
        // domain is narrower than the doubles' resolution at its size (ticks there are coarser).
        let widest = lo.abs().max(hi.abs());
        let ordinary = step >= 1e-290 && (hi - lo).is_finite() && (hi - lo) / count as f64 > widest * 1e-11;
        if ordinary {
            prop_assert!(round_step(step), "step {step} is not round");
            // Checked where the quotient holds the tenth a non-multiple is off by.
            for t in ticks.iter().filter(|t| (*t / step).abs() < 1e9) {
                let i = t / step;
                prop_assert!((i - i.round()).abs() < 1e-4, "{t} is not a multiple of {step}");
            }
            for w in ticks.windows(2) {
                prop_assert!(((w[1] - w[0]) - step).abs() <= 1e-9 * step.max(widest * 1e-6), "{:?} not {step} apart", w);
            }
            // More than half the intervals asked for, unless an end could not be made round (f64::MAX).
            if (first, last) == (nlo, nhi) {
                prop_assert!(2 * (ticks.len() - 1) >= count, "{} ticks for {count}", ticks.len());
            }
        }
        // Every tick maps into the range and back.
        for t in &ticks {
            let px = s.map(*t);
            prop_assert!((-1e-6..=300.0 + 1e-6).contains(&px), "{t} at {px}");
        }
    }

    /// Tick texts: one per tick, all different, each reading back as its tick, and the same number
    /// of decimals on every tick but zero.
    #[test]
    fn linear_tick_texts_read_alike((a, b) in domain(), count in 2usize..=10, lang in prop::sample::select(vec![Lang::En, Lang::Zh]), short in any::<bool>()) {
        let s = Linear::new((a, b), (300.0, 0.0)).nice(count);
        let ticks = s.ticks(count);
        let style = if short { Style::Short(3) } else { Style::Full };
        let texts = scale::tick_text::linear(&ticks, "%", lang, style);
        prop_assert_eq!(texts.len(), ticks.len());
        let distinct: HashSet<&String> = texts.iter().collect();
        prop_assert_eq!(distinct.len(), texts.len(), "{:?} for {:?}", texts, ticks);
        let step = s.step(count);
        for (t, text) in ticks.iter().zip(&texts) {
            let back = read_back(text.strip_suffix('%').unwrap_or(text));
            // Within a hundredth of the step: no digit lost, none made up.
            prop_assert!((back - t).abs() <= step * 1e-2 || (back - t).abs() <= t.abs() * 1e-12 || t.abs() < 1e-300, "{text} for {t}");
        }
        let decimals: HashSet<usize> = texts
            .iter()
            .filter(|t| !t.starts_with("0%"))
            .map(|t| t.split_once('.').map_or(0, |(_, f)| f.chars().take_while(char::is_ascii_digit).count()))
            .collect();
        // A step among the subnormals is no exact power of ten: each tick is then written in its own
        // shortest form.
        prop_assert!(decimals.len() <= 1 || step < 1e-290, "{texts:?}");
    }

    /// Log ticks: positive, increasing, 1, 2 or 5 × 10^k, at most one more than asked; a domain
    /// at or below zero is refused.
    #[test]
    fn log_ticks_are_powers_times_one_two_five((a, b) in domain(), count in 2usize..=10) {
        match Log::new((a, b), (300.0, 0.0)) {
            Err(e) => {
                prop_assert!(a.min(b) <= 0.0, "refused {a}, {b}");
                prop_assert_eq!(e, NotPositive { min: a.min(b) });
            }
            Ok(s) => {
                prop_assert!(a.min(b) > 0.0, "accepted {a}, {b}");
                let s = s.nice();
                let ticks = s.ticks(count);
                prop_assert!(increasing_and_finite(&ticks) && ticks.iter().all(|t| *t > 0.0), "{ticks:?}");
                prop_assert!(!ticks.is_empty() && ticks.len() <= count + 1, "{} ticks for {count}: {ticks:?}", ticks.len());
                let (lo, hi) = s.domain();
                prop_assert!(ticks.iter().all(|t| *t >= lo && *t <= hi));
                for t in ticks.iter().filter(|t| **t > 1e-290 && **t < 1e300) {
                    let mantissa = t / 10f64.powf(t.log10().floor());
                    prop_assert!([1.0, 2.0, 5.0, 10.0].iter().any(|m| (mantissa - m).abs() < 1e-9 * m), "{t}");
                }
            }
        }
    }
}

/// A time of granularity `g` near `year`.
fn time_near(g: Granularity, year: i32, n: u32) -> Time {
    match g {
        Granularity::Year => Time::Year(year),
        Granularity::Quarter => Time::Quarter(year, (n % 4 + 1) as u8),
        Granularity::Month => Time::Month(year, (n % 12 + 1) as u8),
        Granularity::Day => Time::Day(year, (n % 12 + 1) as u8, (n % 28 + 1) as u8),
    }
}

fn granularity() -> impl Strategy<Value = Granularity> {
    prop::sample::select(vec![Granularity::Year, Granularity::Quarter, Granularity::Month, Granularity::Day])
}

/// Two times of one granularity: a few days apart to thousands of years.
fn times() -> impl Strategy<Value = (Granularity, Time, Time)> {
    (granularity(), -3000..3000i32, 0..40i32, 0..5000i32, any::<u32>(), any::<u32>()).prop_map(
        |(g, y, short, long, n, m)| {
            let span = if g == Granularity::Year { long } else { short };
            (g, time_near(g, y, n), time_near(g, y + span, m))
        },
    )
}

/// Days since 1970-01-01 (an independent copy of the calendar arithmetic, for checking steps).
fn day_number(t: Time) -> i64 {
    let Time::Day(y, m, d) = t else { return 0 };
    let (y, m, d) = (i64::from(y), i64::from(m), i64::from(d));
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * ((m + 9) % 12) + 2) / 5 + d - 1;
    era * 146_097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719_468
}

/// How many `unit`s from `a` to `b`.
fn units_between(unit: Granularity, a: Time, b: Time) -> i64 {
    let index = |t: Time| match (unit, t) {
        (Granularity::Year, t) => i64::from(t.year()),
        (Granularity::Quarter, Time::Quarter(y, q)) => i64::from(y) * 4 + i64::from(q),
        (Granularity::Month, Time::Month(y, m)) => i64::from(y) * 12 + i64::from(m),
        (Granularity::Day, t) => day_number(t),
        _ => i64::MIN,
    };
    index(b) - index(a)
}

proptest! {
    #![proptest_config(config(512))]

    /// Time ticks: in order, inside the domain, all of the step's unit, one step apart, on the
    /// step's calendar grid, never finer than the data, and no more than the length holds.
    #[test]
    fn time_ticks_are_one_calendar_step_apart((g, a, b) in times(), length in 100.0..1200.0f64, lang in prop::sample::select(vec![Lang::En, Lang::Zh])) {
        let s = TimeScale::new((a.position(), b.position()), (0.0, length));
        let step = s.step_for(g, axis::TIME_SPACING);
        prop_assert!(step.unit <= g, "{step:?} finer than {g:?}");
        let ticks = s.ticks(step);
        let (lo, hi) = s.domain();
        let fit = (length / axis::TIME_SPACING).floor() as usize + 1;
        prop_assert!(ticks.len() <= fit, "{} ticks of {step:?} in {length} px", ticks.len());
        for t in &ticks {
            prop_assert_eq!(t.granularity(), step.unit);
            prop_assert!(t.position() >= lo - 1e-9 && t.position() <= hi + 1e-9, "{t} outside {lo} to {hi}");
            let every = i64::from(step.every);
            let aligned = match *t {
                Time::Year(y) => i64::from(y).rem_euclid(every) == 0,
                Time::Quarter(_, q) => i64::from(q - 1) % every == 0,
                Time::Month(_, m) => i64::from(m - 1) % every == 0,
                // Weekly steps start on a Monday (1970-01-05 is one).
                Time::Day(..) => (day_number(*t) + if every >= 7 { 3 } else { 0 }).rem_euclid(every) == 0,
            };
            prop_assert!(aligned, "{t} is off the grid of {step:?}");
        }
        for w in ticks.windows(2) {
            prop_assert!(w[0] < w[1]);
            prop_assert_eq!(units_between(step.unit, w[0], w[1]), i64::from(step.every), "{} to {}", w[0], w[1]);
            prop_assert!(s.map_time(w[1]) - s.map_time(w[0]) >= axis::TIME_SPACING - 1e-6);
        }
        let labels = time::labels(&ticks, lang);
        prop_assert_eq!(labels.len(), ticks.len());
        prop_assert!(labels.iter().all(|l| !l.is_empty()));
        // The first label says the year.
        if let (Some(t), Some(l)) = (ticks.first(), labels.first()) {
            prop_assert!(l.contains(&t.year().to_string()), "{l} for {t}");
        }
    }
}

/// What a reader would see go wrong with an axis: a label off the chart, or on another label.
fn no_overlap(labels: &[&Label], width: f64) -> Result<(), TestCaseError> {
    for (i, a) in labels.iter().enumerate() {
        let ba = a.bbox();
        prop_assert!(ba.x >= -0.5 && ba.right() <= width + 0.5, "{:?} leaves the chart: {ba:?}", a.text);
        for b in labels.iter().skip(i + 1) {
            let bb = b.bbox();
            prop_assert!(!ba.overlaps(&bb), "{:?} at {ba:?} overlaps {:?} at {bb:?}", a.text, b.text);
        }
    }
    Ok(())
}

/// A value axis over a plot from `top` to `bottom` with a time or category axis under it.
fn axes(value: &ValueAxis, under: &HorizontalAxis) -> Vec<Label> {
    value.labels().chain(under.labels()).cloned().collect()
}

fn any_lang() -> impl Strategy<Value = Lang> {
    prop::sample::select(vec![Lang::En, Lang::Zh])
}

/// A category's name: Latin words, Chinese, or a long run of either.
fn category() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => "[A-Za-z][a-z]{0,12}( [a-z]{1,8}){0,2}",
        2 => "[\u{4e00}-\u{9fff}]{1,8}",
        1 => "[A-Za-z\u{4e00}-\u{9fff}]{20,60}",
    ]
}

proptest! {
    #![proptest_config(config(256))]

    /// A value axis (linear from any domain, from zero or not, or log) over a time axis: no two labels overlap, none
    /// leaves the chart, at any width from 280 to 1200 px, in English and Chinese; the zero line is
    /// there exactly when the domain holds zero; at least two values are labelled.
    #[test]
    fn value_and_time_axes_never_overlap(
        (a, b) in domain(),
        log in any::<bool>(),
        zero in any::<bool>(),
        (g, t0, t1) in times(),
        width in 280.0..=1200.0f64,
        height in 120.0..400.0f64,
        lang in any_lang(),
    ) {
        let theme = Theme::LIGHT;
        let top = axis::OVERHANG;
        let bottom = top + height;
        let s = match ValueScale::log((a.abs().max(1e-300), b.abs().max(1e-300)), (bottom, top)) {
            Ok(l) if log => l,
            _ => ValueScale::linear((a, b), (bottom, top), zero),
        };
        let v = axis::value_axis(&ApproxMeasure, &theme, &s, "%", lang, (0.0, width));
        prop_assert!(v.ticks.len() >= 2, "{:?}", v.labels().map(|l| &l.text).collect::<Vec<_>>());
        // Even "-1.7976931348623 × 10³⁰⁸%" leaves the plot room.
        prop_assert!(v.plot_left <= width - 40.0, "labels take {} of {width}", v.plot_left);
        let (lo, hi) = s.domain();
        prop_assert_eq!(v.zero.is_some(), !log && lo <= 0.0 && hi >= 0.0);
        let ts = TimeScale::new((t0.position(), t1.position()), (v.plot_left, width));
        let t = axis::time_axis(&ApproxMeasure, &theme, &ts, g, lang, bottom, (0.0, width));
        let labels = axes(&v, &t);
        no_overlap(&labels.iter().collect::<Vec<_>>(), width)?;
        // Within ten thousand years, an axis of more than a year has a label.
        if (ts.domain().1 - ts.domain().0) >= 1.0 && ts.domain().1.abs() < 1e4 {
            prop_assert!(!t.ticks.is_empty(), "no time label from {t0} to {t1} at {width}");
        }
    }

    /// A category axis: labels never overlap or leave the chart, and are evenly thinned.
    #[test]
    fn band_axes_never_overlap(texts in prop::collection::vec(category(), 1..40), width in 280.0..=1200.0f64) {
        let band = Band::new(texts.len(), (48.0, width));
        let a = axis::band_axis(&ApproxMeasure, &Theme::LIGHT, &band, &texts, 200.0, (0.0, width));
        prop_assert!(!a.ticks.is_empty());
        no_overlap(&a.labels().collect::<Vec<_>>(), width)?;
        if let [first, second, ..] = a.ticks.as_slice() {
            let every = second.value - first.value;
            prop_assert!(a.ticks.windows(2).all(|w| (w[1].value - w[0].value - every).abs() < 1e-9));
        }
    }
}

/// Found while writing the axis: a label may move inside the chart, but never onto its neighbour.
#[test]
fn end_labels_moved_inside_keep_clear_of_their_neighbours() {
    let ts = TimeScale::between(Time::Month(2019, 12), Time::Month(2020, 3), (30.0, 280.0));
    let t = axis::time_axis(&ApproxMeasure, &Theme::LIGHT, &ts, Granularity::Month, Lang::Zh, 100.0, (0.0, 280.0));
    let labels: Vec<&Label> = t.labels().collect();
    if let Err(e) = no_overlap(&labels, 280.0) {
        panic!("{e}");
    }
    assert!(!labels.is_empty());
}

/// Found by `value_and_time_axes_never_overlap`: wide value labels left a plot of three years too
/// narrow for two year labels, and every coarser step had no tick inside: the axis was bare.
#[test]
fn a_plot_too_narrow_for_two_time_labels_still_has_one() {
    let ts = TimeScale::between(Time::Quarter(-24, 1), Time::Quarter(-21, 1), (230.0, 280.0));
    let t = axis::time_axis(&ApproxMeasure, &Theme::LIGHT, &ts, Granularity::Quarter, Lang::En, 100.0, (0.0, 280.0));
    let labels: Vec<&Label> = t.labels().collect();
    assert_eq!(labels.len(), 1, "{labels:?}");
    if let Err(e) = no_overlap(&labels, 280.0) {
        panic!("{e}");
    }
}
