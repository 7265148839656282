//! `cargo xtask size`: every file of dist/ raw, gzipped and brotli-compressed (in kB of 1000 bytes), and the page's total against its budget.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::Path;

use crate::encoding::{self, Encoding};
use crate::{hosting, root};

/// What everything the infographic page transfers may weigh, gzipped: the engine's page grew past
/// 100 kB with charts over time (series in the format, scales, lines, cursor) and may take up to 110.
pub const BUDGET_GZIP: u64 = 110_000;

#[derive(Debug)]
struct Entry {
    /// Path under dist/, with `/` separators.
    path: String,
    raw: u64,
    gzip: u64,
    brotli: u64,
}

/// Whether the infographic page (`index.html`, given as `index`) fetches dist/'s file `path`. It
/// does not fetch: the demonstration article and its style (`assets/article-<hash>.css`), the host
/// pages' script and the entry it loads (`assets/app-<hash>.js`, unless the page names it: written
/// module by module without Node.js, `app` is the page's own module), the no-script picture (inside
/// `<noscript>`), the data (the page's own story and its map are written into `index.html`; the
/// files are for `?data=`, the script embed and editors), the shell's Chinese
/// words (`assets/i18n-zh-<hash>.js`, for a Chinese page), the code of the embed box, of the
/// downloads and of the tables (`assets/share-<hash>.js`, `assets/download-<hash>.js`,
/// `assets/tables-<hash>.js`, on the first click of their buttons), the engine that writes SVG (`assets/datastory_svg-<hash>.js` and its wasm, loaded
/// on the first SVG download), of the two engines that draw the story the one its page does not
/// preload (for stories of figures `assets/datastory_bg-<hash>.wasm`, for stories with series
/// `assets/datastory_series-<hash>.js` and its wasm: the other is fetched only for a story given by
/// `?data=` that needs it), and the host files.
fn on_page(path: &str, index: &str) -> bool {
    if path.starts_with("assets/app-") {
        return index.contains(path);
    }
    let series_page = index.contains(r#"crossorigin data-engine="series""#);
    if path.starts_with("assets/datastory_series") {
        return series_page;
    }
    if path.starts_with("assets/datastory_bg-") {
        return !series_page;
    }
    !(path == "article.html"
        || path == "editor.html"
        || path.starts_with("assets/editor")
        || path.starts_with("assets/datastory_editor")
        || hosting::FILES.contains(&path)
        || path == "embed.js"
        || path.starts_with("assets/i18n-zh-")
        || path.starts_with("assets/share-")
        || path.starts_with("assets/download-")
        || path.starts_with("assets/tables-")
        || path.starts_with("fallback/")
        || path.starts_with("assets/datastory_svg")
        || path.starts_with("data/")
        || path.starts_with("assets/article-"))
}

/// Gzip by Zopfli and brotli at quality 11, as dist/ writes its copies: what a host that serves
/// precompressed files sends.
fn compressed(bytes: &[u8]) -> Result<(u64, u64), String> {
    Ok((Encoding::Gzip.encode(bytes)?.len() as u64, Encoding::Brotli.encode(bytes)?.len() as u64))
}

fn entries(dist: &Path) -> Result<Vec<Entry>, String> {
    let mut files = Vec::new();
    crate::encoding::walk(dist, &mut files)?;
    // The compressed copies are the same files again, as each row's gzip and brotli columns say.
    files.retain(|f| !encoding::is_copy(f));
    files.sort();
    files
        .iter()
        .map(|file| {
            let bytes = std::fs::read(file).map_err(|e| format!("reading {}: {e}", file.display()))?;
            // The copies dist/ carries are these very encodings; a file without them is compressed here.
            let copy = |e: Encoding| std::fs::metadata(e.copy_of(file)).map(|m| m.len());
            let (gzip, brotli) = match (copy(Encoding::Gzip), copy(Encoding::Brotli)) {
                (Ok(gzip), Ok(brotli)) => (gzip, brotli),
                _ => compressed(&bytes)?,
            };
            let rel = file.strip_prefix(dist).unwrap_or(file);
            let path = rel.components().map(|c| c.as_os_str().to_string_lossy()).collect::<Vec<_>>().join("/");
            Ok(Entry { path, raw: bytes.len() as u64, gzip, brotli })
        })
        .collect()
}

fn kb(bytes: u64) -> String {
    format!("{:.1}", bytes as f64 / 1000.0)
}

fn row(name: &str, raw: u64, gzip: u64, brotli: u64) -> String {
    format!("{name:<44} {:>9} {:>9} {:>9}", kb(raw), kb(gzip), kb(brotli))
}

/// Prints the table of dist/ (`full`) or only the page's total, and returns that total gzipped.
pub fn report(full: bool) -> Result<u64, String> {
    let dist = root().join("dist");
    if !dist.join("index.html").exists() {
        return Err("dist/ is not built yet; run `cargo xtask dist` first".to_string());
    }
    let entries = entries(&dist)?;
    let index =
        std::fs::read_to_string(dist.join("index.html")).map_err(|e| format!("reading dist/index.html: {e}"))?;
    let (page, other): (Vec<&Entry>, Vec<&Entry>) = entries.iter().partition(|e| on_page(&e.path, &index));
    let sum = |es: &[&Entry]| es.iter().fold((0, 0, 0), |(r, g, b), e| (r + e.raw, g + e.gzip, b + e.brotli));
    let (raw, gzip, brotli) = sum(&page);
    let mut out = String::new();
    if full {
        let _ = writeln!(out, "{:<44} {:>9} {:>9} {:>9}", "dist/ (kB)", "raw", "gzip", "brotli");
        out.push_str("the infographic page (index.html and all it fetches):\n");
        for e in &page {
            out.push_str(&row(&format!("  {}", e.path), e.raw, e.gzip, e.brotli));
            out.push('\n');
        }
        out.push_str(&row("  total", raw, gzip, brotli));
        out.push_str("\nnot fetched by the page (host files, article demo, editor, host script, no-script picture, data files (the page holds its own), Chinese words, embed box, downloads, tables, SVG engine, series engine):\n");
        for e in &other {
            out.push_str(&row(&format!("  {}", e.path), e.raw, e.gzip, e.brotli));
            out.push('\n');
        }
    }
    let verdict = if gzip <= BUDGET_GZIP { "within" } else { "over" };
    let _ = writeln!(
        out,
        "xtask: the page transfers {} kB gzipped ({} kB brotli, {} kB raw): {verdict} its budget of {} kB gzipped",
        kb(gzip),
        kb(brotli),
        kb(raw),
        BUDGET_GZIP / 1000
    );
    // A reader that stops reading early (`| head`) is not an error; `println!` would panic on it.
    if let Err(e) = std::io::stdout().lock().write_all(out.as_bytes()) {
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            return Err(format!("printing the sizes: {e}"));
        }
    }
    Ok(gzip)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_page_counts_its_own_files_only() {
        let bundled = r#"<script type="module" src="assets/main-0123456789.js"></script>"#;
        let one_by_one = r#"<link rel="modulepreload" href="assets/app-0123456789.js">"#;
        for index in [bundled, one_by_one] {
            assert!(on_page("index.html", index));
            assert!(on_page("assets/datastory_bg-0123456789.wasm", index));
            // Written into index.html, which is counted.
            assert!(!on_page("data/story.json", index));
            assert!(!on_page("data/map/northeast-china.json", index));
            assert!(!on_page("article.html", index));
            assert!(!on_page("assets/article-0123456789.css", index));
            assert!(!on_page("fallback/northeast-china.svg", index));
            assert!(!on_page("data/examples/minnesota-barley.json", index));
            assert!(!on_page("assets/datastory_svg-0123456789.js", index));
            assert!(!on_page("assets/tables-0123456789.js", index));
            assert!(!on_page("assets/datastory_svg_bg-0123456789.wasm", index));
            assert!(!on_page("assets/share-0123456789.js", index));
            assert!(!on_page("assets/download-0123456789.js", index));
            assert!(!on_page("assets/i18n-zh-0123456789.js", index));
            assert!(!on_page("editor.html", index) && !on_page("assets/editor-0123456789.js", index));
            assert!(!on_page("assets/editor-worker-0123456789.js", index));
            assert!(!on_page("assets/datastory_editor_bg-0123456789.wasm", index));
            assert!(
                !on_page("_headers", index) && !on_page(".htaccess", index) && !on_page("nginx.conf.example", index)
            );
        }
        // A page made for a story with series preloads that engine, and not the other.
        let series = r#"<link rel="preload" href="assets/datastory_series_bg-0123456789.wasm" as="fetch" type="application/wasm" crossorigin data-engine="series">
<meta name="datastory:engine" content="assets/datastory_bg-0123456789.wasm" data-engine="figures">"#;
        assert!(on_page("assets/datastory_series_bg-0123456789.wasm", series));
        assert!(on_page("assets/datastory_series-0123456789.js", series));
        assert!(!on_page("assets/datastory_bg-0123456789.wasm", series));
        assert!(!on_page("assets/datastory_series_bg-0123456789.wasm", bundled));
        // The entry embed.js loads is the page's own module only when the page names it.
        assert!(!on_page("assets/app-0123456789.js", bundled));
        assert!(on_page("assets/app-0123456789.js", one_by_one));
    }

    #[test]
    fn compression_shrinks_repetitive_text() {
        let text = "the same words again and again ".repeat(100);
        let (gzip, brotli) = compressed(text.as_bytes()).expect("in-memory compression");
        assert!(gzip < 200 && brotli < 200, "{gzip} {brotli}");
    }
}
