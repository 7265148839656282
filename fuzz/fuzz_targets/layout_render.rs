//! Fuzz target: structured stories laid out at any width, drawn into SVG and hit-tested.
#![no_main]

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| datastory_fuzz::layout_render(bytes));
