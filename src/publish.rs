//! A story's own page: the bundle's page template filled with its title, engine, data and the
//! picture and table shown without script. Shared by `cargo xtask dist` and the editor's bundle.

use std::fmt::Write as _;

use crate::data::Dataset;
use crate::geo::GeoMap;
use crate::model::ApproxMeasure;
use crate::theme::Theme;

/// The width the fallback picture is drawn at: a common article column.
const FALLBACK_WIDTH: f64 = 640.0;

/// The page with every asset's hashed name in place, and what depends on the story left to fill:
/// `<title>`, the description, `<!-- preloads -->`, the map's meta tag, `<!-- fallback -->` and
/// `<!-- data -->`.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
#[cfg_attr(feature = "editor", derive(serde::Deserialize))]
pub struct Template {
    pub html: String,
    /// Modules the page preloads, whatever its story.
    pub modules: Vec<String>,
    /// The wasm of the engine for stated figures, and of the one with series (`assets/…`).
    pub figures_wasm: String,
    pub series_wasm: String,
}

/// A story's page and the picture it shows without script.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub html: String,
    /// `fallback/<story id>.svg`, and the picture.
    pub picture_name: String,
    pub picture: String,
}

/// The story's map as the page carries it: its address under `data/`, its minified text and
/// the map made for the story.
#[derive(Debug)]
pub struct PageMap<'a> {
    pub url: String,
    pub text: &'a str,
    pub map: &'a GeoMap,
}

/// Fills `t` for `d`, whose file (minified) is `story_min` and is served as `data/story.json`.
pub fn page(t: &Template, d: &Dataset, story_min: &str, map: Option<&PageMap>) -> Result<Page, String> {
    let mut blocks = data_block("data/story.json", story_min);
    if let Some(m) = map {
        blocks.push_str(&data_block(&m.url, m.text));
    }
    let picture = crate::export::story_svg(d, map.map(|m| m.map), FALLBACK_WIDTH, &ApproxMeasure, &Theme::LIGHT)?;
    let picture_name = format!("fallback/{}.svg", d.story.id);
    // Lazy: hidden while the page's script runs, the picture is never fetched.
    let (width, height) = svg_size(&picture).ok_or("the fallback picture has no width and height")?;
    let fallback = format!(
        "<img src=\"{picture_name}\" alt=\"{}\" width=\"{width}\" height=\"{height}\" loading=\"lazy\">\n{}",
        escape(&format!("{}. {}", d.story.title, d.story.dek)),
        figures_table(d)
    );
    let mut html = t.html.clone();
    // The page is named for its story, in search results and tabs as in its heading.
    html = between(&html, "<title>", "</title>", &escape(&d.story.title))?;
    html = between(&html, "<meta name=\"description\" content=\"", "\">", &escape(&d.story.dek))?;
    let engines = [("figures", &t.figures_wasm), ("series", &t.series_wasm)];
    html = replace(&html, "<!-- preloads -->", &preloads(&t.modules, engines, d))?;
    // The story's map, which early.js asks for beside the data rather than after it.
    html = replace(
        &html,
        "<meta name=\"datastory:map\" content=\"\">",
        &format!("<meta name=\"datastory:map\" content=\"{}\">", escape(d.story.map.as_deref().unwrap_or(""))),
    )?;
    html = replace(&html, "<!-- fallback -->", &fallback)?;
    html = replace(&html, "<!-- data -->", &blocks)?;
    Ok(Page { html, picture_name, picture })
}

/// Replaces every `from` with `to`, and fails if there is none: a template that lost a mark must
/// not make a page without its story.
fn replace(text: &str, from: &str, to: &str) -> Result<String, String> {
    if text.contains(from) {
        Ok(text.replace(from, to))
    } else {
        Err(format!("the page template has no {from}"))
    }
}

