//! The texts of an axis' ticks: every tick of a linear axis in one form, one unit and one number of decimals.
//!
//! `format::number` writes each figure with the digits it has ("1", "1.5"); an axis reads as a
//! ruler, so its ticks share the form of the largest ("0.5m", "1.0m", "1.5m") and the decimals the
//! step needs ("2.5", "5.0", "7.5"). Zero is "0" whatever the decimals: it is the baseline, and a
//! "0.0m" says nothing more. The rules of each language are `format`'s: English groups thousands
//! with commas and says million, billion, trillion (or m, bn, tn where short); Chinese writes no
//! separators and counts in 万, 亿 and 万亿. A negative tick has the same minus as every other
//! number of a story ("-5", as `format` writes it).

use crate::format::{self, Style};
use crate::host;
use crate::i18n::Lang;

/// The most decimals a tick is written with: a domain as narrow as 1 to 1.000000000002 takes twelve.
const MAX_DECIMALS: u8 = 15;

/// The most decimals of a power of ten's mantissa: ticks are at least 1e-12 of the largest apart
/// (see `linear::RESOLUTION`), so thirteen tell any two apart.
const MAX_MANTISSA: u8 = 13;

/// The units a tick can be counted in, smallest first: what each stands for and its word.
fn units(lang: Lang, style: Style) -> &'static [(f64, &'static str)] {
    match (lang, style) {
        (Lang::En, Style::Full | Style::Fixed(_)) => {
            &[(1.0, ""), (1e6, " million"), (1e9, " billion"), (1e12, " trillion")]
        }
        (Lang::En, Style::Short(_)) => &[(1.0, ""), (1e3, "k"), (1e6, "m"), (1e9, "bn"), (1e12, "tn")],
        (Lang::Zh, _) => &[(1.0, ""), (1e4, "万"), (1e8, "亿"), (1e12, "万亿")],
    }
}

/// Past the largest count each language's words hold (`format::number` writes powers of ten there).
fn beyond(lang: Lang) -> f64 {
    match lang {
        Lang::En => 1e15,
        Lang::Zh => 1e16,
    }
}

/// What `format::number_with_symbol` puts after a number of `unit` ("%", "×", "倍", or nothing):
/// taken from it, so that a tick and a figure of the same unit always agree.
fn symbol(unit: &str, lang: Lang) -> String {
    let zero = format::number_with_symbol(0.0, unit, lang);
    zero.strip_prefix('0').unwrap_or("").to_string()
}

/// The texts of a linear axis' `ticks` of `unit`: one unit word, chosen by the largest tick, and
/// the fewest decimals that write every tick exactly. Where `format` writes powers of ten (beyond
/// a thousand trillion, below 0.0001), the ticks are too, all with the largest's exponent and one
/// number of decimals ("1.0 × 10³⁰⁰", "1.5 × 10³⁰⁰").
pub fn linear(ticks: &[f64], unit: &str, lang: Lang, style: Style) -> Vec<String> {
    let largest = ticks.iter().map(|t| t.abs()).fold(0.0, f64::max);
    let words = units(lang, style);
    let (size, word) = words.iter().rev().find(|(size, _)| largest >= *size).copied().unwrap_or((1.0, ""));
    let sym = symbol(unit, lang);
    let in_unit: Vec<f64> = ticks.iter().map(|t| t / size).collect();
    let plain = decimals(&in_unit, MAX_DECIMALS);
    if let Some(decimals) = plain.filter(|_| largest < beyond(lang) && (largest >= 1e-4 || largest == 0.0)) {
        return written(ticks, size, decimals, &sym, &|digits| {
            let digits = if lang == Lang::En && word.is_empty() { group_thousands(&digits) } else { digits };
            format!("{digits}{word}{sym}")
        });
    }
    let exponent = super::decade(largest);
    let power = super::pow10(exponent);
    let mantissas: Vec<f64> = ticks.iter().map(|t| t / power).collect();
    match decimals(&mantissas, MAX_MANTISSA) {
        Some(decimals) if power.is_normal() => {
            let times = format!(" × 10{}", superscript(exponent));
            written(ticks, power, decimals, &sym, &|digits| format!("{digits}{times}{sym}"))
        }
        // Among the subnormals no power of ten is exact: each tick in its shortest form.
        _ => each(ticks, unit, lang, Style::Full),
    }
}

