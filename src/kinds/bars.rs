//! Bars: one horizontal bar from zero per figure, labelled above and valued at its end, with the
//! faded open end of a lower bound. The rows are shared with `multiple`.

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::prelude::DrawingBackend;

use crate::data::{Chart, DataError, Dataset, Figure, Indicator, Series};
use crate::describe::MarkInfo;
use crate::format;
use crate::i18n::Lang;
use crate::model::{figure_colour, key, text, Align, Ctx, Label, Mark, Rect, View};
use crate::render::{fill, tone, vline, write, DrawResult};
use crate::theme::{Font, Rgb, Theme};

use super::{series, Input, Kind};

const BAR_HEIGHT: f64 = 24.0;
const ROW_GAP: f64 = 16.0;
/// Opacities of the steps that fade out past a lower bound: the bar is "open" at its end.
pub const FADE_STEPS: [f64; 3] = [0.55, 0.3, 0.12];

#[derive(Debug, Clone, PartialEq)]
pub struct BarsLayout {
    pub rows: Vec<BarRow>,
    /// Where the bars start, drawn in ink from the first bar's top to the last bar's bottom when
    /// some value is negative (bars then diverge from it); `None` when all start at the left edge.
    pub zero: Option<(f64, f64, f64)>,
    pub bottom: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BarRow {
    pub figure: String,
    pub region: Option<String>,
    pub label: Vec<Label>,
    pub bar: Rect,
    pub color: Rgb,
    /// Steps drawn past the end of a lower-bound bar, lightest last.
    pub fade: Vec<(Rect, Rgb)>,
    /// The value, at the bar's end; on lines of its own under the bar when it is too long for that.
    pub value: Vec<Label>,
}

impl BarsLayout {
    pub fn labels(&self) -> impl Iterator<Item = &Label> {
        self.rows.iter().flat_map(|r| r.label.iter().chain(r.value.iter()))
    }

    /// One mark per row: drawn as the bar with its open end; hit across the whole row, label included,
    /// so the target is tall enough for a finger.
    pub fn marks(&self, width: f64) -> impl Iterator<Item = Mark> + '_ {
        self.rows.iter().map(move |r| {
            let end = r.fade.last().map_or(r.bar.right(), |(f, _)| f.right());
            let top = r.label.first().map_or(r.bar.y, |l| l.y);
            let bottom = r.value.last().map_or(r.bar.bottom(), |l| l.bbox().bottom()).max(r.bar.bottom());
            let mut m = Mark::boxed(&r.figure, r.region.as_ref(), Rect { w: end - r.bar.x, ..r.bar });
            m.hit = Rect { x: 0.0, y: top, w: width, h: bottom - top };
            m
        })
    }
}

pub(super) struct RowSpec {
    pub figure: String,
    pub region: Option<String>,
    pub label: String,
    pub value: f64,
    pub value_text: String,
    pub lower_bound: bool,
    pub color: Rgb,
}

/// One bar per figure, longest scale at the widest value, each labelled above and valued at its end.
pub fn magnitude(cx: &Ctx, d: &Dataset, figures: &[&Figure], top: f64) -> BarsLayout {
    let specs = figures
        .iter()
        .map(|f| RowSpec {
            figure: f.id.clone(),
            region: f.region.clone(),
            label: f.label.clone(),
            value: f.value.unwrap_or(0.0),
            value_text: format::compact(f, d.lang),
            lower_bound: f.qualifier.is_lower_bound(),
            color: figure_colour(d, f, cx.theme),
        })
        .collect();
    rows(cx, specs, top)
}

