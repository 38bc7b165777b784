//! Plain decimal numbers ("108", "13.28", "-0.5") read and written without `core`'s general
//! float parser and formatter.
//!
//! Why: `str::parse::<f64>` links about 10 KB of power-of-five tables and `{:.1}` another few
//! KB of exact-formatting code (`core::fmt::float`, measured at 9 KB of gzipped wasm when the
//! last user of it went), for numbers that are never more than a handful of digits: amounts in
//! the article ("3.9万"), seconds in the address, and SVG coordinates written to one decimal.
//! Content files themselves are read by JSON.parse (browser) or serde_json. The property tests hold
//! every function here to the standard one it replaces, with the tolerance written down.

/// Parses `[-]digits[.digits]` exactly as `str::parse::<f64>` would, for up to 15 significant
/// digits; anything else (exponents, `inf`, `NaN`, a lone `.`, more digits) is `None`.
///
/// Exact because both the digits and the power of ten are integers a double holds exactly, and
/// one IEEE multiplication or division of exact operands is correctly rounded. The property
/// tests below hold it to `str::parse` on every plain decimal of up to 15 digits.
pub fn parse(text: &str) -> Option<f64> {
    let (negative, whole, fraction) = split(text)?;
    // Trailing zeros are scale, not precision: "1000000000000000.0" is 1 × 10^15.
    let digits = format!("{whole}{fraction}");
    let significant = digits.trim_start_matches('0').trim_end_matches('0');
    let trailing_zeros = digits.len() - digits.trim_end_matches('0').len();
    if significant.len() > 15 {
        return None;
    }
    let mantissa = significant
        .bytes()
        .fold(0u64, |acc, b| acc * 10 + u64::from(b - b'0'));
    let power = i64::try_from(trailing_zeros).ok()? - i64::try_from(fraction.len()).ok()?;
    let magnitude = usize::try_from(power.unsigned_abs()).ok()?;
    let value = match POWERS_OF_TEN.get(magnitude) {
        _ if mantissa == 0 => 0.0,
        Some(scale) if power >= 0 => mantissa as f64 * scale,
        Some(scale) => mantissa as f64 / scale,
        None => return None,
    };
    Some(if negative { -value } else { value })
}

/// `[-]digits[.digits]` as (negative, whole digits, fraction digits); `None` for anything else.
pub(crate) fn split(text: &str) -> Option<(bool, &str, &str)> {
    let (negative, unsigned) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = match unsigned.split_once('.') {
        Some((_, "")) => return None,
        Some(parts) => parts,
        None => (unsigned, ""),
    };
    let digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    (!whole.is_empty() && digits(whole) && digits(fraction)).then_some((negative, whole, fraction))
}

/// Exact powers of ten up to 10²² (the largest a double holds exactly).
const POWERS_OF_TEN: [f64; 23] = [
    1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
    1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
];

/// Writes `value` rounded to `places` decimals (at most 6), without trailing zeros:
/// `fixed(3.24159, 1)` is "3.2", `fixed(2.0, 2)` is "2", `fixed(-0.04, 1)` is "0".
///
/// Rounds half away from zero, on the decimal digits of the value scaled by 10^places.
pub fn fixed(value: f64, places: usize) -> String {
    let places = places.min(6);
    let scale = POWERS_OF_TEN[places];
    if !value.is_finite() {
        // Never a coordinate the widget draws; "0" keeps an attribute valid.
        return "0".into();
    }
    let scaled = (value.abs() * scale).round();
    if scaled >= 9.0e15 {
        return scientific(value);
    }
    let scaled = scaled as u64;
    let unit = scale as u64;
    let (whole, mut fraction) = (scaled / unit, scaled % unit);
    let mut text = String::new();
    if value < 0.0 && scaled != 0 {
        text.push('-');
    }
    text.push_str(&whole.to_string());
    if fraction != 0 {
        let mut digits = places;
        while fraction % 10 == 0 {
            fraction /= 10;
            digits -= 1;
        }
        text.push('.');
        let fraction = fraction.to_string();
        for _ in fraction.len()..digits {
            text.push('0');
        }
        text.push_str(&fraction);
    }
    text
}

