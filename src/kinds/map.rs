//! The region map: projected shapes fitted to the width, each region in its colour with its name.

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::prelude::DrawingBackend;

use crate::data::{Chart, DataError, Dataset};
use crate::describe::{self, MarkInfo};
use crate::format;
use crate::geo::{self, GeoMap, Pt};
use crate::i18n::{self, Lang};
use crate::model::{text, Align, Ctx, Label, Mark, Rect, View};
use crate::render::{outline, polygon, tone, write, write_in, DrawResult};
use crate::theme::{Font, Rgb, Theme};

use super::{Input, Kind};

const MIN_HEIGHT: f64 = 200.0;
pub const MAX_HEIGHT: f64 = 480.0;
pub const PAD: f64 = 8.0;

#[derive(Debug, Clone, PartialEq)]
pub struct MapLayout {
    /// The map's window on the canvas; context land is clipped to it.
    pub frame: Rect,
    pub context: Vec<Vec<Pt>>,
    pub regions: Vec<MapRegion>,
    /// The names of the file's other shapes (a province beside the story's) where they fit on them,
    /// in grey, clear of the regions' names.
    pub neighbours: Vec<Label>,
    /// Shown instead of the map when its boundaries are missing.
    pub message: Vec<Label>,
    pub bottom: f64,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MapRegion {
    pub region: String,
    pub rings: Vec<Vec<Pt>>,
    pub bbox: Rect,
    pub color: Rgb,
    /// The region's name on the map, where it fits on or beside the region clear of the other
    /// names; none where it does not (a small region among many): the tooltip, the table and the
    /// description still name it.
    pub label: Option<Label>,
}

impl MapLayout {
    /// The regions, largest box first. The boundaries keep outer rings only, so a region inside
    /// another (Lesotho in South Africa, San Marino in Italy) lies on its neighbour's shape: drawn
    /// after it, and hit before it (`hit`), it shows and answers as itself.
    pub fn by_size(&self) -> Vec<&MapRegion> {
        let mut regions: Vec<&MapRegion> = self.regions.iter().collect();
        crate::model::insertion_sort(&mut regions, |a, b| a.bbox.w * a.bbox.h > b.bbox.w * b.bbox.h);
        regions
    }

    pub fn labels(&self) -> impl Iterator<Item = &Label> {
        self.regions.iter().filter_map(|r| r.label.as_ref()).chain(&self.neighbours).chain(self.message.iter())
    }

    pub fn marks(&self) -> impl Iterator<Item = Mark> + '_ {
        self.regions.iter().map(|r| Mark {
            id: r.region.clone(),
            region: Some(r.region.clone()),
            rect: r.bbox,
            hit: r.bbox,
            rings: r.rings.clone(),
            own_emphasis: false,
        })
    }
}

