//! Trace: an indicator's series over time, one line per entity, drawn to scale in time; the
//! highlighted entities in their colours and named at their lines' ends (nudged apart, with a
//! leader where moved), the rest as grey context; a gap in the data is a gap in the line.

use std::sync::Arc;

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::element::PathElement;
use plotters::prelude::DrawingBackend;
use plotters::style::Color;

use crate::data::{Chart, DataError, Dataset, ScaleKind, Series};
use crate::describe::MarkInfo;
use crate::i18n::Lang;
use crate::model::axis::{self, HorizontalAxis, ValueAxis};
use crate::model::timeline::Timeline;
use crate::model::{decimate, dodge, text, Align, Ctx, Label, Mark, Rect, View};
use crate::render::{self, tone, write_in, DrawResult};
use crate::scale::{TimeScale, ValueScale};
use crate::theme::{Font, Rgb, Theme};
use crate::time::Time;

use super::series::{self, colour, drawn, name, series_info, value_words};
use super::{annotate, Input, Kind};

/// Without a `highlight`, a chart of this many lines or fewer draws every one in its colour; more
/// are grey context until the reader selects one.
const ALL_COLOURED: usize = 8;
/// The end labels' font and the room between two of them.
const END_FONT: Font = Font::SMALL_BOLD;
/// The widest the end labels' column may be, as a share of the chart's width.
const END_SHARE: f64 = 0.3;
/// How far an end label may sit from its line's end before a leader line joins them.
const LEADER_FROM: f64 = 2.0;

#[derive(Debug, Clone, PartialEq)]
pub struct LineLayout {
    pub value_axis: ValueAxis,
    pub time_axis: HorizontalAxis,
    pub plot: Rect,
    /// Grey context first, then the coloured lines, so colour is never hidden under grey.
    pub lines: Vec<Trace>,
    pub ends: Vec<EndLabel>,
    /// Every time of the drawn series, in order, with its x: where a cursor can stand.
    pub times: Timeline,
    /// The chart's annotations.
    pub notes: Vec<annotate::Note>,
    pub bottom: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Trace {
    pub entity: String,
    pub color: Rgb,
    pub highlighted: bool,
    /// The line's runs between gaps, in CSS pixels; a run of one point is drawn as a dot.
    pub runs: Vec<Vec<(f64, f64)>>,
    /// The drawn points' box.
    pub bbox: Rect,
    /// The series' points and the scales that place them: where a cursor's dot goes is looked up
    /// when a cursor stands somewhere, not kept for each of a million points at every layout.
    pub data: Arc<[(Time, Option<f64>)]>,
    pub time: TimeScale,
    pub value: ValueScale,
}

impl Trace {
    /// Where the line's value at time `t` is drawn, if it has one then.
    pub fn dot(&self, t: Time) -> Option<(f64, f64)> {
        let i = self.data.binary_search_by(|p| p.0.cmp(&t)).ok()?;
        self.data.get(i).and_then(|p| self.place(p))
    }

    /// Where the line's last value is drawn.
    pub fn last_dot(&self) -> Option<(f64, f64)> {
        self.data.iter().rev().find_map(|p| self.place(p))
    }

