//! The field path (`sites[2].kind`) at a position of a JSON text, for error messages. serde_json
//! says where it stopped (line and column); this walks the text up to there. A few dozen lines
//! here instead of a path-tracking deserializer, which costs tens of kilobytes of wasm.

enum Frame {
    /// In an object: the last key read, and whether its value has started.
    Object(Option<String>),
    Array(usize),
}

/// The path of the value being read at 1-based `line` and byte `column` (as serde_json
/// reports them).
pub fn path_at(text: &str, line: usize, column: usize) -> String {
    let offset = byte_offset(text, line, column);
    let scanned = &text[..offset];
    let mut stack: Vec<Frame> = Vec::new();
    let mut chars = scanned.char_indices().peekable();
    let mut expecting_key = false;
    while let Some((_, c)) = chars.next() {
        match c {
            '{' => {
                stack.push(Frame::Object(None));
                expecting_key = true;
            }
            '[' => stack.push(Frame::Array(0)),
            '}' | ']' => {
                stack.pop();
            }
            ',' => match stack.last_mut() {
                Some(Frame::Array(i)) => *i += 1,
                Some(Frame::Object(_)) => expecting_key = true,
                None => {}
            },
            '"' => {
                let mut string = String::new();
                let mut escaped = false;
                for (_, c) in chars.by_ref() {
                    match (escaped, c) {
                        (false, '\\') => escaped = true,
                        (false, '"') => break,
                        (_, c) => {
                            string.push(c);
                            escaped = false;
                        }
                    }
                }
                if expecting_key {
                    if let Some(Frame::Object(key)) = stack.last_mut() {
                        *key = Some(string);
                    }
                    expecting_key = false;
                }
            }
            _ => {}
        }
    }
    // After a closing brace (a missing field) the parent's last key names the closed object,
    // which is the path wanted.
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object(None) => {}
            Frame::Array(i) => path.push_str(&format!("[{i}]")),
        }
    }
    path
}

fn byte_offset(text: &str, line: usize, column: usize) -> usize {
    let mut offset = 0;
    for (n, l) in text.split_inclusive('\n').enumerate() {
        if n + 1 == line {
            let mut end = (offset + column).min(text.len());
            while !text.is_char_boundary(end) {
                end += 1;
            }
            return end;
        }
        offset += l.len();
    }
    text.len()
}

#[cfg(test)]
mod tests {
    use super::path_at;

    fn at(text: &str, marker: &str) -> String {
        let column = text.find(marker).expect("marker") + marker.len();
        path_at(text, 1, column)
    }

    #[test]
    fn finds_keys_and_indices() {
        let text = r#"{"sites":[{"id":"a"},{"id":"b","kind":"village"}]}"#;
        assert_eq!(at(text, r#""village""#), "sites[1].kind");
        assert_eq!(at(text, r#""a""#), "sites[0].id");
    }

    #[test]
    fn a_closing_brace_means_the_object_itself() {
        let text = r#"{"sites":[{"name":{"zh":"甲"}}]}"#;
        assert_eq!(at(text, r#""甲"}"#), "sites[0].name");
    }

    #[test]
    fn escaped_quotes_and_multibyte_text_do_not_confuse_it() {
        let text = r#"{"a":"x\"y","b":{"c":"中文","d":1}}"#;
        assert_eq!(at(text, r#""d":1"#), "b.d");
    }

    #[test]
    fn lines_and_columns() {
        let text = "{\n  \"format\": 1,\n  \"sites\": [\n    {\"id\": 3}\n  ]\n}";
        assert_eq!(path_at(text, 4, 12), "sites[0].id");
    }
}