pub(super) fn rows(cx: &Ctx, specs: Vec<RowSpec>, top: f64) -> BarsLayout {
    // A value wider than half the chart (a long wording, a number in powers of ten) goes on lines of
    // its own under its bar, rather than squeezing the scale to nothing or running off the canvas.
    let beside = |text: &str| cx.m.width(text, Font::BODY_BOLD) <= cx.width / 2.0;
    // Values beside positive bars stand at their right ends; beside negative ones, at their left.
    let value_w = |negative: bool| {
        specs
            .iter()
            .filter(|s| (s.value < 0.0) == negative && beside(&s.value_text))
            .map(|s| cx.m.width(&s.value_text, Font::BODY_BOLD))
            .fold(0.0, f64::max)
    };
    let any_bound = specs.iter().any(|s| s.lower_bound && s.value >= 0.0);
    let fade_w = if any_bound { (cx.width * 0.08).max(18.0).min(48.0) } else { 0.0 };
    let left = if specs.iter().any(|s| s.value < 0.0) { value_w(true) + 6.0 } else { 0.0 };
    let plot_w = (cx.width - left - value_w(false) - fade_w - 8.0).max(1.0);
    let max = specs.iter().map(|s| s.value).fold(0.0, f64::max);
    let min = specs.iter().map(|s| s.value).fold(0.0, f64::min);
    // One scale for both sides of zero: lengths compare across it.
    let span = max - min;
    let x_of = |v: f64| if span > 0.0 { left + (v - min) / span * plot_w } else { left };
    let zero_x = x_of(0.0);

    let mut out = Vec::new();
    let mut y = top;
    let mut bottom = top;
    for s in specs {
        let (label, below) = cx.paragraph(&s.label, 0.0, y, cx.width, Font::BODY, cx.theme.ink);
        let bar_y = below + 4.0;
        // A non-zero value never vanishes: at least one pixel shows it is there.
        let w = if s.value == 0.0 { 0.0 } else { (x_of(s.value) - zero_x).abs().max(1.0) };
        let x = if s.value < 0.0 { zero_x - w } else { zero_x };
        let bar = Rect { x, y: bar_y, w, h: BAR_HEIGHT };
        let mut fade = Vec::new();
        if s.lower_bound && s.value >= 0.0 {
            let step = fade_w / FADE_STEPS.len() as f64;
            for (i, a) in FADE_STEPS.iter().enumerate() {
                let r = Rect { x: bar.right() + step * i as f64, y: bar_y, w: step, h: BAR_HEIGHT };
                fade.push((r, s.color.over(cx.theme.background, *a)));
            }
        }
        let end = fade.last().map_or(bar.right(), |(r, _)| r.right());
        let (value, row_bottom) = if beside(&s.value_text) {
            let value_y = bar_y + (BAR_HEIGHT - Font::BODY_BOLD.size * 1.2) / 2.0;
            let label = if s.value < 0.0 {
                cx.label(s.value_text, bar.x - 6.0, value_y, Font::BODY_BOLD, cx.theme.ink, Align::Right)
            } else {
                cx.label(s.value_text, end + 6.0, value_y, Font::BODY_BOLD, cx.theme.ink, Align::Left)
            };
            (vec![label], bar.bottom())
        } else {
            text::paragraph(
                cx.m,
                &s.value_text,
                0.0,
                bar.bottom() + 4.0,
                cx.width,
                Font::BODY_BOLD,
                cx.theme.ink,
                Align::Left,
            )
        };
        out.push(BarRow { figure: s.figure, region: s.region, label, bar, color: s.color, fade, value });
        bottom = row_bottom;
        y = row_bottom + ROW_GAP;
    }
    let zero = match (out.first(), out.last()) {
        (Some(a), Some(b)) if min < 0.0 => Some((zero_x, a.bar.y - 4.0, b.bar.bottom() + 4.0)),
        _ => None,
    };
    BarsLayout { rows: out, zero, bottom }
}

fn indicator<'d>(i: &Input<'d>) -> Option<&'d Indicator> {
    i.chart.series_indicator().and_then(|id| i.d.indicator(id))
}

/// The series a chart of series draws as bars, each with its value at the chart's period.
fn series_rows_at<'d>(i: &Input<'d>) -> Vec<(&'d Series, f64)> {
    let Some(t) = i.chart.times.first().copied() else { return Vec::new() };
    series::drawn(i.d, i.chart).into_iter().filter_map(|s| Some((s, series::value_at(s, t)?))).collect()
}

fn series_rows(cx: &Ctx, i: &Input) -> Vec<RowSpec> {
    let ind = indicator(i);
    series_rows_at(i)
        .into_iter()
        .map(|(s, v)| RowSpec {
            figure: s.entity.clone(),
            region: Some(s.entity.clone()),
            label: series::name(i.d, &s.entity).to_string(),
            value: v,
            value_text: series::value_text(v, ind, i.d.lang),
            lower_bound: false,
            color: series::colour(i.d, &s.entity, cx.theme.context),
        })
        .collect()
}

