//! Browser glue: the only code that touches wasm-bindgen, web-sys and the canvas.

mod canvas;
#[cfg(feature = "editor")]
mod editor;

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::data::json::Json;
use crate::data::table::Table;
use crate::data::{self, Dataset};
use crate::describe;
#[cfg(feature = "svg")]
use crate::export;
#[cfg(feature = "svg")]
use crate::figure_csv;
use crate::geo::{GeoMap, MapData};
use crate::hit;
use crate::i18n::Lang;
use crate::model::{self, outline, View};
use crate::render::Geometry;
use crate::theme::Theme;
use crate::time::Time;
use crate::view::ViewState;
use canvas::Part;

#[global_allocator]
static ALLOCATOR: lol_alloc::LockedAllocator<lol_alloc::FreeListAllocator> =
    lol_alloc::LockedAllocator::new(lol_alloc::FreeListAllocator::new());

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

/// One chart as last drawn: its canvas, its layout at the current width, and the reader's marks on it.
#[derive(Debug)]
struct Drawn {
    /// The canvas and its context, kept: a repaint (every click and hover) asks the browser for it no more.
    surface: canvas::Surface,
    model: model::ChartModel,
    geometry: Geometry,
    dpr: f64,
    /// True for charts outside any region's section (the map, the overview), which show the selection.
    shows_selection: bool,
    hover: Option<usize>,
    focus: Option<usize>,
    pinned: Option<usize>,
    /// Where the chart's time cursor stands (charts over time).
    time: Option<Time>,
    /// The layout's shapes as the browser's paths, made on the first paint and kept for repaints.
    paths: canvas::Paths,
}

/// Which part of a chart a change of the view repaints.
#[derive(Debug, Clone, Copy)]
enum Repaint {
    /// The chart (and its layer).
    Chart,
    /// What follows the pointer: its layer alone where it has one.
    Pointer,
}

/// A loaded, validated story: the shell asks it for the outline, to draw each chart, and to follow the reader.
#[wasm_bindgen]
#[derive(Debug)]
pub struct Story {
    dataset: Dataset,
    map: Option<GeoMap>,
    /// Text widths by font and string: the canvas measures each label once, not per redraw.
    widths: RefCell<Table<f64>>,
    charts: Table<Drawn>,
    /// The layers over charts whose kind draws what follows the pointer apart (`Kind::LAYERED`), by
    /// chart id: kept across draws, as the page keeps the canvases.
    layers: Table<canvas::Surface>,
    /// The reader's view: the selection, the pinned mark, the time cursor. The page's script asks
    /// for it and keeps none of its own.
    view: ViewState,
    theme: Theme,
}

/// A JavaScript value of the same shape, for the page's script.
fn to_js(v: &Json) -> JsValue {
    match v {
        Json::Null => JsValue::NULL,
        Json::Bool(b) => JsValue::from_bool(*b),
        Json::Num(n) => JsValue::from_f64(*n),
        Json::Str(s) => JsValue::from_str(s),
        Json::Arr(items) => items.iter().map(to_js).collect::<js_sys::Array>().into(),
        Json::Obj(fields) => {
            let o = js_sys::Object::new();
            for (k, v) in fields {
                // Setting a plain property on a fresh object cannot fail.
                let _ = js_sys::Reflect::set(&o, &JsValue::from_str(k), &to_js(v));
            }
            o.into()
        }
    }
}

fn view_to_js(v: &ViewState) -> JsValue {
    to_js(&data::json::object(&[
        ("region", v.region.as_ref().into()),
        ("chart", v.chart.as_ref().into()),
        ("mark", v.mark.as_ref().into()),
        ("time", v.time.map(|t| t.to_string()).as_ref().into()),
    ]))
}

fn rows_to_js(rows: &[describe::MarkInfo]) -> JsValue {
    rows.iter().map(|r| to_js(&r.to_json())).collect::<js_sys::Array>().into()
}

fn js_err(msg: impl std::fmt::Display) -> JsError {
    JsError::new(&msg.to_string())
}

