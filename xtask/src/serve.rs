//! A small static file server for dist/ (or, for the benchmark, any folder), with the strict CSP the page must live under;
//! dist/ is answered as a host set up with its host files would: their headers, and the precompressed copies a browser takes.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use crate::encoding::{self, Encoding};
use crate::{hosting, root};

/// The policy embeds are held to; any violation shows in the browser tests.
pub const CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:";

/// The same policy with inline styles allowed: the `echarts` library writes its tooltips as markup with style
/// attributes, which the strict policy refuses. The benchmark's peer pages are served with it.
pub const CSP_INLINE_STYLES: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:";

/// Serves dist/ on `port` until stopped, after saying what is served and where; `stories` are the
/// datasets of the bundle that the page opens with `?data=`.
pub fn run(port: u16, stories: &[String]) -> Result<(), String> {
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e} (try --port N)"))?;
    let dist = root().join("dist");
    println!("{}", banner(&format!("http://127.0.0.1:{port}/"), &dist, stories));
    serve_forever(&listener, "/", &Arc::new(Site { dir: dist, csp: CSP, host: true }));
    Ok(())
}

/// What `cargo xtask serve` says once it serves: the addresses to open, the folder, how to stop.
fn banner(url: &str, dist: &Path, stories: &[String]) -> String {
    let mut lines = vec![
        String::new(),
        format!("Serving the folder dist/ ({}) at {url}", dist.display()),
        format!("  {url:<48} the infographic"),
        format!("  {:<48} the infographic in a demonstration article", format!("{url}article.html")),
    ];
    lines.extend(stories.iter().filter(|s| *s != "data/story.json").map(|s| format!("  {url}?data={s}")));
    lines
        .push("A story saved under data/ opens with ?data=data/NAME.json once served: stop and run this again.".into());
    lines.push("Press Ctrl-C to stop.".into());
    lines.join("\n")
}

/// Binds a free loopback port and serves dist/ under the path `prefix` (e.g. `/` or
/// `/news/graphics/`) on a background thread, as `run` does; for the end-to-end tests.
pub fn spawn(prefix: &'static str) -> Result<u16, String> {
    spawn_site(Site { dir: root().join("dist"), csp: CSP, host: true }, prefix)
}

/// Serves another folder, or dist/ again, with policy `csp`, plainly: every file as it is (no
/// compressed copy), revalidated, open to every origin. The benchmark serves its pages alike so.
pub fn spawn_dir(dir: PathBuf, prefix: &'static str, csp: &'static str) -> Result<u16, String> {
    spawn_site(Site { dir, csp, host: false }, prefix)
}

fn spawn_site(site: Site, prefix: &'static str) -> Result<u16, String> {
    let listener = TcpListener::bind(("127.0.0.1", 0)).map_err(|e| format!("cannot listen on loopback: {e}"))?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    let site = Arc::new(site);
    std::thread::spawn(move || serve_forever(&listener, prefix, &site));
    Ok(port)
}

/// What is served: the folder, the policy sent with every answer, and whether it is answered as
/// the host files say (`host`) or plainly.
struct Site {
    dir: PathBuf,
    csp: &'static str,
    host: bool,
}

fn serve_forever(listener: &TcpListener, prefix: &'static str, site: &Arc<Site>) {
    for stream in listener.incoming().flatten() {
        let site = Arc::clone(site);
        std::thread::spawn(move || {
            // A client that hangs up mid-request is its own problem; the server goes on.
            let _ = handle(stream, prefix, &site);
        });
    }
}

