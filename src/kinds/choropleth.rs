//! The choropleth: every shape of the boundaries file coloured by an indicator's value at the time
//! the slider shows, with its legend, "no data" hatched, and the selected region's series beside it.

use std::sync::Arc;

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::element::PathElement;
use plotters::prelude::DrawingBackend;
use plotters::style::Color;

use crate::data::{Chart, Colors, DataError, Dataset, Indicator, Scheme, Series};
use crate::describe::MarkInfo;
use crate::format;
use crate::geo::{self, Pt};
use crate::i18n::Lang;
use crate::model::axis::{self, ValueAxis};
use crate::model::timeline::Timeline;
use crate::model::{text, Align, Ctx, Label, Mark, Rect, View};
use crate::render::{self, outline, polygon, write, DrawResult};
use crate::scale::color::ColorScale;
use crate::scale::{TimeScale, ValueScale};
use crate::theme::{Font, Rgb, Theme};
use crate::time::Time;

use super::line::{self, Place, Trace};
use super::map::{self, Fit};
use super::series::{self, drawn, name};
use super::{Input, Kind};

/// From this width the series line stands beside the map; narrower, under it.
const SIDE_BY_SIDE: f64 = 600.0;
const GAP: f64 = 24.0;
/// The room between hatching lines, in CSS pixels.
const HATCH: f64 = 5.0;
const SWATCH_H: f64 = 10.0;
/// The side line's least plot height, and its height under the map.
const PLOT_H: f64 = 90.0;

/// A series' points, shared with the dataset.
type Values = Arc<[(Time, Option<f64>)]>;
/// Hatching: the segments of its lines.
type Hatch = Vec<(Pt, Pt)>;

#[derive(Debug, Clone, PartialEq)]
pub struct ChoroplethLayout {
    /// The map's window on the canvas; context land is clipped to it.
    pub frame: Rect,
    pub context: Vec<Vec<Pt>>,
    /// Every shape: the story's regions in the data's order, then the file's other shapes.
    pub areas: Vec<Area>,
    /// `areas`' indices, the largest first: the order they are drawn in, so that a region inside
    /// another is drawn over it.
    pub by_size: Vec<usize>,
    pub colors: ColorScale,
    pub legend: Box<Legend>,
    /// Every time of the chart's series, in order, with its words; the slider steps through them.
    pub times: Vec<(Time, String)>,
    /// Each time with its x on the side line: where the page's slider and the address name a time.
    pub timeline: Timeline,
    pub side: Box<Side>,
    /// Shown instead of the map when its boundaries are missing.
    pub message: Vec<Label>,
    pub lang: Lang,
    pub bottom: f64,
}

/// One shape on the map.
#[derive(Debug, Clone, PartialEq)]
pub struct Area {
    /// The region's id, or the file's id of a shape no region names.
    pub id: String,
    /// The story's region, where a region names the shape.
    pub region: Option<String>,
    pub rings: Vec<Vec<Pt>>,
    pub bbox: Rect,
    /// The region's series of the chart's indicator, where it has one.
    pub values: Option<Values>,
    /// The hatching drawn where the shape has no value: made only for shapes that lack one at
    /// some time.
    pub hatch: Hatch,
}

impl Area {
    /// The shape's value at `t`, where it has one.
    pub fn value(&self, t: Time) -> Option<f64> {
        let v = self.values.as_ref()?;
        v.binary_search_by(|p| p.0.cmp(&t)).ok().and_then(|i| v.get(i)).and_then(|p| p.1)
    }
}

/// The key drawn above the map: the time shown, a swatch per bin (or the continuous ramp) with the
/// edges' values, and the swatch of "no data".
#[derive(Debug, Clone, PartialEq)]
pub struct Legend {
    /// Where the time shown is written; its text is the time's, set when drawn.
    pub time: Label,
    pub swatches: Vec<(Rect, Rgb)>,
    pub labels: Vec<Label>,
    /// The swatch of "no data", hatched, and its words.
    pub no_data: (Rect, Label, Hatch),
    pub bottom: f64,
}

