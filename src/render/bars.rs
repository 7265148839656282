//! Draws horizontal bars: the bar, the faded open end of a lower bound, the label and the value.

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::prelude::DrawingBackend;

use crate::model::bars::BarsLayout;
use crate::model::View;
use crate::theme::Theme;

use super::{fill, text, tone, DrawResult};

pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    b: &BarsLayout,
    view: &View,
    theme: &Theme,
) -> DrawResult<(), DB> {
    for row in &b.rows {
        for l in &row.label {
            text(area, l)?;
        }
        fill(area, &row.bar, tone(row.color, row.region.as_ref(), view, theme))?;
        for (r, c) in &row.fade {
            fill(area, r, tone(*c, row.region.as_ref(), view, theme))?;
        }
        for l in &row.value {
            text(area, l)?;
        }
    }
    Ok(())
}
