//! In a real browser (wasm-bindgen-test in headless Chromium): every chart draws onto a canvas,
//! and the backing store follows the device pixel ratio.
#![cfg(target_arch = "wasm32")]

use datastory::model::{self, Measure, Titles};
use datastory::theme::{Font, Theme, FONT_FAMILY};
use datastory::web::Story;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

wasm_bindgen_test_configure!(run_in_browser);

#[path = "common/whole.rs"]
mod whole;

const STORY: &str = include_str!("../data/story.json");
const MAP: &str = include_str!("../data/map/northeast-china.json");

/// The story with the tests' bar chart `bounds` after its first chart, as tests/common/mod.rs
/// makes it natively (tests/fixtures/bounds.json says why the story itself has no bars).
fn fixture_text() -> String {
    use js_sys::{Array, Object, Reflect, JSON};
    let get = |o: &wasm_bindgen::JsValue, k: &str| Reflect::get(o, &k.into()).expect("a field");
    let story = JSON::parse(STORY).expect("the story is JSON");
    let bounds = JSON::parse(include_str!("fixtures/bounds.json")).expect("the fixture is JSON");
    let charts: Array = get(&story, "charts").into();
    charts.splice(1, 0, &get(&bounds, "chart"));
    let zh: Object = get(&get(&story, "translations"), "zh").into();
    Object::assign(&zh, &get(&bounds, "zh").into());
    JSON::stringify(&story).expect("stringified").into()
}

fn story() -> Story {
    let mut s = Story::new(&fixture_text(), None).unwrap_or_else(|_| panic!("the story does not load in the browser"));
    s.set_map(MAP).unwrap_or_else(|_| panic!("the map joins the story"));
    s
}

fn pixels(c: &HtmlCanvasElement) -> Vec<u8> {
    let ctx: CanvasRenderingContext2d = c.get_context("2d").ok().flatten().expect("2d").dyn_into().expect("2d context");
    ctx.get_image_data(0.0, 0.0, f64::from(c.width()), f64::from(c.height())).expect("pixels").data().to_vec()
}

fn canvas() -> HtmlCanvasElement {
    let doc = web_sys::window().and_then(|w| w.document()).expect("a document");
    let c: HtmlCanvasElement = doc.create_element("canvas").expect("canvas").dyn_into().expect("a canvas element");
    doc.body().expect("body").append_child(&c).expect("attached");
    c
}

/// Share of pixels that differ from the white background.
fn inked_share(c: &HtmlCanvasElement) -> f64 {
    let ctx: CanvasRenderingContext2d = c.get_context("2d").ok().flatten().expect("2d").dyn_into().expect("2d context");
    let img = ctx.get_image_data(0.0, 0.0, f64::from(c.width()), f64::from(c.height())).expect("pixels");
    let px = img.data();
    let inked = px.chunks_exact(4).filter(|p| p[0] < 250 || p[1] < 250 || p[2] < 250).count();
    inked as f64 / (px.len() / 4) as f64
}

const CHARTS: [&str; 11] = [
    "map",
    "bounds",
    "briefing",
    "jilin-gdp-growth",
    "jilin-auto-sales",
    "jilin-standouts",
    "heilongjiang-trade",
    "liaoning-activity",
    "liaoning-standouts",
    "inner-mongolia-renewables",
    "inner-mongolia-coal",
];

#[wasm_bindgen_test]
fn every_chart_draws_onto_a_real_canvas() {
    let mut s = story();
    for id in CHARTS {
        let c = canvas();
        let h = s.draw(id, &c, 360.0, 1.0).unwrap_or_else(|_| panic!("{id} failed to draw"));
        assert!(h > 60.0, "{id} is only {h}px tall");
        // The page writes the headline, dek and source around the canvas; a download (SVG, and the
        // PNG made from it) draws them.
        let svg = s.chart_svg(id).unwrap_or_else(|_| panic!("{id}: no SVG"));
        let copy: f64 = svg
            .split_once(" height=\"")
            .and_then(|(_, rest)| rest.split('"').next())
            .and_then(|h| h.parse().ok())
            .unwrap_or_else(|| panic!("{id}: the SVG has no height"));
        assert!(copy > h + 60.0, "{id}: the download ({copy}px) is not the page's chart ({h}px) with its titles");
        assert_eq!(c.width(), 360);
        let share = inked_share(&c);
        assert!(share > 0.01, "{id}: only {share} of the canvas is drawn on");
        assert!(s.mark_count(id) > 0, "{id} reports no marks");
    }
}