/// `-1` for "none" across the JS boundary.
fn index(i: i32) -> Option<usize> {
    usize::try_from(i).ok()
}

#[wasm_bindgen]
impl Story {
    /// Takes the dataset's JSON text, validates it and puts it in language `lang` (`en`, `zh`; the
    /// story's own language when `undefined`).
    /// Throws an `Error` whose message names the field and says what was expected.
    #[wasm_bindgen(constructor)]
    // wasm-bindgen hands an optional string over by value; there is no borrowed form.
    #[allow(clippy::needless_pass_by_value)]
    pub fn new(json: &str, lang: Option<String>) -> Result<Story, JsError> {
        let dataset = data::from_json(json).map_err(js_err)?;
        let lang = match lang.as_deref() {
            None | Some("") => data::localize::base(&dataset),
            Some(code) => Lang::parse(code).ok_or_else(|| {
                js_err(format!("the language \"{code}\" is not one this graphic speaks; use \"en\" or \"zh\""))
            })?,
        };
        let dataset = data::localize::localize(&dataset, lang).map_err(js_err)?;
        Ok(Story {
            dataset,
            map: None,
            widths: RefCell::new(Table::default()),
            charts: Table::default(),
            layers: Table::default(),
            view: ViewState::default(),
            theme: Theme::LIGHT,
        })
    }

    /// Takes the JSON text of the boundaries file named by `story.map`; map charts drawn after this show it.
    #[wasm_bindgen(js_name = setMap)]
    pub fn set_map(&mut self, json: &str) -> Result<(), JsError> {
        let parsed = MapData::from_json(json).map_err(|e| js_err(format!("the map file, {e}")))?;
        self.map = Some(GeoMap::new(&parsed, &self.dataset).map_err(|e| js_err(format!("the map file, {e}")))?);
        Ok(())
    }

    /// Switches between the `light` and `dark` colours; charts are drawn in them from their next draw.
    #[wasm_bindgen(js_name = setTheme)]
    pub fn set_theme(&mut self, name: &str) {
        self.theme = Theme::named(name);
    }

    /// Title, dek and the sections with their charts, for the shell to build the page from.
    pub fn outline(&self) -> Result<JsValue, JsError> {
        Ok(to_js(&outline::outline(&self.dataset, self.map.as_ref()).to_json()))
    }

    /// Lays out chart `id` at `css_width` CSS pixels, sizes `canvas` for device pixel ratio `dpr`
    /// and draws it; returns the chart's height in CSS pixels.
    pub fn draw(&mut self, id: &str, canvas: &HtmlCanvasElement, css_width: f64, dpr: f64) -> Result<f64, JsError> {
        let (context, model, dpr) = self.layout_onto(id, canvas, css_width, dpr, model::Titles::OnPage)?;
        let chart_region = self.dataset.charts.iter().find(|c| c.id == id).and_then(|c| c.region.clone());
        let marks = model.marks();
        let shows_selection = chart_region.is_none() && !marks.is_empty();
        let count = marks.len();
        let keep = |old: Option<usize>| old.filter(|i| *i < count);
        let (hover, focus, pinned, time) = match self.charts.get(id) {
            Some(d) => (keep(d.hover), keep(d.focus), keep(d.pinned), d.time),
            None => (None, None, None, None),
        };
        let time = time.filter(|t| model.body.time_x(*t).is_some());
        let height = model.height;
        let geometry = Geometry { width: model.width, height, marks, labels: Vec::new() };
        if let Some(layer) = self.layers.get(id) {
            layer.canvas.set_width(canvas.width());
            layer.canvas.set_height(canvas.height());
        }
        let drawn = Drawn {
            surface: canvas::Surface { canvas: canvas.clone(), context },
            model,
            geometry,
            dpr,
            shows_selection,
            hover,
            focus,
            pinned,
            time,
            paths: canvas::Paths::default(),
        };
        self.charts.set(id.to_string(), drawn);
        self.paint(id)?;
        Ok(height)
    }