    fn place(&self, (t, v): &(Time, Option<f64>)) -> Option<(f64, f64)> {
        v.filter(|v| v.is_finite()).map(|v| (self.time.map(t.position()), self.value.map(v)))
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct EndLabel {
    pub entity: String,
    pub label: Label,
    /// From the line's last point to the label, where the label was moved off it.
    pub leader: Option<[(f64, f64); 2]>,
}

impl LineLayout {
    fn labels(&self) -> impl Iterator<Item = &Label> {
        self.value_axis
            .labels()
            .chain(self.time_axis.labels())
            .chain(self.ends.iter().map(|e| &e.label))
            .chain(self.notes.iter().flat_map(|n| &n.lines))
    }
}

/// The entities chart `c` draws, in order.
pub fn drawn_ids<'d>(d: &'d Dataset, c: &'d Chart) -> Vec<&'d str> {
    drawn(d, c).iter().map(|s| s.entity.as_str()).collect()
}

/// True when `entity` is drawn in its colour on chart `c` of `count` lines.
pub fn highlighted(c: &Chart, entity: &str, count: usize) -> bool {
    if c.highlight.is_empty() {
        count <= ALL_COLOURED
    } else {
        c.highlight.iter().any(|h| h == entity)
    }
}

/// `info` about a line of chart `c` of `count` lines, with the colour the line is drawn in: none for
/// a grey line of context, so that a tooltip's swatch is grey too and never names a colour the
/// chart does not show. (The page's selection colours a line; the engine's web part says so.)
pub(super) fn as_drawn(mut info: MarkInfo, c: &Chart, count: usize) -> MarkInfo {
    if !highlighted(c, &info.id, count) {
        info.color = None;
    }
    info
}

/// What a cursor at time `t` lists of `series`, drawn on chart `c`: one row per series, largest value
/// first, a series with no value then last, said as such.
pub(super) fn rows_at(d: &Dataset, c: &Chart, series: &[&Series], t: Time) -> Vec<MarkInfo> {
    let mut rows: Vec<(Option<f64>, MarkInfo)> = series
        .iter()
        .map(|s| (series::value_at(s, t), as_drawn(series::info_at(d, c, s, Some(t)), c, series.len())))
        .collect();
    crate::model::insertion_sort(&mut rows, |a, b| match (a.0, b.0) {
        (Some(x), Some(y)) => x > y,
        (x, y) => x.is_some() && y.is_none(),
    });
    rows.into_iter().map(|r| r.1).collect()
}

fn layout(cx: &Ctx, i: &Input, top: f64) -> LineLayout {
    let (d, c, theme) = (i.d, i.chart, cx.theme);
    let series = drawn(d, c);
    let ind = c.indicator.as_deref().and_then(|id| d.indicator(id));
    let unit = ind.map_or("", |x| x.unit.as_str());
    let (lo, hi) = series::extent(&series);
    let (first, last) = series::span(&series);
    let granularity = first.granularity();
    let step = series::step(&series);

    // The end labels' column: as wide as the longest coloured name needs, at most a share of the width.
    let count = series.len();
    let room = (cx.width * END_SHARE).floor();
    let names: Vec<(&Series, String)> = series
        .iter()
        .filter(|s| highlighted(c, &s.entity, count) && s.points().iter().any(|p| p.1.is_some()))
        .map(|s| (*s, text::fit(cx.m, name(d, &s.entity), room - 8.0, END_FONT)))
        .collect();
    let ends_w = names.iter().map(|(_, n)| cx.m.width(n, END_FONT)).fold(0.0, f64::max);
    let plot_right = (cx.width - if names.is_empty() { 0.0 } else { ends_w + 8.0 }).max(cx.width * 0.5);

    let plot_top = top + axis::OVERHANG;
    let plot_h = (cx.width * 0.55).max(200.0).min(340.0);
    let plot_bottom = plot_top + plot_h;
    let range = (plot_bottom, plot_top);
    // Magnitudes start at zero; a log axis cannot, and the chart's key says so.
    let scale = ValueScale::of_magnitudes(c.scale == Some(ScaleKind::Log), (lo, hi), range);
    let value_axis = axis::value_axis(cx.m, theme, &scale, unit, d.lang, (0.0, plot_right));
    let plot_left = value_axis.plot_left;
    let timescale = TimeScale::between(first, last, (plot_left, plot_right));
    let time_axis = axis::time_axis(cx.m, theme, &timescale, granularity, d.lang, plot_bottom, (0.0, cx.width));
    let plot = Rect { x: plot_left, y: plot_top, w: plot_right - plot_left, h: plot_h };

    let place = Place { time: &timescale, value: &scale, plot, step };
    // Grey below colour; the data's order within each.
    let mut lines: Vec<Trace> = Vec::with_capacity(series.len());
    for coloured in [false, true] {
        for s in series.iter().filter(|s| highlighted(c, &s.entity, count) == coloured) {
            lines.push(trace(s, &place, colour(d, &s.entity, theme.context), coloured));
        }
    }

    // Names at the ends of the coloured lines, each as near its line's last value as the others allow.
    let h = END_FONT.line_height();
    let wanted: Vec<f64> = names
        .iter()
        .map(|(s, _)| s.points().iter().rev().find_map(|p| p.1).map_or(plot_bottom, |v| scale.map(v)))
        .collect();
    let tops = dodge::dodge(&wanted, h, plot_top - axis::OVERHANG, plot_bottom + h / 2.0);
    let ends = names
        .iter()
        .zip(wanted.iter().zip(tops))
        .map(|((s, n), (want, at))| {
            // The name in its line's colour (as dark as text needs): the colour ties name and line.
            let ink = colour(d, &s.entity, theme.context).readable_on(theme.background, theme.ink);
            let label = cx.label(n.clone(), plot_right + 8.0, at, END_FONT, ink, Align::Left);
            let end = s.points().iter().rev().find(|p| p.1.is_some()).map(|p| timescale.map(p.0.position()));
            let mid = at + h / 2.0;
            let leader =
                end.filter(|_| (mid - want).abs() > LEADER_FROM).map(|x| [(x + 2.0, *want), (plot_right + 6.0, mid)]);
            EndLabel { entity: s.entity.clone(), label, leader }
        })
        .collect::<Vec<_>>();
    let below_ends = ends.iter().map(|e| e.label.bbox().bottom()).fold(0.0, f64::max);
    let bottom = time_axis.bottom.max(below_ends);
    let times = match series.as_slice() {
        [one] => Timeline::Scaled(one.shared_points(), timescale),
        _ => Timeline::Placed(all_times(&series).into_iter().map(|t| (t, timescale.map_time(t))).collect()),
    };
    let taken: Vec<Rect> = ends
        .iter()
        .map(|e| e.label.bbox())
        .chain(value_axis.labels().chain(time_axis.labels()).map(Label::bbox))
        .collect();
    let drawn: Vec<&[(f64, f64)]> = lines.iter().flat_map(|t| t.runs.iter().map(Vec::as_slice)).collect();
    let notes = annotate::place(cx, d, c, (&timescale, &scale), plot, &taken, &drawn);
    let bottom = notes.iter().map(|n| annotate::block(&n.lines).bottom()).fold(bottom, f64::max);
    LineLayout { value_axis, time_axis, plot, lines, ends, times, notes, bottom }
}

/// Every time of `series`, each once, in order: the series' own ordered times merged.
pub(super) fn all_times(series: &[&Series]) -> Vec<Time> {
    if let [one] = series {
        return one.points().iter().map(|p| p.0).collect();
    }
    let mut all: Vec<Time> = Vec::new();
    for s in series {
        let mut merged = Vec::with_capacity(all.len().max(s.points().len()));
        let (mut a, mut b) = (all.iter().copied().peekable(), s.points().iter().map(|p| p.0).peekable());
        loop {
            let next = match (a.peek(), b.peek()) {
                (Some(x), Some(y)) if x < y => a.next(),
                (Some(x), Some(y)) if y < x => b.next(),
                (Some(_), Some(_)) => {
                    b.next();
                    a.next()
                }
                (Some(_), None) => a.next(),
                (None, _) => b.next(),
            };
            let Some(t) = next else { break };
            merged.push(t);
        }
        all = merged;
    }
    all
}

/// Where a chart's values go: its scales, its plot and the step between its times.
pub(super) struct Place<'a> {
    pub time: &'a TimeScale,
    pub value: &'a ValueScale,
    pub plot: Rect,
    pub step: f64,
}

/// One series as the runs of its line, gaps kept; a long series reduced to what its pixels show.
pub(super) fn trace(s: &Series, place: &Place, color: Rgb, highlighted: bool) -> Trace {
    let Place { time: timescale, value: scale, plot, step } = *place;
    // Pixels bound the work: more points than columns are reduced to what draws the same picture,
    // as they are placed, in one pass: on a million points every extra pass is felt in each draw.
    let mut m4 = (s.points().len() > 4 * plot.w as usize).then(|| decimate::M4::new((plot.x, plot.right())));
    let mut runs: Vec<Vec<(f64, f64)>> = vec![Vec::new()];
    let mut before: Option<f64> = None;
    for (&(_, v), &x) in s.points().iter().zip(s.positions()) {
        let px = timescale.map(x);
        // A period the data skip is a gap too: a missing value where the step says one was due.
        let skipped = v.is_some() && before.is_some_and(|b| series::skips(b, x, step));
        before = v.map(|_| x);
        // Half a pixel on: M4 keeps points by the floor of their column, the drawing rounds.
        if let Some(m4) = &mut m4 {
            if skipped {
                m4.push(x, px + 0.5, None);
            }
            m4.push(x, px + 0.5, v);
        } else {
            if skipped {
                extend(&mut runs, px, None, scale);
            }
            extend(&mut runs, px, v, scale);
        }
    }
    if let Some(m4) = m4 {
        for (x, v) in m4.finish() {
            extend(&mut runs, timescale.map(x), v, scale);
        }
    }
    runs.retain(|r| !r.is_empty());
    let bbox = bounds(&runs);
    let (time, value) = (*timescale, *scale);
    Trace { entity: s.entity.clone(), color, highlighted, runs, bbox, data: s.shared_points(), time, value }
}

/// Adds a point at `px` to the last of `runs`, its value `v` placed by `scale`; where `v` is none
/// (or not finite), a gap: the next point starts a new run.
fn extend(runs: &mut Vec<Vec<(f64, f64)>>, px: f64, v: Option<f64>, scale: &ValueScale) {
    match (v.filter(|v| v.is_finite()), runs.last_mut()) {
        (Some(v), Some(run)) => run.push((px, scale.map(v))),
        (None, Some(run)) if !run.is_empty() => runs.push(Vec::new()),
        _ => {}
    }
}

fn bounds(runs: &[Vec<(f64, f64)>]) -> Rect {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
    for (x, y) in runs.iter().flatten() {
        (x0, y0, x1, y1) = (x0.min(*x), y0.min(*y), x1.max(*x), y1.max(*y));
    }
    if x0 > x1 {
        return Rect { x: 0.0, y: 0.0, w: 0.0, h: 0.0 };
    }
    Rect { x: x0, y: y0, w: x1 - x0, h: y1 - y0 }
}

/// The distance from `(x, y)` to the line, along the vertical at `x` where the line passes it.
fn distance(line: &Trace, x: f64, y: f64) -> Option<f64> {
    let mut best: Option<f64> = None;
    for run in &line.runs {
        if let [(px, py)] = run.as_slice() {
            if (px - x).abs() <= 4.0 {
                best = Some(best.map_or((py - y).abs(), |b: f64| b.min((py - y).abs())));
            }
        }
        for w in run.windows(2) {
            let [(ax, ay), (bx, by)] = [w[0], w[1]];
            if x < ax.min(bx) || x > ax.max(bx) {
                continue;
            }
            let at = if (bx - ax).abs() < 1e-9 {
                ay.min(by).max(y.min(ay.max(by)))
            } else {
                ay + (x - ax) / (bx - ax) * (by - ay)
            };
            let d = (at - y).abs();
            best = Some(best.map_or(d, |b: f64| b.min(d)));
        }
    }
    best
}

/// Where a pointer counts as on a line: within this many pixels of it, vertically.
const NEAR: f64 = 16.0;

/// The index (in `marks`' order, which is `lines`') of the line nearest `(x, y)`, if one is near.
pub fn nearest(l: &LineLayout, x: f64, y: f64) -> Option<usize> {
    nearest_trace(&l.lines, l.plot, x, y)
}

/// The index of the trace of `lines` nearest `(x, y)` across `plot`, if one is near.
pub(super) fn nearest_trace(lines: &[Trace], plot: Rect, x: f64, y: f64) -> Option<usize> {
    // Across the plot, its edges included: a line's first and last points sit on them.
    if x < plot.x - 1.0 || x > plot.right() + 1.0 {
        return None;
    }
    let mut best: Option<(usize, f64)> = None;
    for (i, line) in lines.iter().enumerate() {
        if let Some(d) = distance(line, x, y) {
            // Ties go to the line drawn on top.
            if d <= NEAR && best.is_none_or(|(_, b)| d <= b) {
                best = Some((i, d));
            }
        }
    }
    best.map(|(i, _)| i)
}

fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    l: &LineLayout,
    view: &View,
    theme: &Theme,
) -> DrawResult<(), DB> {
    // Bands under the gridlines and lines, reference lines over the gridlines; then the lines.
    for b in l.notes.iter().filter_map(|n| n.band) {
        render::fill(area, &b, theme.track.over(theme.background, 0.6))?;
    }
    render::axis::value_axis(area, &l.value_axis, theme)?;
    render::axis::horizontal_axis(area, &l.time_axis, theme)?;
    for n in &l.notes {
        if let Some(y) = n.rule {
            render::hline(area, l.plot.x, l.plot.right(), y, theme.muted)?;
        }
    }
    draw_traces(area, &l.lines, view, theme)?;
    for n in &l.notes {
        if let Some((x, y)) = n.point {
            render::fill(area, &Rect { x: x - 4.0, y: y - 4.0, w: 8.0, h: 8.0 }, theme.ink)?;
            render::fill(area, &Rect { x: x - 2.0, y: y - 2.0, w: 4.0, h: 4.0 }, theme.background)?;
        }
        if let Some([a, b]) = n.leader {
            let pts = vec![(a.0.round() as i32, a.1.round() as i32), (b.0.round() as i32, b.1.round() as i32)];
            area.draw(&PathElement::new(pts, render::rgb(theme.muted).stroke_width(1)))?;
        }
        for line in &n.lines {
            render::write(area, line)?;
        }
    }
    draw_names(area, &l.ends, view, theme)?;
    // The keyboard's focus: a ring around the line's name, or around its last point where it has none.
    if let Some(line) = view.focus.and_then(|i| l.lines.get(i)) {
        let ring = match l.ends.iter().find(|e| e.entity == line.entity) {
            Some(e) => e.label.bbox(),
            None => line.last_dot().map_or(line.bbox, |(x, y)| Rect { x: x - 5.0, y: y - 5.0, w: 10.0, h: 10.0 }),
        };
        focus_ring(area, ring, theme)?;
    }
    Ok(())
}

/// A 2-pixel ring in ink around `r`, set off it: the keyboard's focus.
pub(super) fn focus_ring<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    r: Rect,
    theme: &Theme,
) -> DrawResult<(), DB> {
    let (x0, y0, x1, y1) = (r.x - 3.0, r.y - 2.0, r.right() + 3.0, r.bottom() + 2.0);
    let pts = [(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)].map(|(x, y)| (x.round() as i32, y.round() as i32));
    area.draw(&PathElement::new(pts.to_vec(), render::rgb(theme.ink).stroke_width(2)))
}