#[wasm_bindgen_test]
fn with_real_fonts_no_label_overlaps_or_leaves_the_canvas() {
    let mut s = story();
    for id in CHARTS {
        for width in [280.0, 320.0, 375.0, 560.0, 1200.0] {
            s.draw(id, &canvas(), width, 2.0).unwrap_or_else(|_| panic!("{id} failed to draw"));
            let g = s.geometry(id).expect("geometry after drawing");
            for (i, a) in g.labels.iter().enumerate() {
                assert!(
                    a.x >= -0.5 && a.right() <= g.width + 0.5 && a.y >= -0.5 && a.bottom() <= g.height + 0.5,
                    "{id} at {width}: label {i} leaves the canvas: {a:?}"
                );
                for b in g.labels.iter().skip(i + 1) {
                    assert!(!a.overlaps(b), "{id} at {width}: labels overlap: {a:?} and {b:?}");
                }
            }
        }
    }
}

#[wasm_bindgen_test]
fn interactions_repaint_the_canvas_without_a_new_layout() {
    let mut s = story();
    let c = canvas();
    s.draw("bounds", &c, 640.0, 2.0).expect("draws");
    let before = pixels(&c);
    assert!(s.set_hover("bounds", 1).expect("hover"), "hovering a bar changes the picture");
    assert!(!s.set_hover("bounds", 1).expect("hover"), "the same hover again changes nothing");
    let hovered = pixels(&c);
    assert_ne!(before, hovered, "the hovered bar is not outlined");
    assert!(s.set_focus("bounds", 0).expect("focus"));
    assert_ne!(pixels(&c), hovered, "no focus ring");
    assert!(s.set_hover("bounds", -1).expect("unhover") && s.set_focus("bounds", -1).expect("unfocus"));
    assert_eq!(pixels(&c), before, "clearing hover and focus restores the picture");
}

#[wasm_bindgen_test]
fn selecting_a_region_repaints_the_map_and_the_overview_only() {
    let mut s = story();
    let (map, bounds, gdp) = (canvas(), canvas(), canvas());
    s.draw("map", &map, 800.0, 1.0).expect("map");
    s.draw("bounds", &bounds, 800.0, 1.0).expect("bounds");
    s.draw("jilin-gdp-growth", &gdp, 800.0, 1.0).expect("gdp");
    let (m0, r0, g0) = (pixels(&map), pixels(&bounds), pixels(&gdp));
    assert!(s.select(Some("liaoning".into())).expect("select"));
    assert_ne!(pixels(&map), m0, "the map shows the selection");
    assert_ne!(pixels(&bounds), r0, "the overview dims other regions");
    assert_eq!(pixels(&gdp), g0, "a region's own section is left to the page");
    assert!(s.select(Some("atlantis".into())).is_err(), "an unknown region is refused");
    assert_eq!(s.selected().as_deref(), Some("liaoning"));

    // From Liaoning to Inner Mongolia the overview (Heilongjiang, the guests, Jilin) stays dimmed
    // as it is: it is not repainted, so a mark made on it survives, while the map changes.
    let ctx: CanvasRenderingContext2d = bounds.get_context("2d").ok().flatten().expect("2d").dyn_into().expect("2d");
    ctx.set_fill_style_str("#ff00ff");
    ctx.fill_rect(0.0, 0.0, 4.0, 4.0);
    let (m1, marked) = (pixels(&map), pixels(&bounds));
    assert!(s.select(Some("inner-mongolia".into())).expect("select"));
    assert_ne!(pixels(&map), m1, "the map outlines the new region");
    assert_eq!(pixels(&bounds), marked, "the overview, unchanged by this selection, is not repainted");
    assert!(s.select(Some("jilin".into())).expect("select"));
    assert_ne!(pixels(&bounds), marked, "Jilin's bar in the overview is repainted at full colour");
    // Repaints fill and stroke the shapes kept from the first paint; the picture is the same.
    assert!(s.select(None).expect("clear"));
    assert_eq!(pixels(&map), m0, "clearing the selection restores the map as first drawn");
}

#[wasm_bindgen_test]
fn each_region_is_hit_where_its_name_is_drawn() {
    let mut s = story();
    s.draw("map", &canvas(), 800.0, 2.0).expect("map");
    let g = s.geometry("map").expect("drawn");
    for (i, m) in g.marks.iter().enumerate() {
        let (x, y) = datastory::geo::label_point(&m.rings);
        assert_eq!(s.hit("map", x, y), i as i32, "{}", m.id);
    }
    assert_eq!(s.hit("map", -5.0, 10.0), -1);
}

