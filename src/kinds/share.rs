//! Part of a whole: one bar standing for 100%, filled to the stated share.

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::prelude::DrawingBackend;

use crate::data::{Dataset, Figure};
use crate::format;
use crate::i18n::{self, Lang};
use crate::model::{figure_colour, key, Align, Ctx, Label, Mark, Rect, View};
use crate::render::{fill, tone, vline, write, DrawResult};
use crate::theme::{Font, Rgb, Theme};

use super::bars::FADE_STEPS;
use super::{Input, Kind};

const BAR_HEIGHT: f64 = 32.0;
/// How far before the stated share an approximate ("nearly") segment starts to fade, in percent.
pub const APPROX_SPAN: f64 = 6.0;

#[derive(Debug, Clone, PartialEq)]
pub struct ShareLayout {
    pub figure: String,
    pub region: Option<String>,
    /// The whole, drawn first, in the track colour.
    pub track: Rect,
    /// The share, solid part.
    pub segment: Rect,
    pub color: Rgb,
    /// Steps that soften the segment's end where the share is approximate or a lower bound.
    pub fade: Vec<(Rect, Rgb)>,
    /// The share's value and its label, above the bar.
    pub headline: Vec<Label>,
    /// 0, 50% and 100% under the bar, with their tick positions.
    pub ticks: Vec<(f64, Label)>,
    /// What 100% stands for, when a second figure gives the whole.
    pub whole: Vec<Label>,
    pub bottom: f64,
}

impl ShareLayout {
    pub fn labels(&self) -> impl Iterator<Item = &Label> {
        self.headline.iter().chain(self.ticks.iter().map(|(_, l)| l)).chain(self.whole.iter())
    }

    /// The share is the one mark; the whole bar and the words above it answer a pointer.
    pub fn marks(&self, width: f64) -> impl Iterator<Item = Mark> + '_ {
        let end = self.fade.last().map_or(self.segment.right(), |(r, _)| r.right());
        let mut m = Mark::boxed(&self.figure, self.region.as_ref(), Rect { w: end - self.track.x, ..self.segment });
        let top = self.headline.first().map_or(self.track.y, |l| l.y);
        m.hit = Rect { x: 0.0, y: top, w: width, h: self.track.bottom() - top };
        std::iter::once(m)
    }
}

fn layout(cx: &Ctx, d: &Dataset, figures: &[&Figure], top: f64) -> ShareLayout {
    let theme = cx.theme;
    let w = cx.width;
    let (share, whole) = (figures.first().copied(), figures.get(1).copied());
    let pct = share.and_then(|f| f.value).unwrap_or(0.0).max(0.0).min(100.0);
    let color = share.map_or(theme.context, |f| figure_colour(d, f, theme));
    let qualifier = share.map(|f| f.qualifier);

    // "67% active" / "Nearly half from renewable sources": value bold, then the label.
    let value_text = share.map(|f| format::sentence_case(&format::compact(f, d.lang))).unwrap_or_default();
    let label_text = share.map(|f| format::lower(&f.label)).unwrap_or_default();
    let value = cx.label(value_text, 0.0, top, Font::LABEL_BOLD, theme.ink, Align::Left);
    let mut headline = Vec::new();
    let rest_x = value.width + 6.0;
    let label_y = top + (Font::LABEL_BOLD.size - Font::BODY.size) * 0.8;
    let mut y = top + Font::LABEL_BOLD.line_height();
    if value.width > w {
        // A wording too long for one line wraps, and the label follows on lines of its own.
        let (mut lines, below) = cx.paragraph(&value.text, 0.0, top, w, Font::LABEL_BOLD, theme.ink);
        headline.append(&mut lines);
        let (mut lines, below) = cx.paragraph(&label_text, 0.0, below, w, Font::BODY, theme.ink);
        headline.append(&mut lines);
        y = below;
    } else if rest_x + cx.m.width(&label_text, Font::BODY) <= w {
        headline.push(cx.label(label_text, rest_x, label_y, Font::BODY, theme.ink, Align::Left));
        headline.insert(0, value);
    } else {
        headline.push(value);
        let (mut lines, below) = cx.paragraph(&label_text, 0.0, y, w, Font::BODY, theme.ink);
        headline.append(&mut lines);
        y = below;
    }

    let bar_y = y + 8.0;
    let track = Rect { x: 0.0, y: bar_y, w, h: BAR_HEIGHT };
    let x_of = |p: f64| p / 100.0 * w;
    let mut fade = Vec::new();
    let segment = match qualifier {
        Some(q) if q.is_approximate() => {
            // Solid up to a little short of the share, then fading to it: "nearly" in ink.
            let solid_end = (pct - APPROX_SPAN).max(0.0);
            push_fade(&mut fade, x_of(solid_end), x_of(pct), bar_y, color, theme.track);
            Rect { x: 0.0, y: bar_y, w: x_of(solid_end), h: BAR_HEIGHT }
        }
        Some(q) if q.is_lower_bound() => {
            push_fade(&mut fade, x_of(pct), x_of((pct + APPROX_SPAN).min(100.0)), bar_y, color, theme.track);
            Rect { x: 0.0, y: bar_y, w: x_of(pct), h: BAR_HEIGHT }
        }
        _ => Rect { x: 0.0, y: bar_y, w: x_of(pct), h: BAR_HEIGHT },
    };

    let tick_y = track.bottom() + 6.0;
    let ticks = vec![
        (0.0, cx.label("0", 0.0, tick_y, Font::SMALL, theme.muted, Align::Left)),
        (w / 2.0, cx.label("50%", w / 2.0, tick_y, Font::SMALL, theme.muted, Align::Center)),
        (w, cx.label("100%", w, tick_y, Font::SMALL, theme.muted, Align::Right)),
    ];
    let mut bottom = tick_y + Font::SMALL.line_height();
    let mut whole_labels = Vec::new();
    if let Some(f) = whole {
        let text = i18n::share_whole(&f.label, &format::full(f, d.lang), d.lang);
        let (lines, below) = cx.paragraph(&format::sentence_case(&text), 0.0, bottom + 4.0, w, Font::BODY, theme.muted);
        whole_labels = lines;
        bottom = below;
    }
    ShareLayout {
        figure: share.map(|f| f.id.clone()).unwrap_or_default(),
        region: share.and_then(|f| f.region.clone()),
        track,
        segment,
        color,
        fade,
        headline,
        ticks,
        whole: whole_labels,
        bottom,
    }
}