/// Names at lines' ends with their leader lines, dimmed with their lines.
pub(super) fn draw_names<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    ends: &[EndLabel],
    view: &View,
    theme: &Theme,
) -> DrawResult<(), DB> {
    for e in ends {
        if let Some([a, b]) = e.leader {
            let pts = vec![(a.0.round() as i32, a.1.round() as i32), (b.0.round() as i32, b.1.round() as i32)];
            area.draw(&PathElement::new(pts, render::rgb(theme.muted).stroke_width(1)))?;
        }
        write_in(area, &e.label, tone(e.label.color, Some(&e.entity), view, theme))?;
    }
    Ok(())
}

/// The lines: grey context, then colour, then the reader's.
pub(super) fn draw_traces<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    lines: &[Trace],
    view: &View,
    theme: &Theme,
) -> DrawResult<(), DB> {
    // The reader's lines are drawn last: the selected one in its colour, a hovered, pinned or
    // focused one thick and in its colour too. Each line is known by its place in `lines`, which
    // is what the view's marks index.
    let pointed = |i: usize| [view.hover, view.pinned, view.focus].contains(&Some(i));
    let chosen = |i: usize, line: &Trace| view.selected == Some(line.entity.as_str()) || pointed(i);
    let mut order: Vec<(usize, &Trace)> = lines.iter().enumerate().filter(|(i, x)| !chosen(*i, x)).collect();
    order.extend(lines.iter().enumerate().filter(|(i, x)| chosen(*i, x)));
    for (i, line) in order {
        draw_trace(area, i, line, view, theme)?;
    }
    Ok(())
}

