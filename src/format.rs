//! Turns stated figures into the words and numbers drawn on screen, keeping every qualifier.

use crate::data::{Figure, Qualifier};
use crate::host;
use crate::i18n::{self, Lang};

/// A number as a reader says it: "5.23 million", "80 billion", "6.3", "12,500"; in Chinese in
/// 万 and 亿: "523万", "800亿". Never rounds to fewer digits than the data holds (up to nine
/// decimals of the scaled number).
///
/// Beyond what the words can say (a million billion, or a million 亿, and more) and below what nine
/// decimals can show, the number is written in powers of ten with all its digits: "1.5 × 10³⁰⁰".
pub fn number(v: f64, lang: Lang) -> String {
    let a = v.abs();
    let (scaled, word) = match lang {
        Lang::En if a >= 1e9 => (v / 1e9, " billion"),
        Lang::En if a >= 1e6 => (v / 1e6, " million"),
        Lang::Zh if a >= 1e8 => (v / 1e8, "亿"),
        Lang::Zh if a >= 1e4 => (v / 1e4, "万"),
        _ => (v, ""),
    };
    if v.is_finite() && (scaled.abs() >= 1e6 || (a > 0.0 && a < 1e-4)) {
        return powers_of_ten(v);
    }
    let digits = trim_decimals(&host::fixed(scaled, 9));
    format!("{}{word}", group_thousands(&digits))
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
    if int.len() <= 4 {
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
    let n = number(v, lang);
    match (unit, lang) {
        ("%", _) => format!("{n}%"),
        ("times", Lang::En) => format!("{n}×"),
        ("times", Lang::Zh) => format!("{n}倍"),
        _ => n,
    }
}

/// The number and its unit, spaced as the language spaces them: "80 billion jin", "800亿斤".
pub fn with_unit(v: f64, unit: &str, lang: Lang) -> String {
    let n = number_with_symbol(v, unit, lang);
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
    if let Some(w) = &f.wording {
        return w.clone();
    }
    let Some(v) = f.value else {
        return f.claim.clone().unwrap_or_default();
    };
    let n = number_with_symbol(v, &f.unit, lang);
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
        assert_eq!(n(2024.0), "2024");
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
        assert_eq!(number(999_999e9, Lang::En), "999,999 billion");
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

    #[test]
    fn symbols_attach_and_words_follow() {
        assert_eq!(number_with_symbol(67.0, "%", Lang::En), "67%");
        assert_eq!(number_with_symbol(60.0, "times", Lang::En), "60×");
        assert!(is_word_unit("tons"));
        assert!(!is_word_unit("%"));
    }
}