fn push_fade(out: &mut Vec<(Rect, Rgb)>, from: f64, to: f64, y: f64, color: Rgb, under: Rgb) {
    let step = (to - from) / FADE_STEPS.len() as f64;
    for (i, a) in FADE_STEPS.iter().enumerate() {
        let r = Rect { x: from + step * i as f64, y, w: step, h: BAR_HEIGHT };
        out.push((r, color.over(under, *a)));
    }
}

fn draw<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    s: &ShareLayout,
    view: &View,
    theme: &Theme,
) -> DrawResult<(), DB> {
    for l in &s.headline {
        write(area, l)?;
    }
    fill(area, &s.track, theme.track)?;
    fill(area, &s.segment, tone(s.color, s.region.as_ref(), view, theme))?;
    for (r, c) in &s.fade {
        fill(area, r, tone(*c, s.region.as_ref(), view, theme))?;
    }
    for (x, label) in &s.ticks {
        // Keep the end ticks inside the canvas.
        let x = x.max(s.track.x + 0.5).min(s.track.right() - 0.5);
        vline(area, x, s.track.bottom(), s.track.bottom() + 4.0, theme.muted)?;
        write(area, label)?;
    }
    for l in &s.whole {
        write(area, l)?;
    }
    Ok(())
}

/// The kind `share`.
#[derive(Debug)]
pub struct Share;

impl Kind for Share {
    type Layout = ShareLayout;
    const FIGURES: (usize, usize) = (1, 2);

    /// The first figure is the share; a second one is the whole it is a share of.
    fn refuse_value(f: &Figure, v: f64, j: usize) -> Option<&'static str> {
        match j {
            0 if !(0.0..=100.0).contains(&v) => Some("is a share and must be a percentage from 0 to 100"),
            0 if f.unit != "%" => Some("is a share and must have unit \"%\""),
            _ if v < 0.0 => Some("is negative; a whole cannot be less than zero"),
            _ => None,
        }
    }

    fn layout(cx: &Ctx, i: &Input, top: f64) -> Option<ShareLayout> {
        Some(layout(cx, i.d, i.figures, top))
    }

    fn bottom(l: &ShareLayout) -> f64 {
        l.bottom
    }

    fn labels(l: &ShareLayout) -> Vec<&Label> {
        l.labels().collect()
    }

    fn marks(l: &ShareLayout, width: f64) -> Vec<Mark> {
        l.marks(width).collect()
    }

    fn draw<DB: DrawingBackend>(
        area: &DrawingArea<DB, Shift>,
        l: &ShareLayout,
        view: &View,
        theme: &Theme,
    ) -> DrawResult<(), DB> {
        draw(area, l, view, theme)
    }

    fn what(_n: usize, lang: Lang) -> String {
        match lang {
            Lang::En => "One bar standing for 100%, filled to the share.".into(),
            Lang::Zh => "一根代表100%的条形，按占比填充。".into(),
        }
    }

    fn key(i: &Input) -> Vec<String> {
        // The share is drawn as a bar; its whole is written, not drawn.
        let share = i.figures.get(..1).unwrap_or_default();
        let mut parts: Vec<String> = key::lower_bound(share, i.d.lang).into_iter().collect();
        // Only a share fades an approximate figure; its fade width is the chart's choice, so say so.
        if let Some(f) = share.first().filter(|f| f.qualifier.is_approximate()) {
            let stated = format::full(f, i.d.lang);
            let at = format::number_with_symbol(f.value.unwrap_or(0.0), &f.unit, i.d.lang);
            let span = format::number(APPROX_SPAN, i.d.lang);
            parts.push(match i.d.lang {
                Lang::Zh => format!("渐隐的末端表示“{stated}”：来源未给出确切占比，渐隐段是本图所画，覆盖{at}之前的{span}个百分点。"),
                Lang::En => format!("The fading end stands for “{stated}”: the source gives no exact share, so the chart fades the bar over the {span} percentage points before {at}."),
            });
        }
        parts
    }
}
