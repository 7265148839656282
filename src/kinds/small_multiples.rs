//! Small multiples: one small line per entity in a grid that reflows with the width, every panel on
//! the same scales so that panels compare; the selected entity's panel is marked.

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::prelude::DrawingBackend;

use crate::data::{Chart, DataError, Dataset, ScaleKind};
use crate::describe::MarkInfo;
use crate::i18n::Lang;
use crate::model::{text, Align, Ctx, Label, Mark, Rect, View};
use crate::render::{self, tone, write, write_in, DrawResult};
use crate::scale::{TimeScale, ValueScale};
use crate::theme::{Font, Theme};

use super::line::{self, Place, Trace};
use super::series::{self, colour, drawn, name};
use super::{Input, Kind};

/// The narrowest a panel may be, and the room between panels.
const MIN_PANEL: f64 = 150.0;
const GUTTER: f64 = 16.0;
const PLOT_HEIGHT: f64 = 72.0;
const MAX_COLUMNS: usize = 4;

#[derive(Debug, Clone, PartialEq)]
pub struct SmallMultiplesLayout {
    pub panels: Vec<Panel>,
    /// The shared scale's ends, written once at the top left: "0 to 25,000".
    pub scale_note: Vec<Label>,
    pub bottom: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Panel {
    pub entity: String,
    /// The whole panel: what a pointer over it points at and the focus ring goes around.
    pub rect: Rect,
    pub plot: Rect,
    pub title: Label,
    /// The last value, under the title at the right.
    pub last: Option<Label>,
    /// The first and last times under the plot.
    pub ends: Vec<Label>,
    pub trace: Trace,
    /// Where zero is, when the shared scale holds it: a baseline in ink.
    pub zero: Option<f64>,
}

fn layout(cx: &Ctx, i: &Input, top: f64) -> SmallMultiplesLayout {
    let (d, c, theme) = (i.d, i.chart, cx.theme);
    let all = drawn(d, c);
    let ind = c.indicator.as_deref().and_then(|id| d.indicator(id));
    let unit = ind.map_or("", |x| x.unit.as_str());
    let (lo, hi) = series::extent(&all);
    let (first, end) = series::span(&all);
    let cols =
        (((cx.width + GUTTER) / (MIN_PANEL + GUTTER)).floor() as usize).clamp(1, MAX_COLUMNS).min(all.len().max(1));
    let panel_w = (cx.width - GUTTER * (cols as f64 - 1.0)) / cols as f64;

    // One scale for every panel, stated once above them.
    let range = (PLOT_HEIGHT, 0.0);
    let scale = ValueScale::of_magnitudes(c.scale == Some(ScaleKind::Log), (lo, hi), range);
    let (d0, d1) = scale.domain();
    // The scale's ends are round numbers: written as they are, not to the indicator's decimals.
    let round = |v: f64| crate::format::number_with_symbol(v, unit, d.lang);
    let note = match d.lang {
        Lang::En => format!("Every panel on one scale, {} to {}", round(d0), round(d1)),
        Lang::Zh => format!("各图同一刻度：{}至{}", round(d0), round(d1)),
    };
    let note = if unit.is_empty() || !crate::format::is_word_unit(unit) { note } else { format!("{note} {unit}") };
    let (scale_note, below_note) = cx.paragraph(&note, 0.0, top, cx.width, Font::SMALL, theme.muted);
    let step = series::step(&all);
    let title_h = Font::SMALL_BOLD.line_height();
    let ends_h = Font::SMALL.line_height();
    let panel_h = title_h + 4.0 + PLOT_HEIGHT + 4.0 + ends_h;
    let mut panels = Vec::with_capacity(all.len());
    for (k, s) in all.iter().enumerate() {
        let (row, col) = (k / cols, k % cols);
        let x = col as f64 * (panel_w + GUTTER);
        let y = below_note + 8.0 + row as f64 * (panel_h + GUTTER);
        let plot = Rect { x, y: y + title_h + 4.0, w: panel_w, h: PLOT_HEIGHT };
        // The panel's own copies of the shared scales, placed in it.
        let value = scale.placed(plot.bottom(), plot.y);
        let time = TimeScale::between(first, end, (plot.x, plot.right()));
        let coloured = line::highlighted(c, &s.entity, all.len());
        let trace = line::trace(
            s,
            &Place { time: &time, value: &value, plot, step },
            colour(d, &s.entity, theme.context),
            coloured,
        );
        let latest = s.points().iter().rev().find_map(|p| p.1).map(|v| series::value_text(v, ind, d.lang));
        let last_w = latest.as_ref().map_or(0.0, |t| cx.m.width(t, Font::SMALL) + 6.0);
        let title_text = text::fit(cx.m, name(d, &s.entity), panel_w - last_w, Font::SMALL_BOLD);
        let title = cx.label(title_text, x, y, Font::SMALL_BOLD, theme.ink, Align::Left);
        let last = latest.map(|t| cx.label(t, x + panel_w, y, Font::SMALL, theme.muted, Align::Right));
        let ends_y = plot.bottom() + 4.0;
        let ends = vec![
            cx.label(first.label(d.lang), x, ends_y, Font::SMALL, theme.muted, Align::Left),
            cx.label(end.label(d.lang), x + panel_w, ends_y, Font::SMALL, theme.muted, Align::Right),
        ];
        let zero = value.zero();
        let rect = Rect { x, y, w: panel_w, h: panel_h };
        panels.push(Panel { entity: s.entity.clone(), rect, plot, title, last, ends, trace, zero });
    }
    let bottom = panels.iter().map(|p| p.rect.bottom()).fold(below_note, f64::max);
    SmallMultiplesLayout { panels, scale_note, bottom }
}

fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    l: &SmallMultiplesLayout,
    view: &View,
    theme: &Theme,
) -> DrawResult<(), DB> {
    for n in &l.scale_note {
        write(area, n)?;
    }
    for (k, p) in l.panels.iter().enumerate() {
        let base = p.plot.bottom();
        render::hline(area, p.plot.x, p.plot.right(), p.zero.unwrap_or(base), theme.ink)?;
        let selected = view.selected == Some(p.entity.as_str());
        let ink = if selected { p.trace.color.readable_on(theme.background, theme.ink) } else { theme.ink };
        write_in(area, &p.title, tone(ink, Some(&p.entity), view, theme))?;
        for lbl in p.last.iter().chain(&p.ends) {
            write(area, lbl)?;
        }
        // The selected panel is marked by a rule above it in its colour.
        if selected {
            render::fill(area, &Rect { x: p.rect.x, y: p.rect.y - 4.0, w: p.rect.w, h: 2.0 }, p.trace.color)?;
        }
        let one = View {
            hover: view.hover.filter(|h| *h == k).map(|_| 0),
            pinned: view.pinned.filter(|h| *h == k).map(|_| 0),
            focus: None,
            ..*view
        };
        line::draw_traces(area, std::slice::from_ref(&p.trace), &one, theme)?;
    }
    Ok(())
}

