//! Each chart drawn through plotters' SVG backend: its words and values, golden files, and a layout
//! that holds at every width from 280 to 1200 CSS pixels.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use datastory::model::Rect;

/// The text of every `<text>` element, one per line, unescaped.
fn texts(svg: &str) -> Vec<String> {
    svg.split("<text")
        .skip(1)
        .filter_map(|t| t.split_once('>').map(|(_, rest)| rest))
        .filter_map(|t| t.split("</text>").next())
        .map(|t| {
            t.trim()
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'")
        })
        .collect()
}

fn words(svg: &str) -> String {
    texts(svg).join(" ")
}

#[test]
fn every_chart_shows_its_headline_dek_and_source() {
    let d = common::story();
    for c in &d.charts {
        for width in [320.0, 640.0, 1200.0] {
            let (svg, _) = common::svg(&common::model(&d, &c.id, width));
            let all = words(&svg);
            assert!(all.contains(&c.headline), "{} at {width}: headline missing from {all:?}", c.id);
            assert!(all.contains(&c.dek), "{} at {width}: dek missing", c.id);
            let source = if c.kind == datastory::data::ChartKind::Map {
                "Map: Natural Earth boundaries (public domain)"
            } else {
                "Source: News report on the Changchun briefing (outlet and date not given)"
            };
            assert!(all.contains(source), "{}: source line missing", c.id);
            if let Some(note) = datastory::model::key::of_chart(&d, c) {
                assert!(all.contains(note.as_str()), "{} at {width}: note missing", c.id);
            }
        }
    }
}

#[test]
fn on_the_page_the_canvas_holds_the_chart_alone_and_the_outline_carries_its_words() {
    use datastory::model::{self, outline, ApproxMeasure, Titles};
    let d = common::story();
    let entries: Vec<_> =
        outline::outline(&d, Some(common::map())).sections.into_iter().flat_map(|s| s.charts).collect();
    for c in &d.charts {
        let e = entries.iter().find(|e| e.id == c.id).unwrap_or_else(|| panic!("{} not in the outline", c.id));
        let note = model::key::of_chart(&d, c);
        assert_eq!((&e.headline, &e.dek, &e.note), (&c.headline, &c.dek, &note), "{}", c.id);
        let titled = common::model(&d, &c.id, 640.0);
        let drawn = words(&common::svg(&titled).0);
        assert!(
            !e.source.is_empty() && drawn.contains(&e.source),
            "{}: the page's source line {:?} is not the drawn one",
            c.id,
            e.source
        );

        let bare = model::build(
            &d,
            Some(common::map()),
            &c.id,
            640.0,
            &ApproxMeasure,
            &datastory::theme::Theme::LIGHT,
            Titles::OnPage,
        )
        .unwrap_or_else(|| panic!("no chart {}", c.id));
        assert!(bare.chrome.is_empty(), "{}: titles drawn on the page's canvas", c.id);
        let bare_words = words(&common::svg(&bare).0);
        for text in [&c.headline, &c.dek, &e.source] {
            assert!(!bare_words.contains(text.as_str()), "{}: {text:?} drawn on the page's canvas", c.id);
        }
        assert!(bare.height < titled.height - 40.0, "{}: {} px tall bare, {} titled", c.id, bare.height, titled.height);
        // The same chart, moved up by the titles' height: same marks, same shapes.
        let (a, b) = (titled.marks(), bare.marks());
        assert_eq!(a.len(), b.len(), "{}", c.id);
        let shift = a.first().map_or(0.0, |m| m.rect.y) - b.first().map_or(0.0, |m| m.rect.y);
        for (m, n) in a.iter().zip(&b) {
            assert_eq!(m.id, n.id);
            assert!(
                (m.rect.y - n.rect.y - shift).abs() < 1e-9 && (m.rect.x - n.rect.x).abs() < 1e-9,
                "{}: {} moved",
                c.id,
                m.id
            );
        }
    }
}

