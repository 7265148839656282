//! Turns stated figures into the words and numbers drawn on screen, keeping every qualifier.

use crate::data::{Figure, Qualifier};
use crate::host;
use crate::i18n::{self, Lang};

/// A number as a reader says it, the one way every number of a story is written (marks, axes,
/// cards, tables, tooltips, descriptions):
///
/// - English: digits grouped by commas from 1,000 up ("5,214", "29,329"), so that every number in
///   a chart reads alike; from a million up in words ("5.23 million", "80 billion", "1.5 trillion").
/// - Chinese: no separators; from 10,000 up in 万, 亿 and 万亿 ("5214", "3.6234万", "523万", "12.3亿").
///
/// Never rounds to fewer digits than the data holds (up to nine decimals of the scaled number).
/// Beyond what the words can say (a thousand trillion, or ten thousand 万亿) and below what nine
/// decimals can show, the number is written in powers of ten with all its digits: "1.5 × 10³⁰⁰".
/// Years are not numbers here: a period is text, shown as the file words it.
pub fn number(v: f64, lang: Lang) -> String {
    let a = v.abs();
    let (scaled, word) = match lang {
        Lang::En if a >= 1e12 => (v / 1e12, " trillion"),
        Lang::En if a >= 1e9 => (v / 1e9, " billion"),
        Lang::En if a >= 1e6 => (v / 1e6, " million"),
        Lang::Zh if a >= 1e12 => (v / 1e12, "万亿"),
        Lang::Zh if a >= 1e8 => (v / 1e8, "亿"),
        Lang::Zh if a >= 1e4 => (v / 1e4, "万"),
        _ => (v, ""),
    };
    // Past the largest count each language's words hold: 999 trillion, 9999万亿.
    let beyond = match lang {
        Lang::En => 1e15,
        Lang::Zh => 1e16,
    };
    if v.is_finite() && (a >= beyond || (a > 0.0 && a < 1e-4)) {
        return powers_of_ten(v);
    }
    let digits = trim_decimals(&host::fixed(scaled, 9));
    match lang {
        Lang::En => format!("{}{word}", group_thousands(&digits)),
        Lang::Zh => format!("{digits}{word}"),
    }
}

/// How a number is written where room is short.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Style {
    /// Every digit: "36,234", "5.23 million", "3.6234万" (see `number`).
    Full,
    /// Shortened to its unit's abbreviation with at most this many significant digits, the whole
    /// part never rounded: "36.2k", "123k", "5.23m", "1.2bn", "3.62万". A label that says
    /// 36.2k stands for a figure the tooltip, the table and the description give in full.
    Short(u8),
    /// Rounded to this many decimals and written with all of them ("33.0" beside "48.9"), as an
    /// indicator's `decimals` ask; from a million (English) or 10,000 (Chinese) up, in words as
    /// `Full` writes them, rounded the same.
    Fixed(u8),
}

impl Style {
    /// The short form that keeps every digit: for round numbers such as an axis' ticks ("12.5k").
    pub const SHORT_EXACT: Style = Style::Short(u8::MAX);
}

/// `v` written in `style`.
pub fn number_in(v: f64, lang: Lang, style: Style) -> String {
    match style {
        Style::Full => number(v, lang),
        Style::Short(digits) => short(v, lang, digits),
        Style::Fixed(decimals) => fixed(v, lang, decimals),
    }
}

fn fixed(v: f64, lang: Lang, decimals: u8) -> String {
    let words_from = if lang == Lang::Zh { 1e4 } else { 1e6 };
    let digits = host::fixed(v, decimals);
    if !v.is_finite() || v.abs() >= words_from {
        return number(host::parse_number(&digits), lang);
    }
    match lang {
        Lang::En => group_thousands(&digits),
        Lang::Zh => digits,
    }
}

