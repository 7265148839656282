//! Checks of indicators, series and the charts that draw them: references resolve, each indicator
//! keeps one granularity, a series' times ascend with no time twice, values are finite or gaps.
//! What a chart kind needs of them (how many times a slope takes) is the kind's own check.
//!
//! These run in the page's wasm, where each message's own `format!` costs bytes: messages of one
//! shape share the helpers below.

use std::cmp::Ordering;

use super::json::Fail;
use super::table::Ids;
use super::validate::{sorted, unique_ids};
use super::{excerpt, Chart, DataError, Dataset, Series};

/// An id quoted in a message, cut short so that a hostile one cannot flood it.
fn q(id: &str) -> String {
    format!("\"{}\"", excerpt(id, 60))
}

/// `path`: "<who> names <what> "<id>", which <not>; use one of: <choices>".
#[inline(never)]
#[allow(clippy::unnecessary_box_returns)]
fn unknown(path: String, who: &str, what: &str, id: &str, not: &str, choices: &str) -> Fail {
    fail(path, format!("{who} names {what} {}, which {not}; use one of: {choices}", q(id)))
}

/// A failure, boxed once here for every check below (see `json::Fail`).
#[allow(clippy::unnecessary_box_returns)]
fn fail(path: String, message: String) -> Fail {
    Box::new(DataError { path, message })
}

/// "the series of "gdp" for "china"".
fn series_name(s: &Series) -> String {
    format!("the series of {} for {}", q(&s.indicator), q(&s.entity))
}

/// The indicators and the series: every reference resolves and every series is in order.
// Not inlined into `validate`, nor are the two below: there the page's gzipped wasm is 0.4 kB larger.
#[inline(never)]
pub(super) fn check(d: &Dataset, regions: &Ids, sources: &Ids) -> Result<(), Fail> {
    let indicators = Ids::new(d.indicators.iter().map(|x| x.id.as_str()));
    unique_ids("indicators", &indicators)?;
    for (i, x) in d.indicators.iter().enumerate() {
        if !sources.contains(&x.source) {
            let who = format!("indicator {}", q(&x.id));
            return Err(unknown(
                format!("indicators[{i}].source"),
                &who,
                "source",
                &x.source,
                "is not in `sources`",
                &sorted(sources),
            ));
        }
    }
    // The first series of each indicator that has a time, by the indicator's place: its granularity
    // rules the rest.
    let mut first: Vec<Option<usize>> = vec![None; d.indicators.len()];
    for (i, s) in d.series.iter().enumerate() {
        let Some(x) = indicators.position(&s.indicator) else {
            let path = format!("series[{i}].indicator");
            return Err(unknown(
                path,
                "the series",
                "indicator",
                &s.indicator,
                "is not in `indicators`",
                &sorted(&indicators),
            ));
        };
        if !regions.contains(&s.entity) {
            let (path, who) = (format!("series[{i}].entity"), series_name(s));
            let not = "is not in `regions` (add it there, of kind \"category\" for what is not a place)";
            return Err(unknown(path, &who, "entity", &s.entity, not, &sorted(regions)));
        }
        if !s.points().is_empty() {
            let like = *first[x].get_or_insert(i);
            check_points(i, s, &d.series[like], like)?;
        }
    }
    // One series per indicator and entity: two would draw two lines under one name.
    let pairs: Vec<String> = d.series.iter().map(|s| format!("{}\u{1f}{}", s.indicator, s.entity)).collect();
    let ids = Ids::new(pairs.iter().map(String::as_str));
    if let Some((i, key)) = ids.first_repeat() {
        let message = format!(
            "a second series: {} is also series[{}]; give each indicator one series per entity, and merge these two",
            series_name(&d.series[i]),
            ids.position(key).unwrap_or(0)
        );
        return Err(fail(format!("series[{i}]"), message));
    }
    Ok(())
}

