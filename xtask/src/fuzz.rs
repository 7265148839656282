//! `cargo xtask fuzz [--seconds N] [TARGET…]`: runs each cargo-fuzz target for a bounded time and reports.
//!
//! Needs the nightly toolchain and cargo-fuzz (installed here when missing, which takes minutes), so it
//! is not part of `cargo xtask test`; that runs the saved inputs in `fuzz/regressions/` on stable instead.

use std::fs;
use std::path::Path;
use std::process::Command;

use crate::{output, root, run};

/// The registered targets. `csv_import` joins them once it is registered in fuzz/Cargo.toml.
const TARGETS: [&str; 3] = ["dataset_json", "csv_import", "layout_render"];

pub fn run_all(args: &[String]) -> Result<(), String> {
    let (seconds, targets) = parse(args)?;
    ensure_tools()?;
    let mut report = Vec::new();
    for target in &targets {
        report.push(fuzz(target, seconds)?);
    }
    eprintln!("\nxtask: fuzzing done, no crash:");
    for line in report {
        eprintln!("  {line}");
    }
    Ok(())
}

fn parse(args: &[String]) -> Result<(u64, Vec<String>), String> {
    let mut seconds = 60;
    let mut targets = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        if a == "--seconds" {
            let n = it.next().ok_or("--seconds takes a number")?;
            seconds = n.parse().map_err(|_| format!("--seconds takes a number of seconds, not \"{n}\""))?;
        } else if TARGETS.contains(&a.as_str()) {
            targets.push(a.clone());
        } else {
            return Err(format!("unknown fuzz target or option \"{a}\"; targets: {}", TARGETS.join(", ")));
        }
    }
    if targets.is_empty() {
        targets = TARGETS.iter().map(ToString::to_string).collect();
    }
    Ok((seconds, targets))
}

fn ensure_tools() -> Result<(), String> {
    let nightly = output(Command::new("rustup").args(["toolchain", "list"])).unwrap_or_default();
    if !nightly.lines().any(|l| l.starts_with("nightly")) {
        run(Command::new("rustup").args(["toolchain", "install", "nightly", "--profile", "minimal"]))?;
    }
    if output(Command::new("cargo").args(["+nightly", "fuzz", "--version"])).is_none() {
        eprintln!("xtask: installing cargo-fuzz (once; a few minutes)");
        run(Command::new("cargo").args(["install", "cargo-fuzz", "--locked"]))?;
    }
    Ok(())
}

/// Runs one target for `seconds` from its corpus (seeded with the story and the saved regressions);
/// returns a line for the report, or where the crashing input was written.
fn fuzz(target: &str, seconds: u64) -> Result<String, String> {
    let fuzz_dir = root().join("fuzz");
    let corpus = fuzz_dir.join("corpus").join(target);
    fs::create_dir_all(&corpus).map_err(|e| format!("creating {}: {e}", corpus.display()))?;
    if target == "dataset_json" {
        fs::copy(root().join("data/story.json"), corpus.join("story.json"))
            .map_err(|e| format!("seeding the corpus with data/story.json: {e}"))?;
    }
    let regressions = fuzz_dir.join("regressions").join(target);
    let mut cmd = Command::new("cargo");
    cmd.args(["+nightly", "fuzz", "run", "-O", target])
        .arg(&corpus)
        .args(regressions.is_dir().then_some(&regressions))
        .args(["--", &format!("-max_total_time={seconds}"), "-timeout=10", "-print_final_stats=1"]);
    if target == "dataset_json" {
        cmd.args(["-max_len=65536", &format!("-dict={}", fuzz_dir.join("dataset_json.dict").display())]);
    } else {
        // Structured input: let libFuzzer use long inputs at once rather than growing them slowly.
        cmd.args(["-max_len=8192", "-len_control=0"]);
    }
    let log = root().join("target").join(format!("fuzz-{target}.log"));
    eprintln!("xtask: fuzzing {target} for {seconds} s (log: {})", shown(&log));
    let out = cmd.current_dir(root()).output().map_err(|e| format!("could not start cargo fuzz: {e}"))?;
    let text = String::from_utf8_lossy(&out.stderr);
    fs::create_dir_all(root().join("target")).map_err(|e| e.to_string())?;
    fs::write(&log, text.as_bytes()).map_err(|e| format!("writing {}: {e}", log.display()))?;
    let stat =
        |name: &str| text.lines().find_map(|l| l.strip_prefix(&format!("stat::{name}:")).map(|v| v.trim().to_string()));
    if !out.status.success() {
        let artifact = text.lines().find(|l| l.contains("Test unit written to")).unwrap_or("see the log");
        return Err(format!(
            "{target} failed: {artifact}\nreplay it with `cargo +nightly fuzz run {target} <file>`, fix the code, \
             and save the input in fuzz/regressions/{target}/ with a test (log: {})",
            shown(&log)
        ));
    }
    Ok(format!(
        "{target}: {} runs in {seconds} s ({} a second), corpus grew by {}",
        stat("number_of_executed_units").unwrap_or_else(|| "?".into()),
        stat("average_exec_per_sec").unwrap_or_else(|| "?".into()),
        stat("new_units_added").unwrap_or_else(|| "?".into()),
    ))
}

fn shown(p: &Path) -> String {
    p.strip_prefix(root()).unwrap_or(p).display().to_string()
}
