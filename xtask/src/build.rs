//! Builds the wasm crate four times (the page's engine for stated figures, the one that also draws indicator series, the one with SVG output that the page loads on demand, and the editor's) and generates their JS bindings into www/pkg/, www/pkg-series/, www/pkg-svg/ and www/pkg-editor/.

use std::process::Command;

use crate::{root, run, run_for_output, setup, short_names, target_dir};

/// How wasm-opt runs on the release wasm. The features are those rustc enables for
/// wasm32-unknown-unknown by default on this toolchain, so wasm-opt neither refuses nor lowers
/// them. Measured (see docs/performance.md): plain `-Oz` or `-Os` shrink the raw file by 10% but
/// their inlining makes it compress worse, by 9-10 kB gzipped; without inlining `-Oz` shrinks both.
/// Four more passes make the code a little smaller raw but less alike, so it compresses worse:
/// without them the page's wasm is 0.9 kB smaller gzipped and 4% larger raw (measured each pass
/// alone, then together; the others help or make no difference).
const WASM_OPT: &[&str] = &[
    "-Oz",
    "--skip-pass=inlining",
    "--skip-pass=inlining-optimizing",
    "--skip-pass=merge-similar-functions",
    "--skip-pass=local-cse",
    "--skip-pass=remove-unused-brs",
    "--skip-pass=simplify-locals",
    // Splitting the data segment around its runs of zeros saves raw bytes that gzip saves anyway,
    // and costs it 45 bytes of segment headers.
    "--skip-pass=memory-packing",
    // The features section tells tools, not browsers, what the code uses: 0.1 kB for no reader.
    "--strip-target-features",
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

/// The three engines: the page's for a story of stated figures; the one with indicator series
/// (lines, slopes, small multiples: 36 kB gzipped more), which the page fetches instead for a story
/// that has series; and the one with the SVG backend and series that the page fetches on the first
/// SVG download (plotters' SVG output and the float printing it needs are about 8 kB gzipped that a
/// reader who never downloads should not pay for).
/// The fourth is the editor's (editor.html only): the importer with `csv`, the page template's
/// filling and the zip writer, on top of the SVG engine.
const ENGINES: [(&str, &[&str]); 4] = [
    ("www/pkg", &["--no-default-features"]),
    ("www/pkg-series", &["--no-default-features", "--features", "series"]),
    ("www/pkg-svg", &["--features", "svg"]),
    ("www/pkg-editor", &["--features", "editor"]),
];

pub fn wasm(profile: Profile) -> Result<(), String> {
    setup::wasm_target()?;
    let bindgen = setup::wasm_bindgen()?;
    for (out_dir, features) in ENGINES {
        let mut cargo = Command::new(env!("CARGO"));
        cargo.args(["build", "--lib", "--package", "datastory", "--target", "wasm32-unknown-unknown"]).args(features);
        if profile == Profile::Release {
            cargo.arg("--release");
        }
        run(&mut cargo)?;
        let dir = if profile == Profile::Release { "release" } else { "debug" };
        let wasm = target_dir().join("wasm32-unknown-unknown").join(dir).join("datastory.wasm");
        let mut cmd = Command::new(&bindgen);
        cmd.arg(&wasm).args(["--target", "web", "--no-typescript", "--out-dir", out_dir]);
        if profile == Profile::Release {
            // Function names only help a debugger; readers should not download them.
            cmd.args(["--remove-name-section", "--remove-producers-section"]);
        }
        run(&mut cmd)?;
        let out = root().join(out_dir).join("datastory_bg.wasm");
        if profile == Profile::Release {
            if let Some(wasm_opt) = setup::node_tools().map(|bin| bin.join("wasm-opt")) {
                let tmp = root().join(out_dir).join("datastory_bg.opt.wasm");
                let renaming = run_for_output(
                    Command::new(wasm_opt)
                        .arg(&out)
                        .args(WASM_OPT)
                        .arg("--minify-imports-and-exports-and-modules")
                        .arg("-o")
                        .arg(&tmp),
                )?;
                let wasm = std::fs::read(&tmp).map_err(|e| format!("reading wasm-opt's wasm: {e}"))?;
                let glue_path = root().join(out_dir).join("datastory.js");
                let glue = std::fs::read_to_string(&glue_path).map_err(|e| format!("reading the glue: {e}"))?;
                let glue = short_names::Renaming::parse(&renaming)?.apply(&glue, &wasm)?;
                std::fs::write(&glue_path, glue).map_err(|e| format!("writing the glue: {e}"))?;
                std::fs::rename(&tmp, &out).map_err(|e| format!("replacing the wasm with wasm-opt's: {e}"))?;
            }
        }
        let size = std::fs::metadata(&out).map_or(0, |m| m.len());
        eprintln!("xtask: built {out_dir}/ ({} KB of wasm)", size / 1024);
    }
    Ok(())
}
