//! Fuzz target: the dataset parser and validator (`data::from_json`), then localizing and laying out what loads.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| datastory_fuzz::dataset_json(bytes));
