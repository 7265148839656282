//! A small static file server for dist/ (or, for the benchmark, any folder), with the strict CSP the page must live under.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Component, Path, PathBuf};
use std::sync::Arc;
use std::time::Duration;

use crate::root;

/// The policy embeds are held to; any violation shows in the browser tests.
pub const CSP: &str =
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data: blob:";

/// The same policy with inline styles allowed: the `echarts` library writes its tooltips as markup with style
/// attributes, which the strict policy refuses. The benchmark's peer pages are served with it.
pub const CSP_INLINE_STYLES: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:";

pub fn run(port: u16) -> Result<(), String> {
    let listener = TcpListener::bind(("127.0.0.1", port))
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e} (try --port N)"))?;
    println!("Serving the infographic at http://127.0.0.1:{port}/  (Ctrl-C to stop)");
    serve_forever(&listener, "/", &Arc::new(Site { dir: root().join("dist"), csp: CSP }));
    Ok(())
}

/// Binds a free loopback port and serves dist/ under the path `prefix` (e.g. `/` or
/// `/news/graphics/`) on a background thread; for the end-to-end tests.
pub fn spawn(prefix: &'static str) -> Result<u16, String> {
    spawn_dir(root().join("dist"), prefix, CSP)
}

/// Like `spawn`, for another folder and policy: the benchmark serves its peer pages as dist/ is served.
pub fn spawn_dir(dir: PathBuf, prefix: &'static str, csp: &'static str) -> Result<u16, String> {
    let listener = TcpListener::bind(("127.0.0.1", 0)).map_err(|e| format!("cannot listen on loopback: {e}"))?;
    let port = listener.local_addr().map_err(|e| e.to_string())?.port();
    let site = Arc::new(Site { dir, csp });
    std::thread::spawn(move || serve_forever(&listener, prefix, &site));
    Ok(port)
}

/// What is served: the folder, and the policy sent with every answer.
struct Site {
    dir: PathBuf,
    csp: &'static str,
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
    // Drain the headers; nothing in them changes the answer.
    let mut line = String::new();
    while reader.read_line(&mut line)? > 2 {
        line.clear();
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut stream,
            site.csp,
            "405 Method Not Allowed",
            "text/plain; charset=utf-8",
            b"method not allowed\n",
            method == "HEAD",
        );
    }
    let path = target.split(['?', '#']).next().unwrap_or("/");
    // Outside the prefix there is nothing, as on a host where the bundle sits in a subfolder.
    let found = path
        .strip_prefix(prefix.trim_end_matches('/'))
        .and_then(|p| resolve(&site.dir, p))
        .and_then(|file| std::fs::File::open(&file).ok().map(|f| (file, f)));
    match found {
        Some((file, mut f)) => {
            let mut body = Vec::new();
            f.read_to_end(&mut body)?;
            respond(&mut stream, site.csp, "200 OK", mime(&file), &body, method == "HEAD")
        }
        None => respond(
            &mut stream,
            site.csp,
            "404 Not Found",
            "text/plain; charset=utf-8",
            b"not found\n",
            method == "HEAD",
        ),
    }
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

fn respond(
    stream: &mut TcpStream,
    csp: &str,
    status: &str,
    content_type: &str,
    body: &[u8],
    head_only: bool,
) -> std::io::Result<()> {
    let header = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nContent-Security-Policy: {csp}\r\nAccess-Control-Allow-Origin: *\r\nX-Content-Type-Options: nosniff\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n",
        body.len()
    );
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
