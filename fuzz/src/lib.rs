//! What the fuzz targets check, shared with `tests/fuzz_regressions.rs` so saved inputs replay on stable.
//!
//! Each target takes raw bytes and panics only when the engine misbehaves: a panic inside the engine,
//! an empty error message, or a laid-out chart with a coordinate that is not finite or outside its canvas.

use std::sync::OnceLock;

use arbitrary::{Arbitrary, Unstructured};
use datastory::data::localize::{base, keys, localize};
use datastory::data::table::Table;
use datastory::data::{
    self, Chart, ChartKind, Dataset, Figure, Qualifier, Region, RegionKind, Source, SourceRef, Story as StoryText,
};
use datastory::geo::{GeoMap, MapData};
use datastory::i18n::Lang;
use datastory::model::{self, ApproxMeasure, ChartModel, Rect, Titles, View};
use datastory::theme::Theme;

/// The story's real boundaries file: map charts are laid out against it.
const MAP: &str = include_str!("../../data/map/northeast-china.json");
/// The shape ids the boundaries file has, and one it lacks.
const GEO_IDS: [&str; 5] = ["CN-HL", "CN-JL", "CN-LN", "CN-NM", "XX-NONE"];

fn map_data() -> &'static MapData {
    static DATA: OnceLock<MapData> = OnceLock::new();
    DATA.get_or_init(|| MapData::from_json(MAP).unwrap_or_else(|e| panic!("the map file does not parse: {e}")))
}

/// Target `dataset_json`: any text either loads or is refused with a message; a story that loads
/// localizes into every language it lists, and each of its charts lays out.
pub fn dataset_json(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    match data::from_json(text) {
        Err(e) => assert!(!e.message.trim().is_empty(), "refused without a message: {e:?}"),
        Ok(d) => check_story(&d, GeoMap::new(map_data(), &d).ok().as_ref(), &[320.0]),
    }
}

/// Target `csv_import`: any text either imports as a dataset the validator accepts (and that comes back
/// the same through `to_csv`), or is refused with a message that names a line when it names one.
pub fn csv_import(bytes: &[u8]) {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    match data::csv::from_csv(text) {
        Err(e) => assert!(!e.message.trim().is_empty(), "refused without a message: {e:?}"),
        Ok(d) => {
            assert!(data::validate(&d).is_ok(), "the importer made a dataset that does not validate");
            let again = data::csv::from_csv(&data::csv::to_csv(&d));
            assert!(again.as_ref() == Ok(&d), "the sheet changed on its way back through CSV: {again:?}");
        }
    }
}

/// Target `layout_render`: a structured story built from the bytes; when it validates, every chart
/// is laid out, drawn into an SVG string and hit-tested in each of its languages.
pub fn layout_render(bytes: &[u8]) {
    let mut u = Unstructured::new(bytes);
    let Ok(input) = StoryIn::arbitrary(&mut u) else { return };
    let d = input.dataset();
    if let Err(e) = data::validate(&d) {
        assert!(!e.message.trim().is_empty(), "refused without a message: {e:?}");
        return;
    }
    let width = 200.0 + f64::from(input.width % 1801);
    // Projecting the boundaries is the slowest step: once per input.
    let map = GeoMap::new(map_data(), &d).ok();
    check_story(&d, map.as_ref(), &[width]);
    let view = View {
        selected: input.selected.and_then(|i| d.regions.get(usize::from(i))).map(|r| r.id.as_str()),
        hover: input.hover.map(usize::from),
        focus: input.focus.map(usize::from),
        pinned: input.pinned.map(usize::from),
        time: None,
    };
    for c in &d.charts {
        let m = built(&d, map.as_ref(), c, width, Titles::OnPage);
        // A chart over time is drawn with its cursor at one of its times.
        let time = input
            .hover
            .zip(m.body.times())
            .and_then(|(i, times)| times.get(usize::from(i) % times.len().max(1)))
            .map(|p| p.0);
        let view = View { time, ..view };
        let (svg, g) = datastory::export::svg(&m, &view).unwrap_or_else(|e| panic!("{e}"));
        assert!(svg.starts_with("<svg"), "{} drew no SVG", c.id);
        for &(x, y) in &input.points {
            let hit = datastory::hit::hit_test(&g.marks, f64::from(x), f64::from(y));
            assert!(hit.is_none_or(|i| i < g.marks.len()));
        }
        for mark in &g.marks {
            let _ = datastory::describe::mark(&d, mark);
        }
    }
    if input.whole {
        let svg = datastory::export::story_svg(&d, map.as_ref(), width, &ApproxMeasure, &Theme::DARK)
            .unwrap_or_else(|e| panic!("{e}"));
        assert!(svg.ends_with("</svg>\n"));
    }
}