/// The abbreviations of the short form, smallest first: what each stands for, and its word.
fn abbreviations(lang: Lang) -> &'static [(f64, &'static str)] {
    match lang {
        Lang::En => &[(1.0, ""), (1e3, "k"), (1e6, "m"), (1e9, "bn"), (1e12, "tn")],
        Lang::Zh => &[(1.0, ""), (1e4, "万"), (1e8, "亿"), (1e12, "万亿")],
    }
}

fn short(v: f64, lang: Lang, significant: u8) -> String {
    let a = v.abs();
    let words = abbreviations(lang);
    let beyond = if lang == Lang::Zh { 1e16 } else { 1e15 };
    // Zero, and numbers in powers of ten, as `number` writes them: in full.
    if !(a >= 1e-4 && a < beyond) {
        return number(v, lang);
    }
    // Digits kept after the point of `x` for `significant` digits in all, the whole part never
    // rounded; at most the nine `number` keeps.
    let decimals = |x: f64| {
        let (mut whole, mut zeros, mut n) = (0, 0, x);
        while n >= 1.0 && whole < 5 {
            n /= 10.0;
            whole += 1;
        }
        while n > 0.0 && n < 0.1 && zeros < 9 {
            n *= 10.0;
            zeros += 1;
        }
        (i32::from(significant) - whole + zeros).clamp(0, 9) as u8
    };
    let first = words.iter().rposition(|(size, _)| a >= *size).unwrap_or(0);
    for (i, (size, word)) in words.iter().enumerate().skip(first) {
        let scaled = v / size;
        let digits = trim_decimals(&host::fixed(scaled, decimals(scaled.abs())));
        // Rounding may carry into the next unit (999.96k is 1m): then from that one.
        let carried = words.get(i + 1).is_some_and(|(next, _)| host::parse_number(&digits).abs() * size >= *next);
        if !carried {
            return format!("{digits}{word}");
        }
    }
    number(v, lang)
}

/// "1.7976931348623157 × 10³⁰⁸": the shortest digits that read back as `v`, so none is lost or made up
/// (fixed decimals would print the binary value's hundreds of digits, or round a small one to 0).
fn powers_of_ten(v: f64) -> String {
    let mut s = host::exponential(v);
    // Seventeen significant digits are all a double holds, and what a computed value's last-bit noise
    // looks like (an axis step times 3: 3.0000000000000002e93), never a figure typed by hand; such a
    // number is shown as the round one it stands for when fifteen digits make it round.
    if s.bytes().take_while(|b| *b != b'e').filter(u8::is_ascii_digit).count() >= 17 {
        let rounded = host::exponential_digits(v, 14);
        if let Some((m, e)) = rounded.split_once('e') {
            let m = m.trim_end_matches('0').trim_end_matches('.');
            if m.bytes().filter(u8::is_ascii_digit).count() <= 12 {
                s = format!("{m}e{e}");
            }
        }
    }
    let (mantissa, exponent) = s.split_once('e').unwrap_or((&s, "0"));
    let sup: String = exponent
        .chars()
        .map(|c| match c {
            '-' => '⁻',
            '0' => '⁰',
            '1' => '¹',
            '2' => '²',
            '3' => '³',
            '4' => '⁴',
            '5' => '⁵',
            '6' => '⁶',
            '7' => '⁷',
            '8' => '⁸',
            '9' => '⁹',
            other => other,
        })
        .collect();
    format!("{mantissa} × 10{sup}")
}

fn trim_decimals(s: &str) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s.to_string()
    }
}

fn group_thousands(s: &str) -> String {
    let (sign, rest) = s.strip_prefix('-').map_or(("", s), |r| ("-", r));
    let (int, frac) = rest.split_once('.').map_or((rest, None), |(i, f)| (i, Some(f)));
    if int.len() <= 3 {
        return s.to_string();
    }
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    match frac {
        Some(f) => format!("{sign}{out}.{f}"),
        None => format!("{sign}{out}"),
    }
}