/// Draws the rows: label, bar, the faded open end of a lower bound, value.
pub(super) fn draw_rows<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    b: &BarsLayout,
    view: &View,
    theme: &Theme,
) -> DrawResult<(), DB> {
    for row in &b.rows {
        for l in &row.label {
            write(area, l)?;
        }
        fill(area, &row.bar, tone(row.color, row.region.as_ref(), view, theme))?;
        for (r, c) in &row.fade {
            fill(area, r, tone(*c, row.region.as_ref(), view, theme))?;
        }
        for l in &row.value {
            write(area, l)?;
        }
    }
    if let Some((x, y0, y1)) = b.zero {
        vline(area, x, y0, y1, theme.ink)?;
    }
    Ok(())
}

/// The kind `bars`.
#[derive(Debug)]
pub struct Bars;

impl Kind for Bars {
    type Layout = BarsLayout;
    const FIGURES: (usize, usize) = (1, 12);
    const WIDE: bool = true;
    const ONE_AXIS: bool = true;

    /// A chart of series draws its indicator at its one time: one bar per entity with a value then.
    fn check(c: &Chart, d: &Dataset, at: &dyn Fn(&str) -> String) -> Result<(), DataError> {
        let Some(id) = c.series_indicator() else { return Ok(()) };
        let [t] = c.times.as_slice() else {
            return Err(DataError {
                path: at("times"),
                message: format!(
                    "chart \"{}\" draws bars of indicator \"{id}\" and needs the one period they show in `times`, e.g. [\"2020\"]; it gives {}",
                    c.id,
                    c.times.len()
                ),
            });
        };
        let values: Vec<(&str, f64)> =
            series::drawn(d, c).iter().filter_map(|s| Some((s.entity.as_str(), series::value_at(s, *t)?))).collect();
        if values.is_empty() {
            return Err(DataError {
                path: at("times"),
                message: format!(
                    "chart \"{}\" has no value of indicator \"{id}\" at {t}; choose a period the series give",
                    c.id
                ),
            });
        }
        Ok(())
    }

    fn layout(cx: &Ctx, i: &Input, top: f64) -> Option<BarsLayout> {
        if i.chart.series_indicator().is_some() {
            return Some(rows(cx, series_rows(cx, i), top));
        }
        Some(magnitude(cx, i.d, i.figures, top))
    }

    fn count(i: &Input) -> usize {
        if i.chart.series_indicator().is_some() {
            series_rows_at(i).len()
        } else {
            i.figures.len()
        }
    }

    fn items(i: &Input) -> Vec<String> {
        if i.chart.series_indicator().is_none() {
            return i.figures.iter().map(|f| crate::describe::figure_item(i.d, f)).collect();
        }
        let colon = if i.d.lang == Lang::Zh { "：" } else { ": " };
        series_rows_at(i)
            .iter()
            .map(|(s, v)| {
                format!("{}{colon}{}", series::name(i.d, &s.entity), series::value_words(*v, indicator(i), i.d.lang))
            })
            .collect()
    }

    fn rows(i: &Input) -> Vec<MarkInfo> {
        if i.chart.series_indicator().is_none() {
            return i.figures.iter().map(|f| crate::describe::figure(i.d, f)).collect();
        }
        let t = i.chart.times.first().copied();
        series_rows_at(i).iter().map(|(s, _)| series::info_at(i.d, i.chart, s, t)).collect()
    }

    fn mark_info(i: &Input, m: &Mark) -> Option<MarkInfo> {
        i.chart.series_indicator()?;
        let (s, _) = series_rows_at(i).into_iter().find(|(s, _)| s.entity == m.id)?;
        let info = series::info_at(i.d, i.chart, s, i.chart.times.first().copied());
        Some(MarkInfo { rect: [m.rect.x, m.rect.y, m.rect.w, m.rect.h], ..info })
    }

    fn bottom(l: &BarsLayout) -> f64 {
        l.bottom
    }

    fn labels(l: &BarsLayout) -> Vec<&Label> {
        l.labels().collect()
    }

    fn marks(l: &BarsLayout, width: f64) -> Vec<Mark> {
        l.marks(width).collect()
    }

    fn draw<DB: DrawingBackend>(
        area: &DrawingArea<DB, Shift>,
        l: &BarsLayout,
        view: &View,
        theme: &Theme,
    ) -> DrawResult<(), DB> {
        draw_rows(area, l, view, theme)
    }

    fn what(n: usize, lang: Lang) -> String {
        match lang {
            Lang::En => format!("Bar chart of {n} figures, bars from zero."),
            Lang::Zh => format!("条形图，{n}个数据，条形从零开始。"),
        }
    }

    fn key(i: &Input) -> Vec<String> {
        key::lower_bound(i.figures, i.d.lang).into_iter().collect()
    }
}
