//! `cargo xtask test`: installs what the tests need, then runs lints, native tests, wasm tests in
//! headless Chromium and the end-to-end tests against the served page.

use std::process::Command;

use crate::{dist, root, run, serve, setup};

pub fn all() -> Result<(), String> {
    setup::wasm_target()?;
    let bindgen = setup::wasm_bindgen()?;
    setup::debian_packages()?;
    setup::node_packages()?;

    let cargo = env!("CARGO");
    run(Command::new(cargo).args(["fmt", "--all", "--check"]))?;
    let clippy = |what: &[&str]| run(Command::new(cargo).arg("clippy").args(what).args(["--", "-D", "warnings"]));
    clippy(&["--workspace", "--all-targets"])?;
    clippy(&["--package", "datastory", "--all-targets", "--target", "wasm32-unknown-unknown"])?;
    // The page's engine for stories of stated figures, as it is built (build.rs).
    clippy(&["--package", "datastory", "--lib", "--no-default-features", "--target", "wasm32-unknown-unknown"])?;
    // The editor's engine (editor.html).
    clippy(&["--package", "datastory", "--lib", "--features", "editor", "--target", "wasm32-unknown-unknown"])?;

    run(Command::new(cargo).args(["test", "--workspace"]))?;
    // The page's engine for stories of stated figures is built without series (see build.rs).
    run(Command::new(cargo).args([
        "test",
        "--package",
        "datastory",
        "--no-default-features",
        "--test",
        "without_series",
    ]))?;

    // wasm-bindgen-test-runner sits next to the wasm-bindgen CLI and drives Chromium via ChromeDriver.
    let runner = bindgen.with_file_name("wasm-bindgen-test-runner");
    run(Command::new(cargo)
        .args(["test", "--package", "datastory", "--target", "wasm32-unknown-unknown", "--test", "web"])
        .env("CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER", &runner)
        .env("CHROMEDRIVER", setup::CHROMEDRIVER)
        .env("WASM_BINDGEN_TEST_TIMEOUT", "120"))?;

    // A page made for a story with series (`cargo xtask dist --story`), beside the default bundle.
    let story_page = root().join("target/dist-series");
    dist::build_with(&dist::Options {
        story: root().join("data/examples/us-employment.json"),
        out: story_page.clone(),
    })?;
    let story_port = serve::spawn_dir(story_page, "/", serve::CSP)?;
    dist::all()?;
    let port = serve::spawn("/")?;
    // The same bundle again under a deep path, as a CDN or a newsroom's static host would serve it.
    let prefixed = serve::spawn("/news/graphics/northeast/")?;
    let shots = root().join("target/screenshots");
    run(Command::new("node")
        .args(["--test", "--test-concurrency=1", "tests/e2e/"])
        .env("BASE_URL", format!("http://127.0.0.1:{port}/"))
        .env("PREFIXED_URL", format!("http://127.0.0.1:{prefixed}/news/graphics/northeast/"))
        .env("STORY_PAGE_URL", format!("http://127.0.0.1:{story_port}/"))
        .env("CHROMIUM", setup::CHROMIUM)
        .env("SCREENSHOT_DIR", &shots))?;
    eprintln!("xtask: screenshots are in {}", shots.strip_prefix(root()).unwrap_or(&shots).display());
    Ok(())
}
