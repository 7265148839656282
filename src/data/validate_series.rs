//! Checks of indicators, series and the charts that draw them: references resolve, each indicator
//! keeps one granularity, a series' times ascend with no time twice, values are finite or gaps.
//! What a chart kind needs of them (how many times a slope takes) is the kind's own check.

use std::cmp::Ordering;

use super::table::Ids;
use super::validate::{sorted, unique_ids};
use super::{excerpt, Chart, DataError, Dataset, Series};

/// Digits after the point a label may show; smaller values call for a smaller unit.
const MAX_DECIMALS: u8 = 6;

fn err(path: String, message: String) -> DataError {
    DataError { path, message }
}

/// An id quoted in a message, cut short so that a hostile one cannot flood it.
fn q(id: &str) -> String {
    format!("\"{}\"", excerpt(id, 60))
}

/// The indicators and the series: every reference resolves and every series is in order.
pub(super) fn check(d: &Dataset, regions: &Ids, sources: &Ids) -> Result<(), DataError> {
    unique_ids("indicators", d.indicators.iter().map(|x| x.id.as_str()))?;
    for (i, x) in d.indicators.iter().enumerate() {
        if !sources.contains(&x.source) {
            return Err(err(
                format!("indicators[{i}].source"),
                format!(
                    "indicator {} names source {}, which is not in `sources`; use one of: {}",
                    q(&x.id),
                    q(&x.source),
                    sorted(sources)
                ),
            ));
        }
        if x.decimals.is_some_and(|n| n > MAX_DECIMALS) {
            return Err(err(
                format!("indicators[{i}].decimals"),
                format!("a label shows at most {MAX_DECIMALS} digits after the point; for smaller values choose a smaller unit"),
            ));
        }
    }
    let indicators = Ids::new(d.indicators.iter().map(|x| x.id.as_str()));
    // The first series of each indicator that has a time, by the indicator's place: its granularity
    // rules the rest.
    let mut first: Vec<Option<usize>> = vec![None; d.indicators.len()];
    for (i, s) in d.series.iter().enumerate() {
        let at = |field: &str| format!("series[{i}].{field}");
        let Some(x) = indicators.position(&s.indicator) else {
            return Err(err(
                at("indicator"),
                format!(
                    "the series names indicator {}, which is not in `indicators`; use one of: {}",
                    q(&s.indicator),
                    sorted(&indicators)
                ),
            ));
        };
        if !regions.contains(&s.entity) {
            return Err(err(
                at("entity"),
                format!(
                    "the series of {} names entity {}, which is not in `regions`; add it there (kind \"category\" for what is not a place) or use one of: {}",
                    q(&s.indicator),
                    q(&s.entity),
                    sorted(regions)
                ),
            ));
        }
        if s.points.is_empty() {
            continue;
        }
        let like = *first[x].get_or_insert(i);
        check_points(i, s, &d.series[like], like)?;
    }
    // One series per indicator and entity: two would draw two lines under one name.
    let pairs: Vec<String> = d.series.iter().map(|s| format!("{}\u{1f}{}", s.indicator, s.entity)).collect();
    let ids = Ids::new(pairs.iter().map(String::as_str));
    if let Some((i, key)) = ids.first_repeat() {
        let s = &d.series[i];
        return Err(err(
            format!("series[{i}]"),
            format!(
                "a second series of {} for {} (the first is series[{}]); give each indicator one series per entity, and merge these two",
                q(&s.indicator),
                q(&s.entity),
                ids.position(key).unwrap_or(0)
            ),
        ));
    }
    Ok(())
}

