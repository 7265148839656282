//! A time scale: periods placed to scale by `Time::position`, ticked at calendar-round steps.
//!
//! Ticks fall on whole years (every 1, 2, 5, 10, 20, 25, 50, 100 … years), quarters (every 1, 2),
//! months (every 1, 2, 3, 6, counted from January), or days (every 1 or 2, or weekly and
//! fortnightly on Mondays), never finer than the data. As in Observable Plot's time axes, a tick's
//! label says only what changed since the tick before: "Jan 2020", "Apr", "Jul", "Oct", "Jan 2021";
//! a tick that starts the axis always says the year.

use crate::i18n::Lang;
use crate::time::{Granularity, Time};

/// Times from `domain` (positions, in years: `Time::position`) placed linearly along `range` (pixels).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeScale {
    domain: (f64, f64),
    range: (f64, f64),
}

/// A distance between ticks: `every` years, quarters, months or days.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub unit: Granularity,
    pub every: u32,
}

impl Step {
    /// The shortest distance between two ticks of this step, in years (a day is at least 1/366).
    pub fn years(self) -> f64 {
        let k = f64::from(self.every);
        match self.unit {
            Granularity::Day => k / 366.0,
            Granularity::Month => k / 12.0,
            Granularity::Quarter => k / 4.0,
            Granularity::Year => k,
        }
    }
}

/// The farthest from year 0 a tick is placed, so that every tick's year is a `Time`'s.
const LIMIT: f64 = 1e9;

/// The most ticks `ticks` makes for one step; a finer step is not one a caller wants.
const MAX_TICKS: f64 = 2000.0;

/// Slack in comparing positions computed in two ways (a month as y + (m - 1) / 12, or from an index).
const EPS: f64 = 1e-9;

/// The steps ticks can take for data of granularity `finest`, from the finest to the coarsest.
pub fn steps(finest: Granularity) -> Vec<Step> {
    let mut out = Vec::new();
    let mut add = |unit: Granularity, list: &[u32]| out.extend(list.iter().map(|&every| Step { unit, every }));
    if finest == Granularity::Day {
        add(Granularity::Day, &[1, 2, 7, 14]);
    }
    if finest >= Granularity::Month {
        add(Granularity::Month, &[1, 2, 3, 6]);
    }
    if finest == Granularity::Quarter {
        add(Granularity::Quarter, &[1, 2]);
    }
    add(Granularity::Year, &[1, 2, 5, 10, 20, 25, 50]);
    // 100, 200, 250, 500, 1000 … up to 500 million years.
    for k in 2..9 {
        let p = 10u32.pow(k);
        add(Granularity::Year, &[p, 2 * p, 5 * p / 2, 5 * p]);
    }
    out
}

impl TimeScale {
    /// A scale from `domain` (the first and last positions, in either order) onto `range`. A
    /// non-finite end is left out; positions are held within a billion years of year 0.
    pub fn new(domain: (f64, f64), range: (f64, f64)) -> TimeScale {
        let ends: Vec<f64> = [domain.0, domain.1].into_iter().filter(|v| v.is_finite()).collect();
        let lo = ends.iter().copied().fold(f64::INFINITY, f64::min);
        let hi = ends.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let domain = if ends.is_empty() { (0.0, 0.0) } else { (lo.max(-LIMIT).min(LIMIT), hi.max(-LIMIT).min(LIMIT)) };
        let range = if range.0.is_finite() && range.1.is_finite() { range } else { (0.0, 0.0) };
        TimeScale { domain, range }
    }

    /// The scale from `first` to `last` (in time order) onto `range`.
    pub fn between(first: Time, last: Time, range: (f64, f64)) -> TimeScale {
        TimeScale::new((first.position(), last.position()), range)
    }

    pub fn domain(&self) -> (f64, f64) {
        self.domain
    }

    pub fn range(&self) -> (f64, f64) {
        self.range
    }