fn handle(mut stream: TcpStream, prefix: &str, site: &Site) -> std::io::Result<()> {
    stream.set_read_timeout(Some(Duration::from_secs(10)))?;
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Of the headers, only the encodings the client takes change the answer.
    let mut accept = String::new();
    let mut line = String::new();
    while reader.read_line(&mut line)? > 2 {
        if let Some((name, value)) = line.split_once(':') {
            if name.trim().eq_ignore_ascii_case("accept-encoding") {
                accept = value.trim().to_string();
            }
        }
        line.clear();
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    let head_only = method == "HEAD";
    let plain = [("Cache-Control", "no-cache")];
    if method != "GET" && !head_only {
        let answer =
            Answer { status: "405 Method Not Allowed", content_type: "text/plain; charset=utf-8", headers: &plain };
        return respond(&mut stream, site.csp, &answer, b"method not allowed\n", false);
    }
    let path = target.split(['?', '#']).next().unwrap_or("/");
    // Outside the prefix there is nothing, as on a host where the bundle sits in a subfolder.
    let found = path.strip_prefix(prefix.trim_end_matches('/')).and_then(|p| resolve(&site.dir, p).map(|f| (p, f)));
    let Some((rel, file)) = found else {
        let answer = Answer { status: "404 Not Found", content_type: "text/plain; charset=utf-8", headers: &plain };
        return respond(&mut stream, site.csp, &answer, b"not found\n", head_only);
    };
    let mut headers = if site.host {
        hosting::headers(rel)
    } else {
        vec![("Cache-Control", "no-cache"), ("Access-Control-Allow-Origin", "*")]
    };
    let copies: Vec<Encoding> = Encoding::ALL
        .into_iter()
        .filter(|e| site.host && encoding::compressible(&file) && e.copy_of(&file).is_file())
        .collect();
    let chosen = encoding::negotiate(&accept, &copies);
    if !copies.is_empty() {
        headers.push(("Vary", "Accept-Encoding"));
    }
    if let Some(e) = chosen {
        headers.push(("Content-Encoding", e.name()));
    }
    let mut body = Vec::new();
    std::fs::File::open(chosen.map_or_else(|| file.clone(), |e| e.copy_of(&file)))?.read_to_end(&mut body)?;
    let answer = Answer { status: "200 OK", content_type: mime(&file), headers: &headers };
    respond(&mut stream, site.csp, &answer, &body, head_only)
}

/// An answer's status line and headers, but for the policy and the length.
struct Answer<'a> {
    status: &'a str,
    content_type: &'a str,
    headers: &'a [(&'a str, &'a str)],
}

/// Maps a URL path to a file under `site`. Refuses `..`.
fn resolve(site: &Path, url_path: &str) -> Option<PathBuf> {
    let decoded = percent_decode(url_path)?;
    let rel = Path::new(decoded.trim_start_matches('/'));
    if rel.components().any(|c| !matches!(c, Component::Normal(_))) {
        return None;
    }
    let mut file = site.join(rel);
    if file.is_dir() {
        file = file.join("index.html");
    }
    file.is_file().then_some(file)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn mime(file: &Path) -> &'static str {
    match file.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json; charset=utf-8",
        "wasm" => "application/wasm",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "csv" => "text/csv; charset=utf-8",
        _ => "application/octet-stream",
    }
}