/// Line `i` of a chart's `lines`, as the view wants it: grey context, in colour, or thick where the
/// reader points at it.
fn draw_trace<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    i: usize,
    line: &Trace,
    view: &View,
    theme: &Theme,
) -> DrawResult<(), DB> {
    let pointed = [view.hover, view.pinned, view.focus].contains(&Some(i));
    let coloured = line.highlighted || pointed || view.selected == Some(line.entity.as_str());
    let base = if coloured { line.color } else { theme.context };
    // A line the reader points at is not dimmed by another selection.
    let c = if pointed { base } else { tone(base, Some(&line.entity), view, theme) };
    let stroke = if pointed {
        3
    } else if coloured {
        2
    } else {
        1
    };
    draw_runs(area, &line.runs, c, stroke)
}

/// A line's runs in colour `c`, `stroke` pixels wide.
pub(super) fn draw_runs<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    runs: &[Vec<(f64, f64)>],
    c: Rgb,
    stroke: u32,
) -> DrawResult<(), DB> {
    for run in runs {
        if let [(x, y)] = run.as_slice() {
            // A value with no neighbour to join is a dot, big enough to be seen as one.
            let r = f64::from(stroke) + 1.0;
            render::fill(area, &Rect { x: x - r, y: y - r, w: 2.0 * r, h: 2.0 * r }, c)?;
        } else {
            let pts: Vec<(i32, i32)> = run.iter().map(|(x, y)| (x.round() as i32, y.round() as i32)).collect();
            area.draw(&PathElement::new(pts, render::rgb(c).stroke_width(stroke)))?;
        }
    }
    Ok(())
}

