//! JSON text to a tree of values, and typed reads from that tree that name the path of anything wrong.
//!
//! The page reads datasets and maps with this instead of serde's derived readers: those cost about
//! 20 kB of the page's 100 kB budget (gzipped) and a call into JavaScript per field; this costs a few.

use super::{excerpt, DataError};
use crate::host;

/// One JSON value. Objects keep their keys in file order, duplicates included, so reads can refuse them.
#[derive(Debug, Clone, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(String, Json)>),
}

impl From<&str> for Json {
    fn from(s: &str) -> Json {
        Json::Str(s.to_string())
    }
}

impl From<&String> for Json {
    fn from(s: &String) -> Json {
        Json::Str(s.clone())
    }
}

impl<T: Into<Json>> From<Option<T>> for Json {
    fn from(v: Option<T>) -> Json {
        v.map_or(Json::Null, Into::into)
    }
}

/// An object from its fields in order: what the engine hands the page's script. A slice, not an
/// array by value: one instance for objects of every size (by value, each size would be a copy of
/// this in the wasm), for the price of copying a few short texts.
pub fn object(fields: &[(&str, Json)]) -> Json {
    Json::Obj(fields.iter().map(|(k, v)| ((*k).to_string(), v.clone())).collect())
}

/// Deeper nesting than any dataset needs; refusing it keeps hostile input from exhausting the stack.
const MAX_DEPTH: usize = 64;

/// Parses `text` as one JSON value; a syntax error says what is wrong and at which line and column.
pub fn parse(text: &str) -> Result<Json, DataError> {
    let mut p = Parser { text, at: 0 };
    p.space();
    let value = p.value(0)?;
    p.space();
    if p.at < text.len() {
        return Err(p.fail("more text after the end of the data"));
    }
    Ok(value)
}

