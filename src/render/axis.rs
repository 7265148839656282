//! Draws the shared axes: light gridlines, the zero line in ink, tick marks and tick labels.

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::prelude::DrawingBackend;

use crate::model::axis::{HorizontalAxis, ValueAxis, TICK_LENGTH};
use crate::theme::Theme;

use super::{hline, vline, write, DrawResult};

/// Gridlines across the plot (the one at zero in ink), then the labels. Marks drawn after this
/// cover the gridlines; a kind whose marks stand on zero (columns) draws `zero_line` again over them.
pub fn value_axis<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    axis: &ValueAxis,
    theme: &Theme,
) -> DrawResult<(), DB> {
    for t in &axis.ticks {
        // The zero line takes the place of zero's gridline.
        if axis.zero.is_some_and(|z| (z - t.at).abs() < 0.5) {
            continue;
        }
        hline(area, axis.plot_left, axis.plot_right, t.at, theme.track)?;
    }
    zero_line(area, axis, theme)?;
    for t in &axis.ticks {
        write(area, &t.label)?;
    }
    Ok(())
}

/// The zero line, in ink, where the axis has one.
pub fn zero_line<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    axis: &ValueAxis,
    theme: &Theme,
) -> DrawResult<(), DB> {
    match axis.zero {
        Some(z) => hline(area, axis.plot_left, axis.plot_right, z, theme.ink),
        None => Ok(()),
    }
}

/// Tick marks (time axes) and labels under the plot.
pub fn horizontal_axis<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    axis: &HorizontalAxis,
    theme: &Theme,
) -> DrawResult<(), DB> {
    for t in &axis.ticks {
        if axis.tick_marks {
            vline(area, t.at, axis.y, axis.y + TICK_LENGTH, theme.rule)?;
        }
        write(area, &t.label)?;
    }
    Ok(())
}
