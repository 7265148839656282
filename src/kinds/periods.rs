//! Periods: columns side by side across periods, oldest first, standing on a zero line drawn in
//! ink (negative values hang below it), on the shared value axis; stated figures one column per
//! period, an indicator's series one group per period with a column per entity and a legend.

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::prelude::DrawingBackend;

use crate::data::{Chart, DataError, Dataset, Figure, Indicator, Series};
use crate::describe::{self, MarkInfo};
use crate::format::{self, Style};
use crate::i18n::Lang;
use crate::model::axis::{self, ValueAxis};
use crate::model::{figure_colour, text, Align, Ctx, Label, Mark, Rect, View};
use crate::render::{self, fill, tone, write, write_in, DrawResult};
use crate::scale::{Band, ValueScale};
use crate::theme::{Font, Rgb, Theme};
use crate::time::Time;

use super::{line, series, Input, Kind};

const PLOT_HEIGHT: f64 = 160.0;

/// The narrowest a column of a group may be at a phone's 320 pixels: thinner ones are refused by
/// `check`, with what to list fewer of.
pub const MIN_COLUMN: f64 = 4.0;

/// The room a value axis' labels take at the left of a phone's chart, as `check` estimates it.
const AXIS_ROOM: f64 = 56.0;

/// How many gaps the key names before it counts the rest.
const GAPS_LISTED: usize = 4;

/// A group's share of its period's slot: the rest is the room between groups.
const GROUP_SHARE: f64 = 0.8;

#[derive(Debug, Clone, PartialEq)]
pub struct ColumnsLayout {
    /// Gridlines at round values with their labels, and the zero line every column stands on.
    pub value_axis: ValueAxis,
    pub columns: Vec<Column>,
    /// The period under each group of columns (series); stated figures carry theirs in `Column::period`.
    pub groups: Vec<Vec<Label>>,
    /// Above the plot, for series: each entity's swatch and name, in the order of the columns.
    pub legend: Vec<LegendEntry>,
    /// The width each period's labels may take.
    pub slot: f64,
    pub bottom: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    /// The figure's id; for a series, `entity@time`.
    pub figure: String,
    pub region: Option<String>,
    /// From the zero line up to the value, or down to a negative one.
    pub rect: Rect,
    pub color: Rgb,
    /// The value beyond the column's outer end (above it, or below a negative one), wrapped (at
    /// spaces only) to the column's room so that neighbours never collide; shortened ("36.2k")
    /// where the full number does not fit, empty where none does.
    pub value: Vec<Label>,
    /// The period under the column; empty under every second (third, …) column where the labels
    /// need the room of two (three, …) columns to be written whole, and for series (see `groups`).
    pub period: Vec<Label>,
    /// From the top of the value above to the bottom of the period labels: the pointer's target.
    pub hit: Rect,
}

#[derive(Debug, Clone, PartialEq)]
pub struct LegendEntry {
    pub entity: String,
    pub swatch: Rect,
    pub color: Rgb,
    pub label: Label,
}

impl ColumnsLayout {
    pub fn labels(&self) -> impl Iterator<Item = &Label> {
        self.value_axis
            .labels()
            .chain(self.legend.iter().map(|e| &e.label))
            .chain(self.columns.iter().flat_map(|c| c.value.iter().chain(c.period.iter())))
            .chain(self.groups.iter().flatten())
    }

    pub fn marks(&self) -> impl Iterator<Item = Mark> + '_ {
        self.columns.iter().map(|c| {
            let mut m = Mark::boxed(&c.figure, c.region.as_ref(), c.rect);
            m.hit = c.hit;
            m
        })
    }
}

/// The forms and sizes a chart's values are tried in, most exact and largest first; every value of
/// a chart takes the same one, so that they read alike.
const STYLES: [(Style, Font); 4] = [
    (Style::Full, Font::BODY_BOLD),
    (Style::Short(3), Font::BODY_BOLD),
    (Style::Short(2), Font::BODY_BOLD),
    (Style::Short(2), Font::SMALL_BOLD),
];

/// Room kept between neighbouring labels.
const LABEL_GAP: f64 = 8.0;

/// One column to draw, before it is placed.
struct Spec {
    id: String,
    region: Option<String>,
    value: f64,
    color: Rgb,
    /// The value written in each of `STYLES`.
    texts: [String; 4],
}

/// One period: its name and its columns, left to right; `None` where a series gives no value.
struct Group {
    period: String,
    members: Vec<Option<Spec>>,
}

