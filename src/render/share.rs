//! Draws a part-of-a-whole bar: the whole as a track, the share over it, and a 0/50/100% scale.

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::prelude::DrawingBackend;

use crate::model::share::ShareLayout;
use crate::model::View;
use crate::theme::Theme;

use super::{fill, text, tone, vline, DrawResult};

pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    s: &ShareLayout,
    view: &View,
    theme: &Theme,
) -> DrawResult<(), DB> {
    for l in &s.headline {
        text(area, l)?;
    }
    fill(area, &s.track, theme.track)?;
    fill(area, &s.segment, tone(s.color, s.region.as_ref(), view, theme))?;
    for (r, c) in &s.fade {
        fill(area, r, tone(*c, s.region.as_ref(), view, theme))?;
    }
    for (x, label) in &s.ticks {
        // Keep the end ticks inside the canvas.
        let x = x.max(s.track.x + 0.5).min(s.track.right() - 0.5);
        vline(area, x, s.track.bottom(), s.track.bottom() + 4.0, theme.muted)?;
        text(area, label)?;
    }
    for l in &s.whole {
        text(area, l)?;
    }
    Ok(())
}