/// "³⁰⁰", "⁻⁵": an exponent as `format` writes it.
fn superscript(e: i32) -> String {
    const DIGITS: [char; 10] = ['⁰', '¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹'];
    let digits = e.unsigned_abs().to_string();
    let sign = if e < 0 { "⁻" } else { "" };
    sign.chars().chain(digits.bytes().map(|b| DIGITS[usize::from(b - b'0')])).collect()
}

/// Each tick divided by `size` with `decimals` decimals, made into its text by `form`; zero is "0"
/// and its symbol (`sym`), whatever the unit and the decimals.
fn written(ticks: &[f64], size: f64, decimals: u8, sym: &str, form: &dyn Fn(String) -> String) -> Vec<String> {
    ticks.iter().map(|t| if *t == 0.0 { format!("0{sym}") } else { form(host::fixed(t / size, decimals)) }).collect()
}

/// Each tick written on its own, in its shortest exact form: for a log axis, whose ticks (0.01,
/// 1, 100) share no decimals. Short forms keep every digit ("2.5k").
pub fn each(ticks: &[f64], unit: &str, lang: Lang, style: Style) -> Vec<String> {
    let style = if style == Style::Full { Style::Full } else { Style::SHORT_EXACT };
    ticks.iter().map(|t| format::number_with_symbol_in(*t, unit, lang, style)).collect()
}

/// The fewest decimals, up to `most`, that write each of `values` (increasing, multiples of a
/// round step) exactly: those of the step between them (2.5 needs one), checked on every value
/// to within a computed tick's rounding. A value other than zero never passes for "0".
fn decimals(values: &[f64], most: u8) -> Option<u8> {
    let step = values.windows(2).map(|w| w[1] - w[0]).filter(|d| *d > 0.0).fold(f64::INFINITY, f64::min);
    let step = if step.is_finite() { step } else { values.iter().map(|v| v.abs()).fold(0.0, f64::max) };
    (0..=most).find(|&d| {
        let p = super::pow10(i32::from(d));
        // A hundredth of the last digit: far above a computed tick's rounding (or a step's, taken
        // as a difference of two ticks), far below the tenth a missing decimal leaves.
        let whole = |x: f64| x.round() != 0.0 && (x - x.round()).abs() <= 1e-2 && x.abs() < 1e15;
        (step == 0.0 || whole(step * p)) && values.iter().all(|v| *v == 0.0 || whole(v * p))
    })
}

