//! `cargo xtask bench [lines]`: builds the release page and the peer pages (the same charts drawn
//! with other chart libraries), serves them alike on loopback and prints what headless Chromium
//! measures of each (see tests/bench/run.mjs); `lines` measures the line charts alone.

use std::path::Path;
use std::process::Command;

use crate::{dist, root, run, serve, setup};

/// Strings only the peer libraries' code carries: none of them may reach the bundle readers get.
const PEER_MARKERS: [&str; 4] = ["zrender", "echarts", "chartjs-chart-geo", "uplot"];

/// The real line-chart story whose page is weighed against the peers' (tests/bench/lib/series.mjs).
const LINE_STORY: &str = "data/examples/us-employment.json";

/// Which parts run: both, or (`cargo xtask bench lines`) the line charts alone.
pub fn all(args: &[String]) -> Result<(), String> {
    let only = match args {
        [] => "",
        [part] if part == "lines" => "lines",
        _ => return Err("bench takes nothing, or `lines` to measure the line charts alone".into()),
    };
    setup::debian_packages()?;
    setup::node_packages()?;
    setup::bench_packages()?;
    dist::all()?;
    let root = root();
    no_peer_code(&root.join("dist"))?;
    // The line charts are measured on a page made for a story of series, as a newsroom publishes
    // one: the engine with series is the one it preloads (docs/performance.md).
    let series_page = root.join("target/dist-series");
    dist::build_with(&dist::Options { story: root.join(LINE_STORY), out: series_page.clone() })?;
    no_peer_code(&series_page)?;
    let peers = root.join("target/bench-peers");
    run(Command::new("node").arg("tests/bench/build.mjs").arg(&peers))?;
    // Served alike: each file as it is, none of our compressed copies, which the peers do not have.
    let ours = serve::spawn_dir(root.join("dist"), "/", serve::CSP)?;
    let echarts = serve::spawn_dir(peers.join("echarts"), "/", serve::CSP_INLINE_STYLES)?;
    let chartjs = serve::spawn_dir(peers.join("chartjs"), "/", serve::CSP_INLINE_STYLES)?;
    let uplot = serve::spawn_dir(peers.join("uplot"), "/", serve::CSP_INLINE_STYLES)?;
    // The page made for a story of series, with the generated series and our draw harness beside it.
    let ours_lines = serve::spawn_dir(peers.join("ours"), "/", serve::CSP)?;
    let json = root.join("target/bench.json");
    run(Command::new("node")
        .arg("tests/bench/run.mjs")
        .env("OURS_URL", format!("http://127.0.0.1:{ours}/"))
        .env("ECHARTS_URL", format!("http://127.0.0.1:{echarts}/"))
        .env("CHARTJS_URL", format!("http://127.0.0.1:{chartjs}/"))
        .env("UPLOT_URL", format!("http://127.0.0.1:{uplot}/"))
        .env("OURS_LINES_URL", format!("http://127.0.0.1:{ours_lines}/"))
        .env("BENCH_ONLY", only)
        .env("CHROMIUM", setup::CHROMIUM)
        .env("BENCH_JSON", &json))?;
    eprintln!("xtask: figures also written to {}", json.strip_prefix(&root).unwrap_or(&json).display());
    Ok(())
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
