//! `cargo xtask map [NAME…]`: builds the boundaries files of data/map/ from their recipes (`NAME.recipe.json`: every one, or those named) with Natural Earth boundaries and the pinned build tools.

use std::path::PathBuf;
use std::process::Command;

use crate::{root, run};

pub fn rebuild(names: &[String]) -> Result<(), String> {
    let dir = root().join("data/map");
    let recipes = if names.is_empty() {
        every_recipe(&dir)?
    } else {
        names.iter().map(|n| recipe_of(&dir, n)).collect::<Result<_, _>>()?
    };
    let work = root().join("target/map-build");
    std::fs::create_dir_all(&work).map_err(|e| format!("creating {}: {e}", work.display()))?;
    for file in ["package.json", "package-lock.json", ".npmrc"] {
        std::fs::copy(dir.join(file), work.join(file)).map_err(|e| format!("copying {file}: {e}"))?;
    }
    // The boundary package is large (about 92 MB): it stays in target/, never in the repository or the page.
    run(Command::new("npm").args(["ci", "--no-audit", "--no-fund"]).current_dir(&work))?;
    for (recipe, out) in recipes {
        run(Command::new("node").arg("data/map/build.mjs").arg(work.join("node_modules")).arg(recipe).arg(out))?;
    }
    Ok(())
}

/// The recipe `data/map/NAME.recipe.json` and the file it makes, `data/map/NAME.json`.
fn recipe_of(dir: &std::path::Path, name: &str) -> Result<(PathBuf, PathBuf), String> {
    let recipe = dir.join(format!("{name}.recipe.json"));
    if !recipe.is_file() {
        let known: Vec<String> = every_recipe(dir)?.iter().filter_map(|(_, out)| stem(out)).collect();
        return Err(format!("there is no recipe data/map/{name}.recipe.json; the maps are: {}", known.join(", ")));
    }
    Ok((recipe, dir.join(format!("{name}.json"))))
}

/// Every recipe of `dir`, by name.
fn every_recipe(dir: &std::path::Path) -> Result<Vec<(PathBuf, PathBuf)>, String> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| format!("reading {}: {e}", dir.display()))? {
        let path = entry.map_err(|e| e.to_string())?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        if let Some(stem) = name.strip_suffix(".recipe.json") {
            found.push((path.clone(), dir.join(format!("{stem}.json"))));
        }
    }
    found.sort();
    Ok(found)
}

fn stem(path: &std::path::Path) -> Option<String> {
    path.file_stem().and_then(|s| s.to_str()).map(str::to_string)
}
