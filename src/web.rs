//! Browser glue: the only code that touches wasm-bindgen, web-sys and the canvas.

use std::cell::RefCell;
use std::collections::HashMap;

use plotters::prelude::{DrawingBackend, IntoDrawingArea};
use plotters_backend::{BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind};
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::data::{self, Dataset};
use crate::model::{self, outline, Measure};
use crate::render::{self, Geometry};
use crate::theme::{Font, Theme, FONT_FAMILY};

/// Logs a panic and leaves its message where the page's error boundary reads it, so the reader
/// sees a message in place of the chart instead of a blank box.
fn panic_hook(info: &std::panic::PanicHookInfo<'_>) {
    report_panic(&info.to_string());
}

/// What the panic hook does with a panic's message: log it and publish it as `__datastoryPanic`.
pub fn report_panic(msg: &str) {
    web_sys::console::error_1(&JsValue::from_str(msg));
    // If even this fails there is nothing left to report with; the shell still shows a generic message.
    let _ = js_sys::Reflect::set(&js_sys::global(), &JsValue::from_str("__datastoryPanic"), &JsValue::from_str(msg));
}

#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(panic_hook));
}

/// A loaded, validated story: the shell asks it for the outline and to draw each chart.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Story {
    dataset: Dataset,
    /// Text widths by font and string: the canvas measures each label once, not per redraw.
    widths: RefCell<HashMap<String, f64>>,
    geometry: HashMap<String, Geometry>,
}

#[wasm_bindgen]
impl Story {
    /// Takes the object `JSON.parse` made of the dataset and validates it.
    /// Throws an `Error` whose message names the field and says what was expected.
    #[wasm_bindgen(constructor)]
    pub fn new(data: JsValue) -> Result<Story, JsError> {
        let dataset = data::from_deserializer(serde_wasm_bindgen::Deserializer::from(data))
            .map_err(|e| JsError::new(&e.to_string()))?;
        Ok(Story { dataset, widths: RefCell::new(HashMap::new()), geometry: HashMap::new() })
    }

    /// Title, dek and the sections with their charts, for the shell to build the page from.
    pub fn outline(&self) -> Result<JsValue, JsError> {
        serde_wasm_bindgen::to_value(&outline::outline(&self.dataset)).map_err(|e| JsError::new(&e.to_string()))
    }

    /// Draws chart `id` onto `canvas` at `css_width` CSS pixels and device pixel ratio `dpr`;
    /// sizes the canvas' backing store and returns the chart's height in CSS pixels.
    pub fn draw(&mut self, id: &str, canvas: &HtmlCanvasElement, css_width: f64, dpr: f64) -> Result<f64, JsError> {
        let ctx: CanvasRenderingContext2d = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into().ok())
            .ok_or_else(|| JsError::new("this browser gave no 2D drawing context for the chart's canvas"))?;
        let measure = CanvasMeasure { ctx: &ctx, cache: &self.widths };
        let model = model::build(&self.dataset, id, css_width, &measure, &Theme::LIGHT)
            .ok_or_else(|| JsError::new(&format!("the story has no chart with id \"{id}\"")))?;
        let dpr = if dpr.is_finite() && dpr > 0.0 { dpr.min(4.0) } else { 1.0 };
        canvas.set_width((model.width * dpr).round() as u32);
        canvas.set_height((model.height * dpr).round() as u32);
        // Resizing reset the context; draw in CSS pixels on a backing store `dpr` times larger.
        ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0)
            .map_err(|_| JsError::new("the canvas refused a scale transform"))?;
        let inner = CanvasBackend::with_canvas_object(canvas.clone())
            .ok_or_else(|| JsError::new("the canvas could not be drawn on"))?;
        let backend = CssPixels { inner, size: (model.width as u32, model.height.ceil() as u32) };
        let area = backend.into_drawing_area();
        let geometry = render::draw(&area, &model).map_err(|e| JsError::new(&format!("drawing failed: {e}")))?;
        self.geometry.insert(id.to_string(), geometry);
        Ok(model.height)
    }

    /// How many marks (bars, columns, segments, cards) chart `id` drew last time; 0 before it is drawn.
    #[wasm_bindgen(js_name = markCount)]
    pub fn mark_count(&self, id: &str) -> usize {
        self.geometry.get(id).map_or(0, |g| g.marks.len())
    }
}

impl Story {
    /// What chart `id` drew last time, in CSS pixels (for hit-testing and for checks in the browser).
    pub fn geometry(&self, id: &str) -> Option<&Geometry> {
        self.geometry.get(id)
    }
}

/// Measures with the canvas' own text metrics, in the exact font string plotters-canvas draws with.
struct CanvasMeasure<'a> {
    ctx: &'a CanvasRenderingContext2d,
    cache: &'a RefCell<HashMap<String, f64>>,
}

impl Measure for CanvasMeasure<'_> {
    fn width(&self, text: &str, font: Font) -> f64 {
        let css = format!("{} {}px {}", if font.bold { "bold" } else { "normal" }, font.size, FONT_FAMILY);
        let key = format!("{css}\u{0}{text}");
        if let Some(w) = self.cache.borrow().get(&key) {
            return *w;
        }
        self.ctx.set_font(&css);
        let w = self.ctx.measure_text(text).map_or_else(|_| model::ApproxMeasure.width(text, font), |m| m.width());
        self.cache.borrow_mut().insert(key, w);
        w
    }
}

/// plotters-canvas sizes drawings by the canvas' backing pixels; this reports CSS pixels instead
/// (the context is already scaled by the device pixel ratio), so charts are sharp at any DPR.
struct CssPixels {
    inner: CanvasBackend,
    size: (u32, u32),
}

type CanvasResult = Result<(), DrawingErrorKind<<CanvasBackend as DrawingBackend>::ErrorType>>;

impl DrawingBackend for CssPixels {
    type ErrorType = <CanvasBackend as DrawingBackend>::ErrorType;

    fn get_size(&self) -> (u32, u32) {
        self.size
    }
    fn ensure_prepared(&mut self) -> CanvasResult {
        self.inner.ensure_prepared()
    }
    fn present(&mut self) -> CanvasResult {
        self.inner.present()
    }
    fn draw_pixel(&mut self, point: BackendCoord, color: BackendColor) -> CanvasResult {
        self.inner.draw_pixel(point, color)
    }
    fn draw_line<S: BackendStyle>(&mut self, from: BackendCoord, to: BackendCoord, style: &S) -> CanvasResult {
        self.inner.draw_line(from, to, style)
    }
    fn draw_rect<S: BackendStyle>(
        &mut self,
        ul: BackendCoord,
        br: BackendCoord,
        style: &S,
        fill: bool,
    ) -> CanvasResult {
        self.inner.draw_rect(ul, br, style, fill)
    }
    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(&mut self, path: I, style: &S) -> CanvasResult {
        self.inner.draw_path(path, style)
    }
    fn draw_circle<S: BackendStyle>(&mut self, c: BackendCoord, r: u32, style: &S, fill: bool) -> CanvasResult {
        self.inner.draw_circle(c, r, style, fill)
    }
    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> CanvasResult {
        self.inner.fill_polygon(vert, style)
    }
    fn draw_text<S: BackendTextStyle>(&mut self, text: &str, style: &S, pos: BackendCoord) -> CanvasResult {
        self.inner.draw_text(text, style, pos)
    }
}