fn layout(cx: &Ctx, d: &Dataset, map: Option<&GeoMap>, top: f64) -> MapLayout {
    let w = cx.width;
    let Some(g) = map else {
        let (message, bottom) = cx.paragraph(crate::i18n::map_missing(d.lang), 0.0, top, w, Font::BODY, cx.theme.muted);
        return MapLayout {
            frame: Rect { x: 0.0, y: top, w, h: 0.0 },
            context: Vec::new(),
            regions: Vec::new(),
            neighbours: Vec::new(),
            message,
            bottom,
        };
    };
    let fit = Fit::new(g.bounds, Rect { x: 0.0, y: top, w, h: 0.0 });
    let frame = fit.frame;
    // The file's other shapes are land around the story's regions, as its context is.
    let context = g
        .context
        .iter()
        .chain(&g.others)
        .flat_map(|o| o.rings.iter())
        .map(|ring| clip(&fit.ring(ring), &frame))
        .filter(|r| r.len() >= 3)
        .collect();

    let mut regions: Vec<MapRegion> = Vec::new();
    for shape in &g.regions {
        let Some(r) = d.regions.iter().find(|r| r.id == shape.region) else { continue };
        let rings = fit.rings(&shape.rings);
        let bbox = bounds(&rings);
        let font = if w < 480.0 { Font { size: 12.0, bold: true } } else { Font::BODY_BOLD };
        // A name wider than the map is cut with an ellipsis: centring it on the canvas needs room for it.
        let name = text::fit(cx.m, &r.name, w - 4.0, font);
        let text_w = cx.m.width(&name, font);
        let text_h = font.size * 1.2;
        let place = |(x, y): Pt| {
            // Keep the name on the canvas even where the region's widest part is at the edge.
            let x = x.max(text_w / 2.0 + 2.0).min(w - text_w / 2.0 - 2.0);
            cx.label(&name, x, y - text_h / 2.0, font, cx.theme.ink, Align::Center)
        };
        let clear = |l: &Label| !regions.iter().filter_map(|o| o.label.as_ref()).any(|o| o.bbox().overlaps(&l.bbox()));
        let (whole, partly) = label_spots(&rings, text_w, text_h);
        let label = most_inside_first(whole).map(place).find(|l| clear(l)).or_else(|| {
            // Nowhere inside fits the name whole (small regions at narrow widths): the spot where
            // most of its box is inside (at 375 px the point farthest from the edges puts
            // Heilongjiang's name half over its neighbour), else that point; then step away from
            // any name already placed, as long as the name's middle stays within the region's
            // box: farther, it would name another region. That point is searched for only here,
            // where it is needed: searched for every region, it would be a fifth of setting the
            // map up in the page.
            let start = place(partly.unwrap_or_else(|| geo::label_point(&rings)));
            (0u32..200)
                .map(|k| {
                    let dy = if k % 2 == 0 { 1.0 } else { -1.0 } * f64::from(k.div_ceil(2)) * 2.0;
                    Label { y: start.y + dy, ..start.clone() }
                })
                .take_while(|l| {
                    let mid = l.y + text_h / 2.0;
                    mid >= bbox.y - text_h / 2.0 && mid <= bbox.bottom() + text_h / 2.0
                })
                .find(|l| clear(l))
        });
        let color = Rgb::from_hex(&r.color).unwrap_or(cx.theme.context);
        regions.push(MapRegion { region: r.id.clone(), rings, bbox, color, label });
    }
    let neighbours = neighbour_names(cx, g, &fit, &regions);
    MapLayout { frame, context, regions, neighbours, message: Vec::new(), bottom: frame.bottom() }
}

/// The names of the file's shapes that no region names, in grey, each at the point of its shape
/// farthest from its edges within the map's window, where the name fits wholly on the shape there
/// and clear of every name placed before it; none where it does not.
fn neighbour_names(cx: &Ctx, g: &GeoMap, fit: &Fit, regions: &[MapRegion]) -> Vec<Label> {
    let font = Font::SMALL;
    let mut placed: Vec<Label> = Vec::new();
    // The divisions beside the story's regions first, then the countries around them.
    for o in g.others.iter().chain(&g.context) {
        let Some(name) = o.name.as_deref() else { continue };
        let rings: Vec<Vec<Pt>> =
            o.rings.iter().map(|r| clip(&fit.ring(r), &fit.frame)).filter(|r| r.len() >= 3).collect();
        if rings.is_empty() {
            continue;
        }
        let (x, y) = geo::label_point(&rings);
        let l = cx.label(name, x, y - font.size * 0.6, font, cx.theme.muted, Align::Center);
        let b = l.bbox();
        let on_shape = [(b.x, b.y), (b.right(), b.y), (b.x, b.bottom()), (b.right(), b.bottom())]
            .iter()
            .all(|p| geo::contains(&rings, *p));
        let clear = !regions.iter().filter_map(|r| r.label.as_ref()).chain(&placed).any(|o| o.bbox().overlaps(&b));
        if on_shape && clear {
            placed.push(l);
        }
    }
    placed
}