/// The selected region's series beside (or under) the map.
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    pub rect: Rect,
    pub plot: Rect,
    pub axis: ValueAxis,
    /// The first and last times under the plot.
    pub ends: Vec<Label>,
    /// One line per region with a series, its name fitted to the side's width.
    pub lines: Vec<(Trace, String)>,
    /// Said where no region with a series is selected.
    pub prompt: Vec<Label>,
    pub indicator: Option<Indicator>,
    /// Where the side line places times: the slider's times stand at these x.
    pub time: TimeScale,
}

fn words(lang: Lang, en: &'static str, zh: &'static str) -> &'static str {
    match lang {
        Lang::En => en,
        Lang::Zh => zh,
    }
}

fn no_data(lang: Lang) -> &'static str {
    words(lang, "No data", "无数据")
}

/// The colours the map uses: the chart's, or blues in five round steps; over every value of every
/// time, so that a colour means the same value whichever time is shown.
pub fn color_scale(i: &Input) -> ColorScale {
    let colors =
        i.chart.colors.unwrap_or(Colors { scheme: Scheme::Blues, bins: None, continuous: false, center: None });
    ColorScale::new(&colors, series::extent(&drawn(i.d, i.chart)))
}

/// The latest time of `all`, from the series' ends: a tooltip asks it on every hover.
fn last_time(all: &[&Series]) -> Option<Time> {
    all.iter().any(|s| !s.points().is_empty()).then(|| series::span(all).1)
}

/// Every time of `all`, in order, each once.
fn times_of(all: &[&Series]) -> Vec<Time> {
    let mut times: Vec<Time> = all.iter().flat_map(|s| s.points().iter().map(|p| p.0)).collect();
    times.sort_unstable();
    times.dedup();
    times
}

fn layout(cx: &Ctx, i: &Input, top: f64) -> ChoroplethLayout {
    let (d, c, theme, w) = (i.d, i.chart, cx.theme, cx.width);
    let all = drawn(d, c);
    let colors = color_scale(i);
    let times: Vec<(Time, String)> = times_of(&all).into_iter().map(|t| (t, t.label(d.lang))).collect();
    let ind = c.indicator.as_deref().and_then(|id| d.indicator(id));
    let legend = Box::new(legend(cx, d.lang, &colors, &times, top, ind));

    let wide = w >= SIDE_BY_SIDE;
    let map_w = if wide { (w * 0.64).floor() } else { w };
    let map_top = legend.bottom + 8.0;
    let mut areas: Vec<Area> = Vec::new();
    let mut context = Vec::new();
    let mut message = Vec::new();
    let frame = if let Some(g) = i.map {
        let mut b = g.bounds;
        for (x, y) in g.others.iter().flat_map(|o| o.rings.iter().flatten()) {
            b = [b[0].min(*x), b[1].min(*y), b[2].max(*x), b[3].max(*y)];
        }
        // As tall as the shapes' proportions make it, no taller: a world map at 320 px is
        // lower than a region map's least height, and the slider sits right under it.
        let h = (map_w * (b[3] - b[1]) / (b[2] - b[0]).max(1e-9) + 2.0 * map::PAD).max(80.0).min(map::MAX_HEIGHT);
        let fit = Fit::new(b, Rect { x: 0.0, y: map_top, w: map_w, h });
        context = g
            .context
            .iter()
            .flat_map(|o| o.rings.iter())
            .map(|ring| map::clip(&fit.ring(ring), &fit.frame))
            .filter(|r| r.len() >= 3)
            .collect();
        let every: Vec<Time> = times.iter().map(|t| t.0).collect();
        for shape in &g.regions {
            let values = all.iter().find(|s| s.entity == shape.region).map(|s| s.shared_points());
            areas.push(area(shape.region.clone(), Some(shape.region.clone()), fit.rings(&shape.rings), values, &every));
        }
        for o in &g.others {
            areas.push(area(o.id.clone(), None, fit.rings(&o.rings), None, &every));
        }
        fit.frame
    } else {
        let (lines, bottom) =
            cx.paragraph(crate::i18n::map_missing(d.lang), 0.0, map_top, map_w, Font::BODY, theme.muted);
        message = lines;
        Rect { x: 0.0, y: map_top, w: map_w, h: bottom - map_top }
    };
    let mut by_size: Vec<usize> = (0..areas.len()).collect();
    let size = |k: &usize| areas[*k].bbox.w * areas[*k].bbox.h;
    crate::model::insertion_sort(&mut by_size, |a, b| size(a) > size(b));

    let side_rect = if wide {
        Rect { x: map_w + GAP, y: map_top, w: w - map_w - GAP, h: frame.h }
    } else {
        Rect { x: 0.0, y: frame.bottom() + 16.0, w, h: 0.0 }
    };
    let side = Box::new(side(cx, i, &all, side_rect, &times));
    let timeline = Timeline::Placed(times.iter().map(|(t, _)| (*t, side.time.map_time(*t))).collect());
    let bottom = frame.bottom().max(side.rect.bottom());
    ChoroplethLayout {
        frame,
        context,
        areas,
        by_size,
        colors,
        legend,
        times,
        timeline,
        side,
        message,
        lang: d.lang,
        bottom,
    }
}

