//! Reads a dataset's types from parsed JSON: the fields each type knows, which may be left out, and
//! the words of its enums (the same as the JSON Schema generated from the types).

use super::json::{found, word, Fail, Fields, Json, Path, Read};
use super::{
    Annotation, AnnotationKind, Chart, ChartKind, Colors, Dataset, Figure, Indicator, Qualifier, Region, RegionKind,
    ScaleKind, Scheme, Series, Source, SourceRef, Story,
};
use crate::time::Time;

impl Read for Dataset {
    fn read(v: &Json, at: Path) -> Result<Self, Fail> {
        let known =
            ["story", "sources", "regions", "figures", "indicators", "series", "charts", "languages", "translations"];
        let f = Fields::of(v, at, &known)?;
        Ok(Dataset {
            story: f.req("story")?,
            sources: f.req("sources")?,
            regions: f.req("regions")?,
            figures: f.req("figures")?,
            indicators: series_part(&f, "indicators")?,
            series: series_part(&f, "series")?,
            charts: f.req("charts")?,
            languages: f.or_default("languages")?,
            translations: f.or_default("translations")?,
            lang: crate::i18n::Lang::default(),
        })
    }
}

impl Read for Story {
    fn read(v: &Json, at: Path) -> Result<Self, Fail> {
        let f = Fields::of(v, at, &["id", "title", "dek", "overview_heading", "map"])?;
        Ok(Story {
            id: f.req("id")?,
            title: f.req("title")?,
            dek: f.req("dek")?,
            overview_heading: f.req("overview_heading")?,
            map: f.opt("map")?,
            map_credit: None,
        })
    }
}

impl Read for Source {
    fn read(v: &Json, at: Path) -> Result<Self, Fail> {
        let f = Fields::of(v, at, &["id", "name", "description", "document", "link"])?;
        Ok(Source {
            id: f.req("id")?,
            name: f.req("name")?,
            description: f.req("description")?,
            document: f.opt("document")?,
            link: f.opt("link")?,
        })
    }
}

impl Read for Region {
    fn read(v: &Json, at: Path) -> Result<Self, Fail> {
        let f = Fields::of(v, at, &["id", "name", "kind", "color", "geo"])?;
        Ok(Region {
            id: f.req("id")?,
            name: f.req("name")?,
            kind: f.req("kind")?,
            color: f.req("color")?,
            geo: f.opt("geo")?,
        })
    }
}

impl Read for Figure {
    fn read(v: &Json, at: Path) -> Result<Self, Fail> {
        let known = [
            "id",
            "region",
            "indicator",
            "label",
            "value",
            "claim",
            "unit",
            "qualifier",
            "wording",
            "period",
            "source",
        ];
        let f = Fields::of(v, at, &known)?;
        Ok(Figure {
            id: f.req("id")?,
            region: f.opt("region")?,
            indicator: f.req("indicator")?,
            label: f.req("label")?,
            value: f.opt("value")?,
            claim: f.opt("claim")?,
            unit: f.req("unit")?,
            qualifier: f.req("qualifier")?,
            wording: f.opt("wording")?,
            period: f.opt("period")?,
            source: f.req("source")?,
        })
    }
}

impl Read for SourceRef {
    fn read(v: &Json, at: Path) -> Result<Self, Fail> {
        let f = Fields::of(v, at, &["id", "quote"])?;
        Ok(SourceRef { id: f.req("id")?, quote: f.req("quote")? })
    }
}

