//! Precompressed copies: gzip and brotli as a host that precompresses serves them, the `.gz` and `.br`
//! files `cargo xtask dist` writes beside each text file and the wasm, and which copy a request takes.

use std::path::{Path, PathBuf};

/// How many times Zopfli refines each gzip copy (see `Encoding::encode`).
const ITERATIONS: std::num::NonZeroU64 = match std::num::NonZeroU64::new(5) {
    Some(n) => n,
    None => panic!("five is not zero"),
};

/// A content coding a copy is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Brotli,
    Gzip,
}

impl Encoding {
    /// Smallest first: on a tie the client gets the smaller file.
    pub const ALL: [Encoding; 2] = [Encoding::Brotli, Encoding::Gzip];

    /// The name in `Accept-Encoding` and `Content-Encoding`.
    pub fn name(self) -> &'static str {
        match self {
            Encoding::Brotli => "br",
            Encoding::Gzip => "gzip",
        }
    }

    /// The copy of `file` in this encoding: `main-….js` → `main-….js.br`.
    pub fn copy_of(self, file: &Path) -> PathBuf {
        let mut name = file.as_os_str().to_os_string();
        name.push(match self {
            Encoding::Brotli => ".br",
            Encoding::Gzip => ".gz",
        });
        PathBuf::from(name)
    }

    /// `bytes` in this encoding: gzip written by Zopfli, brotli at quality 11. Zopfli searches far
    /// harder than `gzip -9` for the same format, which every browser reads: the page's wasm comes
    /// out 5% smaller, its HTML 9%. Five iterations, not its default fifteen: measured on the
    /// page's files, the ten more save a few bytes and take twice as long.
    pub fn encode(self, bytes: &[u8]) -> Result<Vec<u8>, String> {
        match self {
            Encoding::Gzip => {
                let mut out = Vec::new();
                let options = zopfli::Options { iteration_count: ITERATIONS, ..zopfli::Options::default() };
                zopfli::compress(options, zopfli::Format::Gzip, bytes, &mut out).map_err(|e| format!("gzip: {e}"))?;
                Ok(out)
            }
            Encoding::Brotli => {
                let mut out = Vec::new();
                let params = brotli::enc::BrotliEncoderParams { quality: 11, lgwin: 22, ..Default::default() };
                brotli::BrotliCompress(&mut &bytes[..], &mut out, &params).map_err(|e| format!("brotli: {e}"))?;
                Ok(out)
            }
        }
    }
}

/// Files worth a compressed copy: text, and the wasm (pictures in PNG are compressed already).
pub fn compressible(file: &Path) -> bool {
    matches!(
        file.extension().and_then(|e| e.to_str()),
        Some("html" | "js" | "css" | "json" | "svg" | "wasm" | "csv" | "txt")
    )
}

/// Whether `file` is itself a compressed copy.
pub fn is_copy(file: &Path) -> bool {
    matches!(file.extension().and_then(|e| e.to_str()), Some("br" | "gz"))
}

/// Writes the `.br` and `.gz` copy of every compressible file under `dir` that compression makes
/// smaller (a few files of tens of bytes it does not). Returns how many copies were written.
pub fn precompress(dir: &Path) -> Result<usize, String> {
    let mut files = Vec::new();
    walk(dir, &mut files)?;
    precompress_files(&files)
}

/// The same as [`precompress`] for the `files` named.
pub fn precompress_files(files: &[PathBuf]) -> Result<usize, String> {
    let mut written = 0;
    for file in files.iter().filter(|f| compressible(f)) {
        let bytes = std::fs::read(file).map_err(|e| format!("reading {}: {e}", file.display()))?;
        for encoding in Encoding::ALL {
            let packed = encoding.encode(&bytes)?;
            if packed.len() < bytes.len() {
                let copy = encoding.copy_of(file);
                std::fs::write(&copy, packed).map_err(|e| format!("writing {}: {e}", copy.display()))?;
                written += 1;
            }
        }
    }
    Ok(written)
}

