//! A small JSON reader and a serde `Deserializer` over its values that names the path of any error.
//!
//! Why not `serde_json` with `serde_path_to_error` (or `serde-wasm-bindgen`) in the browser: each wraps
//! every derived visitor in generic code of its own, which made up a third of the wasm. Here the
//! derived visitors are instantiated once, for this deserializer, and the path of an error
//! (`figures[2].qualifier`) is added on the way out, segment by segment.

use std::fmt;

use serde::de::value::BorrowedStrDeserializer;
use serde::de::{self, DeserializeSeed, Unexpected, Visitor};

/// A parsed JSON value; object members keep their order (and duplicates, which serde refuses).
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Value>),
    Object(Vec<(String, Value)>),
}

/// Deeper nesting than this is refused rather than risking the stack: no dataset comes near it.
const MAX_DEPTH: usize = 128;

/// Parses JSON text. The message names the line and column of the first error.
pub fn parse(text: &str) -> Result<Value, String> {
    let mut p = Parser { text, pos: 0 };
    p.skip_ws();
    let v = p.value(0)?;
    p.skip_ws();
    if p.pos < text.len() {
        return Err(p.error("trailing characters"));
    }
    Ok(v)
}

struct Parser<'a> {
    text: &'a str,
    pos: usize,
}

