//! Checks that go beyond types: references resolve, ids are unique, values fit the charts that draw them.

use super::json::Fail;
use super::table::Ids;
use super::{Chart, DataError, Dataset, Figure};

/// Returns the first problem found, naming the record by index and id.
pub fn validate(d: &Dataset) -> Result<(), DataError> {
    Ok(checks(d)?)
}

/// `validate`'s work, its failures boxed as the reader's are (see `json::Fail`).
fn checks(d: &Dataset) -> Result<(), Fail> {
    text_lengths(d)?;
    let source_ids = Ids::new(d.sources.iter().map(|s| s.id.as_str()));
    let region_ids = Ids::new(d.regions.iter().map(|r| r.id.as_str()));
    // Charts look their figures up by id: a search keeps 10,000 figures in 800 charts from 10⁸ comparisons.
    let figure_ids = Ids::new(d.figures.iter().map(|f| f.id.as_str()));
    unique_ids("sources", &source_ids)?;
    unique_ids("regions", &region_ids)?;
    unique_ids("figures", &figure_ids)?;
    unique_ids("charts", &Ids::new(d.charts.iter().map(|c| c.id.as_str())))?;

    for (i, r) in d.regions.iter().enumerate() {
        if !is_hex_colour(&r.color) {
            return Err(err(
                format!("regions[{i}].color"),
                format!(
                    "region \"{}\" has colour \"{}\"; expected a colour written as #rrggbb, e.g. #0072b2",
                    r.id, r.color
                ),
            ));
        }
    }
    for (i, x) in d.sources.iter().enumerate() {
        // The page links to it: only a web address, never `javascript:` or a file on the reader's disk.
        if let Some(link) = x.link.as_deref().filter(|l| !(l.starts_with("https://") || l.starts_with("http://"))) {
            return Err(err(
                format!("sources[{i}].link"),
                format!(
                    "source \"{}\" links to \"{}\"; a link is a web address starting with https://",
                    x.id,
                    super::excerpt(link, 60)
                ),
            ));
        }
    }
    for (i, f) in d.figures.iter().enumerate() {
        check_figure(i, f, &region_ids, &source_ids)?;
    }
    if cfg!(feature = "series") {
        super::validate_series::check(d, &region_ids, &source_ids)?;
    }
    if d.charts.is_empty() {
        return Err(err(
            "charts".into(),
            "the dataset has no charts; add at least one chart that lists figure ids or draws an indicator".into(),
        ));
    }
    for (i, c) in d.charts.iter().enumerate() {
        check_chart(i, c, d, &figure_ids, &region_ids)?;
    }
    Ok(super::localize::check(d)?)
}

// Boxed here, once, for every check (see `json::Fail`).
#[allow(clippy::unnecessary_box_returns)]
fn err(path: String, message: String) -> Fail {
    Box::new(DataError { path, message })
}

/// The first record, in list order, whose id is empty or repeats an earlier one.
pub(super) fn unique_ids(list: &str, ids: &Ids) -> Result<(), Fail> {
    match (ids.first_blank(), ids.first_repeat()) {
        (Some(i), r) if r.is_none_or(|(r, _)| i < r) => {
            Err(err(format!("{list}[{i}].id"), "the id is empty; give every record a short unique id".into()))
        }
        (_, Some((i, id))) => {
            Err(err(format!("{list}[{i}].id"), format!("the id \"{id}\" is used twice in {list}; ids must be unique")))
        }
        _ => Ok(()),
    }
}

fn is_hex_colour(s: &str) -> bool {
    s.len() == 7 && s.strip_prefix('#').is_some_and(|h| h.chars().all(|c| c.is_ascii_hexdigit()))
}

fn check_figure(i: usize, f: &Figure, regions: &Ids, sources: &Ids) -> Result<(), Fail> {
    let at = |field: &str| format!("figures[{i}].{field}");
    if let Some(r) = &f.region {
        if !regions.contains(r.as_str()) {
            return Err(err(
                at("region"),
                format!(
                    "figure \"{}\" names region \"{r}\", which is not in `regions`; use one of: {}",
                    f.id,
                    sorted(regions)
                ),
            ));
        }
    }
    if !sources.contains(f.source.id.as_str()) {
        return Err(err(
            at("source.id"),
            format!(
                "figure \"{}\" names source \"{}\", which is not in `sources`; use one of: {}",
                f.id,
                f.source.id,
                sorted(sources)
            ),
        ));
    }
    if f.source.quote.trim().is_empty() {
        return Err(err(
            at("source.quote"),
            format!("figure \"{}\" has no quote; copy the sentence that states it from the source", f.id),
        ));
    }
    match (f.value, &f.claim) {
        (Some(v), _) if !v.is_finite() => Err(err(
            at("value"),
            format!("figure \"{}\" has value {}; expected a finite number", f.id, crate::host::number_text(v)),
        )),
        (None, None) => Err(err(
            at("value"),
            format!(
                "figure \"{}\" has neither a value nor a claim; give the number, or the words of a claim without one",
                f.id
            ),
        )),
        _ => Ok(()),
    }
}

