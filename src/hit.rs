//! Pure hit-testing: which mark a CSS-pixel point is on, from the marks a chart drew.

use crate::geo;
use crate::model::Mark;

/// The index of the topmost mark under `(x, y)` (CSS pixels from the canvas' top left), if any.
/// Boxes count their hit area; shapes count only their inside, so a border point belongs to one region.
pub fn hit_test(marks: &[Mark], x: f64, y: f64) -> Option<usize> {
    if !(x.is_finite() && y.is_finite()) {
        return None;
    }
    marks.iter().enumerate().rev().find_map(|(i, m)| holds(m, x, y).then_some(i))
}

/// True when mark `m`'s hit area (its shape, for a region) holds `(x, y)`.
pub fn holds(m: &Mark, x: f64, y: f64) -> bool {
    if m.rings.is_empty() {
        m.hit.contains(x, y)
    } else {
        // The box is only a quick reject; its far edges must not cut off border points the shape owns.
        let near = x >= m.hit.x && x <= m.hit.right() && y >= m.hit.y && y <= m.hit.bottom();
        near && geo::contains(&m.rings, (x, y))
    }
}

/// The index of the smallest mark whose shape holds `(x, y)`, the first of them on a tie: on a map,
/// a region inside another (Lesotho in South Africa) rather than the one around it, whose outer
/// ring covers it too.
pub fn smallest(marks: &[Mark], x: f64, y: f64) -> Option<usize> {
    if !(x.is_finite() && y.is_finite()) {
        return None;
    }
    let area = |m: &Mark| m.rect.w * m.rect.h;
    let under = marks.iter().enumerate().filter(|(_, m)| holds(m, x, y));
    under
        .fold(None, |best: Option<(usize, &Mark)>, (i, m)| match best {
            Some((_, b)) if area(b) <= area(m) => best,
            _ => Some((i, m)),
        })
        .map(|(i, _)| i)
}

/// The mark after (or before, with `step` -1) `current` in reading order, wrapping around.
pub fn step(count: usize, current: Option<usize>, step: isize) -> Option<usize> {
    if count == 0 {
        return None;
    }
    let n = count as isize;
    Some(match current {
        None if step < 0 => count - 1,
        None => 0,
        Some(i) => (i as isize + step).rem_euclid(n) as usize,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyboard_steps_wrap_around() {
        assert_eq!(step(3, None, 1), Some(0));
        assert_eq!(step(3, None, -1), Some(2));
        assert_eq!(step(3, Some(2), 1), Some(0));
        assert_eq!(step(3, Some(0), -1), Some(2));
        assert_eq!(step(0, None, 1), None);
    }
}