struct Parser<'t> {
    text: &'t str,
    at: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    /// The text from `at` on. `at` only ever stops on a character's boundary; `get` says so without
    /// bringing in the standard library's panic message for a slice that does not.
    fn rest(&self) -> &str {
        self.text.get(self.at..).unwrap_or_default()
    }

    fn space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    fn fail(&self, what: &str) -> DataError {
        let before = self.text.get(..self.at).unwrap_or(self.text);
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, super::char_count) + 1;
        let what = if self.at >= self.text.len() { "the data ends too early (a cut-off file?)" } else { what };
        DataError {
            path: String::new(),
            message: format!("not valid JSON: {what} at line {line} column {column}; fix the syntax at that place"),
        }
    }

    fn eat(&mut self, byte: u8, what: &str) -> Result<(), DataError> {
        self.space();
        if self.peek() == Some(byte) {
            self.at += 1;
            Ok(())
        } else {
            Err(self.fail(what))
        }
    }

    /// Steps over a list's or object's opening bracket; true when `close` follows at once (it is empty).
    fn open(&mut self, close: u8) -> bool {
        self.at += 1;
        self.space();
        let empty = self.peek() == Some(close);
        if empty {
            self.at += 1;
        }
        empty
    }

    /// After an item: true at `close` (the end), false at a comma (another item follows).
    fn closed(&mut self, close: u8, what: &str) -> Result<bool, DataError> {
        self.space();
        match self.peek() {
            Some(b',') => {
                self.at += 1;
                Ok(false)
            }
            Some(c) if c == close => {
                self.at += 1;
                Ok(true)
            }
            _ => Err(self.fail(what)),
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, DataError> {
        if depth > MAX_DEPTH {
            return Err(self.fail("lists and objects nested too deeply"));
        }
        self.space();
        // The first byte says what comes: one look, not a comparison per kind of value.
        match self.peek() {
            Some(b'n') => self.word("null", Json::Null),
            Some(b't') => self.word("true", Json::Bool(true)),
            Some(b'f') => self.word("false", Json::Bool(false)),
            Some(b'"') => self.string().map(Json::Str),
            Some(b'[') => {
                let mut items = Vec::new();
                if !self.open(b']') {
                    loop {
                        items.push(self.value(depth + 1)?);
                        if self.closed(b']', "expected `,` or `]`")? {
                            break;
                        }
                    }
                }
                Ok(Json::Arr(items))
            }
            Some(b'{') => {
                let mut fields = Vec::new();
                if !self.open(b'}') {
                    loop {
                        self.space();
                        if self.peek() != Some(b'"') {
                            return Err(self.fail("expected a key in double quotes"));
                        }
                        let key = self.string()?;
                        self.eat(b':', "expected `:` after the key")?;
                        fields.push((key, self.value(depth + 1)?));
                        if self.closed(b'}', "expected `,` or `}`")? {
                            break;
                        }
                    }
                }
                Ok(Json::Obj(fields))
            }
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => Err(self.fail("expected a value")),
        }
    }

    fn word(&mut self, word: &str, value: Json) -> Result<Json, DataError> {
        if self.rest().starts_with(word) {
            self.at += word.len();
            Ok(value)
        } else {
            Err(self.fail("expected a value"))
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }

    fn number(&mut self) -> Result<Json, DataError> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let int_start = self.at;
        let int = self.digits();
        if int == 0 || (int > 1 && self.text.as_bytes()[int_start] == b'0') {
            self.at = int_start;
            return Err(self.fail("a number must start with a digit, and not with 0 unless it is 0"));
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return Err(self.fail("expected digits after the decimal point"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return Err(self.fail("expected digits in the exponent"));
            }
        }
        let n = number_value(self.text.get(start..self.at).unwrap_or_default());
        if n.is_finite() {
            Ok(Json::Num(n))
        } else {
            self.at = start;
            Err(self.fail("number out of range (beyond a 64-bit float; write a finite number)"))
        }
    }

    fn string(&mut self) -> Result<String, DataError> {
        self.at += 1;
        let mut out = String::new();
        loop {
            // Byte by byte: a quote, a backslash and a control character are ASCII, never part of
            // a longer UTF-8 sequence, so the run between them is whole characters.
            let start = self.at;
            while matches!(self.peek(), Some(b) if b != b'"' && b != b'\\' && b >= b' ') {
                self.at += 1;
            }
            out.push_str(self.text.get(start..self.at).unwrap_or_default());
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let c = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => self.unicode()?,
                        _ => return Err(self.fail("an unknown escape after `\\`")),
                    };
                    self.at += 1;
                    out.push(c);
                }
                Some(_) => {
                    return Err(self.fail("a control character (a line break?) inside a string; write it as \\n"))
                }
                None => return Err(self.fail("a string without its closing quote")),
            }
        }
    }

    /// `\uXXXX`, or a pair of them for a character beyond the first 65,536; leaves `at` on the last digit.
    fn unicode(&mut self) -> Result<char, DataError> {
        let hex = |p: &Self, from: usize| {
            p.text
                .get(from..from + 4)
                .and_then(|h| u32::from_str_radix(h, 16).ok().filter(|_| h.bytes().all(|b| b.is_ascii_hexdigit())))
        };
        let first = hex(self, self.at + 1).ok_or_else(|| self.fail("`\\u` must be followed by four hex digits"))?;
        self.at += 4;
        let code = if (0xD800..0xDC00).contains(&first) {
            let low =
                self.text.get(self.at + 1..).filter(|r| r.starts_with("\\u")).and_then(|_| hex(self, self.at + 3));
            match low {
                Some(low @ 0xDC00..0xE000) => {
                    self.at += 6;
                    0x10000 + ((first - 0xD800) << 10) + (low - 0xDC00)
                }
                _ => return Err(self.fail("a lone surrogate `\\u` escape; give the pair")),
            }
        } else {
            first
        };
        char::from_u32(code).ok_or_else(|| self.fail("a lone surrogate `\\u` escape; give the pair"))
    }
}