/// Series `i`'s times at the granularity of series `like` (the indicator's first), ascending and each
/// once, and its values finite or gaps.
fn check_points(i: usize, s: &Series, like: &Series, like_at: usize) -> Result<(), DataError> {
    let name = || format!("the series of {} for {}", q(&s.indicator), q(&s.entity));
    let Some(&(example, _)) = like.points.first() else { return Ok(()) };
    for (j, (t, v)) in s.points.iter().enumerate() {
        if t.granularity() != example.granularity() {
            let g = example.granularity().word();
            return Err(err(
                format!("series[{i}].times[{j}]"),
                format!(
                    "{} gives {t} (a {}), but indicator {} is given by {g} (series[{like_at}] starts at {example}); give one indicator's times at one granularity, or make a second indicator",
                    name(),
                    t.granularity().word(),
                    q(&s.indicator)
                ),
            ));
        }
        if let Some(v) = v.filter(|v| !v.is_finite()) {
            return Err(err(
                format!("series[{i}].values[{j}]"),
                format!(
                    "{} has the value {}; give a finite number, or null for a gap",
                    name(),
                    crate::host::number_text(v)
                ),
            ));
        }
        let Some(before) = j.checked_sub(1).and_then(|b| s.points.get(b)) else { continue };
        let problem = match before.0.cmp(t) {
            Ordering::Less => continue,
            Ordering::Equal => format!("{t} comes twice (times[{}] and times[{j}]); keep one value per time", j - 1),
            Ordering::Greater => format!("{t} comes after {}; sort the times in order, oldest first", before.0),
        };
        return Err(err(format!("series[{i}].times[{j}]"), format!("in {}, {problem}", name())));
    }
    Ok(())
}

/// A chart's `indicator`, `entities`, `highlight` and `times` resolve; a chart of series lists no
/// figures. True when the chart draws series, so its kind's figure count does not apply.
pub(super) fn chart(i: usize, c: &Chart, d: &Dataset, regions: &Ids) -> Result<bool, DataError> {
    let at = |field: &str| format!("charts[{i}].{field}");
    let Some(id) = &c.indicator else {
        for (field, list) in [("entities", &c.entities), ("highlight", &c.highlight)] {
            if let Some((j, e)) = list.iter().enumerate().find(|(_, e)| !regions.contains(e)) {
                return Err(err(
                    format!("charts[{i}].{field}[{j}]"),
                    format!(
                        "chart {} names {}, which is not in `regions`; use one of: {}",
                        q(&c.id),
                        q(e),
                        sorted(regions)
                    ),
                ));
            }
        }
        return Ok(false);
    };
    if d.indicator(id).is_none() {
        return Err(err(
            at("indicator"),
            format!(
                "chart {} draws indicator {}, which is not in `indicators`; use one of: {}",
                q(&c.id),
                q(id),
                sorted(&Ids::new(d.indicators.iter().map(|x| x.id.as_str())))
            ),
        ));
    }
    if !c.figures.is_empty() {
        return Err(err(
            at("figures"),
            format!(
                "chart {} draws the series of indicator {} and lists figures too; a chart shows series or stated figures, so remove `figures` or `indicator` (or make two charts)",
                q(&c.id),
                q(id)
            ),
        ));
    }
    let with_series = Ids::new(d.series_of(id).map(|s| s.entity.as_str()));
    for (field, list) in [("entities", &c.entities), ("highlight", &c.highlight)] {
        if let Some((j, e)) = list.iter().enumerate().find(|(_, e)| !with_series.contains(e)) {
            return Err(err(
                format!("charts[{i}].{field}[{j}]"),
                format!(
                    "chart {} names {}, which has no series of indicator {}; use one of: {}",
                    q(&c.id),
                    q(e),
                    q(id),
                    sorted(&with_series)
                ),
            ));
        }
    }
    if !c.entities.is_empty() {
        if let Some((j, e)) = c.highlight.iter().enumerate().find(|(_, e)| !c.entities.contains(e)) {
            return Err(err(
                format!("charts[{i}].highlight[{j}]"),
                format!(
                    "chart {} highlights {}, which is not among its `entities`; add it there or remove it here",
                    q(&c.id),
                    q(e)
                ),
            ));
        }
    }
    for (j, t) in c.times.iter().enumerate() {
        let has = |s: &Series| s.points.binary_search_by(|p| p.0.cmp(t)).is_ok();
        if !d.series_of(id).any(has) {
            return Err(err(
                format!("charts[{i}].times[{j}]"),
                format!(
                    "chart {} shows {t}, but no series of indicator {} has that time; use a time the series give",
                    q(&c.id),
                    q(id)
                ),
            ));
        }
    }
    Ok(true)
}
