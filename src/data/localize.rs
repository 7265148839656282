//! A story in another of its languages: every translatable text swapped for its translation, and
//! the check that each declared language has all of them.

use super::table::Ids;
use super::{DataError, Dataset};
use crate::format;
use crate::i18n::Lang;

/// Every translatable text of the story, by the key a translation gives it, with the story's own text.
pub fn keys(d: &Dataset) -> Vec<(String, String)> {
    let mut out = vec![
        ("story.title".to_string(), d.story.title.clone()),
        ("story.dek".to_string(), d.story.dek.clone()),
        ("story.overview_heading".to_string(), d.story.overview_heading.clone()),
    ];
    for s in &d.sources {
        out.push((format!("sources.{}.name", s.id), s.name.clone()));
        out.push((format!("sources.{}.description", s.id), s.description.clone()));
    }
    for r in &d.regions {
        out.push((format!("regions.{}.name", r.id), r.name.clone()));
    }
    for f in &d.figures {
        out.push((format!("figures.{}.label", f.id), f.label.clone()));
        // Symbols (%, times) are written by the engine in each language; words are translated.
        if format::is_word_unit(&f.unit) {
            out.push((format!("figures.{}.unit", f.id), f.unit.clone()));
        }
        for (field, text) in [("claim", &f.claim), ("wording", &f.wording), ("period", &f.period)] {
            if let Some(t) = text {
                out.push((format!("figures.{}.{field}", f.id), t.clone()));
            }
        }
    }
    for x in &d.indicators {
        out.push((format!("indicators.{}.name", x.id), x.name.clone()));
        if format::is_word_unit(&x.unit) {
            out.push((format!("indicators.{}.unit", x.id), x.unit.clone()));
        }
    }
    for c in &d.charts {
        out.push((format!("charts.{}.headline", c.id), c.headline.clone()));
        out.push((format!("charts.{}.dek", c.id), c.dek.clone()));
        if let Some(n) = &c.note {
            out.push((format!("charts.{}.note", c.id), n.clone()));
        }
        if let Some(n) = &c.comparable {
            out.push((format!("charts.{}.comparable", c.id), n.clone()));
        }
        if let Some([a, b]) = &c.endpoints {
            out.push((format!("charts.{}.endpoints.0", c.id), a.clone()));
            out.push((format!("charts.{}.endpoints.1", c.id), b.clone()));
        }
        for (i, a) in c.annotations.iter().enumerate() {
            out.push((format!("charts.{}.annotations.{i}.label", c.id), a.label.clone()));
        }
    }
    out
}

/// Keys a translation may give beyond the story's own texts.
pub const OPTIONAL: [&str; 1] = ["map.attribution"];

/// The story's own language: the first of `languages`, English when none are listed.
pub fn base(d: &Dataset) -> Lang {
    d.languages.first().and_then(|c| Lang::parse(c)).unwrap_or_default()
}

/// Every listed language is one the engine speaks, and every further one has a text for every key.
pub fn check(d: &Dataset) -> Result<(), DataError> {
    for (i, code) in d.languages.iter().enumerate() {
        if Lang::parse(code).is_none() {
            return Err(DataError {
                path: format!("languages[{i}]"),
                message: format!("\"{code}\" is not a language the engine can draw; use \"en\" or \"zh\""),
            });
        }
    }
    let all = keys(d);
    let wanted = Ids::new(all.iter().map(|(k, _)| k.as_str()));
    for (code, texts) in &d.translations {
        if !d.languages.iter().skip(1).any(|l| l == code) {
            return Err(DataError {
                path: format!("translations.{code}"),
                message: format!("a translation into \"{code}\" is given, but \"{code}\" is not listed after the story's own language in `languages`"),
            });
        }
        for key in texts.keys() {
            if !wanted.contains(key) && !OPTIONAL.contains(&key.as_str()) {
                return Err(DataError {
                    path: format!("translations.{code}"),
                    message: format!(
                        "\"{key}\" names no text of the story; check its spelling (e.g. charts.<id>.headline)"
                    ),
                });
            }
        }
    }
    for code in d.languages.iter().skip(1) {
        let texts = d.translations.get(code);
        for key in wanted.distinct() {
            if texts.and_then(|t| t.get(key)).is_none_or(|t| t.trim().is_empty()) {
                return Err(DataError {
                    path: format!("translations.{code}"),
                    message: format!("the \"{code}\" translation has no text for \"{key}\"; add it, translated from the story's own text"),
                });
            }
        }
    }
    Ok(())
}

/// The story with its texts in `lang`. The story's own language gives it back as it is.
pub fn localize(d: &Dataset, lang: Lang) -> Result<Dataset, DataError> {
    let mut out = d.clone();
    out.lang = lang;
    if lang == base(d) {
        return Ok(out);
    }
    // The translation is keyed by the code the story lists ("zh-CN", "zh-Hans" or "zh"), which
    // validation checked is complete; look it up by that code, not by the engine's own.
    let listed = d.languages.iter().skip(1).find(|c| Lang::parse(c) == Some(lang));
    let Some(t) = listed.and_then(|c| d.translations.get(c)) else {
        return Err(DataError {
            path: "languages".into(),
            message: format!(
                "the story is not translated into \"{}\"; it can be shown in: {}",
                lang.code(),
                d.languages.join(", ")
            ),
        });
    };
    let get = |key: String, own: &str| t.get(&key).cloned().unwrap_or_else(|| own.to_string());
    out.story.title = get("story.title".into(), &d.story.title);
    out.story.dek = get("story.dek".into(), &d.story.dek);
    out.story.overview_heading = get("story.overview_heading".into(), &d.story.overview_heading);
    out.story.map_credit = t.get("map.attribution").cloned();
    for s in &mut out.sources {
        s.name = get(format!("sources.{}.name", s.id), &s.name);
        s.description = get(format!("sources.{}.description", s.id), &s.description);
    }
    for r in &mut out.regions {
        r.name = get(format!("regions.{}.name", r.id), &r.name);
    }
    for f in &mut out.figures {
        f.label = get(format!("figures.{}.label", f.id), &f.label);
        if format::is_word_unit(&f.unit) {
            f.unit = get(format!("figures.{}.unit", f.id), &f.unit);
        }
        f.claim = f.claim.as_ref().map(|c| get(format!("figures.{}.claim", f.id), c));
        f.wording = f.wording.as_ref().map(|w| get(format!("figures.{}.wording", f.id), w));
        f.period = f.period.as_ref().map(|p| get(format!("figures.{}.period", f.id), p));
    }
    for x in &mut out.indicators {
        x.name = get(format!("indicators.{}.name", x.id), &x.name);
        if format::is_word_unit(&x.unit) {
            x.unit = get(format!("indicators.{}.unit", x.id), &x.unit);
        }
    }
    for c in &mut out.charts {
        c.headline = get(format!("charts.{}.headline", c.id), &c.headline);
        c.dek = get(format!("charts.{}.dek", c.id), &c.dek);
        c.note = c.note.as_ref().map(|n| get(format!("charts.{}.note", c.id), n));
        c.comparable = c.comparable.as_ref().map(|n| get(format!("charts.{}.comparable", c.id), n));
        c.endpoints = c.endpoints.as_ref().map(|[a, b]| {
            [get(format!("charts.{}.endpoints.0", c.id), a), get(format!("charts.{}.endpoints.1", c.id), b)]
        });
        for (i, a) in c.annotations.iter_mut().enumerate() {
            a.label = get(format!("charts.{}.annotations.{i}.label", c.id), &a.label);
        }
    }
    Ok(out)
}