/// The cursor at time `t`: a rule across the plot and a dot on every line with a value then.
fn cursor<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    l: &LineLayout,
    t: Time,
    view: &View,
    theme: &Theme,
) -> DrawResult<(), DB> {
    // Both lists are in time order: a cursor on a million points looks up, it does not scan.
    let Some(x) = l.times.x_of(t) else { return Ok(()) };
    render::vline(area, x, l.plot.y, l.plot.bottom(), theme.muted)?;
    let dots: Vec<((f64, f64), usize, &Trace)> =
        l.lines.iter().enumerate().filter_map(|(i, line)| Some((line.dot(t)?, i, line))).collect();
    // Every ring, then every dot: the canvas' colour is set twice for 50 grey lines, not 100 times.
    for ((px, py), _, _) in &dots {
        render::fill(area, &Rect { x: px - 4.0, y: py - 4.0, w: 8.0, h: 8.0 }, theme.background)?;
    }
    for ((px, py), i, line) in dots {
        // A dot is in the colour its line is drawn in: a grey line the reader points at is drawn in
        // its own colour, and so is its dot.
        let pointed = [view.hover, view.pinned, view.focus].contains(&Some(i));
        let base =
            if line.highlighted || pointed || view.selected == Some(&line.entity) { line.color } else { theme.context };
        let c = if pointed { base } else { tone(base, Some(&line.entity), view, theme) };
        render::fill(area, &Rect { x: px - 3.0, y: py - 3.0, w: 6.0, h: 6.0 }, c)?;
    }
    Ok(())
}

