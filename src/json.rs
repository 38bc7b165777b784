//! A small JSON reader: text to a [`Json`] tree, or a syntax error with its line and column.
//!
//! Why not serde_json: with serde's derived deserializers it cost the widget about 60 KB of
//! wasm (24 KB gzipped, a tenth of the download) for one 40 KB file read once. This reader and
//! the typed conversion in `content::read` do the same job in a fraction of that, and every
//! shape error names its field path directly.
//!
//! Strict RFC 8259 JSON, with two limits of our own: nesting deeper than [`MAX_DEPTH`] is an
//! error, and so is a number beyond a double's range (`1e999`). Numbers of up to 15 significant
//! digits within 10^±22 are read exactly; longer ones (JavaScript and Python write 17 digits)
//! to within a few units in the last place.

use std::fmt;

/// A parsed JSON value. Object members keep their order and any duplicate keys, so the reader
/// of a typed shape can refuse duplicates by name.
#[derive(Clone, Debug, PartialEq)]
pub enum Json {
    Null,
    Bool(bool),
    Number(f64),
    String(String),
    Array(Vec<Json>),
    Object(Vec<(String, Json)>),
}

/// Deepest nesting of arrays and objects accepted; a content file needs five levels.
pub const MAX_DEPTH: usize = 64;

/// Why a text is not JSON, and where (1-based line, 1-based column in characters).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SyntaxError {
    pub message: &'static str,
    pub line: usize,
    pub column: usize,
}

impl fmt::Display for SyntaxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{} at line {} column {}",
            self.message, self.line, self.column
        )
    }
}

impl Json {
    /// What this value is, for a message: "the string \"three\"", "an array", "null".
    pub fn describe(&self) -> String {
        match self {
            Json::Null => "null".into(),
            Json::Bool(value) => format!("the boolean {value}"),
            Json::Number(value) => format!("the number {}", crate::decimal::shortest(*value)),
            Json::String(text) if text.chars().count() > 40 => {
                let start: String = text.chars().take(40).collect();
                format!("the string \"{start}…\"")
            }
            Json::String(text) => format!("the string \"{text}\""),
            Json::Array(_) => "an array".into(),
            Json::Object(_) => "an object".into(),
        }
    }
}

/// Parses a whole text as one JSON value.
pub fn parse(text: &str) -> Result<Json, SyntaxError> {
    let mut parser = Parser { text, pos: 0 };
    parser.skip_space();
    let value = parser.value(0)?;
    parser.skip_space();
    if parser.pos < text.len() {
        return Err(parser.error("trailing characters"));
    }
    Ok(value)
}