#[test]
fn the_page_writes_each_card_with_the_words_a_download_draws() {
    use datastory::data::ChartKind;
    use datastory::kinds::Body;
    use datastory::model::outline;
    let d = common::story();
    let entries: Vec<_> =
        outline::outline(&d, Some(common::map())).sections.into_iter().flat_map(|s| s.charts).collect();
    let mut cards = 0;
    for c in &d.charts {
        let e = entries.iter().find(|e| e.id == c.id).unwrap_or_else(|| panic!("{} not in the outline", c.id));
        if c.kind != ChartKind::Cards {
            assert!(e.cards.is_empty(), "{}: cards for a drawn chart", c.id);
            continue;
        }
        let Body::Cards(drawn) = common::model(&d, &c.id, 1200.0).body else { panic!("{} drew no cards", c.id) };
        assert_eq!(e.cards.len(), drawn.cards.len(), "{}", c.id);
        for (page, card) in e.cards.iter().zip(&drawn.cards) {
            assert_eq!(page.figure, card.figure);
            // The drawn card wraps its words into lines; read back, they are the page's words in order.
            let t = &page.text;
            let written: Vec<&str> = [t.qualifier.as_deref(), Some(&t.value), t.label.as_deref(), t.period.as_deref()]
                .into_iter()
                .flatten()
                .collect();
            let lines: Vec<&str> = card.texts.iter().map(|l| l.text.as_str()).collect();
            assert_eq!(lines.join(" "), written.join(" "), "{}: {}", c.id, page.figure);
            let colour = d.regions.iter().find(|r| Some(&r.id) == page.region.as_ref()).map(|r| r.color.clone());
            assert_eq!(page.color, colour.unwrap_or_default(), "{}: {}", c.id, page.figure);
            cards += 1;
        }
    }
    assert_eq!(cards, 10, "the story's five charts of cards hold ten cards");
    // The bound is its own line, before the number.
    let grain = entries.iter().flat_map(|e| &e.cards).find(|c| c.figure == "jilin-grain-output").expect("grain card");
    assert_eq!(
        (grain.text.qualifier.as_deref(), grain.text.value.as_str(), grain.text.period.as_deref()),
        (Some("More than"), "80 billion jin", Some("Three consecutive years"))
    );
}

#[test]
fn values_keep_their_qualifiers() {
    let d = common::fixture();
    let chart_words = |id: &str| words(&common::svg(&common::model(&d, id, 640.0)).0);
    let bounds = chart_words("bounds");
    for v in ["200+", "50+", "20+", "Heilongjiang’s trade partners", "CRRC Changchun’s export markets"] {
        assert!(bounds.contains(v), "bounds lacks {v}: {bounds}");
    }
    let gdp = chart_words("jilin-gdp-growth");
    for v in ["6.3%", "5.7%", "Last year", "First half of this year"] {
        assert!(gdp.contains(v), "gdp lacks {v}: {gdp}");
    }
    let autos = chart_words("jilin-auto-sales");
    for v in ["1×", "60 times", "Six years earlier (the chart’s reference)", "Currently", "the chart’s own reference"]
    {
        assert!(autos.contains(v), "autos lack {v}: {autos}");
    }
    let renew = chart_words("inner-mongolia-renewables");
    for v in ["Nearly half", "from renewable sources", "more than 200 million kW", "more than 200 GW", "“nearly half”"]
    {
        assert!(renew.contains(v), "renewables lack {v}: {renew}");
    }
    let coal = chart_words("inner-mongolia-coal");
    assert!(coal.contains("More than 1.23 billion tons"), "{coal}");
    let grain = chart_words("jilin-standouts");
    for v in ["More than 80 billion jin", "World’s largest", "Global lead", "1 jin = 0.5 kg"] {
        assert!(grain.contains(v), "standouts lack {v}: {grain}");
    }
    let activity = chart_words("liaoning-activity");
    assert!(activity.contains("67% active"), "{activity}");
}

#[test]
fn lower_bounds_are_drawn_open_and_exact_values_closed() {
    let d = common::fixture();
    let m = common::model(&d, "bounds", 640.0);
    let datastory::kinds::Body::Bars(b) = &m.body else { panic!("bounds is not bars") };
    assert!(b.rows.iter().all(|r| !r.fade.is_empty()), "every figure of `bounds` is a lower bound");
    let m = common::model(&d, "jilin-auto-sales", 640.0);
    let datastory::kinds::Body::Multiple(b) = &m.body else { panic!("autos are not a multiple") };
    assert!(b.rows.iter().all(|r| r.fade.is_empty()), "60 times is exact");
    // To scale: the end is 60 times the start.
    let ratio = b.rows[1].bar.w / b.rows[0].bar.w;
    assert!((ratio - 60.0).abs() < 0.5, "ratio {ratio}");
}

