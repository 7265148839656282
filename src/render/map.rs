//! Draws the region map: neighbouring land in grey, each region in its colour with its name, the selection outlined.

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::prelude::DrawingBackend;

use crate::model::map::MapLayout;
use crate::model::View;
use crate::theme::Theme;

use super::{outline, polygon, text, text_in, tone, DrawResult};

pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    m: &MapLayout,
    view: &View,
    theme: &Theme,
) -> DrawResult<(), DB> {
    for l in &m.message {
        text(area, l)?;
    }
    for ring in &m.context {
        polygon(area, ring, theme.track)?;
        outline(area, ring, theme.background, 1)?;
    }
    for r in &m.regions {
        let fill = tone(r.color, Some(&r.region), view, theme);
        for ring in &r.rings {
            polygon(area, ring, fill)?;
            outline(area, ring, theme.background, 1)?;
        }
    }
    // The selected region's outline goes on top, so no neighbour's border cuts through it.
    if let Some(sel) = view.selected {
        for r in m.regions.iter().filter(|r| r.region == sel) {
            for ring in &r.rings {
                outline(area, ring, theme.ink, 2)?;
            }
        }
    }
    for r in &m.regions {
        let fill = tone(r.color, Some(&r.region), view, theme);
        text_in(area, &r.label, fill.text_on(theme.background, theme.ink))?;
    }
    Ok(())
}
