//! Text metrics without a browser: how wide a line is drawn, and where it may wrap. The map's
//! labels (`geo`) and the charts (`chart`) both lay text out with these, natively and in the
//! browser alike, so the prerender and the live widget agree.
//!
//! Widths are those of Noto Sans CJK SC, the first font of the widget's stack (and the one the
//! kiosks and the tests have), measured in Chromium with `CanvasRenderingContext2D.measureText`
//! at 100 px. Latin letters and digits average 0.43 to 0.56 em there, so 0.56 errs wide; every
//! CJK character is one em. Some characters below U+2E80 are full-width in a CJK font too:
//! the middle dot, curly quotes, the ellipsis, bullets, arrows and the multiplication sign all
//! measured 1.000 em, and the em dash 0.894 em; the en dash (0.536) and the minus sign (0.555)
//! are Latin-wide. The estimate errs wide, so a label laid out here fits in the browser.

/// Whether `c` is a CJK character: one em wide, and a line may break before or after it.
pub fn is_cjk(c: char) -> bool {
    c as u32 >= 0x2E80
}

/// The advance of `c`, in ems of the widget's font.
pub fn advance_em(c: char) -> f64 {
    match c {
        '\u{2014}' => 0.9,
        '\u{00B7}' | '\u{00D7}' | '\u{2018}'..='\u{2027}' => 1.0,
        '\u{2190}'..='\u{21FF}' | '\u{25A0}'..='\u{27BF}' => 1.0,
        c if is_cjk(c) => 1.0,
        _ => 0.56,
    }
}

/// Estimated width of a line of text.
///
/// # Units
/// `font_px` in CSS pixels in, CSS pixels out.
pub fn text_width(text: &str, font_px: f64) -> f64 {
    text.chars().map(advance_em).sum::<f64>() * font_px
}

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
        let cjk = is_cjk(c);
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
    fn the_middle_dot_and_the_em_dash_are_measured_as_the_font_draws_them() {
        // Both sit below U+2E80, where the old rule gave every character 0.56 em; Noto Sans
        // CJK SC draws "·" one em wide and "—" 0.894 em. The en dash stays Latin-wide.
        let close = |text: &str, px: f64| (text_width(text, 10.0) - px).abs() < 1e-9;
        assert!(close("·", 10.0) && close("—", 9.0) && close("–", 5.6));
        assert!(close("“1335”", 2.0 * 10.0 + 4.0 * 5.6));
        assert!(close("包头·钢铁", 5.0 * 10.0));
        // Still one em per CJK character and 0.56 em for Latin.
        assert!(close("包头", 20.0) && close("ab", 11.2));
    }

    #[test]
    fn cjk_is_told_by_one_rule_and_a_middle_dot_is_not_cjk() {
        assert_eq!(tokens("包头·钢铁"), ["包", "头", "·", "钢", "铁"]);
        assert!(!is_cjk('·') && !is_cjk('—') && is_cjk('包') && is_cjk('，'));
    }

    #[test]
    fn short_text_stays_on_one_line() {
        assert_eq!(wrap("Key tasks", 13.0, 300.0), ["Key tasks"]);
    }
}
