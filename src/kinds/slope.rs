//! Slope: many entities between two periods, each a line from its value at the first to its value
//! at the second, named with its values at both ends; the lines' order and slant are the story.

use std::sync::Arc;

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::prelude::DrawingBackend;

use crate::data::{Chart, DataError, Dataset, Series};
use crate::describe::MarkInfo;
use crate::i18n::Lang;
use crate::model::timeline::Timeline;
use crate::model::{dodge, text, Align, Ctx, Label, Mark, Rect, View};
use crate::render::{write, DrawResult};
use crate::scale::{tick_count, Linear, TimeScale, ValueScale};
use crate::theme::{Font, Theme};
use crate::time::Time;

use super::line::{self, EndLabel, Trace};
use super::series::{self, colour, drawn, name};
use super::{Input, Kind};

const NAME_FONT: Font = Font::SMALL_BOLD;
/// The widest each side's names and values may be, as a share of the chart's width.
const SIDE_SHARE: f64 = 0.36;
/// The widest the names and values at the lines' ends may be when the names stand there alone.
const NAMES_SHARE: f64 = 0.5;

#[derive(Debug, Clone, PartialEq)]
pub struct SlopeLayout {
    /// The two periods' names above their columns.
    pub heads: Vec<Label>,
    pub lines: Vec<Trace>,
    /// "Name value" at the left of the first column ("value" alone on a narrow chart) and "value Name"
    /// at the right of the second.
    pub left: Vec<EndLabel>,
    pub right: Vec<EndLabel>,
    pub plot: Rect,
    pub times: Timeline,
    pub bottom: f64,
}

/// The entities with a value at both periods, each with its two values.
fn pairs<'d>(d: &'d Dataset, c: &'d Chart) -> Vec<(&'d Series, f64, f64)> {
    let [a, b] = c.times.as_slice() else { return Vec::new() };
    drawn(d, c).into_iter().filter_map(|s| Some((s, series::value_at(s, *a)?, series::value_at(s, *b)?))).collect()
}

