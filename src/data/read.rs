//! Reads a dataset's types from parsed JSON: the fields each type knows, which may be left out, and
//! the words of its enums (the same as the JSON Schema generated from the types).

use super::json::{word, Fields, Json, Path, Read};
use super::{Chart, ChartKind, DataError, Dataset, Figure, Qualifier, Region, RegionKind, Source, SourceRef, Story};

impl Read for Dataset {
    fn read(v: &Json, at: Path) -> Result<Self, DataError> {
        let f = Fields::of(v, at, &["story", "sources", "regions", "figures", "charts", "languages", "translations"])?;
        Ok(Dataset {
            story: f.req("story")?,
            sources: f.req("sources")?,
            regions: f.req("regions")?,
            figures: f.req("figures")?,
            charts: f.req("charts")?,
            languages: f.or_default("languages")?,
            translations: f.or_default("translations")?,
            lang: crate::i18n::Lang::default(),
        })
    }
}

impl Read for Story {
    fn read(v: &Json, at: Path) -> Result<Self, DataError> {
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
    fn read(v: &Json, at: Path) -> Result<Self, DataError> {
        let f = Fields::of(v, at, &["id", "name", "description", "document"])?;
        Ok(Source {
            id: f.req("id")?,
            name: f.req("name")?,
            description: f.req("description")?,
            document: f.opt("document")?,
        })
    }
}

impl Read for Region {
    fn read(v: &Json, at: Path) -> Result<Self, DataError> {
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
    fn read(v: &Json, at: Path) -> Result<Self, DataError> {
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
    fn read(v: &Json, at: Path) -> Result<Self, DataError> {
        let f = Fields::of(v, at, &["id", "quote"])?;
        Ok(SourceRef { id: f.req("id")?, quote: f.req("quote")? })
    }
}

impl Read for Chart {
    fn read(v: &Json, at: Path) -> Result<Self, DataError> {
        let known = ["id", "kind", "region", "headline", "dek", "figures", "note", "endpoints", "comparable"];
        let f = Fields::of(v, at, &known)?;
        Ok(Chart {
            id: f.req("id")?,
            kind: f.req("kind")?,
            region: f.opt("region")?,
            headline: f.req("headline")?,
            dek: f.req("dek")?,
            figures: f.req("figures")?,
            note: f.opt("note")?,
            endpoints: f.opt("endpoints")?,
            comparable: f.opt("comparable")?,
        })
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
            fn read(v: &Json, at: Path) -> Result<Self, DataError> {
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
    fn read(v: &Json, at: Path) -> Result<Self, DataError> {
        word(v, at, Self::WORDS)
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
    }
}
