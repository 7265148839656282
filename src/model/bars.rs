//! Horizontal bars from zero: magnitudes, and the two endpoints of a multiple drawn to scale.

use crate::data::{Chart, Dataset, Figure};
use crate::format;
use crate::theme::{Font, Rgb};

use super::{figure_colour, Align, Ctx, Label, Mark, Rect};

const BAR_HEIGHT: f64 = 24.0;
const ROW_GAP: f64 = 16.0;
/// Opacities of the steps that fade out past a lower bound: the bar is "open" at its end.
pub const FADE_STEPS: [f64; 3] = [0.55, 0.3, 0.12];

#[derive(Debug, Clone, PartialEq)]
pub struct BarsLayout {
    pub rows: Vec<BarRow>,
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

struct RowSpec {
    figure: String,
    region: Option<String>,
    label: String,
    value: f64,
    value_text: String,
    lower_bound: bool,
    color: Rgb,
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

/// A multiple as its two endpoints: the start as 1 and the end as the multiple, on one scale. The
/// start is the chart's own reference (the source states only the multiple), so it is drawn in the
/// context grey, and the chart's note says so.
pub fn multiple(cx: &Ctx, d: &Dataset, chart: &Chart, figures: &[&Figure], top: f64) -> BarsLayout {
    let Some(f) = figures.first() else {
        return BarsLayout { rows: Vec::new(), bottom: top };
    };
    let [start, end] = chart.endpoints.clone().unwrap_or_else(|| ["Start".into(), "End".into()]);
    let color = figure_colour(d, f, cx.theme);
    let specs = vec![
        RowSpec {
            figure: f.id.clone(),
            region: f.region.clone(),
            label: start,
            value: 1.0,
            value_text: format::number_with_symbol(1.0, "times", d.lang),
            lower_bound: false,
            color: cx.theme.context,
        },
        RowSpec {
            figure: f.id.clone(),
            region: f.region.clone(),
            label: end,
            value: f.value.unwrap_or(1.0),
            value_text: format::compact(f, d.lang),
            lower_bound: f.qualifier.is_lower_bound(),
            color,
        },
    ];
    rows(cx, specs, top)
}

fn rows(cx: &Ctx, specs: Vec<RowSpec>, top: f64) -> BarsLayout {
    // A value wider than half the chart (a long wording, a number in powers of ten) goes on lines of
    // its own under its bar, rather than squeezing the scale to nothing or running off the canvas.
    let beside = |text: &str| cx.m.width(text, Font::BODY_BOLD) <= cx.width / 2.0;
    let value_w = specs
        .iter()
        .filter(|s| beside(&s.value_text))
        .map(|s| cx.m.width(&s.value_text, Font::BODY_BOLD))
        .fold(0.0, f64::max);
    let any_bound = specs.iter().any(|s| s.lower_bound);
    let fade_w = if any_bound { (cx.width * 0.08).max(18.0).min(48.0) } else { 0.0 };
    let plot_w = (cx.width - value_w - fade_w - 8.0).max(1.0);
    let max = specs.iter().map(|s| s.value).fold(0.0, f64::max);
    let scale = |v: f64| if max > 0.0 { v / max * plot_w } else { 0.0 };

    let mut out = Vec::new();
    let mut y = top;
    let mut bottom = top;
    for s in specs {
        let (label, below) = cx.paragraph(&s.label, 0.0, y, cx.width, Font::BODY, cx.theme.ink);
        let bar_y = below + 4.0;
        // A non-zero value never vanishes: at least one pixel shows it is there.
        let w = if s.value > 0.0 { scale(s.value).max(1.0) } else { 0.0 };
        let bar = Rect { x: 0.0, y: bar_y, w, h: BAR_HEIGHT };
        let mut fade = Vec::new();
        if s.lower_bound {
            let step = fade_w / FADE_STEPS.len() as f64;
            for (i, a) in FADE_STEPS.iter().enumerate() {
                let r = Rect { x: bar.right() + step * i as f64, y: bar_y, w: step, h: BAR_HEIGHT };
                fade.push((r, s.color.over(cx.theme.background, *a)));
            }
        }
        let end = fade.last().map_or(bar.right(), |(r, _)| r.right());
        let (value, row_bottom) = if beside(&s.value_text) {
            let value_y = bar_y + (BAR_HEIGHT - Font::BODY_BOLD.size * 1.2) / 2.0;
            (vec![cx.label(s.value_text, end + 6.0, value_y, Font::BODY_BOLD, cx.theme.ink, Align::Left)], bar.bottom())
        } else {
            super::text::paragraph(
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
    BarsLayout { rows: out, bottom }
}