#[test]
fn bars_start_at_zero_and_keep_their_proportions() {
    let d = common::fixture();
    let m = common::model(&d, "bounds", 800.0);
    let datastory::kinds::Body::Bars(b) = &m.body else { panic!("bounds is not bars") };
    assert!(b.rows.iter().all(|r| r.bar.x == 0.0));
    let ratio = b.rows[0].bar.w / b.rows[2].bar.w;
    assert!((ratio - 10.0).abs() < 0.01, "200 against 20 drawn as {ratio}");
}

fn inside(r: &Rect, w: f64, h: f64) -> bool {
    r.x >= -0.5 && r.y >= -0.5 && r.right() <= w + 0.5 && r.bottom() <= h + 0.5
}

/// Every label inside the canvas and clear of every other, every mark inside, at each width.
fn assert_layout_holds(d: &datastory::data::Dataset, widths: &[u32]) {
    for c in &d.charts {
        for &width in widths {
            let m = common::model(d, &c.id, f64::from(width));
            let (_, g) = common::svg(&m);
            assert!(g.height > 0.0);
            let text = |i: usize| m.labels()[i].text.clone();
            for (i, a) in g.labels.iter().enumerate() {
                assert!(inside(a, g.width, g.height), "{} at {width}: label {:?} leaves the canvas", c.id, text(i));
                for (j, b) in g.labels.iter().enumerate().skip(i + 1) {
                    assert!(!a.overlaps(b), "{} at {width}: {:?} overlaps {:?}", c.id, text(i), text(j));
                }
            }
            for mark in &g.marks {
                assert!(
                    inside(&mark.rect, g.width, g.height),
                    "{} at {width}: mark {} leaves the canvas",
                    c.id,
                    mark.id
                );
            }
            assert!(!g.marks.is_empty(), "{} at {width} drew no marks", c.id);
        }
    }
}

#[test]
fn the_examples_annotations_keep_clear_of_the_lines() {
    use datastory::kinds::{annotate, Body};
    let mut seen = 0;
    for (file, d) in common::examples() {
        for c in d.charts.iter().filter(|c| !c.annotations.is_empty()) {
            for width in [360.0, 480.0, 640.0, 960.0, 1200.0] {
                let Body::Line(l) = common::model(&d, &c.id, width).body else { panic!("{}: not a line chart", c.id) };
                for n in &l.notes {
                    let label = annotate::block(&n.lines);
                    for t in &l.lines {
                        for run in &t.runs {
                            assert!(
                                !annotate::crosses(run, &label),
                                "{file} {} at {width}: {:?} is written over the line of {}",
                                c.id,
                                n.lines.iter().map(|x| x.text.as_str()).collect::<Vec<_>>(),
                                t.entity
                            );
                        }
                    }
                    seen += 1;
                }
            }
        }
    }
    assert!(seen > 0, "no example has annotations to check");
}

#[test]
fn no_label_overlaps_or_leaves_the_canvas_from_280_to_1200_px() {
    assert_layout_holds(&common::fixture(), &(280..=1200).step_by(8).collect::<Vec<_>>());
}

#[test]
fn every_example_story_lays_out_from_280_to_1200_px_in_each_of_its_languages() {
    for (file, d) in common::examples() {
        let widths: Vec<u32> = (280..=1200).step_by(16).collect();
        assert_layout_holds(&d, &widths);
        for lang in d.languages.iter().filter(|l| l.as_str() != "en") {
            let lang = datastory::i18n::Lang::parse(lang).unwrap_or_else(|| panic!("{file}: {lang}"));
            let translated = datastory::data::localize::localize(&d, lang).unwrap_or_else(|e| panic!("{file}: {e}"));
            assert_layout_holds(&translated, &widths);
        }
    }
}

/// Every label of `m` on the canvas and clear of every other; `at` says which chart and width.
fn assert_clear(m: &datastory::model::ChartModel, at: &str) {
    let labels = m.labels();
    for (i, a) in labels.iter().enumerate() {
        let ba = a.bbox();
        assert!(ba.x >= -0.5 && ba.right() <= m.width + 0.5, "{at}: {:?} leaves the canvas", a.text);
        for o in labels.iter().skip(i + 1) {
            assert!(!ba.overlaps(&o.bbox()), "{at}: {:?} overlaps {:?}", a.text, o.text);
        }
    }
}

