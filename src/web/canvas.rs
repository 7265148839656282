//! Drawing on a canvas' 2D context: plotters-canvas in CSS pixels, with the context's settings and
//! each shape's path kept between repaints, and text measured by the canvas itself.

use std::cell::{Cell, RefCell};

use plotters::prelude::{DrawingBackend, IntoDrawingArea};
use plotters_backend::text_anchor::{HPos, VPos};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontTransform};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsError;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement, Path2d};

use super::js_err;
use crate::data::table::Table;
use crate::host;
use crate::model::{self, Measure, View};
use crate::render;
use crate::theme::{Font, FONT_FAMILY};

/// A canvas and its kept context.
#[derive(Debug)]
pub(super) struct Surface {
    pub canvas: HtmlCanvasElement,
    pub context: CanvasRenderingContext2d,
}

/// What `render_on` paints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Part {
    /// The whole chart, what follows the pointer included.
    Whole,
    /// The chart without what follows the pointer, which a layer above it holds.
    Chart,
    /// What follows the pointer alone, on a clear layer.
    Pointer,
}

/// Renders `part` of `model` (with its `marks`) onto `surface`, whose backing store is already sized
/// for `dpr`, reusing the shapes in `paths` that earlier repaints of the same layout handed to the
/// browser.
pub(super) fn render_on(
    surface: &Surface,
    part: Part,
    model: &model::ChartModel,
    marks: &[model::Mark],
    dpr: f64,
    view: &View,
    paths: &Paths,
) -> Result<(), JsError> {
    let ctx = &surface.context;
    // Resizing resets the context; draw in CSS pixels on a backing store `dpr` times larger.
    ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0).map_err(|_| js_err("the canvas refused a scale transform"))?;
    let inner = CanvasBackend::with_canvas_object(surface.canvas.clone())
        .ok_or_else(|| js_err("the canvas could not be drawn on"))?;
    let backend = CssPixels {
        inner,
        ctx: ctx.clone(),
        size: (model.width as u32, model.height.ceil() as u32),
        paths,
        pen: Pen::default(),
        lines: Lines::default(),
    };
    paths.next.set(0);
    let area = backend.into_drawing_area();
    match part {
        Part::Whole => render::paint(&area, model, marks, view),
        Part::Chart => render::paint_chart(&area, model, marks, view),
        Part::Pointer => {
            ctx.clear_rect(0.0, 0.0, model.width, model.height.ceil());
            render::paint_pointer(&area, model, view)
        }
    }
    .and_then(|()| area.present())
    .map_err(|e| js_err(format!("drawing failed: {e}")))
}

/// The canvas font string for a weight, a size in CSS pixels and a family: one spelling for
/// measuring and drawing, so a measured width is the drawn one.
fn css_font(weight: &str, size: f64, family: &str) -> String {
    format!("{weight} {}px {family}", host::number_text(size))
}

/// Measures with the canvas' own text metrics, in the exact font string the labels are drawn with.
pub(super) struct CanvasMeasure<'a> {
    ctx: &'a CanvasRenderingContext2d,
    cache: &'a RefCell<Table<f64>>,
    /// The font last given to the context: setting one makes the browser parse it (about a fifth
    /// of a measurement's time), and a layout measures runs of labels in one font.
    font: RefCell<String>,
}

impl<'a> CanvasMeasure<'a> {
    pub fn new(ctx: &'a CanvasRenderingContext2d, cache: &'a RefCell<Table<f64>>) -> Self {
        Self { ctx, cache, font: RefCell::default() }
    }
}

impl Measure for CanvasMeasure<'_> {
    fn width(&self, text: &str, font: Font) -> f64 {
        let css = css_font(if font.bold { "bold" } else { "normal" }, font.size, FONT_FAMILY);
        let key = format!("{css}\u{0}{text}");
        if let Some(w) = self.cache.borrow().get(&key) {
            return *w;
        }
        if changed(&mut *self.font.borrow_mut(), css) {
            self.ctx.set_font(&self.font.borrow());
        }
        let w = self.ctx.measure_text(text).map_or_else(|_| model::ApproxMeasure.width(text, font), |m| m.width());
        self.cache.borrow_mut().set(key, w);
        w
    }
}

