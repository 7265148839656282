//! Big-number cards for figures that are not comparisons, in a grid that reflows with the width.

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::prelude::DrawingBackend;

use crate::data::{Dataset, Figure, Qualifier};
use crate::format;
use crate::i18n::{self, Lang};
use crate::model::{figure_colour, text, Ctx, Label, Mark, Rect, View};
use crate::render::{fill, tone, write, DrawResult};
use crate::theme::{Font, Rgb, Theme};

use super::{Input, Kind};

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

/// How many cards at least `min_card` wide fit side by side.
pub fn columns(width: f64, n: usize, min_card: f64) -> usize {
    let fit = ((width + GUTTER) / (min_card.max(MIN_CARD_WIDTH) + GUTTER)).floor().max(1.0) as usize;
    fit.min(n.max(1))
}

/// The big numbers' sizes, largest first: a number too wide for a card of the whole width at one
/// size takes the next, rather than being broken between its digits.
const VALUE_FONTS: [Font; 4] = [Font::BIG_NUMBER, Font::HEADLINE, Font::LABEL_BOLD, Font::BODY_BOLD];

fn layout(cx: &Ctx, d: &Dataset, figures: &[&Figure], top: f64) -> CardsLayout {
    // A card is as wide as its number needs ("123.456789012 billion" breaks only at its space).
    let need = figures
        .iter()
        .map(|f| text::widest_run(cx.m, &CardText::of(d, f).value, Font::BIG_NUMBER))
        .fold(MIN_CARD_WIDTH, f64::max);
    let cols = columns(cx.width, figures.len(), need);
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

/// A card's words, top to bottom: what the canvas draws and what the page writes as HTML. No text
/// is written twice: a card whose label or period repeats its value or its label leaves it out.
#[derive(Debug, Clone, PartialEq)]
pub struct CardText {
    /// "More than", "Nearly": its own line, so the bound is read before the number.
    pub qualifier: Option<String>,
    /// The big number with its unit, or the report's wording when it gives no number.
    pub value: String,
    /// The figure's label, unless it says no more than the value.
    pub label: Option<String>,
    /// The period, unless the value or the label already says it.
    pub period: Option<String>,
}

impl CardText {
    pub fn of(d: &Dataset, f: &Figure) -> CardText {
        let qualifier = (f.value.is_some() && f.qualifier != Qualifier::Exact && f.wording.is_none())
            .then(|| format::sentence_case(i18n::qualifier(f.qualifier, d.lang)));
        let period = f.period.as_deref().map(format::sentence_case);
        let value = match (f.value, &f.wording, &f.claim) {
            (_, Some(w), _) => format::sentence_case(w),
            // A year given as the figure (2009, for the period 2009) is written as the period words
            // it, not as a count ("2,009"), and once.
            (Some(v), None, _) if f.unit.is_empty() && period.as_deref() == Some(&crate::host::number_text(v)) => {
                period.clone().unwrap_or_default()
            }
            (Some(v), None, _) => format::with_unit(v, &f.unit, d.lang),
            (None, None, Some(c)) => c.clone(),
            (None, None, None) => String::new(),
        };
        let label = Some(f.label.clone()).filter(|l| !text::says(&value, l));
        let period = period.filter(|p| !text::says(&value, p) && !label.as_deref().is_some_and(|l| text::says(l, p)));
        CardText { qualifier, value, label, period }
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
    let font =
        VALUE_FONTS.into_iter().find(|f| text::widest_run(cx.m, &words.value, *f) <= w).unwrap_or(Font::BODY_BOLD);
    para(&words.value, font, theme.ink, &mut y, &mut texts);
    y += 2.0;
    if let Some(l) = &words.label {
        para(l, Font::BODY, theme.ink, &mut y, &mut texts);
    }
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

fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    c: &CardsLayout,
    view: &View,
    theme: &Theme,
) -> DrawResult<(), DB> {
    for card in &c.cards {
        fill(area, &card.rule, tone(card.color, card.region.as_ref(), view, theme))?;
        for l in &card.texts {
            write(area, l)?;
        }
    }
    Ok(())
}

/// The kind `cards`.
#[derive(Debug)]
pub struct Cards;

impl Kind for Cards {
    type Layout = CardsLayout;
    const FIGURES: (usize, usize) = (1, 12);
    /// A card shows a claim without a number ("World's largest") as well as a number.
    const NEEDS_VALUE: bool = false;

    fn layout(cx: &Ctx, i: &Input, top: f64) -> Option<CardsLayout> {
        // Big-number cards are laid out only where they are drawn: in downloads and SVG (feature
        // `svg`). The page writes them as HTML (the outline's `cards`): its engine carries no code for them.
        if cfg!(feature = "svg") {
            Some(layout(cx, i.d, i.figures, top))
        } else {
            None
        }
    }

    fn bottom(l: &CardsLayout) -> f64 {
        l.bottom
    }

    fn labels(l: &CardsLayout) -> Vec<&Label> {
        l.labels().collect()
    }

    fn marks(l: &CardsLayout, width: f64) -> Vec<Mark> {
        let _ = width;
        l.marks().collect()
    }

    fn draw<DB: DrawingBackend>(
        area: &DrawingArea<DB, Shift>,
        l: &CardsLayout,
        view: &View,
        theme: &Theme,
    ) -> DrawResult<(), DB> {
        draw(area, l, view, theme)
    }

    fn what(n: usize, lang: Lang) -> String {
        match lang {
            Lang::En => format!("{n} figure{} shown as big numbers.", if n == 1 { "" } else { "s" }),
            Lang::Zh => format!("{n}个数据以大字显示。"),
        }
    }
}
