//! `cargo xtask dist`: the self-contained static bundle in dist/, with content-hashed asset names,
//! the fallback (a picture drawn natively by the same Rust code, and a table) baked in, every dataset
//! of data/, the host files and the precompressed copies a static host serves.

use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use datastory::data;
use datastory::geo::{GeoMap, MapData};
use datastory::publish::{self, minify_json, PageMap, Template};

use crate::{build, encoding, hosting, root, setup, size};

fn read(path: &Path) -> Result<String, String> {
    std::fs::read_to_string(path).map_err(|e| format!("reading {}: {e}", path.display()))
}

fn write(path: &Path, bytes: &[u8]) -> Result<(), String> {
    if let Some(dir) = path.parent() {
        std::fs::create_dir_all(dir).map_err(|e| format!("creating {}: {e}", dir.display()))?;
    }
    std::fs::write(path, bytes).map_err(|e| format!("writing {}: {e}", path.display()))
}

/// FNV-1a: stable across Rust versions and machines, which `DefaultHasher` does not promise.
fn hash(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")[..10].to_string()
}

/// Replaces every `from` with `to`, and fails if there is none: a renamed file must not slip through.
fn replace(text: &str, from: &str, to: &str, file: &str) -> Result<String, String> {
    if text.contains(from) {
        Ok(text.replace(from, to))
    } else {
        Err(format!("{file} no longer mentions {from}; update xtask/src/dist.rs"))
    }
}