impl Read for Chart {
    fn read(v: &Json, at: Path) -> Result<Self, Fail> {
        let known = [
            "id",
            "kind",
            "region",
            "headline",
            "dek",
            "figures",
            "indicator",
            "entities",
            "highlight",
            "scale",
            "colors",
            "times",
            "annotations",
            "note",
            "endpoints",
            "comparable",
        ];
        let f = Fields::of(v, at, &known)?;
        Ok(Chart {
            id: f.req("id")?,
            kind: f.req("kind")?,
            region: f.opt("region")?,
            headline: f.req("headline")?,
            dek: f.req("dek")?,
            figures: f.or_default("figures")?,
            indicator: series_part(&f, "indicator")?,
            entities: series_part(&f, "entities")?,
            highlight: series_part(&f, "highlight")?,
            scale: scale(&f)?,
            colors: series_part(&f, "colors")?,
            times: series_part(&f, "times")?,
            annotations: series_part(&f, "annotations")?,
            note: f.opt("note")?,
            endpoints: f.opt("endpoints")?,
            comparable: f.opt("comparable")?,
        })
    }
}

impl Read for Indicator {
    fn read(v: &Json, at: Path) -> Result<Self, Fail> {
        let f = Fields::of(v, at, &["id", "name", "unit", "decimals", "source"])?;
        Ok(Indicator {
            id: f.req("id")?,
            name: f.req("name")?,
            unit: f.req("unit")?,
            decimals: f.opt::<f64>("decimals")?.map(|n| decimals(n, &f)).transpose()?,
            source: f.req("source")?,
        })
    }
}

impl Read for Series {
    fn read(v: &Json, at: Path) -> Result<Self, Fail> {
        let f = Fields::of(v, at, &["indicator", "entity", "times", "values"])?;
        let times: Vec<Time> = f.req("times")?;
        let values: Vec<Option<f64>> = f.req("values")?;
        if times.len() != values.len() {
            return Err(Path::Key(&at, "values").error(format!(
                "{} values for {} times; give one value per time, null where there is none",
                values.len(),
                times.len()
            )));
        }
        Ok(Series::new(f.req("indicator")?, f.req("entity")?, times.into_iter().zip(values).collect()))
    }
}

/// A field of indicator series: read as any other, or, in an engine built without series, refused
/// unless left out or empty, so that none of the code that reads and draws series is in that engine.
fn series_part<T: Read + Default>(f: &Fields, key: &'static str) -> Result<T, Fail> {
    if cfg!(feature = "series") {
        return f.or_default(key);
    }
    match f.get(key) {
        None | Some(Json::Null) => Ok(T::default()),
        Some(Json::Arr(items)) if items.is_empty() => Ok(T::default()),
        Some(_) => Err(Path::Key(&f.at, key).error(
            "this engine was built without indicator series; load the engine built with the `series` feature (www/pkg-series/), as the page does for a story with series".into(),
        )),
    }
}

/// A year as a number (1955) or text ("1955"), or a quarter, month or date as text.
impl Read for Time {
    fn read(v: &Json, at: Path) -> Result<Self, Fail> {
        let t = match v {
            Json::Num(n) => Time::from_number(*n),
            Json::Str(s) => Time::parse(s),
            _ => None,
        };
        t.ok_or_else(|| at.error(format!("{} is not a time; {}", found(v), super::TIME_FORMS)))
    }
}

/// Digits after the point that a label may show: 0 to 6 (smaller values call for a smaller unit).
fn decimals(n: f64, f: &Fields) -> Result<u8, Fail> {
    if n.fract() == 0.0 && (0.0..=6.0).contains(&n) {
        Ok(n as u8)
    } else {
        let at = Path::Key(&f.at, "decimals");
        Err(at.error("expected a whole number from 0 to 6; a label shows at most 6 digits after the point, so for smaller values choose a smaller unit".into()))
    }
}

/// `linear` or `log`, read through the reader of texts: an enum reader of its own costs the page's
/// wasm more than this.
fn scale(f: &Fields) -> Result<Option<ScaleKind>, Fail> {
    if !cfg!(feature = "series") {
        return series_part::<Option<String>>(f, "scale").map(|_| None);
    }
    match f.opt::<String>("scale")?.as_deref() {
        None => Ok(None),
        Some("linear") => Ok(Some(ScaleKind::Linear)),
        Some("log") => Ok(Some(ScaleKind::Log)),
        Some(other) => Err(Path::Key(&f.at, "scale").error(format!(
            "unknown variant `{}`, expected one of `linear`, `log`; use one of the listed values",
            super::excerpt(other, 40)
        ))),
    }
}