fn layout(cx: &Ctx, i: &Input, top: f64) -> SlopeLayout {
    let (d, c, theme) = (i.d, i.chart, cx.theme);
    let ind = c.indicator.as_deref().and_then(|id| d.indicator(id));
    let pairs = pairs(d, c);
    let [a, b] = match c.times.as_slice() {
        [a, b] => [*a, *b],
        _ => [Time::Year(0), Time::Year(0)],
    };
    let count = pairs.len();
    let side = (cx.width * SIDE_SHARE).floor();
    let text_of = |s: &Series, v: f64, left: bool, room: f64| {
        let (n, v) = (name(d, &s.entity), series::value_text(v, ind, d.lang));
        let n = text::fit(cx.m, n, room - 16.0 - cx.m.width(&v, NAME_FONT), NAME_FONT);
        if left {
            format!("{n} {v}")
        } else {
            format!("{v} {n}")
        }
    };
    let whole = |s: &Series, v: f64| {
        cx.m.width(&format!("{} {}", name(d, &s.entity), series::value_text(v, ind, d.lang)), NAME_FONT)
    };
    // Names on both sides while they fit whole; where they would be cut (a phone), the names stand at
    // the lines' ends alone, given the room, and the first period keeps its values.
    let both = pairs.iter().all(|(s, p, q)| whole(s, *p).max(whole(s, *q)) <= side - 16.0);
    let (lefts, right_side): (Vec<String>, f64) = if both {
        (pairs.iter().map(|(s, v, _)| text_of(s, *v, true, side)).collect(), side)
    } else {
        let values = pairs.iter().map(|(_, v, _)| series::value_text(*v, ind, d.lang)).collect();
        (values, (cx.width * NAMES_SHARE).floor())
    };
    let rights: Vec<String> = pairs.iter().map(|(s, _, v)| text_of(s, *v, false, right_side)).collect();
    let widest = |t: &[String]| t.iter().map(|x| cx.m.width(x, NAME_FONT)).fold(0.0, f64::max);
    let x0 = widest(&lefts).min(side) + 8.0;
    let x1 = cx.width - widest(&rights).min(right_side) - 8.0;

    let head_y = top;
    let heads = vec![
        cx.label(a.label(d.lang), x0, head_y, Font::BODY_BOLD, theme.ink, Align::Center),
        cx.label(b.label(d.lang), x1, head_y, Font::BODY_BOLD, theme.ink, Align::Center),
    ];
    let h = NAME_FONT.line_height();
    let plot_top = head_y + Font::BODY_BOLD.line_height() + 8.0 + h / 2.0;
    let plot_h = (count as f64 * h * 1.1).max(160.0).min(480.0);
    let plot_bottom = plot_top + plot_h;
    let values = pairs.iter().flat_map(|(_, p, q)| [*p, *q]);
    let lo = values.clone().fold(f64::INFINITY, f64::min);
    let hi = values.fold(f64::NEG_INFINITY, f64::max);
    // The change is the story, so the scale spans the values, not zero; the key says so.
    let scale = Linear::new((lo, hi), (plot_bottom, plot_top)).nice(tick_count(plot_h));
    let lines: Vec<Trace> = pairs
        .iter()
        .map(|(s, p, q)| {
            let (ya, yb) = (scale.map(*p), scale.map(*q));
            Trace {
                entity: s.entity.clone(),
                color: colour(d, &s.entity, theme.context),
                highlighted: line::highlighted(c, &s.entity, count),
                runs: vec![vec![(x0, ya), (x1, yb)]],
                bbox: Rect { x: x0, y: ya.min(yb), w: x1 - x0, h: (ya - yb).abs() },
                data: Arc::from([(a, Some(*p)), (b, Some(*q))]),
                time: TimeScale::between(a, b, (x0, x1)),
                value: ValueScale::Linear(scale),
            }
        })
        .collect();
    let names = |texts: &[String], at: &dyn Fn(&Trace) -> f64, x: f64, align: Align| -> Vec<EndLabel> {
        let wanted: Vec<f64> = lines.iter().map(at).collect();
        let tops = dodge::dodge(&wanted, h, plot_top - h / 2.0, plot_bottom + h / 2.0);
        lines
            .iter()
            .zip(texts)
            .zip(wanted.iter().zip(tops))
            .map(|((t, text), (want, top))| {
                let ink = if t.highlighted { t.color.readable_on(theme.background, theme.ink) } else { theme.muted };
                let label = cx.label(text.clone(), x, top, NAME_FONT, ink, align);
                let mid = top + h / 2.0;
                let end = if align == Align::Right { x + 4.0 } else { x - 4.0 };
                let from = if align == Align::Right { x0 } else { x1 };
                let leader = ((mid - want).abs() > 2.0).then_some([(from, *want), (end, mid)]);
                EndLabel { entity: t.entity.clone(), label, leader }
            })
            .collect()
    };
    let left = names(&lefts, &|t| t.dot(a).map_or(plot_top, |p| p.1), x0 - 8.0, Align::Right);
    let right = names(&rights, &|t| t.dot(b).map_or(plot_top, |p| p.1), x1 + 8.0, Align::Left);
    let bottom = left.iter().chain(&right).map(|e| e.label.bbox().bottom()).fold(plot_bottom, f64::max);
    let plot = Rect { x: x0, y: plot_top, w: x1 - x0, h: plot_h };
    SlopeLayout { heads, lines, left, right, plot, times: Timeline::Placed(vec![(a, x0), (b, x1)]), bottom }
}

fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    l: &SlopeLayout,
    view: &View,
    theme: &Theme,
) -> DrawResult<(), DB> {
    for h in &l.heads {
        write(area, h)?;
    }
    crate::render::vline(area, l.plot.x, l.plot.y, l.plot.bottom(), theme.track)?;
    crate::render::vline(area, l.plot.right(), l.plot.y, l.plot.bottom(), theme.track)?;
    line::draw_traces(area, &l.lines, view, theme)?;
    line::draw_names(area, &l.left, view, theme)?;
    line::draw_names(area, &l.right, view, theme)?;
    if let Some(t) = view.focus.and_then(|i| l.lines.get(i)) {
        if let Some(e) = l.right.iter().find(|e| e.entity == t.entity) {
            line::focus_ring(area, e.label.bbox(), theme)?;
        }
    }
    Ok(())
}

/// The kind `slope`.
#[derive(Debug)]
pub struct Slope;

impl Kind for Slope {
    type Layout = SlopeLayout;
    const FIGURES: (usize, usize) = (0, 0);
    const TIMED: bool = true;