impl Parser<'_> {
    fn error(&self, what: &str) -> String {
        let before = &self.text[..self.pos.min(self.text.len())];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
        format!("{what} at line {line} column {column}")
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    fn eat(&mut self, byte: u8) -> bool {
        if self.peek() == Some(byte) {
            self.pos += 1;
            true
        } else {
            false
        }
    }

    fn literal(&mut self, word: &str, v: Value) -> Result<Value, String> {
        if self.text[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(v)
        } else {
            Err(self.error("expected value"))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Value, String> {
        if depth > MAX_DEPTH {
            return Err(self.error("nested too deeply"));
        }
        match self.peek() {
            Some(b'{') => self.object(depth),
            Some(b'[') => self.array(depth),
            Some(b'"') => self.string().map(Value::String),
            Some(b't') => self.literal("true", Value::Bool(true)),
            Some(b'f') => self.literal("false", Value::Bool(false)),
            Some(b'n') => self.literal("null", Value::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error("expected value")),
            None => Err(self.error("EOF while parsing a value")),
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, String> {
        self.pos += 1;
        let mut members = Vec::new();
        self.skip_ws();
        if self.eat(b'}') {
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_ws();
            if self.peek() != Some(b'"') {
                return Err(self.error("expected a key in double quotes"));
            }
            let key = self.string()?;
            self.skip_ws();
            if !self.eat(b':') {
                return Err(self.error("expected `:`"));
            }
            self.skip_ws();
            members.push((key, self.value(depth + 1)?));
            self.skip_ws();
            if self.eat(b'}') {
                return Ok(Value::Object(members));
            }
            if !self.eat(b',') {
                return Err(self.error("expected `,` or `}`"));
            }
        }
    }

    fn array(&mut self, depth: usize) -> Result<Value, String> {
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.eat(b']') {
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_ws();
            items.push(self.value(depth + 1)?);
            self.skip_ws();
            if self.eat(b']') {
                return Ok(Value::Array(items));
            }
            if !self.eat(b',') {
                return Err(self.error("expected `,` or `]`"));
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let digits = self.text.get(self.pos..self.pos + 4).filter(|d| d.bytes().all(|b| b.is_ascii_hexdigit()));
        let code = digits.and_then(|d| u32::from_str_radix(d, 16).ok()).ok_or_else(|| self.error("invalid escape"))?;
        self.pos += 4;
        Ok(code)
    }

    fn string(&mut self) -> Result<String, String> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            // Copy the run up to the next quote, backslash or control character in one go.
            let rest = &self.text[self.pos..];
            let run = rest.find(|c: char| c == '"' || c == '\\' || c < ' ').unwrap_or(rest.len());
            out.push_str(&rest[..run]);
            self.pos += run;
            match self.peek() {
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    let c = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.pos += 1;
                            let mut code = self.hex4()?;
                            if (0xd800..0xdc00).contains(&code) && self.text[self.pos..].starts_with("\\u") {
                                self.pos += 2;
                                let low = self.hex4()?;
                                if !(0xdc00..0xe000).contains(&low) {
                                    return Err(self.error("unpaired surrogate"));
                                }
                                code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
                            }
                            out.push(char::from_u32(code).ok_or_else(|| self.error("unpaired surrogate"))?);
                            continue;
                        }
                        _ => return Err(self.error("invalid escape")),
                    };
                    out.push(c);
                    self.pos += 1;
                }
                Some(_) => return Err(self.error("control character in a string")),
                None => return Err(self.error("EOF while parsing a string")),
            }
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        self.pos - start
    }

    fn number(&mut self) -> Result<Value, String> {
        let start = self.pos;
        self.eat(b'-');
        let int_start = self.pos;
        let int = self.digits();
        if int == 0 || (int > 1 && self.text.as_bytes()[int_start] == b'0') {
            return Err(self.error("invalid number"));
        }
        if self.eat(b'.') && self.digits() == 0 {
            return Err(self.error("invalid number"));
        }
        if self.eat(b'e') || self.eat(b'E') {
            let _ = self.eat(b'+') || self.eat(b'-');
            if self.digits() == 0 {
                return Err(self.error("invalid number"));
            }
        }
        match number(&self.text[start..self.pos]) {
            Some(n) if n.is_finite() => Ok(Value::Number(n)),
            _ => {
                self.pos = start;
                Err(self.error("number out of range"))
            }
        }
    }
}

/// The f64 nearest a JSON number. Most numbers in data (up to 15 digits, exponents within ±22)
/// take Clinger's fast path, which is exact: both factors are exact doubles, so the one product or
/// quotient is correctly rounded. The rest go to the platform's parser: the browser's in the
/// wasm, which spares it the 14 kB of tables and code of Rust's own.
fn number(literal: &str) -> Option<f64> {
    const POW10: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22,
    ];
    let (negative, rest) = literal.strip_prefix('-').map_or((false, literal), |r| (true, r));
    let (digits, exp) = match rest.find(['e', 'E']) {
        Some(i) => match rest[i + 1..].parse::<i32>() {
            Ok(e) => (&rest[..i], e),
            Err(_) => return Some(platform_number(literal)),
        },
        None => (rest, 0),
    };
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let mut mantissa: u64 = 0;
    for b in int.bytes().chain(frac.bytes()) {
        mantissa = mantissa.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
        if mantissa > 1 << 53 {
            return Some(platform_number(literal));
        }
    }
    let exp10 = i64::from(exp) - frac.len() as i64;
    let m = mantissa as f64;
    let n = match usize::try_from(exp10.unsigned_abs()).ok().and_then(|e| POW10.get(e)) {
        Some(p) if exp10 >= 0 => m * p,
        Some(p) => m / p,
        None if mantissa == 0 => 0.0,
        None => return Some(platform_number(literal)),
    };
    Some(if negative { -n } else { n })
}

#[cfg(target_arch = "wasm32")]
fn platform_number(literal: &str) -> f64 {
    js_sys::parse_float(literal)
}

#[cfg(not(target_arch = "wasm32"))]
fn platform_number(literal: &str) -> f64 {
    // Every JSON number is valid Rust float syntax; NaN would only be reported as out of range.
    literal.parse().unwrap_or(f64::NAN)
}

/// One step of a path: a member's key or an array's index.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Key(String),
    Index(usize),
}

/// A serde error and where in the document it happened.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    /// Innermost segment first: segments are added as the error travels outwards.
    path: Vec<Segment>,
    message: String,
}

impl Error {
    fn at(mut self, segment: Segment) -> Error {
        self.path.push(segment);
        self
    }

    /// The path as `figures[2].qualifier`; `.` for the whole document.
    pub fn path(&self) -> String {
        let mut out = String::new();
        for s in self.path.iter().rev() {
            match s {
                Segment::Key(k) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(k);
                }
                Segment::Index(i) => {
                    out.push('[');
                    out.push_str(&i.to_string());
                    out.push(']');
                }
            }
        }
        if out.is_empty() {
            out.push('.');
        }
        out
    }

    /// serde's words for what was wrong, without the path.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "at `{}`: {}", self.path(), self.message)
    }
}

impl std::error::Error for Error {}

impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error { path: Vec::new(), message: msg.to_string() }
    }
}

/// Reads a `T` out of a parsed value.
pub fn from_value<'de, T: de::Deserialize<'de>>(v: &'de Value) -> Result<T, Error> {
    T::deserialize(Deserializer(v))
}

