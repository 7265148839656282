//! `cargo xtask bench [lines|maps]`: builds the release pages and the peer pages (the same charts
//! drawn with other chart libraries), serves them alike on loopback and prints what headless Chromium
//! measures of each (see tests/bench/run.mjs); `lines` measures the line charts alone, `maps` the
//! choropleth of the world alone.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::{dist, root, run, serve, setup};

/// Strings only the peer libraries' code carries: none of them may reach the bundle readers get.
const PEER_MARKERS: [&str; 4] = ["zrender", "echarts", "chartjs-chart-geo", "uplot"];

/// The real line-chart story whose page is weighed against the peers' (tests/bench/lib/series.mjs).
const LINE_STORY: &str = "data/examples/us-employment.json";

/// The example story whose choropleth of the world is measured (tests/bench/lib/maps.mjs), and that
/// chart: its page is made for a story of this chart alone.
const MAP_STORY: &str = "data/examples/gapminder.json";
const MAP_CHART: &str = "life-expectancy-map";

/// Which parts run: all three, or (`cargo xtask bench lines`, `… maps`) one alone.
pub fn all(args: &[String]) -> Result<(), String> {
    let only = match args {
        [] => "",
        [part] if part == "lines" || part == "maps" => part.as_str(),
        _ => {
            return Err(
                "bench takes nothing, `lines` to measure the line charts alone or `maps` the choropleth alone".into()
            )
        }
    };
    let (story_and_lines, maps) = (only != "maps", only != "lines");
    setup::debian_packages()?;
    setup::node_packages()?;
    setup::bench_packages()?;
    let root = root();
    if story_and_lines {
        dist::all()?;
        no_peer_code(&root.join("dist"))?;
        // The line charts are measured on a page made for a story of series, as a newsroom publishes
        // one: the engine with series is the one it preloads (docs/performance.md).
        let series_page = root.join("target/dist-series");
        dist::build_with(&dist::Options { story: root.join(LINE_STORY), out: series_page.clone() })?;
        no_peer_code(&series_page)?;
    }
    // The choropleth's page, made as `cargo xtask dist --story` makes one, for a story of that chart.
    let map_page = root.join("target/dist-maps");
    if maps {
        let story = map_story(&root.join("target/bench-maps"))?;
        dist::build_with(&dist::Options { story, out: map_page.clone() })?;
        no_peer_code(&map_page)?;
    }
    let peers = root.join("target/bench-peers");
    run(Command::new("node").arg("tests/bench/build.mjs").arg(&peers).arg(only))?;
    let json = root.join("target/bench.json");
    let mut bench = Command::new("node");
    bench.arg("tests/bench/run.mjs");
    // Served alike: each file as it is, none of our compressed copies, which the peers do not have.
    let url = |port: u16| format!("http://127.0.0.1:{port}/");
    if story_and_lines {
        let ours = serve::spawn_dir(root.join("dist"), "/", serve::CSP)?;
        let echarts = serve::spawn_dir(peers.join("echarts"), "/", serve::CSP_INLINE_STYLES)?;
        let chartjs = serve::spawn_dir(peers.join("chartjs"), "/", serve::CSP_INLINE_STYLES)?;
        let uplot = serve::spawn_dir(peers.join("uplot"), "/", serve::CSP_INLINE_STYLES)?;
        // The page made for a story of series, with the generated series and our draw harness beside it.
        let ours_lines = serve::spawn_dir(peers.join("ours"), "/", serve::CSP)?;
        bench
            .env("OURS_URL", url(ours))
            .env("ECHARTS_URL", url(echarts))
            .env("CHARTJS_URL", url(chartjs))
            .env("UPLOT_URL", url(uplot))
            .env("OURS_LINES_URL", url(ours_lines));
    }
    if maps {
        let ours_map = serve::spawn_dir(map_page, "/", serve::CSP)?;
        let echarts_map = serve::spawn_dir(peers.join("maps/echarts"), "/", serve::CSP_INLINE_STYLES)?;
        bench.env("OURS_MAP_URL", url(ours_map)).env("ECHARTS_MAP_URL", url(echarts_map));
    }
    run(bench.env("BENCH_ONLY", only).env("CHROMIUM", setup::CHROMIUM).env("BENCH_JSON", &json))?;
    eprintln!("xtask: figures also written to {}", json.strip_prefix(&root).unwrap_or(&json).display());
    Ok(())
}