/// What a chart of columns draws, in order, and the unit its axis is written in.
struct Plan {
    groups: Vec<Group>,
    unit: String,
    legend: Vec<(String, String, Rgb)>,
}

fn figure_plan(cx: &Ctx, d: &Dataset, figures: &[&Figure]) -> Plan {
    let groups = figures
        .iter()
        .map(|f| Group {
            period: format::sentence_case(f.period.as_deref().unwrap_or(&f.label)),
            members: vec![Some(Spec {
                id: f.id.clone(),
                region: f.region.clone(),
                value: f.value.unwrap_or(0.0),
                color: figure_colour(d, f, cx.theme),
                texts: STYLES.map(|(s, _)| format::compact_in(f, d.lang, s)),
            })],
        })
        .collect();
    Plan { groups, unit: figures.first().map_or(String::new(), |f| f.unit.clone()), legend: Vec::new() }
}

fn indicator<'d>(d: &'d Dataset, c: &Chart) -> Option<&'d Indicator> {
    c.series_indicator().and_then(|id| d.indicator(id))
}

/// The periods a chart of series draws: its `times`, or every time of its series.
pub fn chart_times(d: &Dataset, c: &Chart) -> Vec<Time> {
    if c.times.is_empty() {
        line::all_times(&series::drawn(d, c))
    } else {
        c.times.clone()
    }
}

/// The id of the column of `entity` at `t`.
fn column_id(entity: &str, t: Time) -> String {
    format!("{entity}@{t}")
}

/// The colour entity `e` is drawn in: its own, or grey where the chart highlights others.
fn entity_colour(d: &Dataset, c: &Chart, e: &str, count: usize, theme: &Theme) -> Rgb {
    if line::highlighted(c, e, count) {
        series::colour(d, e, theme.context)
    } else {
        theme.context
    }
}

fn series_plan(cx: &Ctx, d: &Dataset, c: &Chart) -> Plan {
    let ind = indicator(d, c);
    let unit = ind.map_or("", |i| i.unit.as_str());
    let drawn = series::drawn(d, c);
    let count = drawn.len();
    let colours: Vec<Rgb> = drawn.iter().map(|s| entity_colour(d, c, &s.entity, count, cx.theme)).collect();
    let groups = chart_times(d, c)
        .into_iter()
        .map(|t| Group {
            period: t.label(d.lang),
            members: drawn
                .iter()
                .zip(&colours)
                .map(|(s, colour)| {
                    let v = series::value_at(s, t)?;
                    let texts = STYLES.map(|(style, _)| match style {
                        Style::Full => series::value_text(v, ind, d.lang),
                        _ => format::number_with_symbol_in(v, unit, d.lang, style),
                    });
                    Some(Spec {
                        id: column_id(&s.entity, t),
                        region: Some(s.entity.clone()),
                        value: v,
                        color: *colour,
                        texts,
                    })
                })
                .collect(),
        })
        .collect();
    let legend = drawn
        .iter()
        .zip(colours)
        .map(|(s, colour)| (s.entity.clone(), series::name(d, &s.entity).to_string(), colour))
        .collect();
    Plan { groups, unit: unit.to_string(), legend }
}

/// Each period's lines. Every label is tried whole (broken only at spaces); where one does not
/// fit its slot, only every second (third, …) period is labelled, each then with the room of the
/// periods between. A year is never broken ("200" / "3"); only a text no spacing can hold is,
/// between its characters.
fn periods(cx: &Ctx, texts: &[String], band: &Band, slot: f64) -> Vec<Vec<String>> {
    let n = texts.len();
    'every: for every in 1..=n.max(1) {
        let mut lines = Vec::with_capacity(n);
        for (i, t) in texts.iter().enumerate() {
            let c = band.center(i);
            if i % every != 0 {
                lines.push(Vec::new());
                continue;
            }
            // Centred on its column, inside the canvas and clear of the next labelled one.
            let room = (slot * every as f64 - LABEL_GAP).min(2.0 * c.min(cx.width - c));
            let Some(l) = text::wrap_whole(cx.m, t, room, Font::BODY) else { continue 'every };
            lines.push(l);
        }
        return lines;
    }
    texts.iter().map(|t| text::wrap(cx.m, t, slot - LABEL_GAP, Font::BODY)).collect()
}

