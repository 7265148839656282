//! Columns side by side for one indicator across periods, oldest first, from a zero baseline.

use crate::data::{Dataset, Figure};
use crate::format;
use crate::theme::{Font, Rgb};

use super::{figure_colour, Align, Ctx, Label, Mark, Rect};

const PLOT_HEIGHT: f64 = 160.0;

#[derive(Debug, Clone, PartialEq)]
pub struct ColumnsLayout {
    pub columns: Vec<Column>,
    /// Light horizontal gridlines at round values, with their labels; the first is the zero baseline.
    pub gridlines: Vec<(f64, Label)>,
    pub plot_left: f64,
    pub plot_right: f64,
    pub baseline_y: f64,
    pub bottom: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Column {
    pub figure: String,
    pub region: Option<String>,
    pub rect: Rect,
    pub color: Rgb,
    /// The value above the column, wrapped to the column's slot so that neighbours never collide.
    pub value: Vec<Label>,
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
            let half = c.rect.w.max(c.period.iter().map(|l| l.width).fold(0.0, f64::max)) / 2.0;
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

pub fn layout(cx: &Ctx, d: &Dataset, figures: &[&Figure], top: f64) -> ColumnsLayout {
    let unit = figures.first().map_or("", |f| f.unit.as_str());
    let max = figures.iter().filter_map(|f| f.value).fold(0.0, f64::max);
    let step = tick_step(max);
    let (ticks, y_max) = axis(max, step);

    let tick_texts: Vec<String> =
        (0..=ticks).map(|i| format::number_with_symbol(step * i as f64, unit, d.lang)).collect();
    let tick_w = tick_texts.iter().map(|t| cx.m.width(t, Font::SMALL)).fold(0.0, f64::max);
    let plot_left = tick_w + 8.0;
    let plot_right = cx.width;
    let n = figures.len().max(1) as f64;
    let slot = ((plot_right - plot_left) / n).min(160.0);
    let mut value_lines: Vec<Vec<String>> = figures
        .iter()
        .map(|f| super::text::wrap(cx.m, &format::compact(f, d.lang), slot - 8.0, Font::BODY_BOLD))
        .collect();
    // A slot narrower than one character of its value cannot hold it without running into the next
    // one (found by the property tests: six columns of 10¹¹⁸ at 240 px). The values are then left to
    // the tooltip, the table and the description rather than drawn on top of each other.
    if value_lines.iter().flatten().any(|l| cx.m.width(l, Font::BODY_BOLD) > slot - 1.0) {
        value_lines.iter_mut().for_each(Vec::clear);
    }
    // Value labels sit above the columns: leave room for the longest above the top gridline.
    let most = value_lines.iter().map(Vec::len).max().unwrap_or(0).max(1);
    let plot_top = top + most as f64 * Font::BODY_BOLD.line_height() + 4.0;
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
    let mut bottom = baseline_y;
    let columns = figures
        .iter()
        .zip(value_lines)
        .enumerate()
        .map(|(i, (f, lines))| {
            let v = f.value.unwrap_or(0.0);
            let center = plot_left + offset + slot * (i as f64 + 0.5);
            let rect = Rect { x: center - col_w / 2.0, y: y_of(v), w: col_w, h: baseline_y - y_of(v) };
            let lh = Font::BODY_BOLD.line_height();
            let value_y = rect.y - lines.len() as f64 * lh;
            let value = lines
                .into_iter()
                .enumerate()
                .map(|(k, line)| {
                    cx.label(line, center, value_y + k as f64 * lh, Font::BODY_BOLD, cx.theme.ink, Align::Center)
                })
                .collect();
            let period_text = format::sentence_case(f.period.as_deref().unwrap_or(&f.label));
            let mut period = Vec::new();
            let mut y = baseline_y + 8.0;
            for line in super::text::wrap(cx.m, &period_text, slot - 8.0, Font::BODY) {
                period.push(cx.label(line, center, y, Font::BODY, cx.theme.ink, Align::Center));
                y += Font::BODY.line_height();
            }
            bottom = f64::max(bottom, y);
            Column {
                figure: f.id.clone(),
                region: f.region.clone(),
                rect,
                color: figure_colour(d, f, cx.theme),
                value,
                period,
            }
        })
        .collect();
    ColumnsLayout { columns, gridlines, plot_left, plot_right, baseline_y, bottom }
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
