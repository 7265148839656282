//! Charts as standalone SVG documents, drawn by the same render code through plotters' SVG backend.

use std::fmt::Write as _;

use plotters::prelude::{DrawingBackend, IntoDrawingArea, SVGBackend};
use plotters_backend::text_anchor::Pos;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontFamily, FontStyle, FontTransform,
};

use crate::model::{ChartModel, View};
use crate::render::{self, Geometry};

/// plotters' SVG backend writes `font-size` as the style's size divided by 1.24; scaling up by the
/// same factor keeps SVG text the size the canvas draws it.
const SVG_FONT_SCALE: f64 = 1.24;

/// Room around a file downloaded on its own, in CSS pixels: a drawing runs to its edges (a headline
/// starts at x = 0), and a file viewed by itself cut the first glyph of a headline at its edge.
pub const MARGIN: f64 = 16.0;

/// A chart as a file of its own: its drawing (`model` with no selection) inside a margin of its
/// background.
pub fn chart_file(model: &ChartModel) -> Result<String, String> {
    let (drawing, _) = svg(model, &View::default())?;
    Ok(framed(&drawing, model.width, model.height.ceil(), model.theme.background))
}

/// `drawing` (an SVG document `width` by `height`) inside [`MARGIN`] of `background` on every side.
fn framed(drawing: &str, width: f64, height: f64, background: crate::theme::Rgb) -> String {
    let (w, h) = (width + 2.0 * MARGIN, height + 2.0 * MARGIN);
    let crate::theme::Rgb(r, g, b) = background;
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\">\n\
         <rect width=\"{w}\" height=\"{h}\" fill=\"#{r:02x}{g:02x}{b:02x}\"/>\n\
         <g transform=\"translate({MARGIN} {MARGIN})\">\n{drawing}</g>\n</svg>\n"
    )
}

/// Draws `model` as `view` asks into an SVG document.
pub fn svg(model: &ChartModel, view: &View) -> Result<(String, Geometry), String> {
    let mut out = String::new();
    let geometry = {
        let backend = SvgText(SVGBackend::with_string(&mut out, (model.width as u32, model.height.ceil() as u32)));
        render::draw(&backend.into_drawing_area(), model, view)
            .map_err(|e| format!("drawing {} failed: {e}", model.id))?
    };
    Ok((out, geometry))
}

/// The SVG backend with text at its true size.
struct SvgText<'a>(SVGBackend<'a>);

struct Scaled<'s, S>(&'s S);

impl<S: BackendTextStyle> BackendTextStyle for Scaled<'_, S> {
    type FontError = S::FontError;

    fn color(&self) -> BackendColor {
        self.0.color()
    }
    fn size(&self) -> f64 {
        self.0.size() * SVG_FONT_SCALE
    }
    fn transform(&self) -> FontTransform {
        self.0.transform()
    }
    fn style(&self) -> FontStyle {
        self.0.style()
    }
    fn anchor(&self) -> Pos {
        self.0.anchor()
    }
    fn family(&self) -> FontFamily<'_> {
        self.0.family()
    }
    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), Self::FontError> {
        self.0.layout_box(text)
    }
    fn draw<E, F: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        text: &str,
        pos: BackendCoord,
        draw: F,
    ) -> Result<Result<(), E>, Self::FontError> {
        self.0.draw(text, pos, draw)
    }
}

type SvgResult = Result<(), DrawingErrorKind<<SVGBackend<'static> as DrawingBackend>::ErrorType>>;

impl DrawingBackend for SvgText<'_> {
    type ErrorType = <SVGBackend<'static> as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.0.get_size()
    }
    fn ensure_prepared(&mut self) -> SvgResult {
        self.0.ensure_prepared()
    }
    fn present(&mut self) -> SvgResult {
        self.0.present()
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> SvgResult {
        self.0.draw_pixel(point, color)
    }
    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> SvgResult {
        self.0.draw_line(from, to, style)
    }
    fn draw_rect<S: BackendStyle>(&mut self, ul: BackendCoord, br: BackendCoord, style: &S, fill: bool) -> SvgResult {
        self.0.draw_rect(ul, br, style, fill)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> SvgResult {
        self.0.draw_path(path, style)
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, vert: I, style: &S) -> SvgResult {
        self.0.fill_polygon(vert, style)
    }
    fn draw_circle<S: BackendStyle>(&mut self, c: BackendCoord, r: u32, style: &S, fill: bool) -> SvgResult {
        self.0.draw_circle(c, r, style, fill)
    }
    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> SvgResult {
        self.0.draw_text(text, &Scaled(style), pos)
    }
}

/// The whole story as one SVG at `width` (and [`MARGIN`] around it): title and dek, then every chart
/// in order. For readers without JavaScript (RSS, AMP, `<noscript>`) and for downloads.
pub fn story_svg(
    d: &crate::data::Dataset,
    map: Option<&crate::geo::GeoMap>,
    width: f64,
    m: &dyn crate::model::Measure,
    theme: &crate::theme::Theme,
) -> Result<String, String> {
    use crate::model::text::paragraph;
    use crate::model::Align;
    use crate::theme::Font;

    let mut parts = Vec::new();
    let (title, y) = paragraph(m, &d.story.title, 0.0, 0.0, width, Font::BIG_NUMBER, theme.ink, Align::Left);
    let (dek, y) = paragraph(m, &d.story.dek, 0.0, y + 4.0, width, Font::BODY, theme.muted, Align::Left);
    let mut y = y + 24.0;
    for c in &d.charts {
        let model = crate::model::build(d, map, &c.id, width, m, theme, crate::model::Titles::Drawn)
            .ok_or_else(|| format!("no chart {}", c.id))?;
        let (svg, _) = svg(&model, &View::default())?;
        parts.push((y, svg));
        y += model.height + 32.0;
    }
    let height = y.ceil();
    let mut out = format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{height}\" viewBox=\"0 0 {width} {height}\">\n"
    );
    // The title and dek drawn by the same SVG backend, so text escaping is plotters' own.
    let head = ChartModel {
        id: "title".into(),
        width,
        height: y,
        theme: *theme,
        chrome: title.into_iter().chain(dek).collect(),
        body: crate::kinds::Body::Cards(crate::kinds::cards::CardsLayout { cards: Vec::new(), bottom: 0.0 }),
    };
    let (head_svg, _) = svg(&head, &View::default())?;
    out.push_str(&head_svg);
    for (top, part) in parts {
        // Writing to a String cannot fail.
        let _ = writeln!(out, "<g transform=\"translate(0 {top})\">\n{part}</g>");
    }
    out.push_str("</svg>\n");
    // The gaps between the charts are the background too, not transparent.
    Ok(framed(&out, width, height, theme.background))
}
