//! Periods: columns side by side for one indicator across periods, oldest first, from a zero
//! baseline, under a few light gridlines.

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::prelude::DrawingBackend;

use crate::data::{Dataset, Figure};
use crate::format::{self, Style};
use crate::i18n::Lang;
use crate::model::{figure_colour, text, Align, Ctx, Label, Mark, Rect, View};
use crate::render::{fill, hline, tone, write, DrawResult};
use crate::theme::{Font, Rgb, Theme};

use super::{Input, Kind};

const PLOT_HEIGHT: f64 = 160.0;

#[derive(Debug, Clone, PartialEq)]
pub struct ColumnsLayout {
    pub columns: Vec<Column>,
    /// Light horizontal gridlines at round values, with their labels; the first is the zero baseline.
    pub gridlines: Vec<(f64, Label)>,
    pub plot_left: f64,
    pub plot_right: f64,
    /// The width each column's labels may take.
    pub slot: f64,
    pub baseline_y: f64,
    pub bottom: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub figure: String,
    pub region: Option<String>,
    pub rect: Rect,
    pub color: Rgb,
    /// The value above the column, wrapped (at spaces only) to the column's slot so that neighbours
    /// never collide; shortened ("36.2k") where the full number does not fit, empty where none does.
    pub value: Vec<Label>,
    /// The period under the column; empty under every second (third, …) column where the labels
    /// need the room of two (three, …) columns to be written whole.
    pub period: Vec<Label>,
}

impl ColumnsLayout {
    pub fn labels(&self) -> impl Iterator<Item = &Label> {
        self.gridlines
            .iter()
            .map(|(_, l)| l)
            .chain(self.columns.iter().flat_map(|c| c.value.iter().chain(c.period.iter())))
    }

    pub fn marks(&self) -> impl Iterator<Item = Mark> + '_ {
        self.columns.iter().map(|c| {
            let mut m = Mark::boxed(&c.figure, c.region.as_ref(), c.rect);
            // The whole slot, value and period label included, answers a pointer.
            let top = c.value.first().map_or(c.rect.y, |l| l.y);
            let bottom = c.period.last().map_or(c.rect.bottom(), |l| l.y + l.font.line_height());
            // A thinned-out period label spans its neighbours' slots: the pointer stays with the slot.
            let widest = c.period.iter().map(|l| l.width).fold(0.0, f64::max).min(self.slot);
            let half = c.rect.w.max(widest) / 2.0;
            let center = c.rect.x + c.rect.w / 2.0;
            m.hit = Rect { x: center - half, y: top, w: half * 2.0, h: bottom - top };
            m
        })
    }
}

/// Round tick step for `max` so that there are three to five ticks above zero.
pub fn tick_step(max: f64) -> f64 {
    if max <= 0.0 || !max.is_finite() {
        return 1.0;
    }
    let raw = max / 4.0;
    // The browser's pow on the page: Rust's would bring 1.2 kB of libm into the wasm.
    let mag = crate::host::pow(10.0, raw.log10().floor());
    // The smallest subnormals have no power of ten below them (a quarter of 5e-324 is 0): one step, to the value.
    if !(mag > 0.0 && raw > 0.0) {
        return max;
    }
    [1.0, 2.0, 2.5, 5.0, 10.0].iter().map(|m| m * mag).find(|s| *s >= raw).unwrap_or(10.0 * mag)
}