    /// Gives chart `id` a layer over its canvas, the same size and transparent, for what follows the
    /// pointer (the hovered line, the time cursor): a pointer's move then repaints the layer alone.
    /// Only for kinds the outline calls `layered`; sized and painted from the chart's next draw.
    #[wasm_bindgen(js_name = setLayer)]
    pub fn set_layer(&mut self, id: &str, layer: &HtmlCanvasElement) -> Result<(), JsError> {
        let context = context_of(layer, true, "layer")?;
        self.layers.set(id.to_string(), canvas::Surface { canvas: layer.clone(), context });
        Ok(())
    }

    /// The index of the mark under `(x, y)` in CSS pixels from the canvas' top left, or -1.
    pub fn hit(&self, id: &str, x: f64, y: f64) -> i32 {
        self.charts
            .get(id)
            .and_then(|d| d.model.body.hit(&d.geometry.marks, x, y))
            .and_then(|i| i32::try_from(i).ok())
            .unwrap_or(-1)
    }

    /// How many marks (bars, columns, segments, cards, regions) chart `id` drew; 0 before it is drawn.
    #[wasm_bindgen(js_name = markCount)]
    pub fn mark_count(&self, id: &str) -> usize {
        self.charts.get(id).map_or(0, |d| d.geometry.marks.len())
    }

    /// The index of the first mark of chart `id` standing for figure or region `mark_id`, or -1.
    #[wasm_bindgen(js_name = indexOf)]
    pub fn index_of(&self, id: &str, mark_id: &str) -> i32 {
        self.charts
            .get(id)
            .and_then(|d| d.geometry.marks.iter().position(|m| m.id == mark_id))
            .and_then(|i| i32::try_from(i).ok())
            .unwrap_or(-1)
    }

    /// The keyboard-focused mark of chart `id`, or -1.
    pub fn focused(&self, id: &str) -> i32 {
        self.charts.get(id).and_then(|d| d.focus).and_then(|i| i32::try_from(i).ok()).unwrap_or(-1)
    }

    /// The mark after (`step` 1) or before (-1) the focused one, wrapping; -1 when the chart has none.
    #[wasm_bindgen(js_name = stepFocus)]
    pub fn step_focus(&self, id: &str, step: i32) -> i32 {
        self.charts
            .get(id)
            .and_then(|d| hit::step(d.geometry.marks.len(), d.focus, step as isize))
            .and_then(|i| i32::try_from(i).ok())
            .unwrap_or(-1)
    }

    /// Sets the hovered mark (-1 for none); repaints and returns true only if that changed the picture.
    #[wasm_bindgen(js_name = setHover)]
    pub fn set_hover(&mut self, id: &str, i: i32) -> Result<bool, JsError> {
        self.update(id, |d| &mut d.hover, index(i), Repaint::Pointer)
    }

    /// Sets the keyboard-focused mark (-1 for none); its ring is drawn on the canvas.
    #[wasm_bindgen(js_name = setFocus)]
    pub fn set_focus(&mut self, id: &str, i: i32) -> Result<bool, JsError> {
        self.update(id, |d| &mut d.focus, index(i), Repaint::Chart)
    }

    /// Sets the pinned mark (-1 for none).
    #[wasm_bindgen(js_name = setPinned)]
    pub fn set_pinned(&mut self, id: &str, i: i32) -> Result<bool, JsError> {
        self.update(id, |d| &mut d.pinned, index(i), Repaint::Chart)
    }

    /// Selects a region by id (or none, with `undefined`) and repaints the charts that show the selection.
    /// An unknown id is refused, so a hand-edited link cannot put the page in a state it cannot show.
    pub fn select(&mut self, region: Option<String>) -> Result<bool, JsError> {
        if let Some(r) = &region {
            if !self.dataset.regions.iter().any(|x| &x.id == r) {
                return Err(js_err(format!("the story has no region \"{r}\"")));
            }
        }
        if self.view.region == region {
            return Ok(false);
        }
        let from = std::mem::replace(&mut self.view.region, region);
        let to = self.view.region.as_deref();
        let ids: Vec<String> = self
            .charts
            .iter()
            .filter(|(_, d)| d.shows_selection && !model::same_look(&d.geometry.marks, from.as_deref(), to))
            .map(|(id, _)| id.clone())
            .collect();
        for id in ids {
            self.paint(&id)?;
        }
        Ok(true)
    }

