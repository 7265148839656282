//! What a reader would see go wrong with a chart's labels, for the native tests and the browser's:
//! a number, a year or a word broken across lines, values in mixed styles, labels on top of each
//! other or off the canvas.
#![allow(dead_code)]

use datastory::data::{Dataset, Figure};
use datastory::format::{self, Style};
use datastory::i18n::Lang;
use datastory::kinds::cards::CardText;
use datastory::kinds::Body;
use datastory::model::{ChartModel, Label};

/// The real data in Chinese: the numbers are the engine's to write in each language; the words
/// stay the file's, but for the unit, which is run together with the number.
pub fn chinese(mut d: Dataset) -> Dataset {
    d.lang = Lang::Zh;
    for f in d.figures.iter_mut().filter(|f| !f.unit.is_empty()) {
        f.unit = "千兆瓦时".into();
    }
    d
}

fn wide(c: char) -> bool {
    u32::from(c) >= 0x2E80
}

/// True when `lines` are `text` broken only where a reader allows: at its spaces, or between two
/// Chinese characters; never inside a number, a year or a word.
pub fn whole(lines: &[&str], text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if lines.join(" ") == words.join(" ") {
        return true;
    }
    // Chinese breaks between characters: each break then joins two of them.
    let mut rest = words.join(" ");
    for (i, line) in lines.iter().enumerate() {
        let Some(after) = rest.strip_prefix(line) else { return false };
        let next = after.chars().next();
        if i + 1 < lines.len()
            && next != Some(' ')
            && !(line.chars().next_back().is_some_and(wide) && next.is_some_and(wide))
        {
            return false;
        }
        rest = after.trim_start().to_string();
    }
    rest.is_empty()
}

pub fn texts(labels: &[Label]) -> Vec<&str> {
    labels.iter().map(|l| l.text.as_str()).collect()
}

/// The styles the figure's value label may be drawn in, read from its lines: empty when it is none of them.
pub fn drawn_in(f: &Figure, lang: Lang, lines: &[&str]) -> Vec<Style> {
    [Style::Full, Style::Short(3), Style::Short(2)]
        .into_iter()
        .filter(|s| whole(lines, &format::compact_in(f, lang, *s)))
        .collect()
}

/// No number, year or word broken across lines, and no two labels on top of each other or off the canvas.
pub fn assert_whole_and_clear(d: &Dataset, m: &ChartModel, width: u32) {
    let at = format!("{} at {width} px ({:?})", m.id, d.lang);
    let figure = |id: &str| d.figure(id).unwrap_or_else(|| panic!("{at}: no figure {id}"));
    match &m.body {
        Body::Periods(c) => {
            let styles: Vec<Vec<Style>> = c
                .columns
                .iter()
                .filter(|col| !col.value.is_empty())
                .map(|col| drawn_in(figure(&col.figure), d.lang, &texts(&col.value)))
                .collect();
            assert!(styles.iter().all(|s| !s.is_empty()), "{at}: a value broken: {:?}", c.columns);
            // "4.7k" is 4,703 in two digits and in three: some one style holds them all.
            let common = [Style::Full, Style::Short(3), Style::Short(2)]
                .into_iter()
                .any(|s| styles.iter().all(|v| v.contains(&s)));
            assert!(common, "{at}: values in different styles: {styles:?}");
            for col in &c.columns {
                let f = figure(&col.figure);
                let period = format::sentence_case(f.period.as_deref().unwrap_or(&f.label));
                let lines = texts(&col.period);
                assert!(lines.is_empty() || whole(&lines, &period), "{at}: period {period:?} broken as {lines:?}");
            }
            assert!(c.columns.first().is_some_and(|col| !col.period.is_empty()), "{at}: the first period unlabelled");
        }
        Body::Bars(b) | Body::Multiple(b) => {
            for r in &b.rows {
                let f = figure(&r.figure);
                assert!(!drawn_in(f, d.lang, &texts(&r.value)).is_empty(), "{at}: value broken: {:?}", texts(&r.value));
                assert!(whole(&texts(&r.label), &f.label), "{at}: label broken: {:?}", texts(&r.label));
            }
        }
        Body::Cards(cards) => {
            for card in &cards.cards {
                let t = CardText::of(d, figure(&card.figure));
                let parts = [t.qualifier.as_deref(), Some(&t.value), t.label.as_deref(), t.period.as_deref()];
                let mut lines = texts(&card.texts).into_iter();
                for part in parts.into_iter().flatten() {
                    // A part's lines are the shortest run of lines that reads back as it.
                    let mut taken: Vec<&str> = Vec::new();
                    while !whole(&taken, part) {
                        let Some(l) = lines.next() else { panic!("{at}: {part:?} broken in {:?}", texts(&card.texts)) };
                        taken.push(l);
                    }
                }
            }
        }
        _ => {}
    }
    let labels = m.labels();
    for (i, a) in labels.iter().enumerate() {
        let ba = a.bbox();
        assert!(ba.x >= -0.5 && ba.right() <= m.width + 0.5 && ba.y >= -0.5, "{at}: {:?} leaves the canvas", a.text);
        for b in labels.iter().skip(i + 1) {
            assert!(!ba.overlaps(&b.bbox()), "{at}: {:?} overlaps {:?}", a.text, b.text);
        }
    }
}
