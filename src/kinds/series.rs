//! What the kinds that draw series share: which series a chart draws, their values as text, and a
//! series (or one of its values) in words for tooltips and tables.

use crate::data::{Chart, DataError, Dataset, Indicator, Series};
use crate::describe::MarkInfo;
use crate::format;
use crate::i18n::Lang;
use crate::theme::Rgb;
use crate::time::Time;

/// Refuses chart `c` of a kind that draws an indicator's series when it names none; `what` says
/// what the kind draws ("is small multiples, which draws an indicator's series, one panel per
/// entity").
pub fn needs_indicator(c: &Chart, at: &dyn Fn(&str) -> String, what: &str) -> Result<(), DataError> {
    match c.indicator {
        Some(_) => Ok(()),
        None => Err(DataError {
            path: at("indicator"),
            message: format!("chart \"{}\" {what}; name the indicator in `indicator`", c.id),
        }),
    }
}

/// The series chart `c` draws, in the order of the data: its `entities`, or every entity that has
/// a series of its indicator.
pub fn drawn<'d>(d: &'d Dataset, c: &'d Chart) -> Vec<&'d Series> {
    let Some(id) = c.indicator.as_deref() else { return Vec::new() };
    d.series_of(id).filter(|s| c.entities.is_empty() || c.entities.contains(&s.entity)).collect()
}

/// How values of indicator `ind` are written: to its decimals, all of them, where it gives them.
fn style(ind: Option<&Indicator>) -> format::Style {
    ind.and_then(|i| i.decimals).map_or(format::Style::Full, format::Style::Fixed)
}

/// A value of indicator `ind` as a label writes it: to the indicator's decimals, with its unit's symbol.
pub fn value_text(v: f64, ind: Option<&Indicator>, lang: Lang) -> String {
    format::number_with_symbol_in(v, ind.map_or("", |i| i.unit.as_str()), lang, style(ind))
}

/// The same value in words, for tooltips, tables and descriptions: "72.1 years".
pub fn value_words(v: f64, ind: Option<&Indicator>, lang: Lang) -> String {
    format::with_unit_in(v, ind.map_or("", |i| i.unit.as_str()), lang, style(ind))
}

/// The value of `s` at time `t`, where it has one.
pub fn value_at(s: &Series, t: Time) -> Option<f64> {
    point_at(s, t).and_then(|p| p.1)
}

/// The point of `s` at time `t`, where it has one.
fn point_at(s: &Series, t: Time) -> Option<&(Time, Option<f64>)> {
    // Times are in order (validation sees to it): a cursor on a million points looks up, not scans.
    s.points().binary_search_by(|p| p.0.cmp(&t)).ok().and_then(|i| s.points().get(i))
}

pub fn name<'d>(d: &'d Dataset, entity: &'d str) -> &'d str {
    d.regions.iter().find(|r| r.id == entity).map_or(entity, |r| r.name.as_str())
}

pub fn colour(d: &Dataset, entity: &str, fallback: Rgb) -> Rgb {
    d.regions.iter().find(|r| r.id == entity).and_then(|r| Rgb::from_hex(&r.color)).unwrap_or(fallback)
}

/// One series in words: the entity, its latest value and when, the indicator's source.
pub fn series_info(d: &Dataset, c: &Chart, s: &Series) -> MarkInfo {
    info_at(d, c, s, s.points().iter().rev().find(|p| p.1.is_some()).map(|p| p.0))
}

/// Series `s` in words at time `at`: the entity, its value then, the indicator and its source.
pub fn info_at(d: &Dataset, c: &Chart, s: &Series, at: Option<Time>) -> MarkInfo {
    let ind = c.indicator.as_deref().and_then(|id| d.indicator(id));
    let latest = at.and_then(|t| point_at(s, t));
    let region = d.regions.iter().find(|r| r.id == s.entity);
    MarkInfo {
        kind: "series",
        id: s.entity.clone(),
        region: Some(s.entity.clone()),
        region_name: region.map(|r| r.name.clone()),
        region_aside: None,
        color: region.map(|r| r.color.clone()),
        title: name(d, &s.entity).to_string(),
        value: latest.and_then(|p| p.1).map_or_else(
            || if d.lang == Lang::Zh { "无数据".into() } else { "no value given".into() },
            |v| value_words(v, ind, d.lang),
        ),
        qualifier: String::new(),
        unit: ind.map(|x| x.unit.clone()).unwrap_or_default(),
        period: at.map(|t| t.label(d.lang)),
        source: ind.and_then(|x| d.sources.iter().find(|src| src.id == x.source)).map(|src| src.name.clone()),
        quote: None,
        summary: ind.map(|x| x.name.clone()),
        rect: [0.0; 4],
    }
}

/// The usual distance between a chart's consecutive times (in `Time::position` units): the smallest
/// between two neighbours in any of `series`. Data given every five years is a line at that step;
/// a longer distance than the step is a period with no value, drawn as a gap.
pub fn step(series: &[&Series]) -> f64 {
    series.iter().map(|s| s.step()).fold(f64::INFINITY, f64::min)
}

/// The first and last times of `series`: each series is in time order, so its ends suffice, with no
/// list of every time merged. The year 0 where they have none.
pub fn span(series: &[&Series]) -> (Time, Time) {
    let first = series.iter().filter_map(|s| s.points().first().map(|p| p.0)).min().unwrap_or(Time::Year(0));
    let last = series.iter().filter_map(|s| s.points().last().map(|p| p.0)).max().unwrap_or(first);
    (first, last)
}

/// The lowest and highest finite values of `series`; `(∞, −∞)` where they have none.
pub fn extent(series: &[&Series]) -> (f64, f64) {
    series
        .iter()
        .map(|s| s.extent())
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(lo, hi), (a, b)| (lo.min(a), hi.max(b)))
}

/// True when a line breaks between neighbouring points `a` and `b` of a chart whose step is `step`:
/// a value missing at `a` or `b`, or a period between them that the data skip.
pub fn breaks(a: &(Time, Option<f64>), b: &(Time, Option<f64>), step: f64) -> bool {
    a.1.is_none() || b.1.is_none() || skips(a.0.position(), b.0.position(), step)
}

/// True when the data skip a period between times placed at `a` and `b` (`Time::position`), where
/// the chart's step is `step`.
pub fn skips(a: f64, b: f64, step: f64) -> bool {
    // Months and dates are not evenly spaced in years: a tenth of a step of slack.
    b - a > step * 1.1
}