#[wasm_bindgen_test]
fn in_chinese_with_real_fonts_no_label_overlaps_or_leaves_the_canvas() {
    let mut s =
        Story::new(&fixture_text(), Some("zh".into())).unwrap_or_else(|_| panic!("the Chinese story does not load"));
    s.set_map(MAP).unwrap_or_else(|_| panic!("the map joins the story"));
    assert_eq!(s.language(), "zh");
    for id in CHARTS {
        for width in [280.0, 320.0, 1200.0] {
            s.draw(id, &canvas(), width, 2.0).unwrap_or_else(|_| panic!("{id} failed to draw in Chinese"));
            let g = s.geometry(id).expect("geometry after drawing");
            for (i, a) in g.labels.iter().enumerate() {
                assert!(a.x >= -0.5 && a.right() <= g.width + 0.5, "{id} at {width}: label {i} leaves the canvas");
                for b in g.labels.iter().skip(i + 1) {
                    assert!(!a.overlaps(b), "{id} at {width}: labels overlap: {a:?} and {b:?}");
                }
            }
        }
    }
}

#[wasm_bindgen_test]
fn backing_store_follows_the_device_pixel_ratio() {
    let mut s = story();
    for dpr in [1_u32, 2, 3] {
        let c = canvas();
        let h = s.draw("bounds", &c, 400.0, f64::from(dpr)).expect("draws");
        assert_eq!(c.width(), 400 * dpr);
        assert_eq!(c.height(), (h * f64::from(dpr)).round() as u32);
    }
}

#[wasm_bindgen_test]
fn a_panic_message_is_left_where_the_page_shows_it() {
    datastory::web::report_panic("chart layout failed: test");
    let published = js_sys::Reflect::get(&js_sys::global(), &"__datastoryPanic".into()).expect("readable");
    assert_eq!(published.as_string().as_deref(), Some("chart layout failed: test"));
    js_sys::Reflect::delete_property(&js_sys::global(), &"__datastoryPanic".into()).expect("deletable");
}

#[wasm_bindgen_test]
fn an_unknown_chart_is_an_error_not_a_panic() {
    let mut s = story();
    assert!(s.draw("no-such-chart", &canvas(), 400.0, 1.0).is_err());
}

#[wasm_bindgen_test]
fn a_bad_dataset_is_refused_with_the_field_named() {
    let bad = STORY.replacen("\"qualifier\": \"exact\"", "\"qualifier\": \"roughly\"", 1);
    let err = Story::new(&bad, None).expect_err("accepted a bad qualifier");
    let msg: String = js_sys::Error::from(wasm_bindgen::JsValue::from(err)).message().into();
    assert!(msg.contains("qualifier") && msg.contains("roughly"), "{msg}");
}

/// The browser's own text widths, in the font the charts are drawn in.
struct CanvasWidths(CanvasRenderingContext2d);

impl Measure for CanvasWidths {
    fn width(&self, text: &str, font: Font) -> f64 {
        let weight = if font.bold { "bold" } else { "normal" };
        self.0.set_font(&format!("{weight} {}px {FONT_FAMILY}", font.size));
        self.0.measure_text(text).map_or(f64::INFINITY, |m| m.width())
    }
}

/// Real published data (`tests/real_data.rs`) measured with real fonts: eight columns of five-digit
/// values at phone widths are shortened, thinned or left to the axis, never broken or overlapping.
#[wasm_bindgen_test]
fn with_real_fonts_real_data_breaks_no_number_or_year_at_any_width() {
    let d = datastory::data::from_json(include_str!("fixtures/iowa-electricity.json"))
        .unwrap_or_else(|e| panic!("the fixture does not load: {e}"));
    let ctx: CanvasRenderingContext2d =
        canvas().get_context("2d").ok().flatten().expect("2d").dyn_into().expect("2d context");
    let m = CanvasWidths(ctx);
    for d in [d.clone(), whole::chinese(d)] {
        for c in &d.charts {
            for width in (280..=1200).step_by(4) {
                let chart = model::build(&d, None, &c.id, f64::from(width), &m, &Theme::LIGHT, Titles::OnPage)
                    .unwrap_or_else(|| panic!("{} does not lay out", c.id));
                whole::assert_whole_and_clear(&d, &chart, width);
            }
        }
    }
    // The page draws the same: a phone's width, with every label clear of the others.
    let mut s = Story::new(include_str!("fixtures/iowa-electricity.json"), None).expect("loads in the page's engine");
    for width in [320.0, 375.0] {
        s.draw("nuclear-recent", &canvas(), width, 2.0).expect("draws");
        let g = s.geometry("nuclear-recent").expect("geometry after drawing");
        for (i, a) in g.labels.iter().enumerate() {
            for b in g.labels.iter().skip(i + 1) {
                assert!(!a.overlaps(b), "at {width}: labels overlap: {a:?} and {b:?}");
            }
        }
    }
}
