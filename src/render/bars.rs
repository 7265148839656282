//! Draws horizontal bars: the bar, the faded open end of a lower bound, the label and the value.

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::prelude::DrawingBackend;

use crate::model::bars::BarsLayout;
use crate::model::Mark;

use super::{fill, text, DrawResult};

pub fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, b: &BarsLayout) -> DrawResult<Vec<Mark>, DB> {
    for row in &b.rows {
        for l in &row.label {
            text(area, l)?;
        }
        fill(area, &row.bar, row.color)?;
        for (r, c) in &row.fade {
            fill(area, r, *c)?;
        }
        text(area, &row.value)?;
    }
    Ok(b.marks().collect())
}
