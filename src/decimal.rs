//! Plain decimal numbers ("108", "13.28", "-0.5") read without `core`'s general float parser,
//! and written to a fixed number of places by `core`'s formatter.
//!
//! Why `parse`: `str::parse::<f64>` links about 13 KB of Brotli-compressed wasm (its power-of-five
//! tables and slow paths, measured against this function in the issue 28 build), for numbers that
//! are never more than a handful of digits: amounts in the article ("3.9万"), seconds in the
//! address, pixel sizes from the style. Content files themselves are read by JSON.parse (browser)
//! or serde_json. The property tests hold it to `str::parse`, bit for bit.
//!
//! Writing numbers is `core`'s `{:.n}`: serde and serde-wasm-bindgen link its float formatter
//! anyway, and a writer of our own was measured 0.3 KB larger than it (issue 28).

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

/// `value` rounded to `places` decimals by `{:.places$}`, without trailing zeros and without
/// the sign of a negative zero: `fixed(3.24159, 1)` is "3.2", `fixed(2.0, 2)` is "2",
/// `fixed(-0.04, 1)` is "0". Not finite, it is "0": never a coordinate the widget draws, and an
/// attribute stays valid.
pub fn fixed(value: f64, places: usize) -> String {
    if !value.is_finite() {
        return "0".into();
    }
    let mut text = format!("{value:.places$}");
    if text.contains('.') {
        text.truncate(text.trim_end_matches('0').trim_end_matches('.').len());
    }
    if text == "-0" {
        text.remove(0);
    }
    text
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
    fn fixed_rounds_and_drops_trailing_zeros() {
        let cases = [
            (3.04159, 1, "3"),
            (3.15, 2, "3.15"),
            (2.0, 2, "2"),
            (0.26, 1, "0.3"),
            (-0.04, 1, "0"),
            (-1.26, 1, "-1.3"),
            (1328.0, 1, "1328"),
            (0.05, 2, "0.05"),
            (12.1, 3, "12.1"),
            (4999.96, 1, "5000"),
            (120.0, 0, "120"),
            (f64::INFINITY, 1, "0"),
            (f64::NAN, 2, "0"),
        ];
        for (value, places, expected) in cases {
            assert_eq!(fixed(value, places), expected, "{value} to {places}");
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
        }
    }
}
