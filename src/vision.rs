//! Colour-vision checks: how a colour looks under protanopia, deuteranopia and tritanopia, and how far apart two colours look.

use crate::theme::Rgb;

/// A colour-vision deficiency, simulated at full severity.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Deficiency {
    Protanopia,
    Deuteranopia,
    Tritanopia,
}

impl Deficiency {
    pub const ALL: [Deficiency; 3] = [Deficiency::Protanopia, Deficiency::Deuteranopia, Deficiency::Tritanopia];

    /// Machado, Oliveira and Fernandes (2009), severity 1.0, on linear RGB.
    fn matrix(self) -> [[f64; 3]; 3] {
        match self {
            Deficiency::Protanopia => [
                [0.152_286, 1.052_583, -0.204_868],
                [0.114_503, 0.786_281, 0.099_216],
                [-0.003_882, -0.048_116, 1.051_998],
            ],
            Deficiency::Deuteranopia => [
                [0.367_322, 0.860_646, -0.227_968],
                [0.280_085, 0.672_501, 0.047_413],
                [-0.011_820, 0.042_940, 0.968_881],
            ],
            Deficiency::Tritanopia => [
                [1.255_528, -0.076_749, -0.178_779],
                [-0.078_411, 0.930_809, 0.147_602],
                [0.004_733, 0.691_367, 0.303_900],
            ],
        }
    }
}

fn to_linear(c: u8) -> f64 {
    let s = f64::from(c) / 255.0;
    if s <= 0.040_45 {
        s / 12.92
    } else {
        ((s + 0.055) / 1.055).powf(2.4)
    }
}

fn linear(c: Rgb) -> [f64; 3] {
    [to_linear(c.0), to_linear(c.1), to_linear(c.2)]
}

/// CIE L*a*b* (D65) of linear RGB.
fn lab([r, g, b]: [f64; 3]) -> [f64; 3] {
    let x = (0.412_456_4 * r + 0.357_576_1 * g + 0.180_437_5 * b) / 0.950_47;
    let y = 0.212_672_9 * r + 0.715_152_2 * g + 0.072_175 * b;
    let z = (0.019_333_9 * r + 0.119_192 * g + 0.950_304_1 * b) / 1.088_83;
    let f = |t: f64| if t > 0.008_856 { t.cbrt() } else { 7.787 * t + 16.0 / 116.0 };
    let (fx, fy, fz) = (f(x), f(y), f(z));
    [116.0 * fy - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz)]
}

/// Linear RGB of `c` as a reader with `d` sees it.
fn seen(c: Rgb, d: Option<Deficiency>) -> [f64; 3] {
    let v = linear(c);
    let Some(d) = d else { return v };
    let m = d.matrix();
    let row = |i: usize| (m[i][0] * v[0] + m[i][1] * v[1] + m[i][2] * v[2]).max(0.0).min(1.0);
    [row(0), row(1), row(2)]
}

/// CIE76 colour difference between `a` and `b` as seen with `d` (`None`: typical vision).
/// About 2.3 is just noticeable; marks that must be told apart at a glance want well over 10.
pub fn difference(a: Rgb, b: Rgb, d: Option<Deficiency>) -> f64 {
    let (p, q) = (lab(seen(a, d)), lab(seen(b, d)));
    ((p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) + (p[2] - q[2]).powi(2)).sqrt()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn identical_colours_do_not_differ_and_black_and_white_differ_most() {
        let white = Rgb(255, 255, 255);
        assert!(difference(white, white, None) < 1e-9);
        assert!(difference(Rgb(0, 0, 0), white, Some(Deficiency::Deuteranopia)) > 99.0);
    }

    #[test]
    fn red_and_green_collapse_for_deuteranopes() {
        let (red, green) = (Rgb(200, 60, 60), Rgb(90, 140, 60));
        assert!(difference(red, green, None) > 40.0);
        assert!(difference(red, green, Some(Deficiency::Deuteranopia)) < difference(red, green, None) / 2.0);
    }
}