fn area(id: String, region: Option<String>, rings: Vec<Vec<Pt>>, values: Option<Values>, every: &[Time]) -> Area {
    let bbox = map::bounds(&rings);
    let mut a = Area { id, region, rings, bbox, values, hatch: Vec::new() };
    if every.iter().any(|t| a.value(*t).is_none()) {
        a.hatch = geo::hatch(&a.rings, HATCH);
    }
    a
}

/// The legend's row: the time, then the bins' swatches with their edges' values under them, then
/// "no data"; on a narrow page "no data" goes under the swatches where it does not fit beside them.
fn legend(
    cx: &Ctx,
    lang: Lang,
    colors: &ColorScale,
    times: &[(Time, String)],
    top: f64,
    ind: Option<&Indicator>,
) -> Legend {
    let theme = cx.theme;
    let widest = times.iter().map(|t| cx.m.width(&t.1, Font::LABEL_BOLD)).fold(0.0, f64::max);
    let time = cx.label(times.last().map_or("", |t| t.1.as_str()), 0.0, top, Font::LABEL_BOLD, theme.ink, Align::Left);
    let x0 = widest + 16.0;
    let nd_text = no_data(lang);
    let nd_w = 18.0 + cx.m.width(nd_text, Font::SMALL);
    let unit = ind.map_or("", |x| x.unit.as_str());
    let scale = ValueScale::linear(
        (colors.edges.first().copied().unwrap_or(0.0), colors.edges.last().copied().unwrap_or(1.0)),
        (0.0, 1.0),
        false,
    );
    let mut texts = scale.tick_texts(&colors.edges, unit, lang, format::Style::Full);
    let room = cx.width - x0 - nd_w - 16.0;
    let fits_beside = room >= 160.0;
    let span = if fits_beside { room } else { cx.width - x0 };
    let bins = colors.edges.len().saturating_sub(1).max(1);
    let sw = (span / bins as f64).min(64.0).floor();
    if texts.iter().any(|t| cx.m.width(t, Font::SMALL) > sw - 4.0) {
        texts = scale.tick_texts(&colors.edges, unit, lang, format::Style::Short(3));
    }
    let sy = top + 4.0;
    let mut swatches = Vec::new();
    if colors.continuous() {
        // The ramp as thin slices, two pixels each: smooth to the eye, few enough to draw fast.
        let total = sw * bins as f64;
        let n = (total / 2.0).ceil() as usize;
        let (lo, hi) = (colors.edges.first().copied().unwrap_or(0.0), colors.edges.last().copied().unwrap_or(1.0));
        for k in 0..n {
            let v = lo + (hi - lo) * (k as f64 + 0.5) / n as f64;
            swatches.push((Rect { x: x0 + 2.0 * k as f64, y: sy, w: 2.0, h: SWATCH_H }, colors.shade(v)));
        }
    } else {
        for (k, c) in colors.colors.iter().enumerate() {
            swatches.push((Rect { x: x0 + sw * k as f64, y: sy, w: sw - 1.0, h: SWATCH_H }, *c));
        }
    }
    let mut labels: Vec<Label> = Vec::new();
    let ly = sy + SWATCH_H + 3.0;
    for (k, t) in texts.into_iter().enumerate() {
        let l = cx.label(t, x0 + sw * k as f64, ly, Font::SMALL, theme.muted, Align::Center);
        // Edge values that would touch the one before are left out, as an axis leaves out ticks.
        if labels.last().is_none_or(|p: &Label| p.bbox().right() + 4.0 <= l.bbox().x) && l.bbox().right() <= cx.width {
            labels.push(l);
        }
    }
    let labels_bottom = ly + Font::SMALL.line_height();
    let (nx, ny) = if fits_beside { (x0 + sw * bins as f64 + 16.0, sy) } else { (x0, labels_bottom + 4.0) };
    let bx = Rect { x: nx, y: ny, w: 14.0, h: SWATCH_H };
    let label = cx.label(nd_text, nx + 18.0, ny - 2.0, Font::SMALL, theme.muted, Align::Left);
    let hatch = geo::hatch(
        &[vec![(bx.x, bx.y), (bx.right(), bx.y), (bx.right(), bx.bottom()), (bx.x, bx.bottom())]],
        HATCH - 1.0,
    );
    let bottom = if fits_beside { labels_bottom } else { ny + Font::SMALL.line_height() };
    let bottom = bottom.max(time.bbox().bottom());
    Legend { time, swatches, labels, no_data: (bx, label, hatch), bottom }
}