fn respond(stream: &mut TcpStream, csp: &str, answer: &Answer, body: &[u8], head_only: bool) -> std::io::Result<()> {
    let mut header = format!(
        "HTTP/1.1 {}\r\nContent-Type: {}\r\nContent-Length: {}\r\nContent-Security-Policy: {csp}\r\nX-Content-Type-Options: nosniff\r\n",
        answer.status,
        answer.content_type,
        body.len()
    );
    for (name, value) in answer.headers {
        header.extend([name, ": ", value, "\r\n"]);
    }
    header.push_str("Connection: close\r\n\r\n");
    stream.write_all(header.as_bytes())?;
    if !head_only {
        stream.write_all(body)?;
    }
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_outside_the_site_are_refused() {
        let dist = root().join("dist");
        assert!(resolve(&dist, "/../Cargo.toml").is_none());
        assert!(resolve(&dist, "/%2e%2e/Cargo.toml").is_none());
        assert!(resolve(&dist, "/data/../Cargo.toml").is_none());
    }

    /// The head and body of the answer to a GET of `path` from `site` with `Accept-Encoding: accept`.
    fn get(port: u16, path: &str, accept: Option<&str>) -> (String, Vec<u8>) {
        let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("the server answers");
        let accept = accept.map(|a| format!("Accept-Encoding: {a}\r\n")).unwrap_or_default();
        write!(stream, "GET {path} HTTP/1.1\r\nHost: x\r\n{accept}\r\n").expect("a request");
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).expect("an answer");
        let split = answer.windows(4).position(|w| w == b"\r\n\r\n").expect("a head");
        (String::from_utf8_lossy(&answer[..split]).to_lowercase(), answer[split + 4..].to_vec())
    }

    #[test]
    fn a_browser_gets_the_compressed_copy_it_takes_with_the_file_s_type() {
        let dir = std::env::temp_dir().join(format!("datastory-serve-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("assets")).expect("a scratch folder");
        let text = "console.log('the same figures');\n".repeat(40);
        std::fs::write(dir.join("assets/main-0123456789.js"), &text).expect("a file");
        assert_eq!(encoding::precompress(&dir).expect("copies"), 2);
        std::fs::write(dir.join("plain.csv"), "a,b\n").expect("a file without copies");
        let port = spawn_site(Site { dir: dir.clone(), csp: CSP, host: true }, "/").expect("served");

        let (head, body) = get(port, "/assets/main-0123456789.js", Some("gzip, deflate, br, zstd"));
        assert!(head.contains("content-encoding: br\r\n") && head.contains("vary: accept-encoding"), "{head}");
        assert!(head.contains("content-type: text/javascript"), "{head}");
        assert!(head.contains(&format!("content-length: {}\r\n", body.len())), "{head}");
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &body[..], &mut back).expect("brotli");
        assert_eq!(back, text.as_bytes());
        // Content-hashed, and open to the script embed on other sites.
        assert!(head.contains("cache-control: public, max-age=31536000, immutable"), "{head}");
        assert!(head.contains("access-control-allow-origin: *"), "{head}");

        let (head, body) = get(port, "/assets/main-0123456789.js", Some("gzip"));
        assert!(head.contains("content-encoding: gzip\r\n"), "{head}");
        let mut back = String::new();
        flate2::read::GzDecoder::new(&body[..]).read_to_string(&mut back).expect("gunzip");
        assert_eq!(back, text);

        let (head, body) = get(port, "/assets/main-0123456789.js", None);
        assert!(!head.contains("content-encoding") && head.contains("vary: accept-encoding"), "{head}");
        assert_eq!(body, text.as_bytes());

        let (head, body) = get(port, "/plain.csv", Some("br, gzip"));
        assert!(!head.contains("content-encoding") && !head.contains("vary"), "{head}");
        assert!(head.contains("cache-control: no-cache") && !head.contains("access-control"), "{head}");
        assert_eq!(body, b"a,b\n");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_banner_says_what_is_served_where_and_how_to_stop() {
        let stories = ["data/story.json".to_string(), "data/examples/minnesota-barley.json".to_string()];
        let text = banner("http://127.0.0.1:8080/", Path::new("/srv/dist"), &stories);
        assert!(text.contains("dist/ (/srv/dist) at http://127.0.0.1:8080/"), "{text}");
        assert!(text.contains("http://127.0.0.1:8080/article.html"), "{text}");
        assert!(text.contains("http://127.0.0.1:8080/?data=data/examples/minnesota-barley.json"), "{text}");
        assert!(!text.contains("?data=data/story.json"), "{text}");
        assert!(text.ends_with("Press Ctrl-C to stop."), "{text}");
    }

    #[test]
    fn the_page_and_its_data_are_found() {
        // The bundle is built by `cargo xtask dist`; without it there is nothing to find yet.
        let dist = root().join("dist");
        if dist.join("index.html").exists() {
            assert!(resolve(&dist, "/").is_some_and(|p| p.ends_with("dist/index.html")));
            assert!(resolve(&dist, "/data/story.json").is_some_and(|p| p.ends_with("dist/data/story.json")));
        }
    }
}
