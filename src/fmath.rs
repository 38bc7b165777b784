//! The few float functions the widget needs (sine and cosine of map angles, powers of ten),
//! small enough to write out.
//!
//! Why: the libm that Rust links for `f64::sin` and `f64::cos` carries a general argument
//! reduction (`rem_pio2`, for angles up to 10^300) of about 7 KB of wasm. Every angle here is
//! a latitude, a longitude difference or a point of a star: within a few turns of zero.

use std::f64::consts::{FRAC_PI_2, PI};

/// sin(x), within 1e-14 of the standard library's for |x| up to 10 rad (property-tested; every
/// angle here is under 2π); the reduction loses accuracy slowly beyond that.
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

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use proptest::prelude::*;

        use super::super::*;

        proptest! {
            /// Tolerance 1e-14 absolute, over ±10 rad (every angle the map meets is under 2π:
            /// star points, and latitudes and longitude differences in radians). Proptest found
            /// the old claim of ±100 rad false (cos(-98.886…) is off by more).
            #[test]
            fn sine_and_cosine_within_1e14_of_std(x in -10.0f64..10.0) {
                prop_assert!((sin(x) - x.sin()).abs() < 1e-14, "sin {}", x);
                prop_assert!((cos(x) - x.cos()).abs() < 1e-14, "cos {}", x);
            }

            /// Exactly `f64::clamp` whenever that one does not panic, and `min` for NaN.
            #[test]
            fn clamp_is_std_clamp(value in any::<f64>(), a in -1e6f64..1e6, b in -1e6f64..1e6) {
                let (min, max) = if a <= b { (a, b) } else { (b, a) };
                if value.is_nan() {
                    prop_assert_eq!(clamp(value, min, max), min);
                } else {
                    prop_assert_eq!(clamp(value, min, max), value.clamp(min, max));
                }
            }

            /// Tolerance: 2 units in the last place of `f64::hypot`, over the map's pixel and
            /// kilometre ranges (±10^5).
            #[test]
            fn hypot_within_two_ulps_of_std(x in -1.0e5f64..1.0e5, y in -1.0e5f64..1.0e5) {
                let (ours, standard) = (hypot(x, y), x.hypot(y));
                prop_assert!((ours - standard).abs() <= 2.0 * f64::EPSILON * standard, "{} {}", x, y);
            }

            /// The standard `10^floor(log10 v)`, to a relative 1e-12, for the scale bar's and
            /// the axes' spans (10^-6 to 10^12).
            #[test]
            fn floor_power_of_ten_is_ten_to_the_floor_of_log10(value in 1.0e-6f64..1.0e12) {
                let ours = floor_power_of_ten(value);
                let standard = 10f64.powi(value.log10().floor() as i32);
                // Right at a power of ten, log10 may land a hair below the integer.
                let near_power = (value.log10() - value.log10().round()).abs() < 1e-12;
                if !near_power {
                    prop_assert!((ours - standard).abs() <= 1e-12 * standard, "{} → {} vs {}", value, ours, standard);
                }
                prop_assert!(ours <= value * (1.0 + 1e-12) && ours * 10.0 > value * (1.0 - 1e-12));
            }
        }
    }
}