    /// The selected region's id, if any.
    pub fn selected(&self) -> Option<String> {
        self.view.region.clone()
    }

    /// The reader's view: `{region, chart, mark, time}`, each a string or null.
    pub fn view(&self) -> JsValue {
        view_to_js(&self.view)
    }

    /// The time nearest `x` (CSS pixels from the canvas' left) on chart `id`'s time axis, as the
    /// address writes it (`1998`, `2020-03`); `undefined` for a chart without one.
    #[wasm_bindgen(js_name = timeAt)]
    pub fn time_at(&self, id: &str, x: f64) -> Option<String> {
        self.charts.get(id).and_then(|d| d.model.body.time_at(x)).map(|t| t.to_string())
    }

    /// Puts chart `id`'s time cursor at `time` (`undefined`: none); a time the chart does not have
    /// is none. Repaints and returns true only if that changed the picture.
    #[wasm_bindgen(js_name = setCursor)]
    // wasm-bindgen hands an optional string over by value.
    #[allow(clippy::needless_pass_by_value)]
    pub fn set_cursor(&mut self, id: &str, time: Option<String>) -> Result<bool, JsError> {
        let d = self.charts.get_mut(id).ok_or_else(|| js_err(format!("chart \"{id}\" is not drawn yet")))?;
        let t = time.as_deref().and_then(Time::parse).filter(|t| d.model.body.time_x(*t).is_some());
        if d.time == t {
            return Ok(false);
        }
        d.time = t;
        self.paint_pointer(id)?;
        Ok(true)
    }

    /// Follows a pointer at `(x, y)` on chart `id`: its cursor to the time nearest `x` and the mark
    /// under the pointer hovered, in one repaint (none when neither changed). Returns the hovered
    /// mark, or -1.
    pub fn follow(&mut self, id: &str, x: f64, y: f64) -> Result<i32, JsError> {
        let d = self.charts.get_mut(id).ok_or_else(|| js_err(format!("chart \"{id}\" is not drawn yet")))?;
        let time = d.model.body.time_at(x);
        let hover = d.model.body.hit(&d.geometry.marks, x, y);
        let index = hover.and_then(|i| i32::try_from(i).ok()).unwrap_or(-1);
        if d.time == time && d.hover == hover {
            return Ok(index);
        }
        (d.time, d.hover) = (time, hover);
        self.paint_pointer(id)?;
        Ok(index)
    }

    /// The time `step` places after (before, when negative) chart `id`'s cursor, or its first (last)
    /// time where it has none; `undefined` for a chart without a time axis.
    #[wasm_bindgen(js_name = stepCursor)]
    pub fn step_cursor(&self, id: &str, step: i32) -> Option<String> {
        let d = self.charts.get(id)?;
        d.model.body.step_time(d.time, step as isize).map(|t| t.to_string())
    }