/// Every file under `dir`, in the folders below it too.
pub fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    for entry in std::fs::read_dir(dir).map_err(|e| format!("reading {}: {e}", dir.display()))? {
        let path = entry.map_err(|e| format!("reading {}: {e}", dir.display()))?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// The copy to answer a request with: of the encodings in `available`, the one the request's
/// `Accept-Encoding` header (`accept`) prefers, brotli on a tie; `None` for the file as it is.
/// A coding is acceptable when it is named (or `*` is) with a quality above 0 (RFC 9110, 12.5.3).
pub fn negotiate(accept: &str, available: &[Encoding]) -> Option<Encoding> {
    let mut best: Option<(Encoding, f32)> = None;
    for &encoding in Encoding::ALL.iter().filter(|e| available.contains(e)) {
        let q = quality(accept, encoding);
        if q > 0.0 && best.is_none_or(|(_, b)| q > b) {
            best = Some((encoding, q));
        }
    }
    best.map(|(e, _)| e)
}

/// The quality `accept` gives `encoding`: its own entry's, else the wildcard's, else 0.
fn quality(accept: &str, encoding: Encoding) -> f32 {
    let mut wildcard = None;
    for entry in accept.split(',') {
        let mut parts = entry.split(';');
        let name = parts.next().unwrap_or("").trim().to_ascii_lowercase();
        let q = parts
            .filter_map(|p| p.trim().strip_prefix("q=").or_else(|| p.trim().strip_prefix("Q=")))
            .find_map(|v| v.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        if name == encoding.name() || (encoding == Encoding::Gzip && name == "x-gzip") {
            return q;
        }
        if name == "*" {
            wildcard = Some(q);
        }
    }
    wildcard.unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read as _;

    const BOTH: &[Encoding] = &[Encoding::Brotli, Encoding::Gzip];

    #[test]
    fn browsers_get_brotli_and_older_clients_gzip() {
        // Chromium's and Firefox's header.
        assert_eq!(negotiate("gzip, deflate, br, zstd", BOTH), Some(Encoding::Brotli));
        assert_eq!(negotiate("gzip, deflate", BOTH), Some(Encoding::Gzip));
        assert_eq!(negotiate("x-gzip", BOTH), Some(Encoding::Gzip));
        // Only the copies that exist are offered.
        assert_eq!(negotiate("gzip, br", &[Encoding::Gzip]), Some(Encoding::Gzip));
        assert_eq!(negotiate("br", &[Encoding::Gzip]), None);
    }

    #[test]
    fn no_header_or_identity_gets_the_file_as_it_is() {
        assert_eq!(negotiate("", BOTH), None);
        assert_eq!(negotiate("identity", BOTH), None);
        assert_eq!(negotiate("deflate", BOTH), None);
    }

    #[test]
    fn qualities_are_honoured() {
        assert_eq!(negotiate("br;q=0, gzip", BOTH), Some(Encoding::Gzip));
        assert_eq!(negotiate("br;q=0.5, gzip;q=0.8", BOTH), Some(Encoding::Gzip));
        assert_eq!(negotiate("BR ; q=1.0, GZIP;q=0.2", BOTH), Some(Encoding::Brotli));
        assert_eq!(negotiate("gzip;q=0, br;q=0", BOTH), None);
        // A wildcard covers what is not named; a named coding keeps its own quality.
        assert_eq!(negotiate("*", BOTH), Some(Encoding::Brotli));
        assert_eq!(negotiate("br;q=0, *", BOTH), Some(Encoding::Gzip));
        assert_eq!(negotiate("*;q=0", BOTH), None);
        // A quality that is not a number is taken as none given.
        assert_eq!(negotiate("gzip;q=high", BOTH), Some(Encoding::Gzip));
    }

    #[test]
    fn copies_decode_to_the_file() {
        let text = "the same figures again and again\n".repeat(50);
        let gz = Encoding::Gzip.encode(text.as_bytes()).expect("gzip");
        let mut back = String::new();
        flate2::read::GzDecoder::new(&gz[..]).read_to_string(&mut back).expect("gunzip");
        assert_eq!(back, text);
        let br = Encoding::Brotli.encode(text.as_bytes()).expect("brotli");
        let mut back = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut back).expect("unbrotli");
        assert_eq!(back, text.as_bytes());
        assert!(br.len() < text.len() / 10 && gz.len() < text.len() / 10);
    }

    #[test]
    fn copies_are_named_after_their_file() {
        assert_eq!(
            Encoding::Brotli.copy_of(Path::new("dist/assets/main-0123456789.js")),
            Path::new("dist/assets/main-0123456789.js.br")
        );
        assert_eq!(Encoding::Gzip.copy_of(Path::new("dist/index.html")), Path::new("dist/index.html.gz"));
        assert!(compressible(Path::new("a.wasm")) && compressible(Path::new("data/story.json")));
        assert!(!compressible(Path::new("a.png")) && !compressible(Path::new("index.html.gz")));
        assert!(is_copy(Path::new("index.html.br")) && !is_copy(Path::new("index.html")));
    }
}
