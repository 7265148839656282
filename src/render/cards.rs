//! Draws big-number cards: a rule in the region's colour, then the qualifier, number and label.

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::prelude::DrawingBackend;

use crate::model::cards::CardsLayout;
use crate::model::Mark;

use super::{fill, text, DrawResult};

pub fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, c: &CardsLayout) -> DrawResult<Vec<Mark>, DB> {
    for card in &c.cards {
        fill(area, &card.rule, card.color)?;
        for l in &card.texts {
            text(area, l)?;
        }
    }
    Ok(c.marks().collect())
}