/// The side line's frame: its axes over every value of every region, one line per region, drawn
/// for the selected one only.
fn side(cx: &Ctx, i: &Input, all: &[&Series], rect: Rect, times: &[(Time, String)]) -> Side {
    let (d, c, theme) = (i.d, i.chart, cx.theme);
    let ind = c.indicator.as_deref().and_then(|id| d.indicator(id));
    let unit = ind.map_or("", |x| x.unit.as_str());
    let head = Font::SMALL_BOLD.line_height() + Font::SMALL.line_height() + 10.0;
    let plot_top = rect.y + head;
    let (prompt, _) = cx.paragraph(
        words(
            d.lang,
            "Select a region on the map to see its values over time.",
            "在地图上选择一个地区，查看其历年数值。",
        ),
        rect.x,
        rect.y,
        rect.w,
        Font::SMALL,
        theme.muted,
    );
    // Beside the map the plot takes the map's height; under it, on a phone, a short plot keeps the
    // slider (under the canvas) near the map.
    let ends_h = Font::SMALL.line_height() + 4.0;
    let plot_h = if rect.h > 0.0 { (rect.h - head - ends_h).max(PLOT_H) } else { PLOT_H };
    let scale = ValueScale::of_magnitudes(false, series::extent(all), (plot_top + plot_h, plot_top));
    // Room at the right for the last point's dot and the last time's label.
    let right = rect.right() - 8.0;
    let axis = axis::value_axis(cx.m, theme, &scale, unit, d.lang, (rect.x, right));
    let plot = Rect { x: axis.plot_left, y: plot_top, w: (right - axis.plot_left).max(1.0), h: plot_h };
    let (first, last) = (times.first().map_or(Time::Year(0), |t| t.0), times.last().map_or(Time::Year(0), |t| t.0));
    let time = TimeScale::between(first, last, (plot.x, plot.right()));
    let ends_y = plot.bottom() + 4.0;
    let ends = vec![
        cx.label(times.first().map_or("", |t| t.1.as_str()), plot.x, ends_y, Font::SMALL, theme.muted, Align::Left),
        cx.label(
            times.last().map_or("", |t| t.1.as_str()),
            plot.right(),
            ends_y,
            Font::SMALL,
            theme.muted,
            Align::Right,
        ),
    ];
    let step = series::step(all);
    let place = Place { time: &time, value: &scale, plot, step };
    let lines = all
        .iter()
        .map(|s| {
            (line::trace(s, &place, theme.ink, true), text::fit(cx.m, name(d, &s.entity), rect.w, Font::SMALL_BOLD))
        })
        .collect();
    let bottom = ends_y + Font::SMALL.line_height();
    let rect = Rect { h: rect.h.max(bottom - rect.y), ..rect };
    Side { rect, plot, axis, ends, lines, prompt, indicator: ind.cloned(), time }
}

fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    l: &ChoroplethLayout,
    view: &View,
    theme: &Theme,
) -> DrawResult<(), DB> {
    let Some(&(last, _)) = l.times.last() else {
        return Ok(());
    };
    let t = view.time.filter(|t| l.times.binary_search_by(|p| p.0.cmp(t)).is_ok()).unwrap_or(last);
    for m in &l.message {
        write(area, m)?;
    }
    for ring in &l.context {
        polygon(area, ring, theme.track)?;
        outline(area, ring, theme.background, 1)?;
    }
    let hatch = |lines: &Hatch| -> DrawResult<(), DB> {
        for (a, b) in lines {
            let pts = vec![(a.0.round() as i32, a.1.round() as i32), (b.0.round() as i32, b.1.round() as i32)];
            area.draw(&PathElement::new(pts, render::rgb(theme.rule).stroke_width(1)))?;
        }
        Ok(())
    };
    // On a dark page the ramps' darkest colours are near its background: borders in the rule's grey
    // keep every country's shape, where a light page's white borders do.
    let edge = if theme.background.luminance() < 0.5 { theme.rule } else { theme.background };
    for &k in &l.by_size {
        let a = &l.areas[k];
        if let Some(v) = a.value(t) {
            let fill = l.colors.color(v);
            for ring in &a.rings {
                polygon(area, ring, fill)?;
                outline(area, ring, edge, 1)?;
            }
        } else {
            for ring in &a.rings {
                polygon(area, ring, theme.background)?;
            }
            hatch(&a.hatch)?;
            for ring in &a.rings {
                outline(area, ring, theme.rule, 1)?;
            }
        }
    }
    // The selected region's outline goes on top, so no neighbour's border cuts through it.
    if let Some(sel) = view.selected {
        for a in l.areas.iter().filter(|a| a.region.as_deref() == Some(sel)) {
            for ring in &a.rings {
                outline(area, ring, theme.ink, 2)?;
            }
        }
    }
    draw_legend(area, l, t, theme, &hatch)?;
    draw_side(area, l, t, view, theme)
}

fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    l: &ChoroplethLayout,
    t: Time,
    theme: &Theme,
    hatch: &dyn Fn(&Hatch) -> DrawResult<(), DB>,
) -> DrawResult<(), DB> {
    let g = &l.legend;
    let words = l.times.iter().find(|p| p.0 == t).map_or("", |p| p.1.as_str());
    write(area, &Label { text: words.to_string(), ..g.time.clone() })?;
    for (r, c) in &g.swatches {
        render::fill(area, r, *c)?;
    }
    if theme.background.luminance() < 0.5 {
        // The ramp's dark end framed, as the map's borders are on a dark page.
        if let (Some(first), Some(last)) = (g.swatches.first(), g.swatches.last()) {
            let (x0, x1, y0, y1) = (first.0.x, last.0.right(), first.0.y, first.0.bottom());
            outline(area, &[(x0, y0), (x1, y0), (x1, y1), (x0, y1)], theme.rule, 1)?;
        }
    }
    for lbl in &g.labels {
        write(area, lbl)?;
    }
    let (r, lbl, lines) = &g.no_data;
    render::fill(area, r, theme.background)?;
    hatch(lines)?;
    let ring = [(r.x, r.y), (r.right(), r.y), (r.right(), r.bottom()), (r.x, r.bottom())];
    outline(area, &ring, theme.rule, 1)?;
    write(area, lbl)
}

/// The side line: the axes, and the selected region's line with a dot at the time shown; or, with
/// no such region selected, what to do.
fn draw_side<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    l: &ChoroplethLayout,
    t: Time,
    view: &View,
    theme: &Theme,
) -> DrawResult<(), DB> {
    let s = &l.side;
    render::axis::value_axis(area, &s.axis, theme)?;
    for e in &s.ends {
        write(area, e)?;
    }
    let x = s.time.map_time(t);
    render::vline(area, x, s.plot.y, s.plot.bottom(), theme.rule)?;
    let Some((trace, name)) = view.selected.and_then(|sel| s.lines.iter().find(|(tr, _)| tr.entity == sel)) else {
        for p in &s.prompt {
            write(area, p)?;
        }
        return Ok(());
    };
    let head = Label {
        text: name.clone(),
        x: s.rect.x,
        y: s.rect.y,
        font: Font::SMALL_BOLD,
        color: theme.ink,
        align: Align::Left,
        ..s.ends[0].clone()
    };
    write(area, &head)?;
    let value = trace.data.binary_search_by(|p| p.0.cmp(&t)).ok().and_then(|k| trace.data.get(k)).and_then(|p| p.1);
    let when = l.times.iter().find(|p| p.0 == t).map_or("", |p| p.1.as_str());
    let said = match (value, l.lang) {
        (Some(v), Lang::En) => format!("{} in {when}", series::value_words(v, s.indicator.as_ref(), l.lang)),
        (Some(v), Lang::Zh) => format!("{when}：{}", series::value_words(v, s.indicator.as_ref(), l.lang)),
        (None, Lang::En) => format!("No data for {when}"),
        (None, Lang::Zh) => format!("{when}无数据"),
    };
    let y = s.rect.y + Font::SMALL_BOLD.line_height() + 2.0;
    write(area, &Label { text: said, y, font: Font::SMALL, color: theme.muted, ..head.clone() })?;
    line::draw_runs(area, &trace.runs, theme.ink, 2)?;
    if let Some((px, py)) = trace.dot(t) {
        render::fill(area, &Rect { x: px - 5.0, y: py - 5.0, w: 10.0, h: 10.0 }, theme.background)?;
        let c = value.map_or(theme.context, |v| l.colors.color(v));
        render::fill(area, &Rect { x: px - 4.0, y: py - 4.0, w: 8.0, h: 8.0 }, theme.ink)?;
        render::fill(area, &Rect { x: px - 3.0, y: py - 3.0, w: 6.0, h: 6.0 }, c)?;
    }
    Ok(())
}

/// `#rrggbb` for a colour: a tooltip's swatch shows the region's colour on the map.
fn hex(c: Rgb) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut s = String::from("#");
    for b in [c.0, c.1, c.2] {
        s.push(char::from(DIGITS[usize::from(b >> 4)]));
        s.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    s
}

/// Region `s` in words at time `t`, its swatch in the colour the map gives its value.
fn info(i: &Input, colors: &ColorScale, s: &Series, t: Time) -> MarkInfo {
    let mut info = series::info_at(i.d, i.chart, s, Some(t));
    info.color = series::value_at(s, t).map(|v| hex(colors.color(v)));
    info
}