/// The number with a symbol unit attached ("6.3%", "60×", "60倍"); word units are left to the caller.
pub fn number_with_symbol(v: f64, unit: &str, lang: Lang) -> String {
    number_with_symbol_in(v, unit, lang, Style::Full)
}

/// `number_with_symbol` in `style`: "36.2k", "48.9%", "3.6万".
pub fn number_with_symbol_in(v: f64, unit: &str, lang: Lang, style: Style) -> String {
    let n = number_in(v, lang, style);
    match (unit, lang) {
        ("%", _) => format!("{n}%"),
        ("times", Lang::En) => format!("{n}×"),
        ("times", Lang::Zh) => format!("{n}倍"),
        _ => n,
    }
}

/// The number and its unit, spaced as the language spaces them: "80 billion jin", "800亿斤".
pub fn with_unit(v: f64, unit: &str, lang: Lang) -> String {
    with_unit_in(v, unit, lang, Style::Full)
}

/// `with_unit` in `style`.
pub fn with_unit_in(v: f64, unit: &str, lang: Lang, style: Style) -> String {
    let n = number_with_symbol_in(v, unit, lang, style);
    match (is_word_unit(unit), lang.joins_words()) {
        (false, _) => n,
        (true, true) => format!("{n}{unit}"),
        (true, false) => format!("{n} {unit}"),
    }
}

/// True when the unit is written as a word after the number ("tons"), not as a symbol.
pub fn is_word_unit(unit: &str) -> bool {
    !matches!(unit, "%" | "times" | "")
}

/// The short form drawn at a bar end: "200+", "6.3%", "nearly half".
pub fn compact(f: &Figure, lang: Lang) -> String {
    compact_in(f, lang, Style::Full)
}

/// `compact` with the number in `style` ("36.2k+"); a wording or a claim is kept as it is.
pub fn compact_in(f: &Figure, lang: Lang, style: Style) -> String {
    if let Some(w) = &f.wording {
        return w.clone();
    }
    let Some(v) = f.value else {
        return f.claim.clone().unwrap_or_default();
    };
    let n = number_with_symbol_in(v, &f.unit, lang, style);
    match f.qualifier {
        Qualifier::Exact => n,
        Qualifier::MoreThan | Qualifier::AtLeast => format!("{n}+"),
        q => qualified(i18n::qualifier(q, lang), &n, lang),
    }
}

/// The full form for running text: "more than 200 countries and regions", "超过200个国家和地区".
pub fn full(f: &Figure, lang: Lang) -> String {
    if let Some(w) = &f.wording {
        return w.clone();
    }
    let Some(v) = f.value else {
        return f.claim.clone().unwrap_or_default();
    };
    qualified(i18n::qualifier(f.qualifier, lang), &with_unit(v, &f.unit, lang), lang)
}

fn qualified(words: &str, n: &str, lang: Lang) -> String {
    match (words.is_empty(), lang.joins_words()) {
        (true, _) => n.to_string(),
        (false, true) => format!("{words}{n}"),
        (false, false) => format!("{words} {n}"),
    }
}

/// First letter upper case, for words that start a line ("More than").
pub fn sentence_case(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => std::iter::once(upper_char(first)).chain(c).collect(),
        None => String::new(),
    }
}

/// Lower case, for a label or a region kind inside a sentence ("67% active").
///
/// Why not `str::to_lowercase`: its Unicode tables and code weigh about 25 kB in the wasm, for the
/// story's languages, English (and Latin letters with accents) and Chinese (which has no case).
/// This folds ASCII, Latin-1 and Latin Extended-A letters and leaves every other script as it is.
pub fn lower(s: &str) -> String {
    s.chars().map(lower_char).collect()
}

