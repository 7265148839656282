//! What a chart draws beyond the figures, said in words printed with it: each kind's own sentences
//! (faded ends, a multiple's reference bar), why unlike figures share an axis, then the story's note.

use crate::data::{Chart, Dataset, Figure};
use crate::i18n::Lang;
use crate::kinds::Input;

/// The sentences under a chart, above its source line: every drawn convention a reader must know to
/// read it, so that nothing the source does not state is drawn without saying so. `None` when there
/// is nothing to say.
pub fn note(i: &Input) -> Option<String> {
    let mut parts = i.chart.kind.key(i);
    parts.extend(i.chart.comparable.iter().chain(i.chart.note.iter()).cloned());
    if parts.is_empty() {
        None
    } else {
        Some(parts.join(if i.d.lang == Lang::Zh { "" } else { " " }))
    }
}

/// `note` for chart `c` of `d`, its figures looked up.
pub fn of_chart(d: &Dataset, c: &Chart) -> Option<String> {
    note(&Input { d, chart: c, figures: &super::chart_figures(d, c), map: None })
}

/// The sentence for bars that fade out past a lower bound, when any of `drawn` is one.
pub fn lower_bound(drawn: &[&Figure], lang: Lang) -> Option<String> {
    drawn.iter().any(|f| f.qualifier.is_lower_bound()).then(|| {
        match lang {
            Lang::Zh => "末端渐隐表示下限（“超过”）：实际数字高于所绘。",
            Lang::En => "A faded end marks a lower bound (“more than”): the true figure is higher than drawn.",
        }
        .into()
    })
}
