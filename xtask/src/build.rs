//! Builds the wasm crate and generates its JS bindings into www/pkg/.

use std::process::Command;

use crate::{root, run, setup};

/// How wasm-opt runs on the release wasm. The features are those rustc enables for
/// wasm32-unknown-unknown by default on this toolchain, so wasm-opt neither refuses nor lowers
/// them. Measured (see the README's "Size"): plain `-Oz` or `-Os` shrink the raw file by 10% but
/// their inlining makes it compress worse, by 9-10 kB gzipped; without inlining `-Oz` shrinks both.
const WASM_OPT: &[&str] = &[
    "-Oz",
    "--skip-pass=inlining",
    "--skip-pass=inlining-optimizing",
    "--enable-bulk-memory",
    "--enable-nontrapping-float-to-int",
    "--enable-sign-ext",
    "--enable-mutable-globals",
    "--enable-reference-types",
    "--enable-multivalue",
];

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
    if profile == Profile::Release {
        if let Some(wasm_opt) = setup::node_tools().map(|bin| bin.join("wasm-opt")) {
            let out = root().join("www/pkg/datastory_bg.wasm");
            let tmp = root().join("www/pkg/datastory_bg.opt.wasm");
            run(Command::new(wasm_opt).arg(&out).args(WASM_OPT).arg("-o").arg(&tmp))?;
            std::fs::rename(&tmp, &out).map_err(|e| format!("replacing the wasm with wasm-opt's: {e}"))?;
        }
    }
    let size = std::fs::metadata(root().join("www/pkg/datastory_bg.wasm")).map_or(0, |m| m.len());
    eprintln!("xtask: built www/pkg/ ({} KB of wasm)", size / 1024);
    Ok(())
}