/// The legend's entries from `left` across the width, wrapping onto more lines; and the y below.
fn legend(cx: &Ctx, entries: &[(String, String, Rgb)], top: f64) -> (Vec<LegendEntry>, f64) {
    const SWATCH: f64 = 10.0;
    let font = Font::SMALL_BOLD;
    let h = font.line_height();
    let (mut x, mut y) = (0.0, top);
    let mut out = Vec::with_capacity(entries.len());
    for (entity, name, colour) in entries {
        let name = text::fit(cx.m, name, cx.width - SWATCH - 6.0, font);
        let w = SWATCH + 6.0 + cx.m.width(&name, font);
        if x > 0.0 && x + w > cx.width {
            (x, y) = (0.0, y + h + 4.0);
        }
        // Centred on the letters' box, not the line's: level with the name.
        let swatch = Rect { x, y: y + (font.size * 1.2 - SWATCH) / 2.0, w: SWATCH, h: SWATCH };
        // The name in its column's colour, as dark as text needs: the colour ties name and columns,
        // and the name says what colour alone would not.
        let ink = colour.readable_on(cx.theme.background, cx.theme.ink);
        let label = cx.label(name, x + SWATCH + 6.0, y, font, ink, Align::Left);
        out.push(LegendEntry { entity: entity.clone(), swatch, color: *colour, label });
        x += w + 16.0;
    }
    let below = if out.is_empty() { top } else { y + h + 8.0 };
    (out, below)
}

/// Each column's value lines in style `k` of `STYLES`, where every value fits its room unbroken.
fn value_lines(cx: &Ctx, plan: &Plan, k: usize, room: f64) -> Option<Vec<Vec<Vec<String>>>> {
    let font = STYLES.get(k)?.1;
    let mut all = Vec::with_capacity(plan.groups.len());
    // Loops rather than collecting `Option`s: that machinery is 1 kB of the page's wasm.
    for g in &plan.groups {
        let mut lines = Vec::with_capacity(g.members.len());
        for m in &g.members {
            match m {
                Some(m) => lines.push(text::wrap_whole(cx.m, &m.texts[k], room, font)?),
                None => lines.push(Vec::new()),
            }
        }
        all.push(lines);
    }
    Some(all)
}

/// Where the columns of `n` periods of `k` go across the plot from `plot_left`: the bands, each
/// period's slot, a column's width and the room its value may take.
struct Across {
    band: Band,
    slot: f64,
    sub: f64,
    col_w: f64,
    room: f64,
}

fn across(cx: &Ctx, n: usize, k: usize, plot_left: f64) -> Across {
    let (nf, kf) = (n.max(1) as f64, k.max(1) as f64);
    let plot_right = cx.width;
    // One column a period: as before, no wider than a finger's reach apart. A group: more room per
    // column, so that on a wide screen each value is written whole ("13,725", not "14k" twice
    // beside "14k") above its column.
    let most = if k <= 1 { 160.0 } else { 64.0 * kf + 48.0 };
    let slot = ((plot_right - plot_left) / nf).min(most);
    let (inner, outer) = if k <= 1 { (0.4, 0.2) } else { (1.0 - GROUP_SHARE, (1.0 - GROUP_SHARE) / 2.0) };
    // A narrow set of columns sits in the middle of the plot rather than hugging the axis.
    let x0 = plot_left + ((plot_right - plot_left) - slot * nf) / 2.0;
    let band = Band::new(n, (x0, x0 + slot * nf)).padding(inner, outer);
    let sub = band.width() / kf;
    let (col_w, room) = if k <= 1 { (band.width().min(72.0), slot - LABEL_GAP) } else { (sub * 0.85, sub - 3.0) };
    Across { band, slot, sub, col_w, room }
}