/// The kind `line`.
#[derive(Debug)]
pub struct Line;

impl Kind for Line {
    type Layout = LineLayout;
    const FIGURES: (usize, usize) = (0, 0);
    const WIDE: bool = true;
    const TIMED: bool = true;
    const LAYERED: bool = true;

    fn check(c: &Chart, d: &Dataset, at: &dyn Fn(&str) -> String) -> Result<(), DataError> {
        let Some(id) = c.indicator.as_deref() else {
            return Err(DataError {
                path: at("indicator"),
                message: format!(
                    "chart \"{}\" is a line chart, which draws an indicator's series over time; name the indicator in `indicator`",
                    c.id
                ),
            });
        };
        let series = drawn(d, c);
        if series.iter().all(|s| s.points().iter().all(|p| p.1.is_none())) {
            return Err(DataError {
                path: at("indicator"),
                message: format!(
                    "chart \"{}\" has no values of indicator \"{id}\" to draw; add series with values",
                    c.id
                ),
            });
        }
        annotate::check(c, d, at)?;
        if c.scale == Some(ScaleKind::Log) {
            let low = series.iter().flat_map(|s| s.points().iter()).find(|p| p.1.is_some_and(|v| v <= 0.0));
            if let Some((t, Some(v))) = low {
                return Err(DataError {
                    path: at("scale"),
                    message: format!(
                        "chart \"{}\" asks for a log scale, but indicator \"{id}\" has the value {} (at {t}); a log scale draws only values above zero, so use \"linear\"",
                        c.id,
                        crate::host::number_text(*v)
                    ),
                });
            }
        }
        Ok(())
    }