/// The number a JSON number's text stands for, correctly rounded. Most numbers in a dataset or a map
/// (up to 15 digits, exponents within ±22) are exact integers scaled by an exact power of ten, so one
/// multiplication or division rounds them right (Clinger's fast path); the rest go to the host's
/// parser, which in the page is a call into JavaScript: too slow for a map's thousands of numbers.
fn number_value(text: &str) -> f64 {
    const POW10: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ];
    // One pass over the bytes (the parser has checked the form): a series' file holds a million
    // numbers, and splitting each at its point and exponent took longer than the rest of reading.
    let bytes = text.as_bytes();
    let negative = bytes.first() == Some(&b'-');
    let (mut mantissa, mut digits, mut decimals, mut point) = (0u64, 0u32, 0i32, false);
    let mut rest = bytes.get(usize::from(negative)..).unwrap_or_default();
    while let [b, tail @ ..] = rest {
        match b {
            b'0'..=b'9' => {
                // Past 19 digits the fast path is not taken: the sum only must not overflow.
                mantissa = mantissa.wrapping_mul(10).wrapping_add(u64::from(b - b'0'));
                digits += 1;
                decimals += i32::from(point);
            }
            b'.' => point = true,
            _ => break,
        }
        rest = tail;
    }
    let exponent = match rest {
        [b'e' | b'E', sign @ (b'-' | b'+'), e @ ..] => e_value(e).map(|e| if *sign == b'-' { -e } else { e }),
        [b'e' | b'E', e @ ..] => e_value(e),
        _ => Some(0),
    };
    match exponent.map(|e| e - decimals) {
        Some(e) if digits <= 15 && e.unsigned_abs() < POW10.len() as u32 => {
            let m = mantissa as f64;
            let v = if e < 0 { m / POW10[e.unsigned_abs() as usize] } else { m * POW10[e as usize] };
            if negative {
                -v
            } else {
                v
            }
        }
        _ => host::parse_number(text),
    }
}

/// An exponent's digits as a number, `None` past six of them (the host's parser takes those).
fn e_value(digits: &[u8]) -> Option<i32> {
    (digits.len() <= 6).then(|| digits.iter().fold(0, |e, b| e * 10 + i32::from(b.wrapping_sub(b'0'))))
}

/// Why a read failed, boxed: a read passes its failure up through every field and list it is in,
/// and a box is one word to pass where the message itself is six (a copy at each step, in the
/// page's wasm).
pub type Fail = Box<DataError>;

/// Where a value sits in the file, built on the stack as reads descend and written out only for a message.
#[derive(Debug, Clone, Copy)]
pub enum Path<'a> {
    Root,
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    /// `figures[3].value`; empty for the whole file.
    pub fn render(&self) -> String {
        match self {
            Path::Root => String::new(),
            Path::Key(Path::Root, key) => (*key).to_string(),
            Path::Key(parent, key) => format!("{}.{key}", parent.render()),
            Path::Index(parent, i) => format!("{}[{i}]", parent.render()),
        }
    }

    pub fn error(&self, message: String) -> Fail {
        Box::new(DataError { path: self.render(), message })
    }
}

/// A value that can be read from JSON, with a message naming its path when the value does not fit.
pub trait Read: Sized {
    fn read(v: &Json, at: Path) -> Result<Self, Fail>;
}

/// What a reader was handed, for "invalid type" messages: `string "5.23 million"`, `number 5`.
pub(super) fn found(v: &Json) -> String {
    match v {
        Json::Null => "null".to_string(),
        Json::Bool(b) => format!("boolean `{b}`"),
        Json::Num(n) => format!("number `{}`", host::number_text(*n)),
        Json::Str(s) => format!("string \"{}\"", excerpt(s, 40)),
        Json::Arr(_) => "a list".to_string(),
        Json::Obj(_) => "an object".to_string(),
    }
}

// Boxed here, once, rather than at each of its callers (see `Fail`).
#[allow(clippy::unnecessary_box_returns)]
fn invalid(v: &Json, at: Path, expected: &str) -> Fail {
    at.error(format!("invalid type: {}, expected {expected}; change the value to the expected type", found(v)))
}

impl Read for String {
    fn read(v: &Json, at: Path) -> Result<Self, Fail> {
        match v {
            Json::Str(s) => Ok(s.clone()),
            _ => Err(invalid(v, at, "a string")),
        }
    }
}

impl Read for f64 {
    fn read(v: &Json, at: Path) -> Result<Self, Fail> {
        match v {
            Json::Num(n) => Ok(*n),
            _ => Err(invalid(v, at, "a number")),
        }
    }
}

impl Read for bool {
    fn read(v: &Json, at: Path) -> Result<Self, Fail> {
        match v {
            Json::Bool(b) => Ok(*b),
            _ => Err(invalid(v, at, "true or false")),
        }
    }
}

impl<T: Read> Read for Option<T> {
    fn read(v: &Json, at: Path) -> Result<Self, Fail> {
        match v {
            Json::Null => Ok(None),
            _ => T::read(v, at).map(Some),
        }
    }
}