/// `text` with what stands between the first `start` and the `end` after it replaced by `with`.
pub fn between(text: &str, start: &str, end: &str, with: &str) -> Result<String, String> {
    let from = text.find(start).map(|i| i + start.len()).ok_or_else(|| format!("the page template has no {start}"))?;
    let to = text
        .get(from..)
        .and_then(|rest| rest.find(end))
        .map(|i| from + i)
        .ok_or_else(|| format!("the page template has no {end}"))?;
    Ok(format!("{}{with}{}", text.get(..from).unwrap_or_default(), text.get(to..).unwrap_or_default()))
}

/// The width and height an SVG document gives itself (on its root element).
pub fn svg_size(svg: &str) -> Option<(u32, u32)> {
    let root = svg.get(svg.find("<svg")?..)?;
    let root = root.get(..root.find('>')?)?;
    let attr = |name: &str| -> Option<u32> {
        let at = root.find(&format!(" {name}=\""))? + name.len() + 3;
        let value = root.get(at..)?;
        value.get(..value.find('"')?)?.parse::<f64>().ok().map(|v| v.round() as u32)
    };
    Some((attr("width")?, attr("height")?))
}

/// The file at `url` (as the page names it) written into the page as a data block, which the
/// browser parses as text and never runs: early.js takes the page's own story and its map from
/// there instead of asking for them. Two requests fewer take about 27 ms off a load in the
/// benchmark's setting, and on a phone the round trip that would follow the script's. Every `<` is
/// written as `\u003c`, the same character to JSON, so nothing in the data can end the element or
/// open a comment in it.
pub fn data_block(url: &str, json: &str) -> String {
    format!(
        "<script type=\"application/json\" data-url=\"{}\">{}</script>\n",
        escape(url),
        json.replace('<', "\\u003c")
    )
}

/// JSON without the whitespace between tokens: the page reads the same values, readers download
/// less (the files in data/ stay indented for editors and diffs).
pub fn minify_json(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in text.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if c == '"' {
            in_string = true;
            out.push(c);
        } else if !c.is_ascii_whitespace() {
            out.push(c);
        }
    }
    out
}

/// Links that fetch the modules and the engine of the page's own story at once rather than one
/// import level at a time. Of `engines`, each engine's kind (as www/engine.js names them) and
/// address, the one `story` needs is preloaded; the other is named, not fetched, for a story given by
/// `?data=` that needs it (early.js).
fn preloads(modules: &[String], mut engines: [(&str, &String); 2], story: &Dataset) -> String {
    let mut out = String::new();
    for m in modules {
        let _ = write!(out, "\n<link rel=\"modulepreload\" href=\"{m}\">");
    }
    if has_series(story) {
        engines.reverse();
    }
    let [(kind, wasm), (other, other_wasm)] = engines;
    let _ = write!(
        out,
        "\n<link rel=\"preload\" href=\"{wasm}\" as=\"fetch\" type=\"application/wasm\" crossorigin data-engine=\"{kind}\">"
    );
    let _ = write!(out, "\n<meta name=\"datastory:engine\" content=\"{other_wasm}\" data-engine=\"{other}\">");
    out
}

/// Whether a story needs the engine with series: the same rule as www/engine.js.
pub fn has_series(d: &Dataset) -> bool {
    !d.indicators.is_empty() || !d.series.is_empty() || d.charts.iter().any(|c| c.indicator.is_some())
}

/// Text for HTML, element content or a quoted attribute.
pub fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// Every figure as a row: region, figure, value with its qualifier, period, and the source's sentence.
pub fn figures_table(d: &Dataset) -> String {
    let mut out = String::from(
        "<table class=\"figures-table\"><caption>The figures of this story</caption>\n<thead><tr><th>Region</th><th>Figure</th><th>Value</th><th>Period</th><th>Source</th></tr></thead>\n<tbody>\n",
    );
    for f in &d.figures {
        let region =
            f.region.as_ref().and_then(|id| d.regions.iter().find(|r| &r.id == id)).map_or("—", |r| r.name.as_str());
        let value = match (&f.claim, f.value) {
            (Some(c), None) => c.clone(),
            _ => crate::format::full(f, d.lang),
        };
        let source = d.sources.iter().find(|s| s.id == f.source.id).map_or("", |s| s.name.as_str());
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>“{}” ({})</td></tr>",
            escape(region),
            escape(&f.label),
            escape(&value),
            escape(f.period.as_deref().unwrap_or("—")),
            escape(&f.source.quote),
            escape(source)
        );
    }
    out.push_str("</tbody></table>\n");
    out
}