    /// What chart `id` shows at its cursor: `{time, at, x, rows}`, the time as a reader reads it and
    /// as the address writes it, the cursor's x, and one row per line, largest value first: its
    /// `id`, `color`, `title`, `value` and `source`, as `markInfo` says them; `null` without a cursor.
    #[wasm_bindgen(js_name = cursorInfo)]
    pub fn cursor_info(&self, id: &str) -> Result<JsValue, JsError> {
        let Some((t, x)) = self.charts.get(id).and_then(|d| {
            let t = d.time?;
            d.model.body.time_x(t).map(|x| (t, x))
        }) else {
            return Ok(JsValue::NULL);
        };
        let c = self.chart(id)?;
        let figures = model::chart_figures(&self.dataset, c);
        let input = crate::kinds::Input { d: &self.dataset, chart: c, figures: &figures, map: None };
        // What the tooltip writes and no more: a cursor follows the pointer across 50 lines, and each
        // field is a call into JavaScript.
        let row = |r: &describe::MarkInfo| {
            data::json::object(&[
                ("id", (&r.id).into()),
                ("color", r.color.as_ref().into()),
                ("title", (&r.title).into()),
                ("value", (&r.value).into()),
                ("source", r.source.as_ref().into()),
            ])
        };
        // The lines the reader points at are drawn in their colours, grey ones too: so are their swatches.
        let pointed: Vec<&str> = self.charts.get(id).map_or_else(Vec::new, |d| {
            [d.hover, d.pinned, d.focus]
                .into_iter()
                .flatten()
                .filter_map(|i| d.geometry.marks.get(i))
                .map(|m| m.id.as_str())
                .collect()
        });
        let rows: Vec<Json> = c
            .kind
            .at_time(&input, t)
            .into_iter()
            .map(|r| {
                let mut r = self.as_drawn(r);
                if r.color.is_none() && pointed.contains(&r.id.as_str()) {
                    r.color = self.dataset.regions.iter().find(|x| x.id == r.id).map(|x| x.color.clone());
                }
                row(&r)
            })
            .collect();
        Ok(to_js(&data::json::object(&[
            ("time", t.label(self.dataset.lang).as_str().into()),
            ("at", t.to_string().as_str().into()),
            ("x", Json::Num(x)),
            ("rows", Json::Arr(rows)),
        ])))
    }

    /// Records that chart `chart`'s cursor is pinned at `time` (`undefined`: not pinned), for the address.
    #[wasm_bindgen(js_name = pinTime)]
    // wasm-bindgen hands optional strings over by value.
    #[allow(clippy::needless_pass_by_value)]
    pub fn pin_time(&mut self, chart: Option<String>, time: Option<String>) {
        if chart.is_some() && chart != self.view.chart {
            self.view.mark = None;
        }
        self.view.time = time.as_deref().and_then(Time::parse).filter(|_| chart.is_some());
        if chart.is_some() || self.view.mark.is_none() {
            self.view.chart = chart;
        }
    }

    /// Records that mark `mark` (a figure's or region's id) is pinned on chart `chart`, or that no
    /// mark is (`undefined`). A cursor's time stays while the chart does.
    #[wasm_bindgen(js_name = setPin)]
    // wasm-bindgen hands optional strings over by value.
    #[allow(clippy::needless_pass_by_value)]
    pub fn set_pin(&mut self, chart: Option<String>, mark: Option<String>) {
        if chart != self.view.chart {
            self.view.time = None;
        }
        self.view.chart = chart;
        self.view.mark = mark.filter(|_| self.view.chart.is_some());
    }

    /// The view an address' fragment (`#region=jilin&chart=…&mark=…&time=…`) names, with what this
    /// story lacks left out; it is not applied (the page applies it, region and pin, as for a click).
    #[wasm_bindgen(js_name = readFragment)]
    pub fn read_fragment(&self, fragment: &str) -> JsValue {
        view_to_js(&ViewState::from_fragment(fragment).known_in(&self.dataset))
    }

    /// The fragment that restores the current view, `#…`; empty when nothing is chosen.
    pub fn fragment(&self) -> String {
        self.view.to_fragment()
    }

    /// The rows of chart `id`'s table: each figure in words (for a map, each region).
    #[wasm_bindgen(js_name = chartRows)]
    pub fn chart_rows(&self, id: &str) -> Result<JsValue, JsError> {
        let c = self.chart(id)?;
        // A map that shows one time at once lists every region's value at the time it shows.
        let shown = self.charts.get(id).and_then(|d| d.time);
        let figures = model::chart_figures(&self.dataset, c);
        let input = crate::kinds::Input { d: &self.dataset, chart: c, figures: &figures, map: self.map.as_ref() };
        match shown.filter(|_| cfg!(feature = "series") && !c.kind.slider(&input).is_empty()) {
            Some(t) => Ok(rows_to_js(&c.kind.at_time(&input, t))),
            None => Ok(rows_to_js(&describe::rows(&self.dataset, c))),
        }
    }

