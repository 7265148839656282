//! What a static host must send with the bundle, from one set of rules: the headers of each file
//! (which `cargo xtask serve` sends), and the same rules as files `cargo xtask dist` writes beside the
//! bundle: `_headers` (Netlify, Cloudflare Pages), `.htaccess` (Apache) and an nginx snippet.

use std::path::Path;

use crate::serve::CSP;

/// The host files, written at the bundle's root; none of them is part of the page.
pub const FILES: [&str; 3] = ["_headers", ".htaccess", "nginx.conf.example"];

/// Files named by their content's hash never change: a year, and no revalidation.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// Everything else (the page, embed.js, the data, the picture) keeps its name: asked again each time.
const REVALIDATE: &str = "no-cache";

/// The headers beyond type, length and encoding that the file at `path` (relative to the bundle,
/// `/`-separated) is served with: its cache lifetime, and for what the script embed on another site
/// fetches (its modules, the wasm, the data), `Access-Control-Allow-Origin`. The page itself and
/// embed.js need none: a page is navigated to, a classic script and a picture need no permission.
pub fn headers(path: &str) -> Vec<(&'static str, &'static str)> {
    let path = path.trim_start_matches('/');
    let mut out = vec![("Cache-Control", if path.starts_with("assets/") { IMMUTABLE } else { REVALIDATE })];
    if path.starts_with("assets/") || path.starts_with("data/") {
        out.push(("Access-Control-Allow-Origin", "*"));
    }
    out
}

/// Writes the host files into `dist`.
pub fn write(dist: &Path) -> Result<(), String> {
    for (name, text) in FILES.iter().zip([netlify(), apache(), nginx()]) {
        let path = dist.join(name);
        std::fs::write(&path, text).map_err(|e| format!("writing {}: {e}", path.display()))?;
    }
    Ok(())
}