    /// The pixel of a position; a domain of one time puts it in the middle of the range.
    pub fn map(&self, position: f64) -> f64 {
        let (d0, d1) = self.domain;
        let (r0, r1) = self.range;
        let years = d1 - d0;
        if years == 0.0 {
            return (r0 + r1) / 2.0;
        }
        r0 + (position - d0) / years * (r1 - r0)
    }

    pub fn map_time(&self, t: Time) -> f64 {
        self.map(t.position())
    }

    /// The position at pixel `px`: `map`'s inverse.
    pub fn invert(&self, px: f64) -> f64 {
        let (r0, r1) = self.range;
        let length = r1 - r0;
        let t = if length == 0.0 { 0.0 } else { (px - r0) / length };
        self.domain.0 + t * (self.domain.1 - self.domain.0)
    }

    /// Pixels per year.
    fn density(&self) -> f64 {
        let years = self.domain.1 - self.domain.0;
        let length = (self.range.1 - self.range.0).abs();
        if years > 0.0 {
            length / years
        } else {
            f64::INFINITY
        }
    }

    /// The pixels between two ticks of `step`, at the least.
    pub fn spacing(&self, step: Step) -> f64 {
        step.years() * self.density()
    }

    /// The finest step for data of granularity `finest` whose ticks are at least `min_spacing`
    /// pixels apart: the pixel length bounds how many ticks an axis gets.
    pub fn step_for(&self, finest: Granularity, min_spacing: f64) -> Step {
        let all = steps(finest);
        let coarsest = all.last().copied().unwrap_or(Step { unit: Granularity::Year, every: 1 });
        all.into_iter().find(|s| self.spacing(*s) >= min_spacing).unwrap_or(coarsest)
    }

    /// The times of `step` inside the domain (its ends included), in order; none where that would
    /// be more than a few thousand.
    pub fn ticks(&self, step: Step) -> Vec<Time> {
        let (lo, hi) = self.domain;
        if (hi - lo) / step.years() > MAX_TICKS || step.every == 0 {
            return Vec::new();
        }
        let k = i64::from(step.every);
        let inside = |t: &Time| t.position() >= lo - EPS && t.position() <= hi + EPS;
        let mut out = Vec::new();
        match step.unit {
            Granularity::Year => {
                for y in aligned(((lo - EPS).ceil() as i64, (hi + EPS).floor() as i64), k, 0) {
                    out.push(Time::Year(y as i32));
                }
            }
            Granularity::Quarter | Granularity::Month => {
                let per_year = if step.unit == Granularity::Month { 12 } else { 4 };
                let n = per_year as f64;
                // A period's index counts from year 0's first (2020-Q1 is 2020 × 4); steps divide a
                // year, so every k-th index from zero starts January (or Q1) on every year.
                for i in aligned(((lo * n - 1e-6).ceil() as i64, (hi * n + 1e-6).floor() as i64), k, 0) {
                    let (y, p) = (i.div_euclid(per_year) as i32, (i.rem_euclid(per_year) + 1) as u8);
                    out.push(if per_year == 12 { Time::Month(y, p) } else { Time::Quarter(y, p) });
                }
            }
            Granularity::Day => {
                // Weeks start on a Monday (day 4 after 1970-01-01, a Thursday).
                let offset = if k >= 7 { 3 } else { 0 };
                let y0 = (lo - EPS).floor() as i64;
                let in_year = if is_leap(y0) { 366.0 } else { 365.0 };
                let day = ((lo - y0 as f64) * in_year - 1e-6).ceil().max(0.0) as i64;
                let first = days_from_civil(y0, 1, 1) + day;
                let mut n = first + (k - (first + offset).rem_euclid(k)) % k;
                loop {
                    let (y, m, d) = civil_from_days(n);
                    let t = Time::Day(y as i32, m, d);
                    if t.position() > hi + EPS {
                        break;
                    }
                    out.push(t);
                    n += k;
                }
            }
        }
        out.retain(inside);
        out
    }
}