impl<T: Read> Read for Vec<T> {
    fn read(v: &Json, at: Path) -> Result<Self, Fail> {
        match v {
            // A loop, not `collect::<Result<_, _>>()`: the adapter chain that collect builds is
            // instantiated once per element type, about 1 kB of raw wasm each.
            Json::Arr(items) => {
                let mut read = Vec::with_capacity(items.len());
                for (i, item) in items.iter().enumerate() {
                    read.push(T::read(item, Path::Index(&at, i))?);
                }
                Ok(read)
            }
            _ => Err(invalid(v, at, "a list")),
        }
    }
}

impl Read for [String; 2] {
    fn read(v: &Json, at: Path) -> Result<Self, Fail> {
        match v {
            Json::Arr(items) if items.len() == 2 => {
                Ok([String::read(&items[0], Path::Index(&at, 0))?, String::read(&items[1], Path::Index(&at, 1))?])
            }
            Json::Arr(items) => Err(at.error(format!("invalid length {}, expected a list of two texts", items.len()))),
            _ => Err(invalid(v, at, "a list of two texts")),
        }
    }
}

impl<T: Read> Read for super::table::Table<T> {
    fn read(v: &Json, at: Path) -> Result<Self, Fail> {
        let Json::Obj(fields) = v else {
            return Err(invalid(v, at, "an object"));
        };
        let mut entries = Vec::with_capacity(fields.len());
        for (key, value) in fields {
            entries.push((key.clone(), T::read(value, Path::Key(&at, key))?));
        }
        Self::from_entries(entries).map_err(|i| at.error(format!("duplicate key `{}`; keep one of them", fields[i].0)))
    }
}

/// "`a`, `b`, `c`": the names a message offers to choose from.
fn listed<'n>(names: impl Iterator<Item = &'n str>) -> String {
    names.map(|n| format!("`{n}`")).collect::<Vec<_>>().join(", ")
}

/// Reads one of `words` (an enum's JSON spellings), or says which words there are.
pub fn word<T: Copy>(v: &Json, at: Path, words: &[(&str, T)]) -> Result<T, Fail> {
    let Json::Str(s) = v else {
        return Err(invalid(v, at, "one of the listed words"));
    };
    words.iter().find(|(w, _)| w == s).map(|(_, t)| *t).ok_or_else(|| {
        at.error(format!(
            "unknown variant `{}`, expected one of {}; use one of the listed values",
            excerpt(s, 40),
            listed(words.iter().map(|(w, _)| *w))
        ))
    })
}

/// An object's fields, checked against the names a type knows: no unknown and no repeated field.
#[derive(Debug)]
pub struct Fields<'a> {
    fields: &'a [(String, Json)],
    pub at: Path<'a>,
}

impl<'a> Fields<'a> {
    pub fn of(v: &'a Json, at: Path<'a>, known: &[&str]) -> Result<Self, Fail> {
        let Json::Obj(fields) = v else {
            return Err(invalid(v, at, "an object"));
        };
        for (i, (key, _)) in fields.iter().enumerate() {
            if !known.contains(&key.as_str()) {
                return Err(Path::Key(&at, key).error(format!(
                    "unknown field `{}`, expected one of {}; remove it or check its spelling",
                    excerpt(key, 40),
                    listed(known.iter().copied())
                )));
            }
            if fields[..i].iter().any(|(k, _)| k == key) {
                return Err(at.error(format!("duplicate field `{key}`; keep one of them")));
            }
        }
        Ok(Fields { fields, at })
    }

    pub fn get(&self, key: &str) -> Option<&'a Json> {
        self.fields.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    /// A field that must be there.
    pub fn req<T: Read>(&self, key: &'a str) -> Result<T, Fail> {
        match self.get(key) {
            Some(v) => T::read(v, Path::Key(&self.at, key)),
            None => Err(self
                .at
                .error(format!("missing field `{key}`; add the field (see the dataset format in the README)"))),
        }
    }

    /// A field that may be left out or be `null`.
    pub fn opt<T: Read>(&self, key: &'a str) -> Result<Option<T>, Fail> {
        self.get(key).map_or(Ok(None), |v| Option::<T>::read(v, Path::Key(&self.at, key)))
    }