/// How many steps of `step` the axis takes to reach `max`, and the axis' top. Near `f64::MAX` the round
/// step above the largest value does not exist: the axis then ends at the largest value itself.
fn axis(max: f64, step: f64) -> (usize, f64) {
    // At most a handful by construction of `tick_step`; the bound keeps a rounding surprise from
    // turning into millions of gridlines.
    let ticks = (max / step).ceil().max(1.0).min(10.0) as usize;
    let top = step * ticks as f64;
    if top.is_finite() {
        (ticks, top.max(max))
    } else {
        (ticks - 1, max)
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

/// The axis and the value labels in one style: what it leaves of the width, and whether it fits.
struct Scale {
    tick_texts: Vec<String>,
    tick_w: f64,
    plot_left: f64,
    slot: f64,
    /// Each value's lines; none when some value does not fit its slot unbroken in this style.
    values: Vec<Vec<String>>,
    fits: bool,
    font: Font,
}

fn scale(cx: &Ctx, d: &Dataset, figures: &[&Figure], ticks: &[f64], (style, font): (Style, Font)) -> Scale {
    let unit = figures.first().map_or("", |f| f.unit.as_str());
    // Ticks are round: shortened, they keep every digit ("12.5k").
    let tick_style = if style == Style::Full { Style::Full } else { Style::SHORT_EXACT };
    let tick_texts: Vec<String> =
        ticks.iter().map(|v| format::number_with_symbol_in(*v, unit, d.lang, tick_style)).collect();
    let tick_w = tick_texts.iter().map(|t| cx.m.width(t, Font::SMALL)).fold(0.0, f64::max);
    let plot_left = tick_w + 8.0;
    let n = figures.len().max(1) as f64;
    let slot = ((cx.width - plot_left) / n).min(160.0);
    // Loops rather than collecting `Option`s: that machinery is 1 kB of the page's wasm.
    let mut values = Vec::new();
    for f in figures {
        let Some(lines) = text::wrap_whole(cx.m, &format::compact_in(f, d.lang, style), slot - LABEL_GAP, font) else {
            values.clear();
            break;
        };
        values.push(lines);
    }
    let fits = values.len() == figures.len();
    Scale { tick_texts, tick_w, plot_left, slot, values, fits, font }
}

/// Each column's period lines. Every label is tried whole (broken only at spaces); where one does
/// not fit its slot, only every second (third, …) column is labelled, each then with the room of
/// the columns between. A year is never broken ("200" / "3"); only a text no spacing can hold is,
/// between its characters.
fn periods(cx: &Ctx, texts: &[String], first_center: f64, slot: f64) -> Vec<Vec<String>> {
    let n = texts.len();
    'every: for every in 1..=n.max(1) {
        let mut lines = Vec::with_capacity(n);
        for (i, t) in texts.iter().enumerate() {
            let c = first_center + slot * i as f64;
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

pub fn layout(cx: &Ctx, d: &Dataset, figures: &[&Figure], top: f64) -> ColumnsLayout {
    let max = figures.iter().filter_map(|f| f.value).fold(0.0, f64::max);
    let step = tick_step(max);
    let (ticks, y_max) = axis(max, step);
    let tick_values: Vec<f64> = (0..=ticks).map(|i| step * i as f64).collect();

    // The first style in which every value fits its slot unbroken: "36,234", else "36.2k", else "36k",
    // else "36k" a size smaller.
    // Where none does (eight columns of a number in powers of ten on a phone), the values are left
    // to the axis, the tooltip, the table and the description rather than drawn over each other.
    let mut chosen = scale(cx, d, figures, &tick_values, STYLES[0]);
    for style in &STYLES[1..] {
        if chosen.fits {
            break;
        }
        chosen = scale(cx, d, figures, &tick_values, *style);
    }
    let Scale { tick_texts, tick_w, plot_left, slot, values: value_lines, font: value_font, .. } = chosen;
    let plot_right = cx.width;
    let n = figures.len().max(1) as f64;
    // Value labels sit above the columns: leave room for the longest above the top gridline.
    let most = value_lines.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let plot_top = top + most as f64 * value_font.line_height() + 4.0;
    let baseline_y = plot_top + PLOT_HEIGHT;
    let y_of = |v: f64| baseline_y - v / y_max * PLOT_HEIGHT;

    let gridlines = tick_texts
        .into_iter()
        .enumerate()
        .map(|(i, t)| {
            let gy = y_of(step * i as f64);
            let label_y = gy - Font::SMALL.size * 0.6;
            (gy, cx.label(t, tick_w, label_y, Font::SMALL, cx.theme.muted, Align::Right))
        })
        .collect();

    let col_w = (slot * 0.6).min(72.0);
    // A narrow group of columns sits in the middle of the plot rather than hugging the axis.
    let offset = ((plot_right - plot_left) - slot * n) / 2.0;
    let first_center = plot_left + offset + slot / 2.0;
    let period_texts: Vec<String> =
        figures.iter().map(|f| format::sentence_case(f.period.as_deref().unwrap_or(&f.label))).collect();
    let mut period_lines = periods(cx, &period_texts, first_center, slot).into_iter();
    let mut value_lines = value_lines.into_iter();
    let mut bottom = baseline_y;
    let mut columns = Vec::with_capacity(figures.len());
    for (i, f) in figures.iter().enumerate() {
        let center = first_center + slot * i as f64;
        let v = f.value.unwrap_or(0.0);
        let rect = Rect { x: center - col_w / 2.0, y: y_of(v), w: col_w, h: baseline_y - y_of(v) };
        let lh = value_font.line_height();
        let lines = value_lines.next().unwrap_or_default();
        let mut y = rect.y - lines.len() as f64 * lh;
        let mut value = Vec::new();
        for line in lines {
            value.push(cx.label(line, center, y, value_font, cx.theme.ink, Align::Center));
            y += lh;
        }
        let mut period = Vec::new();
        let mut y = baseline_y + 8.0;
        for line in period_lines.next().unwrap_or_default() {
            period.push(cx.label(line, center, y, Font::BODY, cx.theme.ink, Align::Center));
            y += Font::BODY.line_height();
        }
        bottom = f64::max(bottom, y);
        columns.push(Column {
            figure: f.id.clone(),
            region: f.region.clone(),
            rect,
            color: figure_colour(d, f, cx.theme),
            value,
            period,
        });
    }
    ColumnsLayout { columns, gridlines, plot_left, plot_right, slot, baseline_y, bottom }
}

fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    c: &ColumnsLayout,
    view: &View,
    theme: &Theme,
) -> DrawResult<(), DB> {
    // Gridlines first so columns sit over them; the zero line is drawn last, in ink, over the columns' feet.
    for (y, label) in c.gridlines.iter().skip(1) {
        hline(area, c.plot_left, c.plot_right, *y, theme.track)?;
        write(area, label)?;
    }
    for col in &c.columns {
        fill(area, &col.rect, tone(col.color, col.region.as_ref(), view, theme))?;
        for l in &col.value {
            write(area, l)?;
        }
        for l in &col.period {
            write(area, l)?;
        }
    }
    if let Some((_, zero)) = c.gridlines.first() {
        write(area, zero)?;
    }
    hline(area, c.plot_left, c.plot_right, c.baseline_y, theme.ink)
}

/// The kind `periods`.
#[derive(Debug)]
pub struct Periods;

impl Kind for Periods {
    type Layout = ColumnsLayout;
    const FIGURES: (usize, usize) = (2, 8);
    const ONE_AXIS: bool = true;

    fn refuse_value(_f: &Figure, v: f64, _j: usize) -> Option<&'static str> {
        (v < 0.0).then_some("is negative; columns of periods stand on zero and draw only values of zero or more, so show a change that goes below zero as bars or a line")
    }

    fn layout(cx: &Ctx, i: &Input, top: f64) -> Option<ColumnsLayout> {
        Some(layout(cx, i.d, i.figures, top))
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
}

#[cfg(test)]
mod tests {
    use super::{axis, tick_step};

    #[test]
    fn ticks_are_round() {
        assert!((tick_step(6.3) - 2.0).abs() < 1e-9);
        assert!((tick_step(100.0) - 25.0).abs() < 1e-9);
        assert!((tick_step(0.0) - 1.0).abs() < 1e-9);
    }

    #[test]
    fn the_axis_holds_at_the_ends_of_the_number_line() {
        // A quarter of the smallest subnormal is zero: unguarded, the step would be 0 and the tick
        // count infinite.
        assert!(tick_step(5e-324) > 0.0);
        assert_eq!(axis(5e-324, tick_step(5e-324)), (1, 5e-324));
        // Four steps of 5e307 overflow to infinity: the axis ends at the largest value, after three.
        let (ticks, top) = axis(f64::MAX, tick_step(f64::MAX));
        assert_eq!((ticks, top), (3, f64::MAX));
    }
}