/// The numbers from `first` to `last` that are `offset` past a multiple of `k`.
fn aligned((first, last): (i64, i64), k: i64, offset: i64) -> impl Iterator<Item = i64> {
    let start = first + (k - (first + offset).rem_euclid(k)) % k;
    (start..=last).step_by(k.max(1) as usize)
}

fn is_leap(y: i64) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

/// Days since 1970-01-01 of a date in the proleptic Gregorian calendar (H. Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The date `z` days after 1970-01-01: `days_from_civil`'s inverse.
fn civil_from_days(z: i64) -> (i64, u8, u8) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m as u8, d as u8)
}

/// "Mar": a month's short name, as `Time::label` writes it.
fn month_name(m: u8) -> String {
    let full = Time::Month(2000, m).label(Lang::En);
    full.split(' ').next().unwrap_or("").to_string()
}

/// The label of each tick, saying only what changed since the tick before: the year at the first
/// tick and where it changes ("Jan 2020", "Apr", "Jul"; "2020年1月", "4月"), the month where a day's
/// changes ("1 Mar", "8", "15"; "3月1日", "8日").
pub fn labels(ticks: &[Time], lang: Lang) -> Vec<String> {
    let mut before: Option<Time> = None;
    let mut out = Vec::with_capacity(ticks.len());
    for &t in ticks {
        let new_year = before.is_none_or(|b| b.year() != t.year());
        let new_month = new_year || matches!((before, t), (Some(Time::Day(_, a, _)), Time::Day(_, b, _)) if a != b);
        before = Some(t);
        out.push(match (t, lang) {
            (Time::Year(_), _) => t.label(lang),
            _ if new_year => t.label(lang),
            (Time::Quarter(_, q), Lang::En) => format!("Q{q}"),
            (Time::Quarter(_, q), Lang::Zh) => format!("第{q}季度"),
            (Time::Month(_, m), Lang::En) => month_name(m),
            (Time::Month(_, m), Lang::Zh) => format!("{m}月"),
            (Time::Day(_, m, d), Lang::En) if new_month => format!("{d} {}", month_name(m)),
            (Time::Day(_, m, d), Lang::Zh) if new_month => format!("{m}月{d}日"),
            (Time::Day(_, _, d), Lang::En) => d.to_string(),
            (Time::Day(_, _, d), Lang::Zh) => format!("{d}日"),
        });
    }
    out
}

#[cfg(test)]
// Exact doubles are what these tests check.
#[allow(clippy::float_cmp)]
mod tests {
    use super::*;

    fn step(unit: Granularity, every: u32) -> Step {
        Step { unit, every }
    }

    #[test]
    fn calendar_arithmetic_round_trips() {
        assert_eq!(days_from_civil(1970, 1, 1), 0);
        assert_eq!(days_from_civil(2000, 3, 1), 11_017);
        assert_eq!(civil_from_days(-1), (1969, 12, 31));
        for z in [-1_000_000, -719_468, -1, 0, 59, 60, 11_016, 19_000, 3_000_000] {
            let (y, m, d) = civil_from_days(z);
            assert_eq!(days_from_civil(y, i64::from(m), i64::from(d)), z);
        }
    }

    #[test]
    fn years_fall_on_multiples_of_the_step() {
        let s = TimeScale::new((1950.0, 2023.0), (0.0, 600.0));
        let years: Vec<Time> = (0..8).map(|i| Time::Year(1950 + 10 * i)).collect();
        assert_eq!(s.ticks(step(Granularity::Year, 10)), years);
        assert_eq!(s.ticks(step(Granularity::Year, 25)), [Time::Year(1950), Time::Year(1975), Time::Year(2000)]);
        // 73 years at 600 px, at least 64 px apart: ten-year steps.
        assert_eq!(s.step_for(Granularity::Year, 64.0), step(Granularity::Year, 10));
        let bce = TimeScale::new((-510.0, -490.0), (0.0, 100.0));
        assert_eq!(bce.ticks(step(Granularity::Year, 10)), [Time::Year(-510), Time::Year(-500), Time::Year(-490)]);
    }

