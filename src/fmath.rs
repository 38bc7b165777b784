//! Sine, cosine and clamp: the float functions of the map and charts whose `std` versions cost
//! more than 1 KB of Brotli-compressed wasm each (measured in the issue 28 build: `f64::sin` and
//! `f64::cos` about 2.6 KB, `f64::clamp` 1.1 KB). `f64::hypot` and a power of ten by `log10`
//! cost 0.3 KB each, so those are `std`'s.
//!
//! Why sine and cosine: the libm that Rust links for `f64::sin` and `f64::cos` carries a general
//! argument reduction (`rem_pio2`, for angles up to 10^300). Every angle here is a latitude, a
//! longitude difference or a point of a star: within a few turns of zero.

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
/// `core`'s float Debug formatting (1.1 KB of Brotli-compressed wasm in the issue 28 build, with
/// the Display formatting already in) for a panic that never happens here.
pub fn clamp(value: f64, min: f64, max: f64) -> f64 {
    if value > max {
        max
    } else if value >= min {
        value
    } else {
        min
    }
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
        }
    }
}
