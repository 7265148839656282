//! What a chart draws beyond the figures, said in words printed with it: faded ends, a multiple's
//! reference bar, why unlike figures share an axis, then the story's own note.

use crate::data::{Chart, ChartKind, Dataset, Figure};
use crate::format;
use crate::i18n::Lang;

/// The sentences under a chart, above its source line: every drawn convention a reader must know to
/// read it, so that nothing the source does not state is drawn without saying so. `None` when there
/// is nothing to say.
pub fn note(d: &Dataset, c: &Chart, figures: &[&Figure]) -> Option<String> {
    let zh = d.lang == Lang::Zh;
    let mut parts: Vec<String> = Vec::new();
    // The figures drawn as bars: a share's second figure is its whole, written, not drawn.
    let drawn = match c.kind {
        ChartKind::Bars | ChartKind::Multiple => figures,
        ChartKind::Share => figures.get(..1).unwrap_or_default(),
        _ => &[],
    };
    if drawn.iter().any(|f| f.qualifier.is_lower_bound()) {
        parts.push(
            if zh {
                "末端渐隐表示下限（“超过”）：实际数字高于所绘。"
            } else {
                "A faded end marks a lower bound (“more than”): the true figure is higher than drawn."
            }
            .into(),
        );
    }
    // Only a share fades an approximate figure; its fade width is the chart's choice, so say so.
    if c.kind == ChartKind::Share {
        if let Some(f) = figures.first().filter(|f| f.qualifier.is_approximate()) {
            let stated = format::full(f, d.lang);
            let at = format::number_with_symbol(f.value.unwrap_or(0.0), &f.unit, d.lang);
            let span = format::number(crate::model::share::APPROX_SPAN, d.lang);
            parts.push(if zh {
                format!("渐隐的末端表示“{stated}”：来源未给出确切占比，渐隐段是本图所画，覆盖{at}之前的{span}个百分点。")
            } else {
                format!("The fading end stands for “{stated}”: the source gives no exact share, so the chart fades the bar over the {span} percentage points before {at}.")
            });
        }
    }
    if c.kind == ChartKind::Multiple {
        parts.push(
            if zh {
                "第一根条形是本图自设的参照，画作1倍：来源只给出倍数，未给出数量。"
            } else {
                "The first bar is the chart’s own reference, drawn as 1: the source gives the multiple, not the amounts."
            }
            .into(),
        );
    }
    parts.extend(c.comparable.iter().chain(c.note.iter()).cloned());
    if parts.is_empty() {
        None
    } else {
        Some(parts.join(if zh { "" } else { " " }))
    }
}