/// More shapes than any chart draws (the world's map has 1,700 rings and outlines); past it a shape
/// is drawn vertex by vertex and not kept.
const MAX_PATHS: usize = 4096;

/// Shapes already handed to the browser as `Path2D`s, by their vertices and whether they close. A
/// click changes colours, not shapes, so a repaint fills or strokes each one with a single call
/// instead of a call per vertex: for the map's 1,700 vertices those calls would be a third of a
/// selection's redraw.
#[derive(Debug, Default)]
pub(super) struct Paths {
    kept: RefCell<Vec<(bool, Vec<BackendCoord>, Path2d)>>,
    /// Where the next shape is looked for first: a repaint draws the same shapes in the same
    /// order, so each is found at once, not by a scan of thousands of kept ones.
    next: Cell<usize>,
}

impl Paths {
    /// The path through `vertices` (closed or not); `None` for no vertices or where the browser
    /// has no `Path2D`.
    fn get(&self, closed: bool, vertices: &[BackendCoord]) -> Option<Path2d> {
        let mut kept = self.kept.borrow_mut();
        let same = |(c, v, _): &(bool, Vec<BackendCoord>, Path2d)| *c == closed && v == vertices;
        let at = self.next.get();
        let found = kept.get(at).filter(|k| same(k)).map(|_| at).or_else(|| kept.iter().position(same));
        if let Some(i) = found {
            self.next.set(i + 1);
            return kept.get(i).map(|k| k.2.clone());
        }
        let (first, rest) = vertices.split_first()?;
        let path = Path2d::new().ok()?;
        path.move_to(f64::from(first.0), f64::from(first.1));
        for v in rest {
            path.line_to(f64::from(v.0), f64::from(v.1));
        }
        if closed {
            path.close_path();
        }
        if kept.len() < MAX_PATHS {
            kept.push((closed, vertices.to_vec(), path.clone()));
            self.next.set(kept.len());
        }
        Some(path)
    }
}

type Colour = ((u8, u8, u8), f64);

/// What this backend last gave the context, so that it sets only what changes: each setter is a
/// call out of wasm with a string for the browser to decode and parse (a font string most of all).
#[derive(Default)]
struct Pen {
    font: String,
    baseline: &'static str,
    align: &'static str,
    fill: Option<Colour>,
    stroke: Option<(Colour, u32)>,
}

fn css_colour(c: BackendColor) -> String {
    let (r, g, b) = c.rgb;
    // As plotters-canvas spells it, with the opacity printed by the browser (`host::number_text`).
    format!("rgba({r},{g},{b},{})", host::number_text(c.alpha))
}

/// plotters-canvas sizes drawings by the canvas' backing pixels; this reports CSS pixels instead
/// (the context is already scaled by the device pixel ratio), so charts are sharp at any DPR.
/// It draws every shape on the context itself, so that the context is set only when a colour or
/// font changes and kept paths are reused; plotters-canvas' own drawing would also print each
/// colour's opacity with Rust's float formatting, 10 kB of the page's gzipped wasm. The wrapped
/// `CanvasBackend` still prepares and presents the canvas.
struct CssPixels<'a> {
    inner: CanvasBackend,
    ctx: CanvasRenderingContext2d,
    size: (u32, u32),
    paths: &'a Paths,
    pen: Pen,
    lines: Lines,
}

