//! Finds or installs what building and testing need: the wasm target, the matching
//! wasm-bindgen CLI, wasm-opt and esbuild, Debian's Chromium and `ChromeDriver`, a CJK font, Python (a plain
//! static host for the tests), the Node packages.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use crate::{output, root, run};

pub fn wasm_target() -> Result<(), String> {
    let installed = output(Command::new("rustup").args(["target", "list", "--installed"])).unwrap_or_default();
    if installed.lines().any(|l| l.trim() == "wasm32-unknown-unknown") {
        return Ok(());
    }
    run(Command::new("rustup").args(["target", "add", "wasm32-unknown-unknown"]))
}

/// The wasm-bindgen version the crate pins; the CLI must be exactly that version.
fn pinned_bindgen_version() -> Result<String, String> {
    let manifest =
        std::fs::read_to_string(root().join("Cargo.toml")).map_err(|e| format!("reading Cargo.toml: {e}"))?;
    manifest
        .lines()
        .find_map(|l| l.trim().strip_prefix("wasm-bindgen = \"="))
        .and_then(|rest| rest.split('"').next())
        .map(str::to_string)
        .ok_or_else(|| "Cargo.toml must pin wasm-bindgen exactly (wasm-bindgen = \"=X.Y.Z\")".to_string())
}

/// Path of a wasm-bindgen CLI of the pinned version, installing it with cargo if needed.
pub fn wasm_bindgen() -> Result<PathBuf, String> {
    let version = pinned_bindgen_version()?;
    let cargo_bin = cargo_bin_dir();
    let candidates = [PathBuf::from("wasm-bindgen"), cargo_bin.join("wasm-bindgen")];
    for c in &candidates {
        if output(Command::new(c).arg("--version"))
            .is_some_and(|v| v.split_whitespace().nth(1) == Some(version.as_str()))
        {
            return Ok(c.clone());
        }
    }
    eprintln!("xtask: installing wasm-bindgen-cli {version} (a few minutes, once)");
    run(Command::new(env!("CARGO")).args(["install", "wasm-bindgen-cli", "--version", &version]))?;
    Ok(cargo_bin.join("wasm-bindgen"))
}

fn cargo_bin_dir() -> PathBuf {
    std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo")))
        .unwrap_or_else(|| PathBuf::from(".cargo"))
        .join("bin")
}

pub const CHROMIUM: &str = "/usr/bin/chromium";
pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";

/// Debian's packages the browser tests need, installed with apt-get when missing.
pub fn debian_packages() -> Result<(), String> {
    let mut missing = Vec::new();
    if !Path::new(CHROMIUM).exists() {
        missing.push("chromium");
    }
    if !Path::new(CHROMEDRIVER).exists() {
        missing.push("chromium-driver");
    }
    if !Path::new("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc").exists() {
        missing.push("fonts-noto-cjk");
    }
    if output(Command::new("node").arg("--version")).is_none() {
        missing.extend(["nodejs", "npm"]);
    }
    // The plain static host of the end-to-end tests (`python3 -m http.server`).
    if output(Command::new("python3").arg("--version")).is_none() {
        missing.push("python3");
    }
    if missing.is_empty() {
        return Ok(());
    }
    if output(Command::new("id").arg("-u")).as_deref() != Some("0") {
        return Err(format!(
            "the tests need Debian packages {}; install them as root: apt-get install {}",
            missing.join(", "),
            missing.join(" ")
        ));
    }
    run(Command::new("apt-get").arg("update"))?;
    run(Command::new("apt-get")
        .args(["install", "-y", "--no-install-recommends"])
        .args(&missing)
        .env("DEBIAN_FRONTEND", "noninteractive"))
}

/// The end-to-end tests' node packages, from their lock file.
pub fn node_packages() -> Result<(), String> {
    npm_ci(&root().join("tests/e2e"))
}

/// The benchmark's peer libraries and bundler (dev-only; never part of dist/), from their lock file.
pub fn bench_packages() -> Result<(), String> {
    npm_ci(&root().join("tests/bench"))
}

/// `npm ci` in `dir` unless its `node_modules/` is as new as its lock file.
fn npm_ci(dir: &Path) -> Result<(), String> {
    let lock = dir.join("package-lock.json");
    let installed = dir.join("node_modules/.package-lock.json");
    let fresh = match (
        std::fs::metadata(&lock).and_then(|m| m.modified()),
        std::fs::metadata(&installed).and_then(|m| m.modified()),
    ) {
        (Ok(l), Ok(i)) => i >= l,
        _ => false,
    };
    if fresh {
        return Ok(());
    }
    let shown = dir.strip_prefix(root()).unwrap_or(dir).display().to_string();
    eprintln!("xtask: installing the Node packages of {shown}/ (npm ci, once)");
    // npm's notices (install scripts, deprecations) mean nothing to someone running the graphic:
    // they are kept for a failure, and shown with it.
    let out = Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(dir)
        .output()
        .map_err(|e| format!("could not start npm in {shown}/: {e}"))?;
    if out.status.success() {
        return Ok(());
    }
    Err(format!(
        "`npm ci` in {shown}/ failed ({}):\n{}{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    ))
}

/// The folder of the build's Node tools, pinned in `xtask/tools/package.json` and installed there
/// by npm: binaryen's `wasm-opt` (JavaScript and wasm) and `esbuild` (a binary inside its npm
/// package). Without Node.js and npm, and no way to install them, the release is built as rustc and
/// wasm-bindgen made it and `dist/` holds the JS and CSS as written, and this says so in one line:
/// a bigger download, but the page works the same. Looked up once per run.
pub fn node_tools() -> Option<PathBuf> {
    static TOOLS: OnceLock<Option<PathBuf>> = OnceLock::new();
    TOOLS.get_or_init(install_node_tools).clone()
}

fn install_node_tools() -> Option<PathBuf> {
    let have_npm = || output(Command::new("npm").arg("--version")).is_some();
    if !have_npm() && output(Command::new("id").arg("-u")).as_deref() == Some("0") {
        // As the test command does: Debian's Node.js, on the machines this project runs on.
        let _ = run(Command::new("apt-get").arg("update"));
        let _ = run(Command::new("apt-get")
            .args(["install", "-y", "--no-install-recommends", "nodejs", "npm"])
            .env("DEBIAN_FRONTEND", "noninteractive"));
    }
    if !have_npm() {
        eprintln!("xtask: notice: Node.js and npm are missing, so the wasm is not run through wasm-opt and the JS is not minified (apt-get install nodejs npm)");
        return None;
    }
    let dir = root().join("xtask/tools");
    if let Err(e) = npm_ci(&dir) {
        eprintln!("xtask: notice: installing the build tools failed ({e}), so the wasm is not run through wasm-opt and the JS is not minified");
        return None;
    }
    Some(dir.join("node_modules/.bin"))
}
