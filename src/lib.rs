//! Data-story engine: loads a story dataset and draws its comparative charts with plotters.
//!
//! The data's way: `data` (typed, validated) -> `model` (pure layout) -> `render` (any plotters
//! backend) -> `web` (the browser glue, the only wasm-bindgen code).

// A string slice that can panic brings the standard library's slicing message, text's escaping
// Debug and its Unicode tables into the wasm (4.4 kB gzipped of the page): `get` or
// `split_at_checked` instead (the engine has no `split_at` either, which this lint does not see).
#![warn(clippy::string_slice)]

pub mod data;
pub mod describe;
#[cfg(any(not(target_arch = "wasm32"), feature = "editor"))]
pub mod editor;
#[cfg(feature = "svg")]
pub mod export;
pub mod figure_csv;
pub mod format;
pub mod geo;
pub mod hit;
pub mod host;
pub mod i18n;
pub mod kinds;
pub mod model;
#[cfg(feature = "svg")]
pub mod publish;
pub mod render;
pub mod scale;
pub mod theme;
pub mod time;
pub mod view;
pub mod vision;

#[cfg(target_arch = "wasm32")]
pub mod web;