fn layout(cx: &Ctx, d: &Dataset, plan: Plan, top: f64) -> ColumnsLayout {
    let theme = cx.theme;
    let values = || plan.groups.iter().flat_map(|g| g.members.iter().flatten().map(|m| m.value));
    let lo = values().fold(0.0, f64::min);
    let hi = values().fold(0.0, f64::max);
    // Magnitudes and changes alike stand on zero: the scale holds both signs and zero.
    let scale = ValueScale::linear((lo, hi), (PLOT_HEIGHT, 0.0), true);
    let unit = plan.unit.as_str();
    let n = plan.groups.len();
    let k = plan.groups.iter().map(|g| g.members.len()).max().unwrap_or(1).max(1);
    // The first style in which every value fits its room unbroken: "36,234", else "36.2k", else
    // "36k", else "36k" a size smaller; the axis is written short with short values, which leaves
    // the columns more room. Where none fits (eight columns of a number in powers of ten on a
    // phone), the values are left to the axis, the tooltip, the table and the description rather
    // than drawn over each other. The tick texts, and so the plot's left edge, do not depend on
    // where the plot is placed.
    let mut i = 0;
    let (short, value_font, Across { band, slot, sub, col_w, .. }, value_lines) = loop {
        let (style, font) = STYLES[i];
        let short = style != Style::Full;
        let plot_left = axis::value_axis_in(cx.m, theme, &scale, unit, d.lang, (0.0, cx.width), short).plot_left;
        let at = across(cx, n, k, plot_left);
        if let Some(lines) = value_lines(cx, &plan, i, at.room) {
            break (short, font, at, lines);
        }
        if i + 1 == STYLES.len() {
            // No values drawn: the axis alone gives the numbers, as exactly as the width allows.
            let plot_left = axis::value_axis(cx.m, theme, &scale, unit, d.lang, (0.0, cx.width)).plot_left;
            let none = plan.groups.iter().map(|g| vec![Vec::new(); g.members.len()]).collect();
            break (false, font, across(cx, n, k, plot_left), none);
        }
        i += 1;
    };
    let lh = value_font.line_height();
    let lines_where = |negative: bool| {
        plan.groups
            .iter()
            .zip(&value_lines)
            .flat_map(|(g, ls)| g.members.iter().zip(ls))
            .filter(|(m, _)| m.as_ref().is_some_and(|m| (m.value < 0.0) == negative))
            .map(|(_, l)| l.len())
            .max()
            .unwrap_or(0)
    };
    let (above, below) = (lines_where(false), lines_where(true));

    let (legend, legend_bottom) = legend(cx, &plan.legend, top);
    // Value labels sit beyond the columns' ends: room for the longest above the top gridline and
    // below the bottom one.
    let plot_top = legend_bottom + above.max(1) as f64 * lh + 4.0;
    let plot_bottom = plot_top + PLOT_HEIGHT;
    let scale = scale.placed(plot_bottom, plot_top);
    let value_axis = axis::value_axis_in(cx.m, theme, &scale, unit, d.lang, (0.0, cx.width), short);
    let period_top = plot_bottom + if below > 0 { below as f64 * lh + 4.0 } else { 0.0 } + 8.0;

    let period_texts: Vec<String> = plan.groups.iter().map(|g| g.period.clone()).collect();
    let period_lines = periods(cx, &period_texts, &band, slot);
    let mut placed_periods: Vec<Vec<Label>> = Vec::with_capacity(period_lines.len());
    let mut bottom = plot_bottom;
    for (i, lines) in period_lines.into_iter().enumerate() {
        let mut y = period_top;
        let mut out = Vec::new();
        for line in lines {
            out.push(cx.label(line, band.center(i), y, Font::BODY, theme.ink, Align::Center));
            y += Font::BODY.line_height();
        }
        bottom = f64::max(bottom, y);
        placed_periods.push(out);
    }
    let hit_top = plot_top - above as f64 * lh;
    let hit_bottom = bottom.max(plot_bottom + below as f64 * lh + 4.0);

    let mut columns = Vec::new();
    for (i, (g, lines)) in plan.groups.into_iter().zip(value_lines).enumerate() {
        let period = placed_periods.get(i).cloned().unwrap_or_default();
        for (j, (m, lines)) in g.members.into_iter().zip(lines).enumerate() {
            let Some(m) = m else { continue };
            let center = if k == 1 { band.center(i) } else { band.start(i) + sub * (j as f64 + 0.5) };
            let (y0, y1) = (scale.map(m.value.max(0.0)), scale.map(m.value.min(0.0)));
            let rect = Rect { x: center - col_w / 2.0, y: y0, w: col_w, h: y1 - y0 };
            let mut y = if m.value < 0.0 { rect.bottom() + 2.0 } else { rect.y - lines.len() as f64 * lh };
            let mut value = Vec::new();
            for line in lines {
                value.push(cx.label(line, center, y, value_font, theme.ink, Align::Center));
                y += lh;
            }
            let hit = if k == 1 {
                // A thinned-out period label spans its neighbours' slots: the pointer stays with the slot.
                let widest = period.iter().map(|l| l.width).fold(0.0, f64::max).min(slot);
                let half = col_w.max(widest) / 2.0;
                let top = value.first().map_or(rect.y, |l| l.y).min(rect.y);
                let bottom = period.last().map_or(rect.bottom(), |l| l.y + l.font.line_height());
                let bottom = value.last().map_or(bottom, |l| bottom.max(l.y + lh));
                Rect { x: center - half, y: top, w: half * 2.0, h: bottom - top }
            } else {
                // Each column of a group has its share of the group's width, top to bottom.
                Rect { x: center - sub / 2.0, y: hit_top, w: sub, h: hit_bottom - hit_top }
            };
            let period = if k == 1 { period.clone() } else { Vec::new() };
            columns.push(Column { figure: m.id, region: m.region, rect, color: m.color, value, period, hit });
        }
    }
    let groups = if k == 1 { Vec::new() } else { placed_periods };
    let bottom = bottom.max(hit_bottom);
    ColumnsLayout { value_axis, columns, groups, legend, slot, bottom }
}

fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    c: &ColumnsLayout,
    view: &View,
    theme: &Theme,
) -> DrawResult<(), DB> {
    render::axis::value_axis(area, &c.value_axis, theme)?;
    for e in &c.legend {
        fill(area, &e.swatch, tone(e.color, Some(&e.entity), view, theme))?;
        write_in(area, &e.label, tone(e.label.color, Some(&e.entity), view, theme))?;
    }
    for col in &c.columns {
        fill(area, &col.rect, tone(col.color, col.region.as_ref(), view, theme))?;
        for l in col.value.iter().chain(&col.period) {
            write(area, l)?;
        }
    }
    for l in c.groups.iter().flatten() {
        write(area, l)?;
    }
    // Over the columns' feet: every column stands on (or hangs from) the line in ink.
    render::axis::zero_line(area, &c.value_axis, theme)
}

/// The series a chart of grouped columns draws with its periods: each entity's value at each
/// period, `None` for a gap.
type Row<'d> = (Time, Vec<(&'d Series, Option<f64>)>);

fn cells<'d>(d: &'d Dataset, c: &'d Chart) -> Vec<Row<'d>> {
    let drawn = series::drawn(d, c);
    chart_times(d, c).into_iter().map(|t| (t, drawn.iter().map(|s| (*s, series::value_at(s, t))).collect())).collect()
}

/// How wide a column of a chart of `periods` groups of `entities` is at a phone's 320 pixels.
pub fn column_width_at_phone(periods: usize, entities: usize) -> f64 {
    let slot = (320.0 - AXIS_ROOM) / periods.max(1) as f64;
    slot * GROUP_SHARE / entities.max(1) as f64 * 0.85
}

fn check_series(c: &Chart, d: &Dataset, id: &str, at: &dyn Fn(&str) -> String) -> Result<(), DataError> {
    let fail = |field: &str, message: String| Err(DataError { path: at(field), message });
    let drawn = series::drawn(d, c);
    if drawn.is_empty() {
        return fail(
            "indicator",
            format!("chart \"{}\" draws columns of indicator \"{id}\", which has no series yet; add its series", c.id),
        );
    }
    if let Some([a, b]) = c.times.windows(2).find(|w| w[0] >= w[1]) {
        return fail(
            "times",
            format!(
                "chart \"{}\" lists {} after {}; list the periods of its columns once each, oldest first",
                c.id, b, a
            ),
        );
    }
    let times = chart_times(d, c);
    if let Some(t) = times.iter().find(|t| drawn.iter().all(|s| series::value_at(s, **t).is_none())) {
        return fail(
            "times",
            format!(
                "chart \"{}\" has no value of indicator \"{id}\" at {t} for any of its entities; choose periods the series give",
                c.id
            ),
        );
    }
    let (n, k) = (times.len(), drawn.len());
    if k > 1 && column_width_at_phone(n, k) < MIN_COLUMN {
        let given = if c.times.is_empty() { "every period of its series" } else { "the periods in `times`" };
        return fail(
            if c.times.is_empty() { "indicator" } else { "times" },
            format!(
                "chart \"{}\" would draw {n} periods × {k} entities = {} columns ({given}), each under {} pixels wide on a phone; list fewer periods in `times` (e.g. [\"{}\", \"{}\"]) or fewer `entities`, or draw the series as a line chart",
                c.id,
                n * k,
                // Written as a whole number: printing an `f64` would bring Rust's float printing
                // (7 kB gzipped) into the engine.
                MIN_COLUMN as u32,
                times.first().map_or(String::new(), ToString::to_string),
                times.last().map_or(String::new(), ToString::to_string),
            ),
        );
    }
    Ok(())
}

