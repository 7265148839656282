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

/// The most decimals a tick is written with: finer steps are written as `format` writes them.
const MAX_DECIMALS: u8 = 9;

/// The units a tick can be counted in, smallest first: what each stands for and its word.
fn units(lang: Lang, style: Style) -> &'static [(f64, &'static str)] {
    match (lang, style) {
        (Lang::En, Style::Full) => &[(1.0, ""), (1e6, " million"), (1e9, " billion"), (1e12, " trillion")],
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
/// the fewest decimals that write every tick exactly. Ticks beyond the words (a thousand
/// trillion) or finer than nine decimals are written each as `format` writes it, in powers of ten.
pub fn linear(ticks: &[f64], unit: &str, lang: Lang, style: Style) -> Vec<String> {
    let largest = ticks.iter().map(|t| t.abs()).fold(0.0, f64::max);
    let words = units(lang, style);
    let (size, word) = words.iter().rev().find(|(size, _)| largest >= *size).copied().unwrap_or((1.0, ""));
    let decimals = (0..=MAX_DECIMALS).find(|d| ticks.iter().all(|t| whole_at(t / size, *d)));
    let sym = symbol(unit, lang);
    let Some(decimals) = decimals.filter(|_| largest < beyond(lang)) else {
        return each(ticks, unit, lang, Style::Full);
    };
    ticks
        .iter()
        .map(|t| {
            if *t == 0.0 {
                return format!("0{sym}");
            }
            let digits = host::fixed(t / size, decimals);
            let digits = if lang == Lang::En && word.is_empty() { group_thousands(&digits) } else { digits };
            format!("{digits}{word}{sym}")
        })
        .collect()
}

/// Each tick written on its own, in its shortest exact form: for a log axis, whose ticks (0.01,
/// 1, 100) share no decimals. Short forms keep every digit ("2.5k").
pub fn each(ticks: &[f64], unit: &str, lang: Lang, style: Style) -> Vec<String> {
    let style = if style == Style::Full { Style::Full } else { Style::SHORT_EXACT };
    ticks.iter().map(|t| format::number_with_symbol_in(*t, unit, lang, style)).collect()
}

/// True when `v` has no digits beyond `decimals` (to within the rounding of a computed tick). Relative,
/// so that a tick of 5e-324 never passes for a whole 0.
fn whole_at(v: f64, decimals: u8) -> bool {
    let scaled = v * super::pow10(i32::from(decimals));
    (scaled - scaled.round()).abs() <= 1e-9 * scaled.abs()
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
        assert_eq!(en(&[0.0, 5e307, 1e308]), ["0", "5 × 10³⁰⁷", "1 × 10³⁰⁸"]);
        assert_eq!(en(&[0.0, 5e-324]), ["0", "5 × 10⁻³²⁴"]);
        assert_eq!(en(&[0.0, 0.00005, 0.0001]), ["0", "0.00005", "0.00010"]);
    }

    #[test]
    fn log_ticks_are_each_in_their_shortest_form() {
        assert_eq!(each(&[0.01, 1.0, 100.0, 10_000.0], "", Lang::En, Style::Full), ["0.01", "1", "100", "10,000"]);
        assert_eq!(each(&[1e3, 1e6], "", Lang::En, Style::Short(2)), ["1k", "1m"]);
    }
}
