//! Draws a part-of-a-whole bar: the whole as a track, the share over it, and a 0/50/100% scale.

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::prelude::DrawingBackend;

use crate::model::share::ShareLayout;
use crate::model::Mark;
use crate::theme::Theme;

use super::{fill, text, vline, DrawResult};

pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    s: &ShareLayout,
    theme: &Theme,
) -> DrawResult<Vec<Mark>, DB> {
    for l in &s.headline {
        text(area, l)?;
    }
    fill(area, &s.track, theme.track)?;
    fill(area, &s.segment, s.color)?;
    for (r, c) in &s.fade {
        fill(area, r, *c)?;
    }
    for (x, label) in &s.ticks {
        // Keep the end ticks inside the canvas.
        let x = x.clamp(s.track.x + 0.5, s.track.right() - 0.5);
        vline(area, x, s.track.bottom(), s.track.bottom() + 4.0, theme.muted)?;
        text(area, label)?;
    }
    for l in &s.whole {
        text(area, l)?;
    }
    Ok(s.marks().collect())
}
