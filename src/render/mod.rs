//! Draws chart models onto any plotters backend, styled by the reader's view, and reports the
//! geometry it drew: the titles and focus rings here, each kind's body by its module in `kinds`,
//! with the shared drawing helpers below.

pub mod axis;

use plotters::coord::Shift;
use plotters::drawing::{DrawingArea, DrawingAreaErrorKind};
use plotters::element::{PathElement, Polygon, Rectangle, Text};
use plotters::prelude::DrawingBackend;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use plotters::style::{Color, FontDesc, FontFamily, FontStyle, RGBColor, TextStyle};

use crate::geo::Pt;
use crate::model::{Align, ChartModel, Label, Mark, Rect, View};
use crate::theme::{Rgb, Theme, FONT_FAMILY};

/// What was drawn, in CSS pixels: the marks a pointer can hit and the boxes text covers.
#[derive(Debug, Clone, PartialEq)]
pub struct Geometry {
    pub width: f64,
    pub height: f64,
    pub marks: Vec<Mark>,
    pub labels: Vec<Rect>,
}

pub type DrawResult<T, DB> = Result<T, DrawingAreaErrorKind<<DB as DrawingBackend>::ErrorType>>;

/// How far a dimmed mark fades towards the background while another region is selected.
const DIMMED: f64 = 0.28;

/// Draws `model` onto `area` (sized to the model in CSS pixels) as `view` asks, and returns its geometry.
pub fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    model: &ChartModel,
    view: &View,
) -> DrawResult<Geometry, DB> {
    let marks = model.marks();
    paint(area, model, &marks, view)?;
    Ok(Geometry {
        width: model.width,
        height: model.height,
        marks,
        labels: model.labels().iter().map(|l| l.bbox()).collect(),
    })
}

/// Draws `model` with marks already worked out (`model.marks()`), for redraws that keep them.
pub fn paint<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    model: &ChartModel,
    marks: &[Mark],
    view: &View,
) -> DrawResult<(), DB> {
    paint_chart(area, model, marks, view)?;
    paint_pointer(area, model, view)
}

/// The chart, without what follows the pointer where its kind draws that apart (`paint_pointer`):
/// the page keeps that on a layer of its own over the chart.
pub fn paint_chart<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    model: &ChartModel,
    marks: &[Mark],
    view: &View,
) -> DrawResult<(), DB> {
    let theme = &model.theme;
    let view = if model.body.layered() { View { hover: None, time: None, ..*view } } else { *view };
    area.fill(&rgb(theme.background))?;
    for l in &model.chrome {
        write(area, l)?;
    }
    model.body.draw(area, &view, theme)?;
    emphasis(area, marks, &view, theme, model.width, model.height)?;
    area.present()
}

/// What follows the pointer (the hovered mark, the time cursor), for a kind that draws it apart;
/// nothing for the others, whose `paint_chart` drew it.
pub fn paint_pointer<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    model: &ChartModel,
    view: &View,
) -> DrawResult<(), DB> {
    if model.body.layered() {
        model.body.draw_pointer(area, view, &model.theme)?;
        area.present()?;
    }
    Ok(())
}

/// The mark's colour as the view wants it: its own, or faded while another region is selected.
pub(crate) fn tone(c: Rgb, region: Option<&String>, view: &View, theme: &Theme) -> Rgb {
    if view.dims(region.map(String::as_str)) {
        c.over(theme.background, DIMMED)
    } else {
        c
    }
}

/// Outlines for the hovered and pinned marks, and the keyboard focus ring (thicker, set off the mark).
fn emphasis<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    marks: &[Mark],
    view: &View,
    theme: &Theme,
    width: f64,
    height: f64,
) -> DrawResult<(), DB> {
    let mut rings: Vec<(usize, u32, f64)> = Vec::new();
    for i in [view.hover, view.pinned].into_iter().flatten() {
        rings.push((i, 1, 1.0));
    }
    if let Some(i) = view.focus {
        rings.push((i, 2, 3.0));
    }
    for (i, stroke, gap) in rings {
        let Some(m) = marks.get(i).filter(|m| !m.own_emphasis) else { continue };
        if m.rings.is_empty() {
            let r = &m.rect;
            let x0 = (r.x - gap).max(1.0);
            let y0 = (r.y - gap).max(1.0);
            let x1 = (r.right() + gap).min(width - 1.0);
            let y1 = (r.bottom() + gap).min(height - 1.0);
            let pts = vec![(x0, y0), (x1, y0), (x1, y1), (x0, y1), (x0, y0)];
            area.draw(&PathElement::new(px(&pts), rgb(theme.ink).stroke_width(stroke)))?;
        } else {
            for ring in &m.rings {
                outline(area, ring, theme.ink, stroke)?;
            }
        }
    }
    Ok(())
}

pub(crate) fn rgb(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

fn px(points: &[Pt]) -> Vec<(i32, i32)> {
    points.iter().map(|(x, y)| (x.round() as i32, y.round() as i32)).collect()
}

pub(crate) fn fill<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, r: &Rect, c: Rgb) -> DrawResult<(), DB> {
    if r.w <= 0.0 || r.h <= 0.0 {
        return Ok(());
    }
    let (x0, y0) = (r.x.round() as i32, r.y.round() as i32);
    // A sliver narrower than a pixel still gets one, so a small value stays visible.
    let x1 = (r.right().round() as i32).max(x0 + 1);
    let y1 = (r.bottom().round() as i32).max(y0 + 1);
    area.draw(&Rectangle::new([(x0, y0), (x1, y1)], rgb(c).filled()))
}

pub(crate) fn polygon<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, ring: &[Pt], c: Rgb) -> DrawResult<(), DB> {
    area.draw(&Polygon::new(px(ring), rgb(c).filled()))
}

pub(crate) fn outline<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    ring: &[Pt],
    c: Rgb,
    stroke: u32,
) -> DrawResult<(), DB> {
    let mut pts = px(ring);
    if let Some(first) = pts.first().copied() {
        pts.push(first);
    }
    area.draw(&PathElement::new(pts, rgb(c).stroke_width(stroke)))
}

pub(crate) fn hline<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    x0: f64,
    x1: f64,
    y: f64,
    c: Rgb,
) -> DrawResult<(), DB> {
    let y = y.round() as i32;
    area.draw(&PathElement::new(vec![(x0.round() as i32, y), (x1.round() as i32, y)], rgb(c).stroke_width(1)))
}

pub(crate) fn vline<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    x: f64,
    y0: f64,
    y1: f64,
    c: Rgb,
) -> DrawResult<(), DB> {
    let x = x.round() as i32;
    area.draw(&PathElement::new(vec![(x, y0.round() as i32), (x, y1.round() as i32)], rgb(c).stroke_width(1)))
}

pub(crate) fn write<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, l: &Label) -> DrawResult<(), DB> {
    write_in(area, l, l.color)
}

pub(crate) fn write_in<DB: DrawingBackend>(area: &DrawingArea<DB, Shift>, l: &Label, color: Rgb) -> DrawResult<(), DB> {
    let style = if l.font.bold { FontStyle::Bold } else { FontStyle::Normal };
    let h = match l.align {
        Align::Left => HPos::Left,
        Align::Center => HPos::Center,
        Align::Right => HPos::Right,
    };
    let color = rgb(color);
    let ts = TextStyle::from(FontDesc::new(FontFamily::Name(FONT_FAMILY), l.font.size, style))
        .color(&color)
        .pos(Pos::new(h, VPos::Top));
    area.draw(&Text::new(l.text.as_str(), (l.x.round() as i32, l.y.round() as i32), ts))
}
