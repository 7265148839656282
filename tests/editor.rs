//! The editor's rules, natively: a paste read as a grid, a bad cell placed on its row and column,
//! an opened story turned into a grid and back with nothing the editor wrote lost, the chart kinds
//! proposed for real data, the colour checks, and the page made for a story.
#![cfg(not(target_arch = "wasm32"))]

use datastory::data::{self, ChartKind, Dataset};
use datastory::editor::{
    cells, chart_proposals, colour_problems, fit_kinds, import, merge, proposals, retarget, rows_of,
};
use datastory::geo::{GeoMap, MapData};
use datastory::publish::{self, PageMap, Template};

fn read(path: &str) -> String {
    std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path))
        .expect("a file of the repository")
}

fn story(path: &str) -> Dataset {
    data::from_json(&read(path)).expect("an example story")
}

#[test]
fn a_spreadsheet_s_paste_is_read_as_a_grid_of_equal_rows() {
    let rows = cells("year\tJilin\tLiaoning\n2019\t1.5\n2020\t2.0\t\"2,4\"\n").expect("a grid");
    assert_eq!(rows.len(), 3);
    assert!(rows.iter().all(|r| r.len() == 3), "{rows:?}");
    assert_eq!(rows[1], ["2019", "1.5", ""]);
    assert_eq!(rows[2][2], "2,4");
    let commas = cells("Entity,Year,Deaths\nAll,1900,1267360\n").expect("a grid");
    assert_eq!(commas[1], ["All", "1900", "1267360"]);
}

#[test]
fn a_bad_cell_is_placed_on_its_row_and_column_with_the_importer_s_message() {
    let rows = cells("year\tJilin\tLiaoning\n2019\t1.5\t2.1\n2020\tabout 40\t2.4\n").expect("a grid");
    let e = import(&rows, "pasted data").expect_err("a word in a column of numbers");
    assert_eq!((e.row, e.column), (Some(2), Some(1)), "{e:?}");
    assert!(e.message.contains("\"about 40\" is not a number"), "{}", e.message);
    let mut fixed = rows.clone();
    fixed[2][1] = "4.0".into();
    let d = import(&fixed, "pasted data").expect("fixed");
    assert_eq!(d.series.len(), 2);
}

#[test]
fn a_cell_holding_a_line_break_still_places_later_problems_on_their_row() {
    let rows: Vec<Vec<String>> = [["year", "Jilin\nprovince"], ["2019", "1"], ["2020", "x"]]
        .iter()
        .map(|r| r.iter().map(|c| (*c).to_string()).collect())
        .collect();
    let e = import(&rows, "t").expect_err("x is not a number");
    assert_eq!(e.row, Some(2), "{e:?}");
}

#[test]
fn an_opened_story_becomes_a_grid_and_back_without_losing_what_was_written() {
    for path in
        ["data/examples/gapminder.json", "data/examples/us-employment.json", "data/examples/natural-disasters.json"]
    {
        let before = story(path);
        let rows = rows_of(&before);
        let fresh = import(&rows, "edited").unwrap_or_else(|e| panic!("{path}: {e:?}"));
        let after = merge(fresh, &before);
        data::validate(&after).unwrap_or_else(|e| panic!("{path}: {e}"));
        assert_eq!(after.story, before.story, "{path}: the story's texts");
        assert_eq!(after.charts, before.charts, "{path}: the charts");
        assert_eq!(after.regions, before.regions, "{path}: the regions' ids, names and colours");
        assert_eq!(after.translations, before.translations, "{path}: the translations");
        assert_eq!(after.series.len(), before.series.len(), "{path}");
        for s in &before.series {
            let again = after.series.iter().find(|a| a.entity == s.entity && a.indicator == s.indicator);
            let again = again.unwrap_or_else(|| panic!("{path}: {} of {}", s.indicator, s.entity));
            assert_eq!(again.points(), s.points(), "{path}: {} of {}", s.indicator, s.entity);
        }
    }
}

#[test]
fn a_story_of_stated_figures_goes_through_its_sheet_unchanged() {
    let before = story("data/story.json");
    let after = merge(import(&rows_of(&before), "story").expect("the sheet reads"), &before);
    assert_eq!(after.figures, before.figures);
    assert_eq!(after.charts, before.charts);
    assert_eq!(after.translations, before.translations);
}

#[test]
fn the_kinds_proposed_fit_the_data() {
    let d = story("data/examples/gapminder.json");
    let map = MapData::from_json(&read("data/map/world.json")).expect("the world");
    let kinds = |id: &str, map: Option<&MapData>| proposals(&d, id, map).iter().map(|p| p.kind).collect::<Vec<_>>();
    let id = &d.indicators[0].id;
    // 62 countries over 11 times: too many panels for small multiples; a map where shapes exist.
    assert_eq!(kinds(id, Some(&map)), [ChartKind::Line, ChartKind::Slope, ChartKind::Choropleth, ChartKind::Bars]);
    assert_eq!(kinds(id, None), [ChartKind::Line, ChartKind::Slope, ChartKind::Bars]);
    let slope = proposals(&d, id, None).into_iter().find(|p| p.kind == ChartKind::Slope).expect("a slope");
    assert_eq!(slope.why, "a slope from 1955 to 2005");

    let rows = cells("year\tJilin\tLiaoning\n2019\t1.5\t2.1\n2020\t2.0\t2.4\n").expect("a grid");
    let two_years = import(&rows, "t").expect("a story");
    let two: Vec<ChartKind> = proposals(&two_years, &two_years.indicators[0].id, None).iter().map(|p| p.kind).collect();
    assert_eq!(two, [ChartKind::Slope, ChartKind::Bars], "two years make no line");
    assert_eq!(two_years.charts[0].kind, ChartKind::Line, "the importer's own kind");
    let mut fitted = two_years.clone();
    fit_kinds(&mut fitted);
    assert_eq!(fitted.charts[0].kind, ChartKind::Slope, "the editor shows first what it proposes");
    data::validate(&fitted).expect("a slope the loader takes");
    let mut many = story("data/examples/natural-disasters.json");
    let before = many.charts.clone();
    fit_kinds(&mut many);
    assert_eq!(many.charts, before, "charts that fit are left as they are");

    let chart = &d.charts[0];
    let made = retarget(&d, chart, ChartKind::Slope, None);
    assert_eq!(made.kind, ChartKind::Slope);
    assert_eq!(made.times.len(), 2);
    let mut with = d.clone();
    with.charts[0] = made;
    data::validate(&with).expect("a slope the loader takes");
}

