//! Time as a type, not text: years, quarters, months and dates, ordered and placed on a continuous axis.

use std::cmp::Ordering;
use std::fmt;

use crate::i18n::Lang;

/// A period of a series, at the granularity its data gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Time {
    Year(i32),
    /// Year and quarter, 1 to 4.
    Quarter(i32, u8),
    /// Year and month, 1 to 12.
    Month(i32, u8),
    /// Year, month and day of the month.
    Day(i32, u8, u8),
}

/// How finely a series' times are given; one series, and one indicator, keeps one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Granularity {
    Year,
    Quarter,
    Month,
    Day,
}

impl Granularity {
    pub fn word(self) -> &'static str {
        match self {
            Granularity::Year => "year",
            Granularity::Quarter => "quarter",
            Granularity::Month => "month",
            Granularity::Day => "date",
        }
    }
}

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

fn days_in_month(y: i32, m: u8) -> u8 {
    match m {
        2 if is_leap(y) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Digits only (a leading minus allowed for years before the common era), so that "1e3" or "+5"
/// never pass as a year.
fn int(s: &str, signed: bool) -> Option<i32> {
    let digits = if signed { s.strip_prefix('-').unwrap_or(s) } else { s };
    if digits.is_empty() || digits.len() > 6 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    // Six digits at most: the sum fits, with no parser's checks again on each of a million times.
    let n = digits.bytes().fold(0, |n, b| n * 10 + i32::from(b - b'0'));
    Some(if digits.len() < s.len() { -n } else { n })
}

impl Time {
    /// Reads `1955`, `-500`, `2020-Q1` (or `2020Q1`), `2020-03` and `2020-03-15`; `None` for anything else.
    pub fn parse(text: &str) -> Option<Time> {
        let s = text.trim();
        if let Some(y) = int(s, true) {
            return Some(Time::Year(y));
        }
        // A negative year with a month or day is not a form any source writes.
        let (year, rest) = s
            .split_once('-')
            .map_or_else(|| s.split_once(['Q', 'q']).map(|(y, q)| (y, (true, q))), |(y, r)| Some((y, (false, r))))?;
        let year = int(year, false)?;
        let (bare_quarter, rest) = rest;
        if bare_quarter {
            return Time::quarter(year, rest);
        }
        if let Some(q) = rest.strip_prefix(['Q', 'q']) {
            return Time::quarter(year, q);
        }
        let (month, day) = match rest.split_once('-') {
            Some((m, d)) => (m, Some(d)),
            None => (rest, None),
        };
        if month.len() != 2 {
            return None;
        }
        let month = u8::try_from(int(month, false)?).ok().filter(|m| (1..=12).contains(m))?;
        match day {
            None => Some(Time::Month(year, month)),
            Some(d) if d.len() == 2 => {
                let day = u8::try_from(int(d, false)?).ok().filter(|d| *d >= 1 && *d <= days_in_month(year, month))?;
                Some(Time::Day(year, month, day))
            }
            Some(_) => None,
        }
    }

    fn quarter(year: i32, q: &str) -> Option<Time> {
        let q = u8::try_from(int(q, false)?).ok().filter(|q| (1..=4).contains(q))?;
        Some(Time::Quarter(year, q))
    }

    /// A year given as a JSON number: a whole number only.
    pub fn from_number(v: f64) -> Option<Time> {
        (v.is_finite() && v.fract() == 0.0 && v.abs() < 1e6).then_some(Time::Year(v as i32))
    }

    pub fn granularity(self) -> Granularity {
        match self {
            Time::Year(_) => Granularity::Year,
            Time::Quarter(..) => Granularity::Quarter,
            Time::Month(..) => Granularity::Month,
            Time::Day(..) => Granularity::Day,
        }
    }

    pub fn year(self) -> i32 {
        match self {
            Time::Year(y) | Time::Quarter(y, _) | Time::Month(y, _) | Time::Day(y, _, _) => y,
        }
    }

    /// Where the period starts on a continuous axis, in years: 1955 -> 1955.0, 2020-Q2 -> 2020.25,
    /// 2020-03 -> 2020 + 2/12, a date by its day of the year. Drawing to scale, gaps included, is
    /// placing by this.
    pub fn position(self) -> f64 {
        match self {
            Time::Year(y) => f64::from(y),
            Time::Quarter(y, q) => f64::from(y) + f64::from(q - 1) / 4.0,
            Time::Month(y, m) => f64::from(y) + f64::from(m - 1) / 12.0,
            Time::Day(y, m, d) => {
                // Days before each month in a common year; a leap year adds one from March.
                const BEFORE: [u16; 12] = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
                let leap = u32::from(is_leap(y) && m > 2);
                let before = BEFORE.get(usize::from(m).wrapping_sub(1)).map_or(0, |b| u32::from(*b)) + leap;
                let in_year = if is_leap(y) { 366.0 } else { 365.0 };
                f64::from(y) + f64::from(before + u32::from(d) - 1) / in_year
            }
        }
    }

    /// The period as a reader reads it: "1955", "Q1 2020", "Mar 2020", "15 Mar 2020"; in Chinese
    /// "2020年第1季度", "2020年3月", "2020年3月15日".
    pub fn label(self, lang: Lang) -> String {
        let month = |m: u8| MONTHS.get(usize::from(m).wrapping_sub(1)).copied().unwrap_or("");
        match (self, lang) {
            (Time::Year(y), _) => y.to_string(),
            (Time::Quarter(y, q), Lang::En) => format!("Q{q} {y}"),
            (Time::Quarter(y, q), Lang::Zh) => format!("{y}年第{q}季度"),
            (Time::Month(y, m), Lang::En) => format!("{} {y}", month(m)),
            (Time::Month(y, m), Lang::Zh) => format!("{y}年{m}月"),
            (Time::Day(y, m, d), Lang::En) => format!("{d} {} {y}", month(m)),
            (Time::Day(y, m, d), Lang::Zh) => format!("{y}年{m}月{d}日"),
        }
    }
}

impl Ord for Time {
    /// In time order; a year sorts before the quarters, months and dates that start with it.
    fn cmp(&self, other: &Self) -> Ordering {
        self.position().total_cmp(&other.position()).then(self.granularity().cmp(&other.granularity()))
    }
}

impl PartialOrd for Time {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

/// The form `parse` reads back: `1955`, `2020-Q1`, `2020-03`, `2020-03-15`.
impl fmt::Display for Time {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Time::Year(y) => write!(f, "{y}"),
            Time::Quarter(y, q) => write!(f, "{y}-Q{q}"),
            Time::Month(y, m) => write!(f, "{y}-{m:02}"),
            Time::Day(y, m, d) => write!(f, "{y}-{m:02}-{d:02}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_granularity_and_writes_it_back() {
        for (text, t) in [
            ("1955", Time::Year(1955)),
            ("-500", Time::Year(-500)),
            ("2020-Q1", Time::Quarter(2020, 1)),
            ("2020-03", Time::Month(2020, 3)),
            ("2024-02-29", Time::Day(2024, 2, 29)),
        ] {
            assert_eq!(Time::parse(text), Some(t), "{text}");
            assert_eq!(t.to_string(), text);
        }
        assert_eq!(Time::parse("2020q4"), Some(Time::Quarter(2020, 4)));
    }

    #[test]
    fn refuses_what_is_not_a_period() {
        for text in ["", "1e3", "+5", "2020-13", "2023-02-29", "2020-Q5", "2020-3", "spring", "1955.5"] {
            assert_eq!(Time::parse(text), None, "{text}");
        }
        assert_eq!(Time::from_number(1955.5), None);
        assert_eq!(Time::from_number(1955.0), Some(Time::Year(1955)));
    }

    #[test]
    fn orders_and_places_to_scale() {
        assert!(Time::Month(2020, 12) < Time::Month(2021, 1));
        assert!(Time::Year(2020) < Time::Quarter(2020, 1));
        assert!((Time::Quarter(2020, 3).position() - 2020.5).abs() < 1e-12);
        assert!((Time::Day(2021, 7, 2).position() - (2021.0 + 182.0 / 365.0)).abs() < 1e-12);
    }

    #[test]
    fn every_date_of_a_year_lies_in_order_within_it() {
        for y in [1900, 2000, 2023, 2024] {
            let mut last = f64::from(y) - 1e-9;
            for m in 1..=12 {
                for d in 1..=days_in_month(y, m) {
                    let p = Time::Day(y, m, d).position();
                    assert!(p > last && p < f64::from(y + 1), "{y}-{m}-{d}: {p}");
                    last = p;
                }
            }
            assert!((Time::Day(y, 1, 1).position() - f64::from(y)).abs() < 1e-12);
        }
    }

    #[test]
    fn labels_read_as_a_reader_writes_them() {
        assert_eq!(Time::Month(2020, 3).label(Lang::En), "Mar 2020");
        assert_eq!(Time::Quarter(2020, 1).label(Lang::Zh), "2020年第1季度");
        assert_eq!(Time::Day(2020, 3, 15).label(Lang::En), "15 Mar 2020");
    }
}
