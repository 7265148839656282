//! The project's commands, `cargo xtask <command>` (`cargo xtask help` lists them; see docs/architecture.md).

mod bench;
mod build;
mod data;
mod dist;
mod encoding;
mod fuzz;
mod hosting;
mod map;
mod serve;
mod setup;
mod short_names;
mod size;
mod test;

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  serve [--port N]   build dist/ and serve the infographic on http://127.0.0.1:8080/
  dist [--story FILE]
                     write the self-contained static bundle to dist/ (what `serve` serves), with every
                     dataset of data/, headers files for static hosts and precompressed copies; its
                     page made for FILE (a story of the format) instead of data/story.json
  size               print what each file of dist/ weighs raw, gzipped and brotli-compressed
  build [--dev]      build the wasm packages into www/pkg/, www/pkg-series/ and www/pkg-svg/
  test               install what the tests need, then run every test (native, wasm in Chromium, end to end)
  fuzz [--seconds N] [TARGET…]
                     run each cargo-fuzz target for N seconds (default 60; installs nightly's cargo-fuzz)
  bench [lines|maps] measure our page against ECharts and Chart.js pages of the same charts (size, load, clicks, memory),
                     line charts against ECharts, Chart.js and uPlot (size, load, draw, cursor), and a choropleth of the
                     world against ECharts' map (size, load, a slider's step); `lines` or `maps`: that part alone
  map [NAME…]        build the boundaries files of data/map/ (every NAME.recipe.json, or those named) from Natural Earth
  data check FILE    validate a dataset (JSON or CSV) and say what is wrong and where
  data import FILE   convert a table to the JSON format (printed), checked on the way: the section
                     layout, Our World in Data's download, a wide or a long table (FILE `-`: standard input)
  data export FILE   write a dataset as a CSV sheet (printed)
  data schema        write the dataset's JSON Schema (from the Rust types) to docs/data-format.schema.json
";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("serve") => port_arg(&args[1..]).and_then(|port| {
            let bundle = dist::all()?;
            serve::run(port, &bundle.stories)
        }),
        Some("dist") => dist::run(&args[1..]),
        Some("size") => size::report(true).map(|_| ()),
        Some("build") => {
            let profile = if args.iter().any(|a| a == "--dev") { build::Profile::Dev } else { build::Profile::Release };
            build::wasm(profile)
        }
        Some("test") => test::all(),
        Some("bench") => bench::all(&args[1..]),
        Some("fuzz") => fuzz::run_all(&args[1..]),
        Some("map") => map::rebuild(&args[1..]),
        Some("data") => data::run(&args[1..]),
        Some("-h" | "--help" | "help") => {
            print!("{USAGE}");
            Ok(())
        }
        _ => Err(format!("unknown or missing command\n\n{USAGE}")),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xtask: {e}");
            ExitCode::FAILURE
        }
    }
}

fn port_arg(args: &[String]) -> Result<u16, String> {
    match args {
        [] => Ok(8080),
        [flag, n] if flag == "--port" => {
            n.parse().map_err(|_| format!("--port takes a number from 1 to 65535, not \"{n}\""))
        }
        _ => Err(format!("serve takes only --port N\n\n{USAGE}")),
    }
}

/// The workspace root (the folder above xtask/).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).parent().map_or_else(|| PathBuf::from("."), Path::to_path_buf)
}

/// Where cargo builds: `CARGO_TARGET_DIR` when set (relative to the folder cargo runs in, as cargo
/// reads it), else target/ in the workspace root. Builds sharing a machine each keep their own.
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR").filter(|d| !d.is_empty()) {
        Some(dir) => std::env::current_dir().map_or_else(|_| PathBuf::from(&dir), |cwd| cwd.join(&dir)),
        None => root().join("target"),
    }
}

/// Runs a command in the workspace root, echoing it, and fails with its name if it fails.
pub fn run(cmd: &mut Command) -> Result<(), String> {
    let shown = format!("{cmd:?}").replace('"', "");
    eprintln!("xtask: $ {shown}");
    if cmd.get_current_dir().is_none() {
        cmd.current_dir(root());
    }
    let status = cmd.status().map_err(|e| format!("could not start `{shown}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{shown}` failed ({status})"))
    }
}

/// Runs a command as `run` does and returns what it printed on standard output.
pub fn run_for_output(cmd: &mut Command) -> Result<String, String> {
    let shown = format!("{cmd:?}").replace('"', "");
    eprintln!("xtask: $ {shown}");
    if cmd.get_current_dir().is_none() {
        cmd.current_dir(root());
    }
    let out =
        cmd.stderr(std::process::Stdio::inherit()).output().map_err(|e| format!("could not start `{shown}`: {e}"))?;
    if out.status.success() {
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    } else {
        Err(format!("`{shown}` failed ({})", out.status))
    }
}

/// The output of a command, or `None` if it is not installed or fails.
pub fn output(cmd: &mut Command) -> Option<String> {
    let out = cmd.output().ok()?;
    out.status.success().then(|| String::from_utf8_lossy(&out.stdout).trim().to_string())
}