    /// Every figure of the story in words, in the story's language, for the whole-story table.
    #[wasm_bindgen(js_name = figureRows)]
    pub fn figure_rows(&self) -> Result<JsValue, JsError> {
        let rows: Vec<describe::MarkInfo> =
            self.dataset.figures.iter().map(|f| describe::figure(&self.dataset, f)).collect();
        Ok(rows_to_js(&rows))
    }

    /// Chart `id` as an SVG document, as it is laid out now (call after `draw`). Only in the
    /// downloads build (feature `svg`), which the page loads on the first SVG download.
    #[cfg(feature = "svg")]
    #[wasm_bindgen(js_name = chartSvg)]
    pub fn chart_svg(&self, id: &str) -> Result<String, JsError> {
        let d = self.charts.get(id).ok_or_else(|| js_err(format!("chart \"{id}\" is not drawn yet")))?;
        // The file stands on its own: its titles and source are drawn, as the page writes them.
        let model = self.model(id, &d.surface.context, d.model.width, model::Titles::Drawn)?;
        export::chart_file(&model).map_err(js_err)
    }

    /// The whole story as one SVG document at `css_width`, measured with `canvas`' fonts (feature `svg`).
    #[cfg(feature = "svg")]
    #[wasm_bindgen(js_name = storySvg)]
    pub fn story_svg(&self, canvas: &HtmlCanvasElement, css_width: f64) -> Result<String, JsError> {
        let ctx = context(canvas)?;
        let measure = canvas::CanvasMeasure::new(&ctx, &self.widths);
        export::story_svg(&self.dataset, self.map.as_ref(), css_width.max(model::MIN_WIDTH), &measure, &self.theme)
            .map_err(js_err)
    }

    /// The figures of chart `id` (or of the whole story, with `undefined`) as CSV with a byte-order
    /// mark. In the downloads build (feature `svg`) with the other files: a reader who never
    /// downloads does not pay for its 1 kB (gzipped) in the page's engine.
    #[cfg(feature = "svg")]
    pub fn csv(&self, id: Option<String>) -> Result<String, JsError> {
        let d = &self.dataset;
        // A chart of series gives its series; a story of series alone gives them all.
        let series: Vec<&data::Series> = match &id {
            Some(id) => crate::kinds::series::drawn(d, self.chart(id)?),
            None if d.figures.is_empty() => d.series.iter().collect(),
            None => Vec::new(),
        };
        if !series.is_empty() {
            return Ok(figure_csv::series_csv(d, &series));
        }
        let figures: Vec<&data::Figure> = match id {
            Some(id) => model::chart_figures(d, self.chart(&id)?),
            None => d.figures.iter().collect(),
        };
        Ok(figure_csv::csv(d, &figures))
    }

    /// The language the story is drawn in: `en` or `zh`.
    pub fn language(&self) -> String {
        self.dataset.lang.code().to_string()
    }

    /// The story's id, the first part of every download's file name.
    #[wasm_bindgen(js_name = storyId)]
    pub fn story_id(&self) -> String {
        self.dataset.story.id.clone()
    }

    /// The id of mark `i` of chart `id` (a figure's, a region's, a line's entity); `undefined` where
    /// it has none. What `markInfo` says too, without its words.
    #[wasm_bindgen(js_name = markId)]
    pub fn mark_id(&self, id: &str, i: i32) -> Option<String> {
        self.charts.get(id).and_then(|d| d.geometry.marks.get(index(i)?)).map(|m| m.id.clone())
    }