    fn layout(cx: &Ctx, i: &Input, top: f64) -> Option<LineLayout> {
        Some(layout(cx, i, top))
    }

    fn bottom(l: &LineLayout) -> f64 {
        l.bottom
    }

    fn labels(l: &LineLayout) -> Vec<&Label> {
        l.labels().collect()
    }

    fn marks(l: &LineLayout, _width: f64) -> Vec<Mark> {
        l.lines
            .iter()
            .map(|line| {
                let mut m = Mark::boxed(&line.entity, Some(&line.entity), line.bbox);
                // Hit by nearness to the line (`nearest`), never by its box.
                m.hit = Rect { x: 0.0, y: 0.0, w: 0.0, h: 0.0 };
                // Thickened, not boxed, when hovered, pinned or focused.
                m.own_emphasis = true;
                m
            })
            .collect()
    }

    fn hit(l: &LineLayout, _marks: &[Mark], x: f64, y: f64) -> Option<usize> {
        nearest(l, x, y)
    }

    fn draw<DB: DrawingBackend>(
        area: &DrawingArea<DB, Shift>,
        l: &LineLayout,
        view: &View,
        theme: &Theme,
    ) -> DrawResult<(), DB> {
        draw(area, l, view, theme)
    }

    /// The hovered line, thick and in its colour over the others, and the cursor. On a long series
    /// a pointer's move then redraws one line and a few dots rather than every line.
    fn draw_pointer<DB: DrawingBackend>(
        area: &DrawingArea<DB, Shift>,
        l: &LineLayout,
        view: &View,
        theme: &Theme,
    ) -> DrawResult<(), DB> {
        if let Some((i, line)) = view.hover.and_then(|i| Some((i, l.lines.get(i)?))) {
            draw_trace(area, i, line, view, theme)?;
        }
        if let Some(t) = view.time {
            cursor(area, l, t, view, theme)?;
        }
        Ok(())
    }