#[test]
fn golden_svgs() {
    let d = common::story();
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| {
        for c in &d.charts {
            for width in [320.0, 640.0] {
                let (svg, _) = common::svg(&common::model(&d, &c.id, width));
                insta::assert_snapshot!(format!("{}-{width}", c.id), svg);
            }
        }
        for (file, d) in common::examples() {
            let story = file.trim_end_matches(".json");
            // A choropleth has its own golden files, drawn on its own map (tests/choropleth.rs).
            for c in d.charts.iter().filter(|c| c.kind != datastory::data::ChartKind::Choropleth) {
                let (svg, _) = common::svg(&common::model(&d, &c.id, 480.0));
                common::look(&format!("{story}-{}-480.svg", c.id), &svg);
                insta::assert_snapshot!(format!("{story}-{}-480", c.id), svg);
            }
        }
    });
}

#[test]
fn in_chinese_no_label_overlaps_or_leaves_the_canvas_from_280_to_1200_px() {
    let d = datastory::data::localize::localize(&common::story(), datastory::i18n::Lang::Zh).expect("zh");
    assert_layout_holds(&d, &(280..=1200).step_by(16).collect::<Vec<_>>());
    for c in &d.charts {
        let all = words(&common::svg(&common::model(&d, &c.id, 320.0)).0);
        assert!(all.contains("来源：") || all.contains("地图："), "{}: no Chinese source line in {all}", c.id);
    }
}

#[test]
fn descriptions_read_every_figure_and_summarise_many() {
    let mut d = common::fixture();
    let bounds = datastory::describe::chart(&d, &d.charts[1]);
    assert!(bounds.starts_with("Three lower bounds, a test fixture."), "{bounds}");
    assert!(bounds.contains("Heilongjiang’s trade partners: more than 200 countries and regions"), "{bounds}");
    assert!(bounds.contains("lower bound"), "{bounds}");
    // Twelve bars: eight are read out, the rest summarised.
    let base = d.figures.iter().find(|f| f.id == "heilongjiang-trade-partners").cloned().expect("figure");
    let mut ids = Vec::new();
    for i in 0..12 {
        let mut f = base.clone();
        f.id = format!("copy-{i}");
        f.label = format!("Copy {i}");
        ids.push(f.id.clone());
        d.figures.push(f);
    }
    d.charts[1].figures = ids;
    let many = datastory::describe::chart(&d, &d.charts[1]);
    assert!(many.contains("Copy 7: more than 200"), "{many}");
    assert!(!many.contains("Copy 8:"), "{many}");
    assert!(many.contains("and 4 more"), "{many}");
}

/// A click repaints only the charts `same_look` says change; this holds it to the drawing itself:
/// wherever it says two selections look alike, the two SVGs are the same, and it says so for the
/// overview's and the briefing's untouched regions (else the skipping would never happen).
#[test]
fn a_selection_skips_only_charts_it_leaves_unchanged() {
    let d = common::fixture();
    let mut choices: Vec<Option<&str>> = vec![None];
    choices.extend(d.regions.iter().map(|r| Some(r.id.as_str())));
    let mut skipped = Vec::new();
    for c in d.charts.iter().filter(|c| c.region.is_none()) {
        let m = common::model(&d, &c.id, 640.0);
        let marks = m.marks();
        let drawn: Vec<String> = choices
            .iter()
            .map(|s| common::svg_with(&m, &datastory::model::View { selected: *s, ..Default::default() }).0)
            .collect();
        for (i, a) in choices.iter().enumerate() {
            for (j, b) in choices.iter().enumerate() {
                if datastory::model::same_look(&marks, *a, *b) {
                    assert_eq!(drawn[i], drawn[j], "{}: {a:?} and {b:?} are said to look alike", c.id);
                    if i != j {
                        skipped.push((c.id.clone(), *a, *b));
                    }
                } else {
                    assert_ne!(drawn[i], drawn[j], "{}: {a:?} and {b:?} look alike but would be repainted", c.id);
                }
            }
        }
    }
    let skips = |chart: &str, a: &str, b: &str| skipped.contains(&(chart.to_string(), Some(a), Some(b)));
    assert!(skips("briefing", "jilin", "liaoning"), "the briefing has no region's figures: {skipped:?}");
    assert!(skips("bounds", "liaoning", "inner-mongolia"), "the overview has neither: {skipped:?}");
    assert!(!skipped.iter().any(|(c, ..)| c == "map"), "every selection changes the map");
}

