//! Annotations on a chart over time, placed in its plot: a reference line across it, a band of time
//! along it, a point called out, each label set clear of the other labels and, where it can be, of
//! the lines.

use crate::data::{AnnotationKind, Chart, DataError, Dataset};
use crate::model::{text, Align, Ctx, Label, Rect};
use crate::scale::{TimeScale, ValueScale};
use crate::theme::Font;

use super::series;

const FONT: Font = Font::SMALL;

/// One annotation laid out.
#[derive(Debug, Clone, PartialEq)]
pub struct Note {
    /// The label's lines, top to bottom: a label wider than the plot wraps rather than being cut.
    pub lines: Vec<Label>,
    /// A reference line across the plot, at this y.
    pub rule: Option<f64>,
    /// A band of time, drawn under the lines.
    pub band: Option<Rect>,
    /// The point called out, and the leader from it to its label.
    pub point: Option<(f64, f64)>,
    pub leader: Option<[(f64, f64); 2]>,
}

/// What an annotation of chart `c` needs: the fields of its kind, times the chart has, a known entity.
pub fn check(c: &Chart, d: &Dataset, at: &dyn Fn(&str) -> String) -> Result<(), DataError> {
    for (k, a) in c.annotations.iter().enumerate() {
        let fail = |message: String| Err(DataError { path: at(&format!("annotations[{k}]")), message });
        let ok = match a.kind {
            AnnotationKind::Line => a.value.is_some_and(f64::is_finite),
            AnnotationKind::Band => a.from.zip(a.to).is_some_and(|(f, t)| f <= t),
            AnnotationKind::Point => a.entity.is_some() && a.time.is_some(),
        };
        if !ok {
            return fail(format!(
                "annotation \"{}\" of chart \"{}\" is a {} and needs {}",
                crate::data::excerpt(&a.label, 40),
                c.id,
                a.kind.word(),
                match a.kind {
                    AnnotationKind::Line => "a finite `value`, where the line is drawn",
                    AnnotationKind::Band => "`from` and `to`, its first and last times, in that order",
                    AnnotationKind::Point => "`entity` and `time`: whose value, and when",
                }
            ));
        }
        if let (Some(e), Some(t)) = (&a.entity, a.time) {
            let has = series::drawn(d, c).iter().any(|s| &s.entity == e && series::value_at(s, t).is_some());
            if !has {
                return fail(format!(
                    "annotation \"{}\" calls out \"{e}\" at {t}, where chart \"{}\" draws no value of it",
                    crate::data::excerpt(&a.label, 40),
                    c.id
                ));
            }
        }
    }
    Ok(())
}

/// The chart's annotations laid out in `plot`, their labels clear of `taken` (the labels already
/// placed), of each other and of the `lines` drawn (polylines in CSS pixels, left to right); where
/// the plot has no such place, under it.
pub fn place(
    cx: &Ctx,
    d: &Dataset,
    c: &Chart,
    scales: (&TimeScale, &ValueScale),
    plot: Rect,
    taken: &[Rect],
    lines: &[&[(f64, f64)]],
) -> Vec<Note> {
    let (times, values) = scales;
    let mut placed: Vec<Rect> = taken.to_vec();
    // Where labels with no room in the plot go: a line each, under everything else.
    let mut below = taken.iter().map(Rect::bottom).fold(plot.bottom(), f64::max) + 4.0;
    let mut notes = Vec::new();
    // A note is said whole: a label wider than the plot wraps onto more lines.
    let room = (plot.w - 24.0).max(80.0);
    for a in &c.annotations {
        let words = text::wrap(cx.m, &a.label, room, FONT);
        let clear = |r: &Rect, placed: &[Rect]| {
            r.x >= plot.x
                && r.right() <= plot.right()
                && r.y >= plot.y - 2.0
                && r.bottom() <= plot.bottom()
                && !placed.iter().any(|p| p.overlaps(r))
        };
        // A label over a line would hide the line.
        let clear = |r: &Rect, placed: &[Rect]| clear(r, placed) && !lines.iter().any(|l| crosses(l, &r.grow(2.0)));
        let note = match a.kind {
            AnnotationKind::Line => {
                let y = values.map(a.value.unwrap_or(0.0));
                let h = FONT.line_height();
                let tries: Vec<(f64, f64, Align)> = [(plot.right(), Align::Right), (plot.x + 4.0, Align::Left)]
                    .into_iter()
                    .flat_map(|(x, align)| [(x, y - h - 2.0, align), (x, y + 2.0, align)])
                    .collect();
                let lines = pick(cx, &words, &tries, |r| clear(r, &placed), below);
                Note { lines, rule: Some(y), band: None, point: None, leader: None }
            }
            AnnotationKind::Band => {
                let x0 = a.from.map_or(plot.x, |t| times.map(t.position())).max(plot.x);
                let x1 = a.to.map_or(plot.right(), |t| times.map(t.position())).min(plot.right());
                let band = Rect { x: x0, y: plot.y, w: (x1 - x0).max(2.0), h: plot.h };
                // Along the band's top, then a line lower at a time, at its left or right edge.
                let h = FONT.line_height();
                let tries: Vec<(f64, f64, Align)> = (0..(plot.h / h) as usize)
                    .flat_map(|k| {
                        let y = plot.y + 2.0 + k as f64 * h;
                        [(x0 + 4.0, y, Align::Left), (x1 - 4.0, y, Align::Right)]
                    })
                    .collect();
                let lines = pick(cx, &words, &tries, |r| clear(r, &placed), below);
                Note { lines, rule: None, band: Some(band), point: None, leader: None }
            }
            AnnotationKind::Point => {
                let s = series::drawn(d, c).into_iter().find(|s| Some(&s.entity) == a.entity.as_ref());
                let (t, v) = (a.time, s.zip(a.time).and_then(|(s, t)| series::value_at(s, t)));
                let (px, py) = (t.map_or(plot.x, |t| times.map(t.position())), v.map_or(plot.y, |v| values.map(v)));
                // Beside the point, on whichever side first has room: the label never covers a line's end.
                let h = FONT.line_height();
                let tries: Vec<(f64, f64, Align)> = [8.0, 24.0, 48.0, 80.0]
                    .into_iter()
                    .flat_map(|d| {
                        [
                            (px + 10.0, py - h - d, Align::Left),
                            (px - 10.0, py - h - d, Align::Right),
                            (px + 10.0, py + d, Align::Left),
                            (px - 10.0, py + d, Align::Right),
                        ]
                    })
                    .collect();
                let lines = pick(cx, &words, &tries, |r| clear(r, &placed), below);
                let b = block(&lines);
                let left = lines.first().is_none_or(|l| l.align == Align::Left);
                let end = (if left { b.x - 2.0 } else { b.right() + 2.0 }, b.y + h / 2.0);
                Note { lines, rule: None, band: None, point: Some((px, py)), leader: Some([(px, py), end]) }
            }
        };
        let b = block(&note.lines);
        if b.y >= below - 0.5 {
            below = b.bottom();
        }
        placed.push(b);
        notes.push(note);
    }
    notes
}

