//! Big-number cards for figures that are not comparisons, in a grid that reflows with the width.

use crate::data::{Dataset, Figure, Qualifier};
use crate::format;
use crate::i18n;
use crate::theme::{Font, Rgb};

use super::{figure_colour, Ctx, Label, Mark, Rect};

const MIN_CARD_WIDTH: f64 = 200.0;
const GUTTER: f64 = 16.0;
const RULE: f64 = 3.0;

#[derive(Debug, Clone, PartialEq)]
pub struct CardsLayout {
    pub cards: Vec<Card>,
    pub bottom: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Card {
    pub figure: String,
    pub region: Option<String>,
    /// The whole card: what a pointer over it points at.
    pub rect: Rect,
    /// The coloured rule across the card's top.
    pub rule: Rect,
    pub color: Rgb,
    pub texts: Vec<Label>,
}

impl CardsLayout {
    pub fn labels(&self) -> impl Iterator<Item = &Label> {
        self.cards.iter().flat_map(|c| c.texts.iter())
    }

    pub fn marks(&self) -> impl Iterator<Item = Mark> + '_ {
        self.cards.iter().map(|c| Mark::boxed(&c.figure, c.region.as_ref(), c.rect))
    }
}

/// How many cards fit side by side.
pub fn columns(width: f64, n: usize) -> usize {
    let fit = ((width + GUTTER) / (MIN_CARD_WIDTH + GUTTER)).floor().max(1.0) as usize;
    fit.min(n.max(1))
}

pub fn layout(cx: &Ctx, d: &Dataset, figures: &[&Figure], top: f64) -> CardsLayout {
    let cols = columns(cx.width, figures.len());
    let card_w = (cx.width - GUTTER * (cols as f64 - 1.0)) / cols as f64;
    let mut cards = Vec::new();
    let mut row_top = top;
    for row in figures.chunks(cols) {
        let mut row_bottom = row_top;
        for (i, f) in row.iter().enumerate() {
            let x = (card_w + GUTTER) * i as f64;
            let card = card(cx, d, f, x, row_top, card_w);
            row_bottom = row_bottom.max(card.rect.bottom());
            cards.push(card);
        }
        // Cards in a row share a height so their rules and tops line up.
        for c in cards.iter_mut().rev().take(row.len()) {
            c.rect.h = row_bottom - row_top;
        }
        row_top = row_bottom + GUTTER;
    }
    let bottom = cards.last().map_or(top, |c| c.rect.bottom());
    CardsLayout { cards, bottom }
}

/// A card's words, top to bottom: what the canvas draws and what the page writes as HTML.
#[derive(Debug, Clone, PartialEq)]
pub struct CardText {
    /// "More than", "Nearly": its own line, so the bound is read before the number.
    pub qualifier: Option<String>,
    /// The big number with its unit, or the report's wording when it gives no number.
    pub value: String,
    pub label: String,
    pub period: Option<String>,
}

impl CardText {
    pub fn of(d: &Dataset, f: &Figure) -> CardText {
        let qualifier = (f.value.is_some() && f.qualifier != Qualifier::Exact && f.wording.is_none())
            .then(|| format::sentence_case(i18n::qualifier(f.qualifier, d.lang)));
        let value = match (f.value, &f.wording, &f.claim) {
            (_, Some(w), _) => format::sentence_case(w),
            (Some(v), None, _) => format::with_unit(v, &f.unit, d.lang),
            (None, None, Some(c)) => c.clone(),
            (None, None, None) => String::new(),
        };
        CardText { qualifier, value, label: f.label.clone(), period: f.period.as_deref().map(format::sentence_case) }
    }
}

fn card(cx: &Ctx, d: &Dataset, f: &Figure, x: f64, top: f64, w: f64) -> Card {
    let theme = cx.theme;
    let color = figure_colour(d, f, theme);
    let words = CardText::of(d, f);
    let mut texts = Vec::new();
    let mut y = top + RULE + 10.0;
    let para = |text: &str, font: Font, color: Rgb, y: &mut f64, texts: &mut Vec<Label>| {
        let (mut lines, below) = cx.paragraph(text, x, *y, w, font, color);
        texts.append(&mut lines);
        *y = below;
    };
    if let Some(q) = &words.qualifier {
        para(q, Font::BODY_BOLD, theme.muted, &mut y, &mut texts);
    }
    para(&words.value, Font::BIG_NUMBER, theme.ink, &mut y, &mut texts);
    y += 2.0;
    para(&words.label, Font::BODY, theme.ink, &mut y, &mut texts);
    if let Some(p) = &words.period {
        y += 2.0;
        para(p, Font::SMALL, theme.muted, &mut y, &mut texts);
    }
    Card {
        figure: f.id.clone(),
        region: f.region.clone(),
        rect: Rect { x, y: top, w, h: y + 4.0 - top },
        rule: Rect { x, y: top, w, h: RULE },
        color,
        texts,
    }
}
