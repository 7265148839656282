//! Replays the fuzz targets' saved inputs (`fuzz/regressions/<target>/`) on stable, through the targets' own checks.
#![cfg(not(target_arch = "wasm32"))]

// The fuzz crate needs nightly; its checks are plain Rust, so the tests compile them in directly.
#[path = "../fuzz/src/lib.rs"]
mod harness;

use std::path::Path;

/// Every file saved for `target`, run through `check`; the file's name says which input failed.
fn replay(target: &str, check: fn(&[u8])) -> usize {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/regressions").join(target);
    let Ok(entries) = std::fs::read_dir(&dir) else { return 0 };
    let mut files: Vec<_> = entries.filter_map(Result::ok).map(|e| e.path()).filter(|p| p.is_file()).collect();
    files.sort();
    for file in &files {
        let bytes = std::fs::read(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        eprintln!("{target}: {}", file.display());
        check(&bytes);
    }
    files.len()
}

#[test]
fn saved_dataset_inputs_load_or_are_refused_with_a_message() {
    assert!(replay("dataset_json", harness::dataset_json) >= 3, "the saved inputs are missing");
}

#[test]
fn saved_sheets_import_or_are_refused_with_a_message() {
    assert!(replay("csv_import", harness::csv_import) >= 1, "the saved sheets are missing");
}

#[test]
fn saved_structured_stories_lay_out_and_draw() {
    replay("layout_render", harness::layout_render);
    // And a few inputs of every shape, so the harness itself is exercised on stable.
    for seed in 0u32..64 {
        let bytes: Vec<u8> =
            (0..600u32).map(|i| (i.wrapping_mul(2_654_435_761).wrapping_add(seed * 97) >> 13) as u8).collect();
        harness::layout_render(&bytes);
    }
}