struct Parser<'a> {
    text: &'a str,
    /// Byte offset of the next unread byte.
    pos: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.pos).copied()
    }

    fn error(&self, message: &'static str) -> SyntaxError {
        let before = &self.text[..self.pos.min(self.text.len())];
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        SyntaxError {
            message,
            line: before.matches('\n').count() + 1,
            column: before[line_start..].chars().count() + 1,
        }
    }

    fn skip_space(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }

    /// Consumes `byte` (after any space) or fails with `message`.
    fn consume(&mut self, byte: u8, message: &'static str) -> Result<(), SyntaxError> {
        self.skip_space();
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.error(message))
        }
    }

    fn value(&mut self, depth: usize) -> Result<Json, SyntaxError> {
        match self.peek() {
            None => Err(self.error("the file ends where a value was expected")),
            Some(b'{') => self.object(depth + 1),
            Some(b'[') => self.array(depth + 1),
            Some(b'"') => self.string().map(Json::String),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => {
                for (word, value) in [
                    ("null", Json::Null),
                    ("true", Json::Bool(true)),
                    ("false", Json::Bool(false)),
                ] {
                    if self.text[self.pos..].starts_with(word) {
                        self.pos += word.len();
                        return Ok(value);
                    }
                }
                Err(self.error("expected a value"))
            }
        }
    }

    fn enter(&self, depth: usize) -> Result<(), SyntaxError> {
        if depth > MAX_DEPTH {
            Err(self.error("nested more than 64 levels deep"))
        } else {
            Ok(())
        }
    }

    fn array(&mut self, depth: usize) -> Result<Json, SyntaxError> {
        self.enter(depth)?;
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_space();
        if self.peek() == Some(b']') {
            self.pos += 1;
            return Ok(Json::Array(items));
        }
        loop {
            self.skip_space();
            items.push(self.value(depth)?);
            self.skip_space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Json::Array(items));
                }
                None => return Err(self.error("the file ends inside an array")),
                Some(_) => return Err(self.error("expected `,` or `]`")),
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Json, SyntaxError> {
        self.enter(depth)?;
        self.pos += 1;
        let mut members = Vec::new();
        self.skip_space();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(Json::Object(members));
        }
        loop {
            self.skip_space();
            match self.peek() {
                Some(b'"') => {}
                None => return Err(self.error("the file ends inside an object")),
                Some(_) => return Err(self.error("expected a key in double quotes")),
            }
            let key = self.string()?;
            self.consume(b':', "expected `:`")?;
            self.skip_space();
            members.push((key, self.value(depth)?));
            self.skip_space();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Json::Object(members));
                }
                None => return Err(self.error("the file ends inside an object")),
                Some(_) => return Err(self.error("expected `,` or `}`")),
            }
        }
    }

    /// A string, the opening quote at `pos`.
    fn string(&mut self) -> Result<String, SyntaxError> {
        self.pos += 1;
        let mut out = String::new();
        loop {
            let rest = &self.text.as_bytes()[self.pos..];
            // Copy the run of plain characters in one go; quotes, backslashes and control
            // characters are ASCII, so the run ends on a character boundary.
            let run = rest
                .iter()
                .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                .unwrap_or(rest.len());
            out.push_str(&self.text[self.pos..self.pos + run]);
            self.pos += run;
            match self.peek() {
                None => return Err(self.error("the file ends inside a string")),
                Some(b'"') => {
                    self.pos += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.pos += 1;
                    out.push(self.escape()?);
                }
                Some(_) => {
                    return Err(self.error("control character (U+0000 to U+001F) in a string"))
                }
            }
        }
    }

    /// The character of an escape, the backslash already read.
    fn escape(&mut self) -> Result<char, SyntaxError> {
        let Some(byte) = self.peek() else {
            return Err(self.error("the file ends inside a string"));
        };
        self.pos += 1;
        Ok(match byte {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let first = self.hex4()?;
                let code = if (0xD800..0xDC00).contains(&first) {
                    // A UTF-16 surrogate pair: the low half must follow as another \u escape.
                    if !self.text[self.pos..].starts_with("\\u") {
                        return Err(self.error("invalid unicode code point"));
                    }
                    self.pos += 2;
                    let second = self.hex4()?;
                    if !(0xDC00..0xE000).contains(&second) {
                        return Err(self.error("invalid unicode code point"));
                    }
                    0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
                } else {
                    first
                };
                char::from_u32(code).ok_or_else(|| self.error("invalid unicode code point"))?
            }
            _ => {
                self.pos -= 1;
                return Err(self.error("invalid escape"));
            }
        })
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let digits = self.text.get(self.pos..self.pos + 4).unwrap_or("");
        if digits.len() != 4 || !digits.bytes().all(|b| b.is_ascii_hexdigit()) {
            return Err(self.error("invalid escape"));
        }
        self.pos += 4;
        u32::from_str_radix(digits, 16).map_err(|_| self.error("invalid escape"))
    }

    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`
    fn number(&mut self) -> Result<Json, SyntaxError> {
        let start = self.pos;
        let digits = |parser: &mut Self| {
            let from = parser.pos;
            while parser.peek().is_some_and(|b| b.is_ascii_digit()) {
                parser.pos += 1;
            }
            parser.pos - from
        };
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        let int_start = self.pos;
        let int_len = digits(self);
        let leading_zero = int_len > 1 && self.text.as_bytes()[int_start] == b'0';
        if int_len == 0 || leading_zero {
            return Err(self.error("invalid number"));
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if digits(self) == 0 {
                return Err(self.error("invalid number"));
            }
        }
        let mantissa_end = self.pos;
        let mut exponent: i64 = 0;
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.pos += 1;
            let negative = match self.peek() {
                Some(b'-') => {
                    self.pos += 1;
                    true
                }
                Some(b'+') => {
                    self.pos += 1;
                    false
                }
                _ => false,
            };
            let exp_start = self.pos;
            if digits(self) == 0 {
                return Err(self.error("invalid number"));
            }
            // Saturate: anything past a few hundred is out of range either way.
            let magnitude = self.text[exp_start..self.pos]
                .bytes()
                .fold(0i64, |acc, b| (acc * 10 + i64::from(b - b'0')).min(100_000));
            exponent = if negative { -magnitude } else { magnitude };
        }
        let mantissa = &self.text[start..mantissa_end];
        let value = crate::decimal::parse_scaled(mantissa, exponent)
            .or_else(|| approximate(mantissa, exponent))
            .filter(|v| v.is_finite());
        value.map(Json::Number).ok_or_else(|| {
            self.pos = start;
            self.error("number out of range")
        })
    }
}

/// A number past the exact range of `decimal::parse_scaled` (more than 15 significant digits,
/// as JavaScript and Python write doubles, or a power of ten beyond ±22), read to within a few
/// units in the last place: digits accumulated in a double, then scaled.
fn approximate(mantissa: &str, exponent: i64) -> Option<f64> {
    let (negative, whole, fraction) = crate::decimal::split(mantissa)?;
    let digits = whole
        .bytes()
        .chain(fraction.bytes())
        .fold(0.0, |acc, b| acc * 10.0 + f64::from(b - b'0'));
    let power = exponent
        .checked_sub(i64::try_from(fraction.len()).ok()?)?
        .clamp(-1000, 1000) as i32;
    // In two steps, so a tiny number (1e-320) is not lost to an underflowing 10^power.
    let first = power.max(-300);
    let value = digits * 10f64.powi(first) * 10f64.powi(power - first);
    Some(if negative { -value } else { value })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn object(members: &[(&str, Json)]) -> Json {
        Json::Object(
            members
                .iter()
                .map(|(k, v)| ((*k).to_owned(), v.clone()))
                .collect(),
        )
    }

    #[test]
    fn reads_every_kind_of_value() {
        let text = r#" {"a": [1, -2.5, 3e2, 0.25E-1], "b": {"c": null, "d": true, "e": false},
            "s": "x\"y\\z\/\n\t\u00e9\u4e2d\ud83d\ude00 包头", "empty": [], "o": {}} "#;
        let expected = object(&[
            (
                "a",
                Json::Array(vec![
                    Json::Number(1.0),
                    Json::Number(-2.5),
                    Json::Number(300.0),
                    Json::Number(0.025),
                ]),
            ),
            (
                "b",
                object(&[
                    ("c", Json::Null),
                    ("d", Json::Bool(true)),
                    ("e", Json::Bool(false)),
                ]),
            ),
            ("s", Json::String("x\"y\\z/\n\té中😀 包头".into())),
            ("empty", Json::Array(vec![])),
            ("o", object(&[])),
        ]);
        assert_eq!(parse(text), Ok(expected));
    }

    #[test]
    fn numbers_past_the_exact_range_are_close_not_refused() {
        // Seventeen digits are what JavaScript and Python write; a huge figure is then refused
        // by the content rules by name ("absurd value"), not as syntax.
        let text = "[1e300, 2.5e-30, -7E+25, 40.666666666666664, 0.30000000000000004, \
                    100000000000000000000000, 0.00000000000000000000001, 12345678901234567, 1e-320]";
        let Ok(Json::Array(values)) = parse(text) else {
            panic!("parses");
        };
        let expected = [
            1e300,
            2.5e-30,
            -7e25,
            40.666666666666664,
            0.30000000000000004,
            1e23,
            1e-23,
            12345678901234567.0,
            1e-320,
        ];
        // Subnormals (1e-320) keep only a few digits of precision.
        for (value, expected) in values.iter().zip(expected) {
            let Json::Number(n) = value else {
                panic!("a number")
            };
            assert!(
                ((n - expected) / expected).abs()
                    < if expected.abs() < 1e-300 { 1e-3 } else { 1e-12 },
                "{n} for {expected}"
            );
        }
    }

    #[test]
    fn keeps_duplicate_keys_for_the_typed_reader_to_refuse() {
        let parsed = parse(r#"{"a": 1, "a": 2}"#);
        assert_eq!(
            parsed,
            Ok(object(&[
                ("a", Json::Number(1.0)),
                ("a", Json::Number(2.0))
            ]))
        );
    }

    #[test]
    fn agrees_with_serde_json_on_the_shipped_content() {
        for text in [
            crate::content::EMBEDDED_JSON,
            include_str!("../assets/content.json"),
        ] {
            let ours = sorted(parse(text).expect("parses"));
            let theirs: serde_json::Value = serde_json::from_str(text).expect("parses");
            // Not assert_eq!: a difference would print both 40 KB trees.
            assert!(ours == from_serde(&theirs), "the readers disagree");
        }
    }

    /// Members in key order, as serde_json's default map keeps them.
    fn sorted(value: Json) -> Json {
        match value {
            Json::Array(items) => Json::Array(items.into_iter().map(sorted).collect()),
            Json::Object(mut members) => {
                members.sort_by(|a, b| a.0.cmp(&b.0));
                Json::Object(members.into_iter().map(|(k, v)| (k, sorted(v))).collect())
            }
            other => other,
        }
    }

    fn from_serde(value: &serde_json::Value) -> Json {
        use serde_json::Value;
        match value {
            Value::Null => Json::Null,
            Value::Bool(b) => Json::Bool(*b),
            Value::Number(n) => Json::Number(n.as_f64().expect("finite")),
            Value::String(s) => Json::String(s.clone()),
            Value::Array(items) => Json::Array(items.iter().map(from_serde).collect()),
            Value::Object(map) => Json::Object(
                map.iter()
                    .map(|(k, v)| (k.clone(), from_serde(v)))
                    .collect(),
            ),
        }
    }

    #[test]
    fn says_what_is_wrong_and_where() {
        let cases = [
            (
                "",
                "the file ends where a value was expected at line 1 column 1",
            ),
            ("{\"a\": 1,\n  \"b\" 2}", "expected `:` at line 2 column 7"),
            ("[1, 2", "the file ends inside an array at line 1 column 6"),
            ("[1 2]", "expected `,` or `]` at line 1 column 4"),
            (
                "{\"a\": 1 \"b\": 2}",
                "expected `,` or `}` at line 1 column 9",
            ),
            (
                "{a: 1}",
                "expected a key in double quotes at line 1 column 2",
            ),
            ("{\"a\": NaN}", "expected a value at line 1 column 7"),
            ("[Infinity]", "expected a value at line 1 column 2"),
            ("[1e999]", "number out of range at line 1 column 2"),
            ("[-2e308]", "number out of range at line 1 column 2"),
            ("[01]", "invalid number at line 1 column 4"),
            ("[1.]", "invalid number at line 1 column 4"),
            ("[-]", "invalid number at line 1 column 3"),
            ("\"a\\qb\"", "invalid escape at line 1 column 4"),
            (
                "\"\\ud800x\"",
                "invalid unicode code point at line 1 column 8",
            ),
            (
                "\"tab\there\"",
                "control character (U+0000 to U+001F) in a string at line 1 column 5",
            ),
            ("\"open", "the file ends inside a string at line 1 column 6"),
            ("{} x", "trailing characters at line 1 column 4"),
            ("包头 ", "expected a value at line 1 column 1"),
            ("[\"包头\", x]", "expected a value at line 1 column 8"),
        ];
        for (text, expected) in cases {
            let err = parse(text).expect_err(text);
            assert_eq!(err.to_string(), expected, "{text:?}");
        }
    }

    #[test]
    fn refuses_deep_nesting_without_deep_recursion() {
        let ok = "[".repeat(MAX_DEPTH) + &"]".repeat(MAX_DEPTH);
        assert!(parse(&ok).is_ok());
        let deep = "[".repeat(100_000);
        let err = parse(&deep).expect_err("too deep");
        assert_eq!(err.message, "nested more than 64 levels deep");
    }

    #[test]
    fn describes_values_for_messages() {
        assert_eq!(
            Json::String("three".into()).describe(),
            "the string \"three\""
        );
        assert_eq!(Json::Number(7.0).describe(), "the number 7");
        assert_eq!(Json::Null.describe(), "null");
        assert_eq!(
            Json::String("x".repeat(50)).describe(),
            format!("the string \"{}…\"", "x".repeat(40))
        );
    }
}
