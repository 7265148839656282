//! The engine's own words in each language it speaks (the story's words come translated in its data).

use crate::data::{Qualifier, RegionKind};

/// A language the engine can draw a story in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Lang {
    #[default]
    En,
    /// Simplified Chinese.
    Zh,
}

impl Lang {
    /// `en` or `zh` (also `zh-Hans`, `zh-CN`); anything else is not a language the engine speaks.
    pub fn parse(code: &str) -> Option<Lang> {
        let primary = code.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        match primary.as_str() {
            "en" => Some(Lang::En),
            "zh" => Some(Lang::Zh),
            _ => None,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Zh => "zh",
        }
    }

    /// True where words are not separated by spaces (a number and its unit run together).
    pub fn joins_words(self) -> bool {
        self == Lang::Zh
    }
}

/// A qualifier as it is written before a number.
pub fn qualifier(q: Qualifier, lang: Lang) -> &'static str {
    match (lang, q) {
        (_, Qualifier::Exact) => "",
        (Lang::En, Qualifier::MoreThan) => "more than",
        (Lang::En, Qualifier::AtLeast) => "at least",
        (Lang::En, Qualifier::Nearly) => "nearly",
        (Lang::En, Qualifier::About) => "about",
        (Lang::En, Qualifier::LessThan) => "less than",
        (Lang::Zh, Qualifier::MoreThan) => "超过",
        (Lang::Zh, Qualifier::AtLeast) => "至少",
        (Lang::Zh, Qualifier::Nearly) => "近",
        (Lang::Zh, Qualifier::About) => "约",
        (Lang::Zh, Qualifier::LessThan) => "不到",
    }
}

pub fn region_kind(kind: RegionKind, lang: Lang) -> &'static str {
    match (lang, kind) {
        (Lang::En, RegionKind::Province) => "Province",
        (Lang::En, RegionKind::AutonomousRegion) => "Autonomous region",
        (Lang::Zh, RegionKind::Province) => "省",
        (Lang::Zh, RegionKind::AutonomousRegion) => "自治区",
        (Lang::En, RegionKind::Country) => "Country",
        (Lang::Zh, RegionKind::Country) => "国家",
        (Lang::En, RegionKind::State) => "State",
        (Lang::Zh, RegionKind::State) => "州",
        (Lang::En, RegionKind::City) => "City",
        (Lang::Zh, RegionKind::City) => "城市",
        (Lang::En, RegionKind::Region) => "Region",
        (Lang::Zh, RegionKind::Region) => "地区",
        (Lang::En, RegionKind::Site) => "Site",
        (Lang::Zh, RegionKind::Site) => "地点",
        (Lang::En, RegionKind::Category) => "Category",
        (Lang::Zh, RegionKind::Category) => "类别",
    }
}

/// "Source: A; B" / "来源：A；B".
pub fn source_line(names: &[String], lang: Lang) -> String {
    match lang {
        Lang::En => format!("Source: {}", names.join("; ")),
        Lang::Zh => format!("来源：{}", names.join("；")),
    }
}

pub fn map_missing(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "The map’s boundaries could not be loaded; the figures below are complete without it.",
        Lang::Zh => "地图边界未能加载；下方的数据不受影响，完整可读。",
    }
}

/// "100% = {whole}: {value}", what the full bar of a share chart stands for.
pub fn share_whole(whole: &str, value: &str, lang: Lang) -> String {
    match lang {
        Lang::En => format!("100% = {}: {value}", crate::format::lower(whole)),
        Lang::Zh => format!("100% = {whole}：{value}"),
    }
}

/// "N figures in M charts", the counts written as every number is ("1,200 figures in 300 charts").
pub fn region_summary(figures: usize, charts: usize, lang: Lang) -> String {
    let s = |n: usize| if n == 1 { "" } else { "s" };
    let (f, c) = (crate::format::number(figures as f64, lang), crate::format::number(charts as f64, lang));
    match lang {
        Lang::En => format!("{f} figure{} in {c} chart{}", s(figures), s(charts)),
        Lang::Zh => format!("{c}张图表中的{f}个数据"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_written_as_every_number_is() {
        assert_eq!(region_summary(1, 1, Lang::En), "1 figure in 1 chart");
        assert_eq!(region_summary(1200, 3, Lang::En), "1,200 figures in 3 charts");
        assert_eq!(region_summary(12_000, 3, Lang::Zh), "3张图表中的1.2万个数据");
    }
}
