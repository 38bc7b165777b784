//! Chinese amounts as the article writes them ("6000余", "近1万余", "3.9万", "1328万", "近5亿",
//! "五") parsed into typed quantities, and formatted back for each language.

use std::fmt;

/// How exact a figure is, from the article's own markers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// No marker: the number is stated exactly.
    Exact,
    /// 余 or 多 after the number: "more than".
    MoreThan,
    /// 近 before the number: "nearly".
    Nearly,
    /// 近…余 ("近1万余"): the article's own mix of "nearly" and "more than". Chinese keeps
    /// both markers; English writes "nearly", as a news desk would ("close to 10,000+"
    /// contradicts itself).
    NearlyMoreThan,
}

impl Qualifier {
    /// The name the content file uses (`more_than`), as serde writes it.
    pub fn name(self) -> &'static str {
        match self {
            Self::Exact => "exact",
            Self::MoreThan => "more_than",
            Self::Nearly => "nearly",
            Self::NearlyMoreThan => "nearly_more_than",
        }
    }
}

/// A number with its qualifier. `value` is in base units (yuan, people, …): 3.9万 is 39000.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Quantity {
    pub value: f64,
    pub qualifier: Qualifier,
}

/// Why a piece of text is not an amount.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ParseError {
    Empty,
    NoDigits(String),
    Trailing(String),
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Empty => write!(
                f,
                "expected an amount such as 6000余 or 近5亿, found nothing"
            ),
            Self::NoDigits(text) => write!(f, "expected a number in \"{text}\""),
            Self::Trailing(rest) => write!(f, "unexpected \"{rest}\" after the amount"),
        }
    }
}

impl std::error::Error for ParseError {}

/// Parses a whole amount; nothing may follow it.
///
/// ```
/// use imreform::content::{parse_amount, Qualifier};
/// let q = parse_amount("近1万余").unwrap();
/// assert_eq!((q.value, q.qualifier), (10_000.0, Qualifier::NearlyMoreThan));
/// ```
pub fn parse_amount(text: &str) -> Result<Quantity, ParseError> {
    let (quantity, rest) = parse_amount_prefix(text)?;
    if rest.is_empty() {
        Ok(quantity)
    } else {
        Err(ParseError::Trailing(rest.to_owned()))
    }
}

/// Parses an amount at the start of `text` and returns what follows it (usually the unit, as in
/// "1328万元" → 13 280 000 and "元").
pub fn parse_amount_prefix(text: &str) -> Result<(Quantity, &str), ParseError> {
    let text = text.trim();
    if text.is_empty() {
        return Err(ParseError::Empty);
    }
    let (nearly, rest) = match text.strip_prefix('近') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (mut value, rest) =
        parse_number(rest).ok_or_else(|| ParseError::NoDigits(text.to_owned()))?;
    let mut rest = rest;
    // 余/多 may stand before or after the multiplier: "1万余", "30多", "3千余万" is not used.
    let mut more = false;
    loop {
        if let Some(r) = rest.strip_prefix('万') {
            value *= 1e4;
            rest = r;
        } else if let Some(r) = rest.strip_prefix('亿') {
            value *= 1e8;
            rest = r;
        } else if let Some(r) = rest.strip_prefix(['余', '多']) {
            if more {
                break;
            }
            more = true;
            rest = r;
        } else {
            break;
        }
    }
    let qualifier = match (nearly, more) {
        (false, false) => Qualifier::Exact,
        (false, true) => Qualifier::MoreThan,
        (true, false) => Qualifier::Nearly,
        (true, true) => Qualifier::NearlyMoreThan,
    };
    Ok((Quantity { value, qualifier }, rest))
}

/// Arabic digits with an optional decimal part, or a Chinese numeral up to 99 (一 … 九十九).
fn parse_number(text: &str) -> Option<(f64, &str)> {
    let arabic_len = text
        .char_indices()
        .find(|&(_, c)| !(c.is_ascii_digit() || c == '.' || c == ','))
        .map_or(text.len(), |(i, _)| i);
    if arabic_len > 0 {
        let digits: String = text[..arabic_len].chars().filter(|&c| c != ',').collect();
        let value = crate::decimal::parse(&digits)?;
        return value.is_finite().then_some((value, &text[arabic_len..]));
    }
    parse_chinese_numeral(text)
}

fn chinese_digit(c: char) -> Option<u32> {
    "零一二三四五六七八九"
        .chars()
        .position(|d| d == c)
        .map(|i| i as u32)
        .or(if c == '两' { Some(2) } else { None })
}

fn parse_chinese_numeral(text: &str) -> Option<(f64, &str)> {
    let mut chars = text.char_indices().peekable();
    let mut total = 0;
    let mut current = None;
    let mut end = 0;
    while let Some(&(i, c)) = chars.peek() {
        if let Some(d) = chinese_digit(c) {
            if current.is_some() {
                break;
            }
            current = Some(d);
        } else if c == '十' {
            total += current.unwrap_or(1) * 10;
            current = None;
        } else {
            break;
        }
        end = i + c.len_utf8();
        chars.next();
    }
    if end == 0 {
        return None;
    }
    Some(((total + current.unwrap_or(0)) as f64, &text[end..]))
}

/// The number alone, formatted as Chinese news text writes it: 6000, 3.9万, 1328万, 5亿.
pub fn format_zh_number(value: f64) -> String {
    let (scaled, suffix) = if value.abs() >= 1e8 && is_round(value / 1e8) {
        (value / 1e8, "亿")
    } else if value.abs() >= 1e4 && is_round(value / 1e4) {
        (value / 1e4, "万")
    } else {
        (value, "")
    };
    format!("{}{suffix}", trim_decimal(scaled))
}