    /// What a tooltip or info panel says about mark `i` of chart `id`, and where the mark is.
    #[wasm_bindgen(js_name = markInfo)]
    pub fn mark_info(&self, id: &str, i: i32) -> Result<JsValue, JsError> {
        let mark = self
            .charts
            .get(id)
            .and_then(|d| d.geometry.marks.get(index(i)?))
            .ok_or_else(|| js_err(format!("chart \"{id}\" has no mark {i}")))?;
        let c = self.chart(id)?;
        let figures = model::chart_figures(&self.dataset, c);
        let input = crate::kinds::Input { d: &self.dataset, chart: c, figures: &figures, map: self.map.as_ref() };
        // On a chart over time with its cursor set, a line is told at the cursor's time.
        let at_cursor = self
            .charts
            .get(id)
            .and_then(|d| d.time)
            .and_then(|t| c.kind.at_time(&input, t).into_iter().find(|r| r.id == mark.id));
        let info =
            at_cursor.or_else(|| c.kind.mark_info(&input, mark)).unwrap_or_else(|| describe::mark(&self.dataset, mark));
        let info = describe::MarkInfo { rect: [mark.rect.x, mark.rect.y, mark.rect.w, mark.rect.h], ..info };
        Ok(to_js(&self.as_drawn(info).to_json()))
    }

    /// What a tooltip or info panel says about figure `id`: for the cards, which the page writes as
    /// HTML and the engine does not draw.
    #[wasm_bindgen(js_name = figureInfo)]
    pub fn figure_info(&self, id: &str) -> Result<JsValue, JsError> {
        let f = self.dataset.figure(id).ok_or_else(|| js_err(format!("the story has no figure \"{id}\"")))?;
        Ok(to_js(&describe::figure(&self.dataset, f).to_json()))
    }
}

impl Story {
    /// `info` with the colour its mark is drawn in: a grey line of context is drawn in its region's
    /// colour while that region is the page's selection, and its tooltip's swatch then is too.
    fn as_drawn(&self, mut info: describe::MarkInfo) -> describe::MarkInfo {
        if info.kind == "series" && info.color.is_none() && self.view.region.as_ref() == Some(&info.id) {
            info.color = self.dataset.regions.iter().find(|r| r.id == info.id).map(|r| r.color.clone());
        }
        info
    }

    /// Lays out chart `id` at `css_width` CSS pixels, measuring its text with `ctx`'s fonts.
    fn model(
        &self,
        id: &str,
        ctx: &CanvasRenderingContext2d,
        css_width: f64,
        titles: model::Titles,
    ) -> Result<model::ChartModel, JsError> {
        let measure = canvas::CanvasMeasure::new(ctx, &self.widths);
        model::build(&self.dataset, self.map.as_ref(), id, css_width, &measure, &self.theme, titles).ok_or_else(|| {
            match self.chart(id) {
                // The page engine leaves cards to the page's HTML and to the downloads' engine.
                Ok(c) if c.kind == data::ChartKind::Cards => {
                    js_err(format!("chart \"{id}\" is cards, which the page writes as HTML and downloads draw"))
                }
                _ => js_err(format!("the story has no chart with id \"{id}\"")),
            }
        })
    }

    /// Lays out chart `id` at `css_width` with `canvas`' fonts and sizes the canvas' backing store
    /// for the pixel ratio (kept between 1 and 4); returns the context, the layout and that ratio.
    fn layout_onto(
        &self,
        id: &str,
        canvas: &HtmlCanvasElement,
        css_width: f64,
        dpr: f64,
        titles: model::Titles,
    ) -> Result<(CanvasRenderingContext2d, model::ChartModel, f64), JsError> {
        let ctx = context(canvas)?;
        let model = self.model(id, &ctx, css_width, titles)?;
        let dpr = if dpr.is_finite() && dpr > 0.0 { dpr.min(4.0) } else { 1.0 };
        canvas.set_width((model.width * dpr).round() as u32);
        canvas.set_height((model.height * dpr).round() as u32);
        Ok((ctx, model, dpr))
    }

    fn chart(&self, id: &str) -> Result<&data::Chart, JsError> {
        self.dataset
            .charts
            .iter()
            .find(|c| c.id == id)
            .ok_or_else(|| js_err(format!("the story has no chart \"{id}\"")))
    }