/// What a shape with no value says: its name, "no data", and the time.
fn no_data_info(i: &Input, id: &str, region: Option<&str>, t: Option<Time>) -> MarkInfo {
    let lang = i.d.lang;
    let title = match region {
        Some(r) => name(i.d, r).to_string(),
        None => i
            .map
            .and_then(|g| g.others.iter().find(|o| o.id == id))
            .and_then(|o| o.name.clone())
            .unwrap_or_else(|| id.to_string()),
    };
    let ind = i.chart.indicator.as_deref().and_then(|x| i.d.indicator(x));
    MarkInfo {
        kind: "series",
        id: id.to_string(),
        region: region.map(str::to_string),
        region_name: region.map(|r| name(i.d, r).to_string()),
        region_aside: None,
        color: None,
        title,
        value: words(lang, "no data", "无数据").into(),
        qualifier: String::new(),
        unit: ind.map(|x| x.unit.clone()).unwrap_or_default(),
        period: t.map(|t| t.label(lang)),
        source: None,
        quote: None,
        summary: ind.map(|x| x.name.clone()),
        rect: [0.0; 4],
    }
}

/// The kind `choropleth`.
#[derive(Debug)]
pub struct Choropleth;

impl Kind for Choropleth {
    type Layout = ChoroplethLayout;
    const FIGURES: (usize, usize) = (0, 0);
    const WIDE: bool = true;

    fn check(c: &Chart, d: &Dataset, at: &dyn Fn(&str) -> String) -> Result<(), DataError> {
        series::needs_indicator(c, at, "is a choropleth, which colours each region by an indicator's value")?;
        <map::Map as Kind>::check(c, d, at)?;
        <line::Line as Kind>::check(c, d, at)
    }

    fn layout(cx: &Ctx, i: &Input, top: f64) -> Option<ChoroplethLayout> {
        Some(layout(cx, i, top))
    }

    fn bottom(l: &ChoroplethLayout) -> f64 {
        l.bottom
    }

    fn labels(l: &ChoroplethLayout) -> Vec<&Label> {
        let g = &l.legend;
        let side = &l.side;
        std::iter::once(&g.time)
            .chain(&g.labels)
            .chain(std::iter::once(&g.no_data.1))
            .chain(side.axis.labels())
            .chain(&side.ends)
            .chain(&l.message)
            .collect()
    }

    fn marks(l: &ChoroplethLayout, _width: f64) -> Vec<Mark> {
        l.areas
            .iter()
            .map(|a| Mark {
                id: a.id.clone(),
                region: a.region.clone(),
                rect: a.bbox,
                hit: a.bbox,
                rings: a.rings.clone(),
                own_emphasis: false,
            })
            .collect()
    }

    /// The shape under `(x, y)`: the one inside another rather than the one around it.
    fn hit(_l: &ChoroplethLayout, marks: &[Mark], x: f64, y: f64) -> Option<usize> {
        crate::hit::smallest(marks, x, y)
    }

    fn times(l: &ChoroplethLayout) -> Option<&Timeline> {
        Some(&l.timeline)
    }

    /// Every region with a series at time `t`, largest value first, those with none then last.
    fn at_time(i: &Input, t: Time) -> Vec<MarkInfo> {
        let colors = color_scale(i);
        let all = drawn(i.d, i.chart);
        let mut rows: Vec<(Option<f64>, MarkInfo)> =
            all.iter().map(|s| (series::value_at(s, t), info(i, &colors, s, t))).collect();
        crate::model::insertion_sort(&mut rows, |a, b| match (a.0, b.0) {
            (Some(x), Some(y)) => x > y,
            (x, y) => x.is_some() && y.is_none(),
        });
        rows.into_iter().map(|r| r.1).collect()
    }

    fn slider(i: &Input) -> Vec<Time> {
        times_of(&drawn(i.d, i.chart))
    }