/// The quantity in Chinese with its markers: "6000余", "近5亿", "近1万余".
pub fn format_zh(quantity: Quantity) -> String {
    let number = format_zh_number(quantity.value);
    match quantity.qualifier {
        Qualifier::Exact => number,
        Qualifier::MoreThan => format!("{number}余"),
        Qualifier::Nearly => format!("近{number}"),
        Qualifier::NearlyMoreThan => format!("近{number}余"),
    }
}

/// The number alone in English: 6,000, 39,000, 13.28 million, 500 million.
pub fn format_en_number(value: f64) -> String {
    if value.abs() >= 1e9 {
        format!("{} billion", trim_decimal(value / 1e9))
    } else if value.abs() >= 1e6 {
        format!("{} million", trim_decimal(value / 1e6))
    } else {
        group_thousands(value)
    }
}

/// The quantity in English with its qualifier: "6,000+", "nearly 500 million",
/// "more than 13.28 million", and "nearly 10,000" for 近1万余 (the data keeps both markers).
pub fn format_en(quantity: Quantity) -> String {
    let number = format_en_number(quantity.value);
    let worded = number.contains(' ');
    match quantity.qualifier {
        Qualifier::Exact => number,
        Qualifier::MoreThan if worded => format!("more than {number}"),
        Qualifier::MoreThan => format!("{number}+"),
        Qualifier::Nearly | Qualifier::NearlyMoreThan => format!("nearly {number}"),
    }
}

fn is_round(scaled: f64) -> bool {
    // Up to two decimals survive scaling (1328万 → 0.1328亿 is not round, 3.9万 is).
    ((scaled * 100.0).round() - scaled * 100.0).abs() < 1e-6
}

fn trim_decimal(value: f64) -> String {
    crate::decimal::fixed(value, 2)
}

fn group_thousands(value: f64) -> String {
    let text = trim_decimal(value);
    let (int, frac) = text.split_once('.').unwrap_or((&text, ""));
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{frac}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(value: f64, qualifier: Qualifier) -> Quantity {
        Quantity { value, qualifier }
    }

    mod parse {
        use super::*;

        #[test]
        fn the_articles_forms() {
            let cases = [
                ("6000余", q(6000.0, Qualifier::MoreThan)),
                ("30多", q(30.0, Qualifier::MoreThan)),
                ("近1万余", q(10_000.0, Qualifier::NearlyMoreThan)),
                ("3.9万", q(39_000.0, Qualifier::Exact)),
                ("1328万", q(13_280_000.0, Qualifier::Exact)),
                ("近5亿", q(500_000_000.0, Qualifier::Nearly)),
                ("256", q(256.0, Qualifier::Exact)),
                ("五", q(5.0, Qualifier::Exact)),
                ("十四", q(14.0, Qualifier::Exact)),
                ("二十三", q(23.0, Qualifier::Exact)),
            ];
            for (text, expected) in cases {
                assert_eq!(parse_amount(text), Ok(expected), "{text}");
            }
        }

        #[test]
        fn returns_the_unit_after_the_amount() {
            let (quantity, unit) = parse_amount_prefix("1328万元").unwrap();
            assert_eq!((quantity.value, unit), (13_280_000.0, "元"));
            let (quantity, unit) = parse_amount_prefix("近5亿元").unwrap();
            assert_eq!((quantity, unit), (q(5e8, Qualifier::Nearly), "元"));
        }

        #[test]
        fn rejects_what_is_not_an_amount() {
            assert_eq!(parse_amount(""), Err(ParseError::Empty));
            assert!(matches!(parse_amount("近"), Err(ParseError::NoDigits(_))));
            assert!(matches!(parse_amount("余人"), Err(ParseError::NoDigits(_))));
            assert_eq!(
                parse_amount("6000人次"),
                Err(ParseError::Trailing("人次".into()))
            );
            assert!(parse_amount("1.2.3").is_err());
        }
    }

    mod format {
        use super::*;

        #[test]
        fn chinese() {
            assert_eq!(format_zh(q(13_280_000.0, Qualifier::Exact)), "1328万");
            assert_eq!(format_zh(q(5e8, Qualifier::Nearly)), "近5亿");
            assert_eq!(format_zh(q(6000.0, Qualifier::MoreThan)), "6000余");
            assert_eq!(format_zh(q(39_000.0, Qualifier::Exact)), "3.9万");
            assert_eq!(format_zh(q(10_000.0, Qualifier::NearlyMoreThan)), "近1万余");
            assert_eq!(format_zh(q(224.0, Qualifier::Exact)), "224");
        }

        #[test]
        fn english() {
            assert_eq!(
                format_en(q(13_280_000.0, Qualifier::Exact)),
                "13.28 million"
            );
            assert_eq!(format_en(q(5e8, Qualifier::Nearly)), "nearly 500 million");
            assert_eq!(format_en(q(6000.0, Qualifier::MoreThan)), "6,000+");
            assert_eq!(format_en(q(39_000.0, Qualifier::Exact)), "39,000");
            assert_eq!(
                format_en(q(10_000.0, Qualifier::NearlyMoreThan)),
                "nearly 10,000"
            );
            assert_eq!(
                format_en(q(1.5e7, Qualifier::MoreThan)),
                "more than 15 million"
            );
        }

        #[test]
        fn round_trips_every_form_it_writes() {
            for text in ["6000余", "近1万余", "3.9万", "1328万", "近5亿", "793"] {
                assert_eq!(format_zh(parse_amount(text).unwrap()), text);
            }
        }
    }
}