// Native: the checks compare with serde_json, which the wasm build has not.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn the_page_takes_its_story_s_title_and_the_engine_it_needs() {
        let page = "<title>Old</title>\n<meta name=\"description\" content=\"Old dek\">";
        let page = between(page, "<title>", "</title>", &escape("Jobs & <wages>")).expect("a title");
        let page = between(&page, "<meta name=\"description\" content=\"", "\">", "New dek").expect("a description");
        assert_eq!(page, "<title>Jobs &amp; &lt;wages&gt;</title>\n<meta name=\"description\" content=\"New dek\">");
        assert!(between("<p>", "<title>", "</title>", "x").is_err(), "a page without a title is an error");

        let read = |path: &str| {
            crate::data::from_json(
                &std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
                    .expect("an example"),
            )
            .expect("a story")
        };
        let modules = ["assets/main.js".to_string()];
        let (f, s) = ("f.wasm".to_string(), "s.wasm".to_string());
        let engines = || [("figures", &f), ("series", &s)];
        let figures = preloads(&modules, engines(), &read("data/story.json"));
        assert!(
            figures.contains(r#"href="f.wasm" as="fetch" type="application/wasm" crossorigin data-engine="figures""#)
        );
        assert!(figures.contains(r#"content="s.wasm" data-engine="series""#), "{figures}");
        let series = preloads(&modules, engines(), &read("data/examples/us-employment.json"));
        assert!(series.contains(r#"href="s.wasm" as="fetch" type="application/wasm" crossorigin data-engine="series""#));
        assert!(series.contains(r#"content="f.wasm" data-engine="figures""#), "{series}");
    }

    #[test]
    fn minified_json_reads_the_same() {
        let text = "{\n  \"a b\": [1, 2.5,\t\"x \\\" y\"],\r\n  \"c\": {\"d\": null}\n}\n";
        let small = minify_json(text);
        assert_eq!(small, r#"{"a b":[1,2.5,"x \" y"],"c":{"d":null}}"#);
        let a: serde_json::Value = serde_json::from_str(text).expect("valid");
        let b: serde_json::Value = serde_json::from_str(&small).expect("still valid");
        assert_eq!(a, b);
        let story = std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data/story.json"))
            .expect("the story");
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&story).ok(),
            serde_json::from_str::<serde_json::Value>(&minify_json(&story)).ok()
        );
    }

    #[test]
    fn data_in_the_page_cannot_end_its_element_and_reads_the_same() {
        let json = r#"{"title":"</script><script>alert(1)</script><!-- \\<b>","n":[1,2]}"#;
        let block = data_block("data/a \"b\".json", json);
        assert!(block.starts_with(r#"<script type="application/json" data-url="data/a &quot;b&quot;.json">"#));
        let body = block.trim_end().strip_suffix("</script>").and_then(|b| b.split_once('>')).map(|(_, b)| b);
        let body = body.expect("one element");
        assert!(!body.contains('<'), "{body}");
        let a: serde_json::Value = serde_json::from_str(json).expect("valid");
        let b: serde_json::Value = serde_json::from_str(body).expect("still valid");
        assert_eq!(a, b);
    }

    #[test]
    fn the_picture_s_size_is_read_from_its_root() {
        assert_eq!(
            svg_size(r#"<svg xmlns="http://www.w3.org/2000/svg" width="672" height="3552.4" viewBox="0 0 672 3552">"#),
            Some((672, 3552))
        );
        assert_eq!(
            svg_size(r#"<?xml version="1.0"?><svg viewBox="0 0 1 1" height="20" width="10"><rect width="5"/></svg>"#),
            Some((10, 20))
        );
        assert_eq!(svg_size("<svg viewBox=\"0 0 1 1\">"), None);
    }

    #[test]
    fn table_text_is_escaped() {
        assert_eq!(escape("<script>\"&"), "&lt;script&gt;&quot;&amp;");
    }
}