#[test]
fn a_chart_is_offered_only_the_kinds_the_loader_takes() {
    let d = story("data/story.json");
    for (i, c) in d.charts.iter().enumerate() {
        let offered = chart_proposals(&d, i, None);
        for p in &offered {
            let mut tried = d.clone();
            tried.charts[i] = retarget(&d, c, p.kind, None);
            data::validate(&tried).unwrap_or_else(|e| panic!("{} as {}: {e}", c.id, p.kind.word()));
        }
        if c.kind != ChartKind::Map {
            assert!(offered.iter().any(|p| p.kind == c.kind), "{}: its own kind is offered", c.id);
        }
    }
    let offered = |id: &str| {
        let i = d.charts.iter().position(|c| c.id == id).expect("a chart of the story");
        chart_proposals(&d, i, None).iter().map(|p| p.kind).collect::<Vec<_>>()
    };
    // Figures of unlike measures are never offered one axis; a multiple needs its one figure.
    assert_eq!(offered("jilin-standouts"), [ChartKind::Cards]);
    assert_eq!(offered("jilin-auto-sales"), [ChartKind::Bars, ChartKind::Multiple, ChartKind::Cards]);
    assert_eq!(offered("jilin-gdp-growth"), [ChartKind::Bars, ChartKind::Periods, ChartKind::Share, ChartKind::Cards]);
    assert!(offered("map").is_empty(), "the map is the map");

    let g = story("data/examples/gapminder.json");
    let map = MapData::from_json(&read("data/map/world.json")).expect("the world");
    let line = g.charts.iter().position(|c| c.kind == ChartKind::Line).expect("a line");
    let kinds: Vec<ChartKind> = chart_proposals(&g, line, Some(&map)).iter().map(|p| p.kind).collect();
    assert_eq!(kinds, [ChartKind::Line, ChartKind::Slope, ChartKind::Choropleth, ChartKind::Bars]);
    // Only a line draws annotations: another kind says they go, and Undo brings them back.
    assert!(!g.charts[line].annotations.is_empty());
    let slope = chart_proposals(&g, line, None).into_iter().find(|p| p.kind == ChartKind::Slope).expect("a slope");
    assert!(slope.why.ends_with("(its annotations go: only line charts draw them)"), "{}", slope.why);
    assert!(retarget(&g, &g.charts[line], ChartKind::Slope, None).annotations.is_empty());
}

#[test]
fn colours_that_fail_are_named_with_what_to_do() {
    let mut d = story("data/story.json");
    assert_eq!(colour_problems(&d), Vec::<String>::new(), "the story's own colours pass");
    d.regions[0].color = "#ffff33".into();
    d.regions[1].color = "#fffe30".into();
    let said = colour_problems(&d);
    assert!(said.iter().any(|p| p.contains("contrast on the light page") && p.contains("darker")), "{said:?}");
    assert!(said.iter().any(|p| p.contains("look alike to every reader")), "{said:?}");
}

#[test]
fn the_page_made_for_a_story_carries_it_and_its_map() {
    let html = "<title>x</title>\n<meta name=\"description\" content=\"y\">\n<meta name=\"datastory:map\" content=\"\">\n<!-- preloads -->\n<main><!-- fallback --></main>\n<!-- data -->";
    let t = Template {
        html: html.into(),
        modules: vec!["assets/main-1.js".into()],
        figures_wasm: "assets/f.wasm".into(),
        series_wasm: "assets/s.wasm".into(),
    };
    let text = read("data/examples/gapminder.json");
    let d = data::from_json(&text).expect("gapminder");
    let world = read("data/map/world.json");
    let map = GeoMap::new(&MapData::from_json(&world).expect("the world"), &d).expect("a map");
    let story_min = publish::minify_json(&text);
    let map_min = publish::minify_json(&world);
    let page_map = PageMap { url: "data/map/world.json".into(), text: &map_min, map: &map };
    let page = publish::page(&t, &d, &story_min, Some(&page_map)).expect("a page");
    assert!(page.html.contains(&format!("<title>{}</title>", d.story.title)));
    assert!(page.html.contains(r#"href="assets/s.wasm" as="fetch""#), "a story of series preloads the series engine");
    assert!(page.html.contains(r#"<meta name="datastory:map" content="../map/world.json">"#));
    assert!(
        page.html.contains(r#"data-url="data/story.json""#) && page.html.contains(r#"data-url="data/map/world.json""#)
    );
    assert_eq!(page.picture_name, format!("fallback/{}.svg", d.story.id));
    assert!(page.picture.starts_with("<svg") || page.picture.starts_with("<?xml"));
    assert!(publish::page(&Template { html: "<title></title>".into(), ..t }, &d, &story_min, None).is_err());
}
