//! Draws columns over a zero baseline with a few light gridlines.

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::prelude::DrawingBackend;

use crate::model::columns::ColumnsLayout;
use crate::model::View;
use crate::theme::Theme;

use super::{fill, hline, text, tone, DrawResult};

pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    c: &ColumnsLayout,
    view: &View,
    theme: &Theme,
) -> DrawResult<(), DB> {
    // Gridlines first so columns sit over them; the zero line is drawn last, in ink, over the columns' feet.
    for (y, label) in c.gridlines.iter().skip(1) {
        hline(area, c.plot_left, c.plot_right, *y, theme.track)?;
        text(area, label)?;
    }
    for col in &c.columns {
        fill(area, &col.rect, tone(col.color, col.region.as_ref(), view, theme))?;
        for l in &col.value {
            text(area, l)?;
        }
        for l in &col.period {
            text(area, l)?;
        }
    }
    if let Some((_, zero)) = c.gridlines.first() {
        text(area, zero)?;
    }
    hline(area, c.plot_left, c.plot_right, c.baseline_y, theme.ink)
}
