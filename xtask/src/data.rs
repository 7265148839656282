//! `cargo xtask data …`: checks a dataset with the engine's own loader, imports tables (the section
//! layout, Our World in Data's download, wide and long tables) to JSON and exports back to the
//! section layout, and writes the JSON Schema generated from the Rust types.

use std::path::Path;

use datastory::data::{self, Dataset};
use datastory::geo::{GeoMap, MapData};

use crate::root;

/// Where the generated schema is committed; a test fails when it drifts from the types.
pub const SCHEMA_FILE: &str = "docs/data-format.schema.json";

const USAGE: &str = "usage: cargo xtask data check FILE.json|FILE.csv
       cargo xtask data import FILE.csv|FILE.tsv|- > FILE.json   (- reads the table from standard input)
       cargo xtask data export FILE.json > FILE.csv
       cargo xtask data schema";

pub fn schema_text() -> Result<String, String> {
    let schema = schemars::schema_for!(datastory::data::Dataset);
    serde_json::to_string_pretty(&schema).map(|s| format!("{s}\n")).map_err(|e| e.to_string())
}

pub fn run(args: &[String]) -> Result<(), String> {
    match args {
        [cmd, file] if cmd == "check" => {
            let d = load(Path::new(file))?;
            let quotes = check_quotes(&d, Path::new(file))?;
            eprintln!("{file}: {}", summary(&d));
            if quotes > 0 {
                eprintln!("{file}: {quotes} quotes found word for word in their source documents");
            }
            for line in check_map(&d, Path::new(file))? {
                eprintln!("{file}: {line}");
            }
            Ok(())
        }
        [cmd, file] if cmd == "import" && file == "-" => {
            let mut text = String::new();
            std::io::Read::read_to_string(&mut std::io::stdin(), &mut text)
                .map_err(|e| format!("standard input: cannot be read as UTF-8 text: {e}"))?;
            let d = data::import::from_table(&text, "").map_err(|e| format!("standard input: {e}"))?;
            print!("{}", to_json(&d)?);
            eprintln!("standard input: {}", summary(&d));
            Ok(())
        }
        [cmd, file] if cmd == "import" => {
            let d = load(Path::new(file))?;
            print!("{}", to_json(&d)?);
            eprintln!("{file}: {}", summary(&d));
            Ok(())
        }
        [cmd, file] if cmd == "export" => {
            let d = load(Path::new(file))?;
            // The section layout holds stated figures; series live in the table they came from.
            if !d.series.is_empty() {
                return Err(format!(
                    "{file} holds series, which the spreadsheet layout of stated figures cannot carry; keep the table it was imported from (a story's series are its table's values) and edit the words in the JSON"
                ));
            }
            print!("{}", data::csv::to_csv(&d));
            Ok(())
        }
        [cmd] if cmd == "schema" => {
            let path = root().join(SCHEMA_FILE);
            std::fs::write(&path, schema_text()?).map_err(|e| format!("writing {}: {e}", path.display()))?;
            eprintln!("xtask: wrote {SCHEMA_FILE}");
            Ok(())
        }
        _ => Err(USAGE.into()),
    }
}

/// Loads a JSON dataset or a table (CSV, TSV or text) exactly as the engine does (same types, same
/// checks), naming the file and the place in it when something is wrong.
pub fn load(file: &Path) -> Result<Dataset, String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: cannot be read: {e}", file.display()))?;
    let table = file.extension().is_some_and(|e| ["csv", "tsv", "txt"].iter().any(|x| e.eq_ignore_ascii_case(x)));
    let loaded = if table {
        let name = file.file_name().map_or_else(|| file.display().to_string(), |n| n.to_string_lossy().into_owned());
        data::import::from_table(&text, &name).map_err(|e| e.to_string())
    } else {
        data::from_json(&text).map_err(|e| e.to_string())
    };
    loaded.map_err(|e| format!("{}: {e}", file.display()))
}