/// Projected shapes fitted into a box of the canvas, centred, their proportions kept.
#[derive(Debug, Clone, Copy)]
pub struct Fit {
    /// The box, its height from the shapes' proportions (between `MIN_HEIGHT` and `MAX_HEIGHT`)
    /// where the box given had none.
    pub frame: Rect,
    origin: Pt,
    scale: f64,
    offset: Pt,
}

impl Fit {
    /// Fits projected `bounds` (min x, min y, max x, max y) into `frame`; a frame of no height
    /// takes the height the shapes' proportions give its width.
    pub fn new(bounds: [f64; 4], mut frame: Rect) -> Fit {
        let [x0, y0, x1, y1] = bounds;
        let (bw, bh) = ((x1 - x0).max(1e-9), (y1 - y0).max(1e-9));
        if frame.h <= 0.0 {
            frame.h = (frame.w * bh / bw).max(MIN_HEIGHT).min(MAX_HEIGHT);
        }
        let scale = ((frame.w - 2.0 * PAD) / bw).min((frame.h - 2.0 * PAD) / bh);
        let offset = (frame.x + (frame.w - bw * scale) / 2.0, frame.y + (frame.h - bh * scale) / 2.0);
        Fit { frame, origin: (x0, y0), scale, offset }
    }

    pub fn at(&self, (x, y): Pt) -> Pt {
        (self.offset.0 + (x - self.origin.0) * self.scale, self.offset.1 + (y - self.origin.1) * self.scale)
    }

    pub fn ring(&self, ring: &[Pt]) -> Vec<Pt> {
        ring.iter().map(|p| self.at(*p)).collect()
    }

    pub fn rings(&self, rings: &[Vec<Pt>]) -> Vec<Vec<Pt>> {
        rings.iter().map(|r| self.ring(r)).collect()
    }
}

/// The points, farthest from an edge first, the earlier first on a tie. Picked one at a time rather
/// than sorted: the first or second spot usually fits, and no sort's code goes into the page.
fn most_inside_first(mut spots: Vec<(Pt, f64)>) -> impl Iterator<Item = Pt> {
    std::iter::from_fn(move || {
        let best = (0..spots.len()).reduce(|a, b| if spots[b].1.total_cmp(&spots[a].1).is_gt() { b } else { a })?;
        Some(spots.remove(best).0)
    })
}

/// Points where a `w` by `h` name fits wholly inside the region, with their squared distance to its
/// edge; and, for when none does, the point whose name box has the most of its probes inside (the
/// one farthest from the edge among those).
fn label_spots(rings: &[Vec<Pt>], w: f64, h: f64) -> (Vec<(Pt, f64)>, Option<Pt>) {
    const STEPS: usize = 24;
    let b = bounds(rings);
    let (hw, hh) = (w / 2.0 + 2.0, h / 2.0 + 1.0);
    // The name's box is probed on three lines per grid row (its top, middle and bottom): each
    // line's edge crossings are found once for the row, not once per probe.
    let rows: Vec<(f64, [geo::Row; 3])> = (1..STEPS)
        .map(|j| {
            let y = b.y + b.h * j as f64 / STEPS as f64;
            (y, [geo::Row::at(rings, y - hh), geo::Row::at(rings, y), geo::Row::at(rings, y + hh)])
        })
        .collect();
    let mut spots: Vec<(Pt, f64)> = Vec::new();
    // The most probes inside short of all of them, and the points with that many.
    let mut most = 0;
    let mut partly: Vec<Pt> = Vec::new();
    for i in 1..STEPS {
        let x = b.x + b.w * i as f64 / STEPS as f64;
        for (y, [top, middle, bottom]) in &rows {
            if !middle.contains(x) {
                continue;
            }
            // The name box's corners and the middles of its top and bottom.
            let mut inside = 0;
            for r in &[top, bottom] {
                for q in &[x - hw, x, x + hw] {
                    inside += usize::from(r.contains(*q));
                }
            }
            if inside == 6 {
                spots.push(((x, *y), geo::edge_distance2(rings, (x, *y))));
            } else if inside >= most {
                if inside > most {
                    most = inside;
                    partly.clear();
                }
                partly.push((x, *y));
            }
        }
    }
    let mut best = None;
    if spots.is_empty() {
        let mut far = f64::NEG_INFINITY;
        for p in partly {
            let d = geo::edge_distance2(rings, p);
            if d > far {
                (far, best) = (d, Some(p));
            }
        }
    }
    (spots, best)
}