/// Every language the story lists, and every chart in it at each width, must work.
fn check_story(d: &Dataset, map: Option<&GeoMap>, widths: &[f64]) {
    let mut langs = vec![base(d)];
    langs.extend(d.languages.iter().filter_map(|c| Lang::parse(c)));
    for lang in langs {
        let l = localize(d, lang).unwrap_or_else(|e| panic!("a listed language does not localize: {e}"));
        let _ = model::outline::outline(&l, map);
        let _ = datastory::figure_csv::csv(&l, &l.figures.iter().collect::<Vec<_>>());
        for c in &l.charts {
            let _ = datastory::describe::rows(&l, c);
            for &w in widths {
                // As downloads draw it, and as the page does, with its titles written around it.
                for titles in [Titles::Drawn, Titles::OnPage] {
                    check_model(&built(&l, map, c, w, titles));
                }
            }
        }
    }
}

fn built(d: &Dataset, map: Option<&GeoMap>, c: &Chart, width: f64, titles: Titles) -> ChartModel {
    model::build(d, map, &c.id, width, &ApproxMeasure, &Theme::LIGHT, titles)
        .unwrap_or_else(|| panic!("chart {} of a valid story does not build", c.id))
}

fn finite(r: &Rect) -> bool {
    r.x.is_finite() && r.y.is_finite() && r.w.is_finite() && r.h.is_finite()
}

/// Inside the canvas, with half a pixel for rounding.
fn inside(r: &Rect, w: f64, h: f64) -> bool {
    r.x >= -0.5 && r.y >= -0.5 && r.right() <= w + 0.5 && r.bottom() <= h + 0.5
}

/// What a reader would notice: a mark or label that is not drawn where the layout says, or off the canvas.
pub fn check_model(m: &ChartModel) {
    assert!(m.height.is_finite() && m.height > 0.0, "{}: height {}", m.id, m.height);
    for mark in m.marks() {
        assert!(finite(&mark.rect) && finite(&mark.hit), "{}: mark {} at {:?}", m.id, mark.id, mark.rect);
        assert!(inside(&mark.rect, m.width, m.height), "{}: mark {} leaves the canvas: {:?}", m.id, mark.id, mark.rect);
    }
    for l in m.labels() {
        let b = l.bbox();
        assert!(finite(&b), "{}: label {:?} at {b:?}", m.id, short(&l.text));
        assert!(inside(&b, m.width, m.height), "{}: label {:?} leaves the canvas: {b:?}", m.id, short(&l.text));
    }
}

fn short(s: &str) -> String {
    s.chars().take(80).collect()
}

/// Pieces of text that have broken text handling elsewhere: markup, bidi controls, wide and
/// combining characters, whitespace of every kind.
const PIECES: [&str; 24] = [
    "<script>alert(1)</script>",
    "javascript:alert(1)",
    "\u{202E}gnp.exe",
    "\u{200F}\u{200E}\u{2066}\u{2069}",
    "مرحبا بالعالم",
    "שלום",
    "吉林省汽车销量",
    "👩‍👩‍👧‍👦",
    "🇨🇳",
    "e\u{301}\u{308}",
    " ",
    "\n",
    "\t\r",
    "\u{a0}\u{3000}",
    "&amp;&lt;",
    "\"'`",
    "W",
    "i",
    "1,234.5",
    "%",
    "ǅ",
    "ß",
    "\u{feff}",
    "\0",
];

/// A text: anything, or interesting pieces strung together, or one piece repeated many times.
#[derive(Debug, Arbitrary)]
enum TextIn {
    Any(String),
    Pieces(Vec<u8>),
    Repeat(u8, u16),
}

impl TextIn {
    fn text(&self) -> String {
        match self {
            TextIn::Any(s) => s.clone(),
            TextIn::Pieces(p) => p.iter().map(|i| PIECES[usize::from(*i) % PIECES.len()]).collect(),
            // Up to a few thousand characters: long enough to wrap over many lines, short enough
            // for many runs a second (the 1 MB label is a native test).
            TextIn::Repeat(i, n) => PIECES[usize::from(*i) % PIECES.len()].repeat(usize::from(*n % 2048)),
        }
    }
}