/// Finds every quote in the source document its source names, read relative to the story `file`.
pub fn check_quotes(d: &Dataset, file: &Path) -> Result<usize, String> {
    let dir = file.parent().unwrap_or(Path::new("."));
    data::quotes::check(d, |path| std::fs::read_to_string(dir.join(path)).map_err(|e| e.to_string()))
        .map_err(|e| format!("{}: {e}", file.display()))
}

/// What the story's map (`story.map`, read relative to the story `file`) leaves out: the regions
/// whose `geo` names no shape of it, and how many of its shapes no region names (the map draws
/// those grey, as land without data). Nothing without a map.
pub fn check_map(d: &Dataset, file: &Path) -> Result<Vec<String>, String> {
    let Some(rel) = &d.story.map else { return Ok(Vec::new()) };
    let path = file.parent().unwrap_or(Path::new(".")).join(rel);
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: the story's map: {e}", path.display()))?;
    let map = MapData::from_json(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    let joined = GeoMap::new(&map, d).map_err(|e| format!("{}: {e}", file.display()))?;
    let mut lines = Vec::new();
    if !joined.unmapped.is_empty() {
        let named: Vec<String> = joined
            .unmapped
            .iter()
            .filter_map(|id| d.regions.iter().find(|r| &r.id == id))
            .map(|r| format!("{} ({})", r.name, r.geo.as_deref().unwrap_or_default()))
            .collect();
        let what = if named.len() == 1 { "region has" } else { "regions have" };
        lines.push(format!(
            "{} {what} no shape on the map {rel}, and the map says so under it: {}",
            named.len(),
            named.join(", ")
        ));
    }
    let unused: Vec<&str> = map
        .regions
        .iter()
        .filter(|s| !d.regions.iter().any(|r| r.geo.as_ref() == Some(&s.id)))
        .map(|s| s.id.as_str())
        .collect();
    if !unused.is_empty() {
        let shown: Vec<&str> = unused.iter().take(10).copied().collect();
        let more = if unused.len() > shown.len() {
            format!(" and {} more", unused.len() - shown.len())
        } else {
            String::new()
        };
        lines.push(format!(
            "{} shapes of {rel} have no region in the story (a map draws them as grey neighbours, a choropleth as no data): {}{more}",
            unused.len(),
            shown.join(", ")
        ));
    }
    Ok(lines)
}

/// The dataset as pretty JSON, with each series' `times` and `values` on one line: a series of
/// 10,000 values is then 10,000 numbers, not 10,000 indented lines, and reads as a row.
pub fn to_json(d: &Dataset) -> Result<String, String> {
    let pretty = serde_json::to_string_pretty(d).map_err(|e| e.to_string())?;
    let mut out = String::with_capacity(pretty.len());
    let mut lines = pretty.lines().peekable();
    while let Some(line) = lines.next() {
        out.push_str(line);
        let key = line.trim_start();
        if key == "\"times\": [" || key == "\"values\": [" {
            // Pretty JSON writes one scalar per line and the closing bracket on a line of its own.
            let mut items = Vec::new();
            while let Some(next) = lines.next_if(|l| !l.trim_start().starts_with(']')) {
                items.push(next.trim().trim_end_matches(','));
            }
            if items.iter().any(|i| i.starts_with(['[', '{'])) {
                return Err("a series' times or values hold a list or an object".into());
            }
            out.push_str(&items.join(", "));
            if let Some(close) = lines.next() {
                out.push_str(close.trim_start());
            }
        }
        out.push('\n');
    }
    Ok(out)
}

fn summary(d: &Dataset) -> String {
    let languages = if d.languages.is_empty() { "en".to_string() } else { d.languages.join(", ") };
    let points: usize = d.series.iter().map(|s| s.points().len()).sum();
    let series = if d.series.is_empty() {
        String::new()
    } else {
        format!("{} indicators, {} series of {points} values, ", d.indicators.len(), d.series.len())
    };
    format!(
        "valid — {} regions, {} figures, {series}{} charts; languages: {languages}",
        d.regions.len(),
        d.figures.len(),
        d.charts.len()
    )
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
        assert!(load(&root().join("data/story.json")).is_ok());
        let broken = std::env::temp_dir().join("datastory-broken-check.json");
        std::fs::write(&broken, "{\"story\": {\"id\": 1}}").unwrap_or_default();
        let msg = load(&broken).err().unwrap_or_default();
        assert!(msg.contains("story.id") && msg.contains("expected a string"), "{msg}");
    }

    #[test]
    fn the_check_says_which_regions_the_map_has_no_shape_for_and_which_shapes_no_region_names() {
        // The story on the map of China's 34 divisions, Inner Mongolia's code mistyped.
        let dir = std::env::temp_dir().join("datastory-check-map");
        std::fs::create_dir_all(dir.join("map")).unwrap_or_default();
        std::fs::copy(root().join("data/map/china.json"), dir.join("map/china.json")).unwrap_or_default();
        let mut story: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(root().join("data/story.json")).unwrap_or_default())
                .unwrap_or_default();
        story["story"]["map"] = "map/china.json".into();
        story["regions"][3]["geo"] = "CN-XX".into();
        let file = dir.join("story.json");
        std::fs::write(&file, story.to_string()).unwrap_or_default();
        let d = load(&file).unwrap_or_else(|e| panic!("{e}"));
        let lines = check_map(&d, &file).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(lines.len(), 2, "{lines:?}");
        assert!(
            lines[0].starts_with("1 region has no shape") && lines[0].ends_with("Inner Mongolia (CN-XX)"),
            "{}",
            lines[0]
        );
        assert!(
            lines[1].starts_with("31 shapes of map/china.json have no region in the story")
                && lines[1].ends_with("and 21 more"),
            "{}",
            lines[1]
        );
        // The story as it is: every region on its map, beside the four divisions drawn as its neighbours.
        let d = load(&root().join("data/story.json")).unwrap_or_else(|e| panic!("{e}"));
        let lines = check_map(&d, &root().join("data/story.json")).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(lines.len(), 1, "{lines:?}");
        assert!(
            lines[0].starts_with(
                "4 shapes of map/northeast-china.json have no region in the story (a map draws them as grey neighbours"
            ),
            "{}",
            lines[0]
        );
    }

    #[test]
    fn an_imported_table_is_written_with_each_series_on_two_lines_and_reads_back() {
        let d = load(&root().join("tests/fixtures/series/gapminder-owid.csv")).unwrap_or_else(|e| panic!("{e}"));
        let json = to_json(&d).unwrap_or_else(|e| panic!("{e}"));
        assert!(json.contains("\"times\": [1955, 1960, 1965,"), "{}", &json[..json.len().min(2000)]);
        assert_eq!(data::from_json(&json).unwrap_or_else(|e| panic!("{e}")), d);
        // A sheet in the section layout is written as it always was.
        let sheet = load(&root().join("tests/fixtures/minnesota-barley-sheet.csv")).unwrap_or_else(|e| panic!("{e}"));
        let committed =
            std::fs::read_to_string(root().join("tests/fixtures/minnesota-barley-sheet.json")).unwrap_or_default();
        assert!(to_json(&sheet).unwrap_or_default() == committed, "the barley sheet imports differently");
    }

    #[test]
    fn the_story_survives_export_to_csv_and_import_back() {
        let d = load(&root().join("data/story.json")).unwrap_or_else(|e| panic!("{e}"));
        let csv = std::env::temp_dir().join("datastory-roundtrip.csv");
        std::fs::write(&csv, data::csv::to_csv(&d)).unwrap_or_default();
        let back = load(&csv).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back, d);
        let json: serde_json::Value = serde_json::from_str(&to_json(&back).unwrap_or_default()).unwrap_or_default();
        let original: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(root().join("data/story.json")).unwrap_or_default())
                .unwrap_or_default();
        assert_eq!(json["figures"].as_array().map(Vec::len), original["figures"].as_array().map(Vec::len));
    }
}
