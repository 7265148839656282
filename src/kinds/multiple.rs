//! Multiple: a multiple ("60 times") as its two endpoints drawn to scale, the start as the chart's
//! own reference.

use plotters::coord::Shift;
use plotters::drawing::DrawingArea;
use plotters::prelude::DrawingBackend;

use crate::data::{Chart, DataError, Dataset, Figure};
use crate::format;
use crate::i18n::Lang;
use crate::model::{figure_colour, key, Ctx, Label, Mark, View};
use crate::render::DrawResult;
use crate::theme::Theme;

use super::bars::{draw_rows, rows, BarsLayout, RowSpec};
use super::{Input, Kind};

/// A multiple as its two endpoints: the start as 1 and the end as the multiple, on one scale. The
/// start is the chart's own reference (the source states only the multiple), so it is drawn in the
/// context grey, and the chart's note says so.
fn layout(cx: &Ctx, d: &Dataset, chart: &Chart, figures: &[&Figure], top: f64) -> BarsLayout {
    let Some(f) = figures.first() else {
        return BarsLayout { rows: Vec::new(), zero: None, bottom: top };
    };
    let [start, end] = chart.endpoints.clone().unwrap_or_else(|| ["Start".into(), "End".into()]);
    let color = figure_colour(d, f, cx.theme);
    let specs = vec![
        RowSpec {
            figure: f.id.clone(),
            region: f.region.clone(),
            label: start,
            value: 1.0,
            value_text: format::number_with_symbol(1.0, "times", d.lang),
            lower_bound: false,
            color: cx.theme.context,
        },
        RowSpec {
            figure: f.id.clone(),
            region: f.region.clone(),
            label: end,
            value: f.value.unwrap_or(1.0),
            value_text: format::compact(f, d.lang),
            lower_bound: f.qualifier.is_lower_bound(),
            color,
        },
    ];
    rows(cx, specs, top)
}

/// The kind `multiple`.
#[derive(Debug)]
pub struct Multiple;

impl Kind for Multiple {
    type Layout = BarsLayout;
    const FIGURES: (usize, usize) = (1, 1);

    fn refuse_value(_f: &Figure, v: f64, _j: usize) -> Option<&'static str> {
        (v <= 0.0).then_some("is a multiple and must be greater than zero")
    }

    fn check(c: &Chart, _d: &Dataset, at: &dyn Fn(&str) -> String) -> Result<(), DataError> {
        if c.endpoints.is_some() {
            return Ok(());
        }
        Err(DataError {
            path: at("endpoints"),
            message: format!(
                "chart \"{}\" is a multiple and needs `endpoints`: the names of its start and end, e.g. [\"Six years earlier\", \"Currently\"]",
                c.id
            ),
        })
    }

    fn layout(cx: &Ctx, i: &Input, top: f64) -> Option<BarsLayout> {
        Some(layout(cx, i.d, i.chart, i.figures, top))
    }

    fn bottom(l: &BarsLayout) -> f64 {
        l.bottom
    }

    fn labels(l: &BarsLayout) -> Vec<&Label> {
        l.labels().collect()
    }

    fn marks(l: &BarsLayout, width: f64) -> Vec<Mark> {
        l.marks(width).collect()
    }

    fn draw<DB: DrawingBackend>(
        area: &DrawingArea<DB, Shift>,
        l: &BarsLayout,
        view: &View,
        theme: &Theme,
    ) -> DrawResult<(), DB> {
        draw_rows(area, l, view, theme)
    }

    fn what(_n: usize, lang: Lang) -> String {
        match lang {
            Lang::En => "Two bars drawn to scale: the chart’s reference, drawn as 1, and the multiple.".into(),
            Lang::Zh => "按比例绘制的两根条形：本图自设的参照（1倍）与倍数。".into(),
        }
    }

    fn items(i: &Input) -> Vec<String> {
        let (start, end) = i.chart.endpoints.clone().map_or(("Start".into(), "End".into()), |[a, b]| (a, b));
        let one = format::number_with_symbol(1.0, "times", i.d.lang);
        let colon = if i.d.lang == Lang::Zh { "：" } else { ": " };
        let sep = if i.d.lang == Lang::Zh { "；" } else { "; " };
        i.figures
            .iter()
            .map(|f| format!("{start}{colon}{one}{sep}{end}{colon}{}", crate::describe::value_words(f, i.d.lang)))
            .collect()
    }

    fn key(i: &Input) -> Vec<String> {
        let mut parts: Vec<String> = key::lower_bound(i.figures, i.d.lang).into_iter().collect();
        parts.push(
            match i.d.lang {
                Lang::Zh => "第一根条形是本图自设的参照，画作1倍：来源只给出倍数，未给出数量。",
                Lang::En => "The first bar is the chart’s own reference, drawn as 1: the source gives the multiple, not the amounts.",
            }
            .into(),
        );
        parts
    }
}