fn lower_char(c: char) -> char {
    let u = c as u32;
    let folded = match u {
        0x41..=0x5a | 0xc0..=0xd6 | 0xd8..=0xde => u + 0x20,
        // Latin Extended-A pairs capital and small letters, capital first, except around ĸ and ſ.
        0x100..=0x137 | 0x14a..=0x177 if u % 2 == 0 => u + 1,
        0x139..=0x148 | 0x179..=0x17e if u % 2 == 1 => u + 1,
        0x178 => 0xff,
        _ => u,
    };
    char::from_u32(folded).unwrap_or(c)
}

fn upper_char(c: char) -> char {
    let u = c as u32;
    let folded = match u {
        0x61..=0x7a | 0xe0..=0xf6 | 0xf8..=0xfe => u - 0x20,
        0x100..=0x137 | 0x14a..=0x177 if u % 2 == 1 => u - 1,
        0x139..=0x148 | 0x179..=0x17e if u % 2 == 0 => u - 1,
        0xff => 0x178,
        _ => u,
    };
    char::from_u32(folded).unwrap_or(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_indicators_decimals_are_all_written() {
        let f = |v, k| number_in(v, Lang::En, Style::Fixed(k));
        assert_eq!(
            (f(33.0, 1), f(48.86667, 1), f(1234.5, 1), f(-2.26, 1)),
            ("33.0".into(), "48.9".into(), "1,234.5".into(), "-2.3".into())
        );
        assert_eq!(f(22318.0, 0), "22,318");
        // Words scale large numbers as everywhere else, rounded first.
        assert_eq!(f(5_234_567.04, 1), "5.234567 million");
        assert_eq!(number_in(36234.0, Lang::Zh, Style::Fixed(1)), "3.6234万");
        assert_eq!(number_in(12.5, Lang::Zh, Style::Fixed(2)), "12.50");
    }

    #[test]
    fn case_folds_like_the_standard_library_for_latin_letters() {
        let latin: String = ('\u{20}'..='\u{17f}').filter(|c| *c != '\u{130}' && *c != '\u{149}').collect();
        assert_eq!(lower(&latin), latin.to_lowercase());
        for c in latin.chars().filter(|c| c.to_uppercase().count() == 1 && !matches!(c, 'µ' | 'ı' | 'ſ')) {
            assert_eq!(sentence_case(&c.to_string()), c.to_uppercase().to_string(), "{c}");
        }
        assert_eq!(lower("Active BUSINESSES, 省 Éclair"), "active businesses, 省 éclair");
        assert_eq!(sentence_case("nearly half"), "Nearly half");
        assert_eq!(sentence_case("近一半"), "近一半");
    }

    #[test]
    fn numbers_keep_their_digits() {
        let n = |v| number(v, Lang::En);
        assert_eq!(n(5.23e6), "5.23 million");
        assert_eq!(n(1.23e9), "1.23 billion");
        assert_eq!(n(80e9), "80 billion");
        assert_eq!(n(200e6), "200 million");
        assert_eq!(n(6.3), "6.3");
        assert_eq!(n(12_500.0), "12,500");
        assert_eq!(n(-1_234_567.5), "-1.2345675 million");
        assert_eq!(n(0.125), "0.125");
    }

    #[test]
    fn numbers_beyond_words_keep_their_digits_in_powers_of_ten() {
        // Fixed decimals printed 1e300 as a 300-digit binary expansion, and 1e-300 as "0".
        assert_eq!(number(1e300, Lang::En), "1 × 10³⁰⁰");
        assert_eq!(number(-1.5e300, Lang::Zh), "-1.5 × 10³⁰⁰");
        assert_eq!(number(f64::MAX, Lang::En), "1.7976931348623157 × 10³⁰⁸");
        // An axis step's last-bit noise is not shown; a figure's own digits are.
        assert_eq!(number(f64::from_bits(3e93_f64.to_bits() + 1), Lang::En), "3 × 10⁹³");
        assert_eq!(number(1.234_567_890_123_456_7e20, Lang::En), "1.2345678901234567 × 10²⁰");
        assert_eq!(number(1e-300, Lang::En), "1 × 10⁻³⁰⁰");
        assert_eq!(number(5e-324, Lang::En), "5 × 10⁻³²⁴");
        assert_eq!(number(2.5e-5, Lang::En), "2.5 × 10⁻⁵");
        // The largest numbers the words still say, and small ones nine decimals show.
        assert_eq!(number(999_999e9, Lang::En), "999.999 trillion");
        assert_eq!(number(9_999e12, Lang::Zh), "9999万亿");
        assert_eq!(number(1e16, Lang::Zh), "1 × 10¹⁶");
        assert_eq!(number(1e15, Lang::En), "1 × 10¹⁵");
        assert_eq!(number(9_999e8, Lang::Zh), "9999亿");
        assert_eq!(number(0.000_25, Lang::En), "0.00025");
        assert_eq!(number(0.0, Lang::En), "0");
    }

    #[test]
    fn chinese_counts_in_wan_and_yi() {
        let n = |v| number(v, Lang::Zh);
        assert_eq!(n(5.23e6), "523万");
        assert_eq!(n(1.23e9), "12.3亿");
        assert_eq!(n(80e9), "800亿");
        assert_eq!(n(200e6), "2亿");
        assert_eq!(n(200.0), "200");
        assert_eq!(with_unit(200e6, "千瓦", Lang::Zh), "2亿千瓦");
        assert_eq!(with_unit(200e6, "kW", Lang::En), "200 million kW");
        assert_eq!(number_with_symbol(60.0, "times", Lang::Zh), "60倍");
    }

    /// One rule per language for every number a story writes: a chart holding 5,214 and 29,329
    /// showed "5214" beside "29,329", and axes of "6000" and "60,000".
    #[test]
    fn english_groups_thousands_from_a_thousand_and_chinese_never() {
        let en = |v| number(v, Lang::En);
        for (v, text) in [
            (999.0, "999"),
            (1000.0, "1,000"),
            (5214.0, "5,214"),
            (6000.0, "6,000"),
            (29_329.0, "29,329"),
            (60_000.0, "60,000"),
            (999_999.5, "999,999.5"),
            (-1234.5, "-1,234.5"),
            (1_234.567_89, "1,234.56789"),
            (1_234e9, "1.234 trillion"),
        ] {
            assert_eq!(en(v), text);
        }
        let zh = |v| number(v, Lang::Zh);
        for (v, text) in [
            (5214.0, "5214"),
            (9999.0, "9999"),
            (29_329.0, "2.9329万"),
            (60_000.0, "6万"),
            (1e12, "1万亿"),
            (1.5e13, "15万亿"),
            (-1234.5, "-1234.5"),
        ] {
            assert_eq!(zh(v), text);
        }
        // No comma in Chinese at any magnitude the words hold; in English, none inside decimals.
        let mut v = 1.0;
        while v < 1e17 {
            for x in [v, v * 1.234_567, v * 9.999] {
                assert!(!zh(x).contains(','), "{}", zh(x));
                let e = en(x);
                let decimals = e.split_once('.').map_or("", |(_, f)| f);
                assert!(!decimals.contains(','), "{e}");
            }
            v *= 10.0;
        }
    }

    #[test]
    fn short_numbers_abbreviate_and_round_only_below_the_whole_part() {
        let en = |v, d| number_in(v, Lang::En, Style::Short(d));
        assert_eq!(en(36_234.0, 3), "36.2k");
        assert_eq!(en(36_234.0, 2), "36k");
        assert_eq!(en(5214.0, 2), "5.2k");
        assert_eq!(en(5214.0, 3), "5.21k");
        assert_eq!(en(123_456.0, 2), "123k");
        assert_eq!(en(48.866_67, 3), "48.9");
        assert_eq!(en(48.866_67, 2), "49");
        assert_eq!(en(999.0, 2), "999");
        assert_eq!(en(5.23e6, 3), "5.23m");
        assert_eq!(en(1.234_5e9, 2), "1.2bn");
        assert_eq!(en(123_456_789_012.0, 3), "123bn");
        assert_eq!(en(4.5e12, 3), "4.5tn");
        assert_eq!(en(-36_234.0, 3), "-36.2k");
        assert_eq!(en(0.012_345_6, 3), "0.0123");
        assert_eq!(en(0.0, 3), "0");
        // Rounding that carries into the next unit takes it.
        assert_eq!(en(999_960.0, 3), "1m");
        assert_eq!(en(999.96, 3), "1k");
        // Beyond the words, and below four decimals: powers of ten, in full.
        assert_eq!(en(1.234_567e300, 3), "1.234567 × 10³⁰⁰");
        assert_eq!(en(2e15, 2), "2 × 10¹⁵");
        // Round numbers keep every digit.
        assert_eq!(number_in(12_500.0, Lang::En, Style::SHORT_EXACT), "12.5k");
        assert_eq!(number_in(2500.0, Lang::En, Style::SHORT_EXACT), "2.5k");
        let zh = |v, d| number_in(v, Lang::Zh, Style::Short(d));
        assert_eq!(zh(36_234.0, 3), "3.62万");
        assert_eq!(zh(36_234.0, 2), "3.6万");
        assert_eq!(zh(5214.0, 2), "5214");
        assert_eq!(zh(5.23e6, 2), "523万");
        assert_eq!(zh(1.234_5e9, 2), "12亿");
        assert_eq!(zh(99_995_000.0, 3), "1亿");
        assert_eq!(number_with_symbol_in(48.866_67, "%", Lang::En, Style::Short(3)), "48.9%");
        assert_eq!(number_with_symbol_in(48.866_67, "%", Lang::En, Style::Full), "48.86667%");
    }

    /// Read back, a short number is the figure to within half its last digit, at every magnitude.
    #[test]
    fn short_numbers_read_back_as_the_figure_rounded() {
        fn read_back(s: &str) -> (f64, f64) {
            let (body, unit) =
                [("万亿", 1e12), ("亿", 1e8), ("万", 1e4), ("tn", 1e12), ("bn", 1e9), ("m", 1e6), ("k", 1e3)]
                    .iter()
                    .find_map(|(w, u)| s.strip_suffix(w).map(|b| (b, *u)))
                    .unwrap_or((s, 1.0));
            let decimals = body.split_once('.').map_or(0, |(_, f)| f.len());
            let value: f64 = body.parse().unwrap_or(f64::NAN);
            (value * unit, 0.5 * 10f64.powi(-(decimals as i32)) * unit)
        }
        // Up to the hundreds of trillions: beyond, the powers of ten are tested above.
        let mut v = 1e-3;
        while v < 1e14 {
            for x in [v, v * 1.234_567_8, v * 4.999, v * 9.87654, v * 9.9996] {
                for lang in [Lang::En, Lang::Zh] {
                    for digits in [2, 3] {
                        let s = number_in(x, lang, Style::Short(digits));
                        let (back, tolerance) = read_back(&s);
                        assert!((back - x).abs() <= tolerance * (1.0 + 1e-9), "{x} written {s}");
                        let significant = s.chars().filter(char::is_ascii_digit).skip_while(|c| *c == '0').count();
                        let whole = s.split(['.', 'k', 'm', 'b', 't', '万', '亿']).next().map_or(0, str::len);
                        assert!(significant <= usize::from(digits).max(whole), "{x} written {s}");
                    }
                }
            }
            v *= 10.0;
        }
    }

    #[test]
    fn symbols_attach_and_words_follow() {
        assert_eq!(number_with_symbol(67.0, "%", Lang::En), "67%");
        assert_eq!(number_with_symbol(60.0, "times", Lang::En), "60×");
        assert!(is_word_unit("tons"));
        assert!(!is_word_unit("%"));
    }
}
