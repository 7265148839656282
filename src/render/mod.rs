//! Draws chart models onto any plotters backend and reports the geometry it drew.

mod bars;
mod cards;
mod columns;
mod share;

use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, DrawingAreaErrorKind};
use plotters::element::{PathElement, Rectangle, Text};
use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, FontDesc, FontFamily, FontStyle, RGBColor, TextStyle};

use crate::model::{Align, Body, ChartModel, Label, Mark, Rect};
use crate::theme::{Rgb, FONT_FAMILY};

/// What was drawn, in CSS pixels: the marks a pointer can hit and the boxes text covers.
#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    pub width: f64,
    pub height: f64,
    pub marks: Vec<Mark>,
    pub labels: Vec<Rect>,
}

pub type DrawResult<T, DB> = Result<T, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// Draws `model` onto `area`, whose size is the model's width and height in CSS pixels.
pub fn draw<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, model: &ChartModel) -> DrawResult<Geometry, DB> {
    area.fill(&rgb(model.theme.background))?;
    for l in &model.chrome {
        text(area, l)?;
    }
    let marks = match &model.body {
        Body::Bars(b) => bars::draw(area, b)?,
        Body::Columns(c) => columns::draw(area, c, &model.theme)?,
        Body::Share(s) => share::draw(area, s, &model.theme)?,
        Body::Cards(c) => cards::draw(area, c)?,
    };
    area.present()?;
    Ok(Geometry {
        width: model.width,
        height: model.height,
        marks,
        labels: model.labels().iter().map(|l| l.bbox()).collect(),
    })
}

fn rgb(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

fn fill<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, r: &Rect, c: Rgb) -> DrawResult<(), DB> {
    if r.w <= 0.0 || r.h <= 0.0 {
        return Ok(());
    }
    let (x0, y0) = (r.x.round() as i32, r.y.round() as i32);
    // A sliver narrower than a pixel still gets one, so a small value stays visible.
    let x1 = (r.right().round() as i32).max(x0 + 1);
    let y1 = (r.bottom().round() as i32).max(y0 + 1);
    area.draw(&Rectangle::new([(x0, y0), (x1, y1)], rgb(c).filled()))
}

fn hline<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, x0: f64, x1: f64, y: f64, c: Rgb) -> DrawResult<(), DB> {
    let y = y.round() as i32;
    area.draw(&PathElement::new(vec![(x0.round() as i32, y), (x1.round() as i32, y)], rgb(c).stroke_width(1)))
}

fn vline<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, x: f64, y0: f64, y1: f64, c: Rgb) -> DrawResult<(), DB> {
    let x = x.round() as i32;
    area.draw(&PathElement::new(vec![(x, y0.round() as i32), (x, y1.round() as i32)], rgb(c).stroke_width(1)))
}

fn text<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, l: &Label) -> DrawResult<(), DB> {
    let style = if l.font.bold { FontStyle::Bold } else { FontStyle::Normal };
    let h = match l.align {
        Align::Left => HPos::Left,
        Align::Center => HPos::Center,
        Align::Right => HPos::Right,
    };
    let color = rgb(l.color);
    let ts = TextStyle::from(FontDesc::new(FontFamily::Name(FONT_FAMILY), l.font.size, style))
        .color(&color)
        .pos(Pos::new(h, VPos::Top));
    area.draw(&Text::new(l.text.as_str(), (l.x.round() as i32, l.y.round() as i32), ts))
}