/// The kind `periods`.
#[derive(Debug)]
pub struct Periods;

impl Kind for Periods {
    type Layout = ColumnsLayout;
    const FIGURES: (usize, usize) = (2, 8);
    const ONE_AXIS: bool = true;

    /// Grouped columns take the whole width: a group of columns per period needs the room to write
    /// its values.
    fn wide(c: &Chart) -> bool {
        c.series_indicator().is_some()
    }

    /// A chart of series draws a group of columns per period: the periods must be given by the
    /// series and few enough for columns a phone can show.
    fn check(c: &Chart, d: &Dataset, at: &dyn Fn(&str) -> String) -> Result<(), DataError> {
        match c.series_indicator() {
            Some(id) => check_series(c, d, id, at),
            None => Ok(()),
        }
    }

    fn layout(cx: &Ctx, i: &Input, top: f64) -> Option<ColumnsLayout> {
        let plan = if i.chart.series_indicator().is_some() {
            series_plan(cx, i.d, i.chart)
        } else {
            figure_plan(cx, i.d, i.figures)
        };
        Some(layout(cx, i.d, plan, top))
    }

    fn bottom(l: &ColumnsLayout) -> f64 {
        l.bottom
    }

    fn labels(l: &ColumnsLayout) -> Vec<&Label> {
        l.labels().collect()
    }

    fn marks(l: &ColumnsLayout, width: f64) -> Vec<Mark> {
        let _ = width;
        l.marks().collect()
    }

    fn draw<DB: DrawingBackend>(
        area: &DrawingArea<DB, Shift>,
        l: &ColumnsLayout,
        view: &View,
        theme: &Theme,
    ) -> DrawResult<(), DB> {
        draw(area, l, view, theme)
    }

    fn what(n: usize, lang: Lang) -> String {
        match lang {
            Lang::En => format!("Column chart across {n} periods, from zero."),
            Lang::Zh => format!("柱形图，{n}个时期，从零开始。"),
        }
    }

    /// The periods, for a chart of series (each a group of columns); else the figures.
    fn count(i: &Input) -> usize {
        if i.chart.series_indicator().is_some() {
            chart_times(i.d, i.chart).len()
        } else {
            i.figures.len()
        }
    }

    /// For series, one item per period: each entity's value then, in the columns' order.
    fn items(i: &Input) -> Vec<String> {
        if i.chart.series_indicator().is_none() {
            return i.figures.iter().map(|f| describe::figure_item(i.d, f)).collect();
        }
        let (d, ind) = (i.d, indicator(i.d, i.chart));
        let (colon, comma, none) = match d.lang {
            Lang::Zh => ("：", "，", "无数据"),
            Lang::En => (": ", ", ", "no value given"),
        };
        let space = if d.lang == Lang::Zh { "" } else { " " };
        cells(d, i.chart)
            .into_iter()
            .map(|(t, row)| {
                let parts: Vec<String> = row
                    .iter()
                    .map(|(s, v)| {
                        let v = v.map_or_else(|| none.to_string(), |v| series::value_words(v, ind, d.lang));
                        format!("{}{space}{v}", series::name(d, &s.entity))
                    })
                    .collect();
                format!("{}{colon}{}", t.label(d.lang), parts.join(comma))
            })
            .collect()
    }

    /// For series, one row per period and entity, gaps included ("no value given").
    fn rows(i: &Input) -> Vec<MarkInfo> {
        if i.chart.series_indicator().is_none() {
            return i.figures.iter().map(|f| describe::figure(i.d, f)).collect();
        }
        cells(i.d, i.chart)
            .into_iter()
            .flat_map(|(t, row)| row.into_iter().map(move |(s, _)| series::info_at(i.d, i.chart, s, Some(t))))
            .collect()
    }

    fn mark_info(i: &Input, m: &Mark) -> Option<MarkInfo> {
        i.chart.series_indicator()?;
        let (entity, t) = m.id.rsplit_once('@')?;
        let t = Time::parse(t)?;
        let s = series::drawn(i.d, i.chart).into_iter().find(|s| s.entity == entity)?;
        let info = series::info_at(i.d, i.chart, s, Some(t));
        Some(MarkInfo { id: m.id.clone(), rect: [m.rect.x, m.rect.y, m.rect.w, m.rect.h], ..info })
    }