/// JS or CSS (`loader`) minified by esbuild, whitespace, comments and local names (about a third
/// less gzipped), or as written where the build's Node tools are missing.
fn minify(text: &str, loader: &str) -> Result<String, String> {
    let Some(esbuild) = setup::node_tools().map(|bin| bin.join("esbuild")) else { return Ok(text.to_string()) };
    let mut child = Command::new(&esbuild)
        .args(["--minify", "--charset=utf8", &format!("--loader={loader}"), "--log-level=warning"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start esbuild: {e}"))?;
    // Written from a thread, so a large input cannot fill the pipe while esbuild waits on its output.
    let mut stdin = child.stdin.take().ok_or("esbuild has no input")?;
    let input = text.to_string();
    let writer = std::thread::spawn(move || stdin.write_all(input.as_bytes()));
    let out = child.wait_with_output().map_err(|e| format!("esbuild: {e}"))?;
    writer.join().map_err(|_| "esbuild's input thread failed".to_string())?.map_err(|e| format!("esbuild: {e}"))?;
    if !out.status.success() {
        return Err(format!("esbuild could not minify a {loader} file ({})", out.status));
    }
    String::from_utf8(out.stdout).map_err(|e| format!("esbuild: {e}"))
}

/// Writes the wasm of an engine built into `pkg` as `assets/<stem>_bg-<hash>.wasm`; returns that
/// name and the engine's glue, pointed at it.
fn engine(dist: &Path, pkg: &Path, stem: &str) -> Result<(String, String), String> {
    let wasm = std::fs::read(pkg.join("datastory_bg.wasm")).map_err(|e| format!("reading {}: {e}", pkg.display()))?;
    let wasm_name = hashed(dist, &format!("{stem}_bg.wasm"), &wasm)?;
    let glue = replace(
        &read(&pkg.join("datastory.js"))?,
        "'datastory_bg.wasm'",
        &format!("'{}'", file_name(&wasm_name)),
        "datastory.js",
    )?;
    Ok((wasm_name, glue))
}

/// Writes `bytes` as `assets/<stem>-<hash>.<ext>` and returns that name.
/// JS and CSS are minified first, so the hash covers what is served.
fn hashed(dist: &Path, name: &str, bytes: &[u8]) -> Result<String, String> {
    let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
    let minified;
    let bytes = match ext {
        "js" | "css" => {
            minified = minify(&String::from_utf8_lossy(bytes), ext)?;
            minified.as_bytes()
        }
        _ => bytes,
    };
    put(dist, stem, ext, bytes)
}

/// Writes `bytes` as they are to `assets/<stem>-<hash>.<ext>` and returns that name.
fn put(dist: &Path, stem: &str, ext: &str, bytes: &[u8]) -> Result<String, String> {
    let out = format!("assets/{stem}-{}.{ext}", hash(bytes));
    write(&dist.join(&out), bytes)?;
    Ok(out)
}

/// The glue (JS bindings) of the three engines, each pointed at its hashed wasm.
struct Glues {
    /// The page's engine, for stories of stated figures.
    page: String,
    /// The engine that also draws indicator series: a chunk of its own, loaded for such a story.
    series: String,
    /// The engine with SVG output, loaded on the first SVG download.
    svg: String,
}

/// The page's scripts in assets/: `main` (the page's entry), `app` (what embed.js loads) and the
/// modules to preload with the page.
struct Scripts {
    main: String,
    app: String,
    preload: Vec<String>,
}

/// The page's modules bundled and minified by esbuild: `main` (with `early.js`, the engine's glue,
/// `app.js` and all they import) is the page's one script, and `app` the same for embed.js without
/// the page's own parts; the series engine's glue, the SVG engine's glue, the shell's Chinese words, the embed box, the
/// downloads and the tables are chunks of their own, loaded on demand. Each entry is bundled on its
/// own: bundled together, what they share would be a chunk the page fetches beside `main`, and a
/// request costs a load more than its bytes (on two cores, six tiny stylesheets add 98 ms of CPU
/// time across the browser's processes, and 55 ms, to a blank page's load).
fn bundled(esbuild: &Path, dist: &Path, www: &Path, glues: &Glues) -> Result<Scripts, String> {
    let stage = root().join("target/dist-js");
    if stage.exists() {
        std::fs::remove_dir_all(&stage).map_err(|e| format!("clearing {}: {e}", stage.display()))?;
    }
    for entry in std::fs::read_dir(www).map_err(|e| format!("reading {}: {e}", www.display()))? {
        let path = entry.map_err(|e| format!("reading {}: {e}", www.display()))?.path();
        if path.extension().is_some_and(|e| e == "js") {
            write(&stage.join(path.file_name().unwrap_or_default()), read(&path)?.as_bytes())?;
        }
    }
    write(&stage.join("pkg/datastory.js"), glues.page.as_bytes())?;
    // Named for their chunks (`datastory_series-<hash>.js` with `datastory_series.js`, which adds the
    // code of charts over time, and `datastory_svg-<hash>.js`), which `cargo xtask size` counts as
    // not on the default story's page.
    write(&stage.join("pkg-series/datastory_series.js"), glues.series.as_bytes())?;
    write(&stage.join("pkg-svg/datastory_svg.js"), glues.svg.as_bytes())?;
    let series = replace(
        &read(&stage.join("datastory_series.js"))?,
        "'./pkg-series/datastory.js'",
        "'./pkg-series/datastory_series.js'",
        "datastory_series.js",
    )?;
    write(&stage.join("datastory_series.js"), series.as_bytes())?;
    let download = replace(
        &read(&stage.join("download.js"))?,
        "'./pkg-svg/datastory.js'",
        "'./pkg-svg/datastory_svg.js'",
        "download.js",
    )?;
    write(&stage.join("download.js"), download.as_bytes())?;

    let (main, preload) = bundle_entry(esbuild, dist, &stage, "main")?;
    let (app, _) = bundle_entry(esbuild, dist, &stage, "app")?;
    Ok(Scripts { main, app, preload })
}

/// V8's explicit compile hint, the first line of each entry bundle: compile every function of the
/// file while it streams in, off the main thread, rather than each on its first call. Nearly all of
/// an entry's functions run on the way to the first chart (what is not needed then is in the lazy
/// chunks, which go without it). Traced, it takes the main thread's parsing and compiling of
/// JavaScript from 14-17 ms to 2-3 ms a load, and about 9 ms off the whole load.
const EAGER: &str = "//# allFunctionsCalledOnLoad";

/// Bundles `stage/<entry>.js` (its dynamic imports as chunks), writes each file under
/// `<name>-<hash>` with our content hash, like every asset's, and returns the entry's name and the
/// names of the files it imports statically (none, unless esbuild splits one out).
fn bundle_entry(esbuild: &Path, dist: &Path, stage: &Path, entry: &str) -> Result<(String, Vec<String>), String> {
    let out = format!("out-{entry}");
    let meta_file = format!("meta-{entry}.json");
    let status = Command::new(esbuild)
        .arg(format!("{entry}.js"))
        .args(["--bundle", "--splitting", "--format=esm", "--minify", "--charset=utf8"])
        .args([format!("--outdir={out}").as_str(), "--entry-names=[name]-[hash]", "--chunk-names=[name]-[hash]"])
        .args([format!("--metafile={meta_file}").as_str(), "--log-level=warning"])
        .current_dir(stage)
        .status()
        .map_err(|e| format!("could not start esbuild: {e}"))?;
    if !status.success() {
        return Err(format!("esbuild could not bundle {entry}.js ({status})"));
    }
    let meta: serde_json::Value =
        serde_json::from_str(&read(&stage.join(&meta_file))?).map_err(|e| format!("esbuild's metafile: {e}"))?;
    let outputs = meta["outputs"].as_object().ok_or("esbuild's metafile lists no outputs")?;
    let imports = |o: &serde_json::Value| -> Vec<(String, bool)> {
        o["imports"]
            .as_array()
            .into_iter()
            .flatten()
            .filter_map(|i| Some((i["path"].as_str()?.to_string(), i["kind"] == "import-statement")))
            .collect()
    };

    let entry_file = format!("{entry}.js");
    // Leaves first, so each file's hash covers the hashed names it refers to.
    let mut renamed: Vec<(String, String)> = Vec::new();
    while renamed.len() < outputs.len() {
        let before = renamed.len();
        for (path, o) in outputs {
            let done = |p: &str| renamed.iter().any(|(from, _)| from == p);
            if done(path) || !imports(o).iter().all(|(p, _)| done(p)) {
                continue;
            }
            let mut text = read(&stage.join(path))?;
            for (from, to) in renamed.iter().filter(|(from, _)| imports(o).iter().any(|(p, _)| p == from)) {
                text = replace(&text, &format!("./{}", file_name(from)), &format!("./{}", file_name(to)), path)?;
            }
            if o["entryPoint"] == entry_file.as_str() {
                text = format!("{EAGER}\n{text}");
            }
            let stem = file_name(path).rsplit_once('-').map_or(file_name(path), |(stem, _)| stem);
            let name = put(dist, stem, "js", text.as_bytes())?;
            renamed.push((path.clone(), name));
        }
        if renamed.len() == before {
            return Err("esbuild's chunks import each other in a circle; the bundle cannot be named by content".into());
        }
    }
    let (path, o) = outputs
        .iter()
        .find(|(_, o)| o["entryPoint"] == entry_file.as_str())
        .ok_or_else(|| format!("esbuild wrote no bundle for {entry_file}"))?;
    let name = renamed.iter().find(|(from, _)| from == path).map(|(_, to)| to.clone());
    let statics = imports(o)
        .iter()
        .filter(|(_, statically)| *statically)
        .filter_map(|(p, _)| renamed.iter().find(|(from, _)| from == p).map(|(_, to)| to.clone()))
        .collect();
    Ok((name.ok_or_else(|| format!("{path} was not written"))?, statics))
}

/// Without esbuild: each module as written under its hashed name, its imports pointed at the others'.
fn one_by_one(dist: &Path, www: &Path, glues: &Glues) -> Result<Scripts, String> {
    // Leaves first, so each file's hash covers the hashed names it refers to.
    let glue_name = hashed(dist, "datastory.js", glues.page.as_bytes())?;
    let series_glue_name = hashed(dist, "datastory_series_glue.js", glues.series.as_bytes())?;
    let svg_glue_name = hashed(dist, "datastory_svg.js", glues.svg.as_bytes())?;
    let engine_name = hashed(dist, "engine.js", read(&www.join("engine.js"))?.as_bytes())?;
    let engine_import = format!("'./{}'", file_name(&engine_name));
    let dom_name = hashed(dist, "dom.js", read(&www.join("dom.js"))?.as_bytes())?;
    let dom_import = format!("'./{}'", file_name(&dom_name));
    let explore = replace(&read(&www.join("explore.js"))?, "'./dom.js'", &dom_import, "explore.js")?;
    let explore_name = hashed(dist, "explore.js", explore.as_bytes())?;
    let time_chart_name = hashed(dist, "time-chart.js", read(&www.join("time-chart.js"))?.as_bytes())?;
    let mut series = read(&www.join("datastory_series.js"))?;
    let series_glue = format!("'./{}'", file_name(&series_glue_name));
    series = replace(&series, "'./pkg-series/datastory.js'", &series_glue, "datastory_series.js")?;
    let time_chart_import = format!("'./{}'", file_name(&time_chart_name));
    series = replace(&series, "'./time-chart.js'", &time_chart_import, "datastory_series.js")?;
    let slider_name = hashed(dist, "slider.js", read(&www.join("slider.js"))?.as_bytes())?;
    series = replace(&series, "'./slider.js'", &format!("'./{}'", file_name(&slider_name)), "datastory_series.js")?;
    let series_name = hashed(dist, "datastory_series.js", series.as_bytes())?;
    let share_name = hashed(dist, "share.js", read(&www.join("share.js"))?.as_bytes())?;
    let download = replace(
        &read(&www.join("download.js"))?,
        "'./pkg-svg/datastory.js'",
        &format!("'./{}'", file_name(&svg_glue_name)),
        "download.js",
    )?;
    let download_name = hashed(dist, "download.js", download.as_bytes())?;
    let tables_name = hashed(dist, "tables.js", read(&www.join("tables.js"))?.as_bytes())?;
    let zh_name = hashed(dist, "i18n-zh.js", read(&www.join("i18n-zh.js"))?.as_bytes())?;
    let i18n =
        replace(&read(&www.join("i18n.js"))?, "'./i18n-zh.js'", &format!("'./{}'", file_name(&zh_name)), "i18n.js")?;
    let i18n_name = hashed(dist, "i18n.js", i18n.as_bytes())?;
    let mut app = read(&www.join("app.js"))?;
    app = replace(&app, "'./i18n.js'", &format!("'./{}'", file_name(&i18n_name)), "app.js")?;
    app = replace(&app, "'./pkg/datastory.js'", &format!("'./{}'", file_name(&glue_name)), "app.js")?;
    app = replace(&app, "'./datastory_series.js'", &format!("'./{}'", file_name(&series_name)), "app.js")?;
    app = replace(&app, "'./engine.js'", &engine_import, "app.js")?;
    app = replace(&app, "'./explore.js'", &format!("'./{}'", file_name(&explore_name)), "app.js")?;
    app = replace(&app, "'./dom.js'", &dom_import, "app.js")?;
    app = replace(&app, "'./download.js'", &format!("'./{}'", file_name(&download_name)), "app.js")?;
    app = replace(&app, "'./tables.js'", &format!("'./{}'", file_name(&tables_name)), "app.js")?;
    let app_name = hashed(dist, "app.js", app.as_bytes())?;
    let mut main = read(&www.join("main.js"))?;
    main = replace(&main, "'./app.js'", &format!("'./{}'", file_name(&app_name)), "main.js")?;
    main = replace(&main, "'./share.js'", &format!("'./{}'", file_name(&share_name)), "main.js")?;
    main = replace(&main, "'./dom.js'", &dom_import, "main.js")?;
    let early = replace(&read(&www.join("early.js"))?, "'./engine.js'", &engine_import, "early.js")?;
    let early_name = hashed(dist, "early.js", early.as_bytes())?;
    main = replace(&main, "'./early.js'", &format!("'./{}'", file_name(&early_name)), "main.js")?;
    let main_name = hashed(dist, "main.js", main.as_bytes())?;
    let preload = vec![early_name, engine_name, app_name.clone(), explore_name, dom_name, i18n_name, glue_name];
    Ok(Scripts { main: main_name, app: app_name, preload })
}

/// The editor (`editor.html`, its scripts, engine and style): written after the reader's bundle,
/// whose files it lists in the page (`<script type="application/json" id="bundle">`, with the page
/// template) to zip them with an edited story. Its scripts are esbuild bundles of `editor.js` (with
/// app.js, for the preview) and `editor-worker.js` (the editor's engine, off the main thread). Returns
/// how many compressed copies of its files it wrote.
fn editor(esbuild: &Path, dist: &Path, www: &Path, template: &Template, style_name: &str) -> Result<usize, String> {
    let mut bundle = Vec::new();
    encoding::walk(dist, &mut bundle)?;
    let files: Vec<String> = bundle
        .iter()
        .filter_map(|p| p.strip_prefix(dist).ok())
        .map(|p| p.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/"))
        .collect();
    let stage = root().join("target/dist-js");
    let (_, glue) = engine(dist, &www.join("pkg-editor"), "datastory_editor")?;
    write(&stage.join("pkg-editor/datastory.js"), glue.as_bytes())?;
    let (worker, _) = bundle_entry(esbuild, dist, &stage, "editor-worker")?;
    let editor_js = replace(
        &read(&stage.join("editor.js"))?,
        "'./editor-worker.js'",
        &format!("'./{}'", file_name(&worker)),
        "editor.js",
    )?;
    write(&stage.join("editor.js"), editor_js.as_bytes())?;
    let (main, _) = bundle_entry(esbuild, dist, &stage, "editor")?;
    let css = hashed(dist, "editor.css", read(&www.join("editor.css"))?.as_bytes())?;
    let data = serde_json::json!({ "files": files, "template": template });
    let mut html = read(&www.join("editor.html"))?;
    html = replace(&html, "href=\"style.css\"", &format!("href=\"{style_name}\""), "editor.html")?;
    html = replace(&html, "href=\"editor.css\"", &format!("href=\"{css}\""), "editor.html")?;
    html = replace(&html, "src=\"editor.js\"", &format!("src=\"{main}\""), "editor.html")?;
    html = replace(
        &html,
        "<!-- bundle -->",
        &format!(
            "<script type=\"application/json\" id=\"bundle\">{}</script>",
            data.to_string().replace('<', "\\u003c")
        ),
        "editor.html",
    )?;
    write(&dist.join("editor.html"), html.as_bytes())?;
    let mut all = Vec::new();
    encoding::walk(dist, &mut all)?;
    let added: Vec<PathBuf> = all.into_iter().filter(|p| !bundle.contains(p)).collect();
    encoding::precompress_files(&added)
}

/// What a build wrote that the server names: the stories under data/ (`data/…`, for `?data=`).
pub struct Bundle {
    pub stories: Vec<String>,
}

/// What a bundle is built of, and where it goes.
pub struct Options {
    /// The page's own story: written into the page, and served as `data/story.json`.
    pub story: PathBuf,
    /// The folder the bundle is written to, emptied first.
    pub out: PathBuf,
}

impl Default for Options {
    fn default() -> Self {
        Options { story: root().join("data/story.json"), out: root().join("dist") }
    }
}

/// `cargo xtask dist [--story FILE]`: the bundle in dist/, its page made for FILE (a story of the
/// format, relative to the repository) or, by default, for data/story.json.
pub fn run(args: &[String]) -> Result<(), String> {
    let options = match args {
        [] => Options::default(),
        [flag, file] if flag == "--story" => Options { story: root().join(file), ..Options::default() },
        _ => return Err("dist takes nothing, or `--story FILE` to make the page for another story".into()),
    };
    build_with(&options).map(|_| ())
}

/// The bundle of the default story in dist/.
pub fn all() -> Result<Bundle, String> {
    build_with(&Options::default())
}

pub fn build_with(o: &Options) -> Result<Bundle, String> {
    build::wasm(build::Profile::Release)?;
    let root = root();
    let www = root.join("www");
    let dist = o.out.clone();
    if dist.exists() {
        std::fs::remove_dir_all(&dist).map_err(|e| format!("clearing {}: {e}", dist.display()))?;
    }

    let (wasm_name, page) = engine(&dist, &www.join("pkg"), "datastory")?;
    let (series_wasm_name, series) = engine(&dist, &www.join("pkg-series"), "datastory_series")?;
    // The engine with SVG output: fetched by download.js on the first SVG download, never preloaded.
    let (_, svg) = engine(&dist, &www.join("pkg-svg"), "datastory_svg")?;
    let glues = Glues { page, series, svg };
    let scripts = match setup::node_tools().map(|bin| bin.join("esbuild")) {
        Some(esbuild) => bundled(&esbuild, &dist, &www, &glues)?,
        None => one_by_one(&dist, &www, &glues)?,
    };
    let style_name = hashed(&dist, "style.css", read(&www.join("style.css"))?.as_bytes())?;
    let article_css = hashed(&dist, "article.css", read(&www.join("article.css"))?.as_bytes())?;
    let favicon = hashed(&dist, "favicon.svg", read(&www.join("favicon.svg"))?.as_bytes())?;

    // embed.js keeps its name (it is what editors paste) and points at the hashed files.
    let mut embed = read(&www.join("embed.js"))?;
    embed = replace(&embed, "const APP = 'app.js';", &format!("const APP = '{}';", scripts.app), "embed.js")?;
    embed = replace(&embed, "const STYLE = 'style.css';", &format!("const STYLE = '{style_name}';"), "embed.js")?;
    write(&dist.join("embed.js"), minify(&embed, "js")?.as_bytes())?;

    // The data keeps its names: editors replace it, and the page names it in `?data=`. The page
    // also carries a copy of each (see `data_block`).
    let story_text = read(&o.story)?;
    let dataset = data::from_json(&story_text).map_err(|e| format!("{}: {e}", o.story.display()))?;
    // A story names its map relative to its own file; the page's copy sits beside `data/story.json`.
    let story_dir = o.story.parent().unwrap_or(&root).to_path_buf();
    let story_min = minify_json(&story_text);
    write(&dist.join("data/story.json"), story_min.as_bytes())?;
    let mut map_page = None;
    let map = match &dataset.story.map {
        Some(rel) => {
            let text = read(&story_dir.join(rel))?;
            let map_min = minify_json(&text);
            write(&dist.join("data").join(rel), map_min.as_bytes())?;
            let parsed = MapData::from_json(&text).map_err(|e| format!("data/{rel}: {e}"))?;
            map_page = Some((format!("data/{rel}"), map_min));
            Some(GeoMap::new(&parsed, &dataset).map_err(|e| format!("data/{rel}: {e}"))?)
        }
        None => None,
    };

    // Every other dataset under data/, as it is: the page opens any with `?data=data/NAME.json`. An
    // example that does not load stops the build; a file of the editor's is served all the same, and
    // the page says what is wrong in it, as this does.
    let mut stories = vec!["data/story.json".to_string()];
    let written =
        ["data/story.json".to_string(), dataset.story.map.as_ref().map(|m| format!("data/{m}")).unwrap_or_default()];
    for path in datasets(&root.join("data"))? {
        let rel = path.strip_prefix(&root).unwrap_or(&path);
        let rel = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
        if written.contains(&rel) {
            continue;
        }
        let text = read(&path)?;
        match kind(&rel, &text) {
            Ok(Kind::Story) if has_extension(&rel, "json") => stories.push(rel.clone()),
            Ok(_) => {}
            Err(e) if rel.starts_with("data/examples/") => return Err(e),
            Err(e) => eprintln!("xtask: warning: {e}\n  (served as it is; the page says the same when it opens it)"),
        }
        write(&dist.join(&rel), text.as_bytes())?;
    }

    let mut index = read(&www.join("index.html"))?;
    index = replace(&index, "href=\"style.css\"", &format!("href=\"{style_name}\""), "index.html")?;
    index = replace(
        &index,
        "<script type=\"module\" async src=\"main.js\"></script>",
        &format!("<!-- preloads -->\n<script type=\"module\" async src=\"{}\"></script>", scripts.main),
        "index.html",
    )?;
    index = replace(&index, "href=\"favicon.svg\"", &format!("href=\"{favicon}\""), "index.html")?;
    let template = Template {
        html: index,
        modules: scripts.preload.clone(),
        figures_wasm: wasm_name,
        series_wasm: series_wasm_name,
    };
    let page_map =
        map.as_ref().zip(map_page.as_ref()).map(|(map, (url, text))| PageMap { url: url.clone(), text, map });
    let page = publish::page(&template, &dataset, &story_min, page_map.as_ref())?;
    write(&dist.join(&page.picture_name), page.picture.as_bytes())?;
    write(&dist.join("index.html"), page.html.as_bytes())?;

    let mut article = read(&www.join("article.html"))?;
    article = replace(&article, "href=\"article.css\"", &format!("href=\"{article_css}\""), "article.html")?;
    article = replace(&article, "href=\"favicon.svg\"", &format!("href=\"{favicon}\""), "article.html")?;
    write(&dist.join("article.html"), article.as_bytes())?;

    hosting::write(&dist)?;
    let mut copies = encoding::precompress(&dist)?;
    match setup::node_tools().map(|bin| bin.join("esbuild")) {
        Some(esbuild) => copies += editor(&esbuild, &dist, &www, &template, &style_name)?,
        None => eprintln!("xtask: warning: no esbuild, so no editor.html (run `cargo xtask setup`)"),
    }
    eprintln!(
        "xtask: wrote dist/ (index.html, article.html, embed.js, assets/, data/, fallback/; {} for hosts; {copies} compressed copies)",
        hosting::FILES.join(", ")
    );
    if o.out == root.join("dist") {
        size::report(false)?;
    }
    Ok(Bundle { stories })
}

/// What a file under data/ is to the page.
#[derive(Debug, PartialEq, Eq)]
enum Kind {
    Story,
    Map,
}

/// Reads `text` (the file `rel`, `data/…`) as the engine would: a story (JSON or CSV), or the
/// boundaries a story names (JSON); otherwise says why it is not a story.
fn kind(rel: &str, text: &str) -> Result<Kind, String> {
    let csv = has_extension(rel, "csv");
    let story = if csv {
        // Any table the importer reads: the section layout, and series in the layouts newsrooms have.
        data::import::from_table(text, rel).map_err(|e| e.to_string())
    } else {
        data::from_json(text).map_err(|e| e.to_string())
    };
    match story {
        Ok(_) => Ok(Kind::Story),
        Err(_) if !csv && MapData::from_json(text).is_ok() => Ok(Kind::Map),
        Err(e) => Err(format!("{rel}: {e}")),
    }
}

fn has_extension(path: &str, ext: &str) -> bool {
    Path::new(path).extension().is_some_and(|e| e.eq_ignore_ascii_case(ext))
}

/// The datasets under `dir`: its JSON and CSV files, in every folder but Node's (`node_modules`),
/// without the maps' build inputs (npm's manifests, the recipes) or hidden files. Sorted.
fn datasets(dir: &Path) -> Result<Vec<PathBuf>, String> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| format!("reading {}: {e}", dir.display()))? {
        let path = entry.map_err(|e| format!("reading {}: {e}", dir.display()))?.path();
        let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        // The maps' recipes (`*.recipe.json`) are inputs of `cargo xtask map`, as npm's manifests are.
        let build_input = name == "package.json" || name == "package-lock.json" || name.ends_with(".recipe.json");
        if name.starts_with('.') || name == "node_modules" || build_input {
            continue;
        }
        if path.is_dir() {
            out.extend(datasets(&path)?);
        } else if path.extension().is_some_and(|e| e == "json" || e == "csv") {
            out.push(path);
        }
    }
    out.sort();
    Ok(out)
}

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_are_stable_and_short() {
        assert_eq!(hash(b"datastory"), hash(b"datastory"));
        assert_ne!(hash(b"a"), hash(b"b"));
        assert_eq!(hash(b"").len(), 10);
    }

    #[test]
    fn every_dataset_under_data_is_found_and_nothing_else() {
        let dir = std::env::temp_dir().join(format!("datastory-datasets-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        for file in [
            "story.json",
            "mine.json",
            "sheets/barley.csv",
            "sheets/deeper/energy.json",
            "map/region.json",
            "map/package.json",
            "map/package-lock.json",
            "map/build.mjs",
            "map/node_modules/topojson/package.json",
            "map/node_modules/topojson/dist/world.json",
            ".draft.json",
            "notes.md",
        ] {
            write(&dir.join(file), b"{}").expect("a scratch file");
        }
        let found: Vec<String> = datasets(&dir)
            .expect("listed")
            .iter()
            .map(|p| p.strip_prefix(&dir).expect("inside").to_string_lossy().replace('\\', "/"))
            .collect();
        let _ = std::fs::remove_dir_all(&dir);
        assert_eq!(
            found,
            ["map/region.json", "mine.json", "sheets/barley.csv", "sheets/deeper/energy.json", "story.json"]
        );
    }

    #[test]
    fn the_repository_s_data_files_are_stories_or_maps() {
        let data = root().join("data");
        for path in datasets(&data).expect("data/ is listed") {
            let rel = format!("data/{}", path.strip_prefix(&data).expect("inside").to_string_lossy());
            let text = std::fs::read_to_string(&path).expect("readable");
            let expected = if rel.starts_with("data/map/") { Kind::Map } else { Kind::Story };
            assert_eq!(kind(&rel, &text), Ok(expected), "{rel}");
        }
        assert!(kind("data/bad.json", "{\"story\": 1}").is_err_and(|e| e.starts_with("data/bad.json: ")));
    }
}
