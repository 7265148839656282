//! Hit-testing against what was drawn: every region's inside, shared borders, the canvas' edges,
//! bar edges, at device pixel ratios 1 to 3 and every width from 320 to 1200 px.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use datastory::geo;
use datastory::hit::hit_test;
use datastory::model::Mark;

fn map_marks(width: f64) -> (Vec<Mark>, f64, f64) {
    let d = common::fixture();
    let m = common::model(&d, "map", width);
    (m.marks(), m.width, m.height)
}

#[test]
fn every_region_is_hit_at_a_point_inside_it_at_every_width() {
    for width in (320..=1200).step_by(40) {
        let (marks, _, _) = map_marks(f64::from(width));
        assert_eq!(marks.len(), 4, "four regions at {width}");
        for (i, m) in marks.iter().enumerate() {
            let p = geo::label_point(&m.rings);
            assert_eq!(hit_test(&marks, p.0, p.1), Some(i), "{} at {width}px, point {p:?}", m.id);
        }
    }
}

#[test]
fn a_point_on_a_shared_border_belongs_to_exactly_one_of_its_two_regions() {
    let (marks, _, _) = map_marks(800.0);
    let mut checked = 0;
    for (a, ma) in marks.iter().enumerate() {
        for (b, mb) in marks.iter().enumerate().skip(a + 1) {
            // Edges the two outlines share (same two vertices): their midpoints lie on the border.
            for ring_a in &ma.rings {
                for k in 0..ring_a.len() {
                    let (p, q) = (ring_a[k], ring_a[(k + 1) % ring_a.len()]);
                    let shared = mb.rings.iter().any(|r| {
                        (0..r.len()).any(|j| {
                            let (s, t) = (r[j], r[(j + 1) % r.len()]);
                            (s == p && t == q) || (s == q && t == p)
                        })
                    });
                    if !shared {
                        continue;
                    }
                    let mid = ((p.0 + q.0) / 2.0, (p.1 + q.1) / 2.0);
                    let hit = hit_test(&marks, mid.0, mid.1);
                    assert!(hit == Some(a) || hit == Some(b), "{mid:?} between {} and {} hit {hit:?}", ma.id, mb.id);
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 50, "only {checked} shared border points found: are the borders still shared?");
}

#[test]
fn nothing_is_hit_just_outside_the_canvas() {
    for width in [320.0, 375.0, 800.0, 1200.0] {
        let d = common::fixture();
        for c in &d.charts {
            let m = common::model(&d, &c.id, width);
            let marks = m.marks();
            for y in (0..m.height as i32).step_by(7).map(f64::from) {
                assert_eq!(hit_test(&marks, -0.5, y), None, "{} left of the canvas", c.id);
                assert_eq!(hit_test(&marks, m.width + 0.5, y), None, "{} right of the canvas", c.id);
            }
            for x in (0..m.width as i32).step_by(7).map(f64::from) {
                assert_eq!(hit_test(&marks, x, -0.5), None, "{} above the canvas", c.id);
                assert_eq!(hit_test(&marks, x, m.height + 0.5), None, "{} below the canvas", c.id);
            }
            assert_eq!(hit_test(&marks, f64::NAN, 10.0), None);
        }
    }
}

#[test]
fn bar_edges_are_half_open_and_rows_do_not_overlap() {
    let d = common::fixture();
    for width in (320..=1200).step_by(16).map(f64::from) {
        let marks = common::model(&d, "bounds", width).marks();
        for (i, m) in marks.iter().enumerate() {
            let h = m.hit;
            let mid_y = h.y + h.h / 2.0;
            assert_eq!(hit_test(&marks, h.x, mid_y), Some(i), "left edge of {}", m.id);
            assert_eq!(hit_test(&marks, h.right() - 0.01, mid_y), Some(i), "inside the right edge of {}", m.id);
            assert_eq!(hit_test(&marks, h.x + 1.0, h.y), Some(i), "top edge of {}", m.id);
            assert_ne!(hit_test(&marks, h.x + 1.0, h.bottom()), Some(i), "bottom edge belongs below {}", m.id);
            // The drawn bar is inside its hit area, and tall enough for a finger with its label.
            assert!(h.x <= m.rect.x && h.right() >= m.rect.right() && h.y <= m.rect.y && h.bottom() >= m.rect.bottom());
            assert!(h.h >= 44.0, "{} offers a {}px target", m.id, h.h);
        }
    }
}

#[test]
fn device_pixels_at_any_ratio_map_to_the_same_mark() {
    let d = common::fixture();
    for chart in ["bounds", "jilin-gdp-growth", "map", "jilin-standouts"] {
        let m = common::model(&d, chart, 640.0);
        let marks = m.marks();
        for dpr in [1.0, 2.0, 3.0] {
            for (i, mark) in marks.iter().enumerate() {
                // The centre of a device pixel inside the drawn box, turned back into CSS pixels as the page does.
                let inner = if mark.rings.is_empty() {
                    (mark.rect.x + mark.rect.w / 2.0, mark.rect.y + mark.rect.h / 2.0)
                } else {
                    geo::label_point(&mark.rings)
                };
                let device = ((inner.0 * dpr).floor() + 0.5, (inner.1 * dpr).floor() + 0.5);
                let css = (device.0 / dpr, device.1 / dpr);
                assert_eq!(hit_test(&marks, css.0, css.1), Some(i), "{chart} mark {} at DPR {dpr}", mark.id);
            }
        }
    }
}
