//! `cargo xtask bench`: builds the release page, serves it on loopback and prints interaction timings from headless Chromium.

use std::process::Command;

use crate::{dist, root, run, serve, setup};

pub fn all() -> Result<(), String> {
    setup::debian_packages()?;
    setup::node_packages()?;
    dist::all()?;
    let port = serve::spawn("/")?;
    let json = root().join("target/bench-interactions.json");
    run(Command::new("node")
        .arg("tests/e2e/bench.mjs")
        .env("BASE_URL", format!("http://127.0.0.1:{port}/"))
        .env("CHROMIUM", setup::CHROMIUM)
        .env("BENCH_JSON", &json))?;
    eprintln!("xtask: figures also written to {}", json.strip_prefix(root()).unwrap_or(&json).display());
    Ok(())
}