/// On a phone, a region's name sits on its own region as much as the shape allows: where no spot
/// fits the whole name, the spot with the most of its box inside, not the point farthest from the
/// edges (at 375 px that left Heilongjiang's name half over Inner Mongolia).
#[test]
fn map_names_sit_on_their_own_regions_at_phone_widths() {
    let d = common::story();
    for width in [320.0, 360.0, 375.0, 414.0] {
        let m = common::model(&d, "map", width);
        let datastory::kinds::Body::Map(map) = &m.body else { panic!("the map is not a map") };
        for r in &map.regions {
            // Each of the four regions is named at every width.
            let b = r.label.as_ref().unwrap_or_else(|| panic!("{} has no name at {width}", r.region)).bbox();
            // The box's corners and the middles of its top and bottom edges.
            let probes = [b.y, b.y + b.h].map(|y| [b.x, b.x + b.w / 2.0, b.x + b.w].map(|x| (x, y)));
            let inside = probes.iter().flatten().filter(|p| datastory::geo::contains(&r.rings, **p)).count();
            let centre = (b.x + b.w / 2.0, b.y + b.h / 2.0);
            assert!(datastory::geo::contains(&r.rings, centre), "{} at {width}: its name's centre is off it", r.region);
            // Most of the name on its region on common phones (the point farthest from the edges left
            // three of six of Liaoning's name on it at 360 and 375 px); more than a corner at 320.
            let least = if width >= 360.0 { 4 } else { 3 };
            assert!(inside >= least, "{} at {width}: {inside} of its name box's 6 points on it", r.region);
        }
    }
}

/// Charts of real published tables, imported as an editor would import them (lines over time, bars
/// of categories at one period): golden files at a phone's width and a column's, every label on the
/// canvas and clear of the others.
#[test]
fn charts_of_real_tables_match_their_golden_files() {
    use datastory::data::import::from_table;
    use datastory::kinds::Body;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/series");
    for file in ["global-temp.csv", "stocks.csv", "gapminder-owid.csv", "barley-long.csv", "barley-wide.csv"] {
        let text = std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        let d = from_table(&text, file).unwrap_or_else(|e| panic!("{file}: {e}"));
        for c in &d.charts {
            for width in [320.0, 640.0] {
                let m = common::model(&d, &c.id, width);
                let drawn = match &m.body {
                    Body::Line(l) => l.lines.len(),
                    Body::Bars(b) => b.rows.len(),
                    _ => panic!("{}: an imported table draws lines or bars", c.id),
                };
                assert!(drawn > 0, "{}: nothing drawn", c.id);
                let (svg, _) = common::svg(&m);
                common::look(&format!("{}-{width}.svg", c.id), &svg);
                assert_clear(&m, &format!("{} at {width}", c.id));
                common::golden(&format!("table-{}-{}-{width}", file.trim_end_matches(".csv"), c.id), &svg);
            }
        }
    }
}

/// A chart over time says what it is in words, with how many lines it draws, in each language.
#[test]
fn a_chart_over_time_says_what_it_draws() {
    let (_, d) = common::examples().into_iter().find(|(f, _)| f == "us-employment.json").expect("us-employment");
    let sectors = d.charts.iter().find(|c| c.id == "sectors").expect("sectors");
    let description = datastory::describe::chart(&d, sectors);
    assert!(description.contains("Line chart of 5 series over time."), "{description}");
    let zh = datastory::data::localize::localize(&d, datastory::i18n::Lang::Zh).expect("Chinese");
    let description = datastory::describe::chart(&zh, zh.charts.iter().find(|c| c.id == "sectors").expect("sectors"));
    assert!(description.contains("折线图，5条随时间变化的线。"), "{description}");
}

/// The engine's own words on a chart over time in Chinese: months as 2020年3月, counts in 万 and
/// 亿, the description's sentence; the story's words stay as the table gave them.
#[test]
fn a_chart_over_time_in_chinese() {
    use datastory::data::import::from_table;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/series");
    for (file, chart) in [("stocks.csv", "price"), ("gapminder-owid.csv", "population")] {
        let text = std::fs::read_to_string(dir.join(file)).unwrap_or_else(|e| panic!("{file}: {e}"));
        let mut d = from_table(&text, file).unwrap_or_else(|e| panic!("{file}: {e}"));
        d.lang = datastory::i18n::Lang::Zh;
        let m = common::model(&d, chart, 375.0);
        let (svg, _) = common::svg(&m);
        common::golden(&format!("table-{}-{chart}-zh-375", file.trim_end_matches(".csv")), &svg);
        let description = datastory::describe::chart(&d, d.charts.iter().find(|c| c.id == chart).expect("chart"));
        assert!(description.contains("折线图"), "{description}");
    }
    let text = std::fs::read_to_string(dir.join("gapminder-owid.csv")).unwrap_or_else(|e| panic!("{e}"));
    let mut d = from_table(&text, "gapminder-owid.csv").unwrap_or_else(|e| panic!("{e}"));
    d.lang = datastory::i18n::Lang::Zh;
    let words = words(&common::svg(&common::model(&d, "population", 375.0)).0);
    assert!(words.contains('亿'), "population in 亿: {words}");
}