/// Straight lines of one colour and width drawn one after another (a map's hatching, an axis'
/// gridlines), kept until something else is drawn and then stroked as one path: the world's map
/// hatches with 900 of them, each a stroke of its own before.
#[derive(Default)]
struct Lines {
    style: Option<(BackendColor, u32)>,
    /// `style`'s colour and width as compared: a colour's opacity is a float.
    key: Option<(Colour, u32)>,
    ends: Vec<(BackendCoord, BackendCoord)>,
}

/// A label this backend would not draw, in words. Its `Debug` is those words: a `String` boxed as an
/// error would bring text's escaping `Debug` into the wasm, and with it the standard library's
/// slicing panic message and its Unicode tables, 1.5 kB gzipped for a message no reader sees.
struct Refused(String);

impl std::fmt::Debug for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::fmt::Display for Refused {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Refused {}

fn refused<E: std::error::Error + Send + Sync>(why: String) -> DrawingErrorKind<E> {
    DrawingErrorKind::FontError(Box::new(Refused(why)))
}

type CanvasResult = Result<(), DrawingErrorKind<<CanvasBackend as DrawingBackend>::ErrorType>>;

/// Puts `value` in `slot` and says whether that changed it: the context needs setting only then.
fn changed<T: PartialEq>(slot: &mut T, value: T) -> bool {
    let differs = *slot != value;
    if differs {
        *slot = value;
    }
    differs
}

impl CssPixels<'_> {
    /// Strokes the lines kept so far, if any.
    fn flush(&mut self) {
        let Some((colour, width)) = self.lines.style.take() else { return };
        let ends = std::mem::take(&mut self.lines.ends);
        self.stroke_with(colour, width);
        self.ctx.begin_path();
        for (a, b) in &ends {
            self.ctx.move_to(f64::from(a.0), f64::from(a.1));
            self.ctx.line_to(f64::from(b.0), f64::from(b.1));
        }
        self.ctx.stroke();
        self.lines.ends = ends;
        self.lines.ends.clear();
    }

    /// Keeps a straight line to stroke with the next ones of its colour and width.
    fn line(&mut self, a: BackendCoord, b: BackendCoord, colour: BackendColor, width: u32) {
        let key = Some(((colour.rgb, colour.alpha), width));
        if self.lines.style.is_some() && self.lines.key != key {
            self.flush();
        }
        (self.lines.style, self.lines.key) = (Some((colour, width)), key);
        self.lines.ends.push((a, b));
    }

    fn fill_with(&mut self, c: BackendColor) {
        if changed(&mut self.pen.fill, Some((c.rgb, c.alpha))) {
            self.ctx.set_fill_style_str(&css_colour(c));
        }
    }

    fn stroke_with(&mut self, c: BackendColor, width: u32) {
        if changed(&mut self.pen.stroke, Some(((c.rgb, c.alpha), width))) {
            self.ctx.set_stroke_style_str(&css_colour(c));
            self.ctx.set_line_width(f64::from(width));
        }
    }

    /// A polygon filled (closed) or a path stroked (open), from the path kept for its vertices.
    fn shape<S: BackendStyle>(&mut self, filled: bool, vertices: &[BackendCoord], style: &S) {
        let c = style.color();
        if c.alpha == 0.0 {
            return;
        }
        if let (false, [a, b]) = (filled, vertices) {
            self.line(*a, *b, c, style.stroke_width());
            return;
        }
        self.flush();
        let kept = self.paths.get(filled, vertices);
        if kept.is_none() {
            self.trace(vertices);
        }
        if filled {
            self.fill_with(c);
            if let Some(p) = kept {
                self.ctx.fill_with_path_2d(&p);
            } else {
                self.ctx.close_path();
                self.ctx.fill();
            }
        } else {
            self.stroke_with(c, style.stroke_width());
            match kept {
                Some(p) => self.ctx.stroke_with_path(&p),
                None => self.ctx.stroke(),
            }
        }
    }

