//! Turns stated figures into the words and numbers drawn on screen, keeping every qualifier.

use crate::data::{Figure, Qualifier};

/// A number as a reader says it: "5.23 million", "80 billion", "6.3", "12,500".
/// Never rounds to fewer digits than the data holds (up to nine decimals of the scaled number).
pub fn number(v: f64) -> String {
    let a = v.abs();
    let (scaled, word) = if a >= 1e9 {
        (v / 1e9, " billion")
    } else if a >= 1e6 {
        (v / 1e6, " million")
    } else {
        (v, "")
    };
    let digits = trim_decimals(&format!("{scaled:.9}"));
    format!("{}{word}", group_thousands(&digits))
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

/// The number with a symbol unit attached ("6.3%", "60×"); word units are left to the caller.
pub fn number_with_symbol(v: f64, unit: &str) -> String {
    let n = number(v);
    match unit {
        "%" => format!("{n}%"),
        "times" => format!("{n}×"),
        _ => n,
    }
}

/// True when the unit is written as a word after the number ("tons"), not as a symbol.
pub fn is_word_unit(unit: &str) -> bool {
    !matches!(unit, "%" | "times" | "")
}

/// The short form drawn at a bar end: "200+", "6.3%", "nearly half".
pub fn compact(f: &Figure) -> String {
    if let Some(w) = &f.wording {
        return w.clone();
    }
    let Some(v) = f.value else {
        return f.claim.clone().unwrap_or_default();
    };
    let n = number_with_symbol(v, &f.unit);
    match f.qualifier {
        Qualifier::Exact => n,
        Qualifier::MoreThan | Qualifier::AtLeast => format!("{n}+"),
        q => format!("{} {n}", q.words()),
    }
}

/// The full form for running text: "more than 200 countries and regions", "nearly half".
pub fn full(f: &Figure) -> String {
    if let Some(w) = &f.wording {
        return w.clone();
    }
    let Some(v) = f.value else {
        return f.claim.clone().unwrap_or_default();
    };
    let mut s = String::new();
    if f.qualifier != Qualifier::Exact {
        s.push_str(f.qualifier.words());
        s.push(' ');
    }
    s.push_str(&number_with_symbol(v, &f.unit));
    if is_word_unit(&f.unit) {
        s.push(' ');
        s.push_str(&f.unit);
    }
    s
}

/// First letter upper case, for words that start a line ("More than").
pub fn sentence_case(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_keep_their_digits() {
        assert_eq!(number(5.23e6), "5.23 million");
        assert_eq!(number(1.23e9), "1.23 billion");
        assert_eq!(number(80e9), "80 billion");
        assert_eq!(number(200e6), "200 million");
        assert_eq!(number(6.3), "6.3");
        assert_eq!(number(12_500.0), "12,500");
        assert_eq!(number(2024.0), "2024");
        assert_eq!(number(-1_234_567.5), "-1.2345675 million");
        assert_eq!(number(0.125), "0.125");
    }

    #[test]
    fn symbols_attach_and_words_follow() {
        assert_eq!(number_with_symbol(67.0, "%"), "67%");
        assert_eq!(number_with_symbol(60.0, "times"), "60×");
        assert!(is_word_unit("tons"));
        assert!(!is_word_unit("%"));
    }
}