    fn check(c: &Chart, d: &Dataset, at: &dyn Fn(&str) -> String) -> Result<(), DataError> {
        let fail = |field: &str, message: String| Err(DataError { path: at(field), message });
        let Some(id) = c.indicator.as_deref() else {
            return fail(
                "indicator",
                format!("chart \"{}\" is a slope chart, which draws an indicator's series between two periods; name the indicator in `indicator`", c.id),
            );
        };
        if c.times.len() != 2 {
            return fail(
                "times",
                format!(
                    "chart \"{}\" is a slope chart and needs the two periods it joins in `times`, e.g. [\"1931\", \"1932\"]; it gives {}",
                    c.id,
                    c.times.len()
                ),
            );
        }
        if pairs(d, c).is_empty() {
            return fail(
                "times",
                format!(
                    "chart \"{}\": no entity has a value of indicator \"{id}\" at both {} and {}",
                    c.id, c.times[0], c.times[1]
                ),
            );
        }
        Ok(())
    }

    fn layout(cx: &Ctx, i: &Input, top: f64) -> Option<SlopeLayout> {
        Some(layout(cx, i, top))
    }

    fn bottom(l: &SlopeLayout) -> f64 {
        l.bottom
    }

    fn labels(l: &SlopeLayout) -> Vec<&Label> {
        l.heads.iter().chain(l.left.iter().chain(&l.right).map(|e| &e.label)).collect()
    }

    fn marks(l: &SlopeLayout, _width: f64) -> Vec<Mark> {
        l.lines
            .iter()
            .map(|t| {
                let mut m = Mark::boxed(&t.entity, Some(&t.entity), t.bbox);
                // Hit by nearness to the line or on its names (`hit`), thickened when pointed at.
                m.hit = Rect { x: 0.0, y: 0.0, w: 0.0, h: 0.0 };
                m.own_emphasis = true;
                m
            })
            .collect()
    }

    fn hit(l: &SlopeLayout, marks: &[Mark], x: f64, y: f64) -> Option<usize> {
        line::nearest_trace(&l.lines, l.plot, x, y).or_else(|| {
            let names = l.left.iter().chain(&l.right);
            let on = names.filter(|e| e.label.bbox().contains(x, y)).map(|e| e.entity.as_str()).next()?;
            marks.iter().position(|m| m.id == on)
        })
    }

    fn draw<DB: DrawingBackend>(
        area: &DrawingArea<DB, Shift>,
        l: &SlopeLayout,
        view: &View,
        theme: &Theme,
    ) -> DrawResult<(), DB> {
        draw(area, l, view, theme)
    }

    fn times(l: &SlopeLayout) -> Option<&Timeline> {
        Some(&l.times)
    }

    fn what(n: usize, lang: Lang) -> String {
        match lang {
            Lang::En => format!("Slope chart of {n} lines between two periods."),
            Lang::Zh => format!("斜率图，{n}条线连接两个时期。"),
        }
    }

    fn count(i: &Input) -> usize {
        pairs(i.d, i.chart).len()
    }

    fn items(i: &Input) -> Vec<String> {
        let ind = i.chart.indicator.as_deref().and_then(|id| i.d.indicator(id));
        let (Some(a), Some(b)) = (i.chart.times.first(), i.chart.times.get(1)) else { return Vec::new() };
        pairs(i.d, i.chart)
            .iter()
            .map(|(s, p, q)| {
                let (p, q) = (series::value_words(*p, ind, i.d.lang), series::value_words(*q, ind, i.d.lang));
                match i.d.lang {
                    Lang::En => {
                        format!("{}: {p} in {}, {q} in {}", name(i.d, &s.entity), a.label(i.d.lang), b.label(i.d.lang))
                    }
                    Lang::Zh => {
                        format!("{}：{}为{p}，{}为{q}", name(i.d, &s.entity), a.label(i.d.lang), b.label(i.d.lang))
                    }
                }
            })
            .collect()
    }

    fn rows(i: &Input) -> Vec<MarkInfo> {
        let t = i.chart.times.get(1).copied();
        pairs(i.d, i.chart).iter().map(|(s, _, _)| series::info_at(i.d, i.chart, s, t)).collect()
    }

    fn at_time(i: &Input, t: Time) -> Vec<MarkInfo> {
        // Largest first, as a line chart's cursor lists them: the ranking at that period is the read.
        let series: Vec<&Series> = pairs(i.d, i.chart).iter().map(|p| p.0).collect();
        line::rows_at(i.d, i.chart, &series, t)
    }

    fn key(i: &Input) -> Vec<String> {
        vec![match i.d.lang {
            Lang::En => "The vertical scale spans the values, not zero: the slant of a line is its change.".into(),
            Lang::Zh => "纵向刻度只涵盖数值范围，不从零开始：线的斜度即其变化。".into(),
        }]
    }
}