/// Deserializes from one value of the tree.
#[derive(Debug, Clone, Copy)]
pub struct Deserializer<'de>(pub &'de Value);

impl Deserializer<'_> {
    /// serde's "invalid type" error. Not generic, so each visitor's error path is one call.
    fn invalid(self, expected: &dyn de::Expected) -> Error {
        let unexpected = match self.0 {
            Value::Null => Unexpected::Unit,
            Value::Bool(b) => Unexpected::Bool(*b),
            Value::Number(n) => Unexpected::Float(*n),
            Value::String(s) => Unexpected::Str(s),
            Value::Array(_) => Unexpected::Seq,
            Value::Object(_) => Unexpected::Map,
        };
        de::Error::invalid_type(unexpected, expected)
    }

    /// A whole number that fits a u64, as `serde_json` hands integers over.
    fn whole(self) -> Option<u64> {
        match self.0 {
            Value::Number(n) if n.fract() == 0.0 && *n >= 0.0 && *n < 18_446_744_073_709_551_616.0 => Some(*n as u64),
            _ => None,
        }
    }
}

/// Every method asks for one kind of value and calls only the matching visitor method: a
/// `deserialize_any` that could call each of them would be instantiated with all of them for
/// every type read, and that made this module bigger than what it replaced.
impl<'de> de::Deserializer<'de> for Deserializer<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => match self.whole() {
                Some(u) => visitor.visit_u64(u),
                None => visitor.visit_f64(*n),
            },
            Value::String(_) => self.deserialize_str(visitor),
            Value::Array(_) => self.deserialize_seq(visitor),
            Value::Object(_) => self.deserialize_map(visitor),
        }
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Bool(b) => visitor.visit_bool(*b),
            _ => Err(self.invalid(&visitor)),
        }
    }

    fn deserialize_f64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Number(n) => visitor.visit_f64(*n),
            _ => Err(self.invalid(&visitor)),
        }
    }

    fn deserialize_f32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_f64(visitor)
    }

    fn deserialize_u64<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.whole() {
            Some(u) => visitor.visit_u64(u),
            None => Err(self.invalid(&visitor)),
        }
    }

    fn deserialize_u32<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_u16<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_u8<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_u64(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::String(s) => visitor.visit_borrowed_str(s),
            _ => Err(self.invalid(&visitor)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_str(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        let Value::Array(items) = self.0 else { return Err(self.invalid(&visitor)) };
        let mut seq = Seq { items: items.iter(), index: 0 };
        let v = visitor.visit_seq(&mut seq)?;
        if seq.items.len() == 0 {
            Ok(v)
        } else {
            Err(de::Error::invalid_length(items.len(), &"fewer elements in the array"))
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value, Error> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Object(members) => visitor.visit_map(Map { members: members.iter(), value: None }),
            _ => Err(self.invalid(&visitor)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        self.deserialize_map(visitor)
    }

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        name: &'static str,
        variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value, Error> {
        // The dataset's enums are all unit variants written as strings.
        match self.0 {
            Value::String(s) => BorrowedStrDeserializer::new(s).deserialize_enum(name, variants, visitor),
            _ => Err(self.invalid(&visitor)),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, Error> {
        visitor.visit_unit()
    }

    serde::forward_to_deserialize_any! {
        i8 i16 i32 i64 i128 u128 char bytes byte_buf unit unit_struct tuple_struct
    }
}

struct Seq<'de> {
    items: std::slice::Iter<'de, Value>,
    index: usize,
}

impl<'de> de::SeqAccess<'de> for Seq<'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>, Error> {
        let Some(v) = self.items.next() else { return Ok(None) };
        let i = self.index;
        self.index += 1;
        seed.deserialize(Deserializer(v)).map(Some).map_err(|e| e.at(Segment::Index(i)))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

struct Map<'de> {
    members: std::slice::Iter<'de, (String, Value)>,
    value: Option<&'de (String, Value)>,
}

impl<'de> de::MapAccess<'de> for Map<'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>, Error> {
        let Some(member) = self.members.next() else { return Ok(None) };
        self.value = Some(member);
        let key = BorrowedStrDeserializer::<Error>::new(member.0.as_str());
        seed.deserialize(key).map(Some).map_err(|e| e.at(Segment::Key(member.0.clone())))
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, Error> {
        let (key, v) = self.value.take().ok_or_else(|| de::Error::custom("a value was read before its key"))?;
        seed.deserialize(Deserializer(v)).map_err(|e| e.at(Segment::Key(key.clone())))
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.members.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_every_kind_of_value() {
        let v = parse(r#" {"a": [1, -2.5e1, true, false, null], "b": "x\"\u00e9\ud83d\ude00\n"} "#).expect("valid");
        let expected = Value::Object(vec![
            (
                "a".into(),
                Value::Array(vec![
                    Value::Number(1.0),
                    Value::Number(-25.0),
                    Value::Bool(true),
                    Value::Bool(false),
                    Value::Null,
                ]),
            ),
            ("b".into(), Value::String("x\"é😀\n".into())),
        ]);
        assert_eq!(v, expected);
    }

    #[test]
    fn refuses_what_json_does_not_allow() {
        for bad in ["", "{", "[1,]", "{\"a\" 1}", "01", "1.", "-", "\"\t\"", "nul", "1 2", "{'a': 1}", "\"\\x\"", "1e"]
        {
            assert!(parse(bad).is_err(), "accepted {bad:?}");
        }
        assert!(parse("1e400").is_err_and(|e| e.contains("number out of range")));
        assert!(parse("\n  [1, x]").is_err_and(|e| e.contains("line 2 column 7")), "{:?}", parse("\n  [1, x]"));
        let deep = "[".repeat(MAX_DEPTH + 2);
        assert!(parse(&deep).is_err_and(|e| e.contains("nested too deeply")));
    }

    #[test]
    fn numbers_read_as_the_nearest_double() {
        let cases = [
            "0",
            "-0",
            "1",
            "6.3",
            "5.7",
            "-25.5",
            "0.1",
            "123.45",
            "1.23e9",
            "5230000",
            "80000000000",
            "45.12",
            "126.97",
            "1e22",
            "1e23",
            "9007199254740993",
            "0.30000000000000004",
            "2.2250738585072014e-308",
            "1e-400",
            "17976931348623157e292",
            "123456789012345678901234567890",
            "4.9e-324",
            "1E5",
            "1e+5",
            "-1.5E-3",
            "0e99999999999",
            "1e-99999999999",
        ];
        for c in cases {
            let expected: f64 = c.parse().expect("valid");
            assert_eq!(number(c).map(f64::to_bits), Some(expected.to_bits()), "{c}");
        }
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    #[allow(dead_code)]
    struct Item {
        n: f64,
        k: Option<Kind>,
        count: u32,
    }

    #[derive(Debug, serde::Deserialize)]
    #[serde(rename_all = "snake_case")]
    enum Kind {
        One,
        TwoWords,
    }

    fn error(text: &str) -> String {
        let v = parse(text).expect("valid JSON");
        from_value::<Vec<Item>>(&v).map(|_| ()).expect_err("accepted").to_string()
    }

    #[test]
    fn errors_name_their_path() {
        let ok = parse(r#"[{"n": 1, "k": "two_words", "count": 3}, {"n": 0.5, "k": null, "count": 0}]"#).expect("json");
        assert_eq!(from_value::<Vec<Item>>(&ok).expect("reads").len(), 2);
        let e = error(r#"[{"n": 1, "k": null, "count": 1}, {"n": "1", "k": null, "count": 1}]"#);
        assert_eq!(e, "at `[1].n`: invalid type: string \"1\", expected f64");
        let e = error(r#"[{"n": 1, "k": "three", "count": 1}]"#);
        assert!(e.starts_with("at `[0].k`: unknown variant `three`, expected `one` or `two_words`"), "{e}");
        let e = error(r#"[{"n": 1, "count": 1, "extra": 2}]"#);
        assert!(e.starts_with("at `[0].extra`: unknown field `extra`"), "{e}");
        let e = error(r#"[{"k": null, "count": 1}]"#);
        assert_eq!(e, "at `[0]`: missing field `n`");
        let e = error(r#"[{"n": 1, "k": null, "count": 1.5}]"#);
        assert_eq!(e, "at `[0].count`: invalid type: floating point `1.5`, expected u32");
        let e = error(r#"{"n": 1}"#);
        assert_eq!(e, "at `.`: invalid type: map, expected a sequence");
    }
}
