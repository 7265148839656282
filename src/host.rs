//! Number text both ways, the trigonometry of the map projection and the power in colour contrast:
//! the browser's own in the page, the standard library's natively.
//!
//! Rust's float formatting and parsing, its sine, cosine and power are about 13 kB of the page's
//! gzipped budget; the browser already holds exact versions of each. The two give the same digits (both write
//! the shortest text that reads back as the same number, and round fixed decimals from the exact
//! binary value) except on an exact tie at the last decimal kept, which JavaScript rounds up and Rust
//! to even.

#[cfg(target_arch = "wasm32")]
mod imp {
    use js_sys::{JsString, Number};

    fn text(r: Result<JsString, wasm_bindgen::JsValue>) -> String {
        r.map(String::from).unwrap_or_default()
    }

    pub fn parse_number(s: &str) -> f64 {
        js_sys::parse_float(s)
    }

    /// JavaScript writes "1.5e+300", "0.000015" or "1500"; Rust's `{:e}` form is made from it.
    pub fn exponential(v: f64) -> String {
        super::lower_exp(&text(Number::from(v).to_string_with_radix(10)))
    }

    pub fn exponential_digits(v: f64, decimals: u8) -> String {
        // JavaScript writes "1.5e+7"; a `+` appears nowhere else in its exponential form. A char
        // pattern: a text pattern would bring the two-way substring search into the wasm (1 kB gzipped).
        text(Number::from(v).to_exponential(decimals)).replace('+', "")
    }

    pub fn fixed(v: f64, decimals: u8) -> String {
        text(Number::from(v).to_fixed(decimals))
    }

    pub fn sin(x: f64) -> f64 {
        js_sys::Math::sin(x)
    }

    pub fn cos(x: f64) -> f64 {
        js_sys::Math::cos(x)
    }

    pub fn asin(x: f64) -> f64 {
        js_sys::Math::asin(x)
    }

    pub fn pow(x: f64, y: f64) -> f64 {
        js_sys::Math::pow(x, y)
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    pub fn parse_number(s: &str) -> f64 {
        s.parse().unwrap_or(f64::NAN)
    }

    pub fn exponential(v: f64) -> String {
        format!("{v:e}")
    }

    pub fn exponential_digits(v: f64, decimals: u8) -> String {
        format!("{v:.*e}", usize::from(decimals))
    }

    pub fn fixed(v: f64, decimals: u8) -> String {
        format!("{v:.*}", usize::from(decimals))
    }

    pub fn sin(x: f64) -> f64 {
        x.sin()
    }

    pub fn cos(x: f64) -> f64 {
        x.cos()
    }

    pub fn asin(x: f64) -> f64 {
        x.asin()
    }

    pub fn pow(x: f64, y: f64) -> f64 {
        x.powf(y)
    }
}

/// `{:e}`: the shortest digits that read back as `v`, as "1.5e300", "-3e-5".
pub use imp::exponential;
/// `{:.N e}`: `decimals` digits after the point, as "3.00000000000000e93".
pub use imp::exponential_digits;
/// `{:.N}`: `decimals` fixed decimals.
pub use imp::fixed;
/// The number a JSON number's text stands for (infinite when beyond a 64-bit float).
pub use imp::parse_number;
pub use imp::{asin, cos, pow, sin};

/// A number as short text for messages and for data handed to the page's script.
pub fn number_text(v: f64) -> String {
    // Whole numbers (every font size and most opacities a chart spells for the canvas, once per
    // label and fill) are written here: the browser's text takes a call out of wasm and back.
    // Below a billion, so that the formatting is the one `i32` already has in the page.
    if v.fract() == 0.0 && v.abs() < 1e9 {
        return format!("{}", v as i32);
    }
    let e = exponential(v);
    let Some((m, exp)) = e.split_once('e') else { return e };
    match exp.parse::<i32>() {
        // Plain decimals as far as a reader would write them; powers of ten beyond.
        Ok(exp) if (-6..21).contains(&exp) => {
            let (sign, m) = m.strip_prefix('-').map_or(("", m), |r| ("-", r));
            let digits: String = m.chars().filter(char::is_ascii_digit).collect();
            let point = exp + 1;
            if point <= 0 {
                format!("{sign}0.{}{digits}", "0".repeat(point.unsigned_abs() as usize))
            } else if point as usize >= digits.len() {
                format!("{sign}{digits}{}", "0".repeat(point as usize - digits.len()))
            } else {
                let (int, frac) = digits.split_at_checked(point as usize).unwrap_or((&digits, ""));
                format!("{sign}{int}.{frac}")
            }
        }
        _ => e,
    }
}

/// Rust's `{:e}` form ("1.5e300", "-1.5e-7", "1e0") of a shortest decimal text in JavaScript's forms
/// ("1.5e+300", "-1.5e-7", "1", "0.00015", "1500.25").
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
fn lower_exp(js: &str) -> String {
    let (sign, rest) = js.strip_prefix('-').map_or(("", js), |r| ("-", r));
    if !rest.starts_with(|c: char| c.is_ascii_digit()) {
        return js.to_string(); // NaN, Infinity
    }
    let (mantissa, exp) =
        rest.split_once('e').map_or((rest, 0), |(m, e)| (m, e.trim_start_matches('+').parse().unwrap_or(0)));
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all = format!("{int}{frac}");
    let significant = all.trim_start_matches('0');
    let lead = all.len() - significant.len();
    let digits = significant.trim_end_matches('0');
    if digits.is_empty() {
        return format!("{sign}0e0");
    }
    let exp = exp + int.len() as i32 - lead as i32 - 1;
    // The first digit is ASCII, so the cut is on a boundary; `_checked` keeps the standard library's
    // message for a slice that is not (and its formatting machinery) out of the wasm.
    let (first, more) = digits.split_at_checked(1).unwrap_or((digits, ""));
    if more.is_empty() {
        format!("{sign}{first}e{exp}")
    } else {
        format!("{sign}{first}.{more}e{exp}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn javascript_number_text_becomes_rusts_exponential_form() {
        // Rust's Display writes the same shortest digits without an exponent, as JavaScript does below 1e21.
        for v in [1.0, 1500.25, 0.00015, 0.1, 123_456_789.0, 5.23e6, 1e20, 2.5e-7, 7.0, 0.0, 1e-300, f64::MAX] {
            assert_eq!(lower_exp(&format!("{v}")), format!("{v:e}"), "{v}");
            assert_eq!(lower_exp(&format!("-{v}")), format!("{:e}", -v), "-{v}");
        }
        assert_eq!(lower_exp("1.5e+300"), "1.5e300");
        assert_eq!(lower_exp("1.7976931348623157e+308"), "1.7976931348623157e308");
        assert_eq!(lower_exp("-2.5e-7"), "-2.5e-7");
        assert_eq!(lower_exp("NaN"), "NaN");
    }

    #[test]
    fn number_text_is_plain_where_a_reader_writes_it_so() {
        assert_eq!(number_text(5.0), "5");
        assert_eq!(number_text(-2.5), "-2.5");
        assert_eq!(number_text(1_200_000.0), "1200000");
        assert_eq!(number_text(0.000_015), "0.000015");
        assert_eq!(number_text(1e300), "1e300");
        assert_eq!(number_text(1e-7), "1e-7");
        assert_eq!(number_text(-0.0), "0");
        assert_eq!(number_text(-42.0), "-42");
        assert_eq!(number_text(1e21), "1e21");
        assert_eq!(number_text(f64::NAN), "NaN");
    }
}