pub fn bounds(rings: &[Vec<Pt>]) -> Rect {
    let (mut a, mut b, mut c, mut e) = (f64::INFINITY, f64::INFINITY, f64::NEG_INFINITY, f64::NEG_INFINITY);
    for (x, y) in rings.iter().flatten() {
        (a, b, c, e) = (a.min(*x), b.min(*y), c.max(*x), e.max(*y));
    }
    Rect { x: a, y: b, w: c - a, h: e - b }
}

/// One side of the clipping box: keeps what lies inside of a line.
#[derive(Clone, Copy)]
enum Side {
    Left(f64),
    Right(f64),
    Top(f64),
    Bottom(f64),
}

impl Side {
    fn keeps(self, p: Pt) -> bool {
        match self {
            Side::Left(x) => p.0 >= x,
            Side::Right(x) => p.0 <= x,
            Side::Top(y) => p.1 >= y,
            Side::Bottom(y) => p.1 <= y,
        }
    }

    fn cross(self, a: Pt, b: Pt) -> Pt {
        match self {
            Side::Left(x) | Side::Right(x) => (x, a.1 + (x - a.0) / (b.0 - a.0) * (b.1 - a.1)),
            Side::Top(y) | Side::Bottom(y) => (a.0 + (y - a.1) / (b.1 - a.1) * (b.0 - a.0), y),
        }
    }
}

/// Sutherland–Hodgman clipping of a ring to a box, so context land never spills over the headline.
pub fn clip(ring: &[Pt], r: &Rect) -> Vec<Pt> {
    let mut out = ring.to_vec();
    for side in [Side::Left(r.x), Side::Right(r.right()), Side::Top(r.y), Side::Bottom(r.bottom())] {
        let input = std::mem::take(&mut out);
        let Some(&last) = input.last() else { break };
        let mut prev = last;
        for &p in &input {
            match (side.keeps(p), side.keeps(prev)) {
                (true, true) => out.push(p),
                (true, false) => {
                    out.push(side.cross(prev, p));
                    out.push(p);
                }
                (false, true) => out.push(side.cross(prev, p)),
                (false, false) => {}
            }
            prev = p;
        }
    }
    out
}

fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    m: &MapLayout,
    view: &View,
    theme: &Theme,
) -> DrawResult<(), DB> {
    for l in &m.message {
        write(area, l)?;
    }
    for ring in &m.context {
        polygon(area, ring, theme.track)?;
        outline(area, ring, theme.background, 1)?;
    }
    for l in &m.neighbours {
        write(area, l)?;
    }
    for r in m.by_size() {
        let fill = tone(r.color, Some(&r.region), view, theme);
        for ring in &r.rings {
            polygon(area, ring, fill)?;
            outline(area, ring, theme.background, 1)?;
        }
    }
    // The selected region's outline goes on top, so no neighbour's border cuts through it.
    if let Some(sel) = view.selected {
        for r in m.regions.iter().filter(|r| r.region == sel) {
            for ring in &r.rings {
                outline(area, ring, theme.ink, 2)?;
            }
        }
    }
    for r in &m.regions {
        let fill = tone(r.color, Some(&r.region), view, theme);
        if let Some(label) = &r.label {
            write_in(area, label, fill.text_on(theme.background, theme.ink))?;
        }
    }
    Ok(())
}