/// A slope chart of real data: the Minnesota barley trial's six sites between 1931 and 1932 (the
/// long table imported, then its line chart made a slope): golden files, every name and value on
/// the canvas, whole and clear of the others, yields to the indicator's one decimal.
#[test]
fn a_slope_chart_of_the_barley_trial() {
    use datastory::data::{import::from_table, ChartKind};
    use datastory::time::Time;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/series");
    let text = std::fs::read_to_string(dir.join("barley-long.csv")).unwrap_or_else(|e| panic!("{e}"));
    let mut d = from_table(&text, "barley-long.csv").unwrap_or_else(|e| panic!("{e}"));
    let c = d.charts.iter_mut().find(|c| c.indicator.as_deref() == Some("manchuria-yield")).expect("manchuria");
    c.kind = ChartKind::Slope;
    c.times = vec![Time::Year(1931), Time::Year(1932)];
    c.highlight = vec!["morris".into()];
    let id = c.id.clone();
    datastory::data::validate(&d).unwrap_or_else(|e| panic!("{e}"));
    for width in [320.0, 640.0] {
        let m = common::model(&d, &id, width);
        let (svg, _) = common::svg(&m);
        common::look(&format!("slope-{width}.svg"), &svg);
        assert_clear(&m, &format!("{width}"));
        let texts = words(&svg);
        assert!(!texts.contains("48.86667"), "yields to one decimal: {texts}");
        // On a phone's width the names stand whole at the lines' ends, not cut on both sides.
        assert!(!texts.contains('…') && texts.contains("University Farm"), "a name cut at {width}: {texts}");
        common::golden(&format!("slope-barley-{width}"), &svg);
    }
}

/// The barley story's slope chart, as the page's cursor reads it: at each of its two years every
/// site is listed once, largest yield first, each to the indicator's one decimal.
#[test]
fn the_barley_story_s_slope_cursor_lists_the_sites_largest_first() {
    use datastory::time::Time;
    let (_, d) = common::examples().into_iter().find(|(f, _)| f == "minnesota-barley.json").expect("the barley story");
    let c = d.charts.iter().find(|c| c.kind == datastory::data::ChartKind::Slope).expect("a slope chart");
    let figures = datastory::model::chart_figures(&d, c);
    let input = datastory::kinds::Input { d: &d, chart: c, figures: &figures, map: None };
    for (year, first) in [(1931, "Waseca"), (1932, "Morris")] {
        let rows = c.kind.at_time(&input, Time::Year(year));
        assert_eq!(rows.len(), 6, "{year}: every site listed");
        assert_eq!(rows[0].title, first, "{year}: the largest yield first");
        let values: Vec<f64> =
            rows.iter().map(|r| r.value.split(' ').next().and_then(|v| v.parse().ok()).unwrap_or(f64::NAN)).collect();
        assert!(values.windows(2).all(|w| w[0] >= w[1]), "{year}: not largest first: {values:?}");
        assert!(rows.iter().all(|r| r.value.ends_with(" bushels per acre")), "{year}: {:?}", rows[0].value);
        assert!(
            rows.iter().all(|r| r
                .value
                .split('.')
                .nth(1)
                .is_some_and(|d| d.starts_with(char::is_numeric) && d.chars().nth(1) == Some(' '))),
            "{year}: one decimal"
        );
    }
}