/// Writes `dir/story.json`: `MAP_STORY` with `MAP_CHART` alone and what it needs (its indicator,
/// that indicator's series, the regions, the sources they name and their translations), and its map
/// beside it as `dir/map/<file>`, named so in the story, as data/story.json names its own. Returns
/// the story's path.
fn map_story(dir: &Path) -> Result<PathBuf, String> {
    let root = root();
    let from = root.join(MAP_STORY);
    let text = std::fs::read_to_string(&from).map_err(|e| format!("reading {MAP_STORY}: {e}"))?;
    let mut story: Value = serde_json::from_str(&text).map_err(|e| format!("{MAP_STORY}: {e}"))?;
    let missing =
        |what: &str| format!("{MAP_STORY} has no {what}: update MAP_STORY or MAP_CHART in xtask/src/bench.rs");
    let charts = story["charts"].as_array().ok_or_else(|| missing("charts"))?;
    let chart = charts.iter().find(|c| c["id"] == MAP_CHART).cloned().ok_or_else(|| missing(MAP_CHART))?;
    let indicator = chart["indicator"].as_str().ok_or_else(|| missing("indicator for its choropleth"))?.to_string();
    let ids = |key: &str| -> Vec<String> {
        story[key].as_array().into_iter().flatten().filter_map(|v| v["id"].as_str().map(str::to_string)).collect()
    };
    let dropped_charts: Vec<String> = ids("charts").into_iter().filter(|c| c != MAP_CHART).collect();
    let dropped_indicators: Vec<String> = ids("indicators").into_iter().filter(|i| *i != indicator).collect();
    story["charts"] = Value::Array(vec![chart]);
    if let Some(list) = story["indicators"].as_array_mut() {
        list.retain(|i| i["id"] == indicator.as_str());
    }
    let sources: Vec<Value> =
        story["indicators"].as_array().into_iter().flatten().map(|i| i["source"].clone()).collect();
    if let Some(list) = story["sources"].as_array_mut() {
        list.retain(|s| sources.contains(&s["id"]));
    }
    if let Some(list) = story["series"].as_array_mut() {
        list.retain(|s| s["indicator"] == indicator.as_str());
    }
    if let Some(languages) = story["translations"].as_object_mut() {
        let gone = |key: &str| {
            dropped_charts.iter().any(|c| key.starts_with(&format!("charts.{c}.")))
                || dropped_indicators.iter().any(|i| key.starts_with(&format!("indicators.{i}.")))
        };
        for words in languages.values_mut().filter_map(Value::as_object_mut) {
            words.retain(|key, _| !gone(key));
        }
    }
    // The map sits beside the story under its own file name, as the default story's does.
    let map_rel = story["story"]["map"].as_str().ok_or_else(|| missing("map"))?.to_string();
    let map_from = from.parent().unwrap_or(&root).join(&map_rel);
    let name = Path::new(&map_rel).file_name().ok_or_else(|| missing("map file"))?.to_string_lossy().to_string();
    story["story"]["map"] = Value::String(format!("map/{name}"));
    std::fs::create_dir_all(dir.join("map")).map_err(|e| format!("creating {}: {e}", dir.display()))?;
    std::fs::copy(&map_from, dir.join("map").join(&name))
        .map_err(|e| format!("copying {}: {e}", map_from.display()))?;
    let out = dir.join("story.json");
    let pretty = serde_json::to_string_pretty(&story).map_err(|e| e.to_string())?;
    std::fs::write(&out, pretty).map_err(|e| format!("writing {}: {e}", out.display()))?;
    Ok(out)
}

/// Fails if any file of `dir` names a peer library: they are for measuring, never for shipping.
fn no_peer_code(dir: &Path) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("reading {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            no_peer_code(&path)?;
            continue;
        }
        let bytes = std::fs::read(&path).map_err(|e| format!("reading {}: {e}", path.display()))?;
        let text = String::from_utf8_lossy(&bytes).to_lowercase();
        if let Some(m) = PEER_MARKERS.iter().find(|m| text.contains(*m)) {
            return Err(format!("{} mentions {m}: peer libraries must not ship in dist/", path.display()));
        }
    }
    Ok(())
}
