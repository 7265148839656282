//! Colours, type sizes and the font stack shared by every chart (see the style guide).

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Parses `#rrggbb`; the data validator has already refused anything else.
    pub fn from_hex(s: &str) -> Option<Rgb> {
        let h = s.strip_prefix('#')?;
        if h.len() != 6 {
            return None;
        }
        let p = |i: usize| u8::from_str_radix(h.get(i..i + 2)?, 16).ok();
        Some(Rgb(p(0)?, p(2)?, p(4)?))
    }

    /// WCAG relative luminance.
    pub fn luminance(self) -> f64 {
        let lin = |c: u8| {
            let s = f64::from(c) / 255.0;
            if s <= 0.040_45 {
                s / 12.92
            } else {
                crate::host::pow((s + 0.055) / 1.055, 2.4)
            }
        };
        0.2126 * lin(self.0) + 0.7152 * lin(self.1) + 0.0722 * lin(self.2)
    }

    /// WCAG contrast ratio between two colours, from 1 to 21.
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }

    /// Whichever of `light` and `dark` reads better on this colour.
    #[must_use]
    pub fn text_on(self, light: Rgb, dark: Rgb) -> Rgb {
        if self.contrast(light) >= self.contrast(dark) {
            light
        } else {
            dark
        }
    }

    /// This colour, darkened towards `ink` only as far as text in it needs to read on `bg` (4.5:1):
    /// a line's name written in the line's own colour.
    #[must_use]
    pub fn readable_on(self, bg: Rgb, ink: Rgb) -> Rgb {
        (0..=10).map(|k| ink.over(self, f64::from(k) / 10.0)).find(|c| c.contrast(bg) >= 4.5).unwrap_or(ink)
    }

    /// This colour laid over `bg` at opacity `a`, as an opaque colour (for fades that SVG and canvas draw alike).
    #[must_use]
    pub fn over(self, bg: Rgb, a: f64) -> Rgb {
        let mix = |f: u8, b: u8| (f64::from(f) * a + f64::from(b) * (1.0 - a)).round() as u8;
        Rgb(mix(self.0, bg.0), mix(self.1, bg.1), mix(self.2, bg.2))
    }
}

/// Colours given to entities in order where the data name none (the importer's regions): the
/// Okabe–Ito colour-blind-safe set without its yellow and sky blue, which fall below 3:1 on a white
/// page, its blue darkened to pass on both themes, and a violet and a brown in their place. Entities
/// beyond these get the context grey (`CONTEXT_GREY`). tests/colours.rs checks contrast and that they
/// stay apart for every kind of colour vision.
pub const SERIES_COLOURS: [&str; 6] = ["#006eac", "#d55e00", "#009e73", "#cc79a7", "#7a33ee", "#885533"];

/// `Theme::LIGHT.context` as written in a dataset.
pub const CONTEXT_GREY: &str = "#767676";

/// The system font stack: no font downloads, CJK covered.
pub const FONT_FAMILY: &str =
    "system-ui, -apple-system, Segoe UI, Roboto, Noto Sans, PingFang SC, Microsoft YaHei, sans-serif";

/// A text style: one of the type scale's sizes, regular or bold.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Font {
    pub size: f64,
    pub bold: bool,
}

impl Font {
    pub const SMALL: Font = Font { size: 12.0, bold: false };
    /// Values where a phone leaves no room for `BODY_BOLD` (eight columns of "36k").
    pub const SMALL_BOLD: Font = Font { size: 12.0, bold: true };
    pub const BODY: Font = Font { size: 14.0, bold: false };
    pub const BODY_BOLD: Font = Font { size: 14.0, bold: true };
    pub const LABEL_BOLD: Font = Font { size: 16.0, bold: true };
    pub const HEADLINE: Font = Font { size: 20.0, bold: true };
    pub const BIG_NUMBER: Font = Font { size: 28.0, bold: true };

    /// Distance between the tops of two lines of this font.
    pub fn line_height(self) -> f64 {
        (self.size * 1.3).round()
    }
}

/// The colours a chart is drawn with.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Theme {
    pub background: Rgb,
    pub ink: Rgb,
    pub muted: Rgb,
    pub rule: Rgb,
    pub track: Rgb,
    /// Marks that belong to no region.
    pub context: Rgb,
}

impl Theme {
    pub const LIGHT: Theme = Theme {
        background: Rgb(255, 255, 255),
        ink: Rgb(26, 26, 26),
        muted: Rgb(89, 89, 89),
        rule: Rgb(204, 204, 204),
        track: Rgb(232, 232, 232),
        context: Rgb(118, 118, 118),
    };

    /// For pages with a dark background; region colours are kept, so they are checked against both.
    pub const DARK: Theme = Theme {
        background: Rgb(18, 18, 18),
        ink: Rgb(237, 237, 237),
        muted: Rgb(176, 176, 176),
        rule: Rgb(77, 77, 77),
        track: Rgb(51, 51, 51),
        context: Rgb(140, 140, 140),
    };

    /// `dark` or anything else for light: the page resolves `auto` from `prefers-color-scheme` first.
    pub fn named(name: &str) -> Theme {
        if name == "dark" {
            Theme::DARK
        } else {
            Theme::LIGHT
        }
    }
}