/// Series `i`'s times at the granularity of series `like` (the indicator's first with a time),
/// ascending and each once, and its values finite or gaps.
#[inline(never)]
fn check_points(i: usize, s: &Series, like: &Series, like_at: usize) -> Result<(), Fail> {
    let Some(&(example, _)) = like.points().first() else { return Ok(()) };
    let mut before = None;
    for (j, &(t, v)) in s.points().iter().enumerate() {
        let problem = if t.granularity() != example.granularity() {
            format!(
                "gives {t} (a {}), but indicator {} is given by {} (series[{like_at}] starts at {example}); give one indicator's times at one granularity, or make a second indicator",
                t.granularity().word(),
                q(&s.indicator),
                example.granularity().word()
            )
        } else if v.is_some_and(|v| !v.is_finite()) {
            return Err(fail(
                format!("series[{i}].values[{j}]"),
                format!("{} has a value that is not a finite number; give a number, or null for a gap", series_name(s)),
            ));
        } else {
            match before.map(|b| t.cmp(&b)) {
                Some(Ordering::Equal) => format!("gives {t} twice; keep one value per time"),
                Some(Ordering::Less) => {
                    format!("gives {t} after {}; sort the times, oldest first", before.unwrap_or(t))
                }
                _ => {
                    before = Some(t);
                    continue;
                }
            }
        };
        return Err(fail(format!("series[{i}].times[{j}]"), format!("{} {problem}", series_name(s))));
    }
    Ok(())
}

/// A chart's `indicator`, `entities` and `highlight` resolve; a chart of series lists no figures.
/// True when the chart draws series, so its kind's figure count does not apply. Its `times` are
/// the kind's to check (a slope takes two, bars one).
#[inline(never)]
pub(super) fn chart(i: usize, c: &Chart, d: &Dataset, regions: &Ids) -> Result<bool, Fail> {
    let who = format!("chart {}", q(&c.id));
    let series = c.indicator.as_deref().map(|id| (id, d.indicator(id)));
    if let Some((id, None)) = series {
        let indicators = Ids::new(d.indicators.iter().map(|x| x.id.as_str()));
        return Err(unknown(
            format!("charts[{i}].indicator"),
            &who,
            "indicator",
            id,
            "is not in `indicators`",
            &sorted(&indicators),
        ));
    }
    let id = series.map(|(id, _)| id);
    // With an indicator, an entity is one with a series of it; without, any region.
    let drawn = |e: &str| id.map_or_else(|| regions.contains(e), |id| d.series_of(id).any(|s| s.entity == e));
    for (field, list) in [("entities", &c.entities), ("highlight", &c.highlight)] {
        if let Some((j, e)) = list.iter().enumerate().find(|(_, e)| !drawn(e)) {
            let path = format!("charts[{i}].{field}[{j}]");
            return Err(match id {
                None => unknown(path, &who, "entity", e, "is not in `regions`", &sorted(regions)),
                Some(id) => {
                    let with = Ids::new(d.series_of(id).map(|s| s.entity.as_str()));
                    unknown(path, &who, "entity", e, &format!("has no series of indicator {}", q(id)), &sorted(&with))
                }
            });
        }
    }
    if let Some((j, e)) =
        c.highlight.iter().enumerate().find(|(_, e)| !c.entities.is_empty() && !c.entities.contains(e))
    {
        let path = format!("charts[{i}].highlight[{j}]");
        return Err(unknown(
            path,
            &who,
            "entity",
            e,
            "is not among its `entities` (add it there, or remove it here)",
            &c.entities.join(", "),
        ));
    }
    if let Some(colors) = &c.colors {
        let path = format!("charts[{i}].colors");
        if c.kind != crate::kinds::ChartKind::Choropleth {
            return Err(fail(
                path,
                format!("{who} is a `{}` chart; `colors` is for a `choropleth`, so remove it", c.kind.word()),
            ));
        }
        if colors.continuous && colors.bins.is_some() {
            return Err(fail(
                path,
                format!(
                    "{who} asks for both `bins` and `continuous`; a map is coloured by one or the other, so remove one"
                ),
            ));
        }
        if colors.center.is_some() && !colors.scheme.diverging() {
            return Err(fail(
                format!("{path}.center"),
                format!("{who} gives a `center`, but scheme `{}` has no middle; use a diverging scheme (red_blue, brown_teal, purple_orange) or remove `center`", colors.scheme.word()),
            ));
        }
    }
    let Some(id) = id else { return Ok(false) };
    if !c.figures.is_empty() {
        let message = format!(
            "{who} draws the series of indicator {} and lists figures too; a chart shows series or stated figures, so remove `figures` or `indicator` (or make two charts)",
            q(id)
        );
        return Err(fail(format!("charts[{i}].figures"), message));
    }
    Ok(true)
}
