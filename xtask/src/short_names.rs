//! The engine's import, export and module names cut to a letter or two by wasm-opt, and its glue
//! rewritten to match.
//!
//! wasm-bindgen names each import after its function and a 16-digit hash (`__wbg_fillText_89d3…`),
//! once in the wasm and once in the glue; gzip cannot shrink the hashes. Short names take 1.6 kB off
//! the page's gzipped wasm and a little more off its script.

use std::collections::HashMap;

/// The renaming wasm-opt prints for `--minify-imports-and-exports-and-modules`.
#[derive(Debug, Default)]
pub struct Renaming {
    /// Module, old name, new name.
    imports: Vec<(String, String, String)>,
    exports: HashMap<String, String>,
}

impl Renaming {
    /// Reads wasm-opt's JSON: `{"imports": [[module, name, new], …], "exports": [[name, new], …]}`.
    pub fn parse(json: &str) -> Result<Renaming, String> {
        let v: serde_json::Value = serde_json::from_str(json).map_err(|e| format!("wasm-opt's renaming: {e}"))?;
        let texts = |entry: &serde_json::Value| -> Option<Vec<String>> {
            entry.as_array()?.iter().map(|t| t.as_str().map(str::to_string)).collect()
        };
        let mut out = Renaming::default();
        for entry in v["imports"].as_array().ok_or("wasm-opt's renaming lists no imports")? {
            match texts(entry).as_deref() {
                Some([module, name, new]) => out.imports.push((module.clone(), name.clone(), new.clone())),
                _ => return Err(format!("wasm-opt's renaming has an import entry it should not: {entry}")),
            }
        }
        for entry in v["exports"].as_array().ok_or("wasm-opt's renaming lists no exports")? {
            match texts(entry).as_deref() {
                Some([name, new]) => out.exports.insert(name.clone(), new.clone()),
                _ => return Err(format!("wasm-opt's renaming has an export entry it should not: {entry}")),
            };
        }
        Ok(out)
    }

    /// The glue with the new names: each import's key in the imports object, the module's key, and
    /// every `wasm.<export>`. Anything it expected and did not find is an error, not a broken page.
    pub fn apply(&self, glue: &str, wasm: &[u8]) -> Result<String, String> {
        let module = first_import_module(wasm).ok_or("the renamed wasm has no imports")?;
        let mut out = glue.to_string();
        let mut old_modules: Vec<&str> = self.imports.iter().map(|(m, ..)| m.as_str()).collect();
        old_modules.dedup();
        let [old_module] = old_modules[..] else {
            return Err(format!("the engine imports from {} modules; the glue is written for one", old_modules.len()));
        };
        out = once(&out, &format!("\"{old_module}\": import0"), &format!("\"{module}\": import0"))?;
        for (_, name, new) in &self.imports {
            out = once(&out, &format!("\n        {name}: function("), &format!("\n        {new}: function("))?;
        }
        self.rename_exports(&out)
    }

    fn rename_exports(&self, glue: &str) -> Result<String, String> {
        let ident = |c: char| c.is_ascii_alphanumeric() || c == '_' || c == '$';
        let mut out = String::with_capacity(glue.len());
        let mut rest = glue;
        while let Some(at) = rest.find("wasm.") {
            let (before, after) = rest.split_at(at + "wasm.".len());
            out.push_str(before);
            // `wasm.` that ends another name (`__wbg_wasm.`) is not the exports object.
            if before[..at].chars().next_back().is_some_and(ident) {
                rest = after;
                continue;
            }
            let len = after.find(|c: char| !ident(c)).unwrap_or(after.len());
            // `wasm.` ending a sentence of a doc comment the glue copies is no export either.
            if len == 0 {
                rest = after;
                continue;
            }
            let name = &after[..len];
            let new = self
                .exports
                .get(name)
                .ok_or_else(|| format!("the glue uses `wasm.{name}`, which the wasm does not export"))?;
            out.push_str(new);
            rest = &after[len..];
        }
        out.push_str(rest);
        Ok(out)
    }
}

