//! The story's colours against the themes they are drawn on: contrast for marks and text, and
//! region colours that stay apart under simulated colour-vision deficiencies, and a choropleth's
//! palettes read in order by every kind of colour vision. Computed from the actual theme, dataset
//! and palette colours, so a change that breaks them fails here.
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

/// Every palette at every number of bins: neighbouring bins stay apart for every kind of colour
/// vision, a sequential ramp darkens from bin to bin, and the two sides of a diverging one differ.
#[test]
fn every_palette_stays_readable_for_every_kind_of_colour_vision() {
    use datastory::data::{Colors, Scheme::*};
    use datastory::scale::color::ColorScale;
    for scheme in [Blues, Greens, Purples, Oranges, RedBlue, BrownTeal, PurpleOrange] {
        for bins in 3..=9u8 {
            let extent = if scheme.diverging() { (-47.0, 52.0) } else { (0.0, 97.0) };
            let s = ColorScale::new(&Colors { scheme, bins: Some(bins), continuous: false, center: None }, extent);
            for d in [None, Some(Deficiency::Protanopia), Some(Deficiency::Deuteranopia), Some(Deficiency::Tritanopia)]
            {
                for w in s.colors.windows(2) {
                    let de = difference(w[0], w[1], d);
                    assert!(de >= 5.0, "{scheme:?} in {bins} bins: {:?} and {:?} under {d:?}: ΔE {de:.1}", w[0], w[1]);
                }
            }
            if scheme.diverging() {
                let mid = s.edges.iter().position(|e| *e == 0.0).expect("the middle is an edge");
                let (below, above) = (s.colors[mid - 1], s.colors[mid]);
                for d in
                    [None, Some(Deficiency::Protanopia), Some(Deficiency::Deuteranopia), Some(Deficiency::Tritanopia)]
                {
                    let de = difference(below, above, d);
                    assert!(de >= 10.0, "{scheme:?}: the two sides' lightest under {d:?}: ΔE {de:.1}");
                }
            } else {
                let lum: Vec<f64> = s.colors.iter().map(|c| c.luminance()).collect();
                assert!(lum.windows(2).all(|w| w[1] < w[0]), "{scheme:?} in {bins} bins darkens: {lum:?}");
            }
        }
    }
}