/// Values where number formatting and scales have edges.
const SPECIAL: [f64; 18] = [
    0.0,
    -0.0,
    1.0,
    -1.0,
    100.0,
    99.999_999_9,
    1e300,
    -1e300,
    f64::MAX,
    f64::MIN_POSITIVE,
    5e-324,
    1e-300,
    9_007_199_254_740_993.0,
    1e21,
    0.1,
    f64::NAN,
    f64::INFINITY,
    f64::NEG_INFINITY,
];

#[derive(Debug, Arbitrary)]
enum ValueIn {
    None,
    Any(f64),
    Special(u8),
}

impl ValueIn {
    fn value(&self) -> Option<f64> {
        match self {
            ValueIn::None => None,
            ValueIn::Any(v) => Some(*v),
            ValueIn::Special(i) => Some(SPECIAL[usize::from(*i) % SPECIAL.len()]),
        }
    }
}

#[derive(Debug, Arbitrary)]
enum UnitIn {
    Percent,
    Times,
    None,
    Word(TextIn),
}

#[derive(Debug, Arbitrary)]
struct FigureIn {
    region: Option<u8>,
    label: TextIn,
    value: ValueIn,
    claim: Option<TextIn>,
    unit: UnitIn,
    qualifier: u8,
    wording: Option<TextIn>,
    period: Option<TextIn>,
}

#[derive(Debug, Arbitrary)]
struct ChartIn {
    kind: u8,
    region: Option<u8>,
    headline: TextIn,
    dek: TextIn,
    note: Option<TextIn>,
    endpoints: Option<(TextIn, TextIn)>,
    figures: Vec<FigureIn>,
    /// Bend the figures to what the chart kind accepts, so most inputs get past validation.
    fit: bool,
}

#[derive(Debug, Arbitrary)]
struct RegionIn {
    name: TextIn,
    autonomous: bool,
    color: (u8, u8, u8),
    geo: Option<u8>,
}

#[derive(Debug, Arbitrary)]
enum LangsIn {
    En,
    Zh,
    /// English with a Chinese translation: each text is the prefix followed by the English one.
    EnZh(TextIn),
}

/// A whole story, shaped so that most inputs are valid and the bytes go into texts, values and widths.
#[derive(Debug, Arbitrary)]
pub struct StoryIn {
    title: TextIn,
    dek: TextIn,
    heading: TextIn,
    source: TextIn,
    regions: Vec<RegionIn>,
    charts: Vec<ChartIn>,
    langs: LangsIn,
    width: u16,
    points: Vec<(i16, i16)>,
    selected: Option<u8>,
    hover: Option<u8>,
    focus: Option<u8>,
    pinned: Option<u8>,
    /// Also draw the whole story as one SVG (the fallback picture).
    whole: bool,
}

const QUALIFIERS: [Qualifier; 6] = Qualifier::ALL;