/// Netlify's and Cloudflare Pages' `_headers`. Both merge the headers of every rule that matches a
/// path, joining a header set twice with a comma, so each header is set by one rule only; both
/// already compress text, send wasm as `application/wasm` and revalidate files by default.
fn netlify() -> String {
    format!(
        "# Netlify and Cloudflare Pages: the headers this infographic needs (written by `cargo xtask dist`).
# For the bundle at the site's root; published in a folder, put the folder before each path.
/*
  Content-Security-Policy: {CSP}
  X-Content-Type-Options: nosniff
# Content-hashed: a changed file gets a new name. Fetched by the script embed on other sites.
/assets/*
  Cache-Control: {IMMUTABLE}
  Access-Control-Allow-Origin: *
# Fetched by the script embed on other sites.
/data/*
  Access-Control-Allow-Origin: *
"
    )
}

/// Apache's `.htaccess`. The copies are served through `mod_rewrite`; `mod_mime` takes the type from
/// the inner extension and the encoding from the outer (`main-….js.br` is JavaScript in brotli).
fn apache() -> String {
    let text = "html|js|css|json|svg|wasm|csv|txt";
    format!(
        r#"# Apache 2.4: the headers this infographic needs, and its precompressed copies (.br, .gz) for the
# browsers that take them (written by `cargo xtask dist`). AllowOverride must allow FileInfo
# here; it uses mod_mime, mod_headers and mod_rewrite.
RemoveType .br .gz
AddEncoding br .br
AddEncoding gzip .gz
AddType application/wasm .wasm
AddType text/javascript .js
AddCharset utf-8 .html .js .css .json .svg .csv .txt

<IfModule mod_rewrite.c>
  RewriteEngine On
  RewriteCond %{{HTTP:Accept-Encoding}} \bbr\b
  RewriteCond %{{REQUEST_FILENAME}}.br -f
  RewriteRule ^(.*\.({text}))$ $1.br [L]
  RewriteCond %{{HTTP:Accept-Encoding}} \bgzip\b
  RewriteCond %{{REQUEST_FILENAME}}.gz -f
  RewriteRule ^(.*\.({text}))$ $1.gz [L]
  # Compressed already: mod_deflate must leave them be.
  RewriteRule \.(br|gz)$ - [E=no-gzip:1,E=no-brotli:1]
</IfModule>

<IfModule mod_headers.c>
  Header always set Content-Security-Policy "{CSP}"
  Header always set X-Content-Type-Options "nosniff"
  <FilesMatch "\.({text})(\.(br|gz))?$">
    Header append Vary "Accept-Encoding"
  </FilesMatch>
  # Content-hashed: a changed file gets a new name. Fetched by the script embed on other sites.
  <If "%{{REQUEST_URI}} =~ m#/assets/#">
    Header set Cache-Control "{IMMUTABLE}"
    Header set Access-Control-Allow-Origin "*"
  </If>
  <Else>
    Header set Cache-Control "{REVALIDATE}"
  </Else>
  # Fetched by the script embed on other sites.
  <If "%{{REQUEST_URI}} =~ m#/data/#">
    Header set Access-Control-Allow-Origin "*"
  </If>
</IfModule>
"#
    )
}

/// An nginx snippet for the `server {{ }}` block. `add_header` in a location replaces every
/// `add_header` of the locations around it, so each location says all of its headers.
fn nginx() -> String {
    let common = |indent: &str| {
        format!(
            "{indent}add_header Content-Security-Policy \"{CSP}\" always;\n{indent}add_header X-Content-Type-Options \"nosniff\" always;\n"
        )
    };
    let (outer, inner) = (common("    "), common("        "));
    format!(
        r#"# nginx: the headers this infographic needs, and its precompressed copies (.gz, and .br with the
# ngx_brotli module) for the browsers that take them (written by `cargo xtask dist`).
# Put these locations in the `server {{ }}` block that publishes the bundle, with `root` its folder.
# Published under a path, put the path before each location (location /graphics/northeast/assets/).
# Recent nginx's mime.types names application/wasm; if yours does not, add `application/wasm wasm;` to it.
location / {{
    root /srv/infographic;
    gzip_static on;
    # brotli_static on;
    gzip_vary on;
{outer}    add_header Cache-Control "{REVALIDATE}" always;

    # Content-hashed: a changed file gets a new name. Fetched by the script embed on other sites.
    location /assets/ {{
{inner}        add_header Cache-Control "{IMMUTABLE}" always;
        add_header Access-Control-Allow-Origin "*" always;
    }}

    # Fetched by the script embed on other sites.
    location /data/ {{
{inner}        add_header Cache-Control "{REVALIDATE}" always;
        add_header Access-Control-Allow-Origin "*" always;
    }}
}}
"#
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashed_assets_are_kept_for_a_year_and_the_rest_revalidated() {
        assert!(headers("assets/main-0123456789.js").contains(&("Cache-Control", IMMUTABLE)));
        assert!(headers("/assets/datastory_bg-0123456789.wasm").contains(&("Cache-Control", IMMUTABLE)));
        for path in ["index.html", "embed.js", "data/story.json", "fallback/northeast-china.svg", "article.html"] {
            assert!(headers(path).contains(&("Cache-Control", REVALIDATE)), "{path}");
        }
    }

    #[test]
    fn what_the_script_embed_fetches_from_another_site_may_be_read_there() {
        let cors = |p: &str| headers(p).contains(&("Access-Control-Allow-Origin", "*"));
        assert!(cors("assets/app-0123456789.js") && cors("data/story.json") && cors("data/map/northeast-china.json"));
        assert!(!cors("index.html") && !cors("embed.js"));
    }

    /// The rules of a `_headers` file: each path and its header names.
    fn rules(text: &str) -> Vec<(String, Vec<String>)> {
        let mut out: Vec<(String, Vec<String>)> = Vec::new();
        for line in text.lines().filter(|l| !l.trim_start().starts_with('#') && !l.trim().is_empty()) {
            if line.starts_with(' ') {
                let name = line.trim().split(':').next().unwrap_or("").to_ascii_lowercase();
                if let Some(rule) = out.last_mut() {
                    rule.1.push(name);
                }
            } else {
                out.push((line.trim().to_string(), Vec::new()));
            }
        }
        out
    }

    #[test]
    fn the_headers_file_sets_each_header_of_a_path_once() {
        let text = netlify();
        let rules = rules(&text);
        let paths: Vec<&str> = rules.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(paths, ["/*", "/assets/*", "/data/*"]);
        // Every path matches `/*` and at most one other rule: a header in two of them would be sent
        // as two values joined by a comma.
        let all = &rules[0].1;
        for (path, names) in &rules[1..] {
            assert!(names.iter().all(|n| !all.contains(n)), "{path} repeats a header of /*");
        }
        assert!(text.contains(&format!("Content-Security-Policy: {CSP}\n")));
        assert!(text.contains(&format!("/assets/*\n  Cache-Control: {IMMUTABLE}\n  Access-Control-Allow-Origin: *\n")));
    }

    #[test]
    fn apache_and_nginx_say_the_same_rules() {
        let apache = apache();
        assert!(apache.contains(&format!("Header always set Content-Security-Policy \"{CSP}\"")));
        assert!(apache.contains("AddType application/wasm .wasm"));
        assert!(apache.contains("AddEncoding br .br") && apache.contains("AddEncoding gzip .gz"));
        assert!(apache.contains(&format!("Header set Cache-Control \"{IMMUTABLE}\"")));
        assert_eq!(apache.matches("Header set Access-Control-Allow-Origin \"*\"").count(), 2);
        assert_eq!(apache.matches("<If ").count(), apache.matches("</If>").count());
        let nginx = nginx();
        assert_eq!(nginx.matches('{').count(), nginx.matches('}').count());
        assert!(nginx.contains("gzip_static on;"));
        // Each location states the policy again (add_header does not add to an outer location's).
        assert_eq!(nginx.matches(&format!("add_header Content-Security-Policy \"{CSP}\" always;")).count(), 3);
        assert_eq!(nginx.matches(&format!("add_header Cache-Control \"{IMMUTABLE}\" always;")).count(), 1);
        assert_eq!(nginx.matches("add_header Access-Control-Allow-Origin \"*\" always;").count(), 2);
    }
}