/// Bars of values on both sides of zero diverge from a zero line in ink, on one scale: a negative
/// bar ends at zero, a positive one starts there, lengths in proportion, every value written
/// beside its bar's outer end, nothing off the canvas or overlapping at any width.
#[test]
fn bars_diverge_from_zero_for_negative_values() {
    use datastory::kinds::Body;
    let table = "Supersector,2009\nConstruction,-1046\nManufacturing,-1421\nEducation and health,430\nGovernment,-64\n";
    let d = datastory::data::import::from_table(table, "change.csv").unwrap_or_else(|e| panic!("{e}"));
    let id = d.charts[0].id.clone();
    for (width, golden_file) in [(280.0, false), (320.0, true), (480.0, false), (640.0, true), (1200.0, false)] {
        let m = common::model(&d, &id, width);
        let Body::Bars(b) = &m.body else { panic!("not bars") };
        let (zero, _, _) = b.zero.expect("a zero line where values go negative");
        for r in &b.rows {
            let negative = r.label.iter().any(|l| l.text != "Education and health");
            let (inner, outer) = if negative { (r.bar.right(), r.bar.x) } else { (r.bar.x, r.bar.right()) };
            assert!((inner - zero).abs() < 1e-9, "{width}: a bar leaves zero at {inner}, not {zero}");
            let value = &r.value[0];
            let side = if negative { value.bbox().right() <= outer } else { value.bbox().x >= outer };
            assert!(side, "{width}: {} is not beside its bar's end", value.text);
        }
        let ratio = b.rows[1].bar.w / b.rows[2].bar.w;
        assert!((ratio - 1421.0 / 430.0).abs() < 0.02, "{width}: lengths not in proportion: {ratio}");
        assert_clear(&m, &format!("{width}"));
        if golden_file {
            common::golden(&format!("bars-diverging-{width}"), &common::svg(&m).0);
        }
    }
}

/// Small multiples of real data (life expectancy in eight countries, 1955–2005): one panel per
/// country on one shared scale, a grid that reflows with the width, nothing overlapping or off the
/// canvas from 280 to 1200 px, golden files at 320 and 640 px.
#[test]
fn small_multiples_share_one_scale_and_reflow() {
    use datastory::data::{import::from_table, ChartKind};
    use datastory::kinds::Body;
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/series");
    let text = std::fs::read_to_string(dir.join("gapminder-owid.csv")).unwrap_or_else(|e| panic!("{e}"));
    let mut d = from_table(&text, "gapminder-owid.csv").unwrap_or_else(|e| panic!("{e}"));
    let c = d.charts.iter_mut().find(|c| c.id == "life-expectancy").expect("life expectancy");
    c.kind = ChartKind::SmallMultiples;
    datastory::data::validate(&d).unwrap_or_else(|e| panic!("{e}"));
    let mut columns = Vec::new();
    for width in (280..=1200).step_by(40).map(f64::from).chain([320.0, 640.0]) {
        let m = common::model(&d, "life-expectancy", width);
        let Body::SmallMultiples(l) = &m.body else { panic!("not small multiples") };
        assert_eq!(l.panels.len(), 8);
        // One scale: a panel's plot is as tall as every other's, and equal values sit at equal heights.
        assert!(l.panels.iter().all(|p| (p.plot.h - l.panels[0].plot.h).abs() < 1e-9));
        columns.push(l.panels.iter().filter(|p| (p.rect.y - l.panels[0].rect.y).abs() < 1e-9).count());
        assert_clear(&m, &format!("{width}"));
        if (width - 320.0).abs() < 1e-9 || (width - 640.0).abs() < 1e-9 {
            let (svg, _) = common::svg(&m);
            common::look(&format!("sm-{width}.svg"), &svg);
            common::golden(&format!("small-multiples-{width}"), &svg);
        }
    }
    assert!(columns.first() < columns.get(columns.len() - 3), "the grid reflows: {columns:?}");
}