fn check_chart(i: usize, c: &Chart, d: &Dataset, figures: &Ids, regions: &Ids) -> Result<(), Fail> {
    let at = |field: &str| format!("charts[{i}].{field}");
    if let Some(r) = &c.region {
        if !regions.contains(r.as_str()) {
            return Err(err(
                at("region"),
                format!(
                    "chart \"{}\" names region \"{r}\", which is not in `regions`; use one of: {}, or null for the overview",
                    c.id,
                    sorted(regions)
                ),
            ));
        }
    }
    // What a chart names resolves first; then its kind says what it needs of it. A chart of series
    // lists no figures, so the kind's figure count is not for it.
    if !c.annotations.is_empty() && c.kind != super::ChartKind::Line {
        return Err(err(
            at("annotations"),
            format!(
                "chart \"{}\" is of kind `{}`, which draws no annotations; only `line` charts do",
                c.id,
                c.kind.word()
            ),
        ));
    }
    let draws_series = cfg!(feature = "series") && super::validate_series::chart(i, c, d, regions)?;
    c.kind.check(c, d, &at)?;
    if draws_series {
        return Ok(());
    }
    let (min, max) = c.kind.figures();
    if c.figures.len() < min || c.figures.len() > max {
        return Err(err(
            at("figures"),
            format!(
                "chart \"{}\" of kind `{}` lists {} figures; it takes {min} to {max}",
                c.id,
                c.kind.word(),
                c.figures.len()
            ),
        ));
    }
    for (j, id) in c.figures.iter().enumerate() {
        let Some(f) = figures.position(id).map(|at| &d.figures[at]) else {
            return Err(err(
                format!("charts[{i}].figures[{j}]"),
                format!("chart \"{}\" lists figure \"{id}\", which is not in `figures`; check the id", c.id),
            ));
        };
        let path = format!("charts[{i}].figures[{j}]");
        check_value_for_kind(c, f, j, &path)?;
    }
    one_measure(i, c, d, figures)
}

/// Figures drawn on one axis share one indicator and one unit, or the chart says why they compare:
/// bars of unlike measures side by side read as a comparison the source never made.
fn one_measure(i: usize, c: &Chart, d: &Dataset, figures: &Ids) -> Result<(), Fail> {
    if !c.kind.draws_one_axis() || c.comparable.as_deref().is_some_and(|w| !w.trim().is_empty()) {
        return Ok(());
    }
    let drawn: Vec<&Figure> = c.figures.iter().filter_map(|id| figures.position(id).map(|at| &d.figures[at])).collect();
    let Some(first) = drawn.first() else { return Ok(()) };
    if drawn.iter().all(|f| f.indicator == first.indicator && f.unit == first.unit) {
        return Ok(());
    }
    let listed: Vec<String> =
        drawn.iter().map(|f| format!("\"{}\" ({}, in {})", f.id, f.indicator, unit_words(&f.unit))).collect();
    Err(err(
        format!("charts[{i}].figures"),
        format!(
            "chart \"{}\" draws figures of different measures on one axis: {}; a {} chart compares one indicator in one unit, so show these figures in charts of their own (or as cards), or say in `comparable` why they can be compared",
            c.id,
            listed.join(", "),
            c.kind.word()
        ),
    ))
}

fn unit_words(unit: &str) -> &str {
    if unit.is_empty() {
        "no unit"
    } else {
        unit
    }
}

fn check_value_for_kind(c: &Chart, f: &Figure, j: usize, path: &str) -> Result<(), Fail> {
    let Some(v) = f.value else {
        if c.kind.needs_value() {
            return Err(err(
                path.into(),
                format!(
                    "figure \"{}\" has no value, but chart \"{}\" draws it as a mark of kind `{}`; give it a value or show it in a `cards` chart",
                    f.id,
                    c.id,
                    c.kind.word()
                ),
            ));
        }
        return Ok(());
    };
    match c.kind.refuse_value(f, v, j) {
        Some(p) => Err(err(
            path.into(),
            format!("figure \"{}\" (value {}) {p} (chart \"{}\")", f.id, crate::host::number_text(v), c.id),
        )),
        None => Ok(()),
    }
}