/// The kind `small_multiples`.
#[derive(Debug)]
pub struct SmallMultiples;

impl Kind for SmallMultiples {
    type Layout = SmallMultiplesLayout;
    const FIGURES: (usize, usize) = (0, 0);
    const WIDE: bool = true;

    fn check(c: &Chart, d: &Dataset, at: &dyn Fn(&str) -> String) -> Result<(), DataError> {
        series::needs_indicator(c, at, "is small multiples, which draws an indicator's series, one panel per entity")?;
        <line::Line as Kind>::check(c, d, at)
    }

    fn layout(cx: &Ctx, i: &Input, top: f64) -> Option<SmallMultiplesLayout> {
        Some(layout(cx, i, top))
    }

    fn bottom(l: &SmallMultiplesLayout) -> f64 {
        l.bottom
    }

    fn labels(l: &SmallMultiplesLayout) -> Vec<&Label> {
        l.scale_note
            .iter()
            .chain(l.panels.iter().flat_map(|p| std::iter::once(&p.title).chain(&p.last).chain(&p.ends)))
            .collect()
    }

    fn marks(l: &SmallMultiplesLayout, _width: f64) -> Vec<Mark> {
        l.panels.iter().map(|p| Mark::boxed(&p.entity, Some(&p.entity), p.rect)).collect()
    }

    fn draw<DB: DrawingBackend>(
        area: &DrawingArea<DB, Shift>,
        l: &SmallMultiplesLayout,
        view: &View,
        theme: &Theme,
    ) -> DrawResult<(), DB> {
        draw(area, l, view, theme)
    }

    fn what(n: usize, lang: Lang) -> String {
        match lang {
            Lang::En => format!("Small multiples: {n} small line charts on one scale."),
            Lang::Zh => format!("小多图：{n}个同一刻度的小折线图。"),
        }
    }

    fn count(i: &Input) -> usize {
        drawn(i.d, i.chart).len()
    }

    fn items(i: &Input) -> Vec<String> {
        <line::Line as Kind>::items(i)
    }

    fn rows(i: &Input) -> Vec<MarkInfo> {
        <line::Line as Kind>::rows(i)
    }

    fn mark_info(i: &Input, m: &Mark) -> Option<MarkInfo> {
        <line::Line as Kind>::mark_info(i, m)
    }

    fn key(i: &Input) -> Vec<String> {
        <line::Line as Kind>::key(i)
    }
}