/// Stated figures of both signs as columns of periods: the month-on-month change in U.S. nonfarm
/// jobs, October 2009 to May 2010 (BLS, via vega-datasets' us-employment.csv). Each column leaves
/// the zero line, drawn in ink, upwards or downwards; its value sits beyond its outer end; the
/// axis spans both signs; nothing overlaps or leaves the canvas at any width.
#[test]
fn columns_hang_below_a_zero_line_for_negative_values() {
    use datastory::kinds::Body;
    use std::fmt::Write;
    let months = [
        ("2009-10", "Oct 2009", -209),
        ("2009-11", "Nov 2009", 12),
        ("2009-12", "Dec 2009", -277),
        ("2010-01", "Jan 2010", 18),
        ("2010-02", "Feb 2010", -73),
        ("2010-03", "Mar 2010", 193),
        ("2010-04", "Apr 2010", 221),
        ("2010-05", "May 2010", 522),
    ];
    let mut sheet = String::from(
        "[story]\nkey,value\nid,jobs\ntitle,Jobs\ndek,Monthly change\noverview_heading,Jobs\n\n\
         [sources]\nid,name,description\nbls,\"U.S. Bureau of Labor Statistics, via vega-datasets\",us-employment.csv\n\n\
         [regions]\nid,name,kind,color\nus,United States,country,#006eac\n\n\
         [figures]\nid,region,indicator,label,value,unit,qualifier,period,source,quote\n",
    );
    for (id, month, v) in months {
        let _ = writeln!(sheet, "m{id},us,change,{month},{v},thousand jobs,exact,{month},bls,nonfarm_change {v}");
    }
    let ids: Vec<String> = months.iter().map(|(id, ..)| format!("m{id}")).collect();
    let _ = writeln!(
        sheet,
        "\n[charts]\nid,kind,region,headline,dek,figures\nchange,periods,,Jobs grew in five of eight months,\"Change in nonfarm jobs from the month before, thousands\",{}",
        ids.join(" ")
    );
    let d = datastory::data::csv::from_csv(&sheet).unwrap_or_else(|e| panic!("{e}"));
    for px in (280..=1200).step_by(8) {
        let width = f64::from(px);
        let m = common::model(&d, "change", width);
        let Body::Periods(c) = &m.body else { panic!("not columns") };
        let zero = c.value_axis.zero.expect("a zero line");
        assert!(c.value_axis.ticks.first().is_some_and(|t| t.value < 0.0), "{width}: no gridline below zero");
        for (col, (_, _, v)) in c.columns.iter().zip(months) {
            let (inner, outer) = if v < 0 { (col.rect.y, col.rect.bottom()) } else { (col.rect.bottom(), col.rect.y) };
            assert!((inner - zero).abs() < 1e-9, "{width}: {v} leaves {inner}, not the zero line at {zero}");
            for l in &col.value {
                let beyond = if v < 0 { l.bbox().y >= outer } else { l.bbox().bottom() <= outer };
                assert!(beyond, "{width}: {} is not beyond its column's end", l.text);
            }
        }
        assert_clear(&m, &format!("{width}"));
        if matches!(px, 320 | 640) {
            let (svg, _) = common::svg(&m);
            assert!(px < 640 || words(&svg).contains("-277"), "{width}: the largest fall is written");
            common::look(&format!("columns-negative-{width}.svg"), &svg);
            common::golden(&format!("columns-negative-{width}"), &svg);
        }
    }
}

/// Grouped columns of an indicator's series: the example's five supersectors at three months. A
/// group per month, a column per supersector in the legend's order and the supersector's colour,
/// the legend's names written (colour is never alone), nothing overlapping from 280 to 1200 px, in
/// English and in Chinese; golden files at 320 and 640 px.
#[test]
fn grouped_columns_of_series_in_english_and_chinese() {
    use datastory::kinds::Body;
    let (_, d) = common::examples().into_iter().find(|(f, _)| f == "us-employment.json").expect("us-employment");
    let chart = "sectors-three-months";
    let c = d.charts.iter().find(|c| c.id == chart).expect("the grouped chart");
    for lang in [datastory::i18n::Lang::En, datastory::i18n::Lang::Zh] {
        let mut d = d.clone();
        d.lang = lang;
        for px in (280..=1200).step_by(8) {
            let width = f64::from(px);
            let m = common::model(&d, chart, width);
            let Body::Periods(l) = &m.body else { panic!("not columns") };
            assert_eq!(l.groups.len(), 3, "{width}: three months");
            assert_eq!(l.columns.len(), 15, "{width}: five columns a month");
            let names: Vec<&str> = l.legend.iter().map(|e| e.label.text.as_str()).collect();
            assert_eq!(names[0], "Construction");
            for (i, col) in l.columns.iter().enumerate() {
                let entity = &c.entities[i % 5];
                assert!(col.figure.starts_with(&format!("{entity}@")), "{width}: column {i} is {}", col.figure);
                assert_eq!(col.color, l.legend[i % 5].color, "{width}: {} not in its colour", col.figure);
            }
            assert_clear(&m, &format!("{lang:?} at {width}"));
            if matches!(px, 320 | 640) {
                let (svg, _) = common::svg(&m);
                let all = words(&svg);
                let (month, name) = match lang {
                    datastory::i18n::Lang::En => ("Feb 2010", "en"),
                    datastory::i18n::Lang::Zh => ("2010年2月", "zh"),
                };
                assert!(all.contains(month), "{width}: {month} not in {all}");
                common::look(&format!("columns-grouped-{name}-{width}.svg"), &svg);
                common::golden(&format!("columns-grouped-{name}-{width}"), &svg);
            }
        }
    }
}