/// The box around a label's lines.
pub fn block(lines: &[Label]) -> Rect {
    let boxes = lines.iter().map(Label::bbox);
    let (x0, y0, x1, y1) = boxes
        .fold((f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY), |(a, b, c, d), r| {
            (a.min(r.x), b.min(r.y), c.max(r.right()), d.max(r.bottom()))
        });
    if x0 > x1 {
        return Rect { x: 0.0, y: 0.0, w: 0.0, h: 0.0 };
    }
    Rect { x: x0, y: y0, w: x1 - x0, h: y1 - y0 }
}

/// True where the polyline `line` (left to right) passes through `r`.
pub fn crosses(line: &[(f64, f64)], r: &Rect) -> bool {
    let (x0, x1) = (r.x, r.right());
    // The points from the last at or left of the box to the first at or right of it.
    let from = line.partition_point(|p| p.0 < x0).saturating_sub(1);
    let to = (line.partition_point(|p| p.0 <= x1) + 1).min(line.len());
    let Some(part) = line.get(from..to) else { return false };
    if let [(x, y)] = part {
        return r.contains(*x, *y);
    }
    part.windows(2).any(|w| {
        let ((ax, ay), (bx, by)) = (w[0], w[1]);
        // The segment's part within the box's columns, and the heights it spans there.
        let (lo, hi) = (ax.max(x0), bx.min(x1));
        if lo > hi {
            return false;
        }
        let at = |x: f64| if bx > ax { ay + (by - ay) * (x - ax) / (bx - ax) } else { ay };
        let (ya, yb) = (at(lo), at(hi));
        ya.max(yb) >= r.y && ya.min(yb) <= r.bottom()
    })
}

/// The lines of the first of `tries` (x, y of the top line, alignment) whose block is `clear`.
/// Where none is, the label goes under the plot, below everything, rather than over a line or
/// another label.
fn pick(
    cx: &Ctx,
    words: &[String],
    tries: &[(f64, f64, Align)],
    clear: impl Fn(&Rect) -> bool,
    below: f64,
) -> Vec<Label> {
    let h = FONT.line_height();
    let make = |&(x, y, align): &(f64, f64, Align)| -> Vec<Label> {
        words
            .iter()
            .enumerate()
            .map(|(k, w)| cx.label(w.clone(), x, y + k as f64 * h, FONT, cx.theme.ink, align))
            .collect()
    };
    tries.iter().map(make).find(|ls| clear(&block(ls))).unwrap_or_else(|| make(&(0.0, below, Align::Left)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const BOX: Rect = Rect { x: 10.0, y: 10.0, w: 20.0, h: 10.0 };

    #[test]
    fn a_line_through_the_box_crosses_it_and_one_past_it_does_not() {
        assert!(crosses(&[(0.0, 0.0), (40.0, 30.0)], &BOX), "diagonal through the box");
        assert!(crosses(&[(0.0, 15.0), (5.0, 15.0), (50.0, 15.0)], &BOX), "level through the middle");
        assert!(!crosses(&[(0.0, 5.0), (50.0, 5.0)], &BOX), "above the box");
        assert!(!crosses(&[(0.0, 25.0), (50.0, 25.0)], &BOX), "below the box");
        assert!(!crosses(&[(0.0, 0.0), (8.0, 30.0)], &BOX), "ends left of the box");
        // Steep: the segment rises through the box between two of its columns.
        assert!(crosses(&[(19.0, 40.0), (21.0, 0.0)], &BOX), "steep through the box");
        assert!(crosses(&[(15.0, 12.0)], &BOX), "a lone point inside");
        assert!(!crosses(&[], &BOX));
    }
}