/// Each enum's words as the JSON format spells them, in one place for reading and writing.
macro_rules! words {
    ($ty:ident { $($variant:ident = $word:literal),+ $(,)? }) => {
        impl $ty {
            pub const WORDS: &'static [(&'static str, $ty)] = &[$(($word, $ty::$variant)),+];

            /// The word the JSON format uses for this value (`more_than`).
            pub fn word(self) -> &'static str {
                match self { $($ty::$variant => $word),+ }
            }
        }

        impl Read for $ty {
            fn read(v: &Json, at: Path) -> Result<Self, Fail> {
                word(v, at, Self::WORDS)
            }
        }
    };
}

words!(RegionKind {
    Province = "province",
    AutonomousRegion = "autonomous_region",
    Country = "country",
    State = "state",
    City = "city",
    Region = "region",
    Site = "site",
    Category = "category",
});
words!(Qualifier {
    Exact = "exact",
    MoreThan = "more_than",
    AtLeast = "at_least",
    Nearly = "nearly",
    About = "about",
    LessThan = "less_than",
});
// The kinds' words are registered with the kinds (`kinds::kinds!`).
impl Read for ChartKind {
    fn read(v: &Json, at: Path) -> Result<Self, Fail> {
        word(v, at, Self::WORDS)
    }
}
words!(ScaleKind { Linear = "linear", Log = "log" });
words!(AnnotationKind { Line = "line", Band = "band", Point = "point" });
words!(Scheme {
    Blues = "blues",
    Greens = "greens",
    Purples = "purples",
    Oranges = "oranges",
    RedBlue = "red_blue",
    BrownTeal = "brown_teal",
    PurpleOrange = "purple_orange",
});

impl Read for Colors {
    fn read(v: &Json, at: Path) -> Result<Self, Fail> {
        let f = Fields::of(v, at, &["scheme", "bins", "continuous", "center"])?;
        let bins = match f.opt::<f64>("bins")? {
            None => None,
            Some(n) if (3.0..=9.0).contains(&n) && n.fract() == 0.0 => Some(n as u8),
            Some(_) => {
                return Err(Path::Key(&f.at, "bins")
                    .error("give how many colours the map uses, a whole number from 3 to 9".into()))
            }
        };
        Ok(Colors {
            scheme: f.req("scheme")?,
            bins,
            continuous: f.opt("continuous")?.unwrap_or(false),
            center: f.opt("center")?,
        })
    }
}

impl Read for Annotation {
    fn read(v: &Json, at: Path) -> Result<Self, Fail> {
        let f = Fields::of(v, at, &["kind", "label", "value", "from", "to", "entity", "time"])?;
        Ok(Annotation {
            kind: f.req("kind")?,
            label: f.req("label")?,
            value: f.opt("value")?,
            from: f.opt("from")?,
            to: f.opt("to")?,
            entity: f.opt("entity")?,
            time: f.opt("time")?,
        })
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// The words are written by hand here and derived by serde for the JSON written natively: they must agree.
    #[test]
    fn every_word_is_the_one_serde_writes() {
        fn check<T: serde::Serialize + Copy>(words: &[(&str, T)], name: fn(T) -> &'static str) {
            for (w, v) in words {
                assert_eq!(serde_json::to_value(v).ok(), Some(serde_json::Value::String((*w).to_string())));
                assert_eq!(name(*v), *w);
            }
        }
        check(RegionKind::WORDS, RegionKind::word);
        check(Qualifier::WORDS, Qualifier::word);
        check(ChartKind::WORDS, ChartKind::word);
        check(Scheme::WORDS, Scheme::word);
    }
}