    /// A field that may be left out, read as its empty value then.
    pub fn or_default<T: Read + Default>(&self, key: &'a str) -> Result<T, Fail> {
        self.opt(key).map(Option::unwrap_or_default)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_kind_of_value_and_escape() {
        let v = parse(r#" {"a": [1, -2.5e3, true, false, null], "b": "x\"\\\/\b\f\n\r\t\u00e9\ud83d\ude00"} "#)
            .expect("valid");
        assert_eq!(
            v,
            Json::Obj(vec![
                (
                    "a".into(),
                    Json::Arr(vec![
                        Json::Num(1.0),
                        Json::Num(-2500.0),
                        Json::Bool(true),
                        Json::Bool(false),
                        Json::Null
                    ])
                ),
                ("b".into(), Json::Str("x\"\\/\u{8}\u{c}\n\r\té😀".into())),
            ])
        );
        assert_eq!(parse("[]"), Ok(Json::Arr(vec![])));
        assert_eq!(parse("{}"), Ok(Json::Obj(vec![])));
        assert_eq!(parse("\"中文\""), Ok(Json::Str("中文".into())));
    }

    #[test]
    fn refuses_what_json_does_not_allow_with_line_and_column() {
        for (text, says) in [
            ("{\"a\": 1,}", "expected a key"),
            ("[1 2]", "expected `,` or `]`"),
            ("{\"a\" 1}", "expected `:`"),
            ("01", "not with 0"),
            ("[1.]", "after the decimal point"),
            ("[1e]", "in the exponent"),
            ("NaN", "expected a value"),
            ("\"a\nb\"", "control character"),
            ("\"\\x\"", "unknown escape"),
            ("\"\\ud800\"", "lone surrogate"),
            ("{\"a\": 1} x", "more text"),
            ("{\"a\": [1, 2", "ends too early"),
            ("1e999", "number out of range"),
            ("", "ends too early"),
        ] {
            let e = parse(text).expect_err(text).message;
            assert!(e.starts_with("not valid JSON") && e.contains(says) && e.contains("line 1 column"), "{text}: {e}");
        }
        let e = parse("{\n  \"a\": tru\n}").expect_err("bad literal").message;
        assert!(e.contains("line 2 column 8"), "{e}");
    }

    #[test]
    fn numbers_read_exactly_as_the_standard_parser_reads_them() {
        for text in [
            "0",
            "-0",
            "1",
            "-2.5",
            "131.25",
            "43.47",
            "5230000",
            "0.1",
            "0.3",
            "6.3",
            "1e3",
            "1E-3",
            "2.5e-7",
            "123456789012345",
            "1234567890123456789",
            "0.000001",
            "1e22",
            "1e23",
            "9007199254740993",
            "4.9e-324",
            "1.7976931348623157e308",
            "3.14159265358979323846",
            "1e-22",
            "12.3456e10",
            "1e+3",
            "-1.5E+2",
            "7e-0",
            "1e0000001",
            "25e-1234567",
            "0.0000000000000000000001",
            "-99999999999999999999.5",
        ] {
            let ours = number_value(text);
            let std: f64 = text.parse().expect("a number");
            assert_eq!(ours.to_bits(), std.to_bits(), "{text}");
        }
    }

    #[test]
    fn deep_nesting_is_refused_not_a_stack_overflow() {
        let e = parse(&"[".repeat(100_000)).expect_err("too deep").message;
        assert!(e.contains("nested too deeply"), "{e}");
    }

    #[test]
    fn reads_name_the_path_and_what_was_found() {
        let v = parse(r#"{"figures": [{"id": "a"}, {"id": 5}]}"#).expect("valid");
        let top = Fields::of(&v, Path::Root, &["figures"]).expect("object");
        let Json::Arr(items) = top.get("figures").expect("there") else { panic!("not a list") };
        let at = Path::Key(&Path::Root, "figures");
        let e = Fields::of(&items[1], Path::Index(&at, 1), &["id"])
            .and_then(|f| f.req::<String>("id"))
            .expect_err("a number");
        assert_eq!(e.path, "figures[1].id");
        assert!(e.message.contains("invalid type: number `5`, expected a string"), "{}", e.message);
        let e = Fields::of(&v, Path::Root, &["charts"]).expect_err("unknown");
        assert!(e.message.starts_with("unknown field `figures`, expected one of `charts`"), "{}", e.message);
        let e = Fields::of(&parse(r#"{"a": 1, "a": 2}"#).expect("valid"), Path::Root, &["a"]).expect_err("twice");
        assert!(e.message.contains("duplicate field `a`"), "{}", e.message);
    }
}
