//! Builds the wasm crate and generates its JS bindings into www/pkg/.

use std::process::Command;

use crate::{root, run, setup};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Profile {
    Dev,
    Release,
}

pub fn wasm(profile: Profile) -> Result<(), String> {
    setup::wasm_target()?;
    let bindgen = setup::wasm_bindgen()?;
    let mut cargo = Command::new(env!("CARGO"));
    cargo.args(["build", "--lib", "--package", "datastory", "--target", "wasm32-unknown-unknown"]);
    if profile == Profile::Release {
        cargo.arg("--release");
    }
    run(&mut cargo)?;
    let dir = if profile == Profile::Release { "release" } else { "debug" };
    let wasm = root().join("target/wasm32-unknown-unknown").join(dir).join("datastory.wasm");
    let mut cmd = Command::new(bindgen);
    cmd.arg(&wasm).args(["--target", "web", "--no-typescript", "--out-dir", "www/pkg"]);
    if profile == Profile::Release {
        // Function names only help a debugger; readers should not download them.
        cmd.args(["--remove-name-section", "--remove-producers-section"]);
    }
    run(&mut cmd)?;
    let size = std::fs::metadata(root().join("www/pkg/datastory_bg.wasm")).map_or(0, |m| m.len());
    eprintln!("xtask: built www/pkg/ ({} KB of wasm)", size / 1024);
    Ok(())
}
