//! The few float functions the widget needs (sine and cosine of map angles, powers of ten),
//! small enough to write out.
//!
//! Why: the libm that Rust links for `f64::sin` and `f64::cos` carries a general argument
//! reduction (`rem_pio2`, for angles up to 10^300) of about 7 KB of wasm. Every angle here is
//! a latitude, a longitude difference or a point of a star: within a few turns of zero.

use std::f64::consts::{FRAC_PI_2, PI};

/// sin(x), within 1e-14 of the standard library's for |x| up to about 100 rad (every angle here
/// is under 10); the reduction loses accuracy slowly beyond that.
pub fn sin(x: f64) -> f64 {
    // Reduce to [-π, π], then to [-π/2, π/2] by sin(π − r) = sin(r).
    let turns = (x / (2.0 * PI)).round();
    let mut r = x - turns * 2.0 * PI;
    if r > FRAC_PI_2 {
        r = PI - r;
    } else if r < -FRAC_PI_2 {
        r = -PI - r;
    }
    // Taylor series to r^21: the first omitted term is below 1.6^23/23! ≈ 1e-18.
    let r2 = r * r;
    let mut term = r;
    let mut sum = r;
    for n in 1..=10 {
        let k = f64::from(2 * n);
        term *= -r2 / (k * (k + 1.0));
        sum += term;
    }
    sum
}

/// cos(x), as sin(x + π/2).
pub fn cos(x: f64) -> f64 {
    sin(x + FRAC_PI_2)
}

/// `value` limited to `min..=max` (NaN gives `min`).
///
/// Why not `f64::clamp`: its "min > max" check panics with the bounds' Debug text, which links
/// `core`'s float formatter (about 7 KB of gzipped wasm) for a panic that never happens here.
pub fn clamp(value: f64, min: f64, max: f64) -> f64 {
    if value > max {
        max
    } else if value >= min {
        value
    } else {
        min
    }
}

/// The length of (x, y).
pub fn hypot(x: f64, y: f64) -> f64 {
    (x * x + y * y).sqrt()
}

/// The largest power of ten not above `value` (> 0): 7 → 1, 250 → 100, 0.3 → 0.1.
pub fn floor_power_of_ten(value: f64) -> f64 {
    let mut power = 1.0;
    if !(value > 0.0 && value.is_finite()) {
        return power;
    }
    while power * 10.0 <= value {
        power *= 10.0;
    }
    while power > value {
        power /= 10.0;
    }
    power
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sine_and_cosine_agree_with_the_standard_library() {
        for i in -20_000..=20_000 {
            let x = f64::from(i) * 0.000_731 * PI;
            assert!((sin(x) - x.sin()).abs() < 1e-14, "sin {x}");
            assert!((cos(x) - x.cos()).abs() < 1e-14, "cos {x}");
        }
        for degrees in [0.0, 40.0, 45.0, 50.0, 90.0, -90.0, 180.0, 360.0] {
            let x = f64::to_radians(degrees);
            assert!((sin(x) - x.sin()).abs() < 1e-15, "sin {degrees}°");
        }
    }

    #[test]
    fn clamp_limits_and_keeps() {
        assert_eq!(clamp(5.0, 8.0, 18.0), 8.0);
        assert_eq!(clamp(12.5, 8.0, 18.0), 12.5);
        assert_eq!(clamp(30.0, 8.0, 18.0), 18.0);
        assert_eq!(clamp(f64::NAN, 8.0, 18.0), 8.0);
    }

    #[test]
    fn hypot_and_powers_of_ten() {
        assert_eq!(hypot(3.0, 4.0), 5.0);
        let cases = [
            (7.0, 1.0),
            (250.0, 100.0),
            (1000.0, 1000.0),
            (0.3, 0.1),
            (0.0, 1.0),
        ];
        for (value, expected) in cases {
            let power = floor_power_of_ten(value);
            assert!(
                (power - expected).abs() < 1e-12 * expected,
                "{value} → {power}"
            );
        }
    }
}