/// The ids to choose from, sorted; a long list is cut so the message stays readable.
pub(super) fn sorted(ids: &Ids) -> String {
    const SHOWN: usize = 20;
    let v: Vec<String> = ids.distinct().map(str::to_string).collect();
    if v.is_empty() {
        "(there are none yet)".into()
    } else if v.len() > SHOWN {
        format!("{} … and {} more", v[..SHOWN].join(", "), v.len() - SHOWN)
    } else {
        v.join(", ")
    }
}

/// Texts drawn beside marks and as headings: a phone shows a few lines of them, not a page.
const SHORT_TEXT: usize = 400;
/// Sentences: quotes, descriptions, deks and notes.
const LONG_TEXT: usize = 4000;

/// Bounds every text, so a pasted document or a hostile file gets a message instead of a layout that
/// runs for seconds and a chart taller than the page.
fn text_lengths(d: &Dataset) -> Result<(), Fail> {
    let s = &d.story;
    for (field, text, max) in [
        ("id", s.id.as_str(), SHORT_TEXT),
        ("title", &s.title, SHORT_TEXT),
        ("dek", &s.dek, LONG_TEXT),
        ("overview_heading", &s.overview_heading, SHORT_TEXT),
    ] {
        within(|| format!("story.{field}"), text, max)?;
    }
    for (i, x) in d.sources.iter().enumerate() {
        for (field, text, max) in [
            ("id", x.id.as_str(), SHORT_TEXT),
            ("name", &x.name, SHORT_TEXT),
            ("description", &x.description, LONG_TEXT),
            ("document", x.document.as_deref().unwrap_or(""), SHORT_TEXT),
            ("link", x.link.as_deref().unwrap_or(""), LONG_TEXT),
        ] {
            within(|| format!("sources[{i}].{field}"), text, max)?;
        }
    }
    for (i, r) in d.regions.iter().enumerate() {
        for (field, text) in [("id", r.id.as_str()), ("name", &r.name)] {
            within(|| format!("regions[{i}].{field}"), text, SHORT_TEXT)?;
        }
    }
    for (i, f) in d.figures.iter().enumerate() {
        for (field, text, max) in [
            ("id", f.id.as_str(), SHORT_TEXT),
            ("indicator", &f.indicator, SHORT_TEXT),
            ("label", &f.label, SHORT_TEXT),
            ("unit", &f.unit, SHORT_TEXT),
            ("claim", f.claim.as_deref().unwrap_or(""), SHORT_TEXT),
            ("wording", f.wording.as_deref().unwrap_or(""), SHORT_TEXT),
            ("period", f.period.as_deref().unwrap_or(""), SHORT_TEXT),
            ("source.quote", &f.source.quote, LONG_TEXT),
        ] {
            within(|| format!("figures[{i}].{field}"), text, max)?;
        }
    }
    // References (a series' indicator, a chart's entities) need no bound: each must be one of
    // these bounded ids, and a message quotes only the start of one that is not.
    for (i, x) in d.indicators.iter().enumerate() {
        for (field, text) in [("id", x.id.as_str()), ("name", &x.name), ("unit", &x.unit)] {
            within(|| format!("indicators[{i}].{field}"), text, SHORT_TEXT)?;
        }
    }
    for (i, c) in d.charts.iter().enumerate() {
        let [start, end] = c.endpoints.as_ref().map_or(["", ""], |[a, b]| [a.as_str(), b.as_str()]);
        for (field, text, max) in [
            ("id", c.id.as_str(), SHORT_TEXT),
            ("headline", &c.headline, SHORT_TEXT),
            ("dek", &c.dek, LONG_TEXT),
            ("note", c.note.as_deref().unwrap_or(""), LONG_TEXT),
            ("comparable", c.comparable.as_deref().unwrap_or(""), LONG_TEXT),
            ("endpoints[0]", start, SHORT_TEXT),
            ("endpoints[1]", end, SHORT_TEXT),
        ] {
            within(|| format!("charts[{i}].{field}"), text, max)?;
        }
        for (k, a) in c.annotations.iter().enumerate() {
            within(|| format!("charts[{i}].annotations[{k}].label"), &a.label, SHORT_TEXT)?;
        }
    }
    for (lang, t) in &d.translations {
        for (key, text) in t {
            within(|| format!("translations.{lang}.{key}"), text, LONG_TEXT)?;
        }
    }
    Ok(())
}

/// `text` at most `max` characters long; the path is only written out for a text that is not.
fn within(path: impl FnOnce() -> String, text: &str, max: usize) -> Result<(), Fail> {
    // Counting characters is linear; only texts long in bytes need it.
    let n = if text.len() <= max { 0 } else { super::char_count(text) };
    if n <= max {
        return Ok(());
    }
    Err(err(
        path(),
        format!(
            "this text is {n} characters long (it starts \"{}\"); shorten it to at most {max}",
            super::excerpt(text, 40)
        ),
    ))
}
