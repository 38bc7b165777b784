//! Text measuring and wrapping for chart layout, without a browser (the estimate errs wide).

use crate::geo::text_width;

/// Splits `text` into lines no wider than `max_px`: at spaces for English, between any two
/// characters for Chinese. A single word longer than the line stays whole.
pub fn wrap(text: &str, font_px: f64, max_px: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for token in tokens(text) {
        let candidate = format!("{line}{token}");
        if !line.is_empty() && text_width(candidate.trim_end(), font_px) > max_px {
            lines.push(line.trim_end().to_owned());
            line = token.trim_start().to_owned();
        } else {
            line = candidate;
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_owned());
    }
    lines
}

/// Words with their trailing space, and CJK characters one by one (with any punctuation that
/// must not start a line kept on the character before it).
fn tokens(text: &str) -> Vec<String> {
    let mut tokens: Vec<String> = Vec::new();
    let mut word = String::new();
    for c in text.chars() {
        let cjk = c as u32 >= 0x2E80;
        if cjk && "，。、：；）」》！？".contains(c) {
            word.push(c);
            tokens.push(std::mem::take(&mut word));
        } else if cjk {
            if !word.is_empty() {
                tokens.push(std::mem::take(&mut word));
            }
            word.push(c);
            tokens.push(std::mem::take(&mut word));
        } else if c == ' ' {
            word.push(c);
            tokens.push(std::mem::take(&mut word));
        } else {
            word.push(c);
        }
    }
    if !word.is_empty() {
        tokens.push(word);
    }
    tokens
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_wraps_at_spaces() {
        let lines = wrap(
            "Private enterprises with a new Party organisation",
            13.0,
            160.0,
        );
        assert!(lines.len() >= 2, "{lines:?}");
        assert!(lines
            .iter()
            .all(|l| !l.starts_with(' ') && !l.ends_with(' ')));
        assert_eq!(
            lines.join(" "),
            "Private enterprises with a new Party organisation"
        );
    }

    #[test]
    fn chinese_wraps_between_characters_and_keeps_punctuation() {
        let lines = wrap("选树的各级劳模、工匠、五一劳动奖章获得者", 13.0, 80.0);
        assert!(lines.len() >= 3, "{lines:?}");
        assert!(lines.iter().all(|l| !l.starts_with('、')), "{lines:?}");
        assert_eq!(lines.concat(), "选树的各级劳模、工匠、五一劳动奖章获得者");
    }

    #[test]
    fn short_text_stays_on_one_line() {
        assert_eq!(wrap("Key tasks", 13.0, 300.0), ["Key tasks"]);
    }
}