    /// For series, the periods an entity has no value for: their places are left empty.
    fn key(i: &Input) -> Vec<String> {
        if i.chart.series_indicator().is_none() {
            return Vec::new();
        }
        let d = i.d;
        let gaps: Vec<(String, String)> = cells(d, i.chart)
            .into_iter()
            .flat_map(|(t, row)| {
                row.into_iter()
                    .filter(|(_, v)| v.is_none())
                    .map(move |(s, _)| (series::name(d, &s.entity).to_string(), t.label(d.lang)))
            })
            .collect();
        if gaps.is_empty() {
            return Vec::new();
        }
        let sentence = match d.lang {
            Lang::En => {
                let mut list: Vec<String> = gaps.iter().take(GAPS_LISTED).map(|(e, t)| format!("{e} in {t}")).collect();
                if gaps.len() > GAPS_LISTED {
                    list.push(format!("{} more", gaps.len() - GAPS_LISTED));
                }
                format!(
                    "The source gives no value for {}: {} left empty, not filled in.",
                    list.join(", "),
                    if gaps.len() == 1 { "its place is" } else { "their places are" }
                )
            }
            Lang::Zh => {
                let mut list: Vec<String> = gaps.iter().take(GAPS_LISTED).map(|(e, t)| format!("{e}（{t}）")).collect();
                if gaps.len() > GAPS_LISTED {
                    list.push(format!("另有{}处", gaps.len() - GAPS_LISTED));
                }
                format!("来源未给出{}的数值：该处留空，未作补插。", list.join("、"))
            }
        };
        vec![sentence]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ApproxMeasure;

    /// Two entities' growth over four years: a negative value and a gap among them.
    const STORY: &str = r##"{
      "story": {"id": "t", "title": "T", "dek": "D", "overview_heading": "O"},
      "sources": [{"id": "s", "name": "Office", "description": "Yearbooks"}],
      "regions": [
        {"id": "north", "name": "North", "kind": "province", "color": "#006eac"},
        {"id": "south", "name": "South", "kind": "province", "color": "#d55e00"}
      ],
      "figures": [],
      "indicators": [{"id": "growth", "name": "Growth", "unit": "%", "decimals": 1, "source": "s"}],
      "series": [
        {"indicator": "growth", "entity": "north", "times": [2019, 2020, 2021, 2022], "values": [3.0, -6.5, 2.5, 4.0]},
        {"indicator": "growth", "entity": "south", "times": [2019, 2020, 2021, 2022], "values": [5.5, -1.0, null, 8.25]}
      ],
      "charts": [{"id": "g", "kind": "periods", "region": null, "headline": "H", "dek": "D", "indicator": "growth"}]
    }"##;

    fn story() -> Dataset {
        crate::data::from_json(STORY).unwrap_or_else(|e| panic!("{e}"))
    }

    fn laid(d: &Dataset, width: f64) -> ColumnsLayout {
        let cx = Ctx { m: &ApproxMeasure, theme: &Theme::LIGHT, width };
        let input = Input { d, chart: &d.charts[0], figures: &[], map: None };
        let Some(l) = Periods::layout(&cx, &input, 0.0) else { panic!("no layout") };
        l
    }

    #[test]
    fn negative_columns_hang_from_a_zero_line_with_their_value_below() {
        let d = story();
        let l = laid(&d, 640.0);
        let zero = l.value_axis.zero.expect("a zero line");
        // The scale spans both signs: a gridline below zero and one above.
        assert!(l.value_axis.ticks.first().is_some_and(|t| t.value < 0.0), "{:?}", l.value_axis.ticks);
        assert!(l.value_axis.ticks.last().is_some_and(|t| t.value > 0.0));
        let col = |id: &str| l.columns.iter().find(|c| c.figure == id).unwrap_or_else(|| panic!("no {id}"));
        let down = col("north@2020");
        assert!((down.rect.y - zero).abs() < 1e-9 && down.rect.h > 0.0, "{:?} from {zero}", down.rect);
        let up = col("north@2019");
        assert!((up.rect.bottom() - zero).abs() < 1e-9, "{:?}", up.rect);
        // -6.5 is 6.5/3 times as long as 3.0.
        assert!((down.rect.h / up.rect.h - 6.5 / 3.0).abs() < 1e-9);
        let v = down.value.first().expect("a value at 640 px");
        assert!(v.y >= down.rect.bottom(), "the value of a negative column sits below it");
        assert_eq!(v.text, "-6.5%");
        let v = up.value.last().expect("a value at 640 px");
        assert!(v.bbox().bottom() <= up.rect.y, "the value of a positive column sits above it");
    }