    #[test]
    fn months_and_quarters_start_the_year() {
        let s = TimeScale::between(Time::Month(2019, 11), Time::Month(2020, 8), (0.0, 600.0));
        assert_eq!(
            s.ticks(step(Granularity::Month, 3)),
            [Time::Month(2020, 1), Time::Month(2020, 4), Time::Month(2020, 7)]
        );
        let q = TimeScale::between(Time::Quarter(2019, 2), Time::Quarter(2020, 3), (0.0, 600.0));
        assert_eq!(
            q.ticks(step(Granularity::Quarter, 2)),
            [Time::Quarter(2019, 3), Time::Quarter(2020, 1), Time::Quarter(2020, 3)]
        );
    }

    #[test]
    fn weeks_start_on_mondays() {
        let s = TimeScale::between(Time::Day(2024, 2, 20), Time::Day(2024, 3, 12), (0.0, 600.0));
        // 2024-02-26 and 2024-03-04 and 2024-03-11 are Mondays.
        assert_eq!(
            s.ticks(step(Granularity::Day, 7)),
            [Time::Day(2024, 2, 26), Time::Day(2024, 3, 4), Time::Day(2024, 3, 11)]
        );
        let leap = TimeScale::between(Time::Day(2024, 2, 28), Time::Day(2024, 3, 1), (0.0, 600.0));
        assert_eq!(
            leap.ticks(step(Granularity::Day, 1)),
            [Time::Day(2024, 2, 28), Time::Day(2024, 2, 29), Time::Day(2024, 3, 1)]
        );
    }

    #[test]
    fn labels_say_what_changed() {
        let months = [Time::Month(2019, 10), Time::Month(2020, 1), Time::Month(2020, 4)];
        assert_eq!(labels(&months, Lang::En), ["Oct 2019", "Jan 2020", "Apr"]);
        assert_eq!(labels(&months, Lang::Zh), ["2019年10月", "2020年1月", "4月"]);
        let days = [Time::Day(2024, 2, 26), Time::Day(2024, 3, 4), Time::Day(2024, 3, 11)];
        assert_eq!(labels(&days, Lang::En), ["26 Feb 2024", "4 Mar", "11"]);
        assert_eq!(labels(&days, Lang::Zh), ["2024年2月26日", "3月4日", "11日"]);
        let quarters = [Time::Quarter(2020, 3), Time::Quarter(2021, 1), Time::Quarter(2021, 3)];
        assert_eq!(labels(&quarters, Lang::En), ["Q3 2020", "Q1 2021", "Q3"]);
        assert_eq!(labels(&[Time::Year(1955), Time::Year(1960)], Lang::Zh), ["1955", "1960"]);
    }

    #[test]
    fn steps_are_never_finer_than_the_data() {
        assert!(steps(Granularity::Year).iter().all(|s| s.unit == Granularity::Year));
        assert_eq!(steps(Granularity::Quarter)[0], step(Granularity::Quarter, 1));
        assert_eq!(steps(Granularity::Month)[0], step(Granularity::Month, 1));
        assert!(steps(Granularity::Month).iter().all(|s| s.unit != Granularity::Quarter));
        assert!(steps(Granularity::Day).windows(2).all(|w| w[0].years() < w[1].years()));
    }

    #[test]
    fn one_time_is_drawn_in_the_middle() {
        let s = TimeScale::new((2020.0, 2020.0), (0.0, 300.0));
        assert_eq!(s.map(2020.0), 150.0);
        assert_eq!(s.ticks(step(Granularity::Year, 1)), [Time::Year(2020)]);
        assert_eq!(TimeScale::new((f64::NAN, f64::INFINITY), (0.0, 300.0)).domain(), (0.0, 0.0));
    }
}