/// "1234567.5" as "1,234,567.5".
fn group_thousands(s: &str) -> String {
    let (sign, rest) = s.strip_prefix('-').map_or(("", s), |r| ("-", r));
    let (int, frac) = rest.split_once('.').map_or((rest, None), |(i, f)| (i, Some(f)));
    let mut out = String::from(sign);
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if let Some(f) = frac {
        out.push('.');
        out.push_str(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn en(ticks: &[f64]) -> Vec<String> {
        linear(ticks, "", Lang::En, Style::Full)
    }

    #[test]
    fn ticks_share_the_decimals_their_step_needs() {
        assert_eq!(en(&[0.0, 0.5, 1.0, 1.5]), ["0", "0.5", "1.0", "1.5"]);
        assert_eq!(en(&[0.0, 2.5, 5.0, 7.5, 10.0]), ["0", "2.5", "5.0", "7.5", "10.0"]);
        assert_eq!(en(&[0.0, 20.0, 40.0]), ["0", "20", "40"]);
        // A computed tick's last-bit noise is not a decimal.
        assert_eq!(en(&[0.1 + 0.2, 0.4]), ["0.3", "0.4"]);
        assert_eq!(en(&[-10.0, -5.0, 0.0, 5.0]), ["-10", "-5", "0", "5"]);
        assert_eq!(en(&[-0.0]), ["0"]);
    }

    #[test]
    fn ticks_share_the_unit_of_the_largest() {
        assert_eq!(en(&[0.0, 2500.0, 5000.0, 7500.0]), ["0", "2,500", "5,000", "7,500"]);
        assert_eq!(en(&[0.0, 5e5, 1e6, 1.5e6]), ["0", "0.5 million", "1.0 million", "1.5 million"]);
        let short = |t: &[f64]| linear(t, "", Lang::En, Style::Short(3));
        assert_eq!(short(&[0.0, 5e5, 1e6, 1.5e6]), ["0", "0.5m", "1.0m", "1.5m"]);
        assert_eq!(short(&[0.0, 20e3, 40e3]), ["0", "20k", "40k"]);
        assert_eq!(short(&[-2e9, 0.0, 2e9]), ["-2bn", "0", "2bn"]);
        let zh = |t: &[f64]| linear(t, "", Lang::Zh, Style::Full);
        assert_eq!(zh(&[0.0, 5000.0, 10_000.0, 15_000.0]), ["0", "0.5万", "1.0万", "1.5万"]);
        assert_eq!(zh(&[0.0, 2e8, 4e8]), ["0", "2亿", "4亿"]);
        assert_eq!(zh(&[0.0, 2500.0, 5000.0]), ["0", "2500", "5000"]);
    }

    #[test]
    fn symbols_follow_the_numbers_as_format_writes_them() {
        assert_eq!(linear(&[0.0, 25.0, 50.0], "%", Lang::En, Style::Full), ["0%", "25%", "50%"]);
        assert_eq!(linear(&[0.0, 30.0, 60.0], "times", Lang::Zh, Style::Full), ["0倍", "30倍", "60倍"]);
        assert_eq!(linear(&[0.0, 30.0], "tons", Lang::En, Style::Full), ["0", "30"]);
    }

    #[test]
    fn the_ends_of_the_number_line_are_written_in_powers_of_ten() {
        assert_eq!(en(&[0.0, 5e307, 1e308, 1.5e308]), ["0", "0.5 × 10³⁰⁸", "1.0 × 10³⁰⁸", "1.5 × 10³⁰⁸"]);
        // Neighbours in twelve digits are told apart.
        let close = [1e300, 1e300 + 1e288, 1e300 + 2e288];
        assert_eq!(en(&close), ["1.000000000000 × 10³⁰⁰", "1.000000000001 × 10³⁰⁰", "1.000000000002 × 10³⁰⁰"]);
        assert_eq!(linear(&[0.0, 2e16], "%", Lang::Zh, Style::Full), ["0%", "2 × 10¹⁶%"]);
        assert_eq!(en(&[0.0, 5e-324]), ["0", "5 × 10⁻³²⁴"]);
        assert_eq!(en(&[0.0, 0.00005, 0.0001]), ["0", "0.00005", "0.00010"]);
        assert_eq!(en(&[0.0, 0.00002, 0.00004]), ["0", "2 × 10⁻⁵", "4 × 10⁻⁵"]);
        assert_eq!(en(&[1.0, 1.000_000_000_001]), ["1.000000000000", "1.000000000001"]);
        let tiny = [0.000_111_123_853_495_4, 0.000_111_123_853_495_6];
        assert_eq!(en(&tiny), ["1.111238534954 × 10⁻⁴", "1.111238534956 × 10⁻⁴"]);
    }

    #[test]
    fn log_ticks_are_each_in_their_shortest_form() {
        assert_eq!(each(&[0.01, 1.0, 100.0, 10_000.0], "", Lang::En, Style::Full), ["0.01", "1", "100", "10,000"]);
        assert_eq!(each(&[1e3, 1e6], "", Lang::En, Style::Short(2)), ["1k", "1m"]);
    }
}
