//! `cargo xtask map`: rebuilds data/map/northeast-china.json from Natural Earth boundaries with the pinned build tools.

use std::process::Command;

use crate::{root, run};

pub fn rebuild() -> Result<(), String> {
    let work = root().join("target/map-build");
    std::fs::create_dir_all(&work).map_err(|e| format!("creating {}: {e}", work.display()))?;
    for file in ["package.json", "package-lock.json", ".npmrc"] {
        std::fs::copy(root().join("data/map").join(file), work.join(file))
            .map_err(|e| format!("copying {file}: {e}"))?;
    }
    // The boundary package is large (about 92 MB): it stays in target/, never in the repository or the page.
    run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(&work))?;
    run(Command::new("node")
        .arg("data/map/build.mjs")
        .arg(work.join("node_modules"))
        .arg("data/map/northeast-china.json"))
}