impl StoryIn {
    // One story, field by field: splitting it would only scatter what it builds.
    #[allow(clippy::too_many_lines)]
    pub fn dataset(&self) -> Dataset {
        let regions: Vec<Region> = self
            .regions
            .iter()
            .take(6)
            .enumerate()
            .map(|(i, r)| Region {
                id: format!("r{i}"),
                name: r.name.text(),
                kind: if r.autonomous { RegionKind::AutonomousRegion } else { RegionKind::Province },
                color: format!("#{:02x}{:02x}{:02x}", r.color.0, r.color.1, r.color.2),
                geo: r.geo.map(|g| GEO_IDS[usize::from(g) % GEO_IDS.len()].to_string()),
            })
            .collect();
        let region = |i: Option<u8>| {
            i.and_then(
                |i| if regions.is_empty() { None } else { Some(regions[usize::from(i) % regions.len()].id.clone()) },
            )
        };
        let mut figures = Vec::new();
        let mut charts = Vec::new();
        for (ci, c) in self.charts.iter().take(6).enumerate() {
            // Every registered kind, and its rules, as the kind states them.
            let kind = ChartKind::WORDS[usize::from(c.kind) % ChartKind::WORDS.len()].1;
            let (min, max) = kind.figures();
            let mut ids = Vec::new();
            let wanted = if c.fit { c.figures.len().clamp(min, max) } else { c.figures.len().min(14) };
            for j in 0..wanted {
                let id = format!("c{ci}f{j}");
                let f = match c.figures.get(j) {
                    Some(f) => Figure {
                        id: id.clone(),
                        region: region(f.region),
                        indicator: format!("indicator{ci}"),
                        label: f.label.text(),
                        value: f.value.value(),
                        claim: f.claim.as_ref().map(TextIn::text),
                        unit: match &f.unit {
                            UnitIn::Percent => "%".into(),
                            UnitIn::Times => "times".into(),
                            UnitIn::None => String::new(),
                            UnitIn::Word(t) => t.text(),
                        },
                        qualifier: QUALIFIERS[usize::from(f.qualifier) % QUALIFIERS.len()],
                        wording: f.wording.as_ref().map(TextIn::text),
                        period: f.period.as_ref().map(TextIn::text),
                        source: SourceRef { id: "s".into(), quote: "The source says so.".into() },
                    },
                    None => Figure {
                        id: id.clone(),
                        region: None,
                        indicator: format!("indicator{ci}"),
                        label: format!("Figure {j}"),
                        value: Some(1.0),
                        claim: None,
                        unit: String::new(),
                        qualifier: Qualifier::Exact,
                        wording: None,
                        period: None,
                        source: SourceRef { id: "s".into(), quote: "The source says so.".into() },
                    },
                };
                figures.push(if c.fit { fit(f, kind, j) } else { f });
                ids.push(id);
            }
            charts.push(Chart {
                id: format!("c{ci}"),
                kind,
                region: region(c.region),
                headline: c.headline.text(),
                dek: c.dek.text(),
                figures: ids,
                indicator: None,
                entities: Vec::new(),
                highlight: Vec::new(),
                scale: None,
                colors: None,
                times: Vec::new(),
                annotations: Vec::new(),
                note: c.note.as_ref().map(TextIn::text),
                endpoints: c.endpoints.as_ref().map(|(a, b)| [a.text(), b.text()]),
                // Fuzzed figures mix units; a fitted chart says they compare, so it gets drawn.
                comparable: (c.fit && kind.draws_one_axis()).then(|| "Fuzzed figures on one scale.".into()),
            });
            if c.fit && kind == ChartKind::Multiple {
                if let Some(last) = charts.last_mut() {
                    last.endpoints.get_or_insert_with(|| ["Start".into(), "End".into()]);
                }
            }
        }
        let mut d = Dataset {
            story: StoryText {
                id: "fuzz".into(),
                title: self.title.text(),
                dek: self.dek.text(),
                overview_heading: self.heading.text(),
                map: Some("map/northeast-china.json".into()),
                map_credit: None,
            },
            sources: vec![Source {
                id: "s".into(),
                name: self.source.text(),
                description: "A source.".into(),
                document: None,
                link: None,
            }],
            regions,
            figures,
            indicators: Vec::new(),
            series: Vec::new(),
            charts,
            languages: Vec::new(),
            translations: Table::default(),
            lang: Lang::En,
        };
        match &self.langs {
            LangsIn::En => {}
            LangsIn::Zh => d.languages = vec!["zh".into()],
            LangsIn::EnZh(prefix) => {
                let prefix = prefix.text();
                d.languages = vec!["en".into(), "zh".into()];
                let zh = keys(&d).into_iter().map(|(k, own)| (k, format!("{prefix}{own}译"))).collect();
                // keys() names each text once.
                if let Ok(zh) = Table::from_entries(zh) {
                    d.translations.set("zh".into(), zh);
                }
            }
        }
        d
    }
}

/// The figure bent to what `kind` accepts at position `j`, keeping its texts and as much of its value as fits.
fn fit(mut f: Figure, kind: ChartKind, j: usize) -> Figure {
    let v = f.value.filter(|v| v.is_finite());
    if !kind.needs_value() {
        f.value = v.or(if f.claim.is_none() { Some(0.0) } else { None });
        return f;
    }
    let a = v.map_or(1.0, f64::abs);
    let accepted = |f: &Figure| {
        [a, a.min(100.0), a.max(f64::MIN_POSITIVE)].into_iter().find(|x| kind.refuse_value(f, *x, j).is_none())
    };
    // A kind may also ask for a unit (a share is in percent): a figure it refuses in its own unit gets that one.
    f.value = accepted(&f).or_else(|| {
        f.unit = "%".into();
        accepted(&f)
    });
    f
}