/// Replaces the one occurrence of `from`; none or several is an error.
fn once(text: &str, from: &str, to: &str) -> Result<String, String> {
    match text.matches(from).count() {
        1 => Ok(text.replacen(from, to, 1)),
        n => Err(format!("the engine's glue has {n} places for `{}`, not one", from.trim())),
    }
}

/// The module name of the wasm's first import (the import section, id 2, of the binary format).
fn first_import_module(wasm: &[u8]) -> Option<String> {
    fn leb(bytes: &[u8], at: &mut usize) -> Option<usize> {
        let (mut value, mut shift) = (0usize, 0);
        loop {
            let b = *bytes.get(*at)?;
            *at += 1;
            value |= usize::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(value);
            }
            shift += 7;
        }
    }
    let mut at = 8; // magic and version
    while at < wasm.len() {
        let id = wasm[at];
        at += 1;
        let size = leb(wasm, &mut at)?;
        if id == 2 {
            let mut i = at;
            if leb(wasm, &mut i)? == 0 {
                return None;
            }
            let len = leb(wasm, &mut i)?;
            return String::from_utf8(wasm.get(i..i + len)?.to_vec()).ok();
        }
        at += size;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    const GLUE: &str = "function f(id) {\n    wasm.story_draw(wasm.memory, id);\n    __wbg_init.__wbindgen_wasm_module = 1;\n}\nfunction __wbg_get_imports() {\n    const import0 = {\n        __proto__: null,\n        __wbg_fillText_89d353a9ad9f4a1a: function(arg0) {\n            arg0.fillText();\n        },\n    };\n    return {\n        __proto__: null,\n        \"./datastory_bg.js\": import0,\n    };\n}\n";
    const RENAMING: &str = r#"{"imports": [["./datastory_bg.js", "__wbg_fillText_89d353a9ad9f4a1a", "A"]], "exports": [["story_draw", "ca"], ["memory", "Z"]]}"#;
    /// A wasm header and an import section with one import, `a`.`A`, of function type 0.
    const WASM: &[u8] = &[0, b'a', b's', b'm', 1, 0, 0, 0, 2, 7, 1, 1, b'a', 1, b'A', 0, 0];

    #[test]
    fn the_glue_takes_the_short_names() {
        let glue = Renaming::parse(RENAMING).and_then(|r| r.apply(GLUE, WASM)).expect("renamed");
        assert!(glue.contains("wasm.ca(wasm.Z, id)"), "{glue}");
        assert!(glue.contains("\n        A: function(arg0)"), "{glue}");
        assert!(glue.contains("\"a\": import0"), "{glue}");
        assert!(glue.contains("__wbg_init.__wbindgen_wasm_module = 1"), "a name ending in wasm. is left: {glue}");
        // A doc comment copied into the glue may end a sentence with "wasm.".
        let commented = GLUE.replace("function f(id) {", "/** In the page's wasm.\n */\nfunction f(id) {");
        let glue = Renaming::parse(RENAMING).and_then(|r| r.apply(&commented, WASM)).expect("renamed");
        assert!(glue.contains("In the page's wasm.\n") && glue.contains("wasm.ca(wasm.Z, id)"), "{glue}");
        assert!(!glue.contains("89d353a9ad9f4a1a"));
    }

    #[test]
    fn a_name_the_wasm_does_not_export_is_an_error() {
        let r = Renaming::parse(RENAMING).expect("parsed");
        let e = r.apply(&GLUE.replace("wasm.memory", "wasm.gone"), WASM).expect_err("renamed a missing export");
        assert!(e.contains("wasm.gone"), "{e}");
        let e =
            r.apply(&GLUE.replace("__wbg_fillText_89d353a9ad9f4a1a", "__wbg_other"), WASM).expect_err("lost an import");
        assert!(e.contains("__wbg_fillText"), "{e}");
    }
}