/// A number for a message: whole numbers as integers, others with up to six decimals, very
/// large or very small ones in scientific notation ("1328", "2.35", "-0.5", "1e300", "1e-7").
pub fn shortest(value: f64) -> String {
    if value.is_nan() {
        return "NaN".into();
    }
    if value.is_infinite() {
        return if value > 0.0 { "inf" } else { "-inf" }.into();
    }
    let magnitude = value.abs();
    if magnitude != 0.0 && magnitude < 5e-7 {
        return scientific(value);
    }
    if magnitude < 1e9 {
        return fixed(value, 6);
    }
    if magnitude < 1e15 {
        return fixed(value, 0);
    }
    scientific(value)
}

/// `value` as a mantissa of up to three decimals and a power of ten: "1.5e55", "-2e-7".
fn scientific(value: f64) -> String {
    let mut mantissa = value.abs();
    let mut exponent = 0i32;
    if mantissa == 0.0 || !mantissa.is_finite() {
        return shortest(value);
    }
    // Counted by repeated ×10 and ÷10 so the exponent and the mantissa agree; the rounding
    // this accumulates stays far below the three decimals written.
    while mantissa >= 10.0 {
        mantissa /= 10.0;
        exponent += 1;
    }
    while mantissa < 1.0 {
        mantissa *= 10.0;
        exponent -= 1;
    }
    let mut digits = fixed(mantissa, 3);
    if digits == "10" {
        digits = "1".into();
        exponent += 1;
    }
    let sign = if value < 0.0 { "-" } else { "" };
    format!("{sign}{digits}e{exponent}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_what_the_standard_parser_parses_for_plain_decimals() {
        for text in [
            "0",
            "7",
            "108",
            "13.28",
            "0.02",
            "86400",
            "111.53",
            "40.79",
            "-12.5",
            "0.1",
            "0.3",
            "2.675",
            "1328.0000",
            "999999999999999",
            "123456.789012345",
            "00012",
        ] {
            let standard: f64 = text.parse().unwrap_or_else(|_| panic!("{text}"));
            assert_eq!(parse(text), Some(standard), "{text}");
        }
    }

    #[test]
    fn refuses_everything_else() {
        for text in [
            "",
            "-",
            ".",
            "1.",
            ".5",
            "1e5",
            "1E5",
            "inf",
            "NaN",
            "+1",
            " 1",
            "1 ",
            "1,000",
            "1.2.3",
            "0x10",
            "1234567890123456",
            "٣",
            "1.0000000000000000000001",
        ] {
            assert_eq!(parse(text), None, "{text:?}");
        }
    }

    #[test]
    fn shortest_writes_what_a_reader_expects() {
        let cases = [
            (1328.0, "1328"),
            (2.35, "2.35"),
            (-793.0, "-793"),
            (0.025, "0.025"),
            (13_280_000.0, "13280000"),
            (1e15, "1e15"),
            (-2.5e300, "-2.5e300"),
            (1.5e55, "1.5e55"),
            (1e61, "1e61"),
            (9.9999999e55, "1e56"),
            (-1e-7, "-1e-7"),
            (2.5e-12, "2.5e-12"),
            (0.000001, "0.000001"),
            (123_456_789_012.5, "123456789013"),
            (f64::INFINITY, "inf"),
            (f64::NAN, "NaN"),
        ];
        for (value, expected) in cases {
            assert_eq!(shortest(value), expected, "{value}");
        }
    }

    #[test]
    fn fixed_rounds_and_drops_trailing_zeros() {
        let cases = [
            (3.04159, 1, "3"),
            (3.15, 2, "3.15"),
            (2.0, 2, "2"),
            (0.25, 1, "0.3"),
            (-0.04, 1, "0"),
            (-1.26, 1, "-1.3"),
            (1328.0, 1, "1328"),
            (0.05, 2, "0.05"),
            (12.1, 3, "12.1"),
            (4999.96, 1, "5000"),
            (f64::INFINITY, 1, "0"),
            (f64::NEG_INFINITY, 2, "0"),
            (1e20, 1, "1e20"),
        ];
        for (value, places, expected) in cases {
            assert_eq!(fixed(value, places), expected, "{value} to {places}");
        }
    }

    #[test]
    fn fixed_is_within_half_a_unit_of_the_last_place_on_map_coordinates() {
        for i in 0..4000 {
            let value = f64::from(i) * 1.737 - 1900.0;
            let text = fixed(value, 1);
            let back = parse(&text).unwrap_or_else(|| panic!("{text}"));
            assert!(
                (back - value).abs() <= 0.05 + 1e-9,
                "{value} written as {text}"
            );
            assert!(
                text.split_once('.').is_none_or(|(_, f)| f.len() == 1),
                "{text}"
            );
            // Away from ties it is exactly what the standard formatter writes.
            let standard = format!("{value:.1}");
            let standard = standard.trim_end_matches('0').trim_end_matches('.');
            let tie = ((value * 10.0).abs().fract() - 0.5).abs() < 1e-6;
            if !tie && standard != "-0" {
                assert_eq!(text, standard, "{value}");
            }
        }
    }

    #[cfg(not(target_arch = "wasm32"))]
    mod properties {
        use proptest::prelude::*;

        use super::super::*;

        /// A plain decimal with up to 15 significant digits, as the widget meets them.
        fn plain_decimal() -> impl Strategy<Value = String> {
            (
                any::<bool>(),
                0u64..=999_999_999,
                proptest::option::of(0u32..=999_999),
            )
                .prop_map(|(negative, whole, fraction)| {
                    let sign = if negative { "-" } else { "" };
                    match fraction {
                        Some(f) => format!("{sign}{whole}.{f}"),
                        None => format!("{sign}{whole}"),
                    }
                })
        }

        proptest! {
            /// Exactly the standard parser's double, to the last bit.
            #[test]
            fn parse_is_bit_for_bit_the_standard_parser(text in plain_decimal()) {
                let standard: f64 = text.parse().expect("a plain decimal");
                prop_assert_eq!(parse(&text).map(f64::to_bits), Some(standard.to_bits()));
            }

            /// On any text at all, it either refuses or agrees with the standard parser.
            #[test]
            fn parse_never_disagrees_with_the_standard_parser(text in "[-+0-9.eE a-z]{0,24}") {
                if let Some(ours) = parse(&text) {
                    prop_assert_eq!(Some(ours), text.parse::<f64>().ok());
                }
            }

            /// Tolerance: the written number is within half a unit of its last place of the
            /// value (plus 1e-9 for the scaling's rounding), and it is the standard formatter's
            /// `{:.places$}` (trailing zeros dropped) except on exact ties, where ours rounds
            /// half away from zero on the scaled value.
            #[test]
            fn fixed_agrees_with_the_standard_formatter(value in -1.0e9f64..1.0e9, places in 0usize..=6) {
                let ours = fixed(value, places);
                let unit = 10f64.powi(-(places as i32));
                let back: f64 = ours.parse().expect("a number");
                prop_assert!((back - value).abs() <= unit / 2.0 + 1e-9 * value.abs().max(1.0), "{} to {}: {}", value, places, ours);
                let standard = format!("{value:.places$}");
                let standard = if standard.contains('.') {
                    standard.trim_end_matches('0').trim_end_matches('.').to_owned()
                } else {
                    standard
                };
                let scaled = (value * 10f64.powi(places as i32)).abs();
                let tie = (scaled.fract() - 0.5).abs() < 1e-6;
                if !tie {
                    let standard = if standard == "-0" { "0".to_owned() } else { standard };
                    prop_assert_eq!(ours, standard);
                }
            }

            /// Tolerance: within 5e-7 below 10^9 (six decimals), and within a relative 5e-4
            /// in scientific notation (three decimals of mantissa).
            #[test]
            fn shortest_reads_back_close_to_the_value(value in prop_oneof![-1.0e9f64..1.0e9, -1.0e300f64..1.0e300, -1.0e-6f64..1.0e-6]) {
                let written = shortest(value);
                let back: f64 = written.parse().expect("a number");
                let tolerance = if value.abs() < 1e9 && !written.contains('e') {
                    5e-7 + 1e-15 * value.abs()
                } else {
                    5e-4 * value.abs()
                };
                prop_assert!((back - value).abs() <= tolerance, "{} written as {}", value, written);
            }
        }
    }
}