    #[test]
    fn groups_keep_the_legend_s_order_and_leave_a_gap_empty() {
        let d = story();
        let l = laid(&d, 640.0);
        let names: Vec<&str> = l.legend.iter().map(|e| e.label.text.as_str()).collect();
        assert_eq!(names, ["North", "South"]);
        // Four periods of two, less South's gap in 2021.
        assert_eq!(l.columns.len(), 7);
        assert!(!l.columns.iter().any(|c| c.figure == "south@2021"));
        assert_eq!(l.groups.len(), 4);
        assert_eq!(l.groups[0].first().map(|g| g.text.as_str()), Some("2019"));
        for pair in l.columns.windows(2) {
            assert!(pair[0].rect.right() <= pair[1].rect.x, "columns side by side, in order");
            assert!(pair[0].hit.right() <= pair[1].hit.x + 1e-9, "hit areas do not overlap");
        }
        let period = |c: &Column| c.figure.rsplit_once('@').map(|p| p.1.to_string());
        for c in &l.columns {
            let i = l.groups.iter().position(|g| g.first().map(|x| x.text.clone()) == period(c));
            let g = &l.groups[i.expect("its period is labelled")][0];
            assert!((c.rect.x + c.rect.w / 2.0 - g.x).abs() < l.slot / 2.0, "{} under its period", c.figure);
        }
        let key = Periods::key(&Input { d: &d, chart: &d.charts[0], figures: &[], map: None });
        assert_eq!(key, ["The source gives no value for South in 2021: its place is left empty, not filled in."]);
    }

    #[test]
    fn no_label_overlaps_another_or_leaves_the_chart_from_280_to_1200_px() {
        for lang in [Lang::En, Lang::Zh] {
            let mut d = story();
            d.lang = lang;
            for width in (280..=1200).step_by(4).map(f64::from) {
                let l = laid(&d, width);
                let labels: Vec<&Label> = l.labels().collect();
                for (i, a) in labels.iter().enumerate() {
                    let b = a.bbox();
                    assert!(b.x >= -0.5 && b.right() <= width + 0.5, "{width}: {:?} leaves the chart", a.text);
                    for o in &labels[i + 1..] {
                        assert!(!b.overlaps(&o.bbox()), "{width}: {:?} overlaps {:?}", a.text, o.text);
                    }
                }
                for c in &l.columns {
                    assert!(c.rect.x >= l.value_axis.plot_left && c.rect.right() <= width, "{width}: {}", c.figure);
                }
            }
        }
    }

    #[test]
    fn too_many_columns_for_a_phone_are_refused_saying_what_to_list_fewer_of() {
        assert!(column_width_at_phone(3, 5) >= MIN_COLUMN);
        assert!(column_width_at_phone(40, 2) < MIN_COLUMN);
        // Sixty years of both series, the chart with `times` as each case gives them.
        let years: Vec<String> = (1960..2020).map(|y: i32| y.to_string()).collect();
        let values: Vec<String> = (1960..2020).map(|y: i32| (y % 7 - 3).to_string()).collect();
        let long = format!(r#""times": [{}], "values": [{}]"#, years.join(", "), values.join(", "));
        let story = |times: &str| {
            STORY
                .replace(r#""times": [2019, 2020, 2021, 2022], "values": [3.0, -6.5, 2.5, 4.0]"#, &long)
                .replace(r#""times": [2019, 2020, 2021, 2022], "values": [5.5, -1.0, null, 8.25]"#, &long)
                .replace(r#""indicator": "growth"}]"#, &format!(r#""indicator": "growth"{times}}}]"#))
        };
        let refused = |times: &str| crate::data::from_json(&story(times)).map(|_| ()).expect_err("drawn").to_string();
        let msg = refused("");
        for part in [
            "charts[0].indicator",
            "60 periods × 2 entities = 120 columns",
            "list fewer periods in `times`",
            "fewer `entities`",
        ] {
            assert!(msg.contains(part), "{part:?} not in {msg}");
        }
        crate::data::from_json(&story(r#", "times": ["1990", "2000", "2010"]"#))
            .unwrap_or_else(|e| panic!("three periods refused: {e}"));
        let msg = refused(r#", "times": ["2010", "1990"]"#);
        assert!(msg.contains("lists 1990 after 2010") && msg.contains("oldest first"), "{msg}");
        let msg = refused(r#", "times": ["1950"]"#);
        assert!(msg.contains("no value of indicator \"growth\" at 1950"), "{msg}");
    }
}