/// The kind `map`.
#[derive(Debug)]
pub struct Map;

impl Kind for Map {
    type Layout = MapLayout;
    const FIGURES: (usize, usize) = (0, 0);
    const WIDE: bool = true;

    fn check(c: &Chart, d: &Dataset, at: &dyn Fn(&str) -> String) -> Result<(), DataError> {
        if d.story.map.is_some() {
            return Ok(());
        }
        Err(DataError {
            path: at("kind"),
            message: format!(
                "chart \"{}\" is a map, but `story.map` names no boundaries file; add it, e.g. \"map/northeast-china.json\"",
                c.id
            ),
        })
    }

    fn layout(cx: &Ctx, i: &Input, top: f64) -> Option<MapLayout> {
        Some(layout(cx, i.d, i.map, top))
    }

    fn bottom(l: &MapLayout) -> f64 {
        l.bottom
    }

    fn labels(l: &MapLayout) -> Vec<&Label> {
        l.labels().collect()
    }

    fn marks(l: &MapLayout, width: f64) -> Vec<Mark> {
        let _ = width;
        l.marks().collect()
    }

    /// What the map leaves out: the regions whose `geo` names no shape of its file.
    fn key(i: &Input) -> Vec<String> {
        let Some(map) = i.map.filter(|m| !m.unmapped.is_empty()) else { return Vec::new() };
        let names: Vec<String> = map
            .unmapped
            .iter()
            .map(|id| i.d.regions.iter().find(|r| &r.id == id).map_or_else(|| id.clone(), |r| r.name.clone()))
            .collect();
        vec![match i.d.lang {
            Lang::En => format!("Not on the map, as its boundaries file has no shape for them: {}.", names.join(", ")),
            Lang::Zh => format!("地图边界文件中没有以下地区的形状，图上未画出：{}。", names.join("、")),
        }]
    }

    /// The region under `(x, y)`: the one inside another rather than the one around it.
    fn hit(_l: &MapLayout, marks: &[Mark], x: f64, y: f64) -> Option<usize> {
        crate::hit::smallest(marks, x, y)
    }

    fn draw<DB: DrawingBackend>(
        area: &DrawingArea<DB, Shift>,
        l: &MapLayout,
        view: &View,
        theme: &Theme,
    ) -> DrawResult<(), DB> {
        draw(area, l, view, theme)
    }

    fn what(_n: usize, lang: Lang) -> String {
        match lang {
            Lang::En => "Map of the regions, each in its own colour; select a region to explore its figures.".into(),
            Lang::Zh => "各地区地图，每个地区一种颜色；选择一个地区查看其数据。".into(),
        }
    }

    fn items(i: &Input) -> Vec<String> {
        i.d.regions
            .iter()
            .map(|r| {
                let kind = i18n::region_kind(r.kind, i.d.lang);
                match i.d.lang {
                    Lang::Zh => format!("{}（{kind}）", r.name),
                    Lang::En => format!("{} ({})", r.name, format::lower(kind)),
                }
            })
            .collect()
    }

    fn rows(i: &Input) -> Vec<MarkInfo> {
        i.d.regions.iter().map(|r| describe::region_info(i.d, r)).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clipping_keeps_a_ring_inside_the_box() {
        let r = Rect { x: 0.0, y: 0.0, w: 10.0, h: 10.0 };
        let ring = vec![(-5.0, -5.0), (15.0, -5.0), (15.0, 5.0), (-5.0, 5.0)];
        let c = clip(&ring, &r);
        assert!(c.len() >= 4);
        assert!(c.iter().all(|p| p.0 >= 0.0 && p.0 <= 10.0 && p.1 >= 0.0 && p.1 <= 10.0), "{c:?}");
        assert!(clip(&[(20.0, 20.0), (30.0, 20.0), (30.0, 30.0)], &r).is_empty());
    }
}
