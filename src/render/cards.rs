//! Draws big-number cards: a rule in the region's colour, then the qualifier, number and label.

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::prelude::DrawingBackend;

use crate::model::cards::CardsLayout;
use crate::model::View;
use crate::theme::Theme;

use super::{fill, text, tone, DrawResult};

pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    c: &CardsLayout,
    view: &View,
    theme: &Theme,
) -> DrawResult<(), DB> {
    for card in &c.cards {
        fill(area, &card.rule, tone(card.color, card.region.as_ref(), view, theme))?;
        for l in &card.texts {
            text(area, l)?;
        }
    }
    Ok(())
}
