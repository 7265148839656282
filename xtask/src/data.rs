//! `cargo xtask data check FILE` validates a dataset with the engine's own loader; `cargo xtask data
//! schema` writes the JSON Schema generated from the Rust types to docs/data-format.schema.json.

use std::path::Path;

use crate::root;

/// Where the generated schema is committed; a test fails when it drifts from the types.
pub const SCHEMA_FILE: &str = "docs/data-format.schema.json";

pub fn schema_text() -> Result<String, String> {
    let schema = schemars::schema_for!(datastory::data::Dataset);
    serde_json::to_string_pretty(&schema).map(|s| format!("{s}\n")).map_err(|e| e.to_string())
}

pub fn run(args: &[String]) -> Result<(), String> {
    match args {
        [cmd, file] if cmd == "check" => check(Path::new(file)),
        [cmd] if cmd == "schema" => {
            let path = root().join(SCHEMA_FILE);
            std::fs::write(&path, schema_text()?).map_err(|e| format!("writing {}: {e}", path.display()))?;
            eprintln!("xtask: wrote {SCHEMA_FILE}");
            Ok(())
        }
        _ => Err("usage: cargo xtask data check FILE.json | cargo xtask data schema".into()),
    }
}

/// Loads `file` exactly as the page does (same types, same checks) and says what is wrong and where.
fn check(file: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: cannot be read: {e}", file.display()))?;
    let d = datastory::data::from_json(&text).map_err(|e| format!("{}: {e}", file.display()))?;
    let languages = if d.languages.is_empty() { "en".to_string() } else { d.languages.join(", ") };
    println!(
        "{}: valid — {} regions, {} figures, {} charts; languages: {languages}",
        file.display(),
        d.regions.len(),
        d.figures.len(),
        d.charts.len()
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_committed_schema_matches_the_rust_types() {
        let committed = std::fs::read_to_string(root().join(SCHEMA_FILE)).unwrap_or_default();
        assert!(
            committed == schema_text().unwrap_or_default(),
            "{SCHEMA_FILE} is out of date with the types in src/data/; run `cargo xtask data schema` and commit it"
        );
    }

    #[test]
    fn the_story_checks_and_a_broken_file_is_named() {
        assert!(check(&root().join("data/story.json")).is_ok());
        let broken = std::env::temp_dir().join("datastory-broken-check.json");
        std::fs::write(&broken, "{\"story\": {\"id\": 1}}").unwrap_or_default();
        let msg = check(&broken).err().unwrap_or_default();
        assert!(msg.contains("story.id") && msg.contains("expected a string"), "{msg}");
    }
}