    fn times(l: &LineLayout) -> Option<&Timeline> {
        Some(&l.times)
    }

    fn at_time(i: &Input, t: Time) -> Vec<MarkInfo> {
        rows_at(i.d, i.chart, &drawn(i.d, i.chart), t)
    }

    fn what(n: usize, lang: Lang) -> String {
        match lang {
            Lang::En => format!("Line chart of {n} series over time."),
            Lang::Zh => format!("折线图，{n}条随时间变化的线。"),
        }
    }

    fn count(i: &Input) -> usize {
        drawn(i.d, i.chart).len()
    }

    fn items(i: &Input) -> Vec<String> {
        let ind = i.chart.indicator.as_deref().and_then(|id| i.d.indicator(id));
        drawn(i.d, i.chart)
            .iter()
            .map(|s| {
                let known: Vec<&(Time, Option<f64>)> = s.points().iter().filter(|p| p.1.is_some()).collect();
                let at = |p: &&(Time, Option<f64>)| {
                    let v = value_words(p.1.unwrap_or(0.0), ind, i.d.lang);
                    match i.d.lang {
                        Lang::En => format!("{v} in {}", p.0.label(i.d.lang)),
                        Lang::Zh => format!("{}为{v}", p.0.label(i.d.lang)),
                    }
                };
                let span = match (known.first(), known.last()) {
                    (Some(a), Some(b)) if a.0 != b.0 => match i.d.lang {
                        Lang::En => format!("{} to {}", at(a), at(b)),
                        Lang::Zh => format!("{}，{}", at(a), at(b)),
                    },
                    (Some(a), _) => at(a),
                    _ => String::new(),
                };
                let colon = if i.d.lang == Lang::Zh { "：" } else { ": " };
                format!("{}{colon}{span}", name(i.d, &s.entity))
            })
            .collect()
    }

    fn rows(i: &Input) -> Vec<MarkInfo> {
        drawn(i.d, i.chart).iter().map(|s| series_info(i.d, i.chart, s)).collect()
    }

    fn mark_info(i: &Input, m: &Mark) -> Option<MarkInfo> {
        let all = drawn(i.d, i.chart);
        let s = all.iter().find(|s| s.entity == m.id)?;
        let info = as_drawn(series_info(i.d, i.chart, s), i.chart, all.len());
        Some(MarkInfo { rect: [m.rect.x, m.rect.y, m.rect.w, m.rect.h], ..info })
    }

    fn key(i: &Input) -> Vec<String> {
        let mut parts = Vec::new();
        let lang = i.d.lang;
        if i.chart.scale == Some(ScaleKind::Log) {
            parts.push(
                match lang {
                    Lang::En => {
                        "The value axis is logarithmic and does not start at zero: each step up multiplies the value."
                    }
                    Lang::Zh => "数值轴为对数刻度，不从零开始：每上一格，数值成倍增加。",
                }
                .into(),
            );
        }
        let lines = drawn(i.d, i.chart);
        let step = series::step(&lines);
        // A gap between two values: missing values, or skipped periods, between known ones.
        let gaps = lines.iter().any(|s| {
            let known: Vec<(usize, &(Time, Option<f64>))> =
                s.points().iter().enumerate().filter(|(_, p)| p.1.is_some()).collect();
            known.windows(2).any(|w| w[1].0 > w[0].0 + 1 || series::breaks(w[0].1, w[1].1, step))
        });
        if gaps {
            parts.push(
                match lang {
                    Lang::En => "A break in a line is a period the source gives no value for; it is not filled in.",
                    Lang::Zh => "线条中断处是来源未给出数值的时期，未作补插。",
                }
                .into(),
            );
        }
        parts
    }
}
