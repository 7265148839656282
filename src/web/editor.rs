//! The editor's engine surface: the story crosses between editor.js and Rust as a plain object
//! through serde-wasm-bindgen, and is read and checked by the loader's own code.

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::data::json::{object, Json};
use crate::data::{self, localize, ChartKind, DataError, Dataset};
use crate::editor::{self, CellError, Rows};
use crate::geo::{GeoMap, MapData};
use crate::publish::{self, PageMap, Template};

/// A JS value (a story as the editor keeps it) as the loader's JSON tree, so that the page's reads
/// and messages (`charts[2].kind`) apply to it unchanged.
impl<'de> Deserialize<'de> for Json {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Json, D::Error> {
        d.deserialize_any(JsonVisitor)
    }
}

struct JsonVisitor;

impl<'de> Visitor<'de> for JsonVisitor {
    type Value = Json;

    fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str("a JSON value")
    }
    fn visit_unit<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_none<E>(self) -> Result<Json, E> {
        Ok(Json::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Json, D::Error> {
        Json::deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Json, E> {
        Ok(Json::Bool(v))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Json, E> {
        Ok(Json::Num(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Json, E> {
        Ok(Json::Num(v as f64))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Json, E> {
        Ok(Json::Num(v as f64))
    }
    fn visit_str<E>(self, v: &str) -> Result<Json, E> {
        Ok(Json::Str(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Json, E> {
        Ok(Json::Str(v))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Json, A::Error> {
        let mut out = Vec::new();
        while let Some(v) = seq.next_element()? {
            out.push(v);
        }
        Ok(Json::Arr(out))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Json, A::Error> {
        let mut out = Vec::new();
        while let Some((k, v)) = map.next_entry::<String, Json>()? {
            out.push((k, v));
        }
        Ok(Json::Obj(out))
    }
}

/// Any serializable value as a plain JS object (objects, not `Map`s), as `JSON.parse` would give.
fn to_js<T: Serialize + ?Sized>(v: &T) -> Result<JsValue, JsError> {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).map_err(|e| JsError::new(&e.to_string()))
}

fn tree(story: JsValue) -> Result<Json, JsError> {
    serde_wasm_bindgen::from_value(story).map_err(|e| JsError::new(&format!("the story is not plain data: {e}")))
}

/// The story read and checked as the page would read its file.
fn read(story: JsValue) -> Result<Result<Dataset, DataError>, JsError> {
    Ok(data::from_tree(&tree(story)?))
}

fn cell_error(e: &CellError) -> Json {
    object(&[
        ("row", e.row.map_or(Json::Null, |r| Json::Num(r as f64))),
        ("column", e.column.map_or(Json::Null, |c| Json::Num(c as f64))),
        ("message", (&e.message).into()),
    ])
}

fn data_error(e: &DataError) -> Json {
    object(&[("path", (&e.path).into()), ("message", (&e.message).into())])
}

fn map_of(text: Option<String>) -> Option<MapData> {
    MapData::from_json(&text?).ok()
}

/// `{rows}` of a pasted or opened table, or `{error: {row, column, message}}`.
#[wasm_bindgen(js_name = editorCells)]
pub fn cells(text: &str) -> Result<JsValue, JsError> {
    match editor::cells(text) {
        Ok(rows) => to_js(&Grid { rows: &rows }),
        Err(e) => to_js(&Wrapped::error(cell_error(&e))),
    }
}

/// `{story}` read from the grid's rows as `data import` reads a file, with what the editor wrote
/// on `previous` (a story, or null) kept; or `{error: {row, column, message}}`.
#[wasm_bindgen(js_name = editorImport)]
pub fn import(rows: JsValue, name: &str, previous: JsValue) -> Result<JsValue, JsError> {
    let rows: Rows = serde_wasm_bindgen::from_value(rows).map_err(|e| JsError::new(&e.to_string()))?;
    match editor::import(&rows, name) {
        Ok(fresh) => {
            let before = if previous.is_null() || previous.is_undefined() { None } else { read(previous)?.ok() };
            // A table read afresh shows first the kinds the editor proposes for it.
            let story = if let Some(p) = before {
                editor::merge(fresh, &p)
            } else {
                let mut fresh = fresh;
                editor::fit_kinds(&mut fresh);
                fresh
            };
            to_js(&Wrapped::story(&story))
        }
        Err(e) => to_js(&Wrapped::error(cell_error(&e))),
    }
}

/// The grid of an opened story (see `editor::rows_of`), or `{error: {path, message}}`.
#[wasm_bindgen(js_name = editorRows)]
pub fn rows(story: JsValue) -> Result<JsValue, JsError> {
    match read(story)? {
        Ok(d) => to_js(&Grid { rows: &editor::rows_of(&d) }),
        Err(e) => to_js(&Wrapped::error(data_error(&e))),
    }
}

/// Everything the editor shows about a story: `error` (the loader's first message, or null),
/// `texts` (each translatable text's key and English words, and `true` third where it is optional), `proposals` (by chart id, the kinds
/// that fit: `{kind, why}`) and `colours` (what fails of the regions' colours). `map` is the
/// text of the story's boundaries file, where it has one.
#[wasm_bindgen(js_name = editorCheck)]
pub fn check(story: JsValue, map: Option<String>) -> Result<JsValue, JsError> {
    let d = match read(story)? {
        Ok(d) => d,
        Err(e) => return to_js(&object(&[("error", data_error(&e))])),
    };
    let map = map_of(map);
    let mut texts: Vec<Json> =
        localize::keys(&d).into_iter().map(|(k, t)| Json::Arr(vec![Json::Str(k), Json::Str(t)])).collect();
    // Texts a translation may give and need not (the map's credit, where there is a map): marked
    // optional, and never counted as missing.
    if d.story.map.is_some() {
        for key in localize::OPTIONAL {
            texts.push(Json::Arr(vec![
                key.into(),
                "The map's credit line (optional: the map file's own credit otherwise)".into(),
                Json::Bool(true),
            ]));
        }
    }
    let proposals = d
        .charts
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let fits = editor::chart_proposals(&d, i, map.as_ref())
                .iter()
                .map(|p| object(&[("kind", p.kind.word().into()), ("why", (&p.why).into())]))
                .collect();
            (c.id.clone(), Json::Arr(fits))
        })
        .collect();
    let colours = editor::colour_problems(&d).into_iter().map(Json::Str).collect();
    to_js(&object(&[
        ("error", Json::Null),
        ("texts", Json::Arr(texts)),
        ("proposals", Json::Obj(proposals)),
        ("colours", Json::Arr(colours)),
    ]))
}

/// The story with chart `chart` (an id) made a `kind` (the format's word), with the periods that
/// kind shows.
#[wasm_bindgen(js_name = editorRetarget)]
pub fn retarget(story: JsValue, chart: &str, kind: &str, map: Option<String>) -> Result<JsValue, JsError> {
    let mut d = read(story)?.map_err(|e| JsError::new(&e.to_string()))?;
    let kind = ChartKind::WORDS
        .iter()
        .find(|(w, _)| *w == kind)
        .map(|(_, k)| *k)
        .ok_or_else(|| JsError::new(&format!("\"{kind}\" is not a chart kind")))?;
    let map = map_of(map);
    if let Some(i) = d.charts.iter().position(|c| c.id == chart) {
        d.charts[i] = editor::retarget(&d, &d.charts[i], kind, map.as_ref());
    }
    to_js(&d)
}

/// The bundle's page for the story: `{html, pictureName, picture}`, from the bundle's page template
/// (`{html, modules, figures_wasm, series_wasm}`), the story's file as the bundle serves it
/// (`story_min`, which must read as the story), and the text of its map at `map_url` (under
/// `data/`), where it has one.
#[wasm_bindgen(js_name = editorPage)]
pub fn page(
    template: JsValue,
    story_min: &str,
    map_url: Option<String>,
    map: Option<String>,
) -> Result<JsValue, JsError> {
    let t: Template = serde_wasm_bindgen::from_value(template).map_err(|e| JsError::new(&e.to_string()))?;
    // The file itself is read, not the object it came from: what is served is what was checked.
    let d = data::from_json(story_min).map_err(|e| JsError::new(&e.to_string()))?;
    let made = match (map_url, map) {
        (Some(url), Some(text)) => {
            let parsed = MapData::from_json(&text).map_err(|e| JsError::new(&format!("{url}: {e}")))?;
            let geo = GeoMap::new(&parsed, &d).map_err(|e| JsError::new(&format!("{url}: {e}")))?;
            let min = publish::minify_json(&text);
            publish::page(&t, &d, story_min, Some(&PageMap { url, text: &min, map: &geo }))
        }
        _ => publish::page(&t, &d, story_min, None),
    }
    .map_err(|e| JsError::new(&e))?;
    to_js(&object(&[
        ("html", made.html.as_str().into()),
        ("pictureName", made.picture_name.as_str().into()),
        ("picture", made.picture.as_str().into()),
    ]))
}

/// A zip archive (stored entries) of `files`, a list of `[path, Uint8Array]`.
#[wasm_bindgen(js_name = editorZip)]
pub fn zip(files: &js_sys::Array) -> Result<js_sys::Uint8Array, JsError> {
    use std::io::Write as _;
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored)
        .unix_permissions(0o644);
    for entry in files.iter() {
        let entry = js_sys::Array::from(&entry);
        let path = entry.get(0).as_string().ok_or_else(|| JsError::new("a file of the bundle has no name"))?;
        let bytes = js_sys::Uint8Array::new(&entry.get(1)).to_vec();
        out.start_file(path.as_str(), options).map_err(|e| JsError::new(&format!("{path}: {e}")))?;
        out.write_all(&bytes).map_err(|e| JsError::new(&format!("{path}: {e}")))?;
    }
    let bytes = out.finish().map_err(|e| JsError::new(&e.to_string()))?.into_inner();
    Ok(js_sys::Uint8Array::from(bytes.as_slice()))
}

/// `{story}` or `{error}`: what an import gives the editor's script.
#[derive(Serialize)]
struct Wrapped<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    story: Option<&'a Dataset>,
    #[serde(skip_serializing_if = "Option::is_none")]
    error: Option<Json>,
}

impl<'a> Wrapped<'a> {
    fn story(d: &'a Dataset) -> Self {
        Wrapped { story: Some(d), error: None }
    }
    fn error(e: Json) -> Self {
        Wrapped { story: None, error: Some(e) }
    }
}

/// `{rows}`: a grid for the script, serialized as it is (a table may hold 100,000 rows).
#[derive(Serialize)]
struct Grid<'a> {
    rows: &'a Rows,
}

/// Our JSON tree handed to the script as the plain value it stands for.
impl Serialize for Json {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::{SerializeMap, SerializeSeq};
        match self {
            Json::Null => s.serialize_unit(),
            Json::Bool(b) => s.serialize_bool(*b),
            Json::Num(n) => s.serialize_f64(*n),
            Json::Str(t) => s.serialize_str(t),
            Json::Arr(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for v in items {
                    seq.serialize_element(v)?;
                }
                seq.end()
            }
            Json::Obj(fields) => {
                let mut map = s.serialize_map(Some(fields.len()))?;
                for (k, v) in fields {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}
