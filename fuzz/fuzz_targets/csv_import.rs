//! Fuzz target: the CSV importer (`data::csv::from_csv`) and its way back (`to_csv`).
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| datastory_fuzz::csv_import(bytes));