    fn draw<DB: DrawingBackend>(
        area: &DrawingArea<DB, Shift>,
        l: &ChoroplethLayout,
        view: &View,
        theme: &Theme,
    ) -> DrawResult<(), DB> {
        draw(area, l, view, theme)
    }

    fn what(n: usize, lang: Lang) -> String {
        match lang {
            Lang::En => format!(
                "Map of {n} regions, each coloured by its value at the time shown, hatched where there is no data; a slider steps through the years."
            ),
            Lang::Zh => format!("{n}个地区的地图，按所示时间的数值着色，无数据处画斜线；滑块可逐年切换。"),
        }
    }

    fn count(i: &Input) -> usize {
        drawn(i.d, i.chart).len()
    }

    fn items(i: &Input) -> Vec<String> {
        <line::Line as Kind>::items(i)
    }

    /// Every region at the latest time, as the map first shows it.
    fn rows(i: &Input) -> Vec<MarkInfo> {
        let last = last_time(&drawn(i.d, i.chart));
        last.map_or_else(Vec::new, |t| Self::at_time(i, t))
    }

    /// A shape at the latest time: a region's value then, or "no data".
    fn mark_info(i: &Input, m: &Mark) -> Option<MarkInfo> {
        let all = drawn(i.d, i.chart);
        let last = last_time(&all);
        let s = all.iter().find(|s| Some(&s.entity) == m.region.as_ref());
        Some(match (s, last) {
            (Some(s), Some(t)) if series::value_at(s, t).is_some() => info(i, &color_scale(i), s, t),
            _ => no_data_info(i, &m.id, m.region.as_deref(), last),
        })
    }

    /// The rule the colours follow, what hatching means, and the regions the map cannot show.
    fn key(i: &Input) -> Vec<String> {
        let lang = i.d.lang;
        let colors = color_scale(i);
        let ind = i.chart.indicator.as_deref().and_then(|id| i.d.indicator(id));
        let unit = ind.map_or("", |x| x.unit.as_str());
        let round = |v: f64| format::number_with_symbol(v, unit, lang);
        let (lo, hi) = (colors.edges.first().copied().unwrap_or(0.0), colors.edges.last().copied().unwrap_or(0.0));
        let gap = if lang == Lang::Zh { "" } else { " " };
        let words_unit = if format::is_word_unit(unit) { format!("{gap}{unit}") } else { String::new() };
        let step = colors.edges.get(1).map_or(0.0, |e| e - lo);
        let mut parts = vec![match (colors.continuous(), lang) {
            (false, Lang::En) => format!(
                "Colours change every {}{words_unit}, from {} to {}: round steps over every value of every year, so a colour means the same value in every year.",
                round(step),
                round(lo),
                round(hi)
            ),
            (false, Lang::Zh) => format!(
                "颜色每{}{words_unit}一档，从{}到{}：按所有年份的全部数值取整分档，各年同色即同值。",
                round(step),
                round(lo),
                round(hi)
            ),
            (true, Lang::En) => format!(
                "Shades run from {} to {}{words_unit}, over every value of every year, so a shade means the same value in every year.",
                round(lo),
                round(hi)
            ),
            (true, Lang::Zh) => format!("颜色由浅到深对应{}至{}{words_unit}，各年同色即同值。", round(lo), round(hi)),
        }];
        if colors.scheme.diverging() {
            parts.push(match lang {
                Lang::En => format!("The colours divide at {}.", round(colors.center)),
                Lang::Zh => format!("颜色以{}为界分为两色。", round(colors.center)),
            });
        }
        parts.push(
            words(
                lang,
                "Hatched: no data for the year shown; nothing is filled in.",
                "斜线：所示年份无数据，未作填补。",
            )
            .into(),
        );
        parts.extend(<map::Map as Kind>::key(i));
        parts
    }
}
