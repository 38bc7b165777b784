//! The article's content: serde types, loading and validation (pure: no `yew`, no `web-sys`).

mod error;
mod model;
mod validate;

pub use error::{LoadError, Problem};
pub use model::{Article, Content, Site, Text};

/// The content shipped with the widget, embedded at compile time so the first render needs no
/// request.
pub const EMBEDDED_JSON: &str = include_str!("../../assets/content.json");

/// Parses and validates a content file.
///
/// Returns every problem found, not just the first, so whoever edits the file can fix them in
/// one pass. Never panics, whatever the input.
pub fn load(json: &str) -> Result<Content, LoadError> {
    let content: Content = serde_json::from_str(json).map_err(LoadError::from_json)?;
    let problems = validate::problems(&content);
    if problems.is_empty() {
        Ok(content)
    } else {
        Err(LoadError::Invalid(problems))
    }
}

/// Loads the embedded content.
pub fn embedded() -> Result<Content, LoadError> {
    load(EMBEDDED_JSON)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_content_loads_with_seven_sites_in_article_order() {
        let content = embedded().unwrap_or_else(|err| panic!("{err}"));
        let numbers: Vec<u32> = content.sites_in_order().iter().map(|s| s.number).collect();
        assert_eq!(numbers, [1, 2, 3, 4, 5, 6, 7]);
        let names: Vec<&str> = content
            .sites_in_order()
            .iter()
            .map(|s| s.name.en.as_str())
            .collect();
        assert_eq!(names[0], "Baotou");
        assert_eq!(names[6], "Yili Group");
    }

    #[test]
    fn syntax_errors_name_line_and_column() {
        let err = load("{\n  \"sites\": [,]\n}").unwrap_err();
        match err {
            LoadError::Syntax { line, column, .. } => assert_eq!((line, column), (2, 13)),
            other => panic!("expected a syntax error, got {other:?}"),
        }
    }

    #[test]
    fn every_broken_rule_is_reported_with_its_path() {
        let json = r#"{
            "article": { "title": { "zh": "标题", "en": " " } },
            "sites": [
                { "id": "a", "number": 1, "name": { "zh": "甲", "en": "A" } },
                { "id": "a", "number": 1, "name": { "zh": "", "en": "B" } }
            ]
        }"#;
        let problems = match load(json) {
            Err(LoadError::Invalid(problems)) => problems,
            other => panic!("expected validation problems, got {other:?}"),
        };
        let lines: Vec<String> = problems.iter().map(ToString::to_string).collect();
        assert_eq!(
            lines,
            [
                "article.title.en: missing translation: expected non-empty text",
                "sites[1].id: duplicate id \"a\"",
                "sites[1].number: duplicate number 1",
                "sites[1].name.zh: missing translation: expected non-empty text",
            ]
        );
    }

    #[test]
    fn unknown_fields_are_rejected_not_ignored() {
        let json =
            r#"{ "article": { "title": { "zh": "a", "en": "b", "fr": "c" } }, "sites": [] }"#;
        let err = load(json).unwrap_err();
        assert!(err.to_string().contains("unknown field `fr`"), "{err}");
    }
}
