//! Fuzz target (not yet registered in fuzz/Cargo.toml): the CSV importer, `data::csv::from_csv`.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    // Any text either imports as a dataset that the validator accepts, or is refused with a message.
    match datastory::data::csv::from_csv(text) {
        Ok(d) => assert!(datastory::data::validate(&d).is_ok(), "the importer made a dataset that does not validate"),
        Err(e) => assert!(!e.message.trim().is_empty(), "refused without a message: {e:?}"),
    }
});
