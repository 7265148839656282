//! The story's colours against the themes they are drawn on: contrast for marks and text, and
//! region colours that stay apart under simulated colour-vision deficiencies. Computed from the
//! actual theme and dataset colours, so a change that breaks them fails here.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use datastory::theme::{Rgb, Theme};
use datastory::vision::{difference, Deficiency};

/// True when region `id` of `d` is shown in its colour beside others: a region of stated figures or
/// of the map, or an entity a line chart draws in colour. An entity drawn as grey context takes its
/// colour only while the reader points at it, one at a time.
fn coloured(d: &datastory::data::Dataset, id: &str) -> bool {
    use datastory::kinds::line;
    let lines: Vec<_> = d.charts.iter().filter(|c| c.indicator.is_some()).collect();
    let in_series = d.series.iter().any(|s| s.entity == id);
    !in_series
        || lines.iter().any(|c| {
            let drawn = line::drawn_ids(d, c);
            // Lines, slopes and small multiples colour what they highlight; bars colour every entity.
            drawn.contains(&id) && (c.kind == datastory::data::ChartKind::Bars || line::highlighted(c, id, drawn.len()))
        })
}

/// Each story's region colours shown together (the default story and every example), named "file: region".
fn stories_colours() -> Vec<Vec<(String, Rgb)>> {
    common::stories()
        .into_iter()
        .map(|(file, d)| {
            d.regions
                .iter()
                .filter(|r| coloured(&d, &r.id))
                .map(|r| {
                    let c = Rgb::from_hex(&r.color).unwrap_or_else(|| panic!("{file}: {} has no colour", r.name));
                    (format!("{file}: {}", r.name), c)
                })
                .collect()
        })
        .collect()
}

fn region_colours() -> Vec<(String, Rgb)> {
    stories_colours().into_iter().flatten().collect()
}

#[test]
fn marks_have_3_to_1_and_text_4_5_to_1_in_both_themes() {
    for (name, theme) in [("light", Theme::LIGHT), ("dark", Theme::DARK)] {
        let bg = theme.background;
        for (region, c) in region_colours().into_iter().chain([("context grey".to_string(), theme.context)]) {
            let ratio = c.contrast(bg);
            assert!(ratio >= 3.0, "{region} marks on the {name} background: {ratio:.2}:1");
        }
        for (what, c) in [("ink", theme.ink), ("muted text", theme.muted)] {
            let ratio = c.contrast(bg);
            assert!(ratio >= 4.5, "{what} on the {name} background: {ratio:.2}:1");
        }
    }
}

#[test]
fn names_written_on_the_map_read_on_their_region() {
    for theme in [Theme::LIGHT, Theme::DARK] {
        for (region, c) in region_colours() {
            let text = c.text_on(theme.background, theme.ink);
            let ratio = text.contrast(c);
            assert!(ratio >= 4.5, "the name of {region} on its colour: {ratio:.2}:1");
        }
    }
}

#[test]
fn region_colours_stay_apart_for_every_kind_of_colour_vision() {
    for colours in stories_colours() {
        apart(&colours);
    }
}

fn apart(colours: &[(String, Rgb)]) {
    for d in [None, Some(Deficiency::Protanopia), Some(Deficiency::Deuteranopia), Some(Deficiency::Tritanopia)] {
        for (i, (a, ca)) in colours.iter().enumerate() {
            for (b, cb) in colours.iter().skip(i + 1) {
                let de = difference(*ca, *cb, d);
                assert!(de >= 10.0, "{a} and {b} under {d:?}: ΔE {de:.1}");
            }
        }
    }
}

/// The colours the importer gives entities, and the grey after them: the same checks as a story's.
#[test]
fn the_import_palette_reads_on_both_themes_and_stays_apart() {
    use datastory::theme::{CONTEXT_GREY, SERIES_COLOURS};
    let palette: Vec<(String, Rgb)> = SERIES_COLOURS
        .iter()
        .map(|hex| (format!("palette {hex}"), Rgb::from_hex(hex).unwrap_or_else(|| panic!("{hex} is not #rrggbb"))))
        .collect();
    assert_eq!(Rgb::from_hex(CONTEXT_GREY), Some(Theme::LIGHT.context));
    for theme in [Theme::LIGHT, Theme::DARK] {
        for (name, c) in palette.iter().chain([&("context grey".to_string(), Theme::LIGHT.context)]) {
            let ratio = c.contrast(theme.background);
            assert!(ratio >= 3.0, "{name} on {:?}: {ratio:.2}:1", theme.background);
        }
    }
    apart(&palette);
}