    /// What chart `id` drew last time, in CSS pixels (for checks in the browser).
    pub fn geometry(&self, id: &str) -> Option<Geometry> {
        let d = self.charts.get(id)?;
        Some(Geometry { labels: d.model.labels().iter().map(|l| l.bbox()).collect(), ..d.geometry.clone() })
    }

    fn update(
        &mut self,
        id: &str,
        field: fn(&mut Drawn) -> &mut Option<usize>,
        value: Option<usize>,
        repaint: Repaint,
    ) -> Result<bool, JsError> {
        let d = self.charts.get_mut(id).ok_or_else(|| js_err(format!("chart \"{id}\" is not drawn yet")))?;
        let value = value.filter(|i| *i < d.geometry.marks.len());
        let slot = field(d);
        if *slot == value {
            return Ok(false);
        }
        *slot = value;
        match repaint {
            Repaint::Chart => self.paint(id)?,
            Repaint::Pointer => self.paint_pointer(id)?,
        }
        Ok(true)
    }

    /// Redraws a chart from its stored layout: no re-parsing, no re-layout, only the view changes.
    fn paint(&self, id: &str) -> Result<(), JsError> {
        let d = self.charts.get(id).ok_or_else(|| js_err(format!("chart \"{id}\" is not drawn yet")))?;
        let view = self.view_of(d);
        let marks = &d.geometry.marks;
        match self.layer(id, d) {
            Some(layer) => {
                canvas::render_on(&d.surface, Part::Chart, &d.model, marks, d.dpr, &view, &d.paths)?;
                canvas::render_on(layer, Part::Pointer, &d.model, marks, d.dpr, &view, &d.paths)
            }
            None => canvas::render_on(&d.surface, Part::Whole, &d.model, marks, d.dpr, &view, &d.paths),
        }
    }

    /// Redraws what follows the pointer: on its layer alone where the chart has one, else the chart.
    fn paint_pointer(&self, id: &str) -> Result<(), JsError> {
        let d = self.charts.get(id).ok_or_else(|| js_err(format!("chart \"{id}\" is not drawn yet")))?;
        match self.layer(id, d) {
            Some(layer) => {
                let view = self.view_of(d);
                canvas::render_on(layer, Part::Pointer, &d.model, &d.geometry.marks, d.dpr, &view, &d.paths)
            }
            None => self.paint(id),
        }
    }

    /// The layer over chart `id` (drawn as `d`) that holds what follows the pointer, where its kind
    /// draws that apart and the page gave it one.
    fn layer(&self, id: &str, d: &Drawn) -> Option<&canvas::Surface> {
        self.layers.get(id).filter(|_| d.model.body.layered())
    }

    /// What the reader is doing with chart `d`, as its drawing wants it.
    fn view_of<'a>(&'a self, d: &Drawn) -> View<'a> {
        View {
            selected: if d.shows_selection { self.view.region.as_deref() } else { None },
            hover: d.hover,
            focus: d.focus,
            pinned: d.pinned,
            time: d.time,
        }
    }
}

/// The chart canvas' 2D context. Opaque: every chart paints its background first, and an opaque
/// canvas needs no blending with the page. Only the first call's settings count; plotters-canvas'
/// own call gets the same.
fn context(canvas: &HtmlCanvasElement) -> Result<CanvasRenderingContext2d, JsError> {
    context_of(canvas, false, "canvas")
}

/// `canvas`' 2D context, with an alpha channel where `transparent` (a layer over a chart); `what`
/// names the canvas in the message where the browser gives none.
fn context_of(canvas: &HtmlCanvasElement, transparent: bool, what: &str) -> Result<CanvasRenderingContext2d, JsError> {
    let settings = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&settings, &JsValue::from_str("alpha"), &JsValue::from_bool(transparent));
    canvas
        .get_context_with_context_options("2d", &settings)
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
        .ok_or_else(|| js_err(format!("this browser gave no 2D drawing context for the chart's {what}")))
}