    /// Starts a path through `points` on the context, as plotters-canvas traces its shapes.
    fn trace(&self, points: &[BackendCoord]) {
        self.ctx.begin_path();
        for (i, (x, y)) in points.iter().enumerate() {
            let (x, y) = (f64::from(*x), f64::from(*y));
            if i == 0 {
                self.ctx.move_to(x, y);
            } else {
                self.ctx.line_to(x, y);
            }
        }
    }
}

impl DrawingBackend for CssPixels<'_> {
    type ErrorType = <CanvasBackend as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(&mut self) -> CanvasResult {
        self.inner.ensure_prepared()
    }
    fn present(&mut self) -> CanvasResult {
        self.flush();
        self.inner.present()
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> CanvasResult {
        self.flush();
        if color.alpha > 0.0 {
            self.fill_with(color);
            self.ctx.fill_rect(f64::from(point.0), f64::from(point.1), 1.0, 1.0);
        }
        Ok(())
    }
    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> CanvasResult {
        let c = style.color();
        if c.alpha > 0.0 {
            self.line(from, to, c, style.stroke_width());
        }
        Ok(())
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        ul: BackendCoord,
        br: BackendCoord,
        style: &S,
        fill: bool,
    ) -> CanvasResult {
        let c = style.color();
        if c.alpha == 0.0 {
            return Ok(());
        }
        self.flush();
        let (x, y, w, h) = (f64::from(ul.0), f64::from(ul.1), f64::from(br.0 - ul.0), f64::from(br.1 - ul.1));
        if fill {
            self.fill_with(c);
            self.ctx.fill_rect(x, y, w, h);
        } else {
            self.stroke_with(c, style.stroke_width());
            self.ctx.stroke_rect(x, y, w, h);
        }
        Ok(())
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> CanvasResult {
        self.shape(false, &path.into_iter().collect::<Vec<_>>(), style);
        Ok(())
    }
    fn draw_circle<S: BackendStyle>(&mut self, c: BackendCoord, r: u32, style: &S, fill: bool) -> CanvasResult {
        let colour = style.color();
        if colour.alpha == 0.0 {
            return Ok(());
        }
        self.flush();
        self.ctx.begin_path();
        self.ctx
            .arc(f64::from(c.0), f64::from(c.1), f64::from(r), 0.0, std::f64::consts::TAU)
            .map_err(|_| refused(format!("the canvas refused a circle of radius {r}")))?;
        if fill {
            self.fill_with(colour);
            self.ctx.fill();
        } else {
            self.stroke_with(colour, style.stroke_width());
            self.ctx.stroke();
        }
        Ok(())
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> CanvasResult {
        self.shape(true, &vert.into_iter().collect::<Vec<_>>(), style);
        Ok(())
    }
    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> CanvasResult {
        let color = style.color();
        if color.alpha == 0.0 {
            return Ok(());
        }
        self.flush();
        // No chart writes a rotated label; one would be an error here, not a label drawn level.
        if !matches!(style.transform(), FontTransform::None) {
            return Err(refused(format!("the label \"{text}\" is rotated; labels are drawn level")));
        }
        let font = css_font(style.style().as_str(), style.size(), style.family().as_str());
        if changed(&mut self.pen.font, font) {
            self.ctx.set_font(&self.pen.font);
        }
        // The same settings plotters-canvas makes.
        let baseline = match style.anchor().v_pos {
            VPos::Top => "top",
            VPos::Center => "middle",
            VPos::Bottom => "bottom",
        };
        if changed(&mut self.pen.baseline, baseline) {
            self.ctx.set_text_baseline(baseline);
        }
        let align = match style.anchor().h_pos {
            HPos::Left => "start",
            HPos::Right => "end",
            HPos::Center => "center",
        };
        if changed(&mut self.pen.align, align) {
            self.ctx.set_text_align(align);
        }
        self.fill_with(color);
        self.ctx
            .fill_text(text, f64::from(pos.0), f64::from(pos.1))
            .map_err(|_| refused(format!("the canvas refused the label \"{text}\"")))
    }
}
